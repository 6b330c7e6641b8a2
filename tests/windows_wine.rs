//! The Windows build, proven on Linux: the cross-built `pouxi.exe` run under Wine must do what
//! the Linux binary does, byte for byte, behave like a Windows program (a window-subsystem
//! .exe with an icon and version information that still prints in the console it was typed
//! in, settings under %APPDATA%), and open its window on the seed draft and keep it up.
//!
//! Ignored by a plain `cargo test`: it needs the Windows build, MinGW's gcc, Wine and an X
//! display. `.ci/run` builds the .exe and runs it (see README, Windows):
//!
//! ```sh
//! cargo build --release --target x86_64-pc-windows-gnu
//! xvfb-run -a -s "-screen 0 1280x900x24 -noreset" cargo test --test windows_wine -- --ignored
//! ```
//!
//! Whatever is missing fails the run with a sentence saying so; nothing is skipped.
//!
//! Wine 8 lacks `ProcessPrng` (bcryptprimitives.dll), where Rust's standard library gets its
//! random numbers. The test builds a one-function stand-in from `tests/windows/processprng.c`
//! and puts it beside the .exe: test infrastructure, never shipped.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const WINDOW_SUBSYSTEM_GUI: u16 = 2;

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    manifest_dir().join("tests/fixtures").join(name)
}

/// The cross-built release .exe (`POUXI_WINDOWS_EXE` names another).
fn windows_exe() -> PathBuf {
    let exe = std::env::var_os("POUXI_WINDOWS_EXE")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir().join("target/x86_64-pc-windows-gnu/release/pouxi.exe"));
    assert!(
        exe.is_file(),
        "{} is missing: build it with `cargo build --release --target x86_64-pc-windows-gnu`",
        exe.display()
    );
    exe
}

fn find_on_path(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|path| path.is_file())
    })
}

fn require_program(program: &str, package: &str) -> PathBuf {
    find_on_path(program).unwrap_or_else(|| {
        panic!("{program} is not installed: on Debian, `apt-get install {package}`")
    })
}

/// `wine`, or Debian's `wine64` package, which has no `wine` on the PATH.
fn wine_program() -> PathBuf {
    if let Some(wine) = std::env::var_os("POUXI_WINE") {
        return PathBuf::from(wine);
    }
    find_on_path("wine")
        .or_else(|| find_on_path("wine64"))
        .or_else(|| Some(PathBuf::from("/usr/lib/wine/wine64")).filter(|p| p.is_file()))
        .unwrap_or_else(|| panic!("Wine is not installed: on Debian, `apt-get install wine64`"))
}

/// The X display the console stand-in and the window need.
fn display() -> String {
    std::env::var("DISPLAY")
        .ok()
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| {
            panic!("no X display: run under `xvfb-run -a -s \"-screen 0 1280x900x24 -noreset\"`")
        })
}

/// `/a/b` as Wine's programs see it: `Z:\a\b`.
fn windows_path(path: &Path) -> String {
    format!("Z:{}", path.display()).replace('/', "\\")
}

/// One Wine prefix, the .exe with its helpers, and the material, for every test in this file.
struct Wine {
    program: PathBuf,
    prefix: PathBuf,
    /// `剖析 程序\pouxi.exe`: the program itself sits in a folder with Chinese and a space.
    exe: PathBuf,
    console_parent: PathBuf,
    /// Where each test makes its own folder.
    work: PathBuf,
}

