//! The report as CSV: one row per session (its link work in the last
//! columns, blank for a deck without it), UTF-8 with a byte-order mark so
//! Excel opens Japanese correctly, CRLF line ends, headings in the report's
//! language; cells that would start a formula are guarded as in the
//! session export.

use super::model::{Report, SessionRow};
use crate::export::csv_field as field;
use crate::i18n::Texts;

/// The columns, by string key.
const COLUMNS: [&str; 18] = [
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
    // link work: blank for a deck without it
    "report.col.ties",
    "report.col.informal",
    "report.col.ties_per_connected",
    "report.col.refusals",
    "report.col.relapses",
    "report.col.founded",
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
    .into_iter()
    .chain(link_work_cells(s))
    .collect()
}

/// The link work columns; blank for a session on a deck without it.
fn link_work_cells(s: &SessionRow) -> [String; 6] {
    let Some(l) = s.link_work else {
        return Default::default();
    };
    let mean = if l.connections == 0 {
        String::new()
    } else {
        crate::i18n::one_decimal(f64::from(l.ties) / l.connections as f64)
    };
    [
        l.ties.to_string(),
        l.informal.to_string(),
        mean,
        l.refusals.to_string(),
        l.relapses.to_string(),
        l.founded.to_string(),
    ]
}
