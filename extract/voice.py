"""A government's own voice: whose text a document is.

Government releases, statements and press conferences speak for their
government without naming it: 我が国, 「政府として」, a minister's title with
no state (外務大臣), 「私」 as the minister speaking. The rules read those as
the text's own government (ONTOLOGY conventions 9 and 11) when the document
shows whose it is. Japanese is the language geokg reads, and Japanese
government texts say so in set ways: the imperial era in dates (令和6年),
我が国, the cabinet's titles, the issuing ministry on a line of its own.
"""

from __future__ import annotations

import re

__all__ = ["home_state"]

_JAPAN = "JPN"
# Each a sign that the text is the Japanese government's own (or a Japanese
# official's): era dates, 我が国, titles only Japan's cabinet has, Japan time.
_JAPANESE_GOVERNMENT = re.compile(
    r"(令和|平成|昭和)(元|[0-9０-９]{1,2})年"
    r"|我が国|わが国|我が政府"
    r"|(日本|わが国|我が国)政府として"
    r"|内閣総理大臣|官房長官|外務報道官|外務大臣談話|総理大臣談話"
    r"|日本時間"
)
# The issuing ministry on a line of its own (a release's dateline or source line).
_ISSUER_LINE = re.compile(
    r"^\s*(\[出典\]\s*)?(外務省|防衛省|首相官邸|内閣官房|内閣府|経済産業省|財務省)\s*$", re.MULTILINE
)


def home_state(text: str) -> str | None:
    """The state whose government speaks in ``text``, if the text shows it.

    >>> home_state("令和6年4月15日\\n我が国は、この攻撃を強く非難します。")
    'JPN'
    >>> home_state("2024年7月8日\\n防衛省\\n上川外務大臣は…")
    'JPN'
    >>> home_state("1979年、中国はベトナムに侵攻した。") is None
    True
    """
    if _JAPANESE_GOVERNMENT.search(text) or _ISSUER_LINE.search(text):
        return _JAPAN
    return None
