"""ingest.resolve: citations of several texts -> canonical documents.

Each scenario is a few short texts run through ingest.pipeline.analyse, then resolved.
"""
from __future__ import annotations

import pytest

from ingest.pipeline import analyse, build
from ingest.read import Source
from ingest.registry import Registry
from ingest.resolve import resolve
from ingest.units import Roster


@pytest.fixture(scope="module")
def data():
    return Roster.load(), Registry.load()


class Scenario:
    """The texts, their facts and the resolution, with small lookups for the asserts."""

    def __init__(self, data, *texts: str):
        self.roster, self.registry = data
        self.facts = [analyse(Source(f"t{i}.txt", t, "txt"), *data) for i, t in enumerate(texts)]
        self.res = resolve({f.file: list(f.citations) for f in self.facts}, *data)
        self.docs = {d.id: d for d in self.res.documents}

    def cits(self, text: int = 0):
        return self.facts[text].citations

    def find(self, surface_start: str, text: int = 0) -> int:
        """Index of the first citation of text `text` whose surface starts with `surface_start`."""
        for i, c in enumerate(self.cits(text)):
            if c.surface.startswith(surface_start):
                return i
        raise AssertionError(f"no citation {surface_start!r} in {[c.surface for c in self.cits(text)]}")

    def key(self, surface_start: str, text: int = 0) -> tuple:
        return (f"t{text}.txt", self.find(surface_start, text))

    def assigned(self, surface_start: str, text: int = 0) -> list:
        return [self.docs[i] for i in self.res.assigned.get(self.key(surface_start, text), [])]

    def doc(self, surface_start: str, text: int = 0):
        docs = self.assigned(surface_start, text)
        assert len(docs) == 1, (surface_start, [d.id for d in docs])
        return docs[0]

    def how(self, surface_start: str, text: int = 0) -> str:
        return self.res.how.get(self.key(surface_start, text))

    def cited(self, **attrs) -> list:
        """Documents that some citation is assigned to, with these attributes."""
        ids = {i for v in self.res.assigned.values() for i in v}
        return [d for d in self.res.documents if d.id in ids
                and all(getattr(d, k) == v for k, v in attrs.items())]


# --- one code, several documents ----------------------------------------------------------

def test_same_code_of_two_units_is_two_documents(data):
    s = Scenario(data,
                 "Huyện ủy Nậm Pồ ban hành Kế hoạch số 47-KH/HU, ngày 18/12/2021 về phát triển cây mắc ca.",
                 "Huyện ủy Mường Ảng ban hành Kế hoạch số 47-KH/HU, ngày 02/3/2022 về chuyển đổi số.")
    nam_po, muong_ang = s.doc("Kế hoạch số 47", 0), s.doc("Kế hoạch số 47", 1)
    assert nam_po.id != muong_ang.id
    assert (nam_po.unit, nam_po.date) == ("Huyện ủy Nậm Pồ", "2021-12-18")
    assert (muong_ang.unit, muong_ang.date) == ("Huyện ủy Mường Ảng", "2022-03-02")
    assert len(s.cited(type="Kế hoạch", number="47")) == 2


def test_a_short_form_with_its_issuer_is_that_unit_s_document(data):
    s = Scenario(data, "Ở Sơn La. Thực hiện Nghị quyết số 15-NQ/TU, ngày 06/3/2023 của Ban Thường vụ Tỉnh ủy, Huyện ủy Phù "
                       "Yên ban hành Nghị quyết số 15-NQ/HU, ngày 28/4/2023.\n\nSau một năm, Nghị quyết 15 của Huyện ủy "
                       "đã đi vào cuộc sống; Nghị quyết 15 của Tỉnh ủy được sơ kết.")
    shorts = [i for i, c in enumerate(s.cits()) if c.surface == "Nghị quyết 15"]  # the district's, then the province's
    assert [s.docs[s.res.assigned[("t0.txt", i)][0]].unit for i in shorts] == ["Huyện ủy Phù Yên", "Tỉnh ủy Sơn La"]