impl Wine {
    fn get() -> &'static Wine {
        static WINE: OnceLock<Wine> = OnceLock::new();
        WINE.get_or_init(Wine::set_up)
    }

    fn set_up() -> Wine {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wine-smoke");
        if root.exists() {
            std::fs::remove_dir_all(&root).expect("the last run's Wine folder can be removed");
        }
        let program_dir = root.join("剖析 程序");
        std::fs::create_dir_all(&program_dir).unwrap();
        let exe = program_dir.join("pouxi.exe");
        std::fs::copy(windows_exe(), &exe).unwrap();

        let gcc = require_program("x86_64-w64-mingw32-gcc", "gcc-mingw-w64-x86-64");
        let sources = manifest_dir().join("tests/windows");
        let build = |args: &[&str], source: &str, output: &Path| {
            let status = Command::new(&gcc)
                .args(["-O2", "-Wall", "-Wextra", "-Werror", "-o"])
                .arg(output)
                .arg(sources.join(source))
                .args(args)
                .status()
                .expect("MinGW's gcc runs");
            assert!(status.success(), "{source} does not build with MinGW");
        };
        build(
            &["-shared", "-ladvapi32"],
            "processprng.c",
            &program_dir.join("bcryptprimitives.dll"),
        );
        let console_parent = program_dir.join("console_parent.exe");
        build(&["-municode"], "console_parent.c", &console_parent);

        let wine = Wine {
            program: wine_program(),
            prefix: root.join("prefix"),
            exe,
            console_parent,
            work: root.join("工作 目录"),
        };
        std::fs::create_dir_all(&wine.work).unwrap();
        let started = Instant::now();
        let boot = wine.command("wineboot").arg("-i").output().unwrap();
        assert!(
            boot.status.success(),
            "wineboot failed: {}",
            String::from_utf8_lossy(&boot.stderr)
        );
        eprintln!(
            "Wine prefix made in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        wine
    }

    /// A Wine command in this prefix: quiet, and without the Mono and Gecko installers.
    fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(&self.program);
        command
            .arg(program)
            .env("WINEPREFIX", &self.prefix)
            .env("WINEDEBUG", "-all")
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
            .env_remove("POUXI_CONFIG_DIR")
            .env_remove("POUXI_DATA_DIR")
            .stdin(Stdio::null());
        command
    }

    fn pouxi(&self, args: &[&str]) -> Run {
        Run::of(self.command(&self.exe).args(args).output().unwrap())
    }

    /// %APPDATA% of Wine's user.
    fn appdata(&self) -> PathBuf {
        let users = self.prefix.join("drive_c/users");
        let user = std::fs::read_dir(&users)
            .unwrap()
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .find(|path| path.file_name().is_some_and(|n| n != "Public"))
            .expect("Wine made a user folder");
        user.join("AppData/Roaming")
    }

    /// A fresh folder for one test, named with Chinese and a space.
    fn folder(&self, name: &str) -> PathBuf {
        let dir = self.work.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}

/// The Linux binary, with an empty config folder so that no user rules differ.
fn linux_pouxi(dir: &Path, args: &[&str]) -> Run {
    let config = dir.join("linux-config");
    Run::of(
        Command::new(env!("CARGO_BIN_EXE_pouxi"))
            .args(args)
            .env("POUXI_CONFIG_DIR", &config)
            .env("POUXI_DATA_DIR", dir.join("linux-data"))
            .output()
            .unwrap(),
    )
}

#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn of(output: Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }
}

/// Paths differ between the systems (`Z:\…` against `/…`); everything else must not. `dirs`
/// go innermost first.
fn without_paths(text: &str, dirs: &[&Path]) -> String {
    let mut text = text.to_owned();
    for dir in dirs {
        text = text
            .replace(&windows_path(dir), "DIR")
            .replace(&dir.display().to_string(), "DIR");
    }
    text.replace('\\', "/")
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn docx_parts(path: &Path) -> Vec<(String, Vec<u8>)> {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            (entry.name().expect("entry name").to_string(), bytes)
        })
        .collect()
}

