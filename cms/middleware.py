"""Django's LocaleMiddleware, except that the admin's and the credentials' "not found" stays a 404.

The admin and the credential documents (/credentials/...) have no language
prefix. Django sends any 404 outside the prefixed URLs on to /<language>/...,
where the site's catch-all page route accepts every path: an admin address
that does not exist (a closed copy view, a deleted record) answered 302 and
then the site's not-found page, and so did an unknown key or credential that
a verifier asked for.
"""

from django.middleware import locale
from django.utils import translation
from django.utils.cache import patch_vary_headers

UNPREFIXED = ("/admin/", "/credentials/")


class LocaleMiddleware(locale.LocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
