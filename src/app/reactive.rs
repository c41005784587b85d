//! Keeps reactive rendering idle: drops bevy_egui's repeated `ModifiersChanged`.
//!
//! bevy_egui 0.42 pushes a `ModifiersChanged` event into egui on every frame,
//! egui takes it as input and asks for a repaint, and the app never idles
//! (~37 redraws/s). This passes the event on only when the modifiers changed.

use bevy::ecs::entity::EntityHashMap;
use bevy::prelude::*;
use bevy_egui::{EguiInput, EguiInputSet, EguiPreUpdateSet, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        drop_unchanged_modifiers
            .after(EguiInputSet::WriteEguiEvents)
            .before(EguiPreUpdateSet::BeginPass),
    );
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
