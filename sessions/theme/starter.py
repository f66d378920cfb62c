"""The starter theme `oplaeg new-theme ID` writes: valid, and explaining itself as it goes."""

from __future__ import annotations

STARTER = """---
id: {theme_id}
title: {title}
summary: Én linje, der fortæller arbejdspladsen, hvad temaet handler om.
---

# {title}

Skriv her et par linjer om temaet. De vises ikke på lærredet, men står i referatet og
hjælper dig selv, når du vender tilbage til temaet. Formatet er beskrevet i content/README.md
i oplaeg; kør `oplaeg check` på filen, hver gang du har ændret den.

## Velkommen
kind: presentation
minutes: 5 / 5

### Velkommen

- Dagens program
- Fortrolighed: det, der bliver sagt her, bliver her
- Ingen navne i referatet

Noter:
Alt efter "Noter:" er dine talenoter. De vises aldrig på lærredet.
Sig, hvem du er, hvad I skal nå, og hvordan noterne bliver brugt bagefter.

## Tjek-ind
kind: exercise
format: round
seconds-per-person: 45
minutes: 10 / 10
minimum: 5

Vi går en runde. Én taler ad gangen, de andre lytter.

### Runden
minutes: 10 / 10
mode: plenum

- Hvordan har du det lige nu – med ét ord?

## Oplæg
kind: presentation
minutes: 20 / 25
minimum: 10

### Første pointe

- Hver "### overskrift" er et nyt dias
- Hold det kort: en overskrift og få linjer

Noter:
Hvad du vil sige til dette dias. Et spørgsmål til salen. Et eksempel fra en dansk
arbejdsplads.

### Anden pointe

- Skriv dine egne dias her

Noter:
Slet eller ret dias, så de passer til temaet.

## Refleksion
kind: exercise
format: reflection
minutes: 25 / 30
minimum: 15

Tænk først selv, tal så med din sidemand, og saml op i plenum.

### Alene
minutes: 5 / 5
mode: alene

- Skriv spørgsmålet til den stille refleksion her.

### To og to
minutes: 10 / 10
mode: par

- Hvad lagde I mærke til hos hinanden?

### Plenum
minutes: 10 / 15
mode: plenum

- Hvad vil vi gerne gøre mere af?

## Pause
kind: break
minutes: - / 10

Vi ses om lidt.

## Handlingsplan
kind: exercise
format: action-plan
minutes: 25 / 35
minimum: 10

Hvad gør vi nu? Hvem tager sig af det, hvornår, og hvordan følger vi op?

### Aftaler
minutes: 25 / 35
mode: plenum

- Hvad gør vi?
- Hvem er tovholder?
- Hvornår er det gjort?
- Hvordan og hvornår følger vi op?

## Afrunding
kind: exercise
format: round
seconds-per-person: 20
minutes: 5 / 5

### Én ting, jeg tager med
minutes: 5 / 5
mode: plenum

- Hvad tager du med herfra i dag?

## Kilder

- [Arbejdstilsynet: Kom i mål med APV-arbejdet](https://at.dk/arbejdsmiljoearbejdet/arbejdspladsvurdering-apv/kom-i-maal-med-apv-arbejdet/)
"""


def starter_theme(theme_id: str, title: str | None = None) -> str:
    """A complete theme that passes `oplaeg check`, to be rewritten by the consultant."""
    return STARTER.format(theme_id=theme_id, title=title or "Mit eget tema")
