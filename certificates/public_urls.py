"""The addresses outside the language prefix: what signed credentials name, and the QR's target.

Included at the site's root by cms/urls.py.
"""

from django.urls import path

from .views import public

app_name = "credentials"

urlpatterns = [
    path("credentials/issuer", public.issuer, name="issuer"),
    path("credentials/keys/<str:key_id>", public.key, name="key"),
    path("credentials/status/<str:purpose>", public.status_list, name="status_list"),
    path("credentials/<str:code>", public.credential, name="credential"),
    path("verify/<str:code>/", public.verify_redirect, name="verify_redirect"),
]
