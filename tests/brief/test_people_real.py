"""Key people on real stories: persons only, each once, under the name the articles give them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from newsfuse.brief.people import key_people
from newsfuse.clean import Cleaner
from newsfuse.evaluation.audit import ecb_stories, load_expectations
from newsfuse.evaluation.stories import as_written, read_document
from newsfuse.evaluation.summaries import parse_line
from newsfuse.extract import Extractor
from newsfuse.models import Article, Failure, RawDocument
from newsfuse.provenance import trace
from newsfuse.service import Newsfuse
from tests.conftest import EVAL, REPO, need


def _people(articles: Sequence[Article]) -> list[str]:
    facts = Extractor().extract(articles, independence=trace(articles).source_keys())
    return [p.name for p in key_people(facts.entities, articles)]


def _neus_people(number: int) -> dict[str, str]:
    """Key people of NeuS story `number` (line number of val.source), each with the role shown."""
    line = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()[number - 1]
    articles = parse_line(line, number)
    facts = Extractor().extract(articles, independence=trace(articles).source_keys())
    return {p.name: p.roles[0].text.strip() if p.roles else "" for p in key_people(facts.entities, articles)}


def _ecb_topic(topic: int, kind: str = "ecbplus", first: int = 0) -> list[Article]:
    """Eight documents of an ECB+ topic from the `first`: its ECB+ ones, or with `kind` "ecb" the
    original ECB ones."""
    folder = need(EVAL / "ecbplus-dev") / "ECB+" / str(topic)
    files = sorted(Path(folder).glob(f"{topic}_*{kind}.xml"))[first : first + 8]
    raws = [RawDocument(origin=f"{f.stem}.txt", content=read_document(f), format="text") for f in files]
    return [a for a in Cleaner().clean_batch(raws) if not isinstance(a, Failure)]


def _roles(articles: Sequence[Article]) -> dict[str, str]:
    facts = Extractor().extract(articles, independence=trace(articles).source_keys())
    return {p.name: p.roles[0].text.strip() if p.roles else "" for p in key_people(facts.entities, articles)}


@pytest.mark.parametrize(("topic", "not_a_person"), [(8, "Greeks"), (6, "Catching Fire")])
def test_a_people_or_a_film_is_no_person(topic: int, not_a_person: str) -> None:
    # "low-income Greeks" (a plural name) and "the sequel, Catching Fire" (described as a work).
    assert not_a_person not in _people(_ecb_topic(topic))


def test_a_work_named_like_a_person_is_no_person() -> None:
    # "the first two Harry Potter films" and "Simon Beaufoy (Slumdog Millionaire)" name works; "Suzanne
    # Collins' trilogy" names the work's author, who stays.
    people = _people(_ecb_topic(6))
    assert "Harry Potter" not in people and "Slumdog Millionaire" not in people
    assert "Gary Ross" in people


def test_a_first_name_and_its_short_form_are_one_person() -> None:
    # "Kathryn Jenkin, known as Katie": the articles write both.
    people = _people(_ecb_topic(32))
    assert [p for p in people if p.endswith("Jenkin") and p != "John Jenkin"] in (["Katie Jenkin"], ["Kathryn Jenkin"])


def test_a_title_glued_to_a_name_is_dropped() -> None:
    # "former National Security Advisor Michael Flynn" beside "national security adviser Mike Flynn".
    source = need(EVAL / "neus-val" / "val.source")
    line = source.read_text(encoding="utf-8").splitlines()[269]
    people = _people(parse_line(line, 270))
    assert [p for p in people if "Flynn" in p] in (["Michael Flynn"], ["Mike Flynn"])


def test_a_named_speaker_is_a_key_person() -> None:
    # The fire service's Matt Goodman is quoted twice in one article and given no title.
    brief = Newsfuse().brief_story("14", _ecb_topic(14))
    speakers = {q.speaker for q in brief.quotes if q.speaker}
    assert "Matt Goodman" in speakers
    assert "Matt Goodman" in [p.name for p in brief.people]


def test_an_acronym_or_a_title_is_no_part_of_a_person() -> None:
    # "Warship INS Sukanya" is a ship; "Attorney Steve Cooley" is Steve Cooley.
    assert not [p for p in _people(_ecb_topic(12)) if "Sukanya" in p]
    people = _people(_ecb_topic(16))
    assert "Steve Cooley" in people
    assert not [p for p in people if p.startswith(("Attorney ", "Deputy "))]


@pytest.mark.parametrize(("story", "not_a_person"), [(70, "Federal Vacancies Reform Act"), (218, "Puerto Rico")])
def test_a_name_after_an_article_or_with_a_description_alone_is_no_person(story: int, not_a_person: str) -> None:
    # "violated the Federal Vacancies Reform Act, a decision ...": no person's name takes "the";
    # "hurricane-ravaged Puerto Rico": a description that ends on no noun is no title.
    assert not_a_person not in _neus_people(story)


def test_a_title_glued_to_a_full_name_is_taken_off() -> None:
    # "Chief of Staff John Kelly" (the tagger's "Staff John Kelly"), "Speaker Nancy Pelosi".
    assert "John Kelly" in _neus_people(182)
    people = _neus_people(124)
    assert "Nancy Pelosi" in people and "Speaker" in people["Nancy Pelosi"]


def test_a_group_the_person_belongs_to_is_no_role() -> None:
    # "presidential contenders Donald Trump and Hillary Clinton".
    people = _neus_people(196)
    assert "Donald Trump" in people and "contenders" not in people["Donald Trump"]


@pytest.mark.parametrize(
    ("topic", "not_a_person"),
    [
        (30, "Reliance Globalcom"),  # also written "Reliance Globalcom Ltd."
        (11, "Human Rights Watch"),  # "New York-based Human Rights Watch said"
        (11, "Ashgabat"),  # "Ashgabat, Turkmenistan's capital" twice, one misparsed "candidate" once
        (24, "Avenue Montaigne"),  # a street's name opens on "Avenue"
        (2, "Tony Awards"),  # an award
    ],
)
def test_a_body_a_street_or_an_award_is_no_person(topic: int, not_a_person: str) -> None:
    # The whole brief: a quote's speaker is a key person too ("Human Rights Watch said ...").
    brief = Newsfuse().brief_story(str(topic), _ecb_topic(topic, "ecb"))
    assert not_a_person not in [p.name for p in brief.people]


def test_an_aside_in_parentheses_or_a_date_is_no_role() -> None:
    # "Reggie Bush (knee)" is an injury report; "on Wednesday owner Tom Benson" dates the clause.
    people = _roles(_ecb_topic(25, "ecb"))
    assert people.get("Reggie Bush") == ""
    assert people.get("Tom Benson") == "owner"


def test_a_title_of_several_words_is_taken_off_and_a_name_never_ends_on_a_title() -> None:
    # "Assistant GM Tony DiLeo" beside "Tony DiLeo"; "Bloomington Police Sgt" is no name.
    assert "Tony DiLeo" in _people(_ecb_topic(5, "ecb", first=8))
    assert not [p for p in _people(_ecb_topic(21, "ecb", first=8)) if p.endswith("Sgt")]


def test_a_noun_that_says_only_someone_is_no_role() -> None:
    # "the man who ..." is no role for Donald Trump; "President" is.
    assert _neus_people(26).get("Donald Trump") == "President"


def test_a_title_written_with_a_full_stop_is_no_part_of_the_name() -> None:
    # "Rep. Rodney Davis": "Rep." is a title like "Rep", the role and no part of the name.
    assert _neus_people(54).get("Rodney Davis") == "Rep."


def test_a_word_glued_before_a_name_is_no_other_name_and_no_part_of_the_role() -> None:
    # "Speaker of the House Nancy Pelosi" (the tagger's "House Nancy Pelosi"); "Homeland Security
    # Secretary Alejandro Mayorkas" written with a no-break space, which the tagger cut at.
    line = need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()[142]
    articles = parse_line(line, 143)
    facts = Extractor().extract(articles, independence=trace(articles).source_keys())
    pelosi = [p for p in key_people(facts.entities, articles) if p.name.endswith("Pelosi")]
    assert [p.name for p in pelosi] == ["Nancy Pelosi"] and "House" not in pelosi[0].aliases
    assert _neus_people(31).get("Alejandro Mayorkas") == "Homeland Security Secretary"


def test_a_list_of_several_people_is_no_one_s_role() -> None:
    # "killed a judge, court reporter, a deputy and a federal agent" is no role of the killer's.
    people = _roles(_ecb_topic(3, "ecb", first=8))
    assert "deputy" not in people.get("Brian Nichols", "")


def test_a_company_noun_before_a_name_makes_it_a_company() -> None:
    # "Drugmaker Pfizer said Monday ...": a drugmaker is no person.
    assert not [p for p in _neus_people(101) if "Pfizer" in p]


def test_a_term_written_in_quotation_marks_is_no_person() -> None:
    # "the Sixers' $80 million offer -- the “Philly Max,” as Brand later called it": the full name is
    # written only inside quotation marks (the comma inside them), its short form "Philly" elsewhere.
    people = _people(_ecb_topic(5, "ecb", first=8))
    assert "Philly Max" not in people and "Tony DiLeo" in people


def test_a_name_with_an_article_of_its_own_is_a_team() -> None:
    # "an assistant coach with the NBA's Charlotte Bobcats", "joining the Charlotte Bobcats last year":
    # a person's name takes no article. Phil Ford, the coach, stays.
    people = _people(_ecb_topic(31, "ecb", first=8))
    assert "Charlotte Bobcats" not in people
    assert "Phil Ford" in people and "Tyler Hansbrough" in people
    # "a Trump-backed Republican": the article is the Republican's, so Donald Trump stays (NeuS 48).
    assert "Donald Trump" in _neus_people(48)


def test_a_given_name_is_no_title_glued_on() -> None:
    # "Coach Jack Del Rio", later "Del Rio said": Jack is his given name, not a title to take off.
    people = _people(_ecb_topic(29, "ecb", first=8))
    assert "Jack Del Rio" in people and "Del Rio" not in people


def test_a_role_ends_where_its_relative_clause_begins() -> None:
    # "George Bergeles, a professor at the Polytechnic who is sympathetic to the students' complaints,
    # but not their harsh tactics": the clause says what he thinks, not what he is.
    assert _roles(_ecb_topic(19, "ecb", first=8)).get("George Bergeles") == "professor at the Polytechnic"


def test_a_newsroom_title_and_a_rank_are_no_part_of_a_name() -> None:
    # "said WCCO TV Managing Editor Angela Benson" (the tagger's "Editor Angela Benson"), quoted three
    # times; "said Bloomington Police Sgt. Marty Earley" (the tagger's "Bloomington Police Sgt").
    articles = _ecb_topic(21, "ecb", first=8)
    roles = _roles(articles)
    assert roles.get("Angela Benson") == "WCCO TV Managing Editor"
    assert not [p for p in roles if p.endswith("Sgt")]
    brief = Newsfuse().brief_story("21", articles)
    assert not [q for q in brief.quotes if (q.speaker or "").endswith("Sgt")]


@pytest.mark.parametrize(
    ("topic", "not_a_person"),
    [(14, "Somerset Fire"), (16, "Diamond Bar"), (18, "Gordon Advisors"), (26, "Chin")],
)
def test_a_service_a_home_town_a_firm_or_a_nickname_is_no_person(topic: int, not_a_person: str) -> None:
    # "Devon and Somerset Fire and Rescue" (a name ending on "Fire"); "The Diamond Bar resident";
    # "Gordon Advisors, a public accounting and business consulting firm"; Vincent "The Chin" Gigante,
    # whose nickname the articles describe as one.
    # The stories of the audit's fresh split, read as the audit reads them.
    expected = [e for e in load_expectations(REPO / "evaluation" / "audit" / "ecbplus-dev.json", "fresh")]
    story = next(s for s in ecb_stories(expected, need(EVAL / "ecbplus-dev")) if s.expected.id == f"{topic}_ecbplus")
    people = [p.name for p in Newsfuse().brief_story(str(topic), list(story.articles)).people]
    assert people and not [p for p in people if p == not_a_person or p.startswith(not_a_person + " ")]


def test_a_name_a_copula_gives_its_named_subject_is_a_nickname() -> None:
    # ECB+ 31_2ecbplus: "As for the entirety of his afternoon, McDermott was usual Dependable Doug."
    people = _people(_ecb_topic(31, "ecbplus", first=8))
    assert "Doug McDermott" in people
    assert not [p for p in people if "Dependable" in p]


def test_a_street_written_short_is_no_person() -> None:
    # ECB+ 19: "the precinct stationhouse, on Snyder Ave. near Nostrand Ave."
    people = _people(_ecb_topic(19, "ecbplus"))
    assert "Kimani Gray" in people and not [p for p in people if p.endswith(" Ave")]


def _ecb_documents(*names: str) -> list[Article]:
    """ECB+ documents by name ("13_12ecbplus"), as the audit reads them (numbers as written)."""
    root = need(EVAL / "ecbplus-dev") / "ECB+"
    raws = []
    for name in names:
        text = "\n\n".join(map(as_written, read_document(root / name.split("_")[0] / f"{name}.xml").split("\n\n")))
        raws.append(RawDocument(origin=f"{name}.txt", content=text, format="text"))
    return [a for a in Cleaner().clean_batch(raws) if not isinstance(a, Failure)]


@pytest.mark.parametrize(
    ("names", "not_a_person"),
    [
        (("13_12ecbplus", "13_13ecbplus", "13_14ecbplus"), "Mat Maid"),
        (tuple(f"27_{n}ecbplus" for n in range(1, 9)), "Trustworthy Computing"),
    ],
)
def test_a_name_mostly_modifying_a_noun_for_a_body_is_no_person(names: tuple[str, ...], not_a_person: str) -> None:
    # "the 9 - acre Mat Maid complex", "the Mat Maid properties", "The Mat Maid dairy"; "a manager in the
    # Trustworthy Computing group" and "Microsoft Trustworthy Computing director Yunsun Wee".
    people = _people(_ecb_documents(*names))
    assert people and not_a_person not in people


def test_a_spelling_of_a_shorter_name_joins_the_fuller_name() -> None:
    # "Duncan Robert Rait", "Duncan Rait" and "Duncan Raite" (a misspelling the extract stage merged
    # with "Duncan Rait") are one climber.
    people = _people(_ecb_documents("23_9ecbplus", "23_10ecbplus", "23_11ecbplus"))
    assert len([p for p in people if p.startswith("Duncan")]) == 1


def test_an_apposition_the_parser_hung_on_a_name_from_afar_is_no_role() -> None:
    # 25_15ecbplus: "Reggie Bush was lost for half the season after breaking his right fibula in New
    # Orleans' Sept. 20 win over San Francisco." ("win" parsed as in apposition to Bush.)
    roles = _roles(_ecb_documents(*(f"25_{n}ecbplus" for n in range(13, 16))))
    assert "Reggie Bush" in roles and "win" not in roles["Reggie Bush"]


def test_an_animal_the_articles_name_is_no_person() -> None:
    # ECB+ 32: "Fenn, the family's new pet collie", found dead beside the two women.
    people = _people(_ecb_documents(*(f"32_{n}ecbplus" for n in range(1, 9))))
    assert "John Jenkin" in people and "Fenn" not in people


def test_a_verb_the_parser_hung_on_a_name_is_no_part_of_its_title() -> None:
    # ECB+ 29_1ecbplus: "The Colts' defense stuffed quarterback Brady Quinn on fourth-and-inches".
    roles = _roles(_ecb_documents(*(f"29_{n}ecbplus" for n in range(1, 9))))
    assert roles.get("Brady Quinn", "").endswith("quarterback") and "stuffed" not in roles["Brady Quinn"]


def test_a_verb_of_saying_is_no_title_and_a_business_is_no_person() -> None:
    # ECB 18 (undated): "Police allege Eric Allen Kirkpatrick, 61, opened fire ..." ("allege" tagged as a
    # noun); "Faud Ali, owner of Fiji Islands Auto Repair, a business on the same street".
    roles = _roles(_ecb_documents(*(f"18_{n}ecb" for n in range(1, 9))))
    assert "Eric Allen Kirkpatrick" in roles and "allege" not in roles["Eric Allen Kirkpatrick"]
    assert "Fiji Islands Auto Repair" not in roles


def test_a_first_name_s_usual_short_form_is_the_same_person() -> None:
    # NeuS 167: "President-elect Joe Biden" and "President-elect Joseph R. Biden Jr." are one person.
    people = _neus_people(167)
    assert len([p for p in people if p.endswith(("Biden", "Biden Jr"))]) == 1


def test_a_person_the_headlines_name_is_a_key_person() -> None:
    # NeuS 127: "Kavanaugh accuser Julie Swetnick speaks out ..." and "... Julie Swetnick says in first
    # televised interview" head two of the three reports, whose excerpts name her once.
    assert "Julie Swetnick" in _neus_people(127)


def test_a_relative_introduced_after_the_surname_stays_apart_from_it() -> None:
    # NeuS 164: "President Biden" is written before "first lady Jill Biden" in the articles that name
    # both; the surname names the president, and his quotes are not hers.
    brief = Newsfuse().brief_story("164", parse_line(_neus_line(164), 164))
    roles = {p.name: p.roles[0].text.strip() for p in brief.people if p.roles}
    assert roles.get("Jill Biden") == "first lady"
    assert roles.get("Biden") == "President"
    assert all(q.speaker != "Jill Biden" for q in brief.quotes)


def test_a_surname_given_for_the_person_himself_still_joins_his_full_name() -> None:
    # NeuS 96: "President Trump" before "Donald Trump" is one man; no one there is introduced as kin.
    people = _neus_people(96)
    assert "Donald Trump" in people and "Trump" not in people


def test_a_name_with_a_quoted_nickname_is_a_person() -> None:
    # NeuS 284: 'director Randolph “Tex″ Alles', the wire's double prime closing the nickname.
    assert _neus_people(284).get("Randolph “Tex” Alles") == "director"


def _neus_line(number: int) -> str:
    return need(EVAL / "neus-val" / "val.source").read_text(encoding="utf-8").splitlines()[number - 1]


def test_a_hyphenated_title_the_parser_split_is_kept_whole() -> None:
    # "with co-author James Swanson": the parser hangs "co" on the preposition and "-author" on the
    # name; the role is the whole word.
    assert _roles(_ecb_topic(4, "ecb"))["James Swanson"] == "co-author"


def test_a_description_before_an_honorific_is_the_role_without_it() -> None:
    # NeuS 176: "Fox News senior judicial analyst and Fox Nation host Judge Andrew Napolitano"; NeuS
    # 25: "Chairman of the Joint Chiefs of Staff General Joseph Dunford". The honorific goes with the
    # name; a title of several words ("Deputy Attorney General", NeuS 301) stays whole.
    assert _neus_people(176).get("Andrew Napolitano") == "Fox Nation host"
    assert _neus_people(25).get("Joseph Dunford") == "Chairman of the Joint Chiefs of Staff"
    assert _neus_people(301).get("Rod Rosenstein") == "Deputy Attorney General"


def test_an_apposition_an_infinitive_completes_is_no_role() -> None:
    # NeuS 260: "Matthew G. Whitaker, his choice to replace Jeff Sessions as attorney general": "choice"
    # says nothing of him without the clause.
    assert _neus_people(260).get("Matthew G. Whitaker") == ""


def test_a_title_opening_on_a_team_s_name_is_no_part_of_the_name() -> None:
    # ECB+ 29_9ecbplus to 29_13ecbplus: "Colts QB Andrew Luck" beside "Andrew Luck"; "Colts" names the team.
    people = _people(_ecb_documents(*(f"29_{n}ecbplus" for n in range(9, 14))))
    assert "Andrew Luck" in people and not [p for p in people if p.startswith("Colts")]


def test_a_nickname_is_no_second_person_and_an_initial_left_out_is_one_person() -> None:
    # ECB 28_1ecb to 28_8ecb: "W. Mark Felt -- the man they called “Deep Throat.”", "Felt ..., who,
    # better known as “Deep Throat,” became ..."; "W. Mark Felt" and "Mark Felt" are one man.
    people = _people(_ecb_documents(*(f"28_{n}ecb" for n in range(1, 9))))
    assert "Deep Throat" not in people
    assert len([p for p in people if p.endswith("Mark Felt")]) == 1


def test_a_name_described_as_a_name_is_no_person() -> None:
    # ECB 12_1ecb to 12_8ecb: "The dhow, identified as bearing the name Salahaddin, was towing a smaller skiff".
    assert "Salahaddin" not in _people(_ecb_documents(*(f"12_{n}ecb" for n in range(1, 9))))


def test_a_name_written_with_and_without_an_inner_space_is_one_person() -> None:
    # ECB+ 33_1ecbplus to 33_8ecbplus: "Vincent Del Giudice" and "Vincent DelGiudice", one judge.
    people = _people(_ecb_documents(*(f"33_{n}ecbplus" for n in range(1, 9))))
    assert len([p for p in people if p.replace(" ", "") == "VincentDelGiudice"]) == 1


def test_a_body_s_noun_before_a_title_is_part_of_the_role() -> None:
    # ECB+ 35_1ecbplus to 35_8ecbplus: "club President Dean Spanos" (the club's president; no honorific).
    assert _roles(_ecb_documents(*(f"35_{n}ecbplus" for n in range(1, 9)))).get("Dean Spanos") == "club President"


def test_a_title_in_full_ends_no_name_and_a_compound_word_ends_a_role() -> None:
    # Fresh reading J. ECB+ 9: "Stuart Pimm, Doris Duke Professor of Conservation Ecology at Duke
    # University" listed "Doris Duke Professor" as a person (a chair named for its donor). ECB 5:
    # "signed free-agent forward Elton Brand" gave the role "free-agent", the tagger reading "forward"
    # as a preposition though the parser hangs it on the name.
    assert "Doris Duke Professor" not in _people(_ecb_documents("9_9ecbplus", "9_11ecbplus"))
    roles = _roles(_ecb_documents("5_10ecb", "5_14ecb"))
    assert roles.get("Elton Brand") == "free-agent forward"
