-- At most one record follows any record: the audit chain cannot fork, even if an
-- append ever ran without the chain lock. NULLs (records not yet sealed) are distinct.
CREATE UNIQUE INDEX audit_log_prev_hash ON audit_log (prev_hash);
