//! Realistic materials in the styles of different sites (tests/fixtures/*.txt), each with its
//! expected clean content in `*_expected.txt`. The expected files are written the way the
//! draft re-serialises inline: numbering normalised to `（一）…。一是…。`, whitespace ignored.

mod import_support;

use import_support::*;
use pouxi::clean::Rules;
use pouxi::import;
use std::collections::BTreeSet;

/// Imports `text` and checks it against `{name}_expected.txt`, conservation, ad freedom.
fn check_text(name: &str, text: &str) -> import::Imported {
    let rules = Rules::builtin();
    let imported = import::import_text(text, &rules, &BTreeSet::new());
    assert_matches_expected(&imported.draft, &fixture(&format!("{name}_expected.txt")));
    assert_conserved(text, &imported);
    assert_ad_free(&imported.draft, &rules);
    assert!(imported.draft.ids_are_unique());
    imported
}

fn check_sample(name: &str) -> import::Imported {
    let text = fixture(&format!("{name}.txt"));
    let rules = Rules::builtin();
    let imported = check_text(name, &text);
    // The same material as a .docx gives the same draft.
    let material = import::decode_bytes(&docx_bytes(&text)).unwrap();
    let from_docx = import::import_text(&material.text, &rules, &BTreeSet::new());
    assert_eq!(from_docx.draft, imported.draft, "{name} as docx");
    imported
}

fn counts(imported: &import::Imported) -> Vec<usize> {
    imported
        .draft
        .categories()
        .iter()
        .map(|c| c.findings.len())
        .collect()
}

#[test]
fn wenku_page_with_breadcrumbs_chrome_and_paywall() {
    let imported = check_sample("wenku_page");
    assert_eq!(counts(&imported), [2, 3, 2, 2]);
    let d = &imported.draft;
    assert_eq!(d.title, "2024年度专题组织生活会个人对照检查材料");
    assert_eq!(d.sections[0].heading, "查摆的主要问题");
    assert_eq!(d.categories()[0].title, "理论学习方面存在的问题");
    assert!(d.opening.contains("现将个人对照检查情况报告如下。"));
    assert!(after_problems(d).starts_with("问题产生的原因"));
    // The paywall notice sat between two findings; the third one still starts.
    assert_eq!(
        d.categories()[1].findings[2].headline,
        "纪律规矩意识不够牢固"
    );
    let reasons: Vec<&str> = imported.removed.iter().map(|r| r.reason.as_str()).collect();
    for reason in [
        "网站信息",
        "付费墙标记",
        "截断提示",
        "免责声明",
        "广告：侧栏推广",
    ] {
        assert!(reasons.contains(&reason), "{reason} missing in {reasons:?}");
    }
}

#[test]
fn wechat_article_with_header_footer_and_hidden_contact() {
    let imported = check_sample("wechat_article");
    assert_eq!(counts(&imported), [2, 2, 2, 2]);
    let d = &imported.draft;
    assert_eq!(d.title, "XX同志2023年度民主生活会对照检查材料");
    assert_eq!(d.categories()[1].title, "在带头践行为民服务宗旨方面");
    assert_eq!(d.categories()[2].findings[0].headline, "创新意识不强");
    assert!(after_problems(d).starts_with("产生问题的原因"));
    assert!(!draft_texts(d).join("").contains('\u{200B}'));
}

