"""Extract stage: every citation of a document in a text, with its exact span.

`find` reads the text's layout paragraph by paragraph, so a citation broken over
a line or a page still has its date and issuer; the span it reports lies on one
line of the original text (`text[start:end] == surface`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from operator import itemgetter
from collections.abc import Sequence
from datetime import date as _date

from graph.model import Citation, MentionKind

from . import patterns as P
from .layout import Layout, Paragraph, layout as make_layout, clause_at, row_cells
from .registry import Registry, code_key
from .wordtree import spellings
from .clean import fold, key
from .context import Context, contexts
from .units import Places, Roster, unlisted

_PRIORITY = {MentionKind.FULL: 0, MentionKind.NAMED: 1, MentionKind.CODE: 2, MentionKind.SHORT: 3}
_EARLIEST_LONGEST = itemgetter(0, 1, 2)  # start, minus length, priority of the kind
_TYPE_BY_FOLD = {s.casefold(): P.TYPE_OF_WORD.get(w, w) for w in P.TYPE_ABBREVIATIONS for s in spellings(w)}
ABBREV_LAW = "Luật"
_SUBJECT_STOP = re.compile(r";|\.(?:\s|$)(?=\s*[A-ZĐ\"“(<]|$)|<sup>|\s\(trong đó|$")
_ISSUER_STOP = {"về", "v/v", "thực", "triển", "tiếp", "gắn", "tới", "đối", "nhằm", "đã", "được", "trong",
                "tại", "với", "theo", "để", "cho", "quy", "tăng", "chỉ", "lãnh", "là", "khóa",
                "khoá", "có", "này", "kiểm", "giám", "học", "quán", "tuyên", "đẩy"}
_ISSUER_LOWER = {"tỉnh", "huyện", "xã", "phường", "thị", "trấn", "và"}  # lower-case words a unit name may hold
_SPACES = re.compile(r"\s+")
_CODE_SPLIT = re.compile(r"[/-]")
_TYPE_WORD_RE = re.compile(P.TYPE_WORD)
_ISSUER_HEAD = re.compile(r"\s*,?\s*(?:của|do)\s+")
_ISSUER_IN_BRACKETS = re.compile(r"\s*\(\s*(?=(?:Ban|Huyện|Thành|Thị|Tỉnh|Đảng|Ủy|UBND|Chi bộ)\b)")
_SUBJECT_HEAD = re.compile(r"\s*,?\s*((?:về|V/v|v/v)\s+)")
_TOKEN = re.compile(r"[^\s|]+")  # (a table's bar between cells is no part of a word)
_CLAUSE_CUT = re.compile(r"[;:.,(]\s")
_ADVERBS_AT_END = re.compile(r"(?:\s+(?:(?:đến|tới|vào)\s+(?:ngày|tháng)\s+[\d/.]{3,10}|đã|mới|kịp thời|sớm|cũng|đồng thời|"
                             r"tiếp tục|chủ động))+$")  # "Huyện ủy Nậm Pồ đến ngày 10/01/2022 mới ban hành"
#: a clause up to the verb by which its subject has another unit issue: "Đảng ủy xã lãnh đạo UBND xã (ban hành)"
_DIRECTED = re.compile(r"^.*\s(?:lãnh đạo|chỉ đạo|giao)\s+(?=[A-ZĐ])|^(?:lãnh đạo|chỉ đạo|giao)\s+(?=[A-ZĐ])")
_BEFORE_UNIT_WORD = re.compile(r"^.*?(?=(?:Văn phòng|Ban|Huyện|Thành|Thị|Tỉnh|Đảng|Ủy|UBND|HĐND|Bộ|Chính|Thủ|Đồn|Công an|Hội|Chi bộ)\b)")
_ISSUED_AT_END = re.compile(r",\s+[^,;]{0,80}?(?:đã\s+)?ban hành\s*$")


def find(text: str, file: str, roster: Roster, registry: Registry,
         doc_layout: Layout | None = None, province: str | None = None, author: str | None = None,
         paragraph_contexts: list[Context] | None = None) -> list[Citation]:
    """All citations in `text`, in reading order."""
    doc_layout = doc_layout or make_layout(text)
    province = province if province is not None else roster.province_of(text)
    paragraph_contexts = paragraph_contexts or contexts(doc_layout, roster, province, author)
    out: list[Citation] = []
    for index, paragraph in enumerate(doc_layout.paragraphs):
        matches = _matches(paragraph.text, registry)
        places = roster.places_in(paragraph.text) if matches else None
        for n, match in enumerate(matches):
            limit = matches[n + 1][0] if n + 1 < len(matches) else len(paragraph.text)
            cit = _citation(match, text, file, paragraph, index, doc_layout, roster, paragraph_contexts[index], limit,
                            places)
            if cit is not None:
                out.append(cit)
    out = _listed_issuers(out, doc_layout, roster, province, paragraph_contexts)
    out = _serial_issuers(out, doc_layout)
    out = _respective_issuers(out, doc_layout, roster, paragraph_contexts)
    out = _bare_congresses(out, doc_layout, paragraph_contexts)
    out = _issuers_cited_before(out)
    out = _decisions_or_rules(out)
    out = _provincial_codes(out)
    return _inherit_terms(_shared_codes(_listed_numbers(out, doc_layout), doc_layout))


def _provincial_codes(cits: list[Citation]) -> list[Citation]:
    """"Nghị quyết 19-NQ/TW của Tỉnh ủy" in a text that cites the Tỉnh ủy's "Nghị quyết số 19-NQ/TU": TW typed for TU."""
    local = {(c.type, c.number.lstrip("0"), c.code) for c in cits if c.code and c.code.endswith("/TU") and c.number}
    if not local:
        return cits
    return [replace(c, code=c.code[:-1] + "U")
            if c.code and c.code.endswith("/TW") and c.issuer_unit and key(c.issuer_unit).startswith(_PROVINCE_PARTY)
            and (c.type, (c.number or "").lstrip("0"), c.code[:-1] + "U") in local else c
            for c in cits]


# --- matching -----------------------------------------------------------------

#: the forms of citation: each with whether it holds a number, the words it needs and where it
#: can begin (None: anywhere); in this order, which decides between two forms found at one place
#: with one length
_FORMS = ((P.FULL_RE, MentionKind.FULL, True, (), P.TYPE_WORD_START_RE),
          (P.LAW_RE, MentionKind.FULL, True, P.LAW_NEEDS, None),
          (P.NAMED_LAW_RE, MentionKind.NAMED, True, P.NAMED_LAW_NEEDS, None),  # (its year's digits)
          (P.PLENUM_RE, MentionKind.NAMED, False, P.PLENUM_NEEDS, None),  # "lần thứ tám": no digit
          (P.NATIONAL_CONGRESS_RE, MentionKind.NAMED, False, P.NATIONAL_CONGRESS_NEEDS, None),
          (P.LOCAL_CONGRESS_RE, MentionKind.NAMED, False, P.LOCAL_CONGRESS_NEEDS, None),
          (P.BARE_CONGRESS_RE, MentionKind.NAMED, False, P.BARE_CONGRESS_NEEDS, None),
          (P.BODY_TERM_RE, MentionKind.NAMED, False, P.BODY_TERM_NEEDS, None),
          (Registry, MentionKind.NAMED, False, Registry, None),  # the registry's names of documents
          (P.CODE_RE, MentionKind.CODE, True, (), P.CODE_START_RE),
          (P.SHORT_RE, MentionKind.SHORT, True, (), P.TYPE_WORD_START_RE),
          (P.ABBREVIATED_SHORT_RE, MentionKind.SHORT, True, (P.ABBREVIATED_TYPES,), None))


