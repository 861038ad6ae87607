"""Our TF-IDF rows are scikit-learn's sub-linear, smoothed TF-IDF, without importing it on the brief's path."""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsfuse.text.sentences import split_sentences
from newsfuse.text.tfidf import tfidf_rows, with_bigrams
from newsfuse.text.words import content_stems
from tests.conftest import SEEDS, need


def test_rows_match_scikit_learn_on_real_sentences() -> None:
    texts = [s.text for path in sorted(need(SEEDS).glob("*.txt")) for s in split_sentences(path.read_text())][:300]
    terms = [with_bigrams(content_stems(text, numbers=False)) for text in texts]
    ours = tfidf_rows(terms)
    theirs = TfidfVectorizer(analyzer=lambda t: t, sublinear_tf=True, lowercase=False).fit_transform(terms)
    # Columns come in another order: compare what the stages use, the cosines between rows.
    assert np.allclose(ours @ ours.T, (theirs @ theirs.T).toarray())


def test_documents_without_terms_are_zero_rows() -> None:
    rows = tfidf_rows([[], ["fire"], []])
    assert rows.shape[0] == 3
    assert not rows[0].any() and not rows[2].any()
    assert np.isclose(np.linalg.norm(rows[1]), 1.0)
    assert tfidf_rows([[], []]).shape == (2, 1)
