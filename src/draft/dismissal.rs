//! Reviewer advice the writer has chosen to ignore (忽略), kept in the draft so that it stays
//! ignored after saving and opening again, and in `pouxi check`. A dismissal names the advice
//! by where it is, which rule gave it and the words it was about — not by position, which
//! every edit above it moves — so advice on other words of the field, or on these words once
//! changed, is shown again.

use super::TextField;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Dismissal {
    pub field: TextField,
    /// The rule that gave the advice (`blaming_circumstances/工作忙`).
    pub rule: String,
    /// The words the advice was about; empty for advice about the field as a whole.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub words: String,
}

/// The draft's dismissals, in one order whatever order they were made in, so that undoing
/// brings a draft back exactly.
pub type Dismissals = BTreeSet<Dismissal>;

/// Adds those of `dismissals` not there yet; returns them (what undo takes away again).
pub(super) fn add(to: &mut Dismissals, dismissals: Vec<Dismissal>) -> Vec<Dismissal> {
    dismissals
        .into_iter()
        .filter(|d| to.insert(d.clone()))
        .collect()
}

/// Takes away those of `dismissals` that are there; returns them (what undo adds back).
pub(super) fn remove(from: &mut Dismissals, dismissals: Vec<Dismissal>) -> Vec<Dismissal> {
    dismissals.into_iter().filter(|d| from.remove(d)).collect()
}
