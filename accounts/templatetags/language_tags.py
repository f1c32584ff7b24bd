"""`{% load language_tags %}`: `lang_attr` and `written_in`, for templates of any app (see
accounts/languages.py): `<h2{{ assessment|written_in|lang_attr }}>`."""

from django import template

from ..languages import lang_attr, written_in

register = template.Library()
register.filter("lang_attr", lang_attr)
register.filter("written_in", written_in)
