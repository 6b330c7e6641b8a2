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
            view.draft.categories().len(),
            view.draft.finding_count(),
            group_thousands(view.total_chars)
        ));
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
        if !view.notice.is_empty() {
            ui.separator();
            ui.label(view.notice);
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
    let color = match progress.status {
        TargetStatus::Within => egui::Color32::from_rgb(60, 150, 80),
        TargetStatus::Over => ui.visuals().error_fg_color,
        TargetStatus::Under | TargetStatus::NoTarget => ui.visuals().warn_fg_color,
    };
    ui.add(
        egui::ProgressBar::new(fraction)
            .desired_width(80.0)
            .fill(color),
    );
    ui.colored_label(color, format!("{label} {}", progress.describe_zh()));
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
