//! One token seen as the tagger sees it: its key, its stem without proclitics, and the
//! hashes of their affixes. All hashing goes through a reused char buffer: no allocation
//! per token or per feature.

use super::hash::chars;
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

/// The analysis of one token; `analyse` overwrites it in place.
#[derive(Debug, Default, Clone)]
pub(crate) struct Word {
    buf: Vec<char>,
    shape_buf: Vec<char>,
    /// Hash of the matching key (`marsad_text::key`).
    pub(crate) word: u64,
    /// Hash of the key without the proclitics و ف ب ل ك ال.
    pub(crate) stem: u64,
    /// Hash of the proclitics that were stripped (the empty string when none).
    pub(crate) clitic: u64,
    /// Key prefixes and suffixes of 1–4 chars, then the same for the stem.
    pub(crate) affixes: [u64; 16],
    pub(crate) shape: u64,
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
        self.word = chars(WORD, key);
        let cut = clitic_len(key);
        self.clitic = chars(CLITIC, &key[..cut]);
        let stem = &key[cut..];
        self.stem = chars(STEM, stem);
        for k in 1..=4 {
            self.affixes[k - 1] = affix(PRE + k as u64, key, k, true);
            self.affixes[3 + k] = affix(SUF + k as u64, key, k, false);
            self.affixes[7 + k] = affix(SPRE + k as u64, stem, k, true);
            self.affixes[11 + k] = affix(SSUF + k as u64, stem, k, false);
        }
        self.name_count = 0;
        for cut in clitic_cuts(key).into_iter().flatten() {
            let h = chars(NAME, without_article(&key[cut..]));
            if !self.name_keys[..self.name_count].contains(&h) {
                self.name_keys[self.name_count] = h;
                self.name_count += 1;
            }
        }
        self.shape_buf.clear();
        for &c in key {
            let class = match c {
                '0'..='9' => 'd',
                'a'..='z' => 'l',
                'A'..='Z' => 'L',
                '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' => 'a',
                c if c.is_alphanumeric() => 'o',
                c => c,
            };
            if self.shape_buf.last() != Some(&class) && self.shape_buf.len() < 6 {
                self.shape_buf.push(class);
            }
        }
        let len_bucket = match key.len() {
            0..=2 => 'S',
            3..=4 => 'M',
            5..=7 => 'L',
            _ => 'X',
        };
        self.shape_buf.push(len_bucket);
        self.shape = chars(SHAPE, &self.shape_buf);
    }
}

fn affix(seed: u64, key: &[char], k: usize, prefix: bool) -> u64 {
    if key.len() <= k {
        return NONE;
    }
    if prefix {
        chars(seed, &key[..k])
    } else {
        chars(seed, &key[key.len() - k..])
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

fn without_article(key: &[char]) -> &[char] {
    if key.starts_with(&['ا', 'ل']) && key.len() >= 4 {
        &key[2..]
    } else {
        key
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
