"""The `directives` command line, run as a real subprocess on the bundled sample."""
from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import signal
import subprocess
import time
import unicodedata
from pathlib import Path

import pytest

from cli.commands import COMMANDS
from graph.embedded import EmbeddedStore
from graph.errors import Ambiguous, NotFound
from ingest.read import read

ROOT = Path(__file__).resolve().parents[1]

SUMMARY = {name: re.compile(rx) for name, rx in {
    "ingested": r"(\d+) ingested", "unchanged": r"(\d+) unchanged", "mentions": r"mentions: (\d+)",
    "documents": r"documents: (\d+)", "errors": r"errors: (\d+)"}.items()}
REQUIRED = {
    "document": {"kind", "id", "type", "number", "code", "unit", "province", "date", "dates_seen", "subject",
                 "aliases"},
    "unit": {"kind", "id", "name", "level", "province", "parent"},
    "edge": {"kind", "source", "target", "relation", "confidence", "evidence"},
    "mention": {"kind", "file", "line", "col", "surface", "document"},
}
NEW_PLAN = ("Kế hoạch số 77-KH/TU, ngày 01/02/2023 của Ban Thường vụ Tỉnh ủy về thực hiện "
            "Chỉ thị số 05-CT/TW")


def summary(out: str) -> dict[str, int]:
    """The numbers of the `directives ingest` summary line."""
    line = next((l for l in out.splitlines() if "files" in l and "mentions" in l), None)
    assert line is not None, f"no summary line in {out!r}"
    found = {k: rx.search(line) for k, rx in SUMMARY.items()}
    assert all(found.values()), f"summary line lacks {[k for k, v in found.items() if not v]}: {line!r}"
    return {k: int(m.group(1)) for k, m in found.items()}


def ok(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, f"exit {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}"
    assert "Traceback" not in result.stderr, result.stderr
    return result


def export(run_cli, store) -> list[str]:
    return ok(run_cli("export", "--store", store, "--format", "jsonl")).stdout.splitlines()


def rows(lines: list[str], kind: str | None = None) -> list[dict]:
    out = [json.loads(l) for l in lines]
    return [r for r in out if kind is None or r["kind"] == kind]


def one_line_error(result: subprocess.CompletedProcess, code: int) -> str:
    assert result.returncode == code, f"exit {result.returncode}: {result.stderr}"
    assert "Traceback" not in result.stderr and result.stderr.strip(), result.stderr
    return result.stderr


def doc_ids(lines, number: str, code: str) -> list[str]:
    return sorted(d["id"] for d in rows(lines, "document") if d["number"] == number and d["code"] == code)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, run_cli):
    """`directives ingest data/sample --store S`, once: (S, the run, the export lines)."""
    store = tmp_path_factory.mktemp("cli") / "S"
    result = ok(run_cli("ingest", "data/sample", "--store", store, cwd=ROOT))
    return store, result, export(run_cli, store)


@pytest.fixture
def corpus(tmp_path, sample_dir) -> Path:
    """A writable copy of the sample texts."""
    folder = tmp_path / "in"
    shutil.copytree(sample_dir, folder)
    return folder


# --- help ----------------------------------------------------------------------------

@pytest.mark.parametrize("command", list(COMMANDS))
def test_command_help(run_cli, command):
    result = ok(run_cli(command, "--help"))
    description = COMMANDS[command][1]
    assert " ".join(description.split()) in " ".join(result.stdout.split())
    assert "--store" in result.stdout


def test_no_arguments_prints_help(run_cli):
    result = ok(run_cli())
    assert "usage" in result.stdout.lower()
    for command in COMMANDS:
        assert command in result.stdout


# --- ingest and export ------------------------------------------------------------------

def test_ingest_prints_summary(ingested, sample_dir):
    _, result, lines = ingested
    numbers = summary(result.stdout)
    assert numbers["ingested"] == len(list(sample_dir.iterdir())) == 4
    assert numbers["unchanged"] == 0 and numbers["errors"] == 0
    assert numbers["mentions"] == len(rows(lines, "mention")) > 0
    assert numbers["documents"] == len(rows(lines, "document")) > 0


