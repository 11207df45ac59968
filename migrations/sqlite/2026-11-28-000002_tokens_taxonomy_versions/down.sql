DROP INDEX submissions_period;
ALTER TABLE taxonomy_codes DROP COLUMN retired_in_version;
DROP TABLE api_tokens;
