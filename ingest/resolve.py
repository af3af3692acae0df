"""Resolve stage: citations of every text -> canonical documents.

A document is identified by type, number, code, the unit owning the code space
and its year. Citations are clustered most-informative first (those with a date
and a known owner), so a bare "Kế hoạch số 47-KH/HU" joins a document only when
exactly one fits; the registry of central documents seeds what people cite by
number or by name. Conflicting dates are kept and voted on; a garbled code
("15-NQ/ThU" with the date of 15-NQ/TU) joins the real document and is recorded.
"""
from __future__ import annotations


import re
from bisect import bisect_right, insort
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from graph.model import Citation, Document, MentionKind

from .clean import fold, key as name_key
from .extract import ABBREV_LAW as LAW, iso_date
from .patterns import NUMERIC_DATE_RE, PARTY_OF_LEVEL
from .registry import Known, Registry, code_key
from .units import CENTRAL, Roster

#: code suffix -> the unit that owns that code space, when the text does not say
CODE_OWNERS = {
    "TU": "Tỉnh ủy {p}", "BTGTU": "Ban Tuyên giáo Tỉnh ủy {p}", "BTCTU": "Ban Tổ chức Tỉnh ủy {p}",
    "BDVTU": "Ban Dân vận Tỉnh ủy {p}", "UBKTTU": "Ủy ban Kiểm tra Tỉnh ủy {p}", "VPTU": "Văn phòng Tỉnh ủy {p}",
    "ĐUCA": "Đảng ủy Công an tỉnh {p}", "ĐUQS": "Đảng ủy Quân sự tỉnh {p}",
    "ĐUK": "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh {p}", "UBND": "UBND tỉnh {p}", "HĐND": "HĐND tỉnh {p}",
    "TTG": "Thủ tướng Chính phủ", "CP": "Chính phủ", "QH": "Quốc hội",
}


@dataclass(eq=False, slots=True)  # a cluster is itself: compared by identity
class Cluster:
    type: str
    number: str | None
    code: str | None
    sep: str | None
    owner: str | None  # unit owning the code space; CENTRAL for .../TW
    province: str | None
    body: str | None = None  # central issuing body: Bộ Chính trị, Ban Bí thư ...
    known: Known | None = None
    congress: str | None = None
    name: str | None = None
    printed_year: str | None = None  # the year in the number: 15/2020/NĐ-CP
    owner_guessed: bool = False  # the owner comes from the code's suffix, not from the text
    dates: Counter = field(default_factory=Counter)
    codes: Counter = field(default_factory=Counter)
    issuers: Counter = field(default_factory=Counter)
    longest_subject: str | None = None  # the longest subject quoted (the first of that length)
    folded_subjects: list = field(default_factory=list)  # distinct folded subjects, in order seen
    aliases: Counter = field(default_factory=Counter)
    files: set = field(default_factory=set)
    flags: tuple = ()  # most clusters have none: no empty set kept for each
    size: int = 0
    id: str = ""
    keys: list = field(default_factory=list)  # the (file, citation index) assigned to it
    seq: int = 0  # order of creation: candidates are always considered in this order
    _best: tuple = ()  # best_date() cached: (answer,), emptied when dates change
    # the group each _Blocks index files this cluster under (kept here, not in a map per index)
    block_owner: object = None
    block_place: object = None
    block_number: object = None
    number_key: str | None = field(init=False, default=None)  # "5" for "05"
    code_key: str | None = field(init=False, default=None)  # registry.code_key of the code

    def __post_init__(self):
        self.number_key = self.number.lstrip("0") or "0" if self.number else None
        self.code_key = code_key(self.code) if self.code else None

    def best_date(self) -> str | None:
        if not self._best:
            self._best = (self._vote_date(),)
        return self._best[0]

    def add_subject(self, subject: str):
        if self.longest_subject is None or len(subject) > len(self.longest_subject):
            self.longest_subject = subject
        self.add_folded(_folded(subject))

    def add_folded(self, key: str):
        if key not in self.folded_subjects:
            self.folded_subjects.append(key)

    def _vote_date(self) -> str | None:
        votes = Counter(self.dates)
        if self.known and self.known.date:
            votes[self.known.date] += 1
        if not votes:
            return None
        top = max(votes.values())
        tied = [d for d, n in votes.items() if n == top]
        if self.known and self.known.date in tied:
            return self.known.date  # a tie goes to the registry's date, which is checked
        return min(tied)

    @property
    def year(self):
        d = self.best_date()
        return d[:4] if d else self.printed_year


