//! Political and military events coded in PLOVER 2021.
//!
//! A trigger word (`lexicon`) gives the type and mode; its actors are found around it
//! (`actors`): the subject after a verb or before it, both sides of "بين X و Y", partners
//! after "مع", or the speaker of the reported speech it sits in (an accusation made by a
//! ministry is its state's). The date is the nearest time in the sentence, else the date
//! of the words it continues, else the publication date.
//!
//! Rules that hold across types: a masdar after ب/ل or with a possessor (باستهداف، دعمها)
//! has its agent before it; a name after مع، إلى or a glued ل is a partner or recipient, not
//! the subject; a trigger word inside a name (الدعم in قوات الدعم السريع) is not one; a
//! passive assault (تعرضت مواقع الجيش للقصف) targets the subject of تعرّض and has an actor
//! only when "من قبل / من جانب / على يد X" names one; only violence (ASSAULT, COERCE, PROTEST)
//! is kept without an author — a call, threat or accord nobody makes is a word in another
//! sense.

mod actors;
mod lexicon;

use crate::claims::doc::Doc;
use crate::claims::source::{self, Frame};
use crate::claims::{claims_in, Context, Party};
use actors::{between, counterpart, group_after, group_before, is_stop, mediator, partners, Found};
pub(crate) use lexicon::trigger_families;
use lexicon::{assault_mode, trigger_at, Trigger, ACCUSATION};
use marsad_model::{Actor, Claim, EntityType, Event, Place, Span};
use marsad_text::Keyed;
use std::borrow::Cow;

/// Every event the article reports, in text order.
pub fn extract_events(cx: &Context) -> Vec<Event> {
    let doc = Doc::new(cx);
    let frames = source::frames(&doc);
    events_in(&doc, &frames)
}

/// `extract_claims` and `extract_events` in one pass: the article is cut into words and its
/// speech frames are found once, which is most of the cost of each.
pub fn extract_claims_and_events(cx: &Context) -> (Vec<Claim>, Vec<Event>) {
    both(&Doc::new(cx))
}

/// [`extract_claims_and_events`] on a body already keyed (`Keyed::new(cx.body)`), for a
/// reader that keys the body once for several stages.
pub fn extract_claims_and_events_keyed(cx: &Context, keyed: &Keyed) -> (Vec<Claim>, Vec<Event>) {
    both(&Doc::with_keyed(cx, Cow::Borrowed(keyed)))
}

fn both(doc: &Doc) -> (Vec<Claim>, Vec<Event>) {
    let frames = source::frames(doc);
    (claims_in(doc, &frames), events_in(doc, &frames))
}

fn events_in(doc: &Doc, frames: &[Frame]) -> Vec<Event> {
    let cx = doc.cx;
    let published = cx.published_date().map(String::from);
    let mut out: Vec<Event> = Vec::new();
    let mut last_date = published.clone();
    for (s, r) in doc.sents.iter().enumerate() {
        let r = r.clone();
        let in_sentence: Vec<&Frame> = frames.iter().filter(|f| f.sentence == s).collect();
        // A sentence that goes on with someone's words (وأوضحت أن ...) keeps their date.
        let continues = in_sentence
            .first()
            .is_some_and(|f| f.continued && f.tok <= r.start + 1);
        let default_date = if continues {
            last_date.clone()
        } else {
            published.clone()
        };
        let mut here: Vec<(Event, usize)> = Vec::new();
        for i in r.clone() {
            // Most words open no trigger family: that bit is read before the mentions are
            // searched.
            let t = &doc.toks[i];
            if t.triggers == 0 || t.paren || doc.in_mention(i) {
                continue;
            }
            let Some((tr, nominal)) = trigger_at(doc, i, r.end) else {
                continue;
            };
            let repeat = here.iter().any(|(e, at)| e.kind == tr.kind && i <= at + 4);
            let one_ceasefire = tr.mode == Some("ceasefire")
                && here
                    .iter()
                    .any(|(e, _)| e.mode.as_deref() == Some("ceasefire"));
            if repeat || one_ceasefire {
                continue;
            }
            let found = if tr.mode == Some("ceasefire") {
                match ceasefire_actors(doc, i, r.clone()) {
                    Some(f) => f,
                    None => continue,
                }
            } else {
                let scope = Scope {
                    r: r.clone(),
                    frames_here: &in_sentence,
                    all_frames: frames,
                    before: &here,
                };
                actors_of(doc, tr, i, nominal, &scope)
            };
            let (found, target) = found;
            // Only violence may be reported without its author (تعرضت القرية للقصف); a call,
            // a threat or an accord that nobody makes is a word used in another sense.
            if found.is_empty() && !matches!(tr.kind, "ASSAULT" | "COERCE" | "PROTEST") {
                continue;
            }
            let mode = if tr.kind == "ASSAULT" {
                let words: Vec<&str> = (i..r.end.min(i + 12)).map(|j| doc.word(j)).collect();
                assault_mode(&words)
            } else {
                tr.mode
            };
            let mediator = matches!(tr.kind, "RETREAT" | "CONSULT" | "AGREE")
                .then(|| mediator(doc, r.start, r.end))
                .flatten();
            let ev = Event {
                span: doc.toks[i].span,
                sentence: doc.sentence_span(s),
                kind: tr.kind.to_string(),
                mode: mode.map(String::from),
                actors: found.into_iter().map(actor).collect(),
                target: target.map(actor),
                mediator: mediator.map(actor),
                date: date_near(doc, i, r.clone()).or_else(|| default_date.clone()),
                location: place_near(doc, i, r.clone()),
                background: false,
            };
            here.push((ev, i));
        }
        accusations(doc, &in_sentence, r.clone(), &mut here, &default_date, s);
        if let Some((e, _)) = here.last() {
            last_date = e.date.clone();
        } else if !continues {
            last_date = published.clone();
        }
        out.extend(here.into_iter().map(|(e, _)| e));
    }
    for e in &mut out {
        e.background = is_background(e.date.as_deref(), published.as_deref());
    }
    out
}

