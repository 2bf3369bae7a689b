//! Casualty and damage claims with who makes them.
//!
//! A claim is a figure (`49`, `نحو 100`, `طفلان`) with a victim noun after it (`جنديا`،
//! `قتيلا`، `مبنى`) and a loss: carried by the noun (قتيل، جريح، نازح) or by a loss word around
//! it (مقتل 50 عسكريا، 49 من جنودها قُتلوا، تضرر 1300 مبنى). Figures with no loss — troops
//! deployed, years, ages, money — are not claims. The source is the speaker of the reported
//! speech around the figure (see `source`), else the outlet. Freeing captives (تحرير 50
//! رهينة) is no claim. The victims' side is a nationality or "لـ/من + name" after the noun,
//! the speaker's own for a possessive (جنودها), and the announcing state's own for its
//! regular soldiers named without a nationality after a noun of death (أعلنت وزارة الدفاع
//! مقتل 50 عسكريا) — see `own_soldiers`.

mod context;
pub(crate) mod doc;
mod lexicon;
mod numbers;
pub(crate) mod source;
#[cfg(test)]
pub(crate) mod testkit;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_more;
pub(crate) mod words;

pub use context::{Context, Party};

use doc::{Doc, Sep};
use lexicon::{fits, qualifier_before, triggers, victim, Victim};
use marsad_model::{Claim, ClaimSource, LossKind, Qualifier, Span};
use numbers::figure_at;
use source::Frame;

/// Every numeric report of loss in the article, in text order.
pub fn extract_claims(cx: &Context) -> Vec<Claim> {
    let doc = Doc::new(cx);
    let frames = source::frames(&doc);
    claims_in(&doc, &frames)
}

/// The claims of a document already read into words and speech frames.
pub(crate) fn claims_in(doc: &Doc, frames: &[Frame]) -> Vec<Claim> {
    let mut out: Vec<(Claim, usize)> = Vec::new();
    for (s, r) in doc.sents.iter().enumerate() {
        let mut i = r.start;
        while i < r.end {
            match claim_at(doc, frames, s, r.clone(), i, &out) {
                Some((c, last)) => {
                    out.push((c, last));
                    i = last + 1;
                }
                None => i += 1,
            }
        }
    }
    out.into_iter().map(|(c, _)| c).collect()
}

/// The claim whose figure starts at word `i`, with its last word.
fn claim_at(
    doc: &Doc,
    frames: &[Frame],
    s: usize,
    r: std::ops::Range<usize>,
    i: usize,
    before: &[(Claim, usize)],
) -> Option<(Claim, usize)> {
    let cx = doc.cx;
    let (count, first, noun, v, vague) = match numbers::figure_at(doc, i) {
        Some(f) => {
            let (noun, v) = noun_after(doc, f.last, r.end)
                .or_else(|| toll_noun(doc, f.first, r.start))
                .or_else(|| people_of(doc, f.last, r.end))?;
            (f.count, f.first, noun, v, f.count.is_none())
        }
        None => {
            // Only a dual noun counts by itself, and every dual ends in ان or ين.
            let w = doc.word(i);
            if !(w.ends_with("ان") || w.ends_with("ين")) {
                return None;
            }
            let v = victim(w).filter(|v| v.dual)?;
            (Some(2), i, i, v, false)
        }
    };
    // A figure inside a time expression is a date or a clock time.
    if cx.times.iter().any(|t| t.span.overlaps(&doc.toks[i].span)) {
        return None;
    }
    let mut end = noun.max(first);
    // "7 من القتلى مدنيون": the loss noun first, then who they were.
    let mut victims = v.victims;
    if v.kind.is_some() && noun + 1 < r.end && noun >= first {
        if let Some(w) = victim(doc.word(noun + 1)).filter(|w| w.kind.is_none()) {
            victims = w.victims;
            end = noun + 1;
        }
    }
    let (qualifier, q_first) = qualifier(doc, first, end, r.clone(), &mut end);
    let kind = kind_of(
        doc,
        &v,
        victims,
        (q_first, end),
        r.clone(),
        before,
        &mut end,
    )?;
    // Freeing captives (تحرير 50 رهينة، الإفراج عن 20 أسيرا) is the end of a loss, not one.
    let freed = (q_first.saturating_sub(3).max(r.start)..q_first).any(|j| {
        doc.stems(j).iter().any(|s| {
            matches!(
                *s,
                "تحرير" | "افراج" | "سراح" | "افرج" | "افرجت" | "تبادل" | "مبادله"
            )
        })
    });
    if kind == LossKind::Captured && freed {
        return None;
    }
    let mut start_tok = q_first;
    if start_tok > r.start && triggers(doc.word(start_tok - 1)).has(kind) {
        start_tok -= 1;
    }
    let source = source_of(frames, s, first);
    let lead = (start_tok < q_first).then_some(start_tok);
    let side = side_of(doc, (noun.max(first), lead), r.end, &v, &source, &mut end);
    let span = Span::new(doc.toks[start_tok].span.start, doc.toks[end].span.end);
    let claim = Claim {
        span,
        sentence: doc.sentence_span(s),
        text: cx.body[span.start..span.end].to_string(),
        count,
        vague,
        qualifier,
        kind,
        victims: victims.to_string(),
        side,
        source,
    };
    Some((claim, end.max(noun)))
}

