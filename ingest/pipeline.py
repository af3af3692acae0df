"""The pipeline: read -> clean -> extract -> relate per text, then resolve all texts
into one graph and hand it to a store.
"""
from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
import re
import threading
import time
import unicodedata
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from graph import codec
from graph.errors import DirectivesError
from graph.model import (Citation, Document, Edge, Evidence, Footnote, Graph, Level, Mention,
                         Relation, TextFacts, Unit)
from graph.store import Store

from .extract import find
from .layout import Layout, clause_at, layout
from .read import Source, iter_paths, read
from .registry import Registry
from .clean import fold, unmarked, with_marks
from .context import Context, contexts
from .relate import author_of, own_documents, relate
from .resolve import resolve
from .units import CENTRAL, Roster


MAX_EARLY_DAYS = 366  # beyond this a "plan" older than its directive is a misreading, not a typo


@dataclass
class Report:
    files: int = 0
    unchanged: int = 0
    mentions: int = 0
    documents: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Reading:
    """What the extract stage reads in one text: its paragraphs, the province it is about, the
    unit whose letterhead it bears, each paragraph's context and its citations."""
    layout: Layout
    province: str | None
    author: str | None
    contexts: list[Context]
    citations: list[Citation]
    written: dict[int, str] = field(default_factory=dict)  # paragraphs given back their marks: as typed


def read_citations(source: Source, roster: Roster, registry: Registry) -> Reading:
    """The extract stage of one text: its citations, with their spans, dates, issuers and
    subjects, and what was read to find them."""
    text = source.text
    doc_layout = layout(text)
    written = _restore_marks(doc_layout, roster)
    province = roster.province_of(text)
    author = author_of(text, roster, province)
    if province is None and author:  # "TỈNH ỦY NGHỆ AN" on the letterhead, the province named nowhere else
        unit = roster.by_name(author)
        province = unit.province if unit else None
    ctxs = contexts(doc_layout, roster, province, author)
    cits = find(text, source.name, roster, registry, doc_layout, province, author, ctxs)
    for own in own_documents(cits, text, doc_layout):
        cits[own] = _letterhead_facts(cits[own], ctxs[cits[own].paragraph], text, doc_layout)
    if written:
        cits = [replace(c, sentence=_as_typed(c.sentence, written, doc_layout)) if c.paragraph in written else c
                for c in cits]
    return Reading(doc_layout, province, author, ctxs, cits, written)


def _restore_marks(doc_layout: Layout, roster: Roster) -> dict[int, str]:
    """Paragraphs typed without diacritics are read with the marks of the words the rules know put back
    ("Ke hoach so 47-KH/HU cua Huyen uy Tuan Giao" as "Kế hoạch số 47-KH/HU của Huyện ủy Tuần Giáo"); the
    text is as long as before, so spans and surfaces stay the written ones. Returns those paragraphs as typed."""
    written = {}
    for n, p in enumerate(doc_layout.paragraphs):
        if unmarked(p.text):
            written[n] = p.text
            p.text = with_marks(p.text, _names(roster))
    return written


@functools.cache
def _names(roster: Roster) -> tuple[str, ...]:
    """The place and province names a text without marks may be given back."""
    return tuple(dict.fromkeys((*roster.place_names(), *roster.provinces)))


def _as_typed(quote: str | None, written: dict[int, str], doc_layout: Layout) -> str | None:
    """A quote taken from a paragraph given back its marks, as the paragraph was typed."""
    for n, typed in written.items():
        at = doc_layout.paragraphs[n].text.find(quote) if quote else -1
        if at >= 0:
            return typed[at:at + len(quote)]
    return quote


def citations(source: Source, roster: Roster | None = None, registry: Registry | None = None) -> list[Citation]:
    """Every citation of one text (the extract stage alone: no relations, nothing resolved)."""
    return read_citations(source, roster or Roster.load(), registry or Registry.load()).citations


def analyse(source: Source, roster: Roster | None = None, registry: Registry | None = None,
            digest: str | None = None) -> TextFacts:
    """Everything one text says, before resolution: its citations and the relations it states.
    `digest`: the text's sha256, when the caller has computed it already."""
    roster, registry = roster or Roster.load(), registry or Registry.load()
    r = read_citations(source, roster, registry)
    statements = relate(source.name, r.citations, r.layout, roster, r.province, r.author, r.contexts, source.text)
    if r.written:
        statements = [replace(s, evidence=replace(s.evidence, text=_as_typed(s.evidence.text, r.written, r.layout)))
                      for s in statements]
    digest = digest or hashlib.sha256(source.text.encode("utf-8")).hexdigest()
    return TextFacts(source.name, digest, r.province, r.author, tuple(r.citations), tuple(statements), source.text,
                     footnotes(r.layout))


