"""Relate stage: what a text says between its citations, and which units act on them.

Three kinds of statement, each with the sentence as evidence:
- a cited document's subject names another document: "Kế hoạch số 47-KH/HU ... về
  thực hiện Nghị quyết số 15-NQ/TU" (implements; continues, inspects, guides,
  amends by the verb);
- a list introduced by "... thực hiện Nghị quyết số 15-NQ/TU:" gives that relation
  to every document its items issue, unless an item names its own target;
- a unit that is the subject of a sentence carrying out a directive ("Ban Thường
  vụ Tỉnh ủy Lai Châu đã chỉ đạo ... quán triệt Chỉ thị 05-CT/TW"), or registering
  "việc làm theo" under the directive the text is about.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise
from typing import NamedTuple

from graph.model import CARRY_OUT, Citation, Evidence, Level, MentionKind, Relation, Statement

from .clean import key
from .layout import Layout, clause_at, head_lines, row_cells, sentence_bounds, table_row
from .wordtree import one_of
from .context import Context, board_of, body_over_place, letterhead_unit, party_line
from .extract import EARLIER_PARAGRAPHS, _unit_phrase, iso_date
from .patterns import (LIST_ITEM_RE, LIST_JOIN_RE, NUMERIC_DATE_RE, PARTY_OF_LEVEL, PLACE_WORDS, PLACE_WORDS_RE,
                       TYPE_OF_WORD, UPPER)
from .units import Roster, unlisted

#: what a unit or a document carries out (an action programme is a Chương trình: patterns.TYPE_OF_WORD)
DIRECTIVE_TYPES = ("Chỉ thị", "Nghị quyết", "Kết luận", "Quy định", "Kế hoạch", "Hướng dẫn", "Quyết định", "Chương trình", "Đề án")
_CARRY_OUT = (r"thực hiện|triển khai|quán triệt|học tập|tuyên truyền|cụ thể hóa|cụ thể hoá|thi hành|đưa nội dung"
              r"|theo (?:đúng )?tinh thần")
# The case-blind patterns are written in lower case and read `_lowered` text (see there); each
# is marked "(lowered)".
#: (lowered)
_VERB = re.compile(rf"(?:{_CARRY_OUT}|kiểm tra|giám sát|hướng dẫn|sửa đổi|bổ sung|thay thế)")
#: (lowered)
_INSPECT = re.compile(r"kiểm tra|giám sát")
#: (lowered)
_AMEND = re.compile(r"sửa đổi|bổ sung|thay thế")
#: (lowered)
_CONTINUE = re.compile(r"tiếp tục\s+(?:thực hiện|triển khai)")
_COORDINATION = re.compile(r"^\s*(?:,|và)?\s*(?:gắn với\s+(?:(?:việc\s+)?(?:thực hiện|triển khai)\s+)?)?(?:các\s+)?$")
#: (lowered) what opens a list after its target: ":", ", cụ thể:", ", gồm:", ". Cụ thể:", "("
_LIST_INTRO = re.compile(r"\s*(?:(?:(?:của\s+)?(?:các|những)\s[^:;.()]{1,50})?[:：]"  # "... Kết luận 01 của các đảng bộ trực thuộc:"
                         # (not "(theo Công văn số 1520-CV/HU ...)": what asked for the text, no list of its deeds)
                         r"|,?\s*(?:cụ thể|gồm|như sau|như|(?:tiêu biểu|điển hình)(?:\s+(?:như|là))?)(?:\s+như sau)?\s*[:：]|\.\s+cụ thể\s*[:：,]|(?P<paren>\()(?!\s*(?:theo|thực hiện|triển khai|cụ thể hóa|về)\s)"
                         r"|,?\s*(?:như|(?:điển hình|tiêu biểu)\s+như)\s+(?=(?:huyện|thành|thị|đảng|ban|chi|kế|hướng)\b)"
                         # "... 09 nghị quyết chuyên đề để cụ thể hóa B, trong đó có A1 ...; A2 ... và A3 ..."
                         # "...; trong đó Huyện ủy Bắc Yên (Kế hoạch số 164-KH/HU) ..."
                         r"|\s*[,;]\s*trong đó(?:\s+có)?\s+(?=(?:nghị quyết|kế hoạch|chỉ thị|quy định|đề án|chương trình"
                         r"|hướng dẫn|huyện ủy|thành ủy|thị ủy|đảng ủy|chi bộ)\b))")
_CARRY_OUT_WORDS = (*_CARRY_OUT.split("|"), "làm theo", "gắn với", "đưa nội dung", "theo tinh thần", "sơ kết", "tổng kết",
                    "sinh hoạt chuyên đề",
                    "biên soạn")  # "Ban Tuyên giáo Huyện ủy đã biên soạn 1.200 cuốn tài liệu hỏi - đáp về Chỉ thị 05"
#: (lowered)
#: (a directive "đưa" straight before it is put into the cell's meetings: "đưa Nghị quyết số 09-NQ/TU vào sinh hoạt")
#: (a number's thousands may be dotted on the way: "biên soạn 1.200 cuốn tài liệu về Chỉ thị 05")
_CARRY_OUT_BEFORE = re.compile(rf"(?:(?:{'|'.join(_CARRY_OUT_WORDS)})(?:[^.;]|(?<=\d)\.(?=\d)){{0,60}}|(?<!\w)đưa\s+(?:(?:các\s+|những\s+)?"
                               r"(?:chuẩn mực|tinh thần|yêu cầu|quy định)\s+(?:của\s+)?)?"
                               # "đưa chỉ tiêu giảm nghèo của NQ 03 vào nghị quyết lãnh đạo": a part of it put into one's own
                               r"|(?<!\w)đưa\s+(?:chỉ tiêu|mục tiêu|nhiệm vụ|nội dung)[^.;,]{0,30}?\s+của\s+)$")
#: how far before a citation its verb may begin: at most 90 characters, and no further than the
#: longest verb, the 60 characters _CARRY_OUT_BEFORE allows after it and a newline before its "$"
#: (lowered) "(tổ chức đại hội) theo Chỉ thị ...", "theo đúng yêu cầu của Kế hoạch ...": done as a directive says
_PER_BEFORE = re.compile(r"(?<!\w)(?:theo\s+(?:đúng\s+)?|đúng\s+(?:theo\s+)?|bám sát\s+)(?:(?:(?:các|từng|\d{1,2})\s+(?:nhóm\s+)?)?(?:tinh thần|yêu cầu|nội dung|tiến độ"
                         r"|lộ trình|định hướng|mục tiêu|chuẩn mực|tiêu chí|quy trình|nguyên tắc)(?:,\s*(?:quy trình|nguyên tắc|yêu cầu))?\s+(?:của\s+)?)?$")
#: (lowered) an inspection of how a directive is carried out: "kiểm tra việc thực hiện", "giám sát việc lãnh đạo, chỉ đạo
#: triển khai thực hiện", or a working session on it: "làm việc với Ban Thường vụ Huyện ủy X về kết quả thực hiện"
_INSPECTING_BEFORE = re.compile(r"(?:(?:kiểm tra|giám sát)\s+(?:chuyên đề\s+)?(?:việc\s+)?[^.;:]{0,40}?"
                                r"|làm việc với\s[^.;:]{3,80}?\svề\s+(?:kết quả\s+|tình hình\s+)?(?:việc\s+)?)"
                                r"(?:thực hiện|triển khai)\s+$")
#: the documents under which a unit is inspected ("kiểm tra theo Quyết định ..."); inspecting as a Quy định or a
#: Chỉ thị says ("tiến hành kiểm tra, giám sát theo Quy định 22-QĐ/TW") is carrying it out
_INSPECTION_WARRANTS = ("Quyết định", "Kế hoạch", "Chương trình", "Thông báo")
#: (lowered) "Qua kiểm tra theo Quyết định số 185-QĐ/ĐU, Chi bộ ... thực hiện tốt": inspected as the decision says
_INSPECTED_PER = re.compile(r"(?:kiểm tra|giám sát)\s+theo\s+$")
_CARRY_OUT_REACH = min(90, max(map(len, _CARRY_OUT_WORDS)) + 60 + 1)
#: (lowered)
_ACTIVITY = re.compile(r"đăng ký[^;.]{0,60}(?:làm theo|việc|mô hình|nội dung|kế hoạch|cá nhân)"
                       r"|ban hành[^;.]{0,40}(?:văn bản|kế hoạch)[^;.]{0,20}thực hiện")
_EXAMPLES_HEAD = r"(?:điển hình|tiêu biểu)"
#: (lowered)
_EXAMPLES = re.compile(_EXAMPLES_HEAD + r"\s+(?:như|là)\s*:?")
#: (lowered)
_EXAMPLES_START = re.compile(_EXAMPLES_HEAD)
#: how far after a directive's citation "điển hình như:" may begin
EXAMPLES_WITHIN = 40
#: the words a unit's name begins with ("Tỉnh uỷ" in old-style and odd tone marks too)
_UNIT_HEADS = ("Chi bộ", *(f"{w} {u}" for w in ("Tỉnh", "tỉnh", "Huyện", "Thành", "Thị", "Đảng")
                            for u in ("uỷ", "ủỷ", "ủy")),
               "Đảng bộ", "Tỉnh đoàn", "Tỉnh Đoàn", "Công an tỉnh", "UBND", "Ủy ban", "Uỷ ban", "HĐND", "Hội đồng",
               "Hội Liên hiệp", "Hội LHPN", "Hội Nông dân", "Hội Cựu chiến binh", "Hội CCB", "Trường", "Đài", "Báo", "Bộ Chỉ huy",
               "Ban Tuyên giáo", "Ban Tổ chức", "Ban Dân vận", "Mặt trận", "Bộ Chính trị", "Ban Bí thư", "Liên đoàn",
               "Liên minh",  # "Liên minh Hợp tác xã tỉnh xây dựng Chương trình hành động số 04/CTr-LMHTX ..."
               "Công an huyện", "Công an thành phố", "Đồn Biên phòng", "Huyện đoàn", "Thành đoàn", "Ban Chỉ huy",
               "Đoàn xã", "Đoàn phường", "Đoàn thị trấn",  # a commune's youth union: "Đoàn xã Leng Su Sìn vận động ..."
               "CB bản", "CB thôn", "CB tổ dân phố", "CB tiểu khu",  # ("CB bản Phát": a commune's notes)
               "Trung tâm", "Phòng",  # a district's offices: "Trung tâm Chính trị huyện Tuần Giáo đã mở 9 lớp"
               "Sở")  # a province's departments: "Sở Văn hóa, Thể thao và Du lịch đã mở 5 lớp tập huấn ..."
_UNIT_BODIES = ("Ban Thường vụ", "Ban Thường trực", "Ban Chấp hành", "Thường trực")


def _body_or_head(bodies, heads) -> str:
    r"""`(?:body\s+head|head)`, with its branches grouped by their first letter: a pattern that
    begins with a letter in every branch lets the engine skip straight to those letters (one
    that begins with a group is tried at every position)."""
    any_head = one_of(heads)
    branches = []
    for first in dict.fromkeys(w[0] for w in bodies + heads):
        rest = [rf"{re.escape(b[1:])}\s+(?:{any_head})" for b in bodies if b[0] == first]
        rest += [one_of([h[1:] for h in heads if h[0] == first])] if any(h[0] == first for h in heads) else []
        branches.append(re.escape(first) + "(?:" + "|".join(rest) + ")")
    return "(?:" + "|".join(branches) + ")"


_UNIT_HEAD = re.compile(_body_or_head(_UNIT_BODIES, _UNIT_HEADS) + r"(?!\w)")
_ITEMS_ACTING = (r"(?P<items>[^.;:]{1,200}?)(?=\s+(?:đã|đều|cùng|đồng thời|không|chưa|có|tổ chức|ban hành|triển khai|"
                 r"quán triệt|xây dựng|cụ thể hóa|cụ thể hoá|hoàn thành|thực hiện)\b)")
#: "Các huyện ủy: Tuần Giáo, Mường Ảng đã ..." / "Huyện ủy Mường Chà, Nậm Pồ và Tủa Chùa đã ...": two
#: patterns, so that the first begins with a literal the engine can skip to
_ENUMERATIONS = (re.compile(r"Các (?P<noun>trường|huyện ủy|huyện|đảng ủy|chi bộ|sở|ban|hội|xã|phường|thị trấn)\s*:?\s*"
                            + _ITEMS_ACTING),
                 re.compile(r"(?P<noun>(?:Huyện|Thành|Thị|Đảng) ủy)\s+(?=[A-ZĐ][^.;:,]{0,40}?(?:,|\svà\s))"
                            + _ITEMS_ACTING),
                 # "Đảng ủy các đồn: Sen Thượng, Leng Su Sìn đã ...", "Hội LHPN các huyện: Tam Đường, Phong Thổ đã ..."
                 re.compile(r"(?P<org>Đảng ủy|[Đđ]ảng bộ Công an|Hội LHPN|Hội Liên hiệp Phụ nữ|Hội Nông dân|Hội Cựu chiến binh"
                            r"|Ủy ban MTTQ Việt Nam|Ủy ban MTTQ|Ủy ban Mặt trận Tổ quốc Việt Nam|Đoàn Thanh niên)"
                            r" (?:các|hai|ba|bốn|năm|\d{1,2}) (?P<noun>huyện|xã|phường|thị trấn|đồn)(?:\s+[Bb]iên phòng)?\s*:?\s*"
                            + _ITEMS_ACTING))
#: what an organisation listed over its places is called: "Hội LHPN các huyện: Tam Đường" -> Hội Liên hiệp Phụ
#: nữ huyện Tam Đường; "Đảng ủy các đồn: Sen Thượng" -> Đảng ủy Đồn Biên phòng Sen Thượng
_ENUM_ORGS = {"Hội LHPN": "Hội Liên hiệp Phụ nữ", "Đảng bộ Công an": "Đảng ủy Công an", "Ủy ban MTTQ": "Ủy ban MTTQ Việt Nam",
              "Ủy ban Mặt trận Tổ quốc Việt Nam": "Ủy ban MTTQ Việt Nam"}
_ENUM_PLACES = {"đồn": "Đồn Biên phòng"}
#: (lowered) "Theo" opening a clause: the source of what follows, whose subject comes after the next comma
_ACCORDING_TO = re.compile(r"(?:^|[.;:]\s*|\n\s*)(?:theo|(?:phối hợp|kết hợp) với)\s+$")  # ("Phối hợp với X, Y đã ...")
#: (lowered)
#: (lowered) a congress opening its clause, of the unit named next: "Đại hội điểm của Đảng bộ xã Mường Bú ..."
_CONGRESS_OF = re.compile(r"(?:^|[.;:]\s*|,\s+|(?:^|\s)[-+•]\s*|\d\.\s+)đại hội(?:\s+đại biểu)?(?:\s+điểm)?(?:\s+của)?\s*$")
_NOT_SUBJECT_BEFORE = re.compile(
    r"(?:của|đối với|cho|với|tới|tại|được|trực thuộc|thuộc|ở|giữa|từ|đến|theo|bởi|về|mời|giao|chỉ đạo)\s*$")
#: (lowered)
_SUBJECT_AFTER = re.compile(
    r"^\s*(?:[:\d]|,\s*(?:các|và)\b|và\b|(?:đã|đang|sẽ|đều|luôn|cũng|tập trung|ban hành|chỉ đạo|lãnh đạo|tổ chức|"
    r"có|đăng ký|triển khai|thực hiện|xây dựng|hướng dẫn|tuyên truyền|quán triệt|đạt|thường xuyên|chủ động|"
    r"tiếp tục|phối hợp|quan tâm|nghiêm túc|gắn|đưa|phân công|hướng dẫn|chủ trì|tham mưu|phát động|sơ kết|"
    r"tổng kết|hoàn thành|kiểm tra|giám sát|cụ thể hóa|cụ thể hoá|mở|biên soạn|phát hành)\b)")
#: the place a unit's name is followed by: "Đảng ủy xã Mường Cơi, huyện Phù Yên", "Đồn Biên phòng A Pa Chải (huyện
#: Mường Nhé)"
_PLACE_LEVEL = r"(?:huyện|tỉnh|thị xã|thành phố|TP\.?|xã)\s+"
#: where a unit is, after its name: ", huyện Phù Yên", "(TP Điện Biên Phủ)", "(Mai Sơn)"
_WHERE_AFTER = re.compile(rf"\s*(?:,\s*{_PLACE_LEVEL}{PLACE_WORDS}\s*\)?|\(\s*(?:{_PLACE_LEVEL})?{PLACE_WORDS}\s*\))"
                          r"(?=\s*,?\s*[a-zđà-ỹ])")
_EMPHASIS = re.compile(r"[*_#]")
_DONE_OR_NOT = re.compile(r"\b(?:đã|chưa|còn)\b")
_NEXT_SENTENCE = re.compile(rf"[.!?]\s+[{UPPER}]")  # ". Ủy ban MTTQ ...": any capital opens one
#: (lowered) what a document organises as a directive says: " về tổ chức đại hội theo "
_ORGANISED_PER = re.compile(r"[\s,]*(?:(?:về|để|nhằm)\s+)?(?:tổ chức|chuẩn bị)\s[^.;,]{0,40}?\stheo\s+(?:đúng\s+)?"
                            r"(?:(?:tinh thần|yêu cầu|nội dung|hướng dẫn)\s+(?:của\s+)?)?$")
#: (lowered)
_GAP_HEAD = re.compile(rf"(?:về|v/v|để|nhằm|{_CARRY_OUT}|tiếp tục|kiểm tra|giám sát|hướng dẫn|sửa đổi|thay thế|tổ chức|chuẩn bị"
                       r"|phê duyệt|thành lập|kiện toàn|ban hành (?:kế hoạch|đề án|chương trình)|được\s(?:[^,;.]{2,60}?\s)?ban hành\s(?:để|nhằm)\s)")
# ("Quyết định số 401/QĐ-TTg ... phê duyệt Đề án thực hiện B", "... ban hành Kế hoạch triển khai B", "A ... được (Ban
# Thường vụ Huyện ủy) ban hành để thực hiện B", "Quyết định số 89/QĐ-SYT ... thành lập Tổ công tác triển khai B")
#: (lowered)
_REPORTING = re.compile(r"báo cáo|sơ kết|tổng kết")
#: (lowered)
_CARRY_OUT_RE = re.compile(_CARRY_OUT)
#: (lowered) a verb of carrying out right before a citation: "gắn với thực hiện B"
_CARRIED_OUT_BEFORE = re.compile(rf"(?:{_CARRY_OUT})\s*$")
_ISSUED_AT_END = re.compile(r"(?:ban hành|xây dựng)\s*$")
#: (lowered) the verb that issues the citation after it: "đã ban hành ", "ban hành kịp thời "
_ISSUING_BEFORE = re.compile(r"(?:ban hành|xây dựng)(?:\s+kịp thời)?\s*$")
_SPACE = re.compile(r"\s")
_JOINED = re.compile(r"(?:\s*\(?\s*kh(?:óa|oá)\s+[IVXLC]+\s*\)?)?\s*[;,]?\s*(?:và\s+)?",  # "... khóa XIII và Chỉ thị ..."
                     re.IGNORECASE)  # (a heading's capitals: "... QUY ĐỊNH SỐ 144-QĐ/TW VÀ CHỈ THỊ SỐ 28-CT/TW")
# what _clean takes out: a heading's leading "#"s, then footnote markers and emphasis (apart
# from the "#"s, whose "^" would have the engine try the pattern at every position)
_HEADING_MARK = re.compile(r"#+\s*")
_EVIDENCE_MARKUP = re.compile(r"<sup>\s*\d+\s*</sup>|\*\*|__")
_OPENS = re.compile(r"(?:^|[.;:]\s*|,\s+|(?:^|\s)[-+•]\s*)$")  # a clause's or a list item's start
_LOWER_NEXT = re.compile(r"\s+[a-zđà-ỹ]")
_PLACE_NAME = rf"(?:[Hh]uyện\s+)?(?P<place>{PLACE_WORDS})\s*:"
_PLACE_COLON = re.compile(r"(?:^|[;:,.]\s*|như\s+)" + _PLACE_NAME)
# the same after the paragraph's start: beginning with a character, it lets the engine skip to one
_PLACE_COLON_INSIDE = re.compile(r"(?:[;:,.]\s*|như\s+)" + _PLACE_NAME)
_WHERE_AT_END = re.compile(r"\s*\([^()]*\)\s*$")
_ITEM_SEP = re.compile(r",\s*|\s+và\s+")
_SIGNATURE = re.compile(r"T\s*/\s*M\.?\s+(?:BAN THƯỜNG VỤ|BAN CHẤP HÀNH|TỈNH ỦY|HUYỆN ỦY|THÀNH ỦY|THỊ ỦY|ĐẢNG ỦY|ỦY BAN KIỂM TRA)"
                        # "T/M BAN THƯỜNG VỤ HUYỆN ỦY THUẬN CHÂU": the committee it signs for, named
                        r"(?:[ \t]+(?P<committee>(?:HUYỆN|THÀNH|THỊ|TỈNH) ỦY(?:[ \t]+[^\s*]+)+))?"
                        r"|Lưu\s*:?\s*Văn phòng\s+(?P<office>(?:Ủy ban Kiểm tra\s+)?(?:Tỉnh|Huyện|Thành|Thị|Đảng) (?:ủy|uỷ)"
                        r"[^,.\n]*)")


#: a board of a provincial committee signing its report
_SIGNED_BY_BOARD = re.compile(r"T\s*/\s*M\.?\s+(?P<board>(?:BAN (?:TUYÊN GIÁO(?: VÀ DÂN VẬN)?|DÂN VẬN|TỔ CHỨC|NỘI CHÍNH)"
                              r"|ỦY BAN KIỂM TRA) TỈNH ỦY)")


class UnitMention(NamedTuple):
    name: str  # canonical unit name
    start: int  # position in the paragraph text
    end: int
    subject: bool  # grammatical subject of its clause


def relate(file: str, cits: list[Citation], doc_layout: Layout, roster: Roster,
           province: str | None, author: str | None, paragraph_contexts: list[Context] | None = None,
           text: str | None = None) -> list[Statement]:
    out: list[Statement] = []
    by_paragraph: dict[int, list[int]] = {}
    for i, c in enumerate(cits):
        by_paragraph.setdefault(c.paragraph, []).append(i)
    topic = _topic(cits)
    paragraph_of = [c.paragraph for c in cits]
    as_of = _Once(lambda: max((c.date for c in cits if c.date), default=None))  # the latest date the text cites
    ctxs = paragraph_contexts or [Context(province, None, author)] * len(doc_layout.paragraphs)
    owns = own_documents(cits, text, doc_layout) if text is not None else []
    targets: set[int] = set()
    # the paragraphs without citations are read together first: in most texts none of them can say
    # that a unit carries something out ("\n.\n" between them: _BARE reads each edge as an end)
    uncited = [p.text for n, p in enumerate(doc_layout.paragraphs) if n not in by_paragraph]
    any_uncited = _carried_out_uncited("\n.\n".join(uncited), topic)
    for p_index, paragraph in enumerate(doc_layout.paragraphs):
        indexes = by_paragraph.get(p_index, [])
        ptext = paragraph.text
        if not indexes and not (any_uncited and _carried_out_uncited(ptext, topic)):
            continue  # no citation, and nothing a unit could be carrying out
        lowered = _lowered(ptext)
        doc_targets: set[int] = set()
        own = _section_owner(owns, cits, p_index)
        if indexes:
            doc_targets = _document_relations(file, cits, indexes, ptext, lowered, out)
            _anaphora(file, cits, indexes, ptext, doc_targets, own, out)
            _replaced(file, cits, indexes, ptext, lowered, doc_targets, out, own)
            _list_relations(file, cits, indexes, ptext, lowered, doc_targets, out)
            targets |= doc_targets
        earlier = bisect.bisect_left(paragraph_of, p_index)  # citations of the paragraphs before this one
        _unit_relations(file, cits, indexes, ptext, lowered, doc_targets, roster, ctxs[p_index], topic, out,
                        earlier, lambda pos, p=p_index: doc_layout.line_of(p, pos),
                        cits[own].type if own is not None else None,
                        lambda p=p_index: " ".join(q.text for q in doc_layout.paragraphs[max(0, p - EARLIER_PARAGRAPHS):p]),
                        as_of)
    _item_lists(file, cits, by_paragraph, doc_layout, out, lambda cell: roster.name(cell, province, "", author))
    _footnoted_plans(file, cits, by_paragraph, doc_layout, out, topic)
    for n, own in enumerate(owns):
        end = cits[owns[n + 1]].paragraph if n + 1 < len(owns) else len(doc_layout.paragraphs)
        _own_relations(file, cits, own, doc_layout, range(cits[own].paragraph, end), targets, out, ctxs)
    if owns and text is not None:
        out += _joint(out, owns, co_authors(text, roster, province, author))
    return [s for s in out if not _central_carrying_out_local(s, cits)]


def _central_carrying_out_local(s: Statement, cits: list[Citation]) -> bool:
    """No central document carries out a local one: "Thực hiện Chỉ thị số 05-CT/TW ..., gắn ... với thực hiện Nghị
    quyết số 06-NQ/TU" says what the province did, not what the Chỉ thị does."""
    if isinstance(s.source, str) or s.relation not in (Relation.IMPLEMENTS, Relation.CONTINUES):
        return False
    source, target = cits[s.source], cits[s.target]
    return _is_central(source) and target.code is not None and not _is_central(target)


