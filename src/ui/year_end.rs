//! The year-end summary, a full-screen moment before the next seat's
//! handoff: each district's load *at the year end* (with a warning when one
//! short of the threshold), the residents whose needs grew that year (and,
//! with link work, who drifted back), and what the team achieved (who was
//! connected, the ties made, the coping level).
//!
//! The figures are those the rules put in the `YearEnded` event itself, so
//! the next year's first arrival (in the same event list) is not counted.

use bevy_egui::egui::{
    Align, Button, Frame, Key, Label, Layout, Modifiers, Rect, RichText, Stroke, TextStyle, Ui,
    UiBuilder, pos2, vec2,
};

use super::BoardView;
use super::board::region;
use super::cards::need_text;
use super::map::{load_pips, swatch};
use super::style::TITLE_SIZE;
use super::targets::{Target, record};
use crate::content::{DistrictId, Need, ResidentId};
use crate::rules::{Event, Game, NeedCause, Pressure};

/// What the summary of one year end shows, as it stood at that year end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearEnd {
    /// The year that ended.
    pub year: i32,
    /// Residents waiting in each district (map order) at the year end,
    /// before the next year's first arrival.
    pub loads: Vec<usize>,
    /// Needs gained during that year, in order: event cards during the year
    /// and the escalations of unresolved residents at its end.
    pub grew: Vec<(ResidentId, Need, NeedCause)>,
    /// Residents the team connected during that year, in order.
    pub connected: Vec<ResidentId>,
    /// Ties made during that year (link-work decks), and how many informal.
    pub ties: u32,
    pub informal_ties: u32,
    /// Residents tied only to public services who drifted back at that year end.
    pub drifted: Vec<ResidentId>,
}

impl YearEnd {
    /// The summary of the last year end in `events`, as the rules' own
    /// `YearEnded` event recorded it, with the residents connected since the
    /// year end before it. `None` when no year has ended in `events`.
    pub fn of(events: &[Event]) -> Option<YearEnd> {
        let last = events
            .iter()
            .rposition(|e| matches!(e, Event::YearEnded { .. }))?;
        let first = events[..last]
            .iter()
            .rposition(|e| matches!(e, Event::YearEnded { .. }))
            .map_or(0, |i| i + 1);
        let connected = events[first..last]
            .iter()
            .filter_map(|e| match e {
                Event::Prescribed { resident, .. } => Some(*resident),
                _ => None,
            })
            .collect();
        let mut ties = 0;
        let mut informal_ties = 0;
        let mut drifted = Vec::new();
        for e in &events[first..last] {
            match e {
                Event::Tied {
                    ties: t, informal, ..
                } => {
                    ties += u32::from(*t);
                    informal_ties += u32::from(*informal);
                }
                Event::DriftedBack { resident, .. } => drifted.push(*resident),
                _ => {}
            }
        }
        match &events[last] {
            Event::YearEnded { year, loads, grew } => Some(YearEnd {
                year: *year,
                loads: loads.clone(),
                grew: grew.iter().map(|g| (g.resident, g.need, g.cause)).collect(),
                connected,
                ties,
                informal_ties,
                drifted,
            }),
            _ => None,
        }
    }
}

