//! Traps: things an ad filter or a parser easily gets wrong.

mod import_support;

use import_support::*;
use pouxi::clean::{self, Rules, find_ads};
use pouxi::import::{self, ImportError};
use std::collections::BTreeSet;

fn import(text: &str) -> import::Imported {
    let imported = import::import_text(text, &Rules::builtin(), &BTreeSet::new());
    assert_conserved(text, &imported);
    imported
}

fn all_text(imported: &import::Imported) -> String {
    draft_texts(&imported.draft).join("\n")
}

const HEAD: &str = "材料标题\n二、检视存在的问题\n";

#[test]
fn content_between_paid_markers_is_kept() {
    let text = format!(
        "{HEAD}（一）在理论学习方面。一是学习不够。正文一。\n##paidbegin##（二）在政治素质方面。一是站位不高。正文二。二是定位不准。正文三。\n##paidend##\n预览结束，下载后查看完整内容\n"
    );
    let imported = import(&text);
    let c = &imported.draft.categories();
    assert_eq!(c.len(), 2);
    assert_eq!(c[1].findings.len(), 2);
    assert_eq!(c[1].findings[1].body, "正文三。");
    assert!(!all_text(&imported).contains("paid"));
    assert!(!all_text(&imported).contains("预览"));
}

#[test]
fn tong_yi_shi_and_mid_sentence_counting_words_do_not_split() {
    let text = format!(
        "{HEAD}（一）在理论学习方面。一是思想统一是前提。我们要做到统一是非标准，认为其一是关键。二是学习不深。讲到一是一、二是二的作风。三是研究不够。正文。"
    );
    let imported = import(&text);
    let f = &imported.draft.categories()[0].findings;
    let heads: Vec<&str> = f.iter().map(|f| f.headline.as_str()).collect();
    assert_eq!(heads, ["思想统一是前提", "学习不深", "研究不够"]);
    assert!(f[0].body.contains("统一是非标准"));
    assert!(f[1].body.contains("一是一、二是二"));
}

#[test]
fn ads_glued_into_a_sentence_are_cut_and_the_sentence_stays() {
    let text = format!(
        "{HEAD}（一）在理论学习方面。一是学习不够。在工作中（中华励志网）经常满足于完成规定动作。下载后可任意编辑\n润笔请加微:abc123 二是研究不深。对理论的理解停留在表面。"
    );
    let imported = import(&text);
    let f = &imported.draft.categories()[0].findings;
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].body, "在工作中经常满足于完成规定动作。");
    assert_eq!(f[1].headline, "研究不深");
    let removed: Vec<&str> = imported.removed.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        removed,
        ["（中华励志网）", "下载后可任意编辑", "润笔请加微:abc123"]
    );
    for r in &imported.removed {
        assert!(!r.reason.is_empty());
    }
}

#[test]
fn masks_stay() {
    let text = format!(
        "{HEAD}（一）在工作作风方面。一是调研不深。在××镇和**村调研时，20**年只去了xxx次，XX同志提醒过我。"
    );
    let imported = import(&text);
    let body = &imported.draft.categories()[0].findings[0].body;
    assert_eq!(
        body,
        "在××镇和**村调研时，20**年只去了xxx次，XX同志提醒过我。"
    );
    assert!(imported.removed.is_empty());
}

#[test]
fn zero_width_obfuscated_contact_line_is_removed() {
    let zw = '\u{200B}';
    let text = format!(
        "{HEAD}（一）在理论学习方面。一是学习不够。正文。\n加{zw}微{zw}信：dang{zw}jian2024，获取{zw}全套{zw}材料\n客{zw}服{zw}Q{zw}Q：12345678\n"
    );
    let imported = import(&text);
    let all = all_text(&imported);
    assert!(!all.contains("dang"), "{all}");
    assert!(!all.contains("12345678"), "{all}");
    assert!(!all.contains(zw));
    assert_eq!(imported.draft.categories()[0].findings[0].body, "正文。");
}

#[test]
fn obfuscated_sales_talk_is_removed() {
    for line in [
        "[【某某服务】高质量，质%量保障@，绝对保密，包满意，直接添加客服微^信：,为您提供高&质量~服务！]",
        "专业代写各类材料，ＶＩＰ会员群每日更新，联系ＱＱ：８８６６１１２２",
        "需要的小伙伴请添加 客 服 ： ，谨防假冒！",
    ] {
        let flags = find_ads(line, &Rules::builtin());
        let covered: usize = flags.iter().map(|f| f.text.chars().count()).sum();
        assert!(covered >= line.chars().count() - 1, "{line}: {flags:?}");
    }
}

