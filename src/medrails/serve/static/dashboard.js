// Dashboard: decisions over time (stacked bars), categories, latency, guard trigger rates — inline SVG only.
"use strict";
const COLORS = {answer: "#12b76a", refuse: "#f79009", emergency: "#d92d20", out_of_scope: "#7a5af8"};
const DECISIONS = ["answer", "refuse", "out_of_scope", "emergency"];
const SVG = "http://www.w3.org/2000/svg";

function el(name, attrs, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text != null) node.textContent = text;
  return node;
}

function timeline(data) {
  const box = document.getElementById("timeline");
  box.innerHTML = "";
  const W = 900, H = 220, left = 36, bottom = 24, top = 10;
  const svg = el("svg", {viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", "aria-label": "decisions over time"});
  const buckets = data.timeline;
  const max = Math.max(1, ...buckets.map(b => DECISIONS.reduce((s, d) => s + (b[d] || 0), 0)));
  const plotW = W - left - 10, plotH = H - bottom - top;
  const barW = buckets.length ? Math.max(4, Math.min(40, plotW / buckets.length - 4)) : 10;
  svg.appendChild(el("line", {x1: left, y1: top + plotH, x2: W - 10, y2: top + plotH, stroke: "#98a2b3"}));
  svg.appendChild(el("text", {x: 2, y: top + 10}, String(max)));
  svg.appendChild(el("text", {x: 2, y: top + plotH}, "0"));
  buckets.forEach((b, i) => {
    const x = left + 4 + i * (plotW / Math.max(buckets.length, 1));
    let y = top + plotH;
    DECISIONS.forEach(d => {
      const n = b[d] || 0;
      if (!n) return;
      const h = n / max * plotH;
      y -= h;
      const rect = el("rect", {x, y, width: barW, height: h, fill: COLORS[d], class: "bar"});
      rect.appendChild(el("title", {}, `${d}: ${n}`));
      svg.appendChild(rect);
    });
    if (i === 0 || i === buckets.length - 1) {
      const when = new Date(b.start * 1000).toISOString().slice(11, 16);
      svg.appendChild(el("text", {x, y: H - 6}, when));
    }
  });
  // p50 latency per bucket as a line on its own scale (right axis)
  const maxMs = Math.max(1, ...buckets.map(b => b.p50_ms || 0));
  const points = buckets.map((b, i) => {
    const x = left + 4 + i * (plotW / Math.max(buckets.length, 1)) + barW / 2;
    return `${x},${top + plotH - (b.p50_ms || 0) / maxMs * plotH}`;
  });
  if (points.length) {
    svg.appendChild(el("polyline", {points: points.join(" "), fill: "none", stroke: "#1d2430", "stroke-width": 2,
                                     "stroke-dasharray": "4 3", class: "latency"}));
    points.forEach(p => { const [x, y] = p.split(","); svg.appendChild(el("circle", {cx: x, cy: y, r: 3, fill: "#1d2430"})); });
    svg.appendChild(el("text", {x: W - 60, y: top + 24}, `p50 ${Math.round(maxMs)} ms`));
  }
  DECISIONS.forEach((d, i) => {
    svg.appendChild(el("rect", {x: W - 420 + i * 105, y: 2, width: 10, height: 10, fill: COLORS[d]}));
    svg.appendChild(el("text", {x: W - 406 + i * 105, y: 11}, d));
  });
  box.appendChild(svg);
  if (!buckets.length) box.insertAdjacentHTML("beforeend", `<p class="muted">No requests in this window yet.</p>`);
}

function bars(id, rows, format) {
  const box = document.getElementById(id);
  box.innerHTML = "";
  if (!rows.length) { box.innerHTML = `<p class="muted">Nothing yet.</p>`; return; }
  const W = 420, rowH = 22, H = rows.length * rowH + 4, labelW = 150;
  const svg = el("svg", {viewBox: `0 0 ${W} ${H}`, width: "100%"});
  const max = Math.max(...rows.map(r => r.value), 1e-9);
  rows.forEach((r, i) => {
    const y = i * rowH + 2;
    svg.appendChild(el("text", {x: 0, y: y + 14}, r.label.slice(0, 22)));
    const w = Math.max(1, r.value / max * (W - labelW - 60));
    svg.appendChild(el("rect", {x: labelW, y: y + 3, width: w, height: rowH - 8, fill: r.color || "#0b6e6e", class: "bar"}));
    svg.appendChild(el("text", {x: labelW + w + 6, y: y + 14}, format(r.value)));
  });
  box.appendChild(svg);
}

async function load() {
  const hours = document.getElementById("hours").value;
  const bucket = hours <= 1 ? 5 : hours <= 24 ? 60 : 720;
  try {
    const data = await MR.api(`/v1/stats?hours=${hours}&bucket_minutes=${bucket}`);
    document.getElementById("total").textContent = data.total;
    const l = data.latency_ms;
    document.getElementById("latency").textContent = `${Math.round(l.p50)} / ${Math.round(l.p90)} / ${Math.round(l.p99)} ms`;
    const answered = data.total ? (100 * (data.decisions.answer || 0) / data.total).toFixed(0) + "%" : "–";
    document.getElementById("answered").textContent = answered;
    timeline(data);
    bars("categories", Object.entries(data.categories).map(([label, value]) => ({label, value})), v => String(v));
    bars("stages", Object.entries(data.stages).map(([label, s]) => ({label, value: s.trigger_rate, color: "#f79009"})),
         v => (100 * v).toFixed(1) + "%");
  } catch (err) {
    document.getElementById("timeline").innerHTML = `<div class="card error">${MR.esc(err.message)}</div>`;
  }
}

(async () => {
  MR.nav("/ui/dashboard");
  await MR.keyBar(await MR.config());
  document.getElementById("hours").onchange = load;
  await load();
  setInterval(load, 10000);
})();
