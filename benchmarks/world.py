"""The generated world: units drawn from the roster's shape, central directives (the registry
plus synthetic ones), and per province the "campaigns" that carry a directive down the
hierarchy (province plan -> agencies, districts -> communes), with realistic numbering.

Reads `data/units.json` and `data/central_documents.json` directly (not through `ingest/`), so
the world does not depend on the code it is used to measure. Deterministic for a seed: every
choice goes through `random.Random` instances seeded by strings, and nothing iterates a set.
"""
from __future__ import annotations

import json
import math
import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from . import vocab as V

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
WORLD_START, WORLD_END = date(2007, 1, 1), date(2025, 6, 30)
#: congress dates opening each central term (numbers restart with each term)
CENTRAL_TERMS = (("X", date(2006, 4, 25)), ("XI", date(2011, 1, 19)), ("XII", date(2016, 1, 28)),
                 ("XIII", date(2021, 2, 1)))
#: local party terms: numbering restarts at each congress of the level
TERM_STARTS = {"province": (date(2005, 10, 1), date(2010, 10, 1), date(2015, 10, 1), date(2020, 10, 1)),
               "district": (date(2005, 7, 1), date(2010, 7, 1), date(2015, 7, 1), date(2020, 7, 1)),
               "commune": (date(2005, 5, 1), date(2010, 5, 1), date(2015, 5, 1), date(2020, 5, 1))}

# kind -> (level, sep, code suffix, {type: abbreviation}, term level for numbering)
KINDS = {
    "tinh-uy": ("province", "-", "TU", {"Kế hoạch": "KH", "Nghị quyết": "NQ", "Chỉ thị": "CT",
                                        "Chương trình hành động": "CTr"}, "province"),
    "ubnd": ("province", "/", "UBND", {"Kế hoạch": "KH"}, None),
    "mttq": ("agency", "/", "MTTQ-BTT", {"Kế hoạch": "KH"}, None),
    "btg": ("agency", "-", "BTGTU", {"Hướng dẫn": "HD", "Kế hoạch": "KH"}, "province"),
    "btc": ("agency", "-", "BTCTU", {"Kế hoạch": "KH", "Hướng dẫn": "HD"}, "province"),
    "bdv": ("agency", "-", "BDVTU", {"Kế hoạch": "KH"}, "province"),
    "ubkt": ("agency", "-", "UBKTTU", {"Quyết định": "QĐ", "Kế hoạch": "KH"}, "province"),
    "ca": ("agency", "-", "ĐUCA", {"Kế hoạch": "KH", "Nghị quyết": "NQ"}, "province"),
    "qs": ("agency", "-", "ĐUQS", {"Kế hoạch": "KH", "Nghị quyết": "NQ"}, "province"),
    "bdbp": ("agency", "/", "ĐU", {"Kế hoạch": "KH"}, None),
    "duk": ("agency", "-", "ĐUK", {"Kế hoạch": "KH"}, "province"),
    "doan": ("agency", "-", "TĐTN", {"Kế hoạch": "KH"}, "province"),
    "huyen-uy": ("district", "-", "HU", {"Kế hoạch": "KH", "Nghị quyết": "NQ",
                                        "Chương trình hành động": "CTr"}, "district"),
    "quan-uy": ("district", "-", "QU", {"Kế hoạch": "KH", "Nghị quyết": "NQ"}, "district"),
    "thanh-uy": ("district", "-", "ThU", {"Kế hoạch": "KH", "Nghị quyết": "NQ"}, "district"),
    "thi-uy": ("district", "-", "TU", {"Kế hoạch": "KH", "Nghị quyết": "NQ"}, "district"),
    "xa": ("commune", "-", "ĐU", {"Kế hoạch": "KH", "Nghị quyết": "NQ"}, "commune"),
}
#: roster name prefix -> kind, for the agencies of the three detailed provinces
ROSTER_AGENCIES = (("Ban Tuyên giáo Tỉnh ủy", "btg"), ("Ban Tổ chức Tỉnh ủy", "btc"),
                   ("Ban Dân vận Tỉnh ủy", "bdv"), ("Ủy ban Kiểm tra Tỉnh ủy", "ubkt"),
                   ("Đảng ủy Công an tỉnh", "ca"), ("Đảng ủy Quân sự tỉnh", "qs"),
                   ("Đảng ủy Bộ đội Biên phòng tỉnh", "bdbp"), ("Đảng ủy Khối", "duk"), ("Tỉnh đoàn", "doan"))