type Actors = (Vec<Party>, Option<Party>);

fn parties(g: Vec<Found>) -> Vec<Party> {
    let mut out: Vec<Party> = Vec::new();
    for f in g {
        if !out
            .iter()
            .any(|p| p.side == f.party.side && p.side.is_some())
        {
            out.push(f.party);
        }
    }
    out
}

/// The first party after the actors whose side is not theirs.
fn target_after(doc: &Doc, from: usize, end: usize, actors: &[Party]) -> Option<Party> {
    (from + 1..end.min(from + 8)).find_map(|j| {
        actors::parties_at(doc, j, from + 1)
            .into_iter()
            .map(|f| f.party)
            .find(|p| !actors.iter().any(|a| a.side == p.side))
    })
}

/// Where a trigger stands: its sentence's words, the speech frames of the sentence and of the
/// article, and the events found before it in the sentence.
struct Scope<'s> {
    r: std::ops::Range<usize>,
    frames_here: &'s [&'s Frame],
    all_frames: &'s [Frame],
    before: &'s [(Event, usize)],
}

fn actors_of(doc: &Doc, tr: &Trigger, i: usize, nominal: bool, sc: &Scope) -> Actors {
    let (kind, r, before) = (tr.kind, sc.r.clone(), sc.before);
    if kind == "ASSAULT" && nominal {
        if let Some(found) = passive(doc, i, r.clone()) {
            return found;
        }
    }
    // An offer to mediate "بين X و Y" names whom it would bring together, not who offers.
    let symmetric = matches!(kind, "ASSAULT" | "CONSULT" | "AGREE" | "RETREAT" | "ACCUSE")
        && tr.mode != Some("mediate");
    let mut group = if symmetric {
        between(doc, i, r.end, 4)
    } else {
        Vec::new()
    };
    // One who declares readiness to mediate stands before the word (أعلنت قطر استعدادها).
    let nominal = nominal || tr.mode == Some("mediate");
    if group.is_empty() && !nominal {
        group = group_after(doc, i, r.end, 4);
        // "اتصالاً مع نظيره": a partner, not the subject; "مساعدات لأوكرانيا": a recipient.
        if group.first().is_some_and(|f| {
            (i + 1..f.first).any(|k| doc.word(k) == "مع" || doc.word(k) == "الي")
                || doc.after_lam(f.first)
        }) {
            group.clear();
        }
    }
    let mut last = group.iter().map(|f| f.last).max().unwrap_or(i);
    let demand_object = kind == "DEMAND"
        && group.len() == 1
        && doc.word(i).starts_with('و')
        && (last + 1 < r.end && is_stop(doc, last + 1))
        && !before.is_empty();
    if demand_object {
        // "ودعا أرمينيا إلى ...": the subject is the previous clause's, the name is the target.
        let target = group.pop().map(|f| f.party);
        let subject = before
            .last()
            .and_then(|(e, _)| e.actors.first())
            .map(party_of_actor);
        return (subject.into_iter().collect(), target);
    }
    if group.is_empty() {
        group = group_before(doc, i, r.start);
    }
    if kind == "CONSULT" {
        group.extend(partners(doc, i, r.end, 6));
        group.extend(counterpart(doc, i, r.end));
    }
    let mut ps = parties(group);
    if ps.is_empty() {
        let speaker = sc
            .frames_here
            .iter()
            .rev()
            .find(|f| f.tok < i)
            .and_then(|f| f.speaker.clone());
        let first_person = doc.stems(i).iter().any(|s| s.starts_with('ن'));
        let quoted = first_person
            .then(|| {
                sc.all_frames
                    .iter()
                    .rev()
                    .find(|f| f.sentence <= doc.toks[i].sentence && f.speaker.is_some())
            })
            .flatten()
            .and_then(|f| f.speaker.clone());
        ps = speaker
            .or(quoted)
            .map(|p| vec![p])
            .or_else(|| {
                before
                    .last()
                    .map(|(e, _)| e.actors.iter().map(party_of_actor).collect())
            })
            .unwrap_or_default();
    } else {
        last = last.max(i);
    }
    let target = if symmetric && ps.len() > 1 {
        None
    } else {
        target_after(doc, last, r.end, &ps)
    };
    (ps, target)
}

