//! The command line, run as a user runs it: the real binary, in a temporary folder, with its
//! config and data folders pointed into that folder.

use pouxi::draft::Draft;
use pouxi::store;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `pouxi args…` in `dir`.
fn pouxi(dir: &Path, args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_pouxi"))
        .args(args)
        .current_dir(dir)
        .env("POUXI_CONFIG_DIR", dir.join("config"))
        .env("POUXI_DATA_DIR", dir.join("data"))
        .output()
        .expect("the pouxi binary runs");
    Output {
        code: output.status.code().expect("pouxi exits with a code"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).expect("fixture")
}

fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{feff}')
        .collect()
}

/// A plain English sentence, not a panic or a debug dump.
fn assert_sentence(stderr: &str) {
    let line = stderr.trim_end().lines().last().unwrap_or_default();
    assert!(
        line.starts_with(|c: char| c.is_alphanumeric() || c == '/') && line.ends_with('.'),
        "not a sentence: {stderr:?}"
    );
    for word in ["panicked", "Error {", "Err(", "RUST_BACKTRACE"] {
        assert!(!stderr.contains(word), "{word} in {stderr:?}");
    }
}

/// Imports the seed material into `dir/seed.ron`.
fn import_seed(dir: &Path) -> (PathBuf, Output) {
    let out = dir.join("seed.ron");
    let material = fixture_path("seed_material.txt");
    let run = pouxi(
        dir,
        &[
            "import",
            material.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    (out, run)
}

/// The seed draft with an ad written into the body of （三）'s second finding.
fn flagged_draft(dir: &Path) -> PathBuf {
    let mut draft: Draft =
        store::draft_from_ron(&fixture("seed_draft.ron")).expect("seed_draft.ron parses");
    let body = &mut draft.categories_mut().unwrap()[2].findings[1].body;
    body.insert_str(0, "添加客服微信：dada123，领取资料。");
    let path = dir.join("flagged.ron");
    store::save_draft(&path, &draft).unwrap();
    path
}

fn no_leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".pouxi-tmp"))
        .collect()
}

#[test]
fn version_and_help_still_work() {
    let dir = tempfile::tempdir().unwrap();
    let run = pouxi(dir.path(), &["--version"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout.trim(),
        format!("pouxi {}", env!("CARGO_PKG_VERSION"))
    );
    let run = pouxi(dir.path(), &["--help"]);
    assert_eq!(run.code, 0);
    for word in ["import", "check", "export", "[DRAFT]"] {
        assert!(run.stdout.contains(word), "{word} in {}", run.stdout);
    }
}

#[test]
fn import_seed_writes_a_draft_and_lists_what_it_removed() {
    let dir = tempfile::tempdir().unwrap();
    let (out, run) = import_seed(dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty(), "the draft went to the file");

    let draft = store::load_draft(&out).expect("a Pouxi draft file");
    let counts: Vec<usize> = draft
        .categories()
        .iter()
        .map(|c| c.findings.len())
        .collect();
    assert_eq!(counts, [3, 3, 3, 4, 3, 3]);

    let removed: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("removed ["))
        .collect();
    assert!(
        removed.contains(&"removed [付费墙标记] ##paidbegin##"),
        "{removed:?}"
    );
    assert!(
        removed.contains(&"removed [付费墙标记] ##paidend##"),
        "{removed:?}"
    );
    assert!(
        removed.iter().any(|l| l.contains("哒哒素材库")),
        "{removed:?}"
    );
    assert!(
        run.stderr
            .contains(&format!("Removed {} ad-like spans", removed.len())),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("encoding UTF-8."), "{}", run.stderr);
    assert!(
        run.stderr.contains("Found 6 categories with 19 findings"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("（四）在担当作为方面: 4 findings"),
        "{}",
        run.stderr
    );
    assert!(no_leftovers(dir.path()).is_empty());
}

#[test]
fn import_gb18030_material_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let material = fixture("seed_material.txt");
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&material);
    assert!(!unmappable);
    std::fs::write(dir.path().join("材料.txt"), &bytes).unwrap();

    let run = pouxi(dir.path(), &["import", "材料.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("encoding GB18030."), "{}", run.stderr);
    assert!(!run.stderr.contains("UTF-8"), "{}", run.stderr);
    let draft = store::draft_from_ron(&run.stdout).expect("stdout is a draft file");
    let counts: Vec<usize> = draft
        .categories()
        .iter()
        .map(|c| c.findings.len())
        .collect();
    assert_eq!(counts, [3, 3, 3, 4, 3, 3]);
}

#[test]
fn import_of_garbage_or_nothing_fails_with_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(dir.path().join("garbage.bin"), garbage).unwrap();
    std::fs::write(dir.path().join("fake.docx"), "not a zip").unwrap();
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    for input in ["garbage.bin", "fake.docx", "missing.txt", "folder"] {
        let run = pouxi(dir.path(), &["import", input, "-o", "out.ron"]);
        assert_eq!(run.code, 2, "{input}: {}", run.stderr);
        assert!(run.stdout.is_empty());
        assert_sentence(&run.stderr);
        assert!(run.stderr.contains(input), "{input}: {}", run.stderr);
        assert!(!dir.path().join("out.ron").exists());
    }
}

