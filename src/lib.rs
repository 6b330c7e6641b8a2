//! Pouxi (剖析): an editor for self-criticism speech drafts.
//!
//! `draft`, `clean`, `ads`, `import`, `export`, `check`, `store`, `cli`, `console` and the
//! writing aids (`review`, `originality`, `search`; length targets live in `draft::targets`) are
//! plain Rust; only `app` and `ui` know about the window.

pub mod ads;
pub mod app;
pub mod check;
pub mod clean;
pub mod cli;
pub mod console;
pub mod draft;
pub mod export;
pub mod import;
pub mod matcher;
pub mod originality;
pub mod parallel;
pub mod quick_hash;
pub mod review;
pub mod search;
pub mod store;
pub mod ui;
