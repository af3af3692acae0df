"""Vietnamese wording of the generated texts: sentence templates, subjects, place-name
syllables. All strings are NFC with their diacritics.

Templates are plain strings with placeholders that `generate.Page.fill` renders:
  {U}    the acting or issuing unit, as the text names it ("Ban Thường vụ Huyện ủy Mai Sơn")
  {DOC}  the citation of the document being issued (type word, number-code, usually the date)
  {T}    the citation of what it carries out (or, in activity sentences, the directive)
  {V}    the verb phrase of the relation ("về thực hiện", "hướng dẫn thực hiện", ...)
  {n} {m} {p} {k} {y}  numbers (count, larger count, percentage, years, a year)
  {TOPIC} a subject ("công tác giáo dục chính trị, tư tưởng")
"""
from __future__ import annotations

# --- verb phrases of the relations ----------------------------------------------------
V_IMPLEMENTS = (
    "về thực hiện", "về học tập, quán triệt, tuyên truyền thực hiện", "triển khai thực hiện",
    "về tổ chức thực hiện", "về việc thực hiện", "thực hiện", "về triển khai thực hiện",
    "về học tập, quán triệt và triển khai thực hiện", "về tuyên truyền, triển khai thực hiện",
)
V_GUIDES = (
    "hướng dẫn thực hiện", "về hướng dẫn học tập, quán triệt, triển khai thực hiện",
    "hướng dẫn tuyên truyền, triển khai thực hiện", "về việc hướng dẫn thực hiện",
)
V_INSPECTS = (
    "về kiểm tra việc lãnh đạo, chỉ đạo thực hiện", "về giám sát chuyên đề việc thực hiện",
    "về kiểm tra việc thực hiện", "về việc kiểm tra, giám sát thực hiện",
)
V_CONTINUES = ("về tiếp tục thực hiện", "về tiếp tục đẩy mạnh thực hiện")

# --- a unit issues a document that carries out another (body paragraphs) ------------------
ISSUE = (
    "{U} đã ban hành {DOC} {V} {T} trong toàn Đảng bộ.",
    "Ngay sau khi nhận được văn bản của cấp trên, {U} đã ban hành {DOC} {V} {T}, phân công cụ thể "
    "trách nhiệm cho các cơ quan tham mưu và cấp ủy trực thuộc.",
    "{U} kịp thời ban hành {DOC} {V} {T}; đồng thời chỉ đạo các cấp ủy trực thuộc xây dựng kế hoạch "
    "phù hợp với thực tiễn của địa phương, đơn vị.",
    "{U} ban hành {DOC} {V} {T} và chỉ đạo triển khai nghiêm túc đến từng chi bộ.",
    "Cùng với đó, {U} đã ban hành {DOC} {V} {T}, xác định {n} nhóm nhiệm vụ, giải pháp trọng tâm.",
    "{U} đã cụ thể hóa bằng {DOC} {V} {T}, đưa nội dung vào chương trình công tác toàn khóa.",
    "Xác định đây là nhiệm vụ quan trọng, thường xuyên, {U} đã ban hành {DOC} {V} {T}.",
    "Trên cơ sở đó, {U} ban hành {DOC} {V} {T}, phân công các đồng chí Ủy viên Ban Thường vụ theo dõi, "
    "chỉ đạo từng lĩnh vực.",
)
#: fronted target: "Thực hiện {T}, {U} ban hành {DOC}" (no {V})
ISSUE_FRONTED = (
    "Thực hiện {T}, {U} ban hành {DOC}, xác định rõ mục tiêu, nhiệm vụ, giải pháp và lộ trình thực hiện.",
    "Thực hiện {T}, {U} đã ban hành {DOC} và tổ chức hội nghị quán triệt cho cán bộ chủ chốt.",
    "Triển khai thực hiện {T}, {U} đã ban hành {DOC}, giao các cơ quan tham mưu hướng dẫn, đôn đốc.",
    "Để cụ thể hóa {T}, {U} đã ban hành {DOC}, trong đó xác định {n} nhóm nhiệm vụ trọng tâm.",
)
#: the document first, its issuer after: "{DOC} của {U} {V} {T} ..."
ISSUE_AFTER = (
    "{DOC} của {U} {V} {T} đã xác định rõ các mục tiêu, chỉ tiêu cụ thể đến năm {y}.",
    "Theo {DOC} của {U} {V} {T}, mỗi chi bộ lựa chọn ít nhất một nội dung đột phá để tập trung chỉ đạo.",
    "{DOC} của {U} {V} {T} được triển khai đồng bộ, có trọng tâm, trọng điểm.",
)
GUIDE = (
    "{U} ban hành {DOC} {V} {T}, làm cơ sở để các địa phương, đơn vị xây dựng kế hoạch phù hợp.",
    "{U} đã ban hành {DOC} {V} {T} và biên soạn tài liệu tuyên truyền phát đến các chi bộ.",
    "Để thống nhất cách làm, {U} ban hành {DOC} {V} {T}.",
    "{U} kịp thời ban hành {DOC} {V} {T}, cung cấp đề cương tuyên truyền cho báo cáo viên các cấp.",
)
INSPECT = (
    "{U} ban hành {DOC} {V} {T} đối với {n} tổ chức đảng.",
    "Năm {y}, {U} đã ban hành {DOC} {V} {T} tại {n} cấp ủy trực thuộc.",
    "{U} ban hành {DOC} {V} {T}; qua kiểm tra đã kịp thời chấn chỉnh những hạn chế, thiếu sót.",
    "Công tác kiểm tra được chú trọng: {U} ban hành {DOC} {V} {T} đối với {n} chi, đảng bộ cơ sở.",
)

