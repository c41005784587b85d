//! Link work over the sessions: ties per connected resident, the informal
//! share, refusals, residents who drifted back and the resources the teams
//! created, summed over the sessions played on decks with link work.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use crate::reflect::LinkWork;

use super::facts::{Facts, connection};
use super::model::{LinkWorkRow, LinkWorkTally, Named};

/// One session's link work, or `None` for a deck without it.
pub(super) fn row(lw: &LinkWork) -> Option<LinkWorkRow> {
    lw.active.then(|| LinkWorkRow {
        connections: lw.connections(),
        ties: lw.ties_total(),
        informal: lw.informal_total(),
        refusals: lw.refusals.len(),
        relapses: lw.drifts.len(),
        founded: lw.founded().count(),
        conferences: lw.conferences.len(),
    })
}

/// The sum over sessions; `None` when no session's deck has link work.
pub(super) fn tally(facts: &[Facts]) -> Option<LinkWorkTally> {
    let mut out = LinkWorkTally::default();
    let mut founded: BTreeMap<(String, String), (Named, usize, usize)> = BTreeMap::new();
    for f in facts {
        let Some(row) = f.row.link_work else {
            continue;
        };
        out.sessions += 1;
        let t = &mut out.totals;
        t.connections += row.connections;
        t.ties += row.ties;
        t.informal += row.informal;
        t.refusals += row.refusals;
        t.relapses += row.relapses;
        t.founded += row.founded;
        t.conferences += row.conferences;
        for idea in &f.founded {
            let named = connection(&f.content, *idea);
            let key = (named.deck.clone(), named.key.clone());
            founded.entry(key).or_insert((named, idea.index(), 0)).2 += 1;
        }
    }
    if out.sessions == 0 {
        return None;
    }
    let t = out.totals;
    out.mean_ties = (t.connections > 0).then(|| f64::from(t.ties) / t.connections as f64);
    out.informal_share = (t.ties > 0).then(|| f64::from(t.informal) / f64::from(t.ties));
    let mut founded: Vec<(Named, usize, usize)> = founded.into_values().collect();
    founded.sort_by_key(|(n, i, k)| (Reverse(*k), n.deck.clone(), *i));
    out.founded = founded.into_iter().map(|(n, _, k)| (n, k)).collect();
    Some(out)
}
