"""One function per command; `COMMANDS` wires them to the parser."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from graph import queries
from graph.embedded import DB_NAME, EmbeddedStore
from graph.errors import InputError, StoreError

from ingest.lookup import find_document


def open_store(args, *, write: bool = False):
    """The store of `--store`; only writing commands create one. A store left stale by an
    interrupted ingest is brought up to date from the texts it committed."""
    if not write and not (Path(args.store) / DB_NAME).exists():
        raise StoreError(f"no store at {args.store} (run `directives ingest` first)")
    store = EmbeddedStore(args.store)
    if store.stale():
        from ingest.pipeline import rebuild
        rebuild(store)
    return store


def cmd_ingest(args) -> int:
    from ingest.pipeline import ingest
    store = open_store(args, write=True)
    report = ingest(args.paths, store)
    print(f"files: {report.files} ingested, {report.unchanged} unchanged; mentions: {report.mentions}; "
          f"documents: {report.documents}; errors: {len(report.errors)}")
    for e in report.errors:
        print(f"  error: {e}", file=sys.stderr)
    return 1 if report.errors and not (report.files or report.unchanged) else 0


def cmd_remove(args) -> int:
    from ingest.pipeline import remove
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
    print(f"directives: serving {args.store} on http://{args.host}:{args.port} (docs at /docs)", file=sys.stderr)
    uvicorn.run(create_app(settings=settings), host=args.host, port=args.port, log_level="info")
    return 0


def _clip(text: str, n: int = 220) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _ingest_args(p):
    p.add_argument("paths", nargs="+", help="files or folders (.txt .md .html .docx .pdf)")


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
    "remove": (cmd_remove, "Withdraw files (and all they contributed) from the store.", _remove_args),
    "export": (cmd_export, "Export the graph (documents, units, edges, mentions).", _export_args),
    "implementers": (cmd_implementers, "Units that implemented a directive, with evidence.", _implementers_args),
    "evaluate": (cmd_evaluate, "Score the pipeline against a gold set.", _evaluate_args),
    "serve": (cmd_serve, "Serve the HTTP API (FastAPI) over the store.",
              lambda p: (p.add_argument("--host", default="127.0.0.1", help="address to listen on"),
                         p.add_argument("--port", type=int, default=8000, help="port to listen on"))),
}
