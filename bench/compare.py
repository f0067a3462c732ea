#!/usr/bin/env python
"""Compare the speed of two versions of Meedoen in one run, on the same data and machine:
a baseline (a git ref, by default origin/main) and the current code (this working tree).

    make bench-compare BASE=8d792b7
    .venv/bin/python bench/compare.py --base 8d792b7 --databases sqlite --initiatives 300 --rounds 2

Each version gets a checkout of its own (the baseline with `git worktree add --detach`, the
working tree copied as it is when the run starts) and its own database, migrated and seeded
by its own manage.py (the schemas may differ; the same seed gives the same data). The two
are then measured alternately, baseline, current, baseline, current, ... in fresh processes,
by this tree's bench_search.py worker in both, so the same harness measures both. The
timings of all rounds are pooled. This is done on SQLite and PostgreSQL, on the demo and
on the demo plus --initiatives initiatives, and printed as one table per database and data
set: median / p95 ms warm and right after a publish, SQL queries, and current/baseline.

A report, not a test: it exits 0 once the table is printed, and 2 when the set-up fails.
See bench/README.md.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_pages  # noqa: E402
import bench_search  # noqa: E402

PROJECT_ROOT = bench_pages.PROJECT_ROOT
WORKER = Path(bench_search.__file__).resolve()
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
TARGETS = bench_search.TARGETS  # p95 ms by kind of request, on the large data set
VENDORS = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
PHASES = (("warm", "warm"), ("cold", "after publish"))  # key prefix in the worker's rows, name


def git(*args, cwd=PROJECT_ROOT):
    result = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)  # noqa: S603, S607
    return result.stdout.strip()


def ref_exists(ref):
    command = ["git", "rev-parse", "-q", "--verify", f"{ref}^{{commit}}"]
    return subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True).returncode == 0  # noqa: S603, S607


def default_base():
    """origin/main when there is one; else main when this is another branch; else the
    commit before HEAD (on main without a remote: what the last commit changed)."""
    if ref_exists("origin/main"):
        return "origin/main"
    branch = git("rev-parse", "--abbrev-ref", "HEAD")
    if branch != "main" and ref_exists("main"):
        return "main"
    return "HEAD~1"


# --- The two checkouts ------------------------------------------------------------------


class Checkout:
    def __init__(self, name, ref, root, description):
        self.name, self.ref, self.root, self.description = name, ref, Path(root), description
        self.worktree = False


def add_worktree(name, ref, tmp):
    commit = git("rev-parse", "--verify", f"{ref}^{{commit}}")
    root = Path(tmp) / name
    git("worktree", "add", "--detach", str(root), commit)
    checkout = Checkout(name, ref, root, f"{ref} ({commit[:7]})")
    checkout.worktree = True
    return checkout


def copy_working_tree(name, tmp):
    """The working tree as it is now (tracked and untracked files git does not ignore), so
    that edits made while the benchmark runs do not end up in half of its rounds."""
    root = Path(tmp) / name
    listing = git("ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for relative in sorted(set(filter(None, listing.split("\0")))):
        source = PROJECT_ROOT / relative
        if source.is_file():
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / relative)
    head = git("rev-parse", "--short", "HEAD")
    dirty = git("status", "--porcelain", "--untracked-files=normal")
    return Checkout(name, "working tree", root, f"working tree at {head}" + (" with changes" if dirty else ""))


def remove_checkout(checkout):
    if checkout.worktree:
        subprocess.run(["git", "worktree", "remove", "--force", str(checkout.root)], cwd=PROJECT_ROOT)  # noqa: S603, S607
    shutil.rmtree(checkout.root, ignore_errors=True)
    if checkout.worktree:
        subprocess.run(["git", "worktree", "prune"], cwd=PROJECT_ROOT)  # noqa: S603, S607


# --- Databases ----------------------------------------------------------------------------


def postgres_admin(server, statement):
    import psycopg
    from psycopg import sql

    with psycopg.connect(f"{server.rstrip('/')}/postgres", autocommit=True) as connection:
        connection.execute(sql.SQL(statement[0]).format(sql.Identifier(statement[1])))


class Database:
    """One database per checkout: a SQLite file in its var dir, or a PostgreSQL database
    created here and dropped at the end."""

    def __init__(self, vendor, checkout, var_dir, args):
        self.vendor, self.var_dir = vendor, Path(var_dir)
        (self.var_dir / "static").mkdir(parents=True)  # WhiteNoise warns without it
        if vendor == "sqlite":
            self.url, self.name = f"sqlite:///{self.var_dir / 'bench.sqlite3'}", None
        else:
            self.name = f"meedoen_compare_{os.getpid()}_{checkout.name}"
            self.server = args.postgres_server
            postgres_admin(self.server, ("DROP DATABASE IF EXISTS {}", self.name))
            postgres_admin(self.server, ("CREATE DATABASE {}", self.name))
            self.url = f"{self.server.rstrip('/')}/{self.name}"
        self.env = bench_pages.bench_env(self.url, self.var_dir)
        self.env.update({"PYTHONPATH": str(checkout.root), bench_pages.CHECKOUT_ENV: str(checkout.root)})

    def drop(self):
        name, self.name = self.name, None
        if name:
            try:
                postgres_admin(self.server, ("DROP DATABASE IF EXISTS {} WITH (FORCE)", name))
            except Exception as error:  # noqa: BLE001 - clean up what can be cleaned up
                print(f"could not drop the database {name}: {error}", file=sys.stderr)


# --- Measuring ----------------------------------------------------------------------------


def run_worker(checkout, database, data_label, args, result_file, log_file):
    command = [sys.executable, str(WORKER), "--worker", data_label, "--result-file", str(result_file)]
    command += ["--urls", "all", "--no-theme-saved", "--query", args.query]
    command += ["--repeat", str(args.repeat), "--warmup", str(args.warmup), "--budget", str(args.budget)]
    with open(log_file, "a") as log:
        completed = subprocess.run(command, cwd=checkout.root, env=database.env, stdout=log, stderr=log)  # noqa: S603
    if completed.returncode:
        print(Path(log_file).read_text()[-3000:], file=sys.stderr)
        raise subprocess.CalledProcessError(completed.returncode, command)
    result = json.loads(Path(result_file).read_text())
    if Path(result["code"]).resolve() != checkout.root.resolve():
        raise RuntimeError(f"the {checkout.name} worker ran the code in {result['code']}, not {checkout.root}")
    return result


def measure_alternately(checkouts, databases, data_label, args, tmp):
    """Rounds of baseline, current, baseline, current, ...: each a fresh process, so
    each starts with an empty local-memory cache and warms it up again."""
    results = {checkout.name: [] for checkout in checkouts}
    for round_number in range(1, args.rounds + 1):
        for checkout in checkouts:
            started = time.perf_counter()
            result_file = Path(tmp) / f"{checkout.name}-{data_label}-{round_number}.json".replace(" ", "_")
            log_file = Path(tmp) / f"{checkout.name}.log"
            result = run_worker(checkout, databases[checkout.name], data_label, args, result_file, log_file)
            results[checkout.name].append(result)
            print(
                f"  round {round_number}/{args.rounds} {checkout.name:<8}: {len(result['rows'])} requests, "
                f"{result['initiatives']:,} initiatives, {time.perf_counter() - started:.0f} s",
                flush=True,
            )
    return {name: pool(rounds) for name, rounds in results.items()}


def pool(rounds):
    """One row per request from the rounds of one checkout: the timings of all rounds
    together, and the query counts (a range if they differ between rounds)."""
    rows = {}
    for result in rounds:
        for row in result["rows"]:
            pooled = rows.setdefault(
                row["name"],
                {"name": row["name"], "kind": row["kind"], "url": row["url"], "status": set(), "queries": {}},
            )
            pooled["status"].add(row["status"])
            if row["url"] is None:
                continue
            for phase, _ in PHASES:
                pooled.setdefault(f"{phase}_samples", []).extend(row[f"{phase}_samples"])
                key = "queries" if phase == "warm" else f"{phase}_queries"
                pooled["queries"].setdefault(phase, set()).add(row[key])
    for row in rows.values():
        for phase, _ in PHASES:
            samples = row.get(f"{phase}_samples")
            row[phase] = bench_search.figures(samples) if samples else None
    return {"initiatives": rounds[-1]["initiatives"], "vendor": rounds[-1]["vendor"], "rows": rows}


# --- The report -------------------------------------------------------------------------


def ms(figures):
    return "-" if figures is None else f"{figures['median_ms']:.1f} / {figures['p95_ms']:.1f}"


def ratio(base, current):
    if base is None or current is None:
        return "-"
    return f"{current['median_ms'] / base['median_ms']:.2f} / {current['p95_ms'] / base['p95_ms']:.2f}"


def queries(row):
    if row is None or not row["queries"]:
        return "-"

    def one(values):
        return str(min(values)) if len(values) == 1 else f"{min(values)}-{max(values)}"

    return " / ".join(one(row["queries"][phase]) for phase, _ in PHASES)


def section_rows(base, current, targets_apply):
    """Table rows for one database and data set, and the number of requests that miss a
    target (in either checkout)."""
    names = list(current["rows"]) + [name for name in base["rows"] if name not in current["rows"]]
    body, failures = [], 0
    for name in names:
        b, c = base["rows"].get(name), current["rows"].get(name)
        problems = []
        for label, row in (("baseline", b), ("current", c)):
            if row is None or row["url"] is None:
                problems.append(f"{label}: no such request")
                continue
            if row["status"] != {200}:
                problems.append(f"{label}: status {', '.join(map(str, sorted(row['status'])))}")
            target = TARGETS.get(row["kind"]) if targets_apply else None
            for phase, what in PHASES:
                if target is not None and row[phase] and row[phase]["p95_ms"] >= target:
                    problems.append(f"{label}: {what} p95 {row[phase]['p95_ms']:.1f} >= {target:g} ms")
        if b and c and b["url"] != c["url"]:
            problems.append(f"URLs differ: {b['url']} / {c['url']}")
        failures += bool(problems)
        target = TARGETS.get((c or b)["kind"])
        check = ("FAIL " + "; ".join(problems)) if problems else ("ok" if targets_apply and target else "")
        body.append(
            [
                name + (f" (p95 < {target:g})" if target else ""),
                ms(b and b["warm"]),
                ms(c and c["warm"]),
                ratio(b and b["warm"], c and c["warm"]),
                ms(b and b["cold"]),
                ms(c and c["cold"]),
                ratio(b and b["cold"], c and c["cold"]),
                queries(b),
                queries(c),
                check,
            ]
        )
    return body, failures


HEADERS = [
    "request",
    "warm: baseline",
    "current",
    "cur/base",
    "after publish: baseline",
    "current",
    "cur/base",
    "queries: baseline",
    "current",
    "check",
]


def text_table(body):
    widths = [max(len(row[i]) for row in [HEADERS, *body]) for i in range(len(HEADERS))]

    def line(cells):
        padded = (c.ljust(w) if i in (0, 9) else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
        return "  ".join(padded).rstrip()

    return [line(HEADERS), "  ".join("-" * w for w in widths), *(line(cells) for cells in body)]


def markdown_table(body):
    escape = str.maketrans({"|": "\\|"})
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "|".join(["---"] + ["---:"] * 8 + ["---"]) + "|"]
    return lines + ["| " + " | ".join(cell.translate(escape) for cell in cells) + " |" for cells in body]


def report(sections, checkouts, args, elapsed):
    base, current = checkouts
    intro = [
        f"Baseline: {base.description}. Current: {current.description}.",
        f"{args.rounds} rounds of baseline then current, each a fresh process: {args.warmup} warm-up requests, "
        f"then up to {args.repeat} timed warm requests and {max(args.repeat // 2, 2)} timed right after a publish "
        f"of the newest initiative, per request and round; the timings of all rounds pooled.",
        f"Django test client, settings {bench_pages.SETTINGS} (DEBUG off), {os.cpu_count()} CPUs, "
        f"{platform.python_implementation()} {platform.python_version()}, {datetime.now():%Y-%m-%d %H:%M}, "
        f"{elapsed / 60:.0f} min.",
        "Cells: median / p95 ms; cur/base: current divided by baseline (below 1 is faster); queries: SQL queries of",
        "one request warm / right after a publish. Targets (p95 on the large data set, warm and after a publish):",
        "listing < 50 ms, search < 100 ms, autocomplete < 30 ms; FAIL names what misses one.",
    ]
    print()
    print("\n".join(intro))
    markdown = ["# Meedoen: baseline and current compared", "", *(f"{line}  " for line in intro)]
    failures = 0
    urls = {}
    for (vendor, data_label), (pooled, targets_apply) in sections.items():
        body, missed = section_rows(pooled[base.name], pooled[current.name], targets_apply)
        failures += missed
        initiatives = pooled[current.name]["initiatives"]
        title = f"{VENDORS[vendor]}, {data_label} ({initiatives:,} Dutch initiatives)"
        print()
        print(f"== {title}")
        print("\n".join(text_table(body)))
        markdown += ["", f"## {title}", "", *markdown_table(body)]
        for name, row in pooled[current.name]["rows"].items():
            urls.setdefault(name, row["url"])
    print()
    print("URLs:")
    print("\n".join(f"  {name:<36} {url}" for name, url in urls.items() if url))
    rows = sum(len(pooled[current.name]["rows"]) for pooled, _ in sections.values())
    verdict = f"FAIL: {failures} of {rows} rows are flagged." if failures else "OK: every request meets its target."
    print(verdict)
    markdown += ["", "URLs:", "", *(f"- {name}: `{url}`" for name, url in urls.items() if url), "", verdict]
    if args.markdown:
        Path(args.markdown).parent.mkdir(parents=True, exist_ok=True)
        Path(args.markdown).write_text("\n".join(markdown) + "\n")
        print(f"Markdown written to {args.markdown}")


# --- Entry point ----------------------------------------------------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", help="git ref of the baseline (default: origin/main, else main, else HEAD~1)")
    parser.add_argument(
        "--current", help="git ref to measure as the current code instead of the working tree (e.g. HEAD)"
    )
    parser.add_argument(
        "--databases", default="sqlite,postgres", help="comma-separated: sqlite, postgres (default both)"
    )
    parser.add_argument("--postgres-server", default=POSTGRES_SERVER, help=f"default {POSTGRES_SERVER}")
    parser.add_argument(
        "--initiatives", type=int, default=10_000, help="the large data set (seed_demo --initiatives N); 0: demo only"
    )
    parser.add_argument("--rounds", type=int, default=5, help="rounds of baseline then current (default 5)")
    parser.add_argument("--repeat", type=int, default=20, help="timed warm requests per request and round")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests first, per request and round")
    parser.add_argument(
        "--budget", type=float, default=10.0, help="seconds of timed requests per request, phase and round at most"
    )
    parser.add_argument("--query", default="buurt", help="the search query (default 'buurt')")
    parser.add_argument("--markdown", help="also write the table as markdown to this file")
    args = parser.parse_args(argv)
    args.base = args.base or default_base()
    args.databases = [name.strip() for name in args.databases.split(",") if name.strip()]
    unknown = set(args.databases) - {"sqlite", "postgres"}
    if unknown or not args.databases:
        parser.error(f"--databases: sqlite and/or postgres, not {', '.join(sorted(unknown))}")
    args.rounds, args.repeat, args.warmup = max(args.rounds, 1), max(args.repeat, 2), max(args.warmup, 1)
    return args


def compile_messages(checkout, tmp):
    env = bench_pages.bench_env("sqlite://:memory:", tmp)
    command = [sys.executable, "../manage.py", "compilemessages", "--ignore=.venv", "-v", "0"]
    subprocess.run(command, cwd=checkout.root / "locale", env=env, check=True)  # noqa: S603


def main(argv=None):
    args = parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="meedoen-compare-") as tmp:
        checkouts, databases, sections = [], [], {}
        try:
            checkouts.append(add_worktree("baseline", args.base, tmp))
            if args.current:
                checkouts.append(add_worktree("current", args.current, tmp))
                checkouts[-1].description = f"{args.current} ({git('rev-parse', '--short', args.current)})"
            else:
                checkouts.append(copy_working_tree("current", tmp))
            for checkout in checkouts:
                print(f"{checkout.name}: {checkout.description}, in {checkout.root}", flush=True)
                compile_messages(checkout, tmp)
            for vendor in args.databases:
                per_checkout = {}
                for checkout in checkouts:
                    per_checkout[checkout.name] = Database(vendor, checkout, Path(tmp) / vendor / checkout.name, args)
                    databases.append(per_checkout[checkout.name])
                print(f"== {vendor}: demo data", flush=True)
                for checkout in checkouts:
                    env = per_checkout[checkout.name].env
                    bench_pages.manage(env, "migrate", "--noinput", "-v", "0", cwd=checkout.root)
                    bench_pages.manage(env, "seed_demo", cwd=checkout.root, quiet=True)
                pooled = measure_alternately(checkouts, per_checkout, "demo", args, tmp)
                sections[(vendor, "demo")] = (pooled, False)
                if args.initiatives:
                    print(f"== {vendor}: {args.initiatives:,} initiatives", flush=True)
                    for checkout in checkouts:
                        env = per_checkout[checkout.name].env
                        bench_pages.manage(
                            env, "seed_demo", "--initiatives", str(args.initiatives), cwd=checkout.root, quiet=True
                        )
                    label = f"{args.initiatives:,} initiatives"
                    sections[(vendor, label)] = (measure_alternately(checkouts, per_checkout, label, args, tmp), True)
                for database in per_checkout.values():
                    database.drop()
        except (subprocess.CalledProcessError, RuntimeError) as error:
            print(f"\nFAIL: the comparison could not run: {error}", file=sys.stderr)
            return 2
        finally:
            for database in databases:
                database.drop()
            for checkout in checkouts:
                remove_checkout(checkout)
        report(sections, checkouts, args, time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
