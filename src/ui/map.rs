//! The town map drawn from the scenario's map data: each district's outline
//! filled with its colour and its pattern, its symbol and name, and its load
//! against the collapse threshold as pips, a number and a warning glyph.

use bevy_egui::egui::{
    Align2, Color32, FontId, Mesh, Painter, Pos2, Rect, Sense, Shape, Stroke, StrokeKind,
    TextStyle, Ui, Vec2, WidgetInfo, WidgetType, pos2, vec2,
};

use super::BoardView;
use crate::content::{District, DistrictId, Pattern};
use crate::i18n::{LogContext, Texts};
use crate::rules::{Game, Pressure};

/// Width over height of the drawn map (the map data is in 0..1 both ways).
const MAP_ASPECT: f32 = 1.6;

/// `●●●○○ 3/5`: the load as pips and a number.
pub(super) fn load_pips(texts: &Texts, load: usize, threshold: usize) -> String {
    let filled = load.min(threshold);
    let mut s: String = "●".repeat(filled) + &"○".repeat(threshold - filled);
    if load > threshold {
        s.push_str(&format!("+{}", load - threshold));
    }
    s.push(' ');
    s.push_str(&texts.fmt(
        "board.load_short",
        &[("load", &load), ("threshold", &threshold)],
    ));
    s
}

/// The full sentence for a district's load, for hover texts and screen readers.
pub(super) fn load_sentence(
    words: &LogContext<'_>,
    d: DistrictId,
    load: usize,
    threshold: usize,
) -> String {
    let t = words.texts;
    format!(
        "{} {}",
        words.district(d),
        t.fmt("board.load", &[("load", &load), ("threshold", &threshold)])
    )
}

/// Draws the map, as large as fits `max_height`; `highlight` gets a heavy
/// outline; `named` puts each district's name on its label too.
pub(super) fn town_map(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    highlight: Option<DistrictId>,
    max_height: f32,
    named: bool,
) {
    let districts = game.content().districts();
    let Some((min, max)) = bounds(districts) else {
        return;
    };
    let mut size = vec2(ui.available_width(), ui.available_width() / MAP_ASPECT);
    if size.y > max_height {
        size = vec2(max_height * MAP_ASPECT, max_height);
    }
    let threshold = game.collapse_threshold();
    let loads = game.loads();
    // The labels (painted last, so no neighbour's fill covers them): the
    // symbol and the load on one plate each (the names are on the district
    // panels), pushed apart where two would touch and kept inside the map.
    let labels: Vec<(String, (f32, f32))> = districts
        .iter()
        .enumerate()
        .map(|(i, district)| {
            let load = loads.get(i).copied().unwrap_or(0);
            let load = map_load(view.texts, load, threshold);
            // The board names districts on their panels; a map on its own names them here.
            let text = if named {
                let name = words.district(DistrictId::from_index(i));
                format!("{} {name} {load}", district.symbol)
            } else {
                format!("{} {load}", district.symbol)
            };
            (text, district.position)
        })
        .collect();
    // A map on its own (the replay's) is large: its labels are body text.
    let style = if named {
        TextStyle::Body
    } else {
        TextStyle::Small
    };
    let font = style.resolve(ui.style());
    let span = (max - min).max(Vec2::splat(f32::EPSILON));
    let at = |rect: Rect| {
        move |(x, y): (f32, f32)| {
            rect.min + vec2((x - min.x) / span.x * size.x, (y - min.y) / span.y * size.y)
        }
    };
    let placed = |rect: Rect| -> Vec<(String, Pos2)> {
        let to_screen = at(rect);
        labels
            .iter()
            .map(|(text, p)| (text.clone(), to_screen(*p)))
            .collect()
    };
    // The board's map, too small to set its labels apart, is left out.
    let trial = Rect::from_min_size(Pos2::ZERO, size);
    let plates = place_labels(ui.painter(), &font, trial, &placed(trial));
    let apart = plates.iter().enumerate().all(|(i, a)| {
        plates[i + 1..].iter().all(|b| {
            let both = a.intersect(*b);
            both.width() <= 0.0 || both.height() <= 0.0
        })
    });
    if !apart && !named {
        return;
    }
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    let to_screen = at(rect);
    let labels = placed(rect);
    let painter = ui.painter_at(rect.expand(4.0));
    let body = TextStyle::Body.resolve(ui.style());
    let spacing = (body.size * 0.7).max(6.0);
    let ink = ui.visuals().strong_text_color();
    let outline = Stroke::new(if view.high_contrast { 3.0 } else { 1.5 }, ink);

    for (i, district) in districts.iter().enumerate() {
        let poly: Vec<Pos2> = district.outline.iter().map(|p| to_screen(*p)).collect();
        let fill = colour(district);
        fill_polygon(&painter, &poly, fill);
        paint_pattern(
            &painter,
            &poly,
            district.pattern,
            spacing,
            pattern_stroke(fill, view.high_contrast),
        );
        let heavy = highlight == Some(DistrictId::from_index(i));
        let stroke = if heavy {
            Stroke::new(outline.width * 3.0, ink)
        } else {
            outline
        };
        painter.add(Shape::closed_line(poly, stroke));
    }

    let plates = place_labels(&painter, &font, rect, &labels);
    for (i, ((text, _), plate)) in labels.iter().zip(&plates).enumerate() {
        let d = DistrictId::from_index(i);
        let load = loads.get(i).copied().unwrap_or(0);
        label_plate(ui, &painter, *plate, text, &font, view.high_contrast);
        let sentence = load_sentence(words, d, load, threshold);
        let response = ui.interact(*plate, ui.id().with(("cc.map.district", i)), Sense::hover());
        response.widget_info(|| WidgetInfo::labeled(WidgetType::Label, true, &sentence));
        response.on_hover_text(sentence);
    }
}

