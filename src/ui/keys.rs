//! Keyboard shortcuts of the board; each gives the same intent as its button.

use bevy_egui::egui::{Key, Modifiers, Ui};

use super::board::connect_cards;
use super::{BoardUi, BoardView, DIGITS, Intent, allowed, prescribe_openable};
use crate::i18n::LogContext;
use crate::rules::{Action, Game};

/// Reads the board's shortcuts from this frame's input (consuming them).
/// Not called while the prescribe dialog is open or the board is not interactive.
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
    let act = |action: Action| {
        allowed(game, view, words, &action)
            .is_ok()
            .then_some(Intent::Act(action))
    };
    let seat = game.current_seat();

    if pressed(Modifiers::NONE, Key::Escape) {
        state.cancel();
        return None;
    }
    if pressed(Modifiers::COMMAND, Key::Z) {
        return game.can_undo().then_some(Intent::Undo);
    }
    if let Some(i) = DIGITS.iter().position(|k| pressed(Modifiers::NONE, *k)) {
        if game.must_release() {
            let card = *game.hand(seat).get(i)?;
            return act(Action::Release { card });
        }
        if state.connecting {
            let card = *connect_cards(game).get(i)?;
            state.connecting = false;
            return act(Action::Connect { card });
        }
        return None;
    }
    if pressed(Modifiers::NONE, Key::L) {
        let resident = state.selected?;
        return act(Action::Listen { resident });
    }
    if pressed(Modifiers::NONE, Key::C) {
        state.connecting = connect_cards(game)
            .iter()
            .any(|card| allowed(game, view, words, &Action::Connect { card: *card }).is_ok());
        return None;
    }
    if pressed(Modifiers::NONE, Key::P) {
        let resident = state.selected?;
        if prescribe_openable(game, view, words, resident).is_ok()
            && game.resident_state(resident).revealed()
        {
            state.open_prescribe(resident);
        }
        return None;
    }
    let nothing_focused = ctx.memory(|m| m.focused().is_none());
    if pressed(Modifiers::NONE, Key::E) || (nothing_focused && pressed(Modifiers::NONE, Key::Enter))
    {
        return act(Action::EndTurn);
    }
    None
}
