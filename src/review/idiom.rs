//! Idioms with one character miswritten (`黔移默化` for `潜移默化`, `枯躁无味` for `枯燥无味`):
//! four Chinese characters that are not an idiom, though one sound-alike or look-alike
//! character away from one. The lists (`assets/review/idioms.txt`, about 38,000 idioms) come
//! from public data; `tests/review_idiom_data.rs` says from where and makes them again.
//!
//! Cost: nothing to load (`build.rs` packs the lists, see `idiom_tables`); every four
//! characters are looked at, and the common case is two bit tests (is there an idiom that
//! starts, or ends, with these two characters?); only then a binary search.

use super::idiom_tables::{Packed, Tables, pack, reversed, unpack};
use super::lexicon::Lexicon;
use super::{Location, ReviewItem, ReviewKind};
use crate::clean::is_han;
use crate::draft::Draft;
use std::sync::LazyLock;

/// The lists of `assets/review/idioms.txt` in searchable form, made by `build.rs`.
static TABLE_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/idioms.bin"));

/// The tables; should they ever not read (they are tested), the check finds nothing.
static TABLES: LazyLock<Option<Tables<'static>>> = LazyLock::new(|| Tables::read(TABLE_BYTES));

impl Tables<'_> {
    fn is_idiom(&self, chars: [u16; 4]) -> bool {
        self.forward.contains(pack(chars))
    }

    fn taken_for(&self, written: u16, meant: u16) -> bool {
        self.confusable
            .contains(u64::from(super::idiom_tables::pair(written, meant)))
    }

    /// Whether the character of `window` that differs from `idiom` stands at an edge and makes
    /// a common word with its neighbour outside the four (`before`, `after`): then it belongs
    /// to that word, and the four are no idiom miswritten (`精力不集中` holds `集中`, not a
    /// slip for `精力不济`).
    fn edge_makes_a_word(
        &self,
        window: [u16; 4],
        idiom: [u16; 4],
        before: Option<u16>,
        after: Option<u16>,
    ) -> bool {
        let first = window[0] != idiom[0]
            && before.is_some_and(|before| self.is_two_word(before, window[0]));
        let last =
            window[3] != idiom[3] && after.is_some_and(|after| self.is_two_word(window[3], after));
        first || last
    }

    /// Whether the character of `window` that differs from `idiom` stands inside the four and
    /// makes a common word with its inner neighbour (`当事人认为我` holds `认为`, not a slip for
    /// `人人为我`): the four then cut across words.
    fn middle_makes_a_word(&self, window: [u16; 4], idiom: [u16; 4]) -> bool {
        (window[1] != idiom[1] || window[2] != idiom[2]) && self.is_two_word(window[1], window[2])
    }

    /// The idiom `window` was meant to be: one character off, and that one a look-alike or
    /// sound-alike of the idiom's.
    fn meant(&self, window: [u16; 4]) -> Option<[u16; 4]> {
        // One character off; or, in an idiom of doubled characters, one doubled pair written
        // with another character twice (`昏昏噩噩` for `浑浑噩噩`).
        let one_off = |idiom: [u16; 4]| {
            let mut differ = (0..4).filter(|&i| idiom[i] != window[i]);
            match (differ.next(), differ.next(), differ.next()) {
                (Some(at), None, _) => self.taken_for(window[at], idiom[at]),
                (Some(at), Some(next), None) => {
                    at % 2 == 0
                        && next == at + 1
                        && window[at] == window[next]
                        && idiom[at] == idiom[next]
                        && self.taken_for(window[at], idiom[at])
                }
                _ => false,
            }
        };
        // Idioms sharing the window's first two characters (its last two, from the end).
        let mut found = None;
        if self.may_start(window[0], window[1]) {
            let from = self.forward.lower_bound(pack([window[0], window[1], 0, 0]));
            let to = self
                .forward
                .lower_bound(pack([window[0], window[1] + 1, 0, 0]));
            found = (from..to)
                .map(|i| unpack(self.forward.get(i)))
                .find(|&idiom| one_off(idiom));
        }
        if found.is_none() && self.may_end(window[3], window[2]) {
            let from = self
                .backward
                .lower_bound(pack([window[3], window[2], 0, 0]));
            let to = self
                .backward
                .lower_bound(pack([window[3], window[2] + 1, 0, 0]));
            found = (from..to)
                .map(|i| reversed(unpack(self.backward.get(i))))
                .find(|&idiom| one_off(idiom));
        }
        let found = found?;
        let packed: Packed = pack(window);
        (!self.is_idiom(window) && !self.words.contains(packed)).then_some(found)
    }
}