/// "تعرضت مواقع الجيش للقصف (من قبل X)": what تعرّض has for subject is the target; the
/// attacker is only who "من قبل / من جانب / من طرف / على يد" names after it, else nobody —
/// not the speaker, who is usually the one attacked.
fn passive(doc: &Doc, i: usize, r: std::ops::Range<usize>) -> Option<Actors> {
    let lo = i.saturating_sub(12).max(r.start);
    let at = (lo..i).rev().find(|&j| {
        doc.stems(j)
            .iter()
            .any(|s| s.starts_with("تعرض") || s.starts_with("يتعرض") || s.starts_with("تتعرض"))
    })?;
    let target = (at + 1..i).find_map(|j| {
        actors::parties_at(doc, j, at + 1)
            .into_iter()
            .next()
            .map(|f| f.party)
    });
    let by = (i + 1..r.end.min(i + 14)).find(|&j| {
        matches!(
            (doc.word(j - 1), doc.word(j)),
            ("من", "قبل" | "جانب" | "طرف") | ("علي", "يد" | "ايدي")
        )
    });
    let attackers = by.map_or_else(Vec::new, |k| parties(group_after(doc, k, r.end, 5)));
    let target = target.filter(|t| !attackers.iter().any(|a| a.side == t.side));
    Some((attackers, target))
}

/// A ceasefire is an event only when agreed, declared or signed; its parties are who reached
/// it (توصل X و Y)، both sides of "بين"، or the subject and its partner after "مع".
fn ceasefire_actors(doc: &Doc, i: usize, r: std::ops::Range<usize>) -> Option<Actors> {
    let cue = |j: usize| {
        doc.stems(j).iter().any(|s| {
            matches!(
                *s,
                "اتفاق"
                    | "اتفاقا"
                    | "توصل"
                    | "توصلت"
                    | "توصلا"
                    | "وافق"
                    | "وافقت"
                    | "توافق"
                    | "اعلن"
                    | "اعلنت"
                    | "تعلن"
                    | "يعلن"
                    | "اعلنوا"
                    | "توقيع"
                    | "وقع"
                    | "وقعت"
                    | "ابرام"
                    | "دخل"
                    | "اتفقا"
            )
        })
    };
    let cues: Vec<usize> = r.clone().filter(|&j| cue(j)).collect();
    if cues.is_empty() {
        return None;
    }
    let reached = cues
        .iter()
        .find(|&&j| doc.stems(j).iter().any(|s| s.starts_with("توصل")));
    let mut group = reached
        .map(|&j| group_after(doc, j, r.end, 3))
        .filter(|g| {
            g.first()
                .is_some_and(|f| f.first > 0 && doc.word(f.first - 1) != "مع")
        })
        .unwrap_or_default();
    if group.is_empty() {
        group = (r.start..r.end)
            .find_map(|j| (doc.word(j) == "بين").then(|| between(doc, j - 1, r.end, 1)))
            .unwrap_or_default();
        let mediator = mediator(doc, r.start, r.end);
        group.retain(|f| mediator.as_ref().is_none_or(|m| m.side != f.party.side));
    }
    if group.is_empty() {
        group = group_before(doc, i, r.start);
        if let Some(&j) = reached {
            group.extend(partners(doc, j, r.end, 3));
        }
    }
    Some((parties(group), None))
}

