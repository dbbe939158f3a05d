// The piece form's live parts (desk/piece_admin.py): a heartbeat that says this
// person still has the piece open and hears who else has, and autosave. Both
// are small same-origin POSTs carrying the form's CSRF token.
"use strict";

(function () {
  const live = document.getElementById("piece-live");
  const form = document.getElementById("review_form");
  if (!live || !form) return;
  const TEXT_FIELDS = ["headline", "standfirst", "body", "verdict"];

  function post(url, body) {
    const csrf = form.elements.csrfmiddlewaretoken.value;
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, Accept: "application/json" },
    }).then((response) => response.json().then((data) => ({ ok: response.ok, data })));
  }

  const notice = document.getElementById("presence-notice");
  function beat() {
    post(live.dataset.presenceUrl, new FormData())
      .then(({ ok, data }) => {
        if (!ok) return;
        const lines = data.editing.map((line) => {
          const paragraph = document.createElement("p");
          paragraph.className = "desk-notice";
          paragraph.textContent = line;
          return paragraph;
        });
        const now = [...notice.children].map((p) => p.textContent).join("\n");
        if (now !== data.editing.join("\n")) notice.replaceChildren(...lines);
      })
      .catch(() => {}); // offline for a moment: the next beat tries again
  }

  const status = document.getElementById("autosave-status");
  function text() {
    const data = new FormData();
    for (const name of TEXT_FIELDS) {
      const field = form.elements[name];
      if (field) data.append(name, field.value);
    }
    return data;
  }
  const key = (data) => TEXT_FIELDS.map((name) => data.get(name)).join("\u0000");
  let lastSaved = key(text());
  let submitting = false;
  form.addEventListener("submit", () => (submitting = true));

  function autosave() {
    const data = text();
    if (submitting || key(data) === lastSaved) return;
    data.append("lock_token", form.elements.lock_token.value);
    post(live.dataset.autosaveUrl, data)
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
})();
