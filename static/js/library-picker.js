// The library's "Browse..." window (templates/admin/images/libraryimage/pick.html):
// "Use this image" hands the image to the body editor's figure dialog that
// opened the window, by the file-browser call django-prose-editor listens for.
"use strict";

document.addEventListener("click", (event) => {
  const button = event.target.closest(".library-pick button[data-id]");
  const funcNum = button && button.closest(".library-pick").dataset.funcNum;
  const editor = window.opener && window.opener.CKEDITOR;
  if (!button || !funcNum || !editor) return;
  editor.tools.callFunction(Number(funcNum), button.dataset.url, {
    id: button.dataset.id,
    alternative_text: button.dataset.alt,
    caption: button.dataset.caption,
  });
  window.close();
});
