"""Regex pieces for Vietnamese document citations, as named constants.

Small pieces are composed into the patterns `find` uses; there is no logic here.
Texts reach these patterns NFC-normalised. Case variants are spelled out (title
case, lower case, upper case) instead of running case-insensitive regexes over
whole texts.
"""
import re

from .wordtree import one_of, spellings, starts_of

#: the capital letters a Vietnamese word may begin with ("Ảng" in "Mường Ảng"); a range such as
#: À-Ỹ would take lower-case letters too
UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
#: a capitalised name of up to four words: "Mường Ảng", "Điện Biên Phủ"
PLACE_WORDS = rf"[{UPPER}][\wÀ-ỹ]*(?:\s+[{UPPER}][\wÀ-ỹ]*){{0,3}}"

# --- type words -------------------------------------------------------------
#: full type word -> abbreviations used inside codes
TYPE_ABBREVIATIONS = {
    "Nghị quyết": ("NQ",),
    "Chỉ thị": ("CT",),
    "Kết luận": ("KL",),
    "Quy định": ("QĐ", "QĐi", "QyĐ"),
    "Quyết định": ("QĐ",),
    "Kế hoạch": ("KH", "KHLT"),  # KHLT: a joint plan (Kế hoạch liên tịch)
    "Hướng dẫn": ("HD",),
    "Công văn": ("CV",),
    "Thông báo": ("TB",),
    "Thông báo kết luận": ("TB",),
    "Báo cáo": ("BC",),
    "Chương trình": ("CTr", "CTHĐ"),
    "Chương trình hành động": ("CTr", "CTHĐ"),
    "Đề án": ("ĐA",),
    "Thông tri": ("TT",),
    "Luật": (),
    "Nghị định": ("NĐ",),
    "Thông tư": ("TT",),
    "Tờ trình": ("TTr",),
    "Công điện": ("CĐ",),
    "Quy chế": ("QC",),
}

#: abbreviation inside a code -> full type word, when no type word is written
ABBREVIATION_TYPES = {
    "NQ": "Nghị quyết", "CT": "Chỉ thị", "KL": "Kết luận", "QĐ": "Quyết định",
    "QĐi": "Quy định", "QyĐ": "Quy định", "KH": "Kế hoạch", "KHLT": "Kế hoạch", "HD": "Hướng dẫn",
    "CV": "Công văn", "TB": "Thông báo", "BC": "Báo cáo", "CTr": "Chương trình",
    "CTHĐ": "Chương trình", "ĐA": "Đề án", "NĐ": "Nghị định",
    "TTr": "Tờ trình", "CĐ": "Công điện", "QC": "Quy chế", "TT": "Thông tư",
}

_TYPE_WORDS = sorted(TYPE_ABBREVIATIONS, key=len, reverse=True)
#: type words naming a kind of another: "Thông báo kết luận" is a Thông báo, "Chương trình hành động" a Chương trình
TYPE_OF_WORD = {"Thông báo kết luận": "Thông báo", "Chương trình hành động": "Chương trình"}


_TYPE_SPELLINGS = tuple(dict.fromkeys(s for w in _TYPE_WORDS for s in spellings(w)))
TYPE_WORD = "(?P<type>" + one_of(_TYPE_SPELLINGS) + ")"
SO = r"(?:\s+(?:số|Số|SỐ|so|sô'|sô|sổ))?"  # the optional "số" after the type word (OCR: "so", "sô'", "sổ")
SO_GLUE = r"(?:\s*[:.]?\s*)"  # "số15", "số: 15"
QUALIFIER = r"(?:\s+(?:chuyên đề|liên tịch))?"  # "Nghị quyết chuyên đề số 05-NQ/ĐU", "Kế hoạch liên tịch số 12"

