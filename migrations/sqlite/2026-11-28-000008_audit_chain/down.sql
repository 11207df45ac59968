DROP INDEX audit_log_prev_hash;
