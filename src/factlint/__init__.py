"""factlint: check whether the numbers in a set of claims can all be true at once."""
