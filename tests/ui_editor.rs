//! Drives the real App through egui_kittest: clicks, typing, IME input, keyboard moves,
//! drag-and-drop, undo/redo, saving through the in-window path prompt, and the close question.

mod ui_support;
use ui_support::*;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pouxi::app::PouxiApp;
use pouxi::draft::Draft;
use pouxi::ui::Modal;
use std::path::Path;

fn headlines(draft: &Draft, category: usize) -> Vec<String> {
    draft.categories()[category]
        .findings
        .iter()
        .map(|f| f.headline.clone())
        .collect()
}

fn add_finding(harness: &mut Harness<'_, PouxiApp>, category: usize) {
    harness
        .get_all_by_label("＋ 新增问题")
        .nth(category)
        .unwrap()
        .click();
    harness.run();
}

fn save_through_prompt(harness: &mut Harness<'_, PouxiApp>, path: &Path) {
    let field = harness.get_by_label("文件路径（.ron）：");
    field.focus();
    harness.run();
    // Replace whatever the prompt suggested.
    press(harness, egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("文件路径（.ron）：")
        .type_text(&path.display().to_string());
    harness.run();
    harness.get_by_label("确定").click();
    harness.run();
}

#[test]
fn starts_with_the_categories_of_the_latest_template() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    let titles: Vec<String> = harness
        .state()
        .draft()
        .categories()
        .iter()
        .map(|c| c.title.clone())
        .collect();
    // New drafts start from the latest year's template: 2025, five 带头.
    assert_eq!(titles.len(), 5);
    assert_eq!(titles[0], "在带头强化政治忠诚、提高政治能力方面");
    for label in ["（一）类别标题", "（五）类别标题", "标题", "小标题"] {
        harness.get_by_label(label);
    }
    assert_eq!(
        harness.get_by_label("小标题").value().as_deref(),
        Some("存在的问题")
    );
    assert!(harness.state().window_title().contains("未命名稿件"));
}

#[test]
fn a_lead_can_be_written_where_the_category_had_none() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    assert!(harness.state().draft().categories()[1].lead.is_empty());
    type_into(&mut harness, "（二）导语", "政治能力还有差距：");
    assert_eq!(
        harness.state().draft().categories()[1].lead,
        "政治能力还有差距："
    );
}

