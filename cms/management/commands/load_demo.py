from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from certificates.credentials.keys import ensure_signing_key_file
from cms.demo.certificates import load_certificate_templates, load_demo_certificates
from cms.demo.cohorts import load_demo_cascade
from cms.demo.h5p import load_demo_h5p
from cms.demo.loader import load_demo_content
from cms.demo.monitoring import load_demo_monitoring
from cms.demo.people import DEMO_PASSWORD, load_people, staff_authenticator_secrets
from cms.demo.progress import load_learner_progress
from cms.demo.results import load_demo_results
from cms.demo.support import load_demo_support
from cms.models import CoursePage


class Command(BaseCommand):
    help = "Load the demo course, its translations and demo people (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reload-content",
            action="store_true",
            help="Translate and publish the demo content again even if it is already there.",
        )

    def handle(self, *args, **options):
        # The demo records history: nobody is e-mailed about it (certificates issued and such).
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            self.load(**options)

    def load(self, *, reload_content=False, **options):
        if reload_content or not CoursePage.objects.exists():
            report = load_demo_content()
            self.stdout.write(
                f"Demo content: {report.pages_created} pages and {report.assessments} "
                "assessments created."
            )
            for language, count in report.translations.items():
                self.stdout.write(f"  {language}: {count} pages translated with wagtail-localize")
            for language, missing in report.untranslated_strings.items():
                self.stderr.write(f"  {language}: {len(missing)} strings without a translation")
        else:
            self.stdout.write("Demo content already loaded.")
        people = load_people()
        # Certificates are signed with a key from a file (created once, never in the database),
        # and worded by their templates: both exist before anyone completes.
        key_file = ensure_signing_key_file()
        if key_file is not None:
            self.stdout.write(f"Certificate signing key: {key_file}")
        if load_certificate_templates():
            self.stdout.write("Certificate templates: the course's three, in en, bg and ro.")
        if load_demo_h5p():
            self.stdout.write("Demo H5P activity: placed in “Peers, mentors and YouthLinks”.")
        load_learner_progress()
        cohorts = load_demo_cascade()
        if cohorts:
            self.stdout.write(f"Demo cascade: {cohorts} cohorts in 5 countries, 4 generations.")
        results = load_demo_results()
        if results:
            self.stdout.write(f"Demo test results: {results} pre-test and post-test results.")
        certificates = load_demo_certificates()
        if certificates is not None:
            self.stdout.write(f"Demo certificates: {certificates.issued} issued.")
            for label, certificate in (
                ("revoked", certificates.revoked),
                ("expired", certificates.expired),
            ):
                if certificate is not None:
                    address = f"/verify/{certificate.code}/"
                    self.stdout.write(f"  {label}: {certificate.holder_name}, see {address}")
        support = load_demo_support()
        if support:
            self.stdout.write(
                f"Support for young people: {support} services in 5 countries, translated into "
                "bg and ro; no contact details (the project's description names none)."
            )
        # Last: the dashboards' figures are computed once everything above is recorded.
        current, targets = load_demo_monitoring()
        if current or targets:
            self.stdout.write(
                f"Monitoring: {current} cohorts running or planned, {targets} national targets."
            )
        self.stdout.write("Monitoring: every country's figures computed (/en/monitoring/).")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password for all: {DEMO_PASSWORD})"))
        for person in people:
            self.stdout.write(f"  {person.email:<28} {person.role}")
        self.stdout.write("")
        self.stdout.write(
            "Staff logins then ask for a code from an authenticator app (FreeOTP, Aegis, "
            "Google Authenticator...): add each secret to the app as a time-based key."
        )
        for email, secret in staff_authenticator_secrets().items():
            self.stdout.write(f"  {email:<28} {secret}")
