import pytest


def test_the_site_builds_as_publishing_does(site_build):
    if site_build.failure:
        pytest.fail(site_build.failure, pytrace=False)
