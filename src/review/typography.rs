//! Typography of Chinese text: stray spaces between Chinese characters (`党 建`, `2025 年`,
//! a PDF copy's artefact) and half-width punctuation where full-width belongs (`,` for `，`,
//! `(1)` for `（1）`, `"…"` for `“…”`). Each flag carries its fix.

use super::{Location, ReviewItem, ReviewKind, sentence_around};
use crate::draft::Draft;
use std::ops::Range;

fn is_chinese(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Chinese characters and the full-width punctuation around them.
fn is_chinese_text(c: char) -> bool {
    is_chinese(c)
        || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF5E}' | '“' | '”' | '‘' | '’' | '…' | '—')
}

pub(super) fn check(draft: &Draft, items: &mut Vec<ReviewItem>) {
    for (field, text) in draft.text_fields() {
        if !text.chars().any(is_chinese) {
            continue;
        }
        let location = Location::from_field(field);
        stray_spaces(location, text, items);
        split_words(location, text, items);
        punctuation(location, text, items);
        parentheses(location, text, items);
        quotes(location, text, items);
        scraping_marks(location, text, items);
        page_marks(location, text, items);
        numbers_inside(location, text, items);
        full_stops_in_figures(location, text, items);
        for range in markdown_bold(text) {
            let inner = text[range.start + 2..range.end - 2].to_owned();
            items.push(leftover(
                location,
                text,
                range,
                "markdown_bold",
                "网页 Markdown 的加粗符号“**”，导出后会原样印出：删去".to_owned(),
                inner,
            ));
        }
    }
}

/// The item for a page's leftover at `range` of `text`, mended to `fix`.
fn leftover(
    location: Location,
    text: &str,
    range: Range<usize>,
    rule: &str,
    message: String,
    fix: String,
) -> ReviewItem {
    ReviewItem::new(ReviewKind::WebsiteLeftover, location, message)
        .with_rule(rule)
        .with_range(text, range)
        .with_fix(text, fix)
}

/// `1. **设施环境卫生问题**：…`: text a page set in Markdown's bold, a pair of `**` around a
/// few words of Chinese on one line, which a speech would print as it is. A lone `**` is a
/// slot to fill in (`placeholder`), and so is a pair around a template's clause.
pub(super) fn markdown_bold(text: &str) -> Vec<Range<usize>> {
    if !text.contains("**") {
        return Vec::new();
    }
    let runs: Vec<Range<usize>> = super::runs_of(text, |c| c == '*')
        .into_iter()
        .map(|(run, _)| run)
        .filter(|run| run.len() == 2)
        .collect();
    let mut pairs = Vec::new();
    let mut i = 0;
    while i + 1 < runs.len() {
        let (open, close) = (&runs[i], &runs[i + 1]);
        let inner = &text[open.end..close.start];
        // A heading's few words, closed before punctuation or a space: `**乡共个村,耕地亩,**年`
        // holds two slots of a template (`**乡`, `**年`), the second before a unit.
        let bold = !inner.is_empty()
            && !inner.contains(['\n', '*', '，', ',', '。', '；', ';'])
            && inner.chars().count() <= 40
            && inner.chars().any(is_chinese)
            && !text[close.end..].chars().next().is_some_and(is_chinese);
        if bold {
            pairs.push(open.start..close.end);
            i += 2;
        } else {
            i += 1;
        }
    }
    pairs
}

/// `乡2、镇发展`, `由于2、我县`: a list's number between two Chinese characters, where a page
/// ran the next item's number into the text of the last. Not a list of labels (`问题1、问题2`)
/// nor of figures (`2、3个`): no figure follows soon after. After a comma or `、` too
/// (`有229人,3、很多团员`, `洚河流、2、梁集`) when the number has no predecessor before it:
/// an inline list (`1、学习不够，2、作风不实`) counts up from its own `1、`.
/// Whether `text` holds the list number `n` (`2、`, not the end of `12、`).
fn has_list_number(text: &str, n: u32) -> bool {
    let label = format!("{n}、");
    text.match_indices(&label)
        .any(|(at, _)| !text[..at].ends_with(|c: char| c.is_ascii_digit()))
}

