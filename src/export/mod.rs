//! Export: the draft as a speech in Word (.docx, GB/T 9704 公文 format), plain text and
//! Markdown.
//!
//! Everything goes through [`speech`], which lays the draft out as numbered paragraphs; the
//! format writers only dress those paragraphs. Nothing here writes files: [`render`] returns
//! bytes for the caller's atomic save.

mod docx;
mod docx_ledger;
mod gate;
mod grid;
mod layout;
mod md;
mod pages;
mod punctuation;
mod stock_fonts;
mod title_lines;
mod txt;
mod xlsx;

pub use gate::{GateFlag, export_gate};
pub use layout::{Layout, LoneFinding, Paragraph, Role, Run, Speech, speech};
pub use pages::{PageGeometry, PrintedLine, PrintedPage, geometry, page_count, paginate};
pub use punctuation::{PunctuationFix, wide_form};
pub use stock_fonts::{STOCK_WINDOWS_FONTS, stock_fallback};
pub use title_lines::{TITLE_LINE_WIDTH, printed_title, title_lines};
pub use xlsx::ledger_xlsx;

use crate::draft::Draft;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::Path;

/// Font names written into the .docx. Only names: Word substitutes what the reader's machine
/// has. An empty name falls back to the default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FontNames {
    /// The title, 2号 (22 pt).
    pub title: String,
    /// Body text, 3号 (16 pt).
    pub body: String,
    /// The `一、` heading.
    pub heading: String,
    /// The `（一）` category headings.
    pub category: String,
    /// Latin letters and digits in every paragraph (many offices require Times New Roman).
    pub latin: String,
}

pub const DEFAULT_TITLE_FONT: &str = "方正小标宋简体";
pub const DEFAULT_BODY_FONT: &str = "仿宋_GB2312";
pub const DEFAULT_HEADING_FONT: &str = "黑体";
pub const DEFAULT_CATEGORY_FONT: &str = "楷体_GB2312";
pub const DEFAULT_LATIN_FONT: &str = "Times New Roman";
/// The page number font (4号 宋体); fixed by the standard.
pub const PAGE_NUMBER_FONT: &str = "宋体";

impl Default for FontNames {
    fn default() -> Self {
        FontNames {
            title: DEFAULT_TITLE_FONT.to_owned(),
            body: DEFAULT_BODY_FONT.to_owned(),
            heading: DEFAULT_HEADING_FONT.to_owned(),
            category: DEFAULT_CATEGORY_FONT.to_owned(),
            latin: DEFAULT_LATIN_FONT.to_owned(),
        }
    }
}

impl FontNames {
    /// The names to write: trimmed, empty ones replaced by the defaults.
    pub fn resolved(&self) -> FontNames {
        let pick = |name: &str, default: &str| {
            let name = name.trim();
            if name.is_empty() { default } else { name }.to_owned()
        };
        FontNames {
            title: pick(&self.title, DEFAULT_TITLE_FONT),
            body: pick(&self.body, DEFAULT_BODY_FONT),
            heading: pick(&self.heading, DEFAULT_HEADING_FONT),
            category: pick(&self.category, DEFAULT_CATEGORY_FONT),
            latin: pick(&self.latin, DEFAULT_LATIN_FONT),
        }
    }
}

/// Export choices the window persists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportSettings {
    pub layout: Layout,
    pub fonts: FontNames,
    /// Start .txt files with a UTF-8 byte order mark (for old Windows Notepad).
    pub txt_bom: bool,
    /// End .txt lines with CR LF instead of LF.
    pub txt_crlf: bool,
    /// Leave out 一是 before a category's only finding.
    pub omit_lone_ordinal: bool,
    /// Turn half-width punctuation beside Chinese full-width (`,` → `，`, `(1)` → `（1）`).
    pub full_width_punctuation: bool,
    /// Whether the .docx carries the 整改清单 as its appendix.
    pub ledger: LedgerChoice,
}

/// Whether the .docx ends with the 整改清单 as an appendix (附件) on a landscape page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LedgerChoice {
    /// When any row has a measure, linked or typed (see [`ledger_by_default`]).
    #[default]
    Automatic,
    On,
    Off,
}

impl LedgerChoice {
    /// Whether this choice appends the ledger to `draft`'s speech.
    pub fn includes(self, draft: &Draft) -> bool {
        match self {
            LedgerChoice::On => true,
            LedgerChoice::Off => false,
            LedgerChoice::Automatic => ledger_by_default(draft),
        }
    }
}

/// What [`LedgerChoice::Automatic`] decides: a ledger with a measure in any row is worth
/// handing in; one with none is an empty form.
pub fn ledger_by_default(draft: &Draft) -> bool {
    draft
        .ledger_rows()
        .iter()
        .any(|row| !row.measures.trim().is_empty())
}

impl Default for ExportSettings {
    fn default() -> Self {
        ExportSettings {
            layout: Layout::default(),
            fonts: FontNames::default(),
            txt_bom: false,
            txt_crlf: false,
            omit_lone_ordinal: true,
            full_width_punctuation: true,
            ledger: LedgerChoice::Automatic,
        }
    }
}

/// The speech as every format prints it: laid out, and with the punctuation fixes the
/// settings ask for, listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedSpeech {
    pub speech: Speech,
    pub punctuation: Vec<PunctuationFix>,
}

