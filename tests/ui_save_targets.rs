//! Issue 18, case 5 in the window: 另存为 never writes the draft over the material it was
//! imported from, nor over a link or hard link to that material or to the open draft. Each
//! refusal is a Chinese message and the file keeps its bytes.
#![cfg(unix)]

mod ui_support;
use ui_support::*;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pouxi::app::PouxiApp;
use pouxi::ui::Modal;
use std::path::{Path, PathBuf};

const MATERIAL: &str =
    "对照检查材料\n一、存在的问题\n（一）在理论学习方面\n一是学习不够深入。全年只读了2本原著。\n";

fn import(harness: &mut Harness<'_, PouxiApp>, material: &Path) {
    press(harness, egui::Modifiers::COMMAND, egui::Key::I);
    answer_prompt(harness, "素材文件路径（.txt / .docx）：", material);
    harness.get_by_label("导入").click();
    harness.run();
    assert_eq!(
        harness.state().draft().categories()[0].title,
        "在理论学习方面"
    );
}

fn save_as(harness: &mut Harness<'_, PouxiApp>, target: &Path) {
    press(
        harness,
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    answer_prompt(harness, "文件路径（.ron）：", target);
}

fn refusal(harness: &Harness<'_, PouxiApp>) -> String {
    match harness.state().modal() {
        Some(Modal::Message { title, text }) => {
            assert_eq!(title, "保存失败");
            text.clone()
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn material_in(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, MATERIAL).unwrap();
    path
}

#[test]
fn save_as_onto_the_imported_material_or_a_link_to_it_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let material = material_in(dir.path(), "素材.txt");
    let symlink = dir.path().join("链接.txt");
    std::os::unix::fs::symlink(&material, &symlink).unwrap();
    let hard = dir.path().join("硬链接.ron");
    std::fs::hard_link(&material, &hard).unwrap();

    let mut harness = harness_at(dir.path(), None);
    harness.run();
    import(&mut harness, &material);
    for target in [&material, &symlink, &hard] {
        save_as(&mut harness, target);
        let text = refusal(&harness);
        assert!(text.contains("导入过的素材文件"), "{text}");
        harness.get_by_label("确定").click();
        harness.run();
        assert!(harness.state().modal().is_none());
        assert_eq!(std::fs::read_to_string(&material).unwrap(), MATERIAL);
        assert!(harness.state().document().path().is_none());
    }
    // Any other name saves.
    let elsewhere = dir.path().join("稿件.ron");
    save_as(&mut harness, &elsewhere);
    assert!(
        harness.state().modal().is_none(),
        "{:?}",
        harness.state().modal()
    );
    assert_eq!(
        pouxi::store::load_draft(&elsewhere).unwrap().categories()[0].title,
        "在理论学习方面"
    );
    assert_eq!(std::fs::read_to_string(&material).unwrap(), MATERIAL);
}

#[test]
fn save_as_onto_a_link_to_the_open_draft_is_refused_but_its_own_name_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("稿件.ron");
    let mut draft = pouxi::draft::Template::default_template().to_draft();
    draft.title = "原稿".into();
    pouxi::store::save_draft(&path, &draft).unwrap();
    let hard = dir.path().join("硬链接.ron");
    std::fs::hard_link(&path, &hard).unwrap();
    let symlink = dir.path().join("链接.ron");
    std::os::unix::fs::symlink(&path, &symlink).unwrap();

    let mut harness = harness_at(dir.path(), Some(path.clone()));
    harness.run();
    type_into(&mut harness, "标题", "（改）");
    for target in [&hard, &symlink] {
        save_as(&mut harness, target);
        let text = refusal(&harness);
        assert!(text.contains("另一个名字"), "{text}");
        harness.get_by_label("确定").click();
        harness.run();
        assert!(harness.state().modal().is_none());
        assert_eq!(pouxi::store::load_draft(&hard).unwrap().title, "原稿");
        assert_eq!(harness.state().document().path(), Some(path.as_path()));
    }
    // Its own name is an ordinary save.
    save_as(&mut harness, &path);
    assert!(
        harness.state().modal().is_none(),
        "{:?}",
        harness.state().modal()
    );
    assert_eq!(pouxi::store::load_draft(&path).unwrap().title, "原稿（改）");
}
