//! Report editions (utgåvor) and their versions: compose, review with four eyes, publish
//! frozen, correct with a new version. Pages, the CLI and tests all call these.

use base64::Engine;
use sha2::{Digest, Sha256};

use super::data::{self, Baseline, DataSettings, ReportData};
use super::render::VersionInfo;
use super::templates;
use crate::db::queries::reports::{self as q, EditionRow, EventRow, NewVersion, VersionRow};
use crate::db::queries::users;
use crate::db::{transaction, DbConnection};
use crate::domain::observation::screen_field;
use crate::domain::period::Period;
use crate::domain::report::{
    may_approve, pdf_file_name, Component, EditionContent, Lang, MarkingPolicy, Tlp, VersionStatus,
    MAX_SECTION_TEXT,
};
use crate::domain::role::Role;
use crate::domain::validation::FieldError;
use crate::error::{AppError, AppResult};
use crate::services::audit;
use crate::services::auth::User;
use crate::services::now;
use crate::services::signals::SignalCache;

/// What computing and printing a report needs from the configuration.
#[derive(Clone, Copy)]
pub struct ReportContext<'a> {
    pub settings: DataSettings,
    pub markings: &'a MarkingPolicy,
    pub signals: Option<&'a SignalCache>,
    /// Where PDF generation time is recorded (the server's metrics; none in the CLI).
    pub metrics: Option<&'a crate::metrics::Metrics>,
}

/// Who may read drafts (everything not yet published).
fn reads_drafts(role: Role) -> bool {
    matches!(role, Role::Analyst | Role::Approver | Role::Admin)
}

fn may_compose(role: Role) -> bool {
    crate::domain::access::Capability::DraftReports.allows(role)
}

/// Object-level rule: published versions are for every reader; drafts only for those who
/// compose and approve.
fn check_read(user: &User, v: &VersionRow) -> AppResult<()> {
    if v.status == VersionStatus::Published.code() || reads_drafts(user.role) {
        Ok(())
    } else {
        Err(AppError::Forbidden(crate::i18n::Msg::verbatim(
            "Den här versionen är inte publicerad. Du kan bara läsa publicerade lägesbilder.",
        )))
    }
}

pub fn status_of(v: &VersionRow) -> VersionStatus {
    VersionStatus::parse(&v.status).unwrap_or(VersionStatus::Draft)
}

pub fn content_of(v: &VersionRow) -> AppResult<EditionContent> {
    serde_json::from_str(&v.content).map_err(AppError::internal)
}

pub fn lang_of(v: &VersionRow) -> Lang {
    Lang::parse(&v.language).unwrap_or(Lang::Sv)
}

pub fn tlp_of(v: &VersionRow) -> Tlp {
    Tlp::parse(&v.tlp).unwrap_or(Tlp::Amber)
}

/// Marking and TLP as printed on every page.
pub fn marking_line(v: &VersionRow) -> String {
    format!("{} · {}", v.marking, tlp_of(v).label())
}

/// How an edition version is named in text ("utgåva 3 version 2 (2026-Q3)").
pub fn name_of(e: &EditionRow, v: &VersionRow) -> String {
    format!(
        "utgåva {} version {} ({})",
        e.id, v.version_no, e.period_code
    )
}

/// The input of the "new edition" form.
#[derive(Debug, Clone, Default)]
pub struct NewEdition {
    pub period: String,
    pub template_id: Option<i64>,
    pub language: String,
    pub marking: String,
    pub tlp: String,
}

fn default_title(period: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Lägesbild identitetsmissbruk {period}"),
        Lang::En => format!("Situation picture: identity misuse {period}"),
    }
}

fn event(
    conn: &mut DbConnection,
    user: &User,
    version_id: i64,
    event: &str,
    note: Option<&str>,
) -> AppResult<()> {
    q::add_event(
        conn,
        version_id,
        now(),
        Some(user.id),
        &user.username,
        event,
        note,
    )?;
    Ok(())
}

fn version_key(edition: i64, no: i32) -> String {
    format!("{edition}/v{no}")
}

