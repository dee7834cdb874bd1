// The factcheck page.  Its state is a claim file (text, claims, rules); the server checks it.
//
// Everything the user or the article supplies reaches the DOM through textContent or
// attribute setters, never through innerHTML; the one exception is the rule graph, an SVG
// the server builds with every string escaped, parsed as XML (not HTML) before insertion.

import { initialLang, numberFormat, setLang, t, uiLang } from "./i18n.js";
import { converter } from "./offsets.js";

const $ = (id) => document.getElementById(id);

const page = {
  info: null,          // /api/info
  state: null,         // {text, name, lang, document, claims, rules}
  original: {},        // claim id -> claim as first seen (for Revert)
  meta: {},            // rule id -> {origin: inferred|editor|file, status: pending|accepted|rejected, confidence}
  rejected: {},        // rule id -> rule dict, kept so a rejection can be undone
  result: null,        // last good /api/evaluate result
  selected: null,      // claim id in the figure editor
  picks: [],           // figures chosen for a new relation, most recent last
  seq: 0,              // request counter: only the latest answer is drawn
};

// ---------------------------------------------------------------- helpers

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** An exact number from the report ("399500", "1/3", null for unbounded) in words. */
function fmtExact(x) {
  if (x === null || x === undefined) return null;
  if (x === "inf" || x === "-inf") return null;
  let v;
  if (String(x).includes("/")) {
    const [p, q] = String(x).split("/");
    v = Number(p) / Number(q);
  } else v = Number(x);
  return Number.isFinite(v) ? numberFormat().format(v) : String(x);
}

function fmtInterval(iv, unit = "") {
  if (!iv) return t("iv.none");
  const u = unit && unit !== "dimensionless" ? ` ${unit}` : "";
  const lo = iv[0] === "-inf" ? null : fmtExact(iv[0]);
  const hi = iv[1] === "inf" ? null : fmtExact(iv[1]);
  if (lo === null && hi === null) return t("iv.any");
  if (lo !== null && hi !== null && lo === hi) return `${lo}${u}`;
  if (hi === null) return t("iv.least", { x: `${lo}${u}` });
  if (lo === null) return t("iv.most", { x: `${hi}${u}` });
  return t("iv.range", { a: lo, b: `${hi}${u}` });
}

// A run of right-to-left script: letters, with the spaces, digits and separators between them.
const RTL = "\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF«»";
const RTL_RUN = new RegExp(`[${RTL}](?:[${RTL}\u200c\u200d\\s0-9\u06F0-\u06F9\u0660-\u0669\u066B\u066C\u060C]*[${RTL}])?`, "g");

/** Mixed-direction text (an English finding quoting Persian words, or the reverse) with each
 * right-to-left run isolated: otherwise "۶ ماه گذشته (179–186 days)" shows as "(186–179". */
function bidiText(tag, attrs, text) {
  const outside = text.replace(RTL_RUN, "");
  const e = el(tag, { dir: /[A-Za-z]/.test(outside) ? "ltr" : "auto", ...attrs });
  let last = 0;
  for (const m of text.matchAll(RTL_RUN)) {
    e.append(text.slice(last, m.index), el("bdi", { text: m[0] }));
    last = m.index + m[0].length;
  }
  e.append(text.slice(last));
  return e;
}

