//! Turns raw RON files into typed [`Content`], collecting every problem with
//! its file, line, column and a hint, instead of stopping at the first.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;

use super::diagnostic::{DeckErrors, Diagnostic, Severity};
use super::ids::{ConnectionId, DistrictId, RoleId, SpecialityId};
use super::lexical;
use super::matching::can_meet_all;
use super::model::*;
use super::raw::*;
use super::source::{LineIndex, Locator, Sources};
use super::text::{PRIMARY_LANGUAGE, Text};

/// The file every scenario directory starts from.
pub const SCENARIO_FILE: &str = "scenario.ron";

/// Most items of one kind a deck may hold.
const MAX_ITEMS: usize = 4000;

/// Years a calendar may start and end in.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Most years one game lasts (`start_year..=end_year`).
const MAX_GAME_YEARS: i64 = 50;

/// A loaded scenario and the warnings found while loading it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub content: Content,
    pub warnings: Vec<Diagnostic>,
}

/// Parses and validates a scenario. On failure every diagnostic (errors and
/// warnings, in file order) is returned; a deck is never half-loaded.
pub fn load(sources: &Sources) -> Result<Loaded, DeckErrors> {
    let mut v = Validator {
        src: sources,
        diags: Vec::new(),
        languages: vec![PRIMARY_LANGUAGE.to_owned()],
    };
    let content = v.run();
    let mut diags = v.diags;
    diags.sort_by(|a, b| {
        (a.severity, &a.file, a.line, a.column).cmp(&(b.severity, &b.file, b.line, b.column))
    });
    match content {
        Some(content) if !diags.iter().any(Diagnostic::is_error) => Ok(Loaded {
            content,
            warnings: diags,
        }),
        _ => Err(DeckErrors(diags)),
    }
}

pub(super) struct Validator<'a> {
    pub(super) src: &'a Sources,
    diags: Vec<Diagnostic>,
    languages: Vec<String>,
}

/// Per-file context: its name and a locator over its text.
pub(super) struct FileCtx<'a> {
    pub(super) name: String,
    pub(super) loc: Locator<'a>,
}

impl<'a> Validator<'a> {
    pub(super) fn err(
        &mut self,
        file: &str,
        at: Option<usize>,
        msg: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let d = self.src.diag(file, at, Severity::Error, msg, hint);
        self.diags.push(d);
    }

    pub(super) fn warn(
        &mut self,
        file: &str,
        at: Option<usize>,
        msg: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let d = self.src.diag(file, at, Severity::Warning, msg, hint);
        self.diags.push(d);
    }

    fn parse<T: DeserializeOwned>(&mut self, file: &str, what: &str) -> Option<T> {
        let Some(text) = self.src.get(file) else {
            self.unusable(file, what);
            return None;
        };
        // Optional numbers may be written plainly (`pass_cost: 1`) or as `Some(1)`.
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        match options.from_str::<T>(text) {
            Ok(v) => Some(v),
            Err(e) => {
                let lines = LineIndex::new(text);
                let at = lines.offset_of(text, e.span.start.line, e.span.start.col);
                match lexical::explain(text, at) {
                    Some((at, why, hint)) => {
                        self.err(
                            file,
                            Some(at),
                            format!("cannot read the {what}: {why}"),
                            hint,
                        );
                    }
                    None => self.err(
                        file,
                        Some(at),
                        format!("cannot read the {what}: {}", e.code),
                        ron_hint(&e.code),
                    ),
                }
                None
            }
        }
    }

    /// Reports a deck file that is missing, too large, unreadable or not UTF-8.
    fn unusable(&mut self, file: &str, what: &str) {
        let d = self.src.unusable(
            file,
            what,
            &format!(
                "create `{file}` in the scenario directory, or fix its name in scenario.ron's `files`"
            ),
        );
        self.diags.push(d);
    }

