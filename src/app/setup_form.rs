//! The setup screen: scenario, difficulty, seats (name, role, human or bot,
//! home district, named by the local district names), seed, facilitator
//! mode and local district names (folded away until wanted). Back and Start
//! stay in a bar under the scrolling form, always in view. The drawing function edits only the
//! form and returns what the person wants.

use bevy_egui::egui;

use crate::content::Content;
use crate::i18n::Texts;
use crate::rules::{BotKind, SeatKind, SeatSetup, Setup};
use crate::ui::Target;
use crate::ui::targets::record;

/// Height of the facilitator-mode choice: a target easy to hit on a
/// projector's laptop, far above a checkbox's box.
pub const TOGGLE_HEIGHT: f32 = 48.0;

/// Height of the Back and Start buttons.
const ACTION_HEIGHT: f32 = 56.0;

/// What the person asked for on the setup screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupIntent {
    Start,
    Back,
}

/// One seat being set up.
#[derive(Debug, Clone, PartialEq)]
pub struct SeatForm {
    pub name: String,
    pub role: usize,
    pub kind: SeatKind,
    pub home: usize,
}

/// The setup screen's choices.
#[derive(Debug, Clone, PartialEq)]
pub struct SetupForm {
    pub difficulty: usize,
    pub seat_count: usize,
    pub seats: Vec<SeatForm>,
    pub seed_text: String,
    pub facilitator_mode: bool,
    pub target_minutes: u32,
    pub relabels: Vec<String>,
}

impl SetupForm {
    /// Defaults for a scenario: 4 human seats with the default roles.
    pub fn new(content: &Content, texts: &Texts, seed: u64) -> Self {
        let seats = (0..6)
            .map(|i| SeatForm {
                name: texts.fmt("setup.default_name", &[("n", &(i + 1))]),
                role: content
                    .default_roles()
                    .get(i)
                    .map_or(i % content.roles().len().max(1), |r| r.index()),
                kind: SeatKind::Human,
                home: i % content.districts().len().max(1),
            })
            .collect();
        let default_difficulty = content
            .difficulties()
            .iter()
            .position(|d| d.id == content.default_difficulty().id)
            .unwrap_or(0);
        Self {
            difficulty: default_difficulty,
            seat_count: 4,
            seats,
            seed_text: seed.to_string(),
            facilitator_mode: false,
            target_minutes: 90,
            relabels: vec![String::new(); content.districts().len()],
        }
    }

    /// Puts the seat names used last time (from the settings) back in the
    /// form; seats beyond them keep their default names.
    pub fn remember_names(&mut self, names: &[String]) {
        for (seat, name) in self.seats.iter_mut().zip(names) {
            if !name.trim().is_empty() {
                seat.name = name.trim().to_owned();
            }
        }
    }

    /// The seat names to remember for next time, in seat order: a name
    /// left at its default is remembered as empty (so it follows the
    /// language), and trailing empty ones are dropped.
    pub fn names(&self, texts: &Texts) -> Vec<String> {
        let mut names: Vec<String> = self
            .seats
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let name = s.name.trim();
                let default = texts.fmt("setup.default_name", &[("n", &(i + 1))]);
                if name == default {
                    String::new()
                } else {
                    name.to_owned()
                }
            })
            .collect();
        while names.last().is_some_and(String::is_empty) {
            names.pop();
        }
        names
    }

    /// A district's name as this table calls it: the local name when one
    /// was given, else the deck's.
    fn district_name<'a>(&'a self, content: &'a Content, lang: &str, d: usize) -> &'a str {
        match self.relabels.get(d).map(|r| r.trim()) {
            Some(local) if !local.is_empty() => local,
            _ => content.districts()[d].name.get(lang),
        }
    }

    /// The game setup these choices describe, or what is wrong with them.
    pub fn to_setup(&self, content: &Content, texts: &Texts) -> Result<Setup, String> {
        let seed: u64 = self
            .seed_text
            .trim()
            .parse()
            .map_err(|_| texts.t("setup.seed_invalid").to_owned())?;
        let seats: Vec<SeatSetup> = self.seats[..self.seat_count]
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let role = &content.roles()[s.role];
                SeatSetup {
                    name: if s.name.trim().is_empty() {
                        texts.fmt("setup.default_name", &[("n", &(i + 1))])
                    } else {
                        s.name.trim().to_owned()
                    },
                    role: role.key.clone(),
                    home_district: role
                        .needs_home_district()
                        .then(|| content.districts()[s.home].key.clone()),
                    kind: s.kind,
                }
            })
            .collect();
        for (i, s) in seats.iter().enumerate() {
            if seats[..i].iter().any(|o| o.role == s.role) {
                return Err(texts.t("setup.duplicate_role").to_owned());
            }
        }
        Ok(Setup {
            seed,
            difficulty: content.difficulties()[self.difficulty].id.clone(),
            seats,
        })
    }

    /// Local names per district (`None` keeps the deck's name).
    pub fn relabels(&self) -> Vec<Option<String>> {
        self.relabels
            .iter()
            .map(|r| (!r.trim().is_empty()).then(|| r.trim().to_owned()))
            .collect()
    }
}

