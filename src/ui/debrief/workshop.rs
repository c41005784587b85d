//! The local connection card workshop: "who in our town is like this card?"
//! Participants propose a person or place (name or title, specialities,
//! worry categories, a description); saved proposals go into a draft
//! connections file that a designer validates and adds to a local deck.

use std::collections::BTreeSet;

use bevy_egui::egui::{Button, RichText, TextEdit, Ui};

use super::{DebriefIntent, DebriefView, para, section};
use crate::content::Worry;
use crate::i18n::worry_label;
use crate::reflect::Reflection;
use crate::session::Proposal;
use crate::ui::worry_icon;

/// The proposal being typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkshopForm {
    pub name: String,
    /// Speciality indices of the deck.
    pub specialities: BTreeSet<usize>,
    pub helps: BTreeSet<Worry>,
    pub description: String,
    pub public: bool,
}

impl WorkshopForm {
    /// Empties the form after a proposal was saved.
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// What is still missing before the proposal can be saved.
    fn missing(&self) -> Option<&'static str> {
        if self.name.trim().is_empty() {
            Some("debrief.workshop.need_name")
        } else if self.helps.is_empty() && self.specialities.is_empty() {
            Some("debrief.workshop.need_help")
        } else {
            None
        }
    }
}

pub(super) fn workshop_tab(
    ui: &mut Ui,
    r: &Reflection,
    view: &DebriefView<'_>,
    form: &mut WorkshopForm,
) -> Option<DebriefIntent> {
    let t = view.texts;
    let lang = t.language();
    section(ui, t.t("debrief.workshop.title"));
    para(ui, t.t("debrief.workshop.explain"));
    ui.label(t.t("debrief.workshop.name"));
    ui.add(
        TextEdit::singleline(&mut form.name)
            .desired_width(f32::INFINITY)
            .hint_text(t.t("debrief.workshop.name_hint")),
    );
    ui.label(t.t("debrief.workshop.helps"));
    ui.horizontal_wrapped(|ui| {
        for w in Worry::ALL {
            let mut on = form.helps.contains(&w);
            let text = format!("{} {}", worry_icon(w), worry_label(t, w));
            if ui.checkbox(&mut on, text).changed() {
                if on {
                    form.helps.insert(w);
                } else {
                    form.helps.remove(&w);
                }
            }
        }
    });
    ui.label(t.t("debrief.workshop.specialities"));
    ui.horizontal_wrapped(|ui| {
        for (i, s) in r.content.specialities().iter().enumerate() {
            let mut on = form.specialities.contains(&i);
            if ui.checkbox(&mut on, s.name.get(lang)).changed() {
                if on {
                    form.specialities.insert(i);
                } else {
                    form.specialities.remove(&i);
                }
            }
        }
    });
    ui.horizontal(|ui| {
        ui.radio_value(&mut form.public, false, t.t("debrief.workshop.informal"));
        ui.radio_value(&mut form.public, true, t.t("debrief.workshop.public"));
    });
    ui.label(t.t("debrief.workshop.description"));
    ui.add(
        TextEdit::multiline(&mut form.description)
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            .hint_text(t.t("debrief.workshop.description_hint")),
    );
    let missing = form.missing();
    let mut intent = None;
    ui.horizontal(|ui| {
        let button = ui.add_enabled(
            missing.is_none(),
            Button::new(RichText::new(t.t("debrief.workshop.save")).strong()),
        );
        if let Some(key) = missing {
            button.on_disabled_hover_text(t.t(key));
            ui.label(t.t(key));
        } else if button.clicked() {
            intent = Some(DebriefIntent::Propose(Proposal {
                name: form.name.trim().to_owned(),
                specialities: form
                    .specialities
                    .iter()
                    .map(|i| r.content.specialities()[*i].key.clone())
                    .collect(),
                helps: form.helps.iter().copied().collect(),
                description: form.description.trim().to_owned(),
                public: form.public,
            }));
        }
    });
    if !view.proposals.is_empty() {
        section(
            ui,
            &t.fmt(
                "debrief.workshop.saved",
                &[("count", &view.proposals.len())],
            ),
        );
        for p in view.proposals {
            let helps: Vec<&str> = p.helps.iter().map(|w| worry_label(t, *w)).collect();
            para(
                ui,
                &format!(
                    "・{} — {}{}",
                    p.name,
                    helps.join(t.t("log.list_separator")),
                    if p.description.is_empty() {
                        String::new()
                    } else {
                        format!("：{}", p.description)
                    }
                ),
            );
        }
        if let Some(path) = view.proposals_path {
            para(ui, &t.fmt("debrief.workshop.file", &[("path", &path)]));
        }
    }
    intent
}
