//! More ways of blaming circumstances than a circumstance word with a word of cause (see
//! `circumstance`), each read from the shape of the clause:
//!
//! - a constraint verb with an outside condition: `受限于经济问题`, `囿于经费不足`;
//! - the work itself as too much: `教学的事情本来就多`, `日常事务本身就繁杂`,
//!   `自己的工作越来越多`;
//! - illness in the family: `特别是父亲患病治疗期间`;
//! - the main effort spent elsewhere, with what it crowded out: `主要精力放在谋事布局上，对党建
//!   思考不深`;
//! - outside people's attitudes named as the problem: `社区群众家族观念较强`;
//! - a heavy load, with what it crowded out: `业务科室事务繁杂，集中学习少`;
//! - society or the times given as the cause: `由于社会开放程度的不断提高`;
//! - a cause after `由于` in which the writer has no part: `由于有些企业规模小`;
//! - the times, and listed outside factors, read in `trend`: `随着新型城镇化的推进`,
//!   `受原材料价格上涨等外部因素影响`.

use super::super::{Location, ReviewItem, ReviewKind};
use super::fortune::{luck_at, sake_at};
use super::own_cause::own_part;
use super::trend::{
    CHANCED, HARDSHIPS, OTHER_BODIES, OUTSIDE_WORLD, RISING, TESTS, bad_timing_at, hard_test_at,
    made_work_hard_at, others_at_fault_at, outside_factors_at, outside_pressure_at,
    rising_demands_at, trend_at,
};
use super::weather::{WEATHER, weather_at};
use super::youth::{BACK_THEN, youth_at};
use super::{ACTING_ON, CONFESSING, clauses, earliest};

/// Verbs that name a constraint, which [`Shape::Constrained`] starts from (`受限于经济问题`).
/// Not `限于` alone: `学习局限于事务性工作` confesses a narrow habit.
const CONSTRAINED: &[&str] = &["受限于", "受制于", "受限", "囿于", "碍于", "迫于"];
/// Nouns of limiting or lack that `受` or `因` takes with the condition between, which
/// [`Shape::Constrained`] starts from too (`受环境和条件限制`, `因条件所限`, `因经济欠缺`).
const LIMITING: &[&str] = &["限制", "制约", "所限", "欠缺", "影响"];
/// Between `受` and `影响`, an influence that is a fault confessed (`受社会不良风气影响`).
const BAD_INFLUENCES: &[&str] = &["不良", "风气", "歪风", "错误", "思潮", "诱惑"];
/// Between `受` and a limit, one's own means named beside the outside word: a fault confessed
/// (`受当时技术能力限制`, `受时间和精力所限` is not one).
const OWN_MEANS: &[&str] = &["能力", "水平", "素质", "本领", "认识", "经验", "知识"];

/// Words that may stand between a constraint verb and its condition (`囿于现有条件`).
const CONDITION_MODIFIERS: &[&str] = &["现有", "目前", "当前", "当地", "本地", "种种", "各种"];

/// Where a constraint by an outside condition begins in `clause`: `受限于经济问题`,
/// `囿于现有条件`, `受环境和条件限制`.
fn constrained_at(clause: &str) -> Option<usize> {
    let after_verb = CONSTRAINED.iter().find_map(|v| {
        let at = clause.find(v)?;
        let mut rest = &clause[at + v.len()..];
        if let Some(modifier) = CONDITION_MODIFIERS.iter().find(|m| rest.starts_with(*m)) {
            rest = &rest[modifier.len()..];
        }
        OUTSIDE.iter().any(|o| rest.starts_with(o)).then_some(at)
    });
    after_verb
        .or_else(|| {
            // `受环境和条件限制`, `因条件限制`, `加之经费所限`.
            let by = clause
                .char_indices()
                .find(|&(_, c)| matches!(c, '受' | '因'))
                .map(|(at, c)| (at, c.len_utf8()));
            let added = ["加之", "加上"]
                .iter()
                .filter_map(|w| clause.find(w).map(|at| (at, w.len())))
                .min();
            let (at, len) = by.into_iter().chain(added).min()?;
            // `不受时间限制`: a limit said not to be there.
            if clause[..at].ends_with('不') {
                return None;
            }
            let rest = &clause[at + len..];
            let end = earliest(rest, LIMITING)?;
            let between = &rest[..end];
            let limit = LIMITING.iter().find(|l| rest[end..].starts_with(*l))?;
            (between.chars().count() <= 12
                && !describes_a_thing(&rest[end + limit.len()..])
                && OUTSIDE.iter().any(|o| between.contains(o))
                && !BAD_INFLUENCES.iter().any(|b| between.contains(b))
                && !OWN_MEANS.iter().any(|m| between.contains(m)))
            .then_some(at)
        })
        .or_else(|| condition_alone_limits_at(clause))
        .or_else(|| outside_limit_at(clause))
}

/// Whether what follows a limit makes it describe a thing (`在那样受时间所限的紧急任务面前`):
/// the limit is then the task's, not the cause of the fault; `所限的原因` and `经费欠缺的限制`
/// still give one.
fn describes_a_thing(after_limit: &str) -> bool {
    after_limit.starts_with('的')
        && !["的原因", "的缘故", "的关系", "的影响", "的限制", "的制约"]
            .iter()
            .any(|w| after_limit.starts_with(w))
}

/// Words before a limit that lift it or say it is not there (`不受时间限制`, `突破场地限制`).
const NO_LIMIT: &[&str] = &[
    "不受", "没有", "无", "突破", "打破", "克服", "摆脱", "超出", "超过", "不限",
];

