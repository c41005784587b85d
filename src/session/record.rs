//! What a session file holds: a header line, then one record per line.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::clock;
use crate::content::{Content, Text};
use crate::rules::{self, Action, DeckIdentity, Game, Outcome, Setup};

/// Version of the session file's shape, written into new files. Format 2
/// hashes every setting that changes the game (`Game::state_hash`) and
/// records the facilitator's early end as the rules' `Action::EndGame`;
/// format-1 files are still read (hashes by `Game::state_hash_v1`).
pub const SESSION_FORMAT: u32 = 2;

/// Where the scenario of a session came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScenarioSource {
    /// A scenario compiled into the game, by name (`"default"`).
    BuiltIn(String),
    /// A scenario folder on disk.
    Directory(PathBuf),
}

/// The first line of a session file: everything that, with the deck, fixes
/// the game, plus how the table chose to play it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionHeader {
    pub format: u32,
    pub session_id: String,
    /// When the session was created, RFC 3339 in UTC (`2025-04-01T09:30:00Z`).
    pub created: String,
    pub scenario: ScenarioSource,
    pub deck: DeckIdentity,
    /// The scenario's first year, so listings can show the year reached
    /// without loading the deck.
    pub start_year: i32,
    /// Seeds, difficulty and seats (display names, roles, human or bot).
    pub setup: Setup,
    pub facilitator_mode: bool,
    pub target_minutes: Option<u32>,
    /// Local area names per district (map order); `None` keeps the deck's name.
    pub district_relabels: Vec<Option<String>>,
    /// For a practice game forked from a replay: the session and moment it
    /// started from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<SessionOrigin>,
    /// The deck's title in each of its languages (「結川町の十年」), so
    /// listings name the game without loading the deck. Older files lack
    /// it: see [`crate::session::SessionSummary::deck_title`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deck_title: Option<Text>,
    /// A practice game (one forked from a replay): listings, the title's
    /// resume line and the board say so. Older files lack it: not practice.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub practice: bool,
}

/// Where a forked session began: another session, after some of its actions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionOrigin {
    pub session_id: String,
    /// How many of the origin's actions (in force) the fork starts after.
    pub actions: usize,
    /// The year play was in at that moment.
    pub year: i32,
}

impl SessionHeader {
    /// A header for a new session, created now, with no relabels, no
    /// facilitator mode and no target duration.
    pub fn new(content: &Content, scenario: ScenarioSource, setup: Setup) -> Self {
        let now = std::time::SystemTime::now();
        Self {
            format: SESSION_FORMAT,
            session_id: clock::session_id(now, setup.seed),
            created: clock::rfc3339_utc(now),
            scenario,
            deck: DeckIdentity::of(content),
            start_year: content.start_year(),
            setup,
            facilitator_mode: false,
            target_minutes: None,
            district_relabels: vec![None; content.districts().len()],
            origin: None,
            deck_title: Some(content.title().clone()),
            practice: false,
        }
    }
}

/// A facilitator's override of the rules, always recorded with a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InterventionKind {
    /// Took back the last action although it revealed or drew something.
    UndoPastReveal,
    /// Ended a seat's turn for it (the app records the `EndTurn` act too).
    SkipTurn,
    /// Ended the game before the rules did.
    EndGame,
}

/// How a session ended, by deck keys so it reads without the deck.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum OutcomeSummary {
    Collapsed {
        year: i32,
        district: String,
        residents: Vec<String>,
    },
    Survived {
        year: i32,
        connected: usize,
    },
    /// The facilitator ended the game early.
    EndedEarly {
        year: i32,
        connected: usize,
    },
}

impl OutcomeSummary {
    /// The summary of a finished game, or of one the facilitator ends now.
    pub fn of(game: &Game) -> Self {
        let content = game.content();
        match game.outcome() {
            Some(Outcome::Collapsed {
                year,
                district,
                residents,
            }) => Self::Collapsed {
                year: *year,
                district: content.district(*district).key.clone(),
                residents: residents
                    .iter()
                    .map(|r| content.resident(*r).key.clone())
                    .collect(),
            },
            Some(Outcome::Survived { connected }) => Self::Survived {
                year: game.year(),
                connected: *connected,
            },
            Some(Outcome::EndedEarly { year, connected }) => Self::EndedEarly {
                year: *year,
                connected: *connected,
            },
            None => Self::EndedEarly {
                year: game.year(),
                connected: game.connected_residents().len(),
            },
        }
    }

