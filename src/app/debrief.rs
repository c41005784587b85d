//! The debrief screen's shell: opens a saved session (after a game, or from
//! the sessions list), draws [`crate::ui::debrief`], and carries out what it
//! asks — saving question notes and workshop proposals into the session,
//! replaying the board to a moment, forking a practice game, exporting.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::facilitator::Facilitator;
use super::open_folder::open_folder_message;
use super::settings::AppSettings;
use super::table::Table;
use super::{AppTexts, Scenario, Screen};
use crate::content::Content;
use crate::export::{self, ExportOptions, Format};
use crate::i18n::Texts;
use crate::reflect::{Reflection, content_for};
use crate::rules::{Game, replay_prefix};
use crate::session::{
    LoadedSession, Proposal, Record, SessionWriter, data_dir, fork_session, load_session,
    proposals_path, safe_file_stem, sessions_dir, write_proposals,
};
use crate::ui::debrief::{DebriefIntent, DebriefUi, DebriefView, debrief};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw_debrief.run_if(in_state(Screen::Debrief)),
    );
}

/// The session open on the debrief screen.
#[derive(Resource)]
pub struct DebriefSession {
    loaded: LoadedSession,
    pub reflection: Reflection,
    pub ui: DebriefUi,
    /// The board at `ui.replay_at`, once replayed.
    replay: Option<Game>,
    proposals: Vec<Proposal>,
    /// Where the workshop's draft file goes (shown on screen), found once.
    draft_path: Option<PathBuf>,
    message: Option<String>,
    /// The last export written, whose folder can be opened from the screen.
    exported: Option<PathBuf>,
}

impl DebriefSession {
    /// Opens the session file at `path` with the deck it was played with
    /// (`scenario` when it is that deck, else the one its header names).
    pub fn open(path: &Path, scenario: Option<&Scenario>) -> Result<DebriefSession, String> {
        let loaded = load_session(path).map_err(|e| e.to_string())?;
        let content = match scenario {
            Some(s) if s.content.content_hash() == loaded.header.deck.content_hash => {
                Arc::clone(&s.content)
            }
            _ => content_for(&loaded.header, None).map_err(|e| e.to_string())?,
        };
        let reflection =
            Reflection::of_session(&loaded, Arc::clone(&content)).map_err(|e| e.to_string())?;
        let mut session = DebriefSession {
            proposals: proposals(&loaded),
            draft_path: proposals_path(&loaded.header.session_id).ok(),
            message: loaded.damage.clone(),
            loaded,
            reflection,
            ui: DebriefUi::default(),
            replay: None,
            exported: None,
        };
        session.ui.replay_at = session.reflection.trace.steps.len();
        Ok(session)
    }

    fn content(&self) -> Arc<Content> {
        Arc::clone(&self.reflection.content)
    }

    /// Appends `record` to the session file and reads the session back.
    fn append(&mut self, record: &Record) -> Result<(), String> {
        let mut writer = SessionWriter::reopen(&self.loaded).map_err(|e| e.to_string())?;
        writer.append(record).map_err(|e| e.to_string())?;
        let loaded = load_session(&self.loaded.path).map_err(|e| e.to_string())?;
        self.reflection =
            Reflection::of_session(&loaded, self.content()).map_err(|e| e.to_string())?;
        self.proposals = proposals(&loaded);
        self.loaded = loaded;
        Ok(())
    }
}

fn proposals(loaded: &LoadedSession) -> Vec<Proposal> {
    loaded
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Proposal(p) => Some(p.clone()),
            _ => None,
        })
        .collect()
}