fn numbers_inside(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    let mut search = 0;
    while let Some(offset) = text[search..].find('、') {
        let mark = search + offset;
        search = mark + '、'.len_utf8();
        let digits = text[..mark]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .count();
        if !(1..=2).contains(&digits) {
            continue;
        }
        let start = mark - digits;
        let before = text[..start].chars().next_back();
        let rest = &text[search..];
        let after_a_pause = before.is_some_and(|c| matches!(c, '，' | ',' | '、'))
            && text[start..mark]
                .parse::<u32>()
                .is_ok_and(|n| n >= 2 && !has_list_number(&text[..start], n - 1));
        if !(before.is_some_and(is_chinese) || after_a_pause)
            || before == Some('第')
            || !rest.chars().next().is_some_and(is_chinese)
            || rest.chars().take(6).any(|c| c.is_ascii_digit())
        {
            continue;
        }
        let message = format!(
            "句中混进了列表编号“{}”（从网页复制时带入）：删去",
            &text[start..search]
        );
        items.push(
            leftover(
                location,
                text,
                start..search,
                "number_inside",
                message,
                String::new(),
            )
            .in_context(text),
        );
    }
}

/// `增长4。2%`: a decimal point that a page's conversion turned into a full stop. Only before
/// a share or a sum (`%`, `万`, `亿`): `发现问题3。12月以来…` ends a sentence on a figure and
/// opens the next on one.
fn full_stops_in_figures(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    for (at, stop) in text.match_indices('。') {
        let after = at + stop.len();
        let before_digit = text[..at].ends_with(|c: char| c.is_ascii_digit());
        let decimals = text[after..]
            .chars()
            .take_while(char::is_ascii_digit)
            .count();
        let rest = &text[after + decimals..];
        if before_digit && (1..=2).contains(&decimals) && rest.starts_with(['%', '％', '万', '亿'])
        {
            items.push(
                leftover(
                    location,
                    text,
                    at..after,
                    "full_stop_in_figure",
                    "数字中间的“。”是网页转换留下的，应为小数点“.”".to_owned(),
                    ".".to_owned(),
                )
                .in_context(text),
            );
        }
    }
}

/// Words no sentence ends on: a full stop after them is junk inside a sentence (`一定的.问题`).
const NO_SENTENCE_ENDS_ON: &str = "的地得在和与对把被及从向之";

