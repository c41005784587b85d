//! The playing screen: the board, the year-end summary and the handoff card
//! between seats, the game end and the `Esc` menu. [`main_window`] draws the
//! window everyone sees and returns a [`PlayIntent`]; one system applies the
//! board's intents through [`Table::apply`], and one applies the menu's.
//! Bots play at a visible pace.

use std::path::Path;

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::AppTexts;
use super::facilitator::{Facilitator, Place};
use super::screens::Screen;
use super::settings::AppSettings;
use super::table::{Stage, Table};
use crate::i18n::Texts;
use crate::session::InterventionKind;
use crate::ui::{
    self, BoardUi, BoardView, BotPace, EndIntent, Intent, MenuIntent, MenuUi, MenuView,
};

pub(super) fn plugin(app: &mut App) {
    logic(app);
    app.add_systems(
        EguiPrimaryContextPass,
        draw_playing.run_if(in_state(Screen::Playing)),
    );
}

/// The systems that move the game without drawing: bots, the play clock and
/// the menu's choices.
pub(super) fn logic(app: &mut App) {
    app.init_resource::<PlayState>()
        .add_systems(OnEnter(Screen::Playing), reset_board)
        .add_systems(
            Update,
            (apply_menu, play_bots, count_time)
                .run_if(in_state(Screen::Playing).and_then(resource_exists::<Table>)),
        );
}

/// The main window's own state: the board's selection, the menu, and the
/// bots' timing.
#[derive(Resource)]
pub struct PlayState {
    pub board: BoardUi,
    /// The `Esc` menu, while it is open.
    pub menu: Option<MenuUi>,
    /// Why the menu's last choice did not happen.
    pub menu_message: Option<String>,
    /// The menu's choice, for [`apply_menu`].
    pending: Option<MenuIntent>,
    /// When the current bot may act next (seconds since startup).
    bot_ready_at: f64,
    /// When the open year-end summary was first seen by the bots.
    year_end_since: Option<f64>,
}

impl Default for PlayState {
    fn default() -> Self {
        Self {
            board: BoardUi::default(),
            menu: None,
            menu_message: None,
            pending: None,
            bot_ready_at: 0.0,
            year_end_since: None,
        }
    }
}

impl PlayState {
    /// Asks for a menu choice to be applied (as clicking it does).
    pub fn request(&mut self, intent: MenuIntent) {
        self.pending = Some(intent);
    }
}

/// What the main window asked for this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlayIntent {
    Board(Intent),
    End(EndIntent),
    /// The next seat took the seat (the handoff card was clicked).
    HandoffTaken,
    /// The year-end summary was closed.
    YearEndClosed,
    Menu(MenuIntent),
    /// The facilitator's tools beside the board asked for something.
    Facilitator(super::facilitator::FacilitatorIntent),
}

fn reset_board(mut play: ResMut<PlayState>) {
    play.board.reset();
    play.menu = None;
    play.menu_message = None;
    play.pending = None;
    play.year_end_since = None;
}