/// The victim noun after a figure ending at `last`: directly, or after "على الأقل" / "من".
fn noun_after(doc: &Doc, last: usize, end: usize) -> Option<(usize, Victim)> {
    let mut j = last + 1;
    if j + 1 < end && doc.word(j) == "علي" && doc.word(j + 1) == "الاقل" {
        j += 2;
    }
    if j < end && doc.word(j) == "من" {
        j += 1;
    }
    (j < end && doc.toks[j].sep == Sep::Space)
        .then(|| victim(doc.word(j)).map(|v| (j, v)))
        .flatten()
}

/// A nationality noun after the figure (27 فلسطينيا، ثلاثة أوكرانيين): people of that side.
fn people_of(doc: &Doc, last: usize, end: usize) -> Option<(usize, Victim)> {
    let j = last + 1;
    (j < end && doc.toks[j].sep == Sep::Space && doc.demonym(j).is_some()).then_some((
        j,
        Victim {
            victims: "people",
            kind: None,
            dual: false,
            possessive: false,
        },
    ))
}

/// "ارتفعت حصيلة القتلى إلى 41": the noun comes before the figure.
fn toll_noun(doc: &Doc, first: usize, lo: usize) -> Option<(usize, Victim)> {
    let from = first.saturating_sub(12).max(lo);
    let at = (from..first)
        .rev()
        .find(|&j| doc.stems(j).iter().any(|s| *s == "حصيله" || *s == "عدد"))?;
    let j = at + 1;
    let v = (j < first)
        .then(|| victim(doc.word(j)).filter(|v| v.kind.is_some()))
        .flatten()?;
    // Further away, the toll must be what rises to or reaches the figure (ارتفعت حصيلة القتلى
    // جراء الفيضانات إلى 230), with no other figure in between.
    if first - j > 4 {
        let reaches = (first.saturating_sub(3).max(j + 1)..first).any(|k| {
            doc.stems(k)
                .iter()
                .any(|s| matches!(*s, "الي" | "بلغ" | "بلغت" | "ليبلغ" | "لتبلغ"))
        });
        if !reaches || (j + 1..first).any(|k| figure_at(doc, k).is_some()) {
            return None;
        }
    }
    Some((j, v))
}

fn qualifier(
    doc: &Doc,
    first: usize,
    noun: usize,
    r: std::ops::Range<usize>,
    end: &mut usize,
) -> (Qualifier, usize) {
    let lo = first.saturating_sub(4).max(r.start);
    let words: Vec<&str> = (lo..first).map(|j| doc.word(j)).collect();
    if let Some((q, n)) = qualifier_before(&words) {
        return (q, first - n);
    }
    // "49 جنديا أرمينيا على الأقل", "49 على الأقل من جنودها".
    for j in first + 1..(noun + 3).min(r.end - 1) {
        if doc.word(j) == "علي" && doc.word(j + 1) == "الاقل" {
            *end = (*end).max(j + 1);
            return (Qualifier::AtLeast, first);
        }
        if doc.word(j) == "تقريبا" {
            *end = (*end).max(j);
            return (Qualifier::About, first);
        }
    }
    (Qualifier::Exact, first)
}