def _matches(ptext: str, registry: Registry) -> list[tuple[int, int, MentionKind, re.Match]]:
    has_digit = P.DIGIT_RE.search(ptext) is not None
    if not has_digit and not _has_any(ptext, P.NAMED_TRIGGER_WORDS):
        return []  # no digit and no named-document word: nothing to find (most prose)
    found = []
    starts: dict[int, list[int]] = {}  # by id of the regex: a compiled pattern hashes its whole text
    for regex, kind, numbered, needs, start_re in _FORMS:
        if regex is Registry:
            regex, needs = registry.names_re, registry.names_needs
        if regex is None or numbered and not has_digit or needs and not _has_all(ptext, needs):
            continue  # a pattern whose number or words are not in the paragraph cannot match it
        if start_re is None:
            hits = regex.finditer(ptext)
        else:
            if id(start_re) not in starts:
                starts[id(start_re)] = [m.start() for m in start_re.finditer(ptext)]
            hits = _finditer_at(regex, ptext, starts[id(start_re)])
        priority = _PRIORITY[kind]
        for m in hits:
            start, end = m.span()
            if end > start:
                found.append((start, start - end, priority, end, kind, m))
    found.sort(key=_EARLIEST_LONGEST)  # stable: between equals, the form listed first
    kept, last_end = [], -1
    for start, _, _, end, kind, m in found:
        if start >= last_end:
            kept.append((start, end, kind, m))
            last_end = end
    return kept


def _has_all(ptext: str, needs: tuple[tuple[str, ...], ...]) -> bool:
    """Whether `ptext` holds one of the words of each tuple."""
    for words in needs:
        if not _has_any(ptext, words):
            return False
    return True


def _has_any(ptext: str, words: tuple[str, ...]) -> bool:
    for word in words:
        if word in ptext:
            return True
    return False


def _finditer_at(regex: re.Pattern, ptext: str, starts: list[int]):
    """`regex.finditer(ptext)` when a match can only begin at one of `starts`: the
    non-overlapping matches, leftmost first, without trying the positions in between."""
    pos = 0
    for start in starts:
        if start >= pos:
            m = regex.match(ptext, start)
            if m:
                yield m
                pos = max(m.end(), start + 1)


def _citation(match, text, file, paragraph: Paragraph, index, doc_layout: Layout, roster: Roster,
              context: Context, limit: int, places: Places | None):
    start, end, kind, m = match
    ptext = paragraph.text
    attrs = _attributes(kind, m)
    if attrs is None:
        return None
    date, date_end = _date_after(ptext, end)
    if date is None and kind in _DATED_KINDS and start > 20:
        date = _date_before(ptext, start)
    first = start
    nxt = paragraph.next_piece(start)
    if nxt is not None and nxt < end and not P.DIGIT_RE.search(ptext, start, nxt):
        first = nxt + _LEADING_SO.match(ptext, nxt).end() - nxt  # "Kết luận" / "số 61-KL/TW": on the number's line
    line_end = paragraph.piece_end(first)  # the span stays on one line
    s = paragraph.to_source(first)
    last = paragraph.to_source(end - 1)
    if date and kind in _DATED_KINDS:
        with_date = paragraph.to_source(date_end - 1)
        if with_date < line_end:
            last = with_date  # the date goes on the same line: it belongs to the span
    surface = text[s:min(last + 1, line_end)].rstrip(" ,;")
    province = (places.last_before(start) if places is not None else None) or context.province
    issuer, issuer_unit, issuer_end = _issuer(ptext, start, date_end, roster, province, context, attrs.get("code"),
                                              doc_layout.paragraphs[max(0, index - EARLIER_PARAGRAPHS):index])
    if attrs.get("code", "").endswith("/TƯ") and issuer_unit and key(issuer_unit).startswith(_PROVINCE_PARTY):
        attrs["code"] = attrs["code"][:-1] + "U"  # "Kế hoạch số 289-KH/TƯ của Tỉnh ủy": TƯ typed for TU, not Trung ương
    elif attrs.get("code", "").endswith("/TU") and issuer_unit in _CENTRAL_PARTY:
        attrs["code"] = attrs["code"][:-1] + "W"  # "Nghị quyết số 57-NQ/TU của Bộ Chính trị": TU typed for TW
    if issuer_unit is None and kind is MentionKind.NAMED:
        issuer_unit = _congress_party(attrs.get("name"), context)
    subject, subject_end = _subject_after(ptext, max(issuer_end, date_end), limit)
    line, col = doc_layout.locate(s)
    return Citation(
        file=file, start=s, end=s + len(surface), line=line, col=col, surface=surface, kind=kind, date=date,
        issuer=issuer, issuer_unit=issuer_unit, province=province, subject=subject, paragraph=index,
        sentence=_evidence(clause_at(ptext, start)), pos=start, tail=max(issuer_end, date_end),
        end_pos=max(subject_end, issuer_end, date_end), **attrs)


#: an "Ư" typed for "U" in a code: any but the one of "TƯ", which may also write Trung ương (TW)
_TYPED_U = re.compile(r"(?<!T)Ư")
_PROVINCE_PARTY = ("tỉnh ủy", "thành ủy", "thị ủy")
_CENTRAL_PARTY = ("Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương")
_DATED_KINDS = (MentionKind.FULL, MentionKind.SHORT, MentionKind.CODE)
#: how many paragraphs back a unit named by its kind alone may have been named in full
EARLIER_PARAGRAPHS = 3
_LEADING_SO = re.compile(r"(?:[Ss]ố\s*:?\s*)?")


def _issuer(ptext: str, start: int, date_end: int, roster: Roster, province: str | None, context: Context,
            code: str | None, earlier: Sequence[Paragraph]) -> tuple[str | None, str | None, int]:
    """(issuer as written, its unit, where the phrase after the citation ends): the phrase after
    the citation ("... của Huyện ủy X"); when that one names no unit, the one before it ("Huyện
    ủy X ban hành ..."); else the unit of the report's section, for a plan it says it issued.
    A unit named by its kind alone is the one of that kind named last in the paragraph, else the
    text's (or section's) own, else the one named last in the `earlier` paragraphs."""
    after, issuer_end = _issuer_after(ptext, date_end, roster)
    unit = _unit_named(after, ptext[:start], roster, province, context, earlier)
    if unit:
        return after, _committee_of(unit, code, roster, province), issuer_end
    subject = _subject_before(ptext, start)
    before = _issuer_before(subject, roster)
    unit = _unit_named(before, ptext[:start], roster, province, context, earlier)
    if unit:
        return before, _committee_of(unit, code, roster, province), issuer_end
    unit = _district(subject, roster, province) if subject and P.PLACE_WORDS_RE.fullmatch(subject) else None
    if unit and _code_fits(code, unit):
        return subject, unit, issuer_end  # "Không chỉ Mường Ảng, Mường Chà đã ban hành Kế hoạch số 41-KH/HU": its Huyện ủy
    if code is None:  # a short form: the unit that labels it ("Đảng ủy xã Phúc Than (KH 12, ngày 20/02/2025)")
        for label in _label_unit(ptext, start, roster):
            unit = roster.name(label, province, ptext[:start], context.near)
            if unit:
                return label, unit, issuer_end
    if _code_kinds(code) is None:
        return after, None, issuer_end  # the ways below only find units whose kind the code gives
    unit = _place_subject(subject, ptext[:start], code, roster, province, context) or _this_is_issuer(ptext, start, code)
    if unit:
        return None, unit, issuer_end
    for by_means in (_issuers_by_means(ptext, start, roster) + _row_units(ptext, start) + _label_unit(ptext, start, roster)
                     + _issuers_earlier(ptext, start, roster) + _named_in_full_earlier(ptext, start, before, roster)
                     + _boards_before(ptext, start, code, roster)):
        unit = (roster.name(by_means, province, ptext[:start], context.near) or _district(by_means, roster, province)
                or roster.district_department(by_means, context.near) or _coded_unit(by_means, code)
                or unlisted(by_means))  # ("UBND huyện Tân Uyên: Kế hoạch số 162/KH-UBND")
        unit = unit and _committee_of(unit, code, roster, province)
        if unit and _code_fits(code, unit):
            return by_means, unit, issuer_end
    if _BAN_HANH_ALONE.search(ptext, max(0, start - 60), start) or _code_cell(ptext, start):
        # "1. Huyện ủy Tủa Chùa" / "Đã ban hành Kế hoạch ..."; "| 248-KH/HU | 08/01/2024 | Kế hoạch ..." in a list of
        # documents whose rows name no unit
        for unit in (context.unit, context.author):  # the section's unit, else the text's own ("...; đã ban hành ...")
            if unit and _code_fits(code, unit):
                return unit, unit, issuer_end
    return after, None, issuer_end


