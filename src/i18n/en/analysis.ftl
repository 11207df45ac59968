# The analysis tables: the names of the axes and the error answers (the pages and the API's /api/v1/aggregates and /api/v1/signals).

analysis-axis-agency = Agency
analysis-axis-source = Source
analysis-axis-period = Period
analysis-axis-misuse-type = Type of misuse
analysis-axis-exploitation-area = Exploitation area
analysis-axis-document-type = Document type
analysis-axis-chain-stage = Identity chain stage
analysis-axis-age-band = Age band
analysis-axis-citizenship = Citizenship
analysis-axis-fraud-type = Fraud type

analysis-unknown-dimension = Unknown dimension “{ $value }”. Choose agency, source, period, misuse_type, exploitation_area, document_type, chain_stage, age_band, citizenship or fraud_type.
analysis-same-axes = Choose two different dimensions for the rows and the columns.
analysis-from-after-to = The “from” period is after the “to” period.
analysis-period-required = Give a period, for example period=2026-Q3.
analysis-period-kinds-differ = Give from and to as periods of the same kind, for example 2025-Q1 and 2026-Q3.
analysis-disclosure-value = Give disclosure=on for disclosure control, or leave the parameter out.
analysis-invalid-code = “{ $value }” is not a valid code. Use the codes of the taxonomy, for example false_identity.
analysis-signals-period-kind = Signals are calculated for quarters (2026-Q3) or months (2026-07).