# --- lists of plans ("... xây dựng kế hoạch thực hiện {T}: A ban hành ...; B ...") ------------
LIST_INTRO_DISTRICTS = (
    "100% các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc đã xây dựng kế hoạch thực hiện {T}:",
    "Các huyện ủy, thành ủy đã kịp thời cụ thể hóa bằng kế hoạch thực hiện {T}:",
    "Các cấp ủy trực thuộc Tỉnh ủy đã ban hành kế hoạch triển khai thực hiện {T}:",
    "{n}/{m} huyện ủy, thành ủy đã xây dựng kế hoạch thực hiện {T}:",
    "Các huyện ủy, thị ủy, thành ủy đã ban hành văn bản lãnh đạo, chỉ đạo thực hiện {T}:",
)
LIST_INTRO_AGENCIES = (
    "Các ban, sở, ngành, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh đã xây dựng kế hoạch "
    "thực hiện {T}:",
    "Các đảng ủy trực thuộc và cơ quan tham mưu của Tỉnh ủy đã ban hành kế hoạch thực hiện {T}:",
    "Các cơ quan, đơn vị đã cụ thể hóa bằng kế hoạch triển khai thực hiện {T}:",
)
LIST_INTRO_COMMUNES = (
    "Các đảng ủy cơ sở đã ban hành kế hoạch thực hiện {T}:",
    "100% đảng ủy xã, thị trấn đã xây dựng kế hoạch thực hiện {T}:",
    "Nhiều đảng ủy cơ sở đã kịp thời cụ thể hóa bằng kế hoạch thực hiện {T}:",
)
#: an item that names its own target
ITEM = (
    "{U} ban hành {DOC} {V} {T}",
    "{U} đã ban hành {DOC} {V} {T}",
    "Ban Thường vụ {U} ban hành {DOC} {V} {T}",
    "{U} ban hành {DOC} {V} {T} trên địa bàn",
    "{U} ban hành {DOC} của Ban Thường vụ {KIND} {V} {T}",
)
#: an item that carries out the list's head without naming it
ITEM_IMPLICIT = (
    "{U} ban hành {DOC}",
    "{U}: {DOC}",
    "{U} ban hành {DOC} về {TOPIC} giai đoạn {y}-{y2}",
    "{U} đã ban hành {DOC}",
)

