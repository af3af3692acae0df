"""ingest.units.Roster: how a written unit name finds its unit; ingest.clean spelling keys."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, strategies as st

from ingest.clean import fold, key, spelling
from ingest.units import Roster, unlisted

DB, LC, SL = "Điện Biên", "Lai Châu", "Sơn La"


@pytest.fixture(scope="module")
def roster() -> Roster:
    return Roster.load()


# --- match / canonical ------------------------------------------------------------------

MATCHES = [
    # exact names, aliases and bodies of a unit
    ("Huyện ủy Nậm Pồ", DB, "Huyện ủy Nậm Pồ"),
    ("Ban Thường vụ Huyện ủy Mường Nhé", DB, "Huyện ủy Mường Nhé"),
    ("Ban Thường vụ Huyện ủy Mường Nhé", None, "Huyện ủy Mường Nhé"),
    ("Đảng bộ huyện Tuần Giáo", DB, "Huyện ủy Tuần Giáo"),
    ("Ban Chấp hành Đảng bộ tỉnh", LC, "Tỉnh ủy Lai Châu"),
    ("Đảng bộ tỉnh", SL, "Tỉnh ủy Sơn La"),
    ("Thành ủy Điện Biên Phủ", DB, "Thành ủy Điện Biên Phủ"),
    # the kind with a mark dropped or wrong
    ("Huyên ủy Phong Thổ", LC, "Huyện ủy Phong Thổ"),
    ("Huyện Băc Yên", SL, "Huyện ủy Bắc Yên"),  # a place's mark wrong after a one-word kind
    ("Ban Thường vụ Huyen uy Tam Đường", LC, "Huyện ủy Tam Đường"),
    # a bare "Tỉnh ủy" is the Tỉnh ủy of the text's province, in either spelling
    ("Tỉnh uỷ", SL, "Tỉnh ủy Sơn La"),
    ("Tỉnh ủy", SL, "Tỉnh ủy Sơn La"),
    ("Ban Thường vụ Tỉnh uỷ", DB, "Tỉnh ủy Điện Biên"),
    ("TỈNH UỶ LAI CHÂU", None, "Tỉnh ủy Lai Châu"),
    # "... tỉnh" takes the province
    ("Đảng ủy Công an tỉnh", DB, "Đảng ủy Công an tỉnh Điện Biên"),
    ("Đảng ủy Công an tỉnh", SL, "Đảng ủy Công an tỉnh Sơn La"),
    ("Ban Tuyên giáo Tỉnh ủy", LC, "Ban Tuyên giáo Tỉnh ủy Lai Châu"),
    ("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", DB, "Ủy ban MTTQ Việt Nam tỉnh Điện Biên"),
    ("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", LC, "Ủy ban MTTQ Việt Nam tỉnh Lai Châu"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", SL, "Ủy ban MTTQ Việt Nam tỉnh Sơn La"),
    ("Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh", DB, "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh Điện Biên"),
    # central bodies, whatever the province
    ("Bộ Chính trị", DB, "Bộ Chính trị"),
    ("Ban Bí thư", SL, "Ban Bí thư"),
    ("Ban Chấp hành Trung ương Đảng", None, "Ban Chấp hành Trung ương"),
    ("Thủ tướng Chính phủ", LC, "Thủ tướng Chính phủ"),
    # places that share words: never the longer or the other one
    ("Huyện ủy Điện Biên", DB, "Huyện ủy Điện Biên"),
    ("Ban Thường vụ Huyện ủy Điện Biên", DB, "Huyện ủy Điện Biên"),
    ("Huyện ủy Điện Biên Đông", DB, "Huyện ủy Điện Biên Đông"),
    ("Thị ủy Mường Lay", DB, "Thị ủy Mường Lay"),
    ("Huyện ủy Mường La", SL, "Huyện ủy Mường La"),
    ("Huyện ủy Mường La", DB, None),  # Mường La is in Sơn La
    ("Thị ủy Mường Lay", SL, None),  # Mường Lay is in Điện Biên
    ("Huyện ủy Mường Lay", DB, None),  # a Thị ủy, never the Sơn La Huyện ủy Mường La
    ("Thị ủy Mường La", SL, None),
    ("Thành ủy Điện Biên", DB, None),  # neither Thành ủy Điện Biên Phủ nor Huyện ủy Điện Biên
    ("Ban Tuyên giáo và Dân vận Thành ủy Lai Châu", LC, None),  # a city's board, never the Tỉnh ủy's
    # misspellings within reach
    ("Huyện ủy Tòa Chùa", DB, "Huyện ủy Tủa Chùa"),
    ("Huyện uỷ Toà Chùa", DB, "Huyện ủy Tủa Chùa"),
    ("Huyện ủy Sin Hồ", LC, "Huyện ủy Sìn Hồ"),
    # units of another province, unknown names, kinds without a place
    ("Huyện ủy Mường Nhé", SL, None),
    ("Huyện ủy Tủa Chùa", SL, None),
    ("Huyện ủy Hoàng Su Phì", DB, None),
    ("Huyện ủy Hoàng Xu Phì", "Hà Giang", "Huyện ủy Hoàng Su Phì"),  # a district of a neighbouring province, misspelt
    ("Huyện ủy Thach An", "Cao Bằng", "Huyện ủy Thạch An"),
    ("Thành ủy Vinh", "Nghệ An", "Thành ủy Vinh"),
    ("Sở Giáo dục và Đào tạo", DB, None),
    ("Ban Chỉ đạo 35", DB, None),
    ("Huyện ủy", DB, None),
    ("Tỉnh ủy", None, None),
    ("Đảng ủy Công an tỉnh", None, None),
    ("Chi bộ thôn Pa Ham", DB, None),
    # a word that is another word, not a typo of it, makes another unit
    ("Huyện ủy Chợ Lộc", "Nghệ An", None),  # not Huyện ủy Nghi Lộc
    ("Đảng ủy Khối các cơ quan tỉnh Lai Châu", LC, None),  # not Đảng ủy các cơ quan Đảng tỉnh Lai Châu
]


@pytest.mark.parametrize("phrase,province,expected", MATCHES)
def test_canonical(roster, phrase, province, expected):
    assert roster.canonical(phrase, province) == expected


UNLISTED = [
    ("Đảng ủy xã Mường Phăng", "Đảng ủy xã Mường Phăng"),
    ("ĐẢNG ỦY XÃ MƯỜNG PHĂNG", "Đảng ủy xã Mường Phăng"),  # a letterhead's capitals
    ("CHI BỘ TRƯỜNG THCS CÒ NÒI", "Chi bộ Trường THCS Cò Nòi"),  # its abbreviation kept in capitals
    ("Chi bộ Trường THCS Bản Lầu", "Chi bộ Trường THCS Bản Lầu"),  # an acronym in a name stays
    ("Chi bộ Thôn Na Lốc 1", "Chi bộ thôn Na Lốc 1"),
    ("Ủy ban Kiểm tra Thành ủy Điện Biên Phủ", "Ủy ban Kiểm tra Thành ủy Điện Biên Phủ"),  # a commission, not its committee
    ("Ủy ban Kiểm tra Đảng ủy xã Huổi Lèng", "Ủy ban Kiểm tra Đảng ủy xã Huổi Lèng"),
    ("Đảng bộ thị trấn Sông Mã", "Đảng ủy thị trấn Sông Mã"),  # a commune's party organisation: its committee
    ("Đảng bộ xã Mường Phăng", "Đảng ủy xã Mường Phăng"),
    ("Đảng ủy xã", None),
    ("Đảng ủy xã vùng cao", None),
    ("Đảng ủy xã Lò Văn Hặc", None),  # "Bí thư Đảng ủy xã Lò Văn Hặc": a person, not a commune
    ("ĐẢNG ỦY XÃ LÒ VĂN HẶC", None),
    ("Đảng ủy xã Tả Văn Chư", "Đảng ủy xã Tả Văn Chư"),  # "Văn" second in a place, after no family name
]


@pytest.mark.parametrize("phrase,expected", UNLISTED)
def test_unlisted_names_keep_their_spelling(phrase, expected):
    assert unlisted(phrase) == expected


def test_exact_and_fuzzy_scores(roster):
    assert roster.match("Ban Thường vụ Huyện ủy Mường Nhé", DB).score == 100
    fuzzy = roster.match("Huyện ủy Tòa Chùa", DB)
    assert fuzzy.unit.id == "dien-bien/huyen-uy-tua-chua"
    assert 86 <= fuzzy.score < 100


def test_canonical_of_nothing(roster):
    assert roster.canonical(None, DB) is None
    assert roster.canonical("", DB) is None


def test_by_name_is_exact(roster):
    assert roster.by_name("Huyện ủy Mường Ảng").id == "dien-bien/huyen-uy-muong-ang"
    assert roster.by_name("Huyện ủy Mường Ang") is None


def test_canonical_names_use_new_style_tones(roster):
    assert all("uỷ" not in u.name and "Uỷ" not in u.name for u in roster.units.values())
    assert roster.by_name("Huyện ủy Tủa Chùa") is not None


# --- bare kinds: "Ban Thường vụ Huyện ủy" ------------------------------------------------

BARE = [
    ("Ban Thường vụ Huyện đoàn", "Tại Mường Nhé, huyện biên giới xa nhất của tỉnh, ", DB, None, "Huyện đoàn Mường Nhé"),
    # a part of a paragraph labelled with its district: the committee named by its kind alone after it is that one's
    ("Ban Thường vụ Huyện ủy", "Huyện ủy Tủa Chùa ban hành Kế hoạch. Tuần Giáo: 100% chi bộ. Mường Ảng: sau khi có Kết luận "
     "01, ", DB, None, "Huyện ủy Mường Ảng"),
    ("Đảng ủy xã", "Kết quả đạt được. Ban Chỉ Đạo: ", DB, None, None),  # (a label naming no place)
    # a district the roster lacks only after its word: "ở Pá Chặp" names a village, no "Huyện ủy Pá Chặp"
    ("Ban Thường vụ Huyện ủy", "Đánh giá cách làm ở Pá Chặp, đồng chí Bí thư cho biết ", SL, None, None),
    ("Ban Thường vụ Huyện ủy", "Tại huyện Mù Cang Chải, ", "Yên Bái", None, "Huyện ủy Mù Cang Chải"),
    # a People's Committee named by its level alone in a city's or a town's text: that city's (town's)
    ("UBND thành phố", "", SL, "Thành ủy Sơn La", "UBND thành phố Sơn La"),
    ("Ủy ban nhân dân thị xã", "", DB, "Thị ủy Mường Lay", "UBND thị xã Mường Lay"),
    ("UBND huyện", "", SL, "Thành ủy Sơn La", None),
    ("Ban Thường vụ Huyện ủy", "Tại huyện Mai Sơn, ", SL, None, "Huyện ủy Mai Sơn"),
    ("Ban Thường vụ Huyện ủy", "Tại huyện Mai Sơn, ", None, None, "Huyện ủy Mai Sơn"),
    ("Ban Thường vụ Huyện ủy", "Ở Mộc Châu, ", SL, None, "Huyện ủy Mộc Châu"),
    ("Huyện uỷ", "Tại huyện Tủa Chùa, ", DB, None, "Huyện ủy Tủa Chùa"),
    ("Huyện ủy", "Huyện ủy Mường Nhé tổ chức hội nghị quán triệt. Sau hội nghị, ", DB, None,
     "Huyện ủy Mường Nhé"),
    # the one named last wins
    ("Ban Thường vụ Huyện ủy", "Tại huyện Mai Sơn, các chi bộ đăng ký việc làm. Tại huyện Yên Châu, ", SL, None,
     "Huyện ủy Yên Châu"),
    ("Ban Thường vụ Thành ủy", "Tại thành phố Sơn La, ", SL, None, "Thành ủy Sơn La"),
    ("Ban Thường vụ Thị ủy", "Tại thị xã Mường Lay, ", DB, None, "Thị ủy Mường Lay"),
    # nothing named before: the author, when it is of that kind
    ("Ban Thường vụ Huyện ủy", "", DB, "Huyện ủy Nậm Pồ", "Huyện ủy Nậm Pồ"),
    ("Ban Thường vụ Huyện ủy", "Tại huyện Hoàng Su Phì, ", DB, "Huyện ủy Nậm Pồ", "Huyện ủy Nậm Pồ"),
    ("Ban Thường vụ Huyện ủy", "", DB, "Tỉnh ủy Điện Biên", None),
    ("Ban Thường vụ Huyện ủy", "", DB, None, None),
    # a place of another province is no unit here
    ("Ban Thường vụ Huyện ủy", "Tại huyện Mai Sơn, ", DB, None, None),
    # only district-level kinds are named without their place
    ("Ban Thường vụ Tỉnh ủy", "Tại huyện Mai Sơn, ", SL, None, None),
    ("Đảng ủy Công an tỉnh", "Tại huyện Mai Sơn, ", SL, None, None),
    # a district the roster does not know anywhere, named before (Thái Nguyên's districts are not listed)
    ("Ban Thường vụ Huyện ủy", "Ban Thường vụ Huyện ủy Đại Từ ban hành Kế hoạch. ", "Thái Nguyên", None,
     "Huyện ủy Đại Từ"),
    ("Ban Thường vụ Huyện ủy", "Ban Thường vụ Huyện ủy Đại Từ ban hành Kế hoạch. ", "Thái Nguyên",
     "Huyện ủy Phú Lương", "Huyện ủy Phú Lương"),  # the author first
    # a listed district named before (Yên Bái's are listed)
    ("Ban Thường vụ Huyện ủy", "Ban Thường vụ Huyện ủy Mù Cang Chải ban hành Kế hoạch. ", "Yên Bái", None,
     "Huyện ủy Mù Cang Chải"),
    # the beginning of the author's name names the author
    ("Ban Thường vụ Đảng ủy Khối", "", SL, "Đảng ủy Khối các cơ quan tỉnh Sơn La", "Đảng ủy Khối các cơ quan tỉnh Sơn La"),
    ("Ban Thường vụ Đảng ủy Khối", "", SL, "Huyện ủy Mai Sơn", None),
    # a district's or commune's body without its place: the one of the place whose committee is named last
    ("Ủy ban MTTQ Việt Nam huyện", "Huyện ủy Nậm Nhùn sơ kết 6 tháng. ", LC, None, "Ủy ban MTTQ Việt Nam huyện Nậm Nhùn"),
    ("Công an huyện", "Tại huyện Mường Chà, ", DB, None, "Công an huyện Mường Chà"),
    ("Hội Nông dân xã", "Đảng ủy xã Chà Cang đã tổ chức hội nghị. ", DB, None, "Hội Nông dân xã Chà Cang"),
    ("Hội Nông dân huyện", "", DB, "Huyện ủy Nậm Pồ", "Hội Nông dân huyện Nậm Pồ"),
    ("Công an huyện", "Tại tỉnh, ", DB, None, None),
    ("Hội Nông dân huyện", "", DB, "Tỉnh ủy Điện Biên", None),
    # "Đảng ủy" and "Chi bộ" alone: the author of that kind, else the commune committee (village cell) named last
    ("Đảng ủy", "Đảng ủy xã Chà Cang (huyện Nậm Pồ) đưa việc học tập vào sinh hoạt. ", DB, None, "Đảng ủy xã Chà Cang"),
    ("Đảng ủy", "Bí thư Đảng ủy xã Lò Văn Hặc cho biết, ", DB, None, None),
    ("Ban Thường vụ Đảng ủy", "Đảng ủy xã Chà Cang họp. ", DB, "Đảng ủy Công an tỉnh Điện Biên",
     "Đảng ủy Công an tỉnh Điện Biên"),
    ("Chi bộ", "Chi bộ bản Nà Cang là một điểm sáng. ", DB, None, "Chi bộ bản Nà Cang"),
    ("Chi bộ", "Chi bộ tổ dân phố 5 và Chi bộ thôn Nà Pẹt đều đăng ký. ", DB, None, "Chi bộ thôn Nà Pẹt"),
    ("Chi bộ", "Huyện ủy Nậm Pồ chỉ đạo. ", DB, None, None),
    # communes and wards after 2025: a commune named with its word, even where a former district bears the name
    ("Ban Thường vụ Đảng ủy phường", "Tại phường Tân Phong, ", LC, None, "Đảng ủy phường Tân Phong"),
    ("Đảng ủy xã", "Ở xã Sìn Hồ, ", LC, None, "Đảng ủy xã Sìn Hồ"),
    ("Đảng ủy xã", "Ở Sìn Hồ, ", LC, None, None),
    ("UBND phường", "Đảng ủy phường Tô Hiệu tổ chức hội nghị; lãnh đạo ", SL, None, "UBND phường Tô Hiệu"),
    ("Đảng ủy xã", "II. KẾT QUẢ Ở CÁC CHI BỘ TRỰC THUỘC\n", DB, None, None),  # a heading's capitals name no place
]


DEPARTMENTS = [
    ("Đảng ủy Sở Giáo dục và Đạo tạo", SL, "Đảng ủy Sở Giáo dục và Đào tạo tỉnh Sơn La"),  # a typo mended
    ("Chi bộ Sở Tư pháp", SL, "Chi bộ Sở Tư pháp tỉnh Sơn La"),
    ("Sở Y tế", LC, "Sở Y tế tỉnh Lai Châu"),
    ("Sở Nội vụ tỉnh Lai Châu", SL, "Sở Nội vụ tỉnh Lai Châu"),  # its own province written
    ("Chi bộ Kho bạc Nhà nước tỉnh", DB, "Chi bộ Kho bạc Nhà nước tỉnh Điện Biên"),
    ("Chi bộ Chi cục Trồng trọt và Bảo vệ thực vật tỉnh", DB, "Chi bộ Chi cục Trồng trọt và Bảo vệ thực vật tỉnh Điện Biên"),
    ("Sở Y tế", None, "Sở Y tế"),
    ("Ủy ban Kiểm tra Tỉnh ủy", "Cao Bằng", "Ủy ban Kiểm tra Tỉnh ủy Cao Bằng"),  # a province the roster lists thin
    ("Chi bộ Ban Tổ chức Tỉnh ủy", "Cao Bằng", "Chi bộ Ban Tổ chức Tỉnh ủy Cao Bằng"),
    ("Đảng ủy Sở Giáo", SL, None),  # a name cut short is no department
    # the agencies and mass organisations every province has, where the roster lists the province thin
    ("Đảng ủy Quân sự tỉnh", "Nghệ An", "Đảng ủy Quân sự tỉnh Nghệ An"),
    ("Đảng ủy Bộ đội Biên phòng tỉnh", "Nghệ An", "Đảng ủy Bộ đội Biên phòng tỉnh Nghệ An"),
    ("Đảng ủy Khối các cơ quan tỉnh", "Thanh Hóa", "Đảng ủy Khối các cơ quan tỉnh Thanh Hóa"),
    ("Hội Nông dân tỉnh", "Nghệ An", "Hội Nông dân tỉnh Nghệ An"),
    ("Tỉnh đoàn", "Nghệ An", "Tỉnh đoàn Nghệ An"),
    ("Công an xã", "Nghệ An", None),
    ("Hội Nông dân huyện", "Nghệ An", None),
    # the district and commune bodies of every province, by kind and place
    ("Đảng ủy Công an huyện Phong Thổ", LC, "Đảng ủy Công an huyện Phong Thổ"),
    ("Đảng ủy Đồn Biên phòng A Pa Chải", DB, "Đảng ủy Đồn Biên phòng A Pa Chải"),
    ("Chi bộ Đồn Biên phòng Mường Lói", DB, "Chi bộ Đồn Biên phòng Mường Lói"),  # the cell of a post the roster lacks
    ("Chi bộ Công an xã Thanh Nưa", DB, "Chi bộ Công an xã Thanh Nưa"),
    ("Chi bộ Giàng A Lử", SL, None),  # "Bí thư Chi bộ Giàng A Lử cho biết": a Mông person's name, no cell
    # a commune's notes: "CB" for a village's Chi bộ
    ("CB bản Phát", SL, "Chi bộ bản Phát"),
    ("CB thôn Nà Pẹt", "Hà Giang", "Chi bộ thôn Nà Pẹt"),
    # the Front and the mass organisations in full or in short, at every level
    ("Hội LHPN huyện Yên Châu", SL, "Hội Liên hiệp Phụ nữ huyện Yên Châu"),
    ("Hội LHPN thành phố Sơn La", SL, "Hội Liên hiệp Phụ nữ thành phố Sơn La"),
    ("Hội CCB huyện Tam Đường", LC, "Hội Cựu chiến binh huyện Tam Đường"),
    ("Ủy ban MTTQ xã Quài Tở", DB, "Ủy ban MTTQ Việt Nam xã Quài Tở"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam xã Quài Tở", DB, "Ủy ban MTTQ Việt Nam xã Quài Tở"),
    ("Ủy ban MTTQ huyện Tuần Giáo", DB, "Ủy ban MTTQ Việt Nam huyện Tuần Giáo"),
    ("Ủy ban MTTQ Việt Nam thị trấn Tuần Giáo", DB, "Ủy ban MTTQ Việt Nam thị trấn Tuần Giáo"),
    ("Hội Liên hiệp Phụ nữ huyện Tam Đường", LC, "Hội Liên hiệp Phụ nữ huyện Tam Đường"),
    ("Ban Tuyên giáo Huyện ủy Bát Xát", "Lào Cai", "Ban Tuyên giáo Huyện ủy Bát Xát"),
    ("Sở Tài chính đã", SL, None),
    ("Ban Chỉ đạo 35", SL, None),
]


@pytest.mark.parametrize("phrase,province,expected", DEPARTMENTS)
def test_departments_the_roster_knows_by_name(roster, phrase, province, expected):
    """A province's departments (units.json `departments`), their party committees and cells."""
    assert roster.name(phrase, province) == expected


