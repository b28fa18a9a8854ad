"""Write the kiosk's two outcome sounds as small WAV files (resources/sounds/), made of
sine tones with soft edges: a rising major chord for 'checked in', a falling pair for
'please see the desk'. Deterministic: the same bytes on every run.

Run: python scripts/make_sounds.py, then python scripts/build_resources.py.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "sounds"
RATE = 22_050

#: (frequency Hz, seconds) notes, played one after the other.
SOUNDS = {
    "success": ((523.25, 0.11), (659.25, 0.11), (783.99, 0.22)),  # C5 E5 G5
    "attention": ((587.33, 0.18), (440.0, 0.26)),  # D5 A4
}


def tone(frequency: float, seconds: float, volume: float = 0.45) -> list[int]:
    count = int(RATE * seconds)
    fade = int(RATE * 0.012)  # no clicks at the edges
    samples = []
    for i in range(count):
        edge = min(1.0, i / fade, (count - i) / fade)
        value = math.sin(2 * math.pi * frequency * i / RATE) * volume * edge
        samples.append(round(value * 32767))
    return samples


def write(name: str, notes: tuple[tuple[float, float], ...]) -> Path:
    samples = [s for frequency, seconds in notes for s in tone(frequency, seconds)]
    path = OUT / f"{name}.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return path


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, notes in SOUNDS.items():
        print(f"wrote {write(name, notes).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
