"""Key people: the persons a reader needs, each listed once, with the role the articles give them.

The extract stage tags names and the roles written next to them (a title before the name, an
apposition after it). Here the list a reader sees is kept to persons: a name that reads as a
person's (capitalised words, no function words), that the articles do not treat as an institution
or a place, and that was named in two articles or given a role. One person written two ways ("Jim
O'Brien" and "O'Brien") is listed once; a short name that fits two people (relatives who share a
surname) names neither and is left out; a nickname an article gives someone ("known as", "dubbed")
is another name of that person, never a second person. The role shown is the one the articles agree on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from newsfuse.extract.aliases import Named, names_a_relative
from newsfuse.extract.given_names import is_given_name, nickname_pair
from newsfuse.extract.names import ORGANIZATION_HEADS, PLACE_HEADS, is_title_word
from newsfuse.models import Article, Span
from newsfuse.models.facts import Entity, Mention

# Key people: persons named in at least this many articles, or with a stated role; at most this many.
PERSON_MIN_ARTICLES = 2
PEOPLE_MAX = 8
# A name the articles mostly put after "at" or "in" ("checked in at Betty Ford") is a place named
# after a person; a person is rarely written so. Half of its mentions, by reading the ECB+ topics.
PLACE_CONTEXT_SHARE = 0.5

# An article before a name, over nothing but possessives and acronyms ("the NBA's Charlotte Bobcats"),
# makes it a team or a firm: English writes a person's name with no article, but for a title between
# ("the Rev. Jesse Jackson"), which this does not allow. Where a lower-case word follows, the article
# may be that word's ("the Trump administration", "a Trump-backed Republican"), so such a mention
# does not count.
_ARTICLE_BEFORE = re.compile(r"\b(?i:the|an?)\s+(?:(?:[A-Z][\w.]*['’]s|[A-Z]{2,})\s+)*$")
_LOWER_AFTER = re.compile(r"^(?:\s+[a-z]|-)")

# Lower-case words a name may hold ("Ludwig van Beethoven", "Osama bin Laden").
_PARTICLES = frozenset("de del della der den di da dos du la le van von bin ibn al el y".split())
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
# A word of a name, an initial, or a nickname in quotation marks between given name and surname
# (Randolph "Tex" Alles).
_NAME_WORD = re.compile(r"^(?:[A-Z][A-Za-z'’-]*|[A-Z]\.|[\"“‘'][A-Z][A-Za-z'’-]*[\"”’'])$")
_SURNAME = re.compile(r"^[A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*$")
_PLACE_BEFORE = re.compile(r"\b(?:at|in|into|inside|outside|near)\s+$", re.IGNORECASE)
# A name before "resident" or "native" ("The Diamond Bar resident") is where someone lives or comes from.
_PLACE_AFTER = re.compile(r"^\s+(?:residents?|natives?)\b")
# A name that modifies a noun for a work ("the first two Harry Potter films") is the work's title;
# a person's name stands so only as a possessive, for the maker ("Suzanne Collins' trilogy").
_WORK_AFTER = re.compile(
    r"^\s+(?:films?|movies?|franchise|series|novels?|books?|saga|trilogy|sequels?|albums?|songs?|shows?)\b",
    re.IGNORECASE,
)
# A title is written in quotation marks or in parentheses after its maker ("Simon Beaufoy (Slumdog
# Millionaire)"); a person's name is not, but for a nickname inside a name ("Thomas (Tommy Ryan)
# Eboli"). Half its mentions so written, as with places.
_ENCLOSED = (("“", "”"), ('"', '"'), ("(", ")"), ("‘", "’"))
# Nouns for a company that never describe a person ("Drugmaker Pfizer", "the Hamburg retailer").
_COMPANIES = frozenset(
    "drugmaker automaker carmaker chipmaker retailer manufacturer insurer lender supplier distributor "
    "conglomerate airline startup".split()
)
# Nouns that head a description of an institution, a work or a thing, not of a person ("treatment
# facility", "activist group", "state-run newspaper", "the sequel, Catching Fire"): the extract
# stage's organisation and place heads, and the institutions, works and things (ships, awards) those
# lists leave out.
_INSTITUTIONS = (
    ORGANIZATION_HEADS
    | PLACE_HEADS
    | frozenset(
        "facility facilities newspaper paper unit clinic resort program programme site website outlet daily "
        "magazine publication body firm team station channel brand app story "
        "film movie sequel prequel series franchise trilogy novel book album song show documentary sitcom "
        "vessel ship tanker supertanker freighter yacht capital subsidiary award awards version "
        "name nickname alias pseudonym moniker codename "
        "complex building warehouse property properties business shop store restaurant cafe hotel "
        "garage "
        # an animal the articles name ("Fenn, the family's new pet collie")
        "pet dog puppy collie terrier spaniel retriever labrador cat kitten horse pony mare stallion".split()
    )
    | _COMPANIES
)
# A company's legal form written after a name ("Reliance Globalcom Ltd.") makes it a company.
_COMPANY_FORM = r",?\s+(?:Ltd|Limited|Inc|Incorporated|Corp|Corporation|LLC|PLC|Plc|GmbH|AG|SA|NV|BV)\b"
# A body's make-up written as a compound adjective before its name ("New York-based", "state-run",
# "Indian-registered"): words for where a body sits, who runs or owns it, where it is registered.
_BODY_BEFORE = re.compile(r"-(?:based|run|owned|controlled|registered|listed|headquartered)\s+$", re.IGNORECASE)
# ... or written as the modifier of a lower-case noun for a body or a site ("the Mat Maid complex").
_BODY_AFTER = re.compile(rf"^\s+(?:{'|'.join(sorted(_INSTITUTIONS))})\b")
# A name opening on a word for a body or a street ("Avenue Montaigne", "Club Med"), or ending on a
# noun for a work, an award or a thing that is no surname ("Tony Awards"), is no person's. Words that
# are also given names or surnames written first ("River", "Forest", "Post Malone", "Park Geun-hye";
# "Brand", "Story") are left out.
_BODY_FIRST = (ORGANIZATION_HEADS | PLACE_HEADS | _COMPANIES) - {"river", "forest", "post", "park"}
_BODY_LAST = frozenset(
    "awards award sitcom documentary franchise trilogy newspaper magazine website clinic facility facilities "
    "resort subsidiary supertanker tanker freighter yacht fire rescue".split()
)
# A name ends on a surname, never on a title, shortened ("Bloomington Police Sgt") or in full ("Doris
# Duke Professor of Conservation Ecology", a chair named for its donor). Titles that are also
# surnames ("King", "Lord", "Bishop") are not among them.
_ABBREVIATED_TITLES = frozenset(
    "adm atty capt col const cpl cst det gen gov insp lt maj pvt rep rev sen sgt supt".split()
    + "professor president chairman chairwoman director minister premier chancellor senator governor mayor"
    " secretary spokesman spokeswoman commissioner superintendent sergeant lieutenant detective".split()
)
# A role is a title or a description: never a courtesy title alone, an age or a measure.
_COURTESY = frozenset("mr mrs ms miss dr sir madam mx".split())
# A list of three or more, each with its article ("X, a Y and a Z"), describes several people.
_LISTED = re.compile(r",[^,]*\band\s+(?:a|an|the)\s", re.IGNORECASE)
# Nouns that say no more than that the named is someone ("Mark Felt, the man ..."): no role.
_SOMEONE = frozenset("man woman person guy individual someone one".split())
# Words that qualify a role but are none on their own ("the late Jeffrey Epstein").
_QUALIFIERS = frozenset("late former then current acting interim new outgoing incoming".split())
_NOT_A_ROLE_START = frozenset("how when where why what who whom which while that as if".split())
# "one of the most popular players", "three of Washington's challengers": a group, not this person's role.
_COUNTED_GROUP = re.compile(
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|some|many|several|most|all)\s+of\b", re.IGNORECASE
)
# A proper name holding "of" before a lower-case noun: the noun is the role ("Department of
# Corrections spokeswoman", "Bank of America analyst").
_NAMED_BEFORE = re.compile(r"^(?:[A-Z][\w'’.-]*\s+)+of\s+(?:(?:the\s+)?[A-Z][\w'’.-]*\s+)+([a-z][a-z-]+)$")
# How an article gives someone a nickname: "better known as", "dubbed", "nicknamed", "code-named";
# "called" or "call" only before quotation marks ("the man they called “Deep Throat”"), as "a man
# called John Smith" gives a real name.
_NICKNAME_BEFORE = re.compile(
    r"\b(?:known\s+as|dubbed|nicknamed|code-?named|a\.?k\.?a\.?)\s*[“\"‘']?\s*$", re.IGNORECASE
)
_CALLED_BEFORE = re.compile(r"\b(?:call|calls|called|calling)\s*[“\"‘']$", re.IGNORECASE)
# A sentence ends on a full stop, not an initial's or a title's ("W. Mark Felt", "Mr. LaRue").
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSr)(?<!\bJr)(?<!\bSt)(?<!\bMrs)[.!?][”\"’']?\s+(?=[“\"‘']?[A-Z])"
)
_OPENING_QUOTES = frozenset("“\"‘'")
_CLAUSE_END = r"\s+(?:of|in|at|for|from|with|within|on|to|who|which|whose)\s.*$|,.*$"
_ROLE_END = re.compile(rf"\s+and\s.*$|{_CLAUSE_END}", re.IGNORECASE)
_PHRASE_END = re.compile(_CLAUSE_END, re.IGNORECASE)


def key_people(
    entities: Sequence[Entity], articles: Sequence[Article], speakers: Collection[str] = ()
) -> tuple[Entity, ...]:
    """The persons a reader needs: named in PERSON_MIN_ARTICLES articles, given a role, or named
    as the speaker of a quote the brief shows (`speakers`), most cited first."""
    texts = {a.id: a.text for a in articles}
    persons = [e for e in entities if e.type == "person" and _reads_as_name(e.name)]
    known = {n for e in persons for n in e.names}
    bodies = {n for e in entities if e.type in {"organization", "place"} for n in e.names}
    persons = [_named(e, texts, known, bodies) for e in persons]
    persons = [p for p in persons if not any(test(p, texts) for test in (_a_place, _an_institution, _a_work, _a_thing))]
    persons = _nicknames_joined(persons, texts)
    people = [replace(p, roles=_role(p)) for p in _once(persons)]
    people = [
        p
        for p in people
        if len(_named_in(p, articles)) >= PERSON_MIN_ARTICLES or p.roles or any(n in speakers for n in p.names)
    ]
    people.sort(key=lambda e: (-len(e.articles), -len(e.mentions)))
    return tuple(people[:PEOPLE_MAX])


def _nicknames_joined(persons: list[Entity], texts: dict[str, str]) -> list[Entity]:
    """A nickname is another name of the person it is given to, not a second person: a name an
    article introduces, whole, as one ("W. Mark Felt -- the man they called “Deep Throat”", "Felt,
    who, better known as “Deep Throat,”") joins the person named last before it in its sentence where
    every such sentence names the same one, and goes where none is. A short form of a person's own
    name so introduced ("Kathryn Jenkin, known as Katie") is not the person's whole name, and stays."""
    kept = list(persons)
    for nickname in persons:
        given = [
            m.span
            for m in nickname.mentions
            if m.span.article_id in texts
            and texts[m.span.article_id][m.span.start : m.span.end] == nickname.name
            and _introduced_as_nickname(texts, m.span)
        ]
        if not given:
            continue
        kept.remove(nickname)
        owners = {o.id: o for o in (_named_before(kept, texts, span) for span in given) if o is not None}
        if len(owners) == 1:
            owner = next(iter(owners.values()))
            kept[kept.index(owner)] = replace(owner, aliases=tuple(dict.fromkeys((*owner.aliases, nickname.name))))
    return kept


def _introduced_as_nickname(texts: dict[str, str], span: Span) -> bool:
    text = texts[span.article_id]
    before = text[max(0, span.start - 32) : span.start]
    quoted = text[span.start - 1 : span.start] in _OPENING_QUOTES
    return bool(_NICKNAME_BEFORE.search(before) or (quoted and _CALLED_BEFORE.search(before)))


def _named_before(persons: list[Entity], texts: dict[str, str], span: Span) -> Entity | None:
    """The person whose mention comes last before `span` in its sentence."""
    text = texts[span.article_id]
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, span.start)]
    start = max(text.rfind("\n", 0, span.start) + 1, ends[-1] if ends else 0)
    best: tuple[int, Entity] | None = None
    for person in persons:
        for m in person.mentions:
            inside = m.span.article_id == span.article_id and start <= m.span.start and m.span.end <= span.start
            if inside and (best is None or m.span.start > best[0]):
                best = (m.span.start, person)
    return best[1] if best else None


