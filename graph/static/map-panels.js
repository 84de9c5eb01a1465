/* geokg map, part 6 of 7: the tooltip (hover) and the details panel (click), for actors,
 * relations and pairs. Article text goes in through textContent only.
 *
 * The panel lies over the right of the canvas, so opening it never resizes
 * (and so never rescales) the network; what was clicked is moved clear of it.
 */

function makePanels(app) {
  var tooltip = byId("tooltip"), details = byId("details"), detailsBody = byId("details-body");
  var network = app.network, container = app.container;
  var pointer = { x: 0, y: 0 };

  function nameOf(id) { var n = app.nodeById.get(id); return n ? n.name : String(id); }
  function arrowText(e) { return e.symmetric ? " ↔ " : " → "; }
  function relText(e) { var r = app.relStyle.get(e.type); return r ? r.text : e.type; }
  function timeText(e) {
    if (e.when) return e.when;
    if (!e.first_time) return "";
    return e.first_time === e.last_time || !e.last_time ? e.first_time : e.first_time + " – " + e.last_time;
  }
  function swatch(type) {
    var s = el("span", "swatch");
    var r = app.relStyle.get(type);
    s.style.background = r ? r.color : "#999";
    return s;
  }

  // ---- hover ----------------------------------------------------------------
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

  function nodeSummary(id) {
    var n = app.nodeById.get(id);
    var out = [el("div", "tt-head", n.name)];
    out.push(el("div", "tt-line", n.type + (n.role ? " · " + n.role : "") + " · " + n.degree + " relations · " +
      n.strength + " evidence · " + n.mentions + " mentions"));
    var aliases = n.aliases.filter(function (a) { return a !== n.name; });
    if (aliases.length) out.push(el("div", "tt-line", "aka " + clip(aliases.join("、"), 120)));
    if (n.note) out.push(el("div", "tt-quote", clip(n.note, 300)));
    return out;
  }
  function quote(out, e) {
    if (!e.evidence.length) return;
    out.push(el("div", "tt-quote", "「" + clip(e.evidence[0].sentence, 140) + "」"));
    out.push(el("div", "tt-line", e.evidence[0].doc + (e.evidence.length > 1 ? "  (+" + (e.evidence.length - 1) + " more; click)" : "")));
  }
  function edgeSummary(id) {
    var e = app.relById.get(id);
    var out = [el("div", "tt-head", nameOf(e.from) + arrowText(e) + nameOf(e.to))];
    out.push(el("div", "tt-line", [relText(e), e.predicates.join("、"), e.modality, timeText(e)].filter(Boolean).join(" · ")));
    quote(out, e);
    if (e.note) out.push(el("div", "tt-quote", clip(e.note, 300)));
    return out;
  }
  function pairSummary(id) {
    var p = app.pairById.get(id), look = app.pairLook(p);
    var out = [el("div", "tt-head", nameOf(p.from) + " ↔ " + nameOf(p.to))];
    out.push(el("div", "tt-line", look.shown.length + " relations · " + look.count + " evidence · " + balanceText(look.balance)));
    look.shown.slice(0, 6).forEach(function (rid) {
      var e = app.relById.get(rid);
      var line = el("div", "tt-line");
      line.appendChild(swatch(e.type));
      line.appendChild(document.createTextNode(nameOf(e.from) + arrowText(e) + relText(e) + arrowText(e) + nameOf(e.to) +
        " (" + app.evidenceShown(rid) + ")" + (e.modality !== "asserted" ? " · " + e.modality : "")));
      out.push(line);
    });
    if (look.shown.length > 6) out.push(el("div", "tt-line", "+" + (look.shown.length - 6) + " more; click"));
    if (look.shown.length) quote(out, app.relById.get(look.shown[0]));
    return out;
  }
  network.on("hoverNode", function (p) { showTooltip(nodeSummary(p.node)); });
  network.on("hoverEdge", function (p) {
    showTooltip(app.pairById.has(p.edge) ? pairSummary(p.edge) : edgeSummary(p.edge));
  });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);

  // ---- the panel ---------------------------------------------------------------
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
      var xs = groups[g].filter(function (id) { return has(pos, id); })
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

  function actorLink(id, text) {
    var b = el("button", "rel-link", text);
    b.type = "button";
    b.addEventListener("click", function () { app.focusNode(id); });
    return b;
  }
  function relationLink(rid) {
    var e = app.relById.get(rid);
    var arrow = arrowText(e);
    var b = el("button", "rel-link", nameOf(e.from) + arrow + relText(e) + arrow + nameOf(e.to));
    b.type = "button";
    b.addEventListener("click", function () { app.selectEdge(rid); });
    return b;
  }
  function relationMeta(e) {
    return el("div", "meta", [e.predicates.join("、"), e.modality, timeText(e), e.count + "×"].filter(Boolean).join(" · "));
  }
  function showNode(id, pan) {
    var n = app.nodeById.get(id);
    if (!n) return;
    var body = [el("h3", null, n.name)];
    var dl = el("dl");
    row(dl, "id", n.actor !== undefined ? n.actor : n.id);
    row(dl, "type", n.type);
    row(dl, "role", n.role);
    row(dl, "aliases", n.aliases);
    row(dl, "mentions", n.mentions);
    row(dl, "relations", n.degree);
    row(dl, "evidence", n.strength);
    row(dl, "community", n.community >= 0 ? app.communityText(n) : "");
    row(dl, "documents", n.docs);
    row(dl, "note", n.note);
    body.push(dl);
    var ids = app.incident.get(id) || [];
    body.push(el("h4", null, "Relations (" + ids.length + ")"));
    var ul = el("ul");
    var near = [id];
    ids.forEach(function (rid) {
      var e = app.relById.get(rid);
      var li = el("li");
      li.appendChild(swatch(e.type));
      li.appendChild(relationLink(rid));
      li.appendChild(relationMeta(e));
      ul.appendChild(li);
      near.push(e.from === id ? e.to : e.from);
    });
    body.push(ul);
    openDetails(body);
    if (pan !== false) keepInView([drawnIds(), near, [id]]);
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
  function evidenceList(e) {
    var ol = el("ol");
    e.evidence.forEach(function (ev) {
      var li = el("li");
      li.appendChild(el("p", "sentence", ev.sentence));
      var where = ev.doc + (ev.sentence_index !== null && ev.sentence_index !== undefined ? " #" + ev.sentence_index : "");
      li.appendChild(el("div", "meta", [where, ev.predicate, ev.modality, ev.time, ev.confidence === null ? "" : "conf " + fmt(ev.confidence)].filter(Boolean).join(" · ")));
      if (ev.source_mention || ev.target_mention) li.appendChild(el("div", "meta mentions", mentionText(e, ev)));
      ol.appendChild(li);
    });
    return ol;
  }
  function showEdge(id) {
    var e = app.relById.get(id);
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
    openDetails([h, dl, el("h4", null, "Evidence (" + e.evidence.length + ")"), evidenceList(e)]);
    keepInView([drawnIds(), [e.from, e.to]]);
  }
  function showPair(id) {
    var p = app.pairById.get(id);
    if (!p) return;
    var look = app.pairLook(p);
    var h = el("h3");
    h.appendChild(actorLink(p.from, nameOf(p.from)));
    h.appendChild(document.createTextNode(" ↔ "));
    h.appendChild(actorLink(p.to, nameOf(p.to)));
    var dl = el("dl");
    row(dl, "relations", look.shown.length + (look.shown.length < p.members.length ? " (of " + p.members.length + ")" : ""));
    row(dl, "evidence", look.count);
    row(dl, "balance", balanceText(look.balance));
    var body = [h, dl];
    look.shown.forEach(function (rid) {
      var e = app.relById.get(rid);
      var head = el("h4", "pair-rel");
      head.appendChild(swatch(e.type));
      head.appendChild(relationLink(rid));
      body.push(head, relationMeta(e), evidenceList(e));
    });
    openDetails(body);
    keepInView([drawnIds(), [p.from, p.to]]);
  }
  function openDetails(children) {
    detailsBody.replaceChildren.apply(detailsBody, children);
    details.hidden = false;
    details.scrollTop = 0;
  }
  function closeDetails() { details.hidden = true; detailsBody.replaceChildren(); }

  return {
    showNode: showNode, showEdge: showEdge, showPair: showPair, closeDetails: closeDetails,
    hideTooltip: hideTooltip, panelCover: panelCover, nameOf: nameOf,
  };
}
