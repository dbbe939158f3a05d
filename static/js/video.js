// A video in a piece (figure.video, reviews/videos.py) is a link to the video's
// own page until the reader asks for it: only then does the player load, so the
// page makes no request to YouTube or Vimeo before that. The players' origins
// are the CSP's frame-src (config/settings.py).
"use strict";

(function () {
  const PLAYERS = [
    [
      /^https:\/\/www\.youtube\.com\/watch\?v=([A-Za-z0-9_-]{6,20})$/,
      (id) => `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`,
    ],
    [/^https:\/\/vimeo\.com\/([0-9]+)$/, (id) => `https://player.vimeo.com/video/${id}?autoplay=1`],
  ];

  function playerFor(address) {
    for (const [pattern, player] of PLAYERS) {
      const match = address.match(pattern);
      if (match) return player(match[1]);
    }
    return null;
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest("figure.video > a");
    // A reader opening the video in a new tab or window gets the video's page.
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const player = playerFor(link.href);
    if (!player) return;
    event.preventDefault();
    const frame = document.createElement("iframe");
    frame.src = player;
    frame.title = link.querySelector(".video-title").textContent;
    frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    link.replaceWith(frame);
    frame.focus();
  });
})();
