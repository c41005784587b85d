//! The guided game's callout: a box with the step's sentence beside the
//! thing it is about, an outline and an arrow on that thing, and the Next,
//! Skip guide and End buttons. [`guide_callout`] only draws and returns what
//! was pressed; the app applies it.

use bevy_egui::egui::{
    self, Area, Color32, Context, Frame, Id, Order, Pos2, Rect, RichText, Stroke, StrokeKind,
    TextStyle, Vec2, vec2,
};

use crate::i18n::Texts;

/// The callout's width in points: a short sentence wraps to three or four
/// lines of body text, and the box fits beside a target on a 1280×720 screen.
pub const CALLOUT_WIDTH: f32 = 520.0;

/// Least distance between the callout and the screen's edge.
const MARGIN: f32 = 16.0;

/// Distance between the callout and the target it points at.
const GAP: f32 = 32.0;

/// Okabe-Ito orange: visible on the light and the dark board alike.
const MARK: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);

/// What the person pressed in the callout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuideIntent {
    /// Next: the step that waits for a click is read.
    Next,
    /// Keep playing without the callouts.
    Skip,
    /// Leave the guided game for the title screen.
    End,
}

/// What the callout shows.
pub struct CalloutView<'a> {
    pub texts: &'a Texts,
    /// The step's sentence, in the table's language.
    pub text: &'a str,
    /// The step's number from 1, and how many steps there are.
    pub position: (usize, usize),
    /// Whether the step waits for Next (otherwise for something done on the board).
    pub next: bool,
    /// Where the step's target was drawn; `None` puts the callout in the middle.
    pub target: Option<Rect>,
}

fn callout_id() -> Id {
    Id::new("cc.guide.callout")
}

/// Where a callout of `size` goes on `screen`: beside `target` (below,
/// above, right, then left of it, the first that does not cover it),
/// always wholly inside the screen; in the middle without a target.
pub fn callout_rect(screen: Rect, target: Option<Rect>, size: Vec2) -> Rect {
    let inner = screen.shrink(MARGIN);
    let size = size.min(inner.size());
    let centre = Rect::from_center_size(screen.center(), size);
    let Some(t) = target else {
        return inside(centre, inner);
    };
    let (c, half) = (t.center(), size / 2.0);
    let candidates = [
        Pos2::new(c.x - half.x, t.bottom() + GAP),
        Pos2::new(c.x - half.x, t.top() - GAP - size.y),
        Pos2::new(t.right() + GAP, c.y - half.y),
        Pos2::new(t.left() - GAP - size.x, c.y - half.y),
    ];
    candidates
        .iter()
        .map(|p| inside(Rect::from_min_size(*p, size), inner))
        .find(|r| !r.intersects(t))
        .unwrap_or_else(|| inside(centre, inner))
}

/// `r` moved (not resized) so that it lies within `inner`.
fn inside(r: Rect, inner: Rect) -> Rect {
    let dx = (inner.left() - r.left()).max(0.0) + (inner.right() - r.right()).min(0.0);
    let dy = (inner.top() - r.top()).max(0.0) + (inner.bottom() - r.bottom()).min(0.0);
    r.translate(vec2(dx, dy))
}

/// Draws the callout over everything else and returns what was pressed.
pub fn guide_callout(ctx: &Context, view: &CalloutView<'_>) -> Option<GuideIntent> {
    let screen = ctx.content_rect();
    let id = callout_id();
    // the box's size as last drawn (a first guess on the first frame)
    let size = ctx
        .memory(|m| m.area_rect(id))
        .map_or(vec2(CALLOUT_WIDTH, 260.0), |r| r.size());
    let rect = callout_rect(screen, view.target, size);
    if let Some(t) = view.target {
        mark(ctx, t, rect);
    }
    let texts = view.texts;
    let mut intent = None;
    let shown = Area::new(id)
        .order(Order::Foreground)
        .fixed_pos(rect.min)
        .constrain_to(screen.shrink(MARGIN))
        .show(ctx, |ui| {
            Frame::popup(ui.style())
                .stroke(Stroke::new(3.0, MARK))
                .inner_margin(20.0)
                .show(ui, |ui| {
                    ui.set_width(CALLOUT_WIDTH - 40.0);
                    let (n, total) = view.position;
                    ui.label(
                        RichText::new(texts.fmt("guide.step", &[("n", &n), ("total", &total)]))
                            .text_style(TextStyle::Small),
                    );
                    ui.label(
                        RichText::new(view.text)
                            .text_style(TextStyle::Body)
                            .strong(),
                    );
                    if !view.next {
                        ui.label(
                            RichText::new(texts.t("guide.do_it")).text_style(TextStyle::Small),
                        );
                    }
                    ui.add_space(8.0);
                    ui.horizontal_wrapped(|ui| {
                        if view.next && ui.button(texts.t("guide.next")).clicked() {
                            intent = Some(GuideIntent::Next);
                        }
                        if ui.button(texts.t("guide.skip")).clicked() {
                            intent = Some(GuideIntent::Skip);
                        }
                        if ui.button(texts.t("guide.end")).clicked() {
                            intent = Some(GuideIntent::End);
                        }
                    });
                });
        });
    // placed with last frame's size: once more if the box grew or shrank
    if shown.response.rect.size() != size {
        ctx.request_repaint();
    }
    intent
}

/// An outline round the target and an arrow to it from the callout's edge.
fn mark(ctx: &Context, target: Rect, callout: Rect) {
    let painter = ctx.layer_painter(egui::LayerId::new(
        Order::Foreground,
        Id::new("cc.guide.mark"),
    ));
    let stroke = Stroke::new(5.0, MARK);
    painter.rect_stroke(target.expand(6.0), 10.0, stroke, StrokeKind::Outside);
    let to = target.expand(10.0).clamp(callout.center());
    let from = callout.clamp(target.center());
    if (to - from).length() > 12.0 {
        painter.arrow(from, to - from, stroke);
    }
}
