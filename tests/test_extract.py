"""ingest.extract.find: citations of documents in Vietnamese text, with their exact spans.

Every row of the tables below is a sentence written for this test (in the style of
data/sample) and the citations `find` must give for it. Only the attributes a row
names are compared; `subject` is compared as a prefix.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.extract import find
from ingest.registry import Registry
from ingest.units import Roster

DB, LC, SL = "Điện Biên", "Lai Châu", "Sơn La"


@pytest.fixture(scope="module")
def data():
    return Roster.load(), Registry.load()


def run(data, text: str, province: str | None):
    roster, registry = data
    return find(text, "test.txt", roster, registry, province=province)


def C(surface: str, kind: str, **attrs) -> dict:
    """An expected citation: its surface, kind and whatever else the row checks."""
    return {"surface": surface, "kind": kind, **attrs}


def check(cits, expected: list[dict], text: str):
    got = [(c.surface, c.kind.value) for c in cits]
    assert len(cits) == len(expected), f"expected {[(e['surface'], e['kind']) for e in expected]}, got {got}"
    for c, e in zip(cits, expected):
        assert text[c.start:c.end] == c.surface
        for attr, want in e.items():
            have = getattr(c, attr)
            if attr == "kind":
                have = have.value
            if attr == "subject":
                assert have is not None and have.startswith(want), (attr, have, want)
            else:
                assert have == want, (c.surface, attr, have, want)


# --- party codes -------------------------------------------------------------------

PARTY_CODES = [
    pytest.param(
        "Đảng ủy thị trấn Mường Ảng ban hành Kế hoạch số 71-KH/ÐU, ngày 10/7/2024.", DB,
        [C("Kế hoạch số 71-KH/ÐU, ngày 10/7/2024", "full", number="71", code="KH/ĐU", date="2024-07-10")],
        id="a code typed with the eth (Ð) for Đ"),
    pytest.param(
        "Tỉnh ủy ban hành Nghị quyết số 19-NQ/TU về du lịch. Vân Hồ ban hành kế hoạch thực hiện Nghị quyết 19-NQ/TW của "
        "Tỉnh ủy.", SL,
        [C("Nghị quyết số 19-NQ/TU", "full", code="NQ/TU"), C("Nghị quyết 19-NQ/TW", "full", code="NQ/TU")],
        id="TW typed for TU: the Tỉnh ủy's, whose number the text cites with TU"),
    pytest.param(
        "Học tập các Nghị quyết số 18, 19-NQ/TW của Hội nghị Trung ương 6 khóa XII.", DB,
        [C("Nghị quyết số 18", "short", number="18", code="NQ/TW"), C("19-NQ/TW", "code", number="19", code="NQ/TW")],
        id="a number written alone shares the next one's code"),
    pytest.param(
        "Thực hiện Chỉ thị 05 và Kết luận 01-KL/TW của Bộ Chính trị.", DB,
        [C("Chỉ thị 05", "short", code=None), C("Kết luận 01-KL/TW", "full")],
        id="but not a code of another type"),
    pytest.param(
        "Quán triệt các Nghị quyết số 18, 19, 20-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương.", DB,
        [C("Nghị quyết số 18", "short", number="18", code="NQ/TW", date="2017-10-25"),
         C("19", "short", type="Nghị quyết", number="19", code="NQ/TW", date="2017-10-25"),
         C("20-NQ/TW ngày 25/10/2017", "code", number="20", date="2017-10-25")],
        id="the numbers inside a list are citations too, with the last one's code and date"),
    pytest.param(
        "Huyện ủy ban hành các Kế hoạch số 12, 13 và 14-KH/HU để thực hiện.", DB,
        [C("Kế hoạch số 12", "short", code="KH/HU"), C("13", "short", type="Kế hoạch", code="KH/HU"),
         C("14-KH/HU", "code")],
        id="a list ended by và"),
    pytest.param(
        "Thực hiện Chỉ thị số O5-CT/TW ngày 15/5/2016 và Nghị quyết số l5-NQ/TU, Kế hoạch số 1O - KH/HU.", DB,
        [C("Chỉ thị số O5-CT/TW ngày 15/5/2016", "full", number="05", code="CT/TW", date="2016-05-15"),
         C("Nghị quyết số l5-NQ/TU", "full", number="15", code="NQ/TU"),
         C("Kế hoạch số 1O - KH/HU", "full", number="10", code="KH/HU")],
        id="OCR: O for 0, l for 1 in a number after a type word"),
    pytest.param(
        "Đảng ủy xã ban hành Nghị quyết chuyên đề số 05-NQ/ĐU, ngày 10/01/2021 và Kế hoạch liên tịch số 12-KH/HU.", DB,
        [C("Nghị quyết chuyên đề số 05-NQ/ĐU, ngày 10/01/2021", "full", number="05", code="NQ/ĐU"),
         C("Kế hoạch liên tịch số 12-KH/HU", "full", number="12")],
        id="a qualifier between the type word and the number"),
    pytest.param(
        "Ban Bí thư ban hành Kết luận\nsố 61-KL/TW, ngày 17/8/2023 và Kết luận số 6l-KL/TW.", DB,
        [C("61-KL/TW, ngày 17/8/2023", "full", type="Kết luận", number="61", line=2, date="2023-08-17"),
         C("Kết luận số 6l-KL/TW", "full", number="61")],
        id="a type word alone at a line's end: the span goes on the line of the number; OCR 6l"),
    pytest.param(
        "Thực hiện Chỉ thị số 05-CT/TW ngay 15/5/2016 của Bộ Chính trị.", DB,
        [C("Chỉ thị số 05-CT/TW ngay 15/5/2016", "full", date="2016-05-15", issuer_unit="Bộ Chính trị")],
        id="ngay without its mark"),
    pytest.param(
        "Thực hiện Chỉ thị số 05-CT/TW (ngày 15/5/2016) của Bộ Chính trị về đẩy mạnh học tập.", DB,
        [C("Chỉ thị số 05-CT/TW (ngày 15/5/2016)", "full", type="Chỉ thị", number="05", code="CT/TW",
           date="2016-05-15", issuer_unit="Bộ Chính trị", subject="về đẩy mạnh học tập")],
        id="date in parentheses"),
    pytest.param(
        "Thực hiện Kết luận số 01-KL/TW (18/5/2021) của Bộ Chính trị và Kết luận số 21-KL/TW, ban hành ngày "
        "25/10/2021 của Ban Chấp hành Trung ương.", DB,
        [C("Kết luận số 01-KL/TW (18/5/2021)", "full", date="2021-05-18", issuer_unit="Bộ Chính trị"),
         C("Kết luận số 21-KL/TW, ban hành ngày 25/10/2021", "full", date="2021-10-25",
           issuer_unit="Ban Chấp hành Trung ương")],
        id="a date alone in parentheses; ban hành ngày"),
    pytest.param(
        "Thực hiện Chỉ thị số 05-CT/TW (ngày 15/5/2016 của Bộ Chính trị).", DB,
        [C("Chỉ thị số 05-CT/TW", "full", type="Chỉ thị", number="05", code="CT/TW", date=None)],
        id="an unclosed parenthesis keeps its date out"),
    pytest.param(
        "Các chi bộ tiếp tục thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh "
        "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.", DB,
        [C("Chỉ thị số 05-CT/TW, ngày 15/5/2016", "full", type="Chỉ thị", number="05", code="CT/TW",
           date="2016-05-15", issuer_unit="Bộ Chính trị", subject="về đẩy mạnh học tập")],
        id="05-CT/TW with date, issuer and subject"),
    pytest.param(
        "Ban Thường vụ Tỉnh ủy ban hành Nghị quyết số 15-NQ/TU, ngày 18/11/2021 về phát triển nông nghiệp "
        "hàng hóa gắn với xây dựng nông thôn mới.", SL,
        [C("Nghị quyết số 15-NQ/TU, ngày 18/11/2021", "full", type="Nghị quyết", number="15", code="NQ/TU",
           date="2021-11-18", issuer_unit="Tỉnh ủy Sơn La", subject="về phát triển nông nghiệp")],
        id="15-NQ/TU issued by Ban Thường vụ Tỉnh ủy (before)"),
    pytest.param(
        "Huyện ủy Nậm Pồ ban hành Kế hoạch số 47-KH/HU, ngày 18/12/2021 về thực hiện Nghị quyết số 15-NQ/TU "
        "của Tỉnh ủy.", DB,
        [C("Kế hoạch số 47-KH/HU, ngày 18/12/2021", "full", type="Kế hoạch", number="47", code="KH/HU",
           date="2021-12-18", issuer_unit="Huyện ủy Nậm Pồ", subject="về thực hiện"),
         C("Nghị quyết số 15-NQ/TU", "full", type="Nghị quyết", number="15", code="NQ/TU", date=None,
           issuer_unit="Tỉnh ủy Điện Biên")],
        id="47-KH/HU issuer before, 15-NQ/TU inside its subject"),
    pytest.param(
        "Ngày 02/3/2022, Ban Thường vụ Thành ủy Sơn La ban hành Kế hoạch số 42-KH/ThU về tuyên truyền "
        "kỷ niệm ngày thành lập tỉnh.", SL,
        [C("Kế hoạch số 42-KH/ThU", "full", type="Kế hoạch", number="42", code="KH/ThU", date="2022-03-02",
           issuer_unit="Thành ủy Sơn La", subject="về tuyên truyền")],
        id="42-KH/ThU, the date the sentence opens with, when its verb issues the citation"),
    pytest.param(
        "Ngày 02/3/2022, hội nghị quán triệt được tổ chức; Thành ủy Sơn La thực hiện Kế hoạch số 42-KH/ThU.", SL,
        [C("Kế hoạch số 42-KH/ThU", "full", date=None)],
        id="a date opening a sentence whose verb is no issuing is not the citation's"),
    pytest.param(
        "Đảng ủy Công an tỉnh ban hành Kế hoạch số 964-KH/ĐUCA, ngày 10/01/2022 về tăng cường công tác "
        "giáo dục chính trị tư tưởng.", DB,
        [C("Kế hoạch số 964-KH/ĐUCA, ngày 10/01/2022", "full", type="Kế hoạch", number="964", code="KH/ĐUCA",
           date="2022-01-10", issuer_unit="Đảng ủy Công an tỉnh Điện Biên")],
        id="964-KH/ĐUCA, Đảng ủy Công an tỉnh gets the province"),
    pytest.param(
        "Ban Tuyên giáo Tỉnh ủy ban hành Kế hoạch số 13-KH/BTGTU ngày 05/3/2021 về tuyên truyền các ngày lễ lớn.",
        LC,
        [C("Kế hoạch số 13-KH/BTGTU ngày 05/3/2021", "full", type="Kế hoạch", number="13", code="KH/BTGTU",
           date="2021-03-05", issuer_unit="Ban Tuyên giáo Tỉnh ủy Lai Châu")],
        id="13-KH/BTGTU"),
    pytest.param(
        "Công văn số 257-CV/ĐUK, ngày 14/9/2022 của Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh về việc tổ chức "
        "hội nghị sơ kết.", DB,
        [C("Công văn số 257-CV/ĐUK, ngày 14/9/2022", "full", type="Công văn", number="257", code="CV/ĐUK",
           date="2022-09-14", issuer_unit="Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh Điện Biên",
           subject="về việc tổ chức")],
        id="257-CV/ĐUK with a long issuer holding lower-case words"),
    pytest.param(
        "Cán bộ chủ chốt gương mẫu thực hiện Quy định số 08-QĐi/TW, ngày 25/10/2018 của Ban Chấp hành Trung ương "
        "về trách nhiệm nêu gương.", DB,
        [C("Quy định số 08-QĐi/TW, ngày 25/10/2018", "full", type="Quy định", number="08", code="QĐi/TW",
           date="2018-10-25", issuer_unit="Ban Chấp hành Trung ương", subject="về trách nhiệm nêu gương")],
        id="08-QĐi/TW"),
    pytest.param(
        "Ủy ban Kiểm tra Tỉnh ủy ban hành Quyết định số 120-QĐ/UBKTTU ngày 10/6/2022 về kiểm tra việc chấp hành.",
        DB,
        [C("Quyết định số 120-QĐ/UBKTTU ngày 10/6/2022", "full", type="Quyết định", number="120",
           code="QĐ/UBKTTU", date="2022-06-10", issuer_unit="Ủy ban Kiểm tra Tỉnh ủy Điện Biên")],
        id="120-QĐ/UBKTTU"),
    pytest.param(
        "Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động số 12-CTr/TU ngày 05/5/2021 về phát triển du lịch.",
        LC,
        [C("Chương trình hành động số 12-CTr/TU ngày 05/5/2021", "full", type="Chương trình",
           number="12", code="CTr/TU", date="2021-05-05", issuer_unit="Tỉnh ủy Lai Châu")],
        id="Chương trình hành động 12-CTr/TU"),
    pytest.param(
        "Các huyện đã hoàn thành Đề án số 05-ĐA/TU ngày 07/7/2021 về giảm nghèo bền vững.", DB,
        [C("Đề án số 05-ĐA/TU ngày 07/7/2021", "full", type="Đề án", number="05", code="ĐA/TU",
           date="2021-07-07")],
        id="Đề án 05-ĐA/TU"),
]

# --- state codes ---------------------------------------------------------------------

STATE_CODES = [
    pytest.param(
        "Đảng ủy Công an tỉnh ban hành Kế hoạch số 2532/KH-ĐU ngày 12/4/2022 về bảo đảm an ninh trật tự.", SL,
        [C("Kế hoạch số 2532/KH-ĐU ngày 12/4/2022", "full", type="Kế hoạch", number="2532", code="KH-ĐU",
           sep="/", date="2022-04-12", issuer_unit="Đảng ủy Công an tỉnh Sơn La")],
        id="2532/KH-ĐU"),
    pytest.param(
        "Thực hiện Kế hoạch số 124/KH-MTTQ-BTT, ngày 20/5/2022 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh "
        "về giám sát việc thực hiện dân chủ ở cơ sở.", LC,
        [C("Kế hoạch số 124/KH-MTTQ-BTT, ngày 20/5/2022", "full", type="Kế hoạch", number="124",
           code="KH-MTTQ-BTT", sep="/", date="2022-05-20", issuer_unit="Ủy ban MTTQ Việt Nam tỉnh Lai Châu",
           subject="về giám sát")],
        id="124/KH-MTTQ-BTT, issuer after"),
    pytest.param(
        "Triển khai Quyết định số 1234/QĐ-TTg ngày 03/8/2021 của Thủ tướng Chính phủ phê duyệt đề án.", DB,
        [C("Quyết định số 1234/QĐ-TTg ngày 03/8/2021", "full", type="Quyết định", number="1234", code="QĐ-TTg",
           sep="/", date="2021-08-03", issuer_unit="Thủ tướng Chính phủ")],
        id="1234/QĐ-TTg"),
    pytest.param(
        "Xử lý vi phạm theo Nghị định 15/2020/NĐ-CP ngày 03/02/2020 của Chính phủ.", DB,
        [C("Nghị định 15/2020/NĐ-CP ngày 03/02/2020", "full", type="Nghị định", number="15", code="NĐ-CP",
           sep="/", date="2020-02-03", issuer_unit="Chính phủ")],
        id="15/2020/NĐ-CP without số"),
    pytest.param(
        "Thực hiện Nghị quyết số 45/NQ-CP ngày 25/8/2012 của Chính phủ về điều chỉnh địa giới hành chính.", DB,
        [C("Nghị quyết số 45/NQ-CP ngày 25/8/2012", "full", type="Nghị quyết", number="45", code="NQ-CP",
           date="2012-08-25", issuer_unit="Chính phủ")],
        id="45/NQ-CP"),
    pytest.param(
        "Thực hiện Nghị quyết số 88/2019/QH14 ngày 18/11/2019 của Quốc hội phê duyệt Đề án tổng thể.", DB,
        [C("Nghị quyết số 88/2019/QH14 ngày 18/11/2019", "full", type="Nghị quyết", number="88", code="QH14",
           date="2019-11-18", issuer_unit="Quốc hội")],
        id="a resolution of the National Assembly is no law (88/2019/QH14)"),
    pytest.param(
        "Căn cứ Luật Giao dịch điện tử số 20/2023/QH15; Luật số 20/2023/QH15 và Nghị quyết số 120/2020/QH14.", DB,
        [C("Luật Giao dịch điện tử số 20/2023/QH15", "full", type="Luật", number="20", code="QH15"),
         C("Luật số 20/2023/QH15", "full", type="Luật", number="20", code="QH15"),
         C("Nghị quyết số 120/2020/QH14", "full", type="Nghị quyết", number="120", code="QH14")],
        id="a law's name holds no number: two citations joined by và stay two"),
    pytest.param(
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nCăn cứ Luật Đất đai năm 2024; Luật này "
        "quy định về đất đai năm 2024.", DB,
        [C("Luật Tổ chức chính quyền địa phương", "named", type="Luật", name="Luật Tổ chức chính quyền địa phương",
           date="2015-06-19"),
         C("Luật Đất đai", "named", type="Luật", name="Luật Đất đai")],
        id="a law named with the day or the year it was passed, no number ('Luật này' is none)"),
]

# --- spelling of the citation itself: số, case, spacing, glued and worded dates -------

FORMS = [
    pytest.param(
        "Huyện ủy triển khai Kế hoạch 61-KH/HU ngày 05/7/2021 đến các chi bộ.", DB,
        [C("Kế hoạch 61-KH/HU ngày 05/7/2021", "full", number="61", code="KH/HU", date="2021-07-05")],
        id="no số"),
    pytest.param(
        "CHỈ THỊ 05-CT/TW NGÀY 15/5/2016 CỦA BỘ CHÍNH TRỊ", DB,
        [C("CHỈ THỊ 05-CT/TW NGÀY 15/5/2016", "full", type="Chỉ thị", number="05", code="CT/TW",
           date="2016-05-15")],
        id="upper case type word and date"),
    pytest.param(
        "NGHỊ QUYẾT SỐ 15-NQ/TU ngày 18/11/2021 của Ban Chấp hành Đảng bộ tỉnh", SL,
        [C("NGHỊ QUYẾT SỐ 15-NQ/TU ngày 18/11/2021", "full", type="Nghị quyết", number="15",
           issuer_unit="Tỉnh ủy Sơn La")],
        id="upper case SỐ; Ban Chấp hành Đảng bộ tỉnh is the Tỉnh ủy"),
    pytest.param(
        "THỰC HIỆN CHỈ THỊ 05 CỦA BỘ CHÍNH TRỊ TRONG NĂM 2023", DB,
        [C("CHỈ THỊ 05", "short", type="Chỉ thị", number="05")],
        id="upper case short form"),
    pytest.param(
        "theo nghị quyết số 15-NQ/TU của Tỉnh ủy", LC,
        [C("nghị quyết số 15-NQ/TU", "full", type="Nghị quyết", number="15", issuer_unit="Tỉnh ủy Lai Châu")],
        id="lower case type word"),
    pytest.param(
        "Quán triệt Kết luận số 21- KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII.", DB,
        [C("Kết luận số 21- KL/TW ngày 25/10/2021", "full", type="Kết luận", number="21", code="KL/TW",
           date="2021-10-25", issuer_unit="Ban Chấp hành Trung ương")],
        id="21- KL/TW (space after dash)"),
    pytest.param(
        "Học tập Chỉ thị 05 - CT/TW của Bộ Chính trị trong sinh hoạt chi bộ.", DB,
        [C("Chỉ thị 05 - CT/TW", "full", number="05", code="CT/TW", issuer_unit="Bộ Chính trị")],
        id="05 - CT/TW (spaces around dash)"),
    pytest.param(
        "Thực hiện Kết luận số O1--KL/TW của Bộ Chính trị.", DB,
        [C("Kết luận số O1--KL/TW", "full", number="01", code="KL/TW", issuer_unit="Bộ Chính trị")],
        id="O1--KL/TW (OCR: O for 0, a doubled hyphen)"),
    pytest.param(
        "Ban hành Quyết định số 1234 - QĐ/TU ngày 05/5/2021 về thành lập đoàn kiểm tra.", DB,
        [C("Quyết định số 1234 - QĐ/TU ngày 05/5/2021", "full", number="1234", code="QĐ/TU")],
        id="four-digit number, spaced dash"),
    pytest.param(
        "Thực hiện Nghị quyết số: 15-NQ/TU ngày 18/11/2021 của Tỉnh ủy.", DB,
        [C("Nghị quyết số: 15-NQ/TU ngày 18/11/2021", "full", number="15", code="NQ/TU", date="2021-11-18")],
        id="số: with a colon"),
    pytest.param(
        "Thực hiện Nghị quyết số15-NQ/TU ngày 18/11/2021 của Tỉnh ủy.", DB,
        [C("Nghị quyết số15-NQ/TU ngày 18/11/2021", "full", number="15", code="NQ/TU", date="2021-11-18")],
        id="số glued to the number"),
    pytest.param(
        "Huyện ủy Mường Ảng ban hành Kế hoạch số 61-KH/HU ngày18/11/2021 về chuyển đổi số.", DB,
        [C("Kế hoạch số 61-KH/HU ngày18/11/2021", "full", number="61", date="2021-11-18",
           issuer_unit="Huyện ủy Mường Ảng")],
        id="glued date ngày18/11/2021"),
    pytest.param(
        "Tỉnh ủy đã ban hành Nghị quyết số 15-NQ/TU ngày 17 tháng 6 năm 2021 về phát triển cây cà phê.", SL,
        [C("Nghị quyết số 15-NQ/TU ngày 17 tháng 6 năm 2021", "full", number="15", date="2021-06-17",
           issuer_unit="Tỉnh ủy Sơn La", subject="về phát triển")],
        id="worded date"),
    pytest.param(
        "Kế hoạch số 47-KH/HU, ngày 18-12-2021 về việc tổ chức học tập chuyên đề.", DB,
        [C("Kế hoạch số 47-KH/HU, ngày 18-12-2021", "full", date="2021-12-18", subject="về việc tổ chức")],
        id="date written with dashes"),
    pytest.param(
        "Kế hoạch số 47-KH/HU, ngày 18.12.2021 về việc tổ chức học tập chuyên đề.", DB,
        [C("Kế hoạch số 47-KH/HU, ngày 18.12.2021", "full", date="2021-12-18")],
        id="date written with dots"),
    pytest.param(
        "Ban hành Kế hoạch số 05-KH/TU ngày 30/2/2021 về phát triển du lịch.", DB,
        [C("Kế hoạch số 05-KH/TU", "full", number="05", date=None)],
        id="impossible date is no date"),
    pytest.param(
        "Thực hiện Kết luận sổ 01-KL/TW và Chỉ thị sô 05-CT/TW của Bộ Chính trị.", DB,
        [C("Kết luận sổ 01-KL/TW", "full", number="01"), C("Chỉ thị sô 05-CT/TW", "full", number="05")],
        id="OCR'd số: sổ, sô"),
    pytest.param(
        "Huyện ủy Mường Ảng ban hành Kế hoạch số 47-KH/HU, ngày\n18/12/2021 về thực hiện chuyển đổi số.", DB,
        [C("Kế hoạch số 47-KH/HU", "full", number="47", date="2021-12-18", line=1,
           issuer_unit="Huyện ủy Mường Ảng", subject="về thực hiện chuyển đổi số")],
        id="numeric date on the next line"),
    pytest.param(
        "Các chi bộ thực hiện Chỉ thị số 05-\nCT/TW và Kết luận số 01-KL/\nTW ngày 18/5/2021 của Bộ Chính trị.", DB,
        [C("Chỉ thị số 05-", "full", number="05", code="CT/TW", line=1),
         C("Kết luận số 01-KL/", "full", number="01", code="KL/TW", date="2021-05-18", line=2)],
        id="codes broken after the dash and after the slash"),
    pytest.param(
        "Các chi bộ tiếp tục thực hiện Chỉ thị số 05-CT/TW, ngày 15\ntháng 5 năm 2016 của Bộ Chính trị.", DB,
        [C("Chỉ thị số 05-CT/TW", "full", number="05", date="2016-05-15", line=1, issuer_unit="Bộ Chính trị")],
        id="worded date broken after the day"),
    pytest.param(
        "Nghị quyết 15-NQ/TU đã đi vào cuộc sống. Các cấp ủy thực hiện Chỉ thị số 05-CT/TW ngày 15 tháng 5\n"
        "năm 2016 của Bộ Chính trị.", DB,
        [C("Nghị quyết 15-NQ/TU", "full", number="15"),
         C("Chỉ thị số 05-CT/TW", "full", number="05", date="2016-05-15", line=1)],
        id="worded date broken before the year"),
    pytest.param(
        "Sau khi quán triệt (Chỉ thị số 05-CT/TW), các chi bộ đăng ký việc làm theo.", DB,
        [C("Chỉ thị số 05-CT/TW", "full", number="05", code="CT/TW")],
        id="inside parentheses"),
    pytest.param(
        "Căn cứ 15-NQ/TU ngày 18/11/2021 của Tỉnh ủy, các huyện xây dựng kế hoạch.", LC,
        [C("15-NQ/TU ngày 18/11/2021", "code", type="Nghị quyết", number="15", code="NQ/TU",
           date="2021-11-18", issuer_unit="Tỉnh ủy Lai Châu")],
        id="bare code takes its type from the code"),
    pytest.param(
        "Ban hành Kế hoạch số 61-KH/HU ngày 05/7/2021 và Công văn số 257-CV/ĐUK ngày 14/9/2022.", DB,
        [C("Kế hoạch số 61-KH/HU ngày 05/7/2021", "full", number="61", date="2021-07-05"),
         C("Công văn số 257-CV/ĐUK ngày 14/9/2022", "full", number="257", date="2022-09-14")],
        id="two citations joined by và"),
]

# --- short and named forms ---------------------------------------------------------------

SHORT_AND_NAMED = [
    pytest.param(
        "Toàn Đảng bộ tiếp tục thực hiện Chỉ thị 05 gắn với nhiệm vụ chính trị của từng đơn vị.", DB,
        [C("Chỉ thị 05", "short", type="Chỉ thị", number="05", code=None)],
        id="Chỉ thị 05"),
    pytest.param(
        "Chỉ thị số 05 của Bộ Chính trị được quán triệt đến 100% chi bộ.", DB,
        [C("Chỉ thị số 05", "short", type="Chỉ thị", number="05", issuer_unit="Bộ Chính trị")],
        id="Chỉ thị số 05 của Bộ Chính trị"),
    pytest.param(
        "Các cấp ủy tổ chức học tập Nghị quyết 35 về bảo vệ nền tảng tư tưởng của Đảng.", DB,
        [C("Nghị quyết 35", "short", type="Nghị quyết", number="35", subject="về bảo vệ nền tảng")],
        id="Nghị quyết 35 with subject"),
    pytest.param(
        "Tổng kết 5 năm thực hiện Kết luận 01 của Bộ Chính trị.", DB,
        [C("Kết luận 01", "short", type="Kết luận", number="01", issuer_unit="Bộ Chính trị")],
        id="Kết luận 01 after a quantity (5 năm)"),
    pytest.param(
        "Tiếp tục thực hiện Chỉ thị 05/2016 của Bộ Chính trị và Nghị định 15/2020 của Chính phủ.", DB,
        [C("Chỉ thị 05/2016", "short", type="Chỉ thị", number="05", year="2016", code=None,
           issuer_unit="Bộ Chính trị"),
         C("Nghị định 15/2020", "short", type="Nghị định", number="15", year="2020")],
        id="number and year: Chỉ thị 05/2016"),
    pytest.param(
        "Cán bộ, đảng viên quán triệt Nghị quyết Trung ương 4 (khóa XII) về tăng cường xây dựng, chỉnh đốn Đảng.",
        DB,
        [C("Nghị quyết Trung ương 4 (khóa XII)", "named", type="Nghị quyết", plenum=4, terms=("XII",),
           subject="về tăng cường")],
        id="Nghị quyết Trung ương 4 (khóa XII)"),
    pytest.param(
        "Gắn với thực hiện Nghị quyết Trung ương 4, khóa XI, XII về xây dựng, chỉnh đốn Đảng.", DB,
        [C("Nghị quyết Trung ương 4, khóa XI, XII", "named", plenum=4, terms=("XI", "XII"))],
        id="Nghị quyết Trung ương 4, khóa XI, XII"),
    pytest.param(
        "Tiếp tục quán triệt Nghị quyết Trung ương 4 khóa XI và khóa XII.", DB,
        [C("Nghị quyết Trung ương 4 khóa XI và khóa XII", "named", plenum=4, terms=("XI", "XII"))],
        id="Nghị quyết Trung ương 4 khóa XI và khóa XII"),
    pytest.param(
        "Đảng bộ quán triệt Nghị quyết Hội nghị Trung ương 5 khoá XIII đến chi bộ.", DB,
        [C("Nghị quyết Hội nghị Trung ương 5 khoá XIII", "named", plenum=5, terms=("XIII",))],
        id="Nghị quyết Hội nghị Trung ương 5 khoá XIII (old spelling of khóa)"),
    pytest.param(
        "Quán triệt Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII về chiến lược "
        "bảo vệ Tổ quốc.", DB,
        [C("Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII", "named", type="Nghị quyết",
           plenum=8, terms=("XIII",), subject="về chiến lược")],
        id="Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương (a plenum in words, no digit)"),
    pytest.param(
        "Thực hiện Kết luận Hội nghị lần thứ mười một BCH Trung ương (khóa XII) và Nghị quyết Hội nghị "
        "lần thứ 6 Ban Chấp hành Trung ương khóa XII.", DB,
        [C("Kết luận Hội nghị lần thứ mười một BCH Trung ương (khóa XII)", "named", type="Kết luận", plenum=11,
           terms=("XII",)),
         C("Nghị quyết Hội nghị lần thứ 6 Ban Chấp hành Trung ương khóa XII", "named", plenum=6, terms=("XII",))],
        id="Hội nghị lần thứ mười một / lần thứ 6"),
    pytest.param(
        "Thực hiện Chỉ thị 05-CT/TW, Nghị quyết TW4 khóa XII, Kết luận 21-KL/TW.", DB,
        [C("Chỉ thị 05-CT/TW", "full"), C("Nghị quyết TW4 khóa XII", "named", plenum=4, terms=("XII",)),
         C("Kết luận 21-KL/TW", "full")],
        id="Nghị quyết TW4 (glued)"),
    pytest.param(
        "Nghị quyết Hội nghị lần thứ năm mươi của chi bộ đã được thông qua.", DB, [],
        id="a cell's meeting in words is no plenum"),
    pytest.param(
        "Quán triệt Nghị quyết Trung ương 4 khóa XII. Sau hội nghị, Nghị quyết Trung ương 4 được đưa vào "
        "sinh hoạt chi bộ.", DB,
        [C("Nghị quyết Trung ương 4 khóa XII", "named", plenum=4, terms=("XII",)),
         C("Nghị quyết Trung ương 4", "named", plenum=4, terms=("XII",))],
        id="a later plenum citation inherits the khóa"),
    pytest.param(
        "Thực hiện Nghị quyết Đại hội XIII của Đảng, Tỉnh ủy xây dựng chương trình hành động.", DB,
        [C("Nghị quyết Đại hội XIII của Đảng", "named", type="Nghị quyết", congress="XIII")],
        id="Nghị quyết Đại hội XIII của Đảng"),
    pytest.param(
        "Thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng trong toàn tỉnh.", DB,
        [C("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "named", congress="XIII")],
        id="Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII"),
    pytest.param(
        "Cụ thể hóa Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIV, nhiệm kỳ 2020 - 2025.", DB,
        [C("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIV", "named", type="Nghị quyết",
           congress="XIV", name="Đại hội Đảng bộ tỉnh")],
        id="Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIV"),
    pytest.param(
        "Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh Điện Biên nhiệm kỳ 2020 - 2025, ngành đã đạt kết quả.", DB,
        [C("Nghị quyết Đại hội Đảng bộ tỉnh Điện Biên nhiệm kỳ 2020 - 2025", "named", congress="2020-2025")],
        id="local congress named by its term"),
    pytest.param(
        "BCH Đảng bộ xã ban hành kế hoạch số 45-kh/đu ngày 15/01/2024 về thực hiện CT 05 và KL01 năm 2024; đưa KH "
        "245 vào sinh hoạt chi bộ.", DB,
        [C("kế hoạch số 45-kh/đu ngày 15/01/2024", "full", number="45", code="KH/ĐU", date="2024-01-15"),
         C("CT 05", "short", type="Chỉ thị", number="05"), C("KL01", "short", type="Kết luận", number="01"),
         C("KH 245", "short", type="Kế hoạch", number="245")],
        id="notes' forms: a code in lower case, a type word as its abbreviation ('CT 05', 'KL01', 'KH 245')"),
    pytest.param(
        "Chi bộ học tập KL 01-KL/TW; sinh hoạt NQ 3 lần; chỉ tiêu KH 2024 và TKH 12, CT 05/KH đạt.", DB,
        [C("01-KL/TW", "code")],
        id="no abbreviated short form: before a code, a count, a year, inside a word, before a slash"),
    pytest.param(
        "Huyện ủy Sông Mã ban hành Kế hoạch số 171-KH/HU thực hiện CV 1964 của Thường trực Tỉnh ủy.", SL,
        [C("Kế hoạch số 171-KH/HU", "full", number="171", code="KH/HU"),
         C("CV 1964", "short", type="Công văn", number="1964")],
        id="an abbreviated letter's number of four digits that read as no recent year"),
    pytest.param(
        "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN LẦN THỨ XIX, NHIỆM KỲ 2015 - 2020", DB,
        [C("NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN LẦN THỨ XIX", "named", congress="XIX",
           name="Đại hội Đảng bộ huyện")],
        id="a congress resolution in a heading in capitals"),
    pytest.param(
        "HUYỆN ỦY MƯỜNG TÈ\nHuyện đã triển khai Nghị quyết Đại hội đại biểu Đảng bộ huyện lần thứ XIX. Ban Chấp hành "
        "Đảng bộ huyện đã ban hành 05 nghị quyết chuyên đề để cụ thể hóa Nghị quyết Đại hội, trong đó có Nghị "
        "quyết số 03-NQ/HU.", "Lai Châu",
        [C("Nghị quyết Đại hội đại biểu Đảng bộ huyện lần thứ XIX", "named", congress="XIX",
           issuer_unit="Huyện ủy Mường Tè"),
         C("Nghị quyết Đại hội", "named", congress="XIX", name="Đại hội Đảng bộ huyện",
           issuer_unit="Huyện ủy Mường Tè"),
         C("Nghị quyết số 03-NQ/HU", "full")],
        id="a bare 'Nghị quyết Đại hội' is the congress resolution of its level cited last"),
    pytest.param(
        "HUYỆN ỦY MƯỜNG CHÀ\nTán thành Báo cáo chính trị. Giao Ban Chấp hành Đảng bộ huyện khóa XXII căn cứ Nghị "
        "quyết Đại hội xây dựng chương trình hành động.", DB,
        [C("Nghị quyết Đại hội", "named", congress="XXII", name="Đại hội Đảng bộ huyện",
           issuer_unit="Huyện ủy Mường Chà")],
        id="a bare 'Nghị quyết Đại hội' after 'Ban Chấp hành Đảng bộ huyện khóa XXII': that term's congress"),
    pytest.param(
        "Sáng 28/9, Đại hội đại biểu Đảng bộ tỉnh Sơn La lần thứ XVI khai mạc.\nTrong hai ngày làm việc, Đại hội "
        "sẽ thảo luận, thông qua Nghị quyết Đại hội; bầu Ban Chấp hành.", "Sơn La",
        [C("Nghị quyết Đại hội", "named", congress="XVI", name="Đại hội Đảng bộ tỉnh Sơn La")],
        id="a bare 'Nghị quyết Đại hội' the congress a text reports on passes"),
    pytest.param(
        "Các xã đã quán triệt Nghị quyết Đại hội. Việc đưa Nghị quyết Đại hội Đảng các cấp vào cuộc sống còn chậm; "
        "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng.", DB,
        [C("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "named", congress="XIII")],
        id="no congress to say: a bare 'Nghị quyết Đại hội' is no citation, nor 'Nghị quyết Đại hội Đảng các cấp'"),
    pytest.param(
        "Triển khai Kết luận của Ban Chấp hành Trung ương Đảng khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng.",
        DB,
        [C("Kết luận của Ban Chấp hành Trung ương Đảng khóa XIII", "named", type="Kết luận", terms=("XIII",),
           subject="về đẩy mạnh")],
        id="Kết luận của Ban Chấp hành Trung ương Đảng khóa XIII"),
    pytest.param(
        "Các cấp ủy quán triệt Nghị quyết của Bộ Chính trị khóa XII về bảo vệ nền tảng tư tưởng của Đảng.", DB,
        [C("Nghị quyết của Bộ Chính trị khóa XII", "named", type="Nghị quyết", terms=("XII",),
           name="Bộ Chính trị")],
        id="Nghị quyết của Bộ Chính trị khóa XII"),
    pytest.param(
        "Quán triệt Chỉ thị của Bộ Chính trị khóa XII về tăng cường công tác kiểm tra.", DB,
        [C("Chỉ thị của Bộ Chính trị khóa XII", "named", type="Chỉ thị", terms=("XII",), name="Bộ Chính trị")],
        id="Chỉ thị của Bộ Chính trị khóa XII, in a paragraph with no digit"),
]

# --- issuers --------------------------------------------------------------------------------

ISSUERS = [
    pytest.param(
        "Các huyện ủy ban hành văn bản: Huyện ủy Mộc Châu (nay là Thị ủy Mộc Châu): Kế hoạch số 203-KH/HU, ngày 14/5/2020; "
        "Huyện ủy Yên Châu: Kế hoạch số 187-KH/HU.", SL,
        [C("Kế hoạch số 203-KH/HU, ngày 14/5/2020", "full", issuer_unit="Huyện ủy Mộc Châu"),
         C("Kế hoạch số 187-KH/HU", "full", issuer_unit="Huyện ủy Yên Châu")],
        id="a label whose unit's later name stands in brackets"),
    pytest.param(
        "Báo cáo kết quả thực hiện Quy định số 144-QĐ/TW.\n| 1 | Thành ủy Sơn La | 156-KH/ThU | QĐ 144 và KH 265 |\n"
        "| 2 | Ẳng Tở | 45-KH/ĐU | QĐ 55 |", DB,
        [C("Quy định số 144-QĐ/TW", "full"), C("156-KH/ThU", "code", issuer_unit="Thành ủy Sơn La"),
         C("QĐ 144", "short", type="Quy định"), C("KH 265", "short", type="Kế hoạch"),
         C("45-KH/ĐU", "code", issuer_unit="Đảng ủy xã Ẳng Tở")],
        id="'QĐ 144' the Quy định the text cites (an unknown 'QĐ 55' none); a commune named by its place in a cell"),
    pytest.param(
        "Ban Tuyên giáo và Dân vận Tỉnh ủy Điện Biên tổ chức hội nghị sơ kết thực hiện Kế hoạch số 12-KH/BTGDVTU, ngày "
        "10/7/2025; Huyện ủy Tuần Giáo triển khai Hướng dẫn số 62-HD/BTGTU.", DB,
        [C("Kế hoạch số 12-KH/BTGDVTU, ngày 10/7/2025", "full", issuer_unit="Ban Tuyên giáo Tỉnh ủy Điện Biên"),
         C("Hướng dẫn số 62-HD/BTGTU", "full")],
        id="a board's number is the board's the sentence names before it (of the committee its suffix says)"),
    pytest.param(
        "Thực hiện Kế hoạch số 112-KH/HU của Ban Thường vụ Huyện ủy về thực hiện Nghị quyết số 57-NQ/TU của Bộ Chính trị;",
        DB, [C("Kế hoạch số 112-KH/HU", "full", code="KH/HU"),
             C("Nghị quyết số 57-NQ/TU", "full", code="NQ/TW", issuer_unit="Bộ Chính trị")],
        id="a central body's number typed with TU: TW"),
    pytest.param(
        "Tỉnh ủy Thanh Hóa ban hành Chương trình hành động số 15-CTr/TU thực hiện Nghị quyết số 57-NQ/TW; Tỉnh ủy Điện "
        "Biên ban hành Chương trình số 25-CTr/TU.", "Thanh Hóa",
        [C("Chương trình hành động số 15-CTr/TU", "full", type="Chương trình"),
         C("Nghị quyết số 57-NQ/TW", "full", type="Nghị quyết"), C("Chương trình số 25-CTr/TU", "full", type="Chương trình")],
        id="an action programme is a Chương trình, as its code CTr says"),
    pytest.param(
        "Các đảng ủy đã ban hành kế hoạch gồm: Đảng ủy xã Phúc Than (KH 12, ngày 20/02/2025), Đảng ủy xã Ta Gia (Kế hoạch "
        "số 12-KH/ĐU, ngày 24/02/2025) và Đảng ủy xã Mường Than (Kế hoạch số 33-KH/ĐU, ngày 25/02/2025).", LC,
        [C("KH 12, ngày 20/02/2025", "short", issuer_unit="Đảng ủy xã Phúc Than"),
         C("Kế hoạch số 12-KH/ĐU, ngày 24/02/2025", "full", issuer_unit="Đảng ủy xã Ta Gia"),
         C("Kế hoạch số 33-KH/ĐU, ngày 25/02/2025", "full", issuer_unit="Đảng ủy xã Mường Than")],
        id="units labelling a list's citations in brackets: a short form's too, and the last after 'và'"),
    pytest.param(
        "1 | Xã Quài Tở | Kế hoạch số 05/KH-MTTQ, ngày 20/02/2024 | Triển khai Kế hoạch số 21/KH-MTTQ-BTT của huyện", DB,
        [C("Kế hoạch số 05/KH-MTTQ, ngày 20/02/2024", "full", issuer_unit="Ủy ban MTTQ Việt Nam xã Quài Tở"),
         C("Kế hoạch số 21/KH-MTTQ-BTT", "full", issuer_unit=None)],
        id="a row's commune and a Front's code: the commune's Front; not of the document its plan carries out"),
    pytest.param(
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam huyện Mường Chà ban hành Kế hoạch số 125/KH-MTTQ-BTT, "
        "ngày 16/12/2024; Hội LHPN huyện Mai Sơn ban hành Kế hoạch số 12/KH-HPN, ngày 28/5/2018.", DB,
        [C("Kế hoạch số 125/KH-MTTQ-BTT, ngày 16/12/2024", "full", issuer_unit="Ủy ban MTTQ Việt Nam huyện Mường Chà"),
         C("Kế hoạch số 12/KH-HPN, ngày 28/5/2018", "full", issuer_unit="Hội Liên hiệp Phụ nữ huyện Mai Sơn")],
        id="a Front's board of thirteen words; a women's union in short ('Hội LHPN')"),
    pytest.param(
        "Kế hoạch số 95-KH/HU, ngày 13/01/2025 (Huyện ủy Tam Đường) và Kế hoạch số 112-KH/ThU (Thành ủy Lai Châu).",
        "Lai Châu",
        [C("Kế hoạch số 95-KH/HU, ngày 13/01/2025", "full", issuer_unit="Huyện ủy Tam Đường"),
         C("Kế hoạch số 112-KH/ThU", "full", issuer_unit="Thành ủy Lai Châu")],
        id="an issuer in brackets after the citation"),
    pytest.param(
        "Chi bộ Trường Mầm non Chiềng Hặc ban hành Kế hoạch số 05-KH/CB, ngày 10/6/2024.", "Sơn La",
        [C("Kế hoạch số 05-KH/CB, ngày 10/6/2024", "full", issuer_unit="Chi bộ Trường Mầm non Chiềng Hặc")],
        id="a school's name holds lower-case words ('Mầm non')"),
    pytest.param(
        "Công tác chỉnh đốn Đảng được Ban Thường vụ Huyện ủy cụ thể hóa bằng Kế hoạch số 36-KH/HU, ngày 19/01/2017.", DB,
        [C("Kế hoạch số 36-KH/HU, ngày 19/01/2017", "full", issuer_unit=None)],
        id="no place in 'Công tác chỉnh đốn Đảng được ...': no 'Huyện ủy Đảng', no 'Huyện ủy Công'"),
    pytest.param(
        "Ban Thường vụ Huyện ủy Mù Cang Chải ban hành Kế hoạch số 76-KH/HU.\n"
        "Đảng ủy xã Púng Luông ban hành Kế hoạch số 18-KH/ĐU.\n"
        "Sau đó, Ban Thường vụ Huyện ủy ban hành Kế hoạch số 148-KH/HU.", "Yên Bái",
        [C("Kế hoạch số 76-KH/HU", "full", issuer_unit="Huyện ủy Mù Cang Chải"),
         C("Kế hoạch số 18-KH/ĐU", "full", issuer_unit="Đảng ủy xã Púng Luông"),
         C("Kế hoạch số 148-KH/HU", "full", issuer_unit="Huyện ủy Mù Cang Chải")],
        id="a unit named by its kind alone, named in full some paragraphs before"),
    pytest.param(
        "HUYỆN ỦY TUẦN GIÁO\n\nNội dung được đưa vào Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu "
        "Đảng bộ huyện lần thứ XXII.", DB,
        [C("Nghị quyết Đại hội đại biểu Đảng bộ huyện lần thứ XXII", "named", issuer_unit="Huyện ủy Tuần Giáo")],
        id="a local congress with no place: the author's, when of that level"),
    pytest.param(
        "Các huyện ủy đã ban hành kế hoạch, như Huyện ủy Nậm Pồ (Kế hoạch số 21-KH/HU), Đảng ủy Công an tỉnh: Kế "
        "hoạch số 3012/KH-ĐU; Tỉnh ủy (Chỉ thị số 05-CT/TW).", DB,
        [C("Kế hoạch số 21-KH/HU", "full", issuer_unit="Huyện ủy Nậm Pồ"),
         C("Kế hoạch số 3012/KH-ĐU", "full", issuer_unit="Đảng ủy Công an tỉnh Điện Biên"),
         C("Chỉ thị số 05-CT/TW", "full", issuer_unit=None)],
        id="a unit labelling the citation after it, when the code is the unit's"),
    pytest.param(
        "Kế hoạch của các huyện ủy: Tam Đường (Kế hoạch số 51-KH/HU, ngày 10/01/2022), Phong Thổ (Kế hoạch số "
        "64-KH/HU). Huyện ủy Mường Tè ban hành chậm (Kế hoạch số 71-KH/HU, ngày 18/4/2022).", LC,
        [C("Kế hoạch số 51-KH/HU, ngày 10/01/2022", "full", issuer_unit="Huyện ủy Tam Đường"),
         C("Kế hoạch số 64-KH/HU", "full", issuer_unit="Huyện ủy Phong Thổ"),
         C("Kế hoạch số 71-KH/HU, ngày 18/4/2022", "full", issuer_unit="Huyện ủy Mường Tè")],
        id="a district labelled by its place alone; a label going on past the unit's name"),
    pytest.param(
        "Huyện ủy Nậm Pồ đến ngày 10/01/2022 mới ban hành Kế hoạch số 63-KH/HU về thực hiện Kết luận.", DB,
        [C("Kế hoạch số 63-KH/HU", "full", issuer_unit="Huyện ủy Nậm Pồ")],
        id="a time between the unit and its verb"),
    pytest.param(
        "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của BCT và Quy định số 08-QĐi/TW của BCHTW; BTV Huyện ủy "
        "Mường Nhé đã ban hành Kế hoạch số 18-KH/HU.", DB,
        [C("Chỉ thị số 05-CT/TW ngày 15/5/2016", "full", issuer_unit="Bộ Chính trị"),
         C("Quy định số 08-QĐi/TW", "full", issuer_unit="Ban Chấp hành Trung ương"),
         C("Kế hoạch số 18-KH/HU", "full", issuer_unit="Huyện ủy Mường Nhé")],
        id="abbreviated bodies: BCT, BCHTW, BTV"),
    pytest.param(
        "Thực hiện Kế hoạch số 18-KH/HU, ngày 05/01/2022 của Ban Thường vụ Huyện ủy Mường Nhé về phát triển "
        "kinh tế vùng biên giới.", DB,
        [C("Kế hoạch số 18-KH/HU, ngày 05/01/2022", "full", issuer="Ban Thường vụ Huyện ủy Mường Nhé",
           issuer_unit="Huyện ủy Mường Nhé", subject="về phát triển kinh tế")],
        id="issuer after: Ban Thường vụ Huyện ủy Mường Nhé"),
    pytest.param(
        "Ngày 12/3/2022, Ban Thường vụ Huyện ủy Tuần Giáo đã ban hành Kế hoạch số 88-KH/HU về học tập "
        "chuyên đề năm 2022.", DB,
        [C("Kế hoạch số 88-KH/HU", "full", issuer_unit="Huyện ủy Tuần Giáo", date="2022-03-12")],
        id="issuer before: đã ban hành"),
    pytest.param(
        "Các chi bộ học tập Nghị quyết số 09-NQ/TU của Tỉnh uỷ về xây dựng nông thôn mới.", LC,
        [C("Nghị quyết số 09-NQ/TU", "full", issuer="Tỉnh uỷ", issuer_unit="Tỉnh ủy Lai Châu")],
        id="Tỉnh uỷ (old spelling) after, in Lai Châu"),
    pytest.param(
        "Tỉnh uỷ Sơn La ban hành Nghị quyết số 15-NQ/TU, ngày 18/11/2021 về phát triển cây ăn quả.", SL,
        [C("Nghị quyết số 15-NQ/TU, ngày 18/11/2021", "full", issuer_unit="Tỉnh ủy Sơn La")],
        id="Tỉnh uỷ Sơn La (old spelling) before"),
    pytest.param(
        "Tỉnh ủy ban hành Chỉ thị số 15-CT/TU ngày 03/9/2021 về tăng cường công tác phòng, chống dịch.", DB,
        [C("Chỉ thị số 15-CT/TU ngày 03/9/2021", "full", issuer_unit="Tỉnh ủy Điện Biên")],
        id="Tỉnh ủy alone takes the province"),
    pytest.param(
        "Huyện ủy Điện Biên ban hành Kế hoạch số 33-KH/HU ngày 11/4/2022 về trồng rừng.", DB,
        [C("Kế hoạch số 33-KH/HU ngày 11/4/2022", "full", issuer_unit="Huyện ủy Điện Biên")],
        id="Huyện ủy Điện Biên is never Điện Biên Đông (before)"),
    pytest.param(
        "Thực hiện Kế hoạch số 33-KH/HU, ngày 11/4/2022 của Huyện ủy Điện Biên về trồng rừng.", DB,
        [C("Kế hoạch số 33-KH/HU, ngày 11/4/2022", "full", issuer_unit="Huyện ủy Điện Biên")],
        id="Huyện ủy Điện Biên is never Điện Biên Đông (after)"),
    pytest.param(
        "Thực hiện Kế hoạch số 20-KH/ThU, ngày 21/6/2021 của Thị ủy Mường Lay về phát triển du lịch.", DB,
        [C("Kế hoạch số 20-KH/ThU, ngày 21/6/2021", "full", issuer_unit="Thị ủy Mường Lay")],
        id="Thị ủy Mường Lay"),
    pytest.param(
        "Thực hiện Kế hoạch số 88-KH/HU, ngày 21/6/2021 của Huyện ủy Mường La về chuyển đổi cây trồng.", SL,
        [C("Kế hoạch số 88-KH/HU, ngày 21/6/2021", "full", issuer_unit="Huyện ủy Mường La")],
        id="Huyện ủy Mường La (Sơn La)"),
    pytest.param(
        "Các chi bộ nghiên cứu Kế hoạch số 20-KH/ThU, ngày 21/6/2021 của Thị ủy Mường Lay về du lịch.", SL,
        [C("Kế hoạch số 20-KH/ThU, ngày 21/6/2021", "full", issuer="Thị ủy Mường Lay",
           issuer_unit="Thị ủy Mường Lay")],
        id="Thị ủy Mường Lay named in a Sơn La text is Điện Biên's, never Mường La"),
    pytest.param(
        "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh ban hành Kế hoạch số 124/KH-MTTQ-BTT ngày 20/5/2022 "
        "về giám sát.", LC,
        [C("Kế hoạch số 124/KH-MTTQ-BTT ngày 20/5/2022", "full", issuer_unit="Ủy ban MTTQ Việt Nam tỉnh Lai Châu")],
        id="Ban Thường trực Ủy ban MTTQ before"),
    pytest.param(
        "Ngày 10/7, Huyện ủy Nậm Nhùn sơ kết 6 tháng thực hiện Nghị quyết số 43-NQ/TW. Thực hiện Kế hoạch 208-KH/TU "
        "của Ban Thường vụ Tỉnh ủy, huyện đã ban hành Kế hoạch số 97-KH/HU, ngày 15/01/2024 triển khai Nghị quyết.", LC,
        [C("Nghị quyết số 43-NQ/TW", "full"), C("Kế hoạch 208-KH/TU", "full", issuer_unit="Tỉnh ủy Lai Châu"),
         C("Kế hoạch số 97-KH/HU, ngày 15/01/2024", "full", issuer_unit="Huyện ủy Nậm Nhùn")],
        id="a place word alone as the subject: the committee of the district named last"),
    pytest.param(
        "Tại Đảng ủy xã Chà Cang, xã đã ban hành Kế hoạch số 24-KH/ĐU; huyện đã ban hành Kế hoạch số 96/KH-UBND.",
        DB, [C("Kế hoạch số 24-KH/ĐU", "full", issuer_unit="Đảng ủy xã Chà Cang"),
             C("Kế hoạch số 96/KH-UBND", "full", issuer_unit=None)],
        id="a place word alone issues only a number of its committee's kind"),
    pytest.param(
        "Đảng ủy xã Chà Cang (huyện Nậm Pồ) có nhiều mô hình hay.\n"
        "Bí thư Đảng ủy xã Lò Văn Hặc cho biết, ngay từ đầu năm, Đảng ủy đã ban hành Kế hoạch số 24-KH/ĐU.", DB,
        [C("Kế hoạch số 24-KH/ĐU", "full", issuer_unit="Đảng ủy xã Chà Cang")],
        id="'Đảng ủy' alone after a person's title: the commune of the paragraphs before"),
    pytest.param(
        "1. Chi bộ Trường Phổ thông DTNT tỉnh được Đảng ủy Sở chọn tổ chức đại hội điểm. Chi bộ đã ban hành Kế hoạch số "
        "02-KH/CB, ngày 09/9/2024 chuẩn bị đại hội. Đảng ủy đã ban hành Kế hoạch số 31/KH-UBND.", DB,
        [C("Kế hoạch số 02-KH/CB, ngày 09/9/2024", "full", issuer_unit="Chi bộ Trường Phổ thông DTNT tỉnh Điện Biên"),
         C("Kế hoạch số 31/KH-UBND", "full", issuer_unit=None)],
        id="'Chi bộ' alone as the subject: the cell the paragraph named in full before, when the code is a cell's"),
    pytest.param(
        "ĐẢNG ỦY CÔNG AN HUYỆN TÂN UYÊN\n\n- Chi bộ Đội Tham mưu - Tổng hợp: ban hành Kế hoạch số 04-KH/CB, ngày "
        "21/02/2022.\n- Chi bộ Đội Cảnh sát giao thông - Trật tự: ban hành Kế hoạch số 05-KH/CB.", LC,
        [C("Kế hoạch số 04-KH/CB, ngày 21/02/2022", "full",
           issuer_unit="Chi bộ Đội Tham mưu - Tổng hợp Công an huyện Tân Uyên"),
         C("Kế hoạch số 05-KH/CB", "full", issuer_unit="Chi bộ Đội Cảnh sát giao thông - Trật tự Công an huyện Tân Uyên")],
        id="an agency's cells by their team's name, a dash inside it, in its committee's text"),
    pytest.param(
        "2. Xã Nậm Dịch: Đảng ủy ban hành Kế hoạch số 33-KH/ĐU, ngày 08/12/2023 triển khai Kế hoạch số 127-KH/HU.",
        "Hà Giang",
        [C("Kế hoạch số 33-KH/ĐU, ngày 08/12/2023", "full", issuer_unit="Đảng ủy xã Nậm Dịch"),
         C("Kế hoạch số 127-KH/HU", "full")],
        id="'Đảng ủy' alone after a commune labelling its paragraph ('Xã Nậm Dịch:')"),
    pytest.param(
        "Thị ủy Sa Pa sơ kết 3 năm thực hiện Kết luận 21-KL/TW\n\nĐảng ủy phường Ô Quý Hồ tổ chức hội nghị sơ kết theo "
        "Kế hoạch số 61-KH/TU của Thị ủy.", "Lào Cai",
        [C("Kết luận 21-KL/TW", "full"), C("Kế hoạch số 61-KH/TU", "full", issuer_unit="Thị ủy Sa Pa")],
        id="a news item's headline opening with a committee: a bare 'Thị ủy' is that one"),
    pytest.param(
        "Đảng ủy xã Chiềng Chăn (Mai Sơn) đã ban hành nghị quyết chuyên đề.\n\nNgay sau khi có Kế hoạch 58 của Huyện ủy "
        "về thực hiện NQ 11, Đảng ủy xã đã ban hành nghị quyết.", SL,
        [C("Kế hoạch 58", "short", issuer_unit="Huyện ủy Mai Sơn"), C("NQ 11", "short")],
        id="a bare 'Huyện ủy' after a commune with its district in brackets ('xã Chiềng Chăn (Mai Sơn)')"),
    pytest.param(
        "1. Ban Thường vụ Huyện ủy Mường La đã kịp thời cụ thể hóa các nghị quyết của Tỉnh ủy: ban hành Kế hoạch số "
        "83-KH/HU, ngày 21/01/2022 thực hiện Nghị quyết số 11-NQ/TU của Ban Chấp hành Đảng bộ tỉnh; Nghị quyết chuyên đề "
        "số 14-NQ/HU, ngày 06/6/2022 về du lịch; Kế hoạch số 135 - KH/HU, ngày 20/9/2023 thực hiện Kết luận số 640-KL/TU.",
        SL,
        [C("Kế hoạch số 83-KH/HU, ngày 21/01/2022", "full", issuer_unit="Huyện ủy Mường La"),
         C("Nghị quyết số 11-NQ/TU", "full", issuer_unit="Tỉnh ủy Sơn La"),
         C("Nghị quyết chuyên đề số 14-NQ/HU, ngày 06/6/2022", "full", issuer_unit="Huyện ủy Mường La"),
         C("Kế hoạch số 135 - KH/HU, ngày 20/9/2023", "full", issuer_unit="Huyện ủy Mường La"),
         C("Kết luận số 640-KL/TU", "full")],
        id="'... của Tỉnh ủy: ban hành A; B; C': the subject further back issued the list, clause by clause"),
    pytest.param(
        "Hội LHPN huyện Thuận Châu mở 18 lớp học. Tại Quỳnh Nhai, Hội LHPN huyện cũng ban hành Kế hoạch số 19/KH-HPN, "
        "ngày 26/02/2025.", SL,
        [C("Kế hoạch số 19/KH-HPN, ngày 26/02/2025", "full", issuer_unit="Hội Liên hiệp Phụ nữ huyện Quỳnh Nhai")],
        id="a mass organisation in short with its level alone: the one of the place named last"),
    pytest.param(
        "Huyện ủy Tủa Chùa ban hành Kế hoạch số 47-KH/HƯ. Đảng ủy phường Chiềng Cơi ban hành Kế hoạch số 06-KH/ĐU thực "
        "hiện Kế hoạch số 289-KH/TƯ của Tỉnh ủy Sơn La và Nghị quyết số 35-NQ/TƯ của Bộ Chính trị.", DB,
        [C("Kế hoạch số 47-KH/HƯ", "full", code="KH/HU", issuer_unit="Huyện ủy Tủa Chùa"),
         C("Kế hoạch số 06-KH/ĐU", "full", code="KH/ĐU"),
         C("Kế hoạch số 289-KH/TƯ", "full", code="KH/TU", issuer_unit="Tỉnh ủy Sơn La"),
         C("Nghị quyết số 35-NQ/TƯ", "full", code="NQ/TƯ", issuer_unit="Bộ Chính trị")],
        id="Ư typed for U in a code; TƯ is TU for a province's committee, else Trung ương"),
    pytest.param(
        "ĐẢNG ỦY XÃ MƯỜNG PHĂNG\n\n3. Đảng ủy xã lãnh đạo UBND xã ban hành Kế hoạch số 112/KH-UBND, ngày 28/7/2025.\n"
        "1. Chi bộ bản Che Căn: ban hành Kế hoạch số 03-KH/CB, ngày 25/7/2025.", DB,
        [C("Kế hoạch số 112/KH-UBND, ngày 28/7/2025", "full", issuer_unit="UBND xã Mường Phăng"),
         C("Kế hoạch số 03-KH/CB, ngày 25/7/2025", "full", issuer_unit="Chi bộ bản Che Căn")],
        id="a unit that has another issue ('lãnh đạo UBND xã ban hành'); a label before its colon issues"),
    pytest.param(
        "- Đồn Biên phòng A Pa Chải cụ thể hóa Chỉ thị 35 bằng Kế hoạch số 46-KH/ĐU, ngày 14/10/2024.", DB,
        [C("Chỉ thị 35", "short"),
         C("Kế hoạch số 46-KH/ĐU, ngày 14/10/2024", "full", issuer_unit="Đảng ủy Đồn Biên phòng A Pa Chải")],
        id="a party committee's number (ĐU) is the named unit's Đảng ủy's"),
    pytest.param(
        "   Đảng ủy xã Chiềng Hặc ban hành Kế hoạch số 41-KH/ĐU\n, ngày 20/8/2024 thực hiện Kế hoạch số 198-KH/HU của "
        "Huyện ủy. Đảng ủy\nxã Sặp Vạt tổ chức hội nghị. Đảng ủy thị trấn Yên Châu ban hành\nKế hoạch số 41-KH/ĐU, ngày "
        "26/8/2024.", SL,
        [C("Kế hoạch số 41-KH/ĐU", "full", date="2024-08-20", issuer_unit="Đảng ủy xã Chiềng Hặc"),
         C("Kế hoạch số 198-KH/HU", "full"),
         C("Kế hoạch số 41-KH/ĐU, ngày 26/8/2024", "full", issuer_unit="Đảng ủy thị trấn Yên Châu")],
        id="a PDF copy's lines: one opening on ', ngày', one after a line ending 'ban hành'"),
    pytest.param(
        "Huyện đoàn Mai Sơn ban hành Kế hoạch số 45-KH/HĐTN, ngày 14/02/2025 thực hiện Kế hoạch số 96-KH/TĐTN-BTG.", SL,
        [C("Kế hoạch số 45-KH/HĐTN, ngày 14/02/2025", "full", issuer_unit="Huyện đoàn Mai Sơn"),
         C("Kế hoạch số 96-KH/TĐTN-BTG", "full")],
        id="a district's youth union named before the verb"),
    pytest.param(
        "Đối với Hội Liên hiệp Phụ nữ tỉnh, Ban Thường vụ Hội ban hành Kế hoạch số 19/KH-HPN, ngày 10/02/2025 thực hiện "
        "Nghị quyết 57-NQ/TW.", SL,
        [C("Kế hoạch số 19/KH-HPN, ngày 10/02/2025", "full", issuer_unit="Hội Liên hiệp Phụ nữ tỉnh Sơn La"),
         C("Nghị quyết 57-NQ/TW", "full")],
        id="a mass organisation named earlier in the sentence issues the number of its kind"),
]

# --- what must give no citation -----------------------------------------------------------------

NEGATIVE = [
    pytest.param("Xây dựng Kế hoạch 5 năm phát triển kinh tế - xã hội giai đoạn 2021 - 2025.", DB, [],
                 id="Kế hoạch 5 năm"),
    pytest.param("Nghị quyết 3 nội dung trọng tâm được các chi bộ cụ thể hóa.", DB, [],
                 id="Nghị quyết 3 nội dung"),
    pytest.param("Hội nghị lần thứ Ol, Kế hoạch số Ong-KH/HU.", DB, [],
                 id="letters OCR may read for digits, with no digit"),
    pytest.param("Ban hành Chỉ thị 05/5 năm về phòng chống tham nhũng.", DB, [],
                 id="a number and a slash without a year"),
    pytest.param("Trong năm, chi bộ thực hiện Kế hoạch 2 năm và Chỉ thị 3 lần.", DB, [],
                 id="numbers counting years and times"),
    pytest.param("Ngày 18/11/2021, Ban Thường vụ Tỉnh ủy họp phiên thường kỳ tháng 11.", DB, [],
                 id="a date alone"),
    pytest.param("Nghị quyết được ban hành kịp thời và đi vào cuộc sống.", DB, [],
                 id="Nghị quyết alone"),
    pytest.param("Ngày 15/5/2016, Bộ Chính trị ban hành Chỉ thị về học tập và làm theo.", DB, [],
                 id="Chỉ thị with no number"),
    pytest.param("Tổ chức thành công nghị quyết đại hội đảng các cấp nhiệm kỳ 2020 - 2025.", DB, [],
                 id="nghị quyết đại hội đảng các cấp"),
    pytest.param("Mọi thông tin xin liên hệ số điện thoại 0215/3825 của Văn phòng.", DB, [],
                 id="phone-number-like 0215/3825"),
    pytest.param("Báo cáo số 12/BC ngày 03/4/2021 đã gửi Huyện ủy.", DB, [],
                 id="bare code of unknown type 12/BC"),
    pytest.param("", DB, [], id="empty text"),
    pytest.param(
        "Ban Thường vụ Huyện ủy chỉ thị 100% chi bộ phải tổ chức sinh hoạt chuyên đề.", DB, [],
        id="chỉ thị followed by a percentage"),
]

# --- bugs found while writing these tables ------------------------------------------------------

BUGS = [
    pytest.param(
        "Các chi bộ quán triệt Kết luận Trung ương 4 khóa XIII về xây dựng, chỉnh đốn Đảng.", DB,
        [C("Kết luận Trung ương 4 khóa XIII", "named")],
        id="Kết luận Trung ương 4 khóa XIII"),
    pytest.param(
        "Thực hiện Nghị quyết Đại hội đại biểu Đảng bộ huyện Tuần Giáo lần thứ XXIII, nhiệm kỳ 2020 - 2025.", DB,
        [C("Nghị quyết Đại hội đại biểu Đảng bộ huyện Tuần Giáo lần thứ XXIII", "named", congress="XXIII")],
        id="local congress XXIII"),
    pytest.param(
        "Thực hiện Thông báo kết luận số 123-TB/TU ngày 02/2/2022 của Ban Thường vụ Tỉnh ủy.", DB,
        [C("Thông báo kết luận số 123-TB/TU ngày 02/2/2022", "full", type="Thông báo", code="TB/TU")],
        id="Thông báo kết luận 123-TB/TU"),
    pytest.param(
        "Cán bộ chủ chốt gương mẫu thực hiện Quy định về trách nhiệm nêu gương trong công tác.", DB,
        [C("Quy định về trách nhiệm nêu gương", "named", type="Quy định")],
        id="registry name keeps its type"),
    pytest.param(
        "Thực hiện Chỉ thị số 35-CT/TW1 và Kế hoạch số 231-KH/TU, các xã đã ban hành kế hoạch thực hiện Kết luận số "
        "21-KL/TW2; Công văn 123/KH-UBND3.", DB,
        [C("Chỉ thị số 35-CT/TW", "full", code="CT/TW"), C("Kế hoạch số 231-KH/TU", "full"),
         C("Kết luận số 21-KL/TW", "full", code="KL/TW"), C("Công văn 123/KH-UBND", "full", code="KH-UBND")],
        id="a PDF copy's footnote number glued to a code"),
]


@pytest.mark.parametrize("text,province,expected",
                         PARTY_CODES + STATE_CODES + FORMS + SHORT_AND_NAMED + ISSUERS + NEGATIVE + BUGS)
def test_citations(data, text, province, expected):
    check(run(data, text, province), expected, text)


def test_citations_are_in_reading_order_with_lines_and_columns(data):
    text = ("KẾ HOẠCH\nThực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị\n\n"
            "Huyện ủy Nậm Pồ ban hành Kế hoạch số 47-KH/HU, ngày 18/12/2021 về thực hiện Nghị quyết 15.")
    cits = run(data, text, DB)
    assert [c.surface for c in cits] == ["Chỉ thị số 05-CT/TW", "Kế hoạch số 47-KH/HU, ngày 18/12/2021",
                                         "Nghị quyết 15"]
    assert [(c.line, c.col) for c in cits] == [(2, 10), (4, 25), (4, 76)]
    assert [c.start for c in cits] == sorted(c.start for c in cits)


def test_province_is_found_from_the_text_when_not_given(data):
    roster, registry = data
    text = "Tại huyện Mai Sơn, Ban Thường vụ Huyện ủy ban hành Kế hoạch số 102-KH/HU, ngày 09/5/2022."
    (c,) = find(text, "t.txt", roster, registry)
    assert c.province == "Sơn La"
    assert c.issuer_unit == "Huyện ủy Mai Sơn"


def test_a_plan_cited_again_in_a_paragraph_about_another_province_is_the_one_cited_before(data):
    text = ("Ngày 06/8/2025, Ban Thường vụ Tỉnh ủy Lào Cai ban hành Kế hoạch số 12-KH/TU về thực hiện Nghị quyết số "
            "57-NQ/TW.\n\nCác đảng ủy xã đã ban hành kế hoạch thực hiện Kế hoạch số 12-KH/TU. Đảng ủy xã Trấn Yên tiếp tục "
            "thực hiện Kế hoạch số 375-KH/HU của Huyện ủy Trấn Yên (cũ), tỉnh Yên Bái.")
    plans = [c for c in run(data, text, "Lào Cai") if c.number == "12"]
    assert [(c.issuer_unit, c.province) for c in plans] == [("Tỉnh ủy Lào Cai", "Lào Cai")] * 2


def test_crlf_text_keeps_spans_on_their_line(data):
    text = "Dòng đầu\r\nThực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị.\r\n"
    (c,) = run(data, text, DB)
    assert text[c.start:c.end] == c.surface == "Kết luận số 01-KL/TW, ngày 18/5/2021"
    assert (c.line, c.col) == (2, 10)


# --- properties -----------------------------------------------------------------------------------

FRAGMENTS = [
    "Chỉ thị số ", "Nghị quyết ", "Kế hoạch số ", "KẾ HOẠCH ", "Kết luận ", "-CT/TW", "-NQ/TU", "-KH/HU",
    "/KH-MTTQ-BTT", "/QĐ-TTg", " - ", "- ", "ngày ", "ngày", "18/11/2021", "17 tháng 6 năm 2021", "tháng ", "năm ",
    "05", "15", "2532", ", ", " của ", " về ", "Huyện ủy Nậm Pồ", "Ban Thường vụ ", "Tỉnh uỷ", "ban hành ",
    "Nghị quyết Trung ương 4", " (khóa XI, XII)", "Đại hội XIII của Đảng", "<sup>1</sup>", ". ", "; ", ":",
    "%", "\n", "\n\n", "\r\n", "\r", "\t", "  ", "\u2028", "\x85",
]
_LETTERS = st.characters(whitelist_categories=("Lu", "Ll", "Nd"), max_codepoint=0x1EFF)
_PIECE = st.one_of(st.sampled_from(FRAGMENTS), st.text(_LETTERS | st.sampled_from(list("/-–., \n:;()ủỷĐđ")),
                                                       max_size=6))
TEXTS = st.one_of(st.lists(_PIECE, max_size=30).map("".join), st.text(max_size=80))


@settings(max_examples=200, deadline=None)
@given(text=TEXTS)
def test_spans_point_into_the_text(data, text):
    cits = find(text, "t.txt", *data, province=DB)
    lines = text.splitlines()
    for c in cits:
        assert text[c.start:c.end] == c.surface
        assert c.surface and "\n" not in c.surface and "\r" not in c.surface
        assert lines[c.line - 1][c.col:c.col + len(c.surface)] == c.surface


LINE_TEXTS = st.text(alphabet=st.sampled_from(list("ab \t\r\n\x0b\x0c\x1c\x85\u2028ủ")), max_size=300)


@given(text=LINE_TEXTS, n=st.integers(min_value=0, max_value=20))
def test_lines_read_without_splitting_the_whole_text(text, n):
    """`head_lines` and `Layout.line` give what `str.splitlines()` gives, whatever the line breaks."""
    from ingest import layout as L
    lines = text.splitlines()
    assert L.head_lines(text, n) == lines[:n]
    assert L.head_lines(text * 40, n) == (text * 40).splitlines()[:n]  # beyond the first slice read
    doc = L.layout(text)
    assert [doc.line(text, k) for k in range(1, len(lines) + 1)] == lines


@pytest.mark.parametrize("line,row", [
    ("1\tXã Bình Lư\tKế hoạch số 51-KH/ĐU\t29/7/2024", "1|Xã Bình Lư|Kế hoạch số 51-KH/ĐU|29/7/2024"),
    ("3\tXã Khun Há     Kế hoạch số  47 -KH/ĐU     05/8/2024", "3|Xã Khun Há|    Kế hoạch số  47 -KH/ĐU|    05/8/2024"),
    # each tab closes a cell: an empty cell between two tabs, and after a last tab, stays a cell
    ("5\tHuyện ủy Mường Tè\tĐang dự thảo\t\t-\t", "5|Huyện ủy Mường Tè|Đang dự thảo||-|"),
    ("HUYỆN ỦY TUẦN GIÁO          ĐẢNG CỘNG SẢN VIỆT NAM", None),  # two columns: a letterhead, no table
    ("Thực hiện Chỉ thị số 05-CT/TW, Huyện ủy đã ban hành kế hoạch.", None),
])
def test_a_table_row_copied_as_text_gets_bars_between_its_cells_and_keeps_its_length(line, row):
    from ingest.layout import flattened_row, table_row
    got = flattened_row(line)
    assert len(got) == len(line)
    assert got == (row or line)
    assert table_row(got) is (row is not None)


@pytest.mark.parametrize("text,cells", [
    ("15|Đảng ủy các cơ quan|Kế hoạch số 03-KH/ĐU|Thực hiện Nghị quyết số 57-NQ/TW \tĐảng tỉnh",
     ["15", "Đảng ủy các cơ quan Đảng tỉnh", "Kế hoạch số 03-KH/ĐU", "Thực hiện Nghị quyết số 57-NQ/TW"]),
    ("7|Thị ủy Mộc Châu|Kế hoạch số 09-KH/TU|Thực hiện Chương trình hành động \t\t\tsố 62-CTr/TU",
     ["7", "Thị ủy Mộc Châu", "Kế hoạch số 09-KH/TU", "Thực hiện Chương trình hành động số 62-CTr/TU"]),
    ("| 1 | Huyện ủy Tủa Chùa | Kế hoạch số 91-KH/HU |", ["", " 1 ", " Huyện ủy Tủa Chùa ", " Kế hoạch số 91-KH/HU ", ""]),
])
def test_a_row_s_cells_take_the_text_copying_wrapped_onto_a_line_of_its_own(text, cells):
    from ingest.layout import row_cells
    assert row_cells(text) == cells


@pytest.mark.parametrize("text,footnotes", [
    ("Các huyện ủy đã ban hành kế hoạch thực hiện Chỉ thị 35(1).\n(1) Huyện ủy Cao Lộc Kế hoạch số "
     "45-KH/HU.", {"1": 1}),
    ("Nhiệm vụ gồm: (1) nâng cao chất lượng sinh hoạt;\n(1) Huyện ủy Cao Lộc Kế hoạch số 45-KH/HU.", {}),  # no marker
    ("(1) Huyện ủy Cao Lộc Kế hoạch số 45-KH/HU.\nThực hiện Chỉ thị 35(1).", {}),  # a body comes after its marker
    ("Các đảng ủy xã đã ban hành kế hoạch thực hiện Kế hoạch số 147-KH/HU của Ban Thường vụ Huyện ủy1; Đảng ủy xã Pa Ham\n"
     "được chọn chỉ đạo điểm đại hội2.\n____\n1 Đảng ủy xã Sa Lông: Kế hoạch số 52-KH/ĐU.\n2 Quyết định số 1312-QĐ/HU.",
     {"1": 1, "2": 2}),  # a PDF's copy: the numbers glued to the word before them
])
def test_footnotes_that_lost_their_superscript(text, footnotes):
    from ingest.layout import layout
    assert layout(text).footnotes == footnotes


def test_a_sentence_goes_on_past_a_page_s_footnotes_and_running_head():
    from ingest.layout import layout
    text = ("Ban Thường vụ Huyện ủy đã ban hành kế hoạch1. Đảng ủy Công an huyện đã\n______\n"
            "1 Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị.\n"
            "ĐẢNG BỘ TỈNH ĐIỆN BIÊN                 Trang 1/2\nBáo cáo số 291-BC/HU\n"
            "ban hành Kế hoạch số 27-KH/ĐU, ngày 19/7/2024 về thực hiện Chỉ thị\nsố 35-CT/TW gắn với xây dựng lực lượng.")
    texts = [p.text for p in layout(text).paragraphs]
    assert texts[0].endswith("Đảng ủy Công an huyện đã ban hành Kế hoạch số 27-KH/ĐU, ngày 19/7/2024 về thực hiện Chỉ "
                             "thị số 35-CT/TW gắn với xây dựng lực lượng.")
    assert "Báo cáo số 291-BC/HU" in texts  # the running head stands alone (it may cite the text itself)


def test_a_footnote_s_list_wrapped_at_a_fixed_width_goes_on_after_its_semicolon():
    from ingest.layout import layout
    text = ("Nghị quyết số 57-NQ/TW, Ban Thường vụ Huyện ủy đã ban hành Kế hoạch\n"
            "số 241-KH/HU, ngày 21/02/2025 về thực hiện Nghị quyết số 57-NQ/TW\n"
            "trên địa bàn huyện1. UBND huyện ban hành Kế hoạch số 38/KH-UBND, ngày\n"
            "06/3/2025 triển khai Kế hoạch số 241-KH/HU của Ban Thường vụ Huyện ủy.\n"
            "Thực hiện Kế hoạch số 241-KH/HU, các đảng ủy xã, thị trấn đã xây\n"
            "dựng kế hoạch của cấp mình3. Riêng Đảng ủy xã Sì Lở Lầu mới ban hành\n"
            "kế hoạch vào ngày 20/5/2025, nội dung còn sao chép, chưa sát thực tế.\n"
            "______________________\n"
            "1 Ngày ký ban hành của Kế hoạch theo bản gửi qua hệ thống điện tử.\n"
            "3 Đảng ủy thị trấn Phong Thổ: Kế hoạch số 35-KH/ĐU, ngày 03/3/2025;\n"
            "Đảng ủy xã Mường So: Kế hoạch số 29-KH/ĐU, ngày 05/3/2025; Đảng ủy xã\n"
            "Khổng Lào: Kế hoạch số 31-KH/ĐU, ngày 07/3/2025.\n")
    note = layout(text).paragraphs[-1]
    assert note.footnote == "3"
    assert note.text.endswith("ngày 03/3/2025; Đảng ủy xã Mường So: Kế hoạch số 29-KH/ĐU, ngày 05/3/2025; Đảng ủy xã "
                              "Khổng Lào: Kế hoạch số 31-KH/ĐU, ngày 07/3/2025.")


def test_a_table_copied_one_cell_per_line_with_its_empty_cells_dropped_is_read_by_its_row_numbers():
    from ingest.layout import layout
    text = ("PHỤ LỤC 01\nTT\nĐảng bộ\nKế hoạch (số, ngày)\nNội dung thực hiện\nSố hội nghị\nGhi chú\n1\nThị trấn Mường "
            "Ảng\n71-KH/ĐU ngày 20/10/2021\nKL 01 và KH 68\n02\n2\nẲng Tở\n45-KH/ĐU ngày 25/10/2021\n02\n3\nMường Lạn\n"
            "Chưa ban hành\n-\nChưa báo cáo\nCộng\n8/10\n")
    texts = [p.text for p in layout(text).paragraphs]
    assert texts[1:5] == ["TT|Đảng bộ|Kế hoạch (số, ngày)|Nội dung thực hiện|Số hội nghị|Ghi chú",
                          "1|Thị trấn Mường Ảng|71-KH/ĐU ngày 20/10/2021|KL 01 và KH 68|02", "2|Ẳng Tở|45-KH/ĐU ngày 25/10/2021|02",
                          "3|Mường Lạn|Chưa ban hành|-|Chưa báo cáo"]


def test_a_table_copied_one_cell_per_line_is_read_as_rows():
    from ingest.layout import layout
    text = ("Các đảng ủy đã ban hành kế hoạch, cụ thể như sau:\nSTT\nĐảng bộ\nVăn bản\nNgày ban hành\n1\n"
            "Đảng ủy xã Chiềng Khuơng\nKế hoạch số 58-KH/ĐU\n12/6/2024\n2\nĐảng ủy xã Chiềng Sơ\nKế hoạch số 52-\nKH/ĐU\n"
            "22/6/2024\n\nII. KẾT QUẢ")
    texts = [p.text for p in layout(text).paragraphs]
    assert texts[1:4] == ["STT|Đảng bộ|Văn bản|Ngày ban hành", "1|Đảng ủy xã Chiềng Khuơng|Kế hoạch số 58-KH/ĐU|12/6/2024",
                          "2|Đảng ủy xã Chiềng Sơ|Kế hoạch số 52- KH/ĐU|22/6/2024"]
