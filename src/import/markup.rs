//! Markdown left in material: the copy button of an AI chat, a note app or a Markdown page
//! gives `### 一、存在的问题`, `**一是学习不够深入。**对…` and `- 对…`. Its marks are
//! formatting, not text, and they stand before the numbering the parse reads
//! (`**（一）…**` starts with `*`, not with `（一）`), so a page of them imported as one opening
//! with no category at all.
//!
//! Pages saved by a web clipper carry Markdown's other parts: a front matter of `key: value`
//! lines between `---` at the top, and pictures and links (`![](https://…)`, `[原文](…)`).
//! They are the page's furniture, never the speech: they go as site junk does, shown in the
//! list of what was cut and restorable, where a link's brackets and address go with the marks
//! and its words stay.
//!
//! The marks are blanked, each byte by an ASCII space, so that every offset into the material
//! stays what it was: what the ad detection flags and what the user restores still point at
//! the same characters. The whitespace repair then takes the spaces out. Only what is
//! Markdown beyond doubt is blanked: `**` that encloses text with a Chinese character in it
//! and stands apart from figures (`20**年**月` is a date left to be filled in), and marks at
//! the start of a line followed by a space (`#话题#` is not a heading).

use crate::clean::Flag;
use std::borrow::Cow;
use std::ops::Range;

/// What Markdown holds in a material.
pub(super) struct Markup {
    /// The material with the marks blanked.
    pub text: String,
    /// The marks, in text order: formatting, consumed like numbering marks.
    pub marks: Vec<String>,
    /// The front matter and the pictures, to be cut as site junk: sorted, not overlapping.
    pub junk: Vec<Flag>,
}

/// The material's Markdown: its marks blanked and listed, its furniture found.
pub(super) fn read(text: &str) -> Markup {
    let mut markup = Markup {
        text: String::new(),
        marks: Vec::new(),
        junk: Vec::new(),
    };
    if !text.contains(['*', '#', '>', '-', '+', '_', '[']) {
        markup.text = text.to_owned();
        return markup;
    }
    let mut out = text.as_bytes().to_vec();
    let matter = front_matter(text);
    if matter > 0 {
        markup
            .junk
            .push(junk(text, 0..matter, "页面属性", "markdown_front_matter"));
    }
    let mut line_start = matter;
    for line in text[matter..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let lead = line_marks(content);
        let mut blank = |range: Range<usize>, marks: &mut Vec<String>| {
            marks.push(content[range.clone()].to_owned());
            blank_range(&mut out, line_start + range.start, line_start + range.end);
        };
        if let Some(rule) = thematic_break(content) {
            blank(rule, &mut markup.marks);
        } else {
            for range in lead.iter().cloned() {
                blank(range, &mut markup.marks);
            }
            let from = lead.last().map_or(0, |r| r.end);
            for at in emphasis(&content[from..]) {
                blank(from + at..from + at + 2, &mut markup.marks);
            }
            for (range, picture) in pictures_and_links(&content[from..]) {
                let range = line_start + from + range.start..line_start + from + range.end;
                if picture {
                    markup
                        .junk
                        .push(junk(text, range, "图片", "markdown_picture"));
                } else {
                    blank(
                        range.start - line_start..range.end - line_start,
                        &mut markup.marks,
                    );
                }
            }
        }
        line_start += line.len();
    }
    markup.text = into_text(out, text);
    markup
}

impl Markup {
    /// The material as a reader of the page sees it: the marks and the furniture blanked, line
    /// breaks kept. The page-wide reading of site junk (which line is the title, what repeats
    /// it) looks at this, so that a front matter's `title:` is not taken for the title and the
    /// heading that is the title cut as its copy.
    pub fn page_view(&self) -> Cow<'_, str> {
        if self.junk.is_empty() {
            return Cow::Borrowed(&self.text);
        }
        let mut out = self.text.clone().into_bytes();
        for flag in &self.junk {
            blank_range(&mut out, flag.start, flag.end);
        }
        Cow::Owned(into_text(out, &self.text))
    }
}

/// `range` of `text` as site junk of the kind `what`.
fn junk(text: &str, range: Range<usize>, what: &str, rule: &str) -> Flag {
    Flag {
        start: range.start,
        end: range.end,
        text: text[range].to_owned(),
        reason: format!("网站信息：{what}"),
        rule: rule.to_owned(),
    }
}

