//! The folded view of a line: what rules are matched against. Each view character remembers
//! the original byte range it came from, so a match in the view cuts the original text.

use unicode_normalization::UnicodeNormalization;

/// Folded text plus, for every byte of it, the original byte range of its character.
#[derive(Debug, Clone)]
pub(crate) struct View {
    pub text: String,
    /// Per byte of `text`: its character's original range, from `base`. Lines and fields are
    /// far below 4 GiB (material and drafts are capped at tens of megabytes), and half the
    /// width of `usize` halves the memory a long line's view takes.
    /// Empty when the view is the line itself (see [`View::new`]): then a view byte is the
    /// line's byte at the same place.
    map: Vec<(u32, u32)>,
    base: usize,
    /// Characters of the line a reader sees: neither whitespace nor invisible. Counted here
    /// because the view reads every character anyway.
    pub seen: usize,
    /// Whether the line held an invisible character (which the view leaves out).
    pub held_invisible: bool,
}

impl View {
    /// The view of `line`, which starts at byte `base` of the whole text. Most lines of a
    /// speech read as themselves (nothing invisible, folded or skipped): their view is a copy
    /// of the line, without the map of where each byte came from.
    pub fn new(line: &str, base: usize) -> View {
        match seen_if_unchanged(line) {
            Some(seen) => View {
                text: line.to_owned(),
                map: Vec::new(),
                base,
                seen,
                held_invisible: false,
            },
            None => View::mapped(line, base),
        }
    }

    /// The view of `line` built character by character, with the map.
    fn mapped(line: &str, base: usize) -> View {
        let mut view = View {
            text: String::with_capacity(line.len()),
            map: Vec::with_capacity(line.len()),
            base,
            seen: 0,
            held_invisible: false,
        };
        // Runs of junk symbols or spaces that sit between two Chinese characters are
        // skipped; a run waits here until the character after it decides.
        let mut run: Vec<(char, (u32, u32))> = Vec::new();
        let mut after_han = false;
        for (i, c) in line.char_indices() {
            // Most of a page: a Chinese character is seen, folds to itself and is never
            // skipped, which need not be asked of it one test at a time.
            let (folded, skippable) = if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
                view.seen += 1;
                (c, false)
            } else if is_invisible(c) {
                view.held_invisible = true;
                continue;
            } else {
                view.seen += usize::from(!c.is_whitespace());
                let folded = fold_char(c);
                (folded, is_skippable(folded))
            };
            let range = (offset(i), offset(i + c.len_utf8()));
            if skippable {
                run.push((folded, range));
                continue;
            }
            let han = is_han(folded);
            if !(after_han && han) {
                for &(skipped, range) in &run {
                    view.push(skipped, range);
                }
            }
            run.clear();
            view.push(folded, range);
            after_han = han;
        }
        for (skipped, range) in run {
            view.push(skipped, range);
        }
        view
    }

    fn push(&mut self, c: char, range: (u32, u32)) {
        self.text.push(c);
        self.map.extend(std::iter::repeat_n(range, c.len_utf8()));
    }

    /// Original byte range covered by the view range `start..end` (non-empty): from the start
    /// of the character holding `start` to the end of the one holding `end - 1`.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        debug_assert!(start < end && end <= self.text.len());
        if self.map.is_empty() {
            let mut start = start.min(self.text.len());
            while !self.text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = end.min(self.text.len());
            while !self.text.is_char_boundary(end) {
                end += 1;
            }
            return (self.base + start, self.base + end);
        }
        (
            self.base + self.map[start].0 as usize,
            self.base + self.map[end - 1].1 as usize,
        )
    }
}

