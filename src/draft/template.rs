//! Templates: the skeleton of a year's speech — its sections, kinds and category titles — kept
//! as data. The built-in ones live under assets/templates/ (each file notes where its titles
//! come from); users add their own in the same format (see `store::templates`).

use super::{Category, Draft, IdSource, Section, SectionBody, SectionKind, strip_section_number};
use serde::{Deserialize, Serialize};

/// One section of a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateSection {
    pub kind: SectionKind,
    #[serde(default)]
    pub heading: String,
    /// Category titles; ignored when `paragraphs` is set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// Set for a section of paragraphs: the text it starts with (often empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraphs: Option<String>,
    /// The categories mirror the problem categories' titles (整改措施, as is usual practice).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub mirror_problems: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// Short and stable, for `pouxi new --template ID`.
    pub id: String,
    pub name: String,
    /// The year of the meeting; None for the blank template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u32>,
    /// 民主生活会, 组织生活会, …
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub opening: String,
    pub sections: Vec<TemplateSection>,
}

/// The built-in templates, newest meeting first within a year: (file name, text).
const BUILTIN_SOURCES: [(&str, &str); 6] = [
    (
        "2025-democratic-life.ron",
        include_str!("../../assets/templates/2025-democratic-life.ron"),
    ),
    (
        "2025-branch-life.ron",
        include_str!("../../assets/templates/2025-branch-life.ron"),
    ),
    (
        "2024-four-exemplary.ron",
        include_str!("../../assets/templates/2024-four-exemplary.ron"),
    ),
    (
        "2023-six-aspects.ron",
        include_str!("../../assets/templates/2023-six-aspects.ron"),
    ),
    (
        "2023-branch-life.ron",
        include_str!("../../assets/templates/2023-branch-life.ron"),
    ),
    (
        "blank.ron",
        include_str!("../../assets/templates/blank.ron"),
    ),
];

impl Template {
    /// Parses a template file's text; the error says what is wrong, in English.
    pub fn parse(text: &str) -> Result<Template, String> {
        let template: Template = ron::Options::default()
            .with_recursion_limit(32)
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|error| error.to_string())?;
        if template.id.trim().is_empty() {
            return Err("the template has no id".to_owned());
        }
        if template.name.trim().is_empty() {
            return Err("the template has no name".to_owned());
        }
        Ok(template)
    }

    /// The template as the text of a file.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new()
            .indentor("    ".to_owned())
            .struct_names(false);
        match ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .to_string_pretty(self, config)
        {
            Ok(text) => text + "\n",
            Err(error) => format!("// {error}\n"),
        }
    }

    /// The templates shipped inside the binary. A file that does not parse is a build defect
    /// that the tests catch; here it is skipped rather than fatal.
    pub fn builtin() -> Vec<Template> {
        BUILTIN_SOURCES
            .iter()
            .filter_map(|(_, source)| Template::parse(source).ok())
            .collect()
    }

    /// The template new drafts start from: the first of the latest year's.
    pub fn default_template() -> Template {
        latest(&Template::builtin())
            .cloned()
            .unwrap_or_else(Template::blank)
    }

    /// A speech with one empty problems section.
    pub fn blank() -> Template {
        Template {
            id: "blank".to_owned(),
            name: "空白稿件".to_owned(),
            year: None,
            kind: "空白".to_owned(),
            title: String::new(),
            opening: String::new(),
            sections: vec![TemplateSection {
                kind: SectionKind::Problems,
                heading: SectionKind::Problems.default_heading().to_owned(),
                categories: Vec::new(),
                paragraphs: None,
                mirror_problems: false,
            }],
        }
    }

    /// The problem category titles of the template.
    pub fn problem_titles(&self) -> Vec<&str> {
        self.sections
            .iter()
            .filter(|s| s.kind == SectionKind::Problems && s.paragraphs.is_none())
            .flat_map(|s| s.categories.iter().map(String::as_str))
            .collect()
    }

    /// The category titles a section of this template gets.
    pub fn section_titles<'a>(&'a self, section: &'a TemplateSection) -> Vec<&'a str> {
        if section.paragraphs.is_some() {
            Vec::new()
        } else if section.mirror_problems {
            self.problem_titles()
        } else {
            section.categories.iter().map(String::as_str).collect()
        }
    }

    /// A new draft made from this template.
    pub fn to_draft(&self) -> Draft {
        let mut ids = IdSource::after(&Draft::default());
        let sections = self
            .sections
            .iter()
            .map(|section| {
                let id = ids.section();
                let body = match &section.paragraphs {
                    Some(text) => SectionBody::Paragraphs(text.clone()),
                    None => SectionBody::Categories(
                        self.section_titles(section)
                            .into_iter()
                            .map(|title| Category {
                                id: ids.category(),
                                title: title.to_owned(),
                                ..Category::default()
                            })
                            .collect(),
                    ),
                };
                Section {
                    id,
                    kind: section.kind,
                    heading: strip_section_number(&section.heading).to_owned(),
                    body,
                }
            })
            .collect();
        Draft {
            title: self.title.clone(),
            opening: self.opening.clone(),
            sections,
            ..Draft::default()
        }
    }

    /// 「保存为模板」: the skeleton of `draft` — title, sections, kinds, category titles —
    /// with no findings' text and no paragraphs. Measures that repeat the problem titles are
    /// kept as a mirror.
    pub fn from_draft(draft: &Draft, id: &str, name: &str, year: Option<u32>) -> Template {
        let problems: Vec<&str> = draft
            .categories()
            .iter()
            .map(|c| c.title.as_str())
            .collect();
        let sections = draft
            .sections
            .iter()
            .map(|section| {
                let titles: Vec<String> = section
                    .categories()
                    .iter()
                    .map(|c| c.title.clone())
                    .collect();
                let mirror_problems = section.kind == SectionKind::Measures
                    && !titles.is_empty()
                    && titles
                        .iter()
                        .map(String::as_str)
                        .eq(problems.iter().copied());
                TemplateSection {
                    kind: section.kind,
                    heading: section.heading.clone(),
                    categories: if mirror_problems { Vec::new() } else { titles },
                    paragraphs: section.paragraphs().map(|_| String::new()),
                    mirror_problems,
                }
            })
            .collect();
        Template {
            id: id.to_owned(),
            name: name.to_owned(),
            year,
            kind: "自定义".to_owned(),
            title: draft.title.clone(),
            opening: String::new(),
            sections,
        }
    }
}

