//! The readable content of an export, in one language, ready for the HTML
//! and Markdown writers: meta lines, the outcome and its causes, the
//! timeline's numbers and marks, resident stories, connection use, link
//! work, remarks
//! and the debrief questions with their notes. Plain text throughout; each
//! writer escapes it for its own format.

use crate::content::{Content, Worry};
use crate::i18n::{
    LogContext, Texts, ending_sentences, link_work_lines, never_used_sentence, remark_sentence,
    story_sentences, story_title, unmet_sentence, worry_label,
};
use crate::reflect::{Reflection, RemarkKind, StoryOrder, sort_stories};

use super::played::seat_label;
use super::proposals::ProposalDoc;

/// What a mark on the timeline stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum MarkKind {
    Event,
    Bookmark,
    Note,
}

/// One mark on the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Mark {
    pub year: i32,
    pub kind: MarkKind,
    pub label: String,
}

/// One district's line on the timeline.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub name: String,
    pub colour: [u8; 3],
    /// Unresolved residents at each of [`Timeline::years`]' year ends.
    pub loads: Vec<usize>,
}

/// Unresolved residents per district at each year end.
#[derive(Debug, Clone)]
pub(super) struct Timeline {
    /// The years whose ends were reached, in order.
    pub years: Vec<i32>,
    pub lines: Vec<Line>,
    pub threshold: usize,
    /// The first and last year the axis spans (marks may fall outside
    /// `years`, never outside the deck's calendar and the years reached).
    pub span: (i32, i32),
    pub marks: Vec<Mark>,
    /// Where the town collapsed: the year and the district's line.
    pub collapse: Option<(i32, usize)>,
}

/// One resident's story.
#[derive(Debug, Clone)]
pub(super) struct StoryDoc {
    pub title: String,
    pub connected: bool,
    pub sentences: Vec<String>,
}

/// One row of the connection-use table.
#[derive(Debug, Clone)]
pub(super) struct UseRow {
    pub card: String,
    pub uses: usize,
    pub by_worry: [usize; 4],
}

/// A remark with its clock time (`h:mm:ss`), when recorded.
#[derive(Debug, Clone)]
pub(super) struct RemarkDoc {
    pub elapsed: Option<String>,
    pub sentence: String,
}

/// A debrief question and the notes taken on it.
#[derive(Debug, Clone)]
pub(super) struct Question {
    pub number: usize,
    pub text: String,
    pub notes: Option<String>,
}

/// Everything the page and the Markdown show.
#[derive(Debug, Clone)]
pub(super) struct Document {
    pub lang: &'static str,
    pub title: String,
    pub meta: Vec<String>,
    pub outcome: Vec<String>,
    pub timeline: Timeline,
    pub events: Vec<String>,
    pub stories_summary: String,
    pub stories: Vec<StoryDoc>,
    pub worry_labels: [String; 4],
    pub uses: Vec<UseRow>,
    pub never_used: String,
    pub unmet: String,
    /// The link work, one sentence per topic (the section is left out for
    /// a deck without link work).
    pub link_work: Vec<String>,
    pub remarks: Vec<RemarkDoc>,
    pub questions: Vec<Question>,
    /// The workshop's card proposals (the section is left out when none).
    pub proposals: Vec<ProposalDoc>,
    pub footer: String,
}

/// The log context of a session: its seats, roles and district names.
pub(super) fn context<'a>(r: &'a Reflection, texts: &'a Texts) -> LogContext<'a> {
    LogContext::new(
        &r.content,
        texts,
        &r.header.setup,
        &r.header.district_relabels,
    )
}

