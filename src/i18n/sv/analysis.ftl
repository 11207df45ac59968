# Analysens tabeller: axlarnas namn och felsvaren (sidorna och API:t /api/v1/aggregates och /api/v1/signals).

analysis-axis-agency = Myndighet
analysis-axis-source = Källa
analysis-axis-period = Period
analysis-axis-misuse-type = Missbrukstyp
analysis-axis-exploitation-area = Utnyttjandeområde
analysis-axis-document-type = Handlingstyp
analysis-axis-chain-stage = Steg i identitetskedjan
analysis-axis-age-band = Åldersgrupp
analysis-axis-citizenship = Medborgarskap
analysis-axis-fraud-type = Bedrägeriform

analysis-unknown-dimension = Okänd dimension ”{ $value }”. Välj agency, source, period, misuse_type, exploitation_area, document_type, chain_stage, age_band, citizenship eller fraud_type.
analysis-same-axes = Välj två olika dimensioner för rader och kolumner.
analysis-from-after-to = Perioden ”från” ligger efter ”till”.
analysis-period-required = Ange period, t.ex. period=2026-Q3.
analysis-period-kinds-differ = Ange from och to som perioder av samma slag, t.ex. 2025-Q1 och 2026-Q3.
analysis-disclosure-value = Ange disclosure=on för röjandeskontroll, eller utelämna parametern.
analysis-invalid-code = ”{ $value }” är ingen giltig kod. Använd koderna i taxonomin, t.ex. false_identity.
analysis-signals-period-kind = Signaler beräknas för kvartal (2026-Q3) eller månader (2026-07).