# --- numbers and codes --------------------------------------------------------
NUMBER = r"(?P<number>\d{1,5}[a-z]?)"
#: OCR reads 0 as O and 1 as l or I: "O5-CT/TW", "l5-NQ/TU"; after a type word only, one digit at least
OCR_DIGITS = {"O": "0", "o": "0", "l": "1", "I": "1"}
OCR_NUMBER = r"(?P<number>(?=[OolI]?\d)[\dOolI]{1,5}[a-z]?)"
#: (Ð, the Icelandic eth that some keyboards and fonts give for Đ, is read as Đ: "71-KH/ÐU")
_CODE_LETTER = "A-ZĐÐƯƠÂĂÊÔa-zđươâăêô"
CODE_PART = rf"[A-ZĐÐƯ][{_CODE_LETTER}]{{0,11}}"
DASH = r"[ \t]*[-–‐]{1,2}[ \t]*"  # (OCR doubles a hyphen: "O1--KL/TW")
SLASH = r"[ \t]*/[ \t]*"
#: party style: 05-CT/TW, 15-NQ/TU, 964-KH/ĐUCA, 21- KL/TW, 05 - CT/TW
PARTY_CODE_BODY = rf"{CODE_PART}{SLASH}{CODE_PART}(?:-{CODE_PART})*"
PARTY_CODE = rf"(?P<pcode>{PARTY_CODE_BODY})"
PARTY_REF = rf"{NUMBER}{DASH}{PARTY_CODE}"
#: a party code typed in lower case after a type word: "kế hoạch số 45-kh/đu" (its abbreviation a known one)
LOWER_ABBREVIATIONS = ("ctr", "bc", "ct", "cv", "hd", "kh", "kl", "nq", "qđ", "tb", "đa")
LOWER_PARTY_CODE = rf"(?:{'|'.join(LOWER_ABBREVIATIONS)}){SLASH}[a-zđư]{{2,6}}"
OCR_PARTY_REF = rf"{OCR_NUMBER}{DASH}(?P<pcode>{PARTY_CODE_BODY}|{LOWER_PARTY_CODE})"
#: state style: 2532/KH-ĐU, 124/KH-MTTQ-BTT, 1234/QĐ-TTg, 15/2020/NĐ-CP
STATE_YEAR = r"(?:(?P<syear>(?:19|20)\d\d)/)?"
#: (a spaced dash only before capitals: "1235/KH - SYT")
STATE_CODE = rf"(?P<scode>{CODE_PART}(?:-{CODE_PART}|[ \t]-[ \t]?[A-ZĐ]{{2,8}}(?!\w))+)"
STATE_REF = rf"(?P<snumber>\d{{1,5}}){SLASH}{STATE_YEAR}{STATE_CODE}"
#: laws: 20/2023/QH15
LAW_NUMBER = r"(?P<lnumber>\d{1,3})/(?P<lyear>(?:19|20)\d\d)/(?P<lcode>QH\d{1,2})"
NUMBER_CODE = rf"(?:{PARTY_REF}|{STATE_REF}|{LAW_NUMBER})"
TYPED_NUMBER_CODE = rf"(?:{OCR_PARTY_REF}|{STATE_REF}|{LAW_NUMBER})"  # a type word before it: OCR'd digits too
CODE_END = r"(?![\w/])"
#: a code's end, or a footnote's number glued to it by a PDF copy: "Chỉ thị số 35-CT/TW1 và ...", "21-KL/TW2;"
REF_END = rf"(?:{CODE_END}|(?<=[A-ZĐ])(?=\d{{1,2}}(?:[\s.,;:)]|$)))"

# --- dates -------------------------------------------------------------------
DAY, MONTH, YEAR = r"(?P<d>\d{1,2})", r"(?P<m>\d{1,2})", r"(?P<y>(?:19|20)\d\d)"
NUMERIC_DATE = rf"{DAY}\s*[/.-]\s*{MONTH}\s*[/.-]\s*{YEAR}"
WORDED_DATE = r"(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})\s+năm\s+(?P<wy>(?:19|20)\d\d)"
NGAY = r"(?:ngày|Ngày|NGÀY|ngay|Ngay)"  # "ngay": typed or OCR'd without its mark
#: ", ngày 15/5/2016" / " ngày 15 tháng 5 năm 2016" / ", ban hành ngày 15/5/2016" / " (ngày 15/5/2016)" /
#: " (15/5/2016)"
DATE_TAIL = (rf"(?P<date_sep>\s*,?\s*)(?:(?P<paren>\()\s*(?:{NGAY}\s*)?|(?:ban hành\s+)?{NGAY}\s*)"
             rf"(?:{WORDED_DATE}|{NUMERIC_DATE})(?(paren)\s*\))")
