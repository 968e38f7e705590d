"""Evaluates one genre-tagger candidate: trains it on data/train.csv, scores it on the test set, writes metrics.

    python3 eval.py --model logreg --data data/test.csv --out metrics.json

Writes a JSON object of metric name -> number, the format mlproject reads:
    {"macro_f1": 0.81, "accuracy": 0.82, "latency_ms": 0.05}

Candidates (the ids in .mlproject.yaml):
  logreg  multinomial logistic regression on the MFCC means only: the baseline
  knn     k-nearest neighbours on all standardised features
  cnn     STAND-IN. The real candidate is a CNN on mel-spectrograms, which needs audio and a deep-learning
          framework. This example has neither (tabular features, standard library only), so `cnn` trains a
          small fully connected network (one ReLU hidden layer, SGD) on all features, to exercise the same
          evaluation pipeline end to end. Its scores say nothing about how a real CNN would do.

Hyperparameters come from the candidate's `params` in .mlproject.yaml, which mlproject passes in the
MLPROJECT_PARAMS environment variable (JSON), so the params recorded with a run are the ones it used;
command-line flags (--k, --hidden, --epochs, --learning-rate, --l2) override them.

The seed comes from MLPROJECT_SEED (0, 1, ... in a sweep: `mlproject eval --all --repeat 3`), or --seed. It drives
the random parts of training: the initial weights and the order of the training rows of `cnn`. logreg (full-batch
gradient descent from zero weights) and knn have no random part, so their scores do not change with the seed.

Standard library only; each candidate runs in about a second.
"""
import argparse
import csv
import json
import math
import os
import random
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

    def __init__(self, learning_rate=0.5, epochs=150, l2=1e-3):
        self.lr, self.epochs, self.l2 = learning_rate, epochs, l2

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


class SmallNeuralNetwork:
    """Stand-in for the CNN candidate (see the module docstring): one ReLU hidden layer, softmax output, SGD."""

    def __init__(self, hidden=16, epochs=60, learning_rate=0.05, seed=0):
        self.h, self.epochs, self.lr, self.seed = hidden, epochs, learning_rate, seed

    def fit(self, X, y):
        rng = random.Random(self.seed)  # the same data, params and seed give the same model
        self.classes = sorted(set(y))
        k, d, h = len(self.classes), len(X[0]), self.h
        index = {c: i for i, c in enumerate(self.classes)}
        W1 = [[rng.gauss(0, math.sqrt(2 / d)) for _ in range(d)] for _ in range(h)]
        W2 = [[rng.gauss(0, math.sqrt(2 / h)) for _ in range(h)] for _ in range(k)]
        b1, b2 = [0.0] * h, [0.0] * k
        order = list(range(len(X)))
        for _ in range(self.epochs):
            rng.shuffle(order)
            for i in order:
                x = X[i]
                a = [max(0.0, sum(w * v for w, v in zip(W1[j], x)) + b1[j]) for j in range(h)]
                p = softmax([sum(w * v for w, v in zip(W2[c], a)) + b2[c] for c in range(k)])
                p[index[y[i]]] -= 1.0  # gradient of the cross-entropy with respect to the logits
                da = [sum(p[c] * W2[c][j] for c in range(k)) if a[j] > 0 else 0.0 for j in range(h)]
                for c in range(k):
                    g = self.lr * p[c]
                    W2[c] = [w - g * v for w, v in zip(W2[c], a)]
                    b2[c] -= g
                for j in range(h):
                    if da[j]:
                        g = self.lr * da[j]
                        W1[j] = [w - g * v for w, v in zip(W1[j], x)]
                        b1[j] -= g
        self.W1, self.b1, self.W2, self.b2 = W1, b1, W2, b2
        return self

    def predict_one(self, x):
        a = [max(0.0, sum(w * v for w, v in zip(self.W1[j], x)) + self.b1[j]) for j in range(self.h)]
        scores = [sum(w * v for w, v in zip(self.W2[c], a)) + self.b2[c] for c in range(len(self.classes))]
        return self.classes[scores.index(max(scores))]


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


# candidate -> (model class, its hyperparameters with their types, the feature columns it uses; None = all)
MODELS = {
    "logreg": (LogisticRegression, {"learning_rate": float, "epochs": int, "l2": float}, MFCC),
    "knn": (KNearestNeighbours, {"k": int}, None),
    "cnn": (SmallNeuralNetwork, {"hidden": int, "epochs": int, "learning_rate": float}, None),
}
SEEDED = {"cnn"}  # the models whose training uses the seed


def fail(message):
    sys.stderr.write(f"eval.py: {message}\n")
    sys.exit(2)


def seed_of(args):
    """--seed, else MLPROJECT_SEED, else 0."""
    if args.seed is not None:
        return args.seed
    text = os.environ.get("MLPROJECT_SEED") or "0"
    try:
        return int(text)
    except ValueError:
        fail(f"MLPROJECT_SEED is not a whole number: {text!r}")


def build(model, args):
    """The model of a candidate, with params from MLPROJECT_PARAMS overridden by command-line flags."""
    if model not in MODELS:
        fail(f"unknown model {model!r}; expected {', '.join(MODELS)}")
    cls, types, columns = MODELS[model]
    try:
        params = json.loads(os.environ.get("MLPROJECT_PARAMS") or "{}")
    except ValueError as e:
        fail(f"MLPROJECT_PARAMS is not JSON: {e}")
    flags = {"k": args.k, "hidden": args.hidden, "epochs": args.epochs, "learning_rate": args.learning_rate, "l2": args.l2}
    params.update({name: value for name, value in flags.items() if value is not None and name in types})
    unknown = sorted(set(params) - set(types))
    if unknown:
        fail(f"unknown params for {model}: {', '.join(unknown)}; known: {', '.join(types)}")
    try:
        kwargs = {name: types[name](value) for name, value in params.items()}
    except (TypeError, ValueError) as e:
        fail(f"bad param value for {model}: {e}")
    if model in SEEDED:
        kwargs["seed"] = seed_of(args)
    return cls(**kwargs), columns


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
    ap.add_argument("--k", type=int, help="knn: number of neighbours (default 7)")
    ap.add_argument("--hidden", type=int, help="cnn: hidden units (default 16)")
    ap.add_argument("--epochs", type=int, help="logreg, cnn: training epochs (default 150, 60)")
    ap.add_argument("--learning-rate", type=float, help="logreg, cnn: learning rate (default 0.5, 0.05)")
    ap.add_argument("--l2", type=float, help="logreg: L2 regularisation (default 0.001)")
    ap.add_argument("--seed", type=int, help="seed of the random parts of training (default: MLPROJECT_SEED, else 0)")
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
