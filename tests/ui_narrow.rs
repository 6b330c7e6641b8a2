//! A narrow editor column (a small window, 200 % scaling, or the 检查 panel open beside it):
//! every part's heading, tools and findings stay in the column, one under another.

mod ui_support;
use ui_support::*;

use egui_kittest::kittest::Queryable;

const SIZE: [f32; 2] = [540.0, 900.0];

fn within_window(rect: egui::Rect) -> bool {
    rect.left() >= 0.0
        && rect.right() <= SIZE[0]
        && rect.top() >= 0.0
        && rect.bottom() <= SIZE[1]
        && rect.width() > 0.0
}

#[test]
fn a_narrow_column_keeps_the_category_tools_and_the_findings_under_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_sized(dir.path(), Some(fixture("seed_draft.ron")), SIZE, 1.0);
    harness.run();

    let title = harness.get_by_label("（一）类别标题").rect();
    let add = harness
        .get_all_by_label("＋ 新增问题")
        .next()
        .unwrap()
        .rect();
    let remove = harness.get_all_by_label("删除类别").next().unwrap().rect();
    let lead = harness.get_by_label("（一）导语").rect();
    let headline = harness.get_by_label("（一）一是标题").rect();
    for (name, rect) in [
        ("＋ 新增问题", add),
        ("删除类别", remove),
        ("导语", lead),
        ("一是标题", headline),
    ] {
        assert!(within_window(rect), "{name} at {rect:?}");
        assert!(
            rect.top() >= title.bottom(),
            "{name} at {rect:?} over the title at {title:?}"
        );
    }
    // The tools sit in one row right under the title, the lead under them, the finding next.
    assert!(
        add.top() - title.bottom() < 40.0,
        "{add:?} far below {title:?}"
    );
    assert!(lead.top() >= add.bottom(), "{lead:?} over {add:?}");
    assert!(
        headline.top() >= lead.bottom(),
        "{headline:?} over {lead:?}"
    );
    assert!(
        headline.top() - title.bottom() < 200.0,
        "{headline:?} far below {title:?}"
    );
}

#[test]
fn a_narrow_column_gives_the_part_heading_its_own_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_sized(dir.path(), Some(fixture("seed_draft.ron")), SIZE, 1.0);
    harness.run();

    let heading = harness.get_by_label("小标题").rect();
    let kind = harness.get_by_label("小标题类型").rect();
    let menu = harness.get_by_label("小标题菜单").rect();
    // The heading takes the row but for its number; the kind and the tools go under it.
    assert!(heading.width() > SIZE[0] * 0.7, "{heading:?}");
    for (name, rect) in [("类型", kind), ("更多", menu)] {
        assert!(within_window(rect), "{name} at {rect:?}");
        assert!(
            rect.top() >= heading.bottom(),
            "{name} at {rect:?} beside {heading:?}"
        );
        assert!(
            rect.top() - heading.bottom() < 40.0,
            "{name} at {rect:?} far below"
        );
    }
    let title = harness.get_by_label("（一）类别标题").rect();
    assert!(title.top() >= kind.bottom(), "{title:?} over {kind:?}");
}
