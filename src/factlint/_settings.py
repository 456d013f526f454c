"""The settings of a run (tolerances, selection, severities) and how selections are layered."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from factlint._codes import Severity
from factlint._quantities import DEFAULT_TOLERANCES, Tolerances

__all__ = ["Context", "Settings", "layered"]


@attrs.frozen
class Settings:
    """How a run reads numbers and which findings it keeps (from configuration, or defaults)."""

    tolerances: Tolerances = DEFAULT_TOLERANCES
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # glob pattern -> codes or prefixes to ignore in files matching it
    per_file_ignores: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    severities: Mapping[str, Severity] = attrs.field(factory=dict)
    # The month a fiscal year starts in, for dates such as "FY2023" (October: the US federal year).
    fiscal_year_start: int = attrs.field(
        default=10,
        validator=[attrs.validators.instance_of(int), attrs.validators.ge(1), attrs.validators.le(12)],
    )


@attrs.frozen
class Context:
    """What a rule sees besides the claims: the run's settings."""

    settings: Settings = attrs.field(factory=Settings)

    @property
    def tolerances(self) -> Tolerances:
        return self.settings.tolerances


def layered(
    settings: Settings,
    *,
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> Settings:
    """Settings with a selection layered on top, as ruff layers the command line over its configuration.

    `select` replaces the selection below it (its select, extend-select and ignore);
    `extend_select` and `ignore` add to it. The library's `lint()` and the command line
    both layer their arguments over the configuration with this one function.
    """
    if select is not None:
        settings = attrs.evolve(settings, select=tuple(select), extend_select=(), ignore=())
    return attrs.evolve(
        settings,
        extend_select=settings.extend_select + tuple(extend_select or ()),
        ignore=settings.ignore + tuple(ignore or ()),
    )
