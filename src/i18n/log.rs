//! The readable log: one full sentence per engine event, in the UI language,
//! with seat names, role names and the table's local district names.
//! e.g. 「2024年 Bさん（喫茶店のマスター）が 宮前の山本 キヨさんの話を聴きました — お金の悩み」.

use super::labels::{need_label, worry_label};
use super::texts::Texts;
use crate::content::{ConnectionId, Content, DistrictId, ResidentId};
use crate::rules::{Action, ConnectSource, Event, NeedCause, RevealCause, Setup};

/// How a seat is named in sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatLabel {
    /// Display name from the setup.
    pub name: String,
    /// Role name in the UI language.
    pub role: String,
}

/// What a sentence needs besides the event.
#[derive(Debug, Clone)]
pub struct LogContext<'a> {
    pub content: &'a Content,
    pub texts: &'a Texts,
    /// The year sentences are dated with (events that carry a year use theirs).
    pub year: i32,
    pub seats: Vec<SeatLabel>,
    /// Local names per district (map order); `None` or blank keeps the deck's.
    pub district_relabels: Vec<Option<String>>,
}

impl<'a> LogContext<'a> {
    /// A context for a game set up with `setup`, dated the scenario's first year.
    pub fn new(
        content: &'a Content,
        texts: &'a Texts,
        setup: &Setup,
        district_relabels: &[Option<String>],
    ) -> Self {
        let lang = texts.language();
        let seats = setup
            .seats
            .iter()
            .map(|s| SeatLabel {
                name: s.name.clone(),
                role: content
                    .role_by_key(&s.role)
                    .map_or_else(|| s.role.clone(), |r| content.role(r).name.get(lang).into()),
            })
            .collect();
        Self {
            content,
            texts,
            year: content.start_year(),
            seats,
            district_relabels: district_relabels.to_vec(),
        }
    }

    fn lang(&self) -> &str {
        self.texts.language()
    }

    /// The district's name for this table: its relabel, else the deck's name.
    pub fn district(&self, d: DistrictId) -> String {
        match self.district_relabels.get(d.index()) {
            Some(Some(name)) if !name.trim().is_empty() => name.trim().to_owned(),
            _ => self.content.district(d).name.get(self.lang()).to_owned(),
        }
    }

    pub fn resident(&self, r: ResidentId) -> &str {
        self.content.resident(r).name.get(self.lang())
    }

    /// A card name in quotes: 「地域包括支援センター」 / “Community care centre”.
    pub fn card(&self, c: ConnectionId) -> String {
        let name = self.content.connection(c).name.get(self.lang());
        self.texts.fmt("log.card", &[("card", &name)])
    }

    fn cards(&self, cards: &[ConnectionId]) -> String {
        let names: Vec<String> = cards.iter().map(|c| self.card(*c)).collect();
        names.join(self.texts.t("log.card_separator"))
    }

    /// `Bさん（喫茶店のマスター）` / `B (Café owner)`.
    pub fn seat(&self, seat: usize) -> String {
        let fallback;
        let s = match self.seats.get(seat) {
            Some(s) => s,
            None => {
                fallback = SeatLabel {
                    name: (seat + 1).to_string(),
                    role: String::new(),
                };
                &fallback
            }
        };
        self.texts
            .fmt("log.seat", &[("name", &s.name), ("role", &s.role)])
    }

    fn home_of(&self, r: ResidentId) -> String {
        self.district(self.content.resident(r).district)
    }

    fn worry_of(&self, r: ResidentId) -> &str {
        worry_label(self.texts, self.content.resident(r).worry)
    }
}

/// Whether the readable log leaves the event out as noise: offer refills
/// (the row is on screen), a reveal by Listen (the Listen sentence names the
/// worry) and turn ends (the next turn's sentence follows).
pub fn is_noise(event: &Event) -> bool {
    matches!(
        event,
        Event::OfferRefilled { .. }
            | Event::TurnEnded { .. }
            | Event::Revealed {
                cause: RevealCause::Listen,
                ..
            }
    )
}

/// Sentences for a batch of events, skipping noise; the context's year
/// follows the turns the batch starts.
pub fn describe_all(events: &[Event], ctx: &mut LogContext<'_>) -> Vec<String> {
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        if let Event::TurnStarted { year, .. } = e {
            ctx.year = *year;
        }
        if !is_noise(e) {
            out.push(describe(e, ctx));
        }
    }
    out
}

