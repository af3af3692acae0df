"""One function per command; `COMMANDS` wires them to the parser."""
from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from graph import queries
from graph.errors import InputError

from ingest.lookup import find_document


def open_store(args, *, write: bool = False):
    """The configured store (`DIRECTIVES_BACKEND`: the embedded one of `--store`, or Neo4j); only
    writing commands create one. A store left stale by an interrupted ingest is brought up to
    date from the texts it committed (by a reading command only when no ingest is running and the
    store can be written; else it answers from the last graph, with a warning)."""
    from graph.backends import open_store as open_backend
    store = open_backend(args.store, create=write)
    if store.stale():
        from ingest.pipeline import rebuild
        directory = getattr(store, "directory", None)
        if write or directory is None:
            rebuild(store)
            return store
        from graph.errors import StoreError
        from graph.storelock import try_write_lock
        if getattr(store, "readonly", False):
            why = f"the store cannot be written ({store.readonly_reason})"
        else:
            with try_write_lock(directory) as locked:
                why = "another process is writing to it"
                try:
                    if locked:
                        if store.stale():
                            rebuild(store)
                        return store
                except StoreError as e:
                    why = str(e)
        print(f"directives: warning: the graph lacks the texts of an unfinished ingest ({why}); answering "
              "from the last complete graph", file=sys.stderr)
    return store


@contextmanager
def store_write_lock(args):
    """Hold the write lock of the embedded store of `--store` (see graph.storelock) while a writing
    command runs: a second ingest into the same store waits for the first."""
    from graph.backends import backend_name
    if backend_name() != "embedded":
        yield
        return
    from graph.storelock import write_lock
    with write_lock(args.store, on_wait=lambda: print(
            f"directives: waiting for another process writing to {args.store} ...", file=sys.stderr)):
        yield


def cmd_ingest(args) -> int:
    from ingest.pipeline import ingest
    with store_write_lock(args):
        store = open_store(args, write=True)
        if getattr(store, "readonly", False):
            from graph.errors import StoreError
            raise StoreError(f"cannot write to store at {args.store}: {store.readonly_reason}")
        report = ingest(args.paths, store, jobs=args.jobs)
    print(f"files: {report.files} ingested, {report.unchanged} unchanged; mentions: {report.mentions}; "
          f"documents: {report.documents}; errors: {len(report.errors)}")
    for e in report.errors:
        print(f"  error: {e}", file=sys.stderr)
    return 1 if report.errors and not (report.files or report.unchanged) else 0


def cmd_extract(args) -> int:
    """The citations of each file, as found before any resolution; no store is read or written."""
    from graph.errors import DirectivesError
    from ingest.pipeline import citations
    from ingest.read import iter_paths, read
    from ingest.registry import Registry
    from ingest.units import Roster
    roster, registry, failed = Roster.load(), Registry.load(), 0
    for path in iter_paths(args.paths):
        try:
            found = citations(read(path), roster, registry)
        except DirectivesError as e:
            print(f"directives: {e}", file=sys.stderr)
            failed += 1
            continue
        for c in found:
            row = {k: getattr(c, k) for k in _CITATION_FIELDS if getattr(c, k) not in (None, ())}
            print(json.dumps(row, ensure_ascii=False) if args.format == "jsonl" else
                  f"{c.file}:{c.line}:{c.col}\t{c.surface}\t" + "\t".join(
                      f"{k}={row[k]}" for k in ("type", "number", "code", "date", "issuer_unit") if k in row))
    return 1 if failed else 0


_CITATION_FIELDS = ("file", "line", "col", "start", "end", "surface", "kind", "type", "number", "code", "date",
                    "issuer", "issuer_unit", "province", "subject", "terms", "plenum", "congress", "year", "name",
                    "sentence")


def cmd_remove(args) -> int:
    from ingest.pipeline import remove
    with store_write_lock(args):
        store = open_store(args, write=True)
        gone = [f for f in args.files if remove(f, store)]
    missing = [f for f in args.files if f not in gone]
    print(f"removed: {len(gone)}" + (f"; not in the store: {', '.join(missing)}" if missing else ""))
    return 0 if not missing else 3


