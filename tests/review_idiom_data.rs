//! Where `assets/review/idioms.txt` comes from, and the command that makes it again.
//!
//! The idiom check (`src/review/idiom.rs`) needs these lists: the four-character idioms
//! (成语), the four-character words that are not idioms although one look-alike or sound-alike
//! character away from one (`集思广益` beside the variant `积思广益`: they must never be
//! "corrected"), and which characters are taken for which (`黔`/`潜`, `躁`/`燥`); and a fourth,
//! common two-character words, for the characters on either side of four (`精力不集中`).
//! All four are derived from the data that ships with pycorrector 1.1.4 (Apache-2.0,
//! <https://pypi.org/project/pycorrector/>): `word_freq.txt` (jieba's dictionary with
//! frequencies and parts of speech, MIT), `same_pinyin.txt` and `same_stroke.txt`.
//!
//! ```sh
//! pip download --no-deps pycorrector==1.1.4 && unzip pycorrector-1.1.4-py3-none-any.whl
//! POUXI_PYCORRECTOR_DATA=pycorrector/data cargo test --test review_idiom_data -- --ignored
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// Idioms seen fewer times than this in jieba's counts are mostly misprints of others.
const MIN_IDIOM_COUNT: u64 = 3;
/// A non-idiom word next to an idiom is kept as a word of its own only when it is seen at
/// least a tenth as often as that idiom; rarer ones are the dictionary's own misprints
/// (`再接再励` 3 beside `再接再厉` 115).
const WORD_SHARE: u64 = 10;

/// Words of two doubled characters (`浑浑噩噩`, `兢兢业业`) are set phrases like idioms,
/// though jieba tags many of them as state words rather than idioms; kept when seen this often.
const MIN_DOUBLED_COUNT: u64 = 10;

/// Two-character words seen at least this often are kept for the edges of a window: a slip's
/// first or last character that makes such a word with its neighbour outside the four belongs
/// to that word (`精力不集中` holds `集中`, not `精力不济` miswritten).
const MIN_TWO_WORD_COUNT: u64 = 300;

/// Whether `word` is of the shape AABB.
fn is_doubled(word: &str) -> bool {
    let c: Vec<char> = word.chars().collect();
    c.len() == 4 && c[0] == c[1] && c[2] == c[3] && c[0] != c[2]
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

fn four_han(word: &str) -> bool {
    word.chars().count() == 4 && word.chars().all(is_han)
}

fn replaced(word: &str, at: usize, by: char) -> String {
    word.chars()
        .enumerate()
        .map(|(i, c)| if i == at { by } else { c })
        .collect()
}

#[test]
#[ignore = "regenerates assets/review/idioms.txt from pycorrector's data (see the module doc)"]
fn derive_the_idiom_lists() {
    let data = std::env::var("POUXI_PYCORRECTOR_DATA")
        .expect("POUXI_PYCORRECTOR_DATA names pycorrector's data folder");
    let data = Path::new(&data);
    let read = |name: &str| std::fs::read_to_string(data.join(name)).expect(name);

    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut idioms: BTreeSet<String> = BTreeSet::new();
    let mut two_words: BTreeSet<String> = BTreeSet::new();
    for line in read("word_freq.txt").lines() {
        let mut fields = line.split_whitespace();
        let (Some(word), Some(count)) = (fields.next(), fields.next()) else {
            continue;
        };
        let count: u64 = count.parse().unwrap_or(0);
        if word.chars().count() == 2 && word.chars().all(is_han) && count >= MIN_TWO_WORD_COUNT {
            two_words.insert(word.to_owned());
        }
        if !four_han(word) {
            continue;
        }
        let entry = counts.entry(word.to_owned()).or_default();
        *entry = (*entry).max(count);
        if fields.next() == Some("i") && count >= MIN_IDIOM_COUNT
            || is_doubled(word) && count >= MIN_DOUBLED_COUNT
        {
            idioms.insert(word.to_owned());
        }
    }

    // Which characters a written one may stand for: pycorrector's same_pinyin.txt lists, for
    // each character, the ones that sound the same or nearly so (one way: 生 lists 身, while 身
    // does not list 生, and taking both ways flagged the oath's 奋斗终身 as 奋斗终生);
    // same_stroke.txt groups look-alikes, each for each.
    let mut confusable: BTreeMap<char, BTreeSet<char>> = BTreeMap::new();
    let mut may_stand_for = |written: char, meant: char| {
        if written != meant && is_han(written) && is_han(meant) {
            confusable.entry(written).or_default().insert(meant);
        }
    };
    for line in read("same_pinyin.txt").lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut columns = line.split('\t');
        let Some(head) = columns.next().and_then(|c| c.chars().next()) else {
            continue;
        };
        for column in columns {
            for other in column.chars() {
                may_stand_for(head, other);
            }
        }
    }
    for line in read("same_stroke.txt").lines() {
        let group: Vec<char> = line.split_whitespace().flat_map(str::chars).collect();
        for &a in &group {
            for &b in &group {
                may_stand_for(a, b);
            }
        }
    }

    let mut words = BTreeSet::new();
    for (word, &count) in &counts {
        if idioms.contains(word) {
            continue;
        }
        let chars: Vec<char> = word.chars().collect();
        let nearest = (0..4)
            .flat_map(|at| {
                confusable
                    .get(&chars[at])
                    .into_iter()
                    .flatten()
                    .map(move |&by| replaced(word, at, by))
            })
            .filter(|near| idioms.contains(near))
            .map(|near| counts.get(&near).copied().unwrap_or(0))
            .max();
        if nearest.is_some_and(|nearest| count * WORD_SHARE >= nearest) {
            words.insert(word.clone());
        }
    }

    let used: BTreeSet<char> = idioms.iter().flat_map(|w| w.chars()).collect();
    let mut out = String::new();
    out.push_str(
        "# Pouxi 成语表 / the idiom check's lists (src/review/idiom.rs), made by\n\
         # tests/review_idiom_data.rs from pycorrector 1.1.4's data (Apache-2.0): word_freq.txt\n\
         # (jieba's dictionary, MIT), same_pinyin.txt, same_stroke.txt. Do not edit by hand.\n\
         # [confusable]: a written character, a space, the idiom characters it may stand for.\n\
         # [two]: common two-character words, for the characters on either side of four.\n",
    );
    let _ = writeln!(out, "[idioms] {}", idioms.len());
    for idiom in &idioms {
        out.push_str(idiom);
        out.push('\n');
    }
    let _ = writeln!(out, "[words] {}", words.len());
    for word in &words {
        out.push_str(word);
        out.push('\n');
    }
    let lines: Vec<(char, Vec<char>)> = confusable
        .iter()
        .map(|(written, meant)| (*written, meant.intersection(&used).copied().collect()))
        .filter(|(_, meant): &(char, Vec<char>)| !meant.is_empty())
        .collect();
    let _ = writeln!(out, "[confusable] {}", lines.len());
    for (written, meant) in &lines {
        out.push(*written);
        out.push(' ');
        out.extend(meant.iter());
        out.push('\n');
    }
    let _ = writeln!(out, "[two] {}", two_words.len());
    for word in &two_words {
        out.push_str(word);
        out.push('\n');
    }
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/review/idioms.txt");
    std::fs::write(&target, out).expect("assets/review/idioms.txt is written");
    println!(
        "{} idioms, {} words beside them, {} characters that may stand for others, {} two-character words",
        idioms.len(),
        words.len(),
        lines.len(),
        two_words.len()
    );
}