#[test]
fn import_refuses_to_overwrite_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let material = dir.path().join("材料.txt");
    std::fs::copy(fixture_path("seed_material.txt"), &material).unwrap();
    let run = pouxi(dir.path(), &["import", "材料.txt", "-o", "./材料.txt"]);
    assert_eq!(run.code, 2);
    assert_sentence(&run.stderr);
    assert_eq!(
        std::fs::read_to_string(&material).unwrap(),
        fixture("seed_material.txt")
    );
}

#[test]
fn a_broken_user_rule_file_is_a_sentence_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("config")).unwrap();
    std::fs::write(dir.path().join("config/rules.ron"), "(rules: [(id: ").unwrap();
    std::fs::copy(fixture_path("seed_draft.ron"), dir.path().join("seed.ron")).unwrap();
    let material = fixture_path("seed_material.txt");
    for args in [
        vec!["import", material.to_str().unwrap()],
        vec!["check", "seed.ron"],
        vec!["export", "seed.ron", "-o", "out.txt"],
    ] {
        let run = pouxi(dir.path(), &args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}");
        assert!(run.stderr.contains("rules.ron"), "{}", run.stderr);
        assert_sentence(&run.stderr);
    }
    assert!(!dir.path().join("out.txt").exists());
}

#[test]
fn the_user_rule_file_is_used() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("config")).unwrap();
    std::fs::write(
        dir.path().join("config/rules.ron"),
        r#"(rules: [(id: "mine", kind: Cut, words: ["学习举措强度不够"], reason: "我的规则")])"#,
    )
    .unwrap();
    std::fs::copy(fixture_path("seed_draft.ron"), dir.path().join("seed.ron")).unwrap();
    let run = pouxi(dir.path(), &["check", "seed.ron"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("[我的规则]"), "{}", run.stdout);
}

#[test]
fn check_of_the_imported_seed_is_clean_and_its_json_parses() {
    let dir = tempfile::tempdir().unwrap();
    let (out, run) = import_seed(dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);

    let run = pouxi(dir.path(), &["check", out.to_str().unwrap(), "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let categories = json["categories"].as_array().expect("categories");
    let findings: Vec<u64> = categories
        .iter()
        .map(|c| c["findings"].as_u64().expect("findings"))
        .collect();
    assert_eq!(findings, [3, 3, 3, 4, 3, 3]);
    assert_eq!(categories[0]["title"], "在理论学习方面");
    let chars: u64 = categories
        .iter()
        .map(|c| c["chars"].as_u64().expect("chars"))
        .sum();
    let total = json["total_chars"].as_u64().expect("total_chars");
    assert!(chars > 2000 && total > chars, "{chars} {total}");
    assert_eq!(json["flagged"], serde_json::json!([]));

    let run = pouxi(dir.path(), &["check", out.to_str().unwrap()]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("（四）在担当作为方面  4 条"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("未发现广告"), "{}", run.stdout);
}

#[test]
fn check_lists_an_ad_left_in_a_body_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let draft = flagged_draft(dir.path());
    let draft = draft.to_str().unwrap();

    let run = pouxi(dir.path(), &["check", draft]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("（三）在能力本领方面 · 二是 · 正文：添加客服微信：dada123"),
        "{}",
        run.stdout
    );
    assert_sentence(&run.stderr);

    let run = pouxi(dir.path(), &["check", draft, "--json"]);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let flagged = json["flagged"].as_array().expect("flagged");
    assert_eq!(flagged.len(), 1, "{flagged:?}");
    assert!(flagged[0]["text"].as_str().unwrap().contains("dada123"));
    assert_eq!(flagged[0]["category"], 3);
    assert_eq!(flagged[0]["finding"], 2);
}

#[test]
fn check_of_a_missing_damaged_or_foreign_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let text = fixture("seed_draft.ron");
    std::fs::write(dir.path().join("damaged.ron"), &text[..text.len() / 2]).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "一些笔记").unwrap();
    std::fs::write(dir.path().join("binary.ron"), [0xff, 0xfe, 0, 1, 2]).unwrap();
    for (file, says) in [
        ("missing.ron", "does not exist"),
        ("damaged.ron", "damaged"),
        ("notes.txt", "not a Pouxi draft"),
        ("binary.ron", "not a text file"),
    ] {
        for json in [false, true] {
            let mut args = vec!["check", file];
            if json {
                args.push("--json");
            }
            let run = pouxi(dir.path(), &args);
            assert_eq!(run.code, 2, "{file}: {}", run.stderr);
            assert!(run.stdout.is_empty(), "{file}");
            assert!(run.stderr.contains(says), "{file}: {}", run.stderr);
            assert_sentence(&run.stderr);
        }
    }
}

