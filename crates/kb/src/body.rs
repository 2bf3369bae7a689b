//! State bodies and office holders made from patterns, not listed one by one:
//! a head (وزارة الدفاع، الجيش، رئيس الوزراء) followed by a nationality adjective
//! (وزارة الدفاع الأرمينية), by a country or capital in construct (وزارة خارجية
//! أذربيجان، حكومة يريفان), by ل + country (القوات المسلحة لأرمينيا) or by في + country
//! (وزارة الدفاع في أذربيجان). Heads come from `curated/state_bodies.tsv`.

use crate::records::{data_lines, parse_type, EntityClass};
use crate::{Kb, KbError};
use marsad_model::{Entity, EntityType};
use rustc_hash::FxHashMap as HashMap;

/// One kind of state body: `mod` → "Ministry of Defence ({country})".
#[derive(Debug, Clone)]
pub struct BodyPattern {
    pub code: String,
    pub kind: EntityType,
    pub class: EntityClass,
    /// English label with `{country}` where the country's label goes.
    pub label: String,
    /// Head phrases as token keys (`["وزاره", "الدفاع"]`).
    pub heads: Vec<Vec<String>>,
    /// The first head as written (`وزارة الدفاع`), for the body's Arabic name.
    pub head_text: String,
}

/// The state body a span of tokens names.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyMatch {
    /// Tokens the whole pattern covers, from the first one given.
    pub tokens: usize,
    /// Tokens of the head phrase alone (وزارة الدفاع).
    pub head_tokens: usize,
    /// The country named after a preposition (في أذربيجان) is its own mention: the
    /// body's span is the head only, and the country is named at `tokens - 1`.
    pub via_preposition: bool,
    pub country: String,
    pub entity: Entity,
}

#[derive(Debug, Clone, Default)]
pub struct BodyPatterns {
    pub patterns: Vec<BodyPattern>,
    /// `(code, iso2)` → label for states whose body has a name of its own
    /// (the National Assembly of Armenia), and the KB entity it is, if curated (Knesset).
    labels: HashMap<(String, String), (String, Option<String>)>,
    /// Head phrases by first token: `(pattern index, head index)`, longest first.
    by_first: HashMap<String, Vec<(usize, usize)>>,
}

impl BodyPatterns {
    /// Whether a head phrase starts with the token key `first`.
    pub(crate) fn starts_with(&self, first: &str) -> bool {
        self.by_first.contains_key(first)
    }

    /// The first token keys of every head phrase.
    pub(crate) fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }

    pub fn parse(patterns_tsv: &str, labels_tsv: &str) -> Result<Self, KbError> {
        const FILE: &str = "state_bodies.tsv";
        let mut patterns = Vec::new();
        for (line, f) in data_lines(patterns_tsv) {
            if f.len() < 5 {
                return Err(KbError::parse(FILE, line, "expected 5 columns"));
            }
            let kind = parse_type(f[1]).ok_or_else(|| KbError::parse(FILE, line, "bad type"))?;
            let class = if kind == EntityType::Person {
                EntityClass::Role
            } else {
                EntityClass::StateBody
            };
            let heads = f[4]
                .split('|')
                .map(|h| {
                    marsad_text::key(h)
                        .split(' ')
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .filter(|h| !h.is_empty() && !h[0].is_empty())
                .collect();
            let head_text = f[4].split('|').next().unwrap_or_default().to_string();
            patterns.push(BodyPattern {
                head_text,
                code: f[0].to_string(),
                kind,
                class,
                label: f[2].to_string(),
                heads,
            });
        }
        let mut labels = HashMap::default();
        for (line, f) in data_lines(labels_tsv) {
            if f.len() < 3 {
                return Err(KbError::parse(
                    "body_labels.tsv",
                    line,
                    "expected 3 columns",
                ));
            }
            let id = f.get(3).filter(|s| !s.is_empty()).map(|s| s.to_string());
            labels.insert((f[0].to_string(), f[1].to_string()), (f[2].to_string(), id));
        }
        let mut by_first: HashMap<String, Vec<(usize, usize)>> = HashMap::default();
        for (pi, p) in patterns.iter().enumerate() {
            for (hi, h) in p.heads.iter().enumerate() {
                by_first.entry(h[0].clone()).or_default().push((pi, hi));
            }
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|&(pi, hi)| std::cmp::Reverse(patterns[pi].heads[hi].len()));
        }
        Ok(BodyPatterns {
            patterns,
            labels,
            by_first,
        })
    }

    fn find(&self, code_or_head: &str) -> Option<&BodyPattern> {
        let head: Vec<String> = marsad_text::key(code_or_head)
            .split(' ')
            .map(str::to_string)
            .collect();
        self.patterns
            .iter()
            .find(|p| p.code == code_or_head || p.heads.contains(&head))
    }
}

