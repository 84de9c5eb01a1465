/* geokg map, part 3 of 7: labels that stay legible at any zoom and never overlap.
 *
 * vis-network draws a label under every node at a size that shrinks with the
 * zoom: at "Fit" on a corpus, hundreds of 6 px labels on top of each other.
 * Here the nodes whose label sits outside the shape carry no vis-network
 * label; after each draw this layer writes labels itself, in screen pixels,
 * most important actor first (the focused actor and its neighbours, the
 * selected one, then by weighted degree), each under its node, else above,
 * right or left of it, wherever it overlaps no label already placed nor a
 * labelled actor. Zooming in spreads the nodes, so more labels fit.
 */

// Shapes that draw their label inside: vis-network keeps those.
var LABEL_INSIDE = new Set(["box", "circle", "ellipse", "database", "text"]);
// Room around a name's ink, in px: more than its white halo (a 3 px stroke, 1.5 px each side).
var PAD = 2;

function makeLabels(network, nodeById, opts) {
  var placed = [];
  var widths = new Map();
  var face = opts.face;

  function sizeFor(rank) {
    for (var i = 0; i < opts.sizes.length; i++) if (rank < opts.sizes[i][0]) return opts.sizes[i][1];
    return opts.min;
  }
  // The text's width and its ink above and below the top of the em box (CJK glyphs reach above it).
  function measure(ctx, text, size) {
    var key = size + "|" + text;
    var m = widths.get(key);
    if (m === undefined) {
      ctx.font = size + "px " + face;
      ctx.textBaseline = "top";
      var t = ctx.measureText(text);
      m = { w: t.width, ascent: Math.max(0, t.actualBoundingBoxAscent), descent: Math.max(size, t.actualBoundingBoxDescent) };
      widths.set(key, m);
    }
    return m;
  }
  function overlaps(grid, box) {
    var hit = false;
    cells(box, function (key) {
      var list = grid.get(key);
      if (!list || hit) return;
      for (var i = 0; i < list.length; i++) {
        var b = list[i];
        if (box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h) { hit = true; return; }
      }
    });
    return hit;
  }
  function cells(box, fn) {
    for (var cx = Math.floor(box.x / 96); cx <= Math.floor((box.x + box.w) / 96); cx++)
      for (var cy = Math.floor(box.y / 48); cy <= Math.floor((box.y + box.h) / 48); cy++) fn(cx + ":" + cy);
  }
  // The screen boxes a node's label may take, in CSS pixels of the canvas: under the node
  // (the usual place), else above it, to its right or to its left.
  function boxesFor(ctx, id, rank, scale, width, height) {
    var body = network.body.nodes[id];
    if (!body || body.options.hidden) return [];
    var text = nodeById.get(id).text;
    if (!text) return [];
    var size = sizeFor(rank);
    var p = network.canvasToDOM({ x: body.x, y: body.y });
    var radius = (body.options.size || 10) * scale + 2;
    var m = measure(ctx, text, size), w = m.w + 2 * PAD, h = m.ascent + m.descent + 2 * PAD;
    var disc = { x: p.x - radius + 2, y: p.y - radius + 2, w: 2 * radius - 4, h: 2 * radius - 4 };
    var font = size + "px " + face;
    return [
      ["below", p.x - w / 2, p.y + radius],
      ["above", p.x - w / 2, p.y - radius - h],
      ["right", p.x + radius + 2, p.y - h / 2],
      ["left", p.x - radius - 2 - w, p.y - h / 2],
    ].map(function (c) {
      return { id: id, text: text, size: size, font: font, side: c[0], x: c[1], y: c[2], w: w, h: h, disc: disc,
               top: PAD + m.ascent };
    }).filter(function (b) { return b.x < width && b.x + b.w > 0 && b.y < height && b.y + b.h > 0; });
  }

  // order: node ids, most important first; first: ids labelled before all others (focus, selection).
  function draw(ctx, order, first, faded) {
    var canvas = network.canvas.frame.canvas;
    var ratio = network.canvas.pixelRatio || 1;
    var width = canvas.clientWidth, height = canvas.clientHeight, scale = network.getScale();
    var grid = new Map(), seen = new Set(), rank = 0, rankOf = new Map();
    order.forEach(function (id, i) { rankOf.set(id, i); });
    placed = [];
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    first.concat(order).forEach(function (id) {
      if (seen.has(id)) return;
      seen.add(id);
      var node = nodeById.get(id);
      if (!node || LABEL_INSIDE.has(node.shape)) return;
      // a name placed first (focus, selection) keeps the size of its actor's importance
      var r = first.indexOf(id) >= 0 ? (rankOf.has(id) ? rankOf.get(id) : 0) : rank++;
      // the most important actors may move their label around the node; the others keep it under
      var box = boxesFor(ctx, id, r, scale, width, height)
        .filter(function (b) { return (r < opts.movable || b.side === "below") && !overlaps(grid, b); })[0];
      if (!box) return;
      cells(box, function (key) { if (!grid.has(key)) grid.set(key, []); grid.get(key).push(box); });
      // a labelled actor's own shape is kept clear of the labels placed after it
      var disc = box.disc;
      cells(disc, function (key) { if (!grid.has(key)) grid.set(key, []); grid.get(key).push(disc); });
      box.faded = faded.has(id);
      placed.push(box);
    });
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    placed.forEach(function (b) {
      ctx.font = b.font;
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255,255,255,0.92)";
      ctx.strokeText(b.text, b.x + b.w / 2, b.y + b.top);
      ctx.fillStyle = b.faded ? "rgba(34,34,34,0.35)" : "#1d2330";
      ctx.fillText(b.text, b.x + b.w / 2, b.y + b.top);
    });
    ctx.restore();
  }

  // The label under a point of the canvas (CSS pixels), for clicks on a label.
  function at(x, y) {
    for (var i = 0; i < placed.length; i++) {
      var b = placed[i];
      if (x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h) return b.id;
    }
    return null;
  }
  return {
    draw: draw,
    at: at,
    placed: function () {
      return placed.map(function (b) {
        return { id: b.id, text: b.text, size: b.size, font: b.font, side: b.side, x: b.x, y: b.y, w: b.w, h: b.h,
                 pad: PAD };
      });
    },
  };
}