#[test]
fn real_content_with_common_words_is_kept() {
    let text = format!(
        "{HEAD}（一）在工作作风方面。一是为民服务宗旨树立不牢。服务群众的质量不高，推动高质量发展的招法不多。二是党员教育管理不严。对党员干部的日常监督不够，协会会员单位的联系服务不够经常，有时通过微信群布置工作。三是学习笔记存在找人代写的问题。去年下载学习资料后没有认真研读，原创的心得体会少。"
    );
    let imported = import(&text);
    assert!(imported.removed.is_empty(), "{:?}", imported.removed);
    let f = &imported.draft.categories()[0].findings;
    assert_eq!(f.len(), 3);
    assert_eq!(f[0].headline, "为民服务宗旨树立不牢");
    assert!(f[1].body.contains("微信群"));
}

#[test]
fn site_chrome_and_disclaimers_go() {
    let text = "首页 > 范文 > 心得体会 > 剖析材料\n篇一：个人剖析材料\n来源：某某网  责任编辑：李四\n浏览量：1024\n发布时间：2024-01-01\n（一）在理论学习方面。一是学习不够。正文。\n此文献不代表本站观点，内容仅供参考。\n如有侵权请联系删除。\n本文来源于网络。\n未完，全文共785字\n公文写作神器 立即了解\n";
    let imported = import(text);
    let all = all_text(&imported);
    for word in [
        "首页",
        "篇一",
        "来源",
        "责任编辑",
        "浏览",
        "发布时间",
        "本站",
        "侵权",
        "未完",
        "神器",
    ] {
        assert!(!all.contains(word), "{word} in {all}");
    }
    assert_eq!(imported.draft.title, "个人剖析材料");
    assert_eq!(imported.draft.categories()[0].findings[0].body, "正文。");
}

#[test]
fn find_ads_agrees_with_what_import_removes() {
    let rules = Rules::builtin();
    for name in [
        "seed_material.txt",
        "wenku_page.txt",
        "wechat_article.txt",
        "pdf_copy.txt",
        "paste_plain.txt",
        "m1.txt",
        "wechat_account.txt",
        "doc_site_page.txt",
        "pdf_wrapped.txt",
        "obfuscated_ads.txt",
        "masks_legit.txt",
    ] {
        let text = fixture(name);
        let flags = find_ads(&text, &rules);
        let imported = import::import_text(&text, &rules, &BTreeSet::new());
        let removed: Vec<(usize, usize)> =
            imported.removed.iter().map(|r| (r.start, r.end)).collect();
        let flagged: Vec<(usize, usize)> = flags.iter().map(|f| (f.start, f.end)).collect();
        assert_eq!(removed, flagged, "{name}");
        for flag in &flags {
            assert_eq!(&text[flag.start..flag.end], flag.text);
        }
        assert_ad_free(&imported.draft, &rules);
    }
}

#[test]
fn pasted_text_is_cleaned_for_one_finding() {
    let (text, removed) = clean::clean_pasted(
        "在工作中经常满足于完成规定动作（中华励志网），学习的针对性\n需要加强，2025 年 学习笔记不足 1 万字。\n【哒哒素材库】每日更新，会员群+网盘群，客服微信：abc\n",
        &Rules::builtin(),
    );
    assert_eq!(
        text,
        "在工作中经常满足于完成规定动作，学习的针对性需要加强，2025年学习笔记不足1万字。"
    );
    assert_eq!(removed.len(), 2);
}

#[test]
fn user_rules_extend_the_builtin_ones() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my-rules.ron");
    std::fs::write(
        &path,
        r#"(
            rules: [
                (id: "my-site", kind: Cut, words: ["【笔杆子文苑】"], reason: "网站信息"),
                (id: "my-line", kind: Line, pattern: r"^本期编辑", reason: "网站信息"),
            ],
        )"#,
    )
    .unwrap();
    let rules = Rules::builtin_with_user(&path).unwrap();
    assert_eq!(rules.len(), Rules::builtin().len() + 2);
    let flags = find_ads("一是学习不够【笔杆子文苑】。\n本期编辑 王五", &rules);
    let texts: Vec<&str> = flags.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, ["【笔杆子文苑】", "本期编辑 王五"]);
    assert!(
        Rules::load_user(&dir.path().join("missing.ron"))
            .unwrap()
            .is_none()
    );
    std::fs::write(
        &path,
        "(rules: [(id: \"x\", kind: Cut, pattern: \"(\", reason: \"r\")])",
    )
    .unwrap();
    let err = Rules::load_user(&path).unwrap_err();
    assert!(err.message_zh().contains("x"));
}

