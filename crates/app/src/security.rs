//! Secrets: random tokens and what the database keeps of them, password hashing (Argon2id, off
//! the async runtime) and the instance's signing key.

use crate::Error;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Argon2, PasswordHash};
use base64::Engine;
use rand::RngCore;

/// A new random token (256 bits, URL-safe).
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    ateneu_db::sha256_hex(token.as_bytes())
}

/// `count` new participants' links of a workshop (1 to the invitation maximum, else the
/// field `count`'s problem): the tokens, shown once, and the hashes the database keeps.
pub fn new_links(count: u32) -> Result<(Vec<String>, Vec<String>), Error> {
    let count = ateneu_domain::assessments::workshop::invitation_count(count)
        .map_err(|p| Error::field("count", p))?;
    let tokens: Vec<String> = (0..count).map(|_| new_token()).collect();
    let hashes = tokens.iter().map(|t| token_hash(t)).collect();
    Ok((tokens, hashes))
}

/// The hash a participant's link is looked up by; not found for a text no link can be.
pub fn link_hash(token: &str) -> Result<String, Error> {
    if token.len() > 128 {
        return Err(Error::NotFound);
    }
    Ok(token_hash(token))
}

/// Hashes a password with Argon2id on a blocking thread.
pub async fn hash_password(password: String) -> Result<String, Error> {
    tokio::task::spawn_blocking(move || {
        let mut salt = [0u8; 16];
        rand::rng().fill_bytes(&mut salt);
        let salt = SaltString::encode_b64(&salt).map_err(|e| Error::Internal(e.to_string()))?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| Error::Internal(e.to_string()))
    })
    .await
    .map_err(|e| Error::Internal(e.to_string()))?
}

/// Checks a password against a stored hash on a blocking thread. A missing hash never matches,
/// but costs the same time.
pub async fn verify_password(password: String, hash: Option<String>) -> bool {
    const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$ZGs3bNPb0G9S3zZIYS9Pb0yHl8TKpU4sYfzSNhwD6UU";
    tokio::task::spawn_blocking(move || {
        let stored = hash.clone().unwrap_or_else(|| DUMMY.to_owned());
        let Ok(parsed) = PasswordHash::new(&stored) else {
            return false;
        };
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
            && hash.is_some()
    })
    .await
    .unwrap_or(false)
}

/// The instance's secret key, kept in the database so that every server signs alike.
pub struct SigningKey(Vec<u8>);

impl SigningKey {
    /// Reads the key, or makes it on the first start.
    pub async fn load(db: &ateneu_db::Db) -> anyhow::Result<SigningKey> {
        let text = ateneu_db::settings::get_or_insert(
            &db.conn,
            ateneu_db::settings::SIGNING_KEY,
            &format!("{}{}", new_token(), new_token()),
        )
        .await?;
        Ok(SigningKey(text.into_bytes()))
    }

    /// The anti-forgery token for a browser: an HMAC-SHA-256, under the instance's key, of the
    /// browser's anti-forgery cookie and its session cookie. A value that a client picks for
    /// its cookie (or that another site plants) is worth nothing without the key, and a token
    /// seen in one session does not serve in another.
    pub fn csrf_token(&self, cookie: &str, session: Option<&str>) -> String {
        self.sign(&[
            b"csrf",
            cookie.as_bytes(),
            session.unwrap_or_default().as_bytes(),
        ])
    }

    /// A workshop invitation's token, derived from its stored salt: the server can print or
    /// send the link again, while the database keeps only the salt and the token's hash.
    pub fn invitation_token(&self, salt: &str) -> String {
        self.sign(&[b"invitation", salt.as_bytes()])
    }

    /// A newsletter subscriber's link token (to confirm, and to unsubscribe from any issue),
    /// derived from their stored salt: every message can carry it while the database keeps
    /// only the salt and the token's hash.
    pub fn newsletter_token(&self, salt: &str) -> String {
        self.sign(&[b"newsletter", salt.as_bytes()])
    }

    /// The HMAC-SHA-256 of the parts (each followed by a zero byte), URL-safe base64.
    fn sign(&self, parts: &[&[u8]]) -> String {
        use hmac::{KeyInit, Mac};
        let Ok(mut mac) = hmac::Hmac::<sha2::Sha256>::new_from_slice(&self.0) else {
            return String::new();
        };
        for part in parts {
            mac.update(part);
            mac.update(b"\0");
        }
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn passwords_verify_only_against_their_hash() {
        let hash = hash_password("correct horse battery".into())
            .await
            .expect("hashes");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery".into(), Some(hash.clone())).await);
        assert!(!verify_password("wrong horse battery".into(), Some(hash)).await);
        assert!(!verify_password("anything".into(), None).await);
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }
}
