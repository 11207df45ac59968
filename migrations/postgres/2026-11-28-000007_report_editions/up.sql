-- Report templates: which sections, in which order, with which default text and automatic
-- content. `sections` is JSON (domain::report::Template), validated in Rust.
CREATE TABLE report_templates (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    sections TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id),
    updated_at TIMESTAMP NOT NULL
);
-- A report edition (utgåva) covers one period; its versions are the original and its
-- corrections (rättelser).
CREATE TABLE report_editions (
    id BIGSERIAL PRIMARY KEY,
    period_code TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX report_editions_period ON report_editions (period_code);
-- One version of an edition: draft -> in_review -> approved -> published. A published
-- version is frozen: its content, data snapshot and PDF never change (a trigger refuses).
CREATE TABLE report_versions (
    id BIGSERIAL PRIMARY KEY,
    edition_id BIGINT NOT NULL REFERENCES report_editions(id),
    version_no INTEGER NOT NULL,
    status TEXT NOT NULL,
    language TEXT NOT NULL,
    marking TEXT NOT NULL,
    tlp TEXT NOT NULL,
    title TEXT NOT NULL,
    correction_note TEXT,
    content TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    submitted_by BIGINT REFERENCES users(id),
    submitted_at TIMESTAMP,
    approved_by BIGINT REFERENCES users(id),
    approved_at TIMESTAMP,
    published_by BIGINT REFERENCES users(id),
    published_at TIMESTAMP,
    snapshot TEXT,
    pdf_base64 TEXT,
    pdf_sha256 TEXT,
    pdf_size BIGINT,
    UNIQUE (edition_id, version_no)
);
CREATE INDEX report_versions_sha ON report_versions (pdf_sha256);
-- Everyone who wrote any part of a version: none of them may approve it (four eyes).
CREATE TABLE report_version_editors (
    version_id BIGINT NOT NULL REFERENCES report_versions(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    PRIMARY KEY (version_id, user_id)
);
-- The version's history as its page shows it, including the reason for a refusal.
CREATE TABLE report_version_events (
    id BIGSERIAL PRIMARY KEY,
    version_id BIGINT NOT NULL REFERENCES report_versions(id),
    at TIMESTAMP NOT NULL,
    actor_user_id BIGINT REFERENCES users(id),
    actor TEXT NOT NULL,
    event TEXT NOT NULL,
    note TEXT
);
CREATE INDEX report_version_events_version ON report_version_events (version_id);
CREATE FUNCTION report_versions_frozen() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'published' THEN
        RAISE EXCEPTION 'a published report version is frozen';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER report_versions_frozen BEFORE UPDATE OR DELETE ON report_versions
FOR EACH ROW EXECUTE FUNCTION report_versions_frozen();