#[test]
fn unreadable_files_give_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let missing = dir.path().join("none.txt");
    assert!(matches!(
        import::read_material(&missing),
        Err(ImportError::NotFound(_))
    ));
    assert_eq!(
        import::read_material(&write("empty.txt", b"")),
        Err(ImportError::Empty)
    );
    assert_eq!(
        import::read_material(&write("blank.txt", b" \n\r\n ")),
        Err(ImportError::Empty)
    );
    let elf = [&b"\x7fELF\x02\x01\x01\0"[..], &[0u8; 64], &[0x90u8; 64]].concat();
    assert_eq!(
        import::read_material(&write("a.bin", &elf)),
        Err(ImportError::Binary)
    );
    assert_eq!(
        import::read_material(&write("fake.docx", "一是学习不够。".as_bytes())),
        Err(ImportError::NotDocx)
    );
    assert_eq!(
        import::read_material(&write(
            "old.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0"
        )),
        Err(ImportError::LegacyDoc)
    );
    assert_eq!(
        import::read_material(&write("a.pdf", b"%PDF-1.7\n%\xE2\xE3")),
        Err(ImportError::Pdf)
    );
    assert!(matches!(
        import::read_material(dir.path()),
        Err(ImportError::NotAFile(_))
    ));
    // A file over the cap is refused from its size alone (sparse: nothing is written).
    let big = dir.path().join("big.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(import::MAX_FILE_BYTES + 1)
        .unwrap();
    let read_before = bytes_read_by_this_thread();
    let err = import::read_material(&big).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { .. }));
    // Refused from its size: not a byte of it was read.
    if let (Some(before), Some(after)) = (read_before, bytes_read_by_this_thread()) {
        assert!(after - before < 4096, "read {} bytes", after - before);
    }
    assert!(err.message_zh().contains("MB"));
    assert!(err.to_string().contains("too large"));
}

#[test]
fn docx_zip_bomb_and_garbage_are_refused() {
    // A document.xml that inflates past the cap: refused without building it in memory.
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("word/document.xml", options).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..65 {
        zip.write_all(&chunk).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 1 << 20);
    assert_eq!(import::decode_bytes(&bytes), Err(ImportError::DocxTooLarge));
    // A zip without a document.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("hello.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"hi").unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    assert_eq!(import::decode_bytes(&bytes), Err(ImportError::NotDocx));
    // Broken XML.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all("<w:document><w:body><w:p><w:t>一是</w:x></w:body>".as_bytes())
        .unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    assert_eq!(import::decode_bytes(&bytes), Err(ImportError::BadDocx));
    // Markup is not text.
    let material = import::decode_bytes(&docx_bytes("一是<学习>&")).unwrap();
    assert_eq!(material.text, "一是<学习>&");
}

#[test]
fn check_report_serialises_as_promised() {
    let rules = Rules::builtin();
    let mut imported = import::import_text(&fixture("seed_material.txt"), &rules, &BTreeSet::new());
    imported.draft.categories_mut().unwrap()[1].findings[0]
        .body
        .push_str("添加客服微信：abc123，领取全套材料。");
    imported.draft.categories_mut().unwrap()[2].findings.clear();
    let report = pouxi::check::report(&imported.draft, &rules);
    assert!(!report.is_clean());
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(json["categories"].as_array().unwrap().len(), 6);
    assert_eq!(json["categories"][0]["findings"], 3);
    assert!(json["categories"][0]["chars"].as_u64().unwrap() > 300);
    assert_eq!(
        json["total_chars"].as_u64().unwrap() as usize,
        imported.draft.char_count()
    );
    let flagged = json["flagged"].as_array().unwrap();
    assert_eq!(flagged.len(), 1);
    assert!(
        flagged[0]["where"]
            .as_str()
            .unwrap()
            .contains("（二）在政治素质方面")
    );
    assert!(flagged[0]["text"].as_str().unwrap().contains("abc123"));
    assert!(flagged[0]["reason"].as_str().unwrap().starts_with("广告"));
    assert_eq!(json["empty_categories"][0], "在能力本领方面");
    let text = report.to_text();
    assert!(text.contains("疑似广告") && text.contains("（三）在能力本领方面"));
}

