//! Wording: common wrong words from the word list (`述求` → `诉求`), some only in context
//! (`必需完成` → `必须`), words a synonym-spinning tool put in (see `spun`), `的` or `地` where `得`
//! links a verb to its complement (`抓的不够紧`; after any verb, by the shape of the phrase, in
//! `particle`, which also finds `的` for `地` after an adverbial, `按部就班的去做`), and
//! characters or words written twice (`的的`, `用公款用公款`). Each flag carries its fix; 得 as
//! in 得到 and 地 as in 地方 are never touched.

use super::lexicon::{Lexicon, WrongWord};
use super::needles::Needles;
use super::{Location, ReviewItem, ReviewKind};
use crate::draft::TextField;
use std::ops::Range;
use std::sync::LazyLock;

mod complement;
mod course;
mod decade;
mod degree;
mod di_before_noun;
mod doubled;
mod idiom_state;
mod likeness;
mod manner;
mod month;
mod outcome;
mod overwhelmed;
mod particle;
mod radical;
mod reach;

/// Verbs whose complement follows `得`. One-character verbs first in the pattern's eyes does
/// not matter: the regex takes the leftmost match and the guard looks before it.
const VERBS: &str = "落实|执行|推进|贯彻|研究|理解|领会|把握|掌握|坚持|开展|完成|处理|解决|思考|履行|钻研|宣传|发扬|发挥|考虑|部署|谋划|督促|检查|整改|调研|沟通|协调|落细|学习|分析|运用|认识|监督|管理|指导|联系|总结|反思|剖析|查找|把关|服务|了解|统筹|提高|推动|对待|抓|做|学|干|想|看|走|谋|管|讲|写|说|听|查|改|用|跑|推|办|搞|树|守|盯|扛|悟|记|读";

/// [`VERBS`] one by one, split once.
static VERB_LIST: LazyLock<Verbs> = LazyLock::new(|| Verbs::new(VERBS.split('|').collect()));

/// A list of verbs and the characters they start with. The checks ask at every `的` which
/// verbs the text there starts with; most characters start none, which one lookup tells
/// without comparing the whole list.
struct Verbs {
    list: Vec<&'static str>,
    /// Sorted.
    firsts: Vec<char>,
}

impl Verbs {
    fn new(list: Vec<&'static str>) -> Verbs {
        let mut firsts: Vec<char> = list.iter().filter_map(|v| v.chars().next()).collect();
        firsts.sort_unstable();
        firsts.dedup();
        Verbs { list, firsts }
    }

    /// All the verbs, in list order.
    fn all(&self) -> &[&'static str] {
        &self.list
    }

    /// The verbs, in list order, that `text` may start with: all of them when its first
    /// character starts one, none otherwise.
    fn that_may_start(&self, text: &str) -> &[&'static str] {
        match text.chars().next() {
            Some(c) if self.firsts.binary_search(&c).is_ok() => &self.list,
            _ => &[],
        }
    }
}

/// Complements: how well or how far the action went.
const COMPLEMENTS: &str = "不够|不到位|不深|不透|不实|不细|不好|不牢|不紧|不严|不准|不全|不多|不快|不高|很好|较好|比较好|太少|较少|很少|过多|太多|过少";

/// [`COMPLEMENTS`] one by one, split once.
static COMPLEMENT_LIST: LazyLock<Vec<&str>> = LazyLock::new(|| COMPLEMENTS.split('|').collect());

/// Adverbs that may stand between the particle and the complement (`抓的还不够紧`).
const PARTICLE_ADVERBS: &str = "还也都仍尚就";

/// `抓的不够紧`: a verb, `的`/`地`, an optional adverb, a complement. Each match as (the
/// whole phrase, the particle), leftmost first and not overlapping, the verb and the
/// complement taken in list order where several fit: what the expression
/// `(?:VERBS)([的地])(?:还|也|都|仍|尚|就)?(?:COMPLEMENTS)` finds, which this scan replaced
/// because compiling it cost more than reading a speech with it.
fn particle_phrases(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let phrase_at = |start: usize| {
        let rest = &text[start..];
        VERB_LIST.that_may_start(rest).iter().find_map(|verb| {
            let after_verb = rest.strip_prefix(verb)?;
            let particle = after_verb
                .chars()
                .next()
                .filter(|c| matches!(c, '的' | '地'))?;
            let particle_start = start + verb.len();
            let after_particle = particle_start + particle.len_utf8();
            let complement_end = |from: usize| {
                COMPLEMENT_LIST
                    .iter()
                    .find(|complement| text[from..].starts_with(*complement))
                    .map(|complement| from + complement.len())
            };
            let after_adverb = text[after_particle..]
                .chars()
                .next()
                .filter(|&c| PARTICLE_ADVERBS.contains(c))
                .map(|c| after_particle + c.len_utf8());
            let end = after_adverb
                .and_then(complement_end)
                .or_else(|| complement_end(after_particle))?;
            Some((start..end, particle_start..after_particle))
        })
    };
    let mut phrases = Vec::new();
    let mut at = 0;
    let mut search = 0;
    while let Some(offset) = text[search..].find(['的', '地']) {
        let particle = search + offset;
        // The verbs are one or two Chinese characters (three bytes each), so a phrase whose
        // particle is here starts two or one characters before it.
        let found = [particle.checked_sub(6), particle.checked_sub(3)]
            .into_iter()
            .flatten()
            .filter(|&start| start >= at && text.is_char_boundary(start))
            .find_map(phrase_at);
        match found {
            Some((whole, particle)) => {
                at = whole.end;
                search = whole.end;
                phrases.push((whole, particle));
            }
            None => search = particle + '的'.len_utf8(),
        }
    }
    phrases
}

/// Manner words that, between a modal and a verb, take `地` (`不能很好地统筹`).
const MANNERS: &[&str] = &[
    "很好", "较好", "更好", "认真", "及时", "全面", "细致", "深入", "积极", "主动", "扎实", "切实",
    "充分", "自觉", "系统", "严格", "有效", "准确", "深刻", "坚决", "彻底", "真正", "牢牢",
];

/// Words before which what follows is a verb phrase, never a noun phrase: `不能很好的统筹`
/// cannot be read as "a good overall plan". (`没有` and `需要` can take a noun, so they are
/// not here: `没有很好的学习机会` is right; nor are `能` and `要` alone, which end nouns:
/// `职能`, `需要`.)
const MODALS: &[&str] = &["不能", "未能", "没能", "能够", "应当", "应该", "必须"];

/// Before the verb these make `的` a noun-maker: `所做的不多`, `该管的不管`, `能做的不多`.
const NOMINALISERS: &str = "所该能可要应会需必";

