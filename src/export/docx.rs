//! Word (.docx) after GB/T 9704-2012: A4, 37/35/28/26 mm margins, 22 lines of fixed 28.9 pt
//! spacing, 2号 小标宋 title, 3号 仿宋 body with a two-character indent, 黑体 `一、` heading,
//! 楷体 `（一）` categories, `— N —` page numbers right on odd pages and left on even pages.
//!
//! The package is written by hand (WordprocessingML strings in a zip) rather than through a
//! docx library: every property the standard needs (East Asian font slots, twip indents,
//! exact line spacing, even/odd footers with a formatted PAGE field) is a plain attribute here,
//! and the output is small, deterministic and fast.

use super::docx_ledger;
use super::grid::*;
use super::layout::{Paragraph, Role, Run, Speech};
use super::stock_fonts::stock_fallback;
use super::title_lines::title_lines;
use super::{ExportError, FontNames, PAGE_NUMBER_FONT};
use crate::draft::LedgerRow;
use std::fmt::Write as _;
use std::io::{Cursor, Write as _};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Packs the speech as a .docx, with the 整改清单 as its appendix when `ledger` is given.
pub(super) fn write(
    speech: &Speech,
    fonts: &FontNames,
    ledger: Option<&[LedgerRow]>,
) -> Result<Vec<u8>, ExportError> {
    let title = speech
        .paragraphs
        .iter()
        .filter(|p| p.role == Role::Title)
        .map(Paragraph::text)
        .collect::<Vec<_>>()
        .join(" ");
    let parts: [(&str, String); 11] = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core_props(&title)),
        ("docProps/app.xml", app_props()),
        ("word/document.xml", document(speech, fonts, ledger)),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/styles.xml", styles(fonts)),
        ("word/settings.xml", settings()),
        ("word/fontTable.xml", font_table(fonts)),
        ("word/footer1.xml", footer(Side::Odd)),
        ("word/footer2.xml", footer(Side::Even)),
    ];
    let package_error = |e: zip::result::ZipError| ExportError::Package(e.to_string());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, xml) in parts {
        zip.start_file(name, options).map_err(package_error)?;
        zip.write_all(xml.as_bytes())
            .map_err(|e| ExportError::Package(e.to_string()))?;
    }
    let cursor = zip.finish().map_err(package_error)?;
    Ok(cursor.into_inner())
}

const XML_HEADER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

fn content_types() -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        "{XML_HEADER}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"{main}.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"{main}.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"{main}.settings+xml\"/>\
<Override PartName=\"/word/fontTable.xml\" ContentType=\"{main}.fontTable+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"{main}.footer+xml\"/>\
<Override PartName=\"/word/footer2.xml\" ContentType=\"{main}.footer+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>"
    )
}

fn package_rels() -> String {
    format!(
        "{XML_HEADER}<Relationships xmlns=\"{REL_NS}\">\
<Relationship Id=\"rId1\" Type=\"{REL_TYPE}/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"{REL_TYPE}/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>"
    )
}

fn document_rels() -> String {
    format!(
        "{XML_HEADER}<Relationships xmlns=\"{REL_NS}\">\
<Relationship Id=\"rId1\" Type=\"{REL_TYPE}/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"{REL_TYPE}/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rId3\" Type=\"{REL_TYPE}/fontTable\" Target=\"fontTable.xml\"/>\
<Relationship Id=\"rId4\" Type=\"{REL_TYPE}/footer\" Target=\"footer1.xml\"/>\
<Relationship Id=\"rId5\" Type=\"{REL_TYPE}/footer\" Target=\"footer2.xml\"/>\
</Relationships>"
    )
}

fn core_props(title: &str) -> String {
    let mut out = format!(
        "{XML_HEADER}<cp:coreProperties \
xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>"
    );
    escape_into(&mut out, title);
    out.push_str("</dc:title></cp:coreProperties>");
    out
}

fn app_props() -> String {
    format!(
        "{XML_HEADER}<Properties \
xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>Pouxi</Application></Properties>"
    )
}

/// Run properties: the Chinese font in the East Asian slot, the Latin-and-digits font in the
/// others, the size, and for 3号 text the tracking that makes 28 characters a line.
pub(super) fn run_props(out: &mut String, font: &str, latin: &str, size: u32) {
    out.push_str("<w:rPr><w:rFonts w:ascii=\"");
    escape_into(out, latin);
    out.push_str("\" w:hAnsi=\"");
    escape_into(out, latin);
    out.push_str("\" w:eastAsia=\"");
    escape_into(out, font);
    out.push_str("\" w:cs=\"");
    escape_into(out, latin);
    out.push_str("\"/>");
    if size == BODY_SIZE {
        let _ = write!(out, "<w:spacing w:val=\"{BODY_TRACKING}\"/>");
    }
    let _ = write!(
        out,
        "<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr>"
    );
}

