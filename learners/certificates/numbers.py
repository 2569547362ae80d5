"""Certificate numbers: "AULA-7K3M-9QXD", printed on the certificate and typed back in to
verify it."""

import re
import secrets

# Certificate numbers: "AULA-7K3M-9QXD". No 0/O, 1/I/L or U/V lookalikes, so a number read
# off paper and typed in is found.
NUMBER_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
NUMBER_PREFIX = "AULA"
NUMBER_GROUPS = 2
NUMBER_GROUP_LENGTH = 4


def new_certificate_number() -> str:
    groups = [
        "".join(secrets.choice(NUMBER_ALPHABET) for _ in range(NUMBER_GROUP_LENGTH))
        for _ in range(NUMBER_GROUPS)
    ]
    return "-".join([NUMBER_PREFIX, *groups])


def normalise_number(text: str) -> str:
    """A typed number in its printed form: ``aula 7k3m 9qxd`` → ``AULA-7K3M-9QXD``.
    Anything else comes back upper-cased without spaces (and so matches no number)."""
    compact = re.sub(r"[\s\-_.]", "", text or "").upper()
    if compact.startswith(NUMBER_PREFIX):
        compact = compact[len(NUMBER_PREFIX) :]
    if len(compact) == NUMBER_GROUPS * NUMBER_GROUP_LENGTH:
        groups = [
            compact[n : n + NUMBER_GROUP_LENGTH]
            for n in range(0, len(compact), NUMBER_GROUP_LENGTH)
        ]
        return "-".join([NUMBER_PREFIX, *groups])
    return compact[:20]
