//! Running totals of a simulation, folded game by game into fixed-size
//! counters (so memory does not grow with the number of games) and merged
//! the same way whatever the thread count, then turned into a [`SimReport`].

use std::collections::BTreeMap;

use serde::Serialize;

use super::lessons::LessonRow;
use super::{GameEnd, GameResult, LinkCounts, wilson};
use crate::content::Content;
use crate::rules::{Action, Outcome, RuleError};

/// The summary the CLI prints. Every game is exactly one of: a win, a
/// collapse, a game stopped because the rules refused a bot's action, or a
/// game cut off at the action cap; the last two are never counted as wins.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SimReport {
    pub games: usize,
    pub wins: usize,
    /// Wins over all games (unfinished games count as not won).
    pub win_rate: f64,
    /// 95 % Wilson score interval of the win rate.
    pub win_rate_ci95: (f64, f64),
    /// Collapses per year.
    pub collapse_years: BTreeMap<i32, usize>,
    /// Collapses per district id.
    pub collapse_districts: BTreeMap<String, usize>,
    /// Mean residents connected per game.
    pub mean_resolved: f64,
    /// Games stopped because the rules refused a bot's action (a bot bug).
    pub refused: usize,
    /// The refusal in the lowest-numbered such game, to reproduce it.
    pub first_refusal: Option<RefusalReport>,
    /// Games that reached the action cap without ending.
    pub cut_off: usize,
    /// Link work (0 in a deck without it): ties given per connection.
    pub mean_ties_per_connected: f64,
    /// Informal ties over all ties given.
    pub informal_share: f64,
    /// Per game: resources founded, case conferences held, first offers
    /// turned down, residents who drifted back, residents a clinic referred.
    pub created_resources: f64,
    pub joint_prescriptions: f64,
    pub refusals: f64,
    pub relapses: f64,
    pub referrals: f64,
    /// Win rates with and without each lesson, when asked for (`--lessons`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lessons: Option<Vec<LessonRow>>,
}

/// One refused bot action, for the report.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RefusalReport {
    /// The game's index in the run (0-based).
    pub game: usize,
    /// The seat (0-based).
    pub seat: usize,
    pub action: String,
    pub error: String,
}

/// Fixed-size totals: per-district counts sized by the deck, per-year
/// counts bounded by the scenario's years.
#[derive(Debug, Clone)]
pub(crate) struct Tally {
    games: usize,
    wins: usize,
    connected: usize,
    collapse_years: BTreeMap<i32, usize>,
    collapse_districts: Vec<usize>,
    refused: usize,
    first_refusal: Option<(usize, usize, Action, RuleError)>,
    cut_off: usize,
    link: LinkCounts,
}

impl Tally {
    pub(crate) fn new(content: &Content) -> Self {
        Self {
            games: 0,
            wins: 0,
            connected: 0,
            collapse_years: BTreeMap::new(),
            collapse_districts: vec![0; content.districts().len()],
            refused: 0,
            first_refusal: None,
            cut_off: 0,
            link: LinkCounts::default(),
        }
    }

    /// Counts game `index`.
    pub(crate) fn add(&mut self, index: usize, r: &GameResult) {
        self.games += 1;
        self.connected += r.connected;
        self.link.add(&r.link);
        match &r.end {
            GameEnd::Over(Outcome::Survived { .. }) => self.wins += 1,
            GameEnd::Over(Outcome::Collapsed { year, district, .. }) => {
                *self.collapse_years.entry(*year).or_insert(0) += 1;
                if let Some(n) = self.collapse_districts.get_mut(district.index()) {
                    *n += 1;
                }
            }
            GameEnd::Refused {
                seat,
                action,
                error,
            } => {
                self.refused += 1;
                self.keep_first_refusal((index, *seat, action.clone(), error.clone()));
            }
            GameEnd::ActionCap => self.cut_off += 1,
            // Only a facilitator ends a game early; bots never ask for it.
            GameEnd::Over(Outcome::EndedEarly { .. }) => {}
        }
    }

    fn keep_first_refusal(&mut self, r: (usize, usize, Action, RuleError)) {
        if self.first_refusal.as_ref().is_none_or(|f| r.0 < f.0) {
            self.first_refusal = Some(r);
        }
    }