AGENCIES = [
    ("Đảng bộ Sở Y tế", DB, None, "Đảng ủy Sở Y tế tỉnh Điện Biên"),  # a party organisation is named by its committee
    ("Chi bộ Phòng Giáo dục và Đào tạo", LC, "Huyện ủy Tam Đường", "Chi bộ Phòng Giáo dục và Đào tạo huyện Tam Đường"),
    ("Đảng bộ Công an huyện", LC, "Huyện ủy Tam Đường", "Đảng ủy Công an huyện Tam Đường"),
    ("Chi bộ Văn phòng Huyện ủy", LC, "Huyện ủy Tam Đường", "Chi bộ Văn phòng Huyện ủy Tam Đường"),
    ("Chi bộ Trung tâm Y tế huyện", SL, "Huyện ủy Mai Sơn", "Chi bộ Trung tâm Y tế huyện Mai Sơn"),
    ("Chi bộ Phòng Giáo dục và Đào tạo", LC, "Tỉnh ủy Lai Châu", None),  # no district to say
    ("Trung tâm Chính trị huyện Tuần Giáo", DB, None, "Trung tâm Chính trị huyện Tuần Giáo"),  # the office itself
    ("Phòng Giáo dục và Đào tạo", DB, "Huyện ủy Tủa Chùa", "Phòng Giáo dục và Đào tạo huyện Tủa Chùa"),
    # a town's or a city's offices, in its committee's text or with the town written after them
    ("Đảng bộ Công an thị xã", DB, "Thị ủy Mường Lay", "Đảng ủy Công an thị xã Mường Lay"),
    ("Chi bộ Phòng Giáo dục và Đào tạo", DB, "Thị ủy Mường Lay", "Chi bộ Phòng Giáo dục và Đào tạo thị xã Mường Lay"),
    ("Đảng bộ Công an thị xã Mường Lay", DB, None, "Đảng ủy Công an thị xã Mường Lay"),
    # the Front and the mass organisations named without their level: of the level of the text's unit
    ("Hội Nông dân", LC, "Huyện ủy Tam Đường", "Hội Nông dân huyện Tam Đường"),
    ("Ban Thường vụ Hội LHPN", LC, "Huyện ủy Tam Đường", "Hội Liên hiệp Phụ nữ huyện Tam Đường"),
    ("Ủy ban MTTQ", LC, "Huyện ủy Tam Đường", "Ủy ban MTTQ Việt Nam huyện Tam Đường"),
    ("Hội Nông dân", LC, "Tỉnh ủy Lai Châu", "Hội Nông dân tỉnh Lai Châu"),
    ("Hội Nông dân tỉnh", LC, "Huyện ủy Tam Đường", "Hội Nông dân tỉnh Lai Châu"),
    ("BCH Đảng bộ xã", SL, "Đảng ủy xã Chiềng Mung", "Đảng ủy xã Chiềng Mung"),  # its Ban Chấp hành, in short
    ("Đảng bộ Bệnh viện Đa khoa tỉnh", DB, None, "Đảng ủy Bệnh viện Đa khoa tỉnh Điện Biên"),
    ("Đảng ủy Công ty Điện lực Điện Biên", DB, None, "Đảng ủy Công ty Điện lực Điện Biên"),
    ("Chi bộ trường học", DB, None, None),
    ("Chi bộ Trường Mầm non Chiềng Hặc", SL, None, "Chi bộ Trường Mầm non Chiềng Hặc"),
    # an agency's cells named by their team or office alone, in its committee's text
    ("Chi bộ Đội An ninh", LC, "Đảng ủy Công an huyện Tân Uyên", "Chi bộ Đội An ninh Công an huyện Tân Uyên"),
    ("Chi bộ Văn phòng Sở", DB, "Đảng ủy Sở Giáo dục và Đào tạo tỉnh Điện Biên",
     "Chi bộ Văn phòng Sở Giáo dục và Đào tạo tỉnh Điện Biên"),
    ("Chi bộ Đội An ninh", LC, "Đảng ủy xã Pắc Ta", None),  # a commune's cells are its villages'
    ("Chi bộ Đội An ninh", LC, None, None),
    ("Đảng bộ Phòng Cảnh sát cơ động", DB, "Đảng ủy Công an tỉnh Điện Biên",
     "Đảng ủy Phòng Cảnh sát cơ động Công an tỉnh Điện Biên"),  # an office's committee too
    ("Đảng ủy Khối Cơ quan", DB, "Đảng ủy Công an tỉnh Điện Biên", None),  # no office of the agency
    # the courts, the procuracy; an agency's office cell with its level
    ("Đảng ủy Viện Kiểm sát nhân dân tỉnh", LC, None, "Đảng ủy Viện Kiểm sát nhân dân tỉnh Lai Châu"),
    ("Đảng ủy Tòa án nhân dân tỉnh", LC, None, "Đảng ủy Tòa án nhân dân tỉnh Lai Châu"),
    ("Liên minh Hợp tác xã tỉnh", SL, None, "Liên minh Hợp tác xã tỉnh Sơn La"),
    ("Chi bộ Viện Kiểm sát nhân dân huyện", DB, "Huyện ủy Mường Chà", "Chi bộ Viện Kiểm sát nhân dân huyện Mường Chà"),
    ("Chi bộ Cơ quan Ủy ban MTTQ Việt Nam tỉnh", LC, "Đảng ủy các cơ quan Đảng tỉnh Lai Châu",
     "Chi bộ Cơ quan Ủy ban MTTQ Việt Nam tỉnh Lai Châu"),
    ("Chi bộ Cơ quan Huyện ủy", LC, "Tỉnh ủy Lai Châu", None),  # whose, the text says elsewhere
    # a commune's cells named with its level alone, or by a quarter's number, in its committee's text
    ("Chi bộ Trạm Y tế xã", DB, "Đảng ủy xã Quài Cang", "Chi bộ Trạm Y tế xã Quài Cang"),
    ("Chi bộ Trạm Y tế thị trấn", LC, "Đảng ủy thị trấn Phong Thổ", "Chi bộ Trạm Y tế thị trấn Phong Thổ"),
    ("Chi bộ tổ dân phố số 3", LC, "Đảng ủy thị trấn Phong Thổ", "Chi bộ tổ dân phố số 3 thị trấn Phong Thổ"),
    ("Chi bộ tổ dân phố 5", SL, "Đảng ủy phường Chiềng Lề", "Chi bộ tổ dân phố 5 phường Chiềng Lề"),
    ("Chi bộ tổ dân phố 5", SL, "Thành ủy Sơn La", "Chi bộ tổ dân phố 5"),
    # a district misspelt in a name the roster lacks: one letter or mark apart, or letters the northern speech merges
    ("Đảng ủy Công an huyện Mường Trà", DB, None, "Đảng ủy Công an huyện Mường Chà"),
    ("Hội Nông dân huyện Tòa Chùa", DB, None, "Hội Nông dân huyện Tủa Chùa"),
    ("Đảng ủy Công an huyện Mường La", DB, None, "Đảng ủy Công an huyện Mường La"),  # (Sơn La's, not Mường Lay)
    # a commune's youth union; a district's, named by its kind after the district
    ("Đoàn xã Leng Su Sìn", DB, None, "Đoàn xã Leng Su Sìn"),
    # a district committee's name with a tone mark wrong, in a text of no known province
    ("Huyện ủy Vi Xuyên", None, None, "Huyện ủy Vị Xuyên"),
    ("Huyện ủy Tam Uyên", None, None, "Huyện ủy Tam Uyên"),  # (Than Uyên has other letters)
]


