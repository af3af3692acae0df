"""The store protocol: what every backend (embedded networkx, Neo4j) offers.

A store keeps two things: the facts each ingested text contributed (replaced
whole when the text changes) and the resolved graph built from all of them.
Queries (`graph.queries`) are written against this protocol only.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Protocol

from .model import Document, Edge, Graph, Mention, Relation, TextFacts, Unit


class Store(Protocol):
    # --- facts of texts -----------------------------------------------------------
    def file_hash(self, file: str) -> str | None: ...
    def put_facts(self, facts: TextFacts) -> None: ...
    def remove_facts(self, file: str) -> bool: ...
    def all_facts(self) -> Iterator[TextFacts]: ...
    def facts(self, file: str) -> TextFacts | None: ...
    def files(self) -> list[str]: ...

    # --- the resolved graph -------------------------------------------------------
    def replace_graph(self, graph: Graph) -> None: ...
    def stale(self) -> bool: ...
    def document(self, doc_id: str) -> Document | None: ...
    def documents(self) -> Iterable[Document]: ...
    def unit(self, unit_id: str) -> Unit | None: ...
    def units(self) -> Iterable[Unit]: ...
    def edges(self) -> Iterable[Edge]: ...
    def edges_to(self, node_id: str, relations: tuple[Relation, ...] | None = None) -> list[Edge]: ...
    def edges_from(self, node_id: str, relations: tuple[Relation, ...] | None = None) -> list[Edge]: ...
    def mentions(self, file: str | None = None) -> Iterable[Mention]: ...
    def close(self) -> None: ...

    # --- traversals, answered where the graph lives (networkx in memory, Cypher on a server) ---
    def neighbourhood(self, node_ids: str | Iterable[str], depth: int | None = 1,
                      relations: tuple[Relation, ...] | None = None, direction: str = "both"
                      ) -> dict[str, list[Edge]]:
        """Breadth first from `node_ids` along `relations` ("out": edges from a node, "in": edges
        into it, "both"), every node at most `depth` steps away (None: no limit) -> its edges, in
        the order `edges_from` then `edges_to` give them (filtered by `relations`). depth=0: the
        edges of `node_ids` themselves, in one call."""
        ...

    def edges_among(self, node_ids: Iterable[str]) -> list[Edge]:
        """Every edge whose source and target are both in `node_ids`, in the order of `edges()`."""
        ...


def breadth_first(roots: list[str], depth: int | None, level_edges) -> dict[str, list[Edge]]:
    """The walk behind `Store.neighbourhood`: `level_edges(frontier)` gives each node of a
    frontier its edges (one round trip per level for a server); nodes first reached at `depth`
    are listed with their edges, and the walk goes no further."""
    adj: dict[str, list[Edge]] = {}
    seen, frontier, level = set(roots), roots, 0
    while frontier:
        found = level_edges(frontier)
        nxt = []
        for node in frontier:
            adj[node] = edges = found.get(node, [])
            if depth is None or level < depth:
                for e in edges:
                    other = e.target if e.source == node else e.source
                    if other not in seen:
                        seen.add(other)
                        nxt.append(other)
        frontier, level = nxt, level + 1
        if depth is not None and level > depth:
            break
    return adj
