//! The heuristic bot: prescribe where it saves the most endangered district,
//! listen where hidden residents pile up, connect for needs seen on the board.
//! In a deck with link work it also visits, meets, passes and founds
//! (see [`super::link_work`]), by the lessons it is told to play by.
//! It also explains itself, so the facilitator's coaching hint can show why.
//! Bots decide millions of times in a simulation, so this avoids allocating.

use smallvec::SmallVec;

use super::lessons::Lessons;
use super::link_work;
use crate::content::{CardIndex, ConnectionId, Matching, NeedSignature, ResidentId};
use crate::rules::{Action, Game, Needs, ResidentPlace};

/// Why the heuristic chose an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The hand is over its limit; this card helps least with the board.
    ReleaseLeastUseful,
    /// These cards resolve a resident in the most loaded district.
    PrescribeEndangered,
    /// A free listen is available.
    FreeListen,
    /// This card completes a known resident's needs.
    ConnectForNeed,
    /// Hidden residents pile up in this district.
    ListenWherePiling,
    /// This card helps with the most worries on the board.
    ConnectBroad,
    /// Nothing useful is left this turn.
    NothingLeft,
    /// This resident needs trust before help: stay alongside them.
    VisitForTrust,
    /// Another seat can help this resident with this card.
    PassToHelp,
    /// No one hand can help this resident: pool hands in a case conference.
    ConferenceEndangered,
    /// Put an action towards a new local resource.
    CreateResource,
}

impl Reason {
    /// The UI text key explaining the reason in a coaching hint.
    pub fn text_key(self) -> &'static str {
        match self {
            Reason::ReleaseLeastUseful => "hint.reason.release_least_useful",
            Reason::PrescribeEndangered => "hint.reason.prescribe_endangered",
            Reason::FreeListen => "hint.reason.free_listen",
            Reason::ConnectForNeed => "hint.reason.connect_for_need",
            Reason::ListenWherePiling => "hint.reason.listen_where_piling",
            Reason::ConnectBroad => "hint.reason.connect_broad",
            Reason::NothingLeft => "hint.reason.nothing_left",
            Reason::VisitForTrust => "hint.reason.visit_for_trust",
            Reason::PassToHelp => "hint.reason.pass_to_help",
            Reason::ConferenceEndangered => "hint.reason.conference_endangered",
            Reason::CreateResource => "hint.reason.create_resource",
        }
    }
}

/// A suggested action with its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    pub action: Action,
    pub reason: Reason,
}

/// Per-district counts computed once per decision.
pub(super) struct Board {
    pub(super) load: SmallVec<[usize; 8]>,
    hidden: SmallVec<[usize; 8]>,
}

impl Board {
    fn of(game: &Game) -> Self {
        let n = game.content().districts().len();
        let mut load = SmallVec::from_elem(0, n);
        let mut hidden = SmallVec::from_elem(0, n);
        for (d, (l, h)) in load.iter_mut().zip(hidden.iter_mut()).enumerate() {
            let residents = game.district_residents(crate::content::DistrictId::from_index(d));
            *l = residents.len();
            *h = residents
                .iter()
                .filter(|r| !game.resident_state(**r).revealed())
                .count();
        }
        Self { load, hidden }
    }

    /// How urgent a resident is: a loaded district weighs much more; a longer wait a little.
    pub(super) fn danger(&self, game: &Game, r: ResidentId) -> usize {
        match game.resident_state(r).place() {
            ResidentPlace::Town(d) => {
                let load = self.load[d.index()];
                load * load * 10 + usize::from(game.resident_state(r).year_ends_waited())
            }
            _ => 0,
        }
    }

    /// Listening priority: most loaded district, then most hidden, then longest wait.
    fn listen_score(&self, game: &Game, r: ResidentId) -> usize {
        let ResidentPlace::Town(d) = game.resident_state(r).place() else {
            return 0;
        };
        let waited = usize::from(game.resident_state(r).year_ends_waited()).min(63);
        (self.load[d.index()] * 16 + self.hidden[d.index()]) * 64 + waited
    }
}

/// The first item with the largest key (ties keep the earliest).
pub(super) fn first_max<T>(
    items: impl Iterator<Item = T>,
    mut key: impl FnMut(&T) -> usize,
) -> Option<T> {
    let mut best: Option<(usize, T)> = None;
    for item in items {
        let k = key(&item);
        if best.as_ref().is_none_or(|(b, _)| k > *b) {
            best = Some((k, item));
        }
    }
    best.map(|(_, t)| t)
}

/// A known resident as the seat sees it, computed once per decision.
pub(super) struct Known {
    pub(super) resident: ResidentId,
    pub(super) needs: Needs,
    /// Hand cards matched to needs; `None` when too many needs are missing to bother.
    pub(super) matching: Option<Matching>,
    pub(super) danger: usize,
    signature: NeedSignature,
}

/// The heuristic's choice for `seat` (the current seat), playing by every lesson.
pub fn advise(game: &Game, seat: usize) -> Advice {
    advise_with(game, seat, Lessons::ALL)
}