/// The wrong words of a word list, found in one pass over a text. Built once a review and
/// shared by the jobs that check shares of the draft.
pub(super) struct WrongWords<'a> {
    lexicon: &'a Lexicon,
    needles: Needles,
}

impl<'a> WrongWords<'a> {
    pub(super) fn of(lexicon: &'a Lexicon) -> WrongWords<'a> {
        WrongWords {
            lexicon,
            needles: Needles::new(lexicon.wrong_words.iter().map(|w| w.wrong.as_str())),
        }
    }
}

/// The word checks of each field in `fields`, which read each field alone: a large draft's
/// fields are checked in shares, side by side. [`super::spun::check`] reads the whole draft
/// and runs once.
pub(super) fn check(
    fields: &[(TextField, &str)],
    words: &WrongWords<'_>,
    items: &mut Vec<ReviewItem>,
) {
    let lexicon = words.lexicon;
    for &(field, text) in fields {
        if text.is_empty() {
            continue;
        }
        let location = Location::from_field(field);
        let present = words.needles.in_text(text);
        if !present.none() {
            for (position, word) in lexicon.wrong_words.iter().enumerate() {
                if present.holds_at(position) {
                    wrong_word(location, text, word, items);
                }
            }
        }
        particles(location, text, items);
        adverbial_particles(location, text, items);
        particle::check(location, text, &VERB_LIST, items);
        degree::check(location, text, items);
        di_before_noun::check(location, text, items);
        month::check(location, text, items);
        decade::check(location, text, items);
        radical::check(location, text, items);
        likeness::check(location, text, items);
        reach::check(location, text, items);
        outcome::check(location, text, items);
        doubled::check(location, text, items);
        dropped_character(location, text, &lexicon.modifiers, items);
        adverb_for_preposition(location, text, &lexicon.place_nouns, items);
    }
}

fn wrong_word(location: Location, text: &str, word: &WrongWord, items: &mut Vec<ReviewItem>) {
    for (at, m) in text.match_indices(word.wrong.as_str()) {
        let end = at + m.len();
        let before = text[..at].chars().next_back();
        let after = text[end..].chars().next();
        if before.is_some_and(|c| word.not_after.contains(c))
            || after.is_some_and(|c| word.not_before.contains(c))
        {
            continue;
        }
        // Anywhere when the entry names no context.
        if super::spun::in_context(text, at..end, &word.after, &word.before, &[], &[]).is_none() {
            continue;
        }
        let message = if word.variant {
            format!("“{}”宜写作“{}”：词典推荐这个写法", word.wrong, word.right)
        } else if word.why.is_empty() {
            format!("“{}”应为“{}”", word.wrong, word.right)
        } else {
            format!("“{}”应为“{}”：{}", word.wrong, word.right, word.why)
        };
        let item = ReviewItem::new(ReviewKind::WrongWord, location, message)
            .with_rule(&word.wrong)
            .with_range(text, at..end)
            .with_fix(text, word.right.clone());
        items.push(if word.variant { item.advising() } else { item });
    }
}

fn particles(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    for (whole, particle) in particle_phrases(text) {
        if text[..whole.start]
            .chars()
            .next_back()
            .is_some_and(|c| NOMINALISERS.contains(c))
        {
            continue;
        }
        let fixed = format!(
            "{}得{}",
            &text[whole.start..particle.start],
            &text[particle.end..whole.end]
        );
        // Not `particle_item`, which adds a rule of its own: these flags have always carried
        // the kind's rule id, `particle`, in the window and in `check --json`.
        let phrase = &text[whole.clone()];
        items.push(
            ReviewItem::new(
                ReviewKind::Particle,
                location,
                format!("动词后面接补语用“得”：“{phrase}”应为“{fixed}”"),
            )
            .with_range(text, whole)
            .with_fix(text, fixed),
        );
    }
}

/// Up to two words of `manners` ending at `at` (`全面细致`): where they start, and how many.
fn manners_before(text: &str, at: usize, manners: &[&str]) -> (usize, usize) {
    let mut start = at;
    let mut count = 0;
    while count < 2 {
        let Some(manner) = manners.iter().find(|m| text[..start].ends_with(*m)) else {
            break;
        };
        start -= manner.len();
        count += 1;
    }
    (start, count)
}

/// `不能全面细致的了解`: a modal, one or two manner words, `的`, a verb: the manner words
/// modify the verb, so `地` is meant.
/// `问题不同程度的存在`: a degree phrase before `的` and the verb `存在`. After `存在` the
/// degree phrase is a noun's attribute (`存在不同程度的问题`), and so it is after `得到` or
/// `有` (`得到一定程度的提高`); before `存在` it says how far the problems exist.
const DEGREES: &[&str] = &["不同程度", "一定程度", "较大程度", "很大程度"];

fn adverbial_particles(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    for (at, de) in text.match_indices('的') {
        let after = &text[at + de.len()..];
        let degree = DEGREES
            .iter()
            .find(|d| after.starts_with("存在") && text[..at].ends_with(*d));
        let start = match degree {
            Some(degree) => at - degree.len(),
            None => {
                if !VERB_LIST
                    .that_may_start(after)
                    .iter()
                    .any(|verb| after.starts_with(verb))
                {
                    continue;
                }
                let (start, manners) = manners_before(text, at, MANNERS);
                if manners == 0 || !MODALS.iter().any(|m| text[..start].ends_with(m)) {
                    continue;
                }
                start
            }
        };
        let fixed = format!("{}地", &text[start..at]);
        items.push(particle::particle_item(
            location,
            text,
            start..at + de.len(),
            "adverbial_de",
            "修饰动词用“地”",
            fixed,
        ));
    }
}

/// Whether the clause ends where `rest` begins: at its end, a clause's punctuation, `、`, a
/// closing bracket or a space.
fn ends_clause(rest: &str) -> bool {
    rest.chars().next().is_none_or(|c| {
        super::closes_clause(c) || matches!(c, '、' | '）' | ')') || c.is_whitespace()
    })
}

/// The start of `rest` up to the end of its clause, at most `max_chars` characters: what a
/// word's object or a likeness's close is looked for in.
fn clause_ahead(rest: &str, max_chars: usize) -> &str {
    let end = rest
        .char_indices()
        .take_while(|&(_, c)| !super::closes_clause(c))
        .take(max_chars)
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    &rest[..end]
}

fn is_chinese(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// `明确严的标准`: a modifier from the list, then the first character of another one standing
/// alone before `的` or `地`, has lost that word's second character. The fix is the first
/// listed word with that character; the message names any other candidates.
fn dropped_character(
    location: Location,
    text: &str,
    modifiers: &[String],
    items: &mut Vec<ReviewItem>,
) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |(at, _)| *at);
    for i in 0..chars.len().saturating_sub(3) {
        let (lone, particle) = (chars[i + 2].1, chars[i + 3].1);
        if !matches!(particle, '的' | '地') {
            continue;
        }
        let before = &text[byte(i)..byte(i + 2)];
        if !modifiers.iter().any(|m| m == before) {
            continue;
        }
        let candidates: Vec<&str> = modifiers
            .iter()
            .filter(|m| m.starts_with(lone) && *m != before)
            .map(String::as_str)
            .collect();
        let Some(first) = candidates.first() else {
            continue;
        };
        let phrase = &text[byte(i)..byte(i + 4)];
        let fixed = format!("{before}{first}{particle}");
        let others: String = candidates[1..].iter().map(|c| format!("“{c}”")).collect();
        let or = if others.is_empty() {
            String::new()
        } else {
            format!("（或{others}）")
        };
        items.push(
            ReviewItem::new(
                ReviewKind::WrongWord,
                location,
                format!("“{phrase}”读不通，像是漏了一个字：应为“{fixed}”{or}"),
            )
            .with_rule("dropped_character")
            .with_range(text, byte(i)..byte(i + 4))
            .with_fix(text, fixed),
        );
    }
}

