"""Bulgarian (CLDR bg): 4 ноември 2025 г., 04.11.2025, 17:09.

Django's Bulgarian module has no datetime, input or first-day formats.
"""

DATE_FORMAT = "j F Y г."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y г., H:i"
YEAR_MONTH_FORMAT = "F Y г."
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = [
    "%d.%m.%Y",  # '04.11.2025'
    "%d.%m.%y",  # '04.11.25'
]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",  # '04.11.2025 17:09:30'
    "%d.%m.%Y %H:%M",  # '04.11.2025 17:09'
    "%d.%m.%y %H:%M",  # '04.11.25 17:09'
]
TIME_INPUT_FORMATS = [
    "%H:%M:%S",  # '17:09:30'
    "%H:%M",  # '17:09'
]
