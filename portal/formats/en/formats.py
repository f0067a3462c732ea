"""English as read in the Netherlands (British style): 'Tuesday 1 December 2026, 19:30',
24-hour clock as on Dutch tickets and signs, 1,234.5."""

DATE_FORMAT = "j F Y"  # 1 December 2026
TIME_FORMAT = "H:i"  # 19:30
DATETIME_FORMAT = "l j F Y, H:i"  # Tuesday 1 December 2026, 19:30
SHORT_DATE_FORMAT = "d/m/Y"  # 01/12/2026
SHORT_DATETIME_FORMAT = "D j M Y, H:i"  # Tue 1 Dec 2026, 19:30
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
