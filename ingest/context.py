"""What each paragraph is about, beyond its own words: the province it speaks of and the
unit it is under.

Reports are organised by unit ("1. Ban Thường vụ Huyện ủy Tủa Chùa" / "Đã kịp thời ban
hành Kế hoạch số 131-KH/HU ..."), news compare provinces paragraph by paragraph ("Ở Lai
Châu, ..." / "Khác với Lai Châu, Sơn La ..."), and one file may hold several documents,
each under its own letterhead. A `Context` per paragraph carries that down.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .clean import key
from .layout import Layout
from .patterns import PLACE_WORDS
from .units import BOARDS, Roster, unlisted

_NUMBERING = re.compile(r"^\s*(?:[-+•*]\s*|\(?\d{1,2}[.)]\s*|\(?[a-zđ][.)]\s*|[IVX]+[.-]\s*|[A-Đ][.]\s+)?")
_MARKS = re.compile(r"[*_#`]+")  # emphasis, headings, code
_FOOTNOTE_MARK = re.compile(r"<sup>\s*\d+\s*</sup>")  # holds none of the marks above
_LOWER_ASCII = re.compile(r"[a-z]")
_PARTS = re.compile(r"\s{3,}|\t|\|")  # the columns of a letterhead line
_MOST_WORDS = 12  # in a unit's name standing as a heading
_CAPITALS_LINE = r"[A-ZĐ][A-ZĐÀ-Ỹ ,]{6}[A-ZĐÀ-Ỹ\d/ ,]*$"  # "PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024"
_HEADING = re.compile(rf"^\s*(?:#+\s*|\*\*)?(?:[IVX]+[.-]|\d{{1,2}}(?:\.\d{{1,2}})*[.)]|(?:[A-Đ][.]\s+)?{_CAPITALS_LINE})")
#: an item of a section, not a heading: one that labels what follows its colon ("4. Đảng ủy xã Mường Chiên và Đảng ủy
#: xã Pá Ma Pha Khinh: phát triển ..."), or a whole sentence ("1. Các huyện ủy rà soát, bổ sung kế hoạch ... .")
_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s+(?:[^:]{3,100}:\s+\S|.{40,}[.;]\s*$)")
#: whom a letter is addressed to, and the items of that list
_ADDRESSED = re.compile(r"^\s*(?:\*\*|_)?(?:Kính gửi|Nơi nhận)\b")  # (whom a letter goes to, whom a copy is sent)
_LIST_ITEM = re.compile(r"^\s*[-+•]\s")
#: a line in capitals that heads a section
_HEADING_LINE = re.compile(rf"^\s*{_CAPITALS_LINE}")


@dataclass(frozen=True)
class Context:
    province: str | None  # the province this paragraph speaks of
    unit: str | None  # the unit a heading above put this paragraph under
    author: str | None  # the unit whose letterhead this paragraph follows
    dateline: str | None = None  # the district party committee a news headline opens with
    asks: bool = False  # under a heading of what is asked or planned ("3. Yêu cầu", "PHƯƠNG HƯỚNG, NHIỆM VỤ")

    @property
    def near(self) -> str | None:
        """The unit a kind named alone ("Ban Thường vụ Huyện ủy", "UBND huyện") may stand for
        here: the section's unit, else the author, else the headline's district."""
        return self.unit or self.author or self.dateline


def contexts(doc_layout: Layout, roster: Roster, province: str | None, author: str | None) -> list[Context]:
    out: list[Context] = []
    made: dict[tuple, Context] = {}  # paragraphs in one context share its object
    first = next((p.text for p in doc_layout.paragraphs if p.text.strip()), "")
    dateline = (_dateline_unit(first, roster, province) or _headline_unit(first, roster, province)
                or _headline_commune(first, doc_layout, roster, province))
    unit, section_author, asks = None, author, False
    above = None  # the committee a letterhead line names, which a board's line under it belongs to
    recipients = False  # in the list of whom a letter is addressed to
    previous = None
    for p in doc_layout.paragraphs:
        read = _read_line if len(p.text) < _LINE else _read
        letterhead, heading, opens, here = read(p.text, roster, province)
        letterhead = body_over_place(previous, p.text, roster, province) or letterhead
        previous = p.text
        if not (opens or heading) and len(p.pieces) > 1:  # a heading the next line was joined to: "NHIỆM VỤ GIAO
            opens = _HEADING_LINE.match(p.first_line()) is not None  # CÁC ĐẢNG ỦY XÃ" + "(Kèm theo Kế hoạch ...)"
        board = board_of(p.text, above, roster, province) if above else None
        if board:
            letterhead = board  # "TỈNH ỦY ĐIỆN BIÊN" / "VĂN PHÒNG": the committee's office signs
        above = letterhead or party_line(p.text, roster, province)
        if letterhead:
            section_author, unit, asks = letterhead, None, False
        recipients = recipients and _LIST_ITEM.match(p.text) is not None or _ADDRESSED.match(p.text) is not None
        if recipients:
            heading = None  # "Kính gửi: / - Ban Thường vụ Đảng ủy Bộ đội Biên phòng tỉnh.": whom a letter goes to
        label = None if heading else _unit_label(p.text)
        if heading:
            unit = heading
        elif opens:
            unit = None  # a new section that names no unit ...
            own = _ASKING.match(key(_NUMBERING.sub("", _without_markup(p.text)))) is not None
            # ... or an item of this one ("4. Đảng ủy xã A và Đảng ủy xã B: ...", "2. Ban cán sự đảng UBND tỉnh chỉ đạo
            # tổng kết Đề án ... trong quý III/2025."), asked for if the section or the item asks
            asks = (asks or own) if _ITEM.match(p.text) else own
        # "- Đảng bộ Công an huyện: Kế hoạch số 09-KH/ĐU ...": an item about another unit (the district's office, or
        # one the roster cannot name here), not the one of the item above
        item = roster.district_department(label, section_author) if label else unit
        now = (here, item, section_author, dateline, asks and p.footnote is None)  # a footnote tells what was done
        out.append(made.get(now) or made.setdefault(now, Context(*now)))
    return out


#: (key) a heading over what is asked or planned, not done: "3. Yêu cầu", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
#: "Kiến nghị, đề xuất", "2. Phân công nhiệm vụ", a work programme's "II. NỘI DUNG CHƯƠNG TRÌNH NĂM 2024"
_ASKING = re.compile(r"(?:yêu cầu|đề nghị|kiến nghị|đề xuất|nhiệm vụ|phương hướng|giải pháp|phân công"
                     r"|nội dung chương trình)(?:\W|$)")
_DATELINE = re.compile(rf"^\s*(?:#+\s*|\*\*)?(?P<place>{PLACE_WORDS})\s*:\s+\S")


#: a headline that opens with a place: "Chiềng Chăn đưa Nghị quyết 11 của Tỉnh ủy vào cuộc sống"
_HEADLINE_PLACE = re.compile(rf"^\s*(?:#+\s*|\*\*)?(?P<place>{PLACE_WORDS})(?:\s+[a-zđà-ỹ]|\s*:\s+\S)")
_COMMUNE_COMMITTEE = re.compile(rf"(?:xã|phường|thị trấn) (?P<place>{PLACE_WORDS})")  # ("Đảng ủy xã ...", "xã ...")
#: how many paragraphs after the headline may name the commune it opens with in full
_HEADLINE_REACH = 6


#: a headline that opens with a committee: "Thị ủy Sa Pa sơ kết 3 năm thực hiện Kết luận 21-KL/TW"
_HEADLINE_UNIT = re.compile(rf"^\s*(?:#+\s*|\*\*)?(?P<unit>(?:Huyện ủy|Thị ủy|Thành ủy|Đảng ủy (?:xã|phường|thị trấn))"
                            rf"\s+{PLACE_WORDS})\s+[a-zđà-ỹ]")


def _headline_unit(headline: str, roster: Roster, province: str | None) -> str | None:
    """"Thị ủy Sa Pa sơ kết ..." — a news item about the committee its headline opens with, which a bare "Thị ủy"
    then means."""
    m = _HEADLINE_UNIT.match(headline)
    return m and (roster.canonical(m.group("unit"), province) or unlisted(m.group("unit")))


def _headline_commune(headline: str, doc_layout: Layout, roster: Roster, province: str | None) -> str | None:
    """"Chiềng Chăn đưa ..." over "... Đảng ủy xã Chiềng Chăn (Mai Sơn) đã ban hành ...": a news item about a
    commune, whose committee a bare "Đảng ủy xã" or "UBND xã" then means."""
    m = _HEADLINE_PLACE.match(headline)
    if not m:
        return None
    place = key(m.group("place"))
    for p in doc_layout.paragraphs[1:_HEADLINE_REACH + 1]:
        for named in _COMMUNE_COMMITTEE.finditer(p.text):
            if key(named.group("place")).startswith(place):
                name = "Đảng ủy " + named.group(0)[:named.start("place") - named.start() + len(m.group("place"))]
                return roster.canonical(name, province) or unlisted(name)
    return None


def _dateline_unit(headline: str, roster: Roster, province: str | None) -> str | None:
    """"Mường Chà: Hội nghị học tập ..." — a news headline opened by a district's name: the
    article is about its party committee, which a bare "Huyện ủy" or "UBND huyện" then means.
    Not a province's name ("Lai Châu: ..."), which is also its capital's."""
    m = _DATELINE.match(headline)
    if not m or key(m.group("place")) in {key(p) for p in (province or "", *roster.provinces)}:
        return None
    unit = roster.place(m.group("place"), province)
    return unit.name if unit else None


def _read(ptext: str, roster: Roster, province: str | None) -> tuple[str | None, str | None, bool, str | None]:
    """What a paragraph tells of its context: the unit of its letterhead, the unit it stands
    for as a heading, whether it opens a section that names no unit, the province it speaks of."""
    text = _without_markup(ptext)
    heading = _heading_unit(text, roster, province) or _labelled_unit(text, roster, province)
    if heading and heading.startswith("Báo ") and heading == text:
        heading = None  # "Báo Sơn La" over a news item is its byline, not a section about the paper ("3. Báo Sơn La:")
    opens = not heading and len(text) < 120 and _HEADING.match(ptext) is not None
    return letterhead_unit(text, roster, province), heading, opens, _province_of(text, roster, province)


_LINE = 120  # paragraphs shorter than this (letterheads, headings, signatures) recur from text to text
_read_line = lru_cache(maxsize=8192)(_read)


def _without_markup(text: str) -> str:
    """The text less its marks and footnote markers. The two never overlap, so removing the
    markers first leaves what removing both at once would (and lets each regex skip ahead to
    the characters it starts with)."""
    if "<sup>" in text:
        text = _FOOTNOTE_MARK.sub("", text)
    if "*" in text or "_" in text or "#" in text or "`" in text:
        text = _MARKS.sub("", text)
    return text.strip()


#: what a unit was renamed: "(nay là Thị ủy Mộc Châu)"
_NOW_CALLED = re.compile(r"\s*\((?:nay là|nay|cũ)\b[^()]{0,60}\)$")


def _heading_unit(text: str, roster: Roster, province: str | None) -> str | None:
    """"1. Ban Thường vụ Huyện ủy Tủa Chùa" — a short line that is nothing but a unit."""
    if text.endswith(")"):  # "2. Ban Thường vụ Huyện ủy Mộc Châu (nay là Ban Thường vụ Thị ủy Mộc Châu)": as it was then
        text = _NOW_CALLED.sub("", text)
    if len(text.split(None, _MOST_WORDS + 2)) > _MOST_WORDS + 2:
        return None  # numbering and a trailing stop take at most two words off
    body = _NUMBERING.sub("", text).strip().rstrip(":.")
    if not body or len(body.split(None, _MOST_WORDS)) > _MOST_WORDS or not body[0].isupper():
        return None
    if key(body.split(None, 1)[0]) not in roster.first_words:
        return unlisted(body)  # "I. CÔNG TÁC LÃNH ĐẠO", "Nơi nhận:": no name the roster can give opens so
    unit = roster.exactly(body, province)
    if unit is None and body.startswith(_UNIT_KINDS):  # "2. Huyện ủy Mường Ẳng:", "+ Huyện Sìn Hổ:": misspelt, still the unit
        m = roster.match(body, province)
        unit = m.unit if m else None
    return unit.name if unit else roster.department(body, province) or unlisted(body)


#: the words a unit's name that heads a section begins with (a misspelt one is looked for among near names)
_UNIT_KINDS = ("Huyện", "Thành ủy", "Thị ủy", "Tỉnh ủy", "Đảng ủy", "Đảng bộ", "Chi bộ", "Ban ", "Ủy ban", "UBND",
               "Hội ", "Tỉnh đoàn", "Công an", "Đồn")


_LABELLED = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-zđ][.)]|[-+•])\s*(?P<label>[^:;.,()]{4,90}):\s")


def _unit_label(text: str) -> str | None:
    """The label of a list item that names a unit by its kind: "Đảng bộ Công an huyện" of "- Đảng bộ Công an huyện:
    Kế hoạch số ..." (None for any other paragraph)."""
    m = _LABELLED.match(text) if ":" in text[:100] else None
    return m.group("label") if m and m.group("label").startswith(_UNIT_KINDS) else None


