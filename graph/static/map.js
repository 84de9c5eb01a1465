/* geokg map, part 8 of 8: draws the graph in #geokg-data with vis-network and wires the parts.
 *
 * Rule: graph and article text only ever enter the page through textContent,
 * DOM properties and canvas labels. No markup is built from strings here,
 * and vis-network's own HTML `title` tooltips are not used.
 *
 * Every lookup keyed by data (actor ids, types, search keys) goes through a
 * Map or a Set, never a plain object: an actor may be called "constructor"
 * or "__proto__". (graph.render also keeps such ids away from vis-network,
 * which stores its nodes in plain objects.)
 *
 * The positions come from Python (graph.layout): a laid-out map opens still
 * and is ready at its first draw. A Network without positions (built by hand
 * in pyvis) is laid out here by vis-network's physics, as before.
 */

var timings = { script: performance.now() };
var DATA = JSON.parse(byId("geokg-data").textContent);
timings.data = performance.now();
var VIEW = DATA.view;
var container = byId("network");
var statusEl = byId("status");
var physicsBox = byId("physics");
function setStatus(text, warn) { statusEl.textContent = text; statusEl.classList.toggle("warn", !!warn); }

// ---- data -------------------------------------------------------------------
var nodeById = new Map();
DATA.nodes.forEach(function (n) {
  nodeById.set(n.id, n);
  // Labels outside the shape are drawn by the label layer (map-labels.js), not by vis-network.
  n.text = n.label;
  if (!n.shape) n.shape = (DATA.options.nodes && DATA.options.nodes.shape) || "ellipse";
  if (!LABEL_INSIDE.has(n.shape)) delete n.label;
  n.baseColor = n.color;
});
var relById = new Map();
var incident = new Map(); // node id -> [relation ids]
DATA.edges.forEach(function (e) {
  e.kind = "relation";
  e.baseColor = e.color;
  relById.set(e.id, e);
  [e.from, e.to].forEach(function (n, i) {
    if (i === 1 && e.to === e.from) return;
    if (!incident.has(n)) incident.set(n, []);
    incident.get(n).push(e.id);
  });
});
var relStyle = new Map(DATA.legend.relations.map(function (r) { return [r.value, r]; }));
var communityColor = new Map(DATA.legend.communities.map(function (c) { return [c.value, c.color]; }));

// Isolated actors (in no relation) are hidden until the toggle shows them.
// vis-network's `hidden` keeps them in the layout, so they appear where it put them.
var isolatedIds = DATA.nodes.filter(function (n) { return n.degree === 0 && n.hidden !== true; })
  .map(function (n) { return n.id; });
var isolatedSet = new Set(isolatedIds);
isolatedIds.forEach(function (id) { nodeById.get(id).hidden = true; });

var pairs = buildPairs(DATA.edges);
var pairById = new Map(pairs.map(function (p) { return [p.id, p]; }));
var filters = makeFilters(DATA, relById);
var mode = { pairs: true, colour: "type", size: "relations" };
var focus = { id: null, nodes: new Set(), edges: new Set() };
var fadedNodes = new Set(), fadedEdges = new Set();
readHash();
var shown = filters.compute(DATA.nodes);
var pairShown = new Set();
pairs.forEach(function (p) { var look = pairLook(p, relById, shown.relations, VIEW); setPairLook(p, look); });

timings.prepared = performance.now();
var nodes = new vis.DataSet(DATA.nodes);
var all = new vis.DataSet(DATA.edges.concat(pairs));
var edges = new vis.DataView(all, { filter: function (e) { return e.kind !== "pair"; } });
var pairsView = new vis.DataView(all, { filter: function (e) { return e.kind === "pair"; } });
var nodesView = new vis.DataView(nodes, { filter: function (n) { return shown.nodes.has(n.id); } });
var edgesView = new vis.DataView(all, {
  filter: function (e) { return e.kind === "pair" ? mode.pairs && pairShown.has(e.id) : !mode.pairs && shown.relations.has(e.id); },
});