fn document(speech: &Speech, fonts: &FontNames, ledger: Option<&[LedgerRow]>) -> String {
    let text_len: usize = speech
        .paragraphs
        .iter()
        .flat_map(|p| &p.runs)
        .map(|r| r.text.len())
        .sum();
    let mut out = String::with_capacity(2048 + text_len + speech.paragraphs.len() * 700);
    let _ = write!(
        out,
        "{XML_HEADER}<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>"
    );
    let paragraphs = &speech.paragraphs;
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let next_role = paragraphs.get(i + 1).map(|p| p.role);
        if paragraph.role != Role::Title {
            write_paragraph(&mut out, paragraph, fonts, next_role);
            continue;
        }
        // A typed title line too long for one printed line is broken at a word, balanced.
        let source = paragraph.runs.first().and_then(|r| r.source);
        let lines = title_lines(&paragraph.text());
        let last = lines.len().saturating_sub(1);
        for (j, text) in lines.into_iter().enumerate() {
            let line = Paragraph {
                role: Role::Title,
                runs: vec![Run {
                    text,
                    role: Role::Title,
                    source,
                }],
            };
            let next = if j < last {
                Some(Role::Title)
            } else {
                next_role
            };
            write_paragraph(&mut out, &line, fonts, next);
        }
    }
    match ledger {
        Some(rows) => {
            // The speech's portrait section ends with its last paragraph (a paragraph of its
            // own would risk a blank page); the landscape appendix starts on the next page.
            let mut section = String::new();
            speech_section(&mut section);
            match out.rfind("</w:pPr>") {
                Some(at) if out.ends_with("</w:p>") => out.insert_str(at, &section),
                _ => {
                    let _ = write!(out, "<w:p><w:pPr>{section}</w:pPr></w:p>");
                }
            }
            docx_ledger::appendix(&mut out, rows, fonts);
            docx_ledger::landscape_section(&mut out);
        }
        None => speech_section(&mut out),
    }
    out.push_str("</w:body></w:document>");
    out
}

/// The speech's section: portrait A4 with the 公文 margins and the page-number footers.
fn speech_section(out: &mut String) {
    let _ = write!(
        out,
        "<w:sectPr>\
<w:footerReference w:type=\"default\" r:id=\"rId4\"/>\
<w:footerReference w:type=\"even\" r:id=\"rId5\"/>\
<w:pgSz w:w=\"{PAGE_WIDTH}\" w:h=\"{PAGE_HEIGHT}\"/>\
<w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_RIGHT}\" w:bottom=\"{MARGIN_BOTTOM}\" \
w:left=\"{MARGIN_LEFT}\" w:header=\"{HEADER_DISTANCE}\" w:footer=\"{FOOTER_DISTANCE}\" w:gutter=\"0\"/>\
<w:cols w:space=\"425\"/>\
<w:docGrid w:linePitch=\"{LINE}\"/>\
</w:sectPr>"
    );
}

fn write_paragraph(
    out: &mut String,
    paragraph: &Paragraph,
    fonts: &FontNames,
    next_role: Option<Role>,
) {
    let (style, outline) = match paragraph.role {
        Role::Title => ("Title", None),
        Role::Byline => ("Byline", None),
        Role::Heading => ("Heading1", Some(0)),
        // A category of its own (paragraphs layout) is an outline level; an inline category
        // paragraph is body text that opens with the category's name.
        Role::Category if paragraph.runs.iter().all(|r| r.role == Role::Category) => {
            ("Heading2", Some(1))
        }
        Role::Category | Role::Body => ("Normal", None),
    };
    // Hanging punctuation stated on every paragraph: without it LibreOffice squeezes a 。 that
    // falls at the end of a full justified line out of the page. No space between Chinese and
    // Latin or digits.
    let _ = write!(
        out,
        "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/><w:overflowPunct w:val=\"1\"/>\
<w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/>"
    );
    if matches!(paragraph.role, Role::Title | Role::Byline) {
        // A blank line between the title (with its byline) and the text.
        let head_goes_on = match paragraph.role {
            Role::Title => matches!(next_role, Some(Role::Title | Role::Byline)),
            _ => next_role == Some(Role::Byline),
        };
        let after = if head_goes_on { 0 } else { LINE };
        let _ = write!(
            out,
            "<w:spacing w:before=\"0\" w:after=\"{after}\" w:line=\"{LINE}\" w:lineRule=\"exact\"/>\
<w:ind w:firstLine=\"0\" w:firstLineChars=\"0\"/><w:jc w:val=\"center\"/>"
        );
    } else {
        let _ = write!(
            out,
            "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{LINE}\" w:lineRule=\"exact\"/>\
<w:ind w:firstLine=\"{FIRST_LINE_INDENT}\"/><w:jc w:val=\"both\"/>"
        );
    }
    if let Some(level) = outline {
        let _ = write!(out, "<w:outlineLvl w:val=\"{level}\"/>");
    }
    let (font, size) = font_of(paragraph.role, fonts);
    run_props(out, font, &fonts.latin, size);
    out.push_str("</w:pPr>");

    // Adjacent runs of one role share formatting: write them as one.
    let runs = &paragraph.runs;
    let mut i = 0;
    while i < runs.len() {
        let role = runs[i].role;
        let (font, size) = font_of(role, fonts);
        out.push_str("<w:r>");
        run_props(out, font, &fonts.latin, size);
        out.push_str("<w:t xml:space=\"preserve\">");
        while i < runs.len() && runs[i].role == role {
            text_into(out, &runs[i].text);
            i += 1;
        }
        out.push_str("</w:t></w:r>");
    }
    out.push_str("</w:p>");
}

