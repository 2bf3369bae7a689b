//! Reading CoNLL NER files: `token TAG` per line, a blank line between sentences.

use super::tag::Tag;
use super::NerError;
use std::path::Path;

/// One annotated sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub tags: Vec<Tag>,
}

/// Parses CoNLL text; `origin` names the source in errors.
pub fn parse_conll(text: &str, origin: &str) -> Result<Vec<Sentence>, NerError> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        tokens: Vec::new(),
        tags: Vec::new(),
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        tokens: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let bad = || NerError::Corpus {
            origin: origin.to_string(),
            line: n + 1,
            text: line.to_string(),
        };
        let (token, tag) = line.rsplit_once([' ', '\t']).ok_or_else(bad)?;
        let tag = Tag::parse(tag.trim()).ok_or_else(bad)?;
        cur.tokens.push(token.trim().to_string());
        cur.tags.push(tag);
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Reads and parses one CoNLL file.
pub fn read_conll(path: &Path) -> Result<Vec<Sentence>, NerError> {
    let text = std::fs::read_to_string(path).map_err(|e| NerError::io(path, e))?;
    parse_conll(&text, &path.display().to_string())
}

/// The dev split used for every reported score: the last `fraction` of the sentences,
/// in order (like the sequential official split).
pub fn dev_split(sentences: &[Sentence], fraction: f64) -> &[Sentence] {
    let n_dev = ((sentences.len() as f64) * fraction.clamp(0.0, 0.9)).round() as usize;
    &sentences[sentences.len() - n_dev..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_blank_lines_and_bad_tags_are_errors() {
        let s = parse_conll("أعلن O\nاتحاد B-ORG\n\nفي O\nألمانيا B-LOC\n", "t").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].tags, vec![Tag::O, Tag::BLoc]);
        let err = parse_conll("أعلن O\nاتحاد B-XYZ\n", "t").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