# --- units carrying out a directive by their activity ------------------------------------
#: the sentence ties the unit to the directive explicitly
ACT_EXPLICIT = (
    "Trong tổ chức thực hiện {T}, {U} đã chỉ đạo {n} chi bộ trực thuộc lựa chọn nội dung đột phá.",
    "{U} đã tổ chức quán triệt {T} đến {p}% cán bộ, đảng viên.",
    "{U} tập trung lãnh đạo triển khai thực hiện {T} gắn với nhiệm vụ chính trị của địa phương.",
    "{U} đưa nội dung {T} vào sinh hoạt chuyên đề hằng quý.",
    "Thực hiện {T}, {U} đã chỉ đạo các chi bộ rà soát, bổ sung chuẩn mực đạo đức công vụ.",
    "{U} đã học tập, quán triệt {T} cho {m} lượt cán bộ, đảng viên.",
    "{U} tuyên truyền sâu rộng {T} đến các tầng lớp Nhân dân bằng nhiều hình thức phong phú.",
    "{U} gắn việc thực hiện {T} với phát triển kinh tế - xã hội và giảm nghèo bền vững.",
)
#: registering "việc làm theo" (or models) in a text about the directive
ACT_REGISTER = (
    "{U} chỉ đạo 100% chi, đảng bộ cơ sở đăng ký {WORK}.",
    "{U} phát động cán bộ, đảng viên đăng ký ít nhất 01 {WORK1} gắn với nhiệm vụ được giao.",
    "{U} đã đăng ký {n} {MODELS}, tập trung vào cải cách hành chính và chỉnh trang đô thị.",
    "{U} chỉ đạo các chi bộ đăng ký {WORK}, cam kết thực hiện trong từng quý.",
)
#: the unit is named, but is not the subject: a human reader counts it, it is less explicit
ACT_REGISTER_OBLIQUE = (
    "Tại {U}, {m} đảng viên đã đăng ký {WORK}, tập trung vào cải cách hành chính.",
    "Ở {U}, các chi bộ đã đăng ký {n} {MODELS}.",
)

# --- central documents linked to each other -------------------------------------------
CONTINUES_SENTENCE = (
    "{DOC} của {U} {V} {T} đặt ra yêu cầu mới đối với các cấp ủy, tổ chức đảng.",
    "Tiếp đó, {U} ban hành {DOC} {V} {T}, tạo động lực mới cho việc triển khai ở cơ sở.",
)

