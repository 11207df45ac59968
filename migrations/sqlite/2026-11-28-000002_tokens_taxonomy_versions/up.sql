-- API tokens: stored as SHA-256 of a high-entropy secret shown once. An agency token acts
-- through a service account (a coordinator that cannot log in); a personal token acts as
-- its user.
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users(id),
    label TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP
);

-- The taxonomy version in which a code was retired (the taxonomy's version is the
-- highest introduced/retired version).
ALTER TABLE taxonomy_codes ADD COLUMN retired_in_version INTEGER;

CREATE INDEX submissions_period ON submissions (period_id);