/// The window everyone sees: the facilitator's tools beside the board when
/// they are put there (never hidden worries), then what the table is at
/// ([`Table::stage`]), then the `Esc` menu over it when open. Nothing
/// private is drawn here when the tools are in their own window or hidden.
pub fn main_window(
    ui: &mut egui::Ui,
    table: &mut Table,
    fac: &mut Facilitator,
    play: &mut PlayState,
    texts: &Texts,
    settings: &crate::session::Settings,
) -> Option<PlayIntent> {
    let mut tools = None;
    if fac.side_panel_open() {
        tools = egui::Panel::right("facilitator_panel")
            .min_size(420.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .show(ui, |ui| {
                        super::facilitator::draw_panel(ui, table, texts, fac, Place::Side)
                    })
                    .inner
            })
            .inner;
    }
    crate::ui::targets::begin(ui.ctx());
    fac.focus = play.board.selected();
    let relabels = table.header.district_relabels.clone();
    let notice = table.notice.clone();
    let log = if table.stage() == Stage::Board {
        table.recent_log(texts)
    } else {
        Vec::new()
    };
    let view = BoardView {
        texts,
        relabels: &relabels,
        hint: None,
        show_hidden: false,
        high_contrast: settings.high_contrast,
        interactive: table.current_is_human() && !table.paused && play.menu.is_none(),
        notice: notice.as_deref(),
        log: &log,
        events: &table.events,
        motion: !settings.reduced_motion,
        practice: table.header.practice,
    };
    let mut intent = None;
    egui::CentralPanel::default().show(ui, |ui| match table.stage() {
        Stage::Over => intent = ui::game_end(ui, &table.game, &view).map(PlayIntent::End),
        Stage::YearEnd => {
            if let Some(events) = &table.year_end
                && ui::year_end_summary(ui, &table.game, events, &view)
            {
                intent = Some(PlayIntent::YearEndClosed);
            }
        }
        Stage::Handoff => {
            let seat = table.game.current_seat();
            let name = &table.header.setup.seats[seat].name;
            let role = table.content.role(table.game.seats()[seat].role());
            if ui::handoff(ui, texts, name, role.name.get(texts.language())) {
                intent = Some(PlayIntent::HandoffTaken);
            }
        }
        Stage::Board => {
            intent = ui::board(ui, &table.game, &view, &mut play.board).map(PlayIntent::Board);
        }
    });
    if play.menu.is_some() {
        // the open menu has the keys: Space does not take the seat behind it
        intent = None;
    }
    if let Some(asked) = tools {
        intent = intent.or(Some(PlayIntent::Facilitator(asked)));
    }
    match &mut play.menu {
        Some(menu) => {
            let menu_view = MenuView {
                texts,
                facilitator: fac.enabled,
                pace: BotPace::of_millis(settings.bot_pace_ms),
                stop_at_year_end: settings.stop_at_year_end,
                language: texts.language(),
                scale: settings.ui_scale,
                high_contrast: settings.high_contrast,
                reduced_motion: settings.reduced_motion,
                game_over: table.game.is_over(),
                message: play.menu_message.as_deref(),
            };
            let chosen = egui::Modal::new(egui::Id::new("cc.menu"))
                .show(ui.ctx(), |ui| ui::game_menu(ui, &menu_view, menu))
                .inner;
            intent = chosen.map(PlayIntent::Menu).or(intent);
        }
        None => {
            let free = !ui.ctx().egui_wants_keyboard_input();
            if free && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
                play.menu = Some(MenuUi::default());
                play.menu_message = None;
            }
        }
    }
    intent
}

fn draw_playing(
    mut contexts: EguiContexts,
    mut table: Option<ResMut<Table>>,
    mut play: ResMut<PlayState>,
    texts: Res<AppTexts>,
    settings: Res<AppSettings>,
    mut facilitator: ResMut<Facilitator>,
    mut next: ResMut<NextState<Screen>>,
    mut commands: Commands,
    scenario: Res<super::Scenario>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(table) = table.as_deref_mut() else {
        next.set(Screen::Title);
        return Ok(());
    };
    let texts = &texts.0;
    let mut root = super::root_ui(ctx, "play_root");
    let intent = main_window(
        &mut root,
        table,
        &mut facilitator,
        &mut play,
        texts,
        &settings.0,
    );
    if table.paused {
        super::facilitator::draw_pause_overlay(ctx, texts);
    }
    match intent {
        Some(PlayIntent::Board(intent)) => {
            let result = match intent {
                Intent::Act(action) => table.apply(action, texts),
                Intent::Undo => table.undo(texts),
            };
            table.notice = result.err();
        }
        Some(PlayIntent::HandoffTaken) => table.handoff_pending = false,
        Some(PlayIntent::YearEndClosed) => table.year_end = None,
        Some(PlayIntent::End(EndIntent::Title)) => next.set(Screen::Title),
        Some(PlayIntent::End(EndIntent::Debrief)) => match table
            .session_path()
            .map(Path::to_path_buf)
        {
            Some(path) => match super::debrief::DebriefSession::open(&path, Some(&scenario)) {
                Ok(d) => {
                    commands.insert_resource(d);
                    next.set(Screen::Debrief);
                }
                Err(e) => table.notice = Some(texts.fmt("debrief.open_failed", &[("error", &e)])),
            },
            None => next.set(Screen::Title),
        },
        Some(PlayIntent::Menu(choice)) => play.request(choice),
        Some(PlayIntent::Facilitator(asked)) => {
            super::facilitator::apply(table, &mut facilitator, texts, asked);
        }
        None => {}
    }
    Ok(())
}

