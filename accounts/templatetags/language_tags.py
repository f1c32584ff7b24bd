"""`{% load language_tags %}`: `lang_attr`, for templates of any app (see accounts/languages.py)."""

from django import template

from ..languages import lang_attr

register = template.Library()
register.filter("lang_attr", lang_attr)
