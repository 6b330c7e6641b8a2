//! The title's lines as they print. GB/T 9704-2012 (7.3.3) asks that a title too long for one
//! line be broken "词意完整，排列对称": never inside a word, in lines of balanced length. A line
//! break the writer typed always wins; only a typed line that does not fit is broken here.

/// Characters of 2号 (22 pt) on a line of the 156 mm (442.25 pt) text block.
pub const TITLE_LINE_WIDTH: usize = 20;

/// Words a title is never broken inside, one a line (`#` starts a comment).
const WORD_LIST: &str = include_str!("../../assets/export/title_words.txt");

/// The whole title as it prints: each typed line, broken where it does not fit.
pub fn printed_title(title: &str) -> Vec<String> {
    super::layout::lines(title).flat_map(title_lines).collect()
}

/// Breaks one typed title line into the lines it prints as.
pub fn title_lines(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.trim().chars().collect();
    // Widths in half characters: Latin letters and digits are half as wide as Han characters.
    let widths: Vec<usize> = chars.iter().map(|&c| half_width_units(c)).collect();
    let total: usize = widths.iter().sum();
    let max_line = TITLE_LINE_WIDTH * 2;
    if total <= max_line || chars.len() < 2 {
        return vec![chars.iter().collect()];
    }
    let boundaries = classify_boundaries(&chars);
    let fewest = total.div_ceil(max_line);
    // The fewest lines that need no break inside a word; if every count up to a few more lines
    // would, break inside a word at the fewest lines rather than print a column of stubs.
    let cuts = (fewest..=fewest + 2)
        .filter_map(|lines| best_cuts(&widths, &boundaries, lines, max_line))
        .find(|(cost, _)| *cost < INSIDE_WORD_PENALTY)
        .or_else(|| best_cuts(&widths, &boundaries, fewest, max_line))
        .map(|(_, cuts)| cuts)
        .unwrap_or_default();
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for cut in cuts.into_iter().chain([chars.len()]) {
        out.push(chars[start..cut].iter().collect());
        start = cut;
    }
    out
}

/// The cost of a break inside a word: so high that any other shape wins.
const INSIDE_WORD_PENALTY: f64 = 1e9;

/// How welcome a break is before the character at each index (index 0 is never a break).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Boundary {
    /// Inside a word or a number: never.
    Never,
    /// Between two characters with no word known around them: only when nothing else fits.
    Plain,
    /// At a word's edge, after punctuation or 的, before a bracket: where a reader breaks.
    Word,
}

fn classify_boundaries(chars: &[char]) -> Vec<Boundary> {
    let mut boundaries = vec![Boundary::Plain; chars.len() + 1];
    boundaries[0] = Boundary::Never;
    boundaries[chars.len()] = Boundary::Never;
    // Known words, longest first at each position.
    let words = words();
    let mut i = 0;
    while i < chars.len() {
        let matched = words
            .iter()
            .filter(|w| chars[i..].starts_with(w))
            .map(Vec::len)
            .max();
        match matched {
            Some(len) => {
                for b in &mut boundaries[i + 1..i + len] {
                    *b = Boundary::Never;
                }
                mark_word(&mut boundaries, i);
                mark_word(&mut boundaries, i + len);
                i += len;
            }
            None => i += 1,
        }
    }
    for (i, pair) in chars.windows(2).enumerate() {
        let at = i + 1;
        let (before, after) = (pair[0], pair[1]);
        // Numbers stay whole, with the 年/月/届 they count.
        let digit_run = before.is_ascii_alphanumeric()
            && (after.is_ascii_alphanumeric() || matches!(after, '年' | '月' | '日' | '届'));
        // A bracket or quotation stays with what it encloses.
        let opens = matches!(before, '（' | '(' | '“' | '《' | '〈' | '「');
        let closes = matches!(
            after,
            '）' | ')' | '”' | '》' | '〉' | '」' | '，' | '、' | '：'
        );
        if digit_run || opens || closes {
            boundaries[at] = Boundary::Never;
        } else if matches!(
            before,
            '，' | '、' | '：' | '）' | '”' | '》' | '的' | '和' | '与'
        ) || matches!(after, '（' | '“' | '《')
        {
            mark_word(&mut boundaries, at);
        }
    }
    boundaries
}

fn mark_word(boundaries: &mut [Boundary], at: usize) {
    if boundaries[at] == Boundary::Plain {
        boundaries[at] = Boundary::Word;
    }
}

fn words() -> Vec<Vec<char>> {
    WORD_LIST
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.chars().collect())
        .collect()
}

fn half_width_units(c: char) -> usize {
    if c.is_ascii() { 1 } else { 2 }
}

