//! The in-game menu behind `Esc`: resume, facilitator tools on or off, the
//! bots' pace, stopping at each year end, language, UI scale, contrast and
//! motion, the keyboard shortcuts, back to the title (the session is
//! on disk and stays resumable), and ending the game with a reason. It draws
//! and returns a [`MenuIntent`]; the shell applies it in one place.

use bevy_egui::egui::{Button, Key, Label, Modifiers, RichText, TextEdit, Ui};

use crate::i18n::{LANGUAGES, Texts};

/// How long bots wait between their actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BotPace {
    Slow,
    Normal,
    Fast,
}

impl BotPace {
    /// Every pace, slowest first.
    pub const ALL: [BotPace; 3] = [BotPace::Slow, BotPace::Normal, BotPace::Fast];

    /// Milliseconds between two bot actions.
    pub fn millis(self) -> u32 {
        match self {
            BotPace::Slow => 2_500,
            BotPace::Normal => 800,
            BotPace::Fast => 250,
        }
    }

    /// The pace nearest to a stored number of milliseconds.
    pub fn of_millis(ms: u32) -> BotPace {
        Self::ALL
            .into_iter()
            .min_by_key(|p| p.millis().abs_diff(ms))
            .unwrap_or(BotPace::Normal)
    }

    fn key(self) -> &'static str {
        match self {
            BotPace::Slow => "menu.pace_slow",
            BotPace::Normal => "menu.pace_normal",
            BotPace::Fast => "menu.pace_fast",
        }
    }
}

/// What the person chose in the menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MenuIntent {
    /// Close the menu and go on playing (also `Esc`).
    Resume,
    /// Turn facilitator mode on or off for the rest of the session.
    Facilitator(bool),
    /// Bots play at this pace.
    BotPace(BotPace),
    /// Whether the year-end summary waits for a click even when a bot plays next.
    StopAtYearEnd(bool),
    /// Show the game in this language (`"ja"`, `"en"`).
    Language(&'static str),
    /// Zoom the whole screen by this percentage (100 = fits the window).
    Scale(u16),
    /// The high-contrast theme on or off.
    HighContrast(bool),
    /// Animations off (changes show at once) or on.
    ReducedMotion(bool),
    /// Back to the title screen; the session stays on disk, resumable.
    Title,
    /// End the game now, through the rules, for this reason.
    EndGame(String),
}

/// What the menu shows about the session.
#[derive(Debug, Clone, Copy)]
pub struct MenuView<'a> {
    pub texts: &'a Texts,
    pub facilitator: bool,
    pub pace: BotPace,
    pub stop_at_year_end: bool,
    pub language: &'a str,
    pub scale: f32,
    pub high_contrast: bool,
    pub reduced_motion: bool,
    /// The game is over: nothing left to end.
    pub game_over: bool,
    /// Why the last choice did not happen, if it was refused.
    pub message: Option<&'a str>,
}

/// The menu's own state: the reason being typed for ending the game.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MenuUi {
    pub reason: String,
}

/// Facilitator tools, the bots' pace, year-end stops, back to the title,
/// ending the game with a reason.
fn session_choices(ui: &mut Ui, view: &MenuView<'_>, state: &mut MenuUi) -> Option<MenuIntent> {
    let t = view.texts;
    let mut intent = None;
    let mut facilitator = view.facilitator;
    if ui
        .checkbox(&mut facilitator, t.t("menu.facilitator"))
        .changed()
    {
        intent = Some(MenuIntent::Facilitator(facilitator));
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(t.t("menu.bot_pace"));
        for pace in BotPace::ALL {
            if ui
                .selectable_label(view.pace == pace, t.t(pace.key()))
                .clicked()
                && view.pace != pace
            {
                intent = Some(MenuIntent::BotPace(pace));
            }
        }
    });
    let mut stop = view.stop_at_year_end;
    if ui
        .checkbox(&mut stop, t.t("menu.stop_at_year_end"))
        .changed()
    {
        intent = Some(MenuIntent::StopAtYearEnd(stop));
    }
    ui.separator();
    if ui.button(t.t("menu.to_title")).clicked() {
        intent = Some(MenuIntent::Title);
    }
    ui.add(Label::new(RichText::new(t.t("menu.to_title_saved")).small()).wrap());
    if !view.game_over {
        ui.separator();
        ui.label(t.t("facilitator.reason"));
        ui.add(
            TextEdit::singleline(&mut state.reason)
                .hint_text(t.t("menu.end_reason_hint"))
                .desired_width(f32::INFINITY),
        );
        let reason = state.reason.trim();
        let end = ui.add_enabled(!reason.is_empty(), Button::new(t.t("menu.end_game")));
        let end = end.on_disabled_hover_text(t.t("facilitator.reason_required"));
        if end.clicked() {
            intent = Some(MenuIntent::EndGame(reason.to_owned()));
        }
    }
    intent
}

/// UI scales the menu offers, in percent.
pub const SCALES: [u16; 4] = [100, 125, 150, 200];

/// Language, scale, contrast and motion.
fn settings(ui: &mut Ui, view: &MenuView<'_>) -> Option<MenuIntent> {
    let t = view.texts;
    let mut intent = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(t.t("title.language"));
        for (code, name) in LANGUAGES {
            if ui.selectable_label(view.language == code, name).clicked() && view.language != code {
                intent = Some(MenuIntent::Language(code));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(t.t("menu.scale"));
        for scale in SCALES {
            let on = (view.scale * 100.0 - f32::from(scale)).abs() < 0.5;
            if ui.selectable_label(on, format!("{scale}%")).clicked() && !on {
                intent = Some(MenuIntent::Scale(scale));
            }
        }
    });
    let mut contrast = view.high_contrast;
    if ui
        .checkbox(&mut contrast, t.t("menu.high_contrast"))
        .changed()
    {
        intent = Some(MenuIntent::HighContrast(contrast));
    }
    let mut still = view.reduced_motion;
    if ui
        .checkbox(&mut still, t.t("menu.reduced_motion"))
        .changed()
    {
        intent = Some(MenuIntent::ReducedMotion(still));
    }
    intent
}

/// Draws the menu and returns what the person chose: the session's choices
/// on the left, the display's on the right, the keys underneath, so that it
/// fits a 1280×720 canvas.
pub fn game_menu(ui: &mut Ui, view: &MenuView<'_>, state: &mut MenuUi) -> Option<MenuIntent> {
    let t = view.texts;
    let mut intent = None;
    let width = ui.ctx().content_rect().width() * 0.8;
    ui.set_max_width(width);
    ui.set_min_width(width);
    ui.horizontal(|ui| {
        ui.heading(t.t("menu.title"));
        if ui.button(t.t("menu.resume")).clicked() {
            intent = Some(MenuIntent::Resume);
        }
    });
    ui.separator();
    ui.columns(2, |cols| {
        if let Some(chosen) = session_choices(&mut cols[0], view, state) {
            intent = Some(chosen);
        }
        if let Some(chosen) = settings(&mut cols[1], view) {
            intent = Some(chosen);
        }
    });
    ui.separator();
    ui.add(Label::new(RichText::new(t.t("board.shortcuts")).small()).wrap());
    if let Some(m) = view.message {
        ui.separator();
        ui.add(Label::new(RichText::new(format!("！ {m}")).strong()).wrap());
    }
    let focused = ui.ctx().memory(|m| m.focused().is_some());
    if !focused && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        intent = intent.or(Some(MenuIntent::Resume));
    }
    intent
}
