"""An optional composer that has a language model reword the extractive brief, sentence by checked sentence.

Any OpenAI-compatible chat endpoint works (llama.cpp server, vLLM, Ollama, hosted APIs). The model
sees a section's extractive sentences, numbered, and must answer one sentence a line, each ending
with the numbers of the sentences it stands on ("... [1][3]"). Every answer sentence is checked
against those sentences' source spans (names, numbers, quotes and most words must be there); one
that fails, or cites nothing, is replaced by the extractive sentences it cited, or dropped.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from newsfuse.brief.extractive import Composition, ExtractiveComposer, SourceProfile
from newsfuse.brief.verify import check_sentence
from newsfuse.errors import ConfigError, NewsfuseError
from newsfuse.models import Article
from newsfuse.models.brief import CitedSentence, Sections

# A generous limit: small local models on a CPU take several seconds per section.
DEFAULT_TIMEOUT_S = 60.0
# The answer is read as plain text; anything longer than this is not a section of a brief.
MAX_ANSWER_CHARS = 20_000
_CITATION = re.compile(r"\[(\d+)\]")
_PROMPT = (
    "You rewrite the numbered sentences below into a short, neutral news paragraph for the section "
    "'{section}'. Use only facts stated in them; keep every name, number, date and quotation exactly as "
    "written. Answer with one sentence per line, and end each line with the numbers of the sentences it "
    "uses, like [1][3]. No other text.\n\n{numbered}"
)


@dataclass(frozen=True, slots=True)
class LlmSettings:
    url: str  # the endpoint's base URL, e.g. http://127.0.0.1:8080/v1
    model: str
    api_key: str | None = None
    timeout: float = DEFAULT_TIMEOUT_S


class LlmError(NewsfuseError):
    """The language model endpoint failed or answered in a form we cannot use."""


class LlmComposer:
    """Rewords each section with a chat model; keeps only sentences the check supports."""

    def __init__(self, settings: LlmSettings, base: ExtractiveComposer | None = None) -> None:
        if not settings.url.startswith(("http://", "https://")):
            raise ConfigError(f"LLM endpoint {settings.url!r}: expected an http(s) URL")
        self.settings = settings
        self.name = f"llm:{settings.model}"
        self._base = base or ExtractiveComposer()

    def compose(self, articles: Sequence[Article], profile: SourceProfile | None = None) -> Composition:
        draft = self._base.compose(articles, profile)
        by_id = {a.id: a for a in articles}
        rewritten: dict[str, tuple[CitedSentence, ...]] = {}
        for name, sentences in draft.sections.items():
            if name == "quick_read" or len(sentences) < 2:
                rewritten[name] = sentences  # bullets and single lines gain nothing from rewording
                continue
            answer = self._ask(name, sentences)
            rewritten[name] = tuple(checked(answer, sentences, by_id))
        return replace(draft, sections=Sections(**rewritten))

    def _ask(self, section: str, sentences: Sequence[CitedSentence]) -> str:
        numbered = "\n".join(f"[{i}] {s.text}" for i, s in enumerate(sentences, start=1))
        body = {
            "model": self.settings.model,
            "temperature": 0,
            "messages": [
                {"role": "user", "content": _PROMPT.format(section=section.replace("_", " "), numbered=numbered)}
            ],
        }
        headers = {"Content-Type": "application/json"}
        if self.settings.api_key:
            headers["Authorization"] = f"Bearer {self.settings.api_key}"
        request = urllib.request.Request(
            self.settings.url.rstrip("/") + "/chat/completions", data=json.dumps(body).encode(), headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=self.settings.timeout) as reply:
                payload = json.loads(reply.read(MAX_ANSWER_CHARS * 4))
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise LlmError(f"{self.settings.url}: {exc}") from None
        try:
            return str(payload["choices"][0]["message"]["content"])[:MAX_ANSWER_CHARS]
        except (KeyError, IndexError, TypeError):
            raise LlmError(f"{self.settings.url}: the answer has no choices[0].message.content") from None


def checked(answer: str, sources: Sequence[CitedSentence], articles: Mapping[str, Article]) -> list[CitedSentence]:
    """The answer's sentences that their cited sources support; the sources' own wording for the rest."""
    kept: list[CitedSentence] = []
    used: set[int] = set()
    for line in answer.splitlines():
        numbers = [int(n) for n in _CITATION.findall(line)]
        text = _CITATION.sub("", line).strip(" -•*\t")
        valid = [n for n in numbers if 1 <= n <= len(sources)]
        if not text:
            continue
        spans = tuple(span for n in dict.fromkeys(valid) for span in sources[n - 1].spans)
        candidate = CitedSentence(text, spans)
        if valid and not check_sentence(candidate, articles):
            kept.append(candidate)
            used.update(valid)
        else:
            for n in valid:  # fall back to what the model leaned on, in the sources' words
                if n not in used:
                    kept.append(sources[n - 1])
                    used.add(n)
    return kept
