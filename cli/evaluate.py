"""`directives evaluate`: the scores of the gold format (gold/SCHEMA.md), computed
the way the project's scorer computes them, on a fresh store of the corpus."""
from __future__ import annotations

import collections
import json
import os
import re
import unicodedata
from pathlib import Path

from rapidfuzz import fuzz

from graph import queries
from graph.embedded import EmbeddedStore
from ingest.pipeline import ingest

DOC_RELATIONS = {"implements", "continues", "inspects", "guides", "amends", "cites"}


def evaluate(gold: str, corpus: str, store_dir: str) -> dict:
    store = EmbeddedStore(store_dir)
    ingest([corpus], store)
    pred = list(queries.export_rows(store))
    g = _load_gold(Path(gold))
    lines = _corpus_lines(Path(corpus))
    p_docs = {d["id"]: d for d in pred if d["kind"] == "document"}
    p_ments = [m for m in pred if m["kind"] == "mention"]
    p_edges = [e for e in pred if e["kind"] == "edge"]
    pairs = _match_mentions(g["mentions"], p_ments, lines)
    g_of = {pi: g["mentions"][gi]["doc"] for gi, pi in pairs}
    p_of = {pi: p_ments[pi].get("document") for gi, pi in pairs}
    votes = collections.defaultdict(collections.Counter)
    for pi in g_of:
        votes[g_of[pi]][p_of[pi]] += 1
    gmap = {gk: c.most_common(1)[0][0] for gk, c in votes.items()}
    tp = len(pairs)
    mp = tp / len(p_ments) if p_ments else 0.0
    mr = tp / len(g["mentions"]) if g["mentions"] else 0.0
    return {
        "mentions": {"gold": len(g["mentions"]), "pred": len(p_ments), "tp": tp,
                     "P": round(mp, 4), "R": round(mr, 4), "F1": round(_f1(mp, mr), 4)},
        "resolution_b3": _bcubed(g_of, p_of),
        "documents": {"gold": len(g["documents"]), "mapped": len(gmap), "pred": len(p_docs)},
        "attributes": _attributes(g["documents"], p_docs, gmap),
        "edges": _edges(g["edges"], p_edges, gmap),
        "queries": _queries(store, g["queries"], gmap),
        **({"queries_transitive": _queries(store, g["queries_transitive"], gmap, transitive=True)}
           if g["queries_transitive"] else {}),
    }


def _nfc(s):
    return unicodedata.normalize("NFC", s or "")


def _f1(p, r):
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _load_gold(folder: Path) -> dict:
    def jsonl(name):
        path = folder / name
        if not path.exists():
            return []
        return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    def listed(name):
        path = folder / name
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    return {"documents": {d["key"]: d for d in jsonl("documents.jsonl")}, "mentions": jsonl("mentions.jsonl"),
            "edges": jsonl("edges.jsonl"), "queries": listed("queries.json"),
            "queries_transitive": listed("queries_transitive.json")}  # (units reached through chains of plans too)


def _corpus_lines(folder: Path) -> dict:
    from ingest.read import iter_paths, read
    from graph.errors import DirectivesError
    out = {}
    for path in iter_paths([folder]):
        try:
            out[path.name] = read(path).text.splitlines()
        except DirectivesError:
            pass
    return out


def _spans(lines, file, line, surface, col=None):
    text = lines.get(file, [])
    t = text[line - 1] if 0 < line <= len(text) else ""
    s = _nfc(surface)
    if col is not None and t[col:col + len(s)] == s:
        return [(col, col + len(s))]
    out, i = [], t.find(s)
    while i >= 0 and s:
        out.append((i, i + len(s)))
        i = t.find(s, i + 1)
    return out or [(-1, -1)]


def _match_mentions(g_ments, p_ments, lines):
    by_line = collections.defaultdict(list)
    for i, m in enumerate(p_ments):
        fn = os.path.basename(str(m.get("file", "")))
        sp = _spans(lines, fn, int(m.get("line") or 0), m.get("surface", ""), m.get("col"))[0]
        by_line[(fn, int(m.get("line") or 0))].append((sp, i))
    used, pairs = set(), []
    for gi, gm in enumerate(g_ments):
        best, best_ov = None, 0
        for gsp in _spans(lines, gm["file"], gm["line"], gm["surface"]):
            for psp, pi in by_line.get((gm["file"], gm["line"]), []):
                if pi in used:
                    continue
                ov = min(gsp[1], psp[1]) - max(gsp[0], psp[0])
                if ov > best_ov:
                    best, best_ov = pi, ov
        if best is not None:
            used.add(best)
            pairs.append((gi, best))
    return pairs


