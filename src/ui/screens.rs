//! Screens around the board: the hot-seat handoff card, the game-end screen
//! and the readable log (the year-end summary is in `year_end.rs`).

use bevy_egui::egui::{
    Align, Align2, Key, Label, Layout, Modifiers, RichText, ScrollArea, Sense, Stroke, StrokeKind,
    TextStyle, Ui, WidgetInfo, WidgetType, pos2, vec2,
};

use super::cards::{ResidentLook, resident_card};
use super::map::swatch;
use super::{BoardView, EndIntent};
use crate::i18n::Texts;
use crate::rules::{Game, Outcome};

/// The full-screen card between hot-seat turns: 「次は ○○さん（役割）の番です」.
/// Returns true when the person clicks it or presses Space.
pub fn handoff(ui: &mut Ui, texts: &Texts, name: &str, role: &str) -> bool {
    let sentence = texts.fmt("handoff.next", &[("name", &name), ("role", &role)]);
    let rect = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(rect, Sense::click());
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
/// left there as cards) or survival (residents connected over the years).
/// Draws nothing and returns `None` while the game goes on.
pub fn game_end(ui: &mut Ui, game: &Game, view: &BoardView<'_>) -> Option<EndIntent> {
    let outcome = game.outcome()?;
    let t = view.texts;
    let words = view.words(game);
    let content = game.content();
    let mut intent = None;
    ui.scope(|ui| {
        ui.style_mut().interaction.selectable_labels = false;
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
                let width = (ui.available_width() / 3.0 - ui.spacing().item_spacing.x).max(120.0);
                let look = ResidentLook {
                    show_back: true,
                    ..ResidentLook::default()
                };
                ui.horizontal_wrapped(|ui| {
                    for r in residents {
                        ui.vertical(|ui| {
                            ui.set_width(width);
                            resident_card(ui, game, view, &words, *r, &look, width, true);
                        });
                    }
                });
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
