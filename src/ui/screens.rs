//! Screens around the board: the hot-seat handoff card, the game-end screen
//! and the readable log (the year-end summary is in `year_end.rs`).

use bevy_egui::egui::{
    Align, Align2, Frame, Key, Label, Layout, Margin, Modifiers, RichText, ScrollArea, Sense,
    Stroke, StrokeKind, TextStyle, Ui, WidgetInfo, WidgetType, pos2, vec2,
};

use super::map::swatch;
use super::targets::{Target, record};
use super::{BoardView, EndIntent, worry_icon};
use crate::content::ResidentId;
use crate::i18n::{LogContext, Texts, age_label, household_label, need_label, worry_label};
use crate::rules::{Game, Outcome};

/// The full-screen card between hot-seat turns: 「次は ○○さん（役割）の番です」.
/// Returns true when the person clicks it or presses Space.
pub fn handoff(ui: &mut Ui, texts: &Texts, name: &str, role: &str) -> bool {
    let sentence = texts.fmt("handoff.next", &[("name", &name), ("role", &role)]);
    let rect = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(rect, Sense::click());
    super::targets::record(ui.ctx(), super::Target::Handoff, rect);
    response.widget_info(|| WidgetInfo::labeled(WidgetType::Button, true, &sentence));
    if ui.is_rect_visible(rect) {
        let visuals = ui.visuals();
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, visuals.extreme_bg_color);
        let wrap = rect.width() * 0.8;
        let ink = visuals.strong_text_color();
        let heading = painter.layout(
            sentence.clone(),
            TextStyle::Heading.resolve(ui.style()),
            ink,
            wrap,
        );
        let hint = painter.layout(
            texts.t("handoff.press_space").to_owned(),
            TextStyle::Body.resolve(ui.style()),
            visuals.text_color(),
            wrap,
        );
        let gap = ui.spacing().item_spacing.y * 3.0;
        let total = vec2(
            heading.size().x.max(hint.size().x),
            heading.size().y + gap + hint.size().y,
        );
        let card = Align2::CENTER_CENTER
            .align_size_within_rect(total, rect)
            .expand(ui.spacing().item_spacing.x * 3.0);
        painter.rect_filled(card, 12.0, visuals.panel_fill);
        painter.rect_stroke(card, 12.0, Stroke::new(3.0, ink), StrokeKind::Inside);
        let top = card.center().y - total.y / 2.0;
        painter.galley(
            pos2(card.center().x - heading.size().x / 2.0, top),
            heading.clone(),
            ink,
        );
        painter.galley(
            pos2(
                card.center().x - hint.size().x / 2.0,
                top + heading.size().y + gap,
            ),
            hint,
            ink,
        );
    }
    let space = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Space));
    response.clicked() || space
}

/// The end of the game: collapse (which district, which year, the residents
/// left there as compact cards that all fit on screen) or survival (residents connected over the years).
/// Draws nothing and returns `None` while the game goes on.
pub fn game_end(ui: &mut Ui, game: &Game, view: &BoardView<'_>) -> Option<EndIntent> {
    let outcome = game.outcome()?;
    let t = view.texts;
    let words = view.words(game);
    let content = game.content();
    let mut intent = None;
    let collapsed = matches!(outcome, Outcome::Collapsed { .. });
    let shown = if collapsed && view.motion {
        collapse_motion(ui)
    } else {
        1.0
    };
    ui.scope(|ui| {
        ui.style_mut().interaction.selectable_labels = false;
        ui.multiply_opacity(shown);
        match outcome {
            Outcome::Collapsed {
                year,
                district,
                residents,
            } => {
                let name = words.district(*district);
                ui.heading(format!("‼ {}", t.t("end.collapse_title")));
                ui.add(
                    Label::new(
                        RichText::new(
                            t.fmt("end.collapse", &[("year", year), ("district", &name)]),
                        )
                        .strong(),
                    )
                    .wrap(),
                );
                ui.horizontal_wrapped(|ui| {
                    swatch(ui, content.district(*district), view.high_contrast);
                    ui.label(t.fmt("end.residents_left", &[("district", &name)]));
                });
                collapsed_residents(ui, game, view, &words, residents);
                ui.label(t.fmt(
                    "end.residents_connected",
                    &[("count", &game.connected_residents().len())],
                ));
            }
            Outcome::Survived { connected } => {
                let years = content.end_year() - content.start_year() + 1;
                ui.heading(format!("✓ {}", t.t("end.survived_title")));
                ui.add(
                    Label::new(
                        RichText::new(
                            t.fmt("end.survived", &[("years", &years), ("count", connected)]),
                        )
                        .strong(),
                    )
                    .wrap(),
                );
                let names: Vec<&str> = game
                    .connected_residents()
                    .iter()
                    .map(|r| words.resident(*r))
                    .collect();
                ui.add(Label::new(names.join(t.t("log.list_separator"))).wrap());
            }
            Outcome::EndedEarly { year, connected } => {
                ui.heading(t.fmt("end.ended_early", &[("year", year)]));
                ui.add(
                    Label::new(
                        RichText::new(t.fmt("end.residents_connected", &[("count", connected)]))
                            .strong(),
                    )
                    .wrap(),
                );
            }
        }
        ui.separator();
        ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
            if ui.button(t.t("end.to_debrief")).clicked() {
                intent = Some(EndIntent::Debrief);
            }
            if ui.button(t.t("end.to_title")).clicked() {
                intent = Some(EndIntent::Title);
            }
        });
    });
    intent
}

