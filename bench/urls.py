from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def bare(request):
    """Django at its cheapest: the middleware, then a fixed response."""
    return HttpResponse("ok", content_type="text/plain")


def plain_template(request):
    """A Django template page with the full middleware, the session and the user, no Wagtail."""
    return render(request, "bench/plain.html", {"name": request.user.get_full_name()})


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/template/", plain_template),
    *site_urlpatterns,
]
