//! The game's egui drawing functions: pure functions that take a read-only
//! view of the [`Game`] and return what the person wants ([`Intent`]); the
//! shell applies intents through the rules and the journal. Nothing here
//! changes a game, and nothing here needs Bevy, so egui_kittest tests it.
//!
//! Screens: [`board`] (with the [`prescribe_dialog`] over it), [`handoff`],
//! [`year_end_summary`], [`game_end`] and the [`log_panel`]. Keyboard
//! shortcuts on the board (listed on screen by the `board.shortcuts` text):
//! `L` listen to the selected resident, `C` connect (then `1`–`9` picks an
//! offer card), `P` prescribe for the selected resident, `E` or `Enter` end
//! the turn, `Ctrl+Z` undo, `Esc` cancel (left to the shell's [`game_menu`]
//! when nothing is open); `1`–`9` also pick the card to release and, in the
//! prescribe dialog, toggle hand cards (`Enter` confirms). In a deck with
//! link work: `V` visit the selected resident, `M` a case conference for
//! them ([`conference_dialog`]), `G` pass a hand card ([`pass_dialog`]),
//! `R` then `1`–`9` put an action towards a resource idea. A refused key
//! leaves its reason on the board ([`BoardUi::refusal`]).
//!
//! The caller sets fonts and the UI scale; these functions use text styles
//! only, and never show state by colour alone (shapes, glyphs and words too).

mod board;
mod cards;
mod conference;
pub mod debrief;
mod districts;
mod keys;
mod link_work;
mod map;
mod menu;
mod motion;
mod pass;
mod prescribe;
mod screens;
mod side;
pub mod style;
pub mod targets;
mod year_end;

use bevy_egui::egui;

use crate::bots::{Advice, Reason};
use crate::content::{ConnectionId, ResidentId, Worry};
use crate::i18n::{LogContext, Texts, rule_error};
use crate::rules::{Action, Game, ResidentPlace, RuleError};

pub use board::board;
pub use conference::conference_dialog;
pub use menu::{BotPace, MenuIntent, MenuUi, MenuView, game_menu};
pub use pass::pass_dialog;
pub use prescribe::prescribe_dialog;
pub use screens::{game_end, handoff, log_panel};
pub use targets::{Target, Targets};
pub use year_end::{YearEnd, year_end_summary};

/// What the person asked for on the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// Perform this action for the current seat (already checked legal).
    Act(Action),
    /// Take back the last action; only offered when [`Game::can_undo`].
    Undo,
}

/// What the person asked for on the game-end screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndIntent {
    /// Go on to the debrief (or, until it exists, the session summary).
    Debrief,
    /// Back to the title screen.
    Title,
}

/// Everything the board shows besides the game: words and display options.
#[derive(Debug, Clone, Copy)]
pub struct BoardView<'a> {
    pub texts: &'a Texts,
    /// The table's own names per district (map order); `None` or blank keeps the deck's.
    pub relabels: &'a [Option<String>],
    /// The coaching hint to show (facilitator mode), if any.
    pub hint: Option<&'a Advice>,
    /// Show hidden worries and needs (the facilitator's private view).
    pub show_hidden: bool,
    /// Heavier outlines and opaque patterns for hard-to-read screens.
    pub high_contrast: bool,
    /// False while a bot plays or the session is paused: nothing can be done.
    pub interactive: bool,
    /// A message from the table (a refusal, a save problem), shown under the turn's buttons.
    pub notice: Option<&'a str>,
    /// The latest log lines, oldest first; the board shows the newest that fit.
    pub log: &'a [String],
    /// Every event of the game so far, oldest first: what changed since the
    /// last frame is animated.
    pub events: &'a [crate::rules::Event],
    /// Animations on (false: reduced motion, changes show at once).
    pub motion: bool,
    /// A practice game (forked from a replay): the banner says so.
    pub practice: bool,
}

impl<'a> BoardView<'a> {
    /// The public board, interactive, with the deck's district names.
    pub fn new(texts: &'a Texts) -> Self {
        Self {
            texts,
            relabels: &[],
            hint: None,
            show_hidden: false,
            high_contrast: false,
            interactive: true,
            notice: None,
            log: &[],
            events: &[],
            motion: true,
            practice: false,
        }
    }

