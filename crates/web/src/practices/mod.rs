//! Good practices on the web: the routes, the pages and the JSON API over
//! `ateneu_app::practices` (load with the viewer's rights, create, edit, take a review step,
//! comment, promote, search, import), and what a page offers the viewer (their steps, whether
//! they see the contact).

pub mod api;
mod edit_form;
mod edit_pages;
pub mod feeds;
pub use ateneu_app::practices::index;
pub mod media;
mod media_pages;
mod pages;
pub mod search;
mod sharing;
pub mod thesaurus;
mod view_page;
mod work_pages;

use crate::AppState;
use crate::error::AppError;
use crate::routing::Routes;
use crate::viewer::Viewer;
use ateneu_domain::practices::roles;
use ateneu_domain::practices::workflow::Step;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use utoipa_axum::routes;

/// The largest practices import file accepted (page and API): an archive of thousands of
/// practices is tens of megabytes.
pub const MAX_IMPORT: usize = 64 * 1024 * 1024;

pub fn routes() -> Routes {
    Routes::new()
        .route("/practices", get(pages::search_page))
        .documented(routes!(feeds::atom))
        .route(
            "/practices/new",
            get(edit_pages::new_form).post(edit_pages::create),
        )
        .route("/practices/work", get(work_pages::work_page))
        .route(
            "/practices/import",
            get(work_pages::import_form)
                .post(work_pages::import_upload)
                .layer(DefaultBodyLimit::max(MAX_IMPORT)),
        )
        .route("/practices/{slug}", get(view_page::detail))
        .route(
            "/practices/{slug}/sharing",
            get(sharing::page).post(sharing::record_page),
        )
        .route("/sharing", get(sharing::due_page))
        .route(
            "/practices/{slug}/edit",
            get(edit_pages::edit_page)
                .post(edit_pages::save_step)
                .layer(DefaultBodyLimit::max(media::BODY_LIMIT)),
        )
        .route("/practices/{slug}/steps", post(view_page::take_step))
        .route("/practices/{slug}/comments", post(view_page::add_comment))
        .route("/practices/{slug}/promotion", post(view_page::promote))
        .route("/keywords", get(thesaurus::page).post(thesaurus::save_form))
        .merge(media::page_routes())
}

pub use ateneu_app::practices::{
    DomainGroup, FieldGroup, LIST_PAGE, Loaded, NewPractice, QUEUE_PAGE, framework_fields,
    framework_groups, load, reindex, vocabulary,
};

/// A practice the viewer may see; one they may not see is not found (drafts stay unknown).
pub async fn load_visible(
    state: &AppState,
    v: &Viewer,
    reference: &str,
) -> Result<Loaded, AppError> {
    Ok(ateneu_app::practices::load_visible(state, &v.acting(), reference).await?)
}

/// The steps the viewer may take from the practice's stage (what the page offers).
pub fn steps_for(v: &Viewer, loaded: &Loaded) -> Vec<Step> {
    roles::steps_for(&v.actor, loaded.scope())
}

/// Whether the viewer works on this practice (`domain::practices::roles::is_worker`).
pub fn is_worker(v: &Viewer, loaded: &Loaded) -> bool {
    roles::is_worker(&v.actor, loaded.scope())
}

/// Whether the viewer sees the contact person (`domain::practices::roles::shows_contact`).
pub fn shows_contact(v: &Viewer, loaded: &Loaded) -> bool {
    roles::shows_contact(
        &v.actor,
        loaded.scope(),
        loaded.practice.record.contact.public,
    )
}