/// A head phrase whose last word has no article is in construct state and takes the
/// country directly after it (وزارة خارجية أذربيجان، حكومة يريفان).
fn is_construct(head: &[String]) -> bool {
    head.last().is_some_and(|w| !w.starts_with("ال"))
}

impl Kb {
    /// The state body of one pattern (its code `mod` or a head key `وزاره الدفاع`) for
    /// one country (entity id of a country).
    pub fn state_body(&self, head_key: &str, country_id: &str) -> Option<Entity> {
        let p = self.bodies.find(head_key)?;
        let iso = self.country_iso(country_id)?;
        self.make_body(p, iso)
    }

    fn make_body(&self, p: &BodyPattern, iso: &str) -> Option<Entity> {
        let country = self.country_by_iso(iso)?;
        let own = self.bodies.labels.get(&(p.code.clone(), iso.to_string()));
        if let Some(curated) = own.and_then(|(_, id)| self.entity(id.as_deref()?)) {
            return Some(curated.clone());
        }
        let label = own
            .map(|(l, _)| l.clone())
            .unwrap_or_else(|| p.label.replace("{country}", &country.label));
        let prefix = if p.class == EntityClass::Role {
            "role"
        } else {
            "body"
        };
        let names = country
            .names
            .first()
            .map(|n| vec![format!("{} {n}", p.head_text)])
            .unwrap_or_default();
        Some(Entity {
            id: format!("kb:{prefix}:{}:{iso}", p.code),
            kind: p.kind,
            label,
            names,
            coordinates: None,
            side: Some(country.label.clone()),
        })
    }

    /// The state body named at the start of `token_keys`, if any.
    pub fn match_state_body(&self, token_keys: &[&str]) -> Option<BodyMatch> {
        let first = token_keys.first()?;
        let heads = self.bodies.by_first.get(*first)?;
        for &(pi, hi) in heads {
            let p = &self.bodies.patterns[pi];
            let head = &p.heads[hi];
            let h = head.len();
            if token_keys.len() <= h || token_keys[..h].iter().zip(head).any(|(t, w)| t != w) {
                continue;
            }
            let rest = &token_keys[h..];
            if let Some((n, iso, via)) = self.country_after_head(head, rest) {
                let entity = self.make_body(p, &iso)?;
                let country = self.country_by_iso(&iso)?.id.clone();
                return Some(BodyMatch {
                    tokens: h + n,
                    head_tokens: h,
                    via_preposition: via,
                    country,
                    entity,
                });
            }
        }
        None
    }

    /// `(tokens used, country iso2, via preposition)` for what follows a head.
    fn country_after_head(&self, head: &[String], rest: &[&str]) -> Option<(usize, String, bool)> {
        for n in (1..=rest.len().min(2)).rev() {
            let k = rest[..n].join(" ");
            if let Some(d) = self.demonym(&k) {
                return Some((n, self.country_iso(&d.country)?.to_string(), false));
            }
        }
        if is_construct(head) {
            if let Some((n, iso)) = self.state_name(rest) {
                return Some((n, iso, false));
            }
        }
        // لأرمينيا, للأردن (ل + ال contracts to لل).
        if let Some(tail) = rest[0].strip_prefix('ل') {
            let restored = if tail.starts_with('ل') {
                format!("ا{tail}")
            } else {
                tail.to_string()
            };
            let mut keys: Vec<&str> = vec![&restored];
            keys.extend_from_slice(&rest[1..]);
            if let Some((n, iso)) = self.state_name(&keys) {
                return Some((n, iso, false));
            }
        }
        if rest[0] == "في" {
            if let Some((n, iso)) = self.state_name(&rest[1..]) {
                return Some((n + 1, iso, true));
            }
        }
        None
    }

    /// A country or capital named at the start of `keys`: `(tokens, iso2)`.
    fn state_name(&self, keys: &[&str]) -> Option<(usize, String)> {
        let (n, refs) = self.longest_match(keys)?;
        let r = refs.first()?;
        let rec = self.record(*r);
        match rec.class {
            EntityClass::Country | EntityClass::Capital => Some((n, rec.country.clone()?)),
            _ => None,
        }
    }
}
