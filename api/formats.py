"""A subgraph (`graph.queries.subgraph`) as GraphML, GEXF, CSV or JSON lines."""
from __future__ import annotations

import json
from typing import Iterable, Iterator

import networkx as nx

from .listing import csv_text


def to_networkx(sub: dict) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for n in sub["nodes"]:
        g.add_node(n["id"], **_attrs(n, skip=("id",)))
    for i, e in enumerate(sub["edges"]):
        ev = e.get("evidence") or {}
        g.add_edge(e["source"], e["target"], key=f"e{i}", relation=e["relation"], confidence=float(e["confidence"]),
                   evidence_file=ev.get("file", ""), evidence_line=int(ev.get("line") or 0),
                   evidence_text=ev.get("text", ""))
    return g


def _attrs(d: dict, skip=()) -> dict:
    out = {}
    for k, v in d.items():
        if k in skip or v is None:
            continue
        if isinstance(v, (list, tuple)):
            v = "; ".join(map(str, v))
        out[k] = v
    return out


def graphml(sub: dict) -> str:
    return "\n".join(nx.generate_graphml(to_networkx(sub), encoding="utf-8", prettyprint=True)) + "\n"


def gexf(sub: dict) -> str:
    return "\n".join(nx.generate_gexf(to_networkx(sub), encoding="utf-8", prettyprint=True)) + "\n"


def csv_edges(sub: dict) -> str:
    labels = {n["id"]: n["label"] for n in sub["nodes"]}
    rows = [{"source": e["source"], "source_label": labels.get(e["source"], ""), "target": e["target"],
             "target_label": labels.get(e["target"], ""), "relation": e["relation"], "confidence": e["confidence"],
             "evidence": e["evidence"]} for e in sub["edges"]]
    return csv_text(rows, ["source", "source_label", "target", "target_label", "relation", "confidence",
                           "evidence_file", "evidence_line", "evidence_text"])


def csv_nodes(sub: dict) -> str:
    return csv_text(sub["nodes"], ["id", "kind", "label", "type", "date", "year", "unit", "level", "province",
                                   "flags"])


def jsonl(rows: Iterable[dict]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"
