"""MEDIA_STORAGE_URL, read into Django's STORAGES: uploads in an S3-compatible bucket.

    s3://BUCKET?endpoint_url=http://127.0.0.1:9000&region=eu-west-1&access=public

Credentials come from the URL (s3://KEY:SECRET@BUCKET) or, better, from
AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, as boto3 reads them.
"""

from urllib.parse import parse_qs, unquote, urlsplit

from botocore.config import Config
from django.core.exceptions import ImproperlyConfigured

# Every stored name is new (random, or a digest of what is drawn): a year, unchanged.
CACHE_FOR_A_YEAR = "max-age=31536000, immutable"
# Signed addresses outlive the stored pages that carry them (PAGE_CACHE_SECONDS,
# a day): a week, the longest S3's signatures allow.
SIGNED_FOR_SECONDS = 60 * 60 * 24 * 7
KNOWN_OPTIONS = {
    "endpoint_url",
    "region",
    "access",
    "expire",
    "custom_domain",
    "addressing_style",
}


def storage_from_url(url):
    """The STORAGES entry for a MEDIA_STORAGE_URL."""
    parts = urlsplit(url)
    query = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    if parts.scheme != "s3" or not parts.hostname:
        raise ImproperlyConfigured(
            "MEDIA_STORAGE_URL must look like s3://bucket?endpoint_url=…, "
            f"not “{parts.scheme}://…”."
        )
    if unknown := sorted(set(query) - KNOWN_OPTIONS):
        raise ImproperlyConfigured(
            f"MEDIA_STORAGE_URL has an option Filmdesk does not know: {unknown[0]}."
        )
    access = query.get("access", "public")
    if access not in ("public", "signed"):
        raise ImproperlyConfigured(
            f"MEDIA_STORAGE_URL's access must be public or signed, not “{access}”."
        )
    public = access == "public"
    expire = query.get("expire", str(SIGNED_FOR_SECONDS))
    if not expire.isdigit():
        raise ImproperlyConfigured(
            f"MEDIA_STORAGE_URL's expire must be a number of seconds, not “{expire}”."
        )
    options = {
        "bucket_name": parts.hostname,
        "region_name": query.get("region"),
        "endpoint_url": query.get("endpoint_url"),
        "custom_domain": query.get("custom_domain"),
        "default_acl": "public-read" if public else None,
        "querystring_auth": not public,
        "querystring_expire": int(expire),
        "file_overwrite": False,
        "object_parameters": {
            "CacheControl": f"{'public' if public else 'private'}, {CACHE_FOR_A_YEAR}"
        },
        "client_config": Config(
            # Local S3-compatible servers (MinIO, moto) answer on one host name.
            s3={
                "addressing_style": query.get(
                    "addressing_style", "path" if "endpoint_url" in query else "auto"
                )
            },
            signature_version="s3v4",  # signed URLs last up to a week
            # A bucket that does not answer fails an upload (and /readyz) in seconds.
            connect_timeout=2,
            read_timeout=10,
            retries={"mode": "standard", "total_max_attempts": 2},
        ),
    }
    if parts.username:
        options["access_key"] = unquote(parts.username)
        options["secret_key"] = unquote(parts.password or "")
    return {"BACKEND": "images.storage.ImageStorage", "OPTIONS": options}


def media_origin(options):
    """Where browsers fetch the bucket's files from, for the CSP's img-src."""
    if options["custom_domain"]:
        return f"https://{options['custom_domain']}"
    if options["endpoint_url"]:
        endpoint = urlsplit(options["endpoint_url"])
        return f"{endpoint.scheme}://{endpoint.netloc}"
    region = options["region_name"] or "us-east-1"
    return f"https://{options['bucket_name']}.s3.{region}.amazonaws.com"
