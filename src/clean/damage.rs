//! Damage real pages carry that no word rule can name: pinyin a converter glued after
//! characters (`黨內(nèi)`), mojibake runs, a forum's anti-scraping noise (`e# p6 p8 P& ~9`), HTML
//! left in the text, navigation words above a breadcrumb, a lone date under the title, and a
//! list of related links closing the page. Found by shape, reported like ads: removed, listed,
//! restorable.

use super::Flag;
use super::detect::line_ranges;
use regex::Regex;
use std::sync::OnceLock;

pub(crate) const PINYIN_REASON: &str = "转换残留：拼音注音";
pub(crate) const MOJIBAKE_REASON: &str = "乱码";
pub(crate) const NOISE_REASON: &str = "论坛防采集乱码";
pub(crate) const HTML_REASON: &str = "网页代码残留";
pub(crate) const CHROME_REASON: &str = "网站信息";
pub(crate) const PAGE_NUMBER_REASON: &str = "页码残留";

/// Characters a mojibake run is made of besides Chinese: symbols that real Chinese prose does
/// not put between characters.
fn is_odd_symbol(c: char) -> bool {
    matches!(c,
        '\u{2100}'..='\u{27FF}' | '\u{E000}'..='\u{F8FF}' | '\u{00C0}'..='\u{024F}'
        | '\u{0370}'..='\u{04FF}' | '\u{FFFD}')
        || c.is_ascii_alphanumeric()
        || (c.is_ascii_punctuation() && c != '(')
}

/// The damage found by expression: the expression (compiled on first use), the characters
/// one of which every match of it holds (a text without any is not searched, nor the
/// expression compiled), the reason and the rule.
struct Damage {
    pattern: fn() -> String,
    needs: &'static [char],
    reason: &'static str,
    rule: &'static str,
    compiled: OnceLock<Option<Regex>>,
}

impl Damage {
    fn regex(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| Regex::new(&(self.pattern)()).ok())
            .as_ref()
    }
}

/// The vowels with a tone mark that pinyin writes.
const TONED: [char; 24] = [
    'ā', 'á', 'ǎ', 'à', 'ē', 'é', 'ě', 'è', 'ī', 'í', 'ǐ', 'ì', 'ō', 'ó', 'ǒ', 'ò', 'ū', 'ú', 'ǔ',
    'ù', 'ǖ', 'ǘ', 'ǚ', 'ǜ',
];

static DAMAGE: [Damage; 6] = [
    // `黨內(nèi)`, `时（shí ）候`: a syllable with a tone mark in brackets.
    Damage {
        pattern: || {
            let tone: String = TONED.iter().collect();
            format!(r"\S([(（] ?[a-zü{tone}]*[{tone}][a-zü{tone}]* ?[)）])")
        },
        needs: &['(', '（'],
        reason: PINYIN_REASON,
        rule: "converter-pinyin",
        compiled: OnceLock::new(),
    },
    // `这样的（de ）`: a neutral-tone particle's syllable (`的`, `了`, `们`), which has no tone
    // mark, closed by a space as the toned ones of the same copy are.
    Damage {
        pattern: || r"\S([(（] ?(?:de|le|me|ne|ba|ma|men|zhe|zi|ge|tou) [)）])".to_owned(),
        needs: &['(', '（'],
        reason: PINYIN_REASON,
        rule: "converter-pinyin",
        compiled: OnceLock::new(),
    },
    Damage {
        pattern: || {
            r"(</?[a-z][a-z0-9]*(\s+[a-z\-]+\s*=\s*'[^'<>]*'|\s+[a-z\-]+\s*=\s*[^\s<>]*)*\s*/?>)"
                .to_owned()
        },
        needs: &['<'],
        reason: HTML_REASON,
        rule: "html-residue",
        compiled: OnceLock::new(),
    },
    // `流?/p>性大`: a closing tag that a wrong decoding left with a `?` where its `<` and the
    // character before it were.
    Damage {
        pattern: || r"\p{Han}([?？]/(?:p|div|span|br|strong|em|font|li|td|tr|h[1-6])>)".to_owned(),
        needs: &['>'],
        reason: HTML_REASON,
        rule: "html-residue",
        compiled: OnceLock::new(),
    },
    // `方法不1 / 8得当`: a converted document's page counter (page 1 of 8) run into a sentence.
    Damage {
        pattern: || r"\p{Han}([1-9]\d{0,2} / [1-9]\d{0,2})\p{Han}".to_owned(),
        needs: &['/'],
        reason: PAGE_NUMBER_REASON,
        rule: "page-counter",
        compiled: OnceLock::new(),
    },
    Damage {
        pattern: || r"(\?{3,})".to_owned(),
        needs: &['?'],
        reason: MOJIBAKE_REASON,
        rule: "mojibake",
        compiled: OnceLock::new(),
    },
];