# --- reports, plans, news: frame lines --------------------------------------------------
REPORT_TITLES = (
    "sơ kết {k} năm thực hiện {T}",
    "tổng kết {k} năm thực hiện {T}",
    "kết quả {k} năm triển khai thực hiện {T}",
    "tình hình thực hiện {T}",
    "kết quả lãnh đạo, chỉ đạo thực hiện {T}",
    "đánh giá kết quả thực hiện {T}",
    "kết quả học tập, quán triệt và triển khai thực hiện {T}",
    "sơ kết việc thực hiện {T}",
)
REPORT_SECTIONS = (
    ("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TỔ CHỨC THỰC HIỆN", "I. CÔNG TÁC QUÁN TRIỆT, TRIỂN KHAI",
     "I- CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO", "I. CÔNG TÁC TRIỂN KHAI THỰC HIỆN"),
    ("II. KẾT QUẢ THỰC HIỆN", "II. KẾT QUẢ ĐẠT ĐƯỢC", "II- KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP",
     "II. KẾT QUẢ CỤ THỂ"),
    ("III. HẠN CHẾ, NGUYÊN NHÂN", "III. NHỮNG HẠN CHẾ, KHÓ KHĂN", "III- HẠN CHẾ VÀ NGUYÊN NHÂN",
     "III. TỒN TẠI, HẠN CHẾ"),
    ("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "IV. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI",
     "IV- PHƯƠNG HƯỚNG, NHIỆM VỤ", "IV. ĐỀ XUẤT, KIẾN NGHỊ"),
)
SUMMARY_TITLES = (
    "kết quả lãnh đạo, chỉ đạo thực hiện các chỉ thị, nghị quyết, kết luận của Trung ương và của Tỉnh ủy năm {y}",
    "tình hình triển khai thực hiện các văn bản của Trung ương và của Tỉnh ủy giai đoạn {y1} - {y}",
    "kết quả học tập, quán triệt, triển khai thực hiện chỉ thị, nghị quyết của Đảng trên địa bàn {place}",
    "sơ kết công tác lãnh đạo, chỉ đạo thực hiện các chỉ thị, nghị quyết năm {y}",
)
SUMMARY_HEADS = ("Việc thực hiện", "Về thực hiện", "Kết quả triển khai", "Việc học tập, quán triệt và thực hiện")
PLAN_SECTIONS = ("I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ, GIẢI PHÁP", "III. TỔ CHỨC THỰC HIỆN")
PLAN_PREAMBLE_TAIL = (
    ", {U} xây dựng kế hoạch thực hiện như sau:",
    ", {U} ban hành kế hoạch thực hiện như sau:",
    ", {U} xây dựng kế hoạch triển khai thực hiện trong toàn Đảng bộ như sau:",
)
PLAN_CITES = (
    "Việc thực hiện phải gắn với {T} và nhiệm vụ chính trị của địa phương.",
    "Gắn việc thực hiện kế hoạch này với {T}, tạo sự chuyển biến rõ nét trong cán bộ, đảng viên.",
    "Tiếp tục thực hiện nghiêm túc, hiệu quả gắn với {T}.",
)
PLAN_TASKS = (
    "Tổ chức quán triệt sâu sắc nội dung văn bản đến 100% cán bộ, đảng viên; hoàn thành trong quý {q} năm {y}.",
    "Các chi bộ đưa nội dung thực hiện vào sinh hoạt định kỳ, gắn với kiểm điểm, đánh giá chất lượng "
    "đảng viên cuối năm.",
    "Ban Tuyên giáo chủ trì, phối hợp với các cơ quan liên quan tham mưu tổ chức hội nghị quán triệt.",
    "Ủy ban Kiểm tra tham mưu kiểm tra, giám sát việc thực hiện tại một số chi, đảng bộ cơ sở.",
    "Văn phòng theo dõi, tổng hợp, báo cáo kết quả thực hiện định kỳ 6 tháng, hằng năm.",
    "Các chi, đảng bộ cơ sở căn cứ kế hoạch này xây dựng kế hoạch thực hiện phù hợp với thực tế.",
    "Đẩy mạnh công tác tuyên truyền trên hệ thống truyền thanh cơ sở và mạng xã hội.",
    "Phấn đấu đến năm {y}, {p}% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.",
)
NEWS_TITLES = (
    "{PLACE}: Đưa {TS} vào cuộc sống",
    "{PLACE}: Nhiều cách làm hay trong thực hiện {TS}",
    "{PLACE} đẩy mạnh thực hiện {TS}",
    "Lan tỏa {TS} ở {PLACE}",
    "{PLACE}: Chuyển biến rõ nét sau {k} năm thực hiện {TS}",
    "{PLACE}: Tạo sức lan tỏa từ {TS}",
    "Sức sống của {TS} tại {PLACE}",
    "{PLACE}: Quyết liệt triển khai {TS}",
)
NEWS_LEADS = (
    "Sau {k} năm triển khai {T}, nhiều cấp ủy trong {PLACE} đã tìm được cách làm riêng để nghị quyết "
    "không dừng lại trên giấy.",
    "Thời gian qua, việc thực hiện {T} trên địa bàn {PLACE} đã tạo chuyển biến rõ nét trong nhận thức "
    "và hành động của cán bộ, đảng viên.",
    "Quán triệt {T}, các cấp ủy, tổ chức đảng ở {PLACE} đã vào cuộc quyết liệt, đồng bộ.",
    "Triển khai {T}, Đảng bộ {PLACE} xác định đây là nhiệm vụ trọng tâm, thường xuyên.",
)
NEWS_DATELINES = ("Thứ {wd}, {d}/{mo}/{y} {hh}:{mm}", "Cập nhật: {hh}:{mm} | {d}/{mo}/{y}   | In bài |",
                  "{d}/{mo}/{y} - {hh}:{mm}")

