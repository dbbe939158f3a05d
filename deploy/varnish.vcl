vcl 4.1;

# Varnish in front of Filmdesk's gunicorn (deploy/caching.md): readers' pages
# are kept until what they show changes, and Filmdesk purges them by their
# Surrogate-Key (xkey, from Debian's varnish-modules). Editors, the admin,
# preview links and every request that is not a GET or HEAD pass.

import std;
import xkey;

backend filmdesk {
    .host = "127.0.0.1";
    .port = "8000";
    # Sick after two failed looks in three, a second apart; well after two
    # good ones. The Host must be one of ALLOWED_HOSTS.
    .probe = {
        .request = "GET /healthz HTTP/1.1"
            "Host: localhost"
            "User-Agent: Varnish health probe"
            "Connection: close";
        .interval = 1s;
        .timeout = 2s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

# The app servers, which send the purges (CDN_PURGE_URL=http://<this>/.purge).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.restarts == 0) {
        # Ours to set, below and on a restart.
        unset req.http.X-Cache;
        unset req.http.X-Fresh-Only;
        unset req.http.X-Stale-If-Error;
    }
    # How long past its time a kept page may be served: a few seconds while
    # gunicorn answers (and is asked afresh behind the reader's back), as long
    # as it is kept (a day) while it does not or answers an error.
    if (req.http.X-Stale-If-Error) {
        set req.grace = 24h;
    } elsif (req.http.X-Fresh-Only) {
        set req.grace = 0s;
    } elsif (std.healthy(req.backend_hint)) {
        set req.grace = 5s;
    }
    if (req.url == "/.purge") {
        if (req.method != "POST") {
            return (synth(405, "Method Not Allowed"));
        }
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        set req.http.n-gone = xkey.purge(req.http.Surrogate-Key);
        return (synth(200, "Purged " + req.http.n-gone));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Someone logged in (or a form's CSRF cookie), the admin and the desk,
    # and preview links: never from the cache, never into it.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=" ||
        req.http.Authorization ||
        req.url ~ "^/admin/" ||
        req.url ~ "^/preview/") {
        return (pass);
    }
    # Nothing else a reader's cookies say changes a public page.
    unset req.http.Cookie;
    # Accept-Encoding is left to Varnish, which makes it "gzip" or nothing:
    # one stored copy, compressed once (vcl_backend_response).
    return (hash);
}

sub vcl_backend_response {
    # An error in place of a page a reader may be kept: the kept page stays,
    # and the reader is asked again with it (vcl_synth); the second time, or
    # for a request that passes, the error goes to the reader, never into the
    # cache.
    if (beresp.status >= 500) {
        if (bereq.is_bgfetch ||
            (!bereq.uncacheable && !bereq.http.X-Stale-If-Error)) {
            return (abandon);
        }
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # Only stored pages carry a Surrogate-Key; a page that sets a cookie is
    # never stored, so no reader gets someone else's.
    if (!beresp.http.Surrogate-Key || beresp.http.Set-Cookie ||
        beresp.status != 200) {
        set beresp.uncacheable = true;
        set beresp.ttl = 10s;
        return (deliver);
    }
    set beresp.http.xkey = beresp.http.Surrogate-Key;
    # Stored compressed, once: gzip goes out as it is kept (nginx in front
    # passes it on), and Varnish unpacks it for the rare reader without gzip.
    if (beresp.http.Content-Type ~ "^(text/|application/(atom\+|rss\+)?xml|application/(manifest\+)?json)") {
        set beresp.do_gzip = true;
    }
    set beresp.ttl = std.duration(
        regsub(beresp.http.Surrogate-Control, "^.*max-age=([0-9]+).*$", "\1s"),
        1h);
    # A scheduled piece is due before then: its pages expire at its time, and
    # the next reader's request lets Filmdesk publish it (web/pages.py).
    if (beresp.http.Surrogate-Fresh-Until) {
        set beresp.ttl = std.time(beresp.http.Surrogate-Fresh-Until, now + beresp.ttl)
            - now;
    }
    # Kept a day past its time for when gunicorn is down (vcl_recv). A purge
    # removes a page outright: what changed is never served stale.
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_hit {
    if (obj.ttl <= 0s) {
        # A scheduled piece came due: on its pages at its time, not a request
        # later, while gunicorn answers.
        if (obj.http.Surrogate-Fresh-Until && std.healthy(req.backend_hint) &&
            !req.http.X-Stale-If-Error) {
            set req.http.X-Fresh-Only = "1";
            return (restart);
        }
        set req.http.X-Cache = "STALE";
    }
}

# gunicorn cannot be reached and nothing is kept, or the request passes: the
# site's own 503 page.
sub vcl_backend_error {
    if (bereq.is_bgfetch ||
        (!bereq.uncacheable && !bereq.http.X-Stale-If-Error)) {
        return (abandon);  # as for an error, above
    }
    set beresp.ttl = 0s;
    set beresp.grace = 0s;
    set beresp.status = 503;
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";
    set beresp.http.Cache-Control = "no-store";
    set beresp.http.Content-Security-Policy =
        "default-src 'none'; style-src 'self'; base-uri 'none'; frame-ancestors 'none'";
    set beresp.http.X-Content-Type-Options = "nosniff";
    set beresp.http.Referrer-Policy = "same-origin";
    synthetic({"<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Back soon · Filmdesk</title>
  <link rel="stylesheet" href="/static/css/error.css">
</head>
<body>
  <main id="main" class="wrap">
    <h1>Back soon</h1>
    <p>Filmdesk cannot be reached just now, so this page cannot be shown. Please try again in a minute.</p>
  </main>
</body>
</html>
"});
    return (deliver);
}

# A fetch abandoned for an error: look again, taking a page kept past its time.
sub vcl_synth {
    if (resp.status == 503 && !req.http.X-Stale-If-Error && !req.http.X-Cache &&
        (req.method == "GET" || req.method == "HEAD")) {
        set req.http.X-Stale-If-Error = "1";
        return (restart);
    }
}

sub vcl_deliver {
    # For the cache alone; readers' browsers revalidate (Cache-Control: no-cache).
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Surrogate-Control;
    unset resp.http.Surrogate-Fresh-Until;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (req.http.X-Cache) {
        set resp.http.X-Cache = req.http.X-Cache;
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

sub vcl_pass {
    set req.http.X-Cache = "PASS";
}
