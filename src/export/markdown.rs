//! The Markdown export: the page's content as plain Markdown, for pasting
//! into a training record. Text from players, facilitators and the deck is
//! escaped so it cannot turn into markup; line breaks in notes are kept.

use std::fmt::Write as _;

use super::document::Document;
use crate::i18n::Texts;

/// Escapes Markdown's special characters; line breaks become hard breaks
/// indented by `indent` spaces, so they stay inside a list item.
fn escape(text: &str, indent: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let text = text.trim_end();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("  \n");
            out.extend(std::iter::repeat_n(' ', indent));
        }
        for c in line.trim_end_matches('\r').chars() {
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                c if c.is_control() && c != '\t' => out.push(' '),
                c => out.push(c),
            }
        }
    }
    out
}

/// The document as Markdown.
pub(super) fn render(doc: &Document, texts: &Texts) -> String {
    let mut s = String::with_capacity(32 * 1024);
    let _ = writeln!(s, "# {}\n", escape(&doc.title, 0));
    for m in &doc.meta {
        let _ = writeln!(s, "- {}", escape(m, 2));
    }

    heading(&mut s, texts.t("export.section.outcome"));
    if let Some((first, rest)) = doc.outcome.split_first() {
        let _ = writeln!(s, "**{}**\n", escape(first, 0));
        bullets(&mut s, rest);
    }

    heading(&mut s, texts.t("export.section.timeline"));
    let t = &doc.timeline;
    if t.years.is_empty() {
        let _ = writeln!(s, "{}\n", escape(texts.t("export.chart.no_year_end"), 0));
    } else {
        let caption = texts.fmt("export.timeline.caption", &[("threshold", &t.threshold)]);
        let _ = writeln!(s, "{}\n", escape(&caption, 0));
        let _ = write!(s, "| {} |", escape(texts.t("export.timeline.year"), 0));
        for l in &t.lines {
            let _ = write!(s, " {} |", escape(&l.name, 0));
        }
        s.push_str("\n|---|");
        s.push_str(&"---:|".repeat(t.lines.len()));
        s.push('\n');
        for (i, year) in t.years.iter().enumerate() {
            let _ = write!(s, "| {year} |");
            for l in &t.lines {
                let load = l.loads.get(i).copied().unwrap_or(0);
                if crate::rules::collapses(load, t.threshold) {
                    let _ = write!(s, " **{load}** |");
                } else {
                    let _ = write!(s, " {load} |");
                }
            }
            s.push('\n');
        }
        s.push('\n');
    }
    let _ = writeln!(s, "### {}\n", escape(texts.t("export.timeline.events"), 0));
    if doc.events.is_empty() {
        let _ = writeln!(s, "{}\n", escape(texts.t("export.timeline.no_events"), 0));
    } else {
        bullets(&mut s, &doc.events);
    }

    heading(&mut s, texts.t("export.section.stories"));
    let _ = writeln!(s, "{}\n", escape(&doc.stories_summary, 0));
    for story in &doc.stories {
        let tag = if story.connected {
            texts.t("export.stories.connected")
        } else {
            texts.t("export.stories.waiting")
        };
        let _ = writeln!(s, "### {} — {}\n", escape(&story.title, 0), escape(tag, 0));
        for (i, sentence) in story.sentences.iter().enumerate() {
            let _ = writeln!(s, "{}. {}", i + 1, escape(sentence, 3));
        }
        s.push('\n');
    }

    heading(&mut s, texts.t("export.section.connections"));
    if doc.uses.is_empty() {
        let _ = writeln!(s, "{}\n", escape(texts.t("export.usage.none_used"), 0));
    } else {
        let _ = write!(
            s,
            "| {} | {} |",
            escape(texts.t("export.connections.card"), 0),
            escape(texts.t("export.connections.uses"), 0)
        );
        for w in &doc.worry_labels {
            let _ = write!(s, " {} |", escape(w, 0));
        }
        s.push_str("\n|---|---:|---:|---:|---:|---:|\n");
        for u in &doc.uses {
            let _ = write!(s, "| {} | {} |", escape(&u.card, 0), u.uses);
            for n in u.by_worry {
                let _ = write!(s, " {n} |");
            }
            s.push('\n');
        }
        s.push('\n');
    }
    bullets(&mut s, &[doc.never_used.clone(), doc.unmet.clone()]);

    if !doc.link_work.is_empty() {
        heading(&mut s, texts.t("linkwork.title"));
        bullets(&mut s, &doc.link_work);
    }

    heading(&mut s, texts.t("export.section.notes"));
    if doc.remarks.is_empty() {
        let _ = writeln!(s, "{}\n", escape(texts.t("export.notes.none"), 0));
    } else {
        for r in &doc.remarks {
            match &r.elapsed {
                Some(t) => {
                    let _ = writeln!(s, "- `{t}` {}", escape(&r.sentence, 2));
                }
                None => {
                    let _ = writeln!(s, "- {}", escape(&r.sentence, 2));
                }
            }
        }
        s.push('\n');
    }

    heading(&mut s, texts.t("export.section.debrief"));
    if doc.questions.is_empty() {
        let _ = writeln!(s, "{}\n", escape(texts.t("export.debrief.none"), 0));
    }
    for q in &doc.questions {
        let _ = writeln!(
            s,
            "### {}\n\n**{}**\n",
            escape(
                &texts.fmt("export.debrief.question", &[("n", &q.number)]),
                0
            ),
            escape(&q.text, 0)
        );
        match &q.notes {
            Some(n) => {
                let _ = writeln!(s, "> {}\n", escape(n, 0).replace("  \n", "  \n> "));
            }
            None => {
                let _ = writeln!(s, "{}\n", escape(texts.t("export.debrief.no_notes"), 0));
            }
        }
    }
    if !doc.proposals.is_empty() {
        heading(&mut s, texts.t("export.section.proposals"));
        for p in &doc.proposals {
            let _ = writeln!(s, "### {} — {}\n", escape(&p.name, 0), escape(&p.kind, 0));
            bullets(&mut s, &p.details(texts));
            if !p.description.is_empty() {
                let _ = writeln!(s, "{}\n", escape(&p.description, 0));
            }
        }
    }
    let _ = writeln!(s, "---\n\n{}", escape(&doc.footer, 0));
    s
}

fn heading(s: &mut String, text: &str) {
    if !s.ends_with("\n\n") {
        s.push('\n');
    }
    let _ = writeln!(s, "## {}\n", escape(text, 0));
}

fn bullets(s: &mut String, items: &[String]) {
    for i in items {
        let _ = writeln!(s, "- {}", escape(i, 2));
    }
    if !items.is_empty() {
        s.push('\n');
    }
}