/// Draws the summary of a year end (see [`YearEnd::of`]) over the whole
/// screen: each district's load, who gained needs, what the team achieved.
/// Returns true when the person moves on (button, Space or Enter).
pub fn year_end_summary(ui: &mut Ui, game: &Game, summary: &YearEnd, view: &BoardView<'_>) -> bool {
    let t = view.texts;
    let words = view.words(game);
    let content = game.content();
    let threshold = game.collapse_threshold();
    let mut done = false;
    let full = ui.available_rect_before_wrap();
    ui.painter()
        .rect_filled(full, 0.0, ui.visuals().extreme_bg_color);
    let margin = (full.width() * 0.04).max(12.0);
    let area = full.shrink2(vec2(margin, margin * 0.5));
    let mut child = ui.new_child(
        UiBuilder::new()
            .id_salt("cc.year_end")
            .max_rect(area)
            .layout(Layout::top_down(Align::Center)),
    );
    let ui = &mut child;
    ui.style_mut().interaction.selectable_labels = false;
    ui.add(
        Label::new(
            RichText::new(t.fmt("year_end.title", &[("year", &summary.year)]))
                .size(TITLE_SIZE)
                .strong(),
        )
        .wrap(),
    );
    ui.add_space(ui.spacing().item_spacing.y);
    district_tiles(ui, game, summary, view, &words, threshold, area.width());
    ui.add_space(ui.spacing().item_spacing.y);
    let gap = ui.spacing().item_spacing.x * 3.0;
    let half = (area.width() - gap) / 2.0;
    let button_room = ui.text_style_height(&TextStyle::Button) * 2.5;
    let height = (area.bottom() - ui.cursor().top() - button_room).max(0.0);
    let top = ui.cursor().left_top();
    let left = Rect::from_min_size(pos2(area.left(), top.y), vec2(half, height));
    let right = Rect::from_min_size(pos2(area.left() + half + gap, top.y), vec2(half, height));
    region(ui, left, "cc.year_end.grew", |ui| {
        let bottom = ui.max_rect().bottom();
        ui.label(RichText::new(t.t("year_end.needs_grew")).strong());
        let grew: Vec<String> = summary
            .grew
            .iter()
            .map(|(resident, need, _)| {
                let line = t.fmt(
                    "year_end.need_line",
                    &[
                        (
                            "district",
                            &words.district(content.resident(*resident).district),
                        ),
                        ("resident", &words.resident(*resident)),
                        ("need", &need_text(t, content, *need)),
                    ],
                );
                format!("＋ {line}")
            })
            .collect();
        let drifted: Vec<String> = summary
            .drifted
            .iter()
            .map(|r| {
                let line = t.fmt(
                    "year_end.drifted_line",
                    &[
                        ("district", &words.district(content.resident(*r).district)),
                        ("resident", &words.resident(*r)),
                    ],
                );
                format!("！ {line}")
            })
            .collect();
        // Who drifted back keeps room for its heading and two lines.
        let drifted_room = if drifted.is_empty() {
            0.0
        } else {
            let heading = height_of(ui, t.t("year_end.drifted"));
            heading
                + drifted
                    .iter()
                    .take(2)
                    .map(|l| height_of(ui, l))
                    .sum::<f32>()
        };
        if grew.is_empty() {
            ui.add(Label::new(t.t("year_end.needs_grew_none")).wrap());
        }
        let room = bottom - ui.cursor().top() - drifted_room;
        capped_lines(ui, &grew, room, view);
        if !drifted.is_empty() {
            ui.label(RichText::new(t.t("year_end.drifted")).strong());
            let room = bottom - ui.cursor().top();
            capped_lines(ui, &drifted, room, view);
        }
    });
    region(ui, right, "cc.year_end.achieved", |ui| {
        let bottom = ui.max_rect().bottom();
        ui.label(RichText::new(t.t("year_end.achieved")).strong());
        let count = summary.connected.len();
        ui.add(
            Label::new(t.fmt_count(
                "year_end.connected_this_year",
                count as u64,
                &[("count", &count)],
            ))
            .wrap(),
        );
        let mut after = Vec::new();
        if content.link_work() {
            after.push(t.fmt_count(
                "year_end.ties_this_year",
                u64::from(summary.ties),
                &[
                    ("count", &summary.ties),
                    ("informal", &summary.informal_ties),
                ],
            ));
        }
        let total = game.connected_residents().len();
        after.push(t.fmt_count(
            "year_end.connected_total",
            total as u64,
            &[("count", &total)],
        ));
        after.push(t.fmt("board.coping_level", &[("level", &game.coping())]));
        let names: Vec<String> = summary
            .connected
            .iter()
            .map(|r| format!("✓ {}", words.resident(*r)))
            .collect();
        let room = bottom - ui.cursor().top() - after.iter().map(|l| height_of(ui, l)).sum::<f32>();
        capped_lines(ui, &names, room, view);
        for line in after {
            ui.add(Label::new(line).wrap());
        }
    });
    let button_rect = Rect::from_center_size(
        pos2(area.center().x, area.bottom() - button_room / 2.0),
        vec2(area.width().min(600.0), button_room * 0.8),
    );
    let button = ui.put(
        button_rect,
        Button::new(RichText::new(t.t("year_end.continue")).strong()),
    );
    record(ui.ctx(), Target::YearEndContinue, button.rect);
    done |= button.clicked();
    let key = ui.input_mut(|i| {
        i.consume_key(Modifiers::NONE, Key::Space) || i.consume_key(Modifiers::NONE, Key::Enter)
    });
    done || key
}

