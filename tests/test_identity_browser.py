"""The map's search box finds an actor by any name the resolver knows (issue 11), in headless Chromium."""

from __future__ import annotations

import pytest

import graph
from tests.test_identity import ARTICLES, LOOKUPS, _cli, _write

pytestmark = [pytest.mark.browser, pytest.mark.model]


@pytest.fixture(scope="module")
def news_page(open_map, tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("identity-map")
    code, _ = _cli("build", str(_write(out / "in", ARTICLES)), "-o", str(out / "out"), "--no-progress")
    assert code == 0
    page = open_map(out / "out" / "graph.html")
    page.kg = graph.load(out / "out")
    return page


@pytest.mark.parametrize(("name", "expected"), LOOKUPS.items())
def test_the_search_box_finds_an_actor_by_any_name(news_page, name, expected):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    search = news_page.driver.find_element(By.ID, "search")
    search.clear()
    search.send_keys(name, Keys.ENTER)
    assert news_page.js("return geokg.network.getSelectedNodes()") == [expected]
    # the same answer as Python and geokg query give
    assert news_page.kg.resolve(name) == expected


@pytest.mark.parametrize("name", ["ｎｏｒｔｈ　ｋｏｒｅａ", "NORTH  KOREA", "ﾌﾟｰﾁﾝ"])
def test_the_search_box_ignores_case_width_and_spaces(news_page, name):
    expected = news_page.kg.resolve(name)
    assert news_page.js("return geokg.findActor(arguments[0])", name) == expected
    assert news_page.errors() == []
