//! File, saved state and the total character count (as Word's 字数: whitespace excluded).

use super::View;

pub fn show(ui: &mut egui::Ui, view: &View<'_>) {
    ui.horizontal(|ui| {
        ui.label(&view.file_name);
        ui.separator();
        if view.dirty {
            ui.colored_label(ui.visuals().warn_fg_color, "未保存");
        } else if view.never_saved {
            ui.label("新稿件");
        } else {
            ui.label("已保存");
        }
        ui.separator();
        ui.label(format!(
            "{} 个类别 · {} 条问题 · 全文 {} 字",
            view.draft.categories.len(),
            view.draft.finding_count(),
            group_thousands(view.total_chars)
        ));
        if !view.notice.is_empty() {
            ui.separator();
            ui.label(view.notice);
        }
    });
}

/// 2612 → "2,612", as counts are written in the window.
pub fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_grouped() {
        assert_eq!(super::group_thousands(0), "0");
        assert_eq!(super::group_thousands(999), "999");
        assert_eq!(super::group_thousands(2612), "2,612");
        assert_eq!(super::group_thousands(1_234_567), "1,234,567");
    }
}
