DROP TRIGGER report_versions_frozen ON report_versions;
DROP FUNCTION report_versions_frozen();
DROP TABLE report_version_events;
DROP TABLE report_version_editors;
DROP TABLE report_versions;
DROP TABLE report_editions;
DROP TABLE report_templates;