timings.datasets = performance.now();

// ---- the network -------------------------------------------------------------
if (DATA.background && DATA.background.toLowerCase() !== "#ffffff") container.style.background = DATA.background;
var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, DATA.options);
timings.network = performance.now();
var fontFace = (DATA.options.nodes && DATA.options.nodes.font && DATA.options.nodes.font.face) || "sans-serif";
var labels = makeLabels(network, nodeById, { face: fontFace, sizes: VIEW.labels.sizes, min: VIEW.labels.min, movable: VIEW.labels.movable });
network.on("afterDrawing", function (ctx) {
  var first = focus.id !== null ? [focus.id].concat(Array.from(focus.nodes)) : [];
  labels.draw(ctx, shown.order, network.getSelectedNodes().concat(first), fadedNodes);
});

var app = {
  data: DATA, network: network, container: container, nodeById: nodeById, relById: relById, pairById: pairById,
  incident: incident, relStyle: relStyle, filters: filters, isolatedIds: isolatedIds,
  pairLook: function (p) { return pairLook(p, relById, shown.relations, VIEW); },
  evidenceShown: function (id) { return shown.relations.get(id) || 0; },
  communityText: function (n) {
    var c = DATA.legend.communities.filter(function (c) { return c.value === n.community; })[0];
    return c ? "#" + (c.value + 1) + " " + c.names.join("・") : String(n.community);
  },
  apply: apply, setTime: setTime, setTop: setTop, showIsolated: showIsolated,
  focusNode: focusNode, selectEdge: selectEdge,
};
var panels = makePanels(app);
var legend = makeLegend(app);
var search = makeSearch(DATA.nodes, nodeById, DATA.search);

var api = {
  nodes: nodes, edges: edges, pairs: pairsView, all: all, nodesView: nodesView, edgesView: edgesView,
  network: network, filters: filters.state, mode: mode, timings: timings, ready: false,
  labels: labels.placed, focused: function () { return focus.id; }, fitted: function () { return fitted; }, fit: fit,
  setPairs: setPairs, setColour: setColour, setSize: setSize, setTime: setTime, setTop: setTop,
  setCommunities: setCommunities, focus: setFocus, clearFocus: function () { setFocus(null); },
  showNode: panels.showNode, showEdge: panels.showEdge, showPair: panels.showPair, focusNode: focusNode,
  findActor: search.findActor, findActors: search.findActors, showIsolated: showIsolated,
  queryKey: search.queryKey, stripTitles: search.stripTitles, looseRomaji: search.looseRomaji,
};
window.geokg = api;

function visibleCount() {
  var hidden = 0;
  nodesView.getIds().forEach(function (id) { if (nodes.get(id).hidden === true) hidden += 1; });
  return nodesView.length - hidden;
}
function counts() {
  var n = visibleCount(), r = shown.relations.size;
  var text = n + " actors · " + r + " relations";
  if (r < relById.size || n < DATA.nodes.length) text += " (of " + DATA.nodes.length + " · " + relById.size + ")";
  if (mode.pairs) text += " · " + pairShown.size + " lines";
  if (focus.id !== null) text += " · focus: " + panels.nameOf(focus.id) + " (Esc clears)";
  return text;
}
function markReady() {
  requestAnimationFrame(function () {
    timings.stable = performance.now();
    api.ready = true;
    document.body.setAttribute("data-ready", "1");
    setStatus(DATA.nodes.length ? counts() : "The graph is empty.");
  });
}