def _is_central(c: Citation) -> bool:
    """A document of the Party's centre: its code ends in /TW (or -TW)."""
    return bool(c.code) and c.code.upper().replace("-", "/").endswith("/TW")


#: what may stand between the directives a sentence carries out and its footnote's marker: their issuer
_BEFORE_MARK = re.compile(r"[\s,]*(?:của\s+[^.;:()]{2,60}?)?"
                          # "... cụ thể hóa Kế hoạch số 468-KH/ĐU bằng kế hoạch, nghị quyết chuyên đề ...(2)": by what means
                          r"(?:\s*bằng\s+(?:các\s+)?(?:kế hoạch|nghị quyết|văn bản|chương trình)[^.;:()<]{0,60}?)?"
                          # "... thực hiện Nghị quyết số 16-NQ/HU của Huyện ủy phù hợp với điều kiện thực tế(2)"
                          r"(?:\s*(?:phù hợp|sát với|gắn với|trên địa bàn|tại|ở|cho|đến|tới|trong)\s[^.;:()<]{0,160})?[\s,]*$")


def _footnoted_plans(file, cits, by_paragraph, doc_layout: Layout, out, topic: int | None = None):
    """"Các huyện ủy đã ban hành kế hoạch thực hiện Chỉ thị số 35-CT/TW và Kế hoạch số 241-KH/TU<sup>1</sup>." /
    "<sup>1</sup> Thành ủy Lạng Sơn Kế hoạch số 156-KH/TU ...; Huyện ủy Cao Lộc Kế hoạch số 45-KH/HU ...": the plans
    a footnote lists that say nothing of what they carry out carry out what the sentence bearing its marker does."""
    related = {s.source for s in out} | {s.target for s in out}  # (a plan the footnote says more of, or cites)
    for marker, (p_index, pos) in doc_layout.refs.items():
        body = doc_layout.footnotes.get(marker)
        if body is None or body == p_index:
            continue
        ptext = doc_layout.paragraphs[p_index].text
        run = _carried_before_mark(cits, by_paragraph.get(p_index, []), ptext, pos, topic)
        if not run:
            continue
        body_text = doc_layout.paragraphs[body].text
        for a in by_paragraph.get(body, []):
            if a in related or not cits[a].code or cits[a].code.upper().endswith("/TW") \
                    or cits[a].type not in DIRECTIVE_TYPES:
                continue  # (a unit's plan has its code: no short form, nothing central)
            for t in run:
                out.append(_statement(file, a, t, _issued_for(cits[a]), 0.7, cits, body_text))


def _carried_before_mark(cits, indexes, ptext, pos, topic: int | None) -> list[int]:
    """What the sentence bearing a footnote's marker at `pos` carries out: the directives cited right before it ("...
    thực hiện Chỉ thị số 35-CT/TW và Kế hoạch số 241-KH/TU của Ban Thường vụ Tỉnh ủy(1)"), or the one its kind alone
    names, or the text's topic when the verb leaves it unnamed ("... xây dựng kế hoạch thực hiện(2)")."""
    before = [i for i in indexes if cits[i].pos < pos]
    run = _joined_run(cits, before, ptext) if before else []
    if run and _BEFORE_MARK.fullmatch(ptext, cits[run[-1]].tail, pos):
        carried = _CARRY_OUT_BEFORE.search(_lowered(ptext[max(0, cits[run[0]].pos - 80):cits[run[0]].pos]))
        return run if carried else []
    clause = max(ptext.rfind(";", 0, pos), ptext.rfind(". ", 0, pos)) + 1
    m = _CARRIED_BEFORE_MARK.search(_lowered(ptext[clause:pos]))
    if not m:
        return _fronted_before_mark(cits, before, ptext, pos)
    if m.group("type"):
        named = _cited_last(cits, before[-1] + 1, m.group("type"), cits[before[-1]].paragraph) if before else None
        named = named if named is not None else topic if topic is not None and (
            cits[topic].type or "").lower() == _as_type(m.group("type")) else None
        return [named] if named is not None else []
    return [topic] if topic is not None else []


#: (lowered) a sentence opened by what it carries out: "Thực hiện ", "Để triển khai thực hiện "
_FRONTED_OPEN = re.compile(rf"\s*(?:để\s+)?(?:{_CARRY_OUT})(?:[\s,]+(?:{_CARRY_OUT}))*\s+")
#: (lowered) then units making their plans: ", các đảng ủy xã, thị trấn đã xây dựng kế hoạch của cấp mình"
_PLANS_MADE = re.compile(r"(?:\s+và\s+(?:kế hoạch|chương trình|hướng dẫn)\s+của\s+[^.;,]{3,60})?"  # (", và kế hoạch của Tỉnh ủy")
                         r",[^.;]{0,120}?(?:xây dựng|ban hành)\s+(?:kế hoạch|văn bản|chương trình|nghị quyết)[^.;]{0,120}$")


def _fronted_before_mark(cits, before: list[int], ptext: str, pos: int) -> list[int]:
    """"Thực hiện Kế hoạch số 241-KH/HU, các đảng ủy xã, thị trấn đã xây dựng kế hoạch của cấp mình(3)": the
    plans the footnote lists carry out what the sentence fronts."""
    start = _sentence_start(ptext, pos)
    fronted = [i for i in before if cits[i].pos >= start]
    if not fronted or not _FRONTED_OPEN.fullmatch(_lowered(ptext[start:cits[fronted[0]].pos])):
        return []
    run = [fronted[0]]  # the documents fronted, each joined to the one before
    for a, b in pairwise(fronted):
        if not _JOINED.fullmatch(ptext[cits[a].tail:cits[b].pos]):
            break
        run.append(b)
    if not _PLANS_MADE.match(_lowered(ptext[cits[run[-1]].tail:pos])):
        return []
    return [i for i in run if cits[i].type in DIRECTIVE_TYPES]


def _joint(out: list[Statement], owns: list[int], units: list[str]) -> list[Statement]:
    """"Kế hoạch liên tịch" signed by several units: each carries out what the text carries out."""
    return [replace(s, source=f"unit:{name}") for s in out if s.source in owns
            and s.relation in (Relation.IMPLEMENTS, Relation.CONTINUES) for name in units]


def _carried_out_uncited(ptext: str, topic: int | None) -> bool:
    """Whether a paragraph without citations may yet say that a unit carries out a directive: one
    named by its kind alone, or an activity registered under the `topic` of the text."""
    return _bare(ptext) or topic is not None and _reports_activity(_lowered(ptext))


def own_documents(cits: list[Citation], text: str, doc_layout: Layout) -> list[int]:
    """The documents a text is: each number printed on a letterhead, alone on its line
    ("Số 85-KH/HU", "KẾ HOẠCH số 61-KH/HU"); a file may hold several, one after another."""
    out = []
    for i, c in enumerate(cits):
        if c.pos > 8 or c.kind not in (MentionKind.FULL, MentionKind.CODE):
            continue
        line = _COLUMN_GAP.split(_EMPHASIS.sub("", doc_layout.line(text, c.line)).strip())[0]  # "Số 24-CT/TU      Vinh, ngày ..."
        head = line[:len(line) - len(line.lstrip("SsốỐ: "))] if line.lower().startswith("số") else ""
        alone = line in (c.surface, f"{head}{c.surface}") or line.startswith(c.surface) and len(line) < len(c.surface) + 4
        if alone and (c.kind is MentionKind.CODE or c.surface.split()[0].isupper()):
            out.append(i)
    return out


#: the gap between the two columns of a letterhead laid out with spaces
_COLUMN_GAP = re.compile(r"\s{3,}")


def _section_owner(owns: list[int], cits: list[Citation], p_index: int) -> int | None:
    before = [i for i in owns if cits[i].paragraph <= p_index]
    return before[-1] if before else None


_PREAMBLE = re.compile(r"^\s*(?:[-+•]\s*)?(?:Để\s[^.;:]{0,200}?,\s*)?"  # "Để nâng cao ..., triển khai thực hiện"
                       r"(?P<verb>[Tt]hực hiện|Căn cứ|[Tt]riển khai|[Qq]uán triệt|Xét)\b")
#: a preamble's object that is an instruction given in no document named there: "Thực hiện ý kiến chỉ đạo của
#: Thường trực Tỉnh ủy, ..." (not "... chỉ đạo của Thường trực Tỉnh ủy tại Công văn số 1125-CV/TU")
_SPOKEN_INSTRUCTION = re.compile(r"\s+(?:sự\s+)?(?:ý kiến\s+)?chỉ đạo\s+của\s+[^.;,()]{3,80},")
_PREAMBLE_SPAN = 25  # paragraphs after the letterhead where a preamble may stand
_BODY_START = re.compile(r"^\s*(?:#+\s*|\*\*)?(?:[IVX]+[.-]\s|Điều\s+\d|\d{1,2}[.)]\s+[A-ZĐ])")
_TITLE_SUBJECT = re.compile(r"^\s*(?:#+\s*|\*\*|\*)?(?:[A-ZĐÀ-Ỹ ]{4,}\s+)?(?:về|V/v|v/v|Hội nghị|[Kk]ết quả|"
                            r"[Kk]ết luận (?=kiểm tra|giám sát)|"
                            r"kiểm tra|giám sát|thực hiện|triển khai|sửa đổi|[Tt]ổng kết|[Ss]ơ kết|"
                            r"[Tt]uyên truyền|[Hh]ọc tập|[Qq]uán triệt|[Pp]hối hợp)\b")


def _own_relations(file, cits, own, doc_layout: Layout, paragraphs: range, targets, out, ctxs):
    """A document's title ("về kiểm tra việc thực hiện A") and preamble ("Thực hiện A; B ...,
    Huyện ủy X xây dựng kế hoạch"; "Căn cứ", "Xét": cites) name what it implements, inspects,
    amends; what else it names in its own voice, it cites."""
    linked = {_same_doc_key(cits[s.target]) for s in out if s.source == own} | {_same_doc_key(cits[own])}
    cited: dict[int, Citation] = {}  # statements that only cite, by place in `out`: a later preamble may say more
    head = True  # title and preamble, until the body's first numbered section
    for p_index in paragraphs:
        ptext = doc_layout.paragraphs[p_index].text
        head = head and p_index - paragraphs.start <= _PREAMBLE_SPAN and not _BODY_START.match(ptext)
        titled = head and _TITLE_SUBJECT.match(ptext)
        for start, end in sentence_bounds(ptext):
            pre = _PREAMBLE.match(ptext[start:end]) if head else None
            if pre and _SPOKEN_INSTRUCTION.match(ptext, start + pre.end(), end):
                pre = None  # "Thực hiện ý kiến chỉ đạo của Thường trực Tỉnh ủy, Văn phòng sao gửi A": A is no object of it
            for i, c in enumerate(cits):
                if c.paragraph != p_index or not start <= c.pos < end or i == own or i in targets:
                    continue
                k = _same_doc_key(c)
                if c.type not in DIRECTIVE_TYPES + _STATE_TYPES:
                    continue
                passing = [n for n, t in cited.items() if _may_be_same(t, c)]
                if k in linked and not passing:
                    continue
                if titled:
                    relation = _title_relation(_lowered(ptext[start:c.pos]))
                    if relation is Relation.IMPLEMENTS and cits[own].type == "Báo cáo":
                        relation = Relation.CITES  # "Kết quả thực hiện Kết luận ...": a report on it
                elif pre:
                    relation = Relation.CITES if pre.group("verb") in ("Căn cứ", "Xét") else Relation.IMPLEMENTS
                elif (_about_another(ptext[start:end], cits[own], ctxs[p_index]) or _listed(ptext, c)
                      or _another_s_row(ptext, c, cits[own])):
                    continue  # what another unit did, or a document the list (or a table's row) names as issued
                elif cits[own].type in _REPORTING_TYPES and not _LINKED_BEFORE.search(
                        _lowered(ptext[max(start, c.pos - 50):c.pos])):
                    continue  # a report or a notice tells of what it names: it links only what it ties to
                else:
                    relation = Relation.CITES
                if relation is Relation.IMPLEMENTS:
                    relation = _issued_for(cits[own])
                if passing:
                    if relation is Relation.CITES:
                        continue
                    for n in passing:  # named in passing first, carried out by the preamble after
                        out[n] = None
                        del cited[n]
                linked.add(k)
                if relation is Relation.CITES:
                    cited[len(out)] = c
                out.append(Statement(own, i, relation, 0.8 if head else 0.5, Evidence(file, c.line, c.sentence)))
    out[:] = [s for s in out if s is not None]


def _another_s_row(ptext: str, c: Citation, own: Citation) -> bool:
    """A table row's document of another local unit (or of one it leaves unsaid): "1|Xã Bình Lư|Kế hoạch số 51-KH/ĐU"
    in a district's plan."""
    return table_row(ptext) and c.issuer_unit != own.issuer_unit and bool(c.code) and not c.code.endswith("TW")


_STATE_TYPES = ("Luật", "Nghị định", "Thông tư", "Tờ trình", "Công văn")
_REPORTING_TYPES = ("Báo cáo", "Thông báo")
#: (lowered) a report's own link to a document: "... được Đảng ủy gắn với thực hiện Nghị quyết số 15"
_LINKED_BEFORE = re.compile(r"(?:gắn với|căn cứ|trên cơ sở)(?:\s+(?:việc\s+)?(?:tiếp tục\s+)?(?:thực hiện|triển khai))?"
                            r"(?:\s+(?:các|những))?\s*$")


def _title_relation(before: str) -> Relation:
    """The verb of a title's subject (`before` the citation, lowered): "về kiểm tra việc ... thực
    hiện" inspects."""
    if _INSPECT.search(before):
        return Relation.INSPECTS
    if _AMEND.search(before):
        return Relation.AMENDS
    return Relation.IMPLEMENTS if _CARRY_OUT_RE.search(before) else Relation.CITES


