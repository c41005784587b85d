//! The timeline chart as inline SVG: unresolved residents per district at
//! each year end (colour *and* dash pattern per district, so it prints in
//! black and white), the collapse threshold, and rows of marks under the
//! years for events, bookmarks and notes (hover shows what they were).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::document::{MarkKind, Timeline};
use super::html::escape;
use crate::i18n::Texts;

const WIDTH: f32 = 760.0;
const LEFT: f32 = 40.0;
const RIGHT: f32 = 580.0;
const TOP: f32 = 14.0;
const BOTTOM: f32 = 234.0;
const LEGEND_X: f32 = 598.0;
const HEIGHT: f32 = BOTTOM + 80.0;
/// The most year labels drawn (a deck's calendar is at most 50 years).
const MAX_YEARS: usize = 100;

/// Dash patterns per district (map order), repeated past six.
const DASHES: [&str; 6] = ["", "7 4", "2 3", "10 3 2 3", "4 2", "1 4"];
const THRESHOLD_COLOUR: &str = "#b3261e";
const MARK_COLOURS: [(MarkKind, &str); 3] = [
    (MarkKind::Event, "#a15c00"),
    (MarkKind::Bookmark, "#1f5fa8"),
    (MarkKind::Note, "#555555"),
];

fn mark_colour(kind: MarkKind) -> &'static str {
    MARK_COLOURS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("#555555", |(_, c)| c)
}