/// `h:mm:ss`.
pub(super) fn clock(secs: u64) -> String {
    format!("{}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
}

impl Document {
    pub fn of(r: &Reflection, texts: &Texts) -> Document {
        let ctx = context(r, texts);
        let lang = texts.language();
        let content: &Content = &r.content;
        let title = texts.fmt("export.title", &[("scenario", &content.title().get(lang))]);
        let mut stories = r.stories.clone();
        sort_stories(&mut stories, content, StoryOrder::LongestWaiting);
        let connected = r.stories.iter().filter(|s| s.reached.is_some()).count();
        let stories_summary = if r.stories.is_empty() {
            texts.t("export.stories.none").to_owned()
        } else {
            texts.fmt(
                "export.stories.count",
                &[
                    ("count", &r.stories.len()),
                    ("connected", &connected),
                    ("waiting", &(r.stories.len() - connected)),
                ],
            )
        };
        let mut event_ctx = ctx.clone();
        let events = r
            .events
            .iter()
            .map(|e| {
                event_ctx.year = e.year;
                crate::i18n::describe(
                    &crate::rules::Event::EventDrawn { event: e.event },
                    &event_ctx,
                )
            })
            .collect();
        Document {
            lang,
            title,
            meta: meta(r, &ctx),
            outcome: ending_sentences(&r.ending, &ctx),
            timeline: timeline(r, &ctx),
            events,
            stories_summary,
            stories: stories
                .iter()
                .map(|s| StoryDoc {
                    title: story_title(s, &ctx),
                    connected: s.reached.is_some(),
                    sentences: story_sentences(s, &ctx),
                })
                .collect(),
            worry_labels: Worry::ALL.map(|w| worry_label(texts, w).to_owned()),
            uses: r
                .usage
                .used
                .iter()
                .map(|u| UseRow {
                    card: content.connection(u.card).name.get(lang).to_owned(),
                    uses: u.uses,
                    by_worry: u.by_worry,
                })
                .collect(),
            never_used: never_used_sentence(&r.usage, &ctx),
            unmet: unmet_sentence(&r.usage, &ctx),
            link_work: link_work_lines(&r.link_work, &ctx)
                .into_iter()
                .map(|l| l.sentence)
                .collect(),
            remarks: r
                .remarks
                .iter()
                .map(|m| RemarkDoc {
                    elapsed: m.elapsed_secs.map(clock),
                    sentence: remark_sentence(m, &ctx),
                })
                .collect(),
            questions: content
                .debrief_questions()
                .iter()
                .enumerate()
                .map(|(i, q)| Question {
                    number: i + 1,
                    text: q.get(lang).to_owned(),
                    notes: r.answers.get(&i).cloned(),
                })
                .collect(),
            proposals: r
                .proposals
                .iter()
                .map(|p| ProposalDoc::of(p, content, texts))
                .collect(),
            footer: texts.fmt("export.footer", &[("version", &env!("CARGO_PKG_VERSION"))]),
        }
    }
}

fn meta(r: &Reflection, ctx: &LogContext<'_>) -> Vec<String> {
    let t = ctx.texts;
    let lang = t.language();
    let c = &r.content;
    let h = &r.header;
    let created = h.created.replacen('T', " ", 1).replace('Z', " UTC");
    let mut out = vec![
        t.fmt(
            "export.meta.session",
            &[("id", &h.session_id), ("created", &created)],
        ),
        t.fmt(
            "export.meta.scenario",
            &[
                ("title", &c.title().get(lang)),
                ("deck", &h.deck.id),
                ("version", &h.deck.version),
            ],
        ),
    ];
    let difficulty = c
        .difficulty(&h.setup.difficulty)
        .map_or(h.setup.difficulty.as_str(), |d| d.name.get(lang));
    out.push(t.fmt(
        "export.meta.setup",
        &[("difficulty", &difficulty), ("seed", &h.setup.seed)],
    ));
    let seats: Vec<String> = (0..h.setup.seats.len())
        .map(|i| seat_label(ctx, i, r.seats.get(i)))
        .collect();
    out.push(t.fmt(
        "export.meta.seats",
        &[("seats", &seats.join(t.t("log.list_separator")))],
    ));
    if r.elapsed_secs > 0 {
        out.push(t.fmt(
            "export.meta.elapsed",
            &[("elapsed", &clock(r.elapsed_secs))],
        ));
    }
    if r.ended_early() {
        out.push(t.t("export.meta.ended_early").to_owned());
    }
    if let Some(o) = &h.origin {
        out.push(t.fmt(
            "export.meta.origin",
            &[
                ("session", &o.session_id),
                ("actions", &o.actions),
                ("year", &o.year),
            ],
        ));
    }
    out
}

fn timeline(r: &Reflection, ctx: &LogContext<'_>) -> Timeline {
    let c = &r.content;
    let years: Vec<i32> = r.trace.year_ends.iter().map(|y| y.year).collect();
    let lines = c
        .districts()
        .iter()
        .enumerate()
        .map(|(d, district)| Line {
            name: ctx.district(crate::content::DistrictId::from_index(d)),
            colour: district.colour,
            loads: r
                .trace
                .year_ends
                .iter()
                .map(|y| y.loads.get(d).copied().unwrap_or(0))
                .collect(),
        })
        .collect();
    let lang = ctx.texts.language();
    let mut marks: Vec<Mark> = r
        .events
        .iter()
        .map(|e| Mark {
            year: e.year,
            kind: MarkKind::Event,
            label: c.event(e.event).name.get(lang).to_owned(),
        })
        .collect();
    for m in &r.remarks {
        let kind = match &m.kind {
            RemarkKind::Note(_) => MarkKind::Note,
            RemarkKind::Bookmark { .. } => MarkKind::Bookmark,
            RemarkKind::Intervention { .. } => MarkKind::Note,
        };
        marks.push(Mark {
            year: m.year,
            kind,
            label: remark_sentence(m, ctx),
        });
    }
    // The axis spans the deck's calendar and the years the game reached;
    // a remark dated outside it (a year typed into or damaged in the file)
    // stays in the list of remarks, with its year, but is left off the
    // chart, so no year from a file sets the size of the chart.
    let reached = years
        .iter()
        .copied()
        .chain(r.events.iter().map(|e| e.year))
        .chain([r.trace.last.year()]);
    let calendar = (
        reached
            .clone()
            .chain([c.start_year()])
            .min()
            .unwrap_or(c.start_year()),
        reached.chain([c.end_year()]).max().unwrap_or(c.end_year()),
    );
    marks.retain(|m| (calendar.0..=calendar.1).contains(&m.year));
    let first = c.start_year();
    let last = years
        .iter()
        .copied()
        .chain(marks.iter().map(|m| m.year))
        .chain([r.trace.last.year(), first])
        .max()
        .unwrap_or(first);
    let first = marks
        .iter()
        .map(|m| m.year)
        .chain(years.iter().copied())
        .chain([first])
        .min()
        .unwrap_or(first);
    Timeline {
        years,
        lines,
        threshold: r.threshold(),
        span: (first, last),
        marks,
        collapse: match &r.ending {
            crate::reflect::Ending::Collapsed(c) => Some((c.year, c.district.index())),
            _ => None,
        },
    }
}
