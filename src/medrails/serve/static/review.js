// Review page: approve, edit or reject queued answers, each with a reason.
"use strict";

function itemHtml(item) {
  const pending = item.status === "pending";
  const resolved = pending ? "" : `<p class="muted">${MR.esc(item.status)} by ${MR.esc(item.reviewer)} — ${MR.esc(item.reason || "no reason")}</p>`;
  return `<div class="panel review-item" data-id="${MR.esc(item.id)}">
    <div><span class="pill ${MR.esc(item.decision)}">${MR.esc(item.decision)}</span> <span class="muted">${MR.esc(item.category || "")} · ${MR.esc(item.created)} · ${MR.esc(item.id)}</span></div>
    <p><strong>Why:</strong> ${MR.esc(item.reasons.join("; "))}</p>
    <p><strong>Question (redacted):</strong> ${MR.esc(item.input_redacted)}</p>
    <p><strong>Answer given:</strong></p><pre class="json">${MR.esc(item.output)}</pre>
    ${item.final_output ? `<p><strong>Corrected answer:</strong></p><pre class="json">${MR.esc(item.final_output)}</pre>` : ""}
    ${resolved}
    ${pending ? `<textarea class="edit" rows="3" placeholder="Corrected answer (for Edit)"></textarea>
      <p><input type="text" class="reason" size="50" placeholder="Reason (required for edit and reject)">
      <button class="approve">Approve</button> <button class="secondary do-edit">Save edit</button> <button class="danger reject">Reject</button>
      <span class="muted result"></span></p>` : ""}
  </div>`;
}

async function act(div, action) {
  const body = {action, reason: div.querySelector(".reason").value};
  if (action === "edit") body.text = div.querySelector(".edit").value;
  try {
    await MR.api(`/v1/review/${encodeURIComponent(div.dataset.id)}`, {method: "POST", body: JSON.stringify(body)});
    await load();
  } catch (err) {
    div.querySelector(".result").textContent = err.message;
  }
}

async function load() {
  const status = document.getElementById("status").value;
  const box = document.getElementById("items");
  try {
    const data = await MR.api(`/v1/review?status=${status}`);
    document.getElementById("count").textContent = `${data.items.length} item(s)`;
    box.innerHTML = data.items.map(itemHtml).join("") || `<p class="muted">Nothing ${status}.</p>`;
    box.querySelectorAll(".review-item").forEach(div => {
      const on = (cls, action) => { const b = div.querySelector(cls); if (b) b.onclick = () => act(div, action); };
      on(".approve", "approve"); on(".do-edit", "edit"); on(".reject", "reject");
    });
  } catch (err) {
    box.innerHTML = `<div class="card error">${MR.esc(err.message)}</div>`;
  }
}

(async () => {
  MR.nav("/ui/review");
  await MR.keyBar(await MR.config());
  document.getElementById("status").onchange = load;
  load();
})();
