"""Writes: ingest uploaded files or raw text, withdraw a file. Protected by the API key
when the server has one (header X-API-Key)."""
from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata

from fastapi import APIRouter, Depends, File, Path, Request, Security, UploadFile
from fastapi.security import APIKeyHeader

from graph import queries
from graph.errors import DirectivesError, NotFound

from ..errors import Problem, unreadable_status
from ..schemas import IngestReport, Problem as ProblemModel, Removed, TextIn
from .common import state

router = APIRouter(tags=["ingest"])
api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False,
                              description="the server's DIRECTIVES_API_KEY; needed for writes when it is set")

#: formats no reader takes, by their first bytes: refused before any reading
_FOREIGN = ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
            (b"\x1f\x8b", "a gzip archive"), (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7-Zip archive"),
            (b"\x7fELF", "a program"), (b"MZ", "a Windows program"), (b"\xd0\xcf\x11\xe0", "an old Office file "
                                                                         "(.doc/.xls): save it as .docx"))
_NAME = re.compile(r"^[^\x00-\x1f\x7f/\\]{1,200}$")


def require_key(request: Request, key: str | None = Security(api_key_header)) -> None:
    expected = state(request).settings.api_key
    if not expected:
        return
    if not key:
        raise Problem(401, "this server needs an API key for writes: send it in the X-API-Key header",
                      headers={"WWW-Authenticate": "ApiKey"})
    # header values arrive as latin-1 text: compare the bytes that were sent with the key's UTF-8
    if not secrets.compare_digest(key.encode("latin-1", "replace"), expected.encode("utf-8")):
        raise Problem(403, "the X-API-Key header does not match the server's API key")


def _p(description: str) -> dict:
    return {"description": description, "model": ProblemModel}


WRITE_ERRORS = {400: _p("bad request"), 401: _p("API key required"), 403: _p("wrong API key"),
                413: _p("request larger than DIRECTIVES_MAX_UPLOAD_BYTES"),
                415: _p("not a supported type (.txt .md .html .docx .pdf)"),
                422: _p("invalid request, or no file could be read (each reason in `errors`)"),
                503: _p("store unavailable")}


def write_router(protected: bool) -> APIRouter:
    """The write routes; with `protected`, each declares and checks the API key."""
    deps = [Depends(require_key)] if protected else []
    r = APIRouter(tags=["ingest"], dependencies=deps)
    r.add_api_route("/ingest", ingest_files, methods=["POST"], response_model=IngestReport, responses=WRITE_ERRORS,
                    summary="Ingest uploaded files")
    r.add_api_route("/ingest/text", ingest_text, methods=["POST"], response_model=IngestReport,
                    responses=WRITE_ERRORS, summary="Ingest raw text")
    r.add_api_route("/files/{name}", remove_file, methods=["DELETE"], response_model=Removed,
                    responses={**WRITE_ERRORS, 404: _p("no such file in the store")},
                    summary="Withdraw a file and everything it contributed")
    return r


def ingest_files(request: Request, files: list[UploadFile] = File(
        ..., description="texts to ingest (.txt .md .html .docx .pdf), at most DIRECTIVES_MAX_UPLOAD_BYTES "
                         "together; the format is sniffed from the content")) -> dict:
    """Ingest the uploaded files, as `directives ingest` does: a file already ingested with the
    same content is `unchanged`, a changed one replaces what its old version contributed, one
    unreadable file is reported and the rest go on. When no file can be read the answer is a
    problem (413 too large, 415 unsupported type, 422 unreadable) listing every reason."""
    st = state(request)
    limit = st.settings.max_upload_bytes
    uploads = []
    for f in files:
        data = f.file.read(limit + 1)
        uploads.append((f.filename or "upload.txt", data))
    return _ingest(st, uploads)


