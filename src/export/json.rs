//! The JSON export: everything about a session under a versioned schema
//! (`"schema": "community-coping/session-export"`, `"schema_version": 2`).
//! Deck items are named by their stable deck keys and, beside them, by their
//! names in the export's language; every step of the journal comes with its
//! events and their sentences. Keys come in a fixed order (struct order), so
//! the same session always gives the same bytes.
//!
//! Version 1 shape (top level): `schema`, `schema_version`, `language`,
//! `generator`, `session`, `seats`, `districts`, `outcome`, `timeline`,
//! `events_drawn`, `stories`, `connections`, `remarks`, `debrief`,
//! `proposals`, `opening`, `steps`. New fields may be added within a version; renaming or
//! removing one raises the version.
//!
//! Version 2 adds link work: a top-level `link_work` (only for a deck with
//! link work; see `link_work_json.rs`), and in `outcome.cause_chain`
//! `by_conference` and `needs_trust` (only when not empty). A version 1
//! reader sees nothing else changed.

use serde::Serialize;

use super::document::context;
use super::facts::{Facts, facts, need_key, worry_key};
use super::link_work_json::{LinkWorkJson, link_work_json};
use super::played::{seat_label, switch_sentence};
use super::proposals::ProposalDoc;
use crate::content::{ConnectionId, Content, DistrictId, Need, ResidentId, Worry};
use crate::i18n::{
    LogContext, Texts, connection_use_sentence, describe, describe_action, ending_sentences,
    intervention_label, need_label, never_used_sentence, remark_sentence, story_sentences,
    story_title, unmet_sentence,
};
use crate::reflect::{Ending, Reflection, RemarkKind, Story};
use crate::rules::{Action, Event, SeatKind};
use crate::session::{InterventionKind, ScenarioSource};

/// The schema name every JSON export carries.
pub const SCHEMA: &str = "community-coping/session-export";
/// The schema version of this build's JSON exports.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Serialize)]
struct Export {
    schema: &'static str,
    schema_version: u32,
    language: &'static str,
    generator: Generator,
    session: SessionJson,
    seats: Vec<SeatJson>,
    districts: Vec<DistrictJson>,
    outcome: OutcomeJson,
    timeline: TimelineJson,
    events_drawn: Vec<EventMarkJson>,
    stories: Vec<StoryJson>,
    connections: ConnectionsJson,
    /// Ties, trust, refusals, resources created, drifting back (version 2;
    /// left out for a deck without link work).
    #[serde(skip_serializing_if = "Option::is_none")]
    link_work: Option<LinkWorkJson>,
    remarks: Vec<RemarkJson>,
    debrief: Vec<QuestionJson>,
    proposals: Vec<ProposalJson>,
    opening: Vec<EventJson>,
    steps: Vec<StepJson>,
}

