//! Doubled characters, words and marks: `的的`, `用公款用公款`, `、、`, and two different marks
//! of a pause side by side (`。，`). `的的确确`-style doubling (AABB) is left alone.

use super::super::concrete::is_chinese_numeral;
use super::super::{Location, ReviewItem, ReviewKind};
use super::is_chinese;

/// Function characters that never stand twice in a row (`的的确确` aside).
const NEVER_DOUBLED: &str = "的地得在和与及被对并但也就于其之以而从向是我为有到率";

/// Words of two characters said twice on purpose: verbs tried out (`研究研究再说`), state
/// adjectives (`雪白雪白`), degree words and pronouns said twice for weight or in their place
/// (`非常非常差`, `要求别人怎么怎么样`), calls (`加油加油`) and sounds (`吧嗒吧嗒`). Any other
/// word of two characters said twice is a slip (`发展阶段阶段`, `过程缓慢缓慢`).
const SAID_TWICE_ON_PURPOSE: &[&str] = &[
    "研究", "讨论", "学习", "考虑", "商量", "了解", "休息", "锻炼", "反思", "总结", "交流", "沟通",
    "琢磨", "思考", "整理", "收拾", "打扫", "活动", "放松", "比较", "检查", "打听", "体验", "感受",
    "熟悉", "关心", "帮助", "指导", "练习", "准备", "调整", "介绍", "提醒", "表扬", "批评", "教育",
    "反省", "检讨", "回顾", "复习", "梳理", "请教", "尝试", "观察", "掂量", "思量", "盘算", "清理",
    "打算", "雪白", "通红", "冰凉", "笔直", "漆黑", "火热", "滚烫", "蜡黄", "碧绿", "金黄", "雪亮",
    "乌黑", "湛蓝", "粉红", "非常", "特别", "十分", "怎么", "如何", "这样", "那样", "这么", "那么",
    "什么", "加油", "快点", "赶紧", "没事", "可以", "不行", "不错", "吧嗒", "哗啦", "叮咚", "滴答",
    "嘀嗒", "扑通", "咕噜", "轰隆", "呼啦", "噼啪", "哐当", "咯噔", "叽喳", "嘟嘟", "滴滴", "咕咚",
    "叮当", "扑腾", "呼噜", "咕嘟", "过誉", "惭愧", "佩服", "失敬", "久仰", "幸会", "抱歉", "见笑",
    "哪里", "那个", "这个", "原谅", "悠哉",
];

/// Verbs of calling out, after which a word said twice is what was called (`爸爸又在我边上说
/// 撑大撑大`).
const CALLING: &[char] = &['说', '喊', '叫', '道', '嚷'];

/// What a phrase said twice on purpose opens with: an action going on and on (`继续摸继续摸`),
/// time counted one by one (`每一年每一年`), or an urging (`赶紧辞职赶紧辞职`).
const GOING_ON: &[&str] = &[
    "继续", "一直", "不停", "不断", "每", "一", "赶紧", "赶快", "快点",
];

/// First characters of doubled pairs that are a way of saying, not a slip: counting one by
/// one (`一步一步`, `一单一单`), a degree said twice (`很远很远`, `太慢太慢`, and in speech
/// `死甜死甜`, `贼冷贼冷`), a quantity (`大把大把`, `几个几个`). Numerals besides (`十一十一`)
/// are read by [`is_chinese_numeral`].
const OPENS_A_PAIR_ON_PURPOSE: &str = "一很太好真最大小多几死贼齁巨超极";

/// Second characters of doubled pairs said on purpose: an action going on (`忙着忙着`,
/// `拖啊拖啊`, `走了走了`) or a call (`好的好的`, `算吧算吧`).
const CLOSES_A_PAIR_ON_PURPOSE: &str = "着啊呀了呢吧的嘛哦";