@pytest.mark.parametrize("phrase,province,author,expected", AGENCIES)
def test_agencies_party_committees_and_cells(roster, phrase, province, author, expected):
    """District offices (units.json `district_departments`) of the text's district committee; other agencies
    as written, with their province when "tỉnh" ends the name."""
    assert roster.name(phrase, province, "", author) == expected


@pytest.mark.parametrize("phrase,before,province,author,expected", BARE)
def test_bare(roster, phrase, before, province, author, expected):
    assert roster.bare(phrase, before, province, author) == expected


# --- province_of ------------------------------------------------------------------------

PROVINCES = [
    ("Tỉnh ủy Sơn La tổ chức hội nghị quán triệt nghị quyết.", SL),
    ("Các huyện Mường Nhé, Nậm Pồ, Tủa Chùa đều hoàn thành chỉ tiêu.", DB),
    ("Tại Mai Sơn và Thuận Châu, các chi bộ đăng ký việc làm theo.", SL),
    ("Phong Thổ, Sìn Hồ, Tam Đường dẫn đầu phong trào.", LC),
    ("Hội nghị được tổ chức tại thành phố Điện Biên Phủ.", DB),
    ("Đoàn công tác làm việc với huyện Điện Biên Đông.", DB),
    ("Thị xã Mường Lay tổ chức lễ hội đua thuyền.", DB),
    ("Huyện ủy Mường La ban hành kế hoạch.", SL),
    ("Các chi bộ sinh hoạt chuyên đề hằng tháng.", None),
    ("", None),
    # a name ending its line, the next one opening with a capital, is no part of a longer name
    ("BÁO CÁO\nkết quả thực hiện Kế hoạch số 04-KH/TU của Ban Thường vụ Tỉnh ủy An Giang\n\nI. CÔNG TÁC TRIỂN KHAI", "An Giang"),
    # a commune's name is no vote for the district of another province that bears it
    ("Đảng ủy xã Mường Khương, Đảng ủy thị trấn Mường Khương đã ban hành kế hoạch.", None),
]


