//! The link work of played games in the debrief, the exports and the
//! cross-session report: heuristic bots play a fixture deck with link work
//! (trust, a first refusal, referrals, passing, case conferences, drifting
//! back, resource ideas), and the reflection's numbers are checked against
//! the events the rules reported; the cause chain of a collapse pools hands
//! only where a case conference could have.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use community_coping::content::{Content, Sources, load};
use community_coping::export::{Format, SCHEMA_VERSION, render};
use community_coping::i18n::Texts;
use community_coping::reflect::{Ending, Reflection, Trusted, content_for};
use community_coping::report::{Report, render_csv, render_html};
use community_coping::rules::{Event, Game, Journal, RevealCause, SeatKind, Setup};
use community_coping::session::{
    Record, ScenarioSource, SessionHeader, SessionWriter, load_session,
};
use community_coping::sim::play_one;

const FILES: [&str; 7] = [
    "scenario.ron",
    "map.ron",
    "residents.ron",
    "connections.ron",
    "roles.ron",
    "events.ron",
    "ideas.ron",
];

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/linkwork-debrief")
}

/// The fixture deck, with textual edits `(file, from, to)`.
fn deck_with(edits: &[(&str, &str, &str)]) -> Arc<Content> {
    let mut files: Vec<(String, String)> = FILES
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(fixture_dir().join(f)).expect("fixture file");
            ((*f).to_owned(), text)
        })
        .collect();
    for (file, from, to) in edits {
        let entry = files.iter_mut().find(|(n, _)| n == file).unwrap();
        assert!(entry.1.contains(from), "{from:?} not in {file}");
        entry.1 = entry.1.replace(from, to);
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    Arc::new(
        load(&Sources::in_memory("linkwork-debrief", &refs))
            .unwrap()
            .content,
    )
}

fn deck() -> Arc<Content> {
    let content = community_coping::content::load_dir(&fixture_dir())
        .expect("fixture deck")
        .content;
    Arc::new(content)
}

/// The same deck without case conferences.
fn deck_without_conferences() -> Arc<Content> {
    deck_with(&[("scenario.ron", "conference_cost: Some(2),", "")])
}

