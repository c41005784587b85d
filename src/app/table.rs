//! The table: the game being played, its journal and its session file. Every
//! change goes through [`Table::apply`], which asks the rules, writes the
//! record to disk (synced) and only then lets the screen show the effect.

use std::path::Path;
use std::sync::Arc;

use bevy::prelude::Resource;

use crate::bots::Bot;
use crate::content::Content;
use crate::i18n::{LogContext, Texts, describe_all, rule_error};
use crate::rules::{Action, BotKind, Event, Game, Journal, Replay, SeatKind, Undo, undo};
use crate::session::{
    InterventionKind, LoadedSession, Record, ScenarioSource, SessionHeader, SessionWriter,
};
use crate::ui::YearEnd;

/// How many recent log lines the board shows.
const LOG_LINES: usize = 14;

/// What the main window shows now, in the order the table goes through
/// them after an action: the game's end, then the year-end summary, then the
/// next seat's handoff card, then the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Over,
    YearEnd,
    Handoff,
    Board,
}

/// The game in play and everything recorded about it.
#[derive(Resource)]
pub struct Table {
    pub content: Arc<Content>,
    pub header: SessionHeader,
    pub game: Game,
    pub journal: Journal,
    writer: Option<SessionWriter>,
    /// Every event so far, for the readable log and summaries.
    pub events: Vec<Event>,
    /// Who plays each seat now (seats can switch human ↔ bot).
    pub seat_kinds: Vec<SeatKind>,
    bots: Vec<Bot>,
    /// The next human seat must confirm it has taken the seat.
    pub handoff_pending: bool,
    /// The last year end as it stood then, until its summary is closed.
    pub year_end: Option<YearEnd>,
    pub paused: bool,
    /// Seconds of play (pauses excluded), for the facilitator's timer.
    pub elapsed_secs: f64,
    /// A message for the people at the table (refusals, save problems).
    pub notice: Option<String>,
}

impl Table {
    /// Starts a new session, writing its file into `dir` (or keeping it in
    /// memory only, when `dir` is `None`, e.g. for tests).
    pub fn start(
        content: Arc<Content>,
        header: SessionHeader,
        dir: Option<&Path>,
    ) -> Result<Table, String> {
        let game =
            Game::new(Arc::clone(&content), header.setup.clone()).map_err(|e| e.to_string())?;
        let writer = match dir {
            Some(d) => Some(SessionWriter::create(d, &header).map_err(|e| e.to_string())?),
            None => None,
        };
        let journal = Journal::new(&content, header.setup.clone());
        let seat_kinds = header.setup.seats.iter().map(|s| s.kind).collect();
        Ok(Self::assemble(
            content, header, game, journal, writer, seat_kinds,
        ))
    }

    /// Resumes a session from its file: replays it and checks the state hash.
    pub fn resume(content: Arc<Content>, loaded: &LoadedSession) -> Result<Table, String> {
        let verified = loaded
            .verify(Arc::clone(&content))
            .map_err(|e| e.to_string())?;
        let writer = SessionWriter::reopen(&verified.session).map_err(|e| e.to_string())?;
        let session = verified.session;
        let mut table = Self::assemble(
            content,
            session.header.clone(),
            verified.game,
            verified.journal,
            Some(writer),
            session.seat_kinds(),
        );
        table.elapsed_secs = session.elapsed_secs() as f64;
        // the header in memory says how the session is now, not how it began
        table.header.facilitator_mode = session.facilitator_mode();
        table.notice = session.damage.clone();
        Ok(table)
    }

    fn assemble(
        content: Arc<Content>,
        header: SessionHeader,
        game: Game,
        journal: Journal,
        writer: Option<SessionWriter>,
        seat_kinds: Vec<SeatKind>,
    ) -> Table {
        let seed = header.setup.seed;
        let bots = (0..seat_kinds.len())
            .map(|i| Bot::new(BotKind::Heuristic, seed, i))
            .collect();
        // A resumed game's log is rebuilt by replaying, so it reads the same.
        let events = events_of(&content, &journal);
        let mut table = Table {
            content,
            header,
            game,
            journal,
            writer,
            events,
            seat_kinds,
            bots,
            handoff_pending: false,
            year_end: None,
            paused: false,
            elapsed_secs: 0.0,
            notice: None,
        };
        table.handoff_pending = table.current_is_human() && !table.game.is_over();
        table
    }

