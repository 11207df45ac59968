#!/usr/bin/env python3
"""The peer pipeline: the default Lägesbild report the way analysts build it today.

pandas aggregates a CSV export of the raw accepted observation lines, matplotlib draws the
ten charts (SVG, vector like Lägesbild's), WeasyPrint lays out HTML + CSS as PDF. The
content mirrors Lägesbild's default report for a quarter P: the same 13 aggregates, the
same ten charts each followed by its table, and the other tables (measures, signals, forum
follow-ups, completeness).

    python report.py --data DIR --period 2026-Q3 --out peer.pdf [--check] [--narrative 6]

DIR holds lines.csv (one row per accepted observation line of a current version, with the
period, its kind and first day, the agency code or FORUM, and every dimension), and the
small tables taxonomy.csv, agencies.csv, measures.csv, followups.csv. `--check` prints one
`aggregates-check: i cells sum sumsq name` line per aggregate (the same checksum
`lagesbild bench aggregates` prints) so the harness can compare the numbers.
"""

import argparse
import html
import io
import math
import sys
import time

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from weasyprint import HTML  # noqa: E402

DIMS = [
    "exploitation_area",
    "document_type",
    "chain_stage",
    "age_band",
    "citizenship",
    "fraud_type",
]
NOT_SPECIFIED = "Ej angivet"


# --- periods -------------------------------------------------------------------------

def q_parse(code):
    y, q = code.split("-Q")
    return int(y), int(q)


def q_code(y, q):
    return f"{y}-Q{q}"


