"""Word lists and string helpers for names: titles, category nouns, acronyms, tidy surface forms."""

from __future__ import annotations

import re

# Words that precede a name as a title or rank; they are stripped from the name and kept as its role.
TITLE_WORDS = frozenset(
    [
        "president",
        "vice",
        "premier",
        "prime",
        "minister",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "emperor",
        "sheikh",
        "emir",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "gen",
        "general",
        "col",
        "colonel",
        "lt",
        "sgt",
        "capt",
        "captain",
        "adm",
        "admiral",
        "maj",
        "major",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "mayor",
        "chief",
        "executive",
        "ceo",
        "chairman",
        "chairwoman",
        "chair",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "secretary",
        "ambassador",
        "judge",
        "justice",
        "director",
        "commander",
        "officer",
        # Newsroom and office titles capitalised before a name ("Managing Editor Angela Benson").
        "editor",
        "manager",
        "correspondent",
        "producer",
        "leader",
        # Titles of police, courts and sport written before a name ("Deputy Jerry Ortiz", "Dist.
        # Atty. Steve Cooley", "Coach Jim O'Brien").
        "deputy",
        "attorney",
        "atty",
        "dist",
        "sheriff",
        "detective",
        "det",
        "sergeant",
        "lieutenant",
        "inspector",
        "insp",
        "speaker",
        "councilman",
        "councilwoman",
        "councillor",
        "alderman",
        "constable",
        "const",
        "cst",
        "superintendent",
        "commissioner",
        "trooper",
        "coach",
        "former",
        "late",
        "st",
        "saint",
        "rev",
        "reverend",
        "father",
        "sister",
        "brother",
        "mrs.",
        "mr.",
        "ms.",
        "dr.",
        "gen.",
        "sen.",
        "gov.",
    ]
)


def is_title_word(word: str) -> bool:
    """A title, written with or without its full stop and in any case ("Rep.", "rep", "SGT")."""
    return word.casefold().rstrip(".") in TITLE_WORDS


# Roles that introduce a person as another's relative ("first lady Jill Biden", "his son Oscar"):
# their head word, or the whole role for a spouse's title.
KIN_WORDS = frozenset(
    "wife husband spouse widow widower son daughter child stepson stepdaughter brother sister mother"
    " father grandson granddaughter grandmother grandfather nephew niece cousin uncle aunt".split()
)
SPOUSE_TITLES = frozenset({"first lady", "first gentleman", "second lady", "second gentleman"})


def is_kin_role(role: str) -> bool:
    """Whether a role names the person as someone's relative ("first lady", "his younger brother")."""
    words = role.casefold().replace("'s", "").split()
    return bool(words) and (words[-1] in KIN_WORDS or " ".join(words[-2:]) in SPOUSE_TITLES)


# Lower-case nouns that name a kind of area; "Kaldmere province" and "Halsted housing estate" are
# the same place as "Kaldmere" and "Halsted", written with their category.
AREA_NOUNS = frozenset(
    [
        "province",
        "county",
        "district",
        "region",
        "prefecture",
        "municipality",
        "estate",
        "park",
        "island",
        "islands",
        "neighbourhood",
        "neighborhood",
        "suburb",
    ]
)
AREA_MODIFIERS = frozenset(
    ["industrial", "business", "housing", "national", "science", "retail", "technology", "council"]
)

