"""`manage.py optimize_database` (daily from cron, and after `seed_demo`) refreshes the
query planner's statistics with ANALYZE, on SQLite and PostgreSQL."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from tests import factories

pytestmark = pytest.mark.django_db


def optimize_database():
    out = io.StringIO()
    call_command("optimize_database", stdout=out)
    return out.getvalue().strip()


def planner_rows(table):
    """How many rows the planner's statistics say `table` has (None: no statistics)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if cursor.fetchone() is None:
                return None
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [table])
            found = cursor.fetchone()
            return int(found[0].split()[0]) if found else None
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        rows = cursor.fetchone()[0]
        return None if rows < 0 else int(rows)  # -1: never analysed


def test_the_statistics_follow_the_data(site_tree):
    assert optimize_database() == f"{connection.vendor}: ANALYZE"
    pages = factories.InitiativePageFactory.create_batch(3, parent=site_tree.initiatives)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM wagtailcore_page")
        count = cursor.fetchone()[0]
    assert planner_rows("wagtailcore_page") == count - len(pages)

    optimize_database()

    assert planner_rows("wagtailcore_page") == count
