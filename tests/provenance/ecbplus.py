"""ECB+ documents as articles: tokens joined back into sentences, one paragraph per sentence.

ECB+ keeps no paragraphs and no original spacing, so the text is rebuilt from its tokens with the
usual English spacing rules; "*ecbplus.xml" files carry their source URL as sentence 0, which is dropped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from xml.etree import ElementTree

from newsfuse.models import Article, article_id, join_paragraphs

_NO_SPACE_BEFORE = re.compile(r"^(?:[.,:;?!%)\]}”’]|'s|'re|'ve|'ll|'d|'m|n't|'|\"$)", re.IGNORECASE)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "“", "‘", "$", "#"})


def read_document(path: Path) -> Article:
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in ElementTree.parse(path).getroot().iter("token"):
        sentences[int(token.get("sentence", "0"))].append(token.text or "")
    if path.name.endswith("ecbplus.xml"):
        sentences.pop(0, None)
    texts = [_detokenize(tokens) for _, tokens in sorted(sentences.items())]
    texts = [text for text in texts if text]
    text, paragraphs = join_paragraphs(texts)
    return Article(id=article_id(text, title=path.name), text=text, paragraphs=paragraphs, path=str(path))


def read_topics(root: Path) -> dict[str, list[Article]]:
    """Documents grouped by story label (`<topic>_ecb` or `<topic>_ecbplus`), in file-name order."""
    stories: dict[str, list[Article]] = defaultdict(list)
    for path in sorted(root.glob("ECB+/*/*.xml")):
        topic = path.parent.name
        label = f"{topic}_ecbplus" if path.name.endswith("ecbplus.xml") else f"{topic}_ecb"
        stories[label].append(read_document(path))
    return dict(stories)


def _detokenize(tokens: list[str]) -> str:
    out = ""
    for token in tokens:
        token = token.strip()
        if not token:
            continue
        if out and not _NO_SPACE_BEFORE.match(token) and out[-1] not in _NO_SPACE_AFTER:
            out += " "
        out += token
    return out.strip()