def _code_cell(ptext: str, start: int) -> bool:
    """Whether the citation at `start` is a number-code that fills a table cell alone ("| 248 -KH/HU |")."""
    bar = ptext.rfind("|", 0, start)
    if bar < 0 or ptext[bar + 1:start].strip():
        return False
    end = ptext.find("|", start)
    return P.CODE_RE.fullmatch(ptext[start:end if end >= 0 else len(ptext)].strip()) is not None


def _committee_of(unit: str, code: str | None, roster: Roster, province: str | None) -> str:
    """"Đồn Biên phòng A Pa Chải ... Kế hoạch số 46-KH/ĐU": a party committee's number is the unit's Đảng ủy's."""
    if _code_suffix(code) != "ĐU" or unit.startswith(("Đảng ủy", "Chi bộ", "Ban ")):
        return unit
    return roster.canonical(f"Đảng ủy {unit}", province) or unlisted(f"Đảng ủy {unit}") or unit


def _congress_party(name: str | None, context: Context) -> str | None:
    """"Nghị quyết Đại hội Đảng bộ huyện lần thứ XXII" with no place, in a text of Huyện ủy Tuần Giáo
    (or under its heading): that committee's congress."""
    level = _level_of(name)
    return context.near if level and name == f"Đại hội Đảng bộ {level}" and _level_of_party(context.near) == level else None


def _district(place: str, roster: Roster, province: str | None) -> str | None:
    """"các huyện ủy: Tam Đường (Kế hoạch số 51-KH/HU)", "| 2 | Tuần Giáo | ..." — a district named by its
    place alone, as a label or a cell: its party committee (the caller checks the code is one's)."""
    unit = roster.place(place, province) if len(place) < 40 else None
    return unit.name if unit else None


_PARTY_WORD = re.compile(r"(?:Đảng|Ban|Hội)(?!\w)")
#: the kind of unit a code suffix names, where a place or a name after it makes the unit's name
_SUFFIX_UNIT = {"HU": "Huyện ủy", "ĐU": "Đảng ủy", "CB": "Chi bộ", "MTTQ": "Ủy ban MTTQ Việt Nam",
                "HPN": "Hội Liên hiệp Phụ nữ", "HND": "Hội Nông dân", "HCCB": "Hội Cựu chiến binh"}


def _coded_unit(cell: str, code: str | None) -> str | None:
    """"| 1 | Thôn Na Lốc 1 | 01-KH/CB |" — a row's (or label's) name that the code's suffix gives
    its kind: Chi bộ thôn Na Lốc 1; "Hoàng Su Phì: Kế hoạch số 145-KH/HU" -> Huyện ủy Hoàng Su Phì."""
    kind = _SUFFIX_UNIT.get(_code_suffix(code) or "")
    if not kind or len(cell) >= 40 or not cell[:1].isupper() or _PARTY_WORD.match(cell) or " " not in cell.strip():
        return None  # (a place has a name of two words or more; "Đảng" of "chỉnh đốn Đảng được ..." names none)
    # ("| 2 | Ẳng Tở | 45-KH/ĐU |": a commune named by its place alone in a district's table of its communes)
    return unlisted(f"{kind} {cell}") or (unlisted(f"{kind} xã {cell}") if kind == "Đảng ủy" else None)


def _unit_named(phrase: str | None, head: str, roster: Roster, province: str | None, context: Context,
                earlier: Sequence[Paragraph]) -> str | None:
    if not phrase:
        return None
    # (a board of a committee named by its kind, in a footnote: "Ban Tuyên giáo Huyện ủy ban hành ...", the
    # committee named in full in the paragraphs before)
    return roster.name(phrase, province, head, context.near) or (
        roster.name(phrase, province, " ".join(p.text for p in earlier) + " " + head, context.near) if earlier else None)


def _attributes(kind: MentionKind, m: re.Match) -> dict | None:
    g = m.groupdict()
    if g.get("lnumber"):
        word = g.get("type")  # "Nghị quyết số 88/2019/QH14" is the National Assembly's resolution, no law
        return {"type": _TYPE_BY_FOLD.get(word.casefold(), ABBREV_LAW) if word else ABBREV_LAW, "number": g["lnumber"],
                "code": g["lcode"], "sep": "/", "year": g["lyear"]}
    if kind in (MentionKind.FULL, MentionKind.CODE):
        party = g.get("number") is not None
        number = _ocr_digits(g["number"]) if party else g["snumber"]
        code = _SPACES.sub("", g["pcode"] if party else g["scode"])
        code = _TYPED_U.sub("U", code.upper() if code.islower() else code)  # "KH/HƯ": KH/HU; "kh/đu": KH/ĐU
        code = code.replace("Ð", "Đ")  # "KH/ÐU" typed with the eth: KH/ĐU
        abbreviation = _CODE_SPLIT.split(code)[0]
        code_type = P.ABBREVIATION_TYPES.get(abbreviation)
        word = g.get("type")
        ctype = _TYPE_BY_FOLD.get(word.casefold()) if word else code_type
        if word and code_type and abbreviation not in P.TYPE_ABBREVIATIONS.get(ctype, (abbreviation,)):
            ctype = code_type  # "kết luận số 123-TB/TU" is a Thông báo: the code says so
        if ctype is None:
            return None  # a bare code whose type is unknown: 12/BC is no document code
        return {"type": ctype, "number": number, "code": code, "sep": "-" if party else "/",
                **({"year": g["syear"]} if not party and g.get("syear") else {})}
    if kind is MentionKind.SHORT:
        word = P.ABBREVIATION_TYPES[g["abbr"]] if g.get("abbr") else _TYPE_BY_FOLD[g["type"].casefold()]
        return {"type": word, "number": g["short"], "year": g["short_year"]}
    return _named_attributes(m, g)


_OCR_DIGIT = re.compile(r"[OI]|[ol](?=\d)|(?<=\d)l")


def _ocr_digits(number: str) -> str:
    """"O5" -> "05", "l5" -> "15", "6l" -> "61": the digits OCR read as letters (another lower-case
    letter after the digits stays: "05a")."""
    return _OCR_DIGIT.sub(lambda m: P.OCR_DIGITS[m.group(0)], number) if not number.isdigit() else number


def _named_attributes(m: re.Match, g: dict) -> dict:
    if "plenum" in g:
        terms = tuple(P.ROMAN_RE.findall(g["terms"] or ""))
        number = g["plenum"] or g["plenum_number"]
        plenum = int(number) if number else P.PLENUM_ORDINALS[g["plenum_word"]]
        return {"type": _TYPE_BY_FOLD[g["ptype"].casefold()], "plenum": plenum, "terms": terms}
    if "congress" in g and g.get("congress"):
        return {"type": "Nghị quyết", "congress": g["congress"]}
    if "level" in g:
        ordinal = g.get("ordinal")
        term = f"{g['y1']}-{g['y2']}" if g.get("y1") else None
        place = g.get("place")
        place = place.title() if place and place.isupper() else place  # "HUYỆN MƯỜNG CHÀ" in a title
        return {"type": "Nghị quyết", "congress": ordinal or term,
                "name": f"Đại hội Đảng bộ {g['level'].lower()}" + (f" {place}" if place else "")}
    if "bare_level" in g:  # which congress is for `_bare_congresses` to say
        return {"type": "Nghị quyết", "name": f"Đại hội Đảng bộ {g['bare_level']}" if g["bare_level"] else BARE_CONGRESS}
    if "body" in g:
        return {"type": _TYPE_BY_FOLD[g["type"].casefold()], "terms": (g["term"],), "name": g["body"]}
    word = _TYPE_WORD_RE.match(m.group(0))
    return {"type": _TYPE_BY_FOLD[word.group(0).casefold()] if word else None, "name": m.group(0)}


