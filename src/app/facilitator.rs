//! Facilitator mode: pause, session timer with a pace hint, quick notes and
//! bookmarks, the coaching hint, hidden worries and recorded overrides. Shown
//! as a side panel beside the board (single-display setups) or in a private
//! second window; nothing private is drawn anywhere else. Hidden worries are
//! listed only in the private window, never on the projected one.

use bevy::camera::RenderTarget;
use bevy::ecs::schedule::ScheduleLabel;
use bevy::prelude::*;
use bevy::window::{RequestRedraw, WindowRef};
use bevy_egui::{EguiContext, EguiSchedule, PrimaryEguiContext, egui};

use super::AppTexts;
use super::screens::Screen;
use super::table::Table;
use crate::i18n::{Texts, describe_action, need_label, worry_label};
use crate::rules::{BotKind, SeatKind};
use crate::session::{InterventionKind, Record};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Facilitator>()
        .add_systems(
            Update,
            (facilitator_keys, tick_timer, sync_private_window)
                .run_if(in_state(Screen::Playing).and_then(resource_exists::<Table>)),
        )
        .add_systems(OnExit(Screen::Playing), close_private_window)
        .add_systems(FacilitatorPass, draw_private_window);
}

/// The egui pass of the facilitator's private window.
#[derive(ScheduleLabel, Clone, Debug, PartialEq, Eq, Hash)]
pub struct FacilitatorPass;

/// Marks the private window and its camera.
#[derive(Component)]
struct PrivateWindow;

/// Where the facilitator's tools are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PanelMode {
    /// Beside the board in the main window (single display).
    #[default]
    Side,
    /// In a second OS window for the facilitator's own screen.
    Window,
    /// Hidden.
    Off,
}

/// The facilitator's tools and what they are typing.
#[derive(Resource, Default)]
pub struct Facilitator {
    /// Facilitator mode is on for this session.
    pub enabled: bool,
    /// Where the tools are shown (F2 cycles side panel → own window → hidden).
    pub panel: PanelMode,
    /// Show the heuristic bot's suggestion on the board.
    pub coaching_hint: bool,
    /// The resident selected on the board, named in bookmarks.
    pub focus: Option<crate::content::ResidentId>,
    note: String,
    reason: String,
    message: Option<String>,
}

impl Facilitator {
    /// A fresh facilitator state for a session.
    pub fn for_session(enabled: bool) -> Self {
        Self {
            enabled,
            ..default()
        }
    }

    /// Facilitator mode with the coaching hint on (the scripted tour).
    pub(super) fn with_hint() -> Self {
        Self {
            coaching_hint: true,
            ..Self::for_session(true)
        }
    }

    /// Whether the tools are beside the board, on the main (projected) window.
    pub fn side_panel_open(&self) -> bool {
        self.enabled && self.panel == PanelMode::Side
    }
}

/// Where [`draw_panel`] draws the tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// Beside the board, on the window everyone sees.
    Side,
    /// In the facilitator's own window.
    Private,
}

/// F2 panel, F3 hint, Pause/P with Ctrl: pause, B: bookmark.
fn facilitator_keys(
    keys: Res<ButtonInput<KeyCode>>,
    mut fac: ResMut<Facilitator>,
    mut table: ResMut<Table>,
    texts: Res<AppTexts>,
) {
    if !fac.enabled {
        return;
    }
    let ctrl = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    if keys.just_pressed(KeyCode::F2) {
        fac.panel = match fac.panel {
            PanelMode::Side => PanelMode::Window,
            PanelMode::Window => PanelMode::Off,
            PanelMode::Off => PanelMode::Side,
        };
    }
    if keys.just_pressed(KeyCode::F3) {
        fac.coaching_hint = !fac.coaching_hint;
    }
    if keys.just_pressed(KeyCode::Pause) || (ctrl && keys.just_pressed(KeyCode::KeyP)) {
        toggle_pause(&mut table, &mut fac);
    }
    if ctrl && keys.just_pressed(KeyCode::KeyB) {
        bookmark(&mut table, &mut fac, &texts.0);
    }
}

