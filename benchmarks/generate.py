"""Generate realistic synthetic claim sets, with a known list of planted contradictions, for the benchmarks.

A claim set is made of small *families* of claims about one metric each, as an
analyst's fact files would hold them: breakdowns by dims with `[[sum]]`, running
totals over months, rates in several units with `[[same]]`, ratios, figures that
several sources repeat (with hedges), percentages and means with their base n,
`[[part]]` and `[[check]]` relations. Every family is consistent under every rule,
with margins wide enough that any reasonable reading (weeks per year, rounding)
agrees, except the families chosen to carry one planted contradiction.

The planted contradictions are written to a sidecar JSON file as
`{"code": ..., "claims": [...]}`: a finding *matches* a plant when it has the
plant's code and names only claims of that plant.

    python benchmarks/generate.py --claims 1000 --format toml
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import random
import sys
from collections.abc import Callable, Iterable
from fractions import Fraction
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
CSV_COLUMNS = (
    "id", "metric", "value", "unit", "per", "as_of", "period", "since", "of", "statistic", "items",
    "source", "quote", "ignore", "dims.region", "dims.charge",
)  # fmt: skip

# The codes a generator can plant, each with the kind of family that carries it.
PLANTABLE = {
    "A101": "breakdown",
    "A102": "part",
    "A103": "shares",
    "A104": "check",
    "T101": "running",
    "T102": "late",
    "T103": "late",
    "R101": "rates",
    "R102": "rates",
    "M101": "ratio",
    "C101": "sources",
    "G101": "percentage",
    "G102": "mean",
}
# How often each kind of family appears among the consistent ones.
WEIGHTS = {
    "breakdown": 6,
    "running": 4,
    "rates": 4,
    "ratio": 2,
    "sources": 3,
    "percentage": 2,
    "mean": 1,
    "shares": 1,
    "part": 2,
    "check": 1,
    "late": 1,
}
TOPICS = (
    "refusal-to-fight cases", "desertion cases", "AWOL cases", "court sentences", "detentions",
    "asylum applications", "strike days", "hospital admissions", "reported incidents", "arrests",
    "fines issued", "complaints filed", "evictions", "school closures", "road deaths",
)  # fmt: skip
REGIONS = (
    "Moscow", "St Petersburg", "Rostov", "Krasnodar", "Kursk", "Belgorod", "Novosibirsk",
    "Sverdlovsk", "Tatarstan", "Bashkortostan", "Primorye", "Voronezh",
)  # fmt: skip
CHARGES = ("AWOL", "failure to obey", "desertion", "voluntary surrender", "self-harm")
PUBLISHERS = (
    "Mediazona", "The Kyiv Independent", "Euromaidan Press", "Meduza", "Novaya Gazeta Europe",
    "The Insider", "Verstka", "iStories", "BBC Russian", "Reuters",
)  # fmt: skip
HEDGES = ("about", "around", "roughly", "approximately", "some")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip


def number(value: int) -> str:
    """A count as articles write it: 20,538."""
    return f"{value:,}"


def round_half_up(value: Fraction, decimals: int) -> Fraction:
    scale = 10**decimals
    return Fraction(int(value * scale + Fraction(1, 2)), scale)


def round_half_down(value: Fraction, decimals: int) -> Fraction:
    scale = 10**decimals
    scaled = value * scale
    whole = int(scaled)
    return Fraction(whole + (1 if scaled - whole > Fraction(1, 2) else 0), scale)


def grim_possible(stated: Fraction, decimals: int, denominator: int, scale: int = 1) -> bool:
    """Whether some whole k out of `denominator` gives `stated` (after x scale), rounded half-up or half-down."""
    low = int((stated - Fraction(1, 10**decimals)) * denominator / scale) - 1
    high = int((stated + Fraction(1, 10**decimals)) * denominator / scale) + 2
    for k in range(max(0, low), high):
        value = Fraction(k * scale, denominator)
        if round_half_up(value, decimals) == stated or round_half_down(value, decimals) == stated:
            return True
    return False


def text(value: Fraction, decimals: int) -> str:
    return f"{float(value):.{decimals}f}"


class ClaimSetSpec:
    """The sources, claims and relations of one synthetic claim set, and the contradictions planted in it."""

    def __init__(self) -> None:
        self.sources: list[dict[str, Any]] = []
        self.claims: list[dict[str, Any]] = []
        self.relations: dict[str, list[dict[str, Any]]] = {
            "sum": [], "part": [], "ratio": [], "same": [], "check": [],
        }  # fmt: skip
        self.planted: list[dict[str, Any]] = []


class _Family:
    """Builds one family of claims about one metric, from one or a few sources."""

    def __init__(self, spec: ClaimSetSpec, rng: random.Random, index: int, sources: list[dict[str, Any]], explicit: bool) -> None:
        self.spec = spec
        self.rng = rng
        self.index = index
        self.sources = sources
        self.explicit = explicit
        self.metric = f"{rng.choice(TOPICS)} #{index}"
        self.ids: list[str] = []

    def source(self) -> dict[str, Any]:
        return self.rng.choice(self.sources)

    def claim(self, name: str, value: str | int, **fields: Any) -> str:
        claim_id = f"{name}_{self.index}"
        entry: dict[str, Any] = {"id": claim_id, "metric": fields.pop("metric", self.metric), "value": value}
        entry.update({key: field for key, field in fields.items() if field is not None})
        self.spec.claims.append(entry)
        self.ids.append(claim_id)
        return claim_id

    def relation(self, table: str, **fields: Any) -> None:
        self.spec.relations[table].append(fields)

    def plant(self, code: str, ids: Iterable[str] | None = None) -> None:
        self.spec.planted.append({"code": code, "claims": sorted(ids if ids is not None else self.ids)})

    # -- the kinds of family --------------------------------------------------------

    def breakdown(self, plant: str | None) -> None:
        """A total as of a date, broken down by region (and for some by charge), with `[[sum]]`."""
        rng, source = self.rng, self.source()["id"]
        year = rng.choice((2023, 2024))
        as_of = f"{rng.choice(('early', 'mid', 'late'))} {rng.choice(MONTHS)} {year}"
        parts = [rng.randint(50, 20_000) for _ in range(rng.randint(3, 6))]
        total = sum(parts)
        stated_total: str | int = number(total)
        if plant == "A101":
            # Larger than the parts allow: only the complete `[[sum]]` can tell (a smaller total
            # could also make a single part exceed it, which is A102's finding).
            stated_total = number(total + rng.randint(20, 900))
        elif rng.random() < 0.2:
            # A rounded total: "about 41,000" still fits the exact parts.
            magnitude = 10 ** max(0, len(str(total)) - 2)
            stated_total = f"{rng.choice(HEDGES)} {number(round(total / magnitude) * magnitude)}"
        regions = rng.sample(REGIONS, len(parts))
        total_id = self.claim(
            "total", stated_total, unit="cases", as_of=as_of, source=source,
            quote=f"In total {stated_total} cases were recorded as of {as_of}.",
        )  # fmt: skip
        part_ids = [
            self.claim(f"region{number_}", value if rng.random() < 0.5 else number(value), unit="cases", as_of=as_of,
                       source=source, dims={"region": region})
            for number_, (value, region) in enumerate(zip(parts, regions))
        ]  # fmt: skip
        if rng.random() < 0.3:
            # A finer breakdown of the first region by charge, adding up to at most its figure.
            charges = rng.sample(CHARGES, 2)
            first = parts[0]
            share = rng.randint(0, first // 2)
            for number_, (charge, value) in enumerate(zip(charges, (share, first // 2 - share))):
                self.claim(f"charge{number_}", value, unit="cases", as_of=as_of, source=source,
                           dims={"region": regions[0], "charge": charge})  # fmt: skip
        if self.explicit or plant == "A101":
            self.relation("sum", total=total_id, parts=part_ids)
        if plant == "A101":
            self.plant("A101", [total_id, *part_ids])

    def running(self, plant: str | None) -> None:
        """A running total since September 2022, reported month after month."""
        rng, source = self.rng, self.source()["id"]
        months = rng.randint(6, 14)
        start = rng.randint(0, 30 - months)
        value = rng.randint(100, 5_000)
        values = []
        for _ in range(months):
            value += rng.randint(50, 2_000)
            values.append(value)
        dims = {"charge": rng.choice(CHARGES)} if rng.random() < 0.3 else None
        dropped = rng.randint(1, months - 1) if plant == "T101" else None
        if dropped is not None and values[dropped - 1] % 10 == 0:
            # A round number written as text ("3,400" in a CSV file) may be rounded, so the fall
            # below it would be within its reading: the month before is never round.
            values[dropped - 1] += 1
        ids = []
        for step, value in enumerate(values):
            month = start + step
            year, month_number = 2022 + (month + 9) // 12, (month + 9) % 12 + 1
            stated: str | int = value
            if step == dropped:
                # The month before stays exact, so that only this pair disagrees; the fall is
                # never to a round number either, which may be rounded up to the month before.
                stated = values[step - 1] - rng.randint(1, 40)
                if stated % 10 == 0:
                    stated -= 1
            elif rng.random() < 0.25 and dropped not in (step, step + 1):
                stated = f"more than {number(value // 100 * 100)}"
            as_of = f"{year}-{month_number:02d}" if rng.random() < 0.5 else f"{MONTHS[month_number - 1]} {year}"
            ids.append(self.claim(f"m{step}", stated, since="September 2022", as_of=as_of, source=source, dims=dims))
        if dropped is not None:
            self.plant("T101", ids[dropped - 1 : dropped + 1])

    def rates(self, plant: str | None) -> None:
        """One rate over a year, stated per week, per month and per year, and the year's count."""
        rng, source = self.rng, self.source()["id"]
        year = rng.choice((2022, 2023, 2024))
        weekly = rng.randint(20, 400)
        period = str(year) if rng.random() < 0.5 else f"{year}-01/{year}-12"
        week_id = self.claim("weekly", weekly if rng.random() < 0.5 else f"{rng.choice(HEDGES)} {weekly}",
                             per="week", period=period, source=source)  # fmt: skip
        yearly = weekly * 52
        if plant == "R101":
            year_id = self.claim("yearly", f"about {number(yearly * 2)}", per="year", period=period, source=source)
            self.relation("same", claims=[week_id, year_id])
            self.plant("R101", [week_id, year_id])
            return
        if plant == "R102":
            count_id = self.claim("count", f"about {number(yearly * 3)}", period=period, source=source)
            self.plant("R102", [week_id, count_id])
            return
        month_id = self.claim("monthly", f"about {number(round(yearly / 12))}", per="month", period=period, source=source)
        year_id = self.claim("yearly", f"around {number(yearly)}", per="year", period=period, source=source)
        if rng.random() < 0.5:
            self.claim("count", f"roughly {number(yearly)}", period=period, source=source)
        if self.explicit:
            self.relation("same", claims=[week_id, month_id, year_id])

    def ratio(self, plant: str | None) -> None:
        """Cases of three spans, and how the articles compare them ("double", "three times")."""
        rng, source = self.rng, self.source()["id"]
        base = rng.randint(100, 3_000)
        first = self.claim("y2021", base, period="2021", source=source)
        second = self.claim("y2022", number(base * 2), period="2022", source=source)
        third = self.claim("h1_2023", number(base * 6), period="first half of 2023", source=source)
        if plant == "M101":
            self.relation("ratio", of=third, to=second, factor="tenfold")
            self.plant("M101", [third, second])
            return
        if self.explicit:
            self.relation("ratio", of=second, to=first, factor=rng.choice(("double", "twice", "two-fold", 2)))
            self.relation("ratio", of=third, to=first, factor=rng.choice(("6", 6)))
            self.relation("ratio", of=third, to=second, factor=rng.choice(("triple", "three times", "threefold")))

    def sources_agree(self, plant: str | None) -> None:
        """One figure repeated by three outlets, exactly or with hedges."""
        rng = self.rng
        value = rng.randint(10_000, 90_000)
        as_of = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.choice((2023, 2024))}"
        outlets = rng.sample(self.sources, 3)
        statements = [number(value), f"nearly {number((value // 1000 + 1) * 1000)}", f"more than {number((value - 1) // 1000 * 1000)}"]
        if plant == "C101":
            statements[1] = f"about {number(value // 2)}"
        ids = [
            self.claim(f"src{number_}", stated, unit="people", as_of=as_of, source=outlet["id"])
            for number_, (stated, outlet) in enumerate(zip(statements, outlets))
        ]
        if plant == "C101":
            self.plant("C101", ids)

    def percentage(self, plant: str | None) -> None:
        """A share of a survey sample, with its n (GRIM-checkable)."""
        rng, source = self.rng, self.source()["id"]
        n = rng.randint(20, 400)
        decimals = 1
        if plant == "G101":
            n = rng.randint(20, 60)
            while True:
                stated = Fraction(rng.randint(100, 900), 10)
                if not grim_possible(stated, decimals, n, 100):
                    break
        else:
            stated = round_half_up(Fraction(rng.randint(1, n - 1) * 100, n), decimals)
        claim_id = self.claim("share", f"{text(stated, decimals)}%", of=n, period=str(rng.choice((2023, 2024))), source=source)
        if plant == "G101":
            self.plant("G101", [claim_id])

    def mean(self, plant: str | None) -> None:
        """A mean of whole-number answers (a 1-5 scale), with n and items (GRIM-checkable)."""
        rng, source = self.rng, self.source()["id"]
        n, items = rng.randint(12, 60), rng.choice((1, 1, 1, 3))
        answers = n * items
        if plant == "G102":
            items, answers = 1, n
            while True:
                stated = Fraction(rng.randint(100, 500), 100)
                if not grim_possible(stated, 2, answers):
                    break
        else:
            stated = round_half_up(Fraction(rng.randint(answers, 5 * answers), answers), 2)
        claim_id = self.claim("mean", text(stated, 2), unit="points", statistic="mean", of=n,
                              items=items if items != 1 else None, period="2024", source=source)  # fmt: skip
        if plant == "G102":
            self.plant("G102", [claim_id])

    def shares(self, plant: str | None) -> None:
        """Percentages of one breakdown, which add up to 100."""
        rng, source = self.rng, self.source()["id"]
        regions = rng.sample(REGIONS, rng.randint(2, 4))
        cuts = sorted(rng.sample(range(1, 100), len(regions) - 1))
        shares = [high - low for low, high in zip([0, *cuts], [*cuts, 100])]
        if plant == "A103":
            shares[0] += 40
        as_of = f"{rng.choice(MONTHS)} {rng.choice((2023, 2024))}"
        ids = [
            self.claim(f"share{number_}", f"{share}%", as_of=as_of, source=source, dims={"region": region}, of=1000)
            for number_, (share, region) in enumerate(zip(shares, regions))
        ]
        if plant == "A103":
            self.plant("A103", ids)

    def part(self, plant: str | None) -> None:
        """People charged, and the part of them sentenced (two metrics, so the relation is explicit)."""
        rng, source = self.rng, self.source()["id"]
        charged = rng.randint(500, 30_000)
        sentenced = rng.randint(100, charged)
        if plant == "A102":
            sentenced = charged + rng.randint(10, 500)
        as_of = f"late {rng.choice(MONTHS)} 2024"
        whole = self.claim("charged", number(charged), as_of=as_of, source=source)
        part = self.claim("sentenced", number(sentenced), metric=f"sentences #{self.index}", as_of=as_of, source=source)
        if self.explicit or plant == "A102":
            self.relation("part", part=part, whole=whole)
        if plant == "A102":
            self.plant("A102", [part, whole])

    def check(self, plant: str | None) -> None:
        """Three figures tied by a `[[check]]` expression."""
        rng, source = self.rng, self.source()["id"]
        men, women = rng.randint(100, 9_000), rng.randint(100, 9_000)
        total = men + women + rng.randint(0, 500)
        if plant == "A104":
            total = men + women - rng.randint(50, 90)
        period = str(rng.choice((2022, 2023, 2024)))
        ids = [
            self.claim("men", men, metric=f"men detained #{self.index}", period=period, source=source),
            self.claim("women", women, metric=f"women detained #{self.index}", period=period, source=source),
            self.claim("all", number(total), metric=f"people detained #{self.index}", period=period, source=source),
        ]
        if self.explicit or plant == "A104":
            self.relation("check", name=f"detained-{self.index}", expr=f"{ids[0]} + {ids[1]} <= {ids[2]}",
                          message="more men and women than people detained")  # fmt: skip
        if plant == "A104":
            self.plant("A104", ids)

    def late(self, plant: str | None) -> None:
        """A figure over a period, dated before its source was published."""
        rng = self.rng
        source = self.source()
        period = f"{rng.choice(('Q1', 'Q2', 'Q3', 'Q4'))} {rng.choice((2022, 2023, 2024))}"
        if plant == "T102":
            period = f"{source['published'].year + 1}-03"
        elif plant == "T103":
            period = "2024-05/2023-01"
        claim_id = self.claim("quarter", number(rng.randint(10, 5_000)), period=period, source=source["id"])
        if plant in ("T102", "T103"):
            self.plant(plant, [claim_id])


