//! Claims found in the five seed articles, snapshotted, and scored against their gold
//! annotations as FORMAT.md scores them: precision and recall on (count, kind), and the
//! share of matched claims whose source side is right.

mod claims_support;

use claims_support::{demonym, gold_claims, seeds};
use marsad_extract::claims::extract_claims;
use marsad_model::{Claim, LossKind};

fn kind_name(k: LossKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn view(c: &Claim) -> String {
    format!(
        "{} | count {:?} {:?} {} {} side {:?} | source {} ({:?}){}",
        c.text,
        c.count,
        c.qualifier,
        kind_name(c.kind),
        c.victims,
        c.side,
        c.source.label,
        c.source.side,
        if c.vague { " | vague" } else { "" }
    )
}

#[test]
fn seed_claims_snapshot_and_score() {
    let (mut tp, mut n_pred, mut n_gold, mut side_ok) = (0usize, 0usize, 0usize, 0usize);
    for seed in seeds() {
        let cx = seed.context(&demonym);
        let claims = extract_claims(&cx);
        let lines: Vec<String> = claims.iter().map(view).collect();
        insta::assert_snapshot!(seed.name.clone(), lines.join("\n"));

        let mut gold = gold_claims(&seed.gold);
        n_gold += gold.len();
        for c in claims.iter().filter(|c| !c.vague) {
            n_pred += 1;
            let hit = gold
                .iter()
                .position(|g| {
                    Some(g.0) == c.count && g.1 == kind_name(c.kind) && g.2 == c.source.side
                })
                .or_else(|| {
                    gold.iter()
                        .position(|g| Some(g.0) == c.count && g.1 == kind_name(c.kind))
                });
            if let Some(at) = hit {
                let g = gold.remove(at);
                tp += 1;
                side_ok += usize::from(g.2 == c.source.side);
            }
        }
        for g in &gold {
            eprintln!("{}: missed {:?}", seed.name, g);
        }
    }
    let p = tp as f64 / n_pred.max(1) as f64;
    let r = tp as f64 / n_gold.max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let side = side_ok as f64 / tp.max(1) as f64;
    eprintln!("claims: P {p:.3} R {r:.3} F1 {f1:.3} source side {side:.3} (tp {tp}, pred {n_pred}, gold {n_gold})");
    assert!(f1 >= 0.7, "claims F1 {f1:.3}");
    assert!(side >= 0.75, "source side accuracy {side:.3}");
}
