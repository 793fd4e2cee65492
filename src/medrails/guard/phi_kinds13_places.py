"""Fresh-13 place rules: a house number and a street whose type the base list lacks and the town after
it, the town after a facility closing its line, facilities named "<Name> Healthcare / Hospital(s) / Health System of
<Place>" and a facility's campus after a dash, and a lower-case town after a place cue ("we live in kapolei now"),
never a state, province or country; and `_common`, the common words and place nouns no
name or town is made of.
"""

from __future__ import annotations

import functools

import regex

from medrails.guard.phi_kinds13_anchored import _CAP, _CITY, _KIN, Anchored, _with
from medrails.guard.phi_recognizers import name_words_ok

# ---------------------------------------------------------------------------------------------
# streets, towns, facilities

# street types the base list (phi_recognizers) lacks, British, Irish, Australian, NZ, Indian and US alike
_MORE_STREETS = (r"(?:Lawns?|Heights|Hts|Chase|Glen|Gate|Wharf|Meadows?|Downs|Brae|Dene|Garth|Crest|Ridge|Hollow|Cove|"
                 r"Estate|Villas|Fields|Orchard|Paddock|Broadway|Dell|Heath|Vista|Grange|Glade|Mead|Strand|Cres|Cl|Gdns|"
                 r"Pde|Tce|Marg|Salai|Nagar)")


_NOT_STREET_NAMES = frozenset({"bed", "room", "ward", "bay", "unit", "floor", "level", "day", "week"})


def _street_words_ok(value: str) -> bool:
    """The street's own name: no lab, dose, room or clinical word ("2 Trigger Point", "3 Bed Bay")."""
    from medrails.guard.phi_suppression import _is_medical_token

    words = value.split()[1:-1]
    if not words or all(_is_medical_token(w, True) for w in words):
        return False
    return not any(_is_medical_token(w) or w.lower() in _NOT_STREET_NAMES for w in words)


def _town_ok(value: str) -> bool:
    from medrails.guard.phi_kinds8 import _town_ok as town_ok

    return town_ok(value)


_FACILITY_HEAD = (r"(?:Diagnostics|Diagnostic[ \t]+Cent(?:er|re)|Laborator(?:y|ies)|Labs|Pathology|Imaging|Radiology|"
                  r"Scans|Pharmacy|Chemists?|Healthcare|Hospitals?|Polyclinic|Dispensary|Nursing[ \t]+Home|Medical[ \t]+"
                  r"Cent(?:er|re)|Health[ \t]+Cent(?:er|re)|Clinic|Infirmary|Hospice|Surgery|Practice|Medical[ \t]+Group)")


def _campus_ok(value: str) -> bool:
    """The facility is a named one ("Cardiology Clinic" is not) and the campus after the dash names a place: no
    department, weekday, month, common or medical word."""
    from medrails.guard.phi_kinds6 import named_place_ok
    from medrails.guard.phi_suppression import _is_medical_token

    core, campus = regex.split(r"[ \t]+[-–—][ \t]+", value, maxsplit=1)
    words = [w for w in campus.split() if w.lower() != "campus"]
    return bool(words) and named_place_ok(core) and _town_ok(" ".join(words)) \
        and not any(_is_medical_token(w, True) or w.lower() in _common() for w in words) and name_words_ok(" ".join(words))


def _of_place_ok(value: str) -> bool:
    from medrails.guard.phi_kinds6 import named_place_ok

    return named_place_ok(value.split(" of ")[0])


