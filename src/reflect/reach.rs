//! Could the hands have met this resident? Asked of the game as it stood
//! when the town collapsed, by the rules' own matchers: one seat's hand
//! prescribes only once the resident trusts the team (`trust_left`), and
//! hands are pooled only where a case conference could have pooled them
//! (`Game::conferences`, which is empty in a deck without conferences).

use crate::content::{Matching, Need, ResidentId, partial_assign};
use crate::rules::Game;

/// What the hands could have done for one heard resident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Reach {
    /// One seat's hand could have prescribed.
    Hand,
    /// Only a case conference, pooling several seats' hands, could have.
    Conference,
    /// A seat's hand fitted, but the resident did not trust the team yet
    /// (visits still needed) and no conference could have met them.
    NeedsTrust { left: u8 },
    /// Needs that even the closest hand (or, where a conference could pool
    /// them, the pooled hands) could not meet.
    Short(Vec<Need>),
}

/// What the hands of `game` could have done for resident `r`.
pub(super) fn reach(game: &Game, r: ResidentId) -> Reach {
    let seats = game.seats().len();
    // The rules' own matcher, hand by hand (a role's waiver changes how
    // many needs a hand must meet): the hand with the fewest needs left
    // unmet; ties go to the earlier seat.
    let mut best: Option<(usize, Matching)> = None;
    for seat in 0..seats {
        let m = game.hand_fit(seat, r);
        if best
            .as_ref()
            .is_none_or(|(_, b)| m.unmet().count() < b.unmet().count())
        {
            best = Some((seat, m));
        }
    }
    let hand_fits = best.as_ref().is_some_and(|(_, m)| m.is_complete());
    if hand_fits && game.trust_left(r) == 0 {
        return Reach::Hand;
    }
    if (0..seats).any(|s| game.conference_extends(s, r, &[])) {
        return Reach::Conference;
    }
    if hand_fits {
        return Reach::NeedsTrust {
            left: game.trust_left(r),
        };
    }
    let mut missing: Option<Vec<Need>> = best.map(|(seat, m)| {
        let (needs, _) = game.needs_for(seat, r);
        m.unmet().map(|i| needs[i]).collect()
    });
    if game.conference_cost().is_some() && seats >= 2 {
        // A conference could pool every hand, with the calling seat's waiver.
        let content = game.content();
        let pool = game.pooled_hands();
        for seat in 0..seats {
            let (needs, _) = game.needs_for(seat, r);
            let m = partial_assign(&needs, pool.iter().map(|c| content.connection(*c)));
            let left: Vec<Need> = m.unmet().map(|i| needs[i]).collect();
            if missing.as_ref().is_none_or(|b| left.len() < b.len()) {
                missing = Some(left);
            }
        }
    }
    Reach::Short(missing.unwrap_or_else(|| game.needs(r).collect()))
}