/// Terms that open with the word before them ends in: `党组织组织生活`, `主体责任责任清单`,
/// `民营企业企业家`, `学生学生会` write each word once.
const TERMS_AFTER_THEIR_OWN_END: &[&str] = &[
    "组织生活",
    "组织关系",
    "责任清单",
    "责任制",
    "企业家",
    "学生会",
];

/// Pairs that frame an idiom of the shape `怨天怨地`: after a word that ends in the idiom's
/// second character (`每天怨天怨地`), the text reads as a pair said twice, and is not.
const FRAMING_PAIRS: &[(char, char)] = &[
    ('天', '地'),
    ('东', '西'),
    ('来', '去'),
    ('上', '下'),
    ('前', '后'),
    ('左', '右'),
    ('里', '外'),
    ('心', '意'),
    ('手', '脚'),
    ('长', '短'),
    ('多', '少'),
    ('进', '出'),
    ('南', '北'),
    ('言', '语'),
];

/// Words of three characters that open on a pair's second character, so that the pair only
/// looks doubled: `觉得不得不完成` is `觉得` then `不得不`.
const WORDS_ACROSS_A_PAIR: &[&str] = &["不得不"];

/// Question words that `爱` frames twice to say "as one pleases" (`爱咋变咋变`, `爱怎么说怎么说`).
const ASKED_AS_ONE_PLEASES: &[&str] = &["咋", "怎么", "怎样", "啥", "什么", "谁", "哪"];

/// Whether `word`, said twice after `before`, is `爱` framing a question word twice: `爱咋变咋变`
/// is "let it change as it will", said so on purpose.
fn as_one_pleases(before: &str, word: &str) -> bool {
    before.ends_with('爱') && ASKED_AS_ONE_PLEASES.iter().any(|q| word.starts_with(q))
}

/// Whether `rest`, what follows a word said twice, is an ellipsis: the writer trails off,
/// as one does in speech (`然后然后...`), which no slip of the keyboard does.
fn trails_off(rest: &str) -> bool {
    rest.starts_with(['…', '⋯']) || rest.starts_with("..") || rest.starts_with("。。")
}

/// Whether the two characters at `i` are said twice by a slip: `发展阶段阶段`, not
/// `研究研究`, `一步一步`, `党组织组织生活` or `每天怨天怨地`.
fn pair_said_twice(chars: &[(usize, char)], text: &str, i: usize) -> bool {
    let at = |k: usize| chars.get(i + k).map(|(_, c)| *c);
    let (Some(first), Some(second)) = (at(0), at(1)) else {
        return false;
    };
    if at(2) != Some(first) || at(3) != Some(second) || first == second {
        return false;
    }
    if !is_chinese(first) || !is_chinese(second) || is_chinese_numeral(first) {
        return false;
    }
    // A run that began a character earlier is read from there (`非常非常非常`, `拖着拖着`).
    if i > 0 && chars[i - 1].1 == second {
        return false;
    }
    if OPENS_A_PAIR_ON_PURPOSE.contains(first) || CLOSES_A_PAIR_ON_PURPOSE.contains(second) {
        return false;
    }
    // Said three times, on purpose (`不停地炸线炸线炸线`): an action told over and over. A
    // question in `是不是` before a `不` is no pair either (`是不是不该`).
    if at(4) == Some(first) && at(5) == Some(second) || second == '不' {
        return false;
    }
    let word = &text[chars[i].0..chars[i + 2].0];
    // A verb in `化` is tried out like `研究研究` (`优化优化能省点时间`, `美化美化`).
    if SAID_TWICE_ON_PURPOSE.contains(&word)
        || second == '化'
        || text[..chars[i].0].ends_with(CALLING)
        || as_one_pleases(&text[..chars[i].0], word)
    {
        return false;
    }
    let second_start = chars[i + 2].0;
    if WORDS_ACROSS_A_PAIR
        .iter()
        .any(|w| text[chars[i + 1].0..].starts_with(w))
        || trails_off(&text[chars.get(i + 4).map_or(text.len(), |(at, _)| *at)..])
    {
        return false;
    }
    if TERMS_AFTER_THEIR_OWN_END
        .iter()
        .any(|term| text[second_start..].starts_with(term))
    {
        return false;
    }
    let framed = at(4).is_some_and(|after| {
        FRAMING_PAIRS
            .iter()
            .any(|&(a, b)| (a, b) == (first, after) || (b, a) == (first, after))
    });
    !framed
}

