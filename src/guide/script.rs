//! A checked guide script and how `guide.ron` becomes one: every problem is a
//! diagnostic with the file, line and column, as a deck's are.

use std::sync::Arc;

use super::raw::{RawActionKind, RawAdvance, RawGuide, RawSeat, RawStep, RawTarget, RawText};
use crate::content::{
    Content, DeckErrors, Diagnostic, DistrictId, LineIndex, Locator, MAX_HAND_LIMIT, ResidentId,
    Severity, Sources, Text, explain_syntax,
};
use crate::rules::{BotKind, Game, SeatKind, SeatSetup, Setup};

/// The guide's file in a scenario directory.
pub const GUIDE_FILE: &str = "guide.ron";

/// Most steps one guide may have: a first year walked through needs a few dozen.
pub const MAX_STEPS: usize = 100;

/// Most characters of one step's text in one language: a callout holds one
/// or two short sentences.
pub const MAX_TEXT_CHARS: usize = 200;

/// The seat the person being guided plays: the guide's first seat.
pub const TRAINEE_SEAT: usize = 0;

/// A thing on the board a step points at (the app finds where it was drawn).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    /// Nothing in particular: the callout sits in the middle of the screen.
    Centre,
    Banner,
    District(DistrictId),
    Resident(ResidentId),
    Listen,
    Prescribe,
    EndTurn,
    Undo,
    Hand,
    HandCard(usize),
    Offer,
    OfferCard(usize),
    Coping,
    Map,
    Log,
    YearEndContinue,
    Handoff,
    /// The Visit (寄り添う) button.
    Visit,
    /// The case-conference button.
    Conference,
    /// The pass-a-card control.
    Pass,
    /// The resource ideas (創る).
    Ideas,
}

/// A seat's action the guide waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    Listen,
    Connect,
    Prescribe,
    Release,
    EndTurn,
    Visit,
    Pass,
    Conference,
    Create,
}

/// What moves the guide past a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advance {
    /// The person presses Next.
    Click,
    /// The person's seat took this action.
    Action(ActionKind),
    /// A year ended (whoever ended it).
    YearEnded,
}

/// One step of the guide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub text: Text,
    pub target: Pointer,
    pub advance: Advance,
}

/// One seat of the guided game; the first is the person, the rest bots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideSeat {
    pub role: String,
    pub name: Text,
    pub home: Option<String>,
}

/// A checked guide: the game it plays and its steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    pub seed: u64,
    pub difficulty: String,
    pub seats: Vec<GuideSeat>,
    pub steps: Vec<Step>,
}

impl Script {
    /// The game's setup, with seat names in `lang`: the first seat a person,
    /// the others heuristic bots.
    pub fn setup(&self, lang: &str) -> Setup {
        let seats = self
            .seats
            .iter()
            .enumerate()
            .map(|(i, s)| SeatSetup {
                name: s.name.get(lang).to_owned(),
                role: s.role.clone(),
                home_district: s.home.clone(),
                kind: if i == TRAINEE_SEAT {
                    SeatKind::Human
                } else {
                    SeatKind::Bot(BotKind::Heuristic)
                },
            })
            .collect();
        Setup {
            seed: self.seed,
            difficulty: self.difficulty.clone(),
            seats,
        }
    }
}

/// One line for a problem: `file:line:column: message (hint)`.
pub fn one_line(d: &Diagnostic) -> String {
    let place = if d.line > 0 {
        format!("{}:{}:{}", d.file, d.line, d.column)
    } else {
        d.file.clone()
    };
    if d.hint.is_empty() {
        format!("{place}: {}", d.message)
    } else {
        format!("{place}: {} ({})", d.message, d.hint)
    }
}

/// Reads and checks `guide.ron` from `sources` (the deck's directory)
/// against the deck's `content`. Every problem is returned, in file order.
pub fn load(sources: &Sources, content: &Arc<Content>) -> Result<Script, DeckErrors> {
    let mut c = Checker {
        src: sources,
        content,
        diags: Vec::new(),
    };
    let script = c.run();
    let mut diags = c.diags;
    diags.sort_by_key(|d| (d.line, d.column));
    match script {
        Some(s) if diags.is_empty() => Ok(s),
        _ => Err(DeckErrors(diags)),
    }
}

struct Checker<'a> {
    src: &'a Sources,
    content: &'a Arc<Content>,
    diags: Vec<Diagnostic>,
}

/// Where each item of a list (`seats`, `steps`) starts and ends in the file.
struct Items(Vec<usize>, usize);

impl Items {
    fn find(loc: &Locator<'_>, list: &str, count: usize, end: usize) -> Items {
        let from = loc.top_field(list).unwrap_or(0);
        let starts = (0..count)
            .map(|i| loc.nth_in_list(from, b'(', i).unwrap_or(from))
            .collect();
        Items(starts, end)
    }

