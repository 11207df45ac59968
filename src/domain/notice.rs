//! Knowledge notices (kunskapsnotiser): short structured notices that an agency or the
//! Operational ID Forum shares with the others — a new kind of document fraud, a modus
//! operandi, a risk indicator, a vulnerability or a good practice. Pure types and rules:
//! the kinds, the TLP-style distribution marking, the lifecycle, validation of the form,
//! and who may read, edit and review a notice.
//!
//! # Who may read a notice ([`may_read`])
//!
//! The rule is decided here, once, and every list, page and service call goes through it:
//!
//! 1. The **ministry** role (departementsläsare) sees no notices in the application. Notices
//!    reach ministry readers only through a published report, and the report includes
//!    only notices whose marking it allows ([`allowed_in_report`]).
//! 2. A **coordinator of the issuing agency** always sees the agency's own notices, in
//!    every status and with every marking (they are the authors).
//! 3. A notice that is **not approved** (draft, submitted, returned) is visible, besides
//!    to its agency, only to **analysts** (who review). Approvers and admins do not see
//!    unapproved notices; neither do other agencies.
//! 4. An **approved** notice marked **CLEAR** or **GREEN** is visible to every role that
//!    reads dashboards: coordinators of all agencies, analysts, approvers and admins.
//! 5. An **approved** notice marked **AMBER** is visible only to the ID-center (analysts,
//!    approvers, admins) and to the issuing agency (rule 2). A forum notice has no issuing
//!    agency, so AMBER forum notices stay within the ID-center.
//!
//! Markings follow the Traffic Light Protocol: CLEAR (no limit), GREEN (the community:
//! all agencies in Lägesbild), AMBER (the ID-center and the issuing organisation only).

use chrono::NaiveDate;

use super::message::Msg;
use super::role::Role;
use super::taxonomy::{Dimension, Taxonomy};
use super::validation::FieldError;

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 4000;
pub use super::validation::MAX_COMMENT_CHARS;

/// The taxonomy dimensions a notice may be linked to.
pub const LINK_DIMENSIONS: [Dimension; 3] = [
    Dimension::MisuseType,
    Dimension::DocumentType,
    Dimension::ChainStage,
];

/// What a notice is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoticeKind {
    NewFraudType,
    ModusOperandi,
    RiskIndicator,
    Vulnerability,
    GoodPractice,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 5] = [
        NoticeKind::NewFraudType,
        NoticeKind::ModusOperandi,
        NoticeKind::RiskIndicator,
        NoticeKind::Vulnerability,
        NoticeKind::GoodPractice,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::NewFraudType => "new_fraud_type",
            Self::ModusOperandi => "modus_operandi",
            Self::RiskIndicator => "risk_indicator",
            Self::Vulnerability => "vulnerability",
            Self::GoodPractice => "good_practice",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code.trim())
    }

    /// The catalogue key of the kind's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::NewFraudType => crate::key!("notices-kind-new-fraud-type"),
            Self::ModusOperandi => crate::key!("notices-kind-modus-operandi"),
            Self::RiskIndicator => crate::key!("notices-kind-risk-indicator"),
            Self::Vulnerability => crate::key!("notices-kind-vulnerability"),
            Self::GoodPractice => crate::key!("notices-kind-good-practice"),
        }
    }
}

/// The distribution marking (TLP-style), from least to most restrictive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Marking {
    Clear,
    Green,
    Amber,
}

impl Marking {
    pub const ALL: [Marking; 3] = [Marking::Clear, Marking::Green, Marking::Amber];

    pub fn code(self) -> &'static str {
        match self {
            Self::Clear => "CLEAR",
            Self::Green => "GREEN",
            Self::Amber => "AMBER",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        let c = code.trim();
        Self::ALL
            .into_iter()
            .find(|m| m.code().eq_ignore_ascii_case(c))
    }

    /// The label, e.g. "TLP:GREEN".
    pub fn label(self) -> String {
        format!("TLP:{}", self.code())
    }

    /// The catalogue key of who may receive it, in plain words.
    pub fn audience_key(self) -> &'static str {
        match self {
            Self::Clear => crate::key!("notices-marking-clear-audience"),
            Self::Green => crate::key!("notices-marking-green-audience"),
            Self::Amber => crate::key!("notices-marking-amber-audience"),
        }
    }
}

