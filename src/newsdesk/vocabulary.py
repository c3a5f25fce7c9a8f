"""The word lists every rule shares, each defined once.

Number words, months and weekdays, function words, attribution verbs, hedges
and caveats, the words that make up a claimant's role, and nationality
suffixes. General English only: no name, outlet or phrase of any article
(``tests/test_vocabulary.py`` fails when a rare proper noun of the eval or
sample articles appears in a string constant of ``src/``).
"""

from __future__ import annotations

# Cardinal number words and their values. "one" is a number word, but as a
# figure it is mostly a pronoun ("one of the passengers"); see ``FIGURE_CARDINALS``.
CARDINALS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
FIGURE_CARDINALS: dict[str, int] = {word: value for word, value in CARDINALS.items() if word != "one"}
# Words that scale the number before them: "3 million".
MULTIPLIERS: dict[str, int] = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Quantities without an exact figure: "hundreds of people".
VAGUE_QUANTITIES = frozenset("hundreds thousands dozens scores millions tens".split())
# Every word that states a quantity, with its (rough) value.
NUMBER_WORDS: dict[str, float] = {
    **CARDINALS,
    **MULTIPLIERS,
    "hundreds": 100, "thousands": 1000, "dozen": 12, "dozens": 12, "millions": 1e6,
}

MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
# Month and weekday names, lower-case: words that date something rather than name it.
CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)

# Groups of people a question may pick ("the rate among women", "how many of the dead were children"): a figure
# for everyone, or for another group, does not answer it (`newsdesk.answer.pins`).
PEOPLE_GROUPS: tuple[frozenset[str], ...] = (
    frozenset("man men woman women male female boy boys girl girls".split()),
    frozenset("adult adults child children youth young elderly older pensioner pensioners teenager teenagers".split()),
)
# The seasons: a class of its own below, and a date said in words ("in the autumn", `answer_types.gives_a_date_asked`).
SEASONS = frozenset("spring summer autumn winter".split())
ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())
# Closed classes of English whose members word embeddings place close together but which never stand
# for each other: "women" is not "men", "March" not "February", "second" not "first". A question term is
# not met by another member of its class, however similar their vectors.
CONTRAST_SETS: tuple[frozenset[str], ...] = (
    frozenset(MONTHS[:12]),
    frozenset(WEEKDAYS),
    frozenset(CARDINALS),
    ORDINALS,
    *PEOPLE_GROUPS,
    frozenset("north south east west northern southern eastern western upper lower".split()),
    frozenset("morning afternoon evening night".split()),
    SEASONS,
    # "Yearly" and "annual" name one period: two sets, so that neither contradicts the other (round 10, `prune10`).
    frozenset("daily weekly monthly yearly quarterly".split()),
    frozenset("daily weekly monthly annual quarterly".split()),
)

# Words that pick one value among several of the same thing ("the previous record", "the total",
# "at its peak"): a sentence that does not say the qualifier gives another value. Not "former", which
# names a person's past role ("the former mayor"), not a value.
SELECTING_QUALIFIERS = frozenset(
    "previous earlier original initial peak total average median maximum minimum highest lowest".split()
)

# Sentences written for a language model, not for readers: planted instructions in a page (an order to drop
# earlier instructions, a chat role label, a chat-template token or prompt delimiter, a mode switch).
INSTRUCTION_PATTERNS = (
    r"\b(ignore|disregard|forget) (all |any )?(the )?(previous|prior|above|earlier|your) (instructions|prompts?|rules)\b",
    r"\b(ignore|disregard|forget|override)\b[^.]{0,30}\b(previous|prior|above|earlier|all|any|your|these|the)\s+"
    r"(instructions?|prompts?|directions|system prompt|articles|passages)\b",
    r"(^|\n)\W{0,3}(system|assistant|user|model|developer)\s*:",
    r"<\|[^|>]{1,30}\|>|<(start|end)_of_turn>|</?passage\b|\[/?INST\]|<</?SYS>>",  # chat-template tokens
    r"\bwhen (you are |you're )asked\b[^.]*\b(reply|respond|answer|say)\b",
    # "When asked how many ..., reply that ...": an order (no subject before the verb), not "When asked, she said".
    r"\bwhen asked\b[^.,;]*,\s*(always |only |just )?(reply|respond|answer|say)\b",
    r"^\W*(reply|respond|answer|say) (only )?(that|with)\b",
    r"^\W*(always )?(reply|respond|answer)\b[^.]{0,40}\b(only|every question)\b",  # an order, not "said it would reply only"
    r"\byou are now\b|\bnew (rules?|instructions?) (for|from)\b|\bthe assistant must\b",
    r"\b(developer|jailbreak|god) mode\b",
)

# Nouns whose value is a figure: "what death toll", "what was the inflation rate", "what operating profit".
VALUE_NOUNS = tuple(
    """toll rate figure number share percentage proportion price cost profit loss score total amount size budget
    deficit surplus turnout majority population premium penalty fine salary wage tally margin magnitude capacity
    reading forecast estimate attendance temperature speed distance height depth weight""".split()
)

# Words that carry no content in a question: function words, question words,
# auxiliaries and verbs of asking. Everything else is weighed by rarity.
STOPWORDS = frozenset(
    """a an the and or but if of at by for with about against between into through during before
    after above below to from up down in out on off over under again further then once here there
    all any both each few more most other some such no nor not only own same so than too very can
    will just should now is are was were be been being have has had having do does did doing i me
    my we our you your he him his she her it its they them their this that these those what which
    who whom whose when where why how am would could might must shall may also as per
    many much tell say said says according reported report know please give list show
    happen happened happens happening occur occurred""".split()
)