/// Marks of a pause that a slip of the keyboard types twice (`素质不高、、人员流动性大`). `。`
/// only as two: three or more are an ellipsis, however loosely written.
const DOUBLED_MARKS: &str = "、，；：,;";

/// How strong a pause or a stop `c` is, weakest first; `None` for any other character. Two
/// different ones side by side are one too many (`急需安装光管照明。，`, `得分率为0，。`), and
/// the stronger is the one to keep. A `match`, since it is asked of every character.
fn pause_strength(c: char) -> Option<u8> {
    match c {
        '、' => Some(0),
        '，' | ',' => Some(1),
        '：' | ':' => Some(2),
        '；' | ';' => Some(3),
        '。' => Some(4),
        _ => None,
    }
}

/// Words of two characters, the first in [`NEVER_DOUBLED`], that are said as AABB on purpose
/// (`的的确确`, `是是非非`, `从从容容`). Only these: in `遇到到许许多多` the doubled `到` is a
/// slip that happens to stand before another doubling.
const AABB_WORDS: &[[char; 2]] = &[
    ['的', '确'],
    ['是', '非'],
    ['从', '容'],
    ['地', '道'],
    ['和', '美'],
    ['和', '睦'],
    ['和', '气'],
];

/// Words that close with one of [`NEVER_DOUBLED`]: before the same character they are a word
/// of their own, not a doubling (`现在在自己身边`, `存在在编不在岗`, `目的的确定`).
const WORDS_BEFORE_A_DOUBLE: &[&str] = &[
    "现在", "正在", "实在", "所在", "好在", "潜在", "内在", "外在", "存在", "自在", "目的",
    // Conjunctions in `是` before the verb `是` (`可是是餐前还是餐后？`); not adverbs in `是`
    // (`特别是是自己的`), which say `是` once.
    "可是", "要是", "若是",
    // Words in `得` before `得` of must (`觉得得写出来批评一下自己`).
    "觉得", "懂得", "记得", "晓得", "舍得", "显得", "值得", "使得", "获得", "取得",
];

/// Words that open with one of [`NEVER_DOUBLED`]: after the same character they are a word of
/// their own, not a doubling (`针对对象`, `他的的确`, `作为为了`, `关键是是否`).
const WORDS_AFTER_A_DOUBLE: &[&str] = &[
    // `相亲对对碰`: a matching game's name.
    "对碰",
    "对象",
    "对方",
    "对手",
    "对面",
    "对话",
    "对于",
    "对待",
    "对帐",
    "对账",
    "对接",
    "对比",
    "对照",
    "对标",
    "对策",
    "对口",
    "的确",
    "在线",
    "在场",
    "在于",
    "在编",
    "在岗",
    "在职",
    "在任",
    "在校",
    "在建",
    "和平",
    "和谐",
    "以及",
    "以后",
    "以来",
    "以前",
    "以为",
    "以上",
    "以下",
    "为了",
    "为何",
    "为主",
    "是否",
    "是非",
    "从而",
    "从事",
    "从来",
    "向来",
    "于是",
    "其实",
    "其中",
    "其他",
    "之后",
    "之前",
    "之间",
    "并且",
    "并不",
    "但是",
    "也许",
    "就是",
    "而且",
    "而是",
    "及时",
    "与会",
    "我们",
    "被动",
    "地方",
    "地区",
    "得到",
    "得以",
    // `叫天天不应，叫地地不灵`.
    "地不灵",
    // `没有有效的措施`, `具有有利条件`.
    "有效",
    "有力",
    "有序",
    "有机",
    "有关",
    "有利",
    "有益",
    "有用",
    "有形",
    "有限",
    "有偿",
    "有为",
    "有所",
    "有的",
    "有些",
    "有时",
    "有点",
    "有意",
    "有幸",
    "有志",
    "有名",
    "有害",
    "有助",
    "有望",
    "有待",
    "有权",
    "有责",
    "有理",
    "有心",
    "有事",
    "有人",
    "有着",
    "有种",
    "到达",
    "到期",
    "到账",
    "到场",
    "到岗",
    "到会",
    "率先",
    "率领",
];

