//! Telling legacy encodings apart when bytes are not UTF-8: GB18030/GBK, Big5 (traditional
//! Chinese material is real), Shift-JIS (Japanese: refused, never read as Chinese), and files
//! whose lines are partly UTF-8 and partly GBK (decoded line by line).
//!
//! Big5 and GBK bytes both decode without error as the other, into characters nobody writes.
//! Which reading is right shows in how common its characters are: GBK text read as GBK is
//! almost all GB2312 level-1 characters; Big5 text read as Big5 is almost all Big5 常用字.

use encoding_rs::{BIG5, GB18030, SHIFT_JIS};

/// What the bytes are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Legacy {
    Gb18030(String),
    Big5(String),
    /// Lines in UTF-8 and lines in GB18030, each decoded in its own encoding.
    Mixed(String),
    Japanese,
    Unknown,
}

/// Share of a reading above the other's that makes Big5 the answer.
const BIG5_MARGIN: f64 = 0.15;
/// Share of full-width kana among non-ASCII characters that makes text Japanese.
const KANA_SHARE: f64 = 0.15;

fn strict(encoding: &'static encoding_rs::Encoding, bytes: &[u8]) -> Option<String> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| t.into_owned())
}

fn is_han(c: char) -> bool {
    crate::clean::is_han(c)
}

/// Share of the Chinese characters of `text` that `common` accepts.
fn common_share(text: &str, common: impl Fn(char) -> bool) -> f64 {
    let (mut han, mut ok) = (0usize, 0usize);
    for c in text.chars().filter(|&c| is_han(c)) {
        han += 1;
        if common(c) {
            ok += 1;
        }
    }
    if han == 0 {
        0.0
    } else {
        ok as f64 / han as f64
    }
}

fn encoded_pair(encoding: &'static encoding_rs::Encoding, c: char) -> Option<(u8, u8)> {
    let mut buf = [0u8; 4];
    let (bytes, _, unmappable) = encoding.encode(c.encode_utf8(&mut buf));
    match (unmappable, bytes.as_ref()) {
        (false, [lead, trail]) => Some((*lead, *trail)),
        _ => None,
    }
}

/// GB2312 level 1: the 3,755 most used simplified characters.
fn gb_common(c: char) -> bool {
    encoded_pair(GB18030, c).is_some_and(|(lead, trail)| {
        (0xB0..=0xD7).contains(&lead) && (0xA1..=0xFE).contains(&trail)
    })
}

/// Big5 常用字 (A440–C67E): the 5,401 most used traditional characters.
fn big5_common(c: char) -> bool {
    encoded_pair(BIG5, c).is_some_and(|(lead, trail)| {
        (0xA4..=0xC5).contains(&lead) || (lead == 0xC6 && trail <= 0x7E)
    })
}

fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}')
}

/// Lines partly valid UTF-8 with Chinese in them, partly not: each line in its own encoding.
fn mixed(bytes: &[u8]) -> Option<String> {
    let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    let mut utf8_han = 0;
    let mut other = 0;
    for line in &lines {
        match std::str::from_utf8(line) {
            Ok(text) => utf8_han += text.chars().filter(|&c| is_han(c)).count(),
            Err(_) => other += 1,
        }
    }
    if utf8_han < 2 || other == 0 {
        return None;
    }
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        match std::str::from_utf8(line) {
            Ok(text) => out.push(text.to_owned()),
            Err(_) => out.push(strict(GB18030, line)?),
        }
    }
    Some(out.join("\n"))
}

/// Identifies bytes that are not UTF-8.
pub(crate) fn identify(bytes: &[u8]) -> Legacy {
    if let Some(text) = mixed(bytes) {
        return Legacy::Mixed(text);
    }
    let gb = strict(GB18030, bytes);
    let big5 = strict(BIG5, bytes);
    if let Some(jp) = strict(SHIFT_JIS, bytes) {
        let non_ascii = jp.chars().filter(|c| !c.is_ascii()).count();
        let kana = jp.chars().filter(|&c| is_kana(c)).count();
        if non_ascii > 0 && kana as f64 >= KANA_SHARE * non_ascii as f64 {
            let gb_fits = gb
                .as_deref()
                .is_some_and(|t| common_share(t, gb_common) > 0.9);
            if !gb_fits {
                return Legacy::Japanese;
            }
        }
    }
    let gb_score = gb.as_deref().map_or(0.0, |t| common_share(t, gb_common));
    let big5_score = big5
        .as_deref()
        .map_or(0.0, |t| common_share(t, big5_common));
    match (gb, big5) {
        (_, Some(text)) if big5_score > gb_score + BIG5_MARGIN => Legacy::Big5(text),
        (Some(text), _) => Legacy::Gb18030(text),
        (None, Some(text)) if big5_score > 0.5 => Legacy::Big5(text),
        _ => Legacy::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIMPLIFIED: &str = "在理论学习方面，一是学习举措强度不够。在工作中经常满足于完成规定动作，\
                              存在着集中学习少、专题讨论少的情况。";
    const TRADITIONAL: &str = "在理論學習方面，一是學習舉措強度不夠。在工作中經常滿足於完成規定動作，\
                               存在著集中學習少、專題討論少的情況。";

    #[test]
    fn big5_is_read_as_big5_and_gbk_as_gbk() {
        let big5 = BIG5.encode(TRADITIONAL).0.into_owned();
        assert_eq!(identify(&big5), Legacy::Big5(TRADITIONAL.to_owned()));
        let gbk = GB18030.encode(SIMPLIFIED).0.into_owned();
        assert_eq!(identify(&gbk), Legacy::Gb18030(SIMPLIFIED.to_owned()));
        let gbk_traditional = GB18030.encode(TRADITIONAL).0.into_owned();
        assert_eq!(
            identify(&gbk_traditional),
            Legacy::Gb18030(TRADITIONAL.to_owned())
        );
    }

    #[test]
    fn japanese_is_refused() {
        let sjis = SHIFT_JIS
            .encode("これは日本語の文章です。会議の資料をまとめました。")
            .0
            .into_owned();
        assert_eq!(identify(&sjis), Legacy::Japanese);
    }

    #[test]
    fn half_utf8_half_gbk_is_decoded_line_by_line() {
        let mut bytes = "标题：对照检查材料\n".as_bytes().to_vec();
        bytes.extend(GB18030.encode(SIMPLIFIED).0.iter());
        let Legacy::Mixed(text) = identify(&bytes) else {
            panic!("not recognised as mixed");
        };
        assert_eq!(text, format!("标题：对照检查材料\n{SIMPLIFIED}"));
    }
}
