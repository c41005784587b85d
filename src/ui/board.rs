//! The board, laid out to fit the window without scrolling: the banner,
//! the town (`districts.rs`), the side column (`side.rs`) and the latest log
//! lines.

use bevy_egui::egui::{
    Align, Id, Layout, Modal, Rect, RichText, TextStyle, Ui, UiBuilder, pos2, vec2,
};

use super::targets::{Target, record};
use super::{
    BoardUi, BoardView, Intent, conference_dialog, districts, keys, pass_dialog, prescribe_dialog,
    side,
};
use crate::i18n::LogContext;
use crate::rules::Game;

/// Draws the whole board into `ui` and returns what the person asked for.
///
/// The board fills the space it is given without scrolling: the banner on
/// top, the latest log lines at the bottom, the districts with their
/// residents on the left (cards condense when a district is crowded, the
/// selected one stays open), and on the right the turn's buttons, the hand,
/// the offer row, the coping track and, where room is left, the town map.
/// Clicking a resident selects it; Listen and Prescribe are enabled only
/// when the rules allow them (the reason shows under the buttons when a
/// key or click is refused). Prescribe opens [`prescribe_dialog`] over the
/// board; in a deck with link work, Case conference and Pass a card open
/// [`conference_dialog`] and [`pass_dialog`], and the resource ideas sit
/// under the offer row. The keyboard shortcuts of the module docs give the same intents.
pub fn board(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    state: &mut BoardUi,
) -> Option<Intent> {
    state.tidy(game);
    state.motion.observe(ui.ctx(), view);
    state.motion.tick(ui.ctx());
    let words = view.words(game);
    let mut intent = None;
    if !state.dialog_open() && view.interactive {
        intent = keys::board_keys(ui, game, view, &words, state);
    }
    ui.scope(|ui| {
        ui.style_mut().interaction.selectable_labels = false;
        let full = ui.available_rect_before_wrap();
        let gap = ui.spacing().item_spacing;
        let banner_rect = region(ui, full, "cc.board.banner", |ui| {
            banner(ui, game, view, &words);
        });
        record(ui.ctx(), Target::Banner, banner_rect);
        let log_height = log_band_height(ui, view.log);
        let log_rect = Rect::from_min_max(pos2(full.left(), full.bottom() - log_height), full.max);
        log_band(ui, log_rect, view.log);
        let middle = Rect::from_min_max(
            pos2(full.left(), banner_rect.bottom() + gap.y),
            pos2(full.right(), log_rect.top() - gap.y),
        );
        ui.painter().hline(
            middle.x_range(),
            banner_rect.bottom() + gap.y / 2.0,
            ui.visuals().widgets.noninteractive.bg_stroke,
        );
        // A short canvas (a large UI scale) condenses the side column's cards.
        let compact = middle.height() < COMPACT_BELOW;
        let share = if compact { 0.4 } else { 0.36 };
        let side_width = (middle.width() * share).clamp(middle.width().min(360.0), 680.0);
        let side = Rect::from_min_max(pos2(middle.right() - side_width, middle.top()), middle.max);
        let town = Rect::from_min_max(middle.min, pos2(side.left() - gap.x, middle.bottom()));
        region(ui, town, "cc.board.town", |ui| {
            districts::town(ui, game, view, &words, state, town);
        });
        region(ui, side, "cc.board.side", |ui| {
            let asked = side::side_column(ui, game, view, &words, state, compact);
            intent = intent.take().or(asked);
        });
    });
    state.motion.paint(ui, game, view);
    if state.prescribing.is_some() {
        let modal = Modal::new(Id::new("cc.prescribe")).show(ui.ctx(), |ui| {
            ui.set_max_width(ui.ctx().content_rect().width() * 0.8);
            prescribe_dialog(ui, game, view, state)
        });
        intent = intent.or(modal.inner);
    }
    if state.conferring.is_some() {
        let modal = Modal::new(Id::new("cc.conference")).show(ui.ctx(), |ui| {
            ui.set_max_width(ui.ctx().content_rect().width() * 0.8);
            conference_dialog(ui, game, view, state)
        });
        record(ui.ctx(), Target::ConferenceDialog, modal.response.rect);
        intent = intent.or(modal.inner);
    }
    if state.passing.is_some() {
        let modal = Modal::new(Id::new("cc.pass")).show(ui.ctx(), |ui| {
            ui.set_max_width(ui.ctx().content_rect().width() * 0.8);
            pass_dialog(ui, game, view, state)
        });
        record(ui.ctx(), Target::PassDialog, modal.response.rect);
        intent = intent.or(modal.inner);
    }
    if intent.is_some() {
        state.refusal = None;
    }
    intent
}

