//! The board's side column: the turn's buttons, why the last thing asked
//! for did not happen, the hand (or the release prompt), the offer row, the
//! resource ideas (decks with link work), the coping-skill track and, in
//! whatever room is left, the town map.

use bevy_egui::egui::{Button, Frame, Label, RichText, Stroke, TextStyle, Ui, UiBuilder, vec2};

use super::cards::connection_chip;
use super::link_work::{ideas_panel, link_buttons, ties_text};
use super::map::town_map;
use super::targets::{Target, record};
use super::{BoardUi, BoardView, Intent, allowed, prescribe_openable, reason_key, undo_allowed};
use crate::content::ConnectionId;
use crate::i18n::{LogContext, describe_action};
use crate::rules::{Action, Game};

/// The smallest map worth drawing, in points of height.
const MIN_MAP_HEIGHT: f32 = 110.0;

/// The cards the current seat may Connect to: the offer row, then any peeked deck cards.
pub(super) fn connect_cards(game: &Game) -> Vec<ConnectionId> {
    game.offer()
        .iter()
        .copied()
        .chain(game.peeked_cards(game.current_seat()))
        .collect()
}

/// Controls, messages, hand, offer row, coping track and map.
pub(super) fn side_column(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    state: &mut BoardUi,
    compact: bool,
) -> Option<Intent> {
    let t = view.texts;
    let seat = game.current_seat();
    let mut intent = None;
    let bottom = ui.max_rect().bottom();

    buttons(ui, game, view, words, state, &mut intent, compact);
    messages(ui, game, view, words, state, compact);

    if game.must_release() {
        // the release box is the hand while it is over its limit (a guide
        // step that asks to release points here)
        let response = Frame::group(ui.style())
            .stroke(Stroke::new(3.0, ui.visuals().strong_text_color()))
            .show(ui, |ui| {
                ui.add(
                    Label::new(
                        RichText::new(format!(
                            "！ {}",
                            t.fmt("board.release_prompt", &[("limit", &game.hand_limit(seat))])
                        ))
                        .strong(),
                    )
                    .wrap(),
                );
                let hand = game.hand(seat).to_vec();
                chip_grid(ui, &hand, |ui, i, card| {
                    let chip = ActChip {
                        action: Action::Release { card },
                        card,
                        key: i,
                        label: t.fmt("board.release_n", &[("n", &(i + 1))]),
                        target: Target::HandCard(i),
                    };
                    if let Some(asked) = chip.draw(ui, game, view, words, state, compact) {
                        intent = Some(asked);
                    }
                });
            });
        record(ui.ctx(), Target::Hand, response.response.rect);
    } else {
        let top = ui.cursor().top();
        let hand = game.hand(seat).to_vec();
        ui.label(
            RichText::new(t.fmt(
                "board.hand_count",
                &[("count", &hand.len()), ("limit", &game.hand_limit(seat))],
            ))
            .strong(),
        );
        if hand.is_empty() {
            ui.add(Label::new(RichText::new(t.t("board.no_cards")).small()).wrap());
        }
        chip_grid(ui, &hand, |ui, i, card| {
            let name = game.content().connection(card).name.get(t.language());
            let response = connection_chip(ui, game.content(), t, card, None, false, name, compact);
            record(ui.ctx(), Target::HandCard(i), response.rect);
        });
        let rect = ui.min_rect().with_min_y(top);
        record(ui.ctx(), Target::Hand, rect.with_max_y(ui.cursor().top()));
    }

    let top = ui.cursor().top();
    ui.label(RichText::new(t.t("board.offer_row")).strong());
    let offer = connect_cards(game);
    let shown = game.offer().len();
    let mut connect = |ui: &mut Ui, i: usize, card: ConnectionId| {
        let chip = ActChip {
            action: Action::Connect { card },
            card,
            key: i,
            label: t.fmt("board.connect_n", &[("n", &(i + 1))]),
            target: Target::OfferCard(i),
        };
        if let Some(asked) = chip.draw(ui, game, view, words, state, compact) {
            intent = Some(asked);
        }
    };
    chip_grid(ui, &offer[..shown], &mut connect);
    if offer.len() > shown {
        ui.label(RichText::new(t.t("board.peeked")).strong());
        chip_grid(ui, &offer[shown..], |ui, i, card| {
            connect(ui, shown + i, card)
        });
    }
    let rect = ui.min_rect().with_min_y(top);
    record(ui.ctx(), Target::Offer, rect.with_max_y(ui.cursor().top()));

    if let Some(asked) = ui
        .scope(|ui| ideas_panel(ui, game, view, words, compact))
        .inner
    {
        intent = Some(asked);
    }
    coping_line(ui, game, view, compact);

    let room = bottom - ui.cursor().top() - ui.spacing().item_spacing.y;
    if room >= MIN_MAP_HEIGHT {
        let highlight = state.selected.map(|r| game.content().resident(r).district);
        let top = ui.cursor().top();
        ui.vertical_centered(|ui| town_map(ui, game, view, words, highlight, room, false));
        let rect = ui.min_rect().with_min_y(top);
        record(ui.ctx(), Target::Map, rect.with_max_y(ui.cursor().top()));
    }
    intent
}

