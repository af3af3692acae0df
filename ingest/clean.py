"""Spelling helpers shared by the stages: one key per way of writing a name.

Stored names keep their diacritics; these keys are only for comparing.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# old-style tone placement ("uỷ", "hoá", "Toà") -> the style the roster uses ("ủy", "hóa", "Tòa")
_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
#: an old-style pair not after "q" ("quý" keeps its tone), nor before another letter; the "q" is
#: looked for behind the pair's two letters, so that the engine can skip straight to an "o" or "u"
_OLD_TONE_RE = re.compile(
    "(?:" + "|".join(_OLD_TONES) + "|" + "|".join(k.upper() for k in _OLD_TONES)
    + "|" + "|".join(k[0].upper() + k[1] for k in _OLD_TONES) + ")(?<![qQ]..)(?![^\\W\\d_])")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=262144)
def spelling(s: str) -> str:
    """NFC, new-style tone marks, single spaces: "Tỉnh uỷ" and "Tỉnh ủy" give one key."""
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    s = _OLD_TONE_RE.sub(lambda m: _retone(m.group(0)), s)
    return _SPACES.sub(" ", s).strip()


def _retone(old: str) -> str:
    new = _OLD_TONES[old.lower()]
    return "".join(n.upper() if o.isupper() else n for o, n in zip(old, new))


@lru_cache(maxsize=262144)
def key(s: str) -> str:
    """Case-folded spelling key."""
    return spelling(s).casefold()


def fold(s: str) -> str:
    """Accent-free lower-case key, for accent-insensitive search: "Tủa Chùa" -> "tua chua"."""
    s = unicodedata.normalize("NFD", spelling(s).casefold().replace("đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c))