    /// Names for sentences: seats, districts (relabelled), residents, cards.
    pub(crate) fn words(&self, game: &'a Game) -> LogContext<'a> {
        LogContext::new(game.content(), self.texts, game.setup(), self.relabels)
    }
}

/// The board's own state between frames: selection, open dialog, chosen
/// cards, the last refused key. Lives in the shell (one per window) and never
/// touches the game. Everything but the turn it belongs to is forgotten when
/// the turn passes, so the next seat starts with a clean board.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BoardUi {
    selected: Option<ResidentId>,
    prescribing: Option<PrescribeUi>,
    connecting: bool,
    /// The open case-conference dialog: for whom, and the pooled cards picked.
    conferring: Option<PrescribeUi>,
    /// The open pass dialog, with the hand card picked so far.
    passing: Option<PassUi>,
    /// `R` was pressed: a digit picks the resource idea to work on.
    creating: bool,
    /// Why the last key did nothing, until the next thing happens.
    refusal: Option<String>,
    /// The turn this state belongs to: (year, seat).
    turn: Option<(i32, usize)>,
    /// The game's action count when this turn began, when the board saw it begin.
    turn_start: Option<u32>,
    /// What is being animated, kept across turns.
    motion: motion::Motion,
}

/// The open prescribe (or case-conference) dialog: for whom, and the cards
/// picked so far.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PrescribeUi {
    resident: ResidentId,
    chosen: Vec<ConnectionId>,
}

/// The open pass dialog: the hand card picked, if one is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct PassUi {
    card: Option<ConnectionId>,
}

impl BoardUi {
    /// The selected resident, if any.
    pub fn selected(&self) -> Option<ResidentId> {
        self.selected
    }

    /// Selects a resident (or clears the selection).
    pub fn select(&mut self, resident: Option<ResidentId>) {
        self.selected = resident;
    }

    /// Opens the prescribe dialog for `resident` with no card picked.
    pub fn open_prescribe(&mut self, resident: ResidentId) {
        self.close_dialogs();
        self.selected = Some(resident);
        self.prescribing = Some(PrescribeUi {
            resident,
            chosen: Vec::new(),
        });
    }

    /// Opens the case-conference dialog for `resident` with no card picked.
    pub fn open_conference(&mut self, resident: ResidentId) {
        self.close_dialogs();
        self.selected = Some(resident);
        self.conferring = Some(PrescribeUi {
            resident,
            chosen: Vec::new(),
        });
    }

    /// Opens the pass dialog with no card picked.
    pub fn open_pass(&mut self) {
        self.close_dialogs();
        self.passing = Some(PassUi::default());
    }

    /// Picks `card` in the open pass dialog (as clicking it does).
    pub fn pick_pass_card(&mut self, card: ConnectionId) {
        if let Some(p) = &mut self.passing {
            p.card = Some(card);
        }
    }

    fn close_dialogs(&mut self) {
        self.connecting = false;
        self.creating = false;
        self.prescribing = None;
        self.conferring = None;
        self.passing = None;
    }

    /// Whether a dialog is open over the board (it has the keys then).
    fn dialog_open(&self) -> bool {
        self.prescribing.is_some() || self.conferring.is_some() || self.passing.is_some()
    }

    /// The resident of the open case-conference dialog, if it is open.
    pub fn conferring(&self) -> Option<ResidentId> {
        self.conferring.as_ref().map(|p| p.resident)
    }

    /// The pooled cards picked in the case-conference dialog.
    pub fn conference_chosen(&self) -> &[ConnectionId] {
        self.conferring.as_ref().map_or(&[], |p| &p.chosen)
    }

    /// Whether the pass dialog is open, and the card picked in it.
    pub fn passing(&self) -> Option<Option<ConnectionId>> {
        self.passing.as_ref().map(|p| p.card)
    }

    /// Whether `R` was pressed and a digit will pick a resource idea.
    pub fn is_creating(&self) -> bool {
        self.creating
    }

    /// The resident of the open prescribe dialog, if it is open.
    pub fn prescribing(&self) -> Option<ResidentId> {
        self.prescribing.as_ref().map(|p| p.resident)
    }

    /// The hand cards picked in the prescribe dialog.
    pub fn chosen(&self) -> &[ConnectionId] {
        self.prescribing.as_ref().map_or(&[], |p| &p.chosen)
    }

    /// Whether `C` was pressed and a digit will pick an offer card.
    pub fn is_connecting(&self) -> bool {
        self.connecting
    }

    /// Why the last key pressed on the board did nothing, if it was refused.
    pub fn refusal(&self) -> Option<&str> {
        self.refusal.as_deref()
    }

    /// Whether `Esc` would close something (the dialog, connect mode, the
    /// selection); if not, `Esc` is free for the shell's menu.
    pub fn has_open(&self) -> bool {
        self.dialog_open() || self.connecting || self.creating || self.selected.is_some()
    }

    /// Closes the innermost thing open: the dialog, then connect mode, then
    /// the selection. Returns whether anything was closed.
    pub fn cancel(&mut self) -> bool {
        self.refusal = None;
        if self.dialog_open() {
            self.prescribing = None;
            self.conferring = None;
            self.passing = None;
            return true;
        }
        if std::mem::take(&mut self.connecting) || std::mem::take(&mut self.creating) {
            return true;
        }
        self.selected.take().is_some()
    }