def test_a_plenum_s_resolution_singled_out_by_its_subject(data):
    s = Scenario(data, "Căn cứ Nghị quyết Trung ương 7 khóa XII về tập trung xây dựng đội ngũ cán bộ các cấp, nhất là cấp "
                       "chiến lược, đủ phẩm chất, năng lực và uy tín, ngang tầm nhiệm vụ; Nghị quyết Trung ương 4 (khóa XI, "
                       "khóa XII) về xây dựng, chỉnh đốn Đảng.")
    assert [d.number for d in s.assigned("Nghị quyết Trung ương 7")] == ["26"]
    assert sorted(d.number for d in s.assigned("Nghị quyết Trung ương 4")) == ["04", "12"]  # one of each term


def test_a_short_form_dated_by_its_sentence(data):
    s = Scenario(data, "Ở Điện Biên, Tỉnh ủy thực hiện Chỉ thị số 35-CT/TW, ngày 30/5/2019 và Chỉ thị số 35-CT/TW, ngày "
                       "14/6/2024 của Bộ Chính trị.\n\nQua thực hiện Chỉ thị 35 nhiệm kỳ 2020 - 2025, công tác nhân sự đổi "
                       "mới.\n\nTrong chuẩn bị đại hội nhiệm kỳ 2025 - 2030, Tỉnh ủy chỉ đạo thực hiện Chỉ thị 35.\n\nCó nơi "
                       "chưa làm kỹ theo Chỉ thị 35 năm 2019.\n\nTiếp tục thực hiện Chỉ thị 35 của Bộ Chính trị khóa XIII.")
    shorts = [i for i, c in enumerate(s.cits()) if c.surface == "Chỉ thị 35"]
    dates = [s.docs[s.res.assigned[("t0.txt", i)][0]].date[:4] if s.res.assigned.get(("t0.txt", i)) else None
             for i in shorts]
    assert dates == ["2019", "2024", "2019", "2024"]


def test_one_number_of_two_provinces_boards_is_two_documents(data):
    s = Scenario(data,
                 "ĐẢNG BỘ TỈNH ĐIỆN BIÊN\nỦY BAN KIỂM TRA\n*\nSố 18-KH/UBKTTU\n\nKẾ HOẠCH\nthực hiện Quy định số "
                 "22-QĐ/TW",
                 "Ở Sơn La, theo Kế hoạch số 18-KH/UBKTTU, ngày 20/5/2022, các huyện đã kiểm tra.")
    assert s.doc("18-KH", 0).id != s.doc("Kế hoạch số 18", 1).id


def test_same_code_of_two_units_in_one_text(data):
    s = Scenario(data,
                 "Huyện ủy Nậm Pồ ban hành Kế hoạch số 47-KH/HU, ngày 18/12/2021 về phát triển cây mắc ca. "
                 "Huyện ủy Mường Ảng ban hành Kế hoạch số 47-KH/HU, ngày 02/3/2022 về chuyển đổi số.")
    first, second = (s.assigned("Kế hoạch số 47")[0],
                     s.docs[s.res.assigned[("t0.txt", 1)][0]])
    assert first.id != second.id
    assert {first.unit, second.unit} == {"Huyện ủy Nậm Pồ", "Huyện ủy Mường Ảng"}


def test_an_undated_local_number_reused_is_the_last_one_issued_by_the_date_its_sentence_gives(data):
    s = Scenario(data,
                 "Năm 2008, Ban Thường vụ Tỉnh ủy Sơn La ban hành Kế hoạch số 20-KH/TU, ngày 14/4/2008 về sơ kết 5 năm. "
                 "Ban Thường vụ Tỉnh ủy Sơn La ban hành Kế hoạch số 20-KH/TU, ngày 16/12/2019 thực hiện Kết luận số "
                 "65-KL/TW.\nHuyện ủy Sông Mã ban hành Kế hoạch số 87-KH/HU, ngày 06/01/2020 thực hiện Kế hoạch số "
                 "20-KH/TU của Ban Thường vụ Tỉnh ủy.")
    later = s.docs[s.res.assigned[("t0.txt", 1)][0]]
    assert later.date == "2019-12-16"
    assert s.res.assigned[("t0.txt", 4)] == [later.id]  # "... thực hiện Kế hoạch số 20-KH/TU của Ban Thường vụ ..."


