/* geokg map, part 7 of 8: the sidebar, legend and filters in one.
 *
 * Lines: one per pair (the default) or one per relation, and the key to a
 * pair's colour. Actors: size and colour modes, the top-N slider, the types.
 * Time: the years the evidence spans and the undated evidence. Communities,
 * relation types and modalities: a box each, ticked to show.
 */

function actorSwatch(a) {
  var s = svgEl("svg", { width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true" });
  var paint = { fill: a.color, stroke: a.border || darker(a.color, 0.6), "stroke-width": 1.2 };
  var shape;
  if (a.shape === "diamond") shape = svgEl("polygon", Object.assign({ points: "8,1 15,8 8,15 1,8" }, paint));
  else if (a.shape === "square") shape = svgEl("rect", Object.assign({ x: 2, y: 2, width: 12, height: 12 }, paint));
  else if (a.shape === "hexagon") shape = svgEl("polygon", Object.assign({ points: "4.5,2 11.5,2 15,8 11.5,14 4.5,14 1,8" }, paint));
  else shape = svgEl("circle", Object.assign({ cx: 8, cy: 8, r: 6.5 }, paint));
  s.appendChild(shape);
  return s;
}

// A line with the relation's arrow head (none, arrow, vee, bar, circle, diamond) and dashes.
function lineSwatch(color, dashes, head) {
  var s = svgEl("svg", { width: 34, height: 12, viewBox: "0 0 34 12", "aria-hidden": "true" });
  var line = svgEl("line", { x1: 1, y1: 6, x2: head ? 24 : 33, y2: 6, stroke: color, "stroke-width": 2.5 });
  if (dashes && dashes.length) line.setAttribute("stroke-dasharray", dashes.map(function (d) { return d / 2; }).join(" "));
  s.appendChild(line);
  var paint = { fill: color, stroke: color, "stroke-width": 1.5 };
  if (head === "arrow") s.appendChild(svgEl("polygon", Object.assign({ points: "24,1.5 33,6 24,10.5" }, paint)));
  else if (head === "vee") s.appendChild(svgEl("polyline", { points: "25,1.5 33,6 25,10.5", fill: "none", stroke: color, "stroke-width": 2 }));
  else if (head === "bar") s.appendChild(svgEl("line", { x1: 31, y1: 0.5, x2: 31, y2: 11.5, stroke: color, "stroke-width": 3 }));
  else if (head === "circle") s.appendChild(svgEl("circle", Object.assign({ cx: 28.5, cy: 6, r: 4 }, paint)));
  else if (head === "diamond") s.appendChild(svgEl("polygon", Object.assign({ points: "24,6 28.5,1.5 33,6 28.5,10.5" }, paint)));
  return s;
}

function makeLegend(app) {
  var filters = app.filters.state;
  var boxes = { actor: [], relation: [], modality: [], community: [] };

  function filterRow(kind, item, swatch, text, parent, extra) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-filter", kind);
    box.setAttribute("data-value", item.value);
    box.addEventListener("change", function () { toggle(kind, String(item.value), box.checked); app.apply(); });
    boxes[kind].push(box);
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el("span", "name", text));
    if (extra) label.setAttribute("title", extra); // a tooltip of text
    label.appendChild(el("span", "count", item.count));
    parent.appendChild(label);
  }
  function toggle(kind, value, on) {
    if (kind === "community") {
      if (!filters.community) filters.community = new Set(boxes.community.map(function (b) { return b.getAttribute("data-value"); }));
      if (on) filters.community.add(value); else filters.community.delete(value);
      if (filters.community.size === boxes.community.length) filters.community = null;
    } else if (on) filters[kind].add(value); else filters[kind].delete(value);
    boxes[kind].forEach(function (b) {
      if (b.getAttribute("data-value") === value) { b.checked = on; b.parentNode.classList.toggle("off", !on); }
    });
  }
  function setAll(kind, on) {
    boxes[kind].forEach(function (box) { toggle(kind, box.getAttribute("data-value"), on); });
    app.apply();
  }
  document.querySelectorAll("[data-all]").forEach(function (b) {
    b.addEventListener("click", function () { setAll(b.getAttribute("data-all"), true); });
  });
  document.querySelectorAll("[data-none]").forEach(function (b) {
    b.addEventListener("click", function () { setAll(b.getAttribute("data-none"), false); });
  });

  var legend = app.data.legend;
  legend.actors.forEach(function (a) {
    filterRow("actor", a, actorSwatch(a), a.text === "other" ? a.value : a.text, byId("legend-actors"));
  });
  legend.relations.forEach(function (r) {
    filterRow("relation", r, lineSwatch(r.color, [], r.arrows ? r.head || "arrow" : ""), r.text, byId("legend-relations"));
  });
  legend.modalities.forEach(function (m) {
    filterRow("modality", m, lineSwatch("#555", m.dashes, ""), m.value, byId("legend-modalities"));
  });
  communityRows(legend, filterRow);
  var isolatedBox = isolatedRow(app);
  pairKey(app.data.view);
  timeControls(app);
  topControl(app);
  return { toggle: toggle, setAll: setAll, isolatedBox: isolatedBox };
}

