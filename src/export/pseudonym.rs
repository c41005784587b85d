//! `--pseudonymise`: seat names become 参加者A, 参加者B, … ("Participant A",
//! …), in the setup and wherever they were typed (notes, bookmark labels,
//! override reasons, debrief notes, workshop proposals, local district
//! names), and so do the parts of a name people write on their own:
//!
//! - The whole name as typed matches anywhere; where it begins or ends with a
//!   Latin letter or digit, only at a word edge there ("Ken" leaves "Kent").
//! - A name is cut into parts at spaces (also full-width) and `・`. A name
//!   written in kanji and kana with no space is cut where the script changes
//!   (山田さくら → 山田 + さくら); one of kanji only is cut every way a family
//!   name of 1–3 characters allows (山田花子 → 山 + 田花子, 山田 + 花子,
//!   山田花 + 子), since the text alone cannot say where the family name ends.
//! - A Latin part of two or more letters matches as a whole word in any case
//!   (seat "Tanaka Yuki": "yuki", "TANAKA", "Yuki-san").
//! - A Japanese part matches only where it stands as a name does: not right
//!   after a kanji or katakana (so 様子 and 息子 keep their 子), and followed
//!   by an honorific (さん, さま, 様, ちゃん, くん, 君, 氏, 先生, 殿, 先輩), a
//!   particle (が, は, と, の, …), punctuation, a space or the end. A part of
//!   one character needs the honorific, and not to follow お or ご (お子さん).
//! - A part that two seats share (山田花子 and 山田太郎) becomes 参加者
//!   ("Participant") without a letter, so nobody is named for someone else.
//!
//! Replacement is one left-to-right pass over the original text, longest
//! name first at each position, so a short name (say "A") can never rewrite
//! part of a pseudonym already put in, and "山田" never splits "山田花子".
//! A one-letter Latin name matches in its own case only ("A" leaves "a cat").

use crate::i18n::Texts;
use crate::session::{LoadedSession, Record, ScenarioSource};

/// The pseudonym of seat `index` in `lang`: 参加者A / Participant A; past
/// Z, two letters (AA, AB, …).
pub fn pseudonym(index: usize, lang: &str) -> String {
    let mut letters = String::new();
    let mut n = index;
    loop {
        letters.insert(0, char::from(b'A' + (n % 26) as u8));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    Texts::load(lang).fmt("export.pseudonym", &[("letter", &letters)])
}

/// How a name, or a part of one, is found in typed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rule {
    /// The whole name: anywhere, Latin edges at word edges.
    Whole,
    /// A Latin part: a whole word.
    Word,
    /// A Japanese part: before an honorific, a particle or punctuation.
    Part,
}

#[derive(Debug, Clone)]
struct Pattern {
    name: Vec<char>,
    alias: String,
    rule: Rule,
}

/// The seat names of a session and what replaces them, ready to apply to
/// any text typed during it.
#[derive(Debug, Clone)]
pub struct Pseudonyms {
    /// Longest first.
    patterns: Vec<Pattern>,
}

impl Pseudonyms {
    /// The replacements for seats named `names` (in seat order), with
    /// pseudonyms in `lang`.
    pub fn new(names: &[&str], lang: &str) -> Self {
        let shared = Texts::load(lang).t("export.pseudonym.shared").to_owned();
        let mut patterns: Vec<Pattern> = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let alias = pseudonym(i, lang);
            let trimmed = name.trim();
            let compact: String = trimmed.chars().filter(|c| !is_separator(*c)).collect();
            for whole in [*name, trimmed, compact.as_str()] {
                add(&mut patterns, whole, &alias, Rule::Whole, &shared);
            }
            for part in name_parts(trimmed) {
                let rule = if part.chars().any(is_word_char) {
                    Rule::Word
                } else {
                    Rule::Part
                };
                add(&mut patterns, &part, &alias, rule, &shared);
            }
        }
        Self::sorted(patterns)
    }

    /// Whole names only, each with its replacement.
    fn whole(pairs: &[(String, String)]) -> Self {
        let mut patterns = Vec::new();
        for (name, alias) in pairs {
            add(&mut patterns, name, alias, Rule::Whole, alias);
        }
        Self::sorted(patterns)
    }

    fn sorted(mut patterns: Vec<Pattern>) -> Self {
        patterns.sort_by(|a, b| {
            b.name
                .len()
                .cmp(&a.name.len())
                .then_with(|| a.rule.cmp(&b.rule))
                .then_with(|| a.name.cmp(&b.name))
        });
        Self { patterns }
    }

    /// `text` with every name and name part replaced, in one pass.
    pub fn apply(&self, text: &str) -> String {
        if self.patterns.is_empty() {
            return text.to_owned();
        }
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            match self
                .patterns
                .iter()
                .find_map(|p| matches_at(&chars, i, p).map(|end| (p, end)))
            {
                Some((p, end)) => {
                    out.push_str(&p.alias);
                    i = end;
                }
                None => {
                    out.push(chars[i]);
                    i += 1;
                }
            }
        }
        out
    }
}

