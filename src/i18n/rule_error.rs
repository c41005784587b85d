//! Why the rules refused an action, in the UI language (for hover texts on
//! illegal targets and refused clicks).

use super::log::LogContext;
use crate::rules::{Mechanic, RuleError};

/// The message for a refused action; seats are named as in the log.
pub fn rule_error(error: &RuleError, ctx: &LogContext<'_>) -> String {
    let t = ctx.texts;
    match error {
        RuleError::GameOver => t.t("rule.game_over").to_owned(),
        RuleError::NoSuchSeat(seat) => t.fmt("rule.no_such_seat", &[("seat", &(seat + 1))]),
        RuleError::NotYourTurn { expected, got } => t.fmt(
            "rule.not_your_turn",
            &[("expected", &ctx.seat(*expected)), ("got", &ctx.seat(*got))],
        ),
        RuleError::NoActionsLeft => t.t("rule.no_actions_left").to_owned(),
        RuleError::MustReleaseFirst => t.t("rule.must_release_first").to_owned(),
        RuleError::NothingToRelease => t.t("rule.nothing_to_release").to_owned(),
        RuleError::UnknownResident => t.t("rule.unknown_resident").to_owned(),
        RuleError::ResidentNotInTown => t.t("rule.resident_not_in_town").to_owned(),
        RuleError::AlreadyRevealed => t.t("rule.already_revealed").to_owned(),
        RuleError::NotRevealed => t.t("rule.not_revealed").to_owned(),
        RuleError::CardNotOffered => t.t("rule.card_not_offered").to_owned(),
        RuleError::CardNotInHand => t.t("rule.card_not_in_hand").to_owned(),
        RuleError::DuplicateCard => t.t("rule.duplicate_card").to_owned(),
        RuleError::NeedsNotMet => t.t("rule.needs_not_met").to_owned(),
        RuleError::NotInThisDeck(m) => t
            .t(match m {
                Mechanic::Passing => "rule.no_passing",
                Mechanic::Conferences => "rule.no_conferences",
            })
            .to_owned(),
        RuleError::NotEnoughActions { cost, left } => {
            t.fmt("rule.not_enough_actions", &[("cost", cost), ("left", left)])
        }
        RuleError::NeedsTrust { left } => t.fmt("rule.needs_trust", &[("left", left)]),
        RuleError::NoTrustNeeded => t.t("rule.no_trust_needed").to_owned(),
        RuleError::VisitedThisTurn => t.t("rule.visited_this_turn").to_owned(),
        RuleError::PassToSelf => t.t("rule.pass_to_self").to_owned(),
        RuleError::RecipientHandFull(seat) => {
            t.fmt("rule.recipient_hand_full", &[("seat", &ctx.seat(*seat))])
        }
        RuleError::CardNotHeld => t.t("rule.card_not_held").to_owned(),
        RuleError::ConferenceNeedsTwoSeats => t.t("rule.conference_two_seats").to_owned(),
        RuleError::NotAnIdea => t.t("rule.not_an_idea").to_owned(),
        RuleError::AlreadyFounded => t.t("rule.already_founded").to_owned(),
        RuleError::NothingToUndo => t.t("rule.nothing_to_undo").to_owned(),
        RuleError::CannotUndo => t.t("rule.cannot_undo").to_owned(),
    }
}