def _about_another(sentence: str, own: Citation, context: Context) -> bool:
    """A finding about another unit: under its heading ("1. Ban Thường vụ Huyện ủy Tủa Chùa"),
    or a sentence that reports what another unit did or did not do."""
    if context.unit and context.unit != own.issuer_unit:
        return True
    return bool(_DONE_OR_NOT.search(sentence)) and _other_actor(sentence, own)


def _listed(ptext: str, c: Citation) -> bool:
    """"- Kế hoạch số 58-KH/ĐU ..." — an item of a list of documents issued."""
    return c.pos <= 4 and bool(LIST_ITEM_RE.match(ptext))


#: (lowered) "- Huyện ủy Tủa Chùa: ", "- Huyện ủy Mường Chà ban hành ": an item that opens with the unit
_UNIT_LABEL = re.compile(r"\s*[-+•]\s*[^.;:()]{3,100}?(?:\s*[:(]|\s+(?:đã\s+)?(?:ban hành|xây dựng|có))\s*")


def _labelled(ptext: str, c: Citation) -> bool:
    """"- Huyện ủy Tủa Chùa: Kế hoạch số 91-KH/HU ..." — an item of a list of documents issued,
    labelled with the unit that issued it."""
    return c.issuer_unit is not None and bool(_UNIT_LABEL.fullmatch(_lowered(ptext[:c.pos])))


def _other_actor(sentence: str, own: Citation) -> bool:
    """A sentence whose subject is a unit other than the document's issuer."""
    lowered = _lowered(sentence)
    for m in _UNIT_HEAD.finditer(sentence):
        if not _NOT_SUBJECT_BEFORE.search(lowered, max(0, m.start() - 30), m.start()):
            name = sentence[m.start():m.start() + 60]
            if own.issuer_unit is None or not key(name).startswith(key(own.issuer_unit)[:12]):
                return True
    return False


_ANAPHOR = re.compile(r"\s*(?P<type>Nghị quyết|Kế hoạch|Chỉ thị|Kết luận|Quy định|Hướng dẫn|Chương trình)"
                      r"(?:\s+này)?\b[^.;]{0,60}?(?:nhằm|để)\s+(?P<verb>cụ thể hóa|cụ thể hoá|thực hiện|"
                      r"triển khai|tiếp tục thực hiện)\s*$")


#: (lowered) the next clause of the same subject carrying out one more directive: "; đồng thời tổ chức thực hiện hiệu quả"
_ALSO = re.compile(rf"^[^.;]*[;,]\s*đồng thời\s+[^.;]{{0,25}}?(?:{_CARRY_OUT})(?:\s+[^\s.;]+){{0,2}}\s*$")


def _anaphora(file, cits, indexes, ptext, targets, own, out):
    """"Nghị quyết được ban hành nhằm cụ thể hóa Kết luận số 01-KL/TW" — the resolution the
    text is about (or the text itself) implements what follows."""
    if "nhằm" not in ptext and "để" not in ptext:
        return  # the words _ANAPHOR needs before its verb
    for i in indexes:
        c = cits[i]
        dot = ptext.rfind(". ", 0, c.pos)
        m = _ANAPHOR.match(ptext, dot + 2 if dot >= 0 else 0, c.pos)
        if not m or i in targets:
            continue
        kind = _as_type(m.group("type"))
        source = own if own is not None and cits[own].type == kind else _topic(cits, kind)
        if source is None or _same_doc_key(cits[source]) == _same_doc_key(c):
            continue
        out.append(_statement(file, source, i, _issued_for(cits[source]), 0.7, cits, ptext))
        targets.add(i)
        later = [j for j in indexes if cits[j].pos >= c.pos]
        objects = _coordinated(cits, later, ptext, cits[source])  # "... nhằm cụ thể hóa B và C"
        last = objects[-1][0] if objects else i
        also = next((j for j in later if cits[j].pos > cits[last].pos), None)
        if also is not None and _ALSO.search(_lowered(ptext[cits[last].tail:cits[also].pos])):
            objects.append((also, False))  # "...; đồng thời tổ chức thực hiện hiệu quả D"
        for t, linked in objects:
            if t not in targets:
                out.append(_statement(file, source, t, Relation.CITES if linked else _issued_for(cits[source]), 0.65,
                                      cits, ptext))
                targets.add(t)


# --- document to document ----


def author_of(text: str, roster: Roster, province: str | None) -> str | None:
    """The unit a text speaks for: its letterhead ("HUYỆN ỦY MƯỜNG ẢNG" above the title), or
    the signature of a report ("T/M BAN THƯỜNG VỤ ... Lưu Văn phòng Tỉnh ủy")."""
    heading = _letterhead(text, roster, province)
    if heading:
        return heading
    board = _SIGNED_BY_BOARD.search(text, max(0, len(text) - 800))
    if board and (unit := letterhead_unit(board.group("board"), roster, province)):
        return unit  # "T/M BAN DÂN VẬN TỈNH ỦY / TRƯỞNG BAN"
    office = None
    signed = False
    for m in _SIGNATURE.finditer(text):
        committee = m.group("committee")
        if committee and committee.isupper() and (unit := letterhead_unit(committee, roster, province)):
            return unit
        if m.group("office"):
            office = m.group("office")
        else:
            signed = True
    if office:
        # "Lưu Văn phòng Huyện ủy." under a title "... trên địa bàn huyện Sìn Hồ": the district the title names, else
        # the one the report names most ("Sốp Cộp là huyện biên giới vùng cao ...")
        named = roster.canonical(office.strip(), province) or roster.bare(office.strip(), _title(text), province)
        if named or not key(office).endswith(("huyện ủy", "thị ủy", "thành ủy")):
            return named
        district = roster.places_in(text).district(province)
        return district.name if district else None
    closing = _closing_unit(text, roster, province)
    if closing:
        return closing
    if signed and province:
        return roster.canonical("Tỉnh ủy", province)
    return _scope_of_report(text, roster, province)


def _closing_unit(text: str, roster: Roster, province: str | None) -> str | None:
    """A report that ends on its committee's name in capitals ("**HUYỆN ỦY ĐIỆN BIÊN ĐÔNG**", a signature block
    copied without its title): that committee."""
    lines = [ln for ln in text[-400:].splitlines() if ln.strip()][-3:]
    for line in reversed(lines):
        line = _EMPHASIS.sub("", line).strip()
        if line.isupper() and 8 <= len(line) <= 60:
            unit = letterhead_unit(line, roster, province)
            if unit:
                return unit
    return None


#: a report's title that says whose work it covers: "BÁO CÁO / kết quả ... trên địa bàn huyện Tam Đường", "... trong
#: Đảng bộ Công an tỉnh Điện Biên"
_REPORT_SCOPE = re.compile(r"^(?:BÁO CÁO|Báo cáo)\b[^.]*?\.\s[^.]*?\s(?:trên địa bàn|trong (?:toàn )?Đảng bộ)\s+"
                           r"(?P<scope>[^.,;()]{3,80}?)\s*(?:\.|$)")


def _scope_of_report(text: str, roster: Roster, province: str | None) -> str | None:
    """A report with neither letterhead nor signature is the committee whose district or organisation its title
    covers ("... trên địa bàn huyện Tam Đường": Huyện ủy Tam Đường)."""
    head = text[:400]
    if "BÁO CÁO" not in head and "Báo cáo" not in head:
        return None
    m = _REPORT_SCOPE.match(_title(text))
    if not m:
        return None
    scope = m.group("scope")
    level = next((lv for lv in PARTY_OF_LEVEL if scope.startswith(lv + " ")), None)
    if level:  # "huyện Tam Đường" -> Huyện ủy Tam Đường
        return roster.name(f"{PARTY_OF_LEVEL[level]} {scope[len(level) + 1:]}", province)
    return roster.name(f"Đảng bộ {scope}", province)  # "Công an tỉnh Điện Biên" -> its Đảng ủy


def _title(text: str) -> str:
    """The text's first lines, where a report without a letterhead names what it is about."""
    return ". ".join(_EMPHASIS.sub("", line).strip() for line in head_lines(text, 12) if line.strip())


def co_authors(text: str, roster: Roster, province: str | None, author: str | None) -> list[str]:
    """The units that sign a joint text beside its author: a letterhead line naming several ("ỦY BAN MTTQ VIỆT NAM
    TỈNH NGHỆ AN - HỘI NÔNG DÂN TỈNH"), or several signatures ("TM. BAN THƯỜNG VỤ TỈNH ĐOÀN - BÍ THƯ: ...")."""
    named = [part for line in head_lines(text, 12)[:8] if " - " in line and line.isupper()
             and roster.name(line, province) is None  # "TỈNH ỦY BÀ RỊA - VŨNG TÀU" is one
             for part in _EMPHASIS.sub("", line).split(" - ")]
    signed = _JOINT_SIGNATURE.findall(text)
    phrases = [phrase.strip() for phrase in named + (signed if len(signed) > 1 else [])]
    found = [roster.name(phrase, province) for phrase in phrases]
    # "HỘI NÔNG DÂN HUYỆN" beside "ỦY BAN MTTQ VIỆT NAM HUYỆN THAN UYÊN": of the place the others name
    places = dict(m.groups() for u in found if u and (m := _LEVEL_PLACE.search(u)))
    found = [u or next((roster.name(f"{phrase} {place}", province) for level, place in places.items()
                        if key(phrase).endswith(" " + level)), None) for u, phrase in zip(found, phrases)]
    units = list(dict.fromkeys(u for u in found if u and u != author))
    return units if len(units) + (author is not None) > 1 else []


#: the level and place a unit's name ends with: "... huyện Than Uyên", "... xã Mường Kim"
_LEVEL_PLACE = re.compile(r" (huyện|xã|thị xã|thành phố) ([A-ZĐÀ-Ỹ].*)$")


#: a signature for a body, one of several under a joint text: "TM. BAN THƯỜNG VỤ HỘI NÔNG DÂN TỈNH - CHỦ TỊCH: ..."
_JOINT_SIGNATURE = re.compile(r"(?m)^\s*T\.?\s*/?\s*M\.?\s+(?:BAN THƯỜNG (?:VỤ|TRỰC)\s+)?([^-–:\n]{4,80}?)\s*[-–]\s*\S")


def _letterhead(text: str, roster: Roster, province: str | None) -> str | None:
    found, last, previous = None, None, None
    for line in [ln for ln in head_lines(text, 12) if ln.strip()][:8]:
        line = _EMPHASIS.sub("", line)
        here = (body_over_place(previous, line, roster, province) or letterhead_unit(line, roster, province)
                or (board_of(line, last, roster, province) if last else None))
        found, last, previous = here or found, here or party_line(line, roster, province), line
    return found  # the last, most specific line: "HUYỆN ỦY MƯỜNG ẢNG" under "ĐẢNG BỘ TỈNH ĐIỆN BIÊN", "VĂN PHÒNG" under it


# --- document to document ----


# --- document to document -------------------------------------------------------

def _document_relations(file, cits, indexes, ptext, lowered, out) -> set[int]:
    """A's subject names B: A implements/continues/inspects ... B. Returns the targets."""
    targets: set[int] = set()
    if not indexes:
        return targets
    _this_carries_out(file, cits, indexes, ptext, lowered, targets, out)  # (first: "Kế hoạch cụ thể hóa B, đồng thời
    # thay thế C" — the plan is the subject of the second verb too)
    for n, a in enumerate(indexes):
        ca = cits[a]
        if ca.kind is MentionKind.NAMED or n + 1 >= len(indexes):
            continue
        b = indexes[n + 1]
        relation = _relation(ca, ptext, lowered, ca.tail, cits[b].pos)
        if relation is None:
            continue
        a = _subject_of_second_verb(out, a, targets, lowered, ca.tail)
        out.append(_statement(file, a, b, relation, 0.9, cits, ptext))
        for k in _joined_sources(cits, indexes[:n], ca, ptext):  # "A (X) và B (Y) đã cụ thể hóa C": A too
            out.append(_statement(file, k, b, _issued_for(cits[k]), 0.85, cits, ptext))
        targets.add(b)
        fronted = _FRONTED.match(lowered, ptext.rfind(". ", 0, ca.pos) + 1, ca.pos) is not None
        for t, linked in _coordinated(cits, indexes[n + 1:], ptext, ca, fronted):
            out.append(_statement(file, a, t, Relation.CITES if linked else relation, 0.85, cits, ptext))
            if not linked or not _CARRIED_OUT_BEFORE.search(lowered, max(0, cits[t].pos - 20), cits[t].pos):
                targets.add(t)  # (a plan "..., gắn với thực hiện B" cites B; its unit still carries B out)
    _fronted(file, cits, indexes, ptext, lowered, targets, out)
    _fronted_anaphor(file, cits, indexes, ptext, lowered, out)
    _by_means(file, cits, indexes, ptext, lowered, targets, out)
    _elided(file, cits, indexes, ptext, lowered, targets, out)
    _kind_object(file, cits, indexes, ptext, lowered, targets, out)
    _by_means_elided(file, cits, indexes, ptext, lowered, targets, out)
    _elaborated(file, cits, indexes, ptext, targets, out)
    _bracketed_subjects(file, cits, indexes, ptext, lowered, targets, out)
    _owned_anaphor(file, cits, indexes, ptext, lowered, targets, out)
    return targets


def _subject_of_second_verb(out, a: int, targets: set[int], lowered: str, tail: int) -> int:
    """"Kế hoạch số 19-KH/ĐUK ... về thực hiện Kết luận 01-KL/TW, cụ thể hóa Kế hoạch số 34-KH/TU": the verb after the
    comma is the plan's too, not what the plan carries out (`a`, the object of the verb before)."""
    if a not in targets or not _SECOND_VERB.match(lowered, tail):
        return a
    for _ in range(3):  # up the chain to the sentence's subject: "Kế hoạch [A] cụ thể hóa B về thực hiện C, đồng thời ..."
        source = next((s.source for s in reversed(out) if s.target == a and isinstance(s.source, int)), None)
        if source is None:
            break
        a = source
        if a not in targets:
            break
    return a


#: (lowered) a second verb after a comma: ", cụ thể hóa ", ", đồng thời thay thế "
_SECOND_VERB = re.compile(rf",\s*(?:đồng thời\s+)?(?:{_CARRY_OUT}|thay thế)\s")


#: (lowered) a document named by its kind and its owner after a directive it carries out: "... về thực hiện Kết luận 01
#: và kế hoạch của Tỉnh ủy"
_OWNED_KIND = re.compile(r"\s*(?:,|và|,\s*và)\s+(?P<type>kế hoạch|nghị quyết|chương trình|hướng dẫn)\s+của\s+"
                         r"(?:ban thường vụ\s+)?(?P<unit>tỉnh ủy|huyện ủy|thành ủy|thị ủy)(?=[\s,;.]|$)")


def _owned_anaphor(file, cits, indexes, ptext, lowered, targets, out):
    """"Ngay sau khi Tỉnh ủy ban hành Kế hoạch số 31-KH/TU ..., Huyện ủy ban hành Kế hoạch số 58-KH/HU về thực hiện
    Kết luận 01 và kế hoạch của Tỉnh ủy" -> 58 implements 31, the plan of that committee cited last before it."""
    if " của " not in lowered:
        return
    for t in indexes:
        m = _OWNED_KIND.match(lowered, cits[t].tail)
        if not m:
            continue
        for a in {s.source for s in out if s.target == t and s.relation is Relation.IMPLEMENTS
                  and not isinstance(s.source, str)}:
            owned = [b for b in indexes if b < a and (cits[b].type or "").lower() == _as_type(m.group("type"))
                     and key(cits[b].issuer_unit or "").startswith(m.group("unit"))]
            if owned:
                out.append(_statement(file, a, owned[-1], _issued_for(cits[a]), 0.75, cits, ptext))
                targets.add(owned[-1])


#: (lowered) the verb after units' plans written in brackets: "Huyện ủy Tuần Giáo (Kế hoạch số 58-KH/HU), Huyện ủy
#: Mường Nhé (Kế hoạch số 28-KH/HU) ban hành kế hoạch thực hiện Kết luận 01-KL/TW"
_BRACKETED_VERB = re.compile(rf"\)\s*(?:đã\s+|đều\s+|cũng\s+)?(?:ban hành|xây dựng)\s+(?:kế hoạch|chương trình|nghị quyết)"
                             rf"\s+(?:{_CARRY_OUT})\s+$")


def _bracketed_subjects(file, cits, indexes, ptext, lowered, targets, out):
    """"X (Kế hoạch số A1), Y (Kế hoạch số A2) ban hành kế hoạch thực hiện B và C" -> A1 and A2 implement B and C:
    the plans in brackets are the ones the verb says their units issued."""
    if ")" not in ptext:
        return
    for n, b in enumerate(indexes):
        verb = _BRACKETED_VERB.search(lowered, max(0, cits[b].pos - 80), cits[b].pos)
        if verb is None:
            continue
        clause = max(ptext.rfind(". ", 0, verb.start()), ptext.rfind(";", 0, verb.start()), ptext.rfind(":", 0, verb.start()))
        plans = [a for a in indexes[:n] if cits[a].pos > clause and cits[a].type in DIRECTIVE_TYPES
                 and _opens_brackets(ptext, cits[a].pos)]
        objects = [b] + [t for t, linked in _coordinated(cits, indexes[n:], ptext, cits[b]) if not linked]
        for a in plans:
            for t in objects:
                out.append(_statement(file, a, t, _issued_for(cits[a]), 0.8, cits, ptext))
                targets.add(t)


def _opens_brackets(ptext: str, pos: int) -> bool:
    """Whether the citation at `pos` opens a pair of brackets: "X (Kế hoạch số A1)", not "A (thực hiện Nghị quyết 66)"."""
    opening = ptext.rfind("(", 0, pos)
    return opening > ptext.rfind(")", 0, pos) and not ptext[opening + 1:pos].strip()


#: what joins two documents that are the subjects of one verb: ", ", " và ", after an issuer in brackets
_JOINED_SOURCE = re.compile(r"\s*(?:\([^()]{2,60}\))?\s*(?:,|và|,\s*và)\s*")
#: (lowered) the subjects' verb (after their issuer in brackets): "(Thành ủy Lai Châu) đã cụ thể hóa"
_SUBJECTS_VERB = re.compile(rf"\s*(?:\([^()]{{2,60}}\)\s*)?(?:đã|đều|cũng)\s+(?=(?:{_CARRY_OUT}))")


def _joined_sources(cits, before: list[int], b: Citation, ptext: str) -> list[int]:
    """The documents joined to B before it ("A (X) và B (Y) đã cụ thể hóa C") when B is the subject of a verb that
    carries C out: they are subjects of the same verb."""
    if not _SUBJECTS_VERB.match(_lowered(ptext[b.tail:b.tail + 120])):
        return []
    out, nxt = [], b
    for k in reversed(before):
        ck = cits[k]
        if ck.type not in DIRECTIVE_TYPES or not _JOINED_SOURCE.fullmatch(ptext, ck.tail, nxt.pos):
            break
        out.append(k)
        nxt = ck
    return out


#: a clause opened by a subject of its own, "đã" after it: ", Mường Chà đã đưa"
_NEW_SUBJECT = re.compile(rf",\s+[{UPPER}][^\s,;]*(?:\s+[{UPPER}][^\s,;]*){{0,5}}\s+đã\s")


