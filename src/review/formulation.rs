//! Official formulations, from the dictionary in [`super::Lexicon`]: a near miss (a word
//! dropped, or two neighbours swapped: `习近平新时代中国特色社会主义精神实质` lacks `思想`), a
//! known wrong form (`二十大三中全会`), a wrong number (`三个自信`), and missing quotation
//! marks (`十四五` for `“十四五”`). Each flag carries the exact fix.

use super::lexicon::{Formulation, Lexicon};
use super::needles::{Needles, Present};
use super::{Location, ReviewItem, ReviewKind};
use crate::draft::Draft;
use std::ops::Range;

const NUMERALS: &str = "〇零一二两三四五六七八九十百";
const OPENING_QUOTES: &[char] = &['“', '「', '『', '‘', '"', '\''];
const CLOSING_QUOTES: &[char] = &['”', '」', '』', '’', '"', '\''];
/// A variant shorter than this many characters is too common to be a near miss.
const MIN_VARIANT_CHARS: usize = 5;

/// A wrong form and what it should read.
struct Variant {
    wrong: String,
    message: String,
}

/// One dictionary entry made ready to search.
struct Entry<'a> {
    formulation: &'a Formulation,
    text: String,
    variants: Vec<Variant>,
    /// Finds the formulation with any number in place of its own.
    numbered: Option<regex::Regex>,
    /// What follows the number, which every match of `numbered` holds (`个意识`).
    numbered_tail: Option<String>,
}

fn prepare(lexicon: &Lexicon) -> Vec<Entry<'_>> {
    let texts: Vec<String> = lexicon.formulations.iter().map(Formulation::text).collect();
    lexicon
        .formulations
        .iter()
        .map(|formulation| {
            let text = formulation.text();
            let words = &formulation.words;
            let mut variants: Vec<Variant> = formulation
                .misses
                .iter()
                .map(|miss| Variant {
                    wrong: miss.clone(),
                    message: format!("规范表述是“{text}”，这里写成了“{miss}”"),
                })
                .collect();
            for (i, word) in words.iter().enumerate().skip(1) {
                if formulation.optional.contains(word) {
                    continue;
                }
                let mut rest = words.clone();
                rest.remove(i);
                variants.push(Variant {
                    wrong: rest.concat(),
                    message: format!("规范表述是“{text}”，这里少了“{word}”"),
                });
            }
            for i in 1..words.len().saturating_sub(1) {
                let mut swapped = words.clone();
                swapped.swap(i, i + 1);
                variants.push(Variant {
                    wrong: swapped.concat(),
                    message: format!(
                        "规范表述是“{text}”，这里“{}”和“{}”前后颠倒了",
                        words[i],
                        words[i + 1]
                    ),
                });
            }
            variants.retain(|v| {
                v.wrong.chars().count() >= MIN_VARIANT_CHARS
                    && v.wrong != text
                    && !texts.contains(&v.wrong)
            });
            let numbered = formulation
                .numbered
                .then(|| number_pattern(&text))
                .flatten();
            let numbered_tail = numbered.as_ref().and_then(|_| number_tail(&text));
            Entry {
                formulation,
                text,
                variants,
                numbered,
                numbered_tail,
            }
        })
        .collect()
}

/// `四个意识` → `个意识`: the text after the number; None when nothing follows it.
fn number_tail(text: &str) -> Option<String> {
    let start = text.find(|c| NUMERALS.contains(c))?;
    let tail = text[start..].trim_start_matches(|c| NUMERALS.contains(c));
    (!tail.is_empty()).then(|| tail.to_owned())
}

/// `四个意识` → `([〇零…百]+)个意识`; None without a numeral.
fn number_pattern(text: &str) -> Option<regex::Regex> {
    let start = text.find(|c| NUMERALS.contains(c))?;
    let end = text[start..]
        .find(|c| !NUMERALS.contains(c))
        .map_or(text.len(), |at| start + at);
    let pattern = format!(
        "{}([{NUMERALS}]+){}",
        regex::escape(&text[..start]),
        regex::escape(&text[end..])
    );
    regex::Regex::new(&pattern).ok()
}

