//! Importing material: reading a file (plain text in any common Chinese encoding, or .docx),
//! cleaning it (see [`crate::clean`]) and parsing it into a [`Draft`].
//!
//! ```no_run
//! use pouxi::{clean::Rules, import};
//! use std::collections::BTreeSet;
//! # fn main() -> Result<(), import::ImportError> {
//! let material = import::read_material(std::path::Path::new("材料.txt"))?;
//! let imported = import::import_text(&material.text, &Rules::builtin(), &BTreeSet::new());
//! println!("{} 条问题，删除 {} 处", imported.draft.finding_count(), imported.removed.len());
//! # Ok(()) }
//! ```

mod articles;
mod decode;
mod docx;
mod legacy;
mod markup;
mod parse;
mod speech;

pub use articles::{Article, articles};
pub use parse::MAX_HEADLINE_CHARS;

use crate::clean::{self, RemovedSpan, Rules};
use crate::draft::SourceFingerprint;
use crate::draft::{
    Category, Command, Draft, Finding, IdSource, Section, SectionBody, SectionKind, TextField,
    count_chars,
};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;
use std::io::Read;
use std::path::Path;

/// Largest file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Where material came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MaterialKind {
    Text,
    Docx,
    Clipboard,
}

/// Decoded material, before cleaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Material {
    pub text: String,
    /// Display label of the encoding: `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE`, `UTF-16BE`,
    /// `GB18030`, or another encoding's name when guessed (`Big5`). `UTF-8` for .docx and
    /// the clipboard.
    pub encoding: String,
    pub kind: MaterialKind,
}

impl Material {
    /// Text pasted from the clipboard.
    pub fn clipboard(text: impl Into<String>) -> Material {
        Material {
            text: text.into(),
            encoding: "UTF-8".to_owned(),
            kind: MaterialKind::Clipboard,
        }
    }
}

/// Why material could not be read. [`ImportError::message_zh`] is for the user; `Display`
/// gives a plain English sentence for the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    NotFound(String),
    NotAFile(String),
    Io(String),
    TooLarge {
        size: u64,
        limit: u64,
    },
    Empty,
    Binary,
    UnknownEncoding,
    /// Japanese text (Shift-JIS): not read as Chinese, which would be mojibake.
    Japanese,
    /// Not a zip archive with `word/document.xml`.
    NotDocx,
    /// The document XML is broken.
    BadDocx,
    DocxTooLarge,
    /// An old binary Word file (.doc).
    LegacyDoc,
    Pdf,
}

