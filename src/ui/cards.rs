//! Resident cards (front, or front and back) and connection cards.

use bevy_egui::egui::{
    Frame, Id, Label, Margin, Response, RichText, Sense, Stroke, StrokeKind, Ui, WidgetInfo,
    WidgetType,
};

use super::{BoardView, worry_icon};
use crate::content::{ConnectionId, ConnectionKind, Content, Need, ResidentId};
use crate::i18n::{LogContext, Texts, age_label, household_label, need_label, worry_label};
use crate::rules::Game;

/// How a resident card is drawn.
#[derive(Debug, Clone, Default)]
pub(super) struct ResidentLook {
    /// Show the back (worry and needs) even while hidden: the facilitator's
    /// view, and the game-end screen.
    pub show_back: bool,
    pub selected: bool,
    /// Listen or Prescribe can be done here now.
    pub legal: bool,
    /// Why nothing can be done here, for the hover text.
    pub refusal: Option<String>,
    /// The card can be clicked (to select it).
    pub clickable: bool,
}

/// A need in words, with its worry glyph when it is a worry category.
pub(super) fn need_text(texts: &Texts, content: &Content, need: Need) -> String {
    match need {
        Need::Worry(w) => format!("{} {}", worry_icon(w), need_label(texts, content, need)),
        Need::Speciality(_) => need_label(texts, content, need),
    }
}

/// Needs joined with the language's list separator.
pub(super) fn need_list(
    texts: &Texts,
    content: &Content,
    needs: impl IntoIterator<Item = Need>,
) -> String {
    let parts: Vec<String> = needs
        .into_iter()
        .map(|n| need_text(texts, content, n))
        .collect();
    parts.join(texts.t("log.list_separator"))
}

/// The accessible name of a resident card: `山本 キヨさん（峰の郷）`.
pub(super) fn resident_card_label(
    words: &LogContext<'_>,
    content: &Content,
    r: ResidentId,
) -> String {
    let district = words.district(content.resident(r).district);
    words.texts.fmt(
        "board.resident_card",
        &[("resident", &words.resident(r)), ("district", &district)],
    )
}

