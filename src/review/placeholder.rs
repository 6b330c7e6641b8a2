//! Placeholders: template material marks what the writer must fill in with `××`, `XX`, `**`,
//! `____`, `20**年`, `×年×月`, `某某` or a bracketed hint; a speech handed in with one still
//! in it shows it was copied.

use super::{Location, Pattern, ReviewItem, ReviewKind};
use crate::clean::is_han;
use crate::draft::Draft;
use std::ops::Range;
use std::sync::LazyLock;

/// Placeholder characters other than ASCII `x`, which is checked as a whole word.
const MARK: &str = "×✕╳＊*Ｘｘ☆★";

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    vec![
        // ×年×月×日, X年X月, ×月×日; a year of placeholders: 20**年, 20XX年.
        Pattern::new(&format!(
            r"[{MARK}]{{1,4}}\s*年(?:\s*[{MARK}]{{1,2}}\s*月(?:\s*[{MARK}]{{1,2}}\s*[日号])?)?"
        )),
        Pattern::new(r"[Xx]{1,4}\s*年\s*[Xx]{1,2}\s*月(?:\s*[Xx]{1,2}\s*[日号])?"),
        // A real year with the month left to fill in: 2025年X月, 2025年×月×日.
        Pattern::new(&format!(
            r"(?:\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*年\s*[{MARK}Xx]{{1,2}}\s*月(?:\s*[{MARK}Xx]{{1,2}}\s*[日号])?"
        )),
        Pattern::new(&format!(
            r"[{MARK}Xx]{{1,2}}\s*月\s*[{MARK}Xx]{{1,2}}\s*[日号]"
        )),
        Pattern::new(&format!(r"(?:19|20|１９|２０)[{MARK}Xx?？]{{2}}\s*年")),
        Pattern::new(r"[×✕╳]{2,}"),
        Pattern::new(r"\*{2,}|＊{2,}"),
        Pattern::new(r"_{2,}|＿{2,}"),
        Pattern::new(r"某某+"),
        Pattern::new(
            r"[（(【\[][^（()）【】\[\]]{0,12}(?:填写|填入|此处|待补充|待填)[^（()）【】\[\]]{0,12}[）)】\]]",
        ),
        // Brackets holding only a mark or an x: a figure or name to fill in (`共有[X]个`,
        // `【××】`).
        Pattern::new(&format!(
            r"[〔（(【\[［]\s*[{MARK}Xx]{{1,4}}\s*[〕）)】\]］]"
        )),
        // Brackets holding only an ellipsis: a name or figure a page left out (`〔...〕%`).
        Pattern::new(r"[〔（(【\[［]\s*(?:\.{2,}|…+)\s*[〕）)】\]］]"),
        // Square brackets holding a few Chinese words that name what goes there: a template's
        // hint (`在[具体日期]接待群众反映[具体问题]时`, `[您的姓名]`). Not any word in square
        // brackets: a writer names a product so (`关于[不分梨]收获`). A speech uses `【】` for
        // its own labels, and `[1]` for notes.
        Pattern::new(
            r"[\[［]\p{Han}{0,8}(?:具体|名称|姓名|名字|日期|时间|单位|部门|地点|数量|数字|金额|事项|内容|职务|人数|年份|月份|你的|您的|公司|学校|岗位|某)\p{Han}{0,8}[\]］]",
        ),
        // Round brackets holding only what a name or a detail is: a template's hint
        // (`去年，（名称）电视台曝光…`, `（单位名称）`, `（具体事例）`). Brackets in a speech
        // hold a note or a number (`（试行）`, `（一）`), not the name of a blank.
        Pattern::new(r"[（(【]\s*(?:\p{Han}{0,4}名称|姓名|名字|具体\p{Han}{1,6})\s*[）)】]"),
        // A share or rate whose figure was left out before its `%` (`滞后率占比%`, `约%`).
        Pattern::new(r"(?:占比|比例|比重|约|为|达|占|率|增长|下降|提高)\s*[%％]"),
        // A count, then its share with the figure left out (`仅有41人,占比;`, `33名,仅占;`).
        Pattern::new(
            r"\d+\s*[人名个位户家项件条次]\s*[,，]\s*(?:仅|约|共|只)?占(?:比)?\s*[;；,，。]",
        ),
    ]
});

