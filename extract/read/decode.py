"""Bytes → str: the encoding of an input file, found and decoded; a binary file told apart.

A byte-order mark decides first (UTF-8, UTF-16, UTF-32); then strict UTF-8;
then, for HTML, the charset the page declares; then ``charset-normalizer``
restricted to the encodings Japanese and Western news come in (CP932/Shift_JIS,
EUC-JP, ISO-2022-JP, Windows-1252). Bytes that no encoding explains are
replaced with U+FFFD and counted.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = ["DETECTOR_ENCODINGS", "Decoded", "NotText", "decode_bytes"]


class NotText(ValueError):
    """Bytes that are not text in any encoding geokg reads (the reason, without a file name)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # Python codec name, e.g. "utf-8", "cp932", "euc_jp", "iso2022_jp"
    replaced: int = 0  # undecodable byte sequences replaced with U+FFFD


_BOMS = (  # longest first: the UTF-32-LE mark starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What charset-normalizer may choose from: the encodings Japanese and Western news come in.
DETECTOR_ENCODINGS = (
    "utf_8",
    "cp932",
    "shift_jis",
    "euc_jp",
    "euc_jis_2004",
    "iso2022_jp",
    "iso2022_jp_2",
    "iso2022_jp_ext",
    "cp1252",
    "latin_1",
)
# Tried, in this order, on a file no encoding decodes cleanly (a damaged download).
_DAMAGED_CANDIDATES = ("utf-8", "cp932", "euc_jp")
# The codecs a detected encoding is decoded with: Shift_JIS files written on Windows use CP932's
# extra characters (①, ㈱); the JIS X 0213 variants are tried for characters outside JIS X 0208.
_DECODE_ORDER = {
    "shift_jis": ("cp932", "shift_jis_2004"),
    "cp932": ("cp932", "shift_jis_2004"),
    "shift_jis_2004": ("cp932", "shift_jis_2004"),
    "euc_jp": ("euc_jp", "euc_jis_2004"),
    "euc_jis_2004": ("euc_jp", "euc_jis_2004"),
    "iso2022_jp": ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2004"),
    "ascii": ("utf-8",),
}
_BINARY_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\xd0\xcf\x11\xe0",
    b"\x7fELF",
    b"MZ\x90\x00",
)
_ISO2022_ESC = re.compile(rb"\x1b(?:\$[@B(]|\([BJI]|\$\(D|\.A|\.F|N)")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_HTML_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


# What a page may declare: character encodings (Python's codec names, "-" and "_" alike). Python's
# codecs also turn text into other text (unicode_escape makes a literal "\x1b" an escape character,
# rot13, punycode) or bytes into bytes (base64, zlib); a page declaring one is read as if it had
# declared nothing. UTF-7 is left out as browsers leave it out: it hides markup in plain letters.
_TEXT_ENCODING = re.compile(
    r"(utf_(8|8_sig|16|16_[bl]e|32|32_[bl]e)|ascii|latin_1|iso8859_\d+|cp\d+|mac_[a-z]+|koi8_[a-z]+"
    r"|shift_jis(_2004|x0213)?|euc_(jp|jis_2004|jisx0213|kr)|iso2022_(jp(_[123]|_2004|_3|_ext)?|kr)"
    r"|gb2312|gbk|gb18030|hz|big5(hkscs)?|johab|tis_620|kz1048|ptcp154|hp_roman8)"
)


def _text_encoding(name: str) -> str | None:
    """The codec of a declared charset when it is a character encoding; None otherwise.

    >>> _text_encoding("Shift_JIS"), _text_encoding("windows-1252"), _text_encoding("unicode_escape")
    ('shift_jis', 'cp1252', None)
    """
    codec = _codec(name)
    return codec if codec is not None and _TEXT_ENCODING.fullmatch(codec.replace("-", "_")) else None


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


# Python's cp932 decodes the single bytes 0x80, 0xA0 and 0xFD-0xFF, which no Japanese text
# contains, to control and private-use characters: they are bad bytes like any other.
_CP932_STRAY = re.compile("[\x80\uf8f0-\uf8f3]")


