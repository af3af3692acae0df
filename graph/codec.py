"""Model objects to plain JSON-able dicts and back (store rows, export lines)."""
from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from . import model as M

_ENUM_FIELDS = {"level": M.Level, "relation": M.Relation, "kind": M.MentionKind}


def to_dict(obj) -> dict:
    out = {}
    for f in dataclasses.fields(obj):
        out[f.name] = _plain(getattr(obj, f.name))
    return out


def _plain(v: Any):
    if isinstance(v, Enum):
        return v.value
    if dataclasses.is_dataclass(v):
        return to_dict(v)
    if isinstance(v, (tuple, list)):
        return [_plain(x) for x in v]
    return v


def from_dict(cls, d: dict):
    kw = {}
    hints = {f.name: f for f in dataclasses.fields(cls)}
    for name, value in d.items():
        if name not in hints:
            continue
        kw[name] = _typed(cls, name, value)
    return cls(**kw)


def _typed(cls, name, value):
    if value is None:
        return None
    if name in _ENUM_FIELDS and not (cls is M.Unit and name == "kind"):
        return _ENUM_FIELDS[name](value)
    if name == "evidence":
        return M.Evidence(**value)
    if name == "citations":
        return tuple(from_dict(M.Citation, c) for c in value)
    if name == "statements":
        return tuple(from_dict(M.Statement, s) for s in value)
    if name == "footnotes":
        return tuple(from_dict(M.Footnote, f) for f in value)
    if isinstance(value, list):
        return tuple(value)
    return value
