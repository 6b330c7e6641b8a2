//! 文件 编辑 视图 帮助.

use super::{
    Action, EditAction, ExportAction, FileAction, FindAction, ImportAction, Modal, TargetsAction,
    UiState, View,
};

pub fn show(ui: &mut egui::Ui, view: &View<'_>, state: &mut UiState, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("文件", |ui| file_menu(ui, view, actions));
        ui.menu_button("编辑", |ui| edit_menu(ui, view, state, actions));
        ui.menu_button("视图", |ui| view_menu(ui, view, state, actions));
        ui.menu_button("帮助", |ui| {
            if ui.button("快捷键").clicked() {
                actions.push(Action::ShowModal(Modal::Message {
                    title: "快捷键".to_owned(),
                    text: SHORTCUTS.to_owned(),
                }));
            }
            if ui.button("关于剖析").clicked() {
                actions.push(Action::ShowModal(Modal::Message {
                    title: "关于剖析".to_owned(),
                    text: format!(
                        "剖析 {}\n检视问题、剖析发言材料的编辑器。\n稿件保存为本地 .ron 文件。",
                        env!("CARGO_PKG_VERSION")
                    ),
                }));
            }
        });
    });
}

const SHORTCUTS: &str = "Ctrl+N　新建稿件\n\
Ctrl+O　打开稿件\n\
Ctrl+S　保存\n\
Ctrl+Shift+S　另存为\n\
Ctrl+I　导入素材\n\
Ctrl+E　导出\n\
Ctrl+F / Ctrl+H　查找 / 替换\n\
Ctrl+Z　撤销\n\
Ctrl+Y / Ctrl+Shift+Z　重做\n\
Alt+↑ / Alt+↓　上移 / 下移正在编辑的问题\n\
Ctrl+Q　退出";

fn item(ui: &mut egui::Ui, text: &str, shortcut: &str) -> bool {
    ui.add(egui::Button::new(text).shortcut_text(shortcut))
        .clicked()
}

fn file_menu(ui: &mut egui::Ui, view: &View<'_>, actions: &mut Vec<Action>) {
    if item(ui, "新建", "Ctrl+N") {
        actions.push(Action::File(FileAction::New));
    }
    ui.menu_button("从模板新建", |ui| {
        for (index, name) in view.template_names.iter().enumerate() {
            if ui.button(name).clicked() {
                actions.push(Action::File(FileAction::NewFromTemplate(index)));
            }
        }
    });
    if item(ui, "打开…", "Ctrl+O") {
        actions.push(Action::File(FileAction::Open));
    }
    ui.add_enabled_ui(!view.recent_files.is_empty(), |ui| {
        ui.menu_button("最近打开", |ui| {
            for path in view.recent_files {
                if ui.button(path.display().to_string()).clicked() {
                    actions.push(Action::File(FileAction::OpenPath(path.clone())));
                }
            }
        });
    });
    ui.separator();
    if item(ui, "导入素材…", "Ctrl+I") {
        actions.push(Action::Import(ImportAction::ChooseFile));
    }
    if ui.button("粘贴导入…").clicked() {
        actions.push(Action::Import(ImportAction::OpenPasteBox));
    }
    if item(ui, "导出…", "Ctrl+E") {
        actions.push(Action::Export(ExportAction::Open));
    }
    ui.separator();
    if item(ui, "保存", "Ctrl+S") {
        actions.push(Action::File(FileAction::Save));
    }
    if item(ui, "另存为…", "Ctrl+Shift+S") {
        actions.push(Action::File(FileAction::SaveAs));
    }
    if ui
        .button("保存为模板")
        .on_hover_text("把本稿的各部分、类型和类别标题存为模板（不含正文），新建时可选用")
        .clicked()
    {
        actions.push(Action::File(FileAction::SaveAsTemplate));
    }
    ui.separator();
    if item(ui, "退出", "Ctrl+Q") {
        actions.push(Action::File(FileAction::Quit));
    }
}