def _bcubed(g_of, p_of):
    """B³ over the matched mentions: for each, the share of its predicted cluster that is also its
    gold cluster (P) and the reverse (R). |pred ∩ gold| of a mention is the number of mentions
    with the same (gold, pred) pair, so this is linear in the mentions."""
    both = collections.Counter((g_of[pi], p_of[pi]) for pi in g_of)
    g_size = collections.Counter(g_of[pi] for pi in g_of)
    p_size = collections.Counter(p_of[pi] for pi in g_of)
    n = max(1, len(g_of))
    bp = sum(k * k / p_size[p] for (g, p), k in both.items()) / n
    br = sum(k * k / g_size[g] for (g, p), k in both.items()) / n
    return {"P": round(bp, 4), "R": round(br, 4), "F1": round(_f1(bp, br), 4)}


def _norm_code(c):
    return _nfc(c).upper().replace(" ", "").replace("TƯ", "TW").replace("Đ", "D")


def _norm_unit(u):
    u = _nfc(u).casefold()
    u = re.sub(r"\b(ban thường vụ|ban thường trực|ban chấp hành)\b", "", u)
    u = u.replace("uỷ", "ủy")
    return re.sub(r"\s+", " ", u).strip(" ,.")


def unit_match(a, b) -> bool:
    a, b = _norm_unit(a), _norm_unit(b)
    if not a or not b:
        return False
    strip = lambda s: re.sub(r"^(.*\S)\s+tỉnh\s+[^,]+$", r"\1 tỉnh", s)  # noqa: E731
    return a == b or strip(a) == b or a == strip(b) or fuzz.ratio(a, b) >= 95


def _attributes(g_docs, p_docs, gmap):
    ok, n = collections.Counter(), collections.Counter()
    checks = {
        "type": lambda x, y: _nfc(x).casefold() == _nfc(y).casefold(),
        "number": lambda x, y: str(x).lstrip("0") == str(y).lstrip("0"),
        "code": lambda x, y: _norm_code(x) == _norm_code(y),
        "date": lambda x, y: str(x) == str(y),
        "unit": lambda x, y: (x == "TW" and str(y).upper() in ("TW", "TRUNG ƯƠNG")) or unit_match(x, y),
    }
    for gk, pk in gmap.items():
        gd, pd = g_docs.get(gk, {}), p_docs.get(pk, {})
        if not gd:
            continue
        for name, eq in checks.items():
            gv = gd.get(name)
            if gv in (None, ""):
                continue
            n[name] += 1
            pv = pd.get(name)
            if pv not in (None, "") and eq(gv, pv):
                ok[name] += 1
    return {k: f"{ok[k]}/{n[k]}" for k in n}


def _edges(g_edges, p_edges, gmap):
    g_dd = [e for e in g_edges if e.get("relation") in DOC_RELATIONS and "source" in e]
    p_dd = [e for e in p_edges if e.get("relation") in DOC_RELATIONS]
    p_pairs = {(e["source"], e["target"]): e["relation"] for e in p_dd}
    loose = strict = 0
    for e in g_dd:
        rel = p_pairs.get((gmap.get(e["source"]), gmap.get(e["target"])))
        if rel is not None:
            loose += 1
            strict += rel == e["relation"]
    inv = {v: k for k, v in gmap.items()}
    g_pairs = {(e["source"], e["target"]) for e in g_dd}
    mapped = [e for e in p_dd if e["source"] in inv and e["target"] in inv]
    ok = sum((inv[e["source"]], inv[e["target"]]) in g_pairs for e in mapped)
    return {"gold": len(g_dd), "pred": len(p_dd), "R_any_relation": round(loose / len(g_dd), 4) if g_dd else 0.0,
            "R_same_relation": round(strict / len(g_dd), 4) if g_dd else 0.0,
            "P_on_mapped": round(ok / len(mapped), 4) if mapped else 0.0}


def _queries(store, g_queries, gmap, transitive: bool = False):
    rows = []
    for q in g_queries:
        if q.get("ask") != "implementers":
            continue
        pid = gmap.get(q["directive"])
        got = sorted({_nfc(r["unit"]) for r in queries.implementers(store, pid, transitive=transitive)}) if pid else []
        exp, amb = q.get("expect_units", []), q.get("ambiguous_units", [])
        found = [u for u in exp if any(unit_match(u, x) for x in got)]
        wrong = [x for x in got if not any(unit_match(u, x) for u in exp + amb)]
        rows.append({"directive": q["directive"], "expected": len(exp), "found": len(found), "returned": len(got),
                     "wrong": wrong, "missed": [u for u in exp if u not in found]})
    e, f = sum(r["expected"] for r in rows), sum(r["found"] for r in rows)
    ret, w = sum(r["returned"] for r in rows), sum(len(r["wrong"]) for r in rows)
    return {"expected": e, "found": f, "returned": ret, "wrong": w, "R": round(f / e, 4) if e else 0.0,
            "P": round((ret - w) / ret, 4) if ret else 0.0, "rows": rows}
