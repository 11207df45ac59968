-- Pre-aggregated accepted counts, maintained in the transaction that accepts a
-- submission: per submission, misuse type totals (dim = '') and one row per value of each
-- other dimension. Dashboards read this, so their cost follows the number of result
-- cells, not the number of stored lines.
CREATE TABLE rollup_cells (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    submission_id BIGINT NOT NULL REFERENCES submissions(id),
    period_id BIGINT NOT NULL REFERENCES reporting_periods(id),
    agency_id BIGINT NOT NULL REFERENCES agencies(id),
    source TEXT NOT NULL,
    misuse_type TEXT NOT NULL,
    dim TEXT NOT NULL,
    value TEXT NOT NULL,
    count BIGINT NOT NULL
);
CREATE INDEX rollup_cells_lookup ON rollup_cells (dim, period_id, misuse_type);
CREATE INDEX rollup_cells_submission ON rollup_cells (submission_id);
CREATE INDEX rollup_cells_agency ON rollup_cells (agency_id, dim);

-- Backfill from data accepted before this migration.
INSERT INTO rollup_cells (submission_id, period_id, agency_id, source, misuse_type, dim, value, count) SELECT s.id, s.period_id, s.agency_id, s.source, ol.misuse_type, '', '', CAST(SUM(ol.count) AS BIGINT) FROM observation_lines ol JOIN submission_versions sv ON sv.id = ol.version_id JOIN submissions s ON s.id = sv.submission_id WHERE sv.status = 'accepted' AND sv.version = s.current_version GROUP BY s.id, s.period_id, s.agency_id, s.source, ol.misuse_type;
INSERT INTO rollup_cells (submission_id, period_id, agency_id, source, misuse_type, dim, value, count) SELECT s.id, s.period_id, s.agency_id, s.source, ol.misuse_type, 'exploitation_area', COALESCE(ol.exploitation_area, ''), CAST(SUM(ol.count) AS BIGINT) FROM observation_lines ol JOIN submission_versions sv ON sv.id = ol.version_id JOIN submissions s ON s.id = sv.submission_id WHERE sv.status = 'accepted' AND sv.version = s.current_version GROUP BY s.id, s.period_id, s.agency_id, s.source, ol.misuse_type, ol.exploitation_area;
INSERT INTO rollup_cells (submission_id, period_id, agency_id, source, misuse_type, dim, value, count) SELECT s.id, s.period_id, s.agency_id, s.source, ol.misuse_type, 'document_type', COALESCE(ol.document_type, ''), CAST(SUM(ol.count) AS BIGINT) FROM observation_lines ol JOIN submission_versions sv ON sv.id = ol.version_id JOIN submissions s ON s.id = sv.submission_id WHERE sv.status = 'accepted' AND sv.version = s.current_version GROUP BY s.id, s.period_id, s.agency_id, s.source, ol.misuse_type, ol.document_type;
INSERT INTO rollup_cells (submission_id, period_id, agency_id, source, misuse_type, dim, value, count) SELECT s.id, s.period_id, s.agency_id, s.source, ol.misuse_type, 'chain_stage', COALESCE(ol.chain_stage, ''), CAST(SUM(ol.count) AS BIGINT) FROM observation_lines ol JOIN submission_versions sv ON sv.id = ol.version_id JOIN submissions s ON s.id = sv.submission_id WHERE sv.status = 'accepted' AND sv.version = s.current_version GROUP BY s.id, s.period_id, s.agency_id, s.source, ol.misuse_type, ol.chain_stage;
INSERT INTO rollup_cells (submission_id, period_id, agency_id, source, misuse_type, dim, value, count) SELECT s.id, s.period_id, s.agency_id, s.source, ol.misuse_type, 'age_band', COALESCE(ol.age_band, ''), CAST(SUM(ol.count) AS BIGINT) FROM observation_lines ol JOIN submission_versions sv ON sv.id = ol.version_id JOIN submissions s ON s.id = sv.submission_id WHERE sv.status = 'accepted' AND sv.version = s.current_version GROUP BY s.id, s.period_id, s.agency_id, s.source, ol.misuse_type, ol.age_band;
INSERT INTO rollup_cells (submission_id, period_id, agency_id, source, misuse_type, dim, value, count) SELECT s.id, s.period_id, s.agency_id, s.source, ol.misuse_type, 'citizenship', COALESCE(ol.citizenship, ''), CAST(SUM(ol.count) AS BIGINT) FROM observation_lines ol JOIN submission_versions sv ON sv.id = ol.version_id JOIN submissions s ON s.id = sv.submission_id WHERE sv.status = 'accepted' AND sv.version = s.current_version GROUP BY s.id, s.period_id, s.agency_id, s.source, ol.misuse_type, ol.citizenship;
INSERT INTO rollup_cells (submission_id, period_id, agency_id, source, misuse_type, dim, value, count) SELECT s.id, s.period_id, s.agency_id, s.source, ol.misuse_type, 'fraud_type', COALESCE(ol.fraud_type, ''), CAST(SUM(ol.count) AS BIGINT) FROM observation_lines ol JOIN submission_versions sv ON sv.id = ol.version_id JOIN submissions s ON s.id = sv.submission_id WHERE sv.status = 'accepted' AND sv.version = s.current_version GROUP BY s.id, s.period_id, s.agency_id, s.source, ol.misuse_type, ol.fraud_type;
