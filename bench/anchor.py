#!/usr/bin/env python
"""Measure Meedoen side by side with Wagtail's demo site (bakerydemo) in one run: in-process
(django.test.Client) and under gunicorn and wrk, the sites alternately, round after round,
and compare pages of the same kind: home, listing, detail, search.

    make bench-anchor BAKERYDEMO=/tmp/bakerydemo
    .venv/bin/python bench/anchor.py --bakerydemo /tmp/bakerydemo --rounds 2

Set bakerydemo up first (bench/README.md). A report, not a test: it exits 0 once the table
is printed, and 2 when the set-up fails.
"""

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_pages  # noqa: E402
import compare  # noqa: E402
from bench_search import figures  # noqa: E402

WORKER = Path(__file__).resolve().parent / "anchor_worker.py"
# Meedoen: (page type in bench_pages.page_urls, kind); bakerydemo: (page, kind, URL).
MEEDOEN_PAGES = [("home", "home"), ("initiatives index", "listing"), ("initiative", "detail")]
MEEDOEN_PAGES += [("pitch event", "detail"), ("project", "detail"), ("feedback story", "detail"), ("search", "search")]
BAKERY_PAGES = [("home", "home", "/"), ("blog index", "listing", "/blog/"), ("bread listing", "listing", "/breads/")]
BAKERY_PAGES += [("blog post", "detail", "/blog/wild-yeast/"), ("search", "search", "/search/?q=bread")]
MAX_DETAIL_RATIO = 0.5  # in-process median of a detail page / bakerydemo's blog post
MIN_THROUGHPUT_RATIO = 2.0  # gunicorn req/s / bakerydemo's of the same kind
MAX_QUERIES = 10
HEADERS = ["page", "kind", "URL", "status", "median ms", "p95 ms", "CPU ms", "queries", "req/s", "wrk p50 ms"]
BAKERY_ENV_DROPPED = ("DATABASE_URL", "REDIS_URL", "REDIS_TLS_URL", "ELASTICSEARCH_ENDPOINT", "PYTHONPATH")


class Site:
    def __init__(self, name, root, python, env, wsgi, pages, tmp):
        self.name, self.root, self.python, self.env, self.wsgi = name, root, str(python), env, wsgi
        self.log = Path(tmp) / f"{name}.log"  # the worker's and gunicorn's output
        self.pages, self.info, self.probes = pages, {}, {"in-process": [], "server": []}
        self.rows = {u: {key: [] for key in ("wall", "cpu", "statuses", "queries", "rps", "p50")} for *_, u in pages}


def probe():
    """CPU speed: best of 3 runs of a fixed pure-Python workload, in ms (the host's drifts)."""

    times = []
    for _ in range(3):
        started = time.perf_counter()
        sorted({str(i): i * 2 for i in range(200_000)}.items(), key=lambda item: -item[1])
        times.append((time.perf_counter() - started) * 1000)
    return round(min(times), 1)


def meedoen_site(args, tmp):
    """Meedoen (a copy of the working tree: edits during the run stay out) with production settings
    on a fresh database set up as by `make setup`, static files collected for WhiteNoise."""
    checkout = compare.copy_working_tree("meedoen", tmp)
    print(f"Meedoen: {checkout.description}", flush=True)
    env = bench_pages.bench_env(args.database_url or f"sqlite:///{Path(tmp) / 'meedoen.sqlite3'}", tmp)
    env.update(DJANGO_SETTINGS_MODULE="portal.settings.production", PYTHONPATH=str(checkout.root))
    env.update(SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="testserver,127.0.0.1,localhost", ALLOW_SQLITE="1")
    env.update(SINGLE_PROCESS="1", SECURE_SSL_REDIRECT="0", LOG_LEVEL="WARNING")  # LocMemCache as bakerydemo's; HTTP
    worker = ("db_worker", "--batch", "--no-startup-delay", "--no-reload")  # the seed's search indexing
    for command in (("migrate", "--noinput"), ("seed_demo",), worker, ("collectstatic", "--noinput")):
        bench_pages.manage(env, *command, "-v", "0", cwd=checkout.root, quiet=True)
    code = f"import sys; sys.path.insert(0, {str(WORKER.parent)!r}); import django, json, bench_pages; django.setup()"
    code += "; print(json.dumps(bench_pages.page_urls('buurt')))"
    command = [sys.executable, "-c", code]
    found = subprocess.run(command, cwd=checkout.root, env=env, check=True, capture_output=True, text=True)  # noqa: S603
    urls = dict(json.loads(found.stdout.splitlines()[-1]))
    if missing := [name for name, _ in MEEDOEN_PAGES if not urls.get(name)]:
        raise RuntimeError(f"the demo data has no page of type {', '.join(missing)}")
    pages = [(name, kind, urls[name]) for name, kind in MEEDOEN_PAGES]
    return Site("Meedoen", checkout.root, sys.executable, env, "portal.wsgi:application", pages, tmp)


