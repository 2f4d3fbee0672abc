//! The events calendar as an iCalendar file (RFC 5545), written by hand: text values escaped
//! (backslash, comma, semicolon, line breaks) so that no value can start a property of its
//! own, lines folded at 75 octets without cutting a character, CRLF line ends, whole-day
//! events (`DTSTART;VALUE=DATE`, `DTEND` the day after the last, as the RFC wants).

use chrono::{DateTime, Days, NaiveDate, Utc};

/// The longest line, in octets, before it is folded.
pub const LINE_OCTETS: usize = 75;

/// One event as the calendar file shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Stable for the event (`event-12@host`): calendars update it rather than add a copy.
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub url: Option<String>,
    pub starts_on: NaiveDate,
    /// The last day.
    pub ends_on: NaiveDate,
    /// When the event was last changed.
    pub stamp: DateTime<Utc>,
}

/// A TEXT value: backslash, semicolon and comma escaped, every line break as `\n`, other
/// control characters dropped.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value: no escaping in the RFC, so anything that could break the line is dropped.
fn uri(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

/// A content line folded at 75 octets (a continuation starts with one space, which counts),
/// never inside a character; CRLF after each physical line.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let size = c.len_utf8();
        if used + size > LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += size;
    }
    out.push_str("\r\n");
    out
}

fn day(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

/// The whole calendar: its name, then each event.
pub fn calendar(name: &str, events: &[CalendarEvent]) -> String {
    let mut out = String::new();
    let mut line = |text: String| out.push_str(&fold(&text));
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Ateneu//Leading Cities events//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape_text(name)));
    for event in events {
        let end = event
            .ends_on
            .checked_add_days(Days::new(1))
            .unwrap_or(event.ends_on);
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", uri(&event.uid)));
        line(format!("DTSTAMP:{}", event.stamp.format("%Y%m%dT%H%M%SZ")));
        line(format!("DTSTART;VALUE=DATE:{}", day(event.starts_on)));
        line(format!("DTEND;VALUE=DATE:{}", day(end)));
        line(format!("SUMMARY:{}", escape_text(&event.summary)));
        if !event.location.trim().is_empty() {
            line(format!("LOCATION:{}", escape_text(&event.location)));
        }
        if !event.description.trim().is_empty() {
            line(format!("DESCRIPTION:{}", escape_text(&event.description)));
        }
        if let Some(url) = &event.url {
            line(format!("URL:{}", uri(url)));
        }
        line("TRANSP:TRANSPARENT".into());
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn event(summary: &str) -> CalendarEvent {
        CalendarEvent {
            uid: "event-7@ateneu.example.org".into(),
            summary: summary.into(),
            description: String::new(),
            location: "Barcelona".into(),
            url: None,
            starts_on: NaiveDate::from_ymd_opt(2026, 10, 5).expect("a day"),
            ends_on: NaiveDate::from_ymd_opt(2026, 10, 8).expect("a day"),
            stamp: DateTime::from_timestamp(1_780_000_000, 0).expect("a time"),
        }
    }

    /// The file's content lines with their folds undone.
    fn unfolded(file: &str) -> Vec<String> {
        file.replace("\r\n ", "")
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn text_is_escaped_so_that_it_cannot_start_a_property() {
        assert_eq!(escape_text("a,b;c\\d"), "a\\,b\\;c\\\\d");
        assert_eq!(
            escape_text("one\r\ntwo\nthree\rfour"),
            "one\\ntwo\\nthree\\nfour"
        );
        let file = calendar(
            "Events",
            &[event(
                "World Council\r\nATTENDEE:mailto:x@evil.example\nEND:VEVENT",
            )],
        );
        let lines = unfolded(&file);
        assert!(lines.iter().all(|l| !l.starts_with("ATTENDEE")), "{file}");
        assert_eq!(lines.iter().filter(|l| *l == "END:VEVENT").count(), 1);
        assert!(lines.contains(
            &"SUMMARY:World Council\\nATTENDEE:mailto:x@evil.example\\nEND:VEVENT".to_owned()
        ));
    }

    #[test]
    fn whole_days_end_the_day_after_the_last() {
        let file = calendar("Events", &[event("Congress")]);
        assert!(file.contains("DTSTART;VALUE=DATE:20261005\r\n"));
        assert!(file.contains("DTEND;VALUE=DATE:20261009\r\n"));
        assert!(file.contains("UID:event-7@ateneu.example.org\r\n"));
        assert!(file.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(file.ends_with("END:VCALENDAR\r\n"));
        assert!(!file.replace("\r\n", "").contains('\n'), "only CRLF");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_cutting_a_character() {
        let long = "Congrès mondial de CGLU — Cités et gouvernements locaux unis, ".repeat(4);
        let file = calendar("Events", &[event(&long)]);
        for line in file.split("\r\n") {
            assert!(line.len() <= LINE_OCTETS, "{} octets: {line}", line.len());
        }
        assert!(unfolded(&file).contains(&format!("SUMMARY:{}", escape_text(&long))));
    }

    proptest! {
        #[test]
        fn any_text_folds_back_to_its_line_and_never_breaks_out(text in "\\PC{0,300}|[\\r\\n,;\\\\a-zé€😀]{0,200}") {
            let file = calendar("Events", &[event(&text)]);
            for line in file.split("\r\n") {
                prop_assert!(line.len() <= LINE_OCTETS);
            }
            let lines = unfolded(&file);
            let summary = format!("SUMMARY:{}", escape_text(&text));
            prop_assert!(lines.contains(&summary));
            prop_assert_eq!(lines.iter().filter(|l| l.starts_with("BEGIN:") || l.starts_with("END:")).count(), 4);
            prop_assert!(!escape_text(&text).contains(['\r', '\n']));
        }
    }
}
