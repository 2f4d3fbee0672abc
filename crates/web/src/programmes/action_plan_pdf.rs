//! An action plan as a written report in PDF, in the reader's language: where it starts from
//! (its city's weakest and strongest fields), its items in a table, then each item with what it
//! addresses and its progress updates. Evidence is listed only where the reader may see it.

use crate::AppState;
use crate::error::AppError;
use crate::extract::Path;
use crate::viewer::Viewer;
use ateneu_app::indicators::goals::GoalVersion;
use ateneu_app::policy_design::WorkshopView;
use ateneu_app::programmes::action_plans::starting::{self, FieldPoint, StartingPoints};
use ateneu_app::programmes::action_plans::{ActionPlanView, ItemView};
use ateneu_app::reports::pdf::{Block, Document};
use ateneu_domain::programmes::action_plans::ItemStatus;
use axum::extract::State;
use axum::response::Response;

fn status(v: &Viewer, status: ItemStatus) -> String {
    v.t(&format!(
        "action-plan-status-{}",
        status.key().replace('_', "-")
    ))
}

fn points(v: &Viewer, points: &[FieldPoint]) -> Vec<String> {
    points
        .iter()
        .map(|p| {
            let mut line = format!(
                "{}: {}",
                p.name.get(v.lang),
                ateneu_app::i18n::decimal(v.lang, p.value, 1)
            );
            if !p.inspiration.is_empty() {
                let titles: Vec<&str> = p.inspiration.iter().map(|i| i.title.as_str()).collect();
                line.push_str(&format!(
                    " · {} {}",
                    v.t("action-plan-inspiration"),
                    titles.join("; ")
                ));
            }
            line
        })
        .collect()
}

fn item_blocks(v: &Viewer, x: &ItemView, goals: &[GoalVersion]) -> Vec<Block> {
    let d = &x.item.draft;
    let mut blocks = vec![Block::Heading {
        level: 3,
        text: format!("{}. {}", x.item.position, d.title.show(v.lang).text),
    }];
    if let Some(description) = &d.description {
        blocks.push(Block::Paragraph(description.show(v.lang).text.to_owned()));
    }
    let mut facts = vec![format!(
        "{}: {} · {} %",
        v.t("action-plan-status"),
        status(v, d.status),
        d.progress
    )];
    let mut fact = |key: &str, value: String| {
        if !value.is_empty() {
            facts.push(format!("{}: {value}", v.t(key)));
        }
    };
    fact("action-plan-responsible", d.responsible.clone());
    fact("action-plan-partners", d.partners.clone());
    fact(
        "action-plan-starts",
        d.starts_on.map(|x| x.to_string()).unwrap_or_default(),
    );
    fact(
        "action-plan-ends",
        d.ends_on.map(|x| x.to_string()).unwrap_or_default(),
    );
    fact(
        "action-plan-budget",
        d.budget
            .as_ref()
            .map(|b| {
                format!(
                    "{} {}",
                    b.currency.format_amount(b.amount),
                    b.currency.code()
                )
            })
            .unwrap_or_default(),
    );
    let join = |items: Vec<String>| items.join(", ");
    fact(
        "action-plan-fields",
        join(d.fields.iter().cloned().collect()),
    );
    fact(
        "action-plan-sdgs",
        join(d.sdgs.iter().map(u8::to_string).collect()),
    );
    fact(
        "action-plan-targets",
        join(
            d.sdg_targets
                .iter()
                .map(|t| t.as_str().to_owned())
                .collect(),
        ),
    );
    fact(
        "action-plan-indicators",
        join(
            d.indicators
                .iter()
                .map(|i| crate::indicators::name_of(v, i))
                .collect(),
        ),
    );
    fact(
        "action-plan-goal-targets",
        join(
            d.goal_targets
                .iter()
                .map(|t| crate::indicators::goal_target_of(v, goals, t))
                .collect(),
        ),
    );
    blocks.push(Block::Bullets(facts));
    if !x.updates.is_empty() {
        blocks.push(Block::Paragraph(v.t("action-plan-updates")));
        blocks.push(Block::Bullets(
            x.updates
                .iter()
                .map(|u| {
                    let mut line = u.update.on.to_string();
                    if let Some(s) = u.update.status {
                        line.push_str(&format!(" · {}", status(v, s)));
                    }
                    if let Some(p) = u.update.progress {
                        line.push_str(&format!(" · {p} %"));
                    }
                    if !u.update.note.is_empty() {
                        line.push_str(&format!(" — {}", u.update.note));
                    }
                    if let Some(link) = &u.update.link {
                        line.push_str(&format!(" · {link}"));
                    }
                    if let Some(file) = &u.file {
                        line.push_str(&format!(" · {}", file.file_name));
                    }
                    if let Some(practice) = &u.practice {
                        let title = practice
                            .title
                            .as_ref()
                            .map_or(practice.slug.as_str(), |t| t.show(v.lang).text);
                        line.push_str(&format!(" · {title}"));
                    }
                    line
                })
                .collect(),
        ));
    }
    blocks
}

