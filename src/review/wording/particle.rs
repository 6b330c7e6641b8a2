//! `的` for `得` and `的` for `地` that the listed verbs of `wording` do not reach, read from
//! the shape of the phrase rather than from a list of verbs. The complements (`的` for `得`)
//! are `complement`'s; here, each `的` is read for one, then for an adverbial before a verb:
//! `按部就班的去做`, `三令五申的强调，`, `及时的提高自己`: a four-character idiom, a doubled
//! word (`认认真真`) or a manner word (`认真`, `主动`), `的`, then `去`/`来` and a verb, or a
//! verb that ends the clause or takes an object. A verb that goes on into a noun (`主动的服务
//! 意识`) or stands as the object of another verb (`进行认真的学习`) is a noun phrase, where
//! `的` is right.

use super::super::{Location, ReviewItem, ReviewKind};
use super::complement;
use super::manner::{
    GRADING, LONGER_MANNERS, MANNERS, OBJECT_BEFORE_A_COUNT, ONLY_ADVERBIAL, idiom_before,
    idiom_like, vivid_before,
};
use super::{Verbs, ends_clause};
use crate::clean::is_han;

/// One-character verbs of saying and asking, after a manner word and `的` (`愤怒的问站长`,
/// `无辜的说不知道`).
const SPEAKING: &str = "问说喊叫骂吼答嚷";
/// What after such a verb makes a noun of it (`问题`, `说法`, `叫声`, `答案`), or a verb that
/// also heads a noun phrase (`说话方式`).
const SPOKEN_NOUNS: &str = "题候卷号责话询世法明辞教声名案复辩语词音";

/// One-character verbs of action after a vivid word (besides `complement`'s).
const VIVID_VERBS: &str = "揍说讲做干响";
/// What follows such a verb when it is done at once: an aspect, a place, a count, a direction.
const AFTER_AN_ACT: &str = "了着过在一到上下起出回进去来完";

/// Complements of direction, which only follow a verb.
const DIRECTIONS: &[&str] = &[
    "起来", "上来", "下来", "出来", "过来", "回来", "进来", "上去", "下去", "出去", "过去", "回去",
    "进去",
];

/// Whether `rest` opens with a one-character verb of action done at once (`揍一顿`, `走在`).
fn acts_at_once(rest: &str) -> bool {
    let mut chars = rest.chars();
    let Some(verb) = chars.next() else {
        return false;
    };
    let acts = complement::ACTION_VERBS.contains(verb) || VIVID_VERBS.contains(verb);
    // Any one character with a complement of direction is a verb (`急匆匆的升起来`).
    if DIRECTIONS.iter().any(|d| chars.as_str().starts_with(d)) {
        return true;
    }
    // Or a verb of wanting before another verb closing the clause (`自然而然的想睡，`).
    let wants = verb == '想'
        && chars
            .clone()
            .next()
            .is_some_and(|c| complement::ACTION_VERBS.contains(c))
        && chars.clone().nth(1).is_none_or(|c| !is_han(c));
    // Or a verb and its result, then an aspect or the clause's end (`一个一个的送走了`).
    let mut after_result = chars.clone();
    let resulted = acts
        && after_result.next().is_some_and(|c| RESULTS.contains(c))
        && after_result
            .next()
            .is_none_or(|c| !is_han(c) || "了过".contains(c));
    wants
        || resulted
        || acts
            && chars
                .next()
                .is_none_or(|c| !is_han(c) || AFTER_AN_ACT.contains(c))
}

/// What goes on from a subject (`一次次的告诫都是空话`): a noun there is no verb's object.
const SUBJECT_THEN: &[&str] = &["都是", "全是", "也是", "只是", "都成了", "成了"];

/// Whether an adverbial after `before` opens its clause: at its start, or after a
/// conjunction or an adverb that leads one (`但慢慢的，`, `可渐渐的，`). Only there may it
/// stand before a pause; elsewhere a subject's state may end the clause (`动作慢慢的，`).
fn opens_its_clause(before: &str) -> bool {
    before
        .chars()
        .next_back()
        .is_none_or(|b| !is_han(b) || "但就可也又却而".contains(b))
}

/// Results a one-character verb reaches (`送走`, `卖掉`, `吃光`, `摔倒`).
const RESULTS: &str = "走掉光倒坏住";

/// Gestures, a verb said twice and a part of the body (`开心的点点头`).
const GESTURES: &[&str] = &["点点头", "摇摇头", "挥挥手", "摆摆手", "耸耸肩"];

/// Verbs after an adverbial (besides `wording`'s list of verbs that take complements).
pub(super) const MORE_VERBS: &[&str] = &[
    "强调", "参与", "参加", "配合", "实施", "推行", "组织", "安排", "传达", "宣讲", "引导", "教育",
    "培养", "关心", "关注", "调查", "整治", "督导", "跟进", "对接", "结合", "转化", "规划", "准备",
    "投入", "走访", "示范", "保持", "遵守", "体现", "领悟", "回应", "办理", "处置", "应对", "防范",
    "排查", "改进", "改正", "纠正", "批评", "接受", "听取", "征求", "反映", "汇报", "请示", "思索",
    "探索", "创新", "应付", "敷衍", "执行", "影响", "制约", "阻碍", "削弱", "损害", "挫伤", "约束",
    "提", "带动", "调动", "激发", "引领", "动员", "发动", "团结", "凝聚", "拉扯", "返回", "搭建",
    "温习", "维护", "融入", "吸收", "借鉴", "相信", "成为", "开始", "混", "过", "活", "指出",
    "观察", "指正", "提醒", "告诉", "回答", "解释", "摸索", "探索", "探讨", "表示", "审题", "利用",
    "收尾", "放大", "浏览", "翻阅", "拖", "评价", "融合", "整合", "衔接", "求救", "求助", "请教",
    "练习", "复习", "预习", "以为", "辞退", "熬夜", "打", "飙升", "分离", "渴望", "盼望", "放纵",
    "欺负", "调整", "延迟", "后退", "闯祸", "拖延", "挥霍", "沉迷", "刷", "疯跑", "答应", "张开",
    "抬头", "发现", "喝", "挂掉", "挂断", "出门", "前往", "享受", "涉及", "收拾", "照",
];

/// What follows a verb and keeps it a verb: a complement of direction, result or how often
/// (`清楚的反映出`, `简单的提一下`, `清醒的看到`).
const VERB_COMPLEMENTS: &[&str] = &[
    "一下", "一番", "出来", "出", "起来", "下去", "到", "去", "完了",
];

/// Verbs that only ever take a clause or a place (`习惯性的认为主业是…`, `很清楚的知道`,
/// `急忙的回到寝室`): never a noun, so what they open is a verb phrase wherever it goes.
const CLAUSE_VERBS: &[&str] = &[
    "感觉到",
    "认为",
    "以为",
    "觉得",
    "知道",
    "意识到",
    "认识到",
    "体会到",
    "感受到",
    "感到",
    "回到",
    "来到",
];

/// Verbs whose object is itself an action (`彻底的进行整改`, `有的放矢的进行`, `认真的加以
///研究`, `简单的让学生看看`): what they open is a verb phrase wherever it goes.
const VERB_PHRASE_HEADS: &[&str] = &["进行", "加以", "予以", "让"];

/// What follows `被` when it is not the passive marker (`被子`, `被告`, `被动`).
const NOT_PASSIVE: &str = "子褥告单动服";

/// Words starting with `将`/`把` that are nouns or adverbs, not the marker of a disposal
/// (`错误的将业务摆在首位`) that opens a verb phrase: `美好的将来`, `十足的把握`.
const NOT_DISPOSAL: &[&str] = &[
    "将来", "将士", "将领", "将军", "将近", "将要", "将会", "将帅", "将才", "将官", "把握", "把关",
    "把手", "把戏", "把柄", "把式", "把控", "把脉", "把守", "把门", "把玩",
];

/// Whether `rest`, what follows `的`, opens with the marker of a disposal (`将`/`把` before
/// what is disposed of): a verb phrase follows.
fn disposes(rest: &str) -> bool {
    rest.starts_with(['将', '把'])
        && !NOT_DISPOSAL.iter().any(|w| rest.starts_with(w))
        && rest
            .chars()
            .nth(1)
            .is_some_and(|c| is_han(c) || c.is_ascii_alphanumeric())
}

/// Manner words of doing well, after which a verb closing the clause is done so, not named
/// (`没有很好的审题，`; `没有很好的办法` has no verb).
const WELL: &[&str] = &["很好", "较好", "更好"];

/// Subjects a clause-opening adverbial may stand before (`慢慢的我意识到`).
const SUBJECTS: &[&str] = &["我", "他", "她", "大家", "自己"];

/// Doubled words that say what a person is like (`傻傻的我们`, `呆呆的他`), heading the person.
const PERSON_LIKE: &str = "傻呆笨乖小胖憨萌";

/// Prepositions that open an adverbial of their own (`很好的与司法所配合`).
const PREPOSITIONS: &[char] = &['与', '同', '跟', '向', '往', '朝'];