#[test]
fn write_move_drag_undo_save_and_reload() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();

    // Two findings in （三）, the second written through an IME commit.
    add_finding(&mut harness, 2);
    harness
        .get_by_label("（三）一是标题")
        .type_text("业务水平不够高");
    harness.run();
    type_into(
        &mut harness,
        "（三）一是内容",
        "推动落实上级议定事项不够及时。",
    );
    add_finding(&mut harness, 2);
    assert!(harness.get_by_label("（三）二是标题").is_focused());
    harness.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "sixiang".into(),
        active_range_chars: None,
    }));
    harness.run();
    harness.event(egui::Event::Ime(egui::ImeEvent::Commit(
        "思维能力不够活".into(),
    )));
    harness.run();
    assert_eq!(
        headlines(harness.state().draft(), 2),
        ["业务水平不够高", "思维能力不够活"]
    );

    // Alt+↑ while the second headline has focus: it becomes 一是.
    press(&mut harness, egui::Modifiers::ALT, egui::Key::ArrowUp);
    assert_eq!(
        headlines(harness.state().draft(), 2),
        ["思维能力不够活", "业务水平不够高"]
    );
    assert_eq!(
        harness.get_by_label("（三）一是标题").value().as_deref(),
        Some("思维能力不够活")
    );
    assert_eq!(
        harness.get_by_label("（三）二是标题").value().as_deref(),
        Some("业务水平不够高")
    );

    // Drag 二是 of （三） by its handle onto the category （五）.
    let from = harness.get_by_label("拖动（三）二是").rect().center();
    let target = harness.get_by_label("（五）类别标题").rect().center();
    harness.drag_at(from);
    harness.run();
    harness.hover_at(from + egui::vec2(0.0, 30.0));
    harness.run();
    harness.hover_at(target);
    harness.run();
    harness.drop_at(target);
    harness.run();
    assert_eq!(headlines(harness.state().draft(), 2), ["思维能力不够活"]);
    assert_eq!(headlines(harness.state().draft(), 4), ["业务水平不够高"]);
    harness.get_by_label("（五）一是标题");

    // Undo the drag, redo it.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(
        headlines(harness.state().draft(), 2),
        ["思维能力不够活", "业务水平不够高"]
    );
    assert!(headlines(harness.state().draft(), 4).is_empty());
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Y);
    assert_eq!(headlines(harness.state().draft(), 4), ["业务水平不够高"]);

    // Save with Ctrl+S: never saved, so the path prompt asks where.
    assert!(harness.state().document().is_dirty());
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::S);
    let path = dir.path().join("稿件.ron");
    save_through_prompt(&mut harness, &path);
    assert!(
        !harness.state().document().is_dirty(),
        "{:?}",
        harness.state().modal()
    );
    assert!(harness.state().window_title().starts_with("稿件.ron"));
    let saved = harness.state().draft().clone();

    // A fresh App on the same file shows the same draft.
    let mut reopened = harness_at(dir.path(), Some(path.clone()));
    reopened.run();
    assert_eq!(reopened.state().draft(), &saved);
    assert_eq!(
        reopened.get_by_label("（五）一是标题").value().as_deref(),
        Some("业务水平不够高")
    );
    // And the file is in the recent files of the next start.
    assert_eq!(
        reopened.state().settings().recent_files.first(),
        Some(&path)
    );
}

#[test]
fn a_burst_of_typing_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    let label = "标题";
    harness.get_by_label(label).focus();
    harness.run();
    for piece in ["2023年", "主题", "教育"] {
        harness.get_by_label(label).type_text(piece);
        harness.run();
    }
    assert!(harness.state().draft().title.ends_with("主题教育"));
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(
        harness.state().draft().title,
        "2025年度民主生活会个人对照检查材料"
    );
}

#[test]
fn buttons_move_duplicate_and_delete_with_numbers_following() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    add_finding(&mut harness, 0);
    harness.get_by_label("（一）一是标题").type_text("甲");
    harness.run();
    // A calm column: only the finding being edited (or under the pointer) shows its buttons.
    assert_eq!(harness.query_all_by_label("复制").count(), 1);
    harness.get_by_label("复制").click();
    harness.run();
    assert_eq!(headlines(harness.state().draft(), 0), ["甲", "甲"]);
    type_into(&mut harness, "（一）二是标题", "乙");
    assert_eq!(headlines(harness.state().draft(), 0), ["甲", "甲乙"]);
    // The same actions from the right-click menu on the ≡ handle.
    harness.get_by_label("拖动（一）二是").click_secondary();
    harness.run();
    harness.get_by_label("上移问题 Alt+↑").click();
    harness.run();
    assert_eq!(headlines(harness.state().draft(), 0), ["甲乙", "甲"]);
    harness.get_by_label("拖动（一）一是").click_secondary();
    harness.run();
    harness.get_by_label("删除问题").click();
    harness.run();
    assert_eq!(headlines(harness.state().draft(), 0), ["甲"]);
    assert_eq!(
        harness.get_by_label("（一）一是标题").value().as_deref(),
        Some("甲")
    );
    // 移到类别 sends it to the end of another category, and undo names the step.
    harness.get_by_label("拖动（一）一是").click_secondary();
    harness.run();
    harness.get_by_label("移到类别").click();
    harness.run();
    harness
        .get_by_label("（三）在带头敬畏人民、敬畏组织、敬畏法纪方面")
        .click();
    harness.run();
    assert!(harness.state().draft().categories()[0].findings.is_empty());
    assert_eq!(headlines(harness.state().draft(), 2), ["甲"]);
    assert_eq!(harness.state().document().undo_name(), Some("移动问题"));
    menu(&mut harness, "编辑", "撤销 移动问题 Ctrl+Z");
    assert_eq!(headlines(harness.state().draft(), 0), ["甲"]);
}