def bakery_site(args, tmp):
    root = Path(args.bakerydemo).resolve()
    python = Path(args.bakerydemo_python or root / ".venv" / "bin" / "python")
    if not (root / "bakerydemo" / "settings" / "production.py").is_file() or not python.exists():
        raise RuntimeError(f"no bakerydemo checkout at {root} with a python at {python}")
    env = {name: value for name, value in os.environ.items() if name not in BAKERY_ENV_DROPPED}
    env.update(DJANGO_SETTINGS_MODULE="bakerydemo.settings.production", SECURE_SSL_REDIRECT="False")
    env.setdefault("DJANGO_SECRET_KEY", "anchor-bench")
    return Site("bakerydemo", root, python, env, "bakerydemo.wsgi:application", BAKERY_PAGES, tmp)


def measure_in_process(site, args, result_file):
    site.probes["in-process"].append(probe())
    command = [site.python, str(WORKER), "--repeat", str(args.repeat), "--warmup", str(args.warmup)]
    command += ["--out", str(result_file), *site.rows]
    with open(site.log, "a") as log:
        if subprocess.run(command, cwd=site.root, env=site.env, stdout=log, stderr=log).returncode:  # noqa: S603
            raise RuntimeError(f"the {site.name} worker failed:\n{site.log.read_text()[-3000:]}")
    site.info = json.loads(Path(result_file).read_text())
    for row in site.info["rows"]:
        for key in ("wall", "cpu", "statuses", "queries"):
            site.rows[row["url"]][key] += row[key]


def get_status(port, url):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", url)
    return connection.getresponse().status  # the connection closes as it goes out of scope


def wrk(port, url, seconds):
    """Requests per second, median latency in ms, and what wrk counted as going wrong."""
    command = ["wrk", "-t1", "-c4", f"-d{seconds}s", "--timeout", "10s", "--latency", f"http://127.0.0.1:{port}{url}"]
    text = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 60).stdout  # noqa: S603
    p50 = re.search(r"^\s+50%\s+([\d.]+)(us|ms|s)\s*$", text, re.MULTILINE)  # "1.89s " has a trailing space
    p50_ms = float(p50.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[p50.group(2)]
    problems = re.findall(r"Non-2xx or 3xx responses:.*|Socket errors:.*", text)
    return float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)), p50_ms, problems


