"use strict";
// 唱票: the hall screen while paper ballots are read out. Each candidate's running count as 正
// tally marks (one 正 = 5, its strokes drawn one by one), the number, ballots read / returned.
// Fetches as the public: a mixed vote's figures stay hidden while tablets can still vote.

(() => {
  const { el, bi } = PJ;
  const SVG = "http://www.w3.org/2000/svg";
  const sessionId = Number(document.body.dataset.sessionId);
  const voteId = Number(document.body.dataset.voteId);
  const main = document.getElementById("reading-main");
  const stats = document.getElementById("reading-stats");
  // The five strokes of 正 in writing order, in a 100×100 box: 一 丨 一(short) 丨(left) 一(bottom).
  const STROKES = [
    [14, 14, 86, 14],
    [50, 14, 50, 88],
    [50, 50, 80, 50],
    [24, 44, 24, 88],
    [8, 88, 92, 88],
  ];

  /** One 正 with `strokes` of its five strokes drawn. */
  function glyph(strokes, size) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 100 100");
    svg.setAttribute("width", String(size));
    svg.setAttribute("height", String(size));
    svg.setAttribute("class", "zheng" + (strokes < 5 ? " partial" : ""));
    svg.dataset.strokes = String(strokes);
    for (const [x1, y1, x2, y2] of STROKES.slice(0, strokes)) {
      const line = document.createElementNS(SVG, "line");
      for (const [name, value] of Object.entries({ x1, y1, x2, y2 })) line.setAttribute(name, String(value));
      svg.append(line);
    }
    return svg;
  }

  /** The tally marks for a count: full 正 for every five, then the strokes of the rest. */
  function tally(count, size) {
    const box = el("div", { class: "tally", role: "img", "aria-label": count + " 票", dataset: { count: String(count) } });
    for (let i = 0; i < Math.floor(count / 5); i++) box.append(glyph(5, size));
    if (count % 5) box.append(glyph(count % 5, size));
    return box;
  }

  function setStat(name, value) {
    stats.querySelector('[data-stat="' + name + '"]').textContent = value === null || value === undefined ? "–" : String(value);
  }

  function render(count) {
    setStat("issued", count.issued);
    setStat("returned", count.returned);
    setStat("read", count.returned === null ? count.read : count.read + " / " + count.returned);
    setStat("invalid", count.invalid);
    setStat("blank", count.blank);
    main.dataset.round = String(count.round);
    if (count.void) {
      main.replaceChildren(el("div", { class: "hall-idle reading-void" }, el("p", {}, "收回选票多于发出选票，本轮投票无效"), el("small", {}, "More ballots returned than issued: this round is void and will be held again")));
      return;
    }
    const perCandidate = count.form === "per_candidate";
    const notice = count.shown
      ? null
      : el("p", { class: "reading-hidden" }, bi("混合表决：平板投票结束前不公布纸质选票的分项票数", "Mixed vote: the paper figures are shown once tablet voting has ended"));
    const list = el("ol", { class: "reading-lines" + (perCandidate ? " per-candidate" : "") });
    main.replaceChildren(...(notice ? [notice] : []), list);
    const rowHeight = rowHeightFor(count.lines.length, notice, list);
    const most = Math.max(1, ...count.lines.map((l) => l.votes_for || 0));
    // As large as the longest row allows, on one line or (if that gets them bigger) two.
    const width = perCandidate ? 860 : 1100;
    const glyphs = Math.ceil(most / 5);
    const oneLine = Math.min(rowHeight * 0.72, width / glyphs - 6);
    const twoLines = Math.min(rowHeight * 0.42, width / Math.ceil(glyphs / 2) - 6);
    const size = Math.max(12, Math.floor(Math.max(oneLine, twoLines)));
    list.style.setProperty("--row", rowHeight + "px");
    list.replaceChildren(
      ...count.lines.map((line) =>
        el(
          "li",
          { dataset: { candidateId: String(line.candidate_id), votes: String(line.votes_for ?? "") } },
          el("span", { class: "pos" }, String(line.position)),
          el("span", { class: "name" }, line.name),
          line.votes_for === null ? el("span", { class: "tally" }) : tally(line.votes_for, size),
          el("b", { class: "votes" }, line.votes_for === null ? "—" : String(line.votes_for)),
          perCandidate && line.votes_for !== null
            ? el("span", { class: "others" }, "不同意 " + line.votes_against + " · 弃权 " + line.abstentions)
            : null,
        ),
      ),
    );
  }

  /** The row height (at most 120 px) that stands every line in what the screen leaves below its header and the
   *  mixed-vote notice: the body is a fixed 1920×1080 that cannot scroll, so a row below the edge is lost. */
  function rowHeightFor(rows, notice, list) {
    const px = (value) => Number.parseFloat(value) || 0;
    const box = getComputedStyle(main);
    let room = main.clientHeight - px(box.paddingTop) - px(box.paddingBottom);
    if (notice) {
      const margins = getComputedStyle(notice);
      room -= notice.offsetHeight + px(margins.marginTop) + px(margins.marginBottom);
    }
    const gaps = px(getComputedStyle(list).rowGap) * Math.max(0, rows - 1);
    return Math.max(16, Math.min(120, Math.floor((room - gaps) / Math.max(1, rows))));
  }

  let shown = null; // the last count drawn
  async function resync() {
    shown = await PJ.api("GET", "/api/votes/" + voteId + "/paper/reading", { anonymous: true });
    render(shown);
  }
  // The rows share the height the header and the notice leave, which the web fonts change once they load.
  document.fonts.ready.then(() => shown && render(shown));

  PJ.live(
    sessionId,
    (name, data) => {
      if ((name === "paper_count" && data.vote_id === voteId) || name.startsWith("vote_")) resync().catch(() => {});
    },
    resync,
    { fast: 2000 },
  );
  resync().catch(() => {});
})();