/// One full sentence for an event (every variant has one; see [`is_noise`]
/// for those the readable log skips).
pub fn describe(event: &Event, ctx: &LogContext<'_>) -> String {
    let t = ctx.texts;
    let lang = ctx.lang();
    let c = ctx.content;
    let year = &ctx.year;
    match event {
        Event::TurnStarted {
            year,
            seat,
            actions,
        } => t.fmt_count(
            "log.turn_started",
            u64::from(*actions),
            &[
                ("year", year),
                ("seat", &ctx.seat(*seat)),
                ("actions", actions),
            ],
        ),
        Event::ResidentArrived { resident, district } => t.fmt(
            "log.arrived",
            &[
                ("year", year),
                ("district", &ctx.district(*district)),
                ("resident", &ctx.resident(*resident)),
            ],
        ),
        Event::EventDrawn { event } => {
            let card = c.event(*event);
            t.fmt(
                "log.event_drawn",
                &[
                    ("year", year),
                    ("event", &card.name.get(lang)),
                    ("text", &card.text.get(lang)),
                ],
            )
        }
        Event::EventDeferred { event } => t.fmt(
            "log.event_deferred",
            &[("year", year), ("event", &c.event(*event).name.get(lang))],
        ),
        Event::ResidentDeckEmpty => t.fmt("log.deck_empty", &[("year", year)]),
        Event::Listened {
            seat,
            resident,
            free,
        } => {
            let free = if *free { t.t("log.listened_free") } else { "" };
            t.fmt(
                "log.listened",
                &[
                    ("year", year),
                    ("seat", &ctx.seat(*seat)),
                    ("district", &ctx.home_of(*resident)),
                    ("resident", &ctx.resident(*resident)),
                    ("free", &free),
                    ("worry", &ctx.worry_of(*resident)),
                ],
            )
        }
        Event::Revealed { resident, cause } => {
            let key = match cause {
                RevealCause::Listen => "log.revealed_listen",
                RevealCause::ExtraReveal => "log.revealed_extra",
                RevealCause::Event => "log.revealed_event",
                RevealCause::HomeDistrict => "log.revealed_home",
                RevealCause::Referral => "log.revealed_referral",
            };
            t.fmt(
                key,
                &[
                    ("year", year),
                    ("district", &ctx.home_of(*resident)),
                    ("resident", &ctx.resident(*resident)),
                    ("worry", &ctx.worry_of(*resident)),
                ],
            )
        }
        Event::Connected { seat, card, source } => {
            let key = match source {
                ConnectSource::Offer => "log.connected",
                ConnectSource::DeckTop => "log.connected_deck",
            };
            t.fmt(
                key,
                &[
                    ("year", year),
                    ("seat", &ctx.seat(*seat)),
                    ("card", &ctx.card(*card)),
                ],
            )
        }
        Event::OfferRefilled { card } => t.fmt(
            "log.offer_refilled",
            &[("year", year), ("card", &ctx.card(*card))],
        ),
        Event::ConnectionDeckReshuffled { cards } => t.fmt_count(
            "log.reshuffled",
            *cards as u64,
            &[("year", year), ("cards", cards)],
        ),
        Event::HandOverLimit { seat, limit } => t.fmt(
            "log.hand_over_limit",
            &[("year", year), ("seat", &ctx.seat(*seat)), ("limit", limit)],
        ),
        Event::Released { seat, card } => t.fmt(
            "log.released",
            &[
                ("year", year),
                ("seat", &ctx.seat(*seat)),
                ("card", &ctx.card(*card)),
            ],
        ),
        Event::Prescribed {
            seat,
            resident,
            cards,
            waived,
            ..
        } => {
            let waived = waived.map_or_else(String::new, |need| {
                t.fmt("log.waived", &[("need", &need_label(t, c, need))])
            });
            t.fmt(
                "log.prescribed",
                &[
                    ("year", year),
                    ("seat", &ctx.seat(*seat)),
                    ("district", &ctx.home_of(*resident)),
                    ("resident", &ctx.resident(*resident)),
                    ("cards", &ctx.cards(cards)),
                    ("waived", &waived),
                ],
            )
        }
        Event::CopingRaised { level } => {
            t.fmt("log.coping_raised", &[("year", year), ("level", level)])
        }
        Event::BonusUnlocked { at } => {
            let bonus = c
                .coping_track()
                .iter()
                .find(|u| u.at == *at)
                .map_or("", |u| u.text.get(lang));
            t.fmt(
                "log.bonus_unlocked",
                &[("year", year), ("at", at), ("bonus", &bonus)],
            )
        }
        Event::NeedGained {
            resident,
            need,
            cause,
        } => {
            let key = match cause {
                NeedCause::Escalation => "log.need_gained_escalation",
                NeedCause::Event => "log.need_gained_event",
            };
            t.fmt(
                key,
                &[
                    ("year", year),
                    ("district", &ctx.home_of(*resident)),
                    ("resident", &ctx.resident(*resident)),
                    ("need", &need_label(t, c, *need)),
                ],
            )
        }
        Event::ConnectionAdded { card } => t.fmt(
            "log.connection_added",
            &[("year", year), ("card", &ctx.card(*card))],
        ),
        Event::ConnectionLost { seat, card } => t.fmt(
            "log.connection_lost",
            &[
                ("year", year),
                ("seat", &ctx.seat(*seat)),
                ("card", &ctx.card(*card)),
            ],
        ),
        Event::TurnEnded { seat } => t.fmt(
            "log.turn_ended",
            &[("year", year), ("seat", &ctx.seat(*seat))],
        ),
        Event::Visited {
            seat,
            resident,
            visits,
            needed,
        } => t.fmt(
            if visits >= needed {
                "log.visited_trusted"
            } else {
                "log.visited"
            },
            &[
                ("year", year),
                ("seat", &ctx.seat(*seat)),
                ("district", &ctx.home_of(*resident)),
                ("resident", &ctx.resident(*resident)),
                ("visits", visits),
                ("needed", needed),
            ],
        ),
        Event::Refused { seat, resident } => t.fmt(
            "log.refused",
            &[
                ("year", year),
                ("seat", &ctx.seat(*seat)),
                ("district", &ctx.home_of(*resident)),
                ("resident", &ctx.resident(*resident)),
            ],
        ),
        Event::Passed { from, to, card } => t.fmt(
            "log.passed",
            &[
                ("year", year),
                ("from", &ctx.seat(*from)),
                ("to", &ctx.seat(*to)),
                ("card", &ctx.card(*card)),
            ],
        ),
        Event::ConferenceHeld {
            seat,
            resident,
            seats,
        } => {
            let names: Vec<String> = seats.iter().map(|s| ctx.seat(*s)).collect();
            t.fmt(
                "log.conference",
                &[
                    ("year", year),
                    ("seat", &ctx.seat(*seat)),
                    ("resident", &ctx.resident(*resident)),
                    ("seats", &names.join(t.t("log.list_separator"))),
                ],
            )
        }
        Event::Tied {
            resident,
            ties,
            informal,
        } => t.fmt_count(
            "log.tied",
            u64::from(*ties),
            &[
                ("year", year),
                ("resident", &ctx.resident(*resident)),
                ("ties", ties),
                ("informal", informal),
            ],
        ),
        Event::Invested {
            seat,
            idea,
            progress,
            cost,
        } => t.fmt(
            "log.invested",
            &[
                ("year", year),
                ("seat", &ctx.seat(*seat)),
                ("card", &ctx.card(*idea)),
                ("progress", progress),
                ("cost", cost),
            ],
        ),
        Event::ResourceFounded { idea } => {
            t.fmt("log.founded", &[("year", year), ("card", &ctx.card(*idea))])
        }
        Event::DriftedBack { resident, district } => t.fmt(
            "log.drifted_back",
            &[
                ("year", year),
                ("district", &ctx.district(*district)),
                ("resident", &ctx.resident(*resident)),
            ],
        ),
        Event::SpilledOver { resident, from, to } => t.fmt(
            "log.spilled_over",
            &[
                ("year", year),
                ("from", &ctx.district(*from)),
                ("to", &ctx.district(*to)),
                ("resident", &ctx.resident(*resident)),
            ],
        ),
        Event::YearEnded { year, .. } => t.fmt("log.year_ended", &[("year", year)]),
        Event::GameEndedEarly { year, connected } => t.fmt_count(
            "log.ended_early",
            *connected as u64,
            &[("year", year), ("connected", connected)],
        ),
        Event::TownCollapsed {
            year,
            district,
            residents,
        } => {
            let names: Vec<&str> = residents.iter().map(|r| ctx.resident(*r)).collect();
            t.fmt(
                "log.collapsed",
                &[
                    ("year", year),
                    ("district", &ctx.district(*district)),
                    ("residents", &names.join(t.t("log.list_separator"))),
                ],
            )
        }
        Event::TownSurvived { year, connected } => t.fmt_count(
            "log.survived",
            *connected as u64,
            &[("year", year), ("connected", connected)],
        ),
    }
}

