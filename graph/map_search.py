"""The map's search box: the names each actor is found by, and how a query is read.

The contract with the page (graph/static/map-search.js): a key is either
``query_key(name)`` for a name the actor answers to, or ``"~"`` followed by
``loose_romaji(name)`` (see :mod:`extract.normalize`). The page reads a typed
query the same way (tested against these functions in Chromium).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from extract.normalize import loose_romaji

from ._values import as_strings, as_text
from .names import _titles  # the resolver's own title list
from .names import search_keys as _resolver_keys
from .names import strip_titles as _strip_titles

__all__ = ["query_key", "search_data", "search_keys"]

# The search box compares names as query_key does; map-search.js removes the same characters.
_SPACE = re.compile("[\\s\\u180e\\u200b\\ufeff]+")


def query_key(text: str) -> str:
    """How the map's search box compares a name: NFKC, lower case, no white space.

    The page's script normalises what is typed the same way (tested against
    this function in Chromium).

    >>> query_key(" Ｐｕｔｉｎ 大統領"), query_key("ﾛｼｱ")
    ('putin大統領', 'ロシア')
    """
    return _SPACE.sub("", unicodedata.normalize("NFKC", str(text))).lower()


def search_keys(node_id: Any, attrs: Mapping[str, Any]) -> list[str]:
    """The keys under which the map's search box finds one actor, sorted.

    A key is either ``query_key(name)`` for a name the actor answers to, or
    ``"~"`` followed by ``loose_romaji(name)``. The page finds the typed
    text's ``query_key`` among the plain keys (also with titles and
    honorifics stripped), then as the start of a person's key (a family
    name), then ``"~" + loose_romaji`` of a Latin-letter query, then as part
    of any plain key; several actors on one step: the most mentioned wins.
    Names here are the actor's id, label and aliases, each also without its
    titles, as :meth:`graph.KnowledgeGraph.resolve` reads them.

    Parameters
    ----------
    node_id
        The actor's id in the graph.
    attrs : Mapping
        The node's attributes (``label``, ``aliases``; others are ignored).

    >>> search_keys("putin", {"label": "プーチン", "aliases": ["プーチン大統領"], "type": "person"})
    ['putin', '~ptn', 'プーチン', 'プーチン大統領']
    """
    names = [str(node_id), as_text(attrs.get("label")), *as_strings(attrs.get("aliases"))]
    # every name the resolver knows the actor by (gazetteer names, English, last names)
    keys: set[str] = set(_resolver_keys(str(node_id), attrs))
    for name in names:
        for form in (name, _strip_titles(name)) if _may_have_title(name) else (name,):
            if k := query_key(form):
                keys.add(k)
        # romanised only names of persons and bodies: an id or a state's name read loosely finds
        # the wrong state (PRC → prk), as the resolver never does
        if name != str(node_id) and attrs.get("type") != "country" and len(r := loose_romaji(name)) >= 2:
            keys.add("~" + r)
    return sorted(keys)


@functools.cache
def _title_ends() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(map(re.escape, _titles())) + ")$|[(（]")


def _may_have_title(name: str) -> bool:
    # _strip_titles tries every title in turn; most names have none (a quick test first).
    return _title_ends().search(name) is not None


@functools.cache
def search_data() -> dict[str, Any]:
    """What the page needs to read a query as :func:`search_keys` reads names: titles and romanisation."""
    from extract.normalize import _LOOSE  # the romanisation's own table

    return {"titles": list(_titles()), "loose": [list(pair) for pair in _LOOSE]}