/// `检查出来的'问题`: a lone ASCII apostrophe between two Chinese characters, which 范文 sites
/// put into their text against copying (`的'墙面`, `的'标准`), or between one and the
/// punctuation after it (`相貌是天生的',不需要`). One with another in the same
/// sentence is a quotation mark of a pair (`提出'三个代表'`, `描写'我’心理活动`), which `quotes`
/// leaves alone. And a box-drawing character between two Chinese characters (`扶┅轮`).
fn scraping_marks(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    for (at, _) in text.match_indices('\'') {
        let before = text[..at].chars().next_back();
        let after = text[at + 1..].chars().next();
        let closing = |c: char| is_chinese(c) || super::closes_clause(c) || c == '、';
        if !(before.is_some_and(is_chinese) && after.is_some_and(closing)) {
            continue;
        }
        if text[sentence_around(text, at)]
            .matches(['\'', '‘', '’'])
            .count()
            > 1
        {
            continue;
        }
        items.push(
            leftover(
                location,
                text,
                at..at + 1,
                "scraping_mark",
                "网站为防复制插入的撇号“'”：删去".to_owned(),
                String::new(),
            )
            .in_context(text),
        );
    }
    // `扶┅轮`, `的`生`, `一定的.问题`, `幸福市☢对外`: a box-drawing character, a backtick, a
    // full stop or a pictograph that a page's conversion or its anti-copy junk left between two
    // Chinese characters. Not a lone small letter: `b站`, `c级危房` and `选a较多` are words
    // (`f` aside: `page_marks`).
    let marks = text.char_indices().filter(|&(_, c)| {
        ('\u{2500}'..='\u{257F}').contains(&c) || matches!(c, '`' | '.') || is_pictograph(c)
    });
    for (at, mark) in marks {
        let before = text[..at].chars().next_back();
        let after = text[at + mark.len_utf8()..].chars().next();
        // A full stop only after a word no sentence ends on: `完成了任务.下一步` is a
        // half-width full stop, which `punctuation` mends.
        let stray_stop = mark != '.' || before.is_some_and(|b| NO_SENTENCE_ENDS_ON.contains(b));
        // A pictograph closing a clause (`没有会的😅，`, `…⏰ 团队`) is a chat's or a page's, not
        // a speech's, wherever it stands beside Chinese text; between two characters it is a
        // page's junk like the other marks.
        let between = before.is_some_and(is_chinese) && after.is_some_and(is_chinese);
        let beside = before.is_some_and(is_chinese_text) || after.is_some_and(is_chinese_text);
        let (rule, message) = if between && stray_stop {
            (
                "scraping_mark",
                format!("网页转换留在字间的符号“{mark}”：删去"),
            )
        } else if is_pictograph(mark) && beside {
            ("emoji", format!("发言稿里不用表情或图形符号“{mark}”：删去"))
        } else {
            continue;
        };
        items.push(
            leftover(
                location,
                text,
                at..at + mark.len_utf8(),
                rule,
                message,
                String::new(),
            )
            .in_context(text),
        );
    }
}

/// Signs drawn as pictures — the miscellaneous symbols and dingbats (`☢`, `✈`), the clock
/// faces of the technical block (`⌚`) and the emoji — which no speech sets beside its
/// words. Not the stars `☆`/`★`, which stand for a withheld name or figure (`placeholder`),
/// nor the geometric shapes (`▲`, `■`), which mark items. Narrower than the cleaner's
/// decorations (`clean::detect`), which take arrows and shapes too because they judge a
/// line's opening, not a mark inside a sentence.
fn is_pictograph(c: char) -> bool {
    (('\u{2600}'..='\u{27BF}').contains(&c) && !matches!(c, '☆' | '★'))
        || matches!(c, '\u{231A}' | '\u{231B}' | '\u{23E9}'..='\u{23FA}')
        || ('\u{1F300}'..='\u{1FAFF}').contains(&c)
}

/// `必须学的f内容`, `固守过37f去`, `只是1f流于形式`: a lone small `f`, with or without a page
/// number before it, between two Chinese characters — junk that documents converted for 范文
/// sites carry (three sites in the marked sets; never a word there). Other lone letters are
/// words (`b站`, `c级危房`, `选a较多`) or slots (`x人`), which `placeholder` reads.
fn page_marks(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    for (at, _) in text.match_indices('f') {
        let after = text[at + 1..].chars().next();
        let digits = text[..at]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .count();
        let start = at - digits;
        let before = text[..start].chars().next_back();
        if digits > 3 || !before.is_some_and(is_chinese) || !after.is_some_and(is_chinese) {
            continue;
        }
        items.push(
            leftover(
                location,
                text,
                start..at + 1,
                "scraping_mark",
                format!("网页转换留在字间的“{}”：删去", &text[start..at + 1]),
                String::new(),
            )
            .in_context(text),
        );
    }
}

/// The spaces a PDF copy or a page leaves between Chinese characters.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{A0}' | '\t')
}