def _named_in(person: Entity, articles: Sequence[Article]) -> set[str]:
    """The articles that name the person in their text or, by a full name, in their headline: a
    story about someone names them in its headlines ("Kavanaugh accuser Julie Swetnick speaks out"),
    though the excerpts may name them once."""
    full = [n for n in person.names if " " in n]
    titled = {a.id for a in articles if a.title and any(re.search(rf"\b{re.escape(n)}\b", a.title) for n in full)}
    return set(person.articles) | titled


def _reads_as_name(name: str) -> bool:
    """Capitalised words (lower-case particles, initials and a quoted nickname allowed), ending on a
    surname."""
    parts = name.split()
    if not parts or any(not (_NAME_WORD.match(p) or p in _PARTICLES) for p in parts):
        return False
    if any(len(p) >= 3 and p.isalpha() and p.isupper() and p.lower() not in _SUFFIXES for p in parts):
        return False  # an acronym ("INS Sukanya", "NASA Administrator") names a body or a ship, not a person
    last = next((p for p in reversed(parts) if p.lower().rstrip(".") not in _SUFFIXES), "")
    return bool(_SURNAME.match(last)) and last.lower().rstrip(".") not in _ABBREVIATED_TITLES


def _named(entity: Entity, texts: dict[str, str], known: set[str], bodies: Collection[str] = ()) -> Entity:
    """The entity under its name without a word the tagger glued on ("Manager Billy King", "Coach
    Jim O'Brien"): the first word goes when the rest is how the articles name a person and the word
    is a common noun (written in lower case in the articles) or a title."""
    bare = bare_name(entity.name, texts.values(), known, bodies)
    if bare == entity.name or len(bare.split()) < 2:
        return entity
    glued = set(entity.name.split()) - set(bare.split())  # "House" of "House Nancy Pelosi" is no other name
    aliases = tuple(a for a in entity.aliases if a != bare and a not in glued)
    return replace(entity, name=bare, aliases=aliases)