/// Most cards in one row of the collapsed district's residents.
const END_COLUMNS: usize = 4;

/// The residents left in the collapsed district, as compact cards in a grid
/// (up to four a row, rows as even as can be) so every one of them is in
/// view on the smallest projected screen; with more than one row the
/// cards leave out the worry's own words (the debrief tells each story).
/// Each card is recorded as [`Target::Resident`].
fn collapsed_residents(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    residents: &[ResidentId],
) {
    if residents.is_empty() {
        return;
    }
    let rows = residents.len().div_ceil(END_COLUMNS);
    let columns = residents.len().div_ceil(rows);
    let gap = ui.spacing().item_spacing.x;
    let width = ((ui.available_width() - gap * (columns as f32 - 1.0)) / columns as f32).max(120.0);
    for row in residents.chunks(columns) {
        ui.horizontal_top(|ui| {
            for r in row {
                let rect = ui
                    .vertical(|ui| end_card(ui, game, view, words, *r, width, rows == 1))
                    .response
                    .rect;
                record(ui.ctx(), Target::Resident(*r), rect);
            }
        });
    }
}

/// One resident at the end, front and back together: name, age and
/// household, worry category (and its words if `worry_words`), needs (with those gained while
/// waiting) and how long they waited.
fn end_card(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    r: ResidentId,
    width: f32,
    worry_words: bool,
) {
    let t = view.texts;
    let content = game.content();
    let card = content.resident(r);
    let state = game.resident_state(r);
    let frame = Frame::group(ui.style()).inner_margin(Margin::same(8));
    frame.show(ui, |ui| {
        ui.set_width((width - frame.total_margin().sum().x).max(80.0));
        ui.add(Label::new(RichText::new(words.resident(r)).strong()).wrap());
        ui.add(
            Label::new(
                RichText::new(format!(
                    "{}・{}",
                    age_label(t, card.age),
                    household_label(t, card.household)
                ))
                .small(),
            )
            .wrap(),
        );
        ui.add(
            Label::new(
                RichText::new(format!(
                    "{} {}",
                    worry_icon(card.worry),
                    worry_label(t, card.worry)
                ))
                .strong(),
            )
            .wrap(),
        );
        if worry_words {
            ui.add(Label::new(RichText::new(card.worry_text.get(t.language())).small()).wrap());
        }
        let needs: Vec<String> = game.needs(r).map(|n| need_label(t, content, n)).collect();
        ui.add(
            Label::new(
                RichText::new(format!(
                    "{}: {}",
                    t.t("board.needs"),
                    needs.join(t.t("log.list_separator"))
                ))
                .small(),
            )
            .wrap(),
        );
        if state.year_ends_waited() > 0 {
            ui.add(
                Label::new(
                    RichText::new(t.fmt_count(
                        "board.waited",
                        u64::from(state.year_ends_waited()),
                        &[("count", &state.year_ends_waited())],
                    ))
                    .small(),
                )
                .wrap(),
            );
        }
    });
}

/// The collapse as a short moment: the end screen fades in behind a red
/// frame that fades out (about a second; a click or key shows it at once).
/// Returns how far it is, 0 to 1.
fn collapse_motion(ui: &mut Ui) -> f32 {
    let id = ui.id().with("cc.collapse");
    let skip = super::motion::skip_asked(ui.ctx());
    let started = ui.ctx().data(|d| d.get_temp::<bool>(id)).unwrap_or(false);
    let t = if skip {
        ui.ctx().animate_value_with_time(id, 1.0, 0.0)
    } else if started {
        ui.ctx().animate_value_with_time(id, 1.0, 1.0)
    } else {
        // the first frame: start from nothing
        ui.ctx().data_mut(|d| d.insert_temp(id, true));
        ui.ctx().animate_value_with_time(id, 0.0, 0.0)
    };
    if t < 1.0 {
        let rect = ui.max_rect();
        let alpha = ((1.0 - t) * 220.0) as u8;
        ui.painter().rect_stroke(
            rect.shrink(6.0),
            0.0,
            Stroke::new(
                12.0,
                bevy_egui::egui::Color32::from_rgba_unmultiplied(190, 20, 0, alpha),
            ),
            StrokeKind::Inside,
        );
        ui.ctx().request_repaint();
    }
    t.max(0.05)
}

/// The readable log: recent events as full sentences (from
/// `i18n::describe_all`), newest at the bottom, kept scrolled to the end.
/// The caller adds a heading (`board.log`) if it wants one.
pub fn log_panel(ui: &mut Ui, lines: &[String]) {
    ScrollArea::vertical()
        .id_salt("cc.log")
        .stick_to_bottom(true)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for line in lines {
                ui.add(Label::new(line.as_str()).wrap());
            }
        });
}