# --- filler: no citation; decoys that a careless extractor might take ---------------------
FILLER = (
    "Công tác tuyên truyền được đẩy mạnh, có nhiều sáng tạo, thiết thực, kịp thời.",
    "Qua {k} năm triển khai, {p}% cán bộ, đảng viên được học tập, quán triệt đầy đủ.",
    "Toàn tỉnh đã tổ chức {n} hội nghị học tập, quán triệt cho {m} lượt cán bộ, đảng viên, đạt tỷ lệ {p}%.",
    "Các mô hình hay, cách làm sáng tạo tiếp tục được duy trì và phát huy tác dụng tích cực.",
    "Nhiều tấm gương người tốt, việc tốt, điển hình tiên tiến xuất hiện ngày càng nhiều, có sức lan tỏa "
    "trong cộng đồng.",
    "Tuy nhiên, việc triển khai ở một số nơi còn hình thức, chưa gắn với nhiệm vụ chính trị của địa "
    "phương, đơn vị.",
    "Công tác kiểm tra, giám sát được tăng cường; kỷ luật, kỷ cương trong Đảng được siết chặt.",
    "Đời sống vật chất, tinh thần của Nhân dân từng bước được cải thiện; quốc phòng, an ninh được giữ vững.",
    "Năm {y}, toàn Đảng bộ kết nạp {n} đảng viên mới, đạt {p}% chỉ tiêu đề ra.",
    "Báo cáo 6 tháng đầu năm được các cấp ủy gửi đúng thời gian quy định.",
    "Kế hoạch năm {y} đề ra {n} chỉ tiêu chủ yếu, đến nay đã hoàn thành {n2} chỉ tiêu.",
    "Hằng năm, cấp ủy các cấp lựa chọn nội dung đột phá để tập trung lãnh đạo, chỉ đạo.",
    "Nghị quyết đã đi vào cuộc sống, tạo chuyển biến rõ nét trong nhận thức và hành động.",
    "Vai trò nêu gương của cán bộ, đảng viên, nhất là người đứng đầu, được phát huy.",
    "Một số cấp ủy chưa thường xuyên kiểm tra, đôn đốc; việc sơ kết, rút kinh nghiệm có lúc chưa kịp thời.",
    "Trình độ, năng lực tổ chức thực hiện của một bộ phận cán bộ cơ sở còn hạn chế.",
    "Tình hình kinh tế - xã hội còn nhiều khó khăn, địa bàn rộng, giao thông đi lại vất vả.",
    "Công tác đấu tranh phản bác các quan điểm sai trái, thù địch được triển khai chủ động.",
    "Các cơ quan báo chí của tỉnh mở chuyên trang, chuyên mục, đăng tải {n} tin, bài phản ánh kết quả "
    "thực hiện.",
    "Cấp ủy các cấp đã tổ chức {n} cuộc đối thoại với Nhân dân, giải quyết dứt điểm {n2} vụ việc tồn đọng.",
    "Chỉ thị đã được triển khai đến 100% chi bộ trực thuộc.",
    "Quá trình thực hiện có sự phối hợp chặt chẽ giữa các cơ quan tham mưu, giúp việc của cấp ủy.",
    "Trong thời gian tới, cần tiếp tục đổi mới nội dung, phương thức học tập, quán triệt.",
    "Tiếp tục nâng cao chất lượng sinh hoạt chi bộ, nhất là sinh hoạt chuyên đề.",
    "Đề nghị cấp trên quan tâm bố trí kinh phí, tài liệu phục vụ công tác tuyên truyền ở cơ sở.",
    "Đã có {n} tập thể, {n2} cá nhân được khen thưởng vì có thành tích tiêu biểu.",
    "Giai đoạn {y}-{y2}, tỷ lệ hộ nghèo giảm bình quân {p2}% mỗi năm.",
    "Phong trào thi đua yêu nước được phát động sâu rộng với nhiều hình thức phong phú.",
    "Cán bộ, đảng viên nâng cao ý thức tự soi, tự sửa, tự rèn luyện.",
    "Chất lượng tổ chức cơ sở đảng và đảng viên được nâng lên; số tổ chức cơ sở đảng hoàn thành tốt "
    "nhiệm vụ trở lên đạt {p}%.",
    "Công tác cải cách hành chính có chuyển biến, mức độ hài lòng của người dân đạt {p}%.",
    "Hội nghị trực tuyến được tổ chức tại {n} điểm cầu, bảo đảm an toàn, tiết kiệm.",
    "Quyết định khen thưởng được trao cho các tập thể, cá nhân tiêu biểu tại hội nghị.",
    "Cuối năm {y}, {p}% chi bộ được đánh giá hoàn thành tốt nhiệm vụ.",
    "Những kết quả đó góp phần quan trọng vào việc thực hiện thắng lợi nhiệm vụ chính trị của địa phương.",
    "Việc học tập và làm theo được gắn với xây dựng kế hoạch hành động của tập thể, cá nhân.",
)
CLOSINGS = (
    ("Nơi nhận:", "- Như trên,", "- Lưu Văn phòng."),
    ("Nơi nhận:", "- Các đồng chí Ủy viên Ban Thường vụ,", "- Lưu VT."),
)
SIGNATURES = ("T/M BAN THƯỜNG VỤ", "T/M BAN CHẤP HÀNH", "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ")

