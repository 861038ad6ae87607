"""Key people are persons, each once, in the role the articles agree on; relatives stay apart."""

from __future__ import annotations

from newsfuse.brief.people import key_people
from newsfuse.models import Article, Span, join_paragraphs
from newsfuse.models.facts import Entity, Mention

# Written for these tests: who is named where does not matter, only the names and roles.
TEXT, PARAGRAPHS = join_paragraphs(["Placeholder text for the spans of this test article; " * 8])
ARTICLES = [Article(id=a, text=TEXT, paragraphs=PARAGRAPHS) for a in ("a", "b")]


def _person(
    name: str, articles: tuple[str, ...] = ("a", "b"), roles: tuple[str, ...] = (), kind: str = "person"
) -> Entity:
    mentions = tuple(Mention(name, Span(a, 0, 5)) for a in articles)
    return Entity(
        id=name,
        name=name,
        type=kind,  # type: ignore[arg-type]
        aliases=(),
        mentions=mentions,
        roles=tuple(Mention(r, Span("a", 10, 20)) for r in roles),
    )


def _names(entities: list[Entity]) -> list[str]:
    return [p.name for p in key_people(entities, ARTICLES)]


def test_names_that_are_not_people_are_left_out() -> None:
    names = _names(
        [
            _person("Administration for Children and Families"),
            _person("Thompson in"),
            _person("Nelson B.C."),
            _person("Rodong Sinmun", roles=("State-run newspaper",)),
            _person("Morningside Recovery", roles=("treatment facility in Newport Beach",)),
            _person("Lina Okafor"),
        ]
    )
    assert names == ["Lina Okafor"]


def test_one_person_written_two_ways_is_listed_once() -> None:
    people = key_people(
        [_person("Jim O'Brien", roles=("former coach",)), _person("O'Brien", roles=("head coach",))], ARTICLES
    )
    assert [p.name for p in people] == ["Jim O'Brien"]
    assert "O'Brien" in people[0].aliases


def test_relatives_who_share_a_surname_stay_apart() -> None:
    names = _names([_person("Wladimir Klitschko"), _person("Vitali Klitschko"), _person("Klitschko")])
    assert sorted(names) == ["Vitali Klitschko", "Wladimir Klitschko"]


def test_the_role_shown_is_the_one_the_articles_agree_on() -> None:
    (person,) = key_people(
        [
            _person(
                "Jim O'Brien",
                roles=("Sixers' fixer", "former basketball coach", "former head coach of the Boston Celtics", "Mr."),
            )
        ],
        ARTICLES,
    )
    assert {r.text for r in person.roles} == {"former basketball coach"}


def test_ages_courtesy_titles_and_institutions_are_no_roles() -> None:
    (person,) = key_people(
        [_person("Arcade Joseph Comeaux", roles=("6 - foot, 200 - pound black male", "Mr", "activist group"))], ARTICLES
    )
    assert person.roles == ()


def test_a_name_holding_of_before_a_noun_leaves_the_noun_as_the_role() -> None:
    # "Department of Corrections spokeswoman" describes a person; "dean of Nanjing University" too.
    people = key_people(
        [
            _person("Michelle Lyons", roles=("Department of Corrections spokeswoman",)),
            _person("Zhu Feng", roles=("dean of Nanjing University",)),
            _person("Valmark Port Authority", roles=("Department of Transport agency",)),
        ],
        ARTICLES,
    )
    shown = {p.name: p.roles[0].text for p in people}
    assert shown == {
        "Michelle Lyons": "Department of Corrections spokeswoman",
        "Zhu Feng": "dean of Nanjing University",
    }
