"""Storage for private files (certificate PDFs): on disk outside MEDIA_ROOT, with no address.

Private files are served only by Aula's own views, after the permission check
(learners/certificates/files.py), never by a URL the storage could hand out: ``url()`` refuses,
so a template or an admin widget that tries to link a private file fails loudly instead of
publishing it.
"""

from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """A FileSystemStorage without a public address (``location`` must lie outside MEDIA_ROOT:
    production settings refuse it otherwise)."""

    def url(self, name):
        raise NotImplementedError(
            "Private files have no public address: serve them through an Aula view."
        )
