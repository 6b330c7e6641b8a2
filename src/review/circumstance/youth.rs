//! Youth told as the cause of a fault, looking back: `当时年轻嘛`, `以前年轻，不懂得珍惜`,
//! `当时我还年轻`, `那时候毕竟才一二年级`. The past is named, then the writer's young age,
//! as what excuses what was done then. Youth as a trait (`年轻气盛`), as people (`年轻人`,
//! `年轻干部`), or named without looking back (`我们年轻党员`) is no excuse.

/// Words that look back to when the fault was done.
pub(super) const BACK_THEN: &[&str] = &[
    "当时",
    "那时",
    "那会儿",
    "那个时候",
    "以前",
    "彼时",
    "小时候",
];
/// Words of being young.
const YOUNG: &[&str] = &[
    "年轻",
    "年纪小",
    "年纪还小",
    "年龄小",
    "年少无知",
    "少不更事",
];
/// What after `年轻` makes it a trait or a kind of person rather than an age.
const NOT_AN_AGE: &[&str] = &[
    "气盛", "人", "干部", "党员", "教师", "老师", "同志", "时", "的",
];
/// What may stand between the look back and youth (`当时的我还太年轻`).
const BETWEEN: usize = 6;

/// Where `clause` looks back and gives the writer's youth, or a low school year after
/// `毕竟才`, as the cause.
pub(super) fn youth_at(clause: &str) -> Option<usize> {
    let (at, back) = BACK_THEN
        .iter()
        .find_map(|b| clause.find(b).map(|at| (at, *b)))?;
    let rest = &clause[at + back.len()..];
    let young = YOUNG.iter().find_map(|y| {
        let found = rest.find(y)?;
        let between = rest[..found].chars().count();
        let after = &rest[found + y.len()..];
        // `当时太年轻`: too green, a fault owned (`终究还是太年轻`); `那时你还年轻`: another's;
        // `当时自己的年少无知`: one's own ignorance, owned.
        let owned = rest[..found].ends_with('太')
            || rest[..found].contains('你')
            || rest[..found].ends_with("自己的");
        (between <= BETWEEN && !owned && !NOT_AN_AGE.iter().any(|n| after.starts_with(n)))
            .then_some(found)
    });
    // `毕竟才一二年级`, `毕竟才十岁`: a child's age, said as what excuses it.
    let child = rest.find("毕竟才").filter(|&found| {
        let after = &rest[found + "毕竟才".len()..];
        let age: String = after.chars().take(5).collect();
        age.contains("年级") || age.contains('岁')
    });
    young.or(child).map(|_| at)
}

#[cfg(test)]
mod tests {
    use super::super::excuse::blame;
    use super::super::tests::{blamed_as_by, not_blamed_by};

    #[test]
    fn youth_looked_back_on_is_blamed() {
        blamed_as_by(
            blame,
            &[
                ("当时年轻嘛，花钱大手大脚。", "当时年轻嘛"),
                ("以前年轻，不懂得珍惜。", "以前年轻"),
                ("当时我还年轻，总是和弟弟吵架。", "当时我还年轻"),
                (
                    "那时候毕竟才一二年级，常常欺负妹妹。",
                    "那时候毕竟才一二年级",
                ),
            ],
        );
    }

    #[test]
    fn youth_as_a_trait_a_kind_of_people_or_now_is_not() {
        not_blamed_by(
            blame,
            &[
                "那时候年轻气盛，根本不知道害怕。",
                "可是当时我太年轻，以为不会有问题。",
                "那时你还年轻，不懂这些。",
                "可能是当时自己的年少无知，并不太懂。",
                "当时单位年轻人多，我没有主动带头。",
                "我们年轻党员理论学习不够。",
                "以前对年轻干部的培养重视不够。",
            ],
        );
    }
}
