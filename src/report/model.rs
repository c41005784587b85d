//! What the cross-session report holds: plain data, in a fixed order, for
//! the HTML and CSV renderings and the app's report screen.

use crate::content::Text;

use super::skipped::Skipped;

/// A district, connection design or resident of a deck: its deck, its key
/// and its name in every language of the deck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// Deck id (`"default"`).
    pub deck: String,
    pub key: String,
    pub name: Text,
}

/// How one session ended, or where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SessionOutcome {
    /// The town made it through the last year.
    Survived,
    /// A district collapsed.
    Collapsed,
    /// The facilitator ended the game before the rules did.
    EndedEarly,
    /// The session was never finished.
    InProgress,
}

impl SessionOutcome {
    /// Stable lower-case id (`"survived"`), also the end of its string key.
    pub fn id(self) -> &'static str {
        match self {
            Self::Survived => "survived",
            Self::Collapsed => "collapsed",
            Self::EndedEarly => "ended_early",
            Self::InProgress => "in_progress",
        }
    }

    /// The UI string key of its label (`report.outcome.survived`).
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Survived => "report.outcome.survived",
            Self::Collapsed => "report.outcome.collapsed",
            Self::EndedEarly => "report.outcome.ended_early",
            Self::InProgress => "report.outcome.in_progress",
        }
    }
}

/// One session: a row of the CSV and of the report's session table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub session_id: String,
    /// When it was created, RFC 3339 in UTC.
    pub created: String,
    /// The UTC date of `created` (`2025-04-01`).
    pub date: String,
    /// Deck id, and the deck's title.
    pub deck: String,
    pub scenario: Text,
    /// Difficulty preset id, and its name in the deck.
    pub difficulty: String,
    pub difficulty_name: Text,
    pub seats: usize,
    /// Seats played by people, and seats a bot played for the whole game.
    /// A seat switched between a person and a bot mid-game counts as a
    /// person (who had a bot's help); the header's kinds alone would miss it.
    pub humans: usize,
    pub bots: usize,
    /// Of `humans`, the seats a bot played for part of the game.
    pub bot_helped: usize,
    pub outcome: SessionOutcome,
    /// The year play ended in (or reached, when not finished).
    pub year: i32,
    /// The district that collapsed, with the table's local name for it when
    /// the session gave one.
    pub district: Option<Named>,
    pub district_local: Option<String>,
    /// Residents connected by the end.
    pub connected: usize,
    pub notes: usize,
    pub bookmarks: usize,
    /// The session's link work; `None` for a deck without it.
    pub link_work: Option<LinkWorkRow>,
}

/// One session's link work, or the sum over sessions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LinkWorkRow {
    /// Connections made (a resident connected again counts again).
    pub connections: usize,
    /// Ties those connections gave, and the informal ones among them.
    pub ties: u32,
    pub informal: u32,
    /// First offers of help turned down.
    pub refusals: usize,
    /// Residents who drifted back into isolation.
    pub relapses: usize,
    /// Resources the team created.
    pub founded: usize,
    pub conferences: usize,
}

/// Link work over the sessions played on decks with link work.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkWorkTally {
    /// Sessions on decks with link work.
    pub sessions: usize,
    pub totals: LinkWorkRow,
    /// Ties per connected resident over all those sessions; `None` before
    /// anyone was connected.
    pub mean_ties: Option<f64>,
    /// Informal ties over all ties, 0 to 1.
    pub informal_share: Option<f64>,
    /// Resources created, with the sessions that created each, most first.
    pub founded: Vec<(Named, usize)>,
}

/// Who took part.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Participants {
    /// People: the names of the seats people played (for all or part of the
    /// game), each counted once per session.
    pub people: usize,
    /// Different names over all sessions (a person who came twice counts once).
    pub distinct_names: usize,
    /// Seats a bot played for the whole game.
    pub bots: usize,
    /// Seats of people that a bot played for part of the game.
    pub bot_helped: usize,
    /// Sessions with at least one person at the table.
    pub sessions_with_people: usize,
}

