//! A scripted tour for checking the UI by eye and in the on-screen test:
//! with `COMMUNITY_COPING_DEMO=DIR`, the app walks title → setup → handoff →
//! a scripted opening on the board (fixed seed, facilitator panel and
//! coaching hint on) → the first year end → the facilitator's private
//! window → the game played to its end by bots, with a bookmark, a note and
//! a debrief answer → the game's end → the debrief's outcome, stories,
//! questions and replay, saving a PNG of each in `DIR` (`NAME.png` in
//! Japanese, then `NAME-en.png` in English), then quits.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use bevy::prelude::*;
use bevy::render::view::window::screenshot::{Screenshot, ScreenshotCaptured};
use bevy::window::RequestRedraw;

use super::debrief::DebriefSession;
use super::facilitator::{Facilitator, PanelMode};
use super::screens::Screen;
use super::setup_form::SetupForm;
use super::table::{Table, new_header};
use super::{AppTexts, Scenario};
use crate::bots::advise;
use crate::i18n::Texts;
use crate::rules::{BotKind, SeatKind};
use crate::session::Record;
use crate::ui::debrief::DebriefTab;

/// The environment variable naming the folder for the tour's PNGs.
pub const DEMO_ENV: &str = "COMMUNITY_COPING_DEMO";

/// Frames to let the UI settle before each picture.
const SETTLE_FRAMES: u32 = 6;

/// The seed of the scripted game.
const DEMO_SEED: u64 = 7;

#[derive(Resource)]
struct Demo {
    dir: PathBuf,
    step: usize,
    wait: u32,
    requested: usize,
    saved: Arc<AtomicUsize>,
    /// The picture just taken, to take again in English: (name, phase).
    bilingual: Option<(String, u8)>,
    /// The finished game's session file, for the debrief.
    finished: Option<PathBuf>,
}

pub(super) fn plugin(app: &mut App) {
    let Some(dir) = std::env::var_os(DEMO_ENV).filter(|d| !d.is_empty()) else {
        return;
    };
    let dir = PathBuf::from(dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        error!(
            "demo: cannot create the folder {} for the pictures: {e}",
            dir.display()
        );
    }
    app.insert_resource(Demo {
        dir,
        step: 0,
        wait: SETTLE_FRAMES,
        requested: 0,
        saved: Arc::new(AtomicUsize::new(0)),
        bilingual: None,
        finished: None,
    })
    .add_systems(Update, run_tour);
}

fn run_tour(
    mut commands: Commands,
    mut demo: ResMut<Demo>,
    mut next: ResMut<NextState<Screen>>,
    scenario: Res<Scenario>,
    mut texts: ResMut<AppTexts>,
    table: Option<ResMut<Table>>,
    mut redraw: MessageWriter<RequestRedraw>,
    mut exit: MessageWriter<AppExit>,
    fac: Option<ResMut<Facilitator>>,
    private: Query<Entity, (With<Window>, Without<bevy::window::PrimaryWindow>)>,
    mut debrief: Option<ResMut<DebriefSession>>,
) {
    redraw.write(RequestRedraw);
    if demo.wait > 0 {
        demo.wait -= 1;
        return;
    }
    demo.wait = SETTLE_FRAMES;
    // Every picture of the main window is taken again in English.
    if let Some((name, phase)) = demo.bilingual.take() {
        match phase {
            0 => {
                texts.0 = Texts::load("en");
                demo.bilingual = Some((name, 1));
            }
            1 => {
                let en = name.replace(".png", "-en.png");
                shot_of(&mut commands, &mut demo, Screenshot::primary_window(), &en);
                demo.bilingual = Some((name, 2));
            }
            _ => texts.0 = Texts::load("ja"),
        }
        return;
    }
    let step = demo.step;
    demo.step += 1;
    match step {
        0 => shot(&mut commands, &mut demo, "title.png"),
        1 => next.set(Screen::Setup),
        2 => shot(&mut commands, &mut demo, "setup.png"),
        3 => match start_demo_table(&scenario, &texts.0) {
            Ok(t) => {
                commands.insert_resource(Facilitator::with_hint());
                commands.insert_resource(t);
                next.set(Screen::Playing);
            }
            Err(e) => {
                error!("demo: cannot start the scripted game: {e}");
                exit.write(AppExit::error());
            }
        },
        4 => shot(&mut commands, &mut demo, "handoff.png"),
        5 => {
            if let Some(mut t) = table {
                t.handoff_pending = false;
                // the scripted opening: the heuristic's first two choices
                for _ in 0..2 {
                    let action = advise(&t.game, t.game.current_seat()).action;
                    let texts = Texts::load(texts.0.language());
                    if let Err(e) = t.apply(action, &texts) {
                        error!("demo: scripted action refused: {e}");
                    }
                }
            }
        }
        6 => shot(&mut commands, &mut demo, "board.png"),
        7 => {
            // bots and the scripted seats play on to the first year end
            if let Some(mut t) = table {
                while t.year_end.is_none() && !t.game.is_over() {
                    let action = advise(&t.game, t.game.current_seat()).action;
                    if let Err(e) = t.apply(action, &texts.0) {
                        error!("demo: scripted action refused: {e}");
                        break;
                    }
                }
            }
        }
        8 => shot(&mut commands, &mut demo, "year-end.png"),
        9 => {
            if let Some(mut t) = table {
                t.year_end = None;
                t.handoff_pending = false;
            }
            if let Some(mut fac) = fac {
                fac.panel = PanelMode::Window;
            }
        }
        10 => {}
        11 => match private.iter().next() {
            Some(w) => shot_of(
                &mut commands,
                &mut demo,
                Screenshot::window(w),
                "facilitator.png",
            ),
            None => error!("demo: the facilitator window did not open"),
        },
        12 => {
            if let Some(mut fac) = fac {
                fac.panel = PanelMode::Side;
            }
            match table.map(|mut t| finish_demo_game(&mut t, &texts.0)) {
                Some(Ok(path)) => demo.finished = Some(path),
                Some(Err(e)) => error!("demo: cannot finish the game: {e}"),
                None => error!("demo: no table to finish"),
            }
        }
        13 => shot(&mut commands, &mut demo, "game-end.png"),
        14 => match demo
            .finished
            .as_deref()
            .map(|p| DebriefSession::open(p, Some(&scenario)))
        {
            Some(Ok(d)) => {
                commands.insert_resource(d);
                next.set(Screen::Debrief);
            }
            Some(Err(e)) => error!("demo: cannot open the debrief: {e}"),
            None => error!("demo: no finished game to debrief"),
        },
        15 => shot(&mut commands, &mut demo, "debrief.png"),
        16 => set_tab(debrief.as_deref_mut(), DebriefTab::Stories),
        17 => shot(&mut commands, &mut demo, "debrief-stories.png"),
        18 => set_tab(debrief.as_deref_mut(), DebriefTab::Questions),
        19 => shot(&mut commands, &mut demo, "debrief-questions.png"),
        20 => {
            if let Some(d) = debrief.as_deref_mut() {
                d.ui.replay_at = d.reflection.trace.steps.len() / 2;
            }
            set_tab(debrief.as_deref_mut(), DebriefTab::Replay);
        }
        21 => {}
        22 => shot(&mut commands, &mut demo, "debrief-replay.png"),
        _ => {
            if demo.saved.load(Ordering::SeqCst) >= demo.requested {
                exit.write(AppExit::Success);
            } else {
                demo.step = step;
            }
        }
    }
}