/// Keeps the timer moving on screen once a second while the panel shows it.
fn tick_timer(
    fac: Res<Facilitator>,
    mut redraw: MessageWriter<RequestRedraw>,
    time: Res<Time>,
    mut last: Local<u64>,
) {
    let second = time.elapsed_secs() as u64;
    if fac.enabled && fac.panel != PanelMode::Off && second != *last {
        *last = second;
        redraw.write(RequestRedraw);
    }
}

/// Opens or closes the private window to match the panel mode; a window the
/// facilitator closed by hand puts the tools back beside the board.
fn sync_private_window(
    mut commands: Commands,
    mut fac: ResMut<Facilitator>,
    texts: Res<AppTexts>,
    windows: Query<Entity, (With<Window>, With<PrivateWindow>)>,
    cameras: Query<Entity, (With<Camera>, With<PrivateWindow>)>,
    mut opened: Local<bool>,
) {
    let want = fac.enabled && fac.panel == PanelMode::Window;
    let window = windows.iter().next();
    match (want, window) {
        (true, None) if *opened => {
            // closed by hand
            *opened = false;
            fac.panel = PanelMode::Side;
            for c in &cameras {
                commands.entity(c).despawn();
            }
        }
        (true, None) => {
            let window = commands
                .spawn((
                    Window {
                        title: texts.0.t("facilitator.window_title").to_owned(),
                        resolution: (1280, 900).into(),
                        ..default()
                    },
                    PrivateWindow,
                ))
                .id();
            commands.spawn((
                Camera2d,
                Camera {
                    order: 1,
                    ..default()
                },
                RenderTarget::Window(WindowRef::Entity(window)),
                EguiSchedule::new(FacilitatorPass),
                PrivateWindow,
            ));
            *opened = true;
        }
        (false, Some(_)) => {
            close(&mut commands, &windows, &cameras);
            *opened = false;
        }
        _ => {}
    }
}

fn close_private_window(
    mut commands: Commands,
    windows: Query<Entity, (With<Window>, With<PrivateWindow>)>,
    cameras: Query<Entity, (With<Camera>, With<PrivateWindow>)>,
) {
    close(&mut commands, &windows, &cameras);
}

fn close(
    commands: &mut Commands,
    windows: &Query<Entity, (With<Window>, With<PrivateWindow>)>,
    cameras: &Query<Entity, (With<Camera>, With<PrivateWindow>)>,
) {
    for e in windows.iter().chain(cameras.iter()) {
        commands.entity(e).despawn();
    }
}

/// The private window: the same tools as the side panel, on the facilitator's screen.
fn draw_private_window(
    mut context: Query<&mut EguiContext, (With<PrivateWindow>, Without<PrimaryEguiContext>)>,
    table: Option<ResMut<Table>>,
    texts: Res<AppTexts>,
    mut fac: ResMut<Facilitator>,
) {
    let (Ok(mut context), Some(mut table)) = (context.single_mut(), table) else {
        return;
    };
    let ctx = context.get_mut().clone();
    let mut root = super::root_ui(&ctx, "facilitator_window_root");
    let asked = egui::CentralPanel::default()
        .show(&mut root, |ui| {
            facilitator_window(ui, &table, &texts.0, &mut fac)
        })
        .inner;
    if let Some(intent) = asked {
        apply(&mut table, &mut fac, &texts.0, intent);
    }
}

/// The private window's contents: every tool, the hidden worries listed
/// open. Returns what the facilitator asked for, for [`apply`].
pub fn facilitator_window(
    ui: &mut egui::Ui,
    table: &Table,
    texts: &Texts,
    fac: &mut Facilitator,
) -> Option<FacilitatorIntent> {
    egui::ScrollArea::vertical()
        .show(ui, |ui| draw_panel(ui, table, texts, fac, Place::Private))
        .inner
}

/// What the facilitator asked for in the tools.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FacilitatorIntent {
    TogglePause,
    Bookmark,
    AddNote(String),
    SeatKind(usize, SeatKind),
    Intervene(InterventionKind, String),
}

