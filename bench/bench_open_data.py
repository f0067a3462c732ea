#!/usr/bin/env python
"""Time what Meedoen publishes to machines: the read API, the calendar and news feeds and
sitemap.xml, uncached (the cache emptied before every request) and cached, on the demo
municipality and on 10,000 initiatives. Prints median and p95 milliseconds and SQL queries.

    .venv/bin/python bench/bench_open_data.py                # SQLite in a temporary directory
    .venv/bin/python bench/bench_open_data.py --repeat 20 --initiatives 0
    .venv/bin/python bench/bench_open_data.py --database-url postgres://postgres@127.0.0.1:5432/meedoen_bench

A report, not a test: it always exits 0 once the table is printed.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SETTINGS = "portal.settings.test"
ISOLATED_ENV = ("ELASTICSEARCH_URL", "CACHE_URL", "REDIS_URL", "EMAIL_URL", "DEBUG")

PATHS = [
    "/api/v2/initiatives/?limit=50",
    "/api/v2/initiatives/?limit=50&fields=*",
    "/api/v2/initiatives/?theme=groen&status=looking_for_help&locale=nl",
    "/api/v2/events/?upcoming=true",
    "/api/v2/stories/?limit=50&fields=*",
    "/api/v2/themes/",
    "/nl/feeds/events.ics",
    "/nl/feeds/initiatives.rss",
    "/nl/feeds/stories.atom",
    "/sitemap.xml",
    "/sitemap-initiatives-nl.xml",  # the first page of the largest section (500 addresses)
]


def run_worker(repeat):
    sys.path.insert(0, str(PROJECT_ROOT))
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from initiatives.models import InitiativePage

    client = Client()
    first = InitiativePage.objects.live().order_by("pk").first()
    paths = [*PATHS, f"/api/v2/initiatives/{first.pk}/"] if first else PATHS
    print(f"{InitiativePage.objects.live().count()} live initiatives")
    print(f"{'address':<62} {'uncached ms (median/p95)':>26} {'queries':>8} {'cached ms':>10}")
    for path in paths:
        timings, cached = [], []
        queries = 0
        for _ in range(repeat):
            cache.clear()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code}")
            queries = len(captured)
            started = time.perf_counter()
            client.get(path)
            cached.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        print(
            f"{path:<62} {statistics.median(timings):>12.1f} / {p95:>9.1f} {queries:>8} "
            f"{statistics.median(cached):>10.2f}",
            flush=True,
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--initiatives", type=int, default=10_000, help="top up to this many (0: the demo only)")
    parser.add_argument("--database-url")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        run_worker(args.repeat)
        return
    with tempfile.TemporaryDirectory() as var_dir:
        env = {name: value for name, value in os.environ.items() if name not in ISOLATED_ENV}
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": SETTINGS,
                "DATABASE_URL": args.database_url or f"sqlite:///{var_dir}/bench.sqlite3",
                "MEEDOEN_VAR_DIR": var_dir,
                "MEDIA_ROOT": f"{var_dir}/media",
                "STATIC_ROOT": f"{var_dir}/static",
                "PYTHONUNBUFFERED": "1",
            }
        )
        run = [sys.executable, "manage.py"]
        subprocess.run([*run, "migrate", "--noinput", "-v", "0"], cwd=PROJECT_ROOT, env=env, check=True)  # noqa: S603
        subprocess.run([*run, "seed_demo"], cwd=PROJECT_ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
        print("== The demo municipality", flush=True)
        worker = [sys.executable, __file__, "--worker", "--repeat", str(args.repeat)]
        subprocess.run(worker, cwd=PROJECT_ROOT, env=env, check=True)  # noqa: S603
        if args.initiatives:
            seed = [*run, "seed_demo", "--initiatives", str(args.initiatives)]
            subprocess.run(seed, cwd=PROJECT_ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
            print(f"== {args.initiatives:,} initiatives", flush=True)
            subprocess.run(worker, cwd=PROJECT_ROOT, env=env, check=True)  # noqa: S603


if __name__ == "__main__":
    main()
