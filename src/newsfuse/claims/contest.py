"""Does one statement contest (weaken) another? The one contest logic of the claims stage.

Signals, each a mechanism with a reason:
- a count of the same thing given a value the other's does not allow (`measures`: like with like,
  forecasts never against reports, amounts only of the same named thing);
- one statement denying what the other asserts (a content word both hold, negated in one only);
- the wording of argument in each statement: contesting words (deny, reject, dispute), contrast
  ("but", "however"), reported speech ("said", "according to"), quotation, negation;
- how much content the two share (which gates the denial).

The conflict finders raise a conflict only on the structural signals (a disagreeing count, a denial
of one statement reworded), which `Contest` carries as `numbers` and `denial`. `Contest.weakens` is
the decision over all signals, weighted by a logistic model fitted on ClaimDiff train only
(`scripts/fit-contest-model` writes `contest_model.json`; `newsfuse eval claims` applies it as is).

Given a `ClaimContext` (the story's claims, embedded once; only with the `claims-embed` extra),
`Contest.weakens` is decided by a second model over the same signals and the pair's embedding signals
(`contest_context`; `scripts/fit-contest-model --embeddings` writes `contest_model_embed.json`).
The structural signals, and so what the conflict finders read, are the same with or without it.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from newsfuse.claims.contest_context import EMBEDDING_FEATURES, ClaimContext, EmbeddingProjection, embedding_features
from newsfuse.claims.measures import Measured, compare, measured, text_numbers
from newsfuse.claims.story import coverage
from newsfuse.claims.units import REPORTING_VERBS
from newsfuse.errors import ConfigError
from newsfuse.text.lexicon import NEGATIONS
from newsfuse.text.words import content_stems, folded_words, is_content, stem

# Verbs and adjectives of contestation (the stems of deny, reject, dispute, ...): a statement built on
# one argues with a claim rather than reporting a fact. A closed class of English, not a topic list.
CONTESTING_STEMS = (
    "deni",
    "deny",
    "reject",
    "disput",
    "refut",
    "rebut",
    "dismiss",
    "counter",
    "contradict",
    "fals",
    "untru",
    "disagre",
    "challeng",
    "critic",
    "blast",
    "slam",
    "accus",
    "condemn",
    "denounc",
    "mislead",
    "wrong",
    "lie",
    "lied",
    "oppos",
    "doubt",
    "question",
    "skeptic",
    "sceptic",
    "claim",
    "insist",
)
# Two statements must share this share of the shorter one's content words before a negation on one
# side reads as denying the other (and not as a statement about something else). Chosen on the
# seeds' and the sample corpus' translated quotes (0.5-0.9 for one statement, under 0.3 otherwise).
NEGATION_OVERLAP_MIN = 0.5
# Words that set one statement against another or hedge it: a closed class of English.
CONTRAST_WORDS = frozenset({"but", "however", "although", "though", "yet", "despite", "whereas", "instead", "rather"})
# The fitted weights: written by scripts/fit-contest-model from ClaimDiff train, shipped with the package.
MODEL_FILE = "contest_model.json"
# The second model's weights (with embeddings), written by scripts/fit-contest-model --embeddings.
EMBEDDED_MODEL_FILE = "contest_model_embed.json"

# The names of `contest_features`, in order: the two structural signals of the pair, then each
# wording signal counted over both statements (the relation is symmetric: a pair weakens each other
# both ways in 92% of ClaimDiff train's mirrored pairs). Chosen on train's topic-held-out estimate
# (F1 of "weakens"): these seven 26.0; adding the shared content 23.7; adding the gaps between the
# two statements' counts as well 21.7.
WORDING = ("contesting", "contrast", "reporting", "quoting", "negation")
FEATURES = ("numbers", "denial", *(f"{w}_both" for w in WORDING))
EMBEDDED_FEATURES = (*FEATURES, *EMBEDDING_FEATURES)

_WORD = re.compile(r"[a-z]+")
_REPORTING = frozenset([*REPORTING_VERBS, "according", "say", "tell", "comment"])


@dataclass(frozen=True, slots=True)
class Contest:
    """Why `b` may contest `a`: the structural signals in words, the wording signals, and the model's
    probability that `b` weakens `a`."""

    numbers: str | None  # "41 people against 14 people"
    denial: bool  # one statement negates what the other states
    contesting_a: tuple[str, ...]  # contesting words in a
    contesting_b: tuple[str, ...]  # contesting words in b
    shared: float  # share of the shorter statement's content words the other holds
    features: tuple[float, ...]  # every signal as a number, in the order of FEATURES (EMBEDDED_FEATURES)
    probability: float  # the fitted model's probability that b weakens a
    threshold: float  # the probability from which the model says "weakens"

    @property
    def reasons(self) -> tuple[str, ...]:
        found = []
        if self.numbers:
            found.append(self.numbers)
        if self.denial:
            found.append("one statement denies what the other asserts")
        words = sorted({*self.contesting_a, *self.contesting_b})
        if words:
            found.append("contesting wording: " + ", ".join(words))
        return tuple(found)

    @property
    def structural(self) -> bool:
        """A disagreeing count or a denial: what the conflict finders raise a conflict on."""
        return self.numbers is not None or self.denial

    @property
    def weakens(self) -> bool:
        return self.probability >= self.threshold


@dataclass(frozen=True, slots=True)
class ContestModel:
    """A logistic model over standardised `FEATURES`."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float

    def probability(self, features: tuple[float, ...]) -> float:
        z = self.intercept + sum(
            w * (x - m) / s for w, x, m, s in zip(self.weights, features, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-z))

    @staticmethod
    def from_json(data: dict[str, Any], features: tuple[str, ...] = FEATURES, name: str = MODEL_FILE) -> ContestModel:
        if tuple(data.get("features", ())) != features:
            raise ConfigError(f"{name}: its features {data.get('features')} are not {list(features)}")
        return ContestModel(
            mean=tuple(float(x) for x in data["mean"]),
            scale=tuple(float(x) for x in data["scale"]),
            weights=tuple(float(x) for x in data["weights"]),
            intercept=float(data["intercept"]),
            threshold=float(data["threshold"]),
        )


