//! Lifecycle states stored as text codes.

/// Status of a submission version (inrapportering).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubmissionStatus {
    Draft,
    Submitted,
    Accepted,
    Returned,
}

impl SubmissionStatus {
    pub const ALL: [Self; 4] = [Self::Draft, Self::Submitted, Self::Accepted, Self::Returned];

    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::Accepted => "accepted",
            Self::Returned => "returned",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The catalogue key of the status's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::Draft => crate::key!("submissions-status-draft"),
            Self::Submitted => crate::key!("submissions-status-submitted"),
            Self::Accepted => crate::key!("submissions-status-accepted"),
            Self::Returned => crate::key!("submissions-status-returned"),
        }
    }

    /// Whether the coordinator may still change the lines.
    pub fn editable(self) -> bool {
        matches!(self, Self::Draft | Self::Returned)
    }
}

/// Status of a reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodStatus {
    Open,
    Closed,
    Locked,
}

impl PeriodStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Closed => "closed",
            Self::Locked => "locked",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [Self::Open, Self::Closed, Self::Locked]
            .into_iter()
            .find(|s| s.code() == code)
    }

    /// The catalogue key of the status's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::Open => crate::key!("submissions-period-open"),
            Self::Closed => crate::key!("submissions-period-closed"),
            Self::Locked => crate::key!("submissions-period-locked"),
        }
    }
}
