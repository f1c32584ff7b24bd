"""An H5P activity in the demo course: "Who is in your network?", in the support-networks module.

It uses the platform's own content type (H5P.LeavingCareCheck) and goes
through the same checks and storage as an uploaded package. It is installed
by the demo coordinator, who may install H5P libraries.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from assessments.h5p.content_types import leaving_care_check_package
from assessments.models import H5PContent
from assessments.services.h5p import h5p_content_store
from cms.models import LessonPage, ModulePage

MODULE = "building-support-networks"
LESSON = "peers-mentors-and-youthlinks"
TITLE = "Who can stand by a young person after care?"
QUESTION = (
    "<p>Ana is 19 and left a residential home last month. Her social worker's case is "
    "closed. <strong>Who is most likely to still be there for her in a year?</strong></p>"
)
ANSWERS = [
    "Only the services that were responsible for her care",
    "People she chose herself: a mentor, peers who left care, a former carer she trusts",
    "Nobody: at 19 she is expected to manage alone",
]


def load_demo_h5p() -> int:
    """The activity, placed at the end of its lesson (once); returns how many were added."""
    if H5PContent.objects.exists():
        return 0
    coordinator = get_user_model().objects.filter(email="coordinator@example.org").first()
    module = ModulePage.objects.filter(slug=MODULE, locale__language_code="en").first()
    if coordinator is None or module is None:
        return 0
    lesson = LessonPage.objects.child_of(module).get(slug=LESSON)
    content = H5PContent(title=TITLE)
    package = leaving_care_check_package(TITLE, QUESTION, ANSWERS, correct=1)
    libraries = h5p_content_store(content, package, user=coordinator)
    content.package.save("who-stands-by.h5p", ContentFile(package.getvalue()), save=False)
    content.save()
    content.libraries.set(libraries)
    lesson.body.append(("h5p_activity", {"activity": content, "caption": ""}))
    lesson.save_revision(user=coordinator).publish()
    return 1
