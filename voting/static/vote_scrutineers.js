"use strict";
// A vote's key-card page: its scrutineers, who hold the cards and open the count. The presiding officer
// assigns them here (a tablet vote has no paper count page); assigned, they find the vote on /count.
// Their names fill the ceremony's holder fields while those still hold the placeholders.

(() => {
  const { el, bi } = PJ;
  const call = PJ.staffCall;
  const panel = document.getElementById("scrutineers");
  const base = "/api/votes/" + panel.dataset.voteId + "/paper";
  const errorBox = document.getElementById("scrutineers-error");
  const form = document.getElementById("scrutineer-form");

  function showAssigned(scrutineers) {
    document.getElementById("scrutineer-list").replaceChildren(
      ...scrutineers.map((c) => el("li", { dataset: { staffId: String(c.staff_user_id) } }, el("strong", {}, c.display_name), " ", c.is_chief ? bi("总监票人", "chief scrutineer") : bi("监票人", "scrutineer"))),
      scrutineers.length ? [] : el("li", { class: "muted" }, bi("尚未指定", "none assigned")),
    );
  }

  function fillHolders(scrutineers) {
    const fields = [...document.querySelectorAll("#ceremony-form [name=holder]")];
    const ordered = [...scrutineers].sort((a, b) => Number(b.is_chief) - Number(a.is_chief));
    fields.forEach((field, i) => {
      if (ordered[i] && field.value === field.defaultValue) field.value = (ordered[i].is_chief ? "总监票人 " : "监票人 ") + ordered[i].display_name;
    });
  }

  async function showChoices(scrutineers) {
    const staff = (await call("GET", "/api/paper/staff")).filter((s) => s.role === "scrutineer");
    const assigned = new Set(scrutineers.map((c) => c.staff_user_id));
    const free = staff.filter((s) => !assigned.has(s.id));
    form.staff.replaceChildren(...free.map((s) => el("option", { value: String(s.id) }, s.display_name)));
    panel.querySelector("[data-no-counting-staff]").hidden = staff.length > 0;
    form.hidden = !free.length;
    form.chief.disabled = scrutineers.some((c) => c.is_chief);
    if (form.chief.disabled) form.chief.checked = false;
  }

  async function refresh() {
    const count = await call("GET", base);
    const scrutineers = count.counters.filter((c) => c.role === "scrutineer");
    showAssigned(scrutineers);
    fillHolders(scrutineers);
    if (form) await showChoices(scrutineers);
  }

  if (form) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      PJ.clearError(errorBox);
      try {
        await call("POST", base + "/counters", { body: { staff_user_id: Number(form.staff.value), role: "scrutineer", is_chief: form.chief.checked } });
        await refresh();
      } catch (error) {
        PJ.showError(errorBox, error);
      }
    });
  }
  refresh().catch((error) => PJ.showError(errorBox, error));
})();
