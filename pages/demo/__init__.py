"""Demo content for Meedoen: the fictional municipality of Meerwijk, in Dutch and English.

Used by `manage.py seed_demo`. Data modules (taxonomy, general, initiatives, events,
participation) hold bilingual texts; `builders` turns them into Wagtail objects, `seed`
creates what is missing, `translate` makes the English versions with wagtail-localize and
`bulk` adds thousands of generated initiatives for load tests."""