@lru_cache(maxsize=1)
def shipped_model() -> ContestModel:
    """The model fitted on ClaimDiff train, as shipped with the package."""
    text = resources.files("newsfuse.claims").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return ContestModel.from_json(json.loads(text))


@dataclass(frozen=True, slots=True)
class EmbeddedContestModel:
    """The logistic model over EMBEDDED_FEATURES, and the projection of |a - b| it was fitted with."""

    logistic: ContestModel
    projection: EmbeddingProjection

    @staticmethod
    def from_json(data: dict[str, Any]) -> EmbeddedContestModel:
        projection = data["projection"]
        return EmbeddedContestModel(
            ContestModel.from_json(data, EMBEDDED_FEATURES, EMBEDDED_MODEL_FILE),
            EmbeddingProjection(
                tuple(float(x) for x in projection["mean"]),
                tuple(tuple(float(x) for x in row) for row in projection["components"]),
            ),
        )


@lru_cache(maxsize=1)
def shipped_embedded_model() -> EmbeddedContestModel:
    """The model with embeddings fitted on ClaimDiff train, as shipped with the package."""
    text = resources.files("newsfuse.claims").joinpath(EMBEDDED_MODEL_FILE).read_text(encoding="utf-8")
    return EmbeddedContestModel.from_json(json.loads(text))


def contests(
    a: str,
    b: str,
    model: ContestModel | EmbeddedContestModel | None = None,
    context: ClaimContext | None = None,
) -> Contest:
    """The signals that statement `b` contests statement `a`, and the model's verdict: the structural
    model's, or with `context` (the story's claims, `contest_context.claim_context`) the embedded one's."""
    numbers, denial, shared, features = _signals(a, b)
    if context is None:
        model = model or shipped_model()
        if not isinstance(model, ContestModel):
            raise ConfigError("the contest model with embeddings needs the story's claims (a ClaimContext)")
        probability, threshold = model.probability(features), model.threshold
    else:
        embedded = model or shipped_embedded_model()
        if not isinstance(embedded, EmbeddedContestModel):
            raise ConfigError("a ClaimContext is read by the contest model with embeddings only")
        features = (*features, *embedding_features(context, embedded.projection, a, b))
        probability, threshold = embedded.logistic.probability(features), embedded.logistic.threshold
    return Contest(
        numbers=numbers,
        denial=denial,
        contesting_a=tuple(_contesting(a)),
        contesting_b=tuple(_contesting(b)),
        shared=shared,
        features=features,
        probability=probability,
        threshold=threshold,
    )