fn draw_debrief(
    mut contexts: EguiContexts,
    mut commands: Commands,
    session: Option<ResMut<DebriefSession>>,
    texts: Res<AppTexts>,
    settings: Res<AppSettings>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(mut session) = session else {
        next.set(Screen::Title);
        return Ok(());
    };
    let texts = &texts.0;
    let session = &mut *session;
    let path = session.draft_path.as_ref().map(|p| p.display().to_string());
    let mut root = super::root_ui(ctx, "debrief_root");
    let mut intent = None;
    egui::CentralPanel::default().show(&mut root, |ui| {
        let view = DebriefView {
            texts,
            high_contrast: settings.0.high_contrast,
            proposals: &session.proposals,
            proposals_path: path.as_deref(),
            replay: session.replay.as_ref(),
            message: session.message.as_deref(),
            exported: session.exported.as_deref(),
        };
        intent = debrief(ui, &session.reflection, &view, &mut session.ui);
    });
    let Some(intent) = intent else {
        return Ok(());
    };
    match intent {
        DebriefIntent::Title => {
            commands.remove_resource::<DebriefSession>();
            next.set(Screen::Title);
        }
        DebriefIntent::SaveAnswer { question, text } => {
            let record = Record::DebriefNote { question, text };
            session.message = session
                .append(&record)
                .err()
                .map(|e| texts.fmt("debrief.save_failed", &[("error", &e)]));
        }
        DebriefIntent::Propose(p) => {
            session.message = match propose(session, p) {
                Ok(path) => {
                    session.ui.workshop.clear();
                    Some(texts.fmt("debrief.workshop.file", &[("path", &path.display())]))
                }
                Err(e) => Some(texts.fmt("debrief.save_failed", &[("error", &e)])),
            };
        }
        DebriefIntent::ReplayTo(at) => {
            let journal = session.loaded.journal();
            match replay_prefix(session.content(), &journal, at) {
                Ok(game) => session.replay = Some(game),
                Err(e) => session.message = Some(e.to_string()),
            }
        }
        DebriefIntent::Fork { at } => match fork(session, at) {
            Ok(table) => {
                commands.insert_resource(Facilitator::for_session(table.header.facilitator_mode));
                commands.insert_resource(table);
                commands.remove_resource::<DebriefSession>();
                next.set(Screen::Playing);
            }
            Err(e) => session.message = Some(texts.fmt("debrief.fork_failed", &[("error", &e)])),
        },
        DebriefIntent::Export {
            format,
            pseudonymise,
        } => {
            session.message = Some(match export_session(session, format, pseudonymise, texts) {
                Ok(path) => {
                    let line = texts.fmt("debrief.exported", &[("path", &path.display())]);
                    session.exported = Some(path);
                    line
                }
                Err(e) => texts.fmt("debrief.save_failed", &[("error", &e)]),
            });
        }
        DebriefIntent::OpenFolder(path) => {
            if let Some(problem) = open_folder_message(&path, texts) {
                session.message = Some(problem);
            }
        }
    }
    Ok(())
}

/// Records a proposal and rewrites the session's draft connections file.
fn propose(session: &mut DebriefSession, p: Proposal) -> Result<PathBuf, String> {
    session.append(&Record::Proposal(p))?;
    let path = session
        .draft_path
        .clone()
        .ok_or("this computer reports no folder for saved data")?;
    write_proposals(
        &path,
        &session.loaded.header.session_id,
        session.reflection.content.languages(),
        &session.proposals,
    )
    .map_err(|e| e.to_string())?;
    Ok(path)
}

/// A new session that starts with the first `at` actions of this one and
/// names it as its origin, opened as a table to play on.
fn fork(session: &DebriefSession, at: usize) -> Result<Table, String> {
    let content = session.content();
    let dir = sessions_dir().map_err(|e| e.to_string())?;
    let path = fork_session(&session.loaded, &content, at, &dir).map_err(|e| e.to_string())?;
    let loaded = load_session(&path).map_err(|e| e.to_string())?;
    Table::resume(content, &loaded)
}

/// Exports the session into `<data folder>/exports/`, replacing an earlier
/// export of the same session and format: the same code as
/// `community-coping export`.
fn export_session(
    session: &DebriefSession,
    format: Format,
    pseudonymise: bool,
    texts: &Texts,
) -> Result<PathBuf, String> {
    let suffix = if pseudonymise { "-pseudonymised" } else { "" };
    let path = data_dir()
        .map_err(|e| e.to_string())?
        .join("exports")
        .join(format!(
            "{}{suffix}.{}",
            safe_file_stem(&session.loaded.header.session_id),
            format.extension()
        ));
    let options = ExportOptions {
        format,
        lang: texts.language().to_owned(),
        scenario: None,
        pseudonymise,
        // The debrief already shows the recovered part of a damaged file.
        allow_damaged: true,
    };
    export::export_session_to(&session.loaded.path, &path, &options, true)
        .map_err(|e| e.to_string())?;
    Ok(path)
}