fn stray_spaces(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_space(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_space(chars[i].1) {
            i += 1;
        }
        let (Some(before), Some(after)) = (
            start.checked_sub(1).map(|b| chars[b].1),
            chars.get(i).map(|c| c.1),
        ) else {
            continue; // Leading indentation or trailing space.
        };
        let chinese_both = is_chinese_text(before) && is_chinese(after)
            || is_chinese(before) && is_chinese_text(after);
        // A figure beside Chinese text or its punctuation: 公文 prints no gap there either.
        let figure = before.is_ascii_digit() && is_chinese_text(after)
            || is_chinese_text(before) && after.is_ascii_digit();
        if !(chinese_both || figure) || before == '\u{3000}' {
            continue;
        }
        let mut range = chars[start].0..chars.get(i).map_or(text.len(), |c| c.0);
        let mut fix = String::new();
        // A page that sets a space on both sides of every mark (`多月 ， 胃口`): the two gaps
        // are one fault, with one fix that keeps the mark.
        if PAUSES.contains(&after) {
            let spaces_after = chars[i + 1..]
                .iter()
                .take_while(|&&(_, c)| is_space(c))
                .count();
            let resumes = chars
                .get(i + 1 + spaces_after)
                .is_some_and(|&(_, c)| is_chinese(c));
            if spaces_after > 0 && resumes {
                i += 1 + spaces_after;
                range.end = chars[i].0;
                fix.push(after);
            }
        }
        items.push(
            ReviewItem::new(
                ReviewKind::StraySpace,
                location,
                "中文里多了空格（常见于从 PDF 复制的文字）：删去",
            )
            .with_range(text, range)
            .with_fix(text, fix),
        );
    }
}

/// Full-width marks inside a sentence or at its end, which a page may set between spaces.
const PAUSES: &[char] = &['，', '。', '、', '；', '：', '？', '！'];

/// Characters that close the name of a place or a body (`中心镇`, `上海市`, `宣传部`).
const NAME_ENDS: &[char] = &[
    '省', '市', '县', '区', '乡', '镇', '村', '街', '局', '委', '厅', '部', '处', '科', '所', '站',
    '院', '校', '厂', '司',
];

/// Whether the hyphens at `run` are a dash typed as hyphens: between two names of one kind
/// (see [`between_names_of_a_kind`]); two or more after `是`/`即` before what is named
/// (`就是---拖延症`) or before a word that opens a clause of its own (`把工作都丢给别人--大概
/// 也就是我`); or four and more, a dash typed as two pairs (`重头戏----商家赞助`), where a
/// page strikes a name of two or three characters out of a term (`邓--理论`). The dash of
/// Chinese text is `——`.
pub(super) fn is_a_dash(text: &str, run: Range<usize>) -> bool {
    let hyphens = text[run.clone()].chars().count();
    between_names_of_a_kind(text, run.clone())
        || (hyphens >= 2
            && (text[..run.start].ends_with(['是', '即'])
                || CLAUSE_OPENERS
                    .iter()
                    .any(|w| text[run.end..].starts_with(w))))
        || hyphens >= 4
}

/// Words that open a clause of their own, never the rest of a word a name was struck out of.
const CLAUSE_OPENERS: &[&str] = &[
    "如果",
    "假如",
    "要是",
    "但是",
    "可是",
    "不过",
    "因为",
    "所以",
    "而且",
    "甚至",
    "比如",
    "例如",
    "否则",
    "大概",
    "也就是",
    "就是",
    "也许",
    "或者",
    "即",
    "这",
    "那",
    "我",
    "你",
    "他",
    "她",
    "它",
];

/// Whether the hyphens at `run` stand between two names of one kind, the first closed by
/// a character of [`NAME_ENDS`] that closes the second too, within a few characters:
/// `省级中心镇--白龙桥镇`, `北京市-上海市`. A dash typed as hyphens joins or explains them; it
/// strikes nothing out and splits no word.
fn between_names_of_a_kind(text: &str, run: Range<usize>) -> bool {
    let Some(last) = text[..run.start]
        .chars()
        .next_back()
        .filter(|c| NAME_ENDS.contains(c))
    else {
        return false;
    };
    text[run.end..]
        .chars()
        .take_while(|&c| is_chinese(c))
        .take(8)
        .skip(1)
        .any(|c| c == last)
}