/// Applies the menu's choice: the one place it changes the session.
fn apply_menu(
    mut play: ResMut<PlayState>,
    mut table: ResMut<Table>,
    mut fac: ResMut<Facilitator>,
    mut settings: ResMut<AppSettings>,
    mut app_texts: ResMut<AppTexts>,
    mut next: ResMut<NextState<Screen>>,
    mut commands: Commands,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let Some(choice) = play.pending.take() else {
        return;
    };
    redraw.write(RequestRedraw);
    play.menu_message = None;
    // A setting is remembered as soon as it is chosen.
    let setting = matches!(
        choice,
        MenuIntent::BotPace(_)
            | MenuIntent::StopAtYearEnd(_)
            | MenuIntent::Language(_)
            | MenuIntent::Scale(_)
            | MenuIntent::HighContrast(_)
            | MenuIntent::ReducedMotion(_)
    );
    match choice {
        MenuIntent::Resume => play.menu = None,
        MenuIntent::Facilitator(on) => {
            fac.enabled = on;
            table.header.facilitator_mode = on;
            let record = crate::session::Record::FacilitatorMode {
                on,
                elapsed_secs: table.elapsed_secs as u64,
            };
            play.menu_message = table.record(&record).err();
        }
        MenuIntent::BotPace(pace) => settings.0.bot_pace_ms = pace.millis(),
        MenuIntent::StopAtYearEnd(stop) => settings.0.stop_at_year_end = stop,
        MenuIntent::Language(code) => {
            settings.0.language = code.to_owned();
            app_texts.0 = Texts::load(code);
        }
        MenuIntent::Scale(percent) => settings.0.ui_scale = f32::from(percent) / 100.0,
        MenuIntent::HighContrast(on) => settings.0.high_contrast = on,
        MenuIntent::ReducedMotion(on) => settings.0.reduced_motion = on,
        MenuIntent::Title => {
            // every record is already on disk: the title offers to resume it
            play.menu = None;
            commands.remove_resource::<Table>();
            next.set(Screen::Title);
        }
        MenuIntent::EndGame(reason) => {
            match table.intervene(InterventionKind::EndGame, &reason, &app_texts.0) {
                Ok(()) => play.menu = None,
                Err(e) => play.menu_message = Some(e),
            }
        }
    }
    if setting {
        play.menu_message = settings.save().err();
    }
}

/// Bots take their turns one action at a time, at the pace in the settings,
/// so that people can follow each action in the log. At a year end they wait
/// for the summary to be closed when the menu says so (or a person plays
/// next); otherwise they close it themselves after three of their pauses.
fn play_bots(
    mut table: ResMut<Table>,
    mut play: ResMut<PlayState>,
    texts: Res<AppTexts>,
    settings: Res<AppSettings>,
    time: Res<Time>,
    guide: Option<Res<super::guide::GuideOverlay>>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    if table.paused || table.game.is_over() || table.current_is_human() {
        return;
    }
    if guide.is_some_and(|g| g.holds_bots()) {
        // the guided game's callout is being read: nothing moves on
        return;
    }
    let now = time.elapsed_secs_f64();
    let pause = f64::from(settings.0.bot_pace_ms) / 1000.0;
    if table.year_end.is_some() {
        if settings.0.stop_at_year_end {
            return;
        }
        redraw.write(RequestRedraw);
        let since = *play.year_end_since.get_or_insert(now);
        if now - since < 3.0 * pause {
            return;
        }
        table.year_end = None;
    }
    play.year_end_since = None;
    redraw.write(RequestRedraw);
    if now < play.bot_ready_at {
        return;
    }
    play.bot_ready_at = now + pause;
    if let Some(action) = table.bot_action() {
        let result = table.apply(action, &texts.0);
        table.notice = result.err();
    }
}

/// Counts play time (not paused) for the facilitator's timer.
fn count_time(mut table: ResMut<Table>, time: Res<Time>) {
    if !table.paused && !table.game.is_over() {
        table.elapsed_secs += time.delta_secs_f64();
    }
}
