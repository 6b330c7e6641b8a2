//! Concreteness: official commentary keeps faulting problems that are vague rather than
//! concrete and quantified. A body should be long enough to describe something and hold at
//! least one concrete detail: a figure with its unit, a date, a named document, an example.

use super::{Location, MIN_BODY_CHARS, Part, Pattern, ReviewItem, ReviewKind, findings};
use crate::draft::{Draft, count_chars};
use std::sync::LazyLock;

/// Units a figure is counted in.
const MEASURES: &str = "次|个|项|人|名|位|篇|天|日|号|年|月|周|季度|期|场|件|条|份|批|家|户|元|万元|亿元|小时|分钟|课时|学时|倍|轮|起|例|处|册|本|部|所|座|笔|张|页|字|台|公里|亩|届|堂|节|遍|门|家";

/// `12次`, `3.5万元`, `2023年`, `95%`, `10余人`.
static ARABIC_FIGURE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(?:余|多)?\s*(?:%|％|‰|{MEASURES})"
    ))
});

/// `三次`, `两篇`, `十余人`, `一百多个`, `半年`; a bare `一` (`一次`, `一个`) is an article
/// more often than a count and does not count.
static CHINESE_FIGURE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?:[二两三四五六七八九十百千万〇零半]|一[十百千万])[〇零一二两三四五六七八九十百千万]*\s*(?:余|多)?\s*(?:{MEASURES})"
    ))
});

/// `例如`, `比如`, `以……为例`, `有一次`, and `如`/`像` opening a clause (`，如在……`).
static EXAMPLE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"例如|比如|譬如|诸如|举例|就拿|有一次|有一回|以[^，。；！？]{1,20}为例|拿[^，。；！？]{1,12}来说|(?:^|[，。；：、（(])\s*(?:如|像)[^果何实期此下今若同意常这那是\s]",
    )
});

/// A named document, meeting or book: `《关于……的意见》`.
static NAMED_DOCUMENT: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"《[^》]{2,40}》"));

/// A quoted slogan opened by a numeral, `“两个确立”`, `“三重一大”`: a formula, not a figure.
static QUOTED_FORMULA: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"[“\x22][〇零一二两三四五六七八九十百千万]+[^”\x22]{0,7}[”\x22]")
});

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
    if ARABIC_FIGURE.is_match(text) || EXAMPLE.is_match(text) || NAMED_DOCUMENT.is_match(text) {
        return true;
    }
    let mut plain = QUOTED_FORMULA.replace_all(text, "　");
    for formula in FORMULAS {
        plain = plain.replace(formula, "　");
    }
    CHINESE_FIGURE.is_match(&plain)
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

    #[test]
    fn patterns_compile() {
        for pattern in [
            &*ARABIC_FIGURE,
            &*CHINESE_FIGURE,
            &*EXAMPLE,
            &*NAMED_DOCUMENT,
            &*QUOTED_FORMULA,
        ] {
            assert!(pattern.compiled());
        }
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