/// Words that close a `在……` phrase of place, time or scope.
const LOCATIVES: &[&str] = &["上", "中", "方面", "期间", "之下", "里", "内"];

/// Longest clause (in characters) a `在……上` phrase is looked for in.
const PLACE_PHRASE_CHARS: usize = 12;

/// `再政策宣传力度上着手`: `再` is an adverb and goes before verbs; before a noun that opens a
/// phrase closed by 上/中/方面 in the same clause, the preposition `在` is meant.
fn adverb_for_preposition(
    location: Location,
    text: &str,
    place_nouns: &[String],
    items: &mut Vec<ReviewItem>,
) {
    for (at, zai) in text.match_indices('再') {
        let after = &text[at + zai.len()..];
        let Some(noun) = place_nouns
            .iter()
            .filter(|noun| after.starts_with(noun.as_str()))
            .max_by_key(|noun| noun.len())
        else {
            continue;
        };
        // The clause: the Chinese characters that follow, at most a phrase long.
        let clause_end = after
            .char_indices()
            .take_while(|&(_, c)| is_chinese(c))
            .take(PLACE_PHRASE_CHARS)
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        if clause_end <= noun.len() {
            continue;
        }
        let rest = &after[noun.len()..clause_end];
        let Some(locative_end) = LOCATIVES
            .iter()
            .filter_map(|l| rest.find(l).map(|i| noun.len() + i + l.len()))
            .min()
        else {
            continue;
        };
        let phrase = &after[..locative_end];
        let end = at + zai.len() + noun.len();
        items.push(
            ReviewItem::new(
                ReviewKind::WrongWord,
                location,
                format!("“再{phrase}”的“再”是副词，这里要的是介词“在”：应为“在{phrase}”"),
            )
            .with_rule("preposition_zai")
            .with_range(text, at..end)
            .with_fix(text, format!("在{noun}")),
        );
    }
}

/// A wrong word found by the shape of its phrase (`month`, `decade`, `likeness`, `reach`), with the
/// rule that found it, why it is wrong and its fix.
fn mended_word(
    location: Location,
    text: &str,
    range: std::ops::Range<usize>,
    rule: &str,
    message: String,
    fixed: String,
) -> ReviewItem {
    ReviewItem::new(ReviewKind::WrongWord, location, message)
        .with_rule(rule)
        .with_range(text, range)
        .with_fix(text, fixed)
}

#[cfg(test)]
mod tests {
    use super::super::Severity;
    use super::super::test_support::*;
    use super::*;

    fn fixes(body: &str) -> Vec<(ReviewKind, String, String)> {
        let draft = draft_of(&[("在担当作为方面", &[("勇于担责意识不强", body)])]);
        let lexicon = Lexicon::builtin();
        let mut items = Vec::new();
        check(&draft.text_fields(), &WrongWords::of(&lexicon), &mut items);
        super::super::spun::check(&draft, &lexicon, &mut items);
        items
            .into_iter()
            .map(|i| {
                let fix = i.fix.expect("every wording flag carries a fix");
                (i.kind, fix.from, fix.to)
            })
            .collect()
    }

    /// Texts the word checks must leave alone.
    fn quiet(texts: &[&str]) {
        for text in texts {
            assert_eq!(fixes(text), [], "{text}");
        }
    }

    fn one(kind: ReviewKind, from: &str, to: &str) -> Vec<(ReviewKind, String, String)> {
        vec![(kind, from.to_owned(), to.to_owned())]
    }

    /// Each text gets exactly one fix of `kind`, from the first string to the second.
    fn each_fixed(kind: ReviewKind, cases: &[(&str, &str, &str)]) {
        for (text, from, to) in cases {
            assert_eq!(fixes(text), one(kind, from, to), "{text}");
        }
    }

    #[test]
    fn wrong_words_are_corrected() {
        each_fixed(
            ReviewKind::WrongWord,
            &[
                ("针对其他同志提出的一些合理述求不敢允诺。", "述求", "诉求"),
                (
                    "没有把全面从严治党作为自己的“责任田”和“份内事”。",
                    "份内事",
                    "分内事",
                ),
                ("既使工作再忙也要学习。", "既使", "即使"),
                ("按装监控设备不及时。", "按装", "安装"),
                ("缺乏严格的党内生活锻练。", "锻练", "锻炼"),
                ("把自己混淆于普通群众。", "混淆于", "混同于"),
                ("一大堆义正言辞的理由。", "义正言辞", "义正词严"),
                ("孩子交了一副画。", "副画", "幅画"),
                (
                    "传达贯彻党的政策路线反应不足。",
                    "党的政策路线",
                    "党的路线方针政策",
                ),
            ],
        );
    }

    /// What the word list says of `text` in one finding's body: each item's message,
    /// severity and fix, sorted.
    fn advice_on(text: &str) -> Vec<(String, Severity, Option<String>)> {
        let draft = draft_of(&[("在担当作为方面", &[("", text)])]);
        let mut items = Vec::new();
        let lexicon = Lexicon::builtin();
        check(&draft.text_fields(), &WrongWords::of(&lexicon), &mut items);
        let mut advice: Vec<(String, Severity, Option<String>)> = items
            .iter()
            .map(|i| {
                let fix = i.fix.as_ref().map(|f| f.to.clone());
                (i.message.clone(), i.severity(), fix)
            })
            .collect();
        advice.sort();
        advice
    }

