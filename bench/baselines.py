"""Clustering baselines scored in the same harness run as wirecheck.

TF-IDF cosine with average-linkage agglomerative clustering is the usual non-learned
baseline for cross-document event clustering. Its distance threshold is swept and the best
one is kept *using the gold*, so the figure is an upper bound for that baseline, not a
held-out result.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import numpy as np
from metrics import ari, bcubed
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

THRESHOLDS = [round(0.05 * i, 2) for i in range(2, 20)]


def tfidf_agglomerative(texts: Mapping[str, str], gold: Mapping[str, Hashable]) -> dict[str, float]:
    """B-cubed F1 and ARI of TF-IDF + agglomerative clustering at its best distance threshold."""
    ids = [i for i in texts if i in gold]
    if len(ids) < 2:
        return {"baseline_tfidf_bcubed_f1": 0.0, "baseline_tfidf_ari": 0.0}
    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1).fit_transform(
        [texts[i] for i in ids]
    )
    similarity = (vectors @ vectors.T).toarray()
    distance = np.clip(1.0 - similarity, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    best = (-1.0, 0.0, 0.0)
    for threshold in THRESHOLDS:
        labels = fcluster(tree, t=threshold, criterion="distance")
        pred = dict(zip(ids, labels.tolist(), strict=True))
        f1 = bcubed(pred, gold)[2]
        if f1 > best[0]:
            best = (f1, ari(pred, gold), threshold)
    return {
        "baseline_tfidf_bcubed_f1": best[0],
        "baseline_tfidf_ari": best[1],
        "baseline_tfidf_threshold": best[2],
    }
