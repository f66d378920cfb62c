from html.parser import HTMLParser

from sessions.export.handout import handout_html, handout_markdown
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
