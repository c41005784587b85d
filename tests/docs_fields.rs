//! The designers' guide keeps up with the format: every field and every
//! choice of the deck and guide files (their raw serde shapes) is named in
//! `scenarios/README.md`, so a new rule cannot ship undocumented.

const RAW: [&str; 2] = [
    include_str!("../src/content/raw.rs"),
    include_str!("../src/guide/raw.rs"),
];
const GUIDE: &str = include_str!("../scenarios/README.md");

/// `pub name:` fields of the raw structs.
fn fields(src: &str) -> Vec<&str> {
    src.lines()
        .filter_map(|l| l.trim().strip_prefix("pub "))
        .filter_map(|l| l.split_once(':').map(|(name, _)| name.trim()))
        .filter(|name| name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect()
}

/// The variants of the raw enums: lines indented once inside `enum … { }`.
fn variants(src: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in src.lines() {
        if line.contains(" enum ") && line.trim_end().ends_with('{') {
            inside = true;
            continue;
        }
        if inside && line.starts_with('}') {
            inside = false;
            continue;
        }
        if inside && line.starts_with("    ") && !line.starts_with("     ") {
            let name: String = line
                .trim()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if name.starts_with(|c: char| c.is_ascii_uppercase()) {
                out.push(&line.trim()[..name.len()]);
            }
        }
    }
    out
}

#[test]
fn every_field_and_choice_of_the_format_is_documented() {
    let mut missing = Vec::new();
    for src in RAW {
        for f in fields(src) {
            if !GUIDE.contains(&format!("`{f}")) && !GUIDE.contains(&format!("{f}:")) {
                missing.push(format!("field {f}"));
            }
        }
        for v in variants(src) {
            if !GUIDE.contains(v) {
                missing.push(format!("choice {v}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "scenarios/README.md does not mention: {missing:?}"
    );
}

#[test]
fn the_scan_finds_the_format() {
    // the scan itself works: known fields and choices are found
    let all_fields: Vec<&str> = RAW.iter().flat_map(|s| fields(s)).collect();
    let all_variants: Vec<&str> = RAW.iter().flat_map(|s| variants(s)).collect();
    for f in [
        "trust",
        "pass_cost",
        "referred_by",
        "overlaps",
        "cost",
        "ideas",
    ] {
        assert!(all_fields.contains(&f), "{f}");
    }
    for v in [
        "Ties",
        "Conference",
        "Visit",
        "HiddenGainNeed",
        "Household8050",
    ] {
        assert!(all_variants.contains(&v), "{v}");
    }
    assert!(all_fields.len() > 60 && all_variants.len() > 60);
}