/// `2/4`, with `！` one short of the threshold and `‼` at it.
fn map_load(texts: &Texts, load: usize, threshold: usize) -> String {
    let short = texts.fmt(
        "board.load_short",
        &[("load", &load), ("threshold", &threshold)],
    );
    match Pressure::of(load, threshold) {
        Pressure::Safe => short,
        Pressure::OneShort => format!("{short}！"),
        Pressure::Collapses => format!("{short}‼"),
    }
}

/// Plates for `labels` centred on their points, then pushed apart (a few
/// rounds of halving each overlap) and kept inside `area`.
fn place_labels(
    painter: &Painter,
    font: &FontId,
    area: Rect,
    labels: &[(String, Pos2)],
) -> Vec<Rect> {
    let pad = vec2(6.0, 2.0);
    let mut plates: Vec<Rect> = labels
        .iter()
        .map(|(text, centre)| {
            let galley = painter.layout_no_wrap(text.clone(), font.clone(), Color32::BLACK);
            Rect::from_center_size(*centre, galley.size() + 2.0 * pad)
        })
        .collect();
    for _ in 0..24 {
        let mut moved = false;
        for i in 0..plates.len() {
            for j in i + 1..plates.len() {
                let overlap = plates[i].intersect(plates[j]);
                if overlap.width() <= 0.0 || overlap.height() <= 0.0 {
                    continue;
                }
                moved = true;
                // Move apart along the axis that needs less movement.
                let (a, b) = (plates[i].center(), plates[j].center());
                let push = if overlap.width() < overlap.height() {
                    vec2(
                        (overlap.width() / 2.0 + 1.0) * (a.x - b.x).signum().max(-1.0),
                        0.0,
                    )
                } else {
                    let dir = if a.y <= b.y { -1.0 } else { 1.0 };
                    vec2(0.0, (overlap.height() / 2.0 + 1.0) * dir)
                };
                plates[i] = plates[i].translate(push);
                plates[j] = plates[j].translate(-push);
            }
        }
        for plate in &mut plates {
            *plate = keep_inside(*plate, area);
        }
        if !moved {
            break;
        }
    }
    plates
}

/// `plate` moved (not resized) so that it lies inside `area` where it fits.
fn keep_inside(plate: Rect, area: Rect) -> Rect {
    let mut shift = Vec2::ZERO;
    if plate.left() < area.left() {
        shift.x = area.left() - plate.left();
    } else if plate.right() > area.right() {
        shift.x = area.right() - plate.right();
    }
    if plate.top() < area.top() {
        shift.y = area.top() - plate.top();
    } else if plate.bottom() > area.bottom() {
        shift.y = area.bottom() - plate.bottom();
    }
    plate.translate(shift)
}