@dataclass(frozen=True)
class Resolution:
    documents: tuple[Document, ...]
    #: (file, citation index) -> ids of the documents it refers to (several for
    #: "Nghị quyết Trung ương 4 (khóa XI, XII)"); empty when unresolved
    assigned: dict
    #: (file, citation index) -> how: exact | fuzzy | registry | context | ambiguous | unresolved
    how: dict
    #: (file, citation index) -> candidate ids when ambiguous
    candidates: dict


#: the code suffixes of the Party's centre: its committee and bureaus (…/TW), the Central Military Commission
#: (…/QUTW), the Central Public Security Party Committee (…/ĐUCATW)
CENTRAL_SUFFIXES = ("TW", "QUTW", "ĐUCATW")
_CENTRAL_ENDINGS = tuple(f"/{suffix}" for suffix in CENTRAL_SUFFIXES)


class Resolver:
    def __init__(self, roster: Roster, registry: Registry):
        self.roster, self.registry = roster, registry
        self.clusters: list[Cluster] = []
        self._by_number: dict[tuple, list[Cluster]] = defaultdict(list)  # (type, number) -> clusters
        # blocks a citation is compared within, split by what can rule a cluster out at once
        self._by_code_owner = _Blocks(_firm_owner, "block_owner")  # (type, number, code): by the owner the texts say
        self._by_code_place = _Blocks(_local_place, "block_place")  # (type, number, code): by province of local codes
        self._by_number_owner = _Blocks(lambda cl: cl.owner, "block_number")  # (type, number): by owner (short forms)
        self._known_cluster: dict[int, Cluster] = {}
        self._laws: dict[str, Cluster] = {}  # key of a law's name -> its cluster, for laws the registry lacks
        self.assigned: dict = {}
        self.how: dict = {}
        self.candidates: dict = {}

    # --- entry point ----------------------------------------------------------
    def resolve(self, texts: dict[str, list[Citation]]) -> Resolution:
        items = [(f, i, c) for f, cits in sorted(texts.items()) for i, c in enumerate(cits)]
        self.cited = {f: {_ref(c.number, c.code) for c in cits if c.number and c.code} for f, cits in texts.items()}
        # a short form that shares the code of the next number ("Nghị quyết số 18, 19-NQ/TW") is coded too
        coded = [x for x in items if x[2].kind in (MentionKind.FULL, MentionKind.CODE) or x[2].code]
        coded.sort(key=lambda x: -_information(x[2]))
        for f, i, c in coded:
            self._place_coded(f, i, c)
        self._merge_garbled()
        for f, i, c in items:
            if c.kind is MentionKind.NAMED:
                self._place_named(f, i, c, texts[f])
        for f, i, c in items:
            if c.kind is MentionKind.SHORT and not c.code:
                self._place_short(f, i, c, texts[f])
        self._name_clusters()
        docs = tuple(self._document(cl) for cl in self.clusters if cl.id)
        for v in self.assigned.values():  # clusters -> ids in place: no second map of millions of lists
            v[:] = [cl.id for cl in v]
        cands = {k: [cl.id for cl in v] for k, v in self.candidates.items()}
        return Resolution(docs, self.assigned, self.how, cands)

    # --- coded citations --------------------------------------------------------
    def _place_coded(self, f, i, c: Citation):
        owner, body, guess = self._owner(c), self._body(c), None
        if owner is None:
            guess = self._guessed_owner(c)  # "…/UBND" is most often the province's: a hint, not a fact
        ck, nk = code_key(c.code), c.number.lstrip("0") or "0"
        self._seed_known(c, ck)
        fits = [cl for cl in self._coded_candidates((c.type, nk, ck), owner, c.province)
                if self._compatible(cl, c, owner, body)]
        if len(fits) > 1:
            fits = self._narrow(fits, c, f, owner or guess)
        if len(fits) == 1:
            cl, how = fits[0], "registry" if fits[0].known and not fits[0].files else "exact"
        elif fits:
            cl, how = self._nearest(fits, f), "ambiguous"
            self.candidates[(f, i)] = fits
        else:
            cl, how = Cluster(c.type, c.number, c.code, c.sep, owner or guess,
                              None if owner == CENTRAL else c.province, body=body, owner_guessed=owner is None), "exact"
            self._keep(cl)
        self._add(cl, f, i, c, owner, body, how)

    def _coded_candidates(self, key: tuple, owner: str | None, province: str | None) -> list[Cluster]:
        """The clusters of `key` that `_compatible` would not reject for their owner or province:
        with an owner, those of that owner or of none yet; without, those of the text's province
        or of no province (a local number cited in a text about another province is another one)."""
        if owner:
            return self._by_code_owner.get(key, ("firm", owner), ("open",))
        if province:
            return self._by_code_place.get(key, ("local", province), ("free",))
        return self._by_code_owner.all(key)

    def _keep(self, cl: Cluster):
        cl.seq = len(self.clusters)
        self.clusters.append(cl)
        self._by_number[(cl.type, cl.number_key)].append(cl)
        self._by_number_owner.add((cl.type, cl.number_key), cl)
        if cl.code_key:
            self._by_code_owner.add((cl.type, cl.number_key, cl.code_key), cl)
            self._by_code_place.add((cl.type, cl.number_key, cl.code_key), cl)

    def _moved(self, cl: Cluster):
        """`cl` learnt its owner or province: file it where it now belongs."""
        self._by_number_owner.update((cl.type, cl.number_key), cl)
        if cl.code_key:
            self._by_code_owner.update((cl.type, cl.number_key, cl.code_key), cl)
            self._by_code_place.update((cl.type, cl.number_key, cl.code_key), cl)

    def _seed_known(self, c: Citation, ck: str):
        if not ck.endswith(_CENTRAL_ENDINGS):
            return
        for known in self.registry.by_code(c.number, c.code):
            self._cluster_of(known)

    def _cluster_of(self, known: Known) -> Cluster:
        cl = self._known_cluster.get(id(known))
        if cl is None:
            body = self.roster.canonical(known.issuer, None) if known.issuer else None
            cl = Cluster(known.type, known.number, known.code, known.sep, CENTRAL, None, body=body,
                         known=known, congress=known.congress)
            self._known_cluster[id(known)] = cl
            self._keep(cl)
        return cl

    def _compatible(self, cl: Cluster, c: Citation, owner, body) -> bool:
        if owner and cl.owner and owner != cl.owner and not cl.owner_guessed:
            return False
        if (owner != CENTRAL and cl.owner != CENTRAL and (cl.owner or owner) and cl.province and c.province
                and cl.province != c.province):
            return False  # a local number cited in a text about another province
        if c.year and cl.printed_year and c.year != cl.printed_year:
            return False
        if body and cl.body and body != cl.body:
            return False
        best = cl.best_date()
        if c.date and best and not _same_or_typo(c.date, best) and not (cl.owner == CENTRAL and _same_term(c.date, best)):
            return False
        if c.date and (c.date in cl.dates or cl.known and cl.known.date == c.date):
            return True  # the same date: subjects quoted differently do not make another document
        if c.subject and cl.folded_subjects and not _similar_subject(_folded(c.subject), cl, 30):
            return False
        return True

    def _narrow(self, fits, c, f, owner):
        for test in (lambda cl: c.date and c.date in cl.dates,
                     lambda cl: cl.known and (cl.known.implements or cl.known.continues or "").split("|")[0]
                     and _ref(*(cl.known.implements or cl.known.continues).split("|")[0].split("-", 1))
                     in self.cited.get(f, ()),
                     lambda cl: c.date and cl.known and cl.known.date == c.date,
                     lambda cl: c.date and cl.owner == CENTRAL and _same_term(c.date, cl.best_date()),
                     lambda cl: owner and cl.owner == owner,
                     lambda cl: f in cl.files):
            narrowed = [cl for cl in fits if test(cl)]
            if len(narrowed) == 1:
                return narrowed
            if narrowed:
                fits = narrowed
        return _issued_by_then(c, fits)

    def _owner(self, c: Citation) -> str | None:
        """The unit owning the code space, as the text says: …/TW is central, else the issuer."""
        if c.sep == "-" and _suffix(c) in CENTRAL_SUFFIXES:
            return CENTRAL
        if c.issuer_unit:
            unit = self.roster.by_name(c.issuer_unit)
            if unit is None or unit.level.value != "central":
                return c.issuer_unit  # a roster unit, or a well-formed name the roster lacks
        return None

    def _guessed_owner(self, c: Citation) -> str | None:
        """The owner the code's suffix suggests when the text does not say: …/TU the province's
        Tỉnh ủy, …/QĐ-TTg the Prime Minister."""
        template = CODE_OWNERS.get(re.sub(r"\d+$", "", _suffix(c)).upper())
        if not template or "{p}" in template and not c.province:
            return None
        name = template.format(p=c.province)
        city = name.replace("Tỉnh ủy", "Thành ủy").replace(" tỉnh ", " thành phố ")  # Hà Nội, Đà Nẵng ...
        return self.roster.canonical(name, c.province) or self.roster.canonical(city, c.province) or name

    def _body(self, c: Citation) -> str | None:
        if not c.issuer_unit:
            return None
        unit = self.roster.by_name(c.issuer_unit)
        return unit.name if unit and unit.level.value == "central" else None

    def _add(self, cl: Cluster, f, i, c: Citation, owner, body, how):
        cl.size += 1
        cl.files.add(f)
        if c.date:
            cl.dates[c.date] += 1
            cl._best = ()
        if c.code:
            cl.codes[c.code] += 1
        if c.issuer:
            cl.issuers[c.issuer] += 1
        if c.subject:
            cl.add_subject(c.subject)
        cl.aliases[_alias(c.surface)] += 1
        before = (cl.owner, cl.owner_guessed, cl.province)
        if owner and (cl.owner is None or cl.owner_guessed):
            cl.owner, cl.owner_guessed = owner, False
        cl.body = cl.body or body
        cl.printed_year = cl.printed_year or c.year
        if cl.province is None and cl.owner != CENTRAL and c.province:
            cl.province = c.province
        if (cl.owner, cl.owner_guessed, cl.province) != before:
            self._moved(cl)
        key = (f, i)  # one tuple for the three maps: there are millions of them at scale
        self.assigned.setdefault(key, []).append(cl)
        cl.keys.append(key)
        self.how[key] = how

    def _merge_garbled(self):
        """"15-NQ/ThU, ngày 18/11/2021 about ..." next to 15-NQ/TU of that date is 15-NQ/TU.
        Only clusters of one province (or of none) can be such a pair."""
        order = {id(cl): n for n, cl in enumerate(self.clusters)}
        by_province: dict[tuple, list[Cluster]] = defaultdict(list)
        for cl in self.clusters:
            by_province[(cl.type, cl.number_key, cl.province)].append(cl)
        for small in sorted(self.clusters, key=lambda cl: cl.size):
            if not small.size or small.known or not small.code:
                continue
            if small.province is None:
                bigs = self._by_number[(small.type, small.number_key)]
            else:
                bigs = sorted(by_province[(small.type, small.number_key, small.province)]
                              + by_province[(small.type, small.number_key, None)], key=lambda cl: order[id(cl)])
            for big in bigs:
                if big is small or big.size < small.size or not _garbled_pair(small, big):
                    continue
                if big.size == small.size and (small.dates or not big.dates):
                    continue  # of two cited as often, the undated one is the variant
                self._absorb(big, small)
                break

    def _absorb(self, big: Cluster, small: Cluster):
        big.size += small.size
        big.files |= small.files
        big.dates.update(small.dates)
        big._best = ()
        big.codes.update(small.codes)
        big.issuers.update(small.issuers)
        for key in small.folded_subjects:
            big.add_folded(key)
        if small.longest_subject and (big.longest_subject is None
                                      or len(small.longest_subject) > len(big.longest_subject)):
            big.longest_subject = small.longest_subject
        big.aliases.update(small.aliases)
        big.flags += (f"garbled-code:{'/'.join(sorted(small.codes))}",)
        for k in dict.fromkeys(small.keys):
            self.assigned[k] = [big if cl is small else cl for cl in self.assigned[k]]
            self.how[k] = "fuzzy"
        big.keys += small.keys
        small.keys = []
        small.size = 0

    # --- named citations ----------------------------------------------------------
    def _place_named(self, f, i, c: Citation, cits: list[Citation]):
        knowns = self._named_knowns(c)
        if knowns is None:
            self._local_congress(f, i, c)
            return
        if len(knowns) > 1 and c.name and not c.plenum:
            knowns = self._prefer_cited(knowns, f) or knowns
        if not knowns and c.type == LAW and c.name:
            self._named_law(f, i, c)
            return
        if not knowns:
            self.how[(f, i)] = "unresolved"
            self.assigned[(f, i)] = []
            return
        if len(knowns) > 1 and not (c.plenum and c.terms):
            self.candidates[(f, i)] = [self._cluster_of(k) for k in knowns]
            self.assigned[(f, i)] = []
            self.how[(f, i)] = "ambiguous"
            return
        for known in sorted(knowns, key=lambda k: k.date or ""):
            self._add(self._cluster_of(known), f, i, c, CENTRAL, None, "registry")

    def _named_knowns(self, c: Citation) -> list[Known] | None:
        if c.plenum is not None:
            terms = c.terms or (None,)
            found = [k for t in terms for k in self.registry.by_plenum(c.plenum, t, c.type)]
            return _about(c, found) if len(terms) == 1 else found  # (several terms: one resolution of each)
        if c.congress and c.name is None:
            return self.registry.by_congress(c.congress)
        if c.name and c.name.startswith("Đại hội"):
            return None
        if c.terms and c.name:
            found = self.registry.by_body_term(c.type, c.name, c.terms[0])
            if len(found) > 1 and c.subject:
                found = sorted(found, key=lambda k: -_subject_score(c.subject, k.subject or ""))[:1]
            return found
        return self.registry.by_name(c.name or "")

    def _named_law(self, f, i, c: Citation):
        """"Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", a law the registry lacks: one document
        per name (a law amending another is named anew: "Luật sửa đổi, bổ sung ...")."""
        cl = self._laws.get(name_key(c.name))
        if cl is None:
            cl = self._laws[name_key(c.name)] = Cluster(c.type, None, None, None, CENTRAL, None, name=c.name)
            self._keep(cl)
        self._add(cl, f, i, c, CENTRAL, None, "exact")

    def _prefer_cited(self, knowns: list[Known], f: str) -> list[Known]:
        in_file = [k for k in knowns if (cl := self._known_cluster.get(id(k))) and f in cl.files]
        if in_file:
            return in_file
        return [k for k in knowns if (cl := self._known_cluster.get(id(k))) and cl.size]

    def _local_congress(self, f, i, c: Citation):
        """"Nghị quyết Đại hội Đảng bộ huyện Mường Chà lần thứ XXII" belongs to Huyện ủy Mường Chà."""
        rest = c.name.removeprefix("Đại hội Đảng bộ ")
        level = next((lv for lv in PARTY_OF_LEVEL if rest.startswith(lv)), "tỉnh")
        party, place = PARTY_OF_LEVEL[level], rest[len(level):].strip()
        owner = self.roster.name(f"{party} {place}".strip(), c.province, author=c.issuer_unit) \
            or self.roster.name(party, c.province) or c.name
        for cl in self.clusters:
            if cl.congress == c.congress and cl.owner == owner and cl.number is None:
                break
        else:
            cl = Cluster(c.type, None, None, None, owner, c.province, congress=c.congress, name=c.name)
            self._keep(cl)
        self._add(cl, f, i, c, owner, None, "exact")

    # --- short citations ------------------------------------------------------------
    def _place_short(self, f, i, c: Citation, cits: list[Citation]):
        nk = c.number.lstrip("0") or "0"
        owner = self._owner(c)  # "Nghị quyết 15 của Huyện ủy": the district's, not the province's 15-NQ/TU
        owners = (CENTRAL, None, self._owner_of_text(c), *((owner,) if owner else ()))
        fits = [cl for cl in self._by_number_owner.get((c.type, nk), *owners) if cl.size]
        if owner:
            fits = [cl for cl in fits if cl.owner == owner] or fits
        body = self._body(c)
        if body:
            fits = [cl for cl in fits if cl.body in (None, body)] or fits
        fits = _by_context(c, [cl for cl in fits if _when_fits(c, cl.year, cl.best_date())])
        if len(fits) > 1:
            fits = [cl for cl in fits if f in cl.files] or fits
        if not fits:  # "Kế hoạch 176" after "Kế hoạch số 176-KH/HU ... của Huyện ủy Phù Yên" in the same text
            here = _by_context(c, [cl for cl in self._by_number[(c.type, nk)] if f in cl.files
                                   and _when_fits(c, cl.year, cl.best_date()) and (owner is None or cl.owner in (None, owner))])
            fits = here if len(here) == 1 else []  # (of one unit's two, the one the sentence's period dates)
        if not fits and owner not in (None, CENTRAL) and c.issuer:
            # "Đảng ủy xã Phúc Than (KH 12, ngày 20/02/2025)": a local body's document cited without its code
            cl = Cluster(c.type, c.number, None, None, owner, c.province, body=body)
            self._keep(cl)
            self._add(cl, f, i, c, owner, body, "exact")
            return
        if not fits:
            knowns = self.registry.by_number(c.type, c.number)
            if body:
                knowns = [k for k in knowns if self.roster.canonical(k.issuer, None) == body] or knowns
            knowns = [k for k in knowns if _when_fits(c, (k.date or "")[:4] or None, k.date)] or knowns
            fits = [self._cluster_of(k) for k in knowns]
        if len(fits) == 1:
            self._add(fits[0], f, i, c, fits[0].owner, body, "context" if fits[0].files else "registry")
        elif any(f in cl.files for cl in fits):  # "Chỉ thị 35" in a text citing both 35-CT/TW: its topic
            self._add(self._nearest(fits, f), f, i, c, None, body, "ambiguous")
            self.candidates[(f, i)] = fits
        else:
            self.assigned[(f, i)] = []
            self.how[(f, i)] = "ambiguous" if fits else "unresolved"
            if fits:
                self.candidates[(f, i)] = fits

    def _owner_of_text(self, c: Citation) -> str | None:
        return self.roster.canonical("Tỉnh ủy", c.province) if c.province else None

    # --- naming -----------------------------------------------------------------------
    def _nearest(self, fits, f):
        """Of several documents a citation may be, the one its text cites first (the text's topic, in
        its title or lead: a report on Chỉ thị 35-CT/TW of 2024 that looks back on the one of 2019,
        cited twice with its date), else the one cited most anywhere."""
        def weight(cl):
            here = [i for file, i in cl.keys if file == f] if f in cl.files else []
            return bool(here), -min(here, default=0), cl.size
        return max(fits, key=weight)

    def _name_clusters(self):
        used: set[str] = set()
        listed = {id(cl) for v in self.candidates.values() for cl in v}
        for cl in self.clusters:
            if not cl.size and id(cl) not in listed:
                continue
            base = _slug_id(cl)
            cid, n = base, 2
            while cid in used:
                cid, n = f"{base}-{n}", n + 1
            used.add(cid)
            cl.id = cid

    def _document(self, cl: Cluster) -> Document:
        text_dates = tuple(sorted(cl.dates))
        flags = set(cl.flags) | ({"candidate-only"} if not cl.size else set())
        if len(text_dates) > 1:
            flags.add("conflicting-dates")
        if cl.known and cl.known.date and text_dates and cl.known.date not in text_dates:
            flags.add(f"registry-date:{cl.known.date}")
        code = cl.codes.most_common(1)[0][0] if cl.codes else cl.code
        issuer = cl.issuers.most_common(1)[0][0] if cl.issuers else (cl.known.issuer if cl.known else _congress(cl))
        subject = cl.longest_subject if cl.longest_subject is not None else (cl.known.subject if cl.known else None)
        issuer_unit = cl.body if cl.owner == CENTRAL else cl.owner
        if cl.owner == CENTRAL and not issuer_unit and issuer:
            issuer_unit = self.roster.canonical(issuer, None)
        return Document(
            id=cl.id, type=cl.type, number=cl.number, code=code, sep=cl.sep, unit=cl.owner,
            province=cl.province, date=cl.best_date(), dates_seen=text_dates, subject=subject,
            aliases=tuple(a for a, _ in cl.aliases.most_common()), issuer=issuer,
            issuer_unit=issuer_unit, flags=tuple(sorted(flags)))