fn font_of(role: Role, fonts: &FontNames) -> (&str, u32) {
    match role {
        Role::Title => (&fonts.title, TITLE_SIZE),
        Role::Heading => (&fonts.heading, BODY_SIZE),
        // The byline is 楷体 like the categories.
        Role::Category | Role::Byline => (&fonts.category, BODY_SIZE),
        Role::Body => (&fonts.body, BODY_SIZE),
    }
}

fn styles(fonts: &FontNames) -> String {
    let mut out = format!("{XML_HEADER}<w:styles xmlns:w=\"{W_NS}\"><w:docDefaults><w:rPrDefault>");
    run_props(&mut out, &fonts.body, &fonts.latin, BODY_SIZE);
    // Insert the language after the size inside the run properties just written.
    out.truncate(out.len() - "</w:rPr>".len());
    out.push_str("<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr>");
    let _ = write!(
        out,
        "</w:rPrDefault><w:pPrDefault><w:pPr>\
<w:spacing w:line=\"{LINE}\" w:lineRule=\"exact\"/>\
<w:overflowPunct w:val=\"1\"/><w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/>\
<w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>\
<w:qFormat/><w:pPr><w:widowControl w:val=\"0\"/>\
<w:ind w:firstLine=\"{FIRST_LINE_INDENT}\"/><w:jc w:val=\"both\"/></w:pPr>"
    );
    // The Normal style states its own run properties: LibreOffice reads sizes from the style
    // rather than the document defaults.
    run_props(&mut out, &fonts.body, &fonts.latin, BODY_SIZE);
    let _ = write!(
        out,
        "</w:style>\
<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">\
<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>\
<w:unhideWhenUsed/></w:style>"
    );
    let paragraph_style =
        |out: &mut String, id: &str, name: &str, font: &str, size: u32, extra: &str| {
            let _ = write!(
                out,
                "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>{extra}</w:pPr>"
            );
            run_props(out, font, &fonts.latin, size);
            out.push_str("</w:style>");
        };
    paragraph_style(
        &mut out,
        "Title",
        "Title",
        &fonts.title,
        TITLE_SIZE,
        "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
    );
    paragraph_style(
        &mut out,
        "Byline",
        "Byline",
        &fonts.category,
        BODY_SIZE,
        "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
    );
    paragraph_style(
        &mut out,
        "Heading1",
        "heading 1",
        &fonts.heading,
        BODY_SIZE,
        "<w:keepNext/><w:outlineLvl w:val=\"0\"/>",
    );
    paragraph_style(
        &mut out,
        "Heading2",
        "heading 2",
        &fonts.category,
        BODY_SIZE,
        "<w:keepNext/><w:outlineLvl w:val=\"1\"/>",
    );
    let _ = write!(
        out,
        "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>\
<w:basedOn w:val=\"Normal\"/><w:pPr>\
<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{PAGE_NUMBER_LINE}\" w:lineRule=\"exact\"/>\
<w:ind w:firstLine=\"0\"/></w:pPr>"
    );
    run_props(
        &mut out,
        PAGE_NUMBER_FONT,
        PAGE_NUMBER_FONT,
        PAGE_NUMBER_SIZE,
    );
    out.push_str("</w:style></w:styles>");
    out
}

fn settings() -> String {
    format!(
        "{XML_HEADER}<w:settings xmlns:w=\"{W_NS}\">\
<w:zoom w:percent=\"100\"/>\
<w:defaultTabStop w:val=\"420\"/>\
<w:evenAndOddHeaders/>\
<w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" \
w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
<w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>\
</w:settings>"
    )
}