/// A picture of the main window, then (see `bilingual`) the same in English.
fn shot(commands: &mut Commands, demo: &mut Demo, name: &str) {
    shot_of(commands, demo, Screenshot::primary_window(), name);
    demo.bilingual = Some((name.to_owned(), 0));
}

fn shot_of(commands: &mut Commands, demo: &mut Demo, screenshot: Screenshot, name: &str) {
    let path = demo.dir.join(name);
    let saved = Arc::clone(&demo.saved);
    demo.requested += 1;
    commands
        .spawn(screenshot)
        .observe(move |captured: On<ScreenshotCaptured>| {
            match captured
                .image
                .clone()
                .try_into_dynamic()
                .map_err(|e| e.to_string())
                .and_then(|i| i.to_rgb8().save(&path).map_err(|e| e.to_string()))
            {
                Ok(()) => info!("demo: saved {}", path.display()),
                Err(e) => error!("demo: cannot save {}: {e}", path.display()),
            }
            saved.fetch_add(1, Ordering::SeqCst);
        });
}

/// Four seats, the last one a bot, facilitator mode on, seed fixed.
fn start_demo_table(scenario: &Scenario, texts: &Texts) -> Result<Table, String> {
    let mut form = SetupForm::new(&scenario.content, texts, DEMO_SEED);
    form.facilitator_mode = true;
    form.seats[3].kind = SeatKind::Bot(BotKind::Heuristic);
    let setup = form.to_setup(&scenario.content, texts)?;
    let header = new_header(
        &scenario.content,
        scenario.source.clone(),
        setup,
        true,
        Some(90),
        form.relabels(),
    );
    let dir = crate::session::sessions_dir().map_err(|e| e.to_string())?;
    Table::start(Arc::clone(&scenario.content), header, Some(&dir))
}

fn set_tab(debrief: Option<&mut DebriefSession>, tab: DebriefTab) {
    if let Some(d) = debrief {
        d.ui.tab = tab;
    }
}

/// Bots play the scripted game to its end; a bookmark, a note and a
/// debrief answer are recorded on the way, as a facilitator would.
fn finish_demo_game(table: &mut Table, texts: &Texts) -> Result<PathBuf, String> {
    let mut n = 0;
    while !table.game.is_over() {
        let action = advise(&table.game, table.game.current_seat()).action;
        table.apply(action, texts)?;
        n += 1;
        if n == 30 {
            let resident = table
                .game
                .district_residents(crate::content::DistrictId::from_index(0))
                .first()
                .copied();
            table.record(&Record::Bookmark {
                year: table.game.year(),
                seat: table.game.current_seat(),
                elapsed_secs: 1260,
                label: Some("ここで何が起きていた？".into()),
                resident: resident.map(|r| table.content.resident(r).key.clone()),
            })?;
        }
        if n == 60 {
            table.record(&Record::Note {
                text: "民生委員の名前が出るまで時間がかかった".into(),
                year: table.game.year(),
                seat: table.game.current_seat(),
                elapsed_secs: 2400,
            })?;
        }
    }
    table.record(&Record::DebriefNote {
        question: 0,
        text: "ひとり暮らしの人ほど、声が届くまで時間がかかった。".into(),
    })?;
    table
        .session_path()
        .map(std::path::Path::to_path_buf)
        .ok_or_else(|| "the demo table writes no session".to_owned())
}
