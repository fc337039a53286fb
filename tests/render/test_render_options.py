"""RenderOptions speaks the command line's words: one name per option, the old names still accepted."""

from __future__ import annotations

import argparse
import dataclasses

import pytest

from argmap.checks import check
from argmap.cli import _parser
from argmap.errors import RenderError
from argmap.render import RenderOptions, to_dot
from argmap.render.options import RENAMED
from argmap.render.themes import DEFAULT
from tests.render.test_render_findings import misplaced_map

# Arguments of `argmap render` that are no drawing option: the input, the output and its format.
NOT_OPTIONS = {"help", "file", "output", "format"}
# `--evaluate SEMANTICS` is computed by the command line into `evaluation` (node id -> status).
COMPUTED = {"evaluate": "evaluation"}


def render_actions() -> list[argparse.Action]:
    parser = _parser("render")
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return [a for a in sub.choices["render"]._actions if a.dest not in NOT_OPTIONS]


def field_of(action: argparse.Action) -> str:
    """The RenderOptions field a flag names: --no-X is X, a repeatable flag fills a plural field."""
    flag = max(action.option_strings, key=len).removeprefix("--")
    name = flag.removeprefix("no-").replace("-", "_")
    if isinstance(action, argparse._AppendAction):
        name += "s"
    return COMPUTED.get(name, name)


def test_every_render_flag_is_the_option_of_the_same_name() -> None:
    fields = {f.name for f in dataclasses.fields(RenderOptions)}
    actions = render_actions()
    assert len(actions) >= 15  # guards the test: the parser's flags are found
    assert sorted(field_of(a) for a in actions if field_of(a) not in fields) == []


def test_the_flags_defaults_are_the_options_defaults() -> None:
    defaults = RenderOptions()
    for action in render_actions():
        name = field_of(action)
        if name in COMPUTED.values() or action.default is None:
            continue
        expected = getattr(defaults, name)
        given = not action.default if action.option_strings[-1].startswith("--no-") else action.default
        assert (tuple(given) if isinstance(given, list) else given) == expected, name


@pytest.mark.parametrize(("old", "new"), sorted(RENAMED.items()))
def test_old_names_still_work_with_a_deprecation_warning(old: str, new: str) -> None:
    value = "both" if new == "labels" else True
    with pytest.warns(DeprecationWarning, match=rf"'{old}' is now called '{new}'"):
        options = RenderOptions(**{old: value})
    assert options == RenderOptions(**{new: value})
    with pytest.warns(DeprecationWarning, match=rf"'{old}' is now called '{new}'"):
        assert getattr(options, old) == value
    with pytest.raises(RenderError, match=rf"give '{new}' or its old name '{old}', not both"):
        RenderOptions(**{old: value, new: value})


def test_replace_keeps_working_on_the_new_names() -> None:
    options = dataclasses.replace(RenderOptions(labels="text"), cluster=True)
    assert (options.labels, options.cluster) == ("text", True)


def test_options_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        RenderOptions("print")  # type: ignore[misc]


def test_with_findings_marks_what_the_checker_finds_apart_from_the_highlight() -> None:
    m = misplaced_map()
    found = {e for f in check(m, min_severity="warning") for e in f.elements}
    links = {str(link.id) for link in m.links}
    assert found - links and found & links  # ... on nodes and on links

    def thick(dot: str) -> list[str]:
        return [line.split(" [")[0] for line in dot.splitlines() if "penwidth=4" in line]

    def doubled(dot: str) -> list[str]:
        return [
            line.split(" [")[0] for line in dot.splitlines() if f'color="{DEFAULT.finding.color}"' in line
        ]

    # the findings' links are drawn thick, as highlighted ones; their nodes get the finding's outline instead
    dot = to_dot(m, RenderOptions(with_findings=True))
    highlighted = to_dot(m, RenderOptions(highlight=found))
    assert [line for line in thick(dot) if " -> " in line] == [
        line for line in thick(highlighted) if " -> " in line
    ]
    assert sorted(line.strip().strip('"') for line in doubled(dot)) == sorted(found - links)
    assert doubled(highlighted) == []
    both = to_dot(m, RenderOptions(with_findings=True, highlight=["calm"]))
    assert '"calm"' in " ".join(thick(both)) and '"calm"' not in " ".join(thick(dot))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"engine": "neato"}, "engine must be one of: dot, bundled"),
        ({"labels": "all"}, "labels must be one of: label, text, both"),
    ],
)
def test_bad_values_are_refused(options: dict[str, str], message: str) -> None:
    with pytest.raises(RenderError, match=message):
        RenderOptions(**options)  # type: ignore[arg-type]
