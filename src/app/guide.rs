//! The guided first game in the app: the title screen's 「はじめての方へ」
//! starts the built-in tutorial deck as an ordinary game (seat 1 the person,
//! the others bots, no session file), and its guide's callouts are drawn
//! over the board. The guide follows the table's events; the callout's
//! intent is applied by one system.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::AppTexts;
use super::guide_callout::{CalloutView, GuideIntent, guide_callout};
use super::play::PlayState;
use super::screens::Screen;
use super::table::{Stage, Table};
use crate::guide::{Advance, Guide, Pointer, tutorial};
use crate::i18n::Texts;
use crate::session::{ScenarioSource, SessionHeader};
use crate::ui::{Target, Targets};

/// The guide of the game being played, while its callouts show.
#[derive(Resource)]
pub struct GuideOverlay {
    pub guide: Guide,
    /// How many of the table's events the guide has read.
    seen: usize,
    /// The callout's last choice, for [`apply_intent`].
    pending: Option<GuideIntent>,
}

impl GuideOverlay {
    /// Whether the guide waits for the person to read and press Next: the
    /// bots wait too, so nothing moves on under the callout.
    pub fn holds_bots(&self) -> bool {
        self.guide
            .step()
            .is_some_and(|s| s.advance == crate::guide::Advance::Click)
    }

    pub fn new(guide: Guide) -> Self {
        Self {
            guide,
            seen: 0,
            pending: None,
        }
    }

    /// Asks for a callout choice to be applied (as pressing it does).
    pub fn request(&mut self, intent: GuideIntent) {
        self.pending = Some(intent);
    }
}

pub(super) fn plugin(app: &mut App) {
    logic(app);
    app.add_systems(EguiPrimaryContextPass, draw_callout.run_if(live()));
}

/// The systems that move the guide without drawing: following the table's
/// events and applying the callout's intent.
pub(super) fn logic(app: &mut App) {
    app.add_systems(Update, (follow_table, apply_intent).chain().run_if(live()))
        .add_systems(OnExit(Screen::Playing), |mut commands: Commands| {
            commands.remove_resource::<GuideOverlay>();
        });
}

fn live() -> impl SystemCondition<()> {
    in_state(Screen::Playing)
        .and_then(resource_exists::<GuideOverlay>)
        .and_then(resource_exists::<Table>)
}

/// Starts the guided game: the built-in tutorial deck with its guide's
/// seed and seats, seat names in the table's language, kept in memory only.
pub fn start_guided(texts: &Texts) -> Result<(Table, GuideOverlay), String> {
    let cannot = |e: &str| texts.fmt("guide.cannot_start", &[("error", &e)]);
    let t = tutorial().map_err(|e| cannot(&e))?;
    let setup = t.script.setup(texts.language());
    let source = ScenarioSource::BuiltIn(t.content.id().to_owned());
    let header = SessionHeader::new(&t.content, source, setup);
    let mut table = Table::start(t.content, header, None).map_err(|e| cannot(&e))?;
    // one person at the table: there is no one to hand the first turn to
    table.handoff_pending = false;
    Ok((table, GuideOverlay::new(Guide::new(t.script.steps))))
}

/// The board's name for what a step points at.
pub fn target_of(pointer: Pointer) -> Option<Target> {
    Some(match pointer {
        Pointer::Centre => return None,
        Pointer::Banner => Target::Banner,
        Pointer::District(d) => Target::District(d),
        Pointer::Resident(r) => Target::Resident(r),
        Pointer::Listen => Target::Listen,
        Pointer::Prescribe => Target::Prescribe,
        Pointer::EndTurn => Target::EndTurn,
        Pointer::Undo => Target::Undo,
        Pointer::Hand => Target::Hand,
        Pointer::HandCard(n) => Target::HandCard(n),
        Pointer::Offer => Target::Offer,
        Pointer::OfferCard(n) => Target::OfferCard(n),
        Pointer::Coping => Target::Coping,
        Pointer::Map => Target::Map,
        Pointer::Log => Target::Log,
        Pointer::YearEndContinue => Target::YearEndContinue,
        Pointer::Handoff => Target::Handoff,
        Pointer::Visit => Target::Visit,
        Pointer::Conference => Target::Conference,
        Pointer::Pass => Target::Pass,
        Pointer::Ideas => Target::Ideas,
    })
}

/// Feeds the guide the events the table recorded since it last looked (an
/// undo rebuilds the table's events: the guide never goes back).
fn follow_table(table: Res<Table>, mut overlay: ResMut<GuideOverlay>) {
    let overlay = &mut *overlay;
    let events = &table.events;
    if overlay.seen < events.len() {
        overlay.guide.observe(&events[overlay.seen..]);
    }
    overlay.seen = events.len();
}

/// Applies the callout's choice: the one place the guide's buttons act.
fn apply_intent(
    mut overlay: ResMut<GuideOverlay>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    match overlay.pending.take() {
        Some(GuideIntent::Next) => {
            overlay.guide.next();
        }
        Some(GuideIntent::Skip) => commands.remove_resource::<GuideOverlay>(),
        Some(GuideIntent::End) => {
            commands.remove_resource::<GuideOverlay>();
            commands.remove_resource::<Table>();
            next.set(Screen::Title);
        }
        None => {}
    }
}

/// Draws the showing step's callout, unless the menu or the pause covers
/// the board or the game is over.
fn draw_callout(
    mut contexts: EguiContexts,
    mut overlay: ResMut<GuideOverlay>,
    table: Res<Table>,
    play: Res<PlayState>,
    texts: Res<AppTexts>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if play.menu.is_some() || table.paused || table.stage() == Stage::Over {
        return Ok(());
    }
    let Some(step) = overlay.guide.step() else {
        return Ok(());
    };
    let texts = &texts.0;
    let target = target_of(step.target).and_then(|t| Targets::of(ctx).rect(t));
    let view = CalloutView {
        texts,
        text: step.text.get(texts.language()),
        position: overlay.guide.position(),
        next: step.advance == Advance::Click,
        target,
    };
    if let Some(intent) = guide_callout(ctx, &view) {
        overlay.pending = Some(intent);
    }
    Ok(())
}
