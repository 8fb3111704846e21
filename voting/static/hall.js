"use strict";
// The hall's big screen: attendance, then the open vote's turnout (or its 唱票 while paper ballots
// are read out), then the announced result.
// Fetches as the public (no cookie): it must never show anything before the announcement.

(() => {
  const { el, bi } = PJ;
  const sessionId = Number(document.body.dataset.sessionId);
  const main = document.getElementById("hall-main");
  const header = document.querySelector(".hall-head");
  let shown = ""; // what is on screen, e.g. "open:12", so a resync does not redraw it needlessly

  const get = (path) => PJ.api("GET", path, { anonymous: true });

  function display(key, ...content) {
    shown = key;
    main.dataset.view = key.split(":")[0];
    main.replaceChildren(...content);
  }

  async function resync() {
    const [summary, votes, practice] = await Promise.all([
      get("/api/sessions/" + sessionId + "/attendance/summary"),
      get("/api/sessions/" + sessionId + "/votes"),
      get("/api/sessions/" + sessionId + "/practice"),
    ]);
    PJ.showAttendance(header, summary);
    // A practice vote (试表决) is shown in the hall only, while it runs or until a real vote follows it.
    const latestReal = Math.max(0, ...votes.map((v) => v.id));
    if (practice && (practice.state === "open" || practice.vote_id > latestReal)) return showPractice(practice);
    const open = votes.find((v) => v.state === "open");
    const counted = votes.filter((v) => ["awaiting_keys", "closed", "announced"].includes(v.state)).sort((a, b) => b.id - a.id)[0];
    if (open && open.mode !== "electronic" && (await readingUnderway(open))) return showReading(open);
    if (open) return showOpen(open);
    if (counted && counted.state !== "announced") return showCounting(counted);
    if (counted) return showResult(counted.id);
    if (shown !== "idle") display("idle", el("div", { class: "hall-idle" }, el("p", {}, "等待表决开始"), el("small", {}, "Waiting for the vote")));
  }

  async function showOpen(vote) {
    const turnout = await get("/api/votes/" + vote.id + "/turnout");
    if (shown === "open:" + vote.id) return updateTurnout(turnout);
    display(
      "open:" + vote.id,
      el(
        "section",
        { class: "hall-vote" },
        el("div", { class: "hall-state" }, bi("正在投票", "Voting in progress")),
        el("h2", {}, vote.title),
        el("p", { class: "hall-rules" }, PJ.describeRules(vote.rules), " · ", bi(vote.candidates.length + " 个候选项目", "candidates")),
        PJ.turnoutView(turnout),
      ),
    );
  }

  /** Whether the paper ballots of this vote are being read out: returned recorded, round not void. */
  async function readingUnderway(vote) {
    const reading = await get("/api/votes/" + vote.id + "/paper/reading");
    return reading.returned !== null && !reading.void;
  }

  /** While paper ballots are read out, the hall shows the 唱票 screen itself (it follows the count live). */
  function showReading(vote) {
    if (shown === "reading:" + vote.id) return;
    display("reading:" + vote.id, el("iframe", { class: "hall-reading", title: "唱票 " + vote.title, src: "/hall/votes/" + vote.id + "/reading" }));
  }

  function updateTurnout(turnout) {
    const old = main.querySelector('.turnout[data-vote-id="' + turnout.vote_id + '"]');
    if (old) old.replaceWith(PJ.turnoutView(turnout));
  }

  function showCounting(vote) {
    if (shown === "closed:" + vote.id) return;
    display(
      "closed:" + vote.id,
      el("section", { class: "hall-vote" }, el("div", { class: "hall-state" }, bi("投票结束", "Voting closed")), el("h2", {}, vote.title), el("p", { class: "hall-wait" }, bi("计票完成，等待主持人宣布结果", "Counted; waiting for the announcement"))),
    );
  }

  /** 试表决: marked as such, how many pressed; never any count. */
  function showPractice(practice) {
    const key = "practice:" + practice.vote_id + ":" + practice.state;
    const turnout = { vote_id: practice.vote_id, cast: practice.pressed, present: practice.present, total: practice.total };
    if (shown === key) return updateTurnout(turnout);
    const running = practice.state === "open";
    display(
      key,
      el(
        "section",
        { class: "hall-vote hall-practice", dataset: { practice: practice.state } },
        el("div", { class: "hall-state practice-state" }, bi("试表决", "Practice vote")),
        el("h2", {}, running ? bi("请按键试用表决器", "Press any choice to try your tablet") : bi("试表决结束", "Practice over")),
        el("p", { class: "hall-rules" }, bi("试表决不计入任何表决结果", "A practice vote is never counted")),
        running ? PJ.turnoutView(turnout) : el("p", { class: "hall-wait" }, bi(practice.pressed + " 位代表已按键，试表决选票已销毁", practice.pressed + " deputies pressed; practice ballots discarded")),
      ),
    );
  }

  async function showResult(voteId, carried) {
    if (shown === "result:" + voteId) return;
    const result = carried || (await get("/api/votes/" + voteId + "/result"));
    const rounds = result.final ? result.final.rounds.length : 1;
    const view = el(
      "section",
      { class: "hall-result", dataset: { candidates: String(result.tally.counts.length) } },
      el(
        "div",
        { class: "hall-result-head" },
        el("div", { class: "hall-state" }, rounds > 1 ? bi("再次投票结果", "Runoff result") : bi("表决结果", "Result")),
        el("h2", {}, result.vote.title),
        PJ.describeRules(result.vote.rules),
      ),
      PJ.resultView(result),
    );
    const count = result.tally.counts.length;
    view.dataset.cols = count > 14 ? "2" : "1";
    view.style.setProperty("--cols", view.dataset.cols);
    view.style.setProperty("--rows", String(count > 14 ? Math.ceil(count / 2) : count));
    display("result:" + voteId, view);
    fitToScreen(view);
  }

  /** Step type sizes down until every figure is on the screen (up to 30 candidates, a runoff box, the totals):
   *  first the side column (a long list of chosen projects must not shrink the bars), then the whole result. */
  function fitToScreen(view) {
    const overflows = (boxes) => boxes.some((box) => box.scrollHeight > box.clientHeight + 1);
    const side = view.querySelector(".result-side");
    let sideSize = 28;
    for (; side && sideSize > 14 && overflows([side]); sideSize -= 1) side.style.fontSize = sideSize - 1 + "px";
    for (let size = 28; size >= 12; size -= 1) {
      view.style.fontSize = size + "px";
      if (side) side.style.fontSize = Math.min(sideSize, size) + "px";
      if (!overflows([main, ...view.querySelectorAll(".bars, .result-side, .bar-row")])) return;
    }
  }

  PJ.live(
    sessionId,
    (name, data) => {
      if (name === "attendance") PJ.showAttendance(header, data);
      else if (name === "turnout") updateTurnout(data);
      else if (name === "vote_announced") showResult(data.vote_id, data.result).catch(() => {});
      else if (name.startsWith("vote_") || name === "paper_count") resync().catch(() => {});
    },
    resync,
    { fast: 3000 },
  );
  resync().catch(() => {});
})();
