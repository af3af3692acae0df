"""The view of a selection: what `graph.queries` answers, as a pyvis network with positions.

`view(store, center, ...)` is what the page draws and what `directives viz` embeds: vis-network
nodes and edges (built with pyvis, batch-added), each node with its position in every layout
(`pos`: tree, free, timeline) and the facts the filters and the side panel read (kind, type,
level, province, date, hop). `detail(store, id)` is the side panel of one node and
`source(store, file)` the source-text view of one file. No store is queried here directly:
everything comes from `graph.queries`.
"""
from __future__ import annotations

from collections import deque
from typing import Iterable

from pyvis.edge import Edge as VisEdge
from pyvis.network import Network
from pyvis.node import Node as VisNode

from graph import queries
from graph.errors import NotFound
from graph.model import Unit

from . import layout, style

#: drawn nodes at most before the page groups them (by province or level); see docs/README-viz.md
NODE_BUDGET = 1000
#: selection at most (nodes shipped to the browser; groups keep the drawing small)
MAX_NODES = 2500
MODES = ("auto", "tree", "neighbourhood")
EVIDENCE_CHARS = 400


# --- pyvis, without its quadratic paths ---------------------------------------------------------------

def add_nodes(net: Network, nodes: Iterable[dict]) -> None:
    """Add many nodes at once. `Network.add_node` checks `n_id not in self.node_ids` (a list):
    quadratic over a whole graph; here the ids seen are a set."""
    seen = set(net.node_ids)
    for opts in nodes:
        opts = dict(opts)
        nid = opts.pop("id")
        if nid in seen:
            continue
        seen.add(nid)
        n = VisNode(nid, opts.pop("shape", "dot"), label=opts.pop("label", nid), font_color=net.font_color, **opts)
        net.nodes.append(n.options)
        net.node_ids.append(nid)
        net.node_map[nid] = n.options


def add_edges(net: Network, edges: Iterable[dict]) -> None:
    """Add many edges at once. `Network.add_edge` asserts both ends are in `get_nodes()` (a
    list scan per end) and, undirected, scans every edge for a duplicate: here one set lookup."""
    known = set(net.node_ids)
    for opts in edges:
        opts = dict(opts)
        source, to = opts.pop("from"), opts.pop("to")
        if source in known and to in known:
            net.edges.append(VisEdge(source, to, net.directed, **opts).options)


# --- selections --------------------------------------------------------------------------------------------

