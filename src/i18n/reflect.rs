//! Sentences about a played session, shared by the debrief screen and the
//! exports: a resident's story, why the game ended as it did, a facilitator's
//! remark, and how the connections were used. Each function takes the same
//! [`LogContext`] as the readable log (seat names, roles and the table's own
//! district names) and returns finished sentences in its language; the
//! context's `year` is not used, every sentence carries its own year.
//!
//! e.g. 「2024年、Bさん（喫茶店のマスター）が話を聴き、お金の悩みがわかりました」.

use super::labels::{age_label, household_label, need_label, worry_label};
use super::log::LogContext;
use crate::content::{ConnectionId, Need, ResidentId};
use crate::reflect::{
    CauseChain, ClosestCall, ConnectionUse, Ending, Remark, RemarkKind, Story, Usage,
};
use crate::rules::{NeedCause, RevealCause};
use crate::session::InterventionKind;

/// A story card's heading: `山本 キヨさん（宮前・お金の悩み）` /
/// `Kiyo Yamamoto (Shrine Quarter, a worry about money)`.
pub fn story_title(story: &Story, ctx: &LogContext<'_>) -> String {
    ctx.texts.fmt(
        "story.title",
        &[
            ("resident", &ctx.resident(story.resident)),
            ("district", &ctx.district(story.district)),
            ("worry", &worry_of(story.resident, ctx)),
        ],
    )
}

/// A resident's way through the game, one sentence per step, in order:
/// arrived (year, district) → heard (by whom, or by what) → needs that grew →
/// connected (by whom, with which cards), or still waiting and for how many
/// year ends → left behind in the collapse, when they were.
pub fn story_sentences(story: &Story, ctx: &LogContext<'_>) -> Vec<String> {
    let t = ctx.texts;
    let resident = ctx.content.resident(story.resident);
    let worry = worry_of(story.resident, ctx);
    let mut out = Vec::with_capacity(4 + story.growth.len());
    out.push(t.fmt(
        "story.arrived",
        &[
            ("year", &story.arrived),
            ("district", &ctx.district(story.district)),
            ("resident", &ctx.resident(story.resident)),
            ("age", &age_label(t, resident.age)),
            ("household", &household_label(t, resident.household)),
        ],
    ));
    // Needs that grew before the worry was heard read before the hearing;
    // for a resident nobody heard, all growth reads before saying so.
    let heard_year = story.heard.map_or(i32::MAX, |h| h.year);
    let grew = |g: &crate::reflect::Growth| {
        let key = match g.cause {
            NeedCause::Escalation => "story.grew_escalation",
            NeedCause::Event => "story.grew_event",
        };
        t.fmt(
            key,
            &[
                ("year", &g.year),
                ("need", &need_label(t, ctx.content, g.need)),
            ],
        )
    };
    let (before, after): (Vec<_>, Vec<_>) = story.growth.iter().partition(|g| g.year < heard_year);
    out.extend(before.into_iter().map(grew));
    match story.heard {
        Some(h) => {
            let seat = h.seat.map(|s| ctx.seat(s)).unwrap_or_default();
            let key = match (h.cause, h.seat) {
                (RevealCause::Listen, Some(_)) => "story.heard_listen",
                (RevealCause::ExtraReveal, Some(_)) => "story.heard_extra",
                (RevealCause::HomeDistrict, _) => "story.heard_home",
                (RevealCause::Referral, _) => "story.heard_referral",
                _ => "story.heard_event",
            };
            let by = resident
                .referred_by
                .as_ref()
                .map_or("", |b| b.get(t.language()));
            out.push(t.fmt(
                key,
                &[
                    ("year", &h.year),
                    ("seat", &seat),
                    ("worry", &worry),
                    ("by", &by),
                ],
            ));
        }
        None => out.push(t.t("story.never_heard").to_owned()),
    }
    out.extend(after.into_iter().map(grew));
    let reached = |r: &crate::reflect::Reached| {
        let waived = r.waived.map_or_else(String::new, |need| {
            t.fmt("log.waived", &[("need", &need_label(t, ctx.content, need))])
        });
        t.fmt(
            "story.reached",
            &[
                ("year", &r.year),
                ("seat", &ctx.seat(r.seat)),
                ("cards", &card_list(&r.cards, ctx)),
                ("waived", &waived),
            ],
        )
    };
    for e in &story.earlier {
        out.push(reached(&e.reached));
        out.push(t.fmt("story.drifted", &[("year", &e.drifted)]));
    }
    match &story.reached {
        Some(r) => out.push(reached(r)),
        None => out.push(match story.waited {
            0 => t.t("story.waiting_new").to_owned(),
            1 => t.t("story.waiting_one").to_owned(),
            n => t.fmt("story.waiting", &[("count", &n)]),
        }),
    }
    if story.in_collapse {
        out.push(t.t("story.in_collapse").to_owned());
    }
    out
}

