//! The projector's type scale and how the window is zoomed to it: every
//! screen is laid out on a canvas of [`DESIGN_WIDTH`] × [`DESIGN_HEIGHT`]
//! points at UI scale 100 %, and the window is zoomed so that canvas fills
//! it, whatever the projector's resolution. Sizes are in points, which are
//! pixels on a 1920×1080 screen: body text is 24 px there and nothing is
//! under 18 px; a 1280×720 projector shows the same picture with the same
//! proportions, so the room reads it at the same size. A larger UI scale
//! zooms everything (the board, the map and the cards grow with the type),
//! and the board's layout gives the room to what matters most.

use bevy_egui::egui::{self, Color32, FontId, Stroke, TextStyle};

/// The canvas every screen is designed on, in points, at UI scale 100 %.
pub const DESIGN_WIDTH: f32 = 1920.0;
pub const DESIGN_HEIGHT: f32 = 1080.0;

/// Body and button text, in points.
pub const BODY_SIZE: f32 = 24.0;
/// The smallest text anywhere, in points.
pub const SMALL_SIZE: f32 = 18.0;
/// Headings, in points.
pub const HEADING_SIZE: f32 = 32.0;
/// A title screen's big heading, in points.
pub const TITLE_SIZE: f32 = 44.0;

/// Sets the game's text styles and spacing on `style`.
pub fn apply(style: &mut egui::Style) {
    style.text_styles = [
        (TextStyle::Small, FontId::proportional(SMALL_SIZE)),
        (TextStyle::Body, FontId::proportional(BODY_SIZE)),
        (TextStyle::Button, FontId::proportional(BODY_SIZE)),
        (TextStyle::Heading, FontId::proportional(HEADING_SIZE)),
        (TextStyle::Monospace, FontId::monospace(SMALL_SIZE)),
    ]
    .into();
    style.spacing.button_padding = egui::vec2(14.0, 6.0);
    style.spacing.item_spacing = egui::vec2(10.0, 8.0);
    style.spacing.interact_size.y = BODY_SIZE + 8.0;
    style.spacing.icon_width = BODY_SIZE * 0.9;
    style.spacing.icon_width_inner = BODY_SIZE * 0.5;
}

/// The zoom that makes the design canvas fill a window `width` × `height`
/// (logical pixels), times the person's UI scale: 1.0 on a 1920×1080
/// window, 2/3 on 1280×720, 1.5 × that at 150 %.
pub fn fit_zoom(width: f32, height: f32, ui_scale: f32) -> f32 {
    if !(width > 0.0 && height > 0.0) {
        return ui_scale;
    }
    let fit = (width / DESIGN_WIDTH).min(height / DESIGN_HEIGHT);
    (fit * ui_scale).clamp(0.25, 8.0)
}

/// The two themes. Light: near-black text on off-white, every text colour
/// (weak, selected and link text included) at least 4.5:1 against every
/// background it is drawn on (WCAG AA). High contrast: black on white with
/// heavy strokes, for a washed-out projector.
pub fn visuals(high_contrast: bool) -> egui::Visuals {
    let mut v = egui::Visuals::light();
    if high_contrast {
        v.override_text_color = Some(Color32::BLACK);
        v.weak_text_color = Some(Color32::from_gray(40));
        v.panel_fill = Color32::WHITE;
        v.window_fill = Color32::WHITE;
        v.faint_bg_color = Color32::from_gray(248);
        v.extreme_bg_color = Color32::WHITE;
        v.widgets.noninteractive.fg_stroke = Stroke::new(2.0, Color32::BLACK);
        v.widgets.inactive.fg_stroke = Stroke::new(2.0, Color32::BLACK);
        v.widgets.inactive.bg_stroke = Stroke::new(2.0, Color32::BLACK);
        v.selection.stroke = Stroke::new(3.0, Color32::BLACK);
        v.hyperlink_color = Color32::from_rgb(0, 0, 160);
    } else {
        v.weak_text_color = Some(Color32::from_gray(85));
        v.widgets.noninteractive.fg_stroke.color = Color32::from_gray(30);
        v.widgets.inactive.fg_stroke.color = Color32::from_gray(20);
        v.widgets.hovered.fg_stroke.color = Color32::BLACK;
        v.widgets.active.fg_stroke.color = Color32::BLACK;
        v.selection.stroke.color = Color32::from_rgb(0, 80, 160);
        v.hyperlink_color = Color32::from_rgb(0, 70, 150);
    }
    // Disabled buttons keep readable words: the reason they are off is shown beside them.
    v.disabled_alpha = 0.6;
    v
}

