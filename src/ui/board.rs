//! The board: banner, town map, districts with their resident cards, and a
//! side column with the turn's controls, the hand, the offer row and the
//! coping-skill track.

use bevy_egui::egui::{
    Align, Button, Frame, Id, Label, Layout, Margin, Modal, RichText, ScrollArea, Stroke, Ui, vec2,
};

use super::cards::{ResidentLook, connection_card, resident_card};
use super::map::{load_line, load_sentence, swatch, town_map};
use super::{
    BoardUi, BoardView, Intent, allowed, keys, prescribe_dialog, prescribe_openable, reason_key,
    undo_allowed,
};
use crate::content::{ConnectionId, DistrictId, ResidentId};
use crate::i18n::{LogContext, describe_action};
use crate::rules::{Action, Game};

/// Draws the whole board into `ui` and returns what the person asked for.
///
/// Clicking a resident selects it; the side column then offers Listen and
/// Prescribe, enabled only when the rules allow them (the reason shows on
/// hover otherwise). Prescribe opens [`prescribe_dialog`] over the board.
/// The keyboard shortcuts of the module docs give the same intents.
pub fn board(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    state: &mut BoardUi,
) -> Option<Intent> {
    state.tidy(game);
    let words = view.words(game);
    let mut intent = None;
    if state.prescribing.is_none() && view.interactive {
        intent = keys::board_keys(ui, game, view, &words, state);
    }
    ui.scope(|ui| {
        ui.style_mut().interaction.selectable_labels = false;
        banner(ui, game, view, &words);
        ui.separator();
        let mut avail = ui.available_size();
        if !avail.y.is_finite() {
            // Inside a caller's scroll area: size as for a 1080p screen.
            avail.y = 1080.0;
        }
        let gap = ui.spacing().item_spacing.x;
        let side = (avail.x * 0.36).max(avail.x.min(260.0));
        let main = (avail.x - side - gap).max(120.0);
        // A new turn starts at the top of the town and of the hand.
        let scroll = |salt: &str| {
            let area = ScrollArea::vertical()
                .id_salt(salt)
                .auto_shrink([false, false]);
            if state.new_turn {
                area.vertical_scroll_offset(0.0)
            } else {
                area
            }
        };
        let (town_area, side_area) = (scroll("cc.board.town"), scroll("cc.board.side"));
        ui.horizontal_top(|ui| {
            ui.allocate_ui_with_layout(vec2(main, avail.y), Layout::top_down(Align::Min), |ui| {
                town_area.show(ui, |ui| town(ui, game, view, &words, state, avail.y * 0.45));
            });
            ui.allocate_ui_with_layout(vec2(side, avail.y), Layout::top_down(Align::Min), |ui| {
                side_area.show(ui, |ui| {
                    let asked = side_column(ui, game, view, &words, state);
                    intent = intent.take().or(asked);
                });
            });
        });
    });
    if state.prescribing.is_some() {
        let modal = Modal::new(Id::new("cc.prescribe")).show(ui.ctx(), |ui| {
            ui.set_max_width(ui.ctx().content_rect().width() * 0.8);
            prescribe_dialog(ui, game, view, state)
        });
        intent = intent.or(modal.inner);
    }
    if intent.is_some() {
        state.refusal = None;
    }
    intent
}

/// Year, years left, whose turn with role, actions and free listens left.
fn banner(ui: &mut Ui, game: &Game, view: &BoardView<'_>, words: &LogContext<'_>) {
    let t = view.texts;
    let seat = game.current_seat();
    ui.horizontal_wrapped(|ui| {
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
    });
}

/// The map, then one panel per district with its resident cards.
fn town(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    state: &mut BoardUi,
    map_height: f32,
) {
    let highlight = state.selected.map(|r| game.content().resident(r).district);
    ui.vertical_centered(|ui| town_map(ui, game, view, words, highlight, map_height.max(120.0)));
    ui.add_space(ui.spacing().item_spacing.y);
    let rows = district_rows(game);
    let cols = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let gap = ui.spacing().item_spacing.x;
    let width = ((ui.available_width() - gap * (cols as f32 - 1.0)) / cols as f32).max(80.0);
    for row in rows {
        ui.horizontal_top(|ui| {
            for d in row {
                ui.vertical(|ui| {
                    ui.set_width(width);
                    district_panel(ui, game, view, words, state, d, width);
                });
            }
        });
    }
}

/// Districts in reading order of the map: rows top to bottom, left to right.
fn district_rows(game: &Game) -> Vec<Vec<DistrictId>> {
    let districts = game.content().districts();
    let mut order: Vec<usize> = (0..districts.len()).collect();
    order.sort_by(|a, b| {
        districts[*a]
            .position
            .1
            .total_cmp(&districts[*b].position.1)
    });
    let per_row = districts.len().div_ceil(2).clamp(1, 4);
    order
        .chunks(per_row)
        .map(|chunk| {
            let mut row = chunk.to_vec();
            row.sort_by(|a, b| {
                districts[*a]
                    .position
                    .0
                    .total_cmp(&districts[*b].position.0)
            });
            row.into_iter().map(DistrictId::from_index).collect()
        })
        .collect()
}

