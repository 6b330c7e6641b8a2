//! Frame cost of the real App, headless: `PouxiApp`'s `ui` for one frame plus tessellation on a
//! 1280×860 screen, for the seed draft and a 6 × 100 stress draft, scrolled to the top and to
//! the middle; idle, while typing into a body (a character, then Backspace, one per frame),
//! while dragging a finding over the others, and while wheel-scrolling through rows never laid
//! out before; and idle and typing in a 20 MB draft (the window SIGKILL test's).

#[path = "../perf_support/mod.rs"]
mod perf_support;
mod support;

use egui::{Event, Key, Modifiers, PointerButton, Pos2, Rect, pos2, vec2};
use pouxi::app::{AppPaths, PouxiApp};
use pouxi::draft::{Draft, FindingId, TextField};
use std::time::{Duration, Instant};
use support::report;

const SCREEN: [f32; 2] = [1280.0, 860.0];
const DT: f64 = 1.0 / 60.0;

struct Driver {
    ctx: egui::Context,
    app: PouxiApp,
    frame: eframe::Frame,
    time: f64,
    _dir: tempfile::TempDir,
}

impl Driver {
    fn open(draft: &Draft) -> Driver {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("稿件.ron");
        pouxi::store::save_draft(&path, draft).expect("the draft saves");
        let ctx = egui::Context::default();
        let mut app = PouxiApp::new(&ctx, AppPaths::under(dir.path()), None);
        app.set_file_wait(std::time::Duration::from_secs(30));
        app.open_file(&path);
        assert_eq!(app.draft(), draft, "the draft opened");
        let mut driver = Driver {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            time: 0.0,
            _dir: dir,
        };
        driver.settle();
        driver
    }

    /// One frame with these events: the App's ui plus tessellation. Returns its cost and
    /// whether egui asked for another frame at once.
    fn frame(&mut self, events: Vec<Event>) -> (Duration, bool) {
        self.time += DT;
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN.into())),
            time: Some(self.time),
            predicted_dt: DT as f32,
            events,
            focused: true,
            ..Default::default()
        };
        let start = Instant::now();
        let app = &mut self.app;
        let frame = &mut self.frame;
        let out = self.ctx.run_ui(input, |ui| eframe::App::ui(app, ui, frame));
        let wants_more = out
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .is_some_and(|v| v.repaint_delay.is_zero());
        let primitives = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        let cost = start.elapsed();
        std::hint::black_box(primitives);
        (cost, wants_more)
    }

    /// Runs frames until egui asks for no more (animations, scrolling, first-frame sizing).
    fn settle(&mut self) {
        for _ in 0..200 {
            if !self.frame(Vec::new()).1 {
                break;
            }
        }
        // One more, so every remembered size is from a quiet frame.
        self.frame(Vec::new());
    }

    fn rect_of(&self, field: TextField) -> Option<Rect> {
        self.ctx
            .read_response(pouxi::ui::field_widget_id(field))
            .map(|r| r.rect)
    }

    /// True when the field was laid out on screen in the last frame.
    fn on_screen(&self, field: TextField) -> bool {
        self.rect_of(field).is_some_and(|rect| {
            rect.top() >= 30.0 && rect.bottom() <= SCREEN[1] - 30.0 && rect.left() > 0.0
        })
    }

    /// Wheels the central panel down until `field` is on screen, then settles.
    fn scroll_to(&mut self, field: TextField) {
        let over = pos2(760.0, 430.0);
        self.frame(vec![Event::PointerMoved(over)]);
        for _ in 0..400 {
            if self.on_screen(field) {
                break;
            }
            let below = self
                .rect_of(field)
                .is_none_or(|rect| rect.top() > SCREEN[1] / 2.0);
            let step = if below { -600.0 } else { 300.0 };
            self.frame(vec![wheel(step)]);
            self.settle();
        }
        assert!(self.on_screen(field), "scrolled to {field:?}");
    }

    fn focus(&mut self, field: TextField) {
        let id = pouxi::ui::field_widget_id(field);
        self.ctx.memory_mut(|m| m.request_focus(id));
        self.settle();
        assert!(self.ctx.memory(|m| m.has_focus(id)), "{field:?} has focus");
    }
}

fn wheel(dy: f32) -> Event {
    Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: vec2(0.0, dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    }
}

/// Wheel scrolling, `dy` points a frame (negative: down), through rows never laid out
/// before; 300 frames at most, so it never reaches the end of the stress draft.
fn scrolling(driver: &mut Driver, dy: f32) -> (Duration, usize) {
    driver.frame(vec![Event::PointerMoved(pos2(760.0, 430.0))]);
    support::runs(60, 300, || driver.frame(vec![wheel(dy)]).0)
}

fn idle(driver: &mut Driver) -> (Duration, usize) {
    support::runs(60, 2000, || driver.frame(Vec::new()).0)
}

fn key(key: Key, pressed: bool) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: Modifiers::NONE,
    }
}

/// A character, then Backspace: the text stays the same length however long this runs.
fn typing(driver: &mut Driver, field: TextField) -> (Duration, usize) {
    driver.focus(field);
    let before = driver.app.draft().clone();
    let mut insert = true;
    let result = support::runs(60, 2000, || {
        let events = if insert {
            vec![Event::Text("学".to_owned())]
        } else {
            vec![key(Key::Backspace, true), key(Key::Backspace, false)]
        };
        insert = !insert;
        driver.frame(events).0
    });
    assert!(
        driver.app.document().can_undo(),
        "the typing reached the draft"
    );
    let _ = before;
    driver.ctx.memory_mut(|m| m.stop_text_input());
    driver.settle();
    result
}

