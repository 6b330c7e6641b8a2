//! The originality meter on the seed: imported material reads as copied, rewriting shows.

mod import_support;

use import_support::*;
use pouxi::clean::Rules;
use pouxi::draft::{Command, Draft, TextField};
use pouxi::import;
use pouxi::originality::{self, copied_ratio};
use std::collections::BTreeSet;

fn imported_seed() -> import::Imported {
    import::import_text(
        &fixture("seed_material.txt"),
        &Rules::builtin(),
        &BTreeSet::new(),
    )
}

fn seed() -> Draft {
    imported_seed().draft
}

#[test]
fn the_imported_seed_reads_fully_copied() {
    let draft = seed();
    let report = originality::report(&draft).expect("an imported draft has a fingerprint");
    assert!(report.total > 0.99, "total {}", report.total);
    assert_eq!(report.per_finding.len(), 19);
    for (id, ratio) in &report.per_finding {
        assert!(*ratio > 0.99, "finding {id:?} reads {ratio}");
    }
}

#[test]
fn a_finding_rewritten_by_half_reads_about_half_copied() {
    let mut draft = seed();
    let finding = draft.categories()[0].findings[1].clone();
    assert_eq!(finding.headline, "系统研究深度不够");
    // Keep the headline and the first two clauses (73 of 137 characters), write the rest anew.
    let kept = "在领会习近平新时代中国特色社会主义精神实质方面还缺乏一以贯之的自觉性，在一定程度上忽视了理论联系实际、理论指导实践的重要原则和根本作用，";
    assert!(finding.body.starts_with(kept));
    let body = format!(
        "{kept}去年研究本单位数字化转型方案时，没有运用所学理论分析矛盾、找准症结，三次专题研讨发言都停留在谈体会，没有拿出一条能落地的具体措施。"
    );
    draft
        .apply(Command::SetText {
            field: TextField::Body(finding.id),
            text: body,
        })
        .unwrap();
    let report = originality::report(&draft).unwrap();
    let (_, ratio) = report
        .per_finding
        .iter()
        .find(|(id, _)| *id == finding.id)
        .unwrap();
    assert!(
        (0.4..=0.6).contains(ratio),
        "rewritten finding reads {ratio}"
    );
    assert!(report.total < 1.0 && report.total > 0.9, "{}", report.total);
}

#[test]
fn an_entirely_new_text_reads_not_copied() {
    let draft = seed();
    let source = draft.source.as_ref().unwrap();
    let new = "今年以来，我参加党组理论学习中心组集中学习12次，其中因出差缺席3次，读书笔记只写了4篇、不足1万字。\
               在分管的信访接待工作中，群众反映的7件问题有2件超过办理时限，我没有及时督促，也没有到现场了解情况。";
    let ratio = copied_ratio(new, source);
    assert!(ratio < 0.05, "new text reads {ratio}");
}

#[test]
fn the_fingerprint_holds_the_kept_content_not_the_ads() {
    let imported = imported_seed();
    let source = imported.draft.source.as_ref().unwrap();
    let ads: Vec<&str> = imported
        .removed
        .iter()
        .filter(|r| !r.restored && strip_ws(&r.text).chars().count() >= 12)
        .map(|r| r.text.as_str())
        .collect();
    assert!(!ads.is_empty());
    for ad in ads {
        assert!(
            copied_ratio(ad, source) < 0.1,
            "ad in the fingerprint: {ad}"
        );
    }
}

#[test]
fn the_fingerprint_is_compact_and_survives_saving() {
    let draft = seed();
    let source = draft.source.as_ref().unwrap();
    assert!(
        (1_000..5_000).contains(&source.len()),
        "{} hashes",
        source.len()
    );
    let text = pouxi::store::draft_to_ron(&draft);
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("hashes:"))
        .unwrap();
    assert!(line.len() < source.len() * 5, "{} bytes", line.len());
    let loaded = pouxi::store::draft_from_ron(&text).unwrap();
    assert_eq!(loaded, draft);
    assert_eq!(originality::report(&loaded), originality::report(&draft));
}

#[test]
fn copied_spans_mark_what_is_left_of_the_material() {
    let draft = seed();
    let source = draft.source.as_ref().unwrap();
    let text = "今年只参加集中学习5次。在工作中经常满足于完成“规定动作”，这一点要改。";
    let spans = originality::copied_spans(text, source);
    let copied: Vec<&str> = spans.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(copied, ["在工作中经常满足于完成“规定动作"]);
}
