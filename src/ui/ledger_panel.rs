//! 整改清单: the ledger as a table under the editor. 存在问题 follows the headline (a click shows
//! the finding); 整改措施 shows the linked measures, or is typed here; 责任人, 整改时限 and 完成情况
//! are typed in place, each edit a command and each typing burst one undo step. Sorts by 整改时限
//! (dates in time order, then phrases such as 长期坚持); empty 责任人 and 时限 cells are marked.

use super::{Action, EditAction, View};
use crate::draft::{
    Command, DeadlineOrder, FindingId, LEDGER_COLUMNS, LedgerEntry, LedgerRow, TextField,
};
use egui_extras::{Column, TableBuilder};

/// The panel's window-only state.
#[derive(Debug, Default)]
pub struct LedgerPanelState {
    pub open: bool,
    pub sort: LedgerSort,
    /// The row order while a 时限 cell is being typed in, so the row stays under the cursor.
    frozen: Option<Vec<FindingId>>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum LedgerSort {
    /// 序号 order: the order the problems are spoken in.
    #[default]
    Speaking,
    /// By 整改时限: the nearest date first, then phrases, then empty cells.
    Deadline,
}

/// A cell typed in the panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Cell {
    Measures,
    Owner,
    Deadline,
    Status,
}

impl Cell {
    /// The short name in accessible names: `第3行责任人`.
    fn name(self) -> &'static str {
        match self {
            Cell::Measures => "整改措施",
            Cell::Owner => "责任人",
            Cell::Deadline => "整改时限",
            Cell::Status => "完成情况",
        }
    }

    fn hint(self) -> &'static str {
        match self {
            Cell::Measures => "填写整改措施",
            Cell::Owner => "未定责任人",
            Cell::Deadline => "未定时限",
            Cell::Status => "",
        }
    }

    fn text(self, row: &LedgerRow) -> &str {
        match self {
            Cell::Measures => &row.measures,
            Cell::Owner => &row.owner,
            Cell::Deadline => &row.deadline,
            Cell::Status => &row.status,
        }
    }

    fn slot(self, entry: &mut LedgerEntry) -> &mut String {
        match self {
            Cell::Measures => &mut entry.measures,
            Cell::Owner => &mut entry.owner,
            Cell::Deadline => &mut entry.deadline,
            Cell::Status => &mut entry.status,
        }
    }

    /// An empty cell of this column is a gap in the ledger, shown in a warning colour.
    fn wanted(self) -> bool {
        matches!(self, Cell::Owner | Cell::Deadline)
    }

    fn widget_id(self, problem: FindingId) -> egui::Id {
        egui::Id::unique(("pouxi_ledger_cell", problem, self))
    }
}

/// The panel's contents: a summary line and the table.
pub fn show(
    ui: &mut egui::Ui,
    view: &View<'_>,
    state: &mut LedgerPanelState,
    actions: &mut Vec<Action>,
) {
    contents(ui, view, state, actions);
}

fn contents(
    ui: &mut egui::Ui,
    view: &View<'_>,
    state: &mut LedgerPanelState,
    actions: &mut Vec<Action>,
) {
    let derived;
    let rows = match view.aids.ledger {
        Some(rows) => rows,
        None => {
            derived = view.draft.ledger_rows();
            &derived
        }
    };
    let no_owner = rows.iter().filter(|r| r.owner.trim().is_empty()).count();
    let no_deadline = rows.iter().filter(|r| r.deadline.trim().is_empty()).count();
    ui.horizontal(|ui| {
        ui.strong("整改清单");
        let mut summary = format!("共 {} 条问题", rows.len());
        if no_owner > 0 {
            summary.push_str(&format!(" · {no_owner} 条未定责任人"));
        }
        if no_deadline > 0 {
            summary.push_str(&format!(" · {no_deadline} 条未定时限"));
        }
        ui.label(egui::RichText::new(summary).weak());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("关闭")
                .on_hover_text("关闭整改清单（视图 → 整改清单）")
                .clicked()
            {
                state.open = false;
            }
        });
    });
    if rows.is_empty() {
        ui.label(
            egui::RichText::new("稿件中还没有问题。检视问题部分的每条问题在这里占一行。").weak(),
        );
        return;
    }
    let order = row_order(rows, state, ui.ctx());
    let row_height = ui.spacing().interact_size.y + 6.0;
    let warn_fill = ui.visuals().warn_fg_color.gamma_multiply(0.18);
    let mut editing_deadline = false;
    // 存在问题 and 整改措施 share what the narrow columns leave.
    let narrow = [36.0, 120.0, 120.0, 110.0, 100.0];
    let spacing = ui.spacing().item_spacing.x * 7.0;
    let wide = ((ui.available_width() - narrow.iter().sum::<f32>() - spacing) / 2.0).max(120.0);
    TableBuilder::new(ui)
        .id_salt("pouxi_ledger_table")
        .striped(true)
        .auto_shrink([false, false])
        .min_scrolled_height(0.0)
        // A cell taking the focus scrolls it into view at once, not over several frames.
        .animate_scrolling(false)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(narrow[0]))
        .column(Column::exact(narrow[1]).clip(true))
        .column(Column::exact(wide).clip(true))
        .column(Column::remainder().at_least(120.0).clip(true))
        .column(Column::exact(narrow[2]).clip(true))
        .column(Column::exact(narrow[3]).clip(true))
        .column(Column::exact(narrow[4]).clip(true))
        .header(row_height, |mut header| {
            for (index, title) in LEDGER_COLUMNS.iter().enumerate() {
                header.col(|ui| match index {
                    0 => {
                        let sorted = state.sort != LedgerSort::Speaking;
                        if ui
                            .add(
                                egui::Button::new(egui::RichText::new(*title).strong())
                                    .frame(false),
                            )
                            .on_hover_text("按序号排列")
                            .clicked()
                            && sorted
                        {
                            state.sort = LedgerSort::Speaking;
                        }
                    }
                    5 => {
                        let (text, hint) = match state.sort {
                            LedgerSort::Speaking => (format!("{title} ↕"), "按整改时限排序"),
                            LedgerSort::Deadline => (format!("{title} ↑"), "恢复按序号排列"),
                        };
                        if ui
                            .add(egui::Button::new(egui::RichText::new(text).strong()).frame(false))
                            .on_hover_text(hint)
                            .clicked()
                        {
                            state.sort = match state.sort {
                                LedgerSort::Speaking => LedgerSort::Deadline,
                                LedgerSort::Deadline => LedgerSort::Speaking,
                            };
                        }
                    }
                    _ => {
                        ui.strong(*title);
                    }
                });
            }
        })
        .body(|mut body| {
            for &index in &order {
                let row = &rows[index];
                let entry = view
                    .draft
                    .ledger
                    .entry(row.problem)
                    .cloned()
                    .unwrap_or_default();
                body.row(row_height, |mut cells| {
                    cells.col(|ui| {
                        ui.label(row.number.to_string());
                    });
                    cells.col(|ui| {
                        ui.add(egui::Label::new(&row.category).truncate());
                    });
                    cells.col(|ui| {
                        headline_cell(ui, row, actions);
                    });
                    cells.col(|ui| {
                        if row.measures_linked {
                            ui.add(
                                egui::Label::new(egui::RichText::new(&row.measures).weak())
                                    .truncate(),
                            )
                            .on_hover_text(format!(
                                "{}\n（由整改措施部分关联的措施生成，请在那里修改）",
                                row.measures
                            ));
                        } else {
                            cell_edit(ui, row, &entry, Cell::Measures, warn_fill, actions);
                        }
                    });
                    for cell in [Cell::Owner, Cell::Deadline, Cell::Status] {
                        cells.col(|ui| {
                            let focused = cell_edit(ui, row, &entry, cell, warn_fill, actions);
                            editing_deadline |= focused && cell == Cell::Deadline;
                        });
                    }
                });
            }
        });
    state.frozen = editing_deadline.then(|| order.iter().map(|&i| rows[i].problem).collect());
}

