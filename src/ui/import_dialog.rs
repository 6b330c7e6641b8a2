//! 导入素材: the paste box, then the preview — the material with every removed span struck
//! through and a checkbox to restore it, beside the categories and findings it parses into.

use super::{Action, ImportAction};
use crate::clean::RemovedSpan;
use crate::draft::Draft;
use crate::draft::numbering::{category_label, finding_label};
use crate::import::{Article, ImportStats};

/// An import waiting for the writer's decision.
pub struct ImportView<'a> {
    pub source_name: &'a str,
    pub encoding: &'a str,
    /// The text being imported: the chosen article of a compilation, or all of the material.
    pub text: &'a str,
    /// The articles of a compilation; one for ordinary material.
    pub articles: &'a [Article],
    pub article: usize,
    pub removed: &'a [RemovedSpan],
    pub draft: &'a Draft,
    pub stats: &'a ImportStats,
    pub merge: bool,
}

/// The paste box, shown before there is anything to preview. Pushes
/// [`ImportAction::ClosePasteBox`] when cancelled.
pub fn show_paste_box(ctx: &egui::Context, text: &mut String, actions: &mut Vec<Action>) {
    let mut cancelled = false;
    let response = egui::Modal::new(egui::Id::unique("pouxi_paste_import")).show(ctx, |ui| {
        ui.set_width((ctx.content_rect().width() - 80.0).clamp(320.0, 860.0));
        ui.heading("粘贴导入");
        ui.label(
            "把下载的素材粘贴到下面（Ctrl+V），或读取剪贴板。广告会在预览中标出，可逐条恢复。",
        );
        ui.add_space(6.0);
        let height = (ctx.content_rect().height() - 320.0).clamp(160.0, 700.0);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .min_scrolled_height(height)
            .max_height(height)
            .show(ui, |ui| {
                ui.add(
                    egui::TextEdit::multiline(text)
                        .desired_rows(14)
                        .desired_width(f32::INFINITY)
                        .min_size(egui::vec2(0.0, height))
                        .hint_text("在此粘贴素材……"),
                )
                .accessible_name("粘贴素材");
            });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("读取剪贴板").clicked() {
                actions.push(Action::Import(ImportAction::ReadClipboard));
            }
            if ui
                .add_enabled(
                    !text.trim().is_empty(),
                    super::theme::primary_button("预览"),
                )
                .clicked()
            {
                actions.push(Action::Import(ImportAction::Pasted(std::mem::take(text))));
            }
            if ui.button("取消").clicked() {
                cancelled = true;
            }
        });
    });
    if cancelled || response.should_close() {
        actions.push(Action::Import(ImportAction::ClosePasteBox));
    }
}

/// The preview. Pushes [`ImportAction::Apply`] or [`ImportAction::Cancel`] when closed.
pub fn show_preview(ctx: &egui::Context, view: &ImportView<'_>, actions: &mut Vec<Action>) {
    let mut open = true;
    let response = egui::Modal::new(egui::Id::unique("pouxi_import_preview")).show(ctx, |ui| {
        let width = (ctx.content_rect().width() - 60.0).clamp(480.0, 1200.0);
        let height = (ctx.content_rect().height() - 340.0).clamp(160.0, 900.0);
        ui.set_width(width);
        ui.heading(format!("导入素材：{}", view.source_name));
        ui.label(summary(view));
        article_picker(ui, view, actions);
        ui.add_space(6.0);
        ui.columns(2, |columns| {
            columns[0].strong("素材（红色删除线为将移除的广告）");
            egui::ScrollArea::vertical()
                .id_salt("import_material")
                .auto_shrink([false, false])
                .min_scrolled_height(height)
                .max_height(height)
                .show(&mut columns[0], |ui| {
                    // Columns justify their labels, which spreads a short row (the head of a
                    // long address cut by the wrap) letter by letter across the pane.
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        ui.label(material_job(ui, view));
                        ui.add_space(8.0);
                        removed_list(ui, view, actions);
                    });
                });
            columns[1].strong("识别结果");
            egui::ScrollArea::vertical()
                .id_salt("import_result")
                .auto_shrink([false, false])
                .min_scrolled_height(height)
                .max_height(height)
                .show(&mut columns[1], |ui| {
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        parsed_outline(ui, view.draft)
                    });
                });
            // A rule between the panes, in the gap between the columns.
            let left = columns[0].min_rect();
            let right = columns[1].min_rect();
            let x = (left.right() + right.left()) / 2.0;
            let stroke = columns[1].visuals().widgets.noninteractive.bg_stroke;
            columns[1]
                .painter()
                .vline(x, left.top()..=left.bottom().max(right.bottom()), stroke);
        });
        ui.separator();
        ui.horizontal(|ui| {
            let mut merge = view.merge;
            ui.radio_value(&mut merge, false, "替换当前稿件（可撤销）");
            ui.radio_value(&mut merge, true, "合并到当前稿件（问题追加到同名类别）");
            if merge != view.merge {
                actions.push(Action::Import(ImportAction::SetMerge(merge)));
            }
        });
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            if super::dialog_keys::default_button(ui, true, super::theme::primary_button("导入"))
            {
                actions.push(Action::Import(ImportAction::Apply));
                open = false;
            }
            if ui.button("取消").clicked() {
                open = false;
            }
        });
    });
    if (!open || response.should_close()) && !actions.contains(&Action::Import(ImportAction::Apply))
    {
        actions.push(Action::Import(ImportAction::Cancel));
    }
}

