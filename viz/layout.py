"""Positions computed on the server, so the browser draws at once (no live physics).

Three layouts over the same nodes and edges (dicts as `graph.queries.subgraph` gives them):

* `tree`: what answers a document hangs below it. Every document sits under the document it
  carries out that is itself lowest in the hierarchy (longest path to a top document), children
  in date order, packed in rows so that the drawing keeps a screen's proportions; the unit that
  issued a document sits beside it. Top documents (what nothing in the selection carries out)
  are the roots, the one above the centre first.
* `free`: the same tree drawn radially around its root (rings by depth, wedges by subtree
  size); the browser may relax it with a few physics steps.
* `timeline`: documents by date, x = days after the centre document (or the earliest date), one
  band per level (central, province, agency, district, commune), stacked so labels do not
  overlap; units and undated documents are left out (`None`).

Pure Python, linear or n log n: 2,000 nodes take a few milliseconds.
"""
from __future__ import annotations

import math
from collections import defaultdict
from datetime import date

#: relations through which a node answers (sits below) a document
ANSWERS = ("implements", "continues", "guides", "inspects", "amends")
LEVEL_RANK = {"central": 0, "province": 1, "agency": 2, "district": 3, "commune": 4, None: 5}

DOC_W, UNIT_W, GAP = 190.0, 140.0, 30.0  # slot widths (px) and the gap between subtrees
ROW, NODE_H = 140.0, 60.0  # from a node down to its children; the height of a node and its label


def _key(n: dict) -> tuple:
    return (n.get("date") or "9999", LEVEL_RANK.get(n.get("level"), 5), n.get("label") or "", n["id"])


class Forest:
    """The tree structure the layouts share: parent of each node, units beside documents."""

    def __init__(self, nodes: list[dict], edges: list[dict], center: str | None):
        self.by_id = {n["id"]: n for n in nodes}
        self.center = center
        docs = {i for i, n in self.by_id.items() if n["kind"] == "document"}
        up: dict[str, list[str]] = defaultdict(list)
        issued: dict[str, list[str]] = defaultdict(list)  # unit -> documents it issued
        for e in edges:
            s, t = e["source"], e["target"]
            if s not in self.by_id or t not in docs or s == t:
                continue
            if e["relation"] in ANSWERS:
                up[s].append(t)
            elif e["relation"] == "issued" and self.by_id[s]["kind"] == "unit":
                issued[s].append(t)
        for u in issued:  # a unit that issued a document stands beside it, whatever else it did
            up.pop(u, None)
        layer = self._layers(up)
        self.parent: dict[str, str] = {}
        for n, targets in up.items():
            self.parent[n] = max(targets, key=lambda t: (layer.get(t, 0), t == center, _neg_date(self.by_id[t])))
        self._break_cycles()
        # beside the first document it issued
        self.side: dict[str, list[str]] = defaultdict(list)
        self.beside: dict[str, str] = {}
        for u, ds in issued.items():
            d = min(ds, key=lambda d: _key(self.by_id[d]))
            self.beside[u] = d
            self.side[d].append(u)
        self.children: dict[str, list[str]] = defaultdict(list)
        for n, p in self.parent.items():
            self.children[p].append(n)
        for kids in self.children.values():
            kids.sort(key=lambda k: _key(self.by_id[k]))
        tops = [i for i in self.by_id if i not in self.parent and i not in self.beside]
        above = self._root_of(center) if center in self.by_id else None
        self.roots = sorted(tops, key=lambda r: (r != above, r != center, LEVEL_RANK.get(self.by_id[r].get("level"), 5),
                                                 self.by_id[r]["kind"] != "document", _key(self.by_id[r])))

    def _layers(self, up: dict[str, list[str]]) -> dict[str, int]:
        """Longest path from each node up to a top document (cycles cut where met)."""
        layer: dict[str, int] = {}
        state: dict[str, int] = {}  # 1 on the stack, 2 done
        for start in list(up):
            if state.get(start) == 2:
                continue
            stack = [(start, iter(up.get(start, ())))]
            state[start] = 1
            while stack:
                node, it = stack[-1]
                nxt = next(it, None)
                if nxt is None:
                    stack.pop()
                    state[node] = 2
                    layer[node] = 1 + max((layer.get(t, 0) for t in up.get(node, ()) if state.get(t) == 2),
                                          default=-1)
                    continue
                if state.get(nxt) is None:
                    state[nxt] = 1
                    stack.append((nxt, iter(up.get(nxt, ()))))
        return layer

    def _break_cycles(self) -> None:
        for start in list(self.parent):
            seen = {start}
            node = self.parent.get(start)
            while node is not None:
                if node in seen:
                    self.parent.pop(node, None)
                    break
                seen.add(node)
                node = self.parent.get(node)

    def _root_of(self, node: str) -> str:
        node = self.beside.get(node, node)
        seen = set()
        while node in self.parent and node not in seen:
            seen.add(node)
            node = self.parent[node]
        return node

    def depth_first(self) -> list[tuple[str, int]]:
        """(node, depth) in drawing order: roots, each followed by its subtree."""
        out = []
        for r in self.roots:
            stack = [(r, 0)]
            while stack:
                n, d = stack.pop()
                out.append((n, d))
                stack.extend((k, d + 1) for k in reversed(self.children.get(n, ())))
        return out


