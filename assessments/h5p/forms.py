from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from ..services.h5p import h5p_content_store
from .package import PackageRejected


class H5PContentForm(WagtailAdminModelForm):
    """The admin form for an H5P activity: the package is checked and stored when it is chosen."""

    def clean_package(self):
        upload = self.cleaned_data.get("package")
        if upload and "package" in self.files:
            try:
                self.libraries = h5p_content_store(self.instance, upload, user=self.for_user)
            except PackageRejected as rejected:
                raise ValidationError(rejected.problems) from None
            upload.seek(0)
        return upload

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit and getattr(self, "libraries", None) is not None:
            instance.libraries.set(self.libraries)
            instance.package_uploaded = True  # for the audit trail (wagtail_hooks)
        return instance
