// muxbar's web view: every agent of this machine (and of the machines muxbar links to), waiting
// first, live from the daemon's event stream; answer a prompt, type a reply, peek at a pane.
// All text from agents, sessions and hosts goes into the page as text (textContent), never as markup.
"use strict";

const BADGE = { waiting: "?", running: "●", "tool-running": "⚙", done: "✓", error: "✗", idle: "·",
  interrupted: "!", stale: "…" };
const WORKING = ["running", "tool-running"];
const state = { sessions: new Map(), agents: new Map(), usage: new Map(), hosts: new Map(), meta: {},
  prompts: new Map(), peeks: new Map(), csrf: "", notify: [], open: new Set(), drafts: {}, focus: null,
  deferred: false, titles: new Map() };
window.muxbarSeen = []; // [when, title] as titles render, and as agent events arrive: scripts/bench/web reads them
window.muxbarArrived = [];

const $ = (id) => document.getElementById(id);
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}
function banner(text) {
  const b = $("banner");
  b.textContent = text || "";
  b.hidden = !text;
}
const key = (a) => a.pane + " " + a.agent;
// Where an agent runs: here (w undefined) or another machine's tmux server ({host, server}).
const wkey = (pane, w) => (w ? w.host + "|" + w.server + "|" : "") + pane;
const qs = (w) => (w ? "&host=" + encodeURIComponent(w.host) + "&server=" + encodeURIComponent(w.server) : "");

async function call(method, url, body) {
  const opts = { method, headers: {}, credentials: "same-origin" };
  if (method === "POST") opts.headers["X-Muxbar-CSRF"] = state.csrf;
  if (body !== undefined) {
    opts.headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(body);
  }
  const r = await fetch(url, opts);
  if (r.status === 401) unpaired();
  let json = {};
  try { json = await r.json(); } catch (e) { json = {}; }
  return { status: r.status, json };
}

function unpaired() {
  banner("This device is not paired any more. Run muxbar web pair on the machine to pair it again.");
  $("agents").replaceChildren();
  if (state.events) state.events.close();
}

// ---- the stream ----
function connect() {
  const es = new EventSource("/api/events");
  state.events = es;
  es.onopen = () => { $("conn").textContent = "live"; };
  es.onerror = () => {
    $("conn").textContent = "reconnecting…";
    if (es.readyState === EventSource.CLOSED) {
      call("GET", "/api/page").then((r) => { if (r.status === 200) setTimeout(connect, 2000); });
    }
  };
  es.addEventListener("snapshot", (e) => {
    const d = JSON.parse(e.data);
    state.sessions = new Map((d.sessions || []).map((s) => [s.id, s]));
    state.agents = new Map((d.agents || []).map((a) => [key(a), a]));
    state.usage = new Map((d.usage || []).map((u) => [key(u), u]));
    state.hosts = new Map((d.hosts || []).map((h) => [h.host, h]));
    state.meta = Object.fromEntries((d.meta || []).map((m) => [m.session, m]));
    render();
  });
  es.addEventListener("sessions", (e) => {
    state.sessions = new Map(JSON.parse(e.data).sessions.map((s) => [s.id, s]));
    render();
  });
  es.addEventListener("agent", (e) => {
    const a = JSON.parse(e.data);
    if (a.title) window.muxbarArrived.push([Date.now(), a.title]);
    if (window.muxbarArrived.length > 2000) window.muxbarArrived.splice(0, 1000);
    const was = state.agents.get(key(a));
    if (a.gone) state.agents.delete(key(a)); else state.agents.set(key(a), a);
    if (!a.gone) notifyChange(was, a);
    if (!a.gone && a.status === "waiting" && (!was || was.status !== "waiting")) state.prompts.delete(a.pane);
    render();
  });
  es.addEventListener("usage", (e) => { const u = JSON.parse(e.data); state.usage.set(key(u), u); render(); });
  es.addEventListener("host", (e) => {
    const h = JSON.parse(e.data);
    state.hosts.set(h.host, h);
    for (const k of [...state.prompts.keys()]) if (k.startsWith(h.host + "|")) state.prompts.delete(k); // read again
    render();
  });
  es.addEventListener("meta", (e) => { const m = JSON.parse(e.data); state.meta[m.session] = m; render(); });
  es.addEventListener("theme", () => { const l = document.querySelector("link[href^='/theme.css']");
    l.href = "/theme.css?" + Date.now(); });
}

