//! Which connection card meets which need: a small bipartite matching, shared
//! by validation ("can the deck ever resolve this resident?"), the rules ("do
//! these hand cards resolve this resident?") and the bots. It works on bit
//! masks on the stack, because bots call it for every decision.

use smallvec::SmallVec;

use super::model::{Connection, Need};

/// Most cards one matching considers; later cards are ignored. Hands never
/// come near this; whole-deck checks in validation are chunked by need.
pub const MAX_CARDS: usize = 64;

/// Needs matched to distinct cards, by index into the needs and cards given.
#[derive(Debug, Clone)]
pub struct Matching {
    /// For each need, the card index meeting it.
    by_need: SmallVec<[Option<u8>; 8]>,
}

impl Matching {
    /// Whether every need has a card.
    pub fn is_complete(&self) -> bool {
        self.by_need.iter().all(Option::is_some)
    }

    /// The card index meeting need `i`, if any.
    pub fn card_for(&self, i: usize) -> Option<usize> {
        self.by_need.get(i).copied().flatten().map(usize::from)
    }

    /// Indices of needs left unmet.
    pub fn unmet(&self) -> impl Iterator<Item = usize> + '_ {
        self.by_need
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_none())
            .map(|(i, _)| i)
    }

    /// How many needs are met.
    pub fn met(&self) -> usize {
        self.by_need.iter().filter(|c| c.is_some()).count()
    }
}

/// Cards indexed for fast repeated matching (a bot matches one hand against
/// every known resident).
#[derive(Debug, Clone)]
pub struct CardIndex<'a> {
    /// Cards helping each worry category, as bit masks over card positions.
    worry: [u64; 4],
    /// Cards with specialities, with their position bit.
    specialists: SmallVec<[(u64, &'a Connection); 8]>,
}

impl<'a> CardIndex<'a> {
    pub fn new(cards: impl IntoIterator<Item = &'a Connection>) -> Self {
        let mut worry = [0u64; 4];
        let mut specialists = SmallVec::new();
        for (c, card) in cards.into_iter().take(MAX_CARDS).enumerate() {
            let bit = 1u64 << c;
            for (w, mask) in worry.iter_mut().enumerate() {
                if card.helps_bits & (1 << w) != 0 {
                    *mask |= bit;
                }
            }
            if !card.specialities.is_empty() {
                specialists.push((bit, card));
            }
        }
        Self { worry, specialists }
    }

    /// Cards that can meet `need`, as a bit mask.
    fn mask(&self, need: Need) -> u64 {
        match need {
            Need::Worry(w) => self.worry[w as usize],
            Need::Speciality(_) => self
                .specialists
                .iter()
                .filter(|(_, c)| c.meets(need))
                .fold(0, |m, (bit, _)| m | bit),
        }
    }

    /// A largest matching of `needs` to distinct indexed cards.
    pub fn partial_assign(&self, needs: &[Need]) -> Matching {
        let adj: SmallVec<[u64; 8]> = needs.iter().map(|n| self.mask(*n)).collect();
        let mut owner = [u8::MAX; MAX_CARDS];
        for need in 0..needs.len() {
            if adj[need] != 0 {
                let mut seen = 0u64;
                augment(need, &adj, &mut owner, &mut seen);
            }
        }
        let mut by_need: SmallVec<[Option<u8>; 8]> = SmallVec::from_elem(None, needs.len());
        let used = adj.iter().fold(0u64, |m, a| m | a);
        let n_cards = 64 - used.leading_zeros() as usize;
        for (card, &n) in owner[..n_cards].iter().enumerate() {
            if n != u8::MAX {
                by_need[usize::from(n)] = Some(card as u8);
            }
        }
        Matching { by_need }
    }
}

/// A largest matching of `needs` to distinct `cards`.
pub fn partial_assign<'a>(
    needs: &[Need],
    cards: impl IntoIterator<Item = &'a Connection>,
) -> Matching {
    CardIndex::new(cards).partial_assign(needs)
}

fn augment(need: usize, adj: &[u64], owner: &mut [u8; MAX_CARDS], seen: &mut u64) -> bool {
    let mut free = adj[need] & !*seen;
    while free != 0 {
        let c = free.trailing_zeros() as usize;
        free &= free - 1;
        *seen |= 1 << c;
        let other = owner[c];
        if other == u8::MAX || augment(usize::from(other), adj, owner, seen) {
            owner[c] = need as u8;
            return true;
        }
    }
    false
}

/// Assigns each need a distinct card; `None` when no full assignment exists.
pub fn assign<'a>(
    needs: &[Need],
    cards: impl IntoIterator<Item = &'a Connection>,
) -> Option<Matching> {
    if needs.len() > MAX_CARDS {
        return None;
    }
    let m = partial_assign(needs, cards);
    m.is_complete().then_some(m)
}

/// Whether distinct cards among `cards` (a whole deck) can meet every need.
/// For each need, `needs.len()` fitting cards are always enough, so only
/// those take part and big decks work too.
pub fn can_meet_all(needs: &[Need], cards: &[Connection]) -> bool {
    let mut chosen: Vec<usize> = Vec::new();
    for need in needs {
        let fitting = (0..cards.len()).filter(|i| cards[*i].meets(*need));
        for i in fitting.take(needs.len()) {
            if !chosen.contains(&i) {
                chosen.push(i);
            }
        }
    }
    chosen.sort_unstable();
    assign(needs, chosen.iter().map(|i| &cards[*i])).is_some()
}
