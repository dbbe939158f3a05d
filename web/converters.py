from django.urls import register_converter


class UnicodeSlugConverter:
    """Slugs in any script ('feras-fayyad', 'فراس-فياض'), and nothing else.

    Stops odd bytes (NUL, quotes, dots) in an address before they reach a query.
    """

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnicodeSlugConverter, "uslug")


class SignedTokenConverter:
    """What django.core.signing produces: URL-safe base64, colons and a dot."""

    regex = r"[-\w:.]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(SignedTokenConverter, "token")