// ---- notifications ----
function notifyChange(was, a) {
  if (!("Notification" in window) || Notification.permission !== "granted" || document.hasFocus()) return;
  let kind = null;
  if (a.status === "waiting" && (!was || was.status !== "waiting")) kind = "waiting";
  else if (a.status === "error" && (!was || was.status !== "error")) kind = "error";
  else if (a.status === "done" && a.unseen && (!was || !was.unseen)) kind = "done";
  if (!kind || !state.notify.includes(kind)) return;
  const s = state.sessions.get(a.session);
  new Notification("muxbar", { body: a.agent + " " + (kind === "waiting" ? "waits for you" : a.status) +
    " in " + (s ? s.name : a.sessionName || "?"), tag: key(a) });
}

// ---- rendering ----
let pending = false;
function render() {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => { pending = false; draw(); });
}

function groups() {
  const out = new Map();
  for (const a of state.agents.values()) {
    const s = state.sessions.get(a.session);
    const name = s ? s.name : a.sessionName || a.session;
    if (!out.has(a.session)) out.set(a.session, { id: a.session, name, index: s ? s.index : 999, agents: [] });
    out.get(a.session).agents.push(a);
  }
  for (const h of state.hosts.values()) {
    for (const s of h.sessions || []) {
      if (!s.agents || !s.agents.length) continue;
      const id = "@" + h.host + " " + s.server + " " + s.name;
      out.set(id, { id, name: s.name + " @" + h.host, index: 1000, where: { host: h.host, server: s.server },
        agents: s.agents });
    }
  }
  const waits = (g) => g.agents.some((a) => a.status === "waiting") ? 0 : 1;
  return [...out.values()].sort((x, y) => waits(x) - waits(y) || x.index - y.index);
}

function draw() {
  const main = $("agents");
  const typing = document.activeElement;
  if (typing && typing.tagName === "INPUT" && main.contains(typing)) {
    state.deferred = true; // redrawing now would take the reply box from under the user's fingers
    return;
  }
  const gs = groups();
  let waiting = 0;
  let total = 0;
  const live = new Set(); // the agents drawn now: what the page keeps for any other goes
  const frag = document.createDocumentFragment();
  for (const g of gs) {
    const sec = el("section");
    sec.append(el("h2", null, g.name));
    const meta = state.meta[g.id];
    if (meta && meta.status) sec.append(el("div", "meta tone-" + meta.status.tone, meta.status.text));
    const order = { waiting: 0, error: 1, running: 2, "tool-running": 2, done: 3 };
    g.agents.sort((a, b) => (order[a.status] ?? 4) - (order[b.status] ?? 4));
    for (const a of g.agents) {
      total++;
      if (a.status === "waiting") waiting++;
      live.add(wkey(a.pane, g.where));
      if (!g.where) live.add(key(a));
      sec.append(card(a, g.where));
    }
    frag.append(sec);
  }
  if (!total) frag.append(el("p", "muted", "No agents right now."));
  main.replaceChildren(frag);
  forgetAllBut(live);
  $("summary").textContent = waiting ? waiting + " waiting · " + total + " agents" : total + " agents";
  document.title = waiting ? "(" + waiting + ") muxbar" : "muxbar";
}

// A page open for days sees agents come and go: their prompts, screens, drafts and figures go with them.
function forgetAllBut(live) {
  for (const m of [state.prompts, state.peeks, state.titles, state.usage]) {
    for (const k of [...m.keys()]) if (!live.has(k)) m.delete(k);
  }
  for (const k of Object.keys(state.drafts)) if (!live.has(k)) delete state.drafts[k];
  for (const k of [...state.open]) if (!live.has(k.slice(k.indexOf(" ") + 1))) state.open.delete(k);
}

