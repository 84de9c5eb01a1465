"""A gazetteer of invented actors, so rule tests show the rules do not lean on the real one.

The rule vocabulary (titles, triggers, collective words, suffixes of bodies)
is the shipped one; the states and bodies are invented (after PETRARCH's
test dictionaries, with Arnor and Gondor): no ISO country, no real body.

>>> lex = invented_lexicon()
>>> lex.lookup("ゴンドール王国"), lex.lookup("米国")
('GON', None)
"""

from __future__ import annotations

import functools

from extract.lexicon import Lexicon, lexicon_data

__all__ = ["INVENTED_BODIES", "INVENTED_STATES", "invented_lexicon"]

# id -> (name, other names)
INVENTED_STATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "ARN": ("アルノール", ("アルノール王国",)),
    "GON": ("ゴンドール", ("ゴンドール王国",)),
    "ROH": ("ローハン", ("ローハン王国",)),
    "HAR": ("ハラド", ()),
}
INVENTED_BODIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "eriador_union": ("エリアドール連合", ()),
}


@functools.cache
def invented_lexicon() -> Lexicon:
    """The shipped rule vocabulary over the invented states and bodies only."""
    data = lexicon_data()
    data["countries"] = {
        "aliases": {},
        "names": {},
        "abbreviations": {"free": {}, "standalone": [], "ambiguous_compounds": {}, "not_compounds": []},
        "historical": [
            {"id": i, "name": name, "aliases": [name, *others]} for i, (name, others) in INVENTED_STATES.items()
        ],
    }
    data["actors"]["organizations"] = [
        {"id": i, "name": name, "aliases": [name, *others]} for i, (name, others) in INVENTED_BODIES.items()
    ]
    data["actors"]["regions"] = []
    return Lexicon.from_data(data, iso_countries=False)