/// Spans of damage in `text`, sorted, not overlapping.
pub(crate) fn detect(text: &str) -> Vec<Flag> {
    let mut spans: Vec<(usize, usize, &'static str, &'static str)> = Vec::new();
    for damage in &DAMAGE {
        // One search per character: each is a fast scan for its bytes, where a search for
        // any of several at once decodes every character.
        if !damage.needs.iter().any(|&c| text.contains(c)) {
            continue;
        }
        for caps in damage
            .regex()
            .into_iter()
            .flat_map(|re| re.captures_iter(text))
        {
            if let Some(m) = caps.get(1) {
                spans.push((m.start(), m.end(), damage.reason, damage.rule));
            }
        }
    }
    mojibake_runs(text, &mut spans);
    forum_noise(text, &mut spans);
    page_chrome(text, &mut spans);
    spans.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
    let mut out: Vec<Flag> = Vec::new();
    for (start, end, reason, rule) in spans {
        match out.last_mut() {
            Some(last) if start < last.end => {
                if end > last.end {
                    last.end = end;
                    last.text = text[last.start..end].to_owned();
                }
            }
            _ => out.push(Flag {
                start,
                end,
                text: text[start..end].to_owned(),
                reason: reason.to_owned(),
                rule: rule.to_owned(),
            }),
        }
    }
    out
}

/// A run starting at U+FFFD, or at a `?` followed by ASCII punctuation or a letter and then
/// other characters (`?!督⒔∪珣椭`, `?;鶎舆M`, `?qū)崿F`), up to the last odd symbol within a
/// few characters: what a wrong decoding leaves where a character was.
fn mojibake_runs(text: &str, spans: &mut Vec<(usize, usize, &'static str, &'static str)>) {
    const WINDOW: usize = 14;
    // A run starts only at `?` or U+FFFD, which most texts hold few of: the characters are
    // looked at only after one.
    let mut from = 0;
    while let Some(at) = next_question_mark_or_replacement(text, from) {
        let mut chars = text[at..].char_indices().map(|(i, c)| (at + i, c));
        let Some((_, c)) = chars.next() else {
            break;
        };
        let following: Vec<(usize, char)> = chars.take(WINDOW).collect();
        let starts = c == '\u{FFFD}'
            || (c == '?'
                && following.first().is_some_and(|&(_, n)| {
                    (n.is_ascii_punctuation() || n.is_ascii_alphabetic()) && n != '?'
                })
                && following.get(1).is_some_and(|&(_, n)| !n.is_ascii()));
        if !starts {
            from = at + c.len_utf8();
            continue;
        }
        // The last character of the run, as (its start, itself); the `?` or U+FFFD at first.
        let mut last = (at, c);
        for (j, &(i, n)) in following.iter().enumerate() {
            if n.is_whitespace() || matches!(n, '(' | '，' | '。' | ',' | '“' | '”') {
                let previous = j.checked_sub(1).map_or((at, c), |p| following[p]);
                if n == ',' && previous.1 == '?' {
                    last = previous;
                }
                break;
            }
            if is_odd_symbol(n) {
                last = (i, n);
            }
        }
        let end = last.0 + last.1.len_utf8();
        spans.push((at, end, MOJIBAKE_REASON, "mojibake"));
        from = end;
    }
}

/// Where the next `?` or U+FFFD starts, at `from` or after. Found by their bytes (`?`, and the
/// lead byte of U+FFFD, `EF`), many at a time, rather than by decoding every character.
fn next_question_mark_or_replacement(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'?', 0xEF, bytes.get(from..)?)
        .map(|found| from + found)
        .find(|&at| bytes[at] == b'?' || text[at..].starts_with('\u{FFFD}'))
}

