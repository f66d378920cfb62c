"""The starter theme `oplaeg new-theme ID` writes: valid, and explaining itself as it goes."""

from __future__ import annotations

STARTER = """---
id: {theme_id}
title: {title}
summary: Én linje, der fortæller arbejdspladsen, hvad temaet handler om.
plans: 45 / 90 / 120
---

# {title}

Skriv her et par linjer om temaet. De vises ikke på lærredet, men i oversigten over temaer
og hjælper dig selv, når du vender tilbage til temaet. Formatet er beskrevet i
content/README.md i oplaeg; kør `oplaeg check` på filen, hver gang du har ændret den.

## Før mødet

- Aftal med lederen og AMR/TR, om lederen deltager – og i så fald, at lederen taler sidst.
- Spørg, om der er en verserende sag, som temaet kan ramme, og vælg i så fald andre eksempler.
- Print tjeklisten til dig selv: `oplaeg handout {theme_id} --prep`
- Arbejdsmiljørepræsentant (AMR): ___
- Tillidsrepræsentant (TR): ___

## Velkommen
kind: presentation
minutes: 5 / 5 / 5

### Velkommen

- Dagens program
- Referatet: temaer, aftaler og handlingsplanen – ingen navne
- Det sendes til lederen og arbejdsmiljøgruppen
- Vi forhandler ikke løn og arbejdstid i dag

Noter:
Alt efter "Noter:" er dine talenoter. De vises aldrig på lærredet.
Fortæl, hvem du er, hvad I skal nå, og hvem der får referatet.
Spørg: Er der noget, der skal være på plads, før vi går i gang?
Valgfrit: Linjer, der begynder med "Valgfrit:", kan du springe over, når tiden er knap.

## Tjek-ind
kind: exercise
format: round
seconds-per-person: 15
min-seconds-per-person: 10
fallback: groups
minutes: - / 5 / 10
optional: yes

Én sætning hver. De andre lytter.

Noter:
Med mange deltagere foreslår oplaeg selv at tage runden i grupper.

### Runden
minutes: - / 5 / 10
mode: plenum

- Hvordan har du det lige nu – med ét ord?

## Oplæg
kind: presentation
minutes: 10 / 20 / 25
minimum: 8

### Første pointe

- Hver "### overskrift" er et nyt dias
- Hold det kort: en overskrift og få linjer

Noter:
Hvad du vil sige til dette dias, og ét eksempel fra en dansk arbejdsplads.
Spørg: Hvad kender I fra jeres egen hverdag?

### Anden pointe

- Skriv dine egne dias her

Noter:
Slet eller ret dias, så de passer til temaet.

## Refleksion
kind: exercise
format: reflection
minutes: 15 / 25 / 30
minimum: 10

Tænk først selv, tal så med din sidemand, og saml op i plenum.

### Alene
minutes: 3 / 5 / 5
mode: alene

- Skriv spørgsmålet til den stille refleksion her.

### To og to
minutes: 6 / 10 / 10
mode: par

- Hvad lagde I mærke til hos hinanden?

### Plenum
minutes: 6 / 10 / 15
mode: plenum

- Hvad vil vi gerne gøre mere af?

## Pause
kind: break
minutes: - / - / 10

Vi ses om lidt.

## Handlingsplan
kind: exercise
format: action-plan
minutes: 15 / 30 / 35
minimum: 10

Hvad gør vi nu? Hvem tager sig af det, hvornår, og hvordan følger vi op?

### Aftaler
minutes: 15 / 30 / 35
mode: plenum

- Hvad gør vi?
- Hvem er tovholder?
- Hvornår er det gjort?
- Hvordan og hvornår følger vi op?

## Afrunding
kind: exercise
format: round
seconds-per-person: 10
fallback: pluk
minutes: - / 5 / 5

### Én ting, jeg tager med
minutes: - / 5 / 5
mode: plenum

- Ét ord om i dag

## Kilder

- [Arbejdstilsynet: Kom i mål med APV-arbejdet](https://at.dk/arbejdsmiljoearbejdet/arbejdspladsvurdering-apv/kom-i-maal-med-apv-arbejdet/)
"""


def starter_theme(theme_id: str, title: str | None = None) -> str:
    """A complete theme that passes `oplaeg check`, to be rewritten by the consultant."""
    return STARTER.format(theme_id=theme_id, title=title or "Mit eget tema")
