//! Short animations of what just changed on the board, read from the rules'
//! events: a resident arriving fades in, listening turns the card over (its
//! back folds away), prescribing sends the cards from the hand to the
//! resident, and a need gained at a year end pulses around the card. Each
//! lasts well under a second; any click or key skips them all, and with
//! reduced motion ([`BoardView::motion`] false) none starts. The board asks
//! for frames only while one runs, so an idle board costs no CPU.

use bevy_egui::egui::{
    Align2, Color32, Context, Id, LayerId, Order, Rect, Stroke, StrokeKind, TextStyle, Ui,
};

use super::BoardView;
use super::targets::{Target, Targets};
use crate::content::{ConnectionId, ResidentId};
use crate::rules::{Event, Game};

/// Whether this frame's input asks to skip what is moving: any click or key.
pub(super) fn skip_asked(ctx: &Context) -> bool {
    ctx.input(|i| {
        i.pointer.any_pressed()
            || i.events
                .iter()
                .any(|e| matches!(e, bevy_egui::egui::Event::Key { pressed: true, .. }))
    })
}

/// How long each kind of change is shown, in seconds.
const ARRIVE: f64 = 0.45;
const FLIP: f64 = 0.5;
const TRAVEL: f64 = 0.7;
const PULSE: f64 = 0.9;

/// What is moving.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Arrive(ResidentId),
    Flip(ResidentId),
    /// Cards travelling from `from` to where the resident's card was.
    Travel {
        cards: Vec<ConnectionId>,
        from: Rect,
        to: Rect,
    },
    Pulse(ResidentId),
}

#[derive(Debug, Clone, PartialEq)]
struct Anim {
    kind: Kind,
    start: f64,
    length: f64,
}

/// The animations running on one board, and how many of the table's events
/// it has already seen.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Motion {
    running: Vec<Anim>,
    seen: Option<usize>,
}

impl Motion {
    /// Starts an animation for each new event in `events` (the whole game's,
    /// oldest first). The first call only takes note of where the game is,
    /// so a resumed or reopened board does not replay its history.
    pub(super) fn observe(&mut self, ctx: &Context, view: &BoardView<'_>) {
        let events = view.events;
        let seen = match self.seen {
            Some(seen) if seen <= events.len() => seen,
            _ => {
                self.seen = Some(events.len());
                return;
            }
        };
        self.seen = Some(events.len());
        if !view.motion {
            self.running.clear();
            return;
        }
        let now = ctx.input(|i| i.time);
        let before = Targets::of(ctx);
        for event in &events[seen..] {
            let (kind, length) = match event {
                Event::ResidentArrived { resident, .. } => (Kind::Arrive(*resident), ARRIVE),
                Event::Revealed { resident, .. } => (Kind::Flip(*resident), FLIP),
                Event::NeedGained { resident, .. } => (Kind::Pulse(*resident), PULSE),
                Event::Prescribed {
                    resident, cards, ..
                } => {
                    let (Some(from), Some(to)) = (
                        before.rect(Target::Hand),
                        before.rect(Target::Resident(*resident)),
                    ) else {
                        continue;
                    };
                    let cards = cards.clone();
                    (Kind::Travel { cards, from, to }, TRAVEL)
                }
                _ => continue,
            };
            self.running.push(Anim {
                kind,
                start: now,
                length,
            });
        }
    }

    /// Stops everything (a click or a key skips the animations).
    pub(super) fn skip(&mut self) {
        self.running.clear();
    }

    /// Whether anything is moving.
    pub(super) fn is_running(&self) -> bool {
        !self.running.is_empty()
    }

    /// Drops finished animations, skips all on any click or key, and asks
    /// for the next frame while any runs.
    pub(super) fn tick(&mut self, ctx: &Context) {
        if skip_asked(ctx) {
            self.skip();
        }
        let now = ctx.input(|i| i.time);
        self.running.retain(|a| now < a.start + a.length);
        if self.is_running() {
            ctx.request_repaint();
        }
    }

    /// How far the resident's arrival is, from 0 (just arrived) to 1 (done).
    pub(super) fn arrival(&self, ctx: &Context, r: ResidentId) -> f32 {
        self.progress(ctx, &Kind::Arrive(r)).unwrap_or(1.0)
    }

    fn progress(&self, ctx: &Context, kind: &Kind) -> Option<f32> {
        let now = ctx.input(|i| i.time);
        self.running
            .iter()
            .find(|a| &a.kind == kind)
            .map(|a| (((now - a.start) / a.length).clamp(0.0, 1.0)) as f32)
    }

    /// Paints what overlays the board this frame: the folding backs of
    /// cards just turned over, pulses around cards that gained needs, and
    /// cards on their way to a resident.
    pub(super) fn paint(&self, ui: &Ui, game: &Game, view: &BoardView<'_>) {
        if self.running.is_empty() {
            return;
        }
        let ctx = ui.ctx();
        let drawn = super::targets::drawing(ctx);
        let painter = ctx.layer_painter(LayerId::new(Order::Foreground, Id::new("cc.motion")));
        let ink = ui.visuals().strong_text_color();
        for anim in &self.running {
            let Some(t) = self.progress(ctx, &anim.kind) else {
                continue;
            };
            let ease = 1.0 - (1.0 - t) * (1.0 - t);
            match &anim.kind {
                Kind::Flip(r) => {
                    let Some(card) = drawn.rect(Target::Resident(*r)) else {
                        continue;
                    };
                    let district = game
                        .content()
                        .district(game.content().resident(*r).district);
                    let width = card.width() * (1.0 - ease);
                    let back = Rect::from_center_size(
                        card.center(),
                        bevy_egui::egui::vec2(width, card.height()),
                    );
                    painter.rect_filled(back, 4.0, super::map::colour(district));
                    painter.rect_stroke(back, 4.0, Stroke::new(2.0, ink), StrokeKind::Inside);
                }
                Kind::Pulse(r) => {
                    let Some(card) = drawn.rect(Target::Resident(*r)) else {
                        continue;
                    };
                    let alpha = ((1.0 - t) * 255.0) as u8;
                    let colour = Color32::from_rgba_unmultiplied(200, 40, 0, alpha);
                    painter.rect_stroke(
                        card.expand(2.0 + 6.0 * ease),
                        6.0,
                        Stroke::new(4.0, colour),
                        StrokeKind::Outside,
                    );
                }
                Kind::Travel { cards, from, to } => {
                    let font = TextStyle::Small.resolve(ui.style());
                    let lang = view.texts.language();
                    for (i, card) in cards.iter().enumerate() {
                        let start = from.center() + bevy_egui::egui::vec2(0.0, i as f32 * 28.0);
                        let at = start + (to.center() - start) * ease;
                        let name = game.content().connection(*card).name.get(lang);
                        let galley = painter.layout_no_wrap(name.to_owned(), font.clone(), ink);
                        let plate = Rect::from_center_size(
                            at,
                            galley.size() + bevy_egui::egui::vec2(16.0, 8.0),
                        );
                        painter.rect_filled(plate, 4.0, ui.visuals().extreme_bg_color);
                        painter.rect_stroke(plate, 4.0, Stroke::new(2.0, ink), StrokeKind::Inside);
                        painter.galley(
                            Align2::CENTER_CENTER.anchor_size(at, galley.size()).min,
                            galley,
                            ink,
                        );
                    }
                }
                Kind::Arrive(_) => {}
            }
        }
    }
}
