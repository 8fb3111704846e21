"use strict";
// Session console: attendance and quorum (check in, leave, absent, reissue a seat card's code), by
// delegation, with a filter; the plain-HTTP tablets warning.

(() => {
  const { el, bi } = PJ;
  const call = PJ.staffCall;
  const C = PJ.sessionConsole;
  const { sessionId, canClerk } = C;

  const STATUS = { present: ["已签到", "present"], leave: ["请假", "on leave"], absent: ["未到", "absent"] };
  const VIA = { tablet: "平板 tablet", clerk: "人工 clerk" };
  const summaryRoot = document.getElementById("attendance-summary");
  const tbody = document.getElementById("attendance-body");
  const filterBox = document.getElementById("attendance-filter");
  const statusFilter = document.getElementById("attendance-status");
  const attendanceError = document.getElementById("attendance-error");
  let deputies = [];
  const rows = new Map(); // deputy id → {tr, cells…}, reused so a refresh never swallows a click

  async function loadAttendance() {
    const view = await call("GET", "/api/sessions/" + sessionId + "/attendance");
    PJ.showAttendance(summaryRoot, view.summary);
    showPlainHttp(view.plain_http_tablets || 0);
    deputies = view.deputies;
    renderAttendance();
  }
  // Tablets on plain HTTP can be read by anyone on the Wi-Fi: say so plainly (voting.auth.transport).
  function showPlainHttp(count) {
    const box = document.getElementById("plain-http-warning");
    box.hidden = count === 0;
    for (const slot of box.querySelectorAll("[data-plain-http-count]")) slot.textContent = String(count);
  }
  const reloadAttendance = PJ.debounce(() => loadAttendance().catch(() => {}), 400);

  /** On resync: the whole list again, a failure said in the attendance panel. */
  C.resyncAttendance = () => loadAttendance().catch((error) => PJ.showError(attendanceError, error));

  /** On an attendance event: its summary at once, the list a moment later. */
  C.onAttendance = function onAttendance(summary) {
    PJ.showAttendance(summaryRoot, summary);
    reloadAttendance();
  };

  function buildRow(deputy) {
    const row = { seat: el("td", { class: "seat" }), name: el("td", { class: "name" }), status: el("td", { class: "status" }), buttons: {} };
    const actions = el("td", { class: "actions", hidden: !canClerk });
    if (canClerk) {
      // Hundreds of rows: Chinese labels only, the English in the tooltip and the column header.
      for (const [value, zh, en] of [["present", "签到", "check in"], ["leave", "请假", "on leave"], ["absent", "未到", "absent"]]) {
        row.buttons[value] = el(
          "button",
          { type: "button", class: "btn small", title: en, "data-action": value, onclick: () => setStatus(deputy.deputy_id, value) },
          zh,
        );
        actions.append(row.buttons[value]);
      }
      actions.append(
        el(
          "button",
          { type: "button", class: "btn small ghost", title: "reissue the login code", "data-action": "reissue", onclick: () => reissue(deputy.deputy_id) },
          "重发登录码",
        ),
      );
    }
    row.tr = el("tr", { dataset: { deputyId: String(deputy.deputy_id) } }, row.seat, row.name, row.status, actions);
    return row;
  }

  function updateRow(row, deputy) {
    row.seat.textContent = deputy.seat;
    row.name.textContent = deputy.name;
    row.tr.dataset.status = deputy.status;
    const [zh, en] = STATUS[deputy.status];
    row.status.replaceChildren(el("span", { class: "badge att-" + deputy.status }, zh, " ", el("small", {}, en)));
    if (deputy.status === "present" && deputy.via) row.status.append(el("small", { class: "via" }, VIA[deputy.via] || deputy.via));
    for (const [value, button] of Object.entries(row.buttons)) {
      button.disabled = value === deputy.status;
      button.classList.toggle("current", value === deputy.status);
    }
  }

  function renderAttendance() {
    const words = filterBox.value.trim().toLowerCase();
    const wanted = statusFilter.value;
    const groups = new Map();
    for (const deputy of deputies) {
      const key = deputy.delegation || "（未分代表团）";
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(deputy);
    }
    const out = [];
    for (const [delegation, members] of groups) {
      const shown = members.filter(
        (d) =>
          (!wanted || d.status === wanted) &&
          (!words || [d.name, d.delegation, d.seat].some((field) => field.toLowerCase().includes(words))),
      );
      if (!shown.length) continue;
      const present = members.filter((d) => d.status === "present").length;
      out.push(
        el("tr", { class: "group" }, el("th", { colspan: canClerk ? "4" : "3" }, delegation, el("small", {}, " 实到 " + present + " / " + members.length))),
      );
      for (const deputy of shown) {
        let row = rows.get(deputy.deputy_id);
        if (!row) {
          row = buildRow(deputy);
          rows.set(deputy.deputy_id, row);
        }
        updateRow(row, deputy);
        out.push(row.tr);
      }
    }
    if (!out.length) out.push(el("tr", {}, el("td", { colspan: "4", class: "muted" }, bi("没有符合条件的代表", "No deputies match"))));
    tbody.replaceChildren(...out);
  }

  async function setStatus(deputyId, status) {
    PJ.clearError(attendanceError);
    try {
      const summary = await call("POST", "/api/sessions/" + sessionId + "/attendance/" + deputyId, { body: { status } });
      PJ.showAttendance(summaryRoot, summary);
      const deputy = deputies.find((d) => d.deputy_id === deputyId);
      if (deputy) {
        deputy.status = status;
        deputy.via = status === "absent" ? null : "clerk";
      }
      renderAttendance();
    } catch (error) {
      PJ.showError(attendanceError, error);
    }
  }

  async function reissue(deputyId) {
    const deputy = deputies.find((d) => d.deputy_id === deputyId) || { name: "#" + deputyId };
    const ok = await PJ.confirmDialog({
      title: bi("为 " + deputy.name + " 重新发放登录码？", "Reissue the login code?"),
      body: el("p", {}, bi("原登录码作废，该代表已登录的平板将退出登录。", "The old code stops working and the deputy's tablets are logged out.")),
      ok: bi("重新发放", "Reissue"),
      danger: true,
    });
    if (!ok) return;
    try {
      const card = await call("POST", "/api/sessions/" + sessionId + "/seat-cards/" + deputyId + "/reissue");
      const base = "/console/sessions/" + sessionId + "/seat-cards";
      PJ.infoDialog(bi("新登录码 · " + card.name, "New login code"), [
        el("div", { class: "reissued" },
          el("div", {},
            el("p", {}, card.delegation, card.seat ? " · 座位 " + card.seat : ""),
            el("p", { class: "code big-code", "data-new-code": true }, card.code.slice(0, 4) + " " + card.code.slice(4)),
            el("p", {}, el("a", { href: base + "?deputy=" + deputyId, target: "_blank" }, bi("打印此座位卡", "Print this seat card"))),
          ),
          el("img", { class: "qr-img", alt: "QR", src: base + "/" + deputyId + "/qr.svg?t=" + Date.now() }),
        ),
      ]);
    } catch (error) {
      PJ.showError(attendanceError, error);
    }
  }

  if (!canClerk) document.querySelector(".attendance th:last-child").hidden = true;
  filterBox.addEventListener("input", renderAttendance);
  statusFilter.addEventListener("change", renderAttendance);
})();
