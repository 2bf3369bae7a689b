//! One token seen as the tagger sees it: its key, its stem without proclitics, and the
//! hashes of their affixes. All hashing goes through a reused char buffer: no allocation
//! per token or per feature.

use super::hash::{chars, finish, mix};
use marsad_text::key_char;

/// Hash value meaning "this part does not exist" (a prefix longer than the word).
pub(crate) const NONE: u64 = 0;

const WORD: u64 = 0x5752_4400;
const STEM: u64 = 0x5354_4d00;
const CLITIC: u64 = 0x434c_5400;
const PRE: u64 = 0x5052_4500;
const SUF: u64 = 0x5355_4600;
const SPRE: u64 = 0x5350_5200;
const SSUF: u64 = 0x5353_5500;
const SHAPE: u64 = 0x5348_5000;
const NAME: u64 = 0x4e41_4d00;
const GRAM: u64 = 0x4752_4d00;
const TAIL: u64 = 0x5441_494c;

/// Trigrams kept per word (a long word's last ones are dropped).
pub(crate) const MAX_GRAMS: usize = 8;

/// The analysis of one token; `analyse` overwrites it in place.
#[derive(Debug, Default, Clone)]
pub(crate) struct Word {
    buf: Vec<char>,
    /// `tails[i]`: chained hash of `buf[i..]`, read from the end.
    tails: Vec<u64>,
    /// Hash of the matching key (`marsad_text::key`).
    pub(crate) word: u64,
    /// Hash of the key without the proclitics و ف ب ل ك ال.
    pub(crate) stem: u64,
    /// Hash of the stem as if it were a whole word (seeded like `word`): the key the
    /// stem's word cluster is found under.
    pub(crate) stem_word: u64,
    /// Hash of the proclitics that were stripped (the empty string when none).
    pub(crate) clitic: u64,
    /// Key prefixes and suffixes of 1–4 chars, then the same for the stem.
    pub(crate) affixes: [u64; 16],
    pub(crate) shape: u64,
    /// Char trigrams of the stem (first `gram_count` valid): letter patterns of
    /// transliterated foreign names (غ ف ي و clusters, -فيتش, -ستان) in names never seen.
    pub(crate) grams: [u64; MAX_GRAMS],
    pub(crate) gram_count: usize,
    /// Keys under which the word is looked up in name lists: every way of reading its
    /// start as proclitics, each without the article (first `name_count` are valid).
    /// `name_keys[0]` is the whole word without its article.
    pub(crate) name_keys: [u64; 6],
    pub(crate) name_count: usize,
}

impl Word {
    pub(crate) fn analyse(&mut self, token: &str) {
        self.buf.clear();
        self.buf.extend(token.chars().filter_map(key_char));
        if self.buf.is_empty() {
            // All marks or quotes: the raw chars still tell the tagger it is punctuation.
            self.buf.extend(token.chars());
        }
        let key = &self.buf[..];
        // One pass from the end hashes every tail of the key at once: the word, the stem
        // and the name-list keys are all tails (after proclitics and the article).
        self.tails.clear();
        self.tails.resize(key.len() + 1, TAIL);
        for (i, &c) in key.iter().enumerate().rev() {
            self.tails[i] = mix(self.tails[i + 1], c as u64);
        }
        let tail = |seed: u64, at: usize| finish(self.tails[at] ^ seed);
        self.word = tail(WORD, 0);
        let cut = clitic_len(key);
        self.clitic = chars(CLITIC, &key[..cut]);
        let stem = &key[cut..];
        self.stem = tail(STEM, cut);
        self.stem_word = tail(WORD, cut);
        // Affixes are chained, not finished: `features::bucket` mixes them again.
        affixes(PRE, SUF, key, &mut self.affixes[..8]);
        if cut == 0 {
            self.affixes.copy_within(..8, 8);
        } else {
            affixes(SPRE, SSUF, stem, &mut self.affixes[8..]);
        }
        self.gram_count = 0;
        for g in stem.windows(3).take(MAX_GRAMS) {
            self.grams[self.gram_count] =
                mix(mix(mix(GRAM, g[0] as u64), g[1] as u64), g[2] as u64);
            self.gram_count += 1;
        }
        self.name_count = 0;
        for cut in clitic_cuts(key).into_iter().flatten() {
            let h = tail(NAME, cut + article_len(&key[cut..]));
            if !self.name_keys[..self.name_count].contains(&h) {
                self.name_keys[self.name_count] = h;
                self.name_count += 1;
            }
        }
        let mut shape = SHAPE;
        let (mut last, mut classes) = (' ', 0);
        for &c in key {
            let class = match c {
                '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' => 'a',
                '0'..='9' => 'd',
                'a'..='z' => 'l',
                'A'..='Z' => 'L',
                c if c.is_alphanumeric() => 'o',
                c => c,
            };
            if class != last && classes < 6 {
                shape = mix(shape, class as u64);
                last = class;
                classes += 1;
            }
        }
        let len_bucket = match key.len() {
            0..=2 => 'S',
            3..=4 => 'M',
            5..=7 => 'L',
            _ => 'X',
        };
        self.shape = mix(shape, len_bucket as u64);
    }
}