#[test]
fn common_site_junk_is_removed_whole() {
    let rules = Rules::builtin();
    let junk = [
        "【下载本文档，可以自由复制内容或自由编辑修改内容，更多精彩文章，期待你的好评和关注，我将一如既往为您服务】",
        "本文档由文库用户上传分享",
        "第 1 页 共 5 页",
        "精品文档，欢迎下载",
        "——WORD文档，下载后可编辑修改——",
        "文档可能无法思考全面，请浏览后下载！",
        "（此文档为word格式，可任意修改编辑！）",
        "本文档下载自文档之家，www.doczj.com-免费文档分享平台，众多试卷、习题答案、公务员考试等文档分类汇总，仅供学习参考。",
        "声明：本资料由会员上传，版权归原作者。",
        "更多范文请访问 fanwen.com",
        "扫描下方二维码，关注更多精彩内容",
        "原标题：民主生活会对照检查材料",
        "【本文地址：http://www.example.com/a/123.html】",
        "关键词：民主生活会 对照检查",
        "责编：王五",
        "温馨提示：本文档为付费文档，请下载后查看完整内容",
        "VIP专享文档",
        "第1页 / 共8页",
        "限时特价 ￥19.9 立即下载",
        "全文阅读已结束，下载本文需要使用 3 积分",
        "已阅读5页，剩余25页未读，继续阅读",
        "展开阅读全文",
        "本文由 admin 于 2024-01-01 发表",
        "原创声明：本文为原创，转载请注明出处",
        "作者：李四  来源：某某网  时间：2024-01-01",
        "感谢您的阅读，祝您生活愉快。",
        "谢谢阅读",
        "欢迎下载",
        "-END-",
        "往期推荐",
        "喜欢就点个在看吧",
        "编辑 | 张三  审核 | 李四",
        "图片来源：网络",
        "专业代写民主生活会材料，微信同号，价格优惠",
        "需要完整版请私信",
        "获取完整版请关注公众号回复“生活会”",
    ];
    for line in junk {
        let flags = find_ads(line, &rules);
        let covered: usize = flags
            .iter()
            .map(|f| strip_ws(&f.text).chars().count())
            .sum();
        assert_eq!(covered, strip_ws(line).chars().count(), "{line}: {flags:?}");
    }
}

#[test]
fn everyday_speech_content_is_never_flagged() {
    let rules = Rules::builtin();
    let content = [
        "对单位微信公众号的内容审核把关不严，存在信息发布不及时的问题。",
        "推行“扫码办事”，群众满意度有所提升，但线上服务质量还不高。",
        "认真阅读原文原著，撰写读书笔记3万字。",
        "组织党员下载“学习强国”APP，但督促学习不够经常。",
        "在政府网站上公开的信息更新不及时，群众反映的问题回复慢。",
        "对协会会员单位的服务不够主动。",
        "免费为群众提供法律咨询服务12次。",
        "原创性的工作思路不多，照搬照抄其他地区的做法。",
        "关注群众的急难愁盼问题不够。",
        "对下载文件的保密管理不严格，存在泄密隐患。",
        "客服热线12345接到群众投诉后，办理不及时。",
        "全年共开展调研12次，形成调研报告5篇。",
        "对网上的错误言论没有及时发声，在朋友圈转发未经核实的消息。",
        "作为党员，没有积极参加志愿服务活动，为群众办实事不多。",
        "存在找人代写心得体会、学习笔记应付检查的问题。",
        "对“互联网+政务服务”一网通办改革推进不力，一键办理事项仅占20%。",
        "在带头严守纪律方面：",
        "扫描二维码即可反映问题的渠道宣传不够，群众知晓率不高。",
        "为您提供优质服务是窗口单位的承诺，但个别工作人员态度生硬。",
        "来源于群众的意见建议12条，已全部整改。",
        "高质量发展",
        "需要进一步加强。",
        "在网络意识形态方面，对本单位网站、公众号、微博等平台的管理不够严格。",
        "对“会员制”“积分制”等创新做法学习借鉴不够。",
        "全年接待来访群众120人次，办理“12345”热线工单350件。",
        "存在“重部署、轻落实”现象，有的工作“一键转发”了事。",
        "对上级的原创性改革举措理解不深。",
        "全体党员的学习笔记平均只有0.8万字，与要求相差较大。",
        "对下属单位的微信工作群管理不严，存在泄密风险。",
        "客服中心服务质量投诉率较上年上升2个百分点。",
        // An office's own account (heldout48, http://www.7rdy.cn/show/7528.html): the people's
        // private messages to it are its work, not a page's "message me".
        "个别微信公众号仍不能及时回复群众私信，互动回应较差。",
        "在推进“放管服”改革中，一键登录、扫码办理等便民措施推广不够。",
        "对群众反映的问题，有时只是让其添加工作人员微信了事，跟踪不够。",
        "时间：2023年12月25日",
        "联系群众不够紧密，下基层调研每月不足2次。",
        "对照检查的问题",
        "本人认真学习了相关文件，现将个人对照检查情况报告如下。",
        "第一，统筹谋划不够。",
        "（2）政治能力有待提升。",
        "一是为民服务宗旨树立不牢，为您服务的意识不强。",
        "学习“两个确立”仅停留于会员大会上的集中学习。",
        "认为下载的文件仅供参考，没有认真研读。",
        "我对这一职业的认知主要来源于网络和媒体，缺乏实际了解。",
        "二、对照检查的问题",
    ];
    for line in content {
        let flags = find_ads(line, &rules);
        assert!(flags.is_empty(), "{line}: {flags:?}");
    }
    // Nor as a whole document where every line sits next to the others.
    let text = format!("{HEAD}（一）在工作作风方面\n{}", content.join("\n"));
    assert!(find_ads(&text, &rules).is_empty());
}