def ingest_text(request: Request, body: TextIn) -> dict:
    """Ingest one text sent as JSON: `name` is the file name it is kept under (re-sending the
    same name with a new text replaces the old one)."""
    st = state(request)
    return _ingest(st, [(body.name, body.text.encode("utf-8"))])


def remove_file(request: Request, name: str = Path(max_length=200, examples=["tin-muong-nhe.txt"])) -> dict:
    """Withdraw an ingested file (by basename) and everything it contributed; the graph is rebuilt."""
    from ingest.pipeline import remove
    st = state(request)
    name = unicodedata.normalize("NFC", name)

    def run(store):
        if not remove(name, store):
            raise NotFound(f"no file {name!r} in the store", [])
        return {"file": name, "removed": True, "documents": sum(1 for _ in store.documents())}
    return st.write(run)


def _ingest(st, uploads: list[tuple[str, bytes]]) -> dict:
    from ingest.pipeline import analyse, rebuild
    from ingest.read import read_bytes
    from ingest.registry import Registry
    from ingest.units import Roster
    limit = st.settings.max_upload_bytes
    results, sources = [], []
    for raw_name, data in uploads:
        name = unicodedata.normalize("NFC", re.split(r"[\\/]", raw_name)[-1]).strip()
        row = {"file": name, "status": "error", "format": None, "bytes": len(data), "error": None}
        results.append(row)
        try:
            if not _NAME.match(name) or any(unicodedata.category(c)[0] == "C" for c in name) or name in (".", ".."):
                raise Problem(400, f"invalid file name {raw_name[:80]!r}")
            if len(data) > limit:
                raise Problem(413, f"{name}: larger than {limit} bytes")
            if not data.strip():
                raise Problem(422, f"{name}: empty file", "unreadable-file")
            foreign = next((what for magic, what in _FOREIGN if data.startswith(magic)), None)
            if foreign:
                raise Problem(415, f"{name}: {foreign}, not a text (.txt .md .html .docx .pdf)")
            source = read_bytes(data, name, max_bytes=limit)
            row["format"] = source.format
            sources.append((row, source))
        except Problem as e:
            row["error"], row["_status"] = e.detail, (e.status, e.slug)
        except DirectivesError as e:
            status = unreadable_status(e) if hasattr(e, "reason") else (400, "bad-input")
            row["error"], row["_status"] = f"{name}: {getattr(e, 'reason', str(e))}", status
    if sources and sum(row["bytes"] for row, _ in sources) > limit:
        raise Problem(413, f"the files together are larger than {limit} bytes (DIRECTIVES_MAX_UPLOAD_BYTES)",
                      errors=[{"file": row["file"], "message": f"{row['bytes']} bytes"} for row, _ in sources])
    if not sources:
        statuses = [r["_status"] for r in results]
        status, slug = max(statuses, key=lambda s: (s[0] == 413, s[0] == 415, s[0]))
        raise Problem(status, "; ".join(r["error"] for r in results), slug,
                      errors=[{"file": r["file"], "message": r["error"]} for r in results])

    def run(store):
        roster, registry = Roster.load(), Registry.load()
        changed = False
        for row, source in sources:
            digest = hashlib.sha256(source.text.encode("utf-8")).hexdigest()
            if store.file_hash(source.name) == digest:
                row["status"] = "unchanged"
                continue
            try:
                store.put_facts(analyse(source, roster, registry))
            except DirectivesError as e:
                row["error"] = f"{source.name}: {e}"
                continue
            row["status"], changed = "ingested", True
        if changed or store.stale():
            rebuild(store, roster, registry)

    st.write(run)
    stats = st.read(queries.stats)
    counts = {"documents": stats["documents"], "mentions": stats["mentions"]}
    for r in results:
        r.pop("_status", None)
    return {"ingested": sum(r["status"] == "ingested" for r in results),
            "unchanged": sum(r["status"] == "unchanged" for r in results),
            "failed": sum(r["status"] == "error" for r in results), **counts, "files": results}