#: "Điện Biên Phủ, ngày 12 tháng 6 năm 2023", at a line's start or in its right-hand column
_LETTERHEAD_DATE = re.compile(r"(?:^|\s{3})[^\n,]{2,40},\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
                              re.MULTILINE)


def _letterhead_facts(c: Citation, context, text: str, doc_layout: Layout) -> Citation:
    """A number on a letterhead: its issuer is the letterhead's unit, its date the line
    "Điện Biên Phủ, ngày 12 tháng 6 năm 2023" printed beside it."""
    if c.issuer_unit is None and context.author:
        c = replace(c, issuer=context.author, issuer_unit=context.author)
    if c.date is None:
        lines = range(c.line, min(c.line + 4, len(doc_layout.line_starts)) + 1)
        window = "\n".join(doc_layout.line(text, n) for n in lines)
        m = _LETTERHEAD_DATE.search(window)
        if m:
            try:
                c = replace(c, date=date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat())
            except ValueError:
                pass
    return c


def footnotes(doc_layout) -> tuple[Footnote, ...]:
    """Each footnote marker linked to its body: which sentence carries footnote N."""
    out = []
    for marker, (p_index, pos) in sorted(doc_layout.refs.items(), key=lambda kv: int(kv[0])):
        body = doc_layout.footnotes.get(marker)
        if body is None:
            continue
        paragraph = doc_layout.paragraphs[p_index]
        out.append(Footnote(marker, doc_layout.line_of(p_index, pos),
                            doc_layout.locate(doc_layout.paragraphs[body].pieces[0][0])[0],
                            clause_at(paragraph.text, max(pos - 1, 0))))
    return tuple(out)


def ingest(paths: Iterable[str | Path], store: Store, roster: Roster | None = None,
           registry: Registry | None = None, *, jobs: int = 1) -> Report:
    """Read every file under `paths` into `store`; one bad file does not stop the batch.
    Texts are analysed by `jobs` processes; each text's facts are committed as it arrives,
    in the order of the files."""
    roster, registry = roster or Roster.load(), registry or Registry.load()
    report = Report()
    files = list(iter_paths(paths))
    fresh: dict[str, TextFacts] = {}  # what this batch stored, kept for the rebuild without its text
    for outcome in _analysed(files, store, roster, registry, jobs):
        if isinstance(outcome, DirectivesError):
            report.errors.append(str(outcome))
        elif outcome is None:
            report.unchanged += 1
        else:
            facts, encoded = outcome
            store.put_facts(facts, encoded)
            fresh[facts.file] = facts
            report.files += 1
    if report.files or store.stale():
        graph = rebuild(store, roster, registry, fresh)
        report.mentions, report.documents = len(graph.mentions), len(graph.documents)
    else:
        report.mentions = sum(1 for _ in store.mentions())
        report.documents = sum(1 for _ in store.documents())
    return report


#: below this many files a pool costs more than it saves
POOL_MIN_FILES = 16
#: texts submitted to the pool ahead of the one being stored, per process
IN_FLIGHT_PER_JOB = 8


def _analysed(files: list[Path], store: Store, roster: Roster, registry: Registry, jobs: int):
    """facts_of each file, in order: (its facts without the text, all of them encoded for the
    store), None (unchanged) or the error it raised."""
    known = [{path.name: store.file_hash(path.name)} for path in files]
    if jobs <= 1 or len(files) < POOL_MIN_FILES:
        for path, hashes in zip(files, known):
            yield _facts_or_error(path, hashes, roster, registry)
        return
    context = multiprocessing.get_context("spawn")  # no fork of a process that may run threads
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                             initargs=(roster, registry, os.getpid())) as pool:
        pending: deque = deque()
        for work in zip(files, known):
            pending.append(pool.submit(_worker_facts, *work))
            if len(pending) >= IN_FLIGHT_PER_JOB * jobs:  # memory holds a few texts per core, not the batch
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


_worker: dict = {}


