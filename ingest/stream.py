"""Large plain-text files, streamed: read in pieces, analysed piece by piece, merged into the
one `TextFacts` of the file.

A file of hundreds of megabytes is never held whole. It is decoded incrementally (the codec is
chosen from its first bytes as `ingest.read` does for a whole file; an incremental decoder never
cuts a multi-byte character), its line ends and Unicode form are normalised as `read` does, and
it is cut into pieces of about `PIECE_CHARS` characters at a blank line (else at a line end).
Consecutive pieces overlap by about `OVERLAP_CHARS`: each piece *owns* the citations that start
before the middle of its overlap with the next one, so a citation (or a paragraph continued over
a blank line, a page break) lying across a cut is read whole, with the text around it, by the
piece that owns it, and kept once.

The merged facts are those of the whole file: `start`/`end` are offsets in the whole NFC text,
`line`/`col` its lines, statement indices point into the merged citation list, evidence and
footnote lines are lines of the file. `paragraph` increases through the file (the index in the
piece's layout, offset past the previous pieces). `sha256` is the hash of the whole NFC text, as
for a file read whole, so an unchanged file is recognised (in one pass that only decodes)
before anything is analysed.

What is not kept: `TextFacts.text` is "" for a streamed file. The text would be one JSON row of
hundreds of megabytes, loaded again at every rebuild; the graph does not need it (edges carry
their evidence sentence, mentions their surface, file, line and column). The source view of such
a file shows no text and the line-of-a-mention lookups fall back to the mention's surface.

Memory is bounded by the piece size (a few MB of text and its analysis), plus the facts found.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterator

from graph.errors import UnreadableFile
from graph.model import Citation, Footnote, Statement, TextFacts

from .read import MAX_STREAM_BYTES, Source, streamed_format, text_encoding, too_many_controls

#: characters of text per piece (about 4-8 MB of UTF-8 Vietnamese)
PIECE_CHARS = 4_000_000
#: characters shared by consecutive pieces
OVERLAP_CHARS = 32_000
#: characters of the file's opening put before every later piece (see `_head`)
HEAD_CHARS = 4_000
#: characters of the file's closing put after every earlier piece
TAIL_CHARS = 4_000
#: bytes read from the file at a time
READ_BYTES = 1 << 20


@dataclass(frozen=True)
class Piece:
    """A piece of the file's NFC text and where it sits in the whole text."""

    text: str
    char0: int  # offset in the whole text of text[0]
    line0: int  # lines of the whole text before the one holding text[0]
    col0: int  # column of text[0] in its line (0 unless a line was longer than a piece)
    own_from: int  # the citations this piece keeps start in [own_from, own_to) (whole-text offsets)
    own_to: int
    last: bool = False


@dataclass(frozen=True)
class Summary:
    """What one decoding pass learns of the whole text."""

    sha256: str
    chars: int
    lines: int  # line ends ("\n") in the text
    tail: str  # its closing lines (signature, "Nơi nhận"), at most TAIL_CHARS characters