/// The language and the marking of an edition, as chosen in a form; problems go to
/// `errors` under the field they concern.
fn check_language_and_marking(
    language: &str,
    marking: &str,
    tlp: &str,
    markings: &MarkingPolicy,
    errors: &mut Vec<FieldError>,
) -> (Option<Lang>, Result<(String, Tlp), String>) {
    let lang = Lang::parse(language);
    if lang.is_none() {
        errors.push(FieldError::text(
            "language",
            "language",
            "Välj språk för rapporten: svenska eller engelska.",
        ));
    }
    let marks = markings.check(marking, tlp);
    if let Err(msg) = &marks {
        let field = if msg.contains("TLP") {
            "tlp"
        } else {
            "marking"
        };
        errors.push(FieldError::text(field, "marking", msg.clone()));
    }
    (lang, marks)
}

/// Creates an edition for a period from a template; its version 1 is a draft.
pub fn create(
    conn: &mut DbConnection,
    user: &User,
    input: &NewEdition,
    markings: &MarkingPolicy,
) -> AppResult<i64> {
    if !may_compose(user.role) {
        return Err(AppError::forbidden());
    }
    let mut errors = Vec::new();
    let period = Period::parse(input.period.trim());
    if let Err(e) = &period {
        errors.push(FieldError::new("period", "period", e.msg()));
    }
    let (lang, marks) = check_language_and_marking(
        &input.language,
        &input.marking,
        &input.tlp,
        markings,
        &mut errors,
    );
    let template = templates::load(conn, input.template_id)?;
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let (period, lang, (marking, tlp)) = (
        period.map_err(AppError::internal)?,
        lang.unwrap_or(Lang::Sv),
        marks.map_err(|m| AppError::BadRequest(crate::i18n::Msg::verbatim(m)))?,
    );
    let content = serde_json::to_string(&EditionContent::from_template(&template.template))
        .map_err(AppError::internal)?;
    transaction(conn, |conn| {
        let at = now();
        let edition = q::insert_edition(conn, &period.code(), user.id, at)?;
        let version = q::insert_version(
            conn,
            &NewVersion {
                edition_id: edition,
                version_no: 1,
                status: VersionStatus::Draft.code(),
                language: lang.code(),
                marking: &marking,
                tlp: tlp.code(),
                title: &default_title(&period.code(), lang),
                correction_note: None,
                content: &content,
                created_by: user.id,
                created_at: at,
                updated_at: at,
            },
        )?;
        q::add_editor(conn, version, user.id)?;
        event(conn, user, version, "created", None)?;
        audit::record(
            conn,
            Some(user),
            "report_created",
            "report_version",
            Some(&version_key(edition, 1)),
            Some(&period.code()),
        )?;
        Ok(edition)
    })
}

/// An edition with the versions this user may see.
pub struct EditionView {
    pub edition: EditionRow,
    pub versions: Vec<VersionRow>,
}

impl EditionView {
    pub fn latest(&self) -> Option<&VersionRow> {
        self.versions.last()
    }
}

/// Every edition the user may see, newest first. Ministry readers and coordinators see
/// only editions with a published version, and only the published versions.
pub fn list(conn: &mut DbConnection, user: &User) -> AppResult<Vec<EditionView>> {
    let mut out = Vec::new();
    for edition in q::editions(conn)? {
        let versions: Vec<VersionRow> = q::versions_of(conn, edition.id)?
            .into_iter()
            .filter(|v| check_read(user, v).is_ok())
            .collect();
        if !versions.is_empty() {
            out.push(EditionView { edition, versions });
        }
    }
    // Newest first: by the latest publication, then by creation.
    out.sort_by_key(|e| {
        std::cmp::Reverse((
            e.versions.iter().filter_map(|v| v.published_at).max(),
            e.edition.id,
        ))
    });
    Ok(out)
}

