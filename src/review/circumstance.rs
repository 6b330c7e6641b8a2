//! Blaming circumstances: commentary on these meetings keeps faulting findings that put a
//! problem down to age, workload, the nature of the post or history (`随着年龄的增长，干事创业
//! 的劲头不足`; `因为工作性质的原因…`). Flagged as advice, with the reason, only when the
//! circumstance is given as the cause — not where it is the problem itself (`一味强调客观原因`,
//! `对历史遗留问题化解不力`). Blame read from the shape of the clause rather than from a
//! circumstance word (`受限于经济问题`, `事情本来就多`, `父亲患病`, `主要精力放在…上`,
//! `群众家族观念较强`) is in `excuse`.

use super::{Location, Part, ReviewItem, ReviewKind, findings};
use crate::draft::Draft;
use std::ops::Range;

mod excuse;
mod fortune;
mod own_cause;
mod trend;
mod weather;
mod youth;

/// Circumstances, and what they are called in the message.
const CIRCUMSTANCES: &[(&str, &str)] = &[
    ("年龄", "年龄"),
    ("年纪", "年龄"),
    ("临近退休", "年龄"),
    ("快退休", "年龄"),
    ("工作性质", "工作性质"),
    ("岗位性质", "工作性质"),
    ("岗位特点", "工作性质"),
    ("岗位原因", "工作性质"),
    ("工作原因", "工作忙"),
    ("事务性工作", "工作忙"),
    ("日常事务", "工作忙"),
    ("工作繁忙", "工作忙"),
    ("事务繁忙", "工作忙"),
    ("事务繁杂", "工作忙"),
    ("事务太多", "工作忙"),
    ("工作忙", "工作忙"),
    ("任务繁重", "工作忙"),
    ("任务重", "工作忙"),
    ("工作量大", "工作忙"),
    ("日常工作", "工作忙"),
    ("日常业务", "工作忙"),
    ("阶段性工作", "工作忙"),
    // Busy with anything, when given as the cause (`由于忙于其它工作便没有时间过问`); busy as
    // a habit confessed (`整天忙于事务性工作，自觉学习的意识不强`) has no word of cause.
    ("忙于", "工作忙"),
    ("时间紧", "时间紧"),
    ("时间的原因", "时间紧"),
    ("时间原因", "时间紧"),
    ("时间比较紧", "时间紧"),
    ("时间较紧", "时间紧"),
    ("时间仓促", "时间紧"),
    ("时间紧张", "时间紧"),
    // Time running out, given as the cause (`但时间不够，只能退赛了`, `但是当时时间已经不多了，
    // 匆忙准备了`); as a confessed state it has no cause word or consequence (`每天时间不够用`).
    ("时间不够", "时间紧"),
    ("时间不多", "时间紧"),
    ("时间已经不多", "时间紧"),
    ("时间有限", "时间紧"),
    ("客观原因", "客观原因"),
    ("客观条件", "客观原因"),
    ("客观因素", "客观原因"),
    ("客观的原因", "客观原因"),
    ("客观的条件", "客观原因"),
    ("客观的因素", "客观原因"),
    ("历史遗留", "历史遗留"),
    ("人手不足", "人手少"),
    ("人手少", "人手少"),
    ("人员不足", "人手少"),
    // Staff few, named as a cause (`个别学校因人员较少等原因`, `由于人员偏少，很难做到全面兼顾`).
    ("人员较少", "人手少"),
    ("人员偏少", "人手少"),
    ("人员少", "人手少"),
    ("人员短缺", "人手少"),
    ("进入毕业", "所处阶段"),
    ("临近毕业", "所处阶段"),
    ("面临毕业", "所处阶段"),
    ("毕业年级", "所处阶段"),
    ("毕业季", "所处阶段"),
    ("新人", "所处阶段"),
    ("新手", "所处阶段"),
    ("初来乍到", "所处阶段"),
    ("刚参加工作", "所处阶段"),
    ("刚毕业", "所处阶段"),
    ("刚入职", "所处阶段"),
    // Money lacking, the lack named first (`因缺资金`, `由于缺乏资金`, `因地方财政困难`).
    ("缺资金", "经费不足"),
    ("缺乏资金", "经费不足"),
    ("缺少资金", "经费不足"),
    ("资金等问题", "经费不足"),
    ("财政困难", "经费不足"),
    ("缺少经费", "经费不足"),
    ("缺乏经费", "经费不足"),
    ("无资金", "经费不足"),
    ("资金不足", "经费不足"),
    ("经费不足", "经费不足"),
    // A heavy load (`因其本身的繁重工作`).
    ("繁重工作", "工作忙"),
    ("工作强度大", "工作忙"),
    ("工作强度较大", "工作忙"),
    ("繁重的工作", "工作忙"),
    // The post's own nature (`再加上银保渠道本身的特殊性`).
    ("特殊性", "工作性质"),
    // The same, as a synonym-spinning tool writes it (`美术因为科目的特别性`).
    ("特别性", "工作性质"),
    // People moving away (`因为外出务工人员的流动性大`).
    ("流动性大", "人口外流"),
    ("流动性较大", "人口外流"),
    // One person holding several posts (`乡镇食品协管员身兼多职，有时无法兼顾`).
    ("身兼多职", "工作忙"),
    ("工作太忙", "工作忙"),
    // Pressure, given as the cause (`因为学业压力不能够保证`, `加上带毕业班压力太大`); as a
    // state confessed it has no cause word or consequence (`一直处于高强度的工作压力下`).
    ("工作压力", "压力大"),
    ("学业压力", "压力大"),
    ("学习压力", "压力大"),
    ("压力太大", "压力大"),
    // No one to show the way (`因为无人指点，自己摸索`).
    ("无人指点", "无人指导"),
    ("没人指点", "无人指导"),
    ("没有人指点", "无人指导"),
    ("一人多岗", "工作忙"),
    // Where the place lies (`由于交通不便、待遇低`).
    ("地处偏远", "地理位置"),
    ("地处偏僻", "地理位置"),
    ("位置偏僻", "地理位置"),
    ("交通不便", "地理位置"),
    ("城乡结合部", "地理位置"),
    // The market's seasons (`农村客运季节性比较强`, `季节性的影响`), never the writer's doing.
    ("季节性", "季节因素"),
];

