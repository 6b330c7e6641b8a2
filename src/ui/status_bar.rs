//! File, saved state and the total character count (as Word's 字数: whitespace excluded).

use super::View;
pub use crate::draft::group_thousands;

/// Never wider than the window: the file name takes at most a quarter of it, the counts come
/// next (shortened when the window is narrow), and the latest notice gets what is left,
/// cut short with its full text on hover.
pub fn show(ui: &mut egui::Ui, view: &View<'_>, actions: &mut Vec<super::Action>) {
    ui.horizontal(|ui| {
        let name_width = (ui.available_width() * 0.25).clamp(80.0, 360.0);
        ui.allocate_ui(egui::vec2(name_width, ui.available_height()), |ui| {
            ui.add(egui::Label::new(&view.file_name).truncate())
        });
        ui.separator();
        if view.dirty {
            ui.colored_label(ui.visuals().warn_fg_color, "未保存");
        } else if view.never_saved {
            ui.label("新稿件");
        } else {
            ui.label("已保存");
        }
        ui.separator();
        let mut counts = format!(
            "{} 条问题 · 全文 {} 字",
            group_thousands(view.draft.finding_count()),
            group_thousands(view.aids.printed_chars.unwrap_or(view.total_chars))
        );
        if let Some(pages) = view.aids.pages {
            counts.push_str(&format!(" · {pages} 页"));
        }
        let counts = if ui.available_width() > 700.0 {
            ui.label(format!(
                "{} 个类别 · {counts}",
                view.draft.categories().len()
            ))
        } else {
            ui.label(counts)
        };
        counts.on_hover_text(
            "全文：导出的讲稿按 Word 的字数统计（不计空格，含序号；没写内容的部分和类别不计）；\
             页数按导出的 Word 版式（每页 22 行、每行 28 字）排出",
        );
        if let Some(report) = view.aids.targets
            && report.total.target.is_some()
        {
            ui.separator();
            target_progress(ui, &report.total, "目标");
        }
        if let Some(total) = view.aids.copied_total {
            ui.separator();
            ui.label(format!("照搬 {:.0}%", total * 100.0))
                .on_hover_text("全文与导入素材逐字相同的比例");
        }
        if let Some(path) = view.exported_to {
            ui.separator();
            if ui
                .link("打开所在文件夹")
                .on_hover_text(path.display().to_string())
                .clicked()
            {
                actions.push(super::Action::Export(super::ExportAction::Reveal));
            }
        }
        if !view.notice.is_empty() && ui.available_width() > 40.0 {
            ui.separator();
            ui.add(egui::Label::new(view.notice).truncate())
                .on_hover_text(view.notice);
        }
    });
}

/// A small bar and `2612 / 2500–3500 字 · 达标`, coloured when under or over.
pub fn target_progress(ui: &mut egui::Ui, progress: &crate::draft::targets::Progress, label: &str) {
    use crate::draft::targets::TargetStatus;
    let Some(target) = progress.target else {
        return;
    };
    let (min, max) = target.bounds();
    // The bar fills towards the maximum, or towards the minimum when there is no maximum.
    let full = if max >= crate::draft::NO_MAXIMUM {
        min
    } else {
        max
    };
    let fraction = if full == 0 {
        1.0
    } else {
        (progress.chars as f32 / full as f32).min(1.0)
    };
    // The bar in a gentle tone of the theme; the words carry the signal colour.
    let palette = super::theme::Palette::of(ui.visuals());
    let (bar, color) = match progress.status {
        TargetStatus::Within => (palette.within, ui.visuals().text_color()),
        TargetStatus::Over => (palette.over, ui.visuals().error_fg_color),
        TargetStatus::Under | TargetStatus::NoTarget => (palette.under, ui.visuals().warn_fg_color),
    };
    ui.add(
        egui::ProgressBar::new(fraction)
            .desired_width(80.0)
            .desired_height(8.0)
            .fill(bar),
    );
    // Phrase by phrase, so a narrow outline wraps between them, never inside one.
    let text = format!("{label} {}", progress.describe_zh());
    for phrase in text.trim().split(" · ") {
        ui.add(
            egui::Label::new(egui::RichText::new(phrase).color(color))
                .wrap_mode(egui::TextWrapMode::Extend),
        );
    }
}