def _labelled_unit(text: str, roster: Roster, province: str | None) -> str | None:
    """"2. Ban Thường vụ Huyện ủy Trùng Khánh: Đến ngày 03/12/2019 mới ban hành ..." — a numbered
    finding labelled with the unit it is about."""
    m = _LABELLED.match(text)
    return _heading_unit(m.group("label"), roster, province) if m else None


#: (key) a committee's board as a letterhead prints it on the line under the committee's name
_BOARDS = {key(board): board for board in BOARDS}


#: "ĐẠI HỘI ĐẠI BIỂU LẦN THỨ XXII" under "ĐẢNG BỘ HUYỆN MƯỜNG CHÀ": a congress, whose texts are its committee's
_CONGRESS_LINE = re.compile(r"\s*ĐẠI HỘI(?: ĐẠI BIỂU)?(?: LẦN THỨ [IVXL]+)?(?:,? NHIỆM KỲ [\d\s–-]+)?\s*")


def board_of(line: str, committee: str | None, roster: Roster, province: str | None) -> str | None:
    """"VĂN PHÒNG" under "TỈNH ỦY ĐIỆN BIÊN": the committee's board (Văn phòng Tỉnh ủy Điện Biên) signs the text;
    "ĐẠI HỘI ĐẠI BIỂU LẦN THỨ XXII" under "ĐẢNG BỘ HUYỆN MƯỜNG CHÀ": the committee its congress elects;
    "SỞ Y TẾ" under "UBND TỈNH SƠN LA": the province's department; "CHI BỘ TRUNG TÂM Y TẾ HUYỆN" under "ĐẢNG BỘ
    HUYỆN SÌN HỒ": the cell of the district's office."""
    if committee and _CONGRESS_LINE.fullmatch(_without_markup(line)):
        return committee
    if committee and key(committee).startswith("ubnd tỉnh "):
        return _department_under(_without_markup(line), committee, roster)
    if committee and key(committee).startswith("huyện ủy "):
        cell = _office_cell_under(_without_markup(line), committee, roster)
        if cell:
            return cell
    board = _BOARDS.get(key(_without_markup(line)))
    if board is None or not committee or not key(committee).startswith(("tỉnh ủy", "huyện ủy", "thành ủy", "thị ủy")):
        return None
    name = f"{board} {committee}"
    return roster.canonical(name, province) or name


