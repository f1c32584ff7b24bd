"""Where a young person finds support in their own country.

Coordinators keep a short list of support services per country (national
networks, peer platforms such as YouthLinks); editors translate it with
wagtail-localize like any content. The youth module ends with the list for the
reader's country (cms/youth.py).
"""
