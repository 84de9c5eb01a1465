/* geokg map, part 1 of 7: DOM and colour helpers (text only, never markup).
 *
 * The page's scripts are inlined as one <script> in this order (graph.render.APP_SCRIPTS),
 * inside one function: each part declares functions, map.js wires them together.
 */

var SVG = "http://www.w3.org/2000/svg"; // a namespace name, never fetched
function byId(id) { return document.getElementById(id); }
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
function has(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }

// ---- colours ------------------------------------------------------------------
function hexRgb(hex) {
  var h = String(hex).replace("#", "");
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}
function rgbHex(rgb) {
  return "#" + rgb.map(function (v) { var s = Math.round(v).toString(16); return s.length < 2 ? "0" + s : s; }).join("");
}
// The colour of a mean Goldstein score on the scale's anchors ([[score, colour], …], ascending).
function scaleColor(anchors, value) {
  if (value <= anchors[0][0]) return anchors[0][1];
  for (var i = 1; i < anchors.length; i++) {
    if (value <= anchors[i][0]) {
      var a = anchors[i - 1], b = anchors[i], t = (value - a[0]) / (b[0] - a[0]);
      var ca = hexRgb(a[1]), cb = hexRgb(b[1]);
      return rgbHex([0, 1, 2].map(function (k) { return ca[k] + (cb[k] - ca[k]) * t; }));
    }
  }
  return anchors[anchors.length - 1][1];
}
function darker(hex, f) { return rgbHex(hexRgb(hex).map(function (v) { return v * f; })); }
