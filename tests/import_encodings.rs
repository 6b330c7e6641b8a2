//! Big5, Shift-JIS and half-UTF-8/half-GBK material, read from real files: Big5 decodes to the
//! traditional text it holds, Japanese is refused with a message, a mixed file is decoded line
//! by line; none of them comes back as mojibake labelled GB18030.

use encoding_rs::{BIG5, GB18030, SHIFT_JIS};
use pouxi::import::{self, ImportError};

const TRADITIONAL: &str = "個人對照檢查材料\n一、存在的問題\n（一）在理論學習方面\n一是學習舉措強度不夠。在工作中經常滿足於完成規定動作。";
const SIMPLIFIED: &str =
    "（二）在政治素质方面\n一是政治定位把握不准。对分管科室的党建工作责任链条拧得不紧。";

fn read(bytes: &[u8]) -> Result<import::Material, ImportError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("材料.txt");
    std::fs::write(&path, bytes).unwrap();
    import::read_material(&path)
}

#[test]
fn big5_material_reads_as_traditional_chinese() {
    let material = read(&BIG5.encode(TRADITIONAL).0).unwrap();
    assert_eq!(material.encoding, "Big5");
    assert_eq!(material.text, TRADITIONAL);
}

#[test]
fn gbk_material_still_reads_as_gb18030() {
    let material = read(&GB18030.encode(SIMPLIFIED).0).unwrap();
    assert_eq!(material.encoding, "GB18030");
    assert_eq!(material.text, SIMPLIFIED);
}

#[test]
fn shift_jis_material_is_refused_not_garbled() {
    let bytes = SHIFT_JIS
        .encode("会議の資料です。これは日本語の文章なので、中国語として読みません。")
        .0;
    let error = read(&bytes).unwrap_err();
    assert_eq!(error, ImportError::Japanese);
    assert!(error.message_zh().contains("日文"));
    assert!(error.to_string().contains("Japanese"));
}

#[test]
fn half_utf8_half_gbk_material_is_decoded_line_by_line() {
    let mut bytes = TRADITIONAL.as_bytes().to_vec();
    bytes.push(b'\n');
    bytes.extend(GB18030.encode(SIMPLIFIED).0.iter());
    let material = read(&bytes).unwrap();
    assert_eq!(material.text, format!("{TRADITIONAL}\n{SIMPLIFIED}"));
    assert!(material.encoding.contains("混合"), "{}", material.encoding);
}
