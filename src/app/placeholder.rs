//! The placeholder screen: scenario title, a "coming soon" line and a Quit button.

use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui_wants_any_keyboard_input};

use super::ScenarioTitle;
use super::fonts::BODY_SIZE;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw_placeholder_screen)
        .add_systems(
            Update,
            quit_on_key.run_if(not(egui_wants_any_keyboard_input)),
        );
}

/// What the person asked for on the placeholder screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceholderIntent {
    Quit,
}

fn draw_placeholder_screen(
    mut contexts: EguiContexts,
    title: Res<ScenarioTitle>,
    mut exit: MessageWriter<AppExit>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = egui::Ui::new(
        ctx.clone(),
        "placeholder_root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    if let Some(PlaceholderIntent::Quit) = draw_placeholder(&mut root, &title.ja, &title.en) {
        exit.write(AppExit::Success);
    }
    Ok(())
}

/// Draws the placeholder screen, centred, and returns what the person asked for.
pub fn draw_placeholder(
    ui: &mut egui::Ui,
    title_ja: &str,
    title_en: &str,
) -> Option<PlaceholderIntent> {
    egui::CentralPanel::default().show(ui, |_| {});
    egui::Area::new(egui::Id::new("placeholder"))
        .anchor(Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ui.ctx(), |ui| {
            ui.vertical_centered(|ui| {
                ui.label(RichText::new(title_ja).size(64.0).strong());
                ui.label(RichText::new(title_en).size(40.0));
                ui.add_space(48.0);
                ui.label(RichText::new("ゲーム画面は準備中です").size(BODY_SIZE));
                ui.label(RichText::new("The game board is coming soon").size(BODY_SIZE));
                ui.add_space(48.0);
                let quit = egui::Button::new(RichText::new("Quit / 終了").size(32.0))
                    .min_size(egui::vec2(240.0, 64.0));
                ui.add(quit).clicked().then_some(PlaceholderIntent::Quit)
            })
            .inner
        })
        .inner
}

/// Esc or Q closes the placeholder window.
fn quit_on_key(keys: Res<ButtonInput<KeyCode>>, mut exit: MessageWriter<AppExit>) {
    if keys.any_just_pressed([KeyCode::Escape, KeyCode::KeyQ]) {
        exit.write(AppExit::Success);
    }
}
