//! Radar label text: control characters removed, long labels wrapped onto at most three
//! lines (by character count, as the SVG cannot measure text) and names truncated with "…".

const MAX_LABEL_LINES: usize = 3;

/// Replaces control characters (newlines, tabs…) by spaces.
pub(super) fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

pub(super) fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Wraps a label into at most three lines of about `width` characters; longer words are
/// cut, and the last line ends with "…" when text is left over.
pub(super) fn wrap_label(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    let mut overflow = false;
    'words: for word in clean(text).split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let sep = usize::from(len > 0);
            if len + sep + word.len() <= width {
                if sep == 1 {
                    line.push(' ');
                }
                line.extend(word.iter());
                len += sep + word.len();
                continue 'words;
            }
            if len > 0 {
                lines.push(std::mem::take(&mut line));
                len = 0;
            } else {
                let rest = word.split_off(width);
                lines.push(word.iter().collect());
                word = rest;
            }
            if lines.len() == MAX_LABEL_LINES {
                overflow = true;
                break 'words;
            }
        }
    }
    if !overflow && len > 0 {
        lines.push(line);
    }
    if overflow && let Some(last) = lines.last_mut() {
        let mut kept: String = last.chars().take(width.saturating_sub(1)).collect();
        kept.truncate(kept.trim_end().len());
        kept.push('…');
        *last = kept;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_wrap_onto_at_most_three_lines() {
        assert_eq!(
            wrap_label("Governance of culture", 12),
            ["Governance", "of culture"]
        );
        let long = wrap_label(&"word ".repeat(40), 12);
        assert_eq!(long.len(), 3);
        assert!(long[2].ends_with('…'));
        assert_eq!(wrap_label("abcdefghijklmnopqrstuvwxyz", 10).len(), 3);
        assert!(wrap_label("", 10).is_empty());
        assert_eq!(wrap_label("ééé\u{0}ç", 1), ["é", "é", "…"]);
    }
}