def _congress(cl: Cluster) -> str | None:
    """"Đại hội Đảng bộ huyện Mường Chà lần thứ XXII": the congress that passed a local congress resolution
    (its committee, the cluster's owner, carries it out)."""
    if not (cl.congress and cl.name and cl.name.startswith("Đại hội")):
        return None
    return f"{cl.name} " + (f"nhiệm kỳ {cl.congress}" if "-" in cl.congress else f"lần thứ {cl.congress}")


# --- blocks -----------------------------------------------------------------------------

class _Blocks:
    """Clusters under a key, grouped by a property (`group_of`) that can change as citations
    join; each group kept in creation order, so a merged lookup is in creation order too."""

    def __init__(self, group_of, slot: str):
        self.group_of = group_of
        self.slot = slot  # the Cluster field remembering which group it is in
        self.groups: dict[tuple, dict] = defaultdict(dict)  # key -> group -> [clusters]

    def add(self, key: tuple, cl: Cluster):
        group = self.group_of(cl)
        setattr(cl, self.slot, group)
        self.groups[key].setdefault(group, []).append(cl)  # the newest: stays in order

    def update(self, key: tuple, cl: Cluster):
        old, new = getattr(cl, self.slot), self.group_of(cl)
        if old == new:
            return
        groups = self.groups[key]
        groups[old].remove(cl)
        insort(groups.setdefault(new, []), cl, key=_seq)
        setattr(cl, self.slot, new)

    def get(self, key: tuple, *wanted) -> list[Cluster]:
        groups = self.groups.get(key)
        if not groups:
            return []
        found = [groups[g] for g in dict.fromkeys(wanted) if g in groups]
        if len(found) == 1:
            return list(found[0])
        return sorted((cl for group in found for cl in group), key=_seq)

    def all(self, key: tuple) -> list[Cluster]:
        return sorted((cl for group in self.groups.get(key, {}).values() for cl in group), key=_seq)