@pytest.mark.parametrize("text,expected", PROVINCES)
def test_province_of(roster, text, expected):
    assert roster.province_of(text) == expected


# --- spelling keys ------------------------------------------------------------------------

SPELLING = [
    ("Tỉnh uỷ", "Tỉnh ủy"),
    ("TỈNH UỶ", "TỈNH ỦY"),
    ("hoá", "hóa"),
    ("Khoá XIII", "Khóa XIII"),
    ("KHOÁ", "KHÓA"),
    ("Toà Chùa", "Tòa Chùa"),
    ("thuỷ lợi", "thủy lợi"),
    ("khoẻ", "khỏe"),
    ("tuỳ", "tùy"),
    ("hoà bình", "hòa bình"),
    # "uy" after q and tones not on the final vowel are not old-style
    ("Quỳnh Nhai", "Quỳnh Nhai"),
    ("QUỲNH", "QUỲNH"),
    ("quý", "quý"),
    ("QUÝ", "QUÝ"),
    ("Quỷ", "Quỷ"),
    ("uỷ ban", "ủy ban"),  # at the very start: nothing before the pair
    ("(uỷ", "(ủy"),
    ("khuya", "khuya"),
    ("thuyền", "thuyền"),
    ("toàn", "toàn"),
    ("hoàn thành", "hoàn thành"),
    ("Kế hoạch", "Kế hoạch"),
    ("Ủy ban", "Ủy ban"),
    # spaces
    ("Huyện  uỷ\n Mường  Nhé ", "Huyện ủy Mường Nhé"),
    # NFD in, NFC out
    (unicodedata.normalize("NFD", "Tỉnh uỷ Điện Biên"), "Tỉnh ủy Điện Biên"),
]


