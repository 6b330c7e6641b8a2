//! `地` where `的` is meant, before a noun that names a feeling: `深深地无力感`, `诚挚地
//! 歉意`. `地` only ever ties a manner to a verb; a word in `感` (`无力感`, `挫败感`) or an
//! apology, thanks or respect offered (`歉意`, `谢意`, `敬意`) is never a verb, so the word
//! before it describes a noun, which `的` does.

use super::super::idiom::is_common_word;
use super::super::{Location, ReviewItem};
use super::particle::{han_after, particle_item};
use crate::clean::is_han;

/// Nouns of what one offers or feels that no verb is (`致以诚挚地歉意`).
const FEELING_NOUNS: &[&str] = &["歉意", "谢意", "敬意", "感激之情", "愧疚之情", "歉疚之情"];

/// What, after `感`, makes it a verb's first character rather than a noun's last (`深深地
/// 使人感到`, `不禁地让我感动`).
const FEELING_VERB_ENDS: &str = "到受动谢觉慨叹激染悟恩冒兴知";

/// Characters before `地` that make a word with it or with what precedes it (`目的地`,
/// `所在地`, `出生地`, `产地`), where `地` is a place.
const PLACE_BEFORE: &str = "的在产源生据民营墓属";

/// The length of a noun of feeling at the start of `rest`: a listed one, or two characters
/// and `感` that no verb goes on from (`无力感`, `挫败感`; not `使人感到`).
fn feeling_noun(rest: &str) -> Option<usize> {
    if let Some(noun) = FEELING_NOUNS.iter().find(|n| rest.starts_with(*n)) {
        return Some(noun.len());
    }
    let two = han_after(rest, 2)?;
    let after_two = &rest[two..];
    let felt = after_two.strip_prefix('感')?;
    let heads_verb = rest.starts_with('感') || felt.starts_with(|c| FEELING_VERB_ENDS.contains(c));
    (!heads_verb).then_some(two + '感'.len_utf8())
}

/// `深深地无力感。`: `地` after a word, before a noun of feeling; `的` is meant.
pub(super) fn check(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    for (at, di) in text.match_indices('地') {
        let Some(before) = text[..at].chars().next_back().filter(|&c| is_han(c)) else {
            continue;
        };
        let after = at + di.len();
        let place =
            PLACE_BEFORE.contains(before) || is_common_word(&text[at - before.len_utf8()..after]);
        if place {
            continue;
        }
        let Some(noun) = feeling_noun(&text[after..]) else {
            continue;
        };
        let end = after + noun;
        items.push(particle_item(
            location,
            text,
            at..end,
            "di_before_noun",
            "名词前用“的”",
            format!("的{}", &text[after..end]),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::review::test_support::fixes_in_body;

    fn fixes(text: &str) -> Vec<(String, String)> {
        fixes_in_body(text, super::check)
    }

    #[test]
    fn di_before_a_noun_of_feeling_is_mended_to_de() {
        assert_eq!(
            fixes("我也致以诚挚地歉意，内心有深深地无力感。"),
            vec![
                ("地歉意".to_owned(), "的歉意".to_owned()),
                ("地无力感".to_owned(), "的无力感".to_owned()),
            ]
        );
    }

    #[test]
    fn di_before_a_verb_or_as_a_place_is_left() {
        for text in [
            "我深深地感到自己的不足，这件事深深地使人感动。",
            "当地幸福感很强，本地获得感提升。",
            "到达目的地感觉很累。",
            "认真地学习，深深地自责。",
        ] {
            assert_eq!(fixes(text), vec![], "{text}");
        }
    }
}
