"""M: ratios between claims: "double", "three times", "tenfold" that do not match the two numbers."""

from __future__ import annotations

from collections.abc import Iterator

from factlint._codes import RATIO_MISMATCH
from factlint._corrections import describe_typo
from factlint._intervals import format_number
from factlint._model import Claim, ClaimSet, Ratio
from factlint._quantities import Factor
from factlint._rule import Fix, Violation, rule
from factlint._settings import Context
from factlint._wording import interval_text, readings, stated


@rule(RATIO_MISMATCH)
def ratio_mismatch(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    for relation in claim_set.relations:
        if not isinstance(relation, Ratio):
            continue
        of, to = claim_set.claim(relation.of), claim_set.claim(relation.to)
        if of is None or to is None:
            continue  # F003 reports the unknown id
        yield from _check_ratio(of, to, relation.factor, relation)


def _check_ratio(of: Claim, to: Claim, factor: Factor, relation: Ratio) -> Iterator[Violation]:
    # "of = factor x to" must hold for some reading of the factor word and of both numbers.
    products = [(candidate, to.value.interval * candidate) for candidate in factor.candidates]
    if any(product.intersects(of.value.interval) for _, product in products):
        return
    lines = []
    for candidate, product in products:
        lines.append(
            f"{format_number(candidate)} x {to.id} {stated(to)} = {interval_text(product)}, "
            f"but {of.id} says {stated(of)}"
            + ("" if of.value.is_exact else f" ({interval_text(of.value.interval)})")
        )
    if of.value.is_exact and to.value.is_exact and to.value.nominal != 0:
        lines.append(
            f"{of.id} / {to.id} = {format_number(of.value.nominal)} / {format_number(to.value.nominal)} = "
            f"{format_number(round(of.value.nominal / to.value.nominal, 2))}"
        )
    lines.append(f"ratio: {factor.describe()}")
    yield Violation(
        message=f"{of.id} ({stated(of)}) is not {factor.text} {to.id} ({stated(to)})",
        claims=[of, to],
        explanation=[*lines, *readings([of, to])],
        fix=_ratio_fix(of, to, factor),
        location=relation.location_of("factor") or of.location_of("value"),
    )


def _ratio_fix(of: Claim, to: Claim, factor: Factor) -> Fix | None:
    """The one stated number that, read as a typo, makes the ratio hold; None unless exactly one qualifies."""
    if not (of.value.is_exact and to.value.is_exact):
        return None
    fixes: dict[tuple[str, str], Fix] = {}
    for candidate in factor.candidates:
        needed_of = to.value.nominal * candidate
        described = describe_typo(of.value.nominal, needed_of)
        if described:
            fixes.setdefault((of.id, str(needed_of)), Fix(f"{described} in {of.id}", of.id, format_number(needed_of)))
        if candidate != 0:
            needed_to = of.value.nominal / candidate
            described = describe_typo(to.value.nominal, needed_to)
            if described:
                fixes.setdefault((to.id, str(needed_to)), Fix(f"{described} in {to.id}", to.id, format_number(needed_to)))
    return next(iter(fixes.values())) if len(fixes) == 1 else None
