//! Printing an article with its annotations for a terminal: the body with mentions
//! bracketed, then every item with its byte span so a reader can find where it came from.

use marsad_model::{Analysis, Article};
use std::collections::HashMap;

pub fn print_read(article: &Article, analysis: &Analysis) {
    let labels: HashMap<&str, &str> = analysis
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.label.as_str()))
        .collect();
    let label = |id: &str| labels.get(id).copied().unwrap_or(id).to_string();
    println!("{}  {}", article.id, article.title.as_deref().unwrap_or(""));
    println!(
        "{} · {}",
        article.outlet.as_deref().unwrap_or("-"),
        article.published.as_deref().unwrap_or("-")
    );
    println!();
    println!("{}", bracket_mentions(&article.body, analysis));
    println!("\nMentions ({})", analysis.mentions.len());
    for m in &analysis.mentions {
        println!(
            "  {:>6}..{:<6} {} {:<28} → {}",
            m.span.start,
            m.span.end,
            m.kind.as_str(),
            m.text,
            label(&m.entity)
        );
    }
    println!("\nTimes ({})", analysis.times.len());
    for t in &analysis.times {
        println!(
            "  {:>6}..{:<6} {:<22} {}",
            t.span.start, t.span.end, t.value, t.text
        );
    }
    println!("\nClaims ({})", analysis.claims.len());
    for c in &analysis.claims {
        println!(
            "  {:>6}..{:<6} {} {:?} {:?} {} (side {}) — source {} (side {})  «{}»",
            c.span.start,
            c.span.end,
            c.count
                .map(|n| n.to_string())
                .unwrap_or_else(|| "vague".into()),
            c.qualifier,
            c.kind,
            c.victims,
            c.side.as_deref().unwrap_or("-"),
            c.source.label,
            c.source.side.as_deref().unwrap_or("-"),
            c.text
        );
    }
    println!("\nEvents ({})", analysis.events.len());
    for e in &analysis.events {
        let actors: Vec<String> = e.actors.iter().map(|a| a.label.clone()).collect();
        println!(
            "  {:>6}..{:<6} {} {} actors [{}] target {} date {} place {}{}  «{}»",
            e.span.start,
            e.span.end,
            e.kind,
            e.mode.as_deref().unwrap_or("-"),
            actors.join(", "),
            e.target.as_ref().map(|a| a.label.as_str()).unwrap_or("-"),
            e.date.as_deref().unwrap_or("-"),
            e.location.as_ref().map(|p| p.label.as_str()).unwrap_or("-"),
            if e.background { " (background)" } else { "" },
            e.span.slice(&article.body).unwrap_or("")
        );
    }
}

/// The body with each mention written as `[text]`; mentions are flat, so spans do not
/// nest, but a span that does not fit the body is skipped rather than trusted.
fn bracket_mentions(body: &str, analysis: &Analysis) -> String {
    let mut spans: Vec<_> = analysis.mentions.iter().map(|m| m.span).collect();
    spans.sort();
    let mut out = String::with_capacity(body.len() + spans.len() * 4);
    let mut at = 0;
    for s in spans {
        if s.start < at || body.get(s.start..s.end).is_none() {
            continue;
        }
        out.push_str(&body[at..s.start]);
        out.push('[');
        out.push_str(&body[s.start..s.end]);
        out.push(']');
        at = s.end;
    }
    out.push_str(&body[at..]);
    out
}
