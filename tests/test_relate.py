"""ingest.relate through ingest.pipeline.analyse + build: what the texts say between documents,
and which units carry them out. Assertions are on Graph.edges, by the numbers and codes of the
documents at both ends.
"""
from __future__ import annotations

import re
from datetime import date

import pytest

from graph.model import DOC_RELATIONS, Relation
from ingest.pipeline import MAX_EARLY_DAYS, analyse, build
from ingest.read import Source
from ingest.registry import Registry
from ingest.units import Roster

IMPLEMENTS, CONTINUES, INSPECTS, GUIDES, AMENDS, CITES = (
    Relation.IMPLEMENTS, Relation.CONTINUES, Relation.INSPECTS, Relation.GUIDES, Relation.AMENDS, Relation.CITES)


@pytest.fixture(scope="module")
def data():
    return Roster.load(), Registry.load()


class Built:
    def __init__(self, data, *texts: str):
        self.texts = {f"t{i}.txt": t for i, t in enumerate(texts)}
        self.facts = [analyse(Source(name, t, "txt"), *data) for name, t in self.texts.items()]
        self.graph = build(self.facts, *data)
        self.docs = {d.id: d for d in self.graph.documents}
        self.units = {u.id: u for u in self.graph.units}

    def label(self, node: str):
        """"47-KH/HU" for a document, "unit:Huyện ủy Nậm Pồ" for a unit."""
        if node in self.docs:
            d = self.docs[node]
            return f"{d.number}-{d.code}" if d.code and d.sep == "-" else (
                f"{d.number}/{d.code}" if d.code else f"{d.type} {d.id}")
        return f"unit:{self.units[node].name}" if node in self.units else node

    def edges(self, *relations: Relation) -> set[tuple]:
        """(relation, source label, target label) of every edge but `issued`."""
        wanted = relations or tuple(DOC_RELATIONS)
        return {(e.relation, self.label(e.source), self.label(e.target)) for e in self.graph.edges
                if e.relation in wanted}

    def issued(self) -> set[tuple]:
        """(unit label, document label) of every `issued` edge."""
        return {(self.label(e.source), self.label(e.target)) for e in self.graph.edges if e.relation is Relation.ISSUED}

    def unit_edges(self) -> set[tuple]:
        return {(r, s, t) for r, s, t in self.edges() if s.startswith("unit:")}

    def doc_edges(self) -> set[tuple]:
        return {(r, s, t) for r, s, t in self.edges() if not s.startswith("unit:")}


# --- one document's subject names another ------------------------------------------------------

NQ15 = "Nghị quyết số 15-NQ/TU, ngày 18/11/2021 của Tỉnh ủy Điện Biên"

DOC_TO_DOC = [
    pytest.param("| 1 | Kế hoạch số 402-KH/TU | Ban Thường vụ Tỉnh ủy | 22/4/2025 | thực hiện Chỉ thị 45-CT/TW |",
                 {(IMPLEMENTS, "402-KH/TU", "45-CT/TW")}, id="a row whose cells between A and B give its issuer and date"),
    pytest.param("- Kết luận 123-KL/TW ngày 24/01/2025 của Ban Chấp hành Trung ương về Đề án bổ sung phát triển kinh tế - "
                 "xã hội năm 2025 được Ban Thường vụ Tỉnh ủy triển khai bằng Công văn 2456-CV/TU ngày 05/02/2025.",
                 {(IMPLEMENTS, "2456-CV/TU", "123-KL/TW")}, id="'B về ... được X triển khai bằng A': B's subject before"),
    pytest.param("Sở Y tế ban hành Quyết định số 89/QĐ-SYT ngày 20/5/2024 thành lập Tổ công tác triển khai Kế hoạch số "
                 "112/KH-UBND của UBND tỉnh; Huyện ủy ban hành Quyết định số 123-QĐ/HU kiện toàn Ban Chỉ đạo thực hiện "
                 "Chỉ thị số 05-CT/TW.", {(IMPLEMENTS, "89/QĐ-SYT", "112/KH-UBND"), (IMPLEMENTS, "123-QĐ/HU", "05-CT/TW")},
                 id="'a decision setting up (or renewing) a body to carry B out'"),
    pytest.param("Chỉ thị số 32-CT/TU được Ban Thường vụ Tỉnh ủy Sơn La ban hành để lãnh đạo thực hiện Nghị quyết số "
                 "20-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương.", {(IMPLEMENTS, "32-CT/TU", "20-NQ/TW")},
                 id="'A được X ban hành để lãnh đạo thực hiện B'"),
    pytest.param("Nghị quyết số 11-NQ/TU, ngày 20/12/2021 được ban hành để cụ thể hóa Nghị quyết Đại hội XIII của "
                 "Đảng.\nBan Thường vụ Tỉnh ủy ban hành Đề án số 05-ĐA/TU, ngày 15/3/2022 về phát triển cây ăn quả "
                 "giai đoạn 2022 - 2025 để cụ thể hóa Nghị quyết. UBND tỉnh ban hành Kế hoạch số 35/KH-UBND, ngày "
                 "22/02/2022 triển khai thực hiện Nghị quyết, lồng ghép các nguồn vốn.",
                 {(IMPLEMENTS, "05-ĐA/TU", "11-NQ/TU"), (IMPLEMENTS, "35/KH-UBND", "11-NQ/TU"),
                  (IMPLEMENTS, "11-NQ/TU", "Nghị quyết nghi-quyet-dai-hoi-xiii.tw.2021")},
                 id="'A về ... để cụ thể hóa Nghị quyết': the numbered one cited last, not a congress's"),
    pytest.param("Ở cấp huyện, Kế hoạch số 95-KH/HU, ngày 13/01/2025 (Huyện ủy Tam Đường) và Kế hoạch số 112-KH/ThU "
                 "ngày 15-01-2025 (Thành ủy Lai Châu) đã cụ thể hóa Nghị quyết số 57-NQ/TW; Huyện ủy Mường Tè chưa "
                 "triển khai.", {(IMPLEMENTS, "95-KH/HU", "57-NQ/TW"), (IMPLEMENTS, "112-KH/ThU", "57-NQ/TW")},
                 id="'A (X) và B (Y) đã cụ thể hóa C': both subjects carry C out"),
    pytest.param("Kế hoạch số 112-KH/ĐU, ngày 28/8/2024 của Đảng ủy xã được ban hành để cụ thể hóa Kế hoạch số 54-KH/HU, "
                 "ngày 15/7/2021 của Ban Thường vụ Huyện ủy Mường Ảng.", {(IMPLEMENTS, "112-KH/ĐU", "54-KH/HU")},
                 id="'A được ban hành để cụ thể hóa B'"),
    pytest.param("| 5 | Đảng ủy Quân sự tỉnh | Kế hoạch số 214/KH-ĐU, ngày 22/01/2025 | Thực hiện Nghị quyết 57-NQ/TW và "
                 "Kế hoạch số 309-KH/TU |",
                 {(IMPLEMENTS, "214/KH-ĐU", "57-NQ/TW"), (IMPLEMENTS, "214/KH-ĐU", "309-KH/TU")},
                 id="a table row: the document's content cell says what it carries out"),
    pytest.param("19/19 huyện ủy đã ban hành kế hoạch thực hiện Nghị quyết 43-NQ/TW và Kế hoạch số 236-KH/TU. Một số "
                 "đơn vị ban hành sớm, nội dung cụ thể như: Thành ủy Sơn La (Kế hoạch số 189-KH/ThU, ngày 24/01/2024), "
                 "Huyện ủy Mai Sơn (Kế hoạch số 207-KH/HU, ngày 26/01/2024).",
                 {(IMPLEMENTS, "189-KH/ThU", "43-NQ/TW"), (IMPLEMENTS, "189-KH/ThU", "236-KH/TU"),
                  (IMPLEMENTS, "207-KH/HU", "43-NQ/TW"), (IMPLEMENTS, "207-KH/HU", "236-KH/TU")},
                 id="the next sentence's examples of the plans the sentence before says were issued"),
    pytest.param("19/19 huyện ủy đã ban hành kế hoạch thực hiện Chỉ thị 35-CT/TW và Kế hoạch số 271-KH/TU; trong đó "
                 "Huyện ủy Bắc Yên (Kế hoạch số 164-KH/HU, ngày 19/8/2024) ban hành chậm.",
                 {(IMPLEMENTS, "164-KH/HU", "35-CT/TW"), (IMPLEMENTS, "164-KH/HU", "271-KH/TU")},
                 id="'...; trong đó X (A) ...'"),
    pytest.param("Ban Chấp hành Đảng bộ huyện đã ban hành 05 nghị quyết chuyên đề và 09 đề án để cụ thể hóa Nghị quyết số 15-NQ/TU, ngày 18/11/2015 "
                 "của Tỉnh ủy Điện Biên, trong đó có Nghị quyết số 03-NQ/HU, ngày 12/4/2016 về phát triển cây thảo quả; Nghị quyết số "
                 "05-NQ/HU về xây dựng nông thôn mới và Đề án số 02-ĐA/HU về củng cố tổ chức cơ sở đảng.",
                 {(IMPLEMENTS, "03-NQ/HU", "15-NQ/TU"), (IMPLEMENTS, "05-NQ/HU", "15-NQ/TU"),
                  (IMPLEMENTS, "02-ĐA/HU", "15-NQ/TU")}, id="'... để cụ thể hóa B, trong đó có A1; A2 và A3'"),
    pytest.param("Công tác xây dựng Đảng theo Nghị quyết số 15-NQ/TU, ngày 18/11/2015 được Ban Thường vụ Huyện ủy cụ thể hóa bằng Kế hoạch số "
                 "36-KH/HU, ngày 19/01/2017; qua kiểm điểm đã khắc phục nhiều hạn chế.",
                 {(IMPLEMENTS, "36-KH/HU", "15-NQ/TU")}, id="'B được X cụ thể hóa bằng A' (passive)"),
    pytest.param("Đảng ủy xã Mai Sơn ban hành Kế hoạch số 02-KH/ĐU, ngày 10/7/2025 tổ chức đại hội theo Chỉ thị "
                 "45-CT/TW.", {(IMPLEMENTS, "02-KH/ĐU", "45-CT/TW")}, id="'A tổ chức đại hội theo B'"),
    pytest.param("Phát biểu khai mạc, đồng chí Bí thư Tỉnh ủy cho biết, thực hiện Chỉ thị số 35-CT/TW, ngày 14/6/2024 "
                 "của Bộ Chính trị, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 268-KH/TU, ngày 01/8/2024 về đại hội; "
                 "sau khi Bộ Chính trị ban hành Chỉ thị 45 thay thế Chỉ thị số 35-CT/TW, Tỉnh ủy ban hành Kế hoạch số "
                 "311-KH/TU, ngày 22/4/2025 thực hiện Chỉ thị 45.",
                 {(IMPLEMENTS, "268-KH/TU", "35-CT/TW"), (AMENDS, "45-CT/TW", "35-CT/TW"),
                  (IMPLEMENTS, "311-KH/TU", "45-CT/TW")},
                 id="a fronted purpose after two clauses; 'sau khi X ban hành B' issues nothing for it"),
    pytest.param("Thực hiện chỉ đạo của Ban Thường vụ Tỉnh ủy Sơn La tại Kế hoạch số 265-KH/TU, ngày 12/7/2024, Ban "
                 "Thường vụ Huyện ủy Yên Châu đã kịp thời ban hành Kế hoạch số 198-KH/HU, ngày 30/7/2024.",
                 {(IMPLEMENTS, "198-KH/HU", "265-KH/TU")}, id="'Thực hiện chỉ đạo của X tại A, Y ban hành B'"),
    pytest.param("Kế hoạch số 88/KH-UBND về chuyển đổi số\n\nNgày 14/3/2025, UBND tỉnh Thanh Hóa ban hành Kế hoạch số "
                 "88/KH-UBND.\n\nKế hoạch nhằm cụ thể hóa Nghị "
                 "quyết 57-NQ/TW và Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ phù hợp với điều kiện của tỉnh; "
                 "đồng thời tổ chức thực hiện hiệu quả Nghị quyết số 15/2024/NQ-HĐND ngày 12/12/2024 của HĐND tỉnh.",
                 {(IMPLEMENTS, "88/KH-UBND", t) for t in ("57-NQ/TW", "03/NQ-CP", "15/NQ-HĐND")},
                 id="'Kế hoạch nhằm cụ thể hóa B và C; đồng thời tổ chức thực hiện D'"),
    pytest.param("BÁO CÁO\nkết quả thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị và triển khai Chỉ thị số 45-CT/TW",
                 set(), id="after 'và' the verb is the sentence's, not the first directive's"),
    pytest.param("Ở Quảng Ninh. Các địa phương đã ban hành kế hoạch thực hiện Kế hoạch số 380-KH/TU và Chỉ thị số "
                 "35-CT/TW: Thành ủy Hạ Long (Kế hoạch số 215-KH/TU, ngày 12/7/2024), Huyện ủy Đầm Hà (Kế hoạch số "
                 "77-KH/HƯ, ngày 22/7/2024).",
                 {(IMPLEMENTS, s, t) for s in ("215-KH/TU", "77-KH/HU") for t in ("380-KH/TU", "35-CT/TW")},
                 id="a list carries out both directives its colon follows"),
    pytest.param(f"Huyện ủy Nậm Pồ ban hành Kế hoạch số 47-KH/HU, ngày 18/12/2021 về thực hiện {NQ15}.",
                 {(IMPLEMENTS, "47-KH/HU", "15-NQ/TU")}, id="về thực hiện"),
    pytest.param(f"Huyện ủy Nậm Pồ ban hành Kế hoạch số 47-KH/HU, ngày 18/12/2021 về triển khai thực hiện {NQ15}.",
                 {(IMPLEMENTS, "47-KH/HU", "15-NQ/TU")}, id="về triển khai thực hiện"),
    pytest.param(f"Huyện ủy Nậm Pồ ban hành Kế hoạch số 47-KH/HU, ngày 18/12/2021 về việc thực hiện {NQ15}.",
                 {(IMPLEMENTS, "47-KH/HU", "15-NQ/TU")}, id="về việc thực hiện"),
    pytest.param(f"Huyện ủy Nậm Pồ ban hành Kế hoạch số 47-KH/HU, ngày 18/12/2021 thực hiện {NQ15}.",
                 {(IMPLEMENTS, "47-KH/HU", "15-NQ/TU")}, id="thực hiện with no về"),
    pytest.param(f"Huyện ủy Nậm Pồ ban hành Kế hoạch số 47-KH/HU, ngày 18/12/2021 về tổ chức học tập, quán triệt "
                 f"và triển khai thực hiện {NQ15}.",
                 {(IMPLEMENTS, "47-KH/HU", "15-NQ/TU")}, id="học tập, quán triệt và triển khai thực hiện"),
    pytest.param("Đảng ủy Công an tỉnh ban hành Kế hoạch số 964-KH/ĐUCA, ngày 10/01/2022 V/v thực hiện "
                 "Chỉ thị số 05-CT/TW của Bộ Chính trị ở Điện Biên.",
                 {(IMPLEMENTS, "964-KH/ĐUCA", "05-CT/TW")}, id="V/v thực hiện"),
    pytest.param("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh ban hành Kế hoạch số 124/KH-MTTQ-BTT, ngày 20/5/2022 về "
                 "thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương ở Lai Châu.",
                 {(IMPLEMENTS, "124/KH-MTTQ-BTT", "21-KL/TW")}, id="state-style source"),
    pytest.param("Huyện ủy Nậm Pồ ban hành Kế hoạch số 47-KH/HU, ngày 18/12/2021 về thực hiện Kết luận số "
                 "01-KL/TW và Chỉ thị số 05-CT/TW ở Điện Biên.",
                 {(IMPLEMENTS, "47-KH/HU", "01-KL/TW"), (IMPLEMENTS, "47-KH/HU", "05-CT/TW")},
                 id="two coordinated targets"),
    pytest.param("Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 25-KH/TU, ngày 05/5/2017 về thực hiện Nghị quyết "
                 "Trung ương 4 (khóa XII) ở Điện Biên.",
                 {(IMPLEMENTS, "25-KH/TU", "04-NQ/TW")}, id="named target"),
    pytest.param("Bộ Chính trị ban hành Kết luận số 01-KL/TW, ngày 18/5/2021 về tiếp tục thực hiện Chỉ thị số "
                 "05-CT/TW, ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo.",
                 {(CONTINUES, "01-KL/TW", "05-CT/TW")}, id="Kết luận về tiếp tục thực hiện -> continues"),
    pytest.param("Ủy ban Kiểm tra Tỉnh ủy ban hành Quyết định số 120-QĐ/UBKTTU, ngày 10/6/2022 về kiểm tra việc "
                 "thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị tại Điện Biên.",
                 {(INSPECTS, "120-QĐ/UBKTTU", "05-CT/TW")}, id="về kiểm tra việc thực hiện -> inspects"),
    pytest.param("Ban Tuyên giáo Tỉnh ủy ban hành Hướng dẫn số 12-HD/BTGTU, ngày 01/6/2021 về hướng dẫn thực hiện "
                 "Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị tại Điện Biên.",
                 {(GUIDES, "12-HD/BTGTU", "01-KL/TW")}, id="Hướng dẫn về hướng dẫn thực hiện -> guides"),
    pytest.param("Ban Bí thư ban hành Hướng dẫn số 02-HD/TW, ngày 09/12/2021 về việc thực hiện một số điều của "
                 "Quy định số 22-QĐ/TW, ngày 28/7/2021 của Ban Chấp hành Trung ương.",
                 {(GUIDES, "02-HD/TW", "22-QĐ/TW")}, id="a Hướng dẫn về việc thực hiện B guides it"),
    pytest.param("Ban Thường vụ Tỉnh ủy ban hành Chỉ thị số 15-CT/TU, ngày 03/9/2021 về sửa đổi, bổ sung Chỉ thị "
                 "số 09-CT/TU, ngày 02/02/2020 ở Điện Biên.",
                 {(AMENDS, "15-CT/TU", "09-CT/TU")}, id="về sửa đổi, bổ sung -> amends"),
    pytest.param(f"Thực hiện {NQ15}, Ban Thường vụ Huyện ủy Mường Chà đã ban hành Kế hoạch số 58-KH/HU, "
                 "ngày 02/12/2021 để tổ chức triển khai.",
                 {(IMPLEMENTS, "58-KH/HU", "15-NQ/TU")}, id="Thực hiện B, X đã ban hành A"),
    pytest.param("Để triển khai Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương, Ban Thường vụ "
                 "Tỉnh ủy Điện Biên đã ban hành Kế hoạch số 35-KH/TU, ngày 15/12/2021.",
                 {(IMPLEMENTS, "35-KH/TU", "21-KL/TW")}, id="Để triển khai B, X đã ban hành A"),
    pytest.param("Quán triệt Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị, Ban Thường vụ Huyện ủy Mường Chà "
                 "ban hành Kế hoạch số 58-KH/HU, ngày 02/12/2016 ở Điện Biên.",
                 {(IMPLEMENTS, "58-KH/HU", "05-CT/TW")}, id="Quán triệt B, X ban hành A"),
    pytest.param("Huyện ủy Điện Biên Đông cụ thể hóa Kế hoạch số 58-KH/TU, ngày 15/12/2021 của Tỉnh ủy Điện Biên "
                 "bằng Kế hoạch số 88-KH/HU, ngày 01/02/2022.",
                 {(IMPLEMENTS, "88-KH/HU", "58-KH/TU")}, id="X cụ thể hóa B bằng A"),
    pytest.param("Huyện ủy Tủa Chùa tiếp tục thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị bằng "
                 "Kế hoạch số 91-KH/HU ở Điện Biên.",
                 {(CONTINUES, "91-KH/HU", "05-CT/TW")}, id="X tiếp tục thực hiện B bằng A -> continues"),
    pytest.param("Ngay sau khi Bộ Chính trị ban hành Kết luận số 01-KL/TW, ngày 18/5/2021, Ban Thường vụ Tỉnh ủy "
                 "Sơn La đã ban hành Kế hoạch số 48-KH/TU ngày 5/7/2021 để triển khai thực hiện; đồng thời chỉ đạo "
                 "các huyện ủy xây dựng kế hoạch.",
                 {(IMPLEMENTS, "48-KH/TU", "01-KL/TW")}, id="A để triển khai thực hiện (object left out): B before it"),
    pytest.param("Bộ Chính trị ban hành Kết luận số 01-KL/TW, ngày 18/5/2021. Ban Thường vụ Tỉnh ủy Sơn La đã ban "
                 "hành Kế hoạch số 48-KH/TU ngày 5/7/2021 để triển khai thực hiện nhiệm vụ chính trị năm 2021.",
                 set(), id="a purpose with its own object, B in another sentence: nothing"),
    pytest.param("Quyết định số 401/QĐ-TTg, ngày 14/3/2015 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai Chỉ "
                 "thị số 40-CT/TW của Ban Bí thư.",
                 {(IMPLEMENTS, "401/QĐ-TTg", "40-CT/TW")}, id="ban hành Kế hoạch triển khai B"),
    # no relation
    pytest.param("Huyện ủy Nậm Pồ ban hành Kế hoạch số 47-KH/HU, ngày 18/12/2021 về phát triển cây mắc ca gắn với "
                 "học tập tấm gương đạo đức Hồ Chí Minh theo Chỉ thị số 05-CT/TW ở Điện Biên.",
                 set(), id="the verb governs something else"),
    pytest.param("Ban Thường vụ Huyện ủy Mường Chà đã ban hành Kế hoạch số 58-KH/HU, ngày 02/12/2021 về phát triển "
                 "kinh tế; các chi bộ tiếp tục thực hiện Chỉ thị số 05-CT/TW ở Điện Biên.",
                 set(), id="another clause"),
    pytest.param(
        "Huyện ủy Nậm Pồ ban hành Kế hoạch số 47-KH/HU, ngày 18/12/2021 về phát triển kinh tế ở Điện Biên. "
        "Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị tiếp tục được quán triệt đến chi bộ.",
        set(), id="a sentence opening on a citation"),
    pytest.param(
        "Ở Sơn La, Đảng ủy Khối đã ban hành Kế hoạch số 19-KH/ĐUK, ngày 28/6/2021 về thực hiện Kết luận 01- KL/TW, cụ thể "
        "hóa Kế hoạch số 34-KH/TU, ngày 10/6/2021 của Tỉnh ủy.",
        {(IMPLEMENTS, "19-KH/ĐUK", "01-KL/TW"), (IMPLEMENTS, "19-KH/ĐUK", "34-KH/TU")},
        id="'A về thực hiện B, cụ thể hóa C': the second verb is A's too"),
    pytest.param(
        "Thực hiện Kế hoạch số 31-KH/TU của Ban Thường vụ Tỉnh ủy Lai Châu về thực hiện Kết luận 01-KL/TW, Huyện ủy Nậm "
        "Nhùn đã ban hành Kế hoạch số 38-KH/HU, ngày 02/9/2021 để triển khai Kết luận trên địa bàn huyện.",
        {(IMPLEMENTS, "31-KH/TU", "01-KL/TW"), (IMPLEMENTS, "38-KH/HU", "31-KH/TU"), (IMPLEMENTS, "38-KH/HU", "01-KL/TW")},
        id="'A để triển khai Kết luận trên địa bàn huyện': the kind alone after its plan"),
    pytest.param(
        "Ở Điện Biên. Triển khai Kế hoạch số 341-KH/TU (thực hiện Nghị quyết 66-NQ/TW) và Kế hoạch số 342-KH/TU (thực "
        "hiện Nghị quyết 68-NQ/TW) của Ban Thường vụ Tỉnh ủy, Đảng ủy UBND tỉnh đã ban hành Kế hoạch số 21-KH/ĐU, ngày "
        "06/6/2025 về thực hiện Nghị quyết 66-NQ/TW và Kế hoạch số 22-KH/ĐU, ngày 06/6/2025 về thực hiện Nghị quyết "
        "68-NQ/TW.",
        {(IMPLEMENTS, "341-KH/TU", "66-NQ/TW"), (IMPLEMENTS, "342-KH/TU", "68-NQ/TW"), (IMPLEMENTS, "21-KH/ĐU", "66-NQ/TW"),
         (IMPLEMENTS, "22-KH/ĐU", "68-NQ/TW"), (IMPLEMENTS, "21-KH/ĐU", "341-KH/TU"), (IMPLEMENTS, "21-KH/ĐU", "342-KH/TU")},
        id="'A (thực hiện B)': A's subject in brackets; 'A, ngày D về thực hiện B và A2, ngày D về ...': A2 beside A"),
    pytest.param(
        "Ở Điện Biên. Ban Tuyên giáo Tỉnh ủy tổng kết Kế hoạch số 12-KH/BTGDVTU, ngày 10/7/2025. Kế hoạch cụ thể hóa Kế "
        "hoạch số 336-KH/TU, ngày 16/5/2025 của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết 60-NQ/TW, đồng thời thay thế "
        "Kế hoạch số 296-KH/BTGTU, ngày 20/02/2025 của Ban Tuyên giáo Tỉnh ủy.",
        {(IMPLEMENTS, "12-KH/BTGDVTU", "336-KH/TU"), (IMPLEMENTS, "336-KH/TU", "60-NQ/TW"),
         (Relation.AMENDS, "12-KH/BTGDVTU", "296-KH/BTGTU")},
        id="a sentence opening on the kind alone after its plan; the second verb is the sentence's subject's"),
    pytest.param(
        "(BLC) - Thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, "
        "đạo đức, phong cách Hồ Chí Minh, 5 năm qua Ban Thường vụ Tỉnh ủy Lai Châu gắn việc học và làm theo Bác với thực "
        "hiện Nghị quyết số 06-NQ/TU, ngày 27/10/2016 của Ban Chấp hành Đảng bộ tỉnh.",
        set(), id="no central document carries out a local one"),
    pytest.param(
        "Đồng chí Lò Văn Thiêm: Thực hiện Kế hoạch số 268-KH/TU, ngày 05/8/2024 của Ban Thường vụ Tỉnh ủy Điện Biên về "
        "thực hiện Chỉ thị số 35-CT/TW, Ban Thường vụ Huyện ủy đã ban hành Kế hoạch số 187-KH/HU, ngày 22/8/2024 để cụ "
        "thể hóa Chỉ thị sát với tình hình của huyện.",
        {(IMPLEMENTS, "268-KH/TU", "35-CT/TW"), (IMPLEMENTS, "187-KH/HU", "268-KH/TU"), (IMPLEMENTS, "187-KH/HU", "35-CT/TW")},
        id="an interview's answer: a purpose fronted after the speaker's name; the kind alone 'sát với ...'"),
    pytest.param(
        "Ủy ban Kiểm tra Tỉnh ủy Điện Biên thực hiện Quy định 22-QĐ/TW, ngày 28/7/2021 (thay thế Quy định số 30-QĐ/TW, "
        "ngày 26/7/2016) của Ban Chấp hành Trung ương.",
        {(Relation.AMENDS, "22-QĐ/TW", "30-QĐ/TW")}, id="'A (thay thế B)'"),
    pytest.param(
        "Đảng ủy Bộ đội Biên phòng tỉnh Lai Châu ban hành Kế hoạch số 1865/KH-ĐU, ngày 05/01/2022 để lãnh đạo thực hiện "
        "Kết luận trong toàn Đảng bộ. Trước đó, Kết luận số 21-KL/TW được quán triệt.",
        set(), id="a kind alone before its directive is cited names nothing"),
    pytest.param("Sau hơn 3 tháng thực hiện Quy định số 144-QĐ/TW, ngày 09/5/2024 của Bộ Chính trị về chuẩn mực đạo đức, "
                 "Mường Chà đã đưa các chuẩn mực vào kiểm điểm, gắn với thực hiện Kết luận số 01-KL/TW.",
                 set(), id="no relation across a clause with a subject of its own"),
    pytest.param("Thực hiện Nghị quyết số 09-NQ/TU và Kế hoạch số 64-KH/HU, các đảng ủy đã ban hành: Đảng ủy xã Chiềng Ban "
                 "(Kế hoạch số 21-KH/ĐU, ngày 08/3/2022); Đảng ủy xã Mường Bằng (Kế hoạch số 17-KH/ĐU, ngày 14/3/2022).",
                 {(IMPLEMENTS, a, b) for a in ("21-KH/ĐU", "17-KH/ĐU") for b in ("09-NQ/TU", "64-KH/HU")},
                 id="a fronted pair before a list: each item carries out both"),
    pytest.param("Ngay sau khi Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 265-KH/TU, ngày 08/7/2024 thực hiện Chỉ thị số "
                 "35-CT/TW, ngày 14/6/2024 của Bộ Chính trị, Ban Thường vụ Huyện ủy Mai Sơn đã ban hành Kế hoạch số "
                 "201-KH/HU về thực hiện Chỉ thị và Kế hoạch của Tỉnh ủy; thành lập các tiểu ban.",
                 {(IMPLEMENTS, "265-KH/TU", "35-CT/TW"), (IMPLEMENTS, "201-KH/HU", "35-CT/TW"),
                  (IMPLEMENTS, "201-KH/HU", "265-KH/TU")},
                 id="'thực hiện Chỉ thị và Kế hoạch của Tỉnh ủy': two kinds alone"),
    pytest.param("Huyện ủy Tuần Giáo ban hành Kế hoạch số 150-KH/HU, ngày 05/7/2024 thực hiện Chỉ thị số 35-CT/TW, ngày "
                 "14/6/2024 của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV "
                 "của Đảng và Kế hoạch số 231-KH/TU, ngày 28/6/2024 của Ban Thường vụ Tỉnh ủy Điện Biên.",
                 {(IMPLEMENTS, "150-KH/HU", "35-CT/TW"), (IMPLEMENTS, "150-KH/HU", "231-KH/TU")},
                 id="a local plan after a central directive's subject and 'và' is no part of that subject"),
]