def bare_name(name: str, texts: Iterable[str], known: set[str], bodies: Collection[str] = ()) -> str:
    """`name` less a title or common noun glued before it ("Comedian Ellen DeGeneres", "Professor
    Varoufakis"): a title always, a common noun (written in lower case in `texts`) when what is
    left is how the articles name someone (one of `known`); a title of several words may open on
    the name of a body the story names (one of `bodies`: "Colts QB Andrew Luck")."""
    texts = list(texts)  # read once per word below
    first, _, rest = name.partition(" ")
    word = first.lower().rstrip(".")
    if not rest or not _reads_as_name(rest):
        return name
    if is_title_word(word):
        return rest  # a title ("Professor Varoufakis") is never part of the name
    if rest in known and any(_written_lower(word, t) for t in texts):
        return rest
    given = rest.split()[0]
    if _glued_word(first, given) and len(rest.split()) >= 2 and any(_written_lower(word, t) for t in texts):
        # "Coroner Gary Hargrove", "Lawyer Alexis Kougias": a word the articles also write as a common
        # noun, no given name itself, before a given name is a title the tagger glued on.
        return rest
    firsts = {k.split()[0] for k in known if k != name and " " in k}
    if len(rest.split()) >= 2 and rest in known and first not in firsts and not is_given_name(first):
        # "Advisor Michael Flynn" beside "Michael Flynn": a capitalised word no one in the story has
        # as a first name (of a name of two words or more: "House" alone is none), and no given name
        # ("Jack" of "Jack Del Rio"), is a title the tagger glued on.
        return rest
    words = name.split()
    for cut in range(2, len(words) - 1):
        # "Assistant GM Tony DiLeo" beside "Tony DiLeo": titles, acronyms and common nouns before how
        # the story names someone are a title of several words.
        kept = " ".join(words[cut:])
        if kept in known and all(_title_part(w, texts, bodies) for w in words[:cut]):
            return kept
    return name