#[test]
fn export_of_the_seed_to_txt_is_the_expected_text() {
    let dir = tempfile::tempdir().unwrap();
    let (imported, run) = import_seed(dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let fixture_draft = fixture_path("seed_draft.ron");
    for draft in [imported.as_path(), fixture_draft.as_path()] {
        let run = pouxi(
            dir.path(),
            &["export", draft.to_str().unwrap(), "-o", "发言.txt"],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stderr.contains("Wrote the speech to 发言.txt"));
        let text = std::fs::read_to_string(dir.path().join("发言.txt")).unwrap();
        // The seed holds only the problems part, typed as 二、; the number is derived now, so the
        // speech's only section is 一、.
        let expected = fixture("seed_expected.txt").replacen("二、检视", "一、检视", 1);
        assert_eq!(squeeze(&text), squeeze(&expected));
        assert!(text.starts_with("2023年") && !text.contains('\r'));
    }
    assert!(no_leftovers(dir.path()).is_empty());
}

#[test]
fn export_options_reach_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture_path("seed_draft.ron"), dir.path().join("seed.ron")).unwrap();
    let run = pouxi(
        dir.path(),
        &[
            "export",
            "seed.ron",
            "-o",
            "out.txt",
            "--layout",
            "paragraphs",
            "--bom",
            "--crlf",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bytes = std::fs::read(dir.path().join("out.txt")).unwrap();
    assert_eq!(bytes[..3], [0xEF, 0xBB, 0xBF]);
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(
        text.contains("\u{3000}\u{3000}（一）在理论学习方面\r\n"),
        "{text}"
    );
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());

    let run = pouxi(
        dir.path(),
        &["export", "seed.ron", "-o", "out.md", "--layout", "sideways"],
    );
    assert_eq!(run.code, 2);
    assert!(!dir.path().join("out.md").exists());
}

#[test]
fn export_to_docx_writes_a_word_package() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture_path("seed_draft.ron"), dir.path().join("seed.ron")).unwrap();
    let run = pouxi(dir.path(), &["export", "seed.ron", "-o", "发言.DOCX"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let file = std::fs::File::open(dir.path().join("发言.DOCX")).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("a zip file");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains("学习举措强度不够"));
}

#[test]
fn export_notes_what_it_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut draft: Draft = store::draft_from_ron(&fixture("seed_draft.ron")).unwrap();
    draft.categories_mut().unwrap()[5].findings.clear();
    store::save_draft(&dir.path().join("short.ron"), &draft).unwrap();
    let run = pouxi(dir.path(), &["export", "short.ron", "-o", "out.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("Note: 已略去没有问题的类别 1 个：在廉洁自律方面"),
        "{}",
        run.stderr
    );
}