/// Where an outside condition's limit, named anywhere in `clause`, begins (`另一方面是时间的
/// 限制而导致的困难`, `由于预算和人手的限制`, `村级资金限制`): every such limit the sets hold
/// was marked as an excuse. Not a limit lifted (`不受时间限制`) nor the verb that confines
/// (`把时间限制在半小时内`).
fn outside_limit_at(clause: &str) -> Option<usize> {
    ["限制", "所限"].iter().find_map(|limit| {
        clause.match_indices(limit).find_map(|(at, _)| {
            let before = &clause[..at];
            let before = before.strip_suffix('的').unwrap_or(before);
            let outside = OUTSIDE.iter().find(|o| before.ends_with(*o))?;
            let start = before.len() - outside.len();
            let lifted = NO_LIMIT.iter().any(|w| clause[..start].contains(w));
            let after = &clause[at + limit.len()..];
            let confines = after.starts_with('在');
            (!lifted && !confines && !describes_a_thing(after)).then_some(start)
        })
    })
}

/// Where a clause that is nothing but an outside condition and its limit begins
/// (`1、工作条件限制，不方便进驻`, `工作性质限制，无法进驻`): the condition is the clause's
/// subject, given as the reason for what follows. An item's number before it is passed over.
fn condition_alone_limits_at(clause: &str) -> Option<usize> {
    let body = clause.trim_start_matches(|c: char| c.is_ascii_digit() || "、.．".contains(c));
    let limit = ["限制", "所限", "制约"]
        .into_iter()
        .find(|l| body.ends_with(l))?;
    let condition = &body[..body.len() - limit.len()];
    let condition = condition.strip_suffix('的').unwrap_or(condition);
    let count = condition.chars().count();
    ((2..=6).contains(&count)
        && condition.chars().all(crate::clean::is_han)
        && OUTSIDE.iter().any(|o| condition.ends_with(o)))
    .then_some(clause.len() - body.len())
}

/// Outside conditions after a constraint verb. Own failings (`囿于思维定势`, `受制于自身能力`)
/// are not here: they are a fault confessed.
const OUTSIDE: &[&str] = &[
    "经济",
    "资金",
    "投资",
    "经费",
    "财力",
    "条件",
    "客观",
    "人手",
    "人力",
    "人员",
    "编制",
    "场地",
    "时间",
    "精力",
    "工作量",
    "事务",
    "任务",
    "历史",
    "年龄",
    "身体",
    "家庭",
    "政策",
    "环境",
    "基础",
    "地理",
    "预算",
    "技术",
    "工作性质",
];

/// What the work is called when it is said to be too much.
const WORK: &[&str] = &[
    "事情", "事务", "工作", "任务", "业务", "杂事", "事", "活", "会议", "材料",
];

/// `本来就多`, `越来越多`: words that say the thing was so from the start, or grew so.
const ALREADY: &[&str] = &["本来就", "本身就", "本就", "原本就", "向来", "越来越"];

/// `事情多了`, `事情一多`: the work said to have grown, the clause's cause.
const GREW: &[&str] = &["多了", "一多"];

/// Whether `clause` says its work grew (`学习承担的事情多了`, `这样那样工作多了`, `事情一多`):
/// a word of [`WORK`] right before one of [`GREW`], `也`/`都`/`又` between at most.
fn work_grew_at(clause: &str) -> Option<usize> {
    GREW.iter()
        .find_map(|grew| {
            let at = clause.find(grew)?;
            let before = &clause[..at];
            let before = before.strip_suffix(['也', '都', '又']).unwrap_or(before);
            WORK.iter().any(|w| before.ends_with(w)).then_some(at)
        })
        .or_else(|| load_grew_at(clause))
}

/// Loads that `随着` says grew (`随着企业生产经营任务的加重`, `随着矛盾纠纷的日趋增多`,
/// `随着日常事务的增多`). Not `工作` alone: `随着工作的深入` is the writer's own course.
const LOADS: &[&str] = &[
    "任务",
    "事务",
    "工作量",
    "业务量",
    "案件",
    "矛盾纠纷",
    "职能",
];
/// How a load grows.
const GROWING: &[&str] = &["增多", "增加", "加重", "增长", "加大"];
/// How many characters a load that grew may take between `随着` and its growth.
const LOAD_BEFORE_GROWING: usize = 14;

/// Where `clause` gives the growth of its load as the background (`随着…任务的加重`).
fn load_grew_at(clause: &str) -> Option<usize> {
    let at = clause.find("随着")?;
    let rest = &clause[at + "随着".len()..];
    let load = &rest[..earliest(rest, GROWING)?];
    (load.chars().count() <= LOAD_BEFORE_GROWING && LOADS.iter().any(|l| load.contains(l)))
        .then_some(at)
}

/// Too much, or too scattered.
const TOO_MUCH: &[&str] = &[
    "很多", "较多", "太多", "多", "繁杂", "繁重", "繁琐", "繁多", "琐碎", "杂", "忙", "重",
];

/// Members of one's family.
const FAMILY: &[&str] = &[
    "家人", "家属", "父母", "父亲", "母亲", "孩子", "子女", "爱人", "妻子", "丈夫", "老人", "岳父",
    "岳母", "公公", "婆婆", "老伴",
];

/// Illness.
const ILL: &[&str] = &[
    "患病",
    "生病",
    "住院",
    "病重",
    "病危",
    "患了",
    "身体不好",
    "治疗",
];

/// Words of a clause about others' families, which is the writer's own care or its lack
/// (`对困难党员家属患病情况关心不够`).
const OTHERS: &[&str] = &[
    "关心", "看望", "慰问", "帮扶", "走访", "困难", "群众", "党员", "职工", "同事", "员工", "村民",
    "学生", "干部", "家长",
];