#[test]
fn pdf_copy_with_hard_breaks_spaces_and_page_numbers() {
    let imported = check_sample("pdf_copy");
    assert_eq!(counts(&imported), [2, 2, 2, 2]);
    let d = &imported.draft;
    // Whitespace repairs are invisible to the comparison above: check them here.
    assert!(
        d.opening.contains("广泛征求意见建议12条，并围绕"),
        "{}",
        d.opening
    );
    let f = &d.categories()[0].findings[0];
    assert_eq!(f.headline, "学习贯彻不够深入");
    assert_eq!(
        f.body,
        "2025年个人自学时间累计不足60小时，对党的创新理论的理解停留在字面上，学深悟透还有差距。"
    );
    assert_eq!(
        d.categories()[1].findings[0].body,
        "对全局工作的前瞻性思考不多，年初制定的8项重点任务中有2项推进滞后。"
    );
    assert_eq!(
        d.categories()[2].findings[1].body,
        "推动数字化转型时满足于建平台，应用场景开发不够。"
    );
    assert_eq!(
        d.categories()[3].findings[1].headline,
        "落实中央八项规定精神还有松懈"
    );
    assert!(imported.stats.joined_lines >= 8);
    assert!(imported.stats.spaces_removed >= 8);
}

#[test]
fn plain_paste_with_section_categories_and_paragraph_findings() {
    let imported = check_sample("paste_plain");
    assert_eq!(counts(&imported), [2, 2, 1]);
    let d = &imported.draft;
    assert_eq!(d.sections[0].heading, "");
    assert_eq!(
        d.categories()[1].findings[0].headline,
        "为民服务意识有所弱化"
    );
    assert_eq!(d.closing, "以上是我的发言，不妥之处请同志们批评指正。");
}

#[test]
fn wenku_page_with_a_repeated_title_and_a_truncation_notice() {
    let imported = check_sample("m1");
    assert_eq!(counts(&imported), [2, 2, 2, 1]);
    let d = &imported.draft;
    assert_eq!(d.title, "2024年度民主生活会个人对照检查材料（四个带头）");
    assert_eq!(d.sections[0].heading, "存在的问题");
    // The title repeated behind `篇一：` goes as a copy; it is never glued to the opening.
    assert!(
        d.opening.starts_with("按照本次民主生活会要求"),
        "{}",
        d.opening
    );
    assert_eq!(
        d.categories()[1].title,
        "在带头深化改革开放、推进中国式现代化方面"
    );
    assert_eq!(
        d.categories()[3].findings[0].headline,
        "“一岗双责”落实不到位"
    );
    // The notice and the brackets around it go; nothing like `（，）` is left.
    assert!(
        after_problems(d).ends_with("切实把问题改到位。"),
        "{}",
        after_problems(d)
    );
    let removed: Vec<&str> = imported.removed.iter().map(|r| r.text.as_str()).collect();
    assert!(
        removed.contains(&"（全文共3216字，下载后可任意编辑）"),
        "{removed:?}"
    );
}

fn headlines(imported: &import::Imported, category: usize) -> Vec<&str> {
    imported.draft.categories()[category]
        .findings
        .iter()
        .map(|f| f.headline.as_str())
        .collect()
}

fn category_titles(imported: &import::Imported) -> Vec<&str> {
    imported
        .draft
        .categories()
        .iter()
        .map(|c| c.title.as_str())
        .collect()
}

fn removed_texts(imported: &import::Imported) -> Vec<&str> {
    imported.removed.iter().map(|r| r.text.as_str()).collect()
}

/// Every field of the draft, joined: for "this never made it in" checks.
fn all_text(imported: &import::Imported) -> String {
    draft_texts(&imported.draft).join("\n")
}

const FOUR_EXEMPLARY: [&str; 4] = [
    "在带头强化政治忠诚、提高政治能力方面",
    "在带头深化改革开放、推进中国式现代化方面",
    "在带头严守党的纪律规矩、加强作风建设方面",
    "在带头落实全面从严治党政治责任方面",
];

