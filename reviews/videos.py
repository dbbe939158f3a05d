"""Videos in a body: a paragraph holding only a link to a YouTube or Vimeo
video is shown to readers as a facade, a link drawn as a player. The player
itself loads only when the reader asks for it (static/js/video.js), so the
page makes no request to either site before that and the CSP stays strict."""

import re
from typing import NamedTuple
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{6,20}")


class Video(NamedTuple):
    provider: str
    url: str  # the video's own page, which readers can follow without script


def video_at(url):
    """The YouTube or Vimeo video at `url` (a page, a short link or a player),
    or None for any other address."""
    parts = urlsplit(url if "//" in url else f"https://{url}")
    if parts.scheme not in {"http", "https"}:
        return None
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    path = parts.path.strip("/").split("/")
    video = ""
    if host in {"youtube.com", "youtube-nocookie.com"} and path[0] == "embed":
        video = path[-1]
    elif host == "youtube.com" and path[0] == "watch":
        video = parse_qs(parts.query).get("v", [""])[0]
    elif host == "youtu.be":
        video = path[0]
    if YOUTUBE_ID.fullmatch(video):
        return Video("YouTube", f"https://www.youtube.com/watch?v={video}")
    if host in {"vimeo.com", "player.vimeo.com"} and path[-1].isdigit():
        return Video("Vimeo", f"https://vimeo.com/{path[-1]}")
    return None


def video_facades(html):
    """`html` (sanitised) with each paragraph that is only a link to a video
    made a figure: the link, titled by its words, to the video's own page."""
    soup = BeautifulSoup(html, "html.parser")
    for paragraph in soup.find_all("p"):
        links = paragraph.find_all("a", recursive=False)
        if len(links) != 1 or paragraph.get_text(strip=True) != links[0].get_text(
            strip=True
        ):
            continue
        link = links[0]
        video = video_at(link.get("href", ""))
        if video is None:
            continue
        # A pasted address is no title.
        title = " ".join(link.get_text().split())
        if not title or video_at(title) is not None:
            title = f"The video on {video.provider}"
        figure = soup.new_tag("figure", attrs={"class": "video"})
        facade = soup.new_tag("a", href=video.url)
        for name, text in (
            ("video-title", title),
            ("video-provider", f"Play on {video.provider}"),
        ):
            part = soup.new_tag("span", attrs={"class": name})
            part.string = text
            facade.append(part)
        figure.append(facade)
        paragraph.replace_with(figure)
    return str(soup)
