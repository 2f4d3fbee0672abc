//! The written report of an assessment: one model (a list of blocks, in the reader's language)
//! rendered as an HTML page with a print stylesheet and as a PDF with embedded fonts.

use super::{Computed, radar_table, strengths};
use crate::AppState;
use crate::assessments::Loaded;
use crate::error::AppError;
use crate::extract::{Path, Query};
use crate::layout;
use crate::viewer::Viewer;
use ateneu_app::reports::pdf::{Block, Document};
use ateneu_domain::Lang;
use ateneu_domain::assessments::{Answer, KeyIdeasPart, Sector};
use ateneu_domain::ids::AssessmentId;
use ateneu_domain::results::Deviation;
use axum::extract::State;
use axum::response::Response;
use maud::{Markup, PreEscaped, html};

fn t(state: &AppState, lang: Lang, key: &str) -> String {
    state.i18n.t(lang, key)
}

fn deviation_line(state: &AppState, lang: Lang, loaded: &Loaded, d: &Deviation) -> String {
    let signed = |value: f64| {
        let text = ateneu_app::i18n::decimal(lang, value, 1);
        if value >= 0.0 {
            format!("+{text}")
        } else {
            text
        }
    };
    let mut line = format!(
        "{}: {} ({} {})",
        loaded.item_text(&d.key, lang),
        ateneu_app::i18n::decimal(lang, d.value, 1),
        signed(d.from_own_mean),
        t(state, lang, "report-vs-own-mean")
    );
    if let Some(b) = d.from_benchmark {
        line.push_str(&format!(
            ", {} {}",
            signed(b),
            t(state, lang, "report-vs-benchmark")
        ));
    }
    line
}

