//! A stable digest of the game state: the same state gives the same hex
//! string on every machine and every run. Version 2 covers every setting
//! that changes the game (the difficulty's parameters) and the needs gained
//! this year; version 1 is the digest session files of format 1 recorded,
//! kept so those files are still verified action by action.

use super::state::{Game, Outcome, ResidentCard, ResidentPlace};
use crate::content::Need;

struct Feed(blake3::Hasher);

impl Feed {
    fn n(&mut self, v: u64) {
        self.0.update(&v.to_le_bytes());
    }
    fn need(&mut self, n: Need) {
        match n {
            Need::Worry(w) => self.n(w as u64),
            Need::Speciality(s) => self.n(100 + s.index() as u64),
        }
    }
    fn ids(&mut self, ids: impl ExactSizeIterator<Item = usize>) {
        self.n(ids.len() as u64);
        for i in ids {
            self.n(i as u64);
        }
    }
}

/// Which digest: 1 for session files of format 1, 2 from then on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashVersion {
    V1,
    V2,
}

pub(super) fn state_hash(g: &Game, version: HashVersion) -> String {
    let mut f = Feed(blake3::Hasher::new());
    if version == HashVersion::V2 {
        f.0.update(b"state-hash-2");
    }
    f.0.update(g.content.content_hash().as_bytes());
    if version == HashVersion::V2 {
        let p = &g.params;
        for v in [
            p.actions_per_turn,
            p.hand_limit,
            p.starting_hand,
            p.offer_size,
            p.initial_residents_per_district,
            p.escalate_after_years,
            p.collapse_threshold,
            p.max_events_per_turn,
        ] {
            f.n(u64::from(v));
        }
        f.n(g.year_growth.len() as u64);
        for growth in &g.year_growth {
            f.n(growth.resident.index() as u64);
            f.need(growth.need);
            f.n(growth.cause as u64);
        }
    }
    let seed = g.rng.get_seed();
    f.0.update(&seed);
    f.n(g.rng.get_stream());
    f.0.update(&g.rng.get_word_pos().to_le_bytes());
    f.n(g.year as u64);
    f.n(g.turn_seat as u64);
    f.n(u64::from(g.actions_left));
    f.n(u64::from(g.free_listens_left));
    f.n(u64::from(g.over_limit));
    f.n(u64::from(g.coping));
    f.n(u64::from(g.last_undoable));
    f.n(u64::from(g.actions_taken));
    f.n(g.seats.len() as u64);
    for s in &g.seats {
        f.n(s.role.index() as u64);
        f.n(s.home.map_or(u64::MAX, |d| d.index() as u64));
    }
    f.n(g.resident_deck.len() as u64);
    for c in &g.resident_deck {
        match c {
            ResidentCard::Resident(r) => f.n(r.index() as u64),
            ResidentCard::Event(e) => f.n(10_000 + e.index() as u64),
        }
    }
    for r in &g.residents {
        match r.place {
            ResidentPlace::Deck => f.n(0),
            ResidentPlace::Town(d) => f.n(1 + d.index() as u64),
            ResidentPlace::Connected => f.n(1000),
        }
        f.n(u64::from(r.revealed));
        f.n(u64::from(r.year_ends_waited));
        f.n(r.arrived.map_or(0, |y| y as u64));
        f.n(r.needs.len() as u64);
        for n in &r.needs {
            f.need(*n);
        }
    }
    for t in &g.town {
        f.ids(t.iter().map(|r| r.index()));
    }
    f.ids(g.connected.iter().map(|r| r.index()));
    f.ids(g.used_events.iter().map(|e| e.index()));
    f.ids(g.conn_deck.iter().map(|c| c.index()));
    f.ids(g.discard.iter().map(|c| c.index()));
    f.ids(g.offer.iter().map(|c| c.index()));
    for h in &g.hands {
        f.ids(h.iter().map(|c| c.index()));
    }
    f.ids(g.reserve.iter().map(|c| c.index()));
    f.ids(g.removed.iter().map(|c| c.index()));
    // Link work: fed only for decks that use it, so a first-edition deck's
    // games keep the digests their session files recorded.
    if version == HashVersion::V2 && g.content.link_work() {
        f.0.update(b"link-work-1");
        let p = &g.params;
        for v in [
            p.pass_cost,
            p.conference_cost,
            p.relapse_after_years,
            p.spill_over,
        ] {
            f.n(v.map_or(u64::MAX, u64::from));
        }
        f.n(u64::from(g.turn_no));
        for r in &g.residents {
            f.n(u64::from(r.visits));
            f.n(r.visited_turn.map_or(u64::MAX, u64::from));
            f.n(u64::from(r.refused));
            f.n(u64::from(r.ties));
            f.n(u64::from(r.informal_ties));
            f.n(u64::from(r.settled));
            f.n(u64::from(r.escalations));
            f.n(u64::from(r.drifted));
        }
        f.n(g.idea_progress.len() as u64);
        for (c, n) in &g.idea_progress {
            f.n(c.index() as u64);
            f.n(u64::from(*n));
        }
        f.ids(g.founded.iter().map(|c| c.index()));
    }
    match &g.outcome {
        None => f.n(0),
        Some(Outcome::Survived { connected }) => {
            f.n(1);
            f.n(*connected as u64);
        }
        Some(Outcome::Collapsed {
            year,
            district,
            residents,
        }) => {
            f.n(2);
            f.n(*year as u64);
            f.n(district.index() as u64);
            f.ids(residents.iter().map(|r| r.index()));
        }
        Some(Outcome::EndedEarly { year, connected }) => {
            f.n(3);
            f.n(*year as u64);
            f.n(*connected as u64);
        }
    }
    f.0.finalize().to_hex().to_string()
}