/// Applies the facilitator's choice: the one place the tools change the
/// session (through the table, so the rules and the journal see it).
pub fn apply(table: &mut Table, fac: &mut Facilitator, texts: &Texts, intent: FacilitatorIntent) {
    match intent {
        FacilitatorIntent::TogglePause => toggle_pause(table, fac),
        FacilitatorIntent::Bookmark => bookmark(table, fac, texts),
        FacilitatorIntent::AddNote(text) => {
            let record = Record::Note {
                text,
                year: table.game.year(),
                seat: table.game.current_seat(),
                elapsed_secs: table.elapsed_secs as u64,
            };
            match table.record(&record) {
                Ok(()) => fac.note.clear(),
                Err(e) => fac.message = Some(e),
            }
        }
        FacilitatorIntent::SeatKind(seat, kind) => {
            if let Err(e) = table.set_seat_kind(seat, kind) {
                fac.message = Some(e);
            }
        }
        FacilitatorIntent::Intervene(kind, reason) => match table.intervene(kind, &reason, texts) {
            Ok(()) => {
                fac.reason.clear();
                fac.message = None;
            }
            Err(e) => fac.message = Some(e),
        },
    }
}

fn toggle_pause(table: &mut Table, fac: &mut Facilitator) {
    table.paused = !table.paused;
    let record = Record::Pause {
        paused: table.paused,
        elapsed_secs: table.elapsed_secs as u64,
    };
    fac.message = table.record(&record).err();
}

fn bookmark(table: &mut Table, fac: &mut Facilitator, texts: &Texts) {
    let record = Record::Bookmark {
        year: table.game.year(),
        seat: table.game.current_seat(),
        elapsed_secs: table.elapsed_secs as u64,
        label: None,
        resident: fac
            .focus
            .map(|r| table.game.content().resident(r).key.clone()),
    };
    fac.message = Some(match table.record(&record) {
        Ok(()) => texts.fmt("facilitator.bookmarked", &[("year", &table.game.year())]),
        Err(e) => e,
    });
}

fn clock(secs: f64) -> String {
    let s = secs as u64;
    format!("{}:{:02}", s / 60, s % 60)
}