/// Circumstances that are often no cause at all: the writer's own work (`疫情防控工作落实不到位，
/// 导致…`), or others' state told in passing (`同事真的很忙，所以能理解`). Like those of
/// [`CIRCUMSTANCES`], each with its rule's name, but the cause only with a cause word before
/// them in their clause, or one of [`RIGHT_AFTER_CAUSE`] right after: `因受新冠肺炎疫情影响`,
/// `新冠肺炎疫情给…造成了较大的影响`, `因为客户比较多比较忙`, `加之其他中心工作的冲突`.
const CAUSE_BESIDE_ONLY: &[(&str, &str)] = &[
    ("疫情", "疫情"),
    ("比较忙", "工作忙"),
    ("较忙", "工作忙"),
    ("很忙", "工作忙"),
    ("太忙", "工作忙"),
    ("越来越忙", "工作忙"),
    // No time, given as the cause (`因为没时间查字典`); confessed, it is the lapse itself.
    ("没时间", "时间紧"),
    ("忙碌起来", "工作忙"),
    ("其他工作", "工作忙"),
    ("其他中心工作", "工作忙"),
    // A circumstance left unnamed, given as the cause (`碍于一些特殊情况`); without a cause
    // word it is the problem's own subject (`对特殊情况的处置预案不完善`).
    ("特殊情况", "特殊情况"),
    // The weather, given as the cause (`部分学生因天气因素影响了户外观察效果`, `户外活动受
    // 天气影响`); without a cause word it is what a plan must reckon with (`天气预报`).
    ("天气", "天气"),
    ("下雨", "天气"),
    ("雨天", "天气"),
    ("降雨", "天气"),
    // Work, unnamed, given as the cause of a lapse (`因为工作的事情没有认真听`).
    ("工作的事", "工作忙"),
    ("工作上的事", "工作忙"),
    // `因为工作关系，从女儿五岁多起，我就把她…`; without a cause word it is how people work
    // together (`与青年工作关系密切`).
    ("工作关系", "工作忙"),
    // Others not cooperating (`曾因病人不配合，我被气哭了`).
    ("不配合", "他人不配合"),
    // A quarrel with others, given as the cause (`因为和婆婆有矛盾，所以我整个人心情也不好`).
    ("有矛盾", "人际矛盾"),
    // A reorganisation, given as the cause (`某些部门因职能调整或人员增加，未及时调整办公布局`,
    // `随着机构改革的深入`); without a cause word it is work the writer did (`完成机构改革`).
    ("职能调整", "机构调整"),
    ("机构调整", "机构调整"),
    ("机构改革", "机构调整"),
    ("人员变动", "机构调整"),
    // An emergency, given as the cause (`因需处理紧急突发事件`); without a cause word it is
    // what the writer failed to foresee or handle (`对突发事件的预测没有分析透彻`).
    ("突发事件", "工作忙"),
    // An engagement left unnamed (`因为有事断更一天`, `由于有事情我没有参加`); not `有事业心`,
    // `有事实依据`, `没有事` (see [`PART_OF_A_WORD`]).
    ("有事", "特殊情况"),
    // Mishaps on the way, given as the cause (`因为堵车我比预定时间晚了`, `乘车码又因为网路故障
    // 好一会才弄好`); without a cause word they are a place's problem (`校园周边存在交通拥堵`).
    ("堵车", "交通拥堵"),
    ("塞车", "交通拥堵"),
    ("交通拥堵", "交通拥堵"),
    ("网络故障", "网络故障"),
    ("网路故障", "网络故障"),
    ("断网", "网络故障"),
    ("停电", "停电"),
    // A transfer, given as the cause (`因为工作调动的缘故，我要离开北京了`); without a cause
    // word it is when a duty falls due (`团员们在工作调动时，多数未能及时转接关系`).
    ("工作调动", "工作调动"),
];

/// Circumstances of [`CAUSE_BESIDE_ONLY`] that are only part of another word: with one of the
/// first characters before (`没有事情做`), or one of the second after (`有事业心`, `有事实`,
/// `有事故`, `有事先`).
const PART_OF_A_WORD: &[(&str, &str, &str)] = &[("有事", "没", "业实故例先务物宜项件")];

/// What being busy crowded out, after it (`越来越忙就渐渐地忘了`, `不再像过去那样陪伴它`);
/// not `没时间`, which says the same busyness again (`爸爸很忙，没时间`, quoted to a child).
const LAPSES: &[&str] = &[
    "忘",
    "顾不上",
    "没顾上",
    "无暇",
    "疏于",
    "不再",
    "冷落",
    "耽误",
    "忽略",
    "忽视",
];

/// What right after a circumstance of [`CAUSE_BESIDE_ONLY`] makes it the cause.
const RIGHT_AFTER_CAUSE: &[&str] = &["影响", "的影响", "给", "原因", "的原因"];

/// Circumstances that after `随着` name a trend to prepare for, not an excuse
/// (`突发性事件应对能力需加强，随着极端天气频发`).
const NAMED_AS_TRENDS: &[&str] = &["天气"];

/// Words before the circumstance, in its clause, that make it a cause (`随着年龄的增长`,
/// `因为工作性质的原因`). Only before: after it they give a reason of the circumstance's own
/// (`规划事务性工作因为有周计划…故能做到项项跟进落实`).
const CAUSE_BEFORE: &[&str] = &[
    "随着", "由于", "因", "加之", "加上", "囿于", "拘于", "碍于", "忙于", "限于", "鉴于", "奈何",
];

