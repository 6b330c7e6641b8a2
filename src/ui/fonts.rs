//! The bundled Chinese font, placed first so Chinese punctuation such as “ ” and ，renders
//! full-width instead of falling to the narrow Latin face.

const CJK_FONT_NAME: &str = "noto_sans_sc_pouxi";
const CJK_FONT: &[u8] = include_bytes!("../../fonts/NotoSansSC-Pouxi.otf");

/// Installs the bundled CJK font in front of egui's defaults for both font families.
pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        CJK_FONT_NAME.to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(CJK_FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, CJK_FONT_NAME.to_owned());
    }
    ctx.set_fonts(fonts);
}