/// One tile per district: swatch, symbol and name, the load as pips and a
/// number, and the warning when it is one short of the limit or at it.
fn district_tiles(
    ui: &mut Ui,
    game: &Game,
    summary: &YearEnd,
    view: &BoardView<'_>,
    words: &crate::i18n::LogContext<'_>,
    threshold: usize,
    across: f32,
) {
    let t = view.texts;
    let content = game.content();
    let n = content.districts().len().max(1);
    let cols = n.div_ceil(2).clamp(1, 4);
    let gap = ui.spacing().item_spacing.x;
    let width = (across - gap * (cols as f32 - 1.0)) / cols as f32;
    let left = ui.max_rect().left();
    let mut top = ui.cursor().top();
    for (row, chunk) in content.districts().chunks(cols).enumerate() {
        let mut bottom = top;
        for (k, district) in chunk.iter().enumerate() {
            let i = row * cols + k;
            let d = DistrictId::from_index(i);
            let load = summary.loads.get(i).copied().unwrap_or(0);
            let pressure = Pressure::of(load, threshold);
            let stroke = match pressure {
                Pressure::Safe => 2.0,
                _ => 5.0,
            };
            let cell = Rect::from_min_size(
                pos2(left + k as f32 * (width + gap), top),
                vec2(width, f32::INFINITY),
            );
            let mut child = ui.new_child(
                UiBuilder::new()
                    .id_salt(("cc.year_end.tile", i))
                    .max_rect(cell)
                    .layout(Layout::top_down(Align::Min)),
            );
            let frame = Frame::group(child.style())
                .stroke(Stroke::new(stroke, super::map::colour(district)))
                .fill(child.visuals().panel_fill);
            let inner = width - frame.total_margin().sum().x;
            frame.show(&mut child, |ui| {
                ui.set_width(inner);
                ui.horizontal(|ui| {
                    swatch(ui, district, view.high_contrast);
                    let line = t.fmt(
                        "year_end.district_load",
                        &[
                            ("district", &words.district(d)),
                            ("load", &load),
                            ("threshold", &threshold),
                        ],
                    );
                    ui.add(
                        Label::new(RichText::new(format!("{} {line}", district.symbol)).strong())
                            .wrap(),
                    );
                });
                ui.add(Label::new(RichText::new(load_pips(t, load, threshold)).strong()).wrap());
                let warning = match pressure {
                    Pressure::Safe => None,
                    Pressure::OneShort => Some(format!(
                        "！ {}",
                        t.fmt("year_end.warning", &[("district", &words.district(d))])
                    )),
                    Pressure::Collapses => Some(format!(
                        "‼ {}",
                        t.fmt("year_end.at_limit", &[("district", &words.district(d))])
                    )),
                };
                if let Some(w) = warning {
                    ui.add(Label::new(RichText::new(w).small()).wrap());
                }
            });
            bottom = bottom.max(child.min_rect().bottom());
        }
        top = bottom + gap;
    }
    let used = Rect::from_min_max(ui.cursor().left_top(), pos2(left + across, top - gap));
    ui.allocate_rect(used, bevy_egui::egui::Sense::hover());
}

/// The height `text` takes as a wrapped body line in `ui`, with the gap after it.
fn height_of(ui: &Ui, text: &str) -> f32 {
    let font = TextStyle::Body.resolve(ui.style());
    let galley = ui.painter().layout(
        text.to_owned(),
        font,
        ui.visuals().text_color(),
        ui.available_width(),
    );
    galley.size().y + ui.spacing().item_spacing.y
}

/// `lines` as wrapped labels, as many as fit in `room` points of height;
/// the rest are counted on one last line (「ほか3人」, "and 3 more").
fn capped_lines(ui: &mut Ui, lines: &[String], room: f32, view: &BoardView<'_>) {
    let more = |left: usize| view.texts.fmt("year_end.more", &[("count", &left)]);
    let mut used = 0.0;
    for (i, line) in lines.iter().enumerate() {
        let h = height_of(ui, line);
        let left = lines.len() - i - 1;
        let tail = if left > 0 {
            height_of(ui, &more(left))
        } else {
            0.0
        };
        if used + h + tail > room {
            ui.add(Label::new(more(lines.len() - i)).wrap());
            return;
        }
        ui.add(Label::new(line.as_str()).wrap());
        used += h;
    }
}