    pub(super) fn ctx(&self, file: &str) -> FileCtx<'a> {
        FileCtx {
            name: file.to_owned(),
            loc: Locator::new(self.src.get(file).unwrap_or("")),
        }
    }

    /// Checks a localised text has every declared language; `required` texts may not be empty.
    pub(super) fn text(
        &mut self,
        f: &FileCtx<'_>,
        at: usize,
        raw: &RawText,
        what: &str,
        required: bool,
    ) -> Text {
        if raw.is_empty() && !required {
            return Text::default();
        }
        for lang in self.languages.clone() {
            if raw.get(&lang).is_none_or(|s| s.trim().is_empty()) {
                self.err(
                    &f.name,
                    Some(at),
                    format!("{what} has no text for declared language \"{lang}\""),
                    format!("add \"{lang}\": \"…\" to this text, or remove \"{lang}\" from `languages` in scenario.ron"),
                );
            }
        }
        for lang in raw.keys() {
            if !self.languages.contains(lang) {
                self.warn(
                    &f.name,
                    f.loc.key_after(at, lang),
                    format!("{what} has text for \"{lang}\", which scenario.ron does not declare"),
                    format!("add \"{lang}\" to `languages` in scenario.ron, or remove this text"),
                );
            }
        }
        Text::new(raw.clone())
    }

    /// Reports duplicate ids and too many items; returns each item's offset in the file.
    pub(super) fn ids<'r>(
        &mut self,
        f: &FileCtx<'_>,
        ids: impl Iterator<Item = &'r str>,
        kind: &str,
    ) -> Vec<usize> {
        // Per id: how many so far, and where the first one is.
        let mut seen: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        let mut offsets = Vec::new();
        for (index, id) in ids.enumerate() {
            let n = seen.get(id).map_or(0, |s| s.0);
            let at = f
                .loc
                .item(id, n)
                .or_else(|| f.loc.item_at(index))
                .unwrap_or(0);
            let (n, first) = seen.entry(id).or_insert((0, at));
            if *n > 0 {
                let first = self.src.place(&f.name, *first);
                self.err(
                    &f.name,
                    Some(at),
                    format!("duplicate {kind} id \"{id}\" (the first is at {first})"),
                    format!("give each {kind} a unique id"),
                );
            }
            if id.trim().is_empty() {
                self.err(
                    &f.name,
                    Some(at),
                    format!("a {kind} has an empty id"),
                    "write a short id such as \"r-001\"",
                );
            }
            *n += 1;
            offsets.push(at);
        }
        if offsets.len() > MAX_ITEMS {
            self.err(
                &f.name,
                None,
                format!("more than {MAX_ITEMS} {kind}s"),
                "split the deck into smaller scenarios",
            );
        }
        offsets
    }

    pub(super) fn small(
        &mut self,
        f: &FileCtx<'_>,
        at: usize,
        value: i64,
        range: std::ops::RangeInclusive<i64>,
        what: &str,
    ) -> u8 {
        if !range.contains(&value) {
            self.err(
                &f.name,
                Some(at),
                format!(
                    "{what} is {value}, outside {}..={}",
                    range.start(),
                    range.end()
                ),
                format!("use a value from {} to {}", range.start(), range.end()),
            );
            return u8::try_from(*range.start()).unwrap_or(0);
        }
        u8::try_from(value).unwrap_or(u8::MAX)
    }

    fn run(&mut self) -> Option<Content> {
        let scenario: RawScenario = self.parse(SCENARIO_FILE, "scenario")?;
        let sf = self.ctx(SCENARIO_FILE);
        self.check_languages(&sf, &scenario);

        let map: Option<RawMap> = self.parse(&scenario.files.map, "map");
        let residents: Option<RawResidents> = self.parse(&scenario.files.residents, "residents");
        let connections: Option<RawConnections> =
            self.parse(&scenario.files.connections, "connections");
        let roles: Option<RawRoles> = self.parse(&scenario.files.roles, "roles");
        let events: Option<RawEvents> = self.parse(&scenario.files.events, "events");
        let ideas: Option<RawIdeas> = if scenario.files.ideas.is_empty() {
            Some(RawIdeas { ideas: Vec::new() })
        } else {
            self.parse(&scenario.files.ideas, "ideas")
        };
        let (map, residents, connections, roles, events, ideas) =
            (map?, residents?, connections?, roles?, events?, ideas?);

        let districts = self.districts(&scenario.files.map, &map);
        let district_keys: Vec<&str> = map.districts.iter().map(|d| d.id.as_str()).collect();
        let (specialities, mut cards) = self.connections(&scenario.files.connections, &connections);
        let idea_cards = self.ideas(&scenario.files.ideas, &ideas, &connections);
        let spec_keys: Vec<&str> = connections
            .specialities
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        let residents_t = self.residents(
            &scenario.files.residents,
            &residents,
            &district_keys,
            &spec_keys,
            &cards,
        );
        // Ideas come after every printed card, so their ids never move one.
        cards.extend(idea_cards);
        let roles_t = self.roles(&scenario.files.roles, &roles);
        let events_t = self.events(
            &scenario.files.events,
            &events,
            &district_keys,
            &connections,
        );

        let title = self.text(
            &sf,
            sf.loc.top_field("title").unwrap_or(0),
            &scenario.title,
            "the scenario title",
            true,
        );
        let description = self.text(
            &sf,
            sf.loc.top_field("description").unwrap_or(0),
            &scenario.description,
            "the scenario description",
            false,
        );
        let base = self.params(&sf, &scenario.params);
        let (difficulties, default_difficulty) =
            self.difficulties(&sf, &scenario, &scenario.params);
        let coping_track = self.coping_track(&sf, &scenario);
        let default_roles = self.default_roles(&sf, &scenario, &roles);
        let debrief_questions = self.debrief(&sf, &scenario);
        self.calendar(&sf, &scenario, base, residents_t.len(), districts.len());
        self.sums(
            &sf,
            &scenario,
            &difficulties,
            &coping_track,
            &roles_t,
            &scenario.files.roles,
        );
        self.balance(
            &scenario.files.connections,
            &residents_t,
            &specialities,
            &cards,
        );
        if roles_t.is_empty() {
            self.err(
                &scenario.files.roles,
                Some(0),
                "the scenario has no roles",
                "add at least one Role(…); six let every seat play a different role",
            );
        } else if roles_t.len() < 6 {
            self.warn(
                &scenario.files.roles,
                Some(0),
                format!(
                    "only {} roles: a 6-seat game needs 6 distinct roles",
                    roles_t.len()
                ),
                "add roles so that every seat can have its own",
            );
        }

        let hash = content_hash(self.src, &scenario.files);
        let mut content = Content {
            id: scenario.id.clone(),
            version: scenario.version,
            title,
            description,
            languages: self.languages.clone(),
            start_year: scenario.start_year,
            end_year: scenario.end_year,
            coping_track,
            difficulties,
            default_difficulty,
            default_roles,
            debrief_questions,
            districts,
            residents: residents_t,
            specialities,
            connections: cards,
            roles: roles_t,
            events: events_t,
            progress: match scenario.progress {
                RawProgress::Residents => Progress::Residents,
                RawProgress::Ties => Progress::Ties,
            },
            link_work: false,
            hash,
        };
        content.link_work = content.uses_link_work();
        Some(content)
    }

    fn check_languages(&mut self, sf: &FileCtx<'_>, s: &RawScenario) {
        let at = sf.loc.top_field("languages");
        if !s.languages.iter().any(|l| l == PRIMARY_LANGUAGE) {
            self.err(
                &sf.name,
                at,
                "`languages` does not include \"ja\"",
                "Japanese is the primary language: list \"ja\" first, e.g. languages: [\"ja\", \"en\"]",
            );
        }
        let mut langs: Vec<String> = Vec::new();
        for l in &s.languages {
            if langs.contains(l) {
                self.warn(
                    &sf.name,
                    at,
                    format!("language \"{l}\" is listed twice"),
                    "list each language once",
                );
            } else {
                langs.push(l.clone());
            }
        }
        if !langs.is_empty() {
            self.languages = langs;
        }
    }

    fn params(&mut self, sf: &FileCtx<'_>, p: &RawParams) -> Params {
        let at = |name: &str| sf.loc.top_field(name).unwrap_or(0);
        self.params_at(sf, p, &at, &|_| true, "params")
    }

    fn params_at(
        &mut self,
        sf: &FileCtx<'_>,
        p: &RawParams,
        at: &dyn Fn(&str) -> usize,
        touched: &dyn Fn(&str) -> bool,
        ctx: &str,
    ) -> Params {
        // Only fields this context sets are reported on: a preset does not
        // repeat a problem of `params` it merely inherits.
        let mut get = |name: &str, value: i64, range: std::ops::RangeInclusive<i64>| {
            if touched(name) {
                self.small(sf, at(name), value, range, &format!("{ctx}: `{name}`"))
            } else if range.contains(&value) {
                u8::try_from(value).unwrap_or(u8::MAX)
            } else {
                u8::try_from(*range.start()).unwrap_or(0)
            }
        };
        let actions_per_turn = get("actions_per_turn", p.actions_per_turn, 1..=10);
        let hand_limit = get("hand_limit", p.hand_limit, 1..=20);
        let starting_hand = get("starting_hand", p.starting_hand, 0..=20);
        let offer_size = get("offer_size", p.offer_size, 1..=10);
        let initial_residents_per_district = get(
            "initial_residents_per_district",
            p.initial_residents_per_district,
            0..=5,
        );
        let escalate_after_years = get("escalate_after_years", p.escalate_after_years, 1..=20);
        let collapse_threshold = get("collapse_threshold", p.collapse_threshold, 1..=30);
        let max_events_per_turn = get("max_events_per_turn", p.max_events_per_turn, 0..=5);
        let mut opt = |name: &str, value: Option<i64>, range: std::ops::RangeInclusive<i64>| {
            value.map(|v| get(name, v, range))
        };
        let pass_cost = opt("pass_cost", p.pass_cost, 1..=5);
        let conference_cost = opt("conference_cost", p.conference_cost, 1..=10);
        let relapse_after_years = opt("relapse_after_years", p.relapse_after_years, 1..=20);
        let spill_over = opt("spill_over", p.spill_over, 1..=5);
        let both_valid = (1..=20).contains(&p.hand_limit) && (0..=20).contains(&p.starting_hand);
        if both_valid && p.starting_hand > p.hand_limit {
            // Blame the field this context wrote: a preset that lowers
            // `hand_limit` below the inherited `starting_hand` is at fault there.
            if touched("starting_hand") || !touched("hand_limit") {
                self.err(
                    &sf.name,
                    Some(at("starting_hand")),
                    format!(
                        "{ctx}: `starting_hand` is {}, outside 0..={}",
                        p.starting_hand, p.hand_limit
                    ),
                    format!("use a value from 0 to {} (the hand limit)", p.hand_limit),
                );
            } else {
                self.err(
                    &sf.name,
                    Some(at("hand_limit")),
                    format!(
                        "{ctx}: `hand_limit` is {}, below `starting_hand` {}",
                        p.hand_limit, p.starting_hand
                    ),
                    format!(
                        "use a hand_limit of at least {}, or also override `starting_hand`",
                        p.starting_hand
                    ),
                );
            }
        }
        let starting_hand = starting_hand.min(hand_limit);
        Params {
            actions_per_turn,
            hand_limit,
            starting_hand,
            offer_size,
            initial_residents_per_district,
            escalate_after_years,
            collapse_threshold,
            max_events_per_turn,
            pass_cost,
            conference_cost,
            relapse_after_years,
            spill_over,
        }
    }

    fn difficulties(
        &mut self,
        sf: &FileCtx<'_>,
        s: &RawScenario,
        base: &RawParams,
    ) -> (Vec<Difficulty>, usize) {
        let offsets = self.ids(
            sf,
            s.difficulties.iter().map(|d| d.id.as_str()),
            "difficulty",
        );
        if s.difficulties.is_empty() {
            self.err(
                &sf.name,
                sf.loc.top_field("difficulties"),
                "the scenario has no difficulty presets",
                "add at least one Difficulty(id: \"standard\", …)",
            );
        }
        let mut out = Vec::new();
        for (d, &at) in s.difficulties.iter().zip(&offsets) {
            let name = self.text(
                sf,
                sf.loc.field(at, "name"),
                &d.name,
                &format!("difficulty \"{}\" name", d.id),
                true,
            );
            let description = self.text(
                sf,
                sf.loc.field(at, "description"),
                &d.description,
                &format!("difficulty \"{}\" description", d.id),
                false,
            );
            let mut p = base.clone();
            for (key, &value) in &d.overrides {
                let slot = match key.as_str() {
                    "actions_per_turn" => &mut p.actions_per_turn,
                    "hand_limit" => &mut p.hand_limit,
                    "starting_hand" => &mut p.starting_hand,
                    "offer_size" => &mut p.offer_size,
                    "initial_residents_per_district" => &mut p.initial_residents_per_district,
                    "escalate_after_years" => &mut p.escalate_after_years,
                    "collapse_threshold" => &mut p.collapse_threshold,
                    "max_events_per_turn" => &mut p.max_events_per_turn,
                    "pass_cost" => p.pass_cost.insert(0),
                    "conference_cost" => p.conference_cost.insert(0),
                    "relapse_after_years" => p.relapse_after_years.insert(0),
                    "spill_over" => p.spill_over.insert(0),
                    _ => {
                        self.err(
                            &sf.name,
                            Some(sf.loc.value(at, "overrides", key)),
                            format!("difficulty \"{}\" overrides unknown parameter \"{key}\"", d.id),
                            "use one of: actions_per_turn, hand_limit, starting_hand, offer_size, initial_residents_per_district, escalate_after_years, collapse_threshold, max_events_per_turn, pass_cost, conference_cost, relapse_after_years, spill_over",
                        );
                        continue;
                    }
                };
                *slot = value;
            }
            let at_key = |name: &str| sf.loc.value(at, "overrides", name);
            let touched = |name: &str| d.overrides.contains_key(name);
            let params = self.params_at(
                sf,
                &p,
                &at_key,
                &touched,
                &format!("difficulty \"{}\"", d.id),
            );
            out.push(Difficulty {
                id: d.id.clone(),
                name,
                description,
                params,
            });
        }
        let default = match s
            .difficulties
            .iter()
            .position(|d| d.id == s.default_difficulty)
        {
            Some(i) => i,
            None => {
                self.err(
                    &sf.name,
                    sf.loc.top_field("default_difficulty"),
                    format!(
                        "default_difficulty \"{}\" is not one of the difficulties",
                        s.default_difficulty
                    ),
                    format!(
                        "use one of: {}",
                        s.difficulties
                            .iter()
                            .map(|d| format!("\"{}\"", d.id))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
                0
            }
        };
        (out, default)
    }

    fn coping_track(&mut self, sf: &FileCtx<'_>, s: &RawScenario) -> Vec<Unlock> {
        let track_at = sf.loc.top_field("coping_track").unwrap_or(0);
        let mut out: Vec<Unlock> = Vec::new();
        let mut from = track_at;
        for u in &s.coping_track {
            let at = sf.loc.top_field_after(from, "at").unwrap_or(track_at);
            from = at + 2;
            let what = format!("coping-track unlock at {}", u.at);
            let level = self.small16(sf, at, u.at, 1..=1000, &what);
            if out.last().is_some_and(|prev| prev.at >= level) {
                self.err(
                    &sf.name,
                    Some(at),
                    format!("{what} is not above the previous unlock"),
                    "list unlocks in rising order of `at`, each at a different level",
                );
            }
            let bonus = match u.bonus {
                RawBonus::HandLimit(n) => {
                    Bonus::HandLimit(self.small(sf, at, n, 1..=10, &format!("{what}: HandLimit")))
                }
                RawBonus::ActionsPerTurn(n) => Bonus::ActionsPerTurn(self.small(
                    sf,
                    at,
                    n,
                    1..=5,
                    &format!("{what}: ActionsPerTurn"),
                )),
                RawBonus::FreeListens(n) => Bonus::FreeListens(self.small(
                    sf,
                    at,
                    n,
                    1..=5,
                    &format!("{what}: FreeListens"),
                )),
                RawBonus::ListenExtraReveal => Bonus::ListenExtraReveal,
            };
            let text = self.text(sf, at, &u.text, &what, true);
            out.push(Unlock {
                at: level,
                bonus,
                text,
            });
        }
        out
    }

    fn small16(
        &mut self,
        f: &FileCtx<'_>,
        at: usize,
        value: i64,
        range: std::ops::RangeInclusive<i64>,
        what: &str,
    ) -> u16 {
        if !range.contains(&value) {
            self.err(
                &f.name,
                Some(at),
                format!(
                    "{what} is {value}, outside {}..={}",
                    range.start(),
                    range.end()
                ),
                format!("use a value from {} to {}", range.start(), range.end()),
            );
            return 1;
        }
        u16::try_from(value).unwrap_or(1)
    }

    fn default_roles(
        &mut self,
        sf: &FileCtx<'_>,
        s: &RawScenario,
        roles: &RawRoles,
    ) -> Vec<RoleId> {
        let mut from = sf.loc.top_field("default_roles").unwrap_or(0);
        let mut out = Vec::new();
        for key in &s.default_roles {
            // Search on from the previous entry, so a repeat points at itself.
            let key_at = sf.loc.key_after(from, key);
            if let Some(o) = key_at {
                from = o + key.len() + 2;
            }
            match roles.roles.iter().position(|r| &r.id == key) {
                Some(i) if out.contains(&RoleId::from_index(i)) => {
                    self.err(
                        &sf.name,
                        key_at,
                        format!("role \"{key}\" appears twice in default_roles"),
                        "every seat needs a different role",
                    );
                }
                Some(i) => out.push(RoleId::from_index(i)),
                None => self.err(
                    &sf.name,
                    key_at,
                    format!("default_roles names unknown role \"{key}\""),
                    format!("use a role id from {}", s.files.roles),
                ),
            }
        }
        out
    }

    fn debrief(&mut self, sf: &FileCtx<'_>, s: &RawScenario) -> Vec<Text> {
        let field = sf.loc.top_field("debrief_questions");
        s.debrief_questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                // Each question's own `{`, so its problems point at its own line.
                let at = field
                    .and_then(|f| sf.loc.nth_in_list(f, b'{', i))
                    .or(field)
                    .unwrap_or(0);
                self.text(sf, at, q, &format!("debrief question {}", i + 1), true)
            })
            .collect()
    }

    fn calendar(
        &mut self,
        sf: &FileCtx<'_>,
        s: &RawScenario,
        p: Params,
        residents: usize,
        districts: usize,
    ) {
        let at = sf.loc.top_field("end_year");
        let mut bad = false;
        for (name, year) in [("start_year", s.start_year), ("end_year", s.end_year)] {
            if !YEARS.contains(&year) {
                bad = true;
                self.err(
                    &sf.name,
                    sf.loc.top_field(name),
                    format!(
                        "`{name}` is {year}, outside {}..={}",
                        YEARS.start(),
                        YEARS.end()
                    ),
                    format!("use a year from {} to {}", YEARS.start(), YEARS.end()),
                );
            }
        }
        if bad {
            return;
        }
        // Both years are in range, so this cannot overflow.
        let span = i64::from(s.end_year) - i64::from(s.start_year) + 1;
        if !(1..=MAX_GAME_YEARS).contains(&span) {
            self.err(
                &sf.name,
                at,
                format!(
                    "years {}..={} are not a valid calendar ({span} years)",
                    s.start_year, s.end_year
                ),
                format!("set end_year at or after start_year; a game lasts at most {MAX_GAME_YEARS} years"),
            );
            return;
        }
        let years = usize::try_from(span).unwrap_or(0);
        let needed = 6 * years + usize::from(p.initial_residents_per_district) * districts;
        if residents < needed {
            self.warn(
                &sf.name,
                at,
                format!("the resident deck has {residents} cards but 6 seats over {years} years with the starting residents use {needed}"),
                "add residents, or expect the deck to run out in long 6-seat games (no arrivals once it is empty)",
            );
        }
    }

    fn districts(&mut self, file: &str, map: &RawMap) -> Vec<District> {
        let f = self.ctx(file);
        let offsets = self.ids(&f, map.districts.iter().map(|d| d.id.as_str()), "district");
        if map.districts.is_empty() {
            self.err(
                file,
                Some(0),
                "the map has no districts",
                "add six District(…) entries",
            );
            return Vec::new();
        }
        if map.districts.len() != 6 {
            self.warn(
                file,
                Some(0),
                format!(
                    "the map has {} districts; the game is designed for six",
                    map.districts.len()
                ),
                "use six districts unless you have tested another number",
            );
        }
        let keys: Vec<&str> = map.districts.iter().map(|d| d.id.as_str()).collect();
        let mut out = Vec::new();
        let mut usable = Vec::new();
        for (d, &at) in map.districts.iter().zip(&offsets) {
            let what = format!("district \"{}\"", d.id);
            let name = self.text(
                &f,
                f.loc.field(at, "name"),
                &d.name,
                &format!("{what} name"),
                true,
            );
            let colour = parse_colour(&d.colour).unwrap_or_else(|| {
                self.err(
                    file,
                    Some(f.loc.field(at, "colour")),
                    format!("{what} colour \"{}\" is not #RRGGBB", d.colour),
                    "write the colour as \"#\" and six hex digits, e.g. \"#0072B2\"",
                );
                [128, 128, 128]
            });
            let in_board =
                |(x, y): (f32, f32)| (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y);
            if !in_board(d.position) {
                self.err(
                    file,
                    Some(f.loc.field(at, "position")),
                    format!("{what} position is outside the 0..1 board"),
                    "use coordinates between 0.0 and 1.0",
                );
            }
            let ok = d.outline.len() >= 3 && d.outline.iter().all(|&p| in_board(p));
            usable.push(ok && in_board(d.position));
            if !ok {
                self.err(file, Some(f.loc.field(at, "outline")), format!("{what} outline needs at least three points inside the 0..1 board"), "list the corners of the district, e.g. [(0.0, 0.0), (0.33, 0.0), (0.33, 0.5), (0.0, 0.5)]");
            }
            if d.symbol.trim().is_empty() {
                self.err(file, Some(f.loc.field(at, "symbol")), format!("{what} has no symbol"), "give a short symbol such as \"▲\" so the district never relies on colour alone");
            }
            let mut neighbours = Vec::new();
            for n in &d.neighbours {
                match keys.iter().position(|k| k == n) {
                    Some(i) if keys[i] == d.id => self.err(
                        file,
                        Some(f.loc.value(at, "neighbours", n)),
                        format!("{what} lists itself as a neighbour"),
                        "remove it from its own neighbours",
                    ),
                    Some(i) => {
                        neighbours.push(DistrictId::from_index(i));
                        if !map.districts[i].neighbours.iter().any(|m| m == &d.id) {
                            self.warn(file, Some(f.loc.value(at, "neighbours", n)), format!("{what} lists \"{n}\" as a neighbour, but not the other way round"), format!("add \"{}\" to the neighbours of \"{n}\"", d.id));
                        }
                    }
                    None => self.err(
                        file,
                        Some(f.loc.value(at, "neighbours", n)),
                        format!("{what} has unknown neighbour \"{n}\""),
                        format!("use a district id from this map: {}", keys.join(", ")),
                    ),
                }
            }
            out.push(District {
                key: d.id.clone(),
                name,
                position: d.position,
                outline: d.outline.clone(),
                colour,
                pattern: pattern(d.pattern),
                symbol: d.symbol.clone(),
                neighbours,
            });
        }
        self.map_cues(&f, map, &offsets);
        self.map_shapes(&f, map, &offsets, &usable);
        out
    }

    fn connections(
        &mut self,
        file: &str,
        raw: &RawConnections,
    ) -> (Vec<Speciality>, Vec<Connection>) {
        let f = self.ctx(file);
        let spec_offsets = self.ids(
            &f,
            raw.specialities.iter().map(|s| s.id.as_str()),
            "speciality",
        );
        let specialities: Vec<Speciality> = raw
            .specialities
            .iter()
            .zip(&spec_offsets)
            .map(|(s, &at)| Speciality {
                key: s.id.clone(),
                name: self.text(
                    &f,
                    f.loc.field(at, "name"),
                    &s.name,
                    &format!("speciality \"{}\" name", s.id),
                    true,
                ),
            })
            .collect();
        let offsets = self.ids(
            &f,
            raw.connections.iter().map(|c| c.id.as_str()),
            "connection",
        );
        let mut cards = Vec::new();
        for (c, &at) in raw.connections.iter().zip(&offsets) {
            let what = format!("connection \"{}\"", c.id);
            let face = CardFace {
                id: &c.id,
                name: &c.name,
                kind: c.kind,
                specialities: &c.specialities,
                helps: &c.helps,
                description: &c.description,
            };
            let mut card = self.card(&f, at, &what, &face, &raw.specialities);
            let copies = self.small(
                &f,
                f.loc.field(at, "copies"),
                c.copies,
                0..=10,
                &format!("{what} copies"),
            );
            card.in_deck = copies > 0;
            for _ in 0..copies.max(1) {
                cards.push(card.clone());
            }
        }
        if cards.iter().filter(|c| c.in_deck).count() < 4 {
            self.err(
                file,
                Some(0),
                "the connection deck has fewer than 4 cards",
                "add connections (the default deck has 36)",
            );
        }
        (specialities, cards)
    }

    /// A card's face as written: checks its texts, specialities and helps.
    /// The card is in the deck and is no idea; callers change that.
    pub(super) fn card(
        &mut self,
        f: &FileCtx<'_>,
        at: usize,
        what: &str,
        c: &CardFace<'_>,
        specialities: &[RawSpeciality],
    ) -> Connection {
        let file = f.name.clone();
        let name = self.text(
            f,
            f.loc.field(at, "name"),
            c.name,
            &format!("{what} name"),
            true,
        );
        let description = self.text(
            f,
            f.loc.field(at, "description"),
            c.description,
            &format!("{what} description"),
            true,
        );
        let mut specs = Vec::new();
        for s in c.specialities {
            match specialities.iter().position(|x| &x.id == s) {
                Some(i) => specs.push(SpecialityId::from_index(i)),
                None => self.err(
                    &file,
                    Some(f.loc.value(at, "specialities", s)),
                    format!("{what} has unknown speciality \"{s}\""),
                    "declare it in `specialities` at the top of the connections file, or fix the spelling",
                ),
            }
        }
        let helps: Vec<Worry> = c.helps.iter().map(|&w| worry(w)).collect();
        if helps.is_empty() && specs.is_empty() {
            self.err(
                &file,
                Some(f.loc.field(at, "helps")),
                format!("{what} helps no worry and has no speciality, so it can meet no need"),
                "list the worry categories it helps, e.g. helps: [Living, Relationships]",
            );
        }
        let helps_bits = helps.iter().fold(0, |b, w| b | w.bit());
        let speciality_bits = specs
            .iter()
            .filter(|s| s.index() < 64)
            .fold(0u64, |b, s| b | (1 << s.index()));
        Connection {
            key: c.id.to_owned(),
            name,
            kind: match c.kind {
                RawConnectionKind::Public => ConnectionKind::Public,
                RawConnectionKind::Informal => ConnectionKind::Informal,
            },
            specialities: specs,
            helps,
            description,
            in_deck: true,
            idea_cost: None,
            helps_bits,
            speciality_bits,
        }
    }

    fn residents(
        &mut self,
        file: &str,
        raw: &RawResidents,
        districts: &[&str],
        specs: &[&str],
        cards: &[Connection],
    ) -> Vec<Resident> {
        let f = self.ctx(file);
        let offsets = self.ids(&f, raw.residents.iter().map(|r| r.id.as_str()), "resident");
        if raw.residents.is_empty() {
            self.err(
                file,
                Some(0),
                "the scenario has no residents",
                "add Resident(…) cards",
            );
        }
        let mut out = Vec::new();
        for (r, &at) in raw.residents.iter().zip(&offsets) {
            let what = format!("resident \"{}\"", r.id);
            let district = match districts.iter().position(|d| *d == r.district) {
                Some(i) => DistrictId::from_index(i),
                None => {
                    self.err(
                        file,
                        Some(f.loc.value(at, "district", &r.district)),
                        format!("{what} is in unknown district \"{}\"", r.district),
                        format!("use a district id from the map: {}", districts.join(", ")),
                    );
                    DistrictId::from_index(0)
                }
            };
            let name = self.text(
                &f,
                f.loc.field(at, "name"),
                &r.name,
                &format!("{what} name"),
                true,
            );
            let notice = self.text(
                &f,
                f.loc.field(at, "notice"),
                &r.notice,
                &format!("{what} notice"),
                true,
            );
            let worry_text = self.text(
                &f,
                f.loc.field(at, "worry_text"),
                &r.worry_text,
                &format!("{what} worry_text"),
                true,
            );
            let mut needs = Vec::new();
            let mut ok = true;
            for n in &r.needs {
                match n {
                    RawNeed::Worry(w) => needs.push(Need::Worry(worry(*w))),
                    RawNeed::Tag(t) => match specs.iter().position(|s| s == t) {
                        Some(i) => needs.push(Need::Speciality(SpecialityId::from_index(i))),
                        None => {
                            ok = false;
                            self.err(file, Some(f.loc.value(at, "needs", t)), format!("{what} needs unknown speciality \"{t}\""), "use a speciality id declared in the connections file, or declare this one there");
                        }
                    },
                }
            }
            if r.needs.is_empty() || r.needs.len() > 6 {
                self.err(
                    file,
                    Some(f.loc.field(at, "needs")),
                    format!("{what} has {} needs", r.needs.len()),
                    "give each resident 1 to 6 needs",
                );
            } else if ok && !can_meet_all(&needs, cards) {
                let lacking: Vec<String> = needs
                    .iter()
                    .filter(|n| !cards.iter().any(|c| c.meets(**n)))
                    .map(|n| match n {
                        Need::Worry(w) => format!("worry {w:?}"),
                        Need::Speciality(s) => format!("speciality \"{}\"", specs[s.index()]),
                    })
                    .collect();
                let (message, hint) = if lacking.is_empty() {
                    (
                        format!(
                            "{what} has more needs than the deck has distinct fitting connections"
                        ),
                        "add connections that meet these needs, or reduce the needs".to_owned(),
                    )
                } else {
                    (
                        format!(
                            "{what} needs {} but no connection offers it",
                            lacking.join(" and ")
                        ),
                        "add a connection that meets this need, or change the need".to_owned(),
                    )
                };
                self.err(file, Some(f.loc.field(at, "needs")), message, hint);
            }
            let trust = self.small(
                &f,
                f.loc.field(at, "trust"),
                r.trust,
                0..=5,
                &format!("{what} trust"),
            );
            let referred_by = (!r.referred_by.is_empty()).then(|| {
                self.text(
                    &f,
                    f.loc.field(at, "referred_by"),
                    &r.referred_by,
                    &format!("{what} referred_by"),
                    true,
                )
            });
            if r.overlaps.len() > 3 {
                self.err(
                    file,
                    Some(f.loc.field(at, "overlaps")),
                    format!("{what} has {} overlapping worries", r.overlaps.len()),
                    "list at most 3 worries in `overlaps`",
                );
            }
            out.push(Resident {
                trust,
                refuses_first: r.refuses_first,
                referred_by,
                overlaps: r.overlaps.iter().take(3).map(|&w| worry(w)).collect(),
                key: r.id.clone(),
                district,
                name,
                age: age(r.age),
                household: household(r.household),
                notice,
                worry: worry(r.worry),
                worry_text,
                needs,
            });
        }
        out
    }

    fn roles(&mut self, file: &str, raw: &RawRoles) -> Vec<Role> {
        let f = self.ctx(file);
        let offsets = self.ids(&f, raw.roles.iter().map(|r| r.id.as_str()), "role");
        let mut out = Vec::new();
        for (r, &at) in raw.roles.iter().zip(&offsets) {
            let what = format!("role \"{}\"", r.id);
            let name = self.text(
                &f,
                f.loc.field(at, "name"),
                &r.name,
                &format!("{what} name"),
                true,
            );
            let ability_text = self.text(
                &f,
                f.loc.field(at, "ability_text"),
                &r.ability_text,
                &format!("{what} ability_text"),
                true,
            );
            let flavour = self.text(
                &f,
                f.loc.field(at, "flavour"),
                &r.flavour,
                &format!("{what} flavour"),
                false,
            );
            let ab_at = f.loc.field(at, "abilities");
            if r.abilities.is_empty() {
                self.err(
                    file,
                    Some(ab_at),
                    format!("{what} has no abilities"),
                    "give it one ability, e.g. abilities: [FreeListens(1)]",
                );
            } else if r.abilities.len() > super::bounds::MAX_ABILITIES {
                self.err(
                    file,
                    Some(ab_at),
                    format!(
                        "{what} has {} abilities; a role may have at most {}",
                        r.abilities.len(),
                        super::bounds::MAX_ABILITIES
                    ),
                    "give the role one or two abilities; write ExtraHandLimit(2) rather than two ExtraHandLimit(1)",
                );
            }
            let abilities = r
                .abilities
                .iter()
                .map(|a| match *a {
                    RawAbility::FreeListens(n) => Ability::FreeListens(self.small(
                        &f,
                        ab_at,
                        n,
                        1..=5,
                        &format!("{what} FreeListens"),
                    )),
                    RawAbility::WaiveNeed(w) => Ability::WaiveNeed(worry(w)),
                    RawAbility::ExtraHandLimit(n) => Ability::ExtraHandLimit(self.small(
                        &f,
                        ab_at,
                        n,
                        1..=10,
                        &format!("{what} ExtraHandLimit"),
                    )),
                    RawAbility::ConnectPeek(n) => Ability::ConnectPeek(self.small(
                        &f,
                        ab_at,
                        n,
                        1..=10,
                        &format!("{what} ConnectPeek"),
                    )),
                    RawAbility::HomeDistrictReveal => Ability::HomeDistrictReveal,
                    RawAbility::ExtraActions(n) => Ability::ExtraActions(self.small(
                        &f,
                        ab_at,
                        n,
                        1..=5,
                        &format!("{what} ExtraActions"),
                    )),
                })
                .collect();
            out.push(Role {
                key: r.id.clone(),
                name,
                ability_text,
                flavour,
                abilities,
            });
        }
        out
    }

    fn events(
        &mut self,
        file: &str,
        raw: &RawEvents,
        districts: &[&str],
        conns: &RawConnections,
    ) -> Vec<EventCard> {
        let f = self.ctx(file);
        let offsets = self.ids(&f, raw.events.iter().map(|e| e.id.as_str()), "event");
        let mut out = Vec::new();
        for (e, &at) in raw.events.iter().zip(&offsets) {
            let what = format!("event \"{}\"", e.id);
            let name = self.text(
                &f,
                f.loc.field(at, "name"),
                &e.name,
                &format!("{what} name"),
                true,
            );
            let text = self.text(
                &f,
                f.loc.field(at, "text"),
                &e.text,
                &format!("{what} text"),
                true,
            );
            let eff_at = f.loc.field(at, "effects");
            if e.effects.is_empty() {
                self.err(
                    file,
                    Some(eff_at),
                    format!("{what} has no effects"),
                    "add an effect, e.g. effects: [HiddenGainNeed]",
                );
            }
            let mut effects = Vec::new();
            for eff in &e.effects {
                let pick = |v: &mut Self, p: &RawDistrictPick| match p {
                    RawDistrictPick::Named(d) => match districts.iter().position(|k| k == d) {
                        Some(i) => Some(DistrictPick::Named(DistrictId::from_index(i))),
                        None => {
                            v.err(
                                file,
                                Some(f.loc.value(at, "effects", d)),
                                format!("{what} names unknown district \"{d}\""),
                                format!("use a district id from the map: {}", districts.join(", ")),
                            );
                            None
                        }
                    },
                    RawDistrictPick::Random => Some(DistrictPick::Random),
                    RawDistrictPick::MostLoaded => Some(DistrictPick::MostLoaded),
                };
                let effect = match eff {
                    RawEffect::Arrivals { place, count } => {
                        let count = self.small(
                            &f,
                            eff_at,
                            *count,
                            1..=10,
                            &format!("{what} Arrivals count"),
                        );
                        let place = match place {
                            RawPlace::Everywhere => Some(Place::Everywhere),
                            RawPlace::District(p) => pick(self, p).map(Place::District),
                        };
                        place.map(|place| Effect::Arrivals { place, count })
                    }
                    RawEffect::HiddenGainNeed => Some(Effect::HiddenGainNeed),
                    RawEffect::RevealDistrict(p) => pick(self, p).map(Effect::RevealDistrict),
                    RawEffect::AddConnection(c) => match card_index(conns, c) {
                        Some((i, true)) => Some(Effect::AddConnection(ConnectionId::from_index(i))),
                        Some((_, false)) => {
                            self.err(file, Some(f.loc.value(at, "effects", c)), format!("{what} adds connection \"{c}\", which is already in the deck"), format!("set `copies: 0` on \"{c}\" so only this event brings it into play"));
                            None
                        }
                        None => {
                            self.err(
                                file,
                                Some(f.loc.value(at, "effects", c)),
                                format!("{what} adds unknown connection \"{c}\""),
                                "use a connection id from the connections file",
                            );
                            None
                        }
                    },
                    RawEffect::LoseConnection(n) => Some(Effect::LoseConnection(self.small(
                        &f,
                        eff_at,
                        *n,
                        1..=5,
                        &format!("{what} LoseConnection"),
                    ))),
                };
                effects.extend(effect);
            }
            let copies = self.small(
                &f,
                f.loc.field(at, "copies"),
                e.copies,
                0..=10,
                &format!("{what} copies"),
            );
            for _ in 0..copies {
                out.push(EventCard {
                    key: e.id.clone(),
                    name: name.clone(),
                    text: text.clone(),
                    effects: effects.clone(),
                });
            }
        }
        out
    }
}

