//! The nine IOB2 tags of ANERcorp and the entity spans they encode.

use marsad_model::EntityType;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// One token's tag in the IOB2 scheme of ANERcorp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tag {
    O,
    BPers,
    IPers,
    BLoc,
    ILoc,
    BOrg,
    IOrg,
    BMisc,
    IMisc,
}

/// The kind of entity a `B-`/`I-` tag belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityClass {
    #[serde(rename = "PERS")]
    Pers,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityClass {
    pub const ALL: [EntityClass; 4] = [
        EntityClass::Pers,
        EntityClass::Loc,
        EntityClass::Org,
        EntityClass::Misc,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityClass::Pers => "PERS",
            EntityClass::Loc => "LOC",
            EntityClass::Org => "ORG",
            EntityClass::Misc => "MISC",
        }
    }

    /// The domain type of the entity; MISC has none (it is not linked).
    pub fn entity_type(self) -> Option<EntityType> {
        match self {
            EntityClass::Pers => Some(EntityType::Person),
            EntityClass::Loc => Some(EntityType::Location),
            EntityClass::Org => Some(EntityType::Organisation),
            EntityClass::Misc => None,
        }
    }
}

impl Tag {
    pub const COUNT: usize = 9;
    pub const ALL: [Tag; 9] = [
        Tag::O,
        Tag::BPers,
        Tag::IPers,
        Tag::BLoc,
        Tag::ILoc,
        Tag::BOrg,
        Tag::IOrg,
        Tag::BMisc,
        Tag::IMisc,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(i: usize) -> Tag {
        Tag::ALL[i.min(Tag::COUNT - 1)]
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Tag::O => "O",
            Tag::BPers => "B-PERS",
            Tag::IPers => "I-PERS",
            Tag::BLoc => "B-LOC",
            Tag::ILoc => "I-LOC",
            Tag::BOrg => "B-ORG",
            Tag::IOrg => "I-ORG",
            Tag::BMisc => "B-MISC",
            Tag::IMisc => "I-MISC",
        }
    }

    /// Parses `B-PERS`, `I-LOC`, `O`, ... (also `PER` for `PERS`).
    pub fn parse(s: &str) -> Option<Tag> {
        if s == "O" {
            return Some(Tag::O);
        }
        let (pos, class) = s.split_once('-')?;
        let class = match class {
            "PERS" | "PER" => EntityClass::Pers,
            "LOC" => EntityClass::Loc,
            "ORG" => EntityClass::Org,
            "MISC" | "MIS" => EntityClass::Misc,
            _ => return None,
        };
        match pos {
            "B" => Some(Tag::begin(class)),
            "I" => Some(Tag::inside(class)),
            _ => None,
        }
    }

    pub fn begin(class: EntityClass) -> Tag {
        match class {
            EntityClass::Pers => Tag::BPers,
            EntityClass::Loc => Tag::BLoc,
            EntityClass::Org => Tag::BOrg,
            EntityClass::Misc => Tag::BMisc,
        }
    }

    pub fn inside(class: EntityClass) -> Tag {
        match class {
            EntityClass::Pers => Tag::IPers,
            EntityClass::Loc => Tag::ILoc,
            EntityClass::Org => Tag::IOrg,
            EntityClass::Misc => Tag::IMisc,
        }
    }

    pub fn class(self) -> Option<EntityClass> {
        match self {
            Tag::O => None,
            Tag::BPers | Tag::IPers => Some(EntityClass::Pers),
            Tag::BLoc | Tag::ILoc => Some(EntityClass::Loc),
            Tag::BOrg | Tag::IOrg => Some(EntityClass::Org),
            Tag::BMisc | Tag::IMisc => Some(EntityClass::Misc),
        }
    }

    pub fn is_inside(self) -> bool {
        matches!(self, Tag::IPers | Tag::ILoc | Tag::IOrg | Tag::IMisc)
    }

    /// Whether `self` may follow `prev` in well-formed IOB2 (`None` = sentence start).
    pub fn may_follow(self, prev: Option<Tag>) -> bool {
        !self.is_inside() || prev.and_then(Tag::class) == self.class()
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Tag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Tag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Tag::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown NER tag {s:?}")))
    }
}

/// One entity found by the tagger: tokens `start..end` of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TokenSpan {
    pub start: usize,
    pub end: usize,
    pub class: EntityClass,
}

/// The entity spans of a tag sequence, read as CoNLL's `conlleval` reads them: an `I-X`
/// that does not continue an `X` entity starts a new one.
pub fn spans(tags: &[Tag]) -> Vec<TokenSpan> {
    let mut out: Vec<TokenSpan> = Vec::new();
    let mut open: Option<TokenSpan> = None;
    for (i, tag) in tags.iter().enumerate() {
        let continues = tag.is_inside() && open.is_some_and(|s| Some(s.class) == tag.class());
        if continues {
            if let Some(s) = open.as_mut() {
                s.end = i + 1;
            }
            continue;
        }
        out.extend(open.take());
        open = tag.class().map(|class| TokenSpan {
            start: i,
            end: i + 1,
            class,
        });
    }
    out.extend(open);
    out
}

/// Rewrites stray `I-X` tags (not after `B-X`/`I-X`) as `B-X`, so training sees IOB2.
pub fn repair_iob2(tags: &mut [Tag]) {
    let mut prev = None;
    for tag in tags.iter_mut() {
        if !tag.may_follow(prev) {
            if let Some(class) = tag.class() {
                *tag = Tag::begin(class);
            }
        }
        prev = Some(*tag);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_through_their_names() {
        for tag in Tag::ALL {
            assert_eq!(Tag::parse(tag.as_str()), Some(tag));
            assert_eq!(Tag::from_index(tag.index()), tag);
        }
        assert_eq!(Tag::parse("B-PER"), Some(Tag::BPers));
        assert_eq!(Tag::parse("X-LOC"), None);
    }

    #[test]
    fn spans_read_stray_inside_tags_as_new_entities() {
        use Tag::*;
        let tags = [BPers, IPers, O, ILoc, ILoc, BOrg, BOrg, IMisc];
        let got: Vec<_> = spans(&tags)
            .iter()
            .map(|s| (s.start, s.end, s.class.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (0, 2, "PERS"),
                (3, 5, "LOC"),
                (5, 6, "ORG"),
                (6, 7, "ORG"),
                (7, 8, "MISC")
            ]
        );
    }

    #[test]
    fn repair_makes_well_formed_iob2_with_the_same_spans() {
        use Tag::*;
        let mut tags = vec![O, ILoc, ILoc, BPers, IOrg];
        let before = spans(&tags);
        repair_iob2(&mut tags);
        assert_eq!(tags, vec![O, BLoc, ILoc, BPers, BOrg]);
        assert_eq!(spans(&tags), before);
    }
}