def test_export_is_json_lines_with_the_spec_keys(ingested):
    _, _, lines = ingested
    assert lines
    kinds = set()
    for line in lines:
        row = json.loads(line)
        assert isinstance(row, dict) and row.get("kind") in REQUIRED, line
        kinds.add(row["kind"])
        missing = REQUIRED[row["kind"]] - set(row)
        assert not missing, f"{row['kind']} lacks {missing}: {line}"
        if row["kind"] == "edge":
            assert {"file", "line", "text"} <= set(row["evidence"]), line
        if row["kind"] == "document":
            assert isinstance(row["dates_seen"], list) and isinstance(row["aliases"], list)
    assert kinds == set(REQUIRED)


def test_export_mentions_are_exact_substrings(ingested, sample_dir):
    _, _, lines = ingested
    texts = {p.name: read(p).text.splitlines() for p in sample_dir.iterdir()}
    mentions = rows(lines, "mention")
    assert {m["file"] for m in mentions} == set(texts)
    for m in mentions:
        line = texts[m["file"]][m["line"] - 1]
        assert line[m["col"]:m["col"] + len(m["surface"])] == m["surface"], m
        assert unicodedata.is_normalized("NFC", m["surface"])


def test_export_edges_join_exported_nodes(ingested):
    _, _, lines = ingested
    docs = {d["id"] for d in rows(lines, "document")}
    units = {u["id"] for u in rows(lines, "unit")}
    edges = rows(lines, "edge")
    assert edges
    for e in edges:
        assert e["source"] in docs | units, e
        assert e["target"] in docs | units, e
        if e["relation"] == "issued":
            assert e["source"] in units and e["target"] in docs, e
    for m in rows(lines, "mention"):
        assert m["document"] is None or m["document"] in docs, m


# --- extract ---------------------------------------------------------------------------

def test_extract_prints_each_citation_at_its_place(tmp_path, run_cli):
    text = ("Báo cáo\nThực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị, Huyện ủy Tủa Chùa "
            "đã ban hành Kế hoạch số 47-KH/HU về thực hiện Chỉ thị 05.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    table = ok(run_cli("extract", tmp_path)).stdout.splitlines()
    line2 = text.splitlines()[1]
    found = [("Chỉ thị số 05-CT/TW, ngày 15/5/2016", line2.index("Chỉ thị số")),
             ("Kế hoạch số 47-KH/HU", line2.index("Kế hoạch")), ("Chỉ thị 05", line2.rindex("Chỉ thị 05"))]
    assert [line.split("\t")[:2] for line in table] == [[f"a.txt:2:{col}", surface] for surface, col in found]
    assert "date=2016-05-15" in table[0] and "issuer_unit=Bộ Chính trị" in table[0]
    rows_ = [json.loads(line) for line in ok(run_cli("extract", "--format", "jsonl", tmp_path / "a.txt")).stdout.splitlines()]
    assert [text[r["start"]:r["end"]] for r in rows_] == [r["surface"] for r in rows_]
    assert rows_[1]["code"] == "KH/HU" and rows_[1]["subject"].startswith("về thực hiện Chỉ thị 05")


def test_extract_goes_on_past_a_bad_file(tmp_path, run_cli):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "good.txt").write_text("Quán triệt Kết luận số 01-KL/TW.", encoding="utf-8")
    result = run_cli("extract", tmp_path)
    assert one_line_error(result, 1).count("\n") == 1 and "bad.txt" in result.stderr
    assert "Kết luận số 01-KL/TW" in result.stdout


def test_export_of_missing_store_fails(tmp_path, run_cli):
    from graph.errors import StoreError
    missing = tmp_path / "no-store"
    result = run_cli("export", "--store", missing, "--format", "jsonl")
    assert not missing.exists()
    assert "no store" in one_line_error(result, StoreError.exit_code)


# --- implementers ---------------------------------------------------------------------

def implementers(run_cli, store, query, fmt="json"):
    return run_cli("implementers", query, "--store", store, "--format", fmt)