#[derive(Serialize)]
struct Generator {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct SessionJson {
    id: String,
    created: String,
    scenario: ScenarioJson,
    deck: DeckJson,
    start_year: i32,
    end_year: i32,
    seed: u64,
    difficulty: String,
    facilitator_mode: bool,
    target_minutes: Option<u32>,
    elapsed_secs: u64,
    ended_early: bool,
    finished: bool,
    origin: Option<OriginJson>,
}

#[derive(Serialize)]
struct ScenarioJson {
    /// `built_in` or `directory`.
    source: &'static str,
    /// The built-in scenario's name, or the folder's last component (the
    /// full path may name the person's account, so it is left out).
    name: String,
    title: String,
}

#[derive(Serialize)]
struct DeckJson {
    id: String,
    version: u32,
    content_hash: String,
}

#[derive(Serialize)]
struct OriginJson {
    session_id: String,
    actions: usize,
    year: i32,
}

#[derive(Serialize)]
struct SeatJson {
    index: usize,
    name: String,
    role: String,
    role_name: String,
    home_district: Option<String>,
    /// `human`, `bot_heuristic` or `bot_random`, as set up.
    kind: &'static str,
    /// The seat's name with who played it (「田中（2024年からボット）」).
    label: String,
    /// `person` (a person played it throughout), `bot` (a bot did), or
    /// `person_with_bot` (switched between them: counted as a person).
    played_by: &'static str,
    /// Each switch between a person and a bot, in order.
    switches: Vec<SwitchJson>,
}

#[derive(Serialize)]
struct SwitchJson {
    /// Actions in force when it was made.
    at: usize,
    year: i32,
    /// Who played the seat from then on, as [`SeatJson::kind`].
    kind: &'static str,
    sentence: String,
}

#[derive(Serialize)]
struct ProposalJson {
    name: String,
    /// A public service (true) or informal support (false).
    public: bool,
    kind: String,
    specialities: Vec<Named>,
    /// Worry keys (`money`, `health`, `living`, `relationships`).
    helps: Vec<&'static str>,
    helps_labels: Vec<String>,
    description: String,
    sentence: String,
}

#[derive(Serialize)]
struct DistrictJson {
    index: usize,
    key: String,
    /// The table's local name when it gave one, else the deck's.
    name: String,
    deck_name: String,
}

#[derive(Serialize)]
struct Named {
    key: String,
    name: String,
}

#[derive(Serialize)]
struct NeedJson {
    key: String,
    label: String,
}

#[derive(Serialize)]
struct UnfittingJson {
    resident: String,
    missing: Vec<NeedJson>,
}

#[derive(Serialize)]
struct UntrustedJson {
    resident: String,
    visits_left: u8,
}

#[derive(Serialize)]
struct CauseChainJson {
    year: i32,
    district: String,
    threshold: usize,
    residents: Vec<String>,
    never_heard: Vec<String>,
    unfitting: Vec<UnfittingJson>,
    /// The deck's case conferences could pool the hands: `unfitting` lists
    /// what every hand together lacked (version 2; only when true).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    hands_pooled: bool,
    fitting_unused: Vec<String>,
    /// Residents only a case conference could have linked (version 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    by_conference: Vec<String>,
    /// Residents a hand fitted who did not trust the team yet (version 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    needs_trust: Vec<UntrustedJson>,
    arrived_that_year: Vec<String>,
    escalated: Vec<String>,
}

#[derive(Serialize)]
struct ClosestJson {
    year: i32,
    district: String,
    load: usize,
    threshold: usize,
}

#[derive(Serialize)]
struct OutcomeJson {
    /// `collapsed`, `survived` or `open` (the journal ends before the rules
    /// ended the game).
    kind: &'static str,
    year: i32,
    connected: usize,
    cause_chain: Option<CauseChainJson>,
    closest_call: Option<ClosestJson>,
    sentences: Vec<String>,
}

#[derive(Serialize)]
struct YearEndJson {
    year: i32,
    /// Unresolved residents per district, in [`Export::districts`] order.
    loads: Vec<usize>,
    grew: Vec<String>,
}

#[derive(Serialize)]
struct TimelineJson {
    threshold: usize,
    year_ends: Vec<YearEndJson>,
}

#[derive(Serialize)]
struct EventMarkJson {
    year: i32,
    step: Option<usize>,
    event: Named,
}

#[derive(Serialize)]
struct HeardJson {
    year: i32,
    seat: Option<usize>,
    cause: &'static str,
}

#[derive(Serialize)]
struct ReachedJson {
    year: i32,
    seat: usize,
    cards: Vec<Named>,
    waived: Option<NeedJson>,
}

#[derive(Serialize)]
struct EarlierJson {
    #[serde(flatten)]
    reached: ReachedJson,
    drifted: i32,
}

#[derive(Serialize)]
struct GrowthJson {
    year: i32,
    need: NeedJson,
    cause: &'static str,
}

#[derive(Serialize)]
struct StoryJson {
    resident: Named,
    district: String,
    worry: &'static str,
    needs: Vec<NeedJson>,
    arrived: i32,
    heard: Option<HeardJson>,
    reached: Option<ReachedJson>,
    /// Connections that did not hold: each `drifted` back at the end of
    /// that year (version 2; only when any).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    earlier: Vec<EarlierJson>,
    year_ends_waited: u8,
    growth: Vec<GrowthJson>,
    in_collapse: bool,
    title: String,
    sentences: Vec<String>,
}

#[derive(Serialize)]
struct WorryCounts {
    money: usize,
    health: usize,
    living: usize,
    relationships: usize,
}

#[derive(Serialize)]
struct UseJson {
    card: Named,
    uses: usize,
    by_worry: WorryCounts,
    sentence: String,
}

#[derive(Serialize)]
struct UnmetJson {
    need: NeedJson,
    residents: usize,
}

#[derive(Serialize)]
struct ConnectionsJson {
    used: Vec<UseJson>,
    never_used: Vec<Named>,
    unmet_needs: Vec<UnmetJson>,
    sentences: Vec<String>,
}

#[derive(Serialize)]
struct RemarkJson {
    /// `note`, `bookmark` or `intervention`.
    kind: &'static str,
    /// Actions in force when it was made.
    at: usize,
    year: i32,
    seat: usize,
    elapsed_secs: Option<u64>,
    text: Option<String>,
    label: Option<String>,
    resident: Option<String>,
    intervention: Option<&'static str>,
    sentence: String,
}

#[derive(Serialize)]
struct QuestionJson {
    index: usize,
    question: String,
    notes: Option<String>,
}

#[derive(Serialize)]
struct EventJson {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    seat: Option<usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    residents: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    district: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    cards: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    need: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    count: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<&'static str>,
    sentence: String,
}

#[derive(Serialize)]
struct ActionJson {
    /// `listen`, `connect`, `prescribe`, `release`, `visit`, `pass`,
    /// `conference`, `create` or `end_turn`.
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    resident: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    cards: Vec<String>,
    /// The seat a card is passed to.
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<usize>,
    text: String,
}

#[derive(Serialize)]
struct StepJson {
    index: usize,
    year: i32,
    seat: usize,
    action: ActionJson,
    events: Vec<EventJson>,
}

/// Deck keys and names, in the export's language.
struct Keys<'a> {
    content: &'a Content,
    lang: &'static str,
    texts: &'a Texts,
}