def test_a_short_form_its_issuer_labels_is_that_unit_s_own_document_not_another_s_of_that_number(data):
    s = Scenario(data, "Các đảng ủy đã ban hành kế hoạch thực hiện Nghị quyết số 57-NQ/TW gồm: Đảng ủy xã Phúc Than (KH 12, "
                       "ngày 20/02/2025), Đảng ủy xã Ta Gia (Kế hoạch số 12-KH/ĐU, ngày 24/02/2025).")
    phuc_than, ta_gia = s.doc("KH 12"), s.doc("Kế hoạch số 12-KH/ĐU")
    assert phuc_than.id != ta_gia.id
    assert (phuc_than.unit, ta_gia.unit) == ("Đảng ủy xã Phúc Than", "Đảng ủy xã Ta Gia")


def test_a_short_form_of_a_number_one_unit_reused_is_the_one_of_the_period_its_sentence_names(data):
    s = Scenario(data, "Huyện ủy Phù Yên ban hành Kế hoạch số 47-KH/HU, ngày 11/7/2016 thực hiện Chỉ thị số 05-CT/TW. "
                       "Huyện ủy Phù Yên ban hành Kế hoạch số 47-KH/HU, ngày 06/8/2021 thực hiện Kết luận số 01-KL/TW.\n"
                       "Giai đoạn 2016 - 2020, Kế hoạch 47 được quán triệt đến 100% chi, đảng bộ cơ sở.\n"
                       "Từ năm 2021 đến nay, thực hiện Kế hoạch 47, Đảng ủy xã Tường Phong ban hành Kế hoạch số 35-KH/ĐU.")
    short = [i for i, c in enumerate(s.cits()) if c.surface == "Kế hoạch 47"]
    dates = [s.docs[s.res.assigned[("t0.txt", i)][0]].date for i in short]
    assert dates == ["2016-07-11", "2021-08-06"]


def test_bare_code_shared_by_two_documents_is_ambiguous(data):
    s = Scenario(data,
                 "Huyện ủy Nậm Pồ ban hành Kế hoạch số 47-KH/HU, ngày 18/12/2021 về phát triển cây mắc ca.",
                 "Huyện ủy Mường Ảng ban hành Kế hoạch số 47-KH/HU, ngày 02/3/2022 về chuyển đổi số.",
                 "Các xã của tỉnh Điện Biên bàn cách thực hiện Kế hoạch số 47-KH/HU.")
    assert s.how("Kế hoạch số 47", 2) == "ambiguous"
    assert set(s.res.candidates[s.key("Kế hoạch số 47", 2)]) == {s.doc("Kế hoạch số 47", 0).id,
                                                                s.doc("Kế hoạch số 47", 1).id}


def test_20_ct_tw_of_bo_chinh_tri_and_of_ban_bi_thu_are_two_documents(data):
    s = Scenario(data,
                 "Thực hiện Chỉ thị số 20-CT/TW, ngày 05/11/2012 của Bộ Chính trị về tăng cường sự lãnh đạo.",
                 "Thực hiện Chỉ thị số 20-CT/TW, ngày 18/01/2018 của Ban Bí thư về tăng cường công tác.")
    old, new = s.doc("Chỉ thị số 20", 0), s.doc("Chỉ thị số 20", 1)
    assert old.id != new.id
    assert (old.date, old.issuer_unit) == ("2012-11-05", "Bộ Chính trị")
    assert (new.date, new.issuer_unit) == ("2018-01-18", "Ban Bí thư")


def test_20_ct_tw_told_apart_by_issuer_alone(data):
    s = Scenario(data,
                 "Quán triệt Chỉ thị số 20-CT/TW của Bộ Chính trị đến các chi bộ.",
                 "Quán triệt Chỉ thị số 20-CT/TW của Ban Bí thư đến các chi bộ.")
    assert s.doc("Chỉ thị số 20", 0).date == "2012-11-05"
    assert s.doc("Chỉ thị số 20", 1).date == "2018-01-18"


# --- dates ---------------------------------------------------------------------------------

