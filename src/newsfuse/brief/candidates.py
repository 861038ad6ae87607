"""Candidate sentences for a brief: every well-formed body sentence of every article, with its span.

A sentence leaning on the one before it ("He said ...", "Castellan was ...") is usable only when
the person it stands for is certain; it then gets that person's name, and the place where the name
is written is cited beside it. Page clutter, headlines repeated in the body and sentences with no
usable whole form are left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from newsfuse.brief.clutter import clutter
from newsfuse.brief.compress import trim
from newsfuse.brief.elsewhere import StoryNames
from newsfuse.extract.leads import LEAD_PARAGRAPHS
from newsfuse.extract.quote_marks import quote_regions
from newsfuse.models import Article, Span
from newsfuse.text.lexicon import COURTESY_TITLES, other_gender_in
from newsfuse.text.sentences import split_sentences
from newsfuse.text.words import word_count, words

# Sentences shorter than this are fragments or captions; longer ones are run-ons that make poor
# brief lines. First read off the seed and sample articles; measured since on NeuS's calibration
# stories (ROUGE of the lede, `newsfuse eval summaries --part calibration`): shortest 4 / 6 / 8 words
# give R-1 42.69 / 42.70 / 42.72, flat; longest 40 / 55 / 70 give 41.61 / 42.70 / 42.76, and on the
# held-out stories 45 / 55 / 70 give 42.77 / 43.17 / 43.14. The audit's dev half (ECB+, NeuS) does
# not move at 5 or 8, 45 or 70. Both kept: shorter caps cost the lede its sentences, longer ones
# gain nothing.
MIN_WORDS = 6
MAX_WORDS = 55

_START_PRONOUN = re.compile(r"^(?P<pronoun>He|She|His|Her)(?=\s)")
# Openings that lean on the sentence before: a pronoun, a conjunction, or an adverb of sequence or
# comparison ("Later in the round ...": which round?).
_DANGLING_START = re.compile(
    r"^(?:It|They|Their|This|These|That|Those|But|And|Also|However|Meanwhile|Still|So|Yet|Then|Later|Earlier"
    r"|Afterwards|Instead|Otherwise|Similarly|Likewise|Moreover|Furthermore|Besides|Additionally|In\s+addition"
    r"|In\s+turn|As\s+a\s+result|After\s+all|Because\s+of\s+(?:this|that|it))\b"
    # A time told only against the sentence before ("Previously, federal agencies were required to
    # consult ...": before the rule the article just named, not before today's reversal of it), and a
    # contrast or concession with what it answers ("By contrast, Trump has just 5 percent ...").
    r"|^(?:Previously|Formerly|Until\s+then|Before\s+(?:that|then)|By\s+then|Since\s+then|At\s+(?:that|the)\s+time"
    r"|By\s+contrast|In\s+contrast|On\s+the\s+other\s+hand|Conversely|Nevertheless|Nonetheless|Even\s+so),"
    # An attribution whose content is another sentence ('... atmosphere." Politico reported, citing
    # interviews with 22 aides.'): what was reported is not in it.
    r"|^(?:[A-Z][\w.'’-]*\s+){1,4}(?:reported|said|says|added|wrote|noted)(?:\s*\.$|,\s+(?:citing|according)\b[^,;]*\.$)"
    # ... or whose only other words name the audience or the occasion ("Tim Fanning told a news
    # conference.", "The agency said in a statement."): the sentence before holds what was said.
    r"|^(?:[A-Z][\w.'’-]*\s+){1,4}(?:reported|said|says|added|wrote|noted|told|tells)\s+(?:(?:reporters|journalists|today|yesterday|(?:on\s+)?[A-Z][a-z]+day)"
    r"|(?:(?:in|at|to|on|during)\s+)?(?:a|an|the|his|her|their)\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+)\s*\.$"
    # An ordinal or a repetition set off by a comma ("First, Ratliff fooled ...", "Again, the Jaguars
    # couldn't ..."): the first of what, again after what, is in the sentences around it.
    r"|^(?:First|Second|Third|Next|Finally|Again|Once\s+again|Once\s+more)\s*,"
    # An example, an addition or a restatement of what the sentence before claims ("For instance,
    # Hispanic unemployment is at a new low", "What's more, Clinton has largely ignored ...", "Among
    # them: a deduction for interest expenses ..."): the claim it serves is not in it.
    r"|^(?:For\s+instance|For\s+example|What['’]s\s+more|In\s+other\s+words|That\s+said)\s*[,:]"
    r"|^(?:Among|Of)\s+(?:them|those)\s*(?:[,:]|(?:were|was|are|is)\b)"
    r"|^(?:By|At|Toward|Towards)\s+the\s+end\b(?!\s+of\b)"  # the end of what?
    r"|^(?:He|She|They|It)['’]\w+"  # a contraction ("He'll", "She's"): a pronoun that cannot take a name
    # A preposition whose object is a bare demonstrative ("Amid that,", "Despite this,", "After those"):
    # what it points at is in the sentence before.
    r"|^[A-Z][a-z]*(?:\s+of)?\s+(?:this|that|these|those)\s*[,;]"
    # A span of time counted from something told before ("Three years after that,", "Two days later,").
    # "A little more than a year later," counts as far from it as "Two days later,".
    r"|^(?:[A-Z]\w*|[Aa]n?)\s+(?:\w+\s+){0,4}?(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+"
    r"(?:later\b|after\s+(?:this|that|these|those)\b)"
    # A contrast set off after the sentence's first words ("Recently, however, it issued ...", "The
    # company, though, said ..."): what it contrasts with is in the sentence before. ("Oil,
    # meanwhile, plunged 15%" only moves to another market: it stands alone.)
    r"|^(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+,\s+(?:however|though|instead),"
    # A subject counted against people told before ("Many more had been too young to vote.", "Two
    # others were hurt."): more than whom?
    r"|^(?:(?:[A-Z]\w*)\s+(?:more|fewer|others)|More|Fewer|Others)\s+(?:had|have|has|were|was|are|is|did|do|will|would)\b"
    # ... or a bare span ("Minutes later, he shot ...").
    r"|^(?:Moments|Seconds|Minutes|Hours|Days|Weeks|Months|Years)\s+(?:later|afterwards?)\b"
)
# A person told only by age or birthplace ("The 53-year-old ...", "The New Zealand-born Australian
# ..."): reporters use such an epithet for someone they have already named, in a sentence before.
_EPITHET_START = re.compile(
    r"^The\s+(?:(?!of\b)[\w’'-]+\s+){0,2}?(?:\d+\s*-\s*year\s*-\s*old|[A-Z]\w*(?:\s+[A-Z]\w*)?\s*-\s*born)\b"
)
# A sentence that ends on a preposition and a bare demonstrative ("available on demand after that.")
# points at something in the sentence before, as an opening "Amid that," does.
_DANGLING_END = re.compile(r"\b(?:after|before|since|until|despite|besides|like|than)\s+(?:this|that|these|those)[.!]$")
# An example set off inside the sentence ("By the time the debates began, for instance, Trump was at
# the top ...") illustrates a claim made before it, as an opening "For instance," does.
_EXAMPLE_OF = re.compile(r",\s+for\s+(?:instance|example)\s*,")
# A sentence opening on one capitalised word and then a lower-case one ("Castellan was ...", or a
# clause set off by a comma: "Scott, who was black, was shot ..."): when that word is a person's
# surname, the person was named in full earlier in the article.
_ONE_WORD_START = re.compile(r"^(?P<word>[A-Z][a-z'’-]+)(?=,?\s+[a-z])")
# The antecedent of a leading pronoun is the subject of the sentence before: a person named within
# its first words ("Comeaux, 49, took ...", "Actress Lindsay Lohan checked ..."), titles allowed.
SUBJECT_WORDS = 3
_QUOTATION_START = re.compile(r"^[“\"]")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_SPEECH_VERB = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|asked|wrote|writes|argued|insisted|declared|warned|"
    r"stated|explained|tweeted|according)\b",
    re.IGNORECASE,
)
_PRONOUN_SPEAKER = re.compile(r"^[\s,.;:!?—–-]*(?:he|she|they|it|we|i)\s+\w+\b", re.IGNORECASE)
# Indirect speech credited only to a pronoun at its end ("..., she said."): who "she" is lies in
# another sentence, which the brief may not show.
_PRONOUN_CREDIT = re.compile(
    r",\s+(?:he|she|they)\s+(?:said|says|added|adds|told\s[^,.]{1,40}|explained|warned|wrote)\.?$"
)
# A personal pronoun in a sentence's opening words, after no noun that could stand for it ("By the
# time she got home, ...", "When he arrived, ..."): it leans on an earlier sentence.
_EARLY_PRONOUN = re.compile(r"^(?:[A-Z][a-z]*)(?:\s+[a-z]+){0,2}\s+(?:he|she|his|her)\b")
# A he/she as the subject of what a speaker said, when the speaker before the verb of saying is a
# common noun ("Police said he was a disgruntled employee ..."): who "he" is lies in an earlier
# sentence, perhaps about another event. "Smith said he ..." names the one it may stand for, and stays.
_REPORTED_PRONOUN = re.compile(
    r"^(?P<opening>(?P<first>[A-Z][a-z]+)(?:\s+[a-z][\w’'-]*){0,2})\s+(?:said|says|say|told\s+\w+|believes?|believed)"
    r"\s+(?:that\s+)?(?:he|she|his|her)\b"
)
# A subordinate clause standing as a sentence, with no main clause after it ("Because Obama's
# withdrawal led to the increasing influence of Iran."): it finishes the sentence before.
_CLAUSE_ONLY = re.compile(r"^(?:Because|Although|Though|Whereas)\b(?!\s+of\b)[^,;:—–]*$")
# Determiners and prepositions: an opening made only of these and one capitalised word names nobody.
_FRAME_WORDS = frozenset("by the time when after before as while once until since if though although".split())


@dataclass(frozen=True, slots=True)
class NamedPerson:
    """Where an article names a person: the text as written and the person's canonical name."""

    name: str
    text: str
    span: Span


