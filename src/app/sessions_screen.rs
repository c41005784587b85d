//! The saved sessions list, reached from the title screen: every session,
//! newest first (practice games marked as such), each openable in the
//! debrief (finished or not), and the way to the cross-session report.

use bevy::prelude::*;
use bevy_egui::egui::{self, Button, RichText, ScrollArea, Ui};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::debrief::DebriefSession;
use super::{AppTexts, Scenario, Screen};
use crate::i18n::Texts;
use crate::session::{OutcomeSummary, SessionListing, list_sessions, sessions_dir};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Sessions), find_sessions)
        .add_systems(
            EguiPrimaryContextPass,
            draw_sessions.run_if(in_state(Screen::Sessions)),
        );
}

/// What the list shows, read when the screen opens.
#[derive(Resource, Default)]
pub(super) struct SessionsState {
    listing: SessionListing,
    notice: Option<String>,
}

/// What the person asked for on the sessions list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionsIntent {
    /// Open session `i` of the listing in the debrief.
    Open(usize),
    Report,
    Back,
}

fn find_sessions(mut commands: Commands) {
    let (listing, notice) = match sessions_dir() {
        Ok(d) => (list_sessions(&d), None),
        Err(e) => (SessionListing::default(), Some(e.to_string())),
    };
    commands.insert_resource(SessionsState { listing, notice });
}

/// Draws the list; `notice` is shown at the top (e.g. a session that would not open).
pub fn sessions_list(
    ui: &mut Ui,
    texts: &Texts,
    listing: &SessionListing,
    notice: Option<&str>,
) -> Option<SessionsIntent> {
    let mut intent = None;
    ui.horizontal(|ui| {
        ui.heading(RichText::new(texts.t("sessions.title")).size(36.0).strong());
        if ui.button(texts.t("sessions.back")).clicked() {
            intent = Some(SessionsIntent::Back);
        }
        if ui
            .add_enabled(
                !listing.sessions.is_empty(),
                Button::new(texts.t("sessions.report")),
            )
            .clicked()
        {
            intent = Some(SessionsIntent::Report);
        }
    });
    if let Some(n) = notice {
        ui.label(RichText::new(format!("！ {n}")).strong());
    }
    if !listing.skipped.is_empty() {
        ui.label(texts.fmt_count(
            "title.skipped",
            listing.skipped.len() as u64,
            &[("count", &listing.skipped.len())],
        ))
        .on_hover_text(listing.skipped.join("\n"));
    }
    if listing.sessions.is_empty() {
        ui.label(texts.t("sessions.none"));
    }
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, s) in listing.sessions.iter().enumerate() {
                let result = match &s.outcome {
                    Some(OutcomeSummary::Collapsed { year, .. }) => {
                        format!("{} ({year})", texts.t("end.collapse_title"))
                    }
                    Some(OutcomeSummary::Survived { .. }) => {
                        texts.t("end.survived_title").to_owned()
                    }
                    Some(OutcomeSummary::EndedEarly { year, .. }) => {
                        texts.fmt("end.ended_early", &[("year", year)])
                    }
                    None => format!("{} ({})", texts.t("sessions.unfinished"), s.year_reached),
                };
                let line = texts.fmt(
                    "sessions.line",
                    &[
                        (
                            "date",
                            &s.created.get(..16).unwrap_or(&s.created).replace('T', " "),
                        ),
                        ("scenario", &s.deck_title.get(texts.language())),
                        ("seats", &s.seat_names.join(texts.t("log.list_separator"))),
                        ("result", &result),
                    ],
                );
                let line = if s.practice {
                    texts.fmt("session.practice_line", &[("line", &line)])
                } else {
                    line
                };
                ui.horizontal_wrapped(|ui| {
                    if ui.button(texts.t("sessions.open")).clicked() {
                        intent = Some(SessionsIntent::Open(i));
                    }
                    ui.label(line);
                });
            }
        });
    intent
}

fn draw_sessions(
    mut contexts: EguiContexts,
    mut commands: Commands,
    state: Option<ResMut<SessionsState>>,
    scenario: Res<Scenario>,
    texts: Res<AppTexts>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(mut state) = state else {
        return Ok(());
    };
    let mut intent = None;
    let mut root = super::root_ui(ctx, "sessions_root");
    egui::CentralPanel::default().show(&mut root, |ui| {
        intent = sessions_list(ui, &texts.0, &state.listing, state.notice.as_deref());
    });
    match intent {
        Some(SessionsIntent::Back) => next.set(Screen::Title),
        Some(SessionsIntent::Report) => next.set(Screen::Report),
        Some(SessionsIntent::Open(i)) => {
            let Some(s) = state.listing.sessions.get(i) else {
                return Ok(());
            };
            match DebriefSession::open(&s.path, Some(&scenario)) {
                Ok(d) => {
                    commands.insert_resource(d);
                    next.set(Screen::Debrief);
                }
                Err(e) => {
                    state.notice = Some(texts.0.fmt("debrief.open_failed", &[("error", &e)]));
                }
            }
        }
        None => {}
    }
    Ok(())
}
