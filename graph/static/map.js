/* geokg map: draws the graph in #geokg-data with vis-network.
 *
 * Rule: graph and article text only ever enter the page through textContent,
 * DOM properties and canvas labels. No markup is built from strings here,
 * and vis-network's own HTML `title` tooltips are not used.
 *
 * Every lookup keyed by data (actor ids, types, search keys) goes through a
 * Map or a Set, never a plain object: an actor may be called "constructor"
 * or "__proto__". (graph.render also keeps such ids away from vis-network,
 * which stores its nodes in plain objects.)
 */
(function () {
  "use strict";

  var timings = { script: performance.now() };
  var DATA = JSON.parse(document.getElementById("geokg-data").textContent);
  timings.data = performance.now();

  var SVG = "http://www.w3.org/2000/svg"; // a namespace name, never fetched
  var byId = function (id) { return document.getElementById(id); };
  var container = byId("network");
  var statusEl = byId("status");
  var tooltip = byId("tooltip");
  var details = byId("details");
  var detailsBody = byId("details-body");
  var physicsBox = byId("physics");

  // ---- small DOM helpers (text only) ----------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svgEl(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }
  function row(dl, term, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el("dt", null, term));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = Array.isArray(value) ? value.join("、") : String(value);
    dl.appendChild(dd);
  }
  function clip(s, n) { s = String(s || ""); return s.length > n ? s.slice(0, n - 1) + "…" : s; }
  function fmt(x) { return x === null || x === undefined ? "" : (Math.round(x * 100) / 100).toString(); }
  function setStatus(text, warn) { statusEl.textContent = text; statusEl.classList.toggle("warn", !!warn); }

  // ---- data -------------------------------------------------------------
  var nodeById = new Map();
  DATA.nodes.forEach(function (n) { nodeById.set(n.id, n); });
  var edgeById = new Map();
  var incident = new Map(); // node id -> [edge ids]
  DATA.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    [e.from, e.to].forEach(function (n, i) {
      if (i === 1 && e.to === e.from) return;
      if (!incident.has(n)) incident.set(n, []);
      incident.get(n).push(e.id);
    });
  });
  var relStyle = new Map(DATA.legend.relations.map(function (r) { return [r.value, r]; }));
  function nameOf(id) { var n = nodeById.get(id); return n ? n.name : String(id); }
  function shownId(n) { return n.actor !== undefined ? n.actor : n.id; }

  // Isolated actors (in no relation) are hidden until the toggle shows them.
  // vis-network's `hidden` keeps them in the layout, so they appear where it put them.
  var isolatedIds = DATA.nodes.filter(function (n) { return n.degree === 0 && n.hidden !== true; })
    .map(function (n) { return n.id; });
  var isolatedSet = new Set(isolatedIds);
  isolatedIds.forEach(function (id) { nodeById.get(id).hidden = true; });

  var filters = {
    actor: new Set(DATA.legend.actors.map(function (a) { return a.value; })),
    relation: new Set(DATA.legend.relations.map(function (r) { return r.value; })),
    modality: new Set(DATA.legend.modalities.map(function (m) { return m.value; })),
    isolated: false,
  };
  function nodeShown(id) { var n = nodeById.get(id); return !!n && filters.actor.has(n.type); }
  function edgeShown(e) {
    return filters.relation.has(e.type) && filters.modality.has(e.modality) && nodeShown(e.from) && nodeShown(e.to);
  }

  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return filters.actor.has(n.type); } });
  var edgesView = new vis.DataView(edges, { filter: edgeShown });

  // ---- the network ---------------------------------------------------------
  if (DATA.background && DATA.background.toLowerCase() !== "#ffffff") container.style.background = DATA.background;
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, DATA.options);
  timings.network = performance.now();

  var api = {
    nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView, network: network,
    filters: filters, timings: timings, ready: false,
  };
  window.geokg = api;

  function visibleCount() {
    var hidden = 0;
    nodesView.getIds().forEach(function (id) { if (nodes.get(id).hidden === true) hidden += 1; });
    return nodesView.length - hidden;
  }
  function counts() {
    var shown = visibleCount();
    return shown + " actors · " + edgesView.length + " relations" +
      (edgesView.length < edges.length || shown < nodes.length
        ? " (of " + nodes.length + " · " + edges.length + ")" : "");
  }

  function markReady() {
    requestAnimationFrame(function () {
      timings.stable = performance.now();
      api.ready = true;
      document.body.setAttribute("data-ready", "1");
      setStatus(DATA.nodes.length ? counts() : "The graph is empty.");
    });
  }
  // A Network whose physics or stabilisation was switched off (the pyvis way)
  // never stabilises: it is ready once drawn.
  var physicsOpt = DATA.options && DATA.options.physics;
  var physicsOn = !(physicsOpt === false || (physicsOpt && physicsOpt.enabled === false));
  var stabOpt = physicsOpt && physicsOpt.stabilization;
  var stabilising = physicsOn && !(stabOpt === false || (stabOpt && stabOpt.enabled === false));
  physicsBox.checked = physicsOn && !stabilising;
  if (!DATA.nodes.length) {
    setStatus("The graph is empty.");
    markReady();
  } else if (stabilising) {
    setStatus("Laying out…");
    network.on("stabilizationProgress", function (p) {
      setStatus("Laying out… " + Math.round((100 * p.iterations) / Math.max(p.total, 1)) + "%");
    });
    network.once("stabilizationIterationsDone", function () {
      // Freeze: the layout is done; physics would only make the map drift.
      network.setOptions({ physics: { enabled: false } });
      physicsBox.checked = false;
      markReady();
    });
  } else {
    network.once("afterDrawing", markReady);
    network.redraw();
  }
  physicsBox.addEventListener("change", function () {
    network.setOptions({ physics: { enabled: physicsBox.checked } });
  });
  byId("fit").addEventListener("click", function () { network.fit(); });

  // ---- legend and filters -------------------------------------------------
  function actorSwatch(a) {
    var s = svgEl("svg", { width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true" });
    var paint = { fill: a.color, stroke: a.border, "stroke-width": 1.2 };
    var shape;
    if (a.shape === "diamond") shape = svgEl("polygon", Object.assign({ points: "8,1 15,8 8,15 1,8" }, paint));
    else if (a.shape === "square") shape = svgEl("rect", Object.assign({ x: 2, y: 2, width: 12, height: 12 }, paint));
    else if (a.shape === "hexagon") shape = svgEl("polygon", Object.assign({ points: "4.5,2 11.5,2 15,8 11.5,14 4.5,14 1,8" }, paint));
    else shape = svgEl("circle", Object.assign({ cx: 8, cy: 8, r: 6.5 }, paint));
    s.appendChild(shape);
    return s;
  }
  function lineSwatch(color, dashes, arrow) {
    var s = svgEl("svg", { width: 30, height: 12, viewBox: "0 0 30 12", "aria-hidden": "true" });
    var line = svgEl("line", { x1: 1, y1: 6, x2: arrow ? 22 : 29, y2: 6, stroke: color, "stroke-width": 2.5 });
    if (dashes && dashes.length) line.setAttribute("stroke-dasharray", dashes.map(function (d) { return d / 2; }).join(" "));
    s.appendChild(line);
    if (arrow) s.appendChild(svgEl("polygon", { points: "21,1.5 29,6 21,10.5", fill: color }));
    return s;
  }
  var boxes = { actor: [], relation: [], modality: [] };
  function filterRow(kind, item, swatch, text, parent) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-filter", kind);
    box.setAttribute("data-value", item.value);
    box.addEventListener("change", function () {
      if (box.checked) filters[kind].add(item.value); else filters[kind].delete(item.value);
      label.classList.toggle("off", !box.checked);
      applyFilters();
    });
    boxes[kind].push(box);
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el("span", "name", text));
    label.appendChild(el("span", "count", item.count));
    parent.appendChild(label);
  }
  DATA.legend.actors.forEach(function (a) {
    filterRow("actor", a, actorSwatch(a), a.text === "other" ? a.value : a.text, byId("legend-actors"));
  });
  DATA.legend.relations.forEach(function (r) {
    filterRow("relation", r, lineSwatch(r.color, [], r.arrows), r.text, byId("legend-relations"));
  });
  DATA.legend.modalities.forEach(function (m) {
    filterRow("modality", m, lineSwatch("#555", m.dashes, false), m.value, byId("legend-modalities"));
  });
  var isolatedBox = null;
  if (isolatedIds.length) {
    var isoLabel = el("label", "isolated off");
    isolatedBox = el("input");
    isolatedBox.type = "checkbox";
    isolatedBox.checked = false;
    isolatedBox.id = "isolated";
    isolatedBox.setAttribute("data-filter", "isolated");
    isolatedBox.addEventListener("change", function () { showIsolated(isolatedBox.checked); });
    isoLabel.appendChild(isolatedBox);
    isoLabel.appendChild(el("span", "name", "isolated actors"));
    isoLabel.appendChild(el("span", "count", isolatedIds.length));
    byId("legend-actors").appendChild(isoLabel);
  }
  function showIsolated(on) {
    filters.isolated = !!on;
    if (isolatedBox) {
      isolatedBox.checked = filters.isolated;
      isolatedBox.parentNode.classList.toggle("off", !filters.isolated);
    }
    nodes.update(isolatedIds.map(function (id) { return { id: id, hidden: !filters.isolated }; }));
    if (api.ready) setStatus(counts());
  }
  function setAll(kind, on) {
    boxes[kind].forEach(function (box) {
      box.checked = on;
      box.parentNode.classList.toggle("off", !on);
      var v = box.getAttribute("data-value");
      if (on) filters[kind].add(v); else filters[kind].delete(v);
    });
    applyFilters();
  }
  document.querySelectorAll("[data-all]").forEach(function (b) {
    b.addEventListener("click", function () { setAll(b.getAttribute("data-all"), true); });
  });
  document.querySelectorAll("[data-none]").forEach(function (b) {
    b.addEventListener("click", function () { setAll(b.getAttribute("data-none"), false); });
  });
  function applyFilters() {
    // Keep every node where it is drawn: a node that leaves the view and comes
    // back is rebuilt from its DataSet item, so the item must hold x and y.
    // (network.storePositions() would throw on the nodes already filtered out.)
    var ids = nodesView.getIds();
    var pos = network.getPositions(ids);
    nodes.update(ids.filter(function (id) { return Object.prototype.hasOwnProperty.call(pos, id); })
      .map(function (id) { return { id: id, x: pos[id].x, y: pos[id].y }; }));
    nodesView.refresh();
    edgesView.refresh();
    hideTooltip();
    if (api.ready) setStatus(counts());
  }

  // ---- hover: a short summary -----------------------------------------------
  var pointer = { x: 0, y: 0 };
  container.addEventListener("mousemove", function (ev) {
    pointer.x = ev.clientX; pointer.y = ev.clientY;
    if (!tooltip.hidden) placeTooltip();
  });
  function placeTooltip() {
    var w = tooltip.offsetWidth, h = tooltip.offsetHeight;
    var x = pointer.x + 14, y = pointer.y + 14;
    if (x + w > window.innerWidth - 4) x = Math.max(4, pointer.x - w - 14);
    if (y + h > window.innerHeight - 4) y = Math.max(4, pointer.y - h - 14);
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }
  function showTooltip(parts) {
    tooltip.replaceChildren.apply(tooltip, parts);
    tooltip.hidden = false;
    placeTooltip();
  }
  function hideTooltip() { tooltip.hidden = true; }
  function arrowText(e) { return e.symmetric ? " ↔ " : " → "; }
  function relText(e) { var r = relStyle.get(e.type); return r ? r.text : e.type; }
  function timeText(e) {
    if (e.when) return e.when;
    if (!e.first_time) return "";
    return e.first_time === e.last_time || !e.last_time ? e.first_time : e.first_time + " – " + e.last_time;
  }

  function nodeSummary(id) {
    var n = nodeById.get(id);
    var out = [el("div", "tt-head", n.name)];
    out.push(el("div", "tt-line", n.type + (n.role ? " · " + n.role : "") + " · " + n.degree + " relations · " + n.mentions + " mentions"));
    var aliases = n.aliases.filter(function (a) { return a !== n.name; });
    if (aliases.length) out.push(el("div", "tt-line", "aka " + clip(aliases.join("、"), 120)));
    if (n.note) out.push(el("div", "tt-quote", clip(n.note, 300)));
    return out;
  }
  function edgeSummary(id) {
    var e = edgeById.get(id);
    var out = [el("div", "tt-head", nameOf(e.from) + arrowText(e) + nameOf(e.to))];
    out.push(el("div", "tt-line", [relText(e), e.predicates.join("、"), e.modality, timeText(e)].filter(Boolean).join(" · ")));
    if (e.evidence.length) {
      out.push(el("div", "tt-quote", "「" + clip(e.evidence[0].sentence, 140) + "」"));
      out.push(el("div", "tt-line", e.evidence[0].doc + (e.evidence.length > 1 ? "  (+" + (e.evidence.length - 1) + " more; click)" : "")));
    }
    if (e.note) out.push(el("div", "tt-quote", clip(e.note, 300)));
    return out;
  }
  network.on("hoverNode", function (p) { showTooltip(nodeSummary(p.node)); });
  network.on("hoverEdge", function (p) { showTooltip(edgeSummary(p.edge)); });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);

  // ---- the details panel: it lies over the right of the canvas -------------
  // The canvas keeps its size (and so its scale) when the panel opens; what
  // was clicked is moved out from under the panel instead.
  function panelCover() {
    if (details.hidden) return 0;
    var c = container.getBoundingClientRect(), d = details.getBoundingClientRect();
    return Math.max(0, Math.min(c.right, d.right) - Math.max(c.left, d.left));
  }
  // Move the view sideways (never zoom) so that the first of these groups of
  // nodes that fits in the free part is all in it: the whole map, else what
  // was clicked with its neighbours, else what was clicked.
  function keepInView(groups) {
    var cover = panelCover();
    if (!cover) return;
    var width = container.clientWidth - cover, margin = 40, dx = 0;
    for (var g = 0; g < groups.length; g++) {
      var pos = network.getPositions(groups[g]);
      var xs = groups[g].filter(function (id) { return Object.prototype.hasOwnProperty.call(pos, id); })
        .map(function (id) { return network.canvasToDOM(pos[id]).x; });
      if (!xs.length) continue;
      var lo = Math.min.apply(null, xs), hi = Math.max.apply(null, xs);
      if (hi - lo <= width - 2 * margin) {
        if (hi > width - margin) dx = hi - (width - margin);
        else if (lo < margin) dx = lo - margin;
        break;
      }
      if (g === groups.length - 1 && (xs[0] > width - margin || xs[0] < margin)) dx = xs[0] - width / 2;
    }
    if (!dx) return;
    var centre = network.getViewPosition(), scale = network.getScale();
    network.moveTo({ position: { x: centre.x + dx / scale, y: centre.y }, scale: scale });
  }
  function drawnIds() { return Object.keys(network.getPositions()); } // the nodes drawn now (ids are never prototype names)

  // ---- click: the full record --------------------------------------------
  function actorLink(id, text) {
    var b = el("button", "rel-link", text);
    b.type = "button";
    b.addEventListener("click", function () { focusNode(id); });
    return b;
  }
  function showNode(id, pan) {
    var n = nodeById.get(id);
    if (!n) return;
    var body = [el("h3", null, n.name)];
    var dl = el("dl");
    row(dl, "id", shownId(n));
    row(dl, "type", n.type);
    row(dl, "role", n.role);
    row(dl, "aliases", n.aliases);
    row(dl, "mentions", n.mentions);
    row(dl, "relations", n.degree);
    row(dl, "documents", n.docs);
    row(dl, "note", n.note);
    body.push(dl);
    var ids = incident.get(id) || [];
    body.push(el("h4", null, "Relations (" + ids.length + ")"));
    var ul = el("ul");
    var near = [id];
    ids.forEach(function (eid) {
      var e = edgeById.get(eid);
      var arrow = e.symmetric ? " ↔ " : " → ";
      var li = el("li");
      var b = el("button", "rel-link", nameOf(e.from) + arrow + relText(e) + arrow + nameOf(e.to));
      b.type = "button";
      b.addEventListener("click", function () { selectEdge(eid); });
      li.appendChild(swatch(e.type));
      li.appendChild(b);
      li.appendChild(el("div", "meta", [e.predicates.join("、"), e.modality, timeText(e), e.count + "×"].filter(Boolean).join(" · ")));
      ul.appendChild(li);
      near.push(e.from === id ? e.to : e.from);
    });
    body.push(ul);
    openDetails(body);
    if (pan !== false) keepInView([drawnIds(), near, [id]]);
  }
  function swatch(type) {
    var s = el("span", "swatch");
    var r = relStyle.get(type);
    s.style.background = r ? r.color : "#999";
    return s;
  }
  function mentionText(e, ev) {
    // A compound (ロ朝 for both Russia and North Korea) is shown as the actors' names.
    var s = ev.source_compound ? nameOf(e.from) : ev.source_mention;
    var t = ev.target_compound ? nameOf(e.to) : ev.target_mention;
    var written = [];
    [ev.source_compound && ev.source_mention, ev.target_compound && ev.target_mention].forEach(function (m) {
      if (m && written.indexOf(m) < 0) written.push(m);
    });
    return "mentions: " + s + arrowText(e) + t + (written.length ? " (written 「" + written.join("」「") + "」)" : "");
  }
  function showEdge(id) {
    var e = edgeById.get(id);
    if (!e) return;
    var h = el("h3");
    h.appendChild(actorLink(e.from, nameOf(e.from)));
    h.appendChild(document.createTextNode(arrowText(e)));
    h.appendChild(actorLink(e.to, nameOf(e.to)));
    var dl = el("dl");
    var rel = el("span");
    rel.appendChild(swatch(e.type));
    rel.appendChild(document.createTextNode(relText(e) + (e.symmetric ? " (symmetric)" : "")));
    row(dl, "relation", rel);
    row(dl, "predicate", e.predicates);
    row(dl, "modality", e.modality);
    row(dl, "time", timeText(e) || (e.evidence.length ? "undated" : ""));
    row(dl, "evidence", e.count);
    row(dl, "confidence", fmt(e.confidence));
    row(dl, "CAMEO", e.cameo);
    row(dl, "Goldstein", fmt(e.goldstein));
    row(dl, "documents", e.docs);
    row(dl, "note", e.note);
    var body = [h, dl, el("h4", null, "Evidence (" + e.evidence.length + ")")];
    var ol = el("ol");
    e.evidence.forEach(function (ev) {
      var li = el("li");
      li.appendChild(el("p", "sentence", ev.sentence));
      var where = ev.doc + (ev.sentence_index !== null && ev.sentence_index !== undefined ? " #" + ev.sentence_index : "");
      li.appendChild(el("div", "meta", [where, ev.predicate, ev.modality, ev.time, ev.confidence === null ? "" : "conf " + fmt(ev.confidence)].filter(Boolean).join(" · ")));
      if (ev.source_mention || ev.target_mention) li.appendChild(el("div", "meta mentions", mentionText(e, ev)));
      ol.appendChild(li);
    });
    body.push(ol);
    openDetails(body);
    keepInView([drawnIds(), [e.from, e.to]]);
  }
  function openDetails(children) {
    detailsBody.replaceChildren.apply(detailsBody, children);
    details.hidden = false;
    details.scrollTop = 0;
  }
  function closeDetails() { details.hidden = true; detailsBody.replaceChildren(); }
  byId("details-close").addEventListener("click", function () { closeDetails(); network.unselectAll(); });
  network.on("click", function (p) {
    hideTooltip();
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
    else closeDetails();
  });
  function selectEdge(eid) {
    if (edgesView.get(eid)) network.selectEdges([eid]);
    showEdge(eid);
  }

  // ---- search: the names graph.render.search_keys lists for each actor ------
  // queryKey, stripTitles and looseRomaji follow graph.render.query_key,
  // graph.query._strip_titles and extract.normalize.loose_romaji (for Latin
  // letters); the tests compare them with the Python in Chromium.
  var SPACE = /[\s\x1c-\x1f\x85\u180e\u200b\ufeff]+/g;
  // Python's str.strip(): its white space, which is not quite JavaScript's trim().
  var PY_STRIP = /^[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
  var TITLES = DATA.search.titles;
  var LOOSE = DATA.search.loose;
  function queryKey(s) { return String(s).normalize("NFKC").replace(SPACE, "").toLowerCase(); }
  function stripTitles(name) {
    var text = String(name).replace(/[(（][^)）]*[)）]/g, "").replace(PY_STRIP, "");
    var changed = true;
    while (changed) {
      changed = false;
      for (var i = 0; i < TITLES.length; i++) {
        var w = TITLES[i];
        if (text.length > w.length && text.slice(-w.length) === w) {
          text = text.slice(0, -w.length).replace(/[・･ 　]+$/, "");
          changed = true;
          break;
        }
      }
    }
    return text;
  }
  function looseRomaji(text) {
    var s = String(text).normalize("NFKC").toLowerCase();
    LOOSE.forEach(function (p) { s = s.split(p[0]).join(p[1]); });
    return s.replace(/[^a-z]|[aeiouyw]/g, "").replace(/(.)\1+/g, "$1");
  }
  var searchIndex = new Map(); // key -> [node ids]
  DATA.nodes.forEach(function (n) {
    n.keys.forEach(function (k) {
      if (!searchIndex.has(k)) searchIndex.set(k, []);
      searchIndex.get(k).push(n.id);
    });
  });
  var datalist = byId("actor-names");
  var names = new Set();
  DATA.nodes.forEach(function (n) {
    if (!names.has(n.name)) { names.add(n.name); var o = el("option"); o.value = n.name; datalist.appendChild(o); }
  });
  function ranked(ids) {
    return ids.slice().sort(function (a, b) {
      var d = nodeById.get(b).mentions - nodeById.get(a).mentions;
      return d || (a < b ? -1 : a > b ? 1 : 0);
    });
  }
  function plainKeys(n) { return n.keys.filter(function (k) { return k.charAt(0) !== "~"; }); }
  // The actors a query names, best first: the steps of graph.KnowledgeGraph.resolve.
  function findActors(query) {
    var q = queryKey(query);
    if (!q) return [];
    if (searchIndex.has(q)) return ranked(searchIndex.get(q));
    var bare = stripTitles(query), bq = queryKey(bare);
    if (bq && bq !== q && searchIndex.has(bq)) return ranked(searchIndex.get(bq));
    var key = bq || q;
    var hits = [];
    if (key.length >= 2) {
      DATA.nodes.forEach(function (n) {
        if (n.type === "person" && plainKeys(n).some(function (k) { return k.indexOf(key) === 0; })) hits.push(n.id);
      });
      if (hits.length) return ranked(hits);
    }
    var latin = (bare || String(query)).normalize("NFKC");
    if (/^[\x00-\x7f]+$/.test(latin)) {
      var r = "~" + looseRomaji(latin);
      if (r.length >= 3 && searchIndex.has(r)) return ranked(searchIndex.get(r));
    }
    DATA.nodes.forEach(function (n) {
      if (plainKeys(n).some(function (k) { return k.indexOf(q) >= 0; })) hits.push(n.id);
    });
    return ranked(hits);
  }
  function findActor(query) { var ids = findActors(query); return ids.length ? ids[0] : null; }
  function focusNode(id) {
    var n = nodeById.get(id);
    if (!n) return false;
    if (!filters.actor.has(n.type)) {
      boxes.actor.forEach(function (b) { if (b.getAttribute("data-value") === n.type) { b.checked = true; b.parentNode.classList.remove("off"); } });
      filters.actor.add(n.type);
      applyFilters();
    }
    if (isolatedSet.has(id) && !filters.isolated) showIsolated(true);
    network.selectNodes([id]);
    showNode(id, false);
    // Centre it in the part of the canvas the panel leaves free.
    network.focus(id, {
      scale: Math.max(network.getScale(), 1.2),
      offset: { x: -panelCover() / 2, y: 0 },
      animation: { duration: 400, easingFunction: "easeInOutQuad" },
    });
    return true;
  }
  byId("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = byId("search").value;
    var ids = findActors(q);
    if (!ids.length) { setStatus("No actor matches “" + q + "”", true); return; }
    focusNode(ids[0]);
    if (ids.length > 1) {
      setStatus("“" + q + "”: " + ids.length + " actors (" + clip(ids.map(nameOf).join("、"), 80) + "); showing " + nameOf(ids[0]));
    } else {
      setStatus(counts());
    }
  });

  api.showNode = showNode;
  api.showEdge = showEdge;
  api.focusNode = focusNode;
  api.findActor = findActor;
  api.findActors = findActors;
  api.showIsolated = showIsolated;
  api.queryKey = queryKey;
  api.stripTitles = stripTitles;
  api.looseRomaji = looseRomaji;
})();
