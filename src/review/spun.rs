//! Text garbled by synonym-spinning ("伪原创") tools, common on the content farms that sell
//! model speeches: a tool swaps words for "synonyms" from a table, whatever the sense, and
//! leaves `存在的题目` (问题), `主要表此刻` (表现在), `深进基层` (深入), `用心进取` (积极),
//! `忙但是来` (忙不过来). The spun words are sound Chinese on their own (`考试题目`, `此时此刻`,
//! `用心用情`), so each entry of the word list (`spun` in `assets/review/wording.ron`) names
//! the neighbouring words that make the substitution certain, and those that rule it out.

use super::lexicon::{Lexicon, Spun};
use super::needles::Needles;
use super::{Location, ReviewItem, ReviewKind};
use crate::draft::Draft;
use std::ops::Range;

pub(super) fn check(draft: &Draft, lexicon: &Lexicon, items: &mut Vec<ReviewItem>) {
    let entries: Vec<&Spun> = lexicon
        .spun
        .iter()
        .filter(|s| !lexicon.is_disabled(&format!("spun/{}", s.id)))
        .collect();
    if entries.is_empty() {
        return;
    }
    let needles = Needles::new(entries.iter().map(|s| s.spun.as_str()));
    for (field, text) in draft.text_fields() {
        if text.is_empty() {
            continue;
        }
        let present = needles.in_text(text);
        if present.none() {
            continue;
        }
        let location = Location::from_field(field);
        // One flag per spot: the first entry that fits wins.
        let mut taken: Vec<Range<usize>> = Vec::new();
        for (position, entry) in entries.iter().enumerate() {
            if !present.holds_at(position) {
                continue;
            }
            for (at, m) in text.match_indices(entry.spun.as_str()) {
                let range = at..at + m.len();
                if taken
                    .iter()
                    .any(|r| r.start < range.end && range.start < r.end)
                {
                    continue;
                }
                let Some(phrase) = in_context(
                    text,
                    range.clone(),
                    &entry.after,
                    &entry.before,
                    &entry.not_after,
                    &entry.not_before,
                ) else {
                    continue;
                };
                taken.push(range.clone());
                items.push(
                    ReviewItem::new(
                        ReviewKind::WrongWord,
                        location,
                        format!(
                            "“{}”像是“伪原创”软件替换同义词留下的：“{}”应为“{}”",
                            &text[phrase], entry.spun, entry.right
                        ),
                    )
                    .with_rule("spun")
                    .with_range(text, range)
                    .with_fix(text, entry.right.clone()),
                );
            }
        }
    }
}