def test_implementers_json(ingested, run_cli):
    store, _, _ = ingested
    answer = json.loads(ok(implementers(run_cli, store, "Chỉ thị 05")).stdout)
    assert isinstance(answer, list) and answer
    for row in answer:
        assert {"unit", "document", "relation", "date", "evidence"} <= set(row), row
        assert {"file", "line", "text"} <= set(row["evidence"])
    units = {r["unit"] for r in answer}
    assert {"Tỉnh ủy Lai Châu", "Huyện ủy Tam Đường", "Huyện ủy Phong Thổ"} <= units


def test_implementers_table_keeps_diacritics(ingested, run_cli):
    store, _, _ = ingested
    answer = json.loads(ok(implementers(run_cli, store, "Chỉ thị 05")).stdout)
    table = ok(implementers(run_cli, store, "Chỉ thị 05", "table")).stdout
    assert unicodedata.is_normalized("NFC", table)
    for name in {r["unit"] for r in answer}:
        assert name in table
    assert "Huyện ủy Tam Đường" in table and "Huyện ủy Phong Thổ" in table


def test_implementers_by_id_equals_by_citation(ingested, run_cli):
    store, _, lines = ingested
    [ct05] = doc_ids(lines, "05", "CT/TW")
    by_id = ok(implementers(run_cli, store, ct05)).stdout
    assert json.loads(by_id)
    assert by_id == ok(implementers(run_cli, store, "Chỉ thị 05")).stdout
    assert by_id == ok(implementers(run_cli, store, "Chỉ thị số 05-CT/TW")).stdout


def test_implementers_abbreviated(ingested, run_cli):
    store, _, lines = ingested
    [kl01] = doc_ids(lines, "01", "KL/TW")
    by_abbreviation = ok(implementers(run_cli, store, "KL 01")).stdout
    assert json.loads(by_abbreviation)
    assert by_abbreviation == ok(implementers(run_cli, store, kl01)).stdout
    assert kl01 in ok(implementers(run_cli, store, "KL 01", "table")).stdout.splitlines()[0]


def test_implementers_unknown_document(ingested, run_cli):
    store, _, _ = ingested
    result = implementers(run_cli, store, "Chỉ thị 99")
    err = one_line_error(result, NotFound.exit_code)
    assert "Chỉ thị 99" in err.splitlines()[0] and result.stdout == ""
    result = implementers(run_cli, store, "xyzzy không có")
    assert len(one_line_error(result, NotFound.exit_code).strip().splitlines()) == 1


def test_implementers_unknown_document_suggests(ingested, run_cli):
    store, _, lines = ingested
    [ct05] = doc_ids(lines, "05", "CT/TW")
    result = implementers(run_cli, store, "05-ct-tw.tw.2015")
    err = one_line_error(result, NotFound.exit_code)
    assert ct05 in err


def test_implementers_ambiguous_names_candidates(ingested, run_cli):
    store, _, lines = ingested
    twenties = doc_ids(lines, "20", "CT/TW")
    assert len(twenties) == 2
    err = one_line_error(implementers(run_cli, store, "Chỉ thị 20"), Ambiguous.exit_code)
    for candidate in twenties:
        assert candidate in err


# --- incremental ingest -------------------------------------------------------------------

