//! The board's controls for link work (寄り添う, ケース会議, passing a card,
//! 創る): each shows only when the deck has its rule, so a deck without link
//! work keeps the old board; each is enabled only when the rules allow, with
//! the reason in words when not.

use bevy_egui::egui::{Button, Label, Response, RichText, TextStyle, Ui, vec2};

use super::side::action_button;
use super::targets::{Target, record};
use super::{BoardUi, BoardView, Intent, allowed, worry_icon};
use crate::content::{ConnectionId, ResidentId};
use crate::i18n::{LogContext, rule_error, worry_label};
use crate::rules::{Action, Game, RuleError};

/// Which link-work controls the deck (and the chosen difficulty) has.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct LinkWork {
    /// Some resident needs visits before accepting help.
    pub visit: bool,
    pub conference: Option<u8>,
    pub pass: Option<u8>,
    /// The deck has resource ideas.
    pub ideas: bool,
}

impl LinkWork {
    pub(super) fn of(game: &Game) -> Self {
        let content = game.content();
        Self {
            visit: content.residents().iter().any(|r| r.trust > 0),
            conference: game.conference_cost(),
            pass: game.pass_cost(),
            ideas: content.ideas().next().is_some(),
        }
    }
}

/// Whether the case-conference dialog can open for `r`: the deck holds
/// conferences, the resident is revealed in the town, the actions suffice,
/// and some cards of two or more seats together meet the needs.
pub(super) fn conference_openable(
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    r: ResidentId,
) -> Result<(), String> {
    if !view.interactive {
        return Err(view.texts.t("board.not_interactive").to_owned());
    }
    let seat = game.current_seat();
    let probe = Action::Conference {
        resident: r,
        cards: Vec::new(),
    };
    match game.check(seat, &probe) {
        Ok(()) => Ok(()),
        Err(RuleError::ConferenceNeedsTwoSeats) if game.conference_extends(seat, r, &[]) => Ok(()),
        Err(RuleError::ConferenceNeedsTwoSeats) => {
            Err(view.texts.t("board.no_conference_set").to_owned())
        }
        Err(e) => Err(rule_error(&e, words)),
    }
}