impl Keys<'_> {
    fn resident(&self, r: ResidentId) -> String {
        self.content.resident(r).key.clone()
    }
    fn residents(&self, rs: &[ResidentId]) -> Vec<String> {
        rs.iter().map(|r| self.resident(*r)).collect()
    }
    fn district(&self, d: DistrictId) -> String {
        self.content.district(d).key.clone()
    }
    fn card(&self, c: ConnectionId) -> Named {
        let card = self.content.connection(c);
        Named {
            key: card.key.clone(),
            name: card.name.get(self.lang).to_owned(),
        }
    }
    fn need(&self, n: Need) -> NeedJson {
        NeedJson {
            key: need_key(n, self.content),
            label: need_label(self.texts, self.content, n),
        }
    }
}

/// The JSON document, pretty-printed, ending with a newline.
pub(super) fn render(r: &Reflection, texts: &Texts) -> String {
    let ctx = context(r, texts);
    let keys = Keys {
        content: &r.content,
        lang: texts.language(),
        texts,
    };
    let export = Export {
        schema: SCHEMA,
        schema_version: SCHEMA_VERSION,
        language: texts.language(),
        generator: Generator {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        session: session(r, &keys),
        seats: seats(r, &ctx),
        districts: r
            .content
            .districts()
            .iter()
            .enumerate()
            .map(|(i, d)| DistrictJson {
                index: i,
                key: d.key.clone(),
                name: ctx.district(DistrictId::from_index(i)),
                deck_name: d.name.get(keys.lang).to_owned(),
            })
            .collect(),
        outcome: outcome(r, &keys, &ctx),
        timeline: TimelineJson {
            threshold: r.threshold(),
            year_ends: r
                .trace
                .year_ends
                .iter()
                .map(|y| YearEndJson {
                    year: y.year,
                    loads: y.loads.clone(),
                    grew: keys.residents(&y.grew),
                })
                .collect(),
        },
        events_drawn: r
            .events
            .iter()
            .map(|e| {
                let card = r.content.event(e.event);
                EventMarkJson {
                    year: e.year,
                    step: e.step,
                    event: Named {
                        key: card.key.clone(),
                        name: card.name.get(keys.lang).to_owned(),
                    },
                }
            })
            .collect(),
        stories: r.stories.iter().map(|s| story(r, s, &keys, &ctx)).collect(),
        connections: connections(r, &keys, &ctx),
        link_work: link_work_json(&r.link_work, &ctx),
        remarks: remarks(r, &keys, &ctx),
        debrief: r
            .content
            .debrief_questions()
            .iter()
            .enumerate()
            .map(|(i, q)| QuestionJson {
                index: i,
                question: q.get(keys.lang).to_owned(),
                notes: r.answers.get(&i).cloned(),
            })
            .collect(),
        proposals: r
            .proposals
            .iter()
            .map(|p| {
                let doc = ProposalDoc::of(p, &r.content, texts);
                ProposalJson {
                    name: doc.name.clone(),
                    public: p.public,
                    kind: doc.kind.clone(),
                    specialities: p
                        .specialities
                        .iter()
                        .zip(&doc.specialities)
                        .map(|(key, name)| Named {
                            key: key.clone(),
                            name: name.clone(),
                        })
                        .collect(),
                    helps: p.helps.iter().map(|w| worry_key(*w)).collect(),
                    helps_labels: doc.helps.clone(),
                    description: doc.description.clone(),
                    sentence: doc.sentence(texts),
                }
            })
            .collect(),
        opening: Vec::new(),
        steps: Vec::new(),
    };
    let (opening, steps) = log(r, &keys, ctx);
    let export = Export {
        opening,
        steps,
        ..export
    };
    let mut out = serde_json::to_string_pretty(&export).unwrap_or_else(|e| {
        // Every value above is a plain string, number or list: this cannot
        // fail, but an export must never panic.
        format!("{{\"schema\": \"{SCHEMA}\", \"error\": \"{e}\"}}")
    });
    out.push('\n');
    out
}

fn session(r: &Reflection, keys: &Keys<'_>) -> SessionJson {
    let h = &r.header;
    let scenario = match &h.scenario {
        ScenarioSource::BuiltIn(name) => ScenarioJson {
            source: "built_in",
            name: name.clone(),
            title: r.content.title().get(keys.lang).to_owned(),
        },
        ScenarioSource::Directory(dir) => ScenarioJson {
            source: "directory",
            name: dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            title: r.content.title().get(keys.lang).to_owned(),
        },
    };
    SessionJson {
        id: h.session_id.clone(),
        created: h.created.clone(),
        scenario,
        deck: DeckJson {
            id: h.deck.id.clone(),
            version: h.deck.version,
            content_hash: h.deck.content_hash.clone(),
        },
        start_year: r.content.start_year(),
        end_year: r.content.end_year(),
        seed: h.setup.seed,
        difficulty: h.setup.difficulty.clone(),
        facilitator_mode: h.facilitator_mode,
        target_minutes: h.target_minutes,
        elapsed_secs: r.elapsed_secs,
        ended_early: r.ended_early(),
        finished: r.finished.is_some(),
        origin: h.origin.as_ref().map(|o| OriginJson {
            session_id: o.session_id.clone(),
            actions: o.actions,
            year: o.year,
        }),
    }
}

fn seats(r: &Reflection, ctx: &LogContext<'_>) -> Vec<SeatJson> {
    r.header
        .setup
        .seats
        .iter()
        .enumerate()
        .map(|(i, s)| SeatJson {
            index: i,
            name: s.name.clone(),
            role: s.role.clone(),
            role_name: ctx.seats.get(i).map(|l| l.role.clone()).unwrap_or_default(),
            home_district: s.home_district.clone(),
            kind: kind_key(s.kind),
            label: seat_label(ctx, i, r.seats.get(i)),
            played_by: match r.seats.get(i) {
                Some(p) if p.bot_throughout() => "bot",
                Some(p) if p.switched() => "person_with_bot",
                Some(_) => "person",
                None if s.kind == SeatKind::Human => "person",
                None => "bot",
            },
            switches: r.seats.get(i).map_or_else(Vec::new, |p| {
                p.switches
                    .iter()
                    .map(|w| SwitchJson {
                        at: w.at,
                        year: w.year,
                        kind: kind_key(w.kind),
                        sentence: switch_sentence(ctx, i, w),
                    })
                    .collect()
            }),
        })
        .collect()
}

fn kind_key(kind: SeatKind) -> &'static str {
    match kind {
        SeatKind::Human => "human",
        SeatKind::Bot(crate::rules::BotKind::Heuristic) => "bot_heuristic",
        SeatKind::Bot(crate::rules::BotKind::Random) => "bot_random",
    }
}

