//! Validation of the link-work fields: each problem in a deck's new fields
//! (trust, overlaps, referrals, ideas, the new parameters and their override
//! names) is reported at its file, line and column with a hint, like every
//! other deck problem. Each case edits one snippet of the link-work fixture
//! deck (`tests/fixtures/linkwork`) in memory.

use community_coping::content::{Diagnostic, Loaded, Severity, Sources, load};

mod common;

use common::{LINKWORK_FILES, linkwork_with};

/// The link-work deck with `edits` applied (each `from` occurs once), loaded.
fn load_linkwork(edits: &[(&str, &str, &str)]) -> Result<Loaded, Vec<Diagnostic>> {
    let mut files: Vec<(String, String)> = LINKWORK_FILES
        .iter()
        .map(|name| {
            let path = format!(
                "{}/tests/fixtures/linkwork/{name}",
                env!("CARGO_MANIFEST_DIR")
            );
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
            ((*name).to_owned(), text)
        })
        .collect();
    for (file, from, to) in edits {
        let (_, text) = files
            .iter_mut()
            .find(|(n, _)| n == file)
            .unwrap_or_else(|| panic!("no file {file}"));
        assert_eq!(text.matches(from).count(), 1, "{from:?} in {file}");
        *text = text.replacen(from, to, 1);
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    load(&Sources::in_memory("linkwork", &refs)).map_err(|e| e.0)
}

/// The errors of a deck that must fail to load.
fn errors(edits: &[(&str, &str, &str)]) -> Vec<Diagnostic> {
    match load_linkwork(edits) {
        Ok(_) => panic!("the deck loaded, but errors were expected"),
        Err(d) => d.into_iter().filter(Diagnostic::is_error).collect(),
    }
}

/// The one error mentioning `key`, at `file:line:col`, naming `culprits`.
#[track_caller]
fn expect_error<'a>(
    diags: &'a [Diagnostic],
    key: &str,
    file: &str,
    line: usize,
    column: usize,
    culprits: &[&str],
) -> &'a Diagnostic {
    let found: Vec<&Diagnostic> = diags.iter().filter(|d| d.message.contains(key)).collect();
    assert_eq!(
        found.len(),
        1,
        "one diagnostic mentioning {key:?}: {diags:#?}"
    );
    let d = found[0];
    assert_eq!(
        (d.file.as_str(), d.line, d.column, d.severity),
        (file, line, column, Severity::Error),
        "wrong place for {d:#?}"
    );
    for c in culprits {
        assert!(d.message.contains(c), "{:?} does not name {c:?}", d.message);
    }
    assert!(!d.hint.trim().is_empty(), "empty hint: {d:#?}");
    d
}

#[test]
fn the_link_work_deck_loads_with_no_errors() {
    let loaded = load_linkwork(&[]).unwrap_or_else(|d| panic!("{d:#?}"));
    assert!(loaded.content.link_work());
    // the new fields are all optional: the mini deck never names them
    for w in &loaded.warnings {
        assert!(!w.message.contains("neighbour"), "{w:#?}");
    }
}