# Per article id, the person mentions of that article in text order (from the extract stage).
People = Mapping[str, Sequence[NamedPerson]]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A source sentence. `text` may differ from the span's text only by a resolved leading pronoun or surname."""

    article_id: str
    span: Span
    text: str
    article_index: int
    paragraph_index: int
    position: float  # 0 at the article's start, 1 at its end
    is_list_item: bool
    in_lead: bool  # the first sentence of one of the article's first two prose paragraphs
    extra_spans: tuple[Span, ...] = ()  # where a substituted name was found
    # The line as the brief shows it, where it names in full a person `text` names by surname alone
    # (past its opening, or at it from another article of the story), and where those full names
    # were found, in this article or another. Ranking and grouping read `text`, so that naming
    # someone in full moves no line in or out.
    shown: str = ""
    shown_spans: tuple[Span, ...] = ()


def collect(articles: Sequence[Article], people: People | None = None) -> list[Candidate]:
    titles = {_key(a.title) for a in articles if a.title and word_count(a.title) >= 3}
    story = StoryNames.of(articles, people or {})
    out: list[Candidate] = []
    for article_index, article in enumerate(articles):
        length = max(len(article.text), 1)
        mentions = tuple(people.get(article.id, ())) if people else ()
        previous: tuple[int, int] | None = None
        prose_rank = 0
        for paragraph_index, paragraph in enumerate(article.paragraphs):
            body = article.text[paragraph.start : paragraph.end]
            for number, sentence in enumerate(split_sentences(body, offset=paragraph.start)):
                in_lead = number == 0 and not paragraph.is_list_item and prose_rank < LEAD_PARAGRAPHS
                candidate = _candidate(
                    article,
                    (article_index, paragraph_index, paragraph.is_list_item, in_lead),
                    sentence.start,
                    sentence.end,
                    length,
                    previous,
                    mentions,
                    (titles, story),
                )
                previous = (sentence.start, sentence.end)
                if candidate is not None:
                    out.append(candidate)
            if not paragraph.is_list_item:
                prose_rank += 1
    return out


