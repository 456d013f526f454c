"""The command line's cache of built fact files, in `.factlint_cache/`: a file named in a big folder costs that file, not the folder.

Each entry holds what one fact file gives its folder's claim set (its sources, claims,
relations and problems, as `FileBuild`), stored under a name derived from the file's path,
factlint's fingerprint and the settings that change how a file is built (tolerances,
fiscal-year start). It is used only when the file's content is byte for byte the one it was
built from (a SHA-256 of it, so that an edit that keeps the size and modification time is
seen) and when the `published` dates of the sources its claims were read against are
unchanged. Entries are pickles, signed with HMAC-SHA256 under a key of the user's own
(`$XDG_CACHE_HOME/factlint/cache-key`, readable by that user alone): an entry that is
unsigned, forged, truncated or otherwise unreadable is ignored and built again, never
unpickled. Every failure to read or write the cache only costs the time of building.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factlint._loading.building import FileBuild
    from factlint._quantities import Tolerances

__all__ = ["CACHE_DIR_NAME", "Cache", "fingerprint", "open_cache"]

CACHE_DIR_NAME = ".factlint_cache"
# Bumped when the layout of an entry changes.
_FORMAT = b"factlint-cache-1\n"
_DIGEST_SIZE = hashlib.sha256().digest_size
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by factlint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


def fingerprint() -> str:
    """What the built claims depend on besides the file: factlint's code, attrs, and the Python running it.

    The code is known by the name, size and modification time of each of its modules (read
    faster than the installed version's metadata), so that an upgrade, or an edit of an
    editable install, never reads entries built by other code.
    """
    import attrs

    digest = hashlib.sha256(f"{sys.version}\n{sys.implementation.cache_tag}\nattrs {attrs.__version__}\n".encode())
    for line in sorted(_module_stamps(os.path.dirname(os.path.realpath(__file__)), "")):
        digest.update(line.encode())
    return digest.hexdigest()


def _module_stamps(folder: str, prefix: str) -> list[str]:
    """'path size mtime' of each module under `folder`: os.scandir, as every run pays for it before it reads a cached entry."""
    stamps: list[str] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(".py") and entry.is_file():
                stat = entry.stat()
                stamps.append(f"{prefix}{entry.name} {stat.st_size} {stat.st_mtime_ns}\n")
            elif entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                stamps.extend(_module_stamps(entry.path, f"{prefix}{entry.name}/"))
    return stamps


def _key_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factlint" / "cache-key"


def _secret_key() -> bytes | None:
    """The user's signing key, made on first use (mode 0600); None when it can be neither read nor made."""
    path = _key_file()
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        key = b""
    except OSError:
        return None
    if len(key) >= 32:
        return key
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = os.urandom(32)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(key)
    except FileExistsError:  # made at the same moment by another run: use that one
        try:
            key = path.read_bytes()
        except OSError:
            return None
        return key if len(key) >= 32 else None
    except OSError:
        return None
    return key


class Cache:
    """Built fact files, stored in `directory` and signed with `key`, for one configuration."""

    def __init__(self, directory: Path, key: bytes, configuration: str, code: str) -> None:
        self.directory = directory
        self._key = key
        self._configuration = configuration
        self._code = code
        self._prepared = False

    def _entry_path(self, path: str) -> Path:
        name = hashlib.sha256(f"{path}\0{self._configuration}\0{self._code}".encode()).hexdigest()
        return self.directory / "entries" / f"{name}.pickle"

    def _identity(self, path: str, content: bytes) -> tuple[str, str, str, str]:
        return (path, hashlib.sha256(content).hexdigest(), self._configuration, self._code)

    def get(self, path: str, content: bytes) -> FileBuild | None:
        """The build of the file at `path` whose content is `content`, if the cache holds it and it is sound."""
        try:
            data = self._entry_path(path).read_bytes()
        except OSError:
            return None
        header = len(_FORMAT) + _DIGEST_SIZE
        if len(data) <= header or not data.startswith(_FORMAT):
            return None
        signature, payload = data[len(_FORMAT) : header], data[header:]
        if not hmac.compare_digest(signature, hmac.new(self._key, payload, hashlib.sha256).digest()):
            return None
        try:
            identity, file_build = pickle.loads(payload)
        except Exception:  # signed by this user's key, yet unreadable (written by other code): build again
            return None
        if identity != self._identity(path, content):
            return None
        return file_build  # type: ignore[no-any-return]

    def put(self, path: str, content: bytes, file_build: FileBuild) -> None:
        """Keep the build of the file at `path`; a cache that cannot be written is left alone."""
        try:
            payload = pickle.dumps((self._identity(path, content), file_build), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # something in the build that pickle cannot store: it is built again next time
            return
        signature = hmac.new(self._key, payload, hashlib.sha256).digest()
        target = self._entry_path(path)
        try:
            self._prepare()
            descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(descriptor, "wb") as stream:
                    stream.write(_FORMAT + signature + payload)
                os.replace(temporary, target)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            return

    def _prepare(self) -> None:
        """Make the cache folder, marked as a cache for backup tools and ignored by git."""
        if self._prepared:
            return
        (self.directory / "entries").mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", "# Made by factlint: ignore everything here.\n*\n"), ("CACHEDIR.TAG", _TAG)):
            marker = self.directory / name
            if not marker.exists():
                marker.write_text(text, encoding="utf-8")
        self._prepared = True


def open_cache(directory: str | Path, tolerances: Tolerances, fiscal_year_start: int) -> Cache | None:
    """The cache in `directory` for a run with these settings; None when there is no key to sign it with."""
    key = _secret_key()
    if key is None:
        return None
    configuration = repr((tolerances, fiscal_year_start))
    return Cache(Path(directory), key, configuration, fingerprint())