def _office_cell_under(line: str, district_committee: str, roster: Roster) -> str | None:
    """"CHI BỘ TRUNG TÂM Y TẾ HUYỆN" under "ĐẢNG BỘ HUYỆN SÌN HỒ": the cell of that district's office."""
    if len(line) > 80 or not line.isupper() or not key(line).startswith(("chi bộ ", "đảng ủy ", "đảng bộ ")):
        return None
    return roster.district_department(line, district_committee)


def _department_under(line: str, people_s_committee: str, roster: Roster) -> str | None:
    """"SỞ Y TẾ" under "UBND TỈNH SƠN LA": the province's department (Sở Y tế tỉnh Sơn La) signs the text."""
    if len(line) > 60 or not line.isupper():
        return None
    return roster.department(line, people_s_committee.split(" ", 2)[2])


#: (key) the bodies a letterhead may name on one line and their level and place on the next
_PLACELESS_BODIES = frozenset(key(body) for body in (
    "Ủy ban MTTQ Việt Nam", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Hội Nông dân", "Hội Liên hiệp Phụ nữ", "Hội LHPN",
    "Hội Cựu chiến binh", "Ủy ban nhân dân", "UBND", "Hội đồng nhân dân", "HĐND"))
_LEVEL_LINE = re.compile(r"(?:HUYỆN|TỈNH|XÃ|PHƯỜNG|THỊ TRẤN|THỊ XÃ|THÀNH PHỐ)\s+(?!ỦY|UỶ)\S")


