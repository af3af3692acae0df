"""How nodes and edges look: colour by level, shape by type, edge style by relation; the legend."""
from __future__ import annotations

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif"

#: level -> (colour, English, Vietnamese)
LEVELS = {
    "central": ("#b3261e", "central", "Trung ương"),
    "province": ("#1f5fa8", "province", "tỉnh, thành phố"),
    "agency": ("#6d3fa0", "agency", "cơ quan, khối, đoàn thể"),
    "district": ("#2e7d32", "district", "huyện, thị xã, thành phố thuộc tỉnh"),
    "commune": ("#b85c00", "commune", "xã, phường, thị trấn"),
}
UNKNOWN = ("#5f6b73", "unknown", "chưa rõ")

#: relation -> (colour, dashes, width, Vietnamese)
RELATIONS = {
    "implements": ("#1f5fa8", False, 2.0, "thực hiện"),
    "continues": ("#00897b", False, 2.0, "tiếp tục thực hiện"),
    "guides": ("#c99700", False, 2.0, "hướng dẫn"),
    "inspects": ("#8e24aa", [6, 4], 1.5, "kiểm tra, sơ kết, tổng kết"),
    "amends": ("#d84315", [6, 4], 1.5, "sửa đổi, bổ sung"),
    "cites": ("#9aa3a9", [2, 4], 1.0, "dẫn chiếu"),
    "issued": ("#b9c0c5", [4, 3], 1.0, "ban hành"),
}

#: document kinds -> (types, vis shape, how it is filled, English, Vietnamese)
DIRECTIVE_TYPES = {"Chỉ thị", "Nghị quyết", "Kết luận", "Quy định", "Quyết định", "Thông tri", "Luật", "Nghị định",
                   "Thông tư", "Quy chế", "Hiến pháp", "Pháp lệnh"}
PLAN_TYPES = {"Kế hoạch", "Chương trình", "Chương trình hành động", "Đề án", "Phương án"}
SHAPES = [
    ("directive", "box", "solid", "directive, resolution, conclusion, regulation", "chỉ thị, nghị quyết, kết luận ..."),
    ("plan", "ellipse", "tint", "plan, programme", "kế hoạch, chương trình, đề án"),
    ("other", "box", "dashed", "guidance, report, notice ...", "hướng dẫn, báo cáo, thông báo ..."),
    ("unit", "dot", "solid", "unit (committee, agency)", "đơn vị, cấp ủy"),
    ("group", "box", "group", "group of nodes (click to expand)", "nhóm"),
]


def level_colour(level: str | None) -> str:
    return LEVELS.get(level or "", UNKNOWN)[0]


def doc_kind(type_: str | None) -> str:
    if type_ in DIRECTIVE_TYPES:
        return "directive"
    if type_ in PLAN_TYPES or (type_ or "").startswith("Chương trình"):
        return "plan"
    return "other"


