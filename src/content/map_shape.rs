//! The shapes of the town map, checked with exact integer geometry: outlines
//! that cross themselves, run anticlockwise, leave gaps or overlap; labels
//! outside their district; neighbours that do not share a border.
//!
//! Coordinates are put on a grid of 1/6,000,000 of the board (a designer's
//! six decimal places, times six so edge midpoints and corner-triangle
//! centres stay whole), then every test
//! is exact: areas by the shoelace formula, crossings and shared edges by
//! integer cross and dot products.

use super::raw::RawMap;
use super::validate::{FileCtx, Validator};

/// Grid units per board side.
const SIDE: i128 = 6_000_000;

type Pt = (i128, i128);

fn grid((x, y): (f32, f32)) -> Pt {
    let q = |v: f32| (f64::from(v) * 1_000_000.0).round() as i128 * 6;
    (q(x), q(y))
}

fn sub(a: Pt, b: Pt) -> Pt {
    (a.0 - b.0, a.1 - b.1)
}

fn cross(a: Pt, b: Pt) -> i128 {
    a.0 * b.1 - a.1 * b.0
}

fn dot(a: Pt, b: Pt) -> i128 {
    a.0 * b.0 + a.1 * b.1
}

/// Twice the signed area; positive when clockwise on screen (y runs down).
fn twice_area(poly: &[Pt]) -> i128 {
    (0..poly.len())
        .map(|i| cross(poly[i], poly[(i + 1) % poly.len()]))
        .sum()
}

/// The edges of a polygon, skipping repeated points.
fn edges(poly: &[Pt]) -> impl Iterator<Item = (usize, Pt, Pt)> + '_ {
    (0..poly.len())
        .map(|i| (i, poly[i], poly[(i + 1) % poly.len()]))
        .filter(|(_, a, b)| a != b)
}

fn on_segment(a: Pt, b: Pt, p: Pt) -> bool {
    cross(sub(b, a), sub(p, a)) == 0
        && p.0 >= a.0.min(b.0)
        && p.0 <= a.0.max(b.0)
        && p.1 >= a.1.min(b.1)
        && p.1 <= a.1.max(b.1)
}

/// Whether two segments have any point in common.
fn segments_meet(a: Pt, b: Pt, c: Pt, d: Pt) -> bool {
    let s = |v: i128| v.signum();
    let (d1, d2) = (
        s(cross(sub(b, a), sub(c, a))),
        s(cross(sub(b, a), sub(d, a))),
    );
    let (d3, d4) = (
        s(cross(sub(d, c), sub(a, c))),
        s(cross(sub(d, c), sub(b, c))),
    );
    if d1 * d2 < 0 && d3 * d4 < 0 {
        return true;
    }
    on_segment(a, b, c) || on_segment(a, b, d) || on_segment(c, d, a) || on_segment(c, d, b)
}

#[derive(Debug, PartialEq, Eq)]
enum Where {
    Inside,
    Border,
    Outside,
}

fn locate(poly: &[Pt], p: Pt) -> Where {
    let mut odd = false;
    for (_, a, b) in edges(poly) {
        if on_segment(a, b, p) {
            return Where::Border;
        }
        if (a.1 > p.1) != (b.1 > p.1) {
            // Does the edge cross the ray from p to the right?
            let lhs = (p.0 - a.0) * (b.1 - a.1);
            let rhs = (p.1 - a.1) * (b.0 - a.0);
            if (b.1 > a.1 && lhs < rhs) || (b.1 < a.1 && lhs > rhs) {
                odd = !odd;
            }
        }
    }
    if odd { Where::Inside } else { Where::Outside }
}

/// The first pair of non-adjacent edges that meet, as point indices.
fn self_crossing(poly: &[Pt]) -> Option<(usize, usize)> {
    let n = poly.len();
    let es: Vec<(usize, Pt, Pt)> = edges(poly).collect();
    for (x, &(i, a, b)) in es.iter().enumerate() {
        for &(j, c, d) in &es[x + 1..] {
            let adjacent = j == (i + 1) % n || i == (j + 1) % n;
            if adjacent {
                // Neighbouring edges share a corner; they may not fold back on each other.
                let (p, q, r) = if j == (i + 1) % n {
                    (a, b, d)
                } else {
                    (c, d, b)
                };
                if cross(sub(q, p), sub(r, q)) == 0 && dot(sub(q, p), sub(r, q)) < 0 {
                    return Some((i, j));
                }
            } else if segments_meet(a, b, c, d) {
                return Some((i, j));
            }
        }
    }
    None
}

