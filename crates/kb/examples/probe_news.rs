//! Shows which names the KB finds in a sample of news text, exact and by spelling
//! variant, to review false matches by eye:
//! `cargo run -p marsad-kb --example probe_news -- FILE.jsonl.gz [ARTICLES]`.

use flate2::read::GzDecoder;
use std::collections::HashMap;
use std::io::{BufRead, BufReader};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: probe_news FILE.jsonl.gz [ARTICLES]")?;
    let limit: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(300);
    let kb = marsad_kb::Kb::embedded();
    let reader = BufReader::new(GzDecoder::new(std::fs::File::open(path)?));
    let mut exact: HashMap<String, (usize, String)> = HashMap::new();
    let mut fuzzy: HashMap<String, (usize, String)> = HashMap::new();
    for line in reader.lines().take(limit) {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let text = v["text"].as_str().unwrap_or_default();
        let keys: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(marsad_text::key)
            .collect();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let mut i = 0;
        while i < refs.len() {
            let ex = kb.longest_exact(&refs[i..]);
            let any = kb.longest_match(&refs[i..]);
            match (ex, any) {
                (Some((n, c)), _) => {
                    let e = exact.entry(refs[i..i + n].join(" ")).or_default();
                    e.0 += 1;
                    e.1 = kb.get(c[0]).label.clone();
                    i += n;
                }
                (None, Some((n, c))) => {
                    let e = fuzzy.entry(refs[i..i + n].join(" ")).or_default();
                    e.0 += 1;
                    e.1 = kb.get(c[0]).label.clone();
                    i += n;
                }
                _ => i += 1,
            }
        }
    }
    for (title, map) in [("exact", exact), ("variant", fuzzy)] {
        let mut v: Vec<_> = map.into_iter().collect();
        v.sort_by_key(|b| std::cmp::Reverse(b.1 .0));
        println!("== {title}: {} distinct", v.len());
        for (k, (n, label)) in v.iter().take(120) {
            println!("{n}\t{k}\t{label}");
        }
    }
    Ok(())
}
