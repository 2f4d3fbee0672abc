//! Workshop packages: a workshop taken to a room without internet, run on a laptop with the
//! same binary, and its results merged back. A package is signed (HMAC-SHA-256) under a key
//! made for it alone, which the platform keeps and the laptop receives inside the package;
//! results are refused whole when their signature does not match, when they belong to another
//! workshop or when an item is not valid, and the same results twice change nothing. What each
//! kind of workshop puts in a package is in the submodules.

use crate::{Context, Error};
use ateneu_db::WriteTxn;
use ateneu_db::audit::Who;
pub use ateneu_db::workshop_packages::{ASSESSMENT, POLICY_DESIGN, SEVEN_KEYS, StoredPackage};
use ateneu_domain::Problem;
use ateneu_domain::ProblemKey;
use ateneu_domain::accounts::{Email, Grant, Role};
use ateneu_domain::cities::CityDraft;
use ateneu_domain::ids::AccountId;
use ateneu_domain::ids::CityId;
use ateneu_domain::workshop_packages::{self as rules, Content, Package, Person};
use base64::Engine;
use serde::Serialize;

pub mod assessment;
pub mod policy_design;
pub mod seven_keys;

/// The HMAC-SHA-256 of the package's signed bytes under `key`, URL-safe base64.
fn signature(package: &Package, key: &str) -> String {
    use hmac::{KeyInit, Mac};
    let Ok(mut mac) = hmac::Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()) else {
        return String::new();
    };
    mac.update(&rules::signed_bytes(package));
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

/// Signs a package under its key.
pub fn sign(package: &mut Package, key: &str) {
    package.signature = signature(package, key);
}

/// Whether the package's signature is the one its key gives (compared in constant time).
pub fn verifies(package: &Package, key: &str) -> bool {
    use hmac::{KeyInit, Mac};
    let Ok(claimed) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(&package.signature)
    else {
        return false;
    };
    let Ok(mut mac) = hmac::Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()) else {
        return false;
    };
    mac.update(&rules::signed_bytes(package));
    mac.verify_slice(&claimed).is_ok()
}

/// Reads an uploaded package: `package_unreadable` (on the field `package`) with where and why.
pub fn read(bytes: &[u8]) -> Result<Package, Error> {
    rules::parse(bytes).map_err(|p| refused(p.key, p.detail))
}

/// A package refused, on the field `package` of the form or body.
pub(crate) fn refused(key: ProblemKey, detail: Option<String>) -> Error {
    let problem = match detail {
        Some(detail) => Problem::with_detail(key, detail),
        None => Problem::new(key),
    };
    Error::field("package", problem)
}

/// A package as a file: indented JSON, so that a person can read what leaves the platform.
pub fn to_file(package: &Package) -> Result<Vec<u8>, Error> {
    serde_json::to_vec_pretty(package).map_err(|e| Error::Internal(e.to_string()))
}

/// The name a package's file is saved under.
pub fn file_name(package: &Package) -> String {
    let (kind, what) = match package.content {
        rules::Content::AssessmentWorkshop(_) => ("assessment", "workshop"),
        rules::Content::AssessmentResults(_) => ("assessment", "results"),
        rules::Content::SevenKeysWorkshop(_) => ("seven-keys", "workshop"),
        rules::Content::SevenKeysResults(_) => ("seven-keys", "results"),
        rules::Content::PolicyDesignWorkshop(_) => ("policy-design", "workshop"),
        rules::Content::PolicyDesignResults(_) => ("policy-design", "results"),
    };
    format!("ateneu-{kind}-{}-{what}.json", package.workshop)
}

/// What merging results did, item by item (or, for the same file again, what it did then).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Merged {
    pub invitations_added: u32,
    pub invitations_revoked: u32,
    pub responses_added: u32,
    pub responses_updated: u32,
    pub consensus_updated: u32,
    /// `unchanged`, `replaced` or `appended`.
    pub key_ideas: String,
    /// The same file was merged before: nothing was written now.
    #[serde(default)]
    pub already_imported: bool,
}

/// What opening a package on a laptop did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// The workshop the package became on this instance.
    pub workshop_id: i64,
    /// The facilitator's account here (the instance's administrator).
    pub facilitator: Email,
    /// False when the package had been opened here before (nothing was written).
    pub fresh: bool,
}