@pytest.mark.parametrize("text,expected", DOC_TO_DOC)
def test_document_relations(data, text, expected):
    assert Built(data, text).doc_edges() == expected


# --- a list introduced by a colon ------------------------------------------------------------

LIST_TEXT = (
    "Các cấp ủy trong tỉnh Điện Biên đã chủ động xây dựng kế hoạch thực hiện Nghị quyết số 15-NQ/TU, ngày "
    "18/11/2021 của Tỉnh ủy: Huyện ủy Nậm Pồ ban hành Kế hoạch số 1-KH/HU, ngày 20/12/2021; Huyện ủy Tủa Chùa "
    "ban hành Nghị quyết số 2-NQ/HU, ngày 05/01/2022 về công tác phát triển chè Shan tuyết; Ủy ban MTTQ Việt "
    "Nam tỉnh ban hành Kế hoạch số 3/KH-MTTQ-BTT, ngày 12/01/2022 về thực hiện Kết luận số 21-KL/TW, ngày "
    "25/10/2021 của Ban Chấp hành Trung ương.")


def test_list_items_implement_the_introduced_document(data):
    b = Built(data, LIST_TEXT)
    assert b.doc_edges() == {
        (IMPLEMENTS, "1-KH/HU", "15-NQ/TU"),
        (IMPLEMENTS, "2-NQ/HU", "15-NQ/TU"),
        (IMPLEMENTS, "3/KH-MTTQ-BTT", "21-KL/TW"),
    }


@pytest.mark.parametrize("intro,after", [(". Cụ thể:", ""), (", cụ thể:", ""), (", gồm:", ""),
                                         (", cụ thể như sau:", ""), (" (", ")"),
                                         (" của các đảng bộ trực thuộc:", "")])
def test_other_openings_of_a_list(data, intro, after):
    b = Built(data, "Các huyện ủy đã ban hành kế hoạch thực hiện Kết luận số 01-KL/TW của Bộ Chính trị"
                    f"{intro} Huyện ủy Mường Chà ban hành Kế hoạch số 11-KH/HU; Huyện ủy Nậm Pồ ban hành Kế hoạch "
                    f"số 12-KH/HU{after}. Huyện ủy Tủa Chùa ban hành Kế hoạch số 13-KH/HU về phát triển chè ở Điện Biên.")
    # the list ends with its parenthesis or its sentence: 13-KH/HU is no item
    assert b.doc_edges() == {(IMPLEMENTS, "11-KH/HU", "01-KL/TW"), (IMPLEMENTS, "12-KH/HU", "01-KL/TW")}


def test_items_one_paragraph_each_carry_out_the_introduced_directive(data):
    b = Built(data, "Ban Thường vụ Đảng ủy xã Mường Phăng đã ban hành các văn bản chỉ đạo thực hiện Kết luận 01 "
                    "của Bộ Chính trị, gồm:\n\n"
                    "- Kế hoạch số 58-KH/ĐU, ngày 05/01/2023 về triển khai thực hiện Kết luận số 01-KL/TW;\n"
                    "- Hướng dẫn số 04-HD/ĐU, ngày 10/01/2023 về việc đăng ký làm theo của tập thể, cá nhân;\n"
                    "- Công văn số 127-CV/ĐU, ngày 22/3/2023 về việc đưa nội dung Chỉ thị 05 vào sinh hoạt chi bộ;\n"
                    "- Quyết định số 185-QĐ/ĐU, ngày 14/8/2023 về kiểm tra việc thực hiện Kết luận số 01-KL/TW.\n\n"
                    "Kế hoạch số 60-KH/ĐU về phát triển cây cà phê được ban hành ở Điện Biên.")
    edges = b.doc_edges()
    assert {(IMPLEMENTS, "58-KH/ĐU", "01-KL/TW"), (GUIDES, "04-HD/ĐU", "01-KL/TW"),
            (IMPLEMENTS, "127-CV/ĐU", "01-KL/TW"), (INSPECTS, "185-QĐ/ĐU", "01-KL/TW")} <= edges
    assert {e for e in edges if e[1] == "185-QĐ/ĐU"} == {(INSPECTS, "185-QĐ/ĐU", "01-KL/TW")}  # named itself
    assert not [e for e in edges if e[1] == "60-KH/ĐU"]  # after the list


@pytest.mark.parametrize("item", ["- {unit}: {doc};", "- {unit} ban hành {doc};", "+ {unit} đã ban hành {doc};",
                                  "- {unit} ({doc});"])
def test_items_labelled_with_their_unit_carry_out_the_introduced_directive(data, item):
    """"- Huyện ủy Tủa Chùa: Kế hoạch số 91-KH/HU ..." under "... ban hành kế hoạch thực hiện X:": the
    plan is the unit's, issued to carry X out; an item where the unit does something else is not."""
    items = [("Huyện ủy Tủa Chùa", "Kế hoạch số 91-KH/HU ngày 2/3/2017"),
             ("Huyện ủy Mường Chà", "Kế hoạch số 52-KH/HU ngày 10/6/2016")]
    b = Built(data, "Ở Điện Biên, các huyện ủy đã ban hành kế hoạch thực hiện Chỉ thị số 05-CT/TW:\n"
                    + "\n".join(item.format(unit=u, doc=d) for u, d in items)
                    + "\n- Huyện ủy Nậm Pồ tổ chức học tập Nghị quyết số 35-NQ/TW.")
    assert b.doc_edges() == {(IMPLEMENTS, "91-KH/HU", "05-CT/TW"), (IMPLEMENTS, "52-KH/HU", "05-CT/TW")}
    issued = b.issued()
    assert {("unit:Huyện ủy Tủa Chùa", "91-KH/HU"), ("unit:Huyện ủy Mường Chà", "52-KH/HU")} <= issued


def test_items_under_an_intro_naming_the_directive_by_its_kind(data):
    """"... ban hành kế hoạch thực hiện Chỉ thị:" — the Chỉ thị cited last before the list."""
    b = Built(data, "Ban Thường vụ Huyện ủy Tuần Giáo quán triệt Chỉ thị số 05-CT/TW ngày 15/5/2016 ở Điện Biên.\n"
                    "Các đảng ủy xã đã ban hành kế hoạch thực hiện Chỉ thị:\n"
                    "- Đảng ủy xã Quài Cang: Kế hoạch số 12-KH/ĐU, ngày 04/11/2016;\n"
                    "- Đảng ủy xã Mường Mùn: Kế hoạch số 14-KH/ĐU, ngày 15/11/2016.")
    assert b.doc_edges() == {(IMPLEMENTS, "12-KH/ĐU", "05-CT/TW"), (IMPLEMENTS, "14-KH/ĐU", "05-CT/TW")}


def test_a_list_after_a_directive_named_by_its_kind_in_the_sentence(data):
    """"... xây dựng kế hoạch thực hiện Kết luận, tiêu biểu: Đảng ủy Sở Y tế (Kế hoạch số 27-KH/ĐU)" —
    the plans listed carry out the Kết luận cited before, and are their departments' own."""
    b = Built(data, "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Sơn La ban hành Kế hoạch số 146-KH/ĐUK thực hiện Kết "
                    "luận số 01-KL/TW. Có 38/41 tổ chức cơ sở đảng xây dựng kế hoạch thực hiện Kết luận, tiêu biểu: "
                    "Đảng ủy Sở Giáo dục và Đào tạo (Kế hoạch số 27-KH/ĐU, ngày 25/3/2022), Chi bộ Sở Tư pháp (Kế hoạch "
                    "số 09-KH/CB, ngày 30/3/2022). Chi bộ Ban Dân tộc tỉnh chưa xây dựng kế hoạch.")
    assert {(IMPLEMENTS, "27-KH/ĐU", "01-KL/TW"), (IMPLEMENTS, "09-KH/CB", "01-KL/TW")} <= b.doc_edges()
    issued = b.issued()
    assert {("unit:Đảng ủy Sở Giáo dục và Đào tạo tỉnh Sơn La", "27-KH/ĐU"),
            ("unit:Chi bộ Sở Tư pháp tỉnh Sơn La", "09-KH/CB")} <= issued
    assert not [e for e in b.unit_edges() if "Dân tộc" in e[1]]


def test_a_two_column_letterhead_and_a_preamble_opened_by_a_purpose(data):
    """A Chỉ thị whose letterhead sets the number beside the place and date, whose province is named
    by its letterhead only; its preamble ("Để ..., triển khai thực hiện A, B, ..., Ban Thường vụ Tỉnh
    ủy yêu cầu") says what it carries out, over a background sentence that named A in passing; "Chỉ
    thị này thay thế B" is its own."""
    b = Built(data, "TỈNH ỦY NGHỆ AN                                ĐẢNG CỘNG SẢN VIỆT NAM\n          *\n"
                    "   Số 24-CT/TU                          Vinh, ngày 08 tháng 10 năm 2024\n\nCHỈ THỊ\n"
                    "của Ban Thường vụ Tỉnh ủy\nvề công tác bảo vệ nền tảng tư tưởng của Đảng\n-----\n\n"
                    "Sau hơn 5 năm triển khai Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị, công tác "
                    "này có chuyển biến.\n\n"
                    "Để nâng cao hiệu quả công tác, triển khai thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị, "
                    "Kết luận số 21-KL/TW, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện tốt các nhiệm vụ sau:\n\n"
                    "1. Nâng cao nhận thức của cấp ủy.\n\n"
                    "Chỉ thị này thay thế Chỉ thị số 17-CT/TU, ngày 20/5/2019 của Ban Thường vụ Tỉnh ủy.")
    own = {e for e in b.doc_edges() if e[1] == "24-CT/TU"}
    assert own == {(IMPLEMENTS, "24-CT/TU", "35-NQ/TW"), (IMPLEMENTS, "24-CT/TU", "21-KL/TW"),
                   (AMENDS, "24-CT/TU", "17-CT/TU")}
    (doc,) = [d for d in b.graph.documents if d.number == "24"]
    assert (doc.date, doc.province, b.units[doc.issuer_unit].name) == ("2024-10-08", "Nghệ An", "Tỉnh ủy Nghệ An")


def test_items_of_a_list_the_intro_s_unit_issued(data):
    """"Ban Thường vụ Huyện ủy ... ban hành các văn bản chỉ đạo:" / "- Kế hoạch số 38-KH/HU ...":
    the documents the items open are the intro's unit's (the report's author here)."""
    b = Built(data, "HUYỆN ỦY BÁT XÁT\n*\nSố 412-BC/HU\n\nBÁO CÁO\ntổng kết công tác\n\nI. KẾT QUẢ\n"
                    "Ban Thường vụ Huyện ủy đã tổ chức quán triệt và ban hành các văn bản chỉ đạo:\n"
                    "- Kế hoạch số 38-KH/HU, ngày 12/01/2015 triển khai thực hiện Chỉ thị số 40-CT/TW;\n"
                    "- Quyết định số 1250-QĐ/HU, ngày 05/6/2019 về kiểm tra việc thực hiện Chỉ thị số 40-CT/TW.")
    issued = b.issued()
    assert {("unit:Huyện ủy Bát Xát", "38-KH/HU"), ("unit:Huyện ủy Bát Xát", "1250-QĐ/HU")} <= issued


def test_a_table_under_an_intro_that_names_the_directive_by_its_kind(data):
    b = Built(data, "Ban Bí thư ban hành Chỉ thị số 40-CT/TW, ngày 22/11/2014. Ở Lào Cai, Huyện ủy Bát Xát quán triệt."
                    "\n\nCác đảng ủy xã cụ thể hóa Chỉ thị bằng kế hoạch; Đảng ủy xã Dền Sáng chậm cụ thể hóa Chỉ thị. "
                    "Kết quả cụ thể:\n\n"
                    "| STT | Đảng ủy xã | Văn bản |\n|-----|-----|-----|\n"
                    "| 1 | Đảng ủy xã Bản Qua | 12-KH/ĐU, ngày 05/3/2015 |\n"
                    "| 2 | Đảng ủy xã Mường Hum | Nghị quyết chuyên đề số 05-NQ/ĐU, ngày 20/01/2016 |")
    assert {(IMPLEMENTS, "12-KH/ĐU", "40-CT/TW"), (IMPLEMENTS, "05-NQ/ĐU", "40-CT/TW")} <= b.doc_edges()
    assert not [e for e in b.unit_edges() if "Dền Sáng" in e[1]]  # "chậm cụ thể hóa": not yet


def test_findings_labelled_with_their_unit(data):
    """An inspection report's numbered findings: "2. Ban Thường vụ Huyện ủy Trùng Khánh: Đến ngày
    03/12/2019 mới ban hành Kế hoạch số 61-KH/HU ..." (the unit's plan, of that date); "3. ... Bảo
    Lâm: Chưa ban hành kế hoạch, văn bản lãnh đạo, chỉ đạo thực hiện B" (not carried out: the
    negation runs over the list)."""
    b = Built(data, "Ủy ban Kiểm tra Tỉnh ủy Cao Bằng kiểm tra việc thực hiện Chỉ thị số 20-CT/TW, ngày 18/01/2018 "
                    "của Ban Bí thư.\n\n"
                    "1. Ban Thường vụ Huyện ủy Hà Quảng: Ban hành Kế hoạch số 58-KH/HU, ngày 20/4/2018 về triển khai "
                    "thực hiện Chỉ thị số 20-CT/TW.\n\n"
                    "2. Ban Thường vụ Huyện ủy Trùng Khánh: Đến ngày 03/12/2019 mới ban hành Kế hoạch số 61-KH/HU thực "
                    "hiện Chỉ thị số 20-CT/TW.\n\n"
                    "3. Ban Thường vụ Huyện ủy Bảo Lâm: Chưa ban hành kế hoạch, văn bản lãnh đạo, chỉ đạo thực hiện "
                    "Chỉ thị số 20-CT/TW.\n\n"
                    "4. Huyện ủy Hòa An đã thực hiện Chỉ thị thông qua Kế hoạch số 47-KH/HU, ngày 10/01/2013.")
    issued = b.issued()
    assert {("unit:Huyện ủy Hà Quảng", "58-KH/HU"), ("unit:Huyện ủy Trùng Khánh", "61-KH/HU"),
            ("unit:Huyện ủy Hòa An", "47-KH/HU")} <= issued
    (late,) = [d for d in b.graph.documents if d.number == "61"]
    assert late.date == "2019-12-03"
    assert not [e for e in b.unit_edges() if "Bảo Lâm" in e[1]]
    b = Built(data, "Ở Lai Châu, Huyện ủy Tân Uyên thực hiện Chỉ thị số 21-CT/TW, ngày 20/01/2018 của Ban Bí thư. Huyện ủy "
                    "Mường Tè chưa ban hành văn bản lãnh đạo, chỉ đạo thực hiện Chỉ thị 21.")
    assert not [e for e in b.unit_edges() if "Mường Tè" in e[1]]  # the negation after a unit's whole name
    b = Built(data, "Ở Hà Giang, Huyện ủy Yên Minh không ban hành kế hoạch riêng mà tổ chức hội nghị quán triệt Chỉ thị "
                    "số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị đến cán bộ chủ chốt.")
    assert (IMPLEMENTS, "unit:Huyện ủy Yên Minh", "35-CT/TW") in b.unit_edges()  # "không ... mà ...": done otherwise
    b = Built(data, "Ở Cao Bằng, Huyện ủy Nguyên Bình không ban hành kế hoạch riêng nhưng đã đưa nội dung Chỉ thị "
                    "20-CT/TW vào chương trình công tác năm. Huyện ủy Bảo Lạc đã ban hành kế hoạch nhưng chưa tổ chức "
                    "quán triệt Chỉ thị 20-CT/TW.")
    assert (IMPLEMENTS, "unit:Huyện ủy Nguyên Bình", "20-CT/TW") in b.unit_edges()  # "không ... nhưng đã ..."
    assert not [e for e in b.unit_edges() if "Bảo Lạc" in e[1]]  # "... nhưng chưa ...": the turn is negated
    b = Built(data, "Ở Nghệ An, Đảng ủy Bộ đội Biên phòng tỉnh, Đảng ủy Khối Doanh nghiệp tỉnh khẩn trương ban hành văn "
                    "bản cụ thể hóa Nghị quyết số 15-NQ/TU, ngày 10/3/2022 của Tỉnh ủy. Đảng ủy Quân sự tỉnh sẽ tổ chức "
                    "quán triệt Nghị quyết số 15-NQ/TU.")
    assert not b.unit_edges()  # asked ("khẩn trương") or planned ("sẽ"), not done


def test_a_directive_s_own_kind_alone_is_the_text_itself(data):
    """In a Chỉ thị, "... thực hiện Chỉ thị (này)" in its tasks is the text itself, not the last Chỉ
    thị it cites."""
    b = Built(data, "TỈNH ỦY NGHỆ AN\n*\nSố 24-CT/TU\n\nCHỈ THỊ\nvề công tác tư tưởng\n\n"
                    "Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị, Ban Thường vụ Tỉnh ủy yêu cầu:\n\n"
                    "1. Tổ chức đại hội đảng bộ các cấp theo Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị.\n\n"
                    "- Ủy ban Kiểm tra Tỉnh ủy đưa việc thực hiện Chỉ thị vào chương trình kiểm tra hằng năm.")
    assert not [e for e in b.unit_edges() if e[2] == "35-CT/TW"]


def test_communes_listed_after_their_kind_and_a_plan_by_means_with_its_object_left_out(data):
    b = Built(data, "Mường Chà: Sơ kết Kết luận 01\n\n"
                    "Tại cơ sở, Đảng ủy xã Sa Lông ban hành Kế hoạch số 15-KH/ĐU, ngày 02/11/2021 thực hiện Kế hoạch "
                    "số 41-KH/HU của Huyện ủy; Đảng ủy xã Huổi Lèng cũng cụ thể hóa bằng Kế hoạch số 16-KH/ĐU, ngày "
                    "09/11/2021. Các xã: Ma Thì Hồ, Na Sang đã tổ chức hội nghị quán triệt Kết luận số 01-KL/TW cho "
                    "cán bộ, đảng viên.")
    assert {(IMPLEMENTS, "15-KH/ĐU", "41-KH/HU"), (IMPLEMENTS, "16-KH/ĐU", "41-KH/HU")} <= b.doc_edges()
    assert {(IMPLEMENTS, "unit:Đảng ủy xã Ma Thì Hồ", "01-KL/TW"),
            (IMPLEMENTS, "unit:Đảng ủy xã Na Sang", "01-KL/TW")} <= b.unit_edges()


def test_units_opening_the_clauses_of_a_list_after_a_directive(data):
    """"... tổ chức thực hiện Nghị quyết số 35: Thành ủy Vinh xây dựng ...; Huyện ủy Quỳnh Lưu mở lớp ...;
    Đảng ủy Công an tỉnh ban hành Kế hoạch ..." — the units of clauses without a document carry it out;
    the one with a document does through it; a unit that has not, does not."""
    b = Built(data, "Ở Nghệ An, nhiều cấp ủy chủ động trong tổ chức thực hiện Nghị quyết số 35-NQ/TW: Thành ủy Vinh xây "
                    "dựng đội ngũ cộng tác viên; Huyện ủy Quỳnh Lưu mở lớp tập huấn cho bí thư chi bộ; Huyện ủy Kỳ Sơn "
                    "chưa tổ chức quán triệt; Đảng ủy Công an tỉnh ban hành Kế hoạch số 210-KH/ĐUCA, ngày 02/4/2019 "
                    "triển khai thực hiện Nghị quyết số 35-NQ/TW trong toàn Đảng bộ.")
    units = {e[1] for e in b.unit_edges() if e[2] == "35-NQ/TW"}
    assert {"unit:Thành ủy Vinh", "unit:Huyện ủy Quỳnh Lưu"} <= units
    assert not {u for u in units if "Kỳ Sơn" in u or "Công an" in u}
    assert (IMPLEMENTS, "210-KH/ĐUCA", "35-NQ/TW") in b.doc_edges()


def test_an_organisation_listed_over_its_places(data):
    """"Hội LHPN các huyện: Tam Đường, Phong Thổ đã ...", "Đảng ủy các đồn: Sen Thượng, Leng Su Sìn đã ..."."""
    b = Built(data, "Ở Lai Châu, Ban Bí thư ban hành Chỉ thị số 21-CT/TW, ngày 20/01/2018. Hội LHPN các huyện: Tam "
                    "Đường, Phong Thổ đã tổ chức quán triệt Chỉ thị 21 đến cán bộ Hội. Đảng ủy các đồn: Sen Thượng, "
                    "Leng Su Sìn đã triển khai thực hiện Chỉ thị số 21-CT/TW.")
    units = {e[1] for e in b.unit_edges() if e[2] == "21-CT/TW"}
    assert {"unit:Hội Liên hiệp Phụ nữ huyện Tam Đường", "unit:Hội Liên hiệp Phụ nữ huyện Phong Thổ",
            "unit:Đảng ủy Đồn Biên phòng Sen Thượng", "unit:Đảng ủy Đồn Biên phòng Leng Su Sìn"} <= units


