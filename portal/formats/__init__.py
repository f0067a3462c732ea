"""Date, time and number formats per language (Django's FORMAT_MODULE_PATH).

Templates only ask for the named formats (`|date:"DATE_FORMAT"`, `"DATETIME_FORMAT"`,
`"SHORT_DATETIME_FORMAT"`, `"TIME_FORMAT"`), never spell a format out, so that each
language reads dates its own way. A language without a module here uses Django's own
formats for it: adding Turkish or Arabic needs no module, only one to change Django's.
"""
