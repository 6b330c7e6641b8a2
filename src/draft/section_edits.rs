//! Section edits the window will offer, each worked out from the draft as it stands and handed
//! back as one [`Command`] (so undo takes it back in one step). Renaming a section, editing its
//! paragraphs and the byline are plain [`Command::SetText`]s; moving one is
//! [`Command::MoveSection`]; 按问题生成整改措施 is [`super::measures_from_problems`]; a
//! template from the draft's skeleton is [`super::Template::from_draft`].

use super::{
    Category, Command, Draft, FindingId, IdSource, Section, SectionBody, SectionId, SectionKind,
};

/// The usual four cause categories a new 原因剖析 section starts with.
pub const CAUSE_TITLES: [&str; 4] = [
    "理想信念方面",
    "党性修养方面",
    "宗旨意识方面",
    "纪律规矩方面",
];

/// A new section of `kind` at `index`, as a writer would start it: its usual heading, and
/// paragraphs (学习收获, 上年度整改落实情况, 其他), no categories yet (检视问题, 案例剖析), the
/// four usual causes (原因剖析), or the problem categories mirrored (整改措施). None when
/// `index` is past the end.
pub fn add_section(
    draft: &Draft,
    index: usize,
    kind: SectionKind,
    ids: &mut IdSource,
) -> Option<(Command, SectionId)> {
    if index > draft.sections.len() {
        return None;
    }
    let titles: Vec<String> = match kind {
        SectionKind::Causes => CAUSE_TITLES.iter().map(|t| (*t).to_owned()).collect(),
        SectionKind::Measures => draft
            .categories()
            .iter()
            .map(|c| c.title.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect(),
        _ => Vec::new(),
    };
    let body = match kind {
        SectionKind::Study | SectionKind::Rectification | SectionKind::Other => {
            SectionBody::Paragraphs(String::new())
        }
        SectionKind::Problems | SectionKind::Case | SectionKind::Causes | SectionKind::Measures => {
            SectionBody::Categories(
                titles
                    .into_iter()
                    .map(|title| Category {
                        id: ids.category(),
                        title,
                        ..Category::default()
                    })
                    .collect(),
            )
        }
    };
    let id = ids.section();
    let section = Section {
        id,
        kind,
        heading: kind.default_heading().to_owned(),
        body,
    };
    Some((Command::InsertSection { index, section }, id))
}

/// Turns a section of categories into paragraphs or back, keeping every word: categories
/// become lines (`（一）`-less title, lead, then each finding's headline and body); each
/// paragraph becomes a finding of one untitled category. None when the section is gone.
pub fn switch_section_body(draft: &Draft, id: SectionId, ids: &mut IdSource) -> Option<Command> {
    let section = draft.section(id)?;
    let body = match &section.body {
        SectionBody::Categories(categories) => {
            let mut lines = Vec::new();
            for category in categories {
                lines.push(category.title.trim().to_owned());
                lines.push(category.lead.trim().to_owned());
                for finding in &category.findings {
                    let headline = finding.headline.trim();
                    let body = finding.body.trim();
                    lines.push(match (headline.is_empty(), body.is_empty()) {
                        (false, false) => format!("{headline}。{body}"),
                        (false, true) => headline.to_owned(),
                        _ => body.to_owned(),
                    });
                }
            }
            lines.retain(|l| !l.is_empty());
            SectionBody::Paragraphs(lines.join("\n"))
        }
        SectionBody::Paragraphs(text) => {
            let findings = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|line| super::Finding {
                    id: ids.finding(),
                    headline: String::new(),
                    body: line.to_owned(),
                })
                .collect();
            SectionBody::Categories(vec![Category {
                id: ids.category(),
                findings,
                ..Category::default()
            }])
        }
    };
    Some(Command::SetSectionBody { id, body })
}

