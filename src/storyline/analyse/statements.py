"""Statements a report attributes to someone: speaker, organisation, PLOVER type, target, content, quote.

A statement is anchored on a predicate from ``data/speech_verbs.tsv`` ("demanded",
"condemned", "denies", "met", "said"). The speaker is the predicate's subject (or
the subject it shares through coordination, or the agent of "according to");
pronouns ("It said…", "he added") take the latest speaker of a fitting kind from
earlier sentences. Reporting verbs ("said") that frame a stronger predicate in
the same sentence do not make a statement of their own.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from storyline.analyse.actors import alias_table
from storyline.analyse.event_types import speech_verb_rows
from storyline.records import Span, StatementMention, TimeInterval

RULE = "statements-1"
_QUOTE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
_PRONOUNS = {"it": "org", "they": "org", "he": "person", "she": "person", "we": "org"}
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CUT_WORDS = {"who", "which", "that", ",", "(", "—", "–", "whose"}
_EVENT_NOUNS = {"attack", "incident", "killing", "strike", "assault", "bombing", "blast", "explosion", "raid", "ambush", "clash", "shelling"}


@dataclass(frozen=True, slots=True)
class _Cue:
    lemma: str
    condition: str
    statement_type: str
    reporting: bool


@lru_cache(maxsize=1)
def _cues() -> dict[str, list[_Cue]]:
    cues: dict[str, list[_Cue]] = {}
    for row in speech_verb_rows():
        cue = _Cue(row["lemma"], row["particle_or_object"], row["statement_type"], row["reporting"] == "yes")
        cues.setdefault(cue.lemma, []).append(cue)
    for entries in cues.values():
        entries.sort(key=lambda c: not c.condition)  # conditional rows first
    return cues


def _matching_cue(token) -> _Cue | None:
    for cue in _cues().get(token.lemma_.lower(), []):
        if not cue.condition:
            return cue
        if cue.condition.startswith("obj:"):
            wanted = cue.condition[4:]
            if any(child.dep_ in ("dobj", "obj", "xcomp") and child.lemma_.lower().startswith(wanted) for child in token.children):
                return cue
        else:
            following = [t.lower_ for t in token.doc[token.i + 1: token.i + 3]]
            if cue.condition in following:
                return cue
    return None


def _quote_spans(sentence) -> list[tuple[int, int]]:
    return [(sentence.start_char + m.start(1), sentence.start_char + m.end(1)) for m in _QUOTE.finditer(sentence.text)]


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _phrase(token) -> tuple[int, int]:
    """Character extent of a subject's noun phrase, cut before relative clauses and appositions."""
    tokens = [t for t in token.subtree]
    kept = []
    for t in tokens:
        if t.i > token.i and (t.lower_ in _CUT_WORDS or t.dep_ in ("relcl", "acl", "appos")):
            break
        kept.append(t)
    while kept and kept[0].dep_ in ("det", "punct") and kept[0].lower_ in ("the", "a", "an", "“", "\""):
        kept = kept[1:]
    kept = kept or [token]
    return kept[0].idx, kept[-1].idx + len(kept[-1].text)


def _subject(predicate):
    """The subject token of a predicate, through coordination, xcomp and relative clauses."""
    current = predicate
    for _ in range(4):
        for child in current.children:
            if child.dep_ in _SUBJECTS:
                return child
        if current.dep_ in ("conj", "xcomp", "advcl") and current.head is not current:
            current = current.head
            continue
        if current.dep_ == "relcl":
            return None
        break
    return None