def _key(text: str) -> str:
    return " ".join(w.lower() for w in words(text))


def _candidate(
    article: Article,
    where: tuple[int, int, bool, bool],
    start: int,
    end: int,
    length: int,
    previous: tuple[int, int] | None,
    mentions: Sequence[NamedPerson],
    story_wide: tuple[set[str], StoryNames],
) -> Candidate | None:
    article_index, paragraph_index, is_item, in_lead = where
    titles, story = story_wide
    kept = trim(article.text[start:end])
    start, end, text = start + kept.start, start + kept.end, kept.text
    if not MIN_WORDS <= word_count(text) <= MAX_WORDS or text.endswith("?") or not _balanced(text):
        return None
    if clutter(text) or _repeats_title(text, titles) or _speakerless_quotation(text) or _PRONOUN_CREDIT.search(text):
        return None
    if (
        _DANGLING_START.match(text)
        or _DANGLING_END.search(text)
        or _EXAMPLE_OF.search(text)
        or _CLAUSE_ONLY.match(text)
        or _unnamed_speaker_pronoun(text, article.text, start, mentions)
        or (_EPITHET_START.match(text) and not any(start <= m.span.start < end for m in mentions))
    ):
        return None  # leans on the sentence before it
    extra: tuple[Span, ...] = ()
    pronoun = _START_PRONOUN.match(text)
    if pronoun:
        resolved = _antecedent(article, text, pronoun.group("pronoun"), previous, mentions, story)
        if resolved is None:
            return None  # nobody certain to stand for the pronoun: the sentence cannot stand alone
        name, extra = resolved
        possessive = pronoun.group("pronoun") in ("His", "Her")
        text = (name + "’s" if possessive else name) + text[len(pronoun.group("pronoun")) :]
    elif _unnamed_pronoun(text):
        return None
    else:
        surname = _ONE_WORD_START.match(text)
        word = surname.group("word") if surname else ""
        full = _full_name(word, start, mentions, story) if surname else None
        if surname and full is None and not any(m.span.start == start for m in mentions):
            full = _named_before(word, start, mentions, story) or _written_full_name(article, word, start)
        if surname and full:
            text = full.text + text[len(surname.group("word")) :]
            extra = (full.span,)
    shown, introduced = _introduce_surnames(article, text, (start, end), mentions, story)
    return Candidate(
        article_id=article.id,
        span=Span(article.id, start, end),
        text=text,
        article_index=article_index,
        paragraph_index=paragraph_index,
        position=start / length,
        is_list_item=is_item,
        in_lead=in_lead,
        extra_spans=extra,
        shown=shown if introduced else "",
        shown_spans=introduced,
    )


