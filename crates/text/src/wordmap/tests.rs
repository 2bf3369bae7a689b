use super::*;
use proptest::prelude::*;

/// `pack` as plainly written: bytes copied into a zeroed block, length last.
fn reference_pack(key: &str) -> Option<Packed> {
    let b = key.as_bytes();
    if b.len() > INLINE {
        return None;
    }
    let mut block = [0u8; 24];
    block[..b.len()].copy_from_slice(b);
    block[23] = b.len() as u8;
    let word = |i: usize| u64::from_le_bytes(block[i..i + 8].try_into().unwrap_or_default());
    Some([word(0), word(8), word(16)])
}

#[test]
fn packs_every_length_as_a_plain_copy_would() {
    let text = "وقالت وزارة الخارجية الأرمينية abc\0xyz";
    for start in 0..text.len() {
        for end in start..=text.len() {
            if let Some(key) = text.get(start..end) {
                assert_eq!(pack(key), reference_pack(key), "{key:?}");
            }
        }
    }
}

#[test]
fn keys_that_differ_only_in_padding_stay_apart() {
    let mut m = WordMap::new();
    for (i, k) in ["", "\0", "a", "a\0", "a\0\0", "\0a"].iter().enumerate() {
        assert_eq!(m.insert(k, i), None, "{k:?}");
    }
    assert_eq!(m.len(), 6);
    assert_eq!(m.get("a\0"), Some(&3));
    assert_eq!(m.get(""), Some(&0));
    assert_eq!(m.get("\0\0"), None);
}

#[test]
fn short_and_long_arabic_keys_are_found_and_updated() {
    let long = "الولايات المتحدة الأمريكية";
    assert!(long.len() > INLINE);
    let mut m: WordMap<u32> = WordMap::new();
    assert_eq!(
        m.get("لبنان"),
        None,
        "an empty map allocates nothing and finds nothing"
    );
    assert_eq!(m.insert("لبنان", 1), None);
    assert_eq!(m.insert(long, 2), None);
    assert_eq!(m.insert("لبنان", 3), Some(1));
    *m.get_or_insert_default("سوريا") += 5;
    *m.get_or_insert_default("سوريا") += 5;
    if let Some(v) = m.get_mut(long) {
        *v += 1;
    }
    assert_eq!(m.get("لبنان"), Some(&3));
    assert_eq!(m.get(long), Some(&3));
    assert_eq!(m.get("سوريا"), Some(&10));
    assert!(!m.contains_key("لبنا"));
    assert_eq!(m.len(), 3);
    let mut all: Vec<(&str, u32)> = m.iter().map(|(k, v)| (k, *v)).collect();
    all.sort();
    assert_eq!(all, [(long, 3), ("سوريا", 10), ("لبنان", 3)]);
    m.clear();
    assert!(m.is_empty() && m.get("لبنان").is_none() && m.get(long).is_none());
    assert_eq!(m.insert("لبنان", 7), None);
    assert_eq!(m.get("لبنان"), Some(&7));
}

#[test]
fn a_news_vocabulary_is_found_whole_with_short_probes() {
    let vocab = include_str!("../../../../data/text/vocab.txt");
    let words: Vec<&str> = vocab
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(w, _)| w)
        .collect();
    assert!(words.len() > 50_000);
    let m: WordMap<u32> = words
        .iter()
        .enumerate()
        .map(|(i, w)| (*w, i as u32))
        .collect();
    assert_eq!(m.len(), words.len());
    for (i, w) in words.iter().enumerate() {
        assert_eq!(m.get(w), Some(&(i as u32)), "{w}");
    }
    // Arabic words share most of their bytes (0xD8, 0xD9 and a few more): the hash
    // must still spread them, or look-ups walk long probe sequences.
    let buckets: std::collections::HashSet<u64> = words
        .iter()
        .filter_map(|w| pack(w))
        .map(|p| hash(m.seed, p) & 0xFFFF)
        .collect();
    let expected = 65536.0 * (1.0 - (-(words.len() as f64) / 65536.0).exp());
    assert!(
        buckets.len() as f64 > expected * 0.97,
        "{} buckets",
        buckets.len()
    );
    let tags: std::collections::HashSet<u64> = words
        .iter()
        .filter_map(|w| pack(w))
        .map(|p| hash(m.seed, p) >> 57)
        .collect();
    assert_eq!(tags.len(), 128, "the top bits (hashbrown's tags) vary too");
}

fn arabic_key() -> impl Strategy<Value = String> {
    // Short alphabets make collisions of prefixes and lengths likely.
    proptest::collection::vec(
        prop_oneof![Just('ا'), Just('ل'), Just('ي'), Just(' '), Just('\0')],
        0..16,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

proptest! {
    #[test]
    fn behaves_as_a_hash_map(ops in proptest::collection::vec((arabic_key(), 0u8..4), 0..300)) {
        let mut m: WordMap<u8> = WordMap::new();
        let mut model: std::collections::HashMap<String, u8> = Default::default();
        for (k, v) in &ops {
            prop_assert_eq!(m.insert(k, *v), model.insert(k.clone(), *v));
            prop_assert_eq!(m.len(), model.len());
        }
        for (k, v) in &model {
            prop_assert_eq!(m.get(k), Some(v));
        }
        let mut seen: Vec<(String, u8)> = m.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        seen.sort();
        let mut want: Vec<(String, u8)> = model.into_iter().collect();
        want.sort();
        prop_assert_eq!(seen, want);
    }
}