# --- what follows a citation ---------------------------------------------------

def _date_after(ptext: str, end: int) -> tuple[str | None, int]:
    m = P.DATE_RE.match(ptext, end)
    date = iso_date(m) if m else None
    return (date, m.end()) if date else (None, end)


def _date_before(ptext: str, start: int) -> str | None:
    """"Ngày 10 tháng 6 năm 2021, Ban Bí thư ban hành Kết luận số 06-KL/TW": the date the sentence
    opens with, when its verb issues the citation."""
    if "ban hành" not in ptext[max(0, start - 16):start]:
        return None
    m = P.DATE_BEFORE_RE.search(ptext, max(0, start - 160), start)
    return iso_date(m) if m else None


def iso_date(m: re.Match) -> str | None:
    """The ISO date a match of a date pattern (patterns.NUMERIC_DATE, WORDED_DATE) reads, if it is a real day."""
    d, mo, y = (m.group("d") or m.group("wd"), m.group("m") or m.group("wm"), m.group("y") or m.group("wy"))
    try:
        return _date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


#: the central bodies that issue together: "Kết luận số 127-KL/TW của Bộ Chính trị, Ban Bí thư"
_CENTRAL_BODIES = ("Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương", "Ban Chấp hành Trung ương Đảng")
_JOINT_CENTRAL = re.compile(r"\s*(?:,|và)\s*(?:Bộ Chính trị|Ban Bí thư)(?!\w)")


_HELD_AFTER = re.compile(r"\s+(?:tổ chức|chủ trì)(?!\w)")


def _issuer_after(ptext: str, end: int, roster: Roster) -> tuple[str | None, int]:
    """"... của Huyện ủy X", "... do Huyện ủy X ban hành", "... (Huyện ủy X)": the unit named after a citation."""
    m = _ISSUER_HEAD.match(ptext, end)
    if m:
        phrase, phrase_end = _unit_phrase(ptext, m.end(), roster)
        if m.group(0).rstrip().endswith("do") and _HELD_AFTER.match(ptext, phrase_end):
            return None, end  # "hội nghị quán triệt Quy định 144-QĐ/TW do Tỉnh ủy tổ chức": who held the meeting
        joint = _JOINT_CENTRAL.match(ptext, phrase_end) if phrase in _CENTRAL_BODIES else None
        return phrase, joint.end() if joint else phrase_end  # "của Bộ Chính trị, Ban Bí thư": one issuer phrase
    m = _ISSUER_IN_BRACKETS.match(ptext, end)
    if m:
        phrase, phrase_end = _unit_phrase(ptext, m.end(), roster)
        if phrase and ptext.startswith(")", phrase_end):
            return phrase, phrase_end + 1
    return None, end


def _unit_phrase(ptext: str, pos: int, roster: Roster | None = None) -> tuple[str | None, int]:
    """The unit name that starts at `pos`: capitalised words and the few lower-case
    words unit names contain ("Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh")."""
    words, end = [], pos
    for w in _TOKEN.finditer(ptext, pos, pos + 160):
        token = w.group(0)
        if words and "|" in ptext[end:w.start()]:
            break  # "10|Huyện ủy Sông Mã|Đang dự thảo": the cell ends the name
        if words and _ACRONYM.fullmatch(token):
            continue  # "Hội Liên hiệp Phụ nữ (LHPN) tỉnh": the acronym in brackets is no part of the name
        # "Tỉnh ủy<sup>1</sup>.", "Tỉnh ủy(1).": a footnote's marker ends the name
        marked = _MARK_AFTER.search(token) if ")" in token or ">" in token or token[-1:].isdigit() or (
            token[-2:-1].isdigit()) else None
        if marked and marked.start():
            token = token[:marked.start()] + ","
        core = token.rstrip(",;.:)”\"…*_")
        if not core or core[0] in "(“\"<" or "<" in core:
            break
        low = core.casefold()
        if low == "số" and words[:2] == ["Chi", "bộ"] and words[-1] in _NUMBERED_PLACES and _next_word(ptext, w.end()).isdigit():
            pass  # "Chi bộ tổ dân phố số 3": a quarter's number
        elif core[0].islower():  # a word a unit's name holds in lower case, or one a known name has after the last
            if (low in _ISSUER_STOP or low not in _ISSUER_LOWER) and not (  # ("Sở Nông nghiệp và Phát triển nông
                    words and roster and ((key(words[-1]), key(low)) in roster.lower_pairs  # thôn": not "triển khai")
                                          or (fold(words[-1]), fold(low)) in roster.unmarked_pairs)):
                break
        elif core == "-" and words and roster and (key(words[-1]), key(_next_word(ptext, w.end()))) in roster.dash_pairs:
            pass  # "Chi bộ Đội Tham mưu - Tổng hợp"
        elif not core[0].isupper() and not (core.isdigit() and len(core) <= 2 and words[:2] == ["Chi", "bộ"]):
            break  # (a village's number is part of its cell's name: "Chi bộ bản Phăng 2", "Chi bộ thôn 3")
        if low == "ban" and ptext[w.end():w.end() + 5] == " hành":
            break
        if low == "và" and (_UNIT_AHEAD.match(ptext, w.end()) or _TYPE_AHEAD.match(ptext, w.end())):
            break  # "Huyện ủy Mường Chà và Huyện ủy Nậm Pồ", "của Tỉnh ủy và Kế hoạch số ...": the name ends
        words.append(core)
        end = w.start() + len(core)
        if token == core + "," and roster and (key(core), key(_next_word(ptext, w.end()))) in roster.comma_pairs:
            words[-1] = token  # "Sở Văn hóa, Thể thao và Du lịch": a comma inside the name
            continue
        if core != token or len(words) >= 16:
            break
    while words and words[-1].casefold() in {"và", "của"}:
        words.pop()
    return (" ".join(words) or None), end


#: the last word of the places numbered "số N": "tổ dân phố số 3", "tiểu khu số 2", "khối số 5", "Chi bộ số 4"
_NUMBERED_PLACES = frozenset({"phố", "khu", "khối", "thôn", "bản", "xóm", "bộ"})
_MARK_AFTER = re.compile(r"(?:<sup>\s*\d{1,3}\s*</sup>|\(\d{1,2}\)|(?<=[^\W\d_])\d{1,2})[.,;:)]*$")


def _next_word(ptext: str, pos: int) -> str:
    m = _TOKEN.search(ptext, pos, pos + 40)
    return m.group(0) if m else ""


#: a unit's name or a document beginning after "và": "... và Huyện ủy Nậm Pồ", "... và Quy định số",
#: not "Cơ quan và Doanh nghiệp"
_TYPE_AHEAD = re.compile(r"\s+" + P.TYPE_WORD)
_ACRONYM = re.compile(r"\([A-ZĐ]{2,8}\)")
_UNIT_AHEAD = re.compile(r"\s+(?:Ban|Huyện|Tỉnh|Thành|Thị|Đảng|Ủy|Uỷ|UBND|HĐND|Chi bộ|Công an|Mặt trận|Sở|Trường|Trung tâm"
                         r"|Phòng|Trạm|Bệnh viện)\b")
#: a clause that issues with no subject of its own: "Đã ban hành", ": Đến ngày 03/12/2019 mới ban hành"
_BAN_HANH_ALONE = re.compile(r"(?:^\s*(?:[-+•]\s*)?|[.;:]\s*)(?:(?:[Đđ]ến\s+)?(?:[Nn]gày\s+[\d/.]{6,10}\s*,?\s*)?"
                             # ("...; sau hội nghị, ban hành Kế hoạch số 09-KH/ĐU": then)
                             r"(?:(?:[Ss]au (?:đó|hội nghị)|[Tt]iếp đó|[Đđ]ồng thời|[Tt]rên cơ sở đó)\s*,?\s*)?"
                             r"(?:(?:[Đđ]ã|mới)\s+)?(?:kịp thời\s+)?(?:[Bb]an hành|xây dựng)(?:\s+kịp thời)?\s*)?$")
