//! The report as one self-contained HTML page: inline CSS, no scripts, no
//! external fonts, images or links, a Japanese-capable system font stack,
//! and print rules for A4. The same report always gives the same bytes.

use std::fmt::Write as _;

use crate::content::Worry;
use crate::i18n::Texts;

use super::model::{Named, Report, SessionOutcome, SessionRow};

const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "BIZ UDPGothic", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Yu Gothic", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", system-ui, sans-serif;
  margin: 2em auto; max-width: 64em; padding: 0 1.5em; color: #1d1d1f; line-height: 1.55; }
h1 { font-size: 1.8em; margin: 0 0 .2em; }
h2 { font-size: 1.25em; border-bottom: 2px solid #2f6f8f; padding-bottom: .15em; margin-top: 2em; }
.sub, .note { color: #555; }
.note { font-size: .9em; }
.cards { display: flex; flex-wrap: wrap; gap: .8em; }
.card { border: 1px solid #c8d3da; border-radius: 6px; padding: .6em 1em; min-width: 11em; }
.card b { display: block; font-size: 1.6em; }
table { border-collapse: collapse; width: 100%; margin: .6em 0; font-size: .92em; }
th, td { border-bottom: 1px solid #d9dee2; padding: .3em .5em; text-align: left; vertical-align: top; }
th { background: #eef3f6; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar { display: inline-block; height: .8em; background: #2f6f8f; vertical-align: middle; }
.bar.bad { background: #b5483b; }
.bar.good { background: #3b8a4f; }
ul.flat { columns: 2; padding-left: 1.2em; }
td.text { white-space: pre-wrap; }
.survived { color: #2e6b3c; }
.collapsed { color: #9c3a2f; }
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section { break-inside: auto; }
  h2 { break-after: avoid; }
  tr, .card { break-inside: avoid; }
  thead { display: table-header-group; }
}
"#;

/// Escapes text for HTML element content and attribute values (the
/// exports' escaping, so both pages treat typed notes the same way).
fn esc(s: &str) -> String {
    crate::export::escape_html(s)
}

fn pct(x: f64) -> String {
    format!("{:.1} %", x * 100.0)
}

fn bar(n: usize, max: usize, class: &str) -> String {
    if max == 0 || n == 0 {
        return String::new();
    }
    let w = (n as f64 * 10.0 / max as f64).max(0.2);
    format!(r#"<span class="bar {class}" style="width:{w:.1}em"></span>"#)
}

struct Page<'a> {
    out: String,
    texts: &'a Texts,
    lang: &'a str,
    /// More than one deck: names carry their deck id.
    many_decks: bool,
}

impl Page<'_> {
    fn t(&self, key: &str) -> String {
        esc(self.texts.t(key))
    }

    fn name(&self, n: &Named) -> String {
        if self.many_decks {
            format!(
                "{} <small>({})</small>",
                esc(n.name.get(self.lang)),
                esc(&n.deck)
            )
        } else {
            esc(n.name.get(self.lang))
        }
    }

    fn h2(&mut self, id: &str, key: &str) {
        let title = self.t(key);
        let _ = write!(self.out, "<section id=\"{id}\">\n<h2>{title}</h2>\n");
    }

    fn end(&mut self) {
        self.out.push_str("</section>\n");
    }

    /// `<thead>` from string keys; a leading `#` marks a numeric column.
    fn head(&mut self, cols: &[&str]) {
        self.out.push_str("<table>\n<thead><tr>");
        for c in cols {
            let (class, key) = match c.strip_prefix('#') {
                Some(k) => (" class=\"n\"", k),
                None => ("", *c),
            };
            let label = if key.is_empty() {
                String::new()
            } else {
                self.t(key)
            };
            let _ = write!(self.out, "<th{class}>{label}</th>");
        }
        self.out.push_str("</tr></thead>\n<tbody>\n");
    }

    fn foot(&mut self) {
        self.out.push_str("</tbody>\n</table>\n");
    }

    fn para(&mut self, class: &str, key: &str) {
        let text = self.t(key);
        let _ = writeln!(self.out, "<p class=\"{class}\">{text}</p>");
    }
}

/// The report as a self-contained HTML page in the language of `texts`.
pub fn render_html(report: &Report, texts: &Texts) -> String {
    let decks: std::collections::BTreeSet<&str> =
        report.sessions.iter().map(|s| s.deck.as_str()).collect();
    let mut p = Page {
        out: String::with_capacity(64 * 1024 + report.sessions.len() * 400),
        texts,
        lang: texts.language(),
        many_decks: decks.len() > 1,
    };
    let title = p.t("report.title");
    let _ = write!(
        p.out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{title}</h1>\n",
        p.lang
    );
    header(&mut p, report);
    p.out.push_str("</header>\n<main>\n");
    overview(&mut p, report);
    outcomes(&mut p, report);
    collapse_years(&mut p, report);
    difficulties(&mut p, report);
    districts(&mut p, report);
    connections(&mut p, report);
    link_work(&mut p, report);
    bookmarked(&mut p, report);
    notes(&mut p, report);
    sessions(&mut p, report);
    skipped(&mut p, report);
    p.out.push_str("</main>\n</body>\n</html>\n");
    p.out
}

fn header(p: &mut Page, r: &Report) {
    let (Some(first), Some(last)) = (r.sessions.first(), r.sessions.last()) else {
        p.para("sub", "report.empty");
        return;
    };
    let sub = p.texts.fmt_count(
        "report.subtitle",
        r.sessions.len() as u64,
        &[
            ("sessions", &r.sessions.len()),
            ("first", &first.date),
            ("last", &last.date),
        ],
    );
    let _ = writeln!(p.out, "<p class=\"sub\">{}</p>", esc(&sub));
    let mut titles: Vec<String> = Vec::new();
    for s in &r.sessions {
        let t = s.scenario.get(p.lang).to_owned();
        if !titles.contains(&t) {
            titles.push(t);
        }
    }
    let line = p
        .texts
        .fmt("report.deck", &[("scenarios", &titles.join(" / "))]);
    let _ = writeln!(p.out, "<p class=\"sub\">{}</p>", esc(&line));
}

fn overview(p: &mut Page, r: &Report) {
    p.h2("overview", "report.section.overview");
    p.out.push_str("<div class=\"cards\">\n");
    let pa = &r.participants;
    for (key, n) in [
        ("report.overview.sessions", r.sessions.len()),
        ("report.overview.people", pa.people),
        ("report.overview.distinct", pa.distinct_names),
        ("report.overview.with_people", pa.sessions_with_people),
        ("report.overview.bots", pa.bots),
        ("report.overview.bot_helped", pa.bot_helped),
    ] {
        let label = p.t(key);
        let _ = writeln!(p.out, "<div class=\"card\"><b>{n}</b>{label}</div>");
    }
    p.out.push_str("</div>\n");
    p.end();
}

fn outcomes(p: &mut Page, r: &Report) {
    p.h2("outcomes", "report.section.outcomes");
    p.head(&[
        "report.col.outcome",
        "#report.col.count",
        "#report.col.share",
        "",
    ]);
    let total = r.sessions.len();
    for o in [
        SessionOutcome::Survived,
        SessionOutcome::Collapsed,
        SessionOutcome::EndedEarly,
        SessionOutcome::InProgress,
    ] {
        let n = r.outcomes.get(o);
        let share = if total == 0 {
            String::new()
        } else {
            pct(n as f64 / total as f64)
        };
        let class = match o {
            SessionOutcome::Survived => "good",
            SessionOutcome::Collapsed => "bad",
            _ => "",
        };
        let label = p.t(o.label_key());
        let _ = writeln!(
            p.out,
            "<tr><td class=\"{}\">{label}</td><td class=\"n\">{n}</td><td class=\"n\">{share}</td><td>{}</td></tr>",
            o.id(),
            bar(n, total, class)
        );
    }
    p.foot();
    p.end();
}

fn collapse_years(p: &mut Page, r: &Report) {
    p.h2("collapse-years", "report.section.collapse_years");
    p.head(&["report.col.year", "#report.col.collapses", ""]);
    let max = r.collapse_years.iter().map(|(_, n)| *n).max().unwrap_or(0);
    for (year, n) in &r.collapse_years {
        let _ = writeln!(
            p.out,
            "<tr><td>{year}</td><td class=\"n\">{n}</td><td>{}</td></tr>",
            bar(*n, max, "bad")
        );
    }
    p.foot();
    p.end();
}

fn difficulties(p: &mut Page, r: &Report) {
    p.h2("difficulty", "report.section.difficulty");
    p.head(&[
        "report.col.difficulty",
        "#report.col.count",
        "#report.col.decided",
        "#report.col.wins",
        "#report.col.win_rate",
        "#report.col.interval",
        "",
    ]);
    for d in &r.difficulties {
        let name = esc(d.name.get(p.lang));
        let name = if name.is_empty() { esc(&d.id) } else { name };
        let rate = d.win_rate.map(pct).unwrap_or_else(|| "—".into());
        let ci = d
            .ci95
            .map(|(lo, hi)| format!("{:.1}–{:.1} %", lo * 100.0, hi * 100.0))
            .unwrap_or_else(|| "—".into());
        let b = bar(d.wins, d.decided, "good");
        let _ = writeln!(
            p.out,
            "<tr><td>{name}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{rate}</td><td class=\"n\">{ci}</td><td>{b}</td></tr>",
            d.sessions, d.decided, d.wins
        );
    }
    p.foot();
    p.para("note", "report.difficulty.note");
    p.end();
}

fn districts(p: &mut Page, r: &Report) {
    p.h2("districts", "report.section.districts");
    p.head(&[
        "report.col.district",
        "#report.col.collapses",
        "#report.col.highest_load",
        "#report.col.mean_peak",
        "",
    ]);
    let max = r.districts.iter().map(|d| d.collapses).max().unwrap_or(0);
    for d in &r.districts {
        let name = p.name(&d.district);
        let _ = writeln!(
            p.out,
            "<tr><td>{name}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.2}</td><td>{}</td></tr>",
            d.collapses,
            d.highest_load,
            d.mean_peak,
            bar(d.collapses, max, "bad")
        );
    }
    p.foot();
    p.para("note", "report.districts.note");
    p.end();
}

fn connections(p: &mut Page, r: &Report) {
    p.h2("connections", "report.section.connections");
    if r.connections.is_empty() {
        p.para("note", "report.connections.none");
    } else {
        let mut cols = vec![
            "report.col.connection".to_owned(),
            "#report.col.uses".to_owned(),
            "#report.col.sessions_used".to_owned(),
        ];
        cols.extend(Worry::ALL.iter().map(|w| format!("#{}", worry_key(*w))));
        let cols: Vec<&str> = cols.iter().map(String::as_str).collect();
        p.head(&cols);
        for c in &r.connections {
            let name = p.name(&c.connection);
            let _ = write!(
                p.out,
                "<tr><td>{name}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>",
                c.uses, c.sessions
            );
            for n in c.by_worry {
                let _ = write!(p.out, "<td class=\"n\">{n}</td>");
            }
            p.out.push_str("</tr>\n");
        }
        p.foot();
    }
    p.end();
    p.h2("never-used", "report.section.never_used");
    if r.never_used.is_empty() {
        p.para("note", "report.never_used.none");
    } else {
        p.out.push_str("<ul class=\"flat\">\n");
        for n in &r.never_used {
            let name = p.name(n);
            let _ = writeln!(p.out, "<li>{name}</li>");
        }
        p.out.push_str("</ul>\n");
    }
    p.end();
}

/// The string key of a worry label, for table headings.
/// Link work over the sessions on decks with it (left out when none has).
fn link_work(p: &mut Page, r: &Report) {
    let Some(lw) = &r.link_work else {
        return;
    };
    p.h2("link-work", "report.section.link_work");
    let sessions = p.texts.fmt_count(
        "report.link_work.sessions",
        lw.sessions as u64,
        &[("count", &lw.sessions)],
    );
    let _ = writeln!(p.out, "<p class=\"sub\">{}</p>", esc(&sessions));
    p.out.push_str("<div class=\"cards\">\n");
    let t = lw.totals;
    let dash = || "–".to_owned();
    for (key, value) in [
        (
            "report.link_work.mean_ties",
            lw.mean_ties.map_or_else(dash, crate::i18n::one_decimal),
        ),
        (
            "report.link_work.informal_share",
            lw.informal_share.map_or_else(dash, pct),
        ),
        ("report.link_work.refusals", t.refusals.to_string()),
        ("report.link_work.relapses", t.relapses.to_string()),
        ("report.link_work.founded", t.founded.to_string()),
        ("report.link_work.conferences", t.conferences.to_string()),
    ] {
        let label = p.t(key);
        let _ = writeln!(
            p.out,
            "<div class=\"card\"><b>{}</b>{label}</div>",
            esc(&value)
        );
    }
    p.out.push_str("</div>\n");
    if !lw.founded.is_empty() {
        p.head(&["report.col.resource", "#report.col.count"]);
        for (named, n) in &lw.founded {
            let name = p.name(named);
            let _ = writeln!(p.out, "<tr><td>{name}</td><td class=\"n\">{n}</td></tr>");
        }
        p.foot();
    }
    p.end();
}

fn worry_key(w: Worry) -> &'static str {
    match w {
        Worry::Money => "worry.money",
        Worry::Health => "worry.health",
        Worry::Living => "worry.living",
        Worry::Relationships => "worry.relationships",
    }
}

fn bookmarked(p: &mut Page, r: &Report) {
    p.h2("bookmarked", "report.section.bookmarked");
    if r.bookmarked.is_empty() {
        p.para("note", "report.bookmarked.none");
    } else {
        p.head(&[
            "report.col.resident",
            "#report.col.bookmarks",
            "#report.col.sessions_used",
        ]);
        for t in &r.bookmarked {
            let name = p.name(&t.resident);
            let _ = writeln!(
                p.out,
                "<tr><td>{name}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                t.bookmarks, t.sessions
            );
        }
        p.foot();
    }
    p.end();
}

fn notes(p: &mut Page, r: &Report) {
    p.h2("notes", "report.section.notes");
    if r.notes.is_empty() {
        p.para("note", "report.notes.none");
    } else {
        p.head(&[
            "report.col.date",
            "report.col.year",
            "report.col.session",
            "report.col.note",
        ]);
        for n in &r.notes {
            let _ = writeln!(
                p.out,
                "<tr><td>{}</td><td>{}</td><td><code>{}</code></td><td class=\"text\">{}</td></tr>",
                esc(&n.date),
                n.year,
                esc(&n.session_id),
                esc(&n.text)
            );
        }
        p.foot();
    }
    p.end();
}

fn sessions(p: &mut Page, r: &Report) {
    p.h2("sessions", "report.section.sessions");
    p.head(&[
        "report.col.date",
        "report.col.id",
        "report.col.scenario",
        "report.col.difficulty",
        "#report.col.seats",
        "#report.col.humans",
        "#report.col.bots",
        "report.col.outcome",
        "#report.col.year",
        "report.col.district",
        "#report.col.connected",
        "#report.col.notes",
    ]);
    for s in &r.sessions {
        row(p, s);
    }
    p.foot();
    p.end();
}

fn row(p: &mut Page, s: &SessionRow) {
    let difficulty = esc(s.difficulty_name.get(p.lang));
    let difficulty = if difficulty.is_empty() {
        esc(&s.difficulty)
    } else {
        difficulty
    };
    let district = match (&s.district, &s.district_local) {
        (_, Some(local)) => esc(local),
        (Some(d), None) => p.name(d),
        (None, None) => String::new(),
    };
    let outcome = p.t(s.outcome.label_key());
    let _ = writeln!(
        p.out,
        "<tr><td>{}</td><td><code>{}</code></td><td>{}</td><td>{difficulty}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"{}\">{outcome}</td><td class=\"n\">{}</td><td>{district}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
        esc(&s.date),
        esc(&s.session_id),
        esc(s.scenario.get(p.lang)),
        s.seats,
        s.humans,
        s.bots,
        s.outcome.id(),
        s.year,
        s.connected,
        s.notes
    );
}

fn skipped(p: &mut Page, r: &Report) {
    p.h2("skipped", "report.section.skipped");
    if r.skipped.is_empty() {
        p.para("note", "report.skipped.none");
    } else {
        p.head(&["report.col.file", "report.col.reason", "report.col.details"]);
        for s in &r.skipped {
            let file = s.path.file_name().map_or_else(
                || s.path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let reason = p.t(s.reason.label_key());
            let _ = writeln!(
                p.out,
                "<tr><td><code>{}</code></td><td>{reason}</td><td class=\"text\">{}</td></tr>",
                esc(&file),
                esc(&s.message)
            );
        }
        p.foot();
    }
    p.end();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::worry_label;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn worry_headings_use_the_label_keys() {
        let t = Texts::load("en");
        for w in Worry::ALL {
            assert_eq!(t.t(worry_key(w)), worry_label(&t, w));
        }
    }
}
