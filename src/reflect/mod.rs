//! Reflection on a played session, for the debrief screen, the exports and
//! the cross-session report: the journal replayed event by event, resident
//! stories, why the game ended as it did, connection use, and the
//! facilitator's notes and bookmarks. Bevy-free and deterministic: the same
//! session file always gives the same reflection.

mod ending;
mod open;
mod reflection;
mod stories;
mod trace;
mod usage;

pub use ending::{CauseChain, ClosestCall, Ending, Unfitting, closest_call, ending};
pub use open::{OpenError, content_for};
pub use reflection::{EventMark, Reflection, Remark, RemarkKind};
pub use stories::{Growth, Heard, Reached, Story, StoryOrder, sort_stories, stories};
pub use trace::{Step, Trace, YearEnd};
pub use usage::{ConnectionUse, Usage, usage};
