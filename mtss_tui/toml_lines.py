"""Finding the line of a key in a TOML text, for messages that point at it."""

from __future__ import annotations

import re


def locate(text: str, loc: tuple) -> int:
    """The line of the key a validation error points at (best effort, 1-based)."""
    lines = text.splitlines()
    start, end = 0, len(lines)
    found = 1
    parts = list(loc)
    while parts:
        part = parts.pop(0)
        if not isinstance(part, str):
            continue
        if parts and isinstance(parts[0], str):
            # A dotted header, `[team.grade-3]`, holds both parts at once.
            dotted = _find_table(lines, f"{part}.{parts[0]}", None, start, end)
            if dotted is not None:
                parts.pop(0)
                start, end = dotted + 1, _next_header(lines, dotted + 1, end)
                found = dotted + 1
                continue
        index = parts.pop(0) if parts and isinstance(parts[0], int) else None
        header = _find_table(lines, part, index, start, end)
        if header is not None:
            start, end = header + 1, _next_header(lines, header + 1, end)
            found = header + 1
            continue
        key_line = _find_key(lines, part, start, end)
        if key_line is None:
            return found
        found = key_line + 1
        if index is not None:
            braces = [n for n in range(key_line, end) if "{" in lines[n]]
            if index < len(braces):
                found = braces[index] + 1
        start = key_line
    return found


def _find_table(lines, name, index, start, end) -> int | None:
    pattern = re.compile(rf"^\s*\[\[?\s*{re.escape(name)}\s*\]\]?\s*(#.*)?$")
    hits = [n for n in range(start, end) if pattern.match(lines[n])]
    if not hits:
        return None
    position = index or 0
    return hits[position] if position < len(hits) else hits[-1]


def _next_header(lines, start, end) -> int:
    for n in range(start, end):
        if lines[n].lstrip().startswith("["):
            return n
    return end


def _find_key(lines, key, start, end) -> int | None:
    pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
    for n in range(start, end):
        if pattern.match(lines[n]):
            return n
    return None


def line_of_error(message: str) -> int:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else 1


def plain_message(error) -> str:
    message = getattr(error, "msg", None) or str(error)
    return re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
