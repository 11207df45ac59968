-- One counter that every committed change to the tables the dashboards read moves on, so
-- a page cache can ask "has anything changed?" with one primary-key read, on every
-- instance that shares the database (set by triggers: no code path can forget it).
-- observation_lines and rollup_cells are left out on purpose: lines only count once their
-- version is accepted, and the rollup only changes in the transaction that changes
-- submission_versions (review), which moves the counter.
CREATE TABLE data_changes (
    id INTEGER PRIMARY KEY NOT NULL,
    n BIGINT NOT NULL
);
INSERT INTO data_changes (id, n) VALUES (1, 0);
CREATE TRIGGER data_changes_agencies_insert AFTER INSERT ON agencies BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_agencies_update AFTER UPDATE ON agencies BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_agencies_delete AFTER DELETE ON agencies BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_reporting_periods_insert AFTER INSERT ON reporting_periods BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_reporting_periods_update AFTER UPDATE ON reporting_periods BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_reporting_periods_delete AFTER DELETE ON reporting_periods BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_taxonomy_codes_insert AFTER INSERT ON taxonomy_codes BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_taxonomy_codes_update AFTER UPDATE ON taxonomy_codes BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_taxonomy_codes_delete AFTER DELETE ON taxonomy_codes BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_submissions_insert AFTER INSERT ON submissions BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_submissions_update AFTER UPDATE ON submissions BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_submissions_delete AFTER DELETE ON submissions BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_submission_versions_insert AFTER INSERT ON submission_versions BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_submission_versions_update AFTER UPDATE ON submission_versions BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_submission_versions_delete AFTER DELETE ON submission_versions BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_measures_insert AFTER INSERT ON measures BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_measures_update AFTER UPDATE ON measures BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_measures_delete AFTER DELETE ON measures BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_measure_agencies_insert AFTER INSERT ON measure_agencies BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_measure_agencies_update AFTER UPDATE ON measure_agencies BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_measure_agencies_delete AFTER DELETE ON measure_agencies BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_measure_targets_insert AFTER INSERT ON measure_targets BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_measure_targets_update AFTER UPDATE ON measure_targets BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_measure_targets_delete AFTER DELETE ON measure_targets BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_notices_insert AFTER INSERT ON notices BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_notices_update AFTER UPDATE ON notices BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_notices_delete AFTER DELETE ON notices BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_notice_links_insert AFTER INSERT ON notice_links BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_notice_links_update AFTER UPDATE ON notice_links BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_notice_links_delete AFTER DELETE ON notice_links BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_reference_figures_insert AFTER INSERT ON reference_figures BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_reference_figures_update AFTER UPDATE ON reference_figures BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_changes_reference_figures_delete AFTER DELETE ON reference_figures BEGIN UPDATE data_changes SET n = n + 1 WHERE id = 1; END;
