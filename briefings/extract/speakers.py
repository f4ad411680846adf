"""Who said it: names, roles and coreference of pronouns and descriptions to the person or body meant."""
from __future__ import annotations

from dataclasses import dataclass

from .noun_phrases import (
    appos_name, appos_person, clean, described_as, described_only, fits_role, is_acronym, is_plural_body, kin_body,
    long_forms, name_like, name_role, phrase, phrase_text, reports, spoken_for, strip_det, subjectish, unnamed_before,
    with_short_form,
)
from .speech_words import (
    BODY_KIN, DOC_NOUNS, FIRST_NAMES, GENDERED, GENDERED_NOUNS, GENERIC_BODIES, GROUP_PRONOUNS, OFFICIALS, ORG_NOUNS,
    ORG_WORDS, PARTICLES, PERSON_NOUNS, PERSON_PRONOUNS, RELATIVES, REPORTERS, SPEECH_VERBS, SPOKES_NOUNS,
    TITLE_WORDS, VAGUE_BODIES,
)


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: name (None when unnamed), role, and whether a person or a body."""

    name: str | None
    role: str | None = None
    kind: str = "person"  # person | org


UNKNOWN = Speaker(None)


class Resolver:
    """Resolves subject tokens to speakers, remembering who was mentioned and who spoke."""

    def __init__(self, doc, inside: frozenset[int] | set[int] = frozenset(), datelines: frozenset[int] = frozenset()):
        self.doc = doc
        self._inside = inside
        self._datelines = datelines  # "GENEVA (AP) —": the place and agency of a dateline, never a speaker
        self.people: list[tuple[int, str, str | None]] = []  # (token index, full name, role) in text order
        self.sayers: list[tuple[int, Speaker]] = []  # resolved speakers of speech verbs, in text order
        self._roles: dict[str, str] = {}  # roles learnt from attributions ("the spokesman for X, Ivan Horak")
        self._gender: dict[str, str] = {}  # from honorifics and pronouns already resolved ("m" | "f")
        self._names: list[list[str]] = []  # every personal name as a list of words
        heads = self._collect_names()
        self._surnames = {n[-1].lower() for n in self._names if len(n) > 1}
        # "a resident … said", "the minister has warned": one person who spoke, named or not, whom a pronoun may mean
        self._mentions = [t.i for t in doc if t.i not in inside and t.tag_ == "NN" and t.lemma_.lower() in PERSON_NOUNS
                          and subjectish(t) and self._speaks(t)]
        self._mentioned: dict[int, Speaker] = {}  # resolved once: "the woman" resolves through earlier mentions
        for head in sorted(heads, key=lambda t: t.i):
            if head.i in inside or head.i in datelines:
                continue  # a name in someone's words ("Sobrang malapit") is no one a later "he" means
            sp = self._person(head)
            if sp.name:
                self.people.append((head.i, sp.name, sp.role))
                before = [t.lower_.rstrip(".") for t in doc[max(0, head.i - 3) : head.i]]
                honorific = next((w for w in before if w in GENDERED), None)
                # "Ms", a role such as "mother of four", or a common first name tell "he" from "she"
                role_words = (sp.role or "").lower().split()
                by_role = next((GENDERED_NOUNS[w] for w in role_words if w in GENDERED_NOUNS), None)
                gender = GENDERED.get(honorific) or by_role or FIRST_NAMES.get(sp.name.split()[0].lower())
                if gender:
                    self._gender.setdefault(sp.name, gender)

    def _collect_names(self) -> list:
        """Heads of personal names: NER's, plus the names small models mislabel as places or bodies."""
        heads = []
        for ent in self.doc.ents:
            toks = self._name_tokens(ent) if ent.label_ == "PERSON" else []
            if toks:
                self._names.append([t.text for t in toks])
                heads.append(ent.root)
        for tok in self.doc:
            run = [] if tok.ent_type_ == "PERSON" else appos_name(tok) or name_like(tok)
            if len(run) > 1:
                self._names.append([t.text for t in run])
                heads.append(tok)
        return heads

    # --- names and roles -------------------------------------------------
    def _name_tokens(self, ent) -> list:
        toks = [t for t in ent if not (t.is_punct and t.text not in "-.")]
        while toks and (toks[0].lower_ in TITLE_WORDS or toks[0].ent_type_ in ("NORP", "GPE") or toks[0].is_lower
                        or toks[0].pos_ == "NOUN"):  # "Neighbor Yang Suxiao": a common noun is a role
            toks = toks[1:]
        while toks and toks[-1].text in ("’s", "'s", "-"):
            toks = toks[:-1]
        return toks

    def _name_run(self, tok) -> list:
        """Capitalised words standing right before tok as one personal name ("Jan Egeland")."""
        doc, run, k = self.doc, [tok], tok.i - 1
        while k >= 0 and len(run) < 5:
            t = doc[k]
            hyphen = t.text == "-" and not t.whitespace_ and k > 0 and not doc[k - 1].whitespace_
            word = t.pos_ == "PROPN" and t.is_title and t.lower_ not in TITLE_WORDS | ORG_WORDS \
                and t.ent_type_ not in ("DATE", "TIME", "NORP")
            if not (hyphen or word or (t.lower_ in PARTICLES and k > 0 and doc[k - 1].is_title)):
                break
            run.insert(0, t)
            k -= 1
        while run and (run[0].lower_ in PARTICLES or run[0].text == "-"):
            run = run[1:]
        if any(t.lower_ in ORG_WORDS for t in run):
            return [tok]
        return run

    def full_name(self, name: str) -> str:
        """The fullest form the article gives of a name ("Erdogan" -> "Recep Tayyip Erdogan")."""
        words = name.split()
        if not words:
            return name
        best = words
        low = [w.lower() for w in words]
        for cand in self._names:
            cl = [w.lower() for w in cand]
            if cl and _last(cl) == _last(low) and set(low) <= set(cl) and len(cand) > len(best):
                best = cand  # "Kadil Sinolinding Jr." for "Sinolinding"
        # NER may miss or cut the full form ("Valle Ribeiro" of "Maria do Valle Ribeiro"): look in the text
        runs = [self._name_run(t) for t in self.doc if t.text.lower() == low[-1]]
        runs = [r for r in runs if set(low) <= {t.lower_ for t in r}]
        longest = max(runs, key=len, default=[])
        if len(longest) > len(best):
            best = [t.text for t in longest]
        if len(words) == 1 and best is words:  # "Abiy" for "Abiy Tesfaye": a first name used alone
            firsts = [cand for cand in self._names if len(cand) > 1 and cand[0].lower() == low[0]]
            if len({tuple(c) for c in firsts}) == 1:
                best = firsts[0]
        return clean(" ".join(best).replace(" - ", "-").replace(" -", "-").replace("- ", "-"))

    def _name_span(self, tok):
        """Tokens of the name of the person tok belongs to (entity, else its run of proper nouns)."""
        if tok.ent_type_ == "PERSON":
            ent = next((e for e in self.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None:
                toks = self._name_tokens(ent)
                return self.doc[toks[0].i : toks[-1].i + 1] if toks else None
        if tok.pos_ != "PROPN":
            return None
        lo = tok.i
        while lo > 0:
            prev = self.doc[lo - 1]
            if prev.pos_ != "PROPN" or prev.lower_ in TITLE_WORDS or prev.dep_ not in ("compound", "flat"):
                break
            if prev.ent_type_ in ("GPE", "NORP") or (prev.ent_type_ == "ORG" and prev.ent_iob_ == "B" and prev.ent_type_ != tok.ent_type_):
                break
            lo -= 1
        return self.doc[lo : tok.i + 1]

    def _person(self, tok) -> Speaker:
        span = self._name_span(tok)
        if span is None or not clean(span.text):
            return UNKNOWN
        return Speaker(self.full_name(clean(span.text)), name_role(tok, span.start), "person")

    def role_of(self, name: str) -> str | None:
        """The role the article gives a person anywhere before or after."""
        return self._roles.get(name) or next((r for _, n, r in self.people if n == name and r), None)

    # --- memory of mentions and speakers ---------------------------------
    def said(self, at: int, speaker: Speaker) -> None:
        """Remember that speaker spoke at token index at."""
        if speaker.name:
            self.sayers.append((at, speaker))
            if speaker.role and speaker.kind == "person":
                self._roles.setdefault(speaker.name, speaker.role)

    def _credible(self, name: str) -> bool:
        """Small NER models tag places as people; trust full names and those seen speaking."""
        return len(name.split()) > 1 or any(sp.name == name for _, sp in self.sayers)

    def _recent_person(self, at: int, gender: str | None = None) -> Speaker:
        """The person a pronoun most likely means: the latest subject or speaker of a fitting gender."""
        fits = lambda name: self._credible(name) and gender in (None, self._gender.get(name, gender))  # noqa: E731
        best_i, best = -1, UNKNOWN
        for i, name, role in self.people:
            if best_i < i < at and subjectish(self.doc[i]) and fits(name):
                best_i, best = i, Speaker(name, self._roles.get(name) or role)
        for i, sp in self.sayers:
            if best_i < i < at and sp.kind == "person" and fits(sp.name):
                best_i, best = i, sp
        for i in self._mentions:  # a later unnamed "resident" is meant rather than a named person before
            if best_i < i < at and GENDERED_NOUNS.get(self.doc[i].lower_, gender) == gender:
                sp = self._mention(i)
                if sp.name is None and any(c.lower_ in ("the", "this") for c in self.doc[i].children):
                    continue  # "the official" we could not name may well be the person named before
                if sp.name is None or sp.kind == "org" or fits(sp.name):
                    best_i, best = i, sp
        if best_i < 0:  # no subject: any earlier mention, else one named right after ("she said. Halima Yusuf …")
            near = [p for p in self.people if p[0] < at and fits(p[1])][-1:] or \
                [p for p in self.people if at < p[0] <= at + 40 and fits(p[1])][:1]
            if near:
                best = Speaker(near[0][1], near[0][2])
        if best.name and best.kind == "person" and gender:
            self._gender.setdefault(best.name, gender)
        return best

    def _speaks(self, tok) -> bool:
        """Whether tok is the subject of a speech verb (or a subject the parser left without its verb)."""
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return tok.head.lemma_.lower() in SPEECH_VERBS
        verbs = [t for t in tok.sent if t.pos_ == "VERB" and t.i not in self._inside]
        return tok.dep_ == "ROOT" and any(t.lemma_.lower() in SPEECH_VERBS for t in verbs)

    def _mention(self, i: int) -> Speaker:
        if i not in self._mentioned:
            self._mentioned[i] = self._resolve_one(self.doc[i])
        return self._mentioned[i]

    def _recent_sayer(self, at: int, kind: str | None = None) -> Speaker:
        found = [sp for i, sp in self.sayers if i < at and (kind is None or sp.kind == kind)]
        return found[-1] if found else UNKNOWN

    def _recent_body(self, at: int) -> tuple[int, Speaker]:
        """The body "the group" stands for, and where: the latest named one that spoke or was a clause subject."""
        best_i, best = -1, UNKNOWN
        for i, sp in self.sayers:
            if best_i < i < at and sp.kind == "org" and any(w[:1].isupper() for w in sp.name.split()):
                best_i, best = i, sp
        bodies = [(e.root, list(e)) for e in self.doc.ents if e.label_ == "ORG"]
        bodies += [(t, phrase(t)) for t in self.doc[:at] if is_plural_body(t)]  # "The Houthis did not comment"
        bodies += [(t, [t]) for t in self.doc[:at] if is_acronym(t) and t.ent_type_ != "ORG"]  # "The RSF denied …"
        for root, toks in bodies:
            i = root.i
            if best_i < i < at and i not in self._inside and i not in self._datelines and subjectish(root):
                best_i, best = i, Speaker(with_short_form(strip_det(toks)), None, "org")
        if best.name:
            return best_i, best
        # no body spoke or acted: the latest one named shortly before ("Fighters of the X Army attacked …"),
        # other than the outlet someone spoke to ("told Reuters")
        named = [e for e in self.doc.ents if e.label_ == "ORG" and at - 60 < e.root.i < at and e.root.i not in self._inside
                 and e.root.i not in self._datelines and not (e.root.dep_ == "dobj" and e.root.head.lemma_ == "tell")]
        if named:
            return named[-1].root.i, Speaker(with_short_form(strip_det(list(named[-1]))), None, "org")
        return -1, self._recent_sayer(at, "org")

    def _recent_reporter(self, at: int, word: str) -> Speaker:
        """"The monitor" is a body that reports: one the article calls a monitor, else the one that reported most
        (the latest on a tie), under the fullest name given ("the Observatory said" → "X Observatory for Y")."""
        found = [(i, sp.name, False) for i, sp in self.sayers if i < at and sp.kind == "org"]
        found += [(e.root.i, with_short_form(strip_det(list(e))), described_as(e, word)) for e in self.doc.ents
                  if e.label_ == "ORG" and e.root.i < at and e.root.i not in self._inside
                  and (reports(e.root) or described_as(e, word))]
        names = {n for _, n, _ in found}
        full = {n: max((m for m in names if set(n.lower().split()) <= set(m.lower().split())), key=len) for n in names}
        score: dict[str, tuple] = {}
        for i, name, described in found:
            was = score.get(full[name], (False, 0, -1))
            score[full[name]] = (was[0] or described, was[1] + 1, i)
        best = max(score, key=score.get, default=None)
        return Speaker(best, None, "org") if best else UNKNOWN

    # --- resolution ------------------------------------------------------
    def resolve(self, tok) -> Speaker:
        """Speaker meant by the subject token tok; people joined by "and" speak together."""
        first = self._resolve_one(tok)
        if first.kind != "person" or not first.name:
            return first
        # the parser may hang the second name on the first one's apposition ("A, the X for Y, and B")
        heads = [tok] + [c for c in tok.children if c.dep_ == "appos"]
        conj = [c for h in heads for c in h.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
        k = tok.right_edge.i + 1  # or hung on the verb: "by A, the X, and B, the Y"
        while k + 1 < len(self.doc) and self.doc[k].text == ",":
            k += 1
        issuers = tok.dep_ == "pobj" and tok.head.lower_ == "by"  # only for "a statement issued by …"
        if not conj and issuers and k + 1 < len(self.doc) and self.doc[k].lower_ == "and" \
                and self.doc[k + 1].ent_type_ == "PERSON":
            ent = next(e for e in self.doc.ents if e.start <= k + 1 < e.end)
            conj = [ent.root]
        others = [self._resolve_one(c) for c in conj]
        names = [first.name] + [o.name for o in others if o.name and o.kind == "person" and o.name != first.name]
        if len(names) == 1:
            return first
        return Speaker(" and ".join(names), None, "person")

    def _resolve_one(self, tok) -> Speaker:
        if tok.lower_ in RELATIVES and tok.head.dep_ in ("relcl", "acl") and tok.head.head is not tok.head:
            tok = tok.head.head  # "Trump, who stated" -> Trump
        if tok.i in self._datelines:
            return UNKNOWN
        bearer = _title_bearer(tok)
        if bearer is not None:
            tok = bearer  # "according to Brig. Gen. Rolando Bautista", the parse stopping at the first title
        if tok.pos_ == "PROPN" and tok.is_lower and tok.ent_type_ != "PERSON":
            return self._description(tok)  # "the baker", tagged a proper noun: a description, not a name
        low = tok.lower_
        if tok.pos_ == "PRON" or low in PERSON_PRONOUNS | GROUP_PRONOUNS:
            if low in PERSON_PRONOUNS:
                return self._recent_person(tok.i, "m" if low in ("he", "him") else "f")
            if low in GROUP_PRONOUNS:
                org = self._recent_sayer(tok.i, "org")
                if not org.name and low == "it":  # "it" is a body even when none was seen speaking
                    org = self._recent_body(tok.i)[1]
                return org if org.name else self._recent_sayer(tok.i)
            return UNKNOWN
        named = appos_person(tok) if tok.ent_type_ != "PERSON" else None
        if named is not None:  # "the spokesman for the army, Ivan Horak," -> the named person
            sp = self._person(named)
            if sp.name:
                described = tok.pos_ == "NOUN" or tok.lower_ in TITLE_WORDS
                role = phrase_text(strip_det(phrase(tok))) if described else None
                return Speaker(sp.name, role or sp.role)
        if is_plural_body(tok):  # "the Houthis", whatever NER calls them
            return self._body(tok)
        mine = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if mine is not None and tok.lemma_.lower() in SPOKES_NOUNS | ORG_NOUNS:
            # "their spokesman", "its media office": the body the pronoun means, when there is one
            org = self._recent_sayer(tok.i, "org")
            org = org if org.name else self._recent_body(tok.i)[1]
            if org.name and org.kind == "org":
                return org
        if is_acronym(tok) and tok.ent_type_ != "PERSON":
            return self._body(tok)  # "OCD-ARMM said": a short form names a body, whatever the parse
        if tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and tok.lower_ in self._surnames):
            return self._person(tok)
        if tok.pos_ == "PROPN" and tok.ent_type_ != "GPE" and len(self.full_name(tok.text).split()) > 1:
            return self._person(tok)  # a surname whose full form NER did not tag as a person
        if tok.ent_type_ in ("ORG", "NORP", "GPE", "FAC") or tok.lemma_.lower() in ORG_NOUNS:
            return self._body(tok)
        if tok.pos_ == "PROPN" and tok.lower_ not in TITLE_WORDS:
            return self._person(tok)
        return self._description(tok)

    def _body(self, tok) -> Speaker:
        toks = strip_det(phrase(tok))
        for c in tok.children:  # "the UN refugee agency UNHCR": keep a name standing right after
            if c.dep_ == "appos" and toks and c.i == toks[-1].i + 1:
                toks = toks + phrase(c)
        bare = len(toks) == 1 and (tok.pos_ == "NOUN" or tok.lower_ in ORG_NOUNS)
        # "the Britain-based war monitor", "the armed group": a body described, not named
        bare = bare or (tok.pos_ == "NOUN" and tok.lemma_.lower() in VAGUE_BODIES and described_only(toks, tok))
        if bare:  # "the ministry" -> the fuller ministry named before
            lemma = tok.lemma_.lower()
            same_i, same = -1, UNKNOWN
            for i in range(tok.i - 1, -1, -1):
                prev = self.doc[i]
                if prev.lemma_.lower() == lemma:
                    fuller = strip_det(phrase(prev, ("relcl", "appos", "acl", "punct", "advcl", "conj", "cc")))
                    if len(fuller) > 1:
                        same_i, same = i, Speaker(phrase_text(fuller), None, "org")
                        break
            generic = lemma in GENERIC_BODIES and any(c.lower_ in ("the", "this") for c in tok.children)
            body_i, body = self._recent_body(tok.i) if generic else (-1, UNKNOWN)
            # "the agency" may mean any body and so the latest; "the ministry" means the ministry named before
            if same.name and (same_i > body_i or lemma not in VAGUE_BODIES):
                return same
            if generic and lemma in REPORTERS:  # "the monitor" after "The X Observatory said …"; else nobody
                reporter = self._recent_reporter(tok.i, lemma)
                return reporter if reporter.name else body
            if generic and lemma in VAGUE_BODIES:
                return body
            if generic:  # "the army" is a body named so before, or one not named at all
                if body.name and ({lemma} | BODY_KIN.get(lemma, set())) & set(body.name.lower().split()):
                    return body
                named = kin_body(self.doc, tok.i, lemma)
                return Speaker(named, None, "org") if named else UNKNOWN
        return Speaker(with_short_form(toks), None, "org") if toks else UNKNOWN

    def _speaks_for(self, tok) -> Speaker:
        """The person named before tok whose role or introduction names the body in the description tok ("the DSWD
        chief" after "DSWD Secretary Judy Taguiwalo", "the Red Cross spokeswoman" after "Lena Varga, who speaks
        for the Red Cross"), when the description's gender does not rule them out."""
        body = body_words(tok)
        gender = GENDERED_NOUNS.get(tok.lemma_.lower())
        if not body:
            return UNKNOWN
        for i, name, role in reversed(self.people):
            if i >= tok.left_edge.i or gender not in (None, self._gender.get(name, gender)):
                continue  # a name inside the description itself ("the Nassa official") is the body's, not a person's
            head, sent = self.doc[i], self.doc[i].sent
            ties = {w.lower() for w in (role or "").replace("(", " ").replace(")", " ").split()}
            ties |= {t.lower_ for t in head.subtree if sent.start <= t.i < sent.end}
            if body <= ties:
                return Speaker(name, role)
        return UNKNOWN

    def _description(self, tok) -> Speaker:
        """A common noun: "the minister", "a Taliban spokesman", "the statement", "an officer"."""
        lemma = tok.lemma_.lower()
        part = next((g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                     if g.dep_ == "pobj" and g.lemma_.lower() in DOC_NOUNS), None)
        if lemma in PASSAGES and part is not None:
            return self._description(part)  # "a portion of Duterte's letter": the letter's
        if lemma in DOC_NOUNS:  # "a statement issued by X" is X's; "the statement" is the last speaker's
            for t in tok.subtree:
                if t.dep_ == "pobj" and t.head.lower_ in ("by", "from") and t.i > tok.i:
                    return self.resolve(t)
            writer = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
            if writer is not None:
                return self.resolve(writer)  # "Duterte's letter"
            if _one_of_many(tok):
                return UNKNOWN  # "one of the messages sent to a hotline": written by someone not named
            sayer = self._recent_sayer(tok.i)
            return sayer if sayer.name else self._recent_body(tok.i)[1]  # nobody spoke yet: the body that acted
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "poss")}
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        definite = bool(dets & {"the", "this"}) or owner is not None  # "the group's spokesman" is definite too
        if lemma == "old":  # "the 60-year-old", wherever the parser hangs "the"
            definite = definite or any(t.lower_ == "the" for t in self.doc[max(0, tok.i - 5) : tok.i])
        if not dets and tok.tag_ == "NN":  # headline style, "governor fears": the one the article names so
            named = [(abs(i - tok.i), name, role) for i, name, role in self.people if fits_role(tok, role)]
            if named:
                _, name, role = min(named)
                return Speaker(name, role)
        if definite:  # "the UNHCR spokesperson": the one named so before, unless an unnamed one came since
            unnamed_i, body = unnamed_before(tok)
            unnamed = Speaker(body, None, "org") if body else UNKNOWN
            for i, name, role in reversed(self.people):
                if unnamed_i < i < tok.i and fits_role(tok, role):
                    return Speaker(name, role)
            if unnamed.name:
                return unnamed
        if definite:  # "the Red Cross spokeswoman" after "Lena Varga, who speaks for the Red Cross"
            sp = self._speaks_for(tok)
            if sp.name:
                return sp
        # "a Taliban spokesman", "an Israeli military spokesperson" speak for that body
        body = spoken_for(tok)
        if body:
            return Speaker(body, None, "org")
        if owner is not None and owner.lemma_.lower() in ORG_NOUNS:  # "the ministry's spokesman"
            return self._body(owner)
        if not definite:
            return UNKNOWN  # "an officer", "one official": unnamed, and we do not guess
        for i in range(tok.i - 1, -1, -1):  # the same noun before: named there or not at all
            prev = self.doc[i]
            if prev.lemma_.lower() == lemma and prev.pos_ in ("NOUN", "PROPN"):
                named = next((c for c in list(prev.children) + [prev.head] if c.ent_type_ == "PERSON"), None)
                after = self.doc[i + 1] if i + 1 < tok.i else None
                if named is None and after is not None and after.ent_type_ == "PERSON" and after.ent_iob_ == "B":
                    named = after  # "The carpenter Jonas Weir rebuilt …", parsed as two subjects
                body = spoken_for(prev) if named is None else None
                if body:  # "A Ukrainian military intelligence official told …" then "the official said"
                    return Speaker(body, None, "org")
                sp = self._person(named) if named is not None else UNKNOWN
                said_as = phrase_text(phrase(prev))  # "A Ruritanian army official, Colonel Ivo Marek,"
                if not (fits_role(tok, sp.role) or fits_role(tok, said_as)):
                    continue  # "Israel's defence minister" is not the Lebanese prime minister named before
                return sp
        for i, name, role in self.people:  # introduced only after the quotation
            if i > tok.i and fits_role(tok, role):
                return Speaker(name, role)
        if lemma in TITLE_WORDS or lemma in OFFICIALS:
            return UNKNOWN  # "the president" nobody was called: do not guess
        if owner is not None:
            return UNKNOWN  # "Omar's mother" is not Omar
        # "the 28-year-old", "the woman": the one just described
        return self._recent_person(tok.i, GENDERED_NOUNS.get(lemma))


SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
PASSAGES = {"portion", "part", "excerpt", "passage", "extract", "copy", "section", "line"}


def _one_of_many(doc_noun) -> bool:
    """"a message", "another message", "one of the messages": one document among several, whose writer the
    article has not named."""
    dets = {c.lower_ for c in doc_noun.children if c.dep_ in ("det", "nummod")}
    if dets & {"a", "an", "another", "one", "some"}:
        return True
    head = doc_noun.head
    return doc_noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ("one", "some", "another", "each")


def _title_bearer(tok):
    """The person a title token belongs to when the parse made the title the head ("Brig. Gen. Rolando Bautista"
    read as "Brig"), or None."""
    doc = tok.doc
    if tok.ent_type_ == "PERSON" or tok.lower_ not in TITLE_WORDS and tok.lower_ + "." not in TITLE_WORDS:
        return None
    k = tok.i + 1
    while k < len(doc) and k - tok.i <= 4 and (doc[k].text == "." or doc[k].lower_ in TITLE_WORDS
                                               or doc[k].lower_ + "." in TITLE_WORDS):
        k += 1
    if k >= len(doc) or doc[k].ent_type_ != "PERSON" or doc[k].ent_iob_ != "B":
        return None
    return next(e.root for e in doc.ents if e.start == k)


