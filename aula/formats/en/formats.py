# Aula writes dates one way per language (aula/dates.py): "17 December 2026", "17 December 2026,
# 15:00". The short formats are the same, so no page, email or admin view shows "12/17/2026".
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = DATE_FORMAT
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
