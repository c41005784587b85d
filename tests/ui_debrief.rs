//! The debrief screen's egui functions through egui_kittest, on a real bot
//! session written to disk and read back: the stories list and its orders,
//! the questions one at a time with notes, the workshop form, the replay's
//! moments and fork, and every string the debrief shows has a glyph in the
//! bundled font.
#![cfg(feature = "app")]

use std::sync::Arc;

use bevy_egui::egui::{self, accesskit::Role, vec2};
use community_coping::bots::Bot;
use community_coping::content::{Content, default_content};
use community_coping::i18n::{LogContext, Texts, story_title};
use community_coping::reflect::{Reflection, StoryOrder, sort_stories};
use community_coping::rules::{BotKind, Game, SeatKind, Setup, replay_prefix};
use community_coping::session::{
    Record, ScenarioSource, SessionHeader, SessionWriter, load_session,
};
use community_coping::ui::debrief::{
    DebriefIntent, DebriefTab, DebriefUi, DebriefView, debrief, moments,
};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// A finished 3-seat bot game saved as a session with a bookmark and a note.
fn reflection(seed: u64) -> Reflection {
    reflection_on(default_content().unwrap(), seed)
}

/// [`reflection`] on a deck of its own.
fn reflection_on(content: Arc<Content>, seed: u64) -> Reflection {
    let setup = Setup::standard(&content, 3, SeatKind::Human, "standard", seed);
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("cc-ui-debrief-{}-{seed}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let header = SessionHeader::new(
        &content,
        ScenarioSource::BuiltIn("default".into()),
        setup.clone(),
    );
    let mut w = SessionWriter::create(&dir, &header).unwrap();
    let mut game = Game::new(Arc::clone(&content), setup).unwrap();
    let mut bots: Vec<Bot> = (0..3)
        .map(|s| Bot::new(BotKind::Heuristic, seed, s))
        .collect();
    let mut n = 0;
    while !game.is_over() {
        let seat = game.current_seat();
        let action = bots[seat].choose(&game, seat);
        game.act(seat, &action).unwrap();
        w.append(&Record::act(seat, action, &game)).unwrap();
        n += 1;
        if n == 20 {
            w.append(&Record::Bookmark {
                year: game.year(),
                seat,
                elapsed_secs: 300,
                label: Some("ここで相談".into()),
                resident: None,
            })
            .unwrap();
        }
    }
    w.append(&Record::finished(&game)).unwrap();
    let loaded = load_session(w.path()).unwrap();
    let r = Reflection::of_session(&loaded, content).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    r
}

struct Screen {
    r: Reflection,
    texts: Texts,
    ui: DebriefUi,
    replay: Option<Game>,
    intents: Vec<DebriefIntent>,
}

fn harness(tab: DebriefTab, lang: &str) -> Harness<'static, Screen> {
    let screen = Screen {
        r: reflection(4),
        texts: Texts::load(lang),
        ui: DebriefUi::on(tab),
        replay: None,
        intents: Vec::new(),
    };
    let mut h = Harness::builder()
        .with_size(vec2(1920.0, 4000.0))
        .build_ui_state(
            |ui, s: &mut Screen| {
                let mut view = DebriefView::new(&s.texts);
                view.replay = s.replay.as_ref();
                if let Some(i) = debrief(ui, &s.r, &view, &mut s.ui) {
                    s.intents.push(i);
                }
            },
            screen,
        );
    h.run();
    h
}

/// Labels of the story cards' headings, top to bottom.
fn story_headings(h: &Harness<'_, Screen>) -> Vec<String> {
    let s = h.state();
    let words = LogContext::new(&s.r.content, &s.texts, &s.r.header.setup, &[]);
    let titles: Vec<String> =
        s.r.stories
            .iter()
            .map(|st| story_title(st, &words))
            .collect();
    let mut found: Vec<(f32, String)> = Vec::new();
    for t in &titles {
        for node in h.query_all_by_label_contains(t) {
            found.push((node.rect().min.y, t.clone()));
        }
    }
    found.sort_by(|a, b| a.0.total_cmp(&b.0));
    found.into_iter().map(|(_, t)| t).collect()
}