// A laid-out map, or a Network whose physics or stabilisation was switched off (the pyvis
// way), never stabilises: it is ready once drawn.
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
  network.once("afterDrawing", function () { timings.firstDraw = performance.now(); markReady(); });
  network.redraw();
}
physicsBox.addEventListener("change", function () { network.setOptions({ physics: { enabled: physicsBox.checked } }); });
// "Fit" stays fit: until the user zooms or pans, a filter that changes what is drawn fits the view to it again.
var fitted = true;
network.on("zoom", function () { fitted = false; });
network.on("dragEnd", function (p) { if (!p.nodes.length) fitted = false; });
function fit() { network.fit(); fitted = true; }
byId("fit").addEventListener("click", fit);
byId("unfocus").addEventListener("click", function () { setFocus(null); });
document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") setFocus(null); });
byId("pairs").checked = mode.pairs;
byId("pairs").addEventListener("change", function () { setPairs(byId("pairs").checked); });
byId("colour-mode").value = mode.colour;
byId("colour-mode").addEventListener("change", function () { setColour(byId("colour-mode").value); });
byId("size-mode").value = mode.size;
byId("size-mode").addEventListener("change", function () { setSize(byId("size-mode").value); });
if (mode.colour !== "type") setColour(mode.colour);
if (mode.size !== "relations") setSize(mode.size);
syncControls();

// ---- what the filters leave ------------------------------------------------------
function setPairLook(p, look) {
  if (look.count) pairShown.add(p.id); else pairShown.delete(p.id);
  p.count = look.count;
  p.width = look.width;
  p.dashes = look.dashes;
  p.baseColor = { color: look.colour, highlight: look.colour, hover: look.colour, opacity: 0.85 };
  p.color = edgeColour(p, fadedEdges.has(p.id));
}
function apply() {
  // Keep every node where it is drawn: a node that leaves the view and comes
  // back is rebuilt from its DataSet item, so the item must hold x and y.
  // (network.storePositions() would throw on the nodes already filtered out.)
  var ids = nodesView.getIds();
  var pos = network.getPositions(ids);
  nodes.update(ids.filter(function (id) { return has(pos, id); })
    .map(function (id) { return { id: id, x: pos[id].x, y: pos[id].y }; }));
  shown = filters.compute(DATA.nodes);
  var changed = [];
  pairs.forEach(function (p) {
    var before = [p.count, p.width, p.baseColor.color, String(p.dashes)].join("|");
    setPairLook(p, pairLook(p, relById, shown.relations, VIEW));
    if ([p.count, p.width, p.baseColor.color, String(p.dashes)].join("|") !== before) {
      changed.push({ id: p.id, width: p.width, dashes: p.dashes, color: p.color });
    }
  });
  if (changed.length) all.update(changed);
  nodesView.refresh();
  edgesView.refresh();
  refade();
  panels.hideTooltip();
  if (fitted && nodesView.length) network.fit();
  if (api.ready) setStatus(counts());
}
function setPairs(on) {
  mode.pairs = !!on;
  byId("pairs").checked = mode.pairs;
  edgesView.refresh();
  refade();
  if (api.ready) setStatus(counts());
}
function setTime(from, to, undated) {
  var st = filters.state;
  if (filters.years) {
    st.from = Math.max(filters.years[0], Math.min(from, to));
    st.to = Math.min(filters.years[1], Math.max(from, to));
  }
  if (undated !== undefined) st.undated = !!undated;
  syncControls();
  apply();
}
function setTop(n) {
  filters.state.top = n > 0 ? n : Infinity;
  syncControls();
  apply();
}
function setCommunities(values) {
  var want = values === null ? null : new Set(values.map(String));
  byId("legend-communities").querySelectorAll("input").forEach(function (b) {
    legend.toggle("community", b.getAttribute("data-value"), want === null || want.has(b.getAttribute("data-value")));
  });
  apply();
}
function syncControls() {
  var st = filters.state, years = filters.years;
  if (years) {
    byId("year-from").value = String(st.from);
    byId("year-to").value = String(st.to);
    byId("years-out").textContent = st.from === st.to ? String(st.from) : st.from + " – " + st.to;
  }
  byId("undated").checked = st.undated;
  if (app.showTop) app.showTop(st.top);
}
function showIsolated(on) {
  filters.state.isolated = !!on;
  if (legend && legend.isolatedBox) {
    legend.isolatedBox.checked = filters.state.isolated;
    legend.isolatedBox.parentNode.classList.toggle("off", !filters.state.isolated);
  }
  nodes.update(isolatedIds.map(function (id) { return { id: id, hidden: !filters.state.isolated }; }));
  if (api.ready) setStatus(counts());
}

