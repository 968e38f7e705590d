"""Evaluates one genre-tagger candidate: trains it on data/train.csv, scores it on the test set, writes metrics.

    python3 eval.py --model logreg --data data/test.csv --out metrics.json

Writes a JSON object of metric name -> number, the format mlproject reads:
    {"macro_f1": 0.81, "accuracy": 0.82, "latency_ms": 0.05}

Candidates (the ids in .mlproject.yaml):
  logreg  multinomial logistic regression on the MFCC means only: the baseline
  knn     k-nearest neighbours on all standardised features
  cnn     STAND-IN. The real candidate is a CNN on mel-spectrograms, which needs audio and a deep-learning
          framework. This example has neither (tabular features, standard library only), so `cnn` runs a
          Gaussian naive Bayes on all features, to exercise the same evaluation pipeline end to end. Its scores
          say nothing about how a real CNN would do.

Standard library only; runs in well under a second.
"""
import argparse
import csv
import json
import math
import os
import sys
import time

MFCC = ["mfcc1_mean", "mfcc2_mean", "mfcc3_mean", "mfcc4_mean", "mfcc5_mean"]


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        sys.exit(f"eval.py: {path} has no rows")
    features = [k for k in rows[0] if k != "genre"]
    X = [[float(r[k]) for k in features] for r in rows]
    y = [r["genre"] for r in rows]
    return features, X, y


def standardiser(X):
    n, d = len(X), len(X[0])
    mean = [sum(row[j] for row in X) / n for j in range(d)]
    sd = [math.sqrt(sum((row[j] - mean[j]) ** 2 for row in X) / n) or 1.0 for j in range(d)]
    return lambda rows: [[(row[j] - mean[j]) / sd[j] for j in range(d)] for row in rows]


def softmax(z):
    m = max(z)
    e = [math.exp(v - m) for v in z]
    s = sum(e)
    return [v / s for v in e]


class LogisticRegression:
    """Multinomial logistic regression, full-batch gradient descent with L2 regularisation."""

    def __init__(self, lr=0.5, epochs=150, l2=1e-3):
        self.lr, self.epochs, self.l2 = lr, epochs, l2

    def fit(self, X, y):
        self.classes = sorted(set(y))
        k, d, n = len(self.classes), len(X[0]), len(X)
        index = {c: i for i, c in enumerate(self.classes)}
        self.W = [[0.0] * d for _ in range(k)]
        self.b = [0.0] * k
        for _ in range(self.epochs):
            gW = [[self.l2 * w for w in row] for row in self.W]
            gb = [0.0] * k
            for xi, yi in zip(X, y):
                p = softmax([sum(w * v for w, v in zip(self.W[c], xi)) + self.b[c] for c in range(k)])
                p[index[yi]] -= 1.0
                for c in range(k):
                    pc = p[c] / n
                    gb[c] += pc
                    row = gW[c]
                    for j in range(d):
                        row[j] += pc * xi[j]
            for c in range(k):
                self.b[c] -= self.lr * gb[c]
                self.W[c] = [w - self.lr * g for w, g in zip(self.W[c], gW[c])]
        return self

    def predict_one(self, x):
        scores = [sum(w * v for w, v in zip(self.W[c], x)) + self.b[c] for c in range(len(self.classes))]
        return self.classes[scores.index(max(scores))]


class KNearestNeighbours:
    def __init__(self, k=7):
        self.k = k

    def fit(self, X, y):
        self.X, self.y = X, y
        return self

    def predict_one(self, x):
        dist = sorted((sum((a - b) ** 2 for a, b in zip(x, row)), label) for row, label in zip(self.X, self.y))
        votes = {}
        for _, label in dist[: self.k]:
            votes[label] = votes.get(label, 0) + 1
        best = max(votes.values())
        return next(label for _, label in dist if votes.get(label) == best)  # ties: the nearest wins