impl Opened {
    /// The workshop's page on this instance, under a language's prefix.
    pub fn path(&self, package: &Package) -> String {
        match package.content {
            Content::SevenKeysWorkshop(_) => format!("/seven-keys/workshops/{}", self.workshop_id),
            Content::PolicyDesignWorkshop(_) => format!("/outputs/{}/workshop", self.workshop_id),
            _ => format!("/assessments/{}", self.workshop_id),
        }
    }
}

/// The packages made here for a workshop (the caller has checked who may run it), newest
/// first, each with how many results have come back from it.
pub async fn made_for(
    context: &Context,
    kind: &str,
    workshop: i64,
) -> Result<Vec<(StoredPackage, usize)>, Error> {
    let made = ateneu_db::workshop_packages::made_for(&context.db.conn, kind, workshop).await?;
    let ids: Vec<String> = made.iter().map(|p| p.id.clone()).collect();
    let counts = ateneu_db::workshop_packages::import_counts(&context.db.conn, &ids).await?;
    Ok(made
        .into_iter()
        .map(|p| {
            let imports = counts.get(&p.id).copied().unwrap_or(0);
            (p, imports)
        })
        .collect())
}

/// Opens a workshop package of any kind on this instance (a laptop): see each kind's `open`.
pub async fn open(context: &Context, who: &Who, package: &Package) -> Result<Opened, Error> {
    match &package.content {
        Content::AssessmentWorkshop(_) => assessment::open(context, who, package).await,
        Content::SevenKeysWorkshop(_) => seven_keys::open(context, who, package).await,
        Content::PolicyDesignWorkshop(_) => policy_design::open(context, who, package).await,
        _ => Err(refused(ProblemKey::PackageWrongKind, None)),
    }
}

/// The results of a package opened here (the one named, else the latest opened), whatever its
/// kind, signed to go back to its platform.
pub async fn results(context: &Context, package_id: Option<&str>) -> Result<Package, Error> {
    let conn = &context.db.conn;
    let stored = match package_id {
        Some(id) => ateneu_db::workshop_packages::get(conn, id)
            .await?
            .filter(|p| p.opened),
        None => ateneu_db::workshop_packages::opened(conn)
            .await?
            .into_iter()
            .next(),
    }
    .ok_or(Error::NotFound)?;
    match stored.kind.as_str() {
        ateneu_db::workshop_packages::SEVEN_KEYS => seven_keys::results(context, &stored).await,
        ateneu_db::workshop_packages::POLICY_DESIGN => {
            policy_design::results(context, &stored).await
        }
        _ => assessment::results(context, &stored).await,
    }
}

/// A new package's envelope, signed under `key`.
fn signed(id: String, origin: String, workshop: i64, content: Content, key: &str) -> Package {
    let mut package = Package {
        format: rules::FORMAT.to_owned(),
        format_version: rules::FORMAT_VERSION,
        id,
        origin,
        workshop,
        made_at: chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 6),
        content,
        signature: String::new(),
    };
    sign(&mut package, key);
    package
}

/// What opening a workshop package needs first: its signature checked under its own key
/// (`package_tampered`: the file was damaged or changed), its facilitator's address, and
/// whether it was opened here before (`Err`, what that opening did; a package made here is
/// refused: a platform does not open its own packages).
async fn to_open(
    context: &Context,
    package: &Package,
    key: &str,
    person: &Person,
) -> Result<Result<Email, Opened>, Error> {
    if !verifies(package, key) {
        return Err(refused(ProblemKey::PackageTampered, None));
    }
    let facilitator = Email::parse(&person.email)
        .map_err(|p| refused(ProblemKey::PackageUnreadable, Some(p.key.as_str().into())))?;
    Ok(
        match ateneu_db::workshop_packages::get(&context.db.conn, &package.id).await? {
            Some(known) if !known.opened => {
                return Err(refused(ProblemKey::PackageWrongKind, None));
            }
            Some(known) => Err(Opened {
                workshop_id: known.workshop_id,
                facilitator,
                fresh: false,
            }),
            None => Ok(facilitator),
        },
    )
}

