//! An import in progress: the material, what cleaning removed, what the writer restored, and
//! the draft it parses into. Re-parsed whenever a removed span is restored or removed again.

use crate::clean::Rules;
use crate::import::{self, Imported, Material};
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
}

impl ImportSession {
    pub fn new(source_name: String, material: Material, rules: &Rules) -> ImportSession {
        let restored = BTreeSet::new();
        let imported = import::import_text(&material.text, rules, &restored);
        ImportSession {
            source_name,
            material,
            restored,
            imported,
            mode: ImportMode::default(),
        }
    }

    /// Keeps (or cuts again) the removed span at `index` and parses anew.
    pub fn toggle_restored(&mut self, index: usize, rules: &Rules) {
        if !self.restored.remove(&index) {
            self.restored.insert(index);
        }
        self.imported = import::import_text(&self.material.text, rules, &self.restored);
    }
}
