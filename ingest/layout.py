"""Clean stage: the text's lines regrouped into logical paragraphs.

Reports converted from PDF break paragraphs at page ends, interleave footnote
bodies, and leave a sentence dangling ("... Tỉnh" / footnotes / "ủy đã tổ chức
..."). A `Paragraph` is the list of line pieces that belong together, so that
extraction and relation finding read whole sentences while every span still
points into the original text. Footnote bodies (lines opening with
`<sup>N</sup>`) are paragraphs of their own, linked to the sentence that carries
the marker.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, count, islice
from operator import add

from .patterns import (FOOTNOTE_MARK_RE, GLUED_FOOTNOTE_MARK_RE, GLUED_FOOTNOTE_START_RE, PLAIN_FOOTNOTE_MARK_RE,
                       PLAIN_FOOTNOTE_START_RE)

_FOOTNOTE_START = re.compile(r"^\s*<sup>\s*(\d{1,3})\s*</sup>")
_CLOSERS = """.!?:;…)]"”'»*"""  # a line ending on one of these closes its sentence
_CLOSERS_TUPLE = tuple(_CLOSERS)
#: the `footnote` of a paragraph that is a page's running head or number: like a footnote's body, no sentence goes on in it
PAGE_FURNITURE = ""
#: a page's number copied out of a PDF, alone or at the end of its running head: "Trang 1/2", "- 3 -"
_PAGE_MARK = re.compile(r"(?:^|\s)Trang\s+\d{1,3}\s*/\s*\d{1,3}\s*$|^\s*-\s*\d{1,3}\s*-\s*$")
_SEPARATOR = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
#: what opens a paragraph of its own: a heading, a list item, a numbered point, a table row ("| a | b |"),
#: a news lead after its source ("(Cổng TTĐT huyện Mai Sơn) - Thực hiện ...")
_BLOCK_START = re.compile(r"^\s*(?:#|[-+•]\s|\(?\d{1,2}[.)]\s|[IVX]+[.-]\s|\*\*|\||\([^()\n]{2,60}\)\s*[-–—]\s)")
_OPEN_FOR_NUMBER = ("ngày", "tháng", "năm", "số")  # a line ending on these waits for a number


@dataclass(slots=True)
class Paragraph:
    pieces: list[tuple[int, int]]  # (start, end) offsets of line pieces in the text
    footnote: str | None = None  # "N" when this paragraph is the body of footnote N
    text: str = ""  # pieces joined by single spaces
    _starts: list[int] = field(default_factory=list)  # offset of each piece in `text`
    joiners: str = ""  # for a table's row copied one cell per line: what joins each piece to the one before ("|"
    # between cells, " " inside a cell cut over two lines)

    def closed(self, source: str) -> bool:
        """Whether the last line piece, trailing spaces aside, ends on a character that closes
        a sentence (`_CLOSERS`: a stop, a colon or semicolon, a closing bracket or quote)."""
        start, end = self.pieces[-1]
        last = source[start:end].rstrip()[-1:]
        return last != "" and last in _CLOSERS

    def last_line(self, source: str) -> str:
        """The last line piece, without its trailing spaces."""
        start, end = self.pieces[-1]
        return source[start:end].rstrip()

    def first_line(self) -> str:
        """The first line piece of the paragraph's text."""
        start, end = self.pieces[0]
        return self.text[:end - start]

    def join(self, source: str) -> None:
        parts, self._starts, pos = [], [], 0
        for start, end in self.pieces:
            self._starts.append(pos)
            parts.append(flattened_row(source[start:end]))
            pos += end - start + 1
        if self.joiners:
            self.text = parts[0] + "".join(j + part for j, part in zip(self.joiners, parts[1:]))
        else:
            self.text = " ".join(parts)

    def to_source(self, pos: int) -> int:
        """Offset in the original text of position `pos` of `self.text`."""
        if len(self.pieces) == 1:
            start, end = self.pieces[0]
            return min(start + pos, end)
        i = _piece_at(self._starts, pos)
        start, end = self.pieces[i]
        return min(start + pos - self._starts[i], end)

    def next_piece(self, pos: int) -> int | None:
        """Position in `self.text` where the line piece after the one holding `pos` begins."""
        if len(self.pieces) == 1:
            return None
        i = _piece_at(self._starts, pos) + 1
        return self._starts[i] if i < len(self._starts) else None

    def piece_end(self, pos: int) -> int:
        """End, in the original text, of the line piece holding `pos`."""
        if len(self.pieces) == 1:
            return self.pieces[0][1]
        return self.pieces[_piece_at(self._starts, pos)][1]


