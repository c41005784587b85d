//! The year-end summary: each district's load *at the year end* (with a
//! warning when one short of the threshold), and the residents whose needs
//! grew that year.
//!
//! The figures are those the rules put in the `YearEnded` event itself, so
//! the next year's first arrival (in the same event list) is not counted.

use bevy_egui::egui::{Key, Label, Modifiers, RichText, Ui};

use super::BoardView;
use super::cards::need_text;
use super::map::{load_line, swatch};
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
}

impl YearEnd {
    /// The summary of the last year end in `events`, as the rules' own
    /// `YearEnded` event recorded it. `None` when no year has ended in
    /// `events`.
    pub fn of(events: &[Event]) -> Option<YearEnd> {
        events.iter().rev().find_map(|e| match e {
            Event::YearEnded { year, loads, grew } => Some(YearEnd {
                year: *year,
                loads: loads.clone(),
                grew: grew.iter().map(|g| (g.resident, g.need, g.cause)).collect(),
            }),
            _ => None,
        })
    }
}

/// Draws the summary of a year end (see [`YearEnd::of`]). Returns true when
/// the person moves on (button, Space or Enter).
pub fn year_end_summary(ui: &mut Ui, game: &Game, summary: &YearEnd, view: &BoardView<'_>) -> bool {
    let t = view.texts;
    let words = view.words(game);
    let content = game.content();
    let threshold = game.collapse_threshold();
    let mut done = false;
    ui.scope(|ui| {
        ui.style_mut().interaction.selectable_labels = false;
        ui.heading(t.fmt("year_end.title", &[("year", &summary.year)]));
        ui.separator();
        for (i, district) in content.districts().iter().enumerate() {
            let d = DistrictId::from_index(i);
            let load = summary.loads.get(i).copied().unwrap_or(0);
            ui.horizontal_wrapped(|ui| {
                swatch(ui, district, view.high_contrast);
                ui.label(format!(
                    "{} {}",
                    district.symbol,
                    t.fmt(
                        "year_end.district_load",
                        &[
                            ("district", &words.district(d)),
                            ("load", &load),
                            ("threshold", &threshold)
                        ],
                    )
                ));
                ui.label(RichText::new(load_line(t, load, threshold)).small());
            });
        }
        let warnings: Vec<String> = summary
            .loads
            .iter()
            .enumerate()
            .filter_map(|(i, load)| {
                let district = words.district(DistrictId::from_index(i));
                match Pressure::of(*load, threshold) {
                    Pressure::Safe => None,
                    Pressure::OneShort => Some(format!(
                        "！ {}",
                        t.fmt("year_end.warning", &[("district", &district)])
                    )),
                    Pressure::Collapses => Some(format!(
                        "‼ {}",
                        t.fmt("year_end.at_limit", &[("district", &district)])
                    )),
                }
            })
            .collect();
        if !warnings.is_empty() {
            ui.separator();
            for w in warnings {
                ui.add(Label::new(RichText::new(w).strong()).wrap());
            }
        }
        ui.separator();
        ui.label(RichText::new(t.t("year_end.needs_grew")).strong());
        for (resident, need, _) in &summary.grew {
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
            ui.add(Label::new(format!("＋ {line}")).wrap());
        }
        if summary.grew.is_empty() {
            ui.label(RichText::new(t.t("year_end.needs_grew_none")).weak());
        }
        ui.separator();
        done = ui.button(t.t("year_end.continue")).clicked();
    });
    let key = ui.input_mut(|i| {
        i.consume_key(Modifiers::NONE, Key::Space) || i.consume_key(Modifiers::NONE, Key::Enter)
    });
    done || key
}
