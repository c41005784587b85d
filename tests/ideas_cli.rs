//! `community-coping ideas add`: a debrief workshop's draft ideas file merged
//! into a deck, run as a real process on real files — created when the deck
//! has none, appended when it has some, clashing ids refused in one line, a
//! deck that would break left untouched, and no path taken from file data.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use community_coping::content::{ConnectionKind, Worry, load_dir};
use community_coping::session::{Proposal, ideas_path_for, write_proposals};

const BIN: &str = env!("CARGO_BIN_EXE_community-coping");

/// A fresh temporary folder holding a copy of a fixture deck, removed on drop.
struct Temp(PathBuf);

impl Temp {
    fn new() -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "community-coping-ideas-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        Self(dir)
    }

    /// A copy of `tests/fixtures/<name>` in `deck/`.
    fn deck(&self, name: &str) -> PathBuf {
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let dst = self.0.join("deck");
        std::fs::create_dir_all(&dst).expect("deck dir");
        for entry in std::fs::read_dir(src).expect("fixture") {
            let path = entry.expect("entry").path();
            std::fs::copy(&path, dst.join(path.file_name().expect("name"))).expect("copy");
        }
        dst
    }

    /// The workshop's drafts for `proposals`; returns the draft ideas file.
    fn draft(&self, proposals: &[Proposal]) -> PathBuf {
        let path = self.0.join("proposals").join("s-1-connections.ron");
        let langs = vec!["ja".to_owned(), "en".to_owned()];
        write_proposals(&path, "20261130-1015-x", &langs, proposals).expect("drafts");
        ideas_path_for(&path)
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn proposals() -> Vec<Proposal> {
    vec![
        Proposal {
            name: "駅前の \"子ども食堂\"".into(),
            specialities: vec![],
            helps: vec![Worry::Money, Worry::Relationships],
            description: "月二回の食堂\n二行目".into(),
            public: false,
        },
        Proposal {
            name: "Health check at the hall".into(),
            specialities: vec!["nurse".into()],
            helps: vec![Worry::Health],
            description: "A nurse visits monthly".into(),
            public: true,
        },
    ]
}

fn add(draft: &Path, deck: &Path) -> Output {
    Command::new(BIN)
        .args(["ideas", "add"])
        .arg(draft)
        .arg("--into")
        .arg(deck)
        .output()
        .expect("the binary runs")
}

fn text(o: &[u8]) -> String {
    String::from_utf8(o.to_vec()).expect("UTF-8")
}

/// A failed run: one line on stderr, starting with "error", no panic.
#[track_caller]
fn one_line_error(o: &Output) -> String {
    let err = text(&o.stderr);
    assert!(!o.status.success(), "expected failure: {}", text(&o.stdout));
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(err.starts_with("error"), "{err:?}");
    err
}

/// Every file of a folder with its bytes, to compare before and after.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .map(|e| (e.path(), std::fs::read(e.path()).expect("read")))
        .collect();
    out.sort();
    out
}

#[test]
fn the_workshop_writes_a_draft_ideas_file_in_the_deck_format() {
    let t = Temp::new();
    let draft = t.draft(&proposals());
    assert!(draft.ends_with("s-1-ideas.ron"), "{}", draft.display());
    let body = std::fs::read_to_string(&draft).expect("draft");
    assert_eq!(body.matches("        Idea(\n").count(), 2, "{body}");
    assert!(body.contains("cost: 4,"), "{body}");
    assert!(body.contains("id: \"idea-202611301015x-01\""), "{body}");
}

#[test]
fn ideas_add_creates_the_file_and_its_entry_and_the_deck_validates() {
    let t = Temp::new();
    let deck = t.deck("mini");
    let draft = t.draft(&proposals());
    let o = add(&draft, &deck);
    let out = text(&o.stdout);
    assert!(o.status.success(), "{out}{}", text(&o.stderr));
    assert!(out.contains("added 2 idea(s)"), "{out}");
    assert!(out.contains("ok: scenario \"mini\""), "{out}");
    let scenario = std::fs::read_to_string(deck.join("scenario.ron")).expect("scenario");
    assert!(scenario.contains("ideas: \"ideas.ron\""), "{scenario}");
    let loaded = load_dir(&deck).unwrap_or_else(|e| panic!("{:?}", e.0));
    let c = &loaded.content;
    assert!(c.link_work());
    let ideas: Vec<_> = c.ideas().map(|i| c.connection(i)).collect();
    assert_eq!(ideas.len(), 2);
    assert_eq!(ideas[0].name.get("ja"), "駅前の \"子ども食堂\"");
    assert_eq!(ideas[0].description.get("en"), "月二回の食堂\n二行目");
    assert_eq!(ideas[0].kind, ConnectionKind::Informal);
    assert_eq!(ideas[0].helps, vec![Worry::Money, Worry::Relationships]);
    assert_eq!(ideas[1].kind, ConnectionKind::Public);
    assert_eq!(ideas[1].specialities.len(), 1);
    assert!(ideas.iter().all(|i| i.idea_cost == Some(4)));

    // the same draft again: every id is taken now, nothing changes
    let before = snapshot(&deck);
    let err = one_line_error(&add(&draft, &deck));
    assert!(
        err.contains("\"idea-202611301015x-01\", \"idea-202611301015x-02\""),
        "{err}"
    );
    assert_eq!(snapshot(&deck), before);
}

