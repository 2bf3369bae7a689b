//! Tokens over the matching key: words, numbers and single punctuation marks, each with
//! its key byte range, its sentence and its clause. Matchers work on these, never on
//! the original text, so diacritics, tatweel and hamza spellings never break a match.

use marsad_text::Keyed;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone)]
pub(crate) struct Tok<'k> {
    pub text: &'k str,
    pub kind: Kind,
    /// Key byte range.
    pub start: usize,
    pub end: usize,
    pub sentence: u32,
    /// Clauses end at any punctuation but the slash of paired month names.
    pub clause: u32,
    /// The byte length of each proclitic combination it may carry: the word behind it is
    /// the rest of the token. Kept small, as there is a token for every word of a text.
    forms: [u8; MAX_FORMS],
    n_forms: u8,
    /// Whether the token begins with لل (للعام → ل + العام), found once: every matcher asks.
    after_ll: bool,
    /// The byte lengths of the words this token can read as (`length_bit`): a word of
    /// another length is turned away by one test, and most are.
    lengths: u64,
}

/// A bit for a byte length; lengths of 63 and more share the last one.
#[inline]
fn length_bit(n: usize) -> u64 {
    1 << n.min(63)
}

const MAX_FORMS: usize = 3;

/// Proclitic combinations a time word may carry: conjunction (و ف) then preposition
/// (ب ل ك). Longest first so that "وب" comes off before "و". `clitic_forms` reads them.
#[cfg(test)]
const CLITICS: [&str; 10] = ["وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"];

impl<'k> Tok<'k> {
    /// Does this token read `w` (a key form), possibly behind proclitics? Returns the
    /// byte length of the proclitics, which stay outside the expression's span.
    /// The whole token is tried first, so words that begin with و ف ب ل ك (فجر, ليلة,
    /// بعد) are read as themselves.
    #[inline(always)]
    pub fn word(&self, w: &str) -> Option<usize> {
        // Every reading is the token or a tail of it (للعام reads العام: as long), and
        // `lengths` holds their lengths: most words are turned away here, inline, where
        // the length of a literal word is known.
        if self.lengths & length_bit(w.len()) == 0 {
            return None;
        }
        self.word_as_long(w)
    }

    /// `word` for a word as long as one of the readings.
    #[inline(never)]
    fn word_as_long(&self, w: &str) -> Option<usize> {
        if same(self.text, w) {
            return Some(0);
        }
        if let Some((c, _)) = self.forms().find(|(_, rest)| same(rest, w)) {
            return Some(c);
        }
        // للعام = ل + العام with the article's alef elided.
        // The prefix of `w` is stripped only for the few tokens that begin with لل.
        let rest = self.text.get("لل".len()..).filter(|_| self.after_ll)?;
        w.strip_prefix("ال")
            .is_some_and(|b| same(b, rest))
            .then_some("ل".len())
    }

    /// The words behind the token's proclitics, with the proclitics' length.
    fn forms(&self) -> impl Iterator<Item = (usize, &'k str)> + '_ {
        let text = self.text;
        self.forms[..usize::from(self.n_forms)]
            .iter()
            .map(move |&c| (usize::from(c), text.get(usize::from(c)..).unwrap_or(text)))
    }

    /// The token's text and the words behind its proclitics, with the proclitics' length.
    pub fn readings(&self) -> impl Iterator<Item = (usize, &'k str)> + '_ {
        let whole = (self.kind == Kind::Word).then_some((0, self.text));
        whole.into_iter().chain(self.forms())
    }

    /// Like `word`, but behind a conjunction (و ف) only: for words that a preposition
    /// would turn into another word (لامس "touched" is not ل + أمس).
    pub fn conj_word(&self, w: &str) -> Option<usize> {
        self.word(w)
            .filter(|&c| c == 0 || matches!(&self.text[..c], "و" | "ف"))
    }

    /// The token as one of `words` (key forms), with its proclitic length.
    pub fn any(&self, words: &[&str]) -> Option<usize> {
        words.iter().find_map(|w| self.word(w))
    }

    pub fn is(&self, w: &str) -> bool {
        self.word(w).is_some()
    }

    pub fn punct(&self, p: &str) -> bool {
        self.kind == Kind::Punct && self.text == p
    }

    /// An integer written in digits (ASCII after keying).
    pub fn int(&self) -> Option<u32> {
        if self.kind == Kind::Num
            && self.text.bytes().all(|b| b.is_ascii_digit())
            && self.text.len() <= 6
        {
            self.text.parse().ok()
        } else {
            None
        }
    }

    /// `hh:mm`, `hh,mm` or `hh.mm` with a valid hour and two-digit minutes.
    pub fn clock(&self) -> Option<(u32, u32, char)> {
        if self.kind != Kind::Num {
            return None;
        }
        let sep = self.text.find([':', ',', '.'])?;
        let (h, m) = (&self.text[..sep], &self.text[sep + 1..]);
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return None;
        }
        let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
        let sep_char = self.text[sep..].chars().next()?;
        (h <= 24 && m < 60).then_some((h, m, sep_char))
    }
}

/// The byte length of the run of Arabic letters (`is_letter`: U+0621..=U+063A and
/// U+0641..=U+064A, two bytes each) at byte `i`.
#[inline]
fn arabic_letters(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while let (Some(&lead), Some(&next)) = (b.get(j), b.get(j + 1)) {
        if !matches!((lead, next), (0xD8, 0xA1..=0xBA) | (0xD9, 0x81..=0x8A)) {
            break;
        }
        j += 2;
    }
    j - i
}

/// String equality for the short words of time expressions, read a machine word at a
/// time: the matchers compare tokens with their words a few hundred times per article,
/// and a library `memcmp` call costs more than the comparison itself at these lengths.
#[inline]
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let u64_at = |s: &[u8], at: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&s[at..at + 8]);
        u64::from_ne_bytes(w)
    };
    let u32_at = |s: &[u8], at: usize| {
        let mut w = [0u8; 4];
        w.copy_from_slice(&s[at..at + 4]);
        u32::from_ne_bytes(w)
    };
    match n {
        // Overlapping reads from both ends cover every byte.
        8..=16 => u64_at(a, 0) == u64_at(b, 0) && u64_at(a, n - 8) == u64_at(b, n - 8),
        4..=7 => u32_at(a, 0) == u32_at(b, 0) && u32_at(a, n - 4) == u32_at(b, n - 4),
        _ => a == b,
    }
}

