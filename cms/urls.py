from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from accounts import views as accounts_views
from courses import consent_views
from courses import views as courses_views

from . import media, offline, privacy_notice, views

urlpatterns = [
    # The admin signs in through the same accounts as the site (allauth).
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="admin_login_redirect",
    ),
    # Every password reset goes through allauth's (accounts/admin_urls.py).
    path("", include("accounts.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.health, name="health"),
    path("h5p/", include("assessments.h5p.urls")),
    # What signed credentials name (issuer, keys, status lists, credentials) and the QR's target.
    path("", include("certificates.public_urls")),
    # The service worker, from the root so that its scope covers every language's pages.
    path("sw.js", offline.service_worker, name="service_worker"),
    path("", views.root_redirect, name="root"),
]

if settings.MEDIA_URL.startswith("/"):
    # Lesson pictures (renditions) from the media storage on this site's own address (cms/media.py).
    urlpatterns.append(
        path(f"{settings.MEDIA_URL.strip('/')}/images/<path:path>", media.picture, name="picture")
    )

urlpatterns += i18n_patterns(
    path("accounts/login/", accounts_views.login, name="account_login"),
    path(
        "accounts/country-and-organisation/",
        courses_views.country_and_organisation,
        name="account_country_and_organisation",
    ),
    # allauth's sign-up, with the age of digital consent (courses/consent_views.py).
    path("accounts/signup/", consent_views.signup, name="account_signup"),
    path("accounts/guardian-consent/", include("courses.consent_urls")),
    path("accounts/your-data/", include("privacy.account_urls")),
    path("accounts/", include("allauth.urls")),
    path("privacy/", privacy_notice.privacy_notice, name="privacy_notice"),
    path("learning/", views.my_learning, name="my_learning"),
    path(
        "learning/modules/<int:page_id>/download/",
        offline.module_download,
        name="module_download",
    ),
    path("learning/", include("courses.urls")),
    path("learning/", include("assessments.urls")),
    path("", include("certificates.urls")),
    path("monitoring/", include("monitoring.urls")),
    path("search/", views.search, name="search"),
    re_path(serve_pattern, views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
