// Shared helpers for the medrails pages: API calls with the stored key, navigation, escaping.
"use strict";
const MR = {
  key() { return localStorage.getItem("medrails.key") || ""; },
  setKey(value) { localStorage.setItem("medrails.key", value.trim()); },
  headers(extra) {
    const h = Object.assign({"Content-Type": "application/json"}, extra || {});
    if (MR.key()) h["Authorization"] = "Bearer " + MR.key();
    return h;
  },
  async api(path, options) {
    const opts = Object.assign({}, options || {});
    opts.headers = MR.headers(opts.headers);
    const response = await fetch(path, opts);
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) {
      const message = body && body.error ? body.error.message : ("HTTP " + response.status);
      const err = new Error(message); err.status = response.status; err.body = body; throw err;
    }
    return body;
  },
  esc(text) {
    return String(text == null ? "" : text).replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  },
  async config() { return MR.api("/v1/ui/config"); },
  nav(active) {
    const links = [["/", "Chat"], ["/ui/review", "Review queue"], ["/ui/dashboard", "Dashboard"], ["/ui/audit", "Audit log"]];
    const nav = document.querySelector("header nav");
    nav.innerHTML = links.map(([href, label]) => `<a href="${href}" class="${href === active ? "active" : ""}">${label}</a>`).join("");
  },
  async keyBar(cfg) {
    const who = document.querySelector("header .who");
    if (!cfg.auth_required) { who.textContent = "open mode (local, no API keys)"; return; }
    who.innerHTML = `<input id="apikey" type="password" placeholder="API key" value="${MR.esc(MR.key())}" size="22"> <button id="savekey" class="secondary">Use key</button>`;
    document.getElementById("savekey").onclick = () => { MR.setKey(document.getElementById("apikey").value); location.reload(); };
  },
};
