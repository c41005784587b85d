//! The cues that tell districts apart besides their place: a symbol the
//! game's font can draw, and a colour, pattern and symbol of their own.

use std::collections::BTreeMap;

use super::raw::RawMap;
use super::validate::{FileCtx, Validator};

/// Whether a character is an emoji (drawn in colour by some systems, missing
/// from the game's Japanese font) or part of one.
pub(crate) fn is_emoji(c: char) -> bool {
    let u = u32::from(c);
    matches!(u,
        0x1F000..=0x1FAFF   // mahjong, cards, enclosed, pictographs, emoticons, transport, supplemental
        | 0xFE0F            // "show as emoji" selector
        | 0x200D            // joiner of emoji sequences
        | 0x20E3            // keycap
        | 0xE0020..=0xE007F // tag characters (flags)
        // Symbols shown as emoji by default (Emoji_Presentation=Yes) in the BMP.
        | 0x231A..=0x231B | 0x23E9..=0x23EC | 0x23F0 | 0x23F3 | 0x25FD..=0x25FE
        | 0x2614..=0x2615 | 0x2648..=0x2653 | 0x267F | 0x2693 | 0x26A1 | 0x26AA..=0x26AB
        | 0x26BD..=0x26BE | 0x26C4..=0x26C5 | 0x26CE | 0x26D4 | 0x26EA | 0x26F2..=0x26F3
        | 0x26F5 | 0x26FA | 0x26FD | 0x2705 | 0x270A..=0x270B | 0x2728 | 0x274C | 0x274E
        | 0x2753..=0x2755 | 0x2757 | 0x2795..=0x2797 | 0x27B0 | 0x27BF | 0x2B1B..=0x2B1C
        | 0x2B50 | 0x2B55
    )
}

impl Validator<'_> {
    /// Symbols must be one drawable character; colours, patterns and symbols
    /// should differ between districts.
    pub(super) fn map_cues(&mut self, f: &FileCtx<'_>, map: &RawMap, offsets: &[usize]) {
        let file = f.name.as_str();
        for (d, &at) in map.districts.iter().zip(offsets) {
            let symbol = d.symbol.trim();
            let n = symbol.chars().count();
            let at_symbol = Some(f.loc.field(at, "symbol"));
            if symbol.chars().any(is_emoji) {
                self.err(
                    file,
                    at_symbol,
                    format!(
                        "district \"{}\" symbol \"{}\" is an emoji, which the game's font cannot draw",
                        d.id, d.symbol
                    ),
                    "use a plain symbol such as ▲ ● ■ ◆ ★ ♣ ◎ ♠ ♥ ▼",
                );
            } else if n > 1 {
                self.warn(
                    file,
                    at_symbol,
                    format!(
                        "district \"{}\" symbol \"{}\" is {n} characters; a symbol is one glyph",
                        d.id, d.symbol
                    ),
                    "use a single symbol such as ▲ ● ■ ◆ ★ ♣ ◎",
                );
            }
        }
        let key = |s: &str| s.trim().to_ascii_uppercase();
        self.unique(f, map, offsets, "colour", &|d| key(&d.colour));
        self.unique(f, map, offsets, "pattern", &|d| format!("{:?}", d.pattern));
        self.unique(f, map, offsets, "symbol", &|d| d.symbol.trim().to_owned());
    }

    /// Warns at every district whose `field` repeats an earlier district's.
    fn unique(
        &mut self,
        f: &FileCtx<'_>,
        map: &RawMap,
        offsets: &[usize],
        field: &str,
        value: &dyn Fn(&super::raw::RawDistrict) -> String,
    ) {
        let mut first: BTreeMap<String, &str> = BTreeMap::new();
        for (d, &at) in map.districts.iter().zip(offsets) {
            let v = value(d);
            match first.get(&v) {
                Some(other) => self.warn(
                    &f.name,
                    Some(f.loc.field(at, field)),
                    format!(
                        "district \"{}\" has the same {field} {v} as district \"{other}\"",
                        d.id
                    ),
                    format!(
                        "give every district its own {field}, so districts can be told apart without colour"
                    ),
                ),
                None => {
                    first.insert(v, &d.id);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_emoji;

    #[test]
    fn board_symbols_are_not_emoji_but_pictographs_are() {
        for c in "▲●■◆★♣◎♠♥▼".chars() {
            assert!(!is_emoji(c), "{c}");
        }
        for c in "🏠🌸⭐⚽\u{FE0F}".chars() {
            assert!(is_emoji(c), "{c}");
        }
    }
}
