from django.urls import path

from . import views

app_name = "assessments"

urlpatterns = [
    path("assessments/<int:pk>/", views.take, name="take"),
    path("assessments/attempts/<uuid:token>/", views.attempt, name="attempt"),
    path("training/cohorts/<int:pk>/results/", views.paper_results, name="paper_results"),
]
