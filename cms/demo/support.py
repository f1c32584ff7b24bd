"""Demo support lists: what the Leaving Care project's description names, and nothing more.

The description (shared/seeds/000_d21115847c48d38f.txt) names, for the
project's countries: the SOS Children's Villages national associations that
carried it out, which "worked to strengthen support networks for young care
leavers"; a national Young Expert Group in each implementing country, which
made sure the voices of young people with care experience were heard; and
YouthLinks, a digital platform with "peer to peer support, coaching and
mentoring by care professionals and corporates, as well as tools and
networking opportunities", implemented in five of its six countries (which
five, it does not say: the demo's wording tells young people to ask). It gives
no website, phone number or e-mail address, so none is made up here: the page
tells young people to ask their trainer how to get in touch.

English originals, translated into Bulgarian and Romanian with wagtail-localize;
the other languages read the English original, marked as such.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Locale

from .cohorts import COUNTRIES
from .loader import fill_translation
from .people import demo_country

ASSOCIATION_OFFER = "Works to strengthen support networks for young people leaving care."
ASSOCIATION_AUDIENCE = "Young people leaving care"
EXPERT_GROUP = "National Young Expert Group"
EXPERT_GROUP_OFFER = (
    "Young people with care experience who make sure the voices of young people in care are heard."
)
EXPERT_GROUP_AUDIENCE = "Young people with care experience"
YOUTHLINKS_OFFER = (
    "An online platform for peer-to-peer support, coaching and mentoring by care professionals "
    "and companies, with tools and ways to connect."
)
YOUTHLINKS_AUDIENCE = (
    "Young people leaving care. It was set up in five of the project's six countries: ask your "
    "trainer whether it runs in yours."
)

TRANSLATIONS = {
    "bg": {
        ASSOCIATION_OFFER: (
            "Работи за укрепване на мрежите за подкрепа на младите хора, които напускат грижа."
        ),
        ASSOCIATION_AUDIENCE: "Млади хора, които напускат грижа",
        EXPERT_GROUP: "Национална група на младите експерти",
        EXPERT_GROUP_OFFER: (
            "Млади хора, израснали в грижа, които правят така, че гласът на младите хора в "
            "грижа да бъде чут."
        ),
        EXPERT_GROUP_AUDIENCE: "Млади хора, израснали в грижа",
        YOUTHLINKS_OFFER: (
            "Онлайн платформа за подкрепа от връстници, коучинг и менторство от професионалисти "
            "в грижата и от фирми, с полезни инструменти и контакти."
        ),
        YOUTHLINKS_AUDIENCE: (
            "Млади хора, които напускат грижа. Тя беше създадена в пет от шестте държави по "
            "проекта: попитай своя обучител дали работи и в твоята."
        ),
        "YouthLinks": "YouthLinks",
        "SOS Children's Villages Bulgaria": "SOS Детски селища България",
        "SOS Children's Villages Estonia": "SOS Детски селища Естония",
        "SOS Children's Villages Hungary": "SOS Детски селища Унгария",
        "SOS Villaggi dei Bambini Italia": "SOS Villaggi dei Bambini Italia",
        "SOS Satele Copiilor România": "SOS Satele Copiilor România",
    },
    "ro": {
        ASSOCIATION_OFFER: (
            "Lucrează pentru întărirea rețelelor de sprijin pentru tinerii care părăsesc "
            "sistemul de protecție."
        ),
        ASSOCIATION_AUDIENCE: "Tineri care părăsesc sistemul de protecție",
        EXPERT_GROUP: "Grupul național al tinerilor experți",
        EXPERT_GROUP_OFFER: (
            "Tineri care au crescut în sistemul de protecție și care se asigură că vocea "
            "tinerilor din sistem este auzită."
        ),
        EXPERT_GROUP_AUDIENCE: "Tineri care au crescut în sistemul de protecție",
        YOUTHLINKS_OFFER: (
            "O platformă online pentru sprijin între egali, coaching și mentorat din partea "
            "profesioniștilor din domeniul îngrijirii și a companiilor, cu instrumente utile și "
            "contacte."
        ),
        YOUTHLINKS_AUDIENCE: (
            "Tineri care părăsesc sistemul de protecție. A fost lansată în cinci dintre cele "
            "șase țări ale proiectului: întreabă-ți formatorul dacă funcționează și în țara ta."
        ),
        "YouthLinks": "YouthLinks",
        "SOS Children's Villages Bulgaria": "SOS Satele Copiilor Bulgaria",
        "SOS Children's Villages Estonia": "SOS Satele Copiilor Estonia",
        "SOS Children's Villages Hungary": "SOS Satele Copiilor Ungaria",
        "SOS Villaggi dei Bambini Italia": "SOS Villaggi dei Bambini Italia",
        "SOS Satele Copiilor România": "SOS Satele Copiilor România",
    },
}


def demo_services(association: str) -> list[dict]:
    """A country's list: the peer platform first, then the young experts, then the association."""
    return [
        {
            "position": 10,
            "name": "YouthLinks",
            "offer": YOUTHLINKS_OFFER,
            "audience": YOUTHLINKS_AUDIENCE,
            "is_peer_platform": True,
        },
        {
            "position": 20,
            "name": EXPERT_GROUP,
            "offer": EXPERT_GROUP_OFFER,
            "audience": EXPERT_GROUP_AUDIENCE,
        },
        {
            "position": 30,
            "name": association,
            "offer": ASSOCIATION_OFFER,
            "audience": ASSOCIATION_AUDIENCE,
        },
    ]


@transaction.atomic
def load_demo_support() -> int:
    """Each demo country's support list, translated into bg and ro; safe to run again.

    Returns how many services were created (0 when the lists are already there).
    """
    from cms.models import SupportService

    if SupportService.objects.exists():
        return 0
    english = Locale.objects.get(language_code="en")
    created = []
    for data in COUNTRIES:
        country = demo_country(data.code)
        for fields in demo_services(data.organisations[0]):
            created.append(SupportService.objects.create(country=country, locale=english, **fields))
    for language, strings in TRANSLATIONS.items():
        locale = Locale.objects.get(language_code=language)
        for service in created:
            translation, _missing = fill_translation(service, locale, strings)
            translation.save_target()
    return len(created)