/// A card that does something when clicked (Connect from the offer row,
/// Release from the hand): numbered, enabled when the rules allow, and a
/// click it cannot take says why under the buttons.
struct ActChip {
    action: Action,
    card: ConnectionId,
    key: usize,
    /// The name screen readers and tests find it by (「つながる [1]」).
    label: String,
    target: Target,
}

impl ActChip {
    fn draw(
        self,
        ui: &mut Ui,
        game: &Game,
        view: &BoardView<'_>,
        words: &LogContext<'_>,
        state: &mut BoardUi,
        compact: bool,
    ) -> Option<Intent> {
        let verdict = allowed(game, view, words, &self.action);
        let response = connection_chip(
            ui,
            game.content(),
            view.texts,
            self.card,
            Some(self.key),
            verdict.is_ok(),
            &self.label,
            compact,
        );
        record(ui.ctx(), self.target, response.rect);
        if !response.clicked() {
            return None;
        }
        match verdict {
            Ok(()) => Some(Intent::Act(self.action)),
            Err(why) => {
                state.refusal = Some(why);
                None
            }
        }
    }
}

/// Listen, Prescribe, End turn and Undo, then (decks with link work) Visit,
/// Case conference and Pass a card: enabled only when the rules allow;
/// the reason shows on hover, and on click it shows under the buttons.
fn buttons(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    state: &mut BoardUi,
    intent: &mut Option<Intent>,
    compact: bool,
) {
    let t = view.texts;
    let pick_first = || t.t("board.select_first").to_owned();
    ui.horizontal_wrapped(|ui| {
        let listen = state.selected.map(|r| Action::Listen { resident: r });
        let verdict = match &listen {
            Some(a) => allowed(game, view, words, a),
            None => Err(pick_first()),
        };
        let response = action_button(ui, t.t("board.listen"), &verdict);
        record(ui.ctx(), Target::Listen, response.rect);
        if response.clicked()
            && let Some(a) = listen
        {
            *intent = Some(Intent::Act(a));
        }
        let verdict = match state.selected {
            Some(r) => prescribe_openable(game, view, words, r),
            None => Err(pick_first()),
        };
        let response = action_button(ui, t.t("board.prescribe"), &verdict);
        record(ui.ctx(), Target::Prescribe, response.rect);
        if response.clicked()
            && let Some(r) = state.selected
        {
            state.open_prescribe(r);
        }
        let verdict = allowed(game, view, words, &Action::EndTurn);
        let response = action_button(ui, t.t("board.end_turn"), &verdict);
        record(ui.ctx(), Target::EndTurn, response.rect);
        if response.clicked() {
            *intent = Some(Intent::Act(Action::EndTurn));
        }
        let verdict = undo_allowed(game, view, state, words);
        let response = action_button(ui, t.t("board.undo"), &verdict);
        record(ui.ctx(), Target::Undo, response.rect);
        if response.clicked() {
            *intent = Some(Intent::Undo);
        }
    });
    link_buttons(ui, game, view, words, state, intent, compact);
}

/// A button enabled only when `verdict` is Ok; its hover says why otherwise.
pub(super) fn action_button(
    ui: &mut Ui,
    text: &str,
    verdict: &Result<(), String>,
) -> bevy_egui::egui::Response {
    let response = ui.add_enabled(verdict.is_ok(), Button::new(text));
    match verdict {
        Err(reason) => response.on_disabled_hover_text(reason.as_str()),
        Ok(()) => response,
    }
}