/// Words after the circumstance, in its clause, that make it a cause (`受工作性质影响`);
/// `因…而产生的`: the circumstance is what the fault grew from; `历史遗留问题导致部分房间
/// 长期闲置`: the circumstance is the subject of what caused the fault.
const CAUSE_AFTER: &[&str] = &[
    "影响",
    "原因",
    "而产生",
    "而引起",
    "所致",
    "有关",
    "造成",
    "导致",
    "致使",
    "使得",
];

/// What after a circumstance makes it the measure of what is expected (`这个年纪该有的`).
const STANDARD_SET: &[&str] = &["该有的", "应有的", "应该有的", "应具备的", "所应有的"];

/// What after an age makes it a difference between people (`年龄的差异、观念的差异而导致
/// 工作中的分歧`), which the writer shares, not an age pressing on the writer.
const BETWEEN_PEOPLE: &[&str] = &["的差异", "差异", "的差距", "差距", "的不同", "上的差异"];

/// Words in the next clause that make the circumstance a cause.
const CONSEQUENCE_WORDS: &[&str] = &[
    "导致",
    "致使",
    "使得",
    "所以",
    "因此",
    "以致",
    "无暇",
    "顾不上",
    "没有时间",
    "没有更多时间",
    "没有精力",
    "没精力",
    "没空",
    "分身乏术",
    "难免",
    "无法兼顾",
    "难以兼顾",
    "顾此失彼",
    "只能",
    "只好",
    "匆忙",
    "匆匆",
];

/// Words before the circumstance that make it the fault being confessed: blaming it, or
/// giving way to others' (`侧重于考虑大家忙于事务性工作，进而削弱了对理论学习的要求`).
const CONFESSING: &[&str] = &[
    "强调",
    "借口",
    "推脱",
    "推给",
    "推到",
    "归咎",
    "归结",
    "找",
    "化解",
    "解决",
    "处理",
    "迁就",
    "照顾",
    "顾及",
    "考虑大家",
    // Pressure one put on oneself (`由于给自己施加压力太大`).
    "给自己",
    "看似",
    "表面上",
    "觉得",
    "总认为",
    "以为",
    "解释",
    // Time running short at the end of one's own delay (`直到最后时间不够了`).
    "直到",
];

pub(super) fn check(draft: &Draft, items: &mut Vec<ReviewItem>) {
    for (_, _, finding) in findings(draft) {
        for (part, text) in [
            (Part::Headline, finding.headline.as_str()),
            (Part::Body, finding.body.as_str()),
        ] {
            blame_each(Location::Finding(finding.id, part), text, items);
        }
    }
}

/// Every clause of `text` that blames a circumstance, as an item each: a finding may give
/// two excuses (`由于受地区经济条件的限制…由于社区党务工作者待遇偏低`). Each search goes on
/// after the clause the last one flagged. A clause that goes on the same excuse right after
/// the last one, with only a comma between, widens that item instead (`随着社会主义市场经济的
/// 不断发展…，特别是随着社会经济成分…的多样化` is one excuse).
fn blame_each(location: Location, text: &str, items: &mut Vec<ReviewItem>) {
    let first = items.len();
    let mut from = 0;
    while let Some(mut item) = blame(location, &text[from..]) {
        let Some(range) = item.range.take() else {
            items.push(item);
            return;
        };
        let range = from + range.start..from + range.end;
        from = range.end;
        if let Some(last) = items[first..].last_mut()
            && last.rule == item.rule
            && let Some(last_range) = last.range.clone()
            && matches!(text.get(last_range.end..range.start), Some("，" | ","))
        {
            last.set_range(text, last_range.start..range.end);
            continue;
        }
        items.push(item.with_range(text, range));
    }
}