def _seq(cl: Cluster) -> int:
    return cl.seq


def _firm_owner(cl: Cluster) -> tuple:
    """("firm", owner) when the texts said who owns the code; ("open",) while it may be anyone's."""
    return ("firm", cl.owner) if cl.owner and not cl.owner_guessed else ("open",)


def _local_place(cl: Cluster) -> tuple:
    """("local", province) for a local unit's number; ("free",) for central ones and the unplaced."""
    return ("local", cl.province) if cl.owner not in (None, CENTRAL) and cl.province else ("free",)


# --- helpers ----------------------------------------------------------------------------



def _suffix(c: Citation) -> str:
    """"TU" of 15-NQ/TU, "ĐU" of 2532/KH-ĐU, "QH15" of 20/2023/QH15."""
    ck = code_key(c.code)
    return ck.split("/", 1)[1] if c.sep == "-" and "/" in ck else ck.split("-", 1)[-1]


def _ref(number: str, code: str) -> str:
    return f"{number.lstrip('0')}-{code_key(code)}"


def _information(c: Citation) -> int:
    return 4 * bool(c.date) + 2 * bool(c.issuer_unit) + bool(c.subject)


def _when_fits(c: Citation, year: str | None, date: str | None) -> bool:
    """Whether a document of that year and date can be the one a short form names: "Chỉ thị
    20/2018" is not the 20-CT/TW of 2012, nor is "Chỉ thị 20 ngày 05/11/2012" the one of 2018."""
    if c.year and year and c.year != year:
        return False
    return not (c.date and date and not _same_or_typo(c.date, date))


