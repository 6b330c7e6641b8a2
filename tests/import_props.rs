//! Property tests: importing never panics, and never loses or invents a character.

mod import_support;

use import_support::*;
use pouxi::clean::{self, Rules};
use pouxi::import;
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::LazyLock;

static RULES: LazyLock<Rules> = LazyLock::new(Rules::builtin);

static SEED_PIECES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let seed = [
        "seed_material.txt",
        "wenku_page.txt",
        "pdf_copy.txt",
        "doc_site_page.txt",
        "pdf_wrapped.txt",
        "obfuscated_ads.txt",
        "wechat_account.txt",
    ]
    .map(fixture)
    .concat();
    let mut pieces = Vec::new();
    for line in seed.lines() {
        pieces.push(line.to_owned());
        // Sentence-sized fragments too, so short mixes still look like material.
        pieces.extend(line.split_inclusive('。').map(str::to_owned));
    }
    pieces
});

const MARKERS: &[&str] = &[
    "##paidbegin##",
    "##paidend##",
    "预览结束",
    "此处隐藏120字，下载后查看",
    "未完，全文共785字",
    "（一）",
    "(二)",
    "〔三〕",
    "【四】",
    "一、",
    "二、检视存在的问题",
    "三、原因剖析",
    "一是",
    "二是",
    "三是",
    "十一是",
    "统一是",
    "1、",
    "2.",
    "1.5",
    "（1）",
    "(2)",
    "第一，",
    "第二，",
    "①",
    "。",
    "：",
    "；",
    "！",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "　　",
    "  ",
    " ",
    "\t",
    "\u{200B}",
    "\u{FEFF}",
    "\u{2060}",
    "\u{0}",
    "\u{7}",
    "微^信",
    "客服：",
    "加微:abc",
    "【哒哒】",
    "××",
    "**村",
    "20**年",
    "2025 年",
    "以上是我的发言，请批评指正。",
    "来源：",
    "首页 > 范文",
    "（中华励志网）",
    "下载后可任意编辑",
    "— 2 —",
    "仅供参考",
    "QQ：12345678",
    "Ａｂ１",
    "在理论学习方面",
    "学习不够深入。",
    "“",
    "”",
    "【",
    "】",
    "（",
    "）",
    // Markdown, as an AI chat's copy button or a web clipper leaves it.
    "### ",
    "# ",
    "> ",
    "- ",
    "* ",
    "+ ",
    "---\n",
    "---\ntitle: 材料\nurl: https://a.cn/1\n---\n",
    "**",
    "****",
    "***",
    "___",
    "**（一）在理论学习方面**",
    "**一是学习不够深入。**",
    "![](https://mmbiz.qpic.cn/a.png)",
    "![封面](https://a.cn/b.jpg)",
    "[原文链接](https://a.cn/c)",
    "](",
    "![",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0..SEED_PIECES.len()).prop_map(|i| SEED_PIECES[i].clone()),
        4 => (0..MARKERS.len()).prop_map(|i| MARKERS[i].to_owned()),
        1 => "[a-z0-9 ，。；：！？、（）()【】“”一二三是方面\\n]{0,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(12).collect()),
    ]
}

fn material() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..30).prop_map(|pieces| pieces.concat())
}

fn check_flags(text: &str) {
    let flags = clean::find_ads(text, &RULES);
    let mut last_end = 0;
    for flag in &flags {
        assert!(flag.start < flag.end, "empty flag {flag:?}");
        assert!(flag.start >= last_end, "overlapping flags {flags:?}");
        assert_eq!(&text[flag.start..flag.end], flag.text);
        assert!(!flag.reason.is_empty());
        last_end = flag.end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn import_conserves_every_character(text in material()) {
        check_flags(&text);
        let imported = import::import_text(&text, &RULES, &BTreeSet::new());
        assert_conserved(&text, &imported);
        prop_assert!(imported.draft.ids_are_unique());
    }

    #[test]
    fn restoring_any_spans_still_conserves(text in material(), picks in proptest::collection::vec(0usize..40, 0..6)) {
        let restored: BTreeSet<usize> = picks.into_iter().collect();
        let imported = import::import_text(&text, &RULES, &restored);
        assert_conserved(&text, &imported);
        for (i, span) in imported.removed.iter().enumerate() {
            prop_assert_eq!(span.restored, restored.contains(&i));
        }
    }

    #[test]
    fn pasting_conserves_every_character(text in material()) {
        let (clean, removed) = clean::clean_pasted(&text, &RULES);
        let mut parts: Vec<&str> = vec![clean.as_str()];
        parts.extend(removed.iter().map(|r| r.text.as_str()));
        let mut got: Vec<char> = parts.concat().chars().filter(|c| !c.is_whitespace()).collect();
        let mut want: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
        got.sort_unstable();
        want.sort_unstable();
        prop_assert_eq!(got, want);
    }
}

fn any_bytes() -> impl Strategy<Value = Vec<u8>> {
    let prefixes: Vec<Vec<u8>> = vec![
        vec![],
        b"\xEF\xBB\xBF".to_vec(),
        vec![0xFF, 0xFE],
        vec![0xFE, 0xFF],
        b"PK\x03\x04".to_vec(),
        b"%PDF-".to_vec(),
    ];
    (
        proptest::sample::select(prefixes),
        proptest::collection::vec(any::<u8>(), 0..300),
    )
        .prop_map(|(mut prefix, rest)| {
            prefix.extend(rest);
            prefix
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in any_bytes()) {
        if let Ok(material) = import::decode_bytes(&bytes) {
            let imported = import::import_text(&material.text, &RULES, &BTreeSet::new());
            assert_conserved(&material.text, &imported);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn material_in_gb18030_decodes_and_imports(text in material()) {
        let bytes = encoding_rs::GB18030.encode(&text).0.into_owned();
        if let Ok(material) = import::decode_bytes(&bytes) {
            let imported = import::import_text(&material.text, &RULES, &BTreeSet::new());
            assert_conserved(&material.text, &imported);
        }
    }
}

#[test]
fn a_docx_of_random_material_never_panics() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 64,
        ..ProptestConfig::default()
    });
    runner
        .run(&material(), |text| {
            let bytes = docx_bytes(&text);
            if let Ok(material) = import::decode_bytes(&bytes) {
                let imported = import::import_text(&material.text, &RULES, &BTreeSet::new());
                assert_conserved(&material.text, &imported);
            }
            Ok(())
        })
        .unwrap();
}