#[test]
fn ideas_add_appends_to_a_deck_that_has_ideas_and_keeps_its_comments() {
    let t = Temp::new();
    let deck = t.deck("linkwork");
    let original = std::fs::read_to_string(deck.join("ideas.ron")).expect("ideas");
    let scenario = std::fs::read(deck.join("scenario.ron")).expect("scenario");
    let o = add(&t.draft(&proposals()), &deck);
    assert!(o.status.success(), "{}{}", text(&o.stdout), text(&o.stderr));
    let merged = std::fs::read_to_string(deck.join("ideas.ron")).expect("ideas");
    let first_line = original.lines().next().expect("a comment");
    assert!(merged.starts_with(first_line), "{merged}");
    assert_eq!(
        std::fs::read(deck.join("scenario.ron")).expect("scenario"),
        scenario
    );
    let loaded = load_dir(&deck).unwrap_or_else(|e| panic!("{:?}", e.0));
    let keys: Vec<String> = loaded
        .content
        .ideas()
        .map(|i| loaded.content.connection(i).key.clone())
        .collect();
    assert_eq!(
        keys,
        [
            "idea-salon",
            "idea-pantry",
            "idea-202611301015x-01",
            "idea-202611301015x-02"
        ]
    );
}

#[test]
fn ideas_add_refuses_a_connections_id_and_a_broken_draft_in_one_line() {
    let t = Temp::new();
    let deck = t.deck("linkwork");
    let before = snapshot(&deck);
    let draft = t.draft(&proposals());
    let body = std::fs::read_to_string(&draft).expect("draft");
    std::fs::write(&draft, body.replacen("idea-202611301015x-01", "c-money", 1)).expect("edit");
    let err = one_line_error(&add(&draft, &deck));
    assert!(
        err.contains("\"c-money\"") && err.contains("id of its own"),
        "{err}"
    );
    std::fs::write(&draft, "Connections(specialities: [], connections: [])").expect("edit");
    let err = one_line_error(&add(&draft, &deck));
    assert!(err.contains("not an ideas file"), "{err}");
    let err = one_line_error(&add(&t.0.join("nowhere.ron"), &deck));
    assert!(err.contains("cannot read"), "{err}");
    let err = one_line_error(&add(&t.draft(&proposals()), &t.0.join("proposals")));
    assert!(err.contains("scenario.ron"), "{err}");
    assert_eq!(snapshot(&deck), before);
}

#[test]
fn a_draft_that_would_break_the_deck_writes_nothing() {
    let t = Temp::new();
    let deck = t.deck("mini");
    let before = snapshot(&deck);
    let mut p = proposals();
    p[1].specialities = vec!["no-such-speciality".into()];
    let o = add(&t.draft(&p), &deck);
    let err = text(&o.stderr);
    assert!(!o.status.success());
    assert!(
        err.contains("no-such-speciality") && err.contains("nothing was written"),
        "{err}"
    );
    assert_eq!(snapshot(&deck), before);
}

#[test]
fn an_ideas_file_name_outside_the_deck_is_refused() {
    let t = Temp::new();
    let deck = t.deck("linkwork");
    for name in [
        "../outside.ron",
        "/tmp/outside.ron",
        "sub/ideas.ron",
        "..",
        "ideas.txt",
    ] {
        let scenario = std::fs::read_to_string(deck.join("scenario.ron")).expect("scenario");
        let edited = scenario.replacen("ideas: \"ideas.ron\"", &format!("ideas: \"{name}\""), 1);
        std::fs::write(deck.join("scenario.ron"), &edited).expect("edit");
        let err = one_line_error(&add(&t.draft(&proposals()), &deck));
        assert!(err.contains("not a plain .ron file name"), "{name}: {err}");
        assert!(!t.0.join("outside.ron").exists());
        std::fs::write(deck.join("scenario.ron"), scenario).expect("restore");
    }
}
