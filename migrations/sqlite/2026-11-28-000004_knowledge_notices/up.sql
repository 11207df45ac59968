-- Knowledge notices (kunskapsnotiser): short notices an agency or the forum shares, with a
-- distribution marking (CLEAR / GREEN / AMBER) and a review before others see them.
-- search_text is lower(title + description) computed in Rust, so that search folds å, ä, ö
-- the same on both backends.
CREATE TABLE notices (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    search_text TEXT NOT NULL,
    -- 'agency' (agency_id set) or 'forum' (agency_id NULL)
    source TEXT NOT NULL,
    agency_id BIGINT REFERENCES agencies(id),
    marking TEXT NOT NULL,
    valid_from DATE NOT NULL,
    valid_to DATE,
    status TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    edited_by BIGINT NOT NULL REFERENCES users(id),
    submitted_by BIGINT REFERENCES users(id),
    submitted_at TIMESTAMP,
    reviewed_by BIGINT REFERENCES users(id),
    reviewed_at TIMESTAMP,
    review_comment TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK ((source = 'agency' AND agency_id IS NOT NULL) OR (source = 'forum' AND agency_id IS NULL))
);
CREATE INDEX notices_status ON notices (status);
CREATE INDEX notices_agency ON notices (agency_id);

-- The series a notice concerns: taxonomy codes of misuse type, document type, chain stage.
CREATE TABLE notice_links (
    notice_id BIGINT NOT NULL REFERENCES notices(id),
    dimension TEXT NOT NULL,
    code TEXT NOT NULL,
    PRIMARY KEY (notice_id, dimension, code)
);
CREATE INDEX notice_links_code ON notice_links (dimension, code);

-- Reference figures from other published situation pictures, shown beside our series and
-- never mixed into the aggregation. The period is stored as its code and its first and
-- last day (for range queries).
CREATE TABLE reference_figures (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    published_on DATE NOT NULL,
    url TEXT NOT NULL,
    value REAL NOT NULL,
    decimals INTEGER NOT NULL DEFAULT 0,
    unit TEXT NOT NULL,
    period TEXT NOT NULL,
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    dimension TEXT NOT NULL,
    code TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    updated_by BIGINT NOT NULL REFERENCES users(id),
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX reference_figures_series ON reference_figures (dimension, code, period_start);
