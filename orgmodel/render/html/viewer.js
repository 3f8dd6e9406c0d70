// orgmodel's interactive chart. Every position, colour and finding comes from the embedded
// JSON (computed by orgmodel in Python); this script only draws it on a canvas, culled to what
// is on screen, and keeps a focusable ARIA tree item over the selected person.
// User text only ever reaches the page through textContent, canvas fillText or XML escaping.
(function () {
  "use strict";

  const D = JSON.parse(document.getElementById("orgmodel-data").textContent);
  const P = D.people, L = D.layout, C = D.colours;
  const STATES = ["present", "planned", "open"];
  P.state = P.state.map((code) => STATES[code]);
  const N = P.id.length;
  const READABLE = 0.5;      // zoom at which box text is comfortably legible
  const TEXT_ZOOM = 0.3;     // below this, boxes are drawn without text
  const DETAIL_ZOOM = 0.08;  // below this, boxes are plain rectangles and lines are thin
  const CELL = 512;          // spatial index cell, in layout points
  const SEVERITY_ORDER = { info: 1, warning: 2, error: 3 };
  const $ = (id) => document.getElementById(id);

  // ---- people, layout and tree -------------------------------------------------------
  const order = L.person;  // drawn people of the full layout, each manager before their reports
  const isDrawnIn = (layout, i) => !Number.isNaN(layout.X[i]);
  const parent = new Int32Array(N).fill(-1);
  L.parent.forEach((up, k) => { parent[order[k]] = up; });
  const children = Array.from({ length: N }, () => null);
  const roots = [];
  for (const i of order) {
    const up = parent[i];
    if (up < 0) roots.push(i);
    else (children[up] || (children[up] = [])).push(i);
  }
  const depth = new Int32Array(N);
  for (const i of order) depth[i] = parent[i] < 0 ? 0 : depth[parent[i]] + 1;
  const hiddenBelow = (i) => L.hidden[i] || 0;
  // Drawn people below each person plus those the layout already left out (--depth).
  const below = new Float64Array(N);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    below[i] += hiddenBelow(i);
    if (parent[i] >= 0) below[parent[i]] += below[i] + 1;
  }
  // Everyone below each person in the org (for the details panel), along the managers in the data.
  const reportsOf = Array.from({ length: N }, () => null);
  const totalBelow = new Float64Array(N);
  for (let i = N - 1; i >= 0; i--) {
    const m = P.manager[i];
    if (m !== null && m !== undefined) {
      totalBelow[m] += totalBelow[i] + 1;
      (reportsOf[m] || (reportsOf[m] = [])).unshift(i);
    }
  }
  const dottedReports = Array.from({ length: N }, () => null);
  P.dotted.forEach((managers, i) => {
    if (managers) for (const m of managers) (dottedReports[m] || (dottedReports[m] = [])).push(i);
  });
  const role = (i) => P.roles[P.role[i]];
  const titleOf = (i) => P.title[i] || role(i)[1];
  const teamName = (i) => (P.team[i] === null ? "" : P.teams[P.team[i]][1]);

  // ---- findings ------------------------------------------------------------------------
  const findings = D.findings.map((f, n) => ({
    n, person: f[0], code: f[1], name: f[2], severity: f[3], message: f[4], suggestion: f[5],
    line: f[6], column: f[7], related: f[8],
  }));
  const findingsOf = Array.from({ length: N }, () => null);
  const worst = new Uint8Array(N);
  for (const f of findings) {
    (findingsOf[f.person] || (findingsOf[f.person] = [])).push(f);
    worst[f.person] = Math.max(worst[f.person], SEVERITY_ORDER[f.severity]);
  }
  const severityName = ["", "info", "warning", "error"];

  // ---- changes since an older org (render --diff): new, moved, left (a ghost) --------------
  const changeOf = Array.from({ length: N }, () => null);
  for (const [i, kind] of D.changes || []) changeOf[i] = kind;
  const movedFrom = D.movedFrom || [];
  /** The outline colour a box gets: its change, else its worst finding, else its group's colour. */
  function outline(i, colour) {
    if (changeOf[i]) return D.changeColours[changeOf[i]];
    return worst[i] ? C.severity[severityName[worst[i]]] : colour;
  }
  const emphasised = (i) => Boolean(changeOf[i] || worst[i]);
  const dashedBox = (i) => P.state[i] === "open" || changeOf[i] === "left";

  // ---- layouts and their spatial index ------------------------------------------------
  // The full layout, and for the opening view the layouts of the top levels only (as
  // `orgmodel render --depth N` draws them): positions by person, connectors as point lists.
  function buildIndex(count, bounds) {
    const cells = new Map();
    const b = [0, 0, 0, 0];
    for (let n = 0; n < count; n++) {
      bounds(n, b);
      const c0 = Math.floor(b[0] / CELL), c1 = Math.floor(b[2] / CELL);
      const r0 = Math.floor(b[1] / CELL), r1 = Math.floor(b[3] / CELL);
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const key = r * 1048576 + c;
          let cell = cells.get(key);
          if (!cell) cells.set(key, (cell = []));
          cell.push(n);
        }
      }
    }
    return cells;
  }
  function prepare(data, levels) {
    const G = {
      levels, width: data.width, height: data.height, boxes: data.person,
      X: new Float64Array(N).fill(NaN), Y: new Float64Array(N), W: new Float64Array(N), H: new Float64Array(N),
      from: data.connectors.from, to: data.connectors.to, dotted: data.connectors.dotted,
      points: data.connectors.points, start: data.connectors.start,
    };
    data.person.forEach((person, k) => {
      G.X[person] = data.x[k]; G.Y[person] = data.y[k];
      G.W[person] = data.size ? data.size[0] : data.w[k]; G.H[person] = data.size ? data.size[1] : data.h[k];
    });
    const count = G.from.length;
    G.end = (c) => (c + 1 < count ? G.start[c + 1] : G.points.length);
    G.boxIndex = buildIndex(G.boxes.length, (k, b) => {
      const i = G.boxes[k];
      b[0] = G.X[i]; b[1] = G.Y[i]; b[2] = G.X[i] + G.W[i]; b[3] = G.Y[i] + G.H[i] + 12;  // + the toggle
    });
    G.lineIndex = buildIndex(count, (c, b) => {
      b[0] = b[1] = Infinity; b[2] = b[3] = -Infinity;
      for (let p = G.start[c]; p < G.end(c); p += 2) {
        b[0] = Math.min(b[0], G.points[p]); b[2] = Math.max(b[2], G.points[p]);
        b[1] = Math.min(b[1], G.points[p + 1]); b[3] = Math.max(b[3], G.points[p + 1]);
      }
    });
    G.solidTo = new Int32Array(N).fill(-1);  // the solid line ending at each person
    for (let c = 0; c < count; c++) if (!G.dotted[c]) G.solidTo[G.to[c]] = c;
    G.seenBox = new Uint32Array(G.boxes.length);
    G.seenLine = new Uint32Array(count);
    return G;
  }
  const FULL = prepare(L, Infinity);
  const overviews = D.overviews.map((data, n) => prepare(data, n + 1));
  let G = FULL;
  let stamp = 1;

  /** Ids (box order positions and connector numbers) in the cells covering a world rectangle. */
  function query(x0, y0, x1, y1) {
    stamp++;
    const boxes = [], lines = [];
    const c0 = Math.floor(x0 / CELL), c1 = Math.floor(x1 / CELL), r0 = Math.floor(y0 / CELL), r1 = Math.floor(y1 / CELL);
    const cellCount = (c1 - c0 + 1) * (r1 - r0 + 1);
    const collect = (cells, seen, out, key) => {
      const cell = cells.get(key);
      if (cell) for (const n of cell) if (seen[n] !== stamp) { seen[n] = stamp; out.push(n); }
    };
    if (cellCount > G.boxIndex.size + G.lineIndex.size) {  // zoomed far out: walk the filled cells instead
      const inside = (key) => {
        const r = Math.floor(key / 1048576), c = key - r * 1048576;
        return r >= r0 && r <= r1 && c >= c0 && c <= c1;
      };
      for (const [key] of G.boxIndex) if (inside(key)) collect(G.boxIndex, G.seenBox, boxes, key);
      for (const [key] of G.lineIndex) if (inside(key)) collect(G.lineIndex, G.seenLine, lines, key);
    } else {
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          collect(G.boxIndex, G.seenBox, boxes, r * 1048576 + c);
          collect(G.lineIndex, G.seenLine, lines, r * 1048576 + c);
        }
      }
    }
    return { boxes, lines };
  }

  // ---- state ---------------------------------------------------------------------------
  const expanded = new Uint8Array(N);
  const visible = new Uint8Array(N);
  let visibleCount = 0;
  let selected = -1;
  let colorBy = D.colorBy;
  let showDotted = true;
  let view = { k: 1, x: 0, y: 0 };  // screen = world * k + (x, y)
  let openDepth = 1;

  function refreshVisible() {
    invalidateTiles();
    visible.fill(0);
    visibleCount = 0;
    const stack = roots.slice();
    while (stack.length) {
      const i = stack.pop();
      visible[i] = 1;
      visibleCount++;
      if (expanded[i] && children[i]) for (const c of children[i]) stack.push(c);
    }
  }

  /** Draw with layout ``next`` from now on, keeping person ``anchor`` where it is on screen. */
  function useLayout(next, anchor) {
    if (next === G) return;
    invalidateTiles();
    if (anchor >= 0 && !Number.isNaN(G.X[anchor]) && !Number.isNaN(next.X[anchor])) {
      view = { k: view.k, x: view.x + (G.X[anchor] - next.X[anchor]) * view.k,
        y: view.y + (G.Y[anchor] - next.Y[anchor]) * view.k };
    }
    G = next;
  }

  /** Show the top ``levels`` levels, in their compact layout when there is one. */
  function collapseTo(levels) {
    expanded.fill(0);
    for (const i of order) if (depth[i] < levels - 1 && children[i]) expanded[i] = 1;
    refreshVisible();
    useLayout(overviews[levels - 1] || FULL, selected);
  }

  function expandChain(i) {
    for (let up = parent[i]; up >= 0; up = parent[up]) expanded[up] = 1;
    refreshVisible();
    useLayout(FULL, i);
  }

  function bounds(which) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const i of G.boxes) {
      if (!which(i)) continue;
      x0 = Math.min(x0, G.X[i]); y0 = Math.min(y0, G.Y[i]);
      x1 = Math.max(x1, G.X[i] + G.W[i]); y1 = Math.max(y1, G.Y[i] + G.H[i] + 12);
    }
    return x0 === Infinity ? [0, 0, 1, 1] : [x0, y0, x1, y1];
  }

  /** The zoom that fits a world rectangle on screen, and the view that centres it. */
  function fitView(b, maxZoom) {
    const { width, height } = canvasSize();
    const pad = 24;
    const k = Math.min(maxZoom, (width - 2 * pad) / (b[2] - b[0]), (height - 2 * pad) / (b[3] - b[1]));
    return { k, x: (width - (b[0] + b[2]) * k) / 2, y: Math.max(pad - b[1] * k, (height - (b[1] + b[3]) * k) / 2) };
  }

  function fit() {
    view = fitView(bounds((i) => visible[i]), 1.5);
    schedule();
  }

  /** Open collapsed to the deepest level whose people all fit on screen at a readable zoom. */
  function chooseOpenDepth() {
    const readable = (layout) => fitView([0, 0, layout.width, layout.height + 12], Infinity).k >= READABLE;
    if (readable(FULL)) return Infinity;
    let levels = 1;
    for (const layout of overviews) if (readable(layout)) levels = layout.levels;
    return levels;
  }

  // ---- drawing -------------------------------------------------------------------------
  const canvas = $("chart");
  const ctx = canvas.getContext("2d");
  const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
  const NAME_FONT = "bold 9.5px " + FONT, TITLE_FONT = "7.5px " + FONT, BADGE_FONT = "bold 7px " + FONT;
  const ACCENT = "#0969da";

  /** The width of the chart left uncovered by the details panel (which a selection opens). */
  function chartWidthBesidePanel() {
    const width = canvasSize().width;
    return width >= 760 ? width - 380 : width;
  }

  function canvasSize() {
    return { width: canvas.clientWidth || 800, height: canvas.clientHeight || 600 };
  }

  const fitted = new Map();
  function fitText(g, text, width, key) {
    const cacheKey = key + "\u0000" + width + "\u0000" + text;
    let lines = fitted.get(cacheKey);
    if (lines) return lines;
    const shorten = (t) => {
      if (g.measureText(t).width <= width) return t;
      let lo = 0, hi = t.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (g.measureText(t.slice(0, mid).trimEnd() + "…").width <= width) lo = mid; else hi = mid - 1;
      }
      return t.slice(0, lo).trimEnd() + "…";
    };
    if (key === "title") {  // up to two lines, word-wrapped
      const words = text.split(/\s+/).filter(Boolean);
      let first = "";
      let n = 0;
      while (n < words.length && (first === "" || g.measureText(first + " " + words[n]).width <= width)) {
        first = first ? first + " " + words[n] : words[n];
        n++;
      }
      lines = [shorten(first)];
      if (n < words.length) lines.push(shorten(words.slice(n).join(" ")));
    } else {
      lines = [shorten(text)];
    }
    fitted.set(cacheKey, lines);
    return lines;
  }

  function groupColour(i) {
    return C.palette[C.modes[colorBy].colour[i]];
  }

  function roundRect(g, x, y, w, h, r) {
    if (g.roundRect) { g.roundRect(x, y, w, h, r); return; }
    g.moveTo(x + r, y); g.arcTo(x + w, y, x + w, y + h, r); g.arcTo(x + w, y + h, x, y + h, r);
    g.arcTo(x, y + h, x, y, r); g.arcTo(x, y, x + w, y, r); g.closePath();
  }

  /** A toggle under a manager's box: "+N" (collapsed, N hidden people) or "−". */
  function toggleLabel(i) {
    if (children[i]) return expanded[i] ? "−" : "+" + below[i];
    return hiddenBelow(i) ? "+" + hiddenBelow(i) : null;
  }

  function pathLines(g, lines, predicate) {
    g.beginPath();
    for (const c of lines) {
      if (!predicate(c)) continue;
      const s = G.start[c], e = G.end(c);
      g.moveTo(G.points[s], G.points[s + 1]);
      for (let p = s + 2; p < e; p += 2) g.lineTo(G.points[p], G.points[p + 1]);
    }
  }

  const lineShown = (c) => visible[G.from[c]] && visible[G.to[c]] &&
    (showDotted || !G.dotted[c]);

  /**
   * Draw the chart into ``g`` (a canvas context) for a ``width`` x ``height`` viewport and ``v``.
   * ``decorate``: also draw the selection (tiles leave it out: it is drawn over them).
   */
  function paint(g, width, height, v, decorate = true) {
    g.fillStyle = "#ffffff";
    g.fillRect(0, 0, width, height);
    g.save();
    g.translate(v.x, v.y);
    g.scale(v.k, v.k);
    const x0 = -v.x / v.k, y0 = -v.y / v.k, x1 = (width - v.x) / v.k, y1 = (height - v.y) / v.k;
    const { boxes, lines } = query(x0, y0, x1, y1);
    const shownLines = lines.filter(lineShown);
    const px = 1 / v.k;  // one screen pixel in world units

    g.lineWidth = Math.max(1, px);
    g.strokeStyle = C.line;
    // Zoomed far out, boxes are a pixel or two: their lines would only blur the shape of the org.
    const drawLines = v.k >= DETAIL_ZOOM / 4;
    if (drawLines) {
      pathLines(g, shownLines, (c) => !G.dotted[c]);
      g.stroke();
    }
    if (showDotted && drawLines) {
      g.save();
      g.strokeStyle = C.dotted;
      g.globalAlpha = 0.7;
      g.setLineDash([4, 3]);
      g.lineWidth = Math.max(1.1, px);
      pathLines(g, shownLines, (c) => G.dotted[c]);
      g.stroke();
      g.restore();
    }
    if (decorate) drawSelectedPath(g, px);

    const people = [];
    for (const k of boxes) {
      const i = G.boxes[k];
      if (visible[i] && G.X[i] < x1 && G.X[i] + G.W[i] > x0 && G.Y[i] < y1 && G.Y[i] + G.H[i] + 12 > y0) people.push(i);
    }
    if (v.k < DETAIL_ZOOM) {  // one path per colour: plain rectangles, at least a pixel, one per pixel
      const byColour = new Map();
      const tiny = v.k * G.W[people[0]] < 2;
      const taken = new Set();
      for (const i of people) {
        if (tiny) {
          const pixel = Math.floor(G.X[i] * v.k) * 1048576 + Math.floor(G.Y[i] * v.k);
          if (taken.has(pixel)) continue;
          taken.add(pixel);
        }
        const colour = outline(i, groupColour(i));
        if (!byColour.has(colour)) byColour.set(colour, []);
        byColour.get(colour).push(i);
      }
      for (const [colour, group] of byColour) {
        g.beginPath();
        for (const i of group) g.rect(G.X[i], G.Y[i], Math.max(G.W[i], px), Math.max(G.H[i], px));
        g.fillStyle = colour;
        g.fill();
      }
      if (decorate) drawSelectedBox(g, px);
      g.restore();
      return;
    }
    for (const i of people) {
      const open = P.state[i] === "open";
      const colour = groupColour(i);
      g.beginPath();
      roundRect(g, G.X[i], G.Y[i], G.W[i], G.H[i], 6);
      g.fillStyle = open || changeOf[i] === "left" ? "#ffffff" : C.tint[C.modes[colorBy].colour[i]];
      g.fill();
      g.setLineDash(dashedBox(i) ? [4, 2.5] : []);
      g.lineWidth = emphasised(i) ? 2.4 : 1;
      g.strokeStyle = outline(i, colour);
      g.stroke();
      g.setLineDash([]);
      if (!open) {
        g.fillStyle = colour;
        g.fillRect(G.X[i] + 4, G.Y[i] + 6, 4, G.H[i] - 12);
      }
      if (i === selected) {
        g.beginPath();
        roundRect(g, G.X[i] - 3, G.Y[i] - 3, G.W[i] + 6, G.H[i] + 6, 8);
        g.strokeStyle = ACCENT;
        g.lineWidth = Math.max(2.5, 2 * px);
        g.stroke();
      }
    }
    if (movedFrom.length) {  // a faint line from a moved person's old manager
      g.beginPath();
      for (const [i, from] of movedFrom) {
        if (!visible[i] || !visible[from]) continue;
        g.moveTo(G.X[from] + G.W[from] / 2, G.Y[from] + G.H[from]);
        g.lineTo(G.X[i] + G.W[i] / 2, G.Y[i]);
      }
      g.setLineDash([2, 2]);
      g.strokeStyle = D.changeColours.moved;
      g.globalAlpha = 0.45;
      g.lineWidth = 1.4;
      g.stroke();
      g.globalAlpha = 1;
      g.setLineDash([]);
    }
    if (v.k >= TEXT_ZOOM) {
      for (const i of people) drawLabels(g, i);
    }
    g.restore();
  }

  /** The reporting line from the selected person to the top. */
  function drawSelectedPath(g, px) {
    if (selected < 0) return;
    const chain = [];
    for (let up = selected; up >= 0; up = parent[up]) if (G.solidTo[up] >= 0) chain.push(G.solidTo[up]);
    g.strokeStyle = ACCENT;
    g.lineWidth = Math.max(2.5, 2 * px);
    pathLines(g, chain, lineShown);
    g.stroke();
  }
  function drawSelectedBox(g, px) {
    if (selected < 0 || !visible[selected]) return;
    g.strokeStyle = ACCENT;
    g.lineWidth = 3 * px;
    g.strokeRect(G.X[selected] - 4 * px, G.Y[selected] - 4 * px, G.W[selected] + 8 * px, G.H[selected] + 8 * px);
  }

  // Zoomed out (no text), frames are put together from cached tiles of TILE x TILE pixels drawn
  // at zoom levels a half power of two apart, so panning and zooming only copy bitmaps; tiles
  // missing at a new level are drawn a few per frame over the previous level's, scaled.
  const TILE = 256, TILE_BUDGET_MS = 8, MAX_TILES = 160;
  const tiles = new Map();  // "level:col:row" -> canvas, oldest first
  let lastLevel = null;
  function invalidateTiles() { tiles.clear(); lastLevel = null; }

  function tileAt(level, col, row, render) {
    const key = level + ":" + col + ":" + row;
    let tile = tiles.get(key);
    if (tile) { tiles.delete(key); tiles.set(key, tile); return tile; }
    if (!render) return null;
    const dpr = window.devicePixelRatio || 1;
    tile = document.createElement("canvas");
    tile.width = tile.height = TILE * dpr;
    const g = tile.getContext("2d");
    g.scale(dpr, dpr);
    const k = Math.pow(2, level / 2);
    paint(g, TILE, TILE, { k, x: -col * TILE, y: -row * TILE }, false);
    tiles.set(key, tile);
    if (tiles.size > MAX_TILES) tiles.delete(tiles.keys().next().value);
    return tile;
  }

  /** Draw the tiles of ``level`` that cover the view; false if some were left for later. */
  function drawTiles(g, width, height, level, render, started) {
    const k = Math.pow(2, level / 2), scale = view.k / k;
    const col0 = Math.floor(-view.x / scale / TILE), col1 = Math.floor((width - view.x) / scale / TILE);
    const row0 = Math.floor(-view.y / scale / TILE), row1 = Math.floor((height - view.y) / scale / TILE);
    let complete = true;
    for (let row = row0; row <= row1; row++) {
      for (let col = col0; col <= col1; col++) {
        const tile = tileAt(level, col, row, render && performance.now() - started < TILE_BUDGET_MS);
        if (!tile) { complete = false; continue; }
        g.drawImage(tile, col * TILE * scale + view.x, row * TILE * scale + view.y, TILE * scale, TILE * scale);
      }
    }
    return complete;
  }

  function paintFromTiles(g, width, height, started) {
    const level = Math.round(Math.log2(view.k) * 2);
    g.fillStyle = "#ffffff";
    g.fillRect(0, 0, width, height);
    g.imageSmoothingEnabled = true;
    if (lastLevel !== null && lastLevel !== level) drawTiles(g, width, height, lastLevel, false, started);
    const complete = drawTiles(g, width, height, level, true, started);
    if (complete) lastLevel = level; else schedule();
    g.save();
    g.translate(view.x, view.y);
    g.scale(view.k, view.k);
    drawSelectedPath(g, 1 / view.k);
    drawSelectedBox(g, 1 / view.k);
    g.restore();
  }

  function badge(g, right, top, text, colour) {
    g.font = BADGE_FONT;
    const width = g.measureText(text).width + 8;
    g.beginPath();
    roundRect(g, right - width, top, width, 14, 5);
    g.fillStyle = colour;
    g.fill();
    g.fillStyle = "#ffffff";
    g.fillText(text, right - width + 4, top + 10.5);
    return width;
  }

  function drawLabels(g, i) {
    const x = G.X[i] + 14, inner = G.W[i] - 22;
    const open = P.state[i] === "open";
    g.fillStyle = C.text;
    g.font = NAME_FONT;
    const name = open ? "Open: " + titleOf(i) : P.name[i];
    g.fillText(fitText(g, name, inner - (findingsOf[i] ? 16 : 0), "name")[0], x, G.Y[i] + 16);
    g.fillStyle = C.muted;
    g.font = TITLE_FONT;
    let detail;
    if (open) detail = [P.hired[i] ? "Target start " + P.hired[i] : "Open position"];
    else {
      detail = fitText(g, titleOf(i), inner, "title");
      if (P.state[i] === "planned") detail = [detail[0], "Starts " + P.hired[i]];
    }
    detail.forEach((line, n) => {
      g.font = (/^(Starts |Target start|Open position)/.test(line) ? "italic " : "") + TITLE_FONT;
      g.fillText(line, x, G.Y[i] + 31 + 11 * n);
    });
    if (findingsOf[i]) badge(g, G.X[i] + G.W[i] - 4, G.Y[i] + 3, String(findingsOf[i].length), C.severity[severityName[worst[i]]]);
    const toggle = toggleLabel(i);
    if (toggle) {
      g.font = BADGE_FONT;
      const width = g.measureText(toggle).width + 10;
      const cx = G.X[i] + G.W[i] / 2;
      g.beginPath();
      roundRect(g, cx - width / 2, G.Y[i] + G.H[i] - 7, width, 14, 7);
      g.fillStyle = "#ffffff";
      g.fill();
      g.strokeStyle = C.muted;
      g.lineWidth = 1;
      g.stroke();
      g.fillStyle = C.muted;
      g.fillText(toggle, cx - width / 2 + 5, G.Y[i] + G.H[i] + 3.5);
    }
  }

  let frameRequested = false;
  let lastFrameMs = 0;
  function draw() {
    frameRequested = false;
    const { width, height } = canvasSize();
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
    }
    const started = performance.now();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (view.k < TEXT_ZOOM) paintFromTiles(ctx, width, height, started);
    else paint(ctx, width, height, view);
    lastFrameMs = performance.now() - started;
    placeFocus();
  }
  function schedule() {
    if (!frameRequested) { frameRequested = true; requestAnimationFrame(draw); }
  }

  // ---- hit testing, pan and zoom -------------------------------------------------------
  function toWorld(sx, sy) {
    return [(sx - view.x) / view.k, (sy - view.y) / view.k];
  }

  /** What is under a screen point: {person, toggle} or null. */
  function hit(sx, sy) {
    const [wx, wy] = toWorld(sx, sy);
    const { boxes } = query(wx - 1, wy - 1, wx + 1, wy + 1);
    for (const k of boxes) {
      const i = G.boxes[k];
      if (!visible[i]) continue;
      const cx = G.X[i] + G.W[i] / 2;
      if (toggleLabel(i) && Math.abs(wx - cx) <= 14 && wy >= G.Y[i] + G.H[i] - 8 && wy <= G.Y[i] + G.H[i] + 8) {
        return { person: i, toggle: true };
      }
      if (wx >= G.X[i] && wx <= G.X[i] + G.W[i] && wy >= G.Y[i] && wy <= G.Y[i] + G.H[i]) return { person: i, toggle: false };
    }
    return null;
  }

  function zoomAt(factor, sx, sy) {
    const k = Math.min(4, Math.max(0.002, view.k * factor));
    const [wx, wy] = toWorld(sx, sy);
    view = { k, x: sx - wx * k, y: sy - wy * k };
    schedule();
  }
  function panBy(dx, dy) {
    view = { k: view.k, x: view.x + dx, y: view.y + dy };
    schedule();
  }

  const pointers = new Map();
  let gesture = null;
  canvas.addEventListener("pointerdown", (e) => {
    canvas.setPointerCapture(e.pointerId);
    pointers.set(e.pointerId, { x: e.offsetX, y: e.offsetY });
    gesture = { moved: 0, pinch: pointers.size > 1 ? pinchState() : null };
  });
  canvas.addEventListener("pointermove", (e) => {
    const last = pointers.get(e.pointerId);
    if (!last || !gesture) return;
    const now = { x: e.offsetX, y: e.offsetY };
    pointers.set(e.pointerId, now);
    if (pointers.size > 1) {
      const pinch = pinchState();
      if (gesture.pinch) {
        zoomAt(pinch.distance / gesture.pinch.distance, pinch.x, pinch.y);
        panBy(pinch.x - gesture.pinch.x, pinch.y - gesture.pinch.y);
      }
      gesture.pinch = pinch;
      gesture.moved += 10;
      return;
    }
    gesture.moved += Math.abs(now.x - last.x) + Math.abs(now.y - last.y);
    if (gesture.moved > 3) canvas.classList.add("dragging");
    panBy(now.x - last.x, now.y - last.y);
  });
  const release = (e) => {
    pointers.delete(e.pointerId);
    canvas.classList.remove("dragging");
    if (gesture && gesture.moved <= 3 && e.type === "pointerup" && pointers.size === 0) {
      const target = hit(e.offsetX, e.offsetY);
      if (target && target.toggle) toggle(target.person);
      else if (target) select(target.person, { focus: true });
    }
    if (pointers.size === 0) gesture = null;
  };
  canvas.addEventListener("pointerup", release);
  canvas.addEventListener("pointercancel", release);
  canvas.addEventListener("dblclick", (e) => {
    const target = hit(e.offsetX, e.offsetY);
    if (target && !target.toggle) toggle(target.person);
  });
  function pinchState() {
    const [a, b] = Array.from(pointers.values());
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, distance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)) };
  }
  canvas.addEventListener("wheel", (e) => {
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    if (e.ctrlKey || !e.shiftKey) zoomAt(Math.exp(-e.deltaY * unit * (e.ctrlKey ? 0.01 : 0.0015)), e.offsetX, e.offsetY);
    else panBy(-e.deltaX * unit, -e.deltaY * unit);
  }, { passive: false });
  function fitBar() {  // the toolbar wraps on narrow screens: the chart starts below it
    document.documentElement.style.setProperty("--bar-height", document.querySelector(".bar").offsetHeight + "px");
    schedule();
  }
  window.addEventListener("resize", fitBar);

  // ---- expand, collapse, select --------------------------------------------------------
  function toggle(i) {
    if (!children[i]) return;
    expanded[i] = expanded[i] ? 0 : 1;
    refreshVisible();
    useLayout(FULL, i);
    if (expanded[i]) reveal([i, ...children[i]]);
    if (selected >= 0 && !visible[selected]) select(i, { keepView: true });
    announce((expanded[i] ? "Expanded " : "Collapsed ") + P.name[i] + ", " + visibleCount + " people shown");
    updateFocus();
    schedule();
  }

  /** Pan (and zoom out if need be) the least that brings all of ``people`` on screen. */
  function reveal(people) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const i of people) {
      x0 = Math.min(x0, G.X[i]); y0 = Math.min(y0, G.Y[i]);
      x1 = Math.max(x1, G.X[i] + G.W[i]); y1 = Math.max(y1, G.Y[i] + G.H[i] + 12);
    }
    const { width, height } = canvasSize();
    const pad = 24;
    if ((x1 - x0) * view.k > width - 2 * pad || (y1 - y0) * view.k > height - 2 * pad) {
      view = fitView([x0, y0, x1, y1], view.k);
      return;
    }
    const shift = (low, high, size) => (low < pad ? pad - low : high > size - pad ? size - pad - high : 0);
    view = { k: view.k, x: view.x + shift(x0 * view.k + view.x, x1 * view.k + view.x, width),
      y: view.y + shift(y0 * view.k + view.y, y1 * view.k + view.y, height) };
  }

  function centreOn(i) {
    const { height } = canvasSize();
    const width = chartWidthBesidePanel();
    const k = Math.max(view.k, READABLE);
    view = { k, x: width / 2 - (G.X[i] + G.W[i] / 2) * k, y: height / 2 - (G.Y[i] + G.H[i] / 2) * k };
  }

  /** Make ``i`` the selected person: show their chain, details and address. */
  function select(i, options = {}) {
    if (i < 0 || i >= N) return;
    if (!isDrawnIn(FULL, i)) {  // hidden by --depth: show the drawn manager above them, and their details
      let up = P.manager[i];
      while (up !== null && up !== undefined && !isDrawnIn(FULL, up)) up = P.manager[up];
      if (up === null || up === undefined) return;
      select(up, options);
      showDetails(i);
      return;
    }
    selected = i;
    if (!visible[i]) expandChain(i);
    if (!options.keepView) {
      const { height } = canvasSize();
      const sx = G.X[i] * view.k + view.x, sy = G.Y[i] * view.k + view.y;
      const offscreen = sx < 0 || sy < 0 || sx + G.W[i] * view.k > chartWidthBesidePanel() || sy + G.H[i] * view.k > height;
      if (options.centre || offscreen || view.k < TEXT_ZOOM) centreOn(i);
    }
    setAddress(P.id[i]);
    showDetails(i);
    updateFocus();
    if (options.focus) focusBox.focus({ preventScroll: true });
    schedule();
  }

  // ---- URL fragment --------------------------------------------------------------------
  function setAddress(id) {
    const hash = "#person=" + encodeURIComponent(id);
    if (location.hash === hash) return;
    try { history.replaceState(null, "", hash); } catch (err) { location.replace(hash); }
  }
  function personFromAddress() {
    const match = /^#person=(.*)$/.exec(location.hash);
    if (!match) return -1;
    let id;
    try { id = decodeURIComponent(match[1]); } catch (err) { return -1; }
    return idIndex.has(id) ? idIndex.get(id) : -1;
  }
  const idIndex = new Map(P.id.map((id, i) => [id, i]));
  window.addEventListener("hashchange", () => {
    const i = personFromAddress();
    if (i >= 0 && i !== selected) select(i, { centre: true });
  });

  // ---- keyboard and the accessible tree item -------------------------------------------
  const focusBox = $("focus");
  const status = $("status");
  function announce(text) { status.textContent = text; }

  function describe(i) {
    const parts = [P.name[i], titleOf(i)];
    if (P.state[i] === "open") parts.push("open position");
    if (P.state[i] === "planned") parts.push("starts " + P.hired[i]);
    if (teamName(i)) parts.push("team " + teamName(i));
    const direct = children[i] ? children[i].length : 0;
    if (direct) parts.push(direct + " direct reports, " + below[i] + " in total" + (expanded[i] ? "" : ", collapsed"));
    else if (hiddenBelow(i)) parts.push(hiddenBelow(i) + " people below, not drawn");
    if (findingsOf[i]) parts.push(findingsOf[i].length + " findings, worst " + severityName[worst[i]]);
    return parts.join(", ");
  }

  function updateFocus() {
    const i = selected >= 0 ? selected : roots[0];
    if (i === undefined) return;
    focusBox.setAttribute("aria-label", describe(i));
    focusBox.setAttribute("aria-level", String(depth[i] + 1));
    if (children[i]) focusBox.setAttribute("aria-expanded", expanded[i] ? "true" : "false");
    else focusBox.removeAttribute("aria-expanded");
    focusBox.dataset.person = P.id[i];
    placeFocus();
  }
  function placeFocus() {
    const i = selected >= 0 ? selected : roots[0];
    if (i === undefined) return;
    const s = focusBox.style;
    s.left = G.X[i] * view.k + view.x + "px";
    s.top = G.Y[i] * view.k + view.y + "px";
    s.width = G.W[i] * view.k + "px";
    s.height = G.H[i] * view.k + "px";
  }

  function siblings(i) {
    return parent[i] >= 0 ? children[parent[i]] : roots;
  }
  focusBox.addEventListener("keydown", (e) => {
    if (e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return;
    const i = selected >= 0 ? selected : roots[0];
    let next = -1;
    if (e.key === "ArrowUp") next = parent[i];
    else if (e.key === "ArrowDown" && children[i]) {
      if (!expanded[i]) toggle(i);
      next = children[i][0];
    } else if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
      const row = siblings(i);
      next = row[row.indexOf(i) + (e.key === "ArrowLeft" ? -1 : 1)];
      if (next === undefined) next = -1;
    } else if (e.key === "Home") next = roots[0];
    else if (e.key === "Enter" || e.key === " ") { toggle(i); e.preventDefault(); return; }
    else return;
    e.preventDefault();
    if (next >= 0) { select(next); announce(describe(next)); }
  });
  focusBox.addEventListener("focus", () => { if (selected < 0 && roots.length) select(roots[0], { keepView: true }); });

  document.addEventListener("keydown", (e) => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
    if (e.key === "Escape") { closeResults(); hidePanel("details"); hidePanel("findings"); return; }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    const { width, height } = canvasSize();
    const step = 80;
    if (e.key === "/") { e.preventDefault(); $("search").focus(); }
    else if (e.key === "+" || e.key === "=") zoomAt(1.25, width / 2, height / 2);
    else if (e.key === "-" || e.key === "_") zoomAt(0.8, width / 2, height / 2);
    else if (e.key === "0") fit();
    else if (e.shiftKey && e.key.startsWith("Arrow") || e.target === document.body && e.key.startsWith("Arrow")) {
      e.preventDefault();
      panBy(e.key === "ArrowLeft" ? step : e.key === "ArrowRight" ? -step : 0,
        e.key === "ArrowUp" ? step : e.key === "ArrowDown" ? -step : 0);
    }
  });

  // ---- search --------------------------------------------------------------------------
  const haystack = P.id.map((id, i) => (P.name[i] + "\u0001" + titleOf(i) + "\u0001" + id + "\u0001" + teamName(i)).toLowerCase());
  const searchBox = $("search"), resultList = $("results");
  let results = [], active = -1;

  /** People matching every word of ``text``; names that start with it first. At most ``limit``. */
  function search(text, limit = 50) {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    const first = [], rest = [];
    for (let i = 0; i < N && first.length < limit; i++) {
      const h = haystack[i];
      let all = true;
      for (const w of words) if (h.indexOf(w) < 0) { all = false; break; }
      if (!all) continue;
      (h.startsWith(words[0]) ? first : rest).push(i);
    }
    return first.concat(rest).slice(0, limit);
  }
  function showResults() {
    results = search(searchBox.value);
    active = results.length ? 0 : -1;
    resultList.replaceChildren(...results.map((i, n) => {
      const item = document.createElement("li");
      item.id = "result-" + n;
      item.setAttribute("role", "option");
      item.dataset.person = P.id[i];
      item.textContent = P.name[i];
      const extra = document.createElement("small");
      extra.textContent = [titleOf(i), teamName(i), P.id[i]].filter(Boolean).join(" · ");
      item.append(extra);
      item.addEventListener("mousedown", (e) => { e.preventDefault(); choose(n); });
      return item;
    }));
    if (searchBox.value && !results.length) {
      const none = document.createElement("li");
      none.className = "muted";
      none.textContent = "No one matches";
      resultList.append(none);
    }
    resultList.hidden = !searchBox.value;
    searchBox.setAttribute("aria-expanded", String(!resultList.hidden));
    markActive();
  }
  function markActive() {
    Array.from(resultList.children).forEach((li, n) => li.setAttribute("aria-selected", String(n === active)));
    if (active >= 0) searchBox.setAttribute("aria-activedescendant", "result-" + active);
    else searchBox.removeAttribute("aria-activedescendant");
  }
  function closeResults() {
    resultList.hidden = true;
    searchBox.setAttribute("aria-expanded", "false");
  }
  function choose(n) {
    const i = results[n];
    if (i === undefined) return;
    closeResults();
    select(i, { centre: true, focus: true });
    announce("Focused " + describe(i));
  }
  searchBox.addEventListener("input", showResults);
  searchBox.addEventListener("focus", () => { if (searchBox.value) showResults(); });
  searchBox.addEventListener("blur", closeResults);
  searchBox.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (results.length) active = (active + (e.key === "ArrowDown" ? 1 : -1) + results.length) % results.length;
      markActive();
    } else if (e.key === "Enter") {
      e.preventDefault();
      choose(Math.max(active, 0));
    }
  });

  // ---- panels --------------------------------------------------------------------------
  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  function personLink(i) {
    const button = el("button", P.name[i], "link");
    button.type = "button";
    button.dataset.person = P.id[i];
    button.addEventListener("click", () => select(i, { centre: true }));
    return button;
  }
  function linkList(people, limit = 30) {
    const span = el("span");
    people.slice(0, limit).forEach((p, n) => {
      if (n) span.append(", ");
      span.append(personLink(p));
    });
    if (people.length > limit) span.append(" and " + (people.length - limit) + " more");
    return span;
  }
  function findingItem(f, withPerson) {
    const item = el("li", null, "finding");
    item.style.borderColor = C.severity[f.severity];
    const head = el("p");
    head.append(el("strong", f.code + " "), el("span", "[" + f.severity + "] ", "muted"));
    if (withPerson) head.append(personLink(f.person));
    item.append(head, el("p", f.message));
    if (f.suggestion) item.append(el("p", f.suggestion, "suggestion"));
    if (f.line) item.append(el("p", "Line " + f.line + ", column " + f.column, "muted"));
    return item;
  }
  function hidePanel(id) {
    $(id).hidden = true;
    if (id === "findings") $("findings-button").setAttribute("aria-expanded", "false");
  }
  document.querySelectorAll("[data-close]").forEach((b) => b.addEventListener("click", () => hidePanel(b.dataset.close)));

  function showDetails(i) {
    const body = $("details-body");
    const r = role(i);
    const chain = [];
    for (let up = P.manager[i]; up !== null && up !== undefined; up = P.manager[up]) chain.unshift(up);
    const crumbs = el("ol", null, "crumbs");
    crumbs.setAttribute("aria-label", "Manager chain");
    // A long chain shows its top two and nearest three managers, and how many are between.
    const shown = chain.length > 6 ? [...chain.slice(0, 2), null, ...chain.slice(-3)] : chain;
    for (const up of shown) {
      const li = el("li", up === null ? "… " + (chain.length - 5) + " more …" : null);
      if (up !== null) li.append(personLink(up));
      crumbs.append(li);
    }
    crumbs.append(el("li", P.name[i]));
    const fields = el("dl", null, "fields");
    const add = (label, value) => {
      if (value === null || value === undefined || value === "") return;
      fields.append(el("dt", label));
      const dd = el("dd");
      if (value instanceof Node) dd.append(value); else dd.textContent = String(value);
      fields.append(dd);
    };
    add("Id", P.id[i]);
    add("Name", P.name[i]);
    add("Title", P.title[i]);
    add("Role", r[1] + " (" + r[0] + ", " + r[2] + (r[3] === null ? "" : ", rank " + r[3]) + ")");
    if (P.team[i] !== null) add("Team", P.teams[P.team[i]][1] + " (" + P.teams[P.team[i]][0] + ")");
    add("Status", { present: "Present", open: "Open position", planned: "Planned hire" }[P.state[i]]);
    add("Hired", P.hired[i]);
    add("Experience", P.experience[i] === null ? null : P.experience[i] + " years");
    const manager = P.manager[i];
    add("Reports to", manager === null || manager === undefined ? (P.reportsTo[i] || null) : personLink(manager));
    if (P.reportsTo[i] && manager !== null && manager !== undefined) add("Written as", P.reportsTo[i]);
    add("Direct reports", reportsOf[i] ? reportsOf[i].length : 0);
    add("Total reports", totalBelow[i]);
    if (P.dotted[i]) add("Dotted-line managers", linkList(P.dotted[i]));
    if (dottedReports[i]) add("Dotted-line reports", linkList(dottedReports[i]));
    if (P.ignore[i]) add("Ignores", P.ignore[i].join(", "));
    add("Line in file", P.line[i]);
    const heading = el("h2", P.name[i]);
    heading.id = "details-name";
    const parts = [crumbs, heading, el("p", titleOf(i), "muted"), fields];
    if (reportsOf[i]) {
      parts.push(el("h3", "Direct reports"), linkList(reportsOf[i]));
    }
    const own = findingsOf[i] || [];
    parts.push(el("h3", own.length ? "Findings (" + own.length + ")" : "No findings"));
    if (own.length) {
      const list = el("ol");
      list.style.padding = "0";
      own.forEach((f) => list.append(findingItem(f, false)));
      parts.push(list);
    }
    body.replaceChildren(...parts);
    $("details").hidden = false;
  }

  // Findings panel: built when opened, at most FINDINGS_SHOWN items (filters narrow the rest).
  const FINDINGS_SHOWN = 500;
  const codeFilter = $("filter-code"), severityFilter = $("filter-severity");
  Array.from(new Set(findings.map((f) => f.code))).sort().forEach((code) => {
    const option = el("option", code);
    option.value = code;
    codeFilter.append(option);
  });
  $("findings-count").textContent = "(" + findings.length + ")";
  function showFindings() {
    const sev = severityFilter.value, code = codeFilter.value;
    const matching = findings.filter((f) => (!sev || f.severity === sev) && (!code || f.code === code));
    matching.sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || a.n - b.n);
    const list = $("findings-list");
    list.replaceChildren(...matching.slice(0, FINDINGS_SHOWN).map((f) => {
      const item = findingItem(f, true);
      item.dataset.code = f.code;
      item.addEventListener("click", (e) => {
        if (e.target.closest("button")) return;
        select(f.person, { centre: true, focus: true });
      });
      return item;
    }));
    if (!matching.length) list.append(el("li", "No findings" + (sev || code ? " match these filters" : ""), "muted"));
    if (matching.length > FINDINGS_SHOWN) list.append(el("li", (matching.length - FINDINGS_SHOWN) + " more: filter by severity or code", "muted"));
  }
  severityFilter.addEventListener("change", showFindings);
  codeFilter.addEventListener("change", showFindings);
  $("findings-button").addEventListener("click", () => {
    const panel = $("findings");
    panel.hidden = !panel.hidden;
    $("findings-button").setAttribute("aria-expanded", String(!panel.hidden));
    if (!panel.hidden) showFindings();
  });
  if (!D.showFindings) $("findings-button").hidden = true;

  // ---- legend and tools ----------------------------------------------------------------
  function showLegend() {
    const legend = $("legend");
    const entries = C.modes[colorBy].legend.map(([label, colour]) => ["swatch", label, C.palette[colour]]);
    if (P.state.includes("open")) entries.push(["open", "Open position", C.line]);
    if (showDotted && FULL.dotted.includes(1)) entries.push(["dotted", "Dotted line", C.dotted]);
    const counts = new Map();  // code -> {f: a finding with that code, n: how many}
    for (const f of findings) {
      if (!counts.has(f.code)) counts.set(f.code, { f, n: 0 });
      counts.get(f.code).n++;
    }
    for (const [kind, label] of D.changeLegend || []) entries.push(["finding", label, D.changeColours[kind]]);
    Array.from(counts.keys()).sort().forEach((code) => {
      const { f, n } = counts.get(code);
      entries.push(["finding", code + " " + f.name + " (" + n + ")", C.severity[f.severity]]);
    });
    legend.replaceChildren(...entries.map(([kind, label, colour]) => {
      const item = el("span");
      const mark = el("i", null, kind === "swatch" ? "" : kind);
      if (kind === "swatch") mark.style.background = colour;
      else mark.style.borderColor = colour;
      item.append(mark, el("span", label));
      return item;
    }));
  }
  $("color-by").value = colorBy;
  $("color-by").addEventListener("change", (e) => {
    colorBy = e.target.value;
    invalidateTiles();
    showLegend();
    schedule();
  });
  $("show-dotted").addEventListener("change", (e) => {
    showDotted = e.target.checked;
    invalidateTiles();
    showLegend();
    schedule();
  });
  $("fit").addEventListener("click", fit);
  const levelsBox = $("levels");
  const deepest = order.reduce((m, i) => Math.max(m, depth[i] + 1), 0);
  for (let n = 1; n <= deepest; n++) levelsBox.append(Object.assign(el("option", String(n)), { value: String(n) }));
  levelsBox.append(Object.assign(el("option", "All"), { value: "all" }));
  levelsBox.addEventListener("change", () => {
    collapseTo(levelsBox.value === "all" ? Infinity : Number(levelsBox.value));
    if (selected >= 0 && !visible[selected]) selected = -1;
    fit();
  });
  $("expand-all").addEventListener("click", () => { collapseTo(Infinity); fit(); });
  $("collapse-all").addEventListener("click", () => { collapseTo(openDepth); if (selected >= 0 && !visible[selected]) selected = -1; fit(); });

  // ---- export --------------------------------------------------------------------------
  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
  const baseName = (D.title.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "") || "org") + "-chart";
  const xml = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

  /** The current view as an SVG document: what is on screen, at any size. */
  function exportSvg() {
    const { width, height } = canvasSize();
    const v = view;
    const x0 = -v.x / v.k, y0 = -v.y / v.k, x1 = (width - v.x) / v.k, y1 = (height - v.y) / v.k;
    const { boxes, lines } = query(x0, y0, x1, y1);
    const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${x0} ${y0} ${x1 - x0} ${y1 - y0}" font-family="${xml(FONT)}">`,
      `<title>${xml(D.title)}</title>`, `<rect x="${x0}" y="${y0}" width="${x1 - x0}" height="${y1 - y0}" fill="#fff"/>`];
    for (const c of lines.filter(lineShown)) {
      const pts = [];
      for (let p = G.start[c]; p < G.end(c); p += 2) pts.push(G.points[p] + "," + G.points[p + 1]);
      const dotted = G.dotted[c];
      out.push(`<polyline points="${pts.join(" ")}" fill="none" stroke="${dotted ? C.dotted : C.line}"${dotted ? ' stroke-dasharray="4 3"' : ""}/>`);
    }
    const probe = document.createElement("canvas").getContext("2d");
    for (const k of boxes) {
      const i = G.boxes[k];
      if (!visible[i]) continue;
      const open = P.state[i] === "open";
      const colour = groupColour(i);
      const stroke = outline(i, colour);
      out.push(`<g id="person-${xml(P.id[i])}"><title>${xml(describe(i))}</title>`,
        `<rect x="${G.X[i]}" y="${G.Y[i]}" width="${G.W[i]}" height="${G.H[i]}" rx="6" fill="${open ? "#fff" : C.tint[C.modes[colorBy].colour[i]]}" stroke="${stroke}" stroke-width="${emphasised(i) ? 2.4 : 1}"${dashedBox(i) ? ' stroke-dasharray="4 2.5"' : ""}/>`);
      if (!open) out.push(`<rect x="${G.X[i] + 4}" y="${G.Y[i] + 6}" width="4" height="${G.H[i] - 12}" fill="${colour}"/>`);
      probe.font = NAME_FONT;
      const name = fitText(probe, open ? "Open: " + titleOf(i) : P.name[i], G.W[i] - 22, "name")[0];
      out.push(`<text x="${G.X[i] + 14}" y="${G.Y[i] + 16}" font-size="9.5" font-weight="bold" fill="${C.text}">${xml(name)}</text>`);
      probe.font = TITLE_FONT;
      fitText(probe, titleOf(i), G.W[i] - 22, "title").forEach((line, n) => {
        out.push(`<text x="${G.X[i] + 14}" y="${G.Y[i] + 31 + 11 * n}" font-size="7.5" fill="${C.muted}">${xml(line)}</text>`);
      });
      out.push("</g>");
    }
    out.push("</svg>");
    download(new Blob([out.join("\n")], { type: "image/svg+xml" }), baseName + ".svg");
  }

  /** The current view as a PNG at twice the screen's resolution. */
  function exportPng() {
    const { width, height } = canvasSize();
    const scale = 2 * (window.devicePixelRatio || 1);
    const out = document.createElement("canvas");
    out.width = Math.round(width * scale);
    out.height = Math.round(height * scale);
    const g = out.getContext("2d");
    g.scale(scale, scale);
    paint(g, width, height, view);
    out.toBlob((blob) => download(blob, baseName + ".png"), "image/png");
  }
  $("export-svg").addEventListener("click", exportSvg);
  $("export-png").addEventListener("click", exportPng);

  // ---- start ---------------------------------------------------------------------------
  $("title").textContent = D.title;
  $("subtitle").textContent = D.subtitle;
  fitBar();
  openDepth = chooseOpenDepth();
  collapseTo(openDepth);
  levelsBox.value = openDepth === Infinity ? "all" : String(openDepth);
  showLegend();
  fit();
  updateFocus();
  const start = personFromAddress();
  if (start >= 0) select(start, { centre: true });
  draw();
  document.documentElement.dataset.ready = "true";
  performance.mark("orgmodel-chart-drawn");

  // For tests and benchmarks: read-only facts about what is shown, and timings.
  window.orgmodelChart = Object.freeze({
    visibleCount: () => visibleCount,
    isVisible: (id) => !!visible[idIndex.get(id)],
    isExpanded: (id) => !!expanded[idIndex.get(id)],
    selected: () => (selected >= 0 ? P.id[selected] : null),
    view: () => ({ ...view }),
    openDepth: () => openDepth,
    screenBox: (id) => {
      const i = idIndex.get(id);
      return { x: G.X[i] * view.k + view.x, y: G.Y[i] * view.k + view.y, width: G.W[i] * view.k, height: G.H[i] * view.k };
    },
    search: (text) => search(text).map((i) => P.id[i]),
    frame: () => { draw(); return lastFrameMs; },
    panBy, zoomAt,
  });
})();
