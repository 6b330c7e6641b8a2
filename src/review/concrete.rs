//! Concreteness: official commentary keeps faulting problems that are vague rather than
//! concrete and quantified. A body should be long enough to describe something and hold at
//! least one concrete detail: a figure with its unit, a date, a named document, an example.

use super::needles::{may_hold, quick_to_build};
use super::{Location, MIN_BODY_CHARS, Part, ReviewItem, ReviewKind, findings};
use crate::draft::{Draft, count_chars};
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// Units a figure is counted in (`万元` is there for `3.5万元`, where `万` follows a digit).
const MEASURES: &[&str] = &[
    "次", "个", "项", "人", "名", "位", "篇", "天", "日", "号", "年", "月", "周", "季度", "期",
    "场", "件", "条", "份", "批", "家", "户", "元", "万元", "亿元", "岁", "小时", "分钟", "课时",
    "学时", "倍", "轮", "起", "例", "处", "册", "本", "部", "所", "座", "笔", "张", "页", "字",
    "台", "公里", "亩", "届", "堂", "节", "遍", "门", "间",
];

// The figures, examples, titles and quoted formulas below are found by hand-written scans
// rather than regular expressions: compiling the five expressions they replace was about 2 ms
// of every `check` (most of it the UTF-8 automata of their negated classes), more than reading
// a speech with them. `tests::the_scans_agree_with_the_expressions_they_replace` holds each
// scan to its expression on generated text.

/// Digits a figure is written in.
fn is_arabic_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Characters that continue a Chinese numeral.
pub(super) fn is_chinese_numeral(c: char) -> bool {
    // An array, not a string searched for `c`: this is asked of every character of a body.
    const NUMERALS: [char; 16] = [
        '〇', '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千',
        '万',
    ];
    NUMERALS.contains(&c)
}

/// After a figure's digits: spaces, an optional `余`/`多`, spaces, then a unit (or `%` when
/// `percent` is allowed). Also where a figure was left to fill in (`共计x人`, in `placeholder`).
pub(super) fn unit_follows(rest: &str, percent: bool) -> bool {
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix('余')
        .or_else(|| rest.strip_prefix('多'))
        .unwrap_or(rest)
        .trim_start();
    (percent && rest.starts_with(['%', '％', '‰']))
        || MEASURES.iter().any(|unit| rest.starts_with(unit))
}

/// The byte offset where the run of characters satisfying `within` that starts at `from` ends.
fn run_end(text: &str, from: usize, within: impl Fn(char) -> bool) -> usize {
    text[from..]
        .char_indices()
        .find(|&(_, c)| !within(c))
        .map_or(text.len(), |(i, _)| from + i)
}

/// `12次`, `3.5万元`, `2023年`, `95%`, `10余人`.
fn has_arabic_figure(text: &str) -> bool {
    let mut at = 0;
    while let Some(offset) = text[at..].find(is_arabic_digit) {
        let mut end = run_end(text, at + offset, is_arabic_digit);
        if let Some(point) = text[end..]
            .chars()
            .next()
            .filter(|c| matches!(c, '.' | '．'))
            && text[end + point.len_utf8()..].starts_with(is_arabic_digit)
        {
            end = run_end(text, end + point.len_utf8(), is_arabic_digit);
        }
        if unit_follows(&text[end..], true) {
            return true;
        }
        at = end;
    }
    false
}

/// `三次`, `两篇`, `十余人`, `一百多个`, `半年`; a bare `一` (`一次`, `一个`) is an article
/// more often than a count and does not count.
fn has_chinese_figure(text: &str) -> bool {
    let mut at = 0;
    while let Some(offset) = text[at..].find(|c: char| is_chinese_numeral(c) || c == '半') {
        let start = at + offset;
        let Some(first) = text[start..].chars().next() else {
            break;
        };
        let after_first = start + first.len_utf8();
        let opens = first != '一' || text[after_first..].starts_with(['十', '百', '千', '万']);
        let end = run_end(text, after_first, is_chinese_numeral);
        if opens && unit_follows(&text[end..], false) {
            return true;
        }
        // Every start inside this run of numerals reaches the same end.
        at = if opens { end } else { after_first };
    }
    false
}

