//! A seat as it was played, in words: its name, then who played it when a
//! bot did (「田中（2024年からボット）」, "Ken (bot from 2024)"), and one
//! sentence per switch between a person and a bot, for the CSV's rows.

use crate::i18n::LogContext;
use crate::reflect::{SeatPlay, SeatSwitch};
use crate::rules::SeatKind;

/// The seat's display name, with who played it when not a person throughout.
pub(super) fn seat_label(ctx: &LogContext<'_>, seat: usize, play: Option<&SeatPlay>) -> String {
    let t = ctx.texts;
    let name = ctx.seat(seat);
    let Some(play) = play else { return name };
    let mut parts = Vec::new();
    if play.start != SeatKind::Human {
        parts.push(t.t("export.seat.bot").to_owned());
    }
    for s in &play.switches {
        parts.push(switch_part(ctx, s));
    }
    if parts.is_empty() {
        return name;
    }
    let notes = t.fmt(
        "export.seat.notes",
        &[("parts", &parts.join(t.t("export.seat.separator")))],
    );
    format!("{name}{notes}")
}

fn switch_part(ctx: &LogContext<'_>, s: &SeatSwitch) -> String {
    let key = match s.kind {
        SeatKind::Human => "export.seat.to_person",
        SeatKind::Bot(_) => "export.seat.to_bot",
    };
    ctx.texts.fmt(key, &[("year", &s.year)])
}

/// "From 2024, a bot played Ken's seat."
pub(super) fn switch_sentence(ctx: &LogContext<'_>, seat: usize, s: &SeatSwitch) -> String {
    let key = match s.kind {
        SeatKind::Human => "export.seat.switch_person",
        SeatKind::Bot(_) => "export.seat.switch_bot",
    };
    ctx.texts
        .fmt(key, &[("year", &s.year), ("seat", &ctx.seat(seat))])
}