def _title_part(word: str, texts: Iterable[str], bodies: Collection[str] = ()) -> bool:
    """A word of a title before a name: a title word, an acronym ("GM", "QB"), a word the articles
    write in lower case, or a body the story names ("Colts" of "Colts QB"), whose title it is."""
    bare = word.lower().rstrip(".")
    return (
        is_title_word(word)
        or (word.isalpha() and word.isupper())
        or word in bodies
        or any(_written_lower(bare, t) for t in texts)
    )


def _glued_word(first: str, given: str) -> bool:
    return first.isalpha() and len(first) >= 3 and not is_given_name(first) and is_given_name(given)


def _written_lower(word: str, text: str) -> bool:
    return re.search(rf"\b{re.escape(word)}\b", text) is not None


def _a_place(entity: Entity, texts: dict[str, str]) -> bool:
    placed = sum(
        1
        for m in entity.mentions
        if m.span.article_id in texts
        and _PLACE_BEFORE.search(texts[m.span.article_id][max(0, m.span.start - 12) : m.span.start])
    )
    if any(
        _PLACE_AFTER.match(texts[m.span.article_id][m.span.end : m.span.end + 12])
        for m in entity.mentions
        if m.span.article_id in texts
    ):
        return True
    return bool(entity.mentions) and placed / len(entity.mentions) >= PLACE_CONTEXT_SHARE