/// Whether `rest`, what follows `的`, is a prepositional phrase and its verb (`与司法所配合，`):
/// a preposition, then the clause ending on a verb of two characters with no `的` in it
/// (`积极的与消极的` lists qualities).
fn prepositional_verb_phrase(rest: &str, verbs: &Verbs) -> bool {
    let Some(phrase) = rest.strip_prefix(PREPOSITIONS) else {
        return false;
    };
    let end = phrase
        .find(super::super::closes_clause)
        .unwrap_or(phrase.len());
    let phrase = &phrase[..end];
    // `向`, `往`, `朝` are no conjunctions: a phrase after one goes on to a verb, whatever the
    // verb (`及时有效的向玩家做出说明`, `不知所措的向同事求救`, `踉踉跄跄的往前走`); not
    // `向导`, `往往`, `往事`, `朝气` and their kin.
    let towards = match rest.chars().next() {
        Some('向') => !phrase.starts_with(['导', '心', '日', '量', '往']),
        Some('往') => !phrase.starts_with(['往', '事', '年', '日', '来', '返', '届', '常']),
        Some('朝') => !phrase.starts_with(['气', '代', '阳', '廷', '夕', '霞', '野', '政']),
        _ => false,
    };
    let least = if towards && !rest.starts_with('向') {
        2
    } else {
        3
    };
    phrase.chars().count() >= least
        && !phrase.contains('的')
        && (towards
            || verbs
                .all()
                .iter()
                .chain(MORE_VERBS)
                .any(|v| v.chars().count() == 2 && phrase.ends_with(v)))
}

/// Owners before `的`, after which `把`/`将` may still open a noun (`我们的将来` aside, which
/// [`NOT_DISPOSAL`] holds): what they own is no manner of doing, nor a verb with a complement.
pub(super) const OWNERS: &[&str] = &[
    "我", "你", "他", "她", "它", "们", "自己", "大家", "别人", "人家",
];

/// Before a disposal, any word of two to four characters says how it was done
/// (`不负责任的把失败的责任推向室友`): `的将`/`的把` opens a verb phrase whatever the manner
/// word, so it need not be listed. The word is taken as four characters when there are four.
fn manner_before_disposal(text: &str, at: usize, rest: &str) -> Option<(usize, bool)> {
    if !disposes(rest) || OWNERS.iter().any(|o| text[..at].ends_with(o)) {
        return None;
    }
    han_before(text, at, 4)
        .or_else(|| han_before(text, at, 2))
        .map(|start| (start, false))
}

/// What comes before an adverbial that opens a verb phrase: clause start aside, an adverb, a
/// modal, a subject, a place (`会议上三令五申的强调`), a time (`一大早磨磨蹭蹭的出门`,
/// `每天`) or `去` with what it goes to do
/// (`该怎样去高效的提高`). After a verb (`进行认真的学习`,
/// `保持积极的沟通`) the phrase is that verb's object, a noun phrase.
const BEFORE_ADVERBIAL: &[&str] = &[
    "不", "没", "未", "能", "要", "会", "应", "都", "也", "就", "还", "并", "只", "总", "常",
    "往往", "一直", "始终", "仍", "再", "又", "更", "才", "却", "但", "而", "我", "自己", "本人",
    "们", "上", "中", "里", "时", "后", "前", "去", "总是", "常常", "时常", "这样", "那样", "这么",
    "那么", "很", "非常", "十分", "特别", "比较", "无法", "难以", "他", "她", "早", "天",
];

/// Verbs that take a doing as their object (`做了充分的准备`, `进行了深入的研究`): after one, a
/// degree word and a manner word (`做了比较充分的准备`) describe that doing, a noun phrase.
const LIGHT_VERBS: &[&str] = &[
    "做了",
    "作了",
    "进行了",
    "开展了",
    "有了",
    "给予了",
    "得到了",
    "受到了",
    "做出了",
    "作出了",
    "进行",
    "开展",
    "给予",
    "加以",
    "予以",
];

/// Whether `before`, the text before an adverbial, ends with one of [`LIGHT_VERBS`] and a
/// degree adverb.
fn degree_after_light_verb(before: &str) -> bool {
    complement::DEGREES.iter().any(|degree| {
        before
            .strip_suffix(degree)
            .is_some_and(|verb| LIGHT_VERBS.iter().any(|v| verb.ends_with(v)))
    })
}

/// Words that end in one of [`BEFORE_ADVERBIAL`] but take a noun phrase (`需要深入的研究`)
/// or are nouns (`职能`).
const NOT_BEFORE_ADVERBIAL: &[&str] = &[
    "需要",
    "重要",
    "主要",
    "想要",
    "必要",
    "只要",
    "可能",
    "职能",
    "功能",
    "技能",
    "本能",
    "能不能",
    "要不要",
    "失去",
    "过去",
    "除去",
    "离去",
    "回去",
    "下去",
    "上去",
    "进去",
    "出去",
];

/// Beginnings of an object after the verb (`及时的提高自己的觉悟`, `很好的带动其他干部`,
/// `一味的做“滥好人”`): never the head noun of a noun phrase (`认真的学习态度`).
const OBJECTS: &[&str] = &[
    "自己", "自身", "本人", "各项", "各类", "各种", "有关", "相关", "上级", "党的", "这些", "那些",
    "一些", "每", "其他", "其它", "他人", "别人", "党员", "群众", "干部", "职工", "“", "我", "你",
    "他", "她",
];

/// How a writer puts what follows (`坦诚地说`, `客观地说`, `毫不夸张地说`).
const SAYING_MANNERS: &[&str] = &[
    "坦诚", "坦白", "坦率", "老实", "诚实", "客观", "严格", "准确", "确切", "简单", "具体", "直白",
    "夸张", "中肯", "公正", "公平",
];

/// Adverbs that only ever stand before a verb (`重新开始`, `再次检查`, `逐一核对`).
const VERB_ADVERBS: &[&str] = &["重新", "再次", "一再", "逐一", "亲自", "立即", "马上"];

/// What after `在` makes a word describing people (`优秀的在校学生`, `积极的在职党员`), not the
/// `在` of an action going on (`努力的在工作`).
const NOT_PROGRESSIVE: &str = "职校场岗编读线世逃押华外内家";

/// Whether `rest`, what follows `的`, opens with `在` of an action going on or of where it
/// is done, not with one of the words of people in [`NOT_PROGRESSIVE`].
fn zai_of_an_action(rest: &str) -> bool {
    rest.strip_prefix('在')
        .and_then(|r| r.chars().next())
        .is_some_and(|c| is_han(c) && !NOT_PROGRESSIVE.contains(c))
}

/// What follows `的去`/`的来` that is not a verb (`总的来说` has no adverbial anyway).
const NOT_AFTER_GO: &[&str] = &["说", "讲", "看"];

/// What after `去` makes a noun of it (`去年`, `去向`), not the verb of going to do something.
const NOUNS_OF_GO: &str = "年世向处留";

/// Prepositions that open an adverbial phrase after `更多的` (`更多的从自身找原因`).
const MORE_BEFORE: &[&str] = &["从", "向", "把", "通过", "站在", "依靠", "去"];

pub(super) fn han_before(text: &str, at: usize, n: usize) -> Option<usize> {
    let mut start = at;
    for _ in 0..n {
        let c = text[..start].chars().next_back().filter(|&c| is_han(c))?;
        start -= c.len_utf8();
    }
    Some(start)
}

/// How long, in bytes, the first `n` characters of `text` are when all are Chinese.
pub(super) fn han_after(text: &str, n: usize) -> Option<usize> {
    let mut end = 0;
    for _ in 0..n {
        let c = text[end..].chars().next().filter(|&c| is_han(c))?;
        end += c.len_utf8();
    }
    Some(end)
}

pub(super) fn check(location: Location, text: &str, verbs: &Verbs, items: &mut Vec<ReviewItem>) {
    complement::check(location, text, verbs, items);
    for (at, de) in text.match_indices('的') {
        let after = at + de.len();
        if let Some(item) = complement::at_de(location, text, at, after)
            .or_else(|| de_after_de2(location, text, at, after))
            .or_else(|| adverbial(location, text, at, after, verbs))
        {
            let covered = items.iter().any(|other| {
                other.kind == ReviewKind::Particle
                    && other.location == location
                    && other.range.as_ref().is_some_and(|r| {
                        item.range
                            .as_ref()
                            .is_some_and(|i| r.start < i.end && i.start < r.end)
                    })
            });
            if !covered {
                items.push(item);
            }
        }
    }
}

/// One-character verbs that take a complement in `得` and make no word with it (unlike
/// `获得`, `觉得`, `值得`, `懂得`).
const VERBS_BEFORE_DE2: &str = "做干写说讲学办搞抓管练";

/// `我做得的还很少`: `的` after the complement's `得`, one particle too many.
fn de_after_de2(location: Location, text: &str, at: usize, after: usize) -> Option<ReviewItem> {
    let before = text[..at].strip_suffix('得')?;
    let verb = before
        .chars()
        .next_back()
        .filter(|&c| VERBS_BEFORE_DE2.contains(c))?;
    let start = before.len() - verb.len_utf8();
    Some(particle_item(
        location,
        text,
        start..after,
        "de2_de",
        "“得”后多了“的”",
        text[start..at].to_owned(),
    ))
}

