//! More ways of finding the cause outside, each read from one clause: the times (`随着改革开放的
//! 深入和经济的飞速发展`, `随着新型城镇化的推进`, `随着青年流动性增大`); outside factors
//! listed as what held the work back (`主要受原材料价格上涨等外部因素影响`,
//! `因疫情、生产困难、效益不好等因素`, `宏观环境不利因素和严重自然灾害等特殊因素叠加`); outside
//! pressure (`外部环境压力很大`); an event chanced on (`恰逢今年机构改革`); others' rising
//! demands (`加之公众对食品安全要求越来越高`); what others did that made the work hard
//! (`校外兼职等都给查寝工作造成一定困难`); another body failing (`建设单位拖欠工程款`); and a
//! test too hard (`整个试卷偏难`).

use super::earliest;
use super::excuse::subject;
use super::own_cause::OWN_PART;

/// Trends of society and the economy that `随着` gives as the background of a problem.
/// Not `形势`, `工作`, `年龄` (`circumstance` reads age), nor the writer's own course
/// (`随着职务的提高`, `随着课程的深入`).
const TRENDS: &[&str] = &[
    "市场经济",
    "改革开放",
    "城镇化",
    "工业化",
    "信息化",
    "互联网",
    "社会经济",
    "经济社会",
    "经济的",
    "经济发展",
    "社会的发展",
    "社会发展",
    "社会的进步",
    "时代的发展",
    "机构改革",
    "政策",
    "数字",
    "科技",
    "新媒体",
    "城市规模",
    "城市化",
    "人口流动",
    "流动性",
    "维权意识",
    "法治意识",
    "法律意识",
];

/// How many characters may stand between `随着` and its trend (`随着社会主义市场经济`,
/// `随着新型城镇化`, `随着青年流动性`).
const BEFORE_TREND: usize = 5;

/// Words of a sentence in which the writer owns the lag (`随着社会的发展，自己的知识跟不上`):
/// a confession, not an excuse. Not `自己` alone, which may be others' (`随着病人维权意识的
/// 提高，…点名请自己的责任护士`).
const OWN_LAG: &[&str] = &[
    "自身",
    "本人",
    "个人",
    "跟不上",
    "不适应",
    "没有跟上",
    "未能跟上",
    "没有及时",
    "未能及时",
    "不能适应",
    "难以适应",
    "不能满足",
    "难以满足",
];

/// Words of a sentence that only announces the problems the times brought up (`但随着经济的
/// 发展和环境的不断变化，也日益暴露出一些新的问题，主要有：`): a lead-in, no excuse.
const ANNOUNCING: &[&str] = &[
    "暴露出",
    "新的问题",
    "新问题",
    "主要有",
    "如下",
    "不容忽视的问题",
    "一些问题",
];

/// Words of a sentence in which the times ask more of the writer (`随着信息化时代的到来，…对我们
/// 提出了更高要求`): a demand taken on, not an excuse.
const DEMANDING: &[&str] = &[
    "提出了更高",
    "提出更高",
    "提出了新的",
    "提出新的",
    "提出了新要求",
];

/// Where `clause` gives a trend of the times as the background of the problem. `sentence` is
/// the rest of the clause's sentence, from the clause's start.
pub(super) fn trend_at(clause: &str, sentence: &str) -> Option<usize> {
    let at = clause.find("随着")?;
    let rest = &clause[at + "随着".len()..];
    let near: String = rest.chars().take(BEFORE_TREND + 5).collect();
    let trend_start = earliest(&near, TRENDS)?;
    if near[..trend_start].chars().count() > BEFORE_TREND {
        return None;
    }
    (!OWN_LAG
        .iter()
        .chain(ANNOUNCING)
        .chain(DEMANDING)
        .any(|w| sentence.contains(w))
        && !own_part_set_against(sentence))
    .then_some(at)
}

/// Whether `sentence` sets a lack of the writer's own against the times with `，而` (`随着社会
/// 经济的不断发展，纳税人对纳税服务需求不断提高，而税务部门…的理念尚未形成`): the lag is
/// confessed. Not `而是` (`而是点名请自己的责任护士`: others' choice), nor `自己` or `要求`,
/// which may be others' (`人民群众对城市管理的要求`).
fn own_part_set_against(sentence: &str) -> bool {
    let Some(at) = sentence.find("随着") else {
        return false;
    };
    sentence[at..].split("，而").skip(1).any(|after| {
        !after.starts_with('是')
            && OWN_PART
                .iter()
                .filter(|w| !matches!(**w, "自己" | "要求"))
                .any(|w| after.contains(w))
            && LACKING.iter().any(|w| after.contains(w))
    })
}

