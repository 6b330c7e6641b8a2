//! The window's look, in one place: text sizes, calmer signal colours, visible checkboxes, the
//! colours that mark text (copied, ad, find matches, targets), and primary and destructive
//! buttons. Everything is worked out from egui's light or dark visuals, so both themes hold.

use egui::{Color32, Stroke, TextStyle, Visuals};

/// Body text in points. Chinese characters need more than egui's 12.5 to read comfortably for
/// a whole speech; 视图 → 字号 scales everything from here.
pub const BODY_SIZE: f32 = 15.0;

/// A finding's headline: larger than the body, in the strong text colour.
pub fn headline_style() -> TextStyle {
    TextStyle::Name("pouxi_headline".into())
}

/// Text sizes and widget strokes for both themes. Call once at start-up.
pub fn install(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        use egui::{FontFamily, FontId};
        let sizes = [
            (TextStyle::Small, 12.0),
            (TextStyle::Body, BODY_SIZE),
            (TextStyle::Button, 14.0),
            (TextStyle::Monospace, 14.0),
            (TextStyle::Heading, 20.0),
            (headline_style(), BODY_SIZE + 2.0),
        ];
        for (text_style, size) in sizes {
            style
                .text_styles
                .insert(text_style, FontId::new(size, FontFamily::Proportional));
        }
        style.spacing.interact_size.y = 22.0;
        calm(&mut style.visuals);
    });
}

/// Softer signal colours, and an outline on idle widgets so that an unticked checkbox (and a
/// button) can be told from the page.
fn calm(visuals: &mut Visuals) {
    let outline = if visuals.dark_mode {
        Color32::from_gray(110)
    } else {
        Color32::from_gray(160)
    };
    visuals.widgets.inactive.bg_stroke = Stroke::new(1.0, outline);
    if visuals.dark_mode {
        visuals.error_fg_color = Color32::from_rgb(235, 110, 100);
        visuals.warn_fg_color = Color32::from_rgb(230, 170, 80);
    } else {
        visuals.error_fg_color = Color32::from_rgb(190, 40, 30);
        visuals.warn_fg_color = Color32::from_rgb(180, 95, 0);
        visuals.faint_bg_color = Color32::from_gray(244);
    }
}

/// The colours that mark text and figures, for the current theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Behind stretches still copied from the material: a gentle blue, never the ads' red.
    pub copied: Color32,
    /// Ad text struck through in the import preview.
    pub ad_text: Color32,
    pub ad_background: Color32,
    /// An ad span the writer chose to keep.
    pub restored_background: Color32,
    pub find_match: Color32,
    pub current_match: Color32,
    /// Target progress: within, under, over.
    pub within: Color32,
    pub under: Color32,
    pub over: Color32,
}

impl Palette {
    pub fn of(visuals: &Visuals) -> Palette {
        if visuals.dark_mode {
            Palette {
                copied: Color32::from_rgb(38, 62, 98),
                ad_text: Color32::from_rgb(240, 130, 120),
                ad_background: Color32::from_rgb(88, 36, 36),
                restored_background: Color32::from_rgb(34, 78, 44),
                find_match: Color32::from_rgb(100, 86, 20),
                current_match: Color32::from_rgb(150, 92, 20),
                within: Color32::from_rgb(110, 180, 120),
                under: Color32::from_rgb(210, 160, 80),
                over: Color32::from_rgb(220, 120, 110),
            }
        } else {
            Palette {
                copied: Color32::from_rgb(218, 232, 252),
                ad_text: Color32::from_rgb(170, 30, 30),
                ad_background: Color32::from_rgb(250, 220, 220),
                restored_background: Color32::from_rgb(214, 238, 214),
                find_match: Color32::from_rgb(255, 236, 140),
                current_match: Color32::from_rgb(255, 178, 80),
                within: Color32::from_rgb(130, 190, 140),
                under: Color32::from_rgb(232, 190, 120),
                over: Color32::from_rgb(228, 150, 140),
            }
        }
    }
}

/// The button that does what the dialog is for (导入, 确定, 保存): filled with the accent.
pub fn primary_button(text: impl Into<egui::RichText>) -> egui::Button<'static> {
    egui::Button::new(text.into().color(Color32::WHITE).strong())
        .fill(Color32::from_rgb(38, 110, 200))
}

/// A button that throws something away (删除, 丢弃): red text, so it is never clicked by habit.
pub fn destructive_button(ui: &egui::Ui, text: &str) -> egui::Button<'static> {
    egui::Button::new(egui::RichText::new(text).color(ui.visuals().error_fg_color))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copied_and_ad_colours_differ_in_both_themes() {
        for visuals in [Visuals::light(), Visuals::dark()] {
            let palette = Palette::of(&visuals);
            assert_ne!(palette.copied, palette.ad_background);
            // Copied text is marked in a blue, the ads in a red.
            assert!(palette.copied.b() > palette.copied.r());
            assert!(palette.ad_background.r() > palette.ad_background.b());
        }
    }

    #[test]
    fn an_idle_checkbox_has_an_outline() {
        let ctx = egui::Context::default();
        install(&ctx);
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let style = ctx.style_of(theme);
            assert!(style.visuals.widgets.inactive.bg_stroke.width >= 1.0);
            assert_ne!(
                style.visuals.widgets.inactive.bg_stroke.color,
                style.visuals.panel_fill
            );
            let headline = headline_style().resolve(&style).size;
            assert!(headline > TextStyle::Body.resolve(&style).size);
        }
    }
}
