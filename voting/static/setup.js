"use strict";
// Set-up pages: forms whose answer carries a password (a new login, a reset). The password is shown
// once in a dialog, to be written down or handed over, and the page reloads when the dialog closes.
//   <form data-password-api="METHOD /path">  fields as JSON (data-type="int", data-optional as in programs.js)
//   data-confirm  asks first
// Choosing the role "liaison" in the new-login form shows its department field.

(() => {
  function collect(form) {
    const body = {};
    for (const field of form.elements) {
      if (!field.name || field.disabled) continue;
      const raw = field.value.trim();
      if (field.dataset.optional !== undefined && raw === "") continue;
      body[field.name] = field.dataset.type === "int" ? (raw === "" ? null : Number.parseInt(raw, 10)) : raw;
    }
    return body;
  }

  function showPassword(answer) {
    const account = answer.account || answer;
    const shown = PJ.el("div", { class: "password-once" },
      PJ.el("p", {}, PJ.bi("用户名", "Username"), "：", PJ.el("strong", { "data-new-username": true }, account.username)),
      PJ.el("p", {}, PJ.bi("密码", "Password"), "：", PJ.el("strong", { class: "big-code", "data-new-password": true }, answer.password)),
      PJ.el("p", { class: "warn" }, PJ.bi("密码只显示这一次，请现在抄下，当面交给本人。", "Shown this once: write it down now and hand it over in person.")));
    PJ.infoDialog(PJ.bi("账号已生成", "Login ready"), shown);
    const dialog = shown.closest("dialog");
    dialog.addEventListener("close", () => location.reload());
  }

  for (const form of document.querySelectorAll("form[data-password-api]")) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      let box = form.querySelector(".form-error");
      if (!box) {
        box = PJ.el("div", { class: "error form-error", role: "alert", hidden: true });
        form.append(box);
      }
      PJ.clearError(box);
      if (form.dataset.confirm && !(await PJ.confirmDialog({ title: form.dataset.confirm, ok: PJ.bi("确定", "Confirm"), danger: true }))) return;
      const [method, path] = form.dataset.passwordApi.split(" ");
      const buttons = form.querySelectorAll("button");
      buttons.forEach((b) => (b.disabled = true));
      try {
        showPassword(await PJ.staffCall(method, path, { body: collect(form) }));
      } catch (error) {
        PJ.showError(box, error);
      } finally {
        buttons.forEach((b) => (b.disabled = false));
      }
    });
  }

  for (const select of document.querySelectorAll("[data-role-select]")) {
    const form = select.closest("form");
    const field = form.querySelector("[data-department-field]");
    const sync = () => {
      const liaison = select.value === "liaison";
      field.hidden = !liaison;
      field.querySelector("select").disabled = !liaison;
    };
    select.addEventListener("change", sync);
    sync();
  }
})();
