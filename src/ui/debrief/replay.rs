//! The replay: step through the session by turn or by year, jump to
//! bookmarks, see the town map as it was at that moment in most of the
//! screen, or the whole board (the shell rebuilds it by replaying the
//! journal), and fork a practice game from there once the
//! person has confirmed it in a dialog.

use bevy_egui::egui::{Button, Id, Modal, RichText, Slider, Ui};

use super::{DebriefIntent, DebriefUi, DebriefView, para};
use crate::i18n::{describe_action, describe_all};
use crate::reflect::{Reflection, RemarkKind};
use crate::rules::Action;
use crate::ui::targets::{Target, record};

/// Moments worth jumping to, as action counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplayMoments {
    /// The start of every turn (0 and after every ended turn).
    pub turns: Vec<usize>,
    /// The start of every year, with the year.
    pub years: Vec<(i32, usize)>,
    /// Bookmarks and notes: where they were made, and their words.
    pub marks: Vec<(usize, String)>,
    /// Actions in the whole journal.
    pub total: usize,
}

/// The moments of a session.
pub fn moments(r: &Reflection) -> ReplayMoments {
    let steps = &r.trace.steps;
    let mut turns = vec![0];
    turns.extend(
        steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.action == Action::EndTurn)
            .map(|(i, _)| i + 1),
    );
    let mut years = vec![(r.content.start_year(), 0)];
    years.extend(
        r.trace
            .year_ends
            .iter()
            .filter(|y| y.step + 1 < steps.len())
            .map(|y| (y.year + 1, y.step + 1)),
    );
    let marks = r
        .remarks
        .iter()
        .filter_map(|m| match &m.kind {
            RemarkKind::Bookmark { label, .. } => Some((
                m.at,
                format!("★ {} {}", m.year, label.clone().unwrap_or_default()),
            )),
            RemarkKind::Note(text) => Some((m.at, format!("※ {} {text}", m.year))),
            RemarkKind::Intervention { .. } => None,
        })
        .collect();
    ReplayMoments {
        turns,
        years,
        marks,
        total: steps.len(),
    }
}

pub(super) fn replay_tab(
    ui: &mut Ui,
    r: &Reflection,
    view: &DebriefView<'_>,
    state: &mut DebriefUi,
) -> Option<DebriefIntent> {
    let t = view.texts;
    let m = moments(r);
    let at = state.replay_at.min(m.total);
    let mut to = at;
    let prev = |list: &[usize]| list.iter().rev().copied().find(|x| *x < at).unwrap_or(0);
    let next = |list: &[usize]| list.iter().copied().find(|x| *x > at).unwrap_or(m.total);
    let year_starts: Vec<usize> = m.years.iter().map(|(_, s)| *s).collect();
    let mut intent = None;
    ui.horizontal_wrapped(|ui| {
        let big = |key: &str| Button::new(t.t(key));
        if ui
            .add_enabled(at > 0, big("debrief.replay.start"))
            .clicked()
        {
            to = 0;
        }
        if ui
            .add_enabled(at > 0, big("debrief.replay.prev_year"))
            .clicked()
        {
            to = prev(&year_starts);
        }
        if ui
            .add_enabled(at > 0, big("debrief.replay.prev_turn"))
            .clicked()
        {
            to = prev(&m.turns);
        }
        if ui
            .add_enabled(at < m.total, big("debrief.replay.next_turn"))
            .clicked()
        {
            to = next(&m.turns);
        }
        if ui
            .add_enabled(at < m.total, big("debrief.replay.next_year"))
            .clicked()
        {
            to = next(&year_starts);
        }
        if ui
            .add_enabled(at < m.total, big("debrief.replay.end"))
            .clicked()
        {
            to = m.total;
        }
        ui.add(Slider::new(&mut to, 0..=m.total).text(t.t("debrief.replay.actions")));
    });
    if !m.marks.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(t.t("debrief.replay.bookmarks"));
            for (i, (mark_at, label)) in m.marks.iter().enumerate() {
                if ui
                    .selectable_label(*mark_at == at, label)
                    .on_hover_text(t.t("debrief.replay.jump"))
                    .clicked()
                {
                    to = *mark_at;
                }
                let _ = i;
            }
        });
    }
    let game = view.replay.filter(|g| g.actions_taken() as usize == at);
    ui.horizontal_wrapped(|ui| {
        let year = game.map_or(r.content.start_year(), |g| g.year());
        ui.label(
            RichText::new(t.fmt(
                "debrief.replay.position",
                &[("year", &year), ("at", &at), ("total", &m.total)],
            ))
            .strong(),
        );
        if ui
            .add_enabled(
                game.is_some_and(|g| !g.is_over()),
                Button::new(RichText::new(t.t("debrief.replay.fork")).strong()),
            )
            .on_hover_text(t.t("debrief.replay.fork_hint"))
            .clicked()
        {
            state.fork_confirm = Some(at);
        }
    });
    if let Some(fork_at) = state.fork_confirm {
        let year = game.map_or(r.content.start_year(), |g| g.year());
        match confirm_fork(ui, t, year, fork_at, m.total) {
            Some(true) => {
                state.fork_confirm = None;
                intent = Some(DebriefIntent::Fork { at: fork_at });
            }
            Some(false) => state.fork_confirm = None,
            None => {}
        }
    }
    if at > 0 {
        let words = view.words(r);
        let step = &r.trace.steps[at - 1];
        let mut lines = vec![describe_action(&step.action, &words)];
        let mut ctx = words.clone();
        ctx.year = step.year;
        lines.extend(describe_all(&step.events, &mut ctx));
        para(
            ui,
            &t.fmt("debrief.replay.last", &[("what", &lines.join(" "))]),
        );
    }
    ui.horizontal(|ui| {
        ui.selectable_value(
            &mut state.replay_board,
            false,
            t.t("debrief.replay.show_map"),
        );
        ui.selectable_value(
            &mut state.replay_board,
            true,
            t.t("debrief.replay.show_board"),
        );
    });
    ui.separator();
    match game {
        Some(g) if state.replay_board => {
            let board_view = view.board_view(r);
            let _ = crate::ui::board(ui, g, &board_view, &mut state.board);
        }
        Some(g) => big_map(ui, g, view, r),
        None => para(ui, t.t("debrief.replay.loading")),
    }
    if to != at {
        state.replay_at = to;
        state.fork_confirm = None;
        intent = intent.or(Some(DebriefIntent::ReplayTo(to)));
    } else if game.is_none() {
        intent = intent.or(Some(DebriefIntent::ReplayTo(at)));
    }
    intent
}

