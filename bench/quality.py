"""Reference models for bench/quality.ts: XGBoost / sklearn on the same rows and the same validation split.

Usage: /usr/bin/python3 bench/quality.py <work-dir>   (work-dir written by quality.ts; prints one JSON line)
Needs Debian's python3-xgboost and python3-sklearn.
"""
import csv
import json
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import average_precision_score, roc_auc_score
from scipy.sparse import hstack, csr_matrix
import xgboost as xgb


def read(path):
    with open(path, newline='', encoding='utf-8-sig') as f:
        return list(csv.DictReader(f))


def split(n, valid):
    v = np.zeros(n, dtype=bool)
    v[valid] = True
    return ~v, v


def fit_xgb(X, y, tr, va, **kw):
    params = dict(n_estimators=300, max_depth=6, learning_rate=0.1, tree_method='hist', random_state=42, n_jobs=4)
    params.update(kw)
    m = xgb.XGBClassifier(**params)
    m.fit(X[tr], y[tr])
    return m.predict_proba(X[va])[:, 1]


def num(v):
    try:
        return float(v)
    except ValueError:
        return np.nan


def sparkov(cfg, out):
    rows = read(cfg['path'])
    y = np.array([int(r['is_fraud']) for r in rows])
    tr, va = split(len(rows), cfg['valid'])
    cats = {c: i for i, c in enumerate(sorted({r['category'] for r in rows}))}
    raw = ['amt', 'zip', 'lat', 'long', 'city_pop', 'merch_lat', 'merch_long']
    X = np.array([[num(r[c]) for c in raw] + [cats[r['category']], 1.0 if r['gender'] == 'F' else 0.0] for r in rows])
    p = fit_xgb(X, y, tr, va)
    out['sparkov_xgb_raw'] = {'pr_auc': average_precision_score(y[va], p), 'roc_auc': roc_auc_score(y[va], p)}
    # Same algorithm on Vigil's features: separates feature engineering from the learner.
    feats = read(cfg['features'])
    names = [k for k in feats[0].keys()]
    F = np.array([[num(r[k]) for k in names] for r in feats])
    p = fit_xgb(F, y, tr, va)
    out['sparkov_xgb_vigil_features'] = {'pr_auc': average_precision_score(y[va], p), 'roc_auc': roc_auc_score(y[va], p)}


def email_matrix(emails, tr):
    # As the seed-000 service: TF-IDF over character n-grams.
    vec = TfidfVectorizer(analyzer='char', ngram_range=(1, 5), max_features=5000, sublinear_tf=True)
    vec.fit([e for e, t in zip(emails, tr) if t])
    return vec.transform(emails)


def emails(cfg, out):
    rows = read(cfg['path'])
    y = np.array([int(r['label']) for r in rows])
    tr, va = split(len(rows), cfg['valid'])
    X = email_matrix([r['email'].lower() for r in rows], tr).tocsr()
    p = fit_xgb(X, y, tr, va)
    out['email_xgb_tfidf'] = {'pr_auc': average_precision_score(y[va], p), 'roc_auc': roc_auc_score(y[va], p)}


def aws(cfg, out):
    rows = read(cfg['path'])
    y = np.array([1 if r['EVENT_LABEL'] == 'fraud' else 0 for r in rows])
    tr, va = split(len(rows), cfg['valid'])
    E = email_matrix([r['email_address'].lower() for r in rows], tr)
    ip = np.array([[num(o) for o in r['ip_address'].split('.')[:4]] for r in rows])
    hour = np.array([[num(r['EVENT_TIMESTAMP'][11:13])] for r in rows])
    X = hstack([E, csr_matrix(np.nan_to_num(ip, nan=-1)), csr_matrix(hour)]).tocsr()
    p = fit_xgb(X, y, tr, va)
    out['aws_xgb'] = {'pr_auc': average_precision_score(y[va], p), 'roc_auc': roc_auc_score(y[va], p)}
    # The IP alone carries most of the signal in this synthetic set; n-grams of the addresses add noise.
    p = fit_xgb(np.nan_to_num(ip, nan=-1), y, tr, va)
    out['aws_xgb_ip'] = {'pr_auc': average_precision_score(y[va], p), 'roc_auc': roc_auc_score(y[va], p)}


def main():
    work = sys.argv[1]
    with open(f'{work}/config.json') as f:
        cfg = json.load(f)
    out = {'xgboost': xgb.__version__}
    for name, fn in [('sparkov', sparkov), ('email', emails), ('aws', aws)]:
        if name in cfg:
            fn(cfg[name], out)
    print(json.dumps(out))


if __name__ == '__main__':
    main()
