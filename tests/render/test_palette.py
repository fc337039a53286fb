"""Side fills stay apart to the eye, text stays readable on them, and print names sides by badges."""

from __future__ import annotations

from itertools import combinations

import pytest

import argmap
from argmap.render import THEMES, RenderOptions, Theme, to_dot
from argmap.render.colours import contrast, difference, lab, lab_difference
from argmap.render.drawing import side_badges

# ΔE00 of 10 or more: clearly another colour, side by side or apart.
MIN_DIFFERENCE = 10.0


def fills(theme: Theme) -> list[str]:
    return list(dict.fromkeys([*theme.side_fills, theme.editorial_fill, theme.unheld_fill]))


# Pairs and expected ΔE00 from Sharma, Wu and Dalal's CIEDE2000 test data.
@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
        ((2.0776, 0.0795, -1.135), (0.9033, -0.0636, -0.5514), 0.9082),
    ],
)
def test_ciede2000_matches_the_published_test_data(
    first: tuple[float, float, float], second: tuple[float, float, float], expected: float
) -> None:
    assert lab_difference(first, second) == pytest.approx(expected, abs=1e-4)
    assert lab_difference(second, first) == pytest.approx(expected, abs=1e-4)


def test_lab_of_primaries_and_white() -> None:
    assert lab("#FFFFFF") == pytest.approx((100.0, 0.0, 0.0), abs=0.01)
    assert lab("#0000FF") == pytest.approx((32.30, 79.19, -107.86), abs=0.01)
    with pytest.raises(ValueError, match="#RRGGBB"):
        lab("blue")


def test_default_theme_has_a_fill_for_a_dozen_sides() -> None:
    assert len(set(THEMES["default"].side_fills)) >= 12


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_pair_of_side_fills_differs_to_the_eye(name: str) -> None:
    theme = THEMES[name]
    closest = min(combinations(fills(theme), 2), key=lambda pair: difference(*pair))
    assert difference(*closest) >= MIN_DIFFERENCE, f"{name}: {closest} look alike"


@pytest.mark.parametrize("name", sorted(THEMES))
def test_text_stays_readable_on_every_fill(name: str) -> None:
    theme = THEMES[name]
    for fill in fills(theme):
        assert contrast(fill, theme.header_color) >= 4.5, fill
        assert contrast(fill, theme.text_color) >= 7.0, fill


def test_a_dozen_sides_in_print_are_told_apart_by_badges() -> None:
    m = argmap.load_corpus("allied-space-cooperation")
    badges = side_badges(m)
    assert len(m.sides) >= 12 and len(set(badges.values())) == len(m.sides)
    dot = to_dot(m, RenderOptions(theme="print", legend=True))
    for side in m.sides:
        node = next(n for n in m.nodes if n.held_by == side.id)
        line = next(line for line in dot.splitlines() if line.strip().startswith(f'"{node.id}" ['))
        assert f"<B>[{badges[side.id]}]</B>" in line
    label = next(line for line in dot.splitlines() if line.strip().startswith("graph [rankdir"))
    for side in m.sides:
        assert f"<B>[{badges[side.id]}]</B>" in label, "the legend names each badge"
    assert "<B>[" + badges[m.sides[0].id] + "]</B>" not in to_dot(m, RenderOptions(legend=True))


def test_badges_are_unique_when_initials_collide() -> None:
    b = argmap.MapBuilder("m", "T")
    for number in range(12):
        b.side(f"s{number}", "Critics of the plan")
    badges = side_badges(b.build())
    assert len(set(badges.values())) == 12 and badges["s0"] == "CP" and badges["s1"] == "CP2"
