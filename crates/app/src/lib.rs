//! Ateneu's use cases, shared by the web and the command line: the context they run in (the
//! database, the search index, the caches, the mailer, the messages), the person they act for,
//! and one module per feature with the same name as in `domain`, `db` and `web`.

pub mod accounts;
pub mod admin;
pub mod assessments;
pub mod banners;
pub mod cities;
pub mod demo;
pub mod error;
pub mod events;
pub mod frameworks;
pub mod i18n;
pub mod indicators;
pub mod mail;
pub mod memberships;
pub mod module_tests;
pub mod newsletter;
pub mod notifications;
pub mod policy_design;
pub mod practices;
pub mod programmes;
pub mod registry_files;
pub mod reports;
pub mod security;
pub mod setup;
pub mod seven_keys;
pub mod showcase;
pub mod workshop_packages;

pub use error::Error;

pub use ateneu_db::audit::Who;
pub use ateneu_db::{Db, ImportSummary, timing};
use ateneu_domain::permissions::{Action, Actor};
use ateneu_domain::reference::Reference;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Settings of a running instance.
#[derive(Debug, Clone)]
pub struct Config {
    pub data_dir: PathBuf,
    /// The address people reach the platform at, for links in emails ("http://127.0.0.1:8080").
    pub base_url: String,
    /// The SMTP server email is sent through (`smtp://user:pass@host:587`, `smtps://host:465`,
    /// `smtp://localhost:25?tls=none`); without one, email only goes to the outbox folder.
    pub smtp_url: Option<String>,
    /// The sender of every email (`Ateneu <noreply@example.org>`); required with `smtp_url`.
    pub mail_from: Option<String>,
    /// Where this process keeps its search index (a cache of the database).
    pub search_index: IndexPlace,
    /// Whether anonymous visitors' public pages are kept in the page cache (on by default; off
    /// renders every request, to measure rendering or to rule the cache out).
    pub page_cache: bool,
    /// Whether every answer says in its `Server-Timing` header how many database statements it
    /// ran and their time (off by default: the count tells more than the page, such as whether
    /// a record the reader may not see exists; on for benchmarks and profiling).
    pub server_timing: bool,
}

/// Where a process keeps its practices' search index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum IndexPlace {
    /// A folder of its own (a server).
    Dir(PathBuf),
    /// In memory, kept current (tests).
    Memory,
    /// None: commands that only write leave indexing to the servers, which catch up.
    #[default]
    Off,
}

impl Config {
    pub fn outbox_dir(&self) -> PathBuf {
        self.data_dir.join("outbox")
    }

    /// Cookies are marked Secure over TLS, and on loopback (a secure context for browsers).
    pub fn secure_cookies(&self) -> bool {
        let rest = self.base_url.strip_prefix("http://");
        match rest {
            None => true,
            Some(rest) => ["127.", "localhost", "[::1]"]
                .iter()
                .any(|p| rest.starts_with(p)),
        }
    }
}

/// What every use case runs in. Cloning is cheap (shared parts).
#[derive(Clone)]
pub struct Context {
    pub db: Db,
    pub config: Arc<Config>,
    pub i18n: Arc<i18n::I18n>,
    pub reference: Arc<Reference>,
    demo: Arc<AtomicBool>,
    pub mailer: mail::Mailer,
    /// Parsed framework versions, by checksum.
    pub frameworks: Arc<frameworks::FrameworkCache>,
    /// Assessments' computed results, by revision.
    pub results: Arc<assessments::ResultsCache>,
    /// The practices' search index (a cache of the database).
    pub search: Arc<practices::index::SearchIndex>,
    /// The instance's secret signing key (shared by every server through the database).
    pub signing_key: Arc<security::SigningKey>,
    /// The programme's catalogue of activities with the secretariat's changes.
    pub catalogue: Arc<programmes::catalogue::CatalogueCache>,
    /// How many cities match each filter of the registry, while the data is unchanged.
    pub city_counts: Arc<cities::ListCounts>,
    /// Where the registry's pages start, per filter, while the data is unchanged.
    pub city_page_starts: Arc<cities::PageStarts>,
    /// Cities' indicator values as decoded, by series and values revision.
    pub indicator_values: Arc<indicators::values::ValuesCache>,
    /// The newsletter issues this process is sending.
    pub newsletter_sending: Arc<newsletter::sending::Running>,
}

