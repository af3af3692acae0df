"""The roster of real units (data/units.json) and how a written name finds its unit.

"Ban Thường vụ Huyện ủy Mường Nhé" is the body Ban Thường vụ of the unit
Huyện ủy Mường Nhé; "Đảng ủy Công an tỉnh" in a text about Điện Biên is
Đảng ủy Công an tỉnh Điện Biên; "Huyện ủy Tòa Chùa" is Huyện ủy Tủa Chùa.
"""
from __future__ import annotations

import bisect
import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from graph.model import Level, Unit

from .clean import fold, key, spelling
from .patterns import UPPER
from .wordtree import one_of

DATA_DIR = Path(os.environ.get("DIRECTIVES_DATA", Path(__file__).resolve().parent.parent / "data"))
CENTRAL = "Trung ương"  # the owner of the central code space (…/TW)

#: bodies of a unit: "Ban Thường vụ Tỉnh ủy" is a body of "Tỉnh ủy"
#: a person's name where a place's would be: a family name, then "Văn" or "Thị" and a given name (a place
#: may have "Văn" second, "Tả Văn Chư", but not after a family name)
_FAMILY_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
                 "Ngô", "Dương", "Lý", "Lò", "Lường", "Quàng", "Cà", "Tòng", "Vàng", "Giàng", "Sùng", "Thào", "Mùa",
                 "Lầu", "Vừ", "Lù", "Điêu", "Lèo", "Hà", "Đinh", "Trịnh", "Đào", "Mai", "Cao", "Lương", "Tạ", "Tô",
                 "Lâm", "Triệu", "Lưu", "Đoàn", "Vi", "Nông", "Lục", "Bế", "Sầm", "Chẻo", "Phàn", "Tẩn")
#: (the Mông's middle names: "Giàng A Lử", "Sùng Seo Pao", "Vàng Thị Mỷ")
_PERSON = re.compile(rf"^(?:{'|'.join(_FAMILY_NAMES)})\s+(?:Văn|Thị|A|Seo|Páo|Chứ|Mí)\s+\S+")
#: the boards of a party committee: "Ban Tuyên giáo Huyện ủy Sông Mã", "Văn phòng Tỉnh ủy Điện Biên"
BOARDS = ("Ban Tuyên giáo và Dân vận", "Ban Tuyên giáo", "Ban Tổ chức", "Ban Dân vận", "Ban Nội chính", "Ủy ban Kiểm tra",
          "Văn phòng")
#: a board of a party committee named by the committee's kind alone: "Ban Tuyên giáo Huyện ủy"
_BOARD_OF_KIND = re.compile(rf"^(?P<board>{'|'.join(BOARDS)})\s+(?P<committee>(?:Huyện|Thành|Thị|Tỉnh) ủy)$")
_TINH_WORD = re.compile(r"(?:^|\s)tỉnh(?:\s|$)")  # "tỉnh" as a word of a (folded) name
_BODIES = re.compile(r"^(?:ban thường vụ|btv|ban thường trực|thường trực|thường vụ|(?:ban chấp hành|bch)(?! trung ương))\s+",
                     re.IGNORECASE)
#: "Đảng bộ tỉnh" and "Ban Chấp hành Đảng bộ tỉnh" name the Tỉnh ủy; "Đảng bộ thị trấn Sông Mã" its Đảng ủy
_COMMUNE_PARTY_OF = (("đảng bộ xã", "đảng ủy xã"), ("đảng bộ phường", "đảng ủy phường"),
                     ("đảng bộ thị trấn", "đảng ủy thị trấn"))
_PARTY_OF = (("đảng bộ tỉnh", "tỉnh ủy"), ("đảng bộ huyện", "huyện ủy"), ("đảng bộ thành phố", "thành ủy"),
             ("đảng bộ thị xã", "thị ủy"), *_COMMUNE_PARTY_OF)
_FUZZY_CUTOFF = 86
#: how near a misspelt district in a name the roster lacks must be to the district it is read as
_DISTRICT_SPELT_CUTOFF = 85
#: the score of a district committee's name read without its marks in a text of no known province
_ANYWHERE_SCORE = 90.0
_DISTRICT_HEADS = ("huyện ủy ", "thị ủy ", "thành ủy ")
#: the words a commune's (a village's) name follows: a district's name after them is another place's
_COMMUNE_LEADS = frozenset({"xã", "Xã", "phường", "Phường", "trấn", "bản", "Bản", "thôn", "Thôn"})
_PLACE_LEADS = {"Huyện", "Tỉnh", "Thành", "Thị", "Tại", "Ở", "TP", "TP.", "Ủy", "Uỷ", "Xã", "Phố"}
#: unit kinds named without a place, and the word for their place: "Huyện ủy" / "huyện Mai Sơn"
_PLACE_WORDS = {"huyện ủy": "huyện", "thành ủy": "thành phố", "thị ủy": "thị xã", "đảng ủy xã": "xã",
                "đảng ủy phường": "phường", "đảng ủy thị trấn": "thị trấn",
                "ubnd huyện": "huyện", "ủy ban nhân dân huyện": "huyện", "ubnd thành phố": "thành phố",
                "ủy ban nhân dân thành phố": "thành phố", "ubnd thị xã": "thị xã", "ủy ban nhân dân thị xã": "thị xã",
                "huyện đoàn": "huyện", "thành đoàn": "thành phố", "thị đoàn": "thị xã"}
