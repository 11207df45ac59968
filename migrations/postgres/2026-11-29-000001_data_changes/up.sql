-- One counter that every committed change to the tables the dashboards read moves on, so
-- a page cache can ask "has anything changed?" with one primary-key read, on every
-- instance that shares the database (set by triggers: no code path can forget it).
-- observation_lines and rollup_cells are left out on purpose: lines only count once their
-- version is accepted, and the rollup only changes in the transaction that changes
-- submission_versions (review), which moves the counter.
-- On PostgreSQL the triggers are deferred to the commit, so the counter row is locked only
-- for the last moment of a writing transaction (no lock-order cycles with other rows).
CREATE TABLE data_changes (
    id INTEGER PRIMARY KEY,
    n BIGINT NOT NULL
);
INSERT INTO data_changes (id, n) VALUES (1, 0);
CREATE FUNCTION data_changes_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_changes SET n = n + 1 WHERE id = 1;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER data_changes_agencies AFTER INSERT OR UPDATE OR DELETE ON agencies DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_reporting_periods AFTER INSERT OR UPDATE OR DELETE ON reporting_periods DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_taxonomy_codes AFTER INSERT OR UPDATE OR DELETE ON taxonomy_codes DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_submissions AFTER INSERT OR UPDATE OR DELETE ON submissions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_submission_versions AFTER INSERT OR UPDATE OR DELETE ON submission_versions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_measures AFTER INSERT OR UPDATE OR DELETE ON measures DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_measure_agencies AFTER INSERT OR UPDATE OR DELETE ON measure_agencies DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_measure_targets AFTER INSERT OR UPDATE OR DELETE ON measure_targets DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_notices AFTER INSERT OR UPDATE OR DELETE ON notices DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_notice_links AFTER INSERT OR UPDATE OR DELETE ON notice_links DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
CREATE CONSTRAINT TRIGGER data_changes_reference_figures AFTER INSERT OR UPDATE OR DELETE ON reference_figures DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_changes_bump();
