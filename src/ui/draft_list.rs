//! The editing column as a virtual list, so a frame costs what is on screen, not what the draft
//! holds.
//!
//! The column is a list of rows: the title block; for each part of the speech its heading, then
//! its paragraphs, or each category's header with its findings one row each (or a hint when it
//! has none) and the part's ＋ 新增类别; and the footer. Every row's height is remembered per row
//! and wrap width once it has been laid out; rows never laid out at this width get an estimate
//! from their text. Each frame the rows' offsets are summed from those heights and only rows
//! that meet the viewport are laid out, each in its own child `Ui` at its offset; the column
//! claims the summed height so the scroll bar spans the whole draft.
//!
//! Also laid out, wherever they are: the row holding the keyboard focus and its neighbours
//! (egui drops the focus of a widget that is not drawn, and Tab needs a next widget), and the
//! row a focus request points into, after scrolling it into view. When a row above the viewport,
//! or one coming into view from above, turns out taller or shorter than assumed, the scroll
//! offset is moved by the difference and the pass is redone, so the content does not jump while
//! scrolling up into rows never seen before. Text layout is egui's: galleys are cached by
//! content, so a row on screen is laid out once and only a field being typed in again.
//!
//! A category's panel is drawn row by row: each row strokes the panel's outline clipped to
//! itself (top corners on the header, sides on findings, bottom corners on the last row), which
//! joins into one frame per category.

use super::category_panel::{self, CategorySpot};
use super::finding_card::{self, Place};
use super::highlight::Highlighter;
use super::section_panel::{self, SectionSpot};
use super::{Action, UiState, View};
use crate::draft::{CategoryId, FindingId, SectionBody, SectionId, SectionKind, TextField};
use egui::{Id, IdMap, Rect, pos2, vec2};
use std::collections::HashSet;

/// Inside a category's outline, around its contents.
const PANEL_MARGIN: f32 = 6.0;
/// Between the outline of one category and the next.
const PANEL_GAP: f32 = 9.0;
/// Between two findings, and between a category's header and its first finding.
const ROW_GAP: f32 = 5.0;
/// Rows just outside the viewport laid out too, so Tab reaches the next field.
const OVERSCAN: f32 = 40.0;

/// What the list remembers between frames. Window-only, never saved.
#[derive(Debug, Default)]
pub struct ListState {
    /// Per row: its height when last laid out at a width, or else its estimate there.
    heights: IdMap<Measured>,
    /// A scroll offset to start the next pass with (after a height correction).
    pending_offset: Option<f32>,
    /// The scroll offset and the column's width in the last pass.
    offset: f32,
    width: Option<f32>,
    /// The row holding the keyboard focus in the last pass.
    focus_row: Option<RowKey>,
    /// The widget that held the keyboard focus in that row.
    focus_widget: Option<Id>,
}

impl ListState {
    /// Forgets every remembered height (another draft was opened).
    pub fn clear(&mut self) {
        *self = ListState::default();
    }

    /// How far the column is scrolled, in points.
    pub fn offset(&self) -> f32 {
        self.offset
    }

    /// Scrolls the column to `offset` on the next frame (where the writer left off).
    pub fn scroll_to(&mut self, offset: f32) {
        self.pending_offset = Some(offset.max(0.0));
    }
}

#[derive(Debug, Clone, Copy)]
struct Measured {
    width: f32,
    height: f32,
    /// Worked out from the text, not laid out yet.
    estimated: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum RowKey {
    Header,
    SectionHead(SectionId),
    SectionText(SectionId),
    /// ＋ 新增类别 under a part's categories.
    SectionFoot(SectionId),
    CategoryHead(CategoryId),
    Empty(CategoryId),
    Finding(FindingId),
    Footer,
}

/// Where a row sits in its category's outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Not in a category.
    Free,
    Top,
    Middle,
    Bottom,
    /// A collapsed category: its header is the whole panel.
    Whole,
}

impl Part {
    /// Space above and below the row's contents, inside the row.
    fn padding(self) -> (f32, f32) {
        match self {
            Part::Free => (0.0, 0.0),
            Part::Top => (PANEL_MARGIN, ROW_GAP),
            Part::Middle => (0.0, ROW_GAP),
            Part::Bottom => (0.0, ROW_GAP + PANEL_MARGIN + PANEL_GAP),
            Part::Whole => (PANEL_MARGIN, PANEL_MARGIN + PANEL_GAP),
        }
    }

