//! The playing screen: the board, the handoff card between seats, the
//! year-end summary and the game end. Intents from the UI go through one
//! system into [`Table::apply`]; bots play at a visible pace.

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::screens::Screen;
use super::settings::AppSettings;
use super::table::Table;
use super::{AppTexts, facilitator::Facilitator};
use crate::bots::advise;
use crate::ui::{self, BoardUi, BoardView, EndIntent, Intent};

pub(super) fn plugin(app: &mut App) {
    logic(app);
    app.add_systems(
        EguiPrimaryContextPass,
        draw_playing.run_if(in_state(Screen::Playing)),
    );
}

/// The systems that move the game without drawing: bots and the play clock.
pub(super) fn logic(app: &mut App) {
    app.init_resource::<BoardState>()
        .add_systems(OnEnter(Screen::Playing), reset_board)
        .add_systems(
            Update,
            (play_bots, count_time)
                .run_if(in_state(Screen::Playing).and_then(resource_exists::<Table>)),
        );
}

/// The public board's own UI state.
#[derive(Resource, Default)]
pub(super) struct BoardState {
    pub ui: BoardUi,
    /// When the current bot may act next (seconds since startup).
    bot_ready_at: f64,
}

fn reset_board(mut board: ResMut<BoardState>) {
    board.ui.reset();
}

fn draw_playing(
    mut contexts: EguiContexts,
    mut table: Option<ResMut<Table>>,
    mut board: ResMut<BoardState>,
    texts: Res<AppTexts>,
    settings: Res<AppSettings>,
    mut facilitator: ResMut<Facilitator>,
    mut next: ResMut<NextState<Screen>>,
    mut commands: Commands,
    scenario: Res<super::Scenario>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut debrief_after: Option<std::path::PathBuf> = None;
    let Some(table) = table.as_deref_mut() else {
        next.set(Screen::Title);
        return Ok(());
    };
    let texts = &texts.0;
    let focus = board.ui.selected();
    if facilitator.focus != focus {
        facilitator.focus = focus;
    }
    let mut root = super::root_ui(ctx, "play_root");
    if facilitator.side_panel_open() {
        egui::Panel::right("facilitator_panel")
            .min_size(420.0)
            .show(&mut root, |ui| {
                super::facilitator::draw_panel(ui, table, texts, &mut facilitator);
            });
    }
    let hint = facilitator
        .coaching_hint
        .then(|| advise(&table.game, table.game.current_seat()));
    let relabels = table.header.district_relabels.clone();
    let view = BoardView {
        texts,
        relabels: &relabels,
        hint: hint.as_ref(),
        show_hidden: facilitator.show_hidden_on_board(),
        high_contrast: settings.0.high_contrast,
        interactive: table.current_is_human() && !table.paused,
    };
    egui::CentralPanel::default().show(&mut root, |ui| {
        if table.game.is_over() {
            match ui::game_end(ui, &table.game, &view) {
                Some(EndIntent::Title) => next.set(Screen::Title),
                Some(EndIntent::Debrief) => {
                    debrief_after = table.session_path().map(std::path::Path::to_path_buf);
                    next.set(if debrief_after.is_some() {
                        Screen::Debrief
                    } else {
                        Screen::Title
                    });
                }
                None => {}
            }
            return;
        }
        if table.handoff_pending {
            let seat = table.game.current_seat();
            let name = table.header.setup.seats[seat].name.clone();
            let role = table
                .content
                .role(table.game.seats()[seat].role())
                .name
                .get(texts.language())
                .to_owned();
            if ui::handoff(ui, texts, &name, &role) {
                table.handoff_pending = false;
            }
            return;
        }
        if let Some(events) = table.year_end.clone() {
            if ui::year_end_summary(ui, &table.game, &events, &view) {
                table.year_end = None;
            }
            return;
        }
        let log = table.recent_log(texts);
        egui::Panel::bottom("log").resizable(true).show(ui, |ui| {
            ui::log_panel(ui, &log);
        });
        let intent = ui::board(ui, &table.game, &view, &mut board.ui);
        if let Some(n) = &table.notice {
            ui.label(egui::RichText::new(format!("！ {n}")).strong());
        }
        if let Some(intent) = intent {
            let result = match intent {
                Intent::Act(action) => table.apply(action, texts),
                Intent::Undo => table.undo(texts),
            };
            table.notice = result.err();
        }
    });
    if table.paused {
        super::facilitator::draw_pause_overlay(ctx, texts);
    }
    if let Some(path) = debrief_after {
        match super::debrief::DebriefSession::open(&path, Some(&scenario)) {
            Ok(d) => commands.insert_resource(d),
            Err(e) => {
                table.notice = Some(texts.fmt("debrief.open_failed", &[("error", &e)]));
                next.set(Screen::Playing);
            }
        }
    }
    Ok(())
}

/// Bots take their turns one action at a time, at the pace in the settings,
/// so that people can follow each action in the log.
fn play_bots(
    mut table: ResMut<Table>,
    mut board: ResMut<BoardState>,
    texts: Res<AppTexts>,
    settings: Res<AppSettings>,
    time: Res<Time>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    if table.paused || table.game.is_over() || table.year_end.is_some() || table.current_is_human()
    {
        return;
    }
    redraw.write(RequestRedraw);
    let now = time.elapsed_secs_f64();
    if now < board.bot_ready_at {
        return;
    }
    board.bot_ready_at = now + f64::from(settings.0.bot_pace_ms) / 1000.0;
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
