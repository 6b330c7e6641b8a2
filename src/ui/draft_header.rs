//! The speech's head and tail around its parts: the title, the byline under it (name and unit,
//! date), the opening words; and after the last part, ＋ 新增部分 and the closing words.

use super::highlight::Highlighter;
use super::text_field::{self, FieldName, FieldSpec};
use super::{Action, UiState};
use crate::draft::{Draft, TextField};

pub fn show(
    ui: &mut egui::Ui,
    draft: &Draft,
    highlighter: &Highlighter<'_>,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) {
    egui::Grid::new("draft_header")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .min_col_width(48.0)
        .show(ui, |ui| {
            let fields = [
                (
                    "标题",
                    TextField::Title,
                    draft.title.as_str(),
                    "发言材料的标题",
                    egui::TextStyle::Heading,
                ),
                (
                    "署名",
                    TextField::Byline,
                    draft.byline.author.as_str(),
                    "可不填：姓名和单位，印在标题下，如“×××（××局党组书记）”",
                    egui::TextStyle::Body,
                ),
                (
                    "日期",
                    TextField::DateLine,
                    draft.byline.date.as_str(),
                    "可不填：如“2026年1月”",
                    egui::TextStyle::Body,
                ),
            ];
            for (name, field, current, hint, font) in fields {
                let label = ui.label(name);
                text_field::show(
                    ui,
                    FieldSpec {
                        field,
                        current,
                        name: FieldName::LabelledBy(label.id),
                        hint,
                        multiline: false,
                        font,
                        highlights: highlighter.for_field(field, current),
                    },
                    state,
                    actions,
                );
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    free_text(
        ui,
        (
            "开头语",
            "开头的话（可不填）：如“按照……要求，我认真对照……，现将有关情况报告如下：”",
        ),
        TextField::Opening,
        &draft.opening,
        highlighter,
        state,
        actions,
    );
    ui.add_space(8.0);
}

pub fn show_footer(
    ui: &mut egui::Ui,
    draft: &Draft,
    highlighter: &Highlighter<'_>,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) {
    ui.add_space(4.0);
    super::section_panel::add_section_menu(ui, draft, actions);
    ui.add_space(8.0);
    free_text(
        ui,
        (
            "结束语",
            "结束的话（可不填）：如“以上发言，请同志们批评指正。”",
        ),
        TextField::Closing,
        &draft.closing,
        highlighter,
        state,
        actions,
    );
    ui.add_space(24.0);
}

/// A field of free paragraphs; `(name, hint)`.
fn free_text(
    ui: &mut egui::Ui,
    (name, hint): (&str, &str),
    field: TextField,
    text: &str,
    highlighter: &Highlighter<'_>,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) {
    text_field::show(
        ui,
        FieldSpec {
            field,
            current: text,
            name: FieldName::Accessible(name.to_owned()),
            hint,
            multiline: true,
            font: egui::TextStyle::Body,
            highlights: highlighter.for_field(field, text),
        },
        state,
        actions,
    );
}
