#!/usr/bin/python3
"""Independent reference values for tests/core/gi_star_test.cpp and mann_kendall_test.cpp.

Gi*: dense-matrix numpy computation on a fixed 5x5 lattice (queen contiguity, binary weights with
the diagonal set to 1), using the Ord & Getis (1995) formula as written in R spdep::localG
(gstari branch) and ArcGIS's documentation. Mann-Kendall: brute-force pair sums with the
tie-corrected variance. Python's math.erfc gives the normal p. No esda/scipy on this machine.
"""
import itertools
import math

import numpy as np

VALUES = np.array([
    [0, 1, 0, 2, 1],
    [1, 3, 2, 0, 0],
    [2, 8, 9, 1, 0],
    [1, 7, 6, 2, 1],
    [0, 1, 2, 0, 0],
], dtype=float)  # row 0 = southernmost row of cells; column 0 = westernmost


def lattice_queen(rows, cols):
    n = rows * cols
    w = np.zeros((n, n))
    for r in range(rows):
        for c in range(cols):
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    rr, cc = r + dr, c + dc
                    if 0 <= rr < rows and 0 <= cc < cols:
                        w[r * cols + c, rr * cols + cc] = 1.0  # includes self (dr = dc = 0)
    return w


def gi_star(x, w):
    n = len(x)
    xbar = x.mean()
    s = math.sqrt((x ** 2).mean() - xbar ** 2)
    wi = w.sum(axis=1)
    s1 = (w ** 2).sum(axis=1)
    return (w @ x - xbar * wi) / (s * np.sqrt((n * s1 - wi ** 2) / (n - 1)))


def mann_kendall(x):
    n = len(x)
    s = sum(np.sign(x[j] - x[i]) for i, j in itertools.combinations(range(n), 2))
    _, t = np.unique(x, return_counts=True)
    var = (n * (n - 1) * (2 * n + 5) - (t * (t - 1) * (2 * t + 5)).sum()) / 18.0
    z = (s - 1) / math.sqrt(var) if s > 0 else (s + 1) / math.sqrt(var) if s < 0 else 0.0
    return int(s), var, z, math.erfc(abs(z) / math.sqrt(2))


if __name__ == "__main__":
    x = VALUES.ravel()
    z = gi_star(x, lattice_queen(5, 5))
    print("gi_star z (row-major from the south-west):")
    print(",\n".join(", ".join(f"{v:.12f}" for v in z[r * 5:(r + 1) * 5]) for r in range(5)))
    print("p:", ", ".join(f"{math.erfc(abs(v) / math.sqrt(2)):.12f}" for v in z[[12, 0, 24]]))
    for series in ([1, 2, 3, 4, 5], [5, 3, 3, 4, 1, 1, 2, 0, 0, 2],
                   [1.2, 0.8, 2.5, 2.5, 3.1, 2.9, 4.0, 3.3, 4.0, 5.2, 4.8, 6.1]):
        print("mk", series, mann_kendall(np.array(series, dtype=float)))