/// The characters seen in `line` (see [`View::seen`]) when its view is the line itself:
/// nothing in it invisible, folded to another character, or skipped between two Chinese
/// characters. `None` as soon as something is.
fn seen_if_unchanged(line: &str) -> Option<usize> {
    let mut seen = 0;
    let mut after_han = false;
    // A run of skippable characters right after a Chinese character: dropped from the view
    // if a Chinese character follows it.
    let mut run_after_han = false;
    let mut in_run = false;
    for c in line.chars() {
        if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            if in_run && run_after_han {
                return None;
            }
            seen += 1;
            (after_han, in_run) = (true, false);
            continue;
        }
        if is_invisible(c) || fold_char(c) != c {
            return None;
        }
        seen += usize::from(!c.is_whitespace());
        if is_skippable(c) {
            if !in_run {
                (in_run, run_after_han) = (true, after_han);
            }
            continue;
        }
        let han = is_han(c);
        if han && in_run && run_after_han {
            return None;
        }
        (after_han, in_run) = (han, false);
    }
    Some(seen)
}

/// A byte offset within one line or field (see [`View::map`]).
fn offset(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Characters nobody sees: zero-width spaces and joiners, BOM, soft hyphen, direction marks,
/// and control characters other than whitespace.
pub fn is_invisible(c: char) -> bool {
    // The common cases first: ASCII, and Chinese text and punctuation.
    if c.is_ascii() {
        return c.is_ascii_control() && !c.is_whitespace();
    }
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3000}'..='\u{303F}').contains(&c) {
        return false;
    }
    if c.is_whitespace() {
        return false;
    }
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
    ) || c.is_control()
}

/// A Chinese character (CJK ideograph).
pub fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2FFFF}'
            | '\u{30000}'..='\u{3134F}'
    )
}

/// Symbols used to break up keywords (`微^信`, `高&质量~服务`) and spaces. Separators that
/// site chrome uses between words (`编辑 | 张三`, `首页 / 范文`) are not among them.
fn is_skippable(c: char) -> bool {
    c.is_whitespace()
        // Arrows, shapes, dingbats and emoji (`微❤信`), not circled numbers.
        || (('\u{2190}'..='\u{2BFF}').contains(&c) && !('\u{2460}'..='\u{24FF}').contains(&c))
        || ('\u{1F000}'..='\u{1FAFF}').contains(&c)
        || matches!(
            c,
            '^' | '%'
                | '&'
                | '~'
                | '@'
                | '*'
                | '#'
                | '$'
                | '`'
                | '_'
                | '+'
                | '='
                | '\\'
                | '.'
                | '-'
                | '\''
                | '·'
                | '•'
                | '°'
                | '※'
                | '★'
                | '☆'
                | '○'
                | '●'
                | '◆'
                | '◇'
                | '■'
                | '□'
                | '△'
                | '▲'
                | '♀'
                | '♂'
                | '♡'
                | '♥'
                | '∮'
                | '¤'
                | '〓'
                | '﹏'
        )
}

/// Folds compatibility forms: full-width letters, digits and junk symbols to ASCII,
/// ideographic space to a space, other compatibility letters and digits (`①`, `𝐐`) to ASCII.
/// Chinese punctuation such as `：（），。` stays as it is.
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    if c == '\u{3000}' {
        return ' ';
    }
    if ('\u{FF01}'..='\u{FF5E}').contains(&c) {
        if matches!(c, '！' | '（' | '）' | '，' | '：' | '；' | '？') {
            return c;
        }
        return char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
    }
    if is_han(c) && !('\u{F900}'..='\u{FAFF}').contains(&c) {
        return c;
    }
    if folds_to_itself(c) {
        return c;
    }
    compatibility_letter(c)
}

/// The letter, digit or Chinese character `c` is a compatibility form of (`①` → `1`), else
/// `c` itself.
fn compatibility_letter(c: char) -> char {
    let mut folded = c.nfkc();
    match (folded.next(), folded.next()) {
        (Some(f), None) if f.is_ascii_alphanumeric() || is_han(f) => f,
        _ => c,
    }
}