/// Whether a report distributed at `report_level` may include a notice marked `marking`:
/// a report carries notices of its own level or less restrictive ones. A report for a
/// wide audience (CLEAR) carries only CLEAR notices; an AMBER report carries all.
pub fn allowed_in_report(marking: Marking, report_level: Marking) -> bool {
    marking <= report_level
}

/// The markings a report at `report_level` may include (for queries).
pub fn markings_allowed_in_report(report_level: Marking) -> Vec<Marking> {
    Marking::ALL
        .into_iter()
        .filter(|m| allowed_in_report(*m, report_level))
        .collect()
}

/// Where a notice is in its lifecycle: draft → submitted → approved, or returned (with a
/// comment) → edited → submitted again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoticeStatus {
    Draft,
    Submitted,
    Approved,
    Returned,
}

impl NoticeStatus {
    pub const ALL: [NoticeStatus; 4] = [
        NoticeStatus::Draft,
        NoticeStatus::Submitted,
        NoticeStatus::Approved,
        NoticeStatus::Returned,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::Approved => "approved",
            Self::Returned => "returned",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    /// The catalogue key of the status's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::Draft => crate::key!("notices-status-draft"),
            Self::Submitted => crate::key!("notices-status-submitted"),
            Self::Approved => crate::key!("notices-status-approved"),
            Self::Returned => crate::key!("notices-status-returned"),
        }
    }

    /// Whether the author may still change the notice and (re)submit it.
    pub fn editable(self) -> bool {
        matches!(self, Self::Draft | Self::Returned)
    }
}

/// Who issues a notice: an agency (its coordinators) or the Operational ID Forum (on
/// whose behalf analysts write).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Issuer {
    Agency(i64),
    Forum,
}

impl Issuer {
    pub const SOURCE_AGENCY: &'static str = "agency";
    pub const SOURCE_FORUM: &'static str = "forum";

    pub fn source(self) -> &'static str {
        match self {
            Self::Agency(_) => Self::SOURCE_AGENCY,
            Self::Forum => Self::SOURCE_FORUM,
        }
    }

    pub fn agency_id(self) -> Option<i64> {
        match self {
            Self::Agency(id) => Some(id),
            Self::Forum => None,
        }
    }

    /// From the stored columns; `None` for an inconsistent row.
    pub fn from_stored(source: &str, agency_id: Option<i64>) -> Option<Self> {
        match (source, agency_id) {
            (Self::SOURCE_AGENCY, Some(id)) => Some(Self::Agency(id)),
            (Self::SOURCE_FORUM, None) => Some(Self::Forum),
            _ => None,
        }
    }
}

/// Who is looking: the role and, for coordinators, their agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewer {
    pub user_id: i64,
    pub role: Role,
    pub agency_id: Option<i64>,
}

/// What the access rules need to know about a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoticeFacts {
    pub status: NoticeStatus,
    pub marking: Marking,
    pub issuer: Issuer,
    pub created_by: i64,
    pub edited_by: i64,
    pub submitted_by: Option<i64>,
}

impl Viewer {
    fn is_issuing_coordinator(&self, issuer: Issuer) -> bool {
        self.role == Role::Coordinator
            && matches!(issuer, Issuer::Agency(a) if self.agency_id == Some(a))
    }
}

/// Whether `viewer` may read the notice. The one rule; see the module documentation.
pub fn may_read(viewer: &Viewer, notice: &NoticeFacts) -> bool {
    if viewer.role == Role::Ministry {
        return false;
    }
    if viewer.is_issuing_coordinator(notice.issuer) {
        return true;
    }
    if notice.status != NoticeStatus::Approved {
        return viewer.role == Role::Analyst;
    }
    match notice.marking {
        Marking::Clear | Marking::Green => matches!(
            viewer.role,
            Role::Coordinator | Role::Analyst | Role::Approver | Role::Admin
        ),
        Marking::Amber => matches!(viewer.role, Role::Analyst | Role::Approver | Role::Admin),
    }
}

/// Who may write notices, and as which issuer: a coordinator for their own agency, an
/// analyst on behalf of the forum. Others write none.
pub fn issuer_for(viewer: &Viewer) -> Option<Issuer> {
    match viewer.role {
        Role::Coordinator => viewer.agency_id.map(Issuer::Agency),
        Role::Analyst => Some(Issuer::Forum),
        _ => None,
    }
}