/// Words of a lack, after an own part set against the times (`理念尚未形成`).
const LACKING: &[&str] = &["未", "不", "没", "缺", "欠", "弱", "差"];

/// The world outside a unit, named as what it is up against (`外部环境压力很大`).
pub(super) const OUTSIDE_WORLD: &[&str] = &["外部环境", "外部形势", "外部压力", "外部竞争"];
/// What that world is said to bring.
const PRESSING: &[&str] = &["压力", "挑战", "复杂", "严峻", "不利", "冲击"];

/// Where `clause` names outside pressure as the problem (`竞争非常激烈，外部环境压力很大`,
/// `外部环境的复杂风险挑战交织叠加`). Not where the writer's own part is named
/// (`对外部环境的复杂性认识不足`).
pub(super) fn outside_pressure_at(clause: &str) -> Option<usize> {
    let at = earliest(clause, OUTSIDE_WORLD)?;
    let pressed = PRESSING.iter().any(|p| clause[at..].contains(p));
    (pressed && !OWN_PART.iter().any(|w| clause.contains(w))).then_some(at)
}

/// Words that set the problem at the time of an event (`恰逢今年机构改革，人员变动频繁`).
pub(super) const CHANCED: &[&str] = &["恰逢", "适逢", "正逢", "正值", "正赶上", "恰好赶上"];
/// Events out of the writer's hands that such a time names. Not `改革` alone: `正值全面深化
/// 改革的关键时期` sets a scene.
const EVENTS: &[&str] = &[
    "机构改革",
    "机构调整",
    "人事调整",
    "换届",
    "疫情",
    "汛期",
    "撤并",
    "搬迁",
    "暑假",
    "寒假",
    "节假日",
];

/// Where `clause` puts the problem down to an event it happened to coincide with.
pub(super) fn bad_timing_at(clause: &str) -> Option<usize> {
    let (at, word) = CHANCED
        .iter()
        .find_map(|w| clause.find(w).map(|at| (at, *w)))?;
    let rest = &clause[at + word.len()..];
    EVENTS.iter().any(|e| rest.contains(e)).then_some(at)
}

/// Words that add a cause (`加之公众对食品安全要求越来越高`).
const ADDED_CAUSES: &[&str] = &["加之", "加上", "由于", "随着"];
/// Those whose demands a report may say have grown.
const DEMANDERS: &[&str] = &[
    "公众",
    "群众",
    "社会",
    "上级",
    "家长",
    "服务对象",
    "患者",
    "病人",
    "居民",
    "消费者",
];
const DEMANDS: &[&str] = &["要求", "期望", "期待", "需求"];
pub(super) const RISING: &[&str] = &[
    "越来越高",
    "日益提高",
    "不断提高",
    "日益增长",
    "越来越多",
    "不断增加",
    "日益增加",
];

/// Where `clause` gives others' growing demands as a cause of the problem. `sentence` is the
/// rest of the clause's sentence: `随着群众需求日益增长，自己的服务能力跟不上` owns the lag.
pub(super) fn rising_demands_at(clause: &str, sentence: &str) -> Option<usize> {
    let at = earliest(clause, ADDED_CAUSES)?;
    let rest = &clause[at..];
    let rest = &rest[earliest(rest, DEMANDERS)?..];
    let rest = &rest[earliest(rest, DEMANDS)?..];
    let owned = OWN_LAG
        .iter()
        .chain(ANNOUNCING)
        .chain(DEMANDING)
        .any(|w| sentence.contains(w));
    (RISING.iter().any(|r| rest.contains(r)) && !owned).then_some(at)
}

/// What something did to the work (`给查寝工作造成一定困难`).
const MADE: &[&str] = &["造成", "带来", "增加"];
pub(super) const HARDSHIPS: &[&str] = &["困难", "难度", "不便", "阻力"];

/// Doers that are the writer or the writer's failing (`本人疏忽给工作带来困难`).
const OWN_DOERS: &[&str] = &[
    "自己",
    "自身",
    "本人",
    "个人",
    "我",
    "疏忽",
    "失误",
    "不足",
    "不够",
    "不到位",
    "不力",
];

