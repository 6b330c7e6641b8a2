//! Decoding plain-text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK
//! without any mark, and whatever chardetng recognises as a last resort.

use super::ImportError;
use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

/// Label of a file whose lines are partly UTF-8 and partly GB18030, each decoded in its own.
pub(crate) const MIXED_LABEL: &str = "UTF-8 + GB18030（逐行混合）";

/// Decoded text and the display label of the encoding used.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<(String, String), ImportError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = String::from_utf8_lossy(rest).into_owned();
        return checked(text, "UTF-8 (BOM)");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return checked(decode_with(UTF_16LE, rest), "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return checked(decode_with(UTF_16BE, rest), "UTF-16BE");
    }
    if bytes.contains(&0) {
        return Err(ImportError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        // Short GBK text can happen to be valid UTF-8 (e.g. `学` is D1 A7): prefer GB18030 when
        // the UTF-8 reading has no Chinese but the GB18030 reading is Chinese through and through.
        // Accented Latin letters (`café`) are ordinary UTF-8 and stay so. GBK bytes that are
        // valid UTF-8 for pages on end do not happen, so a long text is not read twice.
        if bytes.len() <= SHORT_TEXT_BYTES
            && !text.chars().any(|c| matches!(c, '\u{00C0}'..='\u{024F}'))
            && !looks_chinese(text, 0.5)
            && let Some(gb) = strict(GB18030, bytes)
            && looks_chinese(&gb, 0.9)
        {
            return checked(gb, "GB18030");
        }
        return checked(text.to_owned(), "UTF-8");
    }
    match super::legacy::identify(bytes) {
        super::legacy::Legacy::Japanese => return Err(ImportError::Japanese),
        super::legacy::Legacy::Big5(text) => return checked(text, "Big5"),
        super::legacy::Legacy::Mixed(text) => return checked(text, MIXED_LABEL),
        super::legacy::Legacy::Gb18030(gb) if looks_chinese(&gb, 0.6) => {
            return checked(gb, "GB18030");
        }
        _ => {}
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Allow);
    let text = decode_with(guess, bytes);
    let label = if guess == GB18030 || guess == encoding_rs::GBK {
        "GB18030".to_owned()
    } else {
        guess.name().to_owned()
    };
    let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
    if bad * 50 > text.chars().count().max(1) {
        return Err(ImportError::UnknownEncoding);
    }
    checked(text, &label)
}

/// Up to this size, UTF-8 that could be GBK by chance is read both ways.
const SHORT_TEXT_BYTES: usize = 64 * 1024;

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> String {
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| t.into_owned())
}

/// Among non-ASCII characters, the share that is Chinese text or its punctuation.
fn looks_chinese(text: &str, share: f64) -> bool {
    let mut non_ascii = 0usize;
    let mut chinese = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        if is_chinese(c) {
            chinese += 1;
        }
    }
    non_ascii > 0 && chinese as f64 >= share * non_ascii as f64
}

fn is_chinese(c: char) -> bool {
    crate::clean::is_han(c)
        || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// Refuses text that is mostly control characters (a binary file that decoded by accident).
fn checked(text: String, label: &str) -> Result<(String, String), ImportError> {
    let (mut total, mut control) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        control += usize::from(c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c'));
    }
    if control > 0 && control * 100 > total {
        return Err(ImportError::Binary);
    }
    Ok((text, label.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gb(text: &str) -> Vec<u8> {
        GB18030.encode(text).0.into_owned()
    }

    #[test]
    fn short_gbk_is_not_read_as_utf8() {
        for sample in ["学", "学习", "一是", "党员", "廉洁自律方面", "（一）"] {
            let (text, label) = decode_text(&gb(sample)).unwrap();
            assert_eq!(
                (text.as_str(), label.as_str()),
                (sample, "GB18030"),
                "{sample}"
            );
        }
    }

    #[test]
    fn utf8_stays_utf8() {
        for sample in ["ѧ 学习", "café", "一是学习不够。"] {
            let (text, label) = decode_text(sample.as_bytes()).unwrap();
            assert_eq!((text.as_str(), label.as_str()), (sample, "UTF-8"));
        }
        let (text, label) = decode_text(b"plain ascii").unwrap();
        assert_eq!((text.as_str(), label.as_str()), ("plain ascii", "UTF-8"));
    }

    #[test]
    fn boms_are_honoured() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend("一是".as_bytes());
        assert_eq!(
            decode_text(&bytes).unwrap(),
            ("一是".into(), "UTF-8 (BOM)".into())
        );
        let mut le = vec![0xFF, 0xFE];
        le.extend("一是".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            decode_text(&le).unwrap(),
            ("一是".into(), "UTF-16LE".into())
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend("一是".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(
            decode_text(&be).unwrap(),
            ("一是".into(), "UTF-16BE".into())
        );
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode_text(b"\x7fELF\x02\x01\x01\0\0\0"),
            Err(ImportError::Binary)
        );
        let noise: Vec<u8> = (0..=255u8).cycle().take(2000).filter(|&b| b != 0).collect();
        assert!(decode_text(&noise).is_err());
    }
}
