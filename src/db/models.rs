//! Rows as stored. Views for pages and the API are built from these in `services`.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = agencies)]
pub struct AgencyRow {
    pub id: i64,
    pub code: String,
    pub name_sv: String,
    pub name_en: String,
    pub active: i32,
    pub sort_order: i32,
    pub rotation_order: Option<i32>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: String,
    pub agency_id: Option<i64>,
    pub active: i32,
    pub session_epoch: i32,
    pub created_at: NaiveDateTime,
    /// `sv` or `en`: the user's chosen language.
    pub language: String,
    pub email: Option<String>,
    /// The authenticator app's secret (base32) when two-step verification is on.
    pub totp_secret: Option<String>,
    /// The last time step a code was accepted for.
    pub totp_last_step: Option<i64>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub role: &'a str,
    pub agency_id: Option<i64>,
    pub active: i32,
    pub session_epoch: i32,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = reporting_periods)]
pub struct PeriodRow {
    pub id: i64,
    pub code: String,
    pub kind: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub deadline: Option<NaiveDate>,
    pub status: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = reporting_periods)]
pub struct NewPeriod<'a> {
    pub code: &'a str,
    pub kind: &'a str,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub deadline: Option<NaiveDate>,
    pub status: &'a str,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = taxonomy_codes)]
pub struct TaxonomyRow {
    pub id: i64,
    pub dimension: String,
    pub code: String,
    pub label_sv: String,
    pub label_en: String,
    pub sort_order: i32,
    pub introduced_in_version: i32,
    pub retired: i32,
    pub retired_in_version: Option<i32>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = taxonomy_codes)]
pub struct NewTaxonomyCode<'a> {
    pub dimension: &'a str,
    pub code: &'a str,
    pub label_sv: &'a str,
    pub label_en: &'a str,
    pub sort_order: i32,
    pub introduced_in_version: i32,
    pub retired: i32,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
pub struct ApiTokenRow {
    pub id: i64,
    pub token_hash: String,
    pub kind: String,
    pub user_id: i64,
    pub label: String,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = api_tokens)]
pub struct NewApiToken<'a> {
    pub token_hash: &'a str,
    pub kind: &'a str,
    pub user_id: i64,
    pub label: &'a str,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = submissions)]
pub struct SubmissionRow {
    pub id: i64,
    pub agency_id: i64,
    pub period_id: i64,
    pub source: String,
    pub status: String,
    pub current_version: i32,
    pub created_by: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub forum_meeting_id: Option<i64>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = submissions)]
pub struct NewSubmission<'a> {
    pub forum_meeting_id: Option<i64>,
    pub agency_id: i64,
    pub period_id: i64,
    pub source: &'a str,
    pub status: &'a str,
    pub current_version: i32,
    pub created_by: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = submission_versions)]
pub struct VersionRow {
    pub id: i64,
    pub submission_id: i64,
    pub version: i32,
    pub status: String,
    pub edited_by: i64,
    pub submitted_by: Option<i64>,
    pub submitted_at: Option<NaiveDateTime>,
    pub reviewed_by: Option<i64>,
    pub reviewed_at: Option<NaiveDateTime>,
    pub review_comment: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = submission_versions)]
pub struct NewVersion<'a> {
    pub submission_id: i64,
    pub version: i32,
    pub status: &'a str,
    pub edited_by: i64,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = observation_lines)]
pub struct LineRow {
    pub id: i64,
    pub version_id: i64,
    pub line_no: i32,
    pub misuse_type: String,
    pub exploitation_area: Option<String>,
    pub document_type: Option<String>,
    pub chain_stage: Option<String>,
    pub age_band: Option<String>,
    pub citizenship: Option<String>,
    pub fraud_type: Option<String>,
    pub count: i64,
    pub trend: Option<String>,
    pub reliability: Option<String>,
    pub validity: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = observation_lines)]
pub struct NewLine {
    pub version_id: i64,
    pub line_no: i32,
    pub misuse_type: String,
    pub exploitation_area: Option<String>,
    pub document_type: Option<String>,
    pub chain_stage: Option<String>,
    pub age_band: Option<String>,
    pub citizenship: Option<String>,
    pub fraud_type: Option<String>,
    pub count: i64,
    pub trend: Option<String>,
    pub reliability: Option<String>,
    pub validity: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct AuditRow {
    pub id: i64,
    pub at: NaiveDateTime,
    pub actor_user_id: Option<i64>,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub detail: Option<String>,
    pub prev_hash: Option<String>,
    pub hash: Option<String>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = audit_log)]