#[test]
#[ignore = "needs the Windows build, MinGW and Wine: .ci/run runs it"]
fn exe_is_a_window_program_with_icon_and_version() {
    let bytes = std::fs::read(windows_exe()).unwrap();
    let u16_at = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]);
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
    assert_eq!(&bytes[..2], b"MZ");
    let pe = u32_at(0x3c) as usize;
    assert_eq!(&bytes[pe..pe + 4], b"PE\0\0");
    let optional = pe + 24;
    assert_eq!(u16_at(optional), 0x20b, "a 64-bit (PE32+) image");
    assert_eq!(
        u16_at(optional + 68),
        WINDOW_SUBSYSTEM_GUI,
        "the window subsystem: a double-click opens no console"
    );
    // Data directory 2 is the resource table.
    let resources = optional + 112 + 2 * 8;
    assert!(
        u32_at(resources) != 0 && u32_at(resources + 4) != 0,
        "no resources"
    );

    // The icon's images are stored as they are in the .ico (windres copies them).
    let ico = std::fs::read(manifest_dir().join("assets/pouxi.ico")).unwrap();
    let count = u16::from_le_bytes([ico[4], ico[5]]) as usize;
    assert!(count >= 4, "the icon holds several sizes");
    for entry in 0..count {
        let at = 6 + entry * 16;
        let size = u32::from_le_bytes(ico[at + 8..at + 12].try_into().unwrap()) as usize;
        let offset = u32::from_le_bytes(ico[at + 12..at + 16].try_into().unwrap()) as usize;
        let image = &ico[offset..offset + size];
        assert!(
            bytes.windows(image.len()).any(|w| w == image),
            "icon image {entry} is not in the .exe"
        );
    }

    let utf16 =
        |text: &str| -> Vec<u8> { text.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    for text in [
        "ProductName",
        "剖析 Pouxi",
        "FileDescription",
        "OriginalFilename",
        "pouxi.exe",
        env!("CARGO_PKG_VERSION"),
    ] {
        let needle = utf16(text);
        assert!(
            bytes.windows(needle.len()).any(|w| w == needle),
            "version information lacks {text:?}"
        );
    }
}