fn bot_game(content: &Arc<Content>, seats: usize, seed: u64) -> Journal {
    let setup = Setup::standard(content, seats, SeatKind::Human, "standard", seed);
    play_one(content, setup).unwrap().journal.unwrap()
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "cc-link-work-debrief-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Writes `journal` as a finished session played with the fixture folder
/// and reflects on it as the debrief and the exports do.
fn reflect(content: &Arc<Content>, journal: &Journal, dir: &Path) -> Reflection {
    let header = SessionHeader::new(
        content,
        ScenarioSource::Directory(fixture_dir()),
        journal.setup.clone(),
    );
    let mut w = SessionWriter::create(dir, &header).unwrap();
    let mut game = Game::new(Arc::clone(content), journal.setup.clone()).unwrap();
    for e in &journal.entries {
        game.act(e.seat, &e.action).unwrap();
        w.append(&Record::act(e.seat, e.action.clone(), &game))
            .unwrap();
    }
    w.append(&Record::finished(&game)).unwrap();
    let session = load_session(w.path()).unwrap();
    Reflection::of_session(&session, Arc::clone(content)).unwrap()
}

/// Every event of a reflection's trace, with the year it is dated.
fn events(r: &Reflection) -> Vec<(i32, Event)> {
    r.trace
        .dated_events()
        .map(|(_, y, e)| (y, e.clone()))
        .collect()
}

#[test]
fn the_reflection_counts_link_work_as_the_rules_reported_it() {
    let content = deck();
    assert!(content.link_work());
    let tmp = TempDir::new("counts");
    let (mut refused_then_linked, mut drifted, mut founded, mut by_visits, mut conferences) =
        (0, 0, 0, 0, 0);
    let (mut passes, mut referrals, mut by_conference) = (0, 0, 0);
    for seats in [2, 3, 4] {
        for seed in 0..6 {
            let journal = bot_game(&content, seats, seed);
            let r = reflect(&content, &journal, &tmp.0.join(format!("{seats}-{seed}")));
            let lw = &r.link_work;
            let ev = events(&r);
            let at = format!("{seats} seats, seed {seed}");
            assert!(lw.active);
            // ties: one entry per Tied event, with its numbers
            let tied: Vec<(u8, u8)> = ev
                .iter()
                .filter_map(|(_, e)| match e {
                    Event::Tied { ties, informal, .. } => Some((*ties, *informal)),
                    _ => None,
                })
                .collect();
            assert_eq!(lw.connections(), tied.len(), "{at}");
            let ties: u32 = tied.iter().map(|t| u32::from(t.0)).sum();
            let informal: u32 = tied.iter().map(|t| u32::from(t.1)).sum();
            assert_eq!(lw.ties_total(), ties, "{at}");
            assert_eq!(lw.informal_total(), informal, "{at}");
            if !tied.is_empty() {
                let mean = f64::from(ties) / tied.len() as f64;
                assert!((lw.mean_ties().unwrap() - mean).abs() < 1e-9, "{at}");
                assert!(
                    (lw.informal_share().unwrap() - f64::from(informal) / f64::from(ties)).abs()
                        < 1e-9
                );
            }
            // refusals, and the connection that followed each
            let count = |f: &dyn Fn(&Event) -> bool| ev.iter().filter(|(_, e)| f(e)).count();
            assert_eq!(
                lw.refusals.len(),
                count(&|e| matches!(e, Event::Refused { .. })),
                "{at}"
            );
            for f in &lw.refusals {
                let refused = ev
                    .iter()
                    .position(|(_, e)| {
                        matches!(e, Event::Refused { resident, .. } if *resident == f.resident)
                    })
                    .unwrap();
                let next = ev[refused..].iter().find_map(|(y, e)| match e {
                    Event::Prescribed { seat, resident, .. } if *resident == f.resident => {
                        Some((*y, *seat))
                    }
                    _ => None,
                });
                assert_eq!(f.then, next, "{at}");
                refused_then_linked += usize::from(next.is_some());
            }
            // resources created
            let founded_events: Vec<_> = ev
                .iter()
                .filter_map(|(y, e)| match e {
                    Event::ResourceFounded { idea } => Some((*idea, *y)),
                    _ => None,
                })
                .collect();
            let ours: Vec<_> = lw.founded().map(|c| (c.idea, c.founded.unwrap())).collect();
            assert_eq!(ours, founded_events, "{at}");
            for c in &lw.created {
                for s in &c.seats {
                    assert!(ev.iter().any(|(_, e)| matches!(e,
                        Event::Invested { seat, idea, .. } if seat == s && *idea == c.idea)));
                }
            }
            founded += founded_events.len();
            // drifting back
            assert_eq!(
                lw.drifts.len(),
                count(&|e| matches!(e, Event::DriftedBack { .. })),
                "{at}"
            );
            for d in &lw.drifts {
                assert!(d.year >= d.connected && d.year_ends >= 1, "{at}: {d:?}");
            }
            drifted += lw.drifts.len();
            // each drift is a connection that did not hold in the story
            let earlier: usize = r.stories.iter().map(|s| s.earlier.len()).sum();
            assert_eq!(earlier, lw.drifts.len(), "{at}");
            for s in &r.stories {
                let state = r.trace.last.resident_state(s.resident);
                assert_eq!(s.earlier.len(), usize::from(state.drifted()), "{at}");
            }
            // trust: the visit that completed it, and the turns it took
            for t in &lw.trust {
                assert_eq!(t.needed, content.resident(t.resident).trust);
                match t.trusted {
                    Some(Trusted::Visits { turns, .. }) => {
                        let heard = ev
                            .iter()
                            .position(|(_, e)| matches!(e, Event::Revealed { resident, .. } if *resident == t.resident))
                            .unwrap();
                        let done = ev
                            .iter()
                            .position(|(_, e)| {
                                matches!(e, Event::Visited { resident, visits, needed, .. }
                                if *resident == t.resident && visits == needed)
                            })
                            .unwrap();
                        let between = ev[heard..done]
                            .iter()
                            .filter(|(_, e)| matches!(e, Event::TurnStarted { .. }))
                            .count();
                        assert_eq!(turns as usize, between, "{at}");
                        assert!(turns >= u32::from(t.needed.saturating_sub(1)), "{at}");
                        by_visits += 1;
                    }
                    Some(Trusted::Conference { .. }) => by_conference += 1,
                    None => {}
                }
            }
            assert_eq!(
                lw.conferences.len(),
                count(&|e| matches!(e, Event::ConferenceHeld { .. }))
            );
            conferences += lw.conferences.len();
            assert_eq!(
                lw.passes.len(),
                count(&|e| matches!(e, Event::Passed { .. }))
            );
            passes += lw.passes.len();
            assert_eq!(
                lw.referrals.len(),
                count(&|e| matches!(
                    e,
                    Event::Revealed {
                        cause: RevealCause::Referral,
                        ..
                    }
                ))
            );
            referrals += lw.referrals.len();
        }
    }
    eprintln!(
        "refused then linked {refused_then_linked}, drifted {drifted}, founded {founded}, trusted by visits {by_visits}, by conference {by_conference}, conferences {conferences}, passes {passes}, referrals {referrals}"
    );
    for (what, n) in [
        ("refused, then linked", refused_then_linked),
        ("drifted back", drifted),
        ("founded", founded),
        ("trusted after visits", by_visits),
        ("conferences", conferences),
        ("passes", passes),
        ("referrals", referrals),
    ] {
        assert!(n > 0, "no game had {what}: the test would prove nothing");
    }
}

/// The collapsed games of `content` with `seats` seats over `seeds`.
fn collapses(
    content: &Arc<Content>,
    seats: usize,
    seeds: std::ops::Range<u64>,
    tmp: &TempDir,
) -> Vec<Reflection> {
    seeds
        .filter_map(|seed| {
            let journal = bot_game(content, seats, seed);
            let r = reflect(content, &journal, &tmp.0.join(format!("c{seats}-{seed}")));
            matches!(r.ending, Ending::Collapsed(_)).then_some(r)
        })
        .collect()
}

/// Whether some seat could call a case conference for `r` if the deck had
/// them: cards from at least two seats' hands that meet every need, by the
/// rules' own `fits`, tried set by set.
fn pool_fits(game: &Game, r: community_coping::content::ResidentId) -> bool {
    let pool = game.pooled_hands();
    (0..game.seats().len()).any(|s| {
        let k = game.needs_for(s, r).0.len();
        subsets(pool.len(), k).into_iter().any(|pick| {
            let cards: Vec<_> = pick.iter().map(|&i| pool[i]).collect();
            let mut holders: Vec<_> = cards.iter().filter_map(|c| game.holder(*c)).collect();
            holders.sort_unstable();
            holders.dedup();
            holders.len() >= 2 && game.fits(s, r, &cards)
        })
    })
}

/// Every `k`-subset of `0..n`.
fn subsets(n: usize, k: usize) -> Vec<Vec<usize>> {
    if k == 0 {
        return vec![Vec::new()];
    }
    if n < k {
        return Vec::new();
    }
    let mut out = subsets(n - 1, k);
    for mut s in subsets(n - 1, k - 1) {
        s.push(n - 1);
        out.push(s);
    }
    out
}

fn hand_fits(game: &Game, r: community_coping::content::ResidentId) -> bool {
    (0..game.seats().len()).any(|s| game.hand_fit(s, r).is_complete())
}

#[test]
fn the_cause_chain_pools_hands_only_where_a_conference_could() {
    let tmp = TempDir::new("pool");
    // With conferences: a resident only pooled hands could meet is one a
    // conference could have linked, not one "no hand could meet".
    let content = deck();
    let mut pooled = 0;
    for r in collapses(&content, 4, 0..24, &tmp) {
        let Ending::Collapsed(chain) = &r.ending else {
            unreachable!()
        };
        let game = &r.trace.last;
        assert!(chain.pooled);
        for &x in &chain.by_conference {
            assert!(
                !hand_fits(game, x) || game.trust_left(x) > 0,
                "one hand could prescribe"
            );
            assert!((0..game.seats().len()).any(|s| !game.conferences(s, x).is_empty()));
            assert!(pool_fits(game, x));
            pooled += 1;
        }
        for u in &chain.unfitting {
            assert!(!pool_fits(game, u.resident), "the pool could meet them");
        }
        for u in &chain.needs_trust {
            assert!(hand_fits(game, u.resident));
            assert_eq!(u.visits_left, game.trust_left(u.resident));
        }
    }
    assert!(
        pooled > 0,
        "no collapse left a resident only a conference could meet"
    );

    // Without conferences: the same situation is a resident no hand could meet.
    let content = deck_without_conferences();
    let mut unpooled = 0;
    for r in collapses(&content, 4, 0..24, &tmp) {
        let Ending::Collapsed(chain) = &r.ending else {
            unreachable!()
        };
        assert!(chain.by_conference.is_empty() && !chain.pooled);
        let game = &r.trace.last;
        assert_eq!(game.conference_cost(), None);
        for u in &chain.unfitting {
            assert!(!hand_fits(game, u.resident));
            if pool_fits(game, u.resident) {
                unpooled += 1;
                assert!(
                    !u.missing.is_empty(),
                    "the closest single hand lacks something"
                );
            }
        }
    }
    assert!(
        unpooled > 0,
        "no collapse where pooling would have mattered"
    );
}

#[test]
fn exports_show_the_link_work_in_both_languages() {
    let content = deck();
    let tmp = TempDir::new("exports");
    let journal = bot_game(&content, 3, 7);
    let r = reflect(&content, &journal, &tmp.0);
    assert!(!r.link_work.ties.is_empty() && !r.link_work.drifts.is_empty());
    for lang in ["ja", "en"] {
        let t = Texts::load(lang);
        let title = t.t("linkwork.title");
        let html = render(&r, Format::Html, &t);
        assert!(html.contains("<section id=\"link-work\">"), "{lang}");
        assert!(html.contains(title));
        let md = render(&r, Format::Markdown, &t);
        assert!(md.contains(&format!("## {title}")), "{lang}");
        let csv = render(&r, Format::Csv, &t);
        for key in [
            "ties", "informal", "trust", "refusals", "created", "drifted",
        ] {
            assert!(csv.contains(&format!("link_work_{key}")), "{lang}: {key}");
        }
        let json = render(&r, Format::Json, &t);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["schema_version"], 2);
        assert_eq!(SCHEMA_VERSION, 2);
        let lw = &v["link_work"];
        assert_eq!(lw["ties"], r.link_work.ties_total());
        assert_eq!(lw["connections"], r.link_work.connections());
        assert_eq!(
            lw["drifted_back"].as_array().unwrap().len(),
            r.link_work.drifts.len()
        );
        let sentences = lw["sentences"].as_array().unwrap();
        // every topic's sentence is on the page, in the Markdown and the CSV
        for s in sentences {
            let s = s["sentence"].as_str().unwrap();
            assert!(!s.contains('⟦'), "{lang}: missing text in {s}");
            assert!(md.contains(s) && csv.contains(s), "{lang}: {s}");
            assert!(html.contains(&escape(s)), "{lang}: {s}");
        }
        // the mean, as every format writes it
        let mean = format!("{:.1}", r.link_work.mean_ties().unwrap());
        assert!(md.contains(&mean) && html.contains(&mean));
    }
    let ja = render(&r, Format::Markdown, &Texts::load("ja"));
    assert!(ja.contains("1人あたりのつながりは平均"));
    assert!(ja.contains("再び孤立に戻った住民"));
    assert!(
        ja.contains("再び孤立に戻りました"),
        "the story tells the drift"
    );
    let en = render(&r, Format::Markdown, &Texts::load("en"));
    assert!(en.contains("ties on average"));
    assert!(en.contains("they drifted back into isolation"));
    assert!(en.contains("drifted back into isolation"));
}