/// Draws `add` in a child laid out top-down inside `rect` (clipped to it);
/// returns the rectangle actually used.
pub(super) fn region(
    ui: &mut Ui,
    rect: Rect,
    salt: impl std::hash::Hash + std::fmt::Debug,
    add: impl FnOnce(&mut Ui),
) -> Rect {
    let mut child = ui.new_child(
        UiBuilder::new()
            .id_salt(salt)
            .max_rect(rect)
            .layout(Layout::top_down(Align::Min)),
    );
    child.set_clip_rect(rect.intersect(ui.clip_rect()));
    add(&mut child);
    child.min_rect()
}

/// The height of the log band: the newest lines that fit two rows of small text.
fn log_band_height(ui: &Ui, lines: &[String]) -> f32 {
    if lines.is_empty() {
        return 0.0;
    }
    let font = TextStyle::Small.resolve(ui.style());
    ui.fonts_mut(|f| f.row_height(&font)) * LOG_ROWS as f32 + 2.0 * LOG_PAD
}

/// Below this height (points) of the middle of the board, cards condense.
const COMPACT_BELOW: f32 = 760.0;

/// Rows of small text in the log band.
const LOG_ROWS: usize = 2;
const LOG_PAD: f32 = 4.0;

/// The newest log lines that fit in `rect`, oldest on top, each wrapped.
fn log_band(ui: &mut Ui, rect: Rect, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    record(ui.ctx(), Target::Log, rect);
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, visuals.faint_bg_color);
    let font = TextStyle::Small.resolve(ui.style());
    let inner = rect.shrink2(vec2(8.0, LOG_PAD));
    let mut galleys = Vec::new();
    let mut height = 0.0;
    for line in lines.iter().rev() {
        let galley = painter.layout(
            line.clone(),
            font.clone(),
            visuals.text_color(),
            inner.width(),
        );
        if height + galley.size().y > inner.height() + 0.5 {
            break;
        }
        height += galley.size().y;
        galleys.push(galley);
    }
    let mut y = inner.bottom() - height;
    for galley in galleys.into_iter().rev() {
        let h = galley.size().y;
        painter.galley(pos2(inner.left(), y), galley, visuals.text_color());
        y += h;
    }
}

/// Year, years left, whose turn with role, actions and free listens left.
fn banner(ui: &mut Ui, game: &Game, view: &BoardView<'_>, words: &LogContext<'_>) {
    let t = view.texts;
    let seat = game.current_seat();
    ui.horizontal_wrapped(|ui| {
        if view.practice {
            ui.label(RichText::new(format!("［{}］", t.t("board.practice"))).strong());
        }
        ui.heading(t.fmt("board.year", &[("year", &game.year())]));
        let left = game.content().end_year() - game.year() + 1;
        ui.label(t.fmt_count(
            "board.years_left",
            left.max(0) as u64,
            &[("count", &left.max(0))],
        ));
        ui.separator();
        let label = words.seats.get(seat);
        let (name, role) = label.map_or(("", ""), |s| (s.name.as_str(), s.role.as_str()));
        ui.heading(t.fmt("board.turn_of", &[("name", &name), ("role", &role)]));
        ui.separator();
        ui.label(
            RichText::new(t.fmt("board.actions_left", &[("count", &game.actions_left())])).strong(),
        );
        if game.free_listens_left() > 0 {
            ui.label(t.fmt(
                "board.free_listens",
                &[("count", &game.free_listens_left())],
            ));
        }
        ui.separator();
        ui.label(t.fmt(
            "board.connected_count",
            &[("count", &game.connected_residents().len())],
        ));
        ui.separator();
        ui.label(RichText::new(t.t("board.menu_hint")).small());
    });
}