/// Runs of Latin letters; a run of only `x`s is a placeholder (`XXX同志`), `Xbox` is not.
static LATIN_WORD: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"[A-Za-zＡ-Ｚａ-ｚ]+"));

/// Runs of circles or squares (`○○单位`); next to a Chinese numeral they are zeros of a year
/// (`二〇〇九年`) and do not count.
static CIRCLES: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"[○◯□〇]{2,}"));

/// Which kinds of placeholder character a text holds, one bit each: a pattern runs only on
/// text that holds what it needs (most findings hold none, and eleven regex passes over every
/// field were a tenth of the reviewer).
const MARKS: u16 = 1;
const EXES: u16 = 2;
const UNDERSCORES: u16 = 4;
const MOU: u16 = 8;
const HINT: u16 = 16;
const CIRCLE: u16 = 32;
const DASH: u16 = 64;
const QUESTION: u16 = 128;
const ELLIPSIS: u16 = 256;
const SHARE: u16 = 512;
const UNSTATED: u16 = 1024;
const ZEROS: u16 = 2048;
const SQUARE: u16 = 4096;
const NAMED: u16 = 8192;

/// What each of [`PATTERNS`] needs, in the same order: any of these bits.
const PATTERN_NEEDS: [u16; 16] = [
    MARKS,
    EXES,
    MARKS | EXES,
    MARKS | EXES,
    MARKS | EXES | QUESTION,
    MARKS,
    MARKS,
    UNDERSCORES,
    MOU,
    HINT,
    MARKS | EXES,
    ELLIPSIS,
    SQUARE,
    NAMED,
    SHARE,
    SHARE,
];

fn held(text: &str) -> u16 {
    text.chars().fold(0, |bits, c| {
        bits | match c {
            'x' | 'X' => EXES,
            // Full-width Ｘ is both a mark (`Ｘ年`) and a letter (`ＸＸ县`).
            'ｘ' | 'Ｘ' => EXES | MARKS,
            _ if MARK.contains(c) => MARKS,
            '_' | '＿' => UNDERSCORES,
            '某' => MOU,
            '填' | '此' | '补' => HINT,
            '○' | '◯' | '□' | '〇' => CIRCLE,
            '-' => DASH,
            '?' | '？' => QUESTION,
            '…' => ELLIPSIS,
            '[' | '［' => SQUARE,
            '名' | '具' => NAMED,
            '占' | '%' | '％' => SHARE,
            _ => 0,
        }
    })
}

/// The most common surnames (`刘某某`, `王某某`).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

/// Whether the `某某` at `range` follows a surname: a person's name withheld, as reports
/// and notices write it (`教师刘某某`), not a slot left to fill in.
fn anonymised_name(text: &str, range: &Range<usize>) -> bool {
    text[range.clone()].starts_with('某')
        && text[..range.start]
            .chars()
            .next_back()
            .is_some_and(|c| SURNAMES.contains(c))
}

/// Byte ranges of placeholders in `text`: sorted and disjoint.
pub(super) fn find(text: &str) -> Vec<Range<usize>> {
    // Two full stops in a row are an ellipsis too; one is a decimal point.
    let bits = held(text)
        | if text.contains("..") { ELLIPSIS } else { 0 }
        | if text.contains("的多少") {
            UNSTATED
        } else {
            0
        }
        | if text.contains("00") || text.contains("００") {
            ZEROS
        } else {
            0
        };
    if bits == 0 {
        return Vec::new();
    }
    let mut found: Vec<Range<usize>> = PATTERNS
        .iter()
        .zip(PATTERN_NEEDS)
        .filter(|(_, needs)| bits & needs != 0)
        .flat_map(|(p, _)| p.find_ranges(text))
        .filter(|r| !anonymised_name(text, r))
        .collect();
    // `**一、问题**`: Markdown's bold, which `typography` asks to take out, not a slot.
    if bits & MARKS != 0 {
        let bold = super::typography::markdown_bold(text);
        found.retain(|r| !bold.iter().any(|b| r.start == b.start || r.end == b.end));
    }
    if bits & EXES != 0 {
        found.extend(
            LATIN_WORD
                .find_ranges(text)
                .into_iter()
                .filter(|r| {
                    text[r.clone()]
                        .chars()
                        .all(|c| matches!(c, 'x' | 'X' | 'ｘ' | 'Ｘ'))
                })
                // A lone `x` stands for a figure when a unit follows (`占x%`), and for any name
                // or number among Chinese words (`X市`, `x厂周边`, `全市倒数第x`, `仅 X 一地`,
                // `张x老师`, `X.企业工会…`).
                .filter(|r| {
                    text[r.clone()].chars().count() >= 2
                        || super::concrete::unit_follows(&text[r.end..], true)
                        || lone_x_among_chinese(text, r)
                }),
        );
    }
    let is_numeral = |c: Option<char>| {
        c.is_some_and(|c| c.is_ascii_digit() || "〇零一二三四五六七八九十".contains(c))
    };
    if bits & CIRCLE != 0 {
        found.extend(CIRCLES.find_ranges(text).into_iter().filter(|r| {
            !is_numeral(text[..r.start].chars().next_back())
                && !is_numeral(text[r.end..].chars().next())
        }));
    }
    if bits & (MARKS | DASH | UNDERSCORES) != 0 {
        found.extend(struck_out(text));
    }
    if bits & UNSTATED != 0 {
        found.extend(unstated_counts(text));
    }
    if bits & MARKS != 0 {
        found.extend(starred_figures(text));
    }
    if bits & ZEROS != 0 {
        found.extend(zeroed_counts(text));
    }
    disjoint(found)
}

