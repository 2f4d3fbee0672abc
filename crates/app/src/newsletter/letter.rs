//! The message one subscriber gets of an issue: the edition of their language with the sections
//! of their interests, as plain text and as HTML (the same words), a link to the archive and
//! one to unsubscribe, and the `List-Unsubscribe` headers mail programs offer as a button
//! (RFC 8058). A text not in the subscriber's language says which language it is in.

use crate::Context;
use ateneu_domain::Lang;
use ateneu_domain::newsletter::Interest;
use ateneu_domain::newsletter::issues::{Edition, ItemKind, Text};

/// A subscriber's copy, before it is addressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The links one copy carries.
pub struct Links {
    /// The issue's page in the archive.
    pub archive: String,
    /// The page that unsubscribes (a button).
    pub unsubscribe: String,
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `(in English)` after a text that is not in the edition's language.
fn fallback_note(context: &Context, edition: &Edition, text: &Text) -> Option<String> {
    edition.is_fallback(text).then(|| {
        context.i18n.format(
            edition.lang,
            "newsletter-in-lang",
            &[("lang", text.lang.native_name().into())],
        )
    })
}

fn section_title(context: &Context, lang: Lang, kind: ItemKind) -> String {
    context
        .i18n
        .t(lang, &format!("newsletter-section-{}", kind.key()))
}

fn html_text(context: &Context, edition: &Edition, text: &Text) -> String {
    match fallback_note(context, edition, text) {
        Some(note) => format!(
            "<span lang=\"{}\">{}</span> <em>{}</em>",
            text.lang.code(),
            escape(&text.text),
            escape(&note)
        ),
        None => escape(&text.text),
    }
}

fn plain_text(context: &Context, edition: &Edition, text: &Text) -> String {
    match fallback_note(context, edition, text) {
        Some(note) => format!("{} {note}", text.text),
        None => text.text.clone(),
    }
}

/// The copy of an edition for a subscriber with these interests.
pub fn render(
    context: &Context,
    edition: &Edition,
    interests: &[Interest],
    links: &Links,
) -> Rendered {
    let lang = edition.lang;
    let sections = edition.sections(interests);
    let mut text = format!("{}\n\n", plain_text(context, edition, &edition.title));
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body style=\"font-family:sans-serif;max-width:40em;margin:auto;line-height:1.5\">\n<h1>{}</h1>\n",
        lang.code(),
        escape(&edition.title.text),
        html_text(context, edition, &edition.title)
    );
    if let Some(editorial) = &edition.editorial {
        text.push_str(&plain_text(context, edition, editorial));
        text.push_str("\n\n");
        let note = fallback_note(context, edition, editorial)
            .map(|n| format!("<p><em>{}</em></p>", escape(&n)))
            .unwrap_or_default();
        html.push_str(&format!("{note}<div lang=\"{}\">", editorial.lang.code()));
        for paragraph in editorial
            .text
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
        {
            html.push_str(&format!(
                "<p>{}</p>",
                escape(paragraph.trim()).replace('\n', "<br>")
            ));
        }
        html.push_str("</div>\n");
    }
    for (kind, items) in sections {
        let heading = section_title(context, lang, kind);
        text.push_str(&format!("== {heading} ==\n\n"));
        html.push_str(&format!("<h2>{}</h2>\n<ul>\n", escape(&heading)));
        for item in items {
            let meta = item.meta();
            text.push_str(&format!(
                "* {}\n",
                plain_text(context, edition, &item.title)
            ));
            if !meta.is_empty() {
                text.push_str(&format!("  {meta}\n"));
            }
            html.push_str(&format!(
                "<li><a href=\"{}\">{}</a>",
                escape(&item.url),
                html_text(context, edition, &item.title)
            ));
            if !meta.is_empty() {
                html.push_str(&format!("<br><small>{}</small>", escape(&meta)));
            }
            if let Some(summary) = &item.summary {
                text.push_str(&format!("  {}\n", plain_text(context, edition, summary)));
                html.push_str(&format!("<br>{}", html_text(context, edition, summary)));
            }
            text.push_str(&format!("  {}\n\n", item.url));
            html.push_str("</li>\n");
        }
        html.push_str("</ul>\n");
    }
    let archive = context.i18n.t(lang, "newsletter-mail-archive");
    let unsubscribe = context.i18n.t(lang, "newsletter-mail-unsubscribe");
    text.push_str(&format!(
        "--\n{archive}: {}\n{unsubscribe}: {}\n",
        links.archive, links.unsubscribe
    ));
    html.push_str(&format!(
        "<hr><p><small><a href=\"{}\">{}</a> · <a href=\"{}\">{}</a></small></p></body></html>",
        escape(&links.archive),
        escape(&archive),
        escape(&links.unsubscribe),
        escape(&unsubscribe)
    ));
    Rendered {
        subject: edition.title.text.clone(),
        text,
        html,
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\">Tom & 'Jerry'</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
    }
}
