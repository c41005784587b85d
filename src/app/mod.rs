//! The windowed game: a thin Bevy + egui shell over the rules, opened by [`run`].
//! One plugin per concern; UI functions draw and return intents, and one
//! place ([`table::Table::apply`]) applies them through the rules and the
//! session journal.

mod debrief;
mod demo;
mod display;
mod facilitator;
mod fonts;
mod guide;
mod guide_callout;
mod no_gpu;
mod open_folder;
mod play;
mod reactive;
mod report_screen;
mod screens;
mod screenshot;
mod sessions_screen;
mod settings;
mod setup_form;
mod table;
mod timing;
mod timing_targets;
mod title_screen;

use std::process::{ExitCode, Termination};
use std::sync::Arc;

use bevy::prelude::*;
use bevy::winit::WinitSettings;
use bevy_egui::EguiPlugin;

use crate::cli::WindowChoice;
use crate::content::Content;
use crate::i18n::Texts;
use crate::session::{ScenarioSource, load_settings};

pub use debrief::DebriefSession;
pub use facilitator::{Facilitator, PanelMode, facilitator_window};
pub use guide::{GuideOverlay, start_guided, target_of};
pub use guide_callout::{CALLOUT_WIDTH, CalloutView, GuideIntent, callout_rect, guide_callout};
pub use open_folder::{OpenFolderError, containing_folder, open_containing_folder};
pub use play::{PlayIntent, PlayState, main_window};
pub use report_screen::{ReportIntent, report_view};
pub use screens::Screen;
pub use sessions_screen::{SessionsIntent, sessions_list};
pub use settings::AppSettings;
pub use setup_form::{SeatForm, SetupForm, SetupIntent, setup_screen};
pub use table::{Stage, Table};
pub use title_screen::{TitleIntent, title_screen};

/// The window title, in both languages the game speaks.
const WINDOW_TITLE: &str = "Community Coping — コミュニティ・コーピング";

/// The scenario being played and where it came from.
#[derive(Resource, Clone)]
pub struct Scenario {
    pub content: Arc<Content>,
    pub source: ScenarioSource,
}

/// The UI's words in the chosen language.
#[derive(Resource)]
pub struct AppTexts(pub Texts);

/// Opens the game window and runs until the player quits.
///
/// Returns a failing exit code when the app ends with an error; prints a
/// one-line hint and exits non-zero when there is no display or no Vulkan
/// driver.
pub fn run(content: Arc<Content>, source: ScenarioSource, window: WindowChoice) -> ExitCode {
    let started = std::time::Instant::now();
    if let Some(line) = display::missing_display() {
        eprintln!("{line}");
        return ExitCode::FAILURE;
    }
    no_gpu::install_panic_hook();
    let (settings, notice) = load_settings();
    let texts = Texts::load(&settings.language);

    App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(primary_window(window)),
            ..default()
        }))
        .add_plugins(EguiPlugin::default())
        // Redraw only on input or when egui asks for it, not 60 times a second.
        .insert_resource(WinitSettings::desktop_app())
        .insert_resource(Scenario { content, source })
        .insert_resource(AppTexts(texts))
        .insert_resource(settings::AppSettings(settings))
        .insert_resource(screens::TitleState::with_notice(notice))
        .init_resource::<facilitator::Facilitator>()
        .add_observer(no_msaa)
        .add_systems(Startup, spawn_camera)
        .add_plugins((
            reactive::plugin,
            fonts::plugin,
            settings::plugin,
            screens::plugin,
            play::plugin,
            debrief::plugin,
            sessions_screen::plugin,
            report_screen::plugin,
            facilitator::plugin,
            screenshot::plugin,
            demo::plugin,
            guide::plugin,
            move |app: &mut App| timing::install(app, started),
        ))
        .run()
        .report()
}

/// The game's logic without a window: screen states, bots at their pace and
/// the play clock. For Bevy app tests with `MinimalPlugins` + `StatesPlugin`;
/// the caller inserts [`AppTexts`], [`AppSettings`] and a [`Table`].
pub fn headless(app: &mut App) {
    app.init_state::<Screen>()
        .add_message::<bevy::window::RequestRedraw>()
        .init_resource::<facilitator::Facilitator>();
    play::logic(app);
    guide::logic(app);
}

/// A full-window root `Ui` for this frame's panels (egui 0.36 panels are
/// shown inside a `Ui`).
pub(crate) fn root_ui(ctx: &bevy_egui::egui::Context, id: &'static str) -> bevy_egui::egui::Ui {
    use bevy_egui::egui;
    egui::Ui::new(
        ctx.clone(),
        id.into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

/// egui draws onto the first camera; bevy_egui attaches its primary context to it.
fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

/// Every camera (the board's and the facilitator window's) renders without
/// multisampling: egui draws straight into the window's single-sampled
/// texture, so MSAA would only add a 4× colour and depth buffer per window
/// (about 60 MB at 1920×1080) and clear them every frame.
fn no_msaa(add: On<Add, Camera>, mut commands: Commands) {
    commands.entity(add.entity).insert(Msaa::Off);
}

/// The game's window as the command line chose it: as large as the display
/// (a maximised 1920×1080 window where the window system cannot maximise),
/// an exact size, or full screen on the current display.
fn primary_window(choice: WindowChoice) -> Window {
    let mut window = Window {
        title: WINDOW_TITLE.to_owned(),
        resolution: (1920, 1080).into(),
        ..default()
    };
    match choice {
        WindowChoice::Display => window.set_maximized(true),
        WindowChoice::Size(size) => window.resolution = (size.width, size.height).into(),
        WindowChoice::Fullscreen => {
            window.mode = bevy::window::WindowMode::BorderlessFullscreen(
                bevy::window::MonitorSelection::Current,
            );
        }
    }
    window
}