def test_a_short_form_s_year_or_date_tells_two_20_ct_tw_apart(data):
    s = Scenario(data,
                 "Thực hiện Chỉ thị số 20-CT/TW, ngày 05/11/2012 của Bộ Chính trị. Chỉ thị 20/2018 cũng được quán triệt.",
                 "Thực hiện Chỉ thị số 20-CT/TW, ngày 18/01/2018 của Ban Bí thư. Chỉ thị 20 ngày 05/11/2012 cũng vậy.")
    assert s.doc("Chỉ thị 20/2018", 0).date == "2018-01-18"
    assert s.doc("Chỉ thị 20 ngày", 1).date == "2012-11-05"


def test_a_list_shares_its_date_and_code(data):
    s = Scenario(data, "Quán triệt các Nghị quyết số 18, 19, 20-NQ/TW ngày 25/10/2017 của Hội nghị Trung ương 6.")
    assert [s.doc(n).id for n in ("Nghị quyết số 18", "19", "20-NQ/TW")] == [
        "18-nq-tw.tw.2017", "19-nq-tw.tw.2017", "20-nq-tw.tw.2017"]


def test_conflicting_dates_are_voted_on(data):
    s = Scenario(data,
                 "Thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2015 của Bộ Chính trị về học tập và làm theo.",
                 "Thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị về học tập và làm theo.",
                 "Các chi bộ học tập Chỉ thị số 05-CT/TW ngày 15/5/2016 trong sinh hoạt.")
    docs = {s.doc("Chỉ thị số 05", i).id for i in range(3)}
    assert len(docs) == 1
    doc = s.docs[docs.pop()]
    assert set(doc.dates_seen) == {"2015-05-15", "2016-05-15"}
    assert doc.date == "2016-05-15"
    assert "conflicting-dates" in doc.flags


def test_conflicting_dates_of_a_local_document(data):
    s = Scenario(data,
                 "Huyện ủy Tuần Giáo ban hành Chỉ thị số 09-CT/HU, ngày 04/3/2015 về trồng rừng.",
                 "Huyện ủy Tuần Giáo ban hành Chỉ thị số 09-CT/HU, ngày 04/3/2016 về trồng rừng.",
                 "Thực hiện Chỉ thị số 09-CT/HU, ngày 04/3/2016 của Huyện ủy Tuần Giáo về trồng rừng.")
    (doc,) = s.cited(number="09")
    assert doc.date == "2016-03-04"
    assert doc.dates_seen == ("2015-03-04", "2016-03-04")
    assert "conflicting-dates" in doc.flags


@pytest.mark.parametrize("other,joins", [
    ("10/3/2022", True),  # the year only: a typo
    ("10/7/2021", True),  # the month only
    ("10/7/2023", False),  # month and year
    ("22/7/2023", False),  # everything
])
def test_a_date_differing_in_more_than_one_part_is_another_document(data, other, joins):
    s = Scenario(data,
                 "Huyện ủy Tuần Giáo ban hành Kế hoạch số 30-KH/HU, ngày 10/3/2021 về chuyển đổi số.",
                 f"Huyện ủy Tuần Giáo ban hành Kế hoạch số 30-KH/HU, ngày {other} về chuyển đổi số.")
    same = s.doc("Kế hoạch số 30", 0).id == s.doc("Kế hoạch số 30", 1).id
    assert same is joins
    assert len(s.cited(number="30")) == (1 if joins else 2)


def test_a_date_of_another_term_does_not_join_the_registry_document(data):
    """Central numbers start afresh each term: a 05-CT/TW of 2022 is not the one of 2016 (term XII)."""
    s = Scenario(data, "Thực hiện Chỉ thị số 05-CT/TW, ngày 20/8/2022 của Bộ Chính trị.")
    doc = s.doc("Chỉ thị số 05")
    assert doc.date == "2022-08-20"
    assert doc.id != "05-ct-tw.tw.2016"
    assert not [d for d in s.cited() if d.date == "2016-05-15"]


