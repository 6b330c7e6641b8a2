//! Built-in ad rules compiled ahead of time: the forward and reverse DFAs of each rule whose
//! automata are small, serialized into `assets/rules/ads.automata` and read in place, so that
//! a command checking a short text pays no compile at all for them (issue: "pay for the rules
//! once"). A rule whose DFA would be large, or that a DFA cannot run, is left to
//! [`crate::matcher::Matcher`], which compiles on first use.
//!
//! The file is made by the ignored test `regenerate_prebuilt_automata` below (`cargo test
//! --release --lib -- --ignored regenerate_prebuilt_automata`); `the_prebuilt_automata_are_current`
//! fails when `assets/rules/ads.ron` changed without it. It names the rules it holds by their
//! source, so a user rule replacing a built-in one is simply not found here.
//!
//! Sparse DFAs have no alignment needs and are validated when read; a file that does not
//! read (another byte order, damage) makes every lookup miss, never a wrong match.

use crate::matcher::Prebuilt;
use regex_automata::dfa::regex::Regex;
use regex_automata::dfa::sparse::DFA;
use std::collections::HashMap;
use std::sync::LazyLock;

static FILE: &[u8] = include_bytes!("../../assets/rules/ads.automata");

const MAGIC: &[u8; 8] = b"POUXIDFA";
const VERSION: u32 = 1;

/// The file's header and, by source, where each rule's two automata are.
struct Index {
    /// [`tests::sources_hash`] of the rules the file was made from.
    #[cfg(test)]
    hash: u64,
    entries: HashMap<&'static str, (&'static [u8], &'static [u8])>,
}

static INDEX: LazyLock<Option<Index>> = LazyLock::new(|| read_index(FILE));

fn read_index(file: &'static [u8]) -> Option<Index> {
    let mut rest = file.strip_prefix(MAGIC)?;
    let mut take = |n: usize| -> Option<&'static [u8]> {
        let (head, tail) = rest.split_at_checked(n)?;
        rest = tail;
        Some(head)
    };
    let word = |bytes: &[u8]| -> Option<u32> { Some(u32::from_le_bytes(bytes.try_into().ok()?)) };
    if word(take(4)?)? != VERSION {
        return None;
    }
    let _hash = u64::from_le_bytes(take(8)?.try_into().ok()?);
    let count = word(take(4)?)?;
    let mut entries = HashMap::new();
    for _ in 0..count {
        let len = word(take(4)?)? as usize;
        let source = std::str::from_utf8(take(len)?).ok()?;
        let len = word(take(4)?)? as usize;
        let forward = take(len)?;
        let len = word(take(4)?)? as usize;
        let reverse = take(len)?;
        entries.insert(source, (forward, reverse));
    }
    Some(Index {
        #[cfg(test)]
        hash: _hash,
        entries,
    })
}

/// The automata of the built-in rule with `source`, when the file holds them and they read.
pub(crate) fn lookup(source: &str) -> Option<Prebuilt> {
    // SAFETY: the bytes are part of this program (`include_bytes!` of a file that
    // `build_file` wrote with `to_bytes_little_endian`), never read from a user; every entry is
    // read with the checked `DFA::from_bytes` by `the_prebuilt_automata_are_current`. Checking
    // them again here, at each start, cost two thirds of compiling the rules outright. The
    // header checks (byte order, version, lengths) still run and refuse a foreign file.
    lookup_with(source, |bytes| {
        unsafe { DFA::from_bytes_unchecked(bytes) }
            .ok()
            .map(|(dfa, _)| dfa)
    })
}

/// [`lookup`] with every transition checked, as a test does.
#[cfg(test)]
fn lookup_checked(source: &str) -> Option<Prebuilt> {
    lookup_with(source, |bytes| {
        DFA::from_bytes(bytes).ok().map(|(dfa, _)| dfa)
    })
}