#[test]
fn sessions_of_earlier_formats_export_without_link_work() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sessions");
    let mut exported = 0;
    for format in ["format1", "format2"] {
        for entry in std::fs::read_dir(root.join(format)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "ccsession") {
                continue;
            }
            let session = load_session(&path).unwrap();
            let content = content_for(&session.header, None).unwrap();
            assert!(!content.link_work());
            let Ok(r) = Reflection::of_session(&session, content) else {
                continue;
            };
            assert!(!r.link_work.active);
            for lang in ["ja", "en"] {
                let t = Texts::load(lang);
                let json = render(&r, Format::Json, &t);
                let v: serde_json::Value = serde_json::from_str(&json).unwrap();
                assert_eq!(v["schema_version"], 2);
                assert!(v.get("link_work").is_none(), "{}", path.display());
                assert!(!render(&r, Format::Html, &t).contains("link-work"));
                assert!(!render(&r, Format::Csv, &t).contains("link_work_"));
                assert!(!render(&r, Format::Markdown, &t).contains(t.t("linkwork.title")));
            }
            exported += 1;
        }
    }
    assert!(exported >= 4, "exported {exported}");
}

#[test]
fn the_report_sums_the_link_work_of_its_sessions() {
    let content = deck();
    let tmp = TempDir::new("report");
    let rs: Vec<Reflection> = (0..5)
        .map(|seed| {
            let j = bot_game(&content, 3, seed);
            reflect(&content, &j, &tmp.0.join(seed.to_string()))
        })
        .collect();
    let report = Report::of(&rs);
    let lw = report.link_work.as_ref().expect("link work in the report");
    assert_eq!(lw.sessions, 5);
    let ties: u32 = rs.iter().map(|r| r.link_work.ties_total()).sum();
    let connections: usize = rs.iter().map(|r| r.link_work.connections()).sum();
    let informal: u32 = rs.iter().map(|r| r.link_work.informal_total()).sum();
    let refusals: usize = rs.iter().map(|r| r.link_work.refusals.len()).sum();
    let relapses: usize = rs.iter().map(|r| r.link_work.drifts.len()).sum();
    let founded: usize = rs.iter().map(|r| r.link_work.founded().count()).sum();
    assert_eq!(lw.totals.ties, ties);
    assert_eq!(lw.totals.connections, connections);
    assert_eq!(lw.totals.refusals, refusals);
    assert_eq!(lw.totals.relapses, relapses);
    assert_eq!(lw.totals.founded, founded);
    assert!((lw.mean_ties.unwrap() - f64::from(ties) / connections as f64).abs() < 1e-9);
    assert!((lw.informal_share.unwrap() - f64::from(informal) / f64::from(ties)).abs() < 1e-9);
    assert_eq!(lw.founded.iter().map(|(_, n)| n).sum::<usize>(), founded);
    for lang in ["ja", "en"] {
        let t = Texts::load(lang);
        let html = render_html(&report, &t);
        assert!(html.contains("<section id=\"link-work\">"));
        assert!(html.contains(t.t("report.link_work.mean_ties")));
        assert!(html.contains(&format!("{:.1}", lw.mean_ties.unwrap())));
        let csv = render_csv(&report, &t);
        let mut lines = csv.lines();
        let head = lines.next().unwrap();
        assert!(head.contains(t.t("report.col.ties_per_connected")));
        for line in lines {
            let cells: Vec<&str> = line.split(',').collect();
            let r = rs
                .iter()
                .find(|r| r.header.session_id == cells[0])
                .expect("a row per session");
            let n = cells.len();
            assert_eq!(cells[n - 6], r.link_work.ties_total().to_string());
            assert_eq!(cells[n - 2], r.link_work.drifts.len().to_string());
        }
    }
}

/// HTML text as the exports escape it.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