# A courtesy title the full name replaces ("Ms. Epstein" -> "Lee Epstein"): it says only what the
# given name tells; other titles (Dr., Sen., Gov.) carry a role and stay out of reach of the rule.
_COURTESY_TITLE = re.compile(rf"\b(?:{'|'.join(COURTESY_TITLES)})\.?\s+$")
# An article before a bare surname makes it a modifier of the noun after it ("the Scalia mold"); an
# elder or younger one tells apart relatives who share it ("The elder Klitschko", Vitali, in a report
# that names only Wladimir in full).
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w.’'-]*\s+$")
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|a|an|elder|younger|older)\s+$", re.IGNORECASE)


def _introduce_surnames(
    article: Article, text: str, where: tuple[int, int], mentions: Sequence[NamedPerson], story: StoryNames
) -> tuple[str, tuple[Span, ...]]:
    """The line with each person it names by surname alone, past its opening, named in full as the
    article named them before (news style names a person in full once, then by surname; a brief line
    shown alone would otherwise bring in a "Lazar" or a "Ms. Epstein" the reader never met), and the
    spans of those full names. Only the person's first mention in the line, never inside a
    quotation (a speaker's words stay as said), and only where `_full_name` finds one person.

    Where the article never names the person in full before the line, the full name another article
    of the story writes for them (`StoryNames.named_elsewhere`), at the opening too when the
    opening's own rule found none ("Friends say Manafort ...", a report that assumes its reader met
    him)."""
    start, end = where
    shift = len(text) - (end - start)  # the opening's substitution changed only the line's start
    source = article.text[start:end]
    quoted = [(r.outer_start, r.outer_end) for r in quote_regions(source)]
    named: set[str] = {m.name for m in mentions if start <= m.span.start < end and " " in m.text}
    edits: list[tuple[int, int, NamedPerson]] = []
    for mention in mentions:
        at = mention.span.start - start
        if not 0 <= at < end - start or mention.name in named:
            continue
        named.add(mention.name)  # the line's first mention of the person: later ones follow it
        if " " in mention.text or any(a <= at < b for a, b in quoted) or (at == 0 and shift):
            continue  # written in full, a speaker's words, or an opening the opening's rule named
        after = at + len(mention.text)
        hyphened = "-" in (source[after : after + 1], source[at - 1 : at] if at else "")
        if _ATTRIBUTIVE_BEFORE.search(source[:at]) or hyphened:
            continue  # a surname as a modifier ("the Reagan campaign", "Reagan-Bush", "pro-Trump"): no one is named
        title = _COURTESY_TITLE.search(source[:at])
        if title is None and _CAPITALISED_BEFORE.search(source[:at]):
            continue  # a title before it ("Interior Secretary Salazar"): a given name inside would make a new name
        if _namesakes(mention.text, mentions) > 1:
            continue  # two people of that surname ("the elder Klitschko"): not certain
        # The opening's rule has read the line's own article for an opening surname: only another
        # article's full name is left to try there.
        own = _full_name(mention.text, mention.span.start, mentions, story) if at else None
        full = own or story.named_elsewhere(mention, article.id)
        if full is None:
            continue  # nobody certain
        edits.append((title.start() if title else at, at + len(mention.text), full))
    spans: list[Span] = []
    for a, b, full in reversed(edits):
        if text[a + shift : b + shift] != source[a:b]:
            continue  # inside what the opening's substitution rewrote
        text = text[: a + shift] + full.text + text[b + shift :]
        spans.append(full.span)
    return text, tuple(spans)


