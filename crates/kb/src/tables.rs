//! The KB's word-keyed tables. The reader asks them of nearly every word of a text, so
//! they are [`WordMap`]s (keys inline, no pointer to follow); values that are not small
//! `Copy` data live in a dense vector the map indexes.

use crate::EntityRef;
use marsad_text::WordMap;

/// Values of any type by word key: the map gives the index of the value.
#[derive(Debug, Clone)]
pub(crate) struct Indexed<T> {
    index: WordMap<u32>,
    values: Vec<T>,
}

impl<T> Default for Indexed<T> {
    fn default() -> Self {
        Indexed {
            index: WordMap::new(),
            values: Vec::new(),
        }
    }
}

impl<T> Indexed<T> {
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<&T> {
        let &i = self.index.get(key)?;
        self.values.get(i as usize)
    }

    #[inline]
    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.index.contains_key(key)
    }

    /// Every key of the table.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.index.iter().map(|(k, _)| k)
    }

    /// Sets the value of `key` (a later value replaces an earlier one).
    pub(crate) fn insert(&mut self, key: &str, value: T) {
        match self.index.get(key) {
            Some(&i) => self.values[i as usize] = value,
            None => {
                self.index.insert(key, self.values.len() as u32);
                self.values.push(value);
            }
        }
    }

    /// The value of `key`, a default one added first when there is none.
    pub(crate) fn get_or_insert_default(&mut self, key: &str) -> &mut T
    where
        T: Default,
    {
        let i = match self.index.get(key) {
            Some(&i) => i as usize,
            None => {
                self.index.insert(key, self.values.len() as u32);
                self.values.push(T::default());
                self.values.len() - 1
            }
        };
        &mut self.values[i]
    }
}

impl<K: AsRef<str>, T> FromIterator<(K, T)> for Indexed<T> {
    fn from_iter<I: IntoIterator<Item = (K, T)>>(iter: I) -> Self {
        let mut table = Indexed::default();
        for (k, v) in iter {
            table.insert(k.as_ref(), v);
        }
        table
    }
}

/// Entities by a key, most important first.
pub(crate) type RefTable = Indexed<Vec<EntityRef>>;

impl RefTable {
    /// The entities under `key` (none: empty).
    #[inline]
    pub(crate) fn refs(&self, key: &str) -> &[EntityRef] {
        self.get(key).map_or(&[], Vec::as_slice)
    }

    /// Adds `r` under `key` unless it is there already.
    pub(crate) fn push(&mut self, key: &str, r: EntityRef) {
        let refs = self.get_or_insert_default(key);
        if !refs.contains(&r) {
            refs.push(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EntityClass;
    use marsad_model::EntityType;

    fn place(index: u32) -> EntityRef {
        EntityRef {
            index,
            kind: EntityType::Location,
            class: EntityClass::City,
        }
    }

    #[test]
    fn refs_keep_their_order_and_no_duplicates() {
        let mut t = RefTable::default();
        let long = "جمهورية الكونغو الديمقراطية";
        for (k, i) in [("غزه", 3), ("غزه", 1), (long, 2), ("غزه", 3)] {
            t.push(k, place(i));
        }
        assert_eq!(t.refs("غزه"), [place(3), place(1)]);
        assert_eq!(t.refs(long), [place(2)]);
        assert!(t.refs("عزه").is_empty());
    }

    #[test]
    fn a_later_value_replaces_an_earlier_one() {
        let t: Indexed<&str> = [("روسي", "RU"), ("اذري", "AZ"), ("روسي", "BY")]
            .into_iter()
            .collect();
        assert_eq!(t.get("روسي"), Some(&"BY"));
        assert_eq!(t.get("اذري"), Some(&"AZ"));
        assert!(!t.contains_key("ارميني"));
    }
}
