//! Where the clickable things are, for the timing benchmark. With
//! `COMMUNITY_COPING_TIMING=1` (see [`super::timing`]) the game writes
//!
//! `cc-timing targets NAME=x,y,w,h NAME=x,y,w,h …`
//!
//! to stderr after each frame whose named targets ([`crate::ui::targets`])
//! moved, appeared or went away: every target of that frame, in window
//! pixels (the targets' egui points times the context's pixels per point,
//! so the zoom that fits the canvas to the window is included), rounded.
//! Names are `new_session`, `setup_start`, `setup_back`, `handoff`,
//! `end_turn`, `listen`, `resident:N`, `district:N`, `offer_card:N`, … (see
//! [`name`]). The benchmark clicks their centres, so a layout change does
//! not break it.
//!
//! It also starts each frame's target record ([`crate::ui::targets::begin`])
//! once the frame is drawn, which a screen may do as well.

use std::fmt::Write as _;

use bevy::prelude::*;
use bevy_egui::{EguiContext, EguiPostUpdateSet, PrimaryEguiContext};

use crate::ui::targets::{self, Target};

/// Adds the system; called by [`super::timing::install`] only when timing
/// is on, so without it the app never prints these lines.
pub(super) fn install(app: &mut App) {
    app.add_systems(
        PostUpdate,
        report_targets.after(EguiPostUpdateSet::ProcessOutput),
    );
}

/// Prints the frame's targets when they differ from the last line printed,
/// then starts the next frame's record.
fn report_targets(
    mut contexts: Query<&mut EguiContext, With<PrimaryEguiContext>>,
    mut last: Local<Option<String>>,
) {
    let Ok(mut context) = contexts.single_mut() else {
        return;
    };
    let ctx = context.get_mut();
    let line = targets_line(&targets::drawing(ctx), ctx.pixels_per_point());
    targets::begin(ctx);
    if last.as_ref() != Some(&line) {
        eprintln!("{line}");
        *last = Some(line);
    }
}

/// The `cc-timing targets …` line for `drawn`, at `scale` pixels per point.
fn targets_line(drawn: &targets::Targets, scale: f32) -> String {
    let mut line = "cc-timing targets".to_owned();
    for (target, rect) in drawn.iter() {
        let r = *rect * scale;
        let _ = write!(
            line,
            " {}={:.0},{:.0},{:.0},{:.0}",
            name(*target),
            r.min.x,
            r.min.y,
            r.width(),
            r.height()
        );
    }
    line
}

/// A target's name in the line: no spaces, no `=`.
fn name(target: Target) -> String {
    let fixed = match target {
        Target::District(d) => return format!("district:{}", d.index()),
        Target::Resident(r) => return format!("resident:{}", r.index()),
        Target::HandCard(i) => return format!("hand_card:{i}"),
        Target::OfferCard(i) => return format!("offer_card:{i}"),
        Target::Idea(i) => return format!("idea:{i}"),
        Target::Banner => "banner",
        Target::Listen => "listen",
        Target::Prescribe => "prescribe",
        Target::EndTurn => "end_turn",
        Target::Undo => "undo",
        Target::Visit => "visit",
        Target::Conference => "conference",
        Target::Pass => "pass",
        Target::ConferenceDialog => "conference_dialog",
        Target::PassDialog => "pass_dialog",
        Target::Ideas => "ideas",
        Target::Hand => "hand",
        Target::Offer => "offer",
        Target::Coping => "coping",
        Target::Map => "map",
        Target::Log => "log",
        Target::YearEndContinue => "year_end_continue",
        Target::Handoff => "handoff",
        Target::NewSession => "new_session",
        Target::SetupStart => "setup_start",
        Target::SetupBack => "setup_back",
    };
    fixed.to_owned()
}

#[cfg(test)]
mod tests {
    use bevy_egui::egui::{Context, Rect, pos2, vec2};

    use super::*;
    use crate::content::ResidentId;

    #[test]
    fn the_line_names_each_target_in_window_pixels() {
        let ctx = Context::default();
        targets::begin(&ctx);
        let rect = Rect::from_min_size(pos2(100.0, 30.0), vec2(420.0, 64.0));
        targets::record(&ctx, Target::NewSession, rect);
        targets::record(&ctx, Target::Resident(ResidentId::from_index(7)), rect);
        // the 1920x1080 canvas in a 1280x720 window
        let line = targets_line(&targets::drawing(&ctx), 2.0 / 3.0);
        assert_eq!(
            line,
            "cc-timing targets new_session=67,20,280,43 resident:7=67,20,280,43"
        );
    }
}
