//! Deck validation: every kind of problem is reported with its exact file,
//! line and column, all problems are collected at once, and the built-in
//! deck both loads and meets the content brief.
//!
//! Each case starts from the small valid deck in `tests/fixtures/mini`,
//! changes one snippet of text in memory, and loads the result.

use std::collections::BTreeSet;

use community_coping::content::{
    AgeBand, Content, Diagnostic, Effect, Household, Loaded, Severity, Sources, Text,
    default_content, default_sources, load, load_dir,
};

mod common;

use common::DECK_FILES;

/// The mini deck's files as `(name, text)`.
fn mini_files() -> Vec<(String, String)> {
    DECK_FILES
        .iter()
        .map(|name| {
            let path = format!("{}/tests/fixtures/mini/{name}", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
            ((*name).to_owned(), text)
        })
        .collect()
}

/// Replaces the one occurrence of `from` in `file` by `to`.
fn apply(files: &mut [(String, String)], (file, from, to): (&str, &str, &str)) {
    let (_, text) = files
        .iter_mut()
        .find(|(n, _)| n == file)
        .unwrap_or_else(|| panic!("no file {file} in the mini deck"));
    assert_eq!(
        text.matches(from).count(),
        1,
        "the edit's `from` must occur exactly once in {file}: {from:?}"
    );
    *text = text.replacen(from, to, 1);
}

/// Loads `files` under the display root "mini".
fn load_files(files: &[(String, String)]) -> Result<Loaded, Vec<Diagnostic>> {
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    load(&Sources::in_memory("mini", &refs)).map_err(|e| e.0)
}

/// The mini deck with `edits` applied, loaded.
fn load_mini(edits: &[(&str, &str, &str)]) -> Result<Loaded, Vec<Diagnostic>> {
    let mut files = mini_files();
    for &e in edits {
        apply(&mut files, e);
    }
    load_files(&files)
}

/// Every diagnostic of a deck that must fail to load.
fn diagnostics(edits: &[(&str, &str, &str)]) -> Vec<Diagnostic> {
    match load_mini(edits) {
        Ok(l) => panic!(
            "the deck loaded, but errors were expected (warnings: {:#?})",
            l.warnings
        ),
        Err(d) => {
            assert!(
                d.iter().any(Diagnostic::is_error),
                "Err without any error: {d:#?}"
            );
            d
        }
    }
}

/// The errors of a deck that must fail to load.
fn errors(edits: &[(&str, &str, &str)]) -> Vec<Diagnostic> {
    diagnostics(edits)
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect()
}

/// Finds the one diagnostic whose message contains `key` and checks where it points.
#[track_caller]
fn expect_at<'a>(
    diags: &'a [Diagnostic],
    key: &str,
    severity: Severity,
    file: &str,
    line: usize,
    column: usize,
    culprits: &[&str],
) -> &'a Diagnostic {
    let found: Vec<&Diagnostic> = diags.iter().filter(|d| d.message.contains(key)).collect();
    assert_eq!(
        found.len(),
        1,
        "expected exactly one diagnostic mentioning {key:?}, got: {diags:#?}"
    );
    let d = found[0];
    assert_eq!(
        (d.file.as_str(), d.line, d.column, d.severity),
        (file, line, column, severity),
        "wrong place or severity for {d:#?}"
    );
    for c in culprits {
        assert!(
            d.message.contains(c),
            "message {:?} does not name {c:?}",
            d.message
        );
    }
    assert!(!d.hint.trim().is_empty(), "empty hint: {d:#?}");
    d
}

#[track_caller]
fn expect_error<'a>(
    diags: &'a [Diagnostic],
    key: &str,
    file: &str,
    line: usize,
    column: usize,
    culprits: &[&str],
) -> &'a Diagnostic {
    expect_at(diags, key, Severity::Error, file, line, column, culprits)
}

// ---------------------------------------------------------------------------
// The fixture itself

#[test]
fn mini_deck_loads_with_only_warnings() {
    let loaded = load_mini(&[]).expect("the mini deck is valid");
    assert!(loaded.warnings.iter().all(|d| !d.is_error()));
    assert_eq!(loaded.content.residents().len(), 12);
    assert_eq!(loaded.content.districts().len(), 2);
}

#[test]
fn deck_too_small_is_a_warning_and_still_loads() {
    let loaded = load_mini(&[]).expect("warnings do not stop loading");
    let d = expect_at(
        &loaded.warnings,
        "resident deck has 12 cards",
        Severity::Warning,
        "mini/scenario.ron",
        8,
        5,
        &["12", "20"],
    );
    assert!(d.message.contains("3 years"), "{}", d.message);
    // The two-district map is also only a warning, at the top of map.ron.
    expect_at(
        &loaded.warnings,
        "the map has 2 districts",
        Severity::Warning,
        "mini/map.ron",
        1,
        1,
        &["2"],
    );
}

// ---------------------------------------------------------------------------
// RON syntax and shape

