//! Keyboard shortcuts of the board; each gives the same intent as its button.
//! A key the rules (or the board) refuse leaves its reason in
//! [`BoardUi::refusal`], which the board shows under the turn's buttons.

use bevy_egui::egui::{Key, Modifiers, Ui};

use super::link_work::{LinkWork, conference_openable, create_allowed, pass_openable};
use super::side::connect_cards;
use super::{BoardUi, BoardView, DIGITS, Intent, allowed, prescribe_openable, undo_allowed};
use crate::i18n::{LogContext, rule_error};
use crate::rules::{Action, Game, RuleError};

/// Reads the board's shortcuts from this frame's input (consuming them).
/// The link-work keys (`V`, `M`, `G`, `R`) are board keys only in a deck
/// that has the rule. Not called while a dialog is open or the board is not
/// interactive. `Esc` is left alone when there is nothing to close, so the
/// shell can open its menu.
pub(super) fn board_keys(
    ui: &Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    state: &mut BoardUi,
) -> Option<Intent> {
    let ctx = ui.ctx();
    if ctx.egui_wants_keyboard_input() {
        return None;
    }
    let pressed = |modifiers: Modifiers, key: Key| ctx.input_mut(|i| i.consume_key(modifiers, key));
    if state.has_open() && pressed(Modifiers::NONE, Key::Escape) {
        state.cancel();
        return None;
    }
    let outcome = read_keys(ui, game, view, words, state);
    match outcome {
        Pressed::Nothing => None,
        Pressed::Done => {
            state.refusal = None;
            None
        }
        Pressed::Intent(intent) => {
            state.refusal = None;
            Some(intent)
        }
        Pressed::Refused(why) => {
            state.refusal = Some(why);
            None
        }
    }
}

/// What a key asked for.
enum Pressed {
    /// No board key was pressed.
    Nothing,
    /// The key changed the board's own state (connect mode, the dialog).
    Done,
    Intent(Intent),
    /// The key was refused, for this reason.
    Refused(String),
}

fn read_keys(
    ui: &Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    state: &mut BoardUi,
) -> Pressed {
    let ctx = ui.ctx();
    let pressed = |modifiers: Modifiers, key: Key| ctx.input_mut(|i| i.consume_key(modifiers, key));
    let act = |action: Action| match allowed(game, view, words, &action) {
        Ok(()) => Pressed::Intent(Intent::Act(action)),
        Err(why) => Pressed::Refused(why),
    };
    let select_first = || Pressed::Refused(view.texts.t("board.select_first").to_owned());
    let seat = game.current_seat();

    if pressed(Modifiers::COMMAND, Key::Z) {
        return match undo_allowed(game, view, state, words) {
            Ok(()) => Pressed::Intent(Intent::Undo),
            Err(why) => Pressed::Refused(why),
        };
    }
    if let Some(i) = DIGITS.iter().position(|k| pressed(Modifiers::NONE, *k)) {
        if game.must_release() {
            return match game.hand(seat).get(i) {
                Some(&card) => act(Action::Release { card }),
                None => Pressed::Refused(view.texts.fmt("board.no_card_n", &[("n", &(i + 1))])),
            };
        }
        if state.connecting {
            state.connecting = false;
            return match connect_cards(game).get(i) {
                Some(&card) => act(Action::Connect { card }),
                None => Pressed::Refused(view.texts.fmt("board.no_card_n", &[("n", &(i + 1))])),
            };
        }
        if state.creating {
            state.creating = false;
            return match game.open_ideas().nth(i) {
                Some(idea) => act(Action::Create { idea }),
                None => Pressed::Refused(view.texts.fmt("board.no_idea_n", &[("n", &(i + 1))])),
            };
        }
        return Pressed::Refused(view.texts.t("board.digit_needs_c").to_owned());
    }
    if pressed(Modifiers::NONE, Key::L) {
        return match state.selected {
            Some(resident) => act(Action::Listen { resident }),
            None => select_first(),
        };
    }
    if pressed(Modifiers::NONE, Key::C) {
        let cards = connect_cards(game);
        let verdicts: Vec<_> = cards
            .iter()
            .map(|card| allowed(game, view, words, &Action::Connect { card: *card }))
            .collect();
        state.connecting = verdicts.iter().any(Result::is_ok);
        state.creating = false;
        if state.connecting {
            return Pressed::Done;
        }
        let why = verdicts.into_iter().find_map(Result::err);
        return Pressed::Refused(
            why.unwrap_or_else(|| rule_error(&RuleError::CardNotOffered, words)),
        );
    }
    if pressed(Modifiers::NONE, Key::P) {
        let Some(resident) = state.selected else {
            return select_first();
        };
        if !game.resident_state(resident).revealed() {
            return Pressed::Refused(rule_error(&RuleError::NotRevealed, words));
        }
        return match prescribe_openable(game, view, words, resident) {
            Ok(()) => {
                state.open_prescribe(resident);
                Pressed::Done
            }
            Err(why) => Pressed::Refused(why),
        };
    }
    if let Some(pressed) = link_work_keys(ui, game, view, words, state) {
        return pressed;
    }
    let nothing_focused = ctx.memory(|m| m.focused().is_none());
    if pressed(Modifiers::NONE, Key::E) || (nothing_focused && pressed(Modifiers::NONE, Key::Enter))
    {
        return act(Action::EndTurn);
    }
    Pressed::Nothing
}

/// `V` visit the selected resident, `M` open the case conference for them,
/// `G` open the pass dialog, `R` then a digit work on a resource idea: each
/// only in a deck with that rule (`None`: no such key was pressed).
fn link_work_keys(
    ui: &Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    state: &mut BoardUi,
) -> Option<Pressed> {
    let ctx = ui.ctx();
    let pressed = |key: Key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key));
    let link = LinkWork::of(game);
    let select_first = || Pressed::Refused(view.texts.t("board.select_first").to_owned());
    let verdict = |result: Result<(), String>| match result {
        Ok(()) => Pressed::Done,
        Err(why) => Pressed::Refused(why),
    };
    if link.visit && pressed(Key::V) {
        let Some(resident) = state.selected else {
            return Some(select_first());
        };
        let action = Action::Visit { resident };
        return Some(match allowed(game, view, words, &action) {
            Ok(()) => Pressed::Intent(Intent::Act(action)),
            Err(why) => Pressed::Refused(why),
        });
    }
    if link.conference.is_some() && pressed(Key::M) {
        let Some(resident) = state.selected else {
            return Some(select_first());
        };
        let result = conference_openable(game, view, words, resident);
        if result.is_ok() {
            state.open_conference(resident);
        }
        return Some(verdict(result));
    }
    if link.pass.is_some() && pressed(Key::G) {
        let result = pass_openable(game, view, words);
        if result.is_ok() {
            state.open_pass();
        }
        return Some(verdict(result));
    }
    if link.ideas && pressed(Key::R) {
        let result = create_allowed(game, view, words);
        state.connecting = false;
        state.creating = result.is_ok();
        return Some(verdict(result));
    }
    None
}
