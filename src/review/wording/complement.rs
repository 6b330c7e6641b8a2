//! `的` (or `地`) where a complement needs `得`, read from the shape of the phrase rather than
//! from `wording`'s list of verbs: a verb's complement of degree (`开展的不均衡`, `落实的很好`:
//! `的` followed by `不` and a gradable quality, or by a degree adverb and a quality, the
//! phrase closing the clause), a one-character verb with a bare or graded quality (`干的好`,
//! `喊的响`, `给的太短`), a complement of the extreme (`羡慕的不得了`), `地` before such a
//! complement (`进行地很顺利`), and `得` before what was done (`做得工作`, where `的` is meant).
//! Quantities (`不多`, `较少`) are left to the listed verbs: `吸收的不多` also reads "what was
//! taken in is not much".

use super::super::{Location, ReviewItem, clause_so_far, closes_clause, sentence_around};
use super::particle::{MORE_VERBS, OWNERS, han_after, han_before, particle_item};
use super::{Verbs, ends_clause};
use crate::clean::is_han;

/// The complement at the `的` between `at` and `after`, if `的` stands for `得` there. A
/// listed one-character verb first: `工作做的不好` is `做的不好`, not a word `作做`; other
/// verbs of one character after the verbs of two (`推进的较慢`).
pub(super) fn at_de(location: Location, text: &str, at: usize, after: usize) -> Option<ReviewItem> {
    short_complement(location, text, at, after, true)
        .or_else(|| extreme(location, text, at, after))
        .or_else(|| complement(location, text, at, after))
        .or_else(|| short_complement(location, text, at, after, false))
        .or_else(|| quantity_beside_de2(location, text, at, after))
        .or_else(|| degree_reached_even(location, text, at, after))
        .or_else(|| perceived(location, text, at, after))
        .or_else(|| the_more(location, text, at, after))
        .or_else(|| super::overwhelmed::overwhelmed(location, text, at, after))
        .or_else(|| super::overwhelmed::left_someone(location, text, at, after))
        .or_else(|| made_to_become(location, text, at, after))
        .or_else(|| super::idiom_state::idiom_state(location, text, at, after))
}

/// Words that make someone or something become what follows (`让友谊变的薄脆`).
const CAUSING: &[&str] = &["让", "使", "令"];

/// `只会让友谊之间变的薄脆`: `变` after `让`/`使`/`令` in its clause, then `的` and what it
/// became: a complement of state, which only `得` brings in (`让…变的东西` is no sentence).
fn made_to_become(location: Location, text: &str, at: usize, after: usize) -> Option<ReviewItem> {
    let before = text[..at].strip_suffix('变')?;
    let clause = clause_so_far(before);
    let became = text[after..].chars().next()?;
    // `让人变的是环境`: what made one change, a noun phrase.
    if !CAUSING.iter().any(|w| clause.contains(w)) || !is_han(became) || "的是".contains(became) {
        return None;
    }
    Some(complement_item(
        location,
        text,
        before.len()..after,
        "变得".to_owned(),
    ))
}

/// Qualities of one character that `越` grades in a complement closing its clause (`接触的越多，`).
const GRADED_BY_YUE: &str = "多少深久快好高远大早晚强";

/// `接触的越多，感到…越多`: after a verb, `越` and a quality closing the clause says how far
/// the doing went, a complement, which `得` opens (`越来越` is one of [`DEGREES`]). Not
/// `严重的越门占道`, where `越` is a verb, nor after an owner (`我们的越多越好`).
fn the_more(location: Location, text: &str, at: usize, after: usize) -> Option<ReviewItem> {
    let rest = &text[after..];
    let graded_rest = rest.strip_prefix('越')?;
    // One listed character (`越多`), or a quality of two a complement takes (`分析的越透彻，`).
    let quality = graded_rest
        .chars()
        .next()
        .filter(|&q| GRADED_BY_YUE.contains(q))
        .map(char::len_utf8)
        .or_else(|| {
            QUALITIES
                .iter()
                .chain(DEGREE_QUALITIES)
                .find(|q| q.chars().count() == 2 && graded_rest.starts_with(*q))
                .map(|q| q.len())
        })?;
    let verb = text[..at].chars().next_back().filter(|&c| is_han(c))?;
    if !ends_clause(&graded_rest[quality..]) || OWNERS.iter().any(|o| text[..at].ends_with(o)) {
        return None;
    }
    let graded = '越'.len_utf8() + quality;
    // The flag shows the verb whole where it has two characters (`分析得越透彻`).
    let start = han_before(text, at, 2).unwrap_or(at - verb.len_utf8());
    let fixed = format!("{}得{}", &text[start..at], &rest[..graded]);
    Some(complement_item(
        location,
        text,
        start..after + graded,
        fixed,
    ))
}