#: what a sentence says of when a document it names by its number alone was issued: "Chỉ thị 35 năm 2019", "khóa
#: XIII", "(đại hội) nhiệm kỳ 2025 - 2030"
_YEAR_AFTER = re.compile(r"\s*,?\s*năm\s+((?:19|20)\d\d)\b")
_KHOA = re.compile(r"kh[oó]a\s+(IX|XI{0,3}|XIV)\b")
_TYPE_WORDS = re.compile(r"Nghị quyết|Chỉ thị|Kết luận|Quy định|Quyết định|Kế hoạch|Hướng dẫn|Chương trình")
_TERM_OF_OFFICE = re.compile(r"nhiệm kỳ\s+((?:19|20)\d\d)\s*[-–]\s*(?:19|20)\d\d")
#: (lowered) the time a sentence is about: "Giai đoạn 2016 - 2020, Kế hoạch 47 ...", "Từ năm 2021 đến nay, thực hiện ..."
_PERIOD = re.compile(r"(?:giai đoạn|từ năm)\s+((?:19|20)\d\d)")


def _issued_by_then(c: Citation, fits: list[Cluster]) -> list[Cluster]:
    """Of a local body's documents sharing a number and code, the one an undated citation names is the last issued by
    the date its sentence gives before it: "Kế hoạch số 87-KH/HU, ngày 06/01/2020 thực hiện ... Kế hoạch số 20-KH/TU" is
    the 20-KH/TU of 16/12/2019, not that of 14/4/2008."""
    if len(fits) < 2 or c.date or not c.sentence or any(cl.owner == CENTRAL for cl in fits):
        return fits  # (a central number comes back decades apart: the text's topic tells, `_nearest`)
    at = c.sentence.find(c.surface)
    dates = [d for m in NUMERIC_DATE_RE.finditer(c.sentence, 0, at) if (d := iso_date(m))] if at > 0 else []
    if not dates:
        return fits
    before = [cl for cl in fits if cl.best_date() and cl.best_date() <= dates[-1]]
    return [max(before, key=lambda cl: cl.best_date())] if before else fits


