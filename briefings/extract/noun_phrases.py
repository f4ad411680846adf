"""Noun phrases from a spaCy parse: their tokens and clean text, personal names, what modifiers say."""
from __future__ import annotations

from .speech_words import BODY_KIN, HONORIFICS, ORG_NOUNS, ORG_WORDS, PARTICLES, SPOKES_NOUNS, TITLE_WORDS


def clean(text: str) -> str:
    """Text with spaces collapsed, edge punctuation and a possessive ending removed."""
    text = " ".join(text.split()).strip(" ,;:-–—")
    for suffix in ("’s", "'s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


def has_word(text: str | None, word: str) -> bool:
    """Whether word is one of the words of text (hyphens split words)."""
    return bool(text) and word in text.lower().replace("-", " ").split()


def strip_det(tokens: list) -> list:
    """Tokens without a leading determiner or possessive pronoun and trailing punctuation."""
    while tokens and (tokens[0].dep_ in ("det", "punct", "case") or tokens[0].lower_ in ("the", "a", "an")
                      or (tokens[0].dep_ == "poss" and tokens[0].pos_ == "PRON")):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "case"):
        tokens = tokens[:-1]
    return tokens


def phrase_text(tokens: list) -> str:
    """Text of tokens as they stand in the article, without parenthesised parts."""
    out, depth = [], 0
    for t in tokens:
        if t.text in "([":
            depth += 1
        elif t.text in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(t.text_with_ws)
    return clean("".join(out))


def phrase(head, drop=("relcl", "appos", "acl", "punct", "advcl")) -> list:
    """Tokens of a noun phrase: head plus modifiers, leaving out clauses and appositions."""
    keep = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for c in tok.children:
            if c.dep_ in drop and not (c.dep_ == "punct" and c.text in "()-"):
                continue
            keep.add(c.i)
            stack.append(c)
    toks = [head.doc[i] for i in sorted(keep)]
    # a phrase is contiguous; cut at gaps left by dropped clauses
    start = toks.index(head)
    lo = start
    while lo > 0 and toks[lo - 1].i == toks[lo].i - 1:
        lo -= 1
    hi = start
    while hi + 1 < len(toks) and toks[hi + 1].i == toks[hi].i + 1:
        hi += 1
    return toks[lo : hi + 1]


def fits_role(tok, role: str | None) -> bool:
    """Whether a named person's role fits the description tok: its noun and its qualifiers ("Israel's defence minister")."""
    if not has_word(role, tok.lemma_.lower()):
        return False
    words = role.replace("-", " ").split()
    # a role without a nation ("army chief") may still be "Sudan's army chief"; one with another nation may not
    national = any(w[:1].isupper() and w.lower() not in TITLE_WORDS | ORG_WORDS for w in words)
    words = [w.lower() for w in words]
    for c in tok.children:
        # "the group's leader" is anaphoric; "Israel's defence minister" is not
        named = c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG")
        office = c.dep_ == "amod" and c.lower_ in TITLE_WORDS and c.lower_ not in ("former", "acting")  # "interior"
        qualifies = c.dep_ == "compound" or named or office
        if not qualifies or not c.is_alpha or c.pos_ == "PRON":
            continue
        if not any(w[:5] == c.lower_[:5] for w in words) and (national or c.ent_type_ not in ("NORP", "GPE")):
            return False
    return True


def body_in_modifiers(tok) -> str | None:
    """A body named by the words before a noun: a people or place plus a body noun ("Russian defence ministry")."""
    if tok.lemma_.lower() not in SPOKES_NOUNS:
        return None  # a spokesman speaks for the army; an army chief is a person of his own
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss") and c.i < tok.i]
    words = [t for c in mods for t in c.subtree]
    if not any(t.lemma_.lower() in ORG_NOUNS for t in words):
        return None
    if not any(t.ent_type_ in ("NORP", "GPE", "ORG") for t in words):
        return None
    toks = strip_det(list(tok.doc[min(t.i for t in words) : tok.i]))
    # "a senior Israeli military official" speaks for the Israeli military, not a "senior" one
    while toks and toks[0].ent_type_ not in ("NORP", "GPE", "ORG") and toks[0].lemma_.lower() not in ORG_NOUNS:
        toks = toks[1:]
    return phrase_text(toks) if toks else None