/// The first template of the latest year in `templates`.
pub fn latest(templates: &[Template]) -> Option<&Template> {
    let year = templates.iter().filter_map(|t| t.year).max()?;
    templates.iter().find(|t| t.year == Some(year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_template_parses_with_a_unique_id() {
        for (file, source) in BUILTIN_SOURCES {
            let template = Template::parse(source).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(format!("{}.ron", template.id), file);
        }
        let ids: std::collections::HashSet<String> =
            Template::builtin().into_iter().map(|t| t.id).collect();
        assert_eq!(ids.len(), BUILTIN_SOURCES.len());
    }

    #[test]
    fn every_year_template_names_the_public_source_of_its_titles() {
        for (file, source) in BUILTIN_SOURCES {
            let template = Template::parse(source).unwrap_or_else(|e| panic!("{file}: {e}"));
            if template.year.is_none() {
                continue;
            }
            let comments: Vec<&str> = source.lines().take_while(|l| l.starts_with("//")).collect();
            assert!(
                comments.iter().any(|l| l.contains("http")),
                "{file} gives no source address"
            );
        }
    }

    fn titles(draft: &Draft, kind: SectionKind) -> Vec<String> {
        draft
            .sections
            .iter()
            .filter(|s| s.kind == kind)
            .flat_map(|s| s.categories().iter().map(|c| c.title.clone()))
            .collect()
    }

    fn kinds(draft: &Draft) -> Vec<SectionKind> {
        draft.sections.iter().map(|s| s.kind).collect()
    }

    fn by_id(id: &str) -> Draft {
        Template::builtin()
            .into_iter()
            .find(|t| t.id == id)
            .unwrap()
            .to_draft()
    }

    const CAUSES: [&str; 4] = [
        "理想信念方面",
        "党性修养方面",
        "宗旨意识方面",
        "纪律规矩方面",
    ];

    #[test]
    fn the_2025_democratic_life_skeleton_is_whole() {
        let draft = by_id("2025-democratic-life");
        use SectionKind::*;
        assert_eq!(
            kinds(&draft),
            [Rectification, Problems, Case, Causes, Measures]
        );
        let problems = titles(&draft, Problems);
        assert_eq!(
            problems,
            [
                "在带头强化政治忠诚、提高政治能力方面",
                "在带头固本培元、增强党性方面",
                "在带头敬畏人民、敬畏组织、敬畏法纪方面",
                "在带头干事创业、担当作为方面",
                "在带头坚决扛起管党治党责任方面",
            ]
        );
        assert_eq!(titles(&draft, Measures), problems);
        assert_eq!(titles(&draft, Causes), CAUSES);
        assert!(draft.sections[0].paragraphs().is_some());
        assert!(draft.ids_are_unique());
        assert_eq!(draft.title, "2025年度民主生活会个人对照检查材料");
    }

    #[test]
    fn the_2024_titles_are_the_four_exemplary_ones() {
        let draft = by_id("2024-four-exemplary");
        assert_eq!(
            titles(&draft, SectionKind::Problems),
            [
                "带头严守政治纪律和政治规矩，维护党的团结统一",
                "带头增强党性、严守纪律、砥砺作风",
                "带头在遵规守纪、清正廉洁前提下勇于担责、敢于创新",
                "带头履行全面从严治党政治责任",
            ]
        );
        assert_eq!(
            titles(&draft, SectionKind::Measures),
            titles(&draft, SectionKind::Problems)
        );
        assert_eq!(titles(&draft, SectionKind::Causes), CAUSES);
    }

    #[test]
    fn the_other_built_in_skeletons() {
        let six = by_id("2023-six-aspects");
        assert_eq!(
            titles(&six, SectionKind::Problems),
            [
                "在理论学习方面",
                "在政治素质方面",
                "在能力本领方面",
                "在担当作为方面",
                "在工作作风方面",
                "在廉洁自律方面"
            ]
        );
        let branch_2023 = by_id("2023-branch-life");
        assert_eq!(
            titles(&branch_2023, SectionKind::Problems),
            [
                "学习贯彻党的创新理论情况",
                "党性修养提高情况",
                "联系服务群众情况",
                "发挥先锋模范作用情况"
            ]
        );
        let branch_2025 = by_id("2025-branch-life");
        let disciplines: Vec<String> = ["政治", "组织", "廉洁", "群众", "工作", "生活"]
            .iter()
            .map(|d| format!("在{d}纪律方面"))
            .collect();
        assert_eq!(titles(&branch_2025, SectionKind::Problems), disciplines);
        for draft in [&six, &branch_2023, &branch_2025] {
            assert_eq!(titles(draft, SectionKind::Causes), CAUSES);
            assert_eq!(
                titles(draft, SectionKind::Measures),
                titles(draft, SectionKind::Problems)
            );
            assert!(draft.ids_are_unique());
        }
        let blank = by_id("blank");
        assert_eq!(kinds(&blank), [SectionKind::Problems]);
        assert!(blank.categories().is_empty());
    }

    #[test]
    fn new_drafts_start_from_the_latest_year() {
        let template = Template::default_template();
        assert_eq!(template.id, "2025-democratic-life");
    }

    #[test]
    fn a_draft_saved_as_template_gives_back_its_skeleton_without_text() {
        let mut draft = by_id("2024-four-exemplary");
        let mut ids = IdSource::after(&draft);
        let first = draft.categories()[0].id;
        draft
            .apply(super::super::Command::InsertFinding {
                category: first,
                index: 0,
                finding: super::super::Finding {
                    id: ids.finding(),
                    headline: "政治站位不够高".into(),
                    body: "正文".into(),
                },
            })
            .unwrap();
        let template = Template::from_draft(&draft, "mine", "我的模板", Some(2026));
        let text = template.to_ron();
        assert!(!text.contains("政治站位不够高"), "{text}");
        let again = Template::parse(&text).unwrap();
        assert_eq!(again, template);
        assert!(again.sections.iter().any(|s| s.mirror_problems));
        let skeleton = again.to_draft();
        assert_eq!(
            titles(&skeleton, SectionKind::Problems),
            titles(&draft, SectionKind::Problems)
        );
        assert_eq!(skeleton.finding_count(), 0);
    }

    #[test]
    fn broken_templates_say_why() {
        assert!(Template::parse("(id: \"x\"").is_err());
        assert!(Template::parse("(id: \"\", name: \"n\", sections: [])").is_err());
        assert!(Template::parse("(id: \"x\", name: \"n\", sections: [(kind: nonsense)])").is_err());
    }
}
