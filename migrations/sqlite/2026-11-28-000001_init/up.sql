-- Schema v1 of Lägesbild. Timestamps are UTC, set from Rust. Booleans are INTEGER 0/1
-- so that one portable schema serves both backends through diesel's MultiConnection.
CREATE TABLE agencies (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    name_sv TEXT NOT NULL,
    name_en TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    agency_id BIGINT REFERENCES agencies(id),
    active INTEGER NOT NULL DEFAULT 1,
    -- bumped when a user is deactivated or changes role: older sessions stop working
    session_epoch INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE reporting_periods (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    deadline DATE,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE taxonomy_codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    dimension TEXT NOT NULL,
    code TEXT NOT NULL,
    label_sv TEXT NOT NULL,
    label_en TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0,
    introduced_in_version INTEGER NOT NULL DEFAULT 1,
    retired INTEGER NOT NULL DEFAULT 0,
    UNIQUE (dimension, code)
);

-- One submission per agency (or the forum), period and source; its versions keep history.
CREATE TABLE submissions (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    agency_id BIGINT NOT NULL REFERENCES agencies(id),
    period_id BIGINT NOT NULL REFERENCES reporting_periods(id),
    source TEXT NOT NULL DEFAULT 'agency',
    status TEXT NOT NULL,
    current_version INTEGER NOT NULL DEFAULT 1,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (agency_id, period_id, source)
);

CREATE TABLE submission_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    submission_id BIGINT NOT NULL REFERENCES submissions(id),
    version INTEGER NOT NULL,
    status TEXT NOT NULL,
    edited_by BIGINT NOT NULL REFERENCES users(id),
    submitted_by BIGINT REFERENCES users(id),
    submitted_at TIMESTAMP,
    reviewed_by BIGINT REFERENCES users(id),
    reviewed_at TIMESTAMP,
    review_comment TEXT,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (submission_id, version)
);

CREATE TABLE observation_lines (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    version_id BIGINT NOT NULL REFERENCES submission_versions(id),
    line_no INTEGER NOT NULL,
    misuse_type TEXT NOT NULL,
    exploitation_area TEXT,
    document_type TEXT,
    chain_stage TEXT,
    age_band TEXT,
    citizenship TEXT,
    fraud_type TEXT,
    count BIGINT NOT NULL CHECK (count >= 0),
    trend TEXT,
    reliability TEXT,
    validity TEXT,
    description TEXT
);
CREATE INDEX observation_lines_version ON observation_lines (version_id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    at TIMESTAMP NOT NULL,
    actor_user_id BIGINT,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT,
    detail TEXT,
    prev_hash TEXT,
    hash TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);

INSERT INTO agencies (code, name_sv, name_en, active, sort_order) VALUES
 ('SKV', 'Skatteverket', 'Swedish Tax Agency', 1, 1),
 ('POL', 'Polismyndigheten', 'Swedish Police Authority', 1, 2),
 ('MIG', 'Migrationsverket', 'Swedish Migration Agency', 1, 3),
 ('SSC', 'Statens servicecenter', 'National Government Service Centre', 1, 4),
 ('EBM', 'Ekobrottsmyndigheten', 'Swedish Economic Crime Authority', 1, 5),
 ('AM', 'Åklagarmyndigheten', 'Swedish Prosecution Authority', 1, 6),
 ('DIGG', 'Myndigheten för digital förvaltning', 'Agency for Digital Government', 1, 7),
 ('UM-BKK', 'Sveriges ambassad i Bangkok', 'Embassy of Sweden in Bangkok', 1, 8),
 ('UM-BOG', 'Sveriges ambassad i Bogotá', 'Embassy of Sweden in Bogotá', 1, 9),
 ('UM-IST', 'Sveriges generalkonsulat i Istanbul', 'Consulate General of Sweden in Istanbul', 1, 10),
 ('UM-LON', 'Sveriges ambassad i London', 'Embassy of Sweden in London', 1, 11),
 ('UM-NBO', 'Sveriges ambassad i Nairobi', 'Embassy of Sweden in Nairobi', 1, 12);

