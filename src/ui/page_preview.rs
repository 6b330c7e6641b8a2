//! The export dialog's page preview: the speech painted on A4 pages as the .docx prints it —
//! the same lines, the same page breaks, the page numbers — so the writer sees how long the
//! speech runs and where each page ends.

use crate::export::{self, PageGeometry, PrintedPage, Role};

/// Space between pages on screen, in screen points.
const PAGE_GAP: f32 = 12.0;

/// Paints `pages` one under the other, as wide as the space given, in a scroll area of
/// `height`. Only the pages in view are painted.
pub fn show(ui: &mut egui::Ui, pages: &[PrintedPage], height: f32) {
    let g = export::geometry();
    let width = ui.available_width().max(120.0);
    let scale = width / g.page_width;
    let page_height = g.page_height * scale;
    let stride = page_height + PAGE_GAP;
    egui::ScrollArea::vertical()
        .id_salt("export_pages")
        .auto_shrink([false, false])
        .min_scrolled_height(height)
        .max_height(height)
        .show_viewport(ui, |ui, viewport| {
            let total = stride * pages.len() as f32;
            let (area, _) = ui.allocate_exact_size(egui::vec2(width, total), egui::Sense::hover());
            let first = (viewport.min.y / stride).floor().max(0.0) as usize;
            let last = ((viewport.max.y / stride).ceil() as usize).min(pages.len());
            for (index, page) in pages.iter().enumerate().take(last).skip(first) {
                let top = area.top() + stride * index as f32;
                let rect = egui::Rect::from_min_size(
                    egui::pos2(area.left(), top),
                    egui::vec2(width, page_height),
                );
                paint_page(ui, &g, rect, scale, index, page);
                // Screen readers (and tests) read the page as its text.
                let response = ui.interact(
                    rect,
                    ui.scope_id().with(("page", index)),
                    egui::Sense::hover(),
                );
                response.widget_info(|| {
                    let text: String = page
                        .rows
                        .iter()
                        .flatten()
                        .map(|l| l.text.as_str())
                        .collect();
                    egui::WidgetInfo::labeled(
                        egui::Role::Label,
                        true,
                        format!("第 {} 页：{text}", index + 1),
                    )
                });
            }
        });
}

fn paint_page(
    ui: &egui::Ui,
    g: &PageGeometry,
    rect: egui::Rect,
    scale: f32,
    index: usize,
    page: &PrintedPage,
) {
    let painter = ui.painter_at(rect.expand(2.0));
    // Paper stays white in the dark theme too: this is the printed page.
    painter.rect_filled(rect, 2.0, egui::Color32::WHITE);
    painter.rect_stroke(
        rect,
        2.0,
        egui::Stroke::new(1.0, egui::Color32::from_gray(170)),
        egui::StrokeKind::Outside,
    );
    let ink = egui::Color32::from_gray(20);
    let block = rect.min + egui::vec2(g.text_left, g.text_top) * scale;
    let row = g.row * scale;
    for (r, line) in page.rows.iter().enumerate() {
        let Some(line) = line else {
            continue;
        };
        let size = line.size * scale;
        // Characters sit centred in their row, as exact line spacing places them.
        let y = block.y + row * r as f32 + (row - size) / 2.0;
        for ((c, x), role) in line.text.chars().zip(&line.x).zip(&line.roles) {
            let font = match role {
                Role::Title | Role::Heading => egui::FontId::proportional(size),
                Role::Category | Role::Byline | Role::Body => {
                    egui::FontId::proportional(size * 0.96)
                }
            };
            let color = match role {
                Role::Heading | Role::Title => egui::Color32::BLACK,
                Role::Category | Role::Byline => egui::Color32::from_rgb(40, 40, 90),
                Role::Body => ink,
            };
            painter.text(
                egui::pos2(block.x + x * scale, y),
                egui::Align2::LEFT_TOP,
                c,
                font,
                color,
            );
        }
    }
    // — N —, right on odd pages and left on even ones.
    let number = format!("— {} —", index + 1);
    let y = rect.top() + g.page_number_top * scale;
    let inset = g.page_number_inset * scale;
    let (x, align) = if index.is_multiple_of(2) {
        (
            block.x + g.text_width * scale - inset,
            egui::Align2::RIGHT_TOP,
        )
    } else {
        (block.x + inset, egui::Align2::LEFT_TOP)
    };
    painter.text(
        egui::pos2(x, y),
        align,
        number,
        egui::FontId::proportional(g.page_number_size * scale),
        ink,
    );
}
