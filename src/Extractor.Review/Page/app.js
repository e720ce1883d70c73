// The review page: the store's forms (GET /api/forms), one form's values beside the picture of where each was
// printed (GET /api/forms/{id}, /image?field=), corrections (POST /api/forms/{id}/corrections). Plain DOM, no build.
"use strict";

const LABELS = {
  title: "标题", year: "年度", projectName: "项目名称", department: "主管部门", implementingUnit: "实施单位",
  "funds.unitAsPrinted": "资金单位", "funds.weight": "资金 分值", "funds.executionRatePercent": "执行率 %", "funds.score": "资金 得分",
  "goals.planned": "预算目标", "goals.achieved": "实际完成情况", totalWeight: "总分 分值", totalScore: "总分 得分",
};
const LINES = { total: "年度资金总额", currentYearAppropriation: "当年财政拨款", priorYearCarryover: "上年结转", other: "其他资金" };
const AMOUNTS = { initialBudget: "年初预算数", annualBudget: "全年预算数", executed: "全年执行数" };
const INDICATOR = { level1: "一级指标", level2: "二级指标", name: "三级指标", target: "年度指标值", actual: "实际完成值", weight: "分值", score: "得分", deviation: "偏差原因" };
const NUMBER = /(Budget|executed|weight|Percent|score|Weight|Score)$/;

const state = { forms: [], visible: [], formId: null, doc: null, fields: [], current: -1, editing: false };
const $ = (id) => document.getElementById(id);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
  if (!response.ok) throw new Error(body?.error ?? `${response.status} ${response.statusText}`);
  return body;
}

// ---- the list ----

async function loadForms() {
  state.forms = await api("/api/forms");
  fillSelect($("filter-code"), [...new Set(state.forms.flatMap((f) => f.check_codes))].sort());
  fillSelect($("filter-department"), [...new Set(state.forms.map((f) => f.department).filter(Boolean))].sort());
  fillSelect($("filter-year"), [...new Set(state.forms.map((f) => f.year).filter(Boolean))].sort());
  renderList();
}

function fillSelect(select, values) {
  const chosen = select.value;
  select.replaceChildren(select.options[0]);
  for (const value of values) select.append(el("option", { value: String(value) }, String(value)));
  select.value = chosen;
}

function renderList() {
  const code = $("filter-code").value, department = $("filter-department").value, year = $("filter-year").value;
  const low = $("filter-low").checked, flagged = $("filter-flagged").checked, text = $("search").value.trim();
  state.visible = state.forms.filter((f) =>
    (!code || f.check_codes.includes(code)) && (!department || f.department === department) && (!year || String(f.year) === year)
    && (!low || f.check_codes.includes("low-confidence")) && (!flagged || f.check_count > 0)
    && (!text || `${f.project_name ?? ""} ${f.source_file ?? ""} ${f.form_id}`.includes(text)));
  $("list-count").textContent = `${state.visible.length} of ${state.forms.length} forms`;
  $("forms").replaceChildren(...state.visible.map((f) => el("li", {
    class: f.form_id === state.formId ? "selected" : "", "data-form": f.form_id, onclick: () => openForm(f.form_id),
  },
  el("div", {}, f.project_name ?? "(no project name)",
    f.error_count > 0 ? el("span", { class: "badge error" }, `${f.error_count} error`) : null,
    f.check_count > 0 ? el("span", { class: "badge warning" }, `${f.check_count} checks`) : null,
    f.correction_count > 0 ? el("span", { class: "badge corrected" }, `${f.correction_count} corrected`) : null),
  el("div", { class: "meta" }, `${f.year ?? "?"} · ${f.department ?? "?"} · score ${f.total_score ?? "?"} · ${f.check_codes.join(", ")}`))));
}

// ---- one form ----

function fieldsOf(doc) {
  const fields = [];
  const add = (path, label, group) => fields.push({ path, label, group, value: valueAt(doc, path) });
  for (const path of ["title", "year", "projectName", "department", "implementingUnit", "funds.unitAsPrinted"]) add(path, LABELS[path], "表头");
  for (const [line, lineLabel] of Object.entries(LINES))
    for (const [amount, amountLabel] of Object.entries(AMOUNTS)) add(`funds.rows.${line}.${amount}`, `${lineLabel} ${amountLabel}`, "项目资金");
  for (const path of ["funds.weight", "funds.executionRatePercent", "funds.score"]) add(path, LABELS[path], "项目资金");
  for (const path of ["goals.planned", "goals.achieved"]) add(path, LABELS[path], "年度总体目标");
  doc.indicators.forEach((_, i) => {
    for (const [key, label] of Object.entries(INDICATOR)) add(`indicators[${i}].${key}`, label, `绩效指标 ${i + 1}`);
  });
  for (const path of ["totalWeight", "totalScore"]) add(path, LABELS[path], "总分");
  return fields;
}