/// One line of text centred on a plate that keeps it readable over any pattern.
fn label_plate(
    ui: &Ui,
    painter: &Painter,
    rect: Rect,
    text: &str,
    font: &FontId,
    high_contrast: bool,
) {
    let visuals = ui.visuals();
    let ink = visuals.strong_text_color();
    let width = if high_contrast { 2.0 } else { 1.0 };
    painter.rect_filled(rect, 4.0, visuals.extreme_bg_color);
    painter.rect_stroke(rect, 4.0, Stroke::new(width, ink), StrokeKind::Inside);
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        text,
        font.clone(),
        ink,
    );
}

/// A small rectangle filled with the district's colour, pattern and symbol.
pub(super) fn swatch(ui: &mut Ui, district: &District, high_contrast: bool) {
    let font = TextStyle::Small.resolve(ui.style());
    let size = vec2(font.size * 2.2, font.size * 1.3);
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    let painter = ui.painter_at(rect);
    let fill = colour(district);
    let poly = [
        rect.left_top(),
        rect.right_top(),
        rect.right_bottom(),
        rect.left_bottom(),
    ];
    fill_polygon(&painter, &poly, fill);
    paint_pattern(
        &painter,
        &poly,
        district.pattern,
        (font.size * 0.45).max(4.0),
        pattern_stroke(fill, high_contrast),
    );
    let ink = ui.visuals().strong_text_color();
    painter.rect_stroke(rect, 0.0, Stroke::new(1.5, ink), StrokeKind::Inside);
    let plate = Rect::from_center_size(rect.center(), Vec2::splat(font.size * 1.1));
    painter.rect_filled(plate, 3.0, ui.visuals().extreme_bg_color);
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        &district.symbol,
        font,
        ink,
    );
}

/// Fills `rect` with the district's colour and pattern (a card's edge).
pub(super) fn paint_band(painter: &Painter, rect: Rect, district: &District, high_contrast: bool) {
    let poly = [
        rect.left_top(),
        rect.right_top(),
        rect.right_bottom(),
        rect.left_bottom(),
    ];
    let fill = colour(district);
    fill_polygon(painter, &poly, fill);
    paint_pattern(
        painter,
        &poly,
        district.pattern,
        (rect.width() * 0.6).max(4.0),
        pattern_stroke(fill, high_contrast),
    );
}

pub(super) fn colour(district: &District) -> Color32 {
    let [r, g, b] = district.colour;
    Color32::from_rgb(r, g, b)
}

/// Pattern ink that contrasts with the fill: dark on light colours, light on dark.
fn pattern_stroke(fill: Color32, high_contrast: bool) -> Stroke {
    let lum = (0.2126 * f32::from(fill.r())
        + 0.7152 * f32::from(fill.g())
        + 0.0722 * f32::from(fill.b()))
        / 255.0;
    let colour = match (lum > 0.5, high_contrast) {
        (true, false) => Color32::from_black_alpha(120),
        (true, true) => Color32::from_black_alpha(230),
        (false, false) => Color32::from_white_alpha(150),
        (false, true) => Color32::from_white_alpha(240),
    };
    Stroke::new(if high_contrast { 2.0 } else { 1.2 }, colour)
}

fn bounds(districts: &[District]) -> Option<(Pos2, Pos2)> {
    let mut points = districts.iter().flat_map(|d| d.outline.iter());
    let first = points.next()?;
    let mut min = pos2(first.0, first.1);
    let mut max = min;
    for (x, y) in points {
        min = min.min(pos2(*x, *y));
        max = max.max(pos2(*x, *y));
    }
    Some((min, max))
}

/// Fills a simple polygon, convex or not (ear clipping).
fn fill_polygon(painter: &Painter, poly: &[Pos2], fill: Color32) {
    let mut mesh = Mesh::default();
    for p in poly {
        mesh.colored_vertex(*p, fill);
    }
    for [a, b, c] in triangulate(poly) {
        mesh.add_triangle(a, b, c);
    }
    painter.add(Shape::mesh(mesh));
}