def _place_rules() -> list[Anchored]:
    # anchored on the street type, the house number and name read backwards
    street_back = r"(?<![\d/.,:-])\b(?P<v>\d{1,6}[A-Za-z]?[ \t]+(?:" + _CAP + r"[ \t]+){1,3})$"
    street = _with("STREET_ADDRESS", [
        Anchored(r"(?m)\b" + _MORE_STREETS + r"\b\.?(?=[ \t]*(?:,|$))", 0.8, _street_words_ok, back=street_back,
                 span="both", gates=(r"\d",), window=80),
    ])
    town = _with("TOWN_AFTER_STREET", [
        # the town after such a street line: "14 Kestrel Heights, Dunmore"
        Anchored(r"(?m)\b" + _MORE_STREETS + r"\.?[ \t]*,[ \t]*(?P<v>" + _CITY + r")(?=[ \t]*(?:,|$|[ \t]\d))", 0.6,
                 _town_ok, back=street_back, gates=(r"\d",), window=80),
    ])
    after_facility = _with("TOWN_AFTER_FACILITY", [
        # "Northgate Diagnostics, Pune", "Medway Imaging, Rochester  Tel ..." (the town closes a line or field)
        Anchored(r"(?m)\b" + _FACILITY_HEAD + r"[ \t]*,[ \t]*(?P<v>\p{Lu}\p{Ll}[\p{Ll}'’-]+(?:[ \t-]\p{Lu}\p{Ll}"
                 r"[\p{Ll}'’-]+)?)(?=[ \t]*(?:$|[.;(]|\t| {2,}|,|[ \t]+\d{3,6}\b))", 0.65, _town_ok,
                 back=_CAP + r"[ \t]+$", window=30),
    ])
    facility = _with("FACILITY", [
        # "<Name> Healthcare of <Place>", "Children's Hospital of <Place>", "<Name> Health System of <Place>"
        Anchored(r"\b(?:Healthcare|Health[ \t]+Care|Health(?:[ \t]+System)?|Hospitals?|Medical[ \t]+Cent(?:er|re))[ \t]+"
                 r"of[ \t]+" + _CAP + r"(?:[ \t]+" + _CAP + r")?\b", 0.75, _of_place_ok,
                 back=r"(?<![\p{L}'’-])(?P<v>(?:" + _CAP + r"[ \t]+){1,4})$", span="both", gates=(r" of ",), window=90),
        # a facility and its campus after a dash: "<Facility> - Bayview", "<Facility> – North Campus"
        Anchored(r"(?m)\b" + _FACILITY_HEAD + r"(?:[ \t]+(?:of|at)[ \t]+" + _CAP + r"(?:[ \t]+" + _CAP + r")?)?[ \t]+"
                 r"[-–—][ \t]+" + _CAP + r"(?:[ \t]+" + _CAP + r")?(?![ \t]*\d)(?=[ \t]*(?:[,.;:()]|$)|[ \t]+[a-z])"
                 r"(?![ \t]+(?:service|team|unit|clinic|program|programme|department|dept|ward|floor|wing|rounds|consult|"
                 r"note|referral|pathway|protocol)\b)", 0.75,
                 _campus_ok, back=r"(?<![\p{L}'’-])(?P<v>(?:(?:St\.?|Saint)[ \t]+)?" + _CAP + r"[ \t]+(?:(?:" + _CAP
                 + r"|&|and|of|the)[ \t]+){0,4})$",
                 span="both", gates=(r"[ \t][-–—][ \t]",), window=90),
    ])
    return [*street, *town, *after_facility, *facility]


# ---------------------------------------------------------------------------------------------
# lower-case towns

# nouns that follow "in" / "from" without naming a town (besides the common and medical words)
_PLACE_NOUNS = frozenset("""
bed beds jail prison court custody school class college uni university church mosque temple chapel traffic line
queue person public private general total advance time case fact addition particular order touch trouble labor
labour shock tears pain love charge control front back town city country state village area neighborhood
neighbourhood region hospital rehab detox hospice icu er ed care foster quarantine isolation lockdown recovery
remission treatment therapy shower bath bathroom kitchen garage yard basement attic car truck van bus house
apartment flat dorm office work lab clinic surgery theatre shelter residence hotel motel gym pool park garden store
shop mall airport station camp base barracks hall room bedroom lounge hallway hall stairs church hostel cabin trailer
vegas uptown downtown midtown suburbs country countryside city centre center poverty debt fear agony misery bits
pieces pajamas pyjamas public general bulk person tow denial shock mourning hiding limbo transit route
""".split())
_KIN_PLACE = (r"(?:at|to|from|with|near)[ \t]+(?:my|his|her|our|their|the)[ \t]+" + _KIN + r"(?:['’]?s)?(?:[ \t]+"
              r"(?:place|house|home|apartment|flat|farm))?")