/// Draws the setup form. `error` is shown above the Start button.
pub fn setup_screen(
    ui: &mut egui::Ui,
    content: &Content,
    texts: &Texts,
    form: &mut SetupForm,
    error: Option<&str>,
) -> Option<SetupIntent> {
    let lang = texts.language();
    let mut intent = None;
    ui.heading(texts.t("setup.title"));
    ui.label(texts.fmt("setup.builtin", &[("title", &content.title().get(lang))]));
    // The form scrolls above a bar that keeps Back and Start in view.
    let spacing = ui.spacing().item_spacing.y;
    let error_height = error.map_or(0.0, |_| {
        ui.text_style_height(&egui::TextStyle::Body) + spacing
    });
    let bar_height = ACTION_HEIGHT + error_height + 3.0 * spacing + 8.0;
    let form_height = (ui.available_height() - bar_height).max(ACTION_HEIGHT);
    egui::ScrollArea::vertical()
        .max_height(form_height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("setup_grid")
                .num_columns(2)
                .spacing([24.0, 12.0])
                .show(ui, |ui| {
                    ui.label(texts.t("setup.difficulty"));
                    ui.horizontal(|ui| {
                        for (i, d) in content.difficulties().iter().enumerate() {
                            ui.selectable_value(&mut form.difficulty, i, d.name.get(lang))
                                .on_hover_text(d.description.get(lang));
                        }
                    });
                    ui.end_row();
                    ui.label(texts.t("setup.seats"));
                    ui.horizontal(|ui| {
                        for n in 1..=6 {
                            ui.selectable_value(
                                &mut form.seat_count,
                                n,
                                texts.fmt_count("setup.seat_count", n as u64, &[("count", &n)]),
                            );
                        }
                    });
                    ui.end_row();
                });
            ui.separator();
            let homes: Vec<String> = (0..content.districts().len())
                .map(|d| {
                    let symbol = &content.districts()[d].symbol;
                    format!("{symbol} {}", form.district_name(content, lang, d))
                })
                .collect();
            for i in 0..form.seat_count {
                seat_row(ui, content, texts, i, &mut form.seats[i], &homes);
            }
            ui.separator();
            egui::Grid::new("setup_more")
                .num_columns(2)
                .spacing([24.0, 12.0])
                .show(ui, |ui| {
                    ui.label(texts.t("setup.seed"));
                    ui.horizontal(|ui| {
                        ui.add(
                            egui::TextEdit::singleline(&mut form.seed_text).desired_width(280.0),
                        )
                        .on_hover_text(texts.t("setup.seed_hint"));
                        if ui.button(texts.t("setup.random_seed")).clicked() {
                            form.seed_text = fresh_seed().to_string();
                        }
                    });
                    ui.end_row();
                    ui.label(texts.t("setup.facilitator_mode"));
                    ui.horizontal(|ui| {
                        for (on, key) in [
                            (false, "setup.facilitator_off"),
                            (true, "setup.facilitator_on"),
                        ] {
                            let choice =
                                egui::Button::selectable(form.facilitator_mode == on, texts.t(key))
                                    .min_size(egui::vec2(160.0, TOGGLE_HEIGHT));
                            if ui.add(choice).clicked() {
                                form.facilitator_mode = on;
                            }
                        }
                    });
                    ui.end_row();
                    if form.facilitator_mode {
                        ui.label(texts.t("setup.target_minutes"));
                        ui.add(egui::DragValue::new(&mut form.target_minutes).range(15..=240));
                        ui.end_row();
                    }
                });
            egui::CollapsingHeader::new(texts.t("setup.relabel"))
                .id_salt("cc.setup.relabel")
                .default_open(false)
                .show(ui, |ui| {
                    ui.label(texts.t("setup.relabel_hint"));
                    for (d, label) in content.districts().iter().zip(form.relabels.iter_mut()) {
                        ui.horizontal(|ui| {
                            ui.label(format!("{} {}", d.symbol, d.name.get(lang)));
                            ui.add(egui::TextEdit::singleline(label).desired_width(320.0));
                        });
                    }
                });
        });
    ui.separator();
    if let Some(e) = error {
        ui.label(egui::RichText::new(format!("！ {e}")).strong());
    }
    ui.horizontal(|ui| {
        let back =
            egui::Button::new(texts.t("setup.back")).min_size(egui::vec2(160.0, ACTION_HEIGHT));
        let back = ui.add(back);
        record(ui.ctx(), Target::SetupBack, back.rect);
        if back.clicked() {
            intent = Some(SetupIntent::Back);
        }
        let start = egui::Button::new(egui::RichText::new(texts.t("setup.start")).strong())
            .min_size(egui::vec2(240.0, ACTION_HEIGHT));
        let start = ui.add(start);
        record(ui.ctx(), Target::SetupStart, start.rect);
        if start.clicked() {
            intent = Some(SetupIntent::Start);
        }
    });
    intent
}

