"use strict";
// Shared by every page: JSON calls, errors in both languages, safe DOM building, live updates.
// Data only ever reaches the page through textContent (el/append), never through innerHTML.

const PJ = (() => {
  class ApiError extends Error {
    constructor(status, body) {
      super(body.message_en || "Request failed");
      this.status = status;
      this.code = body.error || "error";
      this.zh = body.message_zh || "请求失败";
      this.en = body.message_en || "Request failed";
      this.detail = body.detail || null;
    }
  }

  const OFFLINE = {
    error: "network",
    message_zh: "网络连接中断，请稍后重试",
    message_en: "Network connection lost; please retry",
  };

  /** Call the JSON API; resolves to the decoded body, rejects with an ApiError. */
  async function api(method, path, options = {}) {
    const { body, token, form, anonymous } = options;
    const headers = { Accept: "application/json" };
    // Public screens never send the staff cookie: they must see exactly what the public sees.
    const init = { method, headers, cache: "no-store", credentials: anonymous ? "omit" : "same-origin" };
    if (token) headers.Authorization = "Bearer " + token;
    if (form) {
      init.body = form;
    } else if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let response;
    let text;
    try {
      response = await fetch(path, init);
      text = await response.text();
    } catch (_) {
      throw new ApiError(0, OFFLINE);
    }
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch (_) {
      data = null;
    }
    if (!response.ok) {
      const fallback = {
        error: "http_" + response.status,
        message_zh: "请求失败（" + response.status + "）",
        message_en: "Request failed (" + response.status + ")",
      };
      throw new ApiError(response.status, data && data.error ? data : fallback);
    }
    return data;
  }

  /** Build an element: el("p", {class: "x", onclick: f}, "text", child…). Strings become text nodes. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key === "style") node.style.cssText = value; // CSSOM: the CSP refuses style attributes
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  /** Chinese first, English second and small. */
  function bi(zh, en, cls) {
    return el("span", { class: cls || "bi" }, zh, " ", el("small", { class: "en" }, en));
  }

  function errorBox(error) {
    return el("div", { class: "error", role: "alert" }, el("strong", {}, error.zh), el("small", {}, error.en));
  }

  /** Show an ApiError (or any error) in a container; message_zh large, message_en small. */
  function showError(container, error) {
    const known = error instanceof ApiError ? error : new ApiError(0, { message_zh: "出现错误", message_en: String(error) });
    container.replaceChildren(el("strong", {}, known.zh), el("small", {}, known.en));
    container.hidden = false;
  }

  function clearError(container) {
    container.replaceChildren();
    container.hidden = true;
  }

  /**
   * Follow a session's live events. resync() runs once on every (re)connection and once when the
   * server says its events flow again. While the stream is healthy nothing is polled: the server
   * beats every 20 s, so a stream silent for 50 s is taken as dead and reopened. While the stream
   * is down, or the server has lost its link to the database (`live` false), the indicator turns
   * and shows the time of the last update, and resync() runs every `fast` ms (with jitter).
   */
  function live(sessionId, onEvent, resync, options = {}) {
    const fast = options.fast || 5000;
    const dot = document.querySelector("[data-live-dot]");
    let source = null;
    let healthy = false;
    let lastHeard = Date.now();
    let lastUpdate = null;
    let lastSync = 0;
    let wait = fast;

    function sync() {
      lastSync = Date.now();
      wait = fast * (1 + Math.random()); // ten thousand phones must not poll in step
      Promise.resolve(resync())
        .then(() => {
          lastUpdate = new Date();
          show();
        })
        .catch(() => {});
    }
    function show() {
      if (!dot) return;
      const since = lastUpdate ? lastUpdate.toLocaleTimeString("zh-CN", { hour12: false }) : "—";
      dot.classList.toggle("up", healthy);
      dot.classList.toggle("stale", !healthy);
      dot.dataset.live = healthy ? "up" : "stale";
      dot.title = healthy ? "实时连接 live" : "未实时更新，最后更新 " + since + " · not live, last update " + since;
      let label = dot.nextElementSibling;
      if (!label || !label.classList.contains("live-since")) {
        label = el("span", { class: "live-since", "data-live-since": true });
        dot.after(label);
      }
      label.hidden = healthy;
      label.textContent = "最后更新 " + since + " last update";
    }
    function setHealthy(up) {
      const recovered = up && !healthy;
      healthy = up;
      show();
      return recovered;
    }
    function connect() {
      lastHeard = Date.now();
      source = new EventSource("/api/sessions/" + sessionId + "/events");
      source.onerror = () => {
        setHealthy(false);
        if (source.readyState === EventSource.CLOSED) {
          source.close();
          setTimeout(connect, 2000 + Math.random() * 3000);
        }
      };
      // Open: catch up on anything missed. The app's own stream then says `hello`; nginx's (the
      // public's, deploy/nginx.conf) says nothing until an event or a beat.
      source.onopen = () => {
        lastHeard = Date.now();
        setHealthy(true);
        sync();
      };
      source.onmessage = (message) => {
        lastHeard = Date.now();
        let parsed;
        try {
          parsed = JSON.parse(message.data);
        } catch (_) {
          return;
        }
        const data = parsed.data || {};
        if (parsed.event === "hello") {
          setHealthy(data.live !== false);
        } else if (parsed.event === "live" || parsed.event === "beat") {
          if (setHealthy(data.live !== false)) sync(); // events flow again: catch up once
        } else {
          lastUpdate = new Date();
          onEvent(parsed.event, data);
          show();
        }
      };
    }
    connect();
    setInterval(() => {
      if (source.readyState === EventSource.OPEN && Date.now() - lastHeard > 50000) {
        source.close(); // open but silent past two beats: dead somewhere on the way
        setHealthy(false);
        connect();
      }
      if (!healthy && Date.now() - lastSync >= wait) sync();
    }, 1000);
    return { resync: sync };
  }

  /** A modal confirmation; resolves true when the user confirms. */
  function confirmDialog({ title, body, ok, danger }) {
    return new Promise((resolve) => {
      const dialog = el("dialog", { class: "confirm" });
      const finish = (answer) => {
        dialog.close();
        dialog.remove();
        resolve(answer);
      };
      dialog.append(
        el("h2", {}, title),
        el("div", { class: "dialog-body" }, body || []),
        el(
          "div",
          { class: "dialog-actions" },
          el("button", { type: "button", class: "btn", "data-cancel": true, onclick: () => finish(false) }, bi("取消", "Cancel")),
          el("button", { type: "button", class: "btn " + (danger ? "danger" : "primary"), "data-confirm": true, onclick: () => finish(true) }, ok),
        ),
      );
      dialog.addEventListener("cancel", (event) => {
        event.preventDefault();
        finish(false);
      });
      document.body.append(dialog);
      dialog.showModal();
    });
  }

  /** Ask for a reason in a dialog (never prompt()); resolves to the trimmed text, or null if cancelled. */
  async function askReason({ title, hint, value, ok, danger }) {
    const input = el("textarea", { name: "reason", rows: "3", maxlength: "500" });
    input.value = value || "";
    const answer = confirmDialog({ title, body: [el("p", {}, hint), el("label", { class: "reason" }, bi("原因", "Reason"), input)], ok, danger });
    const confirm = input.closest("dialog").querySelector("[data-confirm]");
    const sync = () => {
      confirm.disabled = !input.value.trim();
    };
    input.addEventListener("input", sync);
    sync();
    input.focus();
    return (await answer) ? input.value.trim() : null;
  }

  /** A plain modal with content and a close button. */
  function infoDialog(title, body) {
    const dialog = el("dialog", { class: "confirm" });
    const close = () => {
      dialog.close();
      dialog.remove();
    };
    dialog.append(
      el("h2", {}, title),
      el("div", { class: "dialog-body" }, body),
      el("div", { class: "dialog-actions" }, el("button", { type: "button", class: "btn primary", onclick: close }, bi("关闭", "Close"))),
    );
    dialog.addEventListener("close", () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
  }

  /** Run fn at most once per `ms`, trailing call included. */
  function debounce(fn, ms) {
    let timer = null;
    return () => {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  /** Fill [data-stat=…] elements and the quorum marker from an AttendanceSummary. */
  function showAttendance(root, summary) {
    for (const node of root.querySelectorAll("[data-stat]")) {
      const value = summary[node.dataset.stat];
      if (value !== undefined) node.textContent = String(value);
    }
    const quorum = root.querySelector("[data-quorum]");
    if (quorum) {
      quorum.classList.toggle("met", summary.has_quorum);
      quorum.classList.toggle("unmet", !summary.has_quorum);
      const state = quorum.querySelector("[data-quorum-state]");
      if (state) {
        state.replaceChildren(summary.has_quorum ? bi("已达到", "met") : bi("未达到", "not met"));
      }
    }
  }

  // Print buttons (data-print): no inline onclick, which the CSP refuses.
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("[data-print]")) window.print();
  });

  return { ApiError, api, el, bi, errorBox, showError, clearError, live, confirmDialog, askReason, infoDialog, debounce, showAttendance };
})();