def measure_server(site, args):
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    command = [site.python, "-m", "gunicorn", "--workers", "2", "--worker-class", "sync", "--timeout", "60"]
    command += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning", site.wsgi]
    with open(site.log, "a") as log:
        server = subprocess.Popen(command, cwd=site.root, env=site.env, stdout=log, stderr=log)  # noqa: S603
    try:
        for _ in range(240):  # up to 2 minutes for gunicorn and its workers to start
            if server.poll() is not None:
                raise RuntimeError(f"{site.name}'s gunicorn exited:\n{site.log.read_text()[-3000:]}")
            try:
                get_status(port, next(iter(site.rows)))
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError(f"{site.name}'s gunicorn did not answer in 2 minutes")
        for url, pooled in site.rows.items():
            pooled["statuses"].append(get_status(port, url))
            wrk(port, url, 3)  # unrecorded warm-up of both workers
            site.probes["server"].append(probe())
            rps, p50_ms, problems = wrk(port, url, args.duration)
            pooled["rps"].append(rps)
            pooled["p50"].append(p50_ms)
            for problem in problems:
                print(f"  WARNING {site.name} {url}: {problem}", flush=True)
    finally:
        server.terminate()  # gunicorn stops its workers gracefully on SIGTERM
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def summary(pooled):
    """Figures of one page over all rounds: in-process samples pooled, req/s averaged."""
    queries = sorted(set(pooled["queries"]))
    return {
        **figures(pooled["wall"]),
        "cpu_ms": statistics.median(pooled["cpu"]),
        "queries": queries[-1],
        "queries_text": str(queries[0]) if len(queries) == 1 else f"{queries[0]}-{queries[-1]}",
        "rps": statistics.fmean(pooled["rps"]) if pooled["rps"] else None,
        "p50_ms": statistics.fmean(pooled["p50"]) if pooled["p50"] else None,
        "status": ",".join(map(str, sorted(set(pooled["statuses"])))),
    }


def fmt(value, digits=1):
    return "-" if value is None else f"{value:.{digits}f}"


def cells(name, kind, url, s):
    ms = [fmt(s[key]) for key in ("median_ms", "p95_ms", "cpu_ms")]
    return [name, kind, url, s["status"], *ms, s["queries_text"], fmt(s["rps"]), fmt(s["p50_ms"])]


def meedoen_table(meedoen, bakery):
    """Meedoen's rows against bakerydemo's pages of the same kind (a listing: the mean of two)."""
    anchors = {}
    for name, kind, url in bakery.pages:
        anchors.setdefault(kind, []).append((name, summary(bakery.rows[url])))
    body, failures = [], 0
    for name, kind, url in meedoen.pages:
        s, anchor = summary(meedoen.rows[url]), anchors[kind]
        median_ratio = s["median_ms"] / statistics.fmean(a["median_ms"] for _, a in anchor)
        rps_ratio = s["rps"] / statistics.fmean(a["rps"] for _, a in anchor) if s["rps"] else None
        problems = [f"status {s['status']}"] if s["status"] != "200" else []
        if kind == "detail" and median_ratio > MAX_DETAIL_RATIO:
            problems.append(f"median x{median_ratio:.2f} > {MAX_DETAIL_RATIO:g}")
        if rps_ratio is not None and rps_ratio < MIN_THROUGHPUT_RATIO:
            problems.append(f"req/s x{rps_ratio:.2f} < {MIN_THROUGHPUT_RATIO:g}")
        if s["queries"] > MAX_QUERIES:
            problems.append(f"{s['queries']} queries > {MAX_QUERIES}")
        failures += bool(problems)
        against = " + ".join(name for name, _ in anchor) + (" (mean)" if len(anchor) > 1 else "")
        check = "FAIL " + "; ".join(problems) if problems else "ok"
        body.append([*cells(name, kind, url, s), against, f"{median_ratio:.2f}", fmt(rps_ratio, 2), check])
    return [*HEADERS, "bakerydemo page", "median x", "req/s x", "check"], body, failures


def table(headers, body, markdown=False):
    if markdown:
        rows = [headers, ["---"] * len(headers), *body]
        return ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
    widths = [max(len(row[i]) for row in [headers, *body]) for i in range(len(headers))]
    right = {4, 5, 6, 7, 8, 9, 11, 12}

    def line(row):
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip()  # noqa: B905

    return [line(headers), "  ".join("-" * w for w in widths), *map(line, body)]


