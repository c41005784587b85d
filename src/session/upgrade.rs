//! Reading format-1 files as the rules now see them. Format 1 recorded the
//! facilitator's early end only as an `Intervention EndGame` (the rules did
//! not know it), and the table then let bots act on: here that intervention
//! becomes the rules' `Action::EndGame` at the same point, and the actions
//! recorded after it are left out, with a note saying so.

use super::load::LoadedSession;
use super::record::{InterventionKind, Record};
use crate::rules::Action;

/// Rewrites `session`'s format-1 records in place (see the module header).
pub(super) fn upgrade_format1(session: &mut LoadedSession) {
    let mut records = Vec::with_capacity(session.records.len() + 1);
    let mut lines = Vec::with_capacity(records.capacity());
    let mut ended = false;
    let mut ignored = Vec::new();
    let mut impossible = Vec::new();
    for (record, line) in session.records.drain(..).zip(session.lines.drain(..)) {
        let end_seat = match &record {
            // format 1 had no override actions: such a line is damage
            Record::Act { action, .. } if action.is_override() => {
                impossible.push(line);
                continue;
            }
            Record::Act { .. } | Record::Undo | Record::Intervention { .. } if ended => {
                ignored.push(line);
                continue;
            }
            Record::Intervention {
                kind: InterventionKind::EndGame,
                seat,
                ..
            } => Some(*seat),
            _ => None,
        };
        records.push(record);
        lines.push(line);
        if let Some(seat) = end_seat {
            records.push(Record::Act {
                seat,
                action: Action::EndGame,
                hash: None,
                year: None,
                elapsed_secs: None,
            });
            lines.push(line);
            ended = true;
        }
    }
    if let Some(first) = ignored.first() {
        session.adjustments.push(format!(
            "the facilitator ended the game early, but {} later action(s) were recorded (lines {first}–{}), as the version that wrote this file allowed; they are ignored",
            ignored.len(),
            ignored.last().unwrap_or(first)
        ));
    }
    if let Some(first) = impossible.first() {
        session.adjustments.push(format!(
            "{} line(s) from line {first} hold actions the version that wrote this file did not have; they are left out",
            impossible.len()
        ));
    }
    session.records = records;
    session.lines = lines;
    session.rewrite = true;
}
