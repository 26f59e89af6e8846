"""Cited-source (attribution) extraction for news articles, English and French.

Rule-based and fast (all regexes compiled at import). Everything is driven by
attribution patterns ("told AFP", "according to", "X said", "selon RFI") plus
the bundled lists of agencies/outlets and organisations; nothing is specific to
one article.

Kinds:

* ``agency`` / ``outlet`` -- a news agency or outlet from ``data/outlets.tsv``,
  only when it appears in an attribution context ("told Reuters", "the RTN report
  said", "state broadcaster RTN", "selon RFI"), never for a plain mention.
* ``official`` -- a quoted person. Named people are reported as
  ``"Amadou Abdramane, junta spokesperson"`` (person name, then the role when one
  is given); later mentions by surname ("Abdramane said", "Abdramane's
  announcement") count toward the same entry. Unnamed office holders are
  reported by role ("minister", "spokesperson for the ministry"), anonymous
  sources as e.g. "security source" / "source sécuritaire". Unnamed people who
  are not office holders ("the instructor said", "a resident said") are left out.
* ``organisation`` -- "authorities said", "the army said", "Human Rights Watch
  said", "according to a statement from ECOWAS", "selon les autorités".
* ``document`` -- "a UN report", "a report by Human Rights Watch", "selon un
  rapport de l'ONU".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from sahelreader.sources.agencies import (
    alias_regex,
    load_media,
    load_nonpersons,
    load_organisations,
    normalise_alias,
    trie_regex,
)
from sahelreader.text.sentences import split_sentences

__all__ = ["CitedSource", "extract_citations"]


@dataclass(frozen=True)
class CitedSource:
    name: str  # canonical display name
    kind: str  # "agency" | "outlet" | "official" | "organisation" | "document"
    count: int  # how many times cited
    sentences: tuple[str, ...]  # sentences where cited, in order, deduplicated


# --------------------------------------------------------------------------- lexicons

_MEDIA = load_media()
_ORGS = load_organisations()
_NONPERSONS = load_nonpersons()
_ORG_ALIASES = frozenset(_ORGS.aliases)
_MEDIA_ALIASES = frozenset(_MEDIA.aliases)

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"

# --------------------------------------------------------------------------- shared pieces

_ADV = (
    r"(?:(?:also|later|previously|earlier|then|has|had|have|was|is|further|again|"
    r"separately|repeatedly|publicly|recently|once|reportedly|subsequently|himself|"
    r"herself|itself|themselves|would|will|last\s+\w+day|on\s+\w+day)\s+){0,2}"
)


def _words(spec: str) -> list[str]:
    """Whitespace-separated words; "_" stands for a space inside one entry."""
    return [w.replace("_", " ") for w in spec.split()]


_SAY_EN_WORDS = _words(
    """
    said says told tells added adds explained explains stated announced declared noted
    notes warned warns insisted insists claimed claims confirmed denied wrote writes
    tweeted argued argues asserted stressed urged commented replied recalled
    acknowledged admitted alleged revealed emphasised emphasized underlined pointed_out
    cautioned complained conceded disclosed maintained vowed suggested lamented predicted
    countered responded recounted was_quoted
    """
)
_FR_PARTICIPLES = _words(
    """
    déclaré indiqué affirmé dit expliqué annoncé précisé ajouté souligné assuré estimé
    confié rappelé insisté dénoncé reconnu averti martelé lancé poursuivi répondu confirmé
    démenti raconté regretté déploré témoigné fait_savoir communiqué écrit tweeté révélé
    """
)
_FR_PRESENT = _words(
    """
    déclare indique affirme explique estime précise ajoute souligne assure confie rappelle
    insiste dénonce reconnaît raconte poursuit témoigne regrette déplore annonce martèle
    """
)
_FR_AUX = ("a", "ont", "avait", "avaient", "aurait", "auraient")
_SAY_FR_PAST = (
    rf"(?:{trie_regex(list(_FR_AUX))})\s+(?:(?:notamment|également|aussi)\s+)?"
    rf"(?:{trie_regex(_FR_PARTICIPLES)})"
)
_SAY_INV_WORDS = (
    _words(
        """
    said says added adds explained explains noted notes wrote writes asked asks continued
    warned warns insisted stated declared argued argues commented recalled conceded
    acknowledged tweeted replied recounted claimed
    """
    )
    + [f"a {part}" for part in _FR_PARTICIPLES]
    + _FR_PRESENT
)
_PROPER_ORG_HEADS = (
    r"Police|Army|Armed\s+Forces|Government|Council|Gendarmerie|Embassy|Presidency|"
    r"Constabulary|Fire\s+Service|Ambulance\s+Service|Ministry(?:\s+of\s+[{_UP}][\w-]+)?"
).replace("{_UP}", _UP)
_ORG_SAY_WORDS = _words(
    """
    said says told announced stated declared confirmed denied warned claimed added
    reported insisted noted acknowledged explained wrote tweeted indicated urged
    alleged asserted revealed disclosed
    """
)
_SAY_EN = f"(?:{trie_regex(_SAY_EN_WORDS)})"
_SAY_FR = f"(?:{_SAY_FR_PAST}|{trie_regex(_FR_PRESENT)})"
_SAY_INV = f"(?:{trie_regex(_SAY_INV_WORDS)})"
_ORG_SAY_EN = f"(?:{trie_regex(_ORG_SAY_WORDS)})"
_ANY_SAY = f"(?:{_SAY_FR_PAST}|{trie_regex(_SAY_EN_WORDS + _FR_PRESENT + _ORG_SAY_WORDS)})"
_ACCORDING = (
    "(?:"
    + trie_regex(
        _words("according_to According_to citing Citing quoting Quoting selon Selon")
        + ["d'après", "D'après", "d’après", "D’après"]
    )
    + ")"
)
_QUOTE_END = r"(?:[,”\"»’]\s*|[.!?…][”\"»’]\s*|\s[-–—]{1,2}\s*)"

_TITLE_MAP = {
    "col.": "colonel",
    "gen.": "general",
    "lt.": "lieutenant",
    "maj.": "major",
    "capt.": "captain",
    "sgt.": "sergeant",
    "cmdr.": "commander",
    "adm.": "admiral",
    "sen.": "senator",
    "gov.": "governor",
    "rep.": "representative",
    "prof.": "professor",
    "brig.": "brigadier",
    "lt. col.": "lieutenant colonel",
    "brig. gen.": "brigadier general",
    "cllr": "councillor",
    "cllr.": "councillor",
    "insp": "inspector",
    "insp.": "inspector",
    "supt": "superintendent",
    "supt.": "superintendent",
    "det insp": "detective inspector",
    "det. insp.": "detective inspector",
}
_HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. m. mme mlle me pr maître sir dame madam lord baroness "
    "rev rev. reverend father pastor".split()
)
_TITLE = (
    r"(?:Vice[- ]President|Deputy\s+Prime\s+Minister|Prime\s+Minister|President|"
    r"(?:Foreign|Defen[cs]e|Interior|Finance|Justice|Health|Information|"
    r"Communications?|Security|Mines|Energy)\s+Minister|Minister|"
    r"Lt\.?[- ]Col\.|Lieutenant[- ]Colonel|Brig\.?[- ]Gen\.|Brigadier[- ]General|"
    r"Col\.|Colonel|Gen\.|General|Maj\.|Major|Capt\.|Captain|Lt\.|Lieutenant|"
    r"Sgt\.|Sergeant|Cmdr\.|Commander|Adm\.|Admiral|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|"
    r"Prof\.?|Professor|Sen\.|Senator|Rep\.|Gov\.|Governor|Mayor|Ambassador|Judge|"
    r"Imam|Sheikh|Cheikh|Bishop|Archbishop|Pope|King|Queen|Prince|Princess|Sultan|"
    r"Emir|Secretary[- ]General|Secretary\s+of\s+State|Secretary|Chancellor|Speaker|"
    r"Councill?or|Cllr\.?|Lord|Baroness|Det\.?\s+Insp\.?|Detective\s+Inspector|"
    r"Detective\s+Sergeant|Detective|Inspector|Insp\.?|Supt\.?|Superintendent|"
    r"Chief\s+Constable|Chief\s+Inspector|Pastor|Rev\.?|Reverend|Father|Coach|"
    r"M\.|Mme|Mlle|Me|Maître|"
    r"(?:le\s+|la\s+)?(?:président|présidente|Premier\s+ministre|premier\s+ministre|"
    r"ministre|général|colonel-major|colonel|commandant|capitaine|lieutenant-colonel|"
    r"lieutenant|sergent|imam|cheikh|maire|gouverneur|préfet|ambassadeur|ambassadrice))"
)
_TOK = rf"(?:[{_UP}](?:[{_LO}{_UP}]|['’-](?=[{_UP}{_LO}]{{2}}))*|[{_UP}]\.)"
_CONN = r"(?:de|du|des|da|dos|van|von|der|bin|ben|ibn|al|el|ould|ag|Ag|Ould|Ben|Bin|Abu|Abou|Al|El)"
_NAME = rf"(?:{_TOK}(?:(?:\s+{_CONN}(?:\s+|-)|\s+|-){_TOK}){{0,3}})"

_ROLE_HEADS_EN = (
    r"spokes(?:person|man|woman)|minister|official|officer|commander|chief|governor|"
    r"mayor|ambassador|envoy|president|leader|head|director|adviser|advisor|"
    r"secretary(?:-general)?|prefect|general|colonel|captain|lieutenant|major|"
    r"sergeant|analyst|researcher|expert|professor|lawyer|prosecutor|judge|lawmaker|"
    r"senator|deputy|chairman|chairwoman|chair|coordinator|representative|diplomat|"
    r"negotiator|activist|resident|witness|villager|journalist|correspondent|doctor|"
    r"imam|executive|ceo|founder|member|manager|economist|historian|editor|"
    r"administrator|commissioner|mediator|premier"
)
_ROLE_HEADS_FR = (
    r"porte-parole|ministre|présidente?|chef|responsable|gouverneur|préfet|maire|"
    r"ambassadeur|ambassadrice|commandant|colonel|général|capitaine|lieutenant|"
    r"officier|élue?|députée?|sénateur|secrétaire\s+général|directeur|directrice|"
    r"procureur|juge|conseill(?:er|ère)|représentante?|envoyée?\s+spéciale?|"
    r"diplomate|gendarme|policier|fonctionnaire|dirigeante?|analyste|chercheu(?:r|se)|"
    r"experte?|spécialiste|avocate?|médecin|habitante?|témoin|journaliste|"
    r"coordinat(?:eur|rice)|secrétaire|leader|notable|imam|cheikh|militaire"
)
# office holders: the unnamed ones we keep ("the minister said")
_OFFICE_EN = (
    r"spokes(?:person|man|woman)|ministers?|officials?|officers?|commanders?|"
    r"governors?|mayors?|ambassadors?|envoys?|president|diplomats?|prefects?|"
    r"prosecutors?|lawmakers?|(?:police|army|military|security)\s+chiefs?"
)
_OFFICE_FR = (
    r"porte-parole|ministres?|présidente?|responsables?|gouverneurs?|préfets?|maires?|"
    r"ambassadeur|ambassadrice|commandants?|officiers?|élue?s?|diplomates?|procureur|"
    r"chef\s+d['’]état-major|chef\s+de\s+l['’]État|chef\s+de\s+la\s+junte|"
    r"hauts?\s+fonctionnaires?|hauts?\s+responsables?"
)

_PERSON_STOP = frozenset(
    """
    The A An In On At By For From To Of With Without But And Or So Yet This That These Those
    He She It They We I You His Her Its Their Our My Your When While After Before Since As
    If Although Though Meanwhile However Also Last Next Earlier Later Then Now Today
    Yesterday Despite According Speaking Asked Some Many Most One Two Three Several Other
    Others Another Both All Each Every No Not Only Even Still Just Why How What Who Where
    Which There Here Such Mr Mrs Ms Dr Sir Madam Image Photo Video Watch Read More Media
    Le La Les L Un Une Des Du De D Selon Mais Et Ou Il Elle Ils Elles Nous Vous On Ce
    Cette Ces Pour Dans En Au Aux Sur Par Avec Sans Lors Depuis Après Avant Quand Alors
    Ainsi Pourtant Cependant Enfin Puis Aussi Même Tout Tous Toutes Son Sa Ses Leur Leurs
    Notre Votre Qui Que Quoi Dont Où Comme Si Oui Non
    Police Army Military Government Ministry Authorities Officials Security Christian
    Muslim Islamist Jihadist Western African European American Russian French British
    """.split()
)
_PERSON_STOP_LOWER = frozenset(w.lower() for w in _PERSON_STOP)
_ORG_WORDS = frozenset(
    """
    Watch International Ministry Ministère Council Conseil Union Nations Bank Banque
    Agency Agence Group Groupe Army Armée Forces Police Party Parti Front Movement
    Mouvement Court Cour Committee Comité Organisation Organization Institute Institut
    Foundation Fondation University Université Commission Office Department
    Government Gouvernement Authority Authorities Fund Programme Program Association
    Company Corporation Corps Service Services News Times Post Radio Television
    Télévision Press Presse Assembly Assemblée Parliament Senate Sénat Republic
    République State States Kingdom Province Region Région Airport Brigade Battalion
    Network Centre Center Alliance Coalition League Club Church Mosque Hospital School
    Ltd Inc Plc Club Cup League Festival Summit Mission Operation Opération Day Week
    Sunday Monday Tuesday Wednesday Thursday Friday Saturday Street Square Road
    Mail Grid Advice Research Athletics Health Conservatives Conservative Labour Democrats
    Liberal Tories Greens Green Trust Energy Water Airways Airlines Rail Railways Motors
    Capital Partners Holdings Studies Statistics Strategy Responsibility Change Affairs
    Development Relations Rights Justice Security Defence Defense Trade Industry Business
    Commerce Finance Treasury Revenue Customs Transport Education Schools College Board
    Society Institution Federation Unions Confederation Chamber Charity Forum Monitor
    Observatory Herald Journal Tribune Mirror Express Telegraph Guardian Independent Port
    Clinic Constabulary Wales England Scotland Ireland Britain Europe Asia America Africa
    Kong Republicans Democrat Republican Senate Airbus Boeing Group Games Olympics
    Championship Premier Cabinet Downing Whitehall Kremlin Pentagon Vatican Brexit Covid
    Coronavirus Council Councils Union Foundation Association Ministry Media Network
    Nord Sud Est Ouest Nord-Kivu Sud-Kivu Grand Greater Lake River Mount Island Islands
    """.split()
)
_TITLE_WORDS = frozenset(
    """
    Secretary Minister Chancellor President Leader Governor Commissioner Mayor Chief
    Ambassador Spokesman Spokeswoman Spokesperson Director Chairman Chairwoman Chair
    Captain General Colonel Senator Judge Premier Envoy Adviser Advisor Coach Manager
    Officer Commander Prosecutor Ministre Président Présidente Secrétaire
    """.split()
)

# --------------------------------------------------------------------------- media

_FILL = (
    r"(?:(?:an?|the|un|une|des|du|de|aux?|à|le|la|les|by|from|of|with|on|in|par|sur|"
    rf"[{_UP}][\w-]*['’]s|report|reports|article|dispatch|tally|count|statement|"
    r"interview|story|investigation|broadcast|footage|images|video|survey|analysis|"
    r"data|figures|journalists?|correspondents?|reporters?|team|state|state-run|"
    r"state-owned|public|national|official|new|latest|recent|exclusive|rapport|"
    r"décompte|bilan|dépêche|enquête|correspondante?s?|entretien|reportage|vidéo|"
    r"antennes?|micro|télévision|radio|chaîne|publique|nationale|broadcaster|"
    r"television|channel|newspaper|daily|weekly|agency|news|site|website|agence|"
    r"journal|quotidien|hebdomadaire|exclusif|confrères?|colleagues|d['’][ÉE]tat)\s+"
    r"|[dlDL]['’])"
)
_MEDIA_CUES = (
    r"told|tells|telling|according\s+to|sourced\s+from|sources?\s*:|"
    r"quoted\s+(?:by|in)|cited\s+(?:by|in)|citing|quoting|interviewed\s+by|"
    r"(?:in|during)\s+an?\s+(?:exclusive\s+)?interview\s+(?:with|to|on)|"
    r"speaking\s+(?:to|with|on)|spoke\s+(?:to|with|on)|talking\s+to|talked\s+to|"
    r"said\s+to|(?:reported|reporting|report|reports)\s+(?:by|from|in|on)|"
    r"(?:aired|broadcast|shown|televised|published|posted|announced|said|appeared|"
    r"appearing|read\s+out|quoted|speech)\s+(?:on|in|by)|confirmed\s+to|via|per|"
    r"state(?:-run|-owned|-controlled)?|government-run|pro-government|"
    r"(?:wrote|writing)\s+in|(?:obtained|seen|reviewed|verified|contacted|reached)\s+by|"
    r"selon|d['’]après|(?:a|ont|avait|avaient)\s+(?:indiqué|rapporté|déclaré|confié|"
    r"dit|expliqué|affirmé|précisé|assuré|raconté|annoncé|appris|révélé|souligné|"
    r"estimé|ajouté|confirmé)|rapporte|rapportent|"
    r"(?:interrogé|cité|joint|contacté|relayé|rapporté|consulté|obtenu|diffusé|"
    r"publié)e?s?\s+(?:par|sur|dans)|au\s+micro\s+d(?:e\s+|['’])|"
    r"sur\s+les\s+antennes\s+d(?:e\s+|['’])|(?:à|sur)\s+l['’]antenne\s+d(?:e\s+|['’])|"
    r"dans\s+(?:un\s+entretien|une\s+interview)\s+(?:accordée?\s+)?(?:à|avec)|"
    r"(?:télévision|radio|chaîne|médias?)\s+(?:d['’][ÉE]tat|publique|nationale|"
    r"officielle?|étatique)"
)
_MEDIA_PRE = re.compile(rf"(?<![\w-])(?:{_MEDIA_CUES})\s*(?:{_FILL}){{0,4}}$", re.IGNORECASE)
_MEDIA_POST = re.compile(
    r"(?:['’]s)?(?:\s+(?:television|TV|radio|broadcaster|news\s+agency|agency|"
    r"newspaper|daily|website|channel|news|télévision|chaîne|agence|journal|"
    r"quotidien|site|has|have|had|was|were|also|later|earlier|first|previously|"
    r"on\s+\w+day|\w+ly)){0,2}"
    r"(?:\s+(?:reported|reports|report|reporting|said|says|quoted|quotes|cited|cites|"
    r"learned|learnt|understands|revealed|reveals|wrote|writes|published|broadcast|"
    r"broadcasts|aired|showed|shows|obtained|confirmed|tally|count|journalists?|"
    r"correspondents?|reporters?|photographers?|team|investigation|interview|"
    r"footage|dispatch|analysis|a\s+(?:rapporté|indiqué|annoncé|appris|révélé|"
    r"diffusé|publié|constaté|pu\s+constater|précisé|affirmé|cité)|rapporte|indique|"
    r"annonce|révèle|diffuse|publie|constate|précise|affirme|cite|citant|"
    r"journalistes?|correspondante?s?|envoyée?\s+spéciale?|décompte|bilan|dépêche|"
    r"enquête)\b(?!['’])|,\s*citant\b|\)\s*[-–—])",
    re.IGNORECASE,
)
_CHAIN_GAP = re.compile(
    r"\s*(?:,\s*(?:and\s+|et\s+)?|and|et|&|or|ou|/)\s*(?:the\s+|l['’]|le\s+|la\s+)?$"
)

# --------------------------------------------------------------------------- people / organisations

_ORG_HEADS_EN = (
    r"authorities|armed\s+forces|security\s+forces|defen[cs]e\s+forces|army|military|"
    r"government|ministry|police|junta|presidency|gendarmerie|embassy|regime|"
    r"administration|prosecutor['’]s\s+office|prosecutors"
)
_ORG_HEADS_FR = (
    r"autorités|armée|gouvernement|ministère|police|gendarmerie|junte|présidence|"
    r"état-major|parquet|ambassade|forces\s+armées|régime|mairie|préfecture|"
    r"gouvernorat|forces\s+de\s+défense\s+et\s+de\s+sécurité"
)
_ORG_MOD = (
    rf"(?:(?:local|regional|national|federal|state|military|security|defen[cs]e|"
    rf"foreign|interior|health|justice|finance|transitional|provincial|municipal|"
    rf"judicial|customs|education|communications?|information|mining|energy|armed|"
    rf"central|ruling|governing|interim|US|U\.S\.|UK|UN|EU|[{_UP}][{_LO}]+(?:an|ian|ese|ish|i|ien|"
    rf"ienne|ais|aise|ois|oise|be|bè))\s+)"
)
_FR_ADJ = (
    r"(?:\s+(?:nigérien(?:ne)?s?|malien(?:ne)?s?|burkinab[èée]s?|tchadien(?:ne)?s?|"
    r"français(?:es?)?|américaine?s?|russes?|locales?|régionales?|nationales?|"
    r"militaires?|de\s+transition|sécuritaires?|nigériane?s?|sénégalaise?s?))?"
)
_FR_DE = r"(?:\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*[\w'’-]+(?:\s+étrangères)?){0,2}"
_ANON_ADJ_EN = (
    r"security|military|diplomatic|local|medical|hospital|humanitarian|government|"
    r"official|police|judicial|intelligence|administrative|western|informed|"
    r"well-placed|army|defen[cs]e|family|aid|regional|European|Western|UN|NGO|industry|"
    r"ministry|palace|presidency|senior|multiple|several"
)
_FUNCTION_WORD = (
    r"(?:for|of|the|a|an|to|in|at|by|from|with|and|or|but|de|du|des|la|le|les|et|un|une|"
    r"said|says|told|which|who|whom|that|citing|quoting|according|where|when|while|as|"
    r"also|qui|que|dont|selon)\b"
)
_OFFICE_HEAD = rf"(?:(?!{_FUNCTION_WORD})[\w'’-]+\s+){{0,3}}?(?i:{_OFFICE_EN}|{_OFFICE_FR})"
_OFFICE_OF = r"(?:for|of|at|from|in|du|de\s+la|de\s+l['’]|des|de|d['’])"
# before a verb (end-anchored): "a spokesman for the Cabinet minister said"
_OFFICE_ROLE = rf"{_OFFICE_HEAD}(?:\s+{_OFFICE_OF}\s*(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}[\w'’-]+)?"
# after a verb (open-ended): "according to a spokesman for the ministry"
_OFFICE_ROLE_REV = (
    rf"{_OFFICE_HEAD}(?:\s+{_OFFICE_OF}\s*(?:the\s+)?[\w'’-]+(?:\s+[{_UP}][\w'’-]+){{0,2}})?"
)

# Anchors: every speech verb; the subject is matched right before it.
_VERB_RE = re.compile(
    rf"(?=[a-zé])(?<![\w'’-]){_ANY_SAY}(?![\w-])(?!\s+(?:off|down|up|a\s+(?:loss|profit))\b)"
)
_TAIL = rf",?\s+{_ADV}$"  # between the subject and the verb
_SUBJ_PERSON = re.compile(
    rf"(?<![\w'’.-])(?=[{_UP}]|l[ea]\s)(?P<title>{_TITLE}\s+(?:{_TITLE}\s+)?)?(?P<name>{_NAME})"
    rf"(?P<appos>,\s+[^,.;:!?“”\"«»()\n]{{1,90}}?,|\s+\([^()\n]{{1,60}}\))?{_TAIL}"
)
_SUBJ_UNNAMED = re.compile(
    rf"(?<![\w'’-])(?P<det>(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Oo]ther|"
    rf"[Ll]e|[Ll]a|[Uu]ne?|[Dd]es|[Ll]es|[Pp]lusieurs|[Dd]eux|[Tt]rois|"
    rf"[{_UP}][\w-]*['’]s)\b\s*|[Ll]['’])?(?P<role>{_OFFICE_ROLE})"
    rf"(?:,\s+(?:who|which|qui)\b[^,.;:!?\n]{{1,100}},)?{_TAIL}"
)
_SUBJ_ORG = re.compile(
    rf"(?<![\w'’-])(?=[{_UP}])(?P<pname>(?:[{_UP}][\w'’-]+\s+){{1,3}}(?:{_PROPER_ORG_HEADS}))"
    rf"(?:,\s+(?:which|who)\b[^,.;:!?\n]{{1,80}},)?{_TAIL}"
    rf"|(?<![\w'’-])(?:(?:[Tt]he|[Ii]ts|[Tt]heir|[{_UP}][\w-]*['’]s)\s+)?"
    rf"(?P<mods>{_ORG_MOD}{{0,2}})(?P<head>(?i:{_ORG_HEADS_EN}))"
    rf"(?:\s+(?:of|in|for)\s+(?:the\s+)?[{_UP}][\w'’-]+(?:\s+[{_UP}][\w'’-]+){{0,2}})?"
    rf"(?:,\s+(?:which|who)\b[^,.;:!?\n]{{1,80}},)?{_TAIL}"
    rf"|(?<![\w'’-])(?P<fdet>[Ll]es|[Ll]['’]|[Ll]e|[Ll]a)\s*(?P<fhead>(?i:{_ORG_HEADS_FR}))"
    rf"(?P<fadj>{_FR_ADJ}{_FR_DE})(?:,\s+[^,.;:!?\n]{{1,60}},)?{_TAIL}"
)
_SUBJ_ANON = re.compile(
    rf"(?<![\w-])(?:(?:an?|one|two|three|several|multiple|other)\s+)?"
    rf"(?P<adj>(?:(?:{_ANON_ADJ_EN})\s+){{1,2}})(?P<src>sources?)"
    rf"(?:,\s+(?:who|which)\b[^,.;:!?\n]{{1,100}},)?{_TAIL}"
)

# Triggers for the speaker after the verb: "…," said X / according to X / selon X
_REV_TRIGGERS = (
    re.compile(rf"(?:[,”\"»’]|[.!?…][”\"»’]|\s[-–—]{{1,2}})\s*{_SAY_INV}\s+"),
    re.compile(rf"(?<![\w-])(?:{_ACCORDING}|told\s+by)\s+"),
)
_REV_PERSON = re.compile(
    rf"(?P<role>(?:(?:[{_LO}][\w'’-]*|[{_UP}][{_LO}]+['’]s|l['’][\w-]+)\s+){{0,6}}?(?:,\s+)?)"
    rf"(?P<title>{_TITLE}\s+(?:{_TITLE}\s+)?)?(?P<name>{_NAME})"
    rf"(?P<appos>,\s+(?:the|a|an|who|its|le|la|l['’]|un|une|qui|ex-|former|"
    rf"{_ROLE_HEADS_EN}|{_ROLE_HEADS_FR})\b[^,.;:!?“”\"«»()\n]{{0,90}})?"
)
_REV_UNNAMED = re.compile(
    rf"(?P<det>(?:the|a|an|one|le|la|un|une|des|les|plusieurs)\b\s*|l['’])"
    rf"(?P<role>{_OFFICE_ROLE_REV})(?![\w'’-])"
)
_REV_ORG = re.compile(
    rf"(?:(?:the|its|their|[{_UP}][\w-]*['’]s)\s+)?(?P<mods>{_ORG_MOD}{{0,2}})"
    rf"(?P<head>{_ORG_HEADS_EN})(?![\w-])"
    rf"|(?P<fdet>les|l['’]|le|la)\s*(?P<fhead>{_ORG_HEADS_FR})(?P<fadj>{_FR_ADJ}{_FR_DE})"
    rf"(?![\w-])"
)
_REV_ANON = re.compile(
    rf"(?:(?:an?|one|two|several|multiple|other)\s+)?"
    rf"(?P<adj>(?:(?:{_ANON_ADJ_EN})\s+){{1,2}})(?P<src>sources?)\b"
)
_ANON_FR = re.compile(
    r"(?<![\w-])(?P<src>[Ss]ources?)\s+"
    r"(?P<adj>sécuritaires?|militaires?|locales?|diplomatiques?|médicales?|"
    r"hospitalières?|humanitaires?|gouvernementales?|officielles?|policières?|"
    r"judiciaires?|administratives?|concordantes|bien\s+informées?|onusiennes?|"
    r"internes?|proches?\s+d[eu]\s+(?:la\s+|l['’])?[\w'’-]+(?:\s+[\w'’-]+)?)",
)
_ROLE_BEFORE_BODY = (
    rf"(?:[{_LO}][\w-]*\s+|[{_UP}][{_LO}]+(?:an|ian|ese|ish|i|"
    rf"ien|ienne|ais|aise|ois)\s+){{0,3}}(?i:{_ROLE_HEADS_EN}|{_ROLE_HEADS_FR})"
    rf"(?:\s+(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*[\w'’-]+){{0,2}})\s*,?\s*$"
)
_ROLE_BEFORE = re.compile(rf"(?:^|[\s(“\"«,])(?P<role>{_ROLE_BEFORE_BODY}")
# at the start of a sentence the first word is capitalised: "Junta spokesperson Col. X said"
_ROLE_BEFORE_START = re.compile(
    rf"^(?P<role>(?:[{_UP}][{_LO}-]+\s+)?(?:[{_LO}][\w-]*\s+){{0,2}}"
    rf"(?i:{_ROLE_HEADS_EN}|{_ROLE_HEADS_FR})"
    rf"(?:\s+(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*[\w'’-]+){{0,2}})\s*,?\s*$"
)
_ROLE_HEAD_RE = re.compile(rf"\b(?:{_ROLE_HEADS_EN}|{_ROLE_HEADS_FR})\b", re.IGNORECASE)
_LEAD_DET = re.compile(
    r"^(?:(?:(?:the|a|an|its|his|her|their|le|la|les|un|une|son|sa|ses|leur|former|ex)\b"
    r"|l['’]|[\w-]+['’]s\b)\s*)+",
    re.IGNORECASE,
)
_ROLE_CUT = re.compile(r"\s+(?:who|which|that|qui|said|says|told|ont)\b.*$", re.I)
_OBJECT_OF = re.compile(
    r"(?<![\w'’-])(?:for|of|to|from|by|with|on|at|about|against|than|like|pour|de|du|à|"
    r"par|avec|sur|contre)\s+$",
    re.IGNORECASE,
)
_ROLE_SKIP = frozenset(
    "the a an in on at but and or so then meanwhile however also le la les un une des "
    "mais et puis".split()
)
_PART_OF_NAME = re.compile(rf"[{_UP}][\w'’-]*\s+(?:for|of|on|and|&|de|du|des)\s+$")
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
_ARTICLE_APPOS = re.compile(r",\s+(?:the|a|an|le|la|un|une)\b")
_TITLE_START = re.compile(rf"^(?P<title>{_TITLE})\s+")

# organisations named in organisations.tsv
_ORG_RE = re.compile(alias_regex(list(_ORGS.aliases)))
_ORG_PRE = re.compile(
    r"(?<![\w-])(?:according\s+to|citing|quoting|said|told\s+by|statement\s+(?:from|by)|"
    r"(?:data|figures|statements?|communiqué)\s+(?:from|by|of)|selon|d['’]après|"
    r"(?:communiqué|déclaration|données|chiffres)\s+(?:de|du|des|d['’])|"
    r"(?:a|ont)\s+(?:déclaré|indiqué|annoncé|affirmé|précisé))\s*"
    r"(?:(?:an?|the|its|l['’]|le|la|les|de|du|des|d['’]|un|une)\s*){0,2}$",
    re.IGNORECASE,
)
_ORG_POST = re.compile(
    rf"(?:['’]s\s+statement\b|\s+statement\b|,?\s+{_ADV}(?:{_ORG_SAY_EN})\b|\s+{_SAY_FR}\b)"
)

# --------------------------------------------------------------------------- documents

_DOC_EN = (
    r"report|study|survey|assessment|memo|document|investigation|resolution|audit|"
    r"analysis"
)
_DOC_FR_EN = {
    "rapport": "report",
    "étude": "study",
    "enquête": "investigation",
    "note": "memo",
    "document": "document",
    "résolution": "resolution",
}
_DOC_AFTER = re.compile(rf"(?:['’]s)?\s+(?P<doc>{_DOC_EN})\b")
_DOC_BEFORE = re.compile(
    rf"(?<![\w-])(?P<doc>{_DOC_EN})\s+(?:(?:published|released|issued|compiled)\s+)?"
    rf"(?:by|from)\s+(?:the\s+)?$"
    rf"|(?<![\w-])(?P<fdoc>rapport|étude|enquête|note|document|résolution)s?\s+"
    rf"(?:(?:confidentiel|interne|annuel|récent|publié|rendu\s+public)\s+)?"
    rf"(?P<de>de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|par\s+(?:l['’]|le\s+|la\s+)?)$"
)

# --------------------------------------------------------------------------- language

_FR_MARKERS = (" le ", " la ", " les ", " des ", " est ", " une ", " du ", " dans ", " qui ")
_EN_MARKERS = (" the ", " and ", " of ", " is ", " was ", " to ", " that ", " with ")


def _languages(text: str, language: str | None) -> tuple[bool, bool]:
    """Which pattern sets to run: (english, french)."""
    if language:
        low = language.lower()
        if low.startswith("fr"):
            return False, True
        if low.startswith("en"):
            return True, False
    sample = text[:2000].lower()
    fr = sum(sample.count(w) for w in _FR_MARKERS)
    en = sum(sample.count(w) for w in _EN_MARKERS)
    if fr > 2 * en + 3:
        return False, True
    if en > 2 * fr + 3:
        return True, False
    return True, True


# --------------------------------------------------------------------------- hits


@dataclass
class _Hit:
    key: str
    name: str
    kind: str
    start: int  # anchor (the source's words) for order, dedupe and sentence lookup
    end: int
    priority: int  # higher wins when anchors overlap
    role_head: str = ""  # for officials: head noun of the role ("spokesperson")
    definite: bool = False  # unnamed official introduced with "the"/"le"
    surname: str = ""
    given: str = ""


class _Doc:
    __slots__ = ("text", "spans", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = split_sentences(text) or [(0, len(text))]
        self.starts = [s for s, _ in self.spans]

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def bounds(self, pos: int) -> tuple[int, int]:
        return self.spans[self.sentence_of(pos)]


def _clean(s: str) -> str:
    return " ".join(s.split())


def _lo(text: str, s_start: int, pos: int, width: int) -> int:
    """Start of a look-back window: at most *width* chars, in the sentence, at a word start."""
    lo = pos - width
    if lo <= s_start:
        return s_start
    while lo < pos and not text[lo - 1].isspace():
        lo += 1
    return lo


# ---- media


def _media_hits(doc: _Doc) -> list[_Hit]:
    text = doc.text
    mentions: list[tuple[int, int, str, str, int]] = []
    for m in _MEDIA.pattern.finditer(text):
        canonical = _MEDIA.aliases[normalise_alias(m.group(0))]
        mentions.append(
            (m.start(), m.end(), canonical, _MEDIA.kinds[canonical], doc.sentence_of(m.start()))
        )
    # chain coordinated mentions: "Reuters and Agence France-Presse reported"
    chains: list[list[tuple[int, int, str, str, int]]] = []
    for mention in mentions:
        if chains:
            prev = chains[-1][-1]
            if prev[4] == mention[4] and _CHAIN_GAP.match(text[prev[1] : mention[0]]):
                chains[-1].append(mention)
                continue
        chains.append([mention])
    hits: list[_Hit] = []
    for chain in chains:
        s_start, s_end = doc.spans[chain[0][4]]
        cited = False
        for start, end, _c, _k, _s in chain:
            if _MEDIA_PRE.search(text, _lo(text, s_start, start, 90), start) or _MEDIA_POST.match(
                text, end, s_end
            ):
                cited = True
                break
        if not cited:
            continue
        for start, end, canonical, kind, _s in chain:
            if kind != "ignore":
                hits.append(_Hit("m:" + canonical, canonical, kind, start, end, 5))
    return hits


# ---- people


def _strip_name(name: str) -> str:
    """Drop sentence words ("But", "In") from the ends of a capitalised run."""
    tokens = name.split()
    while tokens and (tokens[0] in _PERSON_STOP or tokens[0].lower() in _PERSON_STOP_LOWER):
        tokens.pop(0)
    while tokens and tokens[-1] in _PERSON_STOP:
        tokens.pop()
    return " ".join(tokens)


def _is_person_name(name: str, titled: bool) -> bool:
    if not name or name in _NONPERSONS or name in _ORG_ALIASES or name in _MEDIA_ALIASES:
        return False
    tokens = name.split()
    for tok in tokens:
        if tok in _ORG_WORDS or tok in _NONPERSONS or tok in _ORG_ALIASES:
            return False
        if tok in _MEDIA_ALIASES or tok.lower() in _PERSON_STOP_LOWER:
            return False
        if len(tok) > 1 and tok.isupper() and not tok.endswith("."):
            return False  # acronym
        if _PLURAL_ACRONYM.match(tok):
            return False  # "MPs"
    return titled or len(tokens) >= 2


def _role_text(raw: str) -> str:
    raw = _clean(raw).strip(" ,()")
    raw = _ROLE_CUT.sub("", raw)
    raw = _LEAD_DET.sub("", raw)
    raw = raw.strip(" ,")
    if len(raw) > 70:
        raw = raw[:70].rsplit(" ", 1)[0]
    return raw


def _title_role(title: str) -> str:
    low = _clean(title).lower()
    if not low or low in _HONORIFICS:
        return ""
    if low in _TITLE_MAP:
        return _TITLE_MAP[low]
    low = re.sub(r"^(?:le|la)\s+", "", low)
    return "" if low in _HONORIFICS else low


def _named_hit(doc: _Doc, m: re.Match[str], role_words: str | None) -> _Hit | None:
    """Validate a name match; *role_words* None means "look back for a role"."""
    text = doc.text
    raw = m.group("name")
    title = _clean(m.group("title") or "")
    name = _strip_name(raw)
    if not name or not raw.endswith(name):
        return None
    name_start = m.start("name") + len(raw) - len(name)
    if name != raw:
        title = ""
    tm = _TITLE_START.match(name)
    if tm and not title:  # "Russian President Vladimir Putin" -> title "President"
        title = tm.group("title")
        name = name[tm.end() :]
        name_start += tm.end()
    tokens = name.split()
    for i, tok in enumerate(tokens[:-1]):
        if tok in _TITLE_WORDS:  # "Health Secretary Steve Barclay"
            cut = len(" ".join(tokens[: i + 1])) + 1
            title = " ".join(tokens[: i + 1])
            name, name_start = name[cut:], name_start + cut
            break
    titled = bool(title)
    if not _is_person_name(name, titled):
        return None
    if not titled and _PART_OF_NAME.search(text, max(0, name_start - 40), name_start):
        return None  # "Office for National Statistics"
    first = m.start("title") if m.group("title") else name_start
    if role_words is None and _OBJECT_OF.search(text, max(0, first - 12), first):
        return None  # "a spokesperson for Mr Raab said": not the speaker
    role = ""
    appos = m.group("appos") or ""
    if appos:
        cand = _role_text(appos)
        if cand and (_ROLE_HEAD_RE.search(cand) or _ARTICLE_APPOS.match(appos)):
            role = cand
    if not role:
        if role_words is None:
            s_start, _ = doc.bounds(name_start)
            left = m.start("title") if m.group("title") and name == raw else name_start
            lo = _lo(text, s_start, left, 80)
            rb = _ROLE_BEFORE_START.match(text[lo:left]) if lo == s_start else None
            if rb is None:
                rb = _ROLE_BEFORE.search(text, lo, left)
            role_words = rb.group("role") if rb else ""
            if rb is not None and rb.re is _ROLE_BEFORE_START:
                role_words = role_words[:1].lower() + role_words[1:]
        if role_words:
            role = _role_text(role_words)
            if not _ROLE_HEAD_RE.search(role):
                role = ""
    if not role:
        role = _title_role(title)
        if role and role == title.lower() and " " in role and role.split()[0] in ("mr", "mrs"):
            role = ""
    if not (titled or role or len(name.split()) >= 2):
        return None
    parts = name.split()
    head_m = _ROLE_HEAD_RE.search(role) if role else None
    return _Hit(
        "p:" + parts[-1].lower(),
        f"{name}, {role}" if role else name,
        "official",
        name_start,
        name_start + len(name),
        4,
        role_head=head_m.group(0).lower() if head_m else "",
        surname=parts[-1],
        given=" ".join(parts[:-1]),
    )


def _unnamed_hit(m: re.Match[str]) -> _Hit | None:
    words = _role_text(m.group("role")).split()
    while words and words[0].lower() in _ROLE_SKIP:
        words.pop(0)
    if not words or not m.group("det") and words[0][0].isupper() and len(words) > 1:
        return None  # capitalised modifiers only after a determiner ("a Home Office spokesman")
    if len(words) == 1 or _ROLE_HEAD_RE.fullmatch(words[0]) or words[0] in _PERSON_STOP:
        words[0] = words[0][:1].lower() + words[0][1:]  # "Officials said" -> "officials"
    role = " ".join(words)
    det = (m.group("det") or "").strip().lower()
    head_m = _ROLE_HEAD_RE.search(role)
    key = role.lower()
    if key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]
    return _Hit(
        "u:" + key,
        role,
        "official",
        m.start("role"),
        m.end("role"),
        2,
        role_head=head_m.group(0).lower() if head_m else "",
        definite=det in {"the", "le", "la", "l'", "l’"},
    )


def _generic_org_hit(m: re.Match[str], en: bool, fr: bool) -> _Hit | None:
    if m.re is _SUBJ_ORG and m.group("pname"):
        words = _clean(m.group("pname")).split()
        while words and (words[0] in _PERSON_STOP or words[0].lower() in _ROLE_SKIP):
            words.pop(0)
        if len(words) < 2:
            return None
        name = " ".join(words)
        start = m.start("pname") + m.group("pname").index(words[0])
        return _Hit("o:" + name.lower(), name, "organisation", start, m.end("pname"), 2)
    if m.group("head"):
        if not en:
            return None
        mods = _clean(m.group("mods") or "")
        head = _clean(m.group("head")).lower()
        name = f"{mods} {head}".strip()
        start = m.start("mods") if mods else m.start("head")
        end = m.end("head")
    else:
        if not fr:
            return None
        head = _clean(m.group("fhead")).lower()
        adj = _clean(m.group("fadj") or "")
        name = f"{head} {adj}".strip()
        start, end = m.start("fhead"), (m.end("fadj") if adj else m.end("fhead"))
    return _Hit("o:" + name.lower(), name, "organisation", start, end, 2)


def _anon_hit(m: re.Match[str]) -> _Hit:
    adj = _clean(m.group("adj"))
    name = f"{adj} source"
    return _Hit("a:" + name.lower(), name, "official", m.start("adj"), m.end("src"), 3)


def _search_all(rx: re.Pattern[str], text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """Every match of an end-anchored pattern in text[lo:hi], leftmost first."""
    out: list[re.Match[str]] = []
    pos = lo
    while pos < hi and len(out) < 4:
        m = rx.search(text, pos, hi)
        if not m:
            break
        out.append(m)
        pos = m.start() + 1
    return out


# Cheap substring pre-checks (on the lower-cased window) before the costlier regexes.
_OFFICE_HINTS = (
    "spokes",
    "minist",
    "official",
    "officer",
    "commander",
    "governor",
    "mayor",
    "ambassad",
    "envoy",
    "presiden",
    "présiden",
    "diplomat",
    "prefect",
    "prosecut",
    "lawmaker",
    "chief",
    "porte-parole",
    "responsable",
    "gouverneur",
    "préfet",
    "maire",
    "commandant",
    "officier",
    "élu",
    "procureur",
    "chef",
    "fonctionnaire",
)
_ORG_HINTS = (
    "authorit",
    "forces",
    "army",
    "milit",
    "govern",
    "minist",
    "police",
    "junt",
    "presiden",
    "présiden",
    "gendarm",
    "embass",
    "ambassad",
    "regime",
    "régime",
    "administr",
    "prosecut",
    "autorit",
    "gouvern",
    "armée",
    "parquet",
    "mairie",
    "préfect",
    "état-major",
    "council",
    "constabulary",
    "service",
)


def _speech_hits(doc: _Doc, en: bool, fr: bool) -> list[_Hit]:
    """Subjects of speech verbs ("X said") and speakers after them ("…," said X)."""
    text = doc.text
    hits: list[_Hit] = []
    m: re.Match[str] | None
    for v in _VERB_RE.finditer(text):
        if v.group(0)[0].isupper():
            continue
        vs = v.start()
        s_start, _ = doc.bounds(vs)
        lo = _lo(text, s_start, vs, 140)
        hit: _Hit | None = None
        for m in _search_all(_SUBJ_PERSON, text, lo, vs):
            hit = _named_hit(doc, m, None)
            if hit:
                break
        window = text[lo:vs].lower()
        if hit is None and any(h in window for h in _OFFICE_HINTS):
            for m in _search_all(_SUBJ_UNNAMED, text, lo, vs):
                hit = _unnamed_hit(m)
                if hit:
                    break
        if hit is None and en and "source" in window:
            m = _SUBJ_ANON.search(text, lo, vs)
            if m:
                hit = _anon_hit(m)
        if hit is None and any(h in window for h in _ORG_HINTS):
            m = _SUBJ_ORG.search(text, lo, vs)
            hit = _generic_org_hit(m, en, fr) if m else None
        if hit:
            hits.append(hit)
    for t in (t for rx in _REV_TRIGGERS for t in rx.finditer(text)):
        p = t.end()
        _, s_end = doc.bounds(p)
        m = _REV_PERSON.match(text, p, s_end)
        hit = _named_hit(doc, m, m.group("role") or "") if m else None
        if hit is None and en:
            m = _REV_ANON.match(text, p, s_end)
            hit = _anon_hit(m) if m else None
        if hit is None:
            m = _REV_ORG.match(text, p, s_end)
            hit = _generic_org_hit(m, en, fr) if m else None
        if hit is None:
            m = _REV_UNNAMED.match(text, p, s_end)
            hit = _unnamed_hit(m) if m else None
        if hit:
            hits.append(hit)
    if fr:
        for m in _ANON_FR.finditer(text):
            adj = _clean(m.group("adj")).lower()
            if adj.startswith("concordante"):
                adj = "concordante"
            elif " " not in adj and adj.endswith("s"):
                adj = adj[:-1]
            name = f"source {adj}"
            hits.append(_Hit("a:" + name, name, "official", m.start("src"), m.end("adj"), 3))
    return hits


_COREF_POST = re.compile(
    r"(?:['’]s\s+(?:announcement|statement|remarks|comments|words|declaration|decision|"
    r"claims?|speech|address|interview|message|post|tweet|letter|warning|account|"
    rf"testimony|decree|assertion|position)\b|,?\s+{_ADV}{_ANY_SAY}(?![\w-]))"
)
_COREF_PRE = re.compile(
    rf"(?:(?<![\w-]){_ACCORDING}|{_QUOTE_END}{_SAY_INV})\s+(?:{_TITLE}\s+)?"
    rf"(?:[{_UP}][\w'’-]+\s+){{0,2}}$"
)


def _coref_hits(doc: _Doc, named: list[_Hit]) -> list[_Hit]:
    """Other mentions of a quoted person by surname ("Abdramane said", "Abdramane's statement")."""
    text = doc.text
    out: list[_Hit] = []
    seen: set[str] = set()
    for hit in named:
        sur = hit.surname
        if sur in seen or len(sur) < 3:
            continue
        seen.add(sur)
        i = text.find(sur)
        while i >= 0:
            j = i + len(sur)
            if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "-'’")) and (
                j == len(text) or not (text[j].isalnum() or text[j] == "-")
            ):
                s_start, s_end = doc.bounds(i)
                if _COREF_POST.match(text, j, s_end) or _COREF_PRE.search(
                    text, _lo(text, s_start, i, 80), i
                ):
                    out.append(_Hit(hit.key, hit.name, "official", i, j, 1, surname=sur))
            i = text.find(sur, j)
    return out


# ---- organisations and documents


def _org_and_doc_hits(doc: _Doc) -> list[_Hit]:
    text = doc.text
    hits: list[_Hit] = []
    for m in _ORG_RE.finditer(text):
        surface = normalise_alias(m.group(0))
        canonical = _ORGS.aliases[surface]
        a, b = m.start(), m.end()
        s_start, s_end = doc.bounds(a)
        after = _DOC_AFTER.match(text, b, s_end)
        before = None if after else _DOC_BEFORE.search(text, _lo(text, s_start, a, 60), a)
        if after or before:
            plain = surface.replace(".", "")
            short = plain if plain.isupper() else canonical
            if before is not None and before.group("fdoc"):
                word = before.group("fdoc").lower()
                de = before.group("de")
                joiner = de if de.endswith(("'", "’")) else _clean(de) + " "
                name, doc_en = f"{word} {joiner}{surface}", _DOC_FR_EN[word]
            else:
                src = after if after is not None else before
                assert src is not None
                doc_en = src.group("doc").lower()
                name = f"{short} {doc_en}"
            hits.append(_Hit(f"d:{canonical.lower()}|{doc_en}", name, "document", a, b, 6))
            continue
        if _ORG_PRE.search(text, _lo(text, s_start, a, 60), a) or _ORG_POST.match(text, b, s_end):
            hits.append(_Hit("o:" + canonical.lower(), canonical, "organisation", a, b, 3))
    return hits


# --------------------------------------------------------------------------- public API


def _overlaps(a: _Hit, b: _Hit) -> bool:
    return a.start < b.end and b.start < a.end


def extract_citations(text: str, language: str | None = None) -> list[CitedSource]:
    """Return the sources cited in *text*, ordered by first appearance.

    *language* ("en", "fr", ...) selects the pattern set; ``None`` detects it
    (both sets run when the text is ambiguous).
    """
    if not text or not text.strip():
        return []
    en, fr = _languages(text, language)
    doc = _Doc(text)
    candidates = _media_hits(doc) + _org_and_doc_hits(doc) + _speech_hits(doc, en, fr)

    # resolve overlapping anchors: higher priority first, then earlier/longer
    candidates.sort(key=lambda h: (-h.priority, h.start, -(h.end - h.start)))
    accepted: list[_Hit] = []
    for hit in candidates:
        if not any(_overlaps(hit, other) for other in accepted):
            accepted.append(hit)

    named = sorted((h for h in accepted if h.key.startswith("p:")), key=lambda h: h.start)
    # people sharing a surname but with different given names stay apart
    first_given: dict[str, str] = {}
    for h in named:
        known = first_given.get(h.key)
        if known and h.given and h.given != known:
            h.key = f"{h.key}|{h.given.lower()}"
        else:
            first_given.setdefault(h.key, h.given)
    for hit in _coref_hits(doc, named):
        if not any(_overlaps(hit, other) for other in accepted):
            accepted.append(hit)

    # "the spokesperson said" after a named spokesperson -> that person
    by_role: dict[str, _Hit] = {}
    for h in sorted(accepted, key=lambda h: h.start):
        if h.key.startswith("p:") and h.role_head:
            by_role.setdefault(h.role_head, h)
        elif h.key.startswith("u:") and h.definite and h.role_head in by_role:
            named_hit = by_role[h.role_head]
            h.key, h.name = named_hit.key, named_hit.name

    accepted.sort(key=lambda h: h.start)
    order: list[str] = []
    names: dict[str, tuple[str, str]] = {}
    counts: dict[str, int] = {}
    sentences: dict[str, list[str]] = {}
    for h in accepted:
        if h.key not in names:
            order.append(h.key)
            names[h.key] = (h.name, h.kind)
            counts[h.key] = 0
            sentences[h.key] = []
        elif h.key.startswith("p:") and "," not in names[h.key][0] and "," in h.name:
            names[h.key] = (h.name, h.kind)  # a later mention gives the role
        counts[h.key] += 1
        s, e = doc.bounds(h.start)
        sent = text[s:e]
        if sent not in sentences[h.key]:
            sentences[h.key].append(sent)
    for k in order:
        if k.startswith("p:"):
            person, _sep, role = names[k][0].partition(", ")
            if " " not in person:
                full = _full_name(text, person)
                if full:
                    names[k] = (f"{full}, {role}" if role else full, names[k][1])
    return [CitedSource(names[k][0], names[k][1], counts[k], tuple(sentences[k])) for k in order]


def _full_name(text: str, surname: str) -> str:
    """ "Rishi Sunak" for "Sunak" when the text names the person in full somewhere."""
    rx = re.compile(rf"((?:[{_UP}][\w'’-]+\s+){{1,2}}){re.escape(surname)}(?![\w-])")
    for m in rx.finditer(text):
        given = [
            t
            for t in m.group(1).split()
            if t not in _PERSON_STOP and t not in _TITLE_WORDS and t not in _ORG_WORDS
        ]
        # keep only the tokens right before the surname that look like given names
        tokens = m.group(1).split()
        while tokens and tokens[0] not in given:
            tokens.pop(0)
        if tokens and all(t in given for t in tokens) and not _TITLE_START.match(tokens[0] + " "):
            name = " ".join([*tokens, surname])
            if _is_person_name(name, False):
                return name
    return ""
