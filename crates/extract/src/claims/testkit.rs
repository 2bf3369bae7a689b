//! Builds a `Context` by hand for unit tests: names found by string search, sides given.

use super::Context;
use marsad_model::{Entity, EntityType, Mention, Span, TimeExpr};

pub(crate) struct Kit {
    pub body: String,
    pub sentences: Vec<Span>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub times: Vec<TimeExpr>,
}

/// `names`: (form as written, English label, type, side); `times`: (text, TIMEX3 value).
pub(crate) fn kit(
    body: &str,
    names: &[(&str, &str, EntityType, Option<&str>)],
    times: &[(&str, &str)],
) -> Kit {
    let mut mentions = Vec::new();
    let mut entities: Vec<Entity> = Vec::new();
    for (form, label, kind, side) in names {
        for (at, _) in body.match_indices(form) {
            mentions.push(Mention {
                span: Span::new(at, at + form.len()),
                text: form.to_string(),
                kind: *kind,
                entity: label.to_string(),
            });
        }
        if !entities.iter().any(|e| e.id == *label) {
            entities.push(Entity {
                id: label.to_string(),
                kind: *kind,
                label: label.to_string(),
                names: vec![form.to_string()],
                coordinates: None,
                side: side.map(String::from),
            });
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    let times = times
        .iter()
        .filter_map(|(text, value)| {
            let at = body.find(text)?;
            Some(TimeExpr {
                span: Span::new(at, at + text.len()),
                text: text.to_string(),
                value: value.to_string(),
                anchor: "test".into(),
            })
        })
        .collect();
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, c) in body.char_indices() {
        if c == '\n' || c == '.' {
            if body[start..i].trim().is_empty() {
                start = i + 1;
                continue;
            }
            sentences.push(Span::new(start, i));
            start = i + c.len_utf8();
        }
    }
    if !body[start..].trim().is_empty() {
        sentences.push(Span::new(start, body.len()));
    }
    Kit {
        body: body.to_string(),
        sentences,
        mentions,
        entities,
        times,
    }
}

/// Nationality adjectives and peoples, on keys, in their common inflections.
pub(crate) fn demonym(k: &str) -> Option<String> {
    let k = k.strip_prefix("ال").unwrap_or(k);
    let k = ["يين", "ين", "ون", "يه", "ه"]
        .iter()
        .find_map(|s| k.strip_suffix(s))
        .unwrap_or(k);
    let k = k.strip_suffix('ي').unwrap_or(k);
    Some(
        match k {
            "فلسطين" => "Palestine",
            "اسراءيل" => "Israel",
            "اوكران" => "Ukraine",
            "روس" => "Russia",
            "سودان" => "Sudan",
            "يمن" => "Yemen",
            "سور" => "Syria",
            "مصر" => "Egypt",
            "قطر" => "Qatar",
            "عمان" => "Oman",
            "ترك" => "Turkey",
            "ليب" => "Libya",
            "اردن" => "Jordan",
            "ايران" => "Iran",
            "سعود" => "Saudi Arabia",
            "عراق" => "Iraq",
            "فرنس" => "France",
            "تونس" => "Tunisia",
            "امريك" | "اميرك" => "United States",
            _ => return None,
        }
        .to_string(),
    )
}

impl Kit {
    pub fn context<'a>(
        &'a self,
        demonym: &'a dyn Fn(&str) -> Option<String>,
        published: Option<&'a str>,
    ) -> Context<'a> {
        Context {
            body: &self.body,
            sentences: &self.sentences,
            mentions: &self.mentions,
            entities: &self.entities,
            times: &self.times,
            published,
            demonym,
        }
    }
}
