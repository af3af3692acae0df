"""ingest.read: files of every supported format -> NFC text, failures -> UnreadableFile."""
from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfWriter

from graph.errors import UnreadableFile
from ingest import read as read_module
from ingest.read import Source, iter_paths, nfc, read, read_bytes

TINH_UY_NFD = unicodedata.normalize("NFD", "Tỉnh ủy Hà Nội")


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def unreadable(path: Path, match: str) -> UnreadableFile:
    with pytest.raises(UnreadableFile, match=match) as caught:
        read(path)
    return caught.value


# --- builders -----------------------------------------------------------------

def make_pdf(*pages: str) -> bytes:
    """A minimal valid PDF: one Helvetica text object (ASCII) per page."""
    n = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode()]
    for i, text in enumerate(pages):
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                       f"<< /Font << /F1 {3 + 2 * n} 0 R >> >> /Contents {4 + 2 * i} 0 R >>"
                       .encode())
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def encrypt_pdf(data: bytes, user: str, owner: str | None = None) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user, owner)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


TEXT_BOX = (  # Word stores a text box twice: modern (mc:Choice) and legacy (mc:Fallback)
    f'<mc:AlternateContent {nsdecls("w")} '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
    '<mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>Hộp</w:t></w:r></w:p>'
    '</w:txbxContent></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Hộp</w:t>'
    '</w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent>')