def report(meedoen, bakery, args, elapsed):
    def site_line(site):
        probes = ", ".join(f"{phase} {min(ms):.0f}-{max(ms):.0f}" for phase, ms in site.probes.items() if ms)
        info = f"{site.info['versions']}, {site.info['database']}, {site.info['cache']}, DEBUG {site.info['debug']}"
        return f"{site.name}: {info}; CPU probe ms {probes}."

    server = f"gunicorn, 2 sync workers, wrk -t1 -c4 -d{args.duration}s after 3 s of warm-up per page and round"
    intro = [
        f"{datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} CPUs, {args.rounds} rounds of Meedoen then bakerydemo, "
        f"{elapsed / 60:.0f} min.",
        site_line(meedoen),
        site_line(bakery),
        f"In-process: django.test.Client, {args.warmup} warm-up then {args.repeat} timed GETs per page and round, "
        "pooled: median / p95 wall ms, median CPU ms; queries: SQL queries of a warm request.",
        f"req/s, wrk p50: {'not measured (--no-server)' if args.no_server else server}; means of the rounds.",
        f"median x: Meedoen / bakerydemo in-process median (detail pages: <= {MAX_DETAIL_RATIO:g}); req/s x: "
        f"Meedoen / bakerydemo req/s (every page: >= {MIN_THROUGHPUT_RATIO:g}); every page <= {MAX_QUERIES} queries.",
    ]
    headers, body, failures = meedoen_table(meedoen, bakery)
    bakery_body = [cells(name, kind, url, summary(bakery.rows[url])) for name, kind, url in bakery.pages]
    verdict = f"FAIL: {failures} of {len(body)} pages miss a target." if failures else "OK: every page meets them."
    print("\n" + "\n".join(intro) + "\n\n== Meedoen against bakerydemo")
    print("\n".join(table(headers, body)) + "\n\n== bakerydemo")
    print("\n".join(table(HEADERS, bakery_body)) + "\n\n" + verdict)
    for site in (meedoen, bakery):  # warnings and errors the sites logged, once each
        for line in sorted({line for line in site.log.read_text().splitlines() if re.search(r"WARN|ERROR", line)}):
            print(f"{site.name} log: {line[:200]}")
    if args.markdown:
        markdown = ["# Meedoen side by side with bakerydemo", "", *(f"{line}  " for line in intro), ""]
        markdown += [*table(headers, body, True), "", "bakerydemo:", "", *table(HEADERS, bakery_body, True)]
        Path(args.markdown).write_text("\n".join([*markdown, "", verdict, ""]))
        print(f"Markdown written to {args.markdown}")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bakerydemo", required=True, help="the bakerydemo checkout, set up (see bench/README.md)")
    parser.add_argument("--bakerydemo-python", help="bakerydemo's python (default: BAKERYDEMO/.venv/bin/python)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of Meedoen then bakerydemo (default 3)")
    parser.add_argument("--repeat", type=int, default=100, help="timed in-process GETs per page and round")
    parser.add_argument("--warmup", type=int, default=20, help="in-process warm-up GETs per page and round")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page and round (default 10)")
    parser.add_argument("--no-server", action="store_true", help="skip gunicorn and wrk")
    parser.add_argument("--markdown", help="also write the tables as markdown to this file")
    parser.add_argument("--database-url", help="Meedoen's (empty, throwaway) database; default SQLite in a temp dir")
    args = parser.parse_args(argv)
    args.rounds, args.repeat, args.warmup = max(args.rounds, 1), max(args.repeat, 2), max(args.warmup, 1)
    return args


def main(argv=None):
    args = parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="meedoen-anchor-") as tmp:
        try:
            if not args.no_server and not shutil.which("wrk"):
                raise RuntimeError("wrk is missing: apt-get install -y wrk, or run with --no-server")
            sites = [bakery_site(args, tmp), meedoen_site(args, tmp)][::-1]  # bakerydemo's checked first
            for round_number in range(1, args.rounds + 1):
                for site in sites:  # A B A B: each window a fresh process (worker, gunicorn)
                    round_started = time.perf_counter()
                    measure_in_process(site, args, Path(tmp) / f"{site.name}-{round_number}.json")
                    if not args.no_server:
                        measure_server(site, args)
                    probes = site.probes["in-process"][-1:] + site.probes["server"][-len(site.rows) :]
                    took = f"{round_number}/{args.rounds} {site.name:<10}: {time.perf_counter() - round_started:.0f} s"
                    print(f"  round {took}; CPU probe ms in-process, then per page served: {probes}", flush=True)
        except (subprocess.CalledProcessError, RuntimeError) as error:
            print(f"\nFAIL: the benchmark could not run: {error}", file=sys.stderr)
            return 2
        report(*sites, args, time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
