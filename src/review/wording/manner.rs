//! The words that say how a thing is done, before `的` where `地` is meant: manner words
//! (`认真`, `主动`), the longer ones (`全身心`, `稀里糊涂`), the idioms and counts that only
//! ever do so (`想方设法`, `一次又一次`), the degree adverbs that grade them, and the vivid
//! words (`狠狠`, `慢腾腾`) and idioms that end right before a `的`. `particle` reads the phrase
//! around them.

use super::particle::han_before;
use crate::clean::is_han;

/// Manner words that take `地` before a verb.
pub(super) const MANNERS: &[&str] = &[
    "认真", "主动", "积极", "及时", "深入", "细致", "扎实", "全面", "切实", "自觉", "严格", "系统",
    "充分", "彻底", "坚决", "努力", "耐心", "虚心", "热情", "大胆", "盲目", "机械", "简单", "片面",
    "被动", "草率", "随意", "默默", "很好", "较好", "更好", "有效", "准确", "深刻", "经常", "高效",
    "严重", "极大", "不断", "反复", "逐步", "尽快", "错误", "清楚", "过度", "过分", "急忙", "匆忙",
    "慌忙", "赶忙", "悄悄", "偷偷", "仔细", "细心", "用心", "直率", "温柔", "冷静", "客观", "明确",
    "清醒", "真正", "深切", "正确", "无限", "不停", "遗憾", "详细", "愤怒", "紧张", "激动", "兴奋",
    "焦急", "着急", "无辜", "委屈", "疯狂", "悠闲", "莫名", "懊恼", "懊悔", "拼命", "气愤", "得意",
    "茫然", "天真", "专心", "糊涂", "如何", "极力", "故意", "大声", "小声", "坦白", "欢快", "愚蠢",
    "自大", "固执", "自信", "仓促", "违心", "热切", "飞快", "无情", "急切", "自如", "依稀", "好奇",
    "无聊", "无奈", "生气", "肆意", "惊奇", "爽快", "艰难", "放心", "开心", "平等",
];

/// Manner words of three or four characters (`全身心的投入`, `不可避免的遇到了`), kept apart
/// from [`MANNERS`], which are read in pairs (`全面细致`).
// `开玩笑的说`: in jest, how a thing is said or done.
pub(super) const LONGER_MANNERS: &[&str] = &[
    "全身心",
    "一股脑",
    "不可避免",
    "下意识",
    "开玩笑",
    "想当然",
    "有意识",
    "稀里糊涂",
    "糊里糊涂",
    "毫不客气",
    "毫不犹豫",
    "我行我素",
    "接二连三",
    "不耐烦",
    "自顾自",
    "不情愿",
    "一股脑儿",
];

/// Idioms, doubled counts and doubled adverbs that only ever say how something is done, never
/// what a thing is like: whatever follows them and `的` in their clause is a verb phrase
/// (`想方设法的划水`, `一而再再而三的躲避作业`, `信誓旦旦的要捡起`, `一遍遍的刷新论坛`,
/// `渐渐的走入`, `一味的我行我素`, `尽可能的减少`). Not `持之以恒`, `按部就班`, `马马虎虎`, `反反复复` or
/// `不折不扣`, which also describe things (`持之以恒的精神`, `按部就班的一种状态`,
/// `马马虎虎的习惯`), nor `慢慢`, `默默`, `深深`, `静静` or `好好` (`慢慢的变化`,
/// `默默的付出`, `深深的自责`): `adverbial` reads `慢慢` apart.
pub(super) const ONLY_ADVERBIAL: &[&str] = &[
    "想方设法",
    "千方百计",
    "一而再再而三",
    "三番五次",
    "三番两次",
    "信誓旦旦",
    "不厌其烦",
    "争先恐后",
    "迫不及待",
    "不约而同",
    "情不自禁",
    "不由自主",
    "夜以继日",
    "废寝忘食",
    "马不停蹄",
    "一遍又一遍",
    "一次又一次",
    "一遍遍",
    "一次次",
    "一步步",
    "一点一点",
    "一步一步",
    "一年一年",
    "一天一天",
    "渐渐",
    "常常",
    "往往",
    "刚刚",
    "早早",
    "偷偷",
    "暗暗",
    "稍稍",
    "略略",
    "一味",
    "尽可能",
    "公然",
    "铁定",
];

/// Degree adverbs that grade a manner word before `的` (`很优先的去`, `非常大意的没有`).
pub(super) const GRADING: &[&str] = &[
    "很", "非常", "十分", "比较", "更加", "特别", "相当", "极其", "太",
];

/// What takes a counted phrase of [`ONLY_ADVERBIAL`] as its object (`对自己一次又一次的放纵`,
/// `经历了一次次的失败`): the phrase then names what was done or met.
pub(super) const OBJECT_BEFORE_A_COUNT: &[&str] = &[
    "对自己",
    "对他人",
    "对别人",
    "对他",
    "对她",
    "对我",
    "经历了",
    "经历",
    "经过",
    "历经",
    "面对",
];

/// Where a vivid word that ends right before `at` begins: doubled (`狠狠`), doubled twice
/// (`老老实实`), closing on a doubled sound (`慢腾腾`) or a sound said three times (`啪啪啪`).
pub(super) fn vivid_before(text: &str, at: usize) -> Option<usize> {
    let mut before = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c));
    let (_, last) = before.next()?;
    let (second_at, second) = before.next()?;
    if last != second || "的是常人天个一".contains(last) {
        return None;
    }
    match (before.next(), before.next()) {
        (Some((third_at, third)), _) if third == last => Some(third_at),
        (Some((_, third)), Some((fourth_at, fourth))) if third == fourth => Some(fourth_at),
        (Some((third_at, third)), _) if ABB_HEADS.contains(third) => Some(third_at),
        _ => Some(second_at),
    }
}

/// Heads of vivid words in ABB (`慢腾腾`, `急匆匆`, `乐呵呵`); before any other character a
/// doubled pair stands alone (`想狠狠的揍`).
pub(super) const ABB_HEADS: &str = "慢急乐笑气懒静孤乱傻热冷香甜黑白红绿亮硬软湿空满胖瘦";

/// Where a four-character idiom that ends right before `at` begins (`小心翼翼`).
pub(super) fn idiom_before(text: &str, at: usize) -> Option<usize> {
    han_before(text, at, 4).filter(|&start| idiom_like(&text[start..at]))
}

/// Whether a word of four characters is an idiom, or a manner word of [`LONGER_MANNERS`] that
/// is vivid as an idiom is (`稀里糊涂`, `接二连三`).
pub(super) fn idiom_like(word: &str) -> bool {
    super::super::idiom::is_idiom(word) || LONGER_MANNERS.contains(&word)
}