#[test]
fn the_stories_list_shows_every_resident_and_sorts_on_request() {
    let mut h = harness(DebriefTab::Stories, "ja");
    let shown = story_headings(&h);
    let s = h.state();
    assert_eq!(shown.len(), s.r.stories.len(), "one card per resident");
    let words = LogContext::new(&s.r.content, &s.texts, &s.r.header.setup, &[]);
    let mut expected = s.r.stories.clone();
    sort_stories(&mut expected, &s.r.content, StoryOrder::LongestWaiting);
    let expected: Vec<String> = expected.iter().map(|st| story_title(st, &words)).collect();
    assert_eq!(shown, expected, "longest waiting first by default");

    h.get_by_label("地区ごと").click();
    h.run();
    assert_eq!(h.state().ui.order, StoryOrder::District);
    let s = h.state();
    let mut by_district = s.r.stories.clone();
    sort_stories(&mut by_district, &s.r.content, StoryOrder::District);
    let words = LogContext::new(&s.r.content, &s.texts, &s.r.header.setup, &[]);
    let expected: Vec<String> = by_district
        .iter()
        .map(|st| story_title(st, &words))
        .collect();
    assert_eq!(story_headings(&h), expected);
}

#[test]
fn the_connections_tab_names_the_needs_each_connection_met() {
    use community_coping::i18n::need_label;
    let h = harness(DebriefTab::Connections, "ja");
    let s = h.state();
    h.get_by_label("満たした必要");
    assert!(!s.r.usage.used.is_empty());
    let rows: Vec<String> =
        s.r.usage
            .used
            .iter()
            .map(|u| {
                assert!(!u.met.is_empty());
                let met: Vec<String> = u
                    .met
                    .iter()
                    .map(|(n, k)| format!("{} ×{k}", need_label(&s.texts, &s.r.content, *n)))
                    .collect();
                met.join("、")
            })
            .collect();
    for row in &rows {
        let want = rows.iter().filter(|r| *r == row).count();
        assert_eq!(h.query_all_by_label(row).count(), want, "{row}");
    }
}

#[test]
fn an_export_offers_to_open_its_folder() {
    use community_coping::app::{OpenFolderError, containing_folder, open_containing_folder};
    let r = reflection(5);
    let texts = Texts::load("ja");
    let exported = std::path::PathBuf::from("exports").join("s.html");
    let message = texts.fmt("debrief.exported", &[("path", &exported.display())]);
    let mut ui_state = DebriefUi::on(DebriefTab::Outcome);
    let mut h = Harness::builder()
        .with_size(vec2(1600.0, 900.0))
        .build_ui_state(
            |ui, got: &mut Vec<DebriefIntent>| {
                let mut view = DebriefView::new(&texts);
                view.message = Some(&message);
                view.exported = Some(&exported);
                if let Some(i) = debrief(ui, &r, &view, &mut ui_state) {
                    got.push(i);
                }
            },
            Vec::new(),
        );
    h.run();
    h.get_by_label(&message);
    h.get_by_label("フォルダーを開く").click();
    h.run();
    assert_eq!(
        h.state(),
        &vec![DebriefIntent::OpenFolder(exported.clone())]
    );
    drop(h);
    // The folder is the file's; a folder that is gone is said, nothing is started.
    assert_eq!(
        containing_folder(&exported),
        std::path::PathBuf::from("exports")
    );
    let gone = std::env::temp_dir()
        .join(format!("cc-no-such-folder-{}", std::process::id()))
        .join("s.html");
    match open_containing_folder(&gone) {
        Err(OpenFolderError::Missing(folder)) => assert_eq!(Some(folder.as_path()), gone.parent()),
        other => panic!("expected a missing folder, got {other:?}"),
    }
}

#[test]
fn questions_show_one_at_a_time_and_notes_are_saved_as_an_intent() {
    let mut h = harness(DebriefTab::Questions, "ja");
    let questions: Vec<String> = h
        .state()
        .r
        .content
        .debrief_questions()
        .iter()
        .map(|q| q.get("ja").to_owned())
        .collect();
    assert!(questions.len() >= 2);
    h.get_by_label(&questions[0]);
    assert!(
        h.query_by_label(&questions[1]).is_none(),
        "one question at a time"
    );
    assert!(h.get_by_label("メモを保存").accesskit_node().is_disabled());

    let input = h.get_by_role(Role::MultilineTextInput);
    input.click();
    h.run();
    h.get_by_role(Role::MultilineTextInput)
        .type_text("孤立は見えにくい");
    h.run();
    h.get_by_label("メモを保存").click();
    h.run();
    assert_eq!(
        h.state().intents,
        vec![DebriefIntent::SaveAnswer {
            question: 0,
            text: "孤立は見えにくい".into()
        }]
    );

    h.get_by_label("次の問い ▶").click();
    h.run();
    h.get_by_label(&questions[1]);
    assert!(h.query_by_label(&questions[0]).is_none());
}