# Last words that make a name an organisation or a place whatever a statistical tagger says.
ORGANIZATION_HEADS = frozenset(
    [
        "agency",
        "institute",
        "institution",
        "ministry",
        "department",
        "university",
        "college",
        "school",
        "hospital",
        "council",
        "union",
        "authority",
        "company",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "plc",
        "group",
        "bank",
        "party",
        "office",
        "service",
        "services",
        "commission",
        "committee",
        "court",
        "parliament",
        "assembly",
        "army",
        "navy",
        "police",
        "force",
        "forces",
        "association",
        "federation",
        "coalition",
        "alliance",
        "society",
        "foundation",
        "organization",
        "organisation",
        "news",
        "times",
        "post",
        "herald",
        "gazette",
        "courant",
        "ledger",
        "press",
        "network",
        "channel",
        "airlines",
        "airways",
        "recycling",
        "chemicals",
        "power",
        "ferries",
        "energy",
        "industries",
        "motors",
        "holdings",
        "partners",
        "board",
        "agency's",
        "bureau",
        "club",
        "league",
        "fund",
        "centre",
        "center",
        "laboratory",
        "laboratories",
        "museum",
        "church",
        "patrol",
        "dairy",
        "petroleum",
    ]
)
PLACE_HEADS = (
    frozenset(
        [
            "quay",
            "street",
            "road",
            "avenue",
            # and their shorthands ("Church and Snyder Ave", "Main St", "Roosevelt Blvd")
            "st",
            "ave",
            "rd",
            "blvd",
            "boulevard",
            "highway",
            "hwy",
            "lane",
            "parkway",
            "square",
            "bridge",
            "harbour",
            "harbor",
            "port",
            "bay",
            "river",
            "lake",
            "mountain",
            "mountains",
            "valley",
            "coast",
            "peninsula",
            "sea",
            "ocean",
            "strait",
            "gulf",
            "desert",
            "forest",
            "airport",
            "station",
            "city",
            "town",
            "village",
            "state",
        ]
    )
    | AREA_NOUNS
)
# First or last words that make a name an event (storms, wars, summits) rather than a place or person.
EVENT_WORDS = frozenset(
    [
        "storm",
        "hurricane",
        "typhoon",
        "cyclone",
        "tornado",
        "war",
        "summit",
        "olympics",
        "games",
        "cup",
        "election",
        "festival",
        "conference",
        "earthquake",
        "flood",
    ]
)
# Joining words allowed in lower case inside a well-formed name ("School of International Relations").
NAME_CONNECTORS = frozenset(
    ["of", "the", "and", "for", "de", "del", "da", "di", "van", "von", "der", "bin", "al", "la", "le", "du", "y"]
)

_POSSESSIVE = re.compile(r"['’]s?$")
# Edge punctuation, except the full stop closing an abbreviation ("U.S.").
_EDGE = re.compile(r"^[\W_]+|(?<![A-Z]\.[A-Z])[\W_]+$")


def clean_surface(text: str) -> str:
    """A name as written, without a leading article, a trailing possessive or stray punctuation."""
    words = text.split()
    while words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    return _EDGE.sub("", " ".join(words))


def fold(text: str) -> str:
    """The comparison key of a name: case-folded, typographic apostrophes unified, single spaces."""
    return " ".join(text.casefold().replace("’", "'").replace("-", " ").split())


def name_tokens(text: str) -> list[str]:
    return [_POSSESSIVE.sub("", word) for word in fold(text).split()]


def capitalised_tokens(text: str) -> int:
    """How many words of the name are written with a capital: its completeness as a proper name."""
    return sum(1 for word in text.split() if word[:1].isupper())


def is_well_formed(text: str) -> bool:
    """True for a name written the usual way: capitalised words (or joining words), not all in capitals
    unless it is a short acronym."""
    words = text.split()
    if not words:
        return False
    if len(words) == 1 and text.isupper():
        return 2 <= len(text) <= 6
    if any(word.isupper() and len(word) > 2 and not word.endswith(".") for word in words):
        return False
    return all(
        word[:1].isupper()
        or word[:1].isdigit()
        or word.lower() in NAME_CONNECTORS
        or word.lower() in AREA_NOUNS
        or word.lower() in AREA_MODIFIERS
        for word in words
    )


def acronym(text: str) -> str:
    """Initials of the capitalised words: "Korean Central News Agency" -> "KCNA"."""
    # A numeral written in capitals counts whole: "World War II" -> "WWII".
    return "".join(
        word if word.isupper() and set(word) <= set("IVX") else word[0]
        for word in text.replace("-", " ").split()
        if word[:1].isupper()
    )


def is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
