from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.images import get_image_model

        from courses import signals
        from courses.progress_cache import on_participant_row_saved

        from . import checks, receivers  # noqa: F401 (checks registers itself)
        from .models import Certificate, CertificateTemplate
        from .selectors import verification
        from .services import contents

        # Courses announces completions, accreditations and merges; certificates listen.
        for signal, receiver in (
            (signals.cohort_membership_completed, receivers.on_membership_completed),
            (signals.course_completed, receivers.on_course_completed),
            (signals.accreditation_granted, receivers.on_accreditation_granted),
            (signals.accreditation_changed, receivers.on_accreditation_changed),
            (signals.participants_merged, receivers.on_participants_merged),
        ):
            signal.connect(receiver, dispatch_uid=f"certificates-{receiver.__name__}")
        post_save.connect(
            receivers.on_template_saved,
            sender=CertificateTemplate,
            dispatch_uid="certificates-on_template_saved",
        )
        # The wording kept between certificates is read anew after any change to a
        # template or a logo (services/contents.py).
        image = get_image_model()
        for sender, signal, change in (
            (CertificateTemplate, post_save, "saved"),
            (CertificateTemplate, post_delete, "deleted"),
            (image, post_save, "saved"),
            (image, post_delete, "deleted"),
            (image.get_rendition_model(), post_delete, "deleted"),
        ):
            signal.connect(
                contents.wording_changed,
                sender=sender,
                dispatch_uid=f"certificates-wording-{sender.__name__}-{change}",
            )
        # The verification page kept per code, and the holder's own pages ("My learning"),
        # are read anew after any change to a certificate.
        for signal, change in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(
                verification.on_certificate_saved,
                sender=Certificate,
                dispatch_uid=f"certificates-verification-{change}",
            )
            signal.connect(
                on_participant_row_saved,
                sender=Certificate,
                dispatch_uid=f"certificates-holder-{change}",
            )