/// The rule's two automata, each read from its bytes by `read`.
fn lookup_with(
    source: &str,
    read: fn(&'static [u8]) -> Option<DFA<&'static [u8]>>,
) -> Option<Prebuilt> {
    let (forward, reverse) = *INDEX.as_ref()?.entries.get(source)?;
    Some(Regex::builder().build_from_dfas(read(forward)?, read(reverse)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::Rules;

    /// Largest forward and reverse automata kept for one rule, together, in bytes.
    const MAX_RULE_BYTES: usize = 320 << 10;

    /// Determinization that grows past this is given up: the rule's DFA would be huge.
    const DETERMINIZE_LIMIT: usize = 4 << 20;

    /// The sources of the rules the file was made from, in order, as one number.
    pub(crate) fn sources_hash<'a>(sources: impl IntoIterator<Item = &'a str>) -> u64 {
        // FNV-1a: stable across builds and platforms, unlike `DefaultHasher`.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for source in sources {
            for &byte in source.as_bytes().iter().chain(&[0]) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
        hash
    }

    /// The hash of the sources the file was made from.
    pub(crate) fn file_hash() -> Option<u64> {
        INDEX.as_ref().map(|index| index.hash)
    }

    /// How many rules the file holds.
    pub(crate) fn file_len() -> usize {
        INDEX.as_ref().map_or(0, |index| index.entries.len())
    }

    /// The file for `sources` (the built-in rules' sources, in order): each rule whose automata
    /// are small and which cannot match the empty string, the others left out.
    pub(crate) fn build_file(sources: &[&str]) -> Vec<u8> {
        use regex_automata::dfa::dense;
        use regex_automata::util::syntax;
        let mut entries: Vec<(&str, Vec<u8>, Vec<u8>)> = Vec::new();
        for source in sources {
            let syntax = syntax::Config::new().case_insensitive(true);
            let Ok(hir) = syntax::parse_with(source, &syntax) else {
                continue;
            };
            if hir.properties().minimum_len().is_none_or(|len| len == 0) {
                continue;
            }
            let built = Regex::builder()
                .syntax(syntax)
                .dense(
                    dense::Config::new()
                        .minimize(false)
                        .determinize_size_limit(Some(DETERMINIZE_LIMIT))
                        .dfa_size_limit(Some(DETERMINIZE_LIMIT)),
                )
                .build(source);
            let Ok(regex) = built else {
                continue;
            };
            let (Ok(forward), Ok(reverse)) =
                (regex.forward().to_sparse(), regex.reverse().to_sparse())
            else {
                continue;
            };
            let (forward, reverse) = (
                forward.to_bytes_little_endian(),
                reverse.to_bytes_little_endian(),
            );
            if forward.len() + reverse.len() <= MAX_RULE_BYTES {
                entries.push((source, forward, reverse));
            }
        }
        let mut out = MAGIC.to_vec();
        out.extend(VERSION.to_le_bytes());
        out.extend(sources_hash(sources.iter().copied()).to_le_bytes());
        let count = u32::try_from(entries.len()).unwrap_or(u32::MAX);
        out.extend(count.to_le_bytes());
        for (source, forward, reverse) in &entries {
            for part in [source.as_bytes(), forward, reverse] {
                let len = u32::try_from(part.len()).unwrap_or(u32::MAX);
                out.extend(len.to_le_bytes());
                out.extend_from_slice(part);
            }
        }
        out
    }

    fn builtin_sources(rules: &Rules) -> Vec<&str> {
        rules.rules().iter().map(|rule| rule.source()).collect()
    }

    #[test]
    fn the_prebuilt_automata_are_current() {
        let rules = Rules::builtin();
        assert_eq!(
            file_hash(),
            Some(sources_hash(builtin_sources(&rules))),
            "assets/rules/ads.ron changed: run `cargo test --release --lib -- --ignored \
             regenerate_prebuilt_automata` to make assets/rules/ads.automata again"
        );
        // Most rules are there, and each one there reads.
        assert!(
            file_len() * 4 >= rules.len() * 3,
            "{} of {}",
            file_len(),
            rules.len()
        );
        for source in builtin_sources(&rules) {
            if INDEX
                .as_ref()
                .is_some_and(|i| i.entries.contains_key(source))
            {
                assert!(lookup_checked(source).is_some(), "{source}");
            }
        }
    }

    #[test]
    fn a_damaged_file_is_not_read() {
        assert!(read_index(b"POUXIDFA").is_none());
        assert!(read_index(b"not the file at all").is_none());
        let good = FILE;
        let cut: &'static [u8] = &good[..good.len() / 2];
        assert!(read_index(cut).is_none());
    }

    /// Makes `assets/rules/ads.automata` from today's `assets/rules/ads.ron`. Slow in a
    /// debug build (determinization); run it in release.
    #[test]
    #[ignore]
    fn regenerate_prebuilt_automata() {
        let rules = Rules::builtin();
        let file = build_file(&builtin_sources(&rules));
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/rules/ads.automata");
        std::fs::write(&path, file).unwrap();
    }
}