_LIVE_IN = (r"live|lives|living|lived|stay|stays|staying|stayed|moved|moving|relocated|visiting|vacationing|holidaying|"
            r"back[ \t]+home|grew[ \t]+up|born")
_FROM = r"originally|visiting|moved|im|i['’]m|i[ \t]+am|we['’]re|we[ \t]+are|flew|flying"
_TO = r"moved|moving|relocated|relocating|flew|flying"
_FOLLOW = r"(?:and|for|this|last|next|over|until|till|since|with|but|so|now|btw|because|bc|cause|atm|rn)\b"
_LOWER_TOWN = (r"[ \t]+(?P<v>[a-z][a-z'’-]{2,20}(?:[ \t]+(?!" + _FOLLOW + r")[a-z][a-z'’-]{2,20})?)(?=[ \t]*(?:[,.!?;:)]|$|"
               r"\n|[ \t]+" + _FOLLOW + r"))")
_OVER = r"(?:[ \t]+(?:over|down|up|out))?[ \t]+$"


# states, provinces, countries and regions: above the town level Safe Harbor lists, so never a town here
_ABOVE_TOWN = frozenset(w.replace("_", " ") for w in """
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana
iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska
nevada new_hampshire new_jersey new_mexico new_york north_carolina north_dakota ohio oklahoma oregon pennsylvania
rhode_island south_carolina south_dakota tennessee texas utah vermont virginia washington west_virginia wisconsin
wyoming puerto_rico guam alberta british_columbia manitoba new_brunswick newfoundland labrador nova_scotia ontario
quebec saskatchewan nunavut yukon queensland victoria tasmania new_south_wales northern_territory western_australia
south_australia america usa canada mexico england scotland wales ireland britain uk australia zealand new_zealand
india pakistan bangladesh nepal china japan korea vietnam thailand philippines indonesia malaysia singapore germany
france spain portugal italy greece poland ukraine russia turkey egypt nigeria kenya ghana ethiopia somalia sudan
uganda tanzania zimbabwe zambia brazil argentina chile peru colombia venezuela cuba jamaica haiti guatemala honduras
salvador nicaragua iran iraq syria lebanon israel jordan afghanistan netherlands holland belgium sweden norway denmark
finland iceland austria switzerland europe asia africa samoa tonga fiji the_states the_us the_uk overseas abroad
""".split())


def _lower_town_ok(value: str) -> bool:
    words = value.split()
    if value in _ABOVE_TOWN or words[0] in _ABOVE_TOWN:
        return False
    return all(w not in _common() and len(w) >= 3 and not w.endswith(("ing", "ed", "ly", "ness", "tion")) for w in words) \
        and name_words_ok(value)


def _cap_town_ok(value: str) -> bool:
    return value.lower() not in _ABOVE_TOWN and _town_ok(value) and name_words_ok(value) and not any(w.lower() in _common() for w in value.split())


def _town_rules() -> list[Anchored]:
    return _with("TOWN_AFTER_STREET", [
        # "i was at my nans in porirua.", "staying in otara for now", "originally from palmerston north", "moved to x"
        Anchored(r"\b(?:in|near)" + _LOWER_TOWN, 0.6, _lower_town_ok,
                 back=r"\b(?i:" + _KIN_PLACE + "|" + _LIVE_IN + ")" + _OVER, window=60),
        Anchored(r"\bfrom" + _LOWER_TOWN, 0.6, _lower_town_ok, back=r"\b(?i:" + _FROM + r")[ \t]+$"),
        Anchored(r"\bto" + _LOWER_TOWN, 0.6, _lower_town_ok, back=r"\b(?i:" + _TO + r")[ \t]+$"),
        # capitalised after a relative's place: "staying at her daughter's in Papakura"
        Anchored(r"\b(?:in|near)[ \t]+(?P<v>" + _CITY + r")\b", 0.6, _cap_town_ok, back=r"\b(?i:" + _KIN_PLACE + ")" + _OVER,
                 window=60),
    ])


@functools.lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    from medrails.guard.phi_given_names import _common_words

    return _common_words() | _PLACE_NOUNS
