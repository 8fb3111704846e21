"use strict";
// Roster: list, add, edit inline, end a deputy's term, delete one entered by mistake,
// import an .xlsx or CSV file (preview first, then confirm exactly what was shown).

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
  const table = tbody.closest("table");
  const previewBox = document.getElementById("import-preview");
  const FIELDS = ["name", "delegation", "seat", "phone"]; // the add form's fields
  const COLUMNS = ["number", ...FIELDS]; // 代表编号 first, as in the exported sheet
  let deputies = [];
  let editing = null; // id of the row being edited

  /** A preview shown before the roster changed is stale: its confirm would be refused. */
  function dropPreview() {
    if (previewBox) previewBox.hidden = true;
  }

  async function load() {
    deputies = await call("GET", "/api/bodies/" + bodyId + "/deputies");
    render();
  }

  function render() {
    const words = filterBox.value.trim().toLowerCase();
    const active = deputies.filter((d) => d.active).length;
    countLine.replaceChildren(bi("在任代表 " + active + " 人，已终止资格 " + (deputies.length - active) + " 人", active + " serving, " + (deputies.length - active) + " ended"));
    const shown = deputies.filter(
      (d) => (d.active || showInactive.checked) && (!words || COLUMNS.some((f) => d[f].toLowerCase().includes(words))),
    );
    // The 编号 column only when the body's deputies have numbers (from an imported roster).
    table.classList.toggle("no-numbers", !deputies.some((d) => d.number));
    tbody.replaceChildren(...shown.map((d) => (d.id === editing ? editRow(d) : viewRow(d))));
    if (!shown.length) tbody.append(el("tr", {}, el("td", { colspan: "7", class: "muted" }, bi("没有代表", "No deputies"))));
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
      actions.append(el("button", { type: "button", class: "btn small", "data-action": "delete", onclick: () => remove(deputy) }, bi("删除（误录）", "delete")));
    }
    return el(
      "tr",
      { class: deputy.active ? "" : "inactive", dataset: { deputyId: String(deputy.id) } },
      COLUMNS.map((f) => el("td", {}, deputy[f])),
      el("td", {}, deputy.active ? el("span", { class: "badge att-present" }, "在任") : el("span", { class: "badge att-absent" }, "已终止 ended")),
      actions,
    );
  }

  function editRow(deputy) {
    const inputs = Object.fromEntries(COLUMNS.map((f) => [f, el("input", { name: f, value: deputy[f], "aria-label": f })]));
    const errorCell = el("div", { class: "error", role: "alert", hidden: true });
    const submit = async () => {
      const changes = {};
      for (const f of COLUMNS) if (inputs[f].value.trim() !== deputy[f]) changes[f] = inputs[f].value.trim();
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
      COLUMNS.map((f) => el("td", {}, inputs[f])),
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
      dropPreview();
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

  async function remove(deputy) {
    const ok = await PJ.confirmDialog({
      title: bi("删除 " + deputy.name + "？", "Delete this deputy?"),
      body: el(
        "p",
        {},
        bi(
          "只用于删除录入错误的代表。已签到、投过票或参加过测评的代表不能删除；代表资格终止请用“终止代表资格”。",
          "Only for a deputy entered by mistake. One who checked in, voted or rated cannot be deleted; to end a term use 'end term'.",
        ),
      ),
      ok: bi("删除", "Delete"),
      danger: true,
    });
    if (!ok) return;
    PJ.clearError(rosterError);
    try {
      await call("DELETE", "/api/deputies/" + deputy.id);
      dropPreview();
      deputies = deputies.filter((d) => d.id !== deputy.id);
      render();
    } catch (error) {
      PJ.showError(rosterError, error);
      rosterError.scrollIntoView({ block: "center" });
    }
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
        dropPreview();
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
    const NAMES = { name: "姓名", delegation: "代表团", seat: "座位", phone: "电话", number: "代表编号" };

    const fileForm = (file, digest) => {
      const form = new FormData();
      form.append("data", file, file.name);
      if (digest) form.append("preview", digest);
      return form;
    };

    importForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      PJ.clearError(importError);
      importOk.hidden = true;
      previewBox.hidden = true;
      const file = importForm.data.files[0];
      if (!file) return;
      try {
        const plan = await call("POST", "/api/bodies/" + bodyId + "/deputies/import/preview", { form: fileForm(file) });
        showPreview(file, plan);
      } catch (error) {
        showImportError(error);
      }
    });

    function showImportError(error) {
      PJ.showError(importError, error);
      if (error.detail && Array.isArray(error.detail.rows)) importError.append(rowErrors(error.detail.rows));
    }

    function showPreview(file, plan) {
      const nothing = !plan.added.length && !plan.changed.length;
      const parts = [
        el("h2", {}, bi("第二步：核对后确认导入", "Step 2: check, then confirm")),
        el(
          "p",
          { class: "preview-summary" },
          bi(
            "文件“" + file.name + "”：将新增 " + plan.added.length + " 位代表，修改 " + plan.changed.length + " 位，" +
              plan.unchanged + " 位与名单相同、不变。名单中另有 " + plan.not_in_file + " 位在任代表不在文件中，保持不变。",
            plan.added.length + " to add, " + plan.changed.length + " to change, " + plan.unchanged + " already the same; " +
              plan.not_in_file + " serving deputies not in the file stay as they are.",
          ),
        ),
      ];
      const addedColumns = [
        { key: "line", title: "表中行号" },
        ...(plan.added.some((a) => a.number) ? [{ key: "number", title: "代表编号" }] : []),
        { key: "name", title: "姓名" },
        { key: "delegation", title: "代表团" },
        { key: "seat", title: "座位" },
        { key: "phone", title: "电话" },
      ];
      if (plan.added.length) {
        parts.push(el("h3", {}, bi("将新增的代表", "To be added")));
        parts.push(
          el(
            "table",
            { class: "grid preview-added" },
            el("thead", {}, el("tr", {}, addedColumns.map((c) => el("th", {}, c.title)))),
            el("tbody", {}, plan.added.map((a) => el("tr", {}, addedColumns.map((c) => el("td", {}, String(a[c.key])))))),
          ),
        );
      }
      if (plan.changed.length) {
        parts.push(el("h3", {}, bi("将修改的代表", "To be changed")));
        parts.push(
          el(
            "table",
            { class: "grid preview-changed" },
            el("thead", {}, el("tr", {}, ["表中行号", "姓名", "修改内容"].map((h) => el("th", {}, h)))),
            el(
              "tbody",
              {},
              plan.changed.map((c) =>
                el(
                  "tr",
                  {},
                  el("td", {}, String(c.line)),
                  el("td", {}, c.name, c.ended ? el("small", { class: "muted" }, "（已终止资格，导入不会恢复）") : ""),
                  el("td", {}, c.changes.map((f) => el("div", {}, NAMES[f.field] + "：", el("s", {}, f.before || "（空）"), " → ", el("b", {}, f.after || "（空）")))),
                ),
              ),
            ),
          ),
        );
      }
      const buttons = el("div", { class: "actions" });
      if (nothing) {
        parts.push(el("p", { class: "notice ok" }, bi("文件中的代表都已在名单中，无需导入。", "Everyone in the file is already on the roster; nothing to import.")));
      } else {
        buttons.append(
          el("button", { type: "button", class: "btn primary", id: "import-confirm", onclick: () => confirmImport(file, plan) }, bi("确认导入", "Confirm import")),
        );
      }
      buttons.append(el("button", { type: "button", class: "btn", onclick: () => (previewBox.hidden = true) }, bi("取消", "Cancel")));
      parts.push(buttons);
      previewBox.replaceChildren(...parts);
      previewBox.hidden = false;
      previewBox.scrollIntoView({ block: "start", behavior: "smooth" });
    }

    async function confirmImport(file, plan) {
      PJ.clearError(importError);
      try {
        const done = await call("POST", "/api/bodies/" + bodyId + "/deputies/import", { form: fileForm(file, plan.digest) });
        previewBox.hidden = true;
        importOk.replaceChildren(
          bi("导入完成：新增 " + done.added + " 位，修改 " + done.changed + " 位，不变 " + done.unchanged + " 位。", done.added + " added, " + done.changed + " changed, " + done.unchanged + " unchanged."),
        );
        importOk.hidden = false;
        importForm.reset();
        await load();
        importOk.scrollIntoView({ block: "center" });
      } catch (error) {
        previewBox.hidden = true;
        showImportError(error);
        importForm.scrollIntoView({ block: "start" });
      }
    }
  }

  function rowErrors(rows) {
    return el(
      "table",
      { class: "grid row-errors" },
      el("thead", {}, el("tr", {}, el("th", {}, bi("表中行号", "Line")), el("th", {}, bi("问题", "Problem")))),
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