/// Every (text, background) pair the screens draw in `visuals`, named, for the contrast test.
pub fn text_pairs(v: &egui::Visuals) -> Vec<(String, Color32, Color32)> {
    let texts = [
        ("text", v.text_color()),
        ("weak", v.weak_text_color()),
        ("strong", v.strong_text_color()),
        ("button", v.widgets.inactive.fg_stroke.color),
        ("link", v.hyperlink_color),
        ("selected outline", v.selection.stroke.color),
    ];
    let grounds = [
        ("panel", v.panel_fill),
        ("window", v.window_fill),
        ("faint", v.faint_bg_color),
        ("extreme", v.extreme_bg_color),
        ("button", v.widgets.inactive.weak_bg_fill),
    ];
    // Colours are premultiplied and some grounds are see-through (egui's
    // faint fill is added onto the panel): compare what reaches the screen.
    let mut pairs = Vec::new();
    for (text, fg) in texts {
        for (ground, bg) in grounds {
            let bg = over(bg, over(v.panel_fill, Color32::WHITE));
            pairs.push((format!("{text} on {ground}"), over(fg, bg), bg));
        }
    }
    pairs
}

/// `top` (premultiplied, maybe see-through) drawn over the opaque `base`.
fn over(top: Color32, base: Color32) -> Color32 {
    let keep = 255 - u16::from(top.a());
    let mix = |t: u8, b: u8| (u16::from(t) + u16::from(b) * keep / 255).min(255) as u8;
    Color32::from_rgb(
        mix(top.r(), base.r()),
        mix(top.g(), base.g()),
        mix(top.b(), base.b()),
    )
}

/// The WCAG 2 contrast ratio of two opaque colours.
pub fn contrast(a: Color32, b: Color32) -> f32 {
    fn channel(c: u8) -> f32 {
        let c = f32::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    let lum =
        |c: Color32| 0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b());
    let (la, lb) = (lum(a), lum(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Every character the game may draw in the language of `texts`: every
/// string of it, every symbol of the board ([`super::GLYPHS`]) and every text
/// of `content`, each once, in a stable order.
/// Laying these out once per zoom puts every glyph in the font atlas before
/// a screen needs it, so no frame draws with glyphs missing.
pub fn glyph_set(content: &crate::content::Content, texts: &crate::i18n::Texts) -> String {
    let mut chars = std::collections::BTreeSet::new();
    for key in texts.keys() {
        chars.extend(texts.t(key).chars());
    }
    chars.extend(format!("{content:?}").chars());
    chars.extend("0123456789:/%+-.,()[]".chars());
    chars.extend(super::GLYPHS.chars());
    chars.into_iter().filter(|c| !c.is_control()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_canvas_fills_common_projectors() {
        assert_eq!(fit_zoom(1920.0, 1080.0, 1.0), 1.0);
        assert!((fit_zoom(1280.0, 720.0, 1.0) - 2.0 / 3.0).abs() < 1e-6);
        assert!((fit_zoom(1280.0, 720.0, 1.5) - 1.0).abs() < 1e-6);
        // A 4:3 window is fitted by its width.
        assert!((fit_zoom(1024.0, 768.0, 1.0) - 1024.0 / 1920.0).abs() < 1e-6);
        assert_eq!(fit_zoom(0.0, 0.0, 1.25), 1.25);
    }

    #[test]
    fn every_text_colour_meets_wcag_aa_in_both_themes() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        for high in [false, true] {
            let v = visuals(high);
            for (name, fg, bg) in text_pairs(&v) {
                let ratio = contrast(fg, bg);
                assert!(ratio >= 4.5, "theme high={high}: {name} is {ratio:.2}:1");
            }
        }
    }

    #[test]
    fn the_glyph_set_holds_every_character_of_every_text() {
        let content = crate::content::default_content().expect("the default deck validates");
        let texts = crate::i18n::Texts::load("ja");
        let set = glyph_set(&content, &texts);
        for key in texts.keys() {
            for c in texts.t(key).chars().filter(|c| !c.is_control()) {
                assert!(set.contains(c), "{c:?} of {key}");
            }
        }
        let name = content.residents()[0].name.get("ja");
        assert!(name.chars().all(|c| set.contains(c)), "{name}");
    }

    #[test]
    fn egui_light_defaults_would_fail_the_contrast_check() {
        // The check can fail: egui's own weak text on its light panel is below AA.
        let v = egui::Visuals::light();
        let weak = over(v.weak_text_color(), v.panel_fill);
        assert!(contrast(weak, v.panel_fill) < 4.5);
    }
}
