"""English texts of the exercise kinds: what the room sees and what the referat says."""

TEXT: dict[str, str] = {
    "round.result.everyone": "Round: {spoke} of {speakers} spoke, {seconds} s each",
    "round.result.shorter": "Round with shorter turns: {spoke} of {speakers} spoke, {seconds} s each",
    "round.result.groups": "Round in groups of {speakers} ({participants} participants), {seconds} s each",
    "round.result.pluk": "Volunteers: {spoke} of {speakers} spoke, {seconds} s each",
}