def body_over_place(previous: str | None, line: str, roster: Roster, province: str | None) -> str | None:
    """"ỦY BAN MTTQ VIỆT NAM" over "HUYỆN TUẦN GIÁO": the body the two letterhead lines name together."""
    if previous is None or len(previous) > 40 or key(_without_markup(previous)) not in _PLACELESS_BODIES:
        return None
    place = _without_markup(line)
    return letterhead_unit(f"{_without_markup(previous)} {place}", roster, province) if _LEVEL_LINE.match(place) else None


def party_line(text: str, roster: Roster, province: str | None) -> str | None:
    """"ĐẢNG BỘ HUYỆN MƯỜNG CHÀ" atop a board's letterhead: the committee of that party organisation."""
    for part in _capital_columns(_without_markup(text)):  # "ĐẢNG BỘ HUYỆN MƯỜNG CHÀ      ĐẢNG CỘNG SẢN VIỆT NAM"
        part = part.strip()
        if len(part) <= 60 and part.isupper() and key(part).startswith("đảng bộ "):
            return roster.canonical(part, province)
    return None


def letterhead_unit(text: str, roster: Roster, province: str | None) -> str | None:
    """"HUYỆN ỦY TUẦN GIÁO" — the name of the unit that issues, in capitals, as letterheads
    print it (a newspaper's masthead, "BÁO ĐIỆN BIÊN PHỦ", is no issuing unit)."""
    return (_letterhead_line if len(text) < _LINE else _letterhead)(text, roster, province)


