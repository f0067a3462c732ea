"""Dutch: 'dinsdag 1 december 2026, 19:30', 24-hour clock, 1.234,5."""

DATE_FORMAT = "j F Y"  # 1 december 2026
TIME_FORMAT = "H:i"  # 19:30
DATETIME_FORMAT = "l j F Y, H:i"  # dinsdag 1 december 2026, 19:30
SHORT_DATE_FORMAT = "j-n-Y"  # 1-12-2026
SHORT_DATETIME_FORMAT = "D j b Y, H:i"  # di 1 dec 2026, 19:30 (b: the month in lower case, as Dutch writes it)
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