def tint(colour: str, amount: float = 0.85) -> str:
    """`colour` mixed with white (0 = the colour, 1 = white)."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    r, g, b = (round(c + (255 - c) * amount) for c in (r, g, b))
    return f"#{r:02x}{g:02x}{b:02x}"


def format_date(iso: str | None) -> str:
    """2016-05-15 -> 15/05/2016, as Vietnamese texts write dates."""
    if not iso or len(iso) < 10:
        return iso or ""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"


def _look(kind: str, level: str | None) -> dict:
    """vis-network options shared by every node of one kind (directive, plan, other document,
    unit) and level: a vis `group`, so that each node carries only its label and place."""
    colour = level_colour(level)
    if kind == "unit":
        return {"shape": "dot", "size": 9, "borderWidth": 1, "widthConstraint": {"maximum": 150},
                "color": {"background": colour, "border": colour, "highlight": {"background": colour, "border": "#111"},
                          "hover": {"background": colour, "border": "#111"}},
                "font": {"size": 13, "color": "#263238", "face": FONT, "strokeWidth": 3, "strokeColor": "#ffffff"}}
    solid = kind == "directive"
    look = {"shape": "ellipse" if kind == "plan" else "box", "margin": 8, "widthConstraint": {"maximum": 180},
            "borderWidth": 1.5 if solid else 2,
            "color": {"background": colour if solid else tint(colour), "border": colour,
                      "highlight": {"background": colour if solid else tint(colour, 0.55), "border": "#111"},
                      "hover": {"background": colour if solid else tint(colour, 0.7), "border": "#111"}},
            "font": {"size": 14, "color": "#ffffff" if solid else "#1c2429", "face": FONT}}
    if kind == "other":
        look["shapeProperties"] = {"borderDashes": [5, 3]}
    return look


def group_of(n: dict) -> str:
    kind = "unit" if n["kind"] == "unit" else doc_kind(n.get("type"))
    return f"{kind}:{n.get('level') or 'unknown'}"


def groups() -> dict:
    """Every node look, by `group_of` name."""
    return {f"{kind}:{level or 'unknown'}": _look(kind, level) for kind in ("directive", "plan", "other", "unit")
            for level in (*LEVELS, None)}


def node_style(n: dict, center: str | None) -> dict:
    """vis-network options of one node (dict of graph.queries' node shape): its look (a group;
    the shape repeated, since pyvis always sets one), its label, a heavier border for the centre."""
    group = group_of(n)
    kind = group.split(":")[0]
    style = {"group": group, "shape": "dot" if kind == "unit" else "ellipse" if kind == "plan" else "box",
             "label": n["label"] if n["kind"] == "unit" else
             n["label"] + (f"\n{format_date(n.get('date'))}" if n.get("date") else "")}
    if n["id"] == center:  # a node's own colour replaces its group's whole colour: give all of it
        look = _look(kind, n.get("level"))
        style.update(borderWidth=4, color={**look["color"], "border": "#111111"}, font={**look["font"], "size": 16})
        if n["kind"] == "unit":
            style["size"] = 14
    return style


def edge_style(e: dict) -> dict:
    """Colour, dashes and width by relation; the relation as label (not on `issued`)."""
    colour, dashes, width, _ = RELATIONS.get(e["relation"], RELATIONS["cites"])
    style = {"color": {"color": colour, "highlight": "#ff6f00"}, "width": width}
    if dashes:
        style["dashes"] = dashes
    if e["relation"] != "issued":
        style["label"] = e["relation"]
    return style


def legend() -> dict:
    return {"levels": [{"level": k, "colour": c, "label": en, "vi": vi} for k, (c, en, vi) in LEVELS.items()]
            + [{"level": None, "colour": UNKNOWN[0], "label": UNKNOWN[1], "vi": UNKNOWN[2]}],
            "relations": [{"relation": k, "colour": c, "dashes": d, "width": w, "vi": vi}
                          for k, (c, d, w, vi) in RELATIONS.items()],
            "shapes": [{"kind": k, "shape": s, "fill": f, "label": en, "vi": vi} for k, s, f, en, vi in SHAPES]}


def options() -> dict:
    """Network options: positions come from the server, so physics is off and nothing is laid
    out in the browser (improvedLayout would run a Kamada-Kawai pass over the whole graph)."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "hierarchical": {"enabled": False}},
        "physics": {"enabled": False, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -4000, "springLength": 140, "springConstant": 0.03,
                                  "damping": 0.4, "avoidOverlap": 0.3},
                    "stabilization": {"enabled": True, "iterations": 120, "updateInterval": 40, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 250, "multiselect": False, "navigationButtons": False,
                        "keyboard": {"enabled": False}, "zoomSpeed": 0.8},
        "nodes": {"font": {"face": FONT, "size": 14}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "smooth": False, "selectionWidth": 2,
                  "hoverWidth": 1, "font": {"face": FONT, "size": 11, "color": "#455a64", "strokeWidth": 3,
                                            "strokeColor": "#ffffff", "align": "middle"},
                  "scaling": {"label": {"drawThreshold": 8}}},
        "groups": groups(),
    }