/// The report's content, in order.
pub fn blocks(
    state: &AppState,
    lang: Lang,
    loaded: &Loaded,
    computed: &Computed,
    chart: ateneu_app::reports::radar::Radar,
    benchmark: Option<&ateneu_app::frameworks::BenchmarkSet>,
) -> Vec<Block> {
    let a = &loaded.assessment;
    let results = &computed.results;
    let city = loaded.city.draft.name.show(lang).text.to_owned();
    let mut blocks = vec![
        Block::Heading {
            level: 2,
            text: t(state, lang, "report-context"),
        },
        Block::Paragraph(
            state.i18n.format(
                lang,
                "report-context-text",
                &[
                    ("city", city.clone().into()),
                    (
                        "framework",
                        format!(
                            "{} ({})",
                            loaded.framework.name.get(lang),
                            loaded.version.reference()
                        )
                        .into(),
                    ),
                    (
                        "module",
                        loaded
                            .module()
                            .map(|m| m.name.get(lang).to_owned())
                            .unwrap_or_default()
                            .into(),
                    ),
                    ("start", a.starts_on.to_string().into()),
                    ("end", a.ends_on.to_string().into()),
                    ("count", results.responses.into()),
                ],
            ),
        ),
        Block::Heading {
            level: 2,
            text: t(state, lang, "report-participants"),
        },
        Block::Table {
            header: vec![t(state, lang, "sector"), t(state, lang, "responses")],
            rows: results
                .sectors
                .iter()
                .map(|s| {
                    vec![
                        t(state, lang, &format!("sector-{}", s.sector.key())),
                        s.responses.to_string(),
                    ]
                })
                .collect(),
            widths: vec![3.0, 1.0],
        },
    ];
    let named: Vec<String> = computed
        .responses
        .iter()
        .filter(|r| r.participation.name_consent)
        .filter_map(|r| r.participation.name.clone())
        .collect();
    if !named.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "{} {}",
            t(state, lang, "report-named"),
            named.join(", ")
        )));
    }
    blocks.push(Block::Heading {
        level: 2,
        text: t(state, lang, "report-radar"),
    });
    blocks.push(Block::Radar(chart));
    blocks.push(Block::Heading {
        level: 2,
        text: t(state, lang, "report-fields"),
    });
    blocks.push(Block::Table {
        header: ["field", "mean", "median", "spread", "count", "consensus"]
            .iter()
            .map(|k| t(state, lang, k))
            .collect(),
        rows: results
            .fields
            .iter()
            .map(|f| {
                let items: Vec<_> = results.items.iter().filter(|i| i.field == f.key).collect();
                let median = if items.len() == 1 {
                    items[0].median
                } else {
                    None
                };
                let spread = if items.len() == 1 {
                    items[0].spread
                } else {
                    None
                };
                let count: u32 = items.iter().map(|i| i.count).sum();
                vec![
                    loaded.item_text(&f.key, lang),
                    super::fmt(lang, f.mean),
                    super::fmt(lang, median),
                    super::fmt(lang, spread),
                    count.to_string(),
                    super::fmt(lang, f.consensus),
                ]
            })
            .collect(),
        widths: vec![5.0, 1.0, 1.0, 1.0, 1.0, 1.2],
    });
    if results.domains.len() > 1 {
        blocks.push(Block::Heading {
            level: 2,
            text: t(state, lang, "report-domains"),
        });
        blocks.push(Block::Table {
            header: vec![
                t(state, lang, "domain"),
                t(state, lang, "mean"),
                t(state, lang, "consensus"),
            ],
            rows: results
                .domains
                .iter()
                .map(|d| {
                    vec![
                        loaded.item_text(&d.key, lang),
                        super::fmt(lang, d.mean),
                        super::fmt(lang, d.consensus),
                    ]
                })
                .collect(),
            widths: vec![5.0, 1.0, 1.2],
        });
    }
    let sw = strengths(results, benchmark);
    blocks.push(Block::Heading {
        level: 2,
        text: t(state, lang, "strengths"),
    });
    blocks.push(bullets(
        state,
        lang,
        sw.strengths
            .iter()
            .map(|d| deviation_line(state, lang, loaded, d))
            .collect(),
    ));
    blocks.push(Block::Heading {
        level: 2,
        text: t(state, lang, "weaknesses"),
    });
    blocks.push(bullets(
        state,
        lang,
        sw.weaknesses
            .iter()
            .map(|d| deviation_line(state, lang, loaded, d))
            .collect(),
    ));
    // The agreed scores in the framework's order.
    let justified: Vec<String> = results
        .fields
        .iter()
        .filter_map(|f| computed.consensus.get(&f.key).map(|c| (&f.key, c)))
        .filter(|(_, c)| !c.justification.is_empty())
        .map(|(field, c)| {
            let score = match c.score {
                Answer::Score(s) => s.to_string(),
                Answer::NotApplicable => t(state, lang, "not-applicable"),
            };
            format!(
                "{} — {score}: {}",
                loaded.item_text(field, lang),
                c.justification
            )
        })
        .collect();
    if !justified.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: t(state, lang, "report-consensus"),
        });
        blocks.push(Block::Bullets(justified));
    }
    blocks.push(Block::Heading {
        level: 2,
        text: t(state, lang, "key-ideas"),
    });
    if a.key_ideas.trim().is_empty() {
        blocks.push(Block::Paragraph(t(state, lang, "report-no-key-ideas")));
    }
    for part in ateneu_domain::assessments::key_ideas_parts(&a.key_ideas) {
        blocks.push(match part {
            KeyIdeasPart::Paragraph(lines) => Block::Paragraph(lines.join("\n")),
            KeyIdeasPart::List(items) => Block::Bullets(items),
        });
    }
    let comments: Vec<String> = computed
        .results
        .items
        .iter()
        .flat_map(|item| {
            computed.responses.iter().filter_map(move |r| {
                r.participation
                    .comments
                    .get(&item.key)
                    .map(|c| (item.key.clone(), r.participation.sector, c.clone()))
            })
        })
        .map(|(key, sector, comment): (String, Sector, String)| {
            format!(
                "{} ({}): {comment}",
                loaded.item_text(&key, lang),
                t(state, lang, &format!("sector-{}", sector.key()))
            )
        })
        .collect();
    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading {
        level: 2,
        text: t(state, lang, "report-annex"),
    });
    blocks.push(bullets(state, lang, comments));
    blocks
}