def _by_context(c: Citation, fits: list[Cluster]) -> list[Cluster]:
    """Of documents sharing a type and number, the one the short form's sentence dates: by a year right after it,
    by the Central Committee's term it names, else by the term of office or the period it is about (the one issued
    last before it begins: Chỉ thị 35 of 2019 for 2020 - 2025, of 2024 for 2025 - 2030; "Giai đoạn 2016 - 2020,
    Kế hoạch 47" the 47-KH/HU of 2016, "Từ năm 2021, thực hiện Kế hoạch 47" that of 2021)."""
    if len(fits) < 2 or c.date or c.year or not c.sentence:
        return fits
    at = c.sentence.find(c.surface)
    if at < 0:
        return fits
    year = _YEAR_AFTER.match(c.sentence, at + len(c.surface))
    if year:
        return [cl for cl in fits if cl.year == year.group(1)] or fits
    # its own stretch of the sentence, from the document named before it to the one named after it
    before = [m.end() for m in _TYPE_WORDS.finditer(c.sentence, 0, at)]
    after = _TYPE_WORDS.search(c.sentence, at + len(c.surface))
    own = c.sentence[before[-1] if before else 0:after.start() if after else len(c.sentence)]
    khoa = _KHOA.search(own)
    if khoa and khoa.group(1) in _KHOA_ORDER:
        n = _KHOA_ORDER.index(khoa.group(1))
        start, end = TERMS_FROM[n], TERMS_FROM[n + 1] if n + 1 < len(TERMS_FROM) else "9999"
        return [cl for cl in fits if cl.best_date() and start <= cl.best_date() < end] or fits
    term = _TERM_OF_OFFICE.search(own) or _PERIOD.search(own.lower())
    if term:
        before = [cl for cl in fits if cl.year and cl.year <= term.group(1)]
        return [max(before, key=lambda cl: cl.year)] if before else fits
    return fits