pub fn edition(conn: &mut DbConnection, user: &User, id: i64) -> AppResult<EditionView> {
    let edition = q::edition(conn, id)?.ok_or(AppError::NotFound)?;
    let all = q::versions_of(conn, id)?;
    if all.is_empty() {
        return Err(AppError::NotFound);
    }
    let versions: Vec<VersionRow> = all
        .into_iter()
        .filter(|v| check_read(user, v).is_ok())
        .collect();
    if versions.is_empty() {
        return Err(AppError::Forbidden(crate::i18n::Msg::verbatim(
            "Den här utgåvan är inte publicerad. Du kan bara läsa publicerade lägesbilder.",
        )));
    }
    Ok(EditionView { edition, versions })
}

/// One version, with everything its page shows.
pub struct VersionView {
    pub edition: EditionRow,
    pub version: VersionRow,
    pub content: EditionContent,
    /// Everyone who wrote any part of the edition (any version): none of them approves.
    pub editors: Vec<i64>,
    pub events: Vec<EventRow>,
    /// The highest version number of the edition.
    pub latest_no: i32,
}

impl VersionView {
    pub fn status(&self) -> VersionStatus {
        status_of(&self.version)
    }
}

pub fn version(
    conn: &mut DbConnection,
    user: &User,
    edition_id: i64,
    no: i32,
) -> AppResult<VersionView> {
    let v = load_version(conn, edition_id, no)?;
    check_read(user, &v.version)?;
    Ok(v)
}

/// A version without a reader's check: for the CLI, which the operator runs with the
/// database's own access.
pub fn load_version(conn: &mut DbConnection, edition_id: i64, no: i32) -> AppResult<VersionView> {
    let edition = q::edition(conn, edition_id)?.ok_or(AppError::NotFound)?;
    let version = q::version(conn, edition_id, no)?.ok_or(AppError::NotFound)?;
    let latest_no = q::versions_of(conn, edition_id)?
        .iter()
        .map(|v| v.version_no)
        .max()
        .unwrap_or(no);
    Ok(VersionView {
        content: content_of(&version)?,
        editors: q::editors_of_edition(conn, edition_id)?,
        events: q::events(conn, version.id)?,
        edition,
        version,
        latest_no,
    })
}

fn editable(
    conn: &mut DbConnection,
    user: &User,
    edition_id: i64,
    no: i32,
) -> AppResult<VersionView> {
    if !may_compose(user.role) {
        return Err(AppError::forbidden());
    }
    let v = version(conn, user, edition_id, no)?;
    if !v.status().editable() {
        return Err(AppError::Conflict(crate::i18n::Msg::verbatim(format!(
            "Versionen är {} och kan inte ändras. {}",
            v.status().label_sv().to_lowercase(),
            if v.status() == VersionStatus::Published {
                "En publicerad version ändras aldrig; gör en rättelse som ny version."
            } else {
                "Den kan ändras igen om beslutsfattaren skickar tillbaka den."
            }
        ))));
    }
    Ok(v)
}

/// The edition's title, language and markings.
pub struct Meta {
    pub title: String,
    pub language: String,
    pub marking: String,
    pub tlp: String,
}

