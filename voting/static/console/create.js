"use strict";
// Session console: the new-vote forms (presiding officer). The program's vote from the presidium's fixed
// list and 票决办法, or a vote not from the list with a reason; the practice vote's start button.

(() => {
  const { el, bi } = PJ;
  const call = PJ.staffCall;
  const C = PJ.sessionConsole;
  const { sessionId, programId, canPreside } = C;

  const createBox = document.getElementById("create-vote");
  const createForm = document.getElementById("create-vote-form");
  const createError = document.getElementById("create-vote-error");
  const fixedList = document.getElementById("fixed-list");
  const resolutionForm = document.getElementById("resolution-form");
  const resolutionError = document.getElementById("resolution-error");
  const picks = document.getElementById("candidate-picks");

  /** Only the presidium's fixed list and 票决办法 make the program's vote; nothing to tick, nothing to change. */
  async function prepareCreateForm() {
    if (!canPreside) {
      createBox.hidden = true;
      document.getElementById("practice-start").hidden = true;
      return;
    }
    document.getElementById("practice-button").addEventListener("click", C.startPractice);
    if (!programId) {
      fixedList.replaceChildren(el("p", { class: "warn" }, bi("本次会议未关联项目计划，无法创建表决。", "This session has no program: no candidates to vote on.")));
      createForm.hidden = true;
      document.getElementById("resolution").hidden = true;
      return;
    }
    const list = await call("GET", "/api/programs/" + programId + "/list");
    const method = list.method;
    if (!list.fixed || !method) {
      fixedList.replaceChildren(
        el("p", { class: "warn", dataset: { listNotFixed: "" } }, bi("主席团尚未确定候选项目清单和票决办法，不能创建票决。", "The presidium has not fixed the list and voting method yet.")),
        el("a", { href: "/console/programs/" + programId + "/deliberation" }, bi("去审议页确定清单", "Fix the list on the deliberation page")),
      );
      createForm.querySelector("button[type=submit]").disabled = true;
    } else {
      showListVote(list.vote_id);
      const rules = { seats: method.seats, form: method.form, threshold_base: method.threshold_base, threshold: method.threshold };
      fixedList.replaceChildren(
        el("p", { class: "fixed-method" }, el("strong", {}, method.title), " · ", PJ.describeRules(rules), " · ", bi("出席须达全体代表" + PJ.shareText(method.quorum), "quorum")),
        el("ol", { class: "candidate-names", dataset: { fixedList: "" } }, list.entries.map((c) => el("li", { dataset: { candidateId: String(c.id) } }, c.name))),
      );
    }
    resolutionForm.title.value = "";
    picks.replaceChildren(
      ...list.entries.map((c) =>
        el("label", { class: "pick" }, el("input", { type: "checkbox", name: "candidate", value: String(c.id) }), el("span", {}, c.name)),
      ),
    );
    if (!list.entries.length) picks.append(el("p", { class: "muted" }, bi("清单中尚无项目", "Nothing on the list yet")));
  }

  /** One vote is made from a list: once it exists the form would only be refused, so say which vote it is. */
  function showListVote(voteId) {
    createForm.hidden = Boolean(voteId);
    let note = document.getElementById("list-vote-made");
    if (!voteId) return note && note.remove();
    if (!note) {
      note = el("p", { id: "list-vote-made", class: "muted" });
      createForm.before(note);
    }
    note.dataset.voteId = String(voteId);
    note.replaceChildren(bi("已按本清单创建表决（#" + voteId + "），见下方表决列表；撤回该表决后才能重新创建。", "The vote from this list exists (#" + voteId + "), listed below; withdraw it to create it again."));
  }

  /** After a withdrawal: the list may make its vote again. */
  C.refreshListVote = async function refreshListVote() {
    if (!canPreside || !programId) return;
    showListVote((await call("GET", "/api/programs/" + programId + "/list")).vote_id);
  };

  /** At the first load: the forms filled from the fixed list, a failure said in the form. */
  C.prepareCreateForm = () => prepareCreateForm().catch((error) => PJ.showError(createError, error));

  createForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    PJ.clearError(createError);
    const mode = createForm.querySelector("input[name=mode]:checked").value;
    try {
      const made = await call("POST", "/api/programs/" + programId + "/vote", { body: { session_id: sessionId, mode } });
      showListVote(made.id);
      createBox.open = false;
      await C.loadVotes();
    } catch (error) {
      PJ.showError(createError, error);
    }
  });

  resolutionForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    PJ.clearError(resolutionError);
    const candidateIds = [...picks.querySelectorAll("input[name=candidate]:checked")].map((box) => Number(box.value));
    const rules = {
      seats: Number(resolutionForm.seats.value),
      form: resolutionForm.querySelector("input[name=form]:checked").value,
      threshold_base: resolutionForm.querySelector("input[name=threshold_base]:checked").value,
    };
    const body = { title: resolutionForm.title.value.trim(), reason: resolutionForm.reason.value.trim(), candidate_ids: candidateIds, rules };
    try {
      await call("POST", "/api/sessions/" + sessionId + "/votes", { body });
      createBox.open = false;
      await C.loadVotes();
    } catch (error) {
      PJ.showError(resolutionError, error);
    }
  });
})();
