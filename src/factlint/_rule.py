"""Rules as values: the `Rule` a `@rule` declaration makes, what a rule reports, and the immutable `RuleSet`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from factlint._codes import FAMILIES, CodeInfo, Severity
from factlint._figures import Figure
from factlint._model import Claim, Location
from factlint._patterns import lazy_pattern

if TYPE_CHECKING:
    from factlint._model import ClaimSet
    from factlint._settings import Context

__all__ = ["CheckFunction", "Fix", "Rule", "RuleSet", "Violation", "rule", "specificity"]

# A code is capital letters followed by digits (`A101`, `XS101`), so that selection by prefix finds it.
_CODE = lazy_pattern(r"[A-Z]+[0-9]+")


@attrs.frozen
class Fix:
    """A suggested correction: the one stated value that, changed, makes the relation hold."""

    description: str
    claim: str
    replacement: str
    field: str = "value"


# Named converters rather than `tuple`, so that type checkers see what each field takes.
def _claim_tuple(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    return tuple(claims)


def _text_tuple(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(texts)


@attrs.frozen
class Violation:
    """What a rule reports; the engine turns it into a Finding with the rule's code and name."""

    message: str
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_claim_tuple)
    explanation: tuple[str, ...] = attrs.field(default=(), converter=_text_tuple)
    fix: Fix | None = None
    # Where to point; by default the value of the first claim.
    location: Location | None = None
    # Lower than the rule's own severity for this one finding (a note rather than an error);
    # a severity configured for the code still wins.
    severity: Severity | None = None
    # The arithmetic to draw (`--format html`); by default the stated values of the claims.
    figure: Figure | None = None


CheckFunction = Callable[["ClaimSet", "Context"], Iterable[Violation]]


def _code(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise ValueError(f"rule code {value!r} must be capital letters followed by digits, such as XS101")


@attrs.frozen
class Rule:
    """A coded rule: `A101` `sum-mismatch`, its default severity, summary and check.

    Calling a rule runs its check. A rule without a check (F001, F002, F005) reports what
    the loader and the suppression step find.
    """

    code: str = attrs.field(validator=_code)
    name: str
    summary: str
    check: CheckFunction | None = attrs.field(default=None, eq=False, repr=False)
    severity: Severity = Severity.ERROR
    # "factlint" for built-in rules, else the distribution that provides the plugin
    origin: str = "factlint"

    @property
    def family(self) -> str:
        if self.origin != "factlint":
            return self.origin
        letters = self.code.rstrip("0123456789")
        return FAMILIES.get(letters, letters.lower())

    def __call__(self, claim_set: ClaimSet, context: Context) -> Iterable[Violation]:
        return self.check(claim_set, context) if self.check is not None else ()


def rule(
    code: str | CodeInfo,
    name: str | None = None,
    *,
    summary: str | None = None,
    severity: Severity | None = None,
    origin: str | None = None,
) -> Callable[[CheckFunction], Rule]:
    """Declare a rule: decorate a function `(claim_set, context) -> Iterable[Violation]`.

    The decorated name becomes a `Rule` value; nothing is registered anywhere. A plugin's
    entry point names the module that holds its rules, and factlint collects them from it.
    `origin` names who provides the rule; by default the top-level package of the function.

    >>> @rule("X101", "always-fine", summary="never fires")
    ... def always_fine(claim_set, context):
    ...     return []
    >>> always_fine.code, always_fine.origin
    ('X101', 'factlint')
    """
    if isinstance(code, CodeInfo):
        info = code
    else:
        if name is None or summary is None:
            raise TypeError("rule() needs a code, a name and a summary")
        info = CodeInfo(code, name, summary, severity or Severity.ERROR)

    def declare(check: CheckFunction) -> Rule:
        return Rule(
            code=info.code,
            name=info.name,
            summary=info.summary,
            check=check,
            severity=severity or info.severity,
            origin=origin or _origin_of(check),
        )

    return declare


def _origin_of(check: CheckFunction) -> str:
    return (getattr(check, "__module__", None) or "unknown").split(".")[0]


def specificity(code: str, selectors: Iterable[str]) -> int:
    """How closely the selectors name a code: -1 not at all, else the length of the best prefix."""
    best = -1
    for selector in selectors:
        selector = selector.upper()
        if selector == "ALL":
            best = max(best, 0)
        elif code.startswith(selector):
            best = max(best, len(selector))
    return best


def _in_code_order(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(sorted(rules, key=lambda known: known.code))


@attrs.frozen
class RuleSet:
    """An immutable set of rules by code: the built-in ones, and any plugins' rules.

    `warnings` holds what went wrong while the plugins were loaded (a plugin left out),
    so that the command line can print it.
    """

    rules: tuple[Rule, ...] = attrs.field(converter=_in_code_order)
    warnings: tuple[str, ...] = attrs.field(default=(), converter=_text_tuple)
    _by_code: Mapping[str, Rule] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_code: dict[str, Rule] = {}
        for known in self.rules:
            if not isinstance(known, Rule):
                raise TypeError(f"a RuleSet holds Rule values, not {known!r}")
            if known.code in by_code:
                raise ValueError(f"rule code {known.code} is given twice ({by_code[known.code].name}, {known.name})")
            by_code[known.code] = known
        object.__setattr__(self, "_by_code", by_code)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.upper() in self._by_code

    def get(self, code: str) -> Rule | None:
        return self._by_code.get(code.upper())

    def with_rules(self, extra: Iterable[Rule]) -> RuleSet:
        """This set and `extra`; a code may not be given twice."""
        return RuleSet([*self.rules, *extra], warnings=self.warnings)

    def is_known_selector(self, selector: str) -> bool:
        """A code or a prefix of at least one rule's code ("ALL" selects everything); an empty text is neither."""
        selector = selector.strip().upper()
        if not selector:
            return False
        return selector == "ALL" or any(code.startswith(selector) for code in self._by_code)

    def check_selectors(self, field: str, selectors: Sequence[str] | None) -> tuple[str, ...] | None:
        """The selectors as a tuple; a string, or a code or prefix no rule has, is an error naming it."""
        if selectors is None:
            return None
        if isinstance(selectors, str):
            raise TypeError(f"{field} must be a list of rule codes or prefixes, not the string {selectors!r}")
        checked = tuple(selectors)
        for selector in checked:
            if not isinstance(selector, str):
                raise TypeError(f"{field} must hold rule codes or prefixes as text, not {selector!r}")
            if not self.is_known_selector(selector):
                raise ValueError(f"{field}: unknown rule code or prefix {selector!r}")
        return checked

    def selected(
        self,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] = (),
        extend_select: Sequence[str] = (),
    ) -> tuple[Rule, ...]:
        """The rules a run uses: all by default; the most specific selector wins, as in ruff."""
        chosen = []
        for known in self.rules:
            include = specificity(known.code, select if select is not None else ("ALL",))
            include = max(include, specificity(known.code, extend_select))
            exclude = specificity(known.code, ignore)
            if include >= 0 and include > exclude:
                chosen.append(known)
        return tuple(chosen)
