//! The keyword thesaurus practices are tagged with: read by anyone, kept by the secretariat
//! (a keyword added or renamed changes the search facets' labels at once).

use crate::{Acting, Context, Error};
use ateneu_db::practices as repo;
use ateneu_domain::permissions::Action;
use ateneu_domain::practices::keywords::{Keyword, parse_keyword};

/// Every keyword, by key.
pub async fn keywords(context: &Context) -> Result<Vec<Keyword>, Error> {
    Ok(repo::keywords(&context.db.conn).await?)
}

/// Adds a keyword, or renames it (new names for an existing key): the secretariat's.
pub async fn save(
    context: &Context,
    acting: &Acting,
    (key, en, fr, es): (&str, &str, &str, &str),
) -> Result<Keyword, Error> {
    acting.require(Action::ManagePractices)?;
    let keyword = parse_keyword(key, en, fr, es).map_err(Error::Invalid)?;
    let txn = context.db.write().await?;
    repo::save_keyword(&txn, &acting.who, &keyword).await?;
    txn.commit().await?;
    super::labels::refresh_labels(context).await?;
    Ok(keyword)
}
