//! Facet kinds, how a facet value is spelt in the index (`kind:value`), and how per-value
//! counts become the sorted lists of a [`SearchResponse`](super::SearchResponse).

use super::FacetCount;
use std::collections::BTreeMap;

/// The dimensions a search can be narrowed by, each with counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FacetKind {
    Sdg,
    Field,
    Keyword,
    Region,
    Country,
    City,
    CreativeField,
    Year,
    Language,
    Status,
}

impl FacetKind {
    pub const ALL: [FacetKind; 10] = [
        FacetKind::Sdg,
        FacetKind::Field,
        FacetKind::Keyword,
        FacetKind::Region,
        FacetKind::Country,
        FacetKind::City,
        FacetKind::CreativeField,
        FacetKind::Year,
        FacetKind::Language,
        FacetKind::Status,
    ];

    /// The kind's name in URLs and in the index.
    pub fn key(self) -> &'static str {
        match self {
            FacetKind::Sdg => "sdg",
            FacetKind::Field => "field",
            FacetKind::Keyword => "keyword",
            FacetKind::Region => "region",
            FacetKind::Country => "country",
            FacetKind::City => "city",
            FacetKind::CreativeField => "creative_field",
            FacetKind::Year => "year",
            FacetKind::Language => "language",
            FacetKind::Status => "status",
        }
    }

    pub fn parse(key: &str) -> Option<FacetKind> {
        FacetKind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// Values longer than this (in bytes) are not indexed: no real facet value is that long.
pub(crate) const MAX_VALUE_LEN: usize = 256;

/// The indexed spelling of a facet value, or `None` for a value that cannot be one (empty or
/// over-long).
pub(crate) fn encode(kind: FacetKind, value: &str) -> Option<String> {
    if value.is_empty() || value.len() > MAX_VALUE_LEN {
        return None;
    }
    let mut out = String::with_capacity(kind.key().len() + 1 + value.len());
    out.push_str(kind.key());
    out.push(':');
    out.push_str(value);
    Some(out)
}

/// The kind and value of an indexed spelling (the value may itself hold colons).
pub(crate) fn decode(encoded: &str) -> Option<(FacetKind, &str)> {
    let (key, value) = encoded.split_once(':')?;
    Some((FacetKind::parse(key)?, value))
}

/// Every facet value the index has seen, numbered; the numbers (global ids) are what the
/// per-document lists hold and what the counting collector counts.
#[derive(Debug, Clone, Default)]
pub(crate) struct FacetValues {
    values: Vec<(FacetKind, String)>,
    ids: std::collections::HashMap<String, u32>,
    /// Ids ordered by kind then value: the order of equal counts in facet lists.
    sorted: Vec<u32>,
    /// By id: its kind and its place in `sorted`.
    placed: Vec<(FacetKind, u32)>,
}

impl FacetValues {
    pub(crate) fn len(&self) -> usize {
        self.values.len()
    }

    /// The id of an indexed spelling, adding it when new; `None` for a spelling that does
    /// not decode (not written by this index).
    pub(crate) fn intern(&mut self, encoded: &str) -> Option<u32> {
        if let Some(id) = self.ids.get(encoded) {
            return Some(*id);
        }
        let (kind, value) = decode(encoded)?;
        let id = u32::try_from(self.values.len()).ok()?;
        self.values.push((kind, value.to_owned()));
        self.ids.insert(encoded.to_owned(), id);
        Some(id)
    }

    /// The kind and value of an id.
    pub(crate) fn value(&self, id: u32) -> Option<(FacetKind, &str)> {
        self.values
            .get(id as usize)
            .map(|(kind, value)| (*kind, value.as_str()))
    }

    /// The id of an indexed spelling, if the index has it.
    pub(crate) fn id(&self, encoded: &str) -> Option<u32> {
        self.ids.get(encoded).copied()
    }

    /// Orders the ids for [`FacetValues::lists`]; call after interning.
    pub(crate) fn finish(&mut self) {
        let mut sorted: Vec<u32> = (0..self.values.len() as u32).collect();
        sorted.sort_by(|a, b| self.values[*a as usize].cmp(&self.values[*b as usize]));
        let mut placed = vec![(FacetKind::Sdg, 0); sorted.len()];
        for (rank, id) in sorted.iter().enumerate() {
            placed[*id as usize] = (self.values[*id as usize].0, rank as u32);
        }
        self.sorted = sorted;
        self.placed = placed;
    }

    /// The facet lists of a response from per-id counts: every kind, its first `per_kind`
    /// values with a count, by count (descending) then value; the values of `keep` (those a
    /// search filters on) are listed too, past the first `per_kind`, when they have a count.
    pub(crate) fn lists(
        &self,
        counts: &[u32],
        per_kind: usize,
        keep: &[u32],
    ) -> BTreeMap<FacetKind, Vec<FacetCount>> {
        // Per kind, (count, place in value order) of every value with a count, read in id
        // order (the counts' own order).
        let mut by_kind: [Vec<(std::cmp::Reverse<u32>, u32)>; 10] = Default::default();
        for (count, (kind, rank)) in counts.iter().zip(&self.placed) {
            if *count > 0 {
                by_kind[kind.index()].push((std::cmp::Reverse(*count), *rank));
            }
        }
        let mut lists = BTreeMap::new();
        for kind in FacetKind::ALL {
            let mut ranked = std::mem::take(&mut by_kind[kind.index()]);
            // By count (descending), equal counts in value order: only the first `per_kind`
            // are put in order, not every city of a broad search.
            if per_kind < ranked.len() {
                ranked.select_nth_unstable(per_kind);
                let (first, rest) = ranked.split_at_mut(per_kind);
                let mut chosen = first.to_vec();
                chosen.extend(rest.iter().filter(|(_, rank)| {
                    self.sorted
                        .get(*rank as usize)
                        .is_some_and(|id| keep.contains(id))
                }));
                ranked = chosen;
            }
            ranked.sort_unstable();
            let list = ranked
                .iter()
                .filter_map(|(count, rank)| {
                    let id = *self.sorted.get(*rank as usize)?;
                    Some(FacetCount {
                        value: self.values.get(id as usize)?.1.clone(),
                        count: u64::from(count.0),
                    })
                })
                .collect();
            lists.insert(kind, list);
        }
        lists
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_are_distinct() {
        for kind in FacetKind::ALL {
            assert_eq!(FacetKind::parse(kind.key()), Some(kind));
        }
        assert_eq!(FacetKind::parse("nope"), None);
        assert_eq!(
            FacetKind::ALL.map(FacetKind::index),
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
        );
    }

    #[test]
    fn values_with_colons_decode() {
        let encoded = encode(FacetKind::Field, "culture21-actions:cultural-rights");
        assert_eq!(
            encoded.as_deref().and_then(decode),
            Some((FacetKind::Field, "culture21-actions:cultural-rights"))
        );
        assert_eq!(encode(FacetKind::City, ""), None);
        assert_eq!(
            encode(FacetKind::City, &"x".repeat(MAX_VALUE_LEN + 1)),
            None
        );
        assert_eq!(decode("planet:mars"), None);
    }

    #[test]
    fn lists_sort_by_count_then_value() {
        let mut values = FacetValues::default();
        let b = values.intern("city:b");
        let a = values.intern("city:a");
        let c = values.intern("city:c");
        let y = values.intern("year:2019");
        assert_eq!(values.intern("city:a"), a);
        values.finish();
        let mut counts = vec![0; values.len()];
        for (id, count) in [(b, 2), (a, 2), (c, 5), (y, 0)] {
            if let Some(id) = id {
                counts[id as usize] = count;
            }
        }
        let lists = values.lists(&counts, usize::MAX, &[]);
        let cities: Vec<(&str, u64)> = lists[&FacetKind::City]
            .iter()
            .map(|c| (c.value.as_str(), c.count))
            .collect();
        assert_eq!(cities, vec![("c", 5), ("a", 2), ("b", 2)]);
        assert!(lists[&FacetKind::Year].is_empty());
        let top = values.lists(&counts, 2, &[]);
        assert_eq!(top[&FacetKind::City], lists[&FacetKind::City][..2]);
        // A value filtered on stays listed past the first two; one without a count does not.
        let kept = values.lists(&counts, 1, &[b.unwrap_or(0), y.unwrap_or(0)]);
        let cities: Vec<&str> = kept[&FacetKind::City]
            .iter()
            .map(|c| c.value.as_str())
            .collect();
        assert_eq!(cities, vec!["c", "b"]);
        assert!(kept[&FacetKind::Year].is_empty());
        assert_eq!(lists.len(), FacetKind::ALL.len());
    }

    proptest::proptest! {
        /// The first `n` of a kind, and the kept values past them, are exactly what the whole
        /// ordered list holds at those places.
        #[test]
        fn a_cut_list_is_the_start_of_the_whole_one(
            counts in proptest::collection::vec(0u32..6, 1..60),
            n in 0usize..8,
            keep in proptest::collection::vec(0u32..60, 0..4),
        ) {
            let mut values = FacetValues::default();
            for i in 0..counts.len() {
                values.intern(&format!("{}:v{:02}", if i % 2 == 0 { "city" } else { "sdg" }, i));
            }
            values.finish();
            let whole = values.lists(&counts, usize::MAX, &[]);
            let cut = values.lists(&counts, n, &keep);
            for (kind, list) in &whole {
                let expected: Vec<&FacetCount> = list
                    .iter()
                    .enumerate()
                    .filter(|(rank, c)| {
                        *rank < n || keep.iter().any(|k| values.id(&format!("{}:{}", kind.key(), c.value)) == Some(*k))
                    })
                    .map(|(_, c)| c)
                    .collect();
                let got: Vec<&FacetCount> = cut[kind].iter().collect();
                proptest::prop_assert_eq!(got, expected);
            }
        }
    }
}
