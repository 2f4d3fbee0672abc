//! Good practices' use cases, shared by the pages, the API and the command line: a practice
//! read with what the reader may do with it and the lists built from them (`loaded`), working
//! on one (`editing`), the vocabulary that tags and imports are checked against, the framework
//! fields practices are tagged with, this process's search index (`index`) with the labels of
//! its facets (`labels`), and the import of a file of any size (`import`).

pub mod editing;
pub mod import;
pub mod index;
pub mod labels;
mod loaded;
pub mod media;
pub mod search;
pub mod sharing;
pub mod thesaurus;

pub use editing::NewPractice;
pub use loaded::{
    LIST_PAGE, Loaded, QUEUE_PAGE, Scopes, load, load_visible, translation_queue, visible_list,
};

use crate::{Context, Error};
use ateneu_db::practices as repo;
pub use ateneu_db::practices::{ImportSummary, Keyword, Practice, PracticeFilter, Pruned};
use ateneu_domain::frameworks::Trilingual;
use ateneu_domain::ids::CityId;
use ateneu_domain::practices::import::Vocabulary;
use std::collections::{BTreeMap, HashMap};

/// What tags and imports are checked against: the fields of every framework imported, the
/// thesaurus and the creative fields.
pub async fn vocabulary(state: &Context) -> Result<Vocabulary, Error> {
    let mut vocabulary = Vocabulary {
        fields: framework_fields(state).await?.into_keys().collect(),
        ..Default::default()
    };
    for keyword in repo::keywords(&state.db.conn).await? {
        let label = &keyword.label;
        vocabulary.add_keyword(&keyword.key, &[&label.en, &label.fr, &label.es]);
    }
    vocabulary.creative_fields = state
        .reference
        .creative_fields
        .iter()
        .map(|f| f.key.clone())
        .collect();
    Ok(vocabulary)
}

/// Every field of every imported framework version, as `framework:field` with its name:
/// what practices are tagged with.
pub async fn framework_fields(state: &Context) -> Result<HashMap<String, Trilingual>, Error> {
    Ok(framework_groups(state)
        .await?
        .into_iter()
        .flat_map(|group| group.domains)
        .flat_map(|domain| domain.fields)
        .collect())
}

/// A framework's fields as its domains group them: what the tags step shows.
pub struct FieldGroup {
    pub name: Trilingual,
    pub domains: Vec<DomainGroup>,
}

/// A framework's domain with its fields as (`framework:field`, name).
pub struct DomainGroup {
    pub key: String,
    pub name: Trilingual,
    pub fields: Vec<(String, Trilingual)>,
}

/// The fields of every imported framework by framework and domain, with their names (a
/// framework's later versions add their new fields and rename).
pub async fn framework_groups(state: &Context) -> Result<Vec<FieldGroup>, Error> {
    let mut groups: BTreeMap<String, FieldGroup> = BTreeMap::new();
    for version in ateneu_db::frameworks::list(&state.db.conn).await? {
        let (_, framework) = crate::frameworks::load(state, version.id).await?;
        let group = groups
            .entry(version.framework_key.clone())
            .or_insert_with(|| FieldGroup {
                name: framework.name.clone(),
                domains: Vec::new(),
            });
        group.name = framework.name.clone();
        for domain in &framework.domains {
            let at = match group.domains.iter().position(|d| d.key == domain.key) {
                Some(at) => at,
                None => {
                    group.domains.push(DomainGroup {
                        key: domain.key.clone(),
                        name: domain.text.clone(),
                        fields: Vec::new(),
                    });
                    group.domains.len() - 1
                }
            };
            let DomainGroup { name, fields, .. } = &mut group.domains[at];
            *name = domain.text.clone();
            for field in &domain.fields {
                let reference = format!("{}:{}", version.framework_key, field.key);
                match fields.iter_mut().find(|(r, _)| *r == reference) {
                    Some((_, name)) => *name = field.text.clone(),
                    None => fields.push((reference, field.text.clone())),
                }
            }
        }
    }
    Ok(groups.into_values().collect())
}

/// Brings this process's index up to date after a write (a failure is logged: the periodic
/// catch-up will retry).
pub async fn reindex(state: &Context) {
    if let Err(error) = state.search.catch_up(&state.db).await {
        tracing::error!(%error, "search index catch-up failed");
    }
}

/// Published practices (which anyone may read): a city's when `city` is given, only the
/// featured ones when `featured_only`; at most `limit`, in the list's order.
pub async fn published(
    context: &Context,
    city: Option<CityId>,
    featured_only: bool,
    limit: u64,
) -> Result<Vec<repo::Practice>, Error> {
    let filter = repo::PracticeFilter {
        stages: vec![ateneu_domain::practices::Stage::Published],
        cities: city.map(|id| vec![id]),
        featured: featured_only.then_some(true),
        ..Default::default()
    };
    let (practices, _) = repo::list(&context.db.conn, &filter, 0, limit).await?;
    Ok(practices)
}

/// The published practices after the one with id `after`, by id, `n` of them: the open-data
/// export's pages.
pub async fn published_after(
    context: &Context,
    after: i64,
    n: u64,
) -> Result<Vec<repo::Practice>, Error> {
    Ok(repo::published_after(&context.db.conn, after, n).await?)
}

/// How many practices are published (what a rebuilt index holds).
pub async fn published_count(context: &Context) -> Result<u64, Error> {
    let filter = repo::PracticeFilter {
        stages: vec![ateneu_domain::practices::Stage::Published],
        ..Default::default()
    };
    Ok(repo::list(&context.db.conn, &filter, 0, 1).await?.1)
}

/// Removes the search change log's rows older than `days` (a server whose index is older
/// rebuilds it).
pub async fn prune_change_log(context: &Context, days: u32) -> Result<repo::Pruned, Error> {
    let before = chrono::Utc::now() - chrono::Duration::days(i64::from(days));
    let who = ateneu_db::audit::Who::system("search-log");
    Ok(repo::prune_changes(&context.db, &who, before).await?)
}

/// Whether the person may see this practice on its own (a draft only its cities' editors and
/// the reviewers): what any page that shows it inside another record asks first.
pub async fn may_see(
    context: &Context,
    acting: &crate::Acting,
    practice: &repo::Practice,
) -> Result<bool, Error> {
    use ateneu_domain::permissions::{Action, PracticeScope};
    let mut networks = std::collections::BTreeSet::new();
    for city in &practice.cities {
        networks.extend(crate::cities::scope_networks(context, city.id).await?);
    }
    let networks: Vec<String> = networks.into_iter().collect();
    let cities = practice.city_ids();
    Ok(acting
        .require(Action::ViewPractice(PracticeScope {
            cities: &cities,
            networks: &networks,
            stage: practice.stage,
        }))
        .is_ok())
}
