"""Graph data for any client (nodes and edges of a subgraph) and exports of the graph."""
from __future__ import annotations

from typing import Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response, StreamingResponse

from graph import queries

from .. import formats
from ..schemas import Subgraph
from .common import DOC_ERRORS, nfc, node_id, state

router = APIRouter(tags=["graph"])

RelationQ = Literal["issued", "implements", "continues", "inspects", "guides", "amends", "cites"]
LevelQ = Literal["central", "province", "district", "commune", "agency"]
MEDIA = {"jsonl": "application/x-ndjson", "graphml": "application/graphml+xml", "gexf": "application/gexf+xml",
         "csv": "text/csv; charset=utf-8"}


class GraphFilters:
    """Filters shared by /graph and /export."""

    def __init__(self,
                 node: str | None = Query(None, max_length=300, description="centre of an ego network: a unit id or "
                                          "name, or a document id or citation; none for the whole graph",
                                          examples=["Chỉ thị 05"]),
                 depth: int = Query(1, ge=0, le=6, description="steps from the centre (edges either way)"),
                 relation: list[RelationQ] | None = Query(None, description="keep only these relations "
                                                                           "(repeat the parameter)"),
                 min_confidence: float = Query(0.0, ge=0.0, le=1.0),
                 type: str | None = Query(None, max_length=100, description="keep documents of this type",
                                          examples=["Kế hoạch"]),
                 province: str | None = Query(None, max_length=100, examples=["Lai Châu"]),
                 level: LevelQ | None = Query(None),
                 year_from: int | None = Query(None, ge=1900, le=2100),
                 year_to: int | None = Query(None, ge=1900, le=2100),
                 units: bool = Query(True, description="include units as nodes"),
                 max_nodes: int = Query(2000, ge=1, le=100000)):
        self.node, self.depth = nfc(node), depth
        self.filters = {"relations": relation, "min_confidence": min_confidence, "type": nfc(type),
                        "province": nfc(province), "level": level, "year_from": year_from, "year_to": year_to,
                        "units": units, "max_nodes": max_nodes}

    def unfiltered(self) -> bool:
        f = self.filters
        return not (f["relations"] or f["min_confidence"] or f["type"] or f["province"] or f["level"]
                    or f["year_from"] is not None or f["year_to"] is not None or not f["units"])

    def run(self, store, st) -> dict:
        center = node_id(store, self.node, st.roster, st) if self.node else None
        return queries.subgraph(store, center, self.depth, self.filters)


@router.get("/graph", response_model=Subgraph, responses=DOC_ERRORS, summary="Nodes and edges of a subgraph")
def graph(request: Request, f: GraphFilters = Depends()) -> dict:
    """The ego network of a document or unit (`node`, `depth`), or the whole graph, filtered,
    as JSON nodes and edges (with evidence) for any client to draw."""
    st = state(request)
    return st.read(lambda store: f.run(store, st))


@router.get("/export", response_class=Response, responses={
    **DOC_ERRORS, 200: {"description": "the graph in the chosen format", "content": {
        "application/x-ndjson": {"schema": {"type": "string"}}, "application/graphml+xml": {"schema": {"type": "string"}},
        "application/gexf+xml": {"schema": {"type": "string"}}, "text/csv": {"schema": {"type": "string"}}}}},
    summary="Export the graph or a subgraph")
def export(request: Request, format: Literal["jsonl", "graphml", "gexf", "csv"] = Query("jsonl"),
           table: Literal["edges", "nodes"] = Query("edges", description="CSV only: which table"),
           f: GraphFilters = Depends()):
    """The whole graph, or a subgraph chosen as for /graph, as JSON lines, GraphML, GEXF or CSV.
    JSON lines of the whole graph without filters are those of `directives export` (documents,
    units, edges with evidence, mentions with file, line and column)."""
    st = state(request)
    whole = f.node is None and f.unfiltered()
    name = "directives" if f.node is None else "directives-" + quote(f.node, safe="")[:60]
    headers = {"Content-Disposition": f'attachment; filename="{name}.{format}"'}
    if format == "jsonl" and whole:
        rows = st.read(lambda store: list(queries.export_rows(store)))
        return StreamingResponse(formats.jsonl(rows), media_type=MEDIA[format], headers=headers)
    sub = st.read(lambda store: f.run(store, st))
    if format == "jsonl":
        return StreamingResponse(formats.jsonl(queries.subgraph_rows(sub)), media_type=MEDIA[format], headers=headers)
    body = {"graphml": formats.graphml, "gexf": formats.gexf,
            "csv": formats.csv_nodes if table == "nodes" else formats.csv_edges}[format](sub)
    return Response(body, media_type=MEDIA[format], headers=headers)