def q_offset(code, n):
    y, q = q_parse(code)
    o = y * 4 + q - 1 + n
    return q_code(o // 4, o % 4 + 1)


def q_range(end, n):
    return [q_offset(end, -i) for i in range(n - 1, -1, -1)]


def m_offset(code, n):
    y, m = int(code[:4]), int(code[5:7])
    o = y * 12 + m - 1 + n
    return f"{o // 12:04d}-{o % 12 + 1:02d}"


def q_last_month(code):
    y, q = q_parse(code)
    return f"{y:04d}-{q * 3:02d}"


def m_range(end, n):
    return [m_offset(end, -i) for i in range(n - 1, -1, -1)]


# --- numbers as the report prints them -------------------------------------------------

def int_sv(n):
    if n is None or (isinstance(n, float) and math.isnan(n)):
        return "–"
    return f"{int(n):,}".replace(",", "\u00a0")


def pct_sv(now, before):
    if now is None or before is None or before <= 0:
        return "–"
    v = (now - before) / before * 100.0
    return f"{v:+.1f}\u00a0%".replace(".", ",").replace("-", "−")


# --- data ------------------------------------------------------------------------------

def load(data):
    # Categorical columns: the usual way to hold a million rows of a few dozen codes.
    codes = ["period", "kind", "starts_on", "agency", "source", "misuse_type"] + DIMS
    lines = pd.read_csv(
        f"{data}/lines.csv",
        dtype={**{c: "category" for c in codes}, "count": "int64"},
        keep_default_na=False,
    )
    # The quarter and month each stored period lies in (months roll up to quarters; the
    # forum reports per quarter), mapped once per distinct first day.
    firsts = lines["starts_on"].cat.categories
    lines["quarter"] = lines["starts_on"].map({d: f"{d[:4]}-Q{(int(d[5:7]) + 2) // 3}" for d in firsts})
    lines["month"] = lines["starts_on"].map({d: d[:7] for d in firsts})
    tax = small_table(f"{data}/taxonomy.csv", ["dimension", "code", "label_sv", "sort_order"])
    agencies = small_table(f"{data}/agencies.csv", ["code", "name_sv"])
    measures = small_table(f"{data}/measures.csv", ["title", "status", "start_on", "targets", "agencies"])
    followups = small_table(f"{data}/followups.csv", ["held_on", "text", "owner", "due_on", "status"])
    return lines, tax, agencies, measures, followups


def small_table(path, columns):
    # sqlite3 writes no header line for an empty result.
    try:
        return pd.read_csv(path, keep_default_na=False)
    except pd.errors.EmptyDataError:
        return pd.DataFrame(columns=columns)


def labels_of(tax, dim):
    t = tax[tax["dimension"] == dim].sort_values("sort_order")
    return list(zip(t["code"], t["label_sv"]))


def aggregates(lines, period):
    """The 13 aggregates, each a DataFrame of row × column counts (reported cells)."""
    quarters8 = q_range(period, 8)
    months24 = m_range(q_last_month(period), 24)
    months120 = m_range(q_last_month(period), 120)
    months_p = m_range(q_last_month(period), 3)
    to_quarter = lines[lines["kind"].isin(["month", "quarter"])]
    monthly = lines[lines["kind"] == "month"]
    in8 = to_quarter[to_quarter["quarter"].isin(quarters8)]
    in_p = to_quarter[to_quarter["quarter"] == period]
    compared = [period, q_offset(period, -1), q_offset(period, -4)]

    def table(df, rows, cols):
        return df.groupby([rows, cols], sort=False, observed=True)["count"].sum().unstack(fill_value=0)

    out = []
    out.append(("misuse_type x {P, prev, year-earlier}",
                table(to_quarter[to_quarter["quarter"].isin(compared)], "misuse_type", "quarter")))
    out.append(("misuse_type x quarter (8)", table(in8, "misuse_type", "quarter")))
    m24 = monthly[monthly["month"].isin(months24)]
    out.append(("total x month (24)",
                m24.groupby("month", observed=True)["count"].sum().to_frame("total").T))
    for name, dim in [
        ("exploitation_area x quarter", "exploitation_area"),
        ("chain_stage x quarter", "chain_stage"),
        ("document_type x quarter", "document_type"),
        ("fraud_type x quarter", "fraud_type"),
        ("age_band x quarter", "age_band"),
        ("citizenship x quarter", "citizenship"),
    ]:
        out.append((name, table(in8, dim, "quarter")))
    out.append(("misuse_type x exploitation_area (P)", table(in_p, "misuse_type", "exploitation_area")))
    mp = monthly[monthly["month"].isin(months_p)]
    out.append(("agency x month (P)", table(mp, "agency", "month")))
    out.append(("misuse_type x agency (P)", table(in_p, "misuse_type", "agency")))
    m120 = monthly[monthly["month"].isin(months120)]
    out.append(("misuse_type x month (120)", table(m120, "misuse_type", "month")))
    return out, quarters8, months24, months120, months_p


def checksum(df):
    v = [int(x) for x in df.to_numpy().ravel() if x != 0]
    return len(v), sum(v), sum(x * x for x in v)


# --- charts ----------------------------------------------------------------------------

def svg(fig):
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg"):]


def line_chart(title, x, series, xlabel):
    fig, ax = plt.subplots(figsize=(7.5, 5.6))
    for label, values in series:
        ax.plot(x, values, marker="o", markersize=3, label=label)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("Antal fall")
    ax.tick_params(axis="x", labelrotation=45, labelsize=7)
    ax.grid(alpha=0.3)
    if len(series) > 1:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return svg(fig)


def stacked_chart(title, x, series):
    fig, ax = plt.subplots(figsize=(7.5, 5.6))
    bottom = [0] * len(x)
    for label, values in series:
        ax.bar(x, values, bottom=bottom, label=label)
        bottom = [b + v for b, v in zip(bottom, values)]
    ax.set_title(title)
    ax.set_xlabel("Kvartal")
    ax.set_ylabel("Antal fall")
    ax.tick_params(axis="x", labelrotation=45, labelsize=7)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return svg(fig)


def heatmap(title, rows, cols, values):
    fig, ax = plt.subplots(figsize=(7.5, 6.0))
    im = ax.imshow(values, cmap="Blues", aspect="auto")
    ax.set_xticks(range(len(cols)), cols, rotation=60, ha="right", fontsize=7)
    ax.set_yticks(range(len(rows)), rows, fontsize=7)
    for i, row in enumerate(values):
        for j, v in enumerate(row):
            ax.text(j, i, int_sv(v), ha="center", va="center", fontsize=5)
    fig.colorbar(im, ax=ax)
    ax.set_title(title)
    return svg(fig)


# --- HTML ------------------------------------------------------------------------------

def e(s):
    return html.escape(str(s))


def html_table(head, rows, total=None):
    out = ["<table><thead><tr>"]
    out += [f"<th>{e(h)}</th>" for h in head]
    out.append("</tr></thead><tbody>")
    for r in rows:
        out.append("<tr>" + "".join(
            f"<td>{e(c)}</td>" if i == 0 else f"<td class=n>{e(c)}</td>" for i, c in enumerate(r)
        ) + "</tr>")
    if total:
        out.append("<tr class=total>" + "".join(
            f"<td>{e(c)}</td>" if i == 0 else f"<td class=n>{e(c)}</td>" for i, c in enumerate(total)
        ) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def cross_rows(df, row_keys, col_keys):
    """Rows of a table: label, one cell per column ("–" where nobody reported), total."""
    rows = []
    for code, label in row_keys:
        cells = [df.at[code, c] if (code in df.index and c in df.columns) else 0 for c in col_keys]
        rows.append([label] + [int_sv(v) for v in cells] + [int_sv(sum(cells))])
    return rows


CSS = """
@page { size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-left { content: "Lägesbild identitetsmissbruk – PERIOD"; font-size: 8pt; color: #555; }
  @top-right { content: "Informationsklass: Intern"; font-size: 8pt; color: #555; }
  @bottom-left { content: "Utkast"; font-size: 8pt; color: #555; }
  @bottom-right { content: "Sida " counter(page) " av " counter(pages); font-size: 8pt; color: #555; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.35; }
h1 { font-size: 16pt; page-break-before: always; border-bottom: 1px solid #888; }
h2 { font-size: 12pt; margin-top: 14pt; }
.title { text-align: center; margin-top: 120pt; }
.title .big { font-size: 26pt; font-weight: bold; }
.toc a { text-decoration: none; color: black; }
.toc a::after { content: leader('.') target-counter(attr(href), page); }
.figure { page-break-inside: avoid; margin: 8pt 0; break-before: page; }
h1 + p + .figure, h1 + .figure, h1 + table + .figure { break-before: auto; }
.figure svg { width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 6pt 0 12pt 0; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th { background: #e8ecf2; text-align: left; padding: 2pt 3pt; border-bottom: 1px solid #777; }
td { padding: 2.5pt 3pt; border-bottom: 0.5px solid #ccc; }
td.n { text-align: right; }
tr.total td { font-weight: bold; border-top: 1px solid #777; }
"""


NARRATIVE = ("Bedömning {i} för avsnittet {section}: omfattningen ligger i nivå med föregående kvartal, "
             "men fördelningen mellan utnyttjandeområden har förskjutits. Myndigheterna rapporterar fler "
             "fall där förfalskade eller manipulerade handlingar används vid folkbokföring och vid öppnande "
             "av bankkonton. Uppgifterna är anonymiserade och avser trender, inte enskilda ärenden.")


def build(data, period, check, narrative=0):
    lines, tax, agencies, measures, followups = load(data)
    aggs, quarters8, months24, months120, months_p = aggregates(lines, period)
    if check:
        for i, (name, df) in enumerate(aggs, 1):
            n, s, sq = checksum(df)
            print(f"aggregates-check: {i} {n} {s} {sq} {name}")
    a = dict(aggs)
    misuse = labels_of(tax, "misuse_type")
    prev, year_earlier = q_offset(period, -1), q_offset(period, -4)
    sections = []
    toc = []
    figure_no = [0]

    def section(anchor, title, body):
        # The analyst's text first, as in Lägesbild's edition (`bench report` writes the
        # same paragraphs into every section of the edition the harness prints).
        name = title.split(" ", 1)[1]
        text = "".join(f"<p>{e(NARRATIVE.format(i=i, section=name))}</p>" for i in range(1, narrative + 1))
        toc.append(f'<li><a href="#{anchor}">{e(title)}</a></li>')
        sections.append(f'<h1 id="{anchor}">{e(title)}</h1>{text}{body}')

    def figure(title, chart, table):
        figure_no[0] += 1
        return (f'<div class=figure><h2>Diagram {figure_no[0]}. {e(title)}</h2>{chart}</div>'
                f"{table}")

    def with_unspecified(dim):
        return labels_of(tax, dim) + [("", NOT_SPECIFIED)]

    # 1 Summary.
    t1 = a["misuse_type x {P, prev, year-earlier}"]
    rows, tot = [], [0, 0, 0]
    for code, label in misuse:
        v = [int(t1.at[code, q]) if code in t1.index and q in t1.columns else 0
             for q in (period, prev, year_earlier)]
        tot = [x + y for x, y in zip(tot, v)]
        rows.append([label, int_sv(v[0]), int_sv(v[1]), pct_sv(v[0], v[1]),
                     int_sv(v[2]), pct_sv(v[0], v[2])])
    total_row = ["Totalt", int_sv(tot[0]), int_sv(tot[1]), pct_sv(tot[0], tot[1]),
                 int_sv(tot[2]), pct_sv(tot[0], tot[2])]
    section("s1", "1 Sammanfattning",
            f"<p>Under {e(period)} rapporterades totalt {int_sv(tot[0])} fall av identitetsmissbruk "
            f"som har godkänts vid granskning. Tabellen jämför med föregående kvartal ({e(prev)}) "
            f"och samma kvartal ett år tidigare ({e(year_earlier)}).</p>"
            + html_table(["Missbrukstyp", period, prev, "Förändring", year_earlier, "Förändring"],
                         rows, total_row))

    # 2 Trends.
    t2 = a["misuse_type x quarter (8)"]
    series = [(label, [int(t2.at[c, q]) if c in t2.index and q in t2.columns else 0 for q in quarters8])
              for c, label in misuse]
    chart1 = figure("Fall per missbrukstyp och kvartal",
                    line_chart("Fall per missbrukstyp och kvartal", quarters8, series, "Kvartal"),
                    html_table(["Missbrukstyp"] + quarters8 + ["Totalt"], cross_rows(t2, misuse, quarters8)))
    t3 = a["total x month (24)"]
    monthly_total = [int(t3.at["total", m]) if m in t3.columns else 0 for m in months24]
    chart2 = figure("Totalt antal fall per månad, 24 månader",
                    line_chart("Totalt antal fall per månad", months24, [("Totalt", monthly_total)], "Månad"),
                    html_table(["Månad", "Antal fall"], [[m, int_sv(v)] for m, v in zip(months24, monthly_total)]))
    section("s2", "2 Trender och tendenser",
            "<p>Diagrammen visar utvecklingen de senaste åtta kvartalen per missbrukstyp och "
            "det totala antalet fall per månad de senaste 24 månaderna.</p>" + chart1 + chart2)

    def stacked(title, dim, agg_name):
        t = a[agg_name]
        keys = with_unspecified(dim)
        series = [(label, [int(t.at[c, q]) if c in t.index and q in t.columns else 0 for q in quarters8])
                  for c, label in keys]
        return figure(title, stacked_chart(title, quarters8, series),
                      html_table(["Värde"] + quarters8 + ["Totalt"], cross_rows(t, keys, quarters8)))

    section("s3", "3 Modus operandi",
            "<p>Utnyttjandeområden och steg i identitetskedjan per kvartal.</p>"
            + stacked("Utnyttjandeområde per kvartal", "exploitation_area", "exploitation_area x quarter")
            + stacked("Steg i identitetskedjan per kvartal", "chain_stage", "chain_stage x quarter"))
    section("s4", "4 Identitetshandlingar",
            "<p>Handlingstyper och bedrägerityper (EU:s typologi) per kvartal.</p>"
            + stacked("Handlingstyp per kvartal", "document_type", "document_type x quarter")
            + stacked("Bedrägerityp per kvartal", "fraud_type", "fraud_type x quarter"))
    section("s5", "5 Sårbarheter och riskindikatorer",
            "<p>Åldersgrupp och medborgarskap för de personer vars identiteter användes.</p>"
            + stacked("Åldersgrupp per kvartal", "age_band", "age_band x quarter")
            + stacked("Medborgarskap per kvartal", "citizenship", "citizenship x quarter"))

    # 6 Measures: the table, and the targeted misuse types over 12 quarters.
    mrows = [[r["title"], r["status"], r["start_on"], r["targets"], r["agencies"]]
             for _, r in measures.iterrows()]
    quarters12 = q_range(period, 12)
    targeted = sorted({t for ts in measures["targets"] for t in str(ts).split("|") if t})
    q12 = lines[lines["kind"].isin(["month", "quarter"]) & lines["quarter"].isin(quarters12)
                & lines["misuse_type"].isin(targeted)]
    t9 = q12.groupby(["misuse_type", "quarter"], observed=True)["count"].sum().unstack(fill_value=0)
    keys9 = [(c, l) for c, l in misuse if c in targeted]
    series = [(label, [int(t9.at[c, q]) if c in t9.index and q in t9.columns else 0 for q in quarters12])
              for c, label in keys9]
    section("s6", "6 Åtgärder och effekter",
            html_table(["Åtgärd", "Status", "Start", "Missbrukstyper", "Myndigheter"], mrows)
            + figure("Missbrukstyper som åtgärderna riktar sig mot, 12 kvartal",
                     line_chart("Missbrukstyper som åtgärderna riktar sig mot", quarters12, series, "Kvartal"),
                     html_table(["Missbrukstyp"] + quarters12 + ["Totalt"], cross_rows(t9, keys9, quarters12))))

    # 7 Signals: the heatmap for P and each misuse type against its history (the same
    # quarter in the five years before: mean + 2 standard deviations).
    t10 = a["misuse_type x exploitation_area (P)"]
    areas = with_unspecified("exploitation_area")
    values = [[int(t10.at[c, v]) if c in t10.index and v in t10.columns else 0 for v, _ in areas]
              for c, _ in misuse]
    t13 = a["misuse_type x month (120)"]
    srows = []
    for code, label in misuse:
        per_q = {}
        for m in months120:
            y, mo = int(m[:4]), int(m[5:7])
            q = q_code(y, (mo + 2) // 3)
            v = int(t13.at[code, m]) if code in t13.index and m in t13.columns else 0
            per_q[q] = per_q.get(q, 0) + v
        observed = per_q.get(period, 0)
        history = [per_q[q_offset(period, -4 * k)] for k in range(1, 6) if q_offset(period, -4 * k) in per_q]
        mean = sum(history) / len(history) if history else 0.0
        sd = (sum((h - mean) ** 2 for h in history) / max(len(history) - 1, 1)) ** 0.5
        threshold = mean + 2 * sd
        srows.append([label, int_sv(observed), f"{mean:.1f}".replace(".", ","),
                      int_sv(round(threshold)), "Ja" if observed > threshold else "Nej"])
    section("s7", "7 Signaler",
            figure(f"Missbrukstyp och utnyttjandeområde, {period}",
                   heatmap(f"Missbrukstyp × utnyttjandeområde, {period}",
                           [l for _, l in misuse], [l for _, l in areas], values),
                   html_table(["Missbrukstyp"] + [l for _, l in areas] + ["Totalt"],
                              cross_rows(t10, misuse, [c for c, _ in areas])))
            + "<h2>Signaler</h2>"
            + html_table(["Missbrukstyp", "Observerat", "Förväntat", "Tröskel", "Larm"], srows))

    # 8 The forum's work.
    frows = [[r["held_on"], r["text"], r["owner"], r["due_on"], r["status"]] for _, r in followups.iterrows()]
    section("s8", "8 Forumets arbete",
            "<p>Uppföljningar från Operativt ID-forum.</p>"
            + (html_table(["Möte", "Uppföljning", "Ansvarig", "Senast", "Status"], frows)
               if frows else "<p>Inga uppföljningar är registrerade.</p>"))

    # 9 Method and data quality: agencies × months of P.
    t11 = a["agency x month (P)"]
    crow = []
    for _, ag in agencies.iterrows():
        cells = [int_sv(t11.at[ag["code"], m]) if ag["code"] in t11.index and m in t11.columns else "–"
                 for m in months_p]
        crow.append([ag["name_sv"]] + cells)
    t12 = a["misuse_type x agency (P)"]
    section("s9", "9 Metod och datakvalitet",
            "<p>Rapporten bygger enbart på inrapporteringar som har godkänts vid granskning. "
            "Månadsuppgifter summeras till kvartal. Tabellen visar vilka myndigheter som "
            "rapporterade under periodens månader (– = ingen rapport).</p>"
            + html_table(["Myndighet"] + months_p, crow)
            + "<h2>Missbrukstyp per myndighet</h2>"
            + html_table(["Missbrukstyp"] + list(t12.columns) + ["Totalt"],
                         cross_rows(t12, misuse, list(t12.columns))))

    title = (f'<div class=title><div class=big>Kunskaps- och lägesbild</div>'
             f"<p style='font-size:18pt'>Identitetsmissbruk i Sverige</p>"
             f"<p>Period: {e(period)}</p><p>Informationsklass: Intern</p>"
             f"<p><b>Nationellt ID-center</b></p></div>")
    body = (title + '<h1>Innehåll</h1><ul class=toc>' + "".join(toc) + "</ul>" + "".join(sections))
    return (f"<!doctype html><html lang=sv><head><meta charset=utf-8><style>"
            f"{CSS.replace('PERIOD', period)}</style></head><body>{body}</body></html>")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--period", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--narrative", type=int, default=0,
                    help="paragraphs of synthetic assessment text per section (as the edition has)")
    args = ap.parse_args()
    started = time.perf_counter()
    document = HTML(string=build(args.data, args.period, args.check, args.narrative)).render()
    document.write_pdf(args.out)
    print(f"peer: {len(document.pages)} sidor, {time.perf_counter() - started:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
