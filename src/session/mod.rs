//! Sessions on disk: the crash-safe session journal (JSON Lines, one record
//! per accepted action, note or intervention, flushed before the screen shows
//! its effect), the folder where sessions live, and the player's settings.
//! Bevy-free; the app's journal system calls into this.

mod atomic;
mod clock;
mod error;
mod fork;
mod limits;
mod list;
mod load;
mod paths;
mod proposals;
mod read;
mod record;
mod settings;
mod upgrade;
mod verify;
mod writer;

pub use atomic::write_atomic;
pub use error::SessionError;
pub use fork::fork_session;
pub use limits::{MAX_LINE_BYTES, MAX_SESSION_BYTES, YEAR_RANGE};
pub use list::{SessionListing, SessionSummary, latest_unfinished, list_sessions};
pub use load::{LoadedSession, load_session};
pub use paths::{
    DATA_DIR_ENV, FILE_STEM_MAX, SESSION_EXTENSION, data_dir, safe_file_stem, sessions_dir,
    settings_path,
};
pub use proposals::{
    DRAFT_IDEA_COST, draft_connections, draft_ideas, ideas_path_for, proposals_path,
    write_proposals,
};
pub use record::{
    InterventionKind, OutcomeSummary, Proposal, Record, SESSION_FORMAT, ScenarioSource,
    SessionHeader, SessionOrigin, act_records,
};
pub use settings::{
    BOT_PACE_MAX_MS, Settings, UI_SCALE_RANGE, load_settings, load_settings_from, save_settings,
    save_settings_to,
};
pub use verify::Verified;
pub use writer::SessionWriter;
