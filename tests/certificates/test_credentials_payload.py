"""Every certificate is also an Open Badges 3.0 OpenBadgeCredential, secured as a VC-JWT.

The checks below are written from the specifications, not from Aula's code:
- Open Badges 3.0 (1EdTech), "JSON Web Token Proof Format": JOSE header with ``alg`` and a
  ``kid`` URI dereferencing to a JWK (``typ`` "JWT" if present, no other header); the payload is
  the credential with ``iss`` = issuer.id, ``jti`` = id, ``nbf`` = validFrom.
- Open Badges 3.0 data model: OpenBadgeCredential (``@context`` VC 2.0 then the OB 3.0 context,
  ``type`` VerifiableCredential + OpenBadgeCredential, ``id`` a URI, ``name``, ``issuer`` a
  Profile with ``id`` and type Profile, ``validFrom``), AchievementSubject (type, ``identifier``
  of IdentityObjects: ``identityHash`` is "sha256$" + hex SHA-256 of identity + salt, ``hashed``,
  ``identityType`` from the enumeration, ``salt``), Achievement (``id`` URI, type Achievement,
  ``achievementType``, ``name``, ``description``, ``criteria`` with ``narrative``,
  ``creditsAvailable`` a number), Alignment (type Alignment, ``targetName`` and ``targetUrl``
  required; ``targetFramework``, ``targetCode``, ``targetType``, ``targetDescription`` optional).
- Bitstring Status List v1.0: BitstringStatusListEntry with ``statusPurpose``, ``statusListIndex``
  (an integer as a base-10 string) and ``statusListCredential`` (a URL).
"""

import hashlib
import re
from datetime import UTC, datetime

import pytest

from courses.models import CourseCompetency
from home.models import SiteSettings

from .conftest import complete
from .credential_helpers import issued, parts, verify_signature

RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
IDENTIFIER_TYPES = {
    "name", "sourcedId", "systemId", "productId", "userName", "accountId", "emailAddress",
    "nationalIdentityNumber", "isbn", "issn", "lisSourcedId", "oneRosterSourcedId",
    "sisSourcedId", "ltiContextId", "ltiDeploymentId", "ltiToolId", "ltiPlatformId",
    "ltiUserId", "identifier",
}  # fmt: skip
ACHIEVEMENT_TYPES = {"Certificate", "Certification", "Course", "Badge", "Competency"}


def is_uri(value) -> bool:
    return isinstance(value, str) and re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$", value)


@pytest.fixture
def organisation(site_tree):
    settings = SiteSettings.for_site(site_tree.site)
    settings.organisation_name = "Centro Regional de Formación"
    settings.contact_email = "certificados@centro.example"
    settings.save()
    return settings


@pytest.fixture
def aligned(course):
    """The first competency belongs to a regional framework; the second to none."""
    competency = course.competencies.get(title="Analyse care policies")
    competency.description = "Reads a care policy and names its gaps."
    competency.framework_name = "Regional care competency standard"
    competency.framework_code = "EC0435"
    competency.framework_url = "https://standards.example/care/EC0435"
    competency.save()
    return course


@pytest.fixture
def token(organisation, aligned, camila, cohort):
    return issued(complete(camila, cohort)).credential


@pytest.mark.django_db
def test_signature_verifies_with_the_published_key_through_cryptography(client, token):
    header, _payload, _signature = parts(token)
    jwks = client.get("/.well-known/jwks.json").json()
    [jwk] = [key for key in jwks["keys"] if key["kid"] == header["kid"]]
    verify_signature(token, jwk)  # raises InvalidSignature otherwise


@pytest.mark.django_db
def test_jose_header_is_what_open_badges_allows(client, token):
    header, _payload, _signature = parts(token)
    assert set(header) <= {"alg", "kid", "jwk", "typ"}
    assert header["alg"] == "EdDSA"
    assert header.get("typ", "JWT") == "JWT"
    assert header["kid"].startswith("http://testserver/")
    # The kid dereferences to the public JWK.
    jwk = client.get(header["kid"].removeprefix("http://testserver")).json()
    assert jwk["kid"] == header["kid"]
    assert jwk["kty"] == "OKP" and jwk["crv"] == "Ed25519" and "d" not in jwk


@pytest.mark.django_db
def test_jwt_claims_match_the_credential(token):
    _header, payload, _signature = parts(token)
    assert payload["iss"] == payload["issuer"]["id"]
    assert payload["jti"] == payload["id"]
    valid_from = datetime.fromisoformat(payload["validFrom"].replace("Z", "+00:00"))
    assert payload["nbf"] == int(valid_from.timestamp())
    assert "vc" not in payload  # the VC 2.0 form: the payload is the credential
    assert "sub" not in payload and "id" not in payload["credentialSubject"]


