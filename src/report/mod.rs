//! The facilitator's cross-session report: many saved sessions summed up —
//! sessions run, participants, outcomes and collapse years, win rate by
//! difficulty, the most endangered districts, connections used and never
//! used, link work (ties per connected resident, the informal share,
//! refusals, relapses, resources created), residents most often bookmarked and every note by date — with the
//! files that could not be included and why. Sessions load in parallel, each
//! deck once; the result and its HTML and CSV renderings are deterministic.
//! Bevy-free: the CLI renders it, the app's report screen shows its fields.

mod aggregate;
mod csv;
mod decks;
mod facts;
mod folder;
mod html;
mod link_work;
mod model;
mod skipped;

pub use csv::render_csv;
pub use html::render_html;
pub use model::{
    ConnectionTally, DifficultyRate, DistrictDanger, LinkWorkRow, LinkWorkTally, Named, NoteRow,
    Outcomes, Participants, Report, ResidentTally, SessionOutcome, SessionRow,
};
pub use skipped::{SkipReason, Skipped};
