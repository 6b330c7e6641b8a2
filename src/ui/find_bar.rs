//! 查找 / 替换 over the whole draft: titles, headlines and bodies. Ctrl+F opens it, Ctrl+H with
//! the replace field; Enter goes to the next match, Esc closes.

use super::{Action, FindAction};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FindState {
    pub query: String,
    pub replacement: String,
    pub show_replace: bool,
    pub match_case: bool,
    /// Index of the current match.
    pub current: usize,
    /// Put the cursor in the query field on the next frame.
    pub focus_query: bool,
}

/// Pushes [`FindAction::Close`] when closed.
pub fn show(ui: &mut egui::Ui, find: &mut FindState, matches: usize, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let label = ui.label("查找");
        let query = ui.add(
            egui::TextEdit::singleline(&mut find.query)
                .id(egui::Id::unique("pouxi_find_query"))
                .desired_width(220.0)
                .hint_text("如 ××"),
        );
        let query = query.labelled_by(label.id);
        if find.focus_query {
            query.request_focus();
            find.focus_query = false;
        }
        if query.changed() {
            find.current = 0;
        }
        if query.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            actions.push(Action::Find(FindAction::Next));
            query.request_focus();
        }
        let count = if find.query.is_empty() {
            String::new()
        } else if matches == 0 {
            "无匹配".to_owned()
        } else {
            format!("第 {}/{} 处", find.current.min(matches - 1) + 1, matches)
        };
        ui.label(count);
        if ui
            .add_enabled(matches > 0, egui::Button::new("上一个"))
            .clicked()
        {
            actions.push(Action::Find(FindAction::Previous));
        }
        if ui
            .add_enabled(matches > 0, egui::Button::new("下一个"))
            .clicked()
        {
            actions.push(Action::Find(FindAction::Next));
        }
        ui.checkbox(&mut find.match_case, "区分大小写");
        if !find.show_replace && ui.button("替换…").clicked() {
            find.show_replace = true;
        }
        if ui.button("关闭").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            actions.push(Action::Find(FindAction::Close));
        }
    });
    if find.show_replace {
        ui.horizontal(|ui| {
            let label = ui.label("替换为");
            ui.add(
                egui::TextEdit::singleline(&mut find.replacement)
                    .desired_width(220.0)
                    .hint_text("单位或姓名"),
            )
            .labelled_by(label.id);
            if ui
                .add_enabled(matches > 0, egui::Button::new("替换"))
                .clicked()
            {
                actions.push(Action::Find(FindAction::ReplaceOne));
            }
            if ui
                .add_enabled(matches > 0, egui::Button::new("全部替换"))
                .on_hover_text("一次替换全部匹配，可一步撤销")
                .clicked()
            {
                actions.push(Action::Find(FindAction::ReplaceAll));
            }
        });
    }
}
