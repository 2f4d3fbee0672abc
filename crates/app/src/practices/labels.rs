//! The labels of the search's facets that are not reference data (framework fields and
//! keywords), and the names of every tag in three languages that the index matches words to.

use crate::{Context, Error};
use ateneu_domain::Lang;
use ateneu_domain::frameworks::Trilingual;
use ateneu_domain::reference::Reference;
use ateneu_search::{FacetKind, TagName};
use std::collections::HashMap;

/// Labels of the facets that are not reference data: framework fields and keywords.
#[derive(Debug, Default)]
pub struct Labels {
    pub fields: HashMap<String, Trilingual>,
    pub keywords: HashMap<String, Trilingual>,
}

/// Refreshes the field and keyword labels from the database, and hands the index every tag's
/// names in the three languages, through which searches reach tagged practices.
pub async fn refresh_labels(state: &Context) -> Result<(), Error> {
    let mut labels = Labels {
        fields: super::framework_fields(state).await?,
        keywords: HashMap::new(),
    };
    for keyword in ateneu_db::practices::keywords(&state.db.conn).await? {
        labels.keywords.insert(keyword.key, keyword.label);
    }
    state
        .search
        .index
        .set_tag_names(&tag_names(&state.reference, &labels))
        .map_err(|e| Error::Internal(e.to_string()))?;
    state.search.set_labels(labels);
    Ok(())
}

/// The names of every tag a practice can carry, in the three languages.
fn tag_names(reference: &Reference, labels: &Labels) -> Vec<TagName> {
    let trilingual = |t: &Trilingual| Lang::ALL.map(|lang| t.get(lang).to_owned());
    let names = |n: &ateneu_domain::reference::Names| Lang::ALL.map(|lang| n.get(lang).to_owned());
    let mut tags: Vec<TagName> = Vec::new();
    for (kind, map) in [
        (FacetKind::Keyword, &labels.keywords),
        (FacetKind::Field, &labels.fields),
    ] {
        tags.extend(map.iter().map(|(value, label)| TagName {
            kind,
            value: value.clone(),
            names: trilingual(label),
        }));
    }
    tags.extend(reference.sdgs.iter().map(|sdg| TagName {
        kind: FacetKind::Sdg,
        value: sdg.number.to_string(),
        names: names(&sdg.name),
    }));
    tags.extend(reference.creative_fields.iter().map(|field| TagName {
        kind: FacetKind::CreativeField,
        value: field.key.clone(),
        names: names(&field.name),
    }));
    tags
}
