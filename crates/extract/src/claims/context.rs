//! What the claim and event readers receive from the earlier stages of reading an article.

use marsad_model::{Entity, EntityType, Mention, Span, TimeExpr};

/// One article as the earlier stages left it: sentences, linked mentions, times.
///
/// Claims and events only read this; they never find names or dates themselves, so the
/// quality of `mentions` and `times` bounds theirs.
pub struct Context<'a> {
    pub body: &'a str,
    /// Sentence spans in `body`, in order.
    pub sentences: &'a [Span],
    /// PER/LOC/ORG mentions with entity ids, sorted by span.
    pub mentions: &'a [Mention],
    /// The entities those ids point to.
    pub entities: &'a [Entity],
    /// TIMEX3 values with spans.
    pub times: &'a [TimeExpr],
    /// Publication date (`YYYY-MM-DD`, or longer ISO 8601).
    pub published: Option<&'a str>,
    /// Key of a nationality adjective (`الارمينيه`, `اذربيجاني`) → English label of the country.
    pub demonym: &'a dyn Fn(&str) -> Option<String>,
}

impl Context<'_> {
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The party an entity speaks for: its `side`, or a place's own name (a country
    /// speaks for itself).
    pub fn side_of(&self, id: &str) -> Option<String> {
        let e = self.entity(id)?;
        e.side
            .clone()
            .or_else(|| (e.kind == EntityType::Location).then(|| e.label.clone()))
    }

    /// The publication date as `YYYY-MM-DD`, when well formed.
    pub fn published_date(&self) -> Option<&str> {
        let d = self.published?.get(..10)?;
        let b = d.as_bytes();
        let ok = b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        ok.then_some(d)
    }
}

/// A participant named by the text: a linked entity, or only a nationality adjective
/// (`القوات الأرمينية`), which stands for its country under the synthetic id `side:<label>`.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    pub entity: Option<String>,
    pub label: String,
    pub span: Span,
    pub side: Option<String>,
}

impl Party {
    pub fn of_mention(cx: &Context, m: &Mention) -> Party {
        let label = cx
            .entity(&m.entity)
            .map_or_else(|| m.text.clone(), |e| e.label.clone());
        Party {
            entity: Some(m.entity.clone()),
            label,
            span: m.span,
            side: cx.side_of(&m.entity),
        }
    }

    pub fn of_demonym(country: String, span: Span, text: &str) -> Party {
        Party {
            entity: Some(format!("side:{country}")),
            label: text
                .get(span.start..span.end)
                .unwrap_or_default()
                .to_string(),
            span,
            side: Some(country),
        }
    }
}