#[test]
fn the_workshop_saves_a_proposal_only_with_a_name_and_a_worry() {
    let mut h = harness(DebriefTab::Workshop, "en");
    assert!(
        h.get_by_label("Save card proposal")
            .accesskit_node()
            .is_disabled()
    );
    h.state_mut().ui.workshop.name = "Station pharmacist".into();
    h.run();
    assert!(
        h.get_by_label("Save card proposal")
            .accesskit_node()
            .is_disabled()
    );
    h.query_all_by_label_contains("health")
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.ends_with(" health"))
        })
        .expect("the health worry checkbox")
        .click();
    h.run();
    h.get_by_label("Save card proposal").click();
    h.run();
    let [DebriefIntent::Propose(p)] = h.state().intents.as_slice() else {
        panic!("expected one proposal, got {:?}", h.state().intents);
    };
    assert_eq!(p.name, "Station pharmacist");
    assert_eq!(p.helps, vec![community_coping::content::Worry::Health]);
}

#[test]
fn the_replay_map_takes_most_of_the_screen_at_1280x720() {
    use community_coping::ui::targets::{self, Target};
    let r = reflection(4);
    let content = Arc::clone(&r.content);
    let mut journal = community_coping::rules::Journal::new(&content, r.header.setup.clone());
    for st in &r.trace.steps {
        journal.record(st.seat, st.action.clone());
    }
    let at = r.trace.steps.len() / 2;
    let game = replay_prefix(Arc::clone(&content), &journal, at).unwrap();
    for lang in ["ja", "en"] {
        let texts = Texts::load(lang);
        let mut state = DebriefUi::on(DebriefTab::Replay);
        state.replay_at = at;
        let screen = vec2(1280.0, 720.0);
        let mut h = Harness::builder().with_size(screen).build_ui(|ui| {
            let mut view = DebriefView::new(&texts);
            view.replay = Some(&game);
            let _ = debrief(ui, &r, &view, &mut state);
        });
        h.ctx.all_styles_mut(|style| {
            use egui::{FontId, TextStyle};
            style.text_styles = [
                (TextStyle::Small, FontId::proportional(18.0)),
                (TextStyle::Body, FontId::proportional(24.0)),
                (TextStyle::Button, FontId::proportional(24.0)),
                (TextStyle::Heading, FontId::proportional(32.0)),
                (TextStyle::Monospace, FontId::monospace(20.0)),
            ]
            .into();
        });
        h.run();
        let map = targets::drawing(&h.ctx)
            .rect(Target::Map)
            .expect("the replay draws the map");
        assert!(
            map.height() >= screen.y / 2.0,
            "{lang}: the map is {map:?} on a {screen:?} screen"
        );
        assert!(map.max.y <= screen.y + 0.5, "{lang}: {map:?} fits");
    }
}