// ---- modes: colour by type or community, size by relations or mentions ----------------
function setColour(which) {
  mode.colour = which === "community" ? "community" : "type";
  byId("colour-mode").value = mode.colour;
  nodes.update(DATA.nodes.map(function (n) {
    if (mode.colour === "type") return { id: n.id, color: n.baseColor };
    var c = communityColor.get(n.community) || DATA.legend.other_community;
    return { id: n.id, color: { background: c, border: darker(c, 0.6), highlight: { background: c, border: "#111111" },
                                hover: { background: c, border: "#111111" } } };
  }));
}
function setSize(which) {
  mode.size = which === "mentions" ? "mentions" : "relations";
  byId("size-mode").value = mode.size;
  nodes.update(DATA.nodes.filter(function (n) { return n.sizes; })
    .map(function (n) { return { id: n.id, size: n.sizes[mode.size] }; }));
}

// ---- focus: an actor and its neighbours, the rest faded ---------------------------
function edgeColour(e, faded) {
  var base = e.baseColor;
  var c = base && typeof base === "object" ? Object.assign({}, base) : { color: base || "#848484" };
  if (faded) c.opacity = 0.07;
  return c;
}
function setFocus(id) {
  focus.id = id !== null && nodeById.has(id) ? id : null;
  byId("unfocus").hidden = focus.id === null;
  refade();
  if (api.ready) setStatus(counts());
}
function refade() {
  var on = focus.id !== null && shown.nodes.has(focus.id);
  var near = new Set(), nearEdges = new Set(), fadeNodes = new Set(), fadeEdges = new Set();
  if (on) {
    edgesView.get().forEach(function (e) {
      if (e.from === focus.id || e.to === focus.id) { near.add(e.from); near.add(e.to); nearEdges.add(e.id); }
    });
    near.delete(focus.id);
    nodesView.getIds().forEach(function (id) { if (id !== focus.id && !near.has(id)) fadeNodes.add(id); });
    edgesView.getIds().forEach(function (id) { if (!nearEdges.has(id)) fadeEdges.add(id); });
  }
  var nodeUpdates = [], edgeUpdates = [];
  new Set(Array.from(fadedNodes).concat(Array.from(fadeNodes))).forEach(function (id) {
    if (fadedNodes.has(id) !== fadeNodes.has(id)) nodeUpdates.push({ id: id, opacity: fadeNodes.has(id) ? 0.18 : 1 });
  });
  new Set(Array.from(fadedEdges).concat(Array.from(fadeEdges))).forEach(function (id) {
    if (fadedEdges.has(id) !== fadeEdges.has(id)) edgeUpdates.push({ id: id, color: edgeColour(pairById.get(id) || relById.get(id), fadeEdges.has(id)) });
  });
  fadedNodes = fadeNodes;
  fadedEdges = fadeEdges;
  focus.nodes = near;
  focus.edges = nearEdges;
  if (nodeUpdates.length) nodes.update(nodeUpdates);
  if (edgeUpdates.length) all.update(edgeUpdates);
  network.redraw();
}

