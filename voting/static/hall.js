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

  /** The screen is laid out for 1920×1080; other projectors get it scaled to fit, centred. */
  function fit() {
    const scale = Math.min(innerWidth / 1920, innerHeight / 1080);
    const left = (innerWidth - 1920 * scale) / 2;
    const top = (innerHeight - 1080 * scale) / 2;
    document.body.style.transform = "translate(" + left + "px, " + top + "px) scale(" + scale + ")";
  }
  addEventListener("resize", fit);
  fit();

  function display(key, ...content) {
    shown = key;
    main.dataset.view = key.split(":")[0];
    main.replaceChildren(...content);
  }

  async function resync() {
    const [summary, votes] = await Promise.all([
      get("/api/sessions/" + sessionId + "/attendance/summary"),
      get("/api/sessions/" + sessionId + "/votes"),
    ]);
    PJ.showAttendance(header, summary);
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

  async function showResult(voteId) {
    if (shown === "result:" + voteId) return;
    const result = await get("/api/votes/" + voteId + "/result");
    display(
      "result:" + voteId,
      el(
        "section",
        { class: "hall-result" },
        el("div", { class: "hall-result-head" }, el("div", { class: "hall-state" }, bi("表决结果", "Result")), el("h2", {}, result.vote.title), PJ.describeRules(result.vote.rules)),
        PJ.resultView(result),
      ),
    );
  }

  PJ.live(
    sessionId,
    (name, data) => {
      if (name === "attendance") PJ.showAttendance(header, data);
      else if (name === "turnout") updateTurnout(data);
      else if (name === "vote_announced") showResult(data.vote_id).catch(() => {});
      else if (name.startsWith("vote_") || name === "paper_count") resync().catch(() => {});
    },
    resync,
    { slow: 4000, fast: 3000 },
  );
  resync().catch(() => {});
})();