KINDS: dict[str, Callable[[_Family, str | None], None]] = {
    "breakdown": _Family.breakdown,
    "running": _Family.running,
    "rates": _Family.rates,
    "ratio": _Family.ratio,
    "sources": _Family.sources_agree,
    "percentage": _Family.percentage,
    "mean": _Family.mean,
    "shares": _Family.shares,
    "part": _Family.part,
    "check": _Family.check,
    "late": _Family.late,
}


def registered_codes() -> list[str]:
    """The plantable codes whose rule is registered in this factlint."""
    import factlint

    return [code for code in PLANTABLE if code in factlint.builtin_rules()]


def generate(
    claims: int,
    *,
    seed: int = 2025,
    per_contradiction: int = 1_000,
    codes: Iterable[str] | None = None,
    explicit_share: float = 1.0,
) -> ClaimSetSpec:
    """About `claims` claims, with one planted contradiction per `per_contradiction` claims (at least one per code).

    `explicit_share` is the share of families whose relations are stated (`[[sum]]`,
    `[[same]]`...): the others are checked by inference only, which keeps the
    relation file of a very large CSV claim table small.
    """
    rng = random.Random(seed)
    codes = list(codes if codes is not None else registered_codes())
    spec = ClaimSetSpec()
    for number_ in range(max(10, claims // 100)):
        published = datetime.date(2025, 6, 1) + datetime.timedelta(days=number_ % 30)
        source: dict[str, Any] = {
            "id": f"outlet_{number_}",
            "publisher": PUBLISHERS[number_ % len(PUBLISHERS)],
            "title": f"Report {number_}",
            "published": published,
            "url": f"https://example.org/reports/{number_}",
        }
        if number_ % 7 == 3:
            earlier = [other["id"] for other in spec.sources if other["published"] < published]
            if earlier:
                source["cites"] = [rng.choice(earlier)]
        spec.sources.append(source)

    plants = max(len(codes), claims // per_contradiction) if codes else 0
    kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
    next_plant, planted, index = 0, 0, 0
    while len(spec.claims) < claims:
        plant = None
        if planted < plants and len(spec.claims) >= next_plant:
            plant = codes[planted % len(codes)]
            kind = PLANTABLE[plant]
            planted += 1
            next_plant = planted * claims // plants
        else:
            kind = rng.choices(kinds, weights)[0]
        family = _Family(spec, rng, index, spec.sources, rng.random() < explicit_share)
        KINDS[kind](family, plant)
        index += 1
    return spec


# -- writing ---------------------------------------------------------------------------------


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, datetime.date)):
        return str(value) if not isinstance(value, datetime.date) else value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {_toml_value(item)}" for key, item in value.items()) + " }"
    raise TypeError(value)


