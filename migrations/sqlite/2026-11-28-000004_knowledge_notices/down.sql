DROP INDEX reference_figures_series;
DROP TABLE reference_figures;
DROP INDEX notice_links_code;
DROP TABLE notice_links;
DROP INDEX notices_agency;
DROP INDEX notices_status;
DROP TABLE notices;
