//! Edits the window offers that take more than one field to decide: each is worked out here
//! from the draft as it stands and handed back as one [`Command`], so undo takes it back in
//! one step.

use super::{Category, Command, Draft, Finding, FindingId, IdSource, Template};

/// A blank finding at the end of `category`; None when the category is gone.
pub fn add_finding(
    draft: &Draft,
    category: super::CategoryId,
    ids: &mut IdSource,
) -> Option<(Command, FindingId)> {
    let index = draft.category(category)?.findings.len();
    let id = ids.finding();
    let finding = Finding {
        id,
        headline: String::new(),
        body: String::new(),
    };
    let command = Command::InsertFinding {
        category,
        index,
        finding,
    };
    Some((command, id))
}

/// A copy of finding `id`, with a new id, right below it; None when the finding is gone.
pub fn duplicate_finding(
    draft: &Draft,
    id: FindingId,
    ids: &mut IdSource,
) -> Option<(Command, FindingId)> {
    let place = draft.find_finding(id)?;
    let mut copy = draft.finding(id)?.clone();
    copy.id = ids.finding();
    let new_id = copy.id;
    let command = Command::InsertFinding {
        category: draft.sections[place.section].categories()[place.category].id,
        index: place.finding + 1,
        finding: copy,
    };
    Some((command, new_id))
}

/// The draft with `template`'s categories in the template's order: a category whose title
/// matches keeps its findings and id, a missing one comes back empty, and categories of other
/// names keep their findings after the template's (empty ones go). No finding is lost.
pub fn restore_template(draft: &Draft, template: &Template, ids: &mut IdSource) -> Command {
    let mut restored = draft.clone();
    let mut leftovers = draft.categories().to_vec();
    let mut categories: Vec<Category> = template
        .problem_titles()
        .into_iter()
        .map(
            |title| match leftovers.iter().position(|c| c.title.trim() == title) {
                Some(index) => leftovers.remove(index),
                None => Category {
                    id: ids.category(),
                    title: title.to_owned(),
                    ..Default::default()
                },
            },
        )
        .collect();
    categories.extend(leftovers.into_iter().filter(|c| !c.findings.is_empty()));
    match restored.categories_mut() {
        Some(slot) => *slot = categories,
        None => restored.sections.push(super::Section {
            id: ids.section(),
            kind: super::SectionKind::Problems,
            heading: super::DEFAULT_HEADING.to_owned(),
            body: super::SectionBody::Categories(categories),
        }),
    }
    Command::ReplaceDraft(Box::new(restored))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeded() -> (Draft, IdSource) {
        let mut draft = Template::default_template().to_draft();
        let mut ids = IdSource::after(&draft);
        draft.categories_mut().unwrap()[1].findings.push(Finding {
            id: ids.finding(),
            headline: "政治敏锐性不强".into(),
            body: "对意识形态领域的新情况研判不够。".into(),
        });
        (draft, ids)
    }

    #[test]
    fn a_duplicate_sits_below_its_original_with_a_new_id() {
        let (mut draft, mut ids) = seeded();
        let original = draft.categories()[1].findings[0].clone();
        let (command, copy_id) = duplicate_finding(&draft, original.id, &mut ids).unwrap();
        draft.apply(command).unwrap();
        let findings = &draft.categories()[1].findings;
        assert_eq!(findings.len(), 2);
        assert_ne!(copy_id, original.id);
        assert_eq!(findings[1].id, copy_id);
        assert_eq!(
            (&findings[1].headline, &findings[1].body),
            (&original.headline, &original.body)
        );
        assert!(draft.ids_are_unique());
        assert!(duplicate_finding(&draft, FindingId(9999), &mut ids).is_none());
    }

    #[test]
    fn a_new_finding_goes_to_the_end_of_its_category() {
        let (mut draft, mut ids) = seeded();
        let category = draft.categories()[1].id;
        let (command, id) = add_finding(&draft, category, &mut ids).unwrap();
        draft.apply(command).unwrap();
        assert_eq!(
            draft.categories()[1].findings.last().map(|f| f.id),
            Some(id)
        );
        assert!(add_finding(&draft, super::super::CategoryId(9999), &mut ids).is_none());
    }

    #[test]
    fn restoring_the_template_keeps_every_finding() {
        let (mut draft, mut ids) = seeded();
        let kept = draft.categories()[1].id;
        // The first category is gone, the second renamed but full, one extra category added.
        draft.categories_mut().unwrap().remove(0);
        draft.categories_mut().unwrap()[0].title = "政治方面".into();
        draft.categories_mut().unwrap().push(Category {
            id: ids.category(),
            title: "空的类别".into(),
            ..Default::default()
        });
        let template = Template::default_template();
        let command = restore_template(&draft, &template, &mut ids);
        draft.apply(command).unwrap();
        let titles: Vec<&str> = draft
            .categories()
            .iter()
            .map(|c| c.title.as_str())
            .collect();
        let mut expected: Vec<&str> = template.problem_titles();
        let renamed = expected.len();
        expected.push("政治方面");
        assert_eq!(titles, expected);
        assert_eq!(draft.categories()[renamed].id, kept);
        assert_eq!(draft.finding_count(), 1);
        assert!(draft.ids_are_unique());
    }
}