    /// A short English description, for error messages.
    pub fn describe(&self) -> String {
        match self {
            Self::Collapsed { year, district, .. } => {
                format!(
                    "in a collapse of {} in {year}",
                    super::limits::clip(district)
                )
            }
            Self::Survived { year, connected } => {
                format!("surviving in {year} with {connected} connected")
            }
            Self::EndedEarly { year, connected } => {
                format!("early, by the facilitator, in {year} with {connected} connected")
            }
        }
    }

    /// The year the game ended in.
    pub fn year(&self) -> i32 {
        match self {
            Self::Collapsed { year, .. }
            | Self::Survived { year, .. }
            | Self::EndedEarly { year, .. } => *year,
        }
    }
}

/// One line of a session file after the header.
/// Unknown fields are refused, so a damaged line whose bytes merge one field
/// into another (a hash swallowed into the action) is unreadable, not read
/// as a record without that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Record {
    /// An action the engine accepted, with the state hash after it.
    Act {
        seat: usize,
        action: Action,
        #[serde(default)]
        hash: Option<String>,
        /// The year play is in after the action, as the rules say (listings
        /// read it instead of counting turns). Format-1 files lack it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        year: Option<i32>,
        /// The session clock when the action was taken (seconds of play,
        /// pauses excluded), so a resumed session's clock does not fall back
        /// to the last note. Files before it, forks and the simulator lack it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        elapsed_secs: Option<u64>,
    },
    /// The players took back the last action (only when the engine allowed it).
    Undo,
    Note {
        text: String,
        year: i32,
        seat: usize,
        elapsed_secs: u64,
    },
    /// "Discuss this later", for the debrief.
    Bookmark {
        year: i32,
        seat: usize,
        elapsed_secs: u64,
        label: Option<String>,
        /// The resident the table was looking at (deck key), if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        resident: Option<String>,
    },
    Intervention {
        kind: InterventionKind,
        reason: String,
        year: i32,
        seat: usize,
    },
    /// A seat switched between human and bot mid-game.
    SeatKind {
        seat: usize,
        kind: rules::SeatKind,
    },
    Pause {
        paused: bool,
        elapsed_secs: u64,
    },
    /// Facilitator mode switched on or off mid-game (from the `Esc` menu);
    /// a resumed session opens as it was last set.
    FacilitatorMode {
        on: bool,
        elapsed_secs: u64,
    },
    Finished {
        outcome: OutcomeSummary,
    },
    /// What the table said about one of the scenario's debrief questions
    /// (by its position in the scenario's list). A later note on the same
    /// question replaces the earlier one.
    DebriefNote {
        question: usize,
        text: String,
    },
    /// The local connection card workshop: "someone in our town who is like
    /// this card", proposed for a local deck.
    Proposal(Proposal),
}

/// A local connection card proposed in the debrief workshop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// Name or title (「駅前の薬局の薬剤師さん」).
    pub name: String,
    /// Speciality keys of the deck.
    pub specialities: Vec<String>,
    /// Worry categories the person or place helps with.
    pub helps: Vec<crate::content::Worry>,
    pub description: String,
    /// A public service (true) or informal support (false).
    pub public: bool,
}

impl Record {
    /// The record of an accepted action; `after` is the game once it was
    /// applied. It carries no clock: see [`Record::with_elapsed`].
    pub fn act(seat: usize, action: Action, after: &Game) -> Self {
        Self::Act {
            seat,
            action,
            hash: Some(after.state_hash()),
            year: Some(after.year()),
            elapsed_secs: None,
        }
    }

    /// This record with the session clock `secs` written into it, when it
    /// is an action (other records are returned unchanged: notes, bookmarks
    /// and pauses carry their own clock).
    #[must_use]
    pub fn with_elapsed(mut self, secs: u64) -> Self {
        if let Self::Act { elapsed_secs, .. } = &mut self {
            *elapsed_secs = Some(secs);
        }
        self
    }

    /// The record that closes a session.
    pub fn finished(game: &Game) -> Self {
        Self::Finished {
            outcome: OutcomeSummary::of(game),
        }
    }
}

/// The records of the first `n` actions of a journal as the game writes
/// them (each with the state hash and year after it), and the game after
/// them: one walk of [`crate::rules::Replay`], for forks and the
/// simulator's session files.
pub fn act_records(
    content: std::sync::Arc<Content>,
    journal: &rules::Journal,
    n: usize,
) -> Result<(Vec<Record>, Game), rules::ReplayError> {
    let mut replay = rules::Replay::start(content, journal)?;
    let mut records = Vec::with_capacity(n.min(journal.entries.len()) + 1);
    while replay.done() < n {
        let Some(step) = replay.step() else { break };
        let (entry, _) = step?;
        records.push(Record::act(entry.seat, entry.action.clone(), replay.game()));
    }
    Ok((records, replay.into_game()))
}
