//! User roles (roller).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Samordnare: enters and submits their own agency's observations.
    Coordinator,
    /// Analytiker / strateg: reads everything, reviews submissions, drafts reports.
    Analyst,
    /// Beslutsfattare: approves and publishes reports (never their own).
    Approver,
    /// Departementsläsare: reads published reports only.
    Ministry,
    /// Administratör: users, agencies, taxonomy, periods.
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Coordinator,
        Role::Analyst,
        Role::Approver,
        Role::Ministry,
        Role::Admin,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Coordinator => "coordinator",
            Role::Analyst => "analyst",
            Role::Approver => "approver",
            Role::Ministry => "ministry",
            Role::Admin => "admin",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code.trim())
    }

    /// The catalogue key of the role's name.
    pub fn key(self) -> &'static str {
        match self {
            Role::Coordinator => crate::key!("role-coordinator"),
            Role::Analyst => crate::key!("role-analyst"),
            Role::Approver => crate::key!("role-approver"),
            Role::Ministry => crate::key!("role-ministry"),
            Role::Admin => crate::key!("role-admin"),
        }
    }

    /// Whether users of this role belong to an agency.
    pub fn needs_agency(self) -> bool {
        matches!(self, Role::Coordinator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.code()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
