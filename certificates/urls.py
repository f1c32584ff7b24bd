"""The certificate pages under the language prefix (included by cms/urls.py)."""

from django.urls import path

from .views import cohorts, country, downloads, public

app_name = "certificates"

COHORT = "learning/training/cohorts/<int:pk>/certificates/"

urlpatterns = [
    path("verify/", public.check, name="check"),
    path("verify/<str:code>/", public.verify, name="verify"),
    path("learning/certificates/country/", country.country_certificates, name="country"),
    path("learning/certificates/<str:code>.pdf", downloads.certificate_pdf, name="pdf"),
    path("learning/certificates/<str:code>.json", downloads.certificate_credential, name="json"),
    path(COHORT, cohorts.cohort_certificates, name="cohort"),
    path(f"{COHORT}issue/", cohorts.certificate_issue, name="issue"),
    path(f"{COHORT}runs/", cohorts.batch_new, name="batch_new"),
    path(f"{COHORT}runs/<int:batch_id>/", cohorts.batch_progress, name="batch_progress"),
    path(
        f"{COHORT}runs/<int:batch_id>/certificates.zip",
        cohorts.batch_archive,
        name="batch_archive",
    ),
]