/// Degree words that open a quality said twice for stress (`很难过很难过`, `好想哭好想哭`).
const STRESSED: &[&str] = &["很", "好", "太", "非常", "特别", "真的", "超"];

/// `的的` and `用公款用公款`: a function character twice, a word of two characters twice (see
/// [`pair_said_twice`]), or three to six Chinese characters said twice in a row.
/// `的的确确`-style doubling (AABB) is left alone.
pub(super) fn check(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |(at, _)| *at);
    let mut i = 0;
    while i + 1 < chars.len() {
        let c = chars[i].1;
        let end = || {
            (i..chars.len())
                .find(|&k| chars[k].1 != c)
                .unwrap_or(chars.len())
        };
        // One character three times or more is laughter or a stammer written out
        // (`哈哈哈哈哈哈`, `我我我，真是…`), not a slip.
        if is_chinese(c) && end() >= i + 3 {
            i = end();
            continue;
        }
        // A word of 3–6 characters said twice.
        let repeated = (3..=6).rev().find(|&n| {
            i + 2 * n <= chars.len()
                && (0..n)
                    .all(|k| is_chinese(chars[i + k].1) && chars[i + k].1 == chars[i + n + k].1)
        });
        let on_purpose = |n: usize| {
            let word = &text[byte(i)..byte(i + n)];
            GOING_ON.iter().any(|w| word.starts_with(w))
                || STRESSED.iter().any(|w| word.starts_with(w))
                || as_one_pleases(&text[..byte(i)], word)
                || word.ends_with(|c| CLOSES_A_PAIR_ON_PURPOSE.contains(c))
        };
        if let Some(n) = repeated {
            if !on_purpose(n) {
                let word = &text[byte(i)..byte(i + n)];
                push_doubled(location, text, byte(i)..byte(i + 2 * n), word, items);
            }
            i += 2 * n;
            continue;
        }
        // Compares characters first: most are not said twice, and a search for each listed
        // word at every character was a seventh of a large draft's review.
        if chars.get(i + 2).is_some_and(|(_, next)| *next == c) && pair_said_twice(&chars, text, i)
        {
            let word = &text[byte(i)..byte(i + 2)];
            push_doubled(location, text, byte(i)..byte(i + 4), word, items);
            i += 4;
            continue;
        }
        // Three full stops or more are an ellipsis typed loosely, which a speech writes `……`
        // (after a `…` already there, they are only more stops).
        if c == '。' && end() >= i + 3 && (i == 0 || chars[i - 1].1 != c) {
            let end = end();
            let range = byte(i)..byte(end);
            let after_ellipsis = text[..byte(i)].ends_with('…');
            let (message, fixed) = if after_ellipsis {
                ("省略号后不再加句号：删去".to_owned(), String::new())
            } else {
                (
                    format!("“{}”是用句号代替的省略号：应为“……”", &text[range.clone()]),
                    "……".to_owned(),
                )
            };
            items.push(superfluous(location, text, range, message, fixed).with_rule("ellipsis"));
            i = end;
            continue;
        }
        // Two full stops, and only two.
        let two_stops = c == '。' && end() == i + 2 && (i == 0 || chars[i - 1].1 != c);
        if chars[i + 1].1 == c && (DOUBLED_MARKS.contains(c) || two_stops) {
            let end = end();
            let mark = &text[byte(i)..byte(i + 1)];
            push_doubled(location, text, byte(i)..byte(end), mark, items);
            i = end;
            continue;
        }
        // A run of full stops is an ellipsis, however loosely written, not a stop to clash.
        let in_ellipsis = |k: usize| {
            chars[k].1 == '。'
                && (k > 0 && chars[k - 1].1 == '。'
                    || chars.get(k + 1).is_some_and(|n| n.1 == '。'))
        };
        let clash = pause_strength(c)
            .zip(pause_strength(chars[i + 1].1))
            .filter(|(this, next)| this != next && !in_ellipsis(i) && !in_ellipsis(i + 1));
        if let Some((this, next)) = clash {
            let kept = if this > next { c } else { chars[i + 1].1 };
            let range = byte(i)..byte(i + 2);
            let message = format!("“{}”两个标点连用，只留“{kept}”", &text[range.clone()]);
            items.push(superfluous(
                location,
                text,
                range,
                message,
                kept.to_string(),
            ));
            i += 2;
            continue;
        }
        if chars[i + 1].1 != c || !NEVER_DOUBLED.contains(c) {
            i += 1;
            continue;
        }
        let aabb = chars
            .get(i + 2)
            .zip(chars.get(i + 3))
            .is_some_and(|(a, b)| a.1 == b.1 && AABB_WORDS.contains(&[c, a.1]));
        let tripled = i > 0 && chars[i - 1].1 == c;
        let opens_a_word = WORDS_AFTER_A_DOUBLE
            .iter()
            .any(|w| text[byte(i + 1)..].starts_with(w));
        let closes_a_word = WORDS_BEFORE_A_DOUBLE
            .iter()
            .any(|w| text[..byte(i + 1)].ends_with(w));
        if !aabb && !tripled && !opens_a_word && !closes_a_word {
            let word = &text[byte(i)..byte(i + 1)];
            push_doubled(location, text, byte(i)..byte(i + 2), word, items);
            i += 2;
            continue;
        }
        i += 1;
    }
    percent_said_twice(location, text, items);
}