def _relation(a: Citation, ptext: str, lowered: str, start: int, end: int) -> Relation | None:
    """What A does to B by the words between them, `ptext[start:end]`."""
    if end - start > 260:
        return None
    gap = ptext[start:end]
    if ";" in gap or "<sup>" in gap or _NEXT_SENTENCE.search(gap) or " đã " in gap and _NEW_SUBJECT.search(gap):
        return None  # (nor across a clause with a subject of its own: "A về ..., Mường Chà đã đưa ..., gắn với B")
    lowered = lowered[start:end]
    if "(" not in gap and _AMENDS_NEXT.search(lowered):
        return Relation.AMENDS  # "Quyết định số 1125-QĐ/HU ... kiện toàn Ban Chỉ đạo, thay thế Quyết định số 718"
    head_at = len(gap) - len(gap.lstrip(" ,|"))  # (a table row: "| Kế hoạch số 214/KH-ĐU | Thực hiện Nghị quyết 57 |")
    if "|" in gap[head_at:]:  # "| Kế hoạch số 402-KH/TU | Ban Thường vụ Tỉnh ủy | 22/4/2025 | thực hiện Chỉ thị 45 |":
        cell = gap.rfind("|") + 1  # B's own cell says what A does to it
        head_at = cell + len(gap[cell:]) - len(gap[cell:].lstrip())
        kind = (a.type or "").lower()  # ("| Kế hoạch thực hiện Chỉ thị số 45-CT/TW |": the trích yếu names A's kind)
        if kind and lowered.startswith(kind + " ", head_at):
            head_at += len(kind) + 1
    if lowered.startswith("(", head_at) and _GAP_HEAD.match(lowered, head_at + 1):
        head_at += 1  # "Kế hoạch số 341-KH/TU (thực hiện Nghị quyết 66)"
    subjects = _SUBJECTS_VERB.match(lowered, head_at)
    if subjects:
        head_at = subjects.end()  # "A (Thành ủy Lai Châu) đã cụ thể hóa B"
    if not _GAP_HEAD.match(lowered, head_at) or _AND_BEFORE.search(ptext, max(0, start - 5), start):
        return None  # (after "và" the verb is the sentence's: "kết quả thực hiện A của Bộ Chính trị và triển khai B")
    if ("bằng" in lowered or "thông qua" in lowered) and _BY_MEANS_PASSIVE.match(lowered):
        return None  # "A về ... được X triển khai bằng B": B carries A out (`_by_means`), not A B
    verbs = list(_VERB.finditer(lowered))
    if not verbs:
        # "Kế hoạch số 02-KH/ĐU ... tổ chức đại hội theo Chỉ thị 45-CT/TW": done as B says
        return _issued_for(a) if _ORGANISED_PER.match(lowered) else None
    if len(gap) - verbs[-1].end() > 30 and "trong đó có" not in gap:
        return None  # the verb governs something else: "học tập ... tấm gương đạo đức"
    if _INSPECT.search(lowered):
        return Relation.INSPECTS
    if _REPORTING.search(lowered):
        return Relation.CITES  # reporting on a directive is not carrying it out
    if _AMEND.search(lowered) and not _CARRY_OUT_RE.search(lowered):
        return Relation.AMENDS
    if _CONTINUE.search(lowered) and a.type in ("Kết luận", "Chỉ thị", "Nghị quyết", "Quy định"):
        return Relation.CONTINUES
    return _issued_for(a)


#: (lowered) a sentence whose subject points back to a document: "Kế hoạch này do Huyện ủy ban hành để triển khai
#: thực hiện" (before B)
_THIS_SUBJECT = re.compile(rf"(?:^|[.;]\s+)(?P<kind>kế hoạch|nghị quyết|chương trình|hướng dẫn|quyết định)\s+"
                           rf"(?:(?P<pointer>này|trên|nói trên|nêu trên)\b[^.;]{{0,80}}?)?(?:để\s+|nhằm\s+)?(?:{_CARRY_OUT})"
                           rf"(?:[\s,]+(?:{_CARRY_OUT}))*\s*$")  # (or the kind alone, its verb next: "Kế hoạch cụ thể hóa B")
_SUBJECT_KINDS = ("kế hoạch", "nghị quyết", "chương trình", "hướng dẫn", "quyết định")
_AND_BEFORE = re.compile(r"\svà\s*$")
#: (lowered) what A does to the B that follows at once: replaces it
_AMENDS_NEXT = re.compile(r"[,;]?\s*(?:và\s+)?(?:thay thế|bãi bỏ|sửa đổi,? bổ sung(?: một số điều của)?)\s*$")


def _issued_for(source: Citation) -> Relation:
    """What a document issued to carry out a directive does to it: a Hướng dẫn guides it (whatever
    its subject's words), any other implements it."""
    return Relation.GUIDES if source.type == "Hướng dẫn" else Relation.IMPLEMENTS


def _coordinated(cits, rest: list[int], ptext, a: Citation, fronted: bool = False) -> list[tuple[int, bool]]:
    """B và C, D (gắn với E): the citations joined to B, each with whether it is only
    linked ("gắn với") rather than a second object of the verb. `fronted`: A is itself the object
    of a purpose the sentence opens with ("Căn cứ A ..., X ban hành ...")."""
    out, linked = [], False
    for prev, nxt in zip(rest, rest[1:]):
        between = ptext[cits[prev].end_pos if cits[prev].subject is None else cits[prev].tail:cits[nxt].pos]
        m = (_COORDINATION.match(ptext[cits[prev].tail:cits[nxt].pos]) or _COORDINATION.match(between)
             or _after_central_subject(cits[prev], cits[nxt], ptext))
        if not m or (a.date and cits[nxt].date and cits[nxt].date > a.date):
            break  # a document dated after the plan is no object of it
        if (fronted or a.date and a.date == cits[nxt].date) and cits[nxt].type == a.type and cits[nxt].subject \
                and _CARRY_OUT_RE.search(_lowered(cits[nxt].subject)):
            break  # "Căn cứ A về thực hiện B và A2 về thực hiện B, ...": A2 stands beside A, not as A's object; so
            # does "A, ngày 06/6/2025 về thực hiện B và A2, ngày 06/6/2025 về thực hiện B2" (issued the same day)
        linked = linked or "gắn" in m.group(0)  # "thực hiện A, gắn với B và C": B and C are linked
        out.append((nxt, linked))
    return out


#: how long a central document's subject may run before "và" and a local document joined to it
CENTRAL_SUBJECT_REACH = 200
_AND_AT_END = re.compile(r"\s+và\s*$")
_SUBJECT_OPENS = re.compile(r"\s*,?\s*về\s")


def _after_central_subject(b: Citation, c: Citation, ptext: str) -> re.Match | None:
    """"A thực hiện Chỉ thị số 35-CT/TW ... về đại hội ... của Đảng và Kế hoạch số 231-KH/TU": a local document is no
    part of a central one's subject, so "và" joins it to the central one as the verb's second object."""
    if not (_is_central(b) and c.code and not _is_central(c)) or c.pos - b.tail > CENTRAL_SUBJECT_REACH:
        return None
    gap = ptext[b.tail:c.pos]
    if not _SUBJECT_OPENS.match(gap) or any(mark in gap for mark in (";", ". ", "(", ")")):
        return None
    return _AND_AT_END.search(gap)


#: (lowered)
_FRONTED = re.compile(rf"\s*(?:\(?[^.;,()]{{2,30}}\)?\s+[-–—]\s+|[^.;:,()]{{2,50}}:\s+)?"  # a news dateline: "(Báo Sơn La) - ",
                      # "ĐBP - "; an interview's speaker: "Đồng chí Lò Văn Thiêm: Thực hiện ..."
                      rf"(?:[^.;,]{{3,80}},\s*){{0,2}}(?:để\s+)?(?P<verb>(?:{_CARRY_OUT})(?:[\s,]+(?:{_CARRY_OUT}))*"
                      r"|căn cứ|trên cơ sở"
                      # "Thực hiện chỉ đạo của Ban Thường vụ Tỉnh ủy tại Kế hoạch số 265-KH/TU, ...": carrying A out
                      r"|(?:thực hiện|triển khai)\s+(?:sự\s+)?(?:ý kiến\s+)?chỉ đạo\s+của\s+[^.;,]{3,80}?\s+(?:tại|theo))\s*$")  # after a clause of time: "Ngay sau Hội nghị ..., thực hiện"


def _fronted(file, cits, indexes, ptext, lowered, targets, out):
    """"Thực hiện B, Ban Thường vụ Tỉnh ủy đã ban hành A ..." -> A implements B ("Căn cứ": cites)."""
    for n, b in enumerate(indexes[:-1]):
        sentence_start = _sentence_start(ptext, cits[b].pos)
        fronted = _FRONTED.match(lowered, sentence_start, cits[b].pos)
        if not fronted or n and cits[indexes[n - 1]].pos >= sentence_start:
            continue  # (a clause that cites a document is no purpose put in front: "X cụ thể hóa bằng A về ..., thực hiện B")
        if fronted.group("verb") not in ("căn cứ", "trên cơ sở") and (":" in ptext or "：" in ptext):
            _fronted_list(file, cits, indexes[n:], ptext, lowered, targets, out)
        k = _issued_after(cits, indexes, n, ptext)
        if k is None:
            continue
        a = indexes[k]
        objects = [b] + _beside(cits, indexes[n + 1:k], b, ptext, targets)  # "Căn cứ B về ... và B2 ..., X ban hành A"
        grounds = fronted.group("verb") in ("căn cứ", "trên cơ sở")
        for issued in [a] + _issued_next(cits, indexes[k + 1:], a, lowered):
            relation = Relation.CITES if grounds else _issued_for(cits[issued])
            for obj in objects:
                out.append(_statement(file, issued, obj, relation, 0.85, cits, ptext))
        targets.update(objects)


#: (lowered) the clause after a fronted purpose that opens a list of what was issued for it: ", các đảng ủy ban hành kế
#: hoạch lãnh đạo tổ chức đại hội:"
_FRONTED_LIST_INTRO = re.compile(r"[^.;:]{0,120}?(?:ban hành|xây dựng)[^.;:]{0,80}?[:：]\s*")


def _fronted_list(file, cits, rest: list[int], ptext, lowered, targets, out):
    """"Thực hiện B (và B2), các đảng ủy ban hành kế hoạch ...: X (Kế hoạch số A1); Y (Kế hoạch số A2)" -> A1 and A2
    implement B (and B2) (`rest`: B, a purpose put in front, and the citations after it)."""
    b = rest[0]
    intro = _FRONTED_LIST_INTRO.match(lowered, cits[b].tail)
    if not intro:
        return
    objects = [b] + _beside(cits, [i for i in rest[1:] if cits[i].pos < intro.end()], b, ptext, targets)
    stop = _NEXT_SENTENCE.search(ptext, intro.end())
    end = stop.start() if stop else len(ptext)
    sources = {s.source for s in out}
    for a in rest[1:]:
        ca = cits[a]
        if intro.end() <= ca.pos < end and a not in sources and ca.type in DIRECTIVE_TYPES \
                and ca.kind is not MentionKind.NAMED:
            for target in objects:
                out.append(_statement(file, a, target, _issued_for(ca), 0.8, cits, ptext))
                targets.add(target)


#: a footnote's own marker opening its body: "<sup>2</sup> Thực hiện ...", "(2) Thực hiện ..."
_LEAD_MARK = re.compile(r"\s*(?:<sup>\s*\d{1,3}\s*</sup>|\(\d{1,2}\))\s*")


def _sentence_start(ptext: str, pos: int) -> int:
    """Where the sentence holding `pos` starts, past a footnote's own marker."""
    start = ptext.rfind(". ", 0, pos) + 1
    mark = _LEAD_MARK.match(ptext, start) if start == 0 else None
    return mark.end() if mark and mark.end() <= pos else start


#: how far after the start of a fronted purpose the document issued for it may be cited
FRONTED_REACH = 400


def _issued_after(cits, indexes, n, ptext) -> int | None:
    """The position in `indexes` of the first citation after the n-th that the sentence says is
    issued ("..., Ban Thường vụ Huyện ủy ban hành A"), within the same clause."""
    b = cits[indexes[n]]
    for k in range(n + 1, len(indexes)):
        c, prev = cits[indexes[k]], cits[indexes[k - 1]]
        if c.pos - b.pos > FRONTED_REACH or ";" in ptext[b.tail:c.pos] or _NEXT_SENTENCE.search(ptext, b.tail, c.pos):
            return None
        if _ISSUED_AT_END.search(ptext[prev.tail:c.pos]):
            return k
    return None


def _beside(cits, between: list[int], b: int, ptext, targets) -> list[int]:
    """The documents joined to B by "và" or a comma that are no object of another ("Căn cứ B về thực
    hiện C và B2 ...", "Thực hiện B ... và Hướng dẫn B2 ..."): objects of the same fronted verb."""
    return [i for i in between if i not in targets and cits[i].type in DIRECTIVE_TYPES
            and _JOINED_BEFORE.search(ptext, max(0, cits[i].pos - 6), cits[i].pos)]


_JOINED_BEFORE = re.compile(r"(?:,|\svà)\s*$")


#: (lowered) a directive named by its kind alone, and the words that point back to it: "thực hiện Kết luận này"
_KIND_WORD = r"(?P<type>kết luận|chỉ thị|nghị quyết|quy định|đề án)"
_THIS = r"(?:\s+(?:này|trên|nêu trên))?"
#: (lowered) a sentence bearing a footnote's marker that carries out what it leaves unnamed or names by its kind: "8/8
#: huyện ủy đã ban hành kế hoạch thực hiện Nghị quyết(1)", "3/4 đảng ủy xây dựng kế hoạch thực hiện(2)"
_CARRIED_BEFORE_MARK = re.compile(rf"(?:{_CARRY_OUT})(?:\s+{_KIND_WORD}{_THIS})?\s*$")
#: (lowered) "Để triển khai thực hiện Kết luận, Ban Thường vụ Tỉnh ủy ban hành ": the directive named by
#: its kind alone, the one cited last
_FRONTED_ANAPHOR = re.compile(
    rf"\s*(?:để\s+)?(?:{_CARRY_OUT})(?:[\s,]+(?:{_CARRY_OUT}))*\s+{_KIND_WORD}"
    r"(?:\s+(?:này|trên|nêu trên|đó))?\s*,\s*[^;.,]{3,120}?\s(?:đã\s+)?ban hành\s*")
#: how many paragraphs back the directive an anaphor names may be cited
ANAPHOR_REACH = 3


#: the type a kind's word names, lowered too: "Chương trình hành động" is a Chương trình
_TYPE_OF_KIND = {**TYPE_OF_WORD, **{word.lower(): type_.lower() for word, type_ in TYPE_OF_WORD.items()}}


def _as_type(kind: str) -> str:
    """The type of document a kind's word (as written, or lowered) names."""
    return _TYPE_OF_KIND.get(kind, kind)


def _cited_last(cits, before: int, kind: str, paragraph: int, replaced: frozenset = frozenset()) -> int | None:
    """The citation of that kind (a type word, lowered) cited last before index `before` and at most
    ANAPHOR_REACH paragraphs back from `paragraph`: what "Kết luận", "Chỉ thị này" ... name; not one
    `replaced` ("Chỉ thị số 45-CT/TW ... (thay thế Chỉ thị số 35-CT/TW), X ban hành A thực hiện Chỉ thị": 45)."""
    for b in range(before - 1, -1, -1):
        c = cits[b]
        if paragraph - c.paragraph > ANAPHOR_REACH:
            return None
        if (c.type or "").lower() == _as_type(kind) and c.kind is not MentionKind.NAMED and b not in replaced:
            return b  # (a resolution named by its congress or plenum is named so where it is meant)
    return None


def _fronted_anaphor(file, cits, indexes, ptext, lowered, out):
    """"Ban Bí thư ban hành Kết luận số 06-KL/TW ... Để triển khai thực hiện Kết luận, Ban Thường vụ
    Tỉnh ủy ban hành A; UBND tỉnh ban hành A2" -> A and A2 implement 06-KL/TW."""
    if "ban hành" not in lowered:
        return  # the verb _FRONTED_ANAPHOR ends with
    for n, a in enumerate(indexes):
        ca = cits[a]
        if not lowered[max(0, ca.pos - 12):ca.pos].rstrip().endswith("ban hành"):
            continue
        start = max(ptext.rfind(". ", 0, ca.pos), ptext.rfind("; ", 0, ca.pos)) + 1
        m = _FRONTED_ANAPHOR.fullmatch(lowered, start, ca.pos)
        if not m:
            continue
        named = _cited_last(cits, a, m.group("type"), ca.paragraph)
        if named is None or _same_doc_key(cits[named]) == _same_doc_key(ca):
            continue
        for issued in [a] + _issued_next(cits, indexes[n + 1:], a, lowered):
            if not any(s.source == issued for s in out):
                out.append(_statement(file, issued, named, _issued_for(cits[issued]), 0.7, cits, ptext))


#: (lowered) "(Kế hoạch này thay thế " before B: the plan named last replaces B
_REPLACED_BY_THIS = re.compile(r"(?P<type>kế hoạch|nghị quyết|quyết định|quy định|hướng dẫn|chỉ thị|chương trình)\s+này"
                               r"\s+(?:thay thế|bãi bỏ|sửa đổi,? bổ sung)\s*$")


def _replaced(file, cits, indexes, ptext, lowered, targets, out, own: int | None = None):
    """"Kế hoạch số 41-KH/ĐU ... (Kế hoạch này thay thế Kế hoạch số 18-KH/ĐU)" -> 41-KH/ĐU amends 18-KH/ĐU;
    "Chỉ thị này thay thế ..." opening a sentence of a text that is a Chỉ thị: the text's own document does."""
    if "này" not in lowered:
        return
    for n, b in enumerate(indexes):
        m = _REPLACED_BY_THIS.search(lowered, max(0, cits[b].pos - 40), cits[b].pos)
        if not m:
            continue
        opens = max(lowered.rfind(". ", 0, m.start()), lowered.rfind("; ", 0, m.start()))
        kind = _as_type(m.group("type"))
        same_kind = [a for a in indexes[:n] if (cits[a].type or "").lower() == kind and cits[a].pos > opens]
        if not same_kind and own is not None and (cits[own].type or "").lower() == kind:
            same_kind = [own]
        if same_kind and not any(s.source == same_kind[-1] and s.target == b for s in out):
            cb = cits[b]
            out.append(Statement(same_kind[-1], b, Relation.AMENDS, 0.8, Evidence(file, cb.line, cb.sentence)))
            targets.add(b)


#: (lowered) "; Huyện ủy Mường Chà ban hành " between two documents issued for one purpose
#: (lowered) "...; Y ban hành": the next issued for the same purpose ("sau khi ... ban hành": a new event, not)
_ISSUED_NEXT = re.compile(r"\s*[;,]\s*(?:và\s+)?(?!\s*sau khi\s)[^;.:]{3,120}?\s(?:đã\s+)?ban hành\s*")


def _issued_next(cits, rest: list[int], a: int, lowered: str) -> list[int]:
    """"Thực hiện B, X ban hành A; Y ban hành A2; Z ban hành A3": A2 and A3, issued for B too."""
    out = []
    for nxt in rest:
        if not _ISSUED_NEXT.fullmatch(lowered, cits[a].end_pos, cits[nxt].pos):
            break
        out.append(nxt)
        a = nxt
    return out