// A left-to-right run in Persian text: a claim id, an expression or a unit left in English,
// from its first Latin letter (or an opening bracket before it) to its last ASCII letter,
// digit, quote or closing bracket, with the ASCII between ("total >= centre * 4").
const LTR_RUN = /[(\[]*[A-Za-z_](?:[ -~]*[A-Za-z0-9_'")\]])?/g;

/** The part of a run to isolate: up to its first bracket whose pair lies outside it (the
 * "[" of "b = [b: ذکر نشده]"), or after it if it leads the run.  A bracket isolated from its
 * pair would not be mirrored with it. */
function trimBrackets(run) {
  const open = [];
  const unpaired = [];
  for (let i = 0; i < run.length; i++) {
    if ("([".includes(run[i])) open.push(i);
    else if (")]".includes(run[i])) { if (open.length) open.pop(); else unpaired.push(i); }
  }
  unpaired.push(...open);
  if (!unpaired.length) return [0, run.length];
  const first = Math.min(...unpaired);
  if (first < run.search(/[A-Za-z_]/)) {
    const [lead, end] = trimBrackets(run.slice(first + 1));
    return [first + 1 + lead, first + 1 + end];
  }
  let end = first;
  while (end > 1 && !/[A-Za-z0-9_'")\]]/.test(run[end - 1])) end--;
  return [0, end];
}

/** Persian text (a formula naming claims, with Latin ids and expressions) right to left,
 * each left-to-right run isolated: otherwise "a = ۵ نفر" would show its id left of the
 * figure (the figure joins the id's left-to-right run) and "x >= y * 2" inside out. */
function rtlText(tag, attrs, text) {
  const e = el(tag, { dir: "rtl", ...attrs });
  const runs = new RegExp(LTR_RUN.source, "g");
  let last = 0;
  for (let m = runs.exec(text); m; m = runs.exec(text)) {
    const [lead, end] = trimBrackets(m[0]);
    e.append(text.slice(last, m.index + lead), el("bdi", { dir: "ltr", text: m[0].slice(lead, end) }));
    last = runs.lastIndex = m.index + end;  // what a cut run leaves is searched again
  }
  e.append(text.slice(last));
  return e;
}

function claimById(id) {
  return page.state.claims.find((c) => c.id === id);
}

function reportClaim(id) {
  return page.result?.report.claims.find((c) => c.id === id);
}

function described(id) {
  return page.result?.described[id] ?? id;
}

function showError(msg) {
  const box = $("error");
  box.textContent = msg || "";
  box.hidden = !msg;
}

async function api(path, body) {
  const res = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    let msg = `${res.status} ${res.statusText}`;
    try { msg = (await res.json()).error || msg; } catch { /* not JSON */ }
    const err = new Error(msg);
    err.status = res.status;
    throw err;
  }
  return res;
}

/** The claim-file part of the state, as sent to the server (rejected relations left out). */
function payload() {
  const s = page.state;
  return { text: s.text, name: s.name, lang: s.lang || null, document: s.document || null,
           claims: s.claims, rules: s.rules };
}

// ---------------------------------------------------------------- evaluation

async function evaluateNow() {
  const seq = ++page.seq;
  try {
    const res = await api("/api/evaluate", payload());
    const result = await res.json();
    if (seq !== page.seq) return;          // a newer correction is already on its way
    page.result = result;
    showError("");
    render();
  } catch (e) {
    if (seq !== page.seq) return;
    showError(e.message);
    document.body.dataset.state = "error";
  }
}

let timer = null;
function evaluateSoon() {
  clearTimeout(timer);
  timer = setTimeout(evaluateNow, 150);
}

function adopt(state, result, origin) {
  page.state = {
    text: state.text ?? "", name: state.name || "article.txt", lang: state.lang || "",
    document: state.document || null, claims: state.claims || [], rules: state.rules || [],
  };
  page.original = Object.fromEntries(page.state.claims.map((c) => [c.id, structuredClone(c)]));
  page.meta = Object.fromEntries(page.state.rules.map((r) => [r.id, {
    origin, status: "pending", confidence: r.confidence ?? 1 }]));
  page.rejected = {};
  page.selected = null;
  page.picks = [];
  page.result = result;
  $("input-pane").hidden = true;
  $("article-pane").hidden = false;
  $("side").hidden = false;
  for (const id of ["dl-yaml", "dl-json", "dl-svg"]) $(id).disabled = false;
  $("dl-sarif").disabled = !page.info.formats.includes("sarif");
  showError("");
  render();
}

// ---------------------------------------------------------------- input

async function check() {
  const text = $("text").value;
  const lang = $("lang").value || null;
  const note = $("input-note");
  note.textContent = "";
  if (!text.trim()) { note.textContent = t("err.paste"); return; }
  if (!page.info.extraction) {
    note.textContent = t("err.noextract");
    return;
  }
  $("check").disabled = true;
  try {
    const res = await api("/api/analyze", { text, name: page.fileName || "article.txt", lang });
    const out = await res.json();
    adopt(out.state, out.result, "inferred");
  } catch (e) {
    note.textContent = e.message;
  } finally {
    $("check").disabled = false;
  }
}

async function openFiles(files) {
  const note = $("input-note");
  note.textContent = "";
  for (const f of files) {
    if (f.size > page.info.max_bytes) {
      note.textContent = t("err.toolarge", { name: f.name, size: numberFormat().format(f.size),
        limit: numberFormat().format(page.info.max_bytes) });
      return;
    }
  }
  const claimFiles = files.filter((f) => /\.(ya?ml|json)$/i.test(f.name));
  const articles = files.filter((f) => !claimFiles.includes(f));
  if (articles.length > 1) { note.textContent = t("err.onearticle"); return; }
  if (articles.length) {
    $("text").value = await articles[0].text();
    page.fileName = articles[0].name;
    note.textContent = t("opened", { name: articles[0].name });
  }
  if (!claimFiles.length) return;
  try {
    const list = await Promise.all(claimFiles.map(async (f) => ({ name: f.name, content: await f.text() })));
    const text = $("text").value;
    const res = await api("/api/import", { files: list, text, name: page.fileName || "article.txt",
      lang: $("lang").value || null });
    const out = await res.json();
    adopt(out.state, out.result, "file");
  } catch (e) {
    note.textContent = e.message;
  }
}

// ---------------------------------------------------------------- rendering

function statusOf() {
  const rules = {}, claims = {}, needed = {};
  const rank = { none: 0, undetermined: 1, consistent: 2, invalid: 3, inconsistent: 4 };
  const worse = (d, k, s) => { if ((rank[s] ?? 0) > (rank[d[k] ?? "none"] ?? 0)) d[k] = s; };
  for (const f of page.result?.report.findings ?? []) {
    if (f.suppressed) continue;
    for (const r of f.rules) worse(rules, r, f.status);
    for (const c of f.claims) worse(claims, c, f.status);
    if (f.status === "inconsistent") {
      for (const [c, iv] of Object.entries(f.needed)) (needed[c] ??= []).push({ finding: f, iv });
    }
  }
  return { rules, claims, needed };
}

function render() {
  const st = statusOf();
  renderArticle(st);
  renderSummary();
  renderFindings();
  renderRelations(st);
  renderFigureEditor();
  renderAddForm();
  renderGraph();
  save();
  document.body.dataset.state = "ready";
}

// The page's work survives a reload of the tab (not the tab's closing: sessionStorage).
const SAVED = "factcheck.page";

function save() {
  try {
    sessionStorage.setItem(SAVED, JSON.stringify({ state: page.state, original: page.original,
      meta: page.meta, rejected: page.rejected }));
  } catch { /* storage full or off: the page still works, it just will not survive a reload */ }
}

async function restore() {
  let saved = null;
  try { saved = JSON.parse(sessionStorage.getItem(SAVED) || "null"); } catch { saved = null; }
  if (!saved?.state) return;
  try {
    page.state = saved.state;
    const result = await (await api("/api/evaluate", payload())).json();
    adopt(saved.state, result, "file");
    Object.assign(page, { original: saved.original || {}, meta: saved.meta || {}, rejected: saved.rejected || {} });
    render();
  } catch {
    sessionStorage.removeItem(SAVED);
    page.state = null;
  }
}

function renderSummary() {
  const s = page.result.report.summary;
  const bad = s.inconsistent;
  const n = (x) => numberFormat().format(x);
  $("summary").textContent =
    t("summary", { claims: n(s.claims), rules: n(s.rules) }) +
    (bad ? t("summary.bad", { n: n(bad) }) : t("summary.good")) +
    (s.invalid ? t("summary.invalid", { n: n(s.invalid) }) : "") +
    (s.undetermined ? t("summary.undetermined", { n: n(s.undetermined) }) : "");
  $("summary").className = bad ? "bad" : "good";
}

/** The article, one block per line (each with dir=auto), figures marked. */
function renderArticle(st) {
  const text = page.state.text || "";
  const conv = converter(text);
  const spans = [];
  for (const c of page.state.claims) {
    const sp = c.source?.span;
    if (!sp || sp[1] > conv.length || sp[0] >= sp[1]) continue;
    spans.push({ id: c.id, s: conv.toUtf16(sp[0]), e: conv.toUtf16(sp[1]) });
  }
  const art = $("article");
  art.replaceChildren();
  let lineStart = 0;
  for (const line of text.split("\n")) {
    const ls = lineStart, le = lineStart + line.length;
    lineStart = le + 1;
    const p = el("p", { dir: "auto", class: line.trim() ? "para" : "para empty" });
    const cuts = new Set([ls, le]);
    for (const sp of spans) {
      if (sp.e <= ls || sp.s >= le) continue;
      cuts.add(Math.max(sp.s, ls));
      cuts.add(Math.min(sp.e, le));
    }
    const pts = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i], b = pts[i + 1];
      const piece = text.slice(a, b);
      const ids = spans.filter((sp) => sp.s <= a && sp.e >= b).map((sp) => sp.id);
      if (!ids.length) { p.append(piece); continue; }
      const status = ids.map((id) => st.claims[id] || "none")
        .sort((x, y) => ["inconsistent", "invalid", "undetermined", "consistent", "none"].indexOf(x)
          - ["inconsistent", "invalid", "undetermined", "consistent", "none"].indexOf(y))[0];
      const m = el("mark", { class: `fig ${status}${ids.includes(page.selected) ? " selected" : ""}`,
        tabindex: 0, role: "button", "data-claims": ids.join(" "), "aria-describedby": "tip",
        "aria-label": `${piece}: ${ids.map(described).join("; ")} (${t(`status.${status}`)})` },
        piece);
      p.append(m);
    }
    if (!line) p.append("\u200b");
    art.append(p);
  }
}

function tipFor(ids) {
  const st = statusOf();
  const box = el("div");
  for (const id of ids) {
    const c = claimById(id);
    const rc = reportClaim(id);
    if (!c) continue;
    const status = st.claims[id] || "none";
    const dl = el("dl");
    const row = (k, v) => { if (v !== null && v !== undefined && v !== "") dl.append(el("dt", { text: k }), el("dd", { dir: "auto", text: v })); };
    row(t("tip.value"), c.hedge === "range" ? `${c.value} – ${c.value_max}` : String(c.value ?? t("unstated")));
    row(t("tip.unit"), c.unit || "dimensionless");
    row(t("tip.hedge"), t(`hedge.${c.hedge || "exact"}`));
    row(t("tip.interval"), rc ? fmtInterval(rc.interval, c.unit) : "");
    row(t("tip.verdict"), t(`status.${status}`));
    for (const n of st.needed[id] || []) row(t("tip.needed"), fmtInterval(n.iv, c.unit));
    box.append(el("div", { class: `tip-claim ${status}` },
      el("div", { class: "tip-head" }, el("strong", { text: id }), " ",
        el("q", { dir: "auto", text: c.source?.quote || c.written || "" })), dl));
  }
  return box;
}

function showTip(mark) {
  const tip = $("tip");
  tip.replaceChildren(tipFor(mark.dataset.claims.split(" ")));
  tip.hidden = false;
  const r = mark.getBoundingClientRect();
  const w = tip.offsetWidth, h = tip.offsetHeight;
  let x = Math.min(Math.max(8, r.left + r.width / 2 - w / 2), window.innerWidth - w - 8);
  let y = r.bottom + 6;
  if (y + h > window.innerHeight - 8) y = Math.max(8, r.top - h - 6);
  tip.style.left = `${x + window.scrollX}px`;
  tip.style.top = `${y + window.scrollY}px`;
}

function hideTip() { $("tip").hidden = true; }

function claimButton(id) {
  return el("button", { type: "button", class: "link", "data-select": id, text: id });
}

function renderFindings() {
  const box = $("findings");
  box.replaceChildren();
  const order = { inconsistent: 0, invalid: 1, undetermined: 2 };
  const shown = page.result.report.findings
    .filter((f) => f.status !== "consistent" && !f.suppressed)
    .sort((a, b) => order[a.status] - order[b.status]);
  if (!shown.length) {
    box.append(el("p", { class: "good note", text: t("all.hold") }));
    return;
  }
  for (const f of shown) {
    const card = el("div", { class: `finding ${f.status}`, "data-finding": f.id });
    card.append(el("div", { class: "finding-head" },
      el("span", { class: `badge ${f.status}`,
        text: f.possible ? t("possibly", { s: t(`status.${f.status}`) }) : t(`status.${f.status}`) }), " ",
      el("code", { text: [f.code, f.name].filter(Boolean).join(" ") }), " ",
      f.rule ? el("span", { class: "muted", text: `${f.kind} ${f.rule}` }) : el("span", { class: "muted", text: f.rules.join(", ") })));
    // On the Persian page each finding opens with its code's summary in Persian and is
    // explained in Persian (message_fa: the English message's facts and numbers), its
    // arithmetic too (arithmetic_fa: the same formula and numbers), right to left.
    const fa = uiLang() === "fa";
    const summaryFa = fa && f.code ? page.info?.codes?.[f.code]?.fa : "";
    if (summaryFa) card.append(el("p", { class: "summary", lang: "fa", dir: "rtl", text: summaryFa }));
    if (fa && f.message_fa) card.append(el("p", { class: "message", lang: "fa", dir: "rtl", text: f.message_fa }));
    else card.append(bidiText("p", { class: "message" }, f.message));
    if (fa && f.message_fa && f.arithmetic_fa) card.append(rtlText("p", { class: "arithmetic", lang: "fa" }, f.arithmetic_fa));
    else if (f.arithmetic) card.append(bidiText("p", { class: "arithmetic" }, f.arithmetic));
    if (f.status === "inconsistent" && f.claims.length) {
      const table = el("table", { class: "needed" },
        el("thead", {}, el("tr", {}, el("th", { text: t("th.figure") }), el("th", { text: t("th.written") }),
          el("th", { text: t("th.stated") }), el("th", { text: t("th.needed") }))));
      const body = el("tbody");
      for (const cid of f.claims) {
        const c = claimById(cid);
        const rc = reportClaim(cid);
        body.append(el("tr", {},
          el("td", {}, claimButton(cid)),
          el("td", { dir: "auto", text: described(cid) }),
          el("td", { dir: "auto", text: rc ? fmtInterval(rc.interval, c?.unit) : "" }),
          el("td", { dir: "auto", text: cid in f.needed ? fmtInterval(f.needed[cid], c?.unit) : "—" })));
      }
      table.append(body);
      card.append(table);
    }
    if (f.evidence) card.append(bidiText("p", { class: "evidence" }, f.evidence));
    box.append(card);
  }
}

function ruleClaims(rule) {
  const kind = page.info.kinds.find((k) => k.kind === rule.kind);
  const parts = [];
  for (const role of kind?.roles ?? []) {
    const v = rule[role.name];
    if (v === undefined || v === null) continue;
    const ids = Array.isArray(v) ? v.map((t) => (typeof t === "string" ? t : t.claim)) : [v];
    parts.push([role.name, ids, Array.isArray(v) ? v : null]);
  }
  return parts;
}

function renderRelations(st) {
  const list = $("relations");
  list.replaceChildren();
  const all = [...page.state.rules.map((r) => [r, false]), ...Object.values(page.rejected).map((r) => [r, true])];
  if (!all.length) list.append(el("li", { class: "note", text: t("no.relations") }));
  for (const [rule, rejected] of all) {
    const meta = page.meta[rule.id] || { origin: "file", status: "pending", confidence: 1 };
    const status = rejected ? "rejected" : (st.rules[rule.id] || "none");
    const li = el("li", { class: `relation ${status}`, "data-rule": rule.id });
    li.append(el("div", { class: "rel-head" },
      el("strong", { text: rule.kind }), " ", el("span", { class: "muted", text: rule.id }), " ",
      el("span", { class: `badge ${status}`, text: t(status === "none" ? "status.noverdict" : `status.${status}`) })));
    const roles = el("div", { class: "roles" });
    for (const [name, ids, terms] of ruleClaims(rule)) {
      const span = el("span", { class: "role", dir: "ltr" }, el("span", { class: "muted", text: `${name}: ` }));
      ids.forEach((id, i) => {
        if (i) span.append(", ");
        const times = terms && typeof terms[i] === "object" && terms[i].times && Number(terms[i].times) !== 1
          ? `${terms[i].times} × ` : "";
        span.append(times, claimButton(id), el("span", { class: "muted", text: ` (${described(id)})` }));
      });
      roles.append(span);
    }
    li.append(roles);
    if (rule.op) li.append(el("div", { class: "muted", text: `op ${rule.op}` }));
    if (rule.evidence) li.append(bidiText("p", { class: "evidence" }, rule.evidence));
    const origin = t(`origin.${meta.origin}`, { p: numberFormat().format(Math.round((meta.confidence ?? 1) * 100)) });
    const actions = el("div", { class: "row" }, el("span", { class: "muted", text:
      meta.status === "accepted" && meta.origin !== "editor" ? t("accepted", { o: origin }) : origin }));
    if (rejected) {
      actions.append(el("button", { type: "button", "data-action": "restore", "data-rule": rule.id, text: t("restore") }));
    } else {
      if (meta.origin === "inferred" && meta.status !== "accepted") {
        actions.append(el("button", { type: "button", "data-action": "accept", "data-rule": rule.id, text: t("accept") }));
      }
      actions.append(el("button", { type: "button", "data-action": meta.origin === "editor" ? "remove" : "reject",
        "data-rule": rule.id, text: t(meta.origin === "editor" ? "remove" : "reject") }));
    }
    li.append(actions);
    list.append(li);
  }
}

function ruleAction(action, rid) {
  const s = page.state;
  const meta = page.meta[rid] ??= { origin: "file", status: "pending", confidence: 1 };
  if (action === "accept") {
    const rule = s.rules.find((r) => r.id === rid);
    rule.confidence = 1;   // the editor vouches for it: a conflict is now an error, not "possible"
    meta.status = "accepted";
  } else if (action === "reject") {
    const i = s.rules.findIndex((r) => r.id === rid);
    page.rejected[rid] = s.rules.splice(i, 1)[0];
    meta.status = "rejected";
  } else if (action === "restore") {
    s.rules.push(page.rejected[rid]);
    delete page.rejected[rid];
    meta.status = "pending";
  } else if (action === "remove") {
    s.rules = s.rules.filter((r) => r.id !== rid);
    delete page.meta[rid];
  }
  evaluateNow();
}

// ---------------------------------------------------------------- figure editor

function select(id) {
  if (!claimById(id)) return;
  page.selected = id;
  page.picks = [...page.picks.filter((p) => p !== id), id].slice(-3);
  for (const m of document.querySelectorAll("mark.fig")) {
    m.classList.toggle("selected", m.dataset.claims.split(" ").includes(id));
  }
  renderFigureEditor();
  page.pickChanged = true;  // the figures clicked, in order, fill the new-relation form
  renderAddForm();
}

function renderFigureEditor() {
  const id = page.selected;
  const c = id && claimById(id);
  $("figure-form").hidden = !c;
  $("figure-hint").hidden = !!c;
  if (!c) return;
  $("fe-id").textContent = id;
  $("fe-quote").textContent = c.source?.quote || c.written || "";
  const focused = document.activeElement;
  const set = (input, v) => { if (input !== focused) input.value = v ?? ""; };
  set($("fe-value"), c.value);
  set($("fe-value-max"), c.value_max);
  set($("fe-unit"), c.unit || "dimensionless");
  const hedge = $("fe-hedge");
  if (!hedge.options.length) for (const h of page.info.hedges) hedge.append(el("option", { value: h, "data-i18n": `hedge.${h}`, text: t(`hedge.${h}`) }));
  hedge.value = c.hedge || "exact";
  $("fe-max-label").hidden = hedge.value !== "range";
}

function correct() {
  const c = claimById(page.selected);
  if (!c) return;
  const value = $("fe-value").value.trim();
  const hedge = $("fe-hedge").value;
  const max = $("fe-value-max").value.trim();
  const unit = $("fe-unit").value.trim() || "dimensionless";
  if (value === "") delete c.value; else c.value = value;
  if (hedge === "range" && max !== "") c.value_max = max; else delete c.value_max;
  c.hedge = hedge;
  c.unit = unit;
  // "written" described the figure as printed; after a correction it would mislead
  const o = page.original[c.id];
  if (o && (String(o.value) !== String(c.value) || o.hedge !== c.hedge || o.unit !== c.unit)) delete c.written;
  else if (o?.written) c.written = o.written;
  $("fe-max-label").hidden = hedge !== "range";
  evaluateSoon();
}

function revert() {
  const id = page.selected;
  const i = page.state.claims.findIndex((c) => c.id === id);
  if (i < 0 || !page.original[id]) return;
  page.state.claims[i] = structuredClone(page.original[id]);
  document.activeElement?.blur?.();
  evaluateNow();
}

// ---------------------------------------------------------------- adding relations

function figureOptions(selectEl, chosen, optional) {
  if (optional) selectEl.append(el("option", { value: "", text: "—" }));
  for (const c of page.state.claims) {
    selectEl.append(el("option", { value: c.id, selected: chosen === c.id,
      text: `${c.id} — ${c.source?.quote || described(c.id)}` }));
  }
}

let lastKind = null;
function renderAddForm() {
  const sel = $("add-kind");
  if (!sel.options.length) {
    for (const k of page.info.kinds) sel.append(el("option", { value: k.kind, text: k.kind.replace("_", " ") }));
    sel.value = page.info.kinds.some((k) => k.kind === "sum") ? "sum" : page.info.kinds[0].kind;
  }
  const kind = page.info.kinds.find((k) => k.kind === sel.value);
  $("add-summary").textContent = kind.summary;
  const box = $("add-fields");
  const keep = lastKind === kind.kind && box.childElementCount;
  lastKind = kind.kind;
  if (keep && !page.pickChanged) return;
  page.pickChanged = false;
  box.replaceChildren();
  const picks = [...page.picks];
  for (const role of kind.roles) {
    const label = el("label", { class: role.shape === "one" ? "" : "many" }, `${role.name}${role.required ? "" : ` (${t("optional")})`} `);
    const s = el("select", { "data-role": role.name, "data-shape": role.shape, multiple: role.shape !== "one",
      size: role.shape !== "one" ? Math.min(6, page.state.claims.length) : null });
    if (role.shape === "one") {
      figureOptions(s, role.required ? picks.shift() : null, !role.required);
    } else {
      figureOptions(s, null, false);
      const mine = picks.splice(0);
      for (const o of s.options) o.selected = mine.includes(o.value);
    }
    label.append(s);
    if (role.shape === "terms") {
      // how many times each chosen figure counts ("at each of the two units": 2), in order
      label.append(el("input", { "data-times": role.name, dir: "ltr", inputmode: "decimal",
        "aria-label": t("times.label"), placeholder: t("times.hint") }));
    }
    if (role.description) label.title = role.description;
    box.append(label);
  }
  for (const opt of kind.options) {
    const label = el("label", {}, `${opt.name}${opt.required ? "" : ` (${t("optional")})`} `);
    let input;
    if (opt.type === "choice") {
      input = el("select", { "data-option": opt.name });
      for (const ch of opt.choices) input.append(el("option", { value: ch, text: ch, selected: ch === opt.default }));
    } else if (opt.type === "bool") {
      input = el("input", { type: "checkbox", "data-option": opt.name, "data-type": "bool", checked: !!opt.default });
    } else {
      input = el("input", { "data-option": opt.name, "data-type": opt.type, dir: "auto",
        placeholder: opt.type === "list" ? t("list.hint") : opt.description || "" });
    }
    label.append(input);
    if (opt.description) label.title = opt.description;
    box.append(label);
  }
}

function newRuleId(kind) {
  const ids = new Set([...page.state.rules.map((r) => r.id), ...Object.keys(page.rejected)]);
  let n = 1;
  while (ids.has(`${kind}_${n}`)) n++;
  return `${kind}_${n}`;
}

async function addRule(ev) {
  ev.preventDefault();
  const kind = $("add-kind").value;
  const rule = { id: newRuleId(kind), kind };
  for (const s of $("add-fields").querySelectorAll("select[data-role]")) {
    if (s.dataset.shape === "one") {
      if (s.value) rule[s.dataset.role] = s.value;
    } else {
      const ids = [...s.selectedOptions].map((o) => o.value);
      const times = $("add-fields").querySelector(`input[data-times="${s.dataset.role}"]`)?.value
        .split(/[,،\s]+/).filter(Boolean) ?? [];
      if (ids.length) {
        rule[s.dataset.role] = ids.map((id, i) => (times[i] && times[i] !== "1" ? { claim: id, times: times[i] } : id));
      }
    }
  }
  for (const i of $("add-fields").querySelectorAll("[data-option]")) {
    if (i.dataset.type === "bool") { if (i.checked) rule[i.dataset.option] = true; continue; }
    const v = i.value.trim();
    if (!v) continue;
    rule[i.dataset.option] = i.dataset.type === "list" ? v.split(/[,،]/).map((x) => x.trim()).filter(Boolean) : v;
  }
  rule.note = "added in factcheck serve";
  page.state.rules.push(rule);
  page.meta[rule.id] = { origin: "editor", status: "accepted", confidence: 1 };
  const seq = ++page.seq;
  try {
    const res = await api("/api/evaluate", payload());
    const result = await res.json();
    if (seq !== page.seq) return;
    page.result = result;
    showError("");
    page.pickChanged = true;
    render();
  } catch (e) {
    page.state.rules = page.state.rules.filter((r) => r !== rule);
    delete page.meta[rule.id];
    showError(t("err.notadded", { e: e.message }));
  }
}

// ---------------------------------------------------------------- graph and downloads

function renderGraph() {
  const box = $("graph");
  const doc = new DOMParser().parseFromString(page.result.graph_svg, "image/svg+xml");
  const svg = doc.documentElement;
  if (svg.nodeName !== "svg") { box.textContent = t("err.graph"); return; }
  box.replaceChildren(document.importNode(svg, true));
}

async function download(path, fallbackName) {
  try {
    const res = await api(path, payload());
    const blob = await res.blob();
    const cd = res.headers.get("content-disposition") || "";
    const name = /filename="([^"]+)"/.exec(cd)?.[1] || fallbackName;
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (e) {
    showError(e.message);
  }
}

// ---------------------------------------------------------------- wiring

function wire() {
  $("check").addEventListener("click", check);
  $("file").addEventListener("change", (e) => { const fs = [...e.target.files]; e.target.value = ""; if (fs.length) openFiles(fs); });
  $("edit-text").addEventListener("click", () => {
    $("text").value = page.state.text;
    $("input-pane").hidden = false;
    $("article-pane").hidden = true;
    $("side").hidden = true;
    $("input-note").textContent = t("recheck");
  });
  const art = $("article");
  art.addEventListener("mouseover", (e) => { const m = e.target.closest("mark.fig"); if (m) showTip(m); });
  art.addEventListener("mouseout", (e) => { if (e.target.closest("mark.fig")) hideTip(); });
  art.addEventListener("focusin", (e) => { const m = e.target.closest("mark.fig"); if (m) showTip(m); });
  art.addEventListener("focusout", hideTip);
  const pick = (e) => {
    const m = e.target.closest("mark.fig");
    if (m) select(m.dataset.claims.split(" ")[0]);
  };
  art.addEventListener("click", pick);
  art.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(e); } });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") hideTip(); });
  $("side").addEventListener("click", (e) => {
    const b = e.target.closest("[data-select]");
    if (b) { select(b.dataset.select); document.querySelector(`mark.fig.selected`)?.scrollIntoView({ block: "center" }); return; }
    const a = e.target.closest("[data-action]");
    if (a) ruleAction(a.dataset.action, a.dataset.rule);
  });
  $("graph").addEventListener("click", (e) => {
    const g = e.target.closest("[data-claim]");
    if (g) select(g.getAttribute("data-claim"));
  });
  for (const id of ["fe-value", "fe-value-max", "fe-unit"]) $(id).addEventListener("input", correct);
  $("fe-hedge").addEventListener("change", correct);
  $("fe-revert").addEventListener("click", revert);
  $("fe-pick").addEventListener("click", () => { page.pickChanged = true; renderAddForm(); $("add-kind").focus(); });
  $("add-kind").addEventListener("change", () => { page.pickChanged = true; renderAddForm(); });
  $("add-form").addEventListener("submit", addRule);
  $("dl-yaml").addEventListener("click", () => download("/api/export/claims.yaml", "claims.yaml"));
  $("dl-json").addEventListener("click", () => download("/api/report/json", "report.json"));
  $("dl-sarif").addEventListener("click", () => download("/api/report/sarif", "report.sarif"));
  $("dl-svg").addEventListener("click", () => download("/api/graph.svg", "graph.svg"));
}

function applyLang(lang) {
  setLang(lang);
  $("ui-lang").lang = lang === "fa" ? "en" : "fa";
  if (page.info) {
    $("dl-sarif").title = page.info.formats.includes("sarif") ? "" : t("dl.sarif.missing");
    if (!page.info.extraction && $("input-pane").hidden === false) $("input-note").textContent = t("err.start.noextract");
  }
  if (page.result) { lastKind = null; render(); }
}

async function start() {
  setLang(initialLang());
  wire();
  $("ui-lang").addEventListener("click", () => applyLang(uiLang() === "fa" ? "en" : "fa"));
  page.info = await (await api("/api/info")).json();
  applyLang(uiLang());
  document.body.dataset.state = "input";
  await restore();
}

start().catch((e) => { $("input-note").textContent = t("err.start", { e: e.message }); });
