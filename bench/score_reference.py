"""Python side of bench/score-cli.ts and bench/predict-speed.ts (Debian's python3-xgboost 1.7 and python3-pandas).

  /usr/bin/python3 bench/score_reference.py fit     TRAIN.csv LABEL MODEL.json   # once, not timed
  /usr/bin/python3 bench/score_reference.py score   MODEL.json IN.csv LABEL [OUT.csv]
  /usr/bin/python3 bench/score_reference.py inplace TRAIN.csv LABEL REPEATS      # prints RESULT {json}

`score` is the timed whole process: import pandas and xgboost, read the CSV with pandas, predict with the booster
(XGBoost's default threads), and with OUT.csv also write the input columns plus fraud_probability and decision
(pandas to_csv), as `vigil score` does.
"""
import sys


def fit(train_path, label, model_path):
    import pandas as pd
    import xgboost as xgb

    df = pd.read_csv(train_path)
    X, y = df.drop(columns=[label]), df[label]
    # Same settings as the bench model of ours: 100 rounds, depth 6, eta 0.1, lambda 1, min_child_weight 1, 256 bins.
    model = xgb.XGBClassifier(n_estimators=100, max_depth=6, learning_rate=0.1, reg_lambda=1.0, min_child_weight=1,
                              tree_method="hist", max_bin=256, random_state=42)
    model.fit(X, y)
    model.get_booster().save_model(model_path)


def score(model_path, in_path, label, out_path=None):
    import numpy as np
    import pandas as pd
    import xgboost as xgb

    booster = xgb.Booster(model_file=model_path)
    df = pd.read_csv(in_path)
    X = df.drop(columns=[label]) if label in df.columns else df
    p = booster.inplace_predict(X)
    if out_path:
        df["fraud_probability"] = np.round(p, 6)
        df["decision"] = np.where(p >= 0.5, "block", np.where(p >= 0.1, "review", "allow"))
        df.to_csv(out_path, index=False)
    print(f"scored {len(p)} rows, mean {float(np.mean(p)):.6f}", file=sys.stderr)


def inplace(train_path, label, repeats):
    """In-memory throughput: fit the bench model, then time booster.inplace_predict on the training rows."""
    import json
    import time

    import numpy as np
    import pandas as pd
    import xgboost as xgb

    df = pd.read_csv(train_path)
    X = np.ascontiguousarray(df.drop(columns=[label]).to_numpy(dtype=np.float64))
    model = xgb.XGBClassifier(n_estimators=100, max_depth=6, learning_rate=0.1, reg_lambda=1.0, min_child_weight=1,
                              tree_method="hist", max_bin=256, n_jobs=2, random_state=42).fit(X, df[label])
    booster = model.get_booster()
    out = {"nodes": sum(len(t.splitlines()) for t in booster.get_dump())}
    for threads in (1, 2):
        booster.set_param({"nthread": threads})
        booster.inplace_predict(X[:1000])  # first call sets up the predictor
        seconds = []
        for _ in range(int(repeats)):
            t0 = time.perf_counter()
            booster.inplace_predict(X)
            seconds.append(time.perf_counter() - t0)
        out[f"threads{threads}"] = seconds
    print("RESULT " + json.dumps(out))


if __name__ == "__main__":
    if sys.argv[1] == "fit":
        fit(*sys.argv[2:5])
    elif sys.argv[1] == "inplace":
        inplace(*sys.argv[2:5])
    else:
        score(*sys.argv[2:6])