#: (lowered)
_BY_MEANS = re.compile(r"\s*,?\s*(?:bằng|thông qua)\s*(?:việc\s+)?(?:ban hành\s+)?$")
#: (lowered) "B được Ban Thường vụ Huyện ủy cụ thể hóa bằng A": the same, in the passive
_BY_MEANS_PASSIVE = re.compile(rf"(?:\s+về\s[^.;]{{0,160}}?)?\s*,?\s*(?:đã\s+)?được\s+[^.;,]{{0,60}}?(?:{_CARRY_OUT})\s+"
                               r"(?:kịp thời\s+)?(?:bằng|thông qua)\s*(?:việc\s+)?(?:ban hành\s+)?$")  # (B's subject before)


def _by_means(file, cits, indexes, ptext, lowered, targets, out):
    """"Huyện ủy X cụ thể hóa B bằng A", "triển khai thực hiện B của Tỉnh ủy bằng A", "B được X cụ thể
    hóa bằng A" -> A implements B (continues it after "tiếp tục thực hiện")."""
    if "bằng" not in lowered and "thông qua" not in lowered:
        return
    for b, a in zip(indexes, indexes[1:]):
        cb = cits[b]
        if b in targets or cits[a].kind is MentionKind.NAMED:
            continue
        if _BY_MEANS_PASSIVE.match(lowered, cb.tail, cits[a].pos):
            out.append(_statement(file, a, b, _issued_for(cits[a]), 0.85, cits, ptext))
            targets.add(b)
            continue
        if not _BY_MEANS.match(lowered, cb.tail, cits[a].pos):
            continue
        verb = _CARRY_OUT_BEFORE.search(lowered, max(0, cb.pos - _CARRY_OUT_REACH), cb.pos)
        if verb is None:
            continue
        continues = (_CONTINUE.search(lowered, max(0, verb.start() - 10), cb.pos)
                     and cb.type in ("Kết luận", "Chỉ thị", "Nghị quyết", "Quy định"))
        out.append(_statement(file, a, b, Relation.CONTINUES if continues else _issued_for(cits[a]), 0.85, cits, ptext))
        targets.add(b)


#: (lowered) a purpose with its object left out: "... Kế hoạch số 48-KH/TU để triển khai thực hiện;"
_ELIDED = re.compile(rf"\s*,?\s*(?:để|nhằm)\s+(?:tổ chức\s+)?(?:{_CARRY_OUT})(?:\s+(?:{_CARRY_OUT}))?"
                     r"(?:\s+(?:trong|trên|tại|ở|đến|tới)\s+(?:toàn|địa bàn|các|cấp)\b[^;.,]{0,40})?\s*(?:[;.]|$)")


#: (lowered) "Kế hoạch số 156-KH/TU thực hiện Nghị quyết;" — the object named by its kind alone
_KIND_OBJECT = re.compile(rf"\s*,?\s*(?:về\s+|để\s+|nhằm\s+)?(?:(?:lãnh đạo|chỉ đạo)(?:,\s*chỉ đạo)?\s+)?(?:{_CARRY_OUT})(?:[\s,]+(?:và\s+)?(?:tổ chức\s+)?(?:{_CARRY_OUT}))*"
                          rf"\s+(?:{_KIND_WORD}{_THIS}|(?P<plan>kế hoạch)\s+(?:nói trên|nêu trên|trên|này|đó))\s*(?:[;.,(]|và\s|trên địa bàn\s|trong\s|sát\s|phù hợp\s|$)")


#: (lowered) the same at the end of the document's clause, after its subject
_KIND_OBJECT_AT_END = re.compile(rf"\s(?:để|nhằm)\s+(?:{_CARRY_OUT})(?:[\s,]+(?:{_CARRY_OUT}))*\s+{_KIND_WORD}{_THIS}"
                                 r"\s*[.,]?$")


def _kind_object(file, cits, indexes, ptext, lowered, targets, out):
    """"Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 156-KH/TU thực hiện Nghị quyết; ..." -> 156-KH/TU
    implements the Nghị quyết cited last (in this paragraph or the few before)."""
    for n, a in enumerate(indexes):
        ca = cits[a]
        if ca.type not in DIRECTIVE_TYPES + ("Công văn",):
            continue
        m = _KIND_OBJECT.match(lowered, ca.tail)
        if not m:  # "Đề án số 05-ĐA/TU, ngày ... về phát triển cây ăn quả ... để cụ thể hóa Nghị quyết."
            stop = min(x for x in (lowered.find(". ", ca.tail), lowered.find(";", ca.tail), len(lowered)) if x >= 0)
            if n + 1 < len(indexes) and cits[indexes[n + 1]].pos < stop or stop - ca.tail > 300:
                continue
            m = _KIND_OBJECT_AT_END.search(lowered, ca.tail, stop)
            if not m:
                continue
        kinds = [m.group("type") or m.group("plan")]  # "... kế hoạch nói trên"
        second = _SECOND_KIND.match(lowered, m.end()) if m.group(0).endswith("và ") else None
        if second:
            kinds.append(second.group("kind"))  # "... về thực hiện Chỉ thị và Kế hoạch của Tỉnh ủy;"
        replaced = frozenset(s.target for s in out if s.relation is Relation.AMENDS)
        for kind in kinds:
            if any(s.source == a and (cits[s.target].type or "").lower() == _as_type(kind) for s in out):
                continue  # already said to carry out one of that kind
            named = _cited_last(cits, a, kind, ca.paragraph, replaced)
            if named is not None and _same_doc_key(cits[named]) != _same_doc_key(ca):
                out.append(_statement(file, a, named, _issued_for(ca), 0.7, cits, ptext))
                targets.add(named)


#: (lowered) a second object named by its kind alone after "và", maybe with its owner: "... và Kế hoạch của Tỉnh ủy;"
_SECOND_KIND = re.compile(r"(?P<kind>kết luận|chỉ thị|nghị quyết|quy định|đề án|kế hoạch)(?:\s+(?:này|trên|nêu trên))?"
                          r"(?:\s+của\s+[^;.,()]{2,40}?)?\s*(?:[;.,(]|$)")


def _this_carries_out(file, cits, indexes, ptext, lowered, targets, out):
    """"Kế hoạch này do Huyện ủy ban hành để triển khai thực hiện Chỉ thị số 35-CT/TW": the plan cited last
    carries out the directive its anaphor's sentence names."""
    for b in indexes:
        cb = cits[b]
        start = _sentence_start(ptext, cb.pos)
        if cb.type not in DIRECTIVE_TYPES or not lowered.startswith(_SUBJECT_KINDS, start + (lowered[start:start + 1] == " ")):
            continue  # (the pattern is tried only where a sentence opens on a kind)
        m = _THIS_SUBJECT.search(lowered, max(0, cb.pos - 160), cb.pos)
        if not m:
            continue
        named = _cited_last(cits, b, m.group("kind"), cb.paragraph)
        if named is not None and m.group("pointer") is None and cits[named].paragraph != cb.paragraph:
            continue  # (the kind alone names one cited in its paragraph: "KẾ HOẠCH / thực hiện Chỉ thị ..." is a title)
        if named is not None and _same_doc_key(cits[named]) != _same_doc_key(cb) and not any(
                s.source == named and s.target == b for s in out):
            out.append(_statement(file, named, b, _issued_for(cits[named]), 0.7, cits, ptext))
            targets.add(b)


def _elided(file, cits, indexes, ptext, lowered, targets, out):
    """"Ngay sau khi Bộ Chính trị ban hành B, Ban Thường vụ Tỉnh ủy đã ban hành A để triển khai
    thực hiện" -> A implements B: the purpose names no object, so it is the directive the
    sentence named before A."""
    if "để" not in lowered and "nhằm" not in lowered:
        return
    for n, a in enumerate(indexes[1:], 1):
        ca = cits[a]
        if ca.type not in DIRECTIVE_TYPES or not _ELIDED.match(lowered, ca.tail) or any(s.source == a for s in out):
            continue
        sentence_start = ptext.rfind(". ", 0, ca.pos) + 1
        before = [b for b in indexes[:n] if cits[b].pos >= sentence_start and cits[b].type in DIRECTIVE_TYPES
                  and _same_doc_key(cits[b]) != _same_doc_key(ca)]
        if before:
            out.append(_statement(file, a, before[-1], _issued_for(ca), 0.7, cits, ptext))
            targets.add(before[-1])


#: (lowered) "X cũng cụ thể hóa bằng A": carried out by A, the object left out
_BY_MEANS_ELIDED = re.compile(rf"(?:{_CARRY_OUT})\s+bằng\s*(?:việc\s+)?(?:ban hành\s+)?$")


def _by_means_elided(file, cits, indexes, ptext, lowered, targets, out):
    """"Đảng ủy xã Sa Lông ban hành A thực hiện B; Đảng ủy xã Huổi Lèng cũng cụ thể hóa bằng A2" -> A2
    implements B: the object left out is the one the sentence's last statement carried out."""
    if "bằng" not in lowered:
        return
    for n, a in enumerate(indexes):
        ca = cits[a]
        if ca.type not in DIRECTIVE_TYPES or any(s.source == a for s in out):
            continue
        if not _BY_MEANS_ELIDED.search(lowered, max(0, ca.pos - 40), ca.pos):
            continue
        start = ptext.rfind(". ", 0, ca.pos) + 1
        said = [s for s in out if isinstance(s.source, int) and s.source in indexes[:n]
                and cits[s.target].pos >= start and s.relation in CARRY_OUT]
        if said:
            out.append(_statement(file, a, said[-1].target, _issued_for(ca), 0.7, cits, ptext))
            targets.add(said[-1].target)


_ELABORATION = re.compile(r"\s*(?:Trong đó|Theo đó|Kế hoạch|Nghị quyết|Chương trình)\b[^.;]{0,40}"
                          r"(?:cụ thể hoá|cụ thể hóa|xác định|nêu rõ|đề ra|yêu cầu|trong đó|,)")


def _elaborated(file, cits, indexes, ptext, targets, out):
    """"Ban hành Kế hoạch số 42-KH/TU về ... Trong đó cụ thể hoá ... gắn với Kết luận số 01-KL/TW"
    -> 42-KH/TU cites 01-KL/TW: a sentence that goes on about a plan links it to what it names."""
    known = len(out)  # a plan is elaborated on when something was said of it before this function
    sources = None
    for start, end in sentence_bounds(ptext):
        if not _ELABORATION.match(ptext, start, end):
            continue
        if sources is None:
            sources = {s.source for s in out[:known] if isinstance(s.source, int)}
        before = [i for i in indexes if cits[i].pos < start and i in sources]
        if not before or cits[before[-1]].pos < start - 600:
            continue
        a = before[-1]
        named = {_same_doc_key(cits[s.target]) for s in out if s.source == a}
        for i in indexes:
            c = cits[i]
            if (start <= c.pos < end and i not in targets and _same_doc_key(c) not in named
                    and c.type in DIRECTIVE_TYPES):
                out.append(_statement(file, a, i, Relation.CITES, 0.6, cits, ptext))
                targets.add(i)


def _may_be_same(a: Citation, b: Citation) -> bool:
    """Whether two citations may name one document: "Kết luận 01" and "Kết luận số 01-KL/TW"."""
    (ta, na, ka, da), (tb, nb, kb, db) = _same_doc_key(a), _same_doc_key(b)
    return ta == tb and na == nb and (ka == kb or not ka or not kb) and da == db


def _same_doc_key(c: Citation) -> tuple:
    """(type, number, code, what names it when no number does: "Nghị quyết Đại hội ... lần thứ XIV" is not the XXII's)"""
    named = None if c.number else (c.name, c.congress, c.plenum, c.terms)
    return (c.type, (c.number or "").lstrip("0"), _SPACE.sub("", c.code or "").upper(), named)


def _list_relations(file, cits, indexes, ptext, lowered, doc_targets, out):
    """"... xây dựng kế hoạch thực hiện Nghị quyết số 15-NQ/TU: X ban hành A; Y ban hành B ..."
    (or ", cụ thể:", ". Cụ thể:", a list in parentheses) """
    if ":" not in ptext and "：" not in ptext and "(" not in ptext and "như" not in ptext and "trong đó" not in ptext:
        return  # no list introduced
    _bare_list(file, cits, indexes, ptext, lowered, doc_targets, out)
    _examples_next(file, cits, indexes, ptext, lowered, doc_targets, out)
    for n, t in enumerate(indexes):
        ct = cits[t]
        intro = _LIST_INTRO.match(lowered, ct.tail)
        if not intro or not _CARRY_OUT_BEFORE.search(lowered, max(0, ct.pos - 80), ct.pos):
            continue
        if intro.group("paren"):
            end = ptext.find(")", intro.end())
        else:  # the list ends with its sentence
            stop = _NEXT_SENTENCE.search(ptext, intro.end())
            end = stop.start() if stop else -1
        sources = {s.source for s in out}
        # "... thực hiện Kế hoạch số 380-KH/TU và Chỉ thị số 35-CT/TW: ..." — the list carries out both
        joined = [i for i in _joined_run(cits, indexes[:n + 1], ptext) if i != t] + [t]
        for a in indexes[n + 1:]:
            ca = cits[a]
            if end >= 0 and ca.pos > end:
                break  # past the list
            if ca.kind is MentionKind.NAMED or a in doc_targets or a in sources:
                continue
            if ca.type not in DIRECTIVE_TYPES + ("Công văn", "Thông báo"):
                continue
            for target in joined:
                out.append(_statement(file, a, target, _issued_for(ca), 0.75, cits, ptext))


#: (lowered) a list after a directive named by its kind alone: "... xây dựng kế hoạch thực hiện Kết luận, tiêu biểu:"
_BARE_LIST_INTRO = re.compile(rf"(?:{_CARRY_OUT})\s+{_KIND_WORD}{_THIS}"
                              r"(?:\s+bằng\s+[^:;.]{3,60}?)?"  # "... cụ thể hóa Đề án bằng chương trình, kế hoạch của cấp mình:"
                              r"\s*,?\s*(?:(?:tiêu biểu|điển hình)(?:\s+(?:như|là))?|cụ thể|gồm|như sau)?\s*[:：]")


_BARE_LIST_WORDS = (":", "：")


def _bare_list(file, cits, indexes, ptext, lowered, doc_targets, out):
    """"Có 38/41 tổ chức cơ sở đảng xây dựng kế hoạch thực hiện Kết luận, tiêu biểu: Đảng ủy Sở Y tế
    (Kế hoạch số 27-KH/ĐU), ..." -> each plan listed implements the Kết luận cited last."""
    if not any(word in lowered for word in _BARE_LIST_WORDS):
        return  # what _BARE_LIST_INTRO needs before its colon
    for m in _BARE_LIST_INTRO.finditer(lowered):
        kind = m.group("type")
        here = [i for i in indexes if cits[i].pos < m.start() and (cits[i].type or "").lower() == _as_type(kind)]
        target = here[-1] if here else _cited_last(cits, indexes[0], kind, cits[indexes[0]].paragraph)
        if target is None:
            continue
        stop = _NEXT_SENTENCE.search(ptext, m.end())
        end = stop.start() if stop else len(ptext)
        sources = {s.source for s in out}
        for a in indexes:
            ca = cits[a]
            if not m.end() <= ca.pos < end or ca.kind is MentionKind.NAMED or a in doc_targets or a in sources:
                continue
            if ca.type in DIRECTIVE_TYPES + ("Công văn",):
                out.append(_statement(file, a, target, _issued_for(ca), 0.7, cits, ptext))


#: (lowered) a sentence that goes on to name examples of what the one before said was issued: "Một số đơn vị ban
#: hành sớm, nội dung cụ thể như: Thành ủy Sơn La (Kế hoạch số 189-KH/ThU), ..."
_EXAMPLES_NEXT = re.compile(r"[^.;:]{0,120}?ban hành[^.;:]{0,80}?\s(?:như|gồm|(?:tiêu biểu|điển hình)(?:\s+(?:như|là))?)"
                            r"\s*[:：]")


def _examples_next(file, cits, indexes, ptext, lowered, doc_targets, out):
    """"... đã ban hành kế hoạch thực hiện Nghị quyết 43 và Kế hoạch số 236-KH/TU. Một số đơn vị ban hành sớm
    như: X (A1), Y (A2)" -> A1 and A2 implement both: the examples of the sentence before's plans."""
    if "ban hành" not in lowered:
        return
    sources = {s.source for s in out}
    for (_, prev_end), (start, end) in pairwise(sentence_bounds(ptext)):
        intro = _EXAMPLES_NEXT.match(lowered, start, end)
        before = [i for i in indexes if cits[i].pos < prev_end]
        if not intro or not before or any(start <= cits[i].pos < intro.end() for i in indexes):
            continue
        run = _joined_run(cits, before, ptext)
        if not run or ptext[cits[run[-1]].tail:prev_end].strip(" ."):
            continue  # the sentence before must end with what it carried out ...
        if not _CARRY_OUT_BEFORE.search(lowered, max(0, cits[run[0]].pos - 80), cits[run[0]].pos):
            continue  # ... after a verb that carries it out
        for a in indexes:
            ca = cits[a]
            if (intro.end() <= ca.pos < end and ca.kind is not MentionKind.NAMED and a not in doc_targets
                    and a not in sources and ca.type in DIRECTIVE_TYPES):
                for target in run:
                    out.append(_statement(file, a, target, _issued_for(ca), 0.7, cits, ptext))


def _item_lists(file, cits, by_paragraph, doc_layout: Layout, out, unit_named=lambda cell: None):
    """"... đã ban hành các văn bản chỉ đạo thực hiện Kết luận 01, gồm:" and then one paragraph per
    document ("- Hướng dẫn số 04-HD/ĐU ...", or a table's rows: "| 1 | Huyện ủy Mường Chà | Kế hoạch
    số 130-KH/HU |"): each item carries out the directive introduced, unless it is already said
    to do something to that one; a table's row that counts the unit's meetings or members who studied says the
    unit carried it out (`unit_named`: the unit a row's cell names)."""
    paragraphs = doc_layout.paragraphs
    for p_index, paragraph in enumerate(paragraphs):
        ptext = paragraph.text
        if _HEADER_ROW.match(ptext) and not (p_index and _HEADER_ROW.match(paragraphs[p_index - 1].text)):
            _content_cells(file, cits, by_paragraph, paragraphs, p_index, out)
            _directive_columns(file, cits, by_paragraph, doc_layout, p_index, out, unit_named)
        if not ptext.rstrip().endswith((":", "：")) and not _table_follows(paragraphs, p_index):
            continue
        if table_row(ptext) or _TASKS_INTRO.match(_lowered(ptext)):
            continue  # (a table of tasks to come: "NHIỆM VỤ CỤ THỂ THỰC HIỆN CHƯƠNG TRÌNH ...", its rows no deeds)
        introduced = _introduced(cits, by_paragraph.get(p_index), p_index, ptext)
        stated = out[:]  # what the items say before the intro speaks for them
        for t in introduced:
            _items_carry_out(file, cits, by_paragraph, paragraphs, p_index, t, out, stated, len(introduced) > 1)
            _rows_at_work(file, cits, by_paragraph, doc_layout, p_index, t, out, unit_named)


#: (lowered) a table's column that says what a row's document carries out: "Nội dung thực hiện", "Văn bản cấp trên"
_CONTENT_COLUMN = re.compile(r"\s*(?:nội dung thực hiện|thực hiện|văn bản cấp trên|căn cứ)\s*")


