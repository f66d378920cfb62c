"""Danish texts of the exercise kinds: what the room sees and what the referat says."""

TEXT: dict[str, str] = {
    "round.result.everyone": "Runde: {spoke} af {speakers} talte, {seconds} sek. hver",
    "round.result.shorter": "Runde med kortere taletid: {spoke} af {speakers} talte, {seconds} sek. hver",
    "round.result.groups": "Runde i grupper på {speakers} ({participants} deltagere), {seconds} sek. hver",
    "round.result.pluk": "Pluk: {spoke} af {speakers} frivillige talte, {seconds} sek. hver",
}
