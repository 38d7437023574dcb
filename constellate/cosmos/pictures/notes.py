"""The team's notes placed on a model's picture: a numbered badge on the part of the picture a
note is about (the part's walkthrough frame gives the place), or in the top corner for a note
on the model as a whole; the numbers match the list of notes beside the picture."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from constellate.cosmos.pictures.common import Picture
from constellate.cosmos.pictures.scene import HIGHLIGHT, PAPER, Circle, Mark, Scene, Text

BADGE = 13  # radius in scene units


@dataclass
class PlacedNote:
    number: int
    note: Any
    block: str  # the heading of the part it sits on ("" for the whole model)


def place_notes(picture: Picture, notes: list[Any]) -> tuple[Scene, list[PlacedNote]]:
    """The picture's scene with a badge per note, and the notes numbered in reading order
    (the model as a whole first, then part by part)."""
    marks = {item.step: item for item in picture.scene.items if isinstance(item, Mark)}
    by_block: list[list[Any]] = [[] for _ in picture.blocks]
    whole: list[Any] = []
    for note in notes:
        for index, block in enumerate(picture.blocks):
            if note.part and block.draws(note.part) and index + 1 in marks:
                by_block[index].append(note)
                break
        else:
            whole.append(note)
    placed: list[PlacedNote] = []
    badges: list[Any] = []

    def badge(x: float, y: float, number: int) -> None:
        badges.append(Circle(x, y, BADGE, fill=HIGHLIGHT, stroke=PAPER, width=2))
        badges.append(
            Text(x, y + 4.5, [str(number)], size=12, anchor="middle", bold=True, fill=PAPER)
        )

    for n, note in enumerate(whole):
        number = len(placed) + 1
        placed.append(PlacedNote(number, note, ""))
        badge(picture.scene.width - 20 - n * (2 * BADGE + 4), 20, number)
    for index, block_notes in enumerate(by_block):
        mark = marks.get(index + 1)
        for n, note in enumerate(block_notes):
            number = len(placed) + 1
            placed.append(PlacedNote(number, note, picture.blocks[index].heading))
            badge(mark.x + mark.w - BADGE - 2 - n * (2 * BADGE + 4), mark.y + BADGE + 2, number)
    return replace(picture.scene, items=[*picture.scene.items, *badges]), placed