#[test]
fn removing_a_category_asks_first_and_restoring_brings_the_template_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = asking_to_remove_the_second_category(dir.path());
    harness.get_by_role_and_label(Role::Button, "删除").click();
    harness.run();
    assert_eq!(harness.state().draft().categories().len(), 4);
    assert_eq!(
        harness.state().draft().categories()[1].title,
        "在带头敬畏人民、敬畏组织、敬畏法纪方面"
    );
    harness.get_by_label("恢复模板的类别").click();
    harness.run();
    let titles: Vec<&str> = harness
        .state()
        .draft()
        .categories()
        .iter()
        .map(|c| c.title.as_str())
        .collect();
    assert_eq!(titles[1], "在带头固本培元、增强党性方面");
    assert_eq!(titles.len(), 5);
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    type_into(&mut harness, "小标题", "（修改）");
    request_window_close(&mut harness);
    assert!(matches!(
        harness.state().modal(),
        Some(Modal::Unsaved { .. })
    ));
    harness.get_by_label("保存修改？");
    harness.get_by_label("取消").click();
    harness.run();
    assert!(harness.state().modal().is_none());
    assert!(!harness.state().close_confirmed());

    // Asked again, 不保存 lets the window close.
    request_window_close(&mut harness);
    harness.get_by_label("不保存").click();
    harness.run();
    assert!(harness.state().close_confirmed());
}

#[test]
fn saving_from_the_close_question_writes_the_file_then_closes() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    type_into(&mut harness, "标题", "（草稿）");
    request_window_close(&mut harness);
    harness.get_by_label("保存").click();
    harness.run();
    let path = dir.path().join("关闭前保存.ron");
    save_through_prompt(&mut harness, &path);
    assert!(harness.state().close_confirmed());
    let saved = pouxi::store::load_draft(&path).unwrap();
    assert!(saved.title.ends_with("（草稿）"));
}

#[test]
fn a_damaged_file_is_refused_in_chinese_and_the_open_draft_stays() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("坏.ron");
    std::fs::write(&bad, "(format: \"pouxi-draft\", version: 1, categories: [(").unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    type_into(&mut harness, "标题", "（在写）");
    let before = harness.state().draft().clone();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::O);
    // Unsaved changes: the question comes first; 不保存 goes on to the prompt.
    harness.get_by_label("不保存").click();
    harness.run();
    save_through_prompt(&mut harness, &bad);
    match harness.state().modal() {
        Some(Modal::Message { text, .. }) => assert!(text.contains("已损坏"), "{text}"),
        other => panic!("expected a message, got {other:?}"),
    }
    assert_eq!(harness.state().draft(), &before);
}

#[test]
fn new_from_another_template_gives_its_categories() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("从模板新建").click();
    harness.run();
    harness
        .get_by_label("2024年度民主生活会（四个带头）")
        .click();
    harness.run();
    let draft = harness.state().draft();
    assert_eq!(draft.categories().len(), 4);
    assert!(
        draft.categories()[0]
            .title
            .starts_with("带头严守政治纪律和政治规矩")
    );
    harness.get_by_label("（四）类别标题");
    assert!(harness.query_by_label("（五）类别标题").is_none());
}

