"""The revocation status list (W3C Bitstring Status List v1.0), decoded here by hand: multibase
'u' + base64url without padding, GZIP, at least 131,072 bits, index 0 the left-most bit."""

import base64
import gzip

import pytest

from learners.certificates import status_list
from learners.certificates.services import reissue, revoke
from tests.factories import UserFactory, learner

from .conftest import complete
from .credential_helpers import parts, verify_signature

LIST = "/credentials/status/revocation/"


def decoded_bits(encoded: str) -> bytes:
    assert encoded.startswith("u")
    body = encoded[1:]
    assert "=" not in body
    return gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def bit(bits: bytes, index: int) -> int:
    return (bits[index // 8] >> (7 - index % 8)) & 1


def served_list(client) -> tuple[dict, str]:
    response = client.get(LIST)
    assert response.status_code == 200
    token = response.content.decode()
    jwk = client.get("/.well-known/jwks.json").json()["keys"][0]
    verify_signature(token, jwk)
    _header, payload, _signature = parts(token)
    return payload, token


@pytest.fixture
def staff():
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def two(cohort):
    from .credential_helpers import issued

    first = issued(complete(learner(email="first@example.org"), cohort))
    second = issued(complete(learner(email="second@example.org"), cohort))
    return first, second


@pytest.mark.django_db
def test_status_list_is_a_signed_bitstring_status_list_credential(client, two):
    payload, _token = served_list(client)
    assert payload["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert payload["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert payload["id"] == payload["jti"] == f"http://testserver{LIST}"
    assert payload["issuer"] == payload["iss"] == "http://testserver/credentials/issuer/"
    subject = payload["credentialSubject"]
    assert subject["type"] == "BitstringStatusList"
    assert subject["statusPurpose"] == "revocation"
    bits = decoded_bits(subject["encodedList"])
    assert len(bits) * 8 >= 131_072
    assert not any(bits)


@pytest.mark.django_db
def test_revoking_sets_the_certificates_bit_and_only_it(
    client, two, staff, django_capture_on_commit_callbacks
):
    first, second = two
    served_list(client)  # cached now
    with django_capture_on_commit_callbacks(execute=True):
        revoke(certificate=first, by=staff, reason="Issued in error")
    payload, _token = served_list(client)
    bits = decoded_bits(payload["credentialSubject"]["encodedList"])
    assert bit(bits, first.status_index) == 1
    assert bit(bits, second.status_index) == 0
    assert sum(bin(byte).count("1") for byte in bits) == 1


@pytest.mark.django_db
def test_replacing_sets_the_old_certificates_bit(
    client, two, staff, django_capture_on_commit_callbacks
):
    first, _second = two
    with django_capture_on_commit_callbacks(execute=True):
        new = reissue(certificate=first, by=staff)
    payload, _token = served_list(client)
    bits = decoded_bits(payload["credentialSubject"]["encodedList"])
    assert bit(bits, first.status_index) == 1
    assert bit(bits, new.status_index) == 0


@pytest.mark.django_db
def test_each_certificate_has_its_own_index_within_the_list(two):
    first, second = two
    assert first.status_index != second.status_index
    for certificate in two:
        assert 0 <= certificate.status_index < status_list.LIST_SIZE


def test_bitstring_round_trip_puts_index_zero_in_the_leftmost_bit():
    bits = status_list.bitstring([0, 9, 131_071], 131_072)
    assert bits[0] == 0b1000_0000 and bits[1] == 0b0100_0000 and bits[-1] == 0b0000_0001
    decoded = status_list.decode(status_list.encode(bits))
    assert decoded == bits
    assert [status_list.is_set(decoded, index) for index in (0, 1, 9, 131_071)] == [
        True,
        False,
        True,
        True,
    ]


def test_capacity_is_at_least_the_minimum_and_stays_half_empty():
    assert status_list.capacity(0) == 131_072
    assert status_list.capacity(65_534) == 131_072
    assert status_list.capacity(65_536) == 262_144
