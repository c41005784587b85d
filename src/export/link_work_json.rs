//! The JSON export's `link_work` section (schema version 2): the ties of
//! every connection with their mean and informal share, trust, refusals,
//! resources created, drifting back, referrals, case conferences and
//! passed cards, each with deck keys, and the sentences the page shows.
//! Left out for a deck without link work.

use serde::Serialize;

use crate::content::{Content, ResidentId};
use crate::i18n::{LogContext, link_work_lines};
use crate::reflect::{LinkWork, Trusted};

#[derive(Serialize)]
pub(super) struct LinkWorkJson {
    /// Connections made (a resident connected again counts again).
    connections: usize,
    ties: u32,
    informal_ties: u32,
    /// Ties per connected resident, `null` before anyone was connected.
    mean_ties: Option<f64>,
    /// Informal ties over all ties, 0 to 1; `null` without ties.
    informal_share: Option<f64>,
    by_connection: Vec<TieJson>,
    trust: Vec<TrustJson>,
    refusals: Vec<RefusalJson>,
    created: Vec<CreatedJson>,
    drifted_back: Vec<DriftJson>,
    referrals: Vec<ReferralJson>,
    conferences: Vec<ConferenceJson>,
    passes: Vec<PassJson>,
    sentences: Vec<SentenceJson>,
}

#[derive(Serialize)]
struct TieJson {
    resident: String,
    year: i32,
    seat: usize,
    ties: u8,
    informal: u8,
    conference: bool,
}

#[derive(Serialize)]
struct TrustJson {
    resident: String,
    needed: u8,
    visits: u8,
    heard: Option<i32>,
    /// `visits`, `conference`, or `null` while trust is still being built.
    trusted_by: Option<&'static str>,
    trusted: Option<i32>,
    /// Turns and years from the worry being heard to the visit that
    /// completed trust (`null` unless trusted by visits).
    turns: Option<u32>,
    years: Option<i32>,
}

#[derive(Serialize)]
struct RefusalJson {
    resident: String,
    seat: usize,
    year: i32,
    /// The connection made afterwards, if any.
    connected_year: Option<i32>,
    connected_seat: Option<usize>,
}

#[derive(Serialize)]
struct CreatedJson {
    idea: String,
    name: String,
    seats: Vec<usize>,
    progress: u8,
    cost: u8,
    founded: Option<i32>,
}

#[derive(Serialize)]
struct DriftJson {
    resident: String,
    district: String,
    connected: i32,
    year: i32,
    year_ends: u32,
}

#[derive(Serialize)]
struct ReferralJson {
    resident: String,
    year: i32,
}

#[derive(Serialize)]
struct ConferenceJson {
    resident: String,
    year: i32,
    seat: usize,
    seats: Vec<usize>,
}

#[derive(Serialize)]
struct PassJson {
    year: i32,
    from: usize,
    to: usize,
    card: String,
}

#[derive(Serialize)]
struct SentenceJson {
    key: &'static str,
    heading: String,
    sentence: String,
}

/// The section, or `None` for a deck without link work.
pub(super) fn link_work_json(lw: &LinkWork, ctx: &LogContext<'_>) -> Option<LinkWorkJson> {
    if !lw.active {
        return None;
    }
    let content: &Content = ctx.content;
    let key = |r: ResidentId| content.resident(r).key.clone();
    let lang = ctx.texts.language();
    Some(LinkWorkJson {
        connections: lw.connections(),
        ties: lw.ties_total(),
        informal_ties: lw.informal_total(),
        mean_ties: lw.mean_ties().map(round2),
        informal_share: lw.informal_share().map(round2),
        by_connection: lw
            .ties
            .iter()
            .map(|t| TieJson {
                resident: key(t.resident),
                year: t.year,
                seat: t.seat,
                ties: t.ties,
                informal: t.informal,
                conference: t.conference,
            })
            .collect(),
        trust: lw
            .trust
            .iter()
            .map(|s| {
                let (by, year, turns, years) = match s.trusted {
                    Some(Trusted::Visits {
                        year, turns, years, ..
                    }) => (Some("visits"), Some(year), Some(turns), Some(years)),
                    Some(Trusted::Conference { year }) => {
                        (Some("conference"), Some(year), None, None)
                    }
                    None => (None, None, None, None),
                };
                TrustJson {
                    resident: key(s.resident),
                    needed: s.needed,
                    visits: s.visits,
                    heard: s.heard,
                    trusted_by: by,
                    trusted: year,
                    turns,
                    years,
                }
            })
            .collect(),
        refusals: lw
            .refusals
            .iter()
            .map(|f| RefusalJson {
                resident: key(f.resident),
                seat: f.seat,
                year: f.year,
                connected_year: f.then.map(|(y, _)| y),
                connected_seat: f.then.map(|(_, s)| s),
            })
            .collect(),
        created: lw
            .created
            .iter()
            .map(|c| CreatedJson {
                idea: content.connection(c.idea).key.clone(),
                name: content.connection(c.idea).name.get(lang).to_owned(),
                seats: c.seats.clone(),
                progress: c.progress,
                cost: c.cost,
                founded: c.founded,
            })
            .collect(),
        drifted_back: lw
            .drifts
            .iter()
            .map(|d| DriftJson {
                resident: key(d.resident),
                district: content.district(d.district).key.clone(),
                connected: d.connected,
                year: d.year,
                year_ends: d.year_ends,
            })
            .collect(),
        referrals: lw
            .referrals
            .iter()
            .map(|x| ReferralJson {
                resident: key(x.resident),
                year: x.year,
            })
            .collect(),
        conferences: lw
            .conferences
            .iter()
            .map(|c| ConferenceJson {
                resident: key(c.resident),
                year: c.year,
                seat: c.seat,
                seats: c.seats.clone(),
            })
            .collect(),
        passes: lw
            .passes
            .iter()
            .map(|p| PassJson {
                year: p.year,
                from: p.from,
                to: p.to,
                card: content.connection(p.card).key.clone(),
            })
            .collect(),
        sentences: link_work_lines(lw, ctx)
            .into_iter()
            .map(|l| SentenceJson {
                key: l.key,
                heading: l.heading,
                sentence: l.sentence,
            })
            .collect(),
    })
}

/// Two decimals, so the same session always gives the same bytes.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
