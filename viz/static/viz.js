/* directives — the graph page: search, graph, filters, groups, side panel, source view.
 *
 * Served by `directives serve` (data from the API) or inlined in the one-file export of
 * `directives viz` (data from the JSON block #viz-data). Every text from the data reaches the
 * page as a text node or a canvas label: no innerHTML anywhere.
 */
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var cfg = JSON.parse($('viz-config').textContent);
  var OFFLINE = cfg.mode === 'offline';
  var DATA = OFFLINE ? JSON.parse($('viz-data').textContent) : null;
  var LEVEL_RANK = { central: 0, province: 1, agency: 2, district: 3, commune: 4 };

  // --- small helpers ---------------------------------------------------------------------------

  /* h('a', {href: '#', className: 'x', onclick: fn}, 'text', child...) — text is always a text node */
  function h(tag, props) {
    var el = document.createElement(tag);
    var k;
    props = props || {};
    for (k in props) {
      if (!Object.prototype.hasOwnProperty.call(props, k) || props[k] == null) continue;
      if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), props[k]);
      else if (k === 'className' || k === 'href' || k === 'title' || k === 'hidden' || k === 'type' ||
               k === 'value' || k === 'id' || k === 'download' || k === 'disabled') el[k] = props[k];
      else if (k === 'style') { for (var s in props.style) el.style[s] = props.style[s]; }
      else el.setAttribute(k, props[k]);
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }
  function append(el, kid) {
    if (kid == null || kid === false) return;
    if (Array.isArray(kid)) { kid.forEach(function (k) { append(el, k); }); return; }
    el.appendChild(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }
  function fold(s) {
    return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd')
      .toLowerCase().replace(/\s+/g, ' ').trim();
  }
  function fmtDate(iso) { return iso && iso.length >= 10 ? iso.slice(8, 10) + '/' + iso.slice(5, 7) + '/' + iso.slice(0, 4) : (iso || ''); }
  function days(n) {
    if (n == null) return '';
    var a = Math.abs(n);
    var s = a >= 730 ? (a / 365.25).toFixed(1) + ' years' : a + (a === 1 ? ' day' : ' days');
    return n < 0 ? s + ' before' : s + ' after';
  }
  function pathUrl(prefix, id) { return prefix + String(id).split('/').map(encodeURIComponent).join('/'); }
  function debounce(fn, ms) { var t; return function () { var a = arguments; clearTimeout(t); t = setTimeout(function () { fn.apply(null, a); }, ms); }; }
  function relColour(rel) {
    var r = (S.view && S.view.legend.relations || []).filter(function (x) { return x.relation === rel; })[0];
    return r ? r.colour : '#78909c';
  }
  function levelColour(level) {
    var l = (S.view && S.view.legend.levels || []).filter(function (x) { return x.level === (level || null); })[0];
    return l ? l.colour : '#5f6b73';
  }
  function fetchJSON(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) { var e = new Error(body.detail || ('HTTP ' + r.status)); e.body = body; e.status = r.status; throw e; }
        return body;
      });
    });
  }
  function setStatus(text) { $('status').textContent = text; }

  // --- state ---------------------------------------------------------------------------------------

  var S = {
    view: null, byId: new Map(), layout: 'tree', depth: 6, mode: 'auto', group: 'auto', units: true,
    expanded: new Set(), filters: { province: '', level: '', type: '', relation: '', from: '', to: '' },
    selected: null, path: null, drawn: null, seq: 0, pending: null, network: null, nodes: null, edges: null,
    details: new Map(), physicsRunning: false
  };
  window.viz = { state: S, ready: 0 };

  // --- the network ----------------------------------------------------------------------------------

  function ensureNetwork(options) {
    if (S.network) return;
    S.nodes = new vis.DataSet();
    S.edges = new vis.DataSet();
    S.network = new vis.Network($('graph'), { nodes: S.nodes, edges: S.edges }, options);
    window.viz.network = S.network;
    S.network.on('click', onClick);
    S.network.on('doubleClick', function (p) {
      var id = p.nodes[0];
      if (id && String(id).indexOf('g:') === 0) expandGroup(id);
    });
    S.network.on('beforeDrawing', drawTimelineAxis);
    S.network.on('afterDrawing', function () {
      if (!S.pending || S.physicsRunning) return;
      var p = S.pending;
      S.pending = null;
      var ms = performance.now() - p.t0;
      window.viz.ready = p.seq;
      window.viz.last = { seq: p.seq, nodes: p.nodes, edges: p.edges, groups: p.groups, drawMs: ms, sinceStart: performance.now() };
      document.body.setAttribute('data-ready', String(p.seq));
      setStatus(statusText(p, ms));
    });
    S.network.on('stabilizationIterationsDone', function () {
      S.physicsRunning = false;
      S.network.setOptions({ physics: { enabled: false } });
      S.network.fit({ animation: false });
    });
  }

  function statusText(p, ms) {
    var v = S.view, parts = [];
    parts.push(v.counts.nodes + ' nodes · ' + v.counts.edges + ' edges');
    if (p.nodes !== v.counts.nodes || p.groups) parts.push('drawn ' + p.nodes + (p.groups ? ' (' + p.groups + ' groups)' : ''));
    if (v.truncated) parts.push('truncated');
    parts.push(Math.round(ms) + ' ms');
    return parts.join(' · ');
  }

  // --- what is drawn: filters, depth, groups ------------------------------------------------------

  function visibleNodes() {
    var v = S.view, f = S.filters, center = v.center;
    var docOk = new Set(), out = [];
    function passes(n) {
      if (n.id === center) return true;
      if (n.hop > S.depth) return false;
      if (S.layout === 'timeline' && !n.pos.timeline) return false;
      if (f.province && (n.province || '') !== f.province) return false;
      if (f.level && (n.level || '') !== f.level) return false;
      return true;
    }
    v.nodes.forEach(function (n) {
      if (n.kind !== 'document' || !passes(n)) return;
      if (n.id !== center) {
        if (f.type && n.type !== f.type) return;
        if ((f.from || f.to) && (!n.date || (f.from && n.date < f.from) || (f.to && n.date > f.to))) return;
      }
      docOk.add(n.id);
    });
    if (f.relation) {  // only what that relation links
      var touched = new Set([center]);
      v.edges.forEach(function (e) {
        if (e.relation === f.relation && (docOk.has(e.from) || isUnit(e.from)) && docOk.has(e.to)) { touched.add(e.from); touched.add(e.to); }
      });
      docOk.forEach(function (id) { if (!touched.has(id)) docOk.delete(id); });
    }
    var unitOk = new Set();
    if (S.units || f.relation) {
      v.edges.forEach(function (e) {  // a unit is shown with a document it is linked to
        var u = isUnit(e.from) ? e.from : (isUnit(e.to) ? e.to : null);
        if (!u) return;
        var other = u === e.from ? e.to : e.from;
        if (!docOk.has(other) && other !== center) return;
        if (e.relation === 'issued' ? !S.units : (f.relation && e.relation !== f.relation)) return;
        if (passes(S.byId.get(u))) unitOk.add(u);
      });
    }
    if (center && S.byId.has(center) && isUnit(center)) unitOk.add(center);
    v.nodes.forEach(function (n) { if (docOk.has(n.id) || unitOk.has(n.id)) out.push(n); });
    return out;
  }
  function isUnit(id) { var n = S.byId.get(id); return !!n && n.kind === 'unit'; }

  /* How to group what is drawn: null (draw everything), or {by, key(n), keep}: nodes at most `keep`
     steps from the centre stay single. "when large" (auto) groups only beyond the node budget,
     keeps as many levels near the centre single as fit in half the budget, and groups the rest
     by province (by level when the selection is in one or two provinces). */
  function grouping(nodes) {
    var mode = S.group, keep = 0;
    if (mode === 'none') return null;
    if (mode === 'auto') {
      if (nodes.length <= S.view.budget) return null;
      var perHop = {};
      nodes.forEach(function (n) { var k = Math.max(0, n.hop); perHop[k] = (perHop[k] || 0) + 1; });
      var total = 0;
      Object.keys(perHop).map(Number).sort(function (a, b) { return a - b; }).some(function (k) {
        total += perHop[k];
        if (total > S.view.budget / 2) return true;
        keep = k;
        return false;
      });
      var provinces = new Set();
      nodes.forEach(function (n) { if (n.province && n.hop > keep) provinces.add(n.province); });
      mode = provinces.size >= 3 ? 'province' : 'level';
    }
    if (mode === 'province') return { by: 'province', keep: keep, key: function (n) { return n.province || null; } };
    return { by: 'level', keep: keep, key: function (n) { return n.level || 'unknown'; } };
  }

  function positionOf(n) {
    var p = n.pos[S.layout] || n.pos.tree;
    return { x: p[0], y: p[1] };
  }

  function draw(opts) {
    opts = opts || {};
    var v = S.view;
    if (!v) return;
    var t0 = performance.now();
    var nodes = visibleNodes();
    var g = grouping(nodes);
    var rep = new Map(), groups = new Map();
    nodes.forEach(function (n) {
      var k = null;
      if (g && n.id !== v.center && n.level !== 'central' && n.hop > g.keep) {
        k = g.key(n);
        if (k != null) {
          var gid = 'g:' + g.by + ':' + k;
          if (S.expanded.has(gid)) k = null;
          else {
            if (!groups.has(gid)) groups.set(gid, { id: gid, by: g.by, key: k, members: [] });
            groups.get(gid).members.push(n);
            rep.set(n.id, gid);
            return;
          }
        }
      }
      rep.set(n.id, n.id);
    });
    var drawnNodes = [], ids = new Set();
    groups.forEach(function (gr) {  // a group of one is no group
      if (gr.members.length === 1) { rep.set(gr.members[0].id, gr.members[0].id); groups.delete(gr.id); }
    });
    nodes.forEach(function (n) {
      if (rep.get(n.id) !== n.id) return;
      var p = positionOf(n);
      var d = Object.assign({}, n, { x: p.x, y: p.y, opacity: 1, title: tooltip(n) });
      delete d.pos;
      drawnNodes.push(d);
      ids.add(n.id);
    });
    groups.forEach(function (gr) { drawnNodes.push(groupNode(gr)); ids.add(gr.id); });
    spreadGroups(drawnNodes);
    var drawnEdges = [], agg = new Map();
    v.edges.forEach(function (e) {
      if (S.filters.relation && e.relation !== S.filters.relation && e.relation !== 'issued') return;
      var a = rep.get(e.from), b = rep.get(e.to);
      if (!a || !b || a === b) return;
      if (a === e.from && b === e.to) {
        drawnEdges.push(Object.assign({}, e, { title: e.relation + ' · ' + clip((e.evidence || {}).text || '', 200) }));
        return;
      }
      var key = a + '\u0000' + b + '\u0000' + e.relation;
      var x = agg.get(key);
      if (!x) agg.set(key, x = { from: a, to: b, relation: e.relation, items: [] });
      x.items.push(e.id);
    });
    agg.forEach(function (x, key) {
      var n = x.items.length;
      var e = { id: 'a:' + key, from: x.from, to: x.to, relation: x.relation, items: x.items, arrows: 'to',
        width: Math.min(8, 1 + Math.log2(n)), dashes: x.relation === 'cites' || x.relation === 'issued' ? [3, 4] : false,
        color: { color: relColour(x.relation), highlight: '#ff6f00' },
        title: n + ' × ' + x.relation };
      if (x.relation !== 'issued') {
        e.label = x.relation + (n > 1 ? ' ×' + n : '');
      }
      drawnEdges.push(e);
    });
    S.drawn = { rep: rep, groups: groups, nodes: drawnNodes, edges: drawnEdges };
    ensureNetwork(v.options);
    var big = drawnNodes.length > 250 || drawnEdges.length > 400;
    var physics = S.layout === 'free' && drawnNodes.length <= 300;
    S.network.setOptions({
      physics: { enabled: physics, stabilization: { enabled: physics, iterations: 120, fit: true } },
      edges: { smooth: S.layout === 'tree' && !big ? { enabled: true, type: 'cubicBezier', forceDirection: 'vertical', roundness: 0.45 } : false },
      interaction: { hideEdgesOnDrag: big, hideEdgesOnZoom: big }
    });
    S.physicsRunning = physics;
    S.seq += 1;
    S.pending = { seq: S.seq, t0: opts.t0 || t0, nodes: drawnNodes.length, edges: drawnEdges.length, groups: groups.size };
    S.nodes.clear();
    S.edges.clear();
    S.nodes.add(drawnNodes);
    S.edges.add(drawnEdges);
    $('empty').hidden = drawnNodes.length > 0;
    if (!drawnNodes.length) showEmpty('Nothing matches these filters.', []);
    if (physics) S.network.stabilize(120);  // a few steps from the server's positions, then still
    else if (opts.fit !== false) S.network.fit({ animation: false });
    if (groups.size && !physics) {  // group labels readable in the overview: about 13 px on screen
      var size = Math.max(26, Math.min(90, 13 / S.network.getScale()));
      S.nodes.update(drawnNodes.filter(function (n) { return n.kind === 'group'; })
        .map(function (n) { return { id: n.id, font: { size: size, color: '#1c2429' } }; }));
    }
    if (S.path) applyPath();
    if (S.picked && ids.has(S.picked)) S.network.selectNodes([S.picked]);
    S.network.redraw();
  }

  function clip(s, n) { return s.length <= n ? s : s.slice(0, n - 1) + '…'; }

  /* plain text: vis-network shows it with innerText */
  function tooltip(n) {
    var lines = [n.name];
    if (n.kind === 'document') {
      lines.push([fmtDate(n.date), n.unit, n.province].filter(Boolean).join(' · '));
      if (n.lag && n.id !== S.view.center) lines.push(days(n.lag) + ' the centre document');
    } else lines.push([levelName(n.level || 'unknown'), n.province].filter(Boolean).join(' · '));
    return lines.filter(Boolean).join('\n');
  }

  function groupNode(g) {
    var xs = 0, ys = 0, docs = 0, levels = {};
    g.members.forEach(function (n) {
      var p = positionOf(n);
      xs += p.x; ys += p.y;
      if (n.kind === 'document') docs++;
      levels[n.level || 'unknown'] = (levels[n.level || 'unknown'] || 0) + 1;
    });
    var top = Object.keys(levels).sort(function (a, b) { return levels[b] - levels[a]; })[0];
    var colour = g.by === 'level' ? levelColour(top) : '#37474f';
    var name = g.by === 'level' ? levelName(g.key) : g.key;
    var n = g.members.length;
    return {
      id: g.id, kind: 'group', label: name + '\n' + n + ' nodes', shape: 'box',
      x: xs / n, y: ys / n, members: g.members.map(function (m) { return m.id; }), by: g.by, key: g.key,
      margin: 10, borderWidth: 2, shapeProperties: { borderDashes: [3, 3] },
      color: { background: '#eceff1', border: colour, highlight: { background: '#dfe6ea', border: '#111' }, hover: { background: '#e3e9ec', border: '#111' } },
      font: { size: 26, color: '#1c2429' },
      title: name + ': ' + n + ' nodes (' + docs + ' documents).\nClick for the list; double-click to expand.'
    };
  }

  function spreadGroups(nodes) {  // groups drawn at their members' centre may overlap: push them apart
    var gs = nodes.filter(function (n) { return n.kind === 'group'; });
    gs.sort(function (a, b) { return a.y - b.y || a.x - b.x; });
    var rows = [];
    gs.forEach(function (g) {
      var row = rows.filter(function (r) { return Math.abs(r.y - g.y) < 70; })[0];
      if (!row) rows.push(row = { y: g.y, items: [] });
      row.items.push(g);
    });
    rows.forEach(function (r) {
      r.items.sort(function (a, b) { return a.x - b.x; });
      for (var i = 1; i < r.items.length; i++) {
        var prev = r.items[i - 1], g = r.items[i];
        if (g.x - prev.x < 200) g.x = prev.x + 200;
        g.y = r.y;
      }
    });
  }

  function levelName(level) {
    var l = (S.view.legend.levels || []).filter(function (x) { return (x.level || 'unknown') === level; })[0];
    return l ? l.label + ' (' + l.vi + ')' : level;
  }

  function expandGroup(gid) {
    S.expanded.add(gid);
    draw({ fit: false });
  }

  // --- the timeline axis ---------------------------------------------------------------------------

  function drawTimelineAxis(ctx) {
    if (S.layout !== 'timeline' || !S.view || !S.view.timeline.origin || !S.drawn) return;
    var t = S.view.timeline, k = 1 / S.network.getScale(), top = -90, bottom = 0, minX = 0;
    (t.bands || []).forEach(function (b) { bottom = Math.max(bottom, b.y + b.height + 20); });
    S.drawn.nodes.forEach(function (n) { minX = Math.min(minX, n.x); });
    var face = S.view.options.nodes.font.face || 'sans-serif';
    ctx.save();
    ctx.lineWidth = k;
    ctx.strokeStyle = '#dfe4e8';
    ctx.fillStyle = '#607d8b';
    ctx.font = (12 * k) + 'px ' + face;
    (t.ticks || []).forEach(function (tk) {  // one line a year
      ctx.beginPath(); ctx.moveTo(tk.x, top); ctx.lineTo(tk.x, bottom); ctx.stroke();
      ctx.fillText(tk.label, tk.x + 4 * k, top + 12 * k);
    });
    ctx.strokeStyle = '#b3261e';
    ctx.setLineDash([6 * k, 4 * k]);
    ctx.beginPath(); ctx.moveTo(0, top); ctx.lineTo(0, bottom); ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#b3261e';
    ctx.fillText('day 0 · ' + fmtDate(t.origin), 4 * k, top + 28 * k);
    ctx.fillStyle = '#90a4ae';
    ctx.font = 'bold ' + (11 * k) + 'px ' + face;
    (t.bands || []).forEach(function (b) { ctx.fillText(b.label.toUpperCase(), minX - 90, b.y - 36); });
    ctx.restore();
  }

  // --- clicks, selection, path -----------------------------------------------------------------------

  function onClick(p) {
    if (p.nodes.length) {
      var id = p.nodes[0];
      if (String(id).indexOf('g:') === 0) { S.selected = id; showGroup(id); return; }
      select(id, { focus: false });
      return;
    }
    if (p.edges.length) { showEdge(p.edges[0]); return; }
    S.path = null;
    S.picked = null;
    applyPath();
  }

  function select(id, opts) {
    opts = opts || {};
    S.selected = id;
    if (S.path) { S.path = null; applyPath(); }
    var n = S.byId.get(id);
    if (n && S.drawn && !S.drawn.nodes.some(function (d) { return d.id === id; })) {
      var g = S.drawn.rep.get(id);
      if (g && g !== id) { S.expanded.add(g); draw({ fit: false }); }
    }
    if (S.network && S.drawn && S.drawn.nodes.some(function (d) { return d.id === id; })) {
      S.picked = id;
      S.network.selectNodes([id]);
      if (opts.focus) S.network.focus(id, { scale: Math.max(0.8, S.network.getScale()), animation: false });
    }
    return showNode(id, { path: true });
  }

  function applyPath() {
    if (!S.network || !S.drawn) return;
    var dimNodes = [], dimEdges = [];
    var pn = S.path ? new Set(S.path.nodes.map(function (i) { return S.drawn.rep.get(i) || i; })) : null;
    var pe = S.path ? new Set(S.path.edges.map(function (e) { return (S.drawn.rep.get(e[0]) || e[0]) + '>' + (S.drawn.rep.get(e[1]) || e[1]); })) : null;
    S.drawn.nodes.forEach(function (n) { dimNodes.push({ id: n.id, opacity: !pn || pn.has(n.id) ? 1 : 0.3 }); });
    S.drawn.edges.forEach(function (e) {
      var on = pe && pe.has(e.from + '>' + e.to);
      var base = e.color || {};
      dimEdges.push({ id: e.id, width: on ? 5 : e.width, color: { color: on ? '#ff6f00' : base.color, highlight: '#ff6f00', opacity: !pe || on ? 1 : 0.15 } });
    });
    S.nodes.update(dimNodes);
    S.edges.update(dimEdges);
  }

  function setPath(detail) {
    var nodes = [detail.id], edges = [];
    (detail.chain || []).forEach(function (p) {
      var prev = detail.id;
      p.steps.forEach(function (s) { nodes.push(s.document.id); edges.push([prev, s.document.id]); prev = s.document.id; });
    });
    S.path = edges.length ? { nodes: nodes, edges: edges } : null;
    applyPath();
  }

  // --- the side panel --------------------------------------------------------------------------------

  function getDetail(id) {
    if (S.details.has(id)) return Promise.resolve(S.details.get(id));
    if (OFFLINE) {
      var d = DATA.details[id];
      return d ? Promise.resolve(d) : Promise.reject(new Error('no details for this node in this file'));
    }
    return fetchJSON(pathUrl('/viz/node/', id)).then(function (d) { S.details.set(id, d); return d; });
  }

  function panel() { return clear($('panel-body')); }

  function showNode(id, opts) {
    var t0 = performance.now();
    var body = panel();
    var n = S.byId.get(id);
    append(body, h('h2', null, n ? n.name : id), h('p', { className: 'muted' }, 'loading…'));
    return getDetail(id).then(function (d) {
      if (S.selected !== id) return;
      if (d.node === 'unit') renderUnit(d); else { renderDocument(d); if (opts && opts.path) setPath(d); }
      window.viz.panel = { id: id, ms: performance.now() - t0 };
    }).catch(function (e) {
      if (S.selected !== id) return;
      clear(body);
      append(body, h('h2', null, n ? n.name : id), h('p', { className: 'warn' }, e.message));
    });
  }

  function nodeLink(id, label, kind) {
    return h('a', { href: '#', className: 'node-link', 'data-id': id, onclick: function (ev) { ev.preventDefault(); go(id); } },
      label || id);
  }

  function go(id) {  // a node named in the panel or the source view: in this view, or its own view
    if (S.byId.has(id)) { select(id, { focus: true }); return; }
    if (OFFLINE) {
      var d = DATA.details[id];
      if (d) { S.selected = id; showNode(id); } else setStatus('not in this file: ' + id);
      return;
    }
    load(id);
  }

  function evidence(ev) {
    if (!ev) return null;
    return h('span', null, h('q', { className: 'q' }, ev.text || ''),
      h('a', { href: '#', className: 'src', title: 'open the source text at this line',
        onclick: function (e) { e.preventDefault(); openSource(ev.file, ev.line); } }, ev.file + ':' + ev.line));
  }

  function relBadge(rel) { return h('span', { className: 'rel', style: { backgroundColor: relColour(rel) } }, rel); }

  function actions(d, apiPath) {
    var a = h('div', { className: 'actions' });
    if (!OFFLINE || DATA.details[d.id]) {
      if (S.view && S.view.center !== d.id && !OFFLINE) append(a, h('a', { href: '#', onclick: function (e) { e.preventDefault(); load(d.id); } }, 'show its own graph'));
    }
    if (!OFFLINE) append(a, h('a', { href: pathUrl(apiPath, d.id), target: '_blank', rel: 'noopener' }, 'API JSON'));
    else if (cfg.api) append(a, h('a', { href: cfg.api.replace(/\/$/, '') + pathUrl(apiPath, d.id), target: '_blank', rel: 'noopener' }, 'API JSON'));
    return a;
  }

  function dl(rows) {
    var el = h('dl');
    rows.forEach(function (r) { if (r[1] != null && r[1] !== '' && !(Array.isArray(r[1]) && !r[1].length)) append(el, [h('dt', null, r[0]), h('dd', null, r[1])]); });
    return el;
  }

  function list(items, render, limit) {
    var ul = h('ul'), shown = 0;
    limit = limit || 25;
    items.slice(0, limit).forEach(function (it) { append(ul, h('li', null, render(it))); shown++; });
    if (items.length > limit) {
      var more = h('li', { className: 'more' }, h('a', { href: '#', onclick: function (e) {
        e.preventDefault(); more.remove(); items.slice(limit).forEach(function (it) { append(ul, h('li', null, render(it))); });
      } }, 'show ' + (items.length - limit) + ' more'));
      append(ul, more);
    }
    return ul;
  }

  function renderDocument(d) {
    var body = panel();
    var n = S.byId.get(d.id);
    append(body, h('h2', null, d.label));
    if (d.subject) append(body, h('p', { className: 'subject' }, d.subject));
    append(body, actions(d, '/documents/'));
    append(body, dl([
      ['type', d.type], ['number', d.number], ['code', d.code], ['date', fmtDate(d.date)],
      ['issuer', d.issuing_unit ? nodeLink(d.issuing_unit.id, d.issuing_unit.name) : (d.issuer || d.unit)],
      ['issued as', d.issuer && d.issuing_unit && d.issuer !== d.issuing_unit.name ? d.issuer : null],
      ['level', d.level ? levelName(d.level) : null], ['province', d.province], ['code of', d.code_owner],
      ['after centre', n && n.lag != null && d.id !== S.view.center ? days(n.lag) : null],
      ['id', d.id]
    ]));
    if (d.conflicting_dates) append(body, h('p', { className: 'warn' }, 'Texts date it differently: ' + d.dates_seen.map(fmtDate).join(', ')));
    if (d.flags && d.flags.length) append(body, h('p', { className: 'warn' }, 'Notes: ' + d.flags.join(', ')));
    if (d.aliases && d.aliases.length > 1) append(body, h('p', { className: 'muted' }, 'Also written: ' + d.aliases.join(' · ')));
    if (d.chain && d.chain.length) {
      append(body, h('h3', null, 'Path to the directive' + (d.chain.length > 1 ? 's (' + d.chain.length + ')' : '')));
      d.chain.slice(0, 5).forEach(function (p) {
        var ol = h('ol', { className: 'path' });
        p.steps.forEach(function (s) {
          append(ol, h('li', null, relBadge(s.relation), nodeLink(s.document.id, s.document.label), ' ',
            h('span', { className: 'lag' }, [fmtDate(s.document.date), s.lag_days != null ? ' · ' + days(s.lag_days) : ''].join(''))));
        });
        append(body, ol);
        if (!p.central) append(body, h('p', { className: 'muted' }, 'this path does not reach a central document'));
      });
    }
    var answered = (d.incoming || []).filter(function (r) { return r.relation !== 'issued'; });
    if (answered.length) {
      append(body, h('h3', null, 'Answered by (' + answered.length + ')'));
      append(body, list(answered, function (r) {
        return [relBadge(r.relation), nodeLink(r.source, r.source_label), ' ',
          h('span', { className: 'muted' }, [fmtDate(r.source_date), r.source_unit && r.source_kind === 'document' ? r.source_unit : ''].filter(Boolean).join(' · ')),
          evidence(r.evidence)];
      }));
    }
    if (d.outgoing && d.outgoing.length) {
      append(body, h('h3', null, 'It answers (' + d.outgoing.length + ')'));
      append(body, list(d.outgoing, function (r) {
        return [relBadge(r.relation), nodeLink(r.target, r.target_label), ' ',
          h('span', { className: 'muted' }, fmtDate(r.target_date)), evidence(r.evidence)];
      }));
    }
    if (d.mentions && d.mentions.length) {
      append(body, h('h3', null, 'Cited in texts (' + d.mentions_total + ')'));
      append(body, list(d.mentions, function (m) {
        return [h('a', { href: '#', className: 'src', onclick: function (e) { e.preventDefault(); openSource(m.file, m.line, d.id); } }, m.file + ':' + m.line),
          ' ', h('span', { className: 'muted' }, '“' + m.surface + '” · ' + m.resolution), h('q', { className: 'q' }, m.sentence || '')];
      }, 10));
    }
  }

  function renderUnit(u) {
    var body = panel();
    append(body, h('h2', null, u.name));
    append(body, actions(u, '/units/'));
    append(body, dl([
      ['level', levelName(u.level)], ['province', u.province], ['kind', u.kind],
      ['part of', u.parent_unit ? u.parent_unit.name : null],
      ['in roster', u.in_roster ? 'yes' : 'no (named in a text only)'],
      ['existed', u.valid_from || u.valid_to ? (u.valid_from ? fmtDate(u.valid_from) : '…') + ' – ' + (u.valid_to ? fmtDate(u.valid_to) : '') : null],
      ['id', u.id]
    ]));
    if (u.issued && u.issued.length) {
      append(body, h('h3', null, 'Documents issued (' + u.issued.length + ')'));
      append(body, list(u.issued, function (r) { return [nodeLink(r.id, r.label), ' ', h('span', { className: 'muted' }, fmtDate(r.date))]; }));
    }
    if (u.carried_out_directives && u.carried_out_directives.length) {
      append(body, h('h3', null, 'Carried out (' + u.carried_out_directives.length + ')'));
      append(body, list(u.carried_out_directives, function (c) {
        return [relBadge(c.relation), nodeLink(c.directive.id, c.directive.label),
          c.document ? [' through ', nodeLink(c.document, c.document_label)] : ' (activity)', ' ',
          h('span', { className: 'muted' }, [fmtDate(c.date), c.lag_days != null ? days(c.lag_days) + ' the directive' : ''].filter(Boolean).join(' · ')),
          evidence(c.evidence)];
      }));
    }
    if (u.children && u.children.length) {
      append(body, h('h3', null, 'Units under it (' + u.children.length + ')'));
      append(body, list(u.children, function (c) { return S.byId.has(c.id) ? nodeLink(c.id, c.name) : c.name; }, 15));
    }
  }

  function showGroup(gid) {
    var g = S.drawn.groups.get(gid);
    if (!g) return;
    var body = panel();
    var name = g.by === 'level' ? levelName(g.key) : g.key;
    append(body, h('h2', null, name), h('p', { className: 'muted' }, g.members.length + ' nodes grouped by ' + g.by));
    append(body, h('div', { className: 'actions' }, h('a', { href: '#', onclick: function (e) { e.preventDefault(); expandGroup(gid); } }, 'expand this group')));
    var counts = {};
    g.members.forEach(function (m) { var k = m.kind === 'unit' ? 'units' : m.type; counts[k] = (counts[k] || 0) + 1; });
    append(body, dl(Object.keys(counts).sort().map(function (k) { return [k, String(counts[k])]; })));
    append(body, h('h3', null, 'Members'));
    var ms = g.members.slice().sort(function (a, b) { return (LEVEL_RANK[a.level] || 9) - (LEVEL_RANK[b.level] || 9) || String(a.date || '9').localeCompare(String(b.date || '9')); });
    append(body, list(ms, function (m) { return [nodeLink(m.id, m.name), ' ', h('span', { className: 'muted' }, [fmtDate(m.date), m.unit !== m.name ? m.unit : ''].filter(Boolean).join(' · '))]; }, 40));
  }

  function showEdge(eid) {
    var body = panel();
    var e = S.drawn.edges.filter(function (x) { return x.id === eid; })[0];
    if (!e) return;
    var items = e.items ? e.items.map(function (i) { return S.view.edges.filter(function (x) { return x.id === i; })[0]; }) : [e];
    append(body, h('h2', null, e.relation + (items.length > 1 ? ' ×' + items.length : '')));
    append(body, list(items, function (x) {
      var a = S.byId.get(x.from), b = S.byId.get(x.to);
      return [nodeLink(x.from, a ? a.name : x.from), ' → ', nodeLink(x.to, b ? b.name : x.to), ' ',
        h('span', { className: 'muted' }, 'confidence ' + x.confidence), evidence(x.evidence)];
    }, 30));
  }

  // --- the source view -------------------------------------------------------------------------------

  function openSource(file, line, current) {
    var box = $('source'), text = $('source-text');
    $('source-title').textContent = file;
    $('source-meta').textContent = 'loading…';
    clear(text);
    box.hidden = false;
    var got = OFFLINE ? (DATA.sources[file] ? Promise.resolve(DATA.sources[file]) : Promise.reject(new Error('The text of ' + file + ' is not included in this file.')))
      : fetchJSON(pathUrl('/viz/source/', file));
    return got.then(function (src) { renderSource(src, line, current || S.selected); })
      .catch(function (e) { $('source-meta').textContent = ''; append(text, h('p', { className: 'warn' }, e.message)); });
  }

  function renderSource(src, line, current) {
    var box = $('source-text');
    $('source-meta').textContent = [src.lines + ' lines', src.mentions.length + ' citations of ' + src.documents + ' documents',
      src.author ? 'by ' + src.author : '', src.province || ''].filter(Boolean).join(' · ');
    var text = src.text || '', segs = [], pos = 0;
    if (!text) { append(box, h('p', { className: 'warn' }, 'The text of this file is not kept in the store.')); return; }
    src.mentions.forEach(function (m) {
      if (m.start < pos) return;
      if (m.start > pos) segs.push([pos, m.start, null]);
      segs.push([m.start, m.end, m]);
      pos = m.end;
    });
    if (pos < text.length) segs.push([pos, text.length, null]);
    var no = 1, frag = document.createDocumentFragment(), cur;
    function row(n) {
      var r = h('div', { className: 'row', id: 'L' + n }, h('span', { className: 'no' }, String(n)), h('span', { className: 'tx' }));
      frag.appendChild(r);
      return r.lastChild;
    }
    cur = row(1);
    segs.forEach(function (s) {
      text.slice(s[0], s[1]).split('\n').forEach(function (part, i) {
        if (i > 0) { no += 1; cur = row(no); }
        if (!part) return;
        cur.appendChild(s[2] ? citation(s[2], part, current) : document.createTextNode(part));
      });
    });
    box.appendChild(frag);
    var target = line && document.getElementById('L' + line);
    if (target) { target.classList.add('hit'); target.scrollIntoView({ block: 'center' }); }
  }

  function citation(m, part, current) {
    var res = String(m.resolution || '').replace(/[^a-z-]/g, '');
    var cls = 'cite res-' + res + (m.document && m.document === current ? ' current' : '');
    var title = m.document ? '→ ' + (m.label || m.document) + ' (' + m.resolution + ')'
      : m.candidates.length ? 'ambiguous: ' + m.candidates.map(function (c) { return c.label + ' [' + c.id + ']'; }).join(' | ') : 'not resolved to a known document';
    if (!m.document) return h('mark', { className: cls, title: title }, part);
    return h('a', { href: '#', className: cls, title: title, 'data-doc': m.document,
      onclick: function (e) { e.preventDefault(); closeSource(); go(m.document); } }, part);
  }

  function closeSource() { $('source').hidden = true; }

  // --- search -------------------------------------------------------------------------------------------

  var results = [], active = -1;

  function localSearch(q) {
    var words = fold(q).split(' ').filter(Boolean);
    var out = [];
    S.view.nodes.forEach(function (n) {
      var hay = fold([n.name, n.label, n.id, n.unit, n.type, n.province].join(' '));
      if (words.every(function (w) { return hay.indexOf(w) >= 0; })) out.push({ kind: n.kind, id: n.id, label: n.name, date: n.date, unit: n.unit, province: n.province });
    });
    out.sort(function (a, b) { return (a.kind === 'document' ? 0 : 1) - (b.kind === 'document' ? 0 : 1) || a.label.length - b.label.length; });
    return Promise.resolve({ items: out.slice(0, 15), suggestions: [] });
  }

  var runSearch = debounce(function (q) {
    if (fold(q).length < 2) { hideResults(); return; }
    var got = OFFLINE ? localSearch(q) : fetchJSON('/search?limit=12&q=' + encodeURIComponent(q));
    got.then(function (page) {
      if ($('q').value !== q) return;
      showResults(page.items || [], page.suggestions || []);
    }).catch(function (e) { showResults([], [], e.message); });
  }, 180);

  function showResults(items, suggestions, error) {
    var ul = clear($('results'));
    results = items.length ? items : suggestions;
    active = results.length ? 0 : -1;
    if (!items.length) append(ul, h('li', { className: 'none' }, error || (suggestions.length ? 'Nothing found. Did you mean:' : 'Nothing found.')));
    results.forEach(function (r, i) {
      var li = h('li', { role: 'option', className: i === active ? 'active' : '', onmousedown: function (e) { e.preventDefault(); choose(r); } },
        h('span', { className: 'kind' }, r.kind === 'unit' ? 'unit' : 'doc'), h('span', null, r.label),
        h('span', { className: 'sub' }, [fmtDate(r.date), r.unit !== r.label ? r.unit : '', r.province].filter(Boolean).join(' · ')));
      append(ul, li);
    });
    ul.hidden = false;
  }

  function hideResults() { $('results').hidden = true; results = []; active = -1; }

  function choose(r) {
    hideResults();
    $('q').blur();
    if (OFFLINE) { go(r.id); return; }
    load(r.id);
  }

  function moveActive(d) {
    var lis = $('results').querySelectorAll('li[role=option]');
    if (!lis.length) return;
    active = (active + d + lis.length) % lis.length;
    lis.forEach(function (li, i) { li.className = i === active ? 'active' : ''; });
  }

  // --- loading a view ------------------------------------------------------------------------------------

  function load(id, opts) {
    opts = opts || {};
    var t0 = performance.now();
    var params = new URLSearchParams();
    if (id) params.set('node', id);
    params.set('mode', S.mode);
    if (opts.depth) params.set('depth', opts.depth);
    setStatus('loading…');
    return fetchJSON('/viz/view?' + params.toString()).then(function (v) {
      setView(v, { t0: t0, keepFilters: opts.keepFilters, depth: opts.depth });
      if (id && !opts.noHistory) history.replaceState(null, '', '?' + new URLSearchParams({ node: v.center || '' }).toString());
    }).catch(function (e) {
      setStatus('');
      var sug = (e.body && (e.body.suggestions || e.body.candidates)) || [];
      showEmpty(e.message, sug);
    });
  }

  function showEmpty(message, suggestions) {
    var box = clear($('empty'));
    append(box, h('p', null, message));
    if (suggestions && suggestions.length) {
      var ul = h('ul');
      suggestions.forEach(function (s) {
        var id = typeof s === 'string' ? s : s.id, label = typeof s === 'string' ? s : (s.label || s.id);
        append(ul, h('li', null, h('a', { href: '#', onclick: function (e) { e.preventDefault(); load(id); } }, label)));
      });
      append(box, ul);
    }
    box.hidden = false;
  }

  function setView(v, opts) {
    opts = opts || {};
    S.view = v;
    S.byId = new Map(v.nodes.map(function (n) { return [n.id, n]; }));
    S.expanded = new Set();
    S.path = null;
    S.picked = null;
    S.details = new Map();
    var loaded = v.depth == null ? 6 : v.depth;
    S.depth = Math.min(opts.depth || loaded, loaded);
    if (!opts.keepFilters) S.filters = { province: '', level: '', type: '', relation: '', from: '', to: '' };
    fillControls();
    renderLegend();
    var c = v.center ? S.byId.get(v.center) : null;
    $('title').textContent = c ? c.name + (c.kind === 'document' && c.date ? ' · ' + fmtDate(c.date) : '') + (c.unit && c.unit !== c.name ? ' · ' + c.unit : '') : 'The whole graph';
    document.title = (c ? c.name + ' — ' : '') + 'directives';
    var ex = $('export');
    if (!OFFLINE && v.center) { ex.hidden = false; ex.href = '/viz/export?' + new URLSearchParams({ node: v.center, mode: S.mode }).toString(); }
    $('empty').hidden = true;
    draw({ t0: opts.t0 });
    if (v.center) { S.selected = v.center; showNode(v.center); }
  }

  function options(select, values, current, labels) {
    var keep = select.options[0];
    clear(select);
    select.appendChild(keep);
    values.forEach(function (v) { select.appendChild(h('option', { value: v }, labels ? labels(v) : v)); });
    select.value = values.indexOf(current) >= 0 ? current : '';
  }

  function fillControls() {
    var v = S.view, prov = new Set(), lev = new Set(), typ = new Set(), rel = new Set(), dates = [];
    v.nodes.forEach(function (n) {
      if (n.province) prov.add(n.province);
      if (n.level) lev.add(n.level);
      if (n.type) typ.add(n.type);
      if (n.date) dates.push(n.date);
    });
    v.edges.forEach(function (e) { if (e.relation !== 'issued') rel.add(e.relation); });
    var coll = new Intl.Collator('vi');
    options($('f-province'), Array.from(prov).sort(coll.compare), S.filters.province);
    options($('f-level'), Array.from(lev).sort(function (a, b) { return LEVEL_RANK[a] - LEVEL_RANK[b]; }), S.filters.level, levelName);
    options($('f-type'), Array.from(typ).sort(coll.compare), S.filters.type);
    options($('f-relation'), Array.from(rel).sort(), S.filters.relation);
    dates.sort();
    ['f-from', 'f-to'].forEach(function (id) { $(id).min = dates[0] || ''; $(id).max = dates[dates.length - 1] || ''; });
    $('f-from').value = S.filters.from; $('f-to').value = S.filters.to;
    var depth = $('depth'), maxHop = 0;
    v.nodes.forEach(function (n) { maxHop = Math.max(maxHop, n.hop || 0); });
    clear(depth);
    var top = OFFLINE ? Math.max(1, maxHop) : 6;
    for (var i = 1; i <= top; i++) depth.appendChild(h('option', { value: String(i) }, String(i) + (i === maxHop ? ' (all)' : '')));
    depth.value = String(Math.min(S.depth, top));
    $('mode').value = v.mode === 'neighbourhood' ? 'neighbourhood' : 'auto';
    $('mode').disabled = OFFLINE;
    var hasTime = !!(v.timeline && v.timeline.origin);
    var tl = document.querySelector('input[name=layout][value=timeline]');
    tl.disabled = !hasTime;
    tl.parentNode.className = hasTime ? '' : 'disabled';
    tl.parentNode.title = hasTime ? 'documents by date after the centre document' : 'fewer than two dated documents';
    if (!hasTime && S.layout === 'timeline') S.layout = 'tree';
    document.querySelector('input[name=layout][value=' + S.layout + ']').checked = true;
  }

  var legendDone = false;
  function renderLegend() {
    if (legendDone || !S.view) return;
    legendDone = true;
    var box = clear($('legend')), L = S.view.legend;
    append(box, h('h3', null, 'Level (colour)'));
    L.levels.forEach(function (l) {
      append(box, h('div', { className: 'item' }, h('span', { className: 'sw', style: { backgroundColor: l.colour } }),
        h('span', null, l.label + ' ', h('span', { className: 'vi' }, l.vi))));
    });
    append(box, h('h3', null, 'Type (shape)'));
    L.shapes.forEach(function (s) {
      var cls = s.kind === 'directive' ? 'box' : s.kind === 'plan' ? 'plan' : s.kind === 'other' ? 'other' : s.kind === 'unit' ? 'dot' : 'group';
      append(box, h('div', { className: 'item' }, h('span', { className: 'sw ' + cls }), h('span', null, s.label)));
    });
    append(box, h('h3', null, 'Relation (edge)'));
    L.relations.forEach(function (r) {
      append(box, h('div', { className: 'item' }, h('span', { className: 'ln', style: { borderTopColor: r.colour, borderTopStyle: r.dashes ? 'dashed' : 'solid', borderTopWidth: Math.max(1, r.width) + 'px' } }),
        h('span', null, r.relation + ' ', h('span', { className: 'vi' }, r.vi))));
    });
  }

  // --- controls --------------------------------------------------------------------------------------------

  function wire() {
    var q = $('q');
    q.addEventListener('input', function () { runSearch(q.value); });
    q.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); moveActive(1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); moveActive(-1); }
      else if (e.key === 'Escape') hideResults();
      else if (e.key === 'Enter') { e.preventDefault(); if (results[active]) choose(results[active]); else runSearch(q.value); }
    });
    q.addEventListener('blur', function () { setTimeout(hideResults, 150); });
    document.querySelectorAll('input[name=layout]').forEach(function (r) {
      r.addEventListener('change', function () { if (r.checked) { S.layout = r.value; draw(); } });
    });
    $('mode').addEventListener('change', function () { S.mode = $('mode').value; if (S.view && S.view.center) load(S.view.center, { keepFilters: true }); });
    $('depth').addEventListener('change', function () {
      var d = parseInt($('depth').value, 10);
      if (!OFFLINE && S.view.depth != null && d > S.view.depth) { load(S.view.center, { depth: d, keepFilters: true }); return; }
      S.depth = d;
      draw();
    });
    $('group').addEventListener('change', function () { S.group = $('group').value; S.expanded = new Set(); draw(); });
    $('units').addEventListener('change', function () { S.units = $('units').checked; draw(); });
    $('collapse').addEventListener('click', function () { S.expanded = new Set(); draw(); });
    [['f-province', 'province'], ['f-level', 'level'], ['f-type', 'type'], ['f-relation', 'relation'], ['f-from', 'from'], ['f-to', 'to']].forEach(function (p) {
      $(p[0]).addEventListener('change', function () { S.filters[p[1]] = $(p[0]).value; draw(); });
    });
    $('reset').addEventListener('click', function () {
      S.filters = { province: '', level: '', type: '', relation: '', from: '', to: '' };
      fillControls();
      draw();
    });
    $('source-close').addEventListener('click', closeSource);
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape') closeSource(); });
    if (!OFFLINE) $('api-docs').hidden = false;
  }

  function start() {
    wire();
    if (OFFLINE) { setView(DATA.view, {}); return; }
    var node = new URLSearchParams(location.search).get('node') || cfg.node;
    if (node) { load(node, { noHistory: true }); return; }
    fetchJSON('/stats').then(function (st) {  // no document asked: the most implemented directive
      var top = (st.most_implemented || [])[0];
      if (top) { load(top.id, { noHistory: true }); return; }
      if (st.documents) { load(null, { noHistory: true }); return; }  // nothing implemented yet: the whole graph
      showEmpty('The store is empty: ingest texts with `directives ingest PATH`.', []);
    }).catch(function (e) { showEmpty(e.message, []); });
  }

  start();
})();