    #[test]
    fn a_listed_variant_is_advised_not_corrected() {
        assert_eq!(
            advice_on("满足现状，固步自封。欠帐较多。"),
            [
                (
                    "“固步自封”宜写作“故步自封”：词典推荐这个写法".to_owned(),
                    Severity::Warning,
                    Some("故步自封".to_owned())
                ),
                (
                    "“欠帐”应为“欠账”".to_owned(),
                    Severity::Error,
                    Some("欠账".to_owned())
                ),
            ]
        );
    }

    #[test]
    fn wrong_words_of_the_blind_sets_are_put_right() {
        let wrong = |from: &str, to: &str| (ReviewKind::WrongWord, from.to_owned(), to.to_owned());
        assert_eq!(
            fixes("总想着只要洒下一颗种子就能收获，洒下汗水也值得。"),
            vec![wrong("洒下", "撒下")]
        );
        assert_eq!(
            fixes("我高兴地喊到，“我跳过了”。老师喊到名字，我报着侥幸心理，报着名。"),
            vec![wrong("喊到", "喊道"), wrong("报着", "抱着")]
        );
        assert_eq!(
            fixes("这件事很急手，业绩大幅下划，与预期相关甚远。我没加思索就答了。"),
            vec![
                wrong("没加思索", "不假思索"),
                wrong("急手", "棘手"),
                wrong("下划", "下滑"),
                wrong("相关甚远", "相去甚远"),
            ]
        );
        assert_eq!(
            fixes("行为违法了《价格法》的规定，谈事论事，疝气灯太亮。"),
            vec![
                wrong("疝气灯", "氙气灯"),
                wrong("违法", "违反"),
                wrong("谈事论事", "就事论事"),
            ]
        );
        quiet(&["他违法了，被处罚。标题加下划线。心里着急手却不听使唤。"]);
        assert_eq!(
            fixes("不知该做什莫，也不知该怎末做，简历投出去石沉海底。"),
            vec![
                wrong("什莫", "什么"),
                wrong("怎末", "怎么"),
                wrong("石沉海底", "石沉大海"),
            ]
        );
        assert_eq!(
            fixes("齐次，对面是一只由小学生组成的联队，我紧张到无以附加。"),
            vec![
                wrong("无以附加", "无以复加"),
                wrong("一只由", "一支由"),
                wrong("齐次", "其次"),
            ]
        );
        quiet(&["求解齐次方程，一只小狗由远及近。"]);
        assert_eq!(
            fixes("浪费时间、经历，在领导心理留下了印象，大家心理都明白，我的烦躁心里。"),
            vec![
                wrong("心里", "心理"),
                wrong("心理", "心里"),
                wrong("心理", "心里"),
                wrong("经历", "精力"),
            ]
        );
        assert_eq!(
            fixes("但无济无事，客户投拆多，竞是如此，有不只一点的自负，中了秀兵之计。"),
            vec![
                wrong("竞是", "竟是"),
                wrong("不只", "不止"),
                wrong("无济无事", "无济于事"),
                wrong("秀兵之计", "诱兵之计"),
                wrong("投拆", "投诉"),
            ]
        );
        quiet(&["随着时间和经历的积累，心理健康，心理学。"]);
        assert_eq!(
            fixes("他默不做声，万死难持其咎，越来也怀凝自己，尽然还报怨别人。"),
            vec![
                wrong("默不做声", "默不作声"),
                wrong("难持其咎", "难辞其咎"),
                wrong("越来也", "越来越"),
                wrong("怀凝", "怀疑"),
                wrong("尽然", "竟然"),
                wrong("报怨", "抱怨"),
            ]
        );
        quiet(&["事情不尽然如此，以德报怨。"]);
        let mut found =
            fixes("我很无耐，发挥主动能动性不够，去驾校报道晚了，总在嘻笑，向往灯火酒绿的生活。");
        found.sort();
        let mut expected = vec![
            wrong("无耐", "无奈"),
            wrong("主动能动性", "主观能动性"),
            wrong("报道", "报到"),
            wrong("嘻笑", "嬉笑"),
            wrong("灯火酒绿", "灯红酒绿"),
        ];
        expected.sort();
        assert_eq!(found, expected);
        quiet(&["他毫无耐心，新闻报道及时，笑嘻嘻地说，嘻嘻笑着。"]);
        let mut found = fixes("被琐事困挠，越过禁戒线，意尤未尽，工作烦躁乏味。");
        found.sort();
        let mut expected = vec![
            wrong("困挠", "困扰"),
            wrong("禁戒线", "警戒线"),
            wrong("尤未尽", "犹未尽"),
            wrong("烦躁乏味", "枯燥乏味"),
        ];
        expected.sort();
        assert_eq!(found, expected);
        let mut found = fixes("个人的不到发展，对价格一窃不通，长期以往，归根溯源是面试埋下的坑。");
        found.sort();
        let mut expected = vec![
            wrong("的不到", "得不到"),
            wrong("一窃不通", "一窍不通"),
            wrong("长期以往", "长此以往"),
            wrong("归根溯源", "追根溯源"),
        ];
        expected.sort();
        assert_eq!(found, expected);
        quiet(&["由于工作的不到位，他的不到场，占总数的不到一半，高的不到30%。"]);
        let mut found = fixes("她走了以后就每况日下，造成副面作用，那怕再累，天边刚刚翻出鱼肚皮。");
        found.sort();
        let mut expected = vec![
            wrong("每况日下", "每况愈下"),
            wrong("副面", "负面"),
            wrong("那怕", "哪怕"),
            wrong("鱼肚皮", "鱼肚白"),
        ];
        expected.sort();
        assert_eq!(found, expected);
        quiet(&["卡片的正副面都要写清楚。", "把鱼肚皮洗干净。"]);
        let mut found = fixes(
            "跌岩起伏，紧衣缩食，附出的劳动，一盆象样的花，俏俏流失，焦碳，型状怪怪的，摸不清头脑，工作生活参在一起，蛋糕出了遇外，给囗。",
        );
        found.sort();
        let mut expected = vec![
            wrong("跌岩起伏", "跌宕起伏"),
            wrong("紧衣缩食", "节衣缩食"),
            wrong("附出", "付出"),
            wrong("象样", "像样"),
            wrong("俏俏", "悄悄"),
            wrong("焦碳", "焦炭"),
            wrong("型状", "形状"),
            wrong("摸不清头脑", "摸不着头脑"),
            wrong("参在一起", "掺在一起"),
            wrong("出了遇外", "出了意外"),
            wrong("囗", "口"),
        ];
        expected.sort();
        assert_eq!(found, expected);
    }

    #[test]
    fn a_wrong_form_that_looks_like_the_right_one_says_why() {
        assert_eq!(
            advice_on("正在接受调査。"),
            [(
                "“査”应为“查”：“査”（下面是“且”）是日文汉字的写法，简体中文写“查”（下面是“旦”）"
                    .to_owned(),
                Severity::Error,
                Some("查".to_owned())
            )]
        );
    }

