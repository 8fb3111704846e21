"use strict";
// Session console: the practice vote (试表决). Its card, the seats present not yet pressed (未按) to find
// a broken tablet before the real vote, starting and ending it. Never counted, never published.

(() => {
  const { el, bi } = PJ;
  const call = PJ.staffCall;
  const C = PJ.sessionConsole;
  const { sessionId, canPreside, voteList, button } = C;

  const refreshNotPressed = () => call("GET", "/api/sessions/" + sessionId + "/practice").then(C.showNotPressed).catch(() => {});

  C.practiceCard = async function practiceCard(vote, card, actions, errorBox) {
    card.classList.add("practice");
    if (vote.state === "open") {
      const turnout = await call("GET", "/api/votes/" + vote.id + "/turnout").catch(() => null);
      if (turnout) card.append(PJ.turnoutView(turnout));
      card.append(el("div", { class: "practice-missing", dataset: { voteId: String(vote.id) } }));
      card.append(el("p", { class: "hint" }, bi("试表决：不计入任何结果，不公开；结束时选票即销毁。", "Practice: never counted or published; its ballots are discarded when it ends.")));
      if (canPreside) actions.append(button("结束试表决", "End the practice", "danger", "end-practice", () => endPractice(vote, errorBox)));
      refreshNotPressed();
    } else if (vote.state === "ended") {
      const view = await call("GET", "/api/sessions/" + sessionId + "/practice").catch(() => null);
      const pressed = view && view.vote_id === vote.id ? view.pressed : null;
      card.append(el("p", { class: "muted" }, bi("试表决已结束" + (pressed === null ? "" : "，" + pressed + " 位代表按键") + "；选票已销毁，不计入任何结果。", "Practice over; ballots discarded, nothing counted.")));
    }
    card.append(actions, errorBox);
    return card;
  };

  /** 未按: the seats present that have not pressed yet, to find a broken tablet before the real vote. */
  C.showNotPressed = function showNotPressed(view) {
    if (!view) return;
    const box = voteList.querySelector('.practice-missing[data-vote-id="' + view.vote_id + '"]');
    if (!box) return;
    const seats = view.not_pressed;
    box.replaceChildren(
      el("strong", {}, bi("未按 " + seats.length + " 席", seats.length + " not pressed")),
      seats.length
        ? el("ul", { class: "not-pressed" }, seats.map((s) => el("li", { dataset: { deputyId: String(s.deputy_id) } }, (s.seat ? s.seat + " " : "") + s.name)))
        : el("p", { class: "ok" }, bi("出席代表均已按键", "Every deputy present has pressed")),
    );
  };

  /** On a turnout event: a practice vote's seats not yet pressed follow every turnout (the console no longer polls). */
  C.followNotPressed = function followNotPressed(voteId) {
    if (voteList.querySelector('.practice-missing[data-vote-id="' + voteId + '"]')) refreshNotPressed();
  };

  C.startPractice = async function startPractice() {
    const errorBox = document.getElementById("practice-error");
    PJ.clearError(errorBox);
    try {
      await call("POST", "/api/sessions/" + sessionId + "/practice", { body: {} });
      await C.loadVotes();
    } catch (error) {
      PJ.showError(errorBox, error);
    }
  };

  async function endPractice(vote, errorBox) {
    const ok = await PJ.confirmDialog({
      title: bi("结束试表决？", "End the practice vote?"),
      body: el("p", {}, bi("结束后试表决的选票全部销毁，不计票、不公开。", "Its ballots are then discarded: nothing is counted or published.")),
      ok: bi("结束试表决", "End"),
    });
    if (ok) await C.act(vote, errorBox, () => call("POST", "/api/votes/" + vote.id + "/practice/end"));
  }
})();
