// The piece form's live parts (desk/piece_admin.py): a heartbeat that says this
// person still has the piece open and hears who else has, and autosave. Both
// are small same-origin POSTs carrying the form's CSRF token.
"use strict";

(function () {
  const TEXT_FIELDS = ["headline", "standfirst", "body", "verdict"];

  function post(form, url, body) {
    const csrf = form.elements.csrfmiddlewaretoken.value;
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, Accept: "application/json" },
    }).then((response) => response.json().then((data) => ({ ok: response.ok, data })));
  }

  function showEditors(notice, lines) {
    const shown = [...notice.children].map((p) => p.textContent).join("\n");
    if (shown === lines.join("\n")) return; // unchanged: nothing to announce
    notice.replaceChildren(
      ...lines.map((line) => {
        const paragraph = document.createElement("p");
        paragraph.className = "desk-notice";
        paragraph.textContent = line;
        return paragraph;
      }),
    );
  }

  function textOf(form) {
    const data = new FormData();
    for (const name of TEXT_FIELDS) {
      const field = form.elements[name];
      if (field) data.append(name, field.value);
    }
    return data;
  }

  const key = (data) => TEXT_FIELDS.map((name) => data.get(name)).join("\u0000");

  function start() {
    const live = document.getElementById("piece-live");
    const form = document.getElementById("review_form");
    if (!live || !form) return;
    const notice = document.getElementById("presence-notice");
    const status = document.getElementById("autosave-status");
    let lastSaved = key(textOf(form));
    let submitting = false;
    form.addEventListener("submit", () => (submitting = true));

    function beat() {
      post(form, live.dataset.presenceUrl, new FormData())
        .then(({ ok, data }) => ok && showEditors(notice, data.editing))
        .catch(() => {}); // offline for a moment: the next beat tries again
    }

    function autosave() {
      const data = textOf(form);
      if (submitting || key(data) === lastSaved) return;
      data.append("lock_token", form.elements.lock_token.value);
      post(form, live.dataset.autosaveUrl, data)
        .then(({ ok, data: reply }) => {
          if (ok) lastSaved = key(data);
          // The draft was saved with a new token: the form's own save must carry it.
          if (reply.lock_token) form.elements.lock_token.value = reply.lock_token;
          if (reply.message) status.textContent = reply.message;
        })
        .catch(() => {});
    }

    setInterval(beat, Number(live.dataset.beatSeconds) * 1000);
    setInterval(autosave, Number(live.dataset.autosaveSeconds) * 1000);
  }

  // The admin loads this in the page's head, before the form exists.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
