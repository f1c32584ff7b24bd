from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language_from_request
from django.views.decorators.cache import never_cache
from wagtail.models import Locale, Page

from . import i18n
from .models import CoursePage, LessonPage, ModulePage
from .outline import learning_cards


def root_redirect(request):
    """`/` sends each visitor to their language's home page."""
    return redirect(f"/{get_language_from_request(request)}/")


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
    """Every course the person is enrolled in, with progress and where to continue."""
    return render(request, "cms/my_learning.html", {"courses": learning_cards(request)})