/// Adds a pattern unless it is empty; the same text twice keeps the
/// stronger rule, and the same part from two seats becomes `shared`.
fn add(patterns: &mut Vec<Pattern>, name: &str, alias: &str, rule: Rule, shared: &str) {
    let chars: Vec<char> = name.chars().collect();
    if chars.iter().all(|c| c.is_whitespace()) {
        return;
    }
    let key = folded(&chars);
    match patterns.iter_mut().find(|p| folded(&p.name) == key) {
        None => patterns.push(Pattern {
            name: chars,
            alias: alias.to_owned(),
            rule,
        }),
        Some(p) if p.alias == alias => p.rule = p.rule.min(rule),
        Some(p) if rule < p.rule => {
            p.rule = rule;
            p.alias = alias.to_owned();
        }
        Some(p) if rule == p.rule && rule != Rule::Whole => p.alias = shared.to_owned(),
        Some(_) => {}
    }
}

fn folded(chars: &[char]) -> String {
    chars.iter().flat_map(|c| c.to_lowercase()).collect()
}

/// The parts of a (trimmed) seat name, as the module header describes.
fn name_parts(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split(is_separator).filter(|w| !w.is_empty()).collect();
    if words.len() > 1 {
        return words
            .into_iter()
            .filter(|w| !w.chars().any(is_word_char) || w.chars().count() >= 2)
            .map(str::to_owned)
            .collect();
    }
    let chars: Vec<char> = name.chars().collect();
    if chars.is_empty() || chars.iter().any(|c| !is_han(*c) && !is_kana(*c)) {
        return Vec::new();
    }
    // runs of kanji and of kana
    let mut runs: Vec<String> = Vec::new();
    let mut last: Option<bool> = None;
    for c in &chars {
        let han = is_han(*c);
        if last == Some(han) {
            runs.last_mut().expect("a run").push(*c);
        } else {
            runs.push(c.to_string());
        }
        last = Some(han);
    }
    match runs.len() {
        1 if is_han(chars[0]) => (1..=chars.len().saturating_sub(1).min(3))
            .flat_map(|k| {
                [
                    chars[..k].iter().collect::<String>(),
                    chars[k..].iter().collect(),
                ]
            })
            .collect(),
        2 => runs,
        _ => Vec::new(),
    }
}

/// What may separate the parts of a name.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == '・' || c == '･'
}

/// A letter or digit of a Latin-style word (not kanji, kana, hangul or
/// full-width forms, which are written without spaces between words).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c) && !is_kana(c) && !is_east_asian_other(c)
}

fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3005}' | '\u{3006}' | '\u{30F6}' // 々 〆 ヶ
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}')
}

fn is_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}')
        && !matches!(c, '\u{30FB}' | '\u{30F6}') // ・ ヶ
}

fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}')
        && c != '\u{30FB}'
}

fn is_east_asian_other(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{FF00}'..='\u{FFEF}')
}

const HONORIFICS: [&str; 10] = [
    "さん",
    "さま",
    "様",
    "ちゃん",
    "くん",
    "君",
    "氏",
    "先生",
    "殿",
    "先輩",
];

const PARTICLES: [&str; 16] = [
    "が", "は", "と", "の", "に", "を", "も", "へ", "で", "や", "か", "ね", "よ", "だ", "って",
    "です",
];

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    let rest = chars.get(at..).unwrap_or_default();
    word.chars().count() <= rest.len() && word.chars().zip(rest).all(|(w, c)| w == *c)
}

/// Where pattern `p` ends if it matches `chars` at `at`.
fn matches_at(chars: &[char], at: usize, p: &Pattern) -> Option<usize> {
    let end = at.checked_add(p.name.len())?;
    let here = chars.get(at..end)?;
    let any_case = p.name.iter().filter(|c| c.is_alphabetic()).count() >= 2;
    let same = here
        .iter()
        .zip(&p.name)
        .all(|(a, b)| a == b || (any_case && a.to_lowercase().eq(b.to_lowercase())));
    if !same {
        return None;
    }
    let before = at.checked_sub(1).map(|i| chars[i]);
    let after = chars.get(end).copied();
    let word_edge_before = !before.is_some_and(is_word_char);
    let word_edge_after = !after.is_some_and(is_word_char);
    let ok = match p.rule {
        Rule::Whole => {
            (!is_word_char(p.name[0]) || word_edge_before)
                && (!is_word_char(p.name[p.name.len() - 1]) || word_edge_after)
        }
        Rule::Word => word_edge_before && word_edge_after,
        Rule::Part => {
            let joined = |c: char| is_han(c) || is_katakana(c) || is_word_char(c);
            let honorific = HONORIFICS.iter().any(|h| starts_with(chars, end, h));
            if before.is_some_and(joined) {
                false
            } else if p.name.len() == 1 {
                honorific && !matches!(before, Some('お' | 'ご' | '御'))
            } else {
                honorific
                    || PARTICLES.iter().any(|w| starts_with(chars, end, w))
                    || !after.is_some_and(|c| c.is_alphanumeric())
            }
        }
    };
    ok.then_some(end)
}

