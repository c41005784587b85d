//! Sessions on disk: the crash-safe session journal (JSON Lines, one record
//! per accepted action, note or intervention, flushed before the screen shows
//! its effect), the folder where sessions live, and the player's settings.
//! Bevy-free; the app's journal system calls into this.

mod atomic;
mod clock;
mod error;
mod fork;
mod list;
mod load;
mod paths;
mod proposals;
mod record;
mod settings;
mod writer;

pub use atomic::write_atomic;
pub use error::SessionError;
pub use fork::fork_session;
pub use list::{SessionListing, SessionSummary, latest_unfinished, list_sessions};
pub use load::{LoadedSession, load_session};
pub use paths::{DATA_DIR_ENV, SESSION_EXTENSION, data_dir, sessions_dir, settings_path};
pub use proposals::{draft_connections, proposals_path, write_proposals};
pub use record::{
    InterventionKind, OutcomeSummary, Proposal, Record, SESSION_FORMAT, ScenarioSource,
    SessionHeader, SessionOrigin,
};
pub use settings::{
    BOT_PACE_MAX_MS, Settings, UI_SCALE_RANGE, load_settings, load_settings_from, save_settings,
    save_settings_to,
};
pub use writer::SessionWriter;
