//! The audit log's hash chain: every record carries the SHA-256 of its predecessor, so an
//! edited, inserted or deleted record breaks the chain at that point.
//!
//! A record's hash is `hex(SHA-256(canonical(record)))`, where the canonical serialisation
//! (format [`FORMAT`], version 1) is the compact JSON array
//!
//! ```text
//! ["lagesbild-audit-v1", id, "YYYY-MM-DDTHH:MM:SS.ffffffZ", actor_user_id, actor, action,
//!  entity, entity_id, detail, prev_hash]
//! ```
//!
//! with `null` for absent values, the timestamp in UTC with exactly six fractional digits,
//! and strings escaped as serde_json does (deterministic: only `"`, `\` and control
//! characters are escaped, everything else is UTF-8 as is). The first record's `prev_hash`
//! is [`GENESIS`] (64 zeros). A new format gets a new version string; records keep the
//! format they were sealed with.
//!
//! The chain proves that nothing was changed *without recomputing the hashes after it*. It
//! has no secret, so someone who can write the database can rebuild the whole chain; the
//! head hash that `lagesbild audit verify` prints can be noted elsewhere to catch that.

use chrono::{NaiveDateTime, SubsecRound};
use sha2::{Digest, Sha256};

use super::message::Msg;

/// The serialisation's name and version, the first element of every canonical form.
pub const FORMAT: &str = "lagesbild-audit-v1";

/// The `prev_hash` of the first record.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One record's chained fields, borrowed.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    pub id: i64,
    pub at: NaiveDateTime,
    pub actor_user_id: Option<i64>,
    pub actor: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<&'a str>,
    pub detail: Option<&'a str>,
}

/// The instant as it is stored and hashed: whole microseconds (PostgreSQL keeps no more,
/// and would round rather than cut).
pub fn stored_instant(at: NaiveDateTime) -> NaiveDateTime {
    at.trunc_subsecs(6)
}

/// The fixed timestamp format of the canonical form.
pub fn timestamp(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// The canonical serialisation of a record that follows `prev_hash`.
pub fn canonical(r: &Record<'_>, prev_hash: &str) -> String {
    serde_json::to_string(&(
        FORMAT,
        r.id,
        timestamp(r.at),
        r.actor_user_id,
        r.actor,
        r.action,
        r.entity,
        r.entity_id,
        r.detail,
        prev_hash,
    ))
    .expect("a tuple of strings and integers always serialises")
}

/// The record's hash: lower-case hex SHA-256 of [`canonical`].
pub fn hash(r: &Record<'_>, prev_hash: &str) -> String {
    hex::encode(Sha256::digest(canonical(r, prev_hash).as_bytes()))
}

/// Why the chain breaks at a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakKind {
    /// The stored hash is not the hash of the record's content: the record was changed.
    HashMismatch,
    /// The record does not point at the record before it: a record in between was
    /// deleted or inserted, or the previous one was changed and re-hashed.
    PrevHashMismatch,
    /// The record has no hash (or no prev_hash) at all.
    MissingHash,
}

impl BreakKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::HashMismatch => "hash_mismatch",
            Self::PrevHashMismatch => "prev_hash_mismatch",
            Self::MissingHash => "missing_hash",
        }
    }
}

/// The first broken link: the record at which the chain stops holding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    pub id: i64,
    pub kind: BreakKind,
    /// The record before it in id order (`None`: it is the first record).
    pub previous_id: Option<i64>,
}

impl Broken {
    /// What is wrong, for the command line and the admin page.
    pub fn describe(&self) -> Msg {
        // Record ids as text: an id is a name, not a quantity to group by thousands.
        let previous = match self.previous_id {
            Some(p) => Msg::new("admin-audit-break-record").arg("id", p.to_string()),
            None => Msg::new("admin-audit-break-start"),
        };
        match self.kind {
            BreakKind::HashMismatch => Msg::new("admin-audit-break-hash"),
            BreakKind::PrevHashMismatch => {
                Msg::new("admin-audit-break-prev-hash").arg("previous", previous)
            }
            BreakKind::MissingHash => Msg::new("admin-audit-break-missing-hash"),
        }
        .arg("id", self.id.to_string())
    }
}