pub fn update_meta(
    conn: &mut DbConnection,
    user: &User,
    edition_id: i64,
    no: i32,
    meta: &Meta,
    markings: &MarkingPolicy,
) -> AppResult<()> {
    let v = editable(conn, user, edition_id, no)?;
    let mut errors = Vec::new();
    let title = meta.title.trim();
    if title.is_empty() || title.chars().count() > 200 {
        errors.push(FieldError::text(
            "title",
            "length",
            "Ange en titel på högst 200 tecken.",
        ));
    }
    if let Err(e) = screen_field("title", "Titeln", title) {
        errors.extend(e);
    }
    let (lang, marks) = check_language_and_marking(
        &meta.language,
        &meta.marking,
        &meta.tlp,
        markings,
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let (marking, tlp) = marks.map_err(|m| AppError::BadRequest(crate::i18n::Msg::verbatim(m)))?;
    let lang = lang.unwrap_or(Lang::Sv);
    transaction(conn, |conn| {
        let n = q::update_draft(
            conn,
            v.version.id,
            &q::DraftFields {
                title,
                language: lang.code(),
                marking: &marking,
                tlp: tlp.code(),
                content: &v.version.content,
            },
            now(),
        )?;
        if n == 0 {
            return Err(AppError::Conflict(crate::i18n::Msg::verbatim(
                "Versionen har just skickats för granskning och kan inte längre ändras.",
            )));
        }
        q::add_editor(conn, v.version.id, user.id)?;
        event(conn, user, v.version.id, "edited", None)?;
        Ok(())
    })
}

/// The analyst's input for one section: Markdown text and the automatic content with
/// `(component, included, position)`.
pub struct SectionInput {
    pub text: String,
    pub components: Vec<(Component, bool, i64)>,
}

pub fn update_section(
    conn: &mut DbConnection,
    user: &User,
    edition_id: i64,
    no: i32,
    key: &str,
    input: &SectionInput,
) -> AppResult<()> {
    let v = editable(conn, user, edition_id, no)?;
    let mut content = v.content.clone();
    let section = content.section_mut(key).ok_or(AppError::NotFound)?;
    let text = input.text.replace("\r\n", "\n");
    let mut errors = Vec::new();
    if text.chars().count() > MAX_SECTION_TEXT {
        errors.push(FieldError::text(
            "text",
            "length",
            format!(
                "Texten får vara högst {MAX_SECTION_TEXT} tecken. Korta den eller dela upp den."
            ),
        ));
    }
    if let Err(e) = screen_field("text", "Texten", &text) {
        errors.extend(e);
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    section.text = text.trim_end().to_string();
    // Only components the section already holds; the template decides where they live.
    let mut ordered: Vec<(i64, usize, crate::domain::report::ComponentChoice)> = section
        .components
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (included, pos) = input
                .components
                .iter()
                .find(|(k, _, _)| *k == c.component)
                .map(|(_, inc, pos)| (*inc, *pos))
                .unwrap_or((false, i as i64 + 1));
            (
                pos,
                i,
                crate::domain::report::ComponentChoice {
                    component: c.component,
                    included,
                },
            )
        })
        .collect();
    ordered.sort_by_key(|(pos, i, _)| (*pos, *i));
    section.components = ordered.into_iter().map(|(_, _, c)| c).collect();
    let json = serde_json::to_string(&content).map_err(AppError::internal)?;
    transaction(conn, |conn| {
        let n = q::update_draft(
            conn,
            v.version.id,
            &q::DraftFields {
                title: &v.version.title,
                language: &v.version.language,
                marking: &v.version.marking,
                tlp: &v.version.tlp,
                content: &json,
            },
            now(),
        )?;
        if n == 0 {
            return Err(AppError::Conflict(crate::i18n::Msg::verbatim(
                "Versionen har just skickats för granskning och kan inte längre ändras.",
            )));
        }
        q::add_editor(conn, v.version.id, user.id)?;
        event(conn, user, v.version.id, "edited", None)?;
        Ok(())
    })
}

fn move_status(
    conn: &mut DbConnection,
    user: &User,
    v: &VersionView,
    from: VersionStatus,
    to: VersionStatus,
    event_code: &str,
    note: Option<&str>,
) -> AppResult<()> {
    transaction(conn, |conn| {
        let n = q::transition(conn, v.version.id, from.code(), to.code(), user.id, now())?;
        if n == 0 {
            return Err(AppError::Conflict(crate::i18n::Msg::verbatim(
                "Versionen har just ändrats av någon annan. Ladda om sidan.",
            )));
        }
        event(conn, user, v.version.id, event_code, note)?;
        audit::record(
            conn,
            Some(user),
            &format!("report_{event_code}"),
            "report_version",
            Some(&version_key(v.edition.id, v.version.version_no)),
            None,
        )?;
        if to == VersionStatus::InReview {
            crate::services::notifications::notify(
                conn,
                crate::services::notifications::Event::EditionInReview {
                    edition_id: v.edition.id,
                    version_no: v.version.version_no,
                    period_code: &v.edition.period_code,
                },
            )?;
        }
        Ok(())
    })
}