def _content_cells(file, cits, by_paragraph, paragraphs, header: int, out):
    """"| TT | Đơn vị | Văn bản (số, ngày) | Nội dung thực hiện |" / "| 1 | Thành ủy Sơn La | 156-KH/ThU | QĐ 144 và KH
    265 |": the row's document carries out what the cell under such a heading cites (rows as wide as the header)."""
    heads = [_lowered(cell) for cell in row_cells(paragraphs[header].text)]
    column = next((n for n, head in enumerate(heads) if _CONTENT_COLUMN.fullmatch(head)), None)
    if column is None:
        return
    for q in range(header + 1, len(paragraphs)):
        qtext = paragraphs[q].text
        if not table_row(qtext):
            if paragraphs[q].footnote is not None:
                continue
            break
        cells = row_cells(qtext)
        indexes = by_paragraph.get(q, [])
        if not column < len(cells) <= len(heads) or not indexes:
            continue  # (a row may lack the empty cells a PDF's copy dropped at its end)
        start = _cell_starts(cells)[column]
        end = start + len(cells[column])
        plan = indexes[0]
        if cits[plan].pos >= start:
            continue  # (the row's own document stands before the cell)
        for target in (i for i in indexes if start <= cits[i].pos < end and cits[i].type in DIRECTIVE_TYPES):
            if not any(s.source == plan and s.target == target for s in out):
                out.append(_statement(file, plan, target, _issued_for(cits[plan]), 0.75, cits, qtext))


#: (lowered) a table's column that counts what was done: "Số hội nghị", "Đảng viên học tập", "Lượt quán triệt"
_COUNT_COLUMN = re.compile(r"hội nghị|học tập|quán triệt|lượt")
#: a cell that counts something done: "02", "2.517" (not "-", "0", a date)
_POSITIVE_COUNT = re.compile(r"\s*0*[1-9][\d.]*\s*")


def _rows_at_work(file, cits, by_paragraph, doc_layout: Layout, p_index: int, t: int, out, unit_named):
    """"BIỂU TỔNG HỢP ... QUÁN TRIỆT QUY ĐỊNH SỐ 144-QĐ/TW" / "| TT | Đơn vị | Văn bản | Hội nghị | Đảng viên học tập |" /
    "| 8 | Huyện ủy Yên Châu | Chưa ban hành | 01 | 2.045 |": a row counting meetings held or members who studied
    says its unit carried `t` out, whatever its plan."""
    paragraphs = doc_layout.paragraphs
    header = next((q for q in range(p_index + 1, min(p_index + 4, len(paragraphs)))
                   if _HEADER_ROW.match(paragraphs[q].text)), None)
    if header is None or not _COUNT_COLUMN.search(_lowered(paragraphs[header].text)):
        return
    head = paragraphs[header].text
    group = head[:_HEADER_ROW.match(head).start("tt")].count("|") - head.lstrip().startswith("|")  # ("Khối|TT|...")
    done = {(s.source, s.target) for s in out}
    for q in range(header + 1, len(paragraphs)):
        qtext = paragraphs[q].text
        if paragraphs[q].footnote is not None or _HEADER_ROW.match(qtext):
            continue
        if not table_row(qtext):
            break
        cells = [cell.strip() for cell in row_cells(qtext)]
        cells = cells[1:] if cells and not cells[0] else cells  # ("| 1 | A |": an empty cell before the first bar)
        cells = cells[group:]
        if len(cells) < 3 or not cells[0].isdigit() or not any(_POSITIVE_COUNT.fullmatch(c) for c in cells[2:]):
            continue  # (a total row has no number; "-" counts nothing)
        first = next(iter(by_paragraph.get(q, [])), None)
        name = (cits[first].issuer_unit if first is not None else None) or unit_named(cells[1])
        if name:
            _row_at_work(file, name, t, doc_layout.line_of(q, 0), qtext, out, done)


def _directive_columns(file, cits, by_paragraph, doc_layout: Layout, header: int, out, unit_named):
    """"| TT | Đảng bộ | Kế hoạch | Kết luận 01-KL/TW | Kết luận 01-KL/TW | Quy định 144-QĐ/TW | ..." over "| | | |
    Hội nghị | Đảng viên | Hội nghị | ..." : a row counting meetings held or members who studied under a directive's
    column says its unit carried that directive out."""
    paragraphs = doc_layout.paragraphs
    if header + 1 >= len(paragraphs) or not table_row(paragraphs[header + 1].text):
        return
    head, sub = row_cells(paragraphs[header].text), row_cells(paragraphs[header + 1].text)
    if len(head) != len(sub):
        return
    starts = _cell_starts(head)
    columns = {}  # column -> the directive it counts for
    for i in by_paragraph.get(header, []):
        column = bisect.bisect_right(starts, cits[i].pos) - 1
        if cits[i].type in DIRECTIVE_TYPES and _COUNT_COLUMN.search(_lowered(sub[column])):
            columns.setdefault(column, i)
    if not columns:
        return
    numbered = _HEADER_ROW.match(paragraphs[header].text)
    tt = paragraphs[header].text[:numbered.start("tt")].count("|")  # the numbering column
    done = {(s.source, s.target) for s in out}
    for q in range(header + 2, len(paragraphs)):
        qtext = paragraphs[q].text
        if not table_row(qtext):
            break
        cells = row_cells(qtext)
        if len(cells) != len(head) or not cells[tt].strip().isdigit():
            continue  # (the line under the header, a total row)
        name = _row_unit(cits, by_paragraph.get(q, []), cells[tt + 1].strip(), head[tt + 1], unit_named)
        for column, t in columns.items():
            if name and _POSITIVE_COUNT.fullmatch(cells[column]):
                _row_at_work(file, name, t, doc_layout.line_of(q, 0), qtext, out, done)


def _row_at_work(file, name: str, t: int, line: int, row: str, out, done: set):
    """The unit a table's row counts at work carries `t` out, once."""
    if (f"unit:{name}", t) not in done:
        done.add((f"unit:{name}", t))
        out.append(Statement(f"unit:{name}", t, Relation.IMPLEMENTS, 0.6, Evidence(file, line, row[:600])))


def _cell_starts(cells: list[str]) -> list[int]:
    """Where each cell of a row begins in the row's text."""
    starts, at = [], 0
    for cell in cells:
        starts.append(at)
        at += len(cell) + 1
    return starts


#: (lowered) the heading of a column that lists a district's communes by their place alone: "Đảng bộ", "Xã, thị trấn"
_COMMUNES_COLUMN = re.compile(r"\s*(?:đảng bộ|đảng ủy|xã|xã, thị trấn|đảng bộ xã, thị trấn)\s*")


def _row_unit(cits, indexes: list[int], cell: str, heading: str, unit_named) -> str | None:
    """The unit a table's row is about: its document's issuer, else the unit its cell names, else (under a heading of
    communes) the commune's committee: "Tìa Dình" -> Đảng ủy xã Tìa Dình, "Thị trấn X" -> Đảng ủy thị trấn X."""
    first = next((cits[i].issuer_unit for i in indexes if cits[i].issuer_unit), None)
    if first or not cell:
        return first
    named = unit_named(cell)
    if named or not _COMMUNES_COLUMN.fullmatch(_lowered(heading)):
        return named
    level = next((w for w in ("Thị trấn", "Phường", "Xã") if cell.startswith(w + " ")), None)
    return unlisted(f"Đảng ủy {level.lower()} {cell[len(level) + 1:]}" if level else f"Đảng ủy xã {cell}")


#: (lowered) what opens an intro to tasks set, not deeds: "NHIỆM VỤ CỤ THỂ ...", "Phân công nhiệm vụ ..."
_TASKS_INTRO = re.compile(r"\s*(?:[ivx]+[.-]\s*|\d{1,2}[.)]\s*)?(?:phụ lục\s*:?\s*)?(?:danh mục\s+)?(?:nhiệm vụ|phân công)")
#: a table's header row: its first cell (or the one after a group's column: "Khối|TT|Đơn vị|...") numbers the rows
_HEADER_ROW = re.compile(r"\s*\|?\s*(?:[^|\d]{1,20}\|\s*)?(?P<tt>S?TT|Số TT|Stt)\s*\|")
_ATTACHMENT_NOTE = re.compile(r"\s*\(\s*[Kk]èm theo\s[^()]*\)\s*$")


def _table_follows(paragraphs, p_index: int) -> bool:
    """Whether a table's rows come next, maybe after an appendix's note ("(Kèm theo Báo cáo số 215-BC/ĐUK ...)")."""
    following = [p.text for p in paragraphs[p_index + 1:p_index + 3]]
    if following and _ATTACHMENT_NOTE.match(following[0]):
        following = following[1:]
    return bool(following) and table_row(following[0])


def _items_carry_out(file, cits, by_paragraph, paragraphs, p_index, t, out, stated, several: bool = False):
    """Each item of the list after paragraph `p_index` carries out `t`, unless already said to do
    something to that one, or (in the `stated` statements) to carry out a plan that carries `t` out; under an intro
    naming `several` directives, an item that says what it carries out carries out that alone."""
    ct = cits[t]
    # when `t` was issued: the earliest date a full citation of it gives (not a short form's: "quán triệt Quy định 144
    # ngày 18/6/2024" dates the meeting)
    when = min((c.date for c in cits if c.date and c.code and c.kind is MentionKind.FULL
                and _same_doc_key(c) == _same_doc_key(ct)), default=None) if ct.code else None
    page_break = False  # a page's footnotes and running head seen inside the list
    for q in range(p_index + 1, len(paragraphs)):
        qtext = paragraphs[q].text
        if q > p_index + 1 and paragraphs[q].footnote is not None:
            page_break = True
            continue  # (a table going on over a PDF's page break: its rows, the footnotes, the next page's head)
        if (q == p_index + 1 and _ATTACHMENT_NOTE.match(qtext)) or _HEADER_ROW.match(qtext):
            continue  # (a header row: "| TT | Đơn vị | Số, ngày kế hoạch | Học tập, quán triệt Quy định 144 |")
        row = table_row(qtext)
        if not row and (page_break or not LIST_ITEM_RE.match(qtext)):
            break  # the list is over
        first = by_paragraph.get(q, [None])[0]
        if first is None or cits[first].kind is MentionKind.NAMED or not (
                row or _listed(qtext, cits[first]) or _labelled(qtext, cits[first])):
            continue
        if any(s.source == first and _may_be_same(cits[s.target], ct) for s in out) or any(
                s.source == first and _carries_out(stated, cits, s.target, ct) for s in stated):
            continue  # (or through what it names: "| 3 | A | Thực hiện Kế hoạch số 309-KH/TU |", 309 carrying out t)
        if several and any(s.source == first for s in stated):
            continue  # "DANH MỤC ... TRIỂN KHAI QUY ĐỊNH 144 VÀ CHỈ THỊ 28" / "| Kế hoạch 21-KH/ĐU | Thực hiện Quy định 144 |"
        if when and _dated_before(qtext, cits[first], when):
            continue  # "| 4 | Chi bộ ... | Nghị quyết 05-NQ/CB | 04/12/2023 |" under an intro naming Quy định 144 of 2024
        if _CARRY_OUT_BEFORE.search(_lowered(qtext), max(0, cits[first].pos - _CARRY_OUT_REACH), cits[first].pos):
            continue  # "| 8 | Huyện ủy Tân Uyên | Chưa ban hành | Đã quán triệt Nghị quyết 57 |": what the row carried out
        out.append(_statement(file, first, t, _issued_for(cits[first]), 0.7, cits, qtext))


def _dated_before(qtext: str, item: Citation, when: str) -> bool:
    """Whether the item (its date, else the first date after it in its row) was issued before `when`."""
    date = item.date
    if date is None:
        m = NUMERIC_DATE_RE.search(qtext, item.tail)
        date = iso_date(m) if m else None
    return date is not None and date < when


def _carries_out(out, cits, plan: int, directive: Citation) -> bool:
    """Whether the statements so far have `plan` (or another citation of it) carry out `directive`."""
    return any(isinstance(s.source, int) and s.relation is not Relation.CITES and _may_be_same(cits[s.source], cits[plan])
               and _may_be_same(cits[s.target], directive) for s in out)


#: (lowered) an intro naming the directive by its kind alone: "... ban hành kế hoạch thực hiện Chỉ thị:"
_BARE_INTRO = re.compile(rf"(?:{_CARRY_OUT})\s+{_KIND_WORD}{_THIS}"
                         r"\s*(?:,?\s*(?:cụ thể|gồm|như sau)\s*)?[:：]?\s*$")


#: (lowered) a directive named by its kind alone after a verb of carrying out: "cụ thể hóa Chỉ thị bằng ..."
_BARE_KIND = re.compile(rf"(?:{_CARRY_OUT})\s+{_KIND_WORD}(?!\s*(?:số|\d|trung ương|đại hội))")


def _last(matches):
    last = None
    for last in matches:
        pass
    return last


_ATTACHED_TO = re.compile(r"kèm theo\s*$")


def _introduced(cits, indexes, p_index, ptext) -> list[int]:
    """The directives a list's intro carries out: its last citation after a verb of carrying out,
    with those joined to it before ("... kế hoạch thực hiện Kế hoạch số 146-KH/HU ... và Chỉ thị số
    35-CT/TW ...; Cụ thể:"); or, named by its kind alone ("... kế hoạch thực hiện Chỉ thị:"), the
    last one of that kind cited in the paragraphs before."""
    lowered = _lowered(ptext)
    # (an appendix's "(Kèm theo Báo cáo số 215-BC/ĐUK ...)" names the text it belongs to, not a directive)
    indexes = [i for i in indexes or () if not _ATTACHED_TO.search(lowered, max(0, cits[i].pos - 12), cits[i].pos)]
    if indexes:
        run = _joined_run(cits, indexes, ptext)
        for k, i in enumerate(run):
            if _CARRY_OUT_BEFORE.search(lowered, max(0, cits[i].pos - 80), cits[i].pos):
                return run[k:]
        return []
    m = _BARE_INTRO.search(lowered, max(0, len(lowered) - 80)) or _last(_BARE_KIND.finditer(lowered))
    if not m:
        return []
    first_after = next((i for i, c in enumerate(cits) if c.paragraph >= p_index), len(cits))
    named = _cited_last(cits, first_after, m.group("type"), p_index)
    return [] if named is None else [named]


def _joined_run(cits, indexes, ptext) -> list[int]:
    """The directives that end a paragraph's citations, each joined to the next by a comma or "và"."""
    run = [indexes[-1]]
    for a in reversed(indexes[:-1]):
        if not _JOINED.fullmatch(ptext[cits[a].tail:cits[run[0]].pos]):
            break
        run.insert(0, a)
    return [i for i in run if cits[i].type in DIRECTIVE_TYPES]


# --- units ----------------------------------------------------------------------

def _unit_relations(file, cits, indexes, ptext, lowered, doc_targets, roster, context: Context, topic, out,
                    earlier, line_of, this_kind: str | None = None, preceding=lambda: "", as_of=lambda: None):
    if context.asks:
        return  # "3. Yêu cầu / - Đảng ủy xã Ma Thì Hồ ban hành kế hoạch thực hiện ...": a task set, no deed
    # the units a paragraph names are read when a sentence asks for its actors, and only then
    units = _Once(lambda: _unit_mentions(ptext, lowered, roster, context.province, cits, indexes, context.near,
                                         _Once(preceding), as_of))
    fallback = [context.unit] if context.unit else ([context.author] if context.author else [])
    done: set[tuple[str, int]] = set()
    # activities reported and examples listed, ruled out for the whole paragraph at once
    activity = topic is not None and _reports_activity(_lowered(_clean(ptext)) if _has_markup(ptext) else lowered)
    examples = bool(indexes) and ("điển hình" in lowered or "tiêu biểu" in lowered)  # what _EXAMPLES_START finds
    kinds = _kinds_alone(ptext)
    bounds = sentence_bounds(ptext)
    carried: int | None = None  # what the sentence before carried out, for the examples a sentence may list of it
    for k, ((s_start, s_end), here) in enumerate(zip(bounds, _by_sentence(cits, indexes, bounds))):
        if examples and carried is not None:
            _examples_next_sentence(file, carried, ptext, lowered, s_start, s_end, units, out, done, line_of)
        carried = next((i for i in reversed(here) if cits[i].type in DIRECTIVE_TYPES and _CARRY_OUT_BEFORE.search(
            lowered, max(s_start, cits[i].pos - _CARRY_OUT_REACH), cits[i].pos)), None) if examples else None
        kind_alone = bool(kinds) and any(s_start <= k < s_end for k in kinds)
        if not here and not kind_alone and not activity:
            continue
        actors_in = _Once(lambda s=s_start, e=s_end: [u for u in units() if s <= u.start < e and u.subject])
        previous: tuple[int, list[str]] | None = None
        inspected: int | None = None  # the citation before, when an inspection (a working session) is about it
        for i in here:
            c = cits[i]
            if i in doc_targets or c.type not in DIRECTIVE_TYPES or _respective(lowered, s_start, c.pos):
                # (a directive a document carries out: "X ban hành A tuyên truyền B; Y và Z đã ban hành kế hoạch thực
                # hiện" — the clauses after it may leave B unnamed)
                previous = (i, []) if i in doc_targets and c.type in DIRECTIVE_TYPES else None
                if previous and _CARRY_OUT_BEFORE.search(lowered, max(s_start, c.pos - _CARRY_OUT_REACH), c.pos):
                    for name in _organised_by(ptext, c, units):  # "Ngay sau hội nghị quán triệt B do Tỉnh ủy tổ
                        _unit_statement(file, name, i, 0.7, _clean(clause_at(ptext, c.pos)), c.line, out, done)
                continue  # chức, X ban hành A ...": B is A's, and the meeting's unit carried it out too
            if _INSPECTING_BEFORE.search(lowered, max(s_start, c.pos - 130), c.pos) or (
                    inspected is not None and _JOINED.fullmatch(ptext[cits[inspected].tail:c.pos])):
                previous, inspected = None, i
                continue  # "kiểm tra việc thực hiện Kế hoạch số 146-KH/HU (và B) đối với ...": inspecting and inspected
            inspected = None
            if _ISSUING_BEFORE.search(lowered, max(s_start, c.pos - 30), c.pos) and any(
                    s.source == i for s in out if not isinstance(s.source, str)):
                previous = None
                continue  # "Thực hiện X, Huyện ủy đã ban hành Kế hoạch số 58-KH/HU về ...": issued here, not carried out
            if _CARRY_OUT_BEFORE.search(lowered, max(s_start, c.pos - _CARRY_OUT_REACH), c.pos):
                actors = _organised_by(ptext, c, units) or _actors_for(c.pos, actors_in(), ptext, s_start)
                if actors is None or not actors and _BY_UNNAMED.match(lowered, c.pos + len(c.surface)):
                    previous = None
                    continue  # "...; các đảng bộ gắn việc ... với Chỉ thị 35": units the text does not name
                if not actors and table_row(ptext):  # "| 8 | Huyện ủy Tân Uyên | ... | Đã quán triệt Nghị quyết 57 |"
                    actors = [u.name for u in units() if s_start <= u.start < c.pos][:1]
                actors = actors or _speaker(ptext, lowered, c.pos, units) or _this_is(lowered, bounds, k, units) or fallback
            elif (_PER_BEFORE.search(lowered, max(s_start, c.pos - 40), c.pos)  # a unit named: a task set is no deed
                  and not (c.type in _INSPECTION_WARRANTS
                           and _INSPECTED_PER.search(lowered, max(s_start, c.pos - 40), c.pos))):
                actors = (_actors_for(c.pos, actors_in(), ptext, s_start) or _speaker(ptext, lowered, c.pos, units)
                          or _this_is(lowered, bounds, k, units))
            elif previous and _JOINED.fullmatch(ptext[cits[previous[0]].tail:c.pos]):
                actors = previous[1]  # "quán triệt Kết luận số 21- KL/TW; Kế hoạch số 03- KH/TW ..."
            else:
                previous = None
                continue
            if _negated(ptext[max(s_start, c.pos - 90):c.pos]):
                previous = None
                continue  # "Đảng ủy xã Huổi Só chưa ban hành kế hoạch thực hiện ..."
            for name in actors:  # (a unit's own document is left out when the graph is built)
                _unit_statement(file, name, i, 0.7, _clean(clause_at(ptext, c.pos)), c.line, out, done)
            previous = (i, actors)
        if previous:  # "...quán triệt Chỉ thị 35 ...; Đảng ủy Công an huyện và Đảng ủy Quân sự huyện tổ chức quán triệt ..."
            for name, clause in _elided_clauses(cits[previous[0]], ptext, lowered, s_end, actors_in):
                _unit_statement(file, name, previous[0], 0.6, _clean(clause), line_of(s_start), out, done)
        if kind_alone:
            for name, target, clause in _anaphoric(cits, indexes, ptext, s_start, s_end, actors_in, earlier, this_kind):
                _unit_statement(file, name, target, 0.55, _clean(clause), line_of(s_start), out, done)
        if activity and _reports_activity(_lowered(_clean(ptext[s_start:s_end]))):
            for u in actors_in():
                if _activity_negated(ptext, lowered, u.end, s_end):
                    continue  # "Đảng ủy xã Pa Cheo chưa ban hành văn bản thực hiện"
                if not here or all(i in doc_targets for i in here):
                    _unit_statement(file, u.name, topic, 0.6, _clean(clause_at(ptext, u.start)),
                                    line_of(u.start), out, done)
        if examples:
            _examples(file, cits, here, ptext, lowered, s_start, s_end, units, doc_targets, out, done, line_of)
    if indexes and (":" in ptext or "：" in ptext):
        _unit_clauses(file, cits, indexes, ptext, lowered, units, doc_targets, out, done, line_of)