#: the first day of each term of the Party's Central Committee (the day its congress closed): central
#: documents are numbered afresh each term, so one type, number and code within a term is one document
TERMS_FROM = ("2001-04-22", "2006-04-25", "2011-01-19", "2016-01-28", "2021-02-01", "2026-01-23")
_KHOA_ORDER = ("IX", "X", "XI", "XII", "XIII", "XIV")  # the terms TERMS_FROM begins


def _same_term(a: str, b: str | None) -> bool:
    """Whether two ISO dates fall in one term: "01-KL/TW (05/6/2024)" in a list of news links is the
    01-KL/TW of 18/5/2021 misdated, not another one."""
    return b is not None and bisect_right(TERMS_FROM, a) == bisect_right(TERMS_FROM, b)


def _same_or_typo(a: str, b: str) -> bool:
    """Equal dates, or dates that differ in one part only (15/5/2015 for 15/5/2016)."""
    if a == b:
        return True
    pa, pb = a.split("-"), b.split("-")
    return sum(x != y for x, y in zip(pa, pb)) == 1


#: how near a trích yếu must be to one resolution's subject to single it out of its plenum's
_SINGLED_OUT = 85


def _about(c: Citation, knowns: list[Known]) -> list[Known]:
    """"Nghị quyết Trung ương 7 khóa XII về tập trung xây dựng đội ngũ cán bộ ...": of a plenum's resolutions, the
    ones its trích yếu names (all of them when it names none, or none well)."""
    if len(knowns) < 2 or not c.subject:
        return knowns
    scores = [_subject_score(c.subject, k.subject or "") for k in knowns]
    best = max(scores)
    return [k for k, score in zip(knowns, scores) if score >= best - 5] if best >= _SINGLED_OUT else knowns