def _a_thing(entity: Entity, texts: dict[str, str]) -> bool:
    """A team or a firm the tagger took for a person: the articles write an article of its own
    before the name ("with the NBA's Charlotte Bobcats,") in half its mentions, as for places."""
    mentions = [m for m in entity.mentions if m.span.article_id in texts]
    counted = 0
    for mention in mentions:
        text, start, end = texts[mention.span.article_id], mention.span.start, mention.span.end
        if _ARTICLE_BEFORE.search(text[max(0, start - 24) : start]) and not _LOWER_AFTER.match(text[end : end + 3]):
            counted += 1
    return bool(mentions) and counted / len(mentions) >= PLACE_CONTEXT_SHARE


def _a_work(entity: Entity, texts: dict[str, str]) -> bool:
    """A film, book, series or coined term the tagger took for a person: given no role, and either
    written before a noun for a work or mostly written in quotation marks or parentheses. Where the
    name is written in full, those mentions decide: a short form ("Philly" of "the “Philly Max”")
    may be another name's."""
    if any(_is_role(r) for r in entity.roles):
        return False
    mentions = [m for m in entity.mentions if m.span.article_id in texts]
    if any(_WORK_AFTER.match(texts[m.span.article_id][m.span.end : m.span.end + 16]) for m in mentions):
        return True
    full = [m for m in mentions if texts[m.span.article_id][m.span.start : m.span.end] == entity.name]
    mentions = full or mentions
    enclosed = sum(1 for m in mentions if _enclosed(texts[m.span.article_id], m.span.start, m.span.end))
    return bool(mentions) and enclosed / len(mentions) >= PLACE_CONTEXT_SHARE