# Personal pronouns that stand for a person named before: "he said", "she added".
PERSONAL_PRONOUNS = frozenset("he she".split())
# ... and their owners, as a sentence's subject: "he said", "her party won".
SUBJECT_PRONOUNS = PERSONAL_PRONOUNS | frozenset("his her".split())
# Pronouns that may stand for a claimant named before: "it said", "they added", "he told".
CLAIMANT_PRONOUNS = PERSONAL_PRONOUNS | frozenset("it they this that we".split())
# Time adverbs that stand between a source and its verb of saying: "The federation now says 720", "the council has
# since said", "the governor first said", "her lawyer still says" (round 14, `claims/attribution.py`).
ADVERBS_BEFORE_SAYING = frozenset("now since first initially originally already still subsequently".split())
# Pronouns a follow-up points at one person with, in any case: "How old is he?", "Who is representing him?",
# "What was her time?" (round 14, `questions.points_at_an_answered_person`).
PERSON_POINTERS = SUBJECT_PRONOUNS | frozenset("him hers".split())
# Words that point back to something named before: a question holding one follows up an earlier turn.
REFERRING_WORDS = frozenset("they them it its their that those these he she him her there this".split())
# Determiners before a noun that speak of a thing already named: "the library", "its library".
DEFINITE_DETERMINERS = frozenset("the its this that".split())
# Every determiner that opens a noun phrase: "a spokesman", "their lawyers", "these officials".
DETERMINERS = DEFINITE_DETERMINERS | frozenset("a an their his her our these those".split())
# Possessive determiners as news prose uses them: "its 20 shops", "their members", "our staff" (a quoted group's);
# a rule that reads quotes adds "my" and "your".
POSSESSIVE_DETERMINERS = frozenset("its their his her our".split())

# Words no finished English sentence ends on: a generated sentence that does ("... and the date was.")
# was cut off by the token limit, whatever its citations support.
DANGLING_WORDS = frozenset(
    """a an the and or but nor of at by for with to from into onto its their his her our your my whose
    than was were is are be been""".split()
)

# Verbs that attribute what follows (or precedes) them to their subject.
ATTRIBUTION_VERBS = frozenset(
    """said says say stated states told tells claimed claims claim claiming reported reports warned warns
    wrote writes added adds announced announces confirmed confirms denied denies rejected rejects
    argued argues arguing insisted insists estimated estimates alleged alleges noted notes spoke spoken
    acknowledged acknowledges asserted asserts maintained maintains declared declares saying
    disputed disputes contested contests accused accuses blamed blames
    predicted predicts cautioned cautions conceded concedes stressed stresses explained explains
    admitted admits revealed reveals countered counters replied replies complained complains
    emphasised emphasises emphasized emphasizes reiterated reiterates""".split()
)
# Round-17 review: the plain verbs of reporting that take what was said as their clause ("X said the toll had risen",
# "X told parliament ..."): a closing ", Y reported" after one of them relays X, it does not replace X.
REPORTING_VERBS = frozenset("said says told tells reported reports announced announces stated states wrote writes".split())
# Nouns for many people that are not plural in form: "he said" after "police said" is not the police.
COLLECTIVE_NOUNS = frozenset("people police staff personnel crew".split())
# Verbs that pass a judgement on an object, which makes their subject a claimant: with a complement, "called the plan
# reckless", "branded the offer an insult" (not "called the fire brigade", "called the race off"); with "as",
# "described the kitchen as filthy", "dismissed the report as unscientific".
JUDGING_VERBS = frozenset("called calls branded brands labelled labels labeled termed terms".split())
JUDGING_AS_VERBS = frozenset(
    "described describes dismissed dismisses characterised characterises characterized characterizes".split()
)
# Verbs (lemmas) by which a party states its position without a verb of saying, which make their named subject the
# claimant: "The union is demanding a 7 percent rise", "The party opposes any date before 2040", "The manifesto proposed
# 2035". With a preposition only ("campaigned on closing it by 2030", "is calling for a recount"): the second table.
POSITION_VERBS = frozenset("demand want propose urge oppose seek favour favor".split())
POSITION_PREPOSITION_VERBS = {"campaign": ("on", "for", "against"), "call": ("for",), "push": ("for",), "press": ("for",),
                              "lobby": ("for", "against")}
# Verbs of saying whose speaker may follow them: "The deficit will narrow, said Finance Minister Ann Lee."
INVERTING_VERBS = frozenset("said says added adds wrote writes noted notes explained explains replied replies asked".split())
# Round 16 (attrib16): a verb of saying that also adds a thing: "added a second before the break", "added 300 jobs"
# (a figure, an ordinal or a bare "another" after it) says nothing; "added that ...", "he added", "added an odd
# caveat" and "added 12 deaths to the toll" (a revised count) do.
ADDING_VERBS = frozenset("add added adds".split())
# Verbs that attribute only a finding: "the study found that ...", "data from the agency showed";
# their subject is a claimant when it is a document or a that-clause follows ("police found a body" is not).
FINDING_VERBS = frozenset(
    "found finds find showed shows show suggested suggests suggest concluded concludes conclude indicated indicates indicate".split()
)
# Nouns for what a source publishes: "a statement from the ministry", "the company's annual report".
DOCUMENT_NOUNS = frozenset(
    """statement statements report reports study studies survey surveys figures data estimate estimates count
    tally post analysis research poll review audit census records filing documents findings inquiry results
    readings""".split()
)
# Verbs that attribute a figure only when they act on a toll: "raised the death toll to 57".
TOLL_VERBS = frozenset("raised raises lowered lowers revised revises updated updates".split())
TOLL_WORDS = frozenset("toll tally count figure estimate number".split())

# How a figure is hedged, longest first where one contains another.
HEDGES = (
    "as many as", "more than", "fewer than", "less than", "at least", "up to", "close to", "just over",
    "just under", "an estimated", "nearly", "almost", "about", "around", "approximately", "roughly",
    "over", "some", "under", "at most",
)
# Round 16 (attrib16): the words a hedge before a figure is made of, and "no more than", "well over": an estimate's
# figure may stand after three of them ('put the losses at "as many as 12,000"'), not after other words ("put
# 1,240 jobs at risk across its 58 shops" is no estimate).
HEDGE_WORDS = frozenset(word for hedge in HEDGES for word in hedge.split()) | {"no", "well"}
# The hedges of `HEDGES` that round a figure rather than bound it: "about 3,000" allows 3,150; "at least 3,000" does not
# allow 2,000 but says nothing against 25,000.
ROUNDING_HEDGES = ("close to", "an estimated", "nearly", "almost", "about", "around", "approximately", "roughly", "some")
CAVEATS = (
    "could not be independently verified", "could not be independently confirmed", "could not be verified",
    "could not be confirmed", "cannot be independently verified", "cannot be verified", "were not verified",
    "was not verified", "has not been verified", "have not been verified", "unverified",
    "not independently verified", "not independently confirmed",
)

