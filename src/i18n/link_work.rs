//! The link work of a game in sentences, one per topic, for the debrief
//! screen and every export: ties per connected resident, the informal
//! share, trust, refusals, resources the team created, drifting back, and
//! referrals, case conferences and passed cards.

use super::log::LogContext;
use crate::reflect::{Creation, Drift, LinkWork, Refusal, TrustStory, Trusted};

/// One topic of the link work: a stable key, its heading and its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkWorkLine {
    /// `ties`, `informal`, `ties_by_resident`, `trust`, `refusals`,
    /// `created`, `drifted`, `referrals`, `conferences` or `passes`.
    pub key: &'static str,
    pub heading: String,
    pub sentence: String,
}

/// `1.5`: one decimal, as every screen and export shows a mean.
pub fn one_decimal(x: f64) -> String {
    format!("{x:.1}")
}

/// The link work in sentences (empty for a deck without link work).
pub fn link_work_lines(lw: &LinkWork, ctx: &LogContext<'_>) -> Vec<LinkWorkLine> {
    if !lw.active {
        return Vec::new();
    }
    let t = ctx.texts;
    let sep = t.t("log.list_separator");
    let line = |key: &'static str, sentence: String| LinkWorkLine {
        key,
        heading: t.t(&format!("linkwork.heading.{key}")).to_owned(),
        sentence,
    };
    let mut out = Vec::new();
    let ties = lw.ties_total();
    out.push(line(
        "ties",
        match lw.mean_ties() {
            Some(mean) => t.fmt_count(
                "linkwork.ties",
                lw.connections() as u64,
                &[
                    ("mean", &one_decimal(mean)),
                    ("ties", &ties),
                    ("count", &lw.connections()),
                ],
            ),
            None => t.t("linkwork.no_ties").to_owned(),
        },
    ));
    if let Some(share) = lw.informal_share() {
        out.push(line(
            "informal",
            t.fmt(
                "linkwork.informal",
                &[
                    ("share", &format!("{:.0}", share * 100.0)),
                    ("informal", &lw.informal_total()),
                    ("ties", &ties),
                ],
            ),
        ));
        let items: Vec<String> = lw
            .ties
            .iter()
            .map(|x| {
                t.fmt(
                    "linkwork.tie_item",
                    &[
                        ("resident", &ctx.resident(x.resident)),
                        ("ties", &x.ties),
                        ("informal", &x.informal),
                    ],
                )
            })
            .collect();
        out.push(line(
            "ties_by_resident",
            t.fmt("linkwork.ties_by_resident", &[("list", &items.join(sep))]),
        ));
    }
    let listed = |key: &'static str, items: Vec<String>| {
        line(
            key,
            if items.is_empty() {
                t.t(&format!("linkwork.none.{key}")).to_owned()
            } else {
                t.fmt(&format!("linkwork.{key}"), &[("list", &items.join(sep))])
            },
        )
    };
    out.push(listed(
        "trust",
        lw.trust.iter().map(|s| trust_item(s, ctx)).collect(),
    ));
    out.push(listed(
        "refusals",
        lw.refusals.iter().map(|f| refusal_item(f, ctx)).collect(),
    ));
    out.push(listed(
        "created",
        lw.created.iter().map(|c| created_item(c, ctx)).collect(),
    ));
    out.push(listed(
        "drifted",
        lw.drifts.iter().map(|d| drift_item(d, ctx)).collect(),
    ));
    out.push(listed(
        "referrals",
        lw.referrals
            .iter()
            .map(|x| {
                let lang = t.language();
                let by = ctx
                    .content
                    .resident(x.resident)
                    .referred_by
                    .as_ref()
                    .map_or("", |b| b.get(lang));
                t.fmt(
                    "linkwork.referral_item",
                    &[
                        ("resident", &ctx.resident(x.resident)),
                        ("by", &by),
                        ("year", &x.year),
                    ],
                )
            })
            .collect(),
    ));
    out.push(listed(
        "conferences",
        lw.conferences
            .iter()
            .map(|c| {
                let seats: Vec<&str> = c.seats.iter().map(|s| seat(ctx, *s)).collect();
                t.fmt(
                    "linkwork.conference_item",
                    &[
                        ("resident", &ctx.resident(c.resident)),
                        ("year", &c.year),
                        ("seats", &seats.join(sep)),
                    ],
                )
            })
            .collect(),
    ));
    out.push(line(
        "passes",
        if lw.passes.is_empty() {
            t.t("linkwork.none.passes").to_owned()
        } else {
            t.fmt_count(
                "linkwork.passes",
                lw.passes.len() as u64,
                &[("count", &lw.passes.len())],
            )
        },
    ));
    out
}

fn seat<'a>(ctx: &'a LogContext<'_>, s: usize) -> &'a str {
    ctx.seats.get(s).map_or("", |l| l.name.as_str())
}

fn trust_item(s: &TrustStory, ctx: &LogContext<'_>) -> String {
    let t = ctx.texts;
    let who = ctx.resident(s.resident);
    match s.trusted {
        Some(Trusted::Visits { year, turns, .. }) => t.fmt_count(
            if turns == 0 {
                "linkwork.trust_same_turn"
            } else {
                "linkwork.trust_visits"
            },
            u64::from(turns),
            &[
                ("resident", &who),
                ("heard", &s.heard.unwrap_or(year)),
                ("year", &year),
                ("turns", &turns),
                ("visits", &s.visits),
            ],
        ),
        Some(Trusted::Conference { year }) => t.fmt(
            "linkwork.trust_conference",
            &[
                ("resident", &who),
                ("year", &year),
                ("visits", &s.visits),
                ("needed", &s.needed),
            ],
        ),
        None => t.fmt(
            "linkwork.trust_pending",
            &[
                ("resident", &who),
                ("visits", &s.visits),
                ("needed", &s.needed),
            ],
        ),
    }
}

fn refusal_item(f: &Refusal, ctx: &LogContext<'_>) -> String {
    let t = ctx.texts;
    let then = match f.then {
        Some((year, s)) => t.fmt(
            "linkwork.refusal_then",
            &[("year", &year), ("seat", &seat(ctx, s))],
        ),
        None => t.t("linkwork.refusal_never").to_owned(),
    };
    t.fmt(
        "linkwork.refusal_item",
        &[
            ("resident", &ctx.resident(f.resident)),
            ("year", &f.year),
            ("seat", &seat(ctx, f.seat)),
            ("then", &then),
        ],
    )
}

fn created_item(c: &Creation, ctx: &LogContext<'_>) -> String {
    let t = ctx.texts;
    let seats: Vec<&str> = c.seats.iter().map(|s| seat(ctx, *s)).collect();
    let name = ctx.content.connection(c.idea).name.get(t.language());
    let seats = seats.join(t.t("log.list_separator"));
    match c.founded {
        Some(year) => t.fmt(
            "linkwork.created_item",
            &[("idea", &name), ("year", &year), ("seats", &seats)],
        ),
        None => t.fmt(
            "linkwork.created_partly",
            &[
                ("idea", &name),
                ("progress", &c.progress),
                ("cost", &c.cost),
                ("seats", &seats),
            ],
        ),
    }
}

fn drift_item(d: &Drift, ctx: &LogContext<'_>) -> String {
    ctx.texts.fmt_count(
        "linkwork.drift_item",
        u64::from(d.year_ends),
        &[
            ("resident", &ctx.resident(d.resident)),
            ("year", &d.year),
            ("connected", &d.connected),
            ("year_ends", &d.year_ends),
        ],
    )
}
