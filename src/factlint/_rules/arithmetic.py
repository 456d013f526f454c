"""A: arithmetic between claims: sums, parts of wholes, shares of a breakdown, and `[[check]]` expressions."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fractions import Fraction

from factlint._codes import CHECK_FAILED, PART_EXCEEDS_WHOLE, SHARES_NOT_WHOLE, SUM_MISMATCH, Severity
from factlint._corrections import describe_typo
from factlint._expressions import MAX_DIGITS, ExpressionTooLarge
from factlint._figures import Bar, Figure, Role, gap_between, stated_bar
from factlint._identity import breakdowns, part_of_pairs, share_breakdowns
from factlint._intervals import Interval, Truth, format_number, sum_of
from factlint._model import Check, Claim, ClaimSet, Part, Sum
from factlint._quantities import Hedge
from factlint._rule import Fix, Violation, rule
from factlint._settings import Context
from factlint._wording import interval_text, like_stated, readings, stated


@rule(SUM_MISMATCH)
def sum_mismatch(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    for relation in claim_set.relations:
        if isinstance(relation, Sum) and not relation.of_whole:
            claims = claim_set.claims_named(relation.claim_ids)
            if claims is not None and not _is_shares_of_whole(claims[0], claims[1:]):
                yield from _check_sum(claims[0], claims[1:], complete=relation.complete, inferred=False)
    for breakdown in breakdowns(claim_set):
        # Disjoint parts (one more dimension, different values) add up to at most the whole.
        # A single part too large is A102's finding, so only a sum of fitting parts is reported here.
        if len(breakdown.parts) > 1 and all(
            part.value.interval.less_equal(breakdown.whole.value.interval) is not Truth.CERTAINLY_NOT
            for part in breakdown.parts
        ):
            yield from _check_sum(breakdown.whole, breakdown.parts, complete=False, inferred=True)


def _check_sum(total: Claim, parts: Sequence[Claim], *, complete: bool, inferred: bool) -> Iterator[Violation]:
    parts_sum = sum_of(part.value.interval for part in parts)
    total_interval = total.value.interval
    if complete:
        holds = parts_sum.intersects(total_interval)
    else:
        holds = parts_sum.less_equal(total_interval) is not Truth.CERTAINLY_NOT
    if holds:
        return
    arithmetic = " + ".join(stated(part) for part in parts)
    # Plain numbers (no hedge word) are shown as stated, even where a round one was read as
    # rounded: the readings below say how far each was allowed to move.
    all_plain = total.value.hedge is Hedge.EXACT and all(part.value.hedge is Hedge.EXACT for part in parts)
    nominal_sum = sum((part.value.nominal for part in parts), Fraction(0))
    if all_plain:
        difference = total.value.nominal - nominal_sum
        direction = "more" if difference > 0 else "less"
        # Written as the total is ("£460 million" beside "£406 million"), so units and scale agree.
        line = (
            f"{arithmetic} = {like_stated(nominal_sum, total.value)}, but the total {total.id} says "
            f"{stated(total)}: {like_stated(abs(difference), total.value)} {direction}"
        )
        message = f"parts add up to {like_stated(nominal_sum, total.value)}, but the total says {stated(total)}"
    else:
        line = f"{arithmetic} lies in {interval_text(parts_sum)}, but the total {total.id} {stated(total)} lies in {interval_text(total_interval)}"
        message = f"parts add up to {interval_text(parts_sum)}, which cannot be the total {stated(total)}"
    if not complete:
        message = message.replace("but the total says", "more than the total")
        line += " (the parts may leave something out, but cannot exceed the total)"
    explanation = [line, *readings([total, *parts])]
    if inferred:
        keys = sorted({key for part in parts for key in part.dims} - set(total.dims))
        explanation.append(
            f"inferred: these claims break {total.id} down by {', '.join(keys)} (same metric, unit, time and source)"
        )
        explanation.append(f"assumed: the values of {', '.join(keys)} do not overlap (a convention, not proven)")
    yield Violation(
        message=message,
        claims=[total, *parts],
        explanation=explanation,
        fix=_sum_fix(total, parts, nominal_sum) if complete and all_plain else None,
        location=total.location_of("value"),
        figure=Figure(
            [*(stated_bar(part) for part in parts), Bar(f"sum: {arithmetic}", parts_sum, Role.COMPUTED), stated_bar(total)],
            gap=gap_between(parts_sum, total_interval),
            unit=total.value.unit or total.unit,
        ),
    )


def _sum_fix(total: Claim, parts: Sequence[Claim], nominal_sum: Fraction) -> Fix | None:
    """The one number that, read as a typo, makes the stated sum hold exactly; None unless exactly one qualifies."""
    candidates = []
    described = describe_typo(total.value.nominal, nominal_sum)
    if described:
        candidates.append(Fix(f"{described} in {total.id}", total.id, format_number(nominal_sum)))
    for part in parts:
        needed = total.value.nominal - (nominal_sum - part.value.nominal)
        described = describe_typo(part.value.nominal, needed)
        if described:
            candidates.append(Fix(f"{described} in {part.id}", part.id, format_number(needed)))
    return candidates[0] if len(candidates) == 1 else None


@rule(PART_EXCEEDS_WHOLE)
def part_exceeds_whole(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    for relation in claim_set.relations:
        if isinstance(relation, Part):
            claims = claim_set.claims_named(relation.claim_ids)
            if claims is not None:
                yield from _check_part(claims[0], claims[1], inferred_by=None)
    for part, whole, added in part_of_pairs(claim_set):
        yield from _check_part(part, whole, inferred_by=added)


def _check_part(part: Claim, whole: Claim, *, inferred_by: tuple[str, ...] | None) -> Iterator[Violation]:
    if part.value.interval.less_equal(whole.value.interval) is not Truth.CERTAINLY_NOT:
        return
    explanation = [f"{part.id} {stated(part)} > {whole.id} {stated(whole)}", *readings([part, whole])]
    if inferred_by is not None:
        breakdown = ", ".join(f"{key} = {part.dims[key]!r}" for key in inferred_by)
        explanation.append(
            f"inferred: {part.id} is {whole.id} broken down by {breakdown} "
            "(same metric, unit, time and source; no stated claim lies between them)"
        )
    yield Violation(
        message=f"part {part.id} ({stated(part)}) is larger than its whole {whole.id} ({stated(whole)})",
        claims=[part, whole],
        explanation=explanation,
        location=part.location_of("value"),
        figure=Figure(
            [stated_bar(part, f"part {part.id}: {stated(part)}"), stated_bar(whole, f"whole {whole.id}: {stated(whole)}")],
            gap=gap_between(whole.value.interval, part.value.interval),
            unit=whole.value.unit or whole.unit,
        ),
    )


@rule(CHECK_FAILED)
def check_failed(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    for relation in claim_set.relations:
        if not isinstance(relation, Check):
            continue
        claims = claim_set.claims_named(relation.claim_ids)
        if claims is None:
            continue
        values = {claim.id: claim.value.interval for claim in claims}
        label = f" {relation.name}" if relation.name else ""
        try:
            truth = relation.expr.evaluate(values)
        except ExpressionTooLarge:
            yield _too_large_check(relation, claims, label)
            continue
        if truth is not Truth.CERTAINLY_NOT:
            continue
        display = {claim.id: stated(claim) for claim in claims}
        yield Violation(
            message=relation.message if relation.message.strip() else f"check{label} cannot hold: {relation.expr.text}",
            claims=claims,
            explanation=[
                f"check{label}: {relation.expr.text}",
                f"with the stated values: {relation.expr.explain(values, display)}",
                *readings(claims),
            ],
            location=relation.location_of("expr"),
        )


def _too_large_check(relation: Check, claims: Sequence[Claim], label: str) -> Violation:
    """Not a contradiction: the check was left unevaluated, so the finding is a warning that says so."""
    return Violation(
        message=f"this check's arithmetic grows past {MAX_DIGITS:,} digits; factlint stops there",
        claims=claims,
        explanation=[f"check{label}: {relation.expr.text}", "whether it holds is not known: no result was computed"],
        location=relation.location_of("expr"),
        severity=Severity.WARNING,
    )


_HUNDRED = Interval.point(100)


def _is_shares_of_whole(total: Claim, parts: Sequence[Claim]) -> bool:
    """A `[[sum]]` of percentages whose total is 100%: A103 checks it (against exactly 100), so A101 leaves it alone."""
    return total.value.percent and total.value.nominal == 100 and all(part.value.percent for part in parts)


@rule(SHARES_NOT_WHOLE)
def shares_not_whole(claim_set: ClaimSet, context: Context) -> Iterator[Violation]:
    for relation in claim_set.relations:
        if not isinstance(relation, Sum):
            continue
        claims = claim_set.claims_named(relation.claim_ids)
        if claims is None:
            continue
        if relation.of_whole:
            yield from _check_shares(claims, complete=relation.complete, total=None, key=None)
        elif _is_shares_of_whole(claims[0], claims[1:]):
            yield from _check_shares(claims[1:], complete=relation.complete, total=claims[0], key=None)
    for key, shares in share_breakdowns(claim_set):
        yield from _check_shares(shares, complete=False, total=None, key=key)


def _check_shares(shares: Sequence[Claim], *, complete: bool, total: Claim | None, key: str | None) -> Iterator[Violation]:
    # Shares of disjoint parts add up to at most 100%; to exactly 100% when the parts are complete.
    shares_sum = sum_of(share.value.interval for share in shares)
    too_much = shares_sum.greater_than(_HUNDRED) is Truth.CERTAINLY
    too_little = complete and shares_sum.less_than(_HUNDRED) is Truth.CERTAINLY
    if not (too_much or too_little):
        return
    arithmetic = " + ".join(stated(share) for share in shares)
    total_text = interval_text(shares_sum, percent=True)
    if too_much:
        message = f"shares of one breakdown add up to {total_text}, more than 100%"
    else:
        message = f"shares of a complete breakdown add up to {total_text}, less than 100%"
    explanation = [f"{arithmetic} = {total_text}, but shares of one whole add up to {'exactly' if complete else 'at most'} 100%"]
    explanation.extend(readings([*shares, *([total] if total else [])]))
    if key is not None:
        explanation.append(
            f"inferred: these percentages split one whole by {key} "
            f"({', '.join(repr(share.dims[key]) for share in shares)}; same metric, time, source and base)"
        )
    elif total is not None:
        explanation.append(f"stated: [[sum]] of shares with total {total.id} = 100%")
    else:
        explanation.append('stated: [[sum]] of shares with total "100%"')
    yield Violation(
        message=message,
        claims=[*([total] if total else []), *shares],
        explanation=explanation,
        location=(total or shares[0]).location_of("value"),
        figure=Figure(
            [
                *(stated_bar(share) for share in shares),
                Bar(f"sum: {arithmetic}", shares_sum, Role.COMPUTED),
                Bar("exactly 100%" if complete else "at most 100%", _HUNDRED if complete else Interval(0, 100), Role.LIMIT),
            ],
            gap=gap_between(shares_sum, _HUNDRED),
            unit="%",
        ),
    )