DATE_RE = re.compile(DATE_TAIL)
NUMERIC_DATE_RE = re.compile(NUMERIC_DATE)
#: "Ngày 10 tháng 6 năm 2021, Ban Bí thư ban hành " before a citation: the date it was issued
DATE_BEFORE_RE = re.compile(rf"(?:^|[.;:,]\s+)(?:Đến\s+|đến\s+)?(?:{NGAY})\s+(?:{WORDED_DATE}|{NUMERIC_DATE})"
                            r"(?:\s*,\s*|\s+)(?:[^,.;]{3,100}?\s)?(?:(?:đã|mới)\s+)?ban hành\s+$")

# --- short and named forms ----------------------------------------------------
#: words after "Chỉ thị 05" that show the number counts something instead
QUANTITY_WORDS = (
    "năm", "tháng", "ngày", "tuần", "giờ", "lần", "người", "nội dung", "mô hình",
    "đảng viên", "cán bộ", "điểm", "điều", "chương", "mục", "khoản", "trang", "bản",
    "văn bản", "đơn vị", "xã", "huyện", "tỉnh", "tập thể", "cá nhân", "hội nghị",
    "lớp", "đợt", "cuộc", "nhóm", "việc", "chỉ tiêu", "nhiệm vụ", "giải pháp",
)
#: "01 năm 2023", "20 ngày 05/11/2012", "20 ngày 5 tháng 11": a year or a date after the word, no quantity
DATE_AHEAD = r"\s+(?:(?:19|20)\d\d|\d{1,2}\s*[/.-]\s*\d{1,2}|\d{1,2}\s+tháng)"
NOT_QUANTITY = r"(?!\s*%)(?!\s*(?:" + "|".join(QUANTITY_WORDS) + rf")\b(?!{DATE_AHEAD}))"
#: "Chỉ thị 05/2016", "Nghị định 15/2020": the number and the year it was issued, no code
SHORT_YEAR = r"(?:/(?P<short_year>(?:19|20)\d\d))?"
SHORT_REF = (rf"{TYPE_WORD}{QUALIFIER}{SO}\s+(?P<short>\d{{1,4}}){SHORT_YEAR}{CODE_END}(?![.,]\d)(?!\s*[-–/]\s*\d)"
             rf"{NOT_QUANTITY}")
#: "CT 05", "KL01", "KH 245", "NQ số 21": a type word written as the abbreviation its codes use, as notes and
#: minutes do ("QĐ 144" is a Quy định or a Quyết định: the text's other citations of that number say which); a number
#: a code follows is no short form ("KL 01-KL/TW"); the letters come first, so that the engine skips to them (each
#: abbreviation is two letters: ".." after them)
ABBREVIATED_TYPES = ("NQ", "CT", "KL", "KH", "QĐ", "CV")
#: its number: up to three digits, or four that read as no recent year ("CV 1964", not "KH 2024")
ABBREVIATED_NUMBER = r"(?P<short>\d{1,3}(?!\d)|(?!20[0-3]\d)\d{4})"
ABBREVIATED_SHORT_REF = (rf"(?P<abbr>{'|'.join(ABBREVIATED_TYPES)})(?<![\w/-]..)(?:\s+số)?\s*{ABBREVIATED_NUMBER}"
                         rf"{SHORT_YEAR}{CODE_END}(?![.,]\d)(?![ \t]*[-–/]){NOT_QUANTITY}")

