"""Reference timings for bench/train-speed.ts: XGBoost-hist and sklearn RandomForest on the same CSVs.

Usage: /usr/bin/python3 bench/reference.py TRAIN.csv TEST.csv [REPEATS]
Prints one line `RESULT {json}`. Needs Debian's python3-xgboost and python3-sklearn.
Peak RSS is measured per library in a forked child so one does not inflate the other.
"""
import json
import os
import resource
import sys
import time

import numpy as np


def load(path):
    data = np.genfromtxt(path, delimiter=",", skip_header=1, dtype=np.float64, filling_values=np.nan)
    return np.ascontiguousarray(data[:, :-1]), data[:, -1].astype(np.int32)


def run_xgboost(Xtr, ytr, Xte, yte, repeats):
    import xgboost as xgb
    from sklearn.metrics import roc_auc_score

    # Same settings as our GBDT: 100 rounds, depth 6, eta 0.1, lambda 1, min_child_weight 1, 256 bins, 2 threads.
    params = dict(n_estimators=100, max_depth=6, learning_rate=0.1, reg_lambda=1.0, min_child_weight=1,
                  tree_method="hist", max_bin=256, n_jobs=2, random_state=42)
    seconds, cpu_seconds, auc, score_seconds = [], [], 0.0, []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        model = xgb.XGBClassifier(**params).fit(Xtr, ytr)
        seconds.append(time.perf_counter() - t0)
        cpu_seconds.append(time.process_time() - c0)
        auc = roc_auc_score(yte, model.predict_proba(Xte)[:, 1])
    # Single-threaded like ours; inplace_predict avoids the DMatrix prediction cache.
    booster = model.get_booster()
    booster.set_param({"nthread": 1})
    for _ in range(repeats):
        t0 = time.perf_counter()
        booster.inplace_predict(Xtr)
        score_seconds.append(time.perf_counter() - t0)
    return dict(seconds=seconds, cpuSeconds=cpu_seconds, auc=auc, scoreSeconds=score_seconds)


def run_sklearn_rf(Xtr, ytr, Xte, yte, repeats):
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.metrics import roc_auc_score

    # sklearn 1.2's forest rejects NaN: impute with a sentinel below every value (like "missing goes left").
    fill = np.nanmin(Xtr) - 1.0
    Xtr, Xte = np.nan_to_num(Xtr, nan=fill), np.nan_to_num(Xte, nan=fill)
    params = dict(n_estimators=50, max_depth=12, min_samples_leaf=5, max_features="sqrt", bootstrap=True,
                  n_jobs=2, random_state=42)
    seconds, cpu_seconds, auc = [], [], 0.0
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        model = RandomForestClassifier(**params).fit(Xtr, ytr)
        seconds.append(time.perf_counter() - t0)
        # joblib's n_jobs=2 uses threads for forests, so process time covers both.
        cpu_seconds.append(time.process_time() - c0)
        auc = roc_auc_score(yte, model.predict_proba(Xte)[:, 1])
    return dict(seconds=seconds, cpuSeconds=cpu_seconds, auc=auc)


def in_child(fn, *args):
    """Run fn in a forked process; return its result plus that process's peak RSS in MB."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        result = fn(*args)
        result["maxRssMb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        with os.fdopen(write_fd, "w") as w:
            w.write(json.dumps(result))
        os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd) as r:
        payload = r.read()
    os.waitpid(pid, 0)
    return json.loads(payload)


def main():
    train_path, test_path = sys.argv[1], sys.argv[2]
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    Xtr, ytr = load(train_path)
    Xte, yte = load(test_path)
    out = {
        "xgboost": in_child(run_xgboost, Xtr, ytr, Xte, yte, repeats),
        "sklearn_rf": in_child(run_sklearn_rf, Xtr, ytr, Xte, yte, repeats),
    }
    print("RESULT " + json.dumps(out))


if __name__ == "__main__":
    main()