/// The adverbial that ends at `at`: an idiom, a doubled word or one or two manner words,
/// with where it starts.
fn adverbial_start(text: &str, at: usize) -> Option<(usize, bool)> {
    if let Some(start) = han_before(text, at, 4) {
        let word = &text[start..at];
        let c: Vec<char> = word.chars().collect();
        // `认认真真的`, and `不温不火的` (`不明不白`, `不紧不慢`): a manner said in two halves.
        let halves = c.len() == 4 && (c[0] == c[1] && c[2] == c[3] || c[0] == '不' && c[2] == '不');
        if idiom_like(word) || halves {
            return Some((start, true));
        }
    }
    if let Some(start) = han_before(text, at, 2) {
        let c: Vec<char> = text[start..at].chars().collect();
        if c.len() == 2 && c[0] == c[1] && !"的是常人天".contains(c[0]) {
            return Some((start, true));
        }
    }
    if let Some(manner) = LONGER_MANNERS.iter().find(|m| text[..at].ends_with(*m)) {
        return Some((at - manner.len(), false));
    }
    let (start, manners) = super::manners_before(text, at, MANNERS);
    if manners > 0 {
        return Some((start, false));
    }
    // `很优先的去回归`: a degree adverb grades a word of two characters that no list holds;
    // before `去`/`来` and a verb it says how that is done.
    // So it does before a verb of saying and what is said (`非常愧疚的说：`), and before the
    // `在` of an action going on (`一脸恍惚的在食堂吃了一碗面`); a look on one's face
    // (`一脸`, `满脸`) grades it as a degree adverb does.
    let goes = text[at..].strip_prefix('的').is_some_and(|r| {
        let mut said = r.chars();
        r.starts_with(['去', '来'])
            || (said.next().is_some_and(|c| SPEAKING.contains(c))
                && said.next().is_some_and(|c| matches!(c, '：' | ':')))
            || zai_of_an_action(r)
    });
    if let Some(start) = han_before(text, at, 2).filter(|_| goes) {
        let graded = GRADING
            .iter()
            .chain(&["一脸", "满脸"])
            .any(|d| text[..start].ends_with(d));
        if graded {
            return Some((start, false));
        }
    }
    // `习惯性`, `选择性`, `机械性`: a three-character word in `性` used as a manner word;
    // what follows must still read as a verb phrase. One in `化` only before `去`/`来`
    // (`多元化的去评价`): `规范化的管理` is a noun phrase.
    let start = han_before(text, at, 3)?;
    let word = &text[start..at];
    let quality = word.ends_with('性') && !QUALITY_NOUNS.contains(&word);
    (quality || (word.ends_with('化') && goes)).then_some((start, false))
}

/// Words in `性` that only name a quality, never how a thing is done (`同志们积极性的发挥`).
const QUALITY_NOUNS: &[&str] = &[
    "积极性",
    "主动性",
    "创造性",
    "自觉性",
    "能动性",
    "重要性",
    "必要性",
    "紧迫性",
    "可能性",
];

/// `按部就班的去做`, `三令五申的强调，`, `及时的提高自己`: `的` where `地` is meant.
fn adverbial(
    location: Location,
    text: &str,
    at: usize,
    after: usize,
    verbs: &Verbs,
) -> Option<ReviewItem> {
    let rest = &text[after..];
    // `更多的从自身找原因`: how much is done before a preposition's phrase; `更多的是` is left.
    if text[..at].ends_with("更多") && MORE_BEFORE.iter().any(|p| rest.starts_with(p)) {
        return adverbial_item(location, text, at - "更多".len(), at, after);
    }
    // `坦诚的说，`, `毫不夸张的说，`: how the writer puts what follows, before a pause;
    // `光拣好听的说。` is what is said.
    if rest
        .strip_prefix('说')
        .is_some_and(|r| r.starts_with(['，', ',']))
        && let Some(word) = SAYING_MANNERS.iter().find(|w| text[..at].ends_with(*w))
    {
        return adverbial_item(location, text, at - word.len(), at, after);
    }
    // `很遗憾的没有尽到`, `非常大意的没有发出`: a graded word before `没有` and what was not
    // done says how it was not done; a quantity is left (`很多的没有`).
    if let Some(undone) = rest.strip_prefix("没有")
        && undone.chars().next().is_some_and(is_han)
        && let Some(start) = han_before(text, at, 2)
        && !text[start..at].starts_with(['多', '少'])
        && GRADING.iter().any(|d| text[..start].ends_with(d))
    {
        return adverbial_item(location, text, start, at, after);
    }
    if let Some(start) = super::course::adverbial_start(text, at, after) {
        return adverbial_item(location, text, start, at, after);
    }
    if let Some(idiom) = ONLY_ADVERBIAL.iter().find(|w| text[..at].ends_with(*w)) {
        // `对自己一次又一次的放纵，`, `经历了一次次的失败，`: the object of `对` or of a verb
        // of going through, a noun closing the clause (not `对此我一次次的解释，`).
        // A second such phrase listed after a comma is an object too (`…的放纵，一次又一次的懈怠`).
        let before = &text[..at - idiom.len()];
        let sentence = before
            .rfind(['。', '！', '？'])
            .map_or(before, |i| &before[i..]);
        let object = |w: &&str| {
            before.ends_with(*w)
                || (before.ends_with(['，', ','])
                    && sentence
                        .match_indices(*idiom)
                        .any(|(i, _)| sentence[..i].ends_with(*w)))
        };
        // `经历了一些风风雨雨，酸甜苦辣，一次次的波折和困难`: one of a list of what was gone
        // through, a noun of two characters or two joined, closing the clause.
        let listed = before.ends_with(['，', ','])
            && OBJECT_BEFORE_A_COUNT.iter().any(|w| sentence.contains(w));
        let noun_end = han_after(rest, 2);
        let noun_closes = noun_end.is_some_and(|n| {
            let after_noun = &rest[n..];
            ends_clause(after_noun)
                || after_noun
                    .strip_prefix(['和', '与', '及'])
                    .and_then(|r| han_after(r, 2).map(|m| &r[m..]))
                    .is_some_and(ends_clause)
        });
        // `一次又一次的失败，一次又一次的等待，`: the same count before a noun closing each of
        // clauses side by side lists what was gone through, whatever verb took it.
        let counted_again =
            |clause: &str| clause.starts_with(idiom) && clause[idiom.len()..].starts_with('的');
        let parallel = noun_end.is_some_and(|n| {
            rest[n..]
                .strip_prefix(['，', ','])
                .is_some_and(counted_again)
        }) || before.strip_suffix(['，', ',']).is_some_and(|b| {
            let clause = super::super::clause_so_far(b);
            counted_again(clause.trim_start_matches(super::super::closes_clause))
        });
        let met = (OBJECT_BEFORE_A_COUNT.iter().any(object) || listed || parallel) && noun_closes;
        // `一次次的告诫都是醉后的空话`: a noun the count describes, the subject of what follows.
        let subject =
            noun_end.is_some_and(|n| SUBJECT_THEN.iter().any(|w| rest[n..].starts_with(w)));
        if met || subject {
            return None;
        }
        // `可渐渐的，我长成了…`: before a pause only where it opens its clause.
        return rest
            .chars()
            .next()
            .filter(|&c| is_han(c) || (matches!(c, '，' | ',') && opens_its_clause(before)))
            .and_then(|_| adverbial_item(location, text, at - idiom.len(), at, after));
    }
    // `慢慢的失去了动力`, `但慢慢的，思路开始枯竭`: slowly, as something comes about. Before
    // a change or a course it describes a noun (`慢慢的变化`); before a pause only where it
    // opens the clause, since a subject's state may end one (`动作慢慢的，`).
    if let Some(start) = text[..at].strip_suffix("慢慢").map(str::len)
        && !["变化", "过程"].iter().any(|w| rest.starts_with(w))
        && rest.chars().next().is_some_and(|c| {
            is_han(c) || (matches!(c, '，' | ',') && opens_its_clause(&text[..start]))
        })
    {
        return adverbial_item(location, text, start, at, after);
    }
    // `狠狠的揍一顿`, `慢腾腾的走在小道上`: a vivid word, then a one-character verb of action
    // going on with an aspect, a place, a count or a direction, or closing the clause; a
    // noun of two characters (`泛泛的说教`) goes on otherwise.
    // So does a word said twice whole (`悠哉悠哉的跑出去`).
    let said_twice = || {
        han_before(text, at, 4).filter(|&start| {
            let c: Vec<char> = text[start..at].chars().collect();
            c.len() == 4 && c[0] == c[2] && c[1] == c[3] && c[0] != c[1]
        })
    };
    if let Some(start) = idiom_before(text, at)
        .or_else(|| vivid_before(text, at))
        .or_else(said_twice)
        && acts_at_once(rest)
    {
        return adverbial_item(location, text, start, at, after);
    }
    let Some((start, vivid)) =
        adverbial_start(text, at).or_else(|| manner_before_disposal(text, at, rest))
    else {
        return ongoing(location, text, at, after);
    };
    // After `能` (`不能很好的表现自己`), doing well is how something is done, whatever verb
    // follows; any manner word there says how a listed verb is done (`不能有效的调动学生`):
    // `能` takes no noun.
    let after_can = text[..start].ends_with('能');
    if after_can && WELL.contains(&&text[start..at]) && rest.chars().next().is_some_and(is_han) {
        return adverbial_item(location, text, start, at, after);
    }
    // `慢慢的我意识到`: a doubled manner word opening its clause, before the subject.
    let opens_clause = text[..start].chars().next_back().is_none_or(|c| !is_han(c));
    // Only a doubled word: an idiom before a person describes the person (`不堪一击的自己`).
    // Not a doubled word of what a person is like (`傻傻的我们没有记车牌`): silly us.
    let mut word = text[start..at].chars();
    let doubled = word
        .next()
        .is_some_and(|first| word.next() == Some(first) && !PERSON_LIKE.contains(first));
    if vivid && doubled && opens_clause && SUBJECTS.iter().any(|s| rest.starts_with(s)) {
        return adverbial_item(location, text, start, at, after);
    }
    // `愤怒的问站长`, `无辜的说不知道`, `兴奋的说：`, `开玩笑的说，`: a manner word before a
    // verb of saying that goes on to what is said or asked.
    let mut said = rest.chars();
    if said.next().is_some_and(|c| SPEAKING.contains(c))
        && said.next().is_some_and(|c| {
            matches!(c, '：' | ':' | '，' | ',') || (is_han(c) && !SPOKEN_NOUNS.contains(c))
        })
    {
        return adverbial_item(location, text, start, at, after);
    }
    let is_verb = |s: &str| -> Option<usize> {
        verbs
            .that_may_start(s)
            .iter()
            .chain(MORE_VERBS)
            .chain(GESTURES)
            .filter(|v| s.starts_with(*v))
            .map(|v| v.len())
            .max()
    };
    if after_can && !vivid && is_verb(rest).is_some() {
        return adverbial_item(location, text, start, at, after);
    }
    // `脚踏实地的去努力搭建`: a manner word may stand between `去` and its verb;
    // `好好的重新开始`, `细心的再次检查`: adverbs that only ever precede a verb open a verb
    // phrase as `去` does.
    let go = rest
        .strip_prefix('去')
        .or_else(|| rest.strip_prefix('来'))
        .or_else(|| VERB_ADVERBS.iter().find_map(|a| rest.strip_prefix(*a)))
        .filter(|r| !NOT_AFTER_GO.iter().any(|w| r.starts_with(w)))
        .map(|r| MANNERS.iter().find_map(|m| r.strip_prefix(*m)).unwrap_or(r))
        .and_then(is_verb)
        .is_some();
    // After a manner word, `去` and any character that does not make it a noun is going to do
    // something, whether or not a list holds the verb (`主动的去介入了解`).
    // So is `在` of an action going on or of where it is done (`努力的在工作`,
    // `一脸恍惚的在北食堂吃了一碗面`), but for the words of people that open with it.
    let go = go
        || rest
            .strip_prefix('去')
            .and_then(|r| r.chars().next())
            .is_some_and(|c| is_han(c) && !NOUNS_OF_GO.contains(c))
        || zai_of_an_action(rest);
    // The passive marker opens a verb phrase whatever verb follows (`充分的被发掘`).
    let passive = rest
        .strip_prefix('被')
        .and_then(|r| r.chars().next())
        .is_some_and(|c| is_han(c) && !NOT_PASSIVE.contains(c));
    // So does the marker of a disposal (`错误的将业务摆在首位`).
    let disposal = disposes(rest);
    // A vivid adverbial, then an adverb and a verb (`浑浑噩噩的就这样过了一年`,
    // `一而再再而三的又犯`): nothing but a verb phrase follows such an adverb.
    let adverb_then_verb = vivid
        && rest
            .strip_prefix(['就', '便', '又', '也', '都', '还'])
            .map(|r| {
                ["这样", "那样", "这么", "那么"]
                    .iter()
                    .find_map(|w| r.strip_prefix(*w))
                    .unwrap_or(r)
            })
            .and_then(is_verb)
            .is_some();
    let go = go
        || passive
        || disposal
        || adverb_then_verb
        || prepositional_verb_phrase(rest, verbs)
        || CLAUSE_VERBS
            .iter()
            .chain(VERB_PHRASE_HEADS)
            .any(|v| rest.starts_with(v));
    let go = go || unlisted_verb(rest);
    if !go {
        // The verb straight after `的`: it must close the clause, take 了/着 or an object,
        // and the adverbial must open a verb phrase.
        let verb = is_verb(rest)?;
        let next = &rest[verb..];
        // A verb that takes 了/着 and goes on to its object (`极大的影响了自己的学习`) is a
        // verb whatever stands before the adverbial: a noun phrase takes no 了 mid-clause.
        // So is one that takes `过` closing the clause (`只是简单的练习过。`).
        let after_guo = next.strip_prefix('过');
        if aspect_then_object(next, &['了', '着']) || after_guo.is_some_and(ends_clause) {
            return adverbial_item(location, text, start, at, after);
        }
        // `没有好好的反思过自己`: `过` of what has been done, then the object.
        let object = OBJECTS
            .iter()
            .any(|o| next.starts_with(o) || after_guo.is_some_and(|r| r.starts_with(o)));
        let complement = VERB_COMPLEMENTS.iter().any(|c| next.starts_with(c));
        let before = &text[..start];
        let listed_before = !NOT_BEFORE_ADVERBIAL.iter().any(|w| before.ends_with(w));
        // What `去` goes to do is a verb phrase whatever follows the verb (`去高效的提高工作效率`).
        let after_go = before.ends_with('去') && listed_before;
        // `不断的摸索和探讨。`, `很好的贯彻落实。`: two verbs, joined or side by side, closing
        // the clause.
        let second = next.strip_prefix(['和', '与', '并']).unwrap_or(next);
        let joined = is_verb(second)
            .map(|len| &second[len..])
            .is_some_and(ends_clause);
        // A word in `性` opening a clause that a verb closes names a kind of that verb's noun
        // (`第二，季节性的影响，`); after an adverb (`往往选择性的执行，`) or before what a
        // verb alone takes (`习惯性的认为我`), it is how a thing is done.
        let names_a_kind = text[start..at].ends_with('性')
            && before.chars().next_back().is_none_or(|c| !is_han(c));
        let verb_phrase = (ends_clause(next) && !names_a_kind)
            || next.starts_with(['了', '着'])
            || object
            || complement
            || after_go
            || joined
            // A vivid manner before one verb and the next (`糊里糊涂的推进落实下去`): a noun
            // phrase has no second verb after its head.
            || (vivid && is_verb(next).is_some());
        // Not after `、`: `缺乏及时、深入的了解` lists modifiers of a noun.
        let opens = before
            .chars()
            .next_back()
            .is_none_or(|c| !is_han(c) && c != '、')
            || (BEFORE_ADVERBIAL.iter().any(|w| before.ends_with(w))
                && listed_before
                && !degree_after_light_verb(before));
        // A noun phrase's head takes no complement (`只是简单的提一下`). `没有` takes a noun
        // phrase too (`没有严格的约束`); with an object after the verb, or a second verb, what
        // it takes is a verb phrase (`没有严格的约束自己`, `没有很好的贯彻落实`).
        // `没有很好的审题，`: doing well is how something is done, never a kind of thing.
        let done_well = WELL.contains(&&text[start..at])
            && ["没有", "没能", "未能"].iter().any(|w| before.ends_with(w))
            && ends_clause(next);
        // `把问题无限的放大了`: after what `把` disposes of comes how it is done.
        let disposed = super::super::clause_so_far(before).contains(['把', '将']) && !after_go;
        let opens = opens
            || complement
            || done_well
            || disposed
            || ((object || joined) && before.ends_with("没有"));
        if !verb_phrase || !opens {
            return None;
        }
    }
    adverbial_item(location, text, start, at, after)
}