pub(super) fn check(draft: &Draft, lexicon: &Lexicon, items: &mut Vec<ReviewItem>) {
    if lexicon.formulations.is_empty() {
        return;
    }
    let entries = prepare(lexicon);
    let needles = Needles::new(entries.iter().flat_map(|entry| {
        std::iter::once(entry.text.as_str())
            .chain(entry.variants.iter().map(|v| v.wrong.as_str()))
            .chain(entry.numbered_tail.as_deref())
    }));
    for (field, text) in draft.text_fields() {
        if text.is_empty() {
            continue;
        }
        let present = needles.in_text(text);
        check_text(Location::from_field(field), text, &entries, &present, items);
    }
}

fn overlaps(ranges: &[Range<usize>], range: &Range<usize>) -> bool {
    ranges
        .iter()
        .any(|r| r.start < range.end && range.start < r.end)
}

fn check_text(
    location: Location,
    text: &str,
    entries: &[Entry<'_>],
    present: &Present<'_>,
    items: &mut Vec<ReviewItem>,
) {
    let nothing_listed = present.none();
    // Where a formulation is written right: no near miss is looked for inside.
    let mut correct: Vec<Range<usize>> = Vec::new();
    for entry in entries
        .iter()
        .filter(|e| !nothing_listed && present.holds(&e.text))
    {
        correct.extend(
            text.match_indices(entry.text.as_str())
                .map(|(at, m)| at..at + m.len()),
        );
    }
    let mut flagged: Vec<Range<usize>> = Vec::new();
    let mut flag = |entry: &Entry<'_>, range: Range<usize>, message: String, to: String| {
        if overlaps(&flagged, &range) {
            return;
        }
        flagged.push(range.clone());
        items.push(
            ReviewItem::new(ReviewKind::Formulation, location, message)
                .with_rule(&entry.formulation.id)
                .with_range(text, range)
                .with_fix(text, to),
        );
    };
    for entry in entries {
        for (i, variant) in entry.variants.iter().enumerate() {
            // The first variants are the known wrong forms: flagged even where they hold a
            // correct shorter formulation (`党的二十大三中全会` holds `党的二十大`).
            let known = i < entry.formulation.misses.len();
            if nothing_listed || !present.holds(&variant.wrong) {
                continue;
            }
            for (at, m) in text.match_indices(variant.wrong.as_str()) {
                let range = at..at + m.len();
                if known || !overlaps(&correct, &range) {
                    flag(entry, range, variant.message.clone(), entry.text.clone());
                }
            }
        }
        if let Some(pattern) = entry.numbered.as_ref().filter(|_| {
            entry
                .numbered_tail
                .as_deref()
                .is_none_or(|t| present.holds(t))
        }) {
            for m in pattern.find_iter(text) {
                if m.as_str() != entry.text && !overlaps(&correct, &m.range()) {
                    flag(
                        entry,
                        m.range(),
                        format!("规范表述是“{}”，这里的数字不对", entry.text),
                        entry.text.clone(),
                    );
                }
            }
        }
        if entry.formulation.quoted && present.holds(&entry.text) {
            for (at, m) in text.match_indices(entry.text.as_str()) {
                let range = at..at + m.len();
                if let Some(to) = quoted(text, range.clone(), &entry.text) {
                    flag(
                        entry,
                        range,
                        format!("“{}”是固定提法，要加引号", entry.text),
                        to,
                    );
                }
            }
        }
    }
}

