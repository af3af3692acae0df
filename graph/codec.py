"""Model objects to plain JSON-able dicts and back (store rows, export lines).

Hot on every ingest and store load, so each class's fields and their decoders are
worked out once, and plain values (str, int, float, bool, None) pass straight through.
"""
from __future__ import annotations

import dataclasses
import json
from enum import Enum
from functools import cache
from typing import Any, Callable

from . import model as M

_PLAIN = (str, int, float, bool, type(None))
_ENUM_FIELDS = {"level": M.Level, "relation": M.Relation, "kind": M.MentionKind}
_NESTED = {"evidence": M.Evidence}
_NESTED_TUPLES = {"citations": M.Citation, "statements": M.Statement, "footnotes": M.Footnote}


def dumps(obj) -> str:
    """`to_dict` as one JSON text: how stores keep a text's facts."""
    return json.dumps(to_dict(obj), ensure_ascii=False)


def loads(cls, text: str):
    """The object of class `cls` that `dumps` wrote as `text`."""
    return from_dict(cls, json.loads(text))


def to_dict(obj) -> dict:
    out = {}
    for name in _names(type(obj)):
        v = getattr(obj, name)
        out[name] = v if v.__class__ in _PLAIN else _plain(v)
    return out


def _plain(v: Any):
    if isinstance(v, Enum):
        return v.value
    if dataclasses.is_dataclass(v):
        return to_dict(v)
    if isinstance(v, (tuple, list)):
        return [x if x.__class__ in _PLAIN else _plain(x) for x in v]
    return v


def from_dict(cls, d: dict, shared: dict | None = None):
    """Rebuild a `cls` from `to_dict`'s output. Strings met twice while decoding one object
    tree (the sentence of two citations, a unit name) are kept once: `shared` is that memo."""
    if shared is None:
        shared = {}
    decoders = _decoders(cls)
    kw = {}
    for name, value in d.items():
        decode = decoders.get(name, _UNKNOWN)
        if decode is _UNKNOWN:
            continue  # a field an older or newer version wrote
        if value is None:
            kw[name] = None
        elif decode is None:
            if value.__class__ is str:
                value = shared.setdefault(value, value)
            kw[name] = tuple(value) if value.__class__ is list else value
        else:
            kw[name] = decode(value, shared)
    return cls(**kw)


_UNKNOWN = object()


@cache
def _names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@cache
def _decoders(cls) -> dict[str, Callable | None]:
    """field name -> how to rebuild its value from JSON (None: as it is, for strings and numbers)."""
    out: dict[str, Callable | None] = {}
    for f in dataclasses.fields(cls):
        name = f.name
        if name in _ENUM_FIELDS and not (cls is M.Unit and name == "kind"):
            out[name] = lambda v, shared, e=_ENUM_FIELDS[name]: e(v)
        elif name in _NESTED:
            out[name] = lambda v, shared, c=_NESTED[name]: from_dict(c, v, shared)
        elif name in _NESTED_TUPLES:
            out[name] = lambda v, shared, c=_NESTED_TUPLES[name]: tuple(from_dict(c, x, shared) for x in v)
        else:
            out[name] = None
    return out