/// A required free text (a refusal's reason, a correction's note): present, at most `max`
/// characters, and free of personal data. Returns it trimmed.
fn required_text<'a>(
    field: &str,
    label: &str,
    text: &'a str,
    max: usize,
    missing: &str,
) -> AppResult<&'a str> {
    let text = text.trim();
    let mut errors = Vec::new();
    if text.is_empty() || text.chars().count() > max {
        errors.push(FieldError::text(field, "required", missing));
    }
    if let Err(e) = screen_field(field, label, text) {
        errors.extend(e);
    }
    if errors.is_empty() {
        Ok(text)
    } else {
        Err(AppError::Validation(errors))
    }
}

/// Sends a draft to the approver.
pub fn submit(conn: &mut DbConnection, user: &User, edition_id: i64, no: i32) -> AppResult<()> {
    let v = editable(conn, user, edition_id, no)?;
    q::add_editor(conn, v.version.id, user.id)?;
    move_status(
        conn,
        user,
        &v,
        VersionStatus::Draft,
        VersionStatus::InReview,
        "submitted",
        None,
    )
}

fn reviewable(
    conn: &mut DbConnection,
    user: &User,
    edition_id: i64,
    no: i32,
    want: VersionStatus,
) -> AppResult<VersionView> {
    if user.role != Role::Approver {
        return Err(AppError::Forbidden(crate::i18n::Msg::verbatim(
            "Bara beslutsfattare godkänner och publicerar lägesbilder.",
        )));
    }
    let v = version(conn, user, edition_id, no)?;
    if v.status() != want {
        return Err(AppError::Conflict(crate::i18n::Msg::verbatim(format!(
            "Versionen är {}, inte {}.",
            v.status().label_sv().to_lowercase(),
            want.label_sv().to_lowercase()
        ))));
    }
    Ok(v)
}

/// Approves a version under review: four eyes — never by someone who wrote any part of it.
pub fn approve(conn: &mut DbConnection, user: &User, edition_id: i64, no: i32) -> AppResult<()> {
    let v = reviewable(conn, user, edition_id, no, VersionStatus::InReview)?;
    if !may_approve(user.id, &v.editors) {
        return Err(AppError::Forbidden(crate::i18n::Msg::verbatim(
            "Du har skrivit i den här utgåvan och kan därför inte godkänna den (fyraögonsprincipen). En annan beslutsfattare måste godkänna.",
        )));
    }
    move_status(
        conn,
        user,
        &v,
        VersionStatus::InReview,
        VersionStatus::Approved,
        "approved",
        None,
    )
}

/// Sends a version under review (or approved, not yet published) back to draft with a
/// reason.
pub fn refuse(
    conn: &mut DbConnection,
    user: &User,
    edition_id: i64,
    no: i32,
    reason: &str,
) -> AppResult<()> {
    let v = version(conn, user, edition_id, no)?;
    let from = match v.status() {
        s @ (VersionStatus::InReview | VersionStatus::Approved) => s,
        _ => VersionStatus::InReview,
    };
    let v = reviewable(conn, user, edition_id, no, from)?;
    let reason = required_text(
        "reason",
        "Motiveringen",
        reason,
        2000,
        "Skriv varför versionen skickas tillbaka (högst 2 000 tecken), så att analytikern vet vad som ska ändras.",
    )?;
    move_status(
        conn,
        user,
        &v,
        from,
        VersionStatus::Draft,
        "refused",
        Some(reason),
    )
}

/// The edition to compare with for "changes since the previous edition".
pub(crate) fn baseline(conn: &mut DbConnection, edition_id: i64) -> AppResult<Option<Baseline>> {
    let Some(prev) = q::latest_published_other(conn, edition_id)? else {
        return Ok(None);
    };
    let Some(snapshot) = &prev.snapshot else {
        return Ok(None);
    };
    let edition = q::edition(conn, prev.edition_id)?.ok_or(AppError::NotFound)?;
    Ok(Some(Baseline {
        name: name_of(&edition, &prev),
        data: serde_json::from_str(snapshot).map_err(AppError::internal)?,
    }))
}

