//! Document context for the second pass: how the first pass tagged the other occurrences
//! of a word (and of a word pair) in the same article. A name is usually written in full
//! once and then repeated, often shortened, so one confident mention helps the others.

use super::features::{bucket, Features};
use super::hash::{mix, IdMap};
use super::tag::Tag;

const T: usize = Tag::COUNT;

/// Key salt for word pairs, so they never share a count row with a single word.
const PAIR: u64 = 0x5041_4952_0000;

/// First-pass tag counts of the words (by stem) and adjacent word pairs of a document.
#[derive(Debug, Default, Clone)]
pub(crate) struct Occurrences {
    counts: IdMap<[i32; T]>,
}

/// The tag a word pair is counted under: the first word's tag when both words are in the
/// same entity, else `O`.
fn pair_tag(a: Tag, b: Tag) -> Tag {
    if b.is_inside() && a.class() == b.class() {
        a
    } else {
        Tag::O
    }
}

fn pair_key(a: u64, b: u64) -> u64 {
    mix(mix(PAIR, a), b)
}

impl Occurrences {
    pub(crate) fn clear(&mut self) {
        self.counts.clear();
    }

    /// Adds (`by = 1`) or removes (`by = -1`) one sentence: its stems and first-pass tags.
    pub(crate) fn add(&mut self, stems: &[u64], tags: &[Tag], by: i32) {
        for (i, (&s, &t)) in stems.iter().zip(tags).enumerate() {
            self.counts.entry(s).or_default()[t.index()] += by;
            if let (Some(&s2), Some(&t2)) = (stems.get(i + 1), tags.get(i + 1)) {
                let c = self.counts.entry(pair_key(s, s2)).or_default();
                c[pair_tag(t, t2).index()] += by;
            }
        }
    }

    /// Counts of `key` in the document minus the token's own contribution `own`.
    fn others(&self, key: u64, own: Tag) -> [i32; T] {
        let mut c = self.counts.get(&key).copied().unwrap_or_default();
        c[own.index()] -= 1;
        c
    }
}

/// Appends to `out` (one entry per token) the context features of a sentence whose
/// tokens have `stems` and first-pass `tags`; `doc` must include the sentence itself.
pub(crate) fn extract(
    stems: &[u64],
    tags: &[Tag],
    doc: &Occurrences,
    shift: u32,
    out: &mut Features,
) {
    out.buckets.clear();
    out.offsets.clear();
    out.offsets.push(0);
    let n = stems.len().min(tags.len());
    let tag_at = |i: isize| -> u64 {
        usize::try_from(i)
            .ok()
            .and_then(|i| tags.get(i))
            .map_or(99, |t| t.index() as u64)
    };
    for i in 0..n {
        let mut emit = |template: u64, value: u64| out.buckets.push(bucket(template, value, shift));
        let own = tags[i];
        emit(100, own.index() as u64);
        emit(101, mix(tag_at(i as isize - 1), own.index() as u64));
        emit(102, mix(own.index() as u64, tag_at(i as isize + 1)));
        let others = doc.others(stems[i], own);
        emit_counts(&mut emit, 103, &others, own);
        if i + 1 < n {
            let pair = doc.others(pair_key(stems[i], stems[i + 1]), pair_tag(own, tags[i + 1]));
            emit_counts(&mut emit, 105, &pair, own);
        }
        if i > 0 {
            let pair = doc.others(pair_key(stems[i - 1], stems[i]), pair_tag(tags[i - 1], own));
            emit_counts(&mut emit, 107, &pair, own);
        }
        out.offsets.push(out.buckets.len() as u32);
    }
}

/// Features from the tags of a word's other occurrences: every tag seen, and the
/// commonest class together with the token's own first-pass tag.
fn emit_counts(emit: &mut impl FnMut(u64, u64), template: u64, others: &[i32; T], own: Tag) {
    let total: i32 = others.iter().sum();
    if total <= 0 {
        emit(template, 98);
        return;
    }
    let mut best = 0;
    for (t, &c) in others.iter().enumerate() {
        if c > 0 {
            emit(template, t as u64);
        }
        if c > others[best] {
            best = t;
        }
    }
    let class = Tag::from_index(best).class().map_or(0, |c| c as u64 + 1);
    emit(template + 1, mix(class, own.index() as u64));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_sees_its_other_occurrences_but_not_itself() {
        let mut doc = Occurrences::default();
        // "Likud" tagged ORG in one sentence, O in another, then a sentence to tag.
        doc.add(&[7, 8], &[Tag::BOrg, Tag::IOrg], 1);
        doc.add(&[7], &[Tag::O], 1);
        doc.add(&[7, 9], &[Tag::O, Tag::O], 1);
        let others = doc.others(7, Tag::O);
        assert_eq!(others[Tag::BOrg.index()], 1);
        assert_eq!(others[Tag::O.index()], 1);
        assert_eq!(doc.others(pair_key(7, 8), Tag::O)[Tag::BOrg.index()], 1);
        doc.add(&[7, 8], &[Tag::BOrg, Tag::IOrg], -1);
        assert_eq!(doc.others(7, Tag::O)[Tag::BOrg.index()], 0);
    }

    #[test]
    fn context_features_depend_on_other_occurrences() {
        let mut doc = Occurrences::default();
        doc.add(&[7, 9], &[Tag::O, Tag::O], 1);
        let mut alone = Features::default();
        extract(&[7, 9], &[Tag::O, Tag::O], &doc, 44, &mut alone);
        doc.add(&[7], &[Tag::BPers], 1);
        let mut seen = Features::default();
        extract(&[7, 9], &[Tag::O, Tag::O], &doc, 44, &mut seen);
        assert_eq!(alone.len(), 2);
        assert_ne!(alone.of(0), seen.of(0));
        assert_eq!(alone.of(1), seen.of(1));
    }
}