#: (lowered) a clause that carries out what it does not name: "... tổ chức quán triệt đến 100% đảng viên"
_ELIDED_DEED = re.compile(rf"(?:đã\s+|đều\s+|cũng\s+)?(?:(?:tổ chức\s+)?(?:{_CARRY_OUT})(?!\s+(?:{_KIND_WORD}|kế hoạch))"
                          rf"|(?:ban hành|xây dựng)\s+(?:kế hoạch|văn bản)(?:\s+(?:{_CARRY_OUT}))?\s*(?=[;.]|$))")


def _elided_clauses(c: Citation, ptext: str, lowered: str, s_end: int, actors_in) -> Iterator[tuple[str, str]]:
    """(unit, clause) for each clause after the citation's, in its sentence, whose subject units carry out something
    they leave unnamed: the directive the clause before carried out (`actors_in()`: the sentence's subject units)."""
    start = ptext.find(";", c.end_pos, s_end)
    while start >= 0:
        end = ptext.find(";", start + 1, s_end)
        stop = end if end >= 0 else s_end
        units = [u for u in actors_in() if start < u.start < stop]
        if not units:
            return
        deed = _ELIDED_DEED.search(lowered, units[-1].end, stop)
        if deed is None or deed.start() - units[-1].end > 12 or _negated(ptext[start:deed.start()]):
            return
        for u in units:
            yield u.name, ptext[start + 1:stop]
        start = end


def _respective(lowered: str, s_start: int, pos: int) -> bool:
    """Whether the citation at `pos` is listed after "lần lượt là" in its clause: the documents the units
    named before issued, not ones they carry out."""
    clause = max(lowered.rfind(";", s_start, pos) + 1, s_start, pos - 160)
    return "lần lượt là" in lowered[clause:pos]


def _reports_activity(lowered: str) -> bool:
    """"đăng ký làm theo ...", "ban hành văn bản (kế hoạch) thực hiện ...": the words of _ACTIVITY
    looked for as plain strings first."""
    if "đăng ký" not in lowered and ("ban hành" not in lowered or "văn bản" not in lowered and "kế hoạch" not in lowered):
        return False
    return _ACTIVITY.search(lowered) is not None


def _activity_negated(ptext: str, lowered: str, unit_end: int, s_end: int) -> bool:
    """Whether the activity a unit is said to carry out is denied: "Đảng ủy xã Pa Cheo chưa ban hành
    văn bản thực hiện" (the first activity after the unit's name, in its sentence)."""
    m = _ACTIVITY.search(lowered, unit_end, s_end)
    if m is not None:  # (or turned down within it: "đã đăng ký nhưng đến nay chưa triển khai mô hình nào")
        return _negated(ptext[unit_end:m.start()]) or _negated(ptext[unit_end:m.end()])
    # "...; còn 02 đảng bộ chưa ban hành kế hoạch: Đảng bộ huyện Sốp Cộp và ...": the units listed after a denial
    clause = lowered.rfind(";", 0, unit_end) + 1
    colon = lowered.rfind(":", clause, unit_end)
    return colon >= 0 and _negated(ptext[clause:colon])


def _by_sentence(cits, indexes, bounds) -> list[list[int]]:
    """The citations of each sentence (`bounds`), in the order of `indexes`."""
    if len(bounds) == 1:  # the whole paragraph
        return [[i for i in indexes if 0 <= cits[i].pos < bounds[0][1]]]
    starts = [start for start, _ in bounds]
    here: list[list[int]] = [[] for _ in bounds]
    for i in indexes:
        pos = cits[i].pos
        n = bisect.bisect_right(starts, pos) - 1
        if n >= 0 and pos < bounds[n][1]:
            here[n].append(i)
    return here


def _lowered(text: str) -> str:
    """`text` in lower case, letter for letter, for the case-blind patterns: written in lower
    case, they find in it what they would find in `text` with IGNORECASE, at the same offsets,
    and much faster. IGNORECASE also takes "İ" and "ı" for "i" and "ſ" for "s", which lower()
    leaves alone (or, "İ", makes two letters of)."""
    return text.replace("İ", "i").replace("ı", "i").replace("ſ", "s").lower()


class _Once:
    """A value made the first time it is asked for."""
    __slots__ = ("_make", "_value")

    def __init__(self, make):
        self._make, self._value = make, None

    def __call__(self):
        if self._make is not None:
            self._value, self._make = self._make(), None
        return self._value


_NEGATED = re.compile(r"(?<!\w)(?:chưa|không|chậm)(?!\w)[^.;,]{0,60}$")  # "chậm cụ thể hóa": not yet


def _negated(before: str) -> bool:
    if '"' in before or "“" in before:  # a name in quotes denies nothing: mô hình "Bản không có ma túy"
        before = _QUOTED.sub(lambda q: " " * len(q.group()), before)
    # where _NEGATED's word is (a table's cell its own: "| Chưa ban hành | Đã quán triệt Nghị quyết 57 |")
    tail = before[max(before.rfind("."), before.rfind(";"), before.rfind(","), before.rfind("|")) + 1:]
    turn = max(tail.rfind(" mà "), tail.rfind(" nhưng "))
    if turn >= 0:  # "không ban hành kế hoạch riêng mà (nhưng đã) tổ chức quán triệt B": done otherwise,
        return _NEGATED.search(tail, turn) is not None  # unless the turn is negated too ("nhưng chưa ...")
    if ("chưa" in tail or "không" in tail or "chậm" in tail) and _NEGATED.search(before) is not None:
        return True
    if _UNDONE.search(tail.lower()):
        return True  # "Đảng ủy Khối Doanh nghiệp tỉnh khẩn trương ban hành văn bản cụ thể hóa Nghị quyết 15": asked, not done
    sentence = before[max(before.rfind("."), before.rfind(";")) + 1:].lower()
    asked = sentence.rfind("đề nghị")
    if asked >= 0 and not _DONE_AFTER_ASKING.search(sentence, asked):
        return True  # "đề nghị Hội Liên hiệp Phụ nữ huyện, Huyện đoàn tham gia sâu hơn vào thực hiện B": over commas
    written = before[max(before.rfind("."), before.rfind(";"), before.rfind(":"), before.rfind("|")) + 1:]
    clause = written.lower()
    m = _NOT_YET_CLAUSE.match(clause) if "chưa" in clause or "không" in clause else None
    # (not when a subject of its own follows: "Để các đảng bộ mới không lúng túng, Ban Tổ chức Tỉnh ủy mở 4 lớp ...")
    return m is not None and _SUBJECT_NAMED_AFTER.search(written, m.end()) is None  # ": Chưa ban hành kế hoạch, văn bản ..., chỉ đạo thực hiện"


#: a clause opened by a unit after a comma: ", Ban Tổ chức Tỉnh ủy mở ..."
_SUBJECT_NAMED_AFTER = re.compile(r",\s+(?:Ban|Huyện ủy|Thành ủy|Thị ủy|Tỉnh ủy|Đảng ủy|Chi bộ|UBND|Ủy ban|Hội|Sở)\s")
#: a name in quotes: "Bản không có người nghiện mới", “Dân vận khéo”
_QUOTED = re.compile(r'"[^"]{1,120}"|“[^”]{1,120}”')
_DONE_AFTER_ASKING = re.compile(r"(?<!\w)(?:đã|đều)(?!\w)")
#: (lowered) what is asked or planned, not yet done: "khẩn trương ban hành", "cần quán triệt", "sẽ tổ chức"
_UNDONE = re.compile(r"(?<!\w)(?:khẩn trương|cần(?! thiết)|phải|đề nghị|sẽ)(?!\w)")
#: (lowered) a clause opened by its negation, whose list of what was not done runs over commas
_NOT_YET_CLAUSE = re.compile(r"\s*(?:[^\s,]+\s+){0,8}?(?:chưa|không)\s(?!chỉ\b|những\b)")  # a unit's name, then
#: a directive named by its kind alone: "Nghị quyết", but not "Nghị quyết số 15", "Nghị quyết Trung ương 4"
_BARE_KINDS = ("Nghị quyết", "Chỉ thị", "Kết luận", "Chương trình hành động")
_BARE_TYPE = rf"(?P<type>{'|'.join(_BARE_KINDS)})(?!\s*(?:số|\d|Trung ương|Đại hội|này của|của các))(?!\w)"
_BARE = re.compile(rf"(?:{_CARRY_OUT})[^.;]{{0,30}}?(?<!\w){_BARE_TYPE}")
_BARE_TYPE_RE = re.compile(_BARE_TYPE)  # what _BARE needs: a much cheaper search than _BARE itself


_CARRY_OUT_CASED = re.compile(_CARRY_OUT)  # as _BARE has it, without IGNORECASE
#: how far before a kind _BARE's verb may begin: 30 characters and the longest verb
_BARE_REACH = 30 + max(map(len, _CARRY_OUT.split("|")))


def _bare(ptext: str) -> bool:
    kinds = _kinds_alone(ptext)
    return bool(kinds) and _BARE.search(ptext, max(0, kinds[0] - _BARE_REACH)) is not None


def _kinds_alone(ptext: str) -> list[int]:
    """Where `ptext` names a directive by its kind alone (_BARE_TYPE) with one of _BARE's verbs
    shortly before: the only places where a match of _BARE can end. The kinds are looked for as
    plain strings (they cannot overlap), _BARE_TYPE tried only where one stands."""
    found = []
    for kind in _BARE_KINDS:
        start = ptext.find(kind)
        while start >= 0:
            if (_BARE_TYPE_RE.match(ptext, start)
                    and _CARRY_OUT_CASED.search(ptext, max(0, start - _BARE_REACH), start)):
                found.append(start)
            start = ptext.find(kind, start + len(kind))
    return sorted(found)


def _anaphoric(cits, indexes, ptext, s_start, s_end, actors_in, earlier, this_kind: str | None = None):
    """"Huyện ủy Mường Tè ... trong thực hiện Kết luận" — a directive named by its kind alone is
    the last one of that kind the text cited; its subject units carry it out. Asked of a sentence
    that holds one of the `_kinds_alone`."""
    for m in _BARE.finditer(ptext, s_start, s_end):
        if any(cits[i].pos <= m.start("type") < cits[i].end_pos for i in indexes):
            continue
        if m.group("type") == this_kind:
            continue  # "(thực hiện) Chỉ thị (này)" in a Chỉ thị: the text itself, which its own tasks are about
        target = _antecedent(cits, m.group("type"), indexes, m.start(), earlier)
        actors = _actors_for(m.start(), actors_in(), ptext, s_start)
        if target is None or not actors or _negated(ptext[max(s_start, m.start("type") - 90):m.start("type")]):
            continue  # "Đảng ủy xã Pú Nhung chưa xây dựng kế hoạch thực hiện Chỉ thị"
        for name in actors:
            yield name, target, clause_at(ptext, m.start())


def _antecedent(cits, type_, indexes, pos, earlier: int) -> int | None:
    """The citation of that kind last before `pos`: in this paragraph if any precedes, else in
    the paragraphs before it (the first `earlier` citations)."""
    type_ = _as_type(type_)
    here = [i for i in indexes if cits[i].pos < pos]
    if not any(cits[i].type == type_ and cits[i].number for i in here):
        topic = _topic(cits[:earlier], type_)
        if topic is not None:
            return topic  # "4. Tại Trường X, chi bộ đã quán triệt Chỉ thị": the report's Chỉ thị, not the last one named
    for i in reversed(here or range(earlier)):
        if cits[i].type == type_ and cits[i].number:
            return i
    return None


#: (lowered) a clause whose subject is units the text does not name: "các đảng bộ ...", "một số chi bộ ...",
#: "Đến ngày 15/3/2024, 19/19 huyện ủy, thành ủy, đảng ủy trực thuộc ..."
_GENERIC_SUBJECT = re.compile(r"\s*(?:[-+•]\s*|\d{1,2}[.)]\s+)?(?:trong đó\s+(?:có\s+)?)?(?:(?:tính\s+)?đến\s+(?:ngày|tháng|nay|hết)\b[^,;]{0,25},\s*)?"  # "Đến ngày 15/3, "
                              r"(?:các|những|một số|nhiều|\d+\s*/\s*\d+|\d+|100\s*%)\s+(?:đảng bộ|chi bộ|cấp ủy|đơn vị"
                              r"|tổ chức cơ sở|huyện ủy|thành ủy|đảng ủy|cơ quan|địa phương|xã|huyện)\b")


#: (lowered) what a directive is carried out "by" units the text does not name: "Tình hình ban hành kế hoạch thực hiện
#: Nghị quyết số 57-NQ/TW và Kế hoạch số 289-KH/TU của các đảng bộ trực thuộc"
_BY_UNNAMED = re.compile(r"[^.;:]{0,80}?\scủa\s+(?:các|những)\s+(?:đảng bộ|đơn vị|cấp ủy|chi bộ|huyện ủy|đảng ủy|địa phương"
                         r"|tổ chức cơ sở)\b")
#: the unit that held the meeting on a directive, named after it: "hội nghị quán triệt Quy định 144-QĐ/TW do Tỉnh ủy tổ chức"
_ORGANISED_BY = re.compile(r"[^.;,()]{0,40}?\sdo\s+(?P<unit>[^.;,()]{3,80}?)\s+(?:tổ chức|chủ trì)(?!\w)")


def _organised_by(ptext: str, c: Citation, units) -> list[str]:
    m = _ORGANISED_BY.match(ptext, c.pos + len(c.surface)) if " do " in ptext else None
    if not m:
        return []
    if c.issuer_unit and c.issuer and c.issuer in m.group("unit"):
        return [c.issuer_unit]  # (read as the directive's issuer: "do Tỉnh ủy")
    return [u.name for u in units() if m.start("unit") <= u.start < m.end("unit")][:1]


#: (lowered) who speaks a quotation: "Đồng chí Đinh Thị Hằng, Bí thư Chi bộ Trường THPT Mộc Lỵ cho biết: “"
_SPEAKER = re.compile(r"(?:bí thư|chủ tịch|trưởng ban|giám đốc|hiệu trưởng|chỉ huy trưởng|trưởng)\s+(?P<unit>[^.;:“”\"]{3,90}?)"
                      r"\s*,?\s*(?:cho biết|chia sẻ|khẳng định|nói|nhấn mạnh|thông tin|trao đổi)\s*:\s*[“\"]$")


def _speaker(ptext, lowered, pos, units) -> list[str]:
    """"Bí thư Chi bộ Trường THPT Mộc Lỵ cho biết: “... chúng tôi đưa việc thực hiện Kết luận 01 vào sinh hoạt ...”": what
    a quotation says was done, its speaker's unit did."""
    opening = max(ptext.rfind("“", 0, pos), ptext.rfind('"', 0, pos))
    if opening < 0 or ptext.count("”", opening, pos) or ptext.count('"', 0, pos) % 2 == 0 and ptext[opening] == '"':
        return []  # (not inside a quotation)
    m = _SPEAKER.search(lowered, max(0, opening - 160), opening + 1)
    if not m:
        return []
    return [u.name for u in units() if m.start("unit") <= u.start < m.end("unit")][:1]


#: (lowered) a sentence about the event the sentence before reported: "Đây là đại hội điểm cấp cơ sở của huyện ..."
_THIS_IS = re.compile(r"\s*(?:(?:đây|đó) là|tại đây,)(?!\w)")  # ("Tại đây, đại hội đã bầu ... theo đúng tinh thần ...")


def _this_is(lowered, bounds, k, units) -> list[str]:
    """"Đảng bộ xã Chiềng Ơn tổ chức Đại hội .... Đây là đại hội điểm ..., tổ chức theo đúng tinh thần Chỉ thị số
    35-CT/TW": the unit whose deed the sentence before reported, first of its subjects."""
    if not k or not _THIS_IS.match(lowered, bounds[k][0]):
        return []
    start, end = bounds[k - 1]
    return [u.name for u in units() if start <= u.start < end and u.subject][:1]


def _actors_for(pos, actors_in, ptext, s_start) -> list[str] | None:
    """The units a clause names as its subjects, else those the sentence's first clause does (whose
    subject the next clauses share); None when the clause's subject is units it does not name."""
    clause_start = max(ptext.rfind(";", s_start, pos) + 1, s_start)
    clause_end = ptext.find(";", pos)
    in_clause = [u.name for u in actors_in if clause_start <= u.start and (clause_end < 0 or u.start < clause_end)]
    if in_clause:
        return list(dict.fromkeys(in_clause))
    if _GENERIC_SUBJECT.match(ptext[clause_start:clause_start + 40].lower()):
        return None
    first_clause_end = ptext.find(";", s_start)
    first = [u.name for u in actors_in if first_clause_end < 0 or u.start < first_clause_end]
    return list(dict.fromkeys(first))


#: (lowered) a colon right after a directive (or its owner: "... của các đảng bộ trực thuộc:")
_COLON_AFTER = re.compile(r"\s*(?:của\s[^:;.()]{1,50})?[:：]")


def _unit_clauses(file, cits, indexes, ptext, lowered, units, doc_targets, out, done, line_of):
    """"Nhiều cấp ủy chủ động trong tổ chức thực hiện Nghị quyết số 35: Thành ủy Vinh xây dựng ...; Huyện
    ủy Quỳnh Lưu mở lớp ...; Đảng ủy Công an tỉnh ban hành Kế hoạch ..." — the unit opening a clause of
    the list that names no document carries the directive out by what it did (unless the clause says
    it has not); a clause with a document leaves it to the document."""
    for i in indexes:
        c = cits[i]
        colon = _COLON_AFTER.match(lowered, c.tail)
        if (not colon or c.type not in DIRECTIVE_TYPES or i in doc_targets
                or not _CARRY_OUT_BEFORE.search(lowered, max(0, c.pos - _CARRY_OUT_REACH), c.pos)):
            continue
        stop = _NEXT_SENTENCE.search(ptext, colon.end())
        end = stop.start() + 1 if stop else len(ptext)
        for u in units():
            if not (colon.end() <= u.start < end and u.subject and _clause_start(ptext, u.start, colon.end())):
                continue
            clause_end = ptext.find(";", u.start, end)
            clause_end = clause_end if clause_end >= 0 else end
            if any(u.start <= cits[j].pos < clause_end for j in indexes):
                continue  # a clause that names a document: the document says what the unit carried out
            clause = lowered[u.end:clause_end]
            if _NOT_YET_CLAUSE.match(clause) or ("chưa" in clause[:40] or "không" in clause[:40]):
                continue
            _unit_statement(file, u.name, i, 0.6, _clean(clause_at(ptext, u.start)), line_of(u.start), out, done)