/// Discuz inserts runs of one- or two-character ASCII tokens between lines
/// (`) e# p6 p8 P& ~9 ]+ A" o`). A run of at least four such tokens, some with punctuation and
/// some with letters, is noise; its last token may touch the text that follows.
fn forum_noise(text: &str, spans: &mut Vec<(usize, usize, &'static str, &'static str)>) {
    static RUN: OnceLock<Option<Regex>> = OnceLock::new();
    // A run holds at least three spaces; most texts hold none, and the expression, which
    // starts with no word to look for, would read all of them.
    if memchr::memchr_iter(b' ', text.as_bytes()).nth(2).is_none() {
        return;
    }
    let Some(run) =
        RUN.get_or_init(|| Regex::new(r"(?:[!-~]{1,2} +){3,}[!-~]{1,2}(?: |$|[^!-~ ])").ok())
    else {
        return;
    };
    for m in run.find_iter(text) {
        let piece = m.as_str();
        let body_end = piece
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_ascii_graphic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let body = &piece[..body_end];
        let tokens: Vec<&str> = body.split(' ').filter(|t| !t.is_empty()).collect();
        let punct = tokens
            .iter()
            .filter(|t| t.chars().any(|c| c.is_ascii_punctuation()))
            .count();
        let letters = tokens
            .iter()
            .filter(|t| t.chars().any(|c| c.is_ascii_alphabetic()))
            .count();
        // A token that touches a Chinese character before the run is part of a word (`2025`).
        let glued_before = text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        // A lone colon first is the sentence's own (`存在的一些问题 : P* C;`).
        let mid_line = text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c != '\n');
        let skip = if mid_line && body.starts_with(": ") {
            2
        } else {
            0
        };
        if tokens.len() >= 4 && punct >= 2 && letters >= 2 && !glued_before {
            spans.push((
                m.start() + skip,
                m.start() + body_end,
                NOISE_REASON,
                "forum-noise",
            ));
        }
    }
}

fn is_breadcrumb(line: &str) -> bool {
    let line = line.trim();
    [
        "当前位置",
        "您的位置",
        "你的位置",
        "當前位置",
        "首页 >",
        "首页>",
    ]
    .iter()
    .any(|w| line.starts_with(w))
}