def _namesakes(surname: str, mentions: Sequence[NamedPerson]) -> int:
    """How many people the article names in full with that surname (brothers, a wife and her
    husband): where there are two, a bare surname may mean either, whichever one the tagger linked
    it to."""
    return len({m.name for m in mentions if " " in m.text and m.text.split()[-1] == surname})


def _unnamed_pronoun(text: str) -> bool:
    """Whether a he/she/his/her comes in the sentence's first words, after only framing words
    ("By the time she ...", "When he ..."), so that nobody it could stand for is named before it."""
    opening = _EARLY_PRONOUN.match(text)
    return opening is not None and all(word.lower() in _FRAME_WORDS for word in opening.group().split()[:-1])


def _unnamed_speaker_pronoun(text: str, article_text: str, start: int, mentions: Sequence[NamedPerson]) -> bool:
    """Whether the sentence reports what a he or she did through a speaker who names nobody
    ("Police said he ..."): no person is written before the verb of saying, and its first word is a
    common noun (the article also writes it in lower case), not a surname ("White said he ...")."""
    reported = _REPORTED_PRONOUN.match(text)
    if reported is None:
        return False
    end = start + reported.end("opening")
    if any(start <= m.span.start < end for m in mentions):
        return False
    return re.search(rf"\b{reported.group('first').lower()}\b", article_text) is not None


def _speakerless_quotation(text: str) -> bool:
    """A sentence that is nothing but a quotation, or one credited only to a pronoun ("..., " he
    told parliament): the reader would not know who said it."""
    if not _QUOTATION_START.match(text):
        return False
    outside = _QUOTED.sub(" ", text)
    return not _SPEECH_VERB.search(outside) or bool(_PRONOUN_SPEAKER.match(outside))


def _repeats_title(text: str, titles: set[str]) -> bool:
    """A headline repeated as a body line, alone or run into the sentence after it."""
    key = _key(text)
    return any(key == title or key.startswith(title + " ") for title in titles)


def _antecedent(
    article: Article,
    line: str,
    pronoun: str,
    previous: tuple[int, int] | None,
    mentions: Sequence[NamedPerson],
    story: StoryNames,
) -> tuple[str, tuple[Span, ...]] | None:
    """The one person a leading He/She/His/Her stands for, and the spans that name them.

    Certain only when the sentence before names exactly one person, as its subject (within its
    first words), and neither it nor the line points at someone of the other gender: the person's
    own gender is not known, so in "She did receive some emails ..., he said", after a sentence
    whose subject is James Comey, either pronoun may be his.
    """
    if previous is None:
        return None
    before = article.text[previous[0] : previous[1]]
    in_reach = [m for m in mentions if previous[0] <= m.span.start and m.span.end <= previous[1]]
    if len({m.name for m in in_reach}) != 1:
        return None
    subject = in_reach[0]
    if len(article.text[previous[0] : subject.span.start].split()) > SUBJECT_WORDS:
        return None
    if other_gender_in(pronoun, before + " " + line[len(pronoun) :]):
        return None
    if len(subject.text.split()) >= 2 and story.writes_in_full(subject):
        return subject.text, (subject.span,)
    # A surname, or a tagged span that is no full name ("Staff Cheryl Mills"): the surname, named in
    # full as the article named the person before, else as it stands.
    surname = subject.text.split()[-1]
    full = _full_name(surname, subject.span.start, mentions, story)
    if full is not None:
        return full.text, (full.span, subject.span)
    return surname, (subject.span,)


