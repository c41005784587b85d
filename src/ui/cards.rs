//! Resident cards (front, or front and back) and connection cards.

use bevy_egui::egui::{
    FontSelection, Frame, Id, Label, Margin, Response, RichText, Sense, Stroke, StrokeKind,
    TextWrapMode, Ui, WidgetInfo, WidgetText, WidgetType,
};

use super::{BoardView, worry_icon};
use crate::content::{ConnectionId, ConnectionKind, Content, District, Need, ResidentId};
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

/// The lines of a resident's open card, top to bottom: name, age and
/// household, who referred them, what the neighbours notice (while hidden),
/// then the back (worry, needs, needs gained) when known or shown to the
/// facilitator, the trust still to build and a likely first refusal (once
/// known), how long they have waited, and whether something can be done now. `None`
/// stands for the rule between the front and a facilitator's peek.
fn card_lines(
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    r: ResidentId,
    look: &ResidentLook,
) -> Vec<Option<RichText>> {
    let t = view.texts;
    let content = game.content();
    let lang = t.language();
    let card = content.resident(r);
    let state = game.resident_state(r);
    let mut lines = Vec::new();
    let mark = if look.selected { "▶ " } else { "" };
    let symbol = &content.district(card.district).symbol;
    lines.push(Some(
        RichText::new(format!("{mark}{symbol} {}", words.resident(r))).strong(),
    ));
    lines.push(Some(
        RichText::new(format!(
            "{}・{}",
            age_label(t, card.age),
            household_label(t, card.household)
        ))
        .small(),
    ));
    if let Some(by) = &card.referred_by {
        lines.push(Some(
            RichText::new(t.fmt("board.referred_by", &[("by", &by.get(lang))])).small(),
        ));
    }
    if !state.revealed() {
        lines.push(Some(
            RichText::new(format!(
                "{}: {}",
                t.t("board.notice"),
                card.notice.get(lang)
            ))
            .small()
            .italics(),
        ));
        lines.push(Some(
            RichText::new(format!("？ {}", t.t("board.hidden"))).small(),
        ));
    }
    if state.revealed() || look.show_back {
        if !state.revealed() {
            lines.push(None);
            lines.push(Some(
                RichText::new(t.t("facilitator.hidden_worries")).italics(),
            ));
        }
        lines.push(Some(
            RichText::new(format!(
                "{} {}",
                worry_icon(card.worry),
                worry_label(t, card.worry)
            ))
            .strong(),
        ));
        lines.push(Some(RichText::new(card.worry_text.get(lang)).small()));
        let printed = card.needs.len();
        let needs: Vec<Need> = game.needs(r).collect();
        lines.push(Some(
            RichText::new(format!(
                "{}: {}",
                t.t("board.needs"),
                need_list(t, content, needs.iter().take(printed).copied())
            ))
            .small(),
        ));
        if needs.len() > printed {
            lines.push(Some(
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
            ));
        }
    }
    if state.revealed() {
        let left = game.trust_left(r);
        if left > 0 {
            lines.push(Some(
                RichText::new(t.fmt_count(
                    "board.trust",
                    u64::from(left),
                    &[("track", &trust_track(game, r)), ("count", &left)],
                ))
                .small()
                .strong(),
            ));
        }
        if game.will_refuse(r) {
            lines.push(Some(
                RichText::new(format!("△ {}", t.t("board.will_refuse"))).small(),
            ));
        }
    }
    if state.year_ends_waited() > 0 {
        lines.push(Some(
            RichText::new(t.fmt_count(
                "board.waited",
                u64::from(state.year_ends_waited()),
                &[("count", &state.year_ends_waited())],
            ))
            .small(),
        ));
    }
    if look.legal {
        lines.push(Some(
            RichText::new(format!("◎ {}", t.t("board.legal_target"))).small(),
        ));
    }
    lines
}

