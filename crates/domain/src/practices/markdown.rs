//! Markdown in practices' long fields: rendered to HTML with every raw HTML tag escaped and only
//! http(s), mailto and relative links kept, so that nothing written can run in a reader's page;
//! and the plain text and word counts the limits and the search use.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};

fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES
}

/// Whether a link's destination is safe to follow.
fn safe_destination(url: &str) -> bool {
    let lower: String = url
        .trim()
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    match lower.split_once(':') {
        // A colon before any slash, `?` or `#` is a scheme.
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// Renders Markdown to HTML that is safe to put in a page: raw HTML comes out as text, images
/// become links (pictures belong in the practice's media, with alt text), and links with any
/// scheme but http, https or mailto lose their target.
pub fn render(markdown: &str) -> String {
    let mut dropped_links = Vec::new();
    let events = Parser::new_ext(markdown, options()).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let safe = safe_destination(&dest_url);
            dropped_links.push(!safe);
            Event::Start(Tag::Link {
                link_type,
                dest_url: if safe { dest_url } else { CowStr::from("#") },
                title,
                id,
            })
        }
        Event::Start(Tag::Image {
            dest_url, title, ..
        }) => Event::Start(Tag::Link {
            link_type: LinkType::Inline,
            dest_url: if safe_destination(&dest_url) {
                dest_url
            } else {
                CowStr::from("#")
            },
            title,
            id: CowStr::from(""),
        }),
        Event::End(TagEnd::Image) => Event::End(TagEnd::Link),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 4);
    html::push_html(&mut out, events);
    out
}

/// The words a reader sees, without Markdown syntax (for the index and word counts).
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                out.push_str(&text);
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock,
            ) if !out.ends_with([' ', '\n']) => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// Words as a reader counts them: runs of letters or digits, apostrophes and hyphens inside a
/// word keeping it whole ("l'été" and "well-being" are one word each).
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn raw_html_is_escaped() {
        let html = render("Hello <script>alert(1)</script> <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        let block = render("<div onclick=\"x()\">\nhi\n</div>");
        assert!(!block.contains("<div"), "{block}");
    }

    #[test]
    fn only_safe_links_keep_their_target() {
        let html = render(
            "[a](https://example.org) [b](javascript:alert(1)) [c](JaVa\tScRiPt:x) [d](/en/cities) [e](data:text/html,x)",
        );
        assert!(html.contains("href=\"https://example.org\""), "{html}");
        assert!(html.contains("href=\"/en/cities\""), "{html}");
        assert!(!html.to_lowercase().contains("javascript"), "{html}");
        assert!(!html.contains("data:"), "{html}");
    }

    #[test]
    fn images_become_links() {
        let html = render("![a map](https://example.org/map.png)");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("<a href=\"https://example.org/map.png\">a map</a>"),
            "{html}"
        );
    }

    #[test]
    fn markdown_still_works() {
        assert_eq!(
            render("**bold** and *it*\n\n- one\n- two"),
            "<p><strong>bold</strong> and <em>it</em></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
        );
    }

    #[test]
    fn words_are_counted_as_read() {
        assert_eq!(word_count("  L'été, la fête — well-being 2024!  "), 5);
        assert_eq!(word_count(""), 0);
        assert_eq!(
            plain_text("# Title\n\nSome **bold** [link](https://x.org)."),
            "Title Some bold link."
        );
    }

    proptest! {
        #[test]
        fn no_tag_survives_from_any_input(input in "\\PC{0,300}") {
            let html = render(&input);
            let lower = html.to_lowercase();
            for tag in ["<script", "<img", "<iframe", "<style", "<div", "<svg", "<object", "href=\"javascript", "href=\"data:"] {
                prop_assert!(!lower.contains(tag), "{} in {}", tag, html);
            }
        }

        #[test]
        fn word_counts_add_up(a in "[a-zé ]{0,50}", b in "[a-zé ]{0,50}") {
            prop_assert_eq!(word_count(&format!("{a} {b}")), word_count(&a) + word_count(&b));
        }
    }
}