/// Where `clause` says what others did made the writer's work hard (`加上学生流动和校外兼职等
/// 都给查寝工作造成一定困难`): the doer named in the clause and not the writer's own failing.
/// A doer of one's own (`由于本人疏忽，给工作带来困难`) stands in another clause, or names a
/// part of the writer's.
pub(super) fn made_work_hard_at(clause: &str) -> Option<usize> {
    let at = clause.find('给')?;
    let doer = &clause[..at];
    let rest = &clause[at..];
    let work = rest.find("工作")?;
    if work > 4 * '给'.len_utf8()
        || doer.chars().count() < 4
        || OWN_DOERS.iter().any(|w| doer.contains(w))
    {
        return None;
    }
    let made = work + MADE.iter().filter_map(|m| rest[work..].find(m)).min()?;
    HARDSHIPS
        .iter()
        .any(|h| rest[made..].contains(h))
        .then_some(at)
}

/// What a test is called when its difficulty is given as the cause of poor results.
pub(super) const TESTS: &[&str] = &[
    "试卷",
    "试题",
    "考题",
    "此题",
    "本题",
    "这道题",
    "这题",
    "该题",
];
/// How a test is said to be too hard.
const TOO_HARD: &[&str] = &[
    "偏难",
    "较难",
    "太难",
    "过难",
    "难度较大",
    "难度大",
    "难度偏大",
    "难度过大",
    "有一定的难度",
    "有一定难度",
    "运算量过大",
    "运算量大",
];

/// Where `clause` puts poor results down to a test being too hard (`整个试卷偏难，运算量过大`,
/// `此题有一定的难度`): the teacher's own teaching is what a self-examination looks at.
pub(super) fn hard_test_at(clause: &str) -> Option<usize> {
    let at = earliest(clause, TESTS)?;
    TOO_HARD
        .iter()
        .any(|h| clause[at..].contains(h))
        .then_some(at)
}

/// Bodies outside the writer's own remit whose failings a report may blame: the client of a
/// builder, the level above, partner units. Not `相关部门` or `供应商`, whom a unit's report
/// often names as its own charge (`相关职能部门作用发挥不到位`).
pub(super) const OTHER_BODIES: &[&str] = &[
    "建设单位",
    "上级监管部门",
    "上级部门",
    "上级",
    "共建单位",
    "甲方",
];
/// What those bodies are said to fail at.
const THEIR_FAILINGS: &[&str] = &[
    "拖欠",
    "不给",
    "不到位",
    "滞后",
    "缺少",
    "缺乏",
    "不配合",
    "不支持",
    "未及时",
    "不及时",
];

/// Where `clause` blames another body for the problem (`三是建设单位拖欠工程款`,
/// `上级监管部门对事故发生单位的安全生产监管不到位`, `共建单位自身缺少工作经费`): the body
/// the clause's subject, and one of its failings after it.
pub(super) fn others_at_fault_at(clause: &str) -> Option<usize> {
    let (at, body) = OTHER_BODIES
        .iter()
        .find_map(|b| clause.find(b).map(|at| (at, *b)))?;
    let rest = &clause[at + body.len()..];
    (subject(&clause[..at]) && THEIR_FAILINGS.iter().any(|f| rest.contains(f))).then_some(at)
}

/// Words that give what follows as the cause: `受…影响`, `因…等因素`, `由于…`.
const FACTOR_CAUSES: &[&str] = &["由于", "因为", "受", "因"];
/// Words holding `因` or `受` that give no cause (`原因`, `接受`); `因为` is read whole.
const NOT_A_CAUSE: &[&str] = &[
    "原因", "因此", "因而", "因素", "基因", "诱因", "成因", "因为", "接受", "感受", "享受", "难受",
    "受理", "受益", "受众",
];

/// After `因素`: what the factors did to the work.
/// Not `干扰`: `受到外界因素的干扰` confesses being swayed.
const FACTORS_DID: &[&str] = &["影响", "制约", "限制", "叠加", "所致"];
/// Right before `因素`, words that make the factors outside ones in themselves.
const OUTSIDE_FACTORS: &[&str] = &[
    "外部",
    "外界",
    "外在",
    "客观",
    "不利",
    "不可抗",
    "特殊",
    "自然",
];

/// Among listed factors, the writer's own failings that `OWN_PART` does not name
/// (`因人情关系等因素`), and bad influences, which the writer confesses being swayed by
/// (`受社会不良风气等方面的影响`).
const OWN_FACTORS: &[&str] = &[
    "人情",
    "功利",
    "情面",
    "关系户",
    "风气",
    "歪风",
    "不良",
    "思潮",
    "诱惑",
    "错误",
];