/// The one line of a condensed resident card: selection mark, `◎` when
/// something can be done with it now, name, then `？` while hidden or the
/// worry glyph and the number of needs (`✚3`), then, where the line still
/// fits `width`, the trust track (`●○`), `△` for a likely first refusal and
/// `⇒` for a referral.
fn line_text(
    ui: &Ui,
    game: &Game,
    words: &LogContext<'_>,
    r: ResidentId,
    look: &ResidentLook,
    width: f32,
) -> RichText {
    let card = game.content().resident(r);
    let state = game.resident_state(r);
    let mark = if look.selected { "▶ " } else { "" };
    let status = if state.revealed() || look.show_back {
        format!("{}{}", worry_icon(card.worry), game.needs(r).count())
    } else {
        "？".to_owned()
    };
    let target = if look.legal { "◎" } else { "" };
    let line = format!("{mark}{target}{} {status}", words.resident(r));
    let mut marks = String::new();
    if state.revealed() && game.trust_left(r) > 0 {
        marks.push(' ');
        marks.push_str(&trust_track(game, r));
    }
    if state.revealed() && game.will_refuse(r) {
        marks.push_str(" △");
    }
    if card.referred_by.is_some() {
        marks.push_str(" ⇒");
    }
    let marked = RichText::new(format!("{line}{marks}")).small();
    if marks.is_empty() || one_row(ui, marked.clone(), width) {
        marked
    } else {
        RichText::new(line).small()
    }
}

/// Whether `text` fits one row `width` wide.
fn one_row(ui: &Ui, text: RichText, width: f32) -> bool {
    WidgetText::from(text)
        .into_galley(ui, Some(TextWrapMode::Wrap), width, FontSelection::Default)
        .rows
        .len()
        <= 1
}

/// The trust track: `●` per visit made, `○` per visit still needed.
fn trust_track(game: &Game, r: ResidentId) -> String {
    let needed = game.content().resident(r).trust;
    let made = needed - game.trust_left(r);
    "●".repeat(usize::from(made)) + &"○".repeat(usize::from(needed - made))
}

/// The frame every resident card is drawn in; `open` cards get more room.
fn card_frame(ui: &Ui, stroke: Stroke, open: bool) -> Frame {
    let v = if open { 4 } else { 2 };
    Frame::group(ui.style())
        .stroke(stroke)
        .inner_margin(Margin {
            left: 14,
            right: 6,
            top: v,
            bottom: v,
        })
        .fill(ui.visuals().faint_bg_color)
}

/// What a resident's card is made of when drawn `width` wide, open (every
/// line of [`card_lines`]) or as one line: the one description both drawing
/// and measuring use.
struct CardParts {
    stroke: Stroke,
    frame: Frame,
    inner_width: f32,
    lines: Vec<Option<RichText>>,
}

impl CardParts {
    fn of(
        ui: &Ui,
        game: &Game,
        view: &BoardView<'_>,
        words: &LogContext<'_>,
        r: ResidentId,
        look: &ResidentLook,
        width: f32,
        open: bool,
    ) -> CardParts {
        let stroke = line_stroke(ui.visuals(), look, view.high_contrast);
        let frame = card_frame(ui, stroke, open);
        let inner_width = (width - frame.total_margin().sum().x).max(40.0);
        let lines = if open {
            card_lines(game, view, words, r, look)
        } else {
            vec![Some(line_text(ui, game, words, r, look, inner_width))]
        };
        CardParts {
            stroke,
            frame,
            inner_width,
            lines,
        }
    }
}

/// Space between the lines of a card.
const LINE_GAP: f32 = 2.0;

/// How tall a resident's card is when drawn `width` wide, open or as one
/// line, measured from the same lines it draws.
pub(super) fn card_height(
    ui: &Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    r: ResidentId,
    look: &ResidentLook,
    width: f32,
    open: bool,
) -> f32 {
    let card = CardParts::of(ui, game, view, words, r, look, width, open);
    let rule = ui.spacing().item_spacing.y;
    let mut height = 0.0;
    for (i, line) in card.lines.into_iter().enumerate() {
        if i > 0 {
            height += LINE_GAP;
        }
        height += match line {
            Some(text) => {
                WidgetText::from(text)
                    .into_galley(
                        ui,
                        Some(TextWrapMode::Wrap),
                        card.inner_width,
                        FontSelection::Default,
                    )
                    .size()
                    .y
            }
            None => rule,
        };
    }
    height + card.frame.total_margin().sum().y
}

/// Draws a resident's card `width` wide, open (every line of
/// [`card_lines`]) or condensed to one line; the response is the whole card's.
pub(super) fn resident_card(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    r: ResidentId,
    look: &ResidentLook,
    width: f32,
    open: bool,
) -> Response {
    let content = game.content();
    let district = content.district(content.resident(r).district);
    let CardParts {
        stroke,
        frame,
        inner_width,
        lines,
    } = CardParts::of(ui, game, view, words, r, look, width, open);
    let inner = frame.show(ui, |ui| {
        ui.set_width(inner_width);
        ui.spacing_mut().item_spacing.y = LINE_GAP;
        for line in lines {
            match line {
                Some(text) => {
                    ui.add(Label::new(text).wrap());
                }
                None => {
                    ui.separator();
                }
            }
        }
    });
    paint_band(ui, inner.response.rect, district, view.high_contrast);
    card_response(ui, words, content, r, look, inner.response.rect, stroke)
}