def test_a_plan_replacing_another_by_this(data):
    b = Built(data, "Đảng ủy xã Púng Luông ban hành Kế hoạch số 41-KH/ĐU, ngày 06/11/2023 thực hiện Kết luận số "
                    "61-KL/TW gắn với Quyết định số 1719/QĐ-TTg (Kế hoạch này thay thế Kế hoạch số 18-KH/ĐU).")
    edges = b.doc_edges()
    assert (AMENDS, "41-KH/ĐU", "18-KH/ĐU") in edges
    assert not [e for e in edges if e[1] == "1719/QĐ-TTg"]


def test_a_unit_that_has_not_acted_on_the_directive_named_by_its_kind(data):
    b = Built(data, "Huyện ủy Tuần Giáo quán triệt Chỉ thị số 05-CT/TW ngày 15/5/2016 ở Điện Biên. Đảng ủy xã Pú Nhung "
                    "chưa xây dựng kế hoạch thực hiện Chỉ thị.")
    assert not [e for e in b.unit_edges() if "Pú Nhung" in e[1]]


def test_a_kind_alone_is_the_one_named_in_the_paragraphs_before(data):
    b = Built(data, "Ở Sơn La, Đảng ủy xã Mường Cơi tổ chức hội nghị.\n\nTại hội nghị, Đảng ủy xã yêu cầu mỗi đảng viên "
                    "đăng ký làm theo gắn với việc thực hiện Kết luận số 01-KL/TW của Bộ Chính trị.\n\n"
                    "Ở Điện Biên, Huyện ủy Mường Chà chỉ đạo.\n\nCó 12 đảng bộ Công an huyện đăng ký việc làm theo "
                    "Kết luận số 01-KL/TW.")
    assert (IMPLEMENTS, "unit:Đảng ủy xã Mường Cơi", "01-KL/TW") in b.unit_edges()
    assert not [e for e in b.unit_edges() if "Công an" in e[1]]  # twelve of them: no one unit


def test_a_kind_counted_after_its_name_is_no_unit_named_alone(data):
    b = Built(data, "Ở Sơn La, Đảng ủy xã Bó Mười ban hành Kế hoạch số 56-KH/ĐU.\n\nĐảng ủy hai xã Co Mạ và Long Hẹ đã "
                    "ban hành kế hoạch thực hiện Kế hoạch 187-KH/HU song chậm.")
    assert not [e for e in b.unit_edges() if "Bó Mười" in e[1]]


def test_what_a_section_asks_for_is_no_deed_but_its_footnotes_tell_deeds(data):
    b = Built(data, "Ở Điện Biên, Huyện ủy Mường Chà ban hành Kế hoạch số 146-KH/HU<sup>1</sup>.\n\n3. Yêu cầu\n\n"
                    "- Đảng ủy xã Ma Thì Hồ ban hành kế hoạch thực hiện Kế hoạch số 146-KH/HU trước ngày 15/11/2024.\n\n"
                    "<sup>1</sup> Đảng ủy xã Sa Lông đã ban hành kế hoạch thực hiện Kế hoạch số 146-KH/HU.")
    assert {e[1] for e in b.unit_edges()} == {"unit:Đảng ủy xã Sa Lông"}


def test_a_commune_body_named_without_its_place_is_the_one_of_the_commune_named_last(data):
    b = Built(data, "Ở Sơn La. - Đảng ủy thị trấn Hát Lót: Kế hoạch số 38-KH/ĐU, ngày 24/02/2025; UBND thị trấn ban hành "
                    "Kế hoạch số 19/KH-UBND, ngày 10/3/2025 để cụ thể hóa Kế hoạch số 38-KH/ĐU.")
    assert ("unit:UBND thị trấn Hát Lót", "19/KH-UBND") in b.issued()


def test_units_listed_after_a_denial_and_units_counted_carry_nothing_out(data):
    b = Built(data, "BAN TUYÊN GIÁO TỈNH ỦY SƠN LA\nSố 418-BC/BTGTU\nBÁO CÁO\n1. Nghị quyết số 43-NQ/TW, ngày 24/11/2023 "
                    "của Ban Chấp hành Trung ương\nĐến ngày 15/3/2024, 19/19 huyện ủy, thành ủy, đảng ủy trực thuộc đã "
                    "ban hành kế hoạch thực hiện Nghị quyết 43; còn 02 đảng bộ chưa tổ chức quán triệt, chưa ban hành kế "
                    "hoạch: Đảng bộ huyện Sốp Cộp và Đảng bộ Khối Doanh nghiệp tỉnh.")
    assert not b.unit_edges()


def test_a_place_before_the_unit_acting_is_no_unit_of_its_own(data):
    b = Built(data, "Ở Lai Châu.\nMường Tè: Đảng ủy xã Bum Nưa đưa Chỉ thị 05-CT/TW vào sinh hoạt chi bộ bản")
    assert {e[1] for e in b.unit_edges()} == {"unit:Đảng ủy xã Bum Nưa"}


def test_a_unit_that_has_not_built_a_model_named_in_quotes_carries_nothing_out(data):
    b = Built(data, "Ở Điện Biên, Đảng ủy xã Nà Bủng chưa xây dựng mô hình \"Bản văn hóa\" gắn với thực hiện Chỉ thị "
                    "số 05-CT/TW.")
    assert not b.unit_edges()


def test_units_a_request_lists_over_commas_carry_nothing_out(data):
    b = Built(data, "Tam Đường: Hội Nông dân huyện làm theo Kế hoạch 68-KH/HU\n\nPhát biểu tại buổi làm việc, đồng chí Phó Bí "
                    "thư Thường trực Huyện ủy đề nghị Hội Liên hiệp Phụ nữ huyện, Huyện đoàn Tam Đường tham gia sâu hơn "
                    "vào thực hiện Kế hoạch 68-KH/HU trong thời gian tới.")
    sources = {source for _, source, _ in b.unit_edges()}
    assert not sources & {"unit:Hội Liên hiệp Phụ nữ huyện Tam Đường", "unit:Huyện đoàn Tam Đường"}


def test_women_s_unions_in_short_and_a_partner_fronted_by_phoi_hop_voi(data):
    b = Built(data, "HỘI LHPN TỈNH SƠN LA\nSố: 78/BC-HPN\nBÁO CÁO\nSơ kết 5 năm thực hiện Chỉ thị số 21-CT/TW, ngày "
                    "20/01/2018 của Ban Bí thư\n- Hội LHPN huyện Mường La, Hội LHPN huyện Quỳnh Nhai không ban hành kế "
                    "hoạch riêng mà tổ chức hội nghị quán triệt Chỉ thị số 21-CT/TW cho 100% chi hội trưởng.\n"
                    "Phối hợp với Hội LHPN tỉnh, Tỉnh đoàn Sơn La đã kịp thời quán triệt Chỉ thị số 42-CT/TW, ngày "
                    "24/3/2015 của Ban Bí thư.")
    assert {(Relation.IMPLEMENTS, "unit:Hội Liên hiệp Phụ nữ huyện Mường La", "21-CT/TW"),
            (Relation.IMPLEMENTS, "unit:Hội Liên hiệp Phụ nữ huyện Quỳnh Nhai", "21-CT/TW"),
            (Relation.IMPLEMENTS, "unit:Tỉnh đoàn Sơn La", "42-CT/TW")} <= b.unit_edges()
    assert (Relation.IMPLEMENTS, "unit:Hội Liên hiệp Phụ nữ tỉnh Sơn La", "42-CT/TW") not in b.unit_edges()


def test_a_school_s_cell_named_after_its_school_carries_out_the_report_s_directive_named_by_its_kind(data):
    b = Built(data, "ĐẢNG BỘ TỈNH ĐIỆN BIÊN\nĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO\nBÁO CÁO\nkết quả thực hiện Chỉ thị số 35-CT/TW\n"
                    "1. Chi bộ Trường Phổ thông DTNT tỉnh đã ban hành Kế hoạch số 02-KH/CB, ngày 09/9/2024 chuẩn bị đại hội "
                    "theo Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị.\n"
                    "2. Chi bộ Trường THPT Thanh Chăn ban hành Kế hoạch số 05-KH/CB về thực hiện Chỉ thị 35, gắn với "
                    "việc nâng cao chất lượng sinh hoạt chi bộ theo Chỉ thị số 28-CT/TW của Ban Bí thư.\n"
                    "3. Tại Trường THPT Mường Nhé, chi bộ nhà trường đã tổ chức quán triệt Chỉ thị cho 100% đảng viên.")
    assert (Relation.IMPLEMENTS, "02-KH/CB", "35-CT/TW") in b.doc_edges()
    assert (Relation.IMPLEMENTS, "unit:Chi bộ Trường THPT Mường Nhé", "35-CT/TW") in b.unit_edges()
    assert (Relation.IMPLEMENTS, "unit:Chi bộ Trường THPT Mường Nhé", "28-CT/TW") not in b.unit_edges()


@pytest.mark.parametrize("where", ["(TP Điện Biên Phủ)", "(Điện Biên Phủ)", ", thành phố Điện Biên Phủ"])
def test_a_unit_with_its_place_after_its_name_is_the_subject_of_its_clause(data, where):
    b = Built(data, "Thực hiện Kết luận 01-KL/TW của Bộ Chính trị về công tác dân vận, thời gian qua Đảng ủy phường Him Lam "
                    f"{where} đã chỉ đạo các chi bộ tổ dân phố xây dựng 16 mô hình.")
    assert b.unit_edges() == {(Relation.IMPLEMENTS, "unit:Đảng ủy phường Him Lam", "01-KL/TW")}


@pytest.mark.parametrize("first", [
    "Ban Thường vụ Huyện ủy tổ chức hội nghị quán triệt Nghị quyết số 43-NQ/TW cho cán bộ chủ chốt",
    "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh đã ban hành Kế hoạch số 126/KH-MTTQ-BTT, ngày 22/01/2024 tuyên truyền "
    "Nghị quyết 43-NQ/TW trong các tầng lớp Nhân dân"])
def test_units_that_issued_a_plan_for_what_they_leave_unnamed_carry_out_the_clause_before_s_directive(data, first):
    b = Built(data, f"TỈNH ỦY ĐIỆN BIÊN\n\n{first}; Huyện uỷ Tủa Chùa và Huyện ủy Mường Ảng đã ban hành kế hoạch thực "
                    "hiện; Thị ủy Mường Lay đang dự thảo kế hoạch.")
    assert {(source, target) for _, source, target in b.unit_edges()} >= {
        ("unit:Huyện ủy Tủa Chùa", "43-NQ/TW"), ("unit:Huyện ủy Mường Ảng", "43-NQ/TW")}
    assert "unit:Thị ủy Mường Lay" not in {s for _, s, _ in b.unit_edges()}


def test_a_working_session_on_how_a_unit_carried_out_directives_carries_none_of_them_out(data):
    b = Built(data, "TỈNH ỦY ĐIỆN BIÊN\nSố 1456-TB/TU\n\nNgày 05/9/2024, Thường trực Tỉnh ủy làm việc với Ban Thường vụ "
                    "Huyện ủy Tủa Chùa về kết quả thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị và Chỉ "
                    "thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị.")
    assert not b.unit_edges()


def test_units_that_registered_but_have_not_begun_carry_nothing_out(data):
    b = Built(data, "BAN TUYÊN GIÁO HUYỆN ỦY ĐIỆN BIÊN ĐÔNG\nSố 52-BC/BTGHU\nBÁO CÁO\nkết quả phong trào thi đua gắn với thực "
                    "hiện Kết luận số 01-KL/TW\n\nThực hiện Kết luận số 01-KL/TW, các đảng bộ đăng ký mô hình làm theo "
                    "Bác. Kết luận 01 được quán triệt đến 100% chi bộ.\nIII. HẠN CHẾ\nĐảng bộ xã Tìa Dình và Đảng bộ xã Phình Giàng đã đăng ký "
                    "nhưng đến nay chưa triển khai mô hình nào, chưa tổ chức sinh hoạt chuyên đề.")
    assert not {source for _, source, _ in b.unit_edges()} & {"unit:Đảng ủy xã Tìa Dình", "unit:Đảng ủy xã Phình Giàng"}


def test_units_carry_out_a_programme_or_a_scheme_and_items_under_a_heading_of_tasks_carry_nothing_out(data):
    b = Built(data, "TỈNH ỦY SƠN LA\nSố 418-BC/TU\nBÁO CÁO\nkết quả thực hiện Đề án số 05-ĐA/TU\n\n"
                    "I. KẾT QUẢ\nHuyện ủy Mai Sơn đã tổ chức hội nghị quán triệt Đề án số 05-ĐA/TU, ngày 15/3/2022 của "
                    "Ban Thường vụ Tỉnh ủy đến cán bộ chủ chốt.\n"
                    "II. NHIỆM VỤ THỜI GIAN TỚI\n1. Các huyện ủy rà soát, bổ sung kế hoạch cho năm 2025.\n"
                    "2. Ban cán sự đảng UBND tỉnh chỉ đạo tổng kết Đề án số 05-ĐA/TU trong quý III/2025, đề xuất đề án mới.")
    assert b.unit_edges() == {(Relation.IMPLEMENTS, "unit:Huyện ủy Mai Sơn", "05-ĐA/TU")}


def test_a_table_of_tasks_to_come_carries_nothing_out(data):
    b = Built(data, "NHIỆM VỤ CỤ THỂ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 25-CTr/TU\n(Kèm theo Chương trình hành động số "
                    "25-CTr/TU, ngày 12/3/2024 của Tỉnh ủy)\n| TT | Nhiệm vụ | Cơ quan chủ trì |\n"
                    "| 1 | Tuyên truyền Nghị quyết 43 trên Báo Điện Biên Phủ | Ban Tuyên giáo Tỉnh ủy |")
    assert not {e for e in b.doc_edges() if e[0] is Relation.IMPLEMENTS}


def test_a_work_programme_and_a_lettered_heading_of_tasks_carry_nothing_out(data):
    b = Built(data, "HUYỆN ỦY TAM ĐƯỜNG\nSố 268-BC/HU\nBÁO CÁO\nA. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2024\n"
                    "Ban Thường vụ Huyện ủy tổ chức hội nghị quán triệt Quy định số 144-QĐ/TW, ngày 09/5/2024.\n"
                    "B. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024\n1. Trong tháng 7/2024, ban hành kế hoạch thực hiện "
                    "Chỉ thị 35-CT/TW.\nII. NỘI DUNG CHƯƠNG TRÌNH NĂM 2024\n| Tháng 1 | Hội nghị học tập, quán triệt "
                    "Nghị quyết số 43-NQ/TW | Ban Tuyên giáo Huyện ủy |")
    assert b.unit_edges() == {(IMPLEMENTS, "unit:Huyện ủy Tam Đường", "144-QĐ/TW")}


def test_an_item_labelled_with_another_unit_is_not_the_item_above_s(data):
    b = Built(data, "HUYỆN ỦY TUẦN GIÁO\nSố 846-TB/HU\nCó 05 đảng bộ cơ sở đã ban hành kế hoạch, cụ thể:\n"
                    "- Đảng ủy xã Chiềng Sinh: Kế hoạch số 71-KH/ĐU, ngày 05/8/2024 về thực hiện Chỉ thị 35-CT/TW;\n"
                    "- Đảng bộ Công an huyện: Kế hoạch số 09-KH/ĐU, ngày 09/8/2024 thực hiện Kế hoạch 118-KH/HU.")
    assert ("unit:Đảng ủy Công an huyện Tuần Giáo", "09-KH/ĐU") in b.issued()


def test_units_plans_in_brackets_are_what_the_verb_after_them_issued(data):
    b = Built(data, "TỈNH ỦY ĐIỆN BIÊN\nSố 402-BC/TU\nBÁO CÁO\nHuyện ủy Tuần Giáo (Kế hoạch số 58-KH/HU, ngày 05/10/2021), "
                    "Huyện uỷ Mường Nhé (Kế hoạch số 28-KH/HU, ngày 08/10/2021) và Đảng ủy Công an tỉnh (Kế hoạch số "
                    "1156-KH/ĐUCA, ngày 18/10/2021) ban hành kế hoạch thực hiện Kết luận 01-KL/TW và Kế hoạch số 29-KH/TU "
                    "của Tỉnh ủy.")
    for plan in ("58-KH/HU", "28-KH/HU", "1156-KH/ĐUCA"):
        assert (IMPLEMENTS, plan, "01-KL/TW") in b.doc_edges() and (IMPLEMENTS, plan, "29-KH/TU") in b.doc_edges()
    assert ("unit:Huyện ủy Mường Nhé", "28-KH/HU") in b.issued()


def test_examples_after_tieu_bieu_carry_out_what_their_intro_names_and_counted_units_are_no_author(data):
    b = Built(data, "HUYỆN ỦY TAM ĐƯỜNG\nSố 287-BC/HU\nBÁO CÁO\n2. 13/13 đảng bộ xã, thị trấn xây dựng kế hoạch thực hiện "
                    "Kế hoạch 156-KH/HU, tiêu biểu: Đảng ủy xã Bản Bo (Kế hoạch số 27-KH/ĐU, ngày 05/12/2023), Đảng ủy xã "
                    "Khun Há (Kế hoạch số 19-KH/ĐU, ngày 08/12/2023).")
    assert {(IMPLEMENTS, "27-KH/ĐU", "156-KH/HU"), (IMPLEMENTS, "19-KH/ĐU", "156-KH/HU")} <= b.doc_edges()
    assert not [e for e in b.unit_edges() if "Tam Đường" in e[1]]


def test_a_letter_s_recipients_are_no_section_and_counted_units_after_trong_do_no_deed(data):
    b = Built(data, "TỈNH ỦY LAI CHÂU\nVĂN PHÒNG\nSố 1342-CV/VPTU\nKính gửi:\n- Ban Thường vụ Huyện ủy Mường Tè;\n"
                    "- Ban Thường vụ Đảng ủy Bộ đội Biên phòng tỉnh.\n"
                    "Đến ngày 23/5/2025 có 9/13 đảng bộ đã ban hành kế hoạch; trong đó 08 đảng bộ ban hành kế hoạch thực "
                    "hiện Chỉ thị 45 và Kế hoạch số 347-KH/TU, cụ thể:\n- Thành ủy Lai Châu: Kế hoạch số 301-KH/ThU.\n"
                    "- Đảng ủy Bộ đội Biên phòng tỉnh mới gửi Kế hoạch số 112-KH/ĐU, ngày 12/7/2024 thực hiện Chỉ thị số "
                    "35-CT/TW.")
    assert not [e for e in b.unit_edges() if "Biên phòng" in e[1] or "Mường Tè" in e[1]]
    assert ("unit:Đảng ủy Bộ đội Biên phòng tỉnh Lai Châu", "112-KH/ĐU") in b.issued()


def test_a_list_after_a_scheme_named_by_its_kind_carries_it_out(data):
    b = Built(data, "TỈNH ỦY ĐIỆN BIÊN\nSố 212-BC/TU\nBÁO CÁO\nkết quả thực hiện Đề án số 05-ĐA/TU, ngày 15/3/2022\n"
                    "Các huyện ủy, thị ủy, thành ủy cụ thể hóa Đề án bằng chương trình, kế hoạch của cấp mình: Huyện ủy "
                    "Mường Ảng ban hành Chương trình số 12-CTr/HU, ngày 20/4/2023; Huyện ủy Tuần Giáo ban hành Kế hoạch "
                    "số 145-KH/HU, ngày 05/5/2023.")
    assert {(IMPLEMENTS, "12-CTr/HU", "05-ĐA/TU"), (IMPLEMENTS, "145-KH/HU", "05-ĐA/TU")} <= b.doc_edges()


def test_an_appendix_naming_two_directives_gives_each_row_what_it_says_or_what_was_issued_before_it(data):
    b = Built(data, "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH LAI CHÂU\nSố 45-BC/ĐU\nBÁO CÁO\nkết quả thực hiện Quy định số 144-QĐ/TW, "
                    "ngày 09/5/2024 của Bộ Chính trị\n**PHỤ LỤC**\n**DANH MỤC VĂN BẢN TRIỂN KHAI QUY ĐỊNH SỐ 144-QĐ/TW VÀ CHỈ "
                    "THỊ SỐ 28-CT/TW**\n| TT | Chi, đảng bộ | Văn bản | Ngày | Nội dung |\n"
                    "| 1 | Đảng ủy Văn phòng Tỉnh ủy | Kế hoạch 21-KH/ĐU | 05/7/2024 | Thực hiện Quy định 144 |\n"
                    "| 2 | Chi bộ Hội Nông dân tỉnh | Kế hoạch 11-KH/CB | 20/12/2023 | |\n"
                    "| 3 | Chi bộ Tỉnh đoàn | Kế hoạch 19-KH/CB | 02/01/2025 | |")
    edges = b.doc_edges()
    assert (IMPLEMENTS, "21-KH/ĐU", "144-QĐ/TW") in edges and (IMPLEMENTS, "21-KH/ĐU", "28-CT/TW") not in edges
    assert (IMPLEMENTS, "11-KH/CB", "28-CT/TW") in edges and (IMPLEMENTS, "11-KH/CB", "144-QĐ/TW") not in edges
    assert {(IMPLEMENTS, "19-KH/CB", "28-CT/TW"), (IMPLEMENTS, "19-KH/CB", "144-QĐ/TW")} <= edges


def test_a_summary_table_s_content_cells_and_count_columns(data):
    b = Built(data, "TỈNH ỦY SƠN LA\nSố 560-BC/TU\nBÁO CÁO\nBan Thường vụ Tỉnh ủy ban hành Kế hoạch số 265-KH/TU, ngày 12/7/2024 "
                    "về thực hiện Quy định số 144-QĐ/TW.\nPHỤ LỤC\nBIỂU TỔNG HỢP TÌNH HÌNH QUÁN TRIỆT QUY ĐỊNH SỐ 144-QĐ/TW\n"
                    "| TT | Đơn vị | Văn bản (số, ngày) | Nội dung thực hiện | Hội nghị | Đảng viên học tập |\n"
                    "| 1 | Thành ủy Sơn La | 156-KH/ThU ngày 22/7/2024 | QĐ 144 và KH 265 | 01 | 2.846 |\n"
                    "| 2 | Huyện ủy Yên Châu | Chưa ban hành | | 01 | 2.045 |\n"
                    "| 3 | Huyện ủy Sốp Cộp | Chưa ban hành | | - | - |\n"
                    "| 4 | Huyện ủy Sông Mã | 171-KH/HU ngày 03/6/2024 | KH 265\n"
                    "| | Cộng | 1/3 | | 02 | 4.891 |")
    assert {(IMPLEMENTS, "156-KH/ThU", "144-QĐ/TW"), (IMPLEMENTS, "156-KH/ThU", "265-KH/TU")} <= b.doc_edges()
    assert (IMPLEMENTS, "171-KH/HU", "265-KH/TU") in b.doc_edges()  # (a row whose empty last cells a copy dropped)
    units = {e[1] for e in b.unit_edges() if e[2] == "144-QĐ/TW"}
    assert "unit:Huyện ủy Yên Châu" in units and "unit:Huyện ủy Sốp Cộp" not in units


def test_a_table_counting_under_each_directive_s_column(data):
    """A two-row header: each directive's own count columns say which rows' units carried it out."""
    b = Built(data, "HUYỆN ỦY ĐIỆN BIÊN ĐÔNG\nBÁO CÁO\nPHỤ LỤC\nBIỂU TỔNG HỢP KẾT QUẢ HỌC TẬP Ở CÁC ĐẢNG BỘ XÃ\n"
                    "| TT | Đảng bộ | Kế hoạch | Kết luận 01-KL/TW | Kết luận 01-KL/TW | Quy định 144-QĐ/TW | Quy định "
                    "144-QĐ/TW |\n| | | | Hội nghị | Đảng viên | Hội nghị | Đảng viên |\n|---|---|---|---|---|---|---|\n"
                    "| 1 | Thị trấn Điện Biên Đông | 41-KH/ĐU ngày 25/01/2024 | 01 | 142 | 01 | 140 |\n"
                    "| 2 | Chiềng Sơ | 28-KH/ĐU ngày 29/01/2024 | 01 | 118 | - | - |\n"
                    "| 3 | Tìa Dình | Đang dự thảo | - | - | 01 | 74 |\n| | Cộng | 2/3 | 02 | 260 | 02 | 214 |")
    acted = {(e[1], e[2]) for e in b.unit_edges()}
    assert acted == {("unit:Đảng ủy thị trấn Điện Biên Đông", "01-KL/TW"), ("unit:Đảng ủy thị trấn Điện Biên Đông", "144-QĐ/TW"),
                     ("unit:Đảng ủy xã Chiềng Sơ", "01-KL/TW"), ("unit:Đảng ủy xã Tìa Dình", "144-QĐ/TW")}


