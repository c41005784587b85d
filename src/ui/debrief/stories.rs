//! Resident stories: one card per resident who came to the town, in full
//! sentences from the journal, sortable by longest wait, district or worry.

use bevy_egui::egui::{Frame, Label, Margin, RichText, Stroke, Ui};

use super::{DebriefView, section};
use crate::i18n::{story_sentences, story_title};
use crate::reflect::{Reflection, StoryOrder, sort_stories};
use crate::ui::map::colour;
use crate::ui::worry_icon;

pub(super) fn stories_tab(
    ui: &mut Ui,
    r: &Reflection,
    view: &DebriefView<'_>,
    order: &mut StoryOrder,
) {
    let t = view.texts;
    let words = view.words(r);
    section(
        ui,
        &t.fmt_count(
            "debrief.stories.title",
            r.stories.len() as u64,
            &[
                ("count", &r.stories.len()),
                ("waiting", &r.stories.iter().filter(|s| s.waiting()).count()),
            ],
        ),
    );
    ui.horizontal_wrapped(|ui| {
        ui.label(t.t("debrief.stories.sort"));
        for (o, key) in [
            (StoryOrder::LongestWaiting, "debrief.stories.by_wait"),
            (StoryOrder::District, "debrief.stories.by_district"),
            (StoryOrder::Worry, "debrief.stories.by_worry"),
        ] {
            if ui.selectable_label(*order == o, t.t(key)).clicked() {
                *order = o;
            }
        }
    });
    let mut stories = r.stories.clone();
    sort_stories(&mut stories, &r.content, *order);
    for s in &stories {
        let district = r.content.district(s.district);
        let heavy = s.in_collapse || s.waiting();
        Frame::group(ui.style())
            .stroke(Stroke::new(if heavy { 3.0 } else { 1.0 }, colour(district)))
            .inner_margin(Margin::same(10))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let worry = r.content.resident(s.resident).worry;
                let status = if s.in_collapse {
                    t.t("debrief.stories.in_collapse")
                } else if s.waiting() {
                    t.t("debrief.stories.waiting")
                } else {
                    t.t("debrief.stories.connected")
                };
                ui.label(
                    RichText::new(format!(
                        "{} {} {}　［{status}］",
                        district.symbol,
                        worry_icon(worry),
                        story_title(s, &words)
                    ))
                    .size(30.0)
                    .strong(),
                );
                for line in story_sentences(s, &words) {
                    ui.add(Label::new(line).wrap());
                }
            });
        ui.add_space(6.0);
    }
}
