"""The test pages, results and paper entry fit a 360 px phone (called from the one browser test)."""

from __future__ import annotations

from tests.browser.helpers import PHONE, assert_fits, log_in, trainer_with_cohort
from tests.factories import assessment, question


def assessments_fit_a_phone(browser, live_server, course):
    long_option = (
        "As a rights-holder, with the professionals and services around them as duty-bearers"
    )
    items = [
        question(
            "single",
            "How is a young person leaving care seen?",
            [(long_option, True), ("As a case to close", False)],
        ),
        question(
            "multiple",
            "Who can be in a support network?",
            [("Peers", True), ("Mentors", True), ("Nobody", False)],
        ),
        question("likert", "Young people should have a say in when they leave care."),
    ]
    pre = assessment("pre_test", items, title="Where you start", course=course)
    assessment("post_test", items, title="What you learnt", course=course, pass_mark=70)

    trainer, cohort = trainer_with_cohort(
        course, "Training Plovdiv", "en", ("Ана Димитрова", "Ștefan Țurcanu", "Y-07")
    )

    context = browser.new_context(**PHONE)
    page = context.new_page()
    base = live_server.url
    log_in(page, live_server, trainer.email)
    assert_fits(page, f"{base}/en/learning/training/cohorts/{cohort.pk}/results/", "paper-results")
    page.fill("input[name^=pre_test-] >> nth=0", "9")
    page.get_by_role("button", name="Save the results").tap()
    page.get_by_text("9 is not between 0 and 2 points.").wait_for()
    assert_fits(page, page.url, "paper-results-errors")

    assert_fits(page, f"{base}/en/learning/assessments/{pre.pk}/", "pre-test")
    page.get_by_label(long_option).check()
    page.get_by_label("Peers").check()
    page.get_by_label("Mentors").check()
    page.get_by_label("Agree", exact=True).check()
    page.get_by_role("button", name="Send my answers").tap()
    page.wait_for_url(f"{base}/en/learning/assessments/attempts/**")
    assert "100 % — 2 of 2 points" in page.content()
    assert_fits(page, page.url, "attempt")
    context.close()