/// Accusations inside reported speech: "قالت الوزارة إن الجيش الأرميني قام بعمل استفزازي".
fn accusations(
    doc: &Doc,
    frames: &[&Frame],
    r: std::ops::Range<usize>,
    here: &mut Vec<(Event, usize)>,
    default_date: &Option<String>,
    s: usize,
) {
    let Some(frame) = frames.iter().find(|f| f.speaker.is_some() && !f.postposed) else {
        return;
    };
    let Some(speaker) = frame.speaker.clone() else {
        return;
    };
    let Some(at) = (frame.tok + 1..r.end).find(|&j| ACCUSATION.any(doc.stems(j))) else {
        return;
    };
    if here
        .iter()
        .any(|(e, _)| e.kind == "ACCUSE" && e.actors.iter().any(|a| a.side == speaker.side))
    {
        return;
    }
    let others = |g: Vec<Found>| {
        g.into_iter()
            .map(|f| f.party)
            .find(|p| p.side != speaker.side)
    };
    let target = others(group_before(doc, at, frame.tok + 1))
        .or_else(|| others(group_after(doc, at, r.end, 4)));
    let ev = Event {
        span: doc.toks[at].span,
        sentence: doc.sentence_span(s),
        kind: "ACCUSE".into(),
        mode: None,
        actors: vec![actor(speaker)],
        target: target.map(actor),
        mediator: None,
        date: date_near(doc, at, r.clone()).or_else(|| default_date.clone()),
        location: None,
        background: false,
    };
    here.push((ev, at));
}

fn actor(p: Party) -> Actor {
    let side = p.side.clone().or_else(|| Some(p.label.clone()));
    Actor {
        entity: p.entity.unwrap_or_else(|| format!("local:{}", p.label)),
        label: p.label,
        side,
    }
}

fn party_of_actor(a: &Actor) -> Party {
    Party {
        entity: Some(a.entity.clone()),
        label: a.label.clone(),
        span: Span::new(0, 0),
        side: a.side.clone(),
    }
}

/// The dated time expression nearest word `i` in its sentence, glosses in parentheses aside.
fn date_near(doc: &Doc, i: usize, r: std::ops::Range<usize>) -> Option<String> {
    let sent = Span::new(doc.toks[r.start].span.start, doc.toks[r.end - 1].span.end);
    let here = doc.toks[i].span.start;
    doc.cx
        .times
        .iter()
        .filter(|t| sent.contains(&t.span) && is_date(&t.value))
        .filter(|t| {
            !r.clone()
                .any(|j| doc.toks[j].paren && doc.toks[j].span.overlaps(&t.span))
        })
        .filter(|t| !of_year(doc, t.span, r.clone()))
        .min_by_key(|t| t.span.start.abs_diff(here).min(t.span.end.abs_diff(here)))
        .map(|t| t.value.clone())
}

/// "وقف إطلاق النار لعام 2020": a year that names which agreement or plan is meant, not
/// when the event happened.
fn of_year(doc: &Doc, span: Span, r: std::ops::Range<usize>) -> bool {
    r.clone()
        .find(|&j| doc.toks[j].span.overlaps(&span))
        .is_some_and(|j| doc.word(j) == "لعام" || (j > r.start && doc.word(j - 1) == "لعام"))
}

fn is_date(v: &str) -> bool {
    v.len() >= 4 && v.as_bytes()[..4].iter().all(u8::is_ascii_digit)
}

/// The first place named after the trigger in its sentence.
fn place_near(doc: &Doc, i: usize, r: std::ops::Range<usize>) -> Option<Place> {
    let end = doc.toks[r.end - 1].span.end;
    let from = doc.toks[i].span.start;
    doc.cx
        .mentions
        .iter()
        .find(|m| m.kind == EntityType::Location && m.span.start >= from && m.span.end <= end)
        .map(|m| Place {
            entity: m.entity.clone(),
            label: doc
                .cx
                .entity(&m.entity)
                .map_or_else(|| m.text.clone(), |e| e.label.clone()),
            coordinates: None,
        })
}

/// Well before the article's own news: more than 30 days before publication.
fn is_background(date: Option<&str>, published: Option<&str>) -> bool {
    let (Some(d), Some(p)) = (date, published) else {
        return false;
    };
    let parse = |s: &str| -> Option<chrono::NaiveDate> {
        let y: i32 = s.get(..4)?.parse().ok()?;
        let m: u32 = s.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(12);
        let d: u32 = s.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(1);
        chrono::NaiveDate::from_ymd_opt(y, m, d)
    };
    match (parse(d), parse(p)) {
        (Some(d), Some(p)) => (p - d).num_days() > 30,
        _ => false,
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_more;