#[test]
fn missing_comma_points_at_ron_position_after_japanese_text() {
    // Column counts characters, not bytes: "東" is one column.
    let d = errors(&[(
        "map.ron",
        r#"name: {"ja": "東", "en": "East"}, position"#,
        r#"name: {"ja": "東", "en": "East"} position"#,
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(&d, "cannot read the map", "mini/map.ron", 2, 55, &[]);
    assert!(
        e.message.to_lowercase().contains("comma"),
        "message should say a comma is expected: {}",
        e.message
    );
}

#[test]
fn missing_closing_bracket_points_at_the_wrong_closer() {
    // `Arrivals(` is closed by `]` instead of `)`: ron stops at that `]`.
    let d = errors(&[("events.ron", "count: 1)]),", "count: 1]),")]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(&d, "cannot read the events", "mini/events.ron", 2, 158, &[]);
    assert!(!e.hint.is_empty());
}

#[test]
fn unclosed_list_at_end_of_file_points_after_the_last_item() {
    // The closing `])` of the file is gone: ron expects more right after `)])`.
    let d = errors(&[("events.ron", "count: 1)]),\n])", "count: 1)])\n")]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(&d, "cannot read the events", "mini/events.ron", 2, 161, &[]);
}

#[test]
fn unknown_field_points_at_the_field_name() {
    let d = errors(&[("map.ron", r##"colour: "#0072B2""##, r##"color: "#0072B2""##)]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(&d, "color", "mini/map.ron", 4, 9, &["color"]);
}

#[test]
fn unknown_enum_variant_points_at_the_variant() {
    let d = errors(&[(
        "residents.ron",
        r#"worry: Money, worry_text: {"ja": "悩み4""#,
        r#"worry: Mony, worry_text: {"ja": "悩み4""#,
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(&d, "Mony", "mini/residents.ron", 9, 62, &["Mony"]);
    assert!(
        e.hint.contains("Money"),
        "hint should list the variants: {e:#?}"
    );
}

#[test]
fn missing_file_listed_in_files() {
    let d = errors(&[("scenario.ron", r#"map: "map.ron""#, r#"map: "town.ron""#)]);
    assert_eq!(d.len(), 1, "{d:#?}");
    // A file that does not exist has no line: the diagnostic names the whole file.
    let e = expect_error(&d, "is missing", "mini/town.ron", 0, 0, &["town.ron"]);
    assert!(e.hint.contains("files"), "{e:#?}");
}

#[test]
fn missing_scenario_file() {
    let files: Vec<(String, String)> = mini_files()
        .into_iter()
        .filter(|(n, _)| n != "scenario.ron")
        .collect();
    let d = load_files(&files).expect_err("no scenario.ron");
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(&d, "missing", "mini/scenario.ron", 0, 0, &["scenario.ron"]);
}

// ---------------------------------------------------------------------------
// References between items

#[test]
fn duplicate_resident_id_points_at_the_second() {
    let d = errors(&[("residents.ron", r#"id: "r-05""#, r#"id: "r-04""#)]);
    assert_eq!(d.len(), 1, "{d:#?}");
    // The message also says where the first "r-04" is.
    expect_error(
        &d,
        "duplicate",
        "mini/residents.ron",
        10,
        14,
        &["r-04", "(the first is at mini/residents.ron:8:14)"],
    );
}

#[test]
fn resident_in_unknown_district() {
    let d = errors(&[(
        "residents.ron",
        r#"id: "r-02", district: "b""#,
        r#"id: "r-02", district: "z""#,
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(
        &d,
        "unknown district",
        "mini/residents.ron",
        4,
        36,
        &["r-02", "\"z\""],
    );
    assert!(e.hint.contains('a') && e.hint.contains('b'), "{e:#?}");
}

#[test]
fn unknown_neighbour() {
    let d = diagnostics(&[("map.ron", r#"neighbours: ["b"]"#, r#"neighbours: ["q"]"#)]);
    let errors: Vec<Diagnostic> = d.iter().filter(|x| x.is_error()).cloned().collect();
    assert_eq!(errors.len(), 1, "{d:#?}");
    expect_error(
        &errors,
        "unknown neighbour",
        "mini/map.ron",
        4,
        69,
        &["\"a\"", "\"q\""],
    );
}

#[test]
fn unknown_speciality_in_a_need_points_at_the_tag() {
    let d = errors(&[(
        "residents.ron",
        r#"needs: [Worry(Relationships), Tag("nurse")]"#,
        r#"needs: [Worry(Relationships), Tag("nurze")]"#,
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(
        &d,
        "unknown speciality",
        "mini/residents.ron",
        7,
        155,
        &["r-03", "\"nurze\""],
    );
}

#[test]
fn unknown_speciality_on_a_connection() {
    let d = errors(&[(
        "connections.ron",
        r#"specialities: ["nurse"]"#,
        r#"specialities: ["nurze"]"#,
    )]);
    let in_connections: Vec<Diagnostic> = d
        .iter()
        .filter(|x| x.file == "mini/connections.ron")
        .cloned()
        .collect();
    assert_eq!(in_connections.len(), 1, "{d:#?}");
    expect_error(
        &in_connections,
        "unknown speciality",
        "mini/connections.ron",
        10,
        100,
        &["c-nurse", "\"nurze\""],
    );
    // With no card offering "nurse", the residents needing it are reported too.
    assert!(
        d.iter()
            .any(|x| x.file == "mini/residents.ron" && x.message.contains("nurse")),
        "{d:#?}"
    );
}

#[test]
fn needs_more_cards_than_the_deck_has() {
    // Two "nurse" cards in the deck cannot meet three "nurse" needs.
    let d = errors(&[(
        "residents.ron",
        r#"needs: [Worry(Money), Tag("nurse")]"#,
        r#"needs: [Tag("nurse"), Tag("nurse"), Tag("nurse")]"#,
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(
        &d,
        "more needs than",
        "mini/residents.ron",
        25,
        115,
        &["r-12"],
    );
}

#[test]
fn need_no_connection_offers() {
    let d = errors(&[
        (
            "connections.ron",
            r#"Speciality(id: "nurse", name: {"ja": "保健師", "en": "Public-health nurse"}),"#,
            r#"Speciality(id: "nurse", name: {"ja": "保健師", "en": "Public-health nurse"}),
        Speciality(id: "lawyer", name: {"ja": "弁護士", "en": "Lawyer"}),"#,
        ),
        (
            "residents.ron",
            r#"needs: [Worry(Money), Tag("nurse")]"#,
            r#"needs: [Worry(Money), Tag("lawyer")]"#,
        ),
    ]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(
        &d,
        "no connection offers",
        "mini/residents.ron",
        25,
        115,
        &["r-12", "\"lawyer\""],
    );
}

// ---------------------------------------------------------------------------
// Languages

#[test]
fn text_missing_a_declared_language() {
    let d = errors(&[(
        "residents.ron",
        r#"name: {"ja": "住民1", "en": "Resident 1"}"#,
        r#"name: {"ja": "住民1"}"#,
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(
        &d,
        "no text for declared language",
        "mini/residents.ron",
        2,
        41,
        &["r-01", "name", "\"en\""],
    );
}

#[test]
fn every_text_lacks_an_added_language() {
    let d = errors(&[(
        "scenario.ron",
        r#"languages: ["ja", "en"]"#,
        r#"languages: ["ja", "en", "fr"]"#,
    )]);
    assert!(
        d.iter().all(|e| e.message.contains("\"fr\"")),
        "every error is about \"fr\": {d:#?}"
    );
    expect_error(&d, "scenario title", "mini/scenario.ron", 5, 5, &["\"fr\""]);
    expect_error(
        &d,
        "resident \"r-12\" name",
        "mini/residents.ron",
        24,
        41,
        &["\"fr\""],
    );
    // Every file with text is reported on, not only the first.
    let files: BTreeSet<&str> = d.iter().map(|e| e.file.as_str()).collect();
    assert_eq!(files.len(), 6, "{files:?}");
}

#[test]
fn languages_must_include_japanese() {
    let d = diagnostics(&[(
        "scenario.ron",
        r#"languages: ["ja", "en"]"#,
        r#"languages: ["en"]"#,
    )]);
    let errors: Vec<Diagnostic> = d.iter().filter(|x| x.is_error()).cloned().collect();
    assert_eq!(errors.len(), 1, "{d:#?}");
    expect_error(
        &errors,
        "does not include",
        "mini/scenario.ron",
        6,
        5,
        &["languages", "\"ja\""],
    );
}

// ---------------------------------------------------------------------------
// scenario.ron numbers and ids

#[test]
fn parameter_out_of_range_in_params() {
    let d = errors(&[(
        "scenario.ron",
        "collapse_threshold: 4,",
        "collapse_threshold: 99,",
    )]);
    expect_error(
        &d,
        "params: `collapse_threshold`",
        "mini/scenario.ron",
        16,
        9,
        &["99"],
    );
}

#[test]
fn parameter_out_of_range_in_a_difficulty_override() {
    let d = errors(&[(
        "scenario.ron",
        r#""collapse_threshold": 2"#,
        r#""collapse_threshold": 0"#,
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(
        &d,
        "collapse_threshold",
        "mini/scenario.ron",
        26,
        82,
        &["\"tight\"", "0"],
    );
}

#[test]
fn unknown_override_key() {
    let d = errors(&[(
        "scenario.ron",
        r#""actions_per_turn": 1"#,
        r#""actions_per_tern": 1"#,
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(
        &d,
        "unknown parameter",
        "mini/scenario.ron",
        26,
        107,
        &["\"tight\"", "\"actions_per_tern\""],
    );
    assert!(e.hint.contains("actions_per_turn"), "{e:#?}");
}

#[test]
fn unknown_default_difficulty() {
    let d = errors(&[(
        "scenario.ron",
        r#"default_difficulty: "standard""#,
        r#"default_difficulty: "hard""#,
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(
        &d,
        "default_difficulty",
        "mini/scenario.ron",
        28,
        5,
        &["\"hard\""],
    );
    assert!(e.hint.contains("\"standard\""), "{e:#?}");
}

#[test]
fn default_roles_with_an_unknown_role() {
    let d = errors(&[(
        "scenario.ron",
        r#"default_roles: ["plain", "listener"]"#,
        r#"default_roles: ["plain", "lisener"]"#,
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(
        &d,
        "unknown role",
        "mini/scenario.ron",
        29,
        30,
        &["\"lisener\""],
    );
}

#[test]
fn default_roles_with_a_repeated_role_points_at_the_repeat() {
    let d = errors(&[(
        "scenario.ron",
        r#"default_roles: ["plain", "listener"]"#,
        r#"default_roles: ["plain", "plain"]"#,
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(
        &d,
        "appears twice",
        "mini/scenario.ron",
        29,
        30,
        &["\"plain\""],
    );
}

// ---------------------------------------------------------------------------
// Events and the map

#[test]
fn add_connection_of_a_card_already_in_the_deck() {
    let d = errors(&[(
        "events.ron",
        "count: 1)]",
        r#"count: 1), AddConnection("c-money")]"#,
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(
        &d,
        "already in the deck",
        "mini/events.ron",
        2,
        175,
        &["e-flu", "\"c-money\""],
    );
    assert!(e.hint.contains("copies: 0"), "{e:#?}");
}

#[test]
fn add_connection_of_an_unknown_card() {
    let d = errors(&[(
        "events.ron",
        "count: 1)]",
        r#"count: 1), AddConnection("c-nope")]"#,
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(
        &d,
        "unknown connection",
        "mini/events.ron",
        2,
        175,
        &["e-flu", "\"c-nope\""],
    );
}

#[test]
fn add_connection_of_a_reserve_card_is_fine() {
    let loaded = load_mini(&[(
        "events.ron",
        "count: 1)]",
        r#"count: 1), AddConnection("c-new")]"#,
    )])
    .expect("c-new has copies: 0");
    let effects = &loaded.content.events()[0].effects;
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::AddConnection(_))),
        "{effects:?}"
    );
}

#[test]
fn bad_colour() {
    let d = errors(&[(
        "map.ron",
        r##"colour: "#0072B2""##,
        r##"colour: "#0072BZ""##,
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(&d, "colour", "mini/map.ron", 4, 9, &["\"a\"", "#0072BZ"]);
    assert!(
        e.hint.contains("#RRGGBB") || e.hint.contains("hex"),
        "{e:#?}"
    );
}

// ---------------------------------------------------------------------------
// Collecting everything, never half-loading

#[test]
fn all_problems_in_all_files_are_collected() {
    let d = errors(&[
        (
            "map.ron",
            r##"colour: "#0072B2""##,
            r##"colour: "#0072BZ""##,
        ),
        (
            "residents.ron",
            r#"id: "r-02", district: "b""#,
            r#"id: "r-02", district: "z""#,
        ),
        (
            "scenario.ron",
            r#""actions_per_turn": 1"#,
            r#""actions_per_tern": 1"#,
        ),
    ]);
    assert_eq!(d.len(), 3, "{d:#?}");
    let files: BTreeSet<&str> = d.iter().map(|e| e.file.as_str()).collect();
    assert_eq!(
        files,
        BTreeSet::from(["mini/map.ron", "mini/residents.ron", "mini/scenario.ron"])
    );
}

#[test]
fn syntax_errors_in_several_files_are_all_reported() {
    let d = errors(&[
        (
            "map.ron",
            r#"name: {"ja": "東", "en": "East"}, position"#,
            r#"name: {"ja": "東", "en": "East"} position"#,
        ),
        (
            "residents.ron",
            r#"worry: Money, worry_text: {"ja": "悩み4""#,
            r#"worry: Mony, worry_text: {"ja": "悩み4""#,
        ),
    ]);
    assert_eq!(d.len(), 2, "{d:#?}");
    assert_eq!(
        d.iter()
            .map(|e| (e.file.as_str(), e.line, e.column))
            .collect::<Vec<_>>(),
        [("mini/map.ron", 2, 55), ("mini/residents.ron", 9, 62)]
    );
}

#[test]
fn diagnostics_come_sorted_errors_first() {
    let d = diagnostics(&[
        ("map.ron", r#"neighbours: ["b"]"#, r#"neighbours: ["q"]"#),
        ("map.ron", r##"colour: "#E69F00""##, r##"colour: "orange""##),
    ]);
    let first_warning = d.iter().position(|x| !x.is_error()).unwrap_or(d.len());
    assert!(
        d[first_warning..].iter().all(|x| !x.is_error()),
        "errors come before warnings: {d:#?}"
    );
    let keys: Vec<_> = d[..first_warning]
        .iter()
        .map(|x| (x.file.clone(), x.line, x.column))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn a_malformed_deck_is_never_half_loaded() {
    // A syntax error in one file: the other files are still checked, but nothing loads.
    let r = load_mini(&[("roles.ron", "Roles(roles: [", "Roles(roles: ")]);
    let d = r.expect_err("a malformed deck must not load");
    assert!(d.iter().any(|x| x.file == "mini/roles.ron" && x.is_error()));
    // A reference error (files parse fine) also returns Err, not content.
    assert!(load_mini(&[("residents.ron", r#"id: "r-05""#, r#"id: "r-04""#)]).is_err());
    // Garbage in every file.
    let garbage: Vec<(String, String)> = DECK_FILES
        .iter()
        .map(|n| ((*n).to_owned(), "(((".to_owned()))
        .collect();
    let d = load_files(&garbage).expect_err("garbage");
    assert!(!d.is_empty() && d.iter().all(|x| x.file == "mini/scenario.ron"));
}

#[test]
fn rendered_diagnostic_shows_place_source_and_caret() {
    let d = errors(&[(
        "residents.ron",
        r#"id: "r-02", district: "b""#,
        r#"id: "r-02", district: "z""#,
    )]);
    let text = d[0].render();
    assert!(text.starts_with("error: "), "{text}");
    assert!(text.contains("--> mini/residents.ron:4:36"), "{text}");
    assert!(
        text.contains(r#"4 |     Resident(id: "r-02", district: "z""#),
        "{text}"
    );
    let caret = text
        .lines()
        .find(|l| l.trim_end().ends_with('^'))
        .expect("a caret line");
    let source = text
        .lines()
        .find(|l| l.starts_with("4 | "))
        .expect("the source line");
    // The caret sits under the opening quote of "z".
    assert_eq!(caret.find('^'), source.find("\"z\""), "{text}");
    assert!(text.contains("= help: "), "{text}");
}

// ---------------------------------------------------------------------------
// The built-in deck

fn default_deck() -> std::sync::Arc<Content> {
    match default_content() {
        Ok(c) => c,
        Err(e) => {
            let all: String = e.0.iter().map(Diagnostic::render).collect();
            panic!("the default deck does not load:\n{all}");
        }
    }
}

#[test]
fn default_deck_loads_without_errors() {
    let loaded = load(&default_sources()).expect("the default deck loads");
    assert!(
        loaded.warnings.iter().all(|d| !d.is_error()),
        "{:#?}",
        loaded.warnings
    );
    default_deck();
}

#[test]
fn default_deck_on_disk_matches_the_embedded_one() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/default");
    let from_disk = load_dir(&dir).expect("scenarios/default loads");
    let embedded = default_deck();
    assert_eq!(from_disk.content.content_hash(), embedded.content_hash());
    assert_eq!(from_disk.content.residents(), embedded.residents());
}

#[test]
fn default_deck_meets_the_content_brief() {
    let c = default_deck();
    assert!(
        c.residents().len() >= 70,
        "{} residents",
        c.residents().len()
    );
    let in_deck = c.connections().iter().filter(|x| x.in_deck).count();
    assert!(in_deck >= 36, "{in_deck} connection cards in the deck");
    assert_eq!(c.roles().len(), 6);
    let event_kinds: BTreeSet<&str> = c.events().iter().map(|e| e.key.as_str()).collect();
    assert!(
        event_kinds.len() >= 8,
        "{} distinct events",
        event_kinds.len()
    );
    assert!(c.difficulties().len() >= 3);
    for id in ["intro", "standard", "challenge"] {
        assert!(c.difficulty(id).is_some(), "no difficulty {id:?}");
    }
    assert_eq!(c.debrief_questions().len(), 8);
    assert_eq!(c.districts().len(), 6);
    assert_eq!(c.default_roles().len(), 6);
    for lang in ["ja", "en"] {
        assert!(c.languages().iter().any(|l| l == lang), "{lang}");
    }
}

#[test]
fn default_deck_residents_span_ages_and_households() {
    let c = default_deck();
    let ages: Vec<AgeBand> = c.residents().iter().map(|r| r.age).collect();
    assert_eq!(ages.iter().min(), Some(&AgeBand::Twenties));
    assert_eq!(ages.iter().max(), Some(&AgeBand::Nineties));
    let working_age = ages.iter().filter(|a| **a <= AgeBand::Fifties).count();
    assert!(
        working_age * 10 >= ages.len() * 3,
        "{working_age} of {} residents are aged 20s–50s (need ≥ 30 %)",
        ages.len()
    );
    let households: BTreeSet<Household> = c.residents().iter().map(|r| r.household).collect();
    for h in [
        Household::LivingAlone,
        Household::ElderlyCouple,
        Household::SingleParent,
        Household::YoungCarer,
        Household::Household8050,
    ] {
        assert!(households.contains(&h), "no resident with household {h:?}");
    }
}

#[test]
fn default_deck_uses_every_event_effect_kind() {
    let c = default_deck();
    let mut kinds = BTreeSet::new();
    for e in c.events() {
        for eff in &e.effects {
            kinds.insert(match eff {
                Effect::Arrivals { .. } => "Arrivals",
                Effect::HiddenGainNeed => "HiddenGainNeed",
                Effect::RevealDistrict(_) => "RevealDistrict",
                Effect::AddConnection(_) => "AddConnection",
                Effect::LoseConnection(_) => "LoseConnection",
            });
        }
    }
    assert_eq!(
        kinds,
        BTreeSet::from([
            "Arrivals",
            "HiddenGainNeed",
            "RevealDistrict",
            "AddConnection",
            "LoseConnection"
        ])
    );
}

#[test]
fn default_deck_has_japanese_and_english_everywhere() {
    let c = default_deck();
    let mut texts: Vec<(String, &Text)> = vec![
        ("title".into(), c.title()),
        ("description".into(), c.description()),
    ];
    for d in c.difficulties() {
        texts.push((format!("difficulty {} name", d.id), &d.name));
        texts.push((format!("difficulty {} description", d.id), &d.description));
    }
    for u in c.coping_track() {
        texts.push((format!("unlock at {}", u.at), &u.text));
    }
    for (i, q) in c.debrief_questions().iter().enumerate() {
        texts.push((format!("debrief question {}", i + 1), q));
    }
    for d in c.districts() {
        texts.push((format!("district {} name", d.key), &d.name));
    }
    for r in c.residents() {
        texts.push((format!("resident {} name", r.key), &r.name));
        texts.push((format!("resident {} notice", r.key), &r.notice));
        texts.push((format!("resident {} worry_text", r.key), &r.worry_text));
    }
    for s in c.specialities() {
        texts.push((format!("speciality {} name", s.key), &s.name));
    }
    for x in c.connections() {
        texts.push((format!("connection {} name", x.key), &x.name));
        texts.push((format!("connection {} description", x.key), &x.description));
    }
    for r in c.roles() {
        texts.push((format!("role {} name", r.key), &r.name));
        texts.push((format!("role {} ability_text", r.key), &r.ability_text));
        texts.push((format!("role {} flavour", r.key), &r.flavour));
    }
    for e in c.events() {
        texts.push((format!("event {} name", e.key), &e.name));
        texts.push((format!("event {} text", e.key), &e.text));
    }
    let missing: Vec<String> = texts
        .iter()
        .flat_map(|(what, t)| {
            ["ja", "en"]
                .into_iter()
                .filter(|l| !t.has(l))
                .map(move |l| format!("{what} lacks {l}"))
        })
        .collect();
    assert!(missing.is_empty(), "{missing:#?}");
}

// ---------------------------------------------------------------------------
// Totals from several places stay bounded (hand limit, actions, listens, peeks)

#[test]
fn hand_limit_at_the_bound_loads() {
    // 20 (params) + 9 (the keeper's ExtraHandLimit) + 1 (coping track) = 30.
    load_mini(&[
        ("scenario.ron", "hand_limit: 3,", "hand_limit: 20,"),
        ("roles.ron", "ExtraHandLimit(2)", "ExtraHandLimit(9)"),
    ])
    .expect("a hand limit of exactly 30 is allowed");
}

#[test]
fn hand_limit_over_the_bound_blames_the_role() {
    let d = errors(&[
        ("scenario.ron", "hand_limit: 3,", "hand_limit: 20,"),
        ("roles.ron", "ExtraHandLimit(2)", "ExtraHandLimit(10)"),
    ]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(
        &d,
        "hand limit comes to 31",
        "mini/roles.ron",
        5,
        106,
        &[
            "\"keeper\"",
            "`hand_limit` 20",
            "ExtraHandLimit 10",
            "HandLimit 1",
            "at most 30",
        ],
    );
}

#[test]
fn a_role_stacking_hand_limit_abilities_cannot_overflow() {
    // 25 × ExtraHandLimit(10) on a hand limit of 20 once overflowed a u8 in the rules.
    let many = vec!["ExtraHandLimit(10)"; 25].join(", ");
    let d = errors(&[
        ("scenario.ron", "hand_limit: 3,", "hand_limit: 20,"),
        ("roles.ron", "ExtraHandLimit(2)", &many),
    ]);
    assert_eq!(d.len(), 2, "{d:#?}");
    expect_error(
        &d,
        "has 25 abilities",
        "mini/roles.ron",
        5,
        106,
        &["\"keeper\"", "at most 8"],
    );
    expect_error(
        &d,
        "hand limit comes to 271",
        "mini/roles.ron",
        5,
        106,
        &["ExtraHandLimit 250"],
    );
}

#[test]
fn coping_track_hand_limit_bonuses_over_the_bound_blame_the_parameter() {
    let d = errors(&[
        ("scenario.ron", "hand_limit: 3,", "hand_limit: 20,"),
        ("scenario.ron", "HandLimit(1)", "HandLimit(10)"),
        (
            "scenario.ron",
            "bonus: ListenExtraReveal",
            "bonus: HandLimit(10)",
        ),
    ]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(
        &d,
        "hand limit comes to 40",
        "mini/scenario.ron",
        11,
        9,
        &["difficulty \"standard\"", "`hand_limit` 20", "HandLimit 20"],
    );
}

#[test]
fn actions_per_turn_in_a_preset_at_and_over_the_bound() {
    // "tight": 10 actions + the plain role's 1 + the track's 1 = 12, the most allowed.
    let at_bound = (
        "scenario.ron",
        r#""actions_per_turn": 1"#,
        r#""actions_per_turn": 10"#,
    );
    load_mini(&[at_bound]).expect("12 actions per turn are allowed");
    let d = errors(&[
        at_bound,
        ("roles.ron", "ExtraActions(1)", "ExtraActions(2)"),
    ]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(
        &d,
        "actions per turn comes to 13",
        "mini/roles.ron",
        2,
        116,
        &["\"plain\"", "difficulty \"tight\"", "at most 12"],
    );
}

#[test]
fn free_listens_and_peeks_are_bounded() {
    let d = errors(&[
        (
            "roles.ron",
            "FreeListens(1)",
            "FreeListens(5), FreeListens(5)",
        ),
        (
            "roles.ron",
            "ConnectPeek(2)",
            "ConnectPeek(10), ConnectPeek(1)",
        ),
        (
            "scenario.ron",
            "bonus: ListenExtraReveal",
            "bonus: FreeListens(1)",
        ),
    ]);
    assert_eq!(d.len(), 2, "{d:#?}");
    expect_error(
        &d,
        "free Listens per turn comes to 11",
        "mini/roles.ron",
        3,
        120,
        &["\"listener\"", "at most 10"],
    );
    expect_error(
        &d,
        "cards seen with Connect comes to 11",
        "mini/roles.ron",
        6,
        102,
        &["\"soba\"", "at most 10"],
    );
}

// ---------------------------------------------------------------------------
// The calendar

#[test]
fn calendar_years_out_of_range_are_errors_not_overflows() {
    let d = errors(&[
        (
            "scenario.ron",
            "start_year: 2021,",
            "start_year: -2147483648,",
        ),
        ("scenario.ron", "end_year: 2023,", "end_year: 2147483647,"),
    ]);
    assert_eq!(d.len(), 2, "{d:#?}");
    expect_error(
        &d,
        "`start_year` is -2147483648",
        "mini/scenario.ron",
        7,
        5,
        &["1900..=2200"],
    );
    expect_error(
        &d,
        "`end_year` is 2147483647",
        "mini/scenario.ron",
        8,
        5,
        &["1900..=2200"],
    );
}

#[test]
fn a_game_lasts_at_most_fifty_years() {
    // 2021..=2070 is fifty years: allowed (the export bench stretches the default deck so).
    load_mini(&[("scenario.ron", "end_year: 2023,", "end_year: 2070,")])
        .expect("fifty years are allowed");
    let d = errors(&[("scenario.ron", "end_year: 2023,", "end_year: 2071,")]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(
        &d,
        "not a valid calendar",
        "mini/scenario.ron",
        8,
        5,
        &["51 years"],
    );
    assert!(e.hint.contains("at most 50 years"), "{e:#?}");
}

// ---------------------------------------------------------------------------
// Map shapes and cues

#[test]
fn outlines_that_leave_a_gap_are_errors_at_the_open_edge() {
    // "a" now stops at x = 0.4, leaving a strip before "b" starts at 0.5.
    let d = errors(&[
        (
            "map.ron",
            "position: (0.25, 0.5),\n        outline: [(0.0, 0.0), (0.5, 0.0), (0.5, 1.0), (0.0, 1.0)]",
            "position: (0.25, 0.5),\n        outline: [(0.0, 0.0), (0.4, 0.0), (0.4, 1.0), (0.0, 1.0)]",
        ),
        ("map.ron", r#"neighbours: ["b"]"#, "neighbours: []"),
        ("map.ron", r#"neighbours: ["a"]"#, "neighbours: []"),
    ]);
    assert_eq!(d.len(), 2, "{d:#?}");
    expect_error(
        &d,
        "district \"a\" outline edge (0.4, 0.0) to (0.4, 1.0)",
        "mini/map.ron",
        3,
        31,
        &["gap or overlap"],
    );
    expect_error(
        &d,
        "district \"b\" outline edge (0.5, 1.0) to (0.5, 0.0)",
        "mini/map.ron",
        6,
        55,
        &["gap or overlap"],
    );
}

#[test]
fn overlapping_districts_are_an_error() {
    // "a" reaches x = 0.6, over the left of "b".
    let d = errors(&[(
        "map.ron",
        "outline: [(0.0, 0.0), (0.5, 0.0), (0.5, 1.0), (0.0, 1.0)]",
        "outline: [(0.0, 0.0), (0.6, 0.0), (0.6, 1.0), (0.0, 1.0)]",
    )]);
    expect_error(
        &d,
        "districts \"a\" and \"b\" overlap",
        "mini/map.ron",
        6,
        9,
        &[],
    );
}

#[test]
fn a_label_outside_its_district_is_an_error() {
    let d = errors(&[("map.ron", "position: (0.25, 0.5)", "position: (0.75, 0.5)")]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(
        &d,
        "label position (0.75, 0.5) is not inside its outline",
        "mini/map.ron",
        2,
        56,
        &["\"a\""],
    );
}

#[test]
fn an_anticlockwise_outline_is_a_warning() {
    let loaded = load_mini(&[(
        "map.ron",
        "outline: [(0.0, 0.0), (0.5, 0.0), (0.5, 1.0), (0.0, 1.0)]",
        "outline: [(0.0, 0.0), (0.0, 1.0), (0.5, 1.0), (0.5, 0.0)]",
    )])
    .expect("orientation is a warning");
    expect_at(
        &loaded.warnings,
        "anticlockwise",
        Severity::Warning,
        "mini/map.ron",
        3,
        9,
        &["\"a\""],
    );
}

#[test]
fn neighbours_touching_only_at_a_corner_are_a_warning() {
    let quarters = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/map/quarters.ron"
    ))
    .expect("fixture");
    let mut files = mini_files();
    files
        .iter_mut()
        .find(|(n, _)| n == "map.ron")
        .expect("map.ron")
        .1 = quarters;
    let loaded = load_files(&files).expect("only warnings");
    let corner: Vec<&Diagnostic> = loaded
        .warnings
        .iter()
        .filter(|w| w.message.contains("only touch at a corner"))
        .collect();
    assert_eq!(corner.len(), 2, "{:#?}", loaded.warnings);
    expect_at(
        &loaded.warnings,
        "\"a\" lists \"d\"",
        Severity::Warning,
        "mini/map.ron",
        5,
        79,
        &["only touch at a corner"],
    );
    expect_at(
        &loaded.warnings,
        "\"d\" lists \"a\"",
        Severity::Warning,
        "mini/map.ron",
        14,
        70,
        &["only touch at a corner"],
    );
}

#[test]
fn an_emoji_symbol_is_an_error_and_two_characters_a_warning() {
    let d = diagnostics(&[
        ("map.ron", r#"symbol: "▲""#, r#"symbol: "🏠""#),
        ("map.ron", r#"symbol: "●""#, r#"symbol: "●●""#),
    ]);
    expect_error(&d, "is an emoji", "mini/map.ron", 4, 43, &["\"a\"", "🏠"]);
    expect_at(
        &d,
        "is 2 characters",
        Severity::Warning,
        "mini/map.ron",
        7,
        46,
        &["\"b\"", "●●"],
    );
}

#[test]
fn duplicate_colours_and_patterns_are_warnings_naming_the_first() {
    let loaded = load_mini(&[
        (
            "map.ron",
            r##"colour: "#E69F00""##,
            r##"colour: "#0072b2""##,
        ),
        ("map.ron", "pattern: Stripes", "pattern: Dots"),
    ])
    .expect("repeated cues are warnings");
    expect_at(
        &loaded.warnings,
        "same colour",
        Severity::Warning,
        "mini/map.ron",
        7,
        9,
        &["\"b\"", "#0072B2", "district \"a\""],
    );
    expect_at(
        &loaded.warnings,
        "same pattern",
        Severity::Warning,
        "mini/map.ron",
        7,
        28,
        &["\"b\"", "Dots", "district \"a\""],
    );
}

// ---------------------------------------------------------------------------
// Messages that point at the right place

#[test]
fn each_debrief_question_is_reported_on_its_own_line() {
    let loaded = load_mini(&[(
        "scenario.ron",
        r#"debrief_questions: [{"ja": "どうでしたか", "en": "How was it?"}],"#,
        r#"debrief_questions: [
        {"ja": "どうでしたか", "en": "How was it?"},
        {"ja": "なぜですか", "en": "Why?", "fr": "Pourquoi ?"},
        {"ja": "次は何を", "en": "What next?", "fr": "Et ensuite ?"},
    ],"#,
    )])
    .expect("undeclared languages are warnings");
    expect_at(
        &loaded.warnings,
        "debrief question 2",
        Severity::Warning,
        "mini/scenario.ron",
        32,
        39,
        &["\"fr\""],
    );
    expect_at(
        &loaded.warnings,
        "debrief question 3",
        Severity::Warning,
        "mini/scenario.ron",
        33,
        44,
        &["\"fr\""],
    );
}

#[test]
fn a_preset_setting_hand_limit_zero_is_blamed_for_hand_limit() {
    let d = errors(&[(
        "scenario.ron",
        r#""actions_per_turn": 1}"#,
        r#""actions_per_turn": 1, "hand_limit": 0}"#,
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(
        &d,
        "`hand_limit` is 0",
        "mini/scenario.ron",
        26,
        130,
        &["difficulty \"tight\"", "1..=20"],
    );
}

#[test]
fn a_preset_lowering_hand_limit_below_the_starting_hand_blames_hand_limit() {
    let d = errors(&[
        ("scenario.ron", "starting_hand: 1,", "starting_hand: 2,"),
        (
            "scenario.ron",
            r#""actions_per_turn": 1}"#,
            r#""actions_per_turn": 1, "hand_limit": 1}"#,
        ),
    ]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(
        &d,
        "`hand_limit` is 1, below `starting_hand` 2",
        "mini/scenario.ron",
        26,
        130,
        &["difficulty \"tight\""],
    );
    assert!(e.hint.contains("starting_hand"), "{e:#?}");
}

#[test]
fn too_many_needs_hint_matches_the_guide() {
    let d = errors(&[(
        "residents.ron",
        r#"needs: [Worry(Money), Tag("nurse")]"#,
        "needs: [Worry(Money), Worry(Money), Worry(Money), Worry(Money), Worry(Money), Worry(Money), Worry(Money)]",
    )]);
    let e = expect_error(&d, "has 7 needs", "mini/residents.ron", 25, 115, &["r-12"]);
    assert!(e.hint.contains("1 to 6"), "{e:#?}");
    let guide =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/README.md"))
            .expect("guide");
    assert!(
        guide.contains("| `needs` | 1–6 of"),
        "the designer guide must give the same limit"
    );
}

#[test]
fn a_full_width_colon_gets_an_input_method_hint() {
    let d = errors(&[("map.ron", "position: (0.25, 0.5)", "position：(0.25, 0.5)")]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(
        &d,
        "full-width `：`",
        "mini/map.ron",
        2,
        64,
        &["cannot read the map", "needs `:`"],
    );
    assert!(e.hint.contains("半角"), "{e:#?}");
}

#[test]
fn curly_quotes_get_an_input_method_hint() {
    let d = errors(&[(
        "map.ron",
        r#"name: {"ja": "東", "en": "East"}"#,
        r#"name: {"ja": “東”, "en": "East"}"#,
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(
        &d,
        "curly quote `“`",
        "mini/map.ron",
        2,
        36,
        &["needs `\"`"],
    );
    assert!(e.hint.contains("半角"), "{e:#?}");
}

#[test]
fn an_unclosed_quote_is_reported_at_the_opening_quote() {
    // The parser only notices on the next line; the report points where the text opened.
    let d = errors(&[(
        "scenario.ron",
        r#""en": "Mini Town"},"#,
        r#""en": "Mini Town},"#,
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(
        &d,
        "not closed on its line",
        "mini/scenario.ron",
        5,
        32,
        &["cannot read the scenario"],
    );
    assert!(e.hint.contains("closing"), "{e:#?}");
}

// ---------------------------------------------------------------------------
// Balance

#[test]
fn a_speciality_few_cards_offer_gets_a_warning_with_both_counts() {
    let loaded = load_mini(&[
        (
            "connections.ron",
            r#"specialities: ["nurse"], helps: [Health, Living], description: {"ja": "保健", "en": "Health"}, copies: 2"#,
            r#"specialities: ["nurse"], helps: [Health, Living], description: {"ja": "保健", "en": "Health"}, copies: 1"#,
        ),
        (
            "residents.ron",
            "needs: [Worry(Health)]),\n    Resident(id: \"r-02\"",
            "needs: [Worry(Health), Tag(\"nurse\")]),\n    Resident(id: \"r-02\"",
        ),
        (
            "residents.ron",
            "needs: [Worry(Living)]),\n    Resident(id: \"r-03\"",
            "needs: [Worry(Living), Tag(\"nurse\")]),\n    Resident(id: \"r-03\"",
        ),
    ])
    .expect("a shortage is a warning");
    expect_at(
        &loaded.warnings,
        "6 residents need `nurse`; only 1 card offers it",
        Severity::Warning,
        "mini/connections.ron",
        3,
        20,
        &[],
    );
    // Five needing residents on two cards is no shortage.
    let loaded = load_mini(&[(
        "residents.ron",
        "needs: [Worry(Health)]),\n    Resident(id: \"r-02\"",
        "needs: [Worry(Health), Tag(\"nurse\")]),\n    Resident(id: \"r-02\"",
    )])
    .expect("loads");
    assert!(
        !loaded
            .warnings
            .iter()
            .any(|w| w.message.contains("need `nurse`")),
        "{:#?}",
        loaded.warnings
    );
}

#[test]
fn the_default_deck_has_no_warnings() {
    let loaded = load(&default_sources()).expect("the default deck loads");
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
}

// ---------------------------------------------------------------------------
// Files: encoding, byte-order mark, size, long lines

#[test]
fn a_shift_jis_file_is_reported_as_not_utf8_at_the_first_bad_byte() {
    let sjis = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/encoding/roles-shift_jis.ron"
    ))
    .expect("fixture");
    let files = mini_files();
    let bytes: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, t)| {
            if n == "roles.ron" {
                (n.as_str(), sjis.as_slice())
            } else {
                (n.as_str(), t.as_bytes())
            }
        })
        .collect();
    let d = load(&Sources::from_bytes("mini", &bytes))
        .expect_err("not UTF-8")
        .0;
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(
        &d,
        "is not UTF-8",
        "mini/roles.ron",
        2,
        37,
        &["roles.ron", "0x8F", "Shift_JIS"],
    );
    assert!(
        e.hint.contains("UTF-8") && e.hint.contains("Save"),
        "{e:#?}"
    );
    assert!(!e.message.contains("missing"), "{e:#?}");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut files = mini_files();
    for (_, text) in &mut files {
        text.insert(0, '\u{FEFF}');
    }
    let loaded = load_files(&files).expect("a UTF-8 BOM is fine");
    // Positions ignore the mark: the first line's first character is column 1.
    expect_at(
        &loaded.warnings,
        "the map has 2 districts",
        Severity::Warning,
        "mini/map.ron",
        1,
        1,
        &[],
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_in_one_line() {
    let mut files = mini_files();
    let residents = &mut files
        .iter_mut()
        .find(|(n, _)| n == "residents.ron")
        .expect("residents")
        .1;
    residents.push_str(&" ".repeat(community_coping::content::MAX_FILE_BYTES));
    let d = load_files(&files).expect_err("too large");
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(&d, "at most 8 MB", "mini/residents.ron", 0, 0, &["8.0 MB"]);
    assert_eq!(e.render().lines().count(), 3, "{}", e.render());
}

#[test]
fn a_diagnostic_on_a_very_long_line_echoes_only_around_the_column() {
    let long = "あ".repeat(1_000_000);
    let d = errors(&[
        (
            "residents.ron",
            r#"worry: Health, worry_text: {"ja": "悩み1""#,
            &format!(r#"worry: Health, worry_text: {{"ja": "{long}""#),
        ),
        (
            "residents.ron",
            "needs: [Worry(Health)]),\n    Resident(id: \"r-02\"",
            "needs: [Tag(\"nurze\")]),\n    Resident(id: \"r-02\"",
        ),
    ]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(
        &d,
        "unknown speciality",
        "mini/residents.ron",
        3,
        1_000_123,
        &["\"nurze\""],
    );
    let text = e.render();
    assert!(text.len() < 2_000, "{} bytes echoed", text.len());
    let source = text
        .lines()
        .find(|l| l.starts_with("3 | "))
        .expect("source line");
    assert!(source.starts_with("3 | …"), "{source}");
    let caret = text
        .lines()
        .find(|l| l.trim_end().ends_with('^'))
        .expect("caret");
    // The caret sits under the opening quote of "nurze".
    let under: String = source
        .chars()
        .skip(caret.chars().count() - 1)
        .take(7)
        .collect();
    assert_eq!(under, "\"nurze\"", "{text}");
}

#[test]
fn validate_summary_tells_deck_cards_from_reserve_cards() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_community-coping"))
        .args([
            "validate",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini"),
        ])
        .output()
        .expect("run the tool");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("9 connection cards (8 in the deck, 1 in reserve)"),
        "{stdout}"
    );
}
