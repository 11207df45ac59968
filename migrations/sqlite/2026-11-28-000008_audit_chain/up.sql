-- At most one record follows any record: the audit chain cannot fork, even if an
-- append ever ran without the chain lock. NULLs (records not yet sealed) are distinct.
CREATE UNIQUE INDEX audit_log_prev_hash ON audit_log (prev_hash);
-- The admin's audit page filters on these and lists their distinct values.
CREATE INDEX audit_log_actor ON audit_log (actor);
CREATE INDEX audit_log_action ON audit_log (action);
CREATE INDEX audit_log_entity ON audit_log (entity);
