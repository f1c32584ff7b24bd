from wagtail.admin.forms import WagtailAdminModelForm

from ..services.h5p import h5p_content_store
from .package import PackageRejected


class H5PContentForm(WagtailAdminModelForm):
    """The admin form for an H5P activity: the package is checked and stored when it is chosen.

    It is stored only once the rest of the form is valid, so a form sent back for
    another reason leaves no library or content folder behind.
    """

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("package")
        if upload and "package" in self.files and not self.errors:
            try:
                self.libraries = h5p_content_store(self.instance, upload, user=self.for_user)
            except PackageRejected as rejected:
                self.add_error("package", rejected.problems)
            else:
                upload.seek(0)
        return cleaned_data

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit and getattr(self, "libraries", None) is not None:
            instance.libraries.set(self.libraries)
            instance.package_uploaded = True  # for the audit trail (wagtail_hooks)
        return instance
