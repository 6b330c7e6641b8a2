//! A hash map keyed by what a process itself reads (characters, bigrams, sentences), hashed
//! with one multiply per word: SipHash, the default, is built to resist keys an attacker
//! chooses, and on the stress draft it took a tenth of the reviewer.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The multiplier of Fibonacci hashing: it spreads consecutive keys far apart.
const SPREAD: u64 = 0x9E37_79B9_7F4A_7C15;

#[derive(Debug, Default, Clone, Copy)]
pub struct QuickHasher(u64);

impl QuickHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SPREAD);
    }
}

impl Hasher for QuickHasher {
    /// The high bits folded into the low ones, which pick the bucket: after a multiply the
    /// low bits of the state depend only on the low bits of the key.
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in words.by_ref() {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(word);
            self.add(u64::from_le_bytes(eight));
        }
        for &byte in words.remainder() {
            self.add(u64::from(byte));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// A `HashMap` hashed by [`QuickHasher`].
pub type QuickMap<K, V> = HashMap<K, V, BuildHasherDefault<QuickHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    fn hash_of(value: impl std::hash::Hash) -> u64 {
        BuildHasherDefault::<QuickHasher>::default().hash_one(value)
    }

    #[test]
    fn neighbouring_keys_land_in_different_buckets() {
        // Chinese characters differ in their low bits only; so do bigrams packed in a u64.
        let buckets: std::collections::HashSet<u64> = ('一'..='龥')
            .take(4096)
            .map(|c| hash_of(c) % 1024)
            .collect();
        assert!(
            buckets.len() > 900,
            "{} of 1024 buckets used",
            buckets.len()
        );
        let bigram = |a: char, b: char| (u64::from(a) << 32) | u64::from(b);
        assert_ne!(hash_of(bigram('学', '习')), hash_of(bigram('习', '学')));
        assert_ne!(hash_of("学习".to_owned()), hash_of("习学".to_owned()));
        let sentence: Vec<char> = "对于学什么".chars().collect();
        let mut swapped = sentence.clone();
        swapped.swap(0, 1);
        assert_ne!(hash_of(&sentence), hash_of(&swapped));
    }
}