/// Chinese is typed through an IME. winit reports every platform's IME (on Windows TSF and
/// IMM32, as Microsoft Pinyin uses them) as preedit updates followed by one commit, and
/// egui-winit hands those to egui as `egui::Event::Ime`: the events this test sends. The
/// pinyin shown while composing never reaches the draft; the commit lands at the cursor.
#[test]
fn ime_composition_commits_chinese_at_the_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    add_finding(&mut harness, 0);
    type_into(&mut harness, "（一）一是内容", "学习不够深入。");
    assert!(harness.get_by_label("（一）一是内容").is_focused());

    for pinyin in ["s", "si", "six", "sixiang"] {
        let cursor = pinyin.chars().count();
        harness.event(egui::Event::Ime(egui::ImeEvent::Preedit {
            text: pinyin.into(),
            active_range_chars: Some(cursor..cursor),
        }));
        harness.run();
    }
    // The candidate window closes (an empty preedit), then the chosen words arrive.
    harness.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: String::new(),
        active_range_chars: None,
    }));
    harness.event(egui::Event::Ime(egui::ImeEvent::Commit("思想认识".into())));
    harness.run();
    let body = |harness: &Harness<'_, PouxiApp>| {
        harness.state().draft().categories()[0].findings[0]
            .body
            .clone()
    };
    assert_eq!(body(&harness), "学习不够深入。思想认识");
    assert_eq!(
        harness.get_by_label("（一）一是内容").value().as_deref(),
        Some("学习不够深入。思想认识")
    );

    // A second composition continues where the first ended.
    harness.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "buzu".into(),
        active_range_chars: Some(4..4),
    }));
    harness.run();
    harness.event(egui::Event::Ime(egui::ImeEvent::Commit("不足".into())));
    harness.run();
    assert_eq!(body(&harness), "学习不够深入。思想认识不足");
    assert!(harness.state().window_title().contains('●'));
}

#[test]
fn every_part_of_the_speech_is_written_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    // A new draft is the 2025 template: every part has its heading, kind and text in the column.
    assert_eq!(
        harness.get_by_label("第一部分标题").value().as_deref(),
        Some("2024年度民主生活会整改落实和深入贯彻中央八项规定精神学习教育情况")
    );
    assert_eq!(
        harness.get_by_label("小标题").value().as_deref(),
        Some("存在的问题")
    );
    type_into(&mut harness, "第一部分正文", "一是学习教育扎实开展。");
    type_into(&mut harness, "署名", "张三（某局党组书记）");
    type_into(&mut harness, "（一）导语", "政治能力还有差距：");
    let draft = harness.state().draft().clone();
    assert_eq!(
        draft.sections[0].paragraphs(),
        Some("一是学习教育扎实开展。")
    );
    assert_eq!(draft.byline.author, "张三（某局党组书记）");
    // The causes' categories carry the part's name, so each field's name stays unique.
    type_into(&mut harness, "第四部分（一）导语", "理想信念有所松懈。");
    assert_eq!(
        harness.state().draft().sections[3].categories()[0].lead,
        "理想信念有所松懈。"
    );
    // Numbers follow what prints: the rectification part has text, so it is 一、.
    let text = pouxi::export::plain_text(harness.state().draft(), &Default::default());
    assert!(text.contains("一、2024年度民主生活会整改落实"), "{text}");
}

#[test]
fn parts_are_added_moved_and_removed_each_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    let ids = |harness: &Harness<'_, PouxiApp>| -> Vec<_> {
        harness
            .state()
            .draft()
            .sections
            .iter()
            .map(|s| s.id)
            .collect()
    };
    let start = ids(&harness);

    harness.get_by_label("第一部分下移").click();
    harness.run_steps(8);
    assert_eq!(ids(&harness)[..2], [start[1], start[0]]);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(ids(&harness), start);

    harness.get_by_label("第一部分菜单").click();
    harness.run_steps(4);
    harness.get_by_label("删除这一部分").click();
    harness.run_steps(8);
    assert_eq!(ids(&harness), start[1..]);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(ids(&harness), start);

    menu(&mut harness, "编辑", "＋ 新增部分");
    harness.get_by_label("学习收获").click();
    harness.run_steps(8);
    let sections = &harness.state().draft().sections;
    assert_eq!(sections.len(), start.len() + 1);
    let added = sections.last().unwrap();
    assert_eq!(added.kind, pouxi::draft::SectionKind::Study);
    assert_eq!(
        added.heading, "学习收获",
        "started as a writer would start it"
    );
    // The cursor is in the new part's heading, ready to type.
    let name = format!(
        "第{}部分标题",
        pouxi::draft::numbering::chinese_number(start.len() + 1)
    );
    assert!(harness.get_by_label(&name).is_focused());
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(ids(&harness), start, "one undo takes the part back out");
}

