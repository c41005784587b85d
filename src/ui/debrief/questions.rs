//! The scenario's debrief questions, one at a time in a projector-sized
//! font, with a notes field per question that is saved into the session.

use bevy_egui::egui::{Button, Key, Label, Modifiers, RichText, TextEdit, Ui};

use super::{DebriefIntent, DebriefUi, DebriefView, para};
use crate::reflect::Reflection;

pub(super) fn questions_tab(
    ui: &mut Ui,
    r: &Reflection,
    view: &DebriefView<'_>,
    state: &mut DebriefUi,
) -> Option<DebriefIntent> {
    let t = view.texts;
    let questions = r.content.debrief_questions();
    if questions.is_empty() {
        para(ui, t.t("debrief.questions.none"));
        return None;
    }
    state.question = state.question.min(questions.len() - 1);
    let i = state.question;
    let mut intent = None;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(i > 0, Button::new(t.t("debrief.questions.previous")))
            .clicked()
        {
            state.question -= 1;
        }
        ui.label(RichText::new(t.fmt(
            "debrief.questions.position",
            &[("n", &(i + 1)), ("total", &questions.len())],
        )));
        if ui
            .add_enabled(
                i + 1 < questions.len(),
                Button::new(t.t("debrief.questions.next")),
            )
            .clicked()
        {
            state.question += 1;
        }
    });
    // Page keys move between questions when no text field has the keyboard.
    if ui.memory(|m| m.focused().is_none()) {
        ui.input_mut(|input| {
            if input.consume_key(Modifiers::NONE, Key::PageDown)
                && state.question + 1 < questions.len()
            {
                state.question += 1;
            }
            if input.consume_key(Modifiers::NONE, Key::PageUp) && state.question > 0 {
                state.question -= 1;
            }
        });
    }
    let i = state.question;
    ui.add_space(24.0);
    ui.add(
        Label::new(
            RichText::new(questions[i].get(t.language()))
                .size(48.0)
                .strong(),
        )
        .wrap(),
    );
    ui.add_space(24.0);
    ui.label(t.t("debrief.questions.notes"));
    let saved = r.answers.get(&i).cloned().unwrap_or_default();
    let draft = state.drafts.entry(i).or_insert_with(|| saved.clone());
    ui.add(
        TextEdit::multiline(draft)
            .desired_rows(6)
            .desired_width(f32::INFINITY)
            .font(bevy_egui::egui::TextStyle::Body)
            .hint_text(t.t("debrief.questions.notes_hint")),
    );
    let changed = *draft != saved;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(changed, Button::new(t.t("debrief.questions.save")))
            .clicked()
        {
            intent = Some(DebriefIntent::SaveAnswer {
                question: i,
                text: draft.clone(),
            });
        }
        ui.label(if changed {
            t.t("debrief.questions.unsaved")
        } else if saved.is_empty() {
            ""
        } else {
            t.t("debrief.questions.saved")
        });
    });
    intent
}
