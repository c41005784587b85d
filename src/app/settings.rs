//! Settings on screen: language, UI scale (Ctrl +/−) and the high-contrast
//! theme, remembered between sessions.

use bevy::prelude::*;
use bevy_egui::EguiContexts;

use crate::session::{Settings, UI_SCALE_RANGE, save_settings};

/// The settings in force.
#[derive(Resource, Debug, Clone)]
pub struct AppSettings(pub Settings);

impl AppSettings {
    /// Saves the settings; the error is a sentence for the screen.
    pub fn save(&self) -> Result<(), String> {
        save_settings(&self.0).map_err(|e| e.to_string())
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, (scale_keys, apply_look));
}

/// Ctrl + / Ctrl − change the UI scale, Ctrl 0 resets it; F4 toggles high contrast.
fn scale_keys(keys: Res<ButtonInput<KeyCode>>, mut settings: ResMut<AppSettings>) {
    let ctrl = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    let mut scale = settings.0.ui_scale;
    if ctrl && keys.any_just_pressed([KeyCode::Equal, KeyCode::NumpadAdd]) {
        scale += 0.1;
    }
    if ctrl && keys.any_just_pressed([KeyCode::Minus, KeyCode::NumpadSubtract]) {
        scale -= 0.1;
    }
    if ctrl && keys.just_pressed(KeyCode::Digit0) {
        scale = 1.0;
    }
    let mut contrast = settings.0.high_contrast;
    if keys.just_pressed(KeyCode::F4) {
        contrast = !contrast;
    }
    let scale = scale.clamp(*UI_SCALE_RANGE.start(), *UI_SCALE_RANGE.end());
    if (scale - settings.0.ui_scale).abs() > f32::EPSILON || contrast != settings.0.high_contrast {
        settings.0.ui_scale = scale;
        settings.0.high_contrast = contrast;
        let _ = settings.save();
    }
}

/// Applies scale and theme to egui whenever the settings or the window's
/// size change: the window is zoomed so the design canvas fills it
/// ([`crate::ui::style::fit_zoom`]), times the UI scale.
fn apply_look(
    mut contexts: EguiContexts,
    settings: Res<AppSettings>,
    windows: Query<&Window, With<bevy::window::PrimaryWindow>>,
    mut applied: Local<Option<(f32, bool)>>,
) {
    let zoom = windows.single().map_or(settings.0.ui_scale, |w| {
        crate::ui::style::fit_zoom(w.width(), w.height(), settings.0.ui_scale)
    });
    let want = (zoom, settings.0.high_contrast);
    if *applied == Some(want) {
        return;
    }
    let Ok(ctx) = contexts.ctx_mut() else {
        return;
    };
    ctx.set_zoom_factor(want.0);
    ctx.set_visuals(crate::ui::style::visuals(want.1));
    *applied = Some(want);
}
