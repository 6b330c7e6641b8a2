//! Windows builds get the icon (`assets/pouxi.ico`) and version information in the .exe.
//! Other targets need nothing from here. The build script runs on the host, so it asks Cargo
//! about the target instead of using `cfg(windows)`.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/pouxi.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("assets/pouxi.ico")
        .set("ProductName", "剖析 Pouxi")
        .set("FileDescription", "剖析 — 检视问题与剖析发言材料编辑器")
        .set("InternalName", "pouxi")
        .set("OriginalFilename", "pouxi.exe")
        .set("LegalCopyright", "MIT License")
        // Chinese (PRC), Unicode: the strings above are shown as Chinese in Explorer.
        .set_language(0x0804);
    if let Err(error) = resource.compile() {
        // A Windows build without its resources would look broken; say what is missing.
        panic!(
            "Could not embed the icon and version information ({error}). Building for Windows \
             needs a resource compiler: windres from MinGW-w64 (Debian: gcc-mingw-w64-x86-64), \
             or rc.exe from the Windows SDK for MSVC."
        );
    }
}
