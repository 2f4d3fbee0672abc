//! A Seven Keys workshop's internal report as a PDF in the reader's language, for whoever may
//! see the workshop: the local challenges by theme (those in no theme last), then the keys,
//! each with who commits to it, the commitment, its SDGs and the challenges it answers.

use crate::AppState;
use crate::error::AppError;
use crate::extract::Path;
use crate::viewer::Viewer;
use ateneu_app::reports::pdf::{Block, Document};
use ateneu_app::seven_keys::{self as cases, WorkshopView};
use axum::extract::State;
use axum::response::Response;

fn blocks(v: &Viewer, view: &WorkshopView) -> Vec<Block> {
    let w = &view.workshop;
    let city = view.city.draft.name.show(v.lang).text.to_owned();
    let mut blocks = vec![Block::Paragraph(format!(
        "{city} · {} · {}",
        w.draft.held_on,
        v.language(w.draft.lang)
    ))];
    blocks.push(Block::Heading {
        level: 2,
        text: v.tf(
            "seven-keys-challenges",
            &[("count", view.challenges.len().into())],
        ),
    });
    let mut groups: Vec<(String, Vec<String>)> = view
        .themes
        .iter()
        .map(|t| (t.name.clone(), Vec::new()))
        .collect();
    let mut loose = Vec::new();
    for c in &view.challenges {
        match groups
            .iter_mut()
            .find(|(name, _)| Some(name.as_str()) == c.theme.as_deref())
        {
            Some((_, texts)) => texts.push(c.draft.text.clone()),
            None => loose.push(c.draft.text.clone()),
        }
    }
    if !loose.is_empty() {
        groups.push((v.t("policy-design-unclustered"), loose));
    }
    for (name, texts) in groups {
        blocks.push(Block::Paragraph(name));
        blocks.push(Block::Bullets(texts));
    }
    blocks.push(Block::Heading {
        level: 2,
        text: v.tf("seven-keys-keys", &[("count", view.keys.len().into())]),
    });
    blocks.push(Block::Bullets(
        view.keys
            .iter()
            .map(|k| {
                let sdgs: Vec<String> = k
                    .draft
                    .sdgs
                    .iter()
                    .map(|s| v.tf("seven-keys-sdg-short", &[("n", (*s).into())]))
                    .collect();
                let mut line = format!("{} — {}", k.draft.title, k.draft.actors);
                if !k.draft.commitment.is_empty() {
                    line.push_str(&format!(": {}", k.draft.commitment));
                }
                if !sdgs.is_empty() {
                    line.push_str(&format!(" ({})", sdgs.join(", ")));
                }
                line
            })
            .collect(),
    ));
    blocks
}

fn document(v: &Viewer, view: &WorkshopView) -> Document {
    Document {
        title: view.workshop.draft.title.clone(),
        lang: v.lang.code().to_owned(),
        blocks: blocks(v, view),
        footer: format!(
            "{} · {}",
            view.city.draft.name.show(v.lang).text,
            view.workshop.draft.held_on
        ),
    }
}

fn file_name(v: &Viewer, id: i64) -> String {
    format!("seven-keys-{id}-{}.pdf", v.lang.code())
}

/// `/{lang}/seven-keys/workshops/{id}/report.pdf`.
pub async fn pdf(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let view = cases::read(&state, &v.acting(), id).await?;
    crate::pdf::attachment(document(&v, &view), &file_name(&v, id)).await
}

/// The internal report as it stands, in the reader's language, to file with the draft plan:
/// its file name and bytes.
pub async fn for_filing(
    state: &AppState,
    v: &Viewer,
    id: i64,
) -> Result<(String, Vec<u8>), AppError> {
    let view = cases::read(state, &v.acting(), id).await?;
    let document = document(v, &view);
    let bytes = crate::pdf::render(document).await?;
    Ok((file_name(v, id), bytes))
}