/// Fonts the document names, each a stock Windows face or with one of its kind to fall back to.
fn font_table(fonts: &FontNames) -> String {
    let mut out = format!("{XML_HEADER}<w:fonts xmlns:w=\"{W_NS}\">");
    let mut seen: Vec<&str> = Vec::new();
    for name in [
        fonts.title.as_str(),
        fonts.body.as_str(),
        fonts.heading.as_str(),
        fonts.category.as_str(),
        fonts.latin.as_str(),
        PAGE_NUMBER_FONT,
    ] {
        if seen.contains(&name) {
            continue;
        }
        seen.push(name);
        out.push_str("<w:font w:name=\"");
        escape_into(&mut out, name);
        out.push_str("\">");
        if let Some(alt) = stock_fallback(name) {
            let _ = write!(out, "<w:altName w:val=\"{alt}\"/>");
        }
        out.push_str("<w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>");
    }
    out.push_str("</w:fonts>");
    out
}

#[derive(Clone, Copy)]
enum Side {
    Odd,
    Even,
}

/// A footer with `— N —`: on odd pages at the right, on even pages at the left, one
/// character in from the text block's edge.
fn footer(side: Side) -> String {
    let (indent, align) = match side {
        Side::Odd => ("w:right", "right"),
        Side::Even => ("w:left", "left"),
    };
    let mut out = format!(
        "{XML_HEADER}<w:ftr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:p><w:pPr>\
<w:pStyle w:val=\"Footer\"/><w:ind {indent}=\"{PAGE_NUMBER_INSET}\" w:firstLine=\"0\"/>\
<w:jc w:val=\"{align}\"/>"
    );
    let mut props = String::new();
    run_props(
        &mut props,
        PAGE_NUMBER_FONT,
        PAGE_NUMBER_FONT,
        PAGE_NUMBER_SIZE,
    );
    out.push_str(&props);
    out.push_str("</w:pPr>");
    let run = |out: &mut String, content: &str| {
        out.push_str("<w:r>");
        out.push_str(&props);
        out.push_str(content);
        out.push_str("</w:r>");
    };
    run(&mut out, "<w:t xml:space=\"preserve\">— </w:t>");
    run(&mut out, "<w:fldChar w:fldCharType=\"begin\"/>");
    run(
        &mut out,
        "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>",
    );
    run(&mut out, "<w:fldChar w:fldCharType=\"separate\"/>");
    run(&mut out, "<w:t>1</w:t>");
    run(&mut out, "<w:fldChar w:fldCharType=\"end\"/>");
    run(&mut out, "<w:t xml:space=\"preserve\"> —</w:t>");
    out.push_str("</w:p></w:ftr>");
    out
}

/// Escapes text for an attribute or element, dropping characters XML 1.0 cannot hold.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if !allowed_in_xml(c) => {}
            c => out.push(c),
        }
    }
}

/// Writes run text inside an open `<w:t>`: tabs and line breaks become their own elements.
pub(super) fn text_into(out: &mut String, text: &str) {
    for piece in text.split_inclusive(['\t', '\n']) {
        let (body, brk) = match piece.strip_suffix('\t') {
            Some(body) => (body, Some("<w:tab/>")),
            None => match piece.strip_suffix('\n') {
                Some(body) => (body, Some("<w:br/>")),
                None => (piece, None),
            },
        };
        escape_into(out, body);
        if let Some(element) = brk {
            out.push_str("</w:t>");
            out.push_str(element);
            out.push_str("<w:t xml:space=\"preserve\">");
        }
    }
}

fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_drops_control_characters() {
        let mut out = String::new();
        escape_into(&mut out, "a<b>&\"'\u{1}\u{b}c");
        assert_eq!(out, "a&lt;b&gt;&amp;&quot;&apos;c");
    }

    #[test]
    fn tabs_and_breaks_become_elements() {
        let mut out = String::new();
        text_into(&mut out, "a\tb\nc");
        assert_eq!(
            out,
            "a</w:t><w:tab/><w:t xml:space=\"preserve\">b</w:t><w:br/><w:t xml:space=\"preserve\">c"
        );
    }

    #[test]
    fn the_page_number_sits_7_mm_under_the_text_block() {
        let mm = |twips: u32| f64::from(twips) * 25.4 / 1440.0;
        let gap = mm(MARGIN_BOTTOM) - mm(FOOTER_DISTANCE) - mm(PAGE_NUMBER_LINE);
        assert!((gap - 7.0).abs() < 0.05, "{gap} mm");
    }

    #[test]
    fn margins_in_twips_match_millimetres() {
        let twips = |mm: f64| (mm * 1440.0 / 25.4).round() as u32;
        assert_eq!(MARGIN_TOP, twips(37.0));
        assert_eq!(MARGIN_BOTTOM, twips(35.0));
        assert_eq!(MARGIN_LEFT, twips(28.0));
        assert_eq!(MARGIN_RIGHT, twips(26.0));
    }
}