/// `主要精力放在…上`.
const EFFORT: &[&str] = &[
    "主要精力",
    "大部分精力",
    "大量精力",
    "更多精力",
    "精力主要",
    "精力更多",
];
const SPENT: &[&str] = &["放在", "用在", "集中在", "投入到", "投入在", "倾注在"];

/// In the next clause: what the effort elsewhere crowded out.
pub(super) const NEGLECT: &[&str] = &[
    "不够",
    "不深",
    "不足",
    "不多",
    "较少",
    "很少",
    "忽视",
    "忽略",
    "放松",
    "弱化",
    "淡化",
    "无暇",
    "顾不上",
    "没有时间",
    "不透",
    "不实",
    "的不",
    "得不",
];

/// Before `主要精力放在…`: a resolution or a confession (`要把主要精力放在`, `没有把…`).
const RESOLVED: &[&str] = &["要", "将", "今后", "必须", "应", "没有", "未", "不能"];

/// What a load is called when a clause ends on it being heavy (`工作任务较重`).
/// Not `压力` alone: `富余干部安置压力较大` names a problem to solve, not one's own load.
const LOAD: &[&str] = &["任务", "工作量", "事务", "业务量", "工作压力"];
/// How much, between the load and how heavy it is.
const DEGREE: &[&str] = &[
    "", "较", "比较", "很", "十分", "特别", "过于", "太", "相对", "普遍", "都",
];
const HEAVY: &[&str] = &["繁重", "繁杂", "繁忙", "繁多", "重", "大", "多"];
/// Before the load: the writer's own attitude to it, which is the fault confessed or not a
/// fault at all (`不怕任务重`, `主动承担的任务多`).
const FACING: &[&str] = &["不怕", "不顾", "承担", "担当", "完成", "面对", "面临"];

/// Whether `clause` ends on a heavy load (`基层工作任务较重`), and where the load starts.
fn heavy_load_at(clause: &str) -> Option<usize> {
    load_of_at(clause, LOAD)
}

/// Whether `clause` ends on one of `loads` said to be heavy, and where it starts.
fn load_of_at(clause: &str, loads: &[&str]) -> Option<usize> {
    let clause = clause.trim_end();
    HEAVY.iter().find_map(|heavy| {
        let rest = clause.strip_suffix(heavy)?;
        DEGREE.iter().find_map(|degree| {
            let rest = rest.strip_suffix(degree)?;
            loads
                .iter()
                .find_map(|load| rest.strip_suffix(load).map(str::len))
        })
    })
}

/// Loads that are one only when given as the cause (`因为学校事情很多`): `想个人的事情多`
/// confesses, `那个时候事情很多` tells.
const LOAD_AS_CAUSE: &[&str] = &["事情"];

/// Cause words that, right before society or the times, make them the cause of the fault.
/// Not `随着`: `随着形势发展，自己的知识跟不上` confesses a lag; nor `受`:
/// `受社会上的歪风邪气影响较大` confesses being swayed.
const BECAUSE: &[&str] = &["由于", "因为"];
/// Society and the times, as a cause (`由于社会开放程度的不断提高`). Not what is one's own
/// (`社会阅历`, `社会经验`).
const WORLD: &[&str] = &["社会", "时代", "外部环境", "大环境", "市场经济", "网络"];
const OWN_OF_WORLD: &[&str] = &[
    "阅历", "经验", "实践", "责任", "工作", "调查", "保障", "治理", "管理", "救助", "事业",
];

/// Where the cause after `由于` ends and its consequence begins, within a clause
/// (`由于相对稳定和谐的生活导致了社区党员的大局意识淡薄`).
const CONSEQUENCE: &[&str] = &[
    "导致", "致使", "使得", "造成", "以致", "从而", "所以", "因此",
];

/// What others gave, after `由于`: help the writer had, a cause of what went well
/// (`近年来由于团支部的热情帮助`), never an excuse.
const HELP: &[&str] = &["帮助", "支持", "关心", "关怀", "指导", "培养", "帮扶"];

/// Causes that name nothing (`由于各种原因`, `由于多方面的原因`): no circumstance is blamed.
const NO_CAUSE_NAMED: &[&str] = &[
    "各种原因",
    "多种原因",
    "多方面的原因",
    "多方面原因",
    "种种原因",
    "诸多原因",
    "一些原因",
    "某些原因",
    "其他原因",
    "其它原因",
    "这样那样的原因",
];

/// Whether the cause after `由于` only sets the scene (`由于在平时工作中`, `由于考试前`): a
/// place or a time, `在…中` or a time before or after something, names no circumstance; the
/// cause follows in the next clause.
fn only_a_setting(cause: &str) -> bool {
    let cause = cause.trim();
    (cause.starts_with('在') && cause.ends_with(['中', '上', '里', '时']))
        || (cause.chars().count() <= 6 && cause.ends_with(['前', '后']))
        || says_what_it_is(cause)
}

/// Whether the cause after `由于` says only what the thing in hand is (`由于是首次举办`,
/// `由于大多是服务设备`, `由于是自助火锅`): its nature, with no subject before `是`, names
/// no circumstance pressing on the writer (`由于我们是支教老师的身份` names the writers).
fn says_what_it_is(cause: &str) -> bool {
    ["是", "大多是", "都是", "一直是", "主要是", "这是"]
        .iter()
        .any(|w| cause.starts_with(w))
}

/// The first item of a list joined by `、` (the whole of `text` when it is no list).
fn first_listed(text: &str) -> &str {
    text.split('、').next().unwrap_or(text)
}