/// The heuristic's choice for `seat`, playing only by `lessons`.
pub fn advise_with(game: &Game, seat: usize, lessons: Lessons) -> Advice {
    let content = game.content();
    let hand = game.hand(seat);
    let board = Board::of(game);
    let hand_cards = || hand.iter().map(|c| content.connection(*c));
    if game.is_over() || game.current_seat() != seat {
        return Advice {
            action: Action::EndTurn,
            reason: Reason::NothingLeft,
        };
    }
    if !game.must_release() && game.actions_left() == 0 && game.free_listens_left() == 0 {
        return Advice {
            action: Action::EndTurn,
            reason: Reason::NothingLeft,
        };
    }
    // Residents with more missing needs than this can't be helped soon: skip their matching.
    let reachable = usize::from(game.actions_left()).max(2);
    let index = CardIndex::new(hand_cards());
    let waiver = game.waiver(seat);
    let known: SmallVec<[Known; 16]> = game
        .revealed_in_town()
        .map(|r| {
            let (needs, _) = game.needs_waiving(r, waiver);
            let matching =
                (needs.len() <= hand.len() + reachable).then(|| index.partial_assign(&needs));
            Known {
                resident: r,
                danger: board.danger(game, r),
                signature: NeedSignature::of(&needs),
                needs,
                matching,
            }
        })
        .collect();
    if game.must_release() {
        let card = first_max(hand.iter().copied(), |c| {
            usize::MAX - usefulness(game, &known, *c) - link_work::tie_bonus(game, *c, lessons)
        })
        .expect("a seat over its hand limit holds cards");
        return Advice {
            action: Action::Release { card },
            reason: Reason::ReleaseLeastUseful,
        };
    }
    let end = Advice {
        action: Action::EndTurn,
        reason: Reason::NothingLeft,
    };

    if game.actions_left() > 0
        && let Some((k, m)) = first_max(
            known.iter().filter_map(|k| {
                k.matching
                    .as_ref()
                    .filter(|m| m.is_complete() && game.trust_left(k.resident) == 0)
                    .filter(|_| !link_work::holds_out(game, seat, k.resident, &board, lessons))
                    .map(|m| (k, m))
            }),
            |(k, _)| k.danger,
        )
    {
        let cards = (0..k.needs.len())
            .filter_map(|i| m.card_for(i))
            .map(|i| hand[i])
            .collect();
        let cards = link_work::informal_first(game, seat, k.resident, cards, lessons);
        return Advice {
            action: link_work::with_informal_tie(game, seat, k.resident, cards, lessons),
            reason: Reason::PrescribeEndangered,
        };
    }
    let listen_target = || first_max(game.hidden_in_town(), |r| board.listen_score(game, *r));
    if game.free_listens_left() > 0
        && let Some(r) = listen_target()
    {
        return Advice {
            action: Action::Listen { resident: r },
            reason: Reason::FreeListen,
        };
    }
    if game.actions_left() == 0 {
        return end;
    }
    if let Some(advice) = link_work::together(game, seat, &known, lessons) {
        return advice;
    }
    let choices: SmallVec<[(ConnectionId, usize); 8]> = game
        .offer()
        .iter()
        .copied()
        .chain(game.peeked_cards(seat))
        .map(|c| {
            let useful = usefulness(game, &known, c) + link_work::tie_bonus(game, c, lessons);
            (c, useful)
        })
        .collect();
    // Connect a card that fills a missing need of the most endangered known resident.
    let for_need = first_max(
        known.iter().filter_map(|k| {
            let m = k.matching.as_ref()?;
            if k.needs.len() - m.met() > reachable {
                return None;
            }
            let (card, _) = first_max(
                choices.iter().copied().filter(|(c, _)| {
                    let conn = content.connection(*c);
                    m.unmet().any(|i| conn.meets(k.needs[i]))
                }),
                |(_, useful)| *useful,
            )?;
            Some((k.danger, card))
        }),
        |(danger, _)| *danger,
    );
    if let Some((_, card)) = for_need {
        return Advice {
            action: Action::Connect { card },
            reason: Reason::ConnectForNeed,
        };
    }
    if let Some(advice) = link_work::visit(game, &known, seat, lessons) {
        return advice;
    }
    if let Some(advice) = link_work::create(game, &board, lessons) {
        return advice;
    }
    if let Some(r) = listen_target() {
        return Advice {
            action: Action::Listen { resident: r },
            reason: Reason::ListenWherePiling,
        };
    }
    if hand.len() < usize::from(game.hand_limit(seat))
        && let Some((card, _)) = first_max(choices.iter().copied(), |(_, useful)| *useful)
    {
        return Advice {
            action: Action::Connect { card },
            reason: Reason::ConnectBroad,
        };
    }
    end
}

/// How much a card helps with what is on the board (known needs count most).
fn usefulness(game: &Game, known: &[Known], card: ConnectionId) -> usize {
    let c = game.content().connection(card);
    let mut score = c.helps.len() + 2 * c.specialities.len();
    for k in known {
        if c.meets_any(&k.signature, &k.needs) {
            score += 4 + k.danger.min(200) / 10;
        }
    }
    score
}
