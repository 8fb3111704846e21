"use strict";
// Every staff page: the log-out button, and back to the login page when the login has lapsed.

PJ.toLogin = function toLogin() {
  const here = location.pathname + location.search;
  location.assign("/login?next=" + encodeURIComponent(here));
};

/** For staff pages: a 401 means the login lapsed, so go log in again; otherwise rethrow. */
PJ.staffCall = async function staffCall(method, path, options) {
  try {
    return await PJ.api(method, path, options);
  } catch (error) {
    if (error.status === 401) PJ.toLogin();
    throw error;
  }
};

for (const button of document.querySelectorAll("[data-logout]")) {
  button.addEventListener("click", async () => {
    try {
      await PJ.api("POST", "/api/auth/logout");
    } finally {
      location.assign("/login");
    }
  });
}
