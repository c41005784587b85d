//! `--pseudonymise`: seat names become 参加者A, 参加者B, … ("Participant A",
//! …), in the setup and wherever they were typed into notes, bookmark labels,
//! override reasons and debrief notes. Replacement is one pass over the
//! original text, longest name first at each position, so a short name (say
//! "A") can never rewrite part of a pseudonym already put in, and "山田" never
//! splits "山田花子". Latin-letter names match at word edges only, and from
//! three letters on in either case ("kenji" is "Kenji"; the name "A" leaves
//! "a cat" and "After" alone).

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

/// Replaces the seat names of `session` by pseudonyms in the language
/// `lang`, in its header and in everything typed during it (and in local
/// district names and the scenario folder's path, should a name appear
/// there). Find the session's deck with [`crate::reflect::content_for`]
/// before calling this. The file on disk is not touched.
pub fn pseudonymise(session: &mut LoadedSession, lang: &str) {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (i, seat) in session.header.setup.seats.iter_mut().enumerate() {
        let alias = pseudonym(i, lang);
        for name in [seat.name.clone(), seat.name.trim().to_owned()] {
            if !name.trim().is_empty() && !pairs.iter().any(|(n, _)| *n == name) {
                pairs.push((name, alias.clone()));
            }
        }
        seat.name = alias;
    }
    let swap = |text: &mut String| *text = replace_names(text, &pairs);
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

/// `text` with every `(name, replacement)` pair applied in one left-to-right
/// pass, the longest name winning where several start at the same place.
/// A name that begins or ends with an ASCII letter or digit matches only at
/// a word edge there (the name "Ken" leaves "Kent" alone; Japanese names,
/// written without spaces, match anywhere). Names of three or more
/// characters match ASCII letters in either case. Empty names are ignored.
pub fn replace_names(text: &str, pairs: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = pairs.iter().filter(|(n, _)| !n.is_empty()).collect();
    sorted.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    if sorted.is_empty() {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric();
    let matches_at = |i: usize, name: &str| {
        let n = name.as_bytes();
        if bytes.len() - i < n.len() {
            return false;
        }
        let here = &bytes[i..i + n.len()];
        let same = if name.chars().count() >= 3 {
            here.eq_ignore_ascii_case(n)
        } else {
            here == n
        };
        same && !(word(n[0]) && i > 0 && word(bytes[i - 1]))
            && !(word(n[n.len() - 1]) && bytes.get(i + n.len()).is_some_and(|b| word(*b)))
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        match sorted.iter().find(|(name, _)| matches_at(i, name)) {
            Some((name, alias)) => {
                out.push_str(alias);
                i += name.len();
            }
            None => {
                // advance one whole character
                let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}
