-- Forum observations are submissions with source 'forum', one per meeting.
ALTER TABLE submissions ADD COLUMN forum_meeting_id BIGINT;
ALTER TABLE submissions DROP CONSTRAINT submissions_agency_id_period_id_source_key;
CREATE UNIQUE INDEX submissions_agency_period ON submissions (agency_id, period_id, source) WHERE forum_meeting_id IS NULL;
CREATE UNIQUE INDEX submissions_forum_meeting ON submissions (forum_meeting_id) WHERE forum_meeting_id IS NOT NULL;

-- The forum's rotation: agencies take turns to convene, in this order (NULL: not in it).
ALTER TABLE agencies ADD COLUMN rotation_order INTEGER;

CREATE TABLE forum_meetings (
    id BIGSERIAL PRIMARY KEY,
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
    id BIGSERIAL PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES forum_meetings(id),
    agency_id BIGINT NOT NULL REFERENCES agencies(id),
    coordinator_user_id BIGINT REFERENCES users(id),
    UNIQUE (meeting_id, agency_id)
);

CREATE TABLE forum_agenda_items (
    id BIGSERIAL PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES forum_meetings(id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL
);

CREATE TABLE forum_followups (
    id BIGSERIAL PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES forum_meetings(id),
    text TEXT NOT NULL,
    owner_agency_id BIGINT NOT NULL REFERENCES agencies(id),
    due_on DATE,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE measures (
    id BIGSERIAL PRIMARY KEY,
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
    id BIGSERIAL PRIMARY KEY,
    measure_id BIGINT NOT NULL REFERENCES measures(id),
    agency_id BIGINT NOT NULL REFERENCES agencies(id),
    UNIQUE (measure_id, agency_id)
);

CREATE TABLE measure_targets (
    id BIGSERIAL PRIMARY KEY,
    measure_id BIGINT NOT NULL REFERENCES measures(id),
    dimension TEXT NOT NULL,
    code TEXT NOT NULL,
    UNIQUE (measure_id, dimension, code)
);
