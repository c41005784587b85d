//! What a seat can do, and why the rules may refuse it.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::content::{ConnectionId, ResidentId};

/// An action a seat asks the rules to perform.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Action {
    /// 傾聴: reveal a hidden resident's worry and needs.
    Listen { resident: ResidentId },
    /// つながる: take a connection from the offer row (or a peeked deck card).
    Connect { card: ConnectionId },
    /// つなぐ: play hand cards that together meet a revealed resident's needs.
    Prescribe {
        resident: ResidentId,
        cards: Vec<ConnectionId>,
    },
    /// Put a hand card on the discard pile when the hand is over its limit.
    Release { card: ConnectionId },
    /// End the seat's turn (the next seat's resident arrives).
    EndTurn,
    /// 寄り添う: visit a resident who does not trust the team yet (once a turn).
    Visit { resident: ResidentId },
    /// Pass a hand card to another seat (costs the deck's `pass_cost`).
    Pass { card: ConnectionId, to: usize },
    /// ケース会議: meet a revealed resident's needs with cards from several
    /// seats' hands (costs the deck's `conference_cost`; needs no trust).
    Conference {
        resident: ResidentId,
        cards: Vec<ConnectionId>,
    },
    /// 創る: put one action towards founding a resource idea.
    Create { idea: ConnectionId },
    /// Facilitator's override: end the current seat's turn for it. Cards
    /// over the hand limit go to the discard pile first, newest first.
    /// Never listed by [`crate::rules::Game::legal_actions`]: see
    /// [`crate::rules::Game::legal_overrides`].
    SkipTurn,
    /// Facilitator's override: end the game now, before the rules would.
    /// The outcome is [`crate::rules::Outcome::EndedEarly`].
    EndGame,
}

impl Action {
    /// Whether the action reveals hidden information or draws from a deck.
    /// Such actions can never be undone by players.
    pub fn reveals_or_draws(&self) -> bool {
        match self {
            Action::Listen { .. }
            | Action::Connect { .. }
            | Action::EndTurn
            | Action::SkipTurn
            | Action::EndGame => true,
            Action::Prescribe { .. }
            | Action::Release { .. }
            | Action::Visit { .. }
            | Action::Pass { .. }
            | Action::Conference { .. }
            | Action::Create { .. } => false,
        }
    }

    /// Whether only the facilitator may ask for this action (an override of
    /// the normal flow, recorded with a reason), never a seat's own play.
    pub fn is_override(&self) -> bool {
        matches!(self, Action::SkipTurn | Action::EndGame)
    }
}

/// Why an action was refused. The game is unchanged when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RuleError {
    #[error("the game is over")]
    GameOver,
    #[error("there is no seat {0}")]
    NoSuchSeat(usize),
    #[error("it is seat {expected}'s turn, not seat {got}'s")]
    NotYourTurn { expected: usize, got: usize },
    #[error("no actions left this turn: end the turn")]
    NoActionsLeft,
    #[error("the hand is over its limit: release a card first")]
    MustReleaseFirst,
    #[error("the hand is within its limit: there is nothing to release")]
    NothingToRelease,
    #[error("there is no such resident")]
    UnknownResident,
    #[error("that resident is not waiting in the town")]
    ResidentNotInTown,
    #[error("that resident's worry is already known")]
    AlreadyRevealed,
    #[error("listen to that resident first: the worry is still hidden")]
    NotRevealed,
    #[error("that connection is not in the offer row")]
    CardNotOffered,
    #[error("that connection is not in your hand")]
    CardNotInHand,
    #[error("the same card is played twice")]
    DuplicateCard,
    #[error("these cards do not meet all of the resident's needs, one card per need")]
    NeedsNotMet,
    #[error("this deck has no {0}: its scenario sets no cost for it")]
    NotInThisDeck(Mechanic),
    #[error("this costs {cost} actions and {left} are left this turn")]
    NotEnoughActions { cost: u8, left: u8 },
    #[error(
        "this resident does not trust the team yet: visit {left} more time(s) on different turns, or hold a case conference"
    )]
    NeedsTrust { left: u8 },
    #[error("this resident already trusts the team: no visit is needed")]
    NoTrustNeeded,
    #[error("this resident was visited this turn: visit again on a later turn")]
    VisitedThisTurn,
    #[error("a seat cannot pass a card to itself: choose another seat")]
    PassToSelf,
    #[error("seat {0}'s hand is full: pass to a seat with room, or let them release first")]
    RecipientHandFull(usize),
    #[error("that connection is in no seat's hand")]
    CardNotHeld,
    #[error("a case conference pools cards from at least two seats: add another seat's card")]
    ConferenceNeedsTwoSeats,
    #[error("that card is not a resource idea of this deck")]
    NotAnIdea,
    #[error("that resource is already founded")]
    AlreadyFounded,
    #[error("there is no action to take back")]
    NothingToUndo,
    #[error("the last action revealed or drew something: only the facilitator can take it back")]
    CannotUndo,
}

/// A rule a deck may leave out, named in [`RuleError::NotInThisDeck`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mechanic {
    Passing,
    Conferences,
}

impl std::fmt::Display for Mechanic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Mechanic::Passing => "passing of cards",
            Mechanic::Conferences => "case conferences",
        })
    }
}