/// Triangles of a simple polygon by ear clipping, as vertex indices.
fn triangulate(poly: &[Pos2]) -> Vec<[u32; 3]> {
    let n = poly.len();
    let mut out = Vec::with_capacity(n.saturating_sub(2));
    if n < 3 {
        return out;
    }
    let twice_area: f32 = (0..n)
        .map(|i| {
            let (a, b) = (poly[i], poly[(i + 1) % n]);
            a.x * b.y - b.x * a.y
        })
        .sum();
    let orientation = twice_area.signum();
    let cross = |a: Pos2, b: Pos2, c: Pos2| (b - a).x * (c - a).y - (b - a).y * (c - a).x;
    let mut ring: Vec<usize> = (0..n).collect();
    while ring.len() > 3 {
        let m = ring.len();
        let ear = (0..m).find(|&i| {
            let (a, b, c) = (ring[(i + m - 1) % m], ring[i], ring[(i + 1) % m]);
            let (pa, pb, pc) = (poly[a], poly[b], poly[c]);
            if cross(pa, pb, pc) * orientation <= 0.0 {
                return false;
            }
            !ring.iter().any(|&k| {
                k != a
                    && k != b
                    && k != c
                    && cross(pa, pb, poly[k]) * orientation >= 0.0
                    && cross(pb, pc, poly[k]) * orientation >= 0.0
                    && cross(pc, pa, poly[k]) * orientation >= 0.0
            })
        });
        let Some(i) = ear else {
            break;
        };
        let (a, b, c) = (ring[(i + m - 1) % m], ring[i], ring[(i + 1) % m]);
        out.push([a as u32, b as u32, c as u32]);
        ring.remove(i);
    }
    // A degenerate rest (collinear points): a fan still covers it.
    for i in 1..ring.len().saturating_sub(1) {
        out.push([ring[0] as u32, ring[i] as u32, ring[i + 1] as u32]);
    }
    out
}

fn inside(poly: &[Pos2], p: Pos2) -> bool {
    let mut odd = false;
    let mut j = poly.len().wrapping_sub(1);
    for i in 0..poly.len() {
        let (a, b) = (poly[i], poly[j]);
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            odd = !odd;
        }
        j = i;
    }
    odd
}

/// Draws the parts of a sampled line that lie inside the polygon.
fn clipped_line(
    painter: &Painter,
    poly: &[Pos2],
    samples: impl Iterator<Item = Pos2>,
    stroke: Stroke,
) {
    let mut run: Vec<Pos2> = Vec::new();
    for p in samples {
        if inside(poly, p) {
            run.push(p);
        } else if run.len() >= 2 {
            painter.add(Shape::line(std::mem::take(&mut run), stroke));
        } else {
            run.clear();
        }
    }
    if run.len() >= 2 {
        painter.add(Shape::line(run, stroke));
    }
}

