//! The cross-session report screen: the same [`Report`] the `report` command
//! renders, read from the sessions folder when the screen opens, with the
//! HTML and CSV exports one click away, and their folder one more.

use bevy::prelude::*;
use bevy_egui::egui::{self, Grid, RichText, ScrollArea, Ui};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::open_folder::open_folder_message;
use super::{AppTexts, Screen};
use crate::export::write_export;
use crate::i18n::{Texts, worry_label};
use crate::report::{Report, SessionOutcome, render_csv, render_html};
use crate::session::{data_dir, sessions_dir};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Report), build_report)
        .add_systems(
            EguiPrimaryContextPass,
            draw_report.run_if(in_state(Screen::Report)),
        );
}

/// The report on screen and the last message (an export written, an error).
#[derive(Resource, Default)]
pub(super) struct ReportState {
    report: Report,
    message: Option<String>,
    /// The last export written, whose folder can be opened.
    exported: Option<std::path::PathBuf>,
}

/// What the person asked for on the report screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportIntent {
    ExportHtml,
    ExportCsv,
    Back,
}

fn build_report(mut commands: Commands) {
    let state = match sessions_dir() {
        Ok(d) => ReportState {
            report: Report::over_dir(&d, None),
            message: None,
            exported: None,
        },
        Err(e) => ReportState {
            report: Report::default(),
            message: Some(e.to_string()),
            exported: None,
        },
    };
    commands.insert_resource(state);
}

/// Draws the report: overview, outcomes, win rate by difficulty, districts,
/// connections, bookmarked residents and notes.
pub fn report_view(ui: &mut Ui, texts: &Texts, report: &Report) -> Option<ReportIntent> {
    let t = texts;
    let lang = t.language();
    let mut intent = None;
    ui.horizontal_wrapped(|ui| {
        ui.heading(RichText::new(t.t("report.title")).size(36.0).strong());
        if ui.button(t.t("sessions.back")).clicked() {
            intent = Some(ReportIntent::Back);
        }
        if ui.button(t.t("debrief.export_html")).clicked() {
            intent = Some(ReportIntent::ExportHtml);
        }
        if ui.button(t.t("debrief.export_csv")).clicked() {
            intent = Some(ReportIntent::ExportCsv);
        }
    });
    if report.sessions.is_empty() {
        ui.label(t.t("report.empty"));
    }
    let heading = |ui: &mut Ui, key: &str| {
        ui.add_space(10.0);
        ui.label(RichText::new(t.t(key)).size(28.0).strong());
    };
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            heading(ui, "report.section.overview");
            let p = &report.participants;
            Grid::new("cc.report.overview")
                .spacing([24.0, 6.0])
                .show(ui, |ui| {
                    for (key, n) in [
                        ("report.overview.sessions", report.sessions.len()),
                        ("report.overview.people", p.people),
                        ("report.overview.distinct", p.distinct_names),
                        ("report.overview.bots", p.bots),
                        ("report.overview.with_people", p.sessions_with_people),
                    ] {
                        ui.label(t.t(key));
                        ui.label(RichText::new(n.to_string()).strong());
                        ui.end_row();
                    }
                });
            heading(ui, "report.section.outcomes");
            ui.horizontal_wrapped(|ui| {
                for o in [
                    SessionOutcome::Survived,
                    SessionOutcome::Collapsed,
                    SessionOutcome::EndedEarly,
                    SessionOutcome::InProgress,
                ] {
                    ui.label(format!(
                        "{}: {}",
                        t.t(o.label_key()),
                        report.outcomes.get(o)
                    ));
                    ui.separator();
                }
            });
            let years: Vec<String> = report
                .collapse_years
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|(y, n)| format!("{y}: {}", "■".repeat(*n.min(&40)) + &format!(" {n}")))
                .collect();
            if !years.is_empty() {
                heading(ui, "report.section.collapse_years");
                for y in years {
                    ui.label(y);
                }
            }
            heading(ui, "report.section.difficulty");
            Grid::new("cc.report.difficulty")
                .striped(true)
                .spacing([24.0, 6.0])
                .show(ui, |ui| {
                    for key in [
                        "report.col.difficulty",
                        "report.col.decided",
                        "report.col.wins",
                        "report.col.win_rate",
                    ] {
                        ui.label(RichText::new(t.t(key)).strong());
                    }
                    ui.end_row();
                    for d in &report.difficulties {
                        ui.label(d.name.get(lang));
                        ui.label(d.decided.to_string());
                        ui.label(d.wins.to_string());
                        ui.label(
                            d.win_rate
                                .map_or("—".to_owned(), |r| format!("{:.0} %", r * 100.0)),
                        );
                        ui.end_row();
                    }
                });
            heading(ui, "report.section.districts");
            Grid::new("cc.report.districts")
                .striped(true)
                .spacing([24.0, 6.0])
                .show(ui, |ui| {
                    for key in [
                        "report.col.district",
                        "report.col.collapses",
                        "report.col.highest_load",
                        "report.col.mean_peak",
                    ] {
                        ui.label(RichText::new(t.t(key)).strong());
                    }
                    ui.end_row();
                    for d in &report.districts {
                        ui.label(d.district.name.get(lang));
                        ui.label(d.collapses.to_string());
                        ui.label(d.highest_load.to_string());
                        ui.label(format!("{:.1}", d.mean_peak));
                        ui.end_row();
                    }
                });
            heading(ui, "report.section.connections");
            if report.connections.is_empty() {
                ui.label(t.t("report.connections.none"));
            }
            for c in report.connections.iter().take(15) {
                let worries: Vec<String> = crate::content::Worry::ALL
                    .iter()
                    .zip(c.by_worry)
                    .filter(|(_, n)| *n > 0)
                    .map(|(w, n)| format!("{} ×{n}", worry_label(t, *w)))
                    .collect();
                ui.label(format!(
                    "{} — {} （{}）",
                    c.connection.name.get(lang),
                    c.uses,
                    worries.join(t.t("log.list_separator"))
                ));
            }
            heading(ui, "report.section.never_used");
            let never: Vec<&str> = report.never_used.iter().map(|n| n.name.get(lang)).collect();
            ui.add(
                egui::Label::new(if never.is_empty() {
                    t.t("report.never_used.none").to_owned()
                } else {
                    never.join(t.t("log.list_separator"))
                })
                .wrap(),
            );
            heading(ui, "report.section.bookmarked");
            if report.bookmarked.is_empty() {
                ui.label(t.t("report.bookmarked.none"));
            }
            for b in &report.bookmarked {
                ui.label(format!("{} — {}", b.resident.name.get(lang), b.bookmarks));
            }
            heading(ui, "report.section.notes");
            if report.notes.is_empty() {
                ui.label(t.t("report.notes.none"));
            }
            for n in &report.notes {
                ui.add(egui::Label::new(format!("{}・{}: {}", n.date, n.year, n.text)).wrap());
            }
            if !report.skipped.is_empty() {
                heading(ui, "report.section.skipped");
                for s in &report.skipped {
                    ui.add(
                        egui::Label::new(format!("{}: {}", t.t(s.reason.label_key()), s.message))
                            .wrap(),
                    );
                }
            }
        });
    intent
}

