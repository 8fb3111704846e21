"use strict";
// Forms on the supervision pages (liaison, clerks, project feedback): each <form data-api="/api/…"> is sent
// by fetch — JSON built from its fields, or multipart when data-multipart is set — and the page reloads on
// success. Errors appear in the form's [data-error] box in both languages.
//   name="a.b"           nested object {a: {b: …}}
//   name="x[]" checkbox  list of the checked values (numbers when data-int)
//   data-int             the value is an integer; data-optional: left out when empty
//   a submit button with name/value "true"/"false" adds that boolean (e.g. publish / return)

(() => {
  function put(target, path, value) {
    const keys = path.split(".");
    let node = target;
    for (const key of keys.slice(0, -1)) node = node[key] = node[key] || {};
    node[keys[keys.length - 1]] = value;
  }

  function convert(input, raw) {
    if (input.dataset.int !== undefined) return raw === "" ? null : Number.parseInt(raw, 10);
    if (raw === "true" || raw === "false") return raw === "true";
    return raw;
  }

  function toJson(form, submitter) {
    const body = {};
    for (const input of form.elements) {
      if (!input.name || input.disabled || input.type === "submit" || input.type === "button") continue;
      if (input.name.endsWith("[]")) {
        const key = input.name.slice(0, -2);
        const list = key.split(".").reduce((node, k) => (node ? node[k] : undefined), body) || [];
        const chosen = input.type === "checkbox" || input.type === "radio" ? input.checked : input.value.trim() !== "";
        if (chosen) list.push(convert(input, input.value));
        put(body, key, list);
      } else if (input.type === "checkbox") {
        put(body, input.name, input.checked);
      } else if (input.type === "radio") {
        if (input.checked) put(body, input.name, convert(input, input.value));
      } else if (input.value === "" && input.dataset.optional !== undefined) {
        continue;
      } else {
        put(body, input.name, convert(input, input.value));
      }
    }
    if (submitter && submitter.name) put(body, submitter.name, convert(submitter, submitter.value));
    return body;
  }

  // Phone photos are 5–15 MB: each is scaled down here (long side 2560 px, JPEG, turned upright, no EXIF)
  // before upload, so a report goes through a weak connection; the server re-encodes whatever arrives.
  const PHOTO_SIDE = 2560;

  async function scaledPhoto(file) {
    if (!file.size || !file.type.startsWith("image/")) return file;
    let bitmap;
    try {
      bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    } catch (_) {
      return file; // not something the browser can open: the server says what is wrong with it
    }
    const scale = Math.min(1, PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
    if (!blob || (scale === 1 && blob.size >= file.size)) return file;
    return new File([blob], file.name.replace(/\.[^.]*$/, "") + ".jpg", { type: "image/jpeg" });
  }

  async function multipartOf(form) {
    const scaled = new FormData();
    for (const [key, value] of new FormData(form).entries()) {
      scaled.append(key, value instanceof File ? await scaledPhoto(value) : value);
    }
    return scaled;
  }

  async function send(form, submitter) {
    const box = form.querySelector("[data-error]");
    if (box) PJ.clearError(box);
    const method = form.dataset.method || "POST";
    const buttons = form.querySelectorAll("button");
    buttons.forEach((b) => (b.disabled = true));
    try {
      const options = form.dataset.multipart !== undefined ? { form: await multipartOf(form) } : { body: toJson(form, submitter) };
      const answer = await PJ.api(method, form.dataset.api, options);
      if (form.dataset.done) {
        const code = answer && answer.code ? PJ.el("p", {}, "查询码 Tracking code：", PJ.el("strong", { "data-code": true }, answer.code)) : null;
        form.replaceChildren(PJ.el("div", { class: "notice ok", role: "status" }, form.dataset.done, code));
      } else {
        location.reload();
      }
    } catch (error) {
      if (box) PJ.showError(box, error);
      buttons.forEach((b) => (b.disabled = false));
    }
  }

  for (const form of document.querySelectorAll("form[data-api]")) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      send(form, event.submitter);
    });
  }
  for (const button of document.querySelectorAll("[data-logout]")) {
    button.addEventListener("click", async () => {
      await PJ.api("POST", "/api/auth/logout").catch(() => {});
      location.assign("/login?next=" + encodeURIComponent(location.pathname));
    });
  }
})();
