//! `pouxi` opens the window; subcommands work on files without one.

// A double-clicked pouxi.exe opens no console window beside the editor; the subcommands borrow
// the console they were typed in (`pouxi::console`). No effect on other systems.
#![windows_subsystem = "windows"]

use clap::{Parser, Subcommand, ValueEnum};
use pouxi::app::{AppPaths, PouxiApp, Settings};
use pouxi::cli::{self, ExportOptions};
use pouxi::export::{Layout, LedgerChoice};
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
enum Commands {
    /// Import material (.txt in any common encoding, or .docx) as a draft: ads are cut and
    /// listed on stderr, the text is parsed into categories and findings.
    Import {
        /// The material to import.
        input: PathBuf,
        /// The draft file (.ron) to write; without it the draft goes to stdout.
        #[arg(short, long, value_name = "OUT.ron")]
        output: Option<PathBuf>,
        /// Which article of a compilation (篇一、篇二…) to import, counting from 1; the others
        /// are listed on stderr.
        #[arg(long, value_name = "N", default_value_t = 1)]
        article: usize,
    },
    /// List the templates (built-in and the user's), or with --json as JSON.
    Templates {
        #[arg(long)]
        json: bool,
    },
    /// Write a new draft from a template.
    New {
        #[arg(long, value_name = "ID")]
        template: String,
        #[arg(short, long, value_name = "DRAFT.ron")]
        output: PathBuf,
    },
    /// Report a draft's categories, findings and characters, and any ad-like text left in it.
    /// Exits 0 when clean, 1 when something is flagged, 2 when the file cannot be read.
    Check {
        /// The draft file (.ron).
        draft: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Export a draft as a speech: Word (.docx, GB/T 9704), plain text (.txt) or Markdown (.md);
    /// or its 整改清单 as .xlsx.
    /// Refuses (exit 1, nothing written) when the speech holds ad-like text.
    Export {
        /// The draft file (.ron).
        draft: PathBuf,
        /// The file to write; its extension (.docx, .txt, .md) names the format.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// How the findings of a category are laid out.
        #[arg(long, value_enum, default_value_t = LayoutArg::Inline)]
        layout: LayoutArg,
        /// Write the file even when ad-like text is found.
        #[arg(long)]
        allow_flagged: bool,
        /// .txt: start the file with a UTF-8 byte order mark.
        #[arg(long)]
        bom: bool,
        /// .txt: end lines with CR LF.
        #[arg(long)]
        crlf: bool,
        /// .docx: append the 整改清单 as an appendix on a landscape page (by default when any
        /// row of it has a measure).
        #[arg(long, conflicts_with = "no_ledger")]
        ledger: bool,
        /// .docx: leave the 整改清单 out.
        #[arg(long)]
        no_ledger: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum LayoutArg {
    /// One paragraph per category: （一）在理论学习方面。一是……。二是……。
    Inline,
    /// The category heading on its own line, one paragraph per finding.
    Paragraphs,
}

impl From<LayoutArg> for Layout {
    fn from(layout: LayoutArg) -> Layout {
        match layout {
            LayoutArg::Inline => Layout::Inline,
            LayoutArg::Paragraphs => Layout::Paragraphs,
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // --help, --version and mistakes in the arguments are answered in the console.
            pouxi::console::attach_to_parent();
            error.exit();
        }
    };
    match cli.command {
        Some(command) => {
            pouxi::console::attach_to_parent();
            run_command(command)
        }
        // The window does not hold on to the console: closing cmd must not close the editor.
        None => run_window(cli.draft),
    }
}

fn run_command(command: Commands) -> ExitCode {
    let paths = AppPaths::from_environment();
    let rules_file = paths.user_rules_file();
    let templates_dir = paths.user_templates_dir();
    let stdout = &mut std::io::stdout().lock();
    // Standard error is unbuffered: without this, every piece of a formatted line is a write
    // of its own, and an import that lists two thousand removed spans makes ten thousand.
    let stderr = &mut std::io::LineWriter::new(std::io::stderr().lock());
    let status = match command {
        Commands::Import {
            input,
            output,
            article,
        } => {
            let target = cli::ImportTarget {
                output: output.as_deref(),
                article,
            };
            cli::run_import(&input, target, &rules_file, stdout, stderr)
        }
        Commands::Templates { json } => cli::run_templates(json, &templates_dir, stdout, stderr),
        Commands::New { template, output } => {
            cli::run_new(&template, &output, &templates_dir, stderr)
        }
        Commands::Check { draft, json } => {
            cli::run_check(&draft, json, &rules_file, stdout, stderr)
        }
        Commands::Export {
            draft,
            output,
            layout,
            allow_flagged,
            bom,
            crlf,
            ledger,
            no_ledger,
        } => {
            let options = ExportOptions {
                output,
                layout: layout.into(),
                allow_flagged,
                bom,
                crlf,
                ledger: match (ledger, no_ledger) {
                    (true, _) => LedgerChoice::On,
                    (_, true) => LedgerChoice::Off,
                    _ => LedgerChoice::Automatic,
                },
            };
            cli::run_export(&draft, &options, &rules_file, stderr)
        }
    };
    status.into()
}

/// The title bar's and task bar's icon: the .exe's icon (`assets/pouxi.ico`) at 256 px.
fn window_icon() -> egui::IconData {
    // Built in, so it always decodes; an empty icon would only leave the system's default.
    eframe::icon_data::from_png_bytes(include_bytes!("../assets/pouxi.png")).unwrap_or_default()
}

fn run_window(draft: Option<PathBuf>) -> ExitCode {
    // A file that cannot be opened is reported by the app, in Chinese in the window and as a
    // plain sentence here, from the one read it makes.
    let paths = AppPaths::from_environment();
    // The window opens at the size it was closed at.
    let size = Settings::load(&paths).window_size();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("剖析")
            .with_app_id("pouxi")
            .with_inner_size(size)
            .with_min_inner_size(pouxi::app::WINDOW_MIN)
            .with_drag_and_drop(true)
            .with_icon(window_icon()),
        ..Default::default()
    };
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
