//! Where a field of the draft is, worded for people in Chinese: the one wording the reviewer
//! panel, the `check` report and the export gate all print, so a headline is always `问题标题`.
//! Places in the problems section read as they always did (`（一）在理论学习方面 · 二是`);
//! places in another section start with that section (`四、整改措施 · （一）…`).

use super::numbering::{category_label, finding_label};
use super::section::section_label;
use super::{CategoryId, Draft, FindingId, TextField};
use std::collections::HashMap;

/// The field's own name: `标题`, `署名`, `小标题`, `开头`, `方面标题`, `问题标题`, `正文`, `结尾`.
pub fn field_name_zh(field: TextField) -> &'static str {
    match field {
        TextField::Title => "标题",
        TextField::Byline | TextField::DateLine => "署名",
        TextField::SectionHeading(_) => "小标题",
        TextField::SectionText(_) => "正文",
        TextField::Opening => "开头",
        TextField::Closing => "结尾",
        TextField::CategoryTitle(_) => "方面标题",
        TextField::CategoryLead(_) => "方面导语",
        TextField::Headline(_) => "问题标题",
        TextField::Body(_) => "正文",
    }
}

/// `（一）在理论学习方面`, from the category's position in the problems section.
pub fn category_place(draft: &Draft, ci: usize) -> String {
    let title = draft.categories().get(ci).map_or("", |c| c.title.trim());
    format!("{}{}", category_label(ci), title)
}

/// `（一）在理论学习方面 · 二是`, from the finding's position in the problems section.
pub fn finding_place(draft: &Draft, ci: usize, fi: usize) -> String {
    format!("{} · {}", category_place(draft, ci), finding_label(fi))
}

/// The place of the finding with `id`, in any section; `None` when it is no longer in the draft.
pub fn place_of_finding(draft: &Draft, id: FindingId) -> Option<String> {
    let spot = Spot::of(draft, TextField::Headline(id));
    spot.section?;
    Some(spot_words(draft, &spot, true, true).join(" · "))
}

/// `标题`, `（二）在能力本领方面 · 方面标题`, `（二）在能力本领方面 · 二是 · 问题标题`,
/// `三、原因剖析 · 正文`. `None` when the field is no longer in the draft.
pub fn field_place(draft: &Draft, field: TextField) -> Option<String> {
    draft.text(field)?;
    Some(fields_place(draft, &[field]))
}

/// Where a field sits: section, category and finding indices, each when it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Spot {
    section: Option<usize>,
    category: Option<usize>,
    finding: Option<usize>,
}

impl Spot {
    fn of(draft: &Draft, field: TextField) -> Spot {
        let none = Spot {
            section: None,
            category: None,
            finding: None,
        };
        match field {
            TextField::SectionHeading(id) | TextField::SectionText(id) => Spot {
                section: draft.section_index(id),
                ..none
            },
            TextField::CategoryTitle(id) | TextField::CategoryLead(id) => {
                draft.find_category(id).map_or(none, |p| Spot {
                    section: Some(p.section),
                    category: Some(p.category),
                    finding: None,
                })
            }
            TextField::Headline(id) | TextField::Body(id) => {
                draft.find_finding(id).map_or(none, |p| Spot {
                    section: Some(p.section),
                    category: Some(p.category),
                    finding: Some(p.finding),
                })
            }
            TextField::Title
            | TextField::Byline
            | TextField::DateLine
            | TextField::Opening
            | TextField::Closing => none,
        }
    }
}

/// True for the section the outline and the review count (its places carry no section prefix).
fn is_problems(draft: &Draft, si: usize) -> bool {
    let id = draft.sections.get(si).map(|s| s.id);
    id.is_some() && draft.problems_section().map(|s| s.id) == id
}

