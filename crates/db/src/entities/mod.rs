//! SeaORM entities, one per table, grouped by feature. JSON columns are plain text read through
//! domain types by the repositories.

pub mod accounts;
pub mod action_plans;
pub mod events;
pub mod experts;
pub mod indicators;
pub mod lab;
pub mod log;
pub mod media;
pub mod module_tests;
pub mod newsletter;
pub mod notices;
pub mod output_files;
pub mod policy_design;
pub mod practices;
pub mod programme_mous;
pub mod programmes;
pub mod reference;
pub mod registry;
pub mod seven_keys;
pub mod showcase;
pub mod workshop_packages;

pub use accounts::{api_token, grant, login_failure, one_time_link, session, user};
pub use action_plans::{action_plan_item, action_plan_update};
pub use events::{event, event_reminder, event_representative, event_request};
pub use experts::{expert, expert_engagement};
pub use indicators::{goal_version, indicator_series};
pub use lab::{
    assessment, assessment_facilitator, benchmark_set, consensus_score, framework_version,
    invitation, output, response,
};
pub use log::{audit_entry, setting};
pub use media::practice_medium;
pub use module_tests::{module_test, module_test_link, module_test_proposal};
pub use newsletter::{
    banner, newsletter_delivery, newsletter_issue, newsletter_subscriber, practice_dissemination,
};
pub use notices::{notification, notification_setting};
pub use output_files::{output_file, output_share_link, output_share_link_use};
pub use policy_design::{policy_design_idea, policy_design_link, policy_design_workshop};
pub use practices::{
    keyword, practice, practice_city, practice_comment, search_change, search_log,
};
pub use programme_mous::{programme_inquiry, programme_mou, programme_mou_file, programme_plan};
pub use programmes::{
    budget_line, budget_total, catalogue_change, output_dissemination, output_version, programme,
    programme_activity, programme_activity_link, programme_consultation,
};
pub use reference::{creative_field, network, region, sdg};
pub use registry::{city, city_slug, focal_point, membership};
pub use seven_keys::{
    cultural_asset, seven_keys_challenge, seven_keys_invitation, seven_keys_key,
    seven_keys_workshop,
};
pub use showcase::{showcase_entry, showcase_intro};
pub use workshop_packages::{workshop_package, workshop_package_import, workshop_package_item};