/// The fork's confirmation: what will happen, then Start practice or
/// Cancel. `Some(true)` to start, `Some(false)` to cancel (also Escape or a
/// click outside), `None` while it stays open.
fn confirm_fork(
    ui: &Ui,
    t: &crate::i18n::Texts,
    year: i32,
    at: usize,
    total: usize,
) -> Option<bool> {
    let modal = Modal::new(Id::new("cc.debrief.fork_confirm")).show(ui.ctx(), |ui| {
        ui.set_max_width(ui.ctx().content_rect().width() * 0.6);
        ui.heading(t.t("debrief.fork_confirm.title"));
        ui.label(t.fmt(
            "debrief.fork_confirm.body",
            &[("year", &year), ("at", &at), ("total", &total)],
        ));
        ui.add_space(12.0);
        let mut choice = None;
        ui.horizontal(|ui| {
            let big = |key: &str| {
                Button::new(RichText::new(t.t(key)).strong())
                    .min_size(bevy_egui::egui::vec2(200.0, 48.0))
            };
            if ui.add(big("debrief.fork_confirm.start")).clicked() {
                choice = Some(true);
            }
            if ui.add(big("debrief.fork_confirm.cancel")).clicked() {
                choice = Some(false);
            }
        });
        choice
    });
    if modal.inner.is_none() && modal.should_close() {
        return Some(false);
    }
    modal.inner
}

/// The town map as large as the space left allows (the whole rest of the
/// panel), centred: the district loads are what the room reads in a
/// replay. Recorded as [`Target::Map`].
fn big_map(ui: &mut Ui, game: &crate::rules::Game, view: &DebriefView<'_>, r: &Reflection) {
    let board_view = view.board_view(r);
    let words = view.words(r);
    let height = ui.available_height().max(MAP_MIN_HEIGHT);
    let rect = ui
        .vertical_centered(|ui| {
            ui.scope(|ui| {
                crate::ui::map::town_map(ui, game, &board_view, &words, None, height, true)
            })
            .response
            .rect
        })
        .inner;
    record(ui.ctx(), Target::Map, rect);
}

/// The smallest map drawn, even in a very short window.
const MAP_MIN_HEIGHT: f32 = 160.0;