/// Walks a chain record by record in id order and stops at the first broken link.
#[derive(Debug, Clone)]
pub struct Verifier {
    expected_prev: String,
    previous_id: Option<i64>,
    checked: u64,
}

impl Default for Verifier {
    fn default() -> Self {
        Self {
            expected_prev: GENESIS.to_string(),
            previous_id: None,
            checked: 0,
        }
    }
}

impl Verifier {
    pub fn new() -> Self {
        Self::default()
    }

    /// Checks the next record (ids ascending). A record that passes becomes the one the
    /// next must point at.
    pub fn check(
        &mut self,
        r: &Record<'_>,
        prev_hash: Option<&str>,
        stored_hash: Option<&str>,
    ) -> Result<(), Broken> {
        let broken = |kind| Broken {
            id: r.id,
            kind,
            previous_id: self.previous_id,
        };
        let (Some(prev_hash), Some(stored_hash)) = (prev_hash, stored_hash) else {
            return Err(broken(BreakKind::MissingHash));
        };
        if prev_hash != self.expected_prev {
            return Err(broken(BreakKind::PrevHashMismatch));
        }
        if hash(r, prev_hash) != stored_hash {
            return Err(broken(BreakKind::HashMismatch));
        }
        self.expected_prev = stored_hash.to_string();
        self.previous_id = Some(r.id);
        self.checked += 1;
        Ok(())
    }

    /// Records that passed.
    pub fn checked(&self) -> u64 {
        self.checked
    }

    /// The last record that passed and its hash: the head of the intact chain.
    pub fn head(&self) -> Option<(i64, &str)> {
        self.previous_id.map(|id| (id, self.expected_prev.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 28)
            .unwrap()
            .and_hms_nano_opt(9, 5, 7, 123_456_789)
            .unwrap()
    }

    fn rec(id: i64, detail: Option<&str>) -> Record<'_> {
        Record {
            id,
            at: stored_instant(at()),
            actor_user_id: Some(3),
            actor: "anna",
            action: "submission_accepted",
            entity: "submission",
            entity_id: Some("12"),
            detail,
        }
    }

    #[test]
    fn the_canonical_form_is_fixed() {
        assert_eq!(
            canonical(&rec(7, Some("version \"2\"")), GENESIS),
            format!(
                r#"["lagesbild-audit-v1",7,"2026-11-28T09:05:07.123456Z",3,"anna","submission_accepted","submission","12","version \"2\"","{GENESIS}"]"#
            )
        );
        let mut r = rec(1, None);
        r.actor_user_id = None;
        r.entity_id = None;
        assert!(canonical(&r, "ab").contains(r#","submission",null,null,"ab"]"#));
        // Pinned: changing the format without a new version string breaks old chains.
        assert_eq!(
            hash(&rec(7, Some("x")), GENESIS),
            hex::encode(Sha256::digest(canonical(&rec(7, Some("x")), GENESIS)))
        );
        assert_eq!(hash(&rec(7, Some("x")), GENESIS).len(), 64);
    }

    #[test]
    fn every_field_changes_the_hash() {
        let base = rec(7, Some("x"));
        let h = hash(&base, GENESIS);
        let variants = [
            Record { id: 8, ..base },
            Record {
                at: base.at + chrono::Duration::microseconds(1),
                ..base
            },
            Record {
                actor_user_id: None,
                ..base
            },
            Record {
                actor: "anne",
                ..base
            },
            Record {
                action: "submission_returned",
                ..base
            },
            Record {
                entity: "measure",
                ..base
            },
            Record {
                entity_id: None,
                ..base
            },
            Record {
                detail: Some("y"),
                ..base
            },
            Record {
                detail: None,
                ..base
            },
        ];
        for v in &variants {
            assert_ne!(hash(v, GENESIS), h, "{v:?}");
        }
        assert_ne!(hash(&base, &"1".repeat(64)), h);
        // Field boundaries are unambiguous: moving text between fields changes the hash.
        let a = Record {
            actor: "ab",
            action: "c",
            ..base
        };
        let b = Record {
            actor: "a",
            action: "bc",
            ..base
        };
        assert_ne!(hash(&a, GENESIS), hash(&b, GENESIS));
    }

    #[test]
    fn stored_instants_have_whole_microseconds() {
        assert_eq!(
            timestamp(stored_instant(at())),
            "2026-11-28T09:05:07.123456Z"
        );
        assert_eq!(stored_instant(stored_instant(at())), stored_instant(at()));
    }

    /// A chain of `n` records as (record, prev_hash, hash).
    fn chain(details: &[String]) -> Vec<(Record<'_>, String, String)> {
        let mut prev = GENESIS.to_string();
        details
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let r = rec(i as i64 + 1, Some(d.as_str()));
                let h = hash(&r, &prev);
                let out = (r, prev.clone(), h.clone());
                prev = h;
                out
            })
            .collect()
    }