fn bullets(state: &AppState, lang: Lang, lines: Vec<String>) -> Block {
    if lines.is_empty() {
        Block::Paragraph(t(state, lang, "none"))
    } else {
        Block::Bullets(lines)
    }
}

/// Everything a report needs, read with the viewer's rights.
async fn model(
    state: &AppState,
    v: &Viewer,
    id: AssessmentId,
    benchmark_key: Option<&str>,
) -> Result<(Loaded, String, Vec<Block>), AppError> {
    let super::Assembled {
        loaded,
        computed,
        benchmark,
        chart,
    } = super::assemble(state, v, id, benchmark_key).await?;
    let title = state.i18n.format(
        v.lang,
        "report-title",
        &[
            (
                "city",
                loaded.city.draft.name.show(v.lang).text.to_owned().into(),
            ),
            ("title", loaded.assessment.title.clone().into()),
        ],
    );
    let blocks = blocks(state, v.lang, &loaded, &computed, chart, benchmark.as_ref());
    Ok((loaded, title, blocks))
}

fn render_html(v: &Viewer, blocks: &[Block]) -> Markup {
    html! {
        @for block in blocks {
            @match block {
                Block::Heading { level, text } => @if *level <= 2 { h2 { (text) } } @else { h3 { (text) } },
                Block::Paragraph(text) => p { @for (i, line) in text.split('\n').enumerate() { @if i > 0 { br; } (line) } },
                Block::Bullets(lines) => ul { @for line in lines { li { (line) } } },
                Block::Table { header, rows, .. } => div.table-wrap tabindex="0" { table.data {
                    thead { tr { @for h in header { th scope="col" { (h) } } } }
                    tbody { @for row in rows { tr { @for (i, cell) in row.iter().enumerate() {
                        @if i == 0 { th scope="row" { (cell) } } @else { td.num { (cell) } }
                    } } } }
                } },
                Block::Radar(chart) => div.radar-block {
                    div.radar { (PreEscaped(ateneu_app::reports::radar::svg(chart))) }
                    (radar_table(v, chart))
                },
                Block::PageBreak => div.page-break {},
            }
        }
    }
}

pub async fn report_page(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
    Query(query): Query<super::BenchmarkQuery>,
) -> Result<Markup, AppError> {
    let (_, title, blocks) = model(&state, &v, id, query.benchmark.as_deref()).await?;
    let body = html! {
        article.report {
            h1 { (title) }
            p.no-print { a href=(v.href(&format!("/assessments/{id}/report.pdf"))) { (v.t("report-pdf")) } " · " a href=(v.href(&format!("/assessments/{id}"))) { (v.t("back")) } }
            (render_html(&v, &blocks))
        }
    };
    Ok(layout::page(&state, &v, &title, body))
}

#[utoipa::path(
    get,
    path = "/assessments/{id}/report.pdf",
    tag = "assessments",
    summary = "The written report (PDF, embedded fonts) in a language",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Binary"), content_type = "application/pdf")),
)]
pub async fn report_pdf(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<AssessmentId>,
    Query(query): Query<super::BenchmarkQuery>,
) -> Result<Response, AppError> {
    let (loaded, title, blocks) = model(&state, &v, id, query.benchmark.as_deref()).await?;
    let document = Document {
        title,
        lang: v.lang.code().to_owned(),
        blocks,
        footer: format!(
            "{} · {}",
            loaded.city.draft.name.show(v.lang).text,
            loaded.assessment.starts_on
        ),
    };
    crate::pdf::attachment(
        document,
        &format!("culture21-lab-{id}-{}.pdf", v.lang.code()),
    )
    .await
}