/// Whether the pass dialog can open: the deck allows passing and some hand
/// card can go to some other seat now.
pub(super) fn pass_openable(
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
) -> Result<(), String> {
    if !view.interactive {
        return Err(view.texts.t("board.not_interactive").to_owned());
    }
    let seat = game.current_seat();
    let hand = game.hand(seat);
    let others: Vec<usize> = (0..game.seats().len()).filter(|&s| s != seat).collect();
    let Some(&card) = hand.first() else {
        // The rules' own reason first (no passing, no actions), else the empty hand.
        let probe = Action::Pass {
            card: ConnectionId::from_index(0),
            to: others.first().copied().unwrap_or(seat),
        };
        return match game.check(seat, &probe) {
            Err(
                e @ (RuleError::NotInThisDeck(_)
                | RuleError::NoActionsLeft
                | RuleError::NotEnoughActions { .. }
                | RuleError::MustReleaseFirst),
            ) => Err(rule_error(&e, words)),
            _ => Err(view.texts.t("board.pass_no_cards").to_owned()),
        };
    };
    if others.is_empty() {
        return Err(view.texts.t("board.pass_no_one").to_owned());
    }
    let mut first_error = None;
    for &to in &others {
        match game.check(seat, &Action::Pass { card, to }) {
            Ok(()) => return Ok(()),
            Err(RuleError::RecipientHandFull(_)) => {}
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(match first_error {
        Some(e) => rule_error(&e, words),
        None => view.texts.t("board.pass_all_full").to_owned(),
    })
}

/// Whether the current seat may put an action towards some resource idea.
pub(super) fn create_allowed(
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
) -> Result<(), String> {
    let verdicts: Vec<_> = game
        .open_ideas()
        .map(|idea| allowed(game, view, words, &Action::Create { idea }))
        .collect();
    if verdicts.iter().any(Result::is_ok) {
        return Ok(());
    }
    Err(verdicts
        .into_iter()
        .find_map(Result::err)
        .unwrap_or_else(|| view.texts.t("board.ideas_none_open").to_owned()))
}

/// The button label with its cost in actions: 「ケース会議（行動2）」.
fn with_cost(view: &BoardView<'_>, key: &str, cost: u8) -> String {
    view.texts
        .fmt_count(key, u64::from(cost), &[("cost", &cost)])
}

/// Visit, Case conference and Pass a card, in a row under the turn's
/// buttons (each only where the deck has it): Visit acts, the others open
/// their dialogs. `compact` (a short canvas) gives the costs in short.
pub(super) fn link_buttons(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    state: &mut BoardUi,
    intent: &mut Option<Intent>,
    compact: bool,
) {
    let link = LinkWork::of(game);
    if !link.visit && link.conference.is_none() && link.pass.is_none() {
        return;
    }
    let t = view.texts;
    let pick_first = || t.t("board.select_first").to_owned();
    let label = |key: &str, cost: u8| {
        let full = with_cost(view, key, cost);
        let short = t.fmt(&format!("{key}_short"), &[("cost", &cost)]);
        if compact {
            (short, full)
        } else {
            (full.clone(), full)
        }
    };
    ui.horizontal_wrapped(|ui| {
        if link.visit {
            let visit = state.selected.map(|r| Action::Visit { resident: r });
            let verdict = match &visit {
                Some(a) => allowed(game, view, words, a),
                None => Err(pick_first()),
            };
            let response = action_button(ui, t.t("board.visit"), &verdict);
            record(ui.ctx(), Target::Visit, response.rect);
            if response.clicked()
                && let Some(a) = visit
            {
                *intent = Some(Intent::Act(a));
            }
        }
        if let Some(cost) = link.conference {
            let verdict = match state.selected {
                Some(r) => conference_openable(game, view, words, r),
                None => Err(pick_first()),
            };
            let (text, full) = label("board.conference", cost);
            let response = action_button(ui, &text, &verdict).on_hover_text(full);
            record(ui.ctx(), Target::Conference, response.rect);
            if response.clicked()
                && let Some(r) = state.selected
            {
                state.open_conference(r);
            }
        }
        if let Some(cost) = link.pass {
            let verdict = pass_openable(game, view, words);
            let (text, full) = label("board.pass", cost);
            let response = action_button(ui, &text, &verdict).on_hover_text(full);
            record(ui.ctx(), Target::Pass, response.rect);
            if response.clicked() {
                state.open_pass();
            }
        }
    });
}

/// The open resource ideas: each with its name, progress and cost
/// (「ふれあいサロン 2/4」), what it helps, and a Create button; nothing when
/// the deck has no ideas or every one is founded. A short canvas packs
/// them: one small numbered button an idea, flowing side by side
/// (「1 ふれあいサロン 2/4 ♡✚」), the description on hover.
pub(super) fn ideas_panel(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    compact: bool,
) -> Option<Intent> {
    let ideas: Vec<ConnectionId> = game.open_ideas().collect();
    if ideas.is_empty() {
        return None;
    }
    let top = ui.cursor().top();
    // A line a idea, the heading and the coping line under them: more than
    // the room left packs the ideas, as on a short canvas.
    let spacing = ui.spacing();
    let button = ui.text_style_height(&TextStyle::Button) + 2.0 * spacing.button_padding.y;
    let row = spacing.interact_size.y.max(button) + spacing.item_spacing.y;
    let compact = compact || ui.available_height() < row * (ideas.len() as f32 + 4.0);
    let intent = if compact {
        compact_ideas(ui, game, view, words, &ideas)
    } else {
        full_ideas(ui, game, view, words, &ideas)
    };
    let rect = ui.min_rect().with_min_y(top);
    record(ui.ctx(), Target::Ideas, rect.with_max_y(ui.cursor().top()));
    intent
}

/// One line an idea: a Create button, then its name, progress and what it helps in words.
fn full_ideas(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    ideas: &[ConnectionId],
) -> Option<Intent> {
    let t = view.texts;
    let lang = t.language();
    let mut intent = None;
    ui.label(RichText::new(t.t("board.ideas")).strong());
    for (i, &idea) in ideas.iter().enumerate() {
        let card = game.content().connection(idea);
        let helps: Vec<String> = card
            .helps
            .iter()
            .map(|w| format!("{} {}", worry_icon(*w), worry_label(t, *w)))
            .collect();
        let line = t.fmt(
            "board.idea_line",
            &[
                ("name", &card.name.get(lang)),
                ("progress", &game.idea_progress(idea)),
                ("cost", &card.idea_cost.unwrap_or(1)),
                ("helps", &helps.join(t.t("log.list_separator"))),
            ],
        );
        ui.horizontal_wrapped(|ui| {
            let action = Action::Create { idea };
            let verdict = allowed(game, view, words, &action);
            let label = t.fmt("board.create_n", &[("n", &(i + 1))]);
            let response = action_button(ui, &label, &verdict);
            record(ui.ctx(), Target::Idea(i), response.rect);
            if response.clicked() {
                intent = Some(Intent::Act(action));
            }
            ui.add(Label::new(RichText::new(line).small()).wrap());
        });
    }
    intent
}

/// The ideas side by side as small numbered buttons (「1 ふれあいサロン 2/4 ♡✚」),
/// after a short heading; what each helps and its story show on hover.
fn compact_ideas(
    ui: &mut Ui,
    game: &Game,
    view: &BoardView<'_>,
    words: &LogContext<'_>,
    ideas: &[ConnectionId],
) -> Option<Intent> {
    let t = view.texts;
    let lang = t.language();
    let mut intent = None;
    let small = ui.text_style_height(&TextStyle::Small);
    ui.spacing_mut().item_spacing = vec2(4.0, 2.0);
    ui.spacing_mut().button_padding = vec2(3.0, 1.0);
    ui.spacing_mut().interact_size.y = small + 2.0;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t.t("board.ideas_short")).small().strong());
        for (i, &idea) in ideas.iter().enumerate() {
            let card = game.content().connection(idea);
            let glyphs: String = card.helps.iter().map(|w| worry_icon(*w)).collect();
            let text = t.fmt(
                "board.idea_chip",
                &[
                    ("n", &(i + 1)),
                    ("name", &card.name.get(lang)),
                    ("progress", &game.idea_progress(idea)),
                    ("cost", &card.idea_cost.unwrap_or(1)),
                    ("helps", &glyphs),
                ],
            );
            let helps: Vec<String> = card
                .helps
                .iter()
                .map(|w| format!("{} {}", worry_icon(*w), worry_label(t, *w)))
                .collect();
            let about = format!(
                "{}\n{}\n{}",
                t.fmt("board.create_n", &[("n", &(i + 1))]),
                helps.join(t.t("log.list_separator")),
                card.description.get(lang)
            );
            let action = Action::Create { idea };
            let verdict = allowed(game, view, words, &action);
            let response = small_button(ui, &text, &verdict).on_hover_text(about);
            record(ui.ctx(), Target::Idea(i), response.rect);
            if response.clicked() {
                intent = Some(Intent::Act(action));
            }
        }
    });
    intent
}

/// [`action_button`] in small type.
fn small_button(ui: &mut Ui, text: &str, verdict: &Result<(), String>) -> Response {
    let button = Button::new(RichText::new(text).small());
    let response = ui.add_enabled(verdict.is_ok(), button);
    match verdict {
        Err(reason) => response.on_disabled_hover_text(reason.as_str()),
        Ok(()) => response,
    }
}

/// The team's ties (link-work decks only): 「つながり 23本（地域の支え 9本）」.
pub(super) fn ties_text(game: &Game, view: &BoardView<'_>) -> Option<String> {
    if !game.content().link_work() {
        return None;
    }
    let total = game.ties_total();
    let informal: u32 = game
        .connected_residents()
        .iter()
        .map(|r| u32::from(game.resident_state(*r).informal_ties()))
        .sum();
    Some(view.texts.fmt_count(
        "board.ties",
        u64::from(total),
        &[("count", &total), ("informal", &informal)],
    ))
}