def _examples(file, cits, here, ptext, lowered, s_start, s_end, units, doc_targets, out, done, line_of):
    """"... thực hiện Chỉ thị 05-CT/TW, điển hình như: Huyện ủy Nậm Nhùn ...; Tỉnh đoàn ..." """
    for i in here:
        c = cits[i]
        if c.type not in DIRECTIVE_TYPES or i in doc_targets:
            continue
        m = _examples_after(lowered, c.tail, s_end)
        if not m or not _CARRY_OUT_BEFORE.search(lowered, max(s_start, c.pos - _CARRY_OUT_REACH), c.pos):
            continue
        for u in units():
            if m.end() <= u.start < s_end and _clause_start(ptext, u.start, m.end()):
                _unit_statement(file, u.name, i, 0.6, _clean(clause_at(ptext, u.start)), line_of(u.start), out, done)


#: (lowered) a sentence that opens on examples of what the sentence before said: "Tiêu biểu như Đảng ủy xã ..."
_EXAMPLES_OPEN = re.compile(r"\s*" + _EXAMPLES_HEAD + r"(?:\s+(?:như|là))?\s*:?\s*")


def _examples_next_sentence(file, carried: int, ptext, lowered, s_start, s_end, units, out, done, line_of):
    """"Trong 3 năm thực hiện Kết luận 01, các tổ chức cơ sở đảng đăng ký 2.380 việc làm theo. Tiêu biểu như Đảng ủy xã
    Quài Cang đăng ký 126 việc; Đảng ủy thị trấn Tuần Giáo xây dựng ..." -> each unit opening a clause of the examples
    carries out what the sentence before did (unless its clause says it has not)."""
    m = _EXAMPLES_OPEN.match(lowered, s_start)
    if not m:
        return
    for u in units():
        if m.end() <= u.start < s_end and _clause_start(ptext, u.start, m.end()):
            clause_end = ptext.find(";", u.start, s_end)
            if _activity_negated(ptext, lowered, u.end, clause_end if clause_end >= 0 else s_end) or _NOT_YET_CLAUSE.match(
                    lowered, u.end):
                continue  # "Đảng ủy xã Mường Mùn chưa đăng ký"
            _unit_statement(file, u.name, carried, 0.6, _clean(clause_at(ptext, u.start)), line_of(u.start), out, done)


def _examples_after(lowered: str, start: int, end: int):
    """"điển hình như:" beginning at most EXAMPLES_WITHIN characters after `start` (looked for
    only there: a search to the end of a long sentence for each citation was quadratic)."""
    window_end = min(end, start + EXAMPLES_WITHIN + len("điển hình") + 1)
    for head in _EXAMPLES_START.finditer(lowered, start, window_end):
        if head.start() - start > EXAMPLES_WITHIN:
            break
        m = _EXAMPLES.match(lowered, head.start(), end)
        if m:
            return m
    return None


def _clause_start(ptext, pos, floor) -> bool:
    """Nothing but spaces between the last ";" or ":" (or `floor`) and `pos`."""
    cut = max(ptext.rfind(";", floor, pos), ptext.rfind(":", floor, pos), floor - 1)
    return not ptext[cut + 1:pos].strip()


def _unit_statement(file, name, target, confidence, sentence, line, out, done):
    if (name, target) in done:
        return
    done.add((name, target))
    out.append(Statement(f"unit:{name}", target, Relation.IMPLEMENTS, confidence,
                         Evidence(file, line, sentence[:600])))


def _clean(text: str) -> str:
    """Evidence as a person reads it: no footnote markers, no markdown emphasis."""
    if _has_markup(text):
        heading = _HEADING_MARK.match(text)
        text = _EVIDENCE_MARKUP.sub("", text[heading.end():] if heading else text)
    return text.strip()


def _has_markup(text: str) -> bool:
    """Whether `_clean` has anything to take out of `text` but spaces at its ends (a letter
    looked for first: much faster than the strings)."""
    return (("<" in text and "<sup>" in text) or ("*" in text and "**" in text) or ("_" in text and "__" in text)
            or text.startswith("#"))


#: (lowered) a kind counted, not one unit: "12 đảng bộ Công an huyện", "các Đảng ủy xã"
_COUNTED_AFTER = re.compile(r"\s+(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|các|những|một số)\s+(?:xã|phường|thị trấn"
                            r"|huyện|chi bộ|đảng bộ|đơn vị)\b")
_COUNTED = re.compile(r"(?:\d+|các|những|mọi|nhiều)\s+(?:đảng bộ\s+|chi bộ\s+)?$")


def _unit_mentions(ptext, lowered, roster: Roster, province, cits, indexes, author=None,
                   preceding=lambda: "", as_of=lambda: None) -> list[UnitMention]:
    """The units a paragraph names; one named by its kind alone ("Đảng ủy xã yêu cầu ...") is the one of that
    kind named last in it, else the author, else the one named last in the `preceding` paragraphs' text (of the
    units a place names alone, those the text's date, `as_of`, finds still there)."""
    spans = [(cits[i].pos, cits[i].tail) for i in indexes]
    found: list[UnitMention] = []
    for m in _UNIT_HEAD.finditer(ptext):
        if _inside(m.start(), spans):
            continue  # an issuer phrase inside a citation
        phrase, end = _unit_phrase(ptext, m.start(), roster)
        if phrase and _COUNTED_AFTER.match(ptext, end) and roster.canonical(phrase, province) is None:
            continue  # "Đảng ủy hai xã Co Mạ và Long Hẹ": a kind for several units, not one named alone
        name = phrase and (roster.name(phrase, province, ptext[:m.start()], author)
                           or (None if _COUNTED.search(lowered, max(0, m.start() - 20), m.start())
                               else roster.bare(phrase, preceding(), province)))
        if not name:
            continue
        found.append(UnitMention(name, m.start(), end, _is_subject(ptext, lowered, m.start(), end)))
    named_by_place = _places(ptext, roster, province) + _districts_acting(ptext, lowered, roster, province)
    found += [u for u in named_by_place if not _gone(roster, u.name, as_of())]
    found += _schools_cells(ptext, roster, province)
    found += _enumerations(ptext, roster, province)
    found.sort(key=lambda u: u.start)
    return _coordinated_subjects(_drop_nested(found), ptext, lowered)


def _coordinated_subjects(found: list[UnitMention], ptext: str, lowered: str) -> list[UnitMention]:
    """Units joined by commas or "và" share one role: "Huyện ủy Mường Chà, Huyện ủy Nậm Pồ đã ..."
    are both subjects, "làm việc với Huyện ủy Mường Chà, Huyện ủy Nậm Pồ về ..." neither."""
    n = 0
    while n < len(found):
        group = n + 1
        according = _ACCORDING_TO.search(lowered, max(0, found[n].start - 16), found[n].start) is not None
        while group < len(found) and LIST_JOIN_RE.fullmatch(ptext, _past_bracket(ptext, found[group - 1].end,
                                                                             found[group].start), found[group].start):
            if according and "," in ptext[found[group - 1].end:found[group].start]:
                break  # "Theo Ban Tuyên giáo Tỉnh ủy, Thành ủy Sầm Sơn và Huyện ủy Hoằng Hóa đã ...": a new clause
            group += 1
        if group - n > 1:
            first = found[n].start
            governed = _NOT_SUBJECT_BEFORE.search(lowered, max(0, first - 30), first) is not None \
                and not _CONGRESS_OF.search(lowered, max(0, first - 30), first)
            subject = not governed and any(u.subject for u in found[n:group])
            found[n:group] = [u._replace(subject=subject) for u in found[n:group]]
        n = group
    return found


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    for start, end in spans:
        if start <= pos < end:
            return True
    return False


def _is_subject(ptext, lowered, start, end) -> bool:
    """A unit that opens its clause ("Trong thực hiện Kết luận, Huyện ủy Mường Tè chọn ...")
    or that a verb follows ("Huyện ủy Quỳnh Nhai có 100% ..."), and no preposition governs."""
    if _CONGRESS_OF.search(lowered, max(0, start - 30), start):
        return True  # "Đại hội điểm Chi bộ bản Nà Đon diễn ra ..., thực hiện nghiêm Chỉ thị 35": the cell, in congress
    if _NOT_SUBJECT_BEFORE.search(lowered, max(0, start - 30), start):
        return False
    where = _WHERE_AFTER.match(ptext, end)
    end = where.end() if where else end  # "Đảng ủy xã Mường Cơi, huyện Phù Yên tổ chức ...": the verb after the place
    end = _past_bracket(ptext, end, len(ptext))  # "Đảng ủy xã Ẳng Tở (Kế hoạch số 58-KH/ĐU, ngày ...) đã ban hành ..."
    if _JUDGING_AFTER.match(lowered, end):
        return False  # "Ban Thường vụ Huyện ủy biểu dương Đảng ủy xã A ... đã ban hành": A acted, the judge did not
    if _SUBJECT_AFTER.match(lowered[end:end + 40]):
        return True
    opens = _OPENS.search(ptext[max(0, start - 3):start]) is not None
    return opens and bool(_LOWER_NEXT.match(ptext[end:end + 3]))


#: (lowered) a unit that praises or blames others for what they did: the others are the ones acting
_JUDGING_AFTER = re.compile(r"\s*(?:đã\s+)?(?:biểu dương|tuyên dương|khen ngợi|phê bình|nhắc nhở|đánh giá cao|ghi nhận)\b")
#: a bracket after a unit's name: the document it acted by, or a note
_BRACKET = re.compile(r"\s*\([^()]{1,150}\)")


def _past_bracket(ptext: str, pos: int, limit: int) -> int:
    """Where the text goes on past a bracket at `pos` ending before `limit` (else `pos`)."""
    m = _BRACKET.match(ptext, pos)
    return m.end() if m and m.end() <= limit else pos


def _gone(roster: Roster, name: str, as_of: str | None) -> bool:
    """Whether a unit was abolished before a text citing documents of `as_of` was written: a place named alone in a text
    of 2026 ("Mộc Châu, Vân Hồ: ...") is no longer the district, whose committee ended on 30 June 2025."""
    unit = roster.by_name(name) if as_of else None
    return unit is not None and unit.valid_to is not None and unit.valid_to < as_of


def _places(ptext, roster: Roster, province) -> list[UnitMention]:
    """"Thuận Châu: 85/85 tổ chức cơ sở đảng đăng ký ..." names Huyện ủy Thuận Châu."""
    out = []
    if ":" not in ptext:
        return out  # every such name stands before a colon
    for m in _place_colons(ptext):
        if _UNIT_NAMED_AFTER.match(ptext, m.end()):
            continue  # "Mường Tè: Đảng ủy xã Bum Nưa đưa Chỉ thị 05 ...": the unit after the place is the one acting
        unit = roster.place(m.group("place"), province)
        if unit and key(m.group("place")) != key(province or ""):
            out.append(UnitMention(unit.name, m.start("place"), m.end("place"), True))
    first = _COMMUNE_LABEL.match(ptext)
    if first and not _UNIT_NAMED_AFTER.match(ptext, first.end()):  # "Thị trấn Hát Lót: 100% chi bộ tổ chức ..."
        name = unlisted(f"Đảng ủy {first.group('level').lower()} {first.group('place')}")
        if name:
            out.append(UnitMention(name, first.start("place"), first.end("place"), True))
    return out


#: a district opening its clause by its level and name: "Huyện Điện Biên gắn thực hiện Kết luận 01 với ..."
_DISTRICT_OPENING = re.compile(rf"(?:^|(?<=[.;:]\s))(?P<level>[Hh]uyện|[Tt]hị xã|[Tt]hành phố)\s+(?P<place>{PLACE_WORDS})")
_COMMITTEE_OF_PLACE = {"huyện": "Huyện ủy", "thị xã": "Thị ủy", "thành phố": "Thành ủy"}


def _districts_acting(ptext, lowered, roster: Roster, province) -> list[UnitMention]:
    """"Huyện Điện Biên gắn thực hiện Kết luận 01-KL/TW ...", "..., Mường Chà đã ban hành Kế hoạch số 41-KH/HU": a
    district that acts (by its place alone, when "đã" tells its deed) is its party committee."""
    out = []
    for start, end in _places_before_da(ptext):
        place = ptext[start:end]
        unit = roster.place(place, province)
        if unit and unit.level is Level.DISTRICT and key(place) != key(province or ""):
            out.append(UnitMention(unit.name, start, end, True))
    if "uyện " not in ptext and "hị xã " not in ptext and "hành phố " not in ptext:
        return out
    for m in _DISTRICT_OPENING.finditer(ptext):
        unit = roster.canonical(f"{_COMMITTEE_OF_PLACE[m.group('level').lower()]} {m.group('place')}", province)
        after = lowered[m.end():m.end() + 40]
        if unit and (_SUBJECT_AFTER.match(after) or _LOWER_NEXT.match(ptext, m.end())) and not _DESCRIBED_AFTER.match(after):
            out.append(UnitMention(unit, m.start(), m.end(), True))
    return out


#: what opens a clause a place's name may open: "Không chỉ Mường Ảng, Mường Chà đã ban hành ..."
_CLAUSE_OPENERS = (". ", "; ", ": ", ", ")


def _places_before_da(ptext: str):
    """The spans of the names that open a clause "đã" ends ("cũng đã" too), found from each " đã " back to the clause's
    start (a scan for "đã" and a match per find: no regex run over the whole paragraph)."""
    at = ptext.find(" đã ")
    while at >= 0:
        end = at - 5 if ptext.endswith(" cũng", 0, at) else at
        clause = max(ptext.rfind(opener, 0, end) for opener in _CLAUSE_OPENERS)
        start = clause + 2 if clause >= 0 else len(ptext) - len(ptext.lstrip())
        if 0 < end - start <= 40 and PLACE_WORDS_RE.fullmatch(ptext, start, end):
            yield start, end
        at = ptext.find(" đã ", at + 4)


#: (lowered) what describes a place rather than tells its deeds: "Huyện Mường Chà có 12 xã", "Huyện X: 85/85 ..."
_DESCRIBED_AFTER = re.compile(r"\s*(?:có\b|[:\d,]|và\b)")


#: a paragraph labelled with its commune: "Thị trấn Hát Lót: ...", "- Xã Chiềng Mung: ..."
_COMMUNE_LABEL = re.compile(rf"\s*(?:[-+•]\s*)?(?P<level>Xã|Phường|Thị trấn)\s+(?P<place>{PLACE_WORDS})\s*:")
#: a unit's name right after a place's colon
_UNIT_NAMED_AFTER = re.compile(r"\s*(?:Đảng ủy|Đảng bộ|Chi bộ|Huyện ủy|Thành ủy|Thị ủy|Ban Thường vụ|UBND|Ủy ban|Hội|Huyện đoàn)\b")


def _place_colons(ptext: str):
    """The matches of _PLACE_COLON, as its `finditer` gives them."""
    first = _PLACE_COLON.match(ptext)
    if first:
        yield first
    yield from _PLACE_COLON_INSIDE.finditer(ptext, first.end() if first else 0)


_COMMUNE_NOUNS = ("xã", "phường", "thị trấn")


def _enumerated(org: str | None, noun: str, place: str, roster: Roster, province) -> str | None:
    """The unit one item of an enumeration names: "Các huyện ủy: Tuần Giáo" -> Huyện ủy Tuần Giáo; "Các xã:
    Na Sang" -> Đảng ủy xã Na Sang; "Hội LHPN các huyện: Tam Đường" -> Hội Liên hiệp Phụ nữ huyện Tam Đường."""
    if org:
        return unlisted(f"{_ENUM_ORGS.get(org, org)} {_ENUM_PLACES.get(noun, noun)} {place}")
    named = f"{noun[0].upper()}{noun[1:]} {place}"
    unit = roster.match(named, province)
    if unit:
        return unit.unit.name
    if noun in _COMMUNE_NOUNS:
        return unlisted(f"Đảng ủy {noun} {place}")
    return roster.department(named, province) if noun == "chi bộ" else None  # "Các chi bộ: Sở Tư pháp, ..."


#: "Tại Trường THPT Mường Nhé, chi bộ nhà trường đã ...": the school's cell, named by the school before it
_SCHOOL_S_CELL = re.compile(r"(?:[Tt]ại|Ở|ở)\s+(?P<school>Trường\s[^,;.()]{3,60}?),\s+(?P<cell>chi bộ (?:nhà trường|trường|của trường))\b")


def _schools_cells(ptext, roster: Roster, province) -> list[UnitMention]:
    if "chi bộ" not in ptext:
        return []
    out = []
    for m in _SCHOOL_S_CELL.finditer(ptext):
        name = roster.name(f"Chi bộ {m.group('school')}", province)
        if name:
            out.append(UnitMention(name, m.start("cell"), m.end("cell"), True))
    return out


def _enumerations(ptext, roster: Roster, province) -> list[UnitMention]:
    """"Các trường: Chính trị tỉnh, Cao đẳng Sư phạm tỉnh đã ..." names each school."""
    out = []
    for m in (m for pattern in _ENUMERATIONS for m in pattern.finditer(ptext)):
        noun = m.group("noun")
        org = m.groupdict().get("org")
        org = org and org[0].upper() + org[1:]  # "đảng bộ Công an các huyện: ..." as "Đảng bộ Công an"
        pos = m.start("items")
        for item in _ITEM_SEP.split(m.group("items")):
            item = _WHERE_AT_END.sub("", item)  # "Nà Khoa (huyện Nậm Pồ)"
            name = _enumerated(org, noun, item.strip(), roster, province)
            if name:
                start = ptext.find(item, pos)
                out.append(UnitMention(name, start, start + len(item), True))
    return out


def _drop_nested(found: list[UnitMention]) -> list[UnitMention]:
    out: list[UnitMention] = []
    for u in found:
        if out and u.start < out[-1].end:
            if u.end - u.start >= out[-1].end - out[-1].start:  # (a tie: the later reading, an enumeration's)
                out[-1] = u
            continue
        out.append(u)
    return out


def _topic(cits: list[Citation], type_: str | None = None) -> int | None:
    """The directive a text is about: its most cited one (a full citation of it)."""
    types = (type_,) if type_ else ("Chỉ thị", "Nghị quyết", "Kết luận")
    counts = Counter((c.type, c.number.lstrip("0")) for c in cits if c.number and c.type in types)
    if not counts:
        return None
    (type_, number), n = counts.most_common(1)[0]
    if n < (2 if len(types) == 1 else 3):
        return None
    full = [i for i, c in enumerate(cits) if (c.type, (c.number or "").lstrip("0")) == (type_, number)
            and c.kind is MentionKind.FULL]
    return full[0] if full else None


def _statement(file, a, b, relation, confidence, cits, ptext) -> Statement:
    ca = cits[a]
    return Statement(a, b, relation, confidence, Evidence(file, ca.line, ca.sentence or ptext[ca.pos:ca.end_pos]))


