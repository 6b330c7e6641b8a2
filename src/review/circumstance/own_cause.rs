//! Whose a cause after `由于` is: the writer's own (`由于自身经验不足`, `由于过于激进`,
//! `由于怕得罪人`), which is a fault confessed, or a circumstance outside the writer
//! (`由于有些企业规模小`, `由于市场订单“不给力”`), which is an excuse.

use super::excuse::PEOPLE;
use super::{earliest, without};

/// What, after `由于`, makes the cause the writer's own: a failing named (`由于私心作怪`,
/// `由于认识上的偏差`, `由于缺乏沟通`) or the self (`由于自身经验、能力不足`); or one of
/// [`OWN_STATES`]. A cause with none of these is a circumstance (`由于有些企业规模小`,
/// `由于企业在运作过程中求生存`).
pub(super) const OWN_PART: &[&str] = &[
    // One's own first steps (`由于刚刚接触路亚`).
    "接触",
    "自己",
    "自身",
    "自律",
    "自觉",
    "自控",
    // One's own pride and unfamiliarity (`由于自尊心加面子的缘故`, `由于对那里的道路有点陌生`).
    "自尊",
    "面子",
    "陌生",
    // One's own illness of mind (`由于抑郁症导致的不受主观意志力控制的焦虑`).
    "抑郁",
    // One's own habits (`由于晚睡的缘故`).
    "晚睡",
    "熬夜",
    "贪玩",
    "偷懒",
    "我",
    "个人",
    "本人",
    "疏忽",
    "失误",
    "失职",
    "过失",
    "粗心",
    "大意",
    "马虎",
    "阅历",
    "经历",
    "思想",
    "认识",
    "意识",
    "观念",
    "理念",
    "心态",
    "心理",
    "情绪",
    "主观",
    "党性",
    "宗旨",
    "修养",
    "理想",
    "信念",
    "作风",
    "能力",
    "水平",
    "素质",
    "经验",
    "方法",
    "学习",
    "重视",
    "要求",
    "标准",
    "责任",
    "担当",
    "态度",
    "精神",
    "本领",
    "定力",
    "习惯",
    "主义",
    "沟通",
    "研究",
    "把握",
    "理解",
    "认知",
    "觉悟",
    "站位",
    "作为",
    "私心",
    "私利",
    "放松",
    "松懈",
    "懈怠",
    "忽视",
    "忽略",
    "缺乏",
    "欠缺",
    "偏差",
    "惰性",
    "畏难",
    "顾虑",
    "担心",
    "担忧",
    "工艺",
    "驱动",
    "思考",
    "考虑",
    "管理上",
    "漏洞",
    "盲区",
    "安排",
    // One's own state of mind or habit (`由于太过紧张`, `由于着急`, `由于日益严重的拖延症`);
    // not a schedule that is tight (`由于实习时间紧张`, see [`NOT_OWN_PART`]).
    "紧张",
    "着急",
    "心急",
    "慌张",
    "慌乱",
    "焦虑",
    "浮躁",
    "急躁",
    "拖延",
    "懒惰",
    "懒散",
    // One's own judgement (`由于在心里认为这场模拟赛的难度应该较高`).
    "认为",
    "以为",
    "觉得",
    // One's own nature (`由于从小玩性重`).
    "玩性",
    "玩心",
    "贪玩",
    "性格",
    "脾气",
    "性子",
    // One's own thinking, choices and spending (`由于对事情想得太简单`, `由于换行业的关系`,
    // `由于初期乱买一通`).
    "想得",
    "想的",
    "换行",
    "转行",
    "乱买",
    "乱花",
    // What one studied (`由于以前在学校学的是初等教育专业`).
    "学的是",
    "所学",
    // One's own wrongdoing (`由于屡次违反校规，我被学校开除了`).
    "违反",
    "违纪",
    "违规",
    "犯错",
];

/// Negation and weakness, which after `由于` make the cause the writer's own too
/// (`由于没有对其进行有效的跟踪问效`, `由于怕得罪人`), though outside factors have them as well
/// (`效益不好`).
const OWN_STATES: &[&str] = &["怕", "轻", "弱", "淡", "没", "未", "无", "不"];

/// Words holding one of [`OWN_PART`] or [`OWN_STATES`] that name nothing of the writer's:
/// `不` that negates nothing (`由于社会开放程度的不断提高`, `由于他们本人不在企业决策核心层
/// 之内`), `轻` of the young (`由于这群年轻人大多生活在物质丰厚的年代`), others' selves
/// (`他们本人`), a tradition's views (`由于传统观念的原因`).
const NOT_OWN_PART: &[&str] = &[
    "不断",
    "不在",
    "不少",
    "不同",
    "年轻",
    "传统观念",
    "他们本人",
    "她们本人",
    "其本人",
    "时间紧张",
    "工期紧张",
    "日程紧张",
    "关系紧张",
    "资金紧张",
    "经费紧张",
    "人手紧张",
    "任务紧张",
    "安排紧张",
];

/// Whether `cause` names any part of the writer's own in it. Of a list of causes the first
/// is read (`由于参保人员的大幅增加、居住分散、金融网点不足…`): one that opens on an outside
/// circumstance is an excuse, whatever follows it.
pub(super) fn own_part(cause: &str) -> bool {
    // `由于过于激进`: too much of something, with no one else named, is the writer's own.
    if OVERDOING.iter().any(|w| cause.trim_start().starts_with(w)) {
        return true;
    }
    let cause = without(cause, NOT_OWN_PART);
    let negated_at = earliest(&cause, OWN_STATES).unwrap_or(cause.len());
    // `由于项目所在地群众不能积极配合`: the people are who does not.
    let outside = OUTSIDE_OPENERS.iter().any(|o| cause.trim().starts_with(o))
        || PEOPLE.iter().any(|p| cause[..negated_at].contains(p))
        || super::names_a_poor_condition(&cause);
    // `由于拾掇出了一堆猫咪用品`, `由于…跑了一次`: an act done, with no other actor and no
    // surroundings named, is the writer's own (not `由于运营商误封了域名`, `由于换了新的环境`).
    let acted = cause.contains('了') && !OTHER_ACTORS.iter().any(|a| cause.contains(a));
    OWN_PART.iter().any(|w| cause.contains(w))
        || (!outside && (acted || OWN_STATES.iter().any(|w| cause.contains(w))))
}

/// Actors and surroundings that, named in a cause after `由于`, make an act done theirs.
const OTHER_ACTORS: &[&str] = &[
    "环境",
    "运营商",
    "部门",
    "单位",
    "公司",
    "领导",
    "上级",
    "学校",
    "政府",
    "对方",
    "客户",
];

/// What a cause after `由于` opens on when it is the writer's own excess (`由于过于激进`).
const OVERDOING: &[&str] = &["过于", "太过", "过分", "过度"];

/// What a cause after `由于` may open on that puts it outside the writer whatever negation
/// follows (`由于市场订单“不给力”`): the negation is the market's. Words of the writer's own
/// after them still count (`由于市场意识不强`).
const OUTSIDE_OPENERS: &[&str] = &[
    "市场", "外部", "外界", "客观", "国家", "政策", "天气", "气候", "待遇", "工资", "收入", "薪酬",
];