fn draw_report(
    mut contexts: EguiContexts,
    state: Option<ResMut<ReportState>>,
    texts: Res<AppTexts>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(mut state) = state else {
        return Ok(());
    };
    let texts = &texts.0;
    let mut intent = None;
    let mut open_folder = false;
    let mut root = super::root_ui(ctx, "report_root");
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.horizontal_wrapped(|ui| {
            if let Some(m) = &state.message {
                ui.label(RichText::new(m).strong());
            }
            if state.exported.is_some() {
                open_folder = ui.button(texts.t("debrief.open_folder")).clicked();
            }
        });
        intent = report_view(ui, texts, &state.report);
    });
    if open_folder && let Some(path) = &state.exported {
        if let Some(problem) = open_folder_message(path, texts) {
            state.message = Some(problem);
        }
        return Ok(());
    }
    let (text, ext) = match intent {
        None => return Ok(()),
        Some(ReportIntent::Back) => {
            next.set(Screen::Sessions);
            return Ok(());
        }
        Some(ReportIntent::ExportHtml) => (render_html(&state.report, texts), "html"),
        Some(ReportIntent::ExportCsv) => (render_csv(&state.report, texts), "csv"),
    };
    let written = data_dir()
        .map_err(|e| e.to_string())
        .map(|d| d.join("exports").join(format!("report.{ext}")))
        .and_then(|p| {
            write_export(&p, text.as_bytes(), true)
                .map(|()| p)
                .map_err(|e| e.to_string())
        });
    state.message = Some(match written {
        Ok(p) => {
            let line = texts.fmt("debrief.exported", &[("path", &p.display())]);
            state.exported = Some(p);
            line
        }
        Err(e) => texts.fmt("debrief.save_failed", &[("error", &e)]),
    });
    Ok(())
}
