//! Shows the boilerplate decision for every line of a text on stdin:
//! `cargo run -p marsad-ingest --example furniture < article.txt`
use std::io::Read;

fn main() {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("stdin is not UTF-8 text");
        return;
    }
    let lines: Vec<marsad_ingest::boilerplate::Line> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(marsad_ingest::boilerplate::Line::plain)
        .collect();
    for (line, mark) in lines
        .iter()
        .zip(marsad_ingest::boilerplate::classify(&lines))
    {
        let mark = mark.map(|m| format!("{m:?}")).unwrap_or_default();
        println!(
            "{mark:>16} | {}",
            line.text.chars().take(100).collect::<String>()
        );
    }
}
