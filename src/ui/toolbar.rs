//! The compact toolbar under the menus: 保存, 导入, 导出, 撤销, 重做, 查找, 检查 — what Word and
//! WPS users look for first, each with its shortcut on hover.

use super::{
    Action, EditAction, ExportAction, FileAction, FindAction, ImportAction, UiState, View,
};

pub fn show(ui: &mut egui::Ui, view: &View<'_>, state: &mut UiState, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        let tool = |ui: &mut egui::Ui, enabled: bool, text: &str, hint: &str| {
            ui.add_enabled(enabled, egui::Button::new(text).frame_when_inactive(false))
                // The dialogs have buttons of the same words; a screen reader (and a test)
                // tells these apart.
                .accessible_name(format!("工具栏{text}"))
                .on_hover_text(hint)
                .on_disabled_hover_text(hint)
                .clicked()
        };
        if tool(ui, true, "保存", "保存稿件（Ctrl+S）") {
            actions.push(Action::File(FileAction::Save));
        }
        ui.separator();
        if tool(ui, true, "导入", "导入下载的素材，广告会被标出（Ctrl+I）") {
            actions.push(Action::Import(ImportAction::ChooseFile));
        }
        if tool(ui, true, "导出", "导出为 Word 等格式（Ctrl+E）") {
            actions.push(Action::Export(ExportAction::Open));
        }
        ui.separator();
        let undo_hint = match view.undo_name {
            Some(name) => format!("撤销 {name}（Ctrl+Z）"),
            None => "没有可撤销的操作".to_owned(),
        };
        if tool(ui, view.can_undo, "撤销", &undo_hint) {
            actions.push(Action::Edit(EditAction::Undo));
        }
        let redo_hint = match view.redo_name {
            Some(name) => format!("重做 {name}（Ctrl+Y）"),
            None => "没有可重做的操作".to_owned(),
        };
        if tool(ui, view.can_redo, "重做", &redo_hint) {
            actions.push(Action::Edit(EditAction::Redo));
        }
        ui.separator();
        if tool(ui, true, "查找", "查找与替换（Ctrl+F / Ctrl+H）") {
            actions.push(Action::Find(FindAction::Open(false)));
        }
        ui.toggle_value(&mut state.show_review, "检查")
            .accessible_name("工具栏检查")
            .on_hover_text("检查面板：空泛、重复、占位符、广告残留……");
        ui.toggle_value(&mut state.ledger.open, "整改清单")
            .accessible_name("工具栏整改清单")
            .on_hover_text("整改清单：每条问题的整改措施、责任人、时限和完成情况");
    });
}
