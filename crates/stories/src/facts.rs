//! Facts side by side: claims about the same loss, one entry per source and outlet.

use marsad_model::{Analysis, Article, Fact, FactReport};
use std::collections::BTreeMap;

pub fn facts(members: &[(&Article, &Analysis)]) -> Vec<Fact> {
    let mut groups: BTreeMap<(marsad_model::LossKind, String, Option<String>), Vec<FactReport>> =
        BTreeMap::new();
    for (article, analysis) in members {
        for c in &analysis.claims {
            if c.count.is_none() {
                continue;
            }
            let reports = groups
                .entry((c.kind, c.victims.clone(), c.side.clone()))
                .or_default();
            // One entry per (source, outlet): an outlet repeating its own figure adds nothing.
            let dup = reports.iter().any(|r| {
                r.source == c.source.label
                    && r.outlet == article.outlet
                    && r.count == c.count
                    && r.article == article.id
            });
            if dup {
                continue;
            }
            reports.push(FactReport {
                count: c.count,
                qualifier: c.qualifier,
                source: c.source.label.clone(),
                source_side: c.source.side.clone(),
                article: article.id.clone(),
                outlet: article.outlet.clone(),
                span: c.span,
                text: c.text.clone(),
            });
        }
    }
    groups
        .into_iter()
        .map(|((kind, victims, side), reports)| {
            let mut counts: Vec<u64> = reports.iter().filter_map(|r| r.count).collect();
            counts.sort_unstable();
            counts.dedup();
            Fact {
                kind,
                victims,
                side,
                conflict: counts.len() > 1,
                reports,
            }
        })
        .collect()
}
