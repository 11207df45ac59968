DROP INDEX audit_log_entity;
DROP INDEX audit_log_action;
DROP INDEX audit_log_actor;
DROP INDEX audit_log_prev_hash;