/// The cause of a list of causes that is read: the first (`由于参保人员的大幅增加、居住分散`);
/// but after `对`, or before `等方面`, the list is what the cause is about, and the cause is
/// all of it (`由于对国家政策、法律法规等相关知识了解不够`, `由于人员职责、盈利模式等方面
/// 思考不足`).
fn listed_cause(cause: &str) -> &str {
    if cause.trim_start().starts_with('对') || cause.contains("等方面") {
        cause
    } else {
        first_listed(cause)
    }
}

/// The cause after `由于` in `clause`, up to its consequence.
fn cause_after_because(clause: &str) -> Option<(usize, &str)> {
    let at = clause.find("由于")?;
    let cause = &clause[at + "由于".len()..];
    // A cause named as a reason ends with that word, though no comma follows
    // (`由于天气原因我们临时更换了活动的内容`: the `我` after it is not the cause's).
    let reason_end = cause.find("原因").map(|i| i + "原因".len());
    let end = earliest(cause, CONSEQUENCE)
        .into_iter()
        .chain(reason_end)
        .min()
        .unwrap_or(cause.len());
    Some((at, &cause[..end]))
}

/// People outside the writer's own side.
pub(super) const PEOPLE: &[&str] = &[
    "群众",
    "村民",
    "居民",
    "老百姓",
    "家长",
    "农户",
    "业户",
    "商户",
    "经营户",
];

/// Attitudes that are poor when strong.
const BAD_ATTITUDES: &[&str] = &[
    "家族观念",
    "宗族观念",
    "小农意识",
    "等靠要",
    "依赖思想",
    "封建思想",
    "守旧思想",
];
const STRONG: &[&str] = &["较强", "很强", "强", "浓厚", "较重", "严重", "突出"];

/// Attitudes that are poor when weak.
const ATTITUDES: &[&str] = &["观念", "意识", "思想", "素质", "认识", "觉悟"];
const WEAK: &[&str] = &[
    "淡薄", "落后", "不高", "较差", "偏低", "保守", "陈旧", "薄弱", "不强", "差",
];

/// What the people are said to lack towards the work (`部分家长对环保主题不够重视`,
/// `家长对某些教学活动的理解可能存在偏差`): their support, given as the problem. Not after a
/// consequence word: `导致居民参与度不高` names what the writer's own failing led to.
const LACKING: &[&str] = &[
    "不够重视",
    "不重视",
    "重视不够",
    "不理解",
    "不配合",
    "不支持",
    "存在偏差",
    "有偏差",
    "积极性不高",
    "参与度不高",
];

/// Ways that are poor when hard to change (`一些村民的习惯难以改变`).
const HABITS: &[&str] = &["习惯", "陋习", "旧习", "观念", "思想"];
const HARD_TO_CHANGE: &[&str] = &["难以改变", "难以转变", "难以扭转", "难改", "根深蒂固"];

/// What the writer's own attitude to the people is called (`群众观念淡薄` is a cadre's fault).
const OWN_ATTITUDES: &[&str] = &["观念", "意识", "路线", "感情", "立场", "观点"];

/// What the writer may say before the people they saw at fault (`我发现部分家长…`).
const SEEING: &[&str] = &["我们发现", "我发现", "发现", "看到"];

/// Whether what stands before the people in the clause leaves them its subject: a place or a
/// share at most (`社区群众`, `部分村民`), after the writer's seeing it, nothing they are the
/// object of (`为群众服务的意识`).
pub(super) fn subject(before: &str) -> bool {
    let before = SEEING
        .iter()
        .find_map(|w| before.strip_prefix(w))
        .unwrap_or(before);
    before.chars().count() <= 4
        && !before.contains(['为', '对', '与', '和', '同', '向', '给', '让', '使'])
        && !CONSEQUENCE.iter().any(|w| before.contains(w))
        && !CONFESSING
            .iter()
            .chain(ACTING_ON)
            .any(|w| before.contains(w))
}

/// The shapes of blame this module reads, each found from its starting words.
#[derive(Clone, Copy)]
enum Shape {
    Constrained,
    Already,
    Family,
    Effort,
    People,
    Load,
    World,
    Because,
    Trend,
    Factor,
    HardTest,
    Grew,
    OtherBodies,
    Timing,
    Demands,
    MadeHard,
    Pressure,
    Weather,
    Youth,
    Sake,
    Luck,
}

/// How many shapes there are.
const SHAPES: usize = Shape::Luck as usize + 1;

/// The words each shape starts from; a shape may have more than one list.
const TRIGGERS: &[(Shape, &[&str])] = &[
    (Shape::Constrained, CONSTRAINED),
    (Shape::Constrained, LIMITING),
    (Shape::Already, ALREADY),
    (Shape::Family, FAMILY),
    (Shape::Effort, EFFORT),
    (Shape::People, PEOPLE),
    (Shape::Load, LOAD),
    (Shape::Load, LOAD_AS_CAUSE),
    (Shape::World, WORLD),
    (Shape::Because, &["由于"]),
    (Shape::Trend, &["随着"]),
    (Shape::Factor, &["因素", "方面的影响", "方面影响"]),
    (Shape::HardTest, TESTS),
    (Shape::Grew, GREW),
    (Shape::Grew, GROWING),
    (Shape::OtherBodies, OTHER_BODIES),
    (Shape::Timing, CHANCED),
    (Shape::Demands, RISING),
    (Shape::MadeHard, HARDSHIPS),
    (Shape::Pressure, OUTSIDE_WORLD),
    (Shape::Weather, WEATHER),
    (Shape::Youth, BACK_THEN),
    (Shape::Sake, &["缘故"]),
    (Shape::Luck, &["运气"]),
];