/// The face of a connection card or a resource idea, as written.
pub(super) struct CardFace<'r> {
    pub id: &'r str,
    pub name: &'r RawText,
    pub kind: RawConnectionKind,
    pub specialities: &'r [String],
    pub helps: &'r [RawWorry],
    pub description: &'r RawText,
}

/// Index of a connection design's first physical card, and whether it is a reserve card.
fn card_index(conns: &RawConnections, id: &str) -> Option<(usize, bool)> {
    let mut index = 0;
    for c in &conns.connections {
        if c.id == id {
            return Some((index, c.copies == 0));
        }
        index += usize::try_from(c.copies.clamp(1, 10)).unwrap_or(1);
    }
    None
}

fn ron_hint(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::NoSuchStructField { .. } => {
            "check the field name's spelling; the scenarios README lists every field".into()
        }
        E::MissingStructField { field, .. } => format!("add `{field}: …` to this item"),
        E::NoSuchEnumVariant { expected, .. } => format!("use one of: {}", expected.join(", ")),
        E::ExpectedDifferentStructName { expected, .. } => format!("write `{expected}(` here"),
        E::Eof => "the file ends too early: look for a missing `)` or `]`".into(),
        _ => "check the RON syntax near here: brackets, quotes and commas between items".into(),
    }
}