fn outcome(r: &Reflection, keys: &Keys<'_>, ctx: &LogContext<'_>) -> OutcomeJson {
    let closest = |c: &Option<crate::reflect::ClosestCall>| {
        c.map(|c| ClosestJson {
            year: c.year,
            district: keys.district(c.district),
            load: c.load,
            threshold: c.threshold,
        })
    };
    let sentences = ending_sentences(&r.ending, ctx);
    let connected = r.stories.iter().filter(|s| s.reached.is_some()).count();
    match &r.ending {
        Ending::Collapsed(c) => OutcomeJson {
            kind: "collapsed",
            year: c.year,
            connected,
            cause_chain: Some(CauseChainJson {
                year: c.year,
                district: keys.district(c.district),
                threshold: c.threshold,
                residents: keys.residents(&c.residents),
                never_heard: keys.residents(&c.never_heard),
                unfitting: c
                    .unfitting
                    .iter()
                    .map(|u| UnfittingJson {
                        resident: keys.resident(u.resident),
                        missing: u.missing.iter().map(|n| keys.need(*n)).collect(),
                    })
                    .collect(),
                hands_pooled: c.pooled,
                fitting_unused: keys.residents(&c.fitting_unused),
                by_conference: keys.residents(&c.by_conference),
                needs_trust: c
                    .needs_trust
                    .iter()
                    .map(|u| UntrustedJson {
                        resident: keys.resident(u.resident),
                        visits_left: u.visits_left,
                    })
                    .collect(),
                arrived_that_year: keys.residents(&c.arrived_that_year),
                escalated: keys.residents(&c.escalated),
            }),
            closest_call: None,
            sentences,
        },
        Ending::Survived {
            year,
            connected,
            closest: c,
        } => OutcomeJson {
            kind: "survived",
            year: *year,
            connected: *connected,
            cause_chain: None,
            closest_call: closest(c),
            sentences,
        },
        Ending::Open {
            year,
            connected,
            closest: c,
        } => OutcomeJson {
            kind: if r.ended_early() {
                "ended_early"
            } else {
                "open"
            },
            year: *year,
            connected: *connected,
            cause_chain: None,
            closest_call: closest(c),
            sentences,
        },
    }
}

