//! The app's screens as Bevy states, and the title and setup screens' systems.

use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::facilitator::Facilitator;
use super::settings::AppSettings;
use super::setup_form::{SetupForm, SetupIntent, fresh_seed, setup_screen};
use super::table::{Table, new_header};
use super::title_screen::{TitleIntent, title_screen};
use super::{AppTexts, Scenario};
use crate::i18n::Texts;
use crate::session::{latest_unfinished, load_session, sessions_dir};

/// Where the app is.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Title,
    Setup,
    Playing,
    /// The saved sessions list.
    Sessions,
    /// The debrief of one session.
    Debrief,
    /// The cross-session report.
    Report,
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_systems(OnEnter(Screen::Title), find_resumable)
        .add_systems(OnEnter(Screen::Setup), fresh_form)
        .add_systems(
            EguiPrimaryContextPass,
            (
                draw_title.run_if(in_state(Screen::Title)),
                draw_setup.run_if(in_state(Screen::Setup)),
            ),
        );
}

/// What the title screen knows: the session to resume and any notice.
#[derive(Resource, Default)]
pub(super) struct TitleState {
    resume: Option<crate::session::SessionSummary>,
    pub notice: Option<String>,
}

/// The setup screen's form and its last error.
#[derive(Resource)]
pub(super) struct SetupState {
    form: SetupForm,
    error: Option<String>,
}

impl TitleState {
    /// A title state showing `notice` (e.g. a settings file that was broken).
    pub(super) fn with_notice(notice: Option<String>) -> Self {
        Self {
            resume: None,
            notice,
        }
    }
}

fn find_resumable(mut title: ResMut<TitleState>) {
    title.resume = sessions_dir().ok().and_then(|d| latest_unfinished(&d));
}

/// A new setup form, with the seat names used last time.
fn fresh_form(
    mut commands: Commands,
    scenario: Res<Scenario>,
    texts: Res<AppTexts>,
    settings: Res<AppSettings>,
) {
    let mut form = SetupForm::new(&scenario.content, &texts.0, fresh_seed());
    form.remember_names(&settings.0.seat_names);
    commands.insert_resource(SetupState { form, error: None });
}

fn draw_title(
    mut contexts: EguiContexts,
    mut commands: Commands,
    mut title: ResMut<TitleState>,
    scenario: Res<Scenario>,
    mut texts: ResMut<AppTexts>,
    mut settings: ResMut<AppSettings>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut intent = None;
    let mut root = super::root_ui(ctx, "title_root");
    egui::CentralPanel::default().show(&mut root, |ui| {
        let name = scenario.content.title().get(texts.0.language()).to_owned();
        intent = title_screen(
            ui,
            &texts.0,
            &name,
            title.resume.as_ref(),
            title.notice.as_deref(),
        );
    });
    match intent {
        Some(TitleIntent::NewSession) => next.set(Screen::Setup),
        Some(TitleIntent::Sessions) => next.set(Screen::Sessions),
        Some(TitleIntent::Guided) => match super::guide::start_guided(&texts.0) {
            Ok((table, guide)) => {
                commands.insert_resource(Facilitator::for_session(false));
                commands.insert_resource(table);
                commands.insert_resource(guide);
                next.set(Screen::Playing);
            }
            Err(e) => title.notice = Some(e),
        },
        Some(TitleIntent::Resume) => match resume(&scenario, title.resume.as_ref()) {
            Ok(table) => {
                commands.insert_resource(Facilitator::for_session(table.header.facilitator_mode));
                commands.insert_resource(table);
                next.set(Screen::Playing);
            }
            Err(e) => title.notice = Some(e),
        },
        Some(TitleIntent::Language(lang)) => {
            texts.0 = Texts::load(lang);
            settings.0.language = lang.to_owned();
            title.notice = settings.save().err();
        }
        Some(TitleIntent::Quit) => {
            exit.write(AppExit::Success);
        }
        None => {}
    }
    Ok(())
}

fn resume(
    scenario: &Scenario,
    summary: Option<&crate::session::SessionSummary>,
) -> Result<Table, String> {
    let summary = summary.ok_or("no session to resume")?;
    let loaded = load_session(&summary.path).map_err(|e| e.to_string())?;
    // The deck it was played with: the one open now, else the one its
    // header names (a built-in deck of an earlier release included).
    let content = if scenario.content.content_hash() == loaded.header.deck.content_hash {
        Arc::clone(&scenario.content)
    } else {
        crate::reflect::content_for(&loaded.header, None).map_err(|e| e.to_string())?
    };
    Table::resume(content, &loaded)
}

fn draw_setup(
    mut contexts: EguiContexts,
    mut commands: Commands,
    state: Option<ResMut<SetupState>>,
    scenario: Res<Scenario>,
    texts: Res<AppTexts>,
    mut settings: ResMut<AppSettings>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(mut state) = state else {
        return Ok(());
    };
    let state = &mut *state;
    let mut intent = None;
    let mut root = super::root_ui(ctx, "setup_root");
    egui::CentralPanel::default().show(&mut root, |ui| {
        intent = setup_screen(
            ui,
            &scenario.content,
            &texts.0,
            &mut state.form,
            state.error.as_deref(),
        );
    });
    match intent {
        Some(SetupIntent::Back) => next.set(Screen::Title),
        Some(SetupIntent::Start) => match start(&scenario, &texts.0, &state.form) {
            Ok(table) => {
                commands.insert_resource(Facilitator::for_session(state.form.facilitator_mode));
                commands.insert_resource(table);
                next.set(Screen::Playing);
                remember_names(&mut settings, &state.form, &texts.0);
            }
            Err(e) => state.error = Some(e),
        },
        None => {}
    }
    Ok(())
}

/// Keeps the seat names for the next setup. The game has started either
/// way; a settings file that cannot be written is said in the log.
fn remember_names(settings: &mut AppSettings, form: &SetupForm, texts: &Texts) {
    let names = form.names(texts);
    if settings.0.seat_names != names {
        settings.0.seat_names = names;
        if let Err(e) = settings.save() {
            warn!("the seat names could not be remembered for next time: {e}");
        }
    }
}

fn start(scenario: &Scenario, texts: &Texts, form: &SetupForm) -> Result<Table, String> {
    let setup = form.to_setup(&scenario.content, texts)?;
    let header = new_header(
        &scenario.content,
        scenario.source.clone(),
        setup,
        form.facilitator_mode,
        form.facilitator_mode.then_some(form.target_minutes),
        form.relabels(),
    );
    let dir = sessions_dir().map_err(|e| e.to_string())?;
    Table::start(Arc::clone(&scenario.content), header, Some(&dir))
}
