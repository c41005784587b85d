//! Named places on the board (a district, a resident card, a button, the
//! hand, the offer row), recorded as the board draws them each frame, so
//! that overlays (the guided first game's callouts), the layout test and the
//! click-timing benchmark find what they point at by name, not by pixels.
//! The title and setup screens record their buttons too, for the benchmark.

use bevy_egui::egui::{Context, Id, Rect};

use crate::content::{DistrictId, ResidentId};

/// A thing on the board that something else may need to point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// The year, whose turn it is, actions left.
    Banner,
    /// A district's panel with its residents.
    District(DistrictId),
    /// A resident's card.
    Resident(ResidentId),
    /// The turn's buttons.
    Listen,
    Prescribe,
    EndTurn,
    Undo,
    /// Link work (decks that have it): Visit, Case conference and Pass a
    /// card in the turn's buttons; their dialogs while open.
    Visit,
    Conference,
    Pass,
    ConferenceDialog,
    PassDialog,
    /// The open resource ideas, and the n-th idea's Create button (from 0).
    Ideas,
    Idea(usize),
    /// The current seat's hand, and its n-th card (from 0).
    Hand,
    HandCard(usize),
    /// The offer row, and its n-th card's connect button (from 0).
    Offer,
    OfferCard(usize),
    /// The coping-skill track.
    Coping,
    /// The town map.
    Map,
    /// The latest log lines.
    Log,
    /// The button that closes the year-end summary.
    YearEndContinue,
    /// The handoff card between seats.
    Handoff,
    /// The title screen's New session button.
    NewSession,
    /// The setup screen's Start and Back buttons.
    SetupStart,
    SetupBack,
}

/// Where each target was drawn in the last frame, in points.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Targets(Vec<(Target, Rect)>);

impl Targets {
    /// Where `target` was drawn, if it was.
    pub fn rect(&self, target: Target) -> Option<Rect> {
        self.0.iter().find(|(t, _)| *t == target).map(|(_, r)| *r)
    }

    /// Every target drawn, in drawing order.
    pub fn iter(&self) -> impl Iterator<Item = &(Target, Rect)> {
        self.0.iter()
    }

    /// The targets of the last finished frame of `ctx`.
    pub fn of(ctx: &Context) -> Targets {
        ctx.data(|d| d.get_temp::<Targets>(done_id()))
            .unwrap_or_default()
    }
}

fn drawing_id() -> Id {
    Id::new("cc.targets.drawing")
}

fn done_id() -> Id {
    Id::new("cc.targets.done")
}

/// Starts a frame's record: what the previous frame drew becomes readable
/// through [`Targets::of`]. Called at the start of each drawn screen; a
/// second call in the same pass does nothing.
pub fn begin(ctx: &Context) {
    let pass = ctx.cumulative_pass_nr();
    let started = Id::new("cc.targets.pass");
    if ctx.data(|d| d.get_temp::<u64>(started)) == Some(pass) {
        return;
    }
    ctx.data_mut(|d| {
        d.insert_temp(started, pass);
        let drawn = d.get_temp::<Targets>(drawing_id()).unwrap_or_default();
        d.insert_temp(done_id(), drawn);
        d.insert_temp(drawing_id(), Targets::default());
    });
}

/// Records where `target` is drawn this frame.
pub fn record(ctx: &Context, target: Target, rect: Rect) {
    ctx.data_mut(|d| {
        let drawing = d.get_temp_mut_or_default::<Targets>(drawing_id());
        drawing.0.retain(|(t, _)| *t != target);
        drawing.0.push((target, rect));
    });
}

/// The targets recorded so far in the frame being drawn.
pub fn drawing(ctx: &Context) -> Targets {
    ctx.data(|d| d.get_temp::<Targets>(drawing_id()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use bevy_egui::egui::{RawInput, pos2, vec2};

    use super::*;

    #[test]
    fn a_second_begin_in_the_same_pass_keeps_the_last_frame() {
        let ctx = Context::default();
        let rect = Rect::from_min_size(pos2(10.0, 20.0), vec2(30.0, 40.0));
        // each pass's textures are dropped unused, so they are cleared first
        let pass = |draw: &dyn Fn(&Context)| {
            ctx.run_ui(RawInput::default(), |ui| draw(ui.ctx()))
                .textures_delta
                .clear();
        };
        pass(&|ctx| {
            begin(ctx);
            record(ctx, Target::EndTurn, rect);
        });
        pass(&|ctx| {
            begin(ctx);
            // the timing probe and a screen may both start the record
            begin(ctx);
            assert_eq!(Targets::of(ctx).rect(Target::EndTurn), Some(rect));
        });
        assert_eq!(Targets::of(&ctx).rect(Target::EndTurn), Some(rect));
    }
}