/// Lays the draft out for print with `settings`: the one path for files, the clipboard and
/// the export dialog's preview.
pub fn printed_speech(draft: &Draft, settings: &ExportSettings) -> PrintedSpeech {
    let lone = if settings.omit_lone_ordinal {
        LoneFinding::Unnumbered
    } else {
        LoneFinding::Counted
    };
    let mut speech = layout::speech_with(draft, settings.layout, lone);
    let punctuation = if settings.full_width_punctuation {
        punctuation::fix_speech(&mut speech)
    } else {
        Vec::new()
    };
    PrintedSpeech {
        speech,
        punctuation,
    }
}

/// A file format the speech can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Docx,
    Txt,
    Markdown,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Docx, Format::Txt, Format::Markdown];

    /// The format named by a file extension (without the dot), any case.
    pub fn from_extension(extension: &str) -> Option<Format> {
        match extension.to_ascii_lowercase().as_str() {
            "docx" => Some(Format::Docx),
            "txt" => Some(Format::Txt),
            "md" => Some(Format::Markdown),
            _ => None,
        }
    }

    /// The format a path's extension names.
    pub fn from_path(path: &Path) -> Result<Format, ExportError> {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default();
        Format::from_extension(&extension).ok_or(ExportError::UnknownFormat(extension))
    }

    /// The usual extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Txt => "txt",
            Format::Markdown => "md",
        }
    }

    /// The name shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            Format::Docx => "Word 文档 (.docx)",
            Format::Txt => "纯文本 (.txt)",
            Format::Markdown => "Markdown (.md)",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// The file name's extension (possibly empty) is not one we write.
    UnknownFormat(String),
    /// Packing the .docx failed.
    Package(String),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::UnknownFormat(ext) if ext.is_empty() => {
                write!(
                    f,
                    "文件名没有扩展名，无法确定导出格式：请使用 .docx、.txt 或 .md"
                )
            }
            ExportError::UnknownFormat(ext) => {
                write!(f, "不支持导出为 .{ext} 文件：请使用 .docx、.txt 或 .md")
            }
            ExportError::Package(reason) => write!(f, "生成 Word 文件失败：{reason}"),
        }
    }
}

impl std::error::Error for ExportError {}

/// An exported file's content and what the export left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub notes: Vec<String>,
}

/// Renders the speech in `format`. The caller writes the bytes.
pub fn render(
    draft: &Draft,
    settings: &ExportSettings,
    format: Format,
) -> Result<Rendered, ExportError> {
    let mut speech = printed_speech(draft, settings).speech;
    let bytes = match format {
        Format::Docx => {
            let rows = if settings.ledger.includes(draft) {
                draft.ledger_rows()
            } else {
                Vec::new()
            };
            if rows.is_empty() && settings.ledger == LedgerChoice::On {
                speech.notes.push("稿件中没有问题，未附整改清单".to_owned());
            }
            let ledger = (!rows.is_empty()).then_some(rows.as_slice());
            docx::write(&speech, &settings.fonts.resolved(), ledger)?
        }
        Format::Txt => txt::write(&speech, settings.txt_bom, settings.txt_crlf),
        Format::Markdown => md::write(&speech, settings.layout).into_bytes(),
    };
    Ok(Rendered {
        bytes,
        notes: speech.notes,
    })
}

/// The whole speech as plain text for the clipboard: as the .txt export (paragraphs opened by
/// two U+3000, blank lines between), LF line ends and no BOM.
pub fn plain_text(draft: &Draft, settings: &ExportSettings) -> String {
    txt::text(&printed_speech(draft, settings).speech, "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_path() {
        assert_eq!(Format::from_path(Path::new("a/b.DOCX")), Ok(Format::Docx));
        assert_eq!(Format::from_path(Path::new("发言.txt")), Ok(Format::Txt));
        assert_eq!(Format::from_path(Path::new("x.Md")), Ok(Format::Markdown));
        let error = Format::from_path(Path::new("x.pdf"));
        assert_eq!(error, Err(ExportError::UnknownFormat("pdf".into())));
        assert!(error.unwrap_err().to_string().contains(".pdf"));
        assert_eq!(
            Format::from_path(Path::new("noext")),
            Err(ExportError::UnknownFormat(String::new()))
        );
    }

    #[test]
    fn empty_font_names_fall_back() {
        let fonts = FontNames {
            title: " ".into(),
            body: "仿宋".into(),
            ..FontNames::default()
        };
        let resolved = fonts.resolved();
        assert_eq!(resolved.title, DEFAULT_TITLE_FONT);
        assert_eq!(resolved.body, "仿宋");
    }

    #[test]
    fn settings_load_with_missing_fields() {
        let settings: ExportSettings =
            ron::from_str("(layout: Paragraphs, fonts: (body: \"仿宋\"))").unwrap();
        assert_eq!(settings.layout, Layout::Paragraphs);
        assert_eq!(settings.fonts.body, "仿宋");
        assert_eq!(settings.fonts.title, DEFAULT_TITLE_FONT);
        assert!(!settings.txt_bom);
        assert_eq!(settings.ledger, LedgerChoice::Automatic);
        let settings: ExportSettings = ron::from_str("(ledger: Off)").unwrap();
        assert_eq!(settings.ledger, LedgerChoice::Off);
    }
}
