"""Seeded generator of realistic corpora with their gold (format of shared/gold/SCHEMA.md).

    python -m benchmarks.generate --documents 10000 --seed 1 --out /tmp/bench10k

writes OUT/corpus/*.txt (reports with footnote lists of plans, plans with their preambles,
news with units registering "việc làm theo") and OUT/gold/{documents,mentions,edges,
unit_actions}.jsonl + queries.json, plus OUT/manifest.json. `--documents` is the number of
distinct canonical documents the texts cite. The world (benchmarks.world) is built province by
province and each text is written as soon as it is rendered: memory holds one province's
documents, never the corpus. Same seed and options -> byte-identical output.

Noise, at the rates of `Noise`: short forms ("Chỉ thị 05"), odd spacing ("21- KL/TW", "số15"),
a wrong date (one part changed), garbled codes ("NQ/ThU" for "NQ/TU"), citations split over a
line break (after "số", or before/inside the date), OCR noise on words outside citations,
misspelt unit names.

Gold conventions, beyond SCHEMA.md (the same as data/sample_gold/README.md):
* a surface never spans lines: a citation split over a line break is annotated on the line where
  it starts, up to that line's end without a dangling ", ngày"; split after "số", on the line of
  its number ("47-KH/HU, ngày 18/12/2021": "Kế hoạch số" alone names nothing);
* a wrong date is still the true document (its `date`), and goes to `dates_seen`;
* a garbled code is the true document, and its surface goes to `aliases`;
* items of a list "... xây dựng kế hoạch thực hiện X: A ban hành ...; B ..." implement X
  unless they name their own target;
* `queries.json`: `expect_units` are the units a text ties to carrying out the directive (a
  document implementing or guiding it, or a sentence with the unit as its subject);
  `ambiguous_units` the units that carry it out only through a chain, inspect it, are named
  obliquely ("Tại Huyện ủy X, ..."), or issued it.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

from . import vocab as V
from .world import (Campaign, Doc, Province, ProvinceWorld, Unit, _keys, allocate, central_documents,
                    expected_campaign_size, load_roster, nfc, provinces, ref, slug)

DIRECTIVE_TYPES = ("Chỉ thị", "Nghị quyết", "Kết luận", "Quy định")
_PH = re.compile(r"\{(\w+)\}")
_SUBJECT_REF = re.compile(r"(?P<type>Chỉ thị|Nghị quyết|Kết luận|Kế hoạch|Quy định|Hướng dẫn|Chương trình hành động)"
                          r" số (?P<code>\d+[-/][^\s,;]+)")


@dataclass(frozen=True)
class Noise:
    short: float = 0.35  # a later citation of a directive in the same text uses its short form
    spacing: float = 0.03  # "21- KL/TW", "05 - CT/TW", "số15-NQ/TU"
    wrong_date: float = 0.03  # one part of the date changed
    garbled: float = 0.01  # "NQ/ThU" for "NQ/TU", "KII/HU" for "KH/HU"
    split: float = 0.02  # a line break inside the citation
    ocr_texts: float = 0.5  # share of texts with OCR noise on their plain sentences
    ocr_words: float = 0.02  # share of words hit in those sentences
    misspelt_unit: float = 0.01  # "Huyện ủy Phong Thồ"

    @classmethod
    def clean(cls) -> "Noise":
        return cls(short=0.35, spacing=0, wrong_date=0, garbled=0, split=0, ocr_texts=0, ocr_words=0,
                   misspelt_unit=0)


# --- one text --------------------------------------------------------------------------------

class Page:
    """A text being written, line by line, with the gold of what it says."""

    def __init__(self, name: str, prov: Province, author: Unit | None, rng: random.Random, noise: Noise):
        self.name, self.prov, self.author, self.rng, self.noise = name, prov, author, rng, noise
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.mentions: list[tuple] = []  # (line, surface, doc, kind)
        self.edges: list[dict] = []
        self.issued: dict[str, dict] = {}
        self.actions: list[dict] = []
        self.full_seen: set[int] = set()  # id() of documents already cited in full here
        self.ocr = rng.random() < noise.ocr_texts
        self.last: dict[str, int] = {}
        self.years = 10  # years since the directive the text is about
        self.year = 2025  # the text's own year

    # writing
    def w(self, s: str) -> None:
        self.buf.append(s)

    def br(self) -> None:
        self.lines.append("".join(self.buf))
        self.buf = []

    def para(self) -> None:
        """End the paragraph: its line, then a blank line."""
        self.br()
        self.lines.append("")

    @property
    def line(self) -> int:
        return len(self.lines) + 1

    def col(self) -> int:
        return sum(len(b) for b in self.buf)

    def mark(self) -> tuple[int, int]:
        return self.line, self.col()

    def plain(self, s: str) -> None:
        """Text that cites nothing: OCR noise may hit it."""
        self.w(ocr(s, self.rng, self.noise.ocr_words) if self.ocr else s)

    def fill(self, tpl: str, plain: bool = False, **slots) -> None:
        pos = 0
        for m in _PH.finditer(tpl):
            self.w(tpl[pos:m.start()])
            name = m.group(1)
            v = slots[name] if name in slots else self.number(name)
            v() if callable(v) else self.w(str(v))
            pos = m.end()
        self.w(tpl[pos:])

    def filler(self, k: int = 1) -> None:
        for i in range(k):
            tpl = self.rng.choice(V.FILLER)
            text = _PH.sub(lambda m: str(self.number(m.group(1))), tpl)
            lead = " " if self.buf and not self.buf[-1].endswith((" ", "\n")) else ""
            self.plain(lead + text)

    def number(self, name: str):
        r = self.rng
        if name == "y":  # a recent year, never after the text's own date
            self._y = r.randint(self.year - 6, self.year)
            return self._y
        if name == "y2":
            return getattr(self, "_y", 2020) + 5
        if name == "p2":
            return f"{r.randint(1, 4)},{r.randint(1, 9)}"
        if name == "m":
            return f"{r.randint(1, 25)}.{r.randint(0, 999):03d}"
        if name == "k":  # "sau {k} năm triển khai": no more years than have passed
            return r.choice([k for k in (3, 5, 10) if k <= self.years] or [max(1, self.years)])
        return {"n": r.randint(3, 60), "n2": r.randint(2, 40), "p": r.randint(85, 100),
                "q": r.choice(("I", "II", "III", "IV"))}[name]

    # citations
    def cite(self, doc: Doc, *, date_: bool = True, issuer: str | None = None, subject: bool = False,
             form: str = "auto", upper: bool = False, split: bool = True, tag: str | None = None) -> int:
        """Write a citation of `doc` and record its mention; returns the line it starts on."""
        rng, nz = self.rng, self.noise
        if form == "auto":
            form = "full"
            if (id(doc) in self.full_seen and doc.type in DIRECTIVE_TYPES and doc.number
                    and rng.random() < nz.short):
                form = "short"
            elif doc.names and (not doc.numcode or rng.random() < 0.3):
                form = "named"
        start = self.line
        if form == "named":
            name = rng.choice(doc.names)
            if " khóa " in name and rng.random() < 0.3:
                name = name.replace(" khóa ", " (khóa ") + ")"
            self._mention(name, doc, "named")
            self.w(name)
        elif form == "short":
            num = doc.number.lstrip("0") if rng.random() < 0.1 and len(doc.number) > 1 else doc.number
            surface = f"{doc.type}{' số' if rng.random() < 0.3 else ''} {num}"
            self._mention(surface, doc, "short")
            self.w(surface)
        elif form == "code":
            nc = doc.numcode
            self.w(rng.choice(("Số: ", "Số ")))
            self._mention(nc, doc, "full")
            self.w(nc)
        else:
            start = self._full(doc, date_ and doc.date is not None, upper, split)
        if issuer:
            self.w(f" của {issuer}")
            self.issue(doc, start)
        if subject and doc.subject:
            self._subject(doc, start)
        if tag:
            self.last[tag] = start
        return start

    def _subject(self, doc: Doc, line: int) -> None:
        """The subject ("về ..."); a document it names is cited, and the link it states recorded."""
        m = _SUBJECT_REF.search(doc.subject)
        if not m:
            self.w(f" {doc.subject}")
            return
        t = doc.target
        if t is None or t.numcode is None or f"{m.group('type')} số {m.group('code')}" != ref(t):
            return  # it names a document outside the world: leave the subject out
        st = self.mark()
        self.w(f" {doc.subject[:m.start()]}")
        self.cite(t, date_=False, form="full", split=False)
        self.w(doc.subject[m.end():])
        ev = self.evidence(st)
        self.edge(doc, doc.relation, t, line, ev)
        if doc.relation in ("implements", "guides"):
            self.action(doc.unit or doc.issuer, t, doc, line, ev)

    def _full(self, doc: Doc, with_date: bool, upper: bool, split: bool) -> int:
        rng, nz = self.rng, self.noise
        self.full_seen.add(id(doc))
        word = doc.type.upper() if upper else doc.type
        so = "SỐ" if upper and rng.random() < 0.5 else "số"
        r = rng.random()
        if r < 0.08 and not upper:
            head = f"{word} "  # "Chỉ thị 05-CT/TW"
        else:
            head = f"{word} {so}" if r < 0.08 + nz.spacing / 3 else f"{word} {so} "  # "số15-NQ/TU" or "số 15-NQ/TU"
        number, code = doc.number, doc.code
        if rng.random() < nz.garbled:
            code = garble(code, rng)
        dash = doc.sep
        if doc.sep == "-" and rng.random() < nz.spacing:
            dash = rng.choice(("- ", " - ", " -"))
        body = f"{number}{dash}{code}"
        date_text, iso = "", None
        if with_date:
            shown = doc.date
            if rng.random() < nz.wrong_date:
                shown = wrong_date(doc.date, rng)
            iso = shown.isoformat()
            date_text = date_words(shown, rng)
        splitting = split and rng.random() < nz.split and not upper
        where = None
        if splitting:
            options = (["so"] if head.endswith(f"{so} ") else []) + (["before", "inside"] if date_text else [])
            where = rng.choice(options) if options else None
        start = self.line
        if where == "so":
            self.w(head.rstrip())
            self.br()
            surface = body + date_text  # on the line of its number: "Kế hoạch số" alone names nothing
            self._mention(surface, doc, "full", alias=False)
            self.w(surface)
        elif where in ("before", "inside"):
            surface = head + body
            self._mention(surface, doc, "full")
            sep, rest = date_text.split("ngày", 1)
            if where == "before":
                self.w(surface + sep.rstrip())
                self.br()
                self.w("ngày" + rest)
            else:
                self.w(surface + sep + "ngày")
                self.br()
                self.w(rest.lstrip())
        else:
            surface = head + body + date_text
            self._mention(surface, doc, "full", alias_text=head + body)
            self.w(surface)
        if iso:
            doc.dates_seen[iso] = None
        return start

    def _mention(self, surface: str, doc: Doc, kind: str, alias: bool = True, alias_text: str | None = None):
        self.mentions.append((self.line, surface, doc, kind))
        doc.cited += 1
        if alias:
            doc.aliases[alias_text or surface] = None

    # statements
    def issue(self, doc: Doc, line: int) -> None:
        if doc.key not in self.issued:
            unit = doc.issuer if doc.central else doc.unit.name
            if doc.congress:
                return
            self.issued[doc.key] = {"unit": unit, "province": None if doc.central else doc.unit.province,
                                    "relation": "issued", "doc": doc.key, "line": line}

    def edge(self, source: Doc, relation: str, target: Doc, line: int, ev: tuple) -> None:
        self.edges.append({"source": source.key, "relation": relation, "target": target.key, "line": line,
                           "evidence": ev})

    def action(self, unit: Unit | str, directive: Doc, via: Doc | None, line: int, ev: tuple, explicit: bool = True):
        name, province = (unit, None) if isinstance(unit, str) else (unit.name, unit.province)
        self.actions.append({"unit": name, "province": province, "directive": directive.key,
                             "via": via.key if via else None, "line": line, "evidence": ev,
                             "explicit": explicit})

    def evidence(self, start: tuple[int, int]) -> tuple:
        return (start[0], start[1], self.line, self.col())

    def resolve(self, ev: tuple) -> str:
        line, col, end_line, end_col = ev
        text = self.lines[line - 1]
        return text[col:end_col if end_line == line else len(text)].strip()[:400]

    def text(self) -> str:
        if self.buf:
            self.br()
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


# --- noise ---------------------------------------------------------------------------------------

def garble(code: str, rng: random.Random) -> str:
    options = []
    for a, b in (("/TU", "/ThU"), ("/HU", "/HƯ"), ("Đ", "D"), ("UBND", "UBNĐ")):
        if a in code:
            options.append(code.replace(a, b, 1))
    for a, b in (("NQ", "NO"), ("KH", "KII"), ("KL", "KI"), ("CT", "GT"), ("HD", "HĐ"), ("QĐ", "OĐ")):
        if code.startswith(a):
            options.append(b + code[len(a):])
    return rng.choice(options) if options else code


def wrong_date(d: date, rng: random.Random) -> date:
    for _ in range(20):
        part = rng.randrange(3)
        try:
            if part == 0:
                out = d.replace(day=min(28, max(1, d.day + rng.choice((-3, -2, -1, 1, 2, 3, 10)))))
            elif part == 1:
                out = d.replace(month=min(12, max(1, d.month + rng.choice((-2, -1, 1, 2)))))
            else:
                out = d.replace(year=d.year + rng.choice((-1, 1)))
        except ValueError:
            continue
        if out != d:
            return out
    return d


def date_words(d: date, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.05:
        return f", ngày {d.day} tháng {d.month} năm {d.year}"
    day = f"{d.day:02d}" if rng.random() < 0.5 else str(d.day)
    month = f"{d.month:02d}" if rng.random() < 0.5 else str(d.month)
    sep = "." if rng.random() < 0.02 else "/"
    glue = "" if rng.random() < 0.01 else " "
    return f", ngày{glue}{day}{sep}{month}{sep}{d.year}"


def ocr(text: str, rng: random.Random, rate: float) -> str:
    words = text.split(" ")
    for i, w in enumerate(words):
        if len(w) > 2 and rng.random() < rate and not any(ch.isdigit() for ch in w):
            words[i] = _ocr_word(w, rng)
    return " ".join(words)


def _ocr_word(w: str, rng: random.Random) -> str:
    op = rng.randrange(5)
    if op == 0:
        nfd = unicodedata.normalize("NFD", w)
        marks = [i for i, c in enumerate(nfd) if unicodedata.combining(c)]
        if marks:
            i = rng.choice(marks)
            return nfc(nfd[:i] + nfd[i + 1:])
    if op == 1 and "đ" in w:
        return w.replace("đ", "d", 1)
    if op == 2 and "m" in w:
        return w.replace("m", "rn", 1)
    if op == 3:
        i = rng.randrange(1, len(w))
        return w[:i] + w[i - 1] + w[i:]
    i = rng.randrange(1, len(w))
    return w[:i] + " " + w[i:]


def misspell(name: str, place: str | None, rng: random.Random) -> str:
    """Change one tone mark of the place name: "Phong Thổ" -> "Phong Thồ"."""
    if not place or place not in name:
        return name
    tones = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    nfd = unicodedata.normalize("NFD", place)
    at = [i for i, c in enumerate(nfd) if c in tones]
    if not at:
        return name
    i = rng.choice(at)
    bad = nfc(nfd[:i] + rng.choice([t for t in tones if t != nfd[i]]) + nfd[i + 1:])
    return name.replace(place, bad)


# --- how texts name units ---------------------------------------------------------------------

def unit_phrase(unit: Unit, page: Page, *, body: bool = False, own: bool = False) -> str:
    """How `page` names `unit` as the subject that issues or acts: full name, with the body
    ("Ban Thường vụ Huyện ủy Mai Sơn"), or bare when the province is understood ("Ban Tuyên giáo
    Tỉnh ủy"); `own` for the text's author ("Ban Thường vụ Huyện ủy")."""
    rng, prov = page.rng, page.prov
    k = unit.kind
    name = unit.name
    if rng.random() < page.noise.misspelt_unit and unit.kind in ("huyen-uy", "thi-uy", "thanh-uy", "xa", "quan-uy"):
        name = misspell(name, unit.place, rng)
    committee = k in ("tinh-uy", "huyen-uy", "thanh-uy", "thi-uy", "quan-uy")
    if own and committee:
        return f"Ban Thường vụ {unit.head}"
    if k == "tinh-uy":
        if prov.city:
            return rng.choice((f"Ban Thường vụ {name}", name))
        return rng.choice(("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "Tỉnh ủy", f"Ban Thường vụ {name}"))
    if committee:
        return f"Ban Thường vụ {name}" if body or rng.random() < 0.4 else name
    if k == "ubnd" and not prov.city:
        return rng.choice(("UBND tỉnh", "Ủy ban nhân dân tỉnh", name))
    if k == "mttq" and not prov.city:
        return rng.choice(("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", name))
    bare = name.removesuffix(" " + prov.name).strip()
    if bare != name and not prov.city and bare.endswith(("tỉnh", "Tỉnh ủy")) and rng.random() < 0.6:
        return bare
    return name


# --- the corpus -------------------------------------------------------------------------------------

class Generator:
    def __init__(self, out: Path, documents: int, seed: int, units: str = "roster", noise: Noise = Noise()):
        self.out, self.n, self.seed, self.mode, self.noise = out, documents, str(seed), units, noise
        self.seq = 0
        self.files = 0
        self.bytes = 0
        self.counts = {"mentions": 0, "edges": 0, "unit_actions": 0, "documents": 0}
        self.expect: dict[str, dict] = {}  # central directive key -> {"expect": {}, "ambiguous": {}}
        self.local_queries: list[dict] = []

    # -- output
    def _open(self):
        if self.out.exists():
            shutil.rmtree(self.out)
        (self.out / "corpus").mkdir(parents=True)
        (self.out / "gold").mkdir()
        g = self.out / "gold"
        self.f_docs = open(g / "documents.jsonl", "w", encoding="utf-8")
        self.f_ments = open(g / "mentions.jsonl", "w", encoding="utf-8")
        self.f_edges = open(g / "edges.jsonl", "w", encoding="utf-8")
        self.f_acts = open(g / "unit_actions.jsonl", "w", encoding="utf-8")

    @staticmethod
    def _line(f, row: dict) -> None:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")

    def flush(self, page: Page) -> None:
        text = page.text()
        lines = text.splitlines()
        assert len(lines) == len(page.lines), (page.name, len(lines), len(page.lines))
        assert unicodedata.is_normalized("NFC", text)
        (self.out / "corpus" / page.name).write_text(text, encoding="utf-8")
        self.files += 1
        self.bytes += len(text.encode("utf-8"))
        for line, surface, doc, kind in page.mentions:
            assert surface and surface in lines[line - 1], (page.name, line, surface, lines[line - 1])
            self._line(self.f_ments, {"file": page.name, "line": line, "surface": surface, "doc": doc.key,
                                      "kind": kind})
        for e in page.edges:
            self._line(self.f_edges, {**e, "file": page.name, "evidence": page.resolve(e["evidence"])})
        for row in page.issued.values():
            self._line(self.f_edges, {**row, "file": page.name})
        for a in page.actions:
            row = {k: v for k, v in a.items() if k != "explicit"}
            self._line(self.f_acts, {**row, "file": page.name, "evidence": page.resolve(a["evidence"])})
        self._activity_expectations(page)
        self.counts["mentions"] += len(page.mentions)
        self.counts["edges"] += len(page.edges) + len(page.issued)
        self.counts["unit_actions"] += len(page.actions)

    def page(self, kind: str, prov: Province, author: Unit | None, rng: random.Random) -> Page:
        self.seq += 1
        return Page(f"{self.seq:07d}_{kind}_{slug(prov.name)}.txt", prov, author, rng, self.noise)

    # -- the world
    def run(self) -> dict:
        t0 = time.perf_counter()
        self._open()
        roster = load_roster()
        provs = provinces(roster, self.mode, self.seed)
        n_central = max(8, min(5000, self.n // 200))
        central = central_documents(n_central, self.seed)
        self.central = central
        self.central_kh: dict[int, list[Doc]] = {}
        for d in central:
            if d.target is not None and d.relation == "implements":
                self.central_kh.setdefault(id(d.target), []).append(d)
        rng = random.Random(f"{self.seed}:budget")
        weights = [expected_campaign_size(p) * rng.uniform(0.7, 1.3) for p in provs]
        budgets = allocate(self.n - len(central), weights)
        must = self._must_cover(central, provs, budgets)
        used_keys = {d.key for d in central}
        leftover: list[Doc] = []
        for i, (p, budget) in enumerate(zip(provs, budgets)):
            pw = ProvinceWorld(p, budget, leftover + must[i], central, self.seed)
            pw.build()
            leftover = pw.failed + pw.must
            _keys(pw.docs, used_keys)
            prng = random.Random(f"{self.seed}:texts:{p.name}")
            batch: list[Campaign] = []
            size = prng.randint(5, 14)
            for c in pw.campaigns:
                small = len(c.docs()) <= 4 and not c.districts
                self._campaign_texts(c, p, prng, report=not small)
                if small:
                    batch.append(c)
                    if len(batch) >= size:
                        self._summary_report(batch, p, prng)
                        batch, size = [], prng.randint(5, 14)
            if batch:
                self._summary_report(batch, p, prng)
            for d in pw.docs:
                if d.cited:
                    self._line(self.f_docs, d.gold())
                    self.counts["documents"] += 1
            self._local_queries(pw, prng)
            if os.environ.get("BENCH_VERBOSE"):
                print(f"  {p.name}: {len(pw.docs)} documents, {len(pw.campaigns)} campaigns, {self.files} files",
                      file=sys.stderr)
        for d in central:
            if d.cited:
                self._line(self.f_docs, d.gold())
                self.counts["documents"] += 1
        for f in (self.f_docs, self.f_ments, self.f_edges, self.f_acts):
            f.close()
        queries = self._queries()
        (self.out / "gold" / "queries.json").write_text(json.dumps(queries, ensure_ascii=False, indent=1) + "\n",
                                                        encoding="utf-8")
        manifest = {"documents_requested": self.n, "seed": int(self.seed), "units": self.mode,
                    "noise": asdict(self.noise), "files": self.files, "bytes": self.bytes,
                    **self.counts, "queries": len(queries),
                    "uncited_central": [d.key for d in central if not d.cited],
                    "seconds": round(time.perf_counter() - t0, 1)}
        # the wall time differs between runs: it stays out of the gold and the corpus
        (self.out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                                encoding="utf-8")
        return manifest

    @staticmethod
    def _must_cover(central: list[Doc], provs: list[Province], budgets: list[int]) -> list[list[Doc]]:
        """Every central document is the directive of at least one campaign: spread them over the
        provinces by budget, among those whose party committee existed long enough to answer."""
        out: list[list[Doc]] = [[] for _ in provs]
        for d in central:
            ok = [i for i, p in enumerate(provs) if p.party.valid_to >= d.when + timedelta(days=30) and budgets[i] > 0]
            i = max(ok, key=lambda i: (budgets[i] / (1 + 2 * len(out[i])), -i))
            out[i].append(d)
        return out

    # -- texts of a campaign
    def _campaign_texts(self, c: Campaign, p: Province, rng: random.Random, report: bool = True) -> None:
        self._expectations(c)
        if report:
            self._report(c, p, rng)
        for dd, cs in c.districts:
            if cs and rng.random() < 0.3:
                self._district_report(c, dd, cs, p, rng)
        if c.plan is not None and rng.random() < (0.1 if report else 0.03):
            self._plan_text(c, c.plan, p, rng)
        for dd, _ in c.districts:
            if rng.random() < 0.05:
                self._plan_text(c, dd, p, rng)
        if rng.random() < (0.35 if report else 0.08):
            self._news(c, p, rng)

    def _letterhead(self, page: Page, unit: Unit, when: date) -> None:
        rng, p = page.rng, page.prov
        upper = unit.name.upper()
        lines = []
        if unit.kind == "tinh-uy":
            lines = [upper]
        elif unit.level == "district":
            lines = [f"ĐẢNG BỘ {p.place.upper()}", upper]
        else:
            lines = [f"ĐẢNG BỘ {p.place.upper()}" if unit.kind not in ("ubnd", "mttq") else "", upper]
        lines = [ln for ln in lines if ln]
        bold = rng.random() < 0.3
        for ln in lines:
            page.w(f"**{ln}**" if bold else ln)
            page.br()
        page.w("*")
        page.br()
        page.w("ĐẢNG CỘNG SẢN VIỆT NAM" if unit.kind not in ("ubnd", "mttq") else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        page.br()
        place = p.name if unit.level in ("province", "agency") or not unit.place else unit.place
        page.w(f"{place}, ngày {when.day} tháng {when.month} năm {when.year}")
        page.para()

    def _report(self, c: Campaign, p: Province, rng: random.Random) -> None:
        d, head = c.directive, c.head
        docs = c.docs()
        when = max([x.when for x in docs] + [d.when]) + timedelta(days=rng.randint(20, 400))
        page = self.page("bao-cao", p, p.party, rng)
        page.years, page.year = when.year - d.when.year, when.year
        self._letterhead(page, p.party, when)
        page.w("**BÁO CÁO**" if rng.random() < 0.4 else "BÁO CÁO")
        page.br()
        issuer = d.issuer if d.central else unit_phrase(d.unit, page, own=True)
        page.fill(rng.choice(V.REPORT_TITLES), T=lambda: page.cite(d, issuer=issuer if not d.congress else None,
                                                                     subject=True, split=False, tag="title"))
        page.para()
        page.w(rng.choice(V.REPORT_SECTIONS[0]))
        page.para()
        # the directive's own link to an earlier one (a central plan or a conclusion continuing it)
        if d.target is not None and d.relation in ("implements", "continues") and d.central:
            st = page.mark()
            tpl = rng.choice(V.CONTINUES_SENTENCE)
            page.fill(tpl, DOC=lambda: page.cite(d, tag="src"), U=d.issuer,
                      V=rng.choice(V.V_CONTINUES if d.relation == "continues" else V.V_IMPLEMENTS),
                      T=lambda: page.cite(d.target, date_=rng.random() < 0.3, tag="tgt"))
            page.issue(d, page.last["src"])
            page.edge(d, d.relation, d.target, page.last["src"], page.evidence(st))
            page.w(" ")
            page.filler()
            page.para()
        # the province's plan, the UBND's, the guidance
        stated = [x for x in c.province_docs if x.unit.kind in ("ubnd",) or x is c.guide]
        if c.plan is not None:
            stated.insert(0, c.plan)
        for i, x in enumerate(stated):
            if i:
                page.w(" ")
            self._issue_sentence(page, x, x.target, body=True)
        if stated:
            page.w(" ")
        page.filler(rng.randint(0, 2))
        notes = []
        listed_agencies = [x for x in c.province_docs if x not in stated]
        if c.districts:
            notes.append(("districts", [x for x, _ in c.districts]))
        if listed_agencies:
            notes.append(("agencies", listed_agencies))
        communes = [(dd, cs) for dd, cs in c.districts if cs]
        if communes:
            notes.append(("communes", communes))
        pointers = {"districts": " Các cấp ủy trực thuộc đã kịp thời cụ thể hóa bằng kế hoạch của cấp mình",
                    "agencies": " Các cơ quan, đơn vị đã xây dựng kế hoạch triển khai phù hợp với chức năng, "
                                "nhiệm vụ",
                    "communes": " Ở cơ sở, nhiều đảng ủy xã, phường, thị trấn đã ban hành kế hoạch thực hiện"}
        for n, (kind, _) in enumerate(notes, 1):
            page.w(f"{pointers[kind]}<sup>{n}</sup>.")
        page.para()
        page.filler(rng.randint(1, 3))
        page.para()
        page.w(rng.choice(V.REPORT_SECTIONS[1]))
        page.para()
        self._activities(page, c, rng.randint(0, 3))
        page.filler(rng.randint(1, 3))
        page.para()
        if c.inspect is not None:
            self._issue_sentence(page, c.inspect, d, body=True)
            page.w(" ")
            page.filler()
            page.para()
        named = [x for x in self.central if x.names and x.when < when and x is not d]
        if named and rng.random() < 0.3:
            x = rng.choice(named)
            page.w("Các cấp ủy tiếp tục thực hiện nghiêm túc ")
            page.cite(x, form="named")
            page.w(", gắn với nhiệm vụ xây dựng, chỉnh đốn Đảng.")
            page.para()
        page.w(rng.choice(V.REPORT_SECTIONS[2]))
        page.para()
        page.filler(rng.randint(2, 4))
        page.para()
        page.w(rng.choice(V.REPORT_SECTIONS[3]))
        page.para()
        page.filler(rng.randint(1, 2))
        page.w(" Tiếp tục quán triệt, thực hiện nghiêm túc ")
        page.cite(d, date_=False)
        page.w(" trong thời gian tới.")
        page.para()
        for n, (kind, items) in enumerate(notes, 1):
            page.w(f"<sup>{n}</sup> ")
            if kind == "communes":
                self._commune_list(page, items)
            else:
                self._plan_list(page, kind, items, head)
            page.para()
        self._closing(page)
        self.flush(page)

    def _summary_report(self, batch: list[Campaign], p: Province, rng: random.Random) -> None:
        """A periodic report of the province party committee on several directives at once: one
        numbered section per directive, its plans stated in the body."""
        docs = [x for c in batch for x in c.docs()] + [c.directive for c in batch]
        when = max(x.when for x in docs) + timedelta(days=rng.randint(20, 200))
        first = min(c.directive.when for c in batch)
        page = self.page("bao-cao-tong-hop", p, p.party, rng)
        page.year = when.year
        self._letterhead(page, p.party, when)
        page.w("BÁO CÁO")
        page.br()
        page.w(rng.choice(V.SUMMARY_TITLES).format(y=when.year, y1=first.year, place=p.place))
        page.para()
        page.w("I. " + re.split(r"[.-] ", rng.choice(V.REPORT_SECTIONS[1]), maxsplit=1)[1])
        page.para()
        for i, c in enumerate(batch, 1):
            d = c.directive
            issuer = (d.issuer if d.central else unit_phrase(d.unit, page, own=True)) if not d.congress else None
            page.w(f"{i}. {rng.choice(V.SUMMARY_HEADS)} ")
            page.cite(d, issuer=issuer, subject=rng.random() < 0.5, split=False)
            page.para()
            stated = ([c.plan] if c.plan else []) + c.province_docs
            for j, x in enumerate(stated):
                if j:
                    page.w(" ")
                self._issue_sentence(page, x, x.target, body=True)
            if c.inspect is not None:
                page.w(" ")
                self._issue_sentence(page, c.inspect, d, body=True)
            page.w(" ")
            self._activities(page, c, rng.choice((0, 0, 1)))
            page.filler(rng.randint(0, 2))
            page.para()
        page.w("II. " + re.split(r"[.-] ", rng.choice(V.REPORT_SECTIONS[2]), maxsplit=1)[1])
        page.para()
        page.filler(rng.randint(2, 3))
        page.para()
        self._closing(page)
        self.flush(page)

    def _issue_sentence(self, page: Page, x: Doc, target: Doc, *, body: bool = False, own: bool = False) -> None:
        """"U ban hành X về thực hiện T" in one of the templates for its relation."""
        rng = page.rng
        rel = x.relation or "implements"
        st = page.mark()
        u = unit_phrase(x.unit, page, body=body, own=own)
        vp = rng.choice({"implements": V.V_IMPLEMENTS, "guides": V.V_GUIDES, "inspects": V.V_INSPECTS}[rel])
        t_kw = {"date_": rng.random() < 0.3}
        if target.central and rng.random() < 0.5 and not target.congress:
            t_kw["issuer"] = target.issuer
        if rel == "implements":
            style = rng.random()
            tpls = V.ISSUE if style < 0.65 else (V.ISSUE_FRONTED if style < 0.85 else V.ISSUE_AFTER)
        else:
            tpls = V.GUIDE if rel == "guides" else V.INSPECT
        tpl = rng.choice(tpls)
        page.fill(tpl, U=u, V=vp, DOC=lambda: page.cite(x, tag="src"), T=lambda: page.cite(target, tag="tgt", **t_kw))
        page.issue(x, page.last["src"])
        ev = page.evidence(st)
        page.edge(x, rel, target, page.last["src"], ev)
        if rel in ("implements", "guides"):
            page.action(x.unit, target, x, page.last["src"], ev)

    def _plan_list(self, page: Page, kind: str, items: list[Doc], head: Doc) -> None:
        rng = page.rng
        intro = rng.choice(V.LIST_INTRO_DISTRICTS if kind == "districts" else V.LIST_INTRO_AGENCIES)
        m = len(page.prov.districts)
        page.fill(intro, T=lambda: page.cite(head, date_=rng.random() < 0.2, tag="head"),
                  n=len(items), m=max(m, len(items)))
        page.w(" ")
        for i, x in enumerate(items):
            if i:
                page.w("; ")
            st = page.mark()
            u = unit_phrase(x.unit, page)
            implicit = x.target is head and rng.random() < 0.4
            if implicit:
                tpl = rng.choice(V.ITEM_IMPLICIT)
                y = x.when.year
                page.fill(tpl, U=u, DOC=lambda: page.cite(x, tag="src"), TOPIC=rng.choice(V.TOPICS), y=y, y2=y + 5)
            else:
                tpls = V.ITEM if x.unit.level == "district" else V.ITEM[:4]
                page.fill(rng.choice(tpls), U=u, KIND=x.unit.head, V=rng.choice(V.V_IMPLEMENTS),
                          DOC=lambda: page.cite(x, tag="src"),
                          T=lambda: page.cite(x.target, date_=rng.random() < 0.15, tag="tgt"))
            page.issue(x, page.last["src"])
            ev = page.evidence(st)
            page.edge(x, "implements", x.target, page.last["src"], ev)
            page.action(x.unit, x.target, x, page.last["src"], ev)
        page.w(".")

    def _commune_list(self, page: Page, groups: list[tuple[Doc, list[Doc]]]) -> None:
        rng = page.rng
        page.w(rng.choice(("Các đảng ủy cơ sở đã kịp thời cụ thể hóa bằng kế hoạch của cấp mình: ",
                           "Nhiều đảng ủy xã, phường, thị trấn đã ban hành kế hoạch triển khai, cụ thể: ",
                           "Các đảng ủy cơ sở đã ban hành kế hoạch, cụ thể như sau: ")))
        first = True
        for dd, cs in groups:
            for x in cs:
                if not first:
                    page.w("; ")
                first = False
                st = page.mark()
                page.fill(rng.choice(V.ITEM[:4]), U=unit_phrase(x.unit, page), V=rng.choice(V.V_IMPLEMENTS),
                          DOC=lambda: page.cite(x, tag="src"),
                          T=lambda: page.cite(dd, date_=rng.random() < 0.2, tag="tgt",
                                              issuer=unit_phrase(dd.unit, page, body=True)))
                page.issue(x, page.last["src"])
                ev = page.evidence(st)
                page.edge(x, "implements", dd, page.last["src"], ev)
                page.action(x.unit, dd, x, page.last["src"], ev)
        page.w(".")

    def _activities(self, page: Page, c: Campaign, k: int) -> None:
        """Units carrying out the directive by what they do, named as the subject of the sentence
        (explicit), or registering "việc làm theo" in a text about it."""
        rng, p = page.rng, page.prov
        d = c.directive
        pool = [u for u in p.districts + p.agencies + p.actors if u.open_on(d.when + timedelta(days=30))]
        if not pool or k == 0:
            return
        hcm = "Hồ Chí Minh" in (d.subject or "") or "Hồ Chí Minh" in (c.head.subject or "")
        for u in rng.sample(pool, min(k, len(pool))):
            st = page.mark()
            r = rng.random()
            if r < 0.6:
                page.fill(rng.choice(V.ACT_EXPLICIT), U=unit_phrase(u, page), T=lambda: page.cite(d, date_=False,
                                                                                               tag="tgt"))
                line, explicit = page.last["tgt"], True
            elif r < 0.9:
                line = page.line
                page.fill(rng.choice(V.ACT_REGISTER), U=unit_phrase(u, page),
                          WORK=rng.choice(V.WORK if hcm else V.WORK_OTHER), WORK1=rng.choice(V.WORK1),
                          MODELS=rng.choice(V.MODELS))
                explicit = True
            else:
                line = page.line
                page.fill(rng.choice(V.ACT_REGISTER_OBLIQUE), U=u.name,
                          WORK=rng.choice(V.WORK if hcm else V.WORK_OTHER),
                          MODELS=rng.choice(V.MODELS))
                explicit = False
            page.action(u, d, None, line, page.evidence(st), explicit)
            page.w(" ")

    def _district_report(self, c: Campaign, dd: Doc, cs: list[Doc], p: Province, rng: random.Random) -> None:
        unit = dd.unit
        when = max(x.when for x in cs) + timedelta(days=rng.randint(20, 300))
        page = self.page("bao-cao-huyen", p, unit, rng)
        page.years, page.year = when.year - dd.target.when.year, when.year
        self._letterhead(page, unit, when)
        page.w("BÁO CÁO")
        page.br()
        t = dd.target
        issuer = (t.issuer if t.central else f"Ban Thường vụ {t.unit.head} {p.name}") if not t.congress else None
        page.fill(rng.choice(V.REPORT_TITLES), T=lambda: page.cite(t, issuer=issuer, split=False))
        page.para()
        page.w(rng.choice(V.REPORT_SECTIONS[0]))
        page.para()
        self._issue_sentence(page, dd, t, own=True)
        page.w(" Các đảng ủy cơ sở đã kịp thời cụ thể hóa bằng kế hoạch của cấp mình<sup>1</sup>. ")
        page.filler(rng.randint(1, 2))
        page.para()
        page.w(rng.choice(V.REPORT_SECTIONS[1]))
        page.para()
        page.filler(rng.randint(2, 4))
        page.para()
        page.w("<sup>1</sup> ")
        self._commune_list(page, [(dd, cs)])
        page.para()
        self._closing(page)
        self.flush(page)

    def _plan_text(self, c: Campaign, x: Doc, p: Province, rng: random.Random) -> None:
        """The text of a plan: letterhead, its number, what it implements, the preamble."""
        unit = x.unit
        page = self.page("ke-hoach", p, unit, rng)
        page.year = x.when.year
        self._letterhead_plan(page, x)
        t = x.target
        page.w(rng.choice(V.V_IMPLEMENTS[:2]) + " ")
        t_issuer = (t.issuer if t.central else f"Ban Thường vụ {t.unit.head} {p.name}") if not t.congress else None
        page.cite(t, issuer=t_issuer, subject=rng.random() < 0.5, split=False, tag="t1")
        page.issue(t, page.last["t1"])
        ev = (page.last["t1"], 0, page.last["t1"], 10 ** 6)
        page.edge(x, "implements", t, page.last["t1"], ev)
        page.action(unit, t, x, page.last["t1"], ev)
        page.para()
        # preamble: "Thực hiện T; D ..., Ban Thường vụ Huyện ủy xây dựng kế hoạch thực hiện như sau:"
        st = page.mark()
        page.w("Thực hiện ")
        also = [t] + ([c.directive] if c.directive is not t and c.directive.when < x.when else [])
        also += [k for k in self.central_kh.get(id(c.directive), []) if k.when < x.when and k not in also][:1]
        for i, y in enumerate(also):
            if i:
                page.w("; ")
            y_issuer = None
            if not y.congress:
                y_issuer = y.issuer if y.central else f"Ban Thường vụ {y.unit.head} {p.name}"
            line = page.cite(y, issuer=y_issuer, date_=rng.random() < 0.7)
            if y.central and y.target is not None and y.relation == "implements" and y.target in also:
                page.w(f" {rng.choice(V.V_IMPLEMENTS[:2])} ")
                page.cite(y.target, date_=False)
                page.edge(y, "implements", y.target, line, page.evidence(st))
            if y is not t:
                page.edge(x, "implements", y, line, page.evidence(st))
                page.action(unit, y, x, line, page.evidence(st))
        page.fill(rng.choice(V.PLAN_PREAMBLE_TAIL), U=unit_phrase(unit, page, own=True))
        page.para()
        page.w(V.PLAN_SECTIONS[0])
        page.para()
        page.w("1. ")
        page.filler()
        page.para()
        cited = [y for y in self.central if y.when < x.when and y not in also and (y.numcode or y.names)]
        if cited:
            y = rng.choice(cited[:60])
            st = page.mark()
            page.w("2. ")
            page.fill(rng.choice(V.PLAN_CITES), T=lambda: page.cite(y, date_=rng.random() < 0.3, tag="c"))
            page.edge(x, "cites", y, page.last["c"], page.evidence(st))
            page.para()
        page.w(V.PLAN_SECTIONS[1])
        page.para()
        for i, tpl in enumerate(rng.sample(V.PLAN_TASKS, 4), 1):
            page.w(f"{i}. ")
            page.plain(_PH.sub(lambda m: str(page.number(m.group(1))), tpl))
            page.para()
        page.w(V.PLAN_SECTIONS[2])
        page.para()
        page.filler(2)
        page.para()
        self._closing(page)
        self.flush(page)

    def _letterhead_plan(self, page: Page, x: Doc) -> None:
        rng = page.rng
        self._letterhead_lines(page, x.unit)
        as_code = rng.random() < 0.4
        if as_code:
            page.cite(x, form="code", tag="own")
            page.br()
        state = x.unit.kind in ("ubnd", "mttq")
        page.w("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" if state else "ĐẢNG CỘNG SẢN VIỆT NAM")
        page.br()
        place = page.prov.name if x.unit.level in ("province", "agency") or not x.unit.place else x.unit.place
        page.w(f"{place}, ngày {x.when.day} tháng {x.when.month} năm {x.when.year}")
        page.para()
        word = x.type.upper()
        if as_code:
            page.w(word)
        else:
            page.cite(x, date_=False, upper=True, split=False, tag="own")
        page.issue(x, page.last["own"])
        page.br()

    def _letterhead_lines(self, page: Page, unit: Unit) -> None:
        p = page.prov
        if unit.kind == "tinh-uy":
            lines = [unit.name.upper()]
        elif unit.level == "district":
            lines = [f"ĐẢNG BỘ {p.place.upper()}", unit.name.upper()]
        else:
            lines = [unit.name.upper()]
        for ln in lines:
            page.w(ln)
            page.br()
        page.w("*")
        page.br()

    def _news(self, c: Campaign, p: Province, rng: random.Random) -> None:
        d = c.directive
        docs = [x for x in c.docs() if x is not d and x.unit.level in ("district", "agency", "province")
                and x is not c.inspect]
        shown = rng.sample(docs, min(len(docs), rng.randint(1, 3))) if docs else []
        when = max([x.when for x in shown] + [d.when]) + timedelta(days=rng.randint(30, 500))
        page = self.page("tin", p, None, rng)
        page.years, page.year = when.year - d.when.year, when.year
        place = rng.choice([u.place for u in p.districts if u.place] or [p.name]) if rng.random() < 0.5 else p.name
        page.fill(rng.choice(V.NEWS_TITLES), PLACE=place,
                  TS=lambda: page.cite(d, date_=False, split=False, form="short" if d.type in DIRECTIVE_TYPES
                                       and d.number and rng.random() < 0.5 else "auto"))
        page.br()
        page.fill(rng.choice(V.NEWS_DATELINES), wd=rng.choice(V.WEEKDAYS), d=f"{when.day:02d}",
                  mo=f"{when.month:02d}", y=when.year, hh=f"{rng.randint(6, 21):02d}", mm=f"{rng.randint(0, 59):02d}")
        page.para()
        issuer = (d.issuer if d.central else f"Ban Thường vụ {d.unit.head} {p.name}") if not d.congress else None
        page.fill(rng.choice(V.NEWS_LEADS), PLACE=p.place, T=lambda: page.cite(d, issuer=issuer, tag="lead"))
        page.para()
        for x in shown:
            self._issue_sentence(page, x, x.target)
            page.w(" ")
            page.filler()
            page.para()
        self._activities(page, c, rng.randint(1, 3))
        page.filler()
        page.para()
        self.flush(page)

    def _closing(self, page: Page) -> None:
        for ln in page.rng.choice(V.CLOSINGS):
            page.w(ln)
            page.br()
        page.br()
        for ln in page.rng.choice(V.SIGNATURES).split("\n"):
            page.w(ln)
            page.br()

    # -- queries
    def _expectations(self, c: Campaign) -> None:
        """Who a text ties to carrying out the campaign's directive and the province's plan."""
        def slot(doc: Doc) -> dict:
            return self.expect.setdefault(doc.key, {"doc": doc, "expect": {}, "ambiguous": {}})
        d, plan = c.directive, c.plan
        sd = slot(d)
        for x in c.docs():
            if x is d:
                continue
            if x.target is d and x.relation in ("implements", "guides"):
                sd["expect"][x.unit.name] = None
            elif x.target is d:
                sd["ambiguous"][x.unit.name] = None  # inspects
            else:
                sd["ambiguous"][x.unit.name] = None  # through the plan or a district's plan
        if plan is not None:
            sp = slot(plan)
            sp["ambiguous"][plan.unit.name] = None
            for x in c.docs():
                if x.target is plan:
                    sp["expect"][x.unit.name] = None
                elif x is not plan and x is not d and x.target is not d:
                    sp["ambiguous"][x.unit.name] = None
        sd["ambiguous"][d.issuer if d.central else d.unit.name] = None

    def _activity_expectations(self, page: Page) -> None:
        """Activity sentences add their units to the directive's expectations."""
        for a in page.actions:
            q = self.expect.get(a["directive"]) if a["via"] is None else None
            if q is not None:
                (q["expect"] if a["explicit"] else q["ambiguous"])[a["unit"]] = None

    def _local_queries(self, pw: ProvinceWorld, rng: random.Random) -> None:
        keys = [c.plan.key for c in pw.campaigns if c.plan is not None] + \
               [c.directive.key for c in pw.campaigns if c.local_directive]
        for k in rng.sample(keys, min(2, len(keys))):
            q = self.expect.get(k)
            if q and q["expect"]:
                self.local_queries.append(self._query(q))
        for k in keys:
            self.expect.pop(k, None)  # local slots are done with their province

    @staticmethod
    def _query(q: dict) -> dict:
        expect = list(q["expect"])
        amb = [u for u in q["ambiguous"] if u not in q["expect"]]
        return {"ask": "implementers", "directive": q["doc"].key, "expect_units": expect, "ambiguous_units": amb}

    def _queries(self) -> list[dict]:
        central = [q for q in self.expect.values() if q["doc"].central and q["expect"]]
        central.sort(key=lambda q: (-len(q["expect"]), q["doc"].key))
        return [self._query(q) for q in central[:200]] + self.local_queries


def generate(out: str | Path, documents: int, seed: int = 1, units: str = "roster", noise: Noise = Noise()) -> dict:
    return Generator(Path(out), documents, seed, units, noise).run()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.split("\n\n")[0])
    ap.add_argument("--documents", type=int, required=True, help="distinct canonical documents the texts cite")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--units", choices=("roster", "full"), default="roster",
                    help="full: synthetic districts, communes and agencies where the roster has none; "
                         "roster: only units of data/units.json (the resolver knows them all)")
    ap.add_argument("--clean", action="store_true", help="no noise (except short forms)")
    a = ap.parse_args(argv)
    m = generate(a.out, a.documents, a.seed, a.units, Noise.clean() if a.clean else Noise())
    print(json.dumps({k: v for k, v in m.items() if k != "uncited_central"}, ensure_ascii=False))
    if m["uncited_central"]:
        print(f"warning: {len(m['uncited_central'])} central documents not cited", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