/// The package's city on this instance: the one with its slug, else a new one.
async fn city_here(
    txn: &WriteTxn<'_>,
    who: &Who,
    slug: &str,
    draft: &CityDraft,
) -> Result<CityId, Error> {
    Ok(match ateneu_db::cities::by_slug(&**txn, slug).await? {
        Some(city) => city.id,
        None => ateneu_db::cities::create(txn, who, draft, false).await?.id,
    })
}

/// The facilitator's account on this instance, made its administrator.
async fn facilitator_here(
    txn: &WriteTxn<'_>,
    who: &Who,
    email: &Email,
    person: &Person,
) -> Result<AccountId, Error> {
    use ateneu_db::accounts;
    let user = match accounts::user_by_email(&**txn, email).await? {
        Some(user) => user,
        None => accounts::create_user(txn, who, email, &person.name, None).await?,
    };
    let admin = Grant::new(Role::PlatformAdmin, None, None)
        .map_err(|p| Error::Internal(p.key.as_str().to_owned()))?;
    accounts::add_grant(txn, who, user.id, &admin).await?;
    Ok(user.id)
}

/// A results package checked against what this platform made: not made here
/// (`package_unknown`), for another workshop (`package_other_workshop`, also for another kind),
/// or not matching its signature (`package_tampered`) are refused; `Ok(Err(summary))` when the
/// same file was merged before, with what it did then.
async fn made_here(
    context: &Context,
    package: &Package,
    kind: &str,
    workshop_id: i64,
) -> Result<Result<ateneu_db::workshop_packages::StoredPackage, String>, Error> {
    use ateneu_db::workshop_packages as repo;
    let conn = &context.db.conn;
    let stored = repo::get(conn, &package.id)
        .await?
        .filter(|p| !p.opened)
        .ok_or_else(|| refused(ProblemKey::PackageUnknown, None))?;
    if stored.kind != kind || stored.workshop_id != workshop_id || package.workshop != workshop_id {
        return Err(refused(ProblemKey::PackageOtherWorkshop, None));
    }
    if !verifies(package, &stored.key) {
        return Err(refused(ProblemKey::PackageTampered, None));
    }
    Ok(
        match repo::import_of(conn, &stored.id, &package.signature).await? {
            Some(past) => Err(past.summary),
            None => Ok(stored),
        },
    )
}

/// How this instance names its items in a package: on the platform, by their own ids (`p12`);
/// on a laptop, by the platform's id for what came from it, else by its own (`l34`).
#[derive(Default)]
pub(crate) struct References {
    pub on_laptop: bool,
    /// Item (`challenge:p12`) to its id here, from the package's items.
    pub items: std::collections::HashMap<String, i64>,
}

impl References {
    /// This instance's own reference to one of its items.
    pub fn own(&self, here: i64) -> rules::seven_keys::Reference {
        if self.on_laptop {
            rules::seven_keys::Reference::Laptop(here)
        } else {
            rules::seven_keys::Reference::Platform(here)
        }
    }

    /// The references of the items of `kind` that came in a package, by their id here.
    pub fn names(&self, kind: &str) -> std::collections::HashMap<i64, String> {
        let prefix = format!("{kind}:");
        self.items
            .iter()
            .filter_map(|(item, id)| Some((*id, item.strip_prefix(&prefix)?.to_owned())))
            // Only a laptop names items by another instance's ids: those from the platform.
            .filter(|(_, reference)| self.on_laptop && reference.starts_with('p'))
            .collect()
    }

    /// A reference's item here, if it has one already.
    pub fn here(
        &self,
        kind: &str,
        reference: rules::seven_keys::Reference,
        own: &[i64],
    ) -> Option<i64> {
        match (reference, self.on_laptop) {
            (rules::seven_keys::Reference::Platform(id), false)
            | (rules::seven_keys::Reference::Laptop(id), true) => own.contains(&id).then_some(id),
            _ => self
                .items
                .get(&format!("{kind}:{}", reference.text()))
                .copied(),
        }
    }

    /// An asset as the platform knows it, here.
    pub fn asset_here(&self, there: i64) -> Option<i64> {
        if !self.on_laptop {
            return Some(there);
        }
        self.items.get(&format!("asset:p{there}")).copied()
    }
}

