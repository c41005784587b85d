//! Link-work counts of one game, read from the events the rules emit (never
//! worked out again here): ties given, informal ties, resources founded,
//! case conferences, first refusals, residents who drifted back, and
//! residents a clinic referred.

use crate::rules::{Event, RevealCause};

/// Link-work events counted over one game, or summed over many.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LinkCounts {
    /// Connections that gave ties (`Tied` events).
    pub connections: u64,
    /// Ties given, and how many of them informal.
    pub ties: u64,
    pub informal_ties: u64,
    /// Resource ideas founded.
    pub founded: u64,
    /// Case conferences held.
    pub conferences: u64,
    /// First offers of help turned down.
    pub refusals: u64,
    /// Residents who drifted back into isolation.
    pub relapses: u64,
    /// Residents revealed by a clinic's referral.
    pub referrals: u64,
}

impl LinkCounts {
    /// Counts these events.
    pub fn count(&mut self, events: &[Event]) {
        for e in events {
            match e {
                Event::Tied { ties, informal, .. } => {
                    self.connections += 1;
                    self.ties += u64::from(*ties);
                    self.informal_ties += u64::from(*informal);
                }
                Event::ResourceFounded { .. } => self.founded += 1,
                Event::ConferenceHeld { .. } => self.conferences += 1,
                Event::Refused { .. } => self.refusals += 1,
                Event::DriftedBack { .. } => self.relapses += 1,
                Event::Revealed {
                    cause: RevealCause::Referral,
                    ..
                } => self.referrals += 1,
                _ => {}
            }
        }
    }

    /// Adds another count.
    pub fn add(&mut self, o: &Self) {
        self.connections += o.connections;
        self.ties += o.ties;
        self.informal_ties += o.informal_ties;
        self.founded += o.founded;
        self.conferences += o.conferences;
        self.refusals += o.refusals;
        self.relapses += o.relapses;
        self.referrals += o.referrals;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ConnectionId, DistrictId, ResidentId};

    #[test]
    fn counts_each_link_work_event_once() {
        let r = ResidentId::from_index(0);
        let mut c = LinkCounts::default();
        c.count(&[
            Event::Tied {
                resident: r,
                ties: 3,
                informal: 1,
            },
            Event::ResourceFounded {
                idea: ConnectionId::from_index(0),
            },
            Event::ConferenceHeld {
                seat: 0,
                resident: r,
                seats: vec![0, 1],
            },
            Event::Refused {
                seat: 0,
                resident: r,
            },
            Event::DriftedBack {
                resident: r,
                district: DistrictId::from_index(0),
            },
            Event::Revealed {
                resident: r,
                cause: RevealCause::Referral,
            },
            Event::Revealed {
                resident: r,
                cause: RevealCause::Listen,
            },
        ]);
        let one = LinkCounts {
            connections: 1,
            ties: 3,
            informal_ties: 1,
            founded: 1,
            conferences: 1,
            refusals: 1,
            relapses: 1,
            referrals: 1,
        };
        assert_eq!(c, one);
        c.add(&one);
        assert_eq!(c.ties, 6);
    }
}
