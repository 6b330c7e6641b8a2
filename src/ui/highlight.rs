//! What to paint behind the text of a field: find matches (the current one stronger) and, on
//! request, the stretches still copied verbatim from the imported material.

use crate::draft::SourceFingerprint;
use crate::draft::TextField;
use crate::originality;
use crate::search::Match;
use std::ops::Range;

const MATCH: egui::Color32 = egui::Color32::from_rgb(255, 236, 140);
const CURRENT_MATCH: egui::Color32 = egui::Color32::from_rgb(255, 178, 80);
const COPIED: egui::Color32 = egui::Color32::from_rgb(255, 214, 214);

#[derive(Default)]
pub struct Highlighter<'a> {
    pub matches: &'a [Match],
    pub current: Option<&'a Match>,
    /// Set when the writer asked to see the copied stretches.
    pub copied_from: Option<&'a SourceFingerprint>,
}

impl Highlighter<'_> {
    pub fn for_field(&self, field: TextField, text: &str) -> Vec<(Range<usize>, egui::Color32)> {
        let mut marks: Vec<(Range<usize>, egui::Color32)> = Vec::new();
        if let Some(source) = self.copied_from
            && matches!(field, TextField::Headline(_) | TextField::Body(_))
        {
            marks.extend(
                originality::copied_spans(text, source)
                    .into_iter()
                    .map(|range| (range, COPIED)),
            );
        }
        // Find matches paint over copied stretches: split by simply preferring them.
        let found: Vec<(Range<usize>, egui::Color32)> = self
            .matches
            .iter()
            .filter(|m| m.field == field)
            .map(|m| {
                let color = if Some(m) == self.current {
                    CURRENT_MATCH
                } else {
                    MATCH
                };
                (m.range.clone(), color)
            })
            .collect();
        if !found.is_empty() {
            marks.retain(|(range, _)| {
                !found
                    .iter()
                    .any(|(f, _)| f.start < range.end && range.start < f.end)
            });
            marks.extend(found);
        }
        marks.sort_by_key(|(range, _)| range.start);
        marks
    }
}