#[test]
fn the_replay_asks_for_boards_steps_by_turn_and_forks_from_a_moment() {
    let mut h = harness(DebriefTab::Replay, "ja");
    let total = h.state().r.trace.steps.len();
    h.state_mut().ui.replay_at = total;
    h.run();
    // No board yet: the screen asks the shell to replay to where it stands.
    assert_eq!(
        h.state().intents.last(),
        Some(&DebriefIntent::ReplayTo(total))
    );
    h.get_by_label("|◀ 最初").click();
    h.run();
    assert_eq!(h.state().ui.replay_at, 0);
    let content = Arc::clone(&h.state().r.content);
    let journal_game = |h: &Harness<'_, Screen>, at: usize| {
        let s = h.state();
        let mut j = community_coping::rules::Journal::new(&content, s.r.header.setup.clone());
        for st in &s.r.trace.steps {
            j.record(st.seat, st.action.clone());
        }
        replay_prefix(Arc::clone(&content), &j, at).unwrap()
    };
    let g = journal_game(&h, 0);
    h.state_mut().replay = Some(g);
    h.run();
    h.get_by_label("次の番 ▶").click();
    h.run();
    let m = moments(&h.state().r);
    assert_eq!(h.state().ui.replay_at, m.turns[1], "one turn forward");
    let at = h.state().ui.replay_at;
    let g = journal_game(&h, at);
    h.state_mut().replay = Some(g);
    h.run();
    // Forking asks first, and Cancel starts nothing.
    h.get_by_label("ここから練習ゲームを始める").click();
    h.run();
    h.get_by_label("練習ゲームを始めますか？");
    assert!(
        !h.state()
            .intents
            .iter()
            .any(|i| matches!(i, DebriefIntent::Fork { .. })),
        "no fork before the confirmation"
    );
    h.get_by_label("やめる").click();
    h.run();
    assert!(h.query_by_label("練習ゲームを始めますか？").is_none());
    assert!(
        !h.state()
            .intents
            .iter()
            .any(|i| matches!(i, DebriefIntent::Fork { .. })),
        "a cancelled fork starts nothing"
    );
    h.get_by_label("ここから練習ゲームを始める").click();
    h.run();
    h.get_by_label("練習を始める").click();
    h.run();
    assert_eq!(h.state().intents.last(), Some(&DebriefIntent::Fork { at }));
    h.run();
    assert!(h.query_by_label("練習ゲームを始めますか？").is_none());
    // The bookmark is a moment to jump to.
    assert_eq!(m.marks.len(), 1);
    assert_eq!(m.marks[0].0, 20);
}

#[test]
fn every_character_of_the_debrief_export_and_report_strings_has_a_glyph() {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    let ctx = egui::Context::default();
    ctx.add_font(FontInsert::new(
        "BIZUDPGothic",
        egui::FontData::from_static(include_bytes!("../assets/fonts/BIZUDPGothic-Regular.ttf")),
        vec![InsertFontFamily {
            family: egui::FontFamily::Proportional,
            priority: FontPriority::Highest,
        }],
    ));
    ctx.run_ui(egui::RawInput::default(), |_| {})
        .textures_delta
        .clear();
    let font = egui::FontId::proportional(24.0);
    for lang in ["ja", "en"] {
        let texts = Texts::load(lang);
        let text: String = texts
            .keys()
            .filter(|k| {
                k.starts_with("debrief.")
                    || k.starts_with("sessions.")
                    || k.starts_with("story.")
                    || k.starts_with("ending.")
                    || k.starts_with("linkwork.")
            })
            .map(|k| texts.t(k).to_owned())
            .collect();
        let missing: std::collections::BTreeSet<char> = ctx.fonts_mut(|f| {
            text.chars()
                .filter(|c| !c.is_control() && !f.has_glyph(&font, *c))
                .collect()
        });
        assert!(missing.is_empty(), "{lang}: no glyph for {missing:?}");
    }
}

#[test]
fn the_sessions_list_opens_a_session_and_leads_to_the_report() {
    use community_coping::app::{SessionsIntent, sessions_list};
    use community_coping::session::{SessionListing, SessionSummary};
    let r = reflection(6);
    let listing = SessionListing {
        sessions: vec![SessionSummary {
            path: "x.ccsession".into(),
            session_id: r.header.session_id.clone(),
            created: "2026-11-20T09:30:00Z".into(),
            scenario: r.header.scenario.clone(),
            deck_id: "default".into(),
            deck_title: r.content.title().clone(),
            seat_names: vec!["Aさん".into(), "Bさん".into()],
            year_reached: 2024,
            outcome: r.finished.clone(),
            damage: None,
            practice: false,
        }],
        skipped: Vec::new(),
    };
    let texts = Texts::load("ja");
    let mut h = Harness::builder()
        .with_size(vec2(1600.0, 900.0))
        .build_ui_state(
            |ui, got: &mut Vec<SessionsIntent>| {
                if let Some(i) = sessions_list(ui, &texts, &listing, None) {
                    got.push(i);
                }
            },
            Vec::new(),
        );
    h.run();
    h.get_by_label_contains("2026-11-20 09:30");
    h.get_by_label("ふりかえりを開く").click();
    h.run();
    h.get_by_label("セッションをまとめて見る（レポート）")
        .click();
    h.run();
    assert_eq!(
        h.state(),
        &vec![SessionsIntent::Open(0), SessionsIntent::Report]
    );
}