def test_a_date_far_from_the_registry_date_in_its_term_is_a_wrong_date(data):
    """Within term XII there is one 05-CT/TW: "ngày 20/8/2019" misdates the one of 15/5/2016, whose
    checked date stays, the other one seen."""
    s = Scenario(data, "Thực hiện Chỉ thị số 05-CT/TW, ngày 20/8/2019 của Bộ Chính trị.")
    doc = s.doc("Chỉ thị số 05")
    assert (doc.id, doc.date, doc.dates_seen) == ("05-ct-tw.tw.2016", "2016-05-15", ("2019-08-20",))


# --- garbled codes ----------------------------------------------------------------------------

def test_garbled_code_joins_the_real_document(data):
    s = Scenario(data,
                 "Ban Thường vụ Tỉnh ủy Sơn La ban hành Nghị quyết số 15-NQ/TU, ngày 18/11/2021 về phát triển "
                 "cây cà phê bền vững.",
                 "Ở Sơn La, các huyện thực hiện Nghị quyết số 15-NQ/TU ngày 18/11/2021 về phát triển cây cà phê "
                 "bền vững.",
                 "Tỉnh Sơn La triển khai Nghị quyết số 15-NQ/ThU, ngày 18/11/2021 về phát triển cây cà phê bền vững.")
    real = s.doc("Nghị quyết số 15-NQ/TU", 0)
    assert s.doc("Nghị quyết số 15-NQ/TU", 1).id == real.id
    assert s.doc("Nghị quyết số 15-NQ/ThU", 2).id == real.id
    assert s.how("Nghị quyết số 15-NQ/ThU", 2) == "fuzzy"
    assert real.code == "NQ/TU" and real.unit == "Tỉnh ủy Sơn La"
    assert any(f.startswith("garbled-code") and "NQ/ThU" in f for f in real.flags)
    assert len(s.cited(number="15")) == 1


def test_a_code_typed_with_d_for_its_barred_d_is_the_same_document(data):
    s = Scenario(data, "Ban Thường vụ Tỉnh ủy Điện Biên ban hành Đề án số 05-ĐA/TU, ngày 10/3/2023 về phát triển nông nghiệp.",
                 "Thực hiện Đề án số 05-DA/TU, ngày 10/3/2023 của Ban Thường vụ Tỉnh ủy Điện Biên, Huyện ủy Mường Ảng ban "
                 "hành Kế hoạch số 45-KH/DU.")
    assert s.doc("Đề án số 05-ĐA/TU").id == s.doc("Đề án số 05-DA/TU", 1).id


def test_a_code_alone_is_not_garbled(data):
    s = Scenario(data, "Tỉnh Sơn La triển khai Nghị quyết số 15-NQ/ThU, ngày 18/11/2021 về phát triển cây cà phê.")
    doc = s.doc("Nghị quyết số 15-NQ/ThU")
    assert doc.code == "NQ/ThU"
    assert not any(f.startswith("garbled-code") for f in doc.flags)


# --- short forms through the registry ------------------------------------------------------------

def test_short_form_resolves_through_the_registry(data):
    s = Scenario(data, "Các chi bộ tiếp tục thực hiện Chỉ thị 05 trong sinh hoạt hằng tháng.")
    doc = s.doc("Chỉ thị 05")
    assert (doc.number, doc.code, doc.date, doc.issuer_unit) == ("05", "CT/TW", "2016-05-15", "Bộ Chính trị")
    assert s.how("Chỉ thị 05") == "registry"


def test_short_form_resolves_to_the_full_citation_of_its_text(data):
    s = Scenario(data, "Thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị. Sau 5 năm thực hiện "
                       "Chỉ thị 05, các chi bộ có nhiều mô hình hay.")
    assert s.doc("Chỉ thị 05").id == s.doc("Chỉ thị số 05").id
    assert s.how("Chỉ thị 05") == "context"


def test_short_form_without_context_is_ambiguous(data):
    s = Scenario(data, "Các chi bộ tiếp tục thực hiện Chỉ thị 20 trong sinh hoạt hằng tháng.")
    key = s.key("Chỉ thị 20")
    assert s.res.assigned[key] == []
    assert s.res.how[key] == "ambiguous"
    dates = sorted(s.docs[i].date for i in s.res.candidates[key])
    assert dates == ["2012-11-05", "2018-01-18"]