def _last(words: list[str]) -> str:
    """The surname of a name as lower-case words: the last word that is no suffix ("Jr.")."""
    core = [w for w in words if w not in SUFFIXES]
    return core[-1] if core else words[-1]


def body_words(tok) -> set[str]:
    """Words naming a body in the modifiers of a description: "the Red Cross spokeswoman" → {"red", "cross"},
    "the DSWD chief" → {"dswd"}; none for "the regional health secretary"."""
    mods = [c for c in tok.children if c.dep_ in ("compound", "poss", "nmod", "amod") and c.i < tok.i]
    words = {t for c in mods for t in c.subtree if t.i < tok.i}
    # a name tagged as a person still names a body when it modifies a noun ("the Nassa official")
    return {t.lower_ for t in words if t.is_alpha and (t.pos_ == "PROPN" or t.ent_type_ == "ORG" or t.is_upper)
            and t.ent_type_ not in ("GPE", "NORP", "LOC")}


JOINERS = {"of", "for", "and", "the", "in", "on", "de", "du", "des", "la", "le", "del", "to", "at"}


def spelled_out(doc) -> dict[str, str]:
    """Short forms of bodies the article spells out, in brackets after the name or anywhere else: "RSF" → "Rapid
    Support Forces (RSF)", "NRC" → "Norwegian Refugee Council", "ARMM" → "Autonomous Region in Muslim Mindanao
    (ARMM)"."""
    forms = long_forms(doc)
    shorts = sorted({t.text for t in doc if t.is_alpha and t.is_upper and 2 <= len(t) <= 6} - set(forms))
    for short in shorts:
        full = _spelled(doc, short)
        if full:
            forms[short] = full
    return forms


def _spelled(doc, short: str) -> str | None:
    """The first run of capitalised words (joined by "of", "in", "and" …) whose initials spell `short`."""
    for start in (t.i for t in doc if t.is_title and t.text[0] == short[0] and t.lower_ not in JOINERS):
        words, k = [], start
        while k < len(doc) and len(words) < 10 and (doc[k].is_title or doc[k].lower_ in JOINERS and words):
            words.append(doc[k])
            initials = "".join(w.text[0] for w in words if w.is_title)
            if not short.startswith(initials):
                break
            if initials == short and doc[k].is_title:
                name = " ".join(w.text for w in words)
                bracketed = k + 3 < len(doc) and doc[k + 1].text == "(" and doc[k + 2].text == short
                return f"{name} ({short})" if bracketed else name
            k += 1
    return None
