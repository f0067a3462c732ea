"""In-process half of bench/anchor.py: GET each URL through Django's test client in the site
that DJANGO_SETTINGS_MODULE and the working directory name, and write the timings as JSON.
It runs under each site's own Python (bakerydemo's too), so it imports nothing of Meedoen."""

import argparse
import json
import platform
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--repeat", type=int, default=100)
parser.add_argument("--warmup", type=int, default=20)
parser.add_argument("--out", required=True)
parser.add_argument("urls", nargs="+")
args = parser.parse_args()
sys.path.insert(0, "")  # the working directory: the site's code

import django  # noqa: E402

django.setup()
import django.test.client  # noqa: E402
import wagtail  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

# The test client copies every template context when Template._render is instrumented
# (bakerydemo's urls.py imports django-debug-toolbar, which does it); a server does not.
django.test.client.store_rendered_templates = lambda *args, **kwargs: None
rows = []
for url in args.urls:
    client = django.test.Client()
    row = {"url": url, "statuses": [client.get(url).status_code for _ in range(args.warmup)], "wall": [], "cpu": []}
    for _ in range(args.repeat):
        cpu_started, started = time.process_time(), time.perf_counter()
        row["statuses"].append(client.get(url).status_code)
        row["wall"].append((time.perf_counter() - started) * 1000)
        row["cpu"].append((time.process_time() - cpu_started) * 1000)
    with CaptureQueriesContext(connection) as captured:  # a pass of its own: capturing slows requests down
        client.get(url)
    rows.append({**row, "queries": [len(captured.captured_queries)]})
versions = f"Python {platform.python_version()}, Django {django.get_version()}, Wagtail {wagtail.__version__}"
cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
info = {"versions": versions, "debug": settings.DEBUG, "database": connection.vendor, "cache": cache}
with open(args.out, "w") as out:
    json.dump({**info, "rows": rows}, out)
