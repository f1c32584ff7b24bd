"""A guardian's consent to a sign-up, under /<language>/accounts/guardian-consent/."""

from django.urls import path

from . import consent_views

app_name = "consent"

urlpatterns = [
    path("asked/", consent_views.guardian_asked, name="asked"),
    path("cancel/<str:signed>/", consent_views.cancel_waiting_signup, name="cancel"),
    path("<int:pk>/<str:token>/", consent_views.guardian_consent, name="guardian"),
]
