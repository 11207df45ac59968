use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::models::{AgencyRow, AgendaRow, FollowupRow, MeetingRow, NewMeeting};
use crate::db::schema::{
    agencies, forum_agenda_items as ag, forum_attendance as att, forum_followups as fu,
    forum_meetings as m,
};
use crate::db::DbConnection;
use crate::with_backend;

/// Agencies in the rotation, in order.
pub fn rotation(conn: &mut DbConnection) -> QueryResult<Vec<AgencyRow>> {
    agencies::table
        .filter(agencies::rotation_order.is_not_null())
        .order((agencies::rotation_order, agencies::id))
        .select(AgencyRow::as_select())
        .load(conn)
}

pub fn clear_rotation(conn: &mut DbConnection) -> QueryResult<usize> {
    diesel::update(agencies::table)
        .set(agencies::rotation_order.eq(None::<i32>))
        .execute(conn)
}

pub fn set_rotation_order(
    conn: &mut DbConnection,
    agency_id: i64,
    order: i32,
) -> QueryResult<usize> {
    diesel::update(agencies::table.find(agency_id))
        .set(agencies::rotation_order.eq(Some(order)))
        .execute(conn)
}

/// The latest meeting (by date, then by creation), if any.
pub fn latest(conn: &mut DbConnection) -> QueryResult<Option<MeetingRow>> {
    m::table
        .order((m::held_on.desc(), m::id.desc()))
        .select(MeetingRow::as_select())
        .first(conn)
        .optional()
}

pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<MeetingRow>> {
    m::table
        .order((m::held_on.desc(), m::id.desc()))
        .select(MeetingRow::as_select())
        .load(conn)
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> QueryResult<Option<MeetingRow>> {
    m::table
        .find(id)
        .select(MeetingRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConnection, new: &NewMeeting<'_>) -> QueryResult<i64> {
    with_backend!(conn, c => diesel::insert_into(m::table).values(new).returning(m::id).get_result(c))
}

pub fn set_notes(
    conn: &mut DbConnection,
    id: i64,
    notes: Option<&str>,
    decisions: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(m::table.find(id))
        .set((
            m::notes.eq(notes),
            m::decisions.eq(decisions),
            m::updated_at.eq(now),
        ))
        .execute(conn)
}

pub fn attendance(conn: &mut DbConnection, meeting_id: i64) -> QueryResult<Vec<AgencyRow>> {
    att::table
        .inner_join(agencies::table)
        .filter(att::meeting_id.eq(meeting_id))
        .order(agencies::sort_order)
        .select(AgencyRow::as_select())
        .load(conn)
}

pub fn is_attending(conn: &mut DbConnection, meeting_id: i64, agency_id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        att::table
            .filter(att::meeting_id.eq(meeting_id))
            .filter(att::agency_id.eq(agency_id)),
    ))
    .get_result(conn)
}

pub fn replace_attendance(
    conn: &mut DbConnection,
    meeting_id: i64,
    agency_ids: &[i64],
) -> QueryResult<()> {
    diesel::delete(att::table.filter(att::meeting_id.eq(meeting_id))).execute(conn)?;
    for a in agency_ids {
        diesel::insert_into(att::table)
            .values((att::meeting_id.eq(meeting_id), att::agency_id.eq(*a)))
            .execute(conn)?;
    }
    Ok(())
}

pub fn agenda(conn: &mut DbConnection, meeting_id: i64) -> QueryResult<Vec<AgendaRow>> {
    ag::table
        .filter(ag::meeting_id.eq(meeting_id))
        .order((ag::position, ag::id))
        .select(AgendaRow::as_select())
        .load(conn)
}

pub fn add_agenda_item(conn: &mut DbConnection, meeting_id: i64, text: &str) -> QueryResult<usize> {
    let position: Option<i32> = ag::table
        .filter(ag::meeting_id.eq(meeting_id))
        .select(diesel::dsl::max(ag::position))
        .first(conn)?;
    diesel::insert_into(ag::table)
        .values((
            ag::meeting_id.eq(meeting_id),
            ag::position.eq(position.unwrap_or(0) + 1),
            ag::text.eq(text),
        ))
        .execute(conn)
}

pub fn add_followup(
    conn: &mut DbConnection,
    meeting_id: i64,
    text: &str,
    owner_agency_id: i64,
    due_on: Option<NaiveDate>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(fu::table)
        .values((
            fu::meeting_id.eq(meeting_id),
            fu::text.eq(text),
            fu::owner_agency_id.eq(owner_agency_id),
            fu::due_on.eq(due_on),
            fu::status.eq("open"),
            fu::created_at.eq(now),
            fu::updated_at.eq(now),
        ))
        .execute(conn)
}

pub fn followup(conn: &mut DbConnection, id: i64) -> QueryResult<Option<FollowupRow>> {
    fu::table
        .find(id)
        .select(FollowupRow::as_select())
        .first(conn)
        .optional()
}

pub fn set_followup_status(
    conn: &mut DbConnection,
    id: i64,
    status: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(fu::table.find(id))
        .set((fu::status.eq(status), fu::updated_at.eq(now)))
        .execute(conn)
}

/// Follow-ups raised at this meeting.
pub fn followups_of(conn: &mut DbConnection, meeting_id: i64) -> QueryResult<Vec<FollowupRow>> {
    fu::table
        .filter(fu::meeting_id.eq(meeting_id))
        .order(fu::id)
        .select(FollowupRow::as_select())
        .load(conn)
}

/// Follow-ups not yet done that earlier meetings raised (carried over to this one).
pub fn carried_over(
    conn: &mut DbConnection,
    meeting: &MeetingRow,
) -> QueryResult<Vec<(FollowupRow, MeetingRow)>> {
    fu::table
        .inner_join(m::table)
        .filter(fu::status.ne("done"))
        .filter(
            m::held_on
                .lt(meeting.held_on)
                .or(m::held_on.eq(meeting.held_on).and(m::id.lt(meeting.id))),
        )
        .order((m::held_on, fu::id))
        .select((FollowupRow::as_select(), MeetingRow::as_select()))
        .load(conn)
}
