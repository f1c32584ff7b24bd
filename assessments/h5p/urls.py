from django.urls import path

from . import views

app_name = "h5p"

urlpatterns = [
    path("content/<str:content_hash>/<path:path>", views.content_file, name="content_file"),
    path("libraries/<str:folder>/<path:path>", views.library_file, name="library_file"),
    path("play/<int:pk>/", views.player, name="player"),
    path("activities/<int:pk>/statements/", views.statements, name="statements"),
    path("activities/<int:pk>/user-data/", views.user_data, name="user_data"),
]