ROMAN = r"(?=[IVXL])(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![A-Za-z])"  # I .. XLIX
KHOA_WORDS = ("khóa", "khoá", "Khóa", "Khoá", "KHÓA", "KHOÁ")
KHOA = "(?:" + "|".join(KHOA_WORDS) + ")"
TERM_LIST = rf"(?P<terms>{KHOA}\s+{ROMAN}(?:\s*(?:,|và)\s*(?:{KHOA}\s+)?{ROMAN})*)"
NGHI_QUYET_WORDS = ("Nghị quyết", "nghị quyết", "NGHỊ QUYẾT")
NGHI_QUYET = "(?:" + "|".join(NGHI_QUYET_WORDS) + ")"
PLENUM_TYPE_WORDS = (*NGHI_QUYET_WORDS, "Kết luận", "kết luận", "KẾT LUẬN")
PLENUM_TYPE = "(?P<ptype>" + "|".join(PLENUM_TYPE_WORDS) + ")"
TRUNG_UONG_WORDS = ("Trung ương", "Trung Ương", "TRUNG ƯƠNG", "TW")
TRUNG_UONG = "(?:" + "|".join(TRUNG_UONG_WORDS) + ")"
#: "tám" in "Hội nghị lần thứ tám": a plenum's number in words
PLENUM_ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
                   "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "mười ba": 13,
                   "mười bốn": 14, "mười tư": 14, "mười lăm": 15, "mười sáu": 16, "mười bảy": 17, "mười tám": 18}
PLENUM_ORDINAL = "(?P<plenum_word>" + "|".join(sorted(PLENUM_ORDINALS, key=len, reverse=True)) + r")(?![\wÀ-ỹ])"
CENTRAL_COMMITTEE = rf"(?:Ban Chấp hành|BCH)\s+{TRUNG_UONG}(?:\s+Đảng)?"
#: Nghị quyết Trung ương 4 (khóa XII) / Nghị quyết TW4, khóa XII / ... khóa XI, XII /
#: Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII
PLENUM_REF = (rf"{PLENUM_TYPE}\s+(?:(?:Hội nghị\s+)?(?:{TRUNG_UONG}\s+|TW)(?P<plenum>\d{{1,2}})(?!\d)"
              rf"|Hội nghị\s+lần thứ\s+(?:(?P<plenum_number>\d{{1,2}})(?!\d)|{PLENUM_ORDINAL})\s+{CENTRAL_COMMITTEE})"
              rf"(?:\s*\(?\s*,?\s*{TERM_LIST}\)?)?")
#: Nghị quyết Đại hội XII của Đảng / Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng
NATIONAL_CONGRESS_REF = (
    rf"{NGHI_QUYET}\s+Đại hội\s+(?:đại biểu\s+toàn quốc\s+)?(?:lần thứ\s+)?(?P<congress>{ROMAN})"
    r"\s+(?:của|của toàn)\s+Đảng")
#: the levels a local congress is held at, as written in running text and in a title in capitals
LEVEL = "(?:tỉnh|huyện|thành phố|thị xã|xã|TỈNH|HUYỆN|THÀNH PHỐ|THỊ XÃ|XÃ)"
DAI_HOI = "(?:Đại hội|ĐẠI HỘI)"
DAI_BIEU = "(?:đại biểu|ĐẠI BIỂU)"
DANG_BO = "(?:Đảng bộ|ĐẢNG BỘ)"
LAN_THU = "(?:lần thứ|LẦN THỨ)"
NHIEM_KY = "(?:nhiệm kỳ|NHIỆM KỲ)"
#: Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV / ... nhiệm kỳ 2020 - 2025 / NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN LẦN THỨ XIX
LOCAL_CONGRESS_REF = (
    rf"{NGHI_QUYET}\s+{DAI_HOI}\s+(?:{DAI_BIEU}\s+)?{DANG_BO}\s+(?P<level>{LEVEL})"
    rf"(?:\s+(?!{LAN_THU}|{NHIEM_KY})(?P<place>{PLACE_WORDS}))?"
    rf"(?:\s+{LAN_THU}\s+(?P<ordinal>{ROMAN}|\d+)|\s*,?\s*{NHIEM_KY}\s+(?P<y1>\d{{4}})\s*[-–]\s*(?P<y2>\d{{4}}))")
