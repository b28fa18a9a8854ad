"""The platform's own words in an error body (JSON, HTML or plain text), shortened."""

from __future__ import annotations

import html.parser
import json
import re

import httpx

from kiosk.backends.http.limits import MESSAGE_MAX_CHARS

_WHITESPACE = re.compile(r"\s+")


def shorten(text: str, limit: int = MESSAGE_MAX_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = _WHITESPACE.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


#: Keys an error body's message is found under, most specific first
#: (sheepCRM: ``{error, description, type}``; Attendu publishes none).
_MESSAGE_KEYS = ("description", "message", "detail", "error_description", "error", "title", "msg")


def _message_in(data: object, depth: int = 0) -> str:
    if isinstance(data, str):
        return data
    if depth > 3:
        return ""
    if isinstance(data, dict):
        concise, readable = data.get("error"), data.get("description")
        # sheepCRM: "error" is concise, "description" readable: keep both when they differ.
        if isinstance(concise, str) and isinstance(readable, str) and concise and readable:
            if concise in readable or readable in concise:
                return max(concise, readable, key=len)
            return f"{concise}: {readable}"
        for key in _MESSAGE_KEYS:
            if text := _message_in(data.get(key), depth + 1):
                return text
        return ""
    if isinstance(data, list):
        return "; ".join(m for item in data[:3] if (m := _message_in(item, depth + 1)))
    return ""


def platform_message(body: bytes, headers: httpx.Headers) -> str:
    """What the platform itself said in an error body, shortened; HTML reduced to text."""
    text = body.decode("utf-8", errors="replace").strip()
    if not text:
        return ""
    content_type = headers.get("content-type", "").lower()
    if "json" in content_type or text[:1] in "{[":
        try:
            message = _message_in(json.loads(text))
        except (ValueError, RecursionError):
            message = ""
        if message:
            return shorten(message)
    if "html" in content_type or text[:1] == "<":
        return shorten(_html_text(text))
    return shorten(text)


class _TextOfHtml(html.parser.HTMLParser):
    """Collects the visible text of an HTML error page."""

    _SKIP = frozenset({"script", "style", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._skipping = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        data = _WHITESPACE.sub(" ", data).strip()
        if not data:
            return
        if self._in_title:
            self.title = f"{self.title} {data}".strip()
        elif not self._skipping and (not self.parts or self.parts[-1] != data):
            self.parts.append(data)


def _html_text(text: str) -> str:
    parser = _TextOfHtml()
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # a broken page must not hide the HTTP error itself
        return re.sub(r"<[^>]*>", " ", text)
    parts = list(parser.parts)
    if parser.title and (not parts or parser.title not in parts[0]):
        parts.insert(0, parser.title)
    return " ".join(parts)