/// What may follow `连` and make a word with it (`连续`, `连队`, `连夜`), rather than be the
/// `连` of "even" that opens a complement of degree (`紧张得连表达都困难`).
const LIAN_WORDS: &str = "续接队锁载任带同日夜年贯片线通环绵篇串番累连心结长排体坐廊";

/// `紧张的连表达都略微困难`, `忙的连饭都顾不上吃`: `连…都` or `连…也` after a verb or a
/// quality says how far it went, a complement, which `得` opens. The object of `连` is short,
/// so `都`/`也` comes within eight characters, in the same clause.
fn degree_reached_even(
    location: Location,
    text: &str,
    at: usize,
    after: usize,
) -> Option<ReviewItem> {
    let rest = text[after..].strip_prefix('连')?;
    rest.chars()
        .next()
        .filter(|&c| is_han(c) && !LIAN_WORDS.contains(c))?;
    let clause = &rest[..rest.find(closes_clause).unwrap_or(rest.len())];
    if !clause
        .chars()
        .skip(1)
        .take(8)
        .any(|c| c == '都' || c == '也')
    {
        return None;
    }
    let last = text[..at].chars().next_back()?;
    let owned = OWNERS
        .iter()
        .chain(PRONOUNS)
        .any(|o| text[..at].ends_with(o));
    if !is_han(last) || NOT_A_VERB_BEFORE_DE.contains(last) || owned {
        return None;
    }
    // Only the particle and `连`: where the word before it starts is not known (`每天忙的连`).
    let end = after + '连'.len_utf8();
    Some(particle_item(
        location,
        text,
        at..end,
        "complement",
        LONE_PARTICLE_WHY,
        "得连".to_owned(),
    ))
}

/// Why `的` before a complement is `得`, said of a flag over the particle alone, where the verb
/// or quality before it is not known to be either (`每天忙的要命`).
const LONE_PARTICLE_WHY: &str = "动词、形容词后面接补语用“得”";

/// One-character verbs of taking in and putting across (`听`, `讲`), whose complement is what
/// was made clear (`听的明白` for `听得明白`).
const PERCEIVING_VERBS: &str = "听看说讲想弄搞写";

/// The results such a verb reaches, closing the clause: `明白`, `清楚`, `透彻`, `懂`, `透`.
const PERCEIVED: &[&str] = &["明白", "清楚", "透彻", "通透", "懂", "透"];

/// `也听的明白，`, `讲的清楚。`: a verb of [`PERCEIVING_VERBS`], `的`, and the result it reached
/// closing the clause.
fn perceived(location: Location, text: &str, at: usize, after: usize) -> Option<ReviewItem> {
    let verb = text[..at]
        .chars()
        .next_back()
        .filter(|&c| PERCEIVING_VERBS.contains(c))?;
    let rest = &text[after..];
    let result = PERCEIVED
        .iter()
        .find(|r| rest.starts_with(*r) && ends_clause(&rest[r.len()..]))?;
    let start = at - verb.len_utf8();
    let fixed = format!("{verb}得{result}");
    Some(complement_item(
        location,
        text,
        start..after + result.len(),
        fixed,
    ))
}

/// `看得多、思考的少`, `嘴上说的多…却做得少`: a quantity after `的` in a sentence whose
/// parallel phrase has it after `得`. Alone, `布置的多，检查的少` reads "what is assigned is
/// much, what is checked little", and is right; beside `看得多` the writer has shown which
/// they meant.
fn quantity_beside_de2(
    location: Location,
    text: &str,
    at: usize,
    after: usize,
) -> Option<ReviewItem> {
    let quantity = text[after..]
        .chars()
        .next()
        .filter(|&c| QUANTITIES_OF_ONE.contains(c))?;
    let sentence = &text[sentence_around(text, at)];
    let parallel = QUANTITIES_OF_ONE
        .chars()
        .any(|q| sentence.contains(&format!("得{q}")));
    let contrasted = !parallel
        && contrasted_doings(sentence)
        && text[..at].ends_with(|c| CONTRASTED_VERBS.contains(c));
    if !parallel && !contrasted {
        return None;
    }
    let start = if contrasted {
        han_before(text, at, 1)?
    } else {
        han_before(text, at, 2).or_else(|| han_before(text, at, 1))?
    };
    let end = after + quantity.len_utf8();
    let fixed = format!("{}得{quantity}", &text[start..at]);
    Some(complement_item(location, text, start..end, fixed))
}

/// One-character verbs of saying and doing that the genre sets against each other with a
/// quantity (`说的多，做的少`, `扣的多、奖的少`, `喊的响、做的少`).
const CONTRASTED_VERBS: &str = "说讲谈做干想学看听写扣奖罚喊叫";