def _start_worker(roster: Roster, registry: Registry, parent: int) -> None:
    _worker.update(roster=roster, registry=registry)
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: int) -> None:
    """A worker outlives a killed ingest only by a moment: it exits when its parent is gone."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _worker_facts(path: Path, hashes: dict):
    return _facts_or_error(path, hashes, _worker["roster"], _worker["registry"])


def _facts_or_error(path: Path, hashes: dict, roster: Roster, registry: Registry):
    try:
        facts = facts_of(path, hashes.get, roster, registry)
    except DirectivesError as e:
        return e
    if facts is None:
        return None
    plain = codec.to_dict(facts)
    encoded = json.dumps(plain, ensure_ascii=False)  # = codec.dumps(facts), done where it runs in parallel
    plain["text"] = ""  # resolution needs no text; equal strings become one object (sent, and kept, once)
    return codec.from_dict(TextFacts, plain), encoded


def facts_of(path: Path, known_hash, roster: Roster, registry: Registry) -> TextFacts | None:
    """Read and analyse one file; None when `known_hash(name)` says the store already has
    exactly this text. A plain-text file larger than `read.STREAM_ABOVE_BYTES` is streamed
    (`ingest.stream`: read and analysed in pieces, in bounded memory, its text not kept)."""
    from .read import streamed_format
    if streamed_format(path):
        from .stream import streamed_facts
        return streamed_facts(path, known_hash, roster, registry, analyse)
    source = read(path)
    digest = hashlib.sha256(source.text.encode("utf-8")).hexdigest()
    if known_hash(source.name) == digest:
        return None
    return analyse(source, roster, registry, digest)


def remove(file: str, store: Store, roster: Roster | None = None, registry: Registry | None = None) -> bool:
    removed = store.remove_facts(Path(file).name)
    if removed:
        rebuild(store, roster, registry)
    return removed


def rebuild(store: Store, roster: Roster | None = None, registry: Registry | None = None,
            known: dict[str, TextFacts] | None = None) -> Graph:
    """Resolve every text of `store` again and replace its graph. `known`: facts of some of its
    texts already in memory (those just stored), so they are not read back."""
    graph = build(_stored_facts(store, known or {}), roster or Roster.load(), registry or Registry.load())
    store.replace_graph(graph)
    return graph


def _stored_facts(store: Store, known: dict[str, TextFacts]) -> list[TextFacts]:
    """The facts of every text in `store`, without the texts themselves (resolution needs none)."""
    others = [f for f in store.files() if f not in known]
    if len(others) < len(known):  # mostly this batch: fetch the few others one by one
        stored = (store.facts(f) for f in others)
    else:
        stored = (t for t in store.all_facts() if t.file not in known)
    texts = [replace(t, text="") for t in stored if t is not None] + list(known.values())
    return sorted(texts, key=lambda t: t.file)


def build(texts: list[TextFacts], roster: Roster, registry: Registry) -> Graph:
    """Resolve the facts of all texts into documents, units, edges and mentions."""
    by_file = {t.file: t for t in texts}
    res = resolve({t.file: list(t.citations) for t in texts}, roster, registry)
    docs = {d.id: d for d in res.documents}
    units = _Units(roster)
    mentions = _mentions(by_file, res)
    edges: dict[tuple, Edge] = {}
    early: set[str] = set()  # documents dated before what they are said to implement

    def add(edge: Edge):
        edges.setdefault((edge.source, edge.target, edge.relation, edge.evidence.file, edge.evidence.line), edge)

    first_seen: dict[str, Citation] = {}
    for (file, i), ids in res.assigned.items():
        for doc_id in ids:
            first_seen.setdefault(doc_id, by_file[file].citations[i])
    issuer_of: dict[str, str] = {}  # document id -> its issuing unit's id
    for d in docs.values():
        if d.issuer_unit:
            unit = units.get(d.issuer_unit, d.province)
            issuer_of[d.id] = unit.id
            c = first_seen.get(d.id)
            add(Edge(unit.id, d.id, Relation.ISSUED, 0.9,
                     Evidence(c.file, c.line, c.sentence or c.surface) if c else Evidence("", 0, "")))
    for t in texts:
        for s in t.statements:
            targets = res.assigned.get((t.file, s.target), [])
            if isinstance(s.source, str):
                actor = units.get(s.source.removeprefix("unit:"), t.province)
                if actor.level is Level.CENTRAL and actor.id in units.roster.units:
                    continue  # the Politburo, the Secretariat ... issue directives: no report has them carry one out
                sources = [actor.id]
            else:
                sources = res.assigned.get((t.file, s.source), [])
            for src in sources:
                for tgt in targets:
                    if src == tgt or isinstance(s.source, str) and issuer_of.get(tgt) == src:
                        continue  # nothing relates to itself; a unit does not carry out its own document
                    confidence = s.confidence
                    lag = _lag_days(docs.get(src), docs.get(tgt), s.relation)
                    if lag > MAX_EARLY_DAYS:
                        continue
                    if lag:
                        confidence = round(confidence / 2, 2)  # kept, and reported as a date conflict
                        early.add(src)
                    add(Edge(src, tgt, s.relation, confidence, s.evidence))
    docs = _with_issuer_ids(docs, units, early)
    return Graph(tuple(docs.values()), tuple(units.all()), _strongest(edges.values()), tuple(mentions))


def _strongest(edges) -> tuple[Edge, ...]:
    """A pair linked by a named relation (implements, inspects ...) is not also merely `cites`."""
    named = {(e.source, e.target) for e in edges if e.relation not in (Relation.CITES, Relation.ISSUED)}
    return tuple(e for e in edges if e.relation is not Relation.CITES or (e.source, e.target) not in named)


def _lag_days(src: Document | None, tgt: Document | None, relation: Relation) -> int:
    """How many days a document predates what it is said to carry out (0 when it does not).
    A few weeks is a typo in a date; years mean the text was misread."""
    if relation not in (Relation.IMPLEMENTS, Relation.CONTINUES, Relation.INSPECTS) or not src or not tgt:
        return 0
    if not (src.date and tgt.date and src.date < tgt.date):
        return 0
    return (date.fromisoformat(tgt.date) - date.fromisoformat(src.date)).days


def _mentions(by_file: dict[str, TextFacts], res) -> list[Mention]:
    out = []
    for file, t in by_file.items():
        for i, c in enumerate(t.citations):
            ids = res.assigned.get((file, i), [])
            how = res.how.get((file, i), "unresolved")
            candidates = tuple(res.candidates.get((file, i), ()))
            for doc in ids or [None]:
                out.append(Mention(file, c.line, c.col, c.start, c.end, c.surface, doc, c.kind, how, candidates))
    return out


def _with_issuer_ids(docs: dict[str, Document], units: "_Units", early: set[str]) -> dict[str, Document]:
    return {i: replace(d, issuer_unit=units.get(d.issuer_unit, d.province).id if d.issuer_unit else None,
                       flags=d.flags + (("dated-before-target",) if i in early else ()))
            for i, d in docs.items()}


class _Units:
    """Units met while building: from the roster, or made up for names it lacks. A made-up unit
    is one per accent-free name and province ("Đảng ủy xã Quài Tở", "Đảng ủy xã Quài Tờ"), named
    as the texts spell it most often."""

    def __init__(self, roster: Roster):
        self.roster = roster
        self._used: dict[str, Unit] = {}
        self._spellings: dict[str, Counter] = {}  # made-up unit id -> how often each name was met

    def get(self, name: str, province: str | None) -> Unit:
        unit = self.roster.by_name(name)
        if unit is None:
            m = self.roster.match(name, province)
            unit = m.unit if m else _adhoc(name, province)
        self._used.setdefault(unit.id, unit)
        if unit.id not in self.roster.units:
            self._spellings.setdefault(unit.id, Counter())[name] += 1
        if unit.parent and unit.parent in self.roster.units:
            self._used.setdefault(unit.parent, self.roster.units[unit.parent])
        return unit

    def all(self) -> list[Unit]:
        return [replace(u, name=_best_spelling(self._spellings[i])) if i in self._spellings else u
                for i, u in self._used.items()]


def _best_spelling(spellings: Counter) -> str:
    """The spelling of a made-up unit's name: the one with the most diacritics ("Huổi Lèng" over "Huổi Leng",
    marks get lost far more often than added), then the most often met."""
    return max(spellings, key=lambda name: (_marks(name), spellings[name]))


def _marks(name: str) -> int:
    return sum(1 for ch in unicodedata.normalize("NFD", name) if unicodedata.combining(ch))


def _adhoc(name: str, province: str | None) -> Unit:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    prov = re.sub(r"[^a-z0-9]+", "-", fold(province)).strip("-") if province else "tw"
    level = Level.CENTRAL if name == CENTRAL or not province else (
        Level.DISTRICT if re.match(r"(Huyện|Thị|Thành) ủy", name) else
        Level.COMMUNE if re.match(r"Đảng ủy (xã|phường|thị trấn)", name) else Level.AGENCY)
    return Unit(id=f"{prov}/{slug}", name=name, level=level, province=province, kind="party")
