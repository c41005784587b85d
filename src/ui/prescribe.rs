//! The prescribe dialog: pick hand cards, see which need each one meets,
//! and confirm only when the cards meet every need, one card per need.

use bevy_egui::egui::{Button, Key, Label, Modifiers, RichText, Ui};

use super::cards::{need_list, need_text};
use super::{BoardUi, BoardView, DIGITS, Intent, allowed, worry_icon};
use crate::content::{ConnectionId, partial_assign};
use crate::i18n::{Texts, worry_label};
use crate::rules::{Action, Game};

/// Draws the dialog for the resident of [`BoardUi::prescribing`] (nothing
/// when it is closed). Toggling cards changes only `state`; Confirm yields
/// `Intent::Act(Action::Prescribe { .. })` with the cards in hand order and
/// closes the dialog, Cancel (or `Esc`) just closes it. Digits `1`–`9`
/// toggle hand cards, `Enter` confirms.
pub fn prescribe_dialog(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    state: &mut BoardUi,
) -> Option<Intent> {
    let resident = state.prescribing()?;
    let words = view.words(game);
    let t = view.texts;
    let content = game.content();
    let seat = game.current_seat();
    let hand = game.hand(seat);
    let (needs, waived) = game.needs_for(seat, resident);
    let chosen: Vec<ConnectionId> = hand
        .iter()
        .copied()
        .filter(|c| state.chosen().contains(c))
        .collect();
    let matching = partial_assign(&needs, chosen.iter().map(|c| content.connection(*c)));
    let action = Action::Prescribe {
        resident,
        cards: chosen.clone(),
    };
    let verdict = allowed(game, view, &words, &action);

    // Keys first, so a toggle shows in this very frame's next pass.
    let (mut toggle, mut confirm, mut cancel) = dialog_keys(ui, hand);

    let card = content.resident(resident);
    ui.heading(t.fmt(
        "prescribe.title",
        &[("resident", &words.resident(resident))],
    ));
    ui.label(
        RichText::new(format!(
            "{} {}",
            worry_icon(card.worry),
            worry_label(t, card.worry)
        ))
        .strong(),
    );
    ui.add(
        Label::new(format!(
            "{}: {}",
            t.t("board.needs"),
            need_list(t, content, needs.iter().copied())
        ))
        .wrap(),
    );
    if let Some(need) = waived {
        ui.add(
            Label::new(format!(
                "✓ {}",
                t.fmt(
                    "prescribe.waived",
                    &[("need", &need_text(t, content, need))]
                )
            ))
            .wrap(),
        );
    }
    ui.separator();
    ui.add(Label::new(t.t("prescribe.choose_cards")).wrap());
    for (i, &c) in hand.iter().enumerate() {
        let conn = content.connection(c);
        let name = conn.name.get(t.language());
        let mut on = chosen.contains(&c);
        ui.horizontal_wrapped(|ui| {
            let text = t.fmt("prescribe.pick", &[("n", &(i + 1)), ("card", &name)]);
            if ui.checkbox(&mut on, text).changed() {
                toggle = Some(c);
            }
            let note = match chosen.iter().position(|x| *x == c) {
                Some(k) => match (0..needs.len()).find(|n| matching.card_for(*n) == Some(k)) {
                    Some(n) => format!(
                        "→ {}",
                        t.fmt(
                            "prescribe.meets",
                            &[("need", &need_text(t, content, needs[n]))]
                        )
                    ),
                    None => format!("× {}", t.t("prescribe.meets_nothing")),
                },
                None => {
                    let fits: Vec<_> = needs.iter().copied().filter(|n| conn.meets(*n)).collect();
                    if fits.is_empty() {
                        t.t("prescribe.meets_nothing").to_owned()
                    } else {
                        t.fmt(
                            "prescribe.could_meet",
                            &[("needs", &need_list(t, content, fits))],
                        )
                    }
                }
            };
            ui.add(Label::new(RichText::new(note).small()).wrap());
        });
    }
    ui.separator();
    let unmet: Vec<_> = matching.unmet().map(|n| needs[n]).collect();
    let status = if !unmet.is_empty() {
        format!(
            "○ {}",
            t.fmt(
                "prescribe.needs_not_met",
                &[("needs", &need_list(t, content, unmet))]
            )
        )
    } else if chosen.len() > needs.len() {
        format!(
            "× {}",
            t.fmt(
                "prescribe.too_many",
                &[("needs", &needs.len()), ("cards", &chosen.len())]
            )
        )
    } else {
        format!("✓ {}", t.t("prescribe.all_met"))
    };
    ui.add(Label::new(RichText::new(status).strong()).wrap());
    let (clicked, cancelled) = confirm_row(ui, t, &verdict, "prescribe.confirm", "prescribe.keys");
    confirm |= clicked;
    cancel |= cancelled;

    if confirm && verdict.is_ok() {
        state.prescribing = None;
        return Some(Intent::Act(action));
    }
    if cancel {
        state.prescribing = None;
        return None;
    }
    if let (Some(c), Some(p)) = (toggle, state.prescribing.as_mut()) {
        match p.chosen.iter().position(|x| *x == c) {
            Some(k) => {
                p.chosen.remove(k);
            }
            None => p.chosen.push(c),
        }
        ui.ctx().request_repaint();
    }
    None
}

/// A card dialog's keys: a digit toggles that card of `listed`, Enter
/// confirms, Esc cancels. Returns (card toggled, confirm, cancel).
pub(super) fn dialog_keys(
    ui: &mut Ui,
    listed: &[ConnectionId],
) -> (Option<ConnectionId>, bool, bool) {
    ui.input_mut(|i| {
        let toggle = DIGITS
            .iter()
            .position(|key| i.consume_key(Modifiers::NONE, *key))
            .and_then(|k| listed.get(k).copied());
        let confirm = i.consume_key(Modifiers::NONE, Key::Enter);
        let cancel = i.consume_key(Modifiers::NONE, Key::Escape);
        (toggle, confirm, cancel)
    })
}

/// A card dialog's last rows: its confirm button (enabled only when the
/// rules allow the action, with their reason on hover), Cancel, and the
/// dialog's keys. Returns (confirm clicked, cancel clicked).
pub(super) fn confirm_row(
    ui: &mut Ui,
    t: &Texts,
    verdict: &Result<(), String>,
    confirm_key: &str,
    keys_key: &str,
) -> (bool, bool) {
    let mut clicked = (false, false);
    ui.horizontal_wrapped(|ui| {
        let response = ui.add_enabled(verdict.is_ok(), Button::new(t.t(confirm_key)));
        let response = match verdict {
            Err(reason) => response.on_disabled_hover_text(reason.as_str()),
            Ok(()) => response,
        };
        clicked.0 = response.clicked();
        clicked.1 = ui.button(t.t("prescribe.cancel")).clicked();
    });
    ui.add(Label::new(RichText::new(t.t(keys_key)).small().weak()).wrap());
    clicked
}
