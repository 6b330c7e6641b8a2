//! Helpers shared by the import tests. Fixtures live in tests/fixtures.
#![allow(dead_code)]

use pouxi::clean::{Rules, find_ads};
use pouxi::draft::numbering::{category_label, finding_label};
use pouxi::draft::{Category, Draft, Section, strip_section_number};
use pouxi::import::Imported;
use std::io::Write;

pub fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Bytes this thread has read through system calls (Linux's `/proc/thread-self/io`, `rchar`);
/// `None` elsewhere, where bounds on reading are not checked.
pub fn bytes_read_by_this_thread() -> Option<u64> {
    let io = std::fs::read_to_string("/proc/thread-self/io").ok()?;
    io.lines()
        .find_map(|line| line.strip_prefix("rchar:"))
        .and_then(|n| n.trim().parse().ok())
}

pub fn strip_ws(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The draft written out inline with numbering put back, the way the seed is written:
/// title, opening, then each section — its heading, then `（一）`+title+`。`+`一是`+headline+
/// `。`+body … or its paragraphs — and the closing.
pub fn inline(draft: &Draft) -> String {
    let mut out = String::new();
    for part in [&draft.title, &draft.opening] {
        if !part.is_empty() {
            out.push_str(part);
            out.push('\n');
        }
    }
    for section in &draft.sections {
        if !section.heading.is_empty() {
            out.push_str(&section.heading);
            out.push('\n');
        }
        if let Some(text) = section.paragraphs() {
            out.push_str(text);
            out.push('\n');
        }
        for (ci, category) in section.categories().iter().enumerate() {
            if !is_named_after_heading(section, category) {
                out.push_str(&category_label(ci));
                out.push_str(&category.title);
                out.push('。');
            }
            if !category.lead.is_empty() {
                out.push_str(&category.lead);
            }
            for (fi, finding) in category.findings.iter().enumerate() {
                out.push_str(&finding_label(fi));
                if !finding.headline.is_empty() {
                    out.push_str(&finding.headline);
                    out.push('。');
                }
                out.push_str(&finding.body);
            }
            out.push('\n');
        }
    }
    out.push_str(&draft.closing);
    out
}

/// What follows the problems part, as the material wrote it but without the sections' typed
/// numbers: each later section's heading and body, then the closing, a line each.
pub fn after_problems(draft: &Draft) -> String {
    let problems = draft.problems_section().map(|s| s.id);
    let later = draft
        .sections
        .iter()
        .skip_while(|s| Some(s.id) != problems)
        .skip(1);
    let mut out = Vec::new();
    for section in later {
        if !section.heading.is_empty() {
            out.push(section.heading.clone());
        }
        if let Some(text) = section.paragraphs() {
            out.push(text.to_owned());
        }
        for (ci, category) in section.categories().iter().enumerate() {
            let mut line = format!(
                "{}{}。{}",
                category_label(ci),
                category.title,
                category.lead
            );
            for (fi, finding) in category.findings.iter().enumerate() {
                line.push_str(&finding_label(fi));
                if !finding.headline.is_empty() {
                    line.push_str(&finding.headline);
                    line.push('。');
                }
                line.push_str(&finding.body);
            }
            out.push(line);
        }
    }
    if !draft.closing.is_empty() {
        out.push(draft.closing.clone());
    }
    out.join("\n")
}

/// A section's only category named after the section's heading (findings imported straight
/// under `一、存在的问题`): its title is derived, like the numbers, not text of the material.
fn is_named_after_heading(section: &Section, category: &Category) -> bool {
    section.categories().len() == 1
        && !category.title.is_empty()
        && category.title == section.heading
}

/// The expected text with the sections' typed numbers (`二、`) taken off: the draft derives
/// section numbers from position and stores each heading bare.
fn without_section_number(draft: &Draft, expected: &str) -> String {
    let headings: Vec<&str> = draft
        .sections
        .iter()
        .map(|s| s.heading.trim())
        .filter(|h| !h.is_empty())
        .collect();
    let mut done = vec![false; headings.len()];
    expected
        .lines()
        .map(|line| {
            let trimmed = line.trim();
            let bare = strip_section_number(trimmed);
            let bare = bare.trim_end_matches(['：', ':']);
            match headings
                .iter()
                .enumerate()
                .find(|&(i, h)| !done[i] && bare == *h && trimmed != *h)
            {
                Some((i, h)) => {
                    done[i] = true;
                    (*h).to_owned()
                }
                None => line.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserts the draft, re-serialised inline, equals the expected text (whitespace ignored).
pub fn assert_matches_expected(draft: &Draft, expected: &str) {
    let got = strip_ws(&inline(draft));
    let want = strip_ws(&without_section_number(draft, expected));
    if got != want {
        let common = got
            .chars()
            .zip(want.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let from = common.saturating_sub(20);
        panic!(
            "draft differs from expected after {common} chars:\n got: …{}\nwant: …{}",
            got.chars().skip(from).take(80).collect::<String>(),
            want.chars().skip(from).take(80).collect::<String>()
        );
    }
}

/// Every piece of text in the draft.
pub fn draft_texts(draft: &Draft) -> Vec<&str> {
    draft.text_fields().into_iter().map(|(_, t)| t).collect()
}

/// The draft's text that came from the material: every field but a category title derived
/// from its section's heading (a copy, like the derived numbers).
fn material_texts(draft: &Draft) -> Vec<&str> {
    let derived: Vec<pouxi::draft::CategoryId> = draft
        .sections
        .iter()
        .flat_map(|s| {
            s.categories()
                .iter()
                .filter(move |c| is_named_after_heading(s, c))
                .map(|c| c.id)
        })
        .collect();
    draft
        .text_fields()
        .into_iter()
        .filter(|(field, _)| {
            !matches!(field, pouxi::draft::TextField::CategoryTitle(id) if derived.contains(id))
        })
        .map(|(_, t)| t)
        .collect()
}

fn sorted_chars<'a>(parts: impl IntoIterator<Item = &'a str>) -> Vec<char> {
    let mut chars: Vec<char> = parts
        .into_iter()
        .flat_map(|p| p.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    chars.sort_unstable();
    chars
}

/// Conservation: every non-whitespace character of the input is in exactly one of the draft,
/// the removed (not restored) spans, or the consumed marks.
pub fn assert_conserved(input: &str, imported: &Imported) {
    let mut parts: Vec<&str> = material_texts(&imported.draft);
    parts.extend(
        imported
            .removed
            .iter()
            .filter(|r| !r.restored)
            .map(|r| r.text.as_str()),
    );
    parts.extend(imported.consumed_marks.iter().map(String::as_str));
    let got = sorted_chars(parts);
    let want = sorted_chars([input]);
    assert_eq!(got.len(), want.len(), "character count differs");
    assert_eq!(got, want, "characters differ");
}

/// No field of the draft has anything ad-like left.
pub fn assert_ad_free(draft: &Draft, rules: &Rules) {
    for text in draft_texts(draft) {
        let flags = find_ads(text, rules);
        assert!(flags.is_empty(), "still flagged in {text:?}: {flags:?}");
    }
}

/// A minimal .docx with one paragraph per line of `text`.
pub fn docx_bytes(text: &str) -> Vec<u8> {
    let mut body = String::new();
    for line in text.lines() {
        let escaped = line
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        body.push_str(&format!(
            "<w:p><w:pPr><w:ind w:firstLineChars=\"200\"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia=\"仿宋\"/></w:rPr><w:t xml:space=\"preserve\">{escaped}</w:t></w:r></w:p>"
        ));
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in [
        ("[Content_Types].xml", content_types.to_owned()),
        ("_rels/.rels", rels.to_owned()),
        ("word/document.xml", document),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A .docx the way Word writes one, from a line-per-paragraph spec: `#T ` a centred title
/// paragraph, `#C ` a centred paragraph, `#H ` a heading, `#F ` a footer-like paragraph whose
/// digits are a PAGE field; `|` splits runs (with proofing marks between them) and `\n` is a
/// soft line break (`w:br`).
pub fn styled_docx_bytes(spec: &str) -> Vec<u8> {
    fn esc(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }
    fn run(text: &str) -> String {
        let parts: Vec<String> = text
            .split("\\n")
            .map(|t| format!("<w:t xml:space=\"preserve\">{}</w:t>", esc(t)))
            .collect();
        format!(
            "<w:r><w:rPr><w:rFonts w:ascii=\"仿宋_GB2312\" w:eastAsia=\"仿宋_GB2312\"/><w:sz w:val=\"32\"/></w:rPr>{}</w:r>",
            parts.join("<w:br/>")
        )
    }
    let mut body = String::new();
    for (k, line) in spec.lines().enumerate() {
        let (ppr, text) = match line.get(..3) {
            Some("#T ") => (
                "<w:pStyle w:val=\"Title\"/><w:jc w:val=\"center\"/>",
                &line[3..],
            ),
            Some("#C ") => ("<w:jc w:val=\"center\"/>", &line[3..]),
            Some("#H ") => (
                "<w:pStyle w:val=\"Heading1\"/><w:outlineLvl w:val=\"0\"/>",
                &line[3..],
            ),
            Some("#F ") => ("<w:jc w:val=\"center\"/>", &line[3..]),
            _ => ("<w:ind w:firstLineChars=\"200\"/>", line),
        };
        let runs: String = if line.starts_with("#F ") {
            // `— 2 —` with the number as a complex PAGE field.
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            let (before, after) = text.split_once(digits.as_str()).unwrap_or((text, ""));
            format!(
                "{}<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>{}",
                run(before),
                run(&digits),
                run(after)
            )
        } else {
            text.split('|')
                .map(run)
                .collect::<Vec<_>>()
                .join("<w:proofErr w:type=\"gramStart\"/>")
        };
        body.push_str(&format!(
            "<w:p><w:pPr>{ppr}</w:pPr><w:bookmarkStart w:id=\"{k}\" w:name=\"_p{k}\"/>{runs}<w:bookmarkEnd w:id=\"{k}\"/></w:p>"
        ));
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId2\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"/></w:sectPr></w:body></w:document>"
    );
    let footer = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:r><w:t>第 1 页 共 3 页 · 某某文库 www.example.com</w:t></w:r></w:p></w:ftr>";
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in [
        ("[Content_Types].xml", content_types.to_owned()),
        ("_rels/.rels", rels.to_owned()),
        ("word/document.xml", document),
        ("word/footer1.xml", footer.to_owned()),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}