#: units that are not issuers here but act ("đăng ký việc làm theo") in news
ROSTER_ACTORS = ("Hội Liên hiệp Phụ nữ tỉnh", "Hội Nông dân tỉnh", "Hội Cựu chiến binh tỉnh",
                 "Liên đoàn Lao động tỉnh")
CENTRAL_BODIES = {"CT": ("Bộ Chính trị", "Ban Bí thư"), "NQ": ("Bộ Chính trị", "Ban Chấp hành Trung ương"),
                  "KL": ("Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương"),
                  "QĐ": ("Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương"),
                  "KH": ("Ban Bí thư", "Bộ Chính trị")}
CENTRAL_TYPES = (("Kết luận", "KL", 0.3), ("Nghị quyết", "NQ", 0.25), ("Chỉ thị", "CT", 0.18),
                 ("Quy định", "QĐ", 0.15), ("Kế hoạch", "KH", 0.12))
#: registry documents first (the famous ones are cited most); the rest follow in file order
REGISTRY_FIRST = ("05-CT/TW|2016", "01-KL/TW|2021", "04-NQ/TW|2016", "21-KL/TW|2021", "35-NQ/TW|2018",
                  "03-KH/TW|2016", "37-QĐ/TW|2021", "20-CT/TW|2012", "21-NQ/TW|2022", "08-QĐi/TW|2018")


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s.casefold().replace("đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c))


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(s)).strip("-")


@dataclass(eq=False)
class Unit:
    name: str  # canonical: "Huyện ủy Nậm Pồ"
    kind: str  # key of KINDS, or "actor"/"central"
    province: str | None
    in_roster: bool
    valid_from: date = WORLD_START
    valid_to: date = WORLD_END
    place: str | None = None  # "Nậm Pồ", "Tân Lập"
    parent: "Unit | None" = None  # a commune's district

    @property
    def level(self) -> str:
        return KINDS[self.kind][0] if self.kind in KINDS else ("central" if self.kind == "central" else "agency")

    @property
    def head(self) -> str:
        """The kind word of a party committee: "Huyện ủy", "Đảng ủy", "Tỉnh ủy"."""
        return " ".join(self.name.split()[:2])

    def open_on(self, d: date) -> bool:
        return self.valid_from <= d <= self.valid_to


@dataclass(eq=False)
class Doc:
    type: str  # full type word
    unit: Unit | None  # None: central
    issuer: str  # the issuing body as texts name it (gold "issuer")
    date: date | None  # None: a registry document without a known day
    when: date  # the date used for ordering (== date when known)
    abbr: str | None = None  # "KH"
    number: str | None = None
    code: str | None = None
    sep: str | None = None
    subject: str | None = None
    names: tuple[str, ...] = ()  # names usable instead of the number ("Nghị quyết Trung ương 4 khóa XII")
    congress: str | None = None
    term: str | None = None
    target: "Doc | None" = None  # what it carries out (or continues)
    relation: str | None = None  # implements | guides | inspects | continues
    key: str = ""
    # gold, accumulated while texts are written
    dates_seen: dict = field(default_factory=dict)
    aliases: dict = field(default_factory=dict)
    cited: int = 0

    @property
    def central(self) -> bool:
        return self.unit is None

    @property
    def owner(self) -> str:
        return "TW" if self.unit is None else self.unit.name

    @property
    def numcode(self) -> str | None:
        return f"{self.number}{self.sep}{self.code}" if self.number and self.code else None

    def gold(self) -> dict:
        return {"key": self.key, "type": _GOLD_TYPES.get(self.type, self.type), "number": self.number, "code": self.code, "sep": self.sep,
                "issuer": self.issuer, "unit": self.owner,
                "province": None if self.unit is None else self.unit.province,
                "date": self.date.isoformat() if self.date else None, "dates_seen": sorted(self.dates_seen),
                "subject": self.subject, "aliases": list(self.aliases)}


#: the type the gold schema gives a kind of document its text names otherwise (../shared/gold/SCHEMA.md: "Chương trình")
_GOLD_TYPES = {"Chương trình hành động": "Chương trình"}


