//! Article ids and MinHash fingerprints, both over the matching key of the body so that
//! spelling noise (hamza forms, diacritics, tatweel) does not make two copies differ.

use marsad_model::Fingerprint;
use sha2::{Digest, Sha256};

/// Number of MinHash slots in a fingerprint.
pub const SLOTS: usize = 64;
const SHINGLE: usize = 3;

/// Article id: the first 16 hex digits of sha256 of the body's matching key.
pub fn article_id(body: &str) -> String {
    id_of_key(marsad_text::key(body).as_bytes())
}

fn id_of_key(key: &[u8]) -> String {
    id_of_digest(Sha256::digest(key).as_slice())
}

/// The id from the sha256 of a key.
pub(crate) fn id_of_digest(digest: &[u8]) -> String {
    hex::encode(&digest[..8])
}

/// [`article_id`] and [`fingerprint`] of a body from one pass over it: the pass that
/// keys the body for the id also hashes its words.
pub fn id_and_fingerprint(body: &str) -> (String, Fingerprint) {
    let mut key = Vec::with_capacity(body.len());
    let mut sketch = Sketch::default();
    key_words::<true>(body, &mut key, |w| sketch.word(w));
    (id_of_key(&key), sketch.finish())
}

/// MinHash signature (64 slots) over word 3-shingles of the body's matching key.
/// A body shorter than one shingle is hashed as a single shingle; an empty body gives
/// all slots at `u32::MAX` (similar to nothing but another empty body).
///
/// One-permutation hashing: each shingle is hashed once, the hash's top bits choose its
/// slot and its low bits compete for that slot's minimum, so a shingle costs one hash
/// instead of one per slot. Slots no shingle fell into borrow the value of another slot
/// chosen by a fixed pseudo-random sequence (optimal densification, Shrivastava 2017),
/// which keeps "share of equal slots" an unbiased estimate of Jaccard similarity.
pub fn fingerprint(body: &str) -> Fingerprint {
    let mut sketch = Sketch::default();
    for_each_key_word(body, |w| sketch.word(w));
    sketch.finish()
}

/// A fingerprint being made, fed one word hash at a time.
pub(crate) struct Sketch {
    minhash: [u32; SLOTS],
    filled: u64,
    /// The last three word hashes, newest last.
    window: [u64; SHINGLE],
    words: usize,
}

impl Default for Sketch {
    fn default() -> Self {
        Sketch {
            minhash: [u32::MAX; SLOTS],
            filled: 0,
            window: [0; SHINGLE],
            words: 0,
        }
    }
}

impl Sketch {
    fn add(&mut self, h: u64) {
        let slot = (h >> 58) as usize;
        self.minhash[slot] = self.minhash[slot].min(h as u32);
        self.filled |= 1 << slot;
    }

    pub(crate) fn word(&mut self, w: u64) {
        self.window = [self.window[1], self.window[2], w];
        self.words += 1;
        if self.words >= SHINGLE {
            self.add(shingle_hash(&self.window));
        }
    }

    pub(crate) fn finish(mut self) -> Fingerprint {
        if self.words == 0 {
            return Fingerprint {
                minhash: self.minhash.to_vec(),
            };
        }
        if self.words < SHINGLE {
            self.add(shingle_hash(&self.window));
        }
        densify(&mut self.minhash, self.filled);
        Fingerprint {
            minhash: self.minhash.to_vec(),
        }
    }
}

/// Calls `f` with a hash of each word of `marsad_text::key(body)`, in order, without
/// building the key: characters are keyed one by one and white space ends a word.
fn for_each_key_word(body: &str, f: impl FnMut(u64)) {
    key_words::<false>(body, &mut Vec::new(), f);
}

/// Marks in the key tables: a character the key drops, and white space (ends a word).
const DROP: u32 = u32::MAX - 1;
const SPACE: u32 = u32::MAX;