/// Paints a district's fill pattern inside its outline, `spacing` apart.
fn paint_pattern(painter: &Painter, poly: &[Pos2], pattern: Pattern, spacing: f32, stroke: Stroke) {
    let Some(bb) = (!poly.is_empty()).then(|| Rect::from_points(poly)) else {
        return;
    };
    let step = (spacing / 3.0).max(1.0);
    let count = |len: f32, by: f32| (len / by).ceil().max(0.0) as usize + 1;
    let horizontal =
        |y: f32| (0..count(bb.width(), step)).map(move |k| pos2(bb.min.x + k as f32 * step, y));
    let vertical =
        |x: f32| (0..count(bb.height(), step)).map(move |k| pos2(x, bb.min.y + k as f32 * step));
    let rows = count(bb.height(), spacing);
    let cols = count(bb.width(), spacing);
    match pattern {
        Pattern::Plain => {}
        Pattern::Stripes | Pattern::Grid => {
            for r in 0..rows {
                clipped_line(
                    painter,
                    poly,
                    horizontal(bb.min.y + (r as f32 + 0.5) * spacing),
                    stroke,
                );
            }
            // a grid adds the vertical lines
            for c in (pattern == Pattern::Grid)
                .then_some(0..cols)
                .into_iter()
                .flatten()
            {
                clipped_line(
                    painter,
                    poly,
                    vertical(bb.min.x + (c as f32 + 0.5) * spacing),
                    stroke,
                );
            }
        }
        Pattern::Diagonal => {
            // Lines x + y = s, from the top-left corner to the bottom-right.
            let gap = spacing * std::f32::consts::SQRT_2;
            for k in 0..count(bb.width() + bb.height(), gap) {
                let s = bb.min.x + bb.min.y + (k as f32 + 0.5) * gap;
                let samples = (0..count(bb.width(), step)).map(move |i| {
                    let x = bb.min.x + i as f32 * step;
                    pos2(x, s - x)
                });
                clipped_line(painter, poly, samples, stroke);
            }
        }
        Pattern::Waves => {
            let amplitude = spacing * 0.22;
            let wavelength = spacing * 1.6;
            for r in 0..rows {
                let y0 = bb.min.y + (r as f32 + 0.5) * spacing;
                let samples = horizontal(y0).map(move |p| {
                    pos2(
                        p.x,
                        y0 + amplitude * (p.x * std::f32::consts::TAU / wavelength).sin(),
                    )
                });
                clipped_line(painter, poly, samples, stroke);
            }
        }
        Pattern::Dots => {
            let radius = (spacing * 0.14).max(1.0);
            for r in 0..rows {
                let shift = if r % 2 == 0 { 0.25 } else { 0.75 };
                for c in 0..cols {
                    let p = pos2(
                        bb.min.x + (c as f32 + shift) * spacing,
                        bb.min.y + (r as f32 + 0.5) * spacing,
                    );
                    if inside(poly, p) {
                        painter.circle_filled(p, radius, stroke.color);
                    }
                }
            }
        }
        Pattern::Checks => {
            let cell = spacing * 0.8;
            for r in 0..count(bb.height(), cell) {
                for c in (r % 2..count(bb.width(), cell)).step_by(2) {
                    let square = Rect::from_min_size(
                        pos2(bb.min.x + c as f32 * cell, bb.min.y + r as f32 * cell),
                        Vec2::splat(cell),
                    )
                    .shrink(cell * 0.12);
                    let corners = [
                        square.left_top(),
                        square.right_top(),
                        square.right_bottom(),
                        square.left_bottom(),
                    ];
                    if corners.iter().all(|p| inside(poly, *p)) {
                        painter.rect_filled(square, 0.0, stroke.color);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_concave_outline_becomes_triangles_covering_its_area() {
        // The station district of the default map dips in at its top edge.
        let poly: Vec<Pos2> = [
            (0.32, 0.5),
            (0.5, 0.55),
            (0.66, 0.46),
            (0.7, 0.74),
            (0.67, 1.0),
            (0.33, 1.0),
            (0.36, 0.76),
        ]
        .iter()
        .map(|(x, y)| pos2(*x, *y))
        .collect();
        let tris = triangulate(&poly);
        assert_eq!(tris.len(), poly.len() - 2);
        let area =
            |a: Pos2, b: Pos2, c: Pos2| ((b - a).x * (c - a).y - (b - a).y * (c - a).x).abs() / 2.0;
        let sum: f32 = tris
            .iter()
            .map(|[a, b, c]| area(poly[*a as usize], poly[*b as usize], poly[*c as usize]))
            .sum();
        let shoelace: f32 = (0..poly.len())
            .map(|i| {
                let (a, b) = (poly[i], poly[(i + 1) % poly.len()]);
                a.x * b.y - b.x * a.y
            })
            .sum::<f32>()
            .abs()
            / 2.0;
        assert!((sum - shoelace).abs() < 1e-4, "{sum} vs {shoelace}");
        assert!(!inside(&poly, pos2(0.5, 0.5)), "the dip is outside");
        assert!(inside(&poly, pos2(0.5, 0.8)));
    }

    #[test]
    fn load_levels_warn_one_short_and_at_the_limit() {
        assert_eq!(Pressure::of(3, 5), Pressure::Safe);
        assert_eq!(Pressure::of(4, 5), Pressure::OneShort);
        assert_eq!(Pressure::of(5, 5), Pressure::Collapses);
        let t = Texts::load("en");
        assert_eq!(load_pips(&t, 4, 5), "●●●●○ 4/5");
        assert_eq!(load_pips(&t, 6, 5), "●●●●●+1 6/5");
        assert_eq!(map_load(&t, 4, 5), "4/5！");
        assert_eq!(map_load(&t, 6, 5), "6/5‼");
    }
}
