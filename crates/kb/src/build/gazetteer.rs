//! Readers for the shared gazetteer files (`countries.tsv`, `capitals.tsv`,
//! `cities_pop1000.tsv.gz`, `caucasus_places.tsv`).

use super::{entity, read, Draft};
use crate::records::{EntityClass, Record};
use crate::KbError;
use flate2::read::GzDecoder;
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::Path;

/// Countries where Arabic news names small towns too: the Arab League states and the
/// conflicts it covers most (Israel/Palestine, South Sudan, Chad).
const CLOSE_COUNTRIES: [&str; 26] = [
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA",
    "SO", "SD", "SY", "TN", "AE", "YE", "IL", "SS", "TD", "EH",
];
/// Neighbours and conflict zones followed in Arabic news, at a middle threshold.
const NEAR_COUNTRIES: [&str; 14] = [
    "TR", "IR", "AF", "UA", "ML", "NE", "BF", "ET", "ER", "AM", "AZ", "GE", "CY", "PK",
];
const CLOSE_MIN_POPULATION: u64 = 5_000;
const NEAR_MIN_POPULATION: u64 = 20_000;
const WORLD_MIN_POPULATION: u64 = 50_000;

/// A header-indexed TSV row reader.
struct Table {
    cols: HashMap<String, usize>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn parse(text: &str, file: &str) -> Result<Table, KbError> {
        let mut lines = text.lines();
        let header = lines
            .next()
            .ok_or_else(|| KbError::parse(file, 1, "empty file"))?;
        let cols = header
            .split('\t')
            .enumerate()
            .map(|(i, c)| (c.to_string(), i))
            .collect();
        let rows = lines
            .filter(|l| !l.is_empty())
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect();
        Ok(Table { cols, rows })
    }

    fn get<'a>(&self, row: &'a [String], col: &str) -> &'a str {
        self.cols
            .get(col)
            .and_then(|&i| row.get(i))
            .map_or("", String::as_str)
    }
}

fn names(primary: &str, variants: &str) -> Vec<String> {
    std::iter::once(primary)
        .chain(variants.split('|'))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

fn coords(lat: &str, lon: &str) -> Option<(f64, f64)> {
    Some((lat.parse().ok()?, lon.parse().ok()?))
}

pub fn countries(
    shared: &Path,
    qids: &HashMap<String, String>,
    labels: &HashMap<String, String>,
) -> Result<Vec<Draft>, KbError> {
    let t = Table::parse(
        &read(&shared.join("gazetteer/countries.tsv"))?,
        "countries.tsv",
    )?;
    let mut out = Vec::new();
    for row in &t.rows {
        let iso = t.get(row, "iso2");
        let local = format!("kb:country:{iso}");
        let id = qids.get(&local).cloned().unwrap_or(local);
        let label = labels
            .get(iso)
            .map_or_else(|| t.get(row, "name_en"), String::as_str);
        let mut e = entity(
            id,
            "LOC",
            label,
            names(t.get(row, "name_ar"), t.get(row, "name_ar_variants")),
        );
        e.coordinates = coords(t.get(row, "lat"), t.get(row, "lon"));
        e.side = Some(label.to_string());
        out.push(Draft {
            record: Record {
                entity: e,
                class: EntityClass::Country,
                country: Some(iso.to_string()),
            },
            tier: 0,
            population: t.get(row, "population").parse().unwrap_or(0),
            curated_names: false,
        });
    }
    Ok(out)
}

fn place_id(geonameid: &str, qids: &HashMap<String, String>) -> String {
    let local = format!("geonames:{geonameid}");
    qids.get(&local).cloned().unwrap_or(local)
}

pub fn capitals(
    shared: &Path,
    qids: &HashMap<String, String>,
    country_labels: &HashMap<String, String>,
) -> Result<Vec<Draft>, KbError> {
    let t = Table::parse(
        &read(&shared.join("gazetteer/capitals.tsv"))?,
        "capitals.tsv",
    )?;
    let mut out = Vec::new();
    for row in &t.rows {
        let gid = t.get(row, "geonameid");
        let iso = t.get(row, "iso2");
        if gid.is_empty() || t.get(row, "name_ar").is_empty() {
            continue;
        }
        let mut e = entity(
            place_id(gid, qids),
            "LOC",
            t.get(row, "capital_en"),
            names(t.get(row, "name_ar"), t.get(row, "name_ar_variants")),
        );
        e.coordinates = coords(t.get(row, "lat"), t.get(row, "lon"));
        // A capital named as an actor speaks for its government (أعلنت يريفان).
        e.side = country_labels.get(iso).cloned();
        out.push(Draft {
            record: Record {
                entity: e,
                class: EntityClass::Capital,
                country: Some(iso.to_string()),
            },
            tier: 2,
            population: t.get(row, "population").parse().unwrap_or(0),
            curated_names: false,
        });
    }
    Ok(out)
}

fn min_population(iso: &str) -> u64 {
    if CLOSE_COUNTRIES.contains(&iso) {
        CLOSE_MIN_POPULATION
    } else if NEAR_COUNTRIES.contains(&iso) {
        NEAR_MIN_POPULATION
    } else {
        WORLD_MIN_POPULATION
    }
}

/// Cities above the population cut of their country, and every Caucasus place with an
/// Arabic name; places already in `existing` (capitals) are skipped.
pub fn cities(
    shared: &Path,
    qids: &HashMap<String, String>,
    existing: &[Draft],
    wanted: &HashSet<String>,
) -> Result<Vec<Draft>, KbError> {
    let gz_path = shared.join("gazetteer/cities_pop1000.tsv.gz");
    let bytes = std::fs::read(&gz_path).map_err(|source| KbError::Read {
        path: gz_path.clone(),
        source,
    })?;
    let mut text = String::new();
    GzDecoder::new(bytes.as_slice())
        .read_to_string(&mut text)
        .map_err(|source| KbError::Read {
            path: gz_path,
            source,
        })?;
    let mut seen: HashSet<String> = existing
        .iter()
        .map(|d| d.record.entity.id.clone())
        .collect();
    let mut out = Vec::new();
    let world = Table::parse(&text, "cities_pop1000.tsv")?;
    let caucasus = Table::parse(
        &read(&shared.join("gazetteer/caucasus_places.tsv"))?,
        "caucasus_places.tsv",
    )?;
    for (t, all) in [(&world, false), (&caucasus, true)] {
        for row in &t.rows {
            let iso = t.get(row, "country_iso2");
            let population: u64 = t.get(row, "population").parse().unwrap_or(0);
            let gid = t.get(row, "geonameid");
            if gid.is_empty() {
                continue;
            }
            let id = place_id(gid, qids);
            // Places with a curated alias come in whatever the gazetteer gives them.
            let alias = wanted.contains(&id);
            if !alias && t.get(row, "name_ar").is_empty() {
                continue;
            }
            if !alias && !all && population < min_population(iso) {
                continue;
            }
            if !seen.insert(id.clone()) {
                continue;
            }
            let mut e = entity(
                id,
                "LOC",
                t.get(row, "name"),
                names(t.get(row, "name_ar"), t.get(row, "name_ar_variants")),
            );
            e.coordinates = coords(t.get(row, "lat"), t.get(row, "lon"));
            out.push(Draft {
                record: Record {
                    entity: e,
                    class: EntityClass::City,
                    country: Some(iso.to_string()),
                },
                tier: 3,
                population,
                curated_names: false,
            });
        }
    }
    Ok(out)
}