#[test]
fn the_sessions_list_and_the_title_mark_a_practice_game() {
    use community_coping::app::{sessions_list, title_screen};
    use community_coping::session::{SessionListing, SessionSummary};
    let r = reflection(6);
    let summary = |created: &str, practice: bool| SessionSummary {
        path: format!("{created}.ccsession").into(),
        session_id: created.into(),
        created: created.into(),
        scenario: r.header.scenario.clone(),
        deck_id: "default".into(),
        deck_title: r.content.title().clone(),
        seat_names: vec!["Aさん".into()],
        year_reached: 2024,
        outcome: None,
        damage: None,
        practice,
    };
    let listing = SessionListing {
        sessions: vec![
            summary("2026-11-21T10:00:00Z", true),
            summary("2026-11-20T09:30:00Z", false),
        ],
        skipped: Vec::new(),
    };
    for lang in ["ja", "en"] {
        let texts = Texts::load(lang);
        let word = texts.t("session.practice").to_owned();
        let mut h = Harness::builder()
            .with_size(vec2(1600.0, 900.0))
            .build_ui(|ui| {
                let _ = sessions_list(ui, &texts, &listing, None);
            });
        h.run();
        let marked: Vec<_> = h
            .query_all_by_label_contains(&word)
            .map(|n| n.accesskit_node().id())
            .collect();
        let practice = h.get_by_label_contains("2026-11-21 10:00");
        assert!(marked.contains(&practice.accesskit_node().id()), "{lang}");
        let played = h.get_by_label_contains("2026-11-20 09:30");
        assert!(!marked.contains(&played.accesskit_node().id()), "{lang}");
        drop(h);
        let mut h = Harness::builder()
            .with_size(vec2(1600.0, 900.0))
            .build_ui(|ui| {
                let _ = title_screen(ui, &texts, "", Some(&listing.sessions[0]), None);
            });
        h.run();
        let marked: Vec<_> = h
            .query_all_by_label_contains(&word)
            .map(|n| n.accesskit_node().id())
            .collect();
        let line = h.get_by_label_contains("2026-11-21");
        assert!(marked.contains(&line.accesskit_node().id()), "{lang}");
    }
}

#[test]
fn the_report_screen_shows_the_sessions_summed_up() {
    use community_coping::app::{ReportIntent, report_view};
    use community_coping::report::Report;
    let report = Report::of(&[reflection(7), reflection(8)]);
    let texts = Texts::load("en");
    let lang = texts.language();
    let district = report.districts[0].district.name.get(lang).to_owned();
    let mut h = Harness::builder()
        .with_size(vec2(1600.0, 6000.0))
        .build_ui_state(
            |ui, got: &mut Vec<ReportIntent>| {
                if let Some(i) = report_view(ui, &texts, &report) {
                    got.push(i);
                }
            },
            Vec::new(),
        );
    h.run();
    assert_eq!(report.sessions.len(), 2);
    h.get_by_label(&district);
    h.get_by_label("HTML (to print)").click();
    h.run();
    assert_eq!(h.state(), &vec![ReportIntent::ExportHtml]);
}

