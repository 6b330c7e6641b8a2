//! Pouxi (剖析): an editor for self-criticism speech drafts.

pub mod draft;