def _letterhead(text: str, roster: Roster, province: str | None) -> str | None:
    """`letterhead_unit`, uncached."""
    for part in _capital_columns(text):
        part = part.strip()
        if len(part) <= 6 or part.upper() != part or not any(ch.isalpha() for ch in part):
            continue
        if key(part).startswith("đảng bộ"):
            continue  # the parent line above the issuer: "ĐẢNG BỘ TỈNH ĐIỆN BIÊN"
        m = roster.match(part, province)
        if m and m.score == 100 and m.unit.kind in ("party", "state", "front"):
            return m.unit.name
        if not m and unlisted(part):
            return unlisted(part)
        if not m and key(part).startswith(("đảng ủy ", "chi bộ ")):  # "ĐẢNG ỦY SỞ Y TẾ": a department's committee
            department = roster.department(part, province)
            if department:
                return department
    return None


_letterhead_line = lru_cache(maxsize=8192)(_letterhead)  # the lines atop a text recur from text to text


def _capital_columns(text: str) -> list[str]:
    """The columns of a line that may be in capitals: `_PARTS.split(text)`, or, when the line
    has no bar, no space but " " (any other is unprintable) and no three spaces in a row, the
    line itself unless a letter in it is in lower case."""
    if "|" in text or not text.isprintable() or "   " in text:
        return _PARTS.split(text)
    return [] if _LOWER_ASCII.search(text) or text.upper() != text else [text]


def _province_of(text: str, roster: Roster, province: str | None) -> str | None:
    """A paragraph speaks of another province only when it names that one and not the text's."""
    if province and province in text:
        return province
    here = roster.places_in(text).province()
    return here or province