class StatementFinder:
    """Finds statements sentence by sentence, remembering speakers for pronouns."""

    def __init__(self, article_id: str, text: str, find_times) -> None:
        self.article_id = article_id
        self.text = text
        self.find_times = find_times
        self.last_person: tuple[str | None, str | None, str | None] | None = None
        self.last_org: str | None = None
        self.people: dict[str, tuple[str, str | None, str | None]] = {}

    def sentence(self, sentence, event_ids: list[str], main_event: str | None) -> list[StatementMention]:
        quotes = _quote_spans(sentence)
        predicates = []
        for token in sentence:
            if token.pos_ not in ("VERB", "AUX"):
                continue
            cue = _matching_cue(token)
            if cue is None:
                continue
            if _inside(token.idx, quotes):
                # Quoted words are content, unless the quote itself reports a third party ("Guo demanded…").
                subject = _subject(token)
                if subject is None or subject.lower_ in ("i", "we", "you") or cue.reporting:
                    continue
            predicates.append((token, cue))
        strong = [t for t, cue in predicates if not cue.reporting]
        cue_of = {t.i: cue for t, cue in predicates}
        found = []
        for token, cue in predicates:
            if cue.reporting and any(token.is_ancestor(t) or t.is_ancestor(token) for t in strong):
                continue  # "X said Y condemned …": Y's statement carries it
            if token.dep_ in ("xcomp", "advcl") and token.head.i in cue_of:
                continue  # "met … to discuss", "pledged to assist": one statement, made by the head
            complement = next((cue_of[c.i] for c in token.children if c.dep_ == "xcomp" and c.i in cue_of
                               and not cue_of[c.i].reporting), None)
            if complement is not None and cue.statement_type in ("AGREE", "STATEMENT"):
                cue = complement  # "pledged to assist" is an offer of cooperation, not a bare promise
            mention = self._statement(sentence, token, cue, quotes, event_ids, main_event)
            if mention is not None:
                found.append(mention)
        according = self._according_to(sentence, quotes, predicates, event_ids, main_event)
        if according is not None:
            found.append(according)
        return found

    # -- one statement ----------------------------------------------------------------------------
    def _statement(self, sentence, predicate, cue: _Cue, quotes, event_ids, main_event) -> StatementMention | None:
        subject = _subject(predicate)
        if subject is None:
            return None
        evidence = [Span("statement_type", predicate.idx, predicate.idx + len(predicate.text), predicate.text)]
        speaker, role, org = self._speaker(subject, evidence)
        if speaker is None and org is None:
            return None
        target = self._target(predicate, evidence)
        quote = next(((s, e) for s, e in quotes if predicate.idx < e and s >= sentence.start_char), None)
        if quote is not None:
            evidence.append(Span("quote", quote[0], quote[1], self.text[quote[0]:quote[1]]))
        if cue.reporting and quote is None and quotes:
            quote = quotes[0]  # “…,” the office said: the quote is what was said
            evidence.append(Span("quote", quote[0], quote[1], self.text[quote[0]:quote[1]]))
        if cue.reporting and quote is not None:
            content_start, content_end = quote
        else:
            # the predicate's own words: not a coordinated second predicate ("rejected X and offered Y")
            skipped = {t.i for c in predicate.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for t in c.subtree}
            content_start = predicate.idx
            content_end = max(t.idx + len(t.text) for t in predicate.subtree if t.i not in skipped and t.i >= predicate.i)
        content_start, content_end = self._trim(content_start, content_end)
        content = self.text[content_start:content_end]
        if not content:
            return None
        evidence.append(Span("content", content_start, content_end, content))
        return self._mention(sentence, predicate.idx, speaker, role, org, cue.statement_type, target, content,
                             self.text[quote[0]:quote[1]] if quote else None, evidence, event_ids, main_event)

    def _according_to(self, sentence, quotes, predicates, event_ids, main_event) -> StatementMention | None:
        for token in sentence:
            if _inside(token.idx, quotes):
                continue
            if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
                objects = [c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"]
                if not objects:
                    return None
                agent = objects[0]
                by = next((c for t in agent.subtree for c in t.children if t.lower_ == "by" and c.dep_ == "pobj"), None)
                source = by or agent
                start, end = _phrase(source)
                evidence = [Span("statement_type", token.idx, token.idx + len("according to"), self.text[token.idx:token.idx + 12]),
                            Span("speaker", start, end, self.text[start:end])]
                org = self.text[start:end]
                self.last_org = org
                quote = quotes[0] if quotes else None
                content_start = quote[0] if quote else max(t.idx + len(t.text) for t in agent.subtree) + 1
                content_end = quote[1] if quote else sentence.end_char
                content_start, content_end = self._trim(content_start, content_end)
                content = self.text[content_start:content_end]
                if not content:
                    return None
                if quote:
                    evidence.append(Span("quote", quote[0], quote[1], self.text[quote[0]:quote[1]]))
                evidence.append(Span("content", content_start, content_end, content))
                return self._mention(sentence, token.idx, None, None, org, "STATEMENT", None, content,
                                     content if quote else None, evidence, event_ids, main_event)
        return None

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        """Narrow ``[start, end)`` past surrounding spaces, quotes and punctuation, so the span still matches the text."""
        chars = " ,.;:“”\"\n\t"
        while start < end and self.text[start] in chars:
            start += 1
        while end > start and self.text[end - 1] in chars:
            end -= 1
        return start, end

    def _speaker(self, subject, evidence) -> tuple[str | None, str | None, str | None]:
        lower = subject.lower_
        if lower in _PRONOUNS:
            evidence.append(Span("speaker", subject.idx, subject.idx + len(subject.text), subject.text))
            if _PRONOUNS[lower] == "person" and self.last_person:
                return self.last_person
            return (None, None, self.last_org) if self.last_org else (None, None, None)
        start, end = _phrase(subject)
        words = set(self.text[start:end].split())
        known = next((full for full in self.people if words and words <= set(full.split())), None)
        if known is not None:  # "Odhiambo" after "Interior Minister Amina Odhiambo"
            evidence.append(Span("speaker", start, end, self.text[start:end]))
            self.last_person = self.people[known]
            return self.people[known]
        if len(self.text[start:end].split()) > 8:  # a runaway parse: keep the entity or the word itself
            entity = next((e for e in subject.doc.ents if e.start <= subject.i < e.end), None)
            start, end = (entity.start_char, entity.end_char) if entity is not None else (subject.idx, subject.idx + len(subject.text))
        phrase = self.text[start:end]
        evidence.append(Span("speaker", start, end, phrase))
        from storyline.analyse.places import country_of_adjective

        doc = subject.doc
        people = [ent for ent in doc.ents if ent.label_ == "PERSON" and ent.start_char >= start and ent.end_char <= end
                  and not country_of_adjective(ent.text)]  # the small model calls "Tajik" a person
        person = people[-1] if people else None
        if person is not None:
            name = person.text
            words = set(name.split())
            known = next((full for full in self.people if name != full and words < set(full.split())), None)
            if known:
                name, role, org = known, self.people[known][1], self.people[known][2]
            else:
                role = self.text[start:person.start_char].strip() or None
                org = self._organisation(role or "")
                self.people[name] = (name, role, org)
            self.last_person = (name, role, org)
            return name, role, org
        org = phrase
        _, entries, pattern = alias_table()
        match = pattern.search(phrase)
        if match is not None:
            entry = entries[match.group(0).lower()]
            if entry.category not in ("civilians", "political militia") and entry.canonical not in ("Military Forces", "Police Forces"):
                org = entry.canonical
        self.last_org = org
        return None, None, org

    def _organisation(self, role: str) -> str | None:
        from storyline.analyse.actors import country_of
        from storyline.analyse.places import country_of_adjective

        for word in role.replace("’s", "").replace("'s", "").split():
            iso = country_of_adjective(word)
            if iso:
                return country_of(iso)
        return None

    def _target(self, predicate, evidence) -> str | None:
        for child in predicate.children:
            if child.ent_type_ in ("DATE", "TIME"):
                continue
            if child.dep_ in ("dobj", "obj") and (child.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or child.pos_ == "PROPN"):
                start, end = _phrase(child)
                evidence.append(Span("target", start, end, self.text[start:end]))
                return self.text[start:end]
            if child.dep_ == "prep" and child.lower_ in ("on", "with") :
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj" and grandchild.ent_type_ not in ("DATE", "TIME") and (grandchild.ent_type_ or grandchild.pos_ == "PROPN"):
                        start, end = _phrase(grandchild)
                        evidence.append(Span("target", start, end, self.text[start:end]))
                        return self.text[start:end]
        return None

    def _mention(self, sentence, anchor: int, speaker, role, org, statement_type, target, content, quote, evidence,
                 event_ids, main_event) -> StatementMention:
        times = [(span, interval) for span, interval in self.find_times(sentence)]
        time = times[0][1] if times else TimeInterval(None, None, "unresolved", "")
        if times:
            evidence.append(times[0][0])
        about = event_ids[0] if event_ids else None
        if about is None and main_event and any(t.lemma_.lower() in _EVENT_NOUNS for t in sentence):
            about = main_event
        digest = hashlib.sha256(f"{self.article_id}:statement:{anchor}".encode()).hexdigest()[:16]
        return StatementMention(
            id=digest, article_id=self.article_id, speaker=speaker, speaker_role=role, speaker_org=org,
            statement_type=statement_type, target=target, content=content, quote=quote, time=time,
            about_event=about, confidence=0.6 if statement_type == "STATEMENT" else 0.7,
            evidence=tuple(evidence), rules=(RULE,),
        )