def _piece_at(starts: list[int], pos: int) -> int:
    """The last piece starting at or before `pos` (the first when none does)."""
    return max(bisect.bisect_right(starts, pos) - 1, 0) if len(starts) > 1 else 0


@dataclass(frozen=True)
class Layout:
    paragraphs: tuple[Paragraph, ...]
    footnotes: dict  # "N" -> index of the paragraph holding footnote N's body
    refs: dict  # "N" -> (paragraph index, position in its text) of the marker
    line_starts: tuple[int, ...] = (0,)  # offset of each line of the text

    def locate(self, offset: int) -> tuple[int, int]:
        """(1-based line, 0-based column) of an offset in the text."""
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i]

    def line(self, text: str, number: int) -> str:
        """Line `number` (1-based) of `text`, as `text.splitlines()[number - 1]` gives it,
        without splitting the whole text."""
        start = self.line_starts[number - 1]
        end = self.line_starts[number] if number < len(self.line_starts) else len(text)
        return (text[start:end].splitlines() or [""])[0]

    def line_of(self, paragraph: int, pos: int) -> int:
        """Line of position `pos` of a paragraph's joined text."""
        return self.locate(self.paragraphs[paragraph].to_source(pos))[0]


#: a stop and the spaces after it, before a capital, a quote, a bracket or markup: the spaces
#: (group 1) part two sentences. The stop comes first so that the engine skips to stops.
_SENTENCE = re.compile(r"[.!?…](\s+)(?=[A-ZĐÀ-Ỹ\"“(<*])")


