#!/usr/bin/env python3
"""Lägesbild's benchmarks side by side with the peer pipeline (pandas + matplotlib +
WeasyPrint) and the sqlite3 floor. Started by bench/run.sh, which installs what this needs
and builds the binary; see bench/README.md.

Measures, on one seeded synthetic store: (a) the full report PDF, Lägesbild vs the peer;
(b) the report's 13 aggregates, Lägesbild's aggregation layer vs plain GROUP BYs in the
sqlite3 tool on the raw lines; the dashboard under wrk at two store sizes with the
server's peak RSS; the report command's peak RSS; CSV import rate. A and B alternate,
A B A B, and every ratio is taken pair by pair. Writes a Markdown report.
"""

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import sql  # noqa: E402

PASSWORD = "Bänkprov-analys-2026!"
USERNAME = "bench-analytiker"
PAGES = [("overview", "/dashboard"), ("trends", "/dashboard/trends")]
mismatches = []


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --- running and measuring processes ---------------------------------------------------

def measured(cmd, env=None, stdin_text=None):
    """Runs cmd to completion: (wall seconds, peak RSS in MiB, stdout, stderr). The peak
    RSS is the child's own (wait4), not the harness's."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.TemporaryFile() as inp:
        if stdin_text is not None:
            inp.write(stdin_text.encode())
            inp.seek(0)
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=inp, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if p.returncode != 0:
        raise SystemExit(f"command failed ({p.returncode}): {' '.join(map(str, cmd))}\n{stderr[-3000:]}")
    return wall, usage.ru_maxrss / 1024.0, stdout, stderr


def env_for(db):
    e = dict(os.environ)
    e["DATABASE_URL"] = str(db)
    e["LAGESBILD_LOG"] = "warn"
    return e


def stats(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def fmt_stats(s, unit="s", digits=2):
    if s["n"] == 1:
        return f"{s['median']:.{digits}f} {unit}"
    return f"{s['median']:.{digits}f} {unit} ({s['min']:.{digits}f}–{s['max']:.{digits}f})"


def fmt_ratio(s):
    if s["n"] == 1:
        return f"{s['median']:.1f}×"
    return f"{s['median']:.1f}× ({s['min']:.1f}–{s['max']:.1f})"


# --- the store -------------------------------------------------------------------------

def seed(bin_, db, lines):
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    log(f"seeding {lines} lines into {db} …")
    wall, _, out, _ = measured([bin_, "seed-demo", "--lines", str(lines)], env_for(db))
    e = env_for(db)
    e["LAGESBILD_PASSWORD"] = PASSWORD
    measured([bin_, "user", "add", "--username", USERNAME, "--role", "analyst"], e)
    m = re.search(r"seed-demo: (\d+) rader i (\d+) inrapporteringar", out)
    stored = int(m.group(1)) if m else lines
    log(f"seeded {stored} lines in {wall:.1f} s")
    return {"requested": lines, "stored": stored, "seconds": wall,
            "submissions": int(m.group(2)) if m else None}


def export(db, out_dir):
    out_dir.mkdir(parents=True, exist_ok=True)
    measured(["sqlite3", str(db)], stdin_text=sql.export_script(out_dir))
    with open(out_dir / "lines.csv", "rb") as f:
        return sum(1 for _ in f) - 1


def pages_of(pdf):
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(m.group(1)) if m else None


# --- checksums -------------------------------------------------------------------------

def parse_checks(text):
    return {int(m.group(1)): (int(m.group(2)), int(m.group(3)), int(m.group(4)))
            for m in re.finditer(r"^aggregates-check: (\d+) (\d+) (-?\d+) (-?\d+)", text, re.M)}


def floor_checks(db, period):
    _, _, out, _ = measured(["sqlite3", str(db)], stdin_text=sql.floor_script(period, timed=False))
    checks, current = {}, None
    for line in out.splitlines():
        if line.startswith("#Q|"):
            current = int(line[3:])
            checks[current] = (0, 0, 0)
        elif current is not None and line:
            v = int(line.rsplit("|", 1)[1])
            if v:
                n, s, sq = checks[current]
                checks[current] = (n + 1, s + v, sq + v * v)
    return checks


def compare_checks(names, reference, other, who):
    for i in range(1, 14):
        if reference.get(i) != other.get(i):
            mismatches.append(f"aggregate {i} ({names[i - 1]}): Lägesbild {reference.get(i)} vs {who} {other.get(i)}")


# --- the dashboard under wrk -----------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, cookie=None, body=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {}
    if cookie:
        headers["Cookie"] = cookie
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    c.request(method, path, body=body, headers=headers)
    r = c.getresponse()
    data = r.read().decode(errors="replace")
    set_cookie = [v for k, v in r.getheaders() if k.lower() == "set-cookie"]
    c.close()
    return r.status, set_cookie, data


def session_cookie(set_cookie, fallback):
    for v in set_cookie:
        if v.startswith("lagesbild_session="):
            return v.split(";", 1)[0]
    return fallback


def login(port):
    """A logged-in session cookie, the way a browser gets one: the login page's CSRF token
    and cookie, then the form POST."""
    status, sc, body = request(port, "GET", "/login")
    if status != 200:
        raise SystemExit(f"/login answered {status}")
    cookie = session_cookie(sc, None)
    m = re.search(r'name="csrf_token" value="([^"]+)"', body)
    if not cookie or not m:
        raise SystemExit("the login page has no session cookie or CSRF token")
    form = urllib.parse.urlencode({"username": USERNAME, "password": PASSWORD, "csrf_token": m.group(1)})
    status, sc, _ = request(port, "POST", "/login", cookie, form)
    if status != 303:
        raise SystemExit(f"login failed: {status}")
    return session_cookie(sc, cookie)


def check_page(port, path, cookie):
    status, _, body = request(port, "GET", path, cookie)
    if status != 200 or 'name="password"' in body:
        raise SystemExit(f"{path} with the session cookie answered {status}, not the page")


def parse_wrk(text):
    def ms(v, unit):
        return float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]
    out = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))}
    for p in ("50", "75", "90", "99"):
        m = re.search(rf"^\s+{p}(?:\.000)?%\s+([\d.]+)(us|ms|s|m)\b", text, re.M)
        out[f"p{p}"] = ms(*m.groups()) if m else None
    m = re.search(r"(\d+) requests in", text)
    out["requests"] = int(m.group(1)) if m else None
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    out["errors"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: (.*)", text)
    out["socket_errors"] = m.group(1).strip() if m else ""
    return out


def vm_kib(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return None


def dashboard_load(bin_, db, args):
    port = free_port()
    log(f"serving {db.name} on 127.0.0.1:{port} …")
    server = subprocess.Popen([bin_, "serve", "--bind", f"127.0.0.1:{port}"], env=env_for(db),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 120
        while True:
            try:
                if request(port, "GET", "/readyz")[0] == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None or time.time() > deadline:
                raise SystemExit(f"the server did not start: {server.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
        cookie = login(port)
        results = {}
        for name, path in PAGES:
            check_page(port, path, cookie)
            # Warm-up (untimed): first requests fill caches (taxonomy, signals).
            subprocess.run(["wrk", "-t1", "-c2", f"-d{args.wrk_warmup}s", "-H", f"Cookie: {cookie}",
                            f"http://127.0.0.1:{port}{path}"], capture_output=True, check=True)
            log(f"wrk {path}: {args.wrk_threads} threads, {args.wrk_connections} connections, {args.wrk_duration} s")
            r = subprocess.run(["wrk", f"-t{args.wrk_threads}", f"-c{args.wrk_connections}",
                                f"-d{args.wrk_duration}s", "--latency", "-H", f"Cookie: {cookie}",
                                f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True)
            results[name] = parse_wrk(r.stdout)
            results[name]["raw"] = r.stdout
            # The session must still be valid: wrk counts 3xx (a redirect to /login) as success.
            check_page(port, path, cookie)
        results["rss_peak_mib"] = vm_kib(server.pid, "VmHWM") / 1024.0
        results["rss_now_mib"] = vm_kib(server.pid, "VmRSS") / 1024.0
        return results
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# --- the benchmark ---------------------------------------------------------------------

def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) / 1024 / 1024

    def version(cmd):
        try:
            r = subprocess.run(cmd, capture_output=True, text=True)
            return (r.stdout or r.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            return "unknown"
    import matplotlib
    import pandas
    import weasyprint
    commit = version(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return {
        "nproc": os.cpu_count(),
        "memory_gib": mem,
        "cpu": cpu,
        "kernel": platform.release(),
        "commit": commit + (" (uncommitted changes)" if dirty else ""),
        "rustc": version(["rustc", "-V"]),
        "python": platform.python_version(),
        "pandas": pandas.__version__,
        "matplotlib": matplotlib.__version__,
        "weasyprint": weasyprint.__version__,
        "sqlite3": version(["sqlite3", "--version"]).split(" ")[0],
        "wrk": version(["wrk", "-v"]).split(" [")[0],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", required=True, help="the lagesbild binary")
    ap.add_argument("--profile", default="release")
    ap.add_argument("--command", default="bench/run.sh", help="the command line, for the record")
    ap.add_argument("--smoke", action="store_true", help="small store, one run, short load")
    ap.add_argument("--release", action="store_true", help="(run.sh) smoke on a release build")
    ap.add_argument("--lines", type=int, default=1_000_000, help="lines in the large store")
    ap.add_argument("--small-lines", type=int, default=10_000, help="lines in the small store (dashboard)")
    ap.add_argument("--runs", type=int, default=5, help="runs of A and of B (at least 5 for the record)")
    ap.add_argument("--period", default="2026-Q3")
    ap.add_argument("--csv-lines", type=int, default=100_000)
    ap.add_argument("--wrk-duration", type=int, default=20)
    ap.add_argument("--wrk-warmup", type=int, default=3)
    ap.add_argument("--wrk-threads", type=int, default=2)
    ap.add_argument("--wrk-connections", type=int, default=10)
    ap.add_argument("--work", default=str(HERE / "work"))
    ap.add_argument("--out", default=None, help="Markdown file (default BENCHMARKS.md; smoke: WORK/BENCHMARKS-smoke.md)")
    args = ap.parse_args()
    if args.smoke:
        args.lines, args.small_lines, args.runs = 3_000, None, 1
        args.csv_lines, args.wrk_duration, args.wrk_warmup = 2_000, 2, 1
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    out_md = Path(args.out) if args.out else (work / "BENCHMARKS-smoke.md" if args.smoke else ROOT / "BENCHMARKS.md")
    bin_ = str(Path(args.bin).resolve())
    py = sys.executable
    started = time.time()
    info = machine()
    big = work / f"store-{args.lines}.db"
    small = work / f"store-{args.small_lines}.db" if args.small_lines else None
    res = {"machine": info, "args": vars(args)}

    res["seed_big"] = seed(bin_, big, args.lines)
    export_dir = work / "export"
    log("exporting the accepted lines for the peer (setup, not timed) …")
    res["exported_lines"] = export(big, export_dir)

    # (a) the report PDF. One untimed warm-up each (page cache, matplotlib's font cache);
    # the warm-ups also give the checksums and the page counts.
    p = args.period
    lag_pdf, peer_pdf = work / f"lagesbild-{p}.pdf", work / f"peer-{p}.pdf"
    # The full report: an edition of the standard template with six paragraphs of the
    # analyst's text in every section (`bench report` writes it once, setup, not timed),
    # printed by the command an analyst uses; the peer gets the same paragraphs.
    log("an edition with narrative for the full report (setup, not timed) …")
    measured([bin_, "bench", "report", "--period", p, "--runs", "1"], env_for(big))
    _, _, out, _ = measured(["sqlite3", str(big)], stdin_text="SELECT MAX(id) FROM report_editions;\n")
    edition = out.strip()
    lag_cmd = [bin_, "report", "pdf", "--edition", edition, "--version", "1", "--out", str(lag_pdf)]
    peer_cmd = [py, str(HERE / "peer" / "report.py"), "--data", str(export_dir), "--period", p,
                "--narrative", "6", "--out", str(peer_pdf)]
    log("warm-up: both reports once, and the checksums of the 13 aggregates …")
    measured(lag_cmd, env_for(big))
    _, _, peer_out, _ = measured(peer_cmd + ["--check"])
    _, _, agg_out, _ = measured([bin_, "bench", "aggregates", "--period", p, "--runs", "1"], env_for(big))
    names = [m.group(1) for m in re.finditer(r"^aggregates-check: \d+ \S+ \S+ \S+ (.*)$", agg_out, re.M)]
    lag_checks = parse_checks(agg_out)
    compare_checks(names, lag_checks, parse_checks(peer_out), "peer")
    compare_checks(names, lag_checks, floor_checks(big, p), "sqlite3")
    res["checks"] = {"names": names, "lagesbild": lag_checks}
    res["pages"] = {"lagesbild": pages_of(lag_pdf), "peer": pages_of(peer_pdf)}

    a_wall, a_rss, b_wall, b_rss, ratio = [], [], [], [], []
    for i in range(args.runs):
        log(f"(a) report PDF, run {i + 1}/{args.runs}: Lägesbild, then the peer")
        w, r, _, _ = measured(lag_cmd, env_for(big))
        a_wall.append(w)
        a_rss.append(r)
        w2, r2, _, _ = measured(peer_cmd)
        b_wall.append(w2)
        b_rss.append(r2)
        ratio.append(w2 / w)
    res["report"] = {"lagesbild": stats(a_wall), "peer": stats(b_wall), "ratio": stats(ratio),
                     "lagesbild_rss": stats(a_rss), "peer_rss": stats(b_rss)}

    # (b) the 13 aggregates: in-process time (Lägesbild's own clock; sqlite3's .timer) and
    # the wall time of the whole process.
    floor = sql.floor_script(p, timed=True)
    a_in, a_w, b_in, b_w, r_in, r_w = [], [], [], [], [], []
    for i in range(args.runs):
        log(f"(b) 13 aggregates, run {i + 1}/{args.runs}: Lägesbild, then sqlite3 on the raw lines")
        w, _, out, _ = measured([bin_, "bench", "aggregates", "--period", p, "--runs", "1"], env_for(big))
        ms = float(re.search(r"^aggregates-run: 1 ([\d.]+) ms", out, re.M).group(1)) / 1000.0
        a_in.append(ms)
        a_w.append(w)
        w2, _, out2, _ = measured(["sqlite3", str(big)], stdin_text=floor)
        times = [float(x) for x in re.findall(r"Run Time: real ([\d.]+)", out2)]
        if len(times) != 13:
            raise SystemExit(f"sqlite3 timed {len(times)} statements, not 13")
        b_in.append(sum(times))
        b_w.append(w2)
        r_in.append(sum(times) / ms)
        r_w.append(w2 / w)
    res["aggregates"] = {"lagesbild": stats(a_in), "sqlite3": stats(b_in), "ratio": stats(r_in),
                         "lagesbild_wall": stats(a_w), "sqlite3_wall": stats(b_w), "ratio_wall": stats(r_w)}

    # The dashboard under load, at both sizes.
    res["dashboard"] = {}
    if small:
        res["seed_small"] = seed(bin_, small, args.small_lines)
        res["dashboard"]["small"] = dashboard_load(bin_, small, args)
    res["dashboard"]["big"] = dashboard_load(bin_, big, args)

    # CSV import.
    rates = []
    csv_runs = 1 if args.smoke else 3
    for i in range(csv_runs):
        log(f"CSV import of {args.csv_lines} lines, run {i + 1}/{csv_runs}")
        _, _, out, _ = measured([bin_, "bench", "csv-import", "--lines", str(args.csv_lines)], env_for(work / "unused.db"))
        m = re.search(r"csv-import: (\d+) rader på ([\d.]+) s = (\d+) rader/s", out)
        rates.append((int(m.group(1)), float(m.group(2)), int(m.group(3))))
    res["csv"] = {"stored": rates[0][0], "seconds": stats([r[1] for r in rates]), "rate": stats([r[2] for r in rates])}
    res["elapsed"] = time.time() - started

    (work / "results.json").write_text(json.dumps(res, indent=2, default=str, ensure_ascii=False))
    out_md.write_text(markdown(res, args))
    log(f"wrote {out_md} and {work / 'results.json'} in {res['elapsed']:.0f} s")
    print(out_md.read_text())
    if mismatches:
        print("\nThe aggregates disagree:\n  " + "\n  ".join(mismatches), file=sys.stderr)
        sys.exit(1)


def ok(cond):
    return "yes" if cond else "**no**"


def markdown(res, args):
    m, rep, agg, dash, csv = res["machine"], res["report"], res["aggregates"], res["dashboard"], res["csv"]
    big, small = dash["big"], dash.get("small")
    lines_big = res["seed_big"]["stored"]
    L = []
    L.append("# Benchmarks" + (" (smoke run: figures not meaningful)" if args.smoke else ""))
    L.append("")
    L.append(f"Measured {dt.date.today().isoformat()} with `{args.command}` "
             f"({res['elapsed'] / 60:.0f} min). Lägesbild {args.profile} build at {m['commit']}.")
    L.append("")
    L.append(f"Machine: {m['nproc']} cores (`nproc`), {m['memory_gib']:.1f} GiB memory, {m['cpu']}, "
             f"Linux {m['kernel']}. {m['rustc']}; Python {m['python']}, pandas {m['pandas']}, "
             f"matplotlib {m['matplotlib']}, WeasyPrint {m['weasyprint']}; sqlite3 {m['sqlite3']}; {m['wrk']}.")
    L.append("")
    L.append(f"Store: `seed-demo --lines {args.lines}` = {lines_big:,} accepted observation lines "
             f"({res['seed_big']['submissions']} submissions, 120 months ending 2026-09; seeded in "
             f"{res['seed_big']['seconds']:.1f} s), SQLite. Report period {args.period}. "
             f"A and B alternate (A B A B …), {args.runs} run(s) each; figures are medians with "
             "(min–max); a ratio is B/A taken pair by pair.")
    L.append("")
    L.append("| what | Lägesbild (A) | peer (B) | B/A | target | met |")
    L.append("|---|---|---|---|---|---|")
    L.append(f"| (a) report PDF (standard template, 10 charts, six paragraphs of text per section), whole command "
             f"| {fmt_stats(rep['lagesbild'])}, {res['pages']['lagesbild']} pages "
             f"| {fmt_stats(rep['peer'])}, {res['pages']['peer']} pages (pandas + matplotlib + WeasyPrint) "
             f"| {fmt_ratio(rep['ratio'])} | ≥ 50× | {ok(rep['ratio']['median'] >= 50)} |")
    L.append(f"| (b) 13 aggregates, in-process | {fmt_stats(agg['lagesbild'], 's', 3)} "
             f"| {fmt_stats(agg['sqlite3'], 's', 3)} (sqlite3 `.timer`, GROUP BY on raw lines) "
             f"| {fmt_ratio(agg['ratio'])} | – | – |")
    L.append(f"| (b) 13 aggregates, whole process | {fmt_stats(agg['lagesbild_wall'], 's', 3)} "
             f"| {fmt_stats(agg['sqlite3_wall'], 's', 3)} | {fmt_ratio(agg['ratio_wall'])} | – | – |")
    L.append(f"| peak RSS of the report command | {fmt_stats(rep['lagesbild_rss'], 'MiB', 0)} "
             f"| {fmt_stats(rep['peer_rss'], 'MiB', 0)} | – | – | – |")
    L.append("")
    wrk_desc = (f"`wrk -t{args.wrk_threads} -c{args.wrk_connections} -d{args.wrk_duration}s --latency` on loopback "
                f"with a logged-in analyst's session cookie (login form + CSRF token), after a {args.wrk_warmup} s warm-up; "
                "wrk and the server share the machine's cores.")
    L.append(f"Dashboard: {wrk_desc}")
    L.append("")
    L.append("| page | store | requests/s | p50 | p75 | p90 | p99 | non-2xx | target |")
    L.append("|---|---|---|---|---|---|---|---|---|")
    sizes = ([("small", res["seed_small"]["stored"])] if small else []) + [("big", lines_big)]
    for name, _ in PAGES:
        for key, n in sizes:
            r = dash[key][name]
            target = "≥ 500 req/s, p99 ≤ 50 ms" if key == "big" else "–"
            L.append(f"| {name} | {n:,} lines | {r['rps']:.0f} | {r['p50']:.1f} ms | {r['p75']:.1f} ms "
                     f"| {r['p90']:.1f} ms | {r['p99']:.1f} ms | {r['errors']} | {target} |")
    L.append("")
    L.append("| check | value | target | met |")
    L.append("|---|---|---|---|")
    for name, _ in PAGES:
        b = big[name]
        L.append(f"| {name}, {lines_big:,} lines: requests/s, p99 | {b['rps']:.0f}, {b['p99']:.1f} ms "
                 f"| ≥ 500, ≤ 50 ms | {ok(b['rps'] >= 500 and b['p99'] <= 50)} |")
        if small:
            s = small[name]
            slow_rps, slow_p99 = s["rps"] / b["rps"], b["p99"] / s["p99"]
            L.append(f"| {name}: {lines_big:,} vs {res['seed_small']['stored']:,} lines "
                     f"(throughput ratio; p99 ratio) | {slow_rps:.2f}×; {slow_p99:.2f}× | ≤ 1.5× "
                     f"| {ok(slow_rps <= 1.5 and slow_p99 <= 1.5)} |")
    for key, n in sizes:
        L.append(f"| server peak RSS (VmHWM) under that load, {n:,} lines | {dash[key]['rss_peak_mib']:.0f} MiB "
                 f"| ≤ 200 MB | {ok(dash[key]['rss_peak_mib'] * 1.048576 <= 200)} |")
    L.append(f"| CSV import (`bench csv-import --lines {args.csv_lines}`: {csv['stored']:,} distinct lines) "
             f"| {csv['rate']['median']:,.0f} lines/s ({fmt_stats(csv['seconds'])}) | ≥ 10 000 lines/s "
             f"| {ok(csv['rate']['median'] >= 10_000)} |")
    L.append("")
    L.append(f"The 13 aggregates agree between Lägesbild, the peer and the sqlite3 floor: "
             f"{'yes, all 13' if not mismatches else f'**no** ({len(mismatches)} mismatches; see the run log)'} "
             "(non-zero cells, sum and sum of squares of each).")
    L.append("")
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    main()