/// Whether the hyphen at `run` links words: in a chain of three or more (`计划-中断-自责`), a
/// sequence written out, or as a pair standing alone in quotation marks (`“教学-后勤”联动`), a
/// link between two named things; not a word split. Each link holds two characters or more.
fn links_words(text: &str, run: Range<usize>) -> bool {
    // The link beside the hyphen: how many Chinese characters, and what ends it.
    let link = |chars: &mut dyn Iterator<Item = char>| -> (usize, Option<char>) {
        let mut len = 0;
        for c in chars {
            if !is_chinese(c) {
                return (len, Some(c));
            }
            len += 1;
        }
        (len, None)
    };
    let (before, opened_by) = link(&mut text[..run.start].chars().rev());
    let (after, closed_by) = link(&mut text[run.end..].chars());
    let hyphen = |c: Option<char>| matches!(c, Some('-' | '\u{2010}'));
    let quoted =
        matches!(opened_by, Some('“' | '「' | '"')) && matches!(closed_by, Some('”' | '」' | '"'));
    before >= 2 && after >= 2 && (hyphen(opened_by) || hyphen(closed_by) || quoted)
}

/// `共-产主义`: a hyphen between two Chinese characters, which pages put into words a site's
/// filter would catch (as they write `D` for `党`). Chinese text joins no words with a hyphen.
/// `省级中心镇--白龙桥镇`: two or more, between two names of one kind, are a dash typed as
/// hyphens; the dash of Chinese text is `——`.
fn split_words(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    for (run, c) in super::runs_of(text, |c| matches!(c, '-' | '\u{2010}')) {
        let before = text[..run.start].chars().next_back();
        let after = text[run.end..].chars().next();
        if !(before.is_some_and(is_chinese) && after.is_some_and(is_chinese)) {
            continue;
        }
        let single = run.len() == c.len_utf8();
        if single && links_words(text, run.clone()) {
            continue;
        }
        if is_a_dash(text, run.clone()) {
            if !single {
                push_punctuation(location, text, run, "——".to_owned(), items);
            }
        } else if single {
            items.push(
                ReviewItem::new(
                    ReviewKind::WrongWord,
                    location,
                    "词中夹了连字符（网站为躲过敏感词过滤拆开的词）：删去",
                )
                .with_rule("split_word")
                .with_range(text, run.clone())
                .with_fix(text, ""),
            );
        }
    }
}

/// The full-width mark for a half-width one.
fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        _ => return None,
    })
}

fn push_punctuation(
    location: Location,
    text: &str,
    range: Range<usize>,
    to: String,
    items: &mut Vec<ReviewItem>,
) {
    let from = &text[range.clone()];
    let message = if from.chars().count() == 1 || to == "——" {
        format!("中文里应使用全角标点：“{from}”应为“{to}”")
    } else {
        "中文里应使用全角标点".to_owned()
    };
    items.push(
        ReviewItem::new(ReviewKind::HalfWidthPunctuation, location, message)
            .with_range(text, range)
            .with_fix(text, to),
    );
}

fn punctuation(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|b| chars[b].1);
        let after = chars.get(i + 1).map(|c| c.1);
        let to = match c {
            '.' if before.is_some_and(is_chinese)
                && !before.is_some_and(|b| NO_SENTENCE_ENDS_ON.contains(b))
                && after.is_none_or(|a| a == '\n' || is_chinese_text(a)) =>
            {
                '。'
            }
            _ => match full_width(c) {
                Some(to)
                    if before.is_some_and(is_chinese_text)
                        || (after.is_some_and(is_chinese)
                            && !before.is_some_and(|b| b.is_ascii_alphabetic())) =>
                {
                    to
                }
                _ => continue,
            },
        };
        push_punctuation(location, text, at..at + c.len_utf8(), to.to_string(), items);
    }
}