    fn verify(rows: &[(Record<'_>, String, String)]) -> Result<u64, Broken> {
        let mut v = Verifier::new();
        for (r, p, h) in rows {
            v.check(r, Some(p), Some(h))?;
        }
        Ok(v.checked())
    }

    #[test]
    fn an_intact_chain_verifies_and_reports_its_head() {
        let details: Vec<String> = (0..5).map(|i| format!("d{i}")).collect();
        let rows = chain(&details);
        assert_eq!(verify(&rows), Ok(5));
        let mut v = Verifier::new();
        assert_eq!(v.head(), None);
        for (r, p, h) in &rows {
            v.check(r, Some(p), Some(h)).unwrap();
        }
        assert_eq!(v.head(), Some((5, rows[4].2.as_str())));
    }

    #[test]
    fn an_edited_record_is_a_hash_mismatch_at_that_record() {
        let details: Vec<String> = (0..5).map(|i| format!("d{i}")).collect();
        let mut rows = chain(&details);
        rows[2].0.detail = Some("ändrad");
        assert_eq!(
            verify(&rows),
            Err(Broken {
                id: 3,
                kind: BreakKind::HashMismatch,
                previous_id: Some(2)
            })
        );
        // Re-hashing the edited record moves the break to the next one.
        rows[2].2 = hash(&rows[2].0, &rows[2].1);
        assert_eq!(verify(&rows).unwrap_err().id, 4);
        assert_eq!(verify(&rows).unwrap_err().kind, BreakKind::PrevHashMismatch);
    }

    #[test]
    fn a_deleted_record_breaks_the_link_of_the_next() {
        let details: Vec<String> = (0..5).map(|i| format!("d{i}")).collect();
        let mut rows = chain(&details);
        rows.remove(1);
        assert_eq!(
            verify(&rows),
            Err(Broken {
                id: 3,
                kind: BreakKind::PrevHashMismatch,
                previous_id: Some(1)
            })
        );
        let mut rows = chain(&details);
        rows.remove(0);
        assert_eq!(verify(&rows).unwrap_err().previous_id, None);
    }

    #[test]
    fn a_missing_hash_is_reported() {
        let details: Vec<String> = (0..3).map(|i| format!("d{i}")).collect();
        let rows = chain(&details);
        let mut v = Verifier::new();
        v.check(&rows[0].0, Some(&rows[0].1), Some(&rows[0].2))
            .unwrap();
        let err = v.check(&rows[1].0, Some(&rows[1].1), None).unwrap_err();
        assert_eq!(err.kind, BreakKind::MissingHash);
        assert!(err.describe().text_sv().contains("post 2"));
        assert_eq!(v.checked(), 1);
    }
}