@dataclass(eq=False)
class Province:
    name: str  # "Điện Biên", "Hà Nội", "Thành phố Hồ Chí Minh"
    city: bool
    party: Unit
    ubnd: Unit
    mttq: Unit
    agencies: list[Unit]
    districts: list[Unit]
    communes: dict  # district name -> [Unit]
    actors: list[Unit]
    detailed: bool

    @property
    def place(self) -> str:
        """"tỉnh Điện Biên", "thành phố Hà Nội", "Thành phố Hồ Chí Minh"."""
        if self.name.startswith("Thành phố"):
            return self.name
        return f"{'thành phố' if self.city else 'tỉnh'} {self.name}"

    @property
    def issuers(self) -> list[Unit]:
        return [self.party, self.ubnd, self.mttq, *self.agencies, *self.districts,
                *(c for d in self.districts for c in self.communes.get(d.name, ()))]


@dataclass(eq=False)
class Campaign:
    """One directive carried down a province: who issued what to carry it out."""
    directive: Doc
    local_directive: bool
    plan: Doc | None  # the province party committee's plan (P1)
    province_docs: list[Doc]  # UBND, MTTQ plans, the guidance, agency plans (target: P1 or the directive)
    guide: Doc | None
    inspect: Doc | None
    districts: list[tuple[Doc, list[Doc]]]  # district plan, its communes' plans

    def docs(self) -> list[Doc]:
        out = ([self.directive] if self.local_directive else []) + ([self.plan] if self.plan else [])
        out += self.province_docs + [d for d, cs in self.districts for d in (d, *cs)]
        return out + ([self.inspect] if self.inspect else [])

    @property
    def head(self) -> Doc:
        """What the province's units carry out: the province plan, else the directive."""
        return self.plan or self.directive


def ref(t: Doc) -> str:
    """How a subject names a document: "Nghị quyết số 15-NQ/TU", "Nghị quyết Đại hội XIII của Đảng"."""
    return f"{t.type} số {t.numcode}" if t.numcode else (t.names[0] if t.names else t.type)


