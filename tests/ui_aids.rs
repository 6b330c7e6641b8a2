//! The writing aids in the window: the 检查 panel and its jump, find and replace-all with its
//! single undo step, the originality meter, and length targets.

mod ui_support;
use ui_support::*;

use egui_kittest::kittest::Queryable;

#[test]
fn the_review_panel_lists_vague_findings_and_jumps_to_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), Some(fixture("seed_draft.ron")));
    harness.run();
    menu(&mut harness, "视图", "检查面板");
    harness.run_steps(3);
    harness.get_by_label("检查");
    // The nineteen vague findings are one folded item.
    harness.get_by_label_contains("在理论学习方面 · 一是 · 正文 等 19 处");
    // Its places open up; the one of （四）二是 takes the cursor to that finding's body.
    click_revealed(&mut harness, "全部 19 处");
    harness.run();
    let item = "（四）在担当作为方面 · 二是";
    harness
        .get_all_by_label_contains(item)
        .next()
        .expect("an item for （四）二是")
        .scroll_to_me();
    harness.run();
    harness
        .get_all_by_label_contains(item)
        .next()
        .unwrap()
        .click();
    harness.run();
    let focused = harness.get_by_label("（四）二是内容").is_focused()
        || harness.get_by_label("（四）二是标题").is_focused();
    assert!(focused, "the jump puts the cursor in the finding");
}

/// Clicks a button found by its label, scrolled into view first.
fn click_revealed(harness: &mut egui_kittest::Harness<'static, pouxi::app::PouxiApp>, label: &str) {
    harness
        .get_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("no “{label}”"))
        .scroll_to_me();
    harness.run();
    harness.get_all_by_label(label).next().unwrap().click();
}

#[test]
fn a_fix_is_one_click_and_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), Some(fixture("seed_draft.ron")));
    harness.run();
    menu(&mut harness, "视图", "检查面板");
    harness.run_steps(3);
    let before = harness.state().draft().clone();
    let body = |harness: &egui_kittest::Harness<'static, pouxi::app::PouxiApp>| {
        harness.state().draft().categories()[3].findings[3]
            .body
            .clone()
    };
    assert!(body(&harness).contains("合理述求"));

    click_revealed(&mut harness, "改为“诉求”");
    harness.run_steps(2);
    assert!(body(&harness).contains("合理诉求"), "{}", body(&harness));
    assert!(!body(&harness).contains("述求"));
    let mut expected = before.clone();
    expected.categories_mut().unwrap()[3].findings[3].body = body(&harness);
    assert_eq!(harness.state().draft(), &expected, "only that word changed");

    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(
        harness.state().draft(),
        &before,
        "one undo takes the fix back"
    );
}

#[test]
fn replace_all_fills_placeholders_everywhere_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    harness
        .get_all_by_label("＋ 新增问题")
        .next()
        .unwrap()
        .click();
    harness.run();
    harness
        .get_by_label("（一）一是标题")
        .type_text("××单位学习不够深入");
    harness.run();
    type_into(
        &mut harness,
        "（一）一是内容",
        "××同志带头学习少，××部门组织少。",
    );
    let before = harness.state().draft().clone();

    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::H);
    type_into(&mut harness, "查找", "××");
    harness.get_by_label("第 1/3 处");
    type_into(&mut harness, "替换为", "市委办");
    harness.get_by_label("全部替换").click();
    harness.run();
    let finding = &harness.state().draft().categories()[0].findings[0];
    assert_eq!(finding.headline, "市委办单位学习不够深入");
    assert_eq!(finding.body, "市委办同志带头学习少，市委办部门组织少。");
    harness.get_by_label("无匹配");

    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(
        harness.state().draft(),
        &before,
        "one undo restores every field"
    );
}

#[test]
fn find_next_walks_through_the_matches() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), Some(fixture("seed_draft.ron")));
    harness.run();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::F);
    type_into(&mut harness, "查找", "不够");
    let total = harness
        .state()
        .draft()
        .text_fields()
        .iter()
        .map(|(_, t)| t.matches("不够").count())
        .sum::<usize>();
    assert!(total > 10);
    harness.get_by_label(&format!("第 1/{total} 处"));
    harness.get_by_label("下一个").click();
    harness.run();
    harness.get_by_label(&format!("第 2/{total} 处"));
    harness.get_by_label("上一个").click();
    harness.run();
    harness.get_by_label("上一个").click();
    harness.run();
    harness.get_by_label(&format!("第 {total}/{total} 处"));
}

#[test]
fn the_originality_meter_falls_as_a_finding_is_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), Some(fixture("seed_material.txt")));
    harness.run();
    harness.get_by_label("导入").click();
    harness.run();
    // Every finding on screen (the list lays out only what is visible) reads fully copied.
    assert!(harness.get_all_by_label("照搬 100%").count() >= 5);

    // Rewrite the first finding's body in the writer's own words.
    let body =
        "本人2024年参加集中学习12次，撰写心得2篇，学用脱节，全年只在3次会议上结合分管工作谈体会。";
    harness.get_by_label("（一）一是内容").focus();
    harness.run();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("（一）一是内容").type_text(body);
    harness.run();
    assert_eq!(
        harness.state().draft().categories()[0].findings[0].body,
        body
    );
    let label = harness
        .query_all_by_label_contains("照搬 ")
        .map(|node| format!("{node:?}"))
        .find(|debug| !debug.contains("100%") && !debug.contains("照搬素材"));
    assert!(
        label.is_some(),
        "the rewritten finding reads less than 100%"
    );

    // 视图 → 标出照搬的文字 is offered once there is a fingerprint.
    menu(&mut harness, "视图", "标出照搬的文字");
}