/// Whether the word at `range` of `text` stands where it is wrong: not right after a word of
/// `not_after` nor right before one of `not_before`, and right after a word of `after` or
/// right before one of `before` (anywhere, when both are empty). Gives the word with the
/// context that gave it away, for the message.
pub(super) fn in_context(
    text: &str,
    range: Range<usize>,
    after: &[String],
    before: &[String],
    not_after: &[String],
    not_before: &[String],
) -> Option<Range<usize>> {
    let (head, tail) = (&text[..range.start], &text[range.end..]);
    if not_after.iter().any(|w| head.ends_with(w.as_str()))
        || not_before.iter().any(|w| tail.starts_with(w.as_str()))
    {
        return None;
    }
    if after.is_empty() && before.is_empty() {
        return Some(range);
    }
    if let Some(word) = after
        .iter()
        .filter(|w| head.ends_with(w.as_str()))
        .max_by_key(|w| w.len())
    {
        return Some(range.start - word.len()..range.end);
    }
    before
        .iter()
        .filter(|w| tail.starts_with(w.as_str()))
        .max_by_key(|w| w.len())
        .map(|word| range.start..range.end + word.len())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    fn fixes_with(body: &str, lexicon: &Lexicon) -> Vec<(String, String)> {
        let draft = draft_of(&[("在担当作为方面", &[("勇于担责意识不强", body)])]);
        let mut items = Vec::new();
        check(&draft, lexicon, &mut items);
        items
            .into_iter()
            .map(|i| {
                assert_eq!(i.rule, "wrong_word/spun");
                assert_eq!(i.kind, ReviewKind::WrongWord);
                let fix = i.fix.expect("every spun word carries a fix");
                (fix.from, fix.to)
            })
            .collect()
    }

    fn fixes(body: &str) -> Vec<(String, String)> {
        fixes_with(body, &Lexicon::builtin())
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    /// Flags come entry by entry, as the list orders them (the review sorts them later).
    #[test]
    fn spun_words_are_put_back_where_the_context_gives_them_away() {
        assert_eq!(
            fixes("对存在的题目不敢正视，在处理题目时碍于情面，题目整改不彻底。"),
            pairs(&[("题目", "问题"), ("题目", "问题"), ("题目", "问题")])
        );
        assert_eq!(
            fixes("主要表此刻：学习不够；集中体此刻工作上。"),
            pairs(&[("此刻", "现在"), ("此刻", "现在")])
        );
        assert_eq!(
            fixes("没有深进基层、深进实际，缺乏用心进取精神，没有调动用心性。"),
            pairs(&[
                ("深进", "深入"),
                ("深进", "深入"),
                ("用心", "积极"),
                ("用心", "积极"),
            ])
        );
        assert_eq!(
            fixes("教学任务多，忙但是来；学习变得情势化，效力意识淡薄。"),
            pairs(&[("但是来", "不过来"), ("情势", "形式"), ("效力", "服务")])
        );
        assert_eq!(
            fixes("纪律束缚性不强，偶然会出现先购买后报账，搞无原则的团和气。"),
            pairs(&[("束缚", "约束"), ("偶然", "偶尔"), ("团和气", "一团和气")])
        );
        assert_eq!(
            fixes("对峙不懈推进党风廉政树立，践行大众路线，弘扬会议肉体。"),
            pairs(&[
                ("对峙", "坚持"),
                ("肉体", "精神"),
                ("树立", "建设"),
                ("大众", "群众"),
            ])
        );
        assert_eq!(
            fixes("局部党员素质不高，对这局部党员处置无从下手，不熟悉开展党员操作规程。"),
            pairs(&[("局部", "部分"), ("局部", "部分"), ("开展", "发展")])
        );
        assert_eq!(
            fixes("食品平安监管不到位，根底设施滞后，拒绝承受检查，学生流淌大，造成肯定困难。"),
            pairs(&[
                ("平安", "安全"),
                ("根底", "基础"),
                ("承受", "接受"),
                ("流淌", "流动"),
                ("肯定", "一定"),
            ])
        );
        assert_eq!(
            fixes("相对集中处分权，管理不标准，对职责进展进一步明确，主要表达在学习上。"),
            pairs(&[
                ("处分", "处罚"),
                ("不标准", "不规范"),
                ("进展", "进行"),
                ("表达在", "体现在"),
            ])
        );
    }

    #[test]
    fn a_spun_knowing_and_supplying_are_put_back() {
        assert_eq!(
            fixes("对纳税服务的相识有误区，不能为纳税人供应优质服务。"),
            pairs(&[("相识", "认识"), ("供应", "提供")])
        );
        assert_eq!(
            fixes("与他相识多年，素不相识不够礼貌；保障物资供应，供应商供应不足。"),
            []
        );
    }

    #[test]
    fn a_spun_need_that_is_unclear_is_put_back() {
        assert_eq!(
            fixes("客户需要不明确，导致返工。"),
            pairs(&[("需要", "需求")])
        );
        assert_eq!(fixes("需要明确责任，需要进一步明确。"), []);
    }

    #[test]
    fn a_spun_comparing_word_before_a_quality_is_put_back() {
        assert_eq!(
            fixes("使得妇幼保健工作开展比拟困难，人员比拟少。"),
            pairs(&[("比拟", "比较"), ("比拟", "比较")])
        );
        assert_eq!(
            fixes("这是传统网点无法比拟的优势，不可比拟，比拟成一棵大树。"),
            []
        );
    }

    #[test]
    fn the_same_words_in_sound_chinese_are_not_flagged() {
        for text in [
            "考试题目出得偏，论文题目已确定，这道选择题目很难。",
            "有些题目学生不会做，要引导学生思考题目、解决题目，跳过不存在的题目。",
            "注册表此刻已改，欢迎使用心性教育系统。",
            "此时此刻，他代表此刻在场的同志发言，报表此刻已生成，具体此刻难以说清。",
            "用心用情用力为群众办实事，用心参与每一次学习。",
            "处理好关系，处理问题及时，处理群众来信。",
            "但是来自基层的声音很多；工作很忙，但是来得及。",
            "形势复杂，情势危急；法律效力，为国效力；摆脱束缚；纯属偶然。",
            "标新立异，树立正确的政绩观，牢固树立宗旨意识，队伍树立良好形象。",
            "一团和气要不得；大众传媒；精神面貌；精力充沛；纵深推进；资深进口商。",
            "局部地区降雨，局部利益服从整体，这局部的问题要解决；开展党员教育，开展党员活动。",
            "这一要求本身就很高；抓住要害；取得进步；晋升职级；身体结实；严厉打击。",
            "平安建设，平安校园，出入平安；理论根底浅；给予党纪处分，加大党纪处分力度；普通话不标准，标点符号使用不标准；承受压力；河水流淌；肯定成绩；确定目标。",
            "这种提醒本身就是爱护；双方对峙到底；以减轻负担作为目标；纪律束缚不了他；为国效力。",
        ] {
            assert_eq!(fixes(text), [], "{text}");
        }
    }

    #[test]
    fn spun_entries_can_be_switched_off_one_by_one_or_all_together() {
        let text = "对存在的题目不敢正视，没有深进基层。";
        let off = |disable: &str| {
            let mut lexicon = Lexicon::builtin();
            let user = Lexicon::from_ron(&format!("(disable: [{disable}])")).unwrap();
            lexicon.extend(user);
            fixes_with(text, &lexicon)
        };
        assert_eq!(off("\"spun/题目\""), pairs(&[("深进", "深入")]));
        assert_eq!(off("\"spun\""), []);
        let mut lexicon = Lexicon::builtin();
        let user =
            Lexicon::from_ron(r#"(spun: [(spun: "深进", right: "深入", before: ["实际"])])"#)
                .unwrap();
        lexicon.extend(user);
        assert_eq!(
            fixes_with(text, &lexicon),
            pairs(&[("题目", "问题")]),
            "a user entry replaces the built-in one of the same id"
        );
    }

    #[test]
    fn the_context_is_shown_in_the_message() {
        let draft = draft_of(&[("在担当作为方面", &[("意识不强", "主要表此刻：学习不够")])]);
        let mut items = Vec::new();
        check(&draft, &Lexicon::builtin(), &mut items);
        assert_eq!(items.len(), 1);
        assert!(
            items[0].message.contains("“主要表此刻”"),
            "{}",
            items[0].message
        );
        assert!(items[0].message.contains("“此刻”应为“现在”"));
    }
}
