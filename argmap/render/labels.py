r"""Text for Graphviz labels: cleaning, wrapping and escaping for HTML-like labels.

Every piece of user text that reaches a DOT file goes through
:func:`html_text`: control characters are dropped, line breaks become
``<BR/>``, the five XML specials become entities, and backslashes are doubled
(Graphviz reads ``\\`` as one backslash and ``\N`` as the node's name, even in
HTML-like labels), so that no text can end a label early, inject markup, or
be shown as anything but itself. Wrapping breaks lines only at spaces: a word
such as "burden-sharing" is never split at its hyphen, and a word longer than
the width keeps its own line rather than being cut.

Examples:
    >>> wrap("Burden-sharing versus strategic autonomy", 16)
    ['Burden-sharing', 'versus strategic', 'autonomy']
    >>> html_text('Costs <"shared"> & risks\nborne', 40)
    'Costs &lt;&quot;shared&quot;&gt; &amp; risks<BR/>borne'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean", "escape", "escape_attribute", "html_text", "wrap"]

# Line separators of every convention become "\n"; tabs and other spacing
# controls become spaces.
_NEWLINES = re.compile("\r\n|[\r\x85\u2028\u2029]")
_SPACING_CONTROLS = dict.fromkeys(map(ord, "\t\x0b\x0c"), " ")
# U+FFFE and U+FFFF are not XML characters; Graphviz's HTML parser rejects them.
_NOT_XML = frozenset("\ufffe\uffff")
_SPACES = re.compile(" +")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\\": "\\\\"}
_SPECIALS = re.compile("[&<>\"'\\\\]")


def clean(text: str) -> str:
    r"""Return ``text`` with line breaks normalised to ``\n`` and control characters removed.

    Tabs, vertical tabs and form feeds become spaces; every other control
    character (and the non-characters U+FFFE, U+FFFF) is dropped. All other
    Unicode is kept as it is.

    Examples:
        >>> clean("a\r\nb\tc\x00d\u2028e")
        'a\nb cd\ne'
    """
    if text.isprintable():
        return text  # no line break, control character or non-character: nothing to change
    text = _NEWLINES.sub("\n", text).translate(_SPACING_CONTROLS)
    return "".join(
        ch for ch in text if ch == "\n" or (unicodedata.category(ch) != "Cc" and ch not in _NOT_XML)
    )


def wrap(text: str, width: int) -> list[str]:
    r"""Split ``text`` into lines of at most ``width`` characters, breaking only at spaces.

    Existing line breaks are kept; runs of spaces collapse to one. A word
    longer than ``width`` (hyphenated or not) keeps a line of its own.

    Args:
        text: Text with ``\n`` line breaks (see :func:`clean`).
        width: The longest line wanted, in characters (at least 1).

    Returns:
        The lines, without trailing or leading spaces.

    Examples:
        >>> wrap("a well-known burden-sharing problem", 10)
        ['a', 'well-known', 'burden-sharing', 'problem']
        >>> wrap("one\n\ntwo", 10)
        ['one', '', 'two']
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in _SPACES.split(paragraph.strip(" ")):
            if not current:
                current = word
            elif len(current) + 1 + len(word) <= width:
                current += " " + word
            else:
                lines.append(current)
                current = word
        lines.append(current)
    return lines


def escape(text: str) -> str:
    r"""Escape one line of text for an HTML-like label: ``& < > " '`` become entities, ``\`` doubles.

    Graphviz reads backslash escapes (``\\``, ``\N``, ``\G``...) in the text
    of an HTML-like label too, after entities are decoded: a doubled backslash
    is the only way to show one.

    Examples:
        >>> escape("<b>Tom & Jerry's</b>")
        '&lt;b&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;'
        >>> print(escape(r"C:\N"))
        C:\\N
    """
    return _SPECIALS.sub(lambda match: _ENTITIES[match.group()], text)


def escape_attribute(text: str) -> str:
    r"""Escape text for an attribute of an HTML-like label element (such as ``TOOLTIP``).

    As :func:`escape` (a backslash doubled, since Graphviz reads ``\N`` in
    such attributes as the node's name), and a line break becomes ``&#10;``.

    Examples:
        >>> escape_attribute('say "\\N"\nnow')
        'say &quot;\\\\N&quot;&#10;now'
    """
    return escape(clean(text)).replace("\n", "&#10;")


def html_text(text: str, width: int | None) -> str:
    r"""Clean, wrap (unless ``width`` is None) and escape ``text``, joining lines with ``<BR/>``.

    Examples:
        >>> html_text("Keep the core national, share the rest", 20)
        'Keep the core<BR/>national, share the<BR/>rest'
        >>> html_text("a  b\x07", None)
        'a b'
    """
    cleaned = clean(text)
    lines = wrap(cleaned, width) if width is not None else wrap(cleaned, len(cleaned) + 1)
    return "<BR/>".join(escape(line) for line in lines)