/// Byte ranges of the clauses of `text`, split at `，。；！？、：` and line breaks.
fn clauses(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if super::closes_clause(c) {
            if start < i {
                out.push(start..i);
            }
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Words holding `将` or `把` that mark no disposal (`即将退休`, `把握`).
const NOT_DISPOSING: &[&str] = &["即将", "将近", "将要", "将会", "把握", "把关"];

/// Whether `before` makes what follows the object of a disposal by `将`/`把`, something the
/// writer did to it (`将党建工作和日常工作分割开来`), not a circumstance they give as a cause.
fn disposes_of(before: &str) -> bool {
    without(before, NOT_DISPOSING).contains(['将', '把'])
}

/// `text` with each of `words` taken out: what is left to look in when those words hold a
/// character that would otherwise count (`即将` holds `将`, `不断` holds `不`).
fn without(text: &str, words: &[&str]) -> String {
    words
        .iter()
        .fold(text.to_owned(), |text, word| text.replace(word, ""))
}

/// Outside conditions in a poor state (`我村经济条件较差`, `党员年龄结构老化`, `科室人手少`):
/// flagged when given as the cause of what follows (`我村经济条件较差，集体收入少`,
/// `人员配置不足影响工作效率`), the commentary's other way of finding the cause outside oneself;
/// named alone, as the problem itself, they are what a report is there to name. Each with its
/// rule's name and the kind of poor state it ends on.
const CONDITIONS: &[(&str, &str, &PoorState)] = &[
    ("经济条件", "经济条件", &POOR),
    ("基础条件", "基础条件", &POOR),
    ("自然条件", "自然条件", &POOR),
    ("年龄结构", "年龄结构", &POOR),
    ("群众认识", "群众", &POOR),
    ("群众的认识", "群众", &POOR),
    ("群众思想", "群众", &POOR),
    ("群众素质", "群众", &POOR),
    ("群众的素质", "群众", &POOR),
    ("人手", "人手少", &SHORT),
    ("警力", "人手少", &SHORT),
    ("工作人员", "人手少", &SHORT),
    ("人员配置", "人手少", &SHORT),
    ("成员", "人手少", &SHORT),
    ("经费", "经费不足", &SHORT),
    ("资金", "经费不足", &SHORT),
    ("财力", "经费不足", &SHORT),
    ("财政", "经费不足", &SHORT),
    ("工作环境", "工作环境", &HARSH),
    ("工作条件", "工作条件", &HARSH),
    ("青壮年", "人口外流", &DRAIN),
    ("青年", "人口外流", &DRAIN),
    ("年轻人", "人口外流", &DRAIN),
    ("劳动力", "人口外流", &DRAIN),
];

/// A kind of poor state a condition ends on.
struct PoorState {
    /// The words that end the clause in that state.
    words: &'static [&'static str],
    /// What the message adds to the rule's name (`经济条件` + `差`).
    named: &'static str,
    /// Whether only [`BETWEEN`] may stand between the condition and its state
    /// (`工作人员比较少`, not `与工作人员交流少`, where the writer is what is short); the
    /// condition is then the last one named (`工作环境的挑战乡镇公务员的工作环境相对艰苦`).
    close: bool,
    /// Whether a lack named before the condition, after a word of cause, puts it in this
    /// state too (`由于缺少进修学习的经费`).
    lacked_before: bool,
}

/// What makes a condition poor.
const POOR: PoorState = PoorState {
    words: &[
        "较差", "差", "落后", "老化", "偏大", "薄弱", "不高", "偏低", "滞后",
    ],
    named: "差",
    close: false,
    lacked_before: false,
};

/// What makes staff or money short (`人手少`, `经费也不够用`).
const SHORT: PoorState = PoorState {
    words: &[
        "少",
        "不足",
        "紧张",
        "短缺",
        "紧缺",
        "不够",
        "不多",
        "不够用",
        "匮乏",
        "有限",
        "不到位",
        "难到位",
        "难以到位",
    ],
    named: "",
    close: true,
    lacked_before: true,
};

/// What makes a place of work hard (`工作环境相对艰苦`, `工作环境和资源相对有限`).
const HARSH: PoorState = PoorState {
    words: &["艰苦", "恶劣", "简陋", "较差", "差", "有限", "落后"],
    named: "差",
    close: true,
    lacked_before: false,
};

/// What drains a village of its people (`农村青壮年劳动力外出务工经商`).
const DRAIN: PoorState = PoorState {
    words: &[
        "外出务工",
        "外出务工经商",
        "外出打工",
        "外出经商",
        "外流",
        "流失",
    ],
    named: "",
    close: true,
    lacked_before: false,
};

/// What may stand between a condition and its state when it must stand close: degrees, and
/// other things in short supply listed with it (`经费和车辆也不够用`, `工作环境和资源相对有限`,
/// `青壮年劳动力大多外出务工`).
const BETWEEN: &[&str] = &[
    "比较",
    "较",
    "很",
    "十分",
    "非常",
    "极其",
    "极为",
    "相对",
    "相当",
    "明显",
    "严重",
    "普遍",
    "都",
    "也",
    "还",
    "均",
    "太",
    "过于",
    "仍",
    "大多",
    "大都",
    "大部分",
    "大量",
    "纷纷",
    "长期",
    "和",
    "与",
    "及",
    "、",
    "资源",
    "资金",
    "车辆",
    "设备",
    "场地",
    "装备",
    "劳动力",
    "人员",
];

/// Words of lacking before a condition (`由于缺少进修学习的经费`); `没有` is left out: before a
/// condition it is mostly the writer's own failure (`没有改善…工作条件`).
const LACKING: &[&str] = &["缺少", "缺乏", "缺"];

/// Words after a poor state that make it the cause of what follows, in the same clause
/// (`部分人员配置不足影响工作效率`).
const CAUSING: &[&str] = &["影响", "导致", "致使", "制约", "造成", "使得"];

/// How a clause holds a condition in a poor state.
enum Held {
    /// The clause ends on the state (`我村经济条件较差`): the cause of what follows, if what
    /// follows says what it led to; alone, the problem itself.
    Ends,
    /// The state is given as the cause of what follows it in the clause (`不足影响工作效率`).
    Causing,
}

impl PoorState {
    /// Whether `rest`, what follows the condition in its clause, ends on this poor state, or
    /// gives the state as the cause of what follows it.
    fn held(&self, rest: &str) -> Option<Held> {
        let near = |between: &str| !self.close || only_between(between);
        let causing = self.words.iter().any(|p| {
            rest.match_indices(p).any(|(i, _)| {
                near(&rest[..i]) && CAUSING.iter().any(|c| rest[i + p.len()..].starts_with(c))
            })
        });
        if causing {
            return Some(Held::Causing);
        }
        self.words
            .iter()
            .any(|p| rest.strip_suffix(p).is_some_and(near))
            .then_some(Held::Ends)
    }
}

/// Whether the clause after `parts[i]`, in the same sentence, says what the circumstance in
/// `parts[i]` led to: a consequence (`导致`, `无暇`, `制约着…`) or a neglect (`学习坚持得不好`,
/// `集中学习少`). So followed, a circumstance is given as the finding's cause; alone it may be
/// the problem itself (`（二）人手不足`, `社区工作繁杂，任务重，时间要求又紧`), which a report
/// is free to name.
fn followed_by_a_lack(text: &str, parts: &[Range<usize>], i: usize) -> bool {
    next_in_sentence(text, parts, i).is_some_and(|next| {
        let next = next.trim_end();
        CONSEQUENCE_WORDS
            .iter()
            .chain(excuse::NEGLECT)
            .any(|w| next.contains(w))
            || CAUSING.iter().any(|c| next.starts_with(c))
            || next.ends_with('少')
    })
}

/// The clause after `parts[i]`, when it is in the same sentence: across a full stop it is the
/// next point's (`且高层干部年龄偏大。这种结构不均衡导致…`).
fn next_in_sentence<'a>(text: &'a str, parts: &[Range<usize>], i: usize) -> Option<&'a str> {
    let (this, next) = (parts.get(i)?, parts.get(i + 1)?);
    (!text[this.end..next.start].contains(['。', '！', '？', '!', '?', '\n']))
        .then(|| &text[next.clone()])
}