#: "Nghị quyết Đại hội" / "Nghị quyết Đại hội Đảng bộ huyện" with no ordinal and no term: the resolution of the
#: congress the sentence is about (a word that names more than one congress after it is no such reference:
#: "Nghị quyết Đại hội Đảng các cấp", "... đại biểu toàn quốc")
BARE_CONGRESS_REF = (
    rf"Nghị quyết Đại hội(?:\s+(?:đại biểu\s+)?Đảng bộ\s+(?P<bare_level>tỉnh|huyện|thành phố|thị xã|xã))?"
    rf"(?=\s*[,.;:)]|\s*$|\s+(?![{UPPER}]|đại biểu|đảng|các|lần|toàn|nhiệm|khóa|khoá|của|lâm thời)[a-zđà-ỹ])")
#: the party committee of each level a local congress is held at: "Đại hội Đảng bộ huyện" -> "Huyện ủy"
PARTY_OF_LEVEL = {"thành phố": "Thành ủy", "thị xã": "Thị ủy", "tỉnh": "Tỉnh ủy", "huyện": "Huyện ủy",
                  "xã": "Đảng ủy xã"}
#: Kết luận của Ban Chấp hành Trung ương Đảng khoá XIII
BODY_TERM_REF = (
    r"(?P<type>Nghị quyết|Kết luận|Chỉ thị|Quy định)\s+của\s+"
    r"(?P<body>Ban Chấp hành Trung ương(?:\s+Đảng)?|Bộ Chính trị|Ban Bí thư)\s+"
    rf"{KHOA}\s+(?P<term>{ROMAN})")

#: "Luật Giao dịch điện tử số 20/2023/QH15": a law's name stands between the word and the number
LAW_NAME_WORD = r"(?!số\s)[^\s,;.()\d/]+"  # no number and no "số": the name ends before them
LAW_REF = rf"(?P<type>Luật)(?P<lawname>(?:\s+{LAW_NAME_WORD}){{1,8}}?)\s+số\s*{LAW_NUMBER}(?![\w/])"
#: "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015": a law by its name and the day it was passed
LAW_PASSED = r"(?:ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+)?năm\s+(?:19|20)\d\d(?!\d)"
NAMED_LAW_REF = rf"(?P<type>Luật)(?=\s+[{UPPER}])(?P<lawname>(?:\s+{LAW_NAME_WORD}){{1,12}}?)(?=\s+{LAW_PASSED})"

# --- issuer and subject phrases after a citation --------------------------------
ISSUER_HEAD = r"(?P<issuer_sep>\s*,?\s*)(?:của|do)\s+"
SUBJECT_HEAD = r"\s*,?\s*(?P<subject>(?:về|V/v|v/v)\s)"