/// What the talking side of "more said than done" has after `的`: much, or loud (`喊的响`).
const SAID_SIDE: &[&str] = &["的多", "的响"];

/// Whether `sentence` sets two of [`CONTRASTED_VERBS`] against each other, one with `多` (or
/// `响`) and the other with `少` after `的` (`说的多，做的少`, `喊的响、做的少`): the formula of
/// "more said than done", where each is a verb and its complement. With verbs of two characters (`布置的多，检查的少`)
/// the reading "what is assigned is much" stays, and nothing is flagged.
fn contrasted_doings(sentence: &str) -> bool {
    // Each side closes its clause, as a complement does (`喊的响声` is a noun).
    let verbs_before = |quantity: &str| -> Vec<char> {
        sentence
            .match_indices(quantity)
            .filter(|(at, q)| !sentence[at + q.len()..].starts_with(is_han))
            .filter_map(|(at, _)| sentence[..at].chars().next_back())
            .filter(|&verb| CONTRASTED_VERBS.contains(verb))
            .collect()
    };
    let more: Vec<char> = SAID_SIDE
        .iter()
        .flat_map(|side| verbs_before(side))
        .collect();
    let less = verbs_before("的少");
    more.iter().any(|m| less.iter().any(|l| l != m))
}

/// The complements read from `地` and `得` rather than `的`: `进行地很顺利`, `做得工作`.
pub(super) fn check(location: Location, text: &str, verbs: &Verbs, items: &mut Vec<ReviewItem>) {
    di_for_de2(location, text, verbs, items);
    de2_before_a_noun(location, text, items);
}

/// Qualities that `不` negates in a complement of degree (`抓得不实`, `开展得不均衡`).
/// Words that also name a lack as a noun (`不足`, `不满`, `不同`) are not here.
const QUALITIES: &[&str] = &[
    "到位", "扎实", "深入", "细致", "彻底", "全面", "充分", "规范", "及时", "均衡", "平衡", "透彻",
    "具体", "有力", "有效", "理想", "明显", "突出", "主动", "积极", "系统", "精准", "顺畅", "到家",
    "严格", "严谨", "得力", "正确", "准确", "深刻", "够", "好", "深", "透", "实", "细", "严", "紧",
    "准", "牢", "快",
];

/// Degree adverbs before a quality in a complement (`做得很好`, `推进得较慢`); `degree` reads
/// the same adverbs before `的` (`非常的低下`) and before `得` (`很大得限制`).
pub(super) const DEGREES: &[&str] = &[
    "不太",
    "不很",
    "不是很",
    "稍微有些",
    "稍微有点",
    "稍微",
    "有些",
    "有点",
    "不是特别",
    "不是太",
    "不是十分",
    "不是非常",
    "没有那么",
    "没那么",
    "不够",
    "还不够",
    "比较",
    "过于",
    "太过",
    "十分",
    "非常",
    "相当",
    "尤为",
    "尤其",
    "格外",
    "越来越",
    "更加",
    "更",
    "更为",
    "极为",
    "最为",
    "特别",
    "极其",
    "无比",
    "异常",
    "较",
    "很",
    "太",
    "极",
];

/// Qualities after a degree adverb. Quantities are not here (`像他这样想的很多` is right).
const DEGREE_QUALITIES: &[&str] = &[
    "到位", "扎实", "深入", "细致", "透彻", "缓慢", "被动", "滞后", "一般", "明显", "突出", "严重",
    "理想", "充分", "牢固", "彻底", "全面", "完美", "成功", "熟练", "流畅", "顺利", "好", "差",
    "快", "慢", "浅", "粗", "松", "弱", "紧", "实", "深", "透", "细",
];

/// Adverbs that may stand between `的` and the complement (`做的还不到位`, `做的并不是很好`).
const INSERTED: &[&str] = &[
    "还是", "仍然", "依然", "还", "也", "都", "仍", "尚", "总", "并", "就", "始终", "一直",
];

/// Words that, earlier in the clause, make what follows a noun phrase (`由于工作的不扎实`,
/// `存在的不到位`): the thing before `的` is then the owner of a quality, not a verb with
/// its complement.
const NOUN_TAKERS: &[&str] = &[
    "由于",
    "因为",
    "造成",
    "导致",
    "存在",
    "反映",
    "体现",
    "说明",
    "克服",
    "解决",
    "针对",
    "对于",
    "看到",
    "认识到",
    "发现",
];

/// Subjects that, right after one of [`NOUN_TAKERS`], open a clause of their own.
const SUBJECTS: &[&str] = &["自己", "我们", "他们", "我", "他", "她"];

