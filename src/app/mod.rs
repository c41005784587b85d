//! The windowed game: a Bevy app with an egui interface, opened by [`run`].
//!
//! For now it shows a placeholder screen; later screens grow here as plugins,
//! one small module each.

mod fonts;
mod no_gpu;
mod placeholder;
mod reactive;
mod screenshot;

use std::process::{ExitCode, Termination};

use bevy::prelude::*;
use bevy::winit::WinitSettings;
use bevy_egui::EguiPlugin;

/// The window title, in both languages the game speaks.
const WINDOW_TITLE: &str = "Community Coping — コミュニティ・コーピング";

/// The scenario's title, shown on screen in Japanese and English.
#[derive(Resource, Debug, Clone)]
pub struct ScenarioTitle {
    pub ja: String,
    pub en: String,
}

/// Opens the game window and runs until the player quits.
///
/// Returns a failing exit code when the app ends with an error; prints a
/// one-line hint and exits non-zero when no Vulkan driver is available.
pub fn run(title_ja: &str, title_en: &str) -> ExitCode {
    no_gpu::install_panic_hook();

    App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                title: WINDOW_TITLE.to_owned(),
                resolution: (1280, 720).into(),
                ..default()
            }),
            ..default()
        }))
        .add_plugins(EguiPlugin::default())
        // Redraw only on input or when egui asks for it, not 60 times a second.
        .insert_resource(WinitSettings::desktop_app())
        .insert_resource(ScenarioTitle {
            ja: title_ja.to_owned(),
            en: title_en.to_owned(),
        })
        .add_systems(Startup, spawn_camera)
        .add_plugins((
            reactive::plugin,
            fonts::plugin,
            placeholder::plugin,
            screenshot::plugin,
        ))
        .run()
        .report()
}

/// egui draws onto the first camera; bevy_egui attaches its primary context to it.
fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}