function valueAt(doc, path) {
  let node = doc;
  for (const part of path.split(/\.|\[|\]\.?/).filter(Boolean)) node = node?.[/^\d+$/.test(part) ? Number(part) : part];
  return node ?? null;
}

function checksOf(doc, path) {
  return doc.checks.filter((c) => c.field === path || (c.field === "funds.rows" && path.startsWith("funds.rows.")));
}

async function openForm(formId, keepField) {
  state.formId = formId;
  state.doc = await api(`/api/forms/${encodeURIComponent(formId)}`);
  state.fields = fieldsOf(state.doc);
  renderForm();
  renderList();
  const at = keepField ? state.fields.findIndex((f) => f.path === keepField) : state.fields.findIndex((f) => isFlagged(f));
  select(at >= 0 ? at : 0);
}

function isFlagged(field) { return checksOf(state.doc, field.path).length > 0; }

function renderForm() {
  const doc = state.doc, source = doc.source;
  const checks = el("ul", { class: "checks" }, ...doc.checks.map((c) => el("li", {
    onclick: () => { const i = state.fields.findIndex((f) => f.path === c.field || (c.field === "funds.rows" && f.path.startsWith("funds.rows."))); if (i >= 0) select(i); },
  }, el("span", { class: `badge ${c.severity}` }, c.code), ` ${c.field ?? ""}: ${c.message}`)));
  const rows = [];
  let group = null;
  state.fields.forEach((field, i) => {
    if (field.group !== group) { group = field.group; rows.push(el("tr", { class: "group" }, el("th", { colspan: "4" }, group))); }
    const trace = doc.trace?.[field.path];
    const flags = checksOf(doc, field.path).map((c) => c.code);
    const corrected = doc.corrections.some((c) => c.field === field.path);
    if (corrected) flags.push("corrected");
    const confidence = trace?.confidence;
    rows.push(el("tr", { class: flags.length && !corrected ? "flagged" : "", "data-field": field.path, onclick: () => select(i), ondblclick: () => edit() },
      el("th", { title: field.path }, field.label),
      el("td", { class: field.value === null ? "value blank" : "value" }, field.value === null ? "blank" : String(field.value)),
      el("td", { class: "flags" }, flags.join(", ")),
      el("td", { class: confidence !== undefined && confidence < 0.8 ? "conf low" : "conf", title: trace ? `row ${trace.row}, column ${trace.column}${trace.page ? `, page ${trace.page}` : ""}` : "" },
        confidence !== undefined ? confidence.toFixed(2) : "")));
  });
  $("form-pane").replaceChildren(
    el("h2", {}, doc.projectName ?? "(no project name)"),
    el("p", { class: "source" }, `${doc.department ?? "?"} · ${doc.year ?? "?"} · ${source.file} #${source.formIndex} · ${source.method}${source.pages ? ` · pages ${source.pages.join(", ")}` : ""} · ${doc.corrections.length} corrections`),
    doc.checks.length ? checks : el("p", { class: "hint" }, "No checks: the form is consistent."),
    el("table", { class: "fields" }, el("tbody", {}, ...rows)));
}

function select(index) {
  if (index < 0 || index >= state.fields.length) return;
  state.current = index;
  closeEditor();
  document.querySelectorAll("tr.current").forEach((r) => r.classList.remove("current"));
  const field = state.fields[index];
  const row = document.querySelector(`tr[data-field="${CSS.escape(field.path)}"]`);
  row?.classList.add("current");
  row?.scrollIntoView({ block: "nearest" });
  showImage(field);
}

function showImage(field) {
  const trace = state.doc.trace?.[field.path];
  $("image-title").textContent = `${field.label} · ${field.path}`;
  const image = $("image");
  if (trace?.page) {
    image.src = `/api/forms/${encodeURIComponent(state.formId)}/image?field=${encodeURIComponent(field.path)}`;
    image.alt = `page ${trace.page} where ${field.path} was printed`;
    $("image-note").textContent = `page ${trace.page}, row ${trace.row}, column ${trace.column}, confidence ${trace.confidence}` + (trace.continued ? `; continued on page ${trace.continued.map((c) => c.page).join(", ")}` : "");
  } else {
    image.removeAttribute("src");
    image.alt = "";
    $("image-note").textContent = trace ? `row ${trace.row}, column ${trace.column}${trace.cell ? ` (${trace.cell})` : ""}: this input has no page image` : "blank: nothing was read here";
  }
}

