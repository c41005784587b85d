//! The timeline: residents still waiting in each district at each year end,
//! drawn against the collapse threshold, with event cards, bookmarks and
//! notes marked on their years. Each district's line carries its symbol at
//! every point and its name at the end, so it reads without colour.

use bevy_egui::egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, Ui, pos2, vec2};

use super::{DebriefView, para, section};
use crate::content::DistrictId;
use crate::reflect::{Reflection, RemarkKind};
use crate::ui::map::colour;

/// The tab: the chart, then the marked moments as sentences.
pub(super) fn timeline_tab(ui: &mut Ui, r: &Reflection, view: &DebriefView<'_>) {
    let t = view.texts;
    section(ui, t.t("debrief.timeline.title"));
    para(
        ui,
        &t.fmt("debrief.timeline.explain", &[("threshold", &r.threshold())]),
    );
    let height = (ui.available_width() * 0.4).clamp(260.0, 520.0);
    timeline_chart(ui, r, view, height);
    section(ui, t.t("debrief.timeline.moments"));
    let words = view.words(r);
    let lang = t.language();
    for m in &r.events {
        let name = r.content.event(m.event).name.get(lang);
        para(
            ui,
            &t.fmt(
                "debrief.timeline.event",
                &[("year", &m.year), ("event", &name)],
            ),
        );
    }
    for m in &r.remarks {
        let line = match &m.kind {
            RemarkKind::Note(text) => t.fmt(
                "debrief.timeline.note",
                &[("year", &m.year), ("text", text)],
            ),
            RemarkKind::Bookmark { label, resident } => {
                let what = match (label, resident) {
                    (Some(l), _) => l.clone(),
                    (None, Some(res)) => words.resident(*res).to_owned(),
                    (None, None) => String::new(),
                };
                t.fmt(
                    "debrief.timeline.bookmark",
                    &[("year", &m.year), ("what", &what)],
                )
            }
            RemarkKind::Intervention { reason, .. } => t.fmt(
                "debrief.timeline.intervention",
                &[("year", &m.year), ("reason", reason)],
            ),
        };
        para(ui, &line);
    }
}