/// Why the last thing asked for did not happen, where the eyes are; else
/// who is selected (or how to select); connect or create mode; the coaching
/// hint where the view carries one (only the facilitator's own windows do).
fn messages(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    state: &BoardUi,
    compact: bool,
) {
    let t = view.texts;
    let mut said = false;
    for line in [view.notice, state.refusal.as_deref()]
        .into_iter()
        .flatten()
    {
        ui.add(Label::new(RichText::new(format!("！ {line}")).strong()).wrap());
        said = true;
    }
    if !said {
        let line = match state.selected {
            Some(r) => {
                RichText::new(t.fmt("board.selected", &[("resident", &words.resident(r))])).strong()
            }
            // With link work's controls on a short canvas, the hint is small.
            None if compact && game.content().link_work() => {
                RichText::new(t.t("board.select_resident"))
                    .small()
                    .italics()
            }
            None => RichText::new(t.t("board.select_resident")).italics(),
        };
        ui.add(Label::new(line).wrap());
    }
    if state.connecting {
        ui.add(
            Label::new(RichText::new(format!("▶ {}", t.t("board.connect_mode"))).strong()).wrap(),
        );
    }
    if state.creating {
        ui.add(
            Label::new(RichText::new(format!("▶ {}", t.t("board.create_mode"))).strong()).wrap(),
        );
    }
    if let Some(advice) = view.hint {
        Frame::group(ui.style()).show(ui, |ui| {
            ui.add(
                Label::new(format!(
                    "{}: {}",
                    t.t("facilitator.coaching_hint"),
                    t.fmt(
                        "facilitator.hint_suggests",
                        &[
                            ("action", &describe_action(&advice.action, words)),
                            ("reason", &t.t(reason_key(advice.reason))),
                        ],
                    )
                ))
                .wrap(),
            );
        });
    }
}

/// Cards two to a row, each column half the width.
fn chip_grid(
    ui: &mut Ui,
    cards: &[ConnectionId],
    mut each: impl FnMut(&mut Ui, usize, ConnectionId),
) {
    let gap = ui.spacing().item_spacing.x;
    let width = ((ui.available_width() - gap) / 2.0).max(60.0);
    for (row, pair) in cards.chunks(2).enumerate() {
        let top = ui.cursor().top();
        let mut bottom = top;
        for (k, &card) in pair.iter().enumerate() {
            let min = ui.cursor().left_top() + vec2(k as f32 * (width + gap), 0.0);
            let max_rect = bevy_egui::egui::Rect::from_min_size(min, vec2(width, f32::INFINITY));
            let mut child = ui.new_child(
                UiBuilder::new()
                    .id_salt(("cc.chip.cell", row * 2 + k))
                    .max_rect(max_rect),
            );
            each(&mut child, row * 2 + k, card);
            bottom = bottom.max(child.min_rect().bottom());
        }
        let used = bevy_egui::egui::Rect::from_min_max(
            ui.cursor().left_top(),
            bevy_egui::egui::pos2(ui.cursor().left() + ui.available_width(), bottom),
        );
        ui.allocate_rect(used, bevy_egui::egui::Sense::hover());
    }
}

/// The team's coping level, its ties (decks with link work) and the next
/// unlock, in one line: where the whole unlock does not fit, only its level
/// shows (「次の解放 6」), then nothing; the whole unlock is on hover.
fn coping_line(ui: &mut Ui, game: &Game, view: &BoardView<'_>, compact: bool) {
    let t = view.texts;
    let lang = t.language();
    let (next, short) = match game.next_unlock() {
        Some(u) => (
            t.fmt(
                "board.next_unlock",
                &[("at", &u.at), ("bonus", &u.text.get(lang))],
            ),
            Some(t.fmt("board.next_unlock_at", &[("at", &u.at)])),
        ),
        None => (t.t("board.all_unlocked").to_owned(), None),
    };
    let mut line = t.fmt("board.coping_level", &[("level", &game.coping())]);
    let linked = ties_text(game, view);
    if let Some(ties) = &linked {
        line.push_str(&format!(" ・ {ties}"));
    }
    // Short of room with link work's controls: the next unlock shows on hover.
    let mut tries = Vec::new();
    if !(compact && linked.is_some()) {
        tries.push(format!("{line} ・ {next}"));
        if let Some(short) = &short {
            tries.push(format!("{line} ・ {short}"));
        }
    }
    let fits = |text: &str| {
        let font = TextStyle::Small.resolve(ui.style());
        let galley = ui
            .painter()
            .layout_no_wrap(text.to_owned(), font, ui.visuals().text_color());
        galley.size().x <= ui.available_width()
    };
    // Without link work the line keeps the whole unlock, wrapped as before.
    let text = if linked.is_none() {
        tries.into_iter().next().unwrap_or(line)
    } else {
        tries.into_iter().find(|l| fits(l)).unwrap_or(line)
    };
    let response = ui
        .add(Label::new(RichText::new(text).small()).wrap())
        .on_hover_text(next);
    record(ui.ctx(), Target::Coping, response.rect);
}