/// A finished bot game on the link-work fixture deck (trust, refusals,
/// conferences, resources, drifting back), saved and read back.
fn link_work_reflection(seed: u64) -> Reflection {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/linkwork-debrief");
    let content: Arc<Content> =
        Arc::new(community_coping::content::load_dir(&dir).unwrap().content);
    let setup = Setup::standard(&content, 3, SeatKind::Human, "standard", seed);
    let journal = community_coping::sim::play_one(&content, setup.clone())
        .unwrap()
        .journal
        .unwrap();
    let out = std::env::temp_dir().join(format!("cc-ui-debrief-lw-{}-{seed}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let header = SessionHeader::new(&content, ScenarioSource::Directory(dir), setup.clone());
    let mut w = SessionWriter::create(&out, &header).unwrap();
    let mut game = Game::new(Arc::clone(&content), setup).unwrap();
    for e in &journal.entries {
        game.act(e.seat, &e.action).unwrap();
        w.append(&Record::act(e.seat, e.action.clone(), &game))
            .unwrap();
    }
    w.append(&Record::finished(&game)).unwrap();
    let r = Reflection::of_session(&load_session(w.path()).unwrap(), content).unwrap();
    let _ = std::fs::remove_dir_all(&out);
    r
}

/// The bundled font and the projector's text sizes.
fn projector_style(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    use egui::{FontFamily, FontId, TextStyle};
    ctx.add_font(FontInsert::new(
        "BIZUDPGothic",
        egui::FontData::from_static(include_bytes!("../assets/fonts/BIZUDPGothic-Regular.ttf")),
        vec![InsertFontFamily {
            family: FontFamily::Proportional,
            priority: FontPriority::Highest,
        }],
    ));
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Small, FontId::proportional(18.0)),
            (TextStyle::Body, FontId::proportional(24.0)),
            (TextStyle::Button, FontId::proportional(24.0)),
            (TextStyle::Heading, FontId::proportional(32.0)),
            (TextStyle::Monospace, FontId::monospace(20.0)),
        ]
        .into();
    });
}

#[test]
fn the_link_work_tab_shows_ties_trust_refusals_resources_and_drifts_on_one_screen() {
    use community_coping::i18n::link_work_lines;
    let r = link_work_reflection(7);
    let lw = &r.link_work;
    assert!(!lw.ties.is_empty() && !lw.drifts.is_empty() && !lw.trust.is_empty());
    for lang in ["ja", "en"] {
        let screen = Screen {
            r: r.clone(),
            texts: Texts::load(lang),
            ui: DebriefUi::on(DebriefTab::Outcome),
            replay: None,
            intents: Vec::new(),
        };
        let mut h = Harness::builder()
            .with_size(vec2(1920.0, 1080.0))
            .build_ui_state(
                |ui, s: &mut Screen| {
                    let view = DebriefView::new(&s.texts);
                    if let Some(i) = debrief(ui, &s.r, &view, &mut s.ui) {
                        s.intents.push(i);
                    }
                },
                screen,
            );
        projector_style(&h.ctx);
        h.run();
        let texts = Texts::load(lang);
        h.get_by_label(texts.t("debrief.tab.link_work")).click();
        h.run();
        assert_eq!(h.state().ui.tab, DebriefTab::LinkWork);
        let words = LogContext::new(&r.content, &texts, &r.header.setup, &[]);
        let lines = link_work_lines(lw, &words);
        let mut shown = 0;
        for line in &lines {
            if line.key == "ties_by_resident" {
                continue;
            }
            let label = format!("・{}", line.sentence);
            let node = h.get_by_label(&label);
            // on the projector without scrolling
            assert!(
                node.rect().max.y <= 1080.0,
                "{lang}: {} below the screen",
                line.key
            );
            shown += 1;
        }
        for key in [
            "ties", "informal", "trust", "refusals", "created", "drifted",
        ] {
            assert!(lines.iter().any(|l| l.key == key), "{lang}: {key}");
        }
        assert!(shown >= 6);
    }
    // A deck without link work (the version-1 default deck) has no such tab.
    let v1 = community_coping::content::built_in("default", "67799fc9860822e1")
        .expect("the version-1 default deck");
    assert!(!v1.link_work());
    let screen = Screen {
        r: reflection_on(v1, 4),
        texts: Texts::load("ja"),
        ui: DebriefUi::on(DebriefTab::Outcome),
        replay: None,
        intents: Vec::new(),
    };
    let mut h = Harness::builder()
        .with_size(vec2(1920.0, 1080.0))
        .build_ui_state(
            |ui, s: &mut Screen| {
                let view = DebriefView::new(&s.texts);
                let _ = debrief(ui, &s.r, &view, &mut s.ui);
            },
            screen,
        );
    h.run();
    let tabs = Texts::load("ja");
    assert!(
        h.query_all_by_label(tabs.t("debrief.tab.outcome"))
            .next()
            .is_some()
    );
    assert!(h.query_by_label("つなぐ仕事").is_none());
    // The version-2 default deck has link work: its debrief has the tab.
    let h = harness(DebriefTab::Outcome, "ja");
    assert!(h.query_by_label("つなぐ仕事").is_some());
}
