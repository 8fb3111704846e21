"use strict";
// Roster: list, add, edit inline, end a deputy's term, import a CSV (all rows or none).

(() => {
  const { el, bi } = PJ;
  const call = PJ.staffCall;
  const bodyId = Number(document.body.dataset.bodyId);
  const editable = document.body.dataset.editable === "true";
  const tbody = document.getElementById("roster-body");
  const filterBox = document.getElementById("roster-filter");
  const showInactive = document.getElementById("show-inactive");
  const rosterError = document.getElementById("roster-error");
  const countLine = document.getElementById("roster-count");
  const FIELDS = ["name", "delegation", "seat", "phone"];
  let deputies = [];
  let editing = null; // id of the row being edited

  async function load() {
    deputies = await call("GET", "/api/bodies/" + bodyId + "/deputies");
    render();
  }

  function render() {
    const words = filterBox.value.trim().toLowerCase();
    const active = deputies.filter((d) => d.active).length;
    countLine.replaceChildren(bi("在任代表 " + active + " 人，已终止资格 " + (deputies.length - active) + " 人", active + " serving, " + (deputies.length - active) + " ended"));
    const shown = deputies.filter(
      (d) => (d.active || showInactive.checked) && (!words || FIELDS.some((f) => d[f].toLowerCase().includes(words))),
    );
    tbody.replaceChildren(...shown.map((d) => (d.id === editing ? editRow(d) : viewRow(d))));
    if (!shown.length) tbody.append(el("tr", {}, el("td", { colspan: "6", class: "muted" }, bi("没有代表", "No deputies"))));
  }

  function viewRow(deputy) {
    const actions = el("td", { class: "actions" });
    if (editable) {
      actions.append(el("button", { type: "button", class: "btn small", "data-action": "edit", onclick: () => startEdit(deputy.id) }, bi("编辑", "edit")));
      actions.append(
        deputy.active
          ? el("button", { type: "button", class: "btn small danger", "data-action": "end", onclick: () => endTerm(deputy) }, bi("终止代表资格", "end term"))
          : el("button", { type: "button", class: "btn small", "data-action": "restore", onclick: () => save(deputy.id, { active: true }) }, bi("恢复", "restore")),
      );
    }
    return el(
      "tr",
      { class: deputy.active ? "" : "inactive", dataset: { deputyId: String(deputy.id) } },
      FIELDS.map((f) => el("td", {}, deputy[f])),
      el("td", {}, deputy.active ? el("span", { class: "badge att-present" }, "在任") : el("span", { class: "badge att-absent" }, "已终止 ended")),
      actions,
    );
  }

  function editRow(deputy) {
    const inputs = Object.fromEntries(FIELDS.map((f) => [f, el("input", { name: f, value: deputy[f], "aria-label": f })]));
    const errorCell = el("div", { class: "error", role: "alert", hidden: true });
    const submit = async () => {
      const changes = {};
      for (const f of FIELDS) if (inputs[f].value.trim() !== deputy[f]) changes[f] = inputs[f].value.trim();
      if (!Object.keys(changes).length) return cancel();
      try {
        await save(deputy.id, changes, true);
      } catch (error) {
        PJ.showError(errorCell, error);
      }
    };
    return el(
      "tr",
      { class: "editing", dataset: { deputyId: String(deputy.id) } },
      FIELDS.map((f) => el("td", {}, inputs[f])),
      el("td", {}, errorCell),
      el(
        "td",
        { class: "actions" },
        el("button", { type: "button", class: "btn small primary", "data-action": "save", onclick: submit }, bi("保存", "save")),
        el("button", { type: "button", class: "btn small", onclick: cancel }, bi("取消", "cancel")),
      ),
    );
  }

  function startEdit(id) {
    editing = id;
    render();
  }

  function cancel() {
    editing = null;
    render();
  }

  /** PATCH a deputy; with rethrow the caller shows the error next to the row. */
  async function save(id, changes, rethrow) {
    PJ.clearError(rosterError);
    try {
      const updated = await call("PATCH", "/api/deputies/" + id, { body: changes });
      deputies = deputies.map((d) => (d.id === id ? updated : d));
      editing = null;
      render();
    } catch (error) {
      if (rethrow) throw error;
      PJ.showError(rosterError, error);
    }
  }

  async function endTerm(deputy) {
    const ok = await PJ.confirmDialog({
      title: bi("终止 " + deputy.name + " 的代表资格？", "End this deputy's term?"),
      body: el("p", {}, bi("终止后该代表不再计入应到人数，也不能投票。", "They no longer count towards the total and cannot vote.")),
      ok: bi("终止代表资格", "End term"),
      danger: true,
    });
    if (ok) await save(deputy.id, { active: false });
  }

  // ---------------------------------------------------------------- add and import

  const addForm = document.getElementById("add-deputy-form");
  const importForm = document.getElementById("import-form");

  if (addForm) {
    const addError = document.getElementById("add-deputy-error");
    addForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      PJ.clearError(addError);
      const data = Object.fromEntries(FIELDS.map((f) => [f, addForm[f].value.trim()]));
      try {
        await call("POST", "/api/bodies/" + bodyId + "/deputies", { body: data });
        addForm.reset();
        addForm.name.focus();
        await load();
      } catch (error) {
        PJ.showError(addError, error);
      }
    });
  }

  if (importForm) {
    const importError = document.getElementById("import-error");
    const importOk = document.getElementById("import-ok");
    importForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      PJ.clearError(importError);
      importOk.hidden = true;
      const file = importForm.data.files[0];
      if (!file) return;
      const form = new FormData();
      form.append("data", file, file.name);
      try {
        const result = await call("POST", "/api/bodies/" + bodyId + "/deputies/import", { form });
        importOk.replaceChildren(bi("已导入 " + result.imported + " 位代表", result.imported + " deputies imported"));
        importOk.hidden = false;
        importForm.reset();
        await load();
      } catch (error) {
        PJ.showError(importError, error);
        if (error.detail && Array.isArray(error.detail.rows)) importError.append(rowErrors(error.detail.rows));
      }
    });
  }

  function rowErrors(rows) {
    return el(
      "table",
      { class: "grid row-errors" },
      el("thead", {}, el("tr", {}, el("th", {}, bi("行", "Line")), el("th", {}, bi("问题", "Problem")))),
      el(
        "tbody",
        {},
        rows.map((r) => el("tr", {}, el("td", {}, String(r.line)), el("td", {}, r.message_zh, " ", el("small", { class: "en" }, r.message_en)))),
      ),
    );
  }

  filterBox.addEventListener("input", render);
  showInactive.addEventListener("change", render);
  load().catch((error) => PJ.showError(rosterError, error));
})();