/// The chart, or `None` when no year has ended yet.
pub(super) fn timeline(t: &Timeline, texts: &Texts) -> Option<String> {
    if t.years.is_empty() {
        return None;
    }
    let max_load = t
        .lines
        .iter()
        .flat_map(|l| l.loads.iter().copied())
        .max()
        .unwrap_or(0);
    let top_value = max_load.max(t.threshold) + 1;
    let (first, last) = t.span;
    // the span is the deck's calendar (at most 50 years) and the years
    // reached; the arithmetic is wide anyway, and the year labels capped
    let columns = (i64::from(last) - i64::from(first) + 1).max(1) as f32;
    let step = (RIGHT - LEFT) / columns;
    let x = |year: i32| LEFT + ((i64::from(year) - i64::from(first)) as f32 + 0.5) * step;
    let y = |v: usize| BOTTOM - v as f32 * (BOTTOM - TOP) / top_value as f32;

    let title = escape(texts.t("export.chart.title"));
    let mut s = String::with_capacity(8192);
    let _ = write!(
        s,
        r#"<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" aria-labelledby="timeline-title"><title id="timeline-title">{title}</title>"#
    );
    // grid and value labels
    let every = match top_value {
        0..=10 => 1,
        11..=20 => 2,
        _ => 5,
    };
    s.push_str(r##"<g class="grid" stroke="#d0d0d0" stroke-width="1">"##);
    for v in (0..=top_value).step_by(every) {
        let _ = write!(
            s,
            r#"<line x1="{LEFT}" y1="{0:.1}" x2="{RIGHT}" y2="{0:.1}"/>"#,
            y(v)
        );
    }
    s.push_str("</g>");
    s.push_str(r##"<g class="values" font-size="11" fill="#333333" text-anchor="end">"##);
    for v in (0..=top_value).step_by(every) {
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}">{v}</text>"#,
            LEFT - 6.0,
            y(v) + 4.0
        );
    }
    s.push_str("</g>");
    // years
    s.push_str(r##"<g class="years" font-size="11" fill="#333333" text-anchor="middle">"##);
    for year in (first..=last).take(MAX_YEARS) {
        let label = escape(&texts.fmt("export.chart.year", &[("year", &year)]));
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}">{label}</text>"#,
            x(year),
            BOTTOM + 16.0
        );
    }
    s.push_str("</g>");
    // the threshold
    let limit = escape(&texts.fmt("export.chart.threshold", &[("threshold", &t.threshold)]));
    let _ = write!(
        s,
        r#"<g class="threshold"><line x1="{LEFT}" y1="{0:.1}" x2="{RIGHT}" y2="{0:.1}" stroke="{THRESHOLD_COLOUR}" stroke-width="2" stroke-dasharray="6 3"/><text x="{1:.1}" y="{2:.1}" font-size="11" fill="{THRESHOLD_COLOUR}" text-anchor="end">{limit}</text></g>"#,
        y(t.threshold),
        RIGHT - 2.0,
        y(t.threshold) - 4.0
    );
    // one line per district
    for (i, line) in t.lines.iter().enumerate() {
        let [r, g, b] = line.colour;
        let colour = format!("#{r:02x}{g:02x}{b:02x}");
        let dash = DASHES[i % DASHES.len()];
        let dash_attr = if dash.is_empty() {
            String::new()
        } else {
            format!(r#" stroke-dasharray="{dash}""#)
        };
        let name = escape(&line.name);
        let _ = write!(s, r#"<g class="district"><title>{name}</title>"#);
        let points: Vec<String> = t
            .years
            .iter()
            .zip(&line.loads)
            .map(|(year, load)| format!("{:.1},{:.1}", x(*year), y(*load)))
            .collect();
        let _ = write!(
            s,
            r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr}/>"#,
            points.join(" ")
        );
        for (year, load) in t.years.iter().zip(&line.loads) {
            let label = escape(&format!(
                "{} {}: {load}",
                line.name,
                texts.fmt("export.chart.year", &[("year", year)])
            ));
            let _ = write!(
                s,
                r#"<circle cx="{:.1}" cy="{:.1}" r="3" fill="{colour}"><title>{label}</title></circle>"#,
                x(*year),
                y(*load)
            );
        }
        // legend entry
        let ly = TOP + 8.0 + i as f32 * 18.0;
        let _ = write!(
            s,
            r##"<line x1="{LEGEND_X}" y1="{ly:.1}" x2="{:.1}" y2="{ly:.1}" stroke="{colour}" stroke-width="2.5"{dash_attr}/><text x="{:.1}" y="{:.1}" font-size="12" fill="#222222">{name}</text></g>"##,
            LEGEND_X + 26.0,
            LEGEND_X + 32.0,
            ly + 4.0
        );
    }
    // a ring where the town collapsed
    if let Some((year, d)) = t.collapse
        && let Some(i) = t.years.iter().position(|y| *y == year)
        && let Some(load) = t.lines.get(d).and_then(|l| l.loads.get(i))
    {
        let _ = write!(
            s,
            r#"<circle class="collapse" cx="{:.1}" cy="{:.1}" r="8" fill="none" stroke="{THRESHOLD_COLOUR}" stroke-width="2.5"/>"#,
            x(year),
            y(*load)
        );
    }
    // marks, one row per kind, one mark per year and kind
    let mut grouped: BTreeMap<(MarkKind, i32), Vec<&str>> = BTreeMap::new();
    for m in &t.marks {
        grouped
            .entry((m.kind, m.year))
            .or_default()
            .push(m.label.as_str());
    }
    let row_y = |kind: MarkKind| {
        BOTTOM
            + match kind {
                MarkKind::Event => 34.0,
                MarkKind::Bookmark => 52.0,
                MarkKind::Note => 70.0,
            }
    };
    s.push_str(r#"<g class="marks">"#);
    for ((kind, year), labels) in &grouped {
        let (cx, cy) = (x(*year), row_y(*kind));
        let colour = mark_colour(*kind);
        let tip = escape(&labels.join("\n"));
        let _ = write!(s, "<g><title>{tip}</title>");
        s.push_str(&shape(*kind, cx, cy, colour));
        if labels.len() > 1 {
            let _ = write!(
                s,
                r#"<text x="{:.1}" y="{:.1}" font-size="10" fill="{colour}">×{}</text>"#,
                cx + 7.0,
                cy + 4.0,
                labels.len()
            );
        }
        s.push_str("</g>");
    }
    s.push_str("</g>");
    // legend for the marks
    let base = TOP + 8.0 + t.lines.len() as f32 * 18.0 + 10.0;
    s.push_str(r##"<g class="mark-legend" font-size="12" fill="#222222">"##);
    for (i, (kind, key)) in [
        (MarkKind::Event, "export.chart.event"),
        (MarkKind::Bookmark, "export.chart.bookmark"),
        (MarkKind::Note, "export.chart.note"),
    ]
    .into_iter()
    .enumerate()
    {
        let ly = base + i as f32 * 18.0;
        s.push_str(&shape(kind, LEGEND_X + 13.0, ly, mark_colour(kind)));
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}">{}</text>"#,
            LEGEND_X + 32.0,
            ly + 4.0,
            escape(texts.t(key))
        );
    }
    s.push_str("</g></svg>");
    Some(s)
}

/// ▼ for events, ■ for bookmarks, ● for notes.
fn shape(kind: MarkKind, cx: f32, cy: f32, colour: &str) -> String {
    match kind {
        MarkKind::Event => format!(
            r#"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="{colour}"/>"#,
            cx - 5.0,
            cy - 5.0,
            cx + 5.0,
            cy - 5.0,
            cx,
            cy + 5.0
        ),
        MarkKind::Bookmark => format!(
            r#"<rect x="{:.1}" y="{:.1}" width="9" height="9" fill="{colour}"/>"#,
            cx - 4.5,
            cy - 4.5
        ),
        MarkKind::Note => format!(r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="4.5" fill="{colour}"/>"#),
    }
}
