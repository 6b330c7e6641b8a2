//! The last gate before export: ad-like text in the speech as it will be written, and where it
//! sits in the draft. The command line and the window's export dialog both ask it.

use super::{Layout, Paragraph};
use crate::ads;
use crate::clean::{self, Flag, Rules};
use crate::draft::place::fields_place;
use crate::draft::{Draft, TextField};

/// Ad-like text the export would write, and where it is in the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GateFlag {
    /// `（三）在能力本领方面 · 二是 · 正文`, as `check` says it.
    pub place: String,
    pub reason: String,
    pub text: String,
}

/// The final gate before export: ad-like text in the speech as it will be written.
///
/// Two scans, because each sees what the other cannot: each exported draft field on its own
/// (line rules such as `来源：…` only fire at the start of a line, which the inline layout
/// joins away; this is what `check` sees, so export refuses whatever `check` flags in the text
/// it writes), and each paragraph of the speech (text split over lines or fields in the draft
/// reads as one there). A paragraph finding already reported for its field is not repeated.
pub fn export_gate(draft: &Draft, layout: Layout, rules: &Rules) -> Vec<GateFlag> {
    let speech = super::speech(draft, layout);
    let exported: Vec<TextField> = speech
        .paragraphs
        .iter()
        .flat_map(|p| p.runs.iter().filter_map(|r| r.source))
        .collect();
    let fields = draft.text_fields();

    let mut found: Vec<(Vec<TextField>, Flag)> = ads::in_draft(draft, rules)
        .into_iter()
        .filter(|in_field| exported.contains(&in_field.field))
        .flat_map(|in_field| {
            let field = in_field.field;
            in_field.flags.into_iter().map(move |f| (vec![field], f))
        })
        .collect();
    let from_fields = found.len();
    for paragraph in &speech.paragraphs {
        let text = paragraph.text();
        for flag in clean::find_ads(&text, rules) {
            let sources = sources_in(paragraph, flag.start, flag.end);
            let known = found[..from_fields].iter().any(|(field, known)| {
                sources.contains(&field[0]) && overlaps(&known.text, &flag.text)
            });
            if !known {
                found.push((sources, flag));
            }
        }
    }
    // Reading order: by field, then as found.
    found.sort_by_key(|(sources, _)| {
        sources
            .first()
            .and_then(|first| fields.iter().position(|(f, _)| f == first))
            .unwrap_or(usize::MAX)
    });
    found
        .into_iter()
        .map(|(sources, flag)| GateFlag {
            place: fields_place(draft, &sources),
            reason: flag.reason,
            text: flag.text,
        })
        .collect()
}

/// The draft fields of the runs that `start..end` of the paragraph's text touches, in order;
/// derived numbers (`一是`) have none.
fn sources_in(paragraph: &Paragraph, start: usize, end: usize) -> Vec<TextField> {
    let mut sources = Vec::new();
    let mut offset = 0;
    for run in &paragraph.runs {
        let run_end = offset + run.text.len();
        if let Some(source) = run.source
            && start < run_end
            && offset < end
            && !sources.contains(&source)
        {
            sources.push(source);
        }
        offset = run_end;
    }
    sources
}

/// True when one text, whitespace ignored, holds the other.
fn overlaps(a: &str, b: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let (a, b) = (squeeze(a), squeeze(b));
    a.contains(&b) || b.contains(&a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check;
    use crate::draft::{Finding, FindingId};

    fn draft_with_body(body: &str) -> Draft {
        let mut draft = Draft::with_categories(
            "标题",
            "二、检视存在的问题",
            &["在理论学习方面", "在能力本领方面"],
        );
        draft.categories_mut().unwrap()[0].findings.push(Finding {
            id: FindingId(100),
            headline: "学习不够".into(),
            body: "学习不够深入。".into(),
        });
        for (i, body) in ["业务水平不够高。", body].into_iter().enumerate() {
            draft.categories_mut().unwrap()[1].findings.push(Finding {
                id: FindingId(200 + i as u64),
                headline: "业务不精".into(),
                body: body.into(),
            });
        }
        draft
    }

    #[test]
    fn gate_passes_a_clean_draft() {
        let draft = draft_with_body("对新业务学得不深。");
        for layout in [Layout::Inline, Layout::Paragraphs] {
            assert!(export_gate(&draft, layout, &Rules::builtin()).is_empty());
        }
    }

    #[test]
    fn gate_names_the_finding_once() {
        let draft = draft_with_body("对新业务学得不深。添加客服微信：abc123，领取资料。");
        for layout in [Layout::Inline, Layout::Paragraphs] {
            let flags = export_gate(&draft, layout, &Rules::builtin());
            assert_eq!(flags.len(), 1, "{layout:?}: {flags:?}");
            assert_eq!(flags[0].place, "（二）在能力本领方面 · 二是 · 正文");
            assert!(flags[0].text.contains("微信"), "{flags:?}");
        }
    }

    #[test]
    fn gate_sees_lines_the_inline_layout_joins() {
        // A site line at the start of a line of the body: the inline paragraph joins it into a
        // long line, where the line rule no longer fires; the field scan still sees it.
        let draft = draft_with_body("对新业务学得不深。\n来源：某某素材网");
        let report = check::report(&draft, &Rules::builtin());
        assert!(!report.is_clean());
        for layout in [Layout::Inline, Layout::Paragraphs] {
            let flags = export_gate(&draft, layout, &Rules::builtin());
            assert!(
                flags.iter().any(|f| f.text.contains("来源")),
                "{layout:?}: {flags:?}"
            );
        }
    }

    #[test]
    fn gate_sees_text_the_speech_joins() {
        // Split over two lines of the body, the contact reads as one only in the speech.
        let draft = draft_with_body("对新业务学得不深。客服QQ\n123456");
        assert!(check::report(&draft, &Rules::builtin()).is_clean());
        let flags = export_gate(&draft, Layout::Inline, &Rules::builtin());
        assert_eq!(flags.len(), 1, "{flags:?}");
        assert_eq!(flags[0].place, "（二）在能力本领方面 · 二是 · 正文");
        assert!(flags[0].text.contains("123456"), "{flags:?}");
    }

    #[test]
    fn gate_ignores_fields_the_export_leaves_out() {
        let mut draft = draft_with_body("对新业务学得不深。");
        draft.categories_mut().unwrap()[1].findings.clear();
        draft.categories_mut().unwrap()[1].title = "添加客服微信：abc123，领取资料".into();
        assert!(export_gate(&draft, Layout::Inline, &Rules::builtin()).is_empty());
    }
}