    #[test]
    fn zhu_written_for_the_particle_zhe_is_put_back() {
        assert_eq!(
            fixes("始终守著初心，发挥著作用不够。"),
            vec![
                (ReviewKind::WrongWord, "著".to_owned(), "着".to_owned()),
                (
                    ReviewKind::WrongWord,
                    "著作用".to_owned(),
                    "着作用".to_owned()
                ),
            ]
        );
        quiet(&[
            "研读原著少，没有著作，成效显著，带著名专家调研，有著述。",
            "坚持著书立说，关系著作权保护。",
        ]);
    }

    #[test]
    fn d_written_for_dang_is_put_back() {
        assert_eq!(
            fixes("基层D建学习会上，被问及如何加强村D支部凝聚力，部分D员干部答不上来。"),
            vec![
                (ReviewKind::WrongWord, "D建".to_owned(), "党建".to_owned()),
                (ReviewKind::WrongWord, "D员".to_owned(), "党员".to_owned()),
                (
                    ReviewKind::WrongWord,
                    "D支部".to_owned(),
                    "党支部".to_owned()
                ),
            ]
        );
        assert_eq!(fixes("用CAD建模，PD员。"), vec![]);
    }

    /// Every unconditional entry of the built-in list, in a sentence of a speech, is flagged
    /// once, with its fix, and nothing else is: the list's words neither hide each other nor
    /// set off another check.
    #[test]
    fn every_listed_wrong_word_is_flagged_alone_with_its_fix() {
        let lexicon = Lexicon::builtin();
        let mut checked = 0;
        for word in &lexicon.wrong_words {
            if !(word.after.is_empty() && word.before.is_empty() && word.not_after.is_empty()) {
                continue;
            }
            let body = format!("在工作中存在{}的问题。", word.wrong);
            assert_eq!(
                fixes(&body),
                one(ReviewKind::WrongWord, &word.wrong, &word.right),
                "{body}"
            );
            checked += 1;
        }
        assert!(checked >= 250, "only {checked} entries checked");
    }

    #[test]
    fn qita_for_people_is_flagged_and_for_things_left() {
        assert_eq!(
            fixes("与其它同学多次参加培训不同。"),
            one(ReviewKind::WrongWord, "其它", "其他")
        );
        assert_eq!(fixes("其它问题也要整改，其它方面还有差距。"), vec![]);
    }

    #[test]
    fn kanzhong_is_flagged_only_where_it_means_valuing() {
        assert_eq!(
            fixes("不要太看中面子，村民只看中村委会的选举。"),
            vec![
                (ReviewKind::WrongWord, "看中".to_owned(), "看重".to_owned()),
                (ReviewKind::WrongWord, "看中".to_owned(), "看重".to_owned()),
            ]
        );
        assert_eq!(
            fixes("过于看中个人得失。"),
            one(ReviewKind::WrongWord, "看中", "看重")
        );
        assert_eq!(
            fixes("他看中了这套房子，我们只看中心工作，比较看中国内市场。"),
            vec![]
        );
    }

    #[test]
    fn common_typos_are_corrected() {
        assert_eq!(
            fixes("学习不够透辙，至使工作被动，精神壮态不振，凭着现有的经念办事。"),
            vec![
                (ReviewKind::WrongWord, "透辙".to_owned(), "透彻".to_owned()),
                (ReviewKind::WrongWord, "至使".to_owned(), "致使".to_owned()),
                (ReviewKind::WrongWord, "壮态".to_owned(), "状态".to_owned()),
                (ReviewKind::WrongWord, "经念".to_owned(), "经验".to_owned()),
            ]
        );
        assert_eq!(
            fixes("自己既没有权利腐败，也没有急燥情绪。"),
            vec![
                (ReviewKind::WrongWord, "急燥".to_owned(), "急躁".to_owned()),
                (
                    ReviewKind::WrongWord,
                    "权利腐败".to_owned(),
                    "权力腐败".to_owned()
                ),
            ]
        );
        quiet(&[
            "以至使得工作被动，健壮态势良好，他已经念过这本书。",
            "维护公民权利，依法行使权力。",
        ]);
        assert_eq!(
            fixes("运用近平新时代中国特色社会主义思想，看记录片，弛而不息。"),
            vec![
                (
                    ReviewKind::WrongWord,
                    "记录片".to_owned(),
                    "纪录片".to_owned()
                ),
                (
                    ReviewKind::WrongWord,
                    "弛而不息".to_owned(),
                    "驰而不息".to_owned()
                ),
                (
                    ReviewKind::WrongWord,
                    "近平".to_owned(),
                    "习近平".to_owned()
                ),
            ]
        );
        quiet(&[
            "学习习近平总书记重要讲话，習近平新時代，驰而不息纠正“四风”。",
            "挤身进入会场，他把记录本放好。",
        ]);
    }