function card(a, w) {
  const c = el("div", "agent " + a.status);
  c.dataset.pane = a.pane;
  if (w) c.dataset.host = w.host;
  const row = el("div", "row");
  row.append(el("span", "badge s-" + a.status, BADGE[a.status] || "·"), el("span", "name", a.agent),
    el("span", "status s-" + a.status, a.status + (a.waitsFor ? " (" + a.waitsFor + ")" : "")));
  const u = state.usage.get(key(a));
  if (u) {
    const parts = [];
    if (u.contextPercent !== null && u.contextPercent !== undefined) parts.push("ctx " + u.contextPercent + "%");
    if (u.costUsd !== null && u.costUsd !== undefined) parts.push("$" + Number(u.costUsd).toFixed(2));
    row.append(el("span", "usage" + (u.contextPercent >= 80 ? " warn" : ""), parts.join(" ")));
  }
  c.append(row);
  const title = a.title || a.message;
  if (title) {
    c.append(el("div", "title", title));
    if (state.titles.get(wkey(a.pane, w)) !== title) { // drawn for the first time
      state.titles.set(wkey(a.pane, w), title);
      window.muxbarSeen.push([Date.now(), title]);
      if (window.muxbarSeen.length > 2000) window.muxbarSeen.splice(0, 1000);
    }
  }
  const peek = state.peeks.get(wkey(a.pane, w));
  if (state.open.has("peek " + wkey(a.pane, w)) && peek) c.append(peek); // a waiting agent's: what it asks
  if (a.status === "waiting") c.append(promptBox(a, w));
  c.append(actions(a, w));
  return c;
}

function promptBox(a, w) {
  const box = el("div", "prompt-box");
  const k = wkey(a.pane, w);
  const p = state.prompts.get(k);
  if (p === undefined) {
    state.prompts.set(k, null);
    call("GET", "/api/prompt?pane=" + encodeURIComponent(a.pane) + qs(w)).then((r) => {
      state.prompts.set(k, r.status === 200 ? r.json : { failed: r.json.error || "no prompt" });
      if (r.status === 200 && !state.peeks.has(k)) loadPeek(a.pane, false, w);
      render();
    });
  }
  if (!p) { box.append(el("div", "muted", "reading the prompt…")); return box; }
  if (p.failed || !p.prompt) { box.append(el("div", "muted", p.failed || "no choices on screen")); return box; }
  const choices = el("div", "choices");
  for (const ch of p.prompt.choices) {
    const b = el("button", "choice", ch.number + "  " + ch.label);
    b.type = "button";
    b.dataset.choice = ch.number;
    b.addEventListener("click", () => answer(a, ch.number, p.prompt.hash, w));
    choices.append(b);
  }
  box.append(choices);
  return box;
}

async function answer(a, number, hash, w) {
  const r = await call("POST", "/api/answer?pane=" + encodeURIComponent(a.pane) + "&choice=" + number +
    "&prompt=" + hash + qs(w));
  if (r.status === 200) banner("Answered " + number + " to " + a.agent + ".");
  else if (r.status === 409) banner("The prompt changed before your answer arrived; nothing was sent. Here is the new one.");
  else banner("Not answered: " + (r.json.error || r.status));
  state.prompts.delete(wkey(a.pane, w));
  render();
}

function actions(a, w) {
  const box = el("div");
  const bar = el("div", "actions");
  const k = wkey(a.pane, w);
  const peek = el("button", null, state.open.has("peek " + k) ? "Hide screen" : "Peek");
  peek.type = "button";
  peek.addEventListener("click", () => {
    if (state.open.has("peek " + k)) state.open.delete("peek " + k);
    else { state.open.add("peek " + k); loadPeek(a.pane, true, w); }
    render();
  });
  const reply = el("button", "reply-open", "Reply");
  reply.type = "button";
  reply.addEventListener("click", () => { state.open.add("reply " + k); state.focus = k; render(); });
  bar.append(peek, reply);
  box.append(bar);
  if (state.open.has("reply " + k)) box.append(replyForm(a, w));
  return box;
}