/// `发现自己想的太简单`: one of [`NOUN_TAKERS`], a subject and a one-character verb, whose
/// complement `的` stands for; the taker's object is the whole clause (`发现工作的不到位` has
/// no subject, and its `工作` is the owner of the lack).
fn subject_after_taker(word: &str, before_de: &str) -> bool {
    let Some(verb) = word
        .chars()
        .next_back()
        .filter(|&v| ACTION_VERBS.contains(v))
    else {
        return false;
    };
    let before_verb = &before_de[..before_de.len() - verb.len_utf8()];
    NOUN_TAKERS.iter().any(|taker| {
        SUBJECTS.iter().any(|subject| {
            before_verb
                .strip_suffix(subject)
                .is_some_and(|b| b.ends_with(taker))
        })
    })
}

/// Owners that are never verbs (`自己的不够`).
const PRONOUNS: &[&str] = &[
    "自己", "自身", "我们", "他们", "本人", "大家", "个人", "同志", "班子", "这样", "那样", "一样",
    "同样", "这些", "那些", "别人",
];

/// One-character verbs whose complement of degree is often a bare `好` or `差` (`干的好`).
pub(super) const SHORT_VERBS: &[&str] = &["干", "做", "抓", "学", "写", "讲", "办", "管", "用"];
/// Bare complements after a one-character verb, closing the clause or going on with
/// `就`/`才`/`则`/`也`/`都` (`做的怎样也无所谓`).
const SHORT_COMPLEMENTS: &[&str] = &[
    "好一些",
    "差一些",
    "好些",
    "差些",
    "不好",
    "很好",
    "较好",
    "不错",
    "好",
    "差",
    "怎么样",
    "怎样",
    "如何",
    "一般般",
    "一般",
    "不行",
    "差不多",
    "远远不够",
    // States of one's speed or look that no noun is (`走的飞快`, `摔的粉碎`).
    "飞快",
    "笔直",
    "通红",
    "粉碎",
    "精光",
];

/// One-character verbs of action, which take a complement of degree (`喊的响`, `时间给的太短`,
/// `定的急了`): chosen from the common single-character verbs of jieba's dictionary (tag `v`,
/// seen at least 3,000 times), leaving out the verbs of being, having, saying and seeming
/// (`是`, `有`, `说`, `像`), after which `的` is as often a noun's (`说的对`), and those that
/// are mostly parts of other words (`设`, `置`, `属`); and `差` of falling short, which takes
/// a distance (`离名师还差的很远`); and `住`, as in how one lived (`住的差一些`).
pub(super) const ACTION_VERBS: &str = "到来去出看想走听吃打开进回找拿写发定坐放送拉动教变加跑取买接提改搞冲收调哭睡骂装领谈留举帮求推救抱拍交修考停解抢弄追读守散招贴保忘烧翻逃喊压摸赶迎闹抬骑摆借戴唱玩练盖吹爬挥懂插超争告试陪躲劝拖查抗养补洗夺搭扶造登增防记给背跳差住摔包照";

/// One-character verbs that take a graded complement (`聊的很欢`, `过的很充实`, `输的很惨`,
/// `穿的太少`) but not a bare one: `过的日子`, `穿的衣服`, `输的一方`.
pub(super) const GRADED_ONLY_VERBS: &str = "聊过输活穿";

/// One-character qualities a complement of degree ends on (`喊的响`), from jieba's common
/// single-character adjectives (tag `a`): never a noun at the end of a clause.
pub(super) const QUALITIES_OF_ONE: &str = "好差大小高长快难近强明重低早远深满宽久轻短紧硬冷熟厚苦广坏细密偏软痛累浅薄慢粗严乱实透稳准松晚齐急响勤烂";

/// Quantities, which only `太` (too) makes a complement (`求的太多`): `买的多`, `吸收的不多`
/// and `像他这样想的很多` also read "what was bought is much", "those who think so are many".
const QUANTITIES_OF_ONE: &str = "多少";

/// Whether a complement of degree closes its clause here, or after `一点`/`一些`
/// (`可以做的更好一点。`). Not before `、`: in a list of nouns `团队协作的不顺畅、…等等` names
/// a lack, a noun phrase.
pub(super) fn ends_complement(rest: &str) -> bool {
    let rest = rest
        .strip_prefix("一点")
        .or_else(|| rest.strip_prefix("一些"))
        .unwrap_or(rest);
    !rest.starts_with('、') && ends_clause(rest)
}