/// The chart alone, `height` points tall, as wide as the `ui`.
pub fn timeline_chart(ui: &mut Ui, r: &Reflection, view: &DebriefView<'_>, height: f32) {
    let t = view.texts;
    let content = &r.content;
    let words = view.words(r);
    let first = content.start_year();
    let last = content.end_year().max(first + 1);
    let threshold = r.threshold();
    let top = r
        .trace
        .year_ends
        .iter()
        .flat_map(|y| y.loads.iter().copied())
        .max()
        .unwrap_or(0)
        .max(threshold)
        + 1;
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    let body = FontId::proportional(24.0);
    let small = FontId::proportional(20.0);
    let ink = ui.visuals().strong_text_color();
    let faint = ui.visuals().weak_text_color();
    // Room for the axis labels on the left and bottom, names on the right.
    let plot = Rect::from_min_max(rect.min + vec2(48.0, 32.0), rect.max - vec2(200.0, 40.0));
    // Years sit a little inside the frame, clear of the load labels.
    let pad = 28.0;
    let x_of = |year: i32| {
        plot.left()
            + pad
            + (year - first) as f32 / (last - first) as f32 * (plot.width() - 2.0 * pad)
    };
    let y_of = |load: usize| plot.bottom() - load as f32 / top as f32 * plot.height();
    let painter = ui.painter_at(rect);
    painter.rect_stroke(
        plot,
        0.0,
        Stroke::new(1.0, faint),
        bevy_egui::egui::StrokeKind::Inside,
    );
    for year in first..=last {
        let x = x_of(year);
        painter.line_segment(
            [pos2(x, plot.top()), pos2(x, plot.bottom())],
            Stroke::new(0.5, faint),
        );
        painter.text(
            pos2(x, plot.bottom() + 4.0),
            Align2::CENTER_TOP,
            year.to_string(),
            small.clone(),
            ink,
        );
    }
    for load in (0..=top).step_by(if top > 10 { 2 } else { 1 }) {
        let y = y_of(load);
        painter.text(
            pos2(plot.left() - 6.0, y),
            Align2::RIGHT_CENTER,
            load.to_string(),
            small.clone(),
            ink,
        );
    }
    // Collapse threshold: a heavy dashed line, labelled.
    let ty = y_of(threshold);
    painter.extend(Shape::dashed_line(
        &[pos2(plot.left(), ty), pos2(plot.right(), ty)],
        Stroke::new(3.0, Color32::from_rgb(200, 30, 30)),
        12.0,
        6.0,
    ));
    painter.text(
        pos2(plot.left() + 4.0, ty - 4.0),
        Align2::LEFT_BOTTOM,
        t.fmt("debrief.timeline.threshold", &[("threshold", &threshold)]),
        body.clone(),
        ink,
    );
    // One line per district, each nudged a little so equal loads stay visible.
    let n = content.districts().len() as f32;
    let mut ends: Vec<(f32, String, Color32)> = Vec::new();
    for (i, d) in content.districts().iter().enumerate() {
        let points: Vec<Pos2> = r
            .trace
            .year_ends
            .iter()
            .map(|y| {
                let nudge = (i as f32 - (n - 1.0) / 2.0) * 2.5;
                pos2(
                    x_of(y.year),
                    y_of(y.loads.get(i).copied().unwrap_or(0)) + nudge,
                )
            })
            .collect();
        let c = colour(d);
        painter.add(Shape::line(points.clone(), Stroke::new(4.0, c)));
        for p in &points {
            painter.circle(*p, 12.0, Color32::WHITE, Stroke::new(2.5, c));
            painter.text(
                *p,
                Align2::CENTER_CENTER,
                &d.symbol,
                small.clone(),
                Color32::BLACK,
            );
        }
        if let Some(p) = points.last() {
            let name = format!("{} {}", d.symbol, words.district(DistrictId::from_index(i)));
            ends.push((p.y, name, c));
        }
    }
    // District names at the right, spread so they never overlap.
    ends.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut next_free = f32::MIN;
    for (y, name, c) in ends {
        let y = y.max(next_free);
        painter.line_segment(
            [pos2(plot.right() + 4.0, y), pos2(plot.right() + 14.0, y)],
            Stroke::new(4.0, c),
        );
        painter.text(
            pos2(plot.right() + 18.0, y),
            Align2::LEFT_CENTER,
            name,
            small.clone(),
            ink,
        );
        next_free = y + 24.0;
    }
    // Event cards (▲) and bookmarks/notes (●) along the top, on their year.
    let mut per_year: std::collections::BTreeMap<i32, (usize, usize)> = Default::default();
    for m in &r.events {
        per_year.entry(m.year).or_default().0 += 1;
    }
    for m in &r.remarks {
        per_year.entry(m.year).or_default().1 += 1;
    }
    for (year, (events, remarks)) in &per_year {
        let x = x_of(*year);
        let mut label = String::new();
        if *events > 0 {
            label.push_str(&format!("▲{events} "));
        }
        if *remarks > 0 {
            label.push_str(&format!("●{remarks}"));
        }
        painter.text(
            pos2(x, rect.top() + 2.0),
            Align2::CENTER_TOP,
            label.trim(),
            small.clone(),
            ink,
        );
    }
    // Hover: that year's loads in words.
    if let Some(p) = response.hover_pos() {
        let year = (first
            + (((p.x - plot.left() - pad) / (plot.width() - 2.0 * pad)) * (last - first) as f32)
                .round() as i32)
            .clamp(first, last);
        if let Some(ye) = r.trace.year_ends.iter().find(|y| y.year == year) {
            let x = x_of(year);
            painter.line_segment(
                [pos2(x, plot.top()), pos2(x, plot.bottom())],
                Stroke::new(2.0, ink),
            );
            let lines: Vec<String> = ye
                .loads
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    t.fmt(
                        "debrief.timeline.hover_line",
                        &[
                            ("district", &words.district(DistrictId::from_index(i))),
                            ("load", l),
                        ],
                    )
                })
                .collect();
            response.on_hover_text_at_pointer(format!("{year}\n{}", lines.join("\n")));
        }
    }
}