def _neg_date(n: dict) -> int:
    d = n.get("date") or "9999-12-31"
    return -int(d[:4] + d[5:7] + d[8:10]) if len(d) >= 10 and d[:4].isdigit() else -99991231


def tree(forest: Forest, aspect: float = 1.6) -> dict[str, tuple[float, float]]:
    """Children below their parent in date order, packed in shelves (rows) so that each block is
    about `aspect` times as wide as it is high: a directive with 60 provincial plans, each with a
    dozen district plans, stays readable on a laptop screen. Units sit beside their document."""
    own = {}
    for i, n in forest.by_id.items():
        if i not in forest.beside:
            own[i] = (DOC_W if n["kind"] == "document" else UNIT_W) + UNIT_W * len(forest.side.get(i, ()))
    size: dict[str, tuple[float, float]] = {}
    shelves: dict[str, list[tuple[list[str], float, float]]] = {}  # node -> [(kids, shelf width, shelf height)]
    for n, _ in reversed(forest.depth_first()):  # children before parents
        kids = forest.children.get(n, [])
        if not kids:
            size[n] = (own[n], NODE_H)
            continue
        area = sum(size[k][0] * (size[k][1] + GAP) for k in kids)
        limit = max(max(size[k][0] for k in kids), math.sqrt(area * aspect))
        rows: list[tuple[list[str], float, float]] = []
        cur, w, h = [], 0.0, 0.0
        for k in kids:
            kw, kh = size[k]
            if cur and w + GAP + kw > limit:
                rows.append((cur, w, h))
                cur, w, h = [], 0.0, 0.0
            w = w + (GAP if cur else 0.0) + kw
            h = max(h, kh)
            cur.append(k)
        rows.append((cur, w, h))
        shelves[n] = rows
        block_w = max(r[1] for r in rows)
        block_h = sum(r[2] for r in rows) + GAP * (len(rows) - 1)
        size[n] = (max(own[n], block_w), ROW + block_h)
    pos: dict[str, tuple[float, float]] = {}
    x0 = 0.0
    for r in forest.roots:
        stack = [(r, x0, 0.0)]
        while stack:
            n, left, top = stack.pop()
            w, _ = size[n]
            cx = left + w / 2
            pos[n] = (cx - UNIT_W * len(forest.side.get(n, ())) / 2, top)
            y = top + ROW
            for kids, shelf_w, shelf_h in shelves.get(n, ()):
                x = cx - shelf_w / 2
                for k in kids:
                    stack.append((k, x, y))
                    x += size[k][0] + GAP
                y += shelf_h + GAP
        x0 += size[r][0] + GAP * 3
    _place_side(forest, pos, dx=(DOC_W + UNIT_W) / 2, dy=0.0)
    return _centred(pos, forest.center)