def sentence_bounds(ptext: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of a paragraph's joined text."""
    return _sentences(ptext)[0]


@lru_cache(maxsize=1024)  # a paragraph is asked about once per citation and unit in it
def _sentences(ptext: str) -> tuple[tuple[tuple[int, int], ...], list[int]]:
    bounds, start = [], 0
    for m in _SENTENCE.finditer(ptext):
        bounds.append((start, m.start(1)))
        start = m.end()
    bounds.append((start, len(ptext)))
    return tuple(bounds), [s for s, _ in bounds]


def sentence_at(ptext: str, pos: int) -> tuple[int, int]:
    """(start, end) of the sentence holding `pos`; the whole paragraph when `pos` falls
    between sentences."""
    bounds, starts = _sentences(ptext)
    i = bisect.bisect_right(starts, pos) - 1
    return bounds[i] if i >= 0 and pos < bounds[i][1] else (0, len(ptext))


def clause_at(ptext: str, pos: int) -> str:
    """The clause (between semicolons, inside its sentence) around `pos`."""
    sentence = sentence_at(ptext, pos)
    start = max(ptext.rfind(";", sentence[0], pos) + 1, sentence[0])
    end = ptext.find(";", pos, sentence[1])
    return ptext[start:end if end >= 0 else sentence[1]].strip()


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, as `str.splitlines()` cuts them."""
    starts, lines = _lines(text)
    return list(zip(starts, map(add, starts, map(len, lines))))


def head_lines(text: str, n: int) -> list[str]:
    """`text.splitlines()[:n]`, without splitting the whole text."""
    size = 4096
    while True:
        lines = text[:size].splitlines()
        if len(lines) > n or size >= len(text):  # line n has ended inside text[:size]
            return lines[:n]
        size *= 4


def _lines(text: str) -> tuple[list[int], list[str]]:
    """The start and the body of every line, as `str.splitlines()` cuts them: a line starts
    where the one before ends with its line break."""
    lines = text.splitlines()
    if "\r" in text:  # maybe "\r\n", a line break of two characters
        starts = accumulate(map(len, text.splitlines(keepends=True)), initial=0)
    else:  # every line break is one character
        starts = map(add, accumulate(map(len, lines), initial=0), count())
    return list(islice(starts, len(lines))), lines


def layout(text: str) -> Layout:
    paragraphs: list[Paragraph] = []
    blank_before = True
    starts, lines = _lines(text)
    wrapped = _hard_wrapped(lines)
    notes = "<sup>" in text  # no footnote body, no marker without it
    plain = None if notes else _plain_marks(text)  # markers that lost their superscript: "(1)", "Huyện ủy2"
    furniture = False  # the line before was a page's number or running head
    current: Paragraph | None = None  # the paragraph the line before went to
    cell_rows = _cell_per_line_rows(lines) if "\nSTT\n" in text or "\nTT\n" in text else {}
    row: Paragraph | None = None  # the table row (one cell per line) being read
    for n, (start, line) in enumerate(zip(starts, lines)):
        if n in cell_rows:  # "1" / "Đảng ủy xã Chiềng Khuơng" / "Kế hoạch số 58-KH/ĐU" / "12/6/2024": one row
            if cell_rows[n] == 0 or row is None:
                row = Paragraph([(start, start + len(line))], None, line, [0])
                paragraphs.append(row)
            else:
                row.pieces.append((start, start + len(line)))
                row.joiners += "|" if cell_rows[n] != cell_rows[n - 1] else " "
            blank_before, current, furniture = True, None, False
            continue
        row = None
        head = line[:1]  # the first character that is not a space; "" on a blank line
        if head.isspace():
            head = line.lstrip()[:1]
        if not head or (head in "-*_" and _SEPARATOR.match(line)):
            blank_before, furniture = True, False
            continue
        page = ("Trang" in line or head == "-") and _PAGE_MARK.search(line) is not None
        if page or furniture and len(line) < 40 and not line.rstrip().endswith(_CLOSERS_TUPLE):
            # "ĐẢNG BỘ TỈNH ĐIỆN BIÊN   Trang 1/2" / "Báo cáo số 291-BC/HU": a PDF's page furniture inside a sentence is
            # a paragraph of its own that no sentence goes on in (a page's head may cite the text itself)
            furniture = page
            paragraphs.append(Paragraph([(start, start + len(line))], PAGE_FURNITURE, line, [0]))
            blank_before, current = True, None
            continue
        furniture = False
        note = notes and _FOOTNOTE_START.match(line) or plain and _plain_note(line, start, plain)
        target = None if note else _continued(paragraphs, text, line, head, blank_before, wrapped, current)
        if target is None:  # a paragraph of one line is that line (a table row's cells between bars)
            paragraphs.append(Paragraph([(start, start + len(line))], note.group(1) if note else None,
                                        flattened_row(line), [0]))
            current = paragraphs[-1]
        else:
            target.pieces.append((start, start + len(line)))
            current = target  # (a sentence that went on past a page's footnotes goes on here)
        blank_before = False
    for p in paragraphs:
        if len(p.pieces) > 1 or p.joiners:
            p.join(text)
    footnotes, refs = _link_footnotes(paragraphs, plain.marker if plain else FOOTNOTE_MARK_RE) \
        if notes or plain else ({}, {})
    return Layout(tuple(paragraphs), footnotes, refs, tuple(starts) or (0,))


@dataclass(frozen=True)
class _PlainNotes:
    """Footnotes that lost their superscript: their markers in the text, where each first appears, and their bodies."""
    first: dict  # "N" -> offset of its first marker
    marker: re.Pattern
    body: re.Pattern


#: the first cell of a table's header copied one cell per line
_HEADER_FIRST = frozenset({"STT", "TT", "Số TT"})
_MOST_CELLS = 8


def _cell_per_line_rows(lines: list[str]) -> dict[int, int]:
    """A table copied out of a PDF one cell per line: "STT" / "Đảng bộ" / "Văn bản" / "Ngày ban hành" then "1" / ... for each
    row. Returns, for each line of its rows (and of its header, which may come again after a page break), its cell's
    column (0 opens a row): a row is as many lines as the header has, opening with the row's number."""
    out: dict[int, int] = {}
    n = 0
    while n < len(lines):
        if lines[n].strip() not in _HEADER_FIRST:
            n += 1
            continue
        width = 1
        while width < _MOST_CELLS and n + width < len(lines) and _header_cell(lines[n + width]):
            width += 1
        if width < 3:
            n += 1
            continue
        k = n
        while k < len(lines) and (lines[k].strip() in _HEADER_FIRST or lines[k].strip().isdigit()):
            row = _row_lines(lines, k, width)
            if row is None or not _fits_numbering(lines, row, k):
                break
            out.update(row)
            k = max(row) + 1
        if k == n + width:  # no row of the header's width: cells left empty were dropped, each row as long as it is
            k = _numbered_rows(lines, k, out)
        n = k if k > n else n + 1
    return out


def _fits_numbering(lines: list[str], row: dict[int, int], k: int) -> bool:
    """Whether the row of the header's width that opens at line `k` holds no next row's number followed by a name
    (rows whose empty cells were dropped are shorter than the header)."""
    if not lines[k].strip().isdigit():
        return True  # (the header again, after a page break)
    following = str(int(lines[k].strip()) + 1)
    return not any(lines[n].strip() == following and n + 1 < len(lines) and lines[n + 1].strip()
                   and not lines[n + 1].strip().isdigit() for n in sorted(row)[1:])


def _numbered_rows(lines: list[str], k: int, out: dict[int, int]) -> int:
    """Rows that open on their number, 1, 2, 3 ..., each running to the line before the next number (a cell
    left empty dropped): each line a cell of its own. Returns the line after the last row."""
    expected = 1
    while k < len(lines) and lines[k].strip() == str(expected):
        end = k + 1
        while end < len(lines) and lines[end].strip() and lines[end].strip() not in _TOTALS and not (
                lines[end].strip() == str(expected + 1) and end + 1 < len(lines) and not lines[end + 1].strip().isdigit()):
            end += 1
            if end - k > _MOST_CELLS:
                return k  # (no row runs that long)
        out.update({line: column for column, line in enumerate(range(k, end))})
        k, expected = end, expected + 1
    return k


#: a table's total row, which ends its numbered rows
_TOTALS = frozenset({"Cộng", "Tổng", "Tổng cộng", "Tổng số", "CỘNG", "TỔNG CỘNG"})


def _row_lines(lines: list[str], k: int, width: int) -> dict[int, int] | None:
    """The lines of the row that opens at line `k`, each with its column: a cell cut after a hyphen or a slash
    ("Kế hoạch số 52-" / "KH/ĐU") goes on in the next line. None when the lines run out or one is blank."""
    out, column = {}, 0
    while column < width:
        if k >= len(lines) or not lines[k].strip():
            return None
        out[k] = column
        cell = lines[k].rstrip()
        if not (len(cell) > 1 and cell.endswith(("-", "/"))):
            column += 1
        k += 1
    return out


def _header_cell(line: str) -> bool:
    """A short line that can head a column: "Đảng bộ", "Văn bản", "Ngày ban hành" (not a row's number)."""
    cell = line.strip()
    bracketed = cell.endswith(")") and "(" in cell  # "Kế hoạch (số, ngày)"
    return 0 < len(cell) <= 30 and not cell[0].isdigit() and (bracketed or not cell.endswith(tuple(_CLOSERS)))


def _plain_marks(text: str) -> _PlainNotes | None:
    """"... của Ban Thường vụ Tỉnh ủy(1)." with a line "(1) ..." after it, or "... Huyện ủy2;" with a line "2 Đảng ủy
    xã ..." (a PDF's copy): None unless the text has a line that can open such a body."""
    for opening, marker, body in (("\n(", PLAIN_FOOTNOTE_MARK_RE, PLAIN_FOOTNOTE_START_RE),
                                  ("\n1 ", GLUED_FOOTNOTE_MARK_RE, GLUED_FOOTNOTE_START_RE)):
        if opening in text or text.startswith(opening[1:]):
            first: dict[str, int] = {}
            for m in marker.finditer(text):
                first.setdefault(m.group(1), m.start())
            if first:
                return _PlainNotes(first, marker, body)
    return None


def _plain_note(line: str, start: int, notes: _PlainNotes) -> re.Match | None:
    """A line opening with "(N) " ("N ") is footnote N's body when the text marked N before it."""
    m = notes.body.match(line)
    return m if m and notes.first.get(m.group(1), start) < start else None


def _continued(paragraphs: list[Paragraph], text: str, line: str, head: str, blank_before: bool,
               wrapped: bool = False, current: Paragraph | None = None):
    """The open paragraph this line (no footnote body; `head` its first character that is not
    a space) carries on, or None when it starts a new one (`current`: the paragraph the line before went to)."""
    if not paragraphs:
        return None
    if not blank_before:
        last = current or paragraphs[-1]
        if line[:1] == "\t" and not _opens_block(line) and table_row(last.text):
            return last  # a cell's text wrapped onto a line of its own: "5<TAB>Thị trấn<TAB>..." + "<TAB>Tam Đường"
        if _opens_block(line) or not (wrapped or _wrapped(text, last, head)):
            return None
        if last.closed(text) and not (wrapped and last.footnote and last.last_line(text).endswith(";")):
            return None  # (a footnote's list of plans, wrapped at a fixed width, goes on after its ";")
        return last
    if not (head.islower() or head.isdigit()) or _opens_block(line):
        return None
    recent = [p for p in paragraphs[-12:] if not p.closed(text)]
    if head.isdigit():
        for p in reversed(recent):
            if p.last_line(text).endswith(_OPEN_FOR_NUMBER):
                return p
    bodies = [p for p in recent if p.footnote is None]
    notes = [p for p in recent if p.footnote]  # (no page furniture)
    return (bodies or notes)[-1] if bodies or notes else None


_DANGLING = ("của", "và", "về", "số", "ngày", "tháng", "năm", "các", "những", "với", "tại", "theo", "cho", "trong",
             "đối với", "là", "được", "thực hiện", "triển khai", "quán triệt", "học tập", "tuyên truyền", "Ban",
             "Thường vụ", "Chấp hành", "Đảng ủy", "Huyện ủy", "Tỉnh ủy", "Chỉ thị", "Nghị quyết", "Kết luận",
             "Kế hoạch", "Quyết định", "Quy định", "Hướng dẫn", "Công văn", "ban hành", "bằng", ",", "-", "–", "/")


def _opens_block(line: str) -> bool:
    """A line that opens a paragraph of its own: _BLOCK_START, or a table row."""
    return _BLOCK_START.match(line) is not None or table_row(line) or flattened_row(line) is not line


def table_row(text: str) -> bool:
    """"| a | b |", or "a | b | c" (a DOCX/HTML row's cells joined by " | "), or "1|a|b" (`flattened_row`)."""
    return "|" in text and (text.lstrip().startswith("|") or text.count("|") >= 2)


#: what a table's cells copied as text stand between: a tab, or a run of three spaces or more
_CELL_GAP = re.compile(r"\t[ \t]*|   +")


def flattened_row(line: str) -> str:
    """A line of three cells or more that copying a table left between tabs (or runs of spaces), with a bar
    opening each gap, as long as the line ("1\tXã Bình Lư\tKế hoạch số 51-KH/ĐU" -> "1|Xã Bình Lư|Kế hoạch ...");
    any other line as it is (two columns, a letterhead's "HUYỆN ỦY ...      ĐẢNG CỘNG SẢN VIỆT NAM", stay)."""
    if ("\t" not in line and "   " not in line) or len(_CELL_GAP.findall(line.strip())) < 2:
        return line
    lead, end = len(line) - len(line.lstrip()), len(line.rstrip())
    return line[:lead] + _CELL_GAP.sub(_bars, line[lead:end]) + line[end:].replace("\t", "|")


def _bars(gap: re.Match) -> str:
    """A gap between cells as bars: one per tab (each tab closes a cell, so "\t\t" keeps the empty cell between;
    a last tab the empty cell after), or one opening a run of spaces."""
    return gap.group(0).replace("\t", "|") if "\t" in gap.group(0) else "|" + gap.group(0)[1:]


def row_cells(text: str) -> list[str]:
    """The cells of a table row (`table_row`), a cell's text that copying wrapped onto a line of its own added to its
    column: "15|Đảng ủy các cơ quan|Kế hoạch số 03-KH/ĐU" + " <TAB>Đảng tỉnh" -> [..., "Đảng ủy các cơ quan Đảng tỉnh",
    ...] (its tabs count the columns before it)."""
    head, *wraps = text.split(" \t")
    cells = head.split("|")
    for wrap in wraps:
        column = len(wrap) - len(wrap.lstrip("\t")) + 1
        if column < len(cells) and wrap.strip():
            cells[column] = f"{cells[column].rstrip()} {wrap.strip()}"
    return cells


def _wrapped(text: str, last: Paragraph, head: str) -> bool:
    """A line with no blank line before it goes on the paragraph above when it reads as
    the rest of a sentence: it opens (`head`) in lower case or with a number, or the line
    above stops on a word no sentence or title ends with."""
    if head.islower() or head.isdigit() or head in "(“\",;)":  # (no paragraph opens on ", ngày 20/8/2024")
        return True
    return last.last_line(text).endswith(_DANGLING)


def _hard_wrapped(lines: list[str]) -> bool:
    """A text cut into lines of one width (a scan, a terminal): its lines run on whatever
    letter the next one starts with."""
    lengths = [n for n in map(len, lines) if n > 20]
    if len(lengths) < 8:
        return False
    lengths.sort()
    width = lengths[int(len(lengths) * 0.8)]
    if width > 100:
        return False
    near = bisect.bisect_right(lengths, width + 2) - bisect.bisect_left(lengths, width - 15)  # sorted
    return near >= 0.6 * len(lengths)


def _link_footnotes(paragraphs: list[Paragraph], marks: re.Pattern) -> tuple[dict, dict]:
    footnotes, refs = {}, {}
    for i, p in enumerate(paragraphs):
        if p.footnote:
            footnotes.setdefault(p.footnote, i)
        for m in marks.finditer(p.text):
            if p.footnote is not None and m.start() < 12:
                continue  # the footnote's own number
            refs.setdefault(m.group(1), (i, m.start()))
    return footnotes, refs