/// One district: swatch, symbol, name and load, then its residents.
fn district_panel(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    state: &mut BoardUi,
    d: DistrictId,
    width: f32,
) {
    let t = view.texts;
    let district = game.content().district(d);
    let threshold = game.collapse_threshold();
    let residents = game.district_residents(d);
    let stroke_width = if view.high_contrast { 4.0 } else { 3.0 };
    let frame = Frame::group(ui.style())
        .stroke(Stroke::new(stroke_width, super::map::colour(district)))
        .inner_margin(Margin::same(6));
    let inner_width = (width - frame.total_margin().sum().x).max(60.0);
    frame.show(ui, |ui| {
        ui.set_width(inner_width);
        ui.horizontal_wrapped(|ui| {
            swatch(ui, district, view.high_contrast);
            ui.add(
                Label::new(
                    RichText::new(format!("{} {}", district.symbol, words.district(d))).strong(),
                )
                .wrap(),
            );
        });
        ui.label(load_line(t, residents.len(), threshold))
            .on_hover_text(load_sentence(words, d, residents.len(), threshold));
        if residents.is_empty() {
            ui.label(RichText::new(t.t("board.empty_district")).weak());
        }
        let card_width = ui.available_width();
        for &r in residents {
            let look = resident_look(game, view, words, state, r);
            if resident_card(ui, game, view, words, r, &look, card_width).clicked() {
                state.selected = Some(r);
                state.connecting = false;
                state.refusal = None;
            }
        }
    });
}

fn resident_look(
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    state: &BoardUi,
    r: ResidentId,
) -> ResidentLook {
    let verdict = if game.resident_state(r).revealed() {
        let options = game.prescriptions(game.current_seat(), r);
        let cards = options.into_iter().next().unwrap_or_default();
        allowed(game, view, words, &Action::Prescribe { resident: r, cards })
    } else {
        allowed(game, view, words, &Action::Listen { resident: r })
    };
    ResidentLook {
        show_back: view.show_hidden,
        selected: state.selected == Some(r),
        legal: verdict.is_ok(),
        refusal: verdict.err(),
        clickable: true,
    }
}

/// The cards the current seat may Connect to: the offer row, then any peeked deck cards.
pub(super) fn connect_cards(game: &Game) -> Vec<ConnectionId> {
    game.offer()
        .iter()
        .copied()
        .chain(game.peeked_cards(game.current_seat()))
        .collect()
}

/// A button enabled only when `verdict` is Ok; its hover says why otherwise.
fn action_button(ui: &mut Ui, text: &str, verdict: &Result<(), String>) -> bool {
    let response = ui.add_enabled(verdict.is_ok(), Button::new(text));
    match verdict {
        Err(reason) => response.on_disabled_hover_text(reason.as_str()).clicked(),
        Ok(()) => response.clicked(),
    }
}

