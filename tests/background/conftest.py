from tests.background.worker import background  # noqa: F401 (the fixture)
