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

/// Lays out every character the game may draw in the current language
/// ([`crate::ui::style::glyph_set`]) at the body size, which most text
/// uses, whenever the zoom or the language changes (and at the
/// start), so the font atlas holds them before any screen needs them: no
/// frame draws with glyphs missing (「プレイヤー　さん」, 「0: 0」). Other
/// sizes (the title's, the pause sign) are laid out when first drawn.
fn prewarm_glyphs(
    mut contexts: bevy_egui::EguiContexts,
    scenario: Res<super::Scenario>,
    texts: Res<super::AppTexts>,
    mut warmed: Local<Option<(f32, &'static str)>>,
) {
    let Ok(ctx) = contexts.ctx_mut() else {
        return;
    };
    let now = (ctx.pixels_per_point(), texts.0.language());
    if *warmed == Some(now) {
        return;
    }
    let chars = crate::ui::style::glyph_set(&scenario.content, &texts.0);
    let font = egui::FontId::proportional(crate::ui::style::BODY_SIZE);
    ctx.fonts_mut(|fonts| {
        let _ = fonts.layout_no_wrap(chars, font, egui::Color32::BLACK);
    });
    *warmed = Some(now);
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