#[test]
fn wechat_account_with_header_counters_and_related_articles() {
    let imported = check_sample("wechat_account");
    assert_eq!(counts(&imported), [2, 2, 2, 2]);
    let d = &imported.draft;
    assert_eq!(
        d.title,
        "2024年度民主生活会领导班子成员个人对照检查发言提纲"
    );
    assert_eq!(d.sections[0].heading, "存在的问题");
    assert_eq!(category_titles(&imported), FOUR_EXEMPLARY);
    assert_eq!(
        headlines(&imported, 1),
        ["改革攻坚的魄力不足", "创新思路不宽"]
    );
    assert!(d.opening.starts_with("根据市委办公室"));
    assert!(after_problems(d).starts_with("原因剖析"));
    assert!(d.closing.ends_with("请同志们批评指正。"), "{}", d.closing);
    // The related-article list under 往期推荐 and the reader buttons are gone.
    let all = all_text(&imported);
    // Decorations before headings (`▍一、`, `◆（三）`, `📌 二、`) go; the headings are seen.
    for junk in [
        "汇编",
        "发言提纲（新版）",
        "留言",
        "在看",
        "编辑",
        "审核",
        "星标",
        "▍",
        "◆",
        "📌",
        "👇",
        "END",
    ] {
        assert!(!all.contains(junk), "{junk} in {all}");
    }
    // A legitimate 微信群 and 公众号 in a finding stay.
    assert!(
        d.categories()[1].findings[1]
            .body
            .contains("企业服务微信群")
    );
    assert!(d.categories()[0].findings[1].body.contains("公众号"));
}

#[test]
fn doc_site_page_with_page_footers_mid_sentence() {
    let imported = check_sample("doc_site_page");
    assert_eq!(counts(&imported), [2, 2, 2, 2]);
    let d = &imported.draft;
    // The file name line gives the title (its extension cut); the copy of it below goes.
    assert_eq!(d.title, "2024年度组织生活会党员个人检视剖析材料");
    assert_eq!(d.sections[0].heading, "检视剖析的问题");
    assert_eq!(d.categories()[0].title, "在学习贯彻党的创新理论方面");
    assert_eq!(d.categories()[3].title, "在发挥先锋模范作用方面");
    // `- 1 -` and `第1页 共5页` sat inside a sentence: it is whole again.
    assert_eq!(
        d.categories()[0].findings[0].body,
        "平时学习多以完成支部规定动作为主，主动学、深入学不够，去年全年撰写学习笔记仅1.2万字，与支部要求还有不小差距。"
    );
    assert!(d.opening.starts_with("按照支部关于召开"));
    assert!(d.opening.ends_with("汇报如下："));
    assert_eq!(
        after_problems(d),
        "问题产生的根源\n一是理论学习不够深入。二是党性修养有所放松。"
    );
    let all = all_text(&imported);
    for junk in [
        "原创力",
        "文库",
        "下载",
        "VIP",
        "举报",
        "贡献者",
        "页",
        ".docx",
        "23KB",
    ] {
        assert!(!all.contains(junk), "{junk} in {all}");
    }
    let reasons: Vec<&str> = imported.removed.iter().map(|r| r.reason.as_str()).collect();
    assert!(reasons.contains(&"页码"));
    assert!(reasons.contains(&"付费墙标记"));
}

