// Audit viewer: newest records first, expandable JSON, and a chain verification button.
"use strict";
let oldest = null;

function row(entry) {
  const r = entry.record;
  const decision = r.decision ? `<span class="pill ${MR.esc(r.decision)}">${MR.esc(r.decision)}</span> ${MR.esc(r.category || "")}`
                              : MR.esc(r.action || r.reason || "");
  return `<tr class="entry" data-seq="${entry.seq}"><td>${entry.seq}</td><td>${MR.esc(entry.ts.slice(0, 19).replace("T", " "))}</td>
    <td>${MR.esc(entry.kind)}</td><td>${decision}</td><td>${MR.esc((r.input_redacted || "").slice(0, 90))}</td>
    <td><code>${MR.esc(entry.hash.slice(0, 12))}</code></td></tr>
    <tr class="detail hidden" data-for="${entry.seq}"><td colspan="6"><pre class="json">${MR.esc(JSON.stringify(entry, null, 2))}</pre></td></tr>`;
}

async function load(append) {
  const kind = document.getElementById("kind").value;
  const params = new URLSearchParams({limit: "50"});
  if (kind) params.set("kind", kind);
  if (append && oldest) params.set("before", oldest);
  const data = await MR.api("/v1/audit?" + params);
  const body = document.getElementById("rows");
  const html = data.entries.map(row).join("");
  body.innerHTML = append ? body.innerHTML + html : html;
  if (data.entries.length) oldest = data.entries[data.entries.length - 1].seq;
  document.getElementById("total").textContent = `${data.total} records in the log`;
  body.querySelectorAll("tr.entry").forEach(tr => {
    tr.onclick = () => body.querySelector(`tr.detail[data-for="${tr.dataset.seq}"]`).classList.toggle("hidden");
  });
}

async function verify() {
  const out = document.getElementById("verify-result");
  out.textContent = "checking…";
  const res = await MR.api("/v1/audit/verify");
  out.className = res.ok ? "ok" : "bad";
  out.textContent = res.ok ? `chain intact: ${res.checked} records, head ${res.head_hash.slice(0, 16)}`
    : `TAMPERED at record ${res.first_bad.seq} (${res.first_bad.id}): ${res.first_bad.reason}`;
}

(async () => {
  MR.nav("/ui/audit");
  await MR.keyBar(await MR.config());
  document.getElementById("verify").onclick = verify;
  document.getElementById("kind").onchange = () => { oldest = null; load(false); };
  document.getElementById("older").onclick = () => load(true);
  try { await load(false); } catch (err) { document.getElementById("rows").innerHTML = `<tr><td colspan="6">${MR.esc(err.message)}</td></tr>`; }
})();