#: a party committee's kind with a mark dropped or wrong ("Huyên ủy", "Tinh uy") -> the kind
_KIND_BY_FOLD = {fold(k): k for k in ("Huyện ủy", "Tỉnh ủy", "Thành ủy", "Thị ủy", "Đảng ủy")}
#: a village's (a quarter's) party cell: "Chi bộ bản Nà Cang", "Chi bộ tổ dân phố 5"
_CELL_KINDS = ("Chi bộ bản", "Chi bộ thôn", "Chi bộ tổ dân phố", "Chi bộ tiểu khu", "Chi bộ xóm")
#: a district's (town's, city's) youth union: "Huyện đoàn Mai Sơn", "Thị đoàn Mộc Châu"
_YOUTH_KINDS = ("Huyện đoàn", "Thành đoàn", "Thị đoàn")
_YOUTH_KEYS = frozenset(key(k) for k in _YOUTH_KINDS)
#: a unit name the roster lacks, but well formed: kind (+ level) + a capitalised place
_UNLISTED_KINDS = ("Huyện ủy", "Thành ủy", "Thị ủy", "Tỉnh ủy", "Đảng ủy xã", "Đảng ủy phường", "Đảng ủy thị trấn",
                   *_CELL_KINDS, "Chi bộ", "UBND tỉnh", "UBND huyện", "UBND thị xã", "UBND thành phố",
                   "UBND xã", "UBND phường", "UBND thị trấn", "HĐND tỉnh", "HĐND huyện", "HĐND xã", "Tỉnh đoàn",
                   # the district and commune bodies every province has: police, military, border posts, the
                   # party's boards, the mass organisations
                   "Đảng ủy Công an huyện", "Đảng ủy Công an thành phố", "Đảng ủy Công an thị xã", "Công an huyện",
                   "Công an thành phố", "Công an thị xã", "Công an xã", "Đảng ủy Quân sự huyện",
                   "Ban Chỉ huy Quân sự huyện", "Đảng ủy Đồn Biên phòng", "Chi bộ Đồn Biên phòng", "Đồn Biên phòng",
                   "Chi bộ Công an xã", *_YOUTH_KINDS,
                   *(f"{board} {committee}" for board in ("Ban Tuyên giáo và Dân vận", "Ban Tuyên giáo", "Ban Tổ chức",
                                                          "Ban Dân vận") for committee in ("Huyện ủy", "Thành ủy", "Thị ủy")),
                   *(f"Ủy ban Kiểm tra {c}" for c in ("Huyện ủy", "Thành ủy", "Thị ủy", "Tỉnh ủy", "Đảng ủy xã",
                                                      "Đảng ủy phường", "Đảng ủy thị trấn")),
                   "Hội Liên hiệp Phụ nữ huyện", "Hội Liên hiệp Phụ nữ xã", "Hội Nông dân huyện", "Hội Nông dân xã",
                   "Hội Cựu chiến binh huyện", "Hội Cựu chiến binh xã", "Đoàn Thanh niên xã", "Đoàn xã", "Đoàn phường",
                   "Đoàn thị trấn",
                   *(f"{body} {level}" for body in ("Ủy ban MTTQ Việt Nam", "Hội Liên hiệp Phụ nữ", "Hội Nông dân",
                                                     "Hội Cựu chiến binh")
                     for level in ("thành phố", "thị xã", "phường", "thị trấn")),
                   "Ủy ban MTTQ Việt Nam huyện", "Ủy ban MTTQ Việt Nam xã",
                   # a district's trade union: "Liên đoàn Lao động huyện Mường La tổ chức tập huấn ..."
                   "Liên đoàn Lao động huyện", "Liên đoàn Lao động thành phố", "Liên đoàn Lao động thị xã")
_UNLISTED = re.compile(r"^(?P<kind>" + "|".join(key(k) for k in sorted(_UNLISTED_KINDS, key=len, reverse=True))
                       + r")\s+(?P<place>(?:cửa khẩu (?:quốc tế )?)?\S+(?:\s+\S+){0,3})$")  # ("Đồn Biên phòng Cửa khẩu ...")
#: a capitalised place of up to four words
_PLACE_NAME = rf"[{UPPER}][^\s,;.():]*(?:\s+[{UPPER}][^\s,;.():]*){{0,3}}"
#: the kinds a text names alone after naming one unit of that kind in full, and how it names it: "Đảng ủy xã Chà Cang",
#: "Đảng ủy phường Tân Phong"; "Chi bộ bản Nà Cang", "Chi bộ thôn Nà Pẹt"
#: ("2. Xã Nậm Dịch: Đảng ủy ban hành ...": a commune labelling its paragraph names its committee too)
_NAMED_IN_FULL = {"đảng ủy": re.compile(rf"Đảng ủy (?:xã|phường|thị trấn) {_PLACE_NAME}"
                                        rf"|(?<!\w)(?:Xã|Phường|Thị trấn) {_PLACE_NAME}(?=\s*:)"),
                  "chi bộ": re.compile(rf"Chi bộ (?:bản|thôn|tổ dân phố|tiểu khu|xóm) (?:{_PLACE_NAME}|(?:số )?\d{{1,3}}(?!\d))")}
_UNLISTED_KEYS = frozenset(key(k) for k in _UNLISTED_KINDS)
#: the level word a body's kind ends with, and the party committee of that level
_LEVEL_COMMITTEES = {"huyện": "huyện ủy", "xã": "đảng ủy xã", "phường": "đảng ủy phường", "thị trấn": "đảng ủy thị trấn"}
#: the words a commune-level place is named with: "xã Sìn Hồ" is a commune even where a district bears its name
_COMMUNE_WORDS = ("xã", "phường", "thị trấn")
#: (key) how a body's name is written in full or in short, and the spelling `unlisted` names it with: "Ủy ban nhân dân
#: xã X" is "UBND xã X", "Hội LHPN huyện X" "Hội Liên hiệp Phụ nữ huyện X", "Ủy ban MTTQ xã X" "Ủy ban MTTQ Việt Nam xã X"
_BODY_SPELLINGS = (("ủy ban nhân dân ", "ubnd "), ("hội đồng nhân dân ", "hđnd "), ("hội lhpn ", "hội liên hiệp phụ nữ "),
                   ("hội ccb ", "hội cựu chiến binh "), ("ủy ban mặt trận tổ quốc việt nam ", "ủy ban mttq việt nam "),
                   # (the first that fits spells it: "Ủy ban MTTQ Việt Nam xã" stays, "Ủy ban MTTQ xã" gains "Việt Nam")
                   ("ủy ban mttq việt nam ", "ủy ban mttq việt nam "), ("ủy ban mttq ", "ủy ban mttq việt nam "),
                   *((f"cb {place} ", f"chi bộ {place} ") for place in ("bản", "thôn", "tổ dân phố", "tiểu khu", "xóm")))


#: a department's party committee or cell: "Đảng ủy Sở Giáo dục và Đào tạo", "Chi bộ Kho bạc Nhà nước tỉnh"
_DEPARTMENT_CELL = re.compile(r"^(?P<cell>(?:đảng ủy|đảng bộ|chi bộ)\s+)?(?P<name>.+?)(?:\s+tỉnh(?!\s+ủy)(?P<province>\s+\S.*)?)?$")
#: a district office's party committee or cell: "Chi bộ Phòng Giáo dục và Đào tạo", "Đảng bộ Công an huyện",
#: "Chi bộ Văn phòng Huyện ủy" (the district written after it or the text's)
_DISTRICT_CELL = re.compile(r"^(?P<cell>(?:đảng ủy|đảng bộ|chi bộ)\s+)?(?P<name>.+?)(?:\s+(?P<level>huyện ủy|huyện|thị ủy|thị xã"
                            r"|thành ủy|thành phố)(?P<place>\s+\S.*)?)?$")
#: a district-level committee, the word for its place, its committee's kind: a town's office is "Công an thị xã"
_DISTRICT_LEVELS = {"huyện ủy ": ("huyện", "Huyện ủy"), "thị ủy ": ("thị xã", "Thị ủy"), "thành ủy ": ("thành phố", "Thành ủy")}
#: how near a written department name must be to a known one ("Giáo dục và Đạo tạo")
DEPARTMENT_CUTOFF = 90


#: an agency's party committee or cell that no list holds, by the word its name begins with: "Đảng bộ Bệnh viện Đa
#: khoa tỉnh", "Chi bộ Trung tâm Kiểm soát bệnh tật tỉnh Sơn La", "Đảng ủy Công ty Điện lực Điện Biên"
_AGENCY_CELL = re.compile(r"^(?P<cell>đảng ủy|đảng bộ|chi bộ)\s+(?P<name>(?:bệnh viện|trung tâm|trường|công ty|chi cục|cục|"
                          r"đài|báo|viện|ngân hàng|phòng giao dịch|bảo hiểm xã hội|kho bạc|ban quản lý|hạt|trạm|cơ quan)\s.+?)"
                          r"(?P<level>\s+tỉnh)?$")