/// Hashes of the 1–4 char prefixes (`out[0..4]`) and suffixes (`out[4..8]`) of `key`;
/// `NONE` for those as long as the key itself.
fn affixes(pre: u64, suf: u64, key: &[char], out: &mut [u64]) {
    let (mut p, mut s) = (pre, suf);
    for k in 0..4 {
        if key.len() <= k + 1 {
            out[k..4].fill(NONE);
            out[4 + k..8].fill(NONE);
            return;
        }
        p = mix(p, key[k] as u64);
        s = mix(s, key[key.len() - 1 - k] as u64);
        out[k] = p;
        out[4 + k] = s;
    }
}

/// How many leading chars of a key are proclitics: an optional و/ف, then an optional
/// ب/ل/ك, then an optional ال (لل = ل + ال with its alif dropped). A clitic is only
/// taken off when enough of the word remains to be a stem.
fn clitic_len(key: &[char]) -> usize {
    let mut i = 0;
    let rest = |i: usize| key.len().saturating_sub(i);
    if matches!(key.first(), Some('و' | 'ف')) && rest(1) >= 3 {
        i = 1;
    }
    if key[i..].starts_with(&['ل', 'ل']) && rest(i + 2) >= 2 {
        return i + 2;
    }
    if matches!(key.get(i), Some('ب' | 'ل' | 'ك')) && rest(i + 1) >= 3 {
        i += 1;
    }
    if key[i..].starts_with(&['ا', 'ل']) && rest(i + 2) >= 2 {
        i += 2;
    }
    i
}

/// Every plausible proclitic cut of a key: none, و/ف, ب/ل/ك, لل, and the pairs of those.
fn clitic_cuts(key: &[char]) -> [Option<usize>; 6] {
    let rest = |i: usize| key.len().saturating_sub(i);
    let mut cuts = [Some(0), None, None, None, None, None];
    let conj = matches!(key.first(), Some('و' | 'ف')) && rest(1) >= 3;
    if conj {
        cuts[1] = Some(1);
    }
    for (slot, base) in [(2, 0), (4, 1)] {
        if base == 1 && !conj {
            continue;
        }
        if key[base..].starts_with(&['ل', 'ل']) && rest(base + 2) >= 2 {
            cuts[slot] = Some(base + 2);
        } else if matches!(key.get(base), Some('ب' | 'ل' | 'ك')) && rest(base + 1) >= 3 {
            cuts[slot] = Some(base + 1);
        }
    }
    cuts
}

/// Chars of a leading article ال (kept when too little would remain).
fn article_len(key: &[char]) -> usize {
    if key.starts_with(&['ا', 'ل']) && key.len() >= 4 {
        2
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem_of(s: &str) -> String {
        let key: Vec<char> = marsad_text::key(s).chars().collect();
        key[clitic_len(&key)..].iter().collect()
    }

    #[test]
    fn proclitics_are_stripped_down_to_the_stem() {
        assert_eq!(stem_of("والصادرات"), "صادرات");
        assert_eq!(stem_of("بالأردن"), "اردن");
        assert_eq!(stem_of("للأمم"), "امم");
        assert_eq!(stem_of("وفرنسا"), "فرنسا");
        assert_eq!(stem_of("في"), "في");
        assert_eq!(stem_of("ولد"), "ولد");
    }

    #[test]
    fn spelling_variants_and_clitics_share_a_stem_hash() {
        let mut a = Word::default();
        let mut b = Word::default();
        a.analyse("الأردن");
        b.analyse("والاردن");
        assert_eq!(a.stem, b.stem);
        assert_ne!(a.word, b.word);
        assert_ne!(a.clitic, b.clitic);
    }

    #[test]
    fn analysis_is_deterministic_and_reuses_its_buffer() {
        let mut a = Word::default();
        a.analyse("موسكو");
        let first = (a.word, a.stem, a.affixes, a.shape);
        a.analyse("1990");
        a.analyse("موسكو");
        assert_eq!(first, (a.word, a.stem, a.affixes, a.shape));
    }
}