def _toml_tables(name: str, entries: Iterable[dict[str, Any]]) -> Iterable[str]:
    for entry in entries:
        yield f"[[{name}]]\n"
        for key, value in entry.items():
            yield f"{key} = {_toml_value(value)}\n"
        yield "\n"


def write_toml(spec: ClaimSetSpec, path: Path, *, claims: bool = True) -> None:
    """The whole claim set as one TOML fact file (or only its sources and relations)."""
    with path.open("w", encoding="utf-8") as out:
        out.write("# Synthetic claim set generated by benchmarks/generate.py\n\n")
        out.writelines(_toml_tables("source", spec.sources))
        if claims:
            out.writelines(_toml_tables("claim", spec.claims))
        for table, entries in spec.relations.items():
            out.writelines(_toml_tables(table, entries))


def write_csv(spec: ClaimSetSpec, path: Path) -> None:
    """The claims as a CSV claim table (sources and relations go in a TOML file beside it)."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for claim in spec.claims:
            dims = claim.get("dims", {})
            writer.writerow(
                [dims.get(column[5:], "") if column.startswith("dims.") else claim.get(column, "") for column in CSV_COLUMNS]
            )


def write(spec: ClaimSetSpec, stem: str, form: str, folder: Path = DATA) -> list[Path]:
    """Write the claim set as `<stem>/…facts.toml` or `.csv` (+ TOML), and `<stem>.planted.json`; return the fact files."""
    target = folder / stem
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("*.facts.*"):
        old.unlink()
    if form == "toml":
        files = [target / f"{stem}.facts.toml"]
        write_toml(spec, files[0])
    else:
        files = [target / f"{stem}.facts.csv", target / f"{stem}-sources.facts.toml"]
        write_csv(spec, files[0])
        write_toml(spec, files[1], claims=False)
    sidecar = {"claims": len(spec.claims), "planted": spec.planted}
    (folder / f"{stem}.planted.json").write_text(json.dumps(sidecar, indent=1) + "\n", encoding="utf-8")
    return files


SIZES = {"1k": (1_000, "toml"), "10k": (10_000, "toml"), "100k": (100_000, "toml"), "1m": (1_000_000, "csv")}


def generate_size(name: str, claims: int, form: str, *, seed: int = 2025, folder: Path = DATA) -> list[Path]:
    explicit_share = 1.0 if form == "toml" else 0.05
    spec = generate(claims, seed=seed, explicit_share=explicit_share)
    return write(spec, name, form, folder)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(SIZES), help=f"comma-separated, of {', '.join(SIZES)}")
    parser.add_argument("--claims", type=int, help="one custom size instead of --sizes")
    parser.add_argument("--format", choices=("toml", "csv"), default="toml", help="with --claims")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args(argv)
    wanted = {f"custom-{args.claims}": (args.claims, args.format)} if args.claims else {
        name: SIZES[name] for name in args.sizes.split(",")
    }
    for name, (claims, form) in wanted.items():
        files = generate_size(name, claims, form, seed=args.seed, folder=args.out)
        print(f"{name}: {', '.join(str(path) for path in files)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
