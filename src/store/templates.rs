//! Users' own templates: `*.ron` files in the `templates` folder of the config directory, in
//! the built-in templates' format, listed after them. A file that cannot be read or parsed is
//! reported and skipped, never fatal.

use super::{StoreError, atomic_write, read_capped};
use crate::draft::{Template, latest_template};
use std::path::{Path, PathBuf};

/// A template file is a few kilobytes; anything far larger is not one.
const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// A user template that was skipped, and why (a plain English sentence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateProblem {
    pub file: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for TemplateProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the template {} was skipped: {}",
            self.file.display(),
            self.reason
        )
    }
}

/// Every template on offer: the built-in ones, then the user's, with what was skipped.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    pub list: Vec<Template>,
    pub problems: Vec<TemplateProblem>,
}

impl Templates {
    /// The built-in templates and those in `user_dir` (a missing folder holds none).
    pub fn load(user_dir: Option<&Path>) -> Templates {
        let mut templates = Templates {
            list: Template::builtin(),
            problems: Vec::new(),
        };
        let Some(dir) = user_dir else {
            return templates;
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return templates;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
        files.sort();
        for file in files {
            match read_template(&file) {
                Ok(template) if templates.list.iter().any(|t| t.id == template.id) => {
                    templates.problems.push(TemplateProblem {
                        reason: format!("another template already has the id “{}”", template.id),
                        file,
                    });
                }
                Ok(template) => templates.list.push(template),
                Err(reason) => templates.problems.push(TemplateProblem { file, reason }),
            }
        }
        templates
    }

    pub fn find(&self, id: &str) -> Option<&Template> {
        self.list.iter().find(|t| t.id == id)
    }

    /// The template new drafts start from: the first of the latest year's.
    pub fn latest(&self) -> Template {
        latest_template(&self.list)
            .cloned()
            .unwrap_or_else(Template::default_template)
    }
}

fn read_template(file: &Path) -> Result<Template, String> {
    let bytes = read_capped(file, MAX_TEMPLATE_BYTES).map_err(|error| error.to_string())?;
    let text = String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_owned())?;
    Template::parse(&text)
}

/// 「保存为模板…」: writes `template` as `ID.ron` in `user_dir` (made if missing), atomically.
pub fn save_user_template(user_dir: &Path, template: &Template) -> Result<PathBuf, StoreError> {
    std::fs::create_dir_all(user_dir).map_err(|error| StoreError::from_io(user_dir, &error))?;
    let name: String = template
        .id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let name = if name.is_empty() {
        "template".to_owned()
    } else {
        name
    };
    let path = user_dir.join(format!("{name}.ron"));
    atomic_write(&path, template.to_ron().as_bytes())
        .map_err(|error| StoreError::from_io(&path, &error))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::SectionKind;

    #[test]
    fn user_templates_are_listed_after_the_builtin_and_broken_ones_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let draft = Template::builtin()[0].to_draft();
        let mine = Template::from_draft(&draft, "mine-2026", "我的2026模板", Some(2026));
        let saved = save_user_template(dir.path(), &mine).unwrap();
        assert!(saved.ends_with("mine-2026.ron"));
        std::fs::write(dir.path().join("broken.ron"), "(id: \"x\", name: ").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a template").unwrap();
        let builtin = Template::builtin().len();
        let templates = Templates::load(Some(dir.path()));
        assert_eq!(templates.list.len(), builtin + 1);
        assert_eq!(templates.list[builtin].id, "mine-2026");
        assert_eq!(templates.problems.len(), 1);
        assert!(templates.problems[0].file.ends_with("broken.ron"));
        // The user's 2026 template is now the latest year's.
        assert_eq!(templates.latest().id, "mine-2026");
        let kinds: Vec<SectionKind> = templates
            .latest()
            .to_draft()
            .sections
            .iter()
            .map(|s| s.kind)
            .collect();
        assert!(kinds.contains(&SectionKind::Measures));
    }

    #[test]
    fn a_missing_folder_gives_the_builtin_ones() {
        let templates = Templates::load(Some(Path::new("/nonexistent/pouxi/templates")));
        assert_eq!(templates.list.len(), Template::builtin().len());
        assert!(templates.problems.is_empty());
    }
}