def test_a_tracking_table_s_row_that_studied_without_a_plan(data):
    """The row's unit carries out what its note cell says it studied; the "Chưa ban hành" of another cell denies
    nothing there, and the studied directive is no document of the row's own."""
    b = Built(data, "TỈNH ỦY LAI CHÂU\nBAN TUYÊN GIÁO\nSố 296-BC/BTGTU\nBÁO CÁO\nTình hình ban hành kế hoạch thực hiện "
                    "Nghị quyết số 57-NQ/TW và Kế hoạch số 289-KH/TU của các đảng bộ trực thuộc:\n\n"
                    "| TT | Đơn vị | Văn bản đã ban hành (số, ngày) | Ghi chú |\n|---|---|---|---|\n"
                    "| 1 | Huyện ủy Tam Đường | Kế hoạch số 305-KH/HU, ngày 21/01/2025 | |\n"
                    "| 2 | Huyện ủy Tân Uyên | Chưa ban hành | Đã quán triệt Nghị quyết 57 ngày 16/01/2025 |\n"
                    "10|Huyện ủy Sìn Hồ|Đang dự thảo|-|Đã tổ chức hội nghị quán triệt Nghị quyết 57\n")
    units = {e[1] for e in b.unit_edges() if e[2] == "57-NQ/TW"}
    assert {"unit:Huyện ủy Tân Uyên", "unit:Huyện ủy Sìn Hồ"} <= units
    assert "unit:Ban Tuyên giáo Tỉnh ủy Lai Châu" not in units
    assert not any(e[2] == "289-KH/TU" and e[1] in ("57-NQ/TW", "unit:Bộ Chính trị") for e in b.doc_edges() | b.unit_edges())


@pytest.mark.parametrize("text,places", [
    ("(ĐBP) - Sau 3 tháng, Mường Chà đã đưa các chuẩn mực. Không chỉ Mường Ảng, Mường Chà cũng đã ban hành",
     ["Mường Chà", "Mường Chà"]),
    ("Mường Chà đã ban hành kế hoạch.", ["Mường Chà"]),
    ("Ban Thường vụ Huyện ủy đã ban hành; sau 3 tháng, huyện đã tổ chức", []),  # no capitalised name alone before "đã"
])
def test_names_opening_a_clause_before_da(text, places):
    from ingest.relate import _places_before_da
    assert [text[a:b] for a, b in _places_before_da(text)] == places


def test_a_place_named_alone_in_a_text_written_after_its_district_was_abolished(data):
    before = "Mộc Châu, Vân Hồ: Đưa Kết luận số 01-KL/TW vào sinh hoạt chi bộ\n\nỞ Sơn La, năm 2024 các chi bộ đã ban hành kế hoạch."
    after = before + "\n\nĐảng ủy xã Chiềng Sơn ban hành Kế hoạch số 14-KH/ĐU, ngày 22/9/2025 thực hiện Quy định số 144-QĐ/TW."
    assert (IMPLEMENTS, "unit:Huyện ủy Vân Hồ", "01-KL/TW") in Built(data, before).unit_edges()
    assert (IMPLEMENTS, "unit:Huyện ủy Vân Hồ", "01-KL/TW") not in Built(data, after).unit_edges()


#: texts and the documents their units issued, told every way
ISSUED = [
    pytest.param("Ở huyện Tân Uyên, tỉnh Lai Châu, UBND huyện đã ban hành Kế hoạch số 72/KH-UBND thực hiện Nghị quyết "
                 "57-NQ/TW.",
                 {("unit:UBND huyện Tân Uyên", "72/KH-UBND")},
                 id="a district's UBND, which the roster lacks, named after 'Ở huyện X'"),
    pytest.param("Không chỉ Mường Ảng, Mường Chà đã ban hành Kế hoạch số 41-KH/HU, ngày 02/9/2021 triển khai Nghị quyết "
                 "số 03-NQ/TU của Tỉnh ủy Điện Biên.",
                 {("unit:Huyện ủy Mường Chà", "41-KH/HU")},
                 id="a district named by its place alone, 'đã' after it"),
    pytest.param("BÁO CÁO\nCác địa phương đã ban hành kế hoạch<sup>2</sup>.\n\n<sup>2</sup> UBND huyện Tân Uyên: Kế hoạch số "
                 "162/KH-UBND, ngày 02/11/2015 về thực hiện Kết luận số 114-KL/TW; UBND thành phố Lai Châu: Kế hoạch số "
                 "95/KH-UBND, ngày 09/11/2015.\n\nỞ Lai Châu.",
                 {("unit:UBND huyện Tân Uyên", "162/KH-UBND"), ("unit:UBND thành phố Lai Châu", "95/KH-UBND")},
                 id="district UBNDs labelling their state-numbered plans"),
    pytest.param("HUYỆN ỦY THAN UYÊN\nBÁO CÁO\nBan Tuyên giáo Huyện ủy ban hành Hướng dẫn số 21-HD/BTGHU, ngày 12/7/2024; "
                 "Văn phòng Huyện ủy ban hành Công văn số 427-CV/VPHU, ngày 16/7/2024 về việc rà soát quy chế làm việc.",
                 {("unit:Văn phòng Huyện ủy Than Uyên", "427-CV/VPHU")},
                 id="a committee's office issues its own letters"),
    pytest.param("HUYỆN ỦY TAM ĐƯỜNG\nỦY BAN KIỂM TRA\nSố 47-BC/UBKTHU\nBÁO CÁO\nĐoàn giám sát đã giám sát việc thực "
                 "hiện Kế hoạch số 118-KH/HU, ngày 15/7/2021 của Ban Thường vụ Huyện ủy về thực hiện Kết luận số "
                 "01-KL/TW.",
                 {("unit:Huyện ủy Tam Đường", "118-KH/HU")},
                 id="a bare committee in its board's text: the board's"),
    pytest.param("Ủy ban MTTQ Việt Nam tỉnh Điện Biên, sau khi các tổ chức chính trị - xã hội trở thành tổ chức trực thuộc "
                 "Mặt trận, đã ban hành Kế hoạch số 09/KH-MTTQ-BTT, ngày 18/7/2025 triển khai Nghị quyết 60. UBND tỉnh Bà "
                 "Rịa - Vũng Tàu ban hành Kế hoạch số 112/KH-UBND, ngày 10/5/2021 thực hiện Chỉ thị số 05-CT/TW.",
                 {("unit:Ủy ban MTTQ Việt Nam tỉnh Điện Biên", "09/KH-MTTQ-BTT"),
                  ("unit:UBND tỉnh Bà Rịa - Vũng Tàu", "112/KH-UBND")},
                 id="named before a clause put in between; a dash inside a name"),
    pytest.param("ỦY BAN KIỂM TRA TỈNH ỦY SƠN LA\nBÁO CÁO\n**2. Ban Thường vụ Huyện ủy Mộc Châu (nay là Ban Thường vụ Thị ủy Mộc "
                 "Châu)**\n\nBan Thường vụ Huyện ủy đã cụ thể hóa Nghị quyết số 22-NQ/TU bằng Nghị quyết chuyên đề số "
                 "08-NQ/HU, ngày 12/7/2022.",
                 {("unit:Huyện ủy Mộc Châu", "08-NQ/HU")},
                 id="a section headed by a renamed committee ('(nay là ...)')"),
]


@pytest.mark.parametrize("text,issued", ISSUED)
def test_issued(data, text, issued):
    assert issued <= Built(data, text).issued()


def test_a_table_copied_with_tabs_whose_first_column_groups_its_rows(data):
    """"Khối | TT | Đơn vị | Kế hoạch | Thực hiện | Hội nghị | ...": the numbering column second, empty cells kept."""
    b = Built(data, "TỈNH ỦY LAI CHÂU\nSố 498-BC/TU\nBÁO CÁO\nBan Thường vụ Tỉnh ủy ban hành Kế hoạch số 309-KH/TU, ngày "
                    "08/01/2025 thực hiện Nghị quyết số 57-NQ/TW.\nBIỂU TỔNG HỢP\ntình hình học tập, quán triệt Nghị quyết "
                    "số 57-NQ/TW\n\n"
                    "Khối\tTT\tĐơn vị\tKế hoạch (số, ngày)\tThực hiện\tHội nghị\tĐảng viên\tGhi chú\n"
                    "Huyện\t1\tHuyện ủy Tam Đường\t171-KH/HU ngày 21/01/2025\tNQ 57 và KH 309\t01\t2.130\t\n"
                    "Huyện\t2\tHuyện ủy Nậm Nhùn\tChưa ban hành\t\t-\t-\tChưa báo cáo\n"
                    "Đảng ủy\t3\tĐảng ủy các cơ quan Đảng tỉnh\tChưa ban hành\t\t01\t612\t\n")
    assert {(IMPLEMENTS, "171-KH/HU", "57-NQ/TW"), (IMPLEMENTS, "171-KH/HU", "309-KH/TU")} <= b.doc_edges()
    units = {e[1] for e in b.unit_edges() if e[2] == "57-NQ/TW"}
    assert "unit:Đảng ủy các cơ quan Đảng tỉnh Lai Châu" in units and "unit:Huyện ủy Nậm Nhùn" not in units


def test_a_list_of_documents_whose_rows_name_their_kind_and_what_they_carry_out(data):
    b = Built(data, "HUYỆN ỦY TỦA CHÙA\nPHỤ LỤC\nDANH MỤC VĂN BẢN LÃNH ĐẠO, CHỈ ĐẠO NĂM 2024\n"
                    "STT | Số, ký hiệu | Ngày | Trích yếu\n"
                    "1 | 248 -KH/HU | 08/01/2024 | Kế hoạch học tập, quán triệt, tuyên truyền và thực hiện Nghị quyết số "
                    "43-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng (khóa XIII)\n"
                    "2 | 1315-CV/HU | 15/01/2024 | Về việc tổ chức đón Tết Nguyên đán Giáp Thìn năm 2024")
    assert (IMPLEMENTS, "248-KH/HU", "43-NQ/TW") in b.doc_edges()
    assert ("unit:Huyện ủy Tủa Chùa", "248-KH/HU") in b.issued()


@pytest.mark.parametrize("mark,note", [("<sup>1</sup>", "<sup>1</sup>"), ("(1)", "(1)")])
def test_plans_a_footnote_lists_carry_out_what_the_sentence_bearing_its_marker_does(data, mark, note):
    b = Built(data, "TỈNH ỦY LẠNG SƠN\nSố 498-BC/TU\nBÁO CÁO\nCác huyện ủy, thành ủy đã ban hành kế hoạch thực hiện Chỉ "
                    f"thị số 35-CT/TW và Kế hoạch số 241-KH/TU của Ban Thường vụ Tỉnh ủy{mark}. Huyện ủy Bình Gia đang "
                    f"hoàn thiện dự thảo.\n-----\n{note} Thành ủy Lạng Sơn Kế hoạch số 156-KH/TU ngày 18/7/2024; Huyện ủy "
                    "Cao Lộc Kế hoạch số 45-KH/HU ngày 22/7/2024; Ban Tuyên giáo Tỉnh ủy ban hành Hướng dẫn số 17-HD/BTGTU "
                    "hướng dẫn tuyên truyền Quy định số 144-QĐ/TW.")
    for plan in ("156-KH/TU", "45-KH/HU"):
        assert {(IMPLEMENTS, plan, "35-CT/TW"), (IMPLEMENTS, plan, "241-KH/TU")} <= b.doc_edges()
    assert ("unit:Huyện ủy Cao Lộc", "45-KH/HU") in b.issued()
    assert not [e for e in b.doc_edges() if e[1] == "17-HD/BTGTU" and e[2] != "144-QĐ/TW"]  # it says what it does


def test_a_news_item_headed_by_a_commune_s_name_and_a_colon_is_about_that_commune(data):
    b = Built(data, "Mường Phăng: Nghị quyết chuyên đề tiếp sức du lịch cộng đồng\n(ĐBP) - Hơn hai năm thực hiện Nghị "
                    "quyết chuyên đề số 05-NQ/ĐU của Đảng ủy xã, xã Mường Phăng (huyện Điện Biên) đã có 14 homestay.\n"
                    "Hội Liên hiệp Phụ nữ xã thành lập tổ hợp tác dệt thổ cẩm theo Nghị quyết 05 của Đảng ủy xã.")
    assert {e[1] for e in b.unit_edges()} == {"unit:Hội Liên hiệp Phụ nữ xã Mường Phăng"}


@pytest.mark.parametrize("mark", ["", "<sup>2</sup> "])
def test_a_purpose_put_in_front_of_a_list_of_plans_is_what_each_carries_out(data, mark):
    b = Built(data, f"HUYỆN ỦY BẮC YÊN\nSố 312-BC/HU\nBÁO CÁO\n{mark}Thực hiện Kế hoạch số 164-KH/HU của Ban Thường vụ "
                    "Huyện ủy, các đảng ủy ban hành kế hoạch lãnh đạo tổ chức đại hội: Đảng ủy thị trấn Bắc Yên (Kế hoạch "
                    "số 52-KH/ĐU, ngày 28/8/2024); Đảng ủy xã Hồng Ngài (Kế hoạch số 47-KH/ĐU, ngày 30/8/2024).")
    assert {(IMPLEMENTS, "52-KH/ĐU", "164-KH/HU"), (IMPLEMENTS, "47-KH/ĐU", "164-KH/HU")} <= b.doc_edges()


def test_a_kind_named_alone_is_not_the_document_the_sentence_says_was_replaced(data):
    b = Built(data, "TỈNH ỦY SƠN LA\nSố 612-BC/TU\nBÁO CÁO\n2. Ngay sau khi Bộ Chính trị ban hành Chỉ thị số 45-CT/TW, ngày "
                    "14/4/2025 về đại hội đảng bộ các cấp (thay thế Chỉ thị số 35-CT/TW), Ban Thường vụ Tỉnh ủy đã ban hành "
                    "Kế hoạch số 298-KH/TU, ngày 25/4/2025 thực hiện Chỉ thị.")
    assert (IMPLEMENTS, "298-KH/TU", "45-CT/TW") in b.doc_edges()
    assert (IMPLEMENTS, "298-KH/TU", "35-CT/TW") not in b.doc_edges()


@pytest.mark.parametrize("sentence,units", [
    ("3. Đại hội điểm của Đảng bộ xã Mường Bú và Đảng bộ phường Chiềng An (ngày 16 - 17/7/2025) được tổ chức đúng quy "
     "trình, nguyên tắc của Chỉ thị 45-CT/TW.", {"unit:Đảng ủy xã Mường Bú", "unit:Đảng ủy phường Chiềng An"}),
    ("4. Đảng bộ Công an tỉnh tổ chức đại hội ngày 12/8/2025, bảo đảm đúng các yêu cầu của Chỉ thị 45-CT/TW.",
     {"unit:Đảng ủy Công an tỉnh Sơn La"}),
])
def test_a_unit_whose_congress_keeps_to_a_directive_carries_it_out(data, sentence, units):
    b = Built(data, f"TỈNH ỦY SƠN LA\nSố 612-BC/TU\nBÁO CÁO\n{sentence}")
    assert {e[1] for e in b.unit_edges()} == units


def test_examples_in_the_sentence_after_carry_out_what_the_sentence_before_did(data):
    b = Built(data, "HUYỆN ỦY TUẦN GIÁO\nSố 12-BC/HU\nBÁO CÁO\nTrong 3 năm thực hiện Kết luận 01-KL/TW, các tổ chức cơ sở đảng "
                    "trong huyện đăng ký 2.380 việc làm theo. Tiêu biểu như Đảng ủy xã Quài Cang đăng ký 126 việc làm theo; "
                    "Đảng ủy thị trấn Tuần Giáo xây dựng 2 tuyến phố sáng - xanh - sạch - đẹp; Đảng ủy xã Mường Mùn chưa "
                    "đăng ký.")
    units = {e[1] for e in b.unit_edges() if e[2] == "01-KL/TW"}
    assert {"unit:Đảng ủy xã Quài Cang", "unit:Đảng ủy thị trấn Tuần Giáo"} <= units
    assert "unit:Đảng ủy xã Mường Mùn" not in units


def test_a_report_ending_on_its_committee_s_name_is_that_committee_s_and_a_board_in_a_footnote_is_its(data):
    b = Built(data, "**BÁO CÁO**\n**kết quả 03 năm thực hiện Nghị quyết số 15-NQ/TU, ngày 18/11/2021 của Ban Thường vụ Tỉnh "
                    "ủy Điện Biên**\nBan Thường vụ Huyện ủy Điện Biên Đông ban hành Kế hoạch số 58-KH/HU, ngày 07/01/2022 "
                    "thực hiện Nghị quyết số 15-NQ/TU<sup>1</sup>.\n<sup>1</sup> Ban Tuyên giáo Huyện ủy ban hành Kế hoạch "
                    "số 21-KH/BTGHU, ngày 12/01/2022 về tuyên truyền Nghị quyết số 15-NQ/TU.\n"
                    + "Các chi bộ sinh hoạt chuyên đề hằng tháng.\n" * 10 + "**HUYỆN ỦY ĐIỆN BIÊN ĐÔNG**")
    assert b.facts[0].author == "Huyện ủy Điện Biên Đông"
    assert ("unit:Ban Tuyên giáo Huyện ủy Điện Biên Đông", "21-KH/BTGHU") in b.issued()


def test_a_district_described_or_placing_a_commune_carries_nothing_out(data):
    b = Built(data, "Ở Sơn La. Huyện Mường La có 16 xã thực hiện Kết luận 01-KL/TW. Ngày 12/9, Đảng ủy xã Mường Cơi, huyện "
                    "Phù Yên tổ chức hội nghị quán triệt Chỉ thị số 35-CT/TW.")
    assert {e[1] for e in b.unit_edges()} <= {"unit:Đảng ủy xã Mường Cơi"}


def test_joint_central_issuers_carry_nothing_out(data):
    b = Built(data, "Ở Điện Biên. Trước đó, thực hiện Kết luận số 126-KL/TW, ngày 14/02/2025 của Bộ Chính trị, Ban Bí thư "
                    "về sắp xếp tổ chức bộ máy, Đảng ủy UBND tỉnh đã lãnh đạo hoàn thành việc hợp nhất các sở.")
    assert "unit:Ban Bí thư" not in {e[1] for e in b.unit_edges()}


def test_plans_in_a_footnote_carry_out_a_directive_their_sentence_qualifies(data):
    b = Built(data, "HUYỆN ỦY ĐIỆN BIÊN ĐÔNG\nSố 75-BC/HU\nBÁO CÁO\nCác đảng ủy, chi bộ cơ sở đã xây dựng kế hoạch thực "
                    "hiện Nghị quyết số 16-NQ/HU của Huyện ủy phù hợp với điều kiện thực tế<sup>2</sup>.\n-----\n<sup>2</sup> "
                    "Đảng ủy xã Keo Lôm: Kế hoạch số 45-KH/ĐU, ngày 20/01/2022; Đảng ủy thị trấn Điện Biên Đông: Nghị quyết "
                    "số 09-NQ/ĐU, ngày 10/01/2022.")
    assert {(IMPLEMENTS, "45-KH/ĐU", "16-NQ/HU"), (IMPLEMENTS, "09-NQ/ĐU", "16-NQ/HU")} <= b.doc_edges()


def test_plans_in_a_footnote_carry_out_what_their_sentence_fronts(data):
    b = Built(data, "HUYỆN ỦY PHONG THỔ\nSố 75-BC/HU\nBÁO CÁO\nThực hiện Kế hoạch số 241-KH/HU, các đảng ủy xã, thị trấn đã "
                    "xây dựng kế hoạch của cấp mình<sup>3</sup>.\n-----\n<sup>3</sup> Đảng ủy thị trấn Phong Thổ: Kế hoạch "
                    "số 35-KH/ĐU, ngày 03/3/2025; Đảng ủy xã Mường So: Kế hoạch số 29-KH/ĐU, ngày 05/3/2025.")
    assert {(IMPLEMENTS, "35-KH/ĐU", "241-KH/HU"), (IMPLEMENTS, "29-KH/ĐU", "241-KH/HU")} <= b.doc_edges()


def test_a_table_goes_on_past_a_page_s_footnotes_and_running_head(data):
    b = Built(data, "HUYỆN ỦY SÔNG MÃ\nSố 412-BC/HU\nBÁO CÁO\nCác đảng ủy trực thuộc đã ban hành kế hoạch thực hiện Quy định số\n"
                    "144-QĐ/TW, cụ thể như sau:\nSTT\nĐảng bộ\nVăn bản\nNgày ban hành\n1\nĐảng ủy xã Chiềng Khuơng\n"
                    "Kế hoạch số 58-KH/ĐU\n12/6/2024\n1 Công văn số 1964-CV/TU, ngày 27/5/2024 của Ban Thường vụ Tỉnh ủy.\n"
                    "ĐẢNG BỘ TỈNH SƠN LA                  Trang 1/2\nSTT\nĐảng bộ\nVăn bản\nNgày ban hành\n2\n"
                    "Đảng ủy xã Chiềng Sơ\nKế hoạch số 52-\nKH/ĐU\n22/6/2024\n\nII. KẾT QUẢ\n- Kế hoạch số 19-KH/HU về "
                    "công tác khác.")
    assert {(IMPLEMENTS, "58-KH/ĐU", "144-QĐ/TW"), (IMPLEMENTS, "52-KH/ĐU", "144-QĐ/TW")} <= b.doc_edges()
    assert not [e for e in b.doc_edges() if e[1] == "19-KH/HU"]


def test_plans_in_a_footnote_carry_out_the_directive_its_sentence_names_by_kind_or_leaves_unnamed(data):
    b = Built(data, "TỈNH ỦY LAI CHÂU\nSố 826-BC/TU\nBÁO CÁO\nsơ kết 2 năm thực hiện Nghị quyết số 18-NQ/TU, ngày 15/3/2023 "
                    "của Ban Chấp hành Đảng bộ tỉnh\nBan Thường vụ Tỉnh ủy ban hành Kế hoạch số 152-KH/TU thực hiện Nghị "
                    "quyết số 18-NQ/TU. Ban Tuyên giáo Tỉnh ủy tuyên truyền Nghị quyết 18-NQ/TU.\n8/8 huyện ủy, thành ủy đã "
                    "ban hành kế hoạch thực hiện Nghị quyết(1); 3/4 đảng ủy trực thuộc xây dựng kế hoạch thực hiện(2).\n"
                    "-----\n(1) Huyện ủy Tam Đường: Kế hoạch số 97-KH/HU, ngày 06/4/2023.\n"
                    "(2) Đảng ủy Công an tỉnh: Kế hoạch số 210-KH/ĐUCA, ngày 07/4/2023.")
    assert {(IMPLEMENTS, "97-KH/HU", "18-NQ/TU"), (IMPLEMENTS, "210-KH/ĐUCA", "18-NQ/TU")} <= b.doc_edges()


def test_a_plan_issued_after_a_purpose_is_not_carried_out_by_the_units_of_the_sentence(data):
    b = Built(data, "HUYỆN ỦY MƯỜNG TÈ\nSố 1-BC/HU\nBÁO CÁO\nNgay sau khi Tỉnh ủy Lai Châu ban hành Kế hoạch số 31-KH/TU, ngày "
                    "02/7/2021 thực hiện Kết luận 01-KL/TW, Ban Thường vụ Huyện ủy Mường Tè đã ban hành Kế hoạch số 58-KH/HU, "
                    "ngày 16/8/2021 về thực hiện Kết luận 01-KL/TW; tổ chức hội nghị học tập.")
    assert not [e for e in b.unit_edges() if e[2] == "58-KH/HU"]
    assert (IMPLEMENTS, "58-KH/HU", "01-KL/TW") in b.doc_edges()


def test_a_plan_named_by_its_kind_and_its_committee_is_the_one_that_committee_issued_before(data):
    b = Built(data, "HUYỆN ỦY MƯỜNG TÈ\nSố 1-BC/HU\nBÁO CÁO\nNgay sau khi Tỉnh ủy Lai Châu ban hành Kế hoạch số 31-KH/TU, ngày "
                    "02/7/2021 thực hiện Kết luận 01, Ban Thường vụ Huyện ủy Mường Tè đã ban hành Kế hoạch số 58-KH/HU, "
                    "ngày 16/8/2021 về thực hiện Kết luận 01- KL/TW và kế hoạch của Tỉnh ủy.")
    assert (IMPLEMENTS, "58-KH/HU", "31-KH/TU") in b.doc_edges()


def test_a_district_s_offices_themselves_carry_out(data):
    b = Built(data, "SỞ Y TẾ TỈNH SƠN LA\nSố 12-BC/SYT\nBÁO CÁO\nTrung tâm Chính trị huyện Tuần Giáo đã mở 9 lớp bồi dưỡng theo "
                    "Nghị quyết 15-NQ/TU. Trung tâm Y tế huyện Sông Mã và Trung tâm Y tế huyện Mai Sơn đã tổ chức quán "
                    "triệt Chỉ thị số 32-CT/TU.")
    assert {e[1] for e in b.unit_edges()} == {"unit:Trung tâm Chính trị huyện Tuần Giáo",
                                             "unit:Trung tâm Y tế huyện Sông Mã", "unit:Trung tâm Y tế huyện Mai Sơn"}


