//! Supply and demand of help: a warning, with both counts, when many more
//! residents need a worry category or speciality than deck cards offer it.

use super::model::{Connection, Need, Resident, Speciality, Worry};
use super::validate::Validator;

/// Warn when more than this many residents need something per deck card
/// that offers it. The default deck's tightest supply is 1.5 residents per
/// card (e.g. 6 residents need `mental_health`, 4 cards offer it; Money:
/// 22 residents, 16 cards), so 3 leaves it a wide margin while six residents
/// waiting on one card still warn.
pub const MAX_NEEDING_PER_CARD: usize = 3;

/// Fewer residents than this needing something never warn: a small deck's
/// rare need is a design choice, not a shortage.
pub const MIN_NEEDING: usize = 5;

fn short(needing: usize, offering: usize) -> bool {
    needing >= MIN_NEEDING && needing > MAX_NEEDING_PER_CARD * offering
}

fn cards(n: usize) -> String {
    if n == 1 {
        "1 card".to_owned()
    } else {
        format!("{n} cards")
    }
}

impl Validator<'_> {
    pub(super) fn balance(
        &mut self,
        connections_file: &str,
        residents: &[Resident],
        specialities: &[Speciality],
        deck: &[Connection],
    ) {
        let f = self.ctx(connections_file);
        let in_deck: Vec<&Connection> = deck.iter().filter(|c| c.in_deck).collect();
        let needing = |need: Need| residents.iter().filter(|r| r.needs.contains(&need)).count();
        for w in Worry::ALL {
            let (n, o) = (
                needing(Need::Worry(w)),
                in_deck.iter().filter(|c| c.helps.contains(&w)).count(),
            );
            if short(n, o) {
                let at = f.loc.top_field("connections");
                self.warn(
                    connections_file,
                    at,
                    format!("{n} residents need {w:?}; only {} help {w:?}", cards(o)),
                    format!(
                        "add connections that help {w:?}, or give fewer residents that need: more than {MAX_NEEDING_PER_CARD} residents per card are rarely all helped"
                    ),
                );
            }
        }
        for (i, s) in specialities.iter().enumerate() {
            let id = super::ids::SpecialityId::from_index(i);
            let (n, o) = (
                needing(Need::Speciality(id)),
                in_deck
                    .iter()
                    .filter(|c| c.specialities.contains(&id))
                    .count(),
            );
            if short(n, o) {
                let at = f.loc.item(&s.key, 0);
                let verb = if o == 1 { "offers" } else { "offer" };
                self.warn(
                    connections_file,
                    at,
                    format!("{n} residents need `{}`; only {} {verb} it", s.key, cards(o)),
                    format!(
                        "add cards with \"{}\" in `specialities`, or give fewer residents Tag(\"{}\"): more than {MAX_NEEDING_PER_CARD} residents per card are rarely all helped",
                        s.key, s.key
                    ),
                );
            }
        }
    }
}