/// Calls `f` with a hash of each word of `marsad_text::key(body)`, in order; with `KEY`,
/// also appends that key to `key` (words one space apart, as `key` folds white space).
/// Returns the number of white-space separated tokens that hold a letter or digit (the
/// words boilerplate rules count), found in the same pass.
pub(crate) fn key_words<const KEY: bool>(
    body: &str,
    key: &mut Vec<u8>,
    mut f: impl FnMut(u64),
) -> usize {
    const EMPTY: u64 = 0xcbf2_9ce4_8422_2325;
    let (mut h, mut in_word, mut any_word) = (EMPTY, false, false);
    let (mut tokens, mut counted) = (0usize, false);
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII and the Arabic block (two bytes) are decoded here, the rest by `chars`.
        let (k, word_char) = if b < 0x80 {
            i += 1;
            match b {
                // `char::is_whitespace` on ASCII.
                b'\t'..=b'\r' | b' ' => (SPACE, false),
                b'"' => (DROP, false),
                _ => (u32::from(b), b.is_ascii_alphanumeric()),
            }
        } else if let Some(&[lead @ 0xD8..=0xDB, next]) = bytes.get(i..i + 2) {
            i += 2;
            ARABIC_KEYS[(usize::from(lead - 0xD8) << 6) | usize::from(next & 0x3F)]
        } else {
            let Some(c) = body.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            if c.is_whitespace() {
                (SPACE, false)
            } else {
                let k = marsad_text::key_char(c).map_or(DROP, u32::from);
                (k, crate::language::is_word_char(c))
            }
        };
        // A token counts once, when white space (or the end) closes it: no branch per char.
        counted |= word_char;
        match k {
            DROP => {}
            SPACE => {
                tokens += usize::from(counted);
                counted = false;
                if in_word {
                    f(mix(h));
                    (h, in_word, any_word) = (EMPTY, false, true);
                }
            }
            // One multiply per character (not per byte): FNV-1a's scheme over code points.
            k => {
                if KEY {
                    if !in_word && any_word {
                        key.push(b' ');
                    }
                    push_char(key, k);
                }
                h = (h ^ u64::from(k)).wrapping_mul(0x0100_0000_01b3);
                in_word = true;
                // The rest of an Arabic word in a tight loop: the block holds no white
                // space, so its characters only extend the word (or are dropped).
                while let Some(&[lead @ 0xD8..=0xDB, next]) = bytes.get(i..i + 2) {
                    i += 2;
                    let (k, word_char) =
                        ARABIC_KEYS[(usize::from(lead - 0xD8) << 6) | usize::from(next & 0x3F)];
                    counted |= word_char;
                    if k != DROP {
                        if KEY {
                            push_char(key, k);
                        }
                        h = (h ^ u64::from(k)).wrapping_mul(0x0100_0000_01b3);
                    }
                }
            }
        }
    }
    if in_word {
        f(mix(h));
    }
    tokens + usize::from(counted)
}

/// Appends the UTF-8 form of a code point that `key_char` gave.
#[inline(always)]
fn push_char(key: &mut Vec<u8>, k: u32) {
    if k < 0x80 {
        key.push(k as u8);
    } else if k < 0x800 {
        key.extend_from_slice(&[0xC0 | (k >> 6) as u8, 0x80 | (k & 0x3F) as u8]);
    } else if let Some(c) = char::from_u32(k) {
        key.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    }
}

/// `key_char` of U+0600..=U+06FF as code points (`DROP` where it drops the character),
/// with whether the character is a letter or digit.
static ARABIC_KEYS: [(u32, bool); 256] = {
    let mut table = [(DROP, false); 256];
    let mut i = 0;
    while i < 256 {
        if let Some(c) = char::from_u32(0x0600 + i as u32) {
            if let Some(k) = marsad_text::key_char(c) {
                table[i].0 = k as u32;
            }
            table[i].1 = crate::language::is_arabic_block_word_char(c);
        }
        i += 1;
    }
    table
};

/// A shingle's hash from its word hashes; the word order matters.
fn shingle_hash(words: &[u64; SHINGLE]) -> u64 {
    mix(words[0].wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(17)
        ^ words[1].wrapping_mul(0xc2b2_ae3d_27d4_eb4f)
        ^ words[2])
}

/// Fills each empty slot from the first non-empty slot of its own fixed pseudo-random
/// probe sequence, so two bodies with the same empty slots borrow from the same places.
fn densify(minhash: &mut [u32; SLOTS], filled: u64) {
    if filled == u64::MAX || filled == 0 {
        return;
    }
    let original = *minhash;
    for (slot, value) in minhash.iter_mut().enumerate() {
        if filled & (1 << slot) != 0 {
            continue;
        }
        let donor = (0..1024u64)
            .map(|attempt| (mix(DENSIFY_SEED ^ ((slot as u64) << 32) ^ attempt) >> 58) as usize)
            .find(|&d| filled & (1 << d) != 0)
            // Practically unreachable (needs 1024 misses): the next filled slot round.
            .unwrap_or_else(|| {
                (slot + 1..slot + SLOTS)
                    .map(|d| d % SLOTS)
                    .find(|&d| filled & (1 << d) != 0)
                    .unwrap_or(slot)
            });
        *value = original[donor];
    }
}

const DENSIFY_SEED: u64 = 0x6465_6e73_6966_7921;

