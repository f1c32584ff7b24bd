"""Hungarian (CLDR hu, Akadémiai helyesírás 295.): 2025. 11. 04., a space after each dot.

Django's Hungarian module writes 2025.11.04.; typing either form is accepted.
"""

SHORT_DATE_FORMAT = "Y. m. d."
SHORT_DATETIME_FORMAT = "Y. m. d. H:i"
DATE_INPUT_FORMATS = [
    "%Y. %m. %d.",  # '2025. 11. 04.'
    "%Y.%m.%d.",  # '2025.11.04.'
]
DATETIME_INPUT_FORMATS = [
    "%Y. %m. %d. %H:%M:%S",  # '2025. 11. 04. 17:09:30'
    "%Y. %m. %d. %H:%M",  # '2025. 11. 04. 17:09'
    "%Y.%m.%d. %H:%M:%S",  # '2025.11.04. 17:09:30'
    "%Y.%m.%d. %H:%M",  # '2025.11.04. 17:09'
]