fn seat_row(
    ui: &mut egui::Ui,
    content: &Content,
    texts: &Texts,
    i: usize,
    seat: &mut SeatForm,
    homes: &[String],
) {
    let lang = texts.language();
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(texts.fmt("setup.seat_n", &[("n", &(i + 1))])).strong());
        ui.label(texts.t("setup.name"));
        ui.add(egui::TextEdit::singleline(&mut seat.name).desired_width(200.0));
        ui.label(texts.t("setup.role"));
        let role = &content.roles()[seat.role];
        egui::ComboBox::from_id_salt(("role", i))
            .selected_text(role.name.get(lang))
            .show_ui(ui, |ui| {
                for (r, role) in content.roles().iter().enumerate() {
                    ui.selectable_value(&mut seat.role, r, role.name.get(lang));
                }
            });
        let human = seat.kind == SeatKind::Human;
        if ui.selectable_label(human, texts.t("setup.human")).clicked() {
            seat.kind = SeatKind::Human;
        }
        if ui
            .selectable_label(!human, texts.t("setup.bot_heuristic"))
            .clicked()
        {
            seat.kind = SeatKind::Bot(BotKind::Heuristic);
        }
    });
    // On its own line: a combo box does not wrap, and past the right edge it
    // would widen the whole form.
    if content.roles()[seat.role].needs_home_district() {
        ui.horizontal(|ui| {
            ui.label(texts.t("setup.home_district"));
            egui::ComboBox::from_id_salt(("home", i))
                .selected_text(&homes[seat.home])
                .show_ui(ui, |ui| {
                    for (k, name) in homes.iter().enumerate() {
                        ui.selectable_value(&mut seat.home, k, name);
                    }
                });
        });
    }
    ui.label(egui::RichText::new(content.roles()[seat.role].ability_text.get(lang)).italics());
}

/// A seed for a new game: the clock is fine here, outside the rules; the seed
/// is shown and recorded, so the game stays reproducible.
pub fn fresh_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    (nanos as u64) % 1_000_000
}