#[test]
fn pdf_copy_wrapped_at_35_characters_with_a_running_header() {
    let imported = check_sample("pdf_wrapped");
    assert_eq!(counts(&imported), [2, 2, 2, 2]);
    let d = &imported.draft;
    assert_eq!(
        d.title,
        "XX县财政局党组书记2025年度民主生活会个人对照检查材料"
    );
    assert_eq!(d.sections[0].heading, "存在的主要问题");
    assert_eq!(
        d.categories()[1].title,
        "在带头深化改革、推动高质量发展方面"
    );
    // Each paragraph is one paragraph again, its stray spaces gone (`2025 年`, `10 %`).
    assert_eq!(
        d.opening,
        "根据县委关于召开2025年度民主生活会的通知要求，我紧扣会议主题，认真学习了党的二十届三中全会精神，会前通过座谈会、个别访谈等方式征求意见建议15条，与班子成员逐一谈心谈话，在此基础上深入查摆问题。现将有关情况报告如下。"
    );
    let f = &d.categories()[1].findings[0];
    assert_eq!(f.headline, "预算改革推进不快");
    assert_eq!(
        f.body,
        "零基预算改革试点覆盖面只有10%，部门支出标准体系建设滞后，年初确定的6项改革任务中有2项未按期完成。"
    );
    // A page break (footer, then the running header) inside a sentence is joined over.
    assert_eq!(
        d.categories()[3].findings[1].body,
        "对财政资金拨付等关键环节的风险点排查不够细，内控制度执行中存在“宽松软”现象。"
    );
    assert_eq!(
        after_problems(d),
        "原因剖析\n一是理论学习的自觉性不够强。二是党性锤炼有所放松。三是担当作为的劲头有所减弱。\n整改措施\n针对上述问题，我将认真制定整改清单，明确整改时限，确保件件有着落。"
    );
    for text in draft_texts(d) {
        assert!(!text.contains(' '), "stray space in {text:?}");
        assert!(
            !text.contains("财政局党组民主生活会材料"),
            "header in {text:?}"
        );
    }
    let header_copies = imported
        .removed
        .iter()
        .filter(|r| r.text == "中共XX县财政局党组民主生活会材料")
        .count();
    assert_eq!(header_copies, 3);
}

#[test]
fn branch_member_with_paragraph_findings_headed_by_their_first_sentence() {
    let imported = check_sample("branch_member");
    assert_eq!(counts(&imported), [2, 3, 2, 2]);
    let d = &imported.draft;
    assert_eq!(d.title, "2024年度组织生活会个人发言材料");
    assert_eq!(d.sections[0].heading, "查摆的问题");
    assert_eq!(
        category_titles(&imported),
        [
            "在学习贯彻党的创新理论方面",
            "在增强党性、严守纪律、砥砺作风方面",
            "在服务群众、攻坚克难方面",
            "在发挥先锋模范作用方面"
        ]
    );
    assert_eq!(
        headlines(&imported, 1),
        [
            "纪律意识有所淡化",
            "工作作风不够扎实",
            "批评与自我批评开展不够"
        ]
    );
    assert!(d.opening.starts_with("（普通党员）\n按照党支部"));
    assert!(after_problems(d).starts_with("原因分析"));
    assert!(
        imported.removed.is_empty(),
        "{:?}",
        removed_texts(&imported)
    );
}

#[test]
fn numbered_findings_keep_their_sub_points() {
    let imported = check_sample("subpoints");
    // `（1）` `（2）` inside a `1、` finding never start findings of their own.
    assert_eq!(counts(&imported), [2, 2, 2, 2]);
    let d = &imported.draft;
    assert_eq!(
        headlines(&imported, 1),
        ["改革攻坚力度不够", "科技创新投入不足"]
    );
    let f = &d.categories()[1].findings[0];
    assert!(
        f.body.starts_with("具体有两个方面：\n（1）三项制度改革"),
        "{}",
        f.body
    );
    assert!(f.body.contains("\n（2）亏损企业治理"), "{}", f.body);
    assert!(
        d.categories()[0].findings[0]
            .body
            .contains("；（2）学用结合不够"),
    );
    assert_eq!(
        headlines(&imported, 3),
        ["监督管理存在盲区", "廉洁提醒不够经常"]
    );
    assert!(d.categories()[3].findings[0].body.ends_with("研究不够。"));
    assert!(after_problems(d).starts_with("原因剖析"));
}

