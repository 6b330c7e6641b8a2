//! Version-1 drafts (the problems part only) open as a whole speech with one 检视问题 section;
//! saving writes version 2 and the `.bak` keeps the version-1 file. Run on every v1 fixture.

use pouxi::draft::{SectionBody, SectionKind};
use pouxi::store::{self, backup_path_for};

/// Every draft fixture that is still in format version 1.
fn v1_fixtures() -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .filter(|p| std::fs::read_to_string(p).unwrap().contains("version: 1,"))
        .collect();
    found.sort();
    found
}

#[test]
fn every_v1_fixture_migrates_and_its_bak_keeps_the_v1_file() {
    let fixtures = v1_fixtures();
    assert!(fixtures.len() >= 2, "{fixtures:?}");
    for fixture in fixtures {
        let original = std::fs::read_to_string(&fixture).unwrap();
        let draft = store::load_draft(&fixture).unwrap();
        assert_eq!(draft.sections.len(), 1, "{fixture:?}");
        let section = &draft.sections[0];
        assert_eq!(section.kind, SectionKind::Problems);
        assert!(matches!(section.body, SectionBody::Categories(_)));
        // The typed number goes: it is derived from position now.
        assert!(
            !section.heading.starts_with(['一', '二', '三']) || !section.heading.contains('、'),
            "{}",
            section.heading
        );
        assert!(draft.ids_are_unique());

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("稿件.ron");
        std::fs::write(&path, &original).unwrap();
        let loaded = store::load_draft(&path).unwrap();
        store::save_draft(&path, &loaded).unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        assert!(saved.contains("version: 2,"), "{saved}");
        let bak = std::fs::read_to_string(backup_path_for(&path).unwrap()).unwrap();
        assert_eq!(bak, original, "the .bak is the version-1 file");
        // Version 2 reads back to the same draft.
        assert_eq!(store::load_draft(&path).unwrap(), loaded);
    }
}

#[test]
fn opening_closing_and_targets_stay_as_they_are() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let draft = store::load_draft(&dir.join("v1_opening_closing.ron")).unwrap();
    assert!(draft.opening.contains("一、2023年度问题整改情况"));
    assert_eq!(draft.closing, "三、努力方向\n今后我将坚持不懈加强学习。");
    assert_eq!(draft.sections[0].heading, "存在的问题");
    assert!(draft.targets.total.is_some());
    assert!(draft.categories()[0].target.is_some());
    assert_eq!(draft.categories()[0].findings[0].headline, "学习不够深入");

    let seed = store::load_draft(&dir.join("seed_draft.ron")).unwrap();
    assert_eq!(seed.sections[0].heading, "检视存在的问题");
    assert_eq!(
        seed.categories()
            .iter()
            .map(|c| c.findings.len())
            .collect::<Vec<_>>(),
        [3, 3, 3, 4, 3, 3]
    );
}
