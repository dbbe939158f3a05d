// The piece form's live preview (desk/live_preview.py): the piece as readers will
// see it, beside the form, redrawn a moment after the writer stops typing. What is
// typed goes to the server to be rendered, never saved; the frame keeps its
// document and scroll position, and only its body is swapped.
"use strict";

(function () {
  const FIELDS = ["kind", "headline", "standfirst", "body", "rating", "verdict"];
  const WIDTHS = { phone: 390, desktop: 1280 };
  const PAUSE = 600; // ms after the last keystroke
  // Toolbar changes (bold, a heading) fire no input event: look now and then too.
  const LOOK_EVERY = 2000;

  function typed(form) {
    const data = new FormData();
    for (const name of FIELDS) {
      const field = form.elements[name];
      if (field) data.append(name, field.value);
    }
    return data;
  }

  const key = (data) => FIELDS.map((name) => data.get(name)).join("\u0000");

  function post(url, csrf, body) {
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf },
    });
  }

  function start() {
    const aside = document.getElementById("live-preview");
    const form = document.getElementById("review_form");
    const toggle = document.querySelector(".live-preview-toggle");
    if (!aside || !form || !toggle) return;
    const desk = aside.closest(".piece-desk");
    const frame = aside.querySelector("iframe");
    const stage = aside.querySelector(".live-preview-stage");
    const status = aside.querySelector(".live-preview-status");
    const csrf = form.elements.csrfmiddlewaretoken.value;
    let shown = !aside.hidden;
    let width = "phone";
    let drawn = null; // the key of what the frame shows; null: the saved piece
    let waiting = null;
    let busy = false;

    function fit() {
      const pixels = WIDTHS[width];
      const scale = Math.min(1, stage.clientWidth / pixels);
      frame.style.width = `${pixels}px`;
      frame.style.height = `${stage.clientHeight / scale}px`;
      frame.style.transform = `scale(${scale})`;
      for (const button of aside.querySelectorAll("[data-width]")) {
        button.setAttribute("aria-pressed", String(button.dataset.width === width));
      }
    }

    function redraw() {
      const data = typed(form);
      const now = key(data);
      if (!shown || now === drawn || !frame.contentDocument?.body) return;
      if (busy) return schedule();
      busy = true;
      post(aside.dataset.url, csrf, data)
        .then((response) => response.text().then((text) => ({ response, text })))
        .then(({ response, text }) => {
          if (!response.ok) {
            status.textContent = text;
            return;
          }
          const fresh = new DOMParser().parseFromString(text, "text/html");
          const page = frame.contentDocument;
          page.body.replaceWith(page.importNode(fresh.body, true));
          drawn = now;
          status.textContent = "";
        })
        .catch(() => {
          status.textContent = "The preview could not be redrawn; it tries again.";
        })
        .finally(() => (busy = false));
    }

    function schedule() {
      clearTimeout(waiting);
      waiting = setTimeout(redraw, PAUSE);
    }

    function show(on) {
      shown = on;
      desk.classList.toggle("live-preview-on", on);
      aside.hidden = !on;
      toggle.setAttribute("aria-pressed", String(on));
      if (!on) return;
      if (!frame.getAttribute("src")) frame.src = aside.dataset.url; // the saved piece
      fit();
      schedule();
    }

    toggle.hidden = false;
    toggle.addEventListener("click", () => {
      show(!shown);
      const remembered = new FormData();
      remembered.append("shown", shown ? "1" : "0");
      post(aside.dataset.settingUrl, csrf, remembered).catch(() => {});
    });
    for (const button of aside.querySelectorAll("[data-width]")) {
      button.addEventListener("click", () => {
        width = button.dataset.width;
        fit();
      });
    }
    frame.addEventListener("load", () => {
      drawn = null;
      schedule();
      // A link in the preview opens in a tab of its own: the site's pages are
      // not framed, and the form stays as it is.
      frame.contentDocument.addEventListener("click", (event) => {
        const link = event.target.closest("a[href]");
        if (!link) return;
        event.preventDefault();
        window.open(link.href, "_blank", "noopener");
      });
    });
    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    window.addEventListener("resize", () => shown && fit());
    setInterval(redraw, LOOK_EVERY);
    if (shown) show(true);
  }

  // The admin loads this in the page's head, before the form exists.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
