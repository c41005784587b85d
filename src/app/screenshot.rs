//! Screenshot on request: `COMMUNITY_COPING_SCREENSHOT=/path/out.png` saves the
//! window after a few frames and then quits, for checking the UI by eye.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use bevy::render::view::window::screenshot::{Screenshot, ScreenshotCaptured};
use bevy::window::RequestRedraw;

/// The environment variable naming the PNG to write.
const SCREENSHOT_ENV: &str = "COMMUNITY_COPING_SCREENSHOT";

/// Frames to let the UI settle (fonts, egui's sizing passes) before capturing.
const SETTLE_FRAMES: u32 = 5;

/// A screenshot still to be taken or saved.
#[derive(Resource, Debug)]
struct PendingScreenshot {
    path: PathBuf,
    frames_left: u32,
    requested: bool,
}

pub(super) fn plugin(app: &mut App) {
    let Some(path) = std::env::var_os(SCREENSHOT_ENV).filter(|p| !p.is_empty()) else {
        return;
    };
    app.insert_resource(PendingScreenshot {
        path: PathBuf::from(path),
        frames_left: SETTLE_FRAMES,
        requested: false,
    })
    .add_systems(Update, take_screenshot);
}

/// Counts down the settle frames, then asks for the screenshot. Keeps asking
/// for redraws meanwhile, since reactive mode would otherwise stop drawing.
fn take_screenshot(
    mut commands: Commands,
    mut pending: ResMut<PendingScreenshot>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    redraw.write(RequestRedraw);
    if pending.frames_left > 0 {
        pending.frames_left -= 1;
        return;
    }
    if pending.requested {
        return;
    }
    pending.requested = true;
    let path = pending.path.clone();
    commands.spawn(Screenshot::primary_window()).observe(
        move |captured: On<ScreenshotCaptured>, mut exit: MessageWriter<AppExit>| {
            exit.write(match save_png(captured.image.clone(), &path) {
                Ok(()) => {
                    info!("Screenshot saved to {}", path.display());
                    AppExit::Success
                }
                Err(e) => {
                    error!("Cannot save screenshot to {}: {e}", path.display());
                    AppExit::error()
                }
            });
        },
    );
}

/// Writes the captured window as an RGB PNG (the alpha channel is dropped).
fn save_png(image: Image, path: &Path) -> Result<(), String> {
    let image = image.try_into_dynamic().map_err(|e| e.to_string())?;
    image.to_rgb8().save(path).map_err(|e| e.to_string())
}
