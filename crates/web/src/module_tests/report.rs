//! A thematic-module seminar's written report as a PDF in the reader's language, for whoever
//! may see the seminar: the module tested, then each item with the proposals made on it and
//! what was decided, then the revision once made. Filed as the activity's written report when
//! the module is revised.

use crate::AppState;
use crate::error::AppError;
use crate::extract::Path;
use crate::viewer::Viewer;
use ateneu_app::module_tests::{self as cases, ModuleTestView};
use ateneu_app::reports::pdf::{Block, Document};
use axum::extract::State;
use axum::response::Response;

fn blocks(v: &Viewer, view: &ModuleTestView) -> Vec<Block> {
    let mut blocks = vec![Block::Paragraph(format!(
        "{} · {}",
        view.framework, view.test.module_key
    ))];
    blocks.push(Block::Heading {
        level: 2,
        text: v.tf(
            "module-tests-proposals",
            &[("count", view.proposals.len().into())],
        ),
    });
    for item in &view.items {
        let on: Vec<String> = view
            .proposals
            .iter()
            .filter(|p| p.draft.item == item.key)
            .map(|p| {
                let texts: Vec<String> = p
                    .draft
                    .texts()
                    .iter()
                    .filter(|(_, text)| !text.is_empty())
                    .map(|(lang, text)| format!("{}: {text}", lang.code().to_uppercase()))
                    .collect();
                let mut line = format!(
                    "{} ({})",
                    v.t(&format!("module-tests-kind-{}", p.draft.kind.key())),
                    v.t(&format!("module-tests-decision-{}", p.decision.key()))
                );
                for text in texts {
                    line.push_str(&format!("\n{text}"));
                }
                if !p.draft.comment.is_empty() {
                    line.push_str(&format!("\n{}", p.draft.comment));
                }
                line
            })
            .collect();
        if on.is_empty() {
            continue;
        }
        blocks.push(Block::Paragraph(format!(
            "{} ({})",
            item.text.get(v.lang),
            item.key
        )));
        blocks.push(Block::Bullets(on));
    }
    blocks.push(Block::Heading {
        level: 2,
        text: v.t("module-tests-revision"),
    });
    blocks.push(Block::Paragraph(match &view.revised {
        Some(version) => v.tf(
            "module-tests-revised-as",
            &[("version", version.clone().into())],
        ),
        None => v.t("module-tests-not-revised"),
    }));
    blocks
}

fn document(v: &Viewer, view: &ModuleTestView) -> Document {
    Document {
        title: view.test.title.clone(),
        lang: v.lang.code().to_owned(),
        blocks: blocks(v, view),
        footer: view.framework.clone(),
    }
}

fn file_name(v: &Viewer, id: i64) -> String {
    format!("module-test-{id}-{}.pdf", v.lang.code())
}

/// `/{lang}/module-tests/{id}/report.pdf`.
pub async fn pdf(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let view = cases::read(&state, &v.acting(), id).await?;
    crate::pdf::attachment(document(&v, &view), &file_name(&v, id)).await
}

/// The report as it stands, in the reader's language, to file with the revision named
/// `version`: its file name and bytes.
pub async fn for_filing(
    state: &AppState,
    v: &Viewer,
    id: i64,
    version: &str,
) -> Result<(String, Vec<u8>), AppError> {
    let mut view = cases::read(state, &v.acting(), id).await?;
    let key = view.framework.split_once('@').map_or("", |(key, _)| key);
    view.revised = Some(format!("{key}@{}", version.trim()));
    let document = document(v, &view);
    let bytes = crate::pdf::render(document).await?;
    Ok((file_name(v, id), bytes))
}