/// The data a version prints: frozen for a published version, live for the others.
pub fn data_of(
    conn: &mut DbConnection,
    v: &VersionView,
    ctx: ReportContext<'_>,
) -> AppResult<ReportData> {
    if let Some(snapshot) = &v.version.snapshot {
        return serde_json::from_str(snapshot).map_err(AppError::internal);
    }
    let period = Period::parse(&v.edition.period_code).map_err(AppError::internal)?;
    let base = baseline(conn, v.edition.id)?;
    data::gather(conn, period, ctx.settings, ctx.signals, base.as_ref())
}

pub(crate) fn info_of(v: &VersionView, published_on: Option<chrono::NaiveDate>) -> VersionInfo {
    VersionInfo {
        title: v.version.title.clone(),
        lang: lang_of(&v.version),
        marking: marking_line(&v.version),
        edition_id: Some(v.edition.id),
        version_no: Some(v.version.version_no),
        dated: published_on.unwrap_or_else(|| chrono::Utc::now().date_naive()),
        published: published_on.is_some(),
        correction_note: v.version.correction_note.clone(),
        created_unix: chrono::Utc::now().timestamp(),
    }
}

/// Publishes an approved version: freezes its data, stores its PDF and hash, locks the
/// periods it covers. Returns the SHA-256 of the PDF.
pub fn publish(
    conn: &mut DbConnection,
    user: &User,
    edition_id: i64,
    no: i32,
    ctx: ReportContext<'_>,
) -> AppResult<String> {
    let v = reviewable(conn, user, edition_id, no, VersionStatus::Approved)?;
    // Compute and print outside the write transaction: reading takes the time, and the
    // snapshot and the PDF come from the same read, so they always agree.
    let data = data_of(conn, &v, ctx)?;
    let today = chrono::Utc::now().date_naive();
    let bytes = super::timed_render(
        ctx.metrics,
        crate::metrics::PdfKind::EditionPublish,
        &info_of(&v, Some(today)),
        &v.content,
        &data,
    )?;
    let sha = hex::encode(Sha256::digest(&bytes));
    let snapshot = serde_json::to_string(&data).map_err(AppError::internal)?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(&bytes);
    let period = Period::parse(&v.edition.period_code).map_err(AppError::internal)?;
    transaction(conn, |conn| {
        let n = q::publish(
            conn,
            v.version.id,
            user.id,
            now(),
            &snapshot,
            &b64,
            &sha,
            bytes.len() as i64,
        )?;
        if n == 0 {
            return Err(AppError::Conflict(crate::i18n::Msg::verbatim(
                "Versionen har just ändrats av någon annan. Ladda om sidan.",
            )));
        }
        let locked = q::lock_periods_within(conn, period.starts_on(), period.ends_on())?;
        event(conn, user, v.version.id, "published", None)?;
        audit::record(
            conn,
            Some(user),
            "report_published",
            "report_version",
            Some(&version_key(edition_id, no)),
            Some(&format!(
                "sha256={sha}; låsta perioder: {}",
                locked.join(", ")
            )),
        )?;
        crate::services::notifications::notify(
            conn,
            crate::services::notifications::Event::EditionPublished {
                edition_id,
                version_no: no,
                period_code: &v.edition.period_code,
            },
        )?;
        Ok(())
    })?;
    Ok(sha)
}

