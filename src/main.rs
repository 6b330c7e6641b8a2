//! `pouxi` opens the window; subcommands work on files without one.

use clap::{Parser, Subcommand};
use pouxi::app::{AppPaths, PouxiApp};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "pouxi",
    version,
    about = "剖析 — an editor for self-criticism speech drafts (检视问题 / 剖析发言材料)",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// A draft (.ron) to open in the window.
    draft: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Commands>,
}

#[derive(Subcommand)]
enum Commands {}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => match command {},
        None => run_window(cli.draft),
    }
}

fn run_window(draft: Option<PathBuf>) -> ExitCode {
    if let Some(path) = &draft
        && let Err(error) = pouxi::store::load_draft(path)
    {
        // The window says it in Chinese too; the terminal gets a plain sentence.
        eprintln!("{error}");
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("剖析")
            .with_app_id("pouxi")
            .with_inner_size([1180.0, 820.0])
            .with_min_inner_size([640.0, 420.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let paths = AppPaths::from_environment();
    let result = eframe::run_native(
        "pouxi",
        options,
        Box::new(move |cc| {
            let mut app = PouxiApp::new(&cc.egui_ctx, paths, draft.as_deref());
            // Hidden, for the start-up benchmark (tests/benches/startup.rs).
            if std::env::var_os("POUXI_QUIT_AFTER_FIRST_FRAME").is_some() {
                app.quit_after_first_frame();
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("Pouxi could not open its window: {error}");
            ExitCode::FAILURE
        }
    }
}