#: words agencies' names hold in lower case after a capitalised one ("Bệnh viện", "Đa khoa", "Trung tâm", "Công ty")
_AGENCY_WORDS = ("Bệnh viện Đa khoa", "Trung tâm Kiểm soát bệnh tật", "Trung tâm Y tế", "Công ty Điện lực",
                 "Trường Cao đẳng Sư phạm", "Ngân hàng Nhà nước", "Chi cục Thuế", "Hạt Kiểm lâm", "Trạm Y tế",
                 "Trường Mầm non", "Trường Tiểu học", "Trường Trung học cơ sở", "Trường Trung học phổ thông",
                 "Trường Phổ thông dân tộc nội trú", "Trường Phổ thông dân tộc bán trú",
                 # the district branches of the state banks and insurance
                 "Phòng Giao dịch Ngân hàng Chính sách xã hội", "Ngân hàng Chính sách xã hội", "Bảo hiểm xã hội",
                 "Ngân hàng Nông nghiệp và Phát triển nông thôn", "Kho bạc Nhà nước",
                 "Đồn Biên phòng Cửa khẩu quốc tế",  # ("Đảng ủy Đồn Biên phòng Cửa khẩu quốc tế Tây Trang")
                 "thị trấn Nông trường")  # ("Đảng ủy thị trấn Nông trường Mộc Châu")
#: the teams and offices an agency's cells are named after ("Chi bộ Đội An ninh" of a district's police, "Chi bộ
#: Ban Tham mưu" of a military command), for the words they hold in lower case
_AGENCY_TEAMS = ("Đội An ninh", "Đội Cảnh sát điều tra tội phạm về trật tự xã hội",
                 "Đội Cảnh sát điều tra tội phạm về kinh tế và chức vụ", "Đội Cảnh sát điều tra tội phạm về ma túy",
                 "Đội Cảnh sát giao thông - Trật tự", "Đội Cảnh sát quản lý hành chính về trật tự xã hội",
                 "Đội Cảnh sát thi hành án hình sự và hỗ trợ tư pháp", "Đội Tham mưu - Tổng hợp",
                 "Đội Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", "Phòng An ninh chính trị nội bộ",
                 "Phòng Cảnh sát cơ động", "Phòng Cảnh sát hình sự", "Phòng Cảnh sát kinh tế", "Phòng Kỹ thuật hình sự",
                 "Phòng Cảnh sát quản lý hành chính về trật tự xã hội", "Phòng Cảnh sát giao thông", "Trại tạm giam",
                 "Phòng Cảnh sát điều tra tội phạm về ma túy", "Phòng Tham mưu", "Phòng Hậu cần",
                 "Ban Tham mưu", "Ban Chính trị", "Ban Hậu cần - Kỹ thuật")
#: the level word a district office's name ends with ("Công an huyện", "Văn phòng Huyện ủy")
_LEVEL_AT_END = re.compile(r"\s+(?:huyện|huyện ủy)$")


def _committee_or_cell(written: str) -> str:
    """"Đảng ủy" for "đảng ủy" or "đảng bộ" (a party organisation is named by its committee), else "Chi bộ"."""
    return "Đảng ủy" if written.startswith("đảng") else "Chi bộ"


def agency_cell(phrase: str, province: str | None) -> str | None:
    """"Đảng bộ Bệnh viện Đa khoa tỉnh" in a text about Điện Biên -> "Đảng ủy Bệnh viện Đa khoa tỉnh Điện Biên": the
    party committee (cell) of an agency no list holds, named as written, with its province when "tỉnh" ends it."""
    written = " ".join(_BODIES.sub("", spelling(phrase)).split())
    m = _AGENCY_CELL.match(key(written))
    if not m or not written.split()[2][:1].isupper():
        return None  # ("Chi bộ trường ..." in lower case is no name)
    if m.group("name").startswith("cơ quan") and not m.group("level"):
        return None  # ("Chi bộ Cơ quan Huyện ủy": whose, the text says elsewhere)
    cell = _committee_or_cell(m.group("cell"))
    name = written[m.start("name"):m.end("name")]
    if m.group("level"):
        return f"{cell} {name} tỉnh {province}" if province else None
    return f"{cell} {name}"


#: a party committee whose cells are no villages' or quarters': an agency's ("Đảng ủy Công an huyện Tân Uyên")
#: the offices whose party committees an agency's committee names without the agency: "Đảng ủy Phòng Cảnh sát cơ động"
_AGENCY_OFFICES = ("Phòng ", "Trại ", "Đội ", "Ban ", "Trung tâm ", "Văn phòng ", "Trường ", "Bệnh viện ")
_AGENCY_COMMITTEE = re.compile(r"^Đảng ủy (?!xã |phường |thị trấn |Khối )(?P<agency>\S.*)$")


def _author_s_cell(phrase: str, author: str | None) -> str | None:
    """"Chi bộ Đội An ninh" in a text of Đảng ủy Công an huyện Tân Uyên -> "Chi bộ Đội An ninh Công an huyện Tân
    Uyên": a cell named by its team or office alone is one of the agency's whose committee writes."""
    m = _AGENCY_COMMITTEE.match(author or "")
    written = " ".join(_BODIES.sub("", spelling(phrase)).split())
    cell = next((c for c in ("Chi bộ ", "Đảng ủy ", "Đảng bộ ") if written.startswith(c)), None)
    if not m or not cell or not written[len(cell):len(cell) + 1].isupper() or written.isupper():
        return None
    if cell != "Chi bộ ":  # "Đảng ủy Phòng An ninh chính trị nội bộ": a committee of one of the agency's offices
        if not written[len(cell):].startswith(_AGENCY_OFFICES):
            return None
        written = "Đảng ủy " + written[len(cell):]
    agency = m.group("agency")
    if written.rsplit(" ", 1)[-1] == agency.split(" ", 1)[0]:  # "Chi bộ Văn phòng Sở" of Đảng ủy Sở Y tế tỉnh X
        written = written.rsplit(" ", 1)[0]
    return f"{written} {agency}"


#: a cell named by its office and the commune's level alone: "Chi bộ Trạm Y tế xã", "Chi bộ Trường Mầm non thị trấn"
_CELL_OF_LEVEL = re.compile(r"^(?P<cell>Chi bộ|Đảng ủy|Đảng bộ) (?P<office>[A-ZĐ]\S*(?: \S+){0,6}?) "
                            r"(?P<level>xã|phường|thị trấn)$")
_COMMUNE_COMMITTEE = re.compile(r"^Đảng ủy (?P<level>xã|phường|thị trấn) (?P<place>\S.*)$")