/// Import, check and export of the seed, with Chinese names and spaces in every path: the
/// same draft bytes, the same reports and exit codes, the same .docx XML as on Linux.
#[test]
#[ignore = "needs the Windows build, MinGW and Wine: .ci/run runs it"]
fn cli_under_wine_gives_what_linux_gives() {
    let wine = Wine::get();
    let dir = wine.folder("命令行 测试");
    let material = dir.join("下载的 素材.txt");
    std::fs::copy(fixture("seed_material.txt"), &material).unwrap();
    let windows_dir = dir.join("Windows 输出");
    let linux_dir = dir.join("Linux 输出");
    std::fs::create_dir_all(&windows_dir).unwrap();
    std::fs::create_dir_all(&linux_dir).unwrap();
    // Each system's arguments: the same file names in its own folder, as that system writes them.
    let windows_arg = |name: &str| windows_path(&windows_dir.join(name));
    let linux_arg = |name: &str| linux_dir.join(name).display().to_string();
    let both = |args: &[&str]| -> (Run, Run) {
        let on = |path_of: &dyn Fn(&str) -> String| -> Vec<String> {
            args.iter()
                .map(|arg| match arg.strip_prefix('@') {
                    Some(name) => path_of(name),
                    None => (*arg).to_owned(),
                })
                .collect()
        };
        let windows_args = on(&windows_arg);
        let linux_args = on(&linux_arg);
        let windows = wine.pouxi(&strs(&windows_args));
        let linux = linux_pouxi(&dir, &strs(&linux_args));
        assert_eq!(
            windows.code, linux.code,
            "exit codes of {args:?}: {windows:?}"
        );
        let dirs_windows: [&Path; 2] = [&windows_dir, &dir];
        let dirs_linux: [&Path; 2] = [&linux_dir, &dir];
        assert_eq!(
            without_paths(&windows.stdout, &dirs_windows),
            without_paths(&linux.stdout, &dirs_linux),
            "stdout of {args:?}"
        );
        assert_eq!(
            without_paths(&windows.stderr, &dirs_windows),
            without_paths(&linux.stderr, &dirs_linux),
            "stderr of {args:?}"
        );
        (windows, linux)
    };

    // Both read the same material, named as each system names it.
    let windows_material = windows_path(&material);
    let linux_material = material.display().to_string();
    let windows = wine.pouxi(&[
        "import",
        &windows_material,
        "-o",
        &windows_arg("稿件 一.ron"),
    ]);
    let linux = linux_pouxi(
        &dir,
        &["import", &linux_material, "-o", &linux_arg("稿件 一.ron")],
    );
    assert_eq!(windows.code, 0, "{windows:?}");
    assert_eq!(linux.code, 0, "{linux:?}");
    assert!(
        windows.stderr.contains("Removed 6 ad-like spans"),
        "{windows:?}"
    );
    assert_eq!(
        without_paths(&windows.stderr, &[&windows_dir, &dir]),
        without_paths(&linux.stderr, &[&linux_dir, &dir])
    );
    let windows_draft = std::fs::read(windows_dir.join("稿件 一.ron")).unwrap();
    let linux_draft = std::fs::read(linux_dir.join("稿件 一.ron")).unwrap();
    assert!(
        !windows_draft.contains(&b'\r'),
        "the Windows build writes LF line ends"
    );
    assert!(
        windows_draft == linux_draft,
        "the same draft saved on Windows and on Linux differs"
    );

    let (windows, _) = both(&["check", "@稿件 一.ron"]);
    assert!(windows.stdout.contains("19 条问题"), "{windows:?}");
    let (windows, _) = both(&["check", "@稿件 一.ron", "--json"]);
    assert!(windows.stdout.contains("\"findings\": 3"), "{windows:?}");
    let (windows, _) = both(&["check", "@没有 这个.ron"]);
    assert_eq!(windows.code, 2);

    both(&["export", "@稿件 一.ron", "-o", "@发言 稿.docx"]);
    let windows_parts = docx_parts(&windows_dir.join("发言 稿.docx"));
    assert!(windows_parts.len() >= 5, "{} parts", windows_parts.len());
    assert!(
        windows_parts == docx_parts(&linux_dir.join("发言 稿.docx")),
        "the .docx parts differ"
    );
    for (name, options) in [
        ("发言 稿.txt", &["--crlf", "--bom"][..]),
        ("发言 稿.md", &["--layout", "paragraphs"][..]),
    ] {
        let output = format!("@{name}");
        both(&[&["export", "@稿件 一.ron", "-o", &output][..], options].concat());
        let windows_bytes = std::fs::read(windows_dir.join(name)).unwrap();
        assert!(windows_bytes.len() > 1000, "{name} is nearly empty");
        assert!(
            windows_bytes == std::fs::read(linux_dir.join(name)).unwrap(),
            "{name} differs"
        );
    }
}

/// Whitespace aside (the console wraps long lines and pads rows), the text itself.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `pouxi.exe check …` typed in cmd: a window-subsystem program gets no console and no
/// standard handles from cmd, so it prints only because it attaches to cmd's console. The
/// stand-in for cmd (`tests/windows/console_parent.c`) starts it exactly so and reports what
/// its console shows.
#[test]
#[ignore = "needs the Windows build, MinGW, Wine and an X display: .ci/run runs it"]
fn cli_typed_in_a_console_prints_there() {
    let wine = Wine::get();
    let display = display();
    let dir = wine.folder("控制台 测试");
    let draft = dir.join("稿件 一.ron");
    std::fs::copy(fixture("seed_draft.ron"), &draft).unwrap();
    let in_console = |args: &str| -> (i32, String) {
        let command_line = format!("\"{}\" {args}", windows_path(&wine.exe));
        let output = wine
            .command(&wine.console_parent)
            .arg(command_line)
            .env("DISPLAY", &display)
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout).expect("UTF-8");
        let (first, console) = stdout.split_once('\n').unwrap_or_else(|| {
            panic!(
                "the console stand-in failed: {stdout}{}",
                String::from_utf8_lossy(&output.stderr)
            )
        });
        let code = first
            .strip_prefix("exit=")
            .and_then(|code| code.parse().ok())
            .unwrap_or_else(|| panic!("no exit code: {first}"));
        (code, console.to_owned())
    };

    let (code, console) = in_console("--version");
    assert_eq!(code, 0);
    assert!(
        console.contains(concat!("pouxi ", env!("CARGO_PKG_VERSION"))),
        "{console:?}"
    );

    let (code, console) = in_console(&format!("check \"{}\"", windows_path(&draft)));
    let linux = linux_pouxi(&dir, &["check", &draft.display().to_string()]);
    assert_eq!(code, linux.code);
    assert!(console.contains("19 条问题"), "{console:?}");
    assert_eq!(squeeze(&console), squeeze(&linux.stdout));

    // A failure says so in the console too, with its exit code.
    let (code, console) = in_console(&format!(
        "check \"{}\"",
        windows_path(&dir.join("没有 这个.ron"))
    ));
    assert_eq!(code, 2);
    assert!(console.contains("没有 这个.ron"), "{console:?}");
}