def test_agencies_cells_carry_out_through_their_plans(data):
    b = Built(data, "HUYỆN ỦY TAM ĐƯỜNG\nSố 326-BC/HU\nBÁO CÁO\n- Chi bộ Trung tâm Y tế huyện ban hành Kế hoạch số "
                    "05-KH/CB, ngày 10/6/2024 thực hiện Quy định số 144-QĐ/TW.\n- Chi bộ Ban Dân tôc tỉnh đã tổ chức "
                    "sinh hoạt chuyên đề theo Quy định số 144-QĐ/TW.")
    assert ("unit:Chi bộ Trung tâm Y tế huyện Tam Đường", "05-KH/CB") in b.issued()
    assert (IMPLEMENTS, "unit:Chi bộ Ban Dân tộc tỉnh Lai Châu", "144-QĐ/TW") in b.unit_edges()


def test_an_appendix_of_tasks_under_a_heading_joined_to_its_next_line_is_no_deed(data):
    b = Built(data, "HUYỆN ỦY QUỲNH NHAI\nSố 172-KH/HU\nKẾ HOẠCH\nthực hiện Nghị quyết số 16-NQ/TU\nPHỤ LỤC\n"
                    "NHIỆM VỤ GIAO CÁC ĐẢNG ỦY XÃ\n(Kèm theo Kế hoạch số 172-KH/HU, ngày 12/9/2023)\n"
                    "1. Đảng ủy xã Mường Giàng: xây dựng 01 điểm du lịch cộng đồng theo Nghị quyết số 16-NQ/TU.\n"
                    "2. Đảng ủy xã Mường Chiên và Đảng ủy xã Pá Ma Pha Khinh: phát triển thêm 600 lồng cá theo Nghị "
                    "quyết số 16-NQ/TU.")
    assert not {e[1] for e in b.unit_edges()} & {"unit:Đảng ủy xã Mường Giàng", "unit:Đảng ủy xã Mường Chiên",
                                                 "unit:Đảng ủy xã Pá Ma Pha Khinh"}


def test_a_news_item_about_a_commune_gives_its_bodies_named_by_kind_alone_their_place(data):
    b = Built(data, "Chiềng Chăn đưa Nghị quyết 11 của Tỉnh ủy vào cuộc sống\n\n(BSL) - Thực hiện Nghị quyết số 11-NQ/TU, "
                    "Đảng ủy xã Chiềng Chăn (Mai Sơn) đã ban hành nghị quyết chuyên đề.\n\nChiềng Chăn có 14 bản.\n\n"
                    "Bà con trồng ngô, sắn.\n\nNăm 2022, xã chuyển đổi 300 ha.\n\nUBND xã ban hành Kế hoạch số "
                    "42/KH-UBND, ngày 25/3/2022 cụ thể hóa Nghị quyết số 11-NQ/TU.")
    assert ("unit:UBND xã Chiềng Chăn", "42/KH-UBND") in b.issued()


def test_a_news_lead_after_its_source_opens_a_paragraph_of_its_own(data):
    b = Built(data, "Mai Sơn: Chính quyền triển khai Kết luận 127-KL/TW\nCập nhật: 14/04/2025 | 16:20\n(Cổng TTĐT huyện Mai "
                    "Sơn) - Thực hiện Kế hoạch số 211-KH/HU ngày 07/3/2025 của Ban Thường vụ Huyện ủy Mai Sơn, UBND huyện "
                    "ban hành Kế hoạch số 45/KH-UBND ngày 12/3/2025 về sắp xếp đơn vị hành chính.")
    assert (Relation.IMPLEMENTS, "45/KH-UBND", "211-KH/HU") in b.doc_edges()


def test_a_newspaper_s_name_over_a_news_item_is_its_byline_not_a_section(data):
    b = Built(data, "Chiềng Chăn đưa Nghị quyết 11 của Tỉnh ủy vào cuộc sống\nCập nhật: 08:40, 16/05/2024\nBáo Sơn La\n"
                    "(BSL) - Thực hiện Nghị quyết số 11-NQ/TU, Đảng ủy xã Chiềng Chăn (Mai Sơn) đã ban hành nghị quyết "
                    "chuyên đề.\nUBND xã ban hành Kế hoạch số 42/KH-UBND, ngày 25/3/2022 cụ thể hóa Nghị quyết số 11-NQ/TU.")
    assert ("unit:UBND xã Chiềng Chăn", "42/KH-UBND") in b.issued()
    assert "unit:Báo Sơn La" not in {source for _, source, _ in b.unit_edges()}  # the paper carried nothing out


def test_a_clause_whose_units_carry_out_what_they_leave_unnamed_carries_out_the_clause_before_s(data):
    b = Built(data, "HUYỆN ỦY SÔNG MÃ\nSố 318-BC/HU\nBan Thường vụ Huyện ủy tổ chức hội nghị quán triệt Chỉ thị số "
                    "35-CT/TW cho cán bộ chủ chốt; Đảng ủy Công an huyện và Đảng ủy Quân sự huyện tổ chức quán triệt đến "
                    "100% đảng viên; Đảng ủy xã Nậm Ty chưa tổ chức quán triệt.")
    assert {(e[1], e[2]) for e in b.unit_edges()} == {
        ("unit:Huyện ủy Sông Mã", "35-CT/TW"), ("unit:Đảng ủy Công an huyện Sông Mã", "35-CT/TW"),
        ("unit:Đảng ủy Quân sự huyện Sông Mã", "35-CT/TW")}


def test_tasks_a_notice_assigns_are_no_deeds(data):
    b = Built(data, "ĐẢNG ỦY XÃ CHIỀNG KHƯƠNG\nSố 118-TB/ĐU\nTHÔNG BÁO\nphân công nhiệm vụ\n1. Tình hình chung\n"
                    "Đảng ủy xã đã tổ chức hội nghị quán triệt Nghị quyết số 57-NQ/TW ngày 22/12/2024.\n"
                    "2. Phân công nhiệm vụ\n- Đ/c Chủ tịch Ủy ban MTTQ xã: chủ trì tuyên truyền Nghị quyết số 60-NQ/TW "
                    "ngày 12/4/2025 đến nhân dân các bản.")
    assert {(e[1], e[2]) for e in b.unit_edges()} == {("unit:Đảng ủy xã Chiềng Khương", "57-NQ/TW")}


def test_units_an_inspection_of_the_implementation_names_do_not_carry_it_out(data):
    b = Built(data, "Ở Điện Biên. Điều 1. Thành lập Đoàn kiểm tra của Ban Thường vụ Huyện ủy kiểm tra việc thực hiện Kế "
                    "hoạch số 146-KH/HU đối với 02 tổ chức đảng: Đảng ủy xã Sa Lông và Đảng ủy xã Ma Thì Hồ.")
    assert not b.unit_edges()


JOINT_PLAN = ("ỦY BAN MTTQ VIỆT NAM TỈNH NGHỆ AN - HỘI NÔNG DÂN TỈNH\nTỈNH ĐOÀN NGHỆ AN - HỘI LIÊN HIỆP PHỤ NỮ TỈNH\n"
              "Số: 12/KH-MTTQ-BTT\nNghệ An, ngày 18 tháng 3 năm 2024\n\nKẾ HOẠCH LIÊN TỊCH\nPhối hợp tuyên truyền, vận "
              "động đoàn viên, hội viên và Nhân dân thực hiện Nghị quyết số 43-NQ/TW của Ban Chấp hành Trung ương Đảng\n")


def test_a_joint_plan_is_carried_out_by_every_unit_that_signs_it(data):
    units = {e[1] for e in Built(data, JOINT_PLAN).unit_edges() if e[2] == "43-NQ/TW"}
    assert {"unit:Hội Nông dân tỉnh Nghệ An", "unit:Tỉnh đoàn Nghệ An", "unit:Hội Liên hiệp Phụ nữ tỉnh Nghệ An"} <= units


def test_signatures_name_the_units_of_a_joint_plan_and_a_province_s_hyphen_splits_none(data):
    from ingest.relate import co_authors
    roster = data[0]
    signed = ("Số: 12/KH-MTTQ-BTT\n\nnội dung\n\nTM. BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM TỈNH - PHÓ CHỦ TỊCH: Phan Thị "
              "Hòa\nTM. BAN THƯỜNG VỤ HỘI NÔNG DÂN TỈNH - CHỦ TỊCH: Lê Văn Nguyên\n")
    assert co_authors(signed, roster, "Nghệ An", None) == ["Ủy ban MTTQ Việt Nam tỉnh Nghệ An", "Hội Nông dân tỉnh Nghệ An"]
    assert co_authors("TỈNH ỦY BÀ RỊA - VŨNG TÀU\nSố 12-KH/TU\n", roster, "Bà Rịa - Vũng Tàu", None) == []


def test_a_paragraph_typed_without_marks_is_read_and_quoted_as_typed(data):
    typed = ("Thuc hien Ke hoach so 29-KH/TU, ngay 20/9/2021 cua Ban Thuong vu Tinh uy Dien Bien ve thuc hien Ket luan so "
             "01-KL/TW, Huyen uy Tuan Giao da ban hanh Ke hoach so 47-KH/HU, ngay 05/10/2021.")
    b = Built(data, typed)
    assert {(IMPLEMENTS, "29-KH/TU", "01-KL/TW"), (IMPLEMENTS, "47-KH/HU", "29-KH/TU")} <= b.doc_edges()
    assert ("unit:Huyện ủy Tuần Giáo", "47-KH/HU") in b.issued()
    assert all(e.evidence.text in typed for e in b.graph.edges if e.evidence.text)  # quotes as typed
    assert all(m.surface in typed for m in b.graph.mentions)


def test_a_letterhead_s_board_under_its_committee_signs_the_text(data):
    b = Built(data, "TỈNH ỦY ĐIỆN BIÊN\nVĂN PHÒNG\n*\nSố 1468-CV/VPTU\nV/v báo cáo kết quả triển khai Chỉ thị số "
                    "45-CT/TW\n\nThực hiện Chỉ thị số 45-CT/TW, ngày 14/4/2025 của Bộ Chính trị, Văn phòng Tỉnh ủy đề "
                    "nghị các huyện ủy báo cáo.")
    assert ("unit:Văn phòng Tỉnh ủy Điện Biên", "1468-CV/VPTU") in b.issued()


def test_a_department_under_its_people_s_committee_signs_the_text(data):
    b = Built(data, "UBND TỈNH SƠN LA\nSỞ Y TẾ\nSố: 1856/BC-SYT\n\nBÁO CÁO\nKết quả thực hiện Chỉ thị số 32-CT/TU\n\n"
                    "Sở đã tổ chức 02 hội nghị quán triệt Chỉ thị 32 cho cán bộ quản lý.")
    assert ("unit:Sở Y tế tỉnh Sơn La", "1856/BC-SYT") in b.issued()


def test_a_body_over_its_level_and_place_on_a_letterhead_signs_the_text(data):
    b = Built(data, "ỦY BAN MTTQ VIỆT NAM\nHUYỆN TUẦN GIÁO\nBAN THƯỜNG TRỰC\nSố: 146/BC-MTTQ-BTT\n\nBÁO CÁO\n"
                    "Kết quả thực hiện Kết luận số 01-KL/TW của Bộ Chính trị")
    assert ("unit:Ủy ban MTTQ Việt Nam huyện Tuần Giáo", "146/BC-MTTQ-BTT") in b.issued()


def test_a_report_titled_in_lower_case_after_its_kind_cites_what_it_reports_on_and_what_asked_for_it(data):
    b = Built(data, "ĐẢNG BỘ HUYỆN TUẦN GIÁO\nĐẢNG ỦY XÃ QUÀI CANG\nSố 42-BC/ĐU\n\nBÁO CÁO\nkết quả triển khai thực "
                    "hiện Kết luận số 01-KL/TW và Kết luận số 21-KL/TW\n(theo Công văn số 1520-CV/HU, ngày 09/9/2021 của "
                    "Ban Thường vụ Huyện ủy)\n\nĐảng ủy xã báo cáo như sau:")
    assert {(r, t) for r, s, t in b.doc_edges() if s == "42-BC/ĐU"} == {
        (Relation.CITES, "01-KL/TW"), (Relation.CITES, "21-KL/TW"), (Relation.CITES, "1520-CV/HU")}
    assert not {e for e in b.doc_edges() if e[1] == "1520-CV/HU"}  # the letter asked for the report: no list of its deeds


def test_a_letter_forwarding_documents_on_a_spoken_instruction_carries_none_of_them_out(data):
    b = Built(data, "TỈNH ỦY SƠN LA\nVĂN PHÒNG\nSố 1873-CV/VPTU\n\nThực hiện ý kiến chỉ đạo của Thường trực Tỉnh ủy, Văn "
                    "phòng Tỉnh ủy sao gửi Quy định số 144-QĐ/TW, ngày 09/5/2024 của Bộ Chính trị về chuẩn mực đạo đức "
                    "cách mạng và Công văn số 1125-CV/TU, ngày 24/5/2024 của Ban Thường vụ Tỉnh ủy về học tập, quán triệt "
                    "và tổ chức thực hiện Quy định (có văn bản kèm theo).")
    assert {(r, t) for r, s, t in b.doc_edges() if s == "1873-CV/VPTU"} == {(Relation.CITES, "1125-CV/TU")}
    assert (Relation.IMPLEMENTS, "1125-CV/TU", "144-QĐ/TW") in b.doc_edges()


@pytest.mark.parametrize("between", ["\n", " "])
def test_a_table_under_an_appendix_s_title_and_its_note_carries_out_the_directive_the_title_names(data, between):
    b = Built(data, "PHỤ LỤC\nVăn bản của các tổ chức cơ sở đảng cụ thể hóa Nghị quyết 27-NQ/TW (2008 - 2023)" + between +
                    "(Kèm theo Báo cáo số 215-BC/ĐUK, ngày 24/4/2023)\nSTT | Tổ chức đảng | Số, ký hiệu | Ngày ban hành\n"
                    "1 | Chi bộ Sở Tư pháp | 05-KH/CB | 20/02/2021\n2 | Chi bộ Sở Nội vụ | 11-KH/CB | 08/3/2021")
    assert {(Relation.IMPLEMENTS, "05-KH/CB", "27-NQ/TW"), (Relation.IMPLEMENTS, "11-KH/CB", "27-NQ/TW")} <= b.doc_edges()


def test_a_row_that_names_the_plan_it_carries_out_reaches_the_title_s_directive_through_that_plan(data):
    b = Built(data, "Phụ lục\nTÌNH HÌNH BAN HÀNH VĂN BẢN TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW, NGÀY 22/12/2024 CỦA BỘ "
                    "CHÍNH TRỊ\n(Kèm theo Báo cáo số 598-BC/TU, ngày 31/3/2025 của Ban Thường vụ Tỉnh ủy Lai Châu)\n\n"
                    "| STT | Đơn vị | Số, ngày văn bản | Nội dung |\n|---|---|---|---|\n"
                    "| 1 | Ban Thường vụ Tỉnh ủy | Kế hoạch số 309-KH/TU, ngày 08/01/2025 | Thực hiện Nghị quyết số "
                    "57-NQ/TW |\n| 2 | Đảng ủy UBND tỉnh | Kế hoạch số 05-KH/ĐU, ngày 20/3/2025 | Thực hiện Kế hoạch số "
                    "309-KH/TU của Ban Thường vụ Tỉnh ủy |")
    assert {(r, s, t) for r, s, t in b.doc_edges() if r is Relation.IMPLEMENTS} == {
        (Relation.IMPLEMENTS, "309-KH/TU", "57-NQ/TW"), (Relation.IMPLEMENTS, "05-KH/ĐU", "309-KH/TU")}


def test_this_plan_opening_a_sentence_of_the_plan_s_own_text_is_the_plan_itself(data):
    b = Built(data, "ĐẢNG BỘ HUYỆN TÂN UYÊN\nĐẢNG ỦY XÃ PHÚC KHOA\nSố 15-KH/ĐU\nPhúc Khoa, ngày 20 tháng 11 năm 2023\n\n"
                    "KẾ HOẠCH\nthực hiện Chỉ thị số 28-CT/TW của Ban Bí thư\n\nThực hiện Kế hoạch số 146-KH/HU, ngày "
                    "02/11/2023 của Ban Thường vụ Huyện ủy Tân Uyên về thực hiện Kế hoạch số 198-KH/TU của Tỉnh ủy, Ban "
                    "Thường vụ Đảng ủy xã xây dựng Kế hoạch thực hiện như sau. Kế hoạch này thay thế Kế hoạch số "
                    "15-KH/ĐU, ngày 08/4/2019 của Đảng ủy xã.")
    amended = {(s, t) for r, s, t in b.doc_edges() if r is Relation.AMENDS}
    assert len(amended) == 1 and next(iter(amended))[0] not in ("198-KH/TU", "146-KH/HU")


def test_a_district_office_s_cell_under_its_party_organisation_s_line_signs_the_text(data):
    b = Built(data, "ĐẢNG BỘ HUYỆN SÌN HỒ\nCHI BỘ TRUNG TÂM Y TẾ HUYỆN\n*\nSố 14-BC/CB\n\nBÁO CÁO\nkết quả 6 tháng thực "
                    "hiện Chỉ thị số 31-CT/TU của Ban Thường vụ Tỉnh ủy\n\nThực hiện Kế hoạch số 1235/KH - SYT và Kế "
                    "hoạch số 118-KH/HU, Chi bộ ban hành Kế hoạch số 06-KH/CB, ngày 20/5/2024 thực hiện Chỉ thị 31.")
    assert {("unit:Chi bộ Trung tâm Y tế huyện Sìn Hồ", "14-BC/CB"),
            ("unit:Chi bộ Trung tâm Y tế huyện Sìn Hồ", "06-KH/CB")} <= b.issued()
    assert (Relation.IMPLEMENTS, "06-KH/CB", "1235/KH-SYT") in b.doc_edges()  # (its code written "KH - SYT")


def test_a_table_s_header_row_naming_a_directive_carries_nothing_out(data):
    b = Built(data, "Các đảng bộ, chi bộ trực thuộc đã ban hành kế hoạch thực hiện Kế hoạch số 96-KH/TU của Ban Thường vụ "
                    "Thị ủy, cụ thể như sau:\n\n| TT | Đơn vị | Số, ngày kế hoạch | Học tập, quán triệt Quy định 144 |\n"
                    "|---|---|---|---|\n| 1 | Đảng bộ phường Na Lay | 27-KH/ĐU, 08/7/2024 | Đã tổ chức |")
    assert not {e for e in b.doc_edges() if e[1].startswith("Quy định") or e[1] == "144-QĐ/TW"}
    assert (Relation.IMPLEMENTS, "27-KH/ĐU", "96-KH/TU") in b.doc_edges()


@pytest.mark.parametrize("gap", ["\t", "     "])
def test_a_table_copied_as_text_with_its_cells_between_tabs_or_spaces_is_still_a_table(data, gap):
    rows = [["STT", "Đảng bộ", "Kế hoạch thực hiện", "Ngày ban hành"],
            ["1", "Xã Bình Lư", "Kế hoạch số 51-KH/ĐU", "29/7/2024"], ["2", "Xã Bản Bo", "Kế hoạch số 47-KH/ĐU", "02/8/2024"]]
    b = Built(data, "HUYỆN ỦY TAM ĐƯỜNG\n\nCác đảng ủy xã đã ban hành kế hoạch thực hiện Chỉ thị số 35-CT/TW:\n"
                    + "\n".join(gap.join(row) for row in rows))
    assert {("unit:Đảng ủy xã Bình Lư", "51-KH/ĐU"), ("unit:Đảng ủy xã Bản Bo", "47-KH/ĐU")} <= b.issued()
    assert {(Relation.IMPLEMENTS, "51-KH/ĐU", "35-CT/TW"), (Relation.IMPLEMENTS, "47-KH/ĐU", "35-CT/TW")} <= b.doc_edges()


def test_a_copied_table_s_wrapped_cell_and_a_plan_s_own_table_of_others_plans(data):
    b = Built(data, "HUYỆN ỦY TAM ĐƯỜNG\nSố 203-KH/HU\n\nKẾ HOẠCH\ngiám sát việc thực hiện Chỉ thị số 35-CT/TW\n\n"
                    "Các đảng ủy đã ban hành kế hoạch thực hiện Chỉ thị số 35-CT/TW:\n"
                    "1\tXã Bình Lư\tKế hoạch số 51-KH/ĐU\t29/7/2024\n5\tThị trấn\tKế hoạch số 62-KH/ĐU\t30/7/2024\n"
                    "\tTam Đường\n6\tXã Thèn Sin\tKế hoạch số 40-KH/ĐU\t10/8/2024")
    assert (Relation.IMPLEMENTS, "40-KH/ĐU", "35-CT/TW") in b.doc_edges()  # the list goes on past the wrapped cell
    assert not {t for _, s, t in b.doc_edges() if s == "203-KH/HU"} & {"51-KH/ĐU", "62-KH/ĐU", "40-KH/ĐU"}


def test_a_notice_of_inspection_findings_titled_in_lower_case_inspects_what_its_title_names(data):
    b = Built(data, "HUYỆN ỦY TỦA CHÙA\nSố 112-TB/HU\n\nTHÔNG BÁO\nkết luận kiểm tra việc thực hiện Chỉ thị số 28-CT/TW, ngày "
                    "21/9/2023 của Ban Bí thư và Kế hoạch số 145-KH/HU, ngày 06/11/2023 của Ban Thường vụ Huyện ủy\n\n"
                    "Đoàn kiểm tra đã làm việc với các đảng ủy xã.")
    assert {(r, t) for r, s, t in b.doc_edges() if s == "112-TB/HU"} == {
        (Relation.INSPECTS, "28-CT/TW"), (Relation.INSPECTS, "145-KH/HU")}


def test_a_board_under_its_party_organisation_s_line_signs_the_text(data):
    b = Built(data, "ĐẢNG BỘ HUYỆN MƯỜNG CHÀ                   ĐẢNG CỘNG SẢN VIỆT NAM\nỦY BAN KIỂM TRA\n*\n"
                    "Số 41-BC/UBKTHU\n\nBÁO CÁO\nkết quả công tác kiểm tra\n\nThực hiện Quy định số 22-QĐ/TW, ngày "
                    "28/7/2021 của Ban Chấp hành Trung ương, Ủy ban Kiểm tra Huyện ủy ban hành Kế hoạch số 05-KH/UBKTHU, "
                    "ngày 15/02/2022.")
    assert {("unit:Ủy ban Kiểm tra Huyện ủy Mường Chà", "41-BC/UBKTHU"),
            ("unit:Ủy ban Kiểm tra Huyện ủy Mường Chà", "05-KH/UBKTHU")} <= b.issued()


def test_a_congress_s_letterhead_line_under_its_party_organisation_is_its_committee_s(data):
    b = Built(data, "ĐẢNG BỘ TỈNH ĐIỆN BIÊN\nĐẢNG BỘ HUYỆN MƯỜNG CHÀ\nĐẠI HỘI ĐẠI BIỂU LẦN THỨ XXII\nSố 01-NQ/ĐH\n"
                    "NGHỊ QUYẾT\nĐại hội đại biểu Đảng bộ huyện Mường Chà lần thứ XXII họp từ ngày 15 đến ngày "
                    "17/7/2020.")
    assert ("unit:Huyện ủy Mường Chà", "01-NQ/ĐH") in b.issued()


def test_a_unit_inspected_under_a_decision_does_not_carry_the_decision_out(data):
    b = Built(data, "Ở Điện Biên. Qua kiểm tra theo Quyết định số 185-QĐ/ĐU, Chi bộ bản Phăng 2 thực hiện tốt.")
    assert not b.unit_edges()


def test_a_report_links_only_what_it_ties_to(data):
    """A report's own number on its letterhead: its title and preamble link it; its body tells of
    what others did, so it cites only what it ties itself to ("gắn với")."""
    b = Built(data, "HUYỆN ỦY TUẦN GIÁO\n*\nSố 312-BC/HU\n\nBÁO CÁO\nSơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW, "
                    "ngày 15/5/2016 của Bộ Chính trị\n\n"
                    "Thực hiện Công văn số 1245-CV/BTGTU, ngày 02/3/2021 của Ban Tuyên giáo Tỉnh ủy Điện Biên, Ban "
                    "Thường vụ Huyện ủy báo cáo như sau:\n\n"
                    "I. KẾT QUẢ\nBan Thường vụ Huyện ủy ban hành Kế hoạch số 47-KH/HU, ngày 18/10/2016 về phát triển "
                    "chè. Việc thực hiện được gắn với thực hiện Nghị quyết số 15-NQ/TU, ngày 18/11/2021 của Tỉnh ủy.")
    edges = {e for e in b.doc_edges() if e[1] == "312-BC/HU"}
    assert edges == {(CITES, "312-BC/HU", "05-CT/TW"), (IMPLEMENTS, "312-BC/HU", "1245-CV/BTGTU"),
                     (CITES, "312-BC/HU", "15-NQ/TU")}