@pytest.mark.parametrize("written,expected", SPELLING)
def test_spelling(written, expected):
    out = spelling(written)
    assert out == expected
    assert unicodedata.is_normalized("NFC", out)


def test_both_spellings_give_one_key():
    assert spelling("Tỉnh uỷ") == spelling("Tỉnh ủy")
    assert key("Ban Thường vụ Tỉnh uỷ") == key("ban thường vụ tỉnh ủy")
    assert spelling(spelling("Huyện uỷ Toà Chùa")) == spelling("Huyện uỷ Toà Chùa")


FOLDS = [
    ("Tủa Chùa", "tua chua"),
    ("Huyện uỷ Tòa Chùa", "huyen uy toa chua"),
    ("Đảng ủy Công an tỉnh Điện Biên", "dang uy cong an tinh dien bien"),
    ("Mường Ảng", "muong ang"),
    ("Quỳnh Nhai", "quynh nhai"),
    ("", ""),
]


@pytest.mark.parametrize("written,expected", FOLDS)
def test_fold(written, expected):
    assert fold(written) == expected


def test_fold_keeps_places_apart_that_differ_in_letters():
    assert fold("Mường Lay") != fold("Mường La")
    assert fold("Tủa Chùa") == fold("Tùa Chua")


# --- text typed without its marks ----------------------------------------------------------------

