"""First pipeline stage: a file on disk (or uploaded bytes) -> NFC text.

Every failure becomes `UnreadableFile` with a one-line reason. For .txt/.md the
returned text keeps the file's lines: line N of `Source.text` is line N of the file.
"""
from __future__ import annotations

import codecs
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import docx
from bs4 import BeautifulSoup, NavigableString, ParserRejectedMarkup, Tag
from bs4.element import PreformattedString
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.table import Table
from lxml import etree
from pypdf import PdfReader
from pypdf.errors import DependencyError

from graph.errors import DirectivesError, UnreadableFile

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")
FORMAT_BY_SUFFIX = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html",
                    ".htm": "html", ".docx": "docx", ".pdf": "pdf"}
#: zip-bomb guards for .docx: total uncompressed bytes, and uncompressed/archive ratio
MAX_UNZIPPED = 200 * 1024 * 1024
MAX_RATIO = 100
#: below this many uncompressed bytes the ratio rule is not applied (harmless either way)
RATIO_FLOOR = 1024 * 1024
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
#: plain-text files (.txt, .md) larger than this are not read whole but streamed in pieces
#: (`ingest.stream`): bounded memory, and their text is not kept for the source view
STREAM_ABOVE_BYTES = 16 * 1024 * 1024
#: the hard cap of a streamed text file
MAX_STREAM_BYTES = 1024 * 1024 * 1024
TEXT_FORMATS = ("txt", "md")


@dataclass(frozen=True)
class Source:
    name: str  # basename of the file
    text: str  # NFC-normalised text, lines separated by "\n"
    format: str  # "txt" | "md" | "html" | "docx" | "pdf"


def nfc(text: str) -> str:
    """NFC-normalise, returning `text` itself when it already is NFC."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def read(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one file; the format comes from the suffix, else from the content."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > max_bytes:
                raise _too_large(path, size, max_bytes)
            data = f.read(max_bytes + 1)
    except OSError as e:
        raise UnreadableFile(path, f"cannot open: {e.strerror or e}") from None
    if len(data) > max_bytes:
        raise _too_large(path, len(data), max_bytes)
    fmt = FORMAT_BY_SUFFIX.get(path.suffix.lower()) or _sniff(data) or "txt"
    return Source(path.name, _parse(data, fmt, str(path)), fmt)


def read_bytes(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read uploaded bytes; the format is sniffed from the content, else the name suffix."""
    if len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes)
    base = re.split(r"[\\/]", name)[-1]
    fmt = _sniff(data) or FORMAT_BY_SUFFIX.get(Path(base).suffix.lower()) or "txt"
    return Source(base, _parse(data, fmt, name), fmt)


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files given directly, as they are; folders expanded recursively and sorted,
    skipping hidden entries, Office lock files (~$*) and unknown suffixes."""
    for p in map(Path, paths):
        if not p.is_dir():
            yield p
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not _hidden(d))
            for f in sorted(files):
                if not _hidden(f) and Path(f).suffix.lower() in SUFFIXES:
                    yield Path(root, f)


def streamed_format(path: str | Path, *, above: int | None = None) -> str | None:
    """"txt" or "md" when `path` is a plain-text file larger than `above` bytes (default
    STREAM_ABOVE_BYTES: one to stream with `ingest.stream` rather than read whole), else None
    (also when it cannot be opened: `read` then reports why)."""
    path = Path(path)
    above = STREAM_ABOVE_BYTES if above is None else above
    try:
        with path.open("rb") as f:
            if os.fstat(f.fileno()).st_size <= above:
                return None
            head = f.read(4096)
    except OSError:
        return None
    fmt = FORMAT_BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        fmt = _sniff(head) or "txt"
    return fmt if fmt in TEXT_FORMATS else None


def text_encoding(head: bytes, where: str | Path) -> str:
    """The codec that decodes a whole text file, decided from its first bytes as `_decode` does
    for a file read whole: UTF-16 (BOM or NUL pattern), UTF-8, Windows-1258 Vietnamese. `head`
    may end inside a character. Binary data and other encodings raise UnreadableFile."""
    where = str(where)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        encoding = _utf16_without_bom(head)
        if encoding is None:
            raise UnreadableFile(where, "binary file, not text")
        return encoding
    try:
        text = codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
    except UnicodeDecodeError as e:
        if _looks_vietnamese(head.decode("cp1258", errors="replace")):
            return "cp1258"
        raise UnreadableFile(where, f"not UTF-8 text (invalid byte 0x{head[e.start]:02x} at offset "
                                    f"{e.start}; not UTF-16 or Vietnamese Windows-1258 either)") from None
    if _too_many_controls(text):
        raise UnreadableFile(where, "binary file, not text")
    return "utf-8-sig"


def too_many_controls(text: str) -> bool:
    """More than 1 % of `text` are control characters: binary data, not text."""
    return _too_many_controls(text)


def _hidden(name: str) -> bool:
    return name.startswith((".", "~$"))


def _too_large(where: str | Path, size: int, limit: int) -> UnreadableFile:
    return UnreadableFile(where, f"file too large: {size} bytes > {limit}")


def _sniff(data: bytes) -> str | None:
    """Format from the first bytes: pdf, docx or html; None when nothing matches."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and _is_docx(data):
        return "docx"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") and (b"<html" in head or b"<!doctype html" in head):
        return "html"
    return None


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def _parse(data: bytes, fmt: str, where: str) -> str:
    """Bytes of a known format -> NFC text with "\\n" line ends."""
    reader = {"txt": _decode, "md": _decode, "html": _html, "docx": _docx, "pdf": _pdf}[fmt]
    try:
        text = reader(data, where)
    except DirectivesError:
        raise
    except Exception as e:  # any library failure the readers did not name
        raise UnreadableFile(where, f"cannot read as {fmt}: {_one_line(e)}") from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return nfc(text)


