"""Polite and safe HTTP fetching: the one module through which wirecheck reads the web.

Every request goes through :class:`Fetcher`, which applies, hop by hop:

* only ``http`` and ``https`` URLs; the host's addresses are resolved and refused when any is
  private, loopback, link-local, reserved, multicast or unspecified (unless ``allow_private``),
  and the connection is then made to exactly the address that was checked, so a DNS answer
  that changes between check and connect cannot point a request inside the network;
* robots.txt of each host (``urllib.robotparser``, cached per host for a day), and its
  Crawl-delay when longer than the policy's per-host delay;
* a minimum delay between two requests to the same host;
* retries with exponential backoff (or the server's Retry-After) on 429, 5xx, timeouts and
  connection errors;
* a socket timeout and a deadline for the whole response, a size cap (Content-Length is
  checked first, then the body is streamed and reading stops at the cap, after gunzipping),
  and a content-type check before the body is read;
* at most ``max_redirects`` redirects, each target checked like the first URL.

The HTTP client is the standard library's ``http.client``, chosen deliberately: the address
pinning above needs control over the socket that httpx and urllib do not offer through a
public interface, redirects, retries and the size cap are handled here anyway, and it adds
no dependency. The hand-written parts (address pinning, redirect loop, capped streaming)
are the short functions below.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import http.client
import ipaddress
import socket
import ssl
import time
import zlib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from wirecheck import __version__

__all__ = [
    "HTML_TYPES",
    "USER_AGENT",
    "FetchError",
    "FetchPolicy",
    "Fetcher",
    "Response",
    "is_url",
]

# wirecheck has no published home page yet; change this with [project.urls] when it has.
PROJECT_URL = "https://github.com/wirecheck/wirecheck"
USER_AGENT = f"wirecheck/{__version__} (+{PROJECT_URL})"
HTML_TYPES = ("text/html", "application/xhtml+xml")
REDIRECTS = {301, 302, 303, 307, 308}
RETRY_STATUSES = {429, 500, 502, 503, 504}
CHUNK = 65_536
ROBOTS_TTL = 24 * 3600.0  # RFC 9309: a cached robots.txt should not be used for longer
ROBOTS_RETRY_AFTER = 600.0  # an unreachable robots.txt is asked for again after this
ROBOTS_MAX_BYTES = 500_000  # RFC 9309 asks crawlers to parse at least 500 KiB


class FetchError(Exception):
    """A URL that could not be fetched; the message is the reason, for one clear line."""

    def __init__(self, reason: str, *, status: int | None = None):
        super().__init__(reason)
        self.status = status  # the HTTP status that caused it, if any


@dataclass(frozen=True)
class FetchPolicy:
    """Limits and manners of a :class:`Fetcher`."""

    timeout: float = 15.0  # seconds for connecting and for each read
    deadline: float = 60.0  # seconds for one whole response, however slowly it trickles
    max_bytes: int = 10_000_000  # body size cap, after decompression
    max_redirects: int = 5
    retries: int = 3  # further tries after the first, for 429, 5xx and connection errors
    backoff: float = 2.0  # seconds before the first retry; doubles with each retry
    max_wait: float = 120.0  # longest wait for one retry, whatever Retry-After says
    host_delay: float = 1.0  # seconds between two requests to one host
    robots: bool = True
    allow_private: bool = False
    user_agent: str = USER_AGENT


@dataclass
class Response:
    """A successful response: 200 with its body, or 304 (not modified) with none."""

    url: str  # the final URL, after redirects
    status: int
    headers: Message
    body: bytes = b""

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower case ("" when the server sent none)."""
        return self.headers.get_content_type() if self.headers.get("Content-Type") else ""

    @property
    def charset(self) -> str | None:
        """The charset named by the Content-Type header, if any."""
        return self.headers.get_content_charset()


def is_url(value: str) -> bool:
    """Whether ``value`` is an http(s) URL rather than a path."""
    return value.lower().startswith(("http://", "https://"))


