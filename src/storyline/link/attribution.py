"""Attribution: which other outlets or wire agencies a report credits.

A report shows where its words came from in a few stock ways:

- a wire byline or dateline that makes it that wire's copy: ``By Jane Roe, PA News``,
  ``LONDON (Reuters) -``, ``(AP) —``, a sign-off such as ``Meridian Wire``;
- a credit in the running text: ``Reuters reported``, ``according to the BBC``,
  ``told The Associated Press``, ``said in a statement to AFP``, ``the state
  Xinhua news agency``, and ``the agency said`` after a named agency;
- a note that another outlet's copy went into the report, wherever it stands: ``Reuters contributed
  to this report``, ``With files from The Canadian Press``, ``Additional reporting by AFP``.

:func:`find_attributions` returns each signal with its kind and character span;
:func:`attributions` only the credited names. Names are canonical where the wire
is a well-known agency (``PA``, ``PA News`` and ``the Press Association`` are all
``Press Association``), so that two reports crediting one wire can be compared.

Only names that look like news outlets count (a known agency, an acronym in a
reporting phrase, or a name ending in an outlet word such as News, Press, Times,
Agency, Wire): "according to police" and "told Mr Justice Forbes" are sources of
information, not of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# The few international and national wire agencies that most news copy comes
# from, by the spellings they are credited with (lower case, without "the").
WIRE_ALIASES: dict[str, str] = {
    "pa": "Press Association", "pa news": "Press Association", "press association": "Press Association",
    "pa media": "Press Association",
    "ap": "Associated Press", "associated press": "Associated Press",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "reuters": "Reuters", "thomson reuters": "Reuters",
    "upi": "UPI", "united press international": "UPI",
    "dpa": "dpa", "deutsche presse-agentur": "dpa",
    "xinhua": "Xinhua", "efe": "EFE", "ansa": "ANSA", "tass": "TASS", "interfax": "Interfax",
    "bloomberg": "Bloomberg", "kyodo": "Kyodo", "yonhap": "Yonhap", "anadolu": "Anadolu",
    "anadolu agency": "Anadolu", "pti": "Press Trust of India", "press trust of india": "Press Trust of India",
    "ani": "ANI", "ians": "IANS", "bernama": "Bernama", "antara": "Antara",
}
# Last words that make a capitalised name an outlet rather than a person or an office.
_OUTLET_WORDS = (
    "News", "Press", "Times", "Post", "Agency", "Wire", "Radio", "TV", "Television", "Journal", "Herald",
    "Telegraph", "Guardian", "Tribune", "Gazette", "Mail", "Express", "Mirror", "Observer", "Chronicle",
    "Network", "Broadcasting", "Media", "Daily", "Reporter", "Independent", "Standard", "Today", "Online",
    "Newswire", "Newspaper", "Dispatch", "Courier", "Sentinel",
    # the names of Romance-language outlets end in the word for the press or the news ("Agencia Continental de
    # Prensa", "La Presse", "Oriente Noticias")
    "Prensa", "Presse", "Noticias", "Notícias", "Imprensa", "Stampa",
)
# First words that make a name an outlet in the languages that put the kind of outlet first: "Agencia Andina",
# "Agence Ivoirienne de Presse", "Diario Libre".
_OUTLET_LEADS = ("Agencia", "Agence", "Agência", "Agenzia", "Diario", "Diário", "Jornal")
_NOT_OUTLETS = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "police", "officials", "mr", "mrs",
                "ms", "dr", "sir", "court", "the court", "justice", "a", "an"}
_ACRONYM = re.compile(r"[A-Z]{2,6}")

_NAME = r"(?:[Tt]he[ \t]+)?[A-Z][\w&'’-]*(?:[ \t]+(?:(?:of|de|del|da|do|des|du)[ \t]+)?[A-Z][\w&'’-]*){0,4}"
_PERSON = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}"
_PLACE_AND_DATE = r"(?:[A-Z][\w .,'’/-]{0,50}?[ \t]*)?"
_SIGN_OFF_MARK = r"(?:[-–—©]|\([cC]\))?[ \t]*"
# An outlet's abbreviation in brackets after its name: "the NordBaltic Press Agency (NBPA) reported".
_ABBREVIATED = r"(?:[ \t]+\([A-Z]{2,6}\))?"
_CREDIT_VERB = r"(?:told|spoke\s+to|said\s+in\s+a\s+statement\s+to|in\s+an\s+interview\s+with)"
# "Reuters contributed (reporting) to this report", "With files from The Canadian Press", "Additional reporting
# by AFP", "This story includes material from AP": the report is partly made of that outlet's copy.
_CONTRIBUTED = r"\s+contributed\s+(?:reporting\s+|material\s+)?to\s+this\s+(?:report|story|article)"
# So does a note that the whole report is another outlet's: "This article first appeared on Gulf Labour Monitor",
# "Republished with permission from ...", "Originally published by ...".
_CONTRIBUTION_BEFORE = (r"\b(?:[Ww]ith\s+(?:files|reporting|material)\s+from|[Aa]dditional\s+reporting\s+by"
                        r"|(?:report|story|article)\s+(?:includes|contains|uses)\s+material\s+from"
                        r"|(?:report|story|article)\s+(?:first\s+|originally\s+)?(?:appeared|ran)\s+(?:on|in)"
                        r"|(?:[Oo]riginally|[Ff]irst)\s+published\s+(?:on|in|by)"
                        r"|[Rr]epublished\s+(?:with\s+(?:the\s+)?permission\s+)?(?:from|of))\s+")
# (kind, pattern, whether a bare acronym counts as an outlet there)
_PATTERNS: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    # A byline on a line of its own: "By Jane Roe, PA News".
    ("byline", re.compile(rf"(?m)^[ \t]*By[ \t]+{_PERSON},[ \t]*(?P<name>{_NAME})[ \t]*$"), True),
    # A dateline opens a paragraph: "LONDON, March 3 (Reuters) -", "(AP) —".
    ("dateline", re.compile(rf"(?m)^[ \t]*{_PLACE_AND_DATE}\((?P<name>{_NAME})\)[ \t]*[-–—]"), True),
    # A sign-off on a line of its own: "Meridian Wire", "— Meridian Wire", "(c) Meridian Wire".
    ("wire", re.compile(rf"(?m)^[ \t]*{_SIGN_OFF_MARK}(?P<name>[A-Z][a-z]+[ \t]+Wire)[ \t]*\.?[ \t]*$"), False),
    ("credit", re.compile(r"\b(?P<name>[A-Z][a-z]+[ \t]+Wire)\b"), False),
    ("credit", re.compile(rf"\b(?P<name>{_NAME}){_ABBREVIATED}\s+(?:has\s+|had\s+)?(?:reported|reports)\b"), True),
    # "according to UN figures": an acronym after "according to" is rarely an outlet.
    ("credit", re.compile(rf"\baccording\s+to\s+(?P<name>{_NAME})"), False),
    ("credit", re.compile(rf"\b{_CREDIT_VERB}\s+(?P<name>{_NAME})"), True),
    ("credit", re.compile(rf"\b(?P<name>{_NAME})\s+news\s+agency\b"), True),
    # "the Gulf of Guinea Press agency reported": an outlet's name before "agency" (not "the UN agency")
    ("credit", re.compile(rf"\b(?P<name>{_NAME})\s+agency\b"), False),
    ("contribution", re.compile(rf"\b(?P<name>{_NAME}){_CONTRIBUTED}"), True),
    ("contribution", re.compile(rf"{_CONTRIBUTION_BEFORE}(?P<name>{_NAME})"), True),
)
_AGENCY_SAID = re.compile(r"\b[Tt]he\s+(?:news\s+)?agency\s+(?:said|reported|added)\b")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One signal that a report credits ``name``: its kind (byline, dateline, wire, credit, contribution) and span.

    A contribution ("Reuters contributed to this report") says the report's text is partly that outlet's copy."""

    name: str
    kind: str
    start: int
    end: int

    @property
    def carries_copy(self) -> bool:
        """True for a byline, dateline or sign-off: the report *is* (a republication of) that outlet's copy."""
        return self.kind in ("byline", "dateline", "wire")