/// Punctuation and symbols common in speeches (`“”`, `、`, `《》`, `—`, box drawing, dingbats)
/// that no compatibility mapping turns into a letter, digit or Chinese character: [`fold_char`]
/// keeps them without the cost of normalising each one.
fn folds_to_itself(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{206F}' | '\u{2500}'..='\u{27BF}' | '\u{3001}'..='\u{3037}' | '\u{FE30}'..='\u{FE4F}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_folds_to_itself_is_what_normalising_keeps() {
        let ranges = [
            '\u{2010}'..='\u{206F}',
            '\u{2500}'..='\u{27BF}',
            '\u{3001}'..='\u{3037}',
            '\u{FE30}'..='\u{FE4F}',
        ];
        for c in ranges.into_iter().flatten() {
            assert!(folds_to_itself(c));
            assert_eq!(compatibility_letter(c), c, "U+{:04X}", c as u32);
        }
        // Just outside: the Hangzhou numeral 〸 reads as 十.
        assert_eq!(fold_char('\u{3038}'), '十');
    }

    #[test]
    fn obfuscation_is_seen_through_but_offsets_stay_original() {
        let line = "直接添加客服微^信：,为您提供高&质量~服务！";
        let view = View::new(line, 10);
        assert!(view.text.contains("微信："));
        assert!(view.text.contains("高质量服务"));
        let at = view.text.find("微信").unwrap();
        let (s, e) = view.original(at, at + "微信".len());
        assert_eq!(&line[s - 10..e - 10], "微^信");
    }

    #[test]
    fn zero_width_and_full_width_fold() {
        let view = View::new("加\u{200B}微\u{FEFF}信：ＡＢＣ１２３", 0);
        assert_eq!(view.text, "加微信：ABC123");
    }

    #[test]
    fn emoji_between_characters_are_skipped() {
        assert_eq!(
            View::new("加微❤信：abc，薇🌸信", 0).text,
            "加微信：abc，薇信"
        );
    }

    /// The shortcut for common Chinese characters gives what the full tests give.
    #[test]
    fn common_chinese_characters_are_seen_kept_and_never_skipped() {
        for c in '\u{4E00}'..='\u{9FFF}' {
            assert!(!is_invisible(c));
            assert_eq!(fold_char(c), c);
            assert!(!is_skippable(c));
            assert!(is_han(c));
        }
    }

    #[test]
    fn the_characters_seen_are_counted_without_spaces_and_invisibles() {
        for (line, seen) in [
            ("", 0),
            (" \u{3000}\t\u{200B}\u{FEFF}", 0),
            ("加\u{200B}微^信：ＡＢＣ　１２３", 11),
            ("一是𠀀学习❤不够。", 9),
        ] {
            assert_eq!(View::new(line, 0).seen, seen, "{line}");
        }
    }

    /// A line read as itself has the view and the offsets the full build gives it.
    #[test]
    fn a_line_that_reads_as_itself_maps_as_the_full_build_does() {
        let mut lines: Vec<String> = [
            "",
            "一是学习不够深入。",
            "2025 年",
            "学 习",
            "学 ^ 习",
            "学^ a习",
            "a ^习",
            "学^",
            "  　一是",
            "加\u{200B}微信",
            "ＡＢＣ１２３",
            "①是",
            "（一）理论学习方面：",
            "“两个确立”、《条例》——",
            "微❤信",
            "𠀀 𠀁",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for page in super::super::real_pages_and_seed() {
            lines.extend(page.lines().map(str::to_owned));
        }
        let (mut unchanged, mut changed) = (0, 0);
        for line in &lines {
            let quick = View::new(line, 7);
            let full = View::mapped(line, 7);
            assert_eq!(quick.text, full.text, "{line}");
            assert_eq!(quick.seen, full.seen, "{line}");
            assert_eq!(
                quick.held_invisible,
                line.chars().any(is_invisible),
                "{line}"
            );
            if !quick.map.is_empty() {
                changed += 1;
                continue;
            }
            unchanged += 1;
            let bounds: Vec<usize> = (0..=quick.text.len())
                .filter(|&i| quick.text.is_char_boundary(i))
                .collect();
            for (k, &start) in bounds.iter().enumerate() {
                for &end in bounds[k + 1..].iter().take(40) {
                    assert_eq!(quick.original(start, end), full.original(start, end));
                }
            }
        }
        assert!(
            unchanged > 100 && changed > 20,
            "{unchanged} unchanged, {changed} not"
        );
    }

    #[test]
    fn masks_next_to_digits_are_kept() {
        assert_eq!(View::new("20**年", 0).text, "20**年");
        assert_eq!(View::new("2025 年", 0).text, "2025 年");
    }
}