# --- compiled -------------------------------------------------------------------
#: a place's name alone (`fullmatch`): "Mường Chà"
PLACE_WORDS_RE = re.compile(PLACE_WORDS)
FULL_RE = re.compile(rf"{TYPE_WORD}{QUALIFIER}{SO}{SO_GLUE}{TYPED_NUMBER_CODE}{REF_END}")
LAW_RE = re.compile(LAW_REF)
NAMED_LAW_RE = re.compile(NAMED_LAW_REF)
CODE_RE = re.compile(rf"(?<![\w/-]){NUMBER_CODE}{REF_END}")
#: where CODE_RE can match: a digit no letter, digit, slash or dash precedes, whose number a dash
#: or a slash follows (the engine skips straight to digits, which it cannot do for CODE_RE's
#: leading lookbehind; dates and counts are left out before CODE_RE is tried)
CODE_START_RE = re.compile(r"\d(?<![\w/-]\d)(?=\d*[a-z]?[ \t]*[-–‐/])")
#: where FULL_RE and SHORT_RE can match: the first letter of a type word that a number follows
TYPE_WORD_START_RE = re.compile(starts_of(_TYPE_SPELLINGS, rf"{QUALIFIER}{SO}{SO_GLUE}[OolI]?\d"))
SHORT_RE = re.compile(SHORT_REF)
ABBREVIATED_SHORT_RE = re.compile(ABBREVIATED_SHORT_REF)
PLENUM_RE = re.compile(PLENUM_REF)
NATIONAL_CONGRESS_RE = re.compile(NATIONAL_CONGRESS_REF)
LOCAL_CONGRESS_RE = re.compile(LOCAL_CONGRESS_REF)
BARE_CONGRESS_RE = re.compile(BARE_CONGRESS_REF)
BODY_TERM_RE = re.compile(BODY_TERM_REF)
ROMAN_RE = re.compile(ROMAN)
#: words each pattern needs: a text that lacks every word of one of the tuples cannot match it
LAW_NEEDS = (("Luật",), ("số",))
NAMED_LAW_NEEDS = (("Luật",), ("năm",))
PLENUM_NEEDS = (PLENUM_TYPE_WORDS, TRUNG_UONG_WORDS)
NATIONAL_CONGRESS_NEEDS = (NGHI_QUYET_WORDS, ("Đại hội",), ("Đảng",))
LOCAL_CONGRESS_NEEDS = (NGHI_QUYET_WORDS, ("Đại hội", "ĐẠI HỘI"), ("Đảng bộ", "ĐẢNG BỘ"))
BARE_CONGRESS_NEEDS = (("Nghị quyết Đại hội",),)
BODY_TERM_NEEDS = (("của",), KHOA_WORDS)
#: what every citation without a number contains: a word of a named document
NAMED_TRIGGER_WORDS = ("Nghị quyết", "nghị quyết", "Nghi quyết", "nghi quyết", "Nghị quyet", "nghị quyet",
                       "Nghi quyet", "nghi quyet", "NGHỊ QUYẾT", "Kết luận", "kết luận", "KẾT LUẬN",
                       "Quy định", "quy định", "QUY ĐỊNH", "Luật", "Chỉ thị")
DIGIT_RE = re.compile(r"\d")
#: the mark a list item opens with: "- Kế hoạch số ...", "+ Huyện ủy ...", "• ..."
LIST_ITEM_RE = re.compile(r"\s*[-+•]\s*")
#: what joins the items of a list: "18, 19-NQ/TW", "Huyện ủy Mường Chà và Huyện ủy Nậm Pồ"
LIST_JOIN = r"\s*(?:,|và|,\s*và)\s*"
LIST_JOIN_RE = re.compile(LIST_JOIN)
#: the numbers between the first and the last of a list: ", 19, " in "Nghị quyết số 18, 19, 20-NQ/TW"
LISTED_NUMBER = r"\d{1,4}[a-z]?(?![\w/-])"
LISTED_NUMBERS_RE = re.compile(rf"(?:\s*,\s*{LISTED_NUMBER})+{LIST_JOIN}")
LISTED_NUMBER_RE = re.compile(LISTED_NUMBER)
FOOTNOTE_MARK_RE = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>")
#: a footnote's marker in text that lost its superscript: "(1)" glued to the word or the mark before it ("... của
#: Ban Thường vụ Tỉnh ủy(1).", not the "(1) " that numbers a point)
PLAIN_FOOTNOTE_MARK_RE = re.compile(r"(?<=[^\s(])\((\d{1,2})\)(?=[\s.,;:]|$)")
#: the body of such a footnote, at the start of its line: "(1) Thành ủy Lạng Sơn Kế hoạch số 156-KH/TU ..."
PLAIN_FOOTNOTE_START_RE = re.compile(r"^\s*\((\d{1,2})\)\s")
#: a footnote's number copied out of a PDF as a plain digit glued to the word before it: "... của Ban Thường vụ
#: Huyện ủy2; Đảng ủy xã Pa Ham được chọn chỉ đạo điểm đại hội3;"
GLUED_FOOTNOTE_MARK_RE = re.compile(r"(?<=[^\W\d_])(\d{1,2})(?=[\s.,;:]|$)")
#: the body of such a footnote, at the start of its line: "2 Đảng ủy xã Sa Lông: Kế hoạch số 52-KH/ĐU, ..."
GLUED_FOOTNOTE_START_RE = re.compile(rf"^\s*(\d{{1,2}})\s+(?=[{UPPER}])")
SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+(?=[A-ZĐÀ-Ỹ\"“(])|;\s+|\n")
