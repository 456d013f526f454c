"""Small fact files shared by the command line, configuration, output and plugin tests."""

# Three claims whose parts add up to 20,538 while the total says 20,583: one A101 at line 4,
# column 9, with a fix suggesting 20,538.
SUM_MISMATCH = """\
[[claim]]
id = "total"
metric = "cases"
value = "20,583"
[[claim]]
id = "a"
metric = "cases"
value = 18159
[[claim]]
id = "b"
metric = "cases"
value = 2379
[[sum]]
total = "total"
parts = ["a", "b"]
"""


def sum_mismatch_quoting(quote: str) -> str:
    """SUM_MISMATCH with a `quote` on the total claim."""
    return SUM_MISMATCH.replace('value = "20,583"\n', f'value = "20,583"\nquote = "{quote}"\n', 1)
