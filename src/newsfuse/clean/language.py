"""Which language an article is written in (ISO 639-1), by py3langid's offline model."""

from __future__ import annotations

from typing import Any

# Fewer letters than this give the classifier too little to go on; the language is left unknown.
MIN_LETTERS_FOR_LANGUAGE = 40
# Only the start of the text is classified: a few hundred words decide the language reliably.
SAMPLE_CHARS = 3000


class LanguageDetector:
    """Loads py3langid's model on first use and keeps it."""

    def __init__(self) -> None:
        self._model: Any = None

    def detect(self, text: str) -> str | None:
        sample = text[:SAMPLE_CHARS]
        if sum(map(str.isalpha, sample)) < MIN_LETTERS_FOR_LANGUAGE:
            return None
        if self._model is None:
            from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

            self._model = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
        language, _probability = self._model.classify(sample)
        return str(language)
