"""An index on wagtailcore_page (depth, path): a page's children are looked up as a path range at
one depth, and without it that range is every descendant (the whole archive, under a home page)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("pages", "0005_article_date_indexes"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS pages_page_depth_path ON wagtailcore_page (depth, path)",
            "DROP INDEX IF EXISTS pages_page_depth_path",
        )
    ]