def _subject_score(a: str, b: str) -> float:
    return fuzz.token_set_ratio(fold(a), fold(b))


@lru_cache(maxsize=1 << 16)
def _folded(subject: str) -> str:
    return fold(subject)


def _similar_subject(key: str, cl: Cluster, cutoff: float) -> bool:
    """Whether any subject quoted for `cl` scores `cutoff` or more against the folded subject `key`."""
    if key and key in cl.folded_subjects:
        return True
    return process.extractOne(key, cl.folded_subjects, scorer=fuzz.token_set_ratio,
                              score_cutoff=cutoff) is not None


def _garbled_pair(small: Cluster, big: Cluster) -> bool:
    if small.type != big.type or small.number_key != big.number_key or not small.code or not big.code:
        return False
    if small.province != big.province and None not in (small.province, big.province):
        return False
    if small.owner and big.owner and small.owner != big.owner and small.owner != CENTRAL:
        return False
    if fuzz.ratio(small.code_key, big.code_key) < 60:
        return False
    same_date = bool(set(small.dates) & set(big.dates))
    similar = any(_similar_subject(a, big, 90) for a in small.folded_subjects)
    # a bare variant ("15-NQ/TƯ", no date, no subject) in texts that cite the real one
    in_context = not small.dates and not small.folded_subjects and small.files <= big.files
    return same_date and (similar or not small.folded_subjects or not big.folded_subjects) or (similar and not small.dates) \
        or in_context


_DATE_TAIL = re.compile(r"\s*,?\s*(?:\(\s*(?:(?:ngày|Ngày|NGÀY)\s*)?\d|(?:ban hành\s+)?(?:ngày|Ngày|NGÀY)\s*\S).*$")


def _alias(surface: str) -> str:
    return _DATE_TAIL.sub("", surface).strip()


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(s)).strip("-")


def _slug_id(cl: Cluster) -> str:
    year = cl.year or (cl.known.year if cl.known else None)
    owner = "tw" if cl.owner == CENTRAL else _slug(cl.owner or "unknown")
    if cl.number and cl.code:
        head = _slug(f"{cl.number}-{cl.code}")
    elif cl.number:
        head = _slug(f"{cl.type}-{cl.number}")
    else:
        head = _slug(f"{cl.type}-{cl.name or 'dai-hoi'}-{cl.congress or ''}")
    return ".".join(x for x in (head, owner, year) if x)


def resolve(texts: dict[str, list[Citation]], roster: Roster, registry: Registry) -> Resolution:
    return Resolver(roster, registry).resolve(texts)
