"""Names written differently across articles: "Kim Jong One" for "Kim Jong Un", "Salander" for
"Sallander".

The extract stage already merged such forms into one entity, so the disagreement is reconciled; it is
still reported, because a reader comparing sources meets both spellings. Forms that are only shorter
or abbreviated ("Kim", "KCNA", "WWII", "U.S."), re-ordered or re-cased are how names are written, not
disagreements, and are left out. A form found only in machine-translated articles is a translation
garble; otherwise a misspelling.
"""

from __future__ import annotations

from newsfuse.claims.story import StoryView, side
from newsfuse.claims.units import Unit
from newsfuse.models import Conflict, Entity, Mention

# Function words a name may gain or lose between renderings ("Meteorological Institute of Valmark").
FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to"})


def name_conflicts(view: StoryView) -> list[Conflict]:
    conflicts = []
    for entity in view.facts.entities:
        variants = _variants(entity)
        if not variants:
            continue
        conflicts.append(_conflict(view, entity, variants))
    return conflicts


def _variants(entity: Entity) -> list[str]:
    """Aliases that spell the name another way; an alias contained in a reported one joins it."""
    found: list[str] = []
    for alias in sorted(entity.aliases, key=lambda a: -len(a.split())):
        if _same_name(alias, entity.name) or any(_words(alias) <= _words(v) for v in found):
            continue
        found.append(alias)
    return found


def _same_name(alias: str, name: str) -> bool:
    """Whether `alias` is `name` shortened, abbreviated, re-ordered or re-cased (or the reverse)."""
    a, n = _words(alias), _words(name)
    if a <= n or n <= a:
        return True
    return _abbreviates(alias, name) or _abbreviates(name, alias)


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in text.casefold().replace(".", " ").replace("-", " ").split() if w not in FUNCTION_WORDS)


def _abbreviates(short: str, long: str) -> bool:
    """ "WWII" for "World War II", "U.S." for "United States": each letter group of `short`, in order,
    starts one word of `long` (function words may be skipped)."""
    letters = "".join(c for c in short.casefold() if c.isalnum())
    words = [w for w in long.casefold().replace("-", " ").split() if w]
    if not letters or len(letters) > len(long):
        return False
    return _consume(letters, words)


def _consume(letters: str, words: list[str]) -> bool:
    if not letters:
        return not [w for w in words if w not in FUNCTION_WORDS]
    if not words:
        return False
    word, rest = words[0], words[1:]
    if word in FUNCTION_WORDS and _consume(letters, rest):
        return True
    for size in range(min(len(word), len(letters)), 0, -1):
        if word.startswith(letters[:size]) and _consume(letters[size:], rest):
            return True
    return False


def _conflict(view: StoryView, entity: Entity, variants: list[str]) -> Conflict:
    full = [m for m in entity.mentions if _words(m.text) == _words(entity.name)]
    sides = [side(entity.name, _units(view, full or [m for m in entity.mentions if _same_name(m.text, entity.name)]))]
    reasons = []
    for variant in variants:
        mentions = [
            m for m in entity.mentions if _words(m.text) <= _words(variant) and not _same_name(m.text, entity.name)
        ]
        sides.append(side(variant, _units(view, mentions)))
        articles = {m.span.article_id for m in mentions}
        if articles and all(view.machine_translated(a) for a in articles):
            reasons.append(f'"{variant}" is a machine translation\'s garble of "{entity.name}"')
        else:
            reasons.append(f'"{variant}" is another spelling of "{entity.name}"')
    explanation = "; ".join(reasons) + f"; one {entity.type} by role and context, so the forms were merged"
    return Conflict(
        "name", f"the name of {entity.name}", tuple(s for s in sides if s.articles), "reconciled", explanation
    )


def _units(view: StoryView, mentions: list[Mention]) -> list[Unit]:
    return [unit for mention in mentions if (unit := view.unit_at(mention.span)) is not None]
