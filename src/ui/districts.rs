//! The town on the board: one panel per district in the map's reading
//! order, each with its name, its swatch (colour, pattern and symbol), its
//! load and its waiting residents.
//! A crowded district condenses its cards to one line each and keeps the
//! selected one (then as many others as fit) open, so nothing overflows.

use bevy_egui::egui::{Label, Rect, RichText, Stroke, StrokeKind, TextStyle, Ui, UiBuilder, vec2};

use super::board::region;
use super::cards::{ResidentLook, card_height, resident_card};
use super::map::{colour, load_pips, load_sentence, swatch};
use super::targets::{Target, record};
use super::{BoardUi, BoardView, allowed};
use crate::content::{DistrictId, ResidentId};
use crate::i18n::LogContext;
use crate::rules::{Action, Game, Pressure};

/// Draws every district's panel in a grid filling `rect`.
pub(super) fn town(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    state: &mut BoardUi,
    rect: Rect,
) {
    let rows = district_rows(game);
    let cols = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let gap = ui.spacing().item_spacing;
    let width = (rect.width() - gap.x * (cols as f32 - 1.0)) / cols as f32;
    let height = (rect.height() - gap.y * (rows.len() as f32 - 1.0)) / rows.len().max(1) as f32;
    for (i, row) in rows.iter().enumerate() {
        for (j, &d) in row.iter().enumerate() {
            let min = rect.min + vec2(j as f32 * (width + gap.x), i as f32 * (height + gap.y));
            let cell = Rect::from_min_size(min, vec2(width, height));
            record(ui.ctx(), Target::District(d), cell);
            region(ui, cell, ("cc.district", d.index()), |ui| {
                district_panel(ui, game, view, words, state, d, cell);
            });
        }
    }
}

/// Districts in reading order of the map: rows top to bottom, left to right.
pub(super) fn district_rows(game: &Game) -> Vec<Vec<DistrictId>> {
    let districts = game.content().districts();
    let mut order: Vec<usize> = (0..districts.len()).collect();
    order.sort_by(|a, b| {
        districts[*a]
            .position
            .1
            .total_cmp(&districts[*b].position.1)
    });
    let per_row = districts.len().div_ceil(2).clamp(1, 4);
    order
        .chunks(per_row)
        .map(|chunk| {
            let mut row = chunk.to_vec();
            row.sort_by(|a, b| {
                districts[*a]
                    .position
                    .0
                    .total_cmp(&districts[*b].position.0)
            });
            row.into_iter().map(DistrictId::from_index).collect()
        })
        .collect()
}

