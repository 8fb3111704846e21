"""Shamir secret sharing over a 256-bit prime field: k of n shares rebuild the secret, fewer tell nothing.

Pure: the caller passes the randomness in (the coefficients), so the split is
testable and nothing here touches the operating system.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["PRIME", "ShareError", "recover_secret", "split_secret"]

# The largest prime below 2**256 (2**256 - 189): every 32-byte secret below it is a field element.
PRIME = 2**256 - 189


class ShareError(ValueError):
    """The shares cannot rebuild a secret (too few, repeated, or out of range)."""


def split_secret(secret: int, k: int, n: int, coefficients: Sequence[int]) -> list[tuple[int, int]]:
    """n points (x, f(x)) of a random degree k-1 polynomial with f(0) = secret; coefficients are its k-1 others."""
    if not 1 <= k <= n < PRIME:
        raise ShareError(f"cannot split {k} of {n}")
    if not 0 <= secret < PRIME or len(coefficients) != k - 1:
        raise ShareError("secret out of range or wrong number of coefficients")
    polynomial = [secret, *(c % PRIME for c in coefficients)]
    return [(x, _evaluate(polynomial, x)) for x in range(1, n + 1)]


def _evaluate(polynomial: Sequence[int], x: int) -> int:
    value = 0
    for coefficient in reversed(polynomial):
        value = (value * x + coefficient) % PRIME
    return value


def recover_secret(shares: Sequence[tuple[int, int]]) -> int:
    """f(0) by Lagrange interpolation at zero; the caller decides whether there are enough shares."""
    xs = [x for x, _ in shares]
    if not shares or len(set(xs)) != len(xs) or not all(0 < x < PRIME for x in xs):
        raise ShareError("shares must be distinct points with 0 < x < PRIME")
    secret = 0
    for i, (x_i, y_i) in enumerate(shares):
        numerator, denominator = 1, 1
        for j, (x_j, _) in enumerate(shares):
            if i != j:
                numerator = numerator * -x_j % PRIME
                denominator = denominator * (x_i - x_j) % PRIME
        secret = (secret + y_i * numerator * pow(denominator, -1, PRIME)) % PRIME
    return secret
