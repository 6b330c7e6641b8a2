//! 「按问题生成整改措施」: measures mirrored from the problem categories, as is usual practice.

use super::{
    Category, Command, Draft, IdSource, Section, SectionBody, SectionKind, strip_section_number,
};

/// The command that gives the 整改措施 section one category per problem category, with the same
/// titles, in the same order. A missing 整改措施 section is added at the end; titles the
/// measures already have are not repeated. None when there is nothing to add.
pub fn measures_from_problems(draft: &Draft, ids: &mut IdSource) -> Option<Command> {
    let problems: Vec<&str> = draft
        .categories()
        .iter()
        .map(|c| c.title.trim())
        .filter(|t| !t.is_empty())
        .collect();
    let existing = draft
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Measures && s.paragraphs().is_none());
    let have: Vec<&str> = existing
        .map(|s| s.categories().iter().map(|c| c.title.trim()).collect())
        .unwrap_or_default();
    let new: Vec<Category> = problems
        .iter()
        .filter(|title| !have.contains(title))
        .map(|title| Category {
            id: ids.category(),
            title: (*title).to_owned(),
            ..Category::default()
        })
        .collect();
    if new.is_empty() {
        return None;
    }
    match existing {
        Some(section) => {
            let start = section.categories().len();
            Some(Command::Batch(
                new.into_iter()
                    .enumerate()
                    .map(|(offset, category)| Command::InsertCategory {
                        section: section.id,
                        index: start + offset,
                        category,
                    })
                    .collect(),
            ))
        }
        None => Some(Command::InsertSection {
            index: draft.sections.len(),
            section: Section {
                id: ids.section(),
                kind: SectionKind::Measures,
                heading: strip_section_number(SectionKind::Measures.default_heading()).to_owned(),
                body: SectionBody::Categories(new),
            },
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mirrors_problem_titles_once_and_undoes() {
        let mut draft = Draft::with_categories("t", "检视存在的问题", &["甲方面", "乙方面"]);
        let before = draft.clone();
        let mut ids = IdSource::after(&draft);
        let command = measures_from_problems(&draft, &mut ids).unwrap();
        let inverse = draft.apply(command).unwrap();
        let measures = draft.sections.last().unwrap();
        assert_eq!(measures.kind, SectionKind::Measures);
        let titles: Vec<&str> = measures
            .categories()
            .iter()
            .map(|c| c.title.as_str())
            .collect();
        assert_eq!(titles, ["甲方面", "乙方面"]);
        assert!(draft.ids_are_unique());
        // A second run adds only what is missing: here nothing.
        assert!(measures_from_problems(&draft, &mut ids).is_none());
        draft.apply(inverse).unwrap();
        assert_eq!(draft, before);
    }
}
