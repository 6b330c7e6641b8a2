//! Where a field of the draft is, worded for people in Chinese: the one wording the reviewer
//! panel, the `check` report and the export gate all print, so a headline is always `问题标题`.

use super::numbering::{category_label, finding_label};
use super::{CategoryId, Draft, FindingId, TextField};
use std::collections::HashMap;

/// The field's own name: `标题`, `小标题`, `开头`, `方面标题`, `问题标题`, `正文`, `结尾`.
pub fn field_name_zh(field: TextField) -> &'static str {
    match field {
        TextField::Title => "标题",
        TextField::Heading => "小标题",
        TextField::Opening => "开头",
        TextField::Closing => "结尾",
        TextField::CategoryTitle(_) => "方面标题",
        TextField::CategoryLead(_) => "方面导语",
        TextField::Headline(_) => "问题标题",
        TextField::Body(_) => "正文",
    }
}

/// `（一）在理论学习方面`, from the category's position.
pub fn category_place(draft: &Draft, ci: usize) -> String {
    let title = draft.categories.get(ci).map_or("", |c| c.title.trim());
    format!("{}{}", category_label(ci), title)
}

/// `（一）在理论学习方面 · 二是`, from the finding's position.
pub fn finding_place(draft: &Draft, ci: usize, fi: usize) -> String {
    format!("{} · {}", category_place(draft, ci), finding_label(fi))
}

/// [`finding_place`] of the finding with `id`; `None` when it is no longer in the draft.
pub fn place_of_finding(draft: &Draft, id: FindingId) -> Option<String> {
    let (ci, fi) = draft.locate(id)?;
    Some(finding_place(draft, ci, fi))
}

/// `标题`, `（二）在能力本领方面 · 方面标题`, `（二）在能力本领方面 · 二是 · 问题标题`.
/// `None` when the field is no longer in the draft.
pub fn field_place(draft: &Draft, field: TextField) -> Option<String> {
    draft.text(field)?;
    Some(fields_place(draft, &[field]))
}

/// Where text spanning `fields` (in reading order) is: the one field's place when there is one;
/// the finding or the category holding them all when the text runs over several fields.
pub fn fields_place(draft: &Draft, fields: &[TextField]) -> String {
    // (category index, finding index) of each field.
    let spots: Vec<(Option<usize>, Option<usize>)> = fields
        .iter()
        .map(|field| match *field {
            TextField::CategoryTitle(id) | TextField::CategoryLead(id) => {
                (draft.category_index(id), None)
            }
            TextField::Headline(id) | TextField::Body(id) => draft
                .locate(id)
                .map_or((None, None), |(ci, fi)| (Some(ci), Some(fi))),
            TextField::Title | TextField::Heading | TextField::Opening | TextField::Closing => {
                (None, None)
            }
        })
        .collect();
    let (Some(&first_field), Some(&(category, finding))) = (fields.first(), spots.first()) else {
        return "正文".to_owned();
    };
    let same_category = spots.iter().all(|s| s.0 == category);
    let same_finding = same_category && spots.iter().all(|s| s.1 == finding);
    let mut parts = Vec::new();
    if let Some(ci) = category
        && same_category
    {
        parts.push(category_place(draft, ci));
        if let Some(fi) = finding
            && same_finding
        {
            parts.push(finding_label(fi));
        }
    }
    if fields.len() == 1 || parts.is_empty() {
        parts.push(field_name_zh(first_field).to_owned());
    }
    parts.join(" · ")
}

/// Where each category and finding of a draft is, looked up by id in constant time: for a
/// report that places thousands of items, where [`field_place`] would search the draft for each.
pub struct PlaceIndex<'a> {
    draft: &'a Draft,
    categories: HashMap<CategoryId, usize>,
    findings: HashMap<FindingId, (usize, usize)>,
}

