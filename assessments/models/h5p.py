"""H5P: installed libraries (shared code), uploaded content, learners' saved state, statements."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index


class H5PLibrary(models.Model):
    """One installed library version. Its files are written once and never overwritten."""

    machine_name = models.CharField(_("machine name"), max_length=127)
    major_version = models.PositiveIntegerField(_("major version"))
    minor_version = models.PositiveIntegerField(_("minor version"))
    patch_version = models.PositiveIntegerField(_("patch version"))
    title = models.CharField(_("title"), max_length=255, blank=True)
    runnable = models.BooleanField(_("runnable"), default=False)
    files_hash = models.CharField(_("files hash (SHA-256)"), max_length=64, editable=False)
    metadata = models.JSONField(default=dict, editable=False)
    semantics = models.JSONField(null=True, blank=True, editable=False)
    installed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    installed_at = models.DateTimeField(_("installed at"), default=timezone.now)

    class Meta:
        verbose_name = _("H5P library")
        verbose_name_plural = _("H5P libraries")
        ordering = ["machine_name", "major_version", "minor_version"]
        constraints = [
            models.UniqueConstraint(
                fields=["machine_name", "major_version", "minor_version"],
                name="one_h5p_library_per_minor_version",
            )
        ]
        permissions = [("install_h5p_library", _("Can install new H5P library code"))]

    def __str__(self) -> str:
        return f"{self.machine_name} {self.major_version}.{self.minor_version}.{self.patch_version}"

    @property
    def folder(self) -> str:
        return f"{self.machine_name}-{self.major_version}.{self.minor_version}"

    @property
    def key(self) -> str:
        """How content names it: "H5P.MultiChoice 1.16"."""
        return f"{self.machine_name} {self.major_version}.{self.minor_version}"


def package_path(instance: H5PContent, filename: str) -> str:
    """The stored package's name is the platform's: the hash of its bytes, never the uploader's
    name or extension (`../../evil.php.h5p` is kept as `h5p/packages/<sha256>.h5p`)."""
    digest = getattr(instance, "package_digest", "") or uuid.uuid4().hex
    return f"h5p/packages/{digest}.h5p"


class H5PContent(TranslatableMixin, index.Indexed, models.Model):
    """An uploaded .h5p activity; its checked files are stored by content hash."""

    title = models.CharField(_("title"), max_length=255)
    package = models.FileField(
        _("H5P package"),
        upload_to=package_path,
        help_text=_("An .h5p file exported from an H5P editor (h5p.org, Lumi, Moodle…)."),
    )
    content_hash = models.CharField(max_length=64, editable=False, db_index=True)
    main_library = models.CharField(max_length=160, editable=False)
    metadata = models.JSONField(default=dict, editable=False)
    libraries = models.ManyToManyField(H5PLibrary, related_name="contents", editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now, editable=False)

    search_fields = [index.SearchField("title"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("H5P activity")
        verbose_name_plural = _("H5P activities")

    def __str__(self) -> str:
        return self.title


class H5PUserState(models.Model):
    """Where a person left an activity (H5P's "content user data"), restored when they return."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content_key = models.UUIDField()
    # The package the state was saved from: another one (a new upload, another
    # language) may not understand it, so it starts afresh.
    content_hash = models.CharField(max_length=64)
    state = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "content_key"], name="one_h5p_state_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.content_key} · {self.user_id}"


class XapiStatement(models.Model):
    """An xAPI statement the server accepted; its digest refuses the same statement twice."""

    digest = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    h5p_content = models.ForeignKey(H5PContent, on_delete=models.CASCADE, related_name="statements")
    verb = models.CharField(max_length=32)
    statement = models.JSONField()
    attempt = models.ForeignKey(
        "assessments.Attempt", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.verb} · {self.h5p_content_id} · {self.received_at:%Y-%m-%d %H:%M}"
