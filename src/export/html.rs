//! The HTML export: one self-contained page (inline CSS and SVG, no scripts,
//! no external URLs or files), Japanese text in a system font stack, laid
//! out for A4 printing. Every piece of text is escaped: notes are typed by
//! facilitators and names by players.

use std::fmt::Write as _;

use super::document::{Document, StoryDoc};
use super::svg;
use crate::i18n::Texts;

/// Escapes text for HTML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // control characters other than tab and line breaks cannot appear in HTML
            c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
@page { size: A4; margin: 15mm 14mm; }
html { color-scheme: light; }
body {
  font-family: "BIZ UDPGothic", "BIZ UDGothic", "Hiragino Sans", "Hiragino Kaku Gothic ProN",
    "Yu Gothic", "YuGothic", "Meiryo", "Noto Sans CJK JP", "Noto Sans JP", sans-serif;
  color: #1a1a1a; background: #ffffff; line-height: 1.65; font-size: 11pt;
  max-width: 182mm; margin: 0 auto; padding: 12px;
}
h1 { font-size: 18pt; margin: 0 0 4px; line-height: 1.3; }
h2 {
  font-size: 14pt; border-bottom: 2px solid #444444; padding-bottom: 2px; margin: 22px 0 8px;
  break-after: avoid; page-break-after: avoid;
}
h3 { font-size: 11.5pt; margin: 0 0 4px; break-after: avoid; page-break-after: avoid; }
ul.meta { list-style: none; margin: 0; padding: 0; color: #444444; font-size: 9.5pt; }
p.headline { font-weight: bold; font-size: 12pt; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 8px 0; }
th, td { border: 1px solid #bbbbbb; padding: 2px 6px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.over { font-weight: bold; color: #b3261e; }
figure { margin: 8px 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 9.5pt; color: #444444; }
svg.timeline { display: block; max-width: 100%; height: auto; }
article.story {
  border: 1px solid #cccccc; border-left: 6px solid #888888; border-radius: 4px;
  padding: 6px 10px; margin: 8px 0; break-inside: avoid; page-break-inside: avoid;
}
article.story.connected { border-left-color: #2e7d32; }
article.story.waiting { border-left-color: #b3261e; }
article.story ol { margin: 0; padding-left: 1.5em; }
.tag {
  font-size: 8.5pt; font-weight: normal; border: 1px solid currentColor; border-radius: 3px;
  padding: 0 4px; margin-left: 6px; white-space: nowrap;
}
.connected .tag { color: #2e7d32; }
.waiting .tag { color: #b3261e; }
ul.remarks li { white-space: pre-wrap; break-inside: avoid; page-break-inside: avoid; }
.time { font-variant-numeric: tabular-nums; color: #555555; margin-right: 6px; }
article.proposal {
  border: 1px solid #cccccc; border-radius: 4px; padding: 6px 10px; margin: 8px 0;
  break-inside: avoid; page-break-inside: avoid;
}
article.proposal .kind {
  font-size: 8.5pt; font-weight: normal; border: 1px solid #666666; border-radius: 3px;
  padding: 0 4px; margin-left: 6px; white-space: nowrap;
}
article.proposal ul.details { margin: 0; padding-left: 1.2em; font-size: 9.5pt; }
p.description { white-space: pre-wrap; margin: 4px 0 0; }
div.question { margin: 10px 0 14px; break-inside: avoid; page-break-inside: avoid; }
p.question-text { font-weight: bold; font-size: 12pt; margin: 0 0 4px; }
div.notes { white-space: pre-wrap; border-left: 3px solid #999999; padding: 2px 0 2px 10px; }
.empty { color: #666666; }
footer { margin-top: 24px; color: #666666; font-size: 8.5pt; }
@media print {
  body { padding: 0; max-width: none; }
  section#stories { break-before: page; page-break-before: always; }
}
"#;

/// The page.
pub(super) fn render(doc: &Document, texts: &Texts) -> String {
    let mut s = String::with_capacity(64 * 1024);
    let title = escape(&doc.title);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{title}</h1>\n<ul class=\"meta\">\n",
        doc.lang
    );
    for m in &doc.meta {
        let _ = writeln!(s, "<li>{}</li>", escape(m));
    }
    s.push_str("</ul>\n</header>\n");

    section(&mut s, "outcome", texts.t("export.section.outcome"));
    if let Some((first, rest)) = doc.outcome.split_first() {
        let _ = writeln!(s, "<p class=\"headline\">{}</p>", escape(first));
        list(&mut s, "causes", rest);
    }
    s.push_str("</section>\n");

    section(&mut s, "timeline", texts.t("export.section.timeline"));
    timeline(&mut s, doc, texts);
    s.push_str("</section>\n");

    section(&mut s, "stories", texts.t("export.section.stories"));
    let _ = writeln!(s, "<p>{}</p>", escape(&doc.stories_summary));
    for story in &doc.stories {
        story_card(&mut s, story, texts);
    }
    s.push_str("</section>\n");

    section(&mut s, "connections", texts.t("export.section.connections"));
    connections(&mut s, doc, texts);
    s.push_str("</section>\n");

    if !doc.link_work.is_empty() {
        section(&mut s, "link-work", texts.t("linkwork.title"));
        list(&mut s, "link-work", &doc.link_work);
        s.push_str("</section>\n");
    }

    section(&mut s, "notes", texts.t("export.section.notes"));
    if doc.remarks.is_empty() {
        let _ = writeln!(
            s,
            "<p class=\"empty\">{}</p>",
            escape(texts.t("export.notes.none"))
        );
    } else {
        s.push_str("<ul class=\"remarks\">\n");
        for r in &doc.remarks {
            s.push_str("<li>");
            if let Some(t) = &r.elapsed {
                let _ = write!(s, "<span class=\"time\">{}</span>", escape(t));
            }
            let _ = writeln!(s, "{}</li>", escape(&r.sentence));
        }
        s.push_str("</ul>\n");
    }
    s.push_str("</section>\n");

    section(&mut s, "debrief", texts.t("export.section.debrief"));
    if doc.questions.is_empty() {
        let _ = writeln!(
            s,
            "<p class=\"empty\">{}</p>",
            escape(texts.t("export.debrief.none"))
        );
    }
    for q in &doc.questions {
        let _ = writeln!(
            s,
            "<div class=\"question\">\n<h3>{}</h3>\n<p class=\"question-text\">{}</p>",
            escape(&texts.fmt("export.debrief.question", &[("n", &q.number)])),
            escape(&q.text)
        );
        match &q.notes {
            Some(n) => {
                let _ = writeln!(s, "<div class=\"notes\">{}</div>", escape(n));
            }
            None => {
                let _ = writeln!(
                    s,
                    "<p class=\"empty\">{}</p>",
                    escape(texts.t("export.debrief.no_notes"))
                );
            }
        }
        s.push_str("</div>\n");
    }
    s.push_str("</section>\n");

    if !doc.proposals.is_empty() {
        section(&mut s, "proposals", texts.t("export.section.proposals"));
        for p in &doc.proposals {
            let _ = writeln!(
                s,
                "<article class=\"proposal\">\n<h3>{}<span class=\"kind\">{}</span></h3>",
                escape(&p.name),
                escape(&p.kind)
            );
            list(&mut s, "details", &p.details(texts));
            if !p.description.is_empty() {
                let _ = writeln!(s, "<p class=\"description\">{}</p>", escape(&p.description));
            }
            s.push_str("</article>\n");
        }
        s.push_str("</section>\n");
    }

    let _ = write!(
        s,
        "<footer>{}</footer>\n</body>\n</html>\n",
        escape(&doc.footer)
    );
    s
}

fn section(s: &mut String, id: &str, heading: &str) {
    let _ = writeln!(s, "<section id=\"{id}\">\n<h2>{}</h2>", escape(heading));
}

fn list(s: &mut String, class: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(s, "<ul class=\"{class}\">");
    for i in items {
        let _ = writeln!(s, "<li>{}</li>", escape(i));
    }
    s.push_str("</ul>\n");
}

fn timeline(s: &mut String, doc: &Document, texts: &Texts) {
    let t = &doc.timeline;
    match svg::timeline(t, texts) {
        Some(chart) => {
            let _ = writeln!(
                s,
                "<figure>\n{chart}\n<figcaption>{}</figcaption>\n</figure>",
                escape(&texts.fmt("export.timeline.caption", &[("threshold", &t.threshold)]))
            );
            s.push_str("<table class=\"loads\">\n<thead><tr>");
            let _ = write!(s, "<th>{}</th>", escape(texts.t("export.timeline.year")));
            for l in &t.lines {
                let _ = write!(s, "<th>{}</th>", escape(&l.name));
            }
            s.push_str("</tr></thead>\n<tbody>\n");
            for (i, year) in t.years.iter().enumerate() {
                let _ = write!(s, "<tr><td>{year}</td>");
                for l in &t.lines {
                    let load = l.loads.get(i).copied().unwrap_or(0);
                    if crate::rules::collapses(load, t.threshold) {
                        let _ = write!(s, "<td class=\"over\">{load}</td>");
                    } else {
                        let _ = write!(s, "<td>{load}</td>");
                    }
                }
                s.push_str("</tr>\n");
            }
            s.push_str("</tbody>\n</table>\n");
        }
        None => {
            let _ = writeln!(
                s,
                "<p class=\"empty\">{}</p>",
                escape(texts.t("export.chart.no_year_end"))
            );
        }
    }
    let _ = writeln!(s, "<h3>{}</h3>", escape(texts.t("export.timeline.events")));
    if doc.events.is_empty() {
        let _ = writeln!(
            s,
            "<p class=\"empty\">{}</p>",
            escape(texts.t("export.timeline.no_events"))
        );
    } else {
        list(s, "events", &doc.events);
    }
}

fn story_card(s: &mut String, story: &StoryDoc, texts: &Texts) {
    let (class, tag) = if story.connected {
        ("connected", texts.t("export.stories.connected"))
    } else {
        ("waiting", texts.t("export.stories.waiting"))
    };
    let _ = writeln!(
        s,
        "<article class=\"story {class}\">\n<h3>{}<span class=\"tag\">{}</span></h3>\n<ol>",
        escape(&story.title),
        escape(tag)
    );
    for sentence in &story.sentences {
        let _ = writeln!(s, "<li>{}</li>", escape(sentence));
    }
    s.push_str("</ol>\n</article>\n");
}

fn connections(s: &mut String, doc: &Document, texts: &Texts) {
    if doc.uses.is_empty() {
        let _ = writeln!(
            s,
            "<p class=\"empty\">{}</p>",
            escape(texts.t("export.usage.none_used"))
        );
    } else {
        let _ = write!(
            s,
            "<table class=\"uses\">\n<thead><tr><th>{}</th><th>{}</th>",
            escape(texts.t("export.connections.card")),
            escape(texts.t("export.connections.uses"))
        );
        for w in &doc.worry_labels {
            let _ = write!(s, "<th>{}</th>", escape(w));
        }
        s.push_str("</tr></thead>\n<tbody>\n");
        for u in &doc.uses {
            let _ = write!(s, "<tr><td>{}</td><td>{}</td>", escape(&u.card), u.uses);
            for n in u.by_worry {
                let _ = write!(s, "<td>{n}</td>");
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</tbody>\n</table>\n");
    }
    let _ = writeln!(s, "<p>{}</p>", escape(&doc.never_used));
    let _ = writeln!(s, "<p>{}</p>", escape(&doc.unmet));
}
