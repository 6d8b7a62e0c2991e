// The steward page: reads the queue and one conflict from /api/conflicts, posts decisions to
// /api/conflicts/{id}/resolve. Text from the warehouse is always set as textContent, never as HTML.
"use strict";

const api = async (path, options) => {
  // Absolute from location.origin: a page opened as http://user:pass@host/ would otherwise refuse relative fetches.
  const response = await fetch(new URL(path, window.location.origin), { credentials: "same-origin", headers: { "Content-Type": "application/json" }, ...options });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
  return body;
};

const cell = (row, text, className) => {
  const td = row.insertCell();
  td.textContent = text ?? "";
  if (className) td.className = className;
  return td;
};

const number = (value) => (value === null || value === undefined ? "" : String(value));
const origin = (c) => `${c.source}/${c.stream}`;
const valueOf = (c) => (c.numerator ?? c.value);
let me = { canResolve: false };
let current = null;

async function loadFilters() {
  const options = await api("/api/conflicts/filters");
  const form = document.getElementById("filters");
  for (const option of options) {
    const select = form.elements[option.kind];
    if (!select) continue;
    const element = document.createElement("option");
    element.value = option.code;
    element.textContent = option.kind === "province" ? `${option.code} ${option.name}` : option.name === option.code ? option.code : `${option.name} (${option.code})`;
    select.appendChild(element);
  }
}

async function loadQueue() {
  const form = new FormData(document.getElementById("filters"));
  const query = new URLSearchParams();
  for (const [key, value] of form) if (value) query.set(key, value);
  const rows = await api(`/api/conflicts?${query}`);
  const body = document.querySelector("#queue tbody");
  body.replaceChildren();
  for (const r of rows) {
    const row = body.insertRow();
    row.dataset.id = r.id;
    cell(row, r.id);
    cell(row, `${r.unitCode} ${r.unitName}`);
    cell(row, r.provinceName);
    cell(row, r.measure);
    cell(row, r.period);
    cell(row, r.status, `status-${r.status}`);
    cell(row, r.relativeSpread === null ? "" : `${Math.round(r.relativeSpread * 100)}%`);
    const values = cell(row, r.sourceValues);
    if (r.simulated) {
      const badge = document.createElement("span");
      badge.className = "simulated";
      badge.textContent = "SIMULATED";
      values.append(" ", badge);
    }
    cell(row, r.chosen ?? (r.suggestion ? `pending (suggested ${r.suggestion})` : "pending"));
    row.addEventListener("click", () => showDetail(r.id));
  }
  // The API answers at most 200 rows unless asked for more: say so rather than pretend the queue is that long.
  document.getElementById("queue-count").textContent = rows.length === 200 ? "The first 200 conflicts; narrow the filters for the rest." : `${rows.length} conflicts`;
}

