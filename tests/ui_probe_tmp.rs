#![cfg(feature = "app")]
use bevy_egui::egui::{self, FontId, TextStyle, vec2};
use community_coping::content::default_content;
use community_coping::i18n::Texts;
use community_coping::rules::{Game, SeatKind, Setup};
use community_coping::ui::{BoardUi, BoardView, board};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
#[test]
fn probe() {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    let c = default_content().unwrap();
    let game = Game::new(
        c.clone(),
        Setup::standard(&c, 4, SeatKind::Human, "standard", 1),
    )
    .unwrap();
    let texts = Texts::load("ja");
    let mut ui_state = BoardUi::default();
    let mut first = true;
    let mut h = Harness::builder()
        .with_size(vec2(1920.0, 1080.0))
        .build_ui(|ui| {
            if first {
                first = false;
                ui.ctx().add_font(FontInsert::new(
                    "BIZ",
                    egui::FontData::from_static(include_bytes!(
                        "../assets/fonts/BIZUDPGothic-Regular.ttf"
                    )),
                    vec![InsertFontFamily {
                        family: egui::FontFamily::Proportional,
                        priority: FontPriority::Highest,
                    }],
                ));
                ui.ctx().all_styles_mut(|style| {
                    style.text_styles = [
                        (TextStyle::Small, FontId::proportional(22.0)),
                        (TextStyle::Body, FontId::proportional(28.0)),
                        (TextStyle::Button, FontId::proportional(28.0)),
                        (TextStyle::Heading, FontId::proportional(44.0)),
                        (TextStyle::Monospace, FontId::monospace(24.0)),
                    ]
                    .into();
                    style.spacing.button_padding = egui::vec2(20.0, 10.0);
                    style.spacing.item_spacing = egui::vec2(12.0, 12.0);
                });
            }
            let view = BoardView::new(&texts);
            board(ui, &game, &view, &mut ui_state);
        });
    h.run();
    for n in h.query_all_by(|_| true) {
        let a = n.accesskit_node();
        let label = a.label().or(a.value()).unwrap_or_default();
        if label.is_empty() {
            continue;
        }
        let r = n.rect();
        println!(
            "{:>6.0} {:>6.0} {:>6.0} {:>6.0}  {:?} {}",
            r.min.x,
            r.min.y,
            r.max.x,
            r.max.y,
            a.role(),
            label.chars().take(50).collect::<String>()
        );
    }
}
