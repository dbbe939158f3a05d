// The piece form (reviews/admin/piece_form.py): spellcheck in the body, a label for the
// editor's block-type menu, and the body's length counted while the writer types.
// Same rule as Review.word_count and Review.reading_minutes.
"use strict";

(function () {
  function lengthText(text, wordsPerMinute) {
    const words = text.split(/\s+/).filter(Boolean).length;
    const minutes = Math.max(1, Math.ceil(words / wordsPerMinute));
    return `${words} words, about ${minutes} min to read`;
  }

  function bodyEditor() {
    const body = document.getElementById("id_body");
    const wrapper = body && body.closest(".prose-editor");
    return wrapper && wrapper.querySelector(".ProseMirror[contenteditable]");
  }

  function labelBlockMenu(wrapper) {
    // The block-type menu shows the current type's icon button, named only by
    // that type ("paragraph"): say what the button is for.
    for (const button of wrapper.querySelectorAll(".prose-menubar__selected button")) {
      if (button.dataset.labelled) continue;
      button.dataset.labelled = "1";
      const current = button.getAttribute("aria-label") || button.title;
      const name = current ? `Block type: ${current}` : "Block type";
      button.setAttribute("aria-label", name);
      button.title = name;
    }
  }

  function setUp(editor) {
    editor.setAttribute("spellcheck", "true");
    const label = document.querySelector('label[for="id_body"]');
    if (label && !editor.hasAttribute("aria-label")) {
      editor.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
    }
    // The menu bar is drawn after the editable area.
    const wrapper = editor.closest(".prose-editor");
    labelBlockMenu(wrapper);
    new MutationObserver(() => labelBlockMenu(wrapper)).observe(wrapper, {
      childList: true,
      subtree: true,
    });
    const output = document.querySelector(".piece-length");
    if (!output) return;
    const wordsPerMinute = Number(output.dataset.wordsPerMinute) || 230;
    const update = () => {
      const text = lengthText(editor.innerText, wordsPerMinute);
      if (output.textContent !== text) output.textContent = text;
    };
    editor.addEventListener("input", update);
    editor.addEventListener("keyup", update);
  }

  function whenReady() {
    // The editor is a module script and builds its DOM after this file runs.
    const editor = bodyEditor();
    if (editor) {
      setUp(editor);
      return;
    }
    if (!document.getElementById("id_body")) return;
    const observer = new MutationObserver(() => {
      const found = bodyEditor();
      if (found) {
        observer.disconnect();
        setUp(found);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", whenReady);
  } else {
    whenReady();
  }
})();