class GaussianNaiveBayes:
    """Stand-in for the CNN candidate (see the module docstring)."""

    def __init__(self, var_smoothing=1e-9):
        self.var_smoothing = var_smoothing

    def fit(self, X, y):
        self.classes = sorted(set(y))
        d = len(X[0])
        self.stats = {}
        for c in self.classes:
            rows = [x for x, label in zip(X, y) if label == c]
            mean = [sum(r[j] for r in rows) / len(rows) for j in range(d)]
            var = [sum((r[j] - mean[j]) ** 2 for r in rows) / len(rows) + self.var_smoothing for j in range(d)]
            self.stats[c] = (math.log(len(rows) / len(X)), mean, var)
        return self

    def predict_one(self, x):
        def loglik(c):
            prior, mean, var = self.stats[c]
            return prior - 0.5 * sum(math.log(2 * math.pi * v) + (xi - m) ** 2 / v for xi, m, v in zip(x, mean, var))
        return max(self.classes, key=loglik)


def macro_f1(truth, pred):
    scores = []
    for c in sorted(set(truth)):
        tp = sum(1 for t, p in zip(truth, pred) if t == c and p == c)
        fp = sum(1 for t, p in zip(truth, pred) if t != c and p == c)
        fn = sum(1 for t, p in zip(truth, pred) if t == c and p != c)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores)


def build(model, args):
    if model == "logreg":
        return LogisticRegression(lr=args.lr, epochs=args.epochs, l2=args.l2), MFCC
    if model == "knn":
        return KNearestNeighbours(k=args.k), None
    if model == "cnn":
        return GaussianNaiveBayes(), None
    sys.stderr.write(f"eval.py: unknown model {model!r}; expected logreg, knn or cnn\n")
    sys.exit(2)


def write_metrics(path, metrics):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = f"{path}.tmp"
    with open(tmp, "w") as f:
        json.dump(metrics, f, indent=2)
        f.write("\n")
    os.replace(tmp, path)  # never leave a half-written metrics file


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True, help="candidate id: logreg, knn or cnn")
    ap.add_argument("--data", required=True, help="test CSV; the training CSV is train.csv beside it unless --train")
    ap.add_argument("--train", help="training CSV (default: train.csv in the folder of --data)")
    ap.add_argument("--out", required=True, help="where to write the metrics JSON")
    ap.add_argument("--k", type=int, default=7, help="knn: number of neighbours")
    ap.add_argument("--lr", type=float, default=0.5, help="logreg: learning rate")
    ap.add_argument("--epochs", type=int, default=150, help="logreg: gradient descent epochs")
    ap.add_argument("--l2", type=float, default=1e-3, help="logreg: L2 regularisation")
    args = ap.parse_args(argv)

    model, columns = build(args.model, args)
    train_path = args.train or os.path.join(os.path.dirname(args.data), "train.csv")
    features, X_train, y_train = load(train_path)
    test_features, X_test, y_test = load(args.data)
    if test_features != features:
        sys.exit(f"eval.py: {args.data} and {train_path} have different columns")
    if columns:
        keep = [features.index(c) for c in columns]
        X_train = [[row[j] for j in keep] for row in X_train]
        X_test = [[row[j] for j in keep] for row in X_test]
    scale = standardiser(X_train)
    X_train, X_test = scale(X_train), scale(X_test)

    model.fit(X_train, y_train)
    started = time.perf_counter()
    pred = [model.predict_one(x) for x in X_test]
    latency_ms = (time.perf_counter() - started) * 1000 / len(X_test)

    accuracy = sum(1 for t, p in zip(y_test, pred) if t == p) / len(y_test)
    metrics = {"macro_f1": round(macro_f1(y_test, pred), 4), "accuracy": round(accuracy, 4), "latency_ms": round(latency_ms, 4)}
    write_metrics(args.out, metrics)
    print(f"{args.model}: " + ", ".join(f"{k}={v}" for k, v in metrics.items()))


if __name__ == "__main__":
    main()