@pytest.mark.django_db
def test_credential_is_an_open_badge_credential(token, camila):
    _header, payload, _signature = parts(token)
    assert payload["@context"][:2] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert payload["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert is_uri(payload["id"]) and payload["id"].startswith("urn:uuid:")
    assert RFC3339.match(payload["validFrom"])
    assert payload["name"] == "Certificate of completion: Decent work and the care economy"
    issued_at = camila.enrolments.get().certificates.get().issued_at
    assert payload["validFrom"] == issued_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.django_db
def test_issuer_is_the_organisations_profile_and_resolves(client, token):
    _header, payload, _signature = parts(token)
    issuer = payload["issuer"]
    assert issuer["id"] == "http://testserver/credentials/issuer/"
    assert "Profile" in issuer["type"]
    assert issuer["name"] == "Centro Regional de Formación"
    assert issuer["email"] == "certificados@centro.example"
    assert issuer["url"] == "http://testserver/"
    response = client.get("/credentials/issuer/")
    assert response.status_code == 200
    assert response.json()["id"] == issuer["id"]
    assert response.json()["name"] == issuer["name"]


@pytest.mark.django_db
def test_learner_is_identified_by_a_salted_hash_of_their_email(token):
    _header, payload, _signature = parts(token)
    subject = payload["credentialSubject"]
    assert "AchievementSubject" in subject["type"]
    [identity] = subject["identifier"]
    assert identity["type"] == "IdentityObject"
    assert identity["identityType"] in IDENTIFIER_TYPES
    assert identity["identityType"] == "emailAddress"
    assert identity["hashed"] is True
    assert len(identity["salt"]) >= 16
    expected = hashlib.sha256(("camila@example.org" + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == f"sha256${expected}"
    assert "camila@example.org" not in token and "Camila" not in str(payload)


@pytest.mark.django_db
def test_achievement_describes_the_course_and_resolves(client, token, course):
    _header, payload, _signature = parts(token)
    achievement = payload["credentialSubject"]["achievement"]
    assert "Achievement" in achievement["type"]
    assert achievement["achievementType"] in ACHIEVEMENT_TYPES
    assert achievement["achievementType"] == "Certificate"
    assert (
        achievement["id"] == f"http://testserver/credentials/achievements/{course.translation_key}/"
    )
    assert achievement["name"] == "Decent work and the care economy"
    assert achievement["description"]
    assert achievement["criteria"]["narrative"] == "- Complete every module of the course (1)."
    assert achievement["creditsAvailable"] == 40.0
    response = client.get(achievement["id"].removeprefix("http://testserver"))
    assert response.status_code == 200
    assert response.json()["id"] == achievement["id"]
    assert response.json()["name"] == achievement["name"]


@pytest.mark.django_db
def test_one_alignment_per_competency_with_its_framework(token):
    _header, payload, _signature = parts(token)
    first, second = payload["credentialSubject"]["achievement"]["alignment"]
    for alignment in (first, second):
        assert "Alignment" in alignment["type"]
        assert alignment["targetName"] and is_uri(alignment["targetUrl"])
    assert first == {
        "type": ["Alignment"],
        "targetName": "Analyse care policies",
        "targetDescription": "Reads a care policy and names its gaps.",
        "targetFramework": "Regional care competency standard",
        "targetCode": "EC0435",
        "targetType": "ceasn:Competency",
        "targetUrl": "https://standards.example/care/EC0435",
    }
    assert second["targetName"] == "Apply the 5R framework"
    assert "targetFramework" not in second and "targetCode" not in second


@pytest.mark.django_db
def test_credential_status_is_a_bitstring_status_list_entry(token):
    _header, payload, _signature = parts(token)
    status = payload["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry"
    assert status["statusPurpose"] == "revocation"
    assert status["statusListIndex"].isdigit()
    assert status["statusListCredential"] == "http://testserver/credentials/status/revocation/"
    assert status["id"] == f"{status['statusListCredential']}#{status['statusListIndex']}"


@pytest.mark.django_db
def test_criteria_narrative_follows_the_completion_rule_in_the_cohorts_language(
    organisation, course, camila, cohort
):
    course.completion_min_quiz_score = 70
    course.completion_min_attendance = 75
    course.save()
    cohort.language = "es"
    cohort.save()
    certificate = issued(complete(camila, cohort))
    _header, payload, _signature = parts(certificate.credential)
    narrative = payload["credentialSubject"]["achievement"]["criteria"]["narrative"]
    assert narrative.splitlines() == [
        "- Complete todos los módulos del curso (1).",
        "- Obtenga un promedio de al menos 70% en los cuestionarios del curso.",
        "- Asista al menos al 75% de las sesiones en vivo de la cohorte.",
    ]
    assert payload["credentialSubject"]["achievement"]["inLanguage"] == "es"


@pytest.mark.django_db
def test_competencies_gain_optional_framework_fields(course):
    competency = CourseCompetency.objects.create(page=course, title="Plain", sort_order=5)
    assert competency.framework_name == competency.framework_code == competency.framework_url == ""


def test_demo_care_course_is_aligned_to_a_regional_competency_standard():
    from learners.demo.content_en import CARE_ECONOMY
    from learners.demo.content_es import TRANSLATIONS

    spanish = TRANSLATIONS[CARE_ECONOMY["slug"]]["competencies"]
    for competencies in (CARE_ECONOMY["competencies"], spanish):
        assert [item["framework_code"] for item in competencies] == ["CUI-01", "CUI-02", "CUI-03"]
        assert all("competenc" in item["framework_name"] for item in competencies)


@pytest.mark.django_db
def test_editors_set_a_competencys_framework_in_the_course_form(client, course):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(f"/admin/pages/{course.pk}/edit/")
    assert response.status_code == 200
    for name in ("framework_name", "framework_code", "framework_url"):
        assert f'name="competencies-0-{name}"'.encode() in response.content