def _refusal(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address may not be fetched without ``allow_private``, or None."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if ip.is_global else "non-public"


@dataclass
class _Target:
    """One hop: a checked URL and the addresses its host resolved to."""

    url: str
    scheme: str
    host: str
    port: int
    path: str
    addresses: list[tuple] = field(default_factory=list)

    @property
    def origin(self) -> str:
        """``scheme://host:port``: the scope of one robots.txt."""
        return f"{self.scheme}://{self.host}:{self.port}"


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to one of the addresses checked beforehand, not a fresh lookup."""

    def __init__(self, target: _Target, timeout: float):
        super().__init__(target.host, target.port, timeout=timeout)
        self.addresses = target.addresses

    def connect(self) -> None:
        self.sock = _open_socket(self.addresses, self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """An HTTPS connection to a checked address; the certificate is checked for the host."""

    def __init__(self, target: _Target, timeout: float, context: ssl.SSLContext):
        super().__init__(target.host, target.port, timeout=timeout, context=context)
        self.addresses = target.addresses
        self.tls = context

    def connect(self) -> None:
        sock = _open_socket(self.addresses, self.timeout)
        self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)


def _open_socket(addresses: list[tuple], timeout: float | None) -> socket.socket:
    """A TCP connection to the first of ``addresses`` (getaddrinfo entries) that answers."""
    error: OSError = OSError("no address")
    for family, kind, proto, _name, sockaddr in addresses:
        sock = socket.socket(family, kind, proto)
        sock.settimeout(timeout)
        try:
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            error = exc
    raise error


class Fetcher:
    """GETs URLs under a :class:`FetchPolicy`; keeps per-host timing and robots.txt caches."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.policy = policy or FetchPolicy()
        self._sleep = sleep
        self._clock = clock
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, tuple[float, RobotFileParser | None]] = {}
        self._tls = ssl.create_default_context()

    def get(
        self,
        url: str,
        *,
        accept: Collection[str] = (),
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        """GET ``url``, following redirects; a 200 with its body or a 304.

        ``accept`` lists the media types (or prefixes ending in "/") the caller can use;
        any other Content-Type is refused before the body is read. ``headers`` are sent
        as given (e.g. If-None-Match). Raises :class:`FetchError` with the reason.
        """
        return self._get(url, accept, headers or {}, self.policy.max_bytes, robots=True)

    def _get(
        self,
        url: str,
        accept: Collection[str],
        headers: Mapping[str, str],
        max_bytes: int,
        *,
        robots: bool,
    ) -> Response:
        for _hop in range(self.policy.max_redirects + 1):
            target = self._target(url)
            if robots and self.policy.robots:
                self._check_robots(target)
            response = self._with_retries(target, headers, accept, max_bytes)
            if isinstance(response, Response):
                return response
            url = response  # a redirect: the next hop is checked like the first
        raise FetchError(f"more than {self.policy.max_redirects} redirects")

    # ------------------------------------------------------------------ checks

    def _target(self, url: str) -> _Target:
        """Split and check a URL and resolve its host, refusing private addresses."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"not an http(s) URL: {url}")
        try:
            host, port = parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:  # a port that is not a number
            raise FetchError(f"bad URL {url}: {exc}") from exc
        if not host:
            raise FetchError(f"no host in URL {url}")
        try:
            addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError(f"cannot resolve {host}: {exc}") from exc
        if not self.policy.allow_private:
            for *_, sockaddr in addresses:
                ip = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
                if kind := _refusal(ip):
                    raise FetchError(
                        f"refused: {host} resolves to a {kind} address ({ip});"
                        " use --allow-private to fetch it"
                    )
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return _Target(url, parts.scheme, host, port, path, addresses)

    def _check_robots(self, target: _Target) -> None:
        rules = self._robots_for(target)
        if rules is None:
            raise FetchError(f"robots.txt of {target.host} could not be read; not fetching")
        if not rules.can_fetch(self.policy.user_agent, target.url):
            raise FetchError(f"disallowed by robots.txt of {target.host}")

    def _robots_for(self, target: _Target) -> RobotFileParser | None:
        """The host's robots rules; None when robots.txt is unreachable (RFC 9309: stay off)."""
        key = target.origin
        cached = self._robots.get(key)
        if cached and cached[0] > self._clock():
            return cached[1]
        rules: RobotFileParser | None = RobotFileParser()
        try:
            response = self._get(f"{key}/robots.txt", (), {}, ROBOTS_MAX_BYTES, robots=False)
            rules.parse(response.body.decode("utf-8", errors="replace").splitlines())
        except FetchError as exc:
            status = getattr(exc, "status", None)
            if status in (401, 403):
                rules.disallow_all = True
            elif status is not None and 400 <= status < 500:
                rules.allow_all = True  # no robots.txt: everything is allowed
            else:
                rules = None  # unreachable or a server error
        ttl = ROBOTS_TTL if rules is not None else ROBOTS_RETRY_AFTER
        self._robots[key] = (self._clock() + ttl, rules)
        return rules

    # ------------------------------------------------------------------ requests

    def _wait_for_host(self, target: _Target) -> None:
        delay = self.policy.host_delay
        cached = self._robots.get(target.origin)
        if cached and cached[1] is not None:
            delay = max(delay, float(cached[1].crawl_delay(self.policy.user_agent) or 0))
        last = self._last_request.get(target.host)
        if last is not None and (wait := last + delay - self._clock()) > 0:
            self._sleep(wait)
        self._last_request[target.host] = self._clock()

    def _with_retries(
        self,
        target: _Target,
        headers: Mapping[str, str],
        accept: Collection[str],
        max_bytes: int,
    ) -> Response | str:
        """One hop with retries: a Response, or the URL a redirect points to."""
        attempt = 0
        while True:
            self._wait_for_host(target)
            try:
                return self._request(target, headers, accept, max_bytes)
            except _Retryable as exc:
                if attempt >= self.policy.retries:
                    raise FetchError(str(exc), status=exc.status) from None
                wait = exc.retry_after
                if wait is None:
                    wait = self.policy.backoff * 2**attempt
                self._sleep(min(wait, self.policy.max_wait))
                attempt += 1

    def _request(
        self,
        target: _Target,
        headers: Mapping[str, str],
        accept: Collection[str],
        max_bytes: int,
    ) -> Response | str:
        timeout = self.policy.timeout
        conn: http.client.HTTPConnection = (
            _PinnedHTTPS(target, timeout, self._tls)
            if target.scheme == "https"
            else _PinnedHTTP(target, timeout)
        )
        sent = {
            "User-Agent": self.policy.user_agent,
            "Accept": _accept_header(accept),
            "Accept-Encoding": "gzip",
            **headers,
        }
        started = self._clock()
        try:
            conn.request("GET", target.path, headers=sent)
            reply = conn.getresponse()
            status = reply.status
            if status in REDIRECTS:
                location = reply.getheader("Location")
                if not location:
                    raise FetchError(f"HTTP {status} redirect without a Location")
                return urljoin(target.url, location.strip())
            if status == 304:
                return Response(target.url, 304, reply.headers)
            if status in RETRY_STATUSES:
                raise _Retryable(f"HTTP {status}", status, _retry_after(reply.headers))
            if status != 200:
                raise FetchError(f"HTTP {status} {reply.reason}".strip(), status=status)
            response = Response(target.url, 200, reply.headers)
            if response.content_type and accept and not _accepted(response.content_type, accept):
                raise FetchError(f"unwanted content type {response.content_type}")
            response.body = self._read_body(reply, max_bytes, started)
            return response
        except TimeoutError:
            raise _Retryable(f"timed out (no answer within {timeout:g} s)") from None
        except (OSError, http.client.HTTPException) as exc:
            if isinstance(exc, ssl.SSLCertVerificationError):
                raise FetchError(f"TLS certificate rejected: {exc.verify_message}") from None
            raise _Retryable(f"connection failed: {exc or type(exc).__name__}") from None
        finally:
            conn.close()

    def _read_body(self, reply: http.client.HTTPResponse, cap: int, started: float) -> bytes:
        """The body, gunzipped, streamed in chunks; stops at the size cap or the deadline."""
        too_large = FetchError(f"response too large (over {cap:,} bytes)")
        length = reply.getheader("Content-Length")
        if length and length.isdigit() and int(length) > cap:
            raise too_large
        encoding = (reply.getheader("Content-Encoding") or "identity").strip().lower()
        if encoding not in ("identity", "gzip", "x-gzip"):
            raise FetchError(f"unsupported content encoding {encoding}")
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding != "identity" else None
        parts: list[bytes] = []
        size = 0
        while chunk := reply.read1(CHUNK):
            if self._clock() - started > self.policy.deadline:
                raise FetchError(f"too slow (no full response within {self.policy.deadline:g} s)")
            if inflate is not None:
                try:
                    chunk = inflate.decompress(chunk, cap + 1 - size)
                except zlib.error as exc:
                    raise FetchError(f"corrupt gzip body: {exc}") from None
            size += len(chunk)
            if size > cap:
                raise too_large
            parts.append(chunk)
        return b"".join(parts)


class _Retryable(Exception):
    """A failure worth another try: 429, 5xx, a timeout or a broken connection."""

    def __init__(self, reason: str, status: int | None = None, retry_after: float | None = None):
        super().__init__(reason)
        self.status = status
        self.retry_after = retry_after


def _accept_header(accept: Collection[str]) -> str:
    """The Accept header for the wanted types ("text/" prefixes become "text/*")."""
    wanted = [a + "*" if a.endswith("/") else a for a in accept]
    return ", ".join([*wanted, "*/*;q=0.1"]) if wanted else "*/*"


def _accepted(content_type: str, accept: Collection[str]) -> bool:
    return any(
        content_type == a or (a.endswith("/") and content_type.startswith(a)) for a in accept
    )


def _retry_after(headers: Message) -> float | None:
    """Seconds from a Retry-After header (a number or an HTTP date), if any."""
    value = (headers.get("Retry-After") or "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())