/// splitmix64 finaliser.
const fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "أعلنت وزارة الدفاع الأذربيجانية أن قواتها سيطرت على مواقع جديدة في إقليم قره باغ بعد اشتباكات عنيفة مع القوات الأرمينية استمرت طوال الليل";

    #[test]
    fn id_is_16_hex_digits_and_ignores_spelling_noise() {
        let id = article_id(TEXT);
        assert_eq!(id.len(), 16);
        assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
        // Hamza and taa marbuta variants and extra spaces give the same key, so the same id.
        let variant = TEXT.replace("أ", "ا").replace("ة", "ه").replace(' ', "  ");
        assert_eq!(article_id(&variant), id);
        assert_ne!(article_id("نص آخر تماما"), id);
    }

    #[test]
    fn one_pass_gives_the_id_and_fingerprint_of_two() {
        let every: String = ('\u{0}'..='\u{0800}')
            .chain('\u{2000}'..='\u{2070}')
            .chain(['\u{3000}', '\u{FEFF}', 'ﻻ', '😀', '\u{0085}', '\u{1680}'])
            .flat_map(|c| [c, 'ب', c, ' ', c, '\u{00A0}', '"', c])
            .collect();
        let texts = [
            TEXT,
            "",
            " \n\u{0640} ",
            "  «قالَ» الوزير\t\"إن\"  ١٠٠ جندي\u{2003}قُتلوا\u{200B}، و ـ (AFP)\u{000B}x\r\n",
            "\u{200F} أ \u{200F} ب ",
            every.as_str(),
        ];
        for text in texts {
            let (id, fp) = id_and_fingerprint(text);
            assert_eq!(id, article_id(text), "{text:?}");
            assert_eq!(fp, fingerprint(text), "{text:?}");
        }
    }

    #[test]
    fn fingerprint_is_stable_and_measures_overlap() {
        let f = fingerprint(TEXT);
        assert_eq!(f.minhash.len(), SLOTS);
        assert_eq!(f, fingerprint(TEXT));
        let edited = format!("{TEXT} وقالت مصادر محلية إن الهدوء عاد إلى المنطقة");
        let g = fingerprint(&edited);
        let sim = f.similarity(&g);
        assert!(sim > 0.5 && sim < 1.0, "similarity {sim}");
        let other = fingerprint("ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد قرار منظمة أوبك خفض الإنتاج لشهرين إضافيين");
        assert!(f.similarity(&other) < 0.2);
    }

    #[test]
    fn spelling_noise_does_not_change_the_fingerprint() {
        let noisy = format!(
            "  {}\u{200F} \n",
            TEXT.replace("أ", "ا")
                .replace("ة", "ه")
                .replace(' ', " \u{00A0}")
                .replace("قواتها", "قُوّاتـها")
        );
        assert_eq!(fingerprint(&noisy), fingerprint(TEXT));
    }

    #[test]
    fn words_are_the_words_of_the_matching_key() {
        let text = "«قالَ» الوزير\t\"إن\"  ١٠٠ جندي\u{2003}قُتلوا\u{200B}، و ـ (AFP)\u{000B}x\r\n";
        let mut got = Vec::new();
        for_each_key_word(text, |h| got.push(h));
        let mut want = Vec::new();
        for w in marsad_text::key(text).split(' ') {
            for_each_key_word(w, |h| want.push(h));
        }
        assert_eq!(got, want);
        assert_eq!(got.len(), marsad_text::key(text).split(' ').count());
    }

    #[test]
    fn estimates_jaccard_similarity_of_long_texts() {
        // Two texts of 400 shingles sharing 300: Jaccard 300 / 500 = 0.6.
        let word = |i: usize| format!("كلمة{i}");
        let a: Vec<String> = (0..402).map(word).collect();
        let b: Vec<String> = (100..502).map(word).collect();
        let sim = fingerprint(&a.join(" ")).similarity(&fingerprint(&b.join(" ")));
        assert!((0.4..=0.8).contains(&sim), "similarity {sim}");
    }

    #[test]
    fn short_and_empty_bodies_still_get_a_signature() {
        assert_eq!(fingerprint("").minhash, vec![u32::MAX; SLOTS]);
        assert_eq!(fingerprint(" \n\u{0640} ").minhash, vec![u32::MAX; SLOTS]);
        let s = fingerprint("عاجل");
        assert!(s.minhash.iter().all(|&m| m < u32::MAX));
        assert_ne!(fingerprint("عاجل"), fingerprint("خبر عاجل"));
        assert_eq!(fingerprint("خبر عاجل"), fingerprint("خبرٌ  عاجلٌ"));
    }
}
