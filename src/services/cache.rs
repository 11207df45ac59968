//! Per-instance caches of computed results that are never stale.
//!
//! Each use first reads the database's change counter (`db::queries::changes::version`,
//! one primary-key read moved on by triggers at every committed change to the tables the
//! dashboards read). An entry is served only when it was computed at that same counter
//! value; otherwise the same service code computes it again. Several instances on one
//! database therefore never serve each other stale results, and no writer has to remember
//! to invalidate anything.
//!
//! The counter is read *before* the result is computed, so an entry is never labelled
//! newer than the data it was computed from (at worst older, which only costs a recompute).

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use crate::db::DbConnection;
use crate::error::AppResult;

/// A bounded map from a key to the result computed at one counter value.
pub struct VersionedCache<K, V> {
    entries: Mutex<HashMap<K, (i64, Arc<V>)>>,
    /// One gate per key being computed, so concurrent misses compute it once (the others
    /// wait and take the result) instead of all at once after every change.
    inflight: Mutex<HashMap<K, Arc<Mutex<()>>>>,
    capacity: usize,
}

impl<K: Eq + Hash + Clone, V> VersionedCache<K, V> {
    /// At most `capacity` entries (at least one).
    pub fn new(capacity: usize) -> Self {
        Self {
            entries: Mutex::new(HashMap::new()),
            inflight: Mutex::new(HashMap::new()),
            capacity: capacity.max(1),
        }
    }

    /// The result for `key` as of the current data: cached when nothing the dashboards read
    /// has changed since it was computed, otherwise `compute` runs (errors are not cached).
    pub fn get_or_compute(
        &self,
        conn: &mut DbConnection,
        key: K,
        compute: impl FnOnce(&mut DbConnection) -> AppResult<V>,
    ) -> AppResult<Arc<V>> {
        let version = crate::db::queries::changes::version(conn)?;
        self.at_version(version, key, || compute(conn))
    }

    /// The result for `key` computed at counter value `version`.
    fn at_version(
        &self,
        version: i64,
        key: K,
        compute: impl FnOnce() -> AppResult<V>,
    ) -> AppResult<Arc<V>> {
        if let Some(hit) = self.lookup(&key, version) {
            return Ok(hit);
        }
        let gate = match self.inflight.lock() {
            Ok(mut inflight) => Some(inflight.entry(key.clone()).or_default().clone()),
            Err(_) => None,
        };
        let guard = gate.as_ref().map(|g| g.lock());
        // Another request may have computed it while this one waited.
        let result = match self.lookup(&key, version) {
            Some(hit) => Ok(hit),
            None => compute().map(|value| {
                let value = Arc::new(value);
                self.store(key.clone(), version, value.clone());
                value
            }),
        };
        drop(guard);
        if let (Some(gate), Ok(mut inflight)) = (gate, self.inflight.lock()) {
            // The last one through removes the gate (the map holds one reference, we one).
            if inflight
                .get(&key)
                .is_some_and(|g| Arc::ptr_eq(g, &gate) && Arc::strong_count(&gate) == 2)
            {
                inflight.remove(&key);
            }
        }
        result
    }

    fn lookup(&self, key: &K, version: i64) -> Option<Arc<V>> {
        let entries = self.entries.lock().ok()?;
        match entries.get(key) {
            Some((v, value)) if *v == version => Some(value.clone()),
            _ => None,
        }
    }

    fn store(&self, key: K, version: i64, value: Arc<V>) {
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        // A slower request computed at an older counter value never replaces a newer entry.
        if entries.get(&key).is_some_and(|(v, _)| *v > version) {
            return;
        }
        if entries.len() >= self.capacity && !entries.contains_key(&key) {
            // Entries from before the latest change can never be served again.
            entries.retain(|_, (v, _)| *v >= version);
            if entries.len() >= self.capacity {
                if let Some(k) = entries.keys().next().cloned() {
                    entries.remove(&k);
                }
            }
        }
        entries.insert(key, (version, value));
    }

    /// Entries held now (for tests and diagnostics).
    pub fn len(&self) -> usize {
        self.entries.lock().map(|e| e.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bound_holds_and_older_entries_go_first() {
        let c: VersionedCache<u32, u32> = VersionedCache::new(2);
        c.store(1, 1, Arc::new(10));
        c.store(2, 1, Arc::new(20));
        c.store(3, 2, Arc::new(30));
        assert_eq!(
            c.len(),
            1,
            "both entries of version 1 are stale at version 2"
        );
        assert_eq!(c.lookup(&3, 2).as_deref(), Some(&30));
        assert_eq!(c.lookup(&3, 3), None, "another version is a miss");
        c.store(4, 2, Arc::new(40));
        c.store(5, 2, Arc::new(50));
        assert_eq!(c.len(), 2);
        assert_eq!(c.lookup(&5, 2).as_deref(), Some(&50));
    }

    #[test]
    fn concurrent_misses_compute_once() {
        let c: Arc<VersionedCache<u32, u32>> = Arc::new(VersionedCache::new(4));
        let computed = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let (c, computed) = (c.clone(), computed.clone());
                std::thread::spawn(move || {
                    c.at_version(7, 1, || {
                        computed.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(50));
                        Ok(42)
                    })
                    .map(|v| *v)
                })
            })
            .collect();
        for t in threads {
            assert_eq!(t.join().unwrap().unwrap(), 42);
        }
        assert_eq!(computed.load(std::sync::atomic::Ordering::SeqCst), 1);
        assert!(c.inflight.lock().unwrap().is_empty(), "no gate left behind");
        // A new counter value computes again; an error is not cached.
        assert!(c
            .at_version(8, 1, || Err(crate::error::AppError::NotFound))
            .is_err());
        assert_eq!(*c.at_version(8, 1, || Ok(43)).unwrap(), 43);
    }

    #[test]
    fn an_older_result_never_replaces_a_newer_one() {
        let c: VersionedCache<u32, u32> = VersionedCache::new(4);
        c.store(1, 5, Arc::new(50));
        c.store(1, 4, Arc::new(40));
        assert_eq!(c.lookup(&1, 5).as_deref(), Some(&50));
        assert_eq!(c.lookup(&1, 4), None);
    }
}