    /// Forgets everything (e.g. after a new game or a resume).
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// Whether an animation is running (the shell keeps drawing frames).
    pub fn is_animating(&self) -> bool {
        self.motion.is_running()
    }

    /// Drops what no longer fits the game: everything of an earlier turn, a
    /// resident who left the town, cards no longer in the current hand,
    /// everything once the game is over.
    fn tidy(&mut self, game: &Game) {
        if game.is_over() {
            self.reset();
            return;
        }
        let (year, seat) = (game.year(), game.current_seat());
        match self.turn {
            None => {
                self.turn = Some((year, seat));
                self.turn_start = (game.actions_taken() == 0).then_some(0);
            }
            Some(turn) if turn != (year, seat) => {
                *self = Self {
                    turn: Some((year, seat)),
                    turn_start: Some(game.actions_taken()),
                    motion: std::mem::take(&mut self.motion),
                    ..Self::default()
                };
                return;
            }
            Some(_) => {}
        }
        let in_town =
            |r: ResidentId| matches!(game.resident_state(r).place(), ResidentPlace::Town(_));
        if self.selected.is_some_and(|r| !in_town(r)) {
            self.selected = None;
        }
        if let Some(p) = &mut self.prescribing {
            if !in_town(p.resident) || !game.resident_state(p.resident).revealed() {
                self.prescribing = None;
            } else {
                let hand = game.hand(game.current_seat());
                p.chosen.retain(|c| hand.contains(c));
            }
        }
        if let Some(p) = &mut self.conferring {
            if !in_town(p.resident) || !game.resident_state(p.resident).revealed() {
                self.conferring = None;
            } else {
                let pool = game.pooled_hands();
                p.chosen.retain(|c| pool.contains(c));
            }
        }
        if let Some(PassUi { card: Some(c) }) = &self.passing
            && !game.hand(game.current_seat()).contains(c)
        {
            self.passing = Some(PassUi::default());
        }
        if game.must_release() || game.actions_left() == 0 {
            self.connecting = false;
            self.creating = false;
            self.conferring = None;
            self.passing = None;
        }
    }
}

/// Whether the current seat may take `action` now; if not, why, in words.
fn allowed(
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    action: &Action,
) -> Result<(), String> {
    if !view.interactive {
        return Err(view.texts.t("board.not_interactive").to_owned());
    }
    game.check(game.current_seat(), action)
        .map_err(|e| rule_error(&e, words))
}

/// Whether the current seat may take back its last action; if not, why,
/// in the rules' words: nothing done yet this turn, or an action that
/// revealed or drew something.
fn undo_allowed(
    game: &Game,
    view: &BoardView<'_>,
    state: &BoardUi,
    words: &LogContext<'_>,
) -> Result<(), String> {
    if !view.interactive {
        return Err(view.texts.t("board.not_interactive").to_owned());
    }
    if game.can_undo() {
        return Ok(());
    }
    let why = if state.turn_start.is_some_and(|n| game.actions_taken() <= n) {
        RuleError::NothingToUndo
    } else {
        RuleError::CannotUndo
    };
    Err(rule_error(&why, words))
}

/// Whether the prescribe dialog can open for `r`: it is revealed, in the
/// town, and the seat has an action left (the cards are chosen in the dialog).
fn prescribe_openable(
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    r: ResidentId,
) -> Result<(), String> {
    if !view.interactive {
        return Err(view.texts.t("board.not_interactive").to_owned());
    }
    let probe = Action::Prescribe {
        resident: r,
        cards: Vec::new(),
    };
    match game.check(game.current_seat(), &probe) {
        Ok(()) | Err(RuleError::NeedsNotMet) => Ok(()),
        Err(e) => Err(rule_error(&e, words)),
    }
}

/// A glyph per worry category, shown beside its word so it reads without colour.
fn worry_icon(worry: Worry) -> &'static str {
    match worry {
        Worry::Money => "¥",
        Worry::Health => "✚",
        Worry::Living => "☗",
        Worry::Relationships => "♡",
    }
}

/// The text key explaining a coaching hint's reason.
fn reason_key(reason: Reason) -> &'static str {
    reason.text_key()
}

/// Every glyph the board draws besides words and district symbols, so a
/// test can check the bundled font (or egui's fallbacks) has them all.
pub const GLYPHS: &str = "¥✚☗♡●○！‼▶◎？✓×→＋・△⇒";

/// The digit keys `1`–`9`, in order.
const DIGITS: [egui::Key; 9] = [
    egui::Key::Num1,
    egui::Key::Num2,
    egui::Key::Num3,
    egui::Key::Num4,
    egui::Key::Num5,
    egui::Key::Num6,
    egui::Key::Num7,
    egui::Key::Num8,
    egui::Key::Num9,
];