/// Starts a correction (rättelse): a new draft version copying the latest published one,
/// with a required note printed on its title page. Returns the new version number.
pub fn correct(
    conn: &mut DbConnection,
    user: &User,
    edition_id: i64,
    note: &str,
) -> AppResult<i32> {
    if !may_compose(user.role) {
        return Err(AppError::forbidden());
    }
    let versions = q::versions_of(conn, edition_id)?;
    let latest = versions.last().ok_or(AppError::NotFound)?;
    if latest.status != VersionStatus::Published.code() {
        return Err(AppError::Conflict(crate::i18n::Msg::verbatim(format!(
            "Version {} är inte publicerad än. Ändra den i stället för att göra en rättelse.",
            latest.version_no
        ))));
    }
    let note = required_text(
        "note",
        "Rättelsen",
        note,
        500,
        "Skriv vad rättelsen gäller (högst 500 tecken). Texten står på rapportens titelsida.",
    )?;
    let no = latest.version_no + 1;
    transaction(conn, |conn| {
        let at = now();
        let id = q::insert_version(
            conn,
            &NewVersion {
                edition_id,
                version_no: no,
                status: VersionStatus::Draft.code(),
                language: &latest.language,
                marking: &latest.marking,
                tlp: &latest.tlp,
                title: &latest.title,
                correction_note: Some(note),
                content: &latest.content,
                created_by: user.id,
                created_at: at,
                updated_at: at,
            },
        )?;
        q::add_editor(conn, id, user.id)?;
        event(conn, user, id, "corrected", Some(note))?;
        audit::record(
            conn,
            Some(user),
            "report_correction_started",
            "report_version",
            Some(&version_key(edition_id, no)),
            None,
        )?;
        Ok(no)
    })
}

/// A PDF download: the stored bytes of a published version, or a draft printed from live
/// data and marked "UTKAST". Every download is audited.
pub struct Download {
    pub bytes: Vec<u8>,
    pub file_name: String,
    pub sha256: String,
}

pub fn pdf(
    conn: &mut DbConnection,
    user: &User,
    edition_id: i64,
    no: i32,
    ctx: ReportContext<'_>,
) -> AppResult<Download> {
    let v = version(conn, user, edition_id, no)?;
    let download = stored_or_draft(conn, &v, ctx)?;
    audit::record(
        conn,
        Some(user),
        "report_downloaded",
        "report_version",
        Some(&version_key(edition_id, no)),
        Some(&format!("sha256={}", download.sha256)),
    )?;
    Ok(download)
}

/// The PDF without an actor (the CLI, which audits as "system").
pub fn stored_or_draft(
    conn: &mut DbConnection,
    v: &VersionView,
    ctx: ReportContext<'_>,
) -> AppResult<Download> {
    let published = v.status() == VersionStatus::Published;
    let bytes = if published {
        let b64 = q::stored_pdf(conn, v.version.id)?.ok_or(AppError::NotFound)?;
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .map_err(AppError::internal)?
    } else {
        let data = data_of(conn, v, ctx)?;
        super::timed_render(
            ctx.metrics,
            crate::metrics::PdfKind::EditionDraft,
            &info_of(v, None),
            &v.content,
            &data,
        )?
    };
    let sha256 = hex::encode(Sha256::digest(&bytes));
    Ok(Download {
        file_name: pdf_file_name(
            &v.edition.period_code,
            v.edition.id,
            published.then_some(v.version.version_no),
            &v.version.marking,
            tlp_of(&v.version),
        ),
        bytes,
        sha256,
    })
}

/// The newest published version number of an edition.
pub fn latest_published_no(conn: &mut DbConnection, edition_id: i64) -> AppResult<Option<i32>> {
    Ok(q::versions_of(conn, edition_id)?
        .iter()
        .filter(|v| v.status == VersionStatus::Published.code())
        .map(|v| v.version_no)
        .max())
}

/// Which published version a file is, by its SHA-256 (byte-identical or nothing).
pub fn verify(conn: &mut DbConnection, bytes: &[u8]) -> AppResult<(String, Vec<(i64, i32)>)> {
    let sha = hex::encode(Sha256::digest(bytes));
    let found = q::by_sha256(conn, &sha)?;
    Ok((sha, found))
}

/// Display names of users by id (for the version page).
pub fn user_names(conn: &mut DbConnection, ids: &[i64]) -> AppResult<Vec<(i64, String)>> {
    let mut out = Vec::new();
    for id in ids {
        if let Some(u) = users::by_id(conn, *id)? {
            out.push((*id, u.display_name));
        }
    }
    Ok(out)
}
