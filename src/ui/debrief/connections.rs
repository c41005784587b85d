//! Connections: which were used, how often and for which worries; which
//! never came into use; which needs went unmet most.

use bevy_egui::egui::{Grid, RichText, Ui};

use super::{DebriefView, para, section};
use crate::content::Worry;
use crate::i18n::{need_label, worry_label};
use crate::reflect::Reflection;
use crate::ui::worry_icon;

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
                ui.label(RichText::new(t.t("debrief.connections.for_worries")).strong());
                ui.end_row();
                for u in &r.usage.used {
                    ui.label(content.connection(u.card).name.get(lang));
                    ui.label(u.uses.to_string());
                    let parts: Vec<String> = Worry::ALL
                        .iter()
                        .zip(u.by_worry)
                        .filter(|(_, n)| *n > 0)
                        .map(|(w, n)| format!("{} {} ×{n}", worry_icon(*w), worry_label(t, *w)))
                        .collect();
                    ui.label(parts.join(t.t("log.list_separator")));
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
