"""Month names as Bulgarian, Italian and Romanian write them: in lower case.

Django's own catalogues for these languages capitalise month names
("4 Ноември 2025 г.", "4 Novembre 2025"), which none of the three does inside
a date or on its own. The project's catalogues (LOCALE_PATHS, read before
Django's) carry the lower-case names; this list keeps makemessages from
dropping them, since nothing else in the project's code names a month.
"""

from django.utils.translation import gettext_lazy, pgettext_lazy

MONTH_NAMES = [
    gettext_lazy("January"),
    gettext_lazy("February"),
    gettext_lazy("March"),
    gettext_lazy("April"),
    gettext_lazy("May"),
    gettext_lazy("June"),
    gettext_lazy("July"),
    gettext_lazy("August"),
    gettext_lazy("September"),
    gettext_lazy("October"),
    gettext_lazy("November"),
    gettext_lazy("December"),
]
# The form a month takes inside a date (Django's "E" format).
MONTH_NAMES_IN_A_DATE = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]