function replyForm(a, w) {
  const k = wkey(a.pane, w);
  const f = el("form", "reply");
  const input = el("input");
  input.name = "text";
  input.autocomplete = "off";
  input.placeholder = "a line for " + a.agent;
  input.value = state.drafts[k] || "";
  input.addEventListener("input", () => { state.drafts[k] = input.value; });
  input.addEventListener("blur", () => { if (state.deferred) { state.deferred = false; render(); } });
  const send = el("button", null, "Send");
  send.type = "submit";
  f.append(input, send);
  f.addEventListener("submit", async (e) => {
    e.preventDefault();
    const now = (w ? a : state.agents.get(key(a))) || a;
    let force = false;
    if (WORKING.includes(now.status)) {
      if (!confirm(a.agent + " is working. Type this into it anyway?")) return;
      force = true;
    }
    const body = { pane: a.pane, text: input.value, force };
    if (w) { body.host = w.host; body.server = w.server; }
    const r = await call("POST", "/api/reply", body);
    if (r.status === 200) {
      banner("Sent to " + a.agent + ".");
      state.open.delete("reply " + k);
      delete state.drafts[k];
      input.blur();
    } else banner("Not sent: " + (r.json.error || r.status));
    render();
  });
  if (state.focus === k) {
    state.focus = null;
    setTimeout(() => input.focus(), 0);
  }
  return f;
}

// ---- peek: the pane's last lines, their SGR colours as spans ----
async function loadPeek(pane, open, w) {
  const r = await call("GET", "/api/screen?pane=" + encodeURIComponent(pane) + qs(w));
  if (r.status !== 200) return;
  const pre = el("pre", "peek");
  const lines = (r.json.lines || []).slice();
  const blank = (l) => l.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").trim() === "";
  while (lines.length && blank(lines[lines.length - 1])) lines.pop(); // the pane's empty rows below
  for (const line of lines.slice(open ? -40 : -12)) {
    sgr(pre, line);
    pre.append("\n");
  }
  state.peeks.set(wkey(pane, w), pre);
  if (!open) state.open.add("peek " + wkey(pane, w));
  render();
}

const PALETTE = ["#000", "#c33", "#3a3", "#cc3", "#36c", "#c3c", "#3cc", "#ccc",
  "#666", "#f55", "#5f5", "#ff5", "#58f", "#f5f", "#5ff", "#fff"];
function colour(codes, i) {
  if (codes[i + 1] === 5) return [xterm(codes[i + 2]), i + 2];
  if (codes[i + 1] === 2) return ["rgb(" + codes[i + 2] + "," + codes[i + 3] + "," + codes[i + 4] + ")", i + 4];
  return [null, i];
}
function xterm(n) {
  if (n < 16) return PALETTE[n];
  if (n >= 232) { const g = 8 + (n - 232) * 10; return "rgb(" + g + "," + g + "," + g + ")"; }
  n -= 16;
  const v = (x) => (x ? 55 + x * 40 : 0);
  return "rgb(" + v(Math.floor(n / 36)) + "," + v(Math.floor(n / 6) % 6) + "," + v(n % 6) + ")";
}
function sgr(pre, line) {
  let fg = null, bg = null, bold = false;
  const re = /\x1b\[([0-9;]*)m/g;
  let at = 0, m;
  const put = (text) => {
    if (!text) return;
    const s = el("span", bold ? "b" : null, text);
    if (fg) s.style.color = fg;
    if (bg) s.style.backgroundColor = bg;
    pre.append(s);
  };
  while ((m = re.exec(line))) {
    put(line.slice(at, m.index));
    at = re.lastIndex;
    const codes = m[1] === "" ? [0] : m[1].split(";").map(Number);
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c === 0) { fg = bg = null; bold = false; }
      else if (c === 1) bold = true;
      else if (c === 22) bold = false;
      else if (c >= 30 && c <= 37) fg = PALETTE[c - 30];
      else if (c >= 90 && c <= 97) fg = PALETTE[c - 82];
      else if (c >= 40 && c <= 47) bg = PALETTE[c - 40];
      else if (c >= 100 && c <= 107) bg = PALETTE[c - 92];
      else if (c === 39) fg = null;
      else if (c === 49) bg = null;
      else if (c === 38) [fg, i] = colour(codes, i);
      else if (c === 48) [bg, i] = colour(codes, i);
    }
  }
  put(line.slice(at).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ""));
}

// ---- start ----
async function start() {
  const r = await call("GET", "/api/page");
  if (r.status !== 200) return;
  state.csrf = r.json.csrf;
  state.notify = r.json.notify || [];
  $("device").textContent = "this device: " + r.json.device;
  if ("Notification" in window && Notification.permission === "default" && state.notify.length) {
    const b = $("notify");
    b.hidden = false;
    b.addEventListener("click", () => Notification.requestPermission().then(() => { b.hidden = true; }));
  }
  connect();
}
start();
