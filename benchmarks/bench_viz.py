"""Render time of the graph page in headless Chromium: time to a drawn, interactive graph.

    python benchmarks/bench_viz.py [--repeat 3] [--json]

Synthetic stores built from `graph.model` objects (seeded, deterministic): the implementation
tree of one central directive (provincial plans, district plans under them, each document with
its issuing unit beside it) at about 500 and 2,000 nodes. Each store is served by uvicorn on
127.0.0.1; Debian's Chromium (`/usr/bin/chromium`, `/usr/bin/chromedriver`, through Selenium)
opens `/?node=<directive>` and the page reports when the first frame after the data is drawn
(`window.viz.last`): the figure is the time from navigation start to that frame (HTML, scripts,
the `/viz/view` request with its server-side layout, and the drawing), the median of
`--repeat` cold loads. Then, on the drawn page, one click on a node until the side panel is
filled, and the canvas time of one redraw (a pan) as a measure of how smooth it stays.

A sweep of drawn sizes without grouping (`group=never`) is what the node budget of
`viz/build.py` (NODE_BUDGET) was chosen from. Prints a table (or JSON lines). Not run by pytest.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.embedded import EmbeddedStore  # noqa: E402
from benchmarks.names import DISTRICTS, PROVINCES  # noqa: E402
from benchmarks.serve import Server  # noqa: E402
from graph.model import Document, Edge, Evidence, Graph, Level, Mention, MentionKind, Relation, Unit  # noqa: E402

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
DIRECTIVE = "05-ct-tw.tw.2016"


def slug(text: str) -> str:
    import re
    import unicodedata
    s = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def tree_graph(provinces: int, districts: int, seed: int = 5) -> Graph:
    """One central directive (Chỉ thị 05-CT/TW), a plan of each of `provinces` provincial
    committees implementing it and, under each, plans of `districts` district committees; every
    document issued by its unit (an `issued` edge). Nodes: 2 + 2 * provinces * (1 + districts)."""
    rng = random.Random(seed)
    bct = Unit("tw/bo-chinh-tri", "Bộ Chính trị", Level.CENTRAL, None, None, "party")
    directive = Document(DIRECTIVE, "Chỉ thị", "05", "CT/TW", "-", "Trung ương", None, "2016-05-15", ("2016-05-15",),
                         "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                         ("Chỉ thị số 05-CT/TW",), "Bộ Chính trị", bct.id)
    units, docs, edges, mentions = [bct], [directive], [], []
    line = 0

    def link(source: str, target: str, relation: Relation, text: str, file: str):
        nonlocal line
        line += 1
        edges.append(Edge(source, target, relation, 0.9, Evidence(file, line, text)))

    link(bct.id, directive.id, Relation.ISSUED, "Bộ Chính trị ban hành Chỉ thị số 05-CT/TW", "chi-thi-05.txt")
    for p in PROVINCES[:provinces]:
        file = f"bao-cao-{slug(p)}.txt"
        tinh = Unit(f"{slug(p)}/tinh-uy", f"Tỉnh ủy {p}", Level.PROVINCE, p, None, "party")
        pdate = f"2016-{rng.randint(6, 12):02d}-{rng.randint(1, 28):02d}"
        pn = str(rng.randint(1, 99))
        plan = Document(f"{pn}-kh-tu.{slug(p)}.2016", "Kế hoạch", pn, "KH/TU", "-", tinh.name, p, pdate, (pdate,),
                        "về thực hiện Chỉ thị số 05-CT/TW", (f"Kế hoạch số {pn}-KH/TU",), "Ban Thường vụ Tỉnh ủy",
                        tinh.id)
        units.append(tinh)
        docs.append(plan)
        text = f"Ban Thường vụ {tinh.name} ban hành Kế hoạch số {pn}-KH/TU về thực hiện Chỉ thị số 05-CT/TW"
        link(tinh.id, plan.id, Relation.ISSUED, text, file)
        link(plan.id, directive.id, Relation.IMPLEMENTS, text, file)
        mentions.append(Mention(file, line, 0, 0, 0, f"Kế hoạch số {pn}-KH/TU", plan.id, MentionKind.FULL))
        for k in range(districts):
            name = DISTRICTS[k % len(DISTRICTS)] + (f" {k // len(DISTRICTS) + 1}" if k >= len(DISTRICTS) else "")
            huyen = Unit(f"{slug(p)}/huyen-uy-{slug(name)}", f"Huyện ủy {name}", Level.DISTRICT, p, tinh.id, "party")
            dn = str(rng.randint(1, 199))
            ddate = f"{2016 + rng.randint(0, 2)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            dplan = Document(f"{dn}-kh-hu.{huyen.id.replace('/', '.')}.{k}", "Kế hoạch", dn, "KH/HU", "-", huyen.name,
                             p, ddate, (ddate,), None, (f"Kế hoạch số {dn}-KH/HU",), "Ban Thường vụ Huyện ủy", huyen.id)
            units.append(huyen)
            docs.append(dplan)
            text = f"{huyen.name} ban hành Kế hoạch số {dn}-KH/HU thực hiện Kế hoạch số {pn}-KH/TU của {tinh.name}"
            link(huyen.id, dplan.id, Relation.ISSUED, text, file)
            link(dplan.id, plan.id, Relation.IMPLEMENTS, text, file)
    return Graph(tuple(docs), tuple(units), tuple(edges), tuple(mentions))


def build_store(directory: Path, graph: Graph) -> Path:
    store = EmbeddedStore(directory)
    store.replace_graph(graph)
    store.close()
    return directory


# --- a server and a browser ---------------------------------------------------------------------

def chromium(width: int = 1366, height: int = 768, profile: str | None = None):
    """Debian's Chromium through Selenium: headless, no network beyond loopback, no downloads."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-extensions", "--disable-sync", "--hide-scrollbars", "--lang=vi-VN",
                f"--user-data-dir={profile or tempfile.mkdtemp(prefix='directives-chromium-')}",
                f"--window-size={width},{height}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def wait_drawn(driver, after: int = 0, timeout: float = 60) -> dict:
    """The page's report of its last drawn frame (`window.viz.last`) once it is past `after`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        last = driver.execute_script("return window.viz && window.viz.ready > arguments[0] ? window.viz.last : null",
                                     after)
        if last:
            return last
        time.sleep(0.01)
    raise TimeoutError("the graph was not drawn in time")


def click_node(driver, node_id: str) -> None:
    """A real mouse click at the node's place on the canvas."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    x, y = driver.execute_script(
        "var n = window.viz.network; n.focus(arguments[0], {scale: 1, animation: false});"
        "var p = n.canvasToDOM(n.getPositions([arguments[0]])[arguments[0]]); return [p.x, p.y];", node_id)
    graph = driver.find_element(By.ID, "graph")
    ActionChains(driver).move_to_element_with_offset(graph, x - graph.size["width"] / 2,
                                                     y - graph.size["height"] / 2).click().perform()