/// Which shapes `text` holds the starting words of: found in one pass, because most texts hold
/// none of them, and a draft of thousands of findings then skips the shapes' dozens of searches
/// per clause.
struct Shapes([bool; SHAPES]);

static ANY_TRIGGER: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| {
        let words: Vec<&str> = TRIGGERS
            .iter()
            .flat_map(|(_, words)| words.iter().copied())
            .collect();
        super::super::needles::quick_to_build(&words)
    });

impl Shapes {
    fn of(text: &str) -> Shapes {
        let mut held = [ANY_TRIGGER.is_none(); SHAPES];
        if let Some(any) = ANY_TRIGGER.as_ref() {
            for found in any.find_overlapping_iter(text) {
                let mut index = found.pattern().as_usize();
                for (shape, words) in TRIGGERS {
                    if index < words.len() {
                        held[*shape as usize] = true;
                        break;
                    }
                    index -= words.len();
                }
            }
        }
        Shapes(held)
    }

    fn has(&self, shape: Shape) -> bool {
        self.0[shape as usize]
    }

    fn any(&self) -> bool {
        self.0.contains(&true)
    }
}

/// Finds where a clause blames a circumstance, given the clause and the rest of its sentence.
type Finder = fn(&str, &str) -> Option<usize>;

/// The shapes read from a clause alone (and the rest of its sentence), in the order they are
/// tried, each with the circumstance it blames.
const FOUND_IN_CLAUSE: &[(Shape, Finder, &str)] = &[
    // 受限于经济问题
    (Shape::Constrained, |c, _| constrained_at(c), "客观条件"),
    // 事情本来就多
    (Shape::Already, |c, _| already_at(c), "工作忙"),
    // 三是建设单位拖欠工程款
    (Shape::OtherBodies, |c, _| others_at_fault_at(c), "其他单位"),
    // 恰逢今年机构改革
    (Shape::Timing, |c, _| bad_timing_at(c), "客观原因"),
    // 加之公众对食品安全要求越来越高
    (Shape::Demands, rising_demands_at, "外部因素"),
    // 外部环境压力很大
    (Shape::Pressure, |c, _| outside_pressure_at(c), "外部因素"),
    // 学生流动和校外兼职等都给查寝工作造成一定困难
    (Shape::MadeHard, |c, _| made_work_hard_at(c), "外部因素"),
    // 学习承担的事情多了
    (Shape::Grew, |c, _| work_grew_at(c), "工作忙"),
    // 由于社会开放程度的不断提高
    (Shape::World, |c, _| world_at(c), "社会环境"),
    // 随着改革开放的深入和经济的飞速发展
    (Shape::Trend, trend_at, "社会环境"),
    // 主要受原材料价格上涨等外部因素影响
    (Shape::Factor, |c, _| outside_factors_at(c), "外部因素"),
    // 整个试卷偏难
    (Shape::HardTest, |c, _| hard_test_at(c), "试题难度"),
    // 天气太热，菜园里杂草丛生
    (Shape::Weather, weather_at, "天气"),
    // 当时年轻嘛，花钱大手大脚
    (Shape::Youth, |c, _| youth_at(c), "年龄"),
    // 因为父亲的缘故
    (Shape::Sake, |c, _| sake_at(c), "客观原因"),
    // 或许是运气不好
    (Shape::Luck, |c, _| luck_at(c), "运气"),
];

/// Where `clause` says the work was too much from the start, or grew so (`事情本来就多`,
/// `任务越来越重`): a word of [`WORK`] before one of [`ALREADY`] and a quality of too much.
fn already_at(clause: &str) -> Option<usize> {
    let at = ALREADY.iter().find_map(|a| {
        let at = clause.find(a)?;
        // `本就琐碎、单调`: the first of a list of qualities.
        let rest = clause[at + a.len()..].trim_end();
        TOO_MUCH.contains(&first_listed(rest)).then_some(at)
    })?;
    WORK.iter().any(|w| clause[..at].contains(w)).then_some(at)
}

/// Where `clause` gives society or the times as the cause (`由于社会开放程度的不断提高`).
fn world_at(clause: &str) -> Option<usize> {
    BECAUSE.iter().find_map(|because| {
        let at = clause.find(because)?;
        let rest = &clause[at + because.len()..];
        let world = WORLD.iter().find(|w| rest.starts_with(**w))?;
        (!OWN_OF_WORLD
            .iter()
            .any(|own| rest[world.len()..].starts_with(own)))
        .then_some(at)
    })
}

