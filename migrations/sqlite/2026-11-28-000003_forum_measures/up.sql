-- Forum observations are submissions with source 'forum', one per meeting. The old
-- UNIQUE (agency_id, period_id, source) would allow only one per convener and period, so
-- the table is rebuilt with partial unique indexes instead (SQLite cannot drop a table
-- constraint). Foreign keys are checked at commit.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE submissions_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    agency_id BIGINT NOT NULL REFERENCES agencies(id),
    period_id BIGINT NOT NULL REFERENCES reporting_periods(id),
    source TEXT NOT NULL DEFAULT 'agency',
    status TEXT NOT NULL,
    current_version INTEGER NOT NULL DEFAULT 1,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    forum_meeting_id BIGINT
);
INSERT INTO submissions_new (id, agency_id, period_id, source, status, current_version, created_by, created_at, updated_at)
    SELECT id, agency_id, period_id, source, status, current_version, created_by, created_at, updated_at FROM submissions;
DROP TABLE submissions;
ALTER TABLE submissions_new RENAME TO submissions;
CREATE UNIQUE INDEX submissions_agency_period ON submissions (agency_id, period_id, source) WHERE forum_meeting_id IS NULL;
CREATE UNIQUE INDEX submissions_forum_meeting ON submissions (forum_meeting_id) WHERE forum_meeting_id IS NOT NULL;
CREATE INDEX submissions_period ON submissions (period_id);

-- The forum's rotation: agencies take turns to convene, in this order (NULL: not in it).
ALTER TABLE agencies ADD COLUMN rotation_order INTEGER;

CREATE TABLE forum_meetings (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    held_on DATE NOT NULL,
    convener_agency_id BIGINT NOT NULL REFERENCES agencies(id),
    proposed_convener_agency_id BIGINT REFERENCES agencies(id),
    override_reason TEXT,
    notes TEXT,
    decisions TEXT,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX forum_meetings_held_on ON forum_meetings (held_on);

CREATE TABLE forum_attendance (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    meeting_id BIGINT NOT NULL REFERENCES forum_meetings(id),
    agency_id BIGINT NOT NULL REFERENCES agencies(id),
    coordinator_user_id BIGINT REFERENCES users(id),
    UNIQUE (meeting_id, agency_id)
);

CREATE TABLE forum_agenda_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    meeting_id BIGINT NOT NULL REFERENCES forum_meetings(id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL
);

CREATE TABLE forum_followups (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    meeting_id BIGINT NOT NULL REFERENCES forum_meetings(id),
    text TEXT NOT NULL,
    owner_agency_id BIGINT NOT NULL REFERENCES agencies(id),
    due_on DATE,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE measures (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT,
    status TEXT NOT NULL,
    start_on DATE NOT NULL,
    end_on DATE,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE measure_agencies (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    measure_id BIGINT NOT NULL REFERENCES measures(id),
    agency_id BIGINT NOT NULL REFERENCES agencies(id),
    UNIQUE (measure_id, agency_id)
);

CREATE TABLE measure_targets (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    measure_id BIGINT NOT NULL REFERENCES measures(id),
    dimension TEXT NOT NULL,
    code TEXT NOT NULL,
    UNIQUE (measure_id, dimension, code)
);
