//! An import in progress: the material, what cleaning removed, what the writer restored, and
//! the draft it parses into. Re-parsed whenever a removed span is restored or removed again.

use crate::clean::Rules;
use crate::import::{self, Article, Imported, Material};
use std::collections::BTreeSet;

/// How the imported draft joins the open one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImportMode {
    /// The imported draft replaces the open one (one undoable step).
    #[default]
    Replace,
    /// Findings are appended to the categories of the same name.
    Merge,
}

#[derive(Debug)]
pub struct ImportSession {
    /// The file name, or 剪贴板 / 粘贴的文字.
    pub source_name: String,
    pub material: Material,
    pub restored: BTreeSet<usize>,
    pub imported: Imported,
    pub mode: ImportMode,
    /// The articles of a compilation (篇一、篇二…); one for ordinary material.
    pub articles: Vec<Article>,
    /// Index into `articles` of the one being imported.
    pub article: usize,
}

impl ImportSession {
    pub fn new(source_name: String, material: Material, rules: &Rules) -> ImportSession {
        let restored = BTreeSet::new();
        let articles = import::articles(&material.text);
        let first = articles.first().map_or(&material.text[..], |a| {
            material.text.get(a.start..a.end).unwrap_or_default()
        });
        let imported = import::import_text(first, rules, &restored);
        ImportSession {
            source_name,
            material,
            restored,
            imported,
            mode: ImportMode::default(),
            articles,
            article: 0,
        }
    }

    /// The text being imported: the chosen article of a compilation, or all of the material.
    pub fn text(&self) -> &str {
        self.articles
            .get(self.article)
            .map_or(&self.material.text[..], |a| {
                self.material.text.get(a.start..a.end).unwrap_or_default()
            })
    }

    /// Imports another article of a compilation instead; restored spans start afresh.
    pub fn choose_article(&mut self, index: usize, rules: &Rules) {
        if index >= self.articles.len() || index == self.article {
            return;
        }
        self.article = index;
        self.restored.clear();
        self.imported = import::import_text(self.text(), rules, &self.restored);
    }

    /// Keeps (or cuts again) the removed span at `index` and parses anew.
    pub fn toggle_restored(&mut self, index: usize, rules: &Rules) {
        if !self.restored.remove(&index) {
            self.restored.insert(index);
        }
        self.imported = import::import_text(self.text(), rules, &self.restored);
    }
}