def selection(store, center: str | None, *, mode: str = "auto", depth: int | None = None,
              max_nodes: int = MAX_NODES) -> dict:
    """Nodes and edges of what the user looks at: for a document, what answered it (the
    implementation tree, with what it carries out above it and the issuing units beside); for a
    unit or in `neighbourhood` mode, the ego network; with no centre, the whole graph (capped)."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    if center is not None and mode in ("auto", "tree"):
        try:
            sub = queries.implementation_graph(store, center, depth=depth or 6, max_nodes=max_nodes)
            sub["mode"] = "tree"
            return sub
        except NotFound:
            if mode == "tree":
                raise
    sub = queries.subgraph(store, center, depth if depth is not None else 2, {"max_nodes": max_nodes})
    sub["mode"] = "neighbourhood" if center is not None else "all"
    hops = _hops(sub, center)
    for n in sub["nodes"]:
        n["hop"] = hops.get(n["id"], 0)
    return sub


def _hops(sub: dict, center: str | None) -> dict[str, int]:
    if center is None:
        return {}
    adj: dict[str, list[str]] = {}
    for e in sub["edges"]:
        adj.setdefault(e["source"], []).append(e["target"])
        adj.setdefault(e["target"], []).append(e["source"])
    hop, queue = {center: 0}, deque([center])
    while queue:
        n = queue.popleft()
        for m in adj.get(n, ()):
            if m not in hop:
                hop[m] = hop[n] + 1
                queue.append(m)
    return hop


# --- the view ---------------------------------------------------------------------------------------------------

def view(store, center: str | None, *, mode: str = "auto", depth: int | None = None, max_nodes: int = MAX_NODES,
         budget: int = NODE_BUDGET) -> dict:
    """Everything the page needs to draw a selection, positions included."""
    sub = selection(store, center, mode=mode, depth=depth, max_nodes=max_nodes)
    return view_of(sub, budget=budget)


def view_of(sub: dict, *, budget: int = NODE_BUDGET) -> dict:
    center = sub.get("center")
    nodes, edges = sub["nodes"], sub["edges"]
    forest = layout.Forest(nodes, edges, center)
    tree_pos, free_pos = layout.tree(forest), layout.free(forest)
    time = layout.timeline(nodes, center)
    net = Network(directed=True, cdn_resources="remote")
    net.options = style.options()
    rows = []
    for n in nodes:
        x, y = tree_pos.get(n["id"], (0.0, 0.0))
        rows.append({"id": n["id"], **style.node_style(n, center), "x": x, "y": y, "kind": n["kind"],
                     "type": n.get("type"), "level": n.get("level"), "province": n.get("province"),
                     "date": n.get("date"), "unit": n.get("unit"), "name": n["label"], "hop": n.get("hop", 0),
                     "flags": n.get("flags") or [], "lag": time["lag"].get(n["id"]),
                     "parent": forest.parent.get(n["id"]) or forest.beside.get(n["id"]),
                     "pos": {"tree": [x, y], "free": list(free_pos.get(n["id"], (x, y))),
                             "timeline": list(time["pos"][n["id"]]) if n["id"] in time["pos"] else None}})
    add_nodes(net, rows)
    add_edges(net, ({"from": e["source"], "to": e["target"], "id": f"e{i}", **style.edge_style(e),
                     "relation": e["relation"], "confidence": e["confidence"],
                     "evidence": {**e["evidence"], "text": _clip(e["evidence"].get("text") or "", EVIDENCE_CHARS)}}
                    for i, e in enumerate(edges)))
    return {"center": center, "mode": sub.get("mode"), "depth": sub.get("depth"), "truncated": sub.get("truncated"),
            "budget": budget, "nodes": net.nodes, "edges": net.edges, "options": net.options,
            "timeline": {k: time[k] for k in ("origin", "scale", "ticks", "bands")}, "legend": style.legend(),
            "counts": {"nodes": len(net.nodes), "edges": len(net.edges),
                       "documents": sum(1 for n in nodes if n["kind"] == "document")}}


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


# --- the side panel and the source view ---------------------------------------------------------------------------

def detail(store, node_id: str, roster: Iterable[Unit] = (), *, kind: str | None = None,
           mentions_limit: int = 50) -> dict:
    """One node as the side panel shows it: a document (attributes, relations with evidence,
    citations with file and line, the paths up to the directive(s) it carries out) or a unit
    (documents issued, directives carried out). `kind` ("document" or "unit") when known."""
    if kind != "unit":
        try:
            doc = queries.document_detail(store, node_id, mentions_limit=mentions_limit)
        except NotFound:
            if kind == "document":
                raise
        else:
            chain = queries.chain_up(store, node_id, max_paths=20)
            paths = [{"central": p["central"], "steps": [{"relation": st["relation"], "lag_days": st["lag_days"],
                                                         "document": _brief(st["document"])} for st in p["steps"]]}
                     for p in chain["paths"]]
            return {**doc, "node": "document", "chain": paths, "chain_truncated": chain["truncated"]}
    unit = queries.unit_detail(store, node_id, roster)
    return {**unit, "node": "unit",
            "parent_unit": {k: unit["parent_unit"][k] for k in ("id", "name")} if unit["parent_unit"] else None,
            "children": [{"id": c["id"], "name": c["name"]} for c in unit["children"]],
            "issued": [_brief(r) for r in unit["issued"]],
            "carried_out_directives": [{**c, "directive": _brief(c["directive"])}
                                       for c in unit["carried_out_directives"]]}


def _brief(row: dict) -> dict:
    return {k: row.get(k) for k in ("id", "label", "date", "level", "province")}


def source(store, file: str) -> dict:
    return queries.source_text(store, file)