/// `开展的不均衡。`: a two-character word, `的`, a complement of degree closing the clause.
fn complement(location: Location, text: &str, at: usize, after: usize) -> Option<ReviewItem> {
    let start = han_before(text, at, 2)?;
    let word = &text[start..at];
    let before = &text[..start];
    // The clause so far: `由于宣传工作的不到位` is a noun phrase however long its owner.
    let clause = clause_so_far(before);
    // `所做的`, `该管的`; `在农村的尤为明显`: after `在` the word is a place.
    let nominalised = |c: char| "所该能可要应会需必的在".contains(c);
    // `最近的更新里`, `最大的不足`: a superlative is a quality, never a verb.
    // `并没有我自己安排的那么高`: what was planned, thought or said is the measure the outcome
    // falls short of, a noun phrase.
    let compares = COMPARING.iter().any(|w| {
        clause.match_indices(w).any(|(i, _)| {
            !["想到", "有想到"]
                .iter()
                .any(|t| clause[i + w.len()..].starts_with(t))
        })
    });
    let measure = compares && MEASURES.iter().any(|m| word.ends_with(m));
    if PRONOUNS.contains(&word)
        || known_as(&text[..at])
        || measure
        || word.starts_with('最')
        || word.ends_with(|c| NOT_A_VERB_BEFORE_DE.contains(c))
        || (NOUN_TAKERS.iter().any(|w| clause.contains(w))
            && !subject_after_taker(word, &text[..at]))
        || before.chars().next_back().is_some_and(nominalised)
        || word.chars().next().is_some_and(nominalised)
    {
        return None;
    }
    let mut rest = &text[after..];
    let inserted = INSERTED.iter().find(|a| rest.starts_with(*a));
    if let Some(adverb) = inserted {
        rest = &rest[adverb.len()..];
    }
    let negated = rest.strip_prefix('不').and_then(|r| {
        QUALITIES
            .iter()
            .find(|q| r.starts_with(*q) && ends_complement(&r[q.len()..]))
            .map(|q| '不'.len_utf8() + q.len())
    });
    // After an adverb (`交的也很简单`) the owner reading is as near as the verb's
    // (`the ones handed in are simple too`): only the listed qualities count there.
    let graded = graded_quality(rest, inserted.is_none());
    let tail = negated
        .or(graded)
        .or_else(|| doubled_state(rest))
        .or_else(|| comparative_quantity(rest))
        .or_else(|| graded_one_quality(word, rest))?;
    let end = text.len() - rest.len() + tail;
    // `当时想的太超前了`: two characters that make no word end on a one-character verb,
    // which alone is mended; so do two that make a word with the character before them
    // (`以前去的那么勤`, `没想到来的这么快`: `以前|去`, `想到|来`).
    let is_word = super::super::idiom::is_common_word;
    let split_from_before = before
        .chars()
        .next_back()
        .zip(word.chars().next())
        .is_some_and(|(b, first)| is_han(b) && is_word(&format!("{b}{first}")));
    let verb = match word.chars().next_back() {
        Some(last) if ACTION_VERBS.contains(last) && (!is_word(word) || split_from_before) => {
            &word[word.len() - last.len_utf8()..]
        }
        _ => word,
    };
    let fixed = format!("{verb}得{}", &text[after..end]);
    Some(complement_item(location, text, at - verb.len()..end, fixed))
}

/// What one is known by all to be (`能力也是公认的不行`, `是出了名的差`): `的` closes a word
/// of standing, and what follows is what one is known as, not a complement.
const KNOWN_AS: &[&str] = &["公认", "出名", "有名"];

/// Whether `before_de`, the text before a `的`, ends on one of [`KNOWN_AS`].
pub(super) fn known_as(before_de: &str) -> bool {
    KNOWN_AS.iter().any(|k| before_de.ends_with(k))
}

/// What opens a comparison that falls short (`并没有…那么高`, `不像…那么简单`); not before
/// `想到` (`没想到他说的这么直接` is a complement).
const COMPARING: &[&str] = &["没有", "没", "不像", "不如", "比不上", "并非"];

/// Verbs of planning, thinking and telling, whose object is the measure a comparison holds an
/// outcome to (`没有我们安排的这么快`, `没有想象的那么高效`).
const MEASURES: &[&str] = &[
    "想象", "想像", "以为", "安排", "计划", "预想", "预期", "预料", "估计", "设想", "期望", "期待",
    "宣传", "描述", "形容", "上报", "承诺", "想", "说",
];

/// The flag for a complement written with `的` or `地` over `range`, mended to `fixed`.
fn complement_item(
    location: Location,
    text: &str,
    range: std::ops::Range<usize>,
    fixed: String,
) -> ReviewItem {
    particle_item(
        location,
        text,
        range,
        "complement",
        "动词后面接补语用“得”",
        fixed,
    )
}

/// Complements that say "to the extreme" (`羡慕得不得了`, `忙得要命`, `好得很`): after a
/// verb or a quality they only ever follow `得`, and they close the clause.
const EXTREMES: &[&str] = &["不得了", "要命", "很"];

