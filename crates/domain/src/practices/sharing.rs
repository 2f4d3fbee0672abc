//! Sharing a published practice on social media (activity 14): the short text to copy per
//! language (the platform does not post: it has no access to those services), and the rule that
//! a Leading City's practice not shared for two months is due again.

use chrono::NaiveDate;

/// How long a practice counts as shared after its last post: two months.
pub const SHARED_FOR_DAYS: i64 = 61;

/// The longest text to copy: what X takes.
pub const MAX_POST: usize = 280;

/// Whether a practice last shared on `last` (never: None) is due to be shared on `today`.
pub fn is_due(last: Option<NaiveDate>, today: NaiveDate) -> bool {
    match last {
        None => true,
        Some(day) => (today - day).num_days() >= SHARED_FOR_DAYS,
    }
}

/// The text to copy for a post: the title, the cities and the link, the title shortened (at a
/// word, with an ellipsis) so that the whole fits in `MAX_POST` characters. A link counts in
/// full, as it is written.
pub fn post_text(title: &str, cities: &str, url: &str) -> String {
    let tail = if cities.is_empty() {
        format!(" {url}")
    } else {
        format!(" — {cities} {url}")
    };
    let room = MAX_POST.saturating_sub(tail.chars().count());
    let title = title.trim();
    let title = if title.chars().count() <= room {
        title.to_owned()
    } else {
        let cut: String = title.chars().take(room.saturating_sub(1)).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
        format!("{}…", cut.trim_end())
    };
    format!("{title}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn a_practice_is_due_two_months_after_its_last_post() {
        let today = day("2026-12-08");
        assert!(is_due(None, today));
        assert!(!is_due(Some(day("2026-11-01")), today));
        assert!(is_due(Some(day("2026-10-08")), today));
    }

    #[test]
    fn a_short_title_is_kept_whole() {
        assert_eq!(
            post_text(
                "Libraries on the quay",
                "Buenos Aires",
                "https://x.example/p"
            ),
            "Libraries on the quay — Buenos Aires https://x.example/p"
        );
    }

    proptest! {
        #[test]
        fn a_post_always_fits_and_keeps_its_link(title in ".{0,400}", cities in "[a-zA-Z ]{0,40}") {
            let url = "https://ateneu.example.org/en/practices/a-practice";
            let text = post_text(&title, cities.trim(), url);
            prop_assert!(text.chars().count() <= MAX_POST, "{}", text.chars().count());
            prop_assert!(text.ends_with(url));
        }
    }
}
