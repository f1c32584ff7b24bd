"""Where certificate PDFs and zips are kept: outside the public media folder.

They hold people's names, so they are only ever served through views that
check who is asking (certificates/views.py), never as static media.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def certificate_storage() -> FileSystemStorage:
    # A callable, so migrations name it and tests may move CERTIFICATES_ROOT.
    return FileSystemStorage(location=settings.CERTIFICATES_ROOT, base_url=None)
