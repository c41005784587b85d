//! Reflection on a played session, for the debrief screen, the exports and
//! the cross-session report: the journal replayed event by event, resident
//! stories, why the game ended as it did, connection use, the
//! link work (ties, trust, refusals, resources founded, drifting back), the
//! facilitator's notes and bookmarks, who played each seat, and the
//! workshop's card proposals. Bevy-free and deterministic: the same
//! session file always gives the same reflection.

mod ending;
mod link_work;
mod open;
mod reach;
mod reflection;
mod seats;
mod stories;
mod trace;
mod usage;

pub use ending::{CauseChain, ClosestCall, Ending, Unfitting, Untrusted, closest_call, ending};
pub use link_work::{
    Conference, Creation, Drift, LinkWork, Pass, Referral, Refusal, Tie, TrustStory, Trusted,
    link_work,
};
pub use open::{OpenError, content_for};
pub use reflection::{EventMark, Reflection, Remark, RemarkKind};
pub use seats::{SeatPlay, SeatSwitch};
pub use stories::{Earlier, Growth, Heard, Reached, Story, StoryOrder, sort_stories, stories};
pub use trace::{Step, Trace, YearEnd};
pub use usage::{ConnectionUse, Usage, usage};