/// What before `的` makes it no verb or quality: `真的不得了` is "truly remarkable", `有的很`
/// begins "some are very…", `我真的很惭愧` is "I am truly ashamed".
const NOT_A_VERB_BEFORE_DE: &str = "真是有别其这那什";

/// `羡慕的不得了。`: a word, `的`, a complement of the extreme closing the clause.
fn extreme(location: Location, text: &str, at: usize, after: usize) -> Option<ReviewItem> {
    let rest = &text[after..];
    let tail = EXTREMES
        .iter()
        .find(|e| rest.starts_with(*e) && ends_clause(&rest[e.len()..]))?;
    let last = text[..at].chars().next_back()?;
    if !is_han(last) || NOT_A_VERB_BEFORE_DE.contains(last) {
        return None;
    }
    Some(de2_then(location, text, at, after, tail))
}

/// The flag for `的` at `at..after` where `得` must open `tail`, the complement after it.
pub(super) fn de2_then(
    location: Location,
    text: &str,
    at: usize,
    after: usize,
    tail: &str,
) -> ReviewItem {
    particle_item(
        location,
        text,
        at..after + tail.len(),
        "complement",
        LONE_PARTICLE_WHY,
        format!("得{tail}"),
    )
}

/// The length of a degree adverb and the quality it grades at the start of `rest`, closing
/// the clause (`很好。`, `不是很理想，`): a listed quality, or with `any_two` any word of two
/// Chinese characters, since a degree adverb grades only qualities and feelings. Quantities
/// are left (`像他这样想的很多`): they are not words of two characters after a degree adverb.
fn graded_quality(rest: &str, any_two: bool) -> Option<usize> {
    DEGREES.iter().find_map(|d| {
        let r = rest.strip_prefix(d)?;
        // `的更新`, `的更换`: `更` opens a word of its own there, not a degree.
        if *d == "更" && r.starts_with(['新', '换', '改', '替', '迭']) {
            return None;
        }
        let listed = DEGREE_QUALITIES
            .iter()
            .find(|q| r.starts_with(*q) && ends_complement(&r[q.len()..]))
            .map(|q| q.len());
        // `想的太超前了`: a graded quality may close on `了`.
        let two = han_after(r, 2)
            .filter(|&two| {
                any_two
                    && two == 6
                    && r.chars().nth(1) != Some('的')
                    && (ends_complement(&r[two..])
                        || paired_quality_closes(&r[two..])
                        || r[two..].strip_prefix('了').is_some_and(ends_complement))
            })
            .map(|two| two + usize::from(r[two..].starts_with('了')) * '了'.len_utf8());
        // An idiom or a negated phrase of four graded whole (`写的非常支离破碎`, `做的极其
        // 不切实际`); not a quantity and what it counts (`说的很多东西`).
        let four = han_after(r, 4).filter(|&four| {
            any_two
                && four == 12
                && !r[..four].contains('的')
                && !r.starts_with(['多', '少'])
                // `骂人的更不用说了`: those who did it, needless to say; no complement.
                && !r.starts_with("不用说")
                && ends_complement(&r[four..])
                && (r.starts_with('不') || super::super::idiom::is_idiom(&r[..four]))
        });
        listed.or(two).or(four).map(|q| d.len() + q)
    })
}

/// `和协调。` after `配合的不够主动`: a second quality of two characters joined by `和` or `与`,
/// closing the clause; the degree adverb grades both.
fn paired_quality_closes(rest: &str) -> bool {
    let Some(second) = rest.strip_prefix(['和', '与']) else {
        return false;
    };
    han_after(second, 2).is_some_and(|two| ends_complement(&second[two..]))
}

/// `了解的多一些`, `想的也多一些`, `考虑的多一点`: a quantity compared, closing the clause, which
/// only a complement is (`what is known is more` is no sentence).
fn comparative_quantity(rest: &str) -> Option<usize> {
    let quantity = QUANTITIES_OF_ONE.chars().find(|q| rest.starts_with(*q))?;
    let after = &rest[quantity.len_utf8()..];
    let more = ["一些", "一点", "些"]
        .iter()
        .find(|m| after.starts_with(*m))?;
    let end = quantity.len_utf8() + more.len();
    ends_clause(&rest[end..]).then_some(end)
}

/// A doubled quality and `的` closing the clause (`坚持的好好的`): the state the action left,
/// a complement.
fn doubled_state(rest: &str) -> Option<usize> {
    let mut chars = rest.chars();
    let (a, b, de) = (chars.next()?, chars.next()?, chars.next()?);
    let len = a.len_utf8() + b.len_utf8() + de.len_utf8();
    (is_han(a) && a == b && de == '的' && ends_complement(&rest[len..])).then_some(len)
}

