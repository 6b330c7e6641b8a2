//! 导出: format, layout, font names and a live preview of exactly the text that will be written;
//! ad-like text still in the draft is listed and must be removed or explicitly accepted.

use super::{Action, ExportAction};
use crate::export::{ExportSettings, Format, Layout, LedgerChoice, PrintedPage, PunctuationFix};
use crate::review::UnfilledSlot;

/// What the writer is choosing; edited directly by the dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportForm {
    pub format: Format,
    pub settings: ExportSettings,
    /// The writer saw the flagged text and exports anyway.
    pub allow_flagged: bool,
}

/// Computed by the app from the form and the draft.
pub struct ExportPreview<'a> {
    pub text: &'a str,
    pub notes: &'a [String],
    /// Where and what: (`（三）二是 · 内容`, reason, text).
    pub flagged: &'a [(String, String, String)],
    /// Slots left unfilled (`××`): they print as they stand.
    pub unfilled: &'a [UnfilledSlot],
    /// Half-width marks the export turns full-width.
    pub punctuation: &'a [PunctuationFix],
    /// The title as it prints in Word, line by line.
    pub title_lines: &'a [String],
    /// The pages the .docx prints on.
    pub pages: &'a [PrintedPage],
    /// Rows of the 整改清单, and whether it is appended when the choice is automatic.
    pub ledger_rows: usize,
    pub ledger_by_default: bool,
}

/// Pushes [`ExportAction::Close`] when closed.
pub fn show(
    ctx: &egui::Context,
    form: &mut ExportForm,
    preview: &ExportPreview<'_>,
    actions: &mut Vec<Action>,
) {
    let mut open = true;
    let response = egui::Modal::new(egui::Id::unique("pouxi_export")).show(ctx, |ui| {
        let width = (ctx.content_rect().width() - 60.0).clamp(480.0, 1100.0);
        let height = (ctx.content_rect().height() - 360.0).clamp(160.0, 900.0);
        ui.set_width(width);
        ui.heading("导出发言材料");
        ui.add_space(4.0);
        let blocked = !preview.flagged.is_empty() && !form.allow_flagged;
        // On a small screen the options, notes and warnings scroll; the buttons stay in view.
        // The warning of unfilled slots stays by the buttons, one line until opened; room is
        // kept for its list, opened.
        let below = if preview.unfilled.is_empty() {
            150.0
        } else {
            270.0
        };
        let body_height = (ctx.content_rect().height() - below).max(200.0);
        egui::ScrollArea::vertical()
            .id_salt("export_body")
            .max_height(body_height)
            // The modal is placed by last frame's size: without a floor, the room it leaves
            // below itself would shrink the body frame by frame.
            .min_scrolled_height(body_height)
            .show(ui, |ui| body(ui, form, preview, actions, height));
        if !preview.unfilled.is_empty() {
            unfilled_warning(ui, preview.unfilled);
        }
        ui.separator();
        ui.horizontal(|ui| {
            let export = super::theme::primary_button("导出…");
            if super::dialog_keys::default_button(ui, !blocked, export) {
                actions.push(Action::Export(ExportAction::Write));
            }
            if ui
                .add_enabled(!blocked, egui::Button::new("复制全文"))
                .on_hover_text("把全文作为纯文本复制到剪贴板")
                .clicked()
            {
                actions.push(Action::Export(ExportAction::CopySpeech));
            }
            if ui.button("关闭").clicked() {
                open = false;
            }
        });
    });
    if !open || response.should_close() {
        actions.push(Action::Export(ExportAction::Close));
    }
}

fn options(ui: &mut egui::Ui, form: &mut ExportForm, preview: &ExportPreview<'_>) {
    ui.strong("格式");
    for format in Format::ALL {
        ui.radio_value(&mut form.format, format, format.label());
    }
    ui.add_space(6.0);
    ui.strong("版式");
    ui.radio_value(
        &mut form.settings.layout,
        Layout::Inline,
        "每个方面一段（一是……二是……接排）",
    );
    ui.radio_value(
        &mut form.settings.layout,
        Layout::Paragraphs,
        "每条问题一段（方面标题单独成行）",
    );
    ui.add_space(6.0);
    match form.format {
        Format::Docx => {
            ui.strong("字体（按 GB/T 9704，可改为本机已有的字体）");
            egui::Grid::new("export_fonts")
                .num_columns(2)
                .show(ui, |ui| {
                    let fonts = &mut form.settings.fonts;
                    for (label, value) in [
                        ("标题", &mut fonts.title),
                        ("正文", &mut fonts.body),
                        ("一级标题", &mut fonts.heading),
                        ("方面标题", &mut fonts.category),
                        ("数字和西文", &mut fonts.latin),
                    ] {
                        let label = ui.label(label);
                        ui.add(egui::TextEdit::singleline(value).desired_width(160.0))
                            .labelled_by(label.id);
                        ui.end_row();
                    }
                });
            ui.add_space(6.0);
            ledger_choice(ui, &mut form.settings.ledger, preview);
        }
        Format::Txt => {
            ui.strong("纯文本选项");
            ui.checkbox(&mut form.settings.txt_bom, "文件开头加 BOM（旧版记事本）");
            ui.checkbox(&mut form.settings.txt_crlf, "Windows 换行（CRLF）");
        }
        Format::Markdown => {}
    }
    ui.add_space(6.0);
    ui.strong("校正");
    ui.checkbox(
        &mut form.settings.omit_lone_ordinal,
        "只有一条问题的方面不写“一是”",
    );
    ui.checkbox(
        &mut form.settings.full_width_punctuation,
        "中文里的半角标点改为全角",
    );
}