REDRAW_JS = """
var net = window.viz.network, times = [];
for (var i = 0; i < 10; i++) {
  net.moveTo({position: {x: net.getViewPosition().x + 5, y: net.getViewPosition().y}, animation: false});
  var t0 = performance.now();
  net.renderer._redraw();  /* what one frame of a pan or a zoom costs */
  times.push(performance.now() - t0);
}
return times;
"""


SET = ("var e = document.querySelector(arguments[0]);"
       "if (e.type === 'radio') e.checked = true; else e.value = arguments[1];"
       "e.dispatchEvent(new Event('change'));")


def measure(base: str, node: str, *, setup: list[tuple[str, str]] = (), repeat: int = 3) -> dict:
    """Median cold load to the first drawn frame; then click-to-panel and the redraw time."""
    loads, drawn = [], None
    for _ in range(repeat):
        driver = chromium()
        try:
            url = f"{base}/viz?node={quote(node)}"
            driver.get(url)
            if setup:
                first = wait_drawn(driver)
                for selector, value in setup:
                    driver.execute_script(SET, selector, value)
                last = wait_drawn(driver, first["seq"] + len(setup) - 1)
                last["sinceStart"] = first["sinceStart"] + last["drawMs"]  # the same page, drawn as set up
            else:
                last = wait_drawn(driver)
            loads.append(last["sinceStart"])
            drawn = last
        finally:
            driver.quit()
    driver = chromium()
    try:
        driver.get(f"{base}/viz?node={quote(node)}")
        last = wait_drawn(driver)
        for selector, value in setup:
            driver.execute_script(SET, selector, value)
        if setup:
            last = wait_drawn(driver, last["seq"] + len(setup) - 1)
        target = driver.execute_script(
            "var S = window.viz.state; return S.drawn.nodes.filter(function (n) { return n.kind === 'document'"
            " && n.id !== S.view.center; }).map(function (n) { return n.id; })[0] ||"
            " S.drawn.nodes.filter(function (n) { return n.kind === 'group'; })[0].id;")
        driver.execute_script("document.getElementById('panel-body').textContent = '';")
        t0 = time.perf_counter()
        click_node(driver, target)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not driver.execute_script(
                "return window.viz.state.selected === arguments[0] && !!document.querySelector('#panel-body h3')",
                target):
            time.sleep(0.005)
        click_ms = (time.perf_counter() - t0) * 1000
        panel_ms = driver.execute_script("return window.viz.panel && window.viz.panel.ms")
        redraws = driver.execute_script(REDRAW_JS)
    finally:
        driver.quit()
    return {"load_ms": statistics.median(loads), "loads_ms": [round(x) for x in loads], "drawn_nodes": drawn["nodes"],
            "drawn_edges": drawn["edges"], "groups": drawn.get("groups"), "click_to_panel_ms": round(click_ms),
            "panel_ms": round(panel_ms or 0),
            "redraw_ms": round(statistics.median(redraws), 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="cold loads per figure (median)")
    parser.add_argument("--json", action="store_true", help="one JSON line per figure")
    parser.add_argument("--sweep", action="store_true", help="also draw 250..2000 nodes without grouping")
    args = parser.parse_args(argv)
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        print("needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)",
              file=sys.stderr)
        return 2
    never = [("#group", "none")]
    cases = [("tree of one directive, ~500 nodes", 22, 10, []),
             ("selection of ~2,000 nodes (grouped)", 60, 15, []),
             ("~250 nodes, free layout (120 physics steps)", 12, 9, [("input[name=layout][value=free]", "")]),
             ("~500 nodes, timeline", 22, 10, [("input[name=layout][value=timeline]", "")])]
    if args.sweep:
        cases += [("~250 nodes drawn, no groups", 12, 9, never), ("~500 nodes drawn, no groups", 22, 10, never),
                  ("~1,000 nodes drawn, no groups", 45, 10, never),
                  ("~2,000 nodes drawn, no groups", 60, 15, never)]
    work = Path(tempfile.mkdtemp(prefix="directives-bench-viz-"))
    rows = []
    try:
        for name, provinces, districts, setup in cases:
            graph = tree_graph(provinces, districts)
            directory = build_store(work / f"p{provinces}-d{districts}", graph)
            nodes = len(graph.documents) + len(graph.units)
            with Server(directory) as base:
                row = {"case": name, "nodes": nodes, **measure(base, DIRECTIVE, setup=setup, repeat=args.repeat)}
            rows.append(row)
            if args.json:
                print(json.dumps(row, ensure_ascii=False), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if not args.json:
        print("| case | selection | drawn | time to drawn graph (median) | click → panel (in page) | one redraw |")
        print("| --- | --- | --- | --- | --- | --- |")
        for r in rows:
            drawn = f"{r['drawn_nodes']}" + (f" ({r['groups']} groups)" if r["groups"] else "")
            print(f"| {r['case']} | {r['nodes']} nodes | {drawn} | {r['load_ms'] / 1000:.2f} s | "
                  f"{r['click_to_panel_ms']} ms ({r['panel_ms']} ms) | {r['redraw_ms']} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