/// The loss: the noun's own, a loss word just before the figure or soon after the noun,
/// or that of the claim just before in the same sentence (و200 جريح، من 16 قرية، بينهم طفلان).
fn kind_of(
    doc: &Doc,
    v: &Victim,
    victims: &str,
    (first, noun): (usize, usize),
    r: std::ops::Range<usize>,
    before: &[(Claim, usize)],
    end: &mut usize,
) -> Option<LossKind> {
    if let Some(k) = v.kind {
        return Some(k);
    }
    let fit = |j: usize| triggers(doc.word(j)).fitting(victims);
    for j in (first.saturating_sub(4).max(r.start)..first).rev() {
        if let Some(k) = fit(j) {
            return Some(k);
        }
        if doc.toks[j].sep >= Sep::Comma {
            break;
        }
    }
    let inherited = before
        .last()
        .filter(|(c, last)| {
            c.sentence == doc.sentence_span(doc.toks[first].sentence) && first <= last + 3
        })
        .map(|(c, _)| c.kind)
        .filter(|k| fits(*k, victims));
    if inherited.is_some() {
        return inherited;
    }
    for j in noun + 1..(noun + 7).min(r.end) {
        if doc.toks[j].sep >= Sep::Comma || figure_at(doc, j).is_some() {
            break;
        }
        // "40 شخصا في عداد المفقودين": a noun that carries a loss, after the figure's own.
        let counted = victim(doc.word(j))
            .and_then(|w| w.kind)
            .filter(|k| fits(*k, victims));
        if let Some(k) = fit(j).or(counted) {
            *end = j;
            return Some(k);
        }
    }
    None
}

/// The speaker of the nearest frame before the figure in its sentence, else an attribution
/// after it, else a headline's party, else the outlet.
fn source_of(frames: &[Frame], s: usize, first: usize) -> ClaimSource {
    let in_sentence = frames
        .iter()
        .filter(|f| f.sentence == s && f.speaker.is_some());
    let found = in_sentence
        .clone()
        .rfind(|f| !f.postposed && f.tok < first)
        .or_else(|| in_sentence.clone().find(|f| f.postposed && f.tok > first))
        .or_else(|| in_sentence.clone().find(|f| f.headline));
    match found.and_then(|f| f.speaker.clone()) {
        Some(p) => ClaimSource {
            entity: p.entity,
            label: p.label,
            span: Some(p.span),
            side: p.side,
        },
        None => ClaimSource {
            entity: None,
            label: "outlet".into(),
            span: None,
            side: None,
        },
    }
}

/// The party the victims belong to: a nationality adjective or "لـ/من + name" after the
/// noun, or the speaker's own side for a possessive (جنودها) or for a state's own soldiers.
fn side_of(
    doc: &Doc,
    (noun, lead): (usize, Option<usize>),
    lim: usize,
    v: &Victim,
    source: &ClaimSource,
    end: &mut usize,
) -> Option<String> {
    if v.possessive {
        return source.side.clone();
    }
    if let Some(country) = doc.demonym(noun) {
        return Some(country);
    }
    for k in noun + 1..(noun + 3).min(lim) {
        if doc.toks[k].sep >= Sep::Comma {
            break;
        }
        if let Some(country) = doc.demonym(k) {
            *end = (*end).max(k);
            return Some(country);
        }
        let w = doc.word(k);
        if let Some(m) = doc.mention_at(k) {
            let adjective =
                k == noun + 1 && m.kind == marsad_model::EntityType::Location && w.ends_with('ا');
            if adjective || w.starts_with('ل') || (k > 0 && doc.word(k - 1) == "من") {
                *end = (*end).max(doc.last_tok_of(m.span));
                return doc.cx.side_of(&m.entity);
            }
        }
    }
    own_soldiers(doc, noun, lead, source)
}

/// Soldiers with no nationality, in a state's own announcement (أعلنت وزارة الدفاع مقتل 50
/// عسكريا): a state names the enemy's dead by their nationality (جنديا أرمينيا) and its own
/// without one. Only regular soldiers and officers: fighters and gunmen (مقاتل، مسلح، عنصر)
/// are as often the enemy's, and an international body (its side is itself) has no army.
/// A verb before the figure may have the state as its agent (قتلت قواتنا 30 جنديا): only a
/// death or wound named as a noun (مقتل، مصرع، إصابة) or told after the soldiers is theirs.
fn own_soldiers(
    doc: &Doc,
    noun: usize,
    lead: Option<usize>,
    source: &ClaimSource,
) -> Option<String> {
    let suffered = lead.is_none_or(|l| {
        doc.stems(l)
            .iter()
            .any(|s| matches!(*s, "مقتل" | "مصرع" | "استشهاد" | "وفاه" | "سقوط" | "اصابه"))
    });
    let regular = doc.stems(noun).iter().any(|s| {
        matches!(
            *s,
            "جندي"
                | "جنديا"
                | "جنود"
                | "عسكري"
                | "عسكريا"
                | "عسكريين"
                | "عسكريون"
                | "ضابط"
                | "ضابطا"
                | "ضباط"
        )
    });
    let side = source.side.as_ref()?;
    let id = source.entity.as_deref()?;
    let international = doc
        .cx
        .entity(id)
        .is_some_and(|e| e.kind == marsad_model::EntityType::Organisation && &e.label == side);
    (suffered && regular && !international).then(|| side.clone())
}
