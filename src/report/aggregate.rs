//! Summing sessions into the report: every tally keyed by deck and card key
//! in ordered maps, then sorted with explicit tie-breaks, so the same
//! sessions always give the same report.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::content::{Content, Text};
use crate::reflect::Reflection;
use crate::sim::wilson;

use super::facts::{Facts, connection, district, facts, resident};
use super::model::{
    ConnectionTally, DifficultyRate, DistrictDanger, Named, NoteRow, Outcomes, Participants,
    Report, ResidentTally, SessionOutcome,
};
use super::skipped::Skipped;

impl Report {
    /// The report of already reflected sessions (nothing skipped).
    pub fn of(reflections: &[Reflection]) -> Report {
        let facts: Vec<Facts> = reflections.par_iter().map(facts).collect();
        aggregate(facts, Vec::new())
    }
}

/// (deck id, card key): how tallies over several decks are told apart.
type Key = (String, String);

/// The place of a card in the report's tie-break order: the deck's first
/// appearance among the sessions, then the card's position in the deck.
type Order = (usize, usize);

/// Sums per-session facts; `skipped` is sorted by path and kept.
pub(super) fn aggregate(mut facts: Vec<Facts>, mut skipped: Vec<Skipped>) -> Report {
    // stable: equal keys keep the caller's (path) order
    facts.sort_by(|a, b| {
        (&a.row.created, &a.row.session_id).cmp(&(&b.row.created, &b.row.session_id))
    });
    skipped.sort_by(|a, b| a.path.cmp(&b.path).then(a.reason.cmp(&b.reason)));
    let mut decks: BTreeMap<String, usize> = BTreeMap::new();
    for f in &facts {
        let n = decks.len();
        decks.entry(f.content.id().to_owned()).or_insert(n);
    }
    let deck_order = |c: &Content| decks.get(c.id()).copied().unwrap_or(usize::MAX);

    Report {
        participants: participants(&facts),
        outcomes: outcomes(&facts),
        collapse_years: collapse_years(&facts),
        difficulties: difficulties(&facts),
        districts: districts(&facts, &deck_order),
        connections: connections(&facts, &deck_order),
        never_used: never_used(&facts, &deck_order),
        bookmarked: bookmarked(&facts, &deck_order),
        notes: notes(&facts),
        link_work: super::link_work::tally(&facts),
        sessions: facts.into_iter().map(|f| f.row).collect(),
        skipped,
    }
}

fn participants(facts: &[Facts]) -> Participants {
    let mut names = BTreeSet::new();
    let mut p = Participants::default();
    for f in facts {
        p.people += f.people.len() + f.unnamed;
        p.bots += f.row.bots;
        p.bot_helped += f.row.bot_helped;
        p.sessions_with_people += usize::from(f.row.humans > 0);
        names.extend(f.people.iter().map(String::as_str));
    }
    p.distinct_names = names.len();
    p
}

fn outcomes(facts: &[Facts]) -> Outcomes {
    let mut o = Outcomes::default();
    for f in facts {
        *match f.row.outcome {
            SessionOutcome::Survived => &mut o.survived,
            SessionOutcome::Collapsed => &mut o.collapsed,
            SessionOutcome::EndedEarly => &mut o.ended_early,
            SessionOutcome::InProgress => &mut o.in_progress,
        } += 1;
    }
    o
}

fn collapse_years(facts: &[Facts]) -> Vec<(i32, usize)> {
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for f in facts {
        for y in f.content.start_year()..=f.content.end_year() {
            counts.entry(y).or_default();
        }
    }
    for f in facts {
        if f.row.outcome == SessionOutcome::Collapsed {
            *counts.entry(f.row.year).or_default() += 1;
        }
    }
    counts.into_iter().collect()
}

fn difficulties(facts: &[Facts]) -> Vec<DifficultyRate> {
    struct Acc {
        order: usize,
        name: Text,
        sessions: usize,
        decided: usize,
        wins: usize,
    }
    let mut by: BTreeMap<&str, Acc> = BTreeMap::new();
    for f in facts {
        let id = f.row.difficulty.as_str();
        let a = by.entry(id).or_insert_with(|| Acc {
            order: f
                .content
                .difficulties()
                .iter()
                .position(|d| d.id == id)
                .unwrap_or(usize::MAX),
            name: f.row.difficulty_name.clone(),
            sessions: 0,
            decided: 0,
            wins: 0,
        });
        a.sessions += 1;
        match f.row.outcome {
            SessionOutcome::Survived => {
                a.decided += 1;
                a.wins += 1;
            }
            SessionOutcome::Collapsed => a.decided += 1,
            SessionOutcome::EndedEarly | SessionOutcome::InProgress => {}
        }
    }
    let mut out: Vec<(usize, DifficultyRate)> = by
        .into_iter()
        .map(|(id, a)| {
            let decided = a.decided > 0;
            (
                a.order,
                DifficultyRate {
                    id: id.to_owned(),
                    name: a.name,
                    sessions: a.sessions,
                    decided: a.decided,
                    wins: a.wins,
                    win_rate: decided.then(|| a.wins as f64 / a.decided as f64),
                    ci95: decided.then(|| wilson(a.wins, a.decided)),
                },
            )
        })
        .collect();
    // ids break ties, and the map already gave id order
    out.sort_by_key(|(order, _)| *order);
    out.into_iter().map(|(_, d)| d).collect()
}

