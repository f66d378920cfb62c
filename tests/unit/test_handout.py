from html.parser import HTMLParser

from sessions.export.handout import handout_html, handout_markdown, shown_url
from sessions.theme.model import ExerciseFormat, SegmentKind
from sessions.theme.parser import parse_theme
from sessions.theme.starter import starter_theme


def test_markdown_handout(theme):
    text = handout_markdown(theme, 90)
    assert text.startswith(f"# {theme.title}\n")
    assert "*Til deltagerne · temamøde om det psykiske arbejdsmiljø*" in text
    assert "**Arbejdsplads:** ____" in text and "**Dato:** ____" in text
    assert "## Det vigtigste" in text and "## Spørgsmål til øvelserne" in text
    agenda = theme.agenda(90)
    assert "### Velkommen" not in text and "### Rammer for i dag" not in text, "said in the room"
    talk = next(s for s in agenda[1:] if s.kind is SegmentKind.PRESENTATION)
    assert f"### {talk.slides[0].title}" in text
    assert "Noter:" not in text and "Sig:" not in text, "speaker notes stay with the consultant"
    for segment in agenda:
        if (
            segment.kind is SegmentKind.EXERCISE
            and segment.format is not ExerciseFormat.ACTION_PLAN
        ):
            assert segment.intro.strip() not in text, "instructions are the facilitator's"
            for step in segment.steps:
                for question in step.questions:
                    assert f"- {question}" in text
    assert "| Hvad gør vi? | Hvem (tovholder) | Hvornår | Opfølgning (hvordan og hvornår) |" in text
    assert text.count("|   |   |   |   |") == 6
    assert "xn--" not in text


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_html_handout_is_self_contained_and_escapes_raw_html(theme):
    hostile = starter_theme("x", "Ond <script>alert(1)</script>").replace(
        "- Skriv dine egne dias her", "- Dagens <img src=x onerror=alert(1)> program"
    )
    parsed, problems = parse_theme(hostile, "x.md")
    assert problems == [] and parsed is not None
    page = handout_html(parsed, 90)
    collected = _Collect()
    collected.feed(page)
    assert "script" not in collected.tags and "img" not in collected.tags
    assert "link" not in collected.tags, "no external stylesheet"
    assert "<img src=x onerror=alert(1)>" in "".join(collected.text)
    assert "table" in collected.tags
    html_page = handout_html(theme, 120)
    assert html_page.startswith("<!DOCTYPE html>") and "@page { size: A4" in html_page


def test_addresses_are_shown_as_people_type_them():
    assert shown_url("https://xn--detdumrker-i6a.dk/trivsel/") == "detdumærker.dk/trivsel"
    assert shown_url("https://xn--detdumrker-i6a.dk/a", scheme=True) == "https://detdumærker.dk/a"
    assert (
        shown_url("https://at.dk/regler/bek%C3%A6ndtg%C3%B8relse") == "at.dk/regler/bekændtgørelse"
    )
    assert shown_url("https://at.dk/a%20b") == "at.dk/a%20b", "a space would end it on paper"
    assert shown_url("not a url") == "not a url"


def test_the_html_handout_prints_addresses_and_keeps_the_plan_whole(theme):
    page = handout_html(theme, 120)
    assert '@media print { a[href]::after { content: " (" attr(data-url) ")";' in page
    assert 'data-url="' in page and "xn--" not in page.split("data-url")[1][:80]
    assert '<section class="plan">' in page and "section.plan { break-inside: avoid; }" in page
    assert 'table class="blank"' in page and "table.blank td { height: 2.2em; }" in page
    assert "<title>Uddelingsark: Social støtte" in page
    assert "Til deltagerne" in page and "Arbejdsplads:" in page


def test_the_invitation_says_what_who_how_long_and_what_the_referat_holds(theme):
    from sessions.export.invitation import invitation_html, invitation_markdown

    text = invitation_markdown(theme, 120)
    assert text.startswith(f"# Invitation: {theme.title}\n")
    assert theme.summary in text
    assert "120 minutter inklusive en pause" in text
    assert "lederen, arbejdsmiljørepræsentanten (AMR) og tillidsrepræsentanten (TR)" in text
    assert "aftalt med lederen og AMR/TR inden mødet" in text
    assert "sendes til arbejdspladsen" in text and "ingen navne på deltagerne" in text
    assert "egne noter kommer aldrig med" in text
    first = next(s for s in theme.agenda(120) if s.steps and s.steps[0].questions)
    assert first.steps[0].questions[0] in text, "something to think about beforehand"
    assert "Program: " + " · ".join(s.title for s in theme.agenda(120)) in text
    english = invitation_markdown(theme, 90, "en")
    assert "## Who should come?" in english and "pause" not in english
    page = invitation_html(theme, 90)
    collected = _Collect()
    collected.feed(page)
    assert "script" not in collected.tags and "<title>Invitation: Social støtte" in page


def test_the_invitation_escapes_the_theme(theme):
    import dataclasses

    from sessions.export.invitation import invitation_html

    hostile = dataclasses.replace(theme, title="<script>x</script>", summary="<b>y</b>")
    page = invitation_html(hostile, 90)
    collected = _Collect()
    collected.feed(page)
    assert "script" not in collected.tags
    assert "<script>x</script>" in "".join(collected.text) and "<b>y</b>" in "".join(collected.text)
