def test_every_page_is_built(site):
    assert len(list(site.glob("*/*/index.html"))) == 8


def test_the_not_found_page_is_built(site):
    assert (site / "404.html").is_file()


def test_the_offline_copy_is_built(built):
    assert (built[1] / "zh" / "detach" / "index.html").is_file()