    #[test]
    fn typos_in_context_are_corrected_only_there() {
        assert_eq!(
            fixes("对待工作有时报有应付了事的态度，除了自己必需完成的以外都不做。"),
            vec![
                (ReviewKind::WrongWord, "报有".to_owned(), "抱有".to_owned()),
                (ReviewKind::WrongWord, "必需".to_owned(), "必须".to_owned()),
            ]
        );
        for (text, wrong, right) in [
            ("外出党员对党组织报有怨言。", "报有", "抱有"),
            ("如实向组织反应问题。", "反应", "反映"),
            ("这是对工作态度的一个客观的反应。", "反应", "反映"),
            ("虽然创造了历史记录，但相差甚远。", "记录", "纪录"),
            ("导致部分职工思想情绪底下。", "底下", "低下"),
            ("二是理想信仰动摇。", "理想信仰", "理想信念"),
            ("仍存在ZZ能力与职责要求不相适应的问题。", "ZZ", "政治"),
        ] {
            assert_eq!(
                fixes(text),
                one(ReviewKind::WrongWord, wrong, right),
                "{text}"
            );
        }
        assert_eq!(
            fixes("还存在者不少问题，有的指标未到达要求。"),
            vec![
                (
                    ReviewKind::WrongWord,
                    "存在者".to_owned(),
                    "存在着".to_owned()
                ),
                (ReviewKind::WrongWord, "到达".to_owned(), "达到".to_owned()),
            ]
        );
        assert_eq!(
            fixes("这件事值的我们深思，不懂的珍惜时间，记的当时没有落实。"),
            vec![
                (ReviewKind::WrongWord, "值的".to_owned(), "值得".to_owned()),
                (ReviewKind::WrongWord, "懂的".to_owned(), "懂得".to_owned()),
                (ReviewKind::WrongWord, "记的".to_owned(), "记得".to_owned()),
            ]
        );
        quiet(&[
            "有价值的学习资料少，看不懂的学习材料多，笔记的当时没有整理，产值的增长不快。",
            "海德格尔论存在者，车辆准时到达目的地。",
            "生活必需品，必需的经费，工作必需。",
            "向上级汇报有关情况，上报有关材料，汇报有情绪的群众的诉求。",
            "群众反应强烈，药品不良反应问题，化学反应。",
            "会议记录不全，保持记录完整，查看历史记录，私底下议论，群众底下有怨言。",
            "型号XZZ3，ZZZ，ZZ1型。",
        ]);
        assert_eq!(
            fixes("我一直再给自己找借口，心里素质也不过硬。"),
            vec![
                (
                    ReviewKind::WrongWord,
                    "一直再".to_owned(),
                    "一直在".to_owned()
                ),
                (ReviewKind::WrongWord, "心里".to_owned(), "心理".to_owned()),
            ]
        );
        assert_eq!(
            fixes("他当时肯定心理想着，戴着一付眼镜，严以律已。"),
            vec![
                (ReviewKind::WrongWord, "律已".to_owned(), "律己".to_owned()),
                (ReviewKind::WrongWord, "一付".to_owned(), "一副".to_owned()),
                (ReviewKind::WrongWord, "心理".to_owned(), "心里".to_owned()),
            ]
        );
        quiet(&[
            "心理健康，心理想法，一付中药，严以律己。",
            "一直再也没有过问，一直再次推迟，心里想着工作，心里很不是滋味。",
            "我们心里清楚，心里健健康康的人不多。",
        ]);
        assert_eq!(
            fixes("说心理话，干得很吃力，看的七花八门，人口老年化加剧，人家的批评是一付良药。"),
            vec![
                (ReviewKind::WrongWord, "一付".to_owned(), "一副".to_owned()),
                (
                    ReviewKind::WrongWord,
                    "心理话".to_owned(),
                    "心里话".to_owned()
                ),
                (
                    ReviewKind::WrongWord,
                    "七花八门".to_owned(),
                    "五花八门".to_owned()
                ),
                (
                    ReviewKind::WrongWord,
                    "老年化".to_owned(),
                    "老龄化".to_owned()
                ),
            ]
        );
        quiet(&["关注学生的心理话题，五花八门，人口老龄化，一付中药。"]);
        assert_eq!(
            fixes("纠其原因，别人不知到的理想，曾招受投诉，按常驻人口配备，业务也收到了波及。"),
            vec![
                (
                    ReviewKind::WrongWord,
                    "纠其原因".to_owned(),
                    "究其原因".to_owned()
                ),
                (
                    ReviewKind::WrongWord,
                    "不知到".to_owned(),
                    "不知道".to_owned()
                ),
                (ReviewKind::WrongWord, "招受".to_owned(), "遭受".to_owned()),
                (
                    ReviewKind::WrongWord,
                    "常驻人口".to_owned(),
                    "常住人口".to_owned()
                ),
                (ReviewKind::WrongWord, "收到".to_owned(), "受到".to_owned()),
            ]
        );
        quiet(&[
            "不知到底是谁，不知到哪里去了，收到处分决定，收到批评意见，连锁反应问题，应激反应问题。",
        ]);
        assert_eq!(
            fixes("青春判逆期，有些反判的行为，从那以后就在也没碰过，在也不想去。"),
            vec![
                (ReviewKind::WrongWord, "判逆".to_owned(), "叛逆".to_owned()),
                (ReviewKind::WrongWord, "反判".to_owned(), "反叛".to_owned()),
                (
                    ReviewKind::WrongWord,
                    "在也没".to_owned(),
                    "再也没".to_owned()
                ),
                (
                    ReviewKind::WrongWord,
                    "在也不".to_owned(),
                    "再也不".to_owned()
                ),
            ]
        );
        quiet(&["违反判决，我实在也不想做，现在也不能确定，存在也没关系。"]);
        assert_eq!(
            fixes("账面数据还是说的过去。"),
            one(ReviewKind::WrongWord, "说的过去", "说得过去")
        );
        assert_eq!(
            fixes("群众认为犯罪份子就在身边。"),
            one(ReviewKind::WrongWord, "份子", "分子")
        );
        quiet(&["同事结婚凑份子，出一份子钱。"]);
        assert_eq!(
            fixes("这样的错误不只一次出现。"),
            one(ReviewKind::WrongWord, "不只", "不止")
        );
        quiet(&["不只是学习不够，工作也不实。"]);
        assert_eq!(
            fixes("截止去年底，在迷茫中渡过了很多时光，工作不象样。"),
            vec![
                (ReviewKind::WrongWord, "渡过".to_owned(), "度过".to_owned()),
                (ReviewKind::WrongWord, "截止".to_owned(), "截至".to_owned()),
                (ReviewKind::WrongWord, "不象".to_owned(), "不像".to_owned()),
            ]
        );
        quiet(&["报名已经截止，渡过难关，并不象征什么。"]);
        // A date after it: 截至.
        assert_eq!(
            fixes("这项工作截止5月份已收到文件近20件。"),
            one(ReviewKind::WrongWord, "截止", "截至")
        );
        quiet(&["申报截止日期为5月31日。"]);
        assert_eq!(
            fixes("主要原因是自己的业务知识撑握不够。"),
            one(ReviewKind::WrongWord, "撑握", "掌握")
        );
    }

    #[test]
    fn sound_alike_non_words_are_corrected() {
        assert_eq!(
            fixes("理论学习任然停留在表面，对深遂思想领悟不透。"),
            vec![
                (ReviewKind::WrongWord, "任然".to_owned(), "仍然".to_owned()),
                (ReviewKind::WrongWord, "深遂".to_owned(), "深邃".to_owned()),
            ]
        );
        quiet(&["他先后担任然后又兼任多个职务，仍然深邃。"]);
    }

    #[test]
    fn words_that_only_look_wrong_are_not_flagged() {
        quiet(&[
            "在讲述求学经历时，他陈述求助的过程。",
            "既使得群众满意，又提高了效率。",
            "按装修标准验收，各省份内部协调。",
        ]);
    }

    #[test]
    fn de_after_a_verb_before_its_complement_becomes_de2() {
        each_fixed(
            ReviewKind::Particle,
            &[
                ("党建工作抓的不够紧。", "抓的不够", "抓得不够"),
                ("调研工作做的还不到位。", "做的还不到位", "做得还不到位"),
                ("政策宣传地不深入。", "宣传地不深", "宣传得不深"),
            ],
        );
    }

