//! Who may do what: the authorisation rules, in one place. The web layer's extractor
//! checks role rules on every route; services check the object-level rules below.

use super::role::Role;

/// A named capability that a route requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capability {
    /// Any logged-in user.
    Authenticated,
    /// Enter and submit one's own agency's observations.
    Report,
    /// Read dashboards (aggregated accepted data).
    ReadDashboards,
    /// Review (accept / return) submissions.
    Review,
    /// Generate report PDFs from live data.
    DraftReports,
    /// Administer users, agencies, taxonomy, periods.
    Administer,
    /// Register and edit measures (åtgärder).
    ManageMeasures,
    /// Open the knowledge notices (which notices each user sees is decided per notice by
    /// `domain::notice::may_read`).
    ReadNotices,
    /// Write knowledge notices: coordinators for their agency, analysts for the forum.
    WriteNotices,
    /// Register, edit and delete reference figures from other situation pictures.
    ManageReferences,
    /// Open the report list and published editions (which versions each user sees is
    /// decided per version: drafts only for those who compose and approve).
    ReadReports,
    /// Approve, refuse and publish report versions (never one they wrote: four eyes).
    ApproveReports,
}

impl Capability {
    pub fn allows(self, role: Role) -> bool {
        use Role::*;
        match self {
            Capability::Authenticated => true,
            Capability::Report => matches!(role, Coordinator),
            Capability::ReadDashboards => {
                matches!(role, Coordinator | Analyst | Approver | Admin)
            }
            Capability::Review => matches!(role, Analyst),
            Capability::DraftReports => matches!(role, Analyst | Approver | Admin),
            Capability::Administer => matches!(role, Admin),
            Capability::ManageMeasures => matches!(role, Analyst | Admin),
            Capability::ReadNotices => matches!(role, Coordinator | Analyst | Approver | Admin),
            Capability::WriteNotices => matches!(role, Coordinator | Analyst),
            Capability::ManageReferences => matches!(role, Analyst | Admin),
            Capability::ReadReports => true,
            Capability::ApproveReports => matches!(role, Approver),
        }
    }
}

/// The acting user, as far as the rules need to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub role: Role,
    pub agency_id: Option<i64>,
}

impl Actor {
    /// A coordinator sees and edits only their own agency's submissions; analysts and
    /// admins see all.
    pub fn may_view_submission(&self, submission_agency_id: i64) -> bool {
        match self.role {
            Role::Coordinator => self.agency_id == Some(submission_agency_id),
            Role::Analyst | Role::Admin | Role::Approver => true,
            Role::Ministry => false,
        }
    }

    pub fn may_edit_submission(&self, submission_agency_id: i64) -> bool {
        self.role == Role::Coordinator && self.agency_id == Some(submission_agency_id)
    }

    /// Nobody reviews a submission they submitted or edited themselves.
    pub fn may_review(&self, submitted_by: Option<i64>, edited_by: i64) -> bool {
        Capability::Review.allows(self.role)
            && submitted_by != Some(self.user_id)
            && edited_by != self.user_id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinators_are_scoped_to_their_agency() {
        let c = Actor {
            user_id: 1,
            role: Role::Coordinator,
            agency_id: Some(7),
        };
        assert!(c.may_edit_submission(7));
        assert!(!c.may_edit_submission(8));
        assert!(!c.may_view_submission(8));
        let m = Actor {
            user_id: 2,
            role: Role::Ministry,
            agency_id: None,
        };
        assert!(!m.may_view_submission(7));
        assert!(!Capability::Report.allows(Role::Ministry));
        assert!(!Capability::ReadDashboards.allows(Role::Ministry));
        assert!(!Capability::ReadNotices.allows(Role::Ministry));
        assert!(!Capability::WriteNotices.allows(Role::Ministry));
        assert!(!Capability::ManageReferences.allows(Role::Ministry));
    }

    #[test]
    fn notices_and_references() {
        use Role::*;
        for r in [Coordinator, Analyst, Approver, Admin] {
            assert!(Capability::ReadNotices.allows(r), "{r:?}");
        }
        assert!(Capability::WriteNotices.allows(Coordinator));
        assert!(Capability::WriteNotices.allows(Analyst));
        assert!(!Capability::WriteNotices.allows(Approver));
        assert!(!Capability::WriteNotices.allows(Admin));
        assert!(Capability::ManageReferences.allows(Analyst));
        assert!(Capability::ManageReferences.allows(Admin));
        assert!(!Capability::ManageReferences.allows(Coordinator));
        assert!(!Capability::ManageReferences.allows(Approver));
    }

    #[test]
    fn nobody_reviews_their_own_work() {
        let a = Actor {
            user_id: 3,
            role: Role::Analyst,
            agency_id: None,
        };
        assert!(a.may_review(Some(4), 4));
        assert!(!a.may_review(Some(3), 4));
        assert!(!a.may_review(Some(4), 3));
    }
}