/// The cut positions (`lines - 1` of them) that give the most even lines no wider than
/// `max_line`, breaking at word edges where possible, with their cost; None when no cuts fit.
fn best_cuts(
    widths: &[usize],
    boundaries: &[Boundary],
    lines: usize,
    max_line: usize,
) -> Option<(f64, Vec<usize>)> {
    // prefix[i] = width of chars[..i]
    let mut prefix = Vec::with_capacity(widths.len() + 1);
    prefix.push(0);
    for w in widths {
        prefix.push(prefix[prefix.len() - 1] + w);
    }
    let n = widths.len();
    let total = prefix[n];
    let mean = total as f64 / lines as f64;
    // A plain break costs as much as lines four characters out of balance.
    let plain_penalty = (8.0f64).powi(2);
    // cost[k][i]: the best cost of the first i characters as k lines; DP over cut positions.
    let mut cost = vec![vec![f64::INFINITY; n + 1]; lines + 1];
    let mut from = vec![vec![0usize; n + 1]; lines + 1];
    cost[0][0] = 0.0;
    for k in 1..=lines {
        for end in 1..=n {
            if k == lines && end != n {
                continue;
            }
            let end_penalty = if end == n {
                0.0
            } else {
                match boundaries[end] {
                    Boundary::Never => INSIDE_WORD_PENALTY,
                    Boundary::Plain => plain_penalty,
                    Boundary::Word => 0.0,
                }
            };
            for start in (k - 1)..end {
                let previous = cost[k - 1][start];
                if !previous.is_finite() {
                    continue;
                }
                let width = prefix[end] - prefix[start];
                if width > max_line {
                    continue;
                }
                // Balanced lines; on a tie the upper line is the longer (an inverted trapezoid).
                let imbalance = (width as f64 - mean).powi(2);
                let shape = if k > 1 && width > prefix[start] - prefix[from[k - 1][start]] {
                    0.5
                } else {
                    0.0
                };
                let candidate = previous + imbalance + end_penalty + shape;
                if candidate < cost[k][end] {
                    cost[k][end] = candidate;
                    from[k][end] = start;
                }
            }
        }
    }
    let best = cost[lines][n];
    if !best.is_finite() {
        return None;
    }
    let mut cuts = Vec::with_capacity(lines - 1);
    let mut end = n;
    for k in (1..=lines).rev() {
        let start = from[k][end];
        if k > 1 {
            cuts.push(start);
        }
        end = start;
    }
    cuts.reverse();
    Some((best, cuts))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn width(line: &str) -> usize {
        line.chars().map(half_width_units).sum()
    }

    #[test]
    fn a_short_title_stays_one_line() {
        assert_eq!(
            title_lines("2024年度民主生活会个人对照检查材料"),
            vec!["2024年度民主生活会个人对照检查材料"]
        );
    }

    #[test]
    fn the_seed_title_breaks_between_words_not_inside_材料() {
        let lines = title_lines("2023年主题教育专题民主生活会剖析发言材料（五）（问题部分）");
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines.iter().all(|l| width(l) <= TITLE_LINE_WIDTH * 2));
        assert!(!lines[0].ends_with("材"), "{lines:?}");
        assert_eq!(
            lines.concat(),
            "2023年主题教育专题民主生活会剖析发言材料（五）（问题部分）"
        );
        // Every break sits at a known word's edge.
        assert!(
            lines[0].ends_with("民主生活会") || lines[0].ends_with("剖析发言材料"),
            "{lines:?}"
        );
    }

    /// Every built-in template's title, alone and under a unit's name as offices write them,
    /// prints within the line, never broken inside a listed word, and never leaves a stub.
    #[test]
    fn every_template_title_breaks_between_words_in_balanced_lines() {
        let words: Vec<&str> = WORD_LIST
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        for template in crate::draft::Template::builtin() {
            for title in [
                template.title.clone(),
                format!("中共××市××区委常委领导班子{}", template.title),
                format!("××局党组书记、局长×××同志{}", template.title),
            ] {
                let lines = title_lines(&title);
                assert_eq!(lines.concat(), title);
                assert!(
                    lines.iter().all(|l| width(l) <= TITLE_LINE_WIDTH * 2),
                    "{lines:?}"
                );
                let mut cut = 0;
                for line in &lines[..lines.len() - 1] {
                    cut += line.chars().count();
                    let chars: Vec<char> = title.chars().collect();
                    for word in &words {
                        let n = word.chars().count();
                        for start in cut.saturating_sub(n - 1)..cut {
                            let inside: String =
                                chars[start..(start + n).min(chars.len())].iter().collect();
                            assert!(inside != *word, "{word} broken in {lines:?}");
                        }
                    }
                }
                if let [first, second] = lines.as_slice() {
                    let (a, b) = (width(first), width(second));
                    assert!(a.min(b) * 3 >= a.max(b), "a stub line: {lines:?}");
                }
            }
        }
    }

    #[test]
    fn lines_are_balanced() {
        let title = "深入贯彻中央八项规定精神学习教育专题民主生活会个人对照检查材料";
        let lines = title_lines(title);
        assert_eq!(lines.len(), 2);
        let (a, b) = (width(&lines[0]) as i64, width(&lines[1]) as i64);
        assert!((a - b).abs() <= 12, "{lines:?}");
        assert_eq!(lines.concat(), title);
    }

    #[test]
    fn numbers_and_brackets_stay_whole() {
        let lines =
            title_lines("某某同志在2025年度党委领导班子专题民主生活会上的对照检查发言（发言提纲）");
        for pair in lines.windows(2) {
            let last = pair[0].chars().last().unwrap_or(' ');
            let first = pair[1].chars().next().unwrap_or(' ');
            assert!(
                !(last.is_ascii_digit() && first.is_ascii_digit()),
                "{lines:?}"
            );
            assert_ne!(first, '）', "{lines:?}");
            assert_ne!(last, '（', "{lines:?}");
        }
    }

    #[test]
    fn a_title_with_no_known_words_still_fits_the_line() {
        let title = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒";
        let lines = title_lines(title);
        assert!(lines.iter().all(|l| width(l) <= TITLE_LINE_WIDTH * 2));
        assert_eq!(lines.concat(), title);
    }

    #[test]
    fn an_unbreakable_word_longer_than_a_line_is_still_broken_somewhere() {
        let title = "习近平新时代中国特色社会主义思想习近平新时代中国特色社会主义思想";
        let lines = title_lines(title);
        assert_eq!(lines.concat(), title);
        assert!(lines.len() >= 2);
    }
}