def _enclosed(text: str, start: int, end: int) -> bool:
    if text[end : end + 1] in {",", "."}:
        end += 1  # American style closes a quotation after its comma: the “Philly Max,” as he called it
    before, after = text[max(0, start - 1) : start], text[end : end + 1]
    if re.match(r"\s*[A-Z]", text[end + 1 : end + 4]):
        return False  # a nickname inside a name, "Thomas (Tommy Ryan) Eboli"
    return any(before == left and after == right for left, right in _ENCLOSED)


def _head(role: str) -> str:
    """The noun a role is about: its last word before a preposition or clause ("dean" of "dean of
    Nanjing University", "facility" of "treatment facility in Newport Beach"), or the common noun
    after a name that holds "of" ("spokeswoman" of "Department of Corrections spokeswoman")."""
    named = _NAMED_BEFORE.match(role.strip())
    if named:
        return named.group(1).lower()
    return _last_word(_ROLE_END.sub("", role.strip()))


def _last_noun(role: str) -> str:
    """The last word before a preposition or clause of a role holding "and", over the "and" ("public
    accounting and business consulting firm in the building" is a firm): `_head` stops at the "and"
    of "president and CEO"."""
    if " and " not in role:
        return _head(role)
    return _last_word(_PHRASE_END.sub("", role.strip()))


def _last_word(phrase: str) -> str:
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", phrase)
    return words[-1].lower().removesuffix("'s").removesuffix("’s") if words else ""


def _is_role(role: Mention) -> bool:
    text = role.text.strip()
    first = text.split(" ", 1)[0].lower().rstrip(".")
    if not text or first in _NOT_A_ROLE_START or _COUNTED_GROUP.match(text):
        return False
    if len(text) < 3 and not text.isupper():
        return False  # a fragment ("co" of "co - producers"); an acronym ("DA") is a role
    if set(text.lower().rstrip(".").split()) <= _COURTESY | _QUALIFIERS | _SOMEONE:
        return False  # a courtesy title or a qualifier alone ("Mr.", "late") says no role
    if _LISTED.search(text):
        return False  # "a judge, court reporter, a deputy and a federal agent": several people, no one's role
    if re.search(r"\d", text):
        return False  # an age or a measure ("40 - year - old", "6 - foot, 200 - pound") describes, it is no role
    head = _head(text)
    if _plural(head):
        return False  # "presidential contenders Donald Trump and Hillary Clinton": a group, not this person's role
    return head not in _INSTITUTIONS


def _plural(noun: str) -> bool:
    return len(noun) > 3 and noun.endswith("s") and not noun.endswith(("ss", "us", "is"))


def _an_institution(entity: Entity, texts: dict[str, str]) -> bool:
    """A body the tagger took for a person. Most descriptions the articles give it are an
    institution's ("Turkmenistan's capital", "treatment facility"); or the articles write it as a
    company ("Reliance Globalcom Ltd."), or describe it the way only a body is ("New York-based
    Human Rights Watch", "state-run Rodong Sinmun")."""
    described = [r for r in entity.roles if r.text.lower().rstrip(".") not in _COURTESY]
    institutional = sum(1 for r in described if _head(r.text) in _INSTITUTIONS or _last_noun(r.text) in _INSTITUTIONS)
    if described and institutional > len(described) / 2:
        return True
    words = entity.name.lower().split()
    if words[0] in _BODY_FIRST or words[-1] in _BODY_LAST:
        return True
    names = (entity.name, *entity.aliases)
    company = re.compile(rf"\b(?:{'|'.join(map(re.escape, names))}){_COMPANY_FORM}")
    if any(company.search(t) for t in texts.values()):
        return True
    mentions = [m for m in entity.mentions if m.span.article_id in texts]
    if any(_BODY_BEFORE.search(texts[m.span.article_id][max(0, m.span.start - 24) : m.span.start]) for m in mentions):
        return True
    # A name mostly written as the modifier of a noun for a body or a site ("the Mat Maid complex", "the
    # Trustworthy Computing group") is that body's; a person's name modifies such a noun now and then
    # ("the Trump Foundation"), not in most of its mentions.
    modifying = sum(1 for m in mentions if _BODY_AFTER.match(texts[m.span.article_id][m.span.end : m.span.end + 24]))
    return bool(mentions) and modifying / len(mentions) >= PLACE_CONTEXT_SHARE


