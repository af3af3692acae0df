"""Lists the way Datasette serves them: every list at its path, at `path.json` and at
`path.csv`, with the same filters, the same cursor pagination and a `next` link (in the body
for JSON, in a `Link` header for both)."""
from __future__ import annotations

import csv
import functools
import inspect
import io
import json
from typing import Callable
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response

CSV_MEDIA = "text/csv; charset=utf-8"


def next_link(request: Request, page: dict) -> dict:
    """`page` with `next`: this request's URL with the cursor of the next page."""
    cursor = page.get("next_cursor")
    page["next"] = url_with(request, cursor=cursor) if cursor else None
    return page


def url_with(request: Request, **params) -> str:
    """This request's absolute URL, percent-encoded (a shareable link), with `params` replaced."""
    query = [(k, v) for k, v in request.query_params.multi_items() if k not in params]
    query += [(k, str(v)) for k, v in params.items() if v is not None]
    base = str(request.base_url).rstrip("/")
    path = quote(request.url.path, safe="/:@!$'()*+,;=-._~")
    return f"{base}{path}" + (f"?{urlencode(query)}" if query else "")


def link_header(page: dict) -> dict[str, str]:
    return {"Link": f'<{page["next"]}>; rel="next"'} if page.get("next") else {}


def flatten(item: dict, prefix: str = "") -> dict:
    """One CSV row: nested objects become `a_b` columns, lists of plain values `; `-joined,
    lists of objects JSON."""
    out = {}
    for k, v in item.items():
        name = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, f"{name}_"))
        elif isinstance(v, list):
            out[name] = "; ".join(map(str, v)) if all(not isinstance(x, (dict, list)) for x in v) \
                else json.dumps(v, ensure_ascii=False)
        elif isinstance(v, bool):
            out[name] = "true" if v else "false"
        else:
            out[name] = "" if v is None else v
    return out


def csv_text(items: list[dict], columns: list[str] | None = None) -> str:
    rows = [flatten(i) for i in items]
    if columns is None:
        columns = list(dict.fromkeys(k for r in rows for k in r))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def csv_response(page: dict, columns: list[str] | None = None, filename: str = "list.csv") -> Response:
    headers = {**link_header(page), "X-Total-Count": str(page.get("total", len(page["items"]))),
               "Content-Disposition": f'inline; filename="{filename}"'}
    return Response(csv_text(page["items"], columns), media_type=CSV_MEDIA, headers=headers)


def add_list(router: APIRouter, path: str, fn: Callable, *, model, name: str, summary: str,
             description: str | None = None, columns: list[str] | None = None, responses: dict | None = None,
             tags: list[str] | None = None) -> None:
    """Register `fn` (sync, takes `request`, returns a page dict with `next` set) at `path`,
    `path.json` and `path.csv`."""
    description = (description or inspect.getdoc(fn) or "") + \
        f"\n\nAlso served as `{path}.json` and `{path}.csv` (same parameters; CSV pages carry a `Link` header)."
    for suffix, op in (("", name), (".json", f"{name}_json")):
        router.add_api_route(path + suffix, fn, methods=["GET"], response_model=model, name=op,
                             summary=summary + (" (JSON)" if suffix else ""), description=description,
                             responses=responses, tags=tags)

    @functools.wraps(fn)
    def as_csv(*args, **kwargs):
        page = fn(*args, **kwargs)
        return csv_response(page, columns, filename=path.rstrip("/").rsplit("/", 1)[-1] + ".csv")

    router.add_api_route(path + ".csv", as_csv, methods=["GET"], response_class=Response, name=f"{name}_csv",
                         summary=summary + " (CSV)", description=description, tags=tags,
                         responses={**(responses or {}), 200: {"description": "the page as CSV (UTF-8)",
                                                               "content": {"text/csv": {"schema": {
                                                                   "type": "string"}}}}})
