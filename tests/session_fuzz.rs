//! Damaged session files: a real session cut at every byte offset, and with
//! random bytes changed. Loading, verifying and exporting give the valid
//! part or a one-line error, never a panic, and never a different game
//! accepted as valid.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use community_coping::content::Content;
use community_coping::export::{ExportOptions, Format, export_session};
use community_coping::rules::Entry;
use community_coping::session::{LoadedSession, Record, SessionWriter, load_session};
use proptest::prelude::*;

static TRIED: AtomicUsize = AtomicUsize::new(0);

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sessions/format1")
        .join(name)
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cc-session-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

/// The actions in force after each prefix of a session's records: the only
/// games a damaged copy may be accepted as.
fn valid_journals(session: &LoadedSession) -> Vec<Vec<Entry>> {
    let mut in_force: Vec<Entry> = Vec::new();
    let mut all = vec![Vec::new()];
    for r in &session.records {
        match r {
            Record::Act { seat, action, .. } => in_force.push(Entry {
                seat: *seat,
                action: action.clone(),
            }),
            Record::Undo
            | Record::Intervention {
                kind: community_coping::session::InterventionKind::UndoPastReveal,
                ..
            } => {
                in_force.pop();
            }
            _ => {}
        }
        all.push(in_force.clone());
    }
    all
}

fn one_line(e: &dyn std::fmt::Display) {
    let msg = e.to_string();
    assert!(!msg.contains('\n') && !msg.is_empty(), "{msg}");
}

/// Loads and verifies the damaged file at `path`; checks the outcome.
fn check(path: &Path, content: &Arc<Content>, valid: &[Vec<Entry>], export: bool) {
    TRIED.fetch_add(1, Ordering::Relaxed);
    match load_session(path) {
        Err(e) => one_line(&e),
        Ok(s) => match s.verify(Arc::clone(content)) {
            Err(e) => one_line(&e),
            Ok(v) => {
                assert!(
                    valid.contains(&v.journal.entries),
                    "a damaged file was accepted as a game the session never had ({} actions)",
                    v.journal.entries.len()
                );
                if let Some(d) = &v.session.damage {
                    assert!(!d.contains('\n'), "{d:?}");
                }
            }
        },
    }
    if export {
        let mut options = ExportOptions::new(Format::Json);
        options.allow_damaged = true;
        if let Err(e) = export_session(path, &options) {
            one_line(&e);
        }
    }
}

/// The fixtures as read now: a format-1 file, and the same game upgraded
/// to format 2 by going on recording.
fn sources(content: &Arc<Content>) -> Vec<(Vec<u8>, Vec<Vec<Entry>>)> {
    let a = fixture("a-unfinished-4-seats.ccsession");
    let upgraded = scratch(&format!(
        "upgraded-{:?}.ccsession",
        std::thread::current().id()
    ));
    std::fs::copy(&a, &upgraded).expect("copy");
    let v = load_session(&upgraded)
        .expect("load")
        .verify(Arc::clone(content))
        .expect("verify");
    drop(SessionWriter::reopen(&v.session).expect("upgrade"));
    [
        fixture("d-skip-turn-and-undo-past-reveal.ccsession"),
        upgraded,
    ]
    .iter()
    .map(|p| {
        let session = load_session(p).expect("load");
        (std::fs::read(p).expect("read"), valid_journals(&session))
    })
    .collect()
}

#[test]
fn a_session_cut_at_every_byte_gives_its_valid_part_or_one_line() {
    let content = v1_deck();
    let path = scratch("cut.ccsession");
    let mut cuts = 0;
    for (bytes, valid) in sources(&content) {
        for at in 0..bytes.len() {
            std::fs::write(&path, &bytes[..at]).expect("write");
            check(&path, &content, &valid, at.is_multiple_of(97));
            cuts += 1;
        }
    }
    eprintln!("session_fuzz: {cuts} cut files tried");
    assert!(cuts > 8_000, "{cuts}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, .. ProptestConfig::default() })]
    #[test]
    fn changed_bytes_never_make_a_different_game_valid(
        which in 0usize..2,
        changes in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..5),
        export in prop::bool::weighted(0.02),
    ) {
        thread_local! {
            static SOURCES: (Arc<Content>, Vec<(Vec<u8>, Vec<Vec<Entry>>)>) = {
                let content = v1_deck();
                let sources = sources(&content);
                (content, sources)
            };
        }
        SOURCES.with(|(content, sources)| {
            let (bytes, valid) = &sources[which];
            let mut damaged = bytes.clone();
            for (i, b) in &changes {
                let at = i.index(damaged.len());
                damaged[at] = *b;
            }
            let path = scratch(&format!("changed-{:?}.ccsession", std::thread::current().id()));
            std::fs::write(&path, &damaged).expect("write");
            check(&path, content, valid, export);
        });
        let n = TRIED.load(Ordering::Relaxed);
        if n.is_multiple_of(1_000) {
            eprintln!("session_fuzz: {n} damaged files tried so far");
        }
    }
}

/// Found by the test above: a changed byte merged a record's hash into its
/// action, and the line was read as an action without a hash, which format
/// 1 let through. Such a line is now unreadable (unknown fields are
/// refused), and an action without its hash is refused in every format.
#[test]
fn an_action_that_lost_its_hash_is_never_accepted() {
    let content = v1_deck();
    let fixture = fixture("d-skip-turn-and-undo-past-reveal.ccsession");
    let original = load_session(&fixture).expect("load");
    let valid = valid_journals(&original);
    let text = std::fs::read_to_string(&fixture).expect("read");
    let lines: Vec<&str> = text.lines().collect();
    // line 27 unreadable, and line 28's hash key damaged or gone
    for line28 in [
        lines[27].replacen("\"hash\":", "\" ash\":", 1),
        lines[27]
            .replacen(",\"hash\":", " ,\"hash\":", 1)
            .replacen("]}}", "] }}", 1),
        {
            let at = lines[27].find(",\"hash\"").expect("a hash");
            format!("{}}}}}", &lines[27][..at])
        },
    ] {
        let mut damaged: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
        damaged[26] = format!("\u{0}{}", &lines[26][1..]);
        damaged[27] = line28;
        let path = scratch("lost-hash.ccsession");
        std::fs::write(&path, damaged.join("\n") + "\n").expect("write");
        check(&path, &content, &valid, true);
    }
}

/// The default deck the format-1 fixtures were played with (version 1,
/// kept built in so their sessions still open).
fn v1_deck() -> Arc<Content> {
    community_coping::content::built_in("default", "67799fc9860822e1").expect("the archived deck")
}
