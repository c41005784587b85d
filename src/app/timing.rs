//! Opt-in timing for the app's measurements. With `COMMUNITY_COPING_TIMING=1`
//! the game writes these lines to stderr:
//!
//! - `cc-timing first_interactive_frame` once the first frame that draws the
//!   title screen (its egui pass has run, so it takes input) is rendered;
//! - `cc-timing click_frame` for each left click, once the first frame after
//!   the release that looks different from the frame before the press (its
//!   egui paint output changed: the click's effect) is rendered;
//! - `cc-timing click_no_effect` when nothing changed within 2 s of a release;
//! - `cc-timing targets …`, where the named things to click are, whenever
//!   they move (see [`super::timing_targets`]).
//!
//! The first two carry `unix_us`, the wall-clock time in µs since the Unix
//! epoch, so a driver (`benches/app_timing.rs`) can subtract when it launched
//! the process or sent the click, plus the app's own view (`since_start_ms`
//! from the start of [`super::run`]; `press_ms`/`release_ms` from when Bevy
//! read the button, `built_ms` from the release until the main world had
//! built that frame, so the rest is rendering).
//!
//! "Rendered" means the render thread has submitted the frame, handed it to
//! the window and waited for the GPU to finish it; the wait happens only on
//! frames that carry a mark. Without the variable nothing here is installed.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use bevy::input::ButtonState;
use bevy::input::InputSystems;
use bevy::input::mouse::{MouseButton, MouseButtonInput};
use bevy::prelude::*;
use bevy::render::render_resource::PollType;
use bevy::render::renderer::RenderDevice;
use bevy::render::{ExtractSchedule, MainWorld, Render, RenderApp, RenderSystems};
use bevy_egui::{EguiPostUpdateSet, EguiRenderOutput, PrimaryEguiContext, egui};

use super::screens::Screen;

/// The environment variable that turns the timing lines on (`1`).
pub const TIMING_ENV: &str = "COMMUNITY_COPING_TIMING";

/// A click whose effect has not shown by then is given up.
const NO_EFFECT_AFTER: Duration = Duration::from_secs(2);

/// Whether the variable asks for timing.
pub fn enabled() -> bool {
    std::env::var_os(TIMING_ENV).is_some_and(|v| !v.is_empty() && v != "0")
}

/// Installs the timing systems when [`enabled`]; `started` is when the app
/// began to build.
pub(super) fn install(app: &mut App, started: Instant) {
    if !enabled() {
        return;
    }
    app.insert_resource(Watch {
        started,
        first_done: false,
        last_hash: 0,
        click: None,
    })
    .init_resource::<Marks>()
    .add_systems(PreUpdate, watch_clicks.after(InputSystems))
    .add_systems(
        PostUpdate,
        watch_frames.after(EguiPostUpdateSet::ProcessOutput),
    );
    super::timing_targets::install(app);
    if let Some(render) = app.get_sub_app_mut(RenderApp) {
        render
            .init_resource::<Marks>()
            .add_systems(ExtractSchedule, take_marks)
            .add_systems(Render, report_rendered.in_set(RenderSystems::Cleanup));
    }
}

/// What the main world has seen so far.
#[derive(Resource)]
struct Watch {
    started: Instant,
    first_done: bool,
    /// The paint hash of the last frame.
    last_hash: u64,
    click: Option<Click>,
}

/// A click waiting for its effect on screen.
struct Click {
    pressed: Instant,
    released: Option<Instant>,
    /// The paint hash of the frame before the press.
    before: u64,
}

/// A frame worth reporting once it has been rendered.
enum Mark {
    FirstInteractive {
        started: Instant,
    },
    Click {
        pressed: Instant,
        released: Instant,
        /// When the main world had the changed frame ready for rendering.
        built: Instant,
    },
}

/// Marks of the frame being built (main world) or rendered (render world).
#[derive(Resource, Default)]
struct Marks(Vec<Mark>);

