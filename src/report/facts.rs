//! What the report takes from one session's reflection: its row, and its
//! share of every tally. Small, so hundreds of sessions fit in memory once
//! their traces are dropped.

use std::sync::Arc;

use crate::content::{ConnectionId, Content, DistrictId, ResidentId};
use crate::reflect::{ConnectionUse, Ending, Reflection, RemarkKind, SeatPlay};
use crate::rules::SeatKind;

use super::model::{Named, SessionOutcome, SessionRow};

/// One session's contribution to the report.
#[derive(Debug, Clone)]
pub(super) struct Facts {
    pub row: SessionRow,
    pub content: Arc<Content>,
    /// Distinct names of the seats set up for people, and how many such
    /// seats had no name.
    pub people: Vec<String>,
    pub unnamed: usize,
    /// Each district's highest year-end load (map order).
    pub peaks: Vec<usize>,
    pub collapsed: Option<DistrictId>,
    pub used: Vec<ConnectionUse>,
    pub never_used: Vec<ConnectionId>,
    /// Residents named by bookmarks, once per bookmark.
    pub bookmarked: Vec<ResidentId>,
    /// Notes in the order taken: game year and text.
    pub notes: Vec<(i32, String)>,
    /// Resources the team created, in order.
    pub founded: Vec<ConnectionId>,
}

/// The facts of one reflected session.
pub(super) fn facts(r: &Reflection) -> Facts {
    let content = &r.content;
    let header = &r.header;
    let seats = &header.setup.seats;
    // a seat a bot played throughout is a bot; any seat a person played,
    // even for part of the game with a bot's help, is a person
    let person = |i: usize| {
        r.seats
            .get(i)
            .map_or(seats[i].kind == SeatKind::Human, SeatPlay::person)
    };
    let humans = (0..seats.len()).filter(|&i| person(i)).count();
    let bot_helped = r.seats.iter().filter(|p| p.switched()).count();
    let mut people: Vec<String> = (0..seats.len())
        .filter(|&i| person(i))
        .map(|i| seats[i].name.trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect();
    people.sort();
    people.dedup();
    // an unnamed seat is still somebody
    let unnamed = (0..seats.len())
        .filter(|&i| person(i) && seats[i].name.trim().is_empty())
        .count();

    let (outcome, year, collapsed) = match &r.ending {
        Ending::Collapsed(chain) => (SessionOutcome::Collapsed, chain.year, Some(chain.district)),
        Ending::Survived { year, .. } => (SessionOutcome::Survived, *year, None),
        Ending::Open { year, .. } => {
            let outcome = if r.ended_early() {
                SessionOutcome::EndedEarly
            } else {
                SessionOutcome::InProgress
            };
            (outcome, *year, None)
        }
    };

    let mut peaks = vec![0; content.districts().len()];
    for ye in &r.trace.year_ends {
        for (p, &load) in peaks.iter_mut().zip(&ye.loads) {
            *p = (*p).max(load);
        }
    }

    let mut notes = Vec::new();
    let mut bookmarked = Vec::new();
    let mut bookmarks = 0;
    for remark in &r.remarks {
        match &remark.kind {
            RemarkKind::Note(text) => notes.push((remark.year, text.clone())),
            RemarkKind::Bookmark { resident, .. } => {
                bookmarks += 1;
                bookmarked.extend(*resident);
            }
            RemarkKind::Intervention { .. } => {}
        }
    }

    let difficulty_name = content
        .difficulty(&header.setup.difficulty)
        .map(|d| d.name.clone())
        .unwrap_or_default();
    let district_local = collapsed.and_then(|d| {
        header
            .district_relabels
            .get(d.index())
            .cloned()
            .flatten()
            .filter(|s| !s.trim().is_empty())
    });
    let row = SessionRow {
        session_id: header.session_id.clone(),
        created: header.created.clone(),
        date: header
            .created
            .get(..10)
            .unwrap_or(&header.created)
            .to_owned(),
        deck: content.id().to_owned(),
        // the title the session recorded, else the deck's own
        scenario: header
            .deck_title
            .clone()
            .unwrap_or_else(|| content.title().clone()),
        difficulty: header.setup.difficulty.clone(),
        difficulty_name,
        seats: seats.len(),
        humans,
        bots: seats.len() - humans,
        bot_helped,
        outcome,
        year,
        district: collapsed.map(|d| district(content, d)),
        district_local,
        connected: r.trace.last.connected_residents().len(),
        notes: notes.len(),
        bookmarks,
        link_work: super::link_work::row(&r.link_work),
    };
    Facts {
        row,
        content: Arc::clone(content),
        people,
        unnamed,
        peaks,
        collapsed,
        used: r.usage.used.clone(),
        never_used: r.usage.never_used.clone(),
        bookmarked,
        notes,
        founded: r.link_work.founded().map(|c| c.idea).collect(),
    }
}

pub(super) fn district(content: &Content, d: DistrictId) -> Named {
    let x = content.district(d);
    Named {
        deck: content.id().to_owned(),
        key: x.key.clone(),
        name: x.name.clone(),
    }
}

pub(super) fn connection(content: &Content, c: ConnectionId) -> Named {
    let x = content.connection(c);
    Named {
        deck: content.id().to_owned(),
        key: x.key.clone(),
        name: x.name.clone(),
    }
}

pub(super) fn resident(content: &Content, r: ResidentId) -> Named {
    let x = content.resident(r);
    Named {
        deck: content.id().to_owned(),
        key: x.key.clone(),
        name: x.name.clone(),
    }
}