/// Whether `word` is one of the common two-character words of the lists (`思想`, not `时想`).
pub(super) fn is_common_word(word: &str) -> bool {
    let mut units = word
        .chars()
        .map(|c| u16::try_from(u32::from(c)).ok().filter(|_| is_han(c)));
    match (units.next(), units.next(), units.next()) {
        (Some(Some(a)), Some(Some(b)), None) => TABLES
            .as_ref()
            .is_some_and(|tables| tables.is_two_word(a, b)),
        _ => false,
    }
}

/// Whether `word` is one of the listed four-character idioms (`按部就班`).
pub(super) fn is_idiom(word: &str) -> bool {
    let Some(chars) = super::idiom_tables::four(word) else {
        return false;
    };
    TABLES.as_ref().is_some_and(|tables| tables.is_idiom(chars))
}

pub(super) fn check(draft: &Draft, lexicon: &Lexicon, items: &mut Vec<ReviewItem>) {
    for (field, text) in draft.text_fields() {
        if text.len() < 12 {
            continue; // Fewer than four Chinese characters.
        }
        let location = Location::from_field(field);
        for (range, idiom) in slips(text) {
            let written = &text[range.clone()];
            let idiom = as_the_word_list_writes(lexicon, idiom);
            let how_many = match written
                .chars()
                .zip(idiom.chars())
                .filter(|(a, b)| a != b)
                .count()
            {
                1 => "一个字",
                _ => "字",
            };
            items.push(
                ReviewItem::new(
                    ReviewKind::WrongWord,
                    location,
                    format!("“{written}”像是成语“{idiom}”写错了{how_many}"),
                )
                .with_rule("idiom")
                .with_range(text, range)
                .with_fix(text, idiom),
            );
        }
    }
}

/// `idiom` as the word list writes it: the lists come from a dictionary that holds some
/// common misspellings as idioms of their own (`娇揉造作` beside `矫揉造作`), and an idiom the
/// word list corrects wherever it stands is offered in its corrected form (`娇柔造作` is
/// `矫揉造作`, not `娇揉造作`).
fn as_the_word_list_writes(lexicon: &Lexicon, idiom: String) -> String {
    lexicon
        .wrong_words
        .iter()
        .find(|w| w.wrong == idiom && w.after.is_empty() && w.before.is_empty())
        .map_or(idiom, |w| w.right.clone())
}

/// Words this genre puts before a two-character predicate, one character away from an idiom's
/// opening though neither is a slip (`大局意识薄弱`, `责任意识缺失` beside `意志薄弱`,
/// `意志缺失`; `偶尔为之` beside `偶而为之`, where `偶尔` is the form 《第一批异形词整理表》
/// recommends over `偶而`): the dictionary the lists come from holds single words, not such
/// phrases, so a window opening with one of these is a word and its predicate. `作践` is the
/// form 《现代汉语词典》 gives for "to run down" (`作践自己`), `作贱` only its variant. `一时`
/// ("for a moment") opens a predicate too (`一时不知` beside `一事不知`). `呆` is the same as
/// `待` (dāi) in 《现代汉语词典》, so `呆在家里` is right as written. `之于` opens the object
/// and place of a verb before it (`抛之于脑后`, `公之于众`), no slip for `置于脑后`.
const OPENING_WORDS: &[&str] = &["意识", "偶尔", "作践", "一时", "呆在", "之于"];

/// Idioms and set phrases right as written that the lists lack, beside a form they hold:
/// `风生水起` is the form of 《现代汉语词典》, the lists know only `风声水起`; `心中有愧` (a
/// guilty conscience) is no slip for `心中有鬼`. `得意洋洋` and `得意扬扬` are variant forms
/// (异形词) of one idiom, used side by side in school textbooks, so neither is a slip.
const UNLISTED_IDIOMS: &[&str] = &["风生水起", "心中有愧", "得意洋洋"];

