"""Starter evaluation script, written by "ML Project: Configure Evaluation". Python 3, standard library only.

    python3 eval.py --candidate baseline --data data/test.csv --out metrics.json

It is run by "ML Project: Run Evaluation" and `mlproject eval` through `evaluation.command` in .mlproject.yaml,
once per candidate. It reads:
  --candidate  the candidate id          (default: $MLPROJECT_CANDIDATE)
  --out        where to write metrics    (default: $MLPROJECT_METRICS_FILE)
  --seed       the seed of a sweep       (default: $MLPROJECT_SEED, else 0)
  --data       the evaluation dataset    (the command passes `evaluation.dataset`)
  --label      the label column of a CSV (default: a column named label, target, class or y)
and writes one JSON object of metric name -> number, the format mlproject reads.

EXAMPLE ONLY. What it measures is real but trivial, so that the pipeline runs end to end on the first day:
  rows                       the number of data rows (CSV rows, or lines of another file)
  example_majority_accuracy  the accuracy of always predicting the most common label (a CSV with a label column)
Every candidate is scored with that majority-class predictor until you add its model to MODELS below; the
metric's name says what was measured, so no candidate gets credit for a model it does not have. Replace the
example with your own metrics (the ones named in goal.success_criteria) as soon as a candidate has a model.
"""
import argparse
import csv
import json
import os
import random
import sys
from collections import Counter

LABEL_NAMES = ("label", "target", "class", "y")
PROG = os.path.basename(sys.argv[0])


def majority_class(train_labels):
    """The simplest baseline: always predict the most common label."""
    most_common = Counter(train_labels).most_common(1)[0][0]
    return lambda row: most_common


# Candidate id -> a function that builds a predictor (row -> label) from the training labels.
# Add your candidates here; the ids are the ones in `candidates:` of .mlproject.yaml.
MODELS = {"majority": majority_class}


def read_rows(path, label):
    """The CSV's rows and its label column (None when there is none), or None when the file is not a CSV."""
    if not path.lower().endswith(".csv"):
        return None
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        columns = reader.fieldnames or []
    if label is None:
        label = next((c for c in columns if c.strip().lower() in LABEL_NAMES), None)
    elif label not in columns:
        sys.exit(f"{PROG}: {path} has no column {label!r} (columns: {', '.join(columns)})")
    return rows, label


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for line in f if line.strip())


def evaluate(candidate, data, label):
    if os.path.isdir(data):
        return {"rows": sum(len(files) for _, _, files in os.walk(data))}
    table = read_rows(data, label)
    if table is None:
        return {"rows": count_lines(data)}
    rows, label = table
    metrics = {"rows": len(rows)}
    if label is None:
        print(f"{PROG}: {data} has no column named {', '.join(LABEL_NAMES)}: pass --label <column> to score a label",
              file=sys.stderr)
    if label is None or not rows:
        return metrics
    labels = [r[label] for r in rows]
    if candidate not in MODELS:
        print(f"{PROG}: candidate {candidate!r} has no model in MODELS yet; scoring the majority-class example",
              file=sys.stderr)
    # The example learns and scores on the same rows: a real evaluation trains elsewhere and scores held-out data.
    predict = MODELS.get(candidate, majority_class)(labels)
    correct = sum(1 for r in rows if predict(r) == r[label])
    metrics["example_majority_accuracy"] = correct / len(rows)
    return metrics


def main():
    parser = argparse.ArgumentParser(description="Evaluate one candidate and write its metrics as JSON.")
    parser.add_argument("--candidate", default=os.environ.get("MLPROJECT_CANDIDATE"))
    parser.add_argument("--out", default=os.environ.get("MLPROJECT_METRICS_FILE"))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("MLPROJECT_SEED") or 0))
    parser.add_argument("--data")
    parser.add_argument("--label")
    args = parser.parse_args()
    if not args.candidate:
        parser.error("no candidate: pass --candidate or set MLPROJECT_CANDIDATE")
    if not args.out:
        parser.error("no metrics file: pass --out or set MLPROJECT_METRICS_FILE")
    if not args.data:
        parser.error("no dataset: pass --data (set evaluation.dataset and put --data <path> in evaluation.command)")
    if not os.path.exists(args.data):
        sys.exit(f"{PROG}: the dataset {args.data} does not exist")
    random.seed(args.seed)  # every random part of a model should draw from this, so that a sweep's seeds matter
    metrics = evaluate(args.candidate, args.data, args.label)
    folder = os.path.dirname(args.out)
    if folder:
        os.makedirs(folder, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(metrics, f, indent=2)
        f.write("\n")
    print(f"{PROG}: {args.candidate}: {json.dumps(metrics)}")


if __name__ == "__main__":
    main()