def free(forest: Forest) -> dict[str, tuple[float, float]]:
    """The tree drawn radially: the root in the middle, rings by depth, wedges by subtree size."""
    order = forest.depth_first()
    leaves: dict[str, int] = {}
    for n, _ in reversed(order):
        leaves[n] = max(1, sum(leaves[k] for k in forest.children.get(n, ()))) + len(forest.side.get(n, ()))
    ring: dict[int, int] = defaultdict(int)
    for n, d in order:
        ring[d + (1 if len(forest.roots) > 1 else 0)] += 1 + len(forest.side.get(n, ()))
    radius: dict[int, float] = {0: 0.0}
    for d in range(1, max(ring, default=0) + 1):  # rings far enough apart, and long enough for their nodes
        radius[d] = max(radius[d - 1] + 220.0, ring.get(d, 0) * 70.0 / (2 * math.pi))
    pos: dict[str, tuple[float, float]] = {}
    total = sum(leaves[r] for r in forest.roots) or 1
    shift = 1 if len(forest.roots) > 1 else 0
    start = 0.0
    for r in forest.roots:
        stack = [(r, 0, start, start + 2 * math.pi * leaves[r] / total)]
        start += 2 * math.pi * leaves[r] / total
        while stack:
            n, d, a0, a1 = stack.pop()
            rad, mid = radius[d + shift], (a0 + a1) / 2
            pos[n] = (rad * math.cos(mid), rad * math.sin(mid))
            a = a0
            for k in forest.children.get(n, ()):
                span = (a1 - a0) * leaves[k] / max(1, leaves[n])
                stack.append((k, d + 1, a, a + span))
                a += span
    _place_side(forest, pos, dx=0.0, dy=55.0)
    return _centred(pos, forest.center)


def _place_side(forest: Forest, pos: dict, dx: float, dy: float) -> None:
    for d, units in forest.side.items():
        if d not in pos:
            continue
        x, y = pos[d]
        for i, u in enumerate(units):
            pos[u] = (x + dx + i * UNIT_W, y + dy * (i + 1))


def _centred(pos: dict, center: str | None) -> dict[str, tuple[float, float]]:
    cx, cy = pos.get(center, (0.0, 0.0)) if center else (0.0, 0.0)
    return {k: (round(x - cx, 1), round(y - cy, 1)) for k, (x, y) in pos.items()}


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def timeline(nodes: list[dict], center: str | None) -> dict:
    """Documents by date after the centre (or the earliest), one band per level.

    Returns {"pos": {id: (x, y)}, "lag": {id: days}, "origin": ISO date, "scale": px per day,
    "ticks": [{"x", "label"}], "bands": [{"y", "label"}]}; empty "pos" when fewer than two
    documents are dated."""
    dated = [(n, _day(n.get("date"))) for n in nodes if n["kind"] == "document"]
    dated = [(n, d) for n, d in dated if d]
    if len(dated) < 2:
        return {"pos": {}, "lag": {}, "origin": None, "scale": 0, "ticks": [], "bands": []}
    by_id = {n["id"]: d for n, d in dated}
    origin = by_id.get(center) or min(d for _, d in dated)
    last = max(d for _, d in dated)
    first = min(d for _, d in dated)
    span = max(30, (last - first).days)
    min_gap, row_h = 180.0, 76.0
    width = min(12000.0, max(1200.0, math.sqrt(len(dated) * min_gap * row_h * 2.5)))  # about 2.5 times as wide as high
    scale = width / span
    bands: dict[int, list[tuple[float, str]]] = defaultdict(list)
    lag = {}
    for n, d in dated:
        lag[n["id"]] = (d - origin).days
        bands[LEVEL_RANK.get(n.get("level"), 5)].append(((d - origin).days * scale, n["id"]))
    pos, band_out, y = {}, [], 0.0
    names = {0: "central", 1: "province", 2: "agency", 3: "district", 4: "commune", 5: "unknown level"}
    for rank in sorted(bands):
        rows_end: list[float] = []  # right end of the last node in each row
        for x, i in sorted(bands[rank]):
            for r, end in enumerate(rows_end):
                if x - end >= min_gap:
                    rows_end[r] = x
                    break
            else:
                r = len(rows_end)
                rows_end.append(x)
            pos[i] = (round(x, 1), round(y + r * row_h, 1))
        band_out.append({"y": y, "label": names[rank], "rows": len(rows_end), "height": len(rows_end) * row_h})
        y += len(rows_end) * row_h + 100.0
    ticks = [{"x": round((date(year, 1, 1) - origin).days * scale, 1), "label": str(year)}
             for year in range(first.year + 1, last.year + 1)]
    return {"pos": pos, "lag": lag, "origin": origin.isoformat(), "scale": scale, "ticks": ticks,
            "bands": band_out, "height": y}