def spoken_for(tok) -> str | None:
    """The body a spokesman or official is said to speak for ("a Taliban spokesman", "an official at the UN")."""
    near = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss")]
    objs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "in", "with", "from")
            for g in c.children if g.dep_ == "pobj"]
    # "an official in Tarvel": a place the model may take for a body; "in" needs a body noun ("in the agency")
    for c in near + [g for g in objs if g.head.lower_ != "in"]:
        ent = next((e for e in tok.doc.ents if e.start <= c.i < e.end), None) if c.ent_type_ == "ORG" else None
        if ent is not None:
            return with_short_form(strip_det(list(ent)))
    if tok.lemma_.lower() in SPOKES_NOUNS:  # "an official in Ukraine's military intelligence agency"
        for g in objs:
            toks = strip_det(phrase(g)) if g.lemma_.lower() in ORG_NOUNS and g.pos_ == "NOUN" else []
            if len(toks) > 1:  # "an official at the ministry" names no ministry
                return with_short_form(toks)
    if tok.lemma_.lower() in SPOKES_NOUNS | MEMBER_NOUNS:  # "one Fano commander": a group NER did not tag
        group = [c for c in near if c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title and c.ent_type_ in ("", "ORG")]
        if len(group) == 1 and not any(c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in group[0].children):
            return group[0].text
    return body_in_modifiers(tok)


MEMBER_NOUNS = {"commander", "fighter", "member", "militant", "leader", "combatant"}


def with_short_form(tokens: list) -> str:
    """A body's name with the short form the article gives right after it ("Rapid Support Forces (RSF)")."""
    text = phrase_text(tokens)
    cut = next((k for k, t in enumerate(tokens) if t.text == "("), len(tokens))
    if not text or cut == 0:
        return text
    doc, k = tokens[0].doc, tokens[cut - 1].i + 1
    if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
        short = doc[k + 1].text
        if short.isalpha() and short.isupper() and len(short) > 1 and short not in text:
            return f"{text} ({short})"
    return text


def described_only(tokens: list, head) -> bool:
    """Whether the words before head only describe it ("war", "Britain-based"), naming no one."""
    doc = head.doc
    for t in tokens:
        if t.i == head.i or t.text == "-" or t.lower_ == "based":
            continue
        if t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 2].lower_ == "based":
            continue  # "Britain-based", "London-based": where it sits
        if not (t.is_alpha and t.is_lower) or t.ent_type_:
            return False
    return True


def is_plural_body(tok) -> bool:
    """ "the Houthis", "the Taliban's allies": a plural proper noun with an article names a group, not a person."""
    if tok.pos_ != "PROPN" or tok.ent_type_ in ("GPE", "LOC", "FAC") or not tok.lower_.endswith("s"):
        return False
    if any(c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in tok.children):
        return False
    return any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children)


