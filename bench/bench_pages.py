#!/usr/bin/env python
"""Render every public page type many times and print how long it takes and how many SQL
queries it runs, on the demo municipality and on 10,000 initiatives.

    make bench                                   # SQLite in a temporary directory
    make bench BENCH_ARGS="--repeat 100"
    make bench BENCH_ARGS="--database-url postgres://postgres@127.0.0.1:5432/meedoen_bench"

A report, not a test: it always exits 0 once the table is printed, and marks every page
that misses a target with FAIL. See bench/README.md for how to read it.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SETTINGS = "portal.settings.test"  # DEBUG off, local-memory cache, plain static files

# The targets, on 10,000 initiatives.
MAX_MEDIAN_MS = 25.0
MAX_QUERIES = 20

# Environment variables that would point the benchmark at a real installation's services.
ISOLATED_ENV = ("ELASTICSEARCH_URL", "CACHE_URL", "REDIS_URL", "EMAIL_URL", "DEBUG")

# The checkout a worker measures: this tree, or another one that bench/compare.py sets up
# (it runs this tree's workers with the other checkout's code on the path).
CHECKOUT_ENV = "MEEDOEN_BENCH_CHECKOUT"


def checkout_root():
    return Path(os.environ.get(CHECKOUT_ENV) or PROJECT_ROOT)


def model_named(name):
    """The model class called `name`, found in Django's app registry rather than imported
    from a module, so that the workers measure a checkout whose apps and modules are laid
    out differently (compare.py) as long as the model keeps its name."""
    from django.apps import apps

    for model in apps.get_models():
        if model.__name__ == name:
            return model
    raise LookupError(f"no model called {name}")


# --- Setting up the data (subprocesses, so each pass has its own Django) --------------


def bench_env(database_url, var_dir):
    env = {name: value for name, value in os.environ.items() if name not in ISOLATED_ENV}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "DATABASE_URL": database_url,
            "MEEDOEN_VAR_DIR": str(var_dir),
            "MEDIA_ROOT": str(Path(var_dir) / "media"),
            "STATIC_ROOT": str(Path(var_dir) / "static"),
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def manage(env, *args, cwd=PROJECT_ROOT, quiet=False):
    print(f"$ manage.py {' '.join(args)}", flush=True)
    started = time.perf_counter()
    output = subprocess.DEVNULL if quiet else None
    subprocess.run([sys.executable, "manage.py", *args], cwd=cwd, env=env, check=True, stdout=output)  # noqa: S603
    print(f"  ({time.perf_counter() - started:.0f} s)", flush=True)


def measure_in_subprocess(env, label, args, result_file):
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        label,
        "--result-file",
        str(result_file),
        "--repeat",
        str(args.repeat),
        "--warmup",
        str(args.warmup),
        "--budget",
        str(args.budget),
        "--query",
        args.query,
    ]
    subprocess.run(command, cwd=PROJECT_ROOT, env=env, check=True)  # noqa: S603
    return json.loads(Path(result_file).read_text())


# --- Measuring (in a worker process with Django set up) -------------------------------


def page_urls(query):
    """(page type, URL) for every page type, the same pages on both data sets: the first
    page of each type in tree order, which is demo content in both."""
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Locale

    dutch = Locale.objects.get(language_code="nl")

    def url_of(name, **filters):
        page = model_named(name).objects.live().public().filter(locale=dutch, **filters).order_by("path").first()
        if page is None:
            return None
        parts = urlsplit(page.get_url())
        return parts.path + (f"?{parts.query}" if parts.query else "")

    content = url_of("ContentPage", title="Zo werkt meedoen") or url_of("ContentPage")
    initiatives = url_of("InitiativeIndexPage")
    with translation.override("nl"):
        search = f"{reverse('search')}?q={query}"
    return [
        ("home", url_of("HomePage")),
        ("content page", content),
        ("initiatives index", initiatives),
        ("initiatives index, deep", f"{initiatives}?page=400" if initiatives else None),
        ("initiative", url_of("InitiativePage")),
        ("pitch event index", url_of("PitchEventIndexPage")),
        ("pitch event", url_of("PitchEventPage")),
        ("pitch form", url_of("PitchSubmissionPage")),
        ("project index", url_of("ParticipationProjectIndexPage")),
        ("project", url_of("ParticipationProjectPage")),
        ("feedback story index", url_of("PolicyFeedbackStoryIndexPage")),
        ("feedback story", url_of("PolicyFeedbackStoryPage")),
        ("search", search),
    ]


def measure(label, repeat, warmup, budget, query, result_file):
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    initiative_model = model_named("InitiativePage")
    assert not settings.DEBUG, "benchmark with DEBUG off"  # noqa: S101
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    rows = []
    for page_type, url in page_urls(query):
        row = {"page_type": page_type, "url": url, "status": None, "n": 0}
        row.update(median_ms=None, p95_ms=None, queries=None)
        rows.append(row)
        if url is None:
            row["error"] = "no such page in the data"
            continue
        # A page that takes seconds gets fewer requests instead of holding up the run for
        # an hour: warm-up and timing each stop once they have used `budget` seconds.
        deadline = time.perf_counter() + budget
        for _ in range(warmup):
            row["status"] = client.get(url).status_code
            if time.perf_counter() > deadline:
                break
        if row["status"] != 200:
            row["error"] = f"status {row['status']}"
            continue
        samples = []
        deadline = time.perf_counter() + budget
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
            if started > deadline:
                break
        row["n"] = len(samples)
        row["median_ms"] = statistics.median(samples)
        row["p95_ms"] = statistics.quantiles(samples, n=20, method="inclusive")[18] if len(samples) > 1 else samples[0]
        # Counted in a pass of its own, so that capturing does not slow the timed requests.
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        row["queries"] = len(captured.captured_queries)
        figures = f"{row['median_ms']:8.1f} ms  {row['queries']:3d} queries  ({len(samples)} timed)"
        print(f"  {label}: {page_type:<24} {figures}", flush=True)
    result = {
        "label": label,
        "vendor": connection.vendor,
        "initiatives": initiative_model.objects.live().filter(locale__language_code="nl").count(),
        "repeat": repeat,
        "rows": rows,
    }
    Path(result_file).write_text(json.dumps(result))


# --- The report -----------------------------------------------------------------------


def fmt_ms(value):
    return "-" if value is None else f"{value:.1f}"


def print_table(result, verdicts=None):
    headers = ["page type", "URL", "n", "median ms", "p95 ms", "queries"] + (["check"] if verdicts else [])
    body = []
    for i, row in enumerate(result["rows"]):
        cells = [
            row["page_type"],
            row["url"] or "-",
            str(row["n"]),
            fmt_ms(row["median_ms"]),
            fmt_ms(row["p95_ms"]),
            "-" if row["queries"] is None else str(row["queries"]),
        ]
        if verdicts:
            cells.append(verdicts[i])
        elif row.get("error"):
            cells[-1] += f"  ({row['error']})"
        body.append(cells)
    widths = [max(len(str(r[c])) for r in [headers, *body]) for c in range(len(headers))]
    right = {2, 3, 4, 5}

    def line(cells):
        padded = (
            str(c).rjust(w) if i in right else str(c).ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )
        return "  ".join(padded).rstrip()

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for cells in body:
        print(line(cells))


def verdicts_for(demo, large):
    """Compare each page against the targets: median and query count on the large data
    set, and the query count must not grow with the number of initiatives."""
    by_type = {row["page_type"]: row for row in demo["rows"]}
    verdicts = []
    failures = 0
    for row in large["rows"]:
        problems = []
        if row.get("error"):
            problems.append(row["error"])
        else:
            if row["median_ms"] >= MAX_MEDIAN_MS:
                problems.append(f"median {row['median_ms']:.1f} >= {MAX_MEDIAN_MS:g} ms")
            if row["queries"] > MAX_QUERIES:
                problems.append(f"{row['queries']} > {MAX_QUERIES} queries")
            before = by_type.get(row["page_type"], {}).get("queries")
            if before is not None and before != row["queries"]:
                problems.append(f"queries {before} -> {row['queries']} with more initiatives")
        failures += bool(problems)
        verdicts.append("FAIL " + "; ".join(problems) if problems else "ok")
    return verdicts, failures


def report(demo, large, args):
    print()
    print(f"Meedoen page benchmark: {args.repeat} timed requests per page after {args.warmup} warm-up requests,")
    print(f"Django test client, settings {SETTINGS} (DEBUG off), database: {demo['vendor']}.")
    print(f"Targets on the large data set: median < {MAX_MEDIAN_MS:g} ms and <= {MAX_QUERIES} queries per page;")
    print("the query count must be the same as on the demo data.")
    print(f"n: timed requests (fewer than {args.repeat} when a page used up its {args.budget:g} s budget).")
    print()
    print(f"== Demo data ({demo['initiatives']:,} Dutch initiatives)")
    print_table(demo)
    if large is None:
        return
    print()
    verdicts, failures = verdicts_for(demo, large)
    print(f"== Large data set ({large['initiatives']:,} Dutch initiatives)")
    print_table(large, verdicts)
    print()
    if failures:
        print(f"FAIL: {failures} of {len(verdicts)} pages miss a target.")
    else:
        print(f"OK: all {len(verdicts)} pages meet the targets.")


# --- Entry point ----------------------------------------------------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=50, help="timed requests per page (default 50)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests per page first (default 5)")
    parser.add_argument(
        "--budget",
        type=float,
        default=20.0,
        help="seconds a page may take for its warm-up, and again for its timed requests; a slower "
        "page gets fewer timed requests (default 20)",
    )
    parser.add_argument("--initiatives", type=int, default=10_000, help="initiatives in the large data set")
    parser.add_argument("--query", default="buurt", help="the search query (default 'buurt')")
    parser.add_argument(
        "--database-url",
        help="benchmark this (empty, throwaway) database instead of SQLite in a temporary directory, "
        "e.g. postgres://postgres@127.0.0.1:5432/meedoen_bench; the large data set is added to it",
    )
    parser.add_argument("--demo-only", action="store_true", help="skip the large data set")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--result-file", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.repeat = max(args.repeat, 1)
    args.warmup = max(args.warmup, 1)
    return args


def main(argv=None):
    args = parse_args(argv)
    sys.path.insert(0, str(checkout_root()))
    if args.worker:
        measure(args.worker, args.repeat, args.warmup, args.budget, args.query, args.result_file)
        return 0

    with tempfile.TemporaryDirectory(prefix="meedoen-bench-") as tmp:
        database_url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        env = bench_env(database_url, tmp)
        (Path(tmp) / "static").mkdir()  # WhiteNoise warns without it; files come from the finders
        try:
            print(f"== Demo data on {urlsplit(database_url).scheme}", flush=True)
            manage(env, "migrate", "--noinput", "-v", "0")
            manage(env, "seed_demo")
            demo = measure_in_subprocess(env, "demo", args, Path(tmp) / "demo.json")
            large = None
            if not args.demo_only:
                print(f"== Adding {args.initiatives:,} initiatives", flush=True)
                manage(env, "seed_demo", "--initiatives", str(args.initiatives))
                large = measure_in_subprocess(env, "large", args, Path(tmp) / "large.json")
        except subprocess.CalledProcessError as error:
            print(f"\nFAIL: the benchmark could not run: {error}", file=sys.stderr)
            return 2
        report(demo, large, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
