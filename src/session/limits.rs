//! The bounds a session file is read within: its size, a line's length, the
//! years its records may name, and how much of a bad line an error echoes.

use std::ops::RangeInclusive;

/// The largest session file read (64 MiB; a ten-year game is about 100 KB).
pub const MAX_SESSION_BYTES: u64 = 64 * 1024 * 1024;

/// The longest line read (1 MiB; a record is well under 1 KB).
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// Years any session record may name, whatever the deck.
pub const YEAR_RANGE: RangeInclusive<i32> = 1900..=2200;

/// How many characters of a bad line an error repeats.
const ECHO_CHARS: usize = 200;

/// `text` cut to [`ECHO_CHARS`] characters, with `…` when cut, and on one
/// line (control characters, which a file can smuggle into an error through
/// a name it echoes, become spaces).
pub(super) fn clip(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(ECHO_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().nth(ECHO_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// Whether `year` is one a session record may name: inside [`YEAR_RANGE`]
/// and, when the deck's calendar is known, within a year of it.
pub(super) fn year_ok(year: i32, calendar: Option<(i32, i32)>) -> bool {
    YEAR_RANGE.contains(&year)
        && calendar.is_none_or(|(first, last)| {
            (first.saturating_sub(1)..=last.saturating_add(1)).contains(&year)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_cuts_and_keeps_one_line() {
        assert_eq!(clip("a\nb\u{0}c"), "a b c");
        let long = clip(&"é".repeat(1_000));
        assert_eq!(long.chars().count(), ECHO_CHARS + 1);
        assert!(long.ends_with('…'));
        assert!(year_ok(2021, Some((2021, 2030))) && year_ok(2031, Some((2021, 2030))));
        assert!(!year_ok(2032, Some((2021, 2030))) && !year_ok(1899, None));
    }
}
