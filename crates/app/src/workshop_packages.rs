//! Workshop packages: a workshop taken to a room without internet, run on a laptop with the
//! same binary, and its results merged back. A package is signed (HMAC-SHA-256) under a key
//! made for it alone, which the platform keeps and the laptop receives inside the package;
//! results are refused whole when their signature does not match, when they belong to another
//! workshop or when an item is not valid, and the same results twice change nothing. What each
//! kind of workshop puts in a package is in the submodules.

use crate::Error;
use ateneu_domain::Problem;
use ateneu_domain::ProblemKey;
use ateneu_domain::workshop_packages::{self as rules, Package};
use base64::Engine;
use serde::Serialize;

pub mod assessment;

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
    let what = match package.content {
        rules::Content::AssessmentWorkshop(_) => "workshop",
        rules::Content::AssessmentResults(_) => "results",
    };
    format!("ateneu-assessment-{}-{what}.json", package.workshop)
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
