//! Resource ideas (`ideas.ron`): local resources the team can found during
//! a game (創る). Each idea becomes a connection card kept in the reserve,
//! after every printed card, until the team founds it.

use super::model::Connection;
use super::raw::{RawConnections, RawIdeas};
use super::validate::{CardFace, Validator};

/// Most actions one idea may cost to found.
pub const MAX_IDEA_COST: i64 = 12;

impl Validator<'_> {
    /// The ideas of `file` as reserve cards, checked like connection cards;
    /// their ids may not repeat a connection's.
    pub(super) fn ideas(
        &mut self,
        file: &str,
        raw: &RawIdeas,
        connections: &RawConnections,
    ) -> Vec<Connection> {
        if raw.ideas.is_empty() {
            return Vec::new();
        }
        let f = self.ctx(file);
        let offsets = self.ids(&f, raw.ideas.iter().map(|i| i.id.as_str()), "idea");
        let mut out = Vec::new();
        for (idea, &at) in raw.ideas.iter().zip(&offsets) {
            let what = format!("idea \"{}\"", idea.id);
            if connections.connections.iter().any(|c| c.id == idea.id) {
                self.err(
                    file,
                    Some(at),
                    format!("{what} has the id of a connection card"),
                    "give the idea an id of its own, e.g. \"idea-salon\"",
                );
            }
            let face = CardFace {
                id: &idea.id,
                name: &idea.name,
                kind: idea.kind,
                specialities: &idea.specialities,
                helps: &idea.helps,
                description: &idea.description,
            };
            let mut card = self.card(&f, at, &what, &face, &connections.specialities);
            let cost = self.small(
                &f,
                f.loc.field(at, "cost"),
                idea.cost,
                1..=MAX_IDEA_COST,
                &format!("{what} cost"),
            );
            card.in_deck = false;
            card.idea_cost = Some(cost);
            out.push(card);
        }
        out
    }
}