/// Earliest first, the longest of those starting together; overlaps dropped.
fn disjoint(mut found: Vec<Range<usize>>) -> Vec<Range<usize>> {
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(found.len());
    for range in found {
        match out.last() {
            Some(last) if range.start < last.end => {}
            _ => out.push(range),
        }
    }
    out
}

/// A name or word a page struck out, standing between Chinese characters: one `*` or `☆`
/// (`学习*新时代`, `召开*年度`, `获得☆科学`) or a run of ASCII hyphens (`邓--理论`). Runs of two or more
/// asterisks are found by the patterns wherever they stand. Hyphens between two names of one
/// kind (`省级中心镇--白龙桥镇`) or after `是` (`就是---拖延症`) are a dash, which `typography`
/// asks to write as `——`.
fn struck_out(text: &str) -> Vec<Range<usize>> {
    let han = |c: Option<char>| c.is_some_and(crate::clean::is_han);
    super::runs_of(text, |c| is_star(c) || matches!(c, '-' | '_' | '＿'))
        .into_iter()
        .filter(|(run, c)| {
            let before = &text[..run.start];
            let (prev, next) = (before.chars().next_back(), text[run.end..].chars().next());
            match c {
                '-' => {
                    run.len() >= 2
                        && (han(prev) || prev == Some('、') || year_opened(before))
                        && (han(next)
                            || matches!(next, Some('、' | '%' | '％'))
                            || next.is_some_and(|c| c.is_ascii_alphabetic()))
                        // After a century the hyphens are figures, whatever follows.
                        && (year_opened(before) || !super::typography::is_a_dash(text, run.clone()))
                }
                // One underscore after a word, where a name was left out (`在贯彻_精神`); a
                // run of them is found by the patterns.
                '_' | '＿' => run.len() == c.len_utf8() && han(prev),
                _ => run.len() == c.len_utf8() && han(prev) && han(next),
            }
        })
        .map(|(run, _)| run)
        .collect()
}

/// Counts a template left as `多少` in a statement (`县委确定的多少个重点项目中`): in a
/// sentence with no question mark, after `的` and before a measure word, `多少` asks nothing.
fn unstated_counts(text: &str) -> Vec<Range<usize>> {
    const MEASURES: [char; 8] = ['个', '项', '家', '人', '名', '户', '次', '件'];
    text.match_indices("的多少")
        .map(|(at, m)| at + '的'.len_utf8()..at + m.len())
        .filter(|r| text[r.end..].starts_with(MEASURES))
        // A question mark ends the sentence it is in, so only the mark that closes it can be one.
        .filter(|r| !text[super::sentence_around(text, r.start).end..].starts_with(['？', '?']))
        .collect()
}

/// A count a template left as zeros for the speaker to fill in (`落实结扎000人，放环000人`): two
/// or more zeros standing for a whole figure, before a unit. Zeros inside a figure
/// (`1,000人`, `0.00元`, `10:00`) follow a digit or its punctuation; `00后` names a
/// generation, not a count.
fn zeroed_counts(text: &str) -> Vec<Range<usize>> {
    super::runs_of(text, |c| matches!(c, '0' | '０'))
        .into_iter()
        .filter(|(run, c)| run.len() >= 2 * c.len_utf8())
        .filter(|(run, _)| {
            let inside_a_figure = text[..run.start].chars().next_back().is_some_and(|c| {
                c.is_alphanumeric() && !crate::clean::is_han(c) || ".,:：/／-－．".contains(c)
            });
            !inside_a_figure && super::concrete::unit_follows(&text[run.end..], true)
        })
        .map(|(run, _)| run)
        .collect()
}