# Lower-case words that may stand inside a claimant's name or role.
ROLE_WORDS = frozenset(
    """of the for and news agency ministry spokesperson spokesman spokeswoman adviser advisor presidential
    president minister official officials service office department military army police emergency
    state defense defence foreign interior health general secretary governor mayor chief commander
    head leader authorities government council committee press national regional deputy prime
    provincial district hospital director managing master coordinator field transport
    authority water fire rescue spokespeople manager operator company inspector inspectors engineer
    commissioner prosecutor judge sheriff captain colonel lieutenant sergeant officer superintendent analyst
    researcher professor doctor economist ambassador envoy senator lawmaker representative chairman
    chairwoman chair executive founder treasurer union trade labour labor industry energy finance economy
    justice education environment agriculture mining mine mines coast guard border customs civil aviation
    railway rail port airport city county town village federal central bank fire-brigade brigade
    ombudsman counsel attorney mp protection relief disaster safety security intelligence public works affairs""".split()
)
# Titles before a person's name: "Dr Kessler", "Mrs Kessler".
HONORIFICS = frozenset("mr mrs ms miss mx dr prof sir dame lord lady rev".split())
# The nouns a newspaper's title ends in ("the Lakeside Courier", "the Brundle Evening Star", "Marlow Daily Post"), in
# one list (round-17 review). The first six name nothing but a newspaper, capitalised anywhere in a name; the rest
# are also common nouns and words of place and company names ("Beacon Hill", "Times Square", "Star Alliance",
# "Post Office"), so they count only as the last word of a longer name (`attribution._newspaper_title`).
NEWSPAPER_ONLY_NOUNS = frozenset("gazette courier herald tribune chronicle bulletin".split())
NEWSPAPER_TITLE_NOUNS = NEWSPAPER_ONLY_NOUNS | frozenset(
    "ledger post times daily weekly record standard examiner observer journal dispatch star echo monitor beacon courant"
    " sentinel clarion inquirer telegraph mirror globe argus advertiser".split()
)
# Words that mark a name as a news organisation ("the Meridane Press Agency", "the Lakeside Courier").
# The words that name a radio or television outlet: "Radio Ostvik", "the state broadcaster".
BROADCAST_WORDS = frozenset("radio tv television broadcaster broadcasting channel".split())
MEDIA_WORDS = frozenset("agency news press wire newswire newspaper".split()) | BROADCAST_WORDS | NEWSPAPER_ONLY_NOUNS
# Round 17: the nouns an outlet calls itself by in its own report ("..., the station reported", "the paper said"),
# by the kind of outlet (round-17 review: a newspaper is not "the broadcaster"); "outlet" fits any.
PRINT_REPORTER_NOUNS = frozenset("paper newspaper".split())
BROADCAST_REPORTER_NOUNS = frozenset("station broadcaster channel".split())
REPORTER_NOUNS = PRINT_REPORTER_NOUNS | BROADCAST_REPORTER_NOUNS | frozenset("outlet site magazine".split())

# Endings of nationality adjectives: "Russian", "Chinese", "Polish", "German", "Iraqi".
NATIONALITY_SUFFIXES = ("ian", "ese", "ish", "an", "i")


def is_nationality(word: str) -> bool:
    """A capitalised word with a nationality ending ("Ukrainian"), as a qualifier of what is counted."""
    return word[:1].isupper() and word.lower().endswith(NATIONALITY_SUFFIXES)


# Verbs of telling the fact asked: "declined to name", "would not say", "cannot confirm".
DISCLOSURE_VERBS = (
    "name", "give", "say", "comment", "disclose", "identify", "reveal", "confirm", "specify", "discuss", "elaborate",
    "estimate", "provide", "speak", "respond", "reply",
)
# The same, done or not yet done: "has not said", "have not decided".
DISCLOSED_FORMS = (
    "say", "said", "disclose", "disclosed", "reveal", "revealed", "give", "given", "name", "named", "identify",
    "identified", "specify", "specified", "release", "released", "explain", "explained", "publish", "published",
    "announce", "announced", "decide", "decided", "determine", "determined", "spoken", "commented", "responded",
    "replied",
)
# Particles that make another verb of a disclosure verb: "will not give up", "do not provide for", "does not
# identify as" refuse nothing.
_PARTICLES = {
    "give": "up|in|way|back|rise|birth", "given": "up|in|way|back|rise|birth", "provide": "for",
    "identify": "as|with", "identified": "as|with", "speak": "out|up",
}


def _verbs(words: tuple[str, ...]) -> str:
    """An alternation of ``words``, each refusing the particles that would make it another verb."""
    return "(?:" + "|".join(
        rf"{word}(?!\s+(?:{_PARTICLES[word]})\b)" if word in _PARTICLES else word for word in words
    ) + r")\b"