fn is_lone_date(line: &str) -> bool {
    static DATE: OnceLock<Option<Regex>> = OnceLock::new();
    DATE.get_or_init(|| Regex::new(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$").ok())
        .as_ref()
        .is_some_and(|re| re.is_match(line.trim()))
}

/// Line-shaped chrome: short navigation words above a breadcrumb (`党政工作`, `热点文章`), a lone
/// date among the first lines under the title, and a list of related links (`(1)、…材料`)
/// closing the page.
fn page_chrome(text: &str, spans: &mut Vec<(usize, usize, &'static str, &'static str)>) {
    let lines: Vec<(usize, usize)> = line_ranges(text)
        .into_iter()
        .filter(|&(s, e)| !text[s..e].trim().is_empty())
        .collect();
    let trimmed = |(s, e): (usize, usize)| {
        let line = &text[s..e];
        let lead = line.len() - line.trim_start().len();
        (s + lead, s + lead + line.trim().len())
    };
    if let Some(crumb) = lines
        .iter()
        .take(8)
        .position(|&(s, e)| is_breadcrumb(&text[s..e]))
    {
        for &(s, e) in &lines[..crumb] {
            let line = text[s..e].trim();
            if line.chars().count() <= 8 && !line.contains(['。', '，', ',', '：', ':']) {
                let (s, e) = trimmed((s, e));
                spans.push((s, e, CHROME_REASON, "chrome-nav-words"));
            }
        }
    }
    for &(s, e) in lines.iter().take(4).skip(1) {
        if is_lone_date(&text[s..e]) {
            let (s, e) = trimmed((s, e));
            spans.push((s, e, CHROME_REASON, "chrome-date-line"));
        }
    }
    // Related links at the end: `(1)、…` lines without a sentence end, at least three.
    let mut tail = Vec::new();
    for &(s, e) in lines.iter().rev() {
        let line = text[s..e].trim();
        let numbered = line
            .strip_prefix(['(', '（'])
            .and_then(|rest| {
                let close = rest.find([')', '）'])?;
                let digits = &rest[..close];
                let after = rest[close..].strip_prefix([')', '）'])?;
                Some(
                    !digits.is_empty()
                        && digits.chars().all(|d| d.is_ascii_digit())
                        && after.starts_with('、'),
                )
            })
            .unwrap_or(false);
        if numbered && line.chars().count() <= 30 && !line.contains(['。', '；', ';']) {
            tail.push((s, e));
        } else {
            break;
        }
    }
    if tail.len() >= 3 {
        for (s, e) in tail {
            let (s, e) = trimmed((s, e));
            spans.push((s, e, CHROME_REASON, "chrome-related-links"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        detect(text).into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn pinyin_after_characters_goes_but_plain_brackets_stay() {
        assert_eq!(found("黨內(nèi)民主生活會(huì)"), ["(nèi)", "(huì)"]);
        assert!(found("党(工)委31个，(1)认领专题，ABC(abc)").is_empty());
        assert_eq!(
            found("我刚来北京的时（shí ）候，开改(gǎi )装车，这样的（de ）主要原因"),
            ["（shí ）", "(gǎi )", "（de ）"]
        );
        assert!(found("进行初始化(init)，文件(readme )，（初心）").is_empty());
    }

    #[test]
    fn a_tag_that_lost_its_bracket_and_a_page_counter_go() {
        assert_eq!(
            found("呈现出“流?/p>性大”，梯队结构严重不合理？/p>年富力强"),
            ["?/p>", "？/p>"]
        );
        assert_eq!(found("处理不及时、方法不1 / 8得当、措施不到位"), ["1 / 8"]);
        assert!(found("约占 1 / 3，比例为1/8，a/p>b，网址/p>").is_empty());
    }

    #[test]
    fn question_marks_and_replacement_characters_are_found_among_full_width_marks() {
        let text = "学习（一）：是否？a?b，\u{FFFD}。\u{FFFD}";
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = next_question_mark_or_replacement(text, from) {
            found.push(at);
            from = at + 1;
        }
        let expected: Vec<usize> = text
            .char_indices()
            .filter(|&(_, c)| c == '?' || c == '\u{FFFD}')
            .map(|(i, _)| i)
            .collect();
        assert_eq!(found, expected);
        assert_eq!(found.len(), 3);
        assert_eq!(
            next_question_mark_or_replacement(text, text.len() + 1),
            None
        );
    }

    #[test]
    fn mojibake_runs_are_flagged_and_questions_kept() {
        assert_eq!(
            found("措施?!督⒔∪珣椭魏皖A(yù)防腐"),
            ["?!督⒔∪珣椭魏皖A", "(yù)"]
        );
        assert_eq!(
            found("要經�?吹阶约旱牟蛔阒帲J真開展"),
            ["�?吹阶约旱牟蛔阒帲J"]
        );
        assert_eq!(found("??? 查擺問題"), ["???"]);
        assert!(found("要不要写个人对照检查材料呢?我个人认为是不需要写的").is_empty());
    }

    #[test]
    fn forum_noise_goes_but_figures_and_english_stay() {
        assert_eq!(
            found("存在的一些问题 : P* C; l: A% y; R _\n一是"),
            ["P* C; l: A% y; R _"]
        );
        assert_eq!(
            found("4 ~1 B3 n% ?# S& |& a3 o) P抓作风"),
            ["4 ~1 B3 n% ?# S& |& a3 o) P"]
        );
        assert!(found("2025 年 3 月 4 日 in a b c d").is_empty());
        assert!(found("the Central Government has a big plan").is_empty());
    }

    #[test]
    fn related_links_closing_a_page_go_but_numbered_text_stays() {
        let text = "正文。\n(1)、支部会议记录\n（2）、个人剖析材料\n(3)、关于";
        assert_eq!(found(text).len(), 3);
        assert!(found("（1）、学习不够\n（2）学习不深。").is_empty());
    }

    #[test]
    fn html_tags_go() {
        assert_eq!(
            found("<p class=\"ql-block\">一是</p>"),
            ["<p class=\"ql-block\">", "</p>"]
        );
    }
}