/// Whether `before` ends on the century of a year whose last figures are left out
/// (`自20--至20--`): `19` or `20` standing alone.
fn year_opened(before: &str) -> bool {
    ["19", "20"].iter().any(|century| {
        before
            .strip_suffix(century)
            .is_some_and(|b| !b.ends_with(|c: char| c.is_ascii_digit()))
    })
}

/// A star that a page put for a figure or a name (`*`, `☆`).
fn is_star(c: char) -> bool {
    matches!(c, '*' | '＊' | '☆' | '★' | '×' | '✕' | '╳')
}

/// Words in which a lone `x` is a letter, not a slot (`X光`, `x轴`, `X射线`, `X型`).
const X_TERMS: &[&str] = &["光", "射线", "线", "轴", "型", "形", "染色体"];

/// Whether the lone `x` over `range` stands among Chinese words, spaces aside: a Chinese
/// character (or, after it, a list number's `.` or `、`) on one side and no Latin letter or
/// figure on either (`Windows X系统` is a name), nor one of [`X_TERMS`] after it.
fn lone_x_among_chinese(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start]
        .trim_end_matches(' ')
        .chars()
        .next_back();
    let rest = text[range.end..].trim_start_matches(' ');
    let after = rest.chars().next();
    let latin_or_figure = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !is_han(c));
    if latin_or_figure(before)
        || latin_or_figure(after)
        || X_TERMS.iter().any(|t| rest.starts_with(t))
    {
        return false;
    }
    before.is_some_and(is_han) || after.is_some_and(|c| is_han(c) || matches!(c, '.' | '．' | '、'))
}

/// The levels of a place, after its name (`X市`, `*县`).
const PLACE_LEVELS: [char; 7] = ['省', '市', '县', '区', '乡', '镇', '村'];

/// What else names a place after a star for its name (`*河沿线`).
const PLACE_FEATURES: [char; 5] = ['河', '江', '湖', '路', '街'];

/// Where one `*` stands for a figure or a name: before a unit or a place's level (`*县`,
/// `*亿元`), in a ratio (`*：*：*`), or after a word that announces a figure and before the
/// clause ends (`差*。`, `值的*，`). A footnote's `*` follows a word and is followed by
/// neither.
fn starred_figures(text: &str) -> Vec<Range<usize>> {
    const ANNOUNCING: &[&str] = &["为", "是", "达", "的", "差", "占", "约", "共"];
    super::runs_of(text, is_star)
        .into_iter()
        .filter(|(run, c)| run.len() == c.len_utf8())
        .filter(|(run, _)| {
            let before = &text[..run.start];
            let rest = &text[run.end..];
            let colon = |c: char| matches!(c, '：' | ':');
            let ratio = rest
                .strip_prefix(colon)
                .is_some_and(|r| r.starts_with(is_star))
                || before
                    .strip_suffix(colon)
                    .is_some_and(|b| b.ends_with(is_star));
            super::concrete::unit_follows(rest, true)
                || rest.starts_with(PLACE_LEVELS)
                || rest.starts_with(PLACE_FEATURES)
                || ratio
                || (ANNOUNCING.iter().any(|w| before.ends_with(w))
                    && rest.chars().next().is_none_or(super::closes_clause))
        })
        .map(|(run, _)| run)
        .collect()
}

/// The slots still unfilled in `draft`, but for those the writer ignored: what export warns
/// of, as the speech would print them (`我作为××局党组成员`).
pub fn unfilled(draft: &Draft) -> Vec<ReviewItem> {
    let mut items = Vec::new();
    check(draft, &mut items);
    super::dismiss::drop_dismissed_items(draft, &mut items);
    items
}

/// A slot left unfilled, told for the writer: the window's export dialog and `pouxi export`
/// name it the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnfilledSlot {
    /// Where it stands (`（二）在政治素质方面 · 一是 · 正文`).
    pub place: String,
    /// The slot as written (`××`).
    pub slot: String,
    /// The words around it.
    pub around: String,
}