function communityRows(legend, filterRow) {
  var shown = legend.communities.slice(0, legend.communities_shown);
  var rest = legend.communities.slice(legend.communities_shown);
  if (!shown.length) { byId("sec-communities").hidden = true; return; }
  shown.forEach(function (c) {
    filterRow("community", { value: String(c.value), count: c.count }, actorSwatch({ color: c.color, shape: "dot" }),
      c.names.join("・"), byId("legend-communities"), c.names.join("、"));
  });
  if (rest.length) {
    var count = rest.reduce(function (s, c) { return s + c.count; }, 0);
    filterRow("community", { value: "other", count: count }, actorSwatch({ color: legend.other_community, shape: "dot" }),
      "other (" + rest.length + ")", byId("legend-communities"));
  }
}

function isolatedRow(app) {
  if (!app.isolatedIds.length) return null;
  var label = el("label", "isolated off");
  var box = el("input");
  box.type = "checkbox";
  box.checked = false;
  box.id = "isolated";
  box.setAttribute("data-filter", "isolated");
  box.addEventListener("change", function () { app.showIsolated(box.checked); });
  label.appendChild(box);
  label.appendChild(el("span", "name", "isolated actors"));
  label.appendChild(el("span", "count", app.isolatedIds.length));
  byId("legend-actors").appendChild(label);
  return box;
}

// The key to a pair's colour: the Goldstein scale from conflict to cooperation.
function pairKey(view) {
  var key = byId("pair-key");
  var stops = view.goldstein.map(function (a) { return a[1] + " " + Math.round(((a[0] + 10) / 20) * 100) + "%"; });
  var bar = el("div", "scale");
  bar.style.background = "linear-gradient(to right, " + stops.join(", ") + ")";
  var ends = el("div", "scale-ends");
  ends.appendChild(el("span", null, "conflict −10"));
  ends.appendChild(el("span", null, "0"));
  ends.appendChild(el("span", null, "+10 cooperation"));
  var none = el("div", "meta");
  var sw = el("span", "swatch");
  sw.style.background = view.unscored;
  none.appendChild(sw);
  none.appendChild(document.createTextNode("no score (comments, roles) · width: evidence"));
  key.replaceChildren(bar, ends, none);
}

function timeControls(app) {
  var years = app.filters.years, filters = app.filters.state;
  var undated = byId("undated");
  byId("undated-count").textContent = String(app.data.view.undated || 0);
  undated.addEventListener("change", function () { filters.undated = undated.checked; app.apply(); });
  if (!years) { byId("years").hidden = true; byId("no-years").hidden = false; return; }
  var from = byId("year-from"), to = byId("year-to");
  [from, to].forEach(function (input) {
    input.min = String(years[0]);
    input.max = String(years[1]);
    input.step = "1";
  });
  from.value = String(years[0]);
  to.value = String(years[1]);
  function changed(which) {
    var a = Number(from.value), b = Number(to.value);
    if (a > b) { if (which === from) to.value = String(a); else from.value = String(b); }
    app.setTime(Number(from.value), Number(to.value), undated.checked);
  }
  from.addEventListener("input", function () { changed(from); });
  to.addEventListener("input", function () { changed(to); });
}

function topControl(app) {
  var input = byId("top"), out = byId("top-out");
  var total = app.data.nodes.filter(function (n) { return n.degree > 0; }).length;
  input.min = String(Math.min(1, total));
  input.max = String(total);
  input.value = String(total);
  out.textContent = "all " + total;
  input.addEventListener("input", function () {
    var n = Number(input.value);
    app.setTop(n >= total ? Infinity : n);
  });
  app.showTop = function (n) {
    input.value = String(n === Infinity ? total : n);
    out.textContent = n === Infinity || n >= total ? "all " + total : "top " + n + " of " + total;
  };
}
