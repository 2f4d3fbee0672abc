//! Picking a city in a form by its name in the reader's language: a text field with the
//! registry's cities as suggestions (a `datalist`: type-ahead that needs no JavaScript), or a
//! plain select when the person may only pick among a few. What is typed is read by
//! [`super::resolve`]: a name in any language, a name with its country, or a slug.

use crate::AppState;
use crate::error::AppError;
use crate::layout::{self, Field};
use crate::viewer::Viewer;
use ateneu_domain::FieldErrors;
use ateneu_domain::cities::CityPick;
use maud::{Markup, html};

/// Up to this many choices, and when the person may only pick among them, a select.
const SELECT_UP_TO: usize = 12;

/// A city picker's suggestions: (value sent back, label), labelled in the reader's language.
pub async fn suggestions(state: &AppState, v: &Viewer) -> Result<Vec<(String, String)>, AppError> {
    let cities = ateneu_app::cities::for_picker(state, &v.acting()).await?;
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