    #[test]
    fn de_and_di_that_are_right_are_not_flagged() {
        quiet(&[
            "通过学习得到了提高，取得的成绩来之不易。",
            "深入地方调研，到基层去，这个地方的问题很多。",
            "该做的不做，该管的不管，所做的不多，能做的不多。",
            "做的工作不够多，学的东西不够深，他的确做得不够。",
            "认真地学习，深入地研究，抓得不够紧，做得不到位。",
            "自身的不足，工作的不够细致之处。",
        ]);
    }

    #[test]
    fn doubled_characters_and_words_are_flagged_but_reduplication_is_not() {
        assert_eq!(
            fixes("对分管领域的的监督不够。"),
            one(ReviewKind::DoubledCharacter, "的的", "的")
        );
        assert_eq!(
            fixes("针对对象的要求，他的的确确，关键是是否落实，没有有效的措施，存在在编不在岗。"),
            vec![]
        );
        assert_eq!(
            fixes("工作中遇到到的困难，任务达成率率低。"),
            vec![
                (
                    ReviewKind::DoubledCharacter,
                    "到到".to_owned(),
                    "到".to_owned()
                ),
                (
                    ReviewKind::DoubledCharacter,
                    "率率".to_owned(),
                    "率".to_owned()
                ),
            ]
        );
        assert_eq!(
            fixes("我遇到到许许多多的问题。"),
            one(ReviewKind::DoubledCharacter, "到到", "到")
        );
        assert_eq!(
            fixes("是是非非要分清，从从容容，地地道道，和和气气。"),
            vec![]
        );
        assert_eq!(
            fixes("在亲属亲属去世后实行土葬。"),
            one(ReviewKind::DoubledCharacter, "亲属亲属", "亲属")
        );
        assert_eq!(fixes("民营企业企业家，学生学生会，研究研究再说。"), vec![]);
        assert_eq!(
            fixes("我对这里感到无比的熟悉。"),
            one(ReviewKind::Particle, "无比的熟悉", "无比熟悉")
        );
        // A sound said twice (`咕咚咕咚滚出去`).
        assert_eq!(fixes("随即又咕咚咕咚滚出去好几米，叮当叮当响。"), vec![]);
        // Modesty said twice, and an action going on and on.
        assert_eq!(fixes("过誉过誉，受之有愧。我又继续摸继续摸。"), vec![]);
        assert_eq!(fixes("做出来的蛋糕死甜死甜的，外面贼冷贼冷。"), vec![]);
        assert_eq!(
            fixes("每一年每一年都说减肥，觉得得写出来批评一下自己。"),
            vec![]
        );
        assert_eq!(
            fixes("工作作风工作作风不实。"),
            vec![(
                ReviewKind::DoubledCharacter,
                "工作作风工作作风".to_owned(),
                "工作作风".to_owned()
            )]
        );
        // `对对方`, `觉得不得不`: a word after the doubled character, or across the pair;
        // `然后然后...`: a word said twice as the writer trails off.
        assert_eq!(
            fixes("对对方的情况一无所知，方觉得不得不完成日更，起床，然后然后...就八点多了。"),
            vec![]
        );
        assert_eq!(
            fixes("对对工作不上心，然后然后就睡了。"),
            vec![
                (
                    ReviewKind::DoubledCharacter,
                    "对对".to_owned(),
                    "对".to_owned()
                ),
                (
                    ReviewKind::DoubledCharacter,
                    "然后然后".to_owned(),
                    "然后".to_owned()
                ),
            ]
        );
        assert_eq!(
            fixes("民间组织还处于初级发展阶段阶段。"),
            one(ReviewKind::DoubledCharacter, "阶段阶段", "阶段")
        );
        assert_eq!(
            fixes("适应的过程缓慢缓慢的。"),
            one(ReviewKind::DoubledCharacter, "缓慢缓慢", "缓慢")
        );
        assert_eq!(
            fixes("保育员队伍需要扩充。。"),
            one(ReviewKind::DoubledCharacter, "。。", "。")
        );
        assert_eq!(
            fixes("优柔寡断。。。永远都下不了决定。。。。。。"),
            vec![
                (
                    ReviewKind::DoubledCharacter,
                    "。。。".to_owned(),
                    "……".to_owned()
                ),
                (
                    ReviewKind::DoubledCharacter,
                    "。。。。。。".to_owned(),
                    "……".to_owned()
                ),
            ]
        );
        assert_eq!(
            fixes("此处省略……。。。"),
            one(ReviewKind::DoubledCharacter, "。。。", "")
        );
        assert_eq!(
            fixes("人员素质不高、、人员流动性大，，"),
            vec![
                (
                    ReviewKind::DoubledCharacter,
                    "、、".to_owned(),
                    "、".to_owned()
                ),
                (
                    ReviewKind::DoubledCharacter,
                    "，，".to_owned(),
                    "，".to_owned()
                ),
            ]
        );
        assert_eq!(
            fixes("急需安装光管照明。，"),
            one(ReviewKind::DoubledCharacter, "。，", "。")
        );
        assert_eq!(
            fixes("第5题得分率为0，。从内部看2、，一提服务就说满意；：言之无物。"),
            vec![
                (
                    ReviewKind::DoubledCharacter,
                    "，。".to_owned(),
                    "。".to_owned()
                ),
                (
                    ReviewKind::DoubledCharacter,
                    "、，".to_owned(),
                    "，".to_owned()
                ),
                (
                    ReviewKind::DoubledCharacter,
                    "；：".to_owned(),
                    "；".to_owned()
                ),
            ]
        );
        assert_eq!(
            fixes("班级即使有有健全的规章制度也难以实施。"),
            one(ReviewKind::DoubledCharacter, "有有", "有")
        );
        assert_eq!(
            fixes("连百分之30%都没有做到，特别是是自己的问题。"),
            vec![
                (
                    ReviewKind::DoubledCharacter,
                    "是是".to_owned(),
                    "是".to_owned()
                ),
                (
                    ReviewKind::DoubledCharacter,
                    "百分之30%".to_owned(),
                    "30%".to_owned()
                ),
            ]
        );
        assert_eq!(
            fixes("有时用公款用公款送礼。"),
            one(ReviewKind::DoubledCharacter, "用公款用公款", "用公款")
        );
        assert_eq!(
            fixes("二是对党建工作工作方法单一。"),
            one(ReviewKind::DoubledCharacter, "工作工作", "工作")
        );
        assert_eq!(
            fixes("我我在工作中咋变咋变，没有定力。"),
            vec![
                (
                    ReviewKind::DoubledCharacter,
                    "我我".to_owned(),
                    "我".to_owned()
                ),
                (
                    ReviewKind::DoubledCharacter,
                    "咋变咋变".to_owned(),
                    "咋变".to_owned()
                ),
            ]
        );
        quiet(&[
            "的的确确存在问题，是是非非要分清，不了了之，呼天天不应叫地地不灵。",
            "常常加班，人人有责，认认真真、扎扎实实地工作，一一对应。",
            "研究研究再说，学习学习经验。",
            "总觉着优化优化能省点时间，把页面美化美化，得好好打算打算。",
            "为什么偏偏挑了那个那个讲了呢？爸爸又在我边上说撑大撑大，我一头雾水。",
            "请原谅原谅我，我真的很难过很难过，每天悠哉悠哉地过。",
            "我还是不停地炸线炸线炸线。",
            "舞台相亲对对碰延迟了，我是不是不该来，我是个极菜极菜的新手。",
            "回过头来仔细反省反省，再梳理梳理思路。",
            "心里只有一个声音：赶紧辞职赶紧辞职！",
            "第一次独自开车，我我我，真是心灵美呀。计划赶不上变化，爱咋变咋变，爱怎么说怎么说。",
            "哈哈哈哈哈哈，我也不知道怎么回事。",
            "可是是餐前还是餐后？要是是我，若是是真的，完成了百分之三十，占30%。",
            "对对帐工作带来影响，对对接工作不上心。",
            "遇到到期的贷款，收到到账通知，看到到场的群众。",
            "部分党组织组织生活质量不高，压实主体责任责任清单。",
            "每天怨天怨地却从来不反思自己。",
            "一步一步地做，一单一单地来，差得很远很远，有大把大把的时间。",
            "忙着忙着就困在事务里，拖着拖着拖到了现在，睡得非常非常非常差。",
            "总要求别人怎么怎么样，眼泪吧嗒吧嗒地掉，三三两两，十一十一。",
            "犯罪分子现在在自己身边服刑，存在在编不在岗，目的的确定。",
        ]);
    }