/// `进行地很顺利`: `地` after a verb before a graded quality closing the clause, a complement
/// of degree, where `得` is meant. Only after a listed verb: `地` is also a noun (`这块地很大`).
fn di_for_de2(location: Location, text: &str, verbs: &Verbs, items: &mut Vec<ReviewItem>) {
    for (at, di) in text.match_indices('地') {
        // The complement first: `地` is mostly a noun's (`各地`, `土地`), and what follows
        // a noun is seldom a graded quality, so the list of verbs is seldom read.
        let after = at + di.len();
        let mut rest = &text[after..];
        if let Some(adverb) = INSERTED.iter().find(|a| rest.starts_with(*a)) {
            rest = &rest[adverb.len()..];
        }
        let Some(tail) = graded_quality(rest, true) else {
            continue;
        };
        let before = &text[..at];
        let verb = verbs
            .all()
            .iter()
            .chain(MORE_VERBS)
            .chain(DI_VERBS)
            .filter(|v| v.chars().count() == 2 && before.ends_with(*v))
            .max_by_key(|v| v.len());
        let Some(verb) = verb else {
            continue;
        };
        let start = at - verb.len();
        let end = text.len() - rest.len() + tail;
        let fixed = format!("{verb}得{}", &text[after..end]);
        items.push(complement_item(location, text, start..end, fixed));
    }
}

/// What one does, as nouns after a one-character verb (`做得工作甚少`): `得` takes a
/// complement, never a noun, so `的` is meant.
const DONE_THINGS: &[&str] = &["工作", "事情", "贡献", "成绩"];

/// `做得工作甚少`: a one-character verb, `得`, a noun of what was done.
fn de2_before_a_noun(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    for (at, de) in text.match_indices('得') {
        let Some(verb) = SHORT_VERBS.iter().find(|v| text[..at].ends_with(*v)) else {
            continue;
        };
        let after = at + de.len();
        let Some(noun) = DONE_THINGS.iter().find(|n| text[after..].starts_with(*n)) else {
            continue;
        };
        let start = at - verb.len();
        items.push(particle_item(
            location,
            text,
            start..after + noun.len(),
            "attribute_de",
            "修饰名词用“的”",
            format!("{verb}的{noun}"),
        ));
    }
}

/// Verbs that `di_for_de2` reads besides the lists (`进行地很顺利`).
pub(super) const DI_VERBS: &[&str] = &["进行", "开展", "完成", "发展", "表现", "做到"];

/// `太短`, `还不紧`, `急了`, `响` at the start of `rest`, closing the clause: a one-character
/// quality after an optional adverb and degree, with an optional `了`.
fn graded_one(rest: &str) -> Option<&str> {
    let mut r = rest;
    if let Some(adverb) = INSERTED.iter().find(|a| r.starts_with(*a)) {
        r = &r[adverb.len()..];
    }
    let degree = degree_of_one(r);
    let graded_from = rest.len() - r.len();
    if let Some(degree) = degree {
        r = &r[degree.len()..];
    }
    let quality = r.chars().next()?;
    let graded = QUALITIES_OF_ONE.contains(quality)
        || (degree.is_some_and(|d| d.starts_with('太') || d.starts_with('过'))
            && QUANTITIES_OF_ONE.contains(quality));
    if !graded {
        return None;
    }
    r = &r[quality.len_utf8()..];
    // Said twice for stress: `差的很远很远`.
    let once = &rest[graded_from..rest.len() - r.len()];
    r = r.strip_prefix(once).unwrap_or(r);
    r = r.strip_prefix('了').unwrap_or(r);
    (ends_complement(r) || paired_complement_follows(r)).then(|| &rest[..rest.len() - r.len()])
}

/// The degree at the start of `r` that may grade a one-character quality (`太`, `不`, `挺`,
/// `那么`), the longest. `好` grades only a quality after it (`压缩的好紧`); alone it is the
/// quality (`干的好`); nor the words `好坏` and `好强` (`这件事的好坏`).
fn degree_of_one(r: &str) -> Option<&'static str> {
    let graded_by_hao = r
        .strip_prefix('好')
        .and_then(|q| q.chars().next())
        .is_some_and(|q| QUALITIES_OF_ONE.contains(q) && !"坏强".contains(q));
    DEGREES
        .iter()
        .copied()
        .chain(["不", "挺", "更", "真", "那么", "这么"])
        .chain(graded_by_hao.then_some("好"))
        .filter(|d| r.starts_with(d))
        .max_by_key(|d| d.len())
}