def _decode_with(raw: bytes, encoding: str) -> Decoded:
    """Decode, strictly if possible; otherwise with U+FFFD for each bad sequence (counted)."""
    name = _codec(encoding) or encoding
    try:
        text, replaced = raw.decode(encoding), 0
    except UnicodeDecodeError:
        text = raw.decode(encoding, errors="replace")
        genuine = raw.count(b"\xef\xbf\xbd") if name == "utf-8" else 0  # U+FFFD already in the file
        replaced = max(1, text.count("\ufffd") - genuine)
    if name == "cp932":
        text, stray = _CP932_STRAY.subn("\ufffd", text)
        replaced += stray
    return Decoded(text, name, replaced)


def _strict(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _mess(text: str) -> float:
    try:
        from charset_normalizer.md import mess_ratio
    except ImportError:  # pragma: no cover - charset-normalizer moved its internals
        return text.count("\ufffd") / max(1, len(text))
    return float(mess_ratio(text[:20000], 1.0))


def decode_bytes(raw: bytes, *, html: bool = False) -> Decoded:
    """Decode a file's bytes; raise :class:`NotText` for a binary file.

    Order: byte-order mark, strict UTF-8, (HTML) the declared ``<meta charset>`` if
    it is a character encoding (:func:`_text_encoding`), UTF-8 with a few bad bytes,
    charset-normalizer over :data:`DETECTOR_ENCODINGS`, and last, for a damaged file,
    the Japanese encoding that leaves the least mess. Bad bytes become U+FFFD (counted).

    >>> decode_bytes("米国".encode("cp932")).encoding
    'cp932'
    >>> decode_bytes(codecs.BOM_UTF8 + "米国".encode()).text
    '米国'
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _check_text(_decode_with(raw, encoding))
    if any(raw.startswith(m) for m in _BINARY_MAGIC):
        raise NotText("a binary file (its first bytes are those of an archive, image, PDF or program)")
    if b"\x00" in raw:
        raise NotText(
            "a binary file (it contains NUL bytes; if it is UTF-16 text without a byte-order mark, save it as UTF-8)"
        )
    iso2022 = raw.isascii() and _ISO2022_ESC.search(raw) is not None
    damaged_utf8: Decoded | None = None
    if not iso2022:
        utf8 = _decode_with(raw, "utf-8")
        if not utf8.replaced:
            return _check_text(utf8)
        # UTF-8 with a few bad bytes (a download cut short): many well-formed multi-byte
        # characters for each bad sequence, which text in another encoding never has.
        well_formed = len(utf8.text) - len(utf8.text.encode("ascii", "ignore")) - utf8.text.count("\ufffd")
        if well_formed >= 4 * utf8.replaced:
            damaged_utf8 = utf8
    if html:
        m = _HTML_CHARSET.search(raw[:4096])
        declared = _text_encoding(m.group(1).decode("ascii", "replace")) if m else None
        if declared:
            for name in _DECODE_ORDER.get(declared, (declared,)):
                if _strict(raw, name) is not None:
                    return _check_text(_decode_with(raw, name))
    if damaged_utf8 is not None:
        return _check_text(damaged_utf8)
    import charset_normalizer

    best = charset_normalizer.from_bytes(raw, cp_isolation=list(DETECTOR_ENCODINGS)).best()
    if best is not None:
        encoding = _codec(best.encoding) or best.encoding
        for name in _DECODE_ORDER.get(encoding, (encoding,)):
            if _strict(raw, name) is not None:
                return _check_text(_decode_with(raw, name))
    # Nothing decodes cleanly: a damaged file. Take the encoding that leaves the least mess.
    candidates = ("iso2022_jp_ext", "iso2022_jp_2") if iso2022 else _DAMAGED_CANDIDATES
    tried = [_decode_with(raw, c) for c in candidates]
    tried.sort(key=lambda d: (_mess(d.text), d.replaced))
    best_try = tried[0]
    if best_try.replaced > max(8, len(best_try.text) // 20):
        raise NotText(
            "not text in any encoding geokg reads (tried UTF-8, CP932/Shift_JIS, EUC-JP, ISO-2022-JP, Windows-1252)"
        )
    return _check_text(best_try)


def _check_text(d: Decoded) -> Decoded:
    controls = len(_CONTROL.findall(d.text[:100000]))
    if controls > max(4, len(d.text[:100000]) // 100):
        raise NotText(f"a binary file ({controls} control characters; decoded as {d.encoding})")
    return d