    #[test]
    fn a_modifier_that_lost_its_second_character_is_flagged() {
        let flagged = fixes("对于支部组织生活会质效提升没有明确严的标准。");
        assert_eq!(
            flagged,
            one(ReviewKind::WrongWord, "明确严的", "明确严格的")
        );
        assert_eq!(
            fixes("制定具体可的措施，深入细地调研。"),
            vec![
                (
                    ReviewKind::WrongWord,
                    "具体可的".to_owned(),
                    "具体可行的".to_owned()
                ),
                (
                    ReviewKind::WrongWord,
                    "深入细地".to_owned(),
                    "深入细致地".to_owned()
                ),
            ]
        );
        quiet(&[
            "没有明确严格的标准，没有明确、严格的标准，坚持全面从严的要求。",
            "明确的标准，严的要求，全面深化改革，规范化的管理，科学性的论证。",
            "及时公开的信息，具体到的人，统一了的认识。",
        ]);
    }

    #[test]
    fn de_between_a_modal_and_a_verb_becomes_di() {
        assert_eq!(
            fixes("致使自己不能全面细致的了解基层建设情况，不能很好的统筹兼顾。"),
            vec![
                (
                    ReviewKind::Particle,
                    "全面细致的".to_owned(),
                    "全面细致地".to_owned()
                ),
                (
                    ReviewKind::Particle,
                    "很好的".to_owned(),
                    "很好地".to_owned()
                ),
            ]
        );
        quiet(&[
            "没有很好的学习机会，需要深入的研究，开展全面的检查。",
            "能全面细致地了解情况，要认真学习。",
        ]);
    }

    #[test]
    fn de_between_a_degree_and_cunzai_becomes_di() {
        assert_eq!(
            fixes("形式主义、官僚主义问题在一些单位不同程度的存在。"),
            one(ReviewKind::Particle, "不同程度的", "不同程度地")
        );
        quiet(&[
            "还存在不同程度的问题，得到一定程度的提高。",
            "不同程度的问题依然存在，在很大程度的影响下。",
        ]);
    }

    #[test]
    fn zai_the_adverb_before_a_phrase_of_place_becomes_zai_the_preposition() {
        assert_eq!(
            fixes("积极主动联系企业不够，多加强再政策宣传力度上着手。"),
            one(ReviewKind::WrongWord, "再政策", "在政策")
        );
        assert_eq!(
            fixes("再实际工作中，再今后的工作中要改进。"),
            vec![
                (
                    ReviewKind::WrongWord,
                    "再实际".to_owned(),
                    "在实际".to_owned()
                ),
                (
                    ReviewKind::WrongWord,
                    "再今后的".to_owned(),
                    "在今后的".to_owned()
                ),
            ]
        );
        quiet(&[
            "再学习、再出发，推动工作再上新台阶，再接再厉。",
            "退休以后再工作一段时间，再思想，再生活。",
            "在工作中、在思想上、在政策宣传上着手。",
            "再工作，中间休息；一再强调工作中的纪律。",
        ]);
    }

    /// Pieces of the phrases (verbs that hold other verbs, particles, adverbs, complements
    /// that hold other complements) and of the text around them.
    const PARTICLE_PIECES: &[&str] = &[
        "检查",
        "查",
        "检",
        "落实",
        "抓",
        "学习",
        "学",
        "习",
        "谋划",
        "谋",
        "的",
        "地",
        "得",
        "还",
        "也",
        "不够",
        "不到位",
        "不紧",
        "紧",
        "很好",
        "较好",
        "比较好",
        "比较",
        "所",
        "，",
        "工作",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn the_particle_scan_agrees_with_the_expression_it_replaced(
            pieces in proptest::collection::vec(proptest::sample::select(PARTICLE_PIECES), 0..24)
        ) {
            static EXPRESSION: LazyLock<regex::Regex> = LazyLock::new(|| {
                regex::Regex::new(&format!(
                    "(?:{VERBS})([的地])(?:还|也|都|仍|尚|就)?(?:{COMPLEMENTS})"
                ))
                .unwrap()
            });
            let text: String = pieces.concat();
            let expected: Vec<_> = EXPRESSION
                .captures_iter(&text)
                .filter_map(|caps| Some((caps.get(0)?.range(), caps.get(1)?.range())))
                .collect();
            proptest::prop_assert_eq!(particle_phrases(&text), expected, "{}", text);
        }
    }

    #[test]
    fn a_long_run_of_particles_is_scanned_once() {
        // A bound on work: each particle is looked at once, with the two starts before it.
        let text = "抓的".repeat(100_000);
        assert_eq!(particle_phrases(&text), []);
        let phrases = particle_phrases(&"抓的不够紧".repeat(100_000));
        assert_eq!(phrases.len(), 100_000);
        assert_eq!(
            phrases[1],
            (15..27, 18..21),
            "抓的不够 of the second 抓的不够紧"
        );
    }
}