fn edit_menu(ui: &mut egui::Ui, view: &View<'_>, state: &mut UiState, actions: &mut Vec<Action>) {
    // Named after the step, as Word does: 撤销 移动问题.
    let undo = match view.undo_name {
        Some(name) => format!("撤销 {name}"),
        None => "撤销".to_owned(),
    };
    if ui
        .add_enabled(
            view.can_undo,
            egui::Button::new(undo).shortcut_text("Ctrl+Z"),
        )
        .clicked()
    {
        actions.push(Action::Edit(EditAction::Undo));
    }
    let redo = match view.redo_name {
        Some(name) => format!("重做 {name}"),
        None => "重做".to_owned(),
    };
    if ui
        .add_enabled(
            view.can_redo,
            egui::Button::new(redo).shortcut_text("Ctrl+Y"),
        )
        .clicked()
    {
        actions.push(Action::Edit(EditAction::Redo));
    }
    ui.separator();
    // The field the writer was in before opening the menu.
    match state.editing {
        Some(field) => super::text_field::clipboard_menu(ui, field, None, state),
        None => {
            ui.add_enabled_ui(false, |ui| {
                for text in ["剪切", "复制", "粘贴", "全选"] {
                    let _ = ui.button(text);
                }
            })
            .response
            .on_disabled_hover_text("先点一下要编辑的文字");
        }
    }
    ui.separator();
    if item(ui, "查找…", "Ctrl+F") {
        actions.push(Action::Find(FindAction::Open(false)));
    }
    if item(ui, "替换…", "Ctrl+H") {
        actions.push(Action::Find(FindAction::Open(true)));
    }
    ui.separator();
    super::section_panel::add_section_menu(ui, view.draft, actions);
    if ui.button("按问题生成整改措施").clicked() {
        actions.push(Action::Edit(EditAction::GenerateMeasures));
    }
    if ui.button("新增类别").clicked() {
        actions.push(Action::Edit(EditAction::AddCategory(None)));
    }
    if ui.button("恢复模板的类别").clicked() {
        actions.push(Action::Edit(EditAction::RestoreTemplate));
    }
}

fn view_menu(ui: &mut egui::Ui, view: &View<'_>, state: &mut UiState, actions: &mut Vec<Action>) {
    if ui.button("全部折叠").clicked() {
        state.set_all_collapsed(view.draft, true);
    }
    if ui.button("全部展开").clicked() {
        state.set_all_collapsed(view.draft, false);
    }
    ui.checkbox(&mut state.show_outline, "显示大纲");
    ui.checkbox(&mut state.show_review, "检查面板");
    ui.checkbox(&mut state.ledger.open, "整改清单");
    ui.add_enabled_ui(view.aids.source.is_some(), |ui| {
        ui.checkbox(&mut state.highlight_copied, "标出照搬的文字")
            .on_disabled_hover_text("导入素材后才能比对");
    });
    ui.separator();
    if ui.button("字数目标…").clicked() {
        actions.push(Action::Targets(TargetsAction::Open));
    }
    ui.separator();
    ui.menu_button("字号", font_size_menu);
    ui.menu_button("主题", theme_menu);
}

/// The sizes offered under 视图 → 字号, as zoom factors of the whole window.
pub const ZOOM_STEPS: [(&str, f32); 5] = [
    ("小（90%）", 0.9),
    ("标准（100%）", 1.0),
    ("大（115%）", 1.15),
    ("较大（130%）", 1.3),
    ("特大（150%）", 1.5),
];

/// The app keeps whatever zoom the window has for the next start.
fn font_size_menu(ui: &mut egui::Ui) {
    let zoom = ui.ctx().zoom_factor();
    for (label, factor) in ZOOM_STEPS {
        if ui.radio((zoom - factor).abs() < 0.01, label).clicked() {
            ui.ctx().set_zoom_factor(factor);
        }
    }
    ui.separator();
    ui.label(egui::RichText::new("Ctrl+= 放大 · Ctrl+- 缩小 · Ctrl+0 还原").weak());
}

/// 跟随系统 by default; the app keeps the choice for the next start.
fn theme_menu(ui: &mut egui::Ui) {
    use egui::ThemePreference;
    let current = ui.ctx().options(|o| o.theme_preference);
    for (label, preference) in [
        ("跟随系统", ThemePreference::System),
        ("浅色", ThemePreference::Light),
        ("深色", ThemePreference::Dark),
    ] {
        if ui.radio(current == preference, label).clicked() {
            ui.ctx().set_theme(preference);
        }
    }
}