#[test]
fn trust_out_of_range_points_at_the_field() {
    let d = errors(&[("residents.ron", "trust: 2", "trust: 9")]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(
        &d,
        "trust",
        "linkwork/residents.ron",
        7,
        166,
        &["\"r-03\"", "9"],
    );
}

#[test]
fn an_unknown_idea_field_is_named_with_the_known_ones() {
    let d = errors(&[("ideas.ron", "cost: 2),", "cost: 2, colour: \"red\"),")]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(&d, "colour", "linkwork/ideas.ron", 4, 97, &["Idea"]);
    assert!(e.message.contains("`cost`"), "{e:#?}");
}

#[test]
fn an_idea_with_a_connections_id_is_refused() {
    let d = errors(&[("ideas.ron", "id: \"idea-salon\"", "id: \"c-money\"")]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(
        &d,
        "id of a connection card",
        "linkwork/ideas.ron",
        3,
        10,
        &["\"c-money\""],
    );
    assert!(e.hint.contains("idea-"), "{e:#?}");
}

#[test]
fn an_idea_must_cost_at_least_one_action() {
    let d = errors(&[("ideas.ron", "cost: 3),", "cost: 0),")]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(
        &d,
        "cost",
        "linkwork/ideas.ron",
        6,
        80,
        &["\"idea-pantry\"", "0"],
    );
}

#[test]
fn an_idea_with_an_unknown_speciality_points_at_it() {
    let d = errors(&[(
        "ideas.ron",
        "specialities: [\"nurse\"]",
        "specialities: [\"nurze\"]",
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(
        &d,
        "nurze",
        "linkwork/ideas.ron",
        5,
        105,
        &["\"idea-pantry\""],
    );
}

#[test]
fn more_than_three_overlapping_worries_are_refused() {
    let d = errors(&[(
        "residents.ron",
        "overlaps: [Health, Living]",
        "overlaps: [Health, Living, Money, Relationships]",
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(
        &d,
        "overlapping",
        "linkwork/residents.ron",
        9,
        136,
        &["\"r-04\"", "4"],
    );
    assert!(e.hint.contains('3'), "{e:#?}");
}

#[test]
fn a_misspelt_override_lists_the_new_names() {
    let d = errors(&[("scenario.ron", "\"pass_cost\": 3", "\"pass_cots\": 3")]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(
        &d,
        "unknown parameter",
        "linkwork/scenario.ron",
        35,
        84,
        &["\"dear\"", "\"pass_cots\""],
    );
    for name in [
        "pass_cost",
        "conference_cost",
        "relapse_after_years",
        "spill_over",
    ] {
        assert!(e.hint.contains(name), "{name}: {e:#?}");
    }
}

#[test]
fn new_parameters_out_of_range_in_params_and_overrides() {
    let d = errors(&[("scenario.ron", "pass_cost: Some(1)", "pass_cost: Some(9)")]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(&d, "`pass_cost`", "linkwork/scenario.ron", 21, 9, &["9"]);
    let d = errors(&[(
        "scenario.ron",
        "\"conference_cost\": 4",
        "\"conference_cost\": 0",
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(
        &d,
        "`conference_cost`",
        "linkwork/scenario.ron",
        35,
        100,
        &["\"dear\"", "0"],
    );
}

#[test]
fn a_referral_lacking_a_language_is_named() {
    let d = errors(&[(
        "residents.ron",
        "{\"ja\": \"診療所\", \"en\": \"Clinic\"}",
        "{\"ja\": \"診療所\"}",
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    expect_error(
        &d,
        "referred_by",
        "linkwork/residents.ron",
        19,
        152,
        &["\"r-09\"", "\"en\""],
    );
}

#[test]
fn a_missing_ideas_file_or_an_unknown_progress_is_one_clear_error() {
    let d = errors(&[(
        "scenario.ron",
        "ideas: \"ideas.ron\"",
        "ideas: \"idees.ron\"",
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].message.contains("`idees.ron` is missing"), "{d:#?}");
    assert!(d[0].hint.contains("files"), "{d:#?}");
    let d = errors(&[("scenario.ron", "progress: Ties", "progress: Tie")]);
    assert_eq!(d.len(), 1, "{d:#?}");
    let e = expect_error(&d, "Tie", "linkwork/scenario.ron", 40, 15, &[]);
    assert!(
        e.hint.contains("Residents") && e.hint.contains("Ties"),
        "{e:#?}"
    );
}

/// A new parameter may be written plainly (`spill_over: 1`) as well as
/// `Some(1)`: both load, to the same value.
#[test]
fn a_parameter_written_without_some_loads_the_same() {
    let plain = linkwork_with(&[("scenario.ron", "spill_over: Some(1)", "spill_over: 1")]);
    let some = linkwork_with(&[]);
    assert_eq!(
        plain.default_difficulty().params.spill_over,
        some.default_difficulty().params.spill_over
    );
    assert_eq!(plain.default_difficulty().params.spill_over, Some(1));
}
