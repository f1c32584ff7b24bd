from django.urls import path

from . import consent_views, roster_views, views

app_name = "courses"

urlpatterns = [
    path("courses/<int:page_id>/enrol/", views.enrol, name="enrol"),
    path("lessons/<int:page_id>/complete/", views.complete_lesson, name="complete_lesson"),
    path("training/", views.trainer_home, name="trainer_home"),
    path("training/cohorts/new/", views.cohort_new, name="cohort_new"),
    path("training/cohorts/<int:pk>/", views.cohort_detail, name="cohort"),
    path("training/cohorts/<int:pk>/sessions/new/", views.session_new, name="session_new"),
    path("training/cohorts/<int:pk>/import/", views.roster_import, name="roster_import"),
    path(
        "training/cohorts/<int:pk>/import/template.<str:extension>",
        roster_views.roster_template,
        name="roster_template",
    ),
    path("training/cohorts/<int:pk>/settings/", views.cohort_settings, name="cohort_settings"),
    path(
        "training/cohorts/<int:pk>/young-people/new/",
        views.young_person_new,
        name="young_person_new",
    ),
    path("training/cohorts/<int:pk>/team/new/", views.team_member_new, name="team_member_new"),
    path(
        "training/cohorts/<int:pk>/accredit/", views.accredit_graduates, name="accredit_graduates"
    ),
    path(
        "training/cohorts/<int:pk>/sessions/<int:session_pk>/attendance/",
        views.attendance,
        name="attendance",
    ),
    path("training/cohorts/<int:pk>/merge/", views.members_merge, name="members_merge"),
    path(
        "training/cohorts/<int:pk>/guardian-consent/",
        consent_views.cohort_guardian_consents,
        name="guardian_consents",
    ),
    path("training/cohorts/<int:pk>/move/", views.member_move, name="member_move"),
    path("join/<str:code>/", views.join, name="join"),
    path("invitations/<int:pk>/", views.invitation_answer, name="invitation_answer"),
]