#[test]
fn export_notes_the_slots_left_unfilled_and_writes_them_as_they_stand() {
    let dir = tempfile::tempdir().unwrap();
    let mut draft: Draft = store::draft_from_ron(&fixture("seed_draft.ron")).unwrap();
    draft.categories_mut().unwrap()[1].findings[0]
        .body
        .insert_str(0, "我作为××局党组成员，");
    store::save_draft(&dir.path().join("slot.ron"), &draft).unwrap();
    let run = pouxi(dir.path(), &["export", "slot.ron", "-o", "out.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "Note: 1 unfilled placeholder prints as written: （二）在政治素质方面 · 一是 · 正文 “××”."
        ),
        "{}",
        run.stderr
    );
    let written = std::fs::read_to_string(dir.path().join("out.txt")).unwrap();
    assert!(written.contains("我作为××局党组成员"));

    // The seed itself has none, and says nothing of them.
    let run = pouxi(
        dir.path(),
        &[
            "export",
            fixture_path("seed_draft.ron").to_str().unwrap(),
            "-o",
            "seed.txt",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("placeholder"), "{}", run.stderr);
}

#[test]
fn export_refuses_a_flagged_draft_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let draft = flagged_draft(dir.path());
    let draft = draft.to_str().unwrap();
    std::fs::write(dir.path().join("old.txt"), "old").unwrap();
    for (out, layout) in [
        ("new.docx", "inline"),
        ("new.txt", "paragraphs"),
        ("old.txt", "inline"),
    ] {
        let run = pouxi(
            dir.path(),
            &["export", draft, "-o", out, "--layout", layout],
        );
        assert_eq!(run.code, 1, "{out}: {}", run.stderr);
        assert!(
            run.stderr.contains(
                "（三）在能力本领方面 · 二是 · 正文: [广告：客服联系方式] 添加客服微信：dada123"
            ),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("--allow-flagged"), "{}", run.stderr);
        assert_sentence(&run.stderr);
    }
    assert!(!dir.path().join("new.docx").exists());
    assert!(!dir.path().join("new.txt").exists());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("old.txt")).unwrap(),
        "old"
    );
    assert!(no_leftovers(dir.path()).is_empty());
}

#[test]
fn export_with_allow_flagged_writes() {
    let dir = tempfile::tempdir().unwrap();
    let draft = flagged_draft(dir.path());
    let run = pouxi(
        dir.path(),
        &[
            "export",
            draft.to_str().unwrap(),
            "-o",
            "out.txt",
            "--allow-flagged",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("dada123"), "the span is still shown");
    let text = std::fs::read_to_string(dir.path().join("out.txt")).unwrap();
    assert!(text.contains("添加客服微信：dada123"));
}

#[test]
fn export_to_an_unknown_extension_or_from_a_bad_draft_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture_path("seed_draft.ron"), dir.path().join("seed.ron")).unwrap();
    for (draft, out) in [
        ("seed.ron", "out.pdf"),
        ("seed.ron", "out"),
        ("missing.ron", "out.txt"),
        ("seed.ron", "no/such/folder/out.txt"),
    ] {
        let run = pouxi(dir.path(), &["export", draft, "-o", out]);
        assert_eq!(run.code, 2, "{draft} {out}: {}", run.stderr);
        assert_sentence(&run.stderr);
    }
    let run = pouxi(dir.path(), &["export", "seed.ron", "-o", "out.pdf"]);
    assert!(run.stderr.contains(".docx, .txt, .md"), "{}", run.stderr);
    for name in ["out.pdf", "out", "out.txt"] {
        assert!(!dir.path().join(name).exists(), "{name}");
    }
}