def test_a_list_opened_by_nhu_and_labelled_by_units(data):
    b = Built(data, "Ở Điện Biên, các huyện ủy đã ban hành kế hoạch thực hiện Chỉ thị số 05-CT/TW như Huyện ủy Nậm Pồ "
                    "(Kế hoạch số 21-KH/HU), Huyện ủy Mường Nhé (Kế hoạch số 19-KH/HU). Kế hoạch số 23-KH/HU về "
                    "phát triển chè được ban hành.")
    assert b.doc_edges() == {(IMPLEMENTS, "21-KH/HU", "05-CT/TW"), (IMPLEMENTS, "19-KH/HU", "05-CT/TW")}
    issued = b.issued()
    assert {("unit:Huyện ủy Nậm Pồ", "21-KH/HU"), ("unit:Huyện ủy Mường Nhé", "19-KH/HU")} <= issued


def test_a_fronted_purpose_with_two_objects_each_with_its_own_purpose(data):
    """"Căn cứ A về thực hiện B và A2 về thực hiện B, X ban hành C": C cites A and A2 (A2 is no object
    of A, and B is each one's own object)."""
    b = Built(data, "Căn cứ Kế hoạch số 03-KH/TW của Ban Bí thư về thực hiện Chỉ thị số 05-CT/TW và Kế hoạch số "
                    "17-KH/TU, ngày 12/8/2016 của Ban Thường vụ Tỉnh ủy Điện Biên về thực hiện Chỉ thị 05, Ban Thường "
                    "vụ Huyện ủy Tuần Giáo ban hành Kế hoạch số 47-KH/HU, ngày 18/10/2016 về thực hiện Chỉ thị số "
                    "05-CT/TW trên địa bàn huyện.")
    assert b.doc_edges() == {(IMPLEMENTS, "03-KH/TW", "05-CT/TW"), (IMPLEMENTS, "17-KH/TU", "05-CT/TW"),
                             (IMPLEMENTS, "47-KH/HU", "05-CT/TW"), (CITES, "47-KH/HU", "03-KH/TW"),
                             (CITES, "47-KH/HU", "17-KH/TU")}


def test_a_fronted_purpose_after_a_news_dateline_with_two_objects_of_two_kinds(data):
    b = Built(data, "(Báo Sơn La) - Thực hiện Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị về đại hội đảng bộ "
                    "các cấp và Hướng dẫn số 27-HD/BTCTW, ngày 26/8/2024 của Ban Tổ chức Trung ương hướng dẫn một số "
                    "nội dung về Chỉ thị 35, Ban Thường vụ Tỉnh ủy Sơn La đã ban hành Kế hoạch số 258-KH/TU, ngày "
                    "09/9/2024 về đại hội đảng bộ các cấp.")
    assert {(IMPLEMENTS, "258-KH/TU", "35-CT/TW"), (IMPLEMENTS, "258-KH/TU", "27-HD/BTCTW"),
            (GUIDES, "27-HD/BTCTW", "35-CT/TW")} <= b.doc_edges()


def test_a_fronted_purpose_covers_the_clauses_that_issue_after_it(data):
    b = Built(data, "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, Huyện ủy Tủa Chùa ban hành Kế "
                    "hoạch số 47-KH/HU ngày 3/6/2016; Huyện ủy Mường Chà ban hành Kế hoạch số 52-KH/HU ngày 10/6/2016 "
                    "về học tập; Huyện ủy Nậm Pồ đã ban hành Kế hoạch số 21-KH/HU. Ban Tuyên giáo Tỉnh ủy Điện Biên "
                    "ban hành Hướng dẫn số 3-HD/BTG.")
    assert b.doc_edges() == {(IMPLEMENTS, n, "05-CT/TW") for n in ("47-KH/HU", "52-KH/HU", "21-KH/HU")}


@pytest.mark.parametrize("row", ["| {n} | {unit} | {doc} | {day} |", "{n} | {unit} | {doc} | {day}"])
def test_a_table_s_rows_under_a_caption_carry_it_out(data, row):
    """An appendix table of the documents units issued to carry out a directive (markdown rows, or
    a DOCX/HTML table's cells joined by " | "): each row's document is its unit's and implements it."""
    rows = [("1", "Huyện ủy Mường Chà", "Kế hoạch số 130-KH/HU", "10/02/2025"),
            ("2", "Đảng ủy Công an tỉnh", "Kế hoạch số 3012/KH-ĐU", "15/02/2025"),
            ("3", "Huyện ủy Nậm Pồ", "Chưa ban hành", "")]
    table = "\n".join(row.format(n=n, unit=u, doc=d, day=day) for n, u, d, day in rows)
    b = Built(data, "Các văn bản triển khai thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị ở Điện Biên\n"
                    + row.format(n="STT", unit="Đơn vị", doc="Văn bản", day="Ngày ban hành") + "\n" + table
                    + "\n\nKế hoạch số 140-KH/HU về phát triển chè được ban hành.")
    assert b.doc_edges() == {(IMPLEMENTS, "130-KH/HU", "57-NQ/TW"), (IMPLEMENTS, "3012/KH-ĐU", "57-NQ/TW")}
    issued = b.issued()
    assert {("unit:Huyện ủy Mường Chà", "130-KH/HU"), ("unit:Đảng ủy Công an tỉnh Điện Biên", "3012/KH-ĐU")} <= issued


def test_a_report_s_title_cites_what_it_reports_on(data):
    b = Built(data, "ĐẢNG ỦY XÃ MƯỜNG PHĂNG\nSố 96-BC/ĐU\nBÁO CÁO\nKết quả thực hiện Kết luận số 01-KL/TW của Bộ "
                    "Chính trị ở Điện Biên\n")
    assert b.doc_edges() == {(CITES, "96-BC/ĐU", "01-KL/TW")}


def test_list_item_units_implement_the_introduced_document(data):
    """The units of the items carry out 15-NQ/TU through the documents they issued."""
    b = Built(data, LIST_TEXT)
    issued = b.issued()
    assert ("unit:Huyện ủy Nậm Pồ", "1-KH/HU") in issued
    assert ("unit:Huyện ủy Tủa Chùa", "2-NQ/HU") in issued
    assert {(IMPLEMENTS, "1-KH/HU", "15-NQ/TU"), (IMPLEMENTS, "2-NQ/HU", "15-NQ/TU")} <= b.doc_edges()


def test_list_item_with_its_own_target_does_not_give_its_unit_the_list_target(data):
    units = Built(data, LIST_TEXT).unit_edges()
    assert (IMPLEMENTS, "unit:Ủy ban MTTQ Việt Nam tỉnh Điện Biên", "15-NQ/TU") not in units


# --- units carrying out a directive ----------------------------------------------------------

UNIT_SENTENCES = [
    pytest.param("Ban Thường vụ Huyện ủy Mường Nhé đã chỉ đạo các chi bộ quán triệt Chỉ thị số 05-CT/TW, ngày "
                 "15/5/2016 của Bộ Chính trị tại Điện Biên.",
                 {(IMPLEMENTS, "unit:Huyện ủy Mường Nhé", "05-CT/TW")}, id="Ban Thường vụ X đã chỉ đạo quán triệt"),
    pytest.param("Huyện ủy Tủa Chùa đã tổ chức quán triệt Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị "
                 "ở Điện Biên.",
                 {(IMPLEMENTS, "unit:Huyện ủy Tủa Chùa", "01-KL/TW")}, id="X đã tổ chức quán triệt"),
    pytest.param("Ban Thường vụ Huyện ủy Mường Nhé luôn quan tâm chỉ đạo thực hiện Chỉ thị số 05-CT/TW của "
                 "Bộ Chính trị ở Điện Biên.",
                 {(IMPLEMENTS, "unit:Huyện ủy Mường Nhé", "05-CT/TW")}, id="X luôn quan tâm chỉ đạo thực hiện"),
    pytest.param("Tại huyện Mai Sơn, Ban Thường vụ Huyện ủy đã chỉ đạo quán triệt Nghị quyết số 09-NQ/TU, ngày "
                 "20/4/2022 của Ban Thường vụ Tỉnh ủy Sơn La.",
                 {(IMPLEMENTS, "unit:Huyện ủy Mai Sơn", "09-NQ/TU")}, id="bare Huyện ủy after Tại huyện X"),
    # a unit after của / đối với / với is not the one acting
    pytest.param("Đoàn kiểm tra của Huyện ủy Mường Nhé đã làm việc về thực hiện Chỉ thị số 05-CT/TW, ngày "
                 "15/5/2016 của Bộ Chính trị tại Điện Biên.",
                 set(), id="của X"),
    pytest.param("Ban Tuyên giáo Tỉnh ủy giao nhiệm vụ đối với Huyện ủy Tủa Chùa trong việc thực hiện Chỉ thị số "
                 "05-CT/TW, ngày 15/5/2016 của Bộ Chính trị tại Điện Biên.",
                 {(IMPLEMENTS, "unit:Ban Tuyên giáo Tỉnh ủy Điện Biên", "05-CT/TW")},
                 id="đối với X: the unit that assigns acts, the one after đối với does not"),
    pytest.param("Đoàn công tác làm việc với Huyện ủy Tủa Chùa về kết quả thực hiện Kết luận số 01-KL/TW, ngày "
                 "18/5/2021 của Bộ Chính trị ở Điện Biên.",
                 set(), id="làm việc với X"),
    pytest.param(
        "Ban Thường vụ Huyện ủy Mường Nhé đã chỉ đạo các chi bộ quán triệt Chỉ thị số 05-CT/TW, ngày 15/5/2016 "
        "của Bộ Chính trị; Huyện ủy Tủa Chùa tổ chức học tập Kết luận số 01-KL/TW đến chi bộ ở Điện Biên.",
        {(IMPLEMENTS, "unit:Huyện ủy Mường Nhé", "05-CT/TW"), (IMPLEMENTS, "unit:Huyện ủy Tủa Chùa", "01-KL/TW")},
        id="each clause its own actor"),
    pytest.param("Huyện ủy Mường Chà, Huyện ủy Nậm Pồ đã tổ chức quán triệt Kết luận số 21-KL/TW đến 100% chi bộ "
                 "ở Điện Biên.",
                 {(IMPLEMENTS, "unit:Huyện ủy Mường Chà", "21-KL/TW"), (IMPLEMENTS, "unit:Huyện ủy Nậm Pồ", "21-KL/TW")},
                 id="X, Y đã: both act"),
    pytest.param("Huyện ủy Mường Chà và Huyện ủy Nậm Pồ đã tổ chức quán triệt Kết luận số 21-KL/TW ở Điện Biên.",
                 {(IMPLEMENTS, "unit:Huyện ủy Mường Chà", "21-KL/TW"), (IMPLEMENTS, "unit:Huyện ủy Nậm Pồ", "21-KL/TW")},
                 id="X và Y đã: two units, not one name"),
    pytest.param("Các huyện ủy Mường Chà, Nậm Pồ đã tổ chức quán triệt Kết luận số 21-KL/TW ở Điện Biên.",
                 {(IMPLEMENTS, "unit:Huyện ủy Mường Chà", "21-KL/TW"), (IMPLEMENTS, "unit:Huyện ủy Nậm Pồ", "21-KL/TW")},
                 id="Các huyện ủy X, Y đã"),
    pytest.param("Huyện ủy Mường Chà, Nậm Pồ và Tủa Chùa đã tổ chức quán triệt Kết luận số 21-KL/TW ở Điện Biên.",
                 {(IMPLEMENTS, f"unit:Huyện ủy {p}", "21-KL/TW") for p in ("Mường Chà", "Nậm Pồ", "Tủa Chùa")},
                 id="Huyện ủy X, Y và Z đã"),
    pytest.param("Đảng ủy thị trấn Phong Thổ, Đảng ủy xã Mường So tổ chức hội nghị quán triệt Chỉ thị số 05-CT/TW "
                 "ở Lai Châu.",
                 {(IMPLEMENTS, "unit:Đảng ủy thị trấn Phong Thổ", "05-CT/TW"),
                  (IMPLEMENTS, "unit:Đảng ủy xã Mường So", "05-CT/TW")},
                 id="Đảng ủy thị trấn X (a lower-case thị trấn inside the name)"),
    pytest.param("Đoàn kiểm tra làm việc với Huyện ủy Mường Chà, Huyện ủy Nậm Pồ về thực hiện Kết luận số 21-KL/TW "
                 "ở Điện Biên.",
                 set(), id="với X, Y: neither acts"),
    pytest.param("Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh đã quán triệt Kết luận số 21-KL/TW ở Điện Biên.",
                 {(IMPLEMENTS, "unit:Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh Điện Biên", "21-KL/TW")},
                 id="và inside one unit's name"),
    pytest.param(
        "Ban Thường vụ Huyện ủy Mường Nhé đã chỉ đạo các chi bộ quán triệt Quy định về trách nhiệm nêu gương "
        "ở Điện Biên.",
        {(IMPLEMENTS, "unit:Huyện ủy Mường Nhé", "08-QĐi/TW")}, id="named registry document"),
    pytest.param("Ở Điện Biên, huyện Mường Chà. Đảng ủy các xã Sá Tổng, Mường Tùng và Pa Ham có tiến hành kiểm tra, giám "
                 "sát theo Quy định 22-QĐ/TW nhưng nội dung còn dàn trải; Đảng ủy xã Sa Lông xây dựng chương trình kiểm "
                 "tra năm 2024 đúng Quy định số 22-QĐ/TW.",
                 {(IMPLEMENTS, f"unit:Đảng ủy xã {x}", "22-QĐ/TW") for x in ("Sá Tổng", "Mường Tùng", "Pa Ham", "Sa Lông")},
                 id="inspecting as a Quy định says ('giám sát theo', 'đúng Quy định') carries it out"),
    pytest.param("Thực hiện Kế hoạch số 21/KH-LĐLĐ của Liên đoàn Lao động tỉnh Sơn La, Liên đoàn Lao động huyện Yên Châu "
                 "mở 4 lớp tập huấn cho cán bộ công đoàn cơ sở.",
                 {(IMPLEMENTS, "unit:Liên đoàn Lao động huyện Yên Châu", "21/KH-LĐLĐ")},
                 id="a district's trade union acting"),
    pytest.param("Theo lộ trình của Nghị quyết số 13-NQ/TU, ngày 24/3/2022 của Tỉnh ủy Sơn La, Đảng ủy Công an tỉnh đã cử "
                 "22 cán bộ đi đào tạo.",
                 {(IMPLEMENTS, "unit:Đảng ủy Công an tỉnh Sơn La", "13-NQ/TU")},
                 id="'Theo lộ trình của' a directive, the unit after the comma acts"),
    pytest.param("Ngày 12/3, Đảng bộ xã Mường Giôn tổ chức Đại hội đại biểu lần thứ XXIV, nhiệm kỳ 2025 - 2030 ở Quỳnh "
                 "Nhai, Sơn La. Đây là đại hội điểm của huyện, được tổ chức theo đúng tinh thần Chỉ thị số 35-CT/TW, ngày "
                 "14/6/2024 của Bộ Chính trị.",
                 {(IMPLEMENTS, "unit:Đảng ủy xã Mường Giôn", "35-CT/TW")},
                 id="'Đây là đại hội ...': the unit of the sentence before acts"),
    pytest.param("Ở Điện Biên, Ban Tuyên giáo Huyện ủy Mường Ảng đã biên soạn 2.500 cuốn tài liệu hỏi - đáp về Chỉ thị số "
                 "05-CT/TW, cấp phát đến các chi bộ.",
                 {(IMPLEMENTS, "unit:Ban Tuyên giáo Huyện ủy Mường Ảng", "05-CT/TW")},
                 id="compiling material on a directive, past a dotted thousand"),
    pytest.param("Ở Điện Biên, Ban Thường vụ Huyện ủy Mường Ảng biểu dương Đảng ủy xã Búng Lao (Kế hoạch số 58-KH/ĐU, ngày "
                 "12/7/2024) và Đảng ủy xã Ẳng Nưa (Kế hoạch số 60-KH/ĐU, ngày 15/7/2024) đã tổ chức quán triệt Chỉ thị số "
                 "35-CT/TW đến 100% chi bộ.",
                 {(IMPLEMENTS, f"unit:Đảng ủy xã {x}", "35-CT/TW") for x in ("Búng Lao", "Ẳng Nưa")},
                 id="the units a committee praises acted, past their documents in brackets; the one praising did not"),
    pytest.param("Ở Lai Châu, tình hình ban hành kế hoạch thực hiện Nghị quyết số 57-NQ/TW của các đảng bộ trực thuộc còn "
                 "chậm.", set(), id="carried out 'của các đảng bộ': units the text does not name"),
    pytest.param("Ban Tuyên giáo và Dân vận Huyện ủy Than Uyên đã biên soạn tài liệu tuyên truyền Kết luận số 121-KL/TW ở "
                 "Lai Châu.", {(IMPLEMENTS, "unit:Ban Tuyên giáo và Dân vận Huyện ủy Than Uyên", "121-KL/TW")},
                 id="the merged board of a district committee (2025)"),
    pytest.param("Ở Sơn La, đồng chí Lò Thị Hoa, Bí thư Chi bộ Trường THPT Chiềng Sinh cho biết: “Năm học vừa qua, chúng tôi "
                 "đưa việc thực hiện Kết luận số 01-KL/TW vào sinh hoạt chuyên đề mỗi quý.”",
                 {(IMPLEMENTS, "unit:Chi bộ Trường THPT Chiềng Sinh", "01-KL/TW")},
                 id="a quotation's 'chúng tôi': its speaker's unit"),
    pytest.param("Ở Sơn La, Chi bộ Phòng Giao dịch Ngân hàng Chính sách xã hội huyện Mai Sơn gắn việc làm theo Bác với thực "
                 "hiện Chỉ thị số 05-CT/TW.",
                 {(IMPLEMENTS, "unit:Chi bộ Phòng Giao dịch Ngân hàng Chính sách xã hội huyện Mai Sơn", "05-CT/TW")},
                 id="a bank branch's cell, its name in lower-case words"),
    pytest.param("Năm 2024, Sở Văn hóa, Thể thao và Du lịch đã mở 5 lớp tập huấn theo lộ trình của Nghị quyết số 19-NQ/TU "
                 "của Tỉnh ủy Sơn La.",
                 {(IMPLEMENTS, "unit:Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La", "19-NQ/TU")},
                 id="a department whose name holds a comma"),
    pytest.param("(ĐBP) - Sau 3 tháng triển khai, Mường Chà đã đưa các chuẩn mực vào kiểm điểm đảng viên, gắn với thực hiện "
                 "Kết luận số 01-KL/TW ở Điện Biên.",
                 {(IMPLEMENTS, "unit:Huyện ủy Mường Chà", "01-KL/TW")},
                 id="a district named by its place alone, 'đã' after it"),
    pytest.param("Tại xã Ẳng Cang, huyện Mường Ảng, Điện Biên, Đảng ủy xã đưa chỉ tiêu giảm nghèo của Nghị quyết số "
                 "03-NQ/TU vào nghị quyết lãnh đạo hằng năm.",
                 {(IMPLEMENTS, "unit:Đảng ủy xã Ẳng Cang", "03-NQ/TU")},
                 id="'đưa chỉ tiêu ... của B vào': a part of B put into one's own"),
    pytest.param("Ngày 11/3/2025, Đảng bộ xã Nà Hỳ tiến hành Đại hội đại biểu ở Nậm Pồ, Điện Biên. Tại đây, đại hội đã bầu "
                 "Ban Chấp hành khóa mới theo đúng tinh thần Chỉ thị số 35-CT/TW.",
                 {(IMPLEMENTS, "unit:Đảng ủy xã Nà Hỳ", "35-CT/TW")}, id="'Tại đây, ...': the unit of the sentence before"),
    pytest.param("Ngay sau hội nghị quán triệt Quy định số 144-QĐ/TW do Tỉnh ủy Điện Biên tổ chức, Ban Thường vụ Huyện ủy "
                 "Mường Chà đã ban hành Kế hoạch số 198-KH/HU thực hiện Quy định.",
                 {(IMPLEMENTS, "unit:Tỉnh ủy Điện Biên", "144-QĐ/TW")},
                 id="'quán triệt B do X tổ chức': X held the meeting (no issuer of B)"),
    pytest.param("Đảng ủy phường Đông Phong tổ chức cho 100% đảng viên viết bản tự kiểm điểm theo các chuẩn mực của Quy "
                 "định số 144-QĐ/TW ở Lai Châu.",
                 {(IMPLEMENTS, "unit:Đảng ủy phường Đông Phong", "144-QĐ/TW")}, id="'theo các chuẩn mực của B'"),
    pytest.param("Để đảng bộ mới không lúng túng, Ban Tổ chức Tỉnh ủy Sơn La mở lớp tập huấn về bầu cử theo Chỉ thị số "
                 "45-CT/TW cho cán bộ các xã.",
                 {(IMPLEMENTS, "unit:Ban Tổ chức Tỉnh ủy Sơn La", "45-CT/TW")},
                 id="'X mở lớp ... theo B' after a purpose that denies nothing of X"),
    pytest.param("Đồng chí Hoàng Thị Thu, Bí thư Đảng ủy Công an tỉnh Sơn La cho biết: “Chúng tôi bám sát từng yêu cầu của Chỉ "
                 "thị số 45-CT/TW về nhân sự, văn kiện.”",
                 {(IMPLEMENTS, "unit:Đảng ủy Công an tỉnh Sơn La", "45-CT/TW")}, id="'bám sát từng yêu cầu của B'"),
]


@pytest.mark.parametrize("text,expected", UNIT_SENTENCES)
def test_unit_relations(data, text, expected):
    assert Built(data, text).unit_edges() == expected


def test_unit_edge_starts_at_the_unit_id(data):
    b = Built(data, UNIT_SENTENCES[0].values[0])
    (edge,) = [e for e in b.graph.edges if e.relation is IMPLEMENTS]
    assert edge.source == "dien-bien/huyen-uy-muong-nhe"
    assert b.docs[edge.target].number == "05"


def test_the_document_a_unit_acts_by_is_its_own(data):
    """"X thực hiện B bằng A": A is X's (its code fits X), and X carries out B through A, not A itself."""
    b = Built(data, "Huyện ủy Tủa Chùa triển khai thực hiện Kế hoạch số 58-KH/TU, ngày 15/12/2021 của Tỉnh ủy Điện "
                    "Biên bằng Kế hoạch số 91-KH/HU, ngày 03/01/2022. Huyện ủy Mường Ảng đã cụ thể hóa bằng Kế hoạch "
                    "số 70-KH/HU, ngày 05/01/2022 để thực hiện Kế hoạch số 58-KH/TU.")
    issued = b.issued()
    assert {("unit:Huyện ủy Tủa Chùa", "91-KH/HU"), ("unit:Huyện ủy Mường Ảng", "70-KH/HU")} <= issued
    assert b.doc_edges() == {(IMPLEMENTS, "91-KH/HU", "58-KH/TU"), (IMPLEMENTS, "70-KH/HU", "58-KH/TU")}
    assert b.unit_edges() == set()


def test_a_headline_s_district_is_what_bare_kinds_name(data):
    """"Mường Chà: ..." — in that article "Ban Thường vụ Huyện ủy" and "UBND huyện" are Mường Chà's;
    a province's name ("Lai Châu: ...", also its capital's) sets nothing."""
    body = ("Ban Thường vụ Huyện ủy đã ban hành Kế hoạch số 120-KH/HU ngày 5/2/2025 về thực hiện Nghị quyết số "
            "57-NQ/TW.\nUBND huyện đã ban hành Kế hoạch số 35/KH-UBND ngày 20/1/2025.\n")
    b = Built(data, "Mường Chà: Triển khai Nghị quyết số 57-NQ/TW\n(ĐBP) - Sáng 10/2, hội nghị được tổ chức ở "
                    "Điện Biên.\n" + body)
    issued = b.issued()
    assert {("unit:Huyện ủy Mường Chà", "120-KH/HU"), ("unit:UBND huyện Mường Chà", "35/KH-UBND")} <= issued
    other = Built(data, "Lai Châu: Triển khai Nghị quyết số 57-NQ/TW\n" + body)
    assert not [e for e in other.graph.edges if other.label(e.source).startswith("unit:Thành ủy")]


def test_document_relation_carries_no_extra_unit_edge(data):
    b = Built(data, f"Huyện ủy Nậm Pồ ban hành Kế hoạch số 47-KH/HU, ngày 18/12/2021 về thực hiện {NQ15}.")
    assert b.unit_edges() == set()


# --- evidence ---------------------------------------------------------------------------------

REPORT = """BÁO CÁO
Kết quả 2 năm thực hiện Nghị quyết số 15-NQ/TU ở Điện Biên

I. TÌNH HÌNH CHUNG

Năm qua, công tác tuyên truyền được đẩy mạnh trên toàn tỉnh.

Huyện ủy Nậm Pồ ban hành Kế hoạch số 47-KH/HU, ngày 18/12/2021 về thực hiện
Nghị quyết số 15-NQ/TU, ngày 18/11/2021 của Tỉnh ủy về phát triển nông nghiệp.

Thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị, Ban Thường vụ
Huyện ủy Mường Ảng đã ban hành Kế hoạch số 61-KH/HU, ngày 02/7/2021 để triển khai.

Ban Thường vụ Huyện ủy Mường Nhé đã chỉ đạo các chi bộ quán triệt Chỉ thị số
05-CT/TW, ngày 15/5/2016 của Bộ Chính trị về học tập và làm theo.

Huyện ủy Tủa Chùa đã tổ chức học tập Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính
trị đến các chi bộ.
"""


