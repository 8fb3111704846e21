"use strict";
// The teller's entry form: every paper ballot typed with the keyboard alone, Enter to save.
// What is typed is parsed and shown against the candidate list before it is sent.

(() => {
  const { el, bi } = PJ;
  const call = PJ.staffCall;
  const page = document.body.dataset;
  const voteId = Number(page.voteId);
  const tellerId = String(page.tellerId);
  const perCandidate = page.form === "per_candidate";
  const seats = Number(page.seats);
  const rows = [...document.querySelectorAll("#entry-candidates li")];
  const candidates = rows.map((li) => ({ id: Number(li.dataset.candidateId), position: Number(li.dataset.position), li }));
  const form = document.getElementById("entry-form");
  const sheetInput = document.getElementById("sheet");
  const entryInput = document.getElementById("entry");
  const preview = document.getElementById("entry-preview");
  const errorBox = document.getElementById("entry-error");
  const saved = document.getElementById("entry-saved");
  const stateBox = document.getElementById("entry-state");
  const log = document.getElementById("entry-log");
  const MARKS = { 1: "for", 2: "against", 3: "abstain" };
  const MARK_TEXT = { for: "○ 同意", against: "✕ 不同意", abstain: "△ 弃权" };
  const VOID = { overmarked: ["作废：多选", "void: over-marked"], unreadable: ["作废：无法辨认", "void: unreadable"] };
  let returned = null;
  let sending = false;

  /** What the typed text says: { reading } or { error: [zh, en] }; null while empty. */
  function parse(text) {
    const typed = text.trim();
    if (typed === "") return null;
    if (typed === "*") return { reading: { marks: {}, void_reason: "overmarked" } };
    if (typed === "/") return { reading: { marks: {}, void_reason: "unreadable" } };
    if (typed === "0") return { reading: { marks: {} } };
    const marks = {};
    if (perCandidate) {
      const digits = typed.replace(/\s+/g, "");
      if (!/^[0-3]+$/.test(digits)) return { error: ["只能输入 0、1、2、3", "Only the digits 0–3"] };
      if (digits.length !== candidates.length) {
        return { error: ["应输入 " + candidates.length + " 位（每个项目一位），已输入 " + digits.length + " 位", "Type one digit per candidate (" + candidates.length + ")"] };
      }
      [...digits].forEach((digit, index) => {
        if (digit !== "0") marks[candidates[index].id] = MARKS[digit];
      });
      return { reading: { marks } };
    }
    const numbers = typed.split(/[\s,，、.]+/).filter(Boolean);
    for (const token of numbers) {
      const position = Number(token);
      if (!/^\d+$/.test(token) || position < 1 || position > candidates.length) {
        return { error: ["没有序号为 " + token + " 的项目（1–" + candidates.length + "）", "No candidate number " + token] };
      }
      const id = candidates[position - 1].id;
      if (marks[id]) return { error: ["序号 " + token + " 重复", "Number " + token + " typed twice"] };
      marks[id] = "for";
    }
    if (Object.keys(marks).length > seats) {
      return { error: ["画○超过应选数 " + seats + " 项：多选票作废，请输入 *", "More than " + seats + " marked: an over-marked ballot is void, type *"] };
    }
    return { reading: { marks } };
  }

  function describe(reading) {
    if (reading.void_reason) return bi(...VOID[reading.void_reason]);
    const marked = Object.keys(reading.marks).length;
    if (!marked) return bi("空白票", "blank");
    if (perCandidate) return bi("逐项表决，已填 " + marked + " 项", marked + " marked");
    return bi("画○ " + marked + " 项：" + candidates.filter((c) => reading.marks[c.id]).map((c) => c.position).join("、"), marked + " marked");
  }

  function showPreview() {
    const parsed = parse(entryInput.value);
    for (const c of candidates) {
      const mark = parsed && parsed.reading ? parsed.reading.marks[c.id] : null;
      c.li.dataset.mark = mark || "";
      c.li.querySelector(".mark").textContent = mark ? MARK_TEXT[mark] : "";
    }
    preview.className = "entry-preview" + (parsed && parsed.error ? " bad" : "");
    if (!sheetInput.value && returned !== null) {
      preview.replaceChildren(bi("全部 " + returned + " 张已录入完毕；如需更正，按 ↑ 或在「第 张」中填写张号", "All " + returned + " sheets entered; to correct one, press ↑ or type its number"));
    } else if (!parsed) preview.replaceChildren(bi("请输入第 " + sheetInput.value + " 张选票的内容", "Type sheet " + sheetInput.value));
    else if (parsed.error) preview.replaceChildren(bi(...parsed.error));
    else preview.replaceChildren(describe(parsed.reading));
  }

  function showProgress(progress) {
    returned = progress.returned;
    document.getElementById("mine").textContent = String(progress.entered_by_teller[tellerId] || 0);
    document.getElementById("returned").textContent = returned === null ? "–" : String(returned);
    document.getElementById("agreed").textContent = String(progress.agreed);
    document.getElementById("disputed").textContent = String(progress.discrepancies.filter((d) => !d.resolved).length);
    if (returned === null) {
      PJ.showError(stateBox, new PJ.ApiError(409, { message_zh: "监票人尚未登记收回的选票数，暂不能录入", message_en: "The ballots returned are not recorded yet" }));
    } else {
      PJ.clearError(stateBox);
    }
    const mine = progress.entered_by_teller[tellerId] || 0;
    if (returned !== null) sheetInput.max = String(returned);
    // Once every returned sheet is entered the box stays empty: there is no sheet returned + 1 to ask for.
    if (!sheetInput.value && (returned === null || mine < returned)) sheetInput.value = String(mine + 1);
    showPreview();
  }

  async function refresh() {
    try {
      showProgress(await call("GET", "/api/votes/" + voteId + "/paper/progress"));
    } catch (error) {
      PJ.showError(stateBox, error);
    }
  }

  /** A refusal before sending: shown, and the typed entry selected so the next keystrokes replace it. */
  function refuse(body) {
    PJ.showError(errorBox, new PJ.ApiError(400, body));
    entryInput.select();
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (sending) return;
    PJ.clearError(errorBox);
    const parsed = parse(entryInput.value);
    if (!parsed) return refuse({ message_zh: "请输入选票内容（空白票输入 0）", message_en: "Type the ballot (0 for blank)" });
    if (parsed.error) return refuse({ message_zh: parsed.error[0], message_en: parsed.error[1] });
    if (!sheetInput.value) return refuse({ message_zh: "全部选票已录入；如需更正，请先填写张号", message_en: "Every sheet is entered; type a sheet number to correct one" });
    const sheet = Number(sheetInput.value);
    sending = true;
    try {
      const progress = await call("POST", "/api/votes/" + voteId + "/paper/entries", { body: { sheet, ...parsed.reading } });
      const old = log.querySelector('[data-sheet="' + sheet + '"]');
      if (old) old.remove();
      log.prepend(el("li", { dataset: { sheet: String(sheet) }, value: String(sheet) }, el("b", {}, "第 " + sheet + " 张 "), describe(parsed.reading)));
      while (log.children.length > 12) log.lastChild.remove();
      saved.replaceChildren(bi("第 " + sheet + " 张已保存", "Sheet " + sheet + " saved"));
      sheetInput.value = returned !== null && sheet >= progress.returned ? "" : String(sheet + 1);
      entryInput.value = "";
      showProgress(progress);
    } catch (error) {
      PJ.showError(errorBox, error);
      entryInput.select(); // the next sheet typed replaces the refused entry instead of joining it
    } finally {
      sending = false;
      if (document.activeElement !== entryInput) entryInput.focus();
    }
  });

  entryInput.addEventListener("input", () => {
    PJ.clearError(errorBox);
    showPreview();
  });
  entryInput.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
    event.preventDefault();
    const last = returned || 1;
    const current = Number(sheetInput.value || last + 1);
    const next = current + (event.key === "ArrowUp" ? -1 : 1);
    sheetInput.value = next > last && returned !== null ? "" : String(Math.max(1, next));
    showPreview();
  });
  sheetInput.addEventListener("input", showPreview);
  // Enter in the sheet box goes back to the ballot box rather than submitting half an entry.
  sheetInput.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      entryInput.focus();
    }
  });

  PJ.live(Number(page.sessionId), (name, data) => {
    if (name === "paper_count" && data.vote_id === voteId) refresh();
  }, refresh, { fast: 3000 });
  refresh();
  entryInput.focus();
})();