def streamed_facts(path: str | Path, known_hash: Callable[[str], str | None], roster, registry,
                   analyse: Callable, *, piece_chars: int = PIECE_CHARS, overlap: int = OVERLAP_CHARS,
                   max_bytes: int = MAX_STREAM_BYTES) -> TextFacts | None:
    """`ingest.pipeline.facts_of` for a large text file: None when `known_hash(name)` is the hash
    of its text already, else its facts, analysed piece by piece with `analyse(Source, roster,
    registry)`.

    What a text says can depend on its two ends: the letterhead, number and title at the top
    name the document the text is (the source of "this plan implements ..."), the signature at
    the bottom the unit it speaks for. So every piece is analysed with the file's opening lines
    before it and its closing lines after it (`HEAD_CHARS`, `TAIL_CHARS`); what is found there is
    kept only from the pieces that hold those lines."""
    path = Path(path)
    fmt = streamed_format(path, above=0) or "txt"
    summary = summarise(path, max_bytes=max_bytes)
    if known_hash(path.name) == summary.sha256:
        return None
    limit = min(HEAD_CHARS, piece_chars // 4)
    merged, head = _Merge(path.name), None
    for piece in pieces(path, piece_chars=piece_chars, overlap=overlap, max_bytes=max_bytes):
        frame = _Frame(piece, "" if head is None else head, None if piece.last else summary)
        if head is None:
            head = _head(piece.text, limit)
        merged.add(frame, analyse(Source(path.name, frame.text, fmt), roster, registry))
    return merged.result(summary.sha256)


def _head(text: str, limit: int) -> str:
    """The opening of the file (letterhead, number, title, preamble: what the text is), up to
    `limit` characters, ending with a blank line."""
    if len(text) <= limit:
        return ""
    end = text.rfind("\n\n", limit // 2, limit)
    if end >= 0:
        return text[:end + 2]
    end = text.rfind("\n", 0, limit)
    return text[:end + 1] + "\n" if end >= 0 else ""


def summarise(path: str | Path, *, max_bytes: int = MAX_STREAM_BYTES) -> Summary:
    """sha256 of the file's whole NFC text (as `read` would return it), its length, its line
    ends and its closing lines, in one pass that only decodes."""
    h, chars, lines, last = hashlib.sha256(), 0, 0, ""
    for chunk in text_chunks(path, max_bytes=max_bytes):
        h.update(chunk.encode("utf-8"))
        chars += len(chunk)
        lines += chunk.count("\n")
        last = (last + chunk)[-2 * TAIL_CHARS:]
    tail = last[-TAIL_CHARS:]
    if len(tail) < chars:  # from a line start
        cut = tail.find("\n")
        tail = tail[cut + 1:] if cut >= 0 else ""
    return Summary(h.hexdigest(), chars, lines, tail)


def text_hash(path: str | Path, *, max_bytes: int = MAX_STREAM_BYTES) -> str:
    """sha256 of the file's whole NFC text, as `read` would return it."""
    return summarise(path, max_bytes=max_bytes).sha256


class _Frame:
    """The text one piece is analysed as (the file's opening, the piece, the file's closing)
    and the way back from its offsets and lines to those of the whole file."""

    def __init__(self, piece: Piece, head: str, summary: Summary | None):
        self.piece = piece
        tail = summary.tail if summary else ""
        sep = "" if not tail else "\n" if piece.text.endswith("\n") else "\n\n"
        self.text = head + piece.text + sep + tail
        self.head_chars, self.head_lines = len(head), head.count("\n")
        self.tail_at = len(head) + len(piece.text) + len(sep) if tail else len(self.text) + 1
        self.tail_line = (head + piece.text + sep).count("\n") + 1 if tail else 1 << 62
        if summary:
            self.tail_char0 = summary.chars - len(tail)
            self.tail_line0 = summary.lines - tail.count("\n")

    def offset(self, pos: int) -> int:
        if pos < self.head_chars:
            return pos
        if pos >= self.tail_at:
            return self.tail_char0 + pos - self.tail_at
        return self.piece.char0 + pos - self.head_chars

    def line(self, n: int) -> int:
        if n <= self.head_lines:
            return n
        if n >= self.tail_line:
            return self.tail_line0 + n - self.tail_line + 1
        return self.piece.line0 + n - self.head_lines

    def col(self, n: int, col: int) -> int:
        return col + self.piece.col0 if n == self.head_lines + 1 else col

    def in_piece(self, pos: int) -> bool:
        return self.head_chars <= pos < self.tail_at

    def owns(self, pos: int) -> bool:
        return self.in_piece(pos) and self.piece.own_from <= self.offset(pos) < self.piece.own_to

    def owns_line(self, n: int) -> bool:
        if not self.head_lines < n < self.tail_line:
            return False
        p = self.piece
        first = p.line0 + 1 + p.text.count("\n", 0, max(p.own_from - p.char0, 0))
        last = p.line0 + 1 + p.text.count("\n", 0, max(p.own_to - p.char0, 0))
        return first <= self.line(n) < last


def pieces(path: str | Path, *, piece_chars: int = PIECE_CHARS, overlap: int = OVERLAP_CHARS,
           max_bytes: int = MAX_STREAM_BYTES) -> Iterator[Piece]:
    """The file's text as overlapping pieces of about `piece_chars` characters."""
    if overlap * 4 > piece_chars:
        raise ValueError("the overlap must be under a quarter of a piece")
    chunks = text_chunks(path, max_bytes=max_bytes)
    buffer, size, done = [], 0, False
    char0, line0, col0, own_from = 0, 0, 0, 0
    while True:
        while not done and size < piece_chars + overlap:
            chunk = next(chunks, None)
            if chunk is None:
                done = True
            else:
                buffer.append(chunk)
                size += len(chunk)
        text = "".join(buffer)
        if done and len(text) <= piece_chars + overlap:
            yield Piece(text, char0, line0, col0, own_from, char0 + len(text) + 1, last=True)
            return
        end = _cut(text, piece_chars)
        start = _next_start(text, end, overlap)
        middle = (start + end) // 2
        yield Piece(text[:end], char0, line0, col0, own_from, char0 + middle)
        newlines = text.count("\n", 0, start)
        col0 = start - (text.rfind("\n", 0, start) + 1) if newlines else col0 + start
        char0, line0, own_from = char0 + start, line0 + newlines, char0 + middle
        buffer, size = [text[start:]], len(text) - start


def _cut(text: str, piece_chars: int) -> int:
    """Where a piece ends: after the last blank line in its second half, else after its last
    line end there, else at `piece_chars` (a line longer than half a piece; before an ASCII
    character when there is one near, so no combining sequence is cut)."""
    low = piece_chars // 2
    blank = text.rfind("\n\n", low, piece_chars + 1)
    if blank >= 0:
        return blank + 2
    line = text.rfind("\n", low, piece_chars)
    if line >= 0:
        return line + 1
    for i in range(piece_chars, max(low, piece_chars - 1000), -1):
        if text[i].isascii():
            return i
    return piece_chars


def _next_start(text: str, end: int, overlap: int) -> int:
    """Where the next piece begins: at the start of the line holding `end - overlap` when that
    line is not too long, else `end - overlap` itself."""
    at = end - overlap
    line = text.rfind("\n", 0, at) + 1
    return line if at - line <= overlap else at


def text_chunks(path: str | Path, *, max_bytes: int = MAX_STREAM_BYTES) -> Iterator[str]:
    """The file's text, decoded and normalised as `ingest.read.read` normalises a whole file
    ("\\n" line ends, no BOM, NFC), in chunks that end at a line end (or, in a line longer than
    a few MB, before an ASCII character) so that normalising chunk by chunk is normalising the
    whole."""
    path = Path(path)
    where = str(path)
    try:
        f = path.open("rb")
    except OSError as e:
        raise UnreadableFile(path, f"cannot open: {e.strerror or e}") from None
    with f:
        size = os.fstat(f.fileno()).st_size
        if size > max_bytes:
            raise UnreadableFile(path, f"file too large: {size} bytes > {max_bytes} (the limit of a streamed "
                                       "text file)")
        decoder, single_byte, consumed = None, False, 0
        pending, first = "", True
        while True:
            try:
                block = f.read(READ_BYTES)
            except OSError as e:
                raise UnreadableFile(path, f"cannot read: {e.strerror or e}") from None
            if decoder is None:
                if not block:
                    return
                encoding = text_encoding(block, where)
                decoder = codecs.getincrementaldecoder(encoding)()
                single_byte = not encoding.startswith("utf-16")
            if single_byte and b"\x00" in block:
                nul = consumed + block.index(b"\x00")
                raise UnreadableFile(path, f"binary file, not text (a NUL byte at offset {nul})")
            try:
                text = decoder.decode(block, final=not block)
            except UnicodeDecodeError as e:
                raise UnreadableFile(path, f"not {encoding} text (invalid byte 0x{e.object[e.start]:02x} near "
                                           f"offset {consumed + e.start})") from None
            consumed += len(block)
            if consumed > max_bytes:
                raise UnreadableFile(path, f"file too large: more than {max_bytes} bytes (the limit of a "
                                           "streamed text file)")
            if text and too_many_controls(text):
                raise UnreadableFile(path, f"binary file, not text (control characters near offset {consumed})")
            text = pending + text
            if first:
                text, first = text.removeprefix("\ufeff"), False
            if block and text.endswith("\r"):  # a "\r\n" may be cut between two blocks
                text, pending = text[:-1], "\r"
            else:
                pending = ""
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            if not block:
                if text:
                    yield _nfc(text)
                return
            cut = _chunk_end(text)
            pending = text[cut:] + pending
            if cut:
                yield _nfc(text[:cut])


def _chunk_end(text: str) -> int:
    """End of the part of `text` that can be normalised on its own: after its last line end;
    in a line longer than 4 blocks, before its last ASCII character."""
    cut = text.rfind("\n") + 1
    if cut or len(text) < 4 * READ_BYTES:
        return cut
    for i in range(len(text) - 1, max(len(text) - 1000, 0), -1):
        if text[i].isascii():
            return i
    return len(text)


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


class _Merge:
    """The facts of the pieces of one file -> the facts of the file."""

    def __init__(self, name: str):
        self.name = name
        self.citations: list[Citation] = []
        self.at: dict[tuple[int, int], int] = {}  # (start, end) in the whole text -> index in `citations`
        self.statements: list[tuple[Statement, tuple[int, int] | str, int]] = []
        self.footnotes: list[Footnote] = []
        self.provinces: Counter = Counter()
        self.first: TextFacts | None = None
        self.paragraphs = 0  # paragraph indices used by the pieces so far

    def add(self, frame: _Frame, facts: TextFacts) -> None:
        """The facts of `frame.text`, of which only what lies in the piece, in the part it owns,
        is kept."""
        if self.first is None:
            self.first = facts
        if facts.province:
            self.provinces[facts.province] += 1
        mine: dict[int, int] = {}  # index in the piece -> index in the file
        for i, c in enumerate(facts.citations):
            if not frame.owns(c.start):
                continue
            c = replace(c, start=frame.offset(c.start), end=frame.offset(c.end), line=frame.line(c.line),
                        col=frame.col(c.line, c.col), paragraph=self.paragraphs + c.paragraph)
            mine[i] = len(self.citations)
            self.at.setdefault((c.start, c.end), len(self.citations))
            self.citations.append(c)
        for s in facts.statements:
            if s.target not in mine:
                continue  # the piece that owns its target states it
            if isinstance(s.source, int):
                c = facts.citations[s.source]
                source: tuple[int, int] | str = (frame.offset(c.start), frame.offset(c.end))
            else:
                source = s.source
            evidence = replace(s.evidence, line=frame.line(s.evidence.line))
            self.statements.append((replace(s, evidence=evidence), source, mine[s.target]))
        for n in facts.footnotes:
            if frame.owns_line(n.line):
                self.footnotes.append(replace(n, line=frame.line(n.line), body_line=frame.line(n.body_line)))
        self.paragraphs += max((c.paragraph for c in facts.citations), default=-1) + 1

    def result(self, digest: str) -> TextFacts:
        statements = []
        for s, source, target in self.statements:
            if isinstance(source, tuple):
                index = self.at.get(source)
                if index is None:  # its source was read differently by the piece that owns it
                    continue
                s = replace(s, source=index, target=target)
            else:
                s = replace(s, target=target)
            statements.append(s)
        first = self.first
        province = (first.province if first else None) or next(iter(self.provinces.most_common(1)), (None,))[0]
        return TextFacts(self.name, digest, province, first.author if first else None, tuple(self.citations),
                         tuple(statements), "", tuple(self.footnotes))
