"""Ed-Fi interchange files read record by record, with hardened parsing.

An interchange file is one root element holding thousands of records; each
record (a direct child of the root) is built as a small tree, handed on and
dropped, so a large assessment file never sits in memory whole. Parsing goes
through defusedxml's expat reader with DTDs, entity declarations and external
references refused: Ed-Fi files need none of them, and each is a way to make
a parser read other files or expand a few bytes into gigabytes. Every node
keeps the line of its start tag, so a fault can name it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler, feature_namespaces

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.expatreader import create_parser


@dataclass
class Node:
    """One element: its local name, start line, attributes, children, text."""

    tag: str
    line: int
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts).strip()

    def child(self, *path: str) -> Node | None:
        """The first element down `path` (local names, child by child)."""
        node: Node | None = self
        for tag in path:
            node = next((c for c in node.children if c.tag == tag), None)
            if node is None:
                return None
        return node

    def get(self, *path: str) -> str:
        """The text at `path`, or '' when the element is absent."""
        node = self.child(*path)
        return node.text if node is not None else ""

    def each(self, tag: str) -> list[Node]:
        return [c for c in self.children if c.tag == tag]

    def descendants(self, tag: str) -> Iterator[Node]:
        """Depth first, without recursion: a file may nest elements very deep."""
        stack = list(reversed(self.children))
        while stack:
            node = stack.pop()
            if node.tag == tag:
                yield node
            stack.extend(reversed(node.children))

    def find(self, tag: str) -> str:
        """The text of the first element named `tag` at any depth, or ''."""
        return next((n.text for n in self.descendants(tag)), "")


RecordHandler = Callable[[Node], None]
"""Takes each record of a file whose root element was recognised."""


class _Unused(Exception):
    """The root element is not one the importer reads: stop parsing the file."""


class _Builder(ContentHandler):
    def __init__(self, choose: Callable[[str], RecordHandler | None]) -> None:
        super().__init__()
        self.choose = choose
        self.handler: RecordHandler | None = None
        self.stack: list[Node] = []
        self.root = ""

    def startElementNS(self, name, qname, attrs) -> None:
        line = self._locator.getLineNumber() if self._locator else 0
        tag = name[1]
        if not self.root:
            self.root = tag
            self.handler = self.choose(tag)
            if self.handler is None:
                raise _Unused(tag)
            return
        values = {key[1]: value for key, value in attrs.items()}
        node = Node(tag, line, values)
        if self.stack:
            self.stack[-1].children.append(node)
        self.stack.append(node)

    def endElementNS(self, name, qname) -> None:
        if not self.stack:
            return
        node = self.stack.pop()
        if not self.stack and self.handler is not None:
            self.handler(node)

    def characters(self, content: str) -> None:
        if self.stack:
            self.stack[-1].parts.append(content)


def read_records(
    path: Path, choose: Callable[[str], RecordHandler | None], faults: list[str]
) -> str:
    """Stream the records of `path` to the handler `choose` gives for its root.

    Returns the root element's local name ('' when the file could not be read);
    a file whose root `choose` declines is left after its first element.
    """
    builder = _Builder(choose)
    parser = create_parser(namespaceHandling=1, forbid_dtd=True)
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(builder)
    try:
        # A file object, never a name: the parser would open anything that is
        # not a plain file path as a URL.
        with path.open("rb") as stream:
            parser.parse(stream)
    except _Unused:
        pass
    except RecursionError:
        faults.append(f"{path}: refused: elements nested too deep for a record")
        return ""
    except SAXParseException as error:
        faults.append(
            f"{path}:{error.getLineNumber()}: not well-formed XML: {error.getMessage()}"
        )
        return ""
    except DefusedXmlException as error:
        faults.append(f"{path}:{parser.getLineNumber()}: refused: {_refusal(error)}")
        return ""
    except OSError as error:
        faults.append(f"{path}: cannot be read: {error.strerror or error}")
        return ""
    return builder.root


def _refusal(error: DefusedXmlException) -> str:
    if isinstance(error, DTDForbidden):
        return "the file declares a DTD; Ed-Fi interchange files have none"
    if isinstance(error, EntitiesForbidden):
        return "the file declares entities; Ed-Fi interchange files have none"
    return "the file refers to an external entity; it is not read"
