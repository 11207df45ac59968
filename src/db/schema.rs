//! The portable schema: one `table!` set for both backends (types limited to what
//! diesel's `MultiConnection` supports, so booleans are `Integer` 0/1).

diesel::table! {
    agencies (id) {
        id -> BigInt,
        code -> Text,
        name_sv -> Text,
        name_en -> Text,
        active -> Integer,
        sort_order -> Integer,
        rotation_order -> Nullable<Integer>,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        username -> Text,
        display_name -> Text,
        password_hash -> Text,
        role -> Text,
        agency_id -> Nullable<BigInt>,
        active -> Integer,
        session_epoch -> Integer,
        created_at -> Timestamp,
        language -> Text,
        email -> Nullable<Text>,
        totp_secret -> Nullable<Text>,
        totp_last_step -> Nullable<BigInt>,
    }
}

diesel::table! {
    reporting_periods (id) {
        id -> BigInt,
        code -> Text,
        kind -> Text,
        starts_on -> Date,
        ends_on -> Date,
        deadline -> Nullable<Date>,
        status -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    taxonomy_codes (id) {
        id -> BigInt,
        dimension -> Text,
        code -> Text,
        label_sv -> Text,
        label_en -> Text,
        sort_order -> Integer,
        introduced_in_version -> Integer,
        retired -> Integer,
        retired_in_version -> Nullable<Integer>,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> BigInt,
        token_hash -> Text,
        kind -> Text,
        user_id -> BigInt,
        label -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    submissions (id) {
        id -> BigInt,
        agency_id -> BigInt,
        period_id -> BigInt,
        source -> Text,
        status -> Text,
        current_version -> Integer,
        created_by -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        forum_meeting_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    submission_versions (id) {
        id -> BigInt,
        submission_id -> BigInt,
        version -> Integer,
        status -> Text,
        edited_by -> BigInt,
        submitted_by -> Nullable<BigInt>,
        submitted_at -> Nullable<Timestamp>,
        reviewed_by -> Nullable<BigInt>,
        reviewed_at -> Nullable<Timestamp>,
        review_comment -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    observation_lines (id) {
        id -> BigInt,
        version_id -> BigInt,
        line_no -> Integer,
        misuse_type -> Text,
        exploitation_area -> Nullable<Text>,
        document_type -> Nullable<Text>,
        chain_stage -> Nullable<Text>,
        age_band -> Nullable<Text>,
        citizenship -> Nullable<Text>,
        fraud_type -> Nullable<Text>,
        count -> BigInt,
        trend -> Nullable<Text>,
        reliability -> Nullable<Text>,
        validity -> Nullable<Text>,
        description -> Nullable<Text>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        actor_user_id -> Nullable<BigInt>,
        actor -> Text,
        action -> Text,
        entity -> Text,
        entity_id -> Nullable<Text>,
        detail -> Nullable<Text>,
        prev_hash -> Nullable<Text>,
        hash -> Nullable<Text>,
    }
}

diesel::table! {
    forum_meetings (id) {
        id -> BigInt,
        held_on -> Date,
        convener_agency_id -> BigInt,
        proposed_convener_agency_id -> Nullable<BigInt>,
        override_reason -> Nullable<Text>,
        notes -> Nullable<Text>,
        decisions -> Nullable<Text>,
        created_by -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    forum_attendance (id) {
        id -> BigInt,
        meeting_id -> BigInt,
        agency_id -> BigInt,
        coordinator_user_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    forum_agenda_items (id) {
        id -> BigInt,
        meeting_id -> BigInt,
        position -> Integer,
        text -> Text,
    }
}

diesel::table! {
    forum_followups (id) {
        id -> BigInt,
        meeting_id -> BigInt,
        text -> Text,
        owner_agency_id -> BigInt,
        due_on -> Nullable<Date>,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    measures (id) {
        id -> BigInt,
        title -> Text,
        kind -> Text,
        description -> Nullable<Text>,
        status -> Text,
        start_on -> Date,
        end_on -> Nullable<Date>,
        created_by -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    measure_agencies (id) {
        id -> BigInt,
        measure_id -> BigInt,
        agency_id -> BigInt,
    }
}

diesel::table! {
    measure_targets (id) {
        id -> BigInt,
        measure_id -> BigInt,
        dimension -> Text,
        code -> Text,
    }
}

diesel::joinable!(users -> agencies (agency_id));
diesel::joinable!(forum_attendance -> forum_meetings (meeting_id));
diesel::joinable!(forum_attendance -> agencies (agency_id));
diesel::joinable!(forum_agenda_items -> forum_meetings (meeting_id));
diesel::joinable!(forum_followups -> forum_meetings (meeting_id));
diesel::joinable!(forum_followups -> agencies (owner_agency_id));
diesel::joinable!(measure_agencies -> measures (measure_id));
diesel::joinable!(measure_agencies -> agencies (agency_id));
diesel::joinable!(measure_targets -> measures (measure_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(submissions -> agencies (agency_id));
diesel::joinable!(submissions -> reporting_periods (period_id));
diesel::joinable!(submission_versions -> submissions (submission_id));
diesel::joinable!(observation_lines -> submission_versions (version_id));

diesel::allow_tables_to_appear_in_same_query!(
    agencies,
    users,
    reporting_periods,
    taxonomy_codes,
    submissions,
    submission_versions,
    observation_lines,
    audit_log,
    api_tokens,
    forum_meetings,
    forum_attendance,
    forum_agenda_items,
    forum_followups,
    measures,
    measure_agencies,
    measure_targets,
    notices,
    notice_links,
    reference_figures,
);

// Aggregations group by columns of several joined tables.
diesel::allow_columns_to_appear_in_same_group_by_clause!(
    reporting_periods::code,
    agencies::code,
    submissions::source,
    observation_lines::misuse_type,
    observation_lines::exploitation_area,
    observation_lines::document_type,
    observation_lines::chain_stage,
    observation_lines::age_band,
    observation_lines::citizenship,
    observation_lines::fraud_type,
);

diesel::table! {
    rollup_cells (id) {
        id -> BigInt,
        submission_id -> BigInt,
        period_id -> BigInt,
        agency_id -> BigInt,
        source -> Text,
        misuse_type -> Text,
        dim -> Text,
        value -> Text,
        count -> BigInt,
    }
}

diesel::table! {
    notices (id) {
        id -> BigInt,
        kind -> Text,
        title -> Text,
        description -> Text,
        search_text -> Text,
        source -> Text,
        agency_id -> Nullable<BigInt>,
        marking -> Text,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
        status -> Text,
        created_by -> BigInt,
        edited_by -> BigInt,
        submitted_by -> Nullable<BigInt>,
        submitted_at -> Nullable<Timestamp>,
        reviewed_by -> Nullable<BigInt>,
        reviewed_at -> Nullable<Timestamp>,
        review_comment -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    notice_links (notice_id, dimension, code) {
        notice_id -> BigInt,
        dimension -> Text,
        code -> Text,
    }
}

diesel::table! {
    reference_figures (id) {
        id -> BigInt,
        source -> Text,
        title -> Text,
        published_on -> Date,
        url -> Text,
        value -> Double,
        decimals -> Integer,
        unit -> Text,
        period -> Text,
        period_start -> Date,
        period_end -> Date,
        dimension -> Text,
        code -> Text,
        created_by -> BigInt,
        created_at -> Timestamp,
        updated_by -> BigInt,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(notices -> agencies (agency_id));
diesel::joinable!(notice_links -> notices (notice_id));

diesel::table! {
    login_failures (id) {
        id -> BigInt,
        throttle_key -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    report_templates (id) {
        id -> BigInt,
        name -> Text,
        sections -> Text,
        updated_by -> Nullable<BigInt>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    report_editions (id) {
        id -> BigInt,
        period_code -> Text,
        created_by -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    report_versions (id) {
        id -> BigInt,
        edition_id -> BigInt,
        version_no -> Integer,
        status -> Text,
        language -> Text,
        marking -> Text,
        tlp -> Text,
        title -> Text,
        correction_note -> Nullable<Text>,
        content -> Text,
        created_by -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        submitted_by -> Nullable<BigInt>,
        submitted_at -> Nullable<Timestamp>,
        approved_by -> Nullable<BigInt>,
        approved_at -> Nullable<Timestamp>,
        published_by -> Nullable<BigInt>,
        published_at -> Nullable<Timestamp>,
        snapshot -> Nullable<Text>,
        pdf_base64 -> Nullable<Text>,
        pdf_sha256 -> Nullable<Text>,
        pdf_size -> Nullable<BigInt>,
    }
}

diesel::table! {
    report_version_editors (version_id, user_id) {
        version_id -> BigInt,
        user_id -> BigInt,
    }
}

diesel::table! {
    report_version_events (id) {
        id -> BigInt,
        version_id -> BigInt,
        at -> Timestamp,
        actor_user_id -> Nullable<BigInt>,
        actor -> Text,
        event -> Text,
        note -> Nullable<Text>,
    }
}

diesel::joinable!(report_versions -> report_editions (edition_id));
diesel::joinable!(report_version_events -> report_versions (version_id));

diesel::allow_tables_to_appear_in_same_query!(
    report_templates,
    report_editions,
    report_versions,
    report_version_editors,
    report_version_events,
);

diesel::table! {
    /// One row (id 1): moved on by triggers at every committed change to the tables the
    /// dashboards read (migration `data_changes`).
    data_changes (id) {
        id -> Integer,
        n -> BigInt,
    }
}

diesel::table! {
    /// Notices to one user (migration `notifications`): a catalogue key and its arguments.
    notifications (id) {
        id -> BigInt,
        user_id -> BigInt,
        kind -> Text,
        message_key -> Text,
        args -> Text,
        link -> Text,
        created_at -> Timestamp,
        read_at -> Nullable<Timestamp>,
        dedupe_key -> Nullable<Text>,
    }
}

diesel::table! {
    /// E-mail waiting to be sent, sent, or given up (the outbox).
    mail_outbox (id) {
        id -> BigInt,
        notification_id -> BigInt,
        to_address -> Text,
        status -> Text,
        attempts -> Integer,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        next_attempt_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// Which instance leads the background scheduler, until when.
    scheduler_lease (name) {
        name -> Text,
        holder -> Text,
        expires_at -> Timestamp,
    }
}

diesel::joinable!(notifications -> users (user_id));
diesel::joinable!(mail_outbox -> notifications (notification_id));

diesel::allow_tables_to_appear_in_same_query!(notifications, mail_outbox, users);