/// Links measure `measure` to problem `problem`, or unlinks it when linked: the 整改清单's
/// 整改措施 column follows. None when either finding is gone.
pub fn toggle_answer(draft: &Draft, measure: FindingId, problem: FindingId) -> Option<Command> {
    draft.finding(measure)?;
    draft.locate(problem)?;
    let mut answers = draft.answers_of(measure).to_vec();
    match answers.iter().position(|&p| p == problem) {
        Some(at) => {
            answers.remove(at);
        }
        None => answers.push(problem),
    }
    Some(Command::SetAnswers { measure, answers })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Finding, Template, TextField};

    fn draft_with_a_problem() -> (Draft, FindingId) {
        let mut draft = Template::default_template().to_draft();
        let mut ids = IdSource::after(&draft);
        let problem = ids.finding();
        draft.categories_mut().unwrap()[0].findings.push(Finding {
            id: problem,
            headline: "政治站位不够高".into(),
            body: "学习不深。".into(),
        });
        (draft, problem)
    }

    #[test]
    fn a_new_section_of_each_kind_starts_as_a_writer_would_and_undoes() {
        let (mut draft, _) = draft_with_a_problem();
        let before = draft.clone();
        let mut ids = IdSource::after(&draft);
        let problem_titles: Vec<String> =
            draft.categories().iter().map(|c| c.title.clone()).collect();
        for kind in SectionKind::ALL {
            let (command, id) = add_section(&draft, 0, kind, &mut ids).unwrap();
            let undo = draft.apply(command).unwrap();
            let section = draft.section(id).unwrap();
            assert_eq!(section.kind, kind);
            assert_eq!(section.heading, kind.default_heading());
            let titles: Vec<&str> = section
                .categories()
                .iter()
                .map(|c| c.title.as_str())
                .collect();
            match kind {
                SectionKind::Causes => assert_eq!(titles, CAUSE_TITLES),
                SectionKind::Measures => assert_eq!(titles, problem_titles),
                SectionKind::Study | SectionKind::Rectification | SectionKind::Other => {
                    assert_eq!(section.paragraphs(), Some(""))
                }
                _ => assert!(titles.is_empty()),
            }
            assert!(draft.ids_are_unique());
            draft.apply(undo).unwrap();
            assert_eq!(draft, before);
        }
        assert!(
            add_section(
                &draft,
                draft.sections.len() + 1,
                SectionKind::Other,
                &mut ids
            )
            .is_none()
        );
    }

    #[test]
    fn switching_a_body_keeps_every_word_and_undoes() {
        let (mut draft, _) = draft_with_a_problem();
        let mut ids = IdSource::after(&draft);
        let causes = draft
            .sections
            .iter()
            .find(|s| s.kind == SectionKind::Causes)
            .unwrap()
            .id;
        let before = draft.clone();
        draft
            .apply(switch_section_body(&draft, causes, &mut ids).unwrap())
            .unwrap();
        let text = draft
            .section(causes)
            .unwrap()
            .paragraphs()
            .unwrap()
            .to_owned();
        assert_eq!(text, CAUSE_TITLES.join("\n"));
        // And back: a line a finding.
        draft
            .apply(Command::SetText {
                field: TextField::SectionText(causes),
                text: format!("{text}\n\n另起一段。"),
            })
            .unwrap();
        draft
            .apply(switch_section_body(&draft, causes, &mut ids).unwrap())
            .unwrap();
        let categories = draft.section(causes).unwrap().categories();
        assert_eq!(categories.len(), 1);
        assert_eq!(categories[0].findings.len(), 5);
        assert_eq!(categories[0].findings[4].body, "另起一段。");
        assert!(draft.ids_are_unique());
        // Undo gives the categories back as they were.
        let mut again = before.clone();
        let undo = again
            .apply(switch_section_body(&before, causes, &mut ids).unwrap())
            .unwrap();
        again.apply(undo).unwrap();
        assert_eq!(again, before);
    }

    #[test]
    fn linking_a_measure_fills_the_ledger_and_unlinking_empties_it() {
        let (mut draft, problem) = draft_with_a_problem();
        let mut ids = IdSource::after(&draft);
        let measures = draft
            .sections
            .iter()
            .find(|s| s.kind == SectionKind::Measures)
            .unwrap();
        let category = measures.categories()[0].id;
        let measure = ids.finding();
        draft
            .apply(Command::InsertFinding {
                category,
                index: 0,
                finding: Finding {
                    id: measure,
                    headline: "每月集中学习两次".into(),
                    body: String::new(),
                },
            })
            .unwrap();
        draft
            .apply(toggle_answer(&draft, measure, problem).unwrap())
            .unwrap();
        assert_eq!(draft.ledger_rows()[0].measures, "每月集中学习两次");
        let undo = draft
            .apply(toggle_answer(&draft, measure, problem).unwrap())
            .unwrap();
        assert_eq!(draft.ledger_rows()[0].measures, "");
        draft.apply(undo).unwrap();
        assert_eq!(draft.answers_of(measure), [problem]);
        // Nothing to link when the measure is gone.
        assert!(toggle_answer(&draft, FindingId(9_999_999), problem).is_none());
    }
}