/// Draws one resident card `width` wide; the response is the whole card's.
pub(super) fn resident_card(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    r: ResidentId,
    look: &ResidentLook,
    width: f32,
) -> Response {
    let t = view.texts;
    let content = game.content();
    let lang = t.language();
    let card = content.resident(r);
    let state = game.resident_state(r);
    let visuals = ui.visuals().clone();
    let stroke = if look.selected {
        Stroke::new(
            if view.high_contrast { 5.0 } else { 4.0 },
            visuals.strong_text_color(),
        )
    } else if look.legal {
        Stroke::new(
            if view.high_contrast { 3.0 } else { 2.0 },
            visuals.selection.stroke.color,
        )
    } else {
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    };
    let frame = Frame::group(ui.style())
        .stroke(stroke)
        .inner_margin(Margin::same(8))
        .fill(visuals.faint_bg_color);
    let inner_width = (width - frame.total_margin().sum().x).max(40.0);
    let inner = frame.show(ui, |ui| {
        ui.set_width(inner_width);
        ui.horizontal_wrapped(|ui| {
            if look.selected {
                ui.label(RichText::new("▶").strong());
            }
            ui.add(Label::new(RichText::new(words.resident(r)).strong()).wrap());
        });
        ui.add(
            Label::new(format!(
                "{}・{}",
                age_label(t, card.age),
                household_label(t, card.household)
            ))
            .wrap(),
        );
        let back = state.revealed() || look.show_back;
        if !state.revealed() {
            ui.add(
                Label::new(
                    RichText::new(format!(
                        "{}: {}",
                        t.t("board.notice"),
                        card.notice.get(lang)
                    ))
                    .italics(),
                )
                .wrap(),
            );
            ui.add(Label::new(RichText::new(format!("？ {}", t.t("board.hidden"))).weak()).wrap());
        }
        if back {
            if !state.revealed() {
                ui.separator();
                ui.label(
                    RichText::new(t.t("facilitator.hidden_worries"))
                        .weak()
                        .italics(),
                );
            }
            ui.add(
                Label::new(
                    RichText::new(format!(
                        "{} {}",
                        worry_icon(card.worry),
                        worry_label(t, card.worry)
                    ))
                    .strong(),
                )
                .wrap(),
            );
            ui.add(Label::new(card.worry_text.get(lang)).wrap());
            let printed = card.needs.len();
            let needs: Vec<Need> = game.needs(r).collect();
            ui.add(
                Label::new(format!(
                    "{}: {}",
                    t.t("board.needs"),
                    need_list(t, content, needs.iter().take(printed).copied())
                ))
                .wrap(),
            );
            if needs.len() > printed {
                ui.add(
                    Label::new(
                        RichText::new(format!(
                            "＋ {}",
                            t.fmt(
                                "board.needs_gained",
                                &[(
                                    "needs",
                                    &need_list(t, content, needs[printed..].iter().copied())
                                )]
                            )
                        ))
                        .strong(),
                    )
                    .wrap(),
                );
            }
        }
        if state.year_ends_waited() > 0 {
            ui.add(
                Label::new(
                    RichText::new(t.fmt_count(
                        "board.waited",
                        u64::from(state.year_ends_waited()),
                        &[("count", &state.year_ends_waited())],
                    ))
                    .small(),
                )
                .wrap(),
            );
        }
        if look.legal {
            ui.label(RichText::new(format!("◎ {}", t.t("board.legal_target"))).small());
        }
    });
    let rect = inner.response.rect;
    let label = resident_card_label(words, content, r);
    let sense = if look.clickable {
        Sense::click()
    } else {
        Sense::hover()
    };
    let mut response = ui.interact(rect, Id::new(("cc.resident", r.index())), sense);
    let selected = look.selected;
    response
        .widget_info(|| WidgetInfo::selected(WidgetType::Button, look.clickable, selected, &label));
    if look.clickable && response.hovered() {
        ui.painter().rect_stroke(
            rect,
            4.0,
            Stroke::new(
                stroke.width.max(2.0),
                visuals.widgets.hovered.fg_stroke.color,
            ),
            StrokeKind::Inside,
        );
    }
    if let Some(reason) = &look.refusal {
        response = response.on_hover_text(reason.as_str());
    }
    response
}

/// Draws one connection card: name, kind, specialities and the worries it
/// helps with; `below` adds the card's buttons inside its frame.
pub(super) fn connection_card<R>(
    ui: &mut Ui,
    content: &Content,
    texts: &Texts,
    card: ConnectionId,
    highlight: bool,
    below: impl FnOnce(&mut Ui) -> R,
) -> R {
    let c = content.connection(card);
    let lang = texts.language();
    let visuals = ui.visuals().clone();
    let stroke = if highlight {
        Stroke::new(3.0, visuals.strong_text_color())
    } else {
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    };
    Frame::group(ui.style())
        .stroke(stroke)
        .inner_margin(Margin::same(6))
        .show(ui, |ui| {
            ui.add(Label::new(RichText::new(c.name.get(lang)).strong()).wrap());
            let kind = match c.kind {
                ConnectionKind::Public => texts.t("board.card_public"),
                ConnectionKind::Informal => texts.t("board.card_informal"),
            };
            ui.label(RichText::new(kind).small());
            if !c.specialities.is_empty() {
                let names: Vec<&str> = c
                    .specialities
                    .iter()
                    .map(|s| content.speciality(*s).name.get(lang))
                    .collect();
                ui.add(
                    Label::new(texts.fmt(
                        "board.card_specialities",
                        &[("list", &names.join(texts.t("log.list_separator")))],
                    ))
                    .wrap(),
                );
            }
            let helps: Vec<String> = c
                .helps
                .iter()
                .map(|w| format!("{} {}", worry_icon(*w), worry_label(texts, *w)))
                .collect();
            ui.add(
                Label::new(texts.fmt(
                    "board.card_helps",
                    &[("list", &helps.join(texts.t("log.list_separator")))],
                ))
                .wrap(),
            );
            below(ui)
        })
        .inner
}
