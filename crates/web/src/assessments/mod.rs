//! Culture 21 Lab assessments on the web: the routes, the pages and the JSON API over
//! `ateneu_app::assessments` (create, load with the viewer's rights, invite, participate,
//! consensus, close, reopen). Results, radar and report live in `results`; the participant's
//! form in `participate`.

use ateneu_domain::ids::AssessmentId;
pub mod api;
mod dashboard;
mod invitations;
mod pages;
mod participate;
pub mod results;

use crate::AppState;
use crate::error::AppError;
use crate::routing::Routes;
use crate::viewer::Viewer;
use axum::routing::{get, post};
use utoipa_axum::routes;

pub fn routes() -> Routes {
    Routes::new()
        .route("/assessments", get(pages::list))
        .route("/assessments/new", get(pages::new_form).post(pages::create))
        .route("/assessments/compare", get(results::compare_page))
        .route("/assessments/{id}", get(pages::overview))
        .route(
            "/assessments/{id}/invitations",
            get(invitations::page).post(invitations::make),
        )
        .route(
            "/assessments/{id}/invitations/{invitation}/reprint",
            get(invitations::reprint_page),
        )
        .route(
            "/assessments/{id}/invitations/{invitation}/resend",
            post(invitations::resend_form),
        )
        .route(
            "/assessments/{id}/invitations/{invitation}/revoke",
            post(invitations::revoke_form),
        )
        .route("/assessments/{id}/dashboard", get(dashboard::page))
        .route("/assessments/{id}/dashboard/live", get(dashboard::fragment))
        .route("/assessments/{id}/events", get(dashboard::events))
        .route(
            "/assessments/{id}/consensus",
            get(pages::consensus_form).post(pages::save_consensus),
        )
        .route(
            "/assessments/{id}/close",
            get(pages::close_confirmation).post(pages::close),
        )
        .route("/assessments/{id}/reopen", post(pages::reopen))
        .documented(routes!(results::radar_svg))
        .route("/assessments/{id}/report", get(results::report_page))
        .documented(routes!(results::report::report_pdf))
        .route(
            "/participate/{token}",
            get(participate::form).post(participate::save),
        )
        .route("/cities/{slug}/assessments", get(results::city_history))
}

pub use ateneu_app::assessments::{AssessmentInput, Loaded, Need, load};

/// The assessments of a list that the viewer may see, in the list's order.
pub async fn visible(
    state: &AppState,
    v: &Viewer,
    assessments: Vec<ateneu_app::assessments::Assessment>,
) -> Result<Vec<Loaded>, AppError> {
    Ok(ateneu_app::assessments::visible(state, &v.acting(), assessments).await?)
}

/// Loads an assessment the viewer may use for `need` (404 to whoever may not see it at all).
pub async fn load_for(
    state: &AppState,
    v: &Viewer,
    id: AssessmentId,
    need: Need,
) -> Result<Loaded, AppError> {
    Ok(ateneu_app::assessments::load_for(state, &v.acting(), id, need).await?)
}