def test_reingest_change_and_restore(tmp_path, corpus, run_cli):
    store = tmp_path / "S"
    first = summary(ok(run_cli("ingest", corpus, "--store", store)).stdout)
    before = export(run_cli, store)

    again = summary(ok(run_cli("ingest", corpus, "--store", store)).stdout)
    assert (again["ingested"], again["unchanged"]) == (0, first["ingested"])
    assert export(run_cli, store) == before

    changed = corpus / "tin-nhieu.txt"
    original = changed.read_bytes()
    changed.write_bytes(original.rstrip(b"\n") + ("\n" + NEW_PLAN + ".\n").encode("utf-8"))
    third = summary(ok(run_cli("ingest", corpus, "--store", store)).stdout)
    assert (third["ingested"], third["unchanged"]) == (1, first["ingested"] - 1)
    after = export(run_cli, store)
    [kh77] = doc_ids(after, "77", "KH/TU")
    assert kh77 not in {d["id"] for d in rows(before, "document")}
    [ct05] = doc_ids(after, "05", "CT/TW")
    assert any(e["source"] == kh77 and e["target"] == ct05 and e["relation"] == "implements"
               for e in rows(after, "edge"))
    text = read(changed).text.splitlines()
    mine = [m for m in rows(after, "mention") if m["file"] == "tin-nhieu.txt"]
    for m in mine:
        assert text[m["line"] - 1][m["col"]:m["col"] + len(m["surface"])] == m["surface"]
    assert any(m["document"] == kh77 and m["line"] == len(text) for m in mine)
    old = [m for m in rows(before, "mention") if m["file"] == "tin-nhieu.txt"]
    assert len(mine) == len(old) + 2
    # the other files' mentions are untouched
    others = lambda lines: sorted(json.dumps(m, sort_keys=True) for m in rows(lines, "mention")  # noqa: E731
                                  if m["file"] != "tin-nhieu.txt")
    assert others(after) == others(before)

    changed.write_bytes(original)  # back as it was: the file's contribution is replaced, not added to
    ok(run_cli("ingest", corpus, "--store", store))
    restored = export(run_cli, store)
    assert doc_ids(restored, "77", "KH/TU") == []
    assert sorted(restored) == sorted(before)


def test_remove_withdraws_a_file(tmp_path, corpus, run_cli):
    store = tmp_path / "S"
    ok(run_cli("ingest", corpus, "--store", store))
    before = export(run_cli, store)
    gone = "tin-son-la-nq15.txt"
    cited_by = {}
    for m in rows(before, "mention"):
        cited_by.setdefault(m["document"], set()).add(m["file"])
    only_there = {d for d, files in cited_by.items() if files == {gone}}
    elsewhere = {d for d, files in cited_by.items() if files - {gone}} - {None}
    assert only_there and elsewhere

    result = ok(run_cli("remove", gone, "--store", store))
    assert "removed: 1" in result.stdout
    after = export(run_cli, store)
    docs = {d["id"] for d in rows(after, "document")}
    assert not [m for m in rows(after, "mention") if m["file"] == gone]
    assert not [e for e in rows(after, "edge") if e["evidence"]["file"] == gone]
    assert not only_there & docs
    assert elsewhere <= docs
    assert sorted(json.dumps(m, sort_keys=True) for m in rows(after, "mention")) == sorted(
        json.dumps(m, sort_keys=True) for m in rows(before, "mention") if m["file"] != gone)
    store_files = EmbeddedStore(store, readonly=True)
    try:
        assert gone not in store_files.files() and len(store_files.files()) == 3
    finally:
        store_files.close()

    result = run_cli("remove", gone, "--store", store)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert gone in result.stdout + result.stderr


# --- bad files --------------------------------------------------------------------------

def test_bad_files_do_not_stop_the_batch(tmp_path, corpus, run_cli, sample_dir):
    (corpus / "aa-binary.txt").write_bytes(bytes(range(256)) * 40)
    (corpus / "ab-latin1.txt").write_bytes("Ñandú über Straße — façade, naïve, ÆØÅ øre.\n".encode("cp1252") * 20)
    store = tmp_path / "S"
    result = ok(run_cli("ingest", corpus, "--store", store))
    numbers = summary(result.stdout)
    assert numbers["ingested"] == 4 and numbers["errors"] == 2
    errors = [l for l in result.stderr.splitlines() if l.strip()]
    assert len(errors) == 2, result.stderr
    assert "aa-binary.txt" in errors[0] and "ab-latin1.txt" in errors[1]
    lines = export(run_cli, store)
    assert {m["file"] for m in rows(lines, "mention")} == {p.name for p in sample_dir.iterdir()}

    only_bad = tmp_path / "bad"
    only_bad.mkdir()
    shutil.move(corpus / "aa-binary.txt", only_bad / "aa-binary.txt")
    result = run_cli("ingest", only_bad, "--store", tmp_path / "S2")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "aa-binary.txt" in result.stderr


# --- crash safety -------------------------------------------------------------------------

COPIES = 25  # x 4 sample texts