def cmd_export(args) -> int:
    store = open_store(args)
    if args.format != "jsonl":
        raise InputError(f"unknown format {args.format!r} (jsonl)")
    out = sys.stdout
    for row in queries.export_rows(store):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


def cmd_implementers(args) -> int:
    store = open_store(args)
    doc = find_document(store, args.doc)
    rows = queries.implementers(store, doc.id, transitive=args.transitive)
    if args.format == "json":
        print(json.dumps([{k: r[k] for k in ("unit", "document", "relation", "date", "evidence", "level",
                                              "province", "via", "depth")} for r in rows],
                         ensure_ascii=False, indent=1))
        return 0
    print(f"{queries.label(doc)} ({doc.id}) — {len(rows)} implementing unit(s)")
    for r in rows:
        ev = r["evidence"]
        via = r["document_label"] or "(activity)"
        print(f"- {r['unit']}: {via}" + (f", {r['date']}" if r["date"] else "") +
              f"  [{ev['file']}:{ev['line']}]")
        print(f"    “{_clip(ev['text'])}”")
    return 0


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate
    result = evaluate(args.gold, args.corpus, args.store)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        for k, v in result.items():
            if k == "queries":
                print("queries", {x: y for x, y in v.items() if x != "rows"})
                for row in v["rows"]:
                    print("   ", row["directive"], f'{row["found"]}/{row["expected"]}',
                          "missed:", row["missed"], "wrong:", row["wrong"])
            else:
                print(k, v)
    return 0


def cmd_serve(args) -> int:
    """The HTTP API over the store (see api/): reads open, writes need $DIRECTIVES_API_KEY when set."""
    import uvicorn
    from api.app import create_app
    from api.settings import Settings
    try:
        settings = Settings.from_env(store=args.store)
    except ValueError as e:
        raise InputError(str(e)) from None
    import logging
    level = getattr(args, "log_level", "info")
    logging.basicConfig(level=level.upper(), format="%(levelname)s:%(name)s: %(message)s")
    print(f"directives: serving {args.store} on http://{args.host}:{args.port} (docs at /docs)", file=sys.stderr)
    uvicorn.run(create_app(settings=settings), host=args.host, port=args.port, log_level=level)
    return 0


def cmd_viz(args) -> int:
    """The graph page of DOC (a document or a unit) as one self-contained HTML file."""
    from graph.errors import NotFound
    from ingest.units import Roster
    from viz.export import export_html
    if args.depth is not None and not 1 <= args.depth <= 20 or args.max_nodes < 1:
        raise InputError("--depth is 1 to 20 and --max-nodes at least 1")
    store = open_store(args)
    roster = list(Roster.load().units.values())
    if store.unit(args.doc) is not None:
        center = args.doc
    else:
        try:
            center = find_document(store, args.doc).id
        except NotFound as not_doc:
            try:
                center = queries.find_unit(store, args.doc, roster).id
            except NotFound:
                raise not_doc from None
            if store.unit(center) is None:
                raise not_doc from None
    html = export_html(store, center, mode=args.mode, depth=args.depth, max_nodes=args.max_nodes, roster=roster,
                       api=args.api)
    if args.output == "-":
        sys.stdout.write(html)
        return 0
    out = Path(args.output)
    try:
        out.write_text(html, encoding="utf-8")
    except OSError as e:
        raise InputError(f"cannot write {out}: {e.strerror or e}") from None
    print(f"wrote {out} ({len(html.encode('utf-8')) // 1024} KB, {center})", file=sys.stderr)
    return 0