/// The text with the quotation marks it lacks, or None when it has them (or is part of a
/// larger number such as `二十四五`, or inside a quotation already).
fn quoted(text: &str, range: Range<usize>, formulation: &str) -> Option<String> {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let numeral = |c: Option<char>| c.is_some_and(|c| NUMERALS.contains(c) || c.is_ascii_digit());
    if numeral(before) || numeral(after) || after.is_some_and(|c| "个岁人名次年天分".contains(c))
    {
        return None;
    }
    let open = before.is_some_and(|c| OPENING_QUOTES.contains(&c));
    let close = after.is_some_and(|c| CLOSING_QUOTES.contains(&c));
    if open && close {
        return None;
    }
    // Inside a longer quotation: “…十四五…”.
    let prefix = &text[..range.start];
    if !open && prefix.matches('“').count() > prefix.matches('”').count() {
        return None;
    }
    Some(format!(
        "{}{formulation}{}",
        if open { "" } else { "“" },
        if close { "" } else { "”" }
    ))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    fn flags(body: &str) -> Vec<(String, String)> {
        let draft = draft_of(&[("在理论学习方面", &[("学习举措强度不够", body)])]);
        let mut items = Vec::new();
        check(&draft, &Lexicon::builtin(), &mut items);
        items.sort_by_key(|i| i.range.as_ref().map(|r| r.start));
        items
            .into_iter()
            .map(|i| {
                assert_eq!(i.kind, ReviewKind::Formulation);
                let fix = i.fix.expect("every formulation flag carries a fix");
                (fix.from, fix.to)
            })
            .collect()
    }

    fn pair(from: &str, to: &str) -> (String, String) {
        (from.to_owned(), to.to_owned())
    }

    #[test]
    fn a_dropped_word_is_put_back() {
        assert_eq!(
            flags("在领会习近平新时代中国特色社会主义精神实质方面还缺乏自觉性。"),
            [pair(
                "习近平新时代中国特色社会主义",
                "习近平新时代中国特色社会主义思想"
            )]
        );
        assert_eq!(
            flags("学习习近平新时代特色社会主义思想不够深入。"),
            [pair(
                "习近平新时代特色社会主义思想",
                "习近平新时代中国特色社会主义思想"
            )]
        );
    }

    #[test]
    fn swapped_words_wrong_forms_and_wrong_numbers_are_flagged() {
        assert_eq!(
            flags("学习习近平新时代中国社会主义特色思想。"),
            [pair(
                "习近平新时代中国社会主义特色思想",
                "习近平新时代中国特色社会主义思想"
            )]
        );
        assert_eq!(
            flags("学习贯彻党的二十大三中全会精神。"),
            [pair("二十大三中全会", "二十届三中全会")]
        );
        assert_eq!(
            flags("科学发展观的第一要求是发展。"),
            [pair("科学发展观的第一要求", "科学发展观的第一要义")]
        );
        assert!(flags("科学发展观的核心是以人为本。").is_empty());
        assert_eq!(
            flags("坚定“三个自信”，落实中央六项规定精神。"),
            [
                pair("三个自信", "四个自信"),
                pair("中央六项规定精神", "中央八项规定精神")
            ]
        );
    }

    #[test]
    fn missing_quotation_marks_are_added() {
        assert_eq!(
            flags("主动融入十四五工作大局，增强四个意识。"),
            [pair("十四五", "“十四五”"), pair("四个意识", "“四个意识”")]
        );
        assert_eq!(
            flags("对“两个确立认识不足。"),
            [pair("两个确立", "两个确立”")]
        );
        assert_eq!(
            flags("对四风问题认识不深，落实三会一课制度不严。"),
            [pair("四风", "“四风”"), pair("三会一课", "“三会一课”")]
        );
    }

    #[test]
    fn what_is_written_right_is_not_flagged() {
        for text in [
            "把习近平新时代中国特色社会主义思想中的世界观和方法论与分管工作深度融合。",
            "对“两个确立”中的理论逻辑认识不足，增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
            "“十四五”规划收官，“十五五”开局；落实中央八项规定精神，违反中央八项规定。",
            "驰而不息纠正“四风”，严格落实“三会一课”制度。",
            "学习党的二十大和二十届三中、四中全会精神，学习二十届三中全会精神。",
            "坚持以人民为中心的发展思想，坚持以人民为中心，推进全面从严治党、全面从严治警。",
            "“增强‘四个意识’、坚定‘四个自信’、做到‘两个维护’”。",
            "中国特色社会主义进入新时代，学习新时代中国特色社会主义思想。",
            "十四五个人参加，二十四五岁的年轻干部。",
            "“坚持党的领导，牢记十四五时期的任务”。",
        ] {
            assert_eq!(flags(text), [], "{text}");
        }
    }

    #[test]
    fn every_numbered_entry_has_a_pattern() {
        let lexicon = Lexicon::builtin();
        for entry in prepare(&lexicon) {
            if entry.formulation.numbered {
                assert!(entry.numbered.is_some(), "{}", entry.text);
            }
        }
    }
}
