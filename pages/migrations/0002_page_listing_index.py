"""An index on Wagtail's page table for Meedoen's listings.

Every overview and every automatic home page section asks for the live pages of one page
type in one language, newest first (pages.models.live_pages). With this index the
database finds them in order, so page 400 of 10,000 initiatives is as quick as page 1;
`live`, `path` and `depth` are included so that the index alone answers the query.
"""

from django.db import migrations

INDEX = "meedoen_page_listing"


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON wagtailcore_page "
            "(content_type_id, locale_id, first_published_at, id, live, path, depth)",
            reverse_sql=f"DROP INDEX {INDEX}",
        ),
    ]