/// The tools, beside the board or in the private window (`place`). They
/// read the table and return what the facilitator asked for; [`apply`]
/// carries it out.
pub(super) fn draw_panel(
    ui: &mut egui::Ui,
    table: &Table,
    texts: &Texts,
    fac: &mut Facilitator,
    place: Place,
) -> Option<FacilitatorIntent> {
    let mut intent = None;
    ui.heading(texts.t("facilitator.title"));
    ui.label(texts.fmt(
        "facilitator.timer",
        &[("elapsed", &clock(table.elapsed_secs))],
    ));
    if let Some(target) = table.header.target_minutes {
        let years_left = table.content.end_year() - table.game.year() + 1;
        let minutes_left = (f64::from(target) - table.elapsed_secs / 60.0).max(0.0) as i64;
        ui.label(texts.fmt("facilitator.target", &[("minutes", &target)]));
        ui.label(texts.fmt(
            "facilitator.pace_hint",
            &[("years", &years_left), ("minutes", &minutes_left)],
        ));
        let total_years =
            f64::from((table.content.end_year() - table.content.start_year() + 1).max(1) as u32);
        let share_time_left = minutes_left as f64 / f64::from(target.max(1));
        let share_years_left = f64::from(years_left.max(0) as u32) / total_years;
        ui.label(if share_time_left + 0.05 < share_years_left {
            format!("！ {}", texts.t("facilitator.pace_behind"))
        } else {
            format!("✔ {}", texts.t("facilitator.pace_ok"))
        });
    }
    ui.horizontal(|ui| {
        let label = if table.paused {
            "facilitator.resume"
        } else {
            "facilitator.pause"
        };
        if ui.button(texts.t(label)).clicked() {
            intent = Some(FacilitatorIntent::TogglePause);
        }
        if ui.button(texts.t("facilitator.bookmark")).clicked() {
            intent = Some(FacilitatorIntent::Bookmark);
        }
    });
    ui.checkbox(&mut fac.coaching_hint, texts.t("facilitator.coaching_hint"));
    if fac.coaching_hint && !table.game.is_over() {
        let advice = crate::bots::advise(&table.game, table.game.current_seat());
        let ctx = table.log_context(texts);
        ui.label(texts.fmt(
            "facilitator.hint_suggests",
            &[
                ("action", &describe_action(&advice.action, &ctx)),
                ("reason", &texts.t(reason_key(advice.reason))),
            ],
        ));
    }
    ui.separator();
    ui.label(egui::RichText::new(texts.t("facilitator.notes")).strong());
    ui.add(
        egui::TextEdit::multiline(&mut fac.note)
            .hint_text(texts.t("facilitator.note_placeholder"))
            .desired_rows(2),
    );
    if ui.button(texts.t("facilitator.add_note")).clicked() && !fac.note.trim().is_empty() {
        intent = Some(FacilitatorIntent::AddNote(fac.note.trim().to_owned()));
    }
    ui.separator();
    if place == Place::Side {
        // One click from the projector: the list lives in the private window only.
        ui.add(
            egui::Label::new(egui::RichText::new(texts.t("facilitator.hidden_in_window")).weak())
                .wrap(),
        );
    } else {
        hidden_worries(ui, table, texts);
    }
    ui.collapsing(texts.t("facilitator.seats"), |ui| {
        for seat in 0..table.seat_kinds.len() {
            let name = table.header.setup.seats[seat].name.clone();
            let mut bot = matches!(table.seat_kinds[seat], SeatKind::Bot(_));
            if ui
                .checkbox(&mut bot, format!("{name}: {}", texts.t("setup.bot")))
                .changed()
            {
                let kind = if bot {
                    SeatKind::Bot(BotKind::Heuristic)
                } else {
                    SeatKind::Human
                };
                intent = Some(FacilitatorIntent::SeatKind(seat, kind));
            }
        }
    });
    ui.collapsing(texts.t("facilitator.overrides"), |ui| {
        ui.label(texts.t("facilitator.reason"));
        ui.text_edit_singleline(&mut fac.reason);
        for (kind, key) in [
            (
                InterventionKind::UndoPastReveal,
                "facilitator.undo_past_reveal",
            ),
            (InterventionKind::SkipTurn, "facilitator.skip_turn"),
            (InterventionKind::EndGame, "facilitator.end_game"),
        ] {
            if ui.button(texts.t(key)).clicked() {
                if fac.reason.trim().is_empty() {
                    fac.message = Some(texts.t("facilitator.reason_required").to_owned());
                } else {
                    let reason = fac.reason.trim().to_owned();
                    intent = Some(FacilitatorIntent::Intervene(kind, reason));
                }
            }
        }
    });
    if let Some(m) = &fac.message {
        ui.separator();
        ui.label(m);
    }
    intent
}

/// The residents whose worries the table has not heard yet, with their
/// needs: for the facilitator's own window only.
fn hidden_worries(ui: &mut egui::Ui, table: &Table, texts: &Texts) {
    let lang = texts.language();
    egui::CollapsingHeader::new(texts.t("facilitator.hidden_worries"))
        .default_open(true)
        .show(ui, |ui| {
            for d in 0..table.content.districts().len() {
                let id = crate::content::DistrictId::from_index(d);
                for &r in table.game.district_residents(id) {
                    if table.game.resident_state(r).revealed() {
                        continue;
                    }
                    let res = table.content.resident(r);
                    let needs: Vec<String> = table
                        .game
                        .needs(r)
                        .map(|n| need_label(texts, &table.content, n))
                        .collect();
                    ui.label(format!(
                        "{} {} — {}: {} ({})",
                        table.content.district(id).symbol,
                        res.name.get(lang),
                        worry_label(texts, res.worry),
                        res.worry_text.get(lang),
                        needs.join("・")
                    ));
                }
            }
        });
}

fn reason_key(reason: crate::bots::Reason) -> &'static str {
    reason.text_key()
}

/// Dims the board and shows a large 「一時停止」.
pub(super) fn draw_pause_overlay(ctx: &egui::Context, texts: &Texts) {
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::new("pause_dim"),
    ));
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(170));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        texts.t("facilitator.paused"),
        egui::FontId::proportional(120.0),
        egui::Color32::WHITE,
    );
}
