from django.conf import settings


def site_navigation(request):
    return {"LANGUAGE_CHOICES": settings.LANGUAGES}