def _lines_of(text: str, needle: str) -> set[int]:
    """1-based lines spanned by `needle` in `text`, whitespace-insensitive; empty when absent."""
    flat, owner = [], []
    for n, line in enumerate(text.splitlines(), 1):
        for ch in line + " ":
            flat.append(ch)
            owner.append(n)
    joined = "".join(flat)
    pattern = r"\s+".join(re.escape(w) for w in needle.split())
    m = re.search(pattern, joined)
    return set(owner[m.start():m.end()]) if m else set()


def test_every_edge_has_evidence_where_its_sentence_is(data):
    b = Built(data, REPORT)
    edges = [e for e in b.graph.edges if e.relation is not Relation.ISSUED]
    assert {(r, s, t) for r, s, t in b.edges()} >= {
        (IMPLEMENTS, "47-KH/HU", "15-NQ/TU"),
        (IMPLEMENTS, "61-KH/HU", "01-KL/TW"),
        (IMPLEMENTS, "unit:Huyện ủy Mường Nhé", "05-CT/TW"),
        (IMPLEMENTS, "unit:Huyện ủy Tủa Chùa", "01-KL/TW"),
    }
    for e in b.graph.edges:
        assert e.evidence.file == "t0.txt"
        assert e.evidence.text.strip()
        lines = _lines_of(REPORT, e.evidence.text)
        assert lines, f"evidence not in the text: {e.evidence.text!r}"
        assert e.evidence.line in lines, (b.label(e.source), b.label(e.target), e.evidence)
    assert edges


# --- dates ------------------------------------------------------------------------------------

def test_a_plan_dated_years_before_its_target_implements_nothing(data):
    b = Built(data, "Huyện ủy Tuần Giáo ban hành Kế hoạch số 10-KH/HU, ngày 05/01/2015 về thực hiện "
                    f"{NQ15}.")
    assert b.doc_edges() == set()


def test_a_plan_dated_weeks_before_its_target_is_kept_and_flagged(data):
    b = Built(data, f"Huyện ủy Tuần Giáo ban hành Kế hoạch số 10-KH/HU, ngày 05/11/2021 về thực hiện {NQ15}.")
    (edge,) = [e for e in b.graph.edges if e.relation is IMPLEMENTS]
    assert edge.confidence < 0.9
    assert "dated-before-target" in b.docs[edge.source].flags


def test_implements_edges_never_go_from_a_document_dated_years_before_its_target(data):
    b = Built(data, REPORT, LIST_TEXT,
              "Huyện ủy Tuần Giáo ban hành Kế hoạch số 10-KH/HU, ngày 05/01/2015 về thực hiện "
              f"{NQ15}. Bộ Chính trị ban hành Kết luận số 01-KL/TW, ngày 18/5/2021 về tiếp tục thực hiện Chỉ thị "
              "số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị.")
    checked = 0
    for e in b.graph.edges:
        if e.relation not in (IMPLEMENTS, CONTINUES, INSPECTS) or e.source not in b.docs:
            continue
        src, tgt = b.docs[e.source], b.docs[e.target]
        if src.date and tgt.date:
            checked += 1
            lag = (date.fromisoformat(tgt.date) - date.fromisoformat(src.date)).days
            assert lag <= MAX_EARLY_DAYS, (b.label(e.source), src.date, b.label(e.target), tgt.date)
    assert checked >= 4


def test_an_activity_under_the_text_s_topic_unless_denied(data):
    """In a report about one directive, "Đảng ủy xã X đã ban hành văn bản (kế hoạch) thực hiện" says X
    carries the topic out; "Đảng ủy xã Y chưa ban hành ..." says it does not."""
    b = Built(data, "Báo cáo kết quả thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị. Huyện ủy Tủa "
                    "Chùa đã quán triệt Kết luận số 01-KL/TW. Các chi bộ thực hiện Kết luận số 01-KL/TW nghiêm túc.\n\n"
                    "Đảng ủy xã Sính Phình chưa ban hành văn bản thực hiện. Đảng ủy xã Tả Phìn đã ban hành văn bản "
                    "thực hiện. Đảng ủy xã Lao Xả Phình có ban hành kế hoạch thực hiện nhưng chậm so với yêu cầu.")
    implementers = {s for r, s, t in b.unit_edges() if t == "01-KL/TW"}
    assert {"unit:Đảng ủy xã Tả Phìn", "unit:Đảng ủy xã Lao Xả Phình"} <= implementers
    assert "unit:Đảng ủy xã Sính Phình" not in implementers


def test_a_unit_followed_by_its_place_is_still_the_subject(data):
    b = Built(data, "(Báo Sơn La) - Ngày 12/9, Đảng ủy xã Mường Cơi, huyện Phù Yên tổ chức hội nghị quán triệt, triển "
                    "khai Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị về đại hội đảng bộ các cấp.",
              "Ngày 3/10, Đảng ủy xã Pa Ham (huyện Mường Chà) tổ chức hội nghị quán triệt Chỉ thị số 35-CT/TW, ngày "
              "14/6/2024 của Bộ Chính trị.")
    assert {(IMPLEMENTS, "unit:Đảng ủy xã Mường Cơi", "35-CT/TW"),
            (IMPLEMENTS, "unit:Đảng ủy xã Pa Ham", "35-CT/TW")} <= b.unit_edges()


def test_a_table_row_s_name_takes_its_kind_from_the_code(data):
    """"| 1 | Thôn Na Lốc 1 | 01-KH/CB |": a chi bộ's plan (its code says so) issued by Chi bộ thôn Na Lốc 1;
    two chi bộ's plans numbered alike stay two documents."""
    b = Built(data, "Kết quả triển khai Kết luận 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị ở một số chi bộ (xã Bản Lầu, "
                    "huyện Mường Khương, tỉnh Lào Cai):\n"
                    "TT | Chi bộ | Số đảng viên | Kế hoạch của chi bộ\n"
                    "1 | Thôn Na Lốc 1 | 28 | 01-KH/CB, ngày 06/9/2021\n"
                    "2 | Thôn Lùng Vài | 22 | 01-KH/CB, ngày 13/9/2021\n"
                    "3 | Trường THCS Bản Lầu | 17 | 03-KH/CB, ngày 15/9/2021")
    assert {("unit:Chi bộ thôn Na Lốc 1", "01-KH/CB"), ("unit:Chi bộ thôn Lùng Vài", "01-KH/CB"),
            ("unit:Chi bộ Trường THCS Bản Lầu", "03-KH/CB")} <= b.issued()
    assert len([d for d in b.graph.documents if (d.number, d.code) == ("01", "KH/CB")]) == 2


def test_a_state_style_letterhead_number_after_so_and_a_colon(data):
    """"Số: 123/KH-UBND" on a People's Committee's letterhead is the text's own plan: its title's
    "Thực hiện ..." and its "Căn cứ ..." lines link it."""
    b = Built(data, "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 123/KH-UBND\nSơn La, ngày 15 tháng 4 năm 2024\n\nKẾ HOẠCH\n"
                    "Thực hiện Nghị quyết số 43-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng trên địa bàn tỉnh\n\n"
                    "Căn cứ Kế hoạch số 236-KH/TU ngày 05/02/2024 của Ban Thường vụ Tỉnh ủy Sơn La về thực hiện Nghị "
                    "quyết số 43-NQ/TW của Ban Chấp hành Trung ương Đảng;\n"
                    "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:")
    assert {(IMPLEMENTS, "123/KH-UBND", "43-NQ/TW"), (Relation.CITES, "123/KH-UBND", "236-KH/TU")} <= b.doc_edges()
    assert ("unit:UBND tỉnh Sơn La", "123/KH-UBND") in b.issued()


#: sentences whose units carry a directive out: enumerations ending at any verb ("Đảng ủy các xã: A, B, C tổ chức ...",
#: "Các chi bộ: Sở Tư pháp, ... không ban hành kế hoạch riêng nhưng đã ..."), a unit opening a list item, a
#: fronted "Theo đúng tinh thần ...", an acronym inside a name, a directive listed after a term, a party body
#: in lower case
UNITS_CARRYING_OUT = [
    ("Ở Điện Biên. - Đảng ủy các đồn Biên phòng: Leng Su Sìn, Chung Chải, Nà Bủng đã tổ chức quán triệt Chỉ thị số "
     "35- CT/TW tới 100% đảng viên.", {f"Đảng ủy Đồn Biên phòng {p}" for p in ("Leng Su Sìn", "Chung Chải", "Nà Bủng")},
     "35-CT/TW"),
    ("Ở Thanh Hóa. Ngày 20/01/2025, Ban Chấp hành Đảng bộ tỉnh Thanh Hóa ban hành Chương trình hành động số 15-CTr/TU "
     "thực hiện Nghị quyết số 57-NQ/TW. Theo Ban Tuyên giáo và Dân vận Tỉnh ủy, Thành ủy Sầm Sơn và Huyện ủy Hoằng Hóa "
     "đã xây dựng kế hoạch thực hiện Chương trình hành động ngay trong tháng 01/2025.",
     {"Thành ủy Sầm Sơn", "Huyện ủy Hoằng Hóa"}, "15-CTr/TU"),
    ("Ở Điện Biên. Chi bộ bản Nà Cang là một điểm sáng. Chi bộ chọn mô hình “Mỗi đảng viên giúp một hộ thoát nghèo” "
     "gắn với thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị.", {"Chi bộ bản Nà Cang"}, "05-CT/TW"),
    ("Ở Điện Biên, Chi bộ bản Phăng 2 tổ chức quán triệt Kết luận số 01-KL/TW đến 100% đảng viên.",
     {"Chi bộ bản Phăng 2"}, "01-KL/TW"),
    ("Ở Lai Châu, Huyện ủy Nậm Nhùn sơ kết 6 tháng thực hiện Nghị quyết số 43-NQ/TW. Ủy ban MTTQ Việt Nam huyện xây "
     "dựng 12 mô hình “Dân vận khéo” gắn với thực hiện Nghị quyết 43.",
     {"Huyện ủy Nậm Nhùn", "Ủy ban MTTQ Việt Nam huyện Nậm Nhùn"}, "43-NQ/TW"),
    ("Ở Điện Biên, Huyện ủy Tủa Chùa ban hành Kế hoạch số 47-KH/HU. Đảng ủy các xã: Sính Phình, Tả Phìn, Mường "
     "Báng tổ chức hội nghị quán triệt Kết luận 01-KL/TW đến 100% đảng viên.",
     {"Đảng ủy xã Sính Phình", "Đảng ủy xã Tả Phìn", "Đảng ủy xã Mường Báng"}, "01-KL/TW"),
    ("Ở Sơn La. Các chi bộ: Sở Tư pháp, Sở Ngoại vụ, Ban Dân tộc tỉnh không ban hành kế hoạch riêng nhưng đã "
     "tổ chức học tập, quán triệt Kết luận 01-KL/TW cho 100% đảng viên.",
     {"Chi bộ Sở Tư pháp tỉnh Sơn La", "Chi bộ Sở Ngoại vụ tỉnh Sơn La", "Chi bộ Ban Dân tộc tỉnh Sơn La"},
     "01-KL/TW"),
    ("Theo đúng tinh thần Chỉ thị 35-CT/TW, Đảng ủy các xã: Nà Hỳ, Phìn Hồ, Nà Khoa (huyện Nậm Pồ) đã hoàn "
     "thành đại hội 100% chi bộ trực thuộc.", {"Đảng ủy xã Nà Hỳ", "Đảng ủy xã Phìn Hồ", "Đảng ủy xã Nà Khoa"},
     "35-CT/TW"),
    ("Tin liên quan\n- Huyện ủy Mường Chà sơ kết 5 năm thực hiện Chỉ thị 20-CT/TW của Ban Bí thư về công tác "
     "lịch sử Đảng", {"Huyện ủy Mường Chà"}, "20-CT/TW"),
    ("(BLC) - Ngày 14/9, Hội Liên hiệp Phụ nữ (LHPN) tỉnh Lai Châu tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ "
     "thị số 21-CT/TW, ngày 20/01/2018 của Ban Bí thư.", {"Hội Liên hiệp Phụ nữ tỉnh Lai Châu"}, "21-CT/TW"),
    ("Ở Lai Châu, Đảng ủy Công an tỉnh gắn việc thực hiện Nghị quyết số 12-NQ/TW với Kết luận số 21-KL/TW của Ban "
     "Chấp hành Trung ương Đảng khóa XIII và Chỉ thị số 36-CT/TW, ngày 16/8/2019 của Bộ Chính trị.",
     {"Đảng ủy Công an tỉnh Lai Châu"}, "36-CT/TW"),
    ("Ở Lai Châu, thực hiện Kế hoạch số 118-KH/ĐUCA của Đảng ủy Công an tỉnh, đảng bộ Công an các huyện: Phong "
     "Thổ, Sìn Hồ, Mường Tè đã ban hành kế hoạch cụ thể hóa.",
     {"Đảng ủy Công an huyện Phong Thổ", "Đảng ủy Công an huyện Sìn Hồ", "Đảng ủy Công an huyện Mường Tè"},
     "118-KH/ĐUCA"),
    ("Ở Điện Biên, Tỉnh ủy ban hành Nghị quyết số 07-NQ/TU, ngày 22/7/2014. Huyện ủy Điện Biên Đông tổ chức sơ kết "
     "chuyên đề Nghị quyết 07-NQ/TU vào năm 2022, nhân rộng mô hình chăn nuôi đại gia súc.",  # a review is a deed
     {"Huyện ủy Điện Biên Đông"}, "07-NQ/TU"),
    ("Ở Điện Biên. Trước đó, thực hiện Kết luận số 126-KL/TW, ngày 14/02/2025 của Bộ Chính trị, Ban Bí thư về sắp xếp "
     "tổ chức bộ máy, Đảng ủy UBND tỉnh đã lãnh đạo hoàn thành việc hợp nhất các sở.", {"Đảng ủy UBND tỉnh Điện Biên"},
     "126-KL/TW"),  # (Ban Bí thư issued it with the Bộ Chính trị: no unit carrying it out, see the test below)
    ("Ở Lai Châu, huyện Than Uyên. Ban Thường trực Ủy ban MTTQ Việt Nam các xã: Mường Kim, Phúc Than đã tổ chức học tập "
     "Nghị quyết số 43-NQ/TW cho cán bộ Mặt trận.", {"Ủy ban MTTQ Việt Nam xã Mường Kim", "Ủy ban MTTQ Việt Nam xã Phúc Than"},
     "43-NQ/TW"),  # the Front listed over its communes
    ("Ở Điện Biên. Huyện Điện Biên gắn thực hiện Kết luận 01-KL/TW với phong trào thi đua \"Dân vận khéo\".",
     {"Huyện ủy Điện Biên"}, "01-KL/TW"),  # a district acting is its committee
    ("Ở Sơn La. Toàn tỉnh có 168 sản phẩm OCOP. Huyện Mai Sơn chuyển 2.350 ha ngô sang cây ăn quả; huyện Mộc Châu phát "
     "triển 1.100 ha chè theo Nghị quyết 09-NQ/TU.", {"Huyện ủy Mộc Châu"}, "09-NQ/TU"),
    ("Ở Điện Biên, Đảng ủy Quân sự tỉnh tuyên truyền Nghị quyết số 15-NQ/TU đến 100% đảng viên.",
     {"Đảng ủy Quân sự tỉnh Điện Biên"}, "15-NQ/TU"),  # "tỉnh tuyên truyền" is not "tỉnh Tuyên Quang"
    ("Mai Sơn: Kết quả 5 năm thực hiện Nghị quyết 35-NQ/TW\nThị trấn Hát Lót: 100% chi bộ tổ chức sinh hoạt chuyên đề "
     "về Nghị quyết 35-NQ/TW.", {"Đảng ủy thị trấn Hát Lót"}, "35-NQ/TW"),  # a paragraph labelled with its commune
    ("Ở Điện Biên, Đảng ủy xã Nà Bủng xây dựng mô hình \"Bản không có người nghiện mới\" gắn với thực hiện Chỉ thị "
     "05-CT/TW.", {"Đảng ủy xã Nà Bủng"}, "05-CT/TW"),  # the "không" of a name in quotes denies nothing
    ("Ở Điện Biên, Đảng ủy xã Nà Tấu không ban hành văn bản riêng nhưng đã chỉ đạo 100% chi bộ đưa Nghị quyết số "
     "09-NQ/TU vào sinh hoạt chuyên đề.", {"Đảng ủy xã Nà Tấu"}, "09-NQ/TU"),  # put into the cells' meetings
]


#: a commune committee's report: its cells named by office or number with the commune's level alone, the cell named
#: before as the lower-case subject of the next clause, its own congress, a cell's thematic meeting
IN_A_COMMUNE_S_REPORT = [
    ("- Chi bộ Trạm Y tế xã chỉ đạo đảng viên đăng ký làm theo theo Kết luận số 01-KL/TW.",
     "Chi bộ Trạm Y tế xã Quài Cang", "01-KL/TW"),
    ("1. Chi bộ tổ dân phố số 3 được chọn tổ chức đại hội điểm (ngày 12/12/2024); trước đó chi bộ xây dựng Kế hoạch số "
     "01-KH/CB, ngày 28/10/2024 chuẩn bị đại hội theo Chỉ thị số 35-CT/TW.", "Chi bộ tổ dân phố số 3 xã Quài Cang",
     "35-CT/TW"),
    ("Đại hội đại biểu Đảng bộ xã lần thứ I, nhiệm kỳ 2025 - 2030 được tổ chức ngày 19/9/2025 theo Chỉ thị số "
     "45-CT/TW, ngày 14/4/2025 của Bộ Chính trị.", "Đảng ủy xã Quài Cang", "45-CT/TW"),
    ("Chi bộ Trường THCS Quài Cang tổ chức sinh hoạt chuyên đề về Nghị quyết 21-NQ/TW.", "Chi bộ Trường THCS Quài Cang",
     "21-NQ/TW"),
]


@pytest.mark.parametrize("sentence,unit,target", IN_A_COMMUNE_S_REPORT)
def test_units_carrying_out_in_a_commune_s_report(data, sentence, unit, target):
    b = Built(data, f"ĐẢNG BỘ HUYỆN TUẦN GIÁO\nĐẢNG ỦY XÃ QUÀI CANG\nSố 45-BC/ĐU\nBÁO CÁO\n{sentence}")
    through_its_plan = {d for u, d in b.issued() if u == f"unit:{unit}" and (IMPLEMENTS, d, target) in b.doc_edges()}
    assert (IMPLEMENTS, f"unit:{unit}", target) in b.unit_edges() or through_its_plan, (b.unit_edges(), b.issued())


@pytest.mark.parametrize("text,units,target", UNITS_CARRYING_OUT)
def test_units_carrying_out(data, text, units, target):
    b = Built(data, text)
    assert {(IMPLEMENTS, f"unit:{u}", target) for u in units} <= b.unit_edges(), text


def test_a_unit_that_acts_per_a_directive_and_an_issuer_named_earlier_in_the_sentence(data):
    """"Đảng bộ tỉnh tổ chức đại hội các cấp theo Chỉ thị ..." carries it out; "Đối với Thành ủy Hà Giang, sau khi
    ban hành Kế hoạch số 198-KH/ThU ..." names the plan's issuer before the verb (its code says a Thành ủy)."""
    b = Built(data, "Ở Hà Giang, khi Đảng bộ tỉnh tổ chức thành công đại hội các cấp theo Chỉ thị số 35-CT/TW ngày "
                    "30/5/2019 của Bộ Chính trị. Đối với Thành ủy Hà Giang, sau khi ban hành Kế hoạch số 198-KH/ThU "
                    "ngày 18/7/2024 về thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024, Ban Thường vụ Thành ủy tiếp tục "
                    "ban hành Kế hoạch số 210-KH/ThU.")
    assert (IMPLEMENTS, "unit:Tỉnh ủy Hà Giang", "35-CT/TW") in b.unit_edges()
    assert ("unit:Thành ủy Hà Giang", "198-KH/ThU") in b.issued()


def test_a_footnote_lists_the_front_s_and_mass_organisations_plans_by_label(data):
    """"Ban Thường vụ Tỉnh đoàn: Kế hoạch số 96-KH/TĐTN-BTG", "Hội Liên hiệp Phụ nữ tỉnh: Kế hoạch số 19/KH-HPN":
    each label issues the plan its code says an organisation of that kind numbers."""
    b = Built(data, "Báo cáo của Tỉnh ủy Sơn La.\n\n<sup>3</sup> Kế hoạch thực hiện Nghị quyết số 35-NQ/TW của Mặt trận "
                    "và các đoàn thể tỉnh: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh: Kế hoạch số 74/KH-MTTQ-BTT, ngày "
                    "12/3/2019; Ban Thường vụ Tỉnh đoàn: Kế hoạch số 96-KH/TĐTN-BTG, ngày 08/3/2019; Hội Liên hiệp Phụ "
                    "nữ tỉnh: Kế hoạch số 19/KH-HPN, ngày 20/3/2019.")
    assert {("unit:Ủy ban MTTQ Việt Nam tỉnh Sơn La", "74/KH-MTTQ-BTT"), ("unit:Tỉnh đoàn Sơn La", "96-KH/TĐTN-BTG"),
            ("unit:Hội Liên hiệp Phụ nữ tỉnh Sơn La", "19/KH-HPN")} <= b.issued()
    assert {(IMPLEMENTS, "96-KH/TĐTN-BTG", "35-NQ/TW"), (IMPLEMENTS, "19/KH-HPN", "35-NQ/TW")} <= b.doc_edges()


def test_a_local_plan_s_short_form_and_a_plan_built_for_it(data):
    """"Cụ thể hóa Kế hoạch 176, Đảng ủy xã Mường Cơi xây dựng Kế hoạch số 84-KH/ĐU": the short form is the
    district's 176-KH/HU the text cited in full, and the commune's plan, built ("xây dựng") for it, implements it."""
    b = Built(data, "Ở Sơn La, Ban Thường vụ Huyện ủy Phù Yên đã ban hành Kế hoạch số 176-KH/HU, ngày 26/8/2024 về tổ "
                    "chức đại hội đảng bộ cơ sở. Cụ thể hóa Kế hoạch 176, Đảng ủy xã Mường Cơi xây dựng Kế hoạch số "
                    "84-KH/ĐU, ngày 05/9/2024 về tổ chức đại hội các chi bộ trực thuộc.")
    assert (IMPLEMENTS, "84-KH/ĐU", "176-KH/HU") in b.doc_edges()
    assert len([d for d in b.graph.documents if d.number == "176"]) == 1


def test_an_unlisted_unit_spelled_two_ways_is_one_named_as_most_texts_spell_it(data):
    b = Built(data, "Ở Điện Biên, Đảng ủy xã Quài Tờ đã quán triệt Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị.",
              "Ở Điện Biên, Đảng ủy xã Quài Tở ban hành Kế hoạch số 12-KH/ĐU, ngày 10/6/2016 thực hiện Chỉ thị số "
              "05-CT/TW.", "Ở Điện Biên, Đảng ủy xã Quài Tở tổ chức học tập Chỉ thị số 05-CT/TW.")
    (unit,) = [u for u in b.graph.units if u.name.startswith("Đảng ủy xã Quài")]
    assert unit.name == "Đảng ủy xã Quài Tở"


def test_an_unlisted_unit_spelled_with_marks_lost_is_named_with_them(data):
    b = Built(data, "Ở Điện Biên, Đảng ủy xã Huổi Lèng đã quán triệt Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị.",
              "Ở Điện Biên, Đảng ủy xã Huổi Leng ban hành Kế hoạch số 12-KH/ĐU, ngày 10/6/2016 thực hiện Chỉ thị số "
              "05-CT/TW.", "Ở Điện Biên, Đảng ủy xã Huổi Leng tổ chức học tập Chỉ thị số 05-CT/TW.")
    (unit,) = [u for u in b.graph.units if u.name.startswith("Đảng ủy xã Huổi")]
    assert unit.name == "Đảng ủy xã Huổi Lèng"


def test_a_clause_of_unnamed_units_and_a_plan_issued_by_the_text_s_author(data):
    """"...; các đảng bộ gắn việc ... với Chỉ thị 35" names no unit: neither the first clause's subject nor the
    author carries it out. "...; đã ban hành Kế hoạch số 125-KH/ĐUK" in the Đảng ủy Khối's own report is its plan."""
    b = Built(data, "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH SƠN LA\n\nBÁO CÁO\n\nBan Thường vụ Đảng ủy Khối gắn việc thực hiện "
                    "Kết luận số 01-KL/TW với Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị; đã ban hành Kế hoạch "
                    "số 125-KH/ĐUK ngày 05/8/2024 triển khai thực hiện Chỉ thị 35.\n\n"
                    "- Đảng ủy Quân sự tỉnh bổ sung kế hoạch riêng; các đảng bộ gắn việc khắc phục hạn chế với chuẩn "
                    "bị đại hội theo Chỉ thị 35-CT/TW.")
    assert ("unit:Đảng ủy Khối các cơ quan tỉnh Sơn La", "125-KH/ĐUK") in b.issued()
    assert not [e for e in b.unit_edges() if "Quân sự" in e[1]]


