//! Why it ended this way: the result, the cause chain of a collapse (or the
//! closest call of a win) in full sentences, and the timeline beside it.

use bevy_egui::egui::{Label, RichText, Ui};

use super::{DebriefIntent, DebriefView, para, section, timeline_chart};
use crate::i18n::ending_sentences;
use crate::reflect::{Ending, Reflection};

pub(super) fn outcome_tab(
    ui: &mut Ui,
    r: &Reflection,
    view: &DebriefView<'_>,
) -> Option<DebriefIntent> {
    let t = view.texts;
    let words = view.words(r);
    let title = match (&r.ending, r.ended_early()) {
        (Ending::Collapsed(_), _) => "debrief.outcome.collapsed",
        (Ending::Survived { .. }, _) => "debrief.outcome.survived",
        (Ending::Open { .. }, true) => "debrief.outcome.ended_early",
        (Ending::Open { .. }, false) => "debrief.outcome.open",
    };
    section(ui, t.t(title));
    let mut sentences = ending_sentences(&r.ending, &words).into_iter();
    if let Some(first) = sentences.next() {
        ui.add(Label::new(RichText::new(first).size(30.0).strong()).wrap());
    }
    for s in sentences {
        para(ui, &format!("・{s}"));
    }
    ui.add_space(12.0);
    let height = ui.available_height().clamp(320.0, 560.0);
    timeline_chart(ui, r, view, height);
    None
}