/// `好紧`, `挺乱`, `太急了` at the start of `rest`: a one-character quality after a degree,
/// closing the clause. After a word of two characters only a graded one is a complement:
/// bare, `发展的快` reads as well as `他们的好`; nor after a place (`边角上的有点乱`: what is
/// there is messy).
fn graded_one_quality(word: &str, rest: &str) -> Option<usize> {
    if word.ends_with(|c| "上里中下内外前后边".contains(c)) {
        return None;
    }
    // A bare `不` negates; `negated` in `complement` reads it against its own list.
    let graded = degree_of_one(rest).is_some_and(|d| d != "不");
    graded.then(|| graded_one(rest)).flatten().map(str::len)
}

/// `、做的少` after `喊的响`: `、` and another one-character verb with `的` and a one-character
/// quality or quantity. Two such phrases side by side are a pair of complements (`喊的响、
/// 做的少`), not a list of nouns, which `ends_complement` keeps `、` for.
fn paired_complement_follows(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next() == Some('、')
        && chars
            .next()
            .is_some_and(|verb| ACTION_VERBS.contains(verb) || CONTRASTED_VERBS.contains(verb))
        && chars.next() == Some('的')
        && chars
            .next()
            .is_some_and(|q| QUALITIES_OF_ONE.contains(q) || QUANTITIES_OF_ONE.contains(q))
        && ends_complement(chars.as_str())
}

/// What before a one-character verb makes it a noun's modifier (`所做的`, `该做的`, `能做的`):
/// what follows its `的` is then no complement.
pub(super) const MAKES_A_MODIFIER: &str = "所该能可要应会需必的";

/// `业务干的好就行`: a one-character verb, `的`, a bare complement closing the clause (or
/// going on with `就`/`才`). Not after a word that makes the verb a noun's modifier
/// (`所做的好事` goes on with a noun anyway).
fn short_complement(
    location: Location,
    text: &str,
    at: usize,
    after: usize,
    listed_verbs: bool,
) -> Option<ReviewItem> {
    let last = text[..at].chars().next_back()?;
    let known = if listed_verbs {
        SHORT_VERBS.iter().any(|v| v.starts_with(last))
    } else {
        ACTION_VERBS.contains(last) || GRADED_ONLY_VERBS.contains(last)
    };
    if !known {
        return None;
    }
    let verb = &text[at - last.len_utf8()..at];
    let start = at - verb.len();
    // `并没有我想的那么好`: what was thought is the measure the outcome falls short of.
    let clause = clause_so_far(&text[..start]);
    if MEASURES.contains(&verb) && COMPARING.iter().any(|w| clause.contains(w)) {
        return None;
    }
    if text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| MAKES_A_MODIFIER.contains(c))
    {
        return None;
    }
    let rest = &text[after..];
    // An adverb may stand before the bare complement (`做的还远远不够`).
    let inserted = INSERTED
        .iter()
        .find(|a| rest.starts_with(*a))
        .map_or(0, |a| a.len());
    let listed = SHORT_COMPLEMENTS
        .iter()
        .find(|c| {
            rest[inserted..].strip_prefix(*c).is_some_and(|r| {
                ends_complement(r) || r.starts_with(['就', '才', '则', '也', '都'])
            })
        })
        .map(|c| &rest[..inserted + c.len()]);
    // After a listed verb, also a graded quality of two characters (`做的更大气一点`: the
    // owner reading, `what was done is grander`, needs a noun the verb lacks) and what the
    // doing did to others (`写的让人摸不着头脑`), a complement of state only `得` brings in.
    let listed_verbs_only = || {
        let graded = graded_quality(rest, true).map(|len| &rest[..len]);
        // After any verb of action, a degree adverb and a quality of two closing the clause
        // (`玩的很开心`, `跑的非常艰难`, `聊的很欢畅`): what a degree adverb grades is how the
        // doing went; the owner reading (`what was played is very happy`) makes no sense.
        if !listed_verbs {
            return graded;
        }
        graded.or_else(|| {
            ["让人", "令人", "使人"]
                .into_iter()
                .find(|e| rest.starts_with(e))
        })
    };
    let listed = listed
        .or_else(|| graded_one(rest))
        .or_else(listed_verbs_only);
    // `把文章讲的支离破碎`: after `把` an idiom closing the clause says how the thing was done
    // (without it `干的逆反心理` is the feeling of those who did it).
    let idiom = || {
        let len: usize = rest.chars().take(4).map(char::len_utf8).sum();
        let word = rest.get(..len)?;
        let disposed = clause.contains(['把', '将']);
        (ends_complement(&rest[len..]) && super::super::idiom::is_idiom(word) && disposed)
            .then_some(word)
    };
    let complement = listed.or_else(idiom)?;
    let end = after + complement.len();
    let fixed = format!("{verb}得{complement}");
    Some(complement_item(location, text, start..end, fixed))
}