#: the kind of unit each code suffix belongs to: "…/HU" is a Huyện ủy's number
_SUFFIX_KINDS = {"HU": ("huyện ủy",), "THU": ("thành ủy", "thị ủy"), "TU": ("tỉnh ủy", "thành ủy", "thị ủy"),
                 "ĐU": ("đảng ủy",), "CB": ("chi bộ",),
                 # the Front's and the mass organisations' own numbers: "Kế hoạch số 96-KH/TĐTN-BTG" is a Tỉnh đoàn's
                 "TĐTN": ("tỉnh đoàn", "huyện đoàn", "thành đoàn"), "HĐTN": ("huyện đoàn",),
                 "HPN": ("hội liên hiệp phụ nữ",), "HLHPN": ("hội liên hiệp phụ nữ",), "HND": ("hội nông dân",),
                 "HCCB": ("hội cựu chiến binh",), "LĐLĐ": ("liên đoàn lao động",),
                 "MTTQ": ("ủy ban mttq", "ủy ban mặt trận"),
                 # a committee's boards: "Kế hoạch số 05-KH/UBKTHU" is its Ủy ban Kiểm tra's, "…/BTGTU" its Ban Tuyên giáo's
                 "UBKT": ("ủy ban kiểm tra",), "BTG": ("ban tuyên giáo",), "BTC": ("ban tổ chức",), "BDV": ("ban dân vận",),
                 "VP": ("văn phòng",),
                 # the People's Committees: "Kế hoạch số 162/KH-UBND" is a UBND's
                 "UBND": ("ubnd", "ủy ban nhân dân")}


def _code_suffix(code: str | None) -> str | None:
    """The part of a code after its type: "HU" in KH/HU, "ĐU" in KH-ĐU, "TĐTN" in KH/TĐTN-BTG."""
    parts = _CODE_SPLIT.split(code.upper()) if code else []
    return parts[1] if len(parts) > 1 else None


def _code_kinds(code: str | None) -> tuple[str, ...] | None:
    """The kinds of unit whose own numbers look like `code`: 47-KH/HU a Huyện ủy's, 3012/KH-ĐU an Đảng ủy's
    (None: a central or unknown code, which no unit a text names by its place can own)."""
    suffix = _code_suffix(code)
    return next((v for k, v in _SUFFIX_KINDS.items() if suffix.startswith(k)), None) if suffix else None


def _code_fits(code: str | None, unit: str) -> bool:
    """Whether a document numbered `code` can be the unit's own."""
    kinds = _code_kinds(code)
    return kinds is not None and key(unit).startswith(kinds)
_BAN_HANH_WORDS = ("ban hành", "Ban hành", "đã ban hành", "ra", "có", "cụ thể hóa bằng", "cụ thể hoá bằng", "xây dựng",
                   "gửi")  # ("X mới gửi Kế hoạch số 112-KH/ĐU": its own plan)
_BAN_HANH = re.compile("(?:" + "|".join(_BAN_HANH_WORDS) + r")(?:\s+kịp thời)?\s*$")  # "Ban hành kịp thời Kế hoạch ..."
_BAN_HANH_LONGEST = max(map(len, _BAN_HANH_WORDS)) + len(" kịp thời")
_PARENTHETICAL = re.compile(r"\s*\([^()]{1,60}\)")


def _subject_before(ptext: str, start: int) -> str | None:
    """"..., Huyện ủy Nậm Pồ đã ban hành Kế hoạch ..." -> "Huyện ủy Nậm Pồ": what the clause has before
    the verb that issues the citation at `start` (None: no such verb)."""
    head = ptext[max(0, start - 160):start]
    # the verb ends where the head's last word does: no need to look further back
    m = _BAN_HANH.search(head, max(0, len(head.rstrip()) - _BAN_HANH_LONGEST))
    if not m:
        return None
    named = head[:m.start()]
    if ")" in named:  # "Đảng ủy xã Na Sang (huyện Mường Chà) ban hành"
        named = _PARENTHETICAL.sub("", named)
    parts = _CLAUSE_CUT.split(named)
    clause = parts[-1].strip()
    if not clause and len(parts) > 1 and named.rstrip().endswith(":") and " của " not in parts[-2]:
        clause = parts[-2].strip()  # "1. Chi bộ bản Che Căn: ban hành Kế hoạch số 03-KH/CB" (not "... của Tỉnh ủy: ban
        # hành ...", whose subject is further back)
    clause = _DIRECTED.sub("", clause, count=1)  # "Đảng ủy xã lãnh đạo UBND xã ban hành ...": the UBND issues
    if "<sup>" in clause:  # "<sup>4</sup> Sở Giáo dục và Đào tạo ban hành ...": a footnote's own marker
        clause = P.FOOTNOTE_MARK_RE.sub("", clause).strip()
    return _ADVERBS_AT_END.sub("", clause)


def _issuer_before(clause: str | None, roster: Roster) -> str | None:
    """"Huyện ủy Nậm Pồ" of "Huyện ủy Nậm Pồ ban hành Kế hoạch ...": the unit's name that is the whole of the
    clause's subject (`_subject_before`)."""
    if not clause:
        return None
    alone = _KIND_ALONE_SUBJECT.match(clause.strip())
    if alone:
        return alone.group("kind").capitalize()  # "...; trước đó chi bộ xây dựng Kế hoạch số 01-KH/CB": the cell named
    clause = _BEFORE_UNIT_WORD.sub("", clause, count=1)
    phrase, _ = _unit_phrase(clause, 0, roster)
    return phrase if phrase and len(phrase) >= len(clause.rstrip()) - 1 else None


#: a cell or committee named in lower case by its kind alone, after a time: "trước đó chi bộ", "sau đó đảng ủy"
_KIND_ALONE_SUBJECT = re.compile(r"(?:(?:[Tt]rước đó|[Ss]au đó|[Tt]iếp đó|[Đđ]ồng thời),?\s+)?(?P<kind>chi bộ|đảng ủy)$")
#: a place word alone as the subject that issues a party committee's number, and the committee it stands for
_PLACE_SUBJECTS = {"huyện": "Huyện ủy", "xã": "Đảng ủy xã", "thị xã": "Thị ủy", "thành phố": "Thành ủy"}


#: a sentence about the unit the sentence before named: "Đây là đảng bộ đầu tiên của huyện ban hành Kế hoạch số ..."
_THIS_IS_UNIT = re.compile(r"Đây là (?:đảng bộ|chi bộ|đơn vị|địa phương)\b")
#: a sentence opened by a commune: "Xã Sa Lông có 14 chi bộ trực thuộc"
_COMMUNE_OPENING = re.compile(rf"(?P<level>Xã|Phường|Thị trấn)\s+(?P<place>{P.PLACE_WORDS})\s+[a-zđà-ỹ]")


def _this_is_issuer(ptext: str, start: int, code: str | None) -> str | None:
    """"Xã Sa Lông có 14 chi bộ trực thuộc. Đây là đảng bộ đầu tiên của huyện ban hành Kế hoạch số 27-KH/ĐU": the
    commune the sentence before opens with issued it (its committee, when the code is one's)."""
    sentence = ptext.rfind(". ", 0, start) + 2
    if sentence < 2 or not _THIS_IS_UNIT.match(ptext, sentence):
        return None
    before = ptext.rfind(". ", 0, sentence - 2)
    m = _COMMUNE_OPENING.match(ptext, before + 2 if before >= 0 else 0)
    name = m and unlisted(f"Đảng ủy {m.group('level').lower()} {m.group('place')}")
    return name if name and _code_fits(code, name) else None


def _place_subject(clause: str | None, head: str, code: str | None, roster: Roster, province: str | None,
                   context: Context) -> str | None:
    """"Thực hiện Kế hoạch 208-KH/TU ..., huyện đã ban hành Kế hoạch số 97-KH/HU": the committee of the
    place `head` (the paragraph before the citation) named last (or the text's own), when the clause's subject
    is the place word alone and the code is one of its committee's kind."""
    kind = _PLACE_SUBJECTS.get((clause or "").casefold())
    if kind is None or not _code_fits(code, kind):
        return None
    return roster.bare(kind, head, province, context.near)