impl<'a> PlaceIndex<'a> {
    pub fn new(draft: &'a Draft) -> PlaceIndex<'a> {
        let mut categories = HashMap::new();
        let mut findings = HashMap::new();
        // The first of repeated ids wins, as with `Draft::locate`.
        for (ci, category) in draft.categories.iter().enumerate() {
            categories.entry(category.id).or_insert(ci);
            for (fi, finding) in category.findings.iter().enumerate() {
                findings.entry(finding.id).or_insert((ci, fi));
            }
        }
        PlaceIndex {
            draft,
            categories,
            findings,
        }
    }

    pub fn category_index(&self, id: CategoryId) -> Option<usize> {
        self.categories.get(&id).copied()
    }

    pub fn locate(&self, id: FindingId) -> Option<(usize, usize)> {
        self.findings.get(&id).copied()
    }

    /// The same as [`field_place`].
    pub fn field_place(&self, field: TextField) -> Option<String> {
        let name = field_name_zh(field);
        match field {
            TextField::Title | TextField::Heading | TextField::Opening | TextField::Closing => {
                Some(name.to_owned())
            }
            TextField::CategoryTitle(id) | TextField::CategoryLead(id) => {
                let ci = self.category_index(id)?;
                Some(format!("{} · {name}", category_place(self.draft, ci)))
            }
            TextField::Headline(id) | TextField::Body(id) => {
                let (ci, fi) = self.locate(id)?;
                Some(format!("{} · {name}", finding_place(self.draft, ci, fi)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Finding;

    #[test]
    fn the_index_places_every_field_as_field_place_does() {
        let mut draft = draft();
        // A repeated id and fields no longer in the draft.
        let mut twin = draft.categories[1].findings[0].clone();
        twin.headline = "重复的编号".into();
        draft.categories[0].findings.push(twin);
        let index = PlaceIndex::new(&draft);
        let mut fields: Vec<TextField> = draft.text_fields().into_iter().map(|(f, _)| f).collect();
        fields.extend([
            TextField::Body(FindingId(999)),
            TextField::CategoryTitle(CategoryId(999)),
        ]);
        for field in fields {
            assert_eq!(
                index.field_place(field),
                field_place(&draft, field),
                "{field:?}"
            );
        }
    }

    fn draft() -> Draft {
        let mut draft = Draft::with_categories(
            "标题",
            "二、检视存在的问题",
            &["在理论学习方面", " 在能力本领方面 "],
        );
        for i in 0..2 {
            draft.categories[1].findings.push(Finding {
                id: FindingId(200 + i),
                headline: "业务不精".into(),
                body: "业务水平不够高。".into(),
            });
        }
        draft
    }

    #[test]
    fn every_field_is_worded_one_way() {
        let draft = draft();
        let category = draft.categories[1].id;
        let place = |field| field_place(&draft, field);
        assert_eq!(place(TextField::Title).as_deref(), Some("标题"));
        assert_eq!(place(TextField::Closing).as_deref(), Some("结尾"));
        assert_eq!(
            place(TextField::CategoryTitle(category)).as_deref(),
            Some("（二）在能力本领方面 · 方面标题")
        );
        assert_eq!(
            place(TextField::Headline(FindingId(201))).as_deref(),
            Some("（二）在能力本领方面 · 二是 · 问题标题")
        );
        assert_eq!(
            place(TextField::Body(FindingId(200))).as_deref(),
            Some("（二）在能力本领方面 · 一是 · 正文")
        );
        assert_eq!(place(TextField::Body(FindingId(9))), None);
        assert_eq!(finding_place(&draft, 1, 0), "（二）在能力本领方面 · 一是");
        assert_eq!(
            place_of_finding(&draft, FindingId(201)).as_deref(),
            Some("（二）在能力本领方面 · 二是")
        );
        assert_eq!(place_of_finding(&draft, FindingId(9)), None);
    }

    #[test]
    fn text_over_several_fields_is_placed_in_what_holds_them() {
        let draft = draft();
        let title = TextField::CategoryTitle(draft.categories[1].id);
        let (first, second) = (FindingId(200), FindingId(201));
        let place = |fields: &[TextField]| fields_place(&draft, fields);
        assert_eq!(
            place(&[TextField::Headline(second), TextField::Body(second)]),
            "（二）在能力本领方面 · 二是"
        );
        assert_eq!(
            place(&[title, TextField::Headline(first), TextField::Body(second)]),
            "（二）在能力本领方面"
        );
        assert_eq!(place(&[TextField::Title, TextField::Heading]), "标题");
        assert_eq!(place(&[]), "正文");
    }
}