// ---- clicks and search --------------------------------------------------------------
network.on("click", function (p) {
  panels.hideTooltip();
  var id = p.nodes.length ? p.nodes[0] : p.edges.length ? null : labels.at(p.pointer.DOM.x, p.pointer.DOM.y);
  if (id !== null && id !== undefined) {
    if (!p.nodes.length) network.selectNodes([id]);
    setFocus(id);
    panels.showNode(id);
  } else if (p.edges.length) {
    if (pairById.has(p.edges[0])) panels.showPair(p.edges[0]); else panels.showEdge(p.edges[0]);
  } else {
    panels.closeDetails();
    setFocus(null);
  }
});
byId("details-close").addEventListener("click", function () { panels.closeDetails(); network.unselectAll(); });
function selectEdge(rid) {
  if (mode.pairs) {
    var p = pairs.filter(function (q) { return q.members.indexOf(rid) >= 0; })[0];
    if (p && edgesView.get(p.id)) network.selectEdges([p.id]);
  } else if (edgesView.get(rid)) network.selectEdges([rid]);
  panels.showEdge(rid);
}
// Show an actor the filters hide: its type, the isolated toggle, then the corpus filters give way.
function reveal(id) {
  var n = nodeById.get(id);
  if (!filters.state.actor.has(n.type)) legend.toggle("actor", n.type, true);
  if (isolatedSet.has(id) && !filters.state.isolated) showIsolated(true);
  apply();
  if (shown.nodes.has(id)) return;
  filters.state.community = null;
  legend.setAll("community", true);
  filters.state.top = Infinity;
  if (filters.years) { filters.state.from = filters.years[0]; filters.state.to = filters.years[1]; }
  filters.state.undated = true;
  syncControls();
  apply();
}
function focusNode(id) {
  if (!nodeById.has(id)) return false;
  if (!shown.nodes.has(id) || (isolatedSet.has(id) && !filters.state.isolated)) reveal(id);
  network.selectNodes([id]);
  setFocus(id);
  panels.showNode(id, false);
  // Centre it in the part of the canvas the panel leaves free.
  network.focus(id, {
    scale: Math.max(network.getScale(), 1.2),
    offset: { x: -panels.panelCover() / 2, y: 0 },
    animation: { duration: 400, easingFunction: "easeInOutQuad" },
  });
  return true;
}
var datalist = byId("actor-names");
var listed = new Set();
DATA.nodes.forEach(function (n) {
  if (!listed.has(n.name)) { listed.add(n.name); var o = el("option"); o.value = n.name; datalist.appendChild(o); }
});
byId("search-form").addEventListener("submit", function (ev) {
  ev.preventDefault();
  var q = byId("search").value;
  var ids = search.findActors(q);
  if (!ids.length) { setStatus("No actor matches “" + q + "”", true); return; }
  focusNode(ids[0]);
  if (ids.length > 1) {
    setStatus("“" + q + "”: " + ids.length + " actors (" + clip(ids.map(panels.nameOf).join("、"), 80) + "); showing " + panels.nameOf(ids[0]));
  } else {
    setStatus(counts());
  }
});

// ---- a view named in the address: #top=40&pairs=0&colour=community&size=mentions&from=2000&to=2024&undated=0
function readHash() {
  var params = new Map();
  String(location.hash || "").replace(/^#/, "").split("&").forEach(function (kv) {
    var i = kv.indexOf("=");
    if (i > 0) params.set(decodeURIComponent(kv.slice(0, i)), decodeURIComponent(kv.slice(i + 1)));
  });
  var st = filters.state;
  if (params.has("top") && Number(params.get("top")) > 0) st.top = Math.floor(Number(params.get("top")));
  if (params.get("pairs") === "0") mode.pairs = false;
  if (params.get("colour") === "community") mode.colour = "community";
  if (params.get("size") === "mentions") mode.size = "mentions";
  if (params.get("undated") === "0") st.undated = false;
  if (filters.years) {
    var from = Number(params.get("from")), to = Number(params.get("to"));
    if (params.has("from") && isFinite(from)) st.from = Math.max(filters.years[0], Math.min(filters.years[1], from));
    if (params.has("to") && isFinite(to)) st.to = Math.min(filters.years[1], Math.max(st.from, to));
  }
}