    /// Adds another tally (sums, and the earlier first refusal): the order
    /// of merging never changes the result.
    pub(crate) fn merge(mut self, other: Self) -> Self {
        self.games += other.games;
        self.wins += other.wins;
        self.connected += other.connected;
        for (year, n) in other.collapse_years {
            *self.collapse_years.entry(year).or_insert(0) += n;
        }
        for (a, b) in self
            .collapse_districts
            .iter_mut()
            .zip(other.collapse_districts)
        {
            *a += b;
        }
        self.refused += other.refused;
        if let Some(r) = other.first_refusal {
            self.keep_first_refusal(r);
        }
        self.cut_off += other.cut_off;
        self.link.add(&other.link);
        self
    }

    pub(crate) fn report(self, content: &Content) -> SimReport {
        let games = self.games;
        let per_game = |n: usize| {
            if games == 0 {
                0.0
            } else {
                n as f64 / games as f64
            }
        };
        let ratio = |n: u64, d: u64| if d == 0 { 0.0 } else { n as f64 / d as f64 };
        let link = self.link;
        let per_game_u = |n: u64| ratio(n, games as u64);
        SimReport {
            games,
            wins: self.wins,
            win_rate: per_game(self.wins),
            win_rate_ci95: wilson(self.wins, games),
            collapse_years: self.collapse_years,
            collapse_districts: content
                .districts()
                .iter()
                .zip(self.collapse_districts)
                .filter(|(_, n)| *n > 0)
                .map(|(d, n)| (d.key.clone(), n))
                .collect(),
            mean_resolved: per_game(self.connected),
            refused: self.refused,
            first_refusal: self
                .first_refusal
                .map(|(game, seat, action, error)| RefusalReport {
                    game,
                    seat,
                    action: format!("{action:?}"),
                    error: error.to_string(),
                }),
            cut_off: self.cut_off,
            mean_ties_per_connected: ratio(link.ties, link.connections),
            informal_share: ratio(link.informal_ties, link.ties),
            created_resources: per_game_u(link.founded),
            joint_prescriptions: per_game_u(link.conferences),
            refusals: per_game_u(link.refusals),
            relapses: per_game_u(link.relapses),
            referrals: per_game_u(link.referrals),
            lessons: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ConnectionId, DistrictId, default_content};

    fn result(end: GameEnd) -> GameResult {
        GameResult {
            end,
            actions: 10,
            connected: 2,
            link: LinkCounts {
                connections: 2,
                ties: 5,
                informal_ties: 2,
                conferences: 1,
                ..LinkCounts::default()
            },
            journal: None,
        }
    }

    fn refused(seat: usize) -> GameResult {
        result(GameEnd::Refused {
            seat,
            action: Action::Connect {
                card: ConnectionId::from_index(0),
            },
            error: RuleError::CardNotOffered,
        })
    }

    #[test]
    fn refused_and_cut_off_games_are_counted_apart_and_never_as_wins() {
        let c = default_content().unwrap();
        let results = [
            (0, result(GameEnd::Over(Outcome::Survived { connected: 2 }))),
            (
                1,
                result(GameEnd::Over(Outcome::Collapsed {
                    year: 2023,
                    district: DistrictId::from_index(1),
                    residents: vec![],
                })),
            ),
            (7, refused(2)),
            (3, refused(1)),
            (4, result(GameEnd::ActionCap)),
        ];
        // fold in two halves, merged both ways round: the same report
        let tally = |range: std::ops::Range<usize>| {
            let mut t = Tally::new(&c);
            for (i, r) in &results[range] {
                t.add(*i, r);
            }
            t
        };
        let a = tally(0..3).merge(tally(3..5)).report(&c);
        let b = tally(3..5).merge(tally(0..3)).report(&c);
        assert_eq!(a, b);
        assert_eq!((a.games, a.wins, a.refused, a.cut_off), (5, 1, 2, 1));
        assert!((a.win_rate - 0.2).abs() < 1e-12);
        assert_eq!(a.collapse_years.get(&2023), Some(&1));
        assert_eq!(a.collapse_districts.get("shrine"), Some(&1));
        let first = a.first_refusal.expect("a refusal is reported");
        assert_eq!((first.game, first.seat), (3, 1));
        assert!(first.action.contains("Connect"), "{first:?}");
        assert_eq!(first.error, RuleError::CardNotOffered.to_string());
        assert!((a.mean_resolved - 2.0).abs() < 1e-12);
        // link work: 10 connections, 25 ties, 10 informal, 5 conferences in 5 games
        assert!((a.mean_ties_per_connected - 2.5).abs() < 1e-12);
        assert!((a.informal_share - 0.4).abs() < 1e-12);
        assert!((a.joint_prescriptions - 1.0).abs() < 1e-12);
        assert_eq!((a.relapses, a.referrals, a.lessons), (0.0, 0.0, None));
    }
}
