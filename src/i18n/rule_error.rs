//! Why the rules refused an action, in the UI language (for hover texts on
//! illegal targets and refused clicks).

use super::log::LogContext;
use crate::rules::RuleError;

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
        RuleError::NothingToUndo => t.t("rule.nothing_to_undo").to_owned(),
        RuleError::CannotUndo => t.t("rule.cannot_undo").to_owned(),
    }
}