/// An action as a short phrase, for the coaching hint and the bots' pace
/// display: 「宮前の山本 キヨさんの話を聴く」 / "Listen to Kiyo Yamamoto in Shrine Quarter".
pub fn describe_action(action: &Action, ctx: &LogContext<'_>) -> String {
    let t = ctx.texts;
    match action {
        Action::Listen { resident } => t.fmt(
            "action.listen",
            &[
                ("district", &ctx.home_of(*resident)),
                ("resident", &ctx.resident(*resident)),
            ],
        ),
        Action::Connect { card } => t.fmt("action.connect", &[("card", &ctx.card(*card))]),
        Action::Prescribe { resident, cards } => t.fmt(
            "action.prescribe",
            &[
                ("resident", &ctx.resident(*resident)),
                ("cards", &ctx.cards(cards)),
            ],
        ),
        Action::Release { card } => t.fmt("action.release", &[("card", &ctx.card(*card))]),
        Action::Visit { resident } => t.fmt(
            "action.visit",
            &[
                ("district", &ctx.home_of(*resident)),
                ("resident", &ctx.resident(*resident)),
            ],
        ),
        Action::Pass { card, to } => t.fmt(
            "action.pass",
            &[("card", &ctx.card(*card)), ("to", &ctx.seat(*to))],
        ),
        Action::Conference { resident, cards } => t.fmt(
            "action.conference",
            &[
                ("resident", &ctx.resident(*resident)),
                ("cards", &ctx.cards(cards)),
            ],
        ),
        Action::Create { idea } => t.fmt("action.create", &[("card", &ctx.card(*idea))]),
        Action::EndTurn => t.t("action.end_turn").to_owned(),
        Action::SkipTurn => t.t("action.skip_turn").to_owned(),
        Action::EndGame => t.t("action.end_game").to_owned(),
    }
}