def _role(entity: Entity) -> tuple[Mention, ...]:
    """The role the articles agree on: of the nouns the roles are about, the one given most often
    (then by the most articles); of its roles, the one written most often, then the shortest.
    All mentions of that role are kept, so it stays cited."""
    roles = [r for r in entity.roles if _is_role(r)]
    if not roles:
        return ()
    heads = Counter(_head(r.text) for r in roles)
    spread = {h: len({r.span.article_id for r in roles if _head(r.text) == h}) for h in heads}
    head = max(heads, key=lambda h: (heads[h], spread[h]))
    keys = Counter(_key(r.text) for r in roles if _head(r.text) == head)
    best = min(keys, key=lambda k: (-keys[k], len(k)))
    return tuple(r for r in roles if _key(r.text) == best)


def _key(text: str) -> str:
    return re.sub(r"[^\w\s]", "", text.casefold()).strip()


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"[\w'’]+", name.casefold()) if w not in _SUFFIXES)


def _shortens(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """`short` names the person of `full` with middle names or initials left out, or by surname."""
    if not short or (len(short) >= len(full) and short != full):
        return False
    if len(full) > 2 and len(full[0]) == 1 and short == full[1:]:
        return True  # the first name, written as an initial, left out ("Mark Felt" of "W. Mark Felt")
    if len(short) == 1:
        return short[0] == full[-1]
    # The first name may be its usual short form ("Joe Biden" of "Joseph R. Biden Jr.").
    first = short[0] == full[0] or nickname_pair(short[0], full[0])
    return first and short[-1] == full[-1] and set(short[1:]) <= set(full[1:])


def _once(persons: list[Entity]) -> list[Entity]:
    """Each person once: people of one name are merged, then a name that shortens exactly one other
    person's name is merged into it; one that fits two people (relatives who share a surname) is
    left out, and so is one an article writes before a fuller name introduced as a relative (the
    person that relative is kin to)."""
    same: dict[tuple[str, ...], Entity] = {}
    spelled: dict[str, tuple[str, ...]] = {}
    for person in sorted(persons, key=lambda p: -len(p.mentions)):
        # One name written with and without a space inside ("Vincent Del Giudice", "Vincent DelGiudice").
        key = spelled.setdefault("".join(_tokens(person.name)), _tokens(person.name))
        same[key] = _merge(same[key], person) if key in same else person
    merged = dict(same)
    for key in sorted(same, key=len):
        # A spelling the articles also use counts ("Duncan Rait", alias of "Duncan Raite", shortens
        # "Duncan Robert Rait").
        spellings = {key, *(_tokens(a) for a in same[key].aliases if len(_tokens(a)) == len(key))}
        fuller = [
            other
            for other in merged
            if other != key
            and any(_shortens(s, other) for s in spellings)
            and not names_a_relative(_where_named(same[key]), _where_named(merged[other]))
        ]
        if not fuller:
            continue
        person = merged.pop(key)
        if len(fuller) == 1:
            merged[fuller[0]] = _merge(merged[fuller[0]], person)
    return list(merged.values())


def _where_named(person: Entity) -> Named:
    return Named([m.span for m in person.mentions], [r.text for r in person.roles])


def _merge(target: Entity, person: Entity) -> Entity:
    return replace(
        target,
        aliases=tuple(dict.fromkeys(a for a in (*target.aliases, person.name, *person.aliases) if a != target.name)),
        mentions=(*target.mentions, *person.mentions),
        roles=(*target.roles, *person.roles),
    )
