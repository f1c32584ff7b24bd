"""International English (CLDR en-150): 4 November 2025, 04/11/2025, 17:09."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
# Day before month only: 04/11/2025 must never be read as 11 April.
DATE_INPUT_FORMATS = [
    "%d/%m/%Y",  # '04/11/2025'
    "%d/%m/%y",  # '04/11/25'
    "%d %B %Y",  # '4 November 2025'
    "%d %b %Y",  # '4 Nov 2025'
]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M:%S",  # '04/11/2025 17:09:30'
    "%d/%m/%Y %H:%M",  # '04/11/2025 17:09'
    "%d/%m/%y %H:%M",  # '04/11/25 17:09'
]
TIME_INPUT_FORMATS = [
    "%H:%M:%S",  # '17:09:30'
    "%H:%M",  # '17:09'
]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
