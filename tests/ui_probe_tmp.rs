#![cfg(feature = "app")]
use bevy_egui::egui::vec2;
use community_coping::content::default_content;
use community_coping::i18n::Texts;
use community_coping::rules::{Game, SeatKind, Setup};
use community_coping::ui::{BoardUi, BoardView, board};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
#[test]
fn probe() {
    let c = default_content().unwrap();
    let game = Game::new(
        c.clone(),
        Setup::standard(&c, 4, SeatKind::Human, "standard", 1),
    )
    .unwrap();
    let texts = Texts::load("ja");
    let mut st = BoardUi::default();
    let mut h = Harness::builder()
        .with_size(vec2(2400.0, 3600.0))
        .build_ui(|ui| {
            board(ui, &game, &BoardView::new(&texts), &mut st);
        });
    h.run();
    let all: Vec<_> = h.query_all_by(|_| true).collect();
    println!("ALL {}", all.len());
    for n in h.query_all_by(|n| n.value().is_some_and(|v| v.contains("offer"))) {
        println!("{:?}", n.accesskit_node().value());
    }
    h.get_by_label_contains("offer_row");
}
