//! The case-conference dialog (ケース会議): the team pools its hands for one
//! resident. Cards are listed seat by seat, and only those that belong to
//! some legal conference ([`Game::conferences`]); a card can be picked only
//! while the picked cards still lead to one. Confirm is enabled when the
//! rules accept the set.

use bevy_egui::egui::{Checkbox, Label, RichText, Ui};

use super::cards::{need_list, need_text};
use super::{BoardUi, BoardView, Intent, allowed, worry_icon};
use crate::content::{ConnectionId, partial_assign};
use crate::rules::{Action, Game};

/// Draws the dialog for the resident of [`BoardUi::conferring`] (nothing
/// when it is closed). Picking cards changes only `state`; Confirm yields
/// `Intent::Act(Action::Conference { .. })` with the cards in pooled order
/// (seat by seat, hand order) and closes the dialog; Cancel (or `Esc`) just
/// closes it. Digits `1`–`9` toggle the listed cards, `Enter` confirms.
pub fn conference_dialog(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    state: &mut BoardUi,
) -> Option<Intent> {
    let resident = state.conferring()?;
    let words = view.words(game);
    let t = view.texts;
    let content = game.content();
    let seat = game.current_seat();
    // Every card of some legal set, in pooled order: the only ones listed.
    let listed: Vec<ConnectionId> = game
        .pooled_hands()
        .into_iter()
        .filter(|c| game.conference_extends(seat, resident, &[*c]))
        .collect();
    let chosen: Vec<ConnectionId> = listed
        .iter()
        .copied()
        .filter(|c| state.conference_chosen().contains(c))
        .collect();
    let leads_on = |with: &[ConnectionId]| game.conference_extends(seat, resident, with);
    let (needs, waived) = game.needs_for(seat, resident);
    let matching = partial_assign(&needs, chosen.iter().map(|c| content.connection(*c)));
    let action = Action::Conference {
        resident,
        cards: chosen.clone(),
    };
    let verdict = allowed(game, view, &words, &action);

    let (mut toggle, mut confirm, mut cancel) = super::prescribe::dialog_keys(ui, &listed);

    let card = content.resident(resident);
    let cost = game.conference_cost().unwrap_or(0);
    ui.heading(t.fmt(
        "conference.title",
        &[("resident", &words.resident(resident))],
    ));
    ui.add(
        Label::new(
            RichText::new(t.fmt_count(
                "conference.cost",
                u64::from(cost),
                &[("cost", &cost), ("left", &game.actions_left())],
            ))
            .strong(),
        )
        .wrap(),
    );
    ui.add(
        Label::new(format!(
            "{} {}: {}",
            worry_icon(card.worry),
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
    if game.will_refuse(resident) {
        ui.add(Label::new(format!("△ {}", t.t("board.will_refuse"))).wrap());
    }
    ui.separator();
    ui.add(Label::new(t.t("conference.choose_cards")).wrap());
    let mut n = 0;
    for holder in 0..game.seats().len() {
        let theirs: Vec<ConnectionId> = game
            .hand(holder)
            .iter()
            .copied()
            .filter(|c| listed.contains(c))
            .collect();
        if theirs.is_empty() {
            continue;
        }
        ui.label(RichText::new(words.seat(holder)).strong());
        ui.horizontal_wrapped(|ui| {
            for c in theirs {
                n += 1;
                let name = content.connection(c).name.get(t.language());
                let helps: String = content
                    .connection(c)
                    .helps
                    .iter()
                    .map(|w| worry_icon(*w))
                    .collect();
                let mut on = chosen.contains(&c);
                let mut with = chosen.clone();
                with.push(c);
                let can = on || leads_on(&with);
                let text = t.fmt("prescribe.pick", &[("n", &n), ("card", &name)]);
                let text = format!("{text} {helps}");
                if ui.add_enabled(can, Checkbox::new(&mut on, text)).changed() {
                    toggle = Some(c);
                }
            }
        });
    }
    ui.separator();
    let unmet: Vec<_> = matching.unmet().map(|i| needs[i]).collect();
    let status = match &verdict {
        Ok(()) => format!("✓ {}", t.t("prescribe.all_met")),
        Err(_) if !unmet.is_empty() => format!(
            "○ {}",
            t.fmt(
                "prescribe.needs_not_met",
                &[("needs", &need_list(t, content, unmet))]
            )
        ),
        Err(why) => format!("× {why}"),
    };
    ui.add(Label::new(RichText::new(status).strong()).wrap());
    let (clicked, cancelled) =
        super::prescribe::confirm_row(ui, t, &verdict, "conference.confirm", "conference.keys");
    confirm |= clicked;
    cancel |= cancelled;

    if confirm && verdict.is_ok() {
        state.conferring = None;
        return Some(Intent::Act(action));
    }
    if cancel {
        state.conferring = None;
        return None;
    }
    if let (Some(c), Some(p)) = (toggle, state.conferring.as_mut()) {
        match p.chosen.iter().position(|x| *x == c) {
            Some(k) => {
                p.chosen.remove(k);
            }
            None => {
                let mut with = chosen;
                with.push(c);
                if leads_on(&with) {
                    p.chosen.push(c);
                }
            }
        }
        ui.ctx().request_repaint();
    }
    None
}