/// One-character verbs of [`complement::ACTION_VERBS`] that make a word with `着`, or take it
/// as a particle, rather than go on doing (`接着`, `说的是谁来着`, `差着一截`).
const NOT_ONGOING: &str = "来去到出接差";

/// `无数次的想着该怎么说`, `失态的守着领导`: `的` before a one-character verb going on with
/// `着` is an adverbial's, whatever the word before it; a noun phrase's head takes no `着`.
fn ongoing(location: Location, text: &str, at: usize, after: usize) -> Option<ReviewItem> {
    let mut rest = text[after..].chars();
    let verb = rest.next()?;
    let doing = (complement::ACTION_VERBS.contains(verb) || "做干活".contains(verb))
        && !NOT_ONGOING.contains(verb);
    if !doing || rest.next() != Some('着') {
        return None;
    }
    // A count of times takes its numeral along (`无数次的`, `三遍的`), so the flag shows a word.
    let counted = text[..at].ends_with(['次', '遍', '回']);
    let start = counted
        .then(|| han_before(text, at, 3))
        .flatten()
        .or_else(|| han_before(text, at, 2))
        .or_else(|| han_before(text, at, 1))?;
    // `有才能的干着干着就走了`: what one has, with `的`, names the people who have it, the
    // subject of what follows.
    if text[start..at].contains('的') || text[..start].ends_with('有') {
        return None;
    }
    adverbial_item(location, text, start, at, after)
}

/// Whether `rest`, what follows `的` after an adverbial, opens with a verb no list holds,
/// known by what only a verb takes: `了` and an object (`不可避免的遇到了瓶颈期`,
/// `慢慢的形成了自己的特色`), or `一下`/`一番` (`深刻的反省一下自己`). Not `了解`, `了不起`
/// and their kin, where `了` opens a word.
fn unlisted_verb(rest: &str) -> bool {
    // `而不是理性的我做了决定`: a person opening what follows is the head of a noun phrase
    // (`理性的我`) or a subject, never the first half of a verb.
    if OWNERS.iter().any(|o| rest.starts_with(o)) {
        return false;
    }
    // `用不轻不重的脚踹了我们`: a part of the body is what the doing is done with, a noun.
    if rest.starts_with(BODY_PARTS) {
        return false;
    }
    // `糊涂的乱说了`: `乱` before a verb of action or saying says how it was done.
    let mut messily = rest.chars();
    if messily.next() == Some('乱')
        && messily
            .next()
            .is_some_and(|c| SPEAKING.contains(c) || complement::ACTION_VERBS.contains(c))
    {
        return true;
    }
    let Some(two) = han_after(rest, 2) else {
        return false;
    };
    let next = &rest[two..];
    let word_of_liao = ["了解", "了不", "了然", "了结", "了却"]
        .iter()
        .any(|w| next.starts_with(w));
    let tried =
        (next.starts_with("一下") && !next.starts_with("一下子")) || next.starts_with("一番");
    (!word_of_liao && aspect_then_object(next, &['了'])) || tried
}

