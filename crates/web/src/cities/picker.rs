//! Picking a city in a form by its name in the reader's language: a text field with the
//! registry's cities as suggestions (a `datalist`: type-ahead that needs no JavaScript), or a
//! plain select when the person may only pick among a few. What is typed is read by
//! [`super::resolve`]: a name in any language, a name with its country, or a slug.

use crate::AppState;
use crate::error::AppError;
use crate::layout::{self, Field};
use crate::viewer::Viewer;
use ateneu_db::cities as repo;
use ateneu_domain::FieldErrors;
use ateneu_domain::cities::CityPick;
use maud::{Markup, html};

/// The most cities a picker suggests: past it, only the cities the person edits are
/// suggested (any other is still found by its name).
const MAX_SUGGESTED: u64 = 2_000;
/// Up to this many choices, and when the person may only pick among them, a select.
const SELECT_UP_TO: usize = 12;

/// A city picker's suggestions: (value sent back, label), labelled in the reader's language.
pub async fn suggestions(state: &AppState, v: &Viewer) -> Result<Vec<(String, String)>, AppError> {
    let mut cities = repo::for_pickers(&state.db.conn, MAX_SUGGESTED + 1).await?;
    if cities.len() as u64 > MAX_SUGGESTED {
        let edited: Vec<i64> = v.actor.city_networks.keys().copied().collect();
        cities.clear();
        for id in edited {
            if let Some(city) = repo::by_id(&state.db.conn, id).await? {
                cities.push(city);
            }
        }
    }
    Ok(cities
        .iter()
        .map(|c| {
            let label = CityPick::label(&c.draft, v.lang);
            (label.clone(), label)
        })
        .collect())
}

/// The field: a select when `only` holds the few cities the person may pick, else the text
/// field with the suggestions.
pub fn field(
    v: &Viewer,
    field: Field<'_>,
    (suggested, only): (&[(String, String)], bool),
    errors: &FieldErrors,
) -> Markup {
    if only && !suggested.is_empty() && suggested.len() <= SELECT_UP_TO {
        return layout::select_in(
            v,
            field.scope,
            field.name,
            &field.label,
            suggested,
            field.value,
            errors,
        );
    }
    let list = format!("{}-choices", field.id());
    html! {
        (field.list(&list).render(v, errors))
        (datalist(&list, suggested))
    }
}

/// The suggestions as a `datalist`, once per page, for fields that name it ([`Field::list`]).
pub fn datalist(id: &str, suggested: &[(String, String)]) -> Markup {
    html! {
        datalist id=(id) { @for (value, label) in suggested { option value=(value) { (label) } } }
    }
}
