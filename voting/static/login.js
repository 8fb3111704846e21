"use strict";
// Staff login: the server sets an HttpOnly cookie; then go back where the user came from.

(() => {
  const form = document.getElementById("login-form");
  const errorBox = document.getElementById("login-error");

  /** Only same-site paths: ?next= must not send anyone to another site. */
  function nextPath() {
    const next = new URLSearchParams(location.search).get("next") || "";
    return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/console";
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    PJ.clearError(errorBox);
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      await PJ.api("POST", "/api/auth/login", {
        body: { username: form.username.value.trim(), password: form.password.value },
      });
      location.assign(nextPath());
    } catch (error) {
      PJ.showError(errorBox, error);
      form.password.select();
    } finally {
      button.disabled = false;
    }
  });
})();