// ---- corrections ----

function edit() {
  if (state.current < 0) return;
  const field = state.fields[state.current];
  $("editor").hidden = false;
  $("edit-value").value = field.value === null ? "" : String(field.value);
  $("edit-note").value = "";
  $("edit-error").textContent = "";
  state.editing = true;
  $("edit-value").focus();
  $("edit-value").select();
}

function closeEditor() {
  $("editor").hidden = true;
  state.editing = false;
}

function typed(field, text) {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (NUMBER.test(field.path)) {
    const number = Number(trimmed.replace(/,/g, "").replace(/%$/, ""));
    if (Number.isNaN(number)) throw new Error(`${field.path} takes a number`);
    return number;
  }
  if (field.path === "year") return Number(trimmed);
  return trimmed;
}

async function correct(to, note) {
  const field = state.fields[state.current];
  const by = $("reviewer").value.trim();
  if (!by) { $("edit-error").textContent = "Enter your name (top right) first."; $("editor").hidden = false; $("reviewer").focus(); return; }
  localStorage.setItem("reviewer", by);
  try {
    state.doc = await api(`/api/forms/${encodeURIComponent(state.formId)}/corrections`, {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ field: field.path, to, by, note }),
    });
  } catch (e) {
    $("editor").hidden = false;
    $("edit-error").textContent = e.message;
    return;
  }
  state.fields = fieldsOf(state.doc);
  renderForm();
  select(state.current);
  const listed = state.forms.find((f) => f.form_id === state.formId);
  if (listed) {
    listed.check_count = state.doc.checks.length;
    listed.check_codes = [...new Set(state.doc.checks.map((c) => c.code))].sort();
    listed.error_count = state.doc.checks.filter((c) => c.severity === "error").length;
    listed.correction_count = state.doc.corrections.length;
    renderList();
  }
}

function nextFlagged() {
  for (let step = 1; step <= state.fields.length; step++) {
    const i = (state.current + step) % state.fields.length;
    const field = state.fields[i];
    if (isFlagged(field) && !state.doc.corrections.some((c) => c.field === field.path)) return select(i);
  }
}

function onKey(event) {
  const typing = ["INPUT", "TEXTAREA", "SELECT"].includes(document.activeElement?.tagName);
  if (event.key === "Escape") { closeEditor(); document.activeElement?.blur(); return; }
  if (typing || !state.doc) {
    if (!typing && event.key === "/") { event.preventDefault(); $("search").focus(); }
    return;
  }
  const keys = {
    n: nextFlagged, j: () => select(state.current + 1), ArrowDown: () => select(state.current + 1),
    k: () => select(state.current - 1), ArrowUp: () => select(state.current - 1),
    e: edit, Enter: edit, a: () => correct(state.fields[state.current].value, "accepted as read"),
    "/": () => $("search").focus(),
  };
  if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
}

document.addEventListener("DOMContentLoaded", () => {
  $("reviewer").value = localStorage.getItem("reviewer") ?? "";
  $("image").addEventListener("error", () => {
    $("image-note").textContent = "the page image is not available (the original may have moved)";
  });
  for (const id of ["search", "filter-code", "filter-department", "filter-year", "filter-low", "filter-flagged"])
    $(id).addEventListener("input", renderList);
  $("editor").addEventListener("submit", (event) => {
    event.preventDefault();
    let to;
    try { to = typed(state.fields[state.current], $("edit-value").value); } catch (e) { $("edit-error").textContent = e.message; return; }
    correct(to, $("edit-note").value.trim() || null);
  });
  $("edit-value").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); $("editor").requestSubmit(); }
  });
  $("accept").addEventListener("click", () => correct(state.fields[state.current].value, $("edit-note").value.trim() || "accepted as read"));
  $("cancel").addEventListener("click", closeEditor);
  document.addEventListener("keydown", onKey);
  loadForms().catch((e) => { $("form-pane").replaceChildren(el("p", { role: "alert" }, `The store cannot be listed: ${e.message}`)); });
});
