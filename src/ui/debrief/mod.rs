//! The debrief (振り返り) screen: tabs for why the game ended as it did, the
//! timeline chart, resident stories, connections, the link work (for a deck
//! with it), the debrief questions one
//! at a time, the local connection card workshop and the replay. Like the
//! board, it draws a read-only view of a [`Reflection`] and returns what the
//! person asked for ([`DebriefIntent`]); the shell saves notes, writes files
//! and replays.

mod connections;
mod link_work;
mod outcome;
mod questions;
mod replay;
mod stories;
mod timeline;
mod workshop;

use std::collections::BTreeMap;

use bevy_egui::egui::{self, Button, RichText, ScrollArea, Ui};

use super::{BoardUi, BoardView};
use crate::export::Format;
use crate::i18n::{LogContext, Texts};
use crate::reflect::{Reflection, StoryOrder};
use crate::rules::Game;
use crate::session::Proposal;

pub use replay::{ReplayMoments, moments};
pub use timeline::timeline_chart;
pub use workshop::WorkshopForm;

/// The debrief's tabs, in the order a facilitator usually walks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DebriefTab {
    #[default]
    Outcome,
    Timeline,
    Stories,
    Connections,
    /// Shown only for a deck with link work.
    LinkWork,
    Questions,
    Workshop,
    Replay,
}

impl DebriefTab {
    pub const ALL: [DebriefTab; 8] = [
        DebriefTab::Outcome,
        DebriefTab::Timeline,
        DebriefTab::Stories,
        DebriefTab::Connections,
        DebriefTab::LinkWork,
        DebriefTab::Questions,
        DebriefTab::Workshop,
        DebriefTab::Replay,
    ];

    fn key(self) -> &'static str {
        match self {
            DebriefTab::Outcome => "debrief.tab.outcome",
            DebriefTab::Timeline => "debrief.tab.timeline",
            DebriefTab::Stories => "debrief.tab.stories",
            DebriefTab::Connections => "debrief.tab.connections",
            DebriefTab::LinkWork => "debrief.tab.link_work",
            DebriefTab::Questions => "debrief.tab.questions",
            DebriefTab::Workshop => "debrief.tab.workshop",
            DebriefTab::Replay => "debrief.tab.replay",
        }
    }
}

/// What the person asked for on the debrief screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DebriefIntent {
    /// Save the notes taken on debrief question `question`.
    SaveAnswer { question: usize, text: String },
    /// Save a local connection card proposal.
    Propose(Proposal),
    /// Show the board after this many actions.
    ReplayTo(usize),
    /// Start a practice game from the board after this many actions (the
    /// person has confirmed it).
    Fork { at: usize },
    /// Export the session (`pseudonymise`: seat names replaced).
    Export { format: Format, pseudonymise: bool },
    /// Open the folder holding this written file in the file manager.
    OpenFolder(std::path::PathBuf),
    /// Back to the title screen.
    Title,
}

/// The debrief screen's own state between frames.
#[derive(Debug, Default)]
pub struct DebriefUi {
    pub tab: DebriefTab,
    pub order: StoryOrder,
    /// The question shown on the Questions tab.
    pub question: usize,
    /// Notes being typed, per question, before they are saved.
    drafts: BTreeMap<usize, String>,
    pub workshop: WorkshopForm,
    /// The replay's position: actions replayed.
    pub replay_at: usize,
    /// The replay shows the whole board instead of the large map.
    replay_board: bool,
    pub board: BoardUi,
    pub pseudonymise: bool,
    /// The moment a practice game would fork from, while the person is
    /// asked to confirm it.
    fork_confirm: Option<usize>,
}

impl DebriefUi {
    /// A fresh state showing `tab`.
    pub fn on(tab: DebriefTab) -> Self {
        Self {
            tab,
            ..Self::default()
        }
    }
}

/// What the debrief shows besides the reflection.
#[derive(Debug, Clone, Copy)]
pub struct DebriefView<'a> {
    pub texts: &'a Texts,
    pub high_contrast: bool,
    /// Proposals saved so far in this session's workshop.
    pub proposals: &'a [Proposal],
    /// Where the workshop's draft file is written, to tell the table.
    pub proposals_path: Option<&'a str>,
    /// The board at `DebriefUi::replay_at`, when the shell has replayed it.
    pub replay: Option<&'a Game>,
    /// A message from the shell (a file written, an error), shown at the top.
    pub message: Option<&'a str>,
    /// The last export written: its folder can be opened from the screen.
    pub exported: Option<&'a std::path::Path>,
}

impl<'a> DebriefView<'a> {
    pub fn new(texts: &'a Texts) -> Self {
        Self {
            texts,
            high_contrast: false,
            proposals: &[],
            proposals_path: None,
            replay: None,
            message: None,
            exported: None,
        }
    }

