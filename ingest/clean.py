"""Spelling helpers shared by the stages: one key per way of writing a name.

Stored names keep their diacritics; these keys are only for comparing.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# old-style tone placement ("uỷ", "hoá", "Toà") -> the style the roster uses ("ủy", "hóa", "Tòa")
_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
#: an old-style pair not after "q" ("quý" keeps its tone), nor before another letter; the "q" is
#: looked for behind the pair's two letters, so that the engine can skip straight to an "o" or "u"
_OLD_TONE_RE = re.compile(
    "(?:" + "|".join(_OLD_TONES) + "|" + "|".join(k.upper() for k in _OLD_TONES)
    + "|" + "|".join(k[0].upper() + k[1] for k in _OLD_TONES) + ")(?<![qQ]..)(?![^\\W\\d_])")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=262144)
def spelling(s: str) -> str:
    """NFC, new-style tone marks, single spaces: "Tỉnh uỷ" and "Tỉnh ủy" give one key."""
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    s = _OLD_TONE_RE.sub(lambda m: _retone(m.group(0)), s)
    return _SPACES.sub(" ", s).strip()


def _retone(old: str) -> str:
    new = _OLD_TONES[old.lower()]
    return "".join(n.upper() if o.isupper() else n for o, n in zip(old, new))


@lru_cache(maxsize=262144)
def key(s: str) -> str:
    """Case-folded spelling key."""
    return spelling(s).casefold()


def fold(s: str) -> str:
    """Accent-free lower-case key, for accent-insensitive search: "Tủa Chùa" -> "tua chua"."""
    s = unicodedata.normalize("NFD", spelling(s).casefold().replace("đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c))


# --- text typed without its marks -------------------------------------------------------------

#: the words the extractor and the relations read, as Party texts write them; typed without marks
#: ("Ke hoach so 47-KH/HU cua Huyen uy ... ve trien khai thuc hien Ket luan 01") they get them back
_MARKED_WORDS = (
    "kế hoạch", "nghị quyết", "chỉ thị", "kết luận", "quy định", "quyết định", "hướng dẫn", "công văn",
    "thông báo", "báo cáo", "chương trình hành động", "chương trình", "đề án", "số", "ngày", "tháng", "của", "về",
    "và", "với", "gắn với", "để", "nhằm", "theo", "tại", "bằng", "đã", "thực hiện", "triển khai", "tiếp tục",
    "quán triệt", "học tập", "tuyên truyền", "cụ thể hóa", "kiểm tra", "giám sát", "ban hành", "xây dựng",
    "tổ chức", "lãnh đạo", "chỉ đạo", "đẩy mạnh", "làm theo", "sơ kết", "tổng kết", "thay thế", "sửa đổi",
    "bổ sung", "căn cứ", "đại hội", "huyện ủy", "tỉnh ủy", "thành ủy", "thị ủy", "đảng ủy", "đảng bộ", "chi bộ",
    "ban thường vụ", "ban chấp hành", "bộ chính trị", "ban bí thư", "trung ương", "ủy ban nhân dân", "huyện",
    "tỉnh", "xã", "phường", "thị trấn", "khóa", "lần thứ", "tư tưởng", "đạo đức", "phong cách", "hồ chí minh",
)
#: share of characters beyond ASCII under which a text reads as typed without marks (Vietnamese prose has ~20 %)
_FEW_MARKS = 0.03


def unmarked(text: str) -> bool:
    """Whether `text` is Vietnamese typed without its diacritics: long enough, and nearly no character
    beyond ASCII (counted as the bytes UTF-8 needs beyond one per character, which C counts fast)."""
    if len(text) < 40 or len(text.encode("utf-8")) - len(text) >= _FEW_MARKS * len(text):
        return False
    # (counted again over the letters alone, when that says so: a table's row of figures is no unmarked text)
    letters = text.translate(_NOT_LETTERS)
    return len(letters.encode("utf-8")) - len(letters) < _FEW_MARKS * len(letters)


#: what `unmarked` leaves out when it counts a text's letters: digits, spaces and punctuation
_NOT_LETTERS = dict.fromkeys(map(ord, "0123456789 \t|.,;:/-()[]%+*_#\"'"))


@lru_cache(maxsize=4)
def _marks_of(extra: tuple[str, ...]) -> tuple[dict[str, str], re.Pattern]:
    words = {fold(w): spelling(w).lower() for w in (*_MARKED_WORDS, *extra) if len(fold(w)) == len(spelling(w))}
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?!\w)",
                         re.IGNORECASE)
    return words, pattern


def with_marks(text: str, extra: tuple[str, ...] = ()) -> str:
    """`text` with the marks of the listed words (and of `extra` names) put back, letter for letter: the
    result is as long as `text`, so every position in it is the same position in `text`."""
    words, pattern = _marks_of(extra)

    def marked(m: re.Match) -> str:
        written = m.group(0)
        word = words[written.lower()]
        return "".join(w.upper() if o.isupper() else w for o, w in zip(written, word))

    return pattern.sub(marked, text)