fn districts(facts: &[Facts], deck_order: &dyn Fn(&Content) -> usize) -> Vec<DistrictDanger> {
    struct Acc {
        order: Order,
        named: Named,
        collapses: usize,
        highest: usize,
        peak_sum: usize,
        sessions: usize,
    }
    let mut by: BTreeMap<Key, Acc> = BTreeMap::new();
    for f in facts {
        let c = &f.content;
        for (i, &peak) in f.peaks.iter().enumerate() {
            let d = crate::content::DistrictId::from_index(i);
            let named = district(c, d);
            let a = by
                .entry((named.deck.clone(), named.key.clone()))
                .or_insert_with(|| Acc {
                    order: (deck_order(c), i),
                    named,
                    collapses: 0,
                    highest: 0,
                    peak_sum: 0,
                    sessions: 0,
                });
            a.collapses += usize::from(f.collapsed == Some(d));
            a.highest = a.highest.max(peak);
            a.peak_sum += peak;
            a.sessions += 1;
        }
    }
    let mut out: Vec<(Order, DistrictDanger)> = by
        .into_values()
        .map(|a| {
            (
                a.order,
                DistrictDanger {
                    district: a.named,
                    collapses: a.collapses,
                    highest_load: a.highest,
                    mean_peak: a.peak_sum as f64 / a.sessions.max(1) as f64,
                    sessions: a.sessions,
                },
            )
        })
        .collect();
    out.sort_by(|(oa, a), (ob, b)| {
        b.collapses
            .cmp(&a.collapses)
            .then(b.highest_load.cmp(&a.highest_load))
            .then(b.mean_peak.total_cmp(&a.mean_peak))
            .then(oa.cmp(ob))
    });
    out.into_iter().map(|(_, d)| d).collect()
}

fn connections(facts: &[Facts], deck_order: &dyn Fn(&Content) -> usize) -> Vec<ConnectionTally> {
    let mut by: BTreeMap<Key, (Order, ConnectionTally)> = BTreeMap::new();
    for f in facts {
        for u in &f.used {
            let named = connection(&f.content, u.card);
            let (_, t) = by
                .entry((named.deck.clone(), named.key.clone()))
                .or_insert_with(|| {
                    (
                        (deck_order(&f.content), u.card.index()),
                        ConnectionTally {
                            connection: named,
                            uses: 0,
                            sessions: 0,
                            by_worry: [0; 4],
                        },
                    )
                });
            t.uses += u.uses;
            t.sessions += 1;
            for (sum, n) in t.by_worry.iter_mut().zip(u.by_worry) {
                *sum += n;
            }
        }
    }
    let mut out: Vec<(Order, ConnectionTally)> = by.into_values().collect();
    out.sort_by_key(|(order, t)| (Reverse(t.uses), Reverse(t.sessions), *order));
    out.into_iter().map(|(_, t)| t).collect()
}

/// Designs never used in any session of their deck: never used in every one.
fn never_used(facts: &[Facts], deck_order: &dyn Fn(&Content) -> usize) -> Vec<Named> {
    let mut sessions: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by: BTreeMap<Key, (Order, Named, usize)> = BTreeMap::new();
    for f in facts {
        *sessions.entry(f.content.id()).or_default() += 1;
        for &c in &f.never_used {
            let named = connection(&f.content, c);
            by.entry((named.deck.clone(), named.key.clone()))
                .or_insert_with(|| ((deck_order(&f.content), c.index()), named, 0))
                .2 += 1;
        }
    }
    let mut out: Vec<(Order, Named)> = by
        .into_values()
        .filter(|(_, named, n)| sessions.get(named.deck.as_str()) == Some(n))
        .map(|(order, named, _)| (order, named))
        .collect();
    out.sort_by_key(|(order, _)| *order);
    out.into_iter().map(|(_, n)| n).collect()
}

fn bookmarked(facts: &[Facts], deck_order: &dyn Fn(&Content) -> usize) -> Vec<ResidentTally> {
    let mut by: BTreeMap<Key, (Order, ResidentTally)> = BTreeMap::new();
    for f in facts {
        let mut seen = BTreeSet::new();
        for &r in &f.bookmarked {
            let named = resident(&f.content, r);
            let (_, t) = by
                .entry((named.deck.clone(), named.key.clone()))
                .or_insert_with(|| {
                    (
                        (deck_order(&f.content), r.index()),
                        ResidentTally {
                            resident: named,
                            bookmarks: 0,
                            sessions: 0,
                        },
                    )
                });
            t.bookmarks += 1;
            if seen.insert(r) {
                t.sessions += 1;
            }
        }
    }
    let mut out: Vec<(Order, ResidentTally)> = by.into_values().collect();
    out.sort_by_key(|(order, t)| (Reverse(t.bookmarks), Reverse(t.sessions), *order));
    out.into_iter().map(|(_, t)| t).collect()
}

fn notes(facts: &[Facts]) -> Vec<NoteRow> {
    facts
        .iter()
        .flat_map(|f| {
            f.notes.iter().map(|(year, text)| NoteRow {
                created: f.row.created.clone(),
                date: f.row.date.clone(),
                session_id: f.row.session_id.clone(),
                year: *year,
                text: text.clone(),
            })
        })
        .collect()
}