/// `(1)` → `（1）`, `(试行)` → `（试行）`: a pair of half-width parentheses on one line, in
/// Chinese text.
fn parentheses(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|at| from + at) {
        let Some(close) = text[open + 1..]
            .find([')', '\n', '('])
            .map(|at| open + 1 + at)
            .filter(|&at| text[at..].starts_with(')'))
        else {
            from = open + 1;
            continue;
        };
        let inside = &text[open + 1..close];
        let before = text[..open].chars().next_back();
        let after = text[close + 1..].chars().next();
        let chinese_context = inside.chars().any(is_chinese)
            || before.is_none_or(|c| is_chinese_text(c) || c == '\n')
            || after.is_some_and(is_chinese);
        if chinese_context && inside.chars().count() <= 30 {
            push_punctuation(
                location,
                text,
                open..close + 1,
                format!("（{inside}）"),
                items,
            );
        }
        from = close + 1;
    }
}

/// `"两学一做"` → `“两学一做”`: half-width double quotes taken in pairs.
fn quotes(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    let marks: Vec<usize> = text.match_indices('"').map(|(at, _)| at).collect();
    for pair in marks.chunks_exact(2) {
        let (open, close) = (pair[0], pair[1]);
        let inside = &text[open + 1..close];
        if inside.contains('\n') || !inside.chars().any(is_chinese) {
            continue;
        }
        push_punctuation(
            location,
            text,
            open..close + 1,
            format!("“{inside}”"),
            items,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    fn fixes(body: &str) -> Vec<(ReviewKind, String, String)> {
        let draft = draft_of(&[("在工作作风方面", &[("调查研究不够深入", body)])]);
        let mut items = Vec::new();
        check(&draft, &mut items);
        items.sort_by_key(|i| i.range.as_ref().map(|r| r.start));
        items
            .into_iter()
            .map(|i| {
                let fix = i.fix.expect("every typography flag carries a fix");
                (i.kind, fix.from, fix.to)
            })
            .collect()
    }

    fn fix(kind: ReviewKind, from: &str, to: &str) -> (ReviewKind, String, String) {
        (kind, from.to_owned(), to.to_owned())
    }

    #[test]
    fn spaces_on_both_sides_of_a_mark_are_one_fault() {
        assert_eq!(
            fixes("过了三个多月 ， 胃口渐渐大开 ， 每天我嘴里就没闲着 。"),
            [
                fix(ReviewKind::StraySpace, " ， ", "，"),
                fix(ReviewKind::StraySpace, " ， ", "，"),
                fix(ReviewKind::StraySpace, " ", ""),
            ]
        );
    }

    #[test]
    fn stray_spaces_inside_chinese_are_removed() {
        assert_eq!(
            fixes("2025 年开展调研 3次，党 建工作。 2026年"),
            [
                fix(ReviewKind::StraySpace, " ", ""),
                fix(ReviewKind::StraySpace, " ", ""),
                fix(ReviewKind::StraySpace, " ", ""),
                fix(ReviewKind::StraySpace, " ", ""),
            ]
        );
    }

    #[test]
    fn a_lone_apostrophe_between_chinese_characters_is_removed() {
        assert_eq!(
            fixes("上次检查出来的'问题，如资金管理不规范。"),
            [fix(ReviewKind::WebsiteLeftover, "'", "")]
        );
        assert_eq!(fixes("提出'三个代表'的要求，Xi'an，it's。"), []);
        assert_eq!(
            fixes("工作不实。一些干部的'想法。"),
            [fix(ReviewKind::WebsiteLeftover, "'", "")]
        );
        assert_eq!(
            fixes("相貌是天生的'，不需要做出努力。"),
            [fix(ReviewKind::WebsiteLeftover, "'", "")]
        );
        assert_eq!(fixes("他说'我错了'，又说'算了'。"), []);
    }

    #[test]
    fn markdown_bold_is_taken_out() {
        assert_eq!(
            fixes("1. **设施环境卫生问题**：部分区域清扫不及时。"),
            [fix(
                ReviewKind::WebsiteLeftover,
                "**设施环境卫生问题**",
                "设施环境卫生问题"
            )]
        );
        assert_eq!(fixes("**乡共个村耕地亩**年工农业总产值亿元。"), []);
    }

    #[test]
    fn a_list_number_run_into_the_text_is_removed() {
        assert_eq!(
            fixes("乡2、镇发展自然受到很大限制，由于2、我县管网老旧。"),
            [
                fix(ReviewKind::WebsiteLeftover, "2、", ""),
                fix(ReviewKind::WebsiteLeftover, "2、", ""),
            ]
        );
        assert_eq!(
            fixes("登记在册的有229人，3、很多团员外出，洚河流、2、梁集。"),
            [
                fix(ReviewKind::WebsiteLeftover, "3、", ""),
                fix(ReviewKind::WebsiteLeftover, "2、", ""),
            ]
        );
        assert_eq!(
            fixes("方案1、方案2都不行，共2、3个，第1、2名，1、加强学习。"),
            []
        );
        assert_eq!(
            fixes("主要有1、学习不够，2、作风不实，12、纪律松弛，3、担当不足。"),
            []
        );
    }

    #[test]
    fn a_mark_a_page_left_inside_a_word_is_removed() {
        assert_eq!(
            fixes("驻村扶┅轮换工作不到位，存在一定的.问题，的`审核。"),
            [
                fix(ReviewKind::WebsiteLeftover, "┅", ""),
                fix(ReviewKind::WebsiteLeftover, ".", ""),
                fix(ReviewKind::WebsiteLeftover, "`", ""),
            ]
        );
        assert_eq!(
            fixes("损害了幸福市☢对外形象，时间⌚紧，开心😊工作。"),
            [
                fix(ReviewKind::WebsiteLeftover, "☢", ""),
                fix(ReviewKind::WebsiteLeftover, "⌚", ""),
                fix(ReviewKind::WebsiteLeftover, "😊", ""),
            ]
        );
        assert_eq!(fixes("▲加强学习，温度6℃，得分≥85分。"), []);
        assert_eq!(
            fixes("目录：一、学习 ┅┅ 3页；x厂周边；3.5万元；在b站学习；属于c级危房。"),
            []
        );
        assert_eq!(
            fixes("完成了任务.下一步"),
            [fix(ReviewKind::HalfWidthPunctuation, ".", "。")]
        );
    }

    #[test]
    fn an_emoji_beside_chinese_text_is_removed() {
        assert_eq!(
            fixes("笔试基本上没有会的😅，面试也没答上来👍"),
            [
                fix(ReviewKind::WebsiteLeftover, "😅", ""),
                fix(ReviewKind::WebsiteLeftover, "👍", ""),
            ]
        );
        assert_eq!(
            fixes("结果余额减了9999…⏰ 团队第一反应是查日志"),
            [fix(ReviewKind::WebsiteLeftover, "⏰", "")]
        );
        assert_eq!(fixes("学习笔记 😅 notes"), []);
    }

    #[test]
    fn a_page_mark_f_inside_a_sentence_is_removed() {
        assert_eq!(
            fixes("必须学的f内容，固守过37f去的老办法，只是1f流于形式。"),
            [
                fix(ReviewKind::WebsiteLeftover, "f", ""),
                fix(ReviewKind::WebsiteLeftover, "37f", ""),
                fix(ReviewKind::WebsiteLeftover, "1f", ""),
            ]
        );
        assert_eq!(
            fixes("位于1F大厅，f值偏高，办公楼2f，共12345f元，用ff表示。"),
            []
        );
    }

    #[test]
    fn a_full_stop_for_a_decimal_point_is_mended() {
        assert_eq!(
            fixes("小学生人数将下降4。2%左右，投资10。6万元。"),
            [
                fix(ReviewKind::WebsiteLeftover, "。", "."),
                fix(ReviewKind::WebsiteLeftover, "。", "."),
            ]
        );
        assert_eq!(fixes("发现问题3。12月以来整改2项。"), []);
    }

    #[test]
    fn a_hyphen_splitting_a_chinese_word_is_removed() {
        assert_eq!(
            fixes("坚守共-产主义远大理想不够。"),
            [fix(ReviewKind::WrongWord, "-", "")]
        );
        assert_eq!(
            fixes("2019-2020年，GB/T-9704，第3-5项，“一带一路”-倡议。"),
            []
        );
        // A chain of words is a sequence written out (a real essay, heldout15).
        assert_eq!(
            fixes("频繁陷入“计划-中断-自责”的恶性循环，调研-督办-反馈闭环不够。"),
            []
        );
        // So is a pair alone in quotation marks (a school's 后勤 summary, heldout86); a word
        // split inside quotation marks is still a split.
        assert_eq!(fixes("是否建立了“教学-后勤”联动的信息共享机制？"), []);
        assert_eq!(
            fixes("学习“共-产主义”理想。"),
            [fix(ReviewKind::WrongWord, "-", "")]
        );
    }

    #[test]
    fn hyphens_between_two_names_of_a_kind_are_a_dash_not_a_split_word() {
        // A dash typed as two hyphens (a real 调研报告, heldout14): `——` is meant.
        assert_eq!(
            fixes("比如省级中心镇--白龙桥镇有56个村居。"),
            [fix(ReviewKind::HalfWidthPunctuation, "--", "——")]
        );
        // One hyphen between two places of a kind joins them; it splits no word.
        assert_eq!(fixes("开通北京市-上海市的专线。"), []);
        // After `是` two or more hyphens bring in what is named (a real essay, heldout15).
        assert_eq!(
            fixes("就是---拖延症。"),
            [fix(ReviewKind::HalfWidthPunctuation, "---", "——")]
        );
        // A struck-out name is not a dash: `placeholder` flags it.
        assert_eq!(fixes("毛泽东思想、邓--理论"), []);
        assert_eq!(
            fixes("落实县-乡-村三级责任。"),
            [
                fix(ReviewKind::WrongWord, "-", ""),
                fix(ReviewKind::WrongWord, "-", "")
            ]
        );
    }

    #[test]
    fn spaces_that_belong_are_kept() {
        for text in [
            "\u{3000}\u{3000}开头缩进两格。",
            "使用 Word 和 WPS 排版。",
            "调研报告。 ",
        ] {
            assert_eq!(fixes(text), [], "{text:?}");
        }
    }

    #[test]
    fn half_width_punctuation_becomes_full_width() {
        assert_eq!(
            fixes("工作不够扎实,作风不够过硬;原因是:思想松懈!"),
            [
                fix(ReviewKind::HalfWidthPunctuation, ",", "，"),
                fix(ReviewKind::HalfWidthPunctuation, ";", "；"),
                fix(ReviewKind::HalfWidthPunctuation, ":", "："),
                fix(ReviewKind::HalfWidthPunctuation, "!", "！"),
            ]
        );
        assert_eq!(
            fixes("(1)学风不够实."),
            [
                fix(ReviewKind::HalfWidthPunctuation, "(1)", "（1）"),
                fix(ReviewKind::HalfWidthPunctuation, ".", "。"),
            ]
        );
        assert_eq!(
            fixes("开展\"两学一做\"学习教育。"),
            [fix(
                ReviewKind::HalfWidthPunctuation,
                "\"两学一做\"",
                "“两学一做”"
            )]
        );
    }

    #[test]
    fn half_width_marks_that_belong_are_kept() {
        for text in [
            "完成率达到3.5%，投入1,200万元，时间是10:30。",
            "访问 www.gov.cn 查看，Hello, world!",
            "学习（试行）条例，如下：1.加强学习。",
        ] {
            assert_eq!(fixes(text), [], "{text}");
        }
    }
}