/// The rows' order on screen: speaking order, or by 整改时限 (stable, so equal deadlines keep
/// their 序号 order). While a 时限 is typed the order of the frame before holds.
fn row_order(rows: &[LedgerRow], state: &LedgerPanelState, ctx: &egui::Context) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    if state.sort == LedgerSort::Speaking {
        return order;
    }
    let typing = rows
        .iter()
        .any(|row| ctx.memory(|m| m.has_focus(Cell::Deadline.widget_id(row.problem))));
    match &state.frozen {
        Some(frozen) if typing => {
            let place = |problem: FindingId| {
                frozen
                    .iter()
                    .position(|p| *p == problem)
                    .unwrap_or(usize::MAX)
            };
            order.sort_by_key(|&i| place(rows[i].problem));
        }
        _ => order.sort_by_cached_key(|&i| DeadlineOrder::of(&rows[i].deadline)),
    }
    order
}

/// 存在问题: the headline, read-only; a click shows the finding in the editor.
fn headline_cell(ui: &mut egui::Ui, row: &LedgerRow, actions: &mut Vec<Action>) {
    let text = if row.headline.is_empty() {
        egui::RichText::new("（未写标题）").weak()
    } else {
        egui::RichText::new(&row.headline)
    };
    let response = ui
        .add(
            egui::Label::new(text)
                .truncate()
                .sense(egui::Sense::click()),
        )
        .on_hover_cursor(egui::CursorIcon::PointingHand)
        .on_hover_text(format!("{}\n单击转到这条问题", row.headline));
    if response.clicked() {
        actions.push(Action::JumpTo(TextField::Headline(row.problem)));
    }
}

/// A typed cell: each change goes out as the row's whole entry; leaving the cell ends the
/// typing burst. Returns whether the cell has the keyboard focus.
fn cell_edit(
    ui: &mut egui::Ui,
    row: &LedgerRow,
    entry: &LedgerEntry,
    cell: Cell,
    warn_fill: egui::Color32,
    actions: &mut Vec<Action>,
) -> bool {
    let current = cell.text(row);
    let mut text = current.to_owned();
    let mut edit = egui::TextEdit::singleline(&mut text)
        .id(cell.widget_id(row.problem))
        .hint_text(cell.hint())
        .desired_width(f32::INFINITY);
    if cell.wanted() && current.trim().is_empty() {
        edit = edit.background_color(warn_fill);
    }
    let response = ui
        .add(edit)
        .accessible_name(format!("第{}行{}", row.number, cell.name()));
    let response = if current.chars().count() > 8 {
        response.on_hover_text(current)
    } else {
        response
    };
    if response.changed() {
        let mut entry = entry.clone();
        *cell.slot(&mut entry) = text;
        actions.push(Action::command(Command::SetLedgerEntry {
            problem: row.problem,
            entry: Some(entry),
        }));
    }
    if response.lost_focus() {
        actions.push(Action::Edit(EditAction::SealTyping));
    }
    response.has_focus()
}