/// How long the front matter at the top of `text` is, in bytes, with its line break: `---`,
/// lines of `key: value` with an ASCII key, `---`. Zero when there is none.
fn front_matter(text: &str) -> usize {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return 0;
    };
    let mut at = text.len() - rest.len();
    for line in rest.split_inclusive('\n').take(40) {
        let content = line.trim_end();
        at += line.len();
        if content == "---" {
            return at;
        }
        let keyed = content.split_once(':').is_some_and(|(key, _)| {
            !key.is_empty()
                && key
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        });
        // A list under a key (`tags:` then `  - 党建`).
        let listed = content.trim_start().starts_with("- ") && line.starts_with(' ');
        if !keyed && !listed {
            return 0;
        }
    }
    0
}

/// The byte ranges in `line` of a picture (`![说明](https://…)`, all of it: the text cannot
/// show it), true beside it, and of a link's brackets and address (`[原文](https://…)`: its
/// words stay).
fn pictures_and_links(line: &str) -> Vec<(Range<usize>, bool)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = line[from..].find('[').map(|i| from + i) {
        let Some(close) = line[open + 1..].find("](").map(|i| open + 1 + i) else {
            break;
        };
        let address = close + 2;
        let end = line[address..]
            .find(|c: char| c == ')' || c.is_whitespace())
            .map(|i| address + i)
            .filter(|&end| line[end..].starts_with(')'));
        let words = &line[open + 1..close];
        let looks_like_address = line[address..].starts_with(['h', '/', '#', '.']);
        let (Some(end), true) = (end, looks_like_address && !words.contains('[')) else {
            from = open + 1;
            continue;
        };
        if line[..open].ends_with('!') {
            found.push((open - 1..end + 1, true));
        } else {
            found.push((open..open + 1, false));
            found.push((close..end + 1, false));
        }
        from = end + 1;
    }
    found
}

/// Blanks `from..to` of `out`, each byte but a line break by an ASCII space.
fn blank_range(out: &mut [u8], from: usize, to: usize) {
    for byte in &mut out[from..to] {
        if !matches!(*byte, b'\n' | b'\r') {
            *byte = b' ';
        }
    }
}

/// `bytes`, `original` with whole characters blanked: each byte of them became a space, so the
/// bytes are still UTF-8 (`original` stands in should they not be).
fn into_text(bytes: Vec<u8>, original: &str) -> String {
    String::from_utf8(bytes).unwrap_or_else(|_| original.to_owned())
}

/// The marks at the start of `line` when it holds Chinese, each a byte range: a heading's `#`s, a quote's `>`s and
/// a list item's `-`, `*` or `+`, each with a space after it.
fn line_marks(line: &str) -> Vec<Range<usize>> {
    let mut marks = Vec::new();
    // A line with no Chinese is no heading or item of a speech: `- 1 -` numbers a page.
    if !line.chars().any(crate::clean::is_han) {
        return marks;
    }
    let mut at = line.len() - line.trim_start_matches([' ', '\t']).len();
    let spaced = |at: usize| line[at..].starts_with([' ', '\t']);
    let hashes = line[at..].bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && spaced(at + hashes) {
        marks.push(at..at + hashes);
        return marks;
    }
    while line[at..].starts_with('>') {
        marks.push(at..at + 1);
        at += 1;
        at += line[at..].len() - line[at..].trim_start_matches([' ', '\t']).len();
    }
    if line[at..].starts_with(['-', '*', '+']) && spaced(at + 1) {
        marks.push(at..at + 1);
    }
    marks
}

/// A line of three or more `-` or `_` alone (spaces between allowed): a rule across the page.
/// The range of its marks. Not `***`: alone on a line it is as often a name left to be filled
/// in under a speech.
fn thematic_break(line: &str) -> Option<Range<usize>> {
    let trimmed = line.trim();
    let first = trimmed.chars().next()?;
    let marks = trimmed.chars().filter(|c| !c.is_whitespace()).count();
    (matches!(first, '-' | '_')
        && marks >= 3
        && trimmed.chars().all(|c| c == first || c == ' ' || c == '\t'))
    .then(|| {
        let start = line.len() - line.trim_start().len();
        start..start + trimmed.len()
    })
}

/// Where a pair of strong emphasis may open: where its line (`line[..at]`, after the marks at
/// the start) or a sentence begins. Mid-sentence, `**` is a name left to be filled in as
/// often as not (`对**村、××社区`, `部署,**街道党工委…推动**街道`).
const OPENS_AFTER: &[char] = &['。', '！', '？', '；', '：', '!', '?', ';', ':'];
/// What may follow a pair that closes on a word, not on a sentence's end (`**学习不够深入**：`).
const CLOSES_BEFORE: &[char] = &[
    '：', ':', '，', ',', '。', '；', ';', '、', '！', '？', '!', '?', '（', '(',
];

