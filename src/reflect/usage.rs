//! Which connections the table used, how often, for which worries and which
//! needs each met, which were never used, and which needs went unmet most.

use std::collections::BTreeMap;

use crate::content::{ConnectionId, Need, ResidentId, Worry};
use crate::rules::{Event, ResidentPlace};

use super::trace::Trace;

/// One connection design (copies counted together) and its uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionUse {
    /// The first card of the design, for names and specialities.
    pub card: ConnectionId,
    /// Residents it helped resolve.
    pub uses: usize,
    /// Uses by the resolved resident's worry category ([`Worry::ALL`] order).
    pub by_worry: [usize; 4],
    /// The needs its cards met, each need once with how many times, most
    /// often first (a waived need was met by no card and is left out).
    pub met: Vec<(Need, usize)>,
}

/// Connection use over a whole game.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Usage {
    /// Designs used at least once, most used first.
    pub used: Vec<ConnectionUse>,
    /// Designs in the deck that were never played (first card of each).
    pub never_used: Vec<ConnectionId>,
    /// Needs of residents still waiting at the end, most frequent first.
    pub unmet: Vec<(Need, usize)>,
}

/// Counts connection use in a traced game.
pub fn usage(trace: &Trace) -> Usage {
    let content = trace.last.content();
    let mut first: BTreeMap<&str, ConnectionId> = BTreeMap::new();
    for (i, c) in content.connections().iter().enumerate() {
        first
            .entry(c.key.as_str())
            .or_insert(ConnectionId::from_index(i));
    }
    let mut used: BTreeMap<ConnectionId, ConnectionUse> = BTreeMap::new();
    let mut met: BTreeMap<ConnectionId, BTreeMap<Need, usize>> = BTreeMap::new();
    for (_, e) in trace.events() {
        if let Event::Prescribed {
            resident,
            cards,
            met: card_needs,
            ..
        } = e
        {
            let worry = content.resident(*resident).worry;
            let w = Worry::ALL.iter().position(|x| *x == worry).unwrap_or(0);
            for (i, c) in cards.iter().enumerate() {
                let card = first[content.connection(*c).key.as_str()];
                let u = used.entry(card).or_insert(ConnectionUse {
                    card,
                    uses: 0,
                    by_worry: [0; 4],
                    met: Vec::new(),
                });
                u.uses += 1;
                u.by_worry[w] += 1;
                if let Some(need) = card_needs.get(i) {
                    *met.entry(card).or_default().entry(*need).or_default() += 1;
                }
            }
        }
    }
    for (card, needs) in met {
        let mut needs: Vec<(Need, usize)> = needs.into_iter().collect();
        needs.sort_by_key(|(n, k)| (std::cmp::Reverse(*k), *n));
        if let Some(u) = used.get_mut(&card) {
            u.met = needs;
        }
    }
    let mut never_used: Vec<ConnectionId> = first
        .values()
        .copied()
        .filter(|c| content.connection(*c).in_deck && !used.contains_key(c))
        .collect();
    never_used.sort_unstable();
    let mut used: Vec<ConnectionUse> = used.into_values().collect();
    used.sort_by_key(|u| (std::cmp::Reverse(u.uses), u.card));
    let mut unmet: BTreeMap<Need, usize> = BTreeMap::new();
    for i in 0..content.residents().len() {
        let r = ResidentId::from_index(i);
        if matches!(trace.last.resident_state(r).place(), ResidentPlace::Town(_)) {
            for n in trace.last.needs(r) {
                *unmet.entry(n).or_default() += 1;
            }
        }
    }
    let mut unmet: Vec<(Need, usize)> = unmet.into_iter().collect();
    unmet.sort_by_key(|(n, k)| (std::cmp::Reverse(*k), *n));
    Usage {
        used,
        never_used,
        unmet,
    }
}
