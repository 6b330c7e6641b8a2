//! Templates: the category titles a year's guidance sets, kept as data under assets/templates/.

use super::Draft;
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Template {
    pub name: String,
    pub title: String,
    pub heading: String,
    pub categories: Vec<String>,
}

const BUILTIN_SOURCES: [&str; 2] = [
    include_str!("../../assets/templates/2023-six-aspects.ron"),
    include_str!("../../assets/templates/2024-four-exemplary.ron"),
];

impl Template {
    /// The templates shipped inside the binary; the first is the default.
    pub fn builtin() -> Vec<Template> {
        BUILTIN_SOURCES
            .iter()
            .filter_map(|source| ron::from_str(source).ok())
            .collect()
    }

    /// The default template: the six 2023 categories.
    pub fn default_template() -> Template {
        Template::builtin()
            .into_iter()
            .next()
            .unwrap_or_else(|| Template {
                name: "空白".to_owned(),
                title: String::new(),
                heading: super::DEFAULT_HEADING.to_owned(),
                categories: Vec::new(),
            })
    }

    /// A new draft made from this template.
    pub fn to_draft(&self) -> Draft {
        Draft::with_categories(&self.title, &self.heading, &self.categories)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_template_parses() {
        assert_eq!(Template::builtin().len(), BUILTIN_SOURCES.len());
    }

    #[test]
    fn default_is_the_six_2023_categories() {
        let draft = Template::default_template().to_draft();
        let titles: Vec<&str> = draft.categories.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "在理论学习方面",
                "在政治素质方面",
                "在能力本领方面",
                "在担当作为方面",
                "在工作作风方面",
                "在廉洁自律方面"
            ]
        );
        assert_eq!(draft.heading, "二、检视存在的问题");
        assert!(draft.ids_are_unique());
    }
}
