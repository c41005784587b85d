//! つなぐ: connecting a resident gives them ties, one per card, and raises
//! the coping track; a resident tied only to public services drifts back
//! into isolation after the deck's `relapse_after_years`, unless one
//! informal tie holds them.

use super::event::{Event, NeedCause};
use super::state::{Game, ResidentPlace};
use crate::content::{ConnectionId, ConnectionKind, Need, Progress, ResidentId, assign};

impl Game {
    /// Connects resident `r` with `cards` (already out of the hands), for
    /// `seat`, whose role's waiver applies: the one place a resident leaves
    /// the town for good or for a while.
    pub(super) fn connect_resident(
        &mut self,
        seat: usize,
        r: ResidentId,
        cards: &[ConnectionId],
        ev: &mut Vec<Event>,
    ) {
        if let ResidentPlace::Town(d) = self.residents[r.index()].place {
            self.town[d.index()].retain(|x| *x != r);
        }
        // The need each card meets (checked: the cards fit the needs).
        let (needs, waived) = self.needs_for(seat, r);
        let matching = assign(&needs, cards.iter().map(|c| self.content.connection(*c)));
        let met: Vec<Need> = (0..cards.len())
            .filter_map(|i| {
                let m = matching.as_ref()?;
                (0..needs.len())
                    .find(|n| m.card_for(*n) == Some(i))
                    .map(|n| needs[n])
            })
            .collect();
        let ties = u8::try_from(cards.len()).unwrap_or(u8::MAX);
        let informal = cards
            .iter()
            .filter(|c| self.content.connection(**c).kind == ConnectionKind::Informal)
            .count();
        let informal = u8::try_from(informal).unwrap_or(u8::MAX);
        let state = &mut self.residents[r.index()];
        state.place = ResidentPlace::Connected;
        state.ties = ties;
        state.informal_ties = informal;
        state.settled = 0;
        self.connected.push(r);
        ev.push(Event::Prescribed {
            seat,
            resident: r,
            cards: cards.to_vec(),
            waived,
            met,
        });
        let step = match self.content.progress() {
            Progress::Residents => 1,
            Progress::Ties => u16::from(ties),
        };
        if self.content.link_work() {
            ev.push(Event::Tied {
                resident: r,
                ties,
                informal,
            });
        }
        self.raise_coping(step, ev);
    }

    /// Raises the coping track by `step`, announcing every unlock passed.
    fn raise_coping(&mut self, step: u16, ev: &mut Vec<Event>) {
        let before = self.coping;
        self.coping = self.coping.saturating_add(step);
        ev.push(Event::CopingRaised { level: self.coping });
        let passed: Vec<u16> = self
            .content
            .coping_track()
            .iter()
            .map(|u| u.at)
            .filter(|&at| before < at && at <= self.coping)
            .collect();
        for at in passed {
            ev.push(Event::BonusUnlocked { at });
        }
        // A raised hand limit never forces a release, so nothing else to do.
    }

    /// At a year end: connected residents with no informal tie who have
    /// been settled for `relapse_after_years` year ends wait again in their
    /// own district, with their printed needs and one more, as waiting adds
    /// (trust already built stays).
    pub(super) fn drift_back(&mut self, ev: &mut Vec<Event>) {
        let Some(after) = self.params.relapse_after_years else {
            return;
        };
        let mut kept = Vec::with_capacity(self.connected.len());
        let mut back = Vec::new();
        for r in std::mem::take(&mut self.connected) {
            let card = self.content.resident(r);
            let state = &mut self.residents[r.index()];
            state.settled = state.settled.saturating_add(1);
            if state.informal_ties > 0 || state.settled < after {
                kept.push(r);
                continue;
            }
            state.place = ResidentPlace::Town(card.district);
            state.needs = card.needs.iter().copied().collect();
            state.escalations = 0;
            state.ties = 0;
            state.settled = 0;
            state.year_ends_waited = 0;
            state.arrived = Some(self.year);
            state.drifted = state.drifted.saturating_add(1);
            self.town[card.district.index()].push(r);
            ev.push(Event::DriftedBack {
                resident: r,
                district: card.district,
            });
            back.push(r);
        }
        self.connected = kept;
        // Isolation comes back deeper: one more need, as waiting would add.
        for r in back {
            self.gain_need(r, NeedCause::Escalation, ev);
        }
    }
}
