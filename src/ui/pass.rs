//! The pass dialog: pick a hand card, then the seat to hand it to. Each
//! seat's button is enabled only when the rules allow the pass, and says why
//! beside it when not (a full hand).

use bevy_egui::egui::{Button, Key, Label, Modifiers, RichText, Ui};

use super::side::action_button;
use super::{BoardUi, BoardView, DIGITS, Intent, PassUi, allowed, worry_icon};
use crate::content::ConnectionId;
use crate::rules::{Action, Game};

/// Draws the dialog while [`BoardUi::passing`] is open (nothing when it is
/// closed). Digits `1`–`9` pick the hand card, then (once one is picked) the
/// seat; a click on a seat yields `Intent::Act(Action::Pass { .. })` and
/// closes the dialog; Cancel (or `Esc`) just closes it.
pub fn pass_dialog(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    state: &mut BoardUi,
) -> Option<Intent> {
    let picked = state.passing()?;
    let words = view.words(game);
    let t = view.texts;
    let content = game.content();
    let seat = game.current_seat();
    let hand = game.hand(seat).to_vec();
    let others: Vec<usize> = (0..game.seats().len()).filter(|&s| s != seat).collect();
    let cost = game.pass_cost().unwrap_or(0);

    let mut pick: Option<ConnectionId> = None;
    let mut to: Option<usize> = None;
    let mut cancel = false;
    ui.input_mut(|i| {
        if let Some(k) = DIGITS
            .iter()
            .position(|key| i.consume_key(Modifiers::NONE, *key))
        {
            match picked {
                None => pick = hand.get(k).copied(),
                Some(_) => to = others.get(k).copied(),
            }
        }
        cancel = i.consume_key(Modifiers::NONE, Key::Escape);
    });

    ui.heading(t.fmt_count("pass.title", u64::from(cost), &[("cost", &cost)]));
    ui.add(Label::new(t.t("pass.choose_card")).wrap());
    ui.horizontal_wrapped(|ui| {
        for (i, &c) in hand.iter().enumerate() {
            let card = content.connection(c);
            let helps: String = card.helps.iter().map(|w| worry_icon(*w)).collect();
            let name = card.name.get(t.language());
            let text = t.fmt("prescribe.pick", &[("n", &(i + 1)), ("card", &name)]);
            let text = format!("{text} {helps}");
            if ui.selectable_label(picked == Some(c), text).clicked() {
                pick = Some(c);
            }
        }
    });
    ui.separator();
    let mut asked = None;
    match picked {
        None => {
            ui.add(Label::new(RichText::new(t.t("pass.card_first")).italics()).wrap());
        }
        Some(card) => {
            ui.add(Label::new(t.fmt("pass.choose_seat", &[("card", &words.card(card))])).wrap());
            for (k, &other) in others.iter().enumerate() {
                let action = Action::Pass { card, to: other };
                let verdict = allowed(game, view, &words, &action);
                ui.horizontal_wrapped(|ui| {
                    let label = t.fmt(
                        "pass.to_seat",
                        &[
                            ("n", &(k + 1)),
                            ("seat", &words.seat(other)),
                            ("count", &game.hand(other).len()),
                            ("limit", &game.hand_limit(other)),
                        ],
                    );
                    let response = action_button(ui, &label, &verdict);
                    if let Err(why) = &verdict {
                        ui.add(Label::new(RichText::new(format!("× {why}")).small()).wrap());
                    }
                    if response.clicked() || to == Some(other) {
                        match verdict {
                            Ok(()) => asked = Some(Intent::Act(action)),
                            Err(why) => state.refusal = Some(why),
                        }
                    }
                });
            }
        }
    }
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        cancel |= ui.add(Button::new(t.t("prescribe.cancel"))).clicked();
        ui.add(Label::new(RichText::new(t.t("pass.keys")).small().weak()).wrap());
    });

    if asked.is_some() || cancel {
        state.passing = None;
        return asked;
    }
    if let Some(c) = pick {
        state.passing = Some(PassUi { card: Some(c) });
        ui.ctx().request_repaint();
    }
    None
}
