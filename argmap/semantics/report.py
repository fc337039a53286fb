"""The text and JSON reports of ``argmap evaluate``.

Examples:
    >>> from argmap.builder import MapBuilder
    >>> from argmap.semantics.evaluate import evaluate
    >>> b = MapBuilder("m", "Two claims")
    >>> _ = b.claim("a", "A.")
    >>> _ = b.claim("b", "B.")
    >>> _ = b.attacks("a", "b")
    >>> print(format_evaluation(evaluate(b.build())))
    Two claims (m): grounded semantics, support read as none
    <BLANKLINE>
    Accepted (1):
      a  "A."
          in: nothing attacks it.
    Rejected (1):
      b  "B."
          out: "A." (a) attacks it (link a--attacks--b), and "A." stands: nothing attacks it.
    Undecided (0): none
"""

from __future__ import annotations

import json
import textwrap

from argmap.semantics.evaluate import MAX_LISTED, Evaluation

__all__ = ["evaluation_json", "format_evaluation"]

_HEADINGS = (("accepted", "Accepted"), ("rejected", "Rejected"), ("undecided", "Undecided"))


def _terminal_safe(text: str) -> str:
    """Map text with control characters made visible, for a terminal."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def format_evaluation(evaluation: Evaluation, *, width: int = 100) -> str:
    """The evaluation as a report a debate coach reads: who stands, who falls, and why.

    Args:
        evaluation: The evaluation.
        width: Wrap explanations at this many characters.

    Returns:
        The report (no trailing newline).
    """
    m = evaluation.argument_map
    how = f"{evaluation.semantics} semantics, support read as {evaluation.mf.reading}"
    lines = [f"{_terminal_safe(m.title)} ({m.id}): {how}"]
    if evaluation.accepted or evaluation.removed:
        what_if = []
        if evaluation.accepted:
            what_if.append("assuming accepted " + ", ".join(evaluation.accepted))
        if evaluation.removed:
            what_if.append("removing " + ", ".join(evaluation.removed))
        lines.append("What if: " + "; ".join(what_if))
    count = len(evaluation.labellings)
    if evaluation.semantics != "grounded":
        shown = evaluation.extension_ids()
        lines.append(
            f"{count} {evaluation.semantics} extension{'s' if count != 1 else ''}" + (":" if count else "")
        )
        for number, ext in enumerate(shown, 1):
            lines.append(f"  {number}: {', '.join(ext) if ext else '(empty)'}")
        if count > MAX_LISTED:
            lines.append(f"  ... {count - MAX_LISTED} more")
    lines.append("")
    for status, heading in _HEADINGS:
        members = [n for n, s in evaluation.status.items() if s == status]
        lines.append(f"{heading} ({len(members)}):" + ("" if members else " none"))
        for node_id in members:
            lines.append(f'  {node_id}  "{_terminal_safe(m.node(node_id).title)}"')
            wrapped = textwrap.wrap(
                _terminal_safe(evaluation.explain(node_id)),
                width=width,
                initial_indent="      ",
                subsequent_indent="      ",
                break_on_hyphens=False,
            )
            lines.extend(wrapped)
    if evaluation.link_status:
        lines.append("Inferences that something undercuts:")
        for link_id, status in evaluation.link_status.items():
            lines.append(f"  {link_id}: {status}")
    issue_links = evaluation.mf.issue_links
    if issue_links:
        lines.append("Issues (a question stands neither in nor out; its reasons do):")
        report = evaluation.issue_reasons()
        for issue_id, links in report.items():
            lines.append(f'  {issue_id}  "{_terminal_safe(m.node(issue_id).title)}"')
            for stance in ("for", "against"):
                named = [
                    f"{' + '.join(m.link(k['link']).premises)} ({k['status']})"
                    for k in links
                    if k["stance"] == stance
                ]
                if named:
                    lines.extend(
                        textwrap.wrap(
                            f"{stance}: " + ", ".join(named),
                            width=width,
                            initial_indent="      ",
                            subsequent_indent="        ",
                            break_on_hyphens=False,
                        )
                    )
    if evaluation.accepted or evaluation.removed:
        lines.append("What changes:" + ("" if evaluation.changes else " nothing"))
        for node_id, before, after in evaluation.changes:
            lines.append(f"  {node_id}: {before} -> {after}")
    return "\n".join(lines)


def evaluation_json(evaluation: Evaluation) -> str:
    """The evaluation as indented JSON (keys in a fixed order, so the same input gives the same bytes).

    Examples:
        >>> from argmap.builder import MapBuilder
        >>> from argmap.semantics.evaluate import evaluate
        >>> b = MapBuilder("m", "T")
        >>> _ = b.claim("a", "A.")
        >>> '"status": "accepted"' in evaluation_json(evaluate(b.build()))
        True
    """
    return json.dumps(evaluation.to_dict(), indent=2, ensure_ascii=False)