/// Whether `viewer` may change the notice's content and submit it: the issuer's writers
/// (coordinators of the agency; analysts for forum notices), while it is a draft or
/// returned.
pub fn may_edit(viewer: &Viewer, notice: &NoticeFacts) -> bool {
    notice.status.editable() && issuer_for(viewer) == Some(notice.issuer)
}

/// Whether `viewer` may approve or return the notice: an analyst who neither wrote,
/// edited nor submitted it (four eyes), while it is submitted.
pub fn may_review(viewer: &Viewer, notice: &NoticeFacts) -> bool {
    viewer.role == Role::Analyst
        && notice.status == NoticeStatus::Submitted
        && notice.created_by != viewer.user_id
        && notice.edited_by != viewer.user_id
        && notice.submitted_by != Some(viewer.user_id)
}

/// The notice form as it arrives: every value optional text; links as (dimension, code).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoticeInput {
    pub kind: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub marking: Option<String>,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    pub links: Vec<(String, String)>,
}

/// A validated, screened notice, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidNotice {
    pub kind: NoticeKind,
    pub title: String,
    pub description: String,
    pub marking: Marking,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    /// Sorted and without duplicates.
    pub links: Vec<(Dimension, String)>,
}

impl ValidNotice {
    /// The text that search matches against: title and description, lower-cased in Rust so
    /// that å, ä, ö (and every other letter) fold the same on SQLite and PostgreSQL.
    pub fn search_text(&self) -> String {
        search_text(&self.title, &self.description)
    }
}

pub fn search_text(title: &str, description: &str) -> String {
    format!("{}\n{}", title, description).to_lowercase()
}

fn trimmed(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Parses an ISO date (YYYY-MM-DD).
pub fn parse_date(field: &str, raw: &str) -> Result<NaiveDate, FieldError> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .map_err(|_| FieldError::new(field, "invalid_date", Msg::new("notices-date-invalid")))
}

/// Screens a free text for personal data. Each finding is refused with the field's name
/// (`label`, a catalogue message such as "Rubriken" / "The title"), what was found and
/// where, and advice. Used by the forum, measures, knowledge notices and reference
/// figures alike.
pub fn screen_text(field: &str, label: Msg, text: &str) -> Result<(), Vec<FieldError>> {
    super::observation::screen_field(field, label, text)
}

/// Refuses a free text longer than `max` characters, saying how long it is.
fn too_long(field: &str, label: Msg, v: &str, max: usize) -> Option<FieldError> {
    let count = v.chars().count();
    (count > max).then(|| {
        FieldError::new(
            field,
            "too_long",
            Msg::new("notices-too-long")
                .arg("field", label)
                .arg("max", max)
                .arg("count", count),
        )
    })
}