/// Where `clause` gives listed outside factors as what held the work back:
/// `受原材料价格上涨等外部因素影响`, `因疫情、生产困难、效益不好等因素`,
/// `受市场行情、人力资源、社会待遇等方面的影响`. The factors must be listed after a word of
/// cause (`等`), or called outside ones and said to have acted (`宏观环境不利因素…叠加`);
/// none may be the writer's own (`由于功利思想、制度缺陷等诸多因素影响`).
pub(super) fn outside_factors_at(clause: &str) -> Option<usize> {
    let factors = clause
        .match_indices("因素")
        .chain(clause.match_indices("方面的影响"))
        .chain(clause.match_indices("方面影响"));
    for (factor_at, factor) in factors {
        let before = &clause[..factor_at];
        let after = clause[factor_at + factor.len()..].trim_start_matches('的');
        let acted = factor != "因素" || FACTORS_DID.iter().any(|d| after.starts_with(d));
        let cause = cause_word_before(before);
        let listed = cause.map_or("", |(at, word)| &before[at + word.len()..]);
        let named = cause.is_some() && listed.contains('等');
        // `主客观因素`: the writer's own side is named too.
        let outside = acted
            && OUTSIDE_FACTORS.iter().any(|o| before.ends_with(o))
            && !before.ends_with("主客观");
        if !(named || outside) || owned(listed) {
            continue;
        }
        return Some(cause.map_or(factor_at, |(at, _)| at));
    }
    None
}

/// Whether the listed factors open on one of the writer's own: a word of `OWN_PART` (not its
/// negations and weaknesses, which outside factors have too: `效益不好`), or one of
/// [`OWN_FACTORS`]. As after `由于`, the first of the list decides: `受身体状况、家庭情况、
/// 思想观念等因素的影响` opens on the body and the family.
fn owned(listed: &str) -> bool {
    let first = listed.split('、').next().unwrap_or(listed);
    OWN_PART
        .iter()
        .chain(OWN_FACTORS)
        .any(|w| first.contains(w))
}

/// The last word of cause in `before`, with where it starts.
fn cause_word_before(before: &str) -> Option<(usize, &'static str)> {
    FACTOR_CAUSES
        .iter()
        .flat_map(|cause| before.match_indices(cause).map(move |(at, _)| (at, *cause)))
        .filter(|&(at, cause)| cause.chars().count() > 1 || !inside_word(before, at, cause))
        .max_by_key(|&(at, _)| at)
}

