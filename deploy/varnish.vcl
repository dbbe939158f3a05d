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
}

# The app servers, which send the purges (CDN_PURGE_URL=http://<this>/.purge).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    unset req.http.X-Cache;  # ours to set, below
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
    # One stored copy for every browser: Filmdesk's pages do not vary, and
    # nginx in front compresses them.
    unset req.http.Accept-Encoding;
    return (hash);
}

sub vcl_backend_response {
    # Only stored pages carry a Surrogate-Key; a page that sets a cookie is
    # never stored, so no reader gets someone else's.
    if (!beresp.http.Surrogate-Key || beresp.http.Set-Cookie ||
        beresp.status != 200) {
        set beresp.uncacheable = true;
        set beresp.ttl = 10s;
        return (deliver);
    }
    set beresp.http.xkey = beresp.http.Surrogate-Key;
    set beresp.ttl = std.duration(
        regsub(beresp.http.Surrogate-Control, "^.*max-age=([0-9]+).*$", "\1s"),
        1h);
    # A scheduled piece is due before then: its pages expire at its time, and
    # the next reader's request lets Filmdesk publish it (web/pages.py).
    if (beresp.http.Surrogate-Fresh-Until) {
        set beresp.ttl = std.time(beresp.http.Surrogate-Fresh-Until, now + beresp.ttl)
            - now;
    }
    set beresp.grace = 0s;
    return (deliver);
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
