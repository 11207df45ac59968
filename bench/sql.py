"""SQL the harness hands to the sqlite3 command-line tool: the export the peer reads
(setup, never timed) and the 13 aggregates as plain GROUP BYs on the raw observation lines
(the naïve floor; `rollup_cells` is Lägesbild's own speed-up and is not used here)."""

# Accepted current versions' lines with their period, agency (FORUM for the forum, as on
# Lägesbild's agency axis) and every dimension ('' = not specified).
ACCEPTED_VIEW = """
CREATE TEMP VIEW accepted AS
SELECT rp.code AS period, rp.kind AS kind, rp.starts_on AS starts_on,
       substr(rp.starts_on, 1, 4) || '-Q' || ((CAST(substr(rp.starts_on, 6, 2) AS INTEGER) + 2) / 3) AS quarter,
       substr(rp.starts_on, 1, 7) AS month,
       CASE WHEN s.source = 'forum' THEN 'FORUM' ELSE a.code END AS agency,
       s.source AS source, ol.misuse_type AS misuse_type,
       COALESCE(ol.exploitation_area, '') AS exploitation_area,
       COALESCE(ol.document_type, '') AS document_type,
       COALESCE(ol.chain_stage, '') AS chain_stage,
       COALESCE(ol.age_band, '') AS age_band,
       COALESCE(ol.citizenship, '') AS citizenship,
       COALESCE(ol.fraud_type, '') AS fraud_type,
       ol.count AS count
FROM observation_lines ol
JOIN submission_versions sv ON sv.id = ol.version_id
JOIN submissions s ON s.id = sv.submission_id
JOIN reporting_periods rp ON rp.id = s.period_id
JOIN agencies a ON a.id = s.agency_id
WHERE sv.status = 'accepted' AND sv.version = s.current_version;
"""


def export_script(out_dir):
    """sqlite3 dot-commands writing the peer's CSV files into out_dir."""
    return f"""
{ACCEPTED_VIEW}
.headers on
.mode csv
.output {out_dir}/lines.csv
SELECT period, kind, starts_on, agency, source, misuse_type, exploitation_area, document_type,
       chain_stage, age_band, citizenship, fraud_type, count FROM accepted;
.output {out_dir}/taxonomy.csv
SELECT dimension, code, label_sv, sort_order FROM taxonomy_codes WHERE retired = 0
ORDER BY dimension, sort_order;
.output {out_dir}/agencies.csv
SELECT code, name_sv FROM agencies WHERE active = 1 ORDER BY sort_order;
.output {out_dir}/measures.csv
SELECT m.title AS title, m.status AS status, m.start_on AS start_on,
       COALESCE((SELECT group_concat(t.code, '|') FROM measure_targets t
                 WHERE t.measure_id = m.id AND t.dimension = 'misuse_type'), '') AS targets,
       COALESCE((SELECT group_concat(a.code, '|') FROM measure_agencies ma
                 JOIN agencies a ON a.id = ma.agency_id WHERE ma.measure_id = m.id), '') AS agencies
FROM measures m ORDER BY m.start_on;
.output {out_dir}/followups.csv
SELECT fm.held_on AS held_on, fu.text AS text, a.code AS owner, COALESCE(fu.due_on, '') AS due_on,
       fu.status AS status
FROM forum_followups fu JOIN forum_meetings fm ON fm.id = fu.meeting_id
JOIN agencies a ON a.id = fu.owner_agency_id ORDER BY fm.held_on, fu.id;
.output stdout
"""


def _quarter(code, n):
    y, q = code.split("-Q")
    o = int(y) * 4 + int(q) - 1 + n
    return f"{o // 4}-Q{o % 4 + 1}"


def _month(code, n):
    o = int(code[:4]) * 12 + int(code[5:7]) - 1 + n
    return f"{o // 12:04d}-{o % 12 + 1:02d}"


def _in(values):
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def floor_queries(period):
    """The 13 aggregates for quarter `period` as (name, SELECT row, col, value)."""
    y, q = period.split("-Q")
    last_month = f"{int(y):04d}-{int(q) * 3:02d}"
    quarters8 = [_quarter(period, -i) for i in range(7, -1, -1)]
    months24 = [_month(last_month, -i) for i in range(23, -1, -1)]
    months120_from = _month(last_month, -119)
    months_p = [_month(last_month, -i) for i in range(2, -1, -1)]
    compared = [period, _quarter(period, -1), _quarter(period, -4)]
    to_q = "kind IN ('month', 'quarter')"
    qs = [
        ("misuse_type x {P, prev, year-earlier}",
         f"SELECT misuse_type, quarter, SUM(count) FROM accepted WHERE {to_q} AND quarter IN {_in(compared)} GROUP BY 1, 2"),
        ("misuse_type x quarter (8)",
         f"SELECT misuse_type, quarter, SUM(count) FROM accepted WHERE {to_q} AND quarter IN {_in(quarters8)} GROUP BY 1, 2"),
        ("total x month (24)",
         f"SELECT 'total', month, SUM(count) FROM accepted WHERE kind = 'month' AND month IN {_in(months24)} GROUP BY 2"),
    ]
    for dim in ["exploitation_area", "chain_stage", "document_type", "fraud_type", "age_band", "citizenship"]:
        qs.append((f"{dim} x quarter",
                   f"SELECT {dim}, quarter, SUM(count) FROM accepted WHERE {to_q} AND quarter IN {_in(quarters8)} GROUP BY 1, 2"))
    qs += [
        ("misuse_type x exploitation_area (P)",
         f"SELECT misuse_type, exploitation_area, SUM(count) FROM accepted WHERE {to_q} AND quarter = '{period}' GROUP BY 1, 2"),
        ("agency x month (P)",
         f"SELECT agency, month, SUM(count) FROM accepted WHERE kind = 'month' AND month IN {_in(months_p)} GROUP BY 1, 2"),
        ("misuse_type x agency (P)",
         f"SELECT misuse_type, agency, SUM(count) FROM accepted WHERE {to_q} AND quarter = '{period}' GROUP BY 1, 2"),
        ("misuse_type x month (120)",
         f"SELECT misuse_type, month, SUM(count) FROM accepted WHERE kind = 'month' AND month BETWEEN '{months120_from}' AND '{last_month}' GROUP BY 1, 2"),
    ]
    return qs


def floor_script(period, timed):
    """The floor as one sqlite3 script. Timed: `.timer on`, results discarded. Untimed:
    a marker line before each query's rows, for the checksums."""
    parts = [ACCEPTED_VIEW, ".mode list", ".separator |"]
    if timed:
        parts += [".timer on", ".output /dev/null"]
    for i, (_, sql) in enumerate(floor_queries(period), 1):
        if not timed:
            parts.append(f"SELECT '#Q', {i};")
        parts.append(sql + ";")
    return "\n".join(parts) + "\n"
