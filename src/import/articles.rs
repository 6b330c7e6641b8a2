//! Compilations: 范文 pages often hold several articles (`篇一：…` `篇二：…`, `【篇一】`,
//! `第一篇：…`). The user picks one to import; the text before the first marker (the page's
//! title) goes with the first article.

use crate::clean::marks::mark_at;
use regex::Regex;
use std::sync::OnceLock;

/// One article of a compilation: its byte range in the material and a title to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub start: usize,
    pub end: usize,
    /// The marker's own title (`篇二：某某同志对照检查材料`), or the article's first line.
    pub title: String,
}

/// Longest title shown for an article, in characters.
const MAX_ARTICLE_TITLE_CHARS: usize = 40;

fn marker() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?m)(?:^[ \t\u{3000}]*(?:篇\s*(?P<a>[一二三四五六七八九十]{1,3}|\d{1,2})|第\s*(?P<b>[一二三四五六七八九十]{1,3}|\d{1,2})\s*篇)\s*[:：]?|【\s*(?:篇\s*(?P<c>[一二三四五六七八九十]{1,3}|\d{1,2})|第\s*(?P<d>[一二三四五六七八九十]{1,3}|\d{1,2})\s*篇)\s*】)",
        )
        .ok()
    })
    .as_ref()
}

fn number(text: &str) -> Option<usize> {
    if let Ok(n) = text.parse() {
        return Some(n);
    }
    // `一` … `十三`: read through the numbering marks, which know Chinese numerals.
    let probe = format!("{text}、");
    mark_at(&probe).map(|m| m.number)
}

/// The articles of `text` when it is a compilation of two or more (markers numbered 1, 2, …
/// in order); otherwise one article covering everything.
pub fn articles(text: &str) -> Vec<Article> {
    let whole = || {
        vec![Article {
            start: 0,
            end: text.len(),
            title: first_line(text),
        }]
    };
    // Every marker holds 篇 once: a text with fewer than two is a single article, and the
    // marker's expression need not be compiled for it (nor a megabyte read by it).
    if text.matches('篇').nth(1).is_none() {
        return whole();
    }
    let Some(re) = marker() else {
        return whole();
    };
    let mut starts: Vec<(usize, usize)> = Vec::new();
    for caps in re.captures_iter(text) {
        let Some(whole_match) = caps.get(0) else {
            continue;
        };
        let n = ["a", "b", "c", "d"]
            .iter()
            .find_map(|g| caps.name(g))
            .and_then(|m| number(m.as_str()));
        if n == Some(starts.len() + 1) {
            starts.push((whole_match.start(), whole_match.end()));
        }
    }
    if starts.len() < 2 {
        return whole();
    }
    starts
        .iter()
        .enumerate()
        .map(|(i, &(marker_start, marker_end))| {
            let start = if i == 0 { 0 } else { marker_start };
            let end = starts.get(i + 1).map_or(text.len(), |s| s.0);
            Article {
                start,
                end,
                title: first_line(&text[marker_end..end]),
            }
        })
        .collect()
}

fn first_line(text: &str) -> String {
    let line = text.trim_start().lines().next().unwrap_or_default().trim();
    let mut title: String = line.chars().take(MAX_ARTICLE_TITLE_CHARS).collect();
    if line.chars().count() > MAX_ARTICLE_TITLE_CHARS {
        title.push('…');
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compilation_splits_at_its_markers() {
        let text = "对照检查材料3篇\n篇一：张三的材料\n一是学习不够。\n篇二：李四的材料\n一是作风不实。\n篇三：王五的材料\n正文。";
        let found = articles(text);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].start, 0);
        assert!(text[found[0].start..found[0].end].contains("对照检查材料3篇"));
        assert_eq!(found[1].title, "李四的材料");
        assert!(text[found[2].start..].starts_with("篇三"));
        assert_eq!(found[2].end, text.len());
    }

    #[test]
    fn bracketed_markers_inside_a_flattened_line() {
        let text = "调研3篇【篇一】一、现状。【篇二】一、问题。";
        let found = articles(text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[1].start..found[1].end], "【篇二】一、问题。");
    }

    #[test]
    fn one_marker_or_words_in_a_sentence_are_no_compilation() {
        assert_eq!(articles("篇一：材料\n一是学习不够。").len(), 1);
        assert_eq!(articles("写好每一篇材料，第一篇要紧。").len(), 1);
    }
}
