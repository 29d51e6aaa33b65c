"""Norwegian text for the benchmark corpus: every text is a pair (bokmål, nynorsk).

Templates take slots that ``corpus.Municipality.fill`` fills per municipality and year:
``{def}``/``{Def}`` (the chief executive's title, definite form), ``{sector}``, ``{event}``,
``{year}``, ``{next}``, ``{prev}``, ``{count}``, ``{score}``, ``{value}``, ``{target}`` and a few
more. No text holds an ampersand, an asterisk or a tab.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

Pair: TypeAlias = tuple[str, str]

SECTORS: list[Pair] = [
    ("helse og omsorg", "helse og omsorg"),
    ("oppvekst og utdanning", "oppvekst og utdanning"),
    ("teknisk drift", "teknisk drift"),
    ("plan og utvikling", "plan og utvikling"),
    ("kultur og frivillighet", "kultur og frivilligheit"),
    ("NAV og sosiale tjenester", "NAV og sosiale tenester"),
    ("barnevernet", "barnevernet"),
    ("eiendomsforvaltningen", "eigedomsforvaltninga"),
    ("økonomiavdelingen", "økonomiavdelinga"),
    ("IKT og digitalisering", "IKT og digitalisering"),
    ("hjemmetjenesten", "heimetenesta"),
    ("vann og avløp", "vatn og avlaup"),
]

EVENTS: list[Pair] = [
    ("flommen i vår", "flaumen i vår"),
    ("stor tilflytting av flyktninger", "stor tilflytting av flyktningar"),
    ("høy lønnsvekst og renteøkning", "høg lønsvekst og renteauke"),
    ("sammenslåingen av to skoler", "samanslåinga av to skular"),
    ("nye regler for ressurskrevende tjenester", "nye reglar for ressurskrevjande tenester"),
    ("byggingen av nytt sykehjem", "bygginga av ny sjukeheim"),
    ("et dataangrep mot kommunens systemer", "eit dataåtak mot systema til kommunen"),
    ("uvær og langvarig strømbrudd", "uvêr og langvarig straumbrot"),
]

LEADERSHIP: list[Pair] = [
    (
        "{Def} utøver en tydelig og tillitsskapende ledelse, og ledergruppen framstår samlet.",
        "{Def} utøver ei tydeleg og tillitsskapande leiing, og leiargruppa står samla.",
    ),
    (
        "Utvalget merker seg at {def} er synlig i organisasjonen og har god kontakt med "
        "enhetslederne.",
        "Utvalet merkar seg at {def} er synleg i organisasjonen og har god kontakt med "
        "einingsleiarane.",
    ),
    (
        "I en krevende budsjettsituasjon har {def} holdt fast ved prioriteringene og "
        "kommunisert dem tydelig til de ansatte.",
        "I ein krevjande budsjettsituasjon har {def} halde fast ved prioriteringane og formidla "
        "dei tydeleg til dei tilsette.",
    ),
    (
        "Arbeidet i {sector} har fått et løft etter at det ble innført faste oppfølgingsmøter "
        "med enhetslederne.",
        "Arbeidet i {sector} har fått eit løft etter at det vart innført faste "
        "oppfølgingsmøte med einingsleiarane.",
    ),
    (
        "Utvalget ønsker at {def} i større grad delegerer oppgaver til kommunalsjefene og "
        "bruker tiden på strategiske spørsmål.",
        "Utvalet ønskjer at {def} i større grad delegerer oppgåver til kommunalsjefane og "
        "brukar tida på strategiske spørsmål.",
    ),
    (
        "Tilbakemeldingene fra tillitsvalgte og verneombud beskriver en leder som lytter og "
        "tar beslutninger i tide.",
        "Tilbakemeldingane frå tillitsvalde og verneombod skildrar ein leiar som lyttar og tek "
        "avgjerder i tide.",
    ),
    (
        "Medarbeiderundersøkelsen for {year} viser en skår på {score} for nærmeste leder, på "
        "nivå med landsgjennomsnittet.",
        "Medarbeidarundersøkinga for {year} viser ein skår på {score} for næraste leiar, på "
        "nivå med landssnittet.",
    ),
]

ORGANISATION: list[Pair] = [
    (
        "Omorganiseringen av {sector} er gjennomført etter planen, og de ansatte har vært tatt "
        "med i prosessen.",
        "Omorganiseringa av {sector} er gjennomført etter planen, og dei tilsette har vore "
        "tekne med i prosessen.",
    ),
    (
        "Sykefraværet er redusert fra {high} til {low} prosent, noe som tyder på et bedre "
        "arbeidsmiljø.",
        "Sjukefråværet er redusert frå {high} til {low} prosent, noko som tyder på eit betre "
        "arbeidsmiljø.",
    ),
    (
        "Lederutviklingsprogrammet har gitt enhetslederne et felles språk for økonomistyring "
        "og personalledelse.",
        "Leiarutviklingsprogrammet har gitt einingsleiarane eit felles språk for "
        "økonomistyring og personalleiing.",
    ),
    (
        "Rekruttering av sykepleiere og lærere er fortsatt krevende, og utvalget etterlyser en "
        "tydeligere plan for dette.",
        "Rekruttering av sjukepleiarar og lærarar er framleis krevjande, og utvalet etterlyser "
        "ein tydelegare plan for dette.",
    ),
    (
        "Digitaliseringsarbeidet har kommet godt i gang, men gevinstene er ennå ikke tatt ut i "
        "budsjettet.",
        "Digitaliseringsarbeidet har kome godt i gang, men vinstane er enno ikkje tekne ut i "
        "budsjettet.",
    ),
    (
        "Samarbeidet med nabokommunene om {sector} har gitt et mer robust fagmiljø.",
        "Samarbeidet med nabokommunane om {sector} har gitt eit meir robust fagmiljø.",
    ),
]

POLITICAL: list[Pair] = [
    (
        "Vedtak følges opp raskt, og restanselisten rapporteres til {council_lc} hvert tertial.",
        "Vedtak blir følgde opp raskt, og restanselista blir rapportert til {council_lc} kvart "
        "tertial.",
    ),
    (
        "Utvalget registrerer at {count} av vedtakene fra {year} ennå ikke er gjennomført, og "
        "ber om en plan for disse.",
        "Utvalet registrerer at {count} av vedtaka frå {year} enno ikkje er gjennomførte, og "
        "ber om ein plan for desse.",
    ),
    (
        "Saksframleggene er gjennomgående godt utredet og har tydelige alternativer.",
        "Saksframlegga er gjennomgåande godt utgreidde og har tydelege alternativ.",
    ),
    (
        "Enkelte saker om {sector} kom sent til politisk behandling, noe som ga kort tid til å "
        "sette seg inn i dem.",
        "Enkelte saker om {sector} kom seint til politisk handsaming, noko som gav kort tid til "
        "å setje seg inn i dei.",
    ),
    (
        "Budsjettvedtaket for {year} er fulgt opp med konkrete tiltak i alle sektorer.",
        "Budsjettvedtaket for {year} er følgt opp med konkrete tiltak i alle sektorar.",
    ),
]

INTERACTION: list[Pair] = [
    (
        "Informasjonsflyten til alle partier er bedret siden forrige samtale.",
        "Informasjonsflyten til alle parti er betre sidan førre samtale.",
    ),
    (
        "Rolledelingen mellom politikk og administrasjon respekteres, og politiske bestillinger "
        "går gjennom vedtak.",
        "Rolledelinga mellom politikk og administrasjon blir respektert, og politiske "
        "bestillingar går gjennom vedtak.",
    ),
    (
        "Opposisjonen opplever å få like god informasjon som posisjonen.",
        "Opposisjonen opplever å få like god informasjon som posisjonen.",
    ),
    (
        "Det har vært enkelte uklarheter om hvem som svarer pressen i saker om {sector}.",
        "Det har vore enkelte uklarleikar om kven som svarar pressa i saker om {sector}.",
    ),
    (
        "Ordføreren og {def} har faste møter hver uke, og det fungerer godt.",
        "Ordføraren og {def} har faste møte kvar veke, og det fungerer godt.",
    ),
    (
        "Orienteringene i formannskapet er nyttige, men kunne med fordel kommet tidligere i "
        "saksgangen.",
        "Orienteringane i formannskapet er nyttige, men kunne med fordel ha kome tidlegare i "
        "sakshandsaminga.",
    ),
]

DEVELOPMENT_NEEDS: list[Pair] = [
    (
        "Strategisk kommunikasjon med innbyggerne om prioriteringer i en strammere økonomi.",
        "Strategisk kommunikasjon med innbyggjarane om prioriteringar i ein strammare økonomi.",
    ),
    (
        "Mer tid til utviklingsarbeid og mindre til drift, blant annet ved å styrke "
        "stabsfunksjonene.",
        "Meir tid til utviklingsarbeid og mindre til drift, mellom anna ved å styrkje "
        "stabsfunksjonane.",
    ),
    (
        "Erfaring med omstilling og gevinstrealisering i store virksomheter.",
        "Røynsle med omstilling og vinstrealisering i store verksemder.",
    ),
    (
        "Kunnskap om beredskap og kriseledelse, blant annet gjennom øvelser med statsforvalteren.",
        "Kunnskap om beredskap og kriseleiing, mellom anna gjennom øvingar med statsforvaltaren.",
    ),
    (
        "Nettverk med andre kommunedirektører i regionen for erfaringsutveksling.",
        "Nettverk med andre kommunedirektørar i regionen for erfaringsutveksling.",
    ),
    (
        "Veiledning i å lede ledere og i å bygge en sterk ledergruppe.",
        "Rettleiing i å leie leiarar og i å byggje ei sterk leiargruppe.",
    ),
]

OVERALL: list[Pair] = [
    (
        "Utvalget er godt fornøyd og ønsker å videreføre samarbeidet på samme måte.",
        "Utvalet er godt nøgd og ønskjer å vidareføre samarbeidet på same måte.",
    ),
    (
        "Samlet sett har {def} levert gode resultater i et krevende år.",
        "Samla sett har {def} levert gode resultat i eit krevjande år.",
    ),
    (
        "Utvalget har tillit til {def}, men forventer tydeligere framdrift på økonomien neste år.",
        "Utvalet har tillit til {def}, men ventar tydelegare framdrift på økonomien neste år.",
    ),
    (
        "Resultatene i tjenestene er gode, og brukerundersøkelsene viser høy tilfredshet.",
        "Resultata i tenestene er gode, og brukarundersøkingane viser høg tilfredsheit.",
    ),
    (
        "Året har vært preget av {event}, og utvalget anerkjenner innsatsen organisasjonen har "
        "lagt ned.",
        "Året har vore prega av {event}, og utvalet anerkjenner innsatsen organisasjonen har "
        "lagt ned.",
    ),
]

SELF_OVERALL: list[Pair] = [
    (
        "Gode resultater i tjenestene og i ledelsesarbeidet. Økonomien er fortsatt den største "
        "utfordringen.",
        "Gode resultat i tenestene og i leiingsarbeidet. Økonomien er framleis den største "
        "utfordringa.",
    ),
    (
        "Året har vært preget av {event}, og mye av kapasiteten har gått med til det.",
        "Året har vore prega av {event}, og mykje av kapasiteten har gått med til det.",
    ),
    (
        "Samarbeidet med de folkevalgte er godt, og jeg opplever tydelige bestillinger.",
        "Samarbeidet med dei folkevalde er godt, og eg opplever tydelege bestillingar.",
    ),
    (
        "Arbeidet i {sector} har gått bedre enn ventet, mens rekrutteringen fortsatt er krevende.",
        "Arbeidet i {sector} har gått betre enn venta, medan rekrutteringa framleis er krevjande.",
    ),
    (
        "Jeg har prioritert å bygge ledergruppen og å få på plass en bedre styringsmodell.",
        "Eg har prioritert å byggje leiargruppa og å få på plass ein betre styringsmodell.",
    ),
]

STATUS_TEXT: dict[str, list[Pair]] = {
    "achieved": [
        (
            "Målet er nådd, og resultatet er dokumentert i årsrapporten.",
            "Målet er nådd, og resultatet er dokumentert i årsrapporten.",
        ),
        ("Målet er nådd før tiden. Godt arbeid.", "Målet er nådd før tida. Godt arbeid."),
        (
            "Resultatet {value} er bedre enn målverdien {target}.",
            "Resultatet {value} er betre enn målverdien {target}.",
        ),
    ],
    "partly_achieved": [
        (
            "Tydelig framgang, men målverdien {target} er ikke nådd; målet videreføres.",
            "Tydeleg framgang, men målverdien {target} er ikkje nådd; målet blir vidareført.",
        ),
        (
            "Resultatet er {value} mot målet {target}. Arbeidet er i rute for neste år.",
            "Resultatet er {value} mot målet {target}. Arbeidet er i rute for neste år.",
        ),
    ],
    "not_achieved": [
        (
            "Målet er ikke nådd. Resultatet er {value} mot målet {target}.",
            "Målet er ikkje nådd. Resultatet er {value} mot målet {target}.",
        ),
        (
            "Målet er ikke nådd, blant annet på grunn av {event}.",
            "Målet er ikkje nådd, mellom anna på grunn av {event}.",
        ),
    ],
    "not_assessed": [
        (
            "Tallene for {year} foreligger ikke ennå; målet vurderes i neste samtale.",
            "Tala for {year} ligg ikkje føre enno; målet blir vurdert i neste samtale.",
        ),
    ],
}

GROUP_THEMES: list[Pair] = [
    ("Tjenester i distriktene", "Tenester i distrikta"),
    ("Velferdsteknologi", "Velferdsteknologi"),
    ("Informasjon til mindretallet", "Informasjon til mindretalet"),
    ("Økonomi", "Økonomi"),
    ("Klimabudsjett", "Klimabudsjett"),
    ("Lederutvikling", "Leiarutvikling"),
    ("Skolestruktur", "Skulestruktur"),
    ("Sykefravær", "Sjukefråvær"),
    ("Saksbehandlingstid", "Sakshandsamingstid"),
    ("Beredskap", "Beredskap"),
    ("Næringsutvikling", "Næringsutvikling"),
    ("Boligbygging", "Bustadbygging"),
]

GROUP_TEXT: list[Pair] = [
    (
        "Gruppen ønsker å høre hvordan {sector} følges opp i resten av perioden.",
        "Gruppa ønskjer å høyre korleis {sector} blir følgt opp i resten av perioden.",
    ),
    (
        "Vi er bekymret for at driftsresultatet ikke når målet, og vil drøfte hvilke kutt som "
        "kan komme.",
        "Vi er uroa for at driftsresultatet ikkje når målet, og vil drøfte kva kutt som kan kome.",
    ),
    (
        "Informasjonsflyten til opposisjonen er klart bedre enn i fjor.",
        "Informasjonsflyten til opposisjonen er klart betre enn i fjor.",
    ),
    (
        "Gruppen mener saksframleggene om {sector} har vært for lite konkrete om konsekvensene.",
        "Gruppa meiner saksframlegga om {sector} har vore for lite konkrete om konsekvensane.",
    ),
    (
        "Vi ber om at samtalen tar opp hvordan administrasjonen prioriterer når ressursene ikke "
        "strekker til.",
        "Vi ber om at samtalen tek opp korleis administrasjonen prioriterer når ressursane "
        "ikkje strekk til.",
    ),
    (
        "Innbyggerne i grendene opplever at tjenestene er blitt mindre tilgjengelige.",
        "Innbyggjarane i grendene opplever at tenestene har vorte mindre tilgjengelege.",
    ),
    (
        "Gruppen gir ros for håndteringen av {event}.",
        "Gruppa gjev ros for handteringa av {event}.",
    ),
    (
        "Vi ønsker tydeligere mål for {sector} i planen for {next}.",
        "Vi ønskjer tydelegare mål for {sector} i planen for {next}.",
    ),
]

REVIEW_SUMMARY: list[Pair] = [
    (
        "Utvalget og {def} er enige om vurderingen av resultatene.",
        "Utvalet og {def} er samde om vurderinga av resultata.",
    ),
    (
        "Driftsresultatet ligger under målet på grunn av lavere skatteinngang enn budsjettert.",
        "Driftsresultatet ligg under målet på grunn av lågare skatteinngang enn budsjettert.",
    ),
    (
        "Resultatene i tjenestene er gode, mens økonomien fortsatt er krevende.",
        "Resultata i tenestene er gode, medan økonomien framleis er krevjande.",
    ),
    (
        "Gjennomgangen bygde på egenevalueringen, tertialrapportene og årsrapporten for {prev}.",
        "Gjennomgangen bygde på eigenevalueringa, tertialrapportane og årsrapporten for {prev}.",
    ),
]

EXPECTATIONS: list[Pair] = [
    (
        "{Def} legger fram forslag til varige innsparingstiltak i budsjettet for {next}.",
        "{Def} legg fram forslag til varige innsparingstiltak i budsjettet for {next}.",
    ),
    (
        "Tertialrapportene skal vise status for hvert mål i planen.",
        "Tertialrapportane skal vise status for kvart mål i planen.",
    ),
    (
        "Utvalget forventer en plan for rekruttering i {sector} før sommeren.",
        "Utvalet ventar ein plan for rekruttering i {sector} før sommaren.",
    ),
    (
        "Politiske vedtak om {sector} skal følges opp uten ugrunnet opphold.",
        "Politiske vedtak om {sector} skal følgjast opp utan unødig opphald.",
    ),
    (
        "Klimabudsjettet rapporteres i tertialrapportene fra {next}.",
        "Klimabudsjettet blir rapportert i tertialrapportane frå {next}.",
    ),
]

PRINCIPLES: list[Pair] = [
    (
        "Prinsippet om lik informasjon til alle partier videreføres.",
        "Prinsippet om lik informasjon til alle parti blir vidareført.",
    ),
    (
        "Politiske bestillinger går gjennom vedtak eller ordføreren, ikke direkte til "
        "enhetsledere.",
        "Politiske bestillingar går gjennom vedtak eller ordføraren, ikkje direkte til "
        "einingsleiarar.",
    ),
    (
        "{Def} orienterer formannskapet tidlig når det er fare for budsjettavvik.",
        "{Def} orienterer formannskapet tidleg når det er fare for budsjettavvik.",
    ),
    (
        "Ordføreren og {def} møtes hver uke og avklarer saker før de går til politisk behandling.",
        "Ordføraren og {def} møtest kvar veke og avklarer saker før dei går til politisk "
        "handsaming.",
    ),
    (
        "Henvendelser fra folkevalgte om enkeltsaker går til {def}, som sørger for svar innen "
        "en uke.",
        "Førespurnader frå folkevalde om enkeltsaker går til {def}, som syter for svar innan "
        "ei veke.",
    ),
    (
        "Uenighet i enkeltsaker tas opp direkte og ikke i media.",
        "Usemje i enkeltsaker blir teken opp direkte og ikkje i media.",
    ),
]

MEASURES: list[Pair] = [
    (
        "Kurs i strategisk kommunikasjon våren {next}, innenfor budsjettet for egenutvikling.",
        "Kurs i strategisk kommunikasjon våren {next}, innanfor budsjettet for eigenutvikling.",
    ),
    (
        "Deltakelse i lederutviklingsprogrammet til KS for kommunedirektører.",
        "Deltaking i leiarutviklingsprogrammet til KS for kommunedirektørar.",
    ),
    (
        "Medietrening med ekstern rådgiver før budsjettprosessen.",
        "Medietrening med ekstern rådgjevar før budsjettprosessen.",
    ),
    (
        "Veiledning med ekstern coach, fire samlinger i løpet av året.",
        "Rettleiing med ekstern coach, fire samlingar i løpet av året.",
    ),
    (
        "Hospitering i en annen kommune av samme størrelse, inntil én uke.",
        "Hospitering i ein annan kommune av same storleik, inntil éi veke.",
    ),
    (
        "Studiepoenggivende kurs i offentlig økonomistyring.",
        "Studiepoenggjevande kurs i offentleg økonomistyring.",
    ),
]

CONFIDENTIAL_NOTES: list[Pair] = [
    (
        "Utvalget drøftet {def}s egne utviklingsbehov. Tiltaket dekkes av budsjettet for "
        "egenutvikling.",
        "Utvalet drøfta dei eigne utviklingsbehova til {def}. Tiltaket blir dekt av budsjettet "
        "for eigenutvikling.",
    ),
    (
        "Det ble orientert om en personalsak i {sector} som er unntatt offentlighet.",
        "Det vart orientert om ei personalsak i {sector} som er unnateken offentlegheit.",
    ),
    (
        "{Def} orienterte om sin helse og arbeidssituasjon i perioden etter {event}.",
        "{Def} orienterte om helsa og arbeidssituasjonen sin i perioden etter {event}.",
    ),
]

SUCCESS_GENERIC: list[Pair] = [
    (
        "Målet følges opp i tertialrapportene til {council_lc}.",
        "Målet blir følgt opp i tertialrapportane til {council_lc}.",
    ),
    ("Tett samarbeid med tillitsvalgte.", "Tett samarbeid med tillitsvalde."),
    ("Ledergruppen eier målet i fellesskap.", "Leiargruppa eig målet i fellesskap."),
    (
        "Nødvendige midler er satt av i budsjettet for {year}.",
        "Naudsynte midlar er sette av i budsjettet for {year}.",
    ),
]


@dataclass(frozen=True)
class Archetype:
    """A kind of goal municipalities set for their chief executive."""

    theme: str
    kind: str
    title: Pair
    description: Pair
    success: tuple[Pair, ...]
    indicator: Pair
    unit: Pair
    source: Pair
    baseline: tuple[float, float]
    change: tuple[float, float]
    """Target minus baseline, as a range."""
    anchor_type: str
    anchor: Pair
    decimals: int = 0


GOALS: list[Archetype] = [
    Archetype(
        "economy",
        "result",
        (
            "Netto driftsresultat i tråd med handlingsregelen",
            "Netto driftsresultat i tråd med handlingsregelen",
        ),
        (
            "Handlingsregelen i økonomiplanen skal følges, og disposisjonsfondet skal bygges opp "
            "til minst {count} prosent av driftsinntektene.",
            "Handlingsregelen i økonomiplanen skal følgjast, og disposisjonsfondet skal byggjast "
            "opp til minst {count} prosent av driftsinntektene.",
        ),
        (
            (
                "Månedlig økonomirapportering med prognose per sektor.",
                "Månadleg økonomirapportering med prognose per sektor.",
            ),
            (
                "Gevinster fra digitalisering tas ut i budsjettet.",
                "Vinstar frå digitalisering blir tekne ut i budsjettet.",
            ),
            (
                "Tertialvis rapportering av avvik med tiltak.",
                "Tertialvis rapportering av avvik med tiltak.",
            ),
        ),
        ("Netto driftsresultat", "Netto driftsresultat"),
        ("prosent av driftsinntektene", "prosent av driftsinntektene"),
        ("Årsregnskapet og KOSTRA", "Årsrekneskapen og KOSTRA"),
        (0.4, 1.8),
        (0.3, 1.2),
        "budget",
        (
            "Handlings- og økonomiplan {year}–{y3} og budsjett {year}",
            "Handlings- og økonomiplan {year}–{y3} og budsjett {year}",
        ),
        1,
    ),
    Archetype(
        "economy",
        "result",
        (
            "Driftsbudsjettet i balanse uten bruk av disposisjonsfond",
            "Driftsbudsjettet i balanse utan bruk av disposisjonsfond",
        ),
        (
            "Driften skal tilpasses inntektene slik at fondet kan brukes til investeringer og "
            "uforutsette hendelser.",
            "Drifta skal tilpassast inntektene slik at fondet kan brukast til investeringar og "
            "uføresette hendingar.",
        ),
        (
            (
                "Varige innsparingstiltak innarbeides i budsjettet.",
                "Varige innsparingstiltak blir arbeidde inn i budsjettet.",
            ),
            (
                "Sektorene har egne rammer og rapporterer avvik tertialvis.",
                "Sektorane har eigne rammer og rapporterer avvik tertialvis.",
            ),
        ),
        ("Bruk av disposisjonsfond til drift", "Bruk av disposisjonsfond til drift"),
        ("millioner kroner", "millionar kroner"),
        ("Årsregnskapet", "Årsrekneskapen"),
        (1.0, 9.0),
        (-9.0, -1.0),
        "economic_plan",
        ("Handlings- og økonomiplan {year}–{y3}", "Handlings- og økonomiplan {year}–{y3}"),
        1,
    ),
    Archetype(
        "users",
        "result",
        (
            "Flere eldre bor trygt hjemme med velferdsteknologi",
            "Fleire eldre bur trygt heime med velferdsteknologi",
        ),
        (
            "Digitalt tilsyn og medisineringsstøtte skal være standardtilbud i hjemmetjenesten, "
            "slik at flere kan bo hjemme lenger.",
            "Digitalt tilsyn og medisineringsstøtte skal vere standardtilbod i heimetenesta, slik "
            "at fleire kan bu heime lenger.",
        ),
        (
            (
                "Velferdsteknologi vurderes i alle nye vedtak om hjemmetjenester.",
                "Velferdsteknologi blir vurdert i alle nye vedtak om heimetenester.",
            ),
            (
                "Responssenteret er bemannet hele døgnet.",
                "Responssenteret er bemanna heile døgeret.",
            ),
            ("Pårørende får opplæring.", "Pårørande får opplæring."),
        ),
        (
            "Andel mottakere av hjemmetjenester med digitalt tilsyn",
            "Del mottakarar av heimetenester med digitalt tilsyn",
        ),
        ("prosent", "prosent"),
        ("Fagsystemet for helse og omsorg", "Fagsystemet for helse og omsorg"),
        (10.0, 25.0),
        (8.0, 20.0),
        "municipal_plan",
        (
            "Kommunedelplan for helse og omsorg {y0}–{y8}",
            "Kommunedelplan for helse og omsorg {y0}–{y8}",
        ),
    ),
    Archetype(
        "users",
        "result",
        ("Kortere saksbehandlingstid for byggesaker", "Kortare sakshandsamingstid for byggjesaker"),
        (
            "Byggesaker skal behandles innen lovens frister, og søkerne skal få raskere svar.",
            "Byggjesaker skal handsamast innan fristane i lova, og søkjarane skal få raskare svar.",
        ),
        (
            ("Digital byggesøknad for alle tiltak.", "Digital byggjesøknad for alle tiltak."),
            (
                "Forhåndskonferanse tilbys i større saker.",
                "Førehandskonferanse blir tilboden i større saker.",
            ),
        ),
        ("Gjennomsnittlig saksbehandlingstid", "Gjennomsnittleg sakshandsamingstid"),
        ("dager", "dagar"),
        ("Saksbehandlingssystemet og KOSTRA", "Sakshandsamingssystemet og KOSTRA"),
        (35.0, 60.0),
        (-25.0, -8.0),
        "decision",
        (
            "Tiltaksplan for plan- og byggesaksbehandling",
            "Tiltaksplan for plan- og byggjesakshandsaming",
        ),
    ),
    Archetype(
        "users",
        "result",
        ("Bedre læringsmiljø i grunnskolen", "Betre læringsmiljø i grunnskulen"),
        (
            "Alle elever skal ha et trygt og godt skolemiljø, jf. opplæringsloven kapittel 12.",
            "Alle elevar skal ha eit trygt og godt skulemiljø, jf. opplæringslova kapittel 12.",
        ),
        (
            ("Felles plan mot mobbing i alle skoler.", "Felles plan mot mobbing i alle skular."),
            (
                "Skolemiljøteamet styrkes med én stilling.",
                "Skulemiljøteamet blir styrkt med éi stilling.",
            ),
        ),
        (
            "Andel elever som opplever mobbing (7. og 10. trinn)",
            "Del elevar som opplever mobbing (7. og 10. trinn)",
        ),
        ("prosent", "prosent"),
        ("Elevundersøkelsen", "Elevundersøkinga"),
        (6.0, 12.0),
        (-6.0, -2.0),
        "municipal_plan",
        ("Kvalitetsplan for skolen {y0}–{y4}", "Kvalitetsplan for skulen {y0}–{y4}"),
        1,
    ),
    Archetype(
        "employees",
        "result",
        ("Heltidskultur i helse og omsorg", "Heiltidskultur i helse og omsorg"),
        (
            "Flere ansatte i helse og omsorg skal ha hele stillinger, i tråd med "
            "arbeidsgiverstrategien og heltidsavtalen med de tillitsvalgte.",
            "Fleire tilsette i helse og omsorg skal ha heile stillingar, i tråd med "
            "arbeidsgjevarstrategien og heiltidsavtalen med dei tillitsvalde.",
        ),
        (
            (
                "Nye turnusmodeller med langvakter der det er forsvarlig.",
                "Nye turnusmodellar med langvakter der det er forsvarleg.",
            ),
            (
                "Alle ledige stillinger lyses ut som hele stillinger.",
                "Alle ledige stillingar blir lyste ut som heile stillingar.",
            ),
        ),
        (
            "Gjennomsnittlig stillingsstørrelse i helse og omsorg",
            "Gjennomsnittleg stillingsstorleik i helse og omsorg",
        ),
        ("prosent", "prosent"),
        ("KS PAI-registeret", "KS PAI-registeret"),
        (60.0, 72.0),
        (3.0, 8.0),
        "employer_strategy",
        (
            "Arbeidsgiverstrategi for {municipality} {y0}–{y3}",
            "Arbeidsgjevarstrategi for {municipality} {y0}–{y3}",
        ),
    ),
    Archetype(
        "employees",
        "result",
        ("Lavere sykefravær i hele organisasjonen", "Lågare sjukefråvær i heile organisasjonen"),
        (
            "Sykefraværet skal ned gjennom bedre oppfølging, tilrettelegging og et godt "
            "arbeidsmiljø.",
            "Sjukefråværet skal ned gjennom betre oppfølging, tilrettelegging og eit godt "
            "arbeidsmiljø.",
        ),
        (
            (
                "Lederne følger opp sykmeldte etter fast rutine.",
                "Leiarane følgjer opp sjukmelde etter fast rutine.",
            ),
            ("Samarbeid med NAV Arbeidslivssenter.", "Samarbeid med NAV Arbeidslivssenter."),
        ),
        ("Legemeldt og egenmeldt sykefravær", "Legemeldt og eigenmeldt sjukefråvær"),
        ("prosent", "prosent"),
        ("Lønns- og personalsystemet", "Løns- og personalsystemet"),
        (8.0, 11.5),
        (-2.5, -0.8),
        "employer_strategy",
        (
            "Arbeidsgiverstrategi for {municipality} {y0}–{y3}",
            "Arbeidsgjevarstrategi for {municipality} {y0}–{y3}",
        ),
        1,
    ),
    Archetype(
        "innovation_learning_development",
        "development",
        (
            "Felles lederutviklingsprogram for kommunens ledere",
            "Felles leiarutviklingsprogram for leiarane i kommunen",
        ),
        (
            "{Def} etablerer og leder et program for alle enhetsledere, med vekt på "
            "tillitsbasert ledelse, økonomistyring og samhandling med de folkevalgte.",
            "{Def} etablerer og leier eit program for alle einingsleiarar, med vekt på "
            "tillitsbasert leiing, økonomistyring og samhandling med dei folkevalde.",
        ),
        (
            ("Programmet har fast plass i årshjulet.", "Programmet har fast plass i årshjulet."),
            (
                "Ledergruppen deltar selv og er rollemodeller.",
                "Leiargruppa deltek sjølv og er rollemodellar.",
            ),
        ),
        (
            "Andel enhetsledere som har fullført programmet",
            "Del einingsleiarar som har fullført programmet",
        ),
        ("prosent", "prosent"),
        ("HR-avdelingens oversikt", "Oversikta til HR-avdelinga"),
        (0.0, 20.0),
        (50.0, 80.0),
        "employer_strategy",
        (
            "Arbeidsgiverstrategi for {municipality} {y0}–{y3}, innsatsområdet ledelse",
            "Arbeidsgjevarstrategi for {municipality} {y0}–{y3}, innsatsområdet leiing",
        ),
    ),
    Archetype(
        "innovation_learning_development",
        "development",
        ("Klimabudsjett med målbare utslippskutt", "Klimabudsjett med målbare utsleppskutt"),
        (
            "Klimabudsjettet skal være en del av handlings- og økonomiplanen, med egne mål for "
            "hver sektor.",
            "Klimabudsjettet skal vere ein del av handlings- og økonomiplanen, med eigne mål for "
            "kvar sektor.",
        ),
        (
            (
                "Klimabudsjettet behandles sammen med budsjettet.",
                "Klimabudsjettet blir handsama saman med budsjettet.",
            ),
            ("Hver sektor har eget utslippsmål.", "Kvar sektor har eige utsleppsmål."),
        ),
        (
            "Direkte klimagassutslipp fra kommunens egen drift",
            "Direkte klimagassutslepp frå kommunen si eiga drift",
        ),
        ("tonn CO2-ekvivalenter", "tonn CO2-ekvivalentar"),
        ("Klimaregnskapet", "Klimarekneskapen"),
        (900.0, 2500.0),
        (-300.0, -60.0),
        "municipal_plan",
        (
            "Kommunedelplan for klima og energi {y0}–{y4}",
            "Kommunedelplan for klima og energi {y0}–{y4}",
        ),
    ),
    Archetype(
        "internal_processes",
        "result",
        (
            "Digital postgang og elektronisk arkiv i alle enheter",
            "Digital postgang og elektronisk arkiv i alle einingar",
        ),
        (
            "All inngående og utgående post skal behandles digitalt og arkiveres i sak- og "
            "arkivsystemet.",
            "All inngåande og utgåande post skal handsamast digitalt og arkiverast i sak- og "
            "arkivsystemet.",
        ),
        (
            ("Opplæring av alle saksbehandlere.", "Opplæring av alle sakshandsamarar."),
            ("Skanning av papirpost ved postmottaket.", "Skanning av papirpost ved postmottaket."),
        ),
        (
            "Andel inngående post som behandles digitalt",
            "Del inngåande post som blir handsama digitalt",
        ),
        ("prosent", "prosent"),
        ("Sak- og arkivsystemet", "Sak- og arkivsystemet"),
        (40.0, 70.0),
        (20.0, 40.0),
        "decision",
        (
            "Digitaliseringsstrategi for {municipality}",
            "Digitaliseringsstrategi for {municipality}",
        ),
    ),
    Archetype(
        "internal_processes",
        "development",
        (
            "Internkontroll etter kommuneloven kapittel 25",
            "Internkontroll etter kommunelova kapittel 25",
        ),
        (
            "Internkontrollen skal være systematisk og tilpasset risiko i alle sektorer.",
            "Internkontrollen skal vere systematisk og tilpassa risiko i alle sektorar.",
        ),
        (
            (
                "Felles kvalitetssystem for alle enheter.",
                "Felles kvalitetssystem for alle einingar.",
            ),
            ("Årlig rapport til kontrollutvalget.", "Årleg rapport til kontrollutvalet."),
        ),
        (
            "Antall enheter med oppdatert internkontroll",
            "Talet på einingar med oppdatert internkontroll",
        ),
        ("antall", "tal"),
        ("Kvalitetssystemet", "Kvalitetssystemet"),
        (4.0, 12.0),
        (6.0, 14.0),
        "decision",
        (
            "Reglement for internkontroll i {municipality}",
            "Reglement for internkontroll i {municipality}",
        ),
    ),
    Archetype(
        "users",
        "development",
        (
            "Innbyggerdialog om prioriteringer i budsjettet",
            "Innbyggjardialog om prioriteringar i budsjettet",
        ),
        (
            "Innbyggerne skal få si sin mening før budsjettet vedtas, både i møter og digitalt.",
            "Innbyggjarane skal få seie meininga si før budsjettet blir vedteke, både i møte og "
            "digitalt.",
        ),
        (
            (
                "Innbyggermøter i alle grender før budsjettbehandlingen.",
                "Innbyggjarmøte i alle grender før budsjetthandsaminga.",
            ),
            (
                "Digital innspillsløsning på kommunens nettside.",
                "Digital innspelsløysing på nettsida til kommunen.",
            ),
        ),
        (
            "Antall innspill fra innbyggere til budsjettet",
            "Talet på innspel frå innbyggjarar til budsjettet",
        ),
        ("antall", "tal"),
        ("Innspillsløsningen", "Innspelsløysinga"),
        (20.0, 60.0),
        (40.0, 120.0),
        "municipal_plan",
        ("Kommuneplanens samfunnsdel {y0}–{y12}", "Samfunnsdelen av kommuneplanen {y0}–{y12}"),
    ),
    Archetype(
        "plan",
        "result",
        ("Rullering av kommuneplanens arealdel", "Rullering av arealdelen av kommuneplanen"),
        (
            "Arealdelen skal legges fram for sluttbehandling innen utgangen av året, etter "
            "planstrategien.",
            "Arealdelen skal leggjast fram for sluttbehandling innan utgangen av året, etter "
            "planstrategien.",
        ),
        (
            ("Planprogrammet er vedtatt.", "Planprogrammet er vedteke."),
            ("Tidlig medvirkning fra grendelagene.", "Tidleg medverknad frå grendelaga."),
        ),
        ("Antall gjenstående planfaser", "Talet på planfasar som står att"),
        ("antall", "tal"),
        ("Planstrategien", "Planstrategien"),
        (3.0, 5.0),
        (-5.0, -3.0),
        "decision",
        ("Planstrategi for {municipality} {y0}–{y4}", "Planstrategi for {municipality} {y0}–{y4}"),
    ),
    Archetype(
        "personnel",
        "development",
        ("Rekruttering av sykepleiere og lærere", "Rekruttering av sjukepleiarar og lærarar"),
        (
            "Kommunen skal være en attraktiv arbeidsgiver for fagfolk, med konkurransedyktige "
            "vilkår og gode fagmiljøer.",
            "Kommunen skal vere ein attraktiv arbeidsgjevar for fagfolk, med konkurransedyktige "
            "vilkår og gode fagmiljø.",
        ),
        (
            ("Stipendordning for sykepleierstudenter.", "Stipendordning for sjukepleiarstudentar."),
            (
                "Samarbeid med høgskolen om praksisplasser.",
                "Samarbeid med høgskulen om praksisplassar.",
            ),
        ),
        (
            "Andel ubesatte stillinger i helse og skole",
            "Del stillingar utan kvalifisert tilsett i helse og skule",
        ),
        ("prosent", "prosent"),
        ("Lønns- og personalsystemet", "Løns- og personalsystemet"),
        (5.0, 12.0),
        (-6.0, -2.0),
        "employer_strategy",
        (
            "Arbeidsgiverstrategi for {municipality} {y0}–{y3}",
            "Arbeidsgjevarstrategi for {municipality} {y0}–{y3}",
        ),
        1,
    ),
    Archetype(
        "learning_renewal",
        "development",
        ("Tettere samarbeid med frivilligheten", "Tettare samarbeid med frivilligheita"),
        (
            "Kommunen skal inngå avtaler med lag og foreninger om aktiviteter for barn, unge og "
            "eldre.",
            "Kommunen skal inngå avtalar med lag og foreiningar om aktivitetar for born, unge og "
            "eldre.",
        ),
        (
            ("Fast frivillighetskoordinator.", "Fast frivilligheitskoordinator."),
            ("Årlig frivillighetsforum.", "Årleg frivilligheitsforum."),
        ),
        (
            "Antall avtaler med frivillige lag og foreninger",
            "Talet på avtalar med frivillige lag og foreiningar",
        ),
        ("antall", "tal"),
        ("Kulturkontoret", "Kulturkontoret"),
        (3.0, 10.0),
        (3.0, 8.0),
        "municipal_plan",
        ("Frivillighetspolitikk for {municipality}", "Frivilligheitspolitikk for {municipality}"),
    ),
    Archetype(
        "users",
        "result",
        ("Økt kapasitet i barnehagene", "Auka kapasitet i barnehagane"),
        (
            "Alle barn med rett til plass skal få plass, og ventelisten skal bort innen august.",
            "Alle born med rett til plass skal få plass, og ventelista skal bort innan august.",
        ),
        (
            (
                "Ny avdeling i sentrum åpner til barnehagestart.",
                "Ny avdeling i sentrum opnar til barnehagestart.",
            ),
            ("Samarbeid med de private barnehagene.", "Samarbeid med dei private barnehagane."),
        ),
        ("Antall barn på venteliste", "Talet på born på venteliste"),
        ("antall", "tal"),
        ("Barnehageopptaket", "Barnehageopptaket"),
        (5.0, 30.0),
        (-30.0, -5.0),
        "budget",
        (
            "Budsjett {year} og handlings- og økonomiplan {year}–{y3}",
            "Budsjett {year} og handlings- og økonomiplan {year}–{y3}",
        ),
    ),
]

FIRST_NAMES = [
    "Kari", "Ingrid", "Anne", "Hilde", "Sigrid", "Marit", "Astrid", "Liv", "Randi", "Tone",
    "Solveig", "Guro", "Silje", "Mari", "Ragnhild", "Åse", "Gunn", "Berit", "Eli", "Torild",
    "Arne", "Jonas", "Per", "Terje", "Bjørn", "Nils", "Lars", "Magnus", "Ola", "Knut",
    "Geir", "Svein", "Odd", "Trond", "Eirik", "Håkon", "Øystein", "Sverre", "Rune", "Tor",
]  # fmt: skip
SURNAMES = [
    "Nordbø", "Strand", "Myklebust", "Eide", "Solheim", "Aasen", "Mikalsen", "Berg", "Lie",
    "Vatne", "Ottesen", "Hovland", "Sælen", "Øvrebø", "Fjeldstad", "Rygg", "Grønnevik",
    "Haugland", "Sandvik", "Bakke", "Moen", "Dahl", "Nygård", "Kvamme", "Tveit", "Brekke",
    "Lunde", "Rød", "Aune", "Fosse", "Hjelle", "Skeie", "Vik", "Løvik", "Rønning", "Holm",
    "Tangen", "Bjørke", "Sætre", "Mo",
]  # fmt: skip
PARTIES: list[Pair] = [
    ("Arbeiderpartiet", "Arbeidarpartiet"),
    ("Høyre", "Høgre"),
    ("Senterpartiet", "Senterpartiet"),
    ("Fremskrittspartiet", "Framstegspartiet"),
    ("Sosialistisk Venstreparti", "Sosialistisk Venstreparti"),
    ("Kristelig Folkeparti", "Kristeleg Folkeparti"),
    ("Venstre", "Venstre"),
    ("Miljøpartiet De Grønne", "Miljøpartiet Dei Grøne"),
    ("Rødt", "Raudt"),
    ("Bygdelista", "Bygdelista"),
    ("Tverrpolitisk liste", "Tverrpolitisk liste"),
]
NAME_HEADS = [
    "Fjord", "Lier", "Berg", "Sol", "Nord", "Vest", "Øy", "Dal", "Elve", "Sand", "Stor",
    "Lang", "Bjørke", "Furu", "Eike", "Hav", "Lyng", "Kvit", "Rone", "Mo", "Ask", "Tind",
    "Brei", "Vinje", "Hol", "Aur", "Grov", "Lo", "Sjø", "Heia",
]  # fmt: skip
NAME_TAILS = [
    "vik", "dal", "nes", "berg", "fjord", "øy", "sund", "heim", "stad", "li", "bø", "haug",
    "land", "voll", "rud", "eid", "våg", "hamn", "ås", "sete",
]  # fmt: skip
STREETS = ["Rådhusplassen", "Storgata", "Kirkegata", "Torget", "Sentrumsvegen", "Kaigata"]
COUNTY_CODES = [
    "03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56",
]  # fmt: skip


AGREEMENT_TEXT: dict[str, list[Pair]] = {
    "working_hours": [
        (
            "Ordinær arbeidstid er 37,5 timer per uke, normalt mandag–fredag. Arbeidstiden "
            "varierer med møteplanen til {council_lc} og utvalgene, og {def} disponerer selv "
            "arbeidstiden innenfor det stillingen krever.",
            "Ordinær arbeidstid er 37,5 timar per veke, normalt måndag–fredag. Arbeidstida "
            "varierer med møteplanen til {council_lc} og utvala, og {def} disponerer sjølv "
            "arbeidstida innanfor det stillinga krev.",
        ),
        (
            "Stillingen er en ledende stilling med arbeidstid etter tjenestens behov, normalt "
            "37,5 timer per uke.",
            "Stillinga er ei leiande stilling med arbeidstid etter behovet i tenesta, normalt "
            "37,5 timar per veke.",
        ),
    ],
    "overtime": [
        (
            "Stillingen er en ledende stilling. Arbeid utover avtalt arbeidstid, også kveldsmøter "
            "i politiske organer, er kompensert gjennom årslønnen og gir ikke rett til "
            "overtidsbetaling eller avspasering.",
            "Stillinga er ei leiande stilling. Arbeid utover avtalt arbeidstid, også kveldsmøte i "
            "politiske organ, er kompensert gjennom årsløna og gir ikkje rett til "
            "overtidsbetaling eller avspasering.",
        ),
    ],
    "breaks": [
        (
            "Spisepause på 30 minutter per dag, lagt innenfor arbeidstiden og tatt når "
            "møteplanen tillater det.",
            "Matpause på 30 minutt per dag, lagd innanfor arbeidstida og teken når møteplanen "
            "tillèt det.",
        ),
    ],
    "leave": [
        (
            "Ferie og feriepenger etter ferieloven og Hovedtariffavtalen, fem uker ferie. "
            "Sykefravær, velferdspermisjon og annet fravær med lønn etter Hovedtariffavtalens "
            "fellesbestemmelser og kommunens permisjonsreglement.",
            "Ferie og feriepengar etter ferielova og Hovudtariffavtalen, fem veker ferie. "
            "Sjukefråvær, velferdspermisjon og anna fråvær med løn etter fellesføresegnene i "
            "Hovudtariffavtalen og permisjonsreglementet til kommunen.",
        ),
    ],
    "termination": [
        (
            "Oppsigelse skal være skriftlig og leveres personlig eller sendes rekommandert til den "
            "andre parten. Oppsigelse fra arbeidsgiver besluttes av {council_lc} selv, etter "
            "drøftingsmøte med {def}. {Def} kan la seg bistå av tillitsvalgt eller advokat.",
            "Oppseiing skal vere skriftleg og leverast personleg eller sendast rekommandert til "
            "den andre parten. Oppseiing frå arbeidsgjevar blir avgjord av {council_lc} sjølv, "
            "etter drøftingsmøte med {def}. {Def} kan la seg hjelpe av tillitsvald eller "
            "advokat.",
        ),
    ],
    "payment": [
        (
            "Utbetales månedlig med 1/12 av årslønnen den 12. i hver måned. Feriepenger utbetales "
            "i juni.",
            "Blir utbetalt månadleg med 1/12 av årsløna den 12. i kvar månad. Feriepengar blir "
            "utbetalte i juni.",
        ),
    ],
    "pension": [
        (
            "Offentlig tjenestepensjon i Kommunal Landspensjonskasse (KLP), som mottar "
            "pensjonsinnbetalingene. Gruppelivsforsikring og yrkesskadeforsikring etter "
            "Hovedtariffavtalen.",
            "Offentleg tenestepensjon i Kommunal Landspensjonskasse (KLP), som tek imot "
            "pensjonsinnbetalingane. Gruppelivsforsikring og yrkesskadeforsikring etter "
            "Hovudtariffavtalen.",
        ),
    ],
    "responsibility": [
        (
            "{Def} er øverste leder for hele administrasjonen og har personalansvar, "
            "økonomiansvar og resultatansvar. {Def} sørger for at saker som legges fram for "
            "folkevalgte organer er forsvarlig utredet, og at vedtak blir gjennomført uten "
            "ugrunnet opphold, jf. kommuneloven § 13-1.",
            "{Def} er øvste leiar for heile administrasjonen og har personalansvar, "
            "økonomiansvar og resultatansvar. {Def} syter for at saker som blir lagde fram for "
            "folkevalde organ er forsvarleg utgreidde, og at vedtak blir gjennomførte utan "
            "ugrunna opphald, jf. kommunelova § 13-1.",
        ),
    ],
    "confidentiality": [
        (
            "{Def} har taushetsplikt etter forvaltningsloven §§ 13–13 e og særlovgivningen. "
            "Taushetsplikten gjelder også etter at arbeidsforholdet er avsluttet.",
            "{Def} har teieplikt etter forvaltningslova §§ 13–13 e og særlovgivinga. Teieplikta "
            "gjeld også etter at arbeidsforholdet er avslutta.",
        ),
    ],
    "secondary": [
        (
            "Bierverv, styreverv og andre verv skal på forhånd godkjennes av ordføreren etter "
            "drøfting i {body_lc}. Verv som kan gi inhabilitet i saker for kommunen godkjennes "
            "ikke.",
            "Bierverv, styreverv og andre verv skal på førehand godkjennast av ordføraren etter "
            "drøfting i {body_lc}. Verv som kan gi inhabilitet i saker for kommunen blir ikkje "
            "godkjende.",
        ),
    ],
    "development": [
        (
            "{Def} har rett til egenutvikling og faglig oppdatering, med et årlig budsjett på "
            "inntil {budget} kroner til kurs, nettverk og veiledning. Behovet drøftes i den "
            "årlige utviklingssamtalen.",
            "{Def} har rett til eigenutvikling og fagleg oppdatering, med eit årleg budsjett på "
            "inntil {budget} kroner til kurs, nettverk og rettleiing. Behovet blir drøfta i den "
            "årlege utviklingssamtalen.",
        ),
    ],
    "offset": [
        (
            "Etterlønnen avkortes krone for krone mot arbeidsinntekt, næringsinntekt og honorarer "
            "i etterlønnsperioden. Etterlønn gis ikke ved avskjed eller når {def} selv sier opp.",
            "Etterløna blir avkorta krone for krone mot arbeidsinntekt, næringsinntekt og honorar "
            "i etterlønsperioden. Etterløn blir ikkje gitt ved avskil eller når {def} sjølv seier "
            "opp.",
        ),
    ],
    "background": [
        (
            "Avtalen bygger på KS sin mal for arbeidsavtale og lederavtale for kommunedirektøren, "
            "tilpasset {municipality}. Den skal gjøre forventningene mellom de folkevalgte og "
            "{def} tydelige.",
            "Avtalen byggjer på malen til KS for arbeidsavtale og leiaravtale for "
            "kommunedirektøren, tilpassa {municipality}. Han skal gjere forventningane mellom dei "
            "folkevalde og {def} tydelege.",
        ),
    ],
    "roles": [
        (
            "{Council} fastsetter mål og rammer. {Def} utreder saker, gir råd og gjennomfører "
            "vedtakene. Ordføreren er {def}s nærmeste kontaktperson mellom møtene.",
            "{Council} fastset mål og rammer. {Def} greier ut saker, gir råd og gjennomfører "
            "vedtaka. Ordføraren er den næraste kontaktpersonen til {def} mellom møta.",
        ),
    ],
    "renegotiation": [
        (
            "Avtalen gjennomgås i den årlige utviklingssamtalen og kan reforhandles ved "
            "årsskiftet dersom en av partene ønsker det. Endringer vedtas av {council_lc}.",
            "Avtalen blir gjennomgått i den årlege utviklingssamtalen og kan reforhandlast ved "
            "årsskiftet dersom ein av partane ønskjer det. Endringar blir vedtekne av "
            "{council_lc}.",
        ),
    ],
    "of_chief": [
        (
            "Sørge for forsvarlig utredning av saker som legges fram for politisk behandling.",
            "Syte for forsvarleg utgreiing av saker som blir lagde fram for politisk handsaming.",
        ),
        (
            "Gi lik og god informasjon til alle folkevalgte.",
            "Gi lik og god informasjon til alle folkevalde.",
        ),
        (
            "Gjennomføre vedtak raskt og rapportere om status.",
            "Gjennomføre vedtak raskt og rapportere om status.",
        ),
        (
            "Være en tydelig og synlig leder i organisasjonen.",
            "Vere ein tydeleg og synleg leiar i organisasjonen.",
        ),
    ],
    "of_elected": [
        (
            "Gi tydelige bestillinger gjennom vedtak.",
            "Gi tydelege bestillingar gjennom vedtak.",
        ),
        (
            "Respektere rolledelingen mellom politikk og administrasjon.",
            "Respektere rolledelinga mellom politikk og administrasjon.",
        ),
        (
            "Ta opp kritikk direkte med {def} og ikke med enkeltansatte.",
            "Ta opp kritikk direkte med {def} og ikkje med enkelttilsette.",
        ),
    ],
}
