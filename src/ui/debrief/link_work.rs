//! Link work (つなぐ仕事): ties per connected resident, the informal share,
//! who needed trust and how long it took, who turned help down, the
//! resources the team created and who drifted back — the same sentences
//! the exports write, without the per-resident list of ties (the exports
//! keep it), so the tab fits the projector.

use bevy_egui::egui::Ui;

use super::{DebriefView, para, section};
use crate::i18n::link_work_lines;
use crate::reflect::Reflection;

pub(super) fn link_work_tab(ui: &mut Ui, r: &Reflection, view: &DebriefView<'_>) {
    if !r.link_work.active {
        return;
    }
    let t = view.texts;
    let words = view.words(r);
    section(ui, t.t("linkwork.title"));
    for line in link_work_lines(&r.link_work, &words) {
        if line.key != "ties_by_resident" {
            para(ui, &format!("・{}", line.sentence));
        }
    }
}
