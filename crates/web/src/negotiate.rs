//! Choosing the reader's language: the URL prefix (`/en/`, `/fr/`, `/es/`) or `?lang=`, then the
//! person's setting, then `Accept-Language`, then English.

use ateneu_domain::Lang;
use axum::http::{HeaderMap, Uri, header};

/// The language named by the URL: its first path segment, or the `lang` query parameter.
pub fn url_lang(uri: &Uri) -> Option<Lang> {
    let first = uri
        .path()
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    first
        .parse::<Lang>()
        .ok()
        .filter(|_| first.len() == 2)
        .or_else(|| {
            uri.query().and_then(|q| {
                form_urlencoded::parse(q.as_bytes())
                    .find(|(k, _)| k == "lang")
                    .and_then(|(_, v)| v.parse::<Lang>().ok())
            })
        })
}

pub fn header_lang(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_accept_language)
}

/// The language without knowing the person (used where no one is signed in yet).
pub fn request_lang<B>(request: &axum::http::Request<B>) -> Lang {
    url_lang(request.uri())
        .or_else(|| header_lang(request.headers()))
        .unwrap_or(Lang::En)
}

/// The path without its language prefix ("/en/cities" → "/cities"), for switching languages.
pub fn path_without_lang(uri: &Uri) -> String {
    let path = uri.path();
    let rest = Lang::ALL
        .iter()
        .find_map(|l| {
            let prefix = format!("/{}", l.code());
            path.strip_prefix(&prefix)
                .filter(|r| r.is_empty() || r.starts_with('/'))
                .map(str::to_owned)
        })
        .unwrap_or_else(|| path.to_owned());
    match uri.query() {
        Some(q) if !q.is_empty() => format!("{}?{q}", if rest.is_empty() { "/" } else { &rest }),
        _ if rest.is_empty() => "/".to_owned(),
        _ => rest,
    }
}

/// The full address of `path` in `lang` on this instance (a link sent or shown to be opened
/// elsewhere: a participant's).
pub fn absolute(state: &crate::AppState, lang: Lang, path: &str) -> String {
    state.page_url(lang, path)
}

/// A path under a language's prefix; the home page is "/en" (no trailing slash).
pub use ateneu_app::i18n::lang_path;

/// A cookie's value from the request headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k == name).then_some(v)
        })
}

/// A `303 See Other` to a path of the platform. Unlike axum's `Redirect::to`, which panics on a
/// location that is not a valid header value, a location with bytes a header may not carry
/// (control characters from a crafted parameter) is percent-encoded, never sent raw.
pub fn redirect(to: &str) -> axum::response::Response {
    use axum::response::IntoResponse;
    const UNSAFE: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS.add(b' ').add(b'\\');
    let location = axum::http::HeaderValue::from_str(to).unwrap_or_else(|_| {
        let encoded = percent_encoding::utf8_percent_encode(to, UNSAFE).to_string();
        axum::http::HeaderValue::from_str(&encoded)
            .unwrap_or(axum::http::HeaderValue::from_static("/"))
    });
    (
        axum::http::StatusCode::SEE_OTHER,
        [(header::LOCATION, location)],
    )
        .into_response()
}

/// A value for a query string (`?next=…`), percent-encoded.
pub fn query_value(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_prefix_and_query_name_the_language() {
        assert_eq!(
            url_lang(&"/fr/cities".parse().expect("uri")),
            Some(Lang::Fr)
        );
        assert_eq!(
            url_lang(&"/api/v1/cities?lang=es".parse().expect("uri")),
            Some(Lang::Es)
        );
        assert_eq!(url_lang(&"/english/x".parse().expect("uri")), None);
        assert_eq!(
            path_without_lang(&"/es/cities?page=2".parse().expect("uri")),
            "/cities?page=2"
        );
        assert_eq!(path_without_lang(&"/es".parse().expect("uri")), "/");
        assert_eq!(path_without_lang(&"/esx".parse().expect("uri")), "/esx");
    }
}
