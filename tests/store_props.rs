//! Property tests for the draft file format: loading any bytes never panics, whatever loads
//! saves and loads again unchanged, and any draft a person can type survives a save.
//!
//! A normal run tries a few thousand inputs per property in a few seconds. The long run counts
//! outcomes too: `POUXI_FUZZ_CASES=1000000 cargo test --release --test store_props -- --ignored
//! --nocapture`.

use pouxi::draft::{
    Category, CategoryId, DEFAULT_HEADING, Dismissal, Dismissals, Draft, Finding, FindingId,
    Section, SectionBody, SectionId, SectionKind, TextField,
};
use pouxi::store::recovery::{RecoveryMeta, recovery_from_ron, recovery_to_ron};
use pouxi::store::{self, StoreErrorKind};
use proptest::prelude::*;
use std::path::PathBuf;
use std::sync::LazyLock;

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

fn config(default: u32) -> ProptestConfig {
    ProptestConfig {
        cases: cases(default),
        // Failures print their minimal input; there is no src/ beside tests/ to persist into.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn sample(title: &str, findings: usize) -> Draft {
    let mut draft = Draft::with_categories(
        title,
        DEFAULT_HEADING,
        &["在理论学习方面", "在政治素质方面", "在能力本领方面"],
    );
    let first = draft.max_id() + 1;
    for n in 0..findings {
        draft.categories_mut().unwrap()[n % 3]
            .findings
            .push(Finding {
                id: FindingId(first + n as u64),
                headline: format!("第{n}条问题\"引号\"。"),
                body: "正文\n第二行\t\\反斜杠 “中文引号” r#\"raw\"#".repeat(1 + n % 3),
            });
    }
    draft.opening = "开头。".into();
    draft.closing = "结尾。".into();
    if findings > 0 {
        draft.dismissed.insert(Dismissal {
            field: TextField::Body(FindingId(first)),
            rule: "blaming_circumstances/工作忙".into(),
            words: "正文\n第二行".into(),
        });
        draft.dismissed.insert(Dismissal {
            field: TextField::Title,
            rule: "title_leftover".into(),
            words: String::new(),
        });
    }
    draft
}

/// Valid draft files to mutate: small ones (fast) and the real seed draft.
static BASES: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let seed = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed_draft.ron"),
    )
    .unwrap();
    vec![
        store::draft_to_ron(&sample("一", 0)).into_bytes(),
        store::draft_to_ron(&sample("二", 4)).into_bytes(),
        store::draft_to_ron(&sample("三", 9)).into_bytes(),
        seed,
    ]
});

/// Pieces of RON and of the draft format, to splice in where they can confuse a parser.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "\\",
    "\\u{",
    "\\u{FFFF}",
    "\\x",
    "r#\"",
    "\"#",
    "//",
    "/*",
    "*/",
    "\n",
    " ",
    "0",
    "-1",
    "1e999",
    "18446744073709551616",
    "0x",
    "true",
    "None",
    "Some(",
    "()",
    "#![enable(implicit_some)]",
    "format",
    "version",
    "\"pouxi-draft\"",
    "title",
    "categories",
    "findings",
    "id",
    "headline",
    "body",
    "opening",
    "closing",
    "heading",
    "一是",
    "。",
    "\u{feff}",
    "\u{0}",
    "\u{200b}",
    "\u{10ffff}",
];

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Delete(usize, usize),
    InsertBytes(usize, Vec<u8>),
    InsertToken(usize, usize),
    Overwrite(usize, u8),
    Duplicate(usize, usize),
}

fn ascii() -> impl Strategy<Value = u8> {
    prop_oneof![0x20u8..0x7f, Just(b'\n'), Just(b'\t')]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Mostly changes that keep the text UTF-8, so the parser (not the UTF-8 check) is tested.
    prop_oneof![
        2 => any::<usize>().prop_map(Mutation::Truncate),
        2 => (any::<usize>(), 0usize..64).prop_map(|(at, n)| Mutation::Delete(at, n)),
        2 => (any::<usize>(), prop::collection::vec(ascii(), 1..8))
            .prop_map(|(at, b)| Mutation::InsertBytes(at, b)),
        1 => (any::<usize>(), prop::collection::vec(any::<u8>(), 1..4))
            .prop_map(|(at, b)| Mutation::InsertBytes(at, b)),
        4 => (any::<usize>(), 0..TOKENS.len()).prop_map(|(at, t)| Mutation::InsertToken(at, t)),
        2 => (any::<usize>(), ascii()).prop_map(|(at, b)| Mutation::Overwrite(at, b)),
        2 => (any::<usize>(), 1usize..200).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
    ]
}