/// `以……为例` and `拿……来说`: the opener, 1 to `most` characters of one clause, the closer.
fn has_framed_example(text: &str, opener: char, most: usize, closer: &str) -> bool {
    text.match_indices(opener).any(|(start, _)| {
        let inside = &text[start + opener.len_utf8()..];
        inside
            .char_indices()
            .take_while(|&(_, c)| !"，。；！？".contains(c))
            .take(most)
            .any(|(i, c)| inside[i + c.len_utf8()..].starts_with(closer))
    })
}

/// `，如在……` or `像……` opening a clause, but not `如果`, `如何`, `像这样` and the like.
fn has_clause_opening_example(text: &str) -> bool {
    let opens_after = |start: usize| {
        let rest = text[start..].trim_start();
        let Some(rest) = rest.strip_prefix('如').or_else(|| rest.strip_prefix('像')) else {
            return false;
        };
        rest.chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && !"果何实期此下今若同意常这那是".contains(c))
    };
    opens_after(0)
        || text
            .char_indices()
            .filter(|&(_, c)| matches!(c, '，' | '。' | '；' | '：' | '、' | '（' | '('))
            .any(|(i, c)| opens_after(i + c.len_utf8()))
}

/// Words that introduce an example.
const EXAMPLE_WORDS: &[&str] = &[
    "例如",
    "比如",
    "譬如",
    "诸如",
    "举例",
    "就拿",
    "有一次",
    "有一回",
];

/// [`EXAMPLE_WORDS`] and [`FORMULAS`], each looked for in one pass over a body rather than
/// one search per word.
static EXAMPLE_WORD: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| quick_to_build(EXAMPLE_WORDS));
static FORMULA: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| quick_to_build(FORMULAS));

/// `例如`, `比如`, `以……为例`, `有一次`, and `如`/`像` opening a clause (`，如在……`).
fn has_example(text: &str) -> bool {
    (may_hold(&EXAMPLE_WORD, text) && EXAMPLE_WORDS.iter().any(|word| text.contains(word)))
        || has_framed_example(text, '以', 20, "为例")
        || has_framed_example(text, '拿', 12, "来说")
        || has_clause_opening_example(text)
}

/// A named document, meeting or book: `《关于……的意见》`.
fn has_named_document(text: &str) -> bool {
    text.match_indices('《').any(|(start, _)| {
        let inside = &text[start + '《'.len_utf8()..];
        inside
            .chars()
            .take(41)
            .position(|c| c == '》')
            .is_some_and(|length| length >= 2)
    })
}

/// `text` with each quoted slogan opened by a numeral (`“两个确立”`, `“三重一大”`) put out
/// of the way as `　`: a formula, not a figure.
fn without_quoted_formulas(text: &str) -> String {
    let is_closing = |c: char| c == '”' || c == '"';
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(offset) = text[at..].find(['“', '"']) {
        let open = at + offset;
        let inner = open + text[open..].chars().next().map_or(1, char::len_utf8);
        let numerals = run_end(text, inner, is_chinese_numeral);
        let close = text[numerals..]
            .char_indices()
            .take(8)
            .find(|&(_, c)| is_closing(c))
            .map(|(i, c)| numerals + i + c.len_utf8());
        match close {
            Some(close) if numerals > inner => {
                out.push_str(&text[at..open]);
                out.push('　');
                at = close;
            }
            _ => {
                out.push_str(&text[at..inner]);
                at = inner;
            }
        }
    }
    out.push_str(&text[at..]);
    out
}