def _d(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def _between(rng: random.Random, a: date, b: date) -> date:
    return a + timedelta(days=rng.randint(0, max(0, (b - a).days)))


# --- roster -------------------------------------------------------------------------------

def load_roster() -> list[dict]:
    with open(DATA / "units.json", encoding="utf-8") as f:
        return json.load(f)["units"]


def load_registry() -> list[dict]:
    with open(DATA / "central_documents.json", encoding="utf-8") as f:
        return json.load(f)["documents"]


class NameMaker:
    """Synthetic place names that collide with no province or roster place ("Hòa Bình" is a
    province; a text naming it would vote for it)."""

    def __init__(self, roster: list[dict]):
        taken = {u["province"] for u in roster if u.get("province")}
        taken |= {u["place"] for u in roster if u.get("place")}
        self._taken = [fold(t) for t in taken]
        self._bad = re.compile("|".join(re.escape(fold(t)) for t in sorted(taken, key=len, reverse=True)))

    def make(self, rng: random.Random, used: set) -> str:
        for _ in range(200):
            name = nfc(f"{rng.choice(V.SYLLABLES_A)} {rng.choice(V.SYLLABLES_B)}")
            a, b = name.split()
            if a == b or name in used or self._bad.search(fold(name)):
                continue
            used.add(name)
            return name
        raise RuntimeError("no more synthetic place names")


def provinces(roster: list[dict], mode: str, seed: str) -> list[Province]:
    """All 63 provinces as they stood before 1 July 2025. `mode` "roster" keeps only roster units;
    "full" adds synthetic districts, communes and agencies where the roster has none."""
    by_prov: dict[str, list[dict]] = {}
    for u in roster:
        if u.get("province") and not u["id"].endswith("-2025") and not u["id"].startswith("hue/"):
            by_prov.setdefault(u["province"], []).append(u)
    names = NameMaker(roster)
    out = []
    for pname in sorted(by_prov, key=fold):
        units = by_prov[pname]
        rng = random.Random(f"{seed}:units:{pname}")
        vt = lambda u: _d(u.get("valid_to")) or WORLD_END  # noqa: E731
        vf = lambda u: max(_d(u.get("valid_from")) or WORLD_START, WORLD_START)  # noqa: E731
        party_raw = next(u for u in units if u["level"] == "province" and u["kind"] == "party")
        ubnd_raw = next(u for u in units if u["level"] == "province" and u["name"].startswith("UBND"))
        mttq_raw = next(u for u in units if u["kind"] == "front")
        city = party_raw["name"].startswith("Thành ủy")
        party = Unit(party_raw["name"], "tinh-uy", pname, True, vf(party_raw), vt(party_raw), pname)
        ubnd = Unit(ubnd_raw["name"], "ubnd", pname, True, vf(ubnd_raw), vt(ubnd_raw), pname)
        mttq = Unit(mttq_raw["name"], "mttq", pname, True, vf(mttq_raw), vt(mttq_raw), pname)
        end = vt(party_raw)
        districts_raw = [u for u in units if u["level"] == "district" and u["kind"] == "party"]
        detailed = bool(districts_raw)
        agencies, districts, actors = [], [], []
        communes: dict[str, list[Unit]] = {}
        if detailed:
            for prefix, kind in ROSTER_AGENCIES:
                for u in units:
                    if u["name"].startswith(prefix) and u["level"] == "agency":
                        agencies.append(Unit(u["name"], kind, pname, True, vf(u), vt(u)))
            for u in districts_raw:
                kind = {"Huyện": "huyen-uy", "Thành": "thanh-uy", "Thị": "thi-uy"}[u["name"].split()[0]]
                districts.append(Unit(u["name"], kind, pname, True, vf(u), vt(u), u.get("place")))
            actors = [Unit(u["name"], "actor", pname, True) for u in units
                      if u["level"] == "agency" and u["name"].startswith(ROSTER_ACTORS)]
        elif mode == "full":
            place = f"thành phố {pname}" if city and not pname.startswith("Thành phố") else (
                pname if pname.startswith("Thành phố") else f"tỉnh {pname}")
            head = party.head  # "Tỉnh ủy" / "Thành ủy"
            for kind, fmt in (("btg", f"Ban Tuyên giáo {head} {pname}"), ("btc", f"Ban Tổ chức {head} {pname}"),
                              ("bdv", f"Ban Dân vận {head} {pname}"), ("ubkt", f"Ủy ban Kiểm tra {head} {pname}"),
                              ("ca", f"Đảng ủy Công an {place}"), ("qs", f"Đảng ủy Quân sự {place}"),
                              ("duk", f"Đảng ủy Khối Cơ quan và Doanh nghiệp {place}"), ("doan", f"Tỉnh đoàn {pname}"),
                              ("bdbp", f"Đảng ủy Bộ đội Biên phòng {place}")):
                if kind == "bdbp" and rng.random() < 0.6:
                    continue  # not every province has a border
                if kind == "doan" and city:
                    fmt = f"Thành đoàn {pname}"
                agencies.append(Unit(nfc(fmt), kind, pname, False, WORLD_START, end))
            actors = [Unit(nfc(f"{a} {pname}" if not city else f"{a.removesuffix(' tỉnh')} {place}"), "actor",
                           pname, False) for a in ROSTER_ACTORS]
            used: set[str] = set()
            n = rng.randint(7, 13)
            for i in range(n):
                p = names.make(rng, used)
                if city:
                    kind = "quan-uy" if i < n * 0.6 else "huyen-uy"
                else:
                    kind = "thanh-uy" if i == 0 else ("thi-uy" if i == 1 and rng.random() < 0.5 else "huyen-uy")
                word = {"huyen-uy": "Huyện ủy", "quan-uy": "Quận ủy", "thanh-uy": "Thành ủy", "thi-uy": "Thị ủy"}[kind]
                districts.append(Unit(f"{word} {p}", kind, pname, False, WORLD_START, end, p))
        if mode == "full":
            for d in districts:
                cu: set[str] = set()
                ward = d.kind in ("quan-uy", "thanh-uy", "thi-uy")
                communes[d.name] = [
                    Unit(f"Đảng ủy {'phường' if ward else 'xã'} {p}", "xa", pname, False, d.valid_from, d.valid_to, p,
                         parent=d)
                    for p in (names.make(rng, cu) for _ in range(rng.randint(10, 20)))]
        out.append(Province(pname, city, party, ubnd, mttq, agencies, districts, communes, actors, detailed))
    return out


# --- central documents --------------------------------------------------------------------

def central_documents(n: int, seed: str) -> list[Doc]:
    """`n` central documents: registry entries first (famous ones first), then synthetic ones
    numbered per code and term, never reusing a registry number of the same term."""
    reg = load_registry()
    refs = {f"{d['number']}-{d['code']}|{d['year']}": d for d in reg if d.get("number")}
    order = [refs[r] for r in REGISTRY_FIRST if r in refs]
    order += [d for d in reg if d not in order]
    docs: list[Doc] = []
    by_ref: dict[str, Doc] = {}
    for raw in order[:n]:
        when = _d(raw["date"]) or date(int(raw["year"]), 7, 1)
        names = tuple(nm for nm in raw.get("names") or () if "Trung ương" in nm or "Đại hội" in nm)
        abbr = raw["code"].split("/")[0] if raw.get("code") else None
        doc = Doc(raw["type"], None, raw["issuer"], _d(raw["date"]), when, abbr=abbr, number=raw.get("number"),
                  code=raw.get("code"), sep=raw.get("sep"), subject=raw.get("subject"), names=names,
                  congress=raw.get("congress"), term=raw.get("term"))
        docs.append(doc)
        if raw.get("number"):
            by_ref[f"{raw['number']}-{raw['code']}|{raw['year']}"] = doc
    for raw, doc in zip(order[:n], docs):
        for rel in ("implements", "continues"):
            if raw.get(rel) and raw[rel] in by_ref:
                doc.target, doc.relation = by_ref[raw[rel]], rel
    # names shared by several registry documents ("Nghị quyết Trung ương 5 khóa XII") are not used
    counts: dict[str, int] = {}
    for raw in reg:
        for nm in raw.get("names") or ():
            counts[nm] = counts.get(nm, 0) + 1
    for doc in docs:
        doc.names = tuple(nm for nm in doc.names if counts.get(nm) == 1)
    rng = random.Random(f"{seed}:central")
    taken = {(d.abbr, d.term, d.number.lstrip("0")) for d in docs if d.number}
    synth: list[Doc] = []
    terms = [(t, s) for t, s in CENTRAL_TERMS if t != "X"]
    for _ in range(max(0, n - len(docs))):
        term_i = rng.choices(range(len(terms)), weights=(0.25, 0.35, 0.4))[0]
        term, start = terms[term_i]
        end = terms[term_i + 1][1] - timedelta(days=1) if term_i + 1 < len(terms) else date(2025, 3, 31)
        type_, abbr, _ = rng.choices(CENTRAL_TYPES, weights=[w for *_, w in CENTRAL_TYPES])[0]
        issuer = rng.choice(CENTRAL_BODIES[abbr])
        when = _between(rng, start + timedelta(days=30), end)
        synth.append(Doc(type_, None, issuer, when, when, abbr=abbr, code=f"{abbr}/TW", sep="-", term=term))
    synth.sort(key=lambda d: (d.when, d.abbr))
    counters: dict[tuple, int] = {}
    for d in synth:
        k = (d.abbr, d.term)
        num = counters.get(k, 0)
        while True:
            num += 1 + (rng.random() < 0.2)
            if (d.abbr, d.term, str(num)) not in taken:
                break
        counters[k] = num
        d.number = f"{num:02d}"
    earlier = [d for d in docs if d.date] + []
    for d in synth:
        candidates = [e for e in earlier if e.abbr in ("CT", "NQ", "KL") and e.when < d.when - timedelta(days=60)]
        if d.abbr == "KH" and candidates:
            d.target, d.relation = rng.choice(candidates[-40:]), "implements"
            d.subject = f"về thực hiện {d.target.type} số {d.target.numcode}"
        elif d.abbr == "KL" and candidates and rng.random() < 0.25:
            d.target, d.relation = rng.choice(candidates), "continues"
            d.subject = f"về tiếp tục thực hiện {d.target.type} số {d.target.numcode}"
        else:
            y = d.when.year
            d.subject = nfc(rng.choice(V.SUBJECT_HEADS).format(X=rng.choice(V.TOPICS), y=y, y2=y + 5))
        earlier.append(d)
    docs += synth
    _keys(docs)
    return docs


def _keys(docs: list[Doc], used: set | None = None) -> None:
    used = set() if used is None else used
    for d in docs:
        if d.numcode:
            base = f"{d.numcode}|{d.issuer if d.central else d.unit.name}|{d.when.year}"
        else:
            base = f"NQ-ĐH-{d.congress}|TW|{d.when.year}"
        key, i = base, 2
        while key in used:
            key, i = f"{base}#{i}", i + 1
        used.add(key)
        d.key = key


# --- campaigns ------------------------------------------------------------------------------

class ProvinceWorld:
    """The documents of one province, built campaign by campaign until its budget is spent."""

    def __init__(self, prov: Province, budget: int, must: list[Doc], central: list[Doc], seed: str):
        self.p, self.budget = prov, budget
        self.rng = random.Random(f"{seed}:province:{prov.name}")
        self.must = list(must)
        self.central = [d for d in central if d.when <= date(2025, 4, 30)]
        self.campaigns: list[Campaign] = []
        self.docs: list[Doc] = []
        self.failed: list[Doc] = []  # owed directives this province could not carry
        self.answered: set[int] = set()  # id() of the directives campaigned on

    def build(self) -> None:
        fails = 0
        while self.budget > 0 and fails < 2000:
            c = self._campaign()
            if c is None:
                fails += 1
                continue
            self.campaigns.append(c)
            self.answered.add(id(c.directive))
            self.docs += c.docs()
            self.budget -= len(c.docs())
        self._number()

    # a plan of `unit` carrying out `target`, dated after it (None when the unit cannot)
    def _plan(self, unit: Unit, target: Doc, relation: str = "implements", type_: str | None = None,
              lag: tuple[int, int] = (7, 200)) -> Doc | None:
        rng = self.rng
        lo = max(target.when + timedelta(days=lag[0]), unit.valid_from)
        hi = min(target.when + timedelta(days=lag[1]), unit.valid_to, WORLD_END)
        if lo > hi:
            return None
        types = KINDS[unit.kind][3]
        if type_ is None:
            type_ = "Kế hoạch" if rng.random() < 0.85 or len(types) == 1 else rng.choice(list(types))
        if type_ not in types:
            return None
        when = _between(rng, lo, hi)
        return Doc(type_, unit, unit.name, when, when, abbr=types[type_], sep=KINDS[unit.kind][1],
                   target=target, relation=relation)

    def _directive(self) -> tuple[Doc, bool, bool]:
        """(directive, is it the province's own, was it owed) for the next campaign."""
        rng = self.rng
        if self.must:
            return self.must.pop(0), False, True
        if rng.random() < 0.25 and self.budget >= 2:  # a resolution or directive of the province's own
            party = self.p.party
            type_ = rng.choice(("Nghị quyết", "Chỉ thị", "Nghị quyết"))
            when = _between(rng, max(party.valid_from, date(2008, 1, 1)), min(party.valid_to, date(2025, 1, 31)))
            y = when.year
            subject = nfc(rng.choice(V.SUBJECT_HEADS).format(X=rng.choice(V.TOPICS), y=y, y2=y + 5))
            return Doc(type_, party, "Ban Thường vụ Tỉnh ủy" if not self.p.city else "Ban Thường vụ Thành ủy",
                       when, when, abbr=KINDS["tinh-uy"][3][type_], sep="-", subject=subject), True, False
        pool = self.central
        weights = [6 if not d.congress and i < 12 else 1 for i, d in enumerate(pool)]
        for _ in range(6):  # a province seldom answers the same directive twice
            d = rng.choices(pool, weights=weights)[0]
            if id(d) not in self.answered:
                break
        return d, False, False

    def _campaign(self) -> Campaign | None:
        rng, p = self.rng, self.p
        directive, local, owed = self._directive()
        room = self.budget - (1 if local else 0)
        plan = None
        if not local:
            kind = rng.choices(("Kế hoạch", "Chương trình hành động", "Nghị quyết"), weights=(8, 1, 1))[0]
            plan = (self._plan(p.party, directive, type_=kind, lag=(10, 150))
                    or self._plan(p.party, directive, type_="Kế hoạch", lag=(1, 400)))
            if plan is None:
                if owed:
                    self.failed.append(directive)  # another province will carry it
                return None
            room -= 1
        head = plan or directive
        pdocs: list[Doc] = []
        guide = inspect = None
        wanted: list = []
        if rng.random() < 0.6:
            wanted.append(("ubnd", p.ubnd, head if rng.random() < 0.6 else directive))
        if rng.random() < 0.3:
            wanted.append(("mttq", p.mttq, head))
        btg = [a for a in p.agencies if a.kind == "btg"]
        if btg and rng.random() < 0.35:
            wanted.append(("guide", btg[0], directive))
        others = [a for a in p.agencies if a.kind not in ("btg", "ubkt")]
        for a in rng.sample(others, rng.randint(0, len(others))):
            wanted.append(("agency", a, head if rng.random() < 0.75 else directive))
        for tag, unit, target in wanted:
            if room <= 0:
                break
            if tag == "guide":
                doc = guide = self._plan(unit, target, "guides", type_="Hướng dẫn", lag=(5, 120))
            else:
                doc = self._plan(unit, target)
            if doc is not None:
                pdocs.append(doc)
                room -= 1
        districts: list[tuple[Doc, list[Doc]]] = []
        if p.districts and room > 0:
            chosen = rng.sample(p.districts, rng.randint(max(1, len(p.districts) // 3), len(p.districts)))
            chosen.sort(key=lambda u: p.districts.index(u))
            for d in chosen:
                if room <= 0:
                    break
                doc = self._plan(d, head if rng.random() < 0.8 else directive)
                if doc is not None:
                    room -= 1
                    districts.append((doc, []))
            for dd, cs in districts:
                commune_units = p.communes.get(dd.unit.name, [])
                if not commune_units or rng.random() < 0.45:
                    continue
                for cu in rng.sample(commune_units, rng.randint(2, min(12, len(commune_units)))):
                    if room <= 0:
                        break
                    doc = self._plan(cu, dd, lag=(5, 90))
                    if doc is not None:
                        cs.append(doc)
                        room -= 1
        ubkt = [a for a in p.agencies if a.kind == "ubkt"]
        if ubkt and room > 0 and rng.random() < 0.2:
            inspect = self._plan(ubkt[0], directive, "inspects", type_="Quyết định", lag=(200, 900))
        return Campaign(directive, local, plan, pdocs, guide, inspect, districts)

    def _number(self) -> None:
        """Numbers in date order: party codes restart with each term of the unit's level,
        state codes (…/KH-UBND) every year; a few numbers are skipped (documents not in the world)."""
        rng = self.rng
        counters: dict[tuple, int] = {}
        used: set[tuple] = set()
        for d in sorted(self.docs, key=lambda d: (d.when, d.unit.name, d.type)):
            kind = KINDS[d.unit.kind]
            sep, suffix, level = kind[1], kind[2], kind[4]
            d.code = f"{d.abbr}/{suffix}" if sep == "-" else f"{d.abbr}-{suffix}"
            if level:
                starts = TERM_STARTS[level]
                term = sum(1 for s in starts if s <= d.when)
                k = (d.unit.name, d.code, term)
                step = (1, 3)
            else:
                k = (d.unit.name, d.code, d.when.year)
                step = (1, 40)
            num = counters.get(k)
            if num is None:
                num = rng.randint(0, 4) if level else rng.randint(10, 300)
            while True:
                num += rng.randint(*step)
                if (d.unit.name, d.code, num, d.when.year) not in used:
                    break
            counters[k] = num
            used.add((d.unit.name, d.code, num, d.when.year))
            d.number = f"{num:02d}"
            if d.subject is None and d.target is not None:
                lead = {"guides": "hướng dẫn thực hiện ", "inspects": "về kiểm tra việc thực hiện "}
                d.subject = lead.get(d.relation, "về thực hiện ") + ref(d.target)


def allocate(total: int, weights: list[float]) -> list[int]:
    """Largest-remainder split of `total` by `weights` (deterministic)."""
    s = sum(weights)
    raw = [total * w / s for w in weights]
    out = [math.floor(r) for r in raw]
    rest = total - sum(out)
    for i in sorted(range(len(raw)), key=lambda i: (-(raw[i] - out[i]), i))[:rest]:
        out[i] += 1
    return out


def expected_campaign_size(p: Province) -> float:
    communes = sum(min(12, len(c)) / 2 for c in p.communes.values()) / max(1, len(p.districts))
    agencies = len([a for a in p.agencies if a.kind not in ("btg", "ubkt")])
    return 1.9 + 0.5 * agencies + 0.35 + 0.2 + 0.67 * len(p.districts) * (1 + 0.55 * communes)
