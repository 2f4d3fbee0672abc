//! Text cleaning and greedy line breaking by measured width (used by every text block of
//! the PDF report): breaks at spaces, cuts words longer than a line, keeps hard newlines.

/// Drops control and invisible formatting characters (soft hyphen, zero-width and bidi
/// marks), turns tabs into spaces and `\r\n` / `\r` into `\n`.
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Splits cleaned `text` into lines at most `max` wide, as measured by `advance`. Each
/// line holds at least one character, so this always terminates; an empty text gives no
/// line, and every `\n` starts a new line.
pub(crate) fn wrap(text: &str, max: f64, advance: &dyn Fn(char) -> f64) -> Vec<String> {
    let max = if max.is_nan() { 0.0 } else { max };
    let mut lines = Vec::new();
    let space = advance(' ');
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut width = 0.0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let word_width: f64 = word.chars().map(advance).sum();
            let gap = if line.is_empty() { 0.0 } else { space };
            if width + gap + word_width <= max {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                width += gap + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                width = 0.0;
            }
            if word_width <= max {
                line.push_str(word);
                width = word_width;
                continue;
            }
            for c in word.chars() {
                let w = advance(c);
                if !line.is_empty() && width + w > max {
                    lines.push(std::mem::take(&mut line));
                    width = 0.0;
                }
                line.push(c);
                width += w;
            }
        }
        lines.push(line);
    }
    if lines.iter().all(String::is_empty) {
        lines.clear();
    }
    lines
}

/// The longest prefix of `text` (plus "…") that fits in `max`.
pub(crate) fn ellipsize(text: &str, max: f64, advance: &dyn Fn(char) -> f64) -> String {
    let total: f64 = text.chars().map(advance).sum();
    if total <= max {
        return text.to_owned();
    }
    let mut width = advance('…');
    let mut out = String::new();
    for c in text.chars() {
        width += advance(c);
        if width > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(_: char) -> f64 {
        1.0
    }

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("aa bb cc", 5.0, &unit), ["aa bb", "cc"]);
        assert_eq!(wrap("abcdefgh x", 3.0, &unit), ["abc", "def", "gh", "x"]);
        assert_eq!(wrap("a\n\nb", 5.0, &unit), ["a", "", "b"]);
        assert!(wrap("   ", 5.0, &unit).is_empty());
        assert_eq!(wrap("abc", 0.0, &unit), ["a", "b", "c"]);
        assert_eq!(wrap("ab", f64::NAN, &unit), ["a", "b"]);
    }

    #[test]
    fn cleaning_drops_invisible_characters() {
        assert_eq!(clean("a\tb\r\nc\rd\u{AD}e\u{200B}\u{0}f"), "a b\nc\ndef");
        assert_eq!(ellipsize("abcdef", 4.0, &unit), "abc…");
        assert_eq!(ellipsize("abc", 4.0, &unit), "abc");
    }
}
