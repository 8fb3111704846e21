"use strict";
// Public results (phones): turnout while a vote is open, the full result once announced, nothing before.
// Fetches without cookies, so a staff member's browser shows exactly what the public sees.

(() => {
  const { el, bi } = PJ;
  const sessionId = Number(document.body.dataset.sessionId);
  const onlyVote = document.body.dataset.voteId ? Number(document.body.dataset.voteId) : null;
  const list = document.getElementById("public-votes");
  const stats = document.getElementById("public-stats");
  const results = new Map(); // announced results never change: fetch each once
  const shownVotes = new Map(); // id → the vote as last listed, to redraw one card from an event

  const get = (path) => PJ.api("GET", path, { anonymous: true });

  // How far a vote has gone. Behind nginx a list may come from its one-second micro-cache: it must
  // not undo what an event has already shown (a closed vote drawn as open again until the next event).
  const STAGE = { draft: 0, withdrawn: 1, open: 1, awaiting_keys: 2, closed: 3, announced: 4 };
  const later = (listed, shown) =>
    shown && listed.state in STAGE && shown.state in STAGE && STAGE[shown.state] > STAGE[listed.state] ? shown : listed;

  // Each listing, and each card redrawn from an event, takes a number: a listing still on its way
  // when a newer one or an event's redraw comes is dropped, so it cannot draw over what they showed.
  let newest = 0;
  let listing = 0; // listings on their way

  async function resync() {
    const mine = ++newest;
    listing += 1;
    try {
      await draw(mine);
    } finally {
      listing -= 1;
    }
  }

  async function draw(mine) {
    const [summary, votes] = await Promise.all([
      get("/api/sessions/" + sessionId + "/attendance/summary"),
      get("/api/sessions/" + sessionId + "/votes"),
    ]);
    PJ.showAttendance(stats, summary);
    const listed = onlyVote ? votes.filter((v) => v.id === onlyVote) : votes.slice().reverse();
    const wanted = listed.map((vote) => later(vote, shownVotes.get(vote.id)));
    const cards = await Promise.all(wanted.map(voteCard));
    if (mine !== newest) return;
    shownVotes.clear();
    for (const vote of wanted) shownVotes.set(vote.id, vote);
    list.replaceChildren(...cards);
    if (!cards.length) list.append(el("p", { class: "muted" }, bi("暂无表决", "No votes yet")));
  }

  async function voteCard(vote) {
    const card = el(
      "article",
      { class: "card vote", dataset: { voteId: String(vote.id), state: vote.state } },
      el("div", { class: "vote-head" }, el("h2", {}, vote.title), PJ.kindBadge(vote), PJ.stateBadge(vote.state)),
      el("div", { class: "vote-meta" }, PJ.describeRules(vote.rules), " · ", bi(vote.candidates.length + " 个候选项目", "candidates")),
    );
    if (vote.state === "draft") {
      card.append(el("p", { class: "muted" }, bi("尚未开始", "Not started")));
    } else if (vote.state === "open") {
      card.append(PJ.turnoutView(await get("/api/votes/" + vote.id + "/turnout")));
    } else if (vote.state === "closed" || vote.state === "awaiting_keys") {
      card.append(el("p", { class: "muted" }, bi("投票已结束，结果将在主持人宣布后公布。", "Voting closed; the result is published once announced.")));
    } else {
      if (!results.has(vote.id)) results.set(vote.id, await get("/api/votes/" + vote.id + "/result"));
      card.append(PJ.resultView(results.get(vote.id)));
      const links = el("p", { class: "vote-links" });
      if (!onlyVote) links.append(el("a", { href: "/public/votes/" + vote.id }, bi("单独查看此表决", "This vote on its own page")), " · ");
      links.append(el("a", { href: "/public/votes/" + vote.id + "/announcement" }, bi("表决结果公告（可打印）", "The announcement, printable")), " · ");
      links.append(el("a", { href: "/public/votes/" + vote.id + "/verify" }, bi("核验结果、查询回执", "Verify the result, check a receipt")));
      card.append(links);
    }
    return card;
  }

  function updateTurnout(turnout) {
    const old = list.querySelector('.turnout[data-vote-id="' + turnout.vote_id + '"]');
    if (old) old.replaceWith(PJ.turnoutView(turnout));
  }

  /**
   * Closing (with or without the key cards yet) and announcing redraw one card from the event itself: the
   * announcement carries the result, so ten thousand phones do not all ask for it at once. Anything else lists again.
   */
  async function redrawCard(name, data) {
    const known = shownVotes.get(data.vote_id);
    const old = list.querySelector('.vote[data-vote-id="' + data.vote_id + '"]');
    if (!known || !old) return resync();
    const overtaken = listing > 0;
    newest += 1; // a listing on its way now is older than this event
    if (name === "vote_announced" && data.result) results.set(data.vote_id, data.result);
    const vote =
      name === "vote_announced" && data.result
        ? data.result.vote
        : { ...known, state: name === "vote_awaiting_keys" ? "awaiting_keys" : "closed" };
    shownVotes.set(vote.id, vote);
    old.replaceWith(await voteCard(vote));
    if (overtaken) await resync(); // what that listing would have shown of other votes, on top of this

  }

  PJ.live(
    sessionId,
    (name, data) => {
      if (name === "attendance") PJ.showAttendance(stats, data);
      else if (name === "turnout") updateTurnout(data);
      else if (["vote_closed", "vote_awaiting_keys", "vote_announced"].includes(name)) redrawCard(name, data).catch(() => {});
      else if (name.startsWith("vote_")) resync().catch(() => {});
    },
    resync,
    { fast: 15000 },
  );
  resync().catch((error) => list.replaceChildren(PJ.errorBox(error)));
})();
