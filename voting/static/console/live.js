"use strict";
// Session console, last part: the session's live stream (attendance, turnout, vote events) and the first load.

(() => {
  const C = PJ.sessionConsole;

  function resync() {
    return Promise.all([C.resyncAttendance(), C.reloadVotes()]);
  }

  PJ.live(
    C.sessionId,
    (name, data) => {
      if (name === "attendance") {
        C.onAttendance(data);
      } else if (name === "turnout") {
        C.showTurnout(data);
        C.followNotPressed(data.vote_id);
      } else if (name.startsWith("vote_")) {
        C.reloadVotes();
      }
    },
    resync,
    { fast: 3000 }, // no polling while live: the server beats, and a silent stream is reopened
  );
  resync();
  C.prepareCreateForm();
})();
