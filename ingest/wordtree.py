"""Regex builders for long lists of literal words (type words, place and unit names,
registry names): the words as a tree of common prefixes, so the engine follows one branch
per letter instead of trying every word in turn. `patterns` composes its constants with these.
"""
from __future__ import annotations

import re
import unicodedata


def spellings(word: str) -> list[str]:
    """How a type word is written: as printed, lower, upper, capitalised, and without its marks
    (OCR and hasty typing drop them: "Chi thi", "Nghi quyet")."""
    bare = without_marks(word)
    half = _half_marked(word)
    return [word, word.lower(), word.upper(), word[0] + word[1:].lower(), bare, bare.lower(),
            *half, *(h.lower() for h in half)]


def _half_marked(word: str) -> list[str]:
    """A two-word type word with the marks of one word dropped: "Nghi quyết", "Nghị quyet"."""
    parts = word.split()
    if len(parts) != 2:
        return []
    return [f"{without_marks(parts[0])} {parts[1]}", f"{parts[0]} {without_marks(parts[1])}"]


def without_marks(word: str) -> str:
    flat = unicodedata.normalize("NFD", word.replace("Đ", "D").replace("đ", "d"))
    return unicodedata.normalize("NFC", "".join(c for c in flat if not unicodedata.combining(c)))


def one_of(words, word_start: bool = False) -> str:
    r"""A regex for any of `words`, the longest first where one begins another (as
    `"|".join(words)` with the words sorted longest first). `word_start`: only where no letter
    or digit precedes, as a leading `(?<!\w)` would, but checked after the first letter so that
    the engine can still skip straight to the letters a word begins with."""
    return _branches(_tree(words), r"(?<!\w.)" if word_start else "")


def starts_of(words, followed_by: str = "") -> str:
    """A regex for the first letter of every place where one of `words` begins, followed by
    what `followed_by` matches. It is one character long, so that `finditer` also reports a
    word that begins inside another, and it lets the engine skip straight to the letters the
    words begin with."""
    return "(?:" + "|".join(re.escape(ch) + f"(?={_branches(rest)}{followed_by})" if len(rest) > 1 or "" not in rest
                            else re.escape(ch) + (f"(?={followed_by})" if followed_by else "")
                            for ch, rest in _tree(words).items() if ch) + ")"


def _tree(words) -> dict:
    """Words as nested dicts of their letters; "" marks where a word ends."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return tree


def _branches(node: dict, after_first: str = "") -> str:
    longer = [re.escape(ch) + after_first + _branches(rest) for ch, rest in node.items() if ch]
    if not longer:
        return ""
    body = longer[0] if len(longer) == 1 else "(?:" + "|".join(longer) + ")"
    return f"(?:{body})?" if "" in node else body
