"use strict";
// The staff audit log: filters → /api/audit; the CSV link carries the same filters.

(() => {
  const { el } = PJ;
  const form = document.getElementById("audit-filters");
  const rows = document.getElementById("audit-rows");
  const count = document.getElementById("audit-count");
  const errorBox = document.getElementById("audit-error");
  const csv = document.getElementById("audit-csv");
  const TEXT_FIELDS = ["actor", "action", "object_type", "object_id"];

  /** The filters as a query string; empty fields are left out, times sent as UTC. */
  function query(limit) {
    const params = new URLSearchParams();
    for (const name of TEXT_FIELDS) {
      const value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    }
    for (const name of ["since", "until"]) {
      const value = form.elements[name].value;
      if (value) params.set(name, new Date(value).toISOString());
    }
    if (limit) params.set("limit", limit);
    return params.toString();
  }

  function localTime(iso) {
    const at = new Date(iso);
    return at.toLocaleString("zh-CN", { hour12: false });
  }

  function row(entry) {
    const detail = JSON.stringify(entry.detail);
    return el(
      "tr",
      { dataset: { seq: entry.seq === null ? "" : String(entry.seq) } },
      el("td", { class: "num" }, entry.seq === null ? "–" : String(entry.seq)),
      el("td", { class: "nowrap" }, localTime(entry.at)),
      el("td", {}, entry.actor, " ", el("small", {}, entry.role)),
      el("td", {}, el("code", {}, entry.action)),
      el("td", {}, entry.object_type + " " + entry.object_id),
      el("td", { class: "detail" }, el("code", {}, detail === "{}" ? "" : detail)),
    );
  }

  async function load() {
    PJ.clearError(errorBox);
    const limit = form.elements.limit.value || "200";
    csv.href = "/api/audit.csv?" + query(null);
    try {
      const entries = await PJ.staffCall("GET", "/api/audit?" + query(limit));
      rows.replaceChildren(...entries.map(row));
      count.textContent = entries.length + " 条 entries";
    } catch (error) {
      PJ.showError(errorBox, error);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    load();
  });
  load();
})();