    fn inset(self) -> f32 {
        if self == Part::Free {
            0.0
        } else {
            PANEL_MARGIN
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Row {
    key: RowKey,
    id: Id,
    section: usize,
    /// The category's index in its section.
    category: usize,
    /// The category's panel among all panels (its span in [`Layout::spans`]).
    panel: usize,
    finding: usize,
    part: Part,
    /// Offset from the top of the column.
    top: f32,
    height: f32,
    estimated: bool,
}

impl Row {
    fn bottom(&self) -> f32 {
        self.top + self.height
    }
}

/// Sizes the estimates need, read from the style once per frame.
struct Metrics {
    width: f32,
    /// Advance of a CJK character in the body font.
    em: f32,
    line: f32,
    /// Height of a one-line text field or button row.
    field: f32,
    heading_field: f32,
}

impl Metrics {
    fn new(ui: &egui::Ui, width: f32) -> Metrics {
        let body = egui::TextStyle::Body.resolve(ui.style());
        let line = ui.text_style_height(&egui::TextStyle::Body);
        let heading = ui.text_style_height(&egui::TextStyle::Heading);
        let margin = ui.spacing().button_padding.y.max(4.0) * 2.0;
        Metrics {
            width,
            em: body.size,
            line,
            field: (line + margin).max(ui.spacing().interact_size.y),
            heading_field: heading + margin,
        }
    }

    /// Lines `text` wraps to in a field `width` wide: CJK characters take an em, others about
    /// half of one.
    fn lines(&self, text: &str, width: f32, at_least: usize) -> f32 {
        let width = width.max(self.em * 4.0);
        let mut lines = 0usize;
        for paragraph in text.split('\n') {
            let advance: f32 = paragraph
                .chars()
                .map(|c| if (c as u32) < 0x2E80 { 0.55 } else { 1.0 })
                .sum::<f32>()
                * self.em;
            lines += ((advance / width).ceil() as usize).max(1);
        }
        lines.max(at_least) as f32
    }

    /// A multi-line text field holding `text` in `width`.
    fn text_box(&self, text: &str, width: f32) -> f32 {
        self.lines(text, width - 8.0, 2) * self.line + 8.0
    }
}

/// A guess at a row's height before it has been laid out.
fn estimate(view: &View<'_>, row: &Row, m: &Metrics) -> f32 {
    let (above, below) = row.part.padding();
    let inner = m.width - 2.0 * row.part.inset();
    let contents = match row.key {
        RowKey::Header => {
            m.heading_field
                + 2.0 * (6.0 + m.field)
                + 6.0
                + m.text_box(&view.draft.opening, inner)
                + 8.0
        }
        RowKey::SectionHead(_) => 6.0 + m.heading_field + 8.0,
        RowKey::SectionText(_) => {
            let text = view
                .draft
                .sections
                .get(row.section)
                .and_then(|s| s.paragraphs())
                .unwrap_or_default();
            m.text_box(text, inner - 18.0) + 8.0
        }
        RowKey::SectionFoot(_) => m.field + 10.0,
        RowKey::CategoryHead(_) if row.part == Part::Whole => m.field.max(24.0),
        // An open category shows its lead's field under the head, empty or not.
        RowKey::CategoryHead(_) => {
            let lead = view
                .draft
                .sections
                .get(row.section)
                .and_then(|s| s.categories().get(row.category))
                .map_or("", |c| c.lead.as_str());
            let lead_box = if lead.is_empty() {
                m.line + 8.0
            } else {
                m.text_box(lead, inner - 12.0 - 18.0)
            };
            m.field.max(24.0) + 4.0 + lead_box
        }
        RowKey::Empty(_) => m.line,
        RowKey::Finding(_) => {
            let body = view
                .draft
                .sections
                .get(row.section)
                .and_then(|s| s.categories().get(row.category))
                .and_then(|c| c.findings.get(row.finding))
                .map_or("", |f| f.body.as_str());
            // Card margins, the headline row, spacing, the body beside its 28-point indent.
            8.0 + m.field.max(24.0) + 3.0 + m.text_box(body, inner - 12.0 - 28.0 - 8.0)
        }
        RowKey::Footer => 4.0 + m.field + 8.0 + m.text_box(&view.draft.closing, inner) + 24.0,
    };
    above + contents + below
}

/// The row a text field lives in.
fn row_of(field: TextField) -> RowKey {
    match field {
        TextField::Title | TextField::Byline | TextField::DateLine | TextField::Opening => {
            RowKey::Header
        }
        TextField::SectionHeading(id) => RowKey::SectionHead(id),
        TextField::SectionText(id) => RowKey::SectionText(id),
        TextField::Closing => RowKey::Footer,
        TextField::CategoryTitle(id) | TextField::CategoryLead(id) => RowKey::CategoryHead(id),
        TextField::Headline(id) | TextField::Body(id) => RowKey::Finding(id),
    }
}

/// Every row of the draft in order, with its remembered or estimated height and its offset.
struct Layout {
    rows: Vec<Row>,
    /// Per category, by index: its first and last row.
    spans: Vec<(usize, usize)>,
    /// Height of the whole column.
    total: f32,
}

fn build_rows(
    list_id: Id,
    view: &View<'_>,
    collapsed: &HashSet<CategoryId>,
    heights: &mut IdMap<Measured>,
    metrics: &Metrics,
) -> Layout {
    let draft = view.draft;
    let mut rows = Vec::with_capacity(draft.finding_count() * 2 + 4 * draft.sections.len() + 2);
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut push =
        |key: RowKey, (section, category, finding): (usize, usize, usize), part: Part| {
            let panel = match part {
                Part::Free => 0,
                Part::Top | Part::Whole => {
                    spans.push((rows.len(), rows.len()));
                    spans.len() - 1
                }
                Part::Middle | Part::Bottom => {
                    if let Some(span) = spans.last_mut() {
                        span.1 = rows.len();
                    }
                    spans.len().saturating_sub(1)
                }
            };
            rows.push(Row {
                key,
                id: list_id.with(key),
                section,
                category,
                panel,
                finding,
                part,
                top: 0.0,
                height: 0.0,
                estimated: true,
            });
        };
    push(RowKey::Header, (0, 0, 0), Part::Free);
    for (si, section) in draft.sections.iter().enumerate() {
        push(RowKey::SectionHead(section.id), (si, 0, 0), Part::Free);
        let categories = match &section.body {
            SectionBody::Paragraphs(_) => {
                push(RowKey::SectionText(section.id), (si, 0, 0), Part::Free);
                continue;
            }
            SectionBody::Categories(categories) => categories,
        };
        for (ci, category) in categories.iter().enumerate() {
            if collapsed.contains(&category.id) {
                push(RowKey::CategoryHead(category.id), (si, ci, 0), Part::Whole);
                continue;
            }
            push(RowKey::CategoryHead(category.id), (si, ci, 0), Part::Top);
            if category.findings.is_empty() {
                push(RowKey::Empty(category.id), (si, ci, 0), Part::Bottom);
            }
            let last = category.findings.len().saturating_sub(1);
            for (fi, finding) in category.findings.iter().enumerate() {
                let part = if fi == last {
                    Part::Bottom
                } else {
                    Part::Middle
                };
                push(RowKey::Finding(finding.id), (si, ci, fi), part);
            }
        }
        push(RowKey::SectionFoot(section.id), (si, 0, 0), Part::Free);
    }
    push(RowKey::Footer, (0, 0, 0), Part::Free);

    let mut top = 0.0;
    for row in &mut rows {
        row.top = top;
        let known = heights
            .get(&row.id)
            .filter(|m| (m.width - metrics.width).abs() < 0.5)
            .copied();
        let measured = known.unwrap_or_else(|| {
            // Estimates are kept too: working them out again every frame would cost as much as
            // laying out the rows on screen.
            let estimate = Measured {
                width: metrics.width,
                height: estimate(view, row, metrics),
                estimated: true,
            };
            heights.insert(row.id, estimate);
            estimate
        });
        row.height = measured.height;
        row.estimated = measured.estimated;
        top += row.height;
    }
    Layout {
        rows,
        spans,
        total: top,
    }
}

/// Draws the editing column: title block, categories with their findings, footer.
pub fn show(
    ui: &mut egui::Ui,
    view: &View<'_>,
    highlighter: &Highlighter<'_>,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) {
    let list_id = ui.scope_id().with("draft_list");
    let viewport_height = ui.available_height();
    // Rows are laid out at the width the column had last frame (known only inside the scroll
    // area); on the frame the width changes they are laid out again below.
    let assumed_width = state
        .list
        .width
        .unwrap_or_else(|| ui.available_width() - ui.spacing().scroll.allocated_width());
    let Layout {
        mut rows,
        mut spans,
        mut total,
    } = build_rows(
        list_id,
        view,
        &state.collapsed,
        &mut state.list.heights,
        &Metrics::new(ui, assumed_width),
    );

    // Jumps: to a category from the outline, or to a field that is to get the focus.
    let current = state.list.pending_offset.unwrap_or(state.list.offset);
    let mut offset = state.list.pending_offset.take();
    if let Some(category) = state.scroll_to.take()
        && let Some(row) = rows
            .iter()
            .find(|r| r.key == RowKey::CategoryHead(category))
    {
        offset = Some(row.top);
    }
    let focus_row = state.focus_request.map(row_of);
    if let Some(key) = focus_row
        && let Some(row) = rows.iter().find(|r| r.key == key)
        && (row.top < current || row.bottom() > current + viewport_height)
    {
        offset = Some(row.top + row.height / 2.0 - viewport_height / 2.0);
    }
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt("draft_scroll")
        .auto_shrink([false, false]);
    if let Some(offset) = offset {
        let max = (total - viewport_height).max(0.0);
        scroll = scroll.vertical_scroll_offset(offset.clamp(0.0, max));
    }

    // The row with the keyboard focus stays laid out even when scrolled away (egui drops the
    // focus of a widget that is not drawn), and so do its neighbours, for Tab and Shift+Tab.
    let focused_row = state.list.focus_row.take();

    let output = scroll.show_viewport(ui, |ui, viewport| {
        let width = ui.available_width();
        if (width - assumed_width).abs() > 0.5 {
            Layout { rows, spans, total } = build_rows(
                list_id,
                view,
                &state.collapsed,
                &mut state.list.heights,
                &Metrics::new(ui, width),
            );
        }
        let origin = ui.max_rect().min;
        let first = rows.partition_point(|r| r.bottom() < viewport.min.y - OVERSCAN);
        let mut drawn: Vec<usize> = Vec::new();
        for (index, row) in rows.iter().enumerate().skip(first) {
            if row.top > viewport.max.y + OVERSCAN {
                break;
            }
            drawn.push(index);
        }
        let focused = focused_row.and_then(|key| rows.iter().position(|r| r.key == key));
        let requested = focus_row.and_then(|key| rows.iter().position(|r| r.key == key));
        let neighbours = focused.map(|i| [i.saturating_sub(1), i, i + 1]);
        for index in neighbours.into_iter().flatten().chain(requested) {
            if index < rows.len() && !drawn.contains(&index) {
                drawn.push(index);
            }
        }
        drawn.sort_unstable();

        // Rows follow one another from where the first of them starts; a row apart from the
        // others (the focused one, far away) starts at its own offset.
        let mut correction = 0.0;
        let mut grown = 0.0;
        let mut previous: Option<(usize, f32)> = None;
        for &index in &drawn {
            if let Some((before, bottom)) = previous
                && before + 1 == index
            {
                rows[index].top = bottom;
            }
            let row = rows[index];
            let sources = Sources { view, highlighter };
            let height = show_row(ui, origin, width, &row, &sources, state, actions);
            let change = height - row.height;
            // A row above what is on screen, or one coming into view from above, turned out
            // taller or shorter than assumed: move the offset with it so that what is on screen
            // stays put. (A row partly in view that changes, say while typing in it, pushes
            // what is below it instead, as in any editor.)
            let above =
                row.bottom() <= viewport.min.y || (row.top < viewport.min.y && row.estimated);
            if above && change.abs() > 0.5 {
                correction += change;
            }
            grown += change;
            rows[index].height = height;
            previous = Some((index, row.top + height));
            let measured = Measured {
                width,
                height,
                estimated: false,
            };
            state.list.heights.insert(row.id, measured);
        }
        ui.set_min_size(vec2(width, total + grown));
        let previous = state.list.focus_widget.take();
        let focused = focused_widget_row(ui, (&rows, &drawn), origin, width, previous);
        state.list.focus_row = focused.map(|(row, _)| row);
        state.list.focus_widget = focused.map(|(_, id)| id);

        // Drops on a category outside any finding append to it.
        let mut seen = Vec::new();
        for &index in &drawn {
            let row = rows[index];
            if row.part == Part::Free || seen.contains(&row.panel) {
                continue;
            }
            seen.push(row.panel);
            let category = view
                .draft
                .sections
                .get(row.section)
                .and_then(|s| s.categories().get(row.category));
            if let (Some(&span), Some(category)) = (spans.get(row.panel), category) {
                finding_card::category_drop_target(
                    ui,
                    panel_rect(&rows, span, origin, width),
                    view.draft,
                    category.id,
                    actions,
                );
            }
        }
        (width, correction)
    });
    let (width, correction) = output.inner;
    state.list.width = Some(width);
    state.list.offset = output.state.clamped_offset().y;
    if correction.abs() > 0.5 {
        state.list.pending_offset = Some((state.list.offset + correction).max(0.0));
        ui.ctx()
            .request_discard("a row above the viewport changed height");
    }
}

/// The row of the widget with the keyboard focus, if it is in this column, and the widget. A
/// widget that just got the focus and shows outside the column is another panel's (a ledger
/// cell over the column's rows laid out below the viewport); one that kept the focus keeps its
/// row even when scrolled away. A widget that just got the focus (by Tab, say) is brought into
/// view.
fn focused_widget_row(
    ui: &egui::Ui,
    (rows, drawn): (&[Row], &[usize]),
    origin: egui::Pos2,
    width: f32,
    previous: Option<Id>,
) -> Option<(RowKey, Id)> {
    let ctx = ui.ctx();
    let focused = ctx.memory(|m| m.focused())?;
    let response = ctx.read_response(focused)?;
    if response.layer_id != ui.layer_id() {
        return None;
    }
    let at = response.rect.center();
    // Where a widget of this column shows at all, it shows inside the column's viewport (a
    // row laid out below it, for Tab, shows nowhere); a widget showing elsewhere belongs to
    // another panel, whatever rows lie under it.
    let shown = response.interact_rect;
    let elsewhere = shown.is_positive() && !ui.clip_rect().contains_rect(shown);
    if previous != Some(focused) && elsewhere {
        return None;
    }
    let row = drawn.iter().map(|&i| &rows[i]).find(|row| {
        let top = origin.y + row.top;
        (origin.x..=origin.x + width).contains(&at.x) && (top..top + row.height).contains(&at.y)
    })?;
    if response.gained_focus() {
        response.scroll_to_me(None);
    }
    Some((row.key, focused))
}

/// The outline of the category whose rows are `first..=last`, in screen coordinates.
fn panel_rect(rows: &[Row], (first, last): (usize, usize), origin: egui::Pos2, width: f32) -> Rect {
    let top = rows[first].top;
    let bottom = rows[last].bottom() - PANEL_GAP;
    Rect::from_min_max(origin + vec2(0.0, top), origin + vec2(width, bottom))
}

/// What rows are drawn from.
struct Sources<'a, 'v> {
    view: &'a View<'v>,
    highlighter: &'a Highlighter<'a>,
}

/// Lays out one row at its offset and returns the height it took.
fn show_row(
    ui: &mut egui::Ui,
    origin: egui::Pos2,
    width: f32,
    row: &Row,
    sources: &Sources<'_, '_>,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) -> f32 {
    let (view, highlighter) = (sources.view, sources.highlighter);
    let (above, below) = row.part.padding();
    let inset = row.part.inset();
    let top = origin.y + row.top;
    // The outline goes behind the contents; its size is known only after them.
    let outline = ui.painter().add(egui::Shape::Noop);
    let max_rect = Rect::from_min_size(
        pos2(origin.x + inset, top + above),
        vec2(width - 2.0 * inset, 100_000.0),
    );
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .scope_id(row.id)
            .max_rect(max_rect)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    let draft = view.draft;
    match row.key {
        RowKey::Header => {
            super::draft_header::show(&mut child, draft, highlighter, state, actions);
        }
        RowKey::Footer => {
            super::draft_header::show_footer(&mut child, draft, highlighter, state, actions);
        }
        RowKey::SectionHead(_) | RowKey::SectionText(_) | RowKey::SectionFoot(_) => {
            let section = &draft.sections[row.section];
            let numbers = view.section_numbers;
            let name = section_panel::field_name(draft, row.section);
            let spot = SectionSpot {
                index: row.section,
                number: numbers.get(row.section).and_then(Option::as_deref),
                name: &name,
            };
            match row.key {
                RowKey::SectionHead(_) => section_panel::show_head(
                    &mut child,
                    draft,
                    highlighter,
                    &spot,
                    section,
                    state,
                    actions,
                ),
                RowKey::SectionText(_) => section_panel::show_text(
                    &mut child,
                    highlighter,
                    &spot,
                    section,
                    state,
                    actions,
                ),
                _ => {
                    let problems = draft.problems_section().map(|s| s.id) == Some(section.id);
                    section_panel::show_foot(&mut child, problems, section, actions)
                }
            }
        }
        RowKey::CategoryHead(_) => {
            let section = &draft.sections[row.section];
            let category = &section.categories()[row.category];
            let prefix = prefix_of(view, row.section);
            let spot = CategorySpot {
                index: row.category,
                prefix: &prefix,
                chars: view.category_chars.get(&category.id).copied().unwrap_or(0),
            };
            category_panel::show_head(&mut child, highlighter, &spot, category, state, actions)
        }
        RowKey::Empty(_) => category_panel::show_empty(&mut child),
        RowKey::Finding(_) => {
            let section = &draft.sections[row.section];
            let category = &section.categories()[row.category];
            let finding = &category.findings[row.finding];
            let prefix = prefix_of(view, row.section);
            let place = Place {
                draft,
                categories: section.categories(),
                prefix: &prefix,
                measure: section.kind == SectionKind::Measures,
                ad_warning: view.ad_warnings.get(&finding.id).map(Vec::as_slice),
                copied: view
                    .aids
                    .copied
                    .and_then(|copied| copied.get(&finding.id).copied()),
                highlighter,
                category_index: row.category,
                category,
                index: row.finding,
            };
            finding_card::show(&mut child, &place, finding, state, actions);
        }
    }
    let height = above + child.min_rect().height() + below;
    if row.part != Part::Free {
        paint_outline(ui, outline, origin.x, width, top, height, row.part);
    }
    height
}

/// What goes before a category's or finding's name: nothing in the problems section, the
/// part's name elsewhere (`第四部分`), so every field's name in the window is unique.
fn prefix_of(view: &View<'_>, section: usize) -> String {
    let name = section_panel::field_name(view.draft, section);
    if name == "小标题" {
        String::new()
    } else {
        name
    }
}

/// Strokes the category's outline where this row has it: the outline is drawn reaching past
/// the row wherever the panel goes on, and clipped to the row.
fn paint_outline(
    ui: &egui::Ui,
    slot: egui::layers::ShapeIdx,
    left: f32,
    width: f32,
    top: f32,
    height: f32,
    part: Part,
) {
    let visuals = &ui.visuals().widgets.noninteractive;
    let (stroke, radius) = (visuals.bg_stroke, visuals.corner_radius);
    let reach = 2.0 * radius.average() + 4.0;
    let row_bottom = top + height;
    let (clip_bottom, outline_top, outline_bottom) = match part {
        Part::Free => return,
        Part::Top => (row_bottom, top, row_bottom + reach),
        Part::Middle => (row_bottom, top - reach, row_bottom + reach),
        Part::Bottom => (row_bottom - PANEL_GAP, top - reach, row_bottom - PANEL_GAP),
        Part::Whole => (row_bottom - PANEL_GAP, top, row_bottom - PANEL_GAP),
    };
    let clip = ui.clip_rect().intersect(Rect::from_x_y_ranges(
        left..=left + width,
        top..=clip_bottom,
    ));
    let outline = Rect::from_x_y_ranges(left..=left + width, outline_top..=outline_bottom);
    // A painter's clip rect goes with the shapes it sets.
    ui.painter().with_clip_rect(clip).set(
        slot,
        egui::epaint::RectShape::stroke(outline, radius, stroke, egui::StrokeKind::Inside),
    );
}