/// Political formulas and idioms that contain a numeral and a unit but count nothing.
const FORMULAS: &[&str] = &[
    "两个确立",
    "两个维护",
    "四个意识",
    "四个自信",
    "四个全面",
    "四个伟大",
    "三个务必",
    "两个务必",
    "两个结合",
    "两个大局",
    "三个代表",
    "两个一百年",
    "两个毫不动摇",
    "两个先锋队",
    "三个区分开来",
    "十个明确",
    "十四个坚持",
    "五个必由之路",
    "八项规定",
    "六项纪律",
    "千篇一律",
    "三番五次",
    "三天打鱼",
    "两天晒网",
    "五花八门",
    "千家万户",
    "千人一面",
    "四处",
    "百年大计",
    "百年大党",
    "三令五申",
];

/// True when `text` holds a figure with its unit, a date, a named document or an example.
pub(super) fn has_concrete_detail(text: &str) -> bool {
    if has_arabic_figure(text) || has_example(text) || has_named_document(text) {
        return true;
    }
    let mut plain = without_quoted_formulas(text);
    if may_hold(&FORMULA, &plain) {
        for formula in FORMULAS {
            plain = plain.replace(formula, "　");
        }
    }
    has_chinese_figure(&plain)
}

pub(super) fn check(draft: &Draft, items: &mut Vec<ReviewItem>) {
    for (_, _, finding) in findings(draft) {
        let body = finding.body.trim();
        if body.is_empty() {
            continue;
        }
        let location = Location::Finding(finding.id, Part::Body);
        let chars = count_chars(body);
        if chars < MIN_BODY_CHARS {
            // A short body is told to add detail already; one item is enough.
            items.push(
                ReviewItem::new(
                    ReviewKind::ShortBody,
                    location,
                    format!(
                        "正文只有 {chars} 字，太简略：写出具体表现，最好有事例和数据（时间、次数、人数、比例）"
                    ),
                )
                .with_text(body),
            );
        } else if !has_concrete_detail(body) {
            items.push(
                ReviewItem::new(
                    ReviewKind::NoConcreteDetail,
                    location,
                    "正文没有具体事例或数据，问题显得笼统：可写明时间、次数、人数、比例，或举一个实例（如“今年3月……”）",
                )
                .with_text(body),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    fn kinds(body: &str) -> Vec<ReviewKind> {
        let draft = draft_of(&[("在工作作风方面", &[("调查研究不够深入", body)])]);
        let mut items = Vec::new();
        check(&draft, &mut items);
        items.into_iter().map(|i| i.kind).collect()
    }

    #[test]
    fn short_bodies_are_flagged() {
        assert_eq!(kinds("调研不够深入，走马观花。"), [ReviewKind::ShortBody]);
        assert_eq!(
            kinds("今年下基层调研3次，都是走马观花。"),
            [ReviewKind::ShortBody]
        );
        assert_eq!(kinds(GOOD_BODY), []);
    }

    #[test]
    fn vague_bodies_are_flagged() {
        let vague = "在工作中经常满足于完成“规定动作”，存在着集中学习少、专题讨论少、剖析问题少的情况，学习的针对性、时效性、系统性需要加强。";
        assert_eq!(kinds(vague), [ReviewKind::NoConcreteDetail]);
        let formulas = "对“两个确立”的决定性意义领悟不够深刻，树牢“四个意识”、坚定“四个自信”还停留在口头上，落实中央八项规定精神有时存在千篇一律、三番五次才整改的现象。";
        assert_eq!(kinds(formulas), [ReviewKind::NoConcreteDetail]);
        let articles = "对一些新情况新问题研究不够，遇到一个难题就往上推，一年来多次出现类似情况，工作习惯按部就班、墨守成规，前瞻性不够。";
        assert_eq!(kinds(articles), [ReviewKind::NoConcreteDetail]);
    }

    #[test]
    fn figures_dates_documents_and_examples_count_as_concrete() {
        for detail in [
            "今年以来只参加集中学习12次",
            "全年撰写调研报告两篇",
            "有十余人反映办事难",
            "2023年第三季度",
            "办结率只有85%",
            "下半年没有主持过一次专题研讨",
            "学习《中国共产党纪律处分条例》时只读了原文",
            "例如在审批窗口改造中没有征求群众意见",
            "，如在推进老旧小区改造时没有听取居民意见",
            "以今年的防汛工作为例",
            "有一次在接访时对群众语气生硬",
        ] {
            let body = format!(
                "{detail}，工作中满足于一般性号召，抓落实的力度不够大，对存在的问题研究得不深不透。"
            );
            assert!(has_concrete_detail(&body), "{detail}");
            assert_eq!(kinds(&body), [], "{detail}");
        }
    }

    /// The characters the scans care about, and a few they do not.
    const ALPHABET: &[char] = &[
        '0', '7', '０', '.', '．', ' ', '\n', '余', '多', '次', '万', '元', '亿', '季', '度', '公',
        '里', '%', '％', '‰', '一', '二', '十', '百', '半', '两', '〇', '以', '为', '例', '拿',
        '来', '说', '，', '。', '、', '（', '(', '如', '像', '果', '这', '《', '》', '“', '”', '"',
        '有', '比', '的', '工', '作', '是', '何', '实', '在',
    ];

    /// The expressions the scans replaced, as they were.
    fn replaced_expressions() -> &'static [regex::Regex; 5] {
        static EXPRESSIONS: std::sync::LazyLock<[regex::Regex; 5]> = std::sync::LazyLock::new(
            || {
                let measures = MEASURES.join("|");
                [
                format!(r"[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(?:余|多)?\s*(?:%|％|‰|{measures})"),
                format!(
                    r"(?:[二两三四五六七八九十百千万〇零半]|一[十百千万])[〇零一二两三四五六七八九十百千万]*\s*(?:余|多)?\s*(?:{measures})"
                ),
                r"例如|比如|譬如|诸如|举例|就拿|有一次|有一回|以[^，。；！？]{1,20}为例|拿[^，。；！？]{1,12}来说|(?:^|[，。；：、（(])\s*(?:如|像)[^果何实期此下今若同意常这那是\s]".to_owned(),
                r"《[^》]{2,40}》".to_owned(),
                r"[“\x22][〇零一二两三四五六七八九十百千万]+[^”\x22]{0,7}[”\x22]".to_owned(),
            ]
            .map(|pattern| regex::Regex::new(&pattern).unwrap())
            },
        );
        &EXPRESSIONS
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn the_scans_agree_with_the_expressions_they_replace(
            chars in proptest::collection::vec(proptest::sample::select(ALPHABET), 0..48)
        ) {
            let text: String = chars.into_iter().collect();
            let [arabic, chinese, example, document, quoted] = replaced_expressions();
            proptest::prop_assert_eq!(has_arabic_figure(&text), arabic.is_match(&text), "{}", text);
            proptest::prop_assert_eq!(has_chinese_figure(&text), chinese.is_match(&text), "{}", text);
            proptest::prop_assert_eq!(has_example(&text), example.is_match(&text), "{}", text);
            proptest::prop_assert_eq!(has_named_document(&text), document.is_match(&text), "{}", text);
            proptest::prop_assert_eq!(without_quoted_formulas(&text), quoted.replace_all(&text, "　"), "{}", text);
        }
    }

    #[test]
    fn long_runs_of_numerals_and_openers_are_scanned_once() {
        // A bound on work, not a clock: every scan moves on past what it has read, so these
        // 200,000-character runs take one pass each; one that restarted at every character
        // would not finish.
        let numerals = "三".repeat(200_000);
        assert!(!has_chinese_figure(&numerals));
        assert!(has_chinese_figure(&format!("{numerals}次")));
        assert!(!has_arabic_figure(&"7".repeat(200_000)));
        assert!(!has_example(&"以".repeat(200_000)));
        assert!(!has_named_document(&"《".repeat(200_000)));
        let quotes = "“二".repeat(100_000);
        assert_eq!(without_quoted_formulas(&quotes), quotes);
    }

    #[test]
    fn clause_openers_that_are_not_examples_do_not_count() {
        for text in [
            "，如何把学习成果转化为工作成效思考不多",
            "，如果遇到困难就退缩",
            "，像这样的情况还有不少",
            "如实向组织报告个人事项不够及时",
        ] {
            assert!(!has_concrete_detail(text), "{text}");
        }
    }
}
