//! Connections: which were used, how often and which needs they met (named
//! as everywhere else, by `need_label`); which never came into use; which
//! needs went unmet most.

use bevy_egui::egui::{Grid, RichText, Ui};

use super::{DebriefView, para, section};
use crate::i18n::{Texts, need_label};
use crate::reflect::{ConnectionUse, Reflection};

pub(super) fn connections_tab(ui: &mut Ui, r: &Reflection, view: &DebriefView<'_>) {
    let t = view.texts;
    let lang = t.language();
    let content = &r.content;
    section(ui, t.t("debrief.connections.used"));
    if r.usage.used.is_empty() {
        para(ui, t.t("debrief.connections.none_used"));
    } else {
        Grid::new("cc.debrief.used")
            .striped(true)
            .spacing([24.0, 8.0])
            .show(ui, |ui| {
                ui.label(RichText::new(t.t("debrief.connections.card")).strong());
                ui.label(RichText::new(t.t("debrief.connections.uses")).strong());
                ui.label(RichText::new(t.t("debrief.connections.needs_met")).strong());
                ui.end_row();
                for u in &r.usage.used {
                    ui.label(content.connection(u.card).name.get(lang));
                    ui.label(u.uses.to_string());
                    ui.label(needs_met(t, r, u));
                    ui.end_row();
                }
            });
    }
    section(ui, t.t("debrief.connections.never_used"));
    let names: Vec<&str> = r
        .usage
        .never_used
        .iter()
        .map(|c| content.connection(*c).name.get(lang))
        .collect();
    para(
        ui,
        &if names.is_empty() {
            t.t("debrief.connections.all_used").to_owned()
        } else {
            names.join(t.t("log.list_separator"))
        },
    );
    section(ui, t.t("debrief.connections.unmet"));
    if r.usage.unmet.is_empty() {
        para(ui, t.t("debrief.connections.nothing_unmet"));
    }
    for (need, count) in &r.usage.unmet {
        para(
            ui,
            &t.fmt(
                "debrief.connections.unmet_line",
                &[("need", &need_label(t, content, *need)), ("count", count)],
            ),
        );
    }
}

/// `住まい ×2、お金 ×1`: each need the connection met once, with a count.
pub(super) fn needs_met(t: &Texts, r: &Reflection, u: &ConnectionUse) -> String {
    let parts: Vec<String> = u
        .met
        .iter()
        .map(|(need, count)| {
            t.fmt(
                "debrief.connections.need_count",
                &[
                    ("need", &need_label(t, &r.content, *need)),
                    ("count", count),
                ],
            )
        })
        .collect();
    parts.join(t.t("log.list_separator"))
}
