"""End-to-end accuracy against gold sets (gold/SCHEMA.md), scored by `cli.evaluate`.

Thresholds sit a little below what the pipeline measures today, so a regression fails
here. Measured when written: sample mentions F1 1.0, B-cubed F1 1.0, attributes
type 36/36 number 35/35 code 35/35 date 32/34 unit 35/36, edges R_any 0.9375 P_on_mapped
1.0, queries P 1.0 R 0.8421; seeds 1.0 everywhere.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli.evaluate import evaluate

SCORED = ("mentions", "resolution_b3", "documents", "attributes", "edges", "queries")


def ratio(fraction: str) -> float:
    ok, n = map(int, fraction.split("/"))
    return ok / n if n else 1.0


@pytest.fixture(scope="module")
def sample_scores(tmp_path_factory, sample_dir, sample_gold_dir):
    return evaluate(str(sample_gold_dir), str(sample_dir), str(tmp_path_factory.mktemp("gold-sample") / "S"))


@pytest.fixture(scope="module")
def seed_scores(tmp_path_factory, shared_corpus):
    return evaluate(str(shared_corpus / "gold" / "seeds"), str(shared_corpus / "corpus"),
                    str(tmp_path_factory.mktemp("gold-seeds") / "S"))


# --- the bundled sample -------------------------------------------------------------------

def test_sample_mentions(sample_scores):
    m = sample_scores["mentions"]
    assert m["gold"] == 82
    assert m["F1"] >= 0.95, m


def test_sample_resolution(sample_scores):
    assert sample_scores["resolution_b3"]["F1"] >= 0.95, sample_scores["resolution_b3"]
    d = sample_scores["documents"]
    assert d["mapped"] >= 0.95 * d["gold"], d


def test_sample_attributes(sample_scores):
    attributes = sample_scores["attributes"]
    assert set(attributes) == {"type", "number", "code", "date", "unit"}
    for name, fraction in attributes.items():
        assert ratio(fraction) >= 0.9, (name, fraction)


def test_sample_edges(sample_scores):
    e = sample_scores["edges"]
    assert e["R_any_relation"] >= 0.85, e
    assert e["R_same_relation"] >= 0.85, e
    assert e["P_on_mapped"] >= 0.9, e


def test_sample_queries(sample_scores):
    q = sample_scores["queries"]
    assert q["P"] >= 0.9, {k: v for k, v in q.items() if k != "rows"}
    assert q["R"] >= 0.8, {k: v for k, v in q.items() if k != "rows"}


# --- the seed gold (../shared) ----------------------------------------------------------------

@pytest.mark.shared
def test_seed_mentions_and_resolution(seed_scores):
    assert seed_scores["mentions"]["F1"] >= 0.97, seed_scores["mentions"]
    assert seed_scores["resolution_b3"]["F1"] >= 0.97, seed_scores["resolution_b3"]


@pytest.mark.shared
def test_seed_attributes(seed_scores):
    attributes = seed_scores["attributes"]
    assert attributes
    for name, fraction in attributes.items():
        assert ratio(fraction) >= 0.95, (name, fraction)


@pytest.mark.shared
def test_seed_edges(seed_scores):
    e = seed_scores["edges"]
    assert e["R_any_relation"] >= 0.9 and e["R_same_relation"] >= 0.9, e
    assert e["P_on_mapped"] >= 0.9, e


@pytest.mark.shared
def test_seed_queries(seed_scores):
    rows = seed_scores["queries"]["rows"]
    assert rows
    for row in rows:
        assert row["missed"] == [] and row["found"] == row["expected"], row
        assert row["wrong"] == [], row


# --- `directives evaluate` agrees with the project's scorer ------------------------------------

@pytest.mark.shared
def test_evaluate_agrees_with_score_py(tmp_path, shared_corpus, run_cli, console_script, cli_environ):
    gold, corpus = shared_corpus / "gold" / "seeds", shared_corpus / "corpus"
    scorer = subprocess.run([sys.executable, str(shared_corpus / "tools" / "score.py"), "--gold", str(gold),
                             "--corpus", str(corpus), "--store", str(tmp_path / "S2"),
                             "--cli", " ".join(console_script), "--json"],
                            capture_output=True, text=True, encoding="utf-8", env=cli_environ, timeout=120)
    assert scorer.returncode == 0, scorer.stderr
    ours = run_cli("evaluate", "--gold", gold, "--corpus", corpus, "--store", tmp_path / "S1", "--json")
    assert ours.returncode == 0, ours.stderr
    theirs, mine = json.loads(scorer.stdout), json.loads(ours.stdout)
    for part in SCORED:
        assert mine[part] == theirs[part], part


# --- the holdout set: six texts of other genres, annotated without reading the code -----------

HOLDOUT = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def holdout_scores(tmp_path_factory):
    return evaluate(str(HOLDOUT / "holdout_gold"), str(HOLDOUT / "holdout"),
                    str(tmp_path_factory.mktemp("gold-holdout") / "S"))


def test_holdout_meets_the_bar(holdout_scores):
    """Measured when written: mentions F1 0.994, B-cubed F1 1.0, edges R 0.964 P 0.941,
    queries R 1.0 P 1.0; the bar below is the issue's (0.97 / 0.97 / 0.90 / all units)."""
    s = holdout_scores
    assert s["mentions"]["F1"] >= 0.97, s["mentions"]
    assert s["resolution_b3"]["F1"] >= 0.97, s["resolution_b3"]
    for name, fraction in s["attributes"].items():
        assert ratio(fraction) >= 0.9, (name, fraction)
    assert s["edges"]["R_any_relation"] >= 0.9 and s["edges"]["P_on_mapped"] >= 0.9, s["edges"]
    assert s["queries"]["R"] >= 0.9 and s["queries"]["P"] >= 0.9, s["queries"]