/// Length (squared-scale) of `a→b` covered by collinear edges of `others`,
/// as merged parameter intervals on `0..=|b-a|²`.
fn covered(a: Pt, b: Pt, others: &[&[Pt]]) -> Vec<(i128, i128)> {
    let d = sub(b, a);
    let len = dot(d, d);
    let mut spans: Vec<(i128, i128)> = Vec::new();
    for poly in others {
        for (_, c, e) in edges(poly) {
            if cross(d, sub(c, a)) != 0 || cross(d, sub(e, a)) != 0 {
                continue;
            }
            let (t0, t1) = (dot(sub(c, a), d), dot(sub(e, a), d));
            let (lo, hi) = (t0.min(t1).max(0), t0.max(t1).min(len));
            if lo < hi {
                spans.push((lo, hi));
            }
        }
    }
    spans.sort_unstable();
    let mut merged: Vec<(i128, i128)> = Vec::new();
    for (lo, hi) in spans {
        match merged.last_mut() {
            Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
            _ => merged.push((lo, hi)),
        }
    }
    merged
}

fn on_board_edge(a: Pt, b: Pt) -> bool {
    (a.0 == b.0 && (a.0 == 0 || a.0 == SIDE)) || (a.1 == b.1 && (a.1 == 0 || a.1 == SIDE))
}

/// How two districts meet.
#[derive(Debug, PartialEq, Eq)]
enum Contact {
    Border,
    Corner,
    Apart,
}

fn contact(p: &[Pt], q: &[Pt]) -> Contact {
    for (_, a, b) in edges(p) {
        if covered(a, b, &[q]).iter().any(|(lo, hi)| lo < hi) {
            return Contact::Border;
        }
    }
    let touch = edges(p).any(|(_, a, b)| edges(q).any(|(_, c, d)| segments_meet(a, b, c, d)));
    if touch {
        Contact::Corner
    } else {
        Contact::Apart
    }
}

/// Whether the insides of two outlines overlap (edges may be shared).
fn overlap(p: &[Pt], q: &[Pt]) -> bool {
    // Corners, edge midpoints, and the centre of each corner's triangle when
    // it lies inside (so shapes sharing their whole border still show).
    let probes = |r: &[Pt]| -> Vec<Pt> {
        let n = r.len();
        let mut out: Vec<Pt> = edges(r)
            .flat_map(|(_, a, b)| [a, ((a.0 + b.0) / 2, (a.1 + b.1) / 2)])
            .collect();
        out.extend((0..n).filter_map(|i| {
            let (a, b, c) = (r[(i + n - 1) % n], r[i], r[(i + 1) % n]);
            let centre = ((a.0 + b.0 + c.0) / 3, (a.1 + b.1 + c.1) / 3);
            (locate(r, centre) == Where::Inside).then_some(centre)
        }));
        out
    };
    probes(p).into_iter().any(|x| locate(q, x) == Where::Inside)
        || probes(q).into_iter().any(|x| locate(p, x) == Where::Inside)
        || edges(p).any(|(_, a, b)| {
            edges(q).any(|(_, c, d)| {
                let s = |v: i128| v.signum();
                s(cross(sub(b, a), sub(c, a))) * s(cross(sub(b, a), sub(d, a))) < 0
                    && s(cross(sub(d, c), sub(a, c))) * s(cross(sub(d, c), sub(b, c))) < 0
            })
        })
}

fn show((x, y): Pt) -> String {
    let f = |v: i128| {
        let s = format!("{:.6}", v as f64 / SIDE as f64);
        let s = s.trim_end_matches('0');
        if s.ends_with('.') {
            format!("{s}0")
        } else {
            s.to_owned()
        }
    };
    format!("({}, {})", f(x), f(y))
}

