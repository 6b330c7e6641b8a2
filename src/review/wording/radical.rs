//! Radicals standing in for characters: text copied out of a PDF often carries the Kangxi
//! radical `⽩` (U+2F69) where the character `白` (U+767D) is meant. It looks the same on
//! screen, but search, sorting and some printers' fonts treat it as another sign. Unicode
//! gives each such radical the character it stands for (its compatibility decomposition),
//! which is the fix.

use super::super::{Location, ReviewItem};
use super::mended_word;
use unicode_normalization::UnicodeNormalization;

/// The Kangxi radicals and the CJK radicals supplement.
fn is_radical(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{2EFF}' | '\u{2F00}'..='\u{2FDF}')
}

/// Radicals of the supplement that are whole simplified characters in shape, for which
/// Unicode names no character: `⻓` (CJK RADICAL C-SIMPLIFIED LONG) is `长`.
const SIMPLIFIED_SHAPES: &[(char, char)] = &[
    ('⻄', '西'),
    ('⻅', '见'),
    ('⻆', '角'),
    ('⻉', '贝'),
    ('⻋', '车'),
    ('⻓', '长'),
    ('⻔', '门'),
    ('⻙', '韦'),
    ('⻚', '页'),
    ('⻛', '风'),
    ('⻜', '飞'),
    ('⻢', '马'),
    ('⻣', '骨'),
    ('⻥', '鱼'),
    ('⻦', '鸟'),
    ('⻧', '卤'),
    ('⻨', '麦'),
    ('⻩', '黄'),
    ('⻬', '齐'),
    ('⻮', '齿'),
    ('⻰', '龙'),
];

/// The character a radical stands for: the one Unicode names, or its simplified shape's. A
/// radical that is only ever part of a character (`⻌`) has none, and is left.
fn character_for(radical: char) -> Option<char> {
    let mut decomposed = std::iter::once(radical).nfkc();
    let named = decomposed
        .next()
        .filter(|&c| c != radical && decomposed.next().is_none());
    named.or_else(|| {
        SIMPLIFIED_SHAPES
            .iter()
            .find(|(shape, _)| *shape == radical)
            .map(|&(_, c)| c)
    })
}

pub(super) fn check(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    for (at, radical) in text.char_indices().filter(|&(_, c)| is_radical(c)) {
        let Some(character) = character_for(radical) else {
            continue;
        };
        let range = at..at + radical.len_utf8();
        let message =
            format!("“{radical}”是部首符号（多见于从PDF复制的文字），不是汉字：应为“{character}”");
        items.push(mended_word(
            location,
            text,
            range,
            "radical",
            message,
            character.to_string(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::test_support::fixes_in_body;

    fn fixes(text: &str) -> Vec<(String, String)> {
        fixes_in_body(text, check)
    }

    #[test]
    fn a_radical_for_a_character_is_mended() {
        assert_eq!(
            fixes("怕表\u{2F69}后被拒绝，\u{2F47}常⼯作中⻓期存在。"),
            [
                ("\u{2F69}".to_owned(), "白".to_owned()),
                ("\u{2F47}".to_owned(), "日".to_owned()),
                ("⼯".to_owned(), "工".to_owned()),
                ("⻓".to_owned(), "长".to_owned()),
            ]
        );
    }

    #[test]
    fn characters_are_left() {
        assert_eq!(fixes("怕表白后被拒绝，日常工作中长期存在。"), []);
        // Only ever part of a character: no one character to put in its place.
        assert_eq!(fixes("⻌"), []);
    }
}