    /// What the main window shows now (see [`Stage`]).
    pub fn stage(&self) -> Stage {
        if self.game.is_over() {
            Stage::Over
        } else if self.year_end.is_some() {
            Stage::YearEnd
        } else if self.handoff_pending {
            Stage::Handoff
        } else {
            Stage::Board
        }
    }

    /// The session file being written, if the table writes one.
    pub fn session_path(&self) -> Option<&Path> {
        self.writer.as_ref().map(SessionWriter::path)
    }

    /// Whether the seat whose turn it is is played by a person.
    pub fn current_is_human(&self) -> bool {
        self.seat_kinds.get(self.game.current_seat()) == Some(&SeatKind::Human)
    }

    /// Seat display names.
    pub fn seat_names(&self) -> Vec<String> {
        self.header
            .setup
            .seats
            .iter()
            .map(|s| s.name.clone())
            .collect()
    }

    /// Applies an action for the current seat. On refusal the table is
    /// unchanged and the reason is returned in the table's language.
    pub fn apply(&mut self, action: Action, texts: &Texts) -> Result<(), String> {
        self.act_with(action, |table, e| rule_error(&e, &table.log_context(texts)))
    }

    /// Asks the rules, writes the record (rolling the game back if the write
    /// fails), then journals the action. `refusal` words a rules refusal.
    fn act_with(
        &mut self,
        action: Action,
        refusal: impl FnOnce(&Self, crate::rules::RuleError) -> String,
    ) -> Result<(), String> {
        let seat = self.game.current_seat();
        let before = self.game.clone();
        let events = match self.game.act(seat, &action) {
            Ok(ev) => ev,
            Err(e) => return Err(refusal(self, e)),
        };
        let record =
            Record::act(seat, action.clone(), &self.game).with_elapsed(self.elapsed_secs as u64);
        if let Err(e) = self.write(&record) {
            self.game = before;
            return Err(e);
        }
        self.journal.record(seat, action);
        self.after_events(events)
    }

    /// Undoes the last action when the rules allow it.
    pub fn undo(&mut self, texts: &Texts) -> Result<(), String> {
        self.take_back(Undo::Players, &Record::Undo, texts)
    }

    /// Asks the rules to take back the last action for `who`, writes
    /// `record`, then replaces the game and journal; unchanged on refusal.
    fn take_back(&mut self, who: Undo, record: &Record, texts: &Texts) -> Result<(), String> {
        let mut journal = self.journal.clone();
        let game = undo(Arc::clone(&self.content), &mut journal, &self.game, who)
            .map_err(|e| rule_error(&e, &self.log_context(texts)))?;
        self.write(record)?;
        self.journal = journal;
        self.game = game;
        self.rebuild_events();
        Ok(())
    }

    /// A facilitator's override, recorded with its reason. Each is a rules
    /// operation: taking back any action ([`Undo::Facilitator`]), or the
    /// actions [`Action::SkipTurn`] and [`Action::EndGame`]; the rules
    /// refuse all of them once the game is over.
    pub fn intervene(
        &mut self,
        kind: InterventionKind,
        reason: &str,
        texts: &Texts,
    ) -> Result<(), String> {
        let record = Record::Intervention {
            kind,
            reason: reason.to_owned(),
            year: self.game.year(),
            seat: self.game.current_seat(),
        };
        match kind {
            InterventionKind::UndoPastReveal => self.take_back(Undo::Facilitator, &record, texts),
            InterventionKind::SkipTurn | InterventionKind::EndGame => {
                let action = if kind == InterventionKind::SkipTurn {
                    Action::SkipTurn
                } else {
                    Action::EndGame
                };
                self.game
                    .check(self.game.current_seat(), &action)
                    .map_err(|e| rule_error(&e, &self.log_context(texts)))?;
                self.write(&record)?;
                self.apply_raw(action)
            }
        }
    }