/// Whether the one-character `word` at `at` of `text` is part of one of [`NOT_A_CAUSE`].
fn inside_word(text: &str, at: usize, word: &str) -> bool {
    NOT_A_CAUSE.iter().any(|whole| {
        whole.find(word).is_some_and(|offset| {
            at.checked_sub(offset)
                .and_then(|start| text.get(start..))
                .is_some_and(|from| from.starts_with(whole))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::super::blame;
    use super::super::tests::{blamed_as_by, not_blamed_by};

    #[test]
    fn the_times_given_as_background_are_blame() {
        blamed_as_by(
            blame,
            &[
                (
                    "如今，随着改革开放的深入和经济的飞速发展，基层团组织面临挑战。",
                    "随着改革开放的深入和经济的飞速发展",
                ),
                (
                    "一是随着青年流动性增大，团员流失情况日益严重。",
                    "一是随着青年流动性增大",
                ),
                (
                    "同时随着新型城镇化的推进，农村人口大量减少。",
                    "同时随着新型城镇化的推进",
                ),
                (
                    "随着病人维权意识的提高，医患纠纷增多。",
                    "随着病人维权意识的提高",
                ),
            ],
        );
        not_blamed_by(
            blame,
            &[
                "随着社会的发展，自己的知识跟不上。",
                "随着职务的提高，自觉不自觉地有了架子。",
                "但随着课程的深入，我们认识到了不足。",
                "随着全面从严治党的深入开展，这些问题得到明显纠治。",
                "但随着经济的开展和环境的不断变化，也日益暴露出一些新的问题，主要有：",
                "随着信息化时代的到来，新兴传播手段的兴起，对我们提出了更高要求。",
            ],
        );
    }

    #[test]
    fn an_event_others_demands_and_what_others_made_hard_are_blame() {
        blamed_as_by(
            blame,
            &[
                (
                    "欠缺专业技能培训，恰逢今年机构改革，人员变动频繁，导致填报工作滞后。",
                    "恰逢今年机构改革",
                ),
                (
                    "阅览室设置了120个坐席，当前正值暑假，暂无法满足读者需求。",
                    "当前正值暑假",
                ),
                ("竞争非常激烈，外部环境压力很大。", "外部环境压力很大"),
                (
                    "加之公众对食品安全要求越来越高，我区监管工作面临任务重、压力大。",
                    "加之公众对食品安全要求越来越高",
                ),
                (
                    "加上学生流动和校外兼职等都给查寝工作造成一定困难。",
                    "加上学生流动和校外兼职等都给查寝工作造成一定困难",
                ),
                (
                    "但随着城市规模的不断扩大，管理难度增加。",
                    "但随着城市规模的不断扩大",
                ),
                (
                    "随着异地高考政策的放开，生源流失严重。",
                    "随着异地高考政策的放开",
                ),
                ("随着数字设备的出现，收视率下降。", "随着数字设备的出现"),
            ],
        );
        not_blamed_by(
            blame,
            &[
                "当前正值全面深化改革的关键时期，自己思想解放不够。",
                "但随着市场经济的进一步繁荣和发展，文化市场中仍存在着一些不容忽视的问题。",
                "但随着经济社会的快速发展，组织建设状况已不能适应发展需要。",
                "对外部环境的复杂性认识不足，应对不力。",
                "随着群众对美好生活的需求日益增长，自己的服务能力跟不上。",
                "由于本人疏忽，给工作带来困难。",
                "个人工作方法简单，给单位工作带来不便。",
                "群众对我们的要求越来越高。",
                "随着社会经济的不断发展，纳税人需求不断提高，而我们服务的理念尚未形成。",
            ],
        );
    }

    #[test]
    fn a_test_too_hard_is_blame() {
        blamed_as_by(
            blame,
            &[
                ("整个试卷偏难，运算量过大。", "整个试卷偏难"),
                ("此题有一定的难度，得分率低。", "此题有一定的难度"),
            ],
        );
        not_blamed_by(blame, &["本题考查学生对古诗的积累，得分率一般。"]);
    }

    #[test]
    fn other_bodies_failing_are_blame() {
        blamed_as_by(
            blame,
            &[
                ("三是建设单位拖欠工程款。", "三是建设单位拖欠工程款"),
                (
                    "共建单位自身缺少工作经费，在支援社区方面存在一定难度。",
                    "共建单位自身缺少工作经费",
                ),
            ],
        );
        not_blamed_by(
            blame,
            &[
                "相关职能部门作用发挥不到位。",
                "对上级部署的任务落实不到位。",
                "向上级汇报不及时。",
            ],
        );
    }

    #[test]
    fn listed_outside_factors_are_blame() {
        blamed_as_by(
            blame,
            &[
                (
                    "成本控制存在小幅超支，主要受原材料价格上涨等外部因素影响。",
                    "主要受原材料价格上涨等外部因素影响",
                ),
                (
                    "部分企业因疫情、生产困难、效益不好等因素，导致责任状仅停留在纸上。",
                    "部分企业因疫情、生产困难、效益不好等因素",
                ),
                (
                    "宏观环境不利因素和严重自然灾害等特殊因素叠加，影响了预期目标。",
                    "宏观环境不利因素和严重自然灾害等特殊因素叠加",
                ),
                (
                    "受市场行情、人力资源、社会待遇等方面的影响，人才流失严重。",
                    "受市场行情、人力资源、社会待遇等方面的影响",
                ),
                (
                    "受拆迁等外在因素的影响，进度滞后。",
                    "受拆迁等外在因素的影响",
                ),
                (
                    "事故的发生，除天气等自然因素影响外，很大程度上与管理有关。",
                    "除天气等自然因素影响外",
                ),
                (
                    "受身体状况、家庭情况、思想观念等因素的影响，部分党员参加活动少。",
                    "受身体状况、家庭情况、思想观念等因素的影响",
                ),
            ],
        );
        not_blamed_by(
            blame,
            &[
                "由于功利思想、制度缺陷等诸多因素影响，认识还不到位。",
                "有时会因人情关系等因素，未能严格按照原则审核。",
                "受社会不良风气等方面的影响，理想信念有所动摇。",
                "有时会受到外界因素的干扰，未能始终坚守党性原则。",
                "接受了任务等因素没有考虑。",
                "仍存在较大不确定因素。",
                "一味强调客观因素，没有从主观上找原因。",
                "语言水平原地踏步也是有很多主客观因素限制的，但我必须承认。",
            ],
        );
    }
}