INSERT INTO taxonomy_codes (dimension, code, label_sv, label_en, sort_order, introduced_in_version, retired) VALUES
 ('misuse_type', 'exploited_identity', 'Utnyttjad identitet', 'Exploited identity', 1, 1, 0),
 ('misuse_type', 'hijacked_identity', 'Kapad identitet', 'Hijacked identity', 2, 1, 0),
 ('misuse_type', 'false_identity', 'Falsk identitet', 'False identity', 3, 1, 0),
 ('misuse_type', 'look_alike', 'Look-alike', 'Look-alike', 4, 1, 0),
 ('misuse_type', 'forged_document', 'Förfalskad eller manipulerad handling', 'Forged or manipulated document', 5, 1, 0),
 ('misuse_type', 'incorrect_personal_data', 'Felaktiga personuppgifter', 'Incorrect personal data', 6, 1, 0),
 ('misuse_type', 'false_certificate', 'Felaktigt intyg', 'False certificate', 7, 1, 0),
 ('exploitation_area', 'company_roles', 'Bolagsengagemang', 'Company roles', 1, 1, 0),
 ('exploitation_area', 'bank_accounts', 'Bankkonton och penningtvätt', 'Bank accounts and money laundering', 2, 1, 0),
 ('exploitation_area', 'property', 'Fastighetstransaktioner', 'Property transactions', 3, 1, 0),
 ('exploitation_area', 'loans', 'Låneupplägg', 'Loan schemes', 4, 1, 0),
 ('exploitation_area', 'benefit_fraud', 'Bidragsbrott', 'Benefit fraud', 5, 1, 0),
 ('exploitation_area', 'relations_data', 'Relationsuppgifter', 'Relationship data', 6, 1, 0),
 ('exploitation_area', 'population_registration', 'Folkbokföring', 'Population registration', 7, 1, 0),
 ('exploitation_area', 'labour_migration', 'Arbetskraftsinvandring', 'Labour migration', 8, 1, 0),
 ('exploitation_area', 'other', 'Övrigt', 'Other', 9, 1, 0),
 ('document_type', 'eu_passport', 'EU-pass', 'EU passport', 1, 1, 0),
 ('document_type', 'eu_national_id', 'Nationellt id-kort (EU)', 'National ID card (EU)', 2, 1, 0),
 ('document_type', 'third_country_passport', 'Pass från tredje land', 'Third-country passport', 3, 1, 0),
 ('document_type', 'residence_permit_card', 'Uppehållstillståndskort', 'Residence permit card', 4, 1, 0),
 ('document_type', 'driving_licence', 'Körkort', 'Driving licence', 5, 1, 0),
 ('document_type', 'certificate', 'Intyg/certifikat', 'Certificate', 6, 1, 0),
 ('document_type', 'other', 'Övrigt', 'Other', 7, 1, 0),
 ('chain_stage', 'establishment', 'Etablering av identitet', 'Establishment of identity', 1, 1, 0),
 ('chain_stage', 'issuance', 'Utfärdande av handling', 'Issuance of document', 2, 1, 0),
 ('chain_stage', 'verification', 'Verifiering av identitet', 'Verification of identity', 3, 1, 0),
 ('chain_stage', 'maintenance', 'Förvaltning och kontroll', 'Maintenance and control', 4, 1, 0),
 ('age_band', '0-17', '0–17 år', '0–17 years', 1, 1, 0),
 ('age_band', '18-29', '18–29 år', '18–29 years', 2, 1, 0),
 ('age_band', '30-44', '30–44 år', '30–44 years', 3, 1, 0),
 ('age_band', '45-64', '45–64 år', '45–64 years', 4, 1, 0),
 ('age_band', '65-79', '65–79 år', '65–79 years', 5, 1, 0),
 ('age_band', '80+', '80 år eller äldre', '80 years or older', 6, 1, 0),
 ('citizenship', 'swedish', 'Svenskt medborgarskap', 'Swedish citizenship', 1, 1, 0),
 ('citizenship', 'eu_eea', 'EU/EES', 'EU/EEA', 2, 1, 0),
 ('citizenship', 'third_country', 'Tredje land', 'Third country', 3, 1, 0),
 ('citizenship', 'stateless_unknown', 'Statslös eller okänt', 'Stateless or unknown', 4, 1, 0),
 ('fraud_type', 'counterfeit', 'Förfalskning (helt efterbildad)', 'Counterfeit', 1, 1, 0),
 ('fraud_type', 'forged', 'Manipulerad äkta handling', 'Forged', 2, 1, 0),
 ('fraud_type', 'pseudo', 'Fantasihandling', 'Pseudo document', 3, 1, 0),
 ('fraud_type', 'fraudulently_obtained_genuine', 'Äkta handling utfärdad på felaktiga grunder', 'Fraudulently obtained genuine', 4, 1, 0),
 ('fraud_type', 'impostor', 'Äkta handling använd av look-alike', 'Impostor', 5, 1, 0),
 ('fraud_type', 'stolen_blank', 'Stulen blankett', 'Stolen blank', 6, 1, 0);
