"""The demo municipality, Gemeente Meerwijk: data files in `data/` read by `loader.py`
(`manage.py seed_demo`)."""
