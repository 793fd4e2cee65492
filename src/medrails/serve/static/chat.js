// Chat page: consent first, then streamed, guarded answers rendered as answer / emergency / refusal cards.
"use strict";
const turns = [];
let cfg = null;

function consentId() { return localStorage.getItem("medrails.consent") || ""; }

function enableInput(on) {
  document.getElementById("question").disabled = !on;
  document.getElementById("send").disabled = !on;
  if (on) document.getElementById("question").focus();
}

function showConsent() {
  const modal = document.getElementById("consent");
  document.getElementById("consent-text").textContent = cfg.consent_text;
  modal.classList.remove("hidden");
  const check = document.getElementById("consent-check");
  const accept = document.getElementById("consent-accept");
  check.onchange = () => { accept.disabled = !check.checked; };
  accept.onclick = async () => {
    try {
      const res = await MR.api("/v1/consent", {method: "POST", body: JSON.stringify({accepted: true})});
      localStorage.setItem("medrails.consent", res.consent_id);
      modal.classList.add("hidden");
      enableInput(true);
    } catch (err) {
      document.getElementById("consent-error").textContent = "Could not record your acknowledgement: " + err.message;
    }
  };
}

function bubble(role, text) {
  const div = document.createElement("div");
  div.className = "msg " + role;
  div.textContent = text;
  document.getElementById("log").appendChild(div);
  window.scrollTo(0, document.body.scrollHeight);
  return div;
}

function finish(div, text, ext) {
  const decision = ext.decision || "answer";
  if (decision === "emergency") {
    div.className = "card emergency";
    div.innerHTML = `<h3><span class="badge">!</span> This may be an emergency</h3>${MR.esc(text)}`;
  } else if (decision === "refuse" || decision === "out_of_scope") {
    div.className = "card refusal";
    const title = decision === "out_of_scope" ? "Outside what I can help with" : "I can't help with that here";
    div.innerHTML = `<h3>${title}</h3>${MR.esc(text)}`;
  }
  if (ext.citations && ext.citations.length && !text.includes("Sources:")) {  // the answer may list them already
    const list = document.createElement("ol");
    list.className = "citations";
    list.innerHTML = ext.citations.map(c => `<li><strong>[${MR.esc(c.id)}] ${MR.esc(c.title)}</strong> — <span class="muted">${MR.esc(c.source)}</span></li>`).join("");
    div.appendChild(list);
  }
  const meta = document.createElement("div");
  meta.className = "meta";
  meta.textContent = `decision: ${decision}${ext.category ? " (" + ext.category + ")" : ""} · audit ${String(ext.audit_id || "").slice(0, 12)}`;
  div.appendChild(meta);
  div.dataset.decision = decision;
}

async function ask(question) {
  bubble("user", question);
  const div = bubble("assistant", "…");
  div.dataset.state = "streaming";
  const messages = turns.slice(-6).concat([{role: "user", content: question}]);
  let text = "", ext = {};
  try {
    const response = await fetch("/v1/chat/completions", {
      method: "POST",
      headers: MR.headers({"X-Medrails-Consent": consentId()}),
      body: JSON.stringify({model: cfg.model_id, stream: true, messages}),
    });
    if (!response.ok) {
      let message = "HTTP " + response.status;
      try { message = (await response.json()).error.message; } catch (e) { /* keep the status */ }
      div.className = "card error";
      div.innerHTML = `<h3>Not answered</h3>${MR.esc(message)}`;
      if (response.status === 428) { localStorage.removeItem("medrails.consent"); showConsent(); }
      return;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const {value, done} = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, {stream: true});
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const line = buffer.slice(0, cut).trim();
        buffer = buffer.slice(cut + 2);
        if (!line.startsWith("data:")) continue;
        const payload = line.slice(5).trim();
        if (payload === "[DONE]") continue;
        const chunk = JSON.parse(payload);
        const delta = chunk.choices && chunk.choices[0] ? chunk.choices[0].delta : {};
        if (delta && delta.content) { text += delta.content; div.textContent = text; window.scrollTo(0, document.body.scrollHeight); }
        if (chunk.medrails) ext = chunk.medrails;
      }
    }
    finish(div, text, ext);
    turns.push({role: "user", content: question}, {role: "assistant", content: text});
  } catch (err) {
    div.className = "card error";
    div.innerHTML = `<h3>Connection problem</h3>${MR.esc(err.message)}`;
  } finally {
    div.dataset.state = "done";
  }
}

async function start() {
  MR.nav("/");
  cfg = await MR.config();
  await MR.keyBar(cfg);
  document.getElementById("banner-text").textContent = " " + (cfg.disclaimer || cfg.consent_text.split("\n")[1]);
  document.getElementById("ask").onsubmit = (event) => {
    event.preventDefault();
    const input = document.getElementById("question");
    const question = input.value.trim();
    if (!question) return;
    input.value = "";
    ask(question);
  };
  if (consentId()) enableInput(true); else showConsent();
}
start();