/// Whether `text` is made only of [`BETWEEN`], one after another.
fn only_between(mut text: &str) -> bool {
    while !text.is_empty() {
        let Some(word) = BETWEEN.iter().find(|w| text.starts_with(*w)) else {
            return false;
        };
        text = &text[word.len()..];
    }
    true
}

/// Words before a condition that make it the object of the writer's own work, not an excuse
/// (`对群众认识落后的问题引导不够`).
/// `存在`: the condition is listed among the problems found (`存在整体年龄结构偏大`).
const ACTING_ON: &[&str] = &[
    "对", "针对", "改善", "改变", "帮助", "引导", "没有", "未能", "存在",
];

/// Any of [`CIRCUMSTANCES`] or [`CONDITIONS`], found in one pass: most texts hold none.
static ANY_CIRCUMSTANCE: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| {
        let words: Vec<&str> = CIRCUMSTANCES
            .iter()
            .chain(CAUSE_BESIDE_ONLY)
            .map(|(w, _)| *w)
            .chain(CONDITIONS.iter().map(|(w, ..)| *w))
            .collect();
        super::needles::quick_to_build(&words)
    });

/// The first clause that gives a poor outside condition as the cause, as an item.
fn poor_condition(location: Location, text: &str) -> Option<ReviewItem> {
    let parts = clauses(text);
    for (i, range) in parts.iter().enumerate() {
        let range = range.clone();
        let clause = &text[range.clone()];
        if !may_hold_circumstance(clause) {
            continue;
        }
        for (word, what, state) in CONDITIONS {
            let found = if state.close {
                clause.rfind(word)
            } else {
                clause.find(word)
            };
            let Some(at) = found else {
                continue;
            };
            let before = &clause[..at];
            if CONFESSING
                .iter()
                .chain(ACTING_ON)
                .any(|c| before.contains(c))
            {
                continue;
            }
            // The clause ends on the poor state: `年龄结构老化的问题没有破题` confesses a failure
            // to deal with it instead.
            let rest = clause[at + word.len()..].trim_end();
            let lacked = state.lacked_before
                && LACKING.iter().any(|lack| {
                    before
                        .find(lack)
                        .is_some_and(|l| CAUSE_BEFORE.iter().any(|c| before[..l].contains(c)))
                });
            let as_cause = lacked
                || match state.held(rest) {
                    Some(Held::Causing) => true,
                    Some(Held::Ends) => {
                        CAUSE_BEFORE.iter().any(|c| before.contains(c))
                            || followed_by_a_lack(text, &parts, i)
                    }
                    None => false,
                };
            if as_cause {
                return Some(
                    ReviewItem::new(
                        ReviewKind::BlamingCircumstances,
                        location,
                        format!(
                            "把{what}{}当作问题，是在找客观原因：检视问题要从主观上找差距，写自己在其中哪里做得不够",
                            state.named
                        ),
                    )
                    .with_rule(what)
                    .with_range(text, range),
                );
            }
        }
    }
    None
}

/// Where the first of `words` to stand in `text` stands, whichever word it is.
fn earliest(text: &str, words: &[&str]) -> Option<usize> {
    words.iter().filter_map(|w| text.find(w)).min()
}

/// Whether `text` names a condition of [`CONDITIONS`] in its poor state (`镇内资金紧缺`,
/// `经费不足`), with at most [`BETWEEN`] words between: a cause outside the writer, whatever
/// negation follows it (`由于镇内资金紧缺至今未治理`).
fn names_a_poor_condition(text: &str) -> bool {
    CONDITIONS.iter().any(|(word, _, state)| {
        text.match_indices(word).any(|(at, _)| {
            let rest = &text[at + word.len()..];
            state
                .words
                .iter()
                .any(|w| rest.match_indices(w).any(|(i, _)| only_between(&rest[..i])))
        })
    })
}

/// The item for `range` of `text`, blaming the circumstance `what` (also its rule's name).
fn blamed(location: Location, text: &str, range: Range<usize>, what: &str) -> ReviewItem {
    ReviewItem::new(
        ReviewKind::BlamingCircumstances,
        location,
        format!(
            "把问题归因于{what}，像在找客观理由：检视问题要从主观上找差距，{what}不宜作为问题的原因，可删去或改写"
        ),
    )
    .with_rule(what)
    .with_range(text, range)
}

/// False when `text` holds none of [`CIRCUMSTANCES`] and [`CONDITIONS`]: one pass instead of
/// a search for each of them.
fn may_hold_circumstance(text: &str) -> bool {
    super::needles::may_hold(&ANY_CIRCUMSTANCE, text)
}

/// The first clause that blames a circumstance, as an item: one of the list given as the
/// cause, a poor outside condition, or one of `excuse`'s shapes.
fn blame(location: Location, text: &str) -> Option<ReviewItem> {
    if !may_hold_circumstance(text) {
        return excuse::blame(location, text);
    }
    // Only the text before a listed excuse can hold an earlier one: reading the rest again
    // would cost every finding that names a circumstance a second pass.
    match listed(location, text) {
        Some(item) => {
            let before = item.range.as_ref().map_or(0, |r| r.start);
            earlier(Some(item), excuse::blame(location, &text[..before]))
        }
        None => excuse::blame(location, text),
    }
}