def contest_features(a: str, b: str) -> tuple[float, ...]:
    """The signals as numbers, in the order of FEATURES (what the model is fitted on)."""
    return _signals(a, b)[3]


def _signals(a: str, b: str) -> tuple[str | None, bool, float, tuple[float, ...]]:
    shared = coverage(a, b)
    numbers = _numbers_disagree(a, b)
    denial = shared >= NEGATION_OVERLAP_MIN and denies_shared(a, b)
    wa, wb = _wording(a), _wording(b)
    features = (float(numbers is not None), float(denial), *(float(x + y) for x, y in zip(wa, wb, strict=True)))
    return numbers, denial, shared, features


def _wording(text: str) -> tuple[int, ...]:
    """Counts of the wording signals of one statement, in the order of WORDING."""
    words = folded_words(text)
    return (
        len(_contesting(text)),
        sum(w in CONTRAST_WORDS for w in words),
        sum(w in _REPORTING for w in words),
        int(any(mark in text for mark in "\"“”")),
        sum(w in NEGATIONS for w in words),
    )


def _numbers_disagree(a: str, b: str) -> str | None:
    """A count of one noun given two values that do not meet. Bare text has no parse, so the counted
    noun must be written out on both sides, and a count that finds its match on the other side is
    spoken for ("three people died and 41 were hurt" against "three people died and 14 people ...")."""
    left = [m for n in text_numbers(a, "a") if (m := measured(n)) is not None and n.noun_lemma]
    right = [m for n in text_numbers(b, "b") if (m := measured(n)) is not None and n.noun_lemma]

    def comparable(x: Measured, y: Measured) -> bool:
        # The written noun is the only evidence of what is counted; a forecast is never a report.
        same_thing = x.number.noun_lemma == y.number.noun_lemma and x.quantity.family == y.quantity.family
        return same_thing and x.number.stance == y.number.stance

    def agrees(x: Measured, y: Measured) -> bool:
        verdict = compare(x.number, y.number)
        return verdict is not None and verdict.agree

    open_left = [x for x in left if not any(comparable(x, y) and agrees(x, y) for y in right)]
    open_right = [y for y in right if not any(comparable(x, y) and agrees(x, y) for x in left)]
    for x in open_left:
        for y in open_right:
            if comparable(x, y):
                return f"{x.number.text} {x.number.noun} against {y.number.text} {y.number.noun}"
    return None


def _contesting(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if any(w.startswith(s) for s in CONTESTING_STEMS)]


# How far after a negation its scope is looked for: "has not yet formally passed" reaches "pass".
NEGATION_REACH = 4


def negation_parity(text: str) -> int:
    """1 when the text holds an odd number of negations (it denies), else 0 ("no one", "not without" cancel)."""
    return len(_negations(folded_words(text))) % 2


def _negations(words: list[str]) -> list[int]:
    """Where the negations stand; "No." before a number ("the No. 1 team") is an abbreviation."""
    return [
        i
        for i, word in enumerate(words)
        if word in NEGATIONS and not (word == "no" and i + 1 < len(words) and words[i + 1][:1].isdigit())
    ]


def negated_stems(text: str) -> set[str]:
    """The content stems a negation governs an odd number of times: "not passed" negates "pass",
    "not without a sense" negates nothing (two negations reach "sense"). A verb of saying ends the
    reach: "would not say why the permit was denied" negates the saying, not the permit."""
    words = folded_words(text)
    counts: dict[str, int] = {}
    for index in _negations(words):
        for after in words[index + 1 : index + 1 + NEGATION_REACH]:
            if after in _REPORTING:
                break
            if is_content(after) and not after.isdigit():
                counts[stem(after)] = counts.get(stem(after), 0) + 1
                break
    return {word for word, count in counts.items() if count % 2}


def denies_shared(a: str, b: str) -> bool:
    """Whether one text negates what the other states: the two differ in polarity, and a content word
    stands in both, governed by a negation in one and not in the other. "No gun has been recovered"
    and "the gun has not been recovered" each deny once: they agree."""
    if negation_parity(a) == negation_parity(b):
        return False
    neg_a, neg_b = negated_stems(a), negated_stems(b)
    shared = set(content_stems(a, numbers=False)) & set(content_stems(b, numbers=False))
    return bool((neg_a ^ neg_b) & shared)