_UNIT_WORD = re.compile(r"(?<!\w)(?:Ban|Huyện|Thành|Thị|Tỉnh|Đảng|Chi bộ|Hội|Đồn|Công an|Ủy ban|UBND)\b")


def _issuers_earlier(ptext: str, start: int, roster: Roster) -> list[str]:
    """"Đối với Thành ủy Hà Giang, sau khi ban hành Kế hoạch số 198-KH/ThU ...": the units the sentence
    names before the verb that issues the citation, the nearest first (the caller takes the first
    whose kind the code's suffix gives: a ThU number is a Thành ủy's or a Thị ủy's)."""
    head = ptext[max(0, start - 160):start]
    m = _BAN_HANH.search(head, max(0, len(head.rstrip()) - _BAN_HANH_LONGEST))
    if not m:
        return []
    verb = start - len(head) + m.start()
    sentence = max(ptext.rfind(". ", 0, verb), ptext.rfind(";", 0, verb), verb - 300, -1) + 1
    phrases = [_unit_phrase(ptext, w.start(), roster)[0] for w in _UNIT_WORD.finditer(ptext, sentence, verb)]
    return [p for p in reversed(phrases) if p]


#: the code suffixes of a committee's boards, which no other unit's numbers look like
_BOARD_SUFFIXES = ("BTG", "BDV", "BTC", "UBKT")


def _boards_before(ptext: str, start: int, code: str | None, roster: Roster) -> list[str]:
    """"Ban Tuyên giáo và Dân vận Tỉnh ủy Điện Biên tổ chức hội nghị sơ kết 1 tháng thực hiện Kế hoạch số
    12-KH/BTGDVTU": a board's (or youth union's) number is the one of such a unit the sentence names before it."""
    suffix = _code_suffix(code) or ""
    if not suffix.startswith(_BOARD_SUFFIXES):
        return []
    sentence = max(ptext.rfind(". ", 0, start), ptext.rfind(";", 0, start), start - 300, -1) + 1
    phrases = [_unit_phrase(ptext, w.start(), roster)[0] for w in _UNIT_WORD.finditer(ptext, sentence, start)]
    level = _BOARD_LEVELS.get(suffix[-2:])  # "BTGTU" a Tỉnh ủy's board, "BTGHU" a Huyện ủy's
    return [p for p in reversed(phrases) if p and (level is None or level in p)]


_BOARD_LEVELS = {"TU": "Tỉnh ủy", "HU": "Huyện ủy"}
_CELL_KINDS = ("Chi bộ", "Đảng ủy", "Đảng bộ")


def _named_in_full_earlier(ptext: str, start: int, kind_alone: str | None, roster: Roster) -> list[str]:
    """"Chi bộ Trường PTDTNT tỉnh được chọn làm điểm. Chi bộ đã ban hành Kế hoạch số 02-KH/CB ...": the units of the
    kind a subject names alone that the paragraph named in full before, the nearest first (the caller takes the
    first whose kind the code's suffix gives)."""
    if kind_alone not in _CELL_KINDS:
        return []  # (a kind with its level, "Hội LHPN huyện", is the one of the place named last: Roster.bare)
    phrases = [_unit_phrase(ptext, at, roster)[0] for at in _word_starts(ptext[:start], kind_alone + " ")]
    return [p for p in reversed(phrases) if p and p != kind_alone]


def _word_starts(text: str, word: str) -> list[int]:
    """Where `word` begins in `text`, in order."""
    at, i = [], text.find(word)
    while i >= 0:
        at.append(i)
        i = text.find(word, i + 1)
    return at


def _row_units(ptext: str, start: int) -> list[str]:
    """"| 1 | Huyện ủy Mường Chà | Kế hoạch số 130-KH/HU |": the cells before the citation's own in a
    table row, the nearest first (the caller takes the first unit whose code fits)."""
    if "|" not in ptext[max(0, start - 200):start]:
        return []
    cells = [cell.strip() for cell in reversed(row_cells(ptext)[:ptext.count("|", 0, start)]) if cell.strip()]
    if any(P.CODE_RE.search(cell) for cell in cells):
        return []  # "| Xã Quài Nưa | Kế hoạch số 05/KH-MTTQ | Triển khai Kế hoạch số 21/KH-MTTQ-BTT của huyện |": the
    return cells  # row's unit issued the document of its own column, not the one that document carries out


#: "- Huyện ủy Tủa Chùa: Kế hoạch số 91-KH/HU", "như Huyện ủy Nậm Pồ (Kế hoạch số 21-KH/HU)", "... và Đảng ủy xã
#: Mường Than (Kế hoạch số 33-KH/ĐU)": a unit's name labels the citation after it
_LABEL = re.compile(r"(?:^(?:<sup>\s*\d+\s*</sup>|\(\d{1,2}\)|\d{1,2}(?=\s))?\s*|[,;:]\s*|\.\s+|\s(?:như|và)\s+|(?:^|\s)[-+•]\s*)"
                    r"(?P<unit>[A-ZĐ][^,;:()/.]{3,80}?)\s*(?:\((?:nay là|nay|cũ)\b[^()]{0,60}\)\s*)?[:(]\s*$")
# (a footnote's number may open its line; "Huyện ủy Mộc Châu (nay là Thị ủy Mộc Châu): Kế hoạch số 203-KH/HU")


def _label_unit(ptext: str, start: int, roster: Roster) -> list[str]:
    """The unit named as the label of the citation at `start` (the caller checks its code fits);
    a label that goes on past the name ("Huyện ủy Mường Tè ban hành chậm (Kế hoạch ...)") gives it."""
    if start == 0 or ptext[start - 1] not in " :(":
        return []
    m = _LABEL.search(ptext, max(0, start - 100), start)
    if not m:
        before = ptext[max(0, start - 40):start].split()
        if not before or not before[-1][:1].isupper():
            return []  # (no name ends right before it)
        m = _NAME_BEFORE.search(ptext, max(0, start - 100), start)
        name = m and _unit_phrase(m.group("unit"), 0, roster)[0]
        return [name] if name and name == m.group("unit") else []  # (nothing but a unit's name)
    label = m.group("unit")
    name, _ = _unit_phrase(label, 0, roster)
    return [label] if not name or name == label else [label, name]


#: "...; Huyện ủy Cao Lộc Kế hoạch số 45-KH/HU ngày 22/7/2024; ...": an item of a list, a unit's name right before
#: its document
_NAME_BEFORE = re.compile(r"(?:^|[;:]\s*|\.\s+|(?:^|\s)[-+•]\s*)(?P<unit>[A-ZĐ][^,;:()/.]{3,80}?)\s+$")


_BY_MEANS_AT_END = re.compile(r"\s(?:bằng|thông qua)\s*$")
_NAME_ENDS = re.compile(r"\s+[a-zđà-ỹ]|\s*$")


def _issuers_by_means(ptext: str, start: int, roster: Roster) -> list[str]:
    """"Huyện ủy Tủa Chùa triển khai Kế hoạch số 58-KH/TU, ngày ... của Tỉnh ủy bằng Kế hoạch số
    91-KH/HU" -> ["Tỉnh ủy", "Huyện ủy Tủa Chùa"]: the units the clause names before "bằng", the
    nearest first; the document a unit carries something out by is its own, so the caller takes
    the first whose code fits."""
    if not _BY_MEANS_AT_END.search(ptext, max(0, start - 12), start):
        return []
    clause_start = max(ptext.rfind(";", 0, start), ptext.rfind(". ", 0, start), start - 400, -1) + 1
    phrases = []
    for segment in reversed(_CLAUSE_CUT.split(ptext[clause_start:start])):
        segment = _BEFORE_UNIT_WORD.sub("", segment, count=1)
        phrase, end = _unit_phrase(segment, 0, roster)
        if phrase and _NAME_ENDS.match(segment, end):  # the whole name, a verb after it
            phrases.append(phrase)
    return phrases


