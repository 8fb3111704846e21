"use strict";
// Program pages: every <form data-api="METHOD /path"> sends its fields as JSON and then reloads,
// or goes to data-goto ("/track/{code}" takes fields of the answer). Field conventions:
//   data-type="int|bool|lines|decimal"  converts the value; data-optional drops it when empty;
//   name="a.b"  nests; data-list  collects every field of that name into an array;
//   data-with-selection  adds the ids of the checked input[name=suggestion_ids] on the page;
//   data-order  (number inputs with data-id) becomes the ids sorted by the numbers typed;
//   data-item='{"phase": "solicit"}' data-key="starts_on"  pushes {…item, key: value} into the named list.

(() => {
  function setPath(target, name, value) {
    const parts = name.split(".");
    let node = target;
    for (const part of parts.slice(0, -1)) node = node[part] = node[part] || {};
    node[parts[parts.length - 1]] = value;
  }

  function convert(field) {
    const type = field.dataset.type;
    if (type === "bool") return field.type === "checkbox" ? field.checked : field.value === "true";
    const value = field.value.trim();
    if (type === "int") return value === "" ? null : Number.parseInt(value, 10);
    if (type === "lines") return value.split(/\n+/).map((line) => line.trim()).filter(Boolean);
    return value;
  }

  /** The form's fields as a JSON object (see the conventions above). */
  function collect(form) {
    const body = {};
    const orders = {};
    for (const field of form.elements) {
      if (!field.name || field.disabled) continue;
      if ((field.type === "checkbox" || field.type === "radio") && field.dataset.type !== "bool" && !field.checked) continue;
      if (field.dataset.order !== undefined) {
        if (field.value.trim() !== "") (orders[field.name] = orders[field.name] || []).push([Number(field.value), Number(field.dataset.id)]);
        else orders[field.name] = orders[field.name] || [];
        continue;
      }
      const value = convert(field);
      if (field.dataset.item) {
        body[field.name] = body[field.name] || [];
        if (value !== "") body[field.name].push({ ...JSON.parse(field.dataset.item), [field.dataset.key]: value });
        continue;
      }
      if (field.dataset.optional !== undefined && (value === "" || value === null)) continue;
      if (field.dataset.list !== undefined) {
        body[field.name] = body[field.name] || [];
        body[field.name].push(value);
        continue;
      }
      setPath(body, field.name, value);
    }
    for (const [name, pairs] of Object.entries(orders)) body[name] = pairs.sort((a, b) => a[0] - b[0]).map((p) => p[1]);
    if (form.dataset.withSelection !== undefined) {
      body.suggestion_ids = [...document.querySelectorAll("input[name=suggestion_ids]:checked")].map((box) => Number(box.value));
    }
    return body;
  }

  function errorBoxOf(form) {
    let box = form.querySelector(".form-error");
    if (!box) {
      box = PJ.el("div", { class: "error form-error", role: "alert", hidden: true });
      form.append(box);
    }
    return box;
  }

  for (const form of document.querySelectorAll("form[data-api]")) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const box = errorBoxOf(form);
      PJ.clearError(box);
      const [method, path] = form.dataset.api.split(" ");
      const body = collect(form);
      if (form.dataset.confirm && !(await PJ.confirmDialog({ title: form.dataset.confirm, ok: PJ.bi("确定", "Confirm"), danger: true }))) return;
      const buttons = form.querySelectorAll("button[type=submit]");
      buttons.forEach((b) => (b.disabled = true));
      try {
        const call = form.dataset.anonymous !== undefined ? PJ.api : PJ.staffCall || PJ.api;
        const answer = await call(method, path, { body, anonymous: form.dataset.anonymous !== undefined }).catch(async (error) => {
          if (error.code !== "phase_move_early") throw error;
          // Ahead of the calendar or with nothing collected: go ahead only with a reason, which is audited.
          const reason = await PJ.askReason({ title: PJ.bi("提前推进阶段？", "Move ahead early?"), hint: PJ.bi(error.zh, error.en), ok: PJ.bi("确认推进", "Move now"), danger: true });
          if (!reason) throw new PJ.ApiError(409, { error: "phase_move_cancelled", message_zh: "未推进阶段", message_en: "The phase was not changed" });
          return call(method, path, { body: { ...body, reason, confirm_early: true } });
        });
        if (form.dataset.goto) location.assign(form.dataset.goto.replace(/\{(\w+)\}/g, (_, key) => encodeURIComponent(answer[key])));
        else location.reload();
      } catch (error) {
        PJ.showError(box, error);
        box.scrollIntoView({ block: "nearest" });
      } finally {
        buttons.forEach((b) => (b.disabled = false));
      }
    });
  }

  // The phone form's resend key: drawn once per visit to the form and sent with every try, so a
  // submission retried after a dropped connection is recognised and filed only once.
  function freshKey() {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    return Array.from(crypto.getRandomValues(new Uint8Array(22)), (n) => alphabet[n % 64]).join("");
  }
  const drawKeys = () => document.querySelectorAll("input[data-resend-key]").forEach((field) => (field.value = freshKey()));
  drawKeys();
  // Coming back to the form (back button) starts a new submission.
  window.addEventListener("pageshow", (event) => { if (event.persisted) drawKeys(); });

  // Typing counters under long text fields.
  for (const field of document.querySelectorAll("[data-counter]")) {
    const counter = PJ.el("span", { class: "counter" });
    const show = () => (counter.textContent = field.value.length + " / " + field.maxLength);
    field.after(counter);
    field.addEventListener("input", show);
    show();
  }

  // Triage: "select all" and similar suggestions for a row.
  const all = document.querySelector("[data-select-all]");
  if (all) {
    all.addEventListener("change", () => {
      for (const box of document.querySelectorAll("input[name=suggestion_ids]")) box.checked = all.checked;
    });
  }
  for (const button of document.querySelectorAll("[data-similar]")) {
    button.addEventListener("click", async () => {
      const id = button.dataset.similar;
      let found;
      try {
        found = await PJ.staffCall("GET", "/api/suggestions/" + id + "/similar");
      } catch (error) {
        PJ.infoDialog(PJ.bi("相似建议", "Similar suggestions"), PJ.errorBox(error));
        return;
      }
      const mine = document.querySelector("input[name=suggestion_ids][value='" + id + "']");
      if (mine) mine.checked = true;
      const list = found.length
        ? PJ.el("ul", { class: "similar-list" }, found.map((s) => PJ.el("li", {},
            PJ.el("label", { class: "check" },
              PJ.el("input", { type: "checkbox", "data-pick": s.id }),
              "#" + s.id + " " + s.title + "（相似度 " + Math.round(s.similarity * 100) + "%）",
              PJ.el("small", { class: "muted" }, " " + [s.category, s.place].filter(Boolean).join(" · "))))))
        : PJ.el("p", { class: "muted" }, PJ.bi("没有相似的建议", "Nothing similar"));
      const pick = PJ.el("button", { type: "button", class: "btn primary", onclick: () => {
        for (const box of list.querySelectorAll("[data-pick]")) {
          const row = document.querySelector("input[name=suggestion_ids][value='" + box.dataset.pick + "']");
          if (row && box.checked) row.checked = true;
        }
        pick.closest("dialog").close();
      } }, PJ.bi("加入选择", "Add to selection"));
      PJ.infoDialog(PJ.bi("相似建议（合并时一并选中）", "Similar suggestions"), [list, pick]);
    });
  }
})();
