"""Where certificate PDFs and zips are kept: outside the public media folder.

They hold people's names, so they are only ever served through views that
check who is asking (certificates/views/), never as static media: on the disk
under CERTIFICATES_ROOT, or in the private bucket of STORAGES["certificates"]
when a deployment names one (cms/settings/production.py).
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages


def certificate_storage() -> Storage:
    # A callable, so migrations name it and tests may move CERTIFICATES_ROOT.
    if "certificates" in settings.STORAGES:
        return storages["certificates"]
    return FileSystemStorage(location=settings.CERTIFICATES_ROOT, base_url=None)
