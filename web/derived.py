"""What the site stores derived from its rows, so that no reader request
derives it (a piece's furniture, a film's box): the rules they share."""

import hashlib
from inspect import getsource

from django.db import transaction


def source_digest(*sources):
    """A short digest of the code of these modules or functions, and of texts
    (a template's source): stored with what they make, so that a release that
    changes how it is made stores it again."""
    texts = [text if isinstance(text, str) else getsource(text) for text in sources]
    return hashlib.blake2b("\0".join(texts).encode(), digest_size=8).hexdigest()


def store_once_linked(raw, store):
    """Call `store` at once, in the change's transaction; after a raw save (a
    restored version, a fixture), once committed, when the rows it links have
    arrived too."""
    if raw:
        transaction.on_commit(store)
    else:
        store()
