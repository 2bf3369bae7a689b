//! The on-disk form of the KB: compact TSV, one record per line, `#` lines are comments.
//!
//! `entities.tsv`: `id  type  class  label  side  country  lat  lon  names` with names
//! separated by `|`, in order of importance (most important first).
//! `demonyms.tsv`: `key  country_id  gender  number  definite  people`.

use crate::demonym::{Demonym, Gender, Number};
use crate::KbError;
use marsad_model::{Entity, EntityType};

/// What kind of thing an entity is, finer than PER/LOC/ORG: it decides how a name can
/// stand for a state (a capital or a seat of government speaks for its country).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityClass {
    Country,
    Capital,
    City,
    Region,
    /// A seat of government used for its government: الكرملين، البيت الأبيض.
    Seat,
    Organisation,
    /// A state body made from a pattern (وزارة الدفاع الأرمينية).
    StateBody,
    /// A person named by office (رئيس الوزراء الأرميني).
    Role,
}

impl EntityClass {
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityClass::Country => "country",
            EntityClass::Capital => "capital",
            EntityClass::City => "city",
            EntityClass::Region => "region",
            EntityClass::Seat => "seat",
            EntityClass::Organisation => "org",
            EntityClass::StateBody => "body",
            EntityClass::Role => "role",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "country" => EntityClass::Country,
            "capital" => EntityClass::Capital,
            "city" => EntityClass::City,
            "region" => EntityClass::Region,
            "seat" => EntityClass::Seat,
            "org" => EntityClass::Organisation,
            "body" => EntityClass::StateBody,
            "role" => EntityClass::Role,
            _ => return None,
        })
    }
}

pub fn parse_type(s: &str) -> Option<EntityType> {
    Some(match s {
        "PER" => EntityType::Person,
        "LOC" => EntityType::Location,
        "ORG" => EntityType::Organisation,
        _ => return None,
    })
}

/// One entity as stored, with what the model's `Entity` has no field for.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub entity: Entity,
    pub class: EntityClass,
    /// ISO 3166-1 alpha-2 code of the country it belongs to (for countries: itself).
    pub country: Option<String>,
}

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// Data lines of a TSV text with their 1-based line numbers.
pub fn data_lines(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

pub fn parse_entities(text: &str, file: &str) -> Result<Vec<Record>, KbError> {
    let mut out = Vec::new();
    for (line, f) in data_lines(text) {
        if f.len() < 9 {
            return Err(KbError::parse(file, line, "expected 9 columns"));
        }
        let kind = parse_type(f[1]).ok_or_else(|| KbError::parse(file, line, "bad type"))?;
        let class =
            EntityClass::parse(f[2]).ok_or_else(|| KbError::parse(file, line, "bad class"))?;
        let coordinates = match (f[6], f[7]) {
            ("", "") => None,
            (lat, lon) => {
                let lat: f64 = lat
                    .parse()
                    .map_err(|_| KbError::parse(file, line, "bad latitude"))?;
                let lon: f64 = lon
                    .parse()
                    .map_err(|_| KbError::parse(file, line, "bad longitude"))?;
                Some((lat, lon))
            }
        };
        out.push(Record {
            entity: Entity {
                id: f[0].to_string(),
                kind,
                label: f[3].to_string(),
                names: f[8]
                    .split('|')
                    .filter(|n| !n.is_empty())
                    .map(str::to_string)
                    .collect(),
                coordinates,
                side: opt(f[4]),
            },
            class,
            country: opt(f[5]),
        });
    }
    Ok(out)
}

pub fn write_entity(r: &Record) -> String {
    let (lat, lon) = r
        .entity
        .coordinates
        .map(|(a, b)| (format!("{a:.4}"), format!("{b:.4}")))
        .unwrap_or_default();
    [
        r.entity.id.as_str(),
        r.entity.kind.as_str(),
        r.class.as_str(),
        r.entity.label.as_str(),
        r.entity.side.as_deref().unwrap_or(""),
        r.country.as_deref().unwrap_or(""),
        &lat,
        &lon,
        &r.entity.names.join("|"),
    ]
    .join("\t")
}

pub fn parse_demonyms(text: &str, file: &str) -> Result<Vec<(String, Demonym)>, KbError> {
    let mut out = Vec::new();
    for (line, f) in data_lines(text) {
        if f.len() < 6 {
            return Err(KbError::parse(file, line, "expected 6 columns"));
        }
        let gender = match f[2] {
            "m" => Gender::Masculine,
            "f" => Gender::Feminine,
            _ => return Err(KbError::parse(file, line, "gender must be m or f")),
        };
        let number = match f[3] {
            "sg" => Number::Singular,
            "pl" => Number::Plural,
            _ => return Err(KbError::parse(file, line, "number must be sg or pl")),
        };
        out.push((
            f[0].to_string(),
            Demonym {
                country: f[1].to_string(),
                gender,
                number,
                definite: f[4] == "1",
                people: f[5] == "1",
            },
        ));
    }
    Ok(out)
}

pub fn write_demonym(key: &str, d: &Demonym) -> String {
    format!(
        "{key}\t{}\t{}\t{}\t{}\t{}",
        d.country,
        if d.gender == Gender::Masculine {
            "m"
        } else {
            "f"
        },
        if d.number == Number::Singular {
            "sg"
        } else {
            "pl"
        },
        u8::from(d.definite),
        u8::from(d.people)
    )
}