fn parse_colour(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

fn content_hash(src: &Sources, files: &RawFiles) -> String {
    let mut h = blake3::Hasher::new();
    for name in [
        SCENARIO_FILE,
        &files.map,
        &files.residents,
        &files.connections,
        &files.roles,
        &files.events,
        &files.ideas,
    ] {
        // A deck without ideas hashes as it always did.
        if name.is_empty() {
            continue;
        }
        let text = src.get(name).unwrap_or("");
        h.update(name.as_bytes());
        h.update(&(text.len() as u64).to_le_bytes());
        h.update(text.as_bytes());
    }
    h.finalize().to_hex()[..16].to_owned()
}

fn worry(w: RawWorry) -> Worry {
    match w {
        RawWorry::Money => Worry::Money,
        RawWorry::Health => Worry::Health,
        RawWorry::Living => Worry::Living,
        RawWorry::Relationships => Worry::Relationships,
    }
}

fn pattern(p: RawPattern) -> Pattern {
    match p {
        RawPattern::Plain => Pattern::Plain,
        RawPattern::Dots => Pattern::Dots,
        RawPattern::Stripes => Pattern::Stripes,
        RawPattern::Grid => Pattern::Grid,
        RawPattern::Waves => Pattern::Waves,
        RawPattern::Checks => Pattern::Checks,
        RawPattern::Diagonal => Pattern::Diagonal,
    }
}

fn age(a: RawAgeBand) -> AgeBand {
    match a {
        RawAgeBand::Twenties => AgeBand::Twenties,
        RawAgeBand::Thirties => AgeBand::Thirties,
        RawAgeBand::Forties => AgeBand::Forties,
        RawAgeBand::Fifties => AgeBand::Fifties,
        RawAgeBand::Sixties => AgeBand::Sixties,
        RawAgeBand::Seventies => AgeBand::Seventies,
        RawAgeBand::Eighties => AgeBand::Eighties,
        RawAgeBand::Nineties => AgeBand::Nineties,
    }
}

fn household(h: RawHousehold) -> Household {
    match h {
        RawHousehold::LivingAlone => Household::LivingAlone,
        RawHousehold::Couple => Household::Couple,
        RawHousehold::ElderlyCouple => Household::ElderlyCouple,
        RawHousehold::SingleParent => Household::SingleParent,
        RawHousehold::YoungCarer => Household::YoungCarer,
        RawHousehold::Household8050 => Household::Household8050,
        RawHousehold::WithFamily => Household::WithFamily,
        RawHousehold::MultiGeneration => Household::MultiGeneration,
        RawHousehold::SharedHouse => Household::SharedHouse,
    }
}