MARKS = [
    ("Thuc hien Ke hoach so 29-KH/TU cua Ban Thuong vu Tinh uy", True,
     "Thực hiện Kế hoạch số 29-KH/TU của Ban Thường vụ Tỉnh ủy"),
    ("HUYEN UY Tuan Giao da ban hanh Ke hoach so 47-KH/HU ve trien khai thuc hien Ket luan 01", True,
     "HUYỆN ỦY Tuần Giáo đã ban hành Kế hoạch số 47-KH/HU về triển khai thực hiện Kết luận 01"),
    # Vietnamese with its marks is left as it is; so is a line too short to tell
    ("Huyện ủy Tuần Giáo đã ban hành Kế hoạch số 47-KH/HU về triển khai thực hiện Kết luận 01", False, None),
    ("Ke hoach so 47", False, None),
    # a table's row of figures is counted over its letters: "ngày" has its marks, so "Xa Dung" stays (no "Xã Dung")
    ("| 10 | Xa Dung | 28-KH/ĐU ngày 31/01/2024 | KH 176 | 01 | 109 | 01 | 104 | |", False, None),
]


@pytest.mark.parametrize("typed,bare,expected", MARKS)
def test_text_without_marks_gets_the_marks_of_the_words_the_rules_read(typed, bare, expected):
    from ingest.clean import unmarked, with_marks
    assert unmarked(typed) is bare
    if bare:
        assert with_marks(typed, ("Tuần Giáo",)) == expected


@given(st.text(alphabet=st.sampled_from(list("aeiouydhKkTtNnGg Huyen uy Ke hoach so,.ĐđƯư\n")), max_size=200))
def test_marks_put_back_keep_every_position(text):
    from ingest.clean import with_marks
    marked = with_marks(text, ("Tuần Giáo",))
    assert len(marked) == len(text) and fold(marked) == fold(text)
