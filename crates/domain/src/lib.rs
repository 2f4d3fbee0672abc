//! Ateneu's domain: pure types and rules (no I/O, no async), parsed at the edge and shared by
//! the database, the web layer and the command line.

pub mod accounts;
pub mod assessments;
pub mod banners;
pub mod cities;
pub mod countries;
pub mod csv_format;
pub mod events;
pub mod frameworks;
pub mod ids;
pub mod indicators;
pub mod lang;
pub mod memberships;
pub mod module_tests;
pub mod newsletter;
pub mod notifications;
pub mod permissions;
pub mod policy_design;
pub mod practices;
pub mod problems;
pub mod programmes;
pub mod reference;
pub mod results;
pub mod seven_keys;
pub mod showcase;
pub mod text;
pub mod validation;
pub mod workshop_packages;

pub use lang::Lang;
pub use problems::ProblemKey;
pub use text::{TranslatedText, TranslationStatus};
pub use validation::{FieldErrors, Problem};
