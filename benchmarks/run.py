"""The benchmark: one JSON line per figure on stdout, progress on stderr.

    python -m benchmarks.run --sizes 10000 100000 [--work DIR] [--seed 1] [--units roster]

For each size it generates a corpus (benchmarks.generate; reused when WORK already holds one
made with the same options) and measures, each next to a baseline measured in the same run:

  extraction   MB/s of text and mentions/s through `ingest.pipeline.analyse` (read, layout,
               province, letterhead, citations, relations), one core; then the extract stage alone
               (`ingest.pipeline.citations`) on the same texts; baseline: one plain `re`
               scan for r"\\d+-[A-Z]+/[A-Z]+" over the same text
  ingest       `ingest.pipeline.ingest` into a fresh EmbeddedStore, end to end: seconds,
               documents/s, files/s, peak RSS, and the time of each phase; baseline: read +
               sha256 + one SQLite row per file (what a store costs without any analysis)
  resolution   `ingest.resolve.resolve` on growing subsets of the stored citations: µs per
               mention and mentions/s as the number of canonical documents grows; baseline:
               grouping the same citations by an exact key (type, number, code)
  store load   open the store read-only and answer a first question (nothing is loaded whole), peak
               RSS of that process; baseline: fetching the same rows with sqlite3 alone
  queries      p50/p95/p99 of `graph.queries.implementers` (direct, transitive) on the
               most-implemented directives, `coverage`, document detail (store.document +
               edges_to/from, and `queries.document_detail`), `search`; baseline: the bare
               SQL statement underneath (the edges to a node, a document row), a substring scan of the ids
  accuracy     `cli.evaluate.evaluate` on the generated gold: mention F1, B-cubed F1, edges R/P,
               implementer queries R/P; baselines: the plain regex as the extractor (mention
               F1) and exact-key clustering (B-cubed F1)

Every line: {"figure", "size", "value", "unit", "baseline", "baseline_unit", "target", "ok", ...}.
`ok` is null where the issue sets no target. Heavy steps run in child processes (`--child`),
so each has its own peak RSS and a hard time limit (`--timeout`); a step that runs out of time
prints its figure with "value": null and "note": "timeout".
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAIN_RE = re.compile(r"\d+-[A-Z]+/[A-Z]+")
MB = 1_000_000

# targets of the issue (this machine, 2 cores); sizes they apply to: None = every size
TARGETS = {
    "extraction_mb_s": (10.0, ">=", None),
    "resolution_mentions_s": (5000.0, ">=", None),  # the issue: at 1M canonical documents, 2 cores
    "ingest_seconds": ({100_000: 120.0, 1_000_000: 1200.0}, "<=", None),
    "ingest_peak_rss_mb": ({1_000_000: 8192.0}, "<=", None),
    "implementers_direct_p95_ms": (10.0, "<=", None),
    "implementers_transitive_p95_ms": (50.0, "<=", None),
    "search_p95_ms": (50.0, "<=", None),
    "accuracy_mention_f1": (0.97, ">=", None),
}


def log(*a) -> None:
    print(*a, file=sys.stderr, flush=True)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if p.suffix == ".txt")


# --- children: one measurement each, JSON on the last stdout line --------------------------------

def child_extract(a: dict) -> dict:
    from ingest.pipeline import analyse
    from ingest.read import read
    from ingest.registry import Registry
    from ingest.units import Roster
    roster, registry = Roster.load(), Registry.load()
    files = corpus_files(Path(a["corpus"]))
    random.Random(7).shuffle(files)
    budget, max_bytes = a.get("seconds", 60), a.get("max_bytes", 40 * MB)
    nbytes = mentions = n = 0
    texts: list[str] = []
    t0 = time.perf_counter()
    for path in files:
        src = read(path)
        facts = analyse(src, roster, registry)
        mentions += len(facts.citations)
        nbytes += len(src.text.encode("utf-8"))
        texts.append(src.text)
        n += 1
        if time.perf_counter() - t0 > budget or nbytes > max_bytes:
            break
    dt = time.perf_counter() - t0
    # the same texts, the extract stage alone (layout, contexts, citations; no relations)
    from ingest.pipeline import citations
    from ingest.read import Source
    t1 = time.perf_counter()
    for text in texts:
        citations(Source("x.txt", text, "txt"), roster, registry)
    dt_find = time.perf_counter() - t1
    t2 = time.perf_counter()
    matches = 0
    for text in texts:
        matches += sum(1 for _ in PLAIN_RE.finditer(text))
    dt_re = time.perf_counter() - t2
    return {"files": n, "bytes": nbytes, "mentions": mentions, "seconds": dt, "find_seconds": dt_find,
            "re_seconds": dt_re, "re_matches": matches}


def child_ingest(a: dict) -> dict:
    import hashlib
    import ingest.pipeline as pl
    from graph.embedded import EmbeddedStore
    store_dir = Path(a["store"])
    phases = {"analyse": 0.0, "put_facts": 0.0, "all_facts": 0.0, "resolve": 0.0, "build": 0.0,
              "replace_graph": 0.0, "other": 0.0}

    def timed(name, fn):
        def wrapper(*args, **kw):
            t = time.perf_counter()
            try:
                return fn(*args, **kw)
            finally:
                phases[name] += time.perf_counter() - t
        return wrapper

    # instrumentation lives in this process only: the pipeline's own functions, wrapped
    pl._analysed = _timed_iter(phases, "analyse", pl._analysed)  # wall time waiting for the analysers
    pl.resolve = timed("resolve", pl.resolve)
    pl.build = timed("build", pl.build)
    EmbeddedStore.put_facts = timed("put_facts", EmbeddedStore.put_facts)
    EmbeddedStore.all_facts = _timed_iter(phases, "all_facts", EmbeddedStore.all_facts)
    EmbeddedStore.replace_graph = timed("replace_graph", EmbeddedStore.replace_graph)
    store = EmbeddedStore(store_dir)
    t0 = time.perf_counter()
    jobs = a.get("jobs") or os.cpu_count() or 1
    report = pl.ingest([a["corpus"]], store, jobs=jobs)
    dt = time.perf_counter() - t0
    phases["build"] -= phases["resolve"]  # build() calls resolve()
    phases["other"] = dt - sum(v for k, v in phases.items() if k != "other")  # read, hashes, final counts
    out = {"seconds": dt, "files": report.files, "mentions": report.mentions, "documents": report.documents,
           "errors": len(report.errors), "rss_mb": rss_mb(), "phases": phases, "jobs": jobs,
           "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}
    store.close()
    # baseline in a second store: read + sha256 + one row per file, one transaction each
    import sqlite3
    base = store_dir.parent / (store_dir.name + "-baseline.sqlite")
    base.unlink(missing_ok=True)
    db = sqlite3.connect(base)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE texts (file TEXT PRIMARY KEY, sha256 TEXT, text TEXT)")
    from ingest.read import read
    t1 = time.perf_counter()
    for path in corpus_files(Path(a["corpus"])):
        text = read(path).text
        with db:
            db.execute("INSERT INTO texts VALUES (?, ?, ?)",
                       (path.name, hashlib.sha256(text.encode()).hexdigest(), text))
    out["baseline_seconds"] = time.perf_counter() - t1
    db.close()
    base.unlink(missing_ok=True)
    return out


def _timed_iter(phases, name, fn):
    def wrapper(*args, **kw):
        it = fn(*args, **kw)
        while True:
            t = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                phases[name] += time.perf_counter() - t
                return
            phases[name] += time.perf_counter() - t
            yield item
    return wrapper


def child_resolve(a: dict) -> dict:
    from graph.embedded import EmbeddedStore
    from ingest.registry import Registry, code_key
    from ingest.resolve import resolve
    from ingest.units import Roster
    roster, registry = Roster.load(), Registry.load()
    if a.get("store") and (Path(a["store"]) / "directives.sqlite").exists():
        store = EmbeddedStore(a["store"], readonly=True)
        texts = {f.file: list(f.citations) for f in store.all_facts()}
    else:  # no store (the ingest ran out of time): the citations straight from the texts
        from ingest.pipeline import analyse
        from ingest.read import read
        texts = {}
        for path in corpus_files(Path(a["corpus"])):
            facts = analyse(read(path), roster, registry)
            texts[facts.file] = list(facts.citations)
    files = sorted(texts)
    random.Random(11).shuffle(files)
    points = []
    budget = a.get("seconds", 300)
    t_start = time.perf_counter()
    for frac in (0.125, 0.25, 0.5, 1.0):
        subset = {f: texts[f] for f in files[:max(1, int(len(files) * frac))]}
        n = sum(len(v) for v in subset.values())
        t = time.perf_counter()
        res = resolve(subset, roster, registry)
        dt = time.perf_counter() - t
        t = time.perf_counter()
        groups: dict[tuple, int] = {}
        for cits in subset.values():
            for c in cits:
                k = (c.type, (c.number or "").lstrip("0"), code_key(c.code) if c.code else c.name)
                groups[k] = groups.get(k, 0) + 1
        dt_base = time.perf_counter() - t
        points.append({"fraction": frac, "files": len(subset), "mentions": n, "documents": len(res.documents),
                       "seconds": dt, "baseline_seconds": dt_base, "baseline_groups": len(groups)})
        log(f"    resolve {frac:>5}: {n} mentions -> {len(res.documents)} documents in {dt:.2f}s")
        if time.perf_counter() - t_start > budget:
            break
    return {"points": points, "rss_mb": rss_mb()}


def child_queries(a: dict) -> dict:
    import sqlite3
    from graph import queries as Q
    from graph.embedded import DB_NAME, EmbeddedStore
    from ingest.units import Roster
    out: dict = {}
    path = Path(a["store"]) / DB_NAME
    t0 = time.perf_counter()
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = db.execute("SELECT id, row FROM documents").fetchall()
    rows += db.execute("SELECT id, row FROM units").fetchall()
    rows += db.execute("SELECT source, target, relation FROM edges").fetchall()
    out["baseline_load_seconds"] = time.perf_counter() - t0
    del rows
    t0 = time.perf_counter()
    store = EmbeddedStore(a["store"], readonly=True)
    any_doc = store.db.execute("SELECT id FROM documents LIMIT 1").fetchone()[0]
    Q.implementers(store, any_doc)
    out["load_seconds"] = time.perf_counter() - t0  # open and a first answer: nothing is loaded whole
    out["rss_after_load_mb"] = rss_mb()
    top = [r[0] for r in db.execute(
        "SELECT target FROM edges WHERE relation IN ('implements', 'guides') GROUP BY target "
        "ORDER BY count(*) DESC, target LIMIT ?", (a.get("directives", 50),))]
    out["directives"] = len(top)
    out["top_in_degree"] = db.execute("SELECT count(*) FROM edges WHERE target = ? AND relation IN "
                                      "('implements', 'guides')", (top[0],)).fetchone()[0] if top else 0
    budget = a.get("seconds", 20)

    def lat(fn, args, reps=3):
        xs = []
        t_end = time.perf_counter() + budget
        for _ in range(reps):
            for x in args:
                t = time.perf_counter()
                fn(x)
                xs.append((time.perf_counter() - t) * 1000)
                if time.perf_counter() > t_end:
                    return xs
        return xs

    def summary(xs):
        return {"n": len(xs), "p50": pct(xs, .5), "p95": pct(xs, .95), "p99": pct(xs, .99)}

    for name, transitive in (("implementers_direct", False), ("implementers_transitive", True)):
        xs = lat(lambda d: Q.implementers(store, d, transitive=transitive), top)
        out[name], out[name + "_first_pass"] = summary(xs), summary(xs[:len(top)])  # first: nothing remembered
    out["baseline_in_edges"] = summary(lat(lambda d: db.execute(
        "SELECT source, relation FROM edges WHERE target = ?", (d,)).fetchall(), top))
    rng = random.Random(5)
    docs = [r[0] for r in db.execute("SELECT id FROM documents ORDER BY id")]
    sample = rng.sample(docs, min(200, len(docs)))
    out["detail"] = summary(lat(lambda d: (store.document(d), store.edges_to(d), store.edges_from(d)), sample))
    out["baseline_node"] = summary(lat(lambda d: db.execute("SELECT row FROM documents WHERE id = ?",
                                                            (d,)).fetchone(), sample))
    units = list(Roster.load().units.values())
    t = time.perf_counter()
    Q.coverage(store, top[0], units) if top else None
    out["index_build_seconds"] = time.perf_counter() - t  # the first coverage question
    out["coverage"] = summary(lat(lambda d: Q.coverage(store, d, units), top[:20], reps=2))
    t = time.perf_counter()
    Q.document_detail(store, sample[0])
    out["mentions_load_seconds"] = time.perf_counter() - t  # the first detail question
    out["detail_full"] = summary(lat(lambda d: Q.document_detail(store, d), sample))
    if hasattr(Q, "search"):
        qs = []
        for d in sample[:40]:
            doc = store.document(d)
            qs.append(f"{doc.type} {doc.number}" if doc.number else doc.type)
            if doc.number and doc.code:
                qs.append(f"{doc.number}-{doc.code}")
        qs += ["chuyển đổi số", "Huyện ủy Mường Ảng", "Tỉnh ủy Lai Châu", "giáo dục chính trị", "Chỉ thị 05"]
        out["search"] = summary(lat(lambda q: Q.search(store, q, units), qs, reps=1))
        ids = docs
        out["baseline_search"] = summary(lat(lambda q: [i for i in ids if q.lower() in i], qs, reps=1))
    out["rss_mb"] = rss_mb()
    return out


def child_accuracy(a: dict) -> dict:
    from cli.evaluate import _bcubed, _corpus_lines, _f1, _load_gold, _match_mentions, evaluate
    t = time.perf_counter()
    r = evaluate(a["gold"], a["corpus"], a["store"])
    r["queries"].pop("rows", None)
    r["seconds"] = time.perf_counter() - t
    # baselines: the plain regex as an extractor; clusters by the exact code it matched
    g = _load_gold(Path(a["gold"]))
    lines = _corpus_lines(Path(a["corpus"]))
    pred = []
    for file, ls in lines.items():
        for i, line in enumerate(ls, 1):
            for m in PLAIN_RE.finditer(line):
                pred.append({"file": file, "line": i, "surface": m.group(0), "col": m.start()})
    pairs = _match_mentions(g["mentions"], pred, lines)
    tp = len(pairs)
    p = tp / len(pred) if pred else 0.0
    rec = tp / len(g["mentions"]) if g["mentions"] else 0.0
    r["baseline_mention_f1"] = round(_f1(p, rec), 4)
    g_of = {pi: g["mentions"][gi]["doc"] for gi, pi in pairs}
    p_of = {pi: pred[pi]["surface"] for gi, pi in pairs}
    r["baseline_b3"] = _bcubed(g_of, p_of)
    r["rss_mb"] = rss_mb()
    return r


def child_accuracy_lean(a: dict) -> dict:
    """Mention F1 and B³ only, file by file (the full evaluation holds the whole export, gold and
    corpus as dicts: tens of GB at 1M documents). Same matching and formulas as `cli.evaluate`."""
    from collections import defaultdict
    from cli.evaluate import _bcubed, _f1, _match_mentions
    from graph.embedded import EmbeddedStore
    from ingest.read import read
    t = time.perf_counter()
    gold_by_file: dict[str, list] = defaultdict(list)
    with open(Path(a["gold"]) / "mentions.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                m = json.loads(line)
                gold_by_file[m["file"]].append({"file": m["file"], "line": m["line"], "surface": m["surface"],
                                                "doc": m["doc"]})
    store = EmbeddedStore(a["store"], readonly=True)
    g_of, p_of, n_gold, n_pred, tp = {}, {}, 0, 0, 0
    for path in corpus_files(Path(a["corpus"])):
        lines = {path.name: read(path).text.splitlines()}
        golds = gold_by_file.pop(path.name, [])
        preds = [{"file": m.file, "line": m.line, "surface": m.surface, "col": m.col, "document": m.document}
                 for m in store.mentions(path.name)]
        for gi, pi in _match_mentions(golds, preds, lines):
            key = (path.name, pi)
            g_of[key], p_of[key] = golds[gi]["doc"], preds[pi]["document"]
            tp += 1
        n_gold, n_pred = n_gold + len(golds), n_pred + len(preds)
    n_gold += sum(len(v) for v in gold_by_file.values())  # gold of files the corpus lacks: all missed
    mp, mr = (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)
    return {"mentions": {"gold": n_gold, "pred": n_pred, "tp": tp, "P": round(mp, 4), "R": round(mr, 4),
                         "F1": round(_f1(mp, mr), 4)},
            "resolution_b3": _bcubed(g_of, p_of), "seconds": time.perf_counter() - t, "rss_mb": rss_mb()}


CHILDREN = {"extract": child_extract, "ingest": child_ingest, "resolve": child_resolve, "queries": child_queries,
            "accuracy": child_accuracy, "accuracy_lean": child_accuracy_lean}
#: from this many documents on, accuracy is the lean, file-by-file evaluation (mentions and B³)
LEAN_ACCURACY_FROM = 500_000


def run_child(task: str, args: dict, timeout: float) -> dict | None:
    """Run one measurement in a child process; None when it ran out of time or failed."""
    cmd = [sys.executable, "-m", "benchmarks.run", "--child", task, "--args", json.dumps(args)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=None, text=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()  # the child this run started, by its handle
        proc.communicate()
        log(f"  {task}: timeout after {timeout:.0f}s")
        return None
    if proc.returncode != 0:
        log(f"  {task}: failed (exit {proc.returncode})")
        return None
    return json.loads(out.strip().splitlines()[-1])


# --- figures ---------------------------------------------------------------------------------------

def target_of(name: str, size: int):
    t = TARGETS.get(name)
    if t is None:
        return None, None
    value, op, _ = t
    if isinstance(value, dict):
        value = value.get(size)
    return value, op


def emit(name: str, size: int, value, unit: str, baseline=None, baseline_unit: str | None = None, **extra):
    target, op = target_of(name, size)
    ok = None
    if target is not None and value is not None:
        ok = value >= target if op == ">=" else value <= target
    row = {"figure": name, "size": size, "value": _round(value), "unit": unit, "baseline": _round(baseline),
           "baseline_unit": baseline_unit, "target": target, "ok": ok}
    row.update({k: _round(v) for k, v in extra.items()})
    print(json.dumps(row, ensure_ascii=False), flush=True)


def _round(v):
    if isinstance(v, float):
        return round(v, 4 if abs(v) < 10 else 1)
    if isinstance(v, dict):
        return {k: _round(x) for k, x in v.items()}
    return v


def ensure_corpus(work: Path, size: int, seed: int, units: str) -> Path:
    from .generate import generate
    out = work / f"corpus-{units}-{size}-s{seed}"
    manifest = out / "manifest.json"
    if manifest.exists():
        m = json.loads(manifest.read_text(encoding="utf-8"))
        if m.get("documents_requested") == size and m.get("seed") == seed and m.get("units") == units:
            log(f"  reusing {out}")
            return out
    log(f"  generating {size} documents ({units}) into {out}")
    generate(out, size, seed, units)
    return out


def code_version() -> dict:
    """Which code was measured: the commit (when ROOT is a checkout) and a hash of the measured
    sources, so figures stay attributable while the tree moves."""
    import hashlib
    h = hashlib.sha256()
    for folder in ("ingest", "graph", "cli"):
        for path in sorted((ROOT / folder).glob("*.py")):
            h.update(path.name.encode() + b"\0" + path.read_bytes())
    out = {"sources_sha256": h.hexdigest()[:16]}
    stamp = ROOT / "SNAPSHOT"
    if stamp.exists():
        out["snapshot_of"] = stamp.read_text(encoding="utf-8").strip()
    try:
        rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, timeout=10)
        if rev.returncode == 0:
            out["commit"] = rev.stdout.strip()
            st = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "ingest", "graph", "cli"],
                                capture_output=True, text=True, timeout=10)
            out["dirty"] = bool(st.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    return out


def bench_size(size: int, a) -> None:
    work = Path(a.work)
    for units in a.units:
        log(f"== size {size}, units {units}")
        out = ensure_corpus(work, size, a.seed, units)
        m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        common = {"units": units}
        emit("corpus", size, m["files"], "files", None, None, mb=m["bytes"] / MB, mentions=m["mentions"],
             documents=m["documents"], generate_seconds=m["seconds"], code=code_version(), **common)
        corpus, gold = out / "corpus", out / "gold"
        store = work / f"store-{units}-{size}-s{a.seed}"
        if "extract" in a.steps:
            log("  extraction")
            r = run_child("extract", {"corpus": str(corpus), "seconds": a.extract_seconds}, a.timeout)
            if r:
                mbs, re_mbs = r["bytes"] / MB / r["seconds"], r["bytes"] / MB / r["re_seconds"]
                emit("extraction_mb_s", size, mbs, "MB/s", re_mbs, "MB/s (plain re)", sample_mb=r["bytes"] / MB,
                     **common)
                emit("extraction_mentions_s", size, r["mentions"] / r["seconds"], "mentions/s",
                     r["re_matches"] / r["re_seconds"], "matches/s (plain re)", **common)
                emit("extraction_stage_mb_s", size, r["bytes"] / MB / r["find_seconds"], "MB/s", re_mbs,
                     "MB/s (plain re)", note="the extract stage alone (ingest.pipeline.citations), on texts "
                     "already read, second pass (caches warm)", **common)
        if "ingest" in a.steps:
            log("  ingest")
            _clear_store(store)
            r = run_child("ingest", {"corpus": str(corpus), "store": str(store)}, a.ingest_timeout)
            if r is None:
                emit("ingest_seconds", size, None, "s", None, "s (read+sha256+sqlite row)", note="timeout",
                     limit_s=a.ingest_timeout, **common)
                _clear_store(store)
            else:
                emit("ingest_seconds", size, r["seconds"], "s", r["baseline_seconds"], "s (read+sha256+sqlite row)",
                     files=r["files"], mentions=r["mentions"], documents=r["documents"], **common)
                emit("ingest_documents_s", size, r["documents"] / r["seconds"], "canonical documents/s",
                     r["documents"] / r["baseline_seconds"], "documents/s (read+sha256+sqlite row)", **common)
                emit("ingest_files_s", size, r["files"] / r["seconds"], "files/s", r["files"] / r["baseline_seconds"],
                     "files/s (read+sha256+sqlite row)", **common)
                emit("ingest_peak_rss_mb", size, r["rss_mb"], "MB", None, None, **common)
                total = r["seconds"]
                emit("ingest_phases", size, total, "s", None, None,
                     **{f"{k}_s": v for k, v in r["phases"].items()},
                     **{f"{k}_share": v / total for k, v in r["phases"].items()}, **common)
        have_store = (store / "directives.sqlite").exists()
        if "resolve" in a.steps:
            log("  resolution")
            r = run_child("resolve", {"store": str(store), "corpus": str(corpus), "seconds": a.resolve_seconds},
                          a.timeout)
            for p in (r or {}).get("points", []):
                emit("resolution_mentions_s", size, p["mentions"] / p["seconds"], "mentions/s",
                     p["mentions"] / p["baseline_seconds"], "mentions/s (exact-key grouping)",
                     us_per_mention=1e6 * p["seconds"] / p["mentions"], canonical_documents=p["documents"],
                     mentions=p["mentions"], fraction=p["fraction"],
                     note="target applies at 1M canonical documents, 2 cores" if p["documents"] < 1e6 else None,
                     **common)
        if "queries" in a.steps and have_store:
            log("  store load and queries")
            r = run_child("queries", {"store": str(store), "seconds": a.query_seconds}, a.timeout)
            if r:
                emit("store_load_seconds", size, r["load_seconds"], "s", r["baseline_load_seconds"],
                     "s (sqlite3 fetch of the same rows)", note="open read-only and answer a first question",
                     **common)
                emit("store_peak_rss_mb", size, r["rss_after_load_mb"], "MB", None, None, **common)
                base = r["baseline_in_edges"]
                for name in ("implementers_direct", "implementers_transitive"):
                    q = r[name]
                    emit(f"{name}_p95_ms", size, q["p95"], "ms", base["p95"], "ms (SQL: the edges to the node)",
                         p50=q["p50"], p99=q["p99"], n=q["n"], directives=r["directives"],
                         top_in_degree=r["top_in_degree"], first_pass_p95=r[name + "_first_pass"]["p95"], **common)
                q = r["coverage"]
                emit("coverage_p95_ms", size, q["p95"], "ms", base["p95"], "ms (SQL: the edges to the node)", p50=q["p50"],
                     p99=q["p99"], n=q["n"], index_build_s=r["index_build_seconds"], **common)
                q, b = r["detail"], r["baseline_node"]
                emit("document_detail_p95_ms", size, q["p95"], "ms", b["p95"], "ms (SQL: the document row)",
                     p50=q["p50"], p99=q["p99"], n=q["n"], note="store.document + edges_to + edges_from", **common)
                q = r["detail_full"]
                emit("document_detail_full_p95_ms", size, q["p95"], "ms", b["p95"], "ms (SQL: the document row)",
                     p50=q["p50"], p99=q["p99"], n=q["n"], mentions_load_s=r["mentions_load_seconds"],
                     note="graph.queries.document_detail (mentions, sentences)", **common)
                if "search" in r:
                    q, b = r["search"], r["baseline_search"]
                    emit("search_p95_ms", size, q["p95"], "ms", b["p95"], "ms (substring scan of ids)", p50=q["p50"],
                         p99=q["p99"], n=q["n"], **common)
                else:
                    emit("search_p95_ms", size, None, "ms", None, None, note="graph.queries.search not found",
                         **common)
        if "accuracy" in a.steps and have_store:
            log("  accuracy")
            lean = size >= LEAN_ACCURACY_FROM
            r = run_child("accuracy_lean" if lean else "accuracy",
                          {"gold": str(gold), "corpus": str(corpus), "store": str(store)}, a.ingest_timeout)
            if r and lean:
                mt, b3 = r["mentions"], r["resolution_b3"]
                emit("accuracy_mention_f1", size, mt["F1"], "F1", None, None, P=mt["P"], R=mt["R"], gold=mt["gold"],
                     note="lean evaluation: mentions and B³ only", **common)
                emit("accuracy_b3_f1", size, b3["F1"], "F1", None, None, P=b3["P"], R=b3["R"], **common)
            elif r:
                mt, b3, e, q = r["mentions"], r["resolution_b3"], r["edges"], r["queries"]
                emit("accuracy_mention_f1", size, mt["F1"], "F1", r["baseline_mention_f1"], "F1 (plain re)",
                     P=mt["P"], R=mt["R"], gold=mt["gold"], **common)
                emit("accuracy_b3_f1", size, b3["F1"], "F1", r["baseline_b3"]["F1"], "F1 (exact-code clusters)",
                     P=b3["P"], R=b3["R"], **common)
                emit("accuracy_edges_r", size, e["R_any_relation"], "recall", None, None,
                     R_same_relation=e["R_same_relation"], gold=e["gold"], **common)
                emit("accuracy_edges_p", size, e["P_on_mapped"], "precision", None, None, pred=e["pred"], **common)
                emit("accuracy_queries_r", size, q["R"], "recall", None, None, expected=q["expected"], **common)
                emit("accuracy_queries_p", size, q["P"], "precision", None, None, returned=q["returned"], **common)
                emit("accuracy_attributes", size, None, "correct/gold", None, None,
                     **{f"attr_{k}": v for k, v in r["attributes"].items()}, **common)
        if not a.keep:
            _clear_store(store)


def _clear_store(store: Path) -> None:
    import shutil
    if store.exists():
        shutil.rmtree(store)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    ap.add_argument("--work", default=os.environ.get("BENCH_WORK", "/tmp/directives-bench"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--units", nargs="+", choices=("roster", "full"), default=["roster"],
                    help="roster: every unit is in data/units.json (accuracy is meaningful); full: synthetic "
                         "districts, communes and agencies for the 60 provinces the roster does not detail")
    ap.add_argument("--steps", nargs="+", default=["extract", "ingest", "resolve", "queries", "accuracy"])
    ap.add_argument("--timeout", type=float, default=900, help="seconds for each child but ingest")
    ap.add_argument("--ingest-timeout", type=float, default=1800)
    ap.add_argument("--extract-seconds", type=float, default=60)
    ap.add_argument("--resolve-seconds", type=float, default=300)
    ap.add_argument("--query-seconds", type=float, default=20)
    ap.add_argument("--keep", action="store_true", help="keep the stores in WORK")
    ap.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    ap.add_argument("--args", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        print(json.dumps(CHILDREN[a.child](json.loads(a.args or "{}")), ensure_ascii=False))
        return 0
    Path(a.work).mkdir(parents=True, exist_ok=True)
    for size in a.sizes:
        bench_size(size, a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