def _many(folder: Path, sample_dir: Path) -> list[Path]:
    """COPIES copies of every sample text under other names, each .txt/.md a little different."""
    folder.mkdir()
    out = []
    for i in range(COPIES):
        for src in sorted(sample_dir.iterdir()):
            dst = folder / f"c{i:03d}-{src.name}"
            data = src.read_bytes()
            if src.suffix in (".txt", ".md"):
                data = data.rstrip(b"\n") + f"\nBản sao số {i}.\n".encode("utf-8")
            dst.write_bytes(data)
            out.append(dst)
    return out


def _nfc_sha(path: Path) -> str:
    return hashlib.sha256(read(path).text.encode("utf-8")).hexdigest()


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _gone(pids: list[int], within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not any(Path(f"/proc/{p}").exists() and "zombie" not in _state(p) for p in pids):
            return True
        time.sleep(0.2)
    return False


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:", 1)[1].split("\n", 1)[0].lower()
    except (OSError, IndexError):
        return "zombie"


def test_kill_during_ingest_leaves_a_usable_store(tmp_path, sample_dir, run_cli, start_cli):
    inputs = _many(tmp_path / "in", sample_dir)
    names = {p.name: p for p in inputs}
    clean_store = tmp_path / "clean"
    duration = {}  # --jobs -> seconds of a whole ingest: one process, and a pool of two
    for jobs in ("2", "1"):
        shutil.rmtree(clean_store, ignore_errors=True)
        started = time.monotonic()
        ok(run_cli("ingest", tmp_path / "in", "--store", clean_store, "--jobs", jobs))
        duration[jobs] = time.monotonic() - started
    clean_export = sorted(export(run_cli, clean_store))
    clean = EmbeddedStore(clean_store, readonly=True)
    assert sorted(clean.files()) == sorted(names)

    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    interrupted = partial = 0
    try:
        # random moments spread over the run: start-up, reading texts, rebuilding the graph
        for round_, (fraction, jobs) in enumerate(((0.2, "1"), (0.3, "2"), (0.4, "1"), (0.5, "2"), (0.65, "1"),
                                                   (0.6, "2"))):
            store = tmp_path / f"S{round_}"
            delay = (fraction + rng.uniform(-0.05, 0.05)) * duration[jobs]
            where = (f"seed {seed}, round {round_}, kill after {delay:.2f}s of a {duration[jobs]:.2f}s ingest"
                     f" with --jobs {jobs}")
            proc = start_cli("ingest", tmp_path / "in", "--store", store, "--jobs", jobs)
            try:
                time.sleep(delay)
                workers = _children(proc.pid)
                if proc.poll() is None:
                    proc.send_signal(signal.SIGKILL)
            finally:
                code = proc.wait(timeout=60)
            interrupted += code == -signal.SIGKILL
            assert _gone(workers, within=10), f"{where}: analysers outlived the killed ingest"

            if (store / "directives.sqlite").exists():
                killed = EmbeddedStore(store)
                try:
                    kept = killed.files()
                    assert set(kept) <= set(names), where
                    partial += 0 < len(kept) < len(names)
                    for f in kept:
                        assert killed.file_hash(f) == _nfc_sha(names[f]), f"{where}: {f}"
                        assert killed.facts(f) == clean.facts(f), f"{where}: {f}"
                finally:
                    killed.close()
            exported = run_cli("export", "--store", store, "--format", "jsonl")
            assert "Traceback" not in exported.stderr, f"{where}: {exported.stderr}"
            if not (Path(store) / "directives.sqlite").exists():  # killed before anything was committed
                assert exported.returncode != 0 and "no store" in exported.stderr, where
                continue
            assert exported.returncode == 0, f"{where}: {exported.stderr}"
            rows(exported.stdout.splitlines())  # every line is JSON

            ok(run_cli("ingest", tmp_path / "in", "--store", store))
            assert sorted(export(run_cli, store)) == clean_export, where
    finally:
        clean.close()
    assert interrupted >= 4, f"only {interrupted} of 6 kills hit a running ingest (seed {seed})"
    assert partial >= 1, f"no kill landed in the middle of the batch (seed {seed})"