def test_a_text_citing_two_documents_of_one_number_means_its_topic_by_the_bare_forms(data):
    """A report on Chỉ thị 20-CT/TW of 2018 that names the one of 2012 once: its bare "Chỉ thị số
    20-CT/TW" and "Chỉ thị 20" are the 2018 one (cited most in the text), listed as ambiguous."""
    s = Scenario(data, "Báo cáo kết quả thực hiện Chỉ thị số 20-CT/TW, ngày 18/01/2018 của Ban Bí thư. Tỉnh ủy ban "
                       "hành Kế hoạch số 85-KH/TU thực hiện Chỉ thị số 20-CT/TW. Huyện ủy Hòa An thực hiện Chỉ thị số "
                       "20-CT/TW, ngày 05/11/2012 của Bộ Chính trị. Các huyện ủy tiếp tục thực hiện Chỉ thị 20.")
    assert s.doc("Chỉ thị số 20-CT/TW, ngày 05/11/2012").date == "2012-11-05"
    cits = s.cits()
    bare = [i for i, c in enumerate(cits) if c.surface in ("Chỉ thị số 20-CT/TW", "Chỉ thị 20")]
    assert len(bare) == 2
    for i in bare:
        (doc,) = [s.docs[d] for d in s.res.assigned[("t0.txt", i)]]
        assert doc.date == "2018-01-18" and s.res.how[("t0.txt", i)] == "ambiguous"


def test_a_text_looking_back_on_an_older_namesake_means_its_first_cited_by_the_bare_forms(data):
    """A report on Chỉ thị 35-CT/TW of 2024 that cites the one of 2019 twice, with its date, when it
    looks back on the last term: its bare "Chỉ thị 35" is the 2024 one it opened with."""
    s = Scenario(data, "Triển khai Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị, Huyện ủy Than Uyên ban hành "
                       "kế hoạch. Nhiệm kỳ trước, khi thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị, "
                       "Huyện ủy phải lùi lịch đại hội; Kế hoạch số 112-KH/HU thực hiện Chỉ thị số 35-CT/TW, ngày "
                       "30/5/2019 đã được tổng kết. Năm nay, các xã thực hiện Chỉ thị 35 đúng tiến độ.")
    assert s.doc("Chỉ thị 35").date == "2024-06-14"


def test_a_central_number_misdated_within_its_term_is_the_known_one(data):
    """Central documents are numbered afresh each term: "Kết luận 01-KL/TW (05/6/2024)" in a list of
    news links is the 01-KL/TW of 18/5/2021, and "35-CT/TW ngày 14/6/2019" the 35-CT/TW of 30/5/2019,
    not the 2024 one whose day and month it shares."""
    s = Scenario(data, "Tin liên quan:\n- Huyện ủy Mường Chà triển khai Kết luận 01-KL/TW (05/6/2024)\n"
                       "- Nhìn lại Chỉ thị số 35-CT/TW ngày 14/6/2019 của Bộ Chính trị về đại hội đảng bộ các cấp.")
    assert s.doc("Kết luận 01-KL/TW").date == "2021-05-18"
    assert s.doc("Chỉ thị số 35-CT/TW").date == "2019-05-30"


def test_short_form_with_its_issuer_is_not_ambiguous(data):
    s = Scenario(data, "Các chi bộ tiếp tục thực hiện Chỉ thị 20 của Ban Bí thư trong sinh hoạt.")
    assert s.doc("Chỉ thị 20").date == "2018-01-18"


def test_short_form_of_an_unknown_number_is_unresolved(data):
    s = Scenario(data, "Các chi bộ tiếp tục thực hiện Chỉ thị 77 trong sinh hoạt hằng tháng.")
    key = s.key("Chỉ thị 77")
    assert s.res.assigned[key] == []
    assert s.res.how[key] == "unresolved"


# --- named forms --------------------------------------------------------------------------------

