//! Measures (åtgärder): law changes, control campaigns, new routines, with a status.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasureKind {
    LawChange,
    ControlCampaign,
    NewRoutine,
    Training,
    Other,
}

impl MeasureKind {
    pub const ALL: [MeasureKind; 5] = [
        Self::LawChange,
        Self::ControlCampaign,
        Self::NewRoutine,
        Self::Training,
        Self::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::LawChange => "law_change",
            Self::ControlCampaign => "control_campaign",
            Self::NewRoutine => "new_routine",
            Self::Training => "training",
            Self::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The catalogue key of the kind's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::LawChange => crate::key!("measures-kind-law-change"),
            Self::ControlCampaign => crate::key!("measures-kind-control-campaign"),
            Self::NewRoutine => crate::key!("measures-kind-new-routine"),
            Self::Training => crate::key!("measures-kind-training"),
            Self::Other => crate::key!("measures-kind-other"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasureStatus {
    Proposed,
    Decided,
    InForce,
    Ended,
    Rejected,
}

impl MeasureStatus {
    pub const ALL: [MeasureStatus; 5] = [
        Self::Proposed,
        Self::Decided,
        Self::InForce,
        Self::Ended,
        Self::Rejected,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Decided => "decided",
            Self::InForce => "in_force",
            Self::Ended => "ended",
            Self::Rejected => "rejected",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The catalogue key of the status's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::Proposed => crate::key!("measures-status-proposed"),
            Self::Decided => crate::key!("measures-status-decided"),
            Self::InForce => crate::key!("measures-status-in-force"),
            Self::Ended => crate::key!("measures-status-ended"),
            Self::Rejected => crate::key!("measures-status-rejected"),
        }
    }

    /// Whether the measure acts on the series (so it is drawn and its effect measured).
    pub fn taken(self) -> bool {
        matches!(self, Self::Decided | Self::InForce | Self::Ended)
    }
}
