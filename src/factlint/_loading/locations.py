"""A Location whose line and column are looked up in its file's source map only when first read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factlint._model import Location
from factlint._positions import Path as DocPath

if TYPE_CHECKING:
    from factlint._loading.documents import Document

__all__ = ["LazyLocation"]


class LazyLocation(Location):
    """Where an entry was written: its file now, its line and column (from the document path) when first read.

    Most entries never appear in a finding; finding the position of each one up front was a
    large share of the time it took to load a big file. A LazyLocation compares, sorts and
    hashes as the Location it resolves to; it pickles with its document, unresolved.
    """

    __slots__ = ("_column", "_line", "_source")
    _line: int
    _column: int
    _source: tuple[Document, DocPath] | None

    def __init__(self, path: str, line: int = 1, column: int = 1, *, source: tuple[Document, DocPath] | None = None) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "_line", line)
        object.__setattr__(self, "_column", column)
        object.__setattr__(self, "_source", source)

    @classmethod
    def of(cls, document: Document, doc_path: DocPath) -> LazyLocation:
        """The location of the entry at `doc_path` of `document`, found when first read."""
        return cls(document.path, source=(document, doc_path))

    def _resolve(self) -> None:
        source = self._source
        if source is not None:
            document, doc_path = source
            found = document.locate(doc_path)
            object.__setattr__(self, "_line", found.line)
            object.__setattr__(self, "_column", found.column)
            object.__setattr__(self, "_source", None)

    @property
    def line(self) -> int:
        self._resolve()
        return self._line

    @property
    def column(self) -> int:
        self._resolve()
        return self._column

    def resolved(self) -> Location:
        """The plain Location this stands for."""
        return Location(self.path, self.line, self.column)

    def _key(self) -> tuple[str, int, int]:
        return (self.path, self.line, self.column)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Location):
            return NotImplemented
        return self._key() == (other.path, other.line, other.column)

    def __ne__(self, other: object) -> bool:
        if not isinstance(other, Location):
            return NotImplemented
        return self._key() != (other.path, other.line, other.column)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Location):
            return NotImplemented
        return self._key() < (other.path, other.line, other.column)

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Location):
            return NotImplemented
        return self._key() <= (other.path, other.line, other.column)

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Location):
            return NotImplemented
        return self._key() > (other.path, other.line, other.column)

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Location):
            return NotImplemented
        return self._key() >= (other.path, other.line, other.column)

    def __hash__(self) -> int:
        return hash(self.resolved())

    def __repr__(self) -> str:
        return repr(self.resolved())

    def __reduce__(self) -> tuple[Any, ...]:
        # Stored as it stands: a position not found yet is found after loading, if ever.
        if self._source is None:
            return Location, (self.path, self._line, self._column)
        return _unresolved, (self.path, self._source)


def _unresolved(path: str, source: tuple[Document, DocPath]) -> LazyLocation:
    return LazyLocation(path, source=source)