    fn apply_raw(&mut self, action: Action) -> Result<(), String> {
        self.act_with(action, |_, e| e.to_string())
    }

    /// Appends a record that is not an action (notes, bookmarks, pauses…).
    pub fn record(&mut self, record: &Record) -> Result<(), String> {
        self.write(record)
    }

    /// Switches a seat between a person and a bot.
    pub fn set_seat_kind(&mut self, seat: usize, kind: SeatKind) -> Result<(), String> {
        if self.seat_kinds.get(seat) == Some(&kind) {
            return Ok(());
        }
        self.write(&Record::SeatKind { seat, kind })?;
        self.seat_kinds[seat] = kind;
        if let SeatKind::Bot(k) = kind {
            self.bots[seat] = Bot::new(k, self.header.setup.seed, seat);
        }
        Ok(())
    }

    /// The bot's next action for the current seat, when a bot plays it.
    pub fn bot_action(&mut self) -> Option<Action> {
        let seat = self.game.current_seat();
        match self.seat_kinds.get(seat) {
            Some(SeatKind::Bot(_)) if !self.game.is_over() => {
                Some(self.bots[seat].choose(&self.game, seat))
            }
            _ => None,
        }
    }

    fn write(&mut self, record: &Record) -> Result<(), String> {
        match &mut self.writer {
            Some(w) => w.append(record).map_err(|e| e.to_string()),
            None => Ok(()),
        }
    }

    fn after_events(&mut self, events: Vec<Event>) -> Result<(), String> {
        let year_ended = events.iter().any(|e| matches!(e, Event::YearEnded { .. }));
        let turn_changed = events
            .iter()
            .any(|e| matches!(e, Event::TurnStarted { .. }));
        self.events.extend(events);
        if year_ended {
            // taken at the year end, before the next year's first arrival
            self.year_end = YearEnd::of(&self.events);
        }
        if self.game.is_over() {
            self.write(&Record::finished(&self.game))?;
        } else if turn_changed && self.current_is_human() {
            self.handoff_pending = true;
        }
        Ok(())
    }

    fn rebuild_events(&mut self) {
        self.events = events_of(&self.content, &self.journal);
    }

    /// A context for sentences in the table's log, in the given language.
    pub fn log_context<'a>(&'a self, texts: &'a Texts) -> LogContext<'a> {
        LogContext::new(
            &self.content,
            texts,
            &self.header.setup,
            &self.header.district_relabels,
        )
    }

    /// The most recent log lines, newest last.
    pub fn recent_log(&self, texts: &Texts) -> Vec<String> {
        let mut ctx = self.log_context(texts);
        let lines = describe_all(&self.events, &mut ctx);
        let skip = lines.len().saturating_sub(LOG_LINES);
        lines.into_iter().skip(skip).collect()
    }
}

/// Every event of a journal's game, by replaying it. The journal was
/// accepted action by action, so a refusal here cannot happen; if it did,
/// the log stops there rather than skipping it.
fn events_of(content: &Arc<Content>, journal: &Journal) -> Vec<Event> {
    let Ok(mut replay) = Replay::start(Arc::clone(content), journal) else {
        return Vec::new();
    };
    let mut events = replay.game().opening_events().to_vec();
    while let Some(Ok((_, ev))) = replay.step() {
        events.extend(ev);
    }
    events
}

/// A header for a new session from the setup screen's choices.
pub fn new_header(
    content: &Content,
    scenario: ScenarioSource,
    setup: crate::rules::Setup,
    facilitator_mode: bool,
    target_minutes: Option<u32>,
    relabels: Vec<Option<String>>,
) -> SessionHeader {
    let mut header = SessionHeader::new(content, scenario, setup);
    header.facilitator_mode = facilitator_mode;
    header.target_minutes = target_minutes;
    header.district_relabels = relabels;
    header
}
