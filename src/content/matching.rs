//! Which connection card meets which need: a small bipartite matching, shared
//! by validation ("can the deck ever resolve this resident?") and the rules
//! ("do these hand cards resolve this resident?").

use super::model::{Connection, Need};

/// Assigns each need a distinct card that meets it. Returns, for each need,
/// the index into `cards` meeting it, or `None` when no full assignment exists.
pub fn assign(needs: &[Need], cards: &[&Connection]) -> Option<Vec<usize>> {
    // owner[c] = the need card c currently serves
    let mut owner: Vec<Option<usize>> = vec![None; cards.len()];
    for need in 0..needs.len() {
        let mut seen = vec![false; cards.len()];
        if !augment(need, needs, cards, &mut owner, &mut seen) {
            return None;
        }
    }
    let mut by_need = vec![0; needs.len()];
    for (card, o) in owner.iter().enumerate() {
        if let Some(n) = o {
            by_need[*n] = card;
        }
    }
    Some(by_need)
}

fn augment(
    need: usize,
    needs: &[Need],
    cards: &[&Connection],
    owner: &mut [Option<usize>],
    seen: &mut [bool],
) -> bool {
    for c in 0..cards.len() {
        if seen[c] || !cards[c].meets(needs[need]) {
            continue;
        }
        seen[c] = true;
        let free = match owner[c] {
            None => true,
            Some(other) => augment(other, needs, cards, owner, seen),
        };
        if free {
            owner[c] = Some(need);
            return true;
        }
    }
    false
}

/// Whether distinct cards among `cards` can meet every need.
pub fn can_meet_all(needs: &[Need], cards: &[Connection]) -> bool {
    let refs: Vec<&Connection> = cards.iter().collect();
    assign(needs, &refs).is_some()
}

/// A largest assignment of needs to distinct cards: for each need, the index
/// into `cards` meeting it, or `None` for needs left unmet.
pub fn partial_assign(needs: &[Need], cards: &[&Connection]) -> Vec<Option<usize>> {
    let mut owner: Vec<Option<usize>> = vec![None; cards.len()];
    for need in 0..needs.len() {
        let mut seen = vec![false; cards.len()];
        augment(need, needs, cards, &mut owner, &mut seen);
    }
    let mut by_need = vec![None; needs.len()];
    for (card, o) in owner.iter().enumerate() {
        if let Some(n) = o {
            by_need[*n] = Some(card);
        }
    }
    by_need
}