fn story(r: &Reflection, s: &Story, keys: &Keys<'_>, ctx: &LogContext<'_>) -> StoryJson {
    let resident = r.content.resident(s.resident);
    let reached = |x: &crate::reflect::Reached| ReachedJson {
        year: x.year,
        seat: x.seat,
        cards: x.cards.iter().map(|c| keys.card(*c)).collect(),
        waived: x.waived.map(|n| keys.need(n)),
    };
    StoryJson {
        resident: Named {
            key: resident.key.clone(),
            name: resident.name.get(keys.lang).to_owned(),
        },
        district: keys.district(s.district),
        worry: worry_key(resident.worry),
        needs: r
            .trace
            .last
            .needs(s.resident)
            .map(|n| keys.need(n))
            .collect(),
        arrived: s.arrived,
        heard: s.heard.map(|h| HeardJson {
            year: h.year,
            seat: h.seat,
            cause: match h.cause {
                crate::rules::RevealCause::Listen => "listen",
                crate::rules::RevealCause::ExtraReveal => "extra_reveal",
                crate::rules::RevealCause::Event => "event",
                crate::rules::RevealCause::HomeDistrict => "home_district",
                crate::rules::RevealCause::Referral => "referral",
            },
        }),
        reached: s.reached.as_ref().map(reached),
        earlier: s
            .earlier
            .iter()
            .map(|e| EarlierJson {
                reached: reached(&e.reached),
                drifted: e.drifted,
            })
            .collect(),
        year_ends_waited: s.waited,
        growth: s
            .growth
            .iter()
            .map(|g| GrowthJson {
                year: g.year,
                need: keys.need(g.need),
                cause: match g.cause {
                    crate::rules::NeedCause::Escalation => "escalation",
                    crate::rules::NeedCause::Event => "event",
                },
            })
            .collect(),
        in_collapse: s.in_collapse,
        title: story_title(s, ctx),
        sentences: story_sentences(s, ctx),
    }
}

fn connections(r: &Reflection, keys: &Keys<'_>, ctx: &LogContext<'_>) -> ConnectionsJson {
    let u = &r.usage;
    let count =
        |by: &[usize; 4], w: Worry| Worry::ALL.iter().position(|x| *x == w).map_or(0, |i| by[i]);
    let mut sentences = Vec::new();
    if u.used.is_empty() {
        sentences.push(ctx.texts.t("export.usage.none_used").to_owned());
    }
    sentences.push(never_used_sentence(u, ctx));
    sentences.push(unmet_sentence(u, ctx));
    ConnectionsJson {
        used: u
            .used
            .iter()
            .map(|c| UseJson {
                card: keys.card(c.card),
                uses: c.uses,
                by_worry: WorryCounts {
                    money: count(&c.by_worry, Worry::Money),
                    health: count(&c.by_worry, Worry::Health),
                    living: count(&c.by_worry, Worry::Living),
                    relationships: count(&c.by_worry, Worry::Relationships),
                },
                sentence: connection_use_sentence(c, ctx),
            })
            .collect(),
        never_used: u.never_used.iter().map(|c| keys.card(*c)).collect(),
        unmet_needs: u
            .unmet
            .iter()
            .map(|(n, k)| UnmetJson {
                need: keys.need(*n),
                residents: *k,
            })
            .collect(),
        sentences,
    }
}

