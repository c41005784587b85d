//! Keeps reactive rendering idle.
//!
//! bevy_egui 0.42 pushes a `ModifiersChanged` event into egui on every frame,
//! egui takes it as input and asks for a repaint, and the app never idles
//! (~37 redraws/s). This passes the event on only when the modifiers changed.
//!
//! Without input the app wakes only for the facilitator's running timer
//! (once a second); otherwise once a minute, focused or not. Bevy's
//! `desktop_app` wakes a focused window every 5 s, and under a software
//! renderer each such frame costs ~0.1 s of CPU: 2.6 % of a core on an idle
//! board.

use std::time::Duration;

use bevy::ecs::entity::EntityHashMap;
use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};

use super::facilitator::{Facilitator, PanelMode};
use super::screens::Screen;
use super::table::Table;
use bevy_egui::{EguiInput, EguiInputSet, EguiPreUpdateSet, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        drop_unchanged_modifiers
            .after(EguiInputSet::WriteEguiEvents)
            .before(EguiPreUpdateSet::BeginPass),
    )
    .add_systems(Last, pace_wakeups);
}

/// How long an idle app sleeps: a second while the facilitator's timer runs
/// on screen, else a minute.
pub(super) fn idle_wake(timer_on_screen: bool) -> Duration {
    if timer_on_screen {
        Duration::from_secs(1)
    } else {
        Duration::from_secs(60)
    }
}

fn pace_wakeups(
    fac: Res<Facilitator>,
    table: Option<Res<Table>>,
    screen: Option<Res<State<Screen>>>,
    settings: Option<ResMut<WinitSettings>>,
) {
    let Some(mut settings) = settings else {
        return;
    };
    let playing = screen.is_some_and(|s| *s.get() == Screen::Playing);
    let timer = playing
        && fac.enabled
        && fac.panel != PanelMode::Off
        && table.is_some_and(|t| !t.paused && !t.game.is_over());
    let wait = idle_wake(timer);
    let focused = UpdateMode::reactive(wait);
    if settings.focused_mode != focused {
        settings.focused_mode = focused;
        settings.unfocused_mode = UpdateMode::reactive_low_power(wait);
    }
}

/// Removes `ModifiersChanged` events that repeat the last modifiers each context saw.
fn drop_unchanged_modifiers(
    mut inputs: Query<(Entity, &mut EguiInput)>,
    mut last_seen: Local<EntityHashMap<egui::Modifiers>>,
) {
    for (entity, mut input) in &mut inputs {
        let last = last_seen.entry(entity).or_default();
        input.events.retain(|event| match event {
            egui::Event::ModifiersChanged(modifiers) if modifiers == last => false,
            egui::Event::ModifiersChanged(modifiers) => {
                *last = *modifiers;
                true
            }
            _ => true,
        });
    }
}