def cmd_push(args) -> int:
    """Copy the embedded store of `--store` (or `--from`) into Neo4j (NEO4J_URI ...): the texts'
    facts and the resolved graph; texts that are not in the embedded store are withdrawn there."""
    import time
    from graph.backends import open_store as open_backend
    if args.to != "neo4j":
        raise InputError(f"unknown target {args.to!r} (neo4j)")
    source = open_backend(args.source or args.store, backend="embedded", create=False)
    if source.stale():
        from ingest.pipeline import rebuild
        rebuild(source)
    target = open_backend(backend="neo4j")
    started = time.perf_counter()
    texts = list(source.all_facts())
    if hasattr(target, "put_facts_many"):
        target.put_facts_many(texts)
    else:
        for t in texts:
            target.put_facts(t)
    keep = {t.file for t in texts}
    withdrawn = [f for f in target.files() if f not in keep]
    for f in withdrawn:
        target.remove_facts(f)
    graph = source.graph()  # edges in the order they were stored: the same order of answers
    facts_done = time.perf_counter()
    target.replace_graph(graph)
    done = time.perf_counter()
    seconds = max(done - facts_done, 1e-9)
    print(f"pushed to {getattr(target, 'uri', 'neo4j')} ({getattr(target, 'database', '')}): texts: {len(texts)}"
          f" ({len(withdrawn)} withdrawn); documents: {len(graph.documents)}; units: {len(graph.units)}; "
          f"edges: {len(graph.edges)}; mentions: {len(graph.mentions)}; "
          f"{done - started:.1f} s ({len(graph.edges) / seconds:.0f} edges/s)")
    target.close()
    source.close()
    return 0


def _clip(text: str, n: int = 220) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _ingest_args(p):
    p.add_argument("paths", nargs="+", help="files or folders (.txt .md .html .docx .pdf)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                   help="processes analysing texts in parallel (default: all cores)")


def _extract_args(p):
    p.add_argument("paths", nargs="+", help="files or folders (.txt .md .html .docx .pdf)")
    p.add_argument("--format", choices=("table", "jsonl"), default="table",
                   help="table: file:line:col, the citation as written and what it says; jsonl: one JSON object each")


def _remove_args(p):
    p.add_argument("files", nargs="+", help="file names (or paths) to withdraw from the store")


def _export_args(p):
    p.add_argument("--format", default="jsonl", help="output format (jsonl)")


def _implementers_args(p):
    p.add_argument("doc", help='document id or any citation text ("Chỉ thị 05", "15-NQ/TU")')
    p.add_argument("--transitive", action="store_true", help="follow chains of plans implementing plans")
    p.add_argument("--format", choices=("table", "json"), default="table")


def _evaluate_args(p):
    p.add_argument("--gold", required=True, help="gold folder (documents.jsonl, mentions.jsonl ...)")
    p.add_argument("--corpus", required=True, help="folder of the texts the gold annotates")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")


COMMANDS = {
    "ingest": (cmd_ingest, "Ingest files or folders into the store.", _ingest_args),
    "extract": (cmd_extract, "Print the citations of files, as written and read (no store).", _extract_args),
    "remove": (cmd_remove, "Withdraw files (and all they contributed) from the store.", _remove_args),
    "export": (cmd_export, "Export the graph (documents, units, edges, mentions).", _export_args),
    "implementers": (cmd_implementers, "Units that implemented a directive, with evidence.", _implementers_args),
    "evaluate": (cmd_evaluate, "Score the pipeline against a gold set.", _evaluate_args),
    "push": (cmd_push, "Copy the embedded store into Neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE).",
             lambda p: (p.add_argument("--to", required=True, choices=("neo4j",), help="target backend"),
                        p.add_argument("--from", dest="source", default=None,
                                       help="embedded store directory to copy (default: --store)"))),
    "viz": (cmd_viz, "Write the graph of a document or unit as one offline HTML file.",
            lambda p: (p.add_argument("doc", help='document id or citation ("Chỉ thị 05"), or a unit id or name'),
                       p.add_argument("-o", "--output", default="directives-graph.html",
                                      help="HTML file to write (- for standard output)"),
                       p.add_argument("--mode", choices=("auto", "tree", "neighbourhood"), default="auto",
                                      help="tree: what answered it; neighbourhood: every relation around it"),
                       p.add_argument("--depth", type=int, default=None, help="levels (tree) or steps (neighbourhood)"),
                       p.add_argument("--max-nodes", type=int, default=2500, help="nodes at most"),
                       p.add_argument("--api", default=None, help="base URL of a running API, for links to its JSON"))),
    "serve": (cmd_serve, "Serve the HTTP API (FastAPI) over the store.",
              lambda p: (p.add_argument("--host", default="127.0.0.1", help="address to listen on"),
                         p.add_argument("--port", type=int, default=8000, help="port to listen on"),
                         p.add_argument("--log-level", choices=("debug", "info", "warning", "error"), default="info",
                                        help="what the server logs (never keys or passwords)"))),
}