impl Context {
    /// Loads what the use cases need from a migrated database with its reference data.
    pub async fn new(db: Db, config: Config) -> anyhow::Result<Context> {
        let reference = ateneu_db::reference::read(&db).await?;
        let demo = ateneu_db::settings::get(&db.conn, ateneu_db::settings::DEMO)
            .await?
            .is_some();
        let i18n = i18n::I18n::load().map_err(anyhow::Error::msg)?;
        // The bundled programme catalogue is checked at start, not at the first visit.
        programmes::catalogue::bundled()?;
        let mailer = mail::Mailer::from_config(&config).map_err(anyhow::Error::msg)?;
        let search = practices::index::SearchIndex::open(&config.search_index)?;
        let signing_key = security::SigningKey::load(&db).await?;
        let context = Context {
            db,
            config: Arc::new(config),
            i18n: Arc::new(i18n),
            reference: Arc::new(reference),
            demo: Arc::new(AtomicBool::new(demo)),
            mailer,
            frameworks: Arc::new(frameworks::FrameworkCache::default()),
            results: Arc::new(assessments::ResultsCache::default()),
            search: Arc::new(search),
            signing_key: Arc::new(signing_key),
            catalogue: Arc::new(programmes::catalogue::CatalogueCache::new()?),
            city_counts: Arc::new(cities::ListCounts::default()),
            city_page_starts: Arc::new(cities::PageStarts::default()),
            indicator_values: Arc::default(),
            newsletter_sending: Arc::default(),
        };
        practices::labels::refresh_labels(&context).await?;
        programmes::catalogue::refresh(&context).await?;
        Ok(context)
    }

    /// Whether this instance holds example content (shown on every page).
    /// A page's address for what leaves the platform (e-mails, printed links): the base URL,
    /// the language and the path.
    pub fn page_url(&self, lang: ateneu_domain::Lang, path: &str) -> String {
        format!(
            "{}{}",
            self.config.base_url.trim_end_matches('/'),
            i18n::lang_path(lang, path)
        )
    }

    /// Whether the database answers (the health check).
    pub async fn ping(&self) -> Result<(), Error> {
        Ok(self.db.ping().await?)
    }

    /// A number that changes whenever the data may have changed (compare it for equality
    /// only): what the page cache keys on.
    pub async fn data_version(&self) -> Result<i64, Error> {
        Ok(ateneu_db::changes::version(&self.db).await?)
    }

    pub fn has_demo_content(&self) -> bool {
        self.demo.load(Ordering::Relaxed)
    }

    pub fn set_demo_content(&self) {
        self.demo.store(true, Ordering::Relaxed);
    }
}

/// The person a use case acts for: what the policies see of them, and their name in the
/// audit log.
#[derive(Debug, Clone)]
pub struct Acting {
    pub actor: Actor,
    pub who: Who,
    /// The operator of the machine (the command line): trusted with every action.
    operator: bool,
}

impl Acting {
    /// A person of the platform, as the policies see them.
    pub fn person(actor: Actor, who: Who) -> Acting {
        Acting {
            actor,
            who,
            operator: false,
        }
    }

    /// Someone not signed in: what a feed, read by whoever has its address, may show.
    pub fn anonymous() -> Acting {
        Acting {
            actor: Actor::anonymous(),
            who: Who::system("anonymous"),
            operator: false,
        }
    }

    /// The command line, run by whoever operates the machine (and could open the database
    /// itself): every action is allowed, and the audit log names `label`.
    pub fn operator(label: &str) -> Acting {
        Acting {
            actor: Actor::anonymous(),
            who: Who::system(label),
            operator: true,
        }
    }

    pub fn is_signed_in(&self) -> bool {
        self.actor.user_id.is_some()
    }

    /// The command line's operator (see `operator`).
    pub fn is_operator(&self) -> bool {
        self.operator
    }

    /// Refuses unless the action is allowed: anonymous people are asked to sign in.
    pub fn require(&self, action: Action<'_>) -> Result<(), Error> {
        if self.operator || self.actor.allows(action) {
            Ok(())
        } else if !self.is_signed_in() {
            Err(Error::SignInRequired)
        } else {
            Err(Error::Forbidden)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ateneu_domain::accounts::{Grant, Role};
    use ateneu_domain::ids::{AccountId, CityId};

    #[test]
    fn the_acting_person_is_asked_to_sign_in_refused_or_let_through() {
        let action = Action::ManageFrameworks;
        let anonymous = Acting::person(Actor::anonymous(), Who::system("anonymous"));
        assert!(matches!(
            anonymous.require(action),
            Err(Error::SignInRequired)
        ));
        let editor = Acting::person(
            Actor {
                user_id: Some(AccountId::new(3)),
                grants: vec![
                    Grant::new(Role::Editor, None, Some(CityId::new(1))).expect("a grant"),
                ],
                ..Actor::default()
            },
            Who::user(AccountId::new(3), "editor@example.org"),
        );
        assert!(matches!(editor.require(action), Err(Error::Forbidden)));
        let admin = Acting::person(
            Actor {
                user_id: Some(AccountId::new(4)),
                grants: vec![Grant::new(Role::PlatformAdmin, None, None).expect("a grant")],
                ..Actor::default()
            },
            Who::user(AccountId::new(4), "admin@example.org"),
        );
        assert!(admin.require(action).is_ok());
        let operator = Acting::operator("cli");
        assert!(operator.require(action).is_ok());
        assert!(!operator.is_signed_in());
        assert_eq!(operator.who, Who::system("cli"));
    }
}