/// Byte ranges of miswritten idioms in `text`, each with the idiom. One pass with the last
/// four Chinese characters in hand; a slip found is not looked into again.
fn slips(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let Some(tables) = TABLES.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut window = [0u16; 4];
    let mut starts = [0usize; 4];
    let mut held = 0;
    let mut free_from = 0;
    for (at, c) in text.char_indices() {
        let Some(unit) = u16::try_from(u32::from(c)).ok().filter(|_| is_han(c)) else {
            held = 0;
            continue;
        };
        window.rotate_left(1);
        starts.rotate_left(1);
        window[3] = unit;
        starts[3] = at;
        held = (held + 1).min(4);
        if held < 4 || starts[0] < free_from {
            continue;
        }
        if let Some(idiom) = tables.meant(window) {
            let end = at + c.len_utf8();
            let han = |c: Option<char>| {
                c.filter(|&c| is_han(c))
                    .and_then(|c| u16::try_from(u32::from(c)).ok())
            };
            let before = han(text[..starts[0]].chars().next_back());
            let after = han(text[end..].chars().next());
            if OPENING_WORDS
                .iter()
                .any(|word| text[starts[0]..end].starts_with(word))
                || UNLISTED_IDIOMS.contains(&&text[starts[0]..end])
                || tables.edge_makes_a_word(window, idiom, before, after)
                || tables.middle_makes_a_word(window, idiom)
            {
                continue;
            }
            let idiom: String = idiom
                .iter()
                .filter_map(|&c| char::from_u32(c.into()))
                .collect();
            out.push((starts[0]..end, idiom));
            free_from = end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::idiom_tables::four;
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        slips(text)
            .into_iter()
            .map(|(range, idiom)| (text[range].to_owned(), idiom))
            .collect()
    }

    #[test]
    fn the_tables_read_and_are_whole() {
        let tables = TABLES.as_ref().expect("the tables build.rs made read");
        assert!(tables.forward.len() > 30_000, "{}", tables.forward.len());
        assert_eq!(tables.backward.len(), tables.forward.len());
        assert!(tables.words.len() > 100, "{}", tables.words.len());
        assert!(
            tables.confusable.len() > 20_000,
            "{}",
            tables.confusable.len()
        );
        assert!(tables.is_idiom(four("潜移默化").unwrap()));
        assert!(tables.taken_for(four("黔移默化").unwrap()[0], four("潜移默化").unwrap()[0]));
        assert!(Tables::read(&TABLE_BYTES[..TABLE_BYTES.len() - 1]).is_none());
    }

    #[test]
    fn an_idiom_with_a_sound_alike_or_look_alike_is_corrected() {
        let pair = |a: &str, b: &str| vec![(a.to_owned(), b.to_owned())];
        assert_eq!(
            found("对党员起到黔移默化的作用"),
            pair("黔移默化", "潜移默化")
        );
        assert_eq!(found("学习枯躁无味"), pair("枯躁无味", "枯燥无味"));
        assert_eq!(found("就像天踏下来一样"), pair("天踏下来", "天塌下来"));
        assert_eq!(found("工作中昏昏噩噩"), pair("昏昏噩噩", "浑浑噩噩"));
    }

    #[test]
    fn idioms_words_and_other_text_are_left_alone() {
        for text in [
            "潜移默化，集思广益，一马当先，实事求是，与时俱进。",
            "示范学校四十多年来坚持立德树人，干部职工积极进取。",
            "2025年，对照检查材料，批评与自我批评。",
            "为共产主义奋斗终身，随时准备为党和人民牺牲一切。",
            "党员的大局意识薄弱，纪律意识淡薄，责任意识缺失。",
            "自己给自己定的急了便偶尔为之。",
            "浑浑噩噩，兢兢业业，轰轰烈烈，认认真真，明明白白。",
            "学习时精力不集中，注意力不集中。",
            "不能这样作践自己。",
            "我一时不知如何是好。",
            "自己做事业都风生水起。",
            "回想起外婆对我的点点滴滴，我心中有愧。",
            "他得意洋洋地炫耀着自己的成绩。",
            "一旦进入新的环境，就会把旧的抛之于脑后。",
            "整天呆在家里，不想出门。",
        ] {
            assert_eq!(found(text), Vec::<(String, String)>::new(), "{text}");
        }
    }

    #[test]
    fn an_idiom_the_word_list_corrects_is_offered_corrected() {
        let draft = crate::review::test_support::draft_of(&[(
            "在工作作风方面",
            &[("", "说话办事有些娇柔造作，不够实在。")],
        )]);
        let mut items = Vec::new();
        check(&draft, &Lexicon::builtin(), &mut items);
        let fixes: Vec<(&str, &str)> = items
            .iter()
            .filter_map(|item| item.fix.as_ref())
            .map(|fix| (fix.from.as_str(), fix.to.as_str()))
            .collect();
        assert_eq!(fixes, [("娇柔造作", "矫揉造作")]);
    }
}