async function showDetail(id) {
  current = await api(`/api/conflicts/${id}`);
  const c = current;
  document.querySelectorAll("#queue tbody tr").forEach((tr) => tr.classList.toggle("selected", tr.dataset.id === String(id)));
  document.getElementById("detail").hidden = false;
  document.getElementById("detail-title").textContent = `${c.unitCode} ${c.unitName}, ${c.provinceName}: ${c.measureTitle}, ${c.period}`;
  document.getElementById("detail-status").textContent = `Conflict ${c.id}: ${c.status} (${c.reason}); gap ${c.spread}${c.relativeSpread === null ? "" : ` = ${(c.relativeSpread * 100).toFixed(1)}%`}`;

  const values = document.querySelector("#values tbody");
  values.replaceChildren();
  for (const v of c.candidates) {
    const row = values.insertRow();
    cell(row, origin(v));
    cell(row, number(valueOf(v)));
    cell(row, number(v.denominator));
    cell(row, v.complete ? "yes" : "no");
    cell(row, v.revision);
    cell(row, v.simulated ? "SIMULATED" : "", v.simulated ? "simulated" : "");
  }

  document.getElementById("suggestion").textContent = c.suggestion ? `The precedence policy suggests ${origin(c.suggestion)}.` : "The policy has no suggestion.";
  document.getElementById("decision").textContent = c.chosen
    ? `Counts: ${origin(c.chosen)} ${number(valueOf(c.chosen))}${c.decidedBy ? `, decided by ${c.decidedBy}${c.decisionNote ? `: ${c.decisionNote}` : ""}` : ""}`
    : "Nothing counts until a steward decides.";

  const revisions = document.querySelector("#revisions tbody");
  revisions.replaceChildren();
  for (const r of c.sourceRevisions) {
    const row = revisions.insertRow();
    cell(row, `${r.source}/${r.stream}`);
    cell(row, r.revision);
    cell(row, number(r.numerator ?? r.value));
    cell(row, number(r.denominator));
    cell(row, r.change);
  }

  const history = document.querySelector("#history tbody");
  history.replaceChildren();
  for (const e of c.history) {
    const row = history.insertRow();
    cell(row, e.at.replace("T", " ").slice(0, 16));
    cell(row, e.actor);
    cell(row, e.action);
    cell(row, `${e.statusBefore ?? "-"} → ${e.statusAfter}`);
    cell(row, e.chosenAfter ? `${origin(e.chosenAfter)} ${number(valueOf(e.chosenAfter))}` : "");
    cell(row, [e.note, e.evidenceUrl].filter(Boolean).join(" "));
  }

  showForm(c);
}

function showForm(c) {
  const form = document.getElementById("resolve");
  form.hidden = !me.canResolve || c.status === "withdrawn";
  form.reset();
  document.getElementById("resolve-result").textContent = "";
  const choices = document.getElementById("choices");
  choices.replaceChildren();
  const legend = document.createElement("legend");
  legend.textContent = "Value that counts";
  choices.appendChild(legend);
  const choice = (value, text, checked) => {
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.type = "radio";
    input.name = "choice";
    input.value = value;
    input.checked = checked;
    label.append(input, ` ${text}`);
    choices.appendChild(label);
  };
  for (const v of c.candidates) choice(origin(v), `accept ${origin(v)}: ${number(valueOf(v))}${v.denominator === null ? "" : ` / ${v.denominator}`}`, c.suggestion && origin(c.suggestion) === origin(v));
  choice("override", "override with the values below (reason and evidence link required)", false);
}

async function resolve(event) {
  event.preventDefault();
  const form = event.target;
  const data = new FormData(form);
  const result = document.getElementById("resolve-result");
  const choice = data.get("choice");
  const decimal = (name) => (data.get(name) === "" ? null : Number(data.get(name)));
  const body = choice === "override"
    ? { numerator: decimal("numerator"), denominator: decimal("denominator"), value: decimal("value"), reason: data.get("reason"), evidence: data.get("evidence") }
    : { accept: choice, reason: data.get("reason") || null, evidence: data.get("evidence") || null };
  try {
    await api(`/api/conflicts/${current.id}/resolve`, { method: "POST", body: JSON.stringify(body) });
    await loadQueue();
    await showDetail(current.id);
    result.className = "";
    result.textContent = `Conflict ${current.id} resolved.`;
  } catch (error) {
    result.className = "error";
    result.textContent = error.message;
  }
}

async function start() {
  me = await api("/api/me");
  document.getElementById("who").textContent = `Signed in as ${me.name} (${me.roles.join(", ")})${me.canResolve ? "" : ": read only"}`;
  document.getElementById("filters").addEventListener("submit", (event) => { event.preventDefault(); loadQueue(); });
  document.getElementById("resolve").addEventListener("submit", resolve);
  await loadFilters();
  await loadQueue();
}

start().catch((error) => { document.getElementById("who").textContent = `Could not load: ${error.message}`; });