impl ImportError {
    pub fn message_zh(&self) -> String {
        match self {
            ImportError::NotFound(path) => format!("找不到文件：{path}"),
            ImportError::NotAFile(path) => format!("不是文件：{path}"),
            ImportError::Io(message) => format!("读取文件失败：{message}"),
            ImportError::TooLarge { size, limit } => format!(
                "文件太大（{:.1} MB），最多只能导入 {} MB 的材料",
                *size as f64 / 1_048_576.0,
                limit / 1_048_576
            ),
            ImportError::Empty => "文件里没有文字".to_owned(),
            ImportError::Binary => "这不是文本文件，无法读取其中的文字".to_owned(),
            ImportError::UnknownEncoding => {
                "无法识别文件的文字编码，请另存为 UTF-8 或 Word 文档后再导入".to_owned()
            }
            ImportError::Japanese => {
                "这是日文编码（Shift-JIS）的文件，按中文读会变成乱码，已拒绝导入".to_owned()
            }
            ImportError::NotDocx => "不是有效的 Word（.docx）文档".to_owned(),
            ImportError::BadDocx => "Word 文档内容已损坏，无法读取".to_owned(),
            ImportError::DocxTooLarge => "Word 文档解压后过大，已拒绝读取".to_owned(),
            ImportError::LegacyDoc => {
                "不支持旧版 Word（.doc）格式，请在 Word 中另存为 .docx 后再导入".to_owned()
            }
            ImportError::Pdf => "暂不支持 PDF，请复制其中文字后粘贴导入".to_owned(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotFound(path) => write!(f, "file not found: {path}"),
            ImportError::NotAFile(path) => write!(f, "not a file: {path}"),
            ImportError::Io(message) => write!(f, "could not read the file: {message}"),
            ImportError::TooLarge { size, limit } => write!(
                f,
                "the file is too large ({size} bytes); the limit is {limit} bytes"
            ),
            ImportError::Empty => write!(f, "the file contains no text"),
            ImportError::Binary => write!(f, "this is not a text file"),
            ImportError::UnknownEncoding => {
                write!(f, "the text encoding could not be recognised")
            }
            ImportError::Japanese => write!(
                f,
                "this is Japanese text (Shift-JIS); read as Chinese it would be garbage, so it is refused"
            ),
            ImportError::NotDocx => write!(f, "this is not a valid .docx document"),
            ImportError::BadDocx => write!(f, "the .docx document is damaged"),
            ImportError::DocxTooLarge => {
                write!(f, "the .docx document is too large when uncompressed")
            }
            ImportError::LegacyDoc => write!(
                f,
                "old binary Word (.doc) files are not supported; save it as .docx first"
            ),
            ImportError::Pdf => write!(f, "PDF is not supported; copy and paste its text"),
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads a material file: .docx or plain text in UTF-8, UTF-16 (with BOM) or GB18030/GBK.
/// Files over [`MAX_FILE_BYTES`] are refused before reading.
pub fn read_material(path: &Path) -> Result<Material, ImportError> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ImportError::NotFound(shown.clone()),
        // A link that cannot be followed (links in a loop): there is no file behind it.
        _ if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => {
            ImportError::NotAFile(shown.clone())
        }
        _ => ImportError::Io(e.to_string()),
    })?;
    if !meta.is_file() {
        return Err(ImportError::NotAFile(shown));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let file = std::fs::File::open(path).map_err(|e| ImportError::Io(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::Io(e.to_string()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let is_docx_name = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    if is_docx_name && !docx::is_zip(&bytes) {
        return Err(ImportError::NotDocx);
    }
    decode_bytes(&bytes)
}

/// Decodes material from bytes: a .docx (zip) or plain text; the encoding is detected.
pub fn decode_bytes(bytes: &[u8]) -> Result<Material, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    let (text, encoding, kind) = if docx::is_zip(bytes) {
        (
            docx::docx_text(bytes)?,
            "UTF-8".to_owned(),
            MaterialKind::Docx,
        )
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(ImportError::LegacyDoc);
    } else if bytes.starts_with(b"%PDF-") {
        return Err(ImportError::Pdf);
    } else {
        let (text, label) = decode::decode_text(bytes)?;
        (text, label, MaterialKind::Text)
    };
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(Material {
        text,
        encoding,
        kind,
    })
}

/// Figures about one import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportStats {
    /// Non-whitespace characters of the input.
    pub input_chars: usize,
    /// Non-whitespace characters removed as ads (restored spans not counted).
    pub removed_chars: usize,
    pub removed_spans: usize,
    pub restored_spans: usize,
    /// Non-whitespace characters of numbering marks (and headline `。`, and Markdown's marks)
    /// consumed.
    pub mark_chars: usize,
    /// Hard line breaks joined inside sentences.
    pub joined_lines: usize,
    /// Runs of stray whitespace removed.
    pub spaces_removed: usize,
    pub categories: usize,
    pub findings: usize,
    pub found_title: bool,
    pub found_heading: bool,
    /// Text between a category title and its first numbered finding, kept as a finding with
    /// an empty headline.
    pub intro_texts: usize,
}

/// The result of importing text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Imported {
    pub draft: Draft,
    /// Every span detected, in text order; index `i` is what `restored` refers to.
    pub removed: Vec<RemovedSpan>,
    /// Numbering marks consumed (`（一）`, `一是`, `1.`, the `。` after a headline or a
    /// category title …): Pouxi derives numbers from position. Markdown's marks too (`###`,
    /// `**`, `-`): formatting, not text.
    pub consumed_marks: Vec<String>,
    pub stats: ImportStats,
}

/// Cleans and parses text into a draft. `restored` holds indices into the detected spans (as
/// returned in [`Imported::removed`]) that the user chose to keep; detection does not depend
/// on it, so indices stay valid across re-imports of the same text.
///
/// Every non-whitespace character of `text` ends up in exactly one of: the draft's text, a
/// removed (not restored) span, or a consumed mark.
///
/// The draft's [`Draft::source`] is the fingerprint of the kept material (ads cut, restored
/// spans kept), for the originality meter; None when nothing was kept.
pub fn import_text(text: &str, rules: &Rules, restored: &BTreeSet<usize>) -> Imported {
    let input_chars = count_chars(text);
    // Markdown's marks become spaces, byte for byte, so every offset below holds for `text`;
    // its pictures and front matter are cut with the site junk, named as what they are where
    // the ad rules flag the same line.
    let markup = markup::read(text);
    let text = markup.text.as_str();
    let view = markup.page_view();
    let mut page_flags = clean::find_ads_in_page(&view, rules);
    if let Cow::Owned(_) = view {
        // What a flag cut is told from the material, not from the view with the furniture blanked.
        for flag in &mut page_flags {
            flag.text = text[flag.start..flag.end].to_owned();
        }
    }
    let flags = clean::merge_flags(text, markup.junk, page_flags);
    let removed: Vec<RemovedSpan> = flags
        .into_iter()
        .enumerate()
        .map(|(i, flag)| RemovedSpan::from_flag(flag, restored.contains(&i)))
        .collect();
    let ranges: Vec<(usize, usize)> = removed
        .iter()
        .filter(|r| !r.restored)
        .map(|r| (r.start, r.end))
        .collect();
    let (paragraphs, repair) = clean::clean_paragraphs(text, &ranges, true);
    // The fingerprint of the cleaned text and the parse read the paragraphs alone.
    let (source, mut parsed) = crate::parallel::join(
        || SourceFingerprint::from_text(&paragraphs.join("\n")),
        || parse::parse(&paragraphs),
    );
    parsed.draft.source = (!source.is_empty()).then_some(source);
    parsed.consumed.extend(markup.marks);
    let stats = ImportStats {
        input_chars,
        removed_chars: removed
            .iter()
            .filter(|r| !r.restored)
            .map(|r| count_chars(&r.text))
            .sum(),
        removed_spans: removed.iter().filter(|r| !r.restored).count(),
        restored_spans: removed.iter().filter(|r| r.restored).count(),
        mark_chars: parsed.consumed.iter().map(|m| count_chars(m)).sum(),
        joined_lines: repair.joined_lines,
        spaces_removed: repair.spaces_removed,
        categories: parsed.draft.categories().len(),
        findings: parsed.draft.finding_count(),
        found_title: parsed.found_title,
        found_heading: parsed.found_heading,
        intro_texts: parsed.intro_texts,
    };
    Imported {
        draft: parsed.draft,
        removed,
        consumed_marks: parsed.consumed,
        stats,
    }
}

/// Normalised category title for matching: `在理论学习方面`, `理论学习方面存在的问题` and
/// `（一）理论学习方面：` all read `理论学习`.
pub fn normalize_title(title: &str) -> String {
    let title = title.trim();
    let title = match clean::marks::mark_at(title) {
        Some(mark) => &title[mark.len..],
        None => title,
    };
    let mut t: String = title
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_punctuation() && !is_cjk_punct(*c))
        .collect();
    loop {
        let before = t.len();
        for prefix in ["在"] {
            if let Some(rest) = t.strip_prefix(prefix) {
                t = rest.to_owned();
            }
        }
        for suffix in [
            "存在的主要问题",
            "存在的问题",
            "存在的不足",
            "存在问题",
            "的问题",
            "问题",
            "方面",
        ] {
            if let Some(rest) = t.strip_suffix(suffix) {
                t = rest.to_owned();
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

fn is_cjk_punct(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}'
        | '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// One undoable step that adds an imported draft to the current one: findings of categories
/// whose titles match after [`normalize_title`] are appended to them, other categories are
/// appended as new ones; the imported opening and closing are appended to the current ones,
/// and an empty title or heading is filled in. Every id is fresh from `ids`. The imported
/// material's fingerprint joins the current one, so the originality meter covers both.
pub fn merge_command(current: &Draft, imported: &Draft, ids: &mut IdSource) -> Command {
    ids.catch_up(current);
    ids.catch_up(imported);
    let mut commands = Vec::new();
    // The imported categories go into the current problems section; a draft without one gets
    // an empty one first, which takes the imported heading below.
    let (section, heading) = match current.problems_section() {
        Some(section) => (section.id, section.heading.as_str()),
        None => {
            let id = ids.section();
            commands.push(Command::InsertSection {
                index: current.sections.len(),
                section: Section {
                    id,
                    kind: SectionKind::Problems,
                    heading: String::new(),
                    body: SectionBody::Categories(Vec::new()),
                },
            });
            (id, "")
        }
    };
    let their_heading = imported
        .problems_section()
        .map_or("", |s| s.heading.as_str());
    for (field, mine, theirs) in [
        (
            TextField::Title,
            current.title.as_str(),
            imported.title.as_str(),
        ),
        (TextField::SectionHeading(section), heading, their_heading),
    ] {
        if mine.trim().is_empty() && !theirs.trim().is_empty() {
            commands.push(Command::SetText {
                field,
                text: theirs.to_owned(),
            });
        }
    }
    for (field, mine, theirs) in [
        (TextField::Opening, &current.opening, &imported.opening),
        (TextField::Closing, &current.closing, &imported.closing),
    ] {
        if !theirs.trim().is_empty() {
            let text = if mine.trim().is_empty() {
                theirs.clone()
            } else {
                format!("{}\n{}", mine.trim_end(), theirs.trim())
            };
            commands.push(Command::SetText { field, text });
        }
    }
    let mut appended: Vec<usize> = vec![0; current.categories().len()];
    let mut new_categories = 0;
    for category in imported.categories() {
        let key = normalize_title(&category.title);
        let target = (!key.is_empty())
            .then(|| {
                current
                    .categories()
                    .iter()
                    .position(|c| normalize_title(&c.title) == key)
            })
            .flatten();
        let fresh = |f: &Finding, ids: &mut IdSource| Finding {
            id: ids.finding(),
            headline: f.headline.clone(),
            body: f.body.clone(),
        };
        match target {
            Some(ci) => {
                let target = &current.categories()[ci];
                for finding in &category.findings {
                    commands.push(Command::InsertFinding {
                        category: target.id,
                        index: target.findings.len() + appended[ci],
                        finding: fresh(finding, ids),
                    });
                    appended[ci] += 1;
                }
            }
            None => {
                let id = ids.category();
                let findings = category.findings.iter().map(|f| fresh(f, ids)).collect();
                commands.push(Command::InsertCategory {
                    section,
                    index: current.categories().len() + new_categories,
                    category: Category {
                        id,
                        title: category.title.clone(),
                        lead: String::new(),
                        findings,
                        ..Category::default()
                    },
                });
                new_categories += 1;
            }
        }
    }
    if let Some(theirs) = &imported.source {
        let source = match &current.source {
            Some(mine) => mine.union(theirs),
            None => theirs.clone(),
        };
        commands.push(Command::SetSource {
            source: Some(source),
        });
    }
    Command::Batch(commands)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_normalise_to_their_core() {
        for t in [
            "在理论学习方面",
            "理论学习方面存在的问题",
            "（一）在理论学习方面：",
            " 在理论学习方面存在的问题。",
        ] {
            assert_eq!(normalize_title(t), "理论学习", "{t}");
        }
    }

    #[test]
    fn merge_appends_matching_and_new_categories() {
        let mut current = Draft::with_categories("稿", "二、检视存在的问题", &["在理论学习方面"]);
        let mut ids = IdSource::after(&current);
        current.categories_mut().unwrap()[0].findings.push(Finding {
            id: ids.finding(),
            headline: "旧".into(),
            body: String::new(),
        });
        let mut imported =
            Draft::with_categories("", "", &["理论学习方面存在的问题", "在廉洁自律方面"]);
        let mut other = IdSource::after(&imported);
        for c in imported.categories_mut().unwrap() {
            c.findings.push(Finding {
                id: other.finding(),
                headline: "新".into(),
                body: "体".into(),
            });
        }
        imported.opening = "开头".into();
        imported.source = Some(SourceFingerprint::from_text(
            "对分管科室的党建工作责任链条拧得不紧",
        ));
        current.source = Some(SourceFingerprint::from_text(
            "在工作中经常满足于完成规定动作",
        ));
        let command = merge_command(&current, &imported, &mut ids);
        let mut merged = current.clone();
        let inverse = merged.apply(command).unwrap();
        assert!(merged.ids_are_unique());
        assert_eq!(merged.categories().len(), 2);
        assert_eq!(merged.categories()[0].findings.len(), 2);
        assert_eq!(merged.categories()[1].title, "在廉洁自律方面");
        assert_eq!(merged.opening, "开头");
        let source = merged.source.as_ref().unwrap();
        for text in [
            "对分管科室的党建工作责任链条拧得不紧",
            "在工作中经常满足于完成规定动作",
        ] {
            assert!(
                crate::originality::copied_ratio(text, source) > 0.99,
                "{text}"
            );
        }
        merged.apply(inverse).unwrap();
        assert_eq!(merged, current);
    }

    #[test]
    fn errors_speak_both_languages() {
        let e = ImportError::TooLarge {
            size: 30 * 1_048_576,
            limit: MAX_FILE_BYTES,
        };
        assert!(e.message_zh().contains("20 MB"));
        assert!(e.to_string().contains("too large"));
    }
}