#: a cell of a quarter or village named by its number alone: "Chi bộ tổ dân phố số 3", "Chi bộ tiểu khu 2"
_NUMBERED_CELL = re.compile(r"^Chi bộ (?:tổ dân phố|tiểu khu|khối|thôn|bản|xóm) (?:số )?\d{1,3}$")


def _committee_over(author: str | None, head: str) -> str | None:
    """The committee of kind `head` (a key: "huyện ủy") whose board signs the text: "Ủy ban Kiểm tra Huyện ủy Tam Đường" ->
    "Huyện ủy Tam Đường"."""
    board = next((b for b in BOARDS if author and author.startswith(b + " ")), None)
    if not board:
        return None
    committee = author[len(board) + 1:]
    return committee if key(committee).startswith(head + " ") else None


def _numbered_cell(phrase: str, author: str | None) -> str | None:
    """"Chi bộ tổ dân phố số 3" in a text of Đảng ủy thị trấn Phong Thổ -> "Chi bộ tổ dân phố số 3 thị trấn Phong
    Thổ": every ward has its quarter 3, so the commune writing is part of the name."""
    commune = _COMMUNE_COMMITTEE.match(author or "")
    written = " ".join(_BODIES.sub("", spelling(phrase)).split())
    if not commune or not _NUMBERED_CELL.match(written):
        return None
    return f"{written} {commune.group('level')} {commune.group('place')}"


#: letters the northern speech does not tell apart: "Mường Trà" is heard (and typed) for "Mường Chà"
_SOUNDS_ALIKE = (("tr", "ch"), ("gi", "d"), ("r", "d"), ("x", "s"))


@lru_cache(maxsize=4096)
def _sounded(place: str) -> str:
    """A place's name without marks, its letters that sound alike made one."""
    out = fold(key(place))
    for written, heard in _SOUNDS_ALIKE:
        out = re.sub(rf"\b{written}", heard, out)
    return out


def _commune_s_cell(phrase: str, author: str | None) -> str | None:
    """"Chi bộ Trạm Y tế xã" in a text of Đảng ủy xã Quài Cang -> "Chi bộ Trạm Y tế xã Quài Cang"."""
    commune = _COMMUNE_COMMITTEE.match(author or "")
    cell = commune and _CELL_OF_LEVEL.match(" ".join(_BODIES.sub("", spelling(phrase)).split()))
    if not cell or cell.group("level") != commune.group("level"):
        return None
    kind = "Đảng ủy" if cell.group("cell") == "Đảng bộ" else cell.group("cell")
    return f"{kind} {cell.group('office')} {commune.group('level')} {commune.group('place')}"


#: the words a place's name holds in lower case: a border post's gate, a town grown from a state farm
_LOWER_IN_PLACE = re.compile(r"^(?:Cửa khẩu (?:quốc tế )?|Nông trường )")


@lru_cache(maxsize=65536)
def unlisted(phrase: str) -> str | None:
    """"Đảng ủy xã Mường Phăng", "ĐẢNG ỦY XÃ MƯỜNG PHĂNG" (not in the roster) -> the name in
    canonical spelling; None unless it reads as kind + level + a capitalised place."""
    written = _BODIES.sub("", spelling(phrase))
    low = key(written)
    for old, new in _COMMUNE_PARTY_OF:  # "Đảng bộ xã Mường Phăng" is its Đảng ủy
        if low.startswith(old + " "):
            low, written = new + low[len(old):], "Đảng ủy" + written[len("Đảng bộ"):]
    for long, short in _BODY_SPELLINGS:
        if low.startswith(long):
            low, written = short + low[len(long):], short + written[len(long):]
            break
    m = _UNLISTED.match(low)
    if not m:
        return None
    place = written[m.start("place"):]
    if not all(w[:1].isupper() or w[:1].isdigit() for w in _LOWER_IN_PLACE.sub("", place).split()):
        return None
    kind = next(k for k in _UNLISTED_KINDS if key(k) == m.group("kind"))
    if place.isupper():  # a letterhead's capitals: "MƯỜNG PHĂNG" -> "Mường Phăng"; else as written ("Trường THCS ...")
        place = " ".join(w if w in _ACRONYMS else w[:1] + w[1:].lower() for w in place.split())
    if _PERSON.match(place):
        return None  # "Bí thư Đảng ủy xã Lò Văn Hặc": a person's name, not a place
    return f"{kind} {' '.join(place.split())}"


#: the party committee of a district-level place: "UBND thành phố" in a Thành ủy's text is the city's
_COMMITTEE_OF_LEVEL = {word: committee for committee, (word, _) in _DISTRICT_LEVELS.items()}
#: (key) the Front and the mass organisations, named without their level: at the level of the text's unit
_LEVELLESS_BODIES = {key(body): body for body in ("Hội Nông dân", "Hội Cựu chiến binh", "Hội Liên hiệp Phụ nữ",
                                                   "Ủy ban MTTQ Việt Nam")}
_BODY_SPELLING = {written.rstrip(): spelt.rstrip() for written, spelt in _BODY_SPELLINGS}


def _spelt(low: str) -> str:
    """A key with its body written in full or short as `_BODY_SPELLINGS` spells it: "hội lhpn huyện" -> "hội liên
    hiệp phụ nữ huyện"."""
    for written, spelt in _BODY_SPELLINGS:
        if (low + " ").startswith(written):
            return (spelt + low[len(written):]).rstrip()
    return low


@dataclass(frozen=True)
class Match:
    unit: Unit
    score: float  # 100 for an exact name or alias