    fn words(&self, r: &'a Reflection) -> LogContext<'a> {
        LogContext::new(
            &r.content,
            self.texts,
            &r.header.setup,
            &r.header.district_relabels,
        )
    }

    fn board_view(&self, r: &'a Reflection) -> BoardView<'a> {
        BoardView {
            texts: self.texts,
            relabels: &r.header.district_relabels,
            hint: None,
            show_hidden: true,
            high_contrast: self.high_contrast,
            interactive: false,
            notice: None,
            log: &[],
            events: &[],
            motion: false,
            practice: false,
        }
    }
}

/// Draws the debrief screen and returns what the person asked for.
pub fn debrief(
    ui: &mut Ui,
    r: &Reflection,
    view: &DebriefView<'_>,
    state: &mut DebriefUi,
) -> Option<DebriefIntent> {
    let t = view.texts;
    let mut intent = None;
    ui.horizontal_wrapped(|ui| {
        ui.heading(RichText::new(t.t("debrief.title")).strong());
        ui.label(header_line(r, view));
    });
    ui.horizontal_wrapped(|ui| {
        for tab in DebriefTab::ALL {
            if tab == DebriefTab::LinkWork && !r.link_work.active {
                continue;
            }
            let text = RichText::new(t.t(tab.key())).strong();
            if ui.selectable_label(state.tab == tab, text).clicked() {
                state.tab = tab;
            }
        }
        ui.separator();
        ui.menu_button(t.t("debrief.export"), |ui| {
            ui.checkbox(&mut state.pseudonymise, t.t("debrief.pseudonymise"));
            for (format, key) in [
                (Format::Html, "debrief.export_html"),
                (Format::Markdown, "debrief.export_md"),
                (Format::Csv, "debrief.export_csv"),
                (Format::Json, "debrief.export_json"),
            ] {
                if ui.button(t.t(key)).clicked() {
                    intent = Some(DebriefIntent::Export {
                        format,
                        pseudonymise: state.pseudonymise,
                    });
                    ui.close();
                }
            }
        });
        if ui.add(Button::new(t.t("debrief.to_title"))).clicked() {
            intent = Some(DebriefIntent::Title);
        }
    });
    if view.message.is_some() || view.exported.is_some() {
        ui.horizontal_wrapped(|ui| {
            if let Some(m) = view.message {
                ui.label(RichText::new(m).strong());
            }
            if let Some(path) = view.exported
                && ui.button(t.t("debrief.open_folder")).clicked()
            {
                intent = Some(DebriefIntent::OpenFolder(path.to_path_buf()));
            }
        });
    }
    ui.separator();
    let asked = match state.tab {
        DebriefTab::Replay => replay::replay_tab(ui, r, view, state),
        tab => {
            ScrollArea::vertical()
                .id_salt(("cc.debrief", tab.key()))
                .auto_shrink([false, false])
                .show(ui, |ui| match tab {
                    DebriefTab::Outcome => outcome::outcome_tab(ui, r, view),
                    DebriefTab::Timeline => {
                        timeline::timeline_tab(ui, r, view);
                        None
                    }
                    DebriefTab::Stories => {
                        stories::stories_tab(ui, r, view, &mut state.order);
                        None
                    }
                    DebriefTab::Connections => {
                        connections::connections_tab(ui, r, view);
                        None
                    }
                    DebriefTab::LinkWork => {
                        link_work::link_work_tab(ui, r, view);
                        None
                    }
                    DebriefTab::Questions => questions::questions_tab(ui, r, view, state),
                    DebriefTab::Workshop => {
                        workshop::workshop_tab(ui, r, view, &mut state.workshop)
                    }
                    DebriefTab::Replay => None,
                })
                .inner
        }
    };
    intent.or(asked)
}

/// 「2026-11-26・結川町・標準・4人」 and the outcome in a few words.
fn header_line(r: &Reflection, view: &DebriefView<'_>) -> String {
    let t = view.texts;
    let lang = t.language();
    let difficulty = r
        .content
        .difficulty(&r.header.setup.difficulty)
        .map_or(r.header.setup.difficulty.as_str(), |d| d.name.get(lang));
    t.fmt_count(
        "debrief.header",
        r.header.setup.seats.len() as u64,
        &[
            (
                "date",
                &r.header.created.get(..10).unwrap_or(&r.header.created),
            ),
            ("scenario", &r.content.title().get(lang)),
            ("difficulty", &difficulty),
            ("seats", &r.header.setup.seats.len()),
        ],
    )
}

/// A heading in the debrief's large style.
fn section(ui: &mut Ui, text: &str) {
    ui.add_space(8.0);
    ui.label(RichText::new(text).size(34.0).strong());
}

/// A wrapped paragraph.
fn para(ui: &mut Ui, text: &str) {
    ui.add(egui::Label::new(text).wrap());
}
