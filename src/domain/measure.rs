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

    pub fn label_sv(self) -> &'static str {
        match self {
            Self::LawChange => "Lagändring",
            Self::ControlCampaign => "Kontrollinsats",
            Self::NewRoutine => "Ny rutin",
            Self::Training => "Utbildning",
            Self::Other => "Övrigt",
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

    pub fn label_sv(self) -> &'static str {
        match self {
            Self::Proposed => "Föreslagen",
            Self::Decided => "Beslutad",
            Self::InForce => "Gäller",
            Self::Ended => "Avslutad",
            Self::Rejected => "Avslagen",
        }
    }

    /// Whether the measure acts on the series (so it is drawn and its effect measured).
    pub fn taken(self) -> bool {
        matches!(self, Self::Decided | Self::InForce | Self::Ended)
    }
}