/// The card's click and hover over `rect`, named for screen readers and
/// tests.
fn card_response(
    ui: &mut Ui,
    words: &LogContext<'_>,
    content: &Content,
    r: ResidentId,
    look: &ResidentLook,
    rect: bevy_egui::egui::Rect,
    stroke: Stroke,
) -> Response {
    let visuals = ui.visuals().clone();
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

/// The district's colour and pattern down the card's left edge, as on the
/// printed card.
fn paint_band(ui: &Ui, card: bevy_egui::egui::Rect, district: &District, high_contrast: bool) {
    let strip = bevy_egui::egui::Rect::from_min_max(
        card.left_top() + bevy_egui::egui::vec2(3.0, 3.0),
        card.left_bottom() + bevy_egui::egui::vec2(11.0, -3.0),
    );
    super::map::paint_band(&ui.painter_at(strip), strip, district, high_contrast);
}

/// The outline of a resident card: heavy when selected, marked when
/// something can be done with it now, thin otherwise.
fn line_stroke(
    visuals: &bevy_egui::egui::Visuals,
    look: &ResidentLook,
    high_contrast: bool,
) -> Stroke {
    if look.selected {
        Stroke::new(
            if high_contrast { 5.0 } else { 4.0 },
            visuals.strong_text_color(),
        )
    } else if look.legal {
        Stroke::new(
            if high_contrast { 3.0 } else { 2.0 },
            visuals.selection.stroke.color,
        )
    } else {
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    }
}

/// A connection card condensed for the hand and the offer row: its key
/// number (when it has one), name, kind, the worries it helps with and its
/// specialities, in small type that wraps (`compact`: the name and the
/// worries only, where the column is short). The response covers the whole
/// card and senses clicks, named `accessible` for screen readers and tests.
pub(super) fn connection_chip(
    ui: &mut Ui,
    content: &Content,
    texts: &Texts,
    card: ConnectionId,
    key: Option<usize>,
    enabled: bool,
    accessible: &str,
    compact: bool,
) -> Response {
    let c = content.connection(card);
    let lang = texts.language();
    let visuals = ui.visuals().clone();
    let stroke = if enabled {
        Stroke::new(2.0, visuals.selection.stroke.color)
    } else {
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    };
    let width = ui.available_width();
    let frame = Frame::group(ui.style())
        .stroke(stroke)
        .inner_margin(Margin::symmetric(6, 2))
        .fill(visuals.faint_bg_color);
    let inner_width = (width - frame.total_margin().sum().x).max(40.0);
    let inner = frame.show(ui, |ui| {
        ui.set_width(inner_width);
        ui.spacing_mut().item_spacing.y = 0.0;
        let name = match key {
            Some(n) => format!("[{}] {}", n + 1, c.name.get(lang)),
            None => c.name.get(lang).to_owned(),
        };
        let helps: String = c.helps.iter().map(|w| worry_icon(*w)).collect();
        if compact {
            // Name and the worries it helps with: the rest is in the dialog.
            ui.add(Label::new(RichText::new(format!("{name} {helps}")).small().strong()).wrap());
            return;
        }
        ui.add(Label::new(RichText::new(name).small().strong()).wrap());
        let kind = match c.kind {
            ConnectionKind::Public => texts.t("board.card_public"),
            ConnectionKind::Informal => texts.t("board.card_informal"),
        };
        let mut parts = vec![kind.to_owned()];
        if !helps.is_empty() {
            parts.push(helps);
        }
        parts.extend(
            c.specialities
                .iter()
                .map(|s| content.speciality(*s).name.get(lang).to_owned()),
        );
        ui.add(Label::new(RichText::new(parts.join(" · ")).small()).wrap());
    });
    let rect = inner.response.rect;
    let response = ui.interact(
        rect,
        ui.id().with(("cc.chip", card.index())),
        Sense::click(),
    );
    response.widget_info(|| WidgetInfo::labeled(WidgetType::Button, enabled, accessible));
    if enabled && response.hovered() {
        ui.painter().rect_stroke(
            rect,
            4.0,
            Stroke::new(3.0, visuals.widgets.hovered.fg_stroke.color),
            StrokeKind::Inside,
        );
    }
    response
}