class Roster:
    def __init__(self, units: list[dict], departments: Sequence[str] = (), district_departments: Sequence[str] = ()):
        self.units: dict[str, Unit] = {}
        self._by_key: dict[str, list[Unit]] = {}
        self._places: dict[str, list[Unit]] = {}
        written: list[str] = []  # every name and alias as the roster writes it
        for raw in units:
            unit = _unit(raw)
            self.units[unit.id] = unit
            for name in [raw["name"], *raw.get("aliases", [])]:
                self._by_key.setdefault(key(name), []).append(unit)
                written.append(spelling(name))
            if raw.get("place") and unit.level is Level.DISTRICT and unit.kind == "party":
                self._places.setdefault(key(raw["place"]), []).append(unit)
        self._departments = {key(d).removesuffix(" tỉnh"): spelling(d).removesuffix(" tỉnh") for d in departments}
        self._department_keys = list(self._departments)
        #: a district office's name without its level word ("phòng giáo dục và đào tạo", "công an") -> the name with it
        self._district_departments = {_LEVEL_AT_END.sub("", key(d)): spelling(d) for d in district_departments}
        self._district_department_keys = list(self._district_departments)
        #: (word, lower-case word) pairs inside real unit names: "Tổ chức", "Thường vụ", "nhân dân", "Giáo dục"
        #: (from the names as written: a place's first word after "tỉnh" or "Huyện ủy" is capitalised there, so that
        #: "Huyện ủy phù hợp" or "tỉnh tuyên truyền" goes no further than the committee)
        self.lower_pairs = {(a.casefold(), b) for name in [*written, *departments, *district_departments,
                                                           *_CELL_KINDS, *_YOUTH_KINDS, *_AGENCY_WORDS, *_AGENCY_TEAMS]
                            for a, b in zip(name.split(), name.split()[1:]) if b[:1].islower()}
        #: those of the agencies' names without marks: "Ban Dân tôc" (a mark typed wrong) still goes on past "Dân"
        #: (word, word) pairs a dash joins inside real unit names: "Tham mưu - Tổng hợp", "Lao động - Thương binh"
        self.dash_pairs = {(key(a), key(b)) for name in [*self._departments.values(), *self._district_departments.values(),
                                                         *_AGENCY_TEAMS, *written]  # ("UBND tỉnh Bà Rịa - Vũng Tàu")
                           for a, dash, b in zip(name.split(), name.split()[1:], name.split()[2:]) if dash == "-"}
        #: (word, word) pairs a comma joins inside real unit names: "Sở Văn hóa, Thể thao và Du lịch"
        self.comma_pairs = {(key(a.rstrip(",")), key(b)) for name in self._departments.values()
                            for a, b in zip(name.split(), name.split()[1:]) if a.endswith(",")}
        self.unmarked_pairs = {(fold(a), fold(b)) for name in [*self._departments, *_AGENCY_WORDS]
                               for a, b in zip(name.split(), name.split()[1:]) if b[:1].islower()}
        self.provinces = sorted({u.province for u in self.units.values() if u.province})
        self._folded_provinces = {p.casefold() for p in self.provinces}  # ("Thành phố Hồ Chí Minh" as written)
        #: the first word of every name the roster can give (a line opening otherwise names no unit of it)
        self.first_words = {k.split()[0] for k in [*self._by_key, *self._departments] if k}
        self._by_name = {u.name: u for u in self.units.values()}
        self._place_index()
        self._keys_by_province: dict[str | None, list[str]] = {}
        for k, us in self._by_key.items():
            for u in us:
                self._keys_by_province.setdefault(u.province, []).append(k)
        #: the district committees by their names without marks, for a name misspelt in a text of no known province
        self._districts_by_fold: dict[str, list[Unit]] = {}
        for k, us in self._by_key.items():
            for u in us:
                if k.startswith(_DISTRICT_HEADS) and u.level is Level.DISTRICT and u not in self._districts_by_fold.get(fold(k), []):
                    self._districts_by_fold.setdefault(fold(k), []).append(u)

    @classmethod
    def load(cls, path: Path | None = None) -> "Roster":
        return _load_roster(str(path or DATA_DIR / "units.json"))

    # --- lookups ------------------------------------------------------------
    def by_name(self, name: str) -> Unit | None:
        return self._by_name.get(name)

    def match(self, phrase: str, province: str | None) -> Match | None:
        """The unit a written name refers to, in the context of `province`."""
        return self._match(phrase, province)

    @lru_cache(maxsize=65536)  # noqa: B019 — rosters live as long as the process
    def _match(self, phrase: str, province: str | None, cutoff: float = _FUZZY_CUTOFF) -> Match | None:
        phrase = spelling(phrase)
        for candidate in self._variants(phrase, province):
            found = self._exact(candidate, province)
            if found:
                return Match(found, 100.0)
        return self._fuzzy(phrase, province, cutoff)

    def exactly(self, phrase: str, province: str | None) -> Unit | None:
        """The unit `match` finds with a score of 100, without its search for near names."""
        m = self._match(phrase, province, 100.0)
        return m.unit if m else None

    def canonical(self, phrase: str | None, province: str | None) -> str | None:
        m = self.match(phrase, province) if phrase else None
        return m.unit.name if m else None

    def name(self, phrase: str | None, province: str | None, before: str = "",
             author: str | None = None) -> str | None:
        """The canonical name of the unit a phrase writes: a roster unit, a unit named by its
        kind alone (`bare`), or a well-formed name the roster lacks ("Đảng ủy xã Mường Phăng",
        "UBND huyện Mường Chà"), kept as written so that nothing is lost."""
        if not phrase:
            return None
        return (self._district_s_own(phrase, author) or _numbered_cell(phrase, author)
                or self.canonical(phrase, province)
                or self._board(phrase, before, province, author) or self.bare(phrase, before, province, author)
                or self._district_spelt(unlisted(phrase), province) or self.department(phrase, province)
                or self.district_department(phrase, author) or _commune_s_cell(phrase, author)
                or agency_cell(phrase, province) or _author_s_cell(phrase, author))

    def _district_s_own(self, phrase: str, author: str | None) -> str | None:
        """"Hội Nông dân" in a text of Huyện ủy Tam Đường (or under its heading): Hội Nông dân huyện Tam Đường, not the
        province's; "Hội Liên hiệp Phụ nữ thành phố" in a text of Thành ủy Lai Châu, a district-level city's committee:
        the city's (a Thị ủy's: the town's)."""
        word = next((word for head, (word, _) in _DISTRICT_LEVELS.items() if author and key(author).startswith(head)), None)
        if word is None:
            return None
        written = key(" ".join(_BODIES.sub("", spelling(phrase)).split()))
        if word != "huyện":  # (Thành ủy Thành phố Hồ Chí Minh is a province's committee)
            unit = self.by_name(author)
            if unit is None or unit.level is not Level.DISTRICT:
                return None
            written = written.removesuffix(" " + word)
        body = _LEVELLESS_BODIES.get(_BODY_SPELLING.get(written, written))  # ("Hội LHPN", "Ủy ban MTTQ" too)
        return f"{body} {word} {author.split(' ', 2)[2]}" if body else None

    def _district_spelt(self, name: str | None, province: str | None) -> str | None:
        """"Đảng ủy Công an huyện Mường Trà" in Điện Biên -> "... huyện Mường Chà": the district in a name the roster
        does not list, spelt as the province's district nearest to it (one letter or mark apart)."""
        if not name or " huyện " not in name or not province:
            return name
        head, place = name.rsplit(" huyện ", 1)
        if key(place) in self._places:
            return name  # a district the roster knows, in this province or another
        folded = _sounded(place)
        near = {u.name.split(" ", 2)[-1] for k, us in self._places.items() for u in us
                if u.province == province and fuzz.ratio(folded, _sounded(k)) >= _DISTRICT_SPELT_CUTOFF}
        return f"{head} huyện {near.pop()}" if len(near) == 1 else name

    def _board(self, phrase: str, before: str, province: str | None, author: str | None) -> str | None:
        """"Ban Tuyên giáo Huyện ủy" after "Huyện ủy Sông Mã ..." -> Ban Tuyên giáo Huyện ủy Sông Mã: a board of a
        committee named by its kind alone is that committee's."""
        m = _BOARD_OF_KIND.match(spelling(phrase))
        if not m:
            return None
        committee = self.bare(m.group("committee"), before, province, author) or self.canonical(m.group("committee"), province)
        return f"{m.group('board')} {committee}" if committee else None

    @lru_cache(maxsize=65536)  # noqa: B019 — rosters live as long as the process
    def department(self, phrase: str, province: str | None) -> str | None:
        """"Đảng ủy Sở Giáo dục và Đạo tạo" in a text about Sơn La -> "Đảng ủy Sở Giáo dục và Đào tạo
        tỉnh Sơn La": a department the roster lists by name only (`departments` in units.json), or its
        party committee or cell, with its province (the one written, else the text's)."""
        phrase = _BODIES.sub("", spelling(phrase))  # "Ban Thường vụ Tỉnh đoàn" is the Tỉnh đoàn
        m = _DEPARTMENT_CELL.match(key(phrase))
        if not m or not self._departments:
            return None
        hit = process.extractOne(m.group("name"), self._department_keys, scorer=fuzz.ratio,
                                 score_cutoff=DEPARTMENT_CUTOFF)
        if hit is None:
            return None
        written = spelling(phrase).split()
        cell = f"{_committee_or_cell(m.group('cell'))} " if m.group("cell") else ""
        place = " ".join(written[len(written) - len(m.group("province").split()):]) if m.group("province") else province
        if place and not place[:1].isupper():
            return None  # "Đài Phát thanh và Truyền hình tỉnh tuyên truyền ...": a verb after the name, no province
        name = self._departments[hit[0]]
        if not place:
            return f"{cell}{name}"
        of_province = name.endswith("Tỉnh ủy") or name == "Tỉnh đoàn"  # "Ban Tổ chức Tỉnh ủy Sơn La", "Tỉnh đoàn Sơn La"
        return f"{cell}{name} {place}" if of_province else f"{cell}{name} tỉnh {place}"

    def district_department(self, phrase: str, author: str | None) -> str | None:
        """"Chi bộ Phòng Giáo dục và Đào tạo" in a text of Huyện ủy Tam Đường -> "Chi bộ Phòng Giáo dục và Đào tạo
        huyện Tam Đường"; "Đảng bộ Công an huyện" -> "Đảng ủy Công an huyện Tam Đường": a district office's
        party committee or cell (`district_departments` in units.json), of the district written after it, else
        of the text's district committee."""
        m = _DISTRICT_CELL.match(key(_BODIES.sub("", spelling(phrase))))
        if not m or not self._district_departments:
            return None
        hit = process.extractOne(m.group("name"), self._district_department_keys, scorer=fuzz.ratio,
                                 score_cutoff=DEPARTMENT_CUTOFF)
        written = spelling(phrase).split()
        if m.group("place"):  # the district written after it: "Đảng bộ Công an thị xã Mường Lay"
            place = " ".join(written[len(written) - len(m.group("place").split()):])
            level = next(v for v in _DISTRICT_LEVELS.values() if m.group("level") in (v[0], key(v[1])))
            if f"{level[0]} {place}".casefold() in self._folded_provinces:
                return None  # "Đảng ủy Quân sự Thành phố Hồ Chí Minh": a province's, no district's
        else:  # else the text's district committee's: "Công an thị xã" in a Thị ủy's text
            level = next((v for k, v in _DISTRICT_LEVELS.items() if author and key(author).startswith(k)), None)
            if level and (unit := self.by_name(author or "")) and unit.level is not Level.DISTRICT:
                level = None  # (Thành ủy Thành phố Hồ Chí Minh is a province's committee)
            place = author.split(" ", 2)[2] if level and author else None
            if place is None and m.group("level") == "thành phố":  # "Đảng ủy Công an thành phố" in a province's text:
                level, place = _DISTRICT_LEVELS["thành ủy "], self._capital_of(author)  # its capital city's
        if hit is None or not place:
            return None
        word, committee = level
        cell = _committee_or_cell(m.group("cell")) + " " if m.group("cell") else ""  # (the office itself: "Trung tâm
        name = self._district_departments[hit[0]]  # Chính trị huyện Tuần Giáo đã mở 9 lớp ...")
        if cell == "Đảng ủy " and name == "Ban Chỉ huy Quân sự huyện":
            name = "Quân sự huyện"  # the command's party committee is the district's Đảng ủy Quân sự
        name = re.sub(r"(?:huyện|Huyện ủy)$", lambda k: word if k.group(0) == "huyện" else committee, name)
        if name.endswith((word, committee)):
            return f"{cell}{name} {place}"
        return f"{cell}{name} {word} {place}"

    @lru_cache(maxsize=1024)  # noqa: B019 — rosters live as long as the process
    def _capital_of(self, author: str | None) -> str | None:
        """The place of the one district-level city of the author's province: Sơn La's "Sơn La"."""
        unit = self.by_name(author or "")
        cities = {u.name.split(" ", 2)[2] for us in self._places.values() for u in us
                  if unit and u.province == unit.province and u.level is Level.DISTRICT and u.name.startswith("Thành ủy ")}
        return cities.pop() if len(cities) == 1 else None

    def place(self, name: str, province: str | None) -> Unit | None:
        """The district-level party committee of a bare place name ("Thuận Châu")."""
        units = [u for u in self._places.get(key(name), []) if province in (None, u.province)]
        return units[0] if len(units) == 1 else None

    def bare(self, phrase: str, before: str, province: str | None, author: str | None = None) -> str | None:
        """A unit named by its kind alone ("Ban Thường vụ Huyện ủy"): the one of that kind named
        last in `before` ("Huyện ủy Mường Nhé", "Tại huyện Mai Sơn", "Ở Mộc Châu"), else the
        text's author when it is of that kind."""
        head = _spelt(_BODIES.sub("", key(phrase)))  # ("Hội LHPN huyện" is the Hội Liên hiệp Phụ nữ huyện)
        head = dict(_PARTY_OF).get(head, head)  # "Ban Chấp hành Đảng bộ huyện" is the Huyện ủy
        if head in _NAMED_IN_FULL:
            return self._named_last(head, before, province, author)
        if head not in _PLACE_WORDS:
            of_place = self._of_place_named(head, before, province, author)
            if of_place:
                return of_place
            # "Ban Thường vụ Đảng ủy Khối" in a text the Đảng ủy Khối các cơ quan tỉnh signs
            return author if author and head.count(" ") >= 2 and key(author).startswith(head + " ") else None
        word = _PLACE_WORDS[head]
        lead = "|".join(w[0].upper() + w[1:] + "|" + w for w in (head, word, "tại", "ở"))
        # (lead, place); a district in brackets after a commune, "xã Chiềng Chăn (Mai Sơn)", leads with ""
        # (or a paragraph's part labelled with its place: "... cà phê. Mường Ảng: sau khi có Kết luận 01, Ban Thường vụ
        # Huyện ủy ban hành ...")
        found = re.findall(rf"(?:({lead})\s+|(\()\s*|(?:^|(?<=[.;]\s)))({_PLACE_NAME})(?(1)|(?(2)|(?=\s*:)))",
                           spelling(before))
        named = [place for _, _, place in found]
        for place in reversed(named):
            unit = self.canonical(f"{head} {place}", province) or (
                unlisted(f"{head} {place}") if head in _UNLISTED_KEYS and word not in _COMMUNE_WORDS
                and self.place(place, province) else None)
            if unit:  # (a district's body the roster does not list: "Tại Mường Nhé, ... Huyện đoàn ...", "Ở huyện Tân
                return unit  # Uyên, UBND huyện đã ban hành ...")
        if head.startswith(("ubnd", "ủy ban")) and author and key(author).startswith(_COMMITTEE_OF_LEVEL.get(word, "-")):
            return f"UBND {word} {author.split(' ', 2)[-1]}"  # "Ủy ban nhân dân huyện" in a Huyện ủy's text
        if author and key(author).startswith(head + " "):
            return author
        committee = _committee_over(author, head)
        if committee:
            return self.canonical(committee, province) or committee  # "Huyện ủy" in its board's text: the board's
        # a district the roster does not know anywhere, named with its word: "Huyện ủy Mù Cang Chải" named before, in Yên Bái; a commune
        # named with its word ("Ở xã Sìn Hồ, Đảng ủy xã ..."); not a heading's capitals ("Ở CÁC CHI BỘ TRỰC THUỘC")
        def unknown_here(lead_word: str, place: str) -> bool:
            unknown, by_its_word = not self._places.get(key(place)), lead_word.casefold() in (word, head)
            # (a district only after its word: "ở Pá Chặp" names a village)
            return (unknown or by_its_word) if word in _COMMUNE_WORDS else (unknown and by_its_word)
        unknown = [p for lead_word, paren, p in found if (lead_word or paren) and " " in p and not p.isupper()
                   and unknown_here(lead_word, p)]  # (a label "Xyz Abc:" names no place the roster does not know)
        return unlisted(f"{head} {unknown[-1]}") if unknown else None

    def _named_last(self, head: str, before: str, province: str | None, author: str | None) -> str | None:
        """"Đảng ủy đã ban hành Kế hoạch số 24-KH/ĐU", "Chi bộ chọn mô hình ...": the text's author when it is of
        that kind, else the commune's committee (the cell) named last in `before` ("Đảng ủy xã Chà Cang ...",
        "Chi bộ bản Nà Cang ..."; not "Bí thư Đảng ủy xã Lò Văn Hặc")."""
        if author and key(author).startswith(head + " "):
            return author
        for m in reversed(_NAMED_IN_FULL[head].findall(spelling(before))):
            if not m.startswith(("Đảng ủy", "Chi bộ")):
                m = f"Đảng ủy {m[:1].lower()}{m[1:]}"  # "Xã Nậm Dịch:" -> Đảng ủy xã Nậm Dịch
            unit = _numbered_cell(m, author) or self.canonical(m, province) or unlisted(m)
            if unit:
                return unit
        return None

    def _of_place_named(self, head: str, before: str, province: str | None, author: str | None) -> str | None:
        """"Ủy ban MTTQ Việt Nam huyện" after "Huyện ủy Nậm Nhùn ..." -> Ủy ban MTTQ Việt Nam huyện Nậm Nhùn: a
        district's (commune's) body named without its place is the one of the place whose committee is named
        last in `before` (else the text's author's)."""
        committee = next((c for level, c in _LEVEL_COMMITTEES.items() if head.endswith(" " + level)), None)
        if committee is None or head not in _UNLISTED_KEYS:
            return None
        unit = self.bare(committee, before, province, author)
        if not unit or not key(unit).startswith(committee + " "):
            return None
        place = unit.split(" ", len(committee.split()))[-1]
        return self.canonical(f"{head} {place}", province) or unlisted(f"{head} {place}")

    def place_names(self) -> list[str]:
        return [u.name.split(" ", 2)[-1] for us in self._places.values() for u in us]

    def province_of(self, text: str) -> str | None:
        """The province a text is about: its name (two votes) and its districts' names, counted."""
        return Places(self, text).province()

    @lru_cache(maxsize=1024)  # noqa: B019 — a paragraph is read for its context, then for its citations
    def places_in(self, text: str) -> "Places":
        """The place names of `text`, read once."""
        return Places(self, text)

    def _place_index(self) -> None:
        """One regex over every province and district name, for `province_of`."""
        self._place_votes: dict[str, list[tuple[str | None, int]]] = {}
        for province in self.provinces:
            self._place_votes.setdefault(province, []).append((province, 2))
        for units in self._places.values():
            for u in units:
                place = u.name.split(" ", 2)[-1]
                if key(place) != key(u.province or ""):
                    self._place_votes.setdefault(place, []).append((u.province, 1))
        #: the one province a place name belongs to (None when several have it)
        self._sole_province: dict[str, str | None] = {}
        for name, votes in self._place_votes.items():
            provinces = {p for p, _ in votes}
            self._sole_province[name] = provinces.pop() if len(provinces) == 1 else None
        names = sorted(self._place_votes, key=len, reverse=True)
        self._longest_place = len(names[0]) if names else 0
        # a name followed by another capitalised word is part of a longer one: "Điện Biên Phủ",
        # "Thái Bình Dương"
        self._place_re = re.compile("(?:" + one_of(names, word_start=True) + rf")(?!\w|[ \t]+[{UPPER}])")

    # --- internals ------------------------------------------------------------
    def _variants(self, phrase: str, province: str | None) -> list[str]:
        base = phrase
        out = [base]
        stripped = _BODIES.sub("", base)
        while stripped != base:
            base, stripped = stripped, _BODIES.sub("", stripped)
        out.append(base)
        kind = _KIND_BY_FOLD.get(fold(" ".join(base.split()[:2])))
        if kind and not key(base).startswith(key(kind)):  # "Huyên ủy Phong Thổ", "Huyen uy Phong Tho"
            base = kind + " " + " ".join(base.split()[2:])
            out.append(base)
        low = key(base)
        for old, new in _PARTY_OF:
            if low == old or low.startswith(old + " "):
                out.append(new + base[len(old):])
        if province:
            for v in list(out):
                lv = key(v)
                if _TINH_WORD.search(lv) and key(province) not in lv:
                    out.append(f"{v} {province}")
        return list(dict.fromkeys(out))

    def _exact(self, phrase: str, province: str | None) -> Unit | None:
        units = self._by_key.get(key(phrase), [])
        local = [u for u in units if u.province == province] if province else []
        central = [u for u in units if u.province is None]
        pick = _one_at_a_time(local or central or (units if not province else []))
        return pick[0] if len(pick) == 1 else None

    def _fuzzy(self, phrase: str, province: str | None, cutoff: float = _FUZZY_CUTOFF) -> Match | None:
        variants = self._variants(phrase, province)
        choices = self._keys_by_province.get(province, []) + self._keys_by_province.get(None, [])
        best = None
        for v in variants:
            k = key(v)
            if len(k) < 8:
                continue
            if cutoff >= 100:  # a perfect score is an equal key: no need to score every choice
                hit = (k, 100.0) if k in self._key_set(province) else None
            else:
                hit = process.extractOne(k, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
            if hit and _same_head(k, hit[0]) and (best is None or hit[1] > best[1]):
                best = hit
        if not best:
            return self._fuzzy_anywhere(variants, cutoff) if province is None else None
        units = [u for u in self._by_key[best[0]] if u.province in (province, None)]
        return Match(units[0], best[1]) if units else None

    def _fuzzy_anywhere(self, variants: list[str], cutoff: float) -> Match | None:
        """A text whose province nothing says: a district committee's name with a tone mark wrong ("Huyện ủy Vi
        Xuyên") is the one unit of any province whose name has those letters."""
        if cutoff >= 100:
            return None
        for v in variants:
            units = self._districts_by_fold.get(fold(key(v)), ())
            if len(units) == 1:
                return Match(units[0], _ANYWHERE_SCORE)
        return None

    @lru_cache(maxsize=128)  # noqa: B019 — one set per province
    def _key_set(self, province: str | None) -> frozenset[str]:
        return frozenset(self._keys_by_province.get(province, []) + self._keys_by_province.get(None, []))


class Places:
    """Where `text` names a province or district, read once: `province()` is the province the
    text is about, `last_before(pos)` the one named last in `text[:pos]` ("Khác với Lai Châu,
    Sơn La ..." -> Sơn La)."""

    def __init__(self, roster: Roster, text: str):
        self.roster, self.text = roster, text
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.names: list[str | None] = []  # None inside a longer proper name: "Thái Bình Dương"
        self.last: list[str | None] = []  # the province named last up to each name
        found = None
        for m in roster._place_re.finditer(text):
            start = m.start()
            name = None if _inside_name(text, start) else m.group(0)
            found = name and roster._sole_province[name] or found
            self.starts.append(start)
            self.ends.append(m.end())
            self.names.append(name)
            self.last.append(found)

    def province(self) -> str | None:
        """The province's name counts two votes, each of its districts' names one."""
        if not any(self.names):
            return None
        votes: dict[str | None, int] = {}
        for name in self.names:
            for province, weight in self.roster._place_votes.get(name, ()) if name else ():
                votes[province] = votes.get(province, 0) + weight
        best = max(votes.items(), key=lambda kv: kv[1], default=(None, 0))
        return best[0] if best[1] > 0 else None

    def district(self, province: str | None) -> Unit | None:
        """The district of `province` the text names most (twice at least, more than any other)."""
        counts = Counter(self.names)
        ranked = [(n, name) for name, n in counts.most_common() if name and n >= 2 and key(name) != key(province or "")
                  and (u := self.roster.place(name, province)) is not None and u.level is Level.DISTRICT]
        if not ranked or len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
            return None
        return self.roster.place(ranked[0][1], province)

    def last_before(self, pos: int) -> str | None:
        # A name that starts before `settled` ends, with whatever its lookahead reads, before the
        # last non-space ahead of `pos`: it matches in text[:pos] as it does in the whole text. Only
        # the names after it are read again, cut at `pos`.
        settled = _trimmed_end(self.text, pos) - self.roster._longest_place
        i = bisect.bisect_left(self.starts, settled)
        found = self.last[i - 1] if i else None
        resume = max(self.ends[i - 1] if i else 0, settled, 0)
        for m in self.roster._place_re.finditer(self.text, resume, pos):
            if not _inside_name(self.text, m.start()):
                found = self.roster._sole_province[m.group(0)] or found
        return found


#: the abbreviations a unit's name keeps in capitals when its letterhead is turned to title case ("TRƯỜNG THCS CÒ NÒI")
_ACRONYMS = frozenset({"THCS", "THPT", "PTDTBT", "PTDTNT", "DTNT", "PTDT", "MTTQ", "UBND", "HĐND", "TT", "TTYT", "BCH"})


def _trimmed_end(text: str, pos: int) -> int:
    """`len(text[:pos].rstrip())`."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _inside_name(text: str, start: int) -> bool:
    r"""Whether a place name at `start` continues a capitalised word ("Thái Bình Dương"); a
    comma or a lead word ("tỉnh", "Huyện") in between does not count. The word is the one
    regex `(\S+) $` finds in the 16 characters before `start`."""
    before = text[max(0, start - 16):start]
    if before.endswith(" \n"):
        before = before[:-1]  # `$` also matches before a last line break
    if before[-1:] != " " or len(before) < 2 or before[-2].isspace():
        return False  # not one space after a word
    words = before[:-1].rsplit(None, 2)
    word = words[-1]
    if word in _COMMUNE_LEADS and not (word == "xã" and words[-2:-1] in (["Thị"], ["thị"])):
        return True  # "Đảng ủy xã Mường Khương": a commune's name, whatever district bears it too ("Thị xã" is none)
    return word[:1].isupper() and word[-1].isalpha() and word not in _PLACE_LEADS


def _one_at_a_time(units: list[Unit]) -> list[Unit]:
    """Units of one name that succeed each other (a province before and after the 2025
    merger) are one name: the earlier one answers, since archives mostly predate the change."""
    units = list({u.id: u for u in units}.values())
    if len(units) > 1 and all(u.valid_from or u.valid_to for u in units):
        return sorted(units, key=lambda u: u.valid_from or "")[:1]
    return units


#: (folded) the words of a unit's level, which no typo turns into one another
_LEVEL_FOLDS = frozenset({"tinh", "thanh", "huyen", "thi", "xa", "phuong"})


def _same_head(a: str, b: str) -> bool:
    """Fuzzy matches keep the unit's kind: the first two words agree, and so does the
    accent-free place name ("Tòa Chùa" ~ "Tủa Chùa", never "Mường Lay" ~ "Mường La"); a body's
    name is compared by its unit's ("Ban Thường vụ Thành ủy X" is never "Ban Thường vụ Tỉnh ủy X")."""
    wa, wb = _BODIES.sub("", a).split(), _BODIES.sub("", b).split()
    kind = 1 if wa[:1] in (["huyện"], ["xã"], ["phường"]) else 2  # "huyện Băc Yên": the kind is one word
    if wa[:kind] != wb[:kind] or len(wa) != len(wb):
        return False
    rest_a, rest_b = fold(" ".join(wa[kind:])), fold(" ".join(wb[kind:]))
    if any(fuzz.ratio(x, y) < 50 or x != y and (x in _LEVEL_FOLDS or y in _LEVEL_FOLDS)
           for x, y in zip(rest_a.split(), rest_b.split())):
        return False  # a word that is another word, not a typo: "Khối các cơ quan" is not "các cơ quan Đảng"; nor is
        # one level another: "Ban Tuyên giáo và Dân vận Thành ủy X" is not the Tỉnh ủy's
    return fuzz.ratio(rest_a, rest_b) >= 75


def _unit(raw: dict) -> Unit:
    return Unit(id=raw["id"], name=spelling(raw["name"]), level=Level(raw["level"]),
                province=raw.get("province"), parent=raw.get("parent"), kind=raw.get("kind", ""),
                valid_from=raw.get("valid_from"), valid_to=raw.get("valid_to"))


@lru_cache(maxsize=4)
def _load_roster(path: str) -> Roster:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return Roster(data["units"], data.get("departments", []), data.get("district_departments", []))