/// A compilation (篇一、篇二…): the first article by default, the others listed on stderr;
/// `--article N` takes another; a number past the end is a sentence, not a panic.
#[test]
fn import_of_a_compilation_takes_one_article() {
    let dir = tempfile::tempdir().unwrap();
    let material = "检视剖析材料2篇\n篇一：张三同志检视剖析材料\n一、存在的问题\n（一）在理论学习方面\n一是学习不够深入。全年只读了2本原著。\n\
                    篇二：李四同志检视剖析材料\n一、存在的问题\n（一）在工作作风方面\n一是调查研究不够。全年下基层3次。\n二是落实不够有力。有2项工作逾期。\n";
    std::fs::write(dir.path().join("合集.txt"), material).unwrap();

    let first = pouxi(dir.path(), &["import", "合集.txt"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first.stderr.contains("compilation of 2 articles"),
        "{}",
        first.stderr
    );
    assert!(
        first.stderr.contains("--article 2): 李四同志检视剖析材料"),
        "{}",
        first.stderr
    );
    let draft = store::draft_from_ron(&first.stdout).unwrap();
    assert_eq!(draft.categories().len(), 1);
    assert_eq!(draft.categories()[0].title, "在理论学习方面");
    assert!(!squeeze(&first.stdout).contains("李四"));

    let second = pouxi(dir.path(), &["import", "合集.txt", "--article", "2"]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    let draft = store::draft_from_ron(&second.stdout).unwrap();
    let counts: Vec<usize> = draft
        .categories()
        .iter()
        .map(|c| c.findings.len())
        .collect();
    assert_eq!(counts, [2]);
    assert_eq!(draft.categories()[0].title, "在工作作风方面");

    let missing = pouxi(dir.path(), &["import", "合集.txt", "--article", "5"]);
    assert_ne!(missing.code, 0);
    assert_sentence(&missing.stderr);
}

/// A category's lead is kept on import, exported after the category heading and before 一是,
/// and counted in `check --json`'s chars.
#[test]
fn a_category_lead_is_imported_exported_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let material = "对照检查材料\n一、存在的问题\n（一）在理论学习方面\n理论武装抓得不深，存在着“三多三少”：\n一是学习不够深入。全年只读了2本原著。\n二是研究不够系统。专题研讨仅1次。\n";
    std::fs::write(dir.path().join("材料.txt"), material).unwrap();
    let run = pouxi(dir.path(), &["import", "材料.txt", "-o", "稿.ron"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let draft = store::load_draft(&dir.path().join("稿.ron")).unwrap();
    assert_eq!(
        draft.categories()[0].lead,
        "理论武装抓得不深，存在着“三多三少”："
    );
    assert_eq!(draft.categories()[0].findings.len(), 2);

    for out in ["发言.txt", "发言.md"] {
        let export = pouxi(dir.path(), &["export", "稿.ron", "-o", out]);
        assert_eq!(export.code, 0, "{}", export.stderr);
        let text = squeeze(&std::fs::read_to_string(dir.path().join(out)).unwrap());
        let heading = text.find("在理论学习方面").unwrap();
        let lead = text.find("理论武装抓得不深").unwrap();
        let first = text.find("一是学习不够深入").unwrap();
        assert!(heading < lead && lead < first, "{out}: {text}");
    }
    let check = pouxi(dir.path(), &["check", "稿.ron", "--json"]);
    let report: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    let chars = report["categories"][0]["chars"].as_u64().unwrap() as usize;
    assert_eq!(chars, draft.categories()[0].char_count());
    assert!(
        chars
            > squeeze("在理论学习方面学习不够深入全年只读了2本原著研究不够系统专题研讨仅1次")
                .chars()
                .count()
    );
}

#[test]
fn check_leaves_out_advice_ignored_in_the_window_and_says_how_much() {
    let dir = tempfile::tempdir().unwrap();
    let mut draft: Draft =
        store::draft_from_ron(&fixture("seed_draft.ron")).expect("seed_draft.ron parses");
    let ignored = pouxi::review::run(&draft, &pouxi::clean::Rules::builtin())
        .iter()
        .find(|item| item.rule == "wrong_word/述求")
        .and_then(|item| item.dismissal(&draft))
        .expect("述求 is flagged and may be ignored");
    draft
        .apply(pouxi::draft::Command::Dismiss {
            dismissals: vec![ignored],
        })
        .unwrap();
    let path = dir.path().join("ignored.ron");
    store::save_draft(&path, &draft).unwrap();

    let run = pouxi(dir.path(), &["check", path.to_str().unwrap(), "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let rules: Vec<&str> = json["review"]
        .as_array()
        .expect("review")
        .iter()
        .filter_map(|entry| entry["rule"].as_str())
        .collect();
    assert!(!rules.contains(&"wrong_word/述求"), "{rules:?}");
    assert!(rules.contains(&"wrong_word/份内事"), "{rules:?}");
    assert_eq!(json["ignored"], 1);

    let run = pouxi(dir.path(), &["check", path.to_str().unwrap()]);
    assert!(
        run.stdout.contains("另有 1 处提示已在窗口中忽略"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("述求 → 诉求"), "{}", run.stdout);
}