#[test]
fn ordinal_qiyi_and_semicolon_separated_findings() {
    let imported = check_sample("ordinal_styles");
    assert_eq!(counts(&imported), [2, 2, 3, 2]);
    let d = &imported.draft;
    assert_eq!(d.sections[0].heading, "存在的突出问题");
    assert_eq!(headlines(&imported, 0), ["学习深度不够", "学习转化不够"]);
    assert_eq!(
        headlines(&imported, 1),
        ["纪律意识还不够牢固", "组织生活不够严肃"]
    );
    // `一是……；二是……；三是……。`: short clauses are headlines on their own.
    assert_eq!(
        headlines(&imported, 2),
        [
            "攻坚克难的勇气不足",
            "主动服务的意识不强",
            "为群众办实事的成效不够明显"
        ]
    );
    assert_eq!(d.categories()[2].findings[0].body, "");
    assert_eq!(
        d.categories()[2].findings[2].body,
        "全年解决群众急难愁盼问题只有6件。"
    );
    // `第一，组织力不够强，……；`: a long sentence is headed by its first clause.
    assert_eq!(
        headlines(&imported, 3),
        ["组织力不够强", "党员管理不够严格"]
    );
    assert_eq!(d.categories()[3].title, "在发挥支部战斗堡垒作用方面");
    assert_eq!(
        after_problems(d),
        "问题产生的原因\n一是理论学习不够深入。二是党性修养有所放松。三是责任担当有所弱化。\n以上发言，不妥之处，请同志们批评指正。"
    );
}

#[test]
fn obfuscated_contacts_are_seen_through() {
    let imported = check_sample("obfuscated_ads");
    assert_eq!(counts(&imported), [2, 2, 2, 2]);
    let d = &imported.draft;
    assert_eq!(d.title, "2024年度民主生活会个人对照检查材料");
    assert_eq!(
        headlines(&imported, 1),
        ["改革思路不够开阔", "推动落实力度不够"]
    );
    // The contact glued between two findings goes with its brackets; both findings stay.
    assert_eq!(
        d.categories()[1].findings[0].body,
        "推进分管领域改革时，习惯于“摸着石头过河”，对重大改革事项的系统谋划不够。"
    );
    let all = all_text(&imported);
    for junk in [
        "微",
        "薇",
        "威信",
        "V",
        "v",
        "q",
        "扫码",
        "搜索",
        "领取",
        "备注",
        "材料定制",
        "笔杆子",
        "BGZ",
        "ＢＧＺ",
        "138",
        "２８８",
        "通用版",
        "\u{200B}",
    ] {
        assert!(!all.contains(junk), "{junk} in {all}");
    }
    assert_eq!(imported.removed.len(), 12, "{:?}", removed_texts(&imported));
}

#[test]
fn gbk_text_with_crlf_line_ends() {
    let text = fixture("gbk_notepad.txt").replace('\n', "\r\n");
    let bytes = encoding_rs::GBK.encode(&text).0.into_owned();
    assert!(std::str::from_utf8(&bytes).is_err());
    let material = import::decode_bytes(&bytes).unwrap();
    assert_eq!(material.encoding, "GB18030");
    assert_eq!(material.text, text);
    let imported = check_text("gbk_notepad", &material.text);
    assert_eq!(counts(&imported), [2, 2, 2, 2, 2, 2]);
    let d = &imported.draft;
    assert_eq!(d.title, "主题教育专题民主生活会个人检视剖析材料");
    assert_eq!(d.sections[0].heading, "检视存在的问题");
    assert_eq!(
        category_titles(&imported),
        [
            "在理论学习方面",
            "在政治素质方面",
            "在能力本领方面",
            "在担当作为方面",
            "在工作作风方面",
            "在廉洁自律方面"
        ]
    );
    // Full-width `１．` numbering is numbering.
    assert_eq!(
        headlines(&imported, 3),
        ["攻坚克难的劲头不足", "改革创新意识不强"]
    );
    assert_eq!(
        after_problems(d),
        "问题产生的原因\n一是理论学习不够深入。二是党性锻炼有所放松。三是宗旨意识有所淡化。"
    );
    for text in draft_texts(d) {
        assert!(!text.contains(['\r', '\t']), "{text:?}");
    }
    assert_eq!(imported.removed.len(), 2);
}