def test_units_and_their_documents_listed_respectively(data):
    """"Thị ủy Nghĩa Lộ và Thành ủy Yên Bái đã ban hành kế hoạch thực hiện Kết luận, lần lượt là Kế hoạch số
    115-KH/TU và Kế hoạch số 231-KH/ThU; Huyện ủy Mù Cang Chải tổ chức hội nghị quán triệt Kết luận 70": each
    unit issues the plan in its place of the list and carries out the Kết luận; neither carries out the other's."""
    b = Built(data, "Ở Yên Bái, Bộ Chính trị ban hành Kết luận số 70-KL/TW. Ngay sau khi có Kế hoạch 112-KH/TU, Thị ủy "
                    "Nghĩa Lộ và Thành ủy Yên Bái đã ban hành kế hoạch thực hiện Kết luận, lần lượt là Kế hoạch số "
                    "115-KH/TU và Kế hoạch số 231-KH/ThU; Huyện ủy Mù Cang Chải tổ chức hội nghị quán triệt Kết luận 70.")
    assert {("unit:Thị ủy Nghĩa Lộ", "115-KH/TU"), ("unit:Thành ủy Yên Bái", "231-KH/ThU")} <= b.issued()
    assert b.unit_edges() == {(IMPLEMENTS, f"unit:{u}", "70-KL/TW")
                              for u in ("Thị ủy Nghĩa Lộ", "Thành ủy Yên Bái", "Huyện ủy Mù Cang Chải")}


def test_a_table_s_rows_carry_out_every_directive_its_intro_names(data):
    b = Built(data, "Ở Sơn La, 14/15 đảng ủy xã, thị trấn đã ban hành kế hoạch thực hiện Kế hoạch số 146-KH/HU, ngày "
                    "08/7/2024 của Ban Thường vụ Huyện ủy Yên Châu và Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính "
                    "trị. Cụ thể:\n\n| TT | Đảng bộ | Số kế hoạch | Ngày ban hành |\n|---:|---|---|---|\n"
                    "| 1 | Thị trấn Yên Châu | 74-KH/ĐU | 22/7/2024 |\n| 2 | Xã Chiềng Đông | 61-KH/ĐU | 19/7/2024 |")
    for plan in ("74-KH/ĐU", "61-KH/ĐU"):
        assert {(IMPLEMENTS, plan, "146-KH/HU"), (IMPLEMENTS, plan, "35-CT/TW")} <= b.doc_edges()
    assert {("unit:Đảng ủy thị trấn Yên Châu", "74-KH/ĐU"), ("unit:Đảng ủy xã Chiềng Đông", "61-KH/ĐU")} <= b.issued()


def test_items_under_a_unit_s_heading_are_its_documents_and_deeds(data):
    """"2. Huyện ủy Mường Ẳng:" (misspelt) / "- Kế hoạch số 63-KH/HU ..."; "+ Tỉnh đoàn Lai Châu:" / "- Ban hành Kế
    hoạch số 18- KH/TĐTN ..."; "+ Huyện Sìn Hổ:" / "- Huyện ủy tổ chức sơ kết ... thực hiện Kết luận ..."."""
    b = Built(data, "Ở Điện Biên, các huyện thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương.\n\n"
                    "2. Huyện ủy Mường Ẳng:\n   - Kế hoạch số 63-KH/HU, ngày 21/3/2022 về thực hiện Kết luận số 21-KL/TW.")
    assert ("unit:Huyện ủy Mường Ảng", "63-KH/HU") in b.issued()
    b = Built(data, "Ở Lai Châu, các đoàn thể thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị.\n\n"
                    "+ Tỉnh đoàn Lai Châu:\n- Ban hành Kế hoạch số 18- KH/TĐTN, ngày 12/3/2024 về thực hiện Kết luận 01.\n\n"
                    "+ Huyện Sìn Hổ:\n- Huyện ủy tổ chức sơ kết 3 năm thực hiện Kết luận số 01-KL/TW.")
    assert ("unit:Tỉnh đoàn Lai Châu", "18-KH/TĐTN") in b.issued()
    assert (IMPLEMENTS, "unit:Huyện ủy Sìn Hồ", "01-KL/TW") in b.unit_edges()


def test_a_plan_linked_to_carrying_out_another_and_a_label_that_issues_promptly(data):
    """"... Kế hoạch số 198-KH/HU ... triển khai thực hiện Nghị quyết số 43-NQ/TW, gắn với thực hiện Kết luận số
    01-KL/TW": the plan cites the Kết luận, its unit carries it out. "- Đảng ủy xã Quài Cang: Ban hành kịp thời
    Kế hoạch số 18-KH/ĐU ..." names the plan's issuer."""
    b = Built(data, "Ở Sơn La, Huyện ủy Mộc Châu ban hành Kế hoạch số 198-KH/HU, ngày 26/02/2024 triển khai thực hiện "
                    "Nghị quyết số 43-NQ/TW, ngày 24/11/2023, gắn với thực hiện Kết luận số 01-KL/TW của Bộ Chính trị.")
    assert (Relation.CITES, "198-KH/HU", "01-KL/TW") in b.doc_edges()
    assert (IMPLEMENTS, "unit:Huyện ủy Mộc Châu", "01-KL/TW") in b.unit_edges()
    b = Built(data, "Ở Điện Biên, Huyện ủy Tuần Giáo thông báo kết luận.\n2. Đối với từng đơn vị\n- Đảng ủy xã Quài Cang: "
                    "Ban hành kịp thời Kế hoạch số 18-KH/ĐU, ngày 20/8/2021 về thực hiện Kết luận 01-KL/TW của Bộ Chính trị.")
    assert ("unit:Đảng ủy xã Quài Cang", "18-KH/ĐU") in b.issued()


def test_counted_communes_and_a_committee_s_board_named_by_kind(data):
    b = Built(data, "Ở Sơn La, Huyện ủy Thuận Châu ban hành Kế hoạch số 187-KH/HU thực hiện Chỉ thị số 35-CT/TW. Đảng ủy "
                    "hai xã Co Mạ và Long Hẹ đã ban hành kế hoạch thực hiện Kế hoạch 187-KH/HU song chậm một tháng.")
    assert {(IMPLEMENTS, "unit:Đảng ủy xã Co Mạ", "187-KH/HU"), (IMPLEMENTS, "unit:Đảng ủy xã Long Hẹ", "187-KH/HU")} \
        <= b.unit_edges()
    b = Built(data, "Ở Sơn La, Huyện ủy Sông Mã ban hành Kế hoạch số 171-KH/HU thực hiện Quy định số 144-QĐ/TW, ngày "
                    "09/5/2024 của Bộ Chính trị. Ban Tuyên giáo Huyện ủy ban hành Hướng dẫn số 12-HD/BTGHU, ngày 05/6/2024 "
                    "tuyên truyền Quy định số 144-QĐ/TW.")
    assert ("unit:Ban Tuyên giáo Huyện ủy Sông Mã", "12-HD/BTGHU") in b.issued()


def test_a_plan_named_back_by_this_and_a_plan_carrying_out_a_kind_besides_its_fronted_purpose(data):
    """"Kế hoạch này do Huyện ủy ban hành để triển khai thực hiện Chỉ thị số 35 - CT/TW": the plan cited last carries
    out the Chỉ thị. "Thực hiện Kế hoạch 208-KH/TU ..., huyện đã ban hành Kế hoạch số 97-KH/HU ... triển khai Nghị
    quyết": 97-KH/HU carries out both the plan and the Nghị quyết cited before."""
    b = Built(data, "Ở Sơn La, đoàn kiểm tra việc thực hiện Kế hoạch 187-KH/HU. Kế hoạch này do Huyện ủy ban hành để triển "
                    "khai thực hiện Chỉ thị số 35 - CT/TW, ngày 14/6/2024 của Bộ Chính trị.\n\nNgày 10/7, Huyện ủy Nậm "
                    "Nhùn sơ kết 6 tháng thực hiện Nghị quyết số 43-NQ/TW của Ban Chấp hành Trung ương Đảng. Thực hiện "
                    "Kế hoạch 208-KH/TU của Ban Thường vụ Tỉnh ủy, huyện đã ban hành Kế hoạch số 97-KH/HU, ngày "
                    "15/01/2024 triển khai Nghị quyết; chỉ đạo 100% chi bộ đưa Nghị quyết này vào sinh hoạt.")
    assert {(IMPLEMENTS, "187-KH/HU", "35-CT/TW"), (IMPLEMENTS, "97-KH/HU", "208-KH/TU"),
            (IMPLEMENTS, "97-KH/HU", "43-NQ/TW")} <= b.doc_edges()


def test_a_department_whose_name_holds_a_stop_word(data):
    """"Đảng ủy Sở Nông nghiệp và Phát triển nông thôn ban hành ...": "triển" ends "triển khai" after a name, not the
    department's own "Phát triển"."""
    b = Built(data, "Ở Sơn La, Đảng ủy Sở Nông nghiệp và Phát triển nông thôn ban hành Kế hoạch số 215/KH-ĐU ngày 16/8/2021 "
                    "triển khai Kết luận 01-KL/TW.")
    assert ("unit:Đảng ủy Sở Nông nghiệp và Phát triển nông thôn tỉnh Sơn La", "215/KH-ĐU") in b.issued()


#: a plan whose object is named by its kind alone ("... thực hiện Nghị quyết;") or as the plan above ("triển khai
#: kế hoạch nói trên và ...")
PLANS_NAMING_BACK = [
    ("Bộ Chính trị ban hành Nghị quyết số 35-NQ/TW, ngày 22/10/2018. Ở Nghệ An, Ban Thường vụ Tỉnh ủy ban hành Kế "
     "hoạch số 156-KH/TU thực hiện Nghị quyết; tiếp đó ban hành Chỉ thị số 17-CT/TU.", ("156-KH/TU", "35-NQ/TW")),
    ("Ở Sơn La, Ban Thường vụ Huyện ủy Thuận Châu ban hành Kế hoạch số 187-KH/HU, ngày 01/7/2024 thực hiện Chỉ thị "
     "số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị.\n\nQua kiểm tra, Đảng ủy xã Phổng Lái đã ban hành Kế hoạch số "
     "56-KH/ĐU, ngày 25/7/2024 triển khai kế hoạch nói trên và tổ chức quán triệt.", ("56-KH/ĐU", "187-KH/HU")),
]


@pytest.mark.parametrize("text,pair", PLANS_NAMING_BACK)
def test_plans_naming_their_object_back(data, text, pair):
    assert (IMPLEMENTS, *pair) in Built(data, text).doc_edges()


@pytest.mark.parametrize("title,signature,author", [
    ("**kết quả 01 năm thực hiện Nghị quyết số 43-NQ/TW trên địa bàn huyện Sìn Hồ**", "- Lưu Văn phòng Huyện ủy.",
     "Huyện ủy Sìn Hồ"),
    ("**tình hình chuẩn bị đại hội trong Đảng bộ huyện Bắc Yên**", "- Lưu Văn phòng Huyện uỷ.", "Huyện ủy Bắc Yên"),
    ("**tình hình thực hiện Nghị quyết số 15-NQ/TU của Ban Thường vụ Tỉnh ủy Điện Biên**", "", None),
])
def test_a_report_without_letterhead_is_the_committee_its_office_files_it_for(data, title, signature, author):
    from ingest.relate import author_of
    roster, _ = data
    text = f"**BÁO CÁO**\n\n{title}\n\nNội dung.\n\nNơi nhận:\n{signature}\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ"
    province = roster.province_of(text)
    expected = author or (roster.canonical("Tỉnh ủy", province) if province else None)
    assert author_of(text, roster, province) == expected


@pytest.mark.parametrize("body,signature,author", [
    # the office files it for "Huyện ủy", the title names no district: the district the report names most
    ("Sốp Cộp là huyện biên giới của tỉnh Sơn La. Năm 2025, Sốp Cộp có 08 xã.", "- Lưu Văn phòng Huyện ủy.\n\n"
     "T/M BAN THƯỜNG VỤ\nBÍ THƯ", "Huyện ủy Sốp Cộp"),
    ("Nội dung ở tỉnh Lai Châu.", "- Lưu Văn phòng Ban.\n\n**T/M BAN DÂN VẬN TỈNH ỦY\nTRƯỞNG BAN**",
     "Ban Dân vận Tỉnh ủy Lai Châu"),
    # the committee named in the signature alone
    ("Nội dung.", "- Lưu Văn phòng Huyện ủy.\n\n**T/M BAN THƯỜNG VỤ HUYỆN ỦY THUẬN CHÂU\nPHÓ BÍ THƯ THƯỜNG TRỰC**",
     "Huyện ủy Thuận Châu"),
    ("Nội dung ở tỉnh Sơn La.", "- Lưu Văn phòng Ủy ban Kiểm tra Tỉnh ủy.\n\n**T/M ỦY BAN KIỂM TRA\nPHÓ CHỦ NHIỆM**",
     "Ủy ban Kiểm tra Tỉnh ủy Sơn La"),
])
def test_a_report_signed_without_naming_its_place(data, body, signature, author):
    from ingest.relate import author_of
    roster, _ = data
    text = f"**BÁO CÁO**\n\n**tổng kết công tác**\n\n{body}\n\nNơi nhận:\n{signature}"
    assert author_of(text, roster, roster.province_of(text)) == author


def test_footnoted_plans_of_a_sentence_whose_directive_a_long_qualifier_follows(data):
    b = Built(data, "BÁO CÁO\n22/23 đảng ủy, chi bộ trực thuộc đã xây dựng kế hoạch thực hiện Kết luận số 21-KL/TW sát với "
                    "nhiệm vụ quản lý, bảo vệ chủ quyền lãnh thổ, an ninh biên giới của đơn vị<sup>1</sup>.\n\n"
                    "<sup>1</sup> Đảng ủy Đồn Biên phòng Cửa khẩu quốc tế Tây Trang: Kế hoạch số 36-KH/ĐU, ngày 21/3/2022; "
                    "Đảng ủy Đồn Biên phòng Nậm Kè: Kế hoạch số 29-KH/ĐU, ngày 18/3/2022.\n\nỞ Điện Biên.")
    assert {(IMPLEMENTS, "36-KH/ĐU", "21-KL/TW"), (IMPLEMENTS, "29-KH/ĐU", "21-KL/TW")} <= b.doc_edges()
    assert ("unit:Đảng ủy Đồn Biên phòng Cửa khẩu quốc tế Tây Trang", "36-KH/ĐU") in b.issued()


def test_footnoted_plans_of_a_fronted_plan_whose_plans_sentence_runs_long(data):
    b = Built(data, "HUYỆN ỦY THUẬN CHÂU\nBÁO CÁO\nThực hiện Kế hoạch số 203-KH/HU của Ban Thường vụ Huyện ủy, 28/29 đảng ủy "
                    "xã, thị trấn đã ban hành kế hoạch lãnh đạo đại hội chi bộ trực thuộc, xây dựng lộ trình cụ thể, chọn "
                    "chi bộ làm điểm để rút kinh nghiệm<sup>2</sup>.\n\n<sup>2</sup> Đảng ủy xã Phổng Lái: Kế hoạch số "
                    "78-KH/ĐU, ngày 12/8/2024; Đảng ủy xã Tông Lạnh: Kế hoạch số 64-KH/ĐU, ngày 14/8/2024.")
    assert {(IMPLEMENTS, "78-KH/ĐU", "203-KH/HU"), (IMPLEMENTS, "64-KH/ĐU", "203-KH/HU")} <= b.doc_edges()


def test_footnoted_plans_after_a_directive_a_qualifier_and_a_second_deed(data):
    b = Built(data, "HUYỆN ỦY NẬM NHÙN\nBÁO CÁO\nCác chi, đảng bộ cơ sở đã xây dựng kế hoạch thực hiện Kết luận số 01-KL/TW sát "
                    "với đặc điểm của địa phương, đơn vị, đưa nội dung học tập và làm theo Bác vào nghị quyết lãnh đạo hằng "
                    "năm<sup>2</sup>.\n\n<sup>2</sup> Xã Lê Lợi: Kế hoạch số 26-KH/ĐU, ngày 16/8/2021.")
    assert (IMPLEMENTS, "26-KH/ĐU", "01-KL/TW") in b.doc_edges()


def test_footnoted_plans_after_a_directive_and_what_they_link_it_with(data):
    b = Built(data, "THÀNH ỦY LAI CHÂU\nBÁO CÁO\nCác đảng ủy phường, xã đã ban hành kế hoạch thực hiện Nghị quyết số "
                    "57-NQ/TW, gắn với nhiệm vụ chính trị của từng địa phương, đơn vị<sup>2</sup>.\n\n<sup>2</sup> Đảng ủy "
                    "phường Tân Phong: Kế hoạch số 41-KH/ĐU, ngày 10/3/2025. Hội Liên hiệp Phụ nữ thành phố mở 14 lớp "
                    "tập huấn kỹ năng số theo mục tiêu của Nghị quyết số 57-NQ/TW.")
    assert (IMPLEMENTS, "41-KH/ĐU", "57-NQ/TW") in b.doc_edges()
    assert (IMPLEMENTS, "unit:Hội Liên hiệp Phụ nữ thành phố Lai Châu", "57-NQ/TW") in b.unit_edges()


def test_this_is_the_committee_of_the_commune_the_sentence_before_opens_with(data):
    b = Built(data, "Ở Điện Biên. Xã Sa Lông có 14 chi bộ trực thuộc. Đây là đảng bộ đầu tiên của huyện ban hành Kế hoạch số "
                    "27-KH/ĐU, ngày 25/7/2024 thực hiện Kế hoạch 198-KH/HU của Huyện ủy Mường Chà. Đồng chí Lò Thị Hằng, Bí "
                    "thư Đảng ủy phường Him Lam cho biết: “Chúng tôi yêu cầu mỗi đảng viên viết bản tự kiểm điểm theo từng "
                    "chuẩn mực của Quy định số 144-QĐ/TW.”")
    assert ("unit:Đảng ủy xã Sa Lông", "27-KH/ĐU") in b.issued()
    assert (IMPLEMENTS, "unit:Đảng ủy phường Him Lam", "144-QĐ/TW") in b.unit_edges()


def test_a_commune_report_whose_footnotes_follow_its_signature(data):
    """"Nơi nhận:" lists whom copies go to, no section headings: the footnotes after the signature stay the author's."""
    b = Built(data, "ĐẢNG BỘ TỈNH LAI CHÂU\nĐẢNG ỦY XÃ KHỔNG LÀO\nSố 38-BC/ĐU\nBÁO CÁO\n1. Ban Thường vụ Đảng ủy xã tổ chức "
                    "hội nghị quán triệt Nghị quyết 57; sau hội nghị, ban hành Kế hoạch số 09-KH/ĐU, ngày 28/7/2025 thực hiện "
                    "Nghị quyết số 57-NQ/TW.\n2. Đến ngày 30/11/2025, 26/28 chi bộ trực thuộc đã ban hành kế hoạch thực "
                    "hiện Kế hoạch số 09-KH/ĐU của Đảng ủy xã(1).\nNơi nhận:\n- Ban Tuyên giáo và Dân vận Tỉnh ủy;\n- Lưu Văn "
                    "phòng Đảng ủy.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n________\n(1) Tiêu biểu: Chi bộ Công an xã: Kế hoạch số 03-KH/CB, "
                    "ngày 06/8/2025; Chi bộ Trạm Y tế xã: Kế hoạch số 01-KH/CB, ngày 20/8/2025.")
    issued = b.issued()
    assert {("unit:Đảng ủy xã Khổng Lào", "09-KH/ĐU"), ("unit:Chi bộ Trạm Y tế xã Khổng Lào", "01-KH/CB"),
            ("unit:Chi bộ Công an xã Khổng Lào", "03-KH/CB")} <= issued
    assert (IMPLEMENTS, "01-KH/CB", "09-KH/ĐU") in b.doc_edges()


def test_footnoted_plans_of_a_plan_made_concrete_by_the_cells_own(data):
    b = Built(data, "ĐẢNG ỦY QUÂN SỰ TỈNH ĐIỆN BIÊN\nBÁO CÁO\nCác đảng ủy, chi bộ trực thuộc đã cụ thể hóa Kế hoạch số "
                    "468-KH/ĐU bằng kế hoạch, nghị quyết chuyên đề sát với chức năng, nhiệm vụ của đơn vị<sup>2</sup>.\n\n"
                    "<sup>2</sup> Đảng ủy Ban Chỉ huy Quân sự huyện Tuần Giáo: Kế hoạch số 46-KH/ĐU, ngày 26/8/2021.")
    assert (IMPLEMENTS, "46-KH/ĐU", "468-KH/ĐU") in b.doc_edges()
    assert ("unit:Đảng ủy Quân sự huyện Tuần Giáo", "46-KH/ĐU") in b.issued()


def test_footnoted_plans_of_a_directive_fronted_with_the_province_s_plan(data):
    b = Built(data, "BAN TỔ CHỨC TỈNH ỦY ĐIỆN BIÊN\nBÁO CÁO\nThực hiện Kết luận số 21-KL/TW và kế hoạch của Ban Thường vụ Tỉnh ủy, "
                    "các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy đã ban hành văn bản lãnh đạo, chỉ đạo sát "
                    "với tình hình của địa phương, đơn vị<sup>2</sup>.\n\n<sup>2</sup> Huyện ủy Tuần Giáo: Kế hoạch số "
                    "74-KH/HU, ngày 14/3/2022; Đảng ủy Công an tỉnh: Kế hoạch số 41-KH/ĐUCA, ngày 29/3/2022.")
    assert {(IMPLEMENTS, "74-KH/HU", "21-KL/TW"), (IMPLEMENTS, "41-KH/ĐUCA", "21-KL/TW")} <= b.doc_edges()


def test_the_city_police_in_the_province_police_s_report(data):
    b = Built(data, "ĐẢNG ỦY CÔNG AN TỈNH SƠN LA\nBÁO CÁO\nCác đảng bộ đã ban hành văn bản<sup>2</sup>.\n\n<sup>2</sup> Đảng ủy Công "
                    "an thành phố: Kế hoạch số 96-KH/ĐU, ngày 14/02/2025 về thực hiện Nghị quyết số 57-NQ/TW.")
    assert ("unit:Đảng ủy Công an thành phố Sơn La", "96-KH/ĐU") in b.issued()


def test_a_board_of_a_city_committee_named_by_its_kind(data):
    b = Built(data, "THÀNH ỦY LAI CHÂU\nBÁO CÁO\nBan Tuyên giáo và Dân vận Thành ủy ban hành Hướng dẫn số 07-HD/BTGDVThU, "
                    "ngày 24/02/2025 về tuyên truyền Nghị quyết số 57-NQ/TW.\n\n<sup>4</sup> Sở Giáo dục và Đào tạo ban hành "
                    "Kế hoạch số 1350/KH-SGDĐT, ngày 02/6/2021; Đảng ủy thị trấn Nông trường Mộc Châu: Kế hoạch số 71-KH/ĐU.")
    issued = b.issued()
    assert ("unit:Ban Tuyên giáo và Dân vận Thành ủy Lai Châu", "07-HD/BTGDVThU") in issued
    assert any(u.startswith("unit:Sở Giáo dục và Đào tạo tỉnh") and d == "1350/KH-SGDĐT" for u, d in issued)
    assert ("unit:Đảng ủy thị trấn Nông trường Mộc Châu", "71-KH/ĐU") in issued


def test_a_district_office_labelling_its_plan_in_its_district_s_report(data):
    b = Built(data, "HUYỆN ỦY MƯỜNG TÈ\nBÁO CÁO\nCác đảng bộ đã ban hành kế hoạch<sup>1</sup>.\n\n<sup>1</sup> Đảng ủy Công an "
                    "huyện: Kế hoạch số 305-KH/ĐU, ngày 17/3/2025 về thực hiện Nghị quyết số 57-NQ/TW; Chi bộ Trường Phổ "
                    "thông Dân tộc nội trú huyện: Kế hoạch số 02-KH/CB, ngày 20/3/2025.")
    assert ("unit:Đảng ủy Công an huyện Mường Tè", "305-KH/ĐU") in b.issued()


@pytest.mark.parametrize("title,author", [
    ("**sơ kết 03 năm thực hiện Kết luận số 01-KL/TW trên địa bàn huyện Tam Đường**", "Huyện ủy Tam Đường"),
    ("**kết quả 01 năm thực hiện Quy định số 144-QĐ/TW trong Đảng bộ Công an tỉnh Điện Biên**",
     "Đảng ủy Công an tỉnh Điện Biên"),
    ("**kết quả thực hiện Nghị quyết số 35-NQ/TW**", None),
])
def test_a_report_neither_headed_nor_signed_is_the_committee_of_what_its_title_covers(data, title, author):
    from ingest.relate import author_of
    roster, _ = data
    text = f"**BÁO CÁO**\n\n{title}\n\nNội dung ở Điện Biên."
    assert author_of(text, roster, roster.province_of(text)) == author
