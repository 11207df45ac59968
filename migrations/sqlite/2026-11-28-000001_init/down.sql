DROP TABLE audit_log;
DROP TABLE observation_lines;
DROP TABLE submission_versions;
DROP TABLE submissions;
DROP TABLE taxonomy_codes;
DROP TABLE reporting_periods;
DROP TABLE users;
DROP TABLE agencies;
