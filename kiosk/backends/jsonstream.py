"""Incremental reading of one big JSON object, so a 100,000-row answer is never held whole.

A sheepCRM attendance list arrives as one 40-60 MB object. Decoding it with
``json.loads`` holds the body, its text and every row's dict at once (over 300 MB) and
blocks the event loop for the whole decode. ``ObjectStream`` instead takes the text as
it arrives, hands each item of one chosen array to a callback as soon as it is complete,
and keeps only the object's other members.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable

_DECODER = json.JSONDecoder(parse_constant=lambda name: _refuse(name))
_WHITESPACE = " \t\n\r"


def _refuse(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


class NotAnObject(ValueError):
    """The text is JSON, but its top level is not an object."""


class ObjectStream:
    """Feeds JSON text piece by piece; items of the array under ``itemised`` go to
    ``on_item`` one at a time, every other member is kept and returned by ``close``.

    Raises ValueError (or NotAnObject) as soon as the text cannot be JSON, or at
    ``close`` when it stopped short.
    """

    # Where the reader is in the object.
    (_START, _FIRST_KEY, _KEY, _COLON, _VALUE, _AFTER_VALUE,
     _FIRST_ITEM, _ITEM, _AFTER_ITEM, _END) = range(10)  # fmt: skip

    def __init__(self, itemised: str, on_item: Callable[[object], None]) -> None:
        self._itemised = itemised
        self._on_item = on_item
        self._bytes = codecs.getincrementaldecoder("utf-8")()
        self._buffer = ""
        self._state = self._START
        self._key = ""
        self._members: dict[str, object] = {}
        # After a value failed to decode for want of text, wait until the buffer has
        # doubled before trying again, so a long value costs linear, not quadratic, time.
        self._retry_at = 0

    def feed_bytes(self, data: bytes) -> None:
        self.feed(self._bytes.decode(data))

    def feed(self, text: str) -> None:
        self._buffer += text
        if len(self._buffer) >= self._retry_at:
            self._advance(final=False)

    def close(self) -> dict[str, object]:
        """The members other than the itemised array; raises ValueError if incomplete."""
        self._buffer += self._bytes.decode(b"", final=True)
        self._advance(final=True)
        if self._state != self._END:
            raise ValueError("the JSON text stops before its end")
        return self._members

    def _advance(self, *, final: bool) -> None:
        text, pos, end = self._buffer, 0, len(self._buffer)
        try:
            while True:
                while pos < end and text[pos] in _WHITESPACE:
                    pos += 1
                if pos >= end:
                    break
                char, state = text[pos], self._state
                if state == self._START:
                    if char != "{":
                        raise NotAnObject("the answer is not a JSON object")
                    self._state, pos = self._FIRST_KEY, pos + 1
                elif state in (self._FIRST_KEY, self._KEY):
                    if char == "}" and state == self._FIRST_KEY:
                        self._state, pos = self._END, pos + 1
                        continue
                    if char != '"':
                        raise ValueError(f"expected a member name at character {pos}")
                    decoded = self._value(text, pos, final)
                    if decoded is None:
                        break
                    key, pos = decoded
                    self._key = str(key)
                    self._state = self._COLON
                elif state == self._COLON:
                    if char != ":":
                        raise ValueError(f"expected ':' at character {pos}")
                    self._state, pos = self._VALUE, pos + 1
                elif state == self._VALUE:
                    if char == "[" and self._key == self._itemised:
                        self._members[self._key] = None  # its items went to on_item
                        self._state, pos = self._FIRST_ITEM, pos + 1
                        continue
                    decoded = self._value(text, pos, final)
                    if decoded is None:
                        break
                    self._members[self._key], pos = decoded
                    self._state = self._AFTER_VALUE
                elif state == self._AFTER_VALUE:
                    if char not in ",}":
                        raise ValueError(f"expected ',' or '}}' at character {pos}")
                    self._state = self._KEY if char == "," else self._END
                    pos += 1
                elif state == self._AFTER_ITEM:
                    if char not in ",]":
                        raise ValueError(f"expected ',' or ']' at character {pos}")
                    self._state = self._ITEM if char == "," else self._AFTER_VALUE
                    pos += 1
                elif state in (self._FIRST_ITEM, self._ITEM):
                    if char == "]" and state == self._FIRST_ITEM:
                        self._state, pos = self._AFTER_VALUE, pos + 1
                        continue
                    decoded = self._value(text, pos, final)
                    if decoded is None:
                        break
                    item, pos = decoded
                    self._state = self._AFTER_ITEM
                    self._on_item(item)
                else:  # _END: only whitespace may follow
                    raise ValueError(f"extra data at character {pos}")
        finally:
            self._buffer = text[pos:]

    def _value(self, text: str, pos: int, final: bool) -> tuple[object, int] | None:
        """One value at ``pos``, or None when more text may complete it."""
        left = len(text) - pos  # what stays in the buffer if we wait
        try:
            value, end = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            if final or not _may_be_cut(exc, len(text)):
                raise ValueError(f"{exc.msg} at character {exc.pos}") from None
            self._retry_at = 2 * left
            return None
        except RecursionError:
            raise ValueError("the JSON is nested too deeply") from None
        # A number followed by nothing but number characters may have been cut short
        # ("0" of "0.5"); so may a literal that ends exactly where the text does.
        if not final and (end >= len(text) or _may_continue(value, text, end)):
            self._retry_at = left + 1
            return None
        self._retry_at = 0
        return value, end


_NUMBER_CHARS = frozenset("0123456789.eE+-")


def _may_continue(value: object, text: str, end: int) -> bool:
    """Whether a number's text may go on in the next piece."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return all(char in _NUMBER_CHARS for char in text[end:])


def _may_be_cut(exc: json.JSONDecodeError, length: int) -> bool:
    """Whether the error could be the text stopping mid-value rather than bad JSON."""
    return exc.msg.startswith("Unterminated string") or exc.pos >= length - 6