#[test]
fn word_document_with_styled_paragraphs_and_page_footers() {
    let spec = fixture("docx_styled.txt");
    let material = import::decode_bytes(&styled_docx_bytes(&spec)).unwrap();
    assert_eq!(material.kind, import::MaterialKind::Docx);
    // The footer part is not the document; the runs of a paragraph are one line.
    assert!(!material.text.contains("example"));
    assert!(
        material
            .text
            .contains("\n在2024年度民主生活会上的对照检查发言\n")
            || material
                .text
                .starts_with("在2024年度民主生活会上的对照检查发言\n")
    );
    let imported = check_text("docx_styled", &material.text);
    assert_eq!(counts(&imported), [2, 2, 2, 2]);
    let d = &imported.draft;
    assert_eq!(d.title, "在2024年度民主生活会上的对照检查发言");
    assert_eq!(d.sections[0].heading, "存在的问题");
    assert_eq!(
        category_titles(&imported),
        [
            "在带头强化政治忠诚、提高政治能力方面",
            "在带头深化改革、推进中国式现代化方面",
            "在带头严守纪律规矩、加强作风建设方面",
            "在带头落实全面从严治党政治责任方面"
        ]
    );
    assert!(
        d.opening
            .starts_with("XX市XX局局长　张××\n（2025年1月15日）\n根据市委统一安排"),
        "{}",
        d.opening
    );
    assert_eq!(
        headlines(&imported, 1),
        ["改革推进力度不够", "服务发展意识不强"]
    );
    // A soft line break inside a sentence is joined.
    assert_eq!(
        d.categories()[3].findings[1].body,
        "对个别干部的苗头性问题提醒教育不及时，存在“好人主义”思想。"
    );
    let removed = removed_texts(&imported);
    assert_eq!(removed, ["第 1 页 共 3 页", "— 2 —", "第 3 页 共 3 页"]);
    assert!(
        after_problems(d).ends_with("三是严守纪律规矩。"),
        "{}",
        after_problems(d)
    );
}

#[test]
fn masks_and_everyday_words_in_real_sentences_stay() {
    let imported = check_sample("masks_legit");
    assert!(
        imported.removed.is_empty(),
        "{:?}",
        removed_texts(&imported)
    );
    assert_eq!(counts(&imported), [2, 3, 3, 2]);
    let d = &imported.draft;
    assert_eq!(d.title, "XX同志在20××年度民主生活会上的个人对照检查材料");
    assert!(d.opening.starts_with("根据×××〔20××〕×号文件要求"));
    assert_eq!(
        headlines(&imported, 2),
        [
            "在群众中的威信还不够高",
            "调查研究不够扎实",
            "原创性举措不多"
        ]
    );
    let all = all_text(&imported);
    for kept in [
        "通过微信群收集群众意见23条",
        "对单位公众号发布的信息审核把关不严",
        "服务企业的质量还不高",
        "协会会员单位有36家",
        "群众通过扫码评价窗口服务",
        "12345客服热线",
        "下载“学习强国”",
        "对免费领取的慰问品登记管理不规范。",
        "**村",
        "20××年×月",
        "××社区",
    ] {
        assert!(all.contains(kept), "{kept} lost");
    }
}

#[test]
fn seed_and_samples_in_gb18030() {
    for name in [
        "seed_material",
        "wenku_page",
        "wechat_article",
        "pdf_copy",
        "paste_plain",
        "m1",
        "wechat_account",
        "doc_site_page",
        "pdf_wrapped",
        "branch_member",
        "subpoints",
        "ordinal_styles",
        "gbk_notepad",
        "masks_legit",
    ] {
        let text = fixture(&format!("{name}.txt"));
        let bytes = encoding_rs::GB18030.encode(&text).0.into_owned();
        let material = import::decode_bytes(&bytes).unwrap();
        assert_eq!(material.encoding, "GB18030", "{name}");
        assert_eq!(material.text, text, "{name}");
    }
}