impl References {
    /// How a laptop names the items of the package opened here as `stored`.
    pub async fn of_laptop(context: &Context, stored: &StoredPackage) -> Result<References, Error> {
        Ok(References {
            on_laptop: true,
            items: ateneu_db::workshop_packages::items(&context.db.conn, &stored.id).await?,
        })
    }
}

/// The results package of a package opened here, signed under its key, to go back to its
/// platform.
fn results_of(stored: &StoredPackage, content: Content) -> Package {
    signed(
        stored.id.clone(),
        stored.origin.clone(),
        stored.remote_workshop_id.unwrap_or_default(),
        content,
        &stored.key,
    )
}

/// Keeps a package made here for workshop `workshop_id` of `kind`: its key, and `base` (what
/// the key ideas were as it left).
async fn record_made(
    txn: &WriteTxn<'_>,
    who: &Who,
    package: &Package,
    kind: &str,
    workshop_id: i64,
    key: String,
    base: String,
) -> Result<(), Error> {
    let stored = StoredPackage {
        id: package.id.clone(),
        kind: kind.to_owned(),
        workshop_id,
        key,
        opened: false,
        remote_workshop_id: None,
        origin: String::new(),
        base,
        made_by: who.user_id.map(AccountId::get),
        created_at: package.made_at,
    };
    Ok(ateneu_db::workshop_packages::record(txn, who, &stored).await?)
}

/// Keeps a package opened here, as the workshop `workshop_id` it became.
async fn record_opened(
    txn: &WriteTxn<'_>,
    who: &Who,
    package: &Package,
    kind: &str,
    workshop_id: i64,
    key: String,
) -> Result<(), Error> {
    let stored = StoredPackage {
        id: package.id.clone(),
        kind: kind.to_owned(),
        workshop_id,
        key,
        opened: true,
        remote_workshop_id: Some(package.workshop),
        origin: package.origin.clone(),
        base: String::new(),
        made_by: None,
        created_at: chrono::Utc::now(),
    };
    Ok(ateneu_db::workshop_packages::record(txn, who, &stored).await?)
}

/// A programme of the city on this laptop to hold a workshop, running over `period`.
async fn programme_here(
    txn: &WriteTxn<'_>,
    who: &Who,
    city_id: CityId,
    (starts_on, ends_on): (chrono::NaiveDate, chrono::NaiveDate),
) -> Result<i64, Error> {
    use ateneu_domain::programmes::{Period, ProgrammeDraft, ProgrammeStatus};
    let draft = ProgrammeDraft {
        period: Period {
            starts_on,
            ends_on,
            short_reason: None,
        },
        status: ProgrammeStatus::Active,
        priorities: String::new(),
    };
    Ok(ateneu_db::programmes::create(txn, who, city_id, &draft)
        .await?
        .id)
}

/// What merging results did, for any kind of workshop: kept with the file's signature, and
/// answered again (marked `already_imported`) when the same file comes back.
pub trait MergeSummary: Serialize + serde::de::DeserializeOwned + Default {
    fn mark_already_imported(&mut self);
}

impl MergeSummary for Merged {
    fn mark_already_imported(&mut self) {
        self.already_imported = true;
    }
}

impl MergeSummary for seven_keys::Merged {
    fn mark_already_imported(&mut self) {
        self.already_imported = true;
    }
}

impl MergeSummary for policy_design::Merged {
    fn mark_already_imported(&mut self) {
        self.already_imported = true;
    }
}

/// What the same file did when it was merged before.
fn again<T: MergeSummary>(summary: &str) -> T {
    let mut merged: T = serde_json::from_str(summary).unwrap_or_default();
    merged.mark_already_imported();
    merged
}

/// Remembers that the results with `signature` were merged, and what that did.
async fn record_merge<T: MergeSummary>(
    txn: &WriteTxn<'_>,
    who: &Who,
    stored: &StoredPackage,
    signature: &str,
    merged: &T,
) -> Result<(), Error> {
    let summary = serde_json::to_value(merged).map_err(|e| Error::Internal(e.to_string()))?;
    Ok(ateneu_db::workshop_packages::record_import(txn, who, stored, signature, &summary).await?)
}
