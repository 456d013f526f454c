"""M: ratios between claims: "double", "three times", "tenfold" that do not match the two numbers."""

from __future__ import annotations

from collections.abc import Iterator

from factlint._codes import RATIO_MISMATCH
from factlint._conventions import conventions_used, conversion_factor
from factlint._corrections import describe_typo
from factlint._figures import Bar, Figure, Role, nearest_gap, stated_bar
from factlint._intervals import Interval, format_number
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
        if (of.per is None) != (to.per is None):
            continue  # a rate against a count: a ratio between them has no unit to be read in
        yield from _check_ratio(of, to, relation.factor.under(context.tolerances), relation)


def _check_ratio(of: Claim, to: Claim, factor: Factor, relation: Ratio) -> Iterator[Violation]:
    # "of = factor x to" must hold for some reading of the factor and of both numbers, `to` in `of`'s unit.
    base, conversion = _in_unit_of(of, to)
    products = [(reading, reading * base) for reading in factor.readings]
    if any(product.intersects(of.value.interval) for _, product in products):
        return
    lines = [conversion] if conversion else []
    base_text = f"{to.id} {stated(to)}" if not conversion else f"{to.id} {interval_text(base)}"
    for reading, product in products:
        lines.append(
            f"{interval_text(reading)} x {base_text} = {interval_text(product)}, but {of.id} says {stated(of)}"
            + ("" if of.value.is_exact else f" ({interval_text(of.value.interval)})")
        )
    lines.extend(_actual_ratio(of, to, base))
    lines.append(f"ratio: {factor.describe()}")
    yield Violation(
        message=f"{of.id} ({stated(of)}) is not {factor.text} {to.id} ({stated(to)})",
        claims=[of, to],
        explanation=[*lines, *readings([of, to])],
        fix=_ratio_fix(of, to, factor) if not conversion else None,
        location=relation.location_of("factor") or of.location_of("value"),
        figure=Figure(
            [
                stated_bar(to) if not conversion else Bar(f"{to.id}: {stated(to)}, converted", base, Role.COMPUTED),
                *(Bar(f"{interval_text(reading)} x {to.id}", product, Role.COMPUTED) for reading, product in products),
                stated_bar(of),
            ],
            gap=nearest_gap((product for _, product in products), of.value.interval),
            unit=of.value.unit or of.unit,
        ),
    )


def _in_unit_of(of: Claim, to: Claim) -> tuple[Interval, str]:
    """`to`'s value in `of`'s rate unit, and the sentence that converts it (empty when no conversion is needed)."""
    if of.per is None or to.per is None or of.per is to.per:
        return to.value.interval, ""
    converted = to.value.interval * conversion_factor(to.per, of.per)
    conventions = "; ".join(conventions_used(of.per, to.per))
    return converted, (
        f"{to.id} {stated(to)} per {to.per.value} = {interval_text(converted)} per {of.per.value} ({conventions})"
    )


def _actual_ratio(of: Claim, to: Claim, base: Interval) -> list[str]:
    """The ratio the two numbers give, when it is defined: "h1_2023 / all_2022 = 2,076 / 1,500 = 1.38"."""
    if 0 in base:
        return []
    if of.value.is_exact and base.is_point and base.low is not None:
        quotient = of.value.nominal / base.low
        return [
            f"{of.id} / {to.id} = {format_number(of.value.nominal)} / {format_number(base.low)} = "
            f"{format_number(round(quotient, 2))}"
        ]
    return [f"{of.id} / {to.id} = {interval_text(of.value.interval / base)}"]


def _ratio_fix(of: Claim, to: Claim, factor: Factor) -> Fix | None:
    """The one stated number that, read as a typo, makes the ratio hold exactly; None unless exactly one qualifies."""
    if not (of.value.is_exact and to.value.is_exact):
        return None
    fixes: dict[tuple[str, str], Fix] = {}
    for candidate, reading in zip(factor.candidates, factor.readings):
        if candidate not in reading:
            continue  # "more than tripled": no number makes it exactly three times
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