/// The first clause of `text` that blames a circumstance in one of these ways, as an item.
pub(super) fn blame(location: Location, text: &str) -> Option<ReviewItem> {
    let shapes = Shapes::of(text);
    if !shapes.any() {
        return None;
    }
    let parts = clauses(text);
    for (i, range) in parts.iter().enumerate() {
        let clause = &text[range.clone()];
        let has = |words: &[&str]| words.iter().any(|w| clause.contains(w));
        let confessed = |at: usize| {
            CONFESSING
                .iter()
                .chain(ACTING_ON)
                .any(|w| clause[..at].contains(w))
        };
        // The clause and the rest of its sentence.
        let sentence = &text[range.start..super::super::sentence_around(text, range.start).end];
        for (shape, found_at, what) in FOUND_IN_CLAUSE {
            if shapes.has(*shape)
                && let Some(at) = found_at(clause, sentence)
                && !confessed(at)
            {
                return Some(super::blamed(location, text, range.clone(), what));
            }
        }
        // 父亲患病治疗期间
        if shapes.has(Shape::Family)
            && let Some(at) = FAMILY.iter().find_map(|f| clause.find(f))
            && ILL.iter().any(|w| clause[at..].contains(w))
            && !has(OTHERS)
            && !confessed(at)
        {
            return Some(super::blamed(location, text, range.clone(), "家庭原因"));
        }
        // 主要精力放在谋事布局上，对党建思考不深
        if shapes.has(Shape::Effort)
            && let Some(at) = EFFORT.iter().find_map(|e| clause.find(e))
            && has(SPENT)
            && !RESOLVED.iter().any(|w| clause[..at].contains(w))
            && parts
                .get(i + 1)
                .is_some_and(|next| NEGLECT.iter().any(|w| text[next.clone()].contains(w)))
        {
            return Some(super::blamed(location, text, range.clone(), "工作忙"));
        }
        // 有的社区基层工作任务较重
        if shapes.has(Shape::Load)
            && let Some(at) = heavy_load_at(clause)
            && super::followed_by_a_lack(text, &parts, i)
            && !confessed(at)
            && !FACING.iter().any(|w| clause[..at].contains(w))
        {
            return Some(super::blamed(location, text, range.clone(), "工作忙"));
        }
        // 因为学校事情很多
        if shapes.has(Shape::Load)
            && let Some(at) = load_of_at(clause, LOAD_AS_CAUSE)
            && BECAUSE.iter().any(|b| clause[..at].contains(b))
            && !confessed(at)
        {
            return Some(super::blamed(location, text, range.clone(), "工作忙"));
        }
        // 由于有些企业规模小
        if shapes.has(Shape::Because)
            && let Some((at, cause)) = cause_after_because(clause)
            && !cause.trim().is_empty()
            && !NO_CAUSE_NAMED.contains(&cause.trim())
            && !only_a_setting(cause)
            && !own_part(listed_cause(cause))
            && !HELP.iter().any(|h| cause.contains(h))
            && !confessed(at)
        {
            return Some(super::blamed(location, text, range.clone(), "外部条件"));
        }
        // 群众家族观念较强
        if shapes.has(Shape::People)
            && let Some((at, people)) = PEOPLE
                .iter()
                .find_map(|p| clause.find(p).map(|at| (at, *p)))
            && subject(&clause[..at])
            && !OWN_ATTITUDES
                .iter()
                .any(|a| clause[at + people.len()..].starts_with(a))
        {
            let rest = clause[at..].trim_end();
            let strong = BAD_ATTITUDES.iter().any(|a| rest.contains(a))
                && STRONG.iter().any(|s| rest.ends_with(s));
            let weak = ATTITUDES.iter().any(|a| rest.contains(a))
                && WEAK.iter().any(|s| rest.ends_with(s));
            // `习惯难以改变、清洁卫生意识有待提高`: the first of a list of what is poor.
            let first = first_listed(rest);
            let set_in_their_ways = HABITS.iter().any(|a| first.contains(a))
                && HARD_TO_CHANGE.iter().any(|s| first.ends_with(s));
            let lacking = LACKING
                .iter()
                .any(|s| rest.ends_with(s) || first.ends_with(s));
            if strong || weak || set_in_their_ways || lacking {
                return Some(
                    ReviewItem::new(
                        ReviewKind::BlamingCircumstances,
                        location,
                        "把群众的观念当作问题，是在找客观原因：检视问题要从主观上找差距，写自己在其中哪里做得不够",
                    )
                    .with_rule("群众")
                    .with_range(text, range.clone()),
                );
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blamed_as(cases: &[(&str, &str)]) {
        super::super::tests::blamed_as_by(blame, cases);
    }

    fn not_blamed(texts: &[&str]) {
        super::super::tests::not_blamed_by(blame, texts);
    }

    #[test]
    fn a_constraint_of_outside_conditions_is_blame() {
        blamed_as(&[
            (
                "办公环境简陋，受限于经济问题，办公设备不完善。",
                "受限于经济问题",
            ),
            ("囿于经费不足，项目推进缓慢。", "囿于经费不足"),
            ("囿于现有条件，监管不到位。", "囿于现有条件"),
            ("但受环境和条件限制，活动开展少。", "但受环境和条件限制"),
            ("资料更新受人力限制无法保证。", "资料更新受人力限制无法保证"),
            (
                "招录工作受上级政策和人员编制的限制。",
                "招录工作受上级政策和人员编制的限制",
            ),
            ("部分网页受技术限制。", "部分网页受技术限制"),
            ("受地理环境影响，覆盖面不广。", "受地理环境影响"),
            ("主要受限于预算审批周期长。", "主要受限于预算审批周期长"),
            ("因条件限制，活动开展少。", "因条件限制"),
            (
                "近几年因受国家投资限制，只改善了少数站点。",
                "近几年因受国家投资限制",
            ),
            (
                "因条件所限临时租用私人用房办公。",
                "因条件所限临时租用私人用房办公",
            ),
            (
                "服务对象多是老人，加之经费所限，书屋较少开展活动。",
                "加之经费所限",
            ),
            ("主要原因：因经济欠缺无能更新。", "因经济欠缺无能更新"),
            ("1、工作条件限制，不方便进驻。", "1、工作条件限制"),
            ("2、工作性质限制，无法进驻。", "2、工作性质限制"),
            (
                "另一方面是时间的限制而导致的困难，以致想过放弃。",
                "另一方面是时间的限制而导致的困难",
            ),
            (
                "由于预算和人手的限制，部分功能未能实现。",
                "由于预算和人手的限制",
            ),
            ("因受经费欠缺的限制，活动没有开展。", "因受经费欠缺的限制"),
            (
                "由于网络运营商误封了域名，网站一度无法访问。",
                "由于网络运营商误封了域名",
            ),
        ]);
        not_blamed(&[
            "活动本不受时间限制，效果却不好。",
            "把发言时间限制在三分钟，讲得不透。",
            "在那样受时间所限的紧急任务面前，缺少一种硬功夫。",
        ]);
        not_blamed(&[
            "囿于思维定势，创新不够。",
            "受自身能力限制，工作打不开局面。",
            "受当时技术能力限制（不懂得模拟发送），全部使用模拟发送。",
            "思维定势限制，创新不够；自身能力所限，工作打不开局面。",
            "受到上级表扬后，放松了对自己的要求和限制。",
            "受制于自身能力不足，工作打不开局面。",
            "总是强调受限于客观条件。",
            "学习局限于事务性工作，碍于情面不敢批评。",
            "受社会不良环境影响，放松了要求。",
        ]);
    }

    #[test]
    fn work_that_was_always_too_much_is_blame() {
        blamed_as(&[
            (
                "家访又难得走，教学的事情本来就多，忙不过来。",
                "教学的事情本来就多",
            ),
            ("日常事务本身就繁杂，学习时间少。", "日常事务本身就繁杂"),
            ("机关工作本就琐碎、单调，", "机关工作本就琐碎、单调"),
            (
                "自己的工作越来越多，多到无法用心干好一件事。",
                "自己的工作越来越多",
            ),
            (
                "学习承担的事情多了，学习的时间反而少了。",
                "学习承担的事情多了",
            ),
            ("可是我发现，事情一多，哪有什么节奏。", "事情一多"),
            (
                "一段时间以来,随着企业生产经营任务的加重,一些同志的思想天平出现了倾斜。",
                "随着企业生产经营任务的加重",
            ),
            (
                "随着当前矛盾纠纷的日趋增多，调处工作跟不上。",
                "随着当前矛盾纠纷的日趋增多",
            ),
        ]);
        not_blamed(&[
            "随着工作的深入，问题逐步增多。",
            "随着学习的深入，收获不断增加。",
            "工作本来就多的是，要分清主次。",
            "本来就多的是问题。",
            "基层群众本来就多，服务要跟上。",
            "群众的诉求越来越多，我回应不够及时。",
            "问题多了，要分清主次。",
        ]);
    }

    #[test]
    fn illness_in_the_family_is_blame() {
        blamed_as(&[(
            "有时在工作时间处理私人事务，特别是父亲患病治疗 期间，因为照顾老人请假较多。",
            "特别是父亲患病治疗 期间",
        )]);
        not_blamed(&[
            "对困难党员家属患病住院情况关心不够。",
            "孩子的教育问题处理不当。",
        ]);
    }

    #[test]
    fn main_effort_spent_elsewhere_is_blame_when_something_was_neglected() {
        blamed_as(&[(
            "党建与业务处理不平衡，主要精力放在谋事布局统筹发展上，对党建思考谋划得不深。",
            "主要精力放在谋事布局统筹发展上",
        )]);
        not_blamed(&[
            "今后要把主要精力放在抓落实上，对党建工作做到心中有数。",
            "没有把主要精力放在主责主业上，对党建重视不够。",
            "主要精力放在抓发展上，经济指标稳步增长。",
        ]);
    }

    #[test]
    fn a_heavy_load_with_what_it_crowded_out_is_blame() {
        blamed_as(&[
            ("平时工作压力大，学习坚持得不好。", "平时工作压力大"),
            ("业务科室事务繁杂，集中学习少。", "业务科室事务繁杂"),
            (
                "这几天，因为学校事情很多，我忙得不可开交。",
                "因为学校事情很多",
            ),
            (
                "因为兼职管理员事情多，没有工作工资。",
                "因为兼职管理员事情多",
            ),
        ]);
        not_blamed(&[
            "有的社区基层工作任务较重,党建工作与行政工作交织。",
            "一是警务任务繁重，工作压力大。",
            "不怕任务重，敢于担当。",
            "主动承担的任务多。",
            "对基层工作任务较重的问题解决不力。",
            "工作任务重的科室没有及时增派人手。",
            "调研次数多，解决问题少。",
            "机构改革后富余干部安置压力较大。",
            "想组织的要求少，想个人的事情多。",
            "那个时候事情很多。",
        ]);
    }

    #[test]
    fn society_given_as_the_cause_is_blame() {
        blamed_as(&[
            (
                "客观说,由于社会开放程度的不断提高,一些领导干部为政不廉。",
                "由于社会开放程度的不断提高",
            ),
            ("因为时代变了，老办法不管用了。", "因为时代变了"),
        ]);
        not_blamed(&[
            "由于社会阅历不足，处理问题不够成熟。",
            "随着时代发展，自己的知识储备跟不上。",
            "对社会上的不良风气抵制不力。",
            "受社会上的歪风邪气影响较大，工作不讲奉献。",
        ]);
    }

    #[test]
    fn a_cause_after_youyu_with_no_part_of_ones_own_is_blame() {
        blamed_as(&[
            (
                "党务工作水平偏低,由于有些企业规模小,不具备单独聘任党务工作者的能力。",
                "由于有些企业规模小",
            ),
            (
                "由于相对稳定和谐的生活导致了社区党员的大局意识淡薄。",
                "由于相对稳定和谐的生活导致了社区党员的大局意识淡薄",
            ),
            (
                "但由于企业在运作过程中求生存、求发展，党建工作难以兼顾。",
                "但由于企业在运作过程中求生存、求发展",
            ),
            (
                "由于这群年轻人大多生活在物质丰厚的年代，",
                "由于这群年轻人大多生活在物质丰厚的年代",
            ),
            (
                "由于参保人员的大幅增加、居住分散、经办人员少，服务跟不上。",
                "由于参保人员的大幅增加、居住分散、经办人员少",
            ),
            (
                "目前来看，由于传统观念的原因，群众普遍存在防范心理。",
                "由于传统观念的原因",
            ),
            (
                "由于他们本人不在企业决策核心层之内，作用发挥有限。",
                "由于他们本人不在企业决策核心层之内",
            ),
            ("由于市场订单“不给力”，产量下降。", "由于市场订单“不给力”"),
            ("由于待遇不高，人员流失严重。", "由于待遇不高"),
            (
                "1、由于天气原因我们临时更换了活动的内容。",
                "1、由于天气原因我们临时更换了活动的内容",
            ),
            ("由于实习时间紧张，只是了解了大概。", "由于实习时间紧张"),
            (
                "但由于镇内资金紧缺至今未治理。",
                "但由于镇内资金紧缺至今未治理",
            ),
            (
                "由于项目所在地群众不能积极配合，征地进度缓慢。",
                "由于项目所在地群众不能积极配合",
            ),
        ]);
        not_blamed(&[
            "由于在平时工作中，受不纯正目的驱使，干工作的性质也就变了。",
            "近年来由于团支部的热情帮助，我进步很快，但仍有不足。",
            "由于私心作怪，不敢得罪人。",
            "由于自身经验、能力不足，工作打不开局面。",
            "由于本人疏忽，材料报送不及时。",
            "由于太过紧张，会叫错孩子的名字。",
            "出门的时候，由于着急，却把雨伞忘在了共享单车的车篮上。",
            "到处惹是生非，由于屡次违反校规，我被学校开除了。",
            "由于以前在学校学的是初等教育专业，对中学教材不熟悉。",
            "由于在心里认为这场模拟赛的难度应该较高，就没有认真读题。",
            "由于从小玩性重，学习不是很自觉。",
            "然而由于过于激进，很快膝盖就有不适感。",
            "由于拾掇出了一堆猫咪用品，花了不少冤枉钱。",
            "当时由于刚刚接触路亚，抛投总是挂底。",
            "由于对那里的道路有点陌生，我开错了方向。",
            "失业后回家的一个月，由于抑郁症导致的焦虑，我靠不断地玩手机来缓解。",
            "但由于自尊心加面子的缘故我没有叫住她。",
            "由于对事情想得太简单，没有做好准备。",
            "由于换行业的关系，一切从头学起。",
            "由于初期乱买一通，库存积压。",
            "但由于日益严重的拖延症，直到今天才开始下笔。",
            "由于对国家政策、法律法规等相关知识了解不够,一天下来,在接访过程中都不能说上一句话。",
            "办理转账业务时，由于操作失误，将款项错误地转入他人账户。",
            "由于自律出了问题，学习只停留在表面。",
            "以往由于担心顾客的吵闹影响到商场的生意导致自己面对插队人群感到无可奈何。",
            "由于市场意识不强，错失发展机遇。",
            "不足：由于是首次举办，没有完全的估计。",
            "由于大多是服务设备，网络安全设备投入很少。",
            "但由于人员职责、人际关系、盈利模式等方面思考不足，走了弯路。",
            "有一部分是由于社会保障工作不落实造成的。",
            "部分冬春资金使用由于均在年终安排，拨付滞后。",
            "由于车间曾存在一些管理上的盲区和漏洞，导致事故发生。",
            "矿山承包人由于受经济利益驱动，违规开采。",
            "同时由于工艺不断改进，导致设备更新快。",
            "由于认识上的偏差，学习不够深入。",
            "由于没有对其进行有效的跟踪问效与问责，整改不彻底。",
            "由于缺乏沟通在会议上安排容易出现分歧。",
            "由于民警有畏难情绪，工作推进缓慢。",
            "由于重业务轻党建，党建工作落后。",
            "总是强调由于条件所限，工作难以开展。",
            "因为部门中部分是新员工，业务还不熟练。",
            "在实际工作中，由于多方面的原因，不少党支部存在滞后性。",
            "但是由于各种原因，浇灭了曾经的雄心壮志。",
        ]);
    }

    #[test]
    fn outside_peoples_attitudes_named_as_the_problem_are_blame() {
        blamed_as(&[
            (
                "社区群众房界家族观念较强，时常出现角力现象。",
                "社区群众房界家族观念较强",
            ),
            ("村民法治意识淡薄，矛盾纠纷多。", "村民法治意识淡薄"),
            (
                "一些村民的习惯难以改变、清洁卫生意识有待提高；",
                "一些村民的习惯难以改变、清洁卫生意识有待提高",
            ),
            (
                "在实际使用过程中，我发现部分家长对环保主题不够重视，导致垃圾被随意丢弃。",
                "我发现部分家长对环保主题不够重视",
            ),
            (
                "家长对某些教学活动的理解可能存在偏差。",
                "家长对某些教学活动的理解可能存在偏差",
            ),
            (
                "经常遇到业户对执法工作不配合、乱起哄甚至发生肢体冲突。",
                "经常遇到业户对执法工作不配合、乱起哄甚至发生肢体冲突",
            ),
        ]);
        not_blamed(&[
            "对群众家族观念较强的问题引导不够。",
            "部分村组宣传力度不够，导致居民参与度不高。",
            "群众环保意识较强，参与积极。",
            "群众观念淡薄，脱离群众。",
            "为群众服务的意识不强，联系群众意识淡薄。",
        ]);
    }
}
