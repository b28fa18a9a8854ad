"""The qasync bridge keeps asyncio's promises: an async generator abandoned part-way
(httpx's body stream when a roster download is cancelled) is closed by the loop, its
async clean-up included."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator
from typing import Any


def test_an_abandoned_async_generator_is_closed_by_the_loop(
    qloop: asyncio.AbstractEventLoop, qtbot: Any
) -> None:
    cleaned: list[str] = []

    async def body() -> AsyncIterator[bytes]:
        try:
            yield b"first"
            yield b"second"
        finally:
            await asyncio.sleep(0)  # async clean-up, as httpcore's stream has
            cleaned.append("closed")

    async def read_a_little() -> None:
        chunks = body()
        await chunks.__anext__()  # then left behind, as a cancelled download leaves it

    reading = qloop.create_task(read_a_little())
    qtbot.wait_until(reading.done)
    gc.collect()
    qtbot.wait_until(lambda: cleaned == ["closed"], timeout=2000)