/// A letter of a word. Arabic letters are tested by range: `char::is_alphabetic` takes a
/// slow table lookup for every non-ASCII char, and keys are mostly Arabic.
#[inline]
fn is_letter(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphabetic(),
        '\u{0621}'..='\u{063A}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}' => true,
        '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FF}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_alphabetic(),
    }
}

fn is_sentence_end(p: &str) -> bool {
    matches!(p, "." | "!" | "?" | "؟" | "…")
}

/// Splits the key of `text` into tokens. Digits and letters written together (و11,
/// 2020م, ال10) become separate tokens; digits joined by `:` `,` `.` stay one number.
pub(crate) fn tokenise<'k>(keyed: &'k Keyed, text: &str) -> Vec<Tok<'k>> {
    let key = keyed.key.as_str();
    let mut toks: Vec<Tok<'k>> = Vec::with_capacity(key.len() / 5);
    let mut sentence = 0u32;
    let mut clause = 0u32;
    let mut prev_end_orig = 0usize;
    let bytes = key.as_bytes();
    let char_at = |i: usize| key.get(i..).and_then(|rest| rest.chars().next());
    let mut next = 0;
    while let Some(c) = char_at(next) {
        let start = next;
        if c == ' ' {
            next += 1;
            continue;
        }
        let (kind, end) = if c.is_ascii_digit() {
            let mut j = start + 1;
            while j < key.len() {
                let b = bytes[j];
                if b.is_ascii_digit() {
                    j += 1;
                } else if matches!(b, b':' | b',' | b'.')
                    && j + 1 < key.len()
                    && bytes[j + 1].is_ascii_digit()
                {
                    j += 2;
                } else {
                    break;
                }
            }
            (Kind::Num, j)
        } else if is_letter(c) {
            let mut j = start;
            loop {
                // Runs of Arabic letters, nearly all of a key, are taken without decoding.
                j += arabic_letters(bytes, j);
                match char_at(j) {
                    Some(d) if is_letter(d) => j += d.len_utf8(),
                    _ => break,
                }
            }
            (Kind::Word, j)
        } else {
            (Kind::Punct, start + c.len_utf8())
        };
        next = end;
        // A line break in the original text ends a sentence (keys fold it to a space).
        // The gap runs from the key char after the previous token: what lies before it
        // (marks, quotes) is no line break.
        let orig_start = keyed.origin_of(start);
        if !toks.is_empty()
            && text
                .get(prev_end_orig..orig_start)
                .is_some_and(|gap| gap.as_bytes().contains(&b'\n'))
        {
            sentence += 1;
            clause += 1;
        }
        prev_end_orig = keyed.origin_of(end);
        let tok_text = &key[start..end];
        let (forms, n_forms) = if kind == Kind::Word {
            clitic_forms(tok_text)
        } else {
            ([(0, ""); MAX_FORMS], 0)
        };
        // Only words read as words; the article العام behind لل is as long as the token.
        let lengths = if kind == Kind::Word {
            forms[..n_forms]
                .iter()
                .fold(length_bit(tok_text.len()), |l, (_, r)| {
                    l | length_bit(r.len())
                })
        } else {
            0
        };
        // Proclitics are at most two letters: four bytes.
        let mut clitics = [0u8; MAX_FORMS];
        for (slot, (c, _)) in clitics.iter_mut().zip(&forms[..n_forms]) {
            *slot = *c as u8;
        }
        toks.push(Tok {
            text: tok_text,
            kind,
            start,
            end,
            sentence,
            clause,
            forms: clitics,
            n_forms: n_forms as u8,
            after_ll: strip(tok_text, LAM).and_then(|r| strip(r, LAM)).is_some(),
            lengths,
        });
        if kind == Kind::Punct {
            if is_sentence_end(tok_text) {
                sentence += 1;
            }
            if tok_text != "/" {
                clause += 1;
            }
        }
    }
    toks
}