def _subject_after(ptext: str, pos: int, limit: int | None = None) -> tuple[str | None, int]:
    """"về ..." up to the end of the clause (or the next citation: "..., X đã ban hành Kế hoạch số")."""
    m = _SUBJECT_HEAD.match(ptext, pos)
    if not m:
        return None, pos
    stop = _SUBJECT_STOP.search(ptext, m.end(1))
    end = stop.start() if stop else len(ptext)
    end = min(end, m.start(1) + 400)
    if limit is not None and limit < end:
        cut = _ISSUED_AT_END.search(ptext[m.start(1):limit])
        if cut:  # "Thực hiện B về ..., Ban Thường vụ Tỉnh ủy đã ban hành A": B's subject ends at the comma
            end = m.start(1) + cut.start()
    subject = ptext[m.start(1):end].strip().rstrip(",")
    subject = P.FOOTNOTE_MARK_RE.sub("", subject).strip()
    return (subject or None), end


def _evidence(text: str) -> str:
    return P.FOOTNOTE_MARK_RE.sub("", text).strip() if "<sup>" in text else text.strip()


def _listed_numbers(cits: list[Citation], doc_layout: Layout) -> list[Citation]:
    """"Nghị quyết số 18, 19, 20-NQ/TW": the numbers between the first and the last of a list are
    citations too, of the first one's type (`_shared_codes` then gives them the last one's code)."""
    out: list[Citation] = []
    for c, nxt in zip(cits, cits[1:] + [None]):
        out.append(c)
        if nxt is None or c.kind is not MentionKind.SHORT or nxt.paragraph != c.paragraph or c.tail != c.end_pos:
            continue
        paragraph = doc_layout.paragraphs[c.paragraph]
        if P.LISTED_NUMBERS_RE.fullmatch(paragraph.text, c.tail, nxt.pos):
            for m in P.LISTED_NUMBER_RE.finditer(paragraph.text, c.tail, nxt.pos):
                start = paragraph.to_source(m.start())
                line, col = doc_layout.locate(start)
                out.append(replace(c, start=start, end=start + len(m.group(0)), line=line, col=col,
                                   surface=m.group(0), number=m.group(0), date=None, issuer=None,
                                   issuer_unit=None, subject=None, pos=m.start(), tail=m.end(), end_pos=m.end()))
    return out


def _listed_issuers(cits: list[Citation], doc_layout: Layout, roster: Roster, province: str | None,
                    ctxs: list[Context]) -> list[Citation]:
    """"Ban Thường vụ Huyện ủy ... ban hành các văn bản chỉ đạo:" / "- Kế hoạch số 38-KH/HU, ...": a
    document opening an item of the list is the intro's subject's, when its code is that unit's."""
    out, intro_units = list(cits), {}
    for n, c in enumerate(out):
        if c.issuer_unit or c.pos > 4 or not P.LIST_ITEM_RE.match(doc_layout.paragraphs[c.paragraph].text):
            continue
        if c.paragraph not in intro_units:
            intro_units[c.paragraph] = _intro_subject(doc_layout, c.paragraph, roster, province, ctxs)
        unit = intro_units[c.paragraph]
        if unit and _code_fits(c.code, unit):
            out[n] = replace(c, issuer=unit, issuer_unit=unit)
    return out


def _serial_issuers(cits: list[Citation], doc_layout: Layout) -> list[Citation]:
    """"X ban hành Kế hoạch số 83-KH/HU ...; Nghị quyết chuyên đề số 14-NQ/HU ...; Kế hoạch số 135-KH/HU ...": a
    document opening a clause after a semicolon goes on the list of what the sentence's subject issued, the unit of
    the nearest document before it in the sentence that was issued there and whose code is that unit's kind."""
    out = list(cits)
    for n, c in enumerate(out):
        ptext = doc_layout.paragraphs[c.paragraph].text
        if c.issuer_unit or not c.code or not ptext[:c.pos].rstrip().endswith(";"):
            continue
        for k in range(n - 1, -1, -1):
            ck = out[k]
            if ck.paragraph != c.paragraph or ". " in ptext[ck.pos:c.pos]:
                break  # another paragraph or sentence
            issued_here = ptext[:ck.pos].rstrip().endswith(";") or _BAN_HANH.search(ptext, max(0, ck.pos - 30), ck.pos)
            if issued_here and ck.issuer_unit and _code_fits(c.code, ck.issuer_unit):
                out[n] = replace(c, issuer=ck.issuer_unit, issuer_unit=ck.issuer_unit)
                break
    return out


def _decisions_or_rules(cits: list[Citation]) -> list[Citation]:
    """"QĐ 144" in a table of a report on Quy định số 144-QĐ/TW is that Quy định; a "QĐ" whose number the text cites
    as neither a Quy định nor a Quyết định is left out (the two share the abbreviation)."""
    written = {n for n, c in enumerate(cits) if c.kind is MentionKind.SHORT and c.surface.startswith("QĐ")}
    if not written:
        return cits
    kinds = {(c.type, (c.number or "").lstrip("0")) for n, c in enumerate(cits) if n not in written}
    out = []
    for n, c in enumerate(cits):
        if n in written:
            number = (c.number or "").lstrip("0")
            if ("Quy định", number) in kinds:
                c = replace(c, type="Quy định")
            elif ("Quyết định", number) not in kinds:
                continue
        out.append(c)
    return out


def _issuers_cited_before(cits: list[Citation]) -> list[Citation]:
    """A local document cited again with no issuer ("... thực hiện Kế hoạch số 12-KH/TU(2)") in a paragraph that speaks
    of another province (a district of the province merged into the text's in 2025) is still the one of that number
    and code the text cited before with its issuer. (In the same province the resolver already prefers it.)"""
    issued: dict[tuple, Citation] = {}
    out = list(cits)
    for n, c in enumerate(out):
        if not c.code or not c.number or c.code.upper().endswith("/TW"):
            continue
        ref = (c.type, c.number.lstrip("0"), code_key(c.code))
        before = issued.get(ref)
        if c.issuer_unit:
            issued.setdefault(ref, c)
        elif before is not None and c.province != before.province and (not c.date or not before.date
                                                                        or c.date == before.date):
            out[n] = replace(c, issuer_unit=before.issuer_unit, province=before.province)
    return out


_RESPECTIVELY = re.compile(r"lần lượt là\s*:?\s*")


def _respective_issuers(cits: list[Citation], doc_layout: Layout, roster: Roster, ctxs: list[Context]) -> list[Citation]:
    """"Thị ủy Nghĩa Lộ và Thành ủy Yên Bái đã ban hành kế hoạch ..., lần lượt là Kế hoạch số 115-KH/TU và Kế
    hoạch số 231-KH/ThU": the units the sentence names, in their order, issue the listed documents."""
    out = list(cits)
    for index, paragraph in enumerate(doc_layout.paragraphs):
        ptext = paragraph.text
        if "lần lượt là" not in ptext:
            continue
        for m in _RESPECTIVELY.finditer(ptext):
            listed = _list_after(out, index, ptext, m.end())
            sentence = max(ptext.rfind(". ", 0, m.start()), ptext.rfind(";", 0, m.start()), -1) + 1
            units = _units_named(ptext, sentence, m.start(), roster, ctxs[index])
            if len(listed) < 2 or len(units) != len(listed):
                continue
            for n, unit in zip(listed, units):
                if out[n].issuer_unit is None:
                    out[n] = replace(out[n], issuer=unit, issuer_unit=unit)
    return out


def _list_after(cits: list[Citation], paragraph: int, ptext: str, pos: int) -> list[int]:
    """The citations of a list that begins at `pos`: one there, then each joined to the one before
    by a comma or "và"."""
    listed: list[int] = []
    for n, c in enumerate(cits):
        if c.paragraph != paragraph or c.pos < pos:
            continue
        joined = P.LIST_JOIN_RE.fullmatch(ptext, cits[listed[-1]].tail, c.pos) if listed else c.pos == pos
        if not joined:
            break
        listed.append(n)
    return listed


