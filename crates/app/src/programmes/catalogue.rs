//! The programme's catalogue of activities as the platform uses it: the bundled one with the
//! secretariat's changes, kept in memory (read at start, after each change, and every half
//! minute by a server, so that every server of one database shows the same text), and the change
//! itself, on the revision it was made on.

use super::programme_networks;
use crate::{Acting, Context, Error};
use ateneu_db::programmes::catalogue as repo;
use ateneu_domain::permissions::Action;
use ateneu_domain::programmes::catalogue::edit::CatalogueActivityInput;
use ateneu_domain::programmes::catalogue::{self, Catalogue, CatalogueActivity};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock, RwLock};

/// The bundled catalogue, read and checked once.
pub fn bundled() -> Result<&'static Catalogue, Error> {
    static CATALOGUE: OnceLock<Result<Catalogue, Vec<String>>> = OnceLock::new();
    CATALOGUE
        .get_or_init(catalogue::bundled)
        .as_ref()
        .map_err(|problems| Error::Internal(format!("the bundled catalogue: {problems:?}")))
}

/// The catalogue in use, with each activity's revision (0: the bundled text).
#[derive(Debug, Clone, Serialize)]
pub struct CurrentCatalogue {
    #[serde(flatten)]
    pub catalogue: Catalogue,
    /// Send an activity's revision back with a change to it.
    pub revisions: BTreeMap<String, i64>,
}

/// The catalogue in use, shared by the requests of one process.
#[derive(Debug)]
pub struct CatalogueCache(RwLock<Arc<CurrentCatalogue>>);

impl CatalogueCache {
    /// The bundled catalogue, until the first refresh reads the changes.
    pub fn new() -> Result<CatalogueCache, Error> {
        Ok(CatalogueCache(RwLock::new(Arc::new(CurrentCatalogue {
            catalogue: bundled()?.clone(),
            revisions: BTreeMap::new(),
        }))))
    }

    pub fn get(&self) -> Arc<CurrentCatalogue> {
        match self.0.read() {
            Ok(current) => current.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn set(&self, current: CurrentCatalogue) {
        let current = Arc::new(current);
        match self.0.write() {
            Ok(mut slot) => *slot = current,
            Err(poisoned) => *poisoned.into_inner() = current,
        }
    }
}

/// The catalogue in use.
pub fn current(context: &Context) -> Arc<CurrentCatalogue> {
    context.catalogue.get()
}

/// Reads the secretariat's changes again.
pub async fn refresh(context: &Context) -> Result<(), Error> {
    let changes = repo::all(&context.db.conn).await?;
    let revisions = changes
        .iter()
        .map(|c| (c.activity.key.clone(), c.revision))
        .collect();
    let catalogue = bundled()?
        .clone()
        .with_changes(changes.into_iter().map(|c| c.activity));
    context.catalogue.set(CurrentCatalogue {
        catalogue,
        revisions,
    });
    Ok(())
}

/// Whether the person may change the catalogue (the programme's secretariat).
pub fn may_edit(context: &Context, acting: &Acting) -> bool {
    acting
        .require(Action::EditCatalogue(&programme_networks(context)))
        .is_ok()
}

/// Changes an activity of the catalogue (the programme's secretariat), made on `revision`:
/// refused with `changed_meanwhile` when someone saved it since, field by field when a text is
/// missing in a language or an expected output is not known.
pub async fn change_activity(
    context: &Context,
    acting: &Acting,
    key: &str,
    revision: i64,
    input: &CatalogueActivityInput,
) -> Result<CatalogueActivity, Error> {
    acting.require(Action::EditCatalogue(&programme_networks(context)))?;
    refresh(context).await?;
    let current = current(context);
    let before = current
        .catalogue
        .activity(key)
        .ok_or(Error::NotFound)?
        .clone();
    let after = input.parse(&before)?;
    let txn = context.db.write().await?;
    repo::save(&txn, &acting.who, &before, revision, &after).await?;
    txn.commit().await?;
    refresh(context).await?;
    Ok(after)
}