/// The policy-design workshop's key ideas and its ideas by field and cluster, when it was held.
fn workshop_blocks(v: &Viewer, view: &WorkshopView) -> Vec<Block> {
    let mut blocks = Vec::new();
    let Some(workshop) = &view.workshop else {
        return blocks;
    };
    if !workshop.key_ideas.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: v.t("key-ideas"),
        });
        blocks.extend(
            workshop
                .key_ideas
                .split("\n\n")
                .map(|p| Block::Paragraph(p.to_owned())),
        );
    }
    if !view.ideas.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: v.t("policy-design-pdf-ideas"),
        });
        for field in view.by_field.iter().filter(|f| !f.clusters.is_empty()) {
            blocks.push(Block::Paragraph(field.field.name.get(v.lang).to_owned()));
            blocks.push(Block::Bullets(
                field
                    .clusters
                    .iter()
                    .map(|c| {
                        let name = c
                            .name
                            .clone()
                            .unwrap_or_else(|| v.t("policy-design-unclustered"));
                        format!("{name}: {}", c.ideas.join(" · "))
                    })
                    .collect(),
            ));
        }
    }
    blocks
}

/// The report's blocks, in order.
pub fn blocks(
    v: &Viewer,
    plan: &ActionPlanView,
    starting: &StartingPoints,
    goals: &[GoalVersion],
    workshop: &WorkshopView,
) -> Vec<Block> {
    let output = &plan.output.output;
    let city = plan.output.city.draft.name.show(v.lang).text.to_owned();
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: output.title.clone(),
        },
        Block::Paragraph(format!("{city} · {}", super::kind_label(v, &output.kind))),
    ];
    if !output.summary.is_empty() {
        blocks.push(Block::Paragraph(output.summary.clone()));
    }
    if let Some(assessment) = &starting.assessment {
        blocks.push(Block::Heading {
            level: 2,
            text: v.t("action-plan-starting"),
        });
        blocks.push(Block::Paragraph(format!(
            "{} {} ({})",
            v.t("action-plan-starting-from"),
            assessment.title,
            assessment.starts_on
        )));
        for (heading, list) in [
            ("action-plan-weaknesses", &starting.weaknesses),
            ("action-plan-strengths", &starting.strengths),
        ] {
            if !list.is_empty() {
                blocks.push(Block::Paragraph(v.t(heading)));
                blocks.push(Block::Bullets(points(v, list)));
            }
        }
    }
    blocks.extend(workshop_blocks(v, workshop));
    blocks.push(Block::Heading {
        level: 2,
        text: v.t("action-plan-items"),
    });
    if plan.items.is_empty() {
        blocks.push(Block::Paragraph(v.t("action-plan-none")));
        return blocks;
    }
    if let Some(progress) = plan.progress {
        blocks.push(Block::Paragraph(v.tf(
            "action-plan-mean-progress",
            &[("progress", progress.into())],
        )));
    }
    blocks.push(Block::Table {
        header: vec![
            "#".to_owned(),
            v.t("action-plan-item-title"),
            v.t("action-plan-status"),
            v.t("action-plan-progress"),
            v.t("action-plan-ends"),
            v.t("action-plan-responsible"),
        ],
        rows: plan
            .items
            .iter()
            .map(|x| {
                let d = &x.item.draft;
                vec![
                    x.item.position.to_string(),
                    d.title.show(v.lang).text.to_owned(),
                    status(v, d.status),
                    format!("{} %", d.progress),
                    d.ends_on.map(|e| e.to_string()).unwrap_or_default(),
                    d.responsible.clone(),
                ]
            })
            .collect(),
        widths: vec![0.4, 3.0, 1.2, 1.0, 1.2, 2.0],
    });
    for x in &plan.items {
        blocks.extend(item_blocks(v, x, goals));
    }
    blocks
}

/// `/{lang}/outputs/{id}/plan.pdf`: the plan's report, for whoever may see the plan.
#[utoipa::path(
    get,
    path = "/outputs/{id}/plan.pdf",
    tag = "programmes",
    summary = "An action plan as a written report (PDF, embedded fonts) in a language: where it starts from, its items, each with what it addresses and its progress updates (404 to whoever may not see the plan)",
    responses((status = 200, description = "Success", body = ref("#/components/schemas/Binary"), content_type = "application/pdf")),
)]
pub async fn plan_pdf(
    State(state): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let acting = v.acting();
    let (plan, workshop) = ateneu_app::policy_design::read(&state, &acting, id, None).await?;
    let starting = starting::starting_points(&state, &acting, &plan, v.lang).await?;
    let goals = ateneu_app::indicators::goals::versions(&state).await?;
    let document = Document {
        title: plan.output.output.title.clone(),
        lang: v.lang.code().to_owned(),
        blocks: blocks(&v, &plan, &starting, &goals, &workshop),
        footer: format!(
            "{} · {}",
            plan.output.city.draft.name.show(v.lang).text,
            plan.output.output.updated_at.date_naive()
        ),
    };
    crate::pdf::attachment(document, &format!("action-plan-{id}-{}.pdf", v.lang.code())).await
}
