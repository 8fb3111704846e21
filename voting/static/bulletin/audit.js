"use strict";
// The staff audit log: filters → /api/audit; the CSV link carries the same filters.
// Rows show each entry in words (entry.reading, from voting/bulletin/audit_words.py); the codes
// stay in the log, the CSV and each row's folded raw record.

(() => {
  const { el } = PJ;
  const form = document.getElementById("audit-filters");
  const rows = document.getElementById("audit-rows");
  const count = document.getElementById("audit-count");
  const errorBox = document.getElementById("audit-error");
  const csv = document.getElementById("audit-csv");
  const CHOSEN_FIELDS = ["action", "object_type", "object_id"];

  /** The filters as a query string of codes; empty fields are left out, times sent as UTC. */
  function query(limit) {
    const params = new URLSearchParams();
    // 操作人 is one choice: "role:clerk" (everyone in that role) or "actor:staff:3" (one person).
    const who = form.elements.who.value;
    if (who) {
      const [kind, ...rest] = who.split(":");
      params.set(kind, rest.join(":"));
    }
    for (const name of CHOSEN_FIELDS) {
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

  /** 项：值 pairs, and the raw record folded away for the technical reader. */
  function detailCell(entry) {
    const words = entry.reading.detail.map((item) =>
      el("li", {}, el("span", { class: "label" }, item.label + "："), item.value),
    );
    const { reading, ...stored } = entry; // the entry as the log holds it, codes and all
    const raw = JSON.stringify(stored);
    return el(
      "td",
      { class: "detail" },
      words.length ? el("ul", { class: "pairs" }, words) : null,
      el("details", { class: "raw" }, el("summary", {}, "原始记录 ", el("small", {}, "raw")), el("code", {}, raw)),
    );
  }

  function row(entry) {
    const reading = entry.reading;
    return el(
      "tr",
      { dataset: { seq: entry.seq === null ? "" : String(entry.seq), action: entry.action } },
      el("td", { class: "num" }, entry.seq === null ? "–" : String(entry.seq)),
      el("td", { class: "nowrap" }, localTime(entry.at)),
      el("td", { class: "actor" }, reading.actor),
      el("td", { class: "action" }, PJ.bi(reading.action, reading.action_en)),
      el("td", {}, reading.object),
      detailCell(entry),
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
