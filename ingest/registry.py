"""Registry of well-known central documents (data/central_documents.json).

Facts people leave out when they cite: "Chỉ thị 05" is 05-CT/TW of Bộ Chính trị,
15/5/2016; "Nghị quyết Trung ương 4 khóa XII" is 04-NQ/TW; "Quy định những điều
đảng viên không được làm" names two documents, of 2011 and 2021.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .clean import key, spelling
from .wordtree import one_of
from .units import DATA_DIR


@dataclass(frozen=True)
class Known:
    type: str
    number: str | None
    code: str | None
    sep: str | None
    issuer: str | None
    date: str | None
    term: str | None
    subject: str | None
    names: tuple[str, ...] = ()
    plenum: int | None = None
    congress: str | None = None
    code_variants: tuple[str, ...] = ()
    implements: str | None = None
    continues: str | None = None

    year_hint: str | None = None  # the year when the day is not known

    @property
    def year(self) -> str | None:
        return self.date[:4] if self.date else self.year_hint

    @property
    def ref(self) -> str:
        """"05-CT/TW|2016", how registry entries point at each other."""
        return f"{self.number}-{self.code}|{self.year}"


_NAME_HEAD = 16  # characters of a name enough to tell the registry's names apart from prose


class Registry:
    def __init__(self, docs: list[dict]):
        self.docs = tuple(_known(d) for d in docs)
        names = sorted({n for d in self.docs for n in d.names if not re.search(r"\d", n)}, key=len, reverse=True)
        self._by_name: dict[str, list[Known]] = {}
        for d in self.docs:
            for n in d.names:
                self._by_name.setdefault(key(n), []).append(d)
        self.names_re = re.compile("(?:" + one_of(names) + r")(?!\w)") if names else None
        #: what a text holds when it holds one of the names: one of their beginnings
        self.names_needs = (tuple(dict.fromkeys(n[:_NAME_HEAD] for n in names)),)

    @classmethod
    def load(cls, path: Path | None = None) -> "Registry":
        return _load_registry(str(path or DATA_DIR / "central_documents.json"))

    def by_name(self, name: str) -> list[Known]:
        return list(self._by_name.get(key(name), []))

    def by_number(self, type_: str | None, number: str) -> list[Known]:
        n = number.lstrip("0")
        return [d for d in self.docs if d.number and d.number.lstrip("0") == n
                and (type_ is None or d.type == type_)]

    def by_code(self, number: str, code: str) -> list[Known]:
        n, c = number.lstrip("0"), code_key(code)
        return [d for d in self.docs if d.number and d.number.lstrip("0") == n
                and c in {code_key(x) for x in (d.code or "", *d.code_variants)}]

    def by_plenum(self, plenum: int, term: str | None, type_: str = "Nghị quyết") -> list[Known]:
        """The resolution a plenum is named by ("Nghị quyết Trung ương 4 khóa XII"); a
        Kết luận where that plenum adopted no resolution (TW4 khóa XIII: 21-KL/TW)."""
        held = [d for d in self.docs if d.plenum == plenum and (term is None or d.term == term)]
        for type_ in dict.fromkeys((type_, "Nghị quyết", "Kết luận")):
            main = [d for d in held if d.type == type_]
            if main:
                return main
        return []

    def by_congress(self, ordinal: str) -> list[Known]:
        return [d for d in self.docs if d.congress == ordinal]

    def by_body_term(self, type_: str, body: str, term: str) -> list[Known]:
        b = key(body).removesuffix(" đảng")
        return [d for d in self.docs if d.type == type_ and d.term == term
                and d.issuer and key(d.issuer).removesuffix(" đảng") == b]


@lru_cache(maxsize=262144)
def code_key(code: str) -> str:
    """Comparable form of a code: "CT/TƯ", "ct/tw", "CT / TW" -> "CT/TW"; "ĐA" typed without its bar, "DA/TU" -> "ĐA/TU"."""
    key_ = re.sub(r"\s+", "", spelling(code)).upper().replace("Ư", "W").replace("QĐI", "QĐ")
    return _D_FOR_DJ.sub("Đ", key_) if "D" in key_ else key_


#: a "D" typed for the "Đ" a code part begins with: "DA" (Đề án), "DU", "DUK" (Đảng ủy, Đảng ủy Khối)
_D_FOR_DJ = re.compile(r"(?:(?<=^)|(?<=[/-]))D(?=(?:A|U|UK|UCA)(?:$|[/-]))")


def _known(d: dict) -> Known:
    return Known(type=d["type"], number=d.get("number"), code=d.get("code"), sep=d.get("sep"),
                 issuer=d.get("issuer"), date=d.get("date"), term=d.get("term"), subject=d.get("subject"),
                 names=tuple(spelling(n) for n in d.get("names") or ()), plenum=d.get("plenum"),
                 congress=d.get("congress"), code_variants=tuple(d.get("code_variants") or ()),
                 implements=d.get("implements"), continues=d.get("continues"),
                 year_hint=str(d["year"]) if d.get("year") else None)


@lru_cache(maxsize=4)
def _load_registry(path: str) -> Registry:
    with open(path, encoding="utf-8") as f:
        return Registry(json.load(f)["documents"])