/// Validates and screens a notice. Every problem is reported, not just the first.
/// `previous_links` are the links the notice already has: a code retired since may stay.
pub fn validate(
    input: &NoticeInput,
    taxonomy: &Taxonomy,
    previous_links: &[(Dimension, String)],
) -> Result<ValidNotice, Vec<FieldError>> {
    let mut errors = Vec::new();
    let kind = match trimmed(&input.kind) {
        None => {
            errors.push(FieldError::new(
                "kind",
                "required",
                Msg::new("notices-kind-required"),
            ));
            None
        }
        Some(k) => NoticeKind::parse(k).or_else(|| {
            errors.push(FieldError::new(
                "kind",
                "invalid_code",
                Msg::new("notices-kind-invalid"),
            ));
            None
        }),
    };
    let mut text = |field: &str,
                    label: &'static str,
                    required: &'static str,
                    value: &Option<String>,
                    max: usize| {
        let v = trimmed(value).unwrap_or("");
        if v.is_empty() {
            errors.push(FieldError::new(field, "required", Msg::new(required)));
            return None;
        }
        if let Some(e) = too_long(field, Msg::new(label), v, max) {
            errors.push(e);
            return None;
        }
        if let Err(found) = screen_text(field, Msg::new(label), v) {
            errors.extend(found);
            return None;
        }
        Some(v.to_string())
    };
    let title = text(
        "title",
        crate::key!("notices-field-title"),
        crate::key!("notices-title-required"),
        &input.title,
        MAX_TITLE_CHARS,
    );
    let description = text(
        "description",
        crate::key!("notices-field-description"),
        crate::key!("notices-description-required"),
        &input.description,
        MAX_DESCRIPTION_CHARS,
    );
    let marking = match trimmed(&input.marking) {
        None => {
            errors.push(FieldError::new(
                "marking",
                "required",
                Msg::new("notices-marking-required"),
            ));
            None
        }
        Some(m) => Marking::parse(m).or_else(|| {
            errors.push(FieldError::new(
                "marking",
                "invalid_code",
                Msg::new("notices-marking-invalid"),
            ));
            None
        }),
    };
    let valid_from = match trimmed(&input.valid_from) {
        None => {
            errors.push(FieldError::new(
                "valid_from",
                "required",
                Msg::new("notices-valid-from-required"),
            ));
            None
        }
        Some(d) => parse_date("valid_from", d).map_err(|e| errors.push(e)).ok(),
    };
    let valid_to = match trimmed(&input.valid_to) {
        None => None,
        Some(d) => parse_date("valid_to", d).map_err(|e| errors.push(e)).ok(),
    };
    if let (Some(from), Some(to)) = (valid_from, valid_to) {
        if to < from {
            errors.push(FieldError::new(
                "valid_to",
                "before_start",
                Msg::new("notices-valid-to-before-start"),
            ));
        }
    }
    let mut links: Vec<(Dimension, String)> = Vec::new();
    for (dim_code, code) in &input.links {
        let code = code.trim();
        if code.is_empty() {
            continue;
        }
        let dim = Dimension::parse(dim_code.trim()).filter(|d| LINK_DIMENSIONS.contains(d));
        let Some(dim) = dim else {
            errors.push(FieldError::new(
                "links",
                "invalid_dimension",
                Msg::new("notices-link-invalid-dimension"),
            ));
            continue;
        };
        let kept = previous_links.iter().any(|(d, c)| *d == dim && c == code);
        if !taxonomy.accepts(dim, code) && !kept {
            errors.push(FieldError::new(
                dim.code(),
                "invalid_code",
                Msg::new("notices-link-invalid-code").arg("dimension", dim.code()),
            ));
            continue;
        }
        links.push((dim, code.to_string()));
    }
    links.sort();
    links.dedup();
    match (kind, title, description, marking, valid_from) {
        (Some(kind), Some(title), Some(description), Some(marking), Some(valid_from))
            if errors.is_empty() =>
        {
            Ok(ValidNotice {
                kind,
                title,
                description,
                marking,
                valid_from,
                valid_to,
                links,
            })
        }
        _ => Err(errors),
    }
}

/// Validates a reviewer's return comment: required, at most 1 000 characters, screened.
pub fn validate_comment(comment: &str) -> Result<String, Vec<FieldError>> {
    let c = comment.trim();
    if c.is_empty() {
        return Err(vec![FieldError::new(
            "comment",
            "required",
            Msg::new("notices-comment-required"),
        )]);
    }
    if let Some(e) = too_long(
        "comment",
        Msg::new("notices-field-comment"),
        c,
        MAX_COMMENT_CHARS,
    ) {
        return Err(vec![e]);
    }
    screen_text("comment", Msg::new("notices-field-comment"), c)?;
    Ok(c.to_string())
}

/// Whether a notice valid from `from` (to `to`, open-ended if `None`) is in force at some
/// time between `start` and `end` inclusive.
pub fn valid_during(
    from: NaiveDate,
    to: Option<NaiveDate>,
    start: NaiveDate,
    end: NaiveDate,
) -> bool {
    from <= end && to.is_none_or(|t| t >= start)
}