/// RON values of every kind, with the draft format's field names, nested a few levels.
fn ron_value() -> impl Strategy<Value = String> {
    const FIELDS: &[&str] = &[
        "format",
        "version",
        "title",
        "heading",
        "opening",
        "closing",
        "categories",
        "findings",
        "id",
        "headline",
        "body",
        "extra",
    ];
    let leaf = prop_oneof![
        Just("()".to_owned()),
        any::<bool>().prop_map(|b| b.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|f| format!("{f:?}")),
        "[a-z一是\\\"\\n ]{0,12}".prop_map(|s| format!("{s:?}")),
        any::<char>().prop_map(|c| format!("{c:?}")),
        Just("None".to_owned()),
        Just("\"pouxi-draft\"".to_owned()),
    ];
    leaf.prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(|v| format!("[{}]", v.join(", "))),
            prop::collection::vec((0..FIELDS.len(), inner.clone()), 0..6).prop_map(|v| {
                let fields: Vec<String> = v
                    .iter()
                    .map(|(f, x)| format!("{}: {x}", FIELDS[*f]))
                    .collect();
                format!("({})", fields.join(", "))
            }),
            prop::collection::vec((inner.clone(), inner.clone()), 0..4).prop_map(|v| {
                let pairs: Vec<String> = v.iter().map(|(k, x)| format!("{k}: {x}")).collect();
                format!("{{{}}}", pairs.join(", "))
            }),
            inner.prop_map(|x| format!("Some({x})")),
        ]
    })
}

/// A draft header followed by fields of any shape: tests the typed part of the parser.
fn shaped_draft() -> impl Strategy<Value = Vec<u8>> {
    (
        prop_oneof![8 => Just(1u32), 1 => Just(0u32), 1 => Just(2u32)],
        prop::collection::vec((0usize..7, ron_value()), 0..6),
    )
        .prop_map(|(version, fields)| {
            const NAMES: &[&str] = &[
                "title",
                "heading",
                "opening",
                "closing",
                "categories",
                "note",
                "categories",
            ];
            let mut text = format!("(format: \"pouxi-draft\", version: {version}");
            for (name, value) in fields {
                text.push_str(&format!(", {}: {value}", NAMES[name]));
            }
            text.push(')');
            text.into_bytes()
        })
}

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len();
        let at = |pos: usize| if len == 0 { 0 } else { pos % (len + 1) };
        match m {
            Mutation::Truncate(pos) => bytes.truncate(at(*pos)),
            Mutation::Delete(pos, n) => {
                let start = at(*pos);
                let end = (start + n).min(len);
                bytes.drain(start..end);
            }
            Mutation::InsertBytes(pos, b) => {
                let start = at(*pos);
                bytes.splice(start..start, b.iter().copied());
            }
            Mutation::InsertToken(pos, t) => {
                let start = at(*pos);
                bytes.splice(start..start, TOKENS[*t].bytes());
            }
            Mutation::Overwrite(pos, b) => {
                if len > 0 {
                    bytes[pos % len] = *b;
                }
            }
            Mutation::Duplicate(pos, n) => {
                let start = at(*pos);
                let end = (start + n).min(len);
                let copy = bytes[start..end].to_vec();
                bytes.splice(end..end, copy);
            }
        }
    }
    bytes
}

fn mutated_draft() -> impl Strategy<Value = Vec<u8>> {
    // The small bases three times as often as the 11 KB seed draft. Byte-level cuts split
    // Chinese characters, so most results are made valid UTF-8 again (U+FFFD where a character
    // was cut) to reach the parser; the rest stay raw.
    (
        prop_oneof![3 => 0usize..3, 1 => Just(3usize)],
        prop::collection::vec(mutation(), 1..8),
        prop::bool::weighted(0.75),
    )
        .prop_map(|(base, mutations, repair)| {
            let bytes = apply(BASES[base].clone(), &mutations);
            if repair {
                String::from_utf8_lossy(&bytes).into_owned().into_bytes()
            } else {
                bytes
            }
        })
}

fn token_soup() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(0..TOKENS.len(), 0..80)
        .prop_map(|picks| picks.iter().flat_map(|&t| TOKENS[t].bytes()).collect())
}

/// Text a person might type or paste: any Unicode, weighted towards the awkward characters.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(
            prop_oneof![
                Just('"'),
                Just('\\'),
                Just('\n'),
                Just('\r'),
                Just('\t'),
                Just('\u{0}'),
                Just('\u{feff}'),
                Just('\u{200b}'),
                Just('#'),
                Just('“'),
                Just('一'),
                any::<char>(),
            ],
            0..40
        )
        .prop_map(|chars| chars.into_iter().collect()),
    ]
}

fn any_draft() -> impl Strategy<Value = Draft> {
    (
        any_text(),
        any_text(),
        any_text(),
        any_text(),
        prop::collection::vec(
            (
                any_text(),
                prop::collection::vec((any_text(), any_text()), 0..4),
            ),
            0..4,
        ),
    )
        .prop_map(|(title, heading, opening, closing, categories)| {
            let mut next = 1u64;
            let mut id = || {
                next += 1;
                next
            };
            let mut dismissed = Dismissals::new();
            let mut draft = Draft {
                title,
                opening,
                closing,
                sections: vec![Section {
                    id: SectionId(1),
                    kind: SectionKind::Problems,
                    heading,
                    body: SectionBody::Categories(
                        categories
                            .into_iter()
                            .map(|(title, findings)| Category {
                                id: CategoryId(id()),
                                title,
                                findings: findings
                                    .into_iter()
                                    .map(|(headline, body)| {
                                        let finding = Finding {
                                            id: FindingId(id()),
                                            headline,
                                            body,
                                        };
                                        dismissed.insert(Dismissal {
                                            field: TextField::Body(finding.id),
                                            rule: format!("wrong_word/{}", finding.headline),
                                            words: finding.body.clone(),
                                        });
                                        finding
                                    })
                                    .collect(),
                                ..Category::default()
                            })
                            .collect(),
                    ),
                }],
                ..Draft::default()
            };
            draft.dismissed = dismissed;
            draft
        })
}