def _full_name(surname: str, before: int, mentions: Sequence[NamedPerson], story: StoryNames) -> NamedPerson | None:
    """The person whose surname opens a sentence, as named in full earlier in the article: the
    last mention of the same person that is a full name ending in that surname."""
    at = next((m for m in mentions if m.span.start == before and m.text == surname), None)
    if at is None:
        # The surname is not where the extract stage saw a person ("Police said ..."): leave it.
        opener = [m for m in mentions if m.text == surname and m.span.start < before]
        if not opener or len({m.name for m in opener}) > 1:
            return None  # nobody, or two people of that surname (relatives): not certain
        at = opener[-1]
    found = None
    for mention in mentions:
        if mention.span.start >= before:
            break
        parts = mention.text.split()
        if mention.name == at.name and len(parts) >= 2 and parts[-1] == surname and story.writes_in_full(mention):
            found = mention
    return found


def _named_before(surname: str, before: int, mentions: Sequence[NamedPerson], story: StoryNames) -> NamedPerson | None:
    """Where the extract stage saw no person at the opening surname: the one person it saw named
    in full, ending in that surname, before it in the article ("Steve Cooley", not the title before)."""
    found = [
        m
        for m in mentions
        if m.span.end <= before
        and len(m.text.split()) >= 2
        and m.text.split()[-1] == surname
        and story.writes_in_full(m)
    ]
    return found[-1] if found and len({m.name for m in found}) == 1 else None


_NAME_WORD = r"(?:[A-Z][a-z]+|[A-Z]\.)"
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.IGNORECASE)


def _written_full_name(article: Article, surname: str, before: int) -> NamedPerson | None:
    """The full name a sentence's opening surname stands for where the extract stage saw no person
    there ("... after Keith Lamont Scott, 43, was killed by police. Scott, who was black, ...", the
    tagger's organisation): capitalised words before it in the article ending in the surname, less a
    function word that opens a sentence, and not after an article: "the Utah Republican" is a noun
    phrase, no name for "Republican legislators". Only one such name, or a relative or a namesake
    may be meant."""
    if surname.lower() in STOP_WORDS:
        return None  # "The", "But": no name
    # Capitalised words or initials, one space apart, within one sentence ("Frederick C. LaRue").
    pattern = re.compile(rf"\b{_NAME_WORD}(?: {_NAME_WORD})* {re.escape(surname)}\b")
    found: list[NamedPerson] = []
    for match in pattern.finditer(article.text, 0, before):
        # The run may open on a function word a sentence capitalised ("After Keith Lamont Scott").
        given = next((w for w in re.finditer(r"\S+", match.group()) if w.group().lower() not in STOP_WORDS), None)
        if given is None or given.group() == surname:
            continue
        start = match.start() + given.start()
        if not _ARTICLE_BEFORE.search(article.text[max(0, start - 5) : start]):
            name = article.text[start : match.end()]
            found.append(NamedPerson(name, name, Span(article.id, start, match.end())))
    return found[-1] if found and len({n.text for n in found}) == 1 else None


# Single quotation marks, as some outlets quote speech ("'Most of the masks ... don't work. They
# don't prevent infection,' Paul said"): one opens a sentence, and one closes a quotation when no
# letter follows it (an apostrophe, as in "don't", always has one).
_SINGLE_OPEN = re.compile(r"^[‘']\w")
_SINGLE_CLOSE = re.compile(r"[’'](?![^\W\d_])")


def _balanced(text: str) -> bool:
    """Whole quotations and parentheses only: a sentence cut inside one misquotes or breaks off."""
    quotes = text.count("“") == text.count("”") and text.count('"') % 2 == 0 and text.count("«") == text.count("»")
    single = not _SINGLE_OPEN.match(text) or bool(_SINGLE_CLOSE.search(text, 1))
    return quotes and single and text.count("(") == text.count(")")  # and no parenthesis cut open ("… (93.")