fn remarks(r: &Reflection, keys: &Keys<'_>, ctx: &LogContext<'_>) -> Vec<RemarkJson> {
    r.remarks
        .iter()
        .map(|m| {
            let mut j = RemarkJson {
                kind: "note",
                at: m.at,
                year: m.year,
                seat: m.seat,
                elapsed_secs: m.elapsed_secs,
                text: None,
                label: None,
                resident: None,
                intervention: None,
                sentence: remark_sentence(m, ctx),
            };
            match &m.kind {
                RemarkKind::Note(text) => j.text = Some(text.clone()),
                RemarkKind::Bookmark { label, resident } => {
                    j.kind = "bookmark";
                    j.label = label.clone();
                    j.resident = resident.map(|x| keys.resident(x));
                }
                RemarkKind::Intervention { kind, reason } => {
                    j.kind = "intervention";
                    j.text = Some(reason.clone());
                    j.intervention = Some(match kind {
                        InterventionKind::UndoPastReveal => "undo_past_reveal",
                        InterventionKind::SkipTurn => "skip_turn",
                        InterventionKind::EndGame => "end_game",
                    });
                    // the label of the override, in the export's language
                    j.label = Some(intervention_label(*kind, ctx));
                }
            }
            j
        })
        .collect()
}

fn event_json(
    e: &Event,
    keys: &Keys<'_>,
    ctx: &LogContext<'_>,
    home: &[Option<DistrictId>],
) -> EventJson {
    let Facts {
        kind,
        seat,
        residents,
        district,
        cards,
        need,
        event,
        year,
        count,
        detail,
    } = facts(e, keys.content, home);
    EventJson {
        kind,
        seat,
        residents: keys.residents(&residents),
        district: district.map(|d| keys.district(d)),
        cards: cards
            .iter()
            .map(|c| keys.content.connection(*c).key.clone())
            .collect(),
        need: need.map(|n| need_key(n, keys.content)),
        event: event.map(|x| keys.content.event(x).key.clone()),
        year,
        count,
        detail,
        sentence: describe(e, ctx),
    }
}

fn action_json(a: &Action, keys: &Keys<'_>, ctx: &LogContext<'_>) -> ActionJson {
    let card = |c: &ConnectionId| keys.content.connection(*c).key.clone();
    let (kind, resident, cards) = match a {
        Action::Listen { resident } => ("listen", Some(keys.resident(*resident)), Vec::new()),
        Action::Connect { card: c } => ("connect", None, vec![card(c)]),
        Action::Prescribe { resident, cards } => (
            "prescribe",
            Some(keys.resident(*resident)),
            cards.iter().map(card).collect(),
        ),
        Action::Release { card: c } => ("release", None, vec![card(c)]),
        Action::Visit { resident } => ("visit", Some(keys.resident(*resident)), Vec::new()),
        Action::Pass { card: c, .. } => ("pass", None, vec![card(c)]),
        Action::Conference { resident, cards } => (
            "conference",
            Some(keys.resident(*resident)),
            cards.iter().map(card).collect(),
        ),
        Action::Create { idea } => ("create", None, vec![card(idea)]),
        Action::EndTurn => ("end_turn", None, Vec::new()),
        Action::SkipTurn => ("skip_turn", None, Vec::new()),
        Action::EndGame => ("end_game", None, Vec::new()),
    };
    ActionJson {
        kind,
        resident,
        cards,
        to: match a {
            Action::Pass { to, .. } => Some(*to),
            _ => None,
        },
        text: describe_action(a, ctx),
    }
}

fn log(
    r: &Reflection,
    keys: &Keys<'_>,
    mut ctx: LogContext<'_>,
) -> (Vec<EventJson>, Vec<StepJson>) {
    let home = r.trace.arrival_districts();
    ctx.year = r.content.start_year();
    let events = |events: &[Event], ctx: &mut LogContext<'_>| -> Vec<EventJson> {
        events
            .iter()
            .map(|e| {
                if let Event::TurnStarted { year, .. } = e {
                    ctx.year = *year;
                }
                event_json(e, keys, ctx, &home)
            })
            .collect()
    };
    let opening = events(&r.trace.opening, &mut ctx);
    let steps = r
        .trace
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            ctx.year = step.year;
            let action = action_json(&step.action, keys, &ctx);
            StepJson {
                index: i,
                year: step.year,
                seat: step.seat,
                action,
                events: events(&step.events, &mut ctx),
            }
        })
        .collect();
    (opening, steps)
}
