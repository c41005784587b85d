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

use common::MINI_FILES;

/// The mini deck's files as `(name, text)`.
fn mini_files() -> Vec<(String, String)> {
    MINI_FILES
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
    let e = expect_error(&d, "missing", "mini/town.ron", 0, 0, &["town.ron"]);
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
    expect_error(&d, "duplicate", "mini/residents.ron", 10, 14, &["r-04"]);
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
    let garbage: Vec<(String, String)> = MINI_FILES
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
    assert_eq!(c.debrief_questions().len(), 5);
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