# --- the probe sets: written on 2026-11-22 by a helper who did not read the code ----------------

PROBES = {  # floors a little under what was measured once the misses they showed were fixed
    "probe_news": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.96, "edges_p": 0.96, "queries_r": 0.9, "queries_p": 0.96},
    "probe_reports": {"mentions": 0.97, "b3": 0.97, "edges_r": 0.9, "edges_p": 0.8, "queries_r": 0.89, "queries_p": 0.93},
    "probe_official": {"mentions": 0.95, "b3": 0.98, "edges_r": 0.96, "edges_p": 0.82, "queries_r": 0.82, "queries_p": 0.91},
    "probe_ocr": {"mentions": 0.97, "b3": 0.96, "edges_r": 0.81, "edges_p": 0.93, "queries_r": 0.91, "queries_p": 0.93},
    "probe_longreports": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.86, "edges_p": 0.95, "queries_r": 0.93, "queries_p": 0.96},
    "probe_units": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.76, "edges_p": 0.92, "queries_r": 0.61, "queries_p": 0.96},
    "probe_commune": {"mentions": 0.96, "b3": 0.98, "edges_r": 0.8, "edges_p": 0.74, "queries_r": 0.72, "queries_p": 0.96},
    "probe_agency": {"mentions": 0.96, "b3": 0.97, "edges_r": 0.82, "edges_p": 0.9, "queries_r": 0.85, "queries_p": 0.93},
    "probe_messy": {"mentions": 0.96, "b3": 0.98, "edges_r": 0.75, "edges_p": 0.85, "queries_r": 0.65, "queries_p": 0.96},
    "probe_speech": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.91, "edges_p": 0.96, "queries_r": 0.96, "queries_p": 0.96},
    "probe_tables": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.92, "edges_p": 0.96, "queries_r": 0.96, "queries_p": 0.94},
    "probe_multi": {"mentions": 0.97, "b3": 0.94, "edges_r": 0.92, "edges_p": 0.84, "queries_r": 0.96, "queries_p": 0.96},
    "probe_roundup": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.83, "edges_p": 0.96, "queries_r": 0.91, "queries_p": 0.96},
    # (edges_p: its gold leaves out the cites of a report's title, "BÁO CÁO kết quả thực hiện Chỉ thị số 35-CT/TW")
    "probe_national": {"mentions": 0.98, "b3": 0.96, "edges_r": 0.82, "edges_p": 0.85, "queries_r": 0.83, "queries_p": 0.9},
    "probe_relations": {"mentions": 0.97, "b3": 0.98, "edges_r": 0.86, "edges_p": 0.9, "queries_r": 0.96, "queries_p": 0.96},
    "probe_commune2025": {"mentions": 0.97, "b3": 0.98, "edges_r": 0.86, "edges_p": 0.96, "queries_r": 0.93, "queries_p": 0.96},
    "probe_forces": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.96, "edges_p": 0.92, "queries_r": 0.83, "queries_p": 0.96},
    "probe_reuse": {"mentions": 0.98, "b3": 0.88, "edges_r": 0.86, "edges_p": 0.96, "queries_r": 0.81, "queries_p": 0.92},
    "probe_preamble": {"mentions": 0.92, "b3": 0.98, "edges_r": 0.84, "edges_p": 0.72, "queries_r": 0.78, "queries_p": 0.85},
    "probe_ubkt": {"mentions": 0.97, "b3": 0.97, "edges_r": 0.81, "edges_p": 0.92, "queries_r": 0.85, "queries_p": 0.93},
    "probe_congress": {"mentions": 0.97, "b3": 0.95, "edges_r": 0.87, "edges_p": 0.86, "queries_r": 0.8, "queries_p": 0.96},
    "probe_degraded": {"mentions": 0.95, "b3": 0.95, "edges_r": 0.86, "edges_p": 0.88, "queries_r": 0.81, "queries_p": 0.89},
    "probe_chains": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.96, "edges_p": 0.96, "queries_r": 0.82, "queries_p": 0.96},
    "probe_minutes": {"mentions": 0.98, "b3": 0.97, "edges_r": 0.77, "edges_p": 0.96, "queries_r": 0.81, "queries_p": 0.96},
    "probe_annual": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.94, "edges_p": 0.92, "queries_r": 0.88, "queries_p": 0.92},
    "probe_dates": {"mentions": 0.97, "b3": 0.95, "edges_r": 0.78, "edges_p": 0.96, "queries_r": 0.92, "queries_p": 0.96},
    "probe_provincial": {"mentions": 0.98, "b3": 0.93, "edges_r": 0.77, "edges_p": 0.96, "queries_r": 0.88, "queries_p": 0.96},
    "probe_state": {"mentions": 0.98, "b3": 0.96, "edges_r": 0.9, "edges_p": 0.92, "queries_r": 0.92, "queries_p": 0.95},
    "probe_guidance": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.96, "edges_p": 0.92, "queries_r": 0.91, "queries_p": 0.92},
    "probe_mass": {"mentions": 0.97, "b3": 0.96, "edges_r": 0.86, "edges_p": 0.89, "queries_r": 0.81, "queries_p": 0.96},
    "probe_letters": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.9, "edges_p": 0.96, "queries_r": 0.96, "queries_p": 0.96},
    "probe_review": {"mentions": 0.98, "b3": 0.96, "edges_r": 0.93, "edges_p": 0.91, "queries_r": 0.85, "queries_p": 0.93},
    "probe_plans": {"mentions": 0.98, "b3": 0.96, "edges_r": 0.82, "edges_p": 0.88, "queries_r": 0.82, "queries_p": 0.96},
    "probe_schools": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.89, "edges_p": 0.86, "queries_r": 0.81, "queries_p": 0.96},
    "probe_wards": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.9, "edges_p": 0.92, "queries_r": 0.82, "queries_p": 0.96},
    "probe_inspect": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.82, "edges_p": 0.96, "queries_r": 0.92, "queries_p": 0.92},
    "probe_scans": {"mentions": 0.96, "b3": 0.96, "edges_r": 0.84, "edges_p": 0.9, "queries_r": 0.76, "queries_p": 0.96},
    "probe_monthly": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.77, "edges_p": 0.96, "queries_r": 0.81, "queries_p": 0.9},
    "probe_villages": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.85, "edges_p": 0.88, "queries_r": 0.78, "queries_p": 0.88},
    "probe_notices": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.55, "edges_p": 0.96, "queries_r": 0.88, "queries_p": 0.88},
    "probe_awards": {"mentions": 0.98, "b3": 0.96, "edges_r": 0.92, "edges_p": 0.92, "queries_r": 0.82, "queries_p": 0.96},
    "probe_programmes": {"mentions": 0.98, "b3": 0.93, "edges_r": 0.69, "edges_p": 0.91, "queries_r": 0.78, "queries_p": 0.96},
    "probe_tracker": {"mentions": 0.98, "b3": 0.97, "edges_r": 0.82, "edges_p": 0.94, "queries_r": 0.92, "queries_p": 0.96},
    "probe_stats": {"mentions": 0.97, "b3": 0.98, "edges_r": 0.96, "edges_p": 0.87, "queries_r": 0.93, "queries_p": 0.96},
    "probe_workplan": {"mentions": 0.98, "b3": 0.95, "edges_r": 0.96, "edges_p": 0.62, "queries_r": 0.9, "queries_p": 0.9},
    "probe_neighbours": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.92, "edges_p": 0.96, "queries_r": 0.92, "queries_p": 0.96},
    "probe_html": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.89, "edges_p": 0.92, "queries_r": 0.91, "queries_p": 0.96},
    "probe_after2025": {"mentions": 0.98, "b3": 0.97, "edges_r": 0.86, "edges_p": 0.88, "queries_r": 0.83, "queries_p": 0.87},
    "probe_resolutions": {"mentions": 0.97, "b3": 0.92, "edges_r": 0.8, "edges_p": 0.78, "queries_r": 0.7, "queries_p": 0.96},
    "probe_footnoted": {"mentions": 0.97, "b3": 0.97, "edges_r": 0.88, "edges_p": 0.95, "queries_r": 0.96, "queries_p": 0.96},
    "probe_realnews": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.83, "edges_p": 0.96, "queries_r": 0.82, "queries_p": 0.96},
    "probe_realreports": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.91, "edges_p": 0.93, "queries_r": 0.96, "queries_p": 0.96},
    "probe_realnews2": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.8, "edges_p": 0.96, "queries_r": 0.88, "queries_p": 0.96},
    "probe_pdfcopy": {"mentions": 0.98, "b3": 0.95, "edges_r": 0.79, "edges_p": 0.83, "queries_r": 0.85, "queries_p": 0.96},
    "probe_provincialnq": {"mentions": 0.95, "b3": 0.95, "edges_r": 0.9, "edges_p": 0.84, "queries_r": 0.73, "queries_p": 0.9},
    "probe_agencies": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.96, "edges_p": 0.92, "queries_r": 0.89, "queries_p": 0.96},
    "probe_web": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.92, "edges_p": 0.92, "queries_r": 0.88, "queries_p": 0.96},
    "probe_communereports": {"mentions": 0.97, "b3": 0.98, "edges_r": 0.86, "edges_p": 0.89, "queries_r": 0.96, "queries_p": 0.96},
    "probe_realnews3": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.96, "edges_p": 0.96, "queries_r": 0.92, "queries_p": 0.96},
    "probe_realreports2": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.93, "edges_p": 0.88, "queries_r": 0.94, "queries_p": 0.94},
    "probe_interviews": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.96, "edges_p": 0.96, "queries_r": 0.86, "queries_p": 0.96},
    "probe_nq15": {"mentions": 0.98, "b3": 0.93, "edges_r": 0.85, "edges_p": 0.92, "queries_r": 0.78, "queries_p": 0.92},
    "probe_longnews": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.91, "edges_p": 0.96, "queries_r": 0.89, "queries_p": 0.96},
    "probe_realnews4": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.96, "edges_p": 0.96, "queries_r": 0.93, "queries_p": 0.96},
    "probe_realnews5": {"mentions": 0.97, "b3": 0.98, "edges_r": 0.88, "edges_p": 0.96, "queries_r": 0.86, "queries_p": 0.96},
    "probe_newbodies": {"mentions": 0.97, "b3": 0.98, "edges_r": 0.76, "edges_p": 0.83, "queries_r": 0.78, "queries_p": 0.96},
    "probe_appendix": {"mentions": 0.98, "b3": 0.96, "edges_r": 0.9, "edges_p": 0.94, "queries_r": 0.94, "queries_p": 0.96},
    "probe_realreports3": {"mentions": 0.97, "b3": 0.98, "edges_r": 0.81, "edges_p": 0.92, "queries_r": 0.96, "queries_p": 0.96},
    "probe_realnews6": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.88, "edges_p": 0.96, "queries_r": 0.92, "queries_p": 0.96},
    "probe_forms": {"mentions": 0.97, "b3": 0.98, "edges_r": 0.85, "edges_p": 0.96, "queries_r": 0.92, "queries_p": 0.92},
    "probe_realreports4": {"mentions": 0.96, "b3": 0.98, "edges_r": 0.87, "edges_p": 0.96, "queries_r": 0.93, "queries_p": 0.94},
    "probe_sonla": {"mentions": 0.97, "b3": 0.98, "edges_r": 0.93, "edges_p": 0.88, "queries_r": 0.93, "queries_p": 0.93},
    "probe_realnews7": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.73, "edges_p": 0.85, "queries_r": 0.96, "queries_p": 0.96},
    "probe_urging": {"mentions": 0.98, "b3": 0.97, "edges_r": 0.77, "edges_p": 0.9, "queries_r": 0.9, "queries_p": 0.96},
    "probe_realnews8": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.96, "edges_p": 0.91, "queries_r": 0.92, "queries_p": 0.96},
    "probe_realnews9": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.96, "edges_p": 0.96, "queries_r": 0.92, "queries_p": 0.96},
    "probe_realreports5": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.91, "edges_p": 0.94, "queries_r": 0.84, "queries_p": 0.94},
    "probe_realnews10": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.96, "edges_p": 0.96, "queries_r": 0.96, "queries_p": 0.96},
    "probe_realreports6": {"mentions": 0.97, "b3": 0.98, "edges_r": 0.92, "edges_p": 0.92, "queries_r": 0.9, "queries_p": 0.92},
    "probe_longreport": {"mentions": 0.98, "b3": 0.97, "edges_r": 0.88, "edges_p": 0.89, "queries_r": 0.88, "queries_p": 0.96},
    "probe_realnews11": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.96, "edges_p": 0.96, "queries_r": 0.96, "queries_p": 0.96},
    "probe_newcommunes": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.88, "edges_p": 0.91, "queries_r": 0.86, "queries_p": 0.92},
    "probe_realreports7": {"mentions": 0.97, "b3": 0.98, "edges_r": 0.81, "edges_p": 0.96, "queries_r": 0.8, "queries_p": 0.89},
    "probe_realnews12": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.91, "edges_p": 0.96, "queries_r": 0.81, "queries_p": 0.89},
    "probe_realnews13": {"mentions": 0.98, "b3": 0.98, "edges_r": 0.96, "edges_p": 0.96, "queries_r": 0.96, "queries_p": 0.96},
    "probe_realreports8": {"mentions": 0.97, "b3": 0.98, "edges_r": 0.91, "edges_p": 0.96, "queries_r": 0.92, "queries_p": 0.96},
}