/// Kills the window's process when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn xdotool(display: &str, args: &[&str]) -> Output {
    Command::new("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .output()
        .expect("xdotool runs")
}

/// The window opens on a draft whose path holds Chinese and spaces, stays up, draws the draft
/// (a screenshot is kept for people to look at), remembers the file under %APPDATA%, and writes
/// its recovery file there after a change.
#[test]
#[ignore = "needs the Windows build, MinGW, Wine and an X display: .ci/run runs it"]
fn window_opens_on_the_seed_and_stays_up() {
    let wine = Wine::get();
    let display = display();
    require_program("xdotool", "xdotool");
    require_program("import", "imagemagick");
    let dir = wine.folder("窗口 测试");
    let draft = dir.join("种子 稿件.ron");
    std::fs::copy(fixture("seed_draft.ron"), &draft).unwrap();

    let mut window = Running(
        wine.command(&wine.exe)
            .arg(windows_path(&draft))
            .env("DISPLAY", &display)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let title = "种子 稿件.ron — 剖析";
    let started = Instant::now();
    let _window = loop {
        if let Some(status) = window.0.try_wait().unwrap() {
            let mut stderr = String::new();
            if let Some(mut pipe) = window.0.stderr.take() {
                let _ = pipe.read_to_string(&mut stderr);
            }
            panic!("pouxi.exe ended before its window showed ({status}): {stderr}");
        }
        let found = xdotool(&display, &["search", "--name", title]);
        let id = String::from_utf8_lossy(&found.stdout)
            .lines()
            .next()
            .map(str::to_owned);
        if let Some(id) = id {
            break id;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no window titled {title:?} within 2 minutes"
        );
        std::thread::sleep(Duration::from_millis(500));
    };
    eprintln!("window up after {:.1} s", started.elapsed().as_secs_f64());

    // It stays up: still running well after the first frames.
    std::thread::sleep(Duration::from_secs(5));
    assert!(
        window.0.try_wait().unwrap().is_none(),
        "the window closed by itself"
    );

    let screenshot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wine-smoke/window.png");
    let shot = Command::new("import")
        .args(["-window", "root"])
        .arg(&screenshot)
        .env("DISPLAY", &display)
        .status()
        .unwrap();
    assert!(shot.success(), "import could not take a screenshot");
    let colours = Command::new("identify")
        .args(["-format", "%k"])
        .arg(&screenshot)
        .output()
        .unwrap();
    let colours: u32 = String::from_utf8_lossy(&colours.stdout)
        .trim()
        .parse()
        .unwrap_or(0);
    // Anti-aliased Chinese text gives hundreds of shades; an empty or black window a handful.
    assert!(colours > 100, "the window looks empty ({colours} colours)");
    eprintln!("screenshot: {} ({colours} colours)", screenshot.display());

    // Opening the draft put it first among the recent files, in settings under %APPDATA%.
    let settings = wine.appdata().join("pouxi/config/settings.ron");
    let text = std::fs::read_to_string(&settings)
        .unwrap_or_else(|_| panic!("no settings at {}", settings.display()));
    let remembered = windows_path(&draft).replace('\\', "\\\\");
    assert!(text.contains(&remembered), "{remembered} not in {text}");
    assert!(!text.contains('\r'), "settings are written with LF");
}
