"""Where the command line may write its output, and writing it there atomically: factlint never overwrites a file it reads."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["OutputRefused", "refuse_input_as_output", "write_atomically"]


class OutputRefused(Exception):
    """The output path names a file this run reads, or one it would read as a fact file."""


def refuse_input_as_output(
    target: Path, inputs: Iterable[Path], *, collected: Iterable[Path] = (), suffixes: tuple[str, ...] = ()
) -> None:
    """Raise OutputRefused when `target` is one of `inputs`, or would be read as one.

    One file is the same through another spelling, a symbolic link or a hard link (the same device
    and inode, as os.path.samefile has it). `collected` are the folders whose files named with one
    of `suffixes` the run reads: a report written there under such a name would be checked as a
    fact file by the next run.
    """
    try:
        written = os.stat(target)
    except OSError:  # it does not exist yet, so it is none of the inputs
        pass
    else:
        for path in inputs:
            try:
                read = os.stat(path)
            except OSError:
                continue
            if (read.st_dev, read.st_ino) == (written.st_dev, written.st_ino):
                raise OutputRefused(
                    f"{target}: it is an input of this run ({path}); factlint never overwrites a file it reads"
                )
    if not suffixes or not target.name.endswith(suffixes):
        return
    suffix = next(suffix for suffix in suffixes if target.name.endswith(suffix))
    folder = Path(os.path.realpath(target)).parent
    for collecting in collected:
        root = Path(os.path.realpath(collecting))
        if folder == root or (
            root in folder.parents and not any(part.startswith(".") for part in folder.relative_to(root).parts)
        ):
            raise OutputRefused(
                f"{target}: the next run would check it as a fact file (its name ends in {suffix} "
                f"and it lies in the checked folder {collecting}); choose another name or folder"
            )


def write_atomically(target: Path, text: str) -> None:
    """Write `text` as UTF-8 to a temporary file beside `target`, then rename it into place.

    A reader never sees half a report, and a failed write leaves any earlier file as it was.
    A symbolic link is followed, so the file it points to is replaced and the link kept; a
    device or a named pipe is written to directly.
    """
    if target.exists() and not target.is_file():  # /dev/stderr, a named pipe: nothing to rename over
        with open(target, "w", encoding="utf-8", errors="backslashreplace") as stream:
            stream.write(text)
        return
    destination = Path(os.path.realpath(target))
    destination.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=destination.parent, prefix=f".{destination.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", errors="backslashreplace") as stream:
            stream.write(text)
        os.chmod(temporary, _mode_for(destination))
        os.replace(temporary, destination)
    except BaseException:
        os.unlink(temporary)
        raise


def _mode_for(destination: Path) -> int:
    """The permissions of the file being replaced, else those a new file gets (mkstemp's are private)."""
    try:
        return destination.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