/// Why the game ended this way. For a collapse: the headline (year,
/// district, how many waited against the limit), then one sentence per
/// cause that applies — never heard, heard but no fitting connection (one
/// sentence per resident, naming the missing needs), a fitting connection in
/// hand but time ran out, arrived that same year, needs escalated. For a
/// survival or an unfinished game: the result, then the closest call.
pub fn ending_sentences(ending: &Ending, ctx: &LogContext<'_>) -> Vec<String> {
    let t = ctx.texts;
    match ending {
        Ending::Collapsed(chain) => cause_chain_sentences(chain, ctx),
        Ending::Survived {
            year,
            connected,
            closest,
        } => vec![
            t.fmt(
                "ending.survived",
                &[("year", year), ("connected", connected)],
            ),
            closest_sentence(closest.as_ref(), ctx),
        ],
        Ending::Open {
            year,
            connected,
            closest,
        } => vec![
            t.fmt("ending.open", &[("year", year), ("connected", connected)]),
            closest_sentence(closest.as_ref(), ctx),
        ],
    }
}

/// The closest call of a game (or that no year has ended yet).
pub fn closest_sentence(closest: Option<&ClosestCall>, ctx: &LogContext<'_>) -> String {
    match closest {
        Some(c) => ctx.texts.fmt(
            "ending.closest",
            &[
                ("year", &c.year),
                ("district", &ctx.district(c.district)),
                ("load", &c.load),
                ("threshold", &c.threshold),
            ],
        ),
        None => ctx.texts.t("ending.no_year_end").to_owned(),
    }
}

fn cause_chain_sentences(chain: &CauseChain, ctx: &LogContext<'_>) -> Vec<String> {
    let t = ctx.texts;
    let mut out = vec![t.fmt(
        "ending.collapsed",
        &[
            ("year", &chain.year),
            ("district", &ctx.district(chain.district)),
            ("count", &chain.residents.len()),
            ("threshold", &chain.threshold),
        ],
    )];
    let group = |key: &str, who: &[ResidentId]| {
        (!who.is_empty()).then(|| {
            t.fmt(
                key,
                &[("count", &who.len()), ("residents", &residents(who, ctx))],
            )
        })
    };
    out.extend(group("ending.never_heard", &chain.never_heard));
    for u in &chain.unfitting {
        let who = ctx.resident(u.resident);
        out.push(t.fmt(
            if chain.pooled {
                "ending.unfitting_pooled"
            } else {
                "ending.unfitting"
            },
            &[("resident", &who), ("needs", &needs(&u.missing, ctx))],
        ));
    }
    out.extend(group("ending.fitting_unused", &chain.fitting_unused));
    out.extend(group("ending.by_conference", &chain.by_conference));
    for u in &chain.needs_trust {
        out.push(t.fmt(
            "ending.needs_trust",
            &[
                ("resident", &ctx.resident(u.resident)),
                ("left", &u.visits_left),
            ],
        ));
    }
    out.extend(group("ending.arrived_that_year", &chain.arrived_that_year));
    out.extend(group("ending.escalated", &chain.escalated));
    out
}

/// A note, bookmark or override as one line: year, whose turn it was, what
/// was written. The facilitator's text is included as typed (escape it for
/// HTML or Markdown).
pub fn remark_sentence(remark: &Remark, ctx: &LogContext<'_>) -> String {
    let t = ctx.texts;
    let year = &remark.year;
    let seat = &ctx.seat(remark.seat);
    match &remark.kind {
        RemarkKind::Note(text) => t.fmt(
            "export.remark.note",
            &[("year", year), ("seat", seat), ("text", text)],
        ),
        RemarkKind::Bookmark { label, resident } => {
            let label = label
                .as_deref()
                .filter(|l| !l.trim().is_empty())
                .map_or_else(String::new, |l| {
                    t.fmt("export.remark.bookmark_label", &[("label", &l.trim())])
                });
            let resident = resident.map_or_else(String::new, |r| {
                t.fmt(
                    "export.remark.bookmark_resident",
                    &[
                        ("resident", &ctx.resident(r)),
                        ("district", &ctx.district(ctx.content.resident(r).district)),
                    ],
                )
            });
            t.fmt(
                "export.remark.bookmark",
                &[
                    ("year", year),
                    ("seat", seat),
                    ("label", &label),
                    ("resident", &resident),
                ],
            )
        }
        RemarkKind::Intervention { kind, reason } => t.fmt(
            "export.remark.intervention",
            &[
                ("year", year),
                ("seat", seat),
                ("kind", &intervention_label(*kind, ctx)),
                ("reason", reason),
            ],
        ),
    }
}