/// `百分之30%`: the share said both in words and with the sign. The figure and the sign are
/// kept, as a report writes shares (`30%`).
fn percent_said_twice(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    const IN_WORDS: &str = "百分之";
    let mut from = 0;
    while let Some(found) = text[from..].find(IN_WORDS) {
        let start = from + found;
        let figure_at = start + IN_WORDS.len();
        let figure_len: usize = text[figure_at..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c) || *c == '.')
            .map(char::len_utf8)
            .sum();
        let rest = &text[figure_at + figure_len..];
        let sign = ['%', '％'].into_iter().find(|s| rest.starts_with(*s));
        if let (true, Some(sign)) = (figure_len > 0, sign) {
            let end = figure_at + figure_len + sign.len_utf8();
            let kept = text[figure_at..end].to_owned();
            let message = format!("“百分之”和“{sign}”说了两遍，写作“{kept}”");
            items.push(superfluous(location, text, start..end, message, kept));
            from = end;
        } else {
            from = figure_at;
        }
    }
}

fn push_doubled(
    location: Location,
    text: &str,
    range: std::ops::Range<usize>,
    word: &str,
    items: &mut Vec<ReviewItem>,
) {
    let message = format!("“{word}”连写了两遍，删去一个");
    items.push(superfluous(location, text, range, message, word.to_owned()));
}

/// Something written once too often (a doubled word, a second mark of a pause), with why and
/// what to leave.
fn superfluous(
    location: Location,
    text: &str,
    range: std::ops::Range<usize>,
    message: String,
    fixed: String,
) -> ReviewItem {
    ReviewItem::new(ReviewKind::DoubledCharacter, location, message)
        .with_range(text, range)
        .with_fix(text, fixed)
}