/// Of two items, the one whose clause comes first: `blame_each` goes on after the clause it
/// is given, so a later clause found first would hide an earlier one (`共建单位自身缺少工作经费…；
/// 共建单位受…人员变动等因素的影响`).
fn earlier(a: Option<ReviewItem>, b: Option<ReviewItem>) -> Option<ReviewItem> {
    let start = |item: &ReviewItem| item.range.as_ref().map_or(usize::MAX, |r| r.start);
    match (a, b) {
        (Some(a), Some(b)) => Some(if start(&b) < start(&a) { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// The first clause that gives a listed circumstance as the cause, or names a poor outside
/// condition, as an item.
fn listed(location: Location, text: &str) -> Option<ReviewItem> {
    earlier(
        listed_circumstance(location, text),
        poor_condition(location, text),
    )
}

/// The first clause that gives a listed circumstance as the cause, as an item.
fn listed_circumstance(location: Location, text: &str) -> Option<ReviewItem> {
    let parts = clauses(text);
    for (i, range) in parts.iter().enumerate() {
        let clause = &text[range.clone()];
        if !may_hold_circumstance(clause) {
            continue;
        }
        let beside_only = CAUSE_BESIDE_ONLY.iter().map(|c| (c, true));
        for ((word, what), cause_beside_only) in
            CIRCUMSTANCES.iter().map(|c| (c, false)).chain(beside_only)
        {
            let Some(at) = clause.find(word) else {
                continue;
            };
            if CONFESSING.iter().any(|c| clause[..at].contains(c)) || disposes_of(&clause[..at]) {
                continue;
            }
            // `没有我这个年纪该有的成熟`: the circumstance sets the standard the writer falls
            // short of; it is not blamed.
            let after_word = &clause[at + word.len()..];
            if STANDARD_SET.iter().any(|w| after_word.starts_with(w))
                || (*what == "年龄" && BETWEEN_PEOPLE.iter().any(|w| after_word.starts_with(w)))
            {
                continue;
            }
            let before = CAUSE_BEFORE
                .iter()
                .filter(|c| **c != "随着" || !NAMED_AS_TRENDS.contains(word))
                .any(|c| clause[..at].contains(c));
            if cause_beside_only {
                let after = &clause[at + word.len()..];
                let part_of_a_word = PART_OF_A_WORD.iter().any(|(w, before, next)| {
                    w == word
                        && (clause[..at].ends_with(|c| before.contains(c))
                            || after.starts_with(|c| next.contains(c)))
                });
                if part_of_a_word {
                    continue;
                }
                // `受疫情和多方面的影响`: `受…影响` around the circumstance, whatever is between.
                let framed = clause[..at].contains('受') && after.contains("影响");
                // `之后我越来越忙就渐渐地忘了小龟`, `我今天太忙了，忘记了`: being busy, then
                // what it crowded out, in its clause or the next of its sentence.
                let lapse = |s: &str| LAPSES.iter().any(|l| s.contains(l));
                let crowded_out = *what == "工作忙"
                    && (lapse(after) || next_in_sentence(text, &parts, i).is_some_and(lapse));
                if before
                    || framed
                    || crowded_out
                    || RIGHT_AFTER_CAUSE.iter().any(|c| after.starts_with(c))
                {
                    return Some(blamed(location, text, range.clone(), what));
                }
                continue;
            }
            // Outside causes weighed against one's own (`既有客观原因，更有主观原因`) are
            // not blamed: the writer goes on to the subjective ones.
            if word.starts_with("客观") && text.contains("主观") {
                continue;
            }
            let here = before || CAUSE_AFTER.iter().any(|c| clause[at..].contains(c));
            // A consequence in the next clause of the same sentence.
            let next = next_in_sentence(text, &parts, i)
                .is_some_and(|next| CONSEQUENCE_WORDS.iter().any(|c| next.contains(c)));
            if here || next {
                return Some(blamed(location, text, range.clone(), what));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::FindingId;

    /// A check of one finding's body, as `blame` here and in `excuse`.
    pub(super) type Blame = fn(Location, &str) -> Option<ReviewItem>;

    fn blamed_by(check: Blame, text: &str) -> Option<String> {
        check(Location::Finding(FindingId(1), Part::Body), text)
            .map(|item| item.excerpt.unwrap_or_default())
    }

    /// Each text is flagged by `check`, on the clause given.
    pub(super) fn blamed_as_by(check: Blame, cases: &[(&str, &str)]) {
        for (text, clause) in cases {
            assert_eq!(blamed_by(check, text).as_deref(), Some(*clause), "{text}");
        }
    }

    /// No text is flagged by `check`.
    pub(super) fn not_blamed_by(check: Blame, texts: &[&str]) {
        for text in texts {
            assert_eq!(blamed_by(check, text), None, "{text}");
        }
    }

    fn blamed_as(cases: &[(&str, &str)]) {
        blamed_as_by(blame, cases);
    }

    fn not_blamed(texts: &[&str]) {
        not_blamed_by(blame, texts);
    }

    /// What `blame_each` flags in `text`, each item's words.
    fn each_flagged(text: &str) -> Vec<&str> {
        let mut items = Vec::new();
        blame_each(
            Location::Finding(FindingId(1), Part::Body),
            text,
            &mut items,
        );
        items
            .iter()
            .filter_map(|item| item.range.clone().map(|r| &text[r]))
            .collect()
    }

    #[test]
    fn each_excuse_of_a_finding_is_flagged() {
        assert_eq!(
            each_flagged(
                "由于受地区经济条件的限制，经费投入较少。由于社区党务工作者待遇偏低，工作任务又多。"
            ),
            ["由于受地区经济条件的限制", "由于社区党务工作者待遇偏低"]
        );
        // A later excuse of the list does not hide an earlier one of another reading.
        assert_eq!(
            each_flagged(
                "如：共建单位自身缺少工作经费，在支援社区方面能力有限；共建单位受办公地理位置制约、人员变动等因素的影响，参与社区志愿服务较少。"
            ),
            [
                "共建单位自身缺少工作经费",
                "共建单位受办公地理位置制约、人员变动等因素的影响"
            ]
        );
    }

    #[test]
    fn one_excuse_over_two_clauses_is_one_item() {
        assert_eq!(
            each_flagged(
                "随着市场经济的不断发展，特别是随着社会经济成分的多样化，党建工作面临挑战。"
            ),
            ["随着市场经济的不断发展，特别是随着社会经济成分的多样化"]
        );
    }

    #[test]
    fn being_busy_then_what_it_crowded_out_is_flagged() {
        blamed_as(&[
            (
                "之后我越来越忙就渐渐地忘了小龟。",
                "之后我越来越忙就渐渐地忘了小龟",
            ),
            (
                "但随着时间的推移，我们都渐渐忙碌起来，不再陪伴它。",
                "我们都渐渐忙碌起来",
            ),
            ("我今天太忙了，忘记了。", "我今天太忙了"),
            (
                "因为没时间查字典，结果不懂的字都写成拼音。",
                "因为没时间查字典",
            ),
        ]);
        not_blamed(&[
            "我说：“宝贝，爸爸很忙，没时间。”",
            "我越来越忙，也越来越累。",
        ]);
    }

    #[test]
    fn circumstances_given_as_the_cause_are_flagged() {
        blamed_as(&[
            (
                "由于忙于其它工作便没有时间过问后续结果。",
                "由于忙于其它工作便没有时间过问后续结果",
            ),
            ("我蹲角落修，但时间不够，只能退赛了。", "但时间不够"),
            // The sets of 234–239: pressure, no one to show the way, a quarrel, busy work.
            (
                "到高中因为学业压力不能够保证一天一篇。",
                "到高中因为学业压力不能够保证一天一篇",
            ),
            (
                "这几年因为无人指点，自己摸索，踩过坑。",
                "这几年因为无人指点",
            ),
            (
                "又因为和婆婆有矛盾，所以我心情也不好。",
                "又因为和婆婆有矛盾",
            ),
            ("白天工作太忙，没空看的小说，只能熬夜看完。", "白天工作太忙"),
            (
                "但是当时时间已经不多了，匆忙准备了下去。",
                "但是当时时间已经不多了",
            ),
            (
                "因时间紧张，分身乏术，只好放手让孩子们自己预习。",
                "因时间紧张",
            ),
            ("由于自己还是个新人，经验不足。", "由于自己还是个新人"),
            (
                "个别学校因人员较少等原因，影响了活动质量。",
                "个别学校因人员较少等原因",
            ),
            (
                "可能与刚毕业没有工作经验有关吧。",
                "可能与刚毕业没有工作经验有关吧",
            ),
            (
                "随着年龄的增长，干事创业的劲头不足，有着瞻前顾后的顾虑。",
                "随着年龄的增长",
            ),
            (
                "因为工作性质的原因，工作重心大多放在服务领导上。",
                "因为工作性质的原因",
            ),
            (
                "因为岗位原因，受到特殊照顾比较多，放松了自我要求。",
                "因为岗位原因",
            ),
            (
                "有时忙于事务性工作比较多，没有更多时间精力深入基层。",
                "有时忙于事务性工作比较多",
            ),
            ("历史遗留问题较多，导致整改进度缓慢。", "历史遗留问题较多"),
            (
                "3. 历史遗留问题导致部分房间长期闲置或被占用",
                "3. 历史遗留问题导致部分房间长期闲置或被占用",
            ),
            (
                "2. 某些部门因职能调整或人员增加，未及时调整办公布局",
                "2. 某些部门因职能调整或人员增加",
            ),
            ("由于历史原因，教学楼只设计了一个安全出口。", "由于历史原因"),
            (
                "由于我辖区地处城乡结合部，接种率不高。",
                "由于我辖区地处城乡结合部",
            ),
            (
                "部分党员对自身进入毕业年级而产生的“浮躁”问题进行了剖析。",
                "部分党员对自身进入毕业年级而产生的“浮躁”问题进行了剖析",
            ),
            ("受疫情影响，集中学习开展得少。", "受疫情影响"),
            (
                "受疫情和多方面的影响，换届工作未能如期进行。",
                "受疫情和多方面的影响",
            ),
            (
                "因受新冠肺炎疫情影响，年度会议未能召开。",
                "因受新冠肺炎疫情影响",
            ),
            (
                "新冠肺炎疫情给协会的交流活动造成了较大的影响。",
                "新冠肺炎疫情给协会的交流活动造成了较大的影响",
            ),
            ("项目因缺资金迟迟未开工。", "项目因缺资金迟迟未开工"),
            ("因地方财政困难，配套未到位。", "因地方财政困难"),
            (
                "因为客户比较多比较忙，没有仔细核对。",
                "因为客户比较多比较忙",
            ),
            (
                "再加上银保渠道本身的特殊性，培训不到位。",
                "再加上银保渠道本身的特殊性",
            ),
            (
                "美术因为科目的特别性，多以手工作品的形式呈现。",
                "美术因为科目的特别性",
            ),
            ("主要是由客观因素造成的。", "主要是由客观因素造成的"),
            (
                "兼职的分工会主席因其本身的繁重工作，常常分身乏术。",
                "兼职的分工会主席因其本身的繁重工作",
            ),
            (
                "因为外出务工人员的流动性大，组织活动难。",
                "因为外出务工人员的流动性大",
            ),
            (
                "加之其他中心工作的冲突，进度滞后。",
                "加之其他中心工作的冲突",
            ),
            ("因为资金难到位，项目停工。", "因为资金难到位"),
            ("由于无资金来源，设施无人维护。", "由于无资金来源"),
            ("因工作强度大，学习少。", "因工作强度大"),
            ("因为时间的原因一直没有处理。", "因为时间的原因一直没有处理"),
            ("奈何时间紧，只做了一部分。", "奈何时间紧"),
            (
                "还要管理政府办公室的工作，工作繁忙，难免影响工作的进度。",
                "工作繁忙",
            ),
            ("项目因自有资金不足无法开工。", "项目因自有资金不足无法开工"),
            ("碍于一些特殊情况，没有按时参加。", "碍于一些特殊情况"),
            (
                "由于特殊情况未能参加集中学习。",
                "由于特殊情况未能参加集中学习",
            ),
            (
                "部分学生因天气因素影响了户外观察效果。",
                "部分学生因天气因素影响了户外观察效果",
            ),
            (
                "二是户外活动受天气影响，导致观察不充分。",
                "二是户外活动受天气影响",
            ),
            (
                "唯有第一天下午因为工作的事情没有认真听。",
                "唯有第一天下午因为工作的事情没有认真听",
            ),
            ("曾因病人不配合，我被气哭了。", "曾因病人不配合"),
            (
                "因为运动会前几周都在下雨，训练没有开展。",
                "因为运动会前几周都在下雨",
            ),
            (
                "因为工作关系，从女儿五岁多起，我就把她交给老人。",
                "因为工作关系",
            ),
            ("11日因为有事断更一天。", "11日因为有事断更一天"),
            (
                "由于有事情我没有参加这次的活动，",
                "由于有事情我没有参加这次的活动",
            ),
            ("因突发事件，会员代表大会搁置了半年。", "因突发事件"),
            (
                "因为堵车我比预定时间晚了大约半个小时。",
                "因为堵车我比预定时间晚了大约半个小时",
            ),
            (
                "乘车码又因为网路故障好一会才弄好。",
                "乘车码又因为网路故障好一会才弄好",
            ),
            ("因为工作调动的缘故，我要离开北京了。", "因为工作调动的缘故"),
        ]);
        not_blamed(&[
            "我就会拖到最后，直到最后时间不够了，才加班加点去完成。",
            "他因为有事业心，干劲很足。",
            "因为有事故隐患，没有及时处置。",
            "因为没有事情做，上班时常玩手机。",
            "在活动前对突发事件的预测没有分析透彻，导致措手不及。",
            "这一突发事件不仅对我们的业务连续性造成了严峻挑战。",
            "对毕业年级党员的教育管理不够。",
            "疫情防控工作落实不到位，导致群众不满。",
            "在疫情防控中冲锋在前不够。",
            "对专项资金的监管不到位。",
            "回答很片面（同事真的很忙，所以能理解）。",
            "对其他工作关注不够，导致工作失衡。",
            "问题产生的原因是多方面的，既有客观原因，更有主观原因。",
            "对特殊情况的处置预案不完善。",
            "没有根据天气变化调整户外活动。",
            "老天下雨，就有水；自觉与青年工作关系密切的，就关注多些。",
            "应对能力需加强，随着极端天气频发，险情增多。",
            "对工作的事情考虑不周。",
            "对不配合的群众缺少耐心。",
            "校园周边存在交通拥堵情况，交通安全需加强。",
            "团员们在工作调动时，多数未能及时转接组织关系。",
            "当天停电，结果把喇叭线接错了。",
        ]);
    }

    #[test]
    fn a_poor_outside_condition_given_as_the_cause_is_flagged() {
        blamed_as(&[
            ("我村经济条件较差，集体收入少。", "我村经济条件较差"),
            ("工作人员比较少，经费和车辆也不够用。", "工作人员比较少"),
            ("由于资金不多，选择了加盟创业。", "由于资金不多"),
            (
                "部分人员配置不足影响工作效率。",
                "部分人员配置不足影响工作效率",
            ),
            (
                "警力严重不足，制约着基层公安机关工作的正常开展。",
                "警力严重不足",
            ),
            ("因业务萎缩经费紧缺，活动难以开展。", "因业务萎缩经费紧缺"),
            (
                "由于缺少进修学习的经费，专业技术人员在职教育的机会很少。",
                "由于缺少进修学习的经费",
            ),
        ]);
        // Named as the problem itself, with nothing said to follow from it, the condition is
        // what the report is there to name.
        not_blamed(&[
            "党员年龄结构老化，发展党员难度大。",
            "科室人手少，日常工作繁杂。",
            "乡镇公务员的工作环境相对艰苦，",
            "大量农村青壮年劳动力外出务工经商，",
            "科室成员少，科室工作范围广。",
            "（二）人手不足",
            "一是文物保护经费比较短缺。",
            "每天时间不够用，小区还有那么多问题没有解决。",
            "觉得考试时间不够，字迹潦草。",
            "完全没有我这个年纪该有的成熟度，这就直接导致我颇感难受。",
            "难免会因为性格不同，以及年龄的差异、观念的差异而导致工作中的分歧。",
        ]);
        not_blamed(&[
            "对群众认识落后的问题引导不够，宣传不到位。",
            "没有改善村里经济条件较差的局面。",
            "经济条件好了，思想却松懈了。",
            "对新入职工作人员帮带少。",
            "深入基层与工作人员交流少，争取上级经费支持少。",
            "针对人手紧张的科室没有及时调配人员。",
            "人手少不是理由，关键在自身。",
            "向上争取经费不够主动。",
            "没有改善干部的工作环境，营造良好的工作环境不够。",
            "对外出务工青年联系不够，青年党员外出务工多。",
            "对班子成员提醒少，班子成员的作用发挥不足。",
            "人员配置不合理影响工作效率，是我统筹不够。",
        ]);
    }

    #[test]
    fn circumstances_that_are_the_problem_are_not_flagged() {
        not_blamed(&[
            "出现事故多强调客观原因，不讲自身问题。",
            "对历史遗留问题化解不力，信访积案清零缓慢。",
            "处理历史遗留问题时办法不多。",
            "机构改革后的职能划转还不到位。",
            "对年轻干部压担子不够，年龄结构老化的问题没有破题。",
            "工作任务重的科室没有及时增派人手。",
            "侧重于考虑大家忙于事务性工作，进而削弱了对理论学习的要求。",
            "迁就干部工作任务重，对学习缺勤不批评。",
            "关于规划事务性工作因为有周计划，故能做到项项跟进落实。",
            "将党建工作和日常工作分割开来，使得党建工作难以统筹推进。",
            "年轻干部占比较低，且高层干部年龄偏大。这种结构不均衡导致培养不够。",
            "存在整体年龄结构偏大，文化程度参差不齐等问题。",
            "工作忙了，学习少了，看似客观原因较多，实质上是思想上有自满懈怠意识。",
            "我没有特别重视，觉得延误是有客观原因的。",
            "一直处于高强度的工作压力下，和同事有矛盾也不主动沟通。",
            "遇到事情，由于给自己施加压力太大，脾气变得暴躁。",
        ]);
    }
}