def name_like(tok) -> list:
    """Two or three capitalised words as a clause subject, none naming an organisation."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "PROPN" or tok.ent_type_ not in ("ORG", ""):
        return []
    if tok.tag_ == "NNPS" or any(c.lower_ == "the" for c in tok.children):  # "the White Helmets" is a body
        return []
    run = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [tok]
    if not 2 <= len(run) <= 3 or run[-1].i - run[0].i != len(run) - 1:
        return []
    if any(not t.is_title or t.lower_ in ORG_WORDS or t.lower_ in TITLE_WORDS for t in run):
        return []
    return run

def appos_name(tok) -> list:
    """ "the UN envoy, Staffan de Mistura" or "Nadia Petrova, the head of …": a person whatever NER says."""
    if tok.pos_ != "PROPN" or tok.ent_type_ == "DATE":
        return []
    titled = tok.dep_ == "appos" and (tok.head.lower_ in TITLE_WORDS or (tok.head.pos_ == "NOUN" and tok.ent_type_ != "GPE"))
    described = any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() not in ORG_NOUNS for c in tok.children)
    if not (titled or described):
        return []
    run = [t for t in tok.doc[tok.left_edge.i : tok.i + 1] if t.pos_ == "PROPN" or t.lower_ in PARTICLES or t.text == "-"]
    while run and (run[0].lower_ in TITLE_WORDS or not run[0].is_title):
        run = run[1:]
    return run


def name_role(head, name_start: int) -> str | None:
    """Title before the name ("Turkish Foreign Minister") or an apposition ("governor of the X region")."""
    left = [c for c in head.children if c.i < name_start and c.dep_ in ("compound", "amod", "nmod")]
    if left:
        lo = min(t.i for c in left for t in c.subtree)
        toks = []
        for t in reversed(head.doc[lo:name_start]):  # the title stops at a dateline, a number or another name
            if t.like_num or t.ent_type_ in ("DATE", "TIME", "CARDINAL") or (t.is_punct and t.text != "-"):
                break
            if t.lower_ in ("and", "or", "&"):  # "Governor Ali Musa and Mayor Grace Ndlovu"
                break
            if t.lower_ not in HONORIFICS:
                toks.insert(0, t)
        if toks:
            return phrase_text(toks)
    for c in head.children:
        if c.dep_ == "appos" and c.ent_type_ != "PERSON" and not c.like_num and c.pos_ in ("NOUN", "PROPN"):
            toks = strip_det(phrase(c))
            if toks:
                return phrase_text(toks)
    if head.dep_ == "appos":  # "the mayor of Tarvel, Anna Roos": the parser may hang it on "Tarvel"
        noun = head.head
        while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head
        if noun.pos_ == "NOUN" or noun.lower_ in TITLE_WORDS:
            toks = strip_det(phrase(noun))
            if toks:
                return phrase_text(toks)
    return None


def naming(tok) -> bool:
    """A clause giving the name of the noun it hangs on ("a driver named Yusuf Kamal")."""
    return tok.dep_ == "acl" and tok.lemma_.lower() in ("name", "call")


def appos_person(tok):
    """A proper-noun apposition within a subject phrase (the parser may hang it on a later noun)."""
    stack = list(tok.children)
    while stack:
        c = stack.pop(0)
        if c.dep_ in ("relcl", "acl", "advcl", "ccomp") and not naming(c):
            continue
        # NER often tags a lone name as a body; after a person noun ("mother, Wafa") it is a person
        tagged = c.ent_type_ in ("PERSON", "") or (c.ent_type_ == "ORG" and tok.lemma_.lower() not in ORG_NOUNS)
        named = c.dep_ in ("oprd", "dobj", "attr") and naming(c.head)
        if (c.dep_ == "appos" or named) and c.pos_ == "PROPN" and tagged and not _bare_title(c) \
                and c.i > tok.i:
            return c
        stack.extend(c.children)
    return None


def _bare_title(tok) -> bool:
    """A title word standing alone ("the envoy, Sheikh,"), not the surname ending a name ("Nadeem Ahmad Sheikh")."""
    given = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.lower_ not in TITLE_WORDS]
    return tok.lower_ in TITLE_WORDS and not (tok.ent_type_ == "PERSON" and given)


def kin_body(doc, at: int, lemma: str) -> str | None:
    """The latest body named before token at whose name fits a description ("the army": "Sudanese Armed Forces")."""
    kin = {lemma} | BODY_KIN.get(lemma, set())
    for ent in reversed([e for e in doc.ents if e.label_ == "ORG" and e.end <= at]):
        if kin & {t.lower_ for t in ent}:
            return with_short_form(strip_det(list(ent)))
    return None


def unnamed_before(tok) -> tuple[int, str | None]:
    """The latest unnamed "a <body> official" before "the official" (tok), and the body it speaks for."""
    for i in range(tok.i - 1, -1, -1):
        prev = tok.doc[i]
        if prev.lemma_.lower() != tok.lemma_.lower() or prev.pos_ != "NOUN":
            continue
        if any(c.ent_type_ == "PERSON" for c in list(prev.children) + [prev.head]):
            break  # that one was named
        body = spoken_for(prev)
        if body:
            return i, body
    return -1, None


REPORT_VERBS = {"document", "record", "count", "report", "tally", "register", "verify", "say", "publish", "estimate"}


def is_acronym(tok) -> bool:
    """"The RSF denied …": a short all-capital proper noun names a body, whatever NER calls it."""
    return tok.pos_ == "PROPN" and tok.text.isalpha() and tok.text.isupper() and 2 <= len(tok.text) <= 6 \
        and tok.ent_type_ not in ("GPE", "LOC", "FAC", "NORP")


def reports(tok) -> bool:
    """The body is the subject of a reporting verb: "the X Observatory said/documented/recorded …"."""
    while tok.dep_ in ("compound", "flat", "appos", "conj") and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in REPORT_VERBS


def subjectish(tok) -> bool:
    """Subjects (and "according to X") are what later pronouns usually point back to."""
    while tok.dep_ in ("compound", "flat", "appos", "conj") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "pobj":
        return tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
    if tok.dep_ in ("nsubj", "nsubjpass"):  # of a main clause, not of a reported one
        return tok.head.dep_ in ("ROOT", "conj", "parataxis")
    return tok.dep_ == "ROOT"


MONITOR_NAMES = {"observatory", "monitor", "monitoring", "watch"}  # names that say a body monitors


def described_as(ent, word: str) -> bool:
    """"The X Network, a Britain-based monitor,", "the X Observatory": the body is called or named a `word`."""
    named = word in ("monitor", "watchdog") and any(t.lower_ in MONITOR_NAMES for t in ent)
    return named or any(c.dep_ == "appos" and c.lemma_.lower() == word for c in ent.root.children)


def long_forms(doc) -> dict[str, str]:
    """Short forms the article spells out: "Rapid Support Forces (RSF)" -> {"RSF": "Rapid Support Forces (RSF)"}."""
    forms: dict[str, str] = {}
    for k in range(1, len(doc) - 2):
        short = doc[k + 1].text
        if doc[k].text != "(" or doc[k + 2].text != ")" or not (short.isalpha() and short.isupper() and len(short) > 1):
            continue
        words, j = [], k - 1
        while j >= 0 and len(words) < 8 and (doc[j].is_title or doc[j].lower_ in ("of", "for", "and", "the")):
            words.insert(0, doc[j])
            initials = "".join(w.text[0] for w in words if w.is_title)
            if initials == short and words[0].is_title:
                forms.setdefault(short, f"{' '.join(w.text for w in words)} ({short})")
                break
            j -= 1
    return forms
