"""The roster import's template, to download beside the upload field (CSV or XLSX).

For those who run the cohort, like the import itself (`cohort_or_403`); the
file holds the column names, the age bands and the names of the organisations
in the cohort's country, nobody's personal data.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from .guards import cohort_or_403
from .services.roster_template import roster_template_csv, roster_template_xlsx
from .spreadsheets import XLSX_TYPE

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "xlsx": XLSX_TYPE}


@login_required
@require_GET
def roster_template(request, pk: int, extension: str):
    cohort = cohort_or_403(request, pk, manage=True)
    if extension not in CONTENT_TYPES:
        raise Http404
    data = roster_template_csv() if extension == "csv" else roster_template_xlsx(cohort)
    response = HttpResponse(data, content_type=CONTENT_TYPES[extension])
    response["Content-Disposition"] = f'attachment; filename="roster-template.{extension}"'
    return response