/// 附上整改清单: checked as the choice resolves for this draft; a click fixes the choice, 自动
/// gives it back to the draft (on when a row has a measure).
fn ledger_choice(ui: &mut egui::Ui, choice: &mut LedgerChoice, preview: &ExportPreview<'_>) {
    let mut on = ledger_included(*choice, preview);
    ui.horizontal(|ui| {
        let label = format!("附上整改清单（{} 行，横排附件）", preview.ledger_rows);
        if ui
            .add_enabled(preview.ledger_rows > 0, egui::Checkbox::new(&mut on, label))
            .on_hover_text("在发言材料后另起横排页，附“附件 整改清单”表格")
            .on_disabled_hover_text("稿件中还没有问题，没有整改清单")
            .changed()
        {
            *choice = if on {
                LedgerChoice::On
            } else {
                LedgerChoice::Off
            };
        }
    });
    let automatic = if preview.ledger_by_default {
        "自动：已有整改措施，默认附上"
    } else {
        "自动：还没有整改措施，默认不附"
    };
    if *choice == LedgerChoice::Automatic {
        ui.label(egui::RichText::new(automatic).weak());
    } else if ui
        .link("恢复自动")
        .on_hover_text(automatic.trim_start_matches("自动："))
        .clicked()
    {
        *choice = LedgerChoice::Automatic;
    }
}

/// Whether the .docx will end with the 整改清单.
fn ledger_included(choice: LedgerChoice, preview: &ExportPreview<'_>) -> bool {
    preview.ledger_rows > 0
        && match choice {
            LedgerChoice::On => true,
            LedgerChoice::Off => false,
            LedgerChoice::Automatic => preview.ledger_by_default,
        }
}

/// What the dialog scrolls on a small screen: the options and the preview side by side, then
/// the notes, the punctuation mended and the ads still in the draft.
fn body(
    ui: &mut egui::Ui,
    form: &mut ExportForm,
    preview: &ExportPreview<'_>,
    actions: &mut Vec<Action>,
    height: f32,
) {
    ui.columns(2, |columns| {
        options(&mut columns[0], form, preview);
        if form.format == Format::Docx {
            let appendix = if ledger_included(form.settings.ledger, preview) {
                "，另附整改清单横排页"
            } else {
                ""
            };
            columns[1].strong(format!(
                "打印预览：共 {} 页（每页 22 行，每行 28 字）{appendix}",
                preview.pages.len()
            ));
            super::page_preview::show(&mut columns[1], preview.pages, height);
        } else {
            columns[1].strong("预览（将写入文件的文字）");
            egui::ScrollArea::vertical()
                .id_salt("export_preview")
                .auto_shrink([false, false])
                .min_scrolled_height(height)
                .max_height(height)
                .show(&mut columns[1], |ui| {
                    // A column justifies its labels; the file's rows are not justified.
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        ui.add(egui::Label::new(preview.text).wrap().selectable(true));
                    });
                });
        }
    });
    for note in preview.notes {
        ui.label(egui::RichText::new(note).weak());
    }
    if form.format == Format::Docx && preview.title_lines.len() > 1 {
        ui.label(
            egui::RichText::new(format!(
                "标题分 {} 行排：{}",
                preview.title_lines.len(),
                preview.title_lines.join(" ／ ")
            ))
            .weak(),
        );
    }
    if !preview.punctuation.is_empty() {
        folded_list(
            ui,
            format!("已将 {} 处半角标点改为全角", preview.punctuation.len()),
            "export_punctuation",
            100.0,
            preview
                .punctuation
                .iter()
                .map(|fix| format!("{} → {}：…{}…", fix.from, fix.to, fix.context)),
        );
    }
    if !preview.flagged.is_empty() {
        ui.separator();
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!("稿件中仍有 {} 处疑似广告：", preview.flagged.len()),
        );
        egui::ScrollArea::vertical()
            .id_salt("export_flagged")
            .max_height(120.0)
            .show(ui, |ui| {
                for (place, reason, text) in preview.flagged {
                    ui.label(format!("{place} · {reason}：{text}"));
                }
            });
        ui.horizontal(|ui| {
            if ui.button("全部移除（可撤销）").clicked() {
                actions.push(Action::Export(ExportAction::RemoveFlagged));
            }
            ui.checkbox(&mut form.allow_flagged, "我已核对，仍然导出");
        });
    }
}

/// Slots the writer has not filled in yet print as they stand (`我作为××局党组成员`): said
/// by the buttons before writing, one line until opened, and not blocking — a slot may be
/// meant for a pen on paper. Ignored in the 检查 panel, a slot is not listed here either.
fn unfilled_warning(ui: &mut egui::Ui, unfilled: &[UnfilledSlot]) {
    ui.separator();
    let warning = egui::RichText::new(format!(
        "还有 {} 处没有填写的占位符，会原样印出",
        unfilled.len()
    ))
    .color(ui.visuals().warn_fg_color);
    folded_list(
        ui,
        warning,
        "export_unfilled",
        80.0,
        unfilled
            .iter()
            .map(|slot| format!("{}：“{}”（{}）", slot.place, slot.slot, slot.around)),
    );
}

/// A header that opens onto its lines, which scroll past `max_height`.
fn folded_list(
    ui: &mut egui::Ui,
    header: impl Into<egui::WidgetText>,
    id: &str,
    max_height: f32,
    lines: impl Iterator<Item = String>,
) {
    egui::CollapsingHeader::new(header)
        .id_salt(id)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt(format!("{id}_list"))
                .max_height(max_height)
                .show(ui, |ui| {
                    for line in lines {
                        ui.label(line);
                    }
                });
        });
}
