// Names for widgets Django's admin builds without one, so screen readers (and
// axe) know what each is: select2's autocomplete boxes take the field's label,
// tabular inlines' inputs their column header, file inputs (in a fieldset with
// a legend) the legend, and the filter widget's search icons, a <span> with
// aria-label, become images.
"use strict";

(function () {
  let counter = 0;

  const clean = (text) => text.replace(/:\s*$/, "").trim();

  function fieldName(select) {
    const label = select.id && document.querySelector(`label[for="${select.id}"]`);
    if (label) return clean(label.textContent);
    const legend = select.closest(".form-row fieldset")?.querySelector("legend");
    if (legend) return clean(legend.textContent);
    // Tabular inlines label their columns with a header, not a <label>.
    const cell = select.closest("td");
    const table = cell && cell.closest("table");
    if (table) {
      const name = cell.className.match(/field-(\S+)/);
      const header = name && table.querySelector(`th.column-${name[1]}`);
      if (header) return header.textContent.trim();
    }
    return select.name;
  }

  function nameAutocomplete(select) {
    const container = select.nextElementSibling;
    if (!container || !container.classList.contains("select2")) return;
    const name = fieldName(select);
    const single = container.querySelector(".select2-selection--single");
    if (single && !single.dataset.named) {
      single.dataset.named = "1";
      const hidden = document.createElement("span");
      hidden.id = `select2-name-${++counter}`;
      hidden.className = "visually-hidden";
      hidden.textContent = name;
      container.append(hidden);
      const rendered = single.querySelector(".select2-selection__rendered");
      single.setAttribute(
        "aria-labelledby",
        [hidden.id, rendered && rendered.id].filter(Boolean).join(" "),
      );
      if (rendered) rendered.setAttribute("aria-label", name);
    }
    for (const search of container.querySelectorAll(".select2-search__field")) {
      if (!search.hasAttribute("aria-label")) search.setAttribute("aria-label", name);
    }
  }

  function nameUnlabelled() {
    const fields = document.querySelectorAll(
      "#content-main input:not([type=hidden]):not([type=submit]):not([type=button]), " +
        "#content-main select, #content-main textarea",
    );
    for (const field of fields) {
      if (field.labels.length || field.hasAttribute("aria-label")) continue;
      if (field.hasAttribute("aria-labelledby") || field.closest(".select2")) continue;
      const name = fieldName(field);
      if (name) field.setAttribute("aria-label", name);
    }
  }

  function nameAll() {
    nameUnlabelled();
    for (const select of document.querySelectorAll("select.admin-autocomplete")) {
      nameAutocomplete(select);
    }
    for (const icon of document.querySelectorAll("span.help-tooltip[aria-label]:not([role])")) {
      icon.setAttribute("role", "img");
    }
  }

  function start() {
    nameAll();
    // Inlines add rows, and select2 redraws its boxes: name what appears.
    let queued = false;
    new MutationObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        nameAll();
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