/// Escapes a search term for `LIKE … ESCAPE '\'` and wraps it in `%…%`; the term is
/// lower-cased like the stored search text.
pub fn like_pattern(term: &str) -> String {
    let mut p = String::with_capacity(term.len() + 2);
    p.push('%');
    for c in term.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// The search terms of a query: whitespace-separated words, each of which must occur.
pub fn search_terms(query: &str) -> Vec<String> {
    query
        .split_whitespace()
        .take(10)
        .map(|w| w.chars().take(100).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::taxonomy::TaxonomyEntry;

    const OWN: i64 = 1;
    const OTHER: i64 = 2;
    const AUTHOR: i64 = 100;

    fn viewer(role: Role, agency: Option<i64>) -> Viewer {
        Viewer {
            user_id: 7,
            role,
            agency_id: agency,
        }
    }

    fn facts(status: NoticeStatus, marking: Marking, issuer: Issuer) -> NoticeFacts {
        NoticeFacts {
            status,
            marking,
            issuer,
            created_by: AUTHOR,
            edited_by: AUTHOR,
            submitted_by: (status != NoticeStatus::Draft).then_some(AUTHOR),
        }
    }

    /// Every role (coordinators of the issuing agency and of another agency counted
    /// separately) × every marking × every status × agency and forum notices.
    #[test]
    fn visibility_for_every_role_marking_and_status() {
        #[derive(Clone, Copy, Debug)]
        enum Who {
            OwnCoordinator,
            OtherCoordinator,
            Analyst,
            Approver,
            Admin,
            Ministry,
        }
        let v = |w: Who| match w {
            Who::OwnCoordinator => viewer(Role::Coordinator, Some(OWN)),
            Who::OtherCoordinator => viewer(Role::Coordinator, Some(OTHER)),
            Who::Analyst => viewer(Role::Analyst, None),
            Who::Approver => viewer(Role::Approver, None),
            Who::Admin => viewer(Role::Admin, None),
            Who::Ministry => viewer(Role::Ministry, None),
        };
        let expected = |w: Who, status: NoticeStatus, marking: Marking, forum: bool| -> bool {
            use Who::*;
            let approved = status == NoticeStatus::Approved;
            match w {
                Ministry => false,
                OwnCoordinator if !forum => true,
                Analyst => true,
                _ if !approved => false,
                OwnCoordinator | OtherCoordinator => marking != Marking::Amber,
                Approver | Admin => true,
            }
        };
        let mut checked = 0;
        for w in [
            Who::OwnCoordinator,
            Who::OtherCoordinator,
            Who::Analyst,
            Who::Approver,
            Who::Admin,
            Who::Ministry,
        ] {
            for status in NoticeStatus::ALL {
                for marking in Marking::ALL {
                    for forum in [false, true] {
                        let issuer = if forum {
                            Issuer::Forum
                        } else {
                            Issuer::Agency(OWN)
                        };
                        let got = may_read(&v(w), &facts(status, marking, issuer));
                        assert_eq!(
                            got,
                            expected(w, status, marking, forum),
                            "{w:?} {status:?} {marking:?} forum={forum}"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 6 * 4 * 3 * 2);
    }

    #[test]
    fn the_rule_in_words() {
        let approved_amber = facts(NoticeStatus::Approved, Marking::Amber, Issuer::Agency(OWN));
        assert!(may_read(
            &viewer(Role::Coordinator, Some(OWN)),
            &approved_amber
        ));
        assert!(!may_read(
            &viewer(Role::Coordinator, Some(OTHER)),
            &approved_amber
        ));
        assert!(may_read(&viewer(Role::Analyst, None), &approved_amber));
        assert!(may_read(&viewer(Role::Approver, None), &approved_amber));
        assert!(!may_read(&viewer(Role::Ministry, None), &approved_amber));
        let green_draft = facts(NoticeStatus::Draft, Marking::Green, Issuer::Agency(OWN));
        assert!(!may_read(
            &viewer(Role::Coordinator, Some(OTHER)),
            &green_draft
        ));
        assert!(!may_read(&viewer(Role::Admin, None), &green_draft));
        assert!(may_read(&viewer(Role::Analyst, None), &green_draft));
        // A coordinator without an agency is no issuing coordinator.
        let clear_submitted = facts(NoticeStatus::Submitted, Marking::Clear, Issuer::Forum);
        assert!(!may_read(
            &viewer(Role::Coordinator, None),
            &clear_submitted
        ));
    }

    #[test]
    fn writing_and_reviewing() {
        let coordinator = viewer(Role::Coordinator, Some(OWN));
        let analyst = viewer(Role::Analyst, None);
        assert_eq!(issuer_for(&coordinator), Some(Issuer::Agency(OWN)));
        assert_eq!(issuer_for(&analyst), Some(Issuer::Forum));
        assert_eq!(issuer_for(&viewer(Role::Approver, None)), None);
        assert_eq!(issuer_for(&viewer(Role::Coordinator, None)), None);

        let own_draft = facts(NoticeStatus::Draft, Marking::Green, Issuer::Agency(OWN));
        assert!(may_edit(&coordinator, &own_draft));
        assert!(!may_edit(
            &viewer(Role::Coordinator, Some(OTHER)),
            &own_draft
        ));
        assert!(!may_edit(&analyst, &own_draft));
        let returned = NoticeFacts {
            status: NoticeStatus::Returned,
            ..own_draft
        };
        assert!(may_edit(&coordinator, &returned));
        for status in [NoticeStatus::Submitted, NoticeStatus::Approved] {
            assert!(!may_edit(
                &coordinator,
                &NoticeFacts {
                    status,
                    ..own_draft
                }
            ));
        }
        let forum_draft = facts(NoticeStatus::Draft, Marking::Amber, Issuer::Forum);
        assert!(may_edit(&analyst, &forum_draft));
        assert!(!may_edit(&coordinator, &forum_draft));

        let submitted = facts(NoticeStatus::Submitted, Marking::Green, Issuer::Forum);
        assert!(may_review(&analyst, &submitted));
        assert!(!may_review(&viewer(Role::Approver, None), &submitted));
        assert!(!may_review(&coordinator, &submitted));
        let mut own = submitted;
        own.created_by = analyst.user_id;
        assert!(!may_review(&analyst, &own), "not the author");
        let mut edited = submitted;
        edited.edited_by = analyst.user_id;
        assert!(!may_review(&analyst, &edited), "not the last editor");
        let mut sent = submitted;
        sent.submitted_by = Some(analyst.user_id);
        assert!(!may_review(&analyst, &sent), "not the submitter");
        assert!(!may_review(
            &analyst,
            &facts(NoticeStatus::Draft, Marking::Green, Issuer::Forum)
        ));
    }

    #[test]
    fn reports_carry_their_level_and_less_restrictive_notices() {
        use Marking::*;
        assert!(allowed_in_report(Clear, Clear));
        assert!(!allowed_in_report(Green, Clear));
        assert!(!allowed_in_report(Amber, Clear));
        assert!(allowed_in_report(Clear, Green));
        assert!(allowed_in_report(Green, Green));
        assert!(!allowed_in_report(Amber, Green));
        assert!(allowed_in_report(Amber, Amber));
        assert_eq!(markings_allowed_in_report(Green), vec![Clear, Green]);
    }

    #[test]
    fn codes_round_trip() {
        for k in NoticeKind::ALL {
            assert_eq!(NoticeKind::parse(k.code()), Some(k));
        }
        for m in Marking::ALL {
            assert_eq!(Marking::parse(m.code()), Some(m));
        }
        assert_eq!(Marking::parse("green"), Some(Marking::Green));
        assert_eq!(Marking::parse("RED"), None);
        for s in NoticeStatus::ALL {
            assert_eq!(NoticeStatus::parse(s.code()), Some(s));
        }
        assert_eq!(
            Issuer::from_stored("agency", Some(3)),
            Some(Issuer::Agency(3))
        );
        assert_eq!(Issuer::from_stored("forum", None), Some(Issuer::Forum));
        assert_eq!(Issuer::from_stored("forum", Some(3)), None);
    }

    fn taxonomy() -> Taxonomy {
        let e = |d: Dimension, code: &str, retired: bool| TaxonomyEntry {
            dimension: d,
            code: code.into(),
            label_sv: code.into(),
            label_en: code.into(),
            retired,
        };
        Taxonomy::new(vec![
            e(Dimension::MisuseType, "look_alike", false),
            e(Dimension::MisuseType, "old_type", true),
            e(Dimension::DocumentType, "driving_licence", false),
            e(Dimension::ChainStage, "issuance", false),
            e(Dimension::ExploitationArea, "loans", false),
        ])
    }

    fn input() -> NoticeInput {
        NoticeInput {
            kind: Some("modus_operandi".into()),
            title: Some("Förfalskade körkort".into()),
            description: Some("Körkort med utbytta foton används vid kontoöppning.".into()),
            marking: Some("GREEN".into()),
            valid_from: Some("2026-07-01".into()),
            valid_to: Some(String::new()),
            links: vec![
                ("document_type".into(), "driving_licence".into()),
                ("misuse_type".into(), "look_alike".into()),
                ("misuse_type".into(), "look_alike".into()),
            ],
        }
    }

    #[test]
    fn a_valid_notice_is_accepted_with_sorted_unique_links() {
        let n = validate(&input(), &taxonomy(), &[]).unwrap();
        assert_eq!(n.kind, NoticeKind::ModusOperandi);
        assert_eq!(n.marking, Marking::Green);
        assert_eq!(n.valid_to, None);
        assert_eq!(
            n.links,
            vec![
                (Dimension::MisuseType, "look_alike".to_string()),
                (Dimension::DocumentType, "driving_licence".to_string()),
            ]
        );
        assert_eq!(
            n.search_text(),
            "förfalskade körkort\nkörkort med utbytta foton används vid kontoöppning."
        );
    }

    #[test]
    fn every_problem_is_reported() {
        let bad = NoticeInput {
            kind: Some("rumour".into()),
            title: Some("x".repeat(201)),
            description: Some("Ring 070-123 45 67 för detaljer.".into()),
            marking: Some("RED".into()),
            valid_from: Some("2026-13-01".into()),
            valid_to: Some("igår".into()),
            links: vec![
                ("exploitation_area".into(), "loans".into()),
                ("misuse_type".into(), "unknown".into()),
                ("misuse_type".into(), "old_type".into()),
            ],
        };
        let errors = validate(&bad, &taxonomy(), &[]).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        for f in [
            "kind",
            "title",
            "description",
            "marking",
            "valid_from",
            "valid_to",
            "links",
            "misuse_type",
        ] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
        assert!(errors
            .iter()
            .any(|e| e.field == "description" && e.code == "personal_data"));
        assert_eq!(
            errors.iter().filter(|e| e.field == "misuse_type").count(),
            2,
            "unknown and retired codes are refused"
        );
    }

    #[test]
    fn required_fields_and_dates() {
        let errors = validate(&NoticeInput::default(), &taxonomy(), &[]).unwrap_err();
        for f in ["kind", "title", "description", "marking", "valid_from"] {
            assert!(
                errors.iter().any(|e| e.field == f && e.code == "required"),
                "{f}"
            );
        }
        let mut i = input();
        i.valid_to = Some("2026-06-30".into());
        let errors = validate(&i, &taxonomy(), &[]).unwrap_err();
        assert_eq!(errors[0].field, "valid_to");
        assert_eq!(errors[0].code, "before_start");
        i.valid_to = Some("2026-07-01".into());
        assert!(validate(&i, &taxonomy(), &[]).is_ok());
    }

    #[test]
    fn a_retired_code_may_stay_on_a_notice_that_has_it() {
        let mut i = input();
        i.links = vec![("misuse_type".into(), "old_type".into())];
        assert!(validate(&i, &taxonomy(), &[]).is_err());
        let kept = [(Dimension::MisuseType, "old_type".to_string())];
        assert!(validate(&i, &taxonomy(), &kept).is_ok());
    }

    #[test]
    fn comments_are_required_bounded_and_screened() {
        assert_eq!(validate_comment("  ").unwrap_err()[0].code, "required");
        assert_eq!(
            validate_comment(&"a".repeat(1001)).unwrap_err()[0].code,
            "too_long"
        );
        assert_eq!(
            validate_comment("Fråga anna.svensson@polisen.se").unwrap_err()[0].code,
            "personal_data"
        );
        assert_eq!(validate_comment(" Förtydliga. ").unwrap(), "Förtydliga.");
    }

    #[test]
    fn search_folds_swedish_letters_and_escapes_wildcards() {
        assert_eq!(like_pattern("ÖsterÅker"), "%österåker%");
        assert_eq!(like_pattern("100%"), "%100\\%%");
        assert_eq!(like_pattern("a_b\\c"), "%a\\_b\\\\c%");
        assert_eq!(
            search_terms("  körkort   Österåker "),
            vec!["körkort", "Österåker"]
        );
        assert!(search_terms("   ").is_empty());
    }

    #[test]
    fn validity_overlaps_a_period() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let (start, end) = (d("2026-07-01"), d("2026-09-30"));
        assert!(valid_during(d("2026-01-01"), None, start, end));
        assert!(valid_during(d("2026-09-30"), None, start, end));
        assert!(!valid_during(d("2026-10-01"), None, start, end));
        assert!(valid_during(
            d("2026-01-01"),
            Some(d("2026-07-01")),
            start,
            end
        ));
        assert!(!valid_during(
            d("2026-01-01"),
            Some(d("2026-06-30")),
            start,
            end
        ));
    }
}