/// Replaces the seat names of `session` by pseudonyms in the language
/// `lang`, in its header and in everything typed during it (and in local
/// district names and the scenario folder's path, should a name appear
/// there). Find the session's deck with [`crate::reflect::content_for`]
/// before calling this. The file on disk is not touched.
pub fn pseudonymise(session: &mut LoadedSession, lang: &str) {
    let names: Vec<String> = session
        .header
        .setup
        .seats
        .iter()
        .map(|s| s.name.clone())
        .collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let names = Pseudonyms::new(&refs, lang);
    for (i, seat) in session.header.setup.seats.iter_mut().enumerate() {
        seat.name = pseudonym(i, lang);
    }
    let swap = |text: &mut String| *text = names.apply(text);
    for r in &mut session.records {
        match r {
            Record::Note { text, .. } | Record::DebriefNote { text, .. } => swap(text),
            Record::Bookmark { label, .. } => {
                if let Some(l) = label {
                    swap(l);
                }
            }
            Record::Intervention { reason, .. } => swap(reason),
            Record::Proposal(p) => {
                swap(&mut p.name);
                swap(&mut p.description);
            }
            Record::Act { .. }
            | Record::Undo
            | Record::SeatKind { .. }
            | Record::Pause { .. }
            | Record::FacilitatorMode { .. }
            | Record::Finished { .. } => {}
        }
    }
    for name in session.header.district_relabels.iter_mut().flatten() {
        swap(name);
    }
    if let ScenarioSource::Directory(dir) = &mut session.header.scenario {
        let mut path = dir.to_string_lossy().into_owned();
        swap(&mut path);
        *dir = path.into();
    }
}

/// `text` with every whole `(name, replacement)` pair applied in one
/// left-to-right pass, the longest name winning where several start at the
/// same place (no name parts: see [`Pseudonyms`] for those). A name that
/// begins or ends with a Latin letter or digit matches only at a word edge
/// there (the name "Ken" leaves "Kent" alone; Japanese names, written
/// without spaces, match anywhere). Names of two or more letters match in
/// any case. Empty names are ignored.
pub fn replace_names(text: &str, pairs: &[(String, String)]) -> String {
    Pseudonyms::whole(pairs).apply(text)
}

#[cfg(test)]
mod tests {
    use super::Pseudonyms;

    fn ja(names: &[&str], text: &str) -> String {
        Pseudonyms::new(names, "ja").apply(text)
    }

    #[test]
    fn japanese_name_parts_before_honorifics_particles_and_punctuation() {
        let seats = ["山田花子", "Tanaka Yuki"];
        assert_eq!(
            ja(&seats, "花子さん、山田さん、山田様、花子ちゃん。山田花子も"),
            "参加者Aさん、参加者Aさん、参加者A様、参加者Aちゃん。参加者Aも"
        );
        assert_eq!(
            ja(&seats, "花子が来た 「山田」"),
            "参加者Aが来た 「参加者A」"
        );
        // inside other words, or one character without an honorific
        assert_eq!(
            ja(&seats, "様子を見る。お子さんと息子さん"),
            "様子を見る。お子さんと息子さん"
        );
        assert_eq!(ja(&seats, "富山田んぼ"), "富山田んぼ");
        // kanji and kana names split where the script changes
        assert_eq!(
            ja(&["山田さくら"], "さくらちゃんと山田くん、さくらんぼ"),
            "参加者Aちゃんと参加者Aくん、さくらんぼ"
        );
    }

    #[test]
    fn latin_name_parts_are_whole_words_in_any_case() {
        let seats = ["山田花子", "Tanaka Yuki"];
        assert_eq!(
            ja(
                &seats,
                "yuki, TANAKA and Yuki-san; Yukiさん met Yukio in Tanakaville"
            ),
            "参加者B, 参加者B and 参加者B-san; 参加者Bさん met Yukio in Tanakaville"
        );
        // a one-letter part is not a name
        assert_eq!(ja(&["J Smith"], "a J and smith"), "a J and 参加者A");
    }

    #[test]
    fn a_part_two_seats_share_names_nobody() {
        let seats = ["山田花子", "山田太郎", "Yuki Tanaka", "Yuki"];
        assert_eq!(
            ja(&seats, "山田さんと花子さんと太郎さん、yuki と tanaka"),
            "参加者さんと参加者Aさんと参加者Bさん、参加者D と 参加者C"
        );
    }
}