/// Presses on the drag handle of `finding` and moves the pointer up and down over the
/// findings around it, a frame per move; Escape ends the drag without moving anything.
fn dragging(driver: &mut Driver, finding: FindingId) -> (Duration, usize) {
    let headline = driver
        .rect_of(TextField::Headline(finding))
        .expect("the headline is on screen");
    let body = driver
        .rect_of(TextField::Body(finding))
        .expect("the body is on screen");
    // The handle is the first thing on the headline's row, left of the body's indent.
    let handle = pos2(body.left() - 26.0, headline.center().y);
    let press = Event::PointerButton {
        pos: handle,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    };
    driver.frame(vec![Event::PointerMoved(handle), press]);
    driver.frame(vec![Event::PointerMoved(handle + vec2(0.0, 12.0))]);
    driver.frame(vec![Event::PointerMoved(handle + vec2(0.0, 24.0))]);
    assert!(
        egui::DragAndDrop::has_any_payload(&driver.ctx),
        "the handle at {handle:?} started a drag"
    );
    let mut step = 0u32;
    let result = support::runs(60, 2000, || {
        step += 1;
        let y = handle.y + 24.0 + (step % 80) as f32 * 6.0;
        driver
            .frame(vec![Event::PointerMoved(pos2(handle.x + 200.0, y))])
            .0
    });
    let before = driver.app.draft().clone();
    driver.frame(vec![key(Key::Escape, true), key(Key::Escape, false)]);
    driver.frame(vec![Event::PointerButton {
        pos: handle,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    }]);
    assert_eq!(driver.app.draft(), &before, "Escape cancelled the drag");
    driver.settle();
    result
}

fn first_finding(draft: &Draft) -> FindingId {
    draft.categories()[0].findings[0].id
}

/// The finding halfway through the draft.
fn middle_finding(draft: &Draft) -> FindingId {
    let all: Vec<FindingId> = draft
        .categories()
        .iter()
        .flat_map(|c| c.findings.iter().map(|f| f.id))
        .collect();
    all[all.len() / 2]
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument picks figures by name.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let wanted = |name: &str| filter.is_empty() || filter.iter().any(|f| name.contains(f.as_str()));
    let budget_seed = Duration::from_micros(300);
    let budget_stress = Duration::from_millis(1);

    support::header("frame: App ui + tessellation, 1280×860, release");
    let seed = perf_support::seed_draft();
    let stress = perf_support::standard_stress_draft();
    let mut seed_idle = Duration::ZERO;
    let mut worst_stress = Duration::ZERO;

    if wanted("seed") {
        let mut driver = Driver::open(&seed);
        let figure = idle(&mut driver);
        seed_idle = figure.0;
        report("frame seed, top, idle", figure, Some(budget_seed));
        let id = first_finding(&seed);
        report(
            "frame seed, top, typing in a body",
            typing(&mut driver, TextField::Body(id)),
            None,
        );
        report(
            "frame seed, top, dragging a finding",
            dragging(&mut driver, id),
            None,
        );
    }
    if wanted("stress") {
        let mut driver = Driver::open(&stress);
        let first = first_finding(&stress);
        let middle = middle_finding(&stress);
        let mut stress_figure = |name: &str, figure: (Duration, usize)| {
            worst_stress = worst_stress.max(figure.0);
            report(name, figure, Some(budget_stress));
        };
        stress_figure("frame stress 6×100, top, idle", idle(&mut driver));
        stress_figure(
            "frame stress 6×100, top, typing in a body",
            typing(&mut driver, TextField::Body(first)),
        );
        stress_figure(
            "frame stress 6×100, top, dragging a finding",
            dragging(&mut driver, first),
        );
        driver.scroll_to(TextField::Body(middle));
        stress_figure("frame stress 6×100, middle, idle", idle(&mut driver));
        stress_figure(
            "frame stress 6×100, middle, typing in a body",
            typing(&mut driver, TextField::Body(middle)),
        );
        stress_figure(
            "frame stress 6×100, middle, dragging a finding",
            dragging(&mut driver, middle),
        );
    }
    if wanted("20 MB") {
        // The window SIGKILL test's large draft: about 33,000 findings. A keystroke here must
        // cost no more than one in the seed, or typing falls behind the keys.
        let large = perf_support::seed_repeated(20 * 1024 * 1024);
        let mut driver = Driver::open(&large);
        report("frame 20 MB draft, top, idle", idle(&mut driver), None);
        report(
            "frame 20 MB draft, top, typing in a body",
            typing(&mut driver, TextField::Body(first_finding(&large))),
            None,
        );
    }
    if wanted("scrolling") {
        let mut driver = Driver::open(&stress);
        let figure = scrolling(&mut driver, -100.0);
        worst_stress = worst_stress.max(figure.0);
        report(
            "frame stress 6×100, wheel down 100 px a frame",
            figure,
            Some(budget_stress),
        );
        // From the very end, upwards: rows above the viewport are met for the first time.
        let mut driver = Driver::open(&stress);
        driver.frame(vec![Event::PointerMoved(pos2(760.0, 430.0))]);
        driver.frame(vec![wheel(-1.0e6)]);
        driver.settle();
        let last = stress.categories()[5].findings[99].id;
        assert!(driver.on_screen(TextField::Body(last)), "at the end");
        let figure = scrolling(&mut driver, 100.0);
        worst_stress = worst_stress.max(figure.0);
        report(
            "frame stress 6×100, wheel up 100 px a frame",
            figure,
            Some(budget_stress),
        );
        assert!(!driver.on_screen(TextField::Body(last)), "scrolled up");
    }
    if !seed_idle.is_zero() && !worst_stress.is_zero() {
        println!(
            "worst stress frame / seed idle frame: {:.2}× (budget 2×)",
            worst_stress.as_secs_f64() / seed_idle.as_secs_f64()
        );
    }
}