def _units_named(ptext: str, start: int, end: int, roster: Roster, context: Context) -> list[str]:
    """The units `ptext[start:end]` names, in their order (a name inside another's is not another)."""
    units, after = [], start
    for w in _UNIT_WORD.finditer(ptext, start, end):
        if w.start() < after:
            continue
        phrase, after = _unit_phrase(ptext, w.start(), roster)
        unit = roster.name(phrase, context.province, ptext[:w.start()], context.near) if phrase else None
        if unit and unit not in units:
            units.append(unit)
    return units


def _intro_subject(doc_layout: Layout, item: int, roster: Roster, province: str | None,
                   ctxs: list[Context]) -> str | None:
    """The unit whose sentence introduces the list that paragraph `item` belongs to, when it says
    that unit issued what follows ("... ban hành các văn bản:")."""
    q = item - 1
    while q >= 0 and P.LIST_ITEM_RE.match(doc_layout.paragraphs[q].text):
        q -= 1
    intro = doc_layout.paragraphs[q].text if q >= 0 else ""
    if not intro.rstrip().endswith(":") or "ban hành" not in intro:
        return None
    mark = P.LIST_ITEM_RE.match(intro)
    subject, _ = _unit_phrase(intro, mark.end() if mark else 0, roster)
    return roster.name(subject, province, "", ctxs[q].near) if subject else None


def _shared_codes(cits: list[Citation], doc_layout: Layout) -> list[Citation]:
    """"Nghị quyết số 18, 19-NQ/TW ngày 25/10/2017": the number written alone shares the code
    (and the date) of the next one, when that code is of its type."""
    out = list(cits)
    for n in range(len(out) - 2, -1, -1):
        c, nxt = out[n], out[n + 1]
        if (c.kind is MentionKind.SHORT and nxt.code and nxt.sep == "-" and nxt.paragraph == c.paragraph
                and nxt.type == c.type and c.tail == c.end_pos
                and P.LIST_JOIN_RE.fullmatch(doc_layout.paragraphs[c.paragraph].text, c.tail, nxt.pos)):
            out[n] = replace(c, code=nxt.code, sep=nxt.sep, date=c.date or nxt.date)
    return out


#: the name a bare "Nghị quyết Đại hội" has until the congress it means is known
BARE_CONGRESS = "Đại hội"
_LEVELS = "|".join(P.PARTY_OF_LEVEL)  # "thành phố|thị xã|tỉnh|huyện|xã"
#: "Ban Chấp hành Đảng bộ huyện khóa XXII (căn cứ Nghị quyết Đại hội ...)": the term its sentence speaks of
_TERM_OF_BODY = re.compile(rf"(?:Ban Chấp hành|BCH)\s+Đảng bộ(?:\s+(?P<level>{_LEVELS}))?[^.;]{{0,40}}?\s"
                           rf"{P.KHOA}\s+(?P<ordinal>{P.ROMAN})")
#: the congress as the sentence's actor: "Đại hội sẽ thảo luận, thông qua Nghị quyết Đại hội"
_CONGRESS_ACTS = re.compile(r"(?<!quyết )Đại hội\s+(?:đã\s+|sẽ\s+|đang\s+)?(?:thảo luận|thông qua|biểu quyết|quyết nghị|"
                            r"bầu|xác định|thống nhất)")
#: the congress a text is held for or reports on: "Đại hội đại biểu Đảng bộ tỉnh Sơn La lần thứ XVI",
#: "ĐẠI HỘI ĐẠI BIỂU LẦN THỨ XXII" under "ĐẢNG BỘ HUYỆN MƯỜNG CHÀ"
_CONGRESS_HELD = re.compile(rf"(?<!quyết )(?<!QUYẾT ){P.DAI_HOI}\s+(?:{P.DAI_BIEU}\s+)?(?:{P.DANG_BO}\s+(?P<level>{P.LEVEL})"
                            rf"(?:\s+(?P<place>{P.PLACE_WORDS}))?\s+)?{P.LAN_THU}\s+(?P<ordinal>{P.ROMAN})")
#: how many paragraphs at the top of a text may name the congress it is held for
_HEAD_PARAGRAPHS = 6


def _bare_congresses(cits: list[Citation], doc_layout: Layout, paragraph_contexts: list[Context]) -> list[Citation]:
    """A bare "Nghị quyết Đại hội" (or "... Đảng bộ huyện") is the resolution of the congress its sentence
    is about: the term of the Ban Chấp hành the sentence names before it ("Ban Chấp hành Đảng bộ huyện khóa
    XXII căn cứ Nghị quyết Đại hội"); the congress the text is held for, when that congress acts in the
    sentence ("Đại hội sẽ thông qua Nghị quyết Đại hội"); else the congress resolution of its level cited
    last. One whose congress or owner stays unknown is no citation of a document."""
    if not any(c.kind is MentionKind.NAMED and c.congress is None and c.name and c.name.startswith(BARE_CONGRESS)
               for c in cits):
        return cits
    held = _congress_held(doc_layout)
    out: list[Citation] = []
    last: dict[str | None, Citation] = {}  # the congress resolution cited last, by level (None: any)
    for c in cits:
        if c.kind is MentionKind.NAMED and c.name and c.name.startswith(BARE_CONGRESS):
            if c.congress is None:
                c = _bare_congress(c, doc_layout.paragraphs[c.paragraph].text, paragraph_contexts[c.paragraph],
                                   last, held)
                if c is None:
                    continue
            if c.congress:
                last[_level_of(c.name)] = last[None] = c
        out.append(c)
    return out


def _bare_congress(c: Citation, ptext: str, context: Context, last: dict, held: re.Match | None) -> Citation | None:
    level = _level_of(c.name) or _level_of_party(context.near)
    sentence = ptext[ptext.rfind(". ", 0, c.pos) + 1:c.pos]
    term = None
    for term in _TERM_OF_BODY.finditer(sentence):
        pass  # the last one before the citation
    if term is not None:
        ordinal, level, place = term.group("ordinal"), term.group("level") or level, None
    elif held is not None and _CONGRESS_ACTS.search(sentence):
        ordinal, place = held.group("ordinal"), held.group("place")
        level = (held.group("level") or "").lower() or level
        place = place.title() if place and place.isupper() else place
    else:
        before = last.get(level)
        return replace(c, congress=before.congress, name=before.name, issuer_unit=before.issuer_unit) if before else None
    if level is None:
        return None
    near = context.near if _level_of_party(context.near) == level else None
    if near is None and place is None and level != "tỉnh":
        return None  # a district's or a commune's congress, and no telling whose
    return replace(c, congress=ordinal, name=f"Đại hội Đảng bộ {level}" + (f" {place}" if place else ""),
                   issuer_unit=near if place is None else None)


def _congress_held(doc_layout: Layout) -> re.Match | None:
    for p in doc_layout.paragraphs[:_HEAD_PARAGRAPHS]:
        m = _CONGRESS_HELD.search(p.text)
        if m:
            return m
    return None


def _level_of(name: str | None) -> str | None:
    """"huyện" of "Đại hội Đảng bộ huyện Mường Chà"."""
    rest = (name or "").removeprefix("Đại hội Đảng bộ ")
    return next((level for level in P.PARTY_OF_LEVEL if rest.startswith(level)), None) if rest != name else None


def _level_of_party(unit: str | None) -> str | None:
    """"huyện" for "Huyện ủy Mường Chà": the level of congress that elects the unit's committee."""
    folded = key(unit or "")
    return next((level for level, party in P.PARTY_OF_LEVEL.items() if folded.startswith(key(party) + " ")), None)


def _inherit_terms(cits: list[Citation]) -> list[Citation]:
    """"Nghị quyết Trung ương 4" with no khóa takes the khóa of the last one written in full."""
    last: dict[int, tuple[str, ...]] = {}
    out = []
    for c in cits:
        if c.plenum is not None:
            if c.terms:
                last[c.plenum] = c.terms
            elif c.plenum in last:
                c = replace(c, terms=last[c.plenum])
        out.append(c)
    return out