fn watch_clicks(mut buttons: MessageReader<MouseButtonInput>, mut watch: ResMut<Watch>) {
    let now = Instant::now();
    for input in buttons.read() {
        if input.button != MouseButton::Left {
            continue;
        }
        match input.state {
            ButtonState::Pressed => {
                let before = watch.last_hash;
                watch.click = Some(Click {
                    pressed: now,
                    released: None,
                    before,
                });
            }
            ButtonState::Released => {
                if let Some(click) = &mut watch.click {
                    click.released.get_or_insert(now);
                }
            }
        }
    }
}

fn watch_frames(
    outputs: Query<&EguiRenderOutput, With<PrimaryEguiContext>>,
    screen: Option<Res<State<Screen>>>,
    mut watch: ResMut<Watch>,
    mut marks: ResMut<Marks>,
) {
    let Ok(output) = outputs.single() else {
        return;
    };
    let hash = paint_hash(&output.paint_jobs);
    let on_title = screen.is_some_and(|s| *s.get() == Screen::Title);
    if !watch.first_done && on_title && !output.paint_jobs.is_empty() {
        watch.first_done = true;
        marks.0.push(Mark::FirstInteractive {
            started: watch.started,
        });
    }
    if let Some(Click {
        pressed,
        released: Some(released),
        before,
    }) = watch.click
    {
        if hash != before {
            marks.0.push(Mark::Click {
                pressed,
                released,
                built: Instant::now(),
            });
            watch.click = None;
        } else if released.elapsed() > NO_EFFECT_AFTER {
            eprintln!("cc-timing click_no_effect");
            watch.click = None;
        }
    }
    watch.last_hash = hash;
}

/// A cheap digest of what egui paints this frame (positions, texture
/// coordinates, colours and clip rectangles).
fn paint_hash(jobs: &[egui::ClippedPrimitive]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |x: u32| h = (h.rotate_left(5) ^ u64::from(x)).wrapping_mul(0x0100_0000_01b3);
    for job in jobs {
        for v in [job.clip_rect.min, job.clip_rect.max] {
            mix(v.x.to_bits());
            mix(v.y.to_bits());
        }
        if let egui::epaint::Primitive::Mesh(mesh) = &job.primitive {
            mix(mesh.indices.len() as u32);
            for v in &mesh.vertices {
                mix(v.pos.x.to_bits());
                mix(v.pos.y.to_bits());
                mix(v.uv.x.to_bits());
                mix(v.uv.y.to_bits());
                mix(u32::from_le_bytes(v.color.to_array()));
            }
        }
    }
    h
}

/// Moves the frame's marks into the render world with the frame itself.
fn take_marks(mut main: ResMut<MainWorld>, mut marks: ResMut<Marks>) {
    if let Some(mut from) = main.get_resource_mut::<Marks>() {
        marks.0.append(&mut from.0);
    }
}

/// After the frame is presented, waits for the GPU and writes the lines.
fn report_rendered(mut marks: ResMut<Marks>, device: Res<RenderDevice>) {
    if marks.0.is_empty() {
        return;
    }
    if let Err(e) = device.poll(PollType::wait_indefinitely()) {
        eprintln!("cc-timing gpu_wait_failed {e}");
    }
    let now = Instant::now();
    let unix_us = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_micros());
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    for mark in marks.0.drain(..) {
        match mark {
            Mark::FirstInteractive { started } => eprintln!(
                "cc-timing first_interactive_frame unix_us={unix_us} since_start_ms={:.1}",
                ms(now - started)
            ),
            Mark::Click {
                pressed,
                released,
                built,
            } => eprintln!(
                "cc-timing click_frame unix_us={unix_us} press_ms={:.1} release_ms={:.1} built_ms={:.1}",
                ms(now - pressed),
                ms(now - released),
                ms(built - released)
            ),
        }
    }
}