const WAW: &[u8] = "و".as_bytes();
const FA: &[u8] = "ف".as_bytes();
const BA: &[u8] = "ب".as_bytes();
const LAM: &[u8] = "ل".as_bytes();
const KAF: &[u8] = "ك".as_bytes();

/// `w` without the letter `letter` (its UTF-8 bytes) in front.
#[inline]
fn strip<'w>(w: &'w str, letter: &[u8]) -> Option<&'w str> {
    if w.as_bytes().starts_with(letter) {
        w.get(letter.len()..)
    } else {
        None
    }
}

/// The words behind the proclitics of `CLITICS` a word may carry, in that list's order:
/// a word begins with at most one pair of them and one single letter, so this reads
/// its first two letters instead of trying each entry. Only rests of two chars or more.
fn clitic_forms(w: &str) -> ([(usize, &str); MAX_FORMS], usize) {
    let mut forms = [(0, ""); MAX_FORMS];
    let mut n = 0;
    let two_chars = |r: &str| r.chars().next().is_some_and(|c| c.len_utf8() < r.len());
    let b = w.as_bytes();
    let Some(first) = b.get(..2) else {
        return (forms, 0);
    };
    let conj = first == WAW || first == FA;
    if conj {
        let pair = match b.get(2..4) {
            Some(second) => second == BA || second == LAM || (first == WAW && second == KAF),
            None => false,
        };
        if let Some(rest) = w.get(4..).filter(|r| pair && two_chars(r)) {
            forms[n] = (4, rest);
            n += 1;
        }
    }
    if conj || first == BA || first == LAM || first == KAF {
        if let Some(rest) = w.get(2..).filter(|r| two_chars(r)) {
            forms[n] = (2, rest);
            n += 1;
        }
    }
    (forms, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_clitics_split_and_clock_numbers_hold_together() {
        let text = "في 9 نوفمبر 2020 و11 يناير، الساعة 20:05 (06,00 ت غ).";
        let k = Keyed::new(text);
        let toks = tokenise(&k, text);
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "في",
                "9",
                "نوفمبر",
                "2020",
                "و",
                "11",
                "يناير",
                "،",
                "الساعه",
                "20:05",
                "(",
                "06,00",
                "ت",
                "غ",
                ")",
                "."
            ]
        );
        assert_eq!(toks[9].clock(), Some((20, 5, ':')));
        assert_eq!(toks[11].clock(), Some((6, 0, ',')));
        assert_eq!(toks[3].int(), Some(2020));
        assert!(toks[8].clause > toks[3].clause);
    }

    #[test]
    fn proclitics_come_off_but_words_starting_with_them_stay() {
        let text = "ومساء فجر لعام للعام بعد";
        let k = Keyed::new(text);
        let toks = tokenise(&k, text);
        assert_eq!(toks[0].word("مساء"), Some("و".len()));
        assert_eq!(toks[1].word("فجر"), Some(0));
        assert_eq!(toks[2].word("عام"), Some("ل".len()));
        assert_eq!(toks[3].word("العام"), Some("ل".len()));
        assert_eq!(toks[4].word("بعد"), Some(0));
    }

    #[test]
    fn clitic_forms_are_those_of_every_proclitic_in_turn() {
        let words = [
            "وبالعام",
            "ولعام",
            "فبعد",
            "فلل",
            "وكذلك",
            "وعام",
            "فجر",
            "بعد",
            "لعام",
            "كل",
            "و",
            "وب",
            "ول1",
            "بل",
            "ولب",
            "فكر",
            "كعام",
            "ابن",
            "ويوم",
            "باب",
            "bل",
        ];
        for w in words {
            let mut expected = Vec::new();
            for c in CLITICS {
                match w.strip_prefix(c) {
                    Some(rest) if expected.len() < MAX_FORMS && rest.chars().nth(1).is_some() => {
                        expected.push((c.len(), rest));
                    }
                    _ => {}
                }
            }
            let (forms, n) = clitic_forms(w);
            assert_eq!(forms[..n], expected[..], "{w}");
        }
    }

    #[test]
    fn same_agrees_with_string_equality() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "ال",
            "عام",
            "العام",
            "الثلاثاء",
            "الاربعاء",
            "abcdefghijklmnopq",
        ];
        for a in words {
            for b in words {
                assert_eq!(same(a, b), a == b, "{a} {b}");
                let c = format!("{a}x");
                let d = format!("{a}y");
                assert_eq!(same(&c, &d), c == d, "{c} {d}");
            }
        }
    }

    #[test]
    fn line_breaks_end_sentences() {
        let text = "الثلاثاء\nالاثنين";
        let k = Keyed::new(text);
        let toks = tokenise(&k, text);
        assert_ne!(toks[0].sentence, toks[1].sentence);
    }
}
