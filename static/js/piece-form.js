// The piece form (reviews/admin.py): spellcheck in the body, a label for the
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
    // The menu shows only an icon for the current block type, in a <div> that
    // opens a popover: give it a name, a role and the keyboard.
    for (const toggle of wrapper.querySelectorAll(".prose-menubar__selected")) {
      if (toggle.dataset.labelled) continue;
      toggle.dataset.labelled = "1";
      toggle.setAttribute("role", "button");
      toggle.setAttribute("tabindex", "0");
      toggle.setAttribute("aria-label", "Block type");
      toggle.title = "Block type";
      toggle.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          toggle.click();
        }
      });
    }
  }

  function setUp(editor) {
    editor.setAttribute("spellcheck", "true");
    const label = document.querySelector('label[for="id_body"]');
    if (label && !editor.hasAttribute("aria-label")) {
      editor.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
    }
    labelBlockMenu(editor.closest(".prose-editor"));
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