def test_plenum_of_two_terms_is_two_documents(data):
    s = Scenario(data, "Các chi bộ quán triệt Nghị quyết Trung ương 4 (khóa XI, XII) về xây dựng Đảng.")
    docs = s.assigned("Nghị quyết Trung ương 4")
    assert sorted((d.number, d.code, d.date) for d in docs) == [("04", "NQ/TW", "2016-10-30"),
                                                               ("12", "NQ/TW", "2012-01-16")]
    graph = build(s.facts, *data)
    mentions = [m for m in graph.mentions if m.surface.startswith("Nghị quyết Trung ương 4")]
    assert sorted(m.document for m in mentions) == sorted(d.id for d in docs)
    assert len({(m.start, m.end) for m in mentions}) == 1


def test_plenum_joins_the_full_citation_of_the_same_document(data):
    s = Scenario(data, "Quán triệt Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng.",
                 "Thực hiện Nghị quyết số 04-NQ/TW, ngày 30/10/2016 của Ban Chấp hành Trung ương.")
    assert s.doc("Nghị quyết Trung ương 4", 0).id == s.doc("Nghị quyết số 04", 1).id


def test_registry_documents_named_by_their_plenum_or_number(data):
    s = Scenario(data, "Ban Thường vụ Tỉnh ủy tổ chức hội nghị quán triệt Nghị quyết Trung ương 7 (khóa XI) cho cán bộ chủ "
                       "chốt; Đảng ủy Quân sự tỉnh thực hiện Nghị quyết số 847-NQ/QUTW của Quân ủy Trung ương.")
    assert (s.doc("Nghị quyết Trung ương 7", 0).number, s.doc("Nghị quyết Trung ương 7", 0).date) == ("25", "2013-06-03")
    assert s.doc("Nghị quyết số 847", 0).date == "2021-12-28"


def test_national_congress_resolution(data):
    s = Scenario(data, "Thực hiện Nghị quyết Đại hội XIII của Đảng, Tỉnh ủy xây dựng chương trình hành động.")
    doc = s.doc("Nghị quyết Đại hội XIII")
    assert (doc.type, doc.number, doc.date) == ("Nghị quyết", None, "2021-02-01")


def test_every_citation_has_a_resolution_and_documents_have_unique_ids(data):
    s = Scenario(data,
                 "Huyện ủy Nậm Pồ ban hành Kế hoạch số 47-KH/HU, ngày 18/12/2021 về thực hiện Chỉ thị 05 và "
                 "Nghị quyết Trung ương 4 (khóa XI, XII).",
                 "Thực hiện Chỉ thị 20, Huyện ủy Mường Ảng ban hành Kế hoạch số 47-KH/HU, ngày 02/3/2022.")
    for f in s.facts:
        for i, _ in enumerate(f.citations):
            assert (f.file, i) in s.res.how
            assert all(d in s.docs for d in s.res.assigned.get((f.file, i), []))
    assert len(s.docs) == len(s.res.documents)


def test_a_number_sharing_the_next_ones_code_is_that_code_s_document(data):
    """"Kế hoạch số 12 và 13-KH/HU của Huyện ủy Nậm Pồ": 12 is 12-KH/HU, a document of its own."""
    s = Scenario(data, "Huyện ủy Nậm Pồ thực hiện Kế hoạch số 12 và 13-KH/HU ở Điện Biên. "
                       "Huyện ủy Nậm Pồ ban hành Kế hoạch số 12-KH/HU, ngày 02/3/2022 về phát triển chè.")
    short, full, thirteen = (s.doc(surface) for surface in ("Kế hoạch số 12", "Kế hoạch số 12-KH/HU", "13-KH/HU"))
    assert (short.number, short.code) == ("12", "KH/HU")
    assert short == full != thirteen


def test_a_law_named_without_a_number_is_one_document_per_name(data):
    s = Scenario(data, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                 "Căn cứ Luật Tổ chức Chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật Ngân sách nhà nước ngày "
                 "25 tháng 6 năm 2015;")
    law = s.doc("Luật Tổ chức chính quyền")
    assert s.doc("Luật Tổ chức Chính quyền", text=1).id == law.id
    assert law.type == "Luật" and law.date == "2015-06-19"
    assert s.doc("Luật Ngân sách", text=1).id != law.id
