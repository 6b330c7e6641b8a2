//! Helpers shared by the import tests. Fixtures live in tests/fixtures.
#![allow(dead_code)]

use pouxi::clean::{Rules, find_ads};
use pouxi::draft::numbering::{category_label, finding_label};
use pouxi::draft::{Draft, strip_section_number};
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
/// title, opening, heading, then `（一）`+title+`。`+`一是`+headline+`。`+body …, closing.
pub fn inline(draft: &Draft) -> String {
    let mut out = String::new();
    let heading = draft
        .problems_section()
        .map_or(String::new(), |s| s.heading.clone());
    for part in [&draft.title, &draft.opening, &heading] {
        if !part.is_empty() {
            out.push_str(part);
            out.push('\n');
        }
    }
    for (ci, category) in draft.categories().iter().enumerate() {
        out.push_str(&category_label(ci));
        out.push_str(&category.title);
        out.push('。');
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
    out.push_str(&draft.closing);
    out
}

/// The expected text with the problems heading's typed number (`二、`) taken off: the draft
/// derives section numbers from position and stores the heading bare.
fn without_section_number(draft: &Draft, expected: &str) -> String {
    let Some(heading) = draft
        .problems_section()
        .map(|s| s.heading.trim())
        .filter(|h| !h.is_empty())
    else {
        return expected.to_owned();
    };
    let mut done = false;
    expected
        .lines()
        .map(|line| {
            let trimmed = line.trim();
            if !done
                && trimmed.ends_with(heading)
                && strip_section_number(trimmed) == heading
                && trimmed != heading
            {
                done = true;
                heading.to_owned()
            } else {
                line.to_owned()
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
    let mut parts: Vec<&str> = draft_texts(&imported.draft);
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