#[test]
fn a_measure_names_the_problems_it_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut draft = pouxi::draft::Template::default_template().to_draft();
    let finding = |id: u64, headline: &str| pouxi::draft::Finding {
        id: pouxi::draft::FindingId(id),
        headline: headline.to_owned(),
        body: String::new(),
    };
    draft.categories_mut().unwrap()[0]
        .findings
        .push(finding(900, "政治判断力不强"));
    let measures = draft
        .sections
        .iter()
        .position(|s| s.kind == pouxi::draft::SectionKind::Measures)
        .unwrap();
    draft.sections[measures].categories_mut().unwrap()[0]
        .findings
        .push(finding(901, "提高政治判断力"));
    let path = dir.path().join("措施.ron");
    pouxi::store::save_draft(&path, &draft).unwrap();
    // Tall enough that the measures at the end are on screen.
    let mut harness = harness_sized(dir.path(), Some(path), [1400.0, 4000.0], 1.0);
    harness.run();

    let name = format!(
        "第{}部分（一）一是对应问题",
        pouxi::draft::numbering::chinese_number(measures + 1)
    );
    harness.get_by_label(&name).click();
    harness.run();
    harness
        .get_by_label_contains("（一）一是 政治判断力不强")
        .click();
    harness.run();
    let rows = harness.state().draft().ledger_rows();
    assert_eq!(
        rows[0].measures, "提高政治判断力",
        "the ledger follows the link"
    );
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert!(harness.state().draft().ledger_rows()[0].measures.is_empty());
}

#[test]
fn a_draft_is_kept_as_a_template_and_new_drafts_start_from_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    type_into(&mut harness, "标题", "（本单位）");
    type_into(&mut harness, "（一）类别标题", "（自拟）");
    type_into(&mut harness, "（一）导语", "这段正文不进模板。");
    let title = harness.state().draft().title.clone();
    let first = harness.state().draft().categories()[0].title.clone();
    menu(&mut harness, "文件", "保存为模板");
    let folder = pouxi::app::AppPaths::under(dir.path()).user_templates_dir();
    let files: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
    assert_eq!(files.len(), 1, "one template file in {}", folder.display());

    menu(&mut harness, "文件", "从模板新建");
    harness.get_by_label(&format!("{title}（自定义）")).click();
    harness.run();
    // The draft had unsaved changes: the question comes first.
    harness.get_by_label("不保存").click();
    harness.run_steps(3);
    let draft = harness.state().draft();
    assert_eq!(draft.title, title);
    assert_eq!(draft.categories()[0].title, first);
    assert!(
        draft.categories()[0].lead.is_empty(),
        "no text comes with the skeleton"
    );
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn a_broken_template_file_is_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let folder = pouxi::app::AppPaths::under(dir.path()).user_templates_dir();
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("坏的.ron"), "(name: \"缺了括号\"").unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    match harness.state().modal() {
        Some(Modal::Message { title, text }) => {
            assert_eq!(title, "模板文件有误");
            assert!(text.contains("坏的.ron"), "{text}");
        }
        other => panic!("expected the message, got {other:?}"),
    }
    // The built-in templates are all still offered.
    harness.get_by_label("确定").click();
    harness.run();
    menu(&mut harness, "文件", "从模板新建");
    harness.get_by_label("空白稿件");
}
