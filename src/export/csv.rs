//! The CSV export: one row per engine event (and one per note, bookmark,
//! override or switch of a seat between a person and a bot, at the moment
//! it was made; then one per card proposed in the debrief workshop; then,
//! for a deck with link work, one per topic of the link work, its stable key
//! `link_work_…` in the event column), with the session clock where it is
//! known, year, turn, seat, role, action, resident, district, worry,
//! connections and the log's sentence. UTF-8 with a byte-order mark so Excel
//! reads Japanese; RFC 4180 quoting and CRLF line ends. A cell that would
//! start a formula gets a leading `'` (the rule the report's CSV shares).

use std::collections::BTreeMap;

use super::csv_cell::push_field;
use super::document::{clock, context};
use super::facts::facts;
use super::played::switch_sentence;
use super::proposals::ProposalDoc;
use crate::content::DistrictId;
use crate::i18n::{
    LogContext, Texts, describe, describe_action, link_work_lines, remark_sentence, worry_label,
};
use crate::reflect::{Reflection, Remark, RemarkKind, SeatSwitch};
use crate::rules::Event;

const COLUMNS: [&str; 12] = [
    "export.csv.elapsed",
    "export.csv.year",
    "export.csv.turn",
    "export.csv.seat",
    "export.csv.role",
    "export.csv.action",
    "export.csv.event",
    "export.csv.resident",
    "export.csv.district",
    "export.csv.worry",
    "export.csv.connections",
    "export.csv.result",
];

fn row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, f);
    }
    out.push_str("\r\n");
}

/// Who acted: the seat's display name and role.
fn seat_cells(ctx: &LogContext<'_>, seat: Option<usize>) -> (String, String) {
    match seat.and_then(|s| ctx.seats.get(s)) {
        Some(s) => (s.name.clone(), s.role.clone()),
        None => (String::new(), String::new()),
    }
}

struct Writer<'a> {
    out: String,
    ctx: LogContext<'a>,
    home: Vec<Option<DistrictId>>,
    turn: usize,
}

impl Writer<'_> {
    fn event(&mut self, e: &Event, seat: Option<usize>, action: &str) {
        if let Event::TurnStarted { year, .. } = e {
            self.ctx.year = *year;
            self.turn += 1;
        }
        let ctx = &self.ctx;
        let f = facts(e, ctx.content, &self.home);
        let sep = ctx.texts.t("log.list_separator");
        let lang = ctx.texts.language();
        let residents: Vec<&str> = f.residents.iter().map(|r| ctx.resident(*r)).collect();
        let worry = match f.residents.as_slice() {
            [r] => worry_label(ctx.texts, ctx.content.resident(*r).worry),
            _ => "",
        };
        let cards: Vec<&str> = f
            .cards
            .iter()
            .map(|c| ctx.content.connection(*c).name.get(lang))
            .collect();
        let (name, role) = seat_cells(ctx, seat);
        let fields = [
            "",
            &ctx.year.to_string(),
            &turn_cell(self.turn),
            &name,
            &role,
            action,
            f.kind,
            &residents.join(sep),
            &f.district.map(|d| ctx.district(d)).unwrap_or_default(),
            worry,
            &cards.join(sep),
            &describe(e, ctx),
        ];
        row(&mut self.out, &fields);
    }

    fn remark(&mut self, m: &Remark) {
        let ctx = &self.ctx;
        let t = ctx.texts;
        let (action, kind, resident) = match &m.kind {
            RemarkKind::Note(_) => (t.t("export.csv.note"), "note", None),
            RemarkKind::Bookmark { resident, .. } => {
                (t.t("export.csv.bookmark"), "bookmark", *resident)
            }
            RemarkKind::Intervention { .. } => {
                (t.t("export.csv.intervention"), "intervention", None)
            }
        };
        let (name, role) = seat_cells(ctx, Some(m.seat));
        let (who, district, worry) = match resident {
            Some(r) => (
                ctx.resident(r).to_owned(),
                ctx.district(
                    self.home
                        .get(r.index())
                        .copied()
                        .flatten()
                        .unwrap_or(ctx.content.resident(r).district),
                ),
                worry_label(t, ctx.content.resident(r).worry),
            ),
            None => (String::new(), String::new(), ""),
        };
        let fields = [
            &m.elapsed_secs.map(clock).unwrap_or_default(),
            &m.year.to_string(),
            &turn_cell(self.turn),
            &name,
            &role,
            action,
            kind,
            &who,
            &district,
            worry,
            "",
            &remark_sentence(m, ctx),
        ];
        row(&mut self.out, &fields);
    }
}