/// Whatever loads must save and load again to the same draft.
fn check_load(bytes: &[u8]) -> Result<(), TestCaseError> {
    match store::draft_from_bytes(bytes) {
        Ok(draft) => {
            prop_assert!(draft.ids_are_unique());
            let again = store::draft_from_ron(&store::draft_to_ron(&draft));
            prop_assert_eq!(again, Ok(draft));
        }
        Err(StoreErrorKind::Damaged(detail)) => prop_assert!(!detail.is_empty()),
        Err(
            StoreErrorKind::Empty
            | StoreErrorKind::NotText
            | StoreErrorKind::NotADraft
            | StoreErrorKind::NewerVersion(_),
        ) => {}
        Err(other) => prop_assert!(false, "unexpected error kind {other:?}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(3000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check_load(&bytes)?;
    }

    #[test]
    fn token_soup_never_panics(bytes in token_soup()) {
        check_load(&bytes)?;
    }

    #[test]
    fn mutated_drafts_never_panic(bytes in mutated_draft()) {
        check_load(&bytes)?;
    }

    #[test]
    fn drafts_of_any_shape_never_panic(bytes in shaped_draft()) {
        check_load(&bytes)?;
    }
}

proptest! {
    // Fewer cases: generating arbitrary Unicode text is slow in a debug build.
    #![proptest_config(config(300))]

    #[test]
    fn any_typed_draft_survives_a_save(draft in any_draft()) {
        let text = store::draft_to_ron(&draft);
        prop_assert_eq!(store::draft_from_ron(&text), Ok(draft.clone()));
        let meta = RecoveryMeta { original: Some(PathBuf::from("/稿件/一.ron")), written_at: 7 };
        let (back, back_meta, chars) = recovery_from_ron(&recovery_to_ron(&draft, &meta)).unwrap();
        prop_assert_eq!(back, draft.clone());
        prop_assert_eq!(back_meta, meta);
        prop_assert_eq!(chars, draft.char_count());
    }

    /// The whole door, from a file on disk (fewer cases: each one writes a file).
    #[test]
    fn files_on_disk_never_panic(bytes in mutated_draft()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("稿件.ron");
        std::fs::write(&path, &bytes).unwrap();
        let from_file = store::load_draft(&path).map_err(|e| e.kind);
        prop_assert_eq!(from_file, store::draft_from_bytes(&bytes));
    }
}

fn outcome(bytes: &[u8]) -> &'static str {
    match store::draft_from_bytes(bytes) {
        Ok(_) => "loaded",
        Err(StoreErrorKind::Empty) => "empty",
        Err(StoreErrorKind::NotText) => "not text",
        Err(StoreErrorKind::NotADraft) => "not a draft",
        Err(StoreErrorKind::NewerVersion(_)) => "newer version",
        Err(StoreErrorKind::Damaged(_)) => "damaged",
        Err(_) => "other",
    }
}

/// The long run: `POUXI_FUZZ_CASES` inputs (default 200 000) from each generator, with the
/// same checks as above, counting how each input ended.
#[test]
#[ignore = "long run; see the module comment"]
fn long_fuzz_run() {
    use proptest::test_runner::{Config, TestRunner};
    use std::cell::RefCell;
    use std::collections::BTreeMap;
    let n: u32 = std::env::var("POUXI_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200_000);
    let generators: [(&str, BoxedStrategy<Vec<u8>>); 4] = [
        (
            "arbitrary bytes",
            prop::collection::vec(any::<u8>(), 0..2048).boxed(),
        ),
        ("token soup", token_soup().boxed()),
        ("mutated drafts", mutated_draft().boxed()),
        ("drafts of any shape", shaped_draft().boxed()),
    ];
    for (name, strategy) in generators {
        let started = std::time::Instant::now();
        let counts: RefCell<BTreeMap<&str, u64>> = RefCell::new(BTreeMap::new());
        let mut runner = TestRunner::new(Config {
            cases: n,
            ..config(n)
        });
        let result = runner.run(&strategy, |bytes| {
            *counts.borrow_mut().entry(outcome(&bytes)).or_default() += 1;
            check_load(&bytes)
        });
        eprintln!(
            "{name}: {n} inputs in {:.1} s: {:?}",
            started.elapsed().as_secs_f64(),
            counts.borrow()
        );
        if let Err(failure) = result {
            panic!("{name}: {failure}");
        }
    }
}
