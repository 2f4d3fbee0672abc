//! What a shared link shows: the Open Graph and Twitter card metadata every page carries in its
//! head, so that a link to a practice, a city or an issue posted on a social network or in a
//! chat shows a title, a summary and, where the page shows an uploaded image, that image. The
//! summary is the page's lead paragraph (or the platform's description); the image is the first
//! uploaded image on the page (a practice's, a banner's), served from this platform.

use crate::AppState;
use crate::viewer::Viewer;
use maud::{Markup, html};

/// The longest summary a card carries.
const MAX_SUMMARY: usize = 200;

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text between `open` (the start of an element) and its closing tag, tags removed.
fn text_of(html: &str, open: &str, close: &str) -> Option<String> {
    let start = html.find(open)?;
    let after = &html[start..];
    let content_start = after.find('>')? + 1;
    let content = &after[content_start..];
    let end = content.find(close)?;
    // The note that a text is in another language is for the page, not for a card.
    let mut inner = content[..end].to_owned();
    while let Some(note) = inner.find("<small class=\"fallback\"") {
        let Some(note_end) = inner[note..].find("</small>") else {
            break;
        };
        inner.replace_range(note..note + note_end + "</small>".len(), "");
    }
    let mut text = String::new();
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = unescape(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!text.is_empty()).then_some(text)
}

/// The page's summary: its lead paragraph, cut at a word near `MAX_SUMMARY` characters.
pub fn summary_of(body: &str) -> Option<String> {
    let lead = text_of(body, "<p class=\"lead\"", "</p>")?;
    if lead.chars().count() <= MAX_SUMMARY {
        return Some(lead);
    }
    let cut: String = lead.chars().take(MAX_SUMMARY).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    Some(format!("{cut}…"))
}

/// The first uploaded image the page shows (its address on this platform).
pub fn image_of(body: &str) -> Option<String> {
    let start = body.find("src=\"/media/")? + "src=\"".len();
    let rest = &body[start..];
    Some(unescape(&rest[..rest.find('"')?]))
}

/// The metadata of a page titled `title` whose body is `body`.
pub fn metadata(state: &AppState, v: &Viewer, title: &str, body: &str) -> Markup {
    let base = state.config.base_url.trim_end_matches('/');
    let url = format!("{base}{}", ateneu_app::i18n::lang_path(v.lang, &v.path));
    let summary = summary_of(body).unwrap_or_else(|| v.t("site-description"));
    let image = image_of(body).map(|path| format!("{base}{path}"));
    let locale = match v.lang {
        ateneu_domain::Lang::En => "en_GB",
        ateneu_domain::Lang::Fr => "fr_FR",
        ateneu_domain::Lang::Es => "es_ES",
    };
    html! {
        meta name="description" content=(summary);
        meta property="og:site_name" content="Ateneu";
        meta property="og:type" content="website";
        meta property="og:title" content=(title);
        meta property="og:description" content=(summary);
        meta property="og:url" content=(url);
        meta property="og:locale" content=(locale);
        @if let Some(image) = &image {
            meta property="og:image" content=(image);
        }
        meta name="twitter:card" content=(if image.is_some() { "summary_large_image" } else { "summary" });
        meta name="twitter:title" content=(title);
        meta name="twitter:description" content=(summary);
        @if let Some(image) = &image {
            meta name="twitter:image" content=(image);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_is_the_lead_paragraph_as_text() {
        let body = r#"<h1>T</h1><p class="lead">Libraries &amp; <a href="/x">harbours</a>
            of   Lyon</p><p class="lead">second</p>"#;
        assert_eq!(
            summary_of(body).as_deref(),
            Some("Libraries & harbours of Lyon")
        );
        assert_eq!(summary_of("<p>no lead</p>"), None);
        let fallback = r#"<p class="lead"><span lang="fr">Une ville.</span> <small class="fallback">en francés</small></p>"#;
        assert_eq!(summary_of(fallback).as_deref(), Some("Une ville."));
        let long = format!("<p class=\"lead\">{}</p>", "word ".repeat(100));
        let cut = summary_of(&long).unwrap_or_default();
        assert!(
            cut.ends_with('…') && cut.chars().count() <= MAX_SUMMARY + 1,
            "{cut}"
        );
    }

    #[test]
    fn the_image_is_the_first_uploaded_one() {
        let body = r#"<img src="/static/logo.svg"><img src="/media/4/quay.png" alt="Quay"><img src="/media/5/b.png">"#;
        assert_eq!(image_of(body).as_deref(), Some("/media/4/quay.png"));
        assert_eq!(
            image_of("<img src=\"https://elsewhere.example/x.png\">"),
            None
        );
    }
}