#[test]
fn a_length_target_shows_how_far_the_draft_is() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), Some(fixture("seed_draft.ron")));
    harness.run();
    menu(&mut harness, "视图", "字数目标…");
    harness.get_by_label("字数目标");
    // Typed quickly right after the field takes the focus: every digit lands.
    for (nth, digits) in [(0, "3000"), (1, "5000")] {
        harness
            .get_all_by_label("全文（问题部分）")
            .nth(nth)
            .unwrap()
            .focus();
        harness.step();
        harness
            .get_all_by_label("全文（问题部分）")
            .nth(nth)
            .unwrap()
            .type_text(digits);
        harness.run();
    }
    harness.get_by_label("确定").click();
    harness.run();
    assert_eq!(
        harness.state().draft().targets.total.map(|t| t.bounds()),
        Some((3000, 5000))
    );
    let chars = harness.state().draft().char_count();
    // Phrase by phrase, as the status bar lays them out (a narrow window wraps between them).
    let shown = [
        format!(
            "目标 {} / 3,000–5,000 字",
            pouxi::draft::group_thousands(chars)
        ),
        format!("还差 {} 字", pouxi::draft::group_thousands(3000 - chars)),
    ];
    for phrase in &shown {
        assert!(
            harness.query_all_by_label(phrase).next().is_some(),
            "the status bar shows {phrase}"
        );
    }
    // The target is part of the draft: undo removes it.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert!(harness.state().draft().targets.total.is_none());
}

#[test]
fn the_targets_dialog_sets_targets_on_the_categories_it_shows() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    // Remove the first category: the dialog then lists the second one first, as （一）.
    let before = harness.state().draft().categories().len();
    let second = harness.state().draft().categories()[1].title.clone();
    let label = format!("（一）{second}");
    harness.get_all_by_label("删除类别").next().unwrap().click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "删除")
        .click();
    harness.run();
    assert_eq!(harness.state().draft().categories().len(), before - 1);
    menu(&mut harness, "视图", "字数目标…");
    harness.get_by_label("字数目标");
    // Ctrl+Z while the dialog is open must not shift the categories under its rows.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    harness.get_all_by_label(&label).next().unwrap().focus();
    harness.step();
    harness
        .get_all_by_label(&label)
        .next()
        .unwrap()
        .type_text("300");
    harness.run();
    harness.get_by_label("确定").click();
    harness.run();
    let draft = harness.state().draft();
    let targeted: Vec<(&str, usize)> = draft
        .categories()
        .iter()
        .filter_map(|c| c.target.map(|t| (c.title.as_str(), t.bounds().0)))
        .collect();
    assert_eq!(targeted, [(second.as_str(), 300)]);
}

#[test]
fn the_review_panel_shows_one_category_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), Some(fixture("seed_draft.ron")));
    harness.run();
    menu(&mut harness, "视图", "检查面板");
    harness.run_steps(3);
    // The wrong word 述求 sits in （四）; the vague findings run through every category.
    assert!(harness.query_by_label("改为“诉求”").is_some());
    let first = harness.state().draft().categories()[0].title.clone();

    harness.get_by_label("只看").click();
    harness.run();
    // The outline names the category too; the choice in the open list comes last.
    let option = format!("（一）{}", first.chars().take(14).collect::<String>());
    harness
        .get_all_by_label(&option)
        .last()
        .expect("the category among the choices")
        .click();
    harness.run_steps(2);
    assert!(
        harness.query_by_label("改为“诉求”").is_none(),
        "advice about （四） is hidden while only （一） is shown"
    );
    harness.get_by_label_contains("等 19 处");

    harness.get_by_label("只看").click();
    harness.run();
    harness.get_by_label("全部类别").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("改为“诉求”").is_some());
}

#[test]
fn ignored_advice_stays_away_after_saving_and_comes_back_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.ron");
    std::fs::copy(fixture("seed_draft.ron"), &path).unwrap();
    let mut harness = harness_at(dir.path(), Some(path.clone()));
    harness.run();
    menu(&mut harness, "视图", "检查面板");
    harness.run_steps(3);
    let before = harness.state().draft().clone();
    harness.get_by_label_contains("等 19 处");
    assert!(harness.query_by_label_contains("已忽略").is_none());

    click_revealed(&mut harness, "全部忽略（19 处）");
    harness.run_steps(2);
    assert!(
        harness.query_by_label_contains("等 19 处").is_none(),
        "the ignored advice goes at once"
    );
    harness.get_by_label("已忽略 19 处");
    assert!(
        harness.query_by_label("改为“诉求”").is_some(),
        "other advice stays"
    );
    assert_eq!(
        harness.state().draft().categories(),
        before.categories(),
        "ignoring changes no text"
    );

    // One undo step brings it back; redo ignores it again.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    assert_eq!(harness.state().draft(), &before);
    harness.get_by_label_contains("等 19 处");
    press(
        &mut harness,
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("等 19 处").is_none());

    // Saved with the draft: opened again, it stays ignored, in the window and in `check`.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(3);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("dismissed"), "{saved}");
    drop(harness);
    let mut reopened = harness_at(dir.path(), Some(path.clone()));
    reopened.run();
    menu(&mut reopened, "视图", "检查面板");
    reopened.run_steps(3);
    reopened.get_by_label("已忽略 19 处");
    assert!(reopened.query_by_label_contains("等 19 处").is_none());

    click_revealed(&mut reopened, "全部恢复");
    // Brought back by the next review, a moment after the change.
    reopened.run();
    reopened.get_by_label_contains("等 19 处");
    assert!(reopened.query_by_label_contains("已忽略").is_none());
    assert!(reopened.state().draft().dismissed.is_empty());
}