/// [`unfilled`], told for the writer.
pub fn unfilled_slots(draft: &Draft) -> Vec<UnfilledSlot> {
    unfilled(draft)
        .into_iter()
        .map(|item| UnfilledSlot {
            place: item.location.describe_zh(draft),
            slot: item.words(draft).to_owned(),
            around: item.excerpt.unwrap_or_default(),
        })
        .collect()
}

pub(super) fn check(draft: &Draft, items: &mut Vec<ReviewItem>) {
    for (field, text) in draft.text_fields() {
        for range in find(text) {
            let mark = &text[range.clone()];
            items.push(
                ReviewItem::new(
                    ReviewKind::Placeholder,
                    Location::from_field(field),
                    format!("“{mark}”是没有填写的占位符：请换成实际内容"),
                )
                .with_range(text, range.clone())
                .in_context(text),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{Part, ReviewItem};
    use super::*;
    use crate::draft::FindingId;

    fn marks(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn template_placeholders_are_found() {
        assert_eq!(marks("我作为××局党组成员"), ["××"]);
        assert_eq!(marks("XX同志和xxx科长"), ["XX", "xxx"]);
        assert_eq!(
            marks("关键的“〔...〕”指标仅为〔…〕%，增长3.5%（见附件）"),
            ["〔...〕", "〔…〕"]
        );
        assert_eq!(marks("共有[X]个消防栓，【××】具灭火器"), ["[X]", "【××】"]);
        assert_eq!(marks("1. **设施环境卫生问题**：清扫不及时；**"), ["**"]);
        assert_eq!(
            marks("党员共计x人，占x%；拍X光片，画x轴，Windows X系统"),
            ["x", "x"]
        );
        assert_eq!(marks("共开展**次谈心谈话"), ["**"]);
        assert_eq!(
            marks("在[具体日期]接待群众反映[具体问题]时，［您的姓名］"),
            ["[具体日期]", "[具体问题]", "［您的姓名］"]
        );
        assert_eq!(
            marks("写完了关于[不分梨]收获，见[附录]"),
            Vec::<&str>::new()
        );
        assert_eq!(
            marks("截至2024年底,仅 X 一地分公司总部;离 X 较近;张x老师;X.厂务公开"),
            ["X", "X", "x", "X"]
        );
        assert_eq!(marks("参加了____组织的学习"), ["____"]);
        assert_eq!(marks("20**年度民主生活会"), ["20**年"]);
        assert_eq!(marks("20XX年以来"), ["20XX年"]);
        assert_eq!(marks("于2025年X月开展"), ["2025年X月"]);
        assert_eq!(marks("二〇二五年×月×日"), ["二〇二五年×月×日"]);
        assert_eq!(marks("2025年12月开展"), Vec::<&str>::new());
        assert_eq!(marks("于×年×月召开"), ["×年×月"]);
        assert_eq!(marks("于X年X月X日召开"), ["X年X月X日"]);
        assert_eq!(marks("于×月×日前完成"), ["×月×日"]);
        assert_eq!(marks("某某同志指出"), ["某某"]);
        assert_eq!(marks("○○单位"), ["○○"]);
        assert_eq!(marks("（此处填写具体事例）"), ["（此处填写具体事例）"]);
        assert_eq!(
            marks("去年,(名称)电视台曝光我市环境污染问题，（单位名称）（具体事例）"),
            ["(名称)", "（单位名称）", "（具体事例）"]
        );
        assert!(marks("按《条例（试行）》和（一）的要求，（2023年）姓名已登记").is_empty());
        assert_eq!(marks("ＸＸ县"), ["ＸＸ"]);
        assert_eq!(marks("于Ｘ年Ｘ月召开"), ["Ｘ年Ｘ月"]);
        assert_eq!(marks("如在学习*新时代中国特色"), ["*"]);
        // One `*` for a figure or a place: before a unit or a level, in a ratio, at a clause's end.
        assert_eq!(
            marks("。*县*年达到*亿元，结构比为*：*：*，与平均值的*。危房x间"),
            ["*", "*年", "*", "*", "*", "*", "*", "x"]
        );
        assert_eq!(
            marks("加上☆个开发区，由2017年的☆名，获得☆科学奖，*河沿线"),
            ["☆", "☆", "☆", "*"]
        );
        assert_eq!(marks("毛泽东思想、邓--理论"), ["--"]);
        // A name-closing character that does not close the next word: still struck out.
        assert_eq!(marks("学习总书记对党委--工作的要求"), ["--"]);
        // A share whose figure a page dropped; a place left to fill in (a real report,
        // heldout15).
        assert_eq!(
            marks("35岁以下的仅有41人,占比;大专以上学历的33名,仅占;"),
            ["41人,占比;", "33名,仅占;"]
        );
        assert_eq!(marks("目前,X市X名村党支部书记"), ["X", "X"]);
        assert_eq!(marks("x厂周边区域，x小区商家，x中路两侧"), ["x", "x", "x"]);
        assert_eq!(marks("全市倒数第x，增速较低"), ["x"]);
        assert_eq!(
            marks("不足20--人口，自20--至20--这五年间，北部--、每公顷---m3，占的--%"),
            ["--", "--", "--", "--", "---", "--"]
        );
        assert_eq!(marks("占项目总数的近×%，为×%"), ["×", "×"]);
        assert_eq!(marks("在贯彻_精神上"), ["_"]);
        assert_eq!(
            marks("县委确定的多少个重点项目中，包括停车场在内的多少个项目未开工"),
            ["多少", "多少"]
        );
        assert_eq!(
            marks("2019--2020年；解决了群众的多少个难题？或多或少；3×4个"),
            Vec::<&str>::new()
        );
        assert_eq!(
            marks("1项推进滞后,滞后率占比%,滞后项目占比约%"),
            ["占比%", "约%"]
        );
        // A count left as zeros (a real report, heldout65); zeros inside a figure, a time or
        // a generation are none.
        assert_eq!(
            marks("其中落实结扎000人，放环000人，投入００万元"),
            ["000", "000", "００"]
        );
        assert_eq!(
            marks("共1,000人，每户0.00元，10:00开会，00后员工，第2000名，一〇〇人"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn a_dash_between_two_names_of_a_kind_strikes_nothing_out() {
        assert_eq!(
            marks("比如省级中心镇--白龙桥镇有56个村居"),
            Vec::<&str>::new()
        );
        assert_eq!(marks("宣传部--组织部"), Vec::<&str>::new());
        assert_eq!(marks("就是---拖延症"), Vec::<&str>::new());
        assert_eq!(
            marks("仅停留在医学生的水平--如果考虑语言"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn real_text_is_not_a_placeholder() {
        for text in [
            "二〇〇九年参加工作",
            "二○○九年入党",
            "在Xbox游戏上花时间过多",
            "某项目推进缓慢",
            "3×4米的展板",
            "2023年10月15日召开",
            "（一）在理论学习方面",
            "对“两个确立”认识不足",
            "见附件*，党员——干部，COVID-19疫情，A-B两类",
            "发展41名,占比12%;提高年轻党员占比,逐年增加",
            "占比约12%,增长3.5%,为100%",
            "拍X光片,在x轴上,Windows XP系统",
            "拍 X 光片，X射线检查，X型腿，Windows X 系统，x = 3，第 2 x 3 项",
            "重点工作*，详见注释；2*3的矩阵。",
            "☆重点工作☆",
            "【问题清单】一是学习不够[1]，见[注1]。",
            "教师刘某某找研究生代课，王某某提前下课。",
        ] {
            assert_eq!(marks(text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn placeholders_are_reported_in_every_field_with_context() {
        let mut draft = draft_of(&[(
            "在理论学习方面",
            &[(
                "学习举措强度不够",
                "今年参加××组织的集中学习只有3次，其余时间以自学为主，没有系统学习新修订的条例，学习笔记只记了不到20页。",
            )],
        )]);
        draft.title = "20**年度专题民主生活会对照检查材料".into();
        let mut items: Vec<ReviewItem> = Vec::new();
        check(&draft, &mut items);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].location, Location::Title);
        assert_eq!(items[0].range, Some(0.."20**年".len()));
        assert_eq!(
            items[1].location,
            Location::Finding(FindingId(101), Part::Body)
        );
        assert_eq!(
            items[1].excerpt.as_deref(),
            Some("今年参加××组织的集中学习只")
        );
        assert!(items[1].message.contains("“××”"));
    }

    #[test]
    fn patterns_compile() {
        assert!(PATTERNS.iter().all(Pattern::compiled));
        assert!(LATIN_WORD.compiled() && CIRCLES.compiled());
    }
}