/// The words of a spot, down to the category and (when asked) the finding.
fn spot_words(draft: &Draft, spot: &Spot, category: bool, finding: bool) -> Vec<String> {
    let mut parts = Vec::new();
    let Some(si) = spot.section else {
        return parts;
    };
    let Some(section) = draft.sections.get(si) else {
        return parts;
    };
    if !is_problems(draft, si) {
        parts.push(format!("{}{}", section_label(si), section.heading.trim()));
    }
    if let Some(ci) = spot.category
        && category
    {
        let title = section.categories().get(ci).map_or("", |c| c.title.trim());
        parts.push(format!("{}{}", category_label(ci), title));
        if let Some(fi) = spot.finding
            && finding
        {
            parts.push(finding_label(fi));
        }
    }
    parts
}

/// Where text spanning `fields` (in reading order) is: the one field's place when there is one;
/// the finding, the category or the section holding them all when the text runs over several
/// fields.
pub fn fields_place(draft: &Draft, fields: &[TextField]) -> String {
    let spots: Vec<Spot> = fields.iter().map(|&f| Spot::of(draft, f)).collect();
    let (Some(&first_field), Some(first)) = (fields.first(), spots.first()) else {
        return "正文".to_owned();
    };
    let same_section = spots.iter().all(|s| s.section == first.section);
    let same_category = same_section && spots.iter().all(|s| s.category == first.category);
    let same_finding = same_category && spots.iter().all(|s| s.finding == first.finding);
    let mut parts = if same_section {
        spot_words(draft, first, same_category, same_finding)
    } else {
        Vec::new()
    };
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
        for (ci, category) in draft.categories().iter().enumerate() {
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

    /// The same as [`field_place`]: the problems section from the index, the rest (few
    /// fields) as [`field_place`] finds them.
    pub fn field_place(&self, field: TextField) -> Option<String> {
        let name = field_name_zh(field);
        match field {
            TextField::CategoryTitle(id) | TextField::CategoryLead(id) => {
                match self.category_index(id) {
                    Some(ci) => Some(format!("{} · {name}", category_place(self.draft, ci))),
                    None => field_place(self.draft, field),
                }
            }
            TextField::Headline(id) | TextField::Body(id) => match self.locate(id) {
                Some((ci, fi)) => Some(format!("{} · {name}", finding_place(self.draft, ci, fi))),
                None => field_place(self.draft, field),
            },
            _ => field_place(self.draft, field),
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
        let mut twin = draft.categories()[1].findings[0].clone();
        twin.headline = "重复的编号".into();
        draft.categories_mut().unwrap()[0].findings.push(twin);
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
            draft.categories_mut().unwrap()[1].findings.push(Finding {
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
        let category = draft.categories()[1].id;
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
        let title = TextField::CategoryTitle(draft.categories()[1].id);
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
        assert_eq!(place(&[TextField::Title, TextField::Byline]), "标题");
        assert_eq!(place(&[]), "正文");
    }

    #[test]
    fn places_outside_the_problems_section_start_with_their_section() {
        let mut draft = crate::draft::Template::default_template().to_draft();
        let (si, section) = draft
            .sections
            .iter()
            .enumerate()
            .find(|(_, s)| s.kind == crate::draft::SectionKind::Measures)
            .expect("the default template has measures");
        let label = format!(
            "{}{}",
            crate::draft::section::section_label(si),
            section.heading
        );
        let category = section.categories()[0].clone();
        let id = FindingId(9_999_001);
        if let crate::draft::SectionBody::Categories(categories) = &mut draft.sections[si].body {
            categories[0].findings.push(Finding {
                id,
                headline: "加强学习".into(),
                body: String::new(),
            });
        }
        assert_eq!(
            place_of_finding(&draft, id).as_deref(),
            Some(format!("{label} · （一）{} · 一是", category.title.trim()).as_str())
        );
        let heading = TextField::SectionHeading(draft.sections[si].id);
        assert_eq!(
            field_place(&draft, heading).as_deref(),
            Some(format!("{label} · 小标题").as_str())
        );
        let problems = TextField::SectionHeading(draft.problems_section().unwrap().id);
        assert_eq!(field_place(&draft, problems).as_deref(), Some("小标题"));
    }
}
