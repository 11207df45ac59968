//! Line-by-line differences between two versions of a submission. Lines are matched by
//! their combination of dimensions (the key), which is unique within a version.

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change<K, V> {
    Added(K, V),
    Removed(K, V),
    Changed { key: K, before: V, after: V },
    Unchanged(K, V),
}

impl<K, V> Change<K, V> {
    pub fn is_unchanged(&self) -> bool {
        matches!(self, Change::Unchanged(..))
    }
}

/// The changes from `before` to `after`, in key order.
pub fn diff<K: Ord + Clone, V: PartialEq + Clone>(
    before: &[(K, V)],
    after: &[(K, V)],
) -> Vec<Change<K, V>> {
    let old: BTreeMap<&K, &V> = before.iter().map(|(k, v)| (k, v)).collect();
    let new: BTreeMap<&K, &V> = after.iter().map(|(k, v)| (k, v)).collect();
    let mut keys: Vec<&K> = old.keys().chain(new.keys()).copied().collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| match (old.get(k), new.get(k)) {
            (Some(b), Some(a)) if b == a => Some(Change::Unchanged(k.clone(), (*a).clone())),
            (Some(b), Some(a)) => Some(Change::Changed {
                key: k.clone(),
                before: (*b).clone(),
                after: (*a).clone(),
            }),
            (None, Some(a)) => Some(Change::Added(k.clone(), (*a).clone())),
            (Some(b), None) => Some(Change::Removed(k.clone(), (*b).clone())),
            // Every key comes from one side or the other.
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_removed_changed_and_unchanged_lines() {
        let before = [("a", 1), ("b", 2), ("c", 3)];
        let after = [("b", 2), ("c", 4), ("d", 5)];
        assert_eq!(
            diff(&before, &after),
            vec![
                Change::Removed("a", 1),
                Change::Unchanged("b", 2),
                Change::Changed {
                    key: "c",
                    before: 3,
                    after: 4
                },
                Change::Added("d", 5),
            ]
        );
    }
}