def canonical_outlet(name: str) -> str:
    """The name without a leading article or trailing punctuation, a known wire's canonical name."""
    name = re.sub(r"\s+", " ", name).strip(" .,'’")
    name = re.sub(r"^[Tt]he\s+", "", name)
    name = re.sub(r"'s$|’s$", "", name)
    return WIRE_ALIASES.get(name.lower(), name)


def _looks_like_outlet(name: str, acronym_ok: bool) -> bool:
    bare = re.sub(r"^[Tt]he\s+", "", name).strip(" .,")
    if not bare or bare.lower() in _NOT_OUTLETS or bare.split()[0].lower() in _NOT_OUTLETS:
        return False
    words = bare.split()
    if bare.lower() in WIRE_ALIASES or words[-1] in _OUTLET_WORDS or (len(words) > 1 and words[0] in _OUTLET_LEADS):
        return True
    return acronym_ok and bool(_ACRONYM.fullmatch(bare))


def looks_like_outlet(name: str) -> bool:
    """Whether a capitalised ``name`` is a news outlet's ("Meridian Wire", "Reuters", "The Daily Star")."""
    return _looks_like_outlet(name, acronym_ok=False)


@lru_cache(maxsize=1024)
def _known_outlet_patterns(outlet: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The stock ways of crediting one outlet known by name, whether or not its name looks like an outlet's
    ("Newsline", "Semafor"): a dateline, "the Newsline agency reported", "according to Newsline", "told
    Newsline", "first reported by Newsline", "Newsline contributed to this report". Cached: every candidate pair
    asks for the other report's outlet."""
    name = r"\s+".join(re.escape(word) for word in canonical_outlet(outlet).split())
    if not name:
        return ()
    the = r"(?:[Tt]he[ \t]+)?"
    return (
        ("dateline", re.compile(rf"(?m)^[ \t]*{_PLACE_AND_DATE}\({the}(?P<name>{name})\)[ \t]*[-–—]")),
        ("credit", re.compile(rf"\b{the}(?P<name>{name})(?:\s+(?:news\s+)?agency)?{_ABBREVIATED}(?:'s|’s)?\s+"
                              rf"(?:has\s+|had\s+)?"
                              rf"(?:reported|reports|said|says|added|wrote|quoted|cited)\b")),
        ("credit", re.compile(rf"\baccording\s+to\s+{the}(?P<name>{name})\b")),
        ("credit", re.compile(rf"\b{_CREDIT_VERB}\s+{the}(?P<name>{name})\b")),
        ("credit", re.compile(rf"\b(?:reported|reporting|published|written|carried)\s+(?:first\s+)?by\s+{the}"
                              rf"(?P<name>{name})\b")),
        ("credit", re.compile(rf"\b[Tt]he\s+(?P<name>{name})\s+(?:news\s+)?agency\b")),
        ("contribution", re.compile(rf"\b{the}(?P<name>{name}){_CONTRIBUTED}")),
        ("contribution", re.compile(rf"{_CONTRIBUTION_BEFORE}{the}(?P<name>{name})\b")),
    )


def find_attributions(text: str, known: tuple[str, ...] = ()) -> list[Attribution]:
    """Every attribution signal in ``text``, in text order (overlapping signals of one name kept once).

    ``known``: outlets known by name (the outlet of a report this one is compared with), credited in the stock
    ways (:func:`_known_outlet_patterns`) even where their names do not look like an outlet's."""
    found: list[Attribution] = []
    for kind, pattern, acronym_ok in _PATTERNS:
        for match in pattern.finditer(text):
            name = _trim_name(match.group("name"))
            if _looks_like_outlet(name, acronym_ok):
                found.append(Attribution(canonical_outlet(name), kind, match.start(), match.end()))
    for outlet in known:
        for kind, pattern in _known_outlet_patterns(outlet):
            found += [Attribution(canonical_outlet(outlet), kind, m.start(), m.end()) for m in pattern.finditer(text)]
    found.sort(key=lambda a: a.start)
    agencies = [a for a in found if a.name in WIRE_ALIASES.values() or a.name.endswith(("Agency", "Wire"))
                or "agency" in text[a.start:a.end].lower()]
    for match in _AGENCY_SAID.finditer(text):
        earlier = [a for a in agencies if a.start < match.start()]
        if earlier:  # "the agency said" only counts after a news agency has been named
            found.append(Attribution(earlier[-1].name, "credit", match.start(), match.end()))
    found.sort(key=lambda a: a.start)
    unique: list[Attribution] = []
    for item in found:
        if not any(u.name == item.name and u.start <= item.start < u.end for u in unique):
            unique.append(item)
    return unique


def _trim_name(name: str) -> str:
    """The outlet inside a captured name: "Yesterday Reuters" -> "Reuters", "PA News Legal" -> "PA News"."""
    words = name.split()
    spans = sorted(((i, j) for i in range(len(words)) for j in range(i + 1, len(words) + 1)),
                   key=lambda span: span[0] - span[1])
    for i, j in spans:
        if " ".join(words[i:j]).lower().removeprefix("the ") in WIRE_ALIASES:
            return " ".join(words[i:j])
    for j in range(len(words), 0, -1):
        if words[j - 1] in _OUTLET_WORDS:
            return " ".join(words[:j])
    return name


def attributions(text: str) -> list[str]:
    """The names a report credits (wire bylines and datelines first-seen order), each once."""
    names: list[str] = []
    for item in find_attributions(text):
        if item.name not in names:
            names.append(item.name)
    return names


def carried_copy(text: str) -> set[str]:
    """Outlets whose copy the report presents itself as (byline, dateline, wire sign-off)."""
    return {a.name for a in find_attributions(text) if a.carries_copy}