/// One district filling `cell`: swatch, symbol, name and load, then its residents.
fn district_panel(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    state: &mut BoardUi,
    d: DistrictId,
    cell: Rect,
) {
    let t = view.texts;
    let district = game.content().district(d);
    let threshold = game.collapse_threshold();
    let residents = game.district_residents(d);
    let pressure = Pressure::of(residents.len(), threshold);
    let stroke_width = match (pressure, view.high_contrast) {
        (Pressure::Safe, false) => 3.0,
        (Pressure::Safe, true) => 4.0,
        (_, _) => 6.0,
    };
    ui.painter().rect_filled(cell, 6.0, ui.visuals().panel_fill);
    ui.painter().rect_stroke(
        cell,
        6.0,
        Stroke::new(stroke_width, colour(district)),
        StrokeKind::Inside,
    );
    // Less margin above and below than at the sides: a crowded panel keeps its lines.
    let inner = cell.shrink2(vec2(stroke_width + 6.0, stroke_width + 3.0));
    let mut body = ui.new_child(UiBuilder::new().max_rect(inner));
    let ui = &mut body;
    ui.set_width(inner.width());
    let sentence = load_sentence(words, d, residents.len(), threshold);
    ui.horizontal(|ui| {
        swatch(ui, district, view.high_contrast);
        ui.add(Label::new(RichText::new(words.district(d)).strong()).wrap());
    });
    let warning = match pressure {
        Pressure::Safe => None,
        Pressure::OneShort => Some(format!("！ {}", t.t("board.one_short"))),
        Pressure::Collapses => Some(format!("‼ {}", t.t("board.at_limit"))),
    };
    ui.horizontal_wrapped(|ui| {
        ui.add(
            Label::new(RichText::new(load_pips(t, residents.len(), threshold)).strong()).extend(),
        )
        .on_hover_text(sentence.as_str());
        if let Some(w) = warning {
            let ink = ui.visuals().strong_text_color();
            ui.add(Label::new(RichText::new(w).small().strong().color(ink)).wrap());
        }
    });
    if residents.is_empty() {
        ui.add(Label::new(RichText::new(t.t("board.empty_district")).weak()).wrap());
        return;
    }
    let width = ui.available_width();
    let room = inner.bottom() - ui.cursor().top();
    let looks: Vec<ResidentLook> = residents
        .iter()
        .map(|&r| resident_look(game, view, words, state, r))
        .collect();
    let (open, heights) = open_cards(ui, game, view, words, residents, &looks, width, room);
    for (i, ((&r, look), open)) in residents.iter().zip(&looks).zip(open).enumerate() {
        let left = residents.len() - i;
        let remaining = inner.bottom() - ui.cursor().top();
        let after = if left > 1 {
            ui.text_style_height(&TextStyle::Small)
        } else {
            0.0
        };
        if heights[i] + after > remaining + 0.5 && left > 1 || heights[i] > remaining + 0.5 {
            // Not even one line each: say how many more wait here.
            let more = t.fmt_count("board.more_waiting", left as u64, &[("count", &left)]);
            ui.add(Label::new(RichText::new(more).strong()).wrap());
            break;
        }
        let arrived = state.motion.arrival(ui.ctx(), r);
        let response = ui
            .scope(|ui| {
                // A resident who just arrived fades in.
                ui.multiply_opacity(arrived);
                resident_card(ui, game, view, words, r, look, width, open)
            })
            .inner;
        record(ui.ctx(), Target::Resident(r), response.rect);
        if response.clicked() {
            state.selected = Some(r);
            state.connecting = false;
            state.refusal = None;
        }
    }
}

/// Which residents' cards are drawn open: all when they fit in `room`;
/// otherwise the selected one first, then the others in order, as long as
/// the open cards and the one-line rest still fit. Also each card's height
/// as it will be drawn (spacing included).
fn open_cards(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    residents: &[ResidentId],
    looks: &[ResidentLook],
    width: f32,
    room: f32,
) -> (Vec<bool>, Vec<f32>) {
    let gap = ui.spacing().item_spacing.y;
    let measure = |ui: &mut Ui, open: bool, r: ResidentId, look: &ResidentLook| -> f32 {
        card_height(ui, game, view, words, r, look, width, open) + gap
    };
    let full: Vec<f32> = residents
        .iter()
        .zip(looks)
        .map(|(&r, look)| measure(ui, true, r, look))
        .collect();
    if full.iter().sum::<f32>() <= room {
        return (vec![true; residents.len()], full);
    }
    let line: Vec<f32> = residents
        .iter()
        .zip(looks)
        .map(|(&r, look)| measure(ui, false, r, look))
        .collect();
    let mut open = vec![false; residents.len()];
    let mut used: f32 = line.iter().sum();
    let mut order: Vec<usize> = (0..residents.len()).collect();
    order.sort_by_key(|&i| !looks[i].selected);
    for i in order {
        let extra = full[i] - line[i];
        if used + extra <= room {
            open[i] = true;
            used += extra;
        }
    }
    let heights = open
        .iter()
        .zip(full.iter().zip(&line))
        .map(|(&o, (&f, &l))| if o { f } else { l })
        .collect();
    (open, heights)
}

fn resident_look(
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    state: &BoardUi,
    r: ResidentId,
) -> ResidentLook {
    let verdict = if game.resident_state(r).revealed() {
        let options = game.prescriptions(game.current_seat(), r);
        let cards = options.into_iter().next().unwrap_or_default();
        let prescribe = allowed(game, view, words, &Action::Prescribe { resident: r, cards });
        // A resident still building trust can be visited here instead.
        match prescribe {
            Err(_)
                if game
                    .check(game.current_seat(), &Action::Visit { resident: r })
                    .is_ok() =>
            {
                allowed(game, view, words, &Action::Visit { resident: r })
            }
            other => other,
        }
    } else {
        allowed(game, view, words, &Action::Listen { resident: r })
    };
    ResidentLook {
        show_back: view.show_hidden,
        selected: state.selected == Some(r),
        legal: verdict.is_ok(),
        refusal: verdict.err(),
        clickable: true,
    }
}
