//! The report as CSV: one row per session, UTF-8 with a byte-order mark so
//! Excel opens Japanese correctly, CRLF line ends, headings in the report's
//! language; cells that would start a formula are guarded as in the
//! session export.

use super::model::{Report, SessionRow};
use crate::export::csv_field as field;
use crate::i18n::Texts;

/// The columns, by string key.
const COLUMNS: [&str; 12] = [
    "report.col.id",
    "report.col.date",
    "report.col.scenario",
    "report.col.difficulty",
    "report.col.seats",
    "report.col.humans",
    "report.col.bots",
    "report.col.outcome",
    "report.col.year",
    "report.col.district",
    "report.col.connected",
    "report.col.notes",
];

/// The report's sessions as CSV in the language of `texts`.
pub fn render_csv(report: &Report, texts: &Texts) -> String {
    let mut out = String::with_capacity(128 + report.sessions.len() * 128);
    out.push('\u{feff}');
    let head: Vec<String> = COLUMNS.iter().map(|k| field(texts.t(k))).collect();
    out.push_str(&head.join(","));
    out.push_str("\r\n");
    for s in &report.sessions {
        out.push_str(&row(s, texts).join(","));
        out.push_str("\r\n");
    }
    out
}

fn row(s: &SessionRow, texts: &Texts) -> Vec<String> {
    let lang = texts.language();
    let difficulty = match s.difficulty_name.get(lang) {
        "" => s.difficulty.as_str(),
        name => name,
    };
    let district = match (&s.district_local, &s.district) {
        (Some(local), _) => local.as_str(),
        (None, Some(d)) => d.name.get(lang),
        (None, None) => "",
    };
    vec![
        field(&s.session_id),
        field(&s.date),
        field(s.scenario.get(lang)),
        field(difficulty),
        s.seats.to_string(),
        s.humans.to_string(),
        s.bots.to_string(),
        field(texts.t(s.outcome.label_key())),
        s.year.to_string(),
        field(district),
        s.connected.to_string(),
        s.notes.to_string(),
    ]
}
