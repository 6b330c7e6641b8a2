//! The Chinese fonts a stock Windows has, and which of them stands in for one it lacks.
//!
//! The standard's faces (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312) are not part of Windows since
//! Vista: a reader without them gets Word's guess. The .docx names, beside each font, the stock
//! face of the same kind (`w:altName` in the font table), so Word falls back to 仿宋 for
//! 仿宋_GB2312 rather than to whatever it picks.

/// Faces every Windows since Vista installs: the Chinese ones (with their English names, which
/// Word also accepts) and the Latin ones offices ask for.
pub const STOCK_WINDOWS_FONTS: &[&str] = &[
    "宋体",
    "新宋体",
    "黑体",
    "仿宋",
    "楷体",
    "微软雅黑",
    "等线",
    "SimSun",
    "NSimSun",
    "SimHei",
    "FangSong",
    "KaiTi",
    "Microsoft YaHei",
    "DengXian",
    "Times New Roman",
    "Arial",
    "Calibri",
];

/// The stock Windows face to use when `font` is missing, judged by the kind its name says
/// (仿宋, 楷, 黑, 宋): `仿宋_GB2312` → 仿宋, `方正小标宋简体` → 宋体. `None` for a stock face and
/// for a name that says no kind, which Word then handles alone.
pub fn stock_fallback(font: &str) -> Option<&'static str> {
    if STOCK_WINDOWS_FONTS.contains(&font) {
        return None;
    }
    // 仿宋 before 宋: 仿宋_GB2312 is a 仿宋, not a 宋体.
    [
        ("仿宋", "仿宋"),
        ("楷", "楷体"),
        ("黑", "黑体"),
        ("宋", "宋体"),
    ]
    .into_iter()
    .find(|(kind, _)| font.contains(kind))
    .map(|(_, stock)| stock)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_faces_fall_back_to_stock_ones() {
        assert_eq!(stock_fallback("方正小标宋简体"), Some("宋体"));
        assert_eq!(stock_fallback("仿宋_GB2312"), Some("仿宋"));
        assert_eq!(stock_fallback("楷体_GB2312"), Some("楷体"));
        assert_eq!(stock_fallback("方正黑体_GBK"), Some("黑体"));
        assert_eq!(stock_fallback("方正仿宋_GBK"), Some("仿宋"));
        assert_eq!(stock_fallback("华文中宋"), Some("宋体"));
    }

    #[test]
    fn stock_and_unknown_faces_have_none() {
        for stock in ["黑体", "仿宋", "楷体", "宋体", "微软雅黑", "SimSun"] {
            assert_eq!(stock_fallback(stock), None, "{stock}");
        }
        assert_eq!(stock_fallback("Times New Roman"), None);
        assert_eq!(stock_fallback(""), None);
    }
}