# A sentence that says a fact was not given: "gave no reason", "declined to name",
# "did not say how many", "was not immediately known". General English only.
UNDISCLOSED_PATTERNS = (
    r"\b(gave|give|gives|given|offered|provided) no (reason|explanation|details?|figures?|names?|date|timetable|indication|estimate)\b",
    r"\b(declined|refused|did not want|(?:was|were|is|are|has been|have been) unable) to " + _verbs(DISCLOSURE_VERBS),
    r"\b(?:(?:would|could|will|can|did|does|do)(?: not|n['’]t)|won['’]t|can['’]t|cannot) "
    + _verbs(DISCLOSURE_VERBS),
    r"\b(did|does|do|has|have|had) not (yet )?" + _verbs(DISCLOSED_FORMS),
    r"\bnot (yet )?been able to (name|identify|say|confirm|determine|establish|estimate|find out)\b",
    r"\b(was|were|is|are|remains?|remained) (not|still not|not yet) (immediately |yet )?(known|clear|released|disclosed|given|named|identified|available|made public)\b",
    r"\b(has|have) not (yet )?been (named|identified|released|disclosed|made public|given|announced)\b",
    r"\b(was|were|is|are|remains?|remained) (unknown|unclear|undisclosed|unnamed)\b",
    r"\bit (is|was) (not|un)(clear|known)\b",
    r"\bno (reason|explanation|details?) (was|were|has been|have been) (given|offered|released)\b",
    # "Neither side has said what was agreed", "nobody has explained why": no one gave what is asked (not "No one
    # was hurt, police said").
    r"\b(neither|nobody|no one)\b[^.;:,]{0,80}?\b(?:has |have |had )?(said|disclosed|revealed|announced|explained|confirmed) "
    r"(whether|what|how|when|why|who|which|if)\b",
    # "said no decision had been made": the outcome asked is not known yet.
    r"\bno decision (?:has|had|have|was|were) (?:yet )?(?:been )?(?:made|taken|reached)\b",
    # Round 11 (`refuse11`): more ways English says a fact is withheld or not yet known. "It is too early to say",
    # "the cause has yet to be determined", "the terms were kept confidential", "the amount is being kept under
    # wraps", "police have withheld the drivers' names", "would not be drawn on how many", "without putting a number
    # on the cuts", "did not answer questions about", "no site had been chosen", "were tight-lipped about".
    r"\btoo (?:early|soon) to (?:say|tell|know|estimate|put a (?:number|figure) on)\b",
    r"\b(?:has|have|had) yet to (?:be )?(?:determined|established|confirmed|decided|announced|disclosed|released|named|"
    r"identified|made public|say|disclose|reveal|name|announce|decide|set)\b",
    r"\b(?:kept|keeping|keep|keeps) (?:confidential|secret|private|under wraps)\b", r"\bunder wraps\b",
    r"\b(?:was|were|is|are|has been|have been|had been|being) withheld\b",
    r"\b(?:withheld|withholding|withholds|withhold) (?:the |their |his |her |its )?(?:[\w'’-]+ ){0,3}?(?:names?|identit(?:y|ies)|details?|"
    r"figures?|amount|terms|cause|reasons?)\b",
    r"\b(?:would|will|could) not be drawn (?:on|into)\b",
    r"\bwithout (?:putting a (?:number|figure) on|giving (?:a |an |any )?(?:number|figure|reason|details?|date|"
    r"timetable|estimate|explanation)|saying (?:how|when|why|who|what|where|whether|which))\b",
    r"\bdid not (?:answer|respond to|take) questions (?:about|on)\b",
    r"\bno (?:[a-z]+ ){1,2}?(?:has|had|have) (?:yet )?been (?:chosen|decided|set|agreed|picked|named|selected|identified)\b",
    r"\b(?:tight-lipped|kept quiet|remained silent|stayed silent) (?:about|on|over)\b",
)
# Round 14 (`types14`): the same patterns say which kinds a withheld clause names and which a question's own words ask
# ("the captain was not named": a name; "what is the value of ...": an amount), so that a fact of another kind
# withheld refuses nothing (`answer_types.refuses_for`); "named", "identified", "value", "worth" and "explain" added.
# Round 11 (`refuse11`): what a withheld clause ("did not say how many doses it had", "gave no reason for rejecting
# the offer", "would not say who would replace her") says was not given, by the kind of answer a question asks: its
# wh-word, or a noun naming a value, a time, a name or a reason (`answer_types.withholds_what_is_asked`).
# Round 14 (`types14`): "why is the council's count lower than the charity's?", "why are the two estimates so far
# apart?": a question asking why two counts differ (a word of difference and a noun for a count), which a source's
# account of what a count covers answers ("its count included only ...", "the company's figure left out ...":
# `COUNT_SCOPE_PATTERN`; `answer_types.asks_why_counts_differ`).
COUNT_GAP_WORDS = frozenset(
    "differ differs differed different difference lower higher apart gap discrepancy smaller larger bigger fewer".split()
)
COUNT_NOUNS = frozenset("count figure number estimate tally total toll".split())
COUNT_SCOPE_PATTERN = (
    r"\b(?:includ(?:e|es|ed|ing)|exclud(?:e|es|ed|ing)|left out|leaves? out|leaving out|only|did not count|"
    r"does not count|do not count|omit(?:s|ted|ting)?)\b"
)
# Round 14 (`types14`): a question asking what caused something asks a reason in other words ("what started the
# fire?", "what led to the pause?"): the kind a withheld cause refuses (`answer_types.kinds_asked`).
CAUSE_QUESTION_PATTERN = (
    r"\bwhat (?:\w+ )?(?:caused|causes|cause|started|starts|sparked|triggered|prompted|led to|leads to|lay behind|"
    r"lies behind|was behind|is behind)\b"
)
WITHHELD_KIND_PATTERNS = {
    "quantity": r"\bhow (?:many|much|far|long|big|large|high|often)\b|\b(?:figures?|numbers?|estimates?|amounts?|"
                r"totals?|tally|count|costs?|prices?|sums?|breakdown|values?|worth)\b",
    "date": r"\bwhen\b|\b(?:dates?|days?|timetable|timing|time|year|month)\b",
    "agent": r"\bwho\b|\bwhom\b|\bwhich\b|\bnames?\b|\bnamed\b|\bidentif(?:y|ied)\b|\bidentit(?:y|ies)\b",
    "reason": r"\bwhy\b|\b(?:reasons?|explanations?|explain(?:ed|s)?|motives?|caused?|grounds)\b",
    "place": r"\bwhere\b|\bwhich\b|\b(?:sites?|locations?|places?)\b",
    "other": r"\bwhat\b|\bwhich\b|\bwhether\b|\bif\b|\bhow\b|\bdetails?\b|\bcomment\b",
}
# A source who is not named: "who declined to be named", "speaking on condition of anonymity". It withholds a
# name only: what the source said is still given (`newsdesk.answer.answer_types.withholds_answer`).
ANONYMITY_PATTERNS = (
    r"\b(?:declined|refused|asked|wished|did not want) (?:not )?to be (?:named|identified)\b",
    r"\bon (?:the )?condition of anonymity\b",
    r"\bon (?:the )?condition (?:that )?(?:he|she|they) (?:not be|was not|were not|would not be) (?:named|identified)\b",
)
# Words of a stance or attitude: "why is she wary", "why do they oppose it". What someone says is their
# account of why they hold it, with or without "because"; why they did something needs a stated reason.
STANCE_WORDS = frozenset(
    """wary cautious sceptical skeptical concerned worried unhappy angry optimistic confident doubtful opposed
    oppose object reject criticise criticize condemn doubt fear distrust resist support back favour favor
    welcome refuse boycott protest against""".split()
)
# Verbs of holding or voicing a view that are no stance of their own: "why does the professor think the bones are
# younger?", "why does the mayor say the town is short of money?" ask for that source's account
# (`answer_types.asks_a_view`). Not every attribution verb: "why was it not reported sooner?", "why did the board
# reject it?" ask why something was done (round 10, `prune10`: those lost develop cases).
OPINION_VERBS = frozenset("think believe feel consider expect say argue claim insist".split())
# Words that name a reason withheld: "did not explain the decision", "gave no motive".
WITHHELD_REASON_PATTERN = r"\b(reasons?|explanations?|explain\w*|why|motive\w*|cause)\b"
# Words that state a reason: what a "why" question needs in its answer.
REASON_PATTERNS = (
    r"\bbecause\b", r"\bdue to\b", r"\bowing to\b", r"\bas a result of\b", r"\bafter\b", r"\bfollowing\b",
    r"\bciting\b", r"\bcited\b", r"\bblam(ed|ing|es)\b", r"\bcaused by\b", r"\bdriven by\b", r"\bso that\b",
    r"\b(in order|so as|in a bid|in an effort) to\b", r"\breasons?\b", r"\bamid\b", r"\bin protest\b",
    # "since the plant lost its contract" gives a reason; "since January", "since 2015", "since last week" a time.
    r"\bsince\b(?!\s+(?:\d|(?:early|late|mid|last|then|" + "|".join([*MONTHS, *WEEKDAYS]) + r")\b))",
    r"\bthanks to\b", r"\bsaying\b", r"\breflect(ed|s|ing)?\b", r"\bresult(ed)? (of|from)\b", r"\bled to\b", r"\bover (the|its|his|her|their|a|an)\b",
    r"\bto (save|cut|reduce|avoid|protect|prevent|help|ensure|meet|pay|fund|make|allow|keep|stop|limit|free)\b",
)
# Nouns that name the edge of a period, not an event: after "since" they say when ("since the start of the war",
# "since the outbreak of fighting"), where an event ("since a rockfall in November") may be the cause.
PHASE_NOUNS = frozenset("start beginning outbreak onset launch opening dawn end close".split())
# A reason given without a `REASON_PATTERNS` marker, by English's closed class of cause-introducing participles and
# prepositions: the event before it, its cause after it ("prices rose more slowly, helped by cheaper heating fuel",
# "shares jumped on the back of a new contract", "the difference came from postal ballots"). Only a reason when the
# part before says the event asked (`answer_types.states_an_unmarked_reason`). "Delayed by two hours" is a measure.
CAUSE_AFTER_PATTERNS = (
    r"\b(helped|hit|hurt|boosted|fuell?ed|spurred|prompted|triggered|sparked|hampered|weighed down|dragged down|"
    r"pushed up|held up|delayed)\s+by\b(?!\s+(?:\d|about|around|nearly|almost|some|up to|more|less|just|only)\b)",
    r"\bon the back of\b", r"\bin the wake of\b", r"\bin response to\b",
    # "sent off for shouting at the referee", "fined for polluting the river": "for" and a gerund after the event.
    r"\bfor(?=\s+(?!(?:evening|morning|nothing|something|anything|everything|spring|king|thing)\b)[a-z]+ing\b)",
    r"\b(came|comes|come|stemmed|stems|stem|arose|arises) from\b",
    r"\battribut(ed|es|ing)\b(?:\s+\S+){0,10}?\s+to\b", r"\bput(s|ting)?\b(?:\s+\S+){0,8}?\s+down to\b",
)
# A verb of causing or a consequence connective: the cause before it, the event after it ("a burst main forced the
# council to shut the underpass", "the boiler failed, so the pool is closed").
CAUSE_BEFORE_PATTERNS = (
    # Not the passive ("had been forced from their homes"): there the cause, if any, follows.
    r"(?<!\bbeen )(?<!\bwas )(?<!\bwere )(?<!\bbe )(?<!\bis )(?<!\bare )"
    r"\b(forced|forces|forcing|prompted|prompting|meant)\b(?!\s+by\b)",
    r",\s+so\b(?!\s+(?:far|much|many|that|long|too)\b)", r"\b(therefore|hence|consequently)\b",
)

