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
    );
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