    fn at(&self, i: usize) -> usize {
        self.0.get(i).copied().unwrap_or(0)
    }

    /// Where `field:` is written in item `i`, else the item's start.
    fn field(&self, loc: &Locator<'_>, i: usize, field: &str) -> usize {
        let start = self.at(i);
        let end = self.0.get(i + 1).copied().unwrap_or(self.1);
        loc.top_field_after(start, field)
            .filter(|&f| f < end)
            .unwrap_or(start)
    }
}

impl Checker<'_> {
    fn err(&mut self, at: Option<usize>, message: impl Into<String>, hint: impl Into<String>) {
        let d = self
            .src
            .diag(GUIDE_FILE, at, Severity::Error, message, hint);
        self.diags.push(d);
    }

    fn run(&mut self) -> Option<Script> {
        let Some(text) = self.src.get(GUIDE_FILE) else {
            // the deck's own words: missing, too large, unreadable, or not UTF-8 at a byte
            let d = self.src.unusable(
                GUIDE_FILE,
                "guide",
                &format!("create `{GUIDE_FILE}` beside scenario.ron, saved as UTF-8"),
            );
            self.diags.push(d);
            return None;
        };
        let raw: RawGuide = match ron::Options::default().from_str(text) {
            Ok(r) => r,
            Err(e) => {
                let lines = LineIndex::new(text);
                let at = lines.offset_of(text, e.span.start.line, e.span.start.col);
                let (at, why, hint) = explain_syntax(text, at).unwrap_or_else(|| {
                    (
                        at,
                        e.code.to_string(),
                        "compare this line with the example in scenarios/README.md".to_owned(),
                    )
                });
                self.err(Some(at), format!("cannot read the guide: {why}"), hint);
                return None;
            }
        };
        let loc = Locator::new(text);
        let seats = self.seats(&loc, text.len(), &raw);
        let steps = self.steps(&loc, text.len(), &raw.steps);
        let difficulty = if raw.difficulty.is_empty() {
            self.content.default_difficulty().id.clone()
        } else {
            raw.difficulty.clone()
        };
        let script = Script {
            seed: raw.seed,
            difficulty,
            seats,
            steps,
        };
        if self.diags.is_empty()
            && let Err(e) = Game::new(Arc::clone(self.content), script.setup("ja"))
        {
            self.err(
                loc.top_field("seats"),
                format!("the guided game cannot start: {e}"),
                "fix `seats` or `difficulty` so that the deck accepts them",
            );
        }
        Some(script)
    }

    fn text(&mut self, at: usize, raw: &RawText, what: &str) -> Text {
        for lang in self.content.languages().to_vec() {
            match raw.get(&lang) {
                Some(s) if !s.trim().is_empty() => {
                    let n = s.chars().count();
                    if n > MAX_TEXT_CHARS {
                        self.err(
                            Some(at),
                            format!("{what} has {n} characters in {lang:?}; at most {MAX_TEXT_CHARS}"),
                            "a callout holds one or two short sentences: shorten it, or split it into two steps",
                        );
                    }
                }
                _ => self.err(
                    Some(at),
                    format!("{what} has no text for the deck's language {lang:?}"),
                    format!("add \"{lang}\": \"…\" to this text"),
                ),
            }
        }
        Text::new(raw.clone())
    }

    fn seats(&mut self, loc: &Locator<'_>, end: usize, raw: &RawGuide) -> Vec<GuideSeat> {
        let items = Items::find(loc, "seats", raw.seats.len(), end);
        if raw.seats.is_empty() || raw.seats.len() > 6 {
            self.err(
                loc.top_field("seats"),
                format!("the guide has {} seats; a game has 1 to 6", raw.seats.len()),
                "list the person's seat first, then up to five bots' seats",
            );
        }
        if !raw.difficulty.is_empty() && self.content.difficulty(&raw.difficulty).is_none() {
            self.err(
                loc.top_field("difficulty"),
                format!("unknown difficulty {:?}", raw.difficulty),
                "use a difficulty id from scenario.ron, or leave `difficulty` out for the deck's default",
            );
        }
        raw.seats
            .iter()
            .enumerate()
            .map(|(i, s): (usize, &RawSeat)| {
                if self.content.role_by_key(&s.role).is_none() {
                    self.err(
                        Some(items.field(loc, i, "role")),
                        format!("seat {}: unknown role {:?}", i + 1, s.role),
                        "use a role id from roles.ron",
                    );
                }
                if !s.home.is_empty() && self.content.district_by_key(&s.home).is_none() {
                    self.err(
                        Some(items.field(loc, i, "home")),
                        format!("seat {}: unknown district {:?}", i + 1, s.home),
                        "use a district id from map.ron",
                    );
                }
                let at = items.field(loc, i, "name");
                let name = self.text(at, &s.name, &format!("seat {}'s name", i + 1));
                GuideSeat {
                    role: s.role.clone(),
                    name,
                    home: (!s.home.is_empty()).then(|| s.home.clone()),
                }
            })
            .collect()
    }

    fn steps(&mut self, loc: &Locator<'_>, end: usize, raw: &[RawStep]) -> Vec<Step> {
        if raw.is_empty() || raw.len() > MAX_STEPS {
            self.err(
                loc.top_field("steps"),
                format!(
                    "the guide has {} steps; it needs 1 to {MAX_STEPS}",
                    raw.len()
                ),
                "write a short guide: one step per thing to learn",
            );
        }
        let items = Items::find(loc, "steps", raw.len().min(MAX_STEPS), end);
        raw.iter()
            .take(MAX_STEPS)
            .enumerate()
            .map(|(i, s)| {
                let what = format!("step {}", i + 1);
                let text = self.text(items.field(loc, i, "text"), &s.text, &what);
                let at = items.field(loc, i, "target");
                let target = self.target(at, &s.target, &what);
                Step {
                    text,
                    target,
                    advance: advance(&s.advance),
                }
            })
            .collect()
    }

    fn target(&mut self, at: usize, raw: &RawTarget, what: &str) -> Pointer {
        let max_offer = self
            .content
            .difficulties()
            .iter()
            .map(|d| usize::from(d.params.offer_size))
            .max()
            .unwrap_or(0);
        match raw {
            RawTarget::Centre => Pointer::Centre,
            RawTarget::Banner => Pointer::Banner,
            RawTarget::District(key) => match self.content.district_by_key(key) {
                Some(d) => Pointer::District(d),
                None => {
                    self.err(
                        Some(at),
                        format!("{what} points at district {key:?}, which map.ron does not have"),
                        "use a district id from map.ron",
                    );
                    Pointer::Centre
                }
            },
            RawTarget::Resident(key) => {
                match self.content.resident_by_key(key) {
                    Some(r) => Pointer::Resident(r),
                    None => {
                        self.err(
                        Some(at),
                        format!("{what} points at resident {key:?}, which residents.ron does not have"),
                        "use a resident id from residents.ron",
                    );
                        Pointer::Centre
                    }
                }
            }
            RawTarget::Listen => Pointer::Listen,
            RawTarget::Prescribe => Pointer::Prescribe,
            RawTarget::EndTurn => Pointer::EndTurn,
            RawTarget::Undo => Pointer::Undo,
            RawTarget::Hand => Pointer::Hand,
            RawTarget::HandCard(n) => {
                if *n >= MAX_HAND_LIMIT as usize {
                    self.err(
                        Some(at),
                        format!("{what} points at hand card {n}; a hand holds at most {MAX_HAND_LIMIT} cards"),
                        "count hand cards from 0",
                    );
                }
                Pointer::HandCard(*n)
            }
            RawTarget::Offer => Pointer::Offer,
            RawTarget::OfferCard(n) => {
                if *n >= max_offer {
                    self.err(
                        Some(at),
                        format!(
                            "{what} points at offer card {n}; the offer row has {max_offer} cards"
                        ),
                        "count offer cards from 0",
                    );
                }
                Pointer::OfferCard(*n)
            }
            RawTarget::Coping => Pointer::Coping,
            RawTarget::Map => Pointer::Map,
            RawTarget::Log => Pointer::Log,
            RawTarget::YearEndContinue => Pointer::YearEndContinue,
            RawTarget::Handoff => Pointer::Handoff,
            RawTarget::Visit => Pointer::Visit,
            RawTarget::Conference => Pointer::Conference,
            RawTarget::Pass => Pointer::Pass,
            RawTarget::Ideas => Pointer::Ideas,
        }
    }
}

fn advance(raw: &RawAdvance) -> Advance {
    match raw {
        RawAdvance::Click => Advance::Click,
        RawAdvance::YearEnded => Advance::YearEnded,
        RawAdvance::Action(a) => Advance::Action(match a {
            RawActionKind::Listen => ActionKind::Listen,
            RawActionKind::Connect => ActionKind::Connect,
            RawActionKind::Prescribe => ActionKind::Prescribe,
            RawActionKind::Release => ActionKind::Release,
            RawActionKind::EndTurn => ActionKind::EndTurn,
            RawActionKind::Visit => ActionKind::Visit,
            RawActionKind::Pass => ActionKind::Pass,
            RawActionKind::Conference => ActionKind::Conference,
            RawActionKind::Create => ActionKind::Create,
        }),
    }
}
