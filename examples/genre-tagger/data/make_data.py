"""Generates the genre tagger's small synthetic dataset, deterministically (same seed, same files).

Each row is one song summarised by audio features of the kind a real pipeline would extract with an audio
library: tempo, spectral centroid, zero-crossing rate, RMS energy and the means of the first five MFCCs.
The four genres overlap the way real ones do (rock and metal share tempo and energy, hip-hop and electronic
share low centroids), so no model is perfect. Values are drawn from per-genre Gaussians whose means and spreads
are loosely based on published GTZAN feature statistics; they are made up, not measured.

    python3 data/make_data.py        # writes data/train.csv (600 rows) and data/test.csv (200 rows)
"""
import csv
import os
import random

SEED = 20261126
GENRES = ["classical", "electronic", "hiphop", "rock"]
FEATURES = ["tempo_bpm", "spectral_centroid_hz", "zero_crossing_rate", "rms_energy",
            "mfcc1_mean", "mfcc2_mean", "mfcc3_mean", "mfcc4_mean", "mfcc5_mean"]

# genre -> per-feature (mean, standard deviation), in FEATURES order
PROFILES = {
    "classical":  [(104, 24), (1400, 420), (0.060, 0.022), (0.050, 0.025),
                   (-330, 60), (120, 22), (-10, 16), (32, 13), (-4, 11)],
    "electronic": [(126, 10), (2300, 520), (0.105, 0.035), (0.150, 0.045),
                   (-130, 50), (88, 20), (-8, 15), (22, 13), (2, 11)],
    "hiphop":     [(94, 12), (2050, 480), (0.090, 0.030), (0.160, 0.045),
                   (-150, 52), (100, 20), (-18, 15), (30, 13), (4, 11)],
    "rock":       [(122, 22), (2550, 500), (0.125, 0.035), (0.130, 0.045),
                   (-110, 50), (80, 20), (2, 15), (18, 13), (8, 11)],
}
DECIMALS = [1, 0, 4, 4, 1, 1, 1, 1, 1]


def make_rows(rng, n):
    rows = []
    for i in range(n):
        genre = GENRES[i % len(GENRES)]
        values = []
        for (mean, sd), places in zip(PROFILES[genre], DECIMALS):
            v = rng.gauss(mean, sd)
            if places == 4:
                v = max(v, 0.001)  # rates and energies are positive
            values.append(round(v, places) if places else int(round(v)))
        rows.append(values + [genre])
    rng.shuffle(rows)
    return rows


def write(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(FEATURES + ["genre"])
        w.writerows(rows)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rng = random.Random(SEED)
    write(os.path.join(here, "train.csv"), make_rows(rng, 600))
    write(os.path.join(here, "test.csv"), make_rows(rng, 200))


if __name__ == "__main__":
    main()