/// How the sessions ended.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcomes {
    pub survived: usize,
    pub collapsed: usize,
    pub ended_early: usize,
    pub in_progress: usize,
}

impl Outcomes {
    /// Sessions the rules finished: survived or collapsed.
    pub fn decided(&self) -> usize {
        self.survived + self.collapsed
    }

    /// The count for one outcome.
    pub fn get(&self, o: SessionOutcome) -> usize {
        match o {
            SessionOutcome::Survived => self.survived,
            SessionOutcome::Collapsed => self.collapsed,
            SessionOutcome::EndedEarly => self.ended_early,
            SessionOutcome::InProgress => self.in_progress,
        }
    }
}

/// Win rate of one difficulty preset.
#[derive(Debug, Clone, PartialEq)]
pub struct DifficultyRate {
    /// Preset id, and its name in the first deck that has it.
    pub id: String,
    pub name: Text,
    pub sessions: usize,
    /// Sessions the rules finished (survived or collapsed).
    pub decided: usize,
    pub wins: usize,
    /// `wins / decided`; `None` when no session was decided.
    pub win_rate: Option<f64>,
    /// 95 % Wilson interval of the win rate.
    pub ci95: Option<(f64, f64)>,
}

/// How close one district came to collapse over the sessions.
#[derive(Debug, Clone, PartialEq)]
pub struct DistrictDanger {
    pub district: Named,
    /// Sessions in which it collapsed.
    pub collapses: usize,
    /// The most residents waiting there at any year end of any session.
    pub highest_load: usize,
    /// Mean over sessions of its highest year-end load.
    pub mean_peak: f64,
    /// Sessions played on its deck.
    pub sessions: usize,
}

/// One connection design's use over the sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionTally {
    pub connection: Named,
    /// Residents it helped connect.
    pub uses: usize,
    /// Sessions that used it at least once.
    pub sessions: usize,
    /// Uses by the resolved resident's worry ([`crate::content::Worry::ALL`] order).
    pub by_worry: [usize; 4],
}

/// A resident the facilitators bookmarked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResidentTally {
    pub resident: Named,
    pub bookmarks: usize,
    /// Sessions with at least one such bookmark.
    pub sessions: usize,
}

/// A facilitator's note, with when it was taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRow {
    /// The session's creation time (RFC 3339, UTC) and its UTC date.
    pub created: String,
    pub date: String,
    pub session_id: String,
    /// The game year the note was taken in.
    pub year: i32,
    pub text: String,
}

/// The cross-session report.
///
/// Every list has a fixed order: sessions by creation time then id; tallies
/// most first, ties in deck order; notes by date then session, in the order
/// they were taken; skipped files by path.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// One row per session included, oldest first.
    pub sessions: Vec<SessionRow>,
    pub participants: Participants,
    pub outcomes: Outcomes,
    /// Collapses per year, every year of the decks' ranges (zeros included).
    pub collapse_years: Vec<(i32, usize)>,
    /// By the order of the presets in the deck.
    pub difficulties: Vec<DifficultyRate>,
    /// Most endangered first: collapses, then highest load, then mean peak.
    pub districts: Vec<DistrictDanger>,
    /// Designs used at least once, most used first.
    pub connections: Vec<ConnectionTally>,
    /// Designs of the decks never used in any session, in deck order.
    pub never_used: Vec<Named>,
    /// Residents named by bookmarks, most bookmarked first.
    pub bookmarked: Vec<ResidentTally>,
    /// Every note, by date.
    pub notes: Vec<NoteRow>,
    /// Link work over the sessions on decks with it; `None` when none has.
    pub link_work: Option<LinkWorkTally>,
    /// Session files that could not be included, and why.
    pub skipped: Vec<Skipped>,
}
