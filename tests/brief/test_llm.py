"""The LLM composer against a local server that speaks the OpenAI chat protocol (no network)."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsfuse.brief.llm import LlmComposer, LlmError, LlmSettings
from newsfuse.errors import ConfigError
from newsfuse.models.brief import Brief
from newsfuse.service import Newsfuse

_NUMBERED = re.compile(r"^\[(\d+)\] (.+)$", re.MULTILINE)


class _FakeModel(BaseHTTPRequestHandler):
    """Answers every section with one faithful line per input sentence, plus one invented line."""

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        request = json.loads(self.rfile.read(length))
        prompt = request["messages"][0]["content"]
        lines = [f"{text} [{n}]" for n, text in _NUMBERED.findall(prompt)]
        lines.append("Officials said 4,321 people were evacuated by Martian rescue crews. [1]")
        body = json.dumps({"choices": [{"message": {"role": "assistant", "content": "\n".join(lines)}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeModel)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def llm_brief(endpoint: str, seed_briefs: list[Brief]) -> Brief:
    service = Newsfuse(composer=LlmComposer(LlmSettings(endpoint, "fake-model", timeout=5)))
    return service.briefs(seed_briefs[0].articles)[0]


def test_the_brief_names_its_composer(llm_brief: Brief) -> None:
    assert llm_brief.composer == "llm:fake-model"


def test_invented_sentences_are_dropped(llm_brief: Brief) -> None:
    texts = [s.text for s in llm_brief.sections.all_sentences()]
    assert texts
    assert not any("4,321" in t or "Martian" in t for t in texts)


def test_every_kept_sentence_passes_the_check(service: Newsfuse, llm_brief: Brief) -> None:
    assert service.verify(llm_brief) == []


def test_faithful_rewordings_keep_their_citations(llm_brief: Brief, seed_briefs: list[Brief]) -> None:
    extractive = seed_briefs[0]
    assert [s.text for s in llm_brief.sections.what_happened] == [s.text for s in extractive.sections.what_happened]
    assert [s.sources for s in llm_brief.sections.what_happened] == [
        s.sources for s in extractive.sections.what_happened
    ]


def test_an_unreachable_endpoint_is_a_clear_error(seed_briefs: list[Brief]) -> None:
    composer = LlmComposer(LlmSettings("http://127.0.0.1:9/v1", "m", timeout=2))
    with pytest.raises(LlmError, match=r"127\.0\.0\.1:9"):
        composer.compose(seed_briefs[0].articles)


def test_a_non_http_endpoint_is_refused() -> None:
    with pytest.raises(ConfigError):
        LlmComposer(LlmSettings("file:///etc/passwd", "m"))
