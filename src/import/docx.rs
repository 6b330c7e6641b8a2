//! Reading the text of a .docx: paragraphs of `word/document.xml` in order.

use super::ImportError;
use quick_xml::events::Event;
use std::io::Read;

/// Largest `word/document.xml` read (uncompressed), against zip bombs.
pub const MAX_DOCUMENT_XML: u64 = 64 * 1024 * 1024;

/// Most text a .docx may give, the same as a .txt material may hold: a small file whose
/// document is one huge paragraph is refused here, before any cleaning starts.
pub const MAX_DOCX_TEXT: usize = super::MAX_FILE_BYTES as usize;

/// True when the bytes start like a zip archive.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// The text of a .docx: one line per paragraph; `w:tab` as a tab, `w:br`/`w:cr` as a line
/// break; deleted text (`w:delText`), field codes and fallback copies of drawings ignored.
pub(crate) fn docx_text(bytes: &[u8]) -> Result<String, ImportError> {
    if !is_zip(bytes) {
        return Err(ImportError::NotDocx);
    }
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| ImportError::NotDocx)?;
    let xml = {
        let file = archive
            .by_name("word/document.xml")
            .map_err(|_| ImportError::NotDocx)?;
        if file.size() > MAX_DOCUMENT_XML {
            return Err(ImportError::DocxTooLarge);
        }
        let mut xml = Vec::new();
        // The declared size may lie: never read more than the cap.
        file.take(MAX_DOCUMENT_XML + 1)
            .read_to_end(&mut xml)
            .map_err(|_| ImportError::NotDocx)?;
        if xml.len() as u64 > MAX_DOCUMENT_XML {
            return Err(ImportError::DocxTooLarge);
        }
        xml
    };
    let xml = String::from_utf8(xml).map_err(|_| ImportError::BadDocx)?;
    document_text(&xml)
}

/// The paragraphs of a WordprocessingML document body, at most [`MAX_DOCX_TEXT`] bytes.
pub(crate) fn document_text(xml: &str) -> Result<String, ImportError> {
    document_text_capped(xml, MAX_DOCX_TEXT)
}

fn document_text_capped(xml: &str, cap: usize) -> Result<String, ImportError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut paragraphs: Vec<String> = Vec::new();
    // Paragraphs can nest (text boxes): a stack of open ones.
    let mut open: Vec<String> = Vec::new();
    let mut in_text = 0usize;
    let mut skip_depth = 0usize;
    // Text gathered so far: every event adds to the innermost open paragraph at most.
    let mut text_bytes = 0usize;
    loop {
        let (depth, top_len) = (open.len(), open.last().map_or(0, String::len));
        if text_bytes > cap {
            return Err(ImportError::DocxTooLarge);
        }
        let event = reader.read_event().map_err(|_| ImportError::BadDocx)?;
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if skip_depth > 0 {
                    skip_depth += 1;
                    continue;
                }
                match name {
                    "p" => open.push(String::new()),
                    "t" => in_text += 1,
                    // Deleted text, field instructions and duplicate fallback content.
                    "delText" | "instrText" | "delInstrText" | "Fallback" => skip_depth = 1,
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skip_depth > 0 {
                    continue;
                }
                let name = e.local_name();
                if let Some(paragraph) = open.last_mut() {
                    match name.as_ref() {
                        "tab" => paragraph.push('\t'),
                        "br" | "cr" => paragraph.push('\n'),
                        "noBreakHyphen" => paragraph.push('-'),
                        _ => {}
                    }
                } else if name.as_ref() == "p" {
                    paragraphs.push(String::new());
                }
            }
            Event::End(e) => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                match e.local_name().as_ref() {
                    "p" => {
                        if let Some(paragraph) = open.pop() {
                            paragraphs.push(paragraph);
                        }
                    }
                    "t" => in_text = in_text.saturating_sub(1),
                    _ => {}
                }
            }
            Event::Text(t) if in_text > 0 && skip_depth == 0 => {
                if let Some(paragraph) = open.last_mut() {
                    paragraph.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) if in_text > 0 && skip_depth == 0 => {
                if let Some(paragraph) = open.last_mut() {
                    paragraph.push_str(&t);
                }
            }
            Event::GeneralRef(r) if in_text > 0 && skip_depth == 0 => {
                if let Some(paragraph) = open.last_mut() {
                    if let Ok(Some(c)) = r.resolve_char_ref() {
                        paragraph.push(c);
                    } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r) {
                        paragraph.push_str(s);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        if open.len() == depth {
            text_bytes += open.last().map_or(0, String::len).saturating_sub(top_len);
        }
    }
    if text_bytes > cap {
        return Err(ImportError::DocxTooLarge);
    }
    // Unclosed paragraphs of a truncated document still count.
    paragraphs.extend(open);
    Ok(paragraphs.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tabs_breaks_and_deletions() {
        let xml = r#"<?xml version="1.0"?>
<w:document xmlns:w="w"><w:body>
<w:p><w:r><w:t>一是</w:t></w:r><w:r><w:t xml:space="preserve">学习&amp;不够</w:t></w:r></w:p>
<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r>
<w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del></w:p>
<w:p/>
<w:p><w:r><w:instrText>PAGE</w:instrText><w:t>&#x4E01;</w:t></w:r></w:p>
</w:body></w:document>"#;
        assert_eq!(
            document_text(xml).unwrap(),
            "一是学习&不够\n甲\t乙\n丙\n\n丁"
        );
    }

    #[test]
    fn text_boxes_are_not_doubled() {
        let xml = r#"<w:document xmlns:w="w" xmlns:mc="mc"><w:body><w:p><w:r>
<mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></mc:Choice>
<mc:Fallback><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent>
<w:t>外</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(document_text(xml).unwrap(), "框\n外");
    }

    #[test]
    fn text_over_the_cap_is_refused_as_it_grows() {
        let run = "<w:r><w:t>一二三四五六七八九十</w:t></w:r>";
        let xml = format!(
            "<w:document><w:body><w:p>{}</w:p></w:body></w:document>",
            run.repeat(40)
        );
        // 40 runs of 30 bytes: 1,200 bytes of text in one paragraph.
        assert_eq!(document_text_capped(&xml, 1_200).unwrap().len(), 1_200);
        assert_eq!(
            document_text_capped(&xml, 1_199),
            Err(ImportError::DocxTooLarge)
        );
        // Breaks, tabs and many paragraphs count too.
        let many = "<w:p><w:r><w:t>甲</w:t><w:br/></w:r></w:p>".repeat(100);
        let xml = format!("<w:document><w:body>{many}</w:body></w:document>");
        assert!(document_text_capped(&xml, 400).is_ok());
        assert_eq!(
            document_text_capped(&xml, 300),
            Err(ImportError::DocxTooLarge)
        );
    }

    #[test]
    fn non_zip_is_refused() {
        assert_eq!(docx_text(b"hello"), Err(ImportError::NotDocx));
        assert_eq!(docx_text(b"PK\x03\x04garbage"), Err(ImportError::NotDocx));
    }
}
