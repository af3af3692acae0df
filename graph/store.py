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
    def put_facts(self, facts: TextFacts, encoded: str | None = None) -> None:
        """Keep (or replace) the facts of `facts.file`. `encoded`: `codec.dumps(facts)` when the
        caller has it already (the analysers of a parallel ingest encode as they go)."""
        ...

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


    # --- query support: what graph/queries.py asks, fetched by key where the graph lives ----------
    # (embedded: dictionaries derived once per loaded graph; Neo4j: indexed properties written
    # with the graph, one parameterised statement per call and batch of ids)
    def graph_version(self):
        """A token that changes whenever the graph is replaced (caches of answers key on it)."""
        ...

    def documents_by_ids(self, ids: Iterable[str]) -> dict[str, Document]: ...
    def units_by_ids(self, ids: Iterable[str]) -> dict[str, Unit]: ...

    def document_rows(self, ids: Iterable[str]) -> dict[str, dict]:
        """`graph.derived.document_row` of each document (label, date, year, issuing unit)."""
        ...

    def issuers(self, doc_ids: Iterable[str]) -> dict[str, Unit]:
        """The issuing unit of each document that has one (`graph.derived.issuers_of`)."""
        ...

    def unit_counts(self, unit_ids: Iterable[str]) -> dict[str, tuple[int, int]]:
        """(documents it issued, directives it carried out) of each unit of the graph."""
        ...

    def issued_by(self, unit_id: str) -> list[str]:
        """Ids of the documents a unit issued, in list order (`graph.derived.document_key`)."""
        ...

    def document_list(self, filters: dict, after: tuple | None, limit: int) -> dict:
        """Documents passing `filters` (`graph.derived.filter_rows`: type, unit, province, level,
        year_from, year_to, flag, words — folded words all in the document's search text), in list
        order: {"rows": at most `limit` rows after the key `after`, "more": bool, "total": int,
        "facets": counts of DOCUMENT_FACETS over all that pass (top 50)}."""
        ...

    def find_units(self, *, level: str | None = None, province: str | None = None, kind: str | None = None,
                   parent: str | None = None, name: str | None = None, words: tuple[str, ...] = ()) -> list[Unit]:
        """Units of the graph (in store order) whose level is `level`, folded province, kind and
        name equal those given (folded), parent is `parent`, and folded "name id" holds every word."""
        ...

    def mentions_of(self, doc_id: str) -> list[Mention]:
        """The mentions resolved to a document, in store order."""
        ...

    def mention_counts(self) -> dict[str, tuple[int, int]]:
        """Per file: (mentions, distinct documents they resolve to)."""
        ...

    def search_candidates(self, query_tokens: list[str], kind: str | None = None,
                          limit: int = 2000) -> list[tuple[str, int]]:
        """Search index: (node id, how many of `query_tokens` are a prefix of one of its tokens) for
        the documents and units (`kind`) holding at least one, most first, then in node order."""
        ...

    def search_keys(self, ids: Iterable[str]) -> dict[str, tuple[list[str], str]]:
        """(folded names, folded search text) of documents and units (`graph.derived`)."""
        ...

    def graph_counts(self) -> dict:
        """`graph.derived.Derived.counts` of the graph (what `graph.queries.stats` reports)."""
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