def _one_line(e: BaseException) -> str:
    msg = " ".join(str(e).split())[:200]
    return f"{type(e).__name__}: {msg}" if msg else type(e).__name__


# --- plain text -------------------------------------------------------------

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_VIETNAMESE = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323]")


def _decode(data: bytes, where: str, declared: str | None = None) -> str:
    """Text bytes -> str: UTF-16 (BOM or NUL pattern), UTF-8, `declared`, Windows-1258."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf16(data, "utf-16", where)
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise UnreadableFile(where, "binary file, not text")
        return _utf16(data, encoding, where)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        error = e
    for encoding in filter(None, (declared, "cp1258")):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if encoding == declared or _looks_vietnamese(text):
            return text
    bad = data[error.start]
    raise UnreadableFile(where, f"not UTF-8 text (invalid byte 0x{bad:02x} at offset "
                                f"{error.start}; not UTF-16 or Vietnamese Windows-1258 either)")


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs fill one byte of most pairs, else None."""
    sample = data[:4096]
    pairs = max(len(sample) // 2, 1)
    even, odd = sample[0::2].count(0) / pairs, sample[1::2].count(0) / pairs
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _utf16(data: bytes, encoding: str, where: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise UnreadableFile(where, "binary file, not text") from None
    if _too_many_controls(text):
        raise UnreadableFile(where, "binary file, not text")
    return text


def _too_many_controls(text: str) -> bool:
    return _CONTROLS.subn("", text)[1] > len(text) / 100


def _looks_vietnamese(text: str) -> bool:
    """Vietnamese letters or tone marks make up at least half of the non-ASCII."""
    vietnamese = _VIETNAMESE.subn("", text)[1]
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return vietnamese > 0 and 2 * vietnamese >= non_ascii and not _too_many_controls(text)


# --- HTML -------------------------------------------------------------------

_DROP = frozenset({"script", "style", "nav", "head", "noscript", "template"})
_BLOCK = frozenset({
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul", "ol", "dl", "dt",
    "dd", "table", "thead", "tbody", "tfoot", "caption", "blockquote", "pre", "section",
    "article", "header", "footer", "main", "aside", "figure", "figcaption", "address",
    "hr", "form", "fieldset", "body", "html"})
_CELLS = frozenset({"td", "th"})
_CHARSET = re.compile(rb"""<meta[^>]*charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_MARKER = re.compile(r"\[?([0-9]+)\]?")  # footnote marker text: "1" or "[1]"


def _marker(text: str) -> str | None:
    """'<sup>N</sup>' when `text` is a footnote number, else None."""
    match = _MARKER.fullmatch(text.strip())
    return f"<sup>{match.group(1)}</sup>" if match else None


_CELL_BREAK, _CELL_SEP = "\x00", "\x01"  # a line break inside a cell, the start of a row's next cell


class _Lines:
    """Turns start/end/text events into lines: one per block, a table row's cells joined by ' | ' (a line break
    inside a cell a space), but a row of one or two cells that breaks lines inside them (a letterhead or a signature
    laid out as a table: "ĐẢNG BỘ TỈNH LAI CHÂU<br>HUYỆN ỦY THAN UYÊN" | "ĐẢNG CỘNG SẢN VIỆT NAM<br>...") one line
    per line of its cells, cell after cell."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.parts: list[str] = []
        self.dropped: list[str] = []  # open elements whose content is dropped
        self.in_cell = 0  # depth of open td/th
        self.row_cells = 0
        self.sup: int | None = None  # index in parts where the open <sup> began
        self.in_title = False  # the <title> is kept as the first line, though it sits in <head>

    def start(self, tag: str) -> None:
        if tag == "body":  # a body implies the head is over, even if never closed
            self.dropped.clear()
        if tag == "title" and self.dropped == ["head"]:
            self.in_title = True
            return
        if tag in _DROP or self.dropped:
            if tag in _DROP:
                self.dropped.append(tag)
        elif tag == "br" or tag in _BLOCK:
            self.newline()
            if tag == "tr":
                self.row_cells = 0
        elif tag in _CELLS:
            if not self.in_cell:
                self.parts.append(_CELL_SEP if self.row_cells else "")
                self.row_cells += 1
            self.in_cell += 1
        elif tag == "sup":
            self.sup = len(self.parts)

    def end(self, tag: str) -> None:
        if tag == "title" and self.in_title:
            self.in_title = False
            self.newline()
            return
        if self.dropped:
            if tag == self.dropped[-1]:
                self.dropped.pop()
        elif tag in _BLOCK:
            self.newline()
        elif tag in _CELLS:
            self.in_cell = max(self.in_cell - 1, 0)
        elif tag == "sup" and self.sup is not None:
            marker = _marker("".join(self.parts[self.sup:]))
            if marker:
                self.parts[self.sup:] = [marker]
            self.sup = None

    def text(self, text: str) -> None:
        if not self.dropped or self.in_title:
            self.parts.append(text.replace(_CELL_BREAK, "").replace(_CELL_SEP, ""))

    def newline(self) -> None:
        if self.in_cell:
            self.parts.append(_CELL_BREAK)
            return
        cells = [cell.split(_CELL_BREAK) for cell in "".join(self.parts).split(_CELL_SEP)]
        self.lines.extend(_row_lines(cells) if len(cells) > 1 else [line for line in _row_lines(cells) if line])
        self.parts, self.sup = [], None

    def result(self) -> str:
        self.in_cell = 0
        self.newline()
        return "\n".join(self.lines)


def _squeezed(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _row_lines(cells: list[list[str]]) -> list[str]:
    """A table row's lines from its cells' lines: one, the cells joined by " | " (a cell's lines by a space), but
    one per line of the cells, cell after cell, for a row of one or two cells with lines broken inside them (a
    letterhead or a signature laid out as a table)."""
    cells = [[line for line in map(_squeezed, cell) if line] for cell in cells]
    if len(cells) <= 2 and any(len(cell) > 1 for cell in cells):
        return [line for cell in cells for line in cell]
    return [" | ".join(" ".join(cell) for cell in cells)]


class _Stream(HTMLParser):
    """Non-recursive fallback: html.parser events straight into `_Lines`."""

    def __init__(self, sink: _Lines) -> None:
        super().__init__(convert_charrefs=True)
        self.sink = sink

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.sink.start(tag)

    def handle_endtag(self, tag: str) -> None:
        self.sink.end(tag)

    def handle_data(self, data: str) -> None:
        self.sink.text(data)


def _html(data: bytes, where: str) -> str:
    """HTML -> one line per block element, numeric <sup> kept as literal markers."""
    declared = _CHARSET.search(data[:4096])
    text = _decode(data, where, declared and declared.group(1).decode("ascii"))
    try:
        return _html_with_soup(text)
    except (RecursionError, etree.LxmlError, ParserRejectedMarkup):
        return _html_streamed(text)


def _html_with_soup(text: str) -> str:
    """Walk the BeautifulSoup/lxml tree with an explicit stack (no recursion)."""
    sink = _Lines()
    stack: list[tuple[NavigableString | Tag, bool]] = [(BeautifulSoup(text, "lxml"), False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            sink.end(node.name)
        elif isinstance(node, Tag):
            sink.start(node.name)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
        elif not isinstance(node, PreformattedString):  # comments, doctype, CDATA
            sink.text(str(node))
    return sink.result()


def _html_streamed(text: str) -> str:
    sink = _Lines()
    stream = _Stream(sink)
    stream.feed(text)
    stream.close()
    return sink.result()


# --- DOCX -------------------------------------------------------------------

_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _docx(data: bytes, where: str) -> str:
    """DOCX -> one line per paragraph and per table row; footnotes appended."""
    _check_archive(data, where)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # BadZipFile, KeyError, XMLSyntaxError, PackageNotFoundError...
        raise UnreadableFile(where, f"corrupt DOCX: {_one_line(e)}") from None
    notes = _Footnotes(document)
    lines = [line for block in _blocks(document.element.body)
             for line in _block_lines(block, document, notes)]
    return "\n".join(lines + notes.lines())


def _check_archive(data: bytes, where: str) -> None:
    """Refuse corrupt archives, non-DOCX zips and zip bombs before python-docx opens them."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise UnreadableFile(where, f"corrupt DOCX: {_one_line(e)}") from None
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED or (total > RATIO_FLOOR and total > MAX_RATIO * len(data)):
        raise UnreadableFile(where, f"archive expands too much ({total} bytes from {len(data)})")
    if "word/document.xml" not in {i.filename for i in infos}:
        raise UnreadableFile(where, "corrupt DOCX: no word/document.xml in the archive")


def _blocks(body: etree._Element) -> Iterator[etree._Element]:
    """w:p and w:tbl elements of the body in order, including those in content controls."""
    stack = list(reversed(body))
    while stack:
        el = stack.pop()
        if el.tag in (qn("w:p"), qn("w:tbl")):
            yield el
        elif el.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            stack.extend(reversed(el))


def _block_lines(el: etree._Element, document: DocxDocument, notes: _Footnotes) -> list[str]:
    """A paragraph -> its line(s); a table -> one line per row, cells joined by ' | '."""
    if el.tag == qn("w:p"):
        return [_paragraph_text(el, notes)]
    lines = []
    for row in Table(el, document._body).rows:
        cells = []
        for cell in row.cells:
            if not cells or cells[-1]._tc is not cell._tc:  # merged cells repeat
                cells.append(cell)
        lines.extend(_row_lines([[_paragraph_text(p._p, notes) for p in c.paragraphs] for c in cells]))
    return lines


def _paragraph_text(p: etree._Element, notes: _Footnotes | None) -> str:
    """Text of a w:p; footnote references and superscript numbers become <sup>N</sup>."""
    parts: list[str] = []
    sup: list[str] = []  # text of the current run of superscript runs
    for run in p.iter(qn("w:r")):
        if any(True for _ in run.iterancestors(_FALLBACK)):
            continue  # legacy copy of a text box that also appears in mc:Choice
        text = "".join(_run_piece(el, notes) for el in run)
        align = run.find(f"{qn('w:rPr')}/{qn('w:vertAlign')}")
        if align is not None and align.get(qn("w:val")) == "superscript":
            sup.append(text)
            continue
        parts += [_superscript(sup), text]
        sup = []
    parts.append(_superscript(sup))
    return "".join(parts)


def _superscript(texts: list[str]) -> str:
    text = "".join(texts)
    return _marker(text) or text


def _run_piece(el: etree._Element, notes: _Footnotes | None) -> str:
    """Text of one child of a w:r."""
    if el.tag == qn("w:t"):
        return el.text or ""
    if el.tag == qn("w:tab"):
        return "\t"
    if el.tag in (qn("w:br"), qn("w:cr")):
        return "\n"
    if el.tag == qn("w:noBreakHyphen"):
        return "-"
    if el.tag == qn("w:footnoteReference") and notes is not None:
        return f"<sup>{notes.number(el.get(qn('w:id')))}</sup>"
    return ""


class _Footnotes:
    """Footnotes of a document, numbered in order of first reference."""

    def __init__(self, document: DocxDocument) -> None:
        self.bodies: dict[str, str] = {}
        self.numbers: dict[str, int] = {}
        for rel in document.part.rels.values():
            if rel.reltype == RELATIONSHIP_TYPE.FOOTNOTES and not rel.is_external:
                for note in parse_xml(rel.target_part.blob).iter(qn("w:footnote")):
                    text = " ".join(_paragraph_text(p, None) for p in note.iter(qn("w:p")))
                    self.bodies[note.get(qn("w:id"))] = " ".join(text.split())

    def number(self, note_id: str | None) -> int:
        return self.numbers.setdefault(note_id or "", len(self.numbers) + 1)

    def lines(self) -> list[str]:
        return [f"<sup>{n}</sup> {self.bodies.get(i, '')}".rstrip()
                for i, n in self.numbers.items()]


# --- PDF --------------------------------------------------------------------

def _pdf(data: bytes, where: str) -> str:
    """PDF -> the text layer of each page, pages joined by "\n"."""
    try:
        reader = PdfReader(io.BytesIO(data))
        locked = reader.is_encrypted and not reader.decrypt("")
        pages = [] if locked else [page.extract_text() or "" for page in reader.pages]
    except DependencyError as e:
        raise UnreadableFile(where, f"encrypted PDF, cannot decrypt: {_one_line(e)}") from None
    except Exception as e:  # PdfReadError, ValueError, KeyError, struct/zlib errors...
        raise UnreadableFile(where, f"corrupt PDF: {_one_line(e)}") from None
    if locked:
        raise UnreadableFile(where, "encrypted PDF (a password is required)")
    if not any(page.strip() for page in pages):
        raise UnreadableFile(where, "PDF has no text layer (scanned?)")
    return "\n".join(pages)
