"""The ingest stage: files, folders, JSON Lines, feeds and URLs in; raw documents (or failures) out.

Error model
-----------
A bad input never stops a batch. `Reader.read` yields, in input order, a `RawDocument` for each
document it could read and a `Failure(origin, problem)` for each it could not, and raises nothing:

- ``origin`` names the input as precisely as it can: the path or URL as given, a file inside a
  folder, ``path:LINE`` for one JSON line, ``path#N`` for the N-th feed item, an item's link.
- ``problem`` says what was wrong in one line, without a traceback: "empty input", "binary data,
  not text", "too large (52.4 MB; the limit is 21.0 MB)", "no such file or directory",
  "malformed JSON (... at column 7)", "not an RSS or Atom feed", "refused: example.org resolves to
  a private address 10.0.0.5", "redirected to http://10.0.0.5/: refused: ...", "HTTP 404".

Inside the stage, the helpers that handle one whole input (`decode_bytes`, `gunzip`, `read_feed`,
`Fetcher.get`) raise `InputError` (`FetchError` for the network) and the reader turns each into a
Failure; the readers of many records (`read_jsonl`, the items of `read_feed`) yield a Failure per
bad record and go on. Anything else escaping is a bug, which the property tests look for.

What is refused, and what is repaired instead:

- refused: empty or blank input; binary data; files over `ReadOptions.max_bytes` (by their size,
  before reading; capped while reading when the size is unknown); corrupt, truncated or oversized
  gzip, and ``.gz`` files that are not gzip; paths that do not exist, broken links, named pipes and
  other non-regular files, unreadable files and folders; folders without article files; text that
  is not a feed where a feed was expected, and feeds without items; feed items with no text;
  JSON lines that do not parse or are not records with ``text`` or ``html``; URLs that are not
  http(s), do not resolve, resolve (on any redirect hop) to loopback, private, link-local,
  multicast or reserved addresses, answer with an HTTP error, or exceed the size or time caps
  (decompressed size counts). Each hop connects to the address its check resolved, so a name cannot
  pass the check on one address and be fetched from another (DNS rebinding).
- repaired: legacy encodings are detected (Windows-1252 for Latin-1, UTF-16 with or without a
  byte-order mark); stray legacy bytes in a UTF-8 file are read as Windows-1252 and a character cut
  off at the end becomes U+FFFD; byte-order marks and CRLF line ends in JSON Lines are ignored;
  symbolic-link loops between folders are walked once; an unreachable item page falls back to the
  feed's own text (reported, since the page was skipped); lone surrogates (a JSON ``\ud800`` escape,
  an undecodable file name) become U+FFFD and NUL characters are dropped, in every field of every
  document, with a note on the document (`newsfuse.ingest.repair`), so that no store or encoder
  downstream meets them.
"""

from newsfuse.ingest.fetch import Fetcher, Response, Transport
from newsfuse.ingest.reader import Reader, ReadOptions, is_url

__all__ = ["Fetcher", "ReadOptions", "Reader", "Response", "Transport", "is_url"]
