"use strict";
// Seat cards: the print button (the page itself is rendered by the server).

for (const button of document.querySelectorAll("[data-print]")) {
  button.addEventListener("click", () => window.print());
}
