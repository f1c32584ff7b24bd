import copy

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language_from_request
from django.views.decorators.cache import never_cache
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, Site
from wagtail.url_routing import RouteResult

from . import i18n, offline
from .caching import cached_shared
from .models import CoursePage, LessonPage, ModulePage
from .my_learning import learning_page


def root_redirect(request):
    """`/` sends each visitor to their language's home page."""
    return redirect(f"/{get_language_from_request(request)}/")


def serve(request, path):
    """Wagtail's page serving, with the site and each route looked up once per content version.

    Routing walks the page tree one level at a time (with fallbacks to the
    original language); the page it finds is the same for every reader of a
    language, so it is cached. Wagtail's own hooks (view restrictions and the
    rest) still run on every request.
    """
    site = cached_shared("site", (request.get_host(),), lambda: Site.find_for_request(request))
    # Each request gets its own shallow copy of the kept instances: what a request sets on
    # them stays its own (a deep copy of a page with its content costs more than the rest).
    request._wagtail_site = copy.copy(site)
    if site is not None:
        page = cached_shared(
            "route",
            (site.pk, i18n.reader_language(), path),
            lambda: _routed_page(request, path),
        )
        if page is not None:
            request._wagtail_route_for_request = RouteResult(copy.copy(page))
    return offline.offline_copy_marked(request, wagtail_views.serve(request, path))


def _routed_page(request, path) -> Page | None:
    result = Page.route_for_request(request, path)
    if result is None or result[1] or result[2]:
        return None  # not found, or a route with arguments: not cached
    return result[0]


@never_cache
def health(request):
    return HttpResponse("ok", content_type="text/plain")


def search(request):
    """Search the published courses, modules and lessons in the reader's language."""
    query = request.GET.get("q", "").strip()[:200]
    results = []
    if query:
        language = i18n.reader_language()
        pages = (
            Page.objects.live()
            .type(CoursePage, ModulePage, LessonPage)
            .filter(locale=Locale.get_active())
            .specific()
        )
        results = [
            (page, i18n.url_for_reader(page, language, request))
            for page in pages.search(query)[:50]
        ]
    return render(request, "cms/search.html", {"query": query, "results": results})


@login_required
def my_learning(request):
    """Every course the person is enrolled in, with progress and where to continue;
    their face-to-face cohorts, the invitations waiting for their answer and their certificates."""
    page = learning_page(request)
    return render(
        request,
        "cms/my_learning.html",
        {
            "courses": page.courses,
            "cohorts": page.cohorts,
            "invitations": page.invitations,
            "certificates": page.certificates,
        },
    )
