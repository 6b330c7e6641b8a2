//! The editing column at 6 × 100 findings, through egui_kittest on the real App: only the rows
//! on screen exist as widgets, and jumps from the outline and focus requests into findings far
//! off screen still land on a visible, focused widget.

#[path = "perf_support/mod.rs"]
mod perf_support;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use pouxi::app::{AppPaths, DialogMode, PouxiApp};
use pouxi::draft::numbering::finding_label;
use std::path::{Path, PathBuf};

const SIZE: [f32; 2] = [1280.0, 860.0];

fn stress_harness(root: &Path) -> Harness<'static, PouxiApp> {
    let path = root.join("压力稿.ron");
    pouxi::store::save_draft(&path, &perf_support::standard_stress_draft()).unwrap();
    let root = root.to_path_buf();
    let open: Option<PathBuf> = Some(path);
    let mut harness = Harness::builder().with_size(SIZE).build_eframe(move |cc| {
        let mut app = PouxiApp::new(&cc.egui_ctx, AppPaths::under(&root), None);
        app.set_dialog_mode(DialogMode::InWindow);
        // Opens and saves finish within the frame that asked, however busy the machine.
        app.set_file_wait(std::time::Duration::from_secs(30));
        if let Some(path) = &open {
            app.open_file(path);
        }
        app
    });
    harness.run();
    assert_eq!(harness.state().draft().finding_count(), 600);
    harness
}

/// True when the widget's rectangle lies within the window.
fn on_screen(rect: egui::Rect) -> bool {
    rect.top() >= 0.0 && rect.bottom() <= SIZE[1] && rect.height() > 0.0
}

fn finding_widgets(harness: &Harness<'_, PouxiApp>) -> usize {
    harness.query_all_by_label_contains("拖动（").count()
}

#[test]
fn only_the_findings_on_screen_are_widgets() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stress_harness(dir.path());
    let at_top = finding_widgets(&harness);
    assert!(
        (1..=12).contains(&at_top),
        "{at_top} finding widgets at the top of 600 findings"
    );
    harness.get_by_label("（一）一是标题");
    assert!(harness.query_by_label("（一）五十是标题").is_none());
    assert!(harness.query_by_label("（六）类别标题").is_none());

    // Halfway down, still only what is on screen.
    harness
        .get_by_label_contains("（四）在担当作为方面")
        .click();
    harness.run();
    let in_the_middle = finding_widgets(&harness);
    assert!(
        (1..=12).contains(&in_the_middle),
        "{in_the_middle} finding widgets in the middle"
    );
    assert!(harness.query_by_label("（一）一是标题").is_none());
}

#[test]
fn the_outline_jumps_to_the_sixth_category_of_a_stress_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stress_harness(dir.path());
    harness
        .get_by_label_contains("（六）在廉洁自律方面")
        .click();
    harness.run();
    let title = harness.get_by_label("（六）类别标题");
    assert!(on_screen(title.rect()), "{:?}", title.rect());
    let first = harness.get_by_label("（六）一是标题");
    assert!(on_screen(first.rect()), "{:?}", first.rect());
    let expected = harness.state().draft().categories()[5].findings[0]
        .headline
        .clone();
    assert_eq!(first.value(), Some(expected));
    // And back to the top.
    harness
        .get_by_label_contains("（一）在理论学习方面")
        .click();
    harness.run();
    assert!(on_screen(harness.get_by_label("（一）类别标题").rect()));
}

#[test]
fn a_new_finding_far_below_is_scrolled_to_and_focused() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stress_harness(dir.path());
    // （一）'s ＋ 新增问题 is at the top; the new finding goes after its 100 findings.
    harness
        .get_all_by_label("＋ 新增问题")
        .next()
        .unwrap()
        .click();
    harness.run();
    let label = format!("（一）{}标题", finding_label(100));
    let headline = harness.get_by_label(&label);
    assert!(headline.is_focused(), "{label} has the focus");
    assert!(on_screen(headline.rect()), "{:?}", headline.rect());
    headline.type_text("新写的问题");
    harness.run();
    assert_eq!(
        harness.state().draft().categories()[0].findings[100].headline,
        "新写的问题"
    );
    assert!(on_screen(harness.get_by_label(&label).rect()));
}

#[test]
fn alt_arrows_carry_a_finding_across_categories_in_a_stress_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stress_harness(dir.path());
    harness
        .get_by_label_contains("（二）在政治素质方面")
        .click();
    harness.run();
    let moved = harness.state().draft().categories()[1].findings[0].id;
    harness.get_by_label("（二）一是内容").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowUp);
    harness.run();
    // It is now the last of （一）, a hundred findings up, and still being edited.
    let draft = harness.state().draft();
    assert_eq!(draft.categories()[0].findings[100].id, moved);
    let label = format!("（一）{}内容", finding_label(100));
    let body = harness.get_by_label(&label);
    assert!(body.is_focused(), "{label} keeps the focus");
    assert!(on_screen(body.rect()), "{:?}", body.rect());
}

/// A "draft" that would never finish reading (a named pipe nobody writes to) does not hold the
/// window: it is refused at once without being opened, and the open draft stays.
#[cfg(unix)]
#[test]
fn a_file_that_would_block_does_not_hold_the_window() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("慢盘.ron");
    let c_path = std::ffi::CString::new(pipe.as_os_str().as_bytes()).unwrap();
    // SAFETY: mkfifo with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);

    let root = dir.path().to_path_buf();
    let open = Some(pipe.clone());
    let mut harness = Harness::builder().with_size(SIZE).build_eframe(move |cc| {
        PouxiApp::new(&cc.egui_ctx, AppPaths::under(&root), open.as_deref())
    });
    harness.run();
    // The bound on work: nobody opened the pipe. Opening a FIFO for writing without blocking
    // fails with ENXIO exactly when no reader has it open or is waiting in open(2); a reader
    // stuck there (the window's file thread) would make it succeed.
    // SAFETY: open(2) with a valid NUL-terminated path; the descriptor is closed at once.
    let fd = unsafe { libc::open(c_path.as_ptr(), libc::O_WRONLY | libc::O_NONBLOCK) };
    let error = std::io::Error::last_os_error();
    if fd >= 0 {
        // SAFETY: a descriptor we own.
        unsafe { libc::close(fd) };
    }
    assert!(fd < 0, "something opened the pipe for reading");
    assert_eq!(error.raw_os_error(), Some(libc::ENXIO), "{error}");
    harness.get_by_label_contains("不是普通文件");
    assert!(harness.state().document().path().is_none());
    assert_eq!(
        harness.state().draft().categories().len(),
        pouxi::draft::Template::default_template()
            .problem_titles()
            .len()
    );
}

/// Tab walks from finding to finding past the bottom of the window, each field coming into view.
#[test]
fn tab_walks_into_findings_below_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stress_harness(dir.path());
    harness.get_by_label("（一）四是内容").focus();
    harness.run();
    let mut reached = Vec::new();
    for _ in 0..60 {
        harness.key_press(egui::Key::Tab);
        harness.run();
        let focused = harness
            .query_all_by_label_contains("（一）")
            .find(|node| node.is_focused())
            .and_then(|node| node.accesskit_node().label());
        let Some(label) = focused else {
            continue;
        };
        if label.ends_with("内容") && !reached.contains(&label) {
            assert!(
                on_screen(harness.get_by_label(&label).rect()),
                "{label} in view"
            );
            reached.push(label);
        }
        if reached.len() == 3 {
            break;
        }
    }
    assert_eq!(
        reached,
        ["（一）五是内容", "（一）六是内容", "（一）七是内容"]
    );
}