/// The name of a facilitator's override: 「番を飛ばす」 / "skip a turn".
pub fn intervention_label(kind: InterventionKind, ctx: &LogContext<'_>) -> String {
    ctx.texts
        .t(match kind {
            InterventionKind::UndoPastReveal => "log.intervention.undo_past_reveal",
            InterventionKind::SkipTurn => "log.intervention.skip_turn",
            InterventionKind::EndGame => "log.intervention.end_game",
        })
        .to_owned()
}

/// One used connection: 「「地域包括支援センター」: 3回（お金 1・健康 2）」 /
/// `“Community care centre”: used 3× (money 1, health 2)`.
pub fn connection_use_sentence(u: &ConnectionUse, ctx: &LogContext<'_>) -> String {
    let t = ctx.texts;
    let worries: Vec<String> = crate::content::Worry::ALL
        .iter()
        .zip(u.by_worry)
        .filter(|(_, n)| *n > 0)
        .map(|(w, n)| {
            t.fmt(
                "export.usage.worry_count",
                &[("worry", &worry_label(t, *w)), ("count", &n)],
            )
        })
        .collect();
    t.fmt(
        "export.usage.used",
        &[
            ("card", &ctx.card(u.card)),
            ("count", &u.uses),
            (
                "worries",
                &worries.join(t.t("export.usage.worry_separator")),
            ),
        ],
    )
}

/// Connection use in a few sentences: one per used connection (most used
/// first), then the connections never used, then the needs still unmet at
/// the end (most frequent first).
pub fn usage_sentences(usage: &Usage, ctx: &LogContext<'_>) -> Vec<String> {
    let t = ctx.texts;
    let mut out: Vec<String> = usage
        .used
        .iter()
        .map(|u| connection_use_sentence(u, ctx))
        .collect();
    if out.is_empty() {
        out.push(t.t("export.usage.none_used").to_owned());
    }
    out.push(never_used_sentence(usage, ctx));
    out.push(unmet_sentence(usage, ctx));
    out
}

/// The connections of the deck nobody played.
pub fn never_used_sentence(usage: &Usage, ctx: &LogContext<'_>) -> String {
    if usage.never_used.is_empty() {
        ctx.texts.t("export.usage.all_used").to_owned()
    } else {
        ctx.texts.fmt(
            "export.usage.never_used",
            &[(
                "cards",
                &list(usage.never_used.iter().map(|c| ctx.card(*c)), ctx),
            )],
        )
    }
}

/// The needs of residents still waiting at the end, with how many had each.
pub fn unmet_sentence(usage: &Usage, ctx: &LogContext<'_>) -> String {
    let t = ctx.texts;
    if usage.unmet.is_empty() {
        return t.t("export.usage.nobody_waiting").to_owned();
    }
    let needs = usage.unmet.iter().map(|(n, k)| {
        t.fmt(
            "export.usage.need_count",
            &[("need", &need_label(t, ctx.content, *n)), ("count", k)],
        )
    });
    t.fmt("export.usage.unmet", &[("needs", &list(needs, ctx))])
}

fn worry_of<'a>(r: ResidentId, ctx: &LogContext<'a>) -> &'a str {
    worry_label(ctx.texts, ctx.content.resident(r).worry)
}

fn list(items: impl Iterator<Item = String>, ctx: &LogContext<'_>) -> String {
    items
        .collect::<Vec<_>>()
        .join(ctx.texts.t("log.list_separator"))
}

fn residents(who: &[ResidentId], ctx: &LogContext<'_>) -> String {
    list(who.iter().map(|r| ctx.resident(*r).to_owned()), ctx)
}

/// Needs in first-seen order, a repeated need once with its count: お金×3.
fn needs(needs: &[Need], ctx: &LogContext<'_>) -> String {
    let mut counted: Vec<(Need, usize)> = Vec::new();
    for n in needs {
        match counted.iter_mut().find(|(m, _)| m == n) {
            Some((_, k)) => *k += 1,
            None => counted.push((*n, 1)),
        }
    }
    let t = ctx.texts;
    list(
        counted.into_iter().map(|(n, k)| {
            let label = need_label(t, ctx.content, n);
            if k == 1 {
                label
            } else {
                t.fmt("ending.need_times", &[("need", &label), ("count", &k)])
            }
        }),
        ctx,
    )
}

/// Card names in quotes, joined as the log joins them: 「A」と「B」.
pub fn card_list(cards: &[ConnectionId], ctx: &LogContext<'_>) -> String {
    let names: Vec<String> = cards.iter().map(|c| ctx.card(*c)).collect();
    names.join(ctx.texts.t("log.card_separator"))
}
