//! Installs the bundled BIZ UDPGothic font and projector-sized text styles into egui.

use bevy::prelude::*;
use bevy_egui::egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use bevy_egui::egui::{FontData, FontFamily};
use bevy_egui::{EguiContext, EguiPreUpdateSet, egui};

/// BIZ UDPGothic (SIL OFL 1.1, see `assets/fonts/OFL.txt`), embedded so the
/// binary runs from any directory.
const BIZ_UDP_GOTHIC: &[u8] = include_bytes!("../../assets/fonts/BIZUDPGothic-Regular.ttf");

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        install_fonts
            .after(EguiPreUpdateSet::InitContexts)
            .before(EguiPreUpdateSet::BeginPass),
    )
    .add_systems(bevy_egui::EguiPrimaryContextPass, prewarm_glyphs);
}

/// Sizes (points) the screens draw text at besides the text styles: the
/// title screen's and the year end's headings, the pause sign.
const EXTRA_SIZES: [f32; 5] = [crate::ui::style::TITLE_SIZE, 64.0, 36.0, 20.0, 120.0];

/// Lays out every character the game may draw ([`crate::ui::style::glyph_set`])
/// at every text size whenever the zoom changes (and at the start), so the
/// font atlas holds them all before any screen needs them: no frame draws
/// with glyphs missing (「プレイヤー　さん」, 「0: 0」).
fn prewarm_glyphs(
    mut contexts: bevy_egui::EguiContexts,
    scenario: Res<super::Scenario>,
    mut chars: Local<Option<String>>,
    mut warmed: Local<Option<f32>>,
) {
    let Ok(ctx) = contexts.ctx_mut() else {
        return;
    };
    let ppp = ctx.pixels_per_point();
    if *warmed == Some(ppp) {
        return;
    }
    let chars = chars.get_or_insert_with(|| crate::ui::style::glyph_set(&scenario.content));
    let sizes: Vec<f32> = ctx
        .global_style()
        .text_styles
        .values()
        .map(|f| f.size)
        .collect();
    ctx.fonts_mut(|fonts| {
        for size in sizes.iter().chain(&EXTRA_SIZES) {
            for family in [FontFamily::Proportional, FontFamily::Monospace] {
                let font = egui::FontId::new(*size, family);
                let _ = fonts.layout_no_wrap(chars.clone(), font, egui::Color32::BLACK);
            }
        }
    });
    *warmed = Some(ppp);
}

/// Sets fonts and text sizes once, when an egui context (a window) appears,
/// so that the very first pass already renders Japanese.
fn install_fonts(mut contexts: Query<&mut EguiContext, Added<EguiContext>>) {
    for mut context in &mut contexts {
        setup_fonts(context.get_mut());
    }
}

/// Adds BIZ UDPGothic as the first proportional font and as the CJK fallback
/// for monospace, and enlarges every text style.
fn setup_fonts(ctx: &egui::Context) {
    ctx.add_font(FontInsert::new(
        "BIZUDPGothic",
        FontData::from_static(BIZ_UDP_GOTHIC),
        vec![
            InsertFontFamily {
                family: FontFamily::Proportional,
                priority: FontPriority::Highest,
            },
            InsertFontFamily {
                family: FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    ));
    ctx.all_styles_mut(crate::ui::style::apply);
}