impl Writer<'_> {
    fn aside(&mut self, a: &Aside<'_>) {
        match a {
            Aside::Remark(m) => self.remark(m),
            Aside::Switch(seat, s) => self.switch(*seat, s),
        }
    }

    /// A row for a seat switched between a person and a bot.
    fn switch(&mut self, seat: usize, s: &SeatSwitch) {
        let ctx = &self.ctx;
        let (name, role) = seat_cells(ctx, Some(seat));
        let fields = [
            "",
            &s.year.to_string(),
            &turn_cell(self.turn),
            &name,
            &role,
            ctx.texts.t("export.csv.seat_kind"),
            match s.kind {
                crate::rules::SeatKind::Human => "seat_to_person",
                crate::rules::SeatKind::Bot(_) => "seat_to_bot",
            },
            "",
            "",
            "",
            "",
            &switch_sentence(ctx, seat, s),
        ];
        row(&mut self.out, &fields);
    }

    /// A row for a card proposed in the debrief workshop: its name in the
    /// connections column, the worries it helps with in the worry column.
    fn proposal(&mut self, p: &ProposalDoc) {
        let t = self.ctx.texts;
        let sep = t.t("log.list_separator");
        let mut sentence = p.sentence(t);
        for d in p.details(t) {
            sentence.push_str(sep);
            sentence.push_str(&d);
        }
        let fields = [
            "",
            "",
            "",
            "",
            "",
            t.t("export.csv.proposal"),
            "proposal",
            "",
            "",
            &p.helps.join(sep),
            &p.name,
            &sentence,
        ];
        row(&mut self.out, &fields);
    }
}

/// What is written between the engine's rows, by the actions in force.
enum Aside<'a> {
    Remark(&'a Remark),
    Switch(usize, &'a SeatSwitch),
}

fn turn_cell(turn: usize) -> String {
    if turn == 0 {
        String::new()
    } else {
        turn.to_string()
    }
}

/// The CSV, starting with a byte-order mark.
pub(super) fn render(r: &Reflection, texts: &Texts) -> String {
    let mut ctx = context(r, texts);
    ctx.year = r.content.start_year();
    let mut w = Writer {
        out: String::with_capacity(256 * (r.trace.steps.len() + 16)),
        ctx,
        home: r.trace.arrival_districts(),
        turn: 0,
    };
    w.out.push('\u{FEFF}');
    let header: Vec<&str> = COLUMNS.iter().map(|k| texts.t(k)).collect();
    row(&mut w.out, &header);
    // remarks and seat switches by the number of actions in force when
    // they were made
    let mut remarks: BTreeMap<usize, Vec<Aside<'_>>> = BTreeMap::new();
    for m in &r.remarks {
        remarks
            .entry(m.at.min(r.trace.steps.len()))
            .or_default()
            .push(Aside::Remark(m));
    }
    for (seat, play) in r.seats.iter().enumerate() {
        for s in &play.switches {
            remarks
                .entry(s.at.min(r.trace.steps.len()))
                .or_default()
                .push(Aside::Switch(seat, s));
        }
    }
    let opening = texts.t("export.csv.opening");
    for e in &r.trace.opening {
        w.event(e, None, opening);
    }
    for (i, step) in r.trace.steps.iter().enumerate() {
        for m in remarks.get(&i).into_iter().flatten() {
            w.aside(m);
        }
        w.ctx.year = step.year;
        let action = describe_action(&step.action, &w.ctx);
        for e in &step.events {
            w.event(e, Some(step.seat), &action);
        }
    }
    for m in remarks.get(&r.trace.steps.len()).into_iter().flatten() {
        w.aside(m);
    }
    for p in &r.proposals {
        let doc = ProposalDoc::of(p, &r.content, texts);
        w.proposal(&doc);
    }
    let action = texts.t("export.csv.link_work");
    for l in link_work_lines(&r.link_work, &w.ctx) {
        let kind = format!("link_work_{}", l.key);
        row(
            &mut w.out,
            &[
                "",
                "",
                "",
                "",
                "",
                action,
                &kind,
                "",
                "",
                "",
                "",
                &l.sentence,
            ],
        );
    }
    w.out
}
