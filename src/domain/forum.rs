//! The Operational ID Forum (Operativt ID-forum): rotation of the convening agency and
//! follow-up points. Pure rules.

use chrono::NaiveDate;

/// The agency that should convene next: the one after the previous convener in the
/// rotation order, wrapping round; the first in the order when there is no previous
/// meeting or the previous convener is not in the rotation.
pub fn propose_convener(rotation: &[i64], previous: Option<i64>) -> Option<i64> {
    let first = rotation.first().copied();
    match previous.and_then(|p| rotation.iter().position(|a| *a == p)) {
        Some(i) => rotation.get((i + 1) % rotation.len()).copied(),
        None => first,
    }
}

/// Status of a follow-up point (uppföljningspunkt).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowupStatus {
    Open,
    InProgress,
    Done,
}

impl FollowupStatus {
    pub const ALL: [FollowupStatus; 3] = [Self::Open, Self::InProgress, Self::Done];

    pub fn code(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::InProgress => "in_progress",
            Self::Done => "done",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The catalogue key of the status's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::Open => crate::key!("forum-followup-open"),
            Self::InProgress => crate::key!("forum-followup-in-progress"),
            Self::Done => crate::key!("forum-followup-done"),
        }
    }
}

/// A follow-up is overdue when it is not done and its due date has passed.
pub fn is_overdue(status: FollowupStatus, due: Option<NaiveDate>, today: NaiveDate) -> bool {
    status != FollowupStatus::Done && due.is_some_and(|d| d < today)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotation_proposes_the_next_agency_and_wraps() {
        let order = [10, 20, 30];
        assert_eq!(propose_convener(&order, None), Some(10));
        assert_eq!(propose_convener(&order, Some(10)), Some(20));
        assert_eq!(propose_convener(&order, Some(30)), Some(10));
        assert_eq!(
            propose_convener(&order, Some(99)),
            Some(10),
            "an override outside the rotation restarts it"
        );
        assert_eq!(propose_convener(&[], Some(10)), None);
    }

    #[test]
    fn overdue_means_not_done_and_past_due() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(is_overdue(
            FollowupStatus::Open,
            Some(d("2026-01-01")),
            d("2026-02-01")
        ));
        assert!(!is_overdue(
            FollowupStatus::Done,
            Some(d("2026-01-01")),
            d("2026-02-01")
        ));
        assert!(!is_overdue(
            FollowupStatus::InProgress,
            None,
            d("2026-02-01")
        ));
        assert!(!is_overdue(
            FollowupStatus::Open,
            Some(d("2026-02-01")),
            d("2026-02-01")
        ));
    }
}