pub struct NewAudit<'a> {
    pub at: NaiveDateTime,
    pub actor_user_id: Option<i64>,
    pub actor: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<&'a str>,
    pub detail: Option<&'a str>,
    /// The chain link; the record's own hash is set once its id is known.
    pub prev_hash: Option<&'a str>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = forum_meetings)]
pub struct MeetingRow {
    pub id: i64,
    pub held_on: NaiveDate,
    pub convener_agency_id: i64,
    pub proposed_convener_agency_id: Option<i64>,
    pub override_reason: Option<String>,
    pub notes: Option<String>,
    pub decisions: Option<String>,
    pub created_by: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = forum_meetings)]
pub struct NewMeeting<'a> {
    pub held_on: NaiveDate,
    pub convener_agency_id: i64,
    pub proposed_convener_agency_id: Option<i64>,
    pub override_reason: Option<&'a str>,
    pub created_by: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = forum_agenda_items)]
pub struct AgendaRow {
    pub id: i64,
    pub meeting_id: i64,
    pub position: i32,
    pub text: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = forum_followups)]
pub struct FollowupRow {
    pub id: i64,
    pub meeting_id: i64,
    pub text: String,
    pub owner_agency_id: i64,
    pub due_on: Option<NaiveDate>,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = measures)]
pub struct MeasureRow {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub description: Option<String>,
    pub status: String,
    pub start_on: NaiveDate,
    pub end_on: Option<NaiveDate>,
    pub created_by: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Insertable, AsChangeset)]
#[diesel(table_name = measures, treat_none_as_null = true)]
pub struct MeasureFields<'a> {
    pub title: &'a str,
    pub kind: &'a str,
    pub description: Option<&'a str>,
    pub status: &'a str,
    pub start_on: NaiveDate,
    pub end_on: Option<NaiveDate>,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = notices)]
pub struct NoticeRow {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub search_text: String,
    pub source: String,
    pub agency_id: Option<i64>,
    pub marking: String,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub status: String,
    pub created_by: i64,
    pub edited_by: i64,
    pub submitted_by: Option<i64>,
    pub submitted_at: Option<NaiveDateTime>,
    pub reviewed_by: Option<i64>,
    pub reviewed_at: Option<NaiveDateTime>,
    pub review_comment: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = notices)]
pub struct NewNotice<'a> {
    pub kind: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub search_text: &'a str,
    pub source: &'a str,
    pub agency_id: Option<i64>,
    pub marking: &'a str,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub status: &'a str,
    pub created_by: i64,
    pub edited_by: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// The editable content of a notice (an edit by its author).
#[derive(Debug, AsChangeset)]
#[diesel(table_name = notices)]
pub struct NoticeContent<'a> {
    pub kind: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub search_text: &'a str,
    pub marking: &'a str,
    pub valid_from: NaiveDate,
    #[diesel(treat_none_as_null = true)]
    pub valid_to: Option<NaiveDate>,
    pub edited_by: i64,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = notice_links)]
pub struct NoticeLinkRow {
    pub notice_id: i64,
    pub dimension: String,
    pub code: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = reference_figures)]
pub struct ReferenceRow {
    pub id: i64,
    pub source: String,
    pub title: String,
    pub published_on: NaiveDate,
    pub url: String,
    pub value: f64,
    pub decimals: i32,
    pub unit: String,
    pub period: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub dimension: String,
    pub code: String,
    pub created_by: i64,
    pub created_at: NaiveDateTime,
    pub updated_by: i64,
    pub updated_at: NaiveDateTime,
}

/// A reference figure's content, for insert and update alike.
#[derive(Debug, Insertable, AsChangeset)]
#[diesel(table_name = reference_figures)]
pub struct ReferenceContent<'a> {
    pub source: &'a str,
    pub title: &'a str,
    pub published_on: NaiveDate,
    pub url: &'a str,
    pub value: f64,
    pub decimals: i32,
    pub unit: &'a str,
    pub period: &'a str,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub dimension: &'a str,
    pub code: &'a str,
    pub updated_by: i64,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = reference_figures)]
pub struct NewReference<'a> {
    #[diesel(embed)]
    pub content: ReferenceContent<'a>,
    pub created_by: i64,
    pub created_at: NaiveDateTime,
}