/// Parts of the body, which open a noun after `的` (`不轻不重的脚`).
const BODY_PARTS: &[char] = &['脚', '手', '头', '眼', '嘴', '腿', '脸', '拳'];

/// Whether `next`, what follows a verb, is one of `aspects` (`了`, `着`) and then its object: a
/// noun phrase takes no aspect mid-clause. Not a question's or an exclamation's particle.
fn aspect_then_object(next: &str, aspects: &[char]) -> bool {
    next.strip_prefix(aspects)
        .and_then(|r| r.chars().next())
        .is_some_and(|c| is_han(c) && !"吗呢吧啊呀么".contains(c))
}

fn adverbial_item(
    location: Location,
    text: &str,
    start: usize,
    at: usize,
    after: usize,
) -> Option<ReviewItem> {
    let fixed = format!("{}地", &text[start..at]);
    Some(particle_item(
        location,
        text,
        start..after,
        "adverbial_de",
        "修饰动词用“地”",
        fixed,
    ))
}

/// The flag for a particle misused over `range` of `text`, mended to `fixed`: the message
/// gives the rule of usage (`why`), what is written and what is meant.
pub(super) fn particle_item(
    location: Location,
    text: &str,
    range: std::ops::Range<usize>,
    rule: &str,
    why: &str,
    fixed: String,
) -> ReviewItem {
    ReviewItem::new(
        ReviewKind::Particle,
        location,
        format!("{why}：“{}”应为“{fixed}”", &text[range.clone()]),
    )
    .with_rule(rule)
    .with_range(text, range)
    .with_fix(text, fixed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::test_support::fixes_in_body;

    fn fixes(text: &str) -> Vec<(String, String)> {
        fixes_in_body(text, |location, text, items| {
            check(location, text, &super::super::VERB_LIST, items)
        })
    }

    fn flagged(text: &str, from: &str, to: &str) {
        assert_eq!(fixes(text), [(from.to_owned(), to.to_owned())], "{text}");
    }

    fn quiet(texts: &[&str]) {
        for text in texts {
            assert_eq!(fixes(text), [], "{text}");
        }
    }

    #[test]
    fn a_complement_of_degree_after_de_takes_de2() {
        flagged(
            "各支部间党内活动开展的不均衡。",
            "开展的不均衡",
            "开展得不均衡",
        );
        flagged("整改落实的还不彻底，", "落实的还不彻底", "落实得还不彻底");
        flagged("项目推进的较慢。", "推进的较慢", "推进得较慢");
        flagged("思想发动的不够深入", "发动的不够深入", "发动得不够深入");
        flagged(
            "农村党员这种趋势表现的尤为明显。",
            "表现的尤为明显",
            "表现得尤为明显",
        );
        flagged(
            "旧的问题仍然存在，甚至表现的更加突出。",
            "表现的更加突出",
            "表现得更加突出",
        );
        flagged("工作落实的更好。", "落实的更好", "落实得更好");
        flagged("前后次序掌握的不正确。", "掌握的不正确", "掌握得不正确");
        flagged(
            "活动中我们有些做的并不是很好，",
            "做的并不是很好",
            "做得并不是很好",
        );
        flagged("对含义理解的并不深刻。", "理解的并不深刻", "理解得并不深刻");
        flagged("没能将节目彻底的融合。", "彻底的", "彻底地");
        flagged("也没有很好的考虑到策划的可行性，", "很好的", "很好地");
        flagged("我们应该清醒的看到问题。", "清醒的", "清醒地");
        quiet(&[
            "这是彻底的融合。",
            "也做了比较充分的准备，",
            "进行了非常深入的研究。",
        ]);
        quiet(&["我们的更大责任在于落实。", "承担的更多是协调的职责。"]);
        // A superlative before `的`, and `更` opening a word after it (`更新`, `更换`).
        quiet(&["最近的更新里，大家也能看出来。", "版本迭代的更新慢，"]);
    }

    #[test]
    fn a_graded_quality_of_any_two_characters_is_a_complement() {
        flagged(
            "两件事情落实的不是很理想。",
            "落实的不是很理想",
            "落实得不是很理想",
        );
        flagged("日子坚持的好好的，", "坚持的好好的", "坚持得好好的");
        flagged("把文章讲的支离破碎，", "讲的支离破碎", "讲得支离破碎");
        flagged("各项工作抓的好些，", "抓的好些", "抓得好些");
        flagged("对特殊的户了解的多一些，", "了解的多一些", "了解得多一些");
        quiet(&["这样的多一些。那样的少一点。"]);
        flagged(
            "业务办理的越来越熟练，",
            "办理的越来越熟练",
            "办理得越来越熟练",
        );
        flagged(
            "部门之间相互配合的不够主动和协调。",
            "配合的不够主动",
            "配合得不够主动",
        );
        flagged(
            "发现计划做的极其不切实际，",
            "做的极其不切实际",
            "做得极其不切实际",
        );
        quiet(&["他说的很多东西，写的非常多文字，做的很少事情。"]);
        quiet(&[
            "我们取得的很多成绩，他做的很多工作。",
            "这样做的好处很多，写的东西很长。",
            "最后交的也很简单，他们做的都很具体。",
        ]);
    }

    #[test]
    fn how_far_a_doing_went_and_what_it_made_clear_take_de2() {
        flagged("产品多的来不及做，", "的来不及", "得来不及");
        flagged("发现自己学到的东西少的可怜", "的可怜", "得可怜");
        flagged("但本子写的不行，要大改", "写的不行", "写得不行");
        flagged("把该做的事情做的差不多，", "做的差不多", "做得差不多");
        quiet(&["他们的可怜，多的可怜人，写的不行字。"]);
        flagged("急的团团转。", "的团团转", "得团团转");
        quiet(&["来不及的事情很多，顾不上的工作，时间多的是。"]);
        flagged("甚至紧张的连表达都略微困难。", "的连", "得连");
        flagged("每天忙的连饭也顾不上吃。", "的连", "得连");
        flagged(
            "能够跟上节奏，也听的明白，但到了应用就不会。",
            "听的明白",
            "听得明白",
        );
        flagged("道理讲的清楚。", "讲的清楚", "讲得清楚");
        quiet(&[
            "有的连二十岁也不到，有的连交纳党费都很困难。",
            "部队的连长都到了，全镇的连片土地也流转了。",
            "我的连续工作时间也很长。",
            "看的书清楚地写着。",
        ]);
    }

    #[test]
    fn di_and_de2_in_each_others_place_are_mended() {
        flagged("我以为事情进行地很顺利，", "进行地很顺利", "进行得很顺利");
        flagged("对学生的指导，做得工作甚少。", "做得工作", "做的工作");
        quiet(&[
            "这块地很大，土地很肥沃，各地很重视。",
            "做得很好，字写得工整，做得到，干得事半功倍。",
        ]);
    }

    #[test]
    fn a_manner_word_after_a_degree_adverb_takes_di() {
        flagged("大李很直率的指出我工作上的缺点。", "直率的", "直率地");
        flagged("在心里无数次的想着该怎么说，", "无数次的", "无数次地");
        flagged("失态的守着领导哭鼻子了。", "失态的", "失态地");
        quiet(&[
            "他叫什么名字的来着，做的接着做。",
            "人员流失率越来越高，有才能的干着干着就走了。",
        ]);
        flagged("后来仔细的观察了她的工作，", "仔细的", "仔细地");
        flagged("要彻底的进行整改。", "彻底的", "彻底地");
        flagged("有的放矢的进行帮扶。", "有的放矢的", "有的放矢地");
        flagged("只能靠我们自己不断的摸索和探讨。", "不断的", "不断地");
        flagged("但是，明确的告诉我，", "明确的", "明确地");
        flagged("但要清醒的认识到，成绩是阶段性的。", "清醒的", "清醒地");
        flagged("但在日常教学中，还没有很好的贯彻落实。", "很好的", "很好地");
        flagged(
            "我都有些不负责任的把失败的责任推向两位室友。",
            "不负责任的",
            "不负责任地",
        );
        quiet(&["全局的把控不够，我们的将来，他的把柄。"]);
        quiet(&["工作的进行，明确的目标，不断的探索精神。"]);
    }

    #[test]
    fn a_one_character_quality_after_a_one_character_verb_is_a_complement() {
        flagged("口号喊的响，", "喊的响", "喊得响");
        flagged("我离名师还差的很远很远。", "差的很远很远", "差得很远很远");
        flagged("学习时看得多、思考的少。", "思考的少", "思考得少");
        flagged("总觉得自己可以做的更好一点。", "做的更好", "做得更好");
        flagged("这项任务可以做的更大气一点。", "做的更大气", "做得更大气");
        flagged("几句表达写的让人摸不着头脑，", "写的让人", "写得让人");
        quiet(&["双方做的让步不多，他们做的都很具体。"]);
        flagged(
            "两件事完成的都不是很理想。",
            "完成的都不是很理想",
            "完成得都不是很理想",
        );
        quiet(&["有些处室布置的多，检查的少，反思总结的少。"]);
        assert_eq!(
            fixes("科技总是说的多,做的少。"),
            [
                ("说的多".to_owned(), "说得多".to_owned()),
                ("做的少".to_owned(), "做得少".to_owned())
            ]
        );
        assert_eq!(
            fixes("考核扣的多、奖的少。"),
            [
                ("扣的多".to_owned(), "扣得多".to_owned()),
                ("奖的少".to_owned(), "奖得少".to_owned())
            ]
        );
        assert_eq!(
            fixes("对共青团工作往往是喊的响、做的少，缺乏认识。"),
            [
                ("喊的响".to_owned(), "喊得响".to_owned()),
                ("做的少".to_owned(), "做得少".to_owned())
            ]
        );
        flagged(
            "但接触的越多，感到需要进步的地方越多。",
            "接触的越多",
            "接触得越多",
        );
        quiet(&["有部份座商出现了严重的越门占道。", "我们的越多越好。"]);
        quiet(&["说的多的是他，少的是我。", "想的多，少说话。"]);
        quiet(&[
            "口号的响亮、做法的少见都是问题。",
            "喊的响声、做的少许改变。",
        ]);
        quiet(&["成绩差的学生较多。"]);
        flagged("留给自己的时间给的太短。", "给的太短", "给得太短");
        flagged("目标定的急了，", "定的急了", "定得急了");
        flagged("对自己求的太多。", "求的太多", "求得太多");
        flagged("工作做的怎样，", "做的怎样", "做得怎样");
        flagged("做的怎样也无所谓。", "做的怎样", "做得怎样");
        flagged("班子抓的还不紧。", "抓的还不紧", "抓得还不紧");
        flagged(
            "打扫卫生时，抹布擦的不很彻底。",
            "布擦的不很彻底",
            "布擦得不很彻底",
        );
        quiet(&[
            "你说的对，他说的好。",
            "买的多，看的书少，来的人少。",
            "所做的好事，新建的大楼很高。",
            "他是我们中跑的最快的人",
        ]);
    }

    #[test]
    fn a_complement_of_the_extreme_takes_de2() {
        flagged("心里羡慕的不得了。", "的不得了", "得不得了");
        flagged("每天忙的要命，", "的要命", "得要命");
        flagged("自我感觉好的很。", "的很", "得很");
        quiet(&[
            "这件事真的不得了。",
            "有的很好，有的很差，他的很多想法不得了。",
            "完成的很多，要命的是质量不高。",
        ]);
    }

    #[test]
    fn de_before_a_quality_that_is_not_a_complement_is_left() {
        quiet(&[
            "开展的活动不多，存在的不足，对组织的不满。",
            "吸收的不多，像他这样想的很多，做的工作不够多。",
            "由于工作的不扎实，自己的不够全面，发展的不同阶段。",
            "由于宣传工作的不到位，造成了党员作用发挥的不充分。",
            "所做的不够好，该管的不到位。",
            "的不均衡发展，工作的不够细致之处。",
            "问题包括计划的执行不到位、团队协作的不顺畅、沟通的不及时等等。",
            "这种现象在农村的尤为明显。",
            "沟通能力也是公认的不行，脾气是出了名的差。",
            "赌博的、打架的比比皆是，骂人的更不用说了。",
            "傻傻的我们没有记车牌。",
            "我明白我的承受能力并没有我想的那么好。",
        ]);
    }

    #[test]
    fn an_adverbial_before_a_verb_takes_di() {
        flagged(
            "在工作中只是按部就班的去做，主动创新的时候少。",
            "按部就班的",
            "按部就班地",
        );
        flagged(
            "会议上三令五申的强调，落实上却走了样。",
            "三令五申的",
            "三令五申地",
        );
        flagged(
            "不能做到与时俱进，及时的提高自己的思想觉悟。",
            "及时的",
            "及时地",
        );
        flagged("学习时认认真真的去读原文。", "认认真真的", "认认真真地");
        flagged("没有主动的去学习。", "主动的", "主动地");
        flagged("老师详细的讲解了公文处理的基本知识。", "详细的", "详细地");
        flagged("我积极的参与，", "积极的", "积极地");
        flagged("各部门未能很好的与司法所配合，", "很好的", "很好地");
        flagged("我深深的体会到经验缺乏。", "深深的", "深深地");
        flagged("要靠经验才能更好的解决，", "更好的", "更好地");
        flagged("慢慢的我意识到问题所在。", "慢慢的", "慢慢地");
        flagged("每天悠哉悠哉的跑出去玩。", "悠哉悠哉的", "悠哉悠哉地");
        quiet(&["时常被小事击垮，不堪一击的自己却还故作坚强。"]);
        flagged("一年浑浑噩噩的就过去了。", "浑浑噩噩的", "浑浑噩噩地");
        flagged("浑浑噩噩的就这样过了一年。", "浑浑噩噩的", "浑浑噩噩地");
        flagged(
            "好多书都是走马观花的浏览了一遍。",
            "走马观花的",
            "走马观花地",
        );
        flagged("我不停的拖，拖过一天是一天。", "不停的", "不停地");
        flagged(
            "但我不得不遗憾的告诉你们，我们的成绩非常差。",
            "遗憾的",
            "遗憾地",
        );
        flagged(
            "开始往往会心慌意乱，不知所措的向同事求救。",
            "不知所措的",
            "不知所措地",
        );
        quiet(&["遗憾的是，成绩非常差。", "留下了遗憾的回忆。"]);
        quiet(&["下个不停的雨，说个不停的人。"]);
        quiet(&["认认真真的也有，马马虎虎的也有。"]);
        flagged("只是简单的让学生看看地图。", "简单的", "简单地");
        flagged("很多学生没有很好的审题，", "很好的", "很好地");
        flagged("把问题无限的放大了。", "无限的", "无限地");
        quiet(&["没有很好的办法。把认真的学习作为重点，将主要的精力放在业务上。"]);
        quiet(&["他的才能得到发挥，慢慢的变化，美好的让人难忘的经历。"]);
        flagged("有效的同群众沟通。", "有效的", "有效地");
        quiet(&["积极的与消极的因素并存。", "正确的向导作用。"]);
        flagged("工作中深入细致的开展了调研。", "深入细致的", "深入细致地");
        flagged(
            "自身存在的拖延症极大的影响了自己的学习与生活。",
            "极大的",
            "极大地",
        );
        flagged("思想上的松懈严重的削弱了战斗力。", "严重的", "严重地");
        flagged("今后要经常的反思，", "经常的", "经常地");
        flagged("党员的潜力没有充分的被发掘出来。", "充分的", "充分地");
        flagged("，习惯性的认为主业是业务工作，", "习惯性的", "习惯性地");
        flagged("对上级精神往往选择性的执行，", "选择性的", "选择性地");
        flagged("错误的将业务摆在了首位。", "错误的", "错误地");
        flagged("不能机械的把文件精神照搬照抄，", "机械的", "机械地");
        flagged(
            "无法多元化的去评价一名技术人员的贡献。",
            "多元化的",
            "多元化地",
        );
        for (text, written, meant) in [
            ("我们也不可避免的遇到了瓶颈期。", "不可避免的", "不可避免地"),
            ("都慢慢的形成了自己学校的特色。", "慢慢的", "慢慢地"),
            ("我深刻的反省一下自己。", "深刻的", "深刻地"),
            (
                "对于问题学生，我们都是无法全身心的投入。",
                "全身心的",
                "全身心地",
            ),
            ("把事情一股脑的推给了别人。", "一股脑的", "一股脑地"),
        ] {
            flagged(text, written, meant);
        }
        quiet(&[
            "以实事求是的态度了解情况，有认真的精神了不起。",
            "难得的机会一下子就没了。",
        ]);
    }

    #[test]
    fn a_bare_complement_after_a_one_character_verb_takes_de2() {
        flagged("认为业务干的好就行，", "干的好", "干得好");
        flagged("有些工作做的不好。", "做的不好", "做得不好");
        quiet(&[
            "我干的好事，做的好菜，所做的好，学的好处。",
            "对美好的将来充满信心，有十足的把握，进行严格的把关。",
        ]);
    }

    #[test]
    fn bei_that_is_not_passive_and_xing_words_before_nouns_are_left() {
        quiet(&[
            "主动的被动局面，认真的被子叠法。",
            "对问题缺乏规律性的认识。",
            "形成了原则性的认识，阶段性的成果，习惯性的做法。",
            "，系统性的学习不够，",
            "推进农业现代化的进程，实现现代化的目标，形式化的东西多。",
            "，信息化的建设滞后，",
        ]);
    }

    #[test]
    fn adverb_like_words_before_a_noun_are_left() {
        quiet(&[
            "造成了严重的影响，产生极大的影响。",
            "带来了严重的损害，这是经常的事。",
            "打造高效的执行团队，不断的学习过程。",
            "造成严重的影响了吗",
            "制定详细的计划，列出详细的清单。",
        ]);
    }

    #[test]
    fn de_before_a_noun_phrase_is_left() {
        quiet(&[
            "认真的态度，主动的服务意识，有效的监督机制，认真的学习态度。",
            "资金的去向不明，问题的来源，总的来说，积极的来看。",
            "进行认真的学习，保持积极的沟通，给予及时的回应。",
            "需要深入的研究，主要积极的参与。",
            "往往局限于通读、摘抄、勾画的层面，深入的分析研判较少，总结提炼较少。",
            "对党的最新理论成果缺乏及时、深入的了解。",
            "开展的活动流于形式，认真地学习，实事求是的精神。",
            "按部就班的工作方式，好好的一件事。",
            "没有严格的约束，没有认真的学习。",
            "提出简单的提议，有清楚的出发点。",
        ]);
    }

    #[test]
    fn a_verb_with_a_complement_or_an_object_after_meiyou_takes_di() {
        flagged(
            "反省是一面镜子，能清楚的反映出自身不足。",
            "清楚的",
            "清楚地",
        );
        flagged(
            "看到了问题也往往只是简单的提一下，没有跟踪。",
            "简单的",
            "简单地",
        );
        flagged("少数党员没有严格的约束自己。", "严格的", "严格地");
        flagged("学习笔记也没有经常的返回去温习。", "经常的", "经常地");
        flagged(
            "同事把工作交给我，这样严重的拉扯到了我的时间。",
            "严重的",
            "严重地",
        );
    }

    #[test]
    fn a_verb_with_people_or_a_quotation_as_its_object_takes_di() {
        flagged("未能很好的带动其他干部职工热情参与。", "很好的", "很好地");
        flagged("没有很好的调动党员参与的积极性。", "很好的", "很好地");
        flagged("没有充分的发挥党员的先进模范作用。", "充分的", "充分地");
        flagged("但是细想，一味的做“滥好人”不好。", "一味的", "一味地");
        quiet(&[
            "起到了很好的带动作用，发挥积极的示范效应。",
            "树立主动的服务群众意识，增强主动的服务群众的意识。",
            "形成良好的团结氛围，开展有效的动员工作。",
        ]);
    }

    #[test]
    fn the_twenty_third_sessions_adverbials_take_di() {
        flagged("喝酒时一个一个的送走了朋友，", "一个一个的", "一个一个地");
        flagged("还公然的发表在杂志上。", "公然的", "公然地");
        flagged("可渐渐的，我长成了一名少女。", "渐渐的", "渐渐地");
        flagged("我也开心的点点头说：嗯。", "开心的", "开心地");
        flagged("结果在晚会上，我很放心的喝。", "放心的", "放心地");
        flagged("我华丽丽的摔倒了。", "丽丽的", "丽丽地");
        flagged("每次都磨磨蹭蹭的出门。", "磨磨蹭蹭的", "磨磨蹭蹭地");
        flagged("我还铁定的认为自己没错。", "铁定的", "铁定地");
        flagged("老师都会平等的对待每一个孩子。", "平等的", "平等地");
        flagged("只是机械的照着帖子抄，", "机械的", "机械地");
        flagged("从来都没有真正的涉及过，", "真正的", "真正地");
        flagged("谁说也不听，弄的我多次没办法。", "的我", "得我");
        flagged("这件事害的我们白跑一趟。", "的我们", "得我们");
        flagged("道理我看的透彻，", "看的透彻", "看得透彻");
        flagged("饺子包的不好，", "包的不好", "包得不好");
        quiet(&[
            "可一次次的告诫都是醉后的空话。",
            "这是让人放心的产品，开心的事情。",
            "他的动作渐渐的，像在想事情。",
            "他害的人太多了，弄的我的电脑坏了。",
            "每个人都应受到平等的对待。",
        ]);
    }

    #[test]
    fn idioms_and_doubled_words_before_a_verb_take_di() {
        flagged("我感觉自己慢慢的失去了动力", "慢慢的", "慢慢地");
        flagged("但慢慢的，思路开始枯竭，", "慢慢的", "慢慢地");
        flagged("也会想狠狠的揍一顿，", "狠狠的", "狠狠地");
        flagged("慢腾腾的走在小道上，", "慢腾腾的", "慢腾腾地");
        flagged("小心翼翼的走在冰面上，", "小心翼翼的", "小心翼翼地");
        flagged("读懂就开始啪啪啪的进行测试，", "啪啪的", "啪啪地");
        quiet(&[
            "这是一个慢慢的变化过程。",
            "他的动作慢慢的，像在想事情。",
            "成为一种空洞的、泛泛的说教，",
            "乱糟糟的房间，个个的说法。",
        ]);
        flagged(
            "于是一整天的时间就浑浑噩噩的混完了，",
            "浑浑噩噩的",
            "浑浑噩噩地",
        );
        flagged("总是这样碌碌无为的活着，", "碌碌无为的", "碌碌无为地");
        flagged("宁愿浑浑噩噩的过下去，", "浑浑噩噩的", "浑浑噩噩地");
        flagged("早操我都在想方设法的划水，", "想方设法的", "想方设法地");
        flagged(
            "学生一而再再而三的犯同样的错，",
            "一而再再而三的",
            "一而再再而三地",
        );
        flagged("痛苦一遍遍的刷新论坛。", "一遍遍的", "一遍遍地");
        flagged("对此我一次次的解释，", "一次次的", "一次次地");
        flagged("下半年感觉渐渐的走入一个舒适圈，", "渐渐的", "渐渐地");
        flagged("放松了学习改造，一味的我行我素，", "一味的", "一味地");
        flagged("都慢慢的形成了自己的特色。", "慢慢的", "慢慢地");
        flagged("自己却没有更多的从自身来找原因，", "更多的", "更多地");
        quiet(&[
            "需要我们有持之以恒的精神，",
            "改掉自己马马虎虎的习惯，",
            "工作一直处于按部就班的一种状态。",
            "这是一次又一次的。",
            "对自己一次又一次的放纵，一次又一次的懈怠，是对自己不负责。",
            "一次又一次的失败，一次又一次的等待，还是一无所有。",
            "默默的付出，深深的自责，更多的是发展上的彷徨。",
        ]);
        flagged("就开始想换个地方好好的重新开始，", "好好的", "好好地");
        flagged("我不自觉的成为了拖延症患者", "自觉的", "自觉地");
        flagged("曾经我总是过度的相信自己的能力，", "过度的", "过度地");
        flagged("于是我急忙的回到寝室，", "急忙的", "急忙地");
        flagged("我很清楚的知道我自己处在什么阶段，", "清楚的", "清楚地");
        quiet(&[
            "这是一个好好的开始，过着碌碌无为的生活。",
            "防止过度的开发，造成过分的依赖。",
            "这样认真的态度，那样积极的精神。",
        ]);
    }

    #[test]
    fn how_a_thing_is_put_or_done_again_is_an_adverbial() {
        flagged("坦诚的说，今年的业绩不好。", "坦诚的", "坦诚地");
        flagged("可以毫不夸张的说，我没达到一半。", "夸张的", "夸张地");
        flagged("我也没有很细心的再次检查，", "细心的", "细心地");
        flagged("我的自信心一点一点的消失。", "一点一点的", "一点一点地");
        quiet(&["光拣好听的说。", "他说的客观的说法。"]);
    }

    #[test]
    fn how_a_thing_was_not_done_or_done_towards_someone_is_an_adverbial() {
        flagged("因此我们非常大意的没有向玩家发出周知。", "大意的", "大意地");
        flagged("作为爸爸我很遗憾的没有尽到责任，", "遗憾的", "遗憾地");
        flagged(
            "客服并未及时有效的向玩家做出说明。",
            "及时有效的",
            "及时有效地",
        );
        flagged("我不知所措的向同事求救。", "不知所措的", "不知所措地");
        quiet(&[
            "学校的学生真的没有去年厉害，能用的没有及时更换。",
            "需要很多的没有用过的材料。",
            "他是很好的向导，有积极的向往。",
        ]);
    }

    #[test]
    fn what_qu_goes_to_do_is_a_verb_phrase() {
        flagged(
            "没有很优先的去回归测试环境自己就发现的问题，",
            "优先的",
            "优先地",
        );
        quiet(&["那是很久的去年，非常重要的来信。"]);
        flagged("该怎样去高效的提高工作效率。", "高效的", "高效地");
        flagged("应该脚踏实地的去努力搭建。", "脚踏实地的", "脚踏实地地");
        flagged("我也没有主动的去介入了解这些工作，", "主动的", "主动地");
        flagged("总觉得不能很好的表现自己，", "很好的", "很好地");
        flagged("与他们相比，我做得的还很少。", "做得的", "做得");
        quiet(&["取得的成绩，获得的荣誉，值得的事，记得的人，写得好的文章。"]);
        quiet(&[
            "失去积极的学习热情，过去认真的学习态度。",
            "回去认真的学习方法，去积极的地方。",
            "掌握外出党员积极的去向，说明认真的去留。",
            "第二，季节性的影响，高温天气里损耗大。",
        ]);
    }

    #[test]
    fn a_feeling_before_what_it_made_one_do_or_say() {
        flagged("我愤怒的问站长。", "愤怒的", "愤怒地");
        flagged("我当时紧张的问口令，却没喊出声。", "紧张的", "紧张地");
        flagged("我都是一脸无辜的说不知道。", "无辜的", "无辜地");
        flagged("他兴奋的说：成了。", "兴奋的", "兴奋地");
        flagged("甚至没有好好的反思过自己。", "好好的", "好好地");
        // A feeling and what it left one doing is a complement.
        flagged("高考前夕就紧张的一夜没睡。", "的一夜没睡", "得一夜没睡");
        flagged("懊恼的睡不着，早上也没有起很早。", "的睡不着", "得睡不着");
        flagged("我紧张的不知所措。", "的不知所措", "得不知所措");
        flagged("一时疼的起不了身，", "的起不了", "得起不了");
        flagged("激动的不知道说什么。", "的不知道", "得不知道");
        flagged("我的性子却忽然暴躁的无法抑制，", "的无法", "得无法");
        flagged("光是回想一下，都紧张的呼吸困难", "的呼吸困难", "得呼吸困难");
        flagged("我紧张的双手冒汗，心跳加快。", "的双手冒汗", "得双手冒汗");
        flagged(
            "每次修完拧螺丝累的胳膊都抬不起来。",
            "的胳膊都抬不起",
            "得胳膊都抬不起",
        );
        flagged("开庭时紧张的手哆嗦，", "的手哆嗦", "得手哆嗦");
        // The sets of 234–239: worry that kept one awake or made one cry.
        flagged("我就会担心的不敢睡觉，", "的不敢", "得不敢");
        flagged("老公因公出差，我担心的就哭起来了。", "的就哭", "得就哭");
        flagged("有时候让我恨的咬牙切齿，", "的咬牙切齿", "得咬牙切齿");
        flagged(
            "惭愧的都不好意思在群里说话。",
            "的都不好意思",
            "得都不好意思",
        );
        flagged("而是飞快的检查了一遍，", "飞快的", "飞快地");
        flagged("我好奇的跑了过去，", "好奇的", "好奇地");
        flagged("项目不温不火的进行着，", "不温不火的", "不温不火地");
        flagged("稀里糊涂的学了两年。", "稀里糊涂的", "稀里糊涂地");
        flagged("糊里糊涂的推进落实下去，", "糊里糊涂的", "糊里糊涂地");
        flagged("总是我行我素的去做，", "我行我素的", "我行我素地");
        flagged("老师毫不客气的说：", "毫不客气的", "毫不客气地");
        flagged("电话接二连三的打进来，", "接二连三的", "接二连三地");
        flagged("要尽可能的减少失误。", "尽可能的", "尽可能地");
        flagged("我固执的认为自己是对的。", "固执的", "固执地");
        flagged("每天都十分不情愿的去上班，", "不情愿的", "不情愿地");
        flagged("面对别人的疾苦可以违心的去迎合，", "违心的", "违心地");
        flagged("心里却没有热切的认识到这一事实。", "热切的", "热切地");
        flagged("就发现自己想的太简单。", "想的太简单", "想得太简单");
        flagged("虽然软文写的很烂。", "写的很烂", "写得很烂");
        quiet(&["发现工作的不到位，违心的话，热切的期盼，不情愿的事。"]);
        quiet(&["不大不小的问题，不三不四的人。"]);
        flagged("累的站不起来。", "的站不起", "得站不起");
        flagged("他气的说不出话来。", "的说不出", "得说不出");
        flagged("激动的睡不着觉。", "的睡不着", "得睡不着");
        quiet(&[
            "多的吃不完，乱的理不清。",
            "头疼的问题解决不了，麻烦的事做不完。",
            "我的站不起来，",
        ]);
        quiet(&[
            "紧张的问题还没有解决，激动的说法不可取。",
            "愤怒的叫声，委屈的话语，焦急的答复。",
            "度过了紧张的一夜，没睡好。",
            "他用紧张的双手握住方向盘。",
            "累的人，惭愧的心情，恨的对象，紧张的手心。",
            "而不是理性的我做了决定。",
            "认真的学习过程，深入的过程。",
        ]);
    }

    #[test]
    fn more_complements_of_degree_take_de2() {
        flagged(
            "但是对自己分析的越透彻，越感到绝望。",
            "分析的越透彻",
            "分析得越透彻",
        );
        flagged("但是调整的比较快。", "调整的比较快", "调整得比较快");
        flagged(
            "队员的动作完成的不是特别好。",
            "完成的不是特别好",
            "完成得不是特别好",
        );
        flagged(
            "节奏把握的没有那么流畅。",
            "把握的没有那么流畅",
            "把握得没有那么流畅",
        );
        flagged(
            "自己考虑的还是不够全面。",
            "考虑的还是不够全面",
            "考虑得还是不够全面",
        );
        quiet(&[
            "我们的越多越好，严重的越门占道。",
            "却发现自己考虑的还是不够全面。",
            "自己的比较快，他们的没有那么流畅。",
        ]);
    }

    #[test]
    fn a_way_towards_a_place_and_what_was_done_before_are_verb_phrases() {
        flagged("我踉踉跄跄的往前走。", "踉踉跄跄的", "踉踉跄跄地");
        flagged("他认真的朝目标走去。", "认真的", "认真地");
        flagged("移液管也只是简单的练习过。", "简单的", "简单地");
        flagged("我懊悔的喊了起来。", "懊悔的", "懊悔地");
        flagged("我高兴的忘乎所以。", "的忘乎所以", "得忘乎所以");
        flagged(
            "虽然有进步，但做的还远远不够。",
            "做的还远远不够",
            "做得还远远不够",
        );
        quiet(&[
            "认真的往往能成功，积极的朝气。",
            "简单的练习过程，懊悔的喊声。",
        ]);
    }

    #[test]
    fn counted_and_vivid_phrases_read_from_the_third_round() {
        flagged("我零零散散的看完了这本书。", "零零散散的", "零零散散地");
        flagged("我天真的以为他会来。", "天真的", "天真地");
        flagged("日子就这样一年一年的过去了。", "一年一年的", "一年一年地");
        quiet(&[
            "至少也经历了一些风风雨雨，酸甜苦辣，一次次的波折和困难，",
            "天真的孩子，无比的勇气。",
        ]);
    }

    #[test]
    fn graded_qualities_and_what_one_was_made_to_become_take_de2() {
        flagged("我的时间便被压缩的好紧，", "压缩的好紧", "压缩得好紧");
        flagged("一方面当时想的太超前了", "想的太超前了", "想得太超前了");
        flagged("那时我们住的差一些，", "住的差一些", "住得差一些");
        flagged("互相责怪只会让友谊之间变的薄脆。", "变的", "变得");
        quiet(&[
            "但边角上的有点乱。",
            "这件事的好坏，大家心里有数。",
            "她的好朋友走了，我们住的地方很远。",
            "他变的魔术很好看，社会在变，让人变的是环境。",
            "发展的快慢取决于自己。",
        ]);
    }

    #[test]
    fn vivid_words_and_manners_before_a_verb_take_di() {
        flagged("不想再去的念头就急匆匆的升起来了。", "急匆匆的", "急匆匆地");
        flagged("但我还是糊涂的乱说了。", "糊涂的", "糊涂地");
        flagged("并不懂得如何的去处理与旅客之间的问题", "如何的", "如何地");
        quiet(&["糊涂的人，如何的结果，急匆匆的样子。"]);
    }

    #[test]
    fn a_manner_before_zai_of_an_action_going_on_takes_di() {
        flagged("所以我非常努力的在工作，", "努力的", "努力地");
        flagged(
            "做完之后一脸恍惚的在北食堂一层吃了一碗面。",
            "恍惚的",
            "恍惚地",
        );
        flagged("我生气的打了你。", "生气的", "生气地");
        flagged("仗着自己年轻，就肆意的熬夜，", "肆意的", "肆意地");
        flagged("我急切的渴望出去，", "急切的", "急切地");
        flagged("我们不停的分离，我还是经常出门。", "不停的", "不停地");
        quiet(&[
            "表扬优秀的在校学生，发挥积极的在职党员作用，",
            "关心年老的在家老人，一脸恍惚的样子，生气的样子。",
        ]);
    }

    #[test]
    fn manners_after_neng_and_before_what_is_said_take_di() {
        flagged("还不能有效的调动学生的阅读积极性。", "有效的", "有效地");
        flagged("听不懂就自然而然的想睡，", "自然而然的", "自然而然地");
        flagged("我只能非常愧疚的说：不好意思。", "愧疚的", "愧疚地");
        flagged("大家开玩笑的说，地瓜长得像人参。", "开玩笑的", "开玩笑地");
        flagged("我总是极力的去辩解。", "极力的", "极力地");
        flagged("我故意的把杯子打翻了，", "故意的", "故意地");
        flagged("我会对你大声的吼，", "大声的", "大声地");
        flagged("我很坦白的说了没有。", "坦白的", "坦白地");
        flagged("我愚蠢的忘记了旧系统的依赖，", "愚蠢的", "愚蠢地");
        flagged("空气欢快的往外跑，", "欢快的", "欢快地");
        flagged("想当然的觉得也应该是没有回应的，", "想当然的", "想当然地");
        quiet(&[
            "教官用不轻不重的脚踹了我们一脚，",
            "影响同志们积极性的发挥，",
            "说不出很大声的话，",
            "我总把所有事情都想当然的，",
            "你是不是故意的！",
        ]);
        flagged(
            "健身房我也没有去的那么勤了。",
            "去的那么勤了",
            "去得那么勤了",
        );
        flagged(
            "健身房也没有以前去的那么勤了。",
            "去的那么勤了",
            "去得那么勤了",
        );
        flagged("没有想到来的这么快。", "来的这么快", "来得这么快");
        flagged("没想到他安排的这么晚。", "安排的这么晚", "安排得这么晚");
        flagged("没有想到他安排的这么晚。", "安排的这么晚", "安排得这么晚");
        quiet(&[
            "效率并没有我自己安排的那么高。",
            "进度没有我们计划的这么快，工作方式并没有想象的那么高效。",
            "事情不像他说的那么简单。",
        ]);
        quiet(&[
            "他能积极的心态面对困难。",
            "理所当然的想法，小心翼翼的看护。",
            "没有那么多的，我们的那么好。",
        ]);
    }
}
