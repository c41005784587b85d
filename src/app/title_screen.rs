//! The title screen: new session, the guided first game, resume the
//! unfinished one, open a saved session (its debrief, and the cross-session
//! report), language, quit.

use bevy_egui::egui;

use crate::i18n::{LANGUAGES, Texts};
use crate::session::SessionSummary;

/// What the person asked for on the title screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TitleIntent {
    NewSession,
    /// 「はじめての方へ」: the guided first game.
    Guided,
    Resume,
    /// The saved sessions list (debriefs and the report).
    Sessions,
    Language(&'static str),
    Quit,
}

/// Draws the title screen, centred. `resume` is the latest unfinished session.
pub fn title_screen(
    ui: &mut egui::Ui,
    texts: &Texts,
    title: &str,
    resume: Option<&SessionSummary>,
    notice: Option<&str>,
) -> Option<TitleIntent> {
    let mut intent = None;
    ui.vertical_centered(|ui| {
        ui.add_space(48.0);
        ui.label(egui::RichText::new(texts.t("app.name")).size(64.0).strong());
        ui.label(egui::RichText::new(title).size(36.0));
        ui.add_space(40.0);
        let big = |text: &str| {
            egui::Button::new(egui::RichText::new(text).size(32.0))
                .min_size(egui::vec2(420.0, 64.0))
        };
        let new_session = ui.add(big(texts.t("title.new_session")));
        crate::ui::targets::record(ui.ctx(), crate::ui::Target::NewSession, new_session.rect);
        if new_session.clicked() {
            intent = Some(TitleIntent::NewSession);
        }
        if ui.add(big(texts.t("title.guided"))).clicked() {
            intent = Some(TitleIntent::Guided);
        }
        match resume {
            Some(s) => {
                let detail = texts.fmt(
                    "title.resume_detail",
                    &[
                        ("date", &s.created.get(..10).unwrap_or(&s.created)),
                        ("scenario", &s.deck_id),
                        ("year", &s.year_reached),
                    ],
                );
                let detail = if s.practice {
                    texts.fmt("session.practice_line", &[("line", &detail)])
                } else {
                    detail
                };
                if ui
                    .add(big(texts.t("title.resume")))
                    .on_hover_text(&detail)
                    .clicked()
                {
                    intent = Some(TitleIntent::Resume);
                }
                ui.label(detail);
                if s.damaged() {
                    ui.label(texts.t("title.resume_damaged"));
                }
            }
            None => {
                ui.add_enabled(false, big(texts.t("title.resume")));
                ui.label(texts.t("title.no_unfinished"));
            }
        }
        if ui.add(big(texts.t("title.open_finished"))).clicked() {
            intent = Some(TitleIntent::Sessions);
        }
        ui.add_space(24.0);
        // As wide as the big buttons, so the row sits centred under them.
        let row = egui::vec2(420.0, ui.spacing().interact_size.y);
        ui.allocate_ui_with_layout(
            row,
            egui::Layout::left_to_right(egui::Align::Center),
            |ui| {
                ui.label(texts.t("title.language"));
                for (code, name) in LANGUAGES {
                    if ui
                        .selectable_label(texts.language() == code, name)
                        .clicked()
                    {
                        intent = Some(TitleIntent::Language(code));
                    }
                }
            },
        );
        ui.add_space(24.0);
        if ui.add(big(texts.t("title.quit"))).clicked() {
            intent = Some(TitleIntent::Quit);
        }
        if let Some(n) = notice {
            ui.add_space(24.0);
            ui.label(egui::RichText::new(format!("！ {n}")));
        }
    });
    intent
}