/// A compilation (篇一、篇二…): which article to import.
fn article_picker(ui: &mut egui::Ui, view: &ImportView<'_>, actions: &mut Vec<Action>) {
    if view.articles.len() < 2 {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("这是 {} 篇文章的合集，导入：", view.articles.len()));
        for (index, article) in view.articles.iter().enumerate() {
            let label = format!("第{}篇 {}", index + 1, article.title);
            if ui.selectable_label(index == view.article, label).clicked() && index != view.article
            {
                actions.push(Action::Import(ImportAction::ChooseArticle(index)));
            }
        }
    });
}

fn summary(view: &ImportView<'_>) -> String {
    let restored = view.removed.iter().filter(|s| s.restored).count();
    let mut text = format!(
        "编码：{} · 识别出 {} 个类别、{} 条问题 · 移除 {} 处（{} 字）",
        view.encoding,
        view.draft.categories().len(),
        view.draft.finding_count(),
        view.removed.len() - restored,
        crate::draft::group_thousands(view.stats.removed_chars)
    );
    if restored > 0 {
        text.push_str(&format!(" · 已恢复 {restored} 处"));
    }
    text
}

/// The material as one layout: removed spans struck through in red, restored ones in green.
fn material_job(ui: &egui::Ui, view: &ImportView<'_>) -> egui::text::LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let normal = egui::TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let palette = super::theme::Palette::of(ui.visuals());
    let removed = egui::TextFormat {
        font_id: font.clone(),
        color: palette.ad_text,
        background: palette.ad_background,
        strikethrough: egui::Stroke::new(1.0, palette.ad_text),
        ..Default::default()
    };
    let restored = egui::TextFormat {
        font_id: font,
        color: ui.visuals().text_color(),
        background: palette.restored_background,
        ..Default::default()
    };
    let mut job = egui::text::LayoutJob {
        wrap: egui::text::TextWrapping::wrap_at_width(ui.available_width()),
        ..Default::default()
    };
    let text = view.text;
    let mut at = 0;
    for span in view.removed {
        let valid = span.start >= at
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end);
        if !valid {
            continue;
        }
        job.append(&text[at..span.start], 0.0, normal.clone());
        let format = if span.restored {
            restored.clone()
        } else {
            removed.clone()
        };
        job.append(&text[span.start..span.end], 0.0, format);
        at = span.end;
    }
    job.append(&text[at..], 0.0, normal);
    job
}

fn removed_list(ui: &mut egui::Ui, view: &ImportView<'_>, actions: &mut Vec<Action>) {
    if view.removed.is_empty() {
        ui.label("没有发现广告。");
        return;
    }
    ui.strong(format!(
        "移除的内容（{} 处，勾选可恢复）",
        view.removed.len()
    ));
    for (index, span) in view.removed.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let mut keep = span.restored;
            let excerpt: String = span.text.chars().take(60).collect();
            let more = if span.text.chars().count() > 60 {
                "…"
            } else {
                ""
            };
            let response = ui.checkbox(
                &mut keep,
                format!("恢复 · {}：{excerpt}{more}", span.reason),
            );
            if response.changed() {
                actions.push(Action::Import(ImportAction::ToggleSpan(index)));
            }
        });
    }
}

fn parsed_outline(ui: &mut egui::Ui, draft: &Draft) {
    if !draft.title.is_empty() {
        ui.label(egui::RichText::new(&draft.title).strong());
    }
    for (index, section) in draft.sections.iter().enumerate() {
        ui.label(crate::draft::section_label(index) + &section.heading);
    }
    if !draft.opening.trim().is_empty() {
        ui.label(
            egui::RichText::new(format!(
                "问题部分之前的内容 {} 字（保留在稿件开头）",
                crate::draft::group_thousands(crate::draft::count_chars(&draft.opening))
            ))
            .weak(),
        );
    }
    for (index, category) in draft.categories().iter().enumerate() {
        ui.add_space(4.0);
        ui.label(
            egui::RichText::new(format!(
                "{}{} · {} 条",
                category_label(index),
                category.title,
                category.findings.len()
            ))
            .strong(),
        );
        for (finding_index, finding) in category.findings.iter().enumerate() {
            let head = if finding.headline.is_empty() {
                let start: String = finding.body.chars().take(24).collect();
                format!("{start}…")
            } else {
                finding.headline.clone()
            };
            ui.label(format!("　{}{}", finding_label(finding_index), head));
        }
    }
    if !draft.closing.trim().is_empty() {
        ui.add_space(4.0);
        ui.label(
            egui::RichText::new(format!(
                "问题部分之后的内容 {} 字（保留在稿件末尾）",
                crate::draft::group_thousands(crate::draft::count_chars(&draft.closing))
            ))
            .weak(),
        );
    }
}