def make_docx() -> bytes:
    """A DOCX with a heading, paragraphs, a superscript number, a footnote and a table."""
    document = docx.Document()
    document.add_heading("CHỈ THỊ CỦA BAN BÍ THƯ", level=1)
    para = document.add_paragraph("Thực hiện Chỉ thị số 05-CT/TW")
    para.add_run("1").font.superscript = True
    para.add_run(" và Nghị quyết")
    para.add_run()._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="7"/>'))
    table = document.add_table(rows=3, cols=2)
    for r, row in enumerate([("Số", "Ngày"), ("05-CT/TW", "15/5/2016")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(2, 0).merge(table.cell(2, 1)).text = "Ghi chú"
    box = document.add_paragraph("Khung: ")
    box.add_run()._r.append(parse_xml(TEXT_BOX))
    document.add_paragraph("Tỉnh ủy Hà Nội")._p.addprevious(parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>Mục lục</w:t></w:r></w:p>'
        '</w:sdtContent></w:sdt>'))
    footnotes = (f'<w:footnotes {nsdecls("w")}><w:footnote w:type="separator" w:id="-1">'
                 '<w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="7"><w:p>'
                 '<w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Nghị quyết số '
                 '12-NQ/TW</w:t></w:r></w:p></w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES,
                footnotes.encode(), document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


def replace_entry(archive: bytes, name: str, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        entries = {i.filename: z.read(i) for i in z.infolist()}
    return make_zip({**entries, name: data})


def zip_bomb(megabytes: int) -> bytes:
    """word/document.xml of `megabytes` MB of b"0", streamed so memory stays small."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b"0" * (1 << 20)
            for _ in range(megabytes):
                f.write(chunk)
    return out.getvalue()


DOCX = make_docx()


# --- plain text -----------------------------------------------------------------

def test_txt_keeps_line_numbers_and_normalises_to_nfc(tmp_path):
    lines = ["CHỈ THỊ", "", TINH_UY_NFD + " ban hành", "   indented  ", "", "cuối"]
    source = read(write(tmp_path, "a.txt", "\n".join(lines) + "\n"))
    assert source == Source("a.txt", "\n".join(map(nfc, lines)) + "\n", "txt")
    assert source.text.split("\n")[2] == "Tỉnh ủy Hà Nội ban hành"
    assert unicodedata.is_normalized("NFC", source.text)


def test_markdown_is_literal_and_bom_is_stripped(tmp_path):
    text = "# Chỉ thị\n\n**Số 05-CT/TW**<sup>1</sup>\n\n<sup>1</sup> Ban Bí thư khóa XII\n"
    for name in ("a.md", "b.markdown"):
        source = read(write(tmp_path, name, b"\xef\xbb\xbf" + text.encode()))
        assert (source.text, source.format) == (text, "md")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_become_newlines(tmp_path, newline):
    source = read(write(tmp_path, "a.txt", newline.join(["một", "", "ba"]) + newline))
    assert source.text == "một\n\nba\n"


@pytest.mark.parametrize("encoded", [
    "Đảng ủy\nTỉnh ủy\n".encode("utf-16"),  # with BOM
    b"\xfe\xff" + "Đảng ủy\nTỉnh ủy\n".encode("utf-16-be"),
    "Đảng ủy\nTỉnh ủy\n".encode("utf-16-le"),  # no BOM: found by the NUL pattern
    "Đảng ủy\nTỉnh ủy\n".encode("utf-16-be"),
])
def test_utf16_is_decoded(tmp_path, encoded):
    assert read(write(tmp_path, "a.txt", encoded)).text == "Đảng ủy\nTỉnh ủy\n"


def test_windows_1258_is_decoded_to_vietnamese(tmp_path):
    legacy = "Ti\u0309nh u\u0309y Ha\u0300 N\u00f4\u0323i\n\u0110a\u0309ng Ban B\u00ed th\u01b0\n"
    source = read(write(tmp_path, "a.txt", legacy.encode("cp1258")))
    assert source.text == "Tỉnh ủy Hà Nội\nĐảng Ban Bí thư\n"


def test_non_utf8_that_is_not_vietnamese_is_refused(tmp_path):
    error = unreadable(write(tmp_path, "a.txt", "Grüße aus Köln".encode("latin-1")),
                       "not UTF-8 text")
    assert "0xfc" in error.reason and "\n" not in error.reason


def test_binary_renamed_txt_is_refused(tmp_path):
    unreadable(write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
               "binary file, not text")


def test_empty_file_is_empty_text(tmp_path):
    assert read(write(tmp_path, "empty.txt", b"")) == Source("empty.txt", "", "txt")


def test_size_limit(tmp_path):
    path = write(tmp_path, "big.txt", "x" * 100)
    with pytest.raises(UnreadableFile, match=r"file too large: 100 bytes > 10"):
        read(path, max_bytes=10)
    with pytest.raises(UnreadableFile, match="file too large"):
        read_bytes(b"x" * 100, "big.txt", max_bytes=10)


def test_missing_file_and_folder_are_unreadable(tmp_path):
    unreadable(tmp_path / "missing.txt", "cannot open")
    unreadable(tmp_path, "cannot open")


# --- HTML -------------------------------------------------------------------------

HTML = """<!DOCTYPE html><html><head><title>Tiêu đề</title>
<style>p { color: red }</style></head><body>
<nav><a href="/">Trang chủ</a></nav>
<h1>CHỈ   THỊ</h1>
<p>Thực hiện Chỉ thị số 05-CT/TW<sup>1</sup> của Bộ Chính trị &amp; Ban Bí thư&nbsp;&nbsp;khóa XII,
   Tỉnh ủy <b>Hà Nội</b> yêu cầu:</p>
<script>document.write("Không được thấy")</script>
<ul><li>một</li><li>hai<br>ba</li></ul>
<table><tr><th>Số</th><th>Ngày</th></tr><tr><td><p>05-CT/TW</p></td><td>15/5/2016</td></tr></table>
<div><sup>1</sup> Ban Bí thư khóa XII, <sup>x</sup>ngày 15/5/2016</div>
<!-- chú thích ẩn -->
</body></html>"""

HTML_LINES = [
    "Tiêu đề",  # the <title> comes first
    "CHỈ THỊ",
    "Thực hiện Chỉ thị số 05-CT/TW<sup>1</sup> của Bộ Chính trị & Ban Bí thư khóa XII, "
    "Tỉnh ủy Hà Nội yêu cầu:",
    "một", "hai", "ba",
    "Số | Ngày",
    "05-CT/TW | 15/5/2016",
    "<sup>1</sup> Ban Bí thư khóa XII, xngày 15/5/2016",
]


@pytest.fixture(params=["soup", "streamed"])
def html_path(request, monkeypatch):
    """Both HTML paths: the lxml tree and the fallback used after a RecursionError."""
    if request.param == "streamed":
        def too_deep(text):
            raise RecursionError("maximum recursion depth exceeded")
        monkeypatch.setattr(read_module, "_html_with_soup", too_deep)
    return request.param


def test_html_blocks_markers_entities_and_dropped_elements(tmp_path, html_path):
    source = read(write(tmp_path, "page.html", unicodedata.normalize("NFD", HTML)))
    assert source.text.split("\n") == HTML_LINES
    assert source.format == "html"


def test_html_declared_charset_is_used(tmp_path):
    page = '<html><head><meta charset="windows-1252"></head><body><p>café</p></body></html>'
    assert read(write(tmp_path, "a.htm", page.encode("cp1252"))).text == "café"


def test_deeply_nested_html_does_not_crash(tmp_path):
    depth = 50_000
    page = "<html><body>" + "<div>" * depth + "<p>Chỉ thị số 05</p>" + "</div>" * depth
    source = read(write(tmp_path, "deep.html", page + "<p>sau</p></body></html>"))
    assert source.text == "Chỉ thị số 05\nsau"


# --- DOCX -------------------------------------------------------------------------

def test_docx_paragraphs_table_superscript_and_footnote(tmp_path):
    source = read(write(tmp_path, "chi-thi.docx", DOCX))
    assert source.format == "docx"
    assert source.text.split("\n") == [
        "CHỈ THỊ CỦA BAN BÍ THƯ",
        "Thực hiện Chỉ thị số 05-CT/TW<sup>1</sup> và Nghị quyết<sup>1</sup>",
        "Số | Ngày",
        "05-CT/TW | 15/5/2016",
        "Ghi chú",
        "Khung: Hộp",
        "Mục lục",
        "Tỉnh ủy Hà Nội",
        "<sup>1</sup> Nghị quyết số 12-NQ/TW",
    ]


@pytest.mark.parametrize("megabytes", [300, 5])  # over the size cap; over the ratio cap
def test_docx_zip_bomb_is_refused(tmp_path, megabytes):
    unreadable(write(tmp_path, "bomb.docx", zip_bomb(megabytes)), "archive expands too much")


@pytest.mark.parametrize("data, reason", [
    (bytes(range(256)) * 4, "corrupt DOCX"),
    (make_zip({"hello.txt": b"hi"}), "no word/document.xml"),
    (make_zip({"word/document.xml": b"<w:document"}), "corrupt DOCX"),
    (DOCX[:-200], "corrupt DOCX"),
    (replace_entry(DOCX, "word/document.xml", b"<w:document"), "corrupt DOCX"),
])
def test_corrupt_docx_is_refused(tmp_path, data, reason):
    unreadable(write(tmp_path, "bad.docx", data), reason)


# --- PDF --------------------------------------------------------------------------

def test_pdf_text_layer_is_read(tmp_path):
    source = read(write(tmp_path, "a.pdf", make_pdf("Chi thi so 05-CT/TW", "Trang hai")))
    assert source.format == "pdf"
    assert source.text.split("\n") == ["Chi thi so 05-CT/TW", "Trang hai"]


def test_encrypted_pdf(tmp_path):
    unreadable(write(tmp_path, "locked.pdf", encrypt_pdf(make_pdf("bi mat"), "secret")),
               "encrypted PDF")
    opened = encrypt_pdf(make_pdf("cong khai"), "", owner="owner")
    assert read(write(tmp_path, "owner.pdf", opened)).text == "cong khai"


@pytest.mark.parametrize("data", [
    make_pdf("Chi thi so 05")[:60],
    b"%PDF-1.4\n" + bytes(range(256)) * 4,
])
def test_corrupt_pdf_is_refused(tmp_path, data):
    unreadable(write(tmp_path, "bad.pdf", data), "corrupt PDF")


def test_pdf_without_text_layer(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    out = io.BytesIO()
    writer.write(out)
    unreadable(write(tmp_path, "scan.pdf", out.getvalue()), r"no text layer \(scanned\?\)")


# --- sniffing and uploads -------------------------------------------------------

@pytest.mark.parametrize("data, name, fmt", [
    (make_pdf("Trang mot"), "upload.bin", "pdf"),
    (DOCX, "upload", "docx"),
    (b"\xef\xbb\xbf  <!DOCTYPE HTML><html><body><p>xin chao</p></body></html>", "x.txt", "html"),
    ("Tỉnh ủy".encode(), "ghi-chu.md", "md"),
    ("Tỉnh ủy".encode(), "no-suffix", "txt"),
])
def test_read_bytes_sniffs_content_before_name(data, name, fmt):
    assert read_bytes(data, name).format == fmt


def test_read_bytes_sniffed_pdf_is_read_as_pdf():
    with pytest.raises(UnreadableFile, match="corrupt PDF"):
        read_bytes(b"%PDF-1.4 broken", "x.txt")


def test_read_bytes_name_is_the_basename():
    assert read_bytes(b"abc", "C:\\Users\\me\\chi-thi.txt").name == "chi-thi.txt"
    assert read_bytes(b"abc", "folder/chi-thi.txt").name == "chi-thi.txt"


def test_unknown_suffix_is_sniffed(tmp_path):
    assert read(write(tmp_path, "a.dat", DOCX)).format == "docx"
    assert read(write(tmp_path, "b.dat", "Tỉnh ủy")).format == "txt"
    unreadable(write(tmp_path, "c.dat", bytes(range(256))), "binary file")


# --- iter_paths ---------------------------------------------------------------------

def test_iter_paths_expands_folders_sorted_and_filtered(tmp_path):
    for name in ["b.md", "a.txt", "sub/c.pdf", "sub/z/d.HTML", "sub/e.jpg", ".hidden.txt",
                 ".git/f.txt", "~$lock.docx", "x.docx"]:
        write(tmp_path, name, "")
    loose = write(tmp_path, "notes.weird", "")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path, str(loose)])]
    assert found == ["a.txt", "b.md", "x.docx", "sub/c.pdf", "sub/z/d.HTML", "notes.weird"]


# --- properties ---------------------------------------------------------------------

@given(st.text())
def test_nfc_is_idempotent_and_equals_unicodedata(text):
    once = nfc(text)
    assert once == unicodedata.normalize("NFC", text)
    assert nfc(once) is once


@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00<%")))
def test_utf8_text_round_trips_line_for_line(text):
    expected = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert read_bytes(text.encode("utf-8"), "a.txt").text == nfc(expected)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([".pdf", ".docx", ".html", ".txt"]), st.data())
def test_damaged_files_raise_only_unreadable_file(suffix, data):
    valid = {".pdf": make_pdf("Chi thi so 05"), ".docx": DOCX,
             ".html": HTML.encode(), ".txt": "Tỉnh ủy".encode()}[suffix]
    cut = data.draw(st.integers(0, len(valid)))
    flips = data.draw(st.lists(st.tuples(st.integers(0, max(cut - 1, 0)), st.integers(0, 255)),
                               max_size=4))
    damaged = bytearray(valid[:cut])
    for at, byte in flips:
        if at < len(damaged):
            damaged[at] = byte
    try:
        assert isinstance(read_bytes(bytes(damaged), "f" + suffix).text, str)
    except UnreadableFile as error:
        assert error.reason and "\n" not in error.reason



def test_html_letterhead_laid_out_as_a_table_gives_one_line_per_line_of_its_cells(tmp_path, html_path):
    page = ('<html><body><table><tr><td>ĐẢNG BỘ TỈNH LAI CHÂU<br><strong>HUYỆN ỦY THAN UYÊN</strong><br>*<br>'
            'Số 246-KH/HU</td><td>ĐẢNG CỘNG SẢN VIỆT NAM<br><em>Than Uyên, ngày 17 tháng 02 năm 2025</em></td></tr>'
            '</table><table><tr><td>1</td><td>Xã Mường Kim</td><td>Kế hoạch số<br>12-KH/ĐU</td></tr></table>'
            '</body></html>')
    source = read(write(tmp_path, "kh.html", page))
    assert source.text.split("\n") == [
        "ĐẢNG BỘ TỈNH LAI CHÂU", "HUYỆN ỦY THAN UYÊN", "*", "Số 246-KH/HU", "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Than Uyên, ngày 17 tháng 02 năm 2025",
        "1 | Xã Mường Kim | Kế hoạch số 12-KH/ĐU"]  # a row of data stays one line


def test_docx_letterhead_table_gives_one_line_per_paragraph_of_its_cells(tmp_path):
    document = docx.Document()
    letterhead = document.add_table(rows=1, cols=2)
    left, right = letterhead.cell(0, 0), letterhead.cell(0, 1)
    left.text = "ĐẢNG BỘ TỈNH ĐIỆN BIÊN"
    for text in ("HUYỆN ỦY TUẦN GIÁO", "*", "Số 47-KH/HU"):
        left.add_paragraph(text)
    right.text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    right.add_paragraph("Tuần Giáo, ngày 10 tháng 8 năm 2021")
    rows = document.add_table(rows=1, cols=3)
    for c, text in enumerate(("1", "Xã Quài Nưa", "Kế hoạch số 51-KH/ĐU")):
        rows.cell(0, c).text = text
    out = io.BytesIO()
    document.save(out)
    path = tmp_path / "kh.docx"
    path.write_bytes(out.getvalue())
    assert read(path).text.split("\n") == [
        "ĐẢNG BỘ TỈNH ĐIỆN BIÊN", "HUYỆN ỦY TUẦN GIÁO", "*", "Số 47-KH/HU", "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Tuần Giáo, ngày 10 tháng 8 năm 2021", "1 | Xã Quài Nưa | Kế hoạch số 51-KH/ĐU"]