@pytest.mark.parametrize("name", PROBES)
def test_probe_set_keeps_its_scores(name, tmp_path):
    """Measured as written (commit e0962f6) and after the fixes: data/README.md. These floors catch
    a rule that undoes one of the fixes."""
    s = evaluate(str(HOLDOUT / f"{name}_gold"), str(HOLDOUT / name), str(tmp_path / "S"))
    floor = PROBES[name]
    assert s["mentions"]["F1"] >= floor["mentions"], s["mentions"]
    assert s["resolution_b3"]["F1"] >= floor["b3"], s["resolution_b3"]
    assert s["edges"]["R_any_relation"] >= floor["edges_r"] and s["edges"]["P_on_mapped"] >= floor["edges_p"], s["edges"]
    assert s["queries"]["R"] >= floor["queries_r"] and s["queries"]["P"] >= floor["queries_p"], s["queries"]


def test_chains_of_plans_reach_the_directive_in_transitive_queries(tmp_path):
    """probe_chains' transitive queries (queries_transitive.json): units whose plans reach the directive
    through plans of the levels above (first asked at cebf7eb: R 0.75, P 1.0)."""
    s = evaluate(str(HOLDOUT / "probe_chains_gold"), str(HOLDOUT / "probe_chains"), str(tmp_path / "S"))
    direct, transitive = s["queries"], s["queries_transitive"]
    assert transitive["R"] >= 0.72 and transitive["P"] >= 0.95, transitive
    assert transitive["found"] > direct["found"]  # the chains add units the direct answers leave out