impl Validator<'_> {
    /// Checks outlines, labels and neighbours of a map whose districts each
    /// passed the basic checks (`usable[i]`: at least three points on the board).
    pub(super) fn map_shapes(
        &mut self,
        f: &FileCtx<'_>,
        map: &RawMap,
        offsets: &[usize],
        usable: &[bool],
    ) {
        let file = f.name.as_str();
        let polys: Vec<Vec<Pt>> = map
            .districts
            .iter()
            .map(|d| d.outline.iter().map(|&p| grid(p)).collect())
            .collect();
        let point_at = |i: usize, k: usize| {
            let outline = f.loc.field(offsets[i], "outline");
            f.loc.nth_in_list(outline, b'(', k).unwrap_or(outline)
        };
        let mut simple = usable.to_vec();
        for (i, d) in map.districts.iter().enumerate() {
            if !usable[i] {
                continue;
            }
            let what = format!("district \"{}\"", d.id);
            let poly = &polys[i];
            let area = twice_area(poly);
            if area == 0 {
                simple[i] = false;
                self.err(file, Some(f.loc.field(offsets[i], "outline")), format!("{what} outline encloses no area"), "list the corners of the district in order round its border; they must not all lie on one line");
                continue;
            }
            if let Some((a, b)) = self_crossing(poly) {
                simple[i] = false;
                self.err(
                    file,
                    Some(point_at(i, b)),
                    format!(
                        "{what} outline crosses itself: the edges from point {} and from point {} meet",
                        a + 1,
                        b + 1
                    ),
                    "list the corners in order round the border, clockwise, without going back over an edge",
                );
                continue;
            }
            if area < 0 {
                self.warn(
                    file,
                    Some(f.loc.field(offsets[i], "outline")),
                    format!("{what} outline runs anticlockwise"),
                    "list the points in the opposite order (clockwise on screen: along the top from left to right first)",
                );
            }
            let label = grid(d.position);
            if locate(poly, label) != Where::Inside {
                self.err(
                    file,
                    Some(f.loc.field(offsets[i], "position")),
                    format!(
                        "{what} label position {} is not inside its outline",
                        show(label)
                    ),
                    "move `position` inside the district's outline, near its middle, so the name is drawn on the district",
                );
            }
        }
        if simple.iter().all(|&s| s) {
            self.tiling(f, map, &polys, offsets, &point_at);
        }
        self.neighbour_shapes(f, map, &polys, offsets, &simple);
    }

    /// The districts must cover the board exactly: every inner edge shared,
    /// no two overlapping, areas adding up to the board.
    fn tiling(
        &mut self,
        f: &FileCtx<'_>,
        map: &RawMap,
        polys: &[Vec<Pt>],
        offsets: &[usize],
        point_at: &dyn Fn(usize, usize) -> usize,
    ) {
        let file = f.name.as_str();
        let mut placed = false;
        for (i, d) in map.districts.iter().enumerate() {
            let others: Vec<&[Pt]> = polys
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, p)| p.as_slice())
                .collect();
            let open = edges(&polys[i]).find(|&(_, a, b)| {
                if on_board_edge(a, b) {
                    return false;
                }
                let spans = covered(a, b, &others);
                spans != [(0, dot(sub(b, a), sub(b, a)))]
            });
            if let Some((k, a, b)) = open {
                placed = true;
                self.err(
                    file,
                    Some(point_at(i, k)),
                    format!(
                        "district \"{}\" outline edge {} to {} is not fully shared with another district: the map has a gap or overlap there",
                        d.id,
                        show(a),
                        show(b)
                    ),
                    "districts must tile the board: make the neighbouring outline pass through the same points, with exactly the same numbers",
                );
            }
        }
        for i in 0..polys.len() {
            for j in i + 1..polys.len() {
                if overlap(&polys[i], &polys[j]) {
                    placed = true;
                    self.err(
                        file,
                        Some(f.loc.field(offsets[j], "outline")),
                        format!(
                            "districts \"{}\" and \"{}\" overlap",
                            map.districts[i].id, map.districts[j].id
                        ),
                        "make the two outlines meet along a shared border instead of covering each other",
                    );
                }
            }
        }
        let total: i128 = polys.iter().map(|p| twice_area(p).abs()).sum();
        let board = 2 * SIDE * SIDE;
        if total != board && !placed {
            self.err(
                file,
                f.loc.top_field("districts"),
                format!(
                    "the districts cover {:.2} % of the board, not 100 %",
                    total as f64 * 100.0 / board as f64
                ),
                "districts must tile the 0..1 board without gaps or overlaps: share border points exactly and reach the board's edges",
            );
        }
    }

    fn neighbour_shapes(
        &mut self,
        f: &FileCtx<'_>,
        map: &RawMap,
        polys: &[Vec<Pt>],
        offsets: &[usize],
        simple: &[bool],
    ) {
        let file = f.name.as_str();
        let ds = &map.districts;
        for i in 0..ds.len() {
            for j in 0..ds.len() {
                if i == j || !simple[i] || !simple[j] {
                    continue;
                }
                let listed = ds[i].neighbours.contains(&ds[j].id);
                let contact = contact(&polys[i], &polys[j]);
                let at = Some(f.loc.value(offsets[i], "neighbours", &ds[j].id));
                match contact {
                    Contact::Corner if listed => self.warn(
                        file,
                        at,
                        format!(
                            "district \"{}\" lists \"{}\" as a neighbour, but they only touch at a corner",
                            ds[i].id, ds[j].id
                        ),
                        "neighbours should share a stretch of border: remove it from `neighbours`, or move the outlines",
                    ),
                    Contact::Apart if listed => self.warn(
                        file,
                        at,
                        format!(
                            "district \"{}\" lists \"{}\" as a neighbour, but their outlines do not touch",
                            ds[i].id, ds[j].id
                        ),
                        "remove it from `neighbours`, or move the outlines so they share a border",
                    ),
                    Contact::Border
                        if i < j && !listed && !ds[j].neighbours.contains(&ds[i].id) =>
                    {
                        self.warn(
                            file,
                            Some(f.loc.field(offsets[i], "neighbours")),
                            format!(
                                "districts \"{}\" and \"{}\" share a border but neither lists the other as a neighbour",
                                ds[i].id, ds[j].id
                            ),
                            format!(
                                "add \"{}\" to the neighbours of \"{}\" and \"{}\" to those of \"{}\"",
                                ds[j].id, ds[i].id, ds[i].id, ds[j].id
                            ),
                        );
                    }
                    _ => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sq(x0: f32, y0: f32, x1: f32, y1: f32) -> Vec<Pt> {
        [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
            .into_iter()
            .map(grid)
            .collect()
    }

    #[test]
    fn clockwise_on_screen_is_positive() {
        assert!(twice_area(&sq(0.0, 0.0, 0.5, 1.0)) > 0);
        let mut anti = sq(0.0, 0.0, 0.5, 1.0);
        anti.reverse();
        assert!(twice_area(&anti) < 0);
    }

    #[test]
    fn halves_share_a_border_and_quarters_touch_at_a_corner() {
        let (a, b) = (sq(0.0, 0.0, 0.5, 1.0), sq(0.5, 0.0, 1.0, 1.0));
        assert_eq!(contact(&a, &b), Contact::Border);
        assert!(!overlap(&a, &b));
        let (c, d) = (sq(0.0, 0.0, 0.5, 0.5), sq(0.5, 0.5, 1.0, 1.0));
        assert_eq!(contact(&c, &d), Contact::Corner);
        assert_eq!(contact(&c, &sq(0.6, 0.6, 1.0, 1.0)), Contact::Apart);
        assert!(overlap(&a, &sq(0.4, 0.0, 1.0, 1.0)));
        assert!(overlap(&a, &a.clone()));
    }

    #[test]
    fn points_inside_on_and_outside() {
        let a = sq(0.0, 0.0, 0.5, 1.0);
        assert_eq!(locate(&a, grid((0.25, 0.5))), Where::Inside);
        assert_eq!(locate(&a, grid((0.5, 0.5))), Where::Border);
        assert_eq!(locate(&a, grid((0.75, 0.5))), Where::Outside);
    }

    #[test]
    fn a_bow_tie_crosses_itself() {
        let bow: Vec<Pt> = [(0.0, 0.0), (1.0, 1.0), (1.0, 0.0), (0.0, 1.0)]
            .into_iter()
            .map(grid)
            .collect();
        assert!(self_crossing(&bow).is_some());
        assert_eq!(self_crossing(&sq(0.0, 0.0, 1.0, 1.0)), None);
    }
}