# What kind of figure a quantity question asks for, and how a sentence states one
# (question pattern, answer pattern). General English units only.
CURRENCY_WORDS = (
    "dollars? euros? pounds? sterling crowns? kron(a|e|or|er)? yen yuan renminbi rupees? pesos? francs? "
    "roubles? rubles? zloty lira rand reais real won dinars? dirhams? riyals? shekels? bahts? forints? "
    "hryvnias? lei leu cents? pence"
).split()
CURRENCY_SIGNS = "$€£¥₹"
# A share written as such: "6 percent", "6 per cent", "6%".
PERCENT_PATTERN = r"%|\bper ?cent\b"
# A year written as four plain digits ("in 1874", "since 2015"); "1,597" is a count, not a year.
YEAR_PATTERN = r"(?<![\d,.])(?:1[5-9]\d\d|20\d\d|2100)(?![\d,.]\d)"
# A time of day in digits: "6:40", "6.15"; not a decimal of a share, a score or a sum ("2.75 percent", "0.25
# points", "1.25 million").
CLOCK_TIME = (r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{2}\b(?!\s*(?:%|per\s?cent\b|percent|percentage|points?\b|"
              r"million\b|billion\b|bn\b|m\b|times\b))")
# Round 15 (`recall15`): the units of a period a date is said in ("within six weeks", `answer_types.gives_a_date_asked`);
# with the shorter and longer ones, the units of a duration (`FIGURE_TYPES`' "duration"; round 16, `clean16`: one list).
PERIOD_UNITS = frozenset("hour hours day days week weeks month months year years decade decades".split())
DURATION_UNITS = PERIOD_UNITS | frozenset("minute minutes second seconds century centuries night nights".split())
# Round 15 (`recall15`): a share said in words (`answer_types.gives_a_figure`).
FRACTIONS = frozenset("third thirds quarter quarters fifth fifths sixth sixths tenth tenths".split())
# Words before "half" that make it a figure ("by half", "more than half"); "half of", "half the" after it.
BEFORE_HALF = frozenset("by than about almost nearly roughly around some over under to and one a".split())
_FRACTION = "(?:" + "|".join(sorted(FRACTIONS, key=len, reverse=True)) + ")"
_BEFORE_A_SHARE = "(?:" + "|".join(sorted(BEFORE_HALF, key=len, reverse=True)) + ")"
# A share in words: "two-thirds", "a third of", "by a quarter", "by half", "half of the cost"; not an ordinal before
# a noun ("a third term", "for a fifth year", "sixth-form college"). Round 16 (`clean16`): also what `FIGURE_TYPES`'
# "share" reads, which spelt its own fraction words ("half", "third", "quarter", "fifth" anywhere, not "two-thirds").
SHARE_IN_WORDS_PATTERN = (
    r"\b(?:two|three|four|nine)[- ]" + _FRACTION + r"\b"
    + r"|\b(?:a|one)[- ]" + _FRACTION + r"(?=\s+of\b)"
    + r"|\b" + _BEFORE_A_SHARE + r"\s+(?:a|one)[- ]" + _FRACTION + r"\b"
    + r"|\b" + _BEFORE_A_SHARE + r"\s+half\b"
    # not the half of a period an ordinal names: "in the first half of the year" (round 16 review, `fixa16`)
    + r"|(?<!\bfirst[ -])(?<!\bsecond[ -])(?<!\blast[ -])(?<!\bfinal[ -])\bhalf\s+(?:of|the|its|their|his|her|as)\b"
    # a share of a percentage point: "a quarter-point cut", "the half-point move"
    + r"|\b(?:half|quarter)[- ]points?\b"
)
FIGURE_TYPES = {
    "money": (
        r"\bhow much\b[^?]*\b(cost|pay|paid|spend|spent|save|saving|savings|fine|fined|prize|budget|debt|"
        r"worth|fund|funds|funding|money|earn|earns|earned|salary|wages?|compensat\w*|bribes?|"
        r"investment|fees?|set aside|charge|charged)\b|\b(cost|costs|costing)\b",
        f"[{CURRENCY_SIGNS}]" + r"|\b(" + "|".join(CURRENCY_WORDS) + r")\b",
    ),
    "age": (r"\bhow old\b", r"\b\d+[- ]years?[- ]old\b|\baged? \d+|\b\w+-year-old\b|,\s*\d{1,3},"),
    "duration": (
        r"\bhow long\b",
        r"\b(" + "|".join(sorted(DURATION_UNITS, key=len, reverse=True)) + r")\b",
    ),
    "distance": (r"\bhow far (away|is|are|was|were|from)\b", r"\b(kilomet(re|er)s?|km|miles?|met(re|er)s?|yards?|feet|foot)\b"),
    # "a.m." and "p.m." end in a full stop, so no word boundary may follow them ("at 9 p.m. after ..."); "2.75
    # percent" is a decimal, no time (`CLOCK_TIME`).
    "clock time": (r"\bwhat time\b", CLOCK_TIME + r"|\b(a\.m\.|p\.m\.|(am|pm|o'clock|noon|midnight)\b)"),
    "minute": (r"\b(what|which) minute\b", r"\bminutes?\b"),
    "depth": (r"\b(at )?what depth\b|\bhow deep\b", r"\b(kilomet(re|er)s?|km|miles?|met(re|er)s?|feet|foot|deep|depth)\b"),
    "day": (
        r"\b(what|which) (date|day)\b",
        r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow)\b|"
        r"\b\d{1,2}(st|nd|rd|th)? (of )?(january|february|march|april|may|june|july|august|september|october|november|december)\b|"
        r"\b(january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b",
    ),
    "share": (
        r"\b(percentage|per cent|percent|proportion)\b",
        PERCENT_PATTERN + r"|\bpercentage\b|" + SHARE_IN_WORDS_PATTERN,
    ),
    "year": (r"\b(what|which) year\b(?!-)", YEAR_PATTERN + r"|\byears? ago\b"),
}
# Round 15 (`recall15`): words whose figure is an amount of money whatever its unit is called ("would cost about 14
# million florins", "was fined a total of 82,000 marks", "worth roughly 3 million pebbles"), and the verbs of a change
# a share answers ("by how much are fees rising?": "by 8 percent"), by lemma.
COSTING_WORDS = frozenset("cost fine worth price value".split())
CHANGE_VERBS = frozenset("rise increase grow fall drop decline climb jump cut raise lower reduce go".split())
# The forms of "be": a passive's auxiliary ("were fined"), a progressive's ("is saying").
BE_FORMS = frozenset("is are was were be been being".split())
# Verbs of change only with a particle after them ("have bills gone up?"; "how much to go to the festival?" is none).
CHANGE_PARTICLES = {"go": frozenset("up down".split())}
# What a "which NOUN" question is answered with a name for ("which striker", "which bank", "in which
# prison"), as opposed to a description ("which services", "which areas", "in which round", "which floor").
# Not ROLE_WORDS as a whole: many of its words only qualify a role ("security", "public", "energy").
PERSON_NOUNS = frozenset(
    """person people man men woman women boy girl child player striker forward defender midfielder goalkeeper
    keeper captain coach manager driver pilot rider runner cyclist swimmer athlete candidate politician lawmaker
    minister official officer judge lawyer prosecutor doctor surgeon nurse scientist researcher professor artist
    singer musician writer author actor actress director suspect victim witness winner worker employee member
    leader head mayor president governor senator chairman chairwoman spokesman spokeswoman spokesperson founder
    owner buyer investor donor teacher student""".split()
)
ORGANISATION_NOUNS = frozenset(
    """team club party company firm business bank lender insurer group organisation organization charity union
    airline carrier operator publisher broadcaster newspaper agency ministry department authority council court
    university college school brand retailer supplier contractor manufacturer maker developer regulator shop store
    bakery restaurant cafe hotel pub bar factory plant mill farm brewery museum gallery theatre theater cinema
    church mosque temple library board body committee commission journal magazine outlet network assembly parliament
    senate congress chamber
    association federation confederation guild alliance coalition league society institute foundation trust
    cooperative consortium""".split()
) | MEDIA_WORDS
# A generic noun an article or a question may call an organisation by whose own name ends in another noun of its
# kind (round 12, `attrib12`): "the union" for "the Coastal Dockers' Guild" or "the Paper Workers' Federation", "the
# government" for "the Ministry of Transport", "the company" for "Tollan Rail, which runs the line" (an operator).
# Keys are the generic nouns, values the organisation nouns (`ORGANISATION_NOUNS`) they may stand for.
ORGANISATION_KINDS: dict[str, frozenset[str]] = {
    "union": frozenset("guild federation confederation association syndicate".split()),
    "government": frozenset("ministry department cabinet".split()),
    "company": frozenset("firm operator carrier airline business".split()),
    "firm": frozenset("company operator business".split()),
    "charity": frozenset("organisation organization foundation trust".split()),
}
PLACE_NOUNS = frozenset(
    """city town village region country province state county district place capital port harbour harbor prison
    jail hospital island street road river lake mountain airport station stadium venue neighbourhood
    neighborhood suburb municipality""".split()
)

# Words that turn a statement round: "denied that the ferry was overloaded", "is not safe". An odd number of
# them (with the antonym prefixes below) gives a sentence the opposite answer to a yes/no question.
NEGATIONS = frozenset(
    """not no never nobody nothing none neither nor without cannot n't deny denies denied denying
    reject rejects rejected rejecting dispute disputes disputed disputing refute refutes refuted""".split()
)
# Prefixes that make a word's antonym when what follows is itself a word: "unsafe", "illegal", "disagree".
ANTONYM_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")
# Verbs by which a question asks what one source says: "What toll does Kyiv give?", "How many did police count?"
SOURCE_VERBS = frozenset(
    """say says said give gives gave given put puts count counts counted report reports reported estimate
    estimates estimated claim claims claimed according""".split()
)

# Prepositions that say what kind of thing a name after them is: "in Almby" a place, "for Acme" a beneficiary.
PREPOSITIONS = frozenset("in at on from to for with by of near outside inside against between among across".split())
# Prepositions of place: a name right after one says where someone is, comes from or was found ("a lorry driver from
# Pellham", "rescued off Kestle Point", "a nurse at the hospital in Wendby"), not who they are (round 16, `refuse16`:
# `answer_types.located_names`). Not "by", "to" or "with", after which a name may be the one who acted ("sold to X").
# After "from", "at", "in", "into", "onto", "inside" or "across" a name may be a firm's, a club's or a person's ("at
# Kelsby Rovers", "from Ghyllspar Capital", "an inquiry into Petra Vallis's expenses"): there only one word or a name
# ending in a place noun is a place ("crossed into Kettavia"); after the others (`PLACE_ONLY_PREPOSITIONS`) any name
# is (round 16 review, `fixa16`).
PLACE_ONLY_PREPOSITIONS = frozenset("near off outside beyond around along".split())
LOCATIVE_PREPOSITIONS = PLACE_ONLY_PREPOSITIONS | frozenset("from in at into onto inside across".split())

# Verbs (dictionary forms) and adjectives that take a question as their object: "did the ministry say how many
# died", "is it known who sent it", "did the airline explain why", "did it give a figure for how many". A yes/no question asks the kind of that
# embedded question; any other wh-clause in it ("was anybody hurt when ...", "was the man who ...") is a relative.
EMBEDDING_VERBS = frozenset(
    """say tell disclose reveal explain know confirm announce specify report estimate indicate show mention state
    determine establish decide identify detail clarify predict ask publish release give provide""".split()
)
EMBEDDING_ADJECTIVES = frozenset("known unknown clear unclear sure certain".split())
# Verbs whose person told or asked may stand before the question: "did the mayor tell reporters when ...".
TELLING_VERBS = frozenset("tell ask inform show".split())

# Determiners that take each of several parties in turn: "each side", "both countries", "either union" (a question
# asking every party's position, `dispute_answer.asks_every_side`; pinning no one claimant, `questions._claimed_by`).
EACH_OF = frozenset("each both either".split())

# Verbs too light to name an event by themselves ("when did it happen / take place / start / become ..."): a "when"
# question asked with one is dated by any date of its subject ("when was the final played?"), so no asked event is
# checked (`pins`).
LIGHT_VERBS = frozenset(
    """be have do happen occur take hold go come make get give start begin end finish last set say put become
    keep see let mean expect plan play""".split()
)

# Round 12 (`sides12`): words by which an article says one source disputes another's count in so many words
# (`dispute_answer.disputes_a_count`): a verb of disputing (dictionary forms) whose object is a count or a claim
# ("disputed the union's count", "rejected the claim", "disputes that, saying 70"), or a corrected count ("said the
# real number was far higher"). Not "disputed the office's plan", "rejected the offer".
DISPUTING_VERBS = frozenset("dispute reject deny contradict contest challenge refute question doubt".split())
DISPUTED_THINGS = frozenset(
    """count counts figure figures number numbers estimate estimates toll tally total totals claim claims
    statistic statistics""".split()
)
CORRECTING_ADJECTIVES = frozenset("true real actual correct".split())
# Round 14 (`sides14`): words by which an article or a question says that its sources give different accounts of one
# thing ("the government and aid groups gave very different figures for the number of arrivals", "gave conflicting
# accounts of how many homes were flooded", "competing crowd estimates"; `dispute_answer.announces_different_accounts`).
DIFFERING_ADJECTIVES = frozenset("different differing conflicting competing contradictory contrasting divergent".split())
ACCOUNTS = DISPUTED_THINGS | frozenset("account accounts version versions".split())
# Round 13 (`sides13`): verbs (dictionary forms) by which a yes/no question asks whether sources agree ("Do the
# prosecution and the defence agree on the losses?", "Do both sides agree?"; not "agreed to hear the case"), and the
# words after them that say on what (`dispute_answer.asks_whether_sources_agree`).
AGREEING_VERBS = frozenset("agree disagree differ".split())
AGREED_ON = frozenset("on about over".split())
# Words that set a second account against a first in one sentence: "has infected 340 people, the ministry said, but a
# charity said the real number was far higher" (`dispute_answer.announces_a_correction`).
CONTRASTING = frozenset("but while whereas although though".split())

# Round 12 (`nearmiss12`): the word that makes a year or month the edge of a period rather than when a fact happened ("the
# first strike since 2019"): one asked is not met by it alone (`pins.only_as_period_edge`).
PERIOD_EDGE_WORDS = frozenset({"since"})
# ... and the words by which a question asks about that period itself ("since 2019", "warmer than in 1994").
PERIOD_ASKED_WORDS = PERIOD_EDGE_WORDS | frozenset({"than"})

# Round 13 (`refuse13`): words by which a sentence tells a time before the one it reports ("up from 640,000 a year
# earlier", "two years ago", "the previous record", "compared with"): a sentence with none of them (nor "last year", a
# past year, or "from" before a figure) tells only the current figure (`pins.earlier_period_unmet`). Not "last" alone:
# "in the last ten minutes" is no earlier time.
LOOKING_BACK_WORDS = frozenset("ago earlier before previous previously prior compared".split())

# Round 16 (`sides16`): words by which a question speaks of the figures themselves, their order or their rivalry, not
# of what they count ("Which are the newest rival tallies for ...?", "the earliest announcement", "the rival
# numbers"); with `ACCOUNTS`, `TOLL_WORDS`, `DIFFERING_ADJECTIVES` and `CORRECTING_ADJECTIVES` they need not be said by
# a dispute's claims for the question to ask about it (`conflicts.about_the_figures`).
FIGURE_ORDER_WORDS = frozenset("latest current first initial earliest recent newest rival announcement".split())

# Round 18 (`sides18`): the nouns two sources may each count one group of people by, so that a second source's count
# under the other noun is its rival count of the same people (`conflicts.rival_counts`). One class each: a strike's
# walkout counted by a union as its "members" and by the employer as its "employees" or "staff"; a gathering counted
# as "people" by its organisers and as "demonstrators" by the police. Another person noun (volunteers, children,
# deputies, detainees) beside "people" counts other people as often as not (round 17), so it is in no class.
WORKFORCE_NOUNS = frozenset("members workers employees staff staffers workforce".split())
CROWD_NOUNS = frozenset("people demonstrators protesters protestors marchers participants attendees".split())

# Round 18 review (`fixb18`): the verbs (and the extractor's canonical events) by which two sources may each say one
# thing happened to one group of people, one class each; two stated events of two classes ("walked out" / "crossed
# the picket lines", "joined the march" / "watched from the pavements") are two counts, not rival counts of one
# (`conflicts.rival_counts`). A walkout: walk out, strike, stay away, stop work, down tools, join the action.
WALKOUT_VERBS = frozenset("walk walked walking strike striking struck stay stayed stop stopped down downed".split()
                          + "join joined absent fail failed".split())  # staff who "failed to turn up"
# A gathering: join, attend (the extractor's event for "took part"), gather, march, turn out, rally, line the route,
# protest (round 19: "how many protested by the harbour wall" asks the crowd that "gathered" there; `conflicts.touches`).
GATHERING_VERBS = frozenset("join joined attend attended gather gathered march marched rally rallied turned line lined".split()
                            + "protest protested".split())
# Arriving across a border or at a place: cross, arrive, land, enter, reach.
ARRIVING_VERBS = frozenset("cross crossed arrive arrived land landed enter entered reach reached".split())
# Falling ill: affected, sick, ill, infected, fallen ill.
FALLING_ILL_VERBS = frozenset("affected sick ill infected fell fallen".split())
# Leaving one's home: evacuated (the extractor's event for "fled"), displaced, made to leave (forced) or left homeless.
DISPLACEMENT_VERBS = frozenset("evacuated displaced forced homeless".split())
# What made an event happen, a hazard ("displaced by the fire", "homeless after the quake"): a question naming one says
# which event it asks about, however common the word, so another hazard's dispute does not answer it.
HAZARD_NOUNS = frozenset("""fire fires blaze wildfire wildfires flood floods flooding storm storms quake quakes earthquake
    earthquakes hurricane cyclone typhoon tornado landslide landslides avalanche explosion blast leak spill drought
    heatwave tsunami eruption""".split())
# The events of a toll of people (the extractor's canonical events): a count of one is no rival of a count of another
# event of the same people ("three were killed" / "eleven were injured"); with the events that move people, what a
# value with no counted noun may count by itself (`extraction`'s unnamed people).
TOLL_EVENTS = frozenset("killed wounded missing arrested".split())
PERSON_EVENTS = TOLL_EVENTS | frozenset("evacuated displaced rescued casualties".split())
# Words before a value with no noun that make it an age or a limit, not a count ("children under ten", "aged 40");
# "under" and "over" only for a value an age may have (`conflicts`' age bound), "aged" always.
AGE_WORDS = frozenset("aged age".split())
BOUND_WORDS = frozenset("under over".split())
# The verbs that give a body's workforce, a stock of people and no event ("which employs 2,400 drivers"): a
# question asking it asks no strike's rival counts, and a count so given is no rival of a walkout's count.
EMPLOYING_VERBS = frozenset("employ employs employed employing".split())