/// Where the `**` of each pair of strong emphasis in `line` stands: the pair opens where a
/// line or sentence begins, and closes after a sentence's end or before a mark of punctuation;
/// the text between holds a Chinese character and no `*`, and starts and ends on something
/// else than a space. Two pairs may touch (`**作者：财信****证券公司**`, where an editor split
/// one bold run).
fn emphasis(line: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut from = 0;
    // Where the last pair closed: a pair may open right there, after its `**`.
    let mut closed_at = None;
    let starts_text = |at: usize| {
        line[at..]
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && c != '*')
    };
    while let Some(open) = line[from..].find("**").map(|i| from + i) {
        let inner_start = open + 2;
        let before = line[..open].trim_end();
        let opens = closed_at == Some(open)
            || before.is_empty()
            || (before.len() == line[..open].len() && before.ends_with(OPENS_AFTER));
        let close = (opens && starts_text(inner_start))
            .then(|| line[inner_start..].find("**").map(|i| inner_start + i))
            .flatten();
        let Some(close) = close else {
            from = inner_start;
            continue;
        };
        let inner = &line[inner_start..close];
        let rest = &line[close + 2..];
        let another_opens = rest.starts_with("**") && starts_text(close + 4);
        let ends = inner.ends_with(OPENS_AFTER)
            || rest.trim().is_empty()
            || rest.starts_with(char::is_whitespace)
            || rest.starts_with(CLOSES_BEFORE);
        let closes = !inner.ends_with(char::is_whitespace)
            && inner.chars().any(crate::clean::is_han)
            && (another_opens || ends);
        if closes {
            found.extend([open, close]);
            from = close + 2;
            closed_at = Some(from);
        } else {
            from = inner_start;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blanked(text: &str) -> String {
        let out = read(text).text;
        assert_eq!(out.len(), text.len(), "{text}");
        out
    }

    #[test]
    fn headings_emphasis_lists_and_rules_are_blanked() {
        assert_eq!(blanked("### 一、存在的问题"), "    一、存在的问题");
        assert_eq!(
            blanked("**一是学习不够深入。**对理论学得不深。"),
            "  一是学习不够深入。  对理论学得不深。"
        );
        assert_eq!(blanked("- **（一）学习方面**"), "    （一）学习方面  ");
        assert_eq!(blanked("> 引用的话"), "  引用的话");
        assert_eq!(
            blanked("**作者：财信****证券公司**"),
            "  作者：财信    证券公司  "
        );
        assert_eq!(blanked("---"), "   ");
        assert_eq!(blanked("a\n- - -\nb"), "a\n     \nb");
        assert_eq!(
            read("## 一、问题\n**二是不够**：学用脱节").marks,
            ["##", "**", "**"]
        );
    }

    #[test]
    fn a_clippers_front_matter_pictures_and_links_go() {
        let page = "---\ntitle: 对照检查材料\ntags:\n  - 党建\n---\n\n正文";
        let junk = read(page).junk;
        assert_eq!(junk.len(), 1);
        assert_eq!(
            junk[0].text,
            "---\ntitle: 对照检查材料\ntags:\n  - 党建\n---\n"
        );
        assert_eq!(junk[0].reason, "网站信息：页面属性");
        let picture = read("图![cover](https://a.cn/1.png)下");
        assert_eq!(picture.text, "图![cover](https://a.cn/1.png)下");
        assert_eq!(picture.junk[0].text, "![cover](https://a.cn/1.png)");
        assert_eq!(picture.junk[0].reason, "网站信息：图片");
        assert_eq!(
            blanked("见[原文](https://a.cn/x)。"),
            format!("见 原文{}。", " ".repeat("](https://a.cn/x)".len()))
        );
        // Not a front matter: a rule and then text.
        assert_eq!(
            blanked("---\n一、存在的问题\n---").lines().nth(1),
            Some("一、存在的问题")
        );
        // Brackets of the text itself.
        for text in ["[2024]12号", "【一】", "[注](见下)"] {
            assert_eq!(blanked(text), text);
        }
    }

    #[test]
    fn what_only_looks_like_markdown_stays() {
        for text in [
            "20**年**月**日",
            "***同志",
            "***",
            "#话题#讨论",
            "-3℃以下",
            "- 1 -",
            "**",
            "a**b**c",
            "**abc**",
            "1---2",
            "--、",
            "** 不是强调**",
            "对**村、××社区的项目",
            "下沉**村开展走访时，面对20**年新的任务",
            "按照部署,**街道党工委紧扣主题,推动**街道发展",
            "。**镇领导班子紧扣主题，推动**镇发展",
        ] {
            assert_eq!(blanked(text), text);
        }
    }
}