/// Controls, release prompt, selection, hint, hand, offer row, coping track.
fn side_column(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    state: &mut BoardUi,
) -> Option<Intent> {
    let t = view.texts;
    let content = game.content();
    let seat = game.current_seat();
    let mut intent = None;

    ui.horizontal_wrapped(|ui| {
        let end = allowed(game, view, words, &Action::EndTurn);
        if action_button(ui, t.t("board.end_turn"), &end) {
            intent = Some(Intent::Act(Action::EndTurn));
        }
        let undo = undo_allowed(game, view, state, words);
        if action_button(ui, t.t("board.undo"), &undo) {
            intent = Some(Intent::Undo);
        }
    });
    // Why the last thing asked for did not happen, where the eyes are.
    for line in [view.notice, state.refusal.as_deref()]
        .into_iter()
        .flatten()
    {
        ui.add(Label::new(RichText::new(format!("！ {line}")).strong()).wrap());
    }
    ui.separator();

    if game.must_release() {
        Frame::group(ui.style())
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
                for (i, &card) in game.hand(seat).iter().enumerate() {
                    connection_card(ui, content, t, card, false, |ui| {
                        let verdict = allowed(game, view, words, &Action::Release { card });
                        if action_button(
                            ui,
                            &t.fmt("board.release_n", &[("n", &(i + 1))]),
                            &verdict,
                        ) {
                            intent = Some(Intent::Act(Action::Release { card }));
                        }
                    });
                }
            });
        ui.separator();
    }

    match state.selected {
        Some(r) => {
            ui.add(
                Label::new(
                    RichText::new(t.fmt("board.selected", &[("resident", &words.resident(r))]))
                        .strong(),
                )
                .wrap(),
            );
            ui.horizontal_wrapped(|ui| {
                let listen = Action::Listen { resident: r };
                if action_button(
                    ui,
                    t.t("board.listen"),
                    &allowed(game, view, words, &listen),
                ) {
                    intent = Some(Intent::Act(listen));
                }
                if action_button(
                    ui,
                    t.t("board.prescribe"),
                    &prescribe_openable(game, view, words, r),
                ) {
                    state.open_prescribe(r);
                }
            });
        }
        None => {
            ui.add(Label::new(RichText::new(t.t("board.select_resident")).weak()).wrap());
        }
    }
    if state.connecting {
        ui.add(
            Label::new(RichText::new(format!("▶ {}", t.t("board.connect_mode"))).strong()).wrap(),
        );
    }
    if let Some(advice) = view.hint {
        Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(t.t("facilitator.coaching_hint")).strong());
            ui.add(
                Label::new(t.fmt(
                    "facilitator.hint_suggests",
                    &[
                        ("action", &describe_action(&advice.action, words)),
                        ("reason", &t.t(reason_key(advice.reason))),
                    ],
                ))
                .wrap(),
            );
        });
    }
    ui.separator();

    if !game.must_release() {
        let hand = game.hand(seat);
        ui.label(
            RichText::new(t.fmt(
                "board.hand_count",
                &[("count", &hand.len()), ("limit", &game.hand_limit(seat))],
            ))
            .strong(),
        );
        if hand.is_empty() {
            ui.label(RichText::new(t.t("board.no_cards")).weak());
        }
        card_grid(ui, hand, |ui, _, card| {
            connection_card(ui, content, t, card, false, |_| ());
        });
        ui.separator();
    }

    ui.label(RichText::new(t.t("board.offer_row")).strong());
    let offer = connect_cards(game);
    let peeked = offer.len() - game.offer().len();
    card_grid(ui, &offer[..game.offer().len()], |ui, i, card| {
        if let Some(asked) = connect_card(ui, game, view, words, i, card) {
            intent = Some(asked);
        }
    });
    if peeked > 0 {
        ui.label(RichText::new(t.t("board.peeked")).strong());
        let first = game.offer().len();
        card_grid(ui, &offer[first..], |ui, i, card| {
            if let Some(asked) = connect_card(ui, game, view, words, first + i, card) {
                intent = Some(asked);
            }
        });
    }
    ui.separator();

    coping_track(ui, game, view);
    ui.label(
        RichText::new(t.fmt(
            "board.deck_counts",
            &[
                ("residents", &game.resident_deck_len()),
                ("connections", &game.connection_deck_len()),
                ("discard", &game.discard().len()),
            ],
        ))
        .small(),
    );
    ui.add(Label::new(RichText::new(t.t("board.shortcuts")).small().weak()).wrap());
    intent
}

/// An offer (or peeked) card with its numbered Connect button.
fn connect_card(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    i: usize,
    card: ConnectionId,
) -> Option<Intent> {
    let t = view.texts;
    connection_card(ui, game.content(), t, card, false, |ui| {
        let action = Action::Connect { card };
        let verdict = allowed(game, view, words, &action);
        action_button(ui, &t.fmt("board.connect_n", &[("n", &(i + 1))]), &verdict)
            .then_some(Intent::Act(action))
    })
}

/// Cards two to a row in the side column.
fn card_grid(
    ui: &mut Ui,
    cards: &[ConnectionId],
    mut each: impl FnMut(&mut Ui, usize, ConnectionId),
) {
    let gap = ui.spacing().item_spacing.x;
    let width = ((ui.available_width() - gap) / 2.0).max(80.0);
    for (row, pair) in cards.chunks(2).enumerate() {
        ui.horizontal_top(|ui| {
            for (k, &card) in pair.iter().enumerate() {
                ui.vertical(|ui| {
                    ui.set_width(width);
                    each(ui, row * 2 + k, card);
                });
            }
        });
    }
}

/// The team's coping level, every unlock with ✓ or ○, and the next one.
fn coping_track(ui: &mut Ui, game: &Game, view: &BoardView<'_>) {
    let t = view.texts;
    let lang = t.language();
    ui.label(RichText::new(t.fmt("board.coping_level", &[("level", &game.coping())])).strong());
    for unlock in game.content().coping_track() {
        let mark = if unlock.at <= game.coping() {
            "✓"
        } else {
            "○"
        };
        ui.add(
            Label::new(format!(
                "{mark} {}",
                t.fmt(
                    "board.coping_step",
                    &[("at", &unlock.at), ("bonus", &unlock.text.get(lang))]
                )
            ))
            .wrap(),
        );
    }
    let next = match game.next_unlock() {
        Some(u) => t.fmt(
            "board.next_unlock",
            &[("at", &u.at), ("bonus", &u.text.get(lang))],
        ),
        None => t.t("board.all_unlocked").to_owned(),
    };
    ui.add(Label::new(RichText::new(next).strong()).wrap());
}
