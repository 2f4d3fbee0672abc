//! A city's focal points: the people the networks write to, added and removed by the city's
//! editors and its networks' secretariat (their contact details are never public).

use crate::cities::{find, require_edit};
use crate::{Acting, Context, Error};
use ateneu_db::focal_points::{self as repo, NewFocalPoint};
use ateneu_domain::accounts::Email;
use ateneu_domain::validation::{max_chars, non_empty};
use ateneu_domain::{FieldErrors, Problem, ProblemKey};
use serde::{Deserialize, Serialize};

/// A focal point form's text.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct FocalPointInput {
    pub name: String,
    pub position: String,
    pub email: String,
    pub phone: String,
}

impl FocalPointInput {
    /// The focal point to store, or every field's problem: a name is required, the texts have
    /// their lengths, and an email must be one.
    pub fn parse(&self) -> Result<NewFocalPoint, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = non_empty(&self.name);
        if name.is_none() {
            errors.add("name", Problem::new(ProblemKey::Required));
        }
        for (field, value, max) in [
            ("name", &self.name, 120),
            ("position", &self.position, 200),
            ("phone", &self.phone, 40),
        ] {
            if let Err(p) = max_chars(value, max) {
                errors.add(field, p);
            }
        }
        let email = non_empty(&self.email).and_then(|e| errors.take("email", Email::parse(&e)));
        errors.into_result(|| NewFocalPoint {
            name: name.unwrap_or_default(),
            position: self.position.trim().to_owned(),
            email: email.map(|e| e.to_string()).unwrap_or_default(),
            phone: self.phone.trim().to_owned(),
        })
    }
}

/// Adds a focal point to the city with that slug; returns its id.
pub async fn add(
    context: &Context,
    acting: &Acting,
    slug: &str,
    input: &FocalPointInput,
) -> Result<i64, Error> {
    let city = find(context, slug).await?;
    require_edit(context, acting, &city).await?;
    let person = input.parse()?;
    let txn = context.db.write().await?;
    let id = repo::add(&txn, &acting.who, city.id, &person).await?;
    txn.commit().await?;
    Ok(id)
}

/// Removes one of the city's focal points; not found when it is another city's.
pub async fn remove(context: &Context, acting: &Acting, slug: &str, id: i64) -> Result<(), Error> {
    let city = find(context, slug).await?;
    require_edit(context, acting, &city).await?;
    let txn = context.db.write().await?;
    let removed = repo::remove(&txn, &acting.who, city.id, id).await?;
    txn.commit().await?;
    if removed {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}