# --- subjects of synthetic documents ------------------------------------------------------
SUBJECT_HEADS = (
    "về tăng cường sự lãnh đạo của Đảng đối với {X}",
    "về đẩy mạnh {X}",
    "về nâng cao chất lượng {X}",
    "về tiếp tục đổi mới {X}",
    "về tăng cường {X} trong tình hình mới",
    "về {X} giai đoạn {y}-{y2}",
    "về đổi mới, nâng cao hiệu quả {X}",
    "về một số nhiệm vụ, giải pháp đẩy mạnh {X}",
)
TOPICS = (
    "công tác giáo dục chính trị, tư tưởng", "công tác phòng, chống tham nhũng, tiêu cực",
    "công tác bảo vệ môi trường", "xây dựng nông thôn mới", "chuyển đổi số", "công tác dân vận",
    "bảo đảm trật tự, an toàn giao thông", "phát triển kinh tế tập thể", "công tác cán bộ",
    "công tác chăm sóc, bảo vệ sức khỏe Nhân dân", "công tác thanh niên", "xây dựng tổ chức cơ sở đảng",
    "công tác cải cách hành chính", "phát triển văn hóa đọc", "công tác dân tộc",
    "công tác phòng, chống ma túy", "công tác quốc phòng địa phương",
    "công tác bảo vệ nền tảng tư tưởng của Đảng", "thực hành tiết kiệm, chống lãng phí",
    "công tác thông tin đối ngoại", "phát triển du lịch cộng đồng", "giảm nghèo bền vững",
    "công tác kiểm tra, giám sát", "xây dựng đội ngũ trí thức", "công tác tôn giáo",
    "công tác phát triển đảng viên", "phát triển hợp tác xã", "công tác bảo vệ, chăm sóc trẻ em",
    "bảo đảm an ninh trật tự ở cơ sở", "phát triển giáo dục nghề nghiệp", "bảo vệ và phát triển rừng",
    "công tác bình đẳng giới", "công tác người cao tuổi", "phòng, chống thiên tai",
    "công tác lý luận chính trị", "công tác tuyên truyền miệng", "xây dựng văn hóa công sở",
    "sinh hoạt chi bộ", "công tác thi đua, khen thưởng", "ứng dụng khoa học, công nghệ",
)
WORK = ("việc làm theo", "việc làm cụ thể làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")
WORK1 = ("việc làm theo", "việc làm cụ thể")
MODELS = ("mô hình làm theo", "mô hình, cách làm hay", "nội dung đột phá")
WORK_OTHER = ("nội dung, giải pháp thực hiện", "mô hình, cách làm hay")

# --- place names -----------------------------------------------------------------------------
SYLLABLES_A = (
    "Yên", "Tân", "Phú", "Thạch", "Đông", "Tây", "Bắc", "Vĩnh", "Kim", "Thanh", "Hưng", "Lạc", "Mỹ",
    "Tiên", "Quế", "Cẩm", "Đức", "Hải", "Lục", "Bảo", "Văn", "Chợ", "Mường", "Na", "Trà", "Hàm", "Gia",
    "Hoài", "Tuy", "Châu", "Phước", "Lộc", "Xuân", "Quỳnh", "Diễn", "Nghi", "Kỳ", "Triệu", "Hiệp",
    "Lương", "Thiệu", "Hoằng", "Hậu", "Như", "Thường", "Ngọc", "Thuận", "Minh", "Trùng", "Quan",
    "Nậm", "Tam", "Cao", "Khánh", "Vạn", "Mộ", "Đại", "Tịnh", "Hương", "Lệ", "Ân", "Chiêm",
)
SYLLABLES_B = (
    "Sơn", "Thủy", "Lâm", "Hòa", "Xuyên", "Khê", "Lập", "Phong", "Lộc", "Hà", "Thành", "Tiến", "Đồng",
    "Điền", "Ninh", "Phúc", "Thịnh", "Quang", "Trạch", "Linh", "Mỹ", "Đức", "Hưng", "Long", "Cường",
    "Lưu", "Giao", "Nguyên", "Bình", "Lợi", "An", "Hải", "Uyên", "Thạnh", "Phước", "Tường", "Hiếu",
    "Dương", "Trung", "Thái", "Hóa", "Vân", "Tín", "Nghĩa", "Khương", "Bồng", "Pạc", "Chà",
)
WEEKDAYS = ("Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy")
