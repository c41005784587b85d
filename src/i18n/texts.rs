//! Per-language string tables: key → template with `{name}` placeholders.
//! A missing key shows on screen as `⟦key⟧`, so people notice and tests catch it.

use std::collections::BTreeMap;
use std::fmt::Display;
use std::sync::{Arc, Mutex, OnceLock};

/// The languages the shell speaks: code and name in that language.
/// The first is the fallback.
pub const LANGUAGES: [(&str, &str); 2] = [("ja", "日本語"), ("en", "English")];

type Table = BTreeMap<String, String>;

/// The string files of each language: the game's own, then one per area
/// (debrief, exports, report), so each area keeps its strings together.
const FILES: [&str; 4] = ["", "-debrief", "-export", "-report"];

fn sources(lang: &str) -> [&'static str; 4] {
    match lang {
        "en" => [
            include_str!("../../assets/i18n/en.ron"),
            include_str!("../../assets/i18n/en-debrief.ron"),
            include_str!("../../assets/i18n/en-export.ron"),
            include_str!("../../assets/i18n/en-report.ron"),
        ],
        _ => [
            include_str!("../../assets/i18n/ja.ron"),
            include_str!("../../assets/i18n/ja-debrief.ron"),
            include_str!("../../assets/i18n/ja-export.ron"),
            include_str!("../../assets/i18n/ja-report.ron"),
        ],
    }
}

/// The parsed table of a language, or why it could not be parsed.
fn table(lang: &'static str) -> &'static (Arc<Table>, Option<String>) {
    static JA: OnceLock<(Arc<Table>, Option<String>)> = OnceLock::new();
    static EN: OnceLock<(Arc<Table>, Option<String>)> = OnceLock::new();
    let cell = if lang == "en" { &EN } else { &JA };
    cell.get_or_init(|| {
        let mut all = Table::new();
        let mut problems = Vec::new();
        for (suffix, source) in FILES.iter().zip(sources(lang)) {
            match ron::from_str::<Table>(source) {
                Ok(t) => {
                    for (k, v) in t {
                        if all.insert(k.clone(), v).is_some() {
                            problems.push(format!(
                                "assets/i18n/{lang}{suffix}.ron repeats the key \"{k}\""
                            ));
                        }
                    }
                }
                Err(e) => problems.push(format!(
                    "assets/i18n/{lang}{suffix}.ron does not parse: {e}"
                )),
            }
        }
        let problem = (!problems.is_empty()).then(|| problems.join("; "));
        (Arc::new(all), problem)
    })
}

/// The UI strings of one language. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Texts {
    lang: &'static str,
    table: Arc<Table>,
    problem: Option<String>,
}

impl Texts {
    /// The table for `lang` (`"ja"`, `"en"`); any other code gets Japanese.
    pub fn load(lang: &str) -> Texts {
        let lang = LANGUAGES
            .iter()
            .map(|(code, _)| *code)
            .find(|code| *code == lang)
            .unwrap_or(LANGUAGES[0].0);
        let (table, problem) = table(lang);
        Texts {
            lang,
            table: Arc::clone(table),
            problem: problem.clone(),
        }
    }

    /// The language code actually loaded.
    pub fn language(&self) -> &'static str {
        self.lang
    }

    /// Why the embedded table could not be read (a build defect), if it could not.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// The template for `key`, or `None`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.table.get(key).map(String::as_str)
    }

    /// Every key of the table, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.table.keys().map(String::as_str)
    }

    /// The text for `key`, or `⟦key⟧` when the table lacks it.
    pub fn t(&self, key: &str) -> &str {
        self.get(key).unwrap_or_else(|| missing(key))
    }

    /// The text for `key` with each `{name}` replaced by its value; unknown
    /// placeholders stay as they are, so they show.
    pub fn fmt(&self, key: &str, args: &[(&str, &dyn Display)]) -> String {
        fill(self.t(key), args)
    }

    /// The key for a text about `count` things: `{key}_one` when `count` is
    /// 1 and the table has it ("1 player", not "1 players"), else `key`.
    /// Japanese needs no such form; its `_one` keys repeat the text.
    pub fn count_key(&self, key: &str, count: u64) -> String {
        let one = format!("{key}_one");
        if count == 1 && self.table.contains_key(&one) {
            one
        } else {
            key.to_owned()
        }
    }

    /// [`Texts::fmt`] of the form of `key` for `count` (see
    /// [`Texts::count_key`]); `count` is usually also one of `args`.
    pub fn fmt_count(&self, key: &str, count: u64, args: &[(&str, &dyn Display)]) -> String {
        self.fmt(&self.count_key(key, count), args)
    }
}

/// `⟦key⟧`, made once per distinct missing key and kept for the program's
/// life (a bounded set: the keys the code asks for), so [`Texts::t`] can
/// hand out a plain `&str`.
fn missing(key: &str) -> &'static str {
    static MISSING: Mutex<BTreeMap<String, &'static str>> = Mutex::new(BTreeMap::new());
    let mut seen = MISSING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(s) = seen.get(key) {
        return s;
    }
    let s: &'static str = Box::leak(format!("⟦{key}⟧").into_boxed_str());
    seen.insert(key.to_owned(), s);
    s
}

/// Replaces `{name}` placeholders in `template`.
fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(&v.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
