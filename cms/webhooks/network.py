"""The SSRF guard: refuse webhook hosts that resolve inward; connect to the address checked."""

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from urllib.parse import urlsplit

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import HTTPError, NewConnectionError, SSLError
from urllib3.exceptions import TimeoutError as Urllib3Timeout
from urllib3.util.ssl_match_hostname import CertificateError

from django.conf import settings

# Cloud instance metadata services hand out credentials: refused even inside an allowed network.
METADATA_ADDRESSES = {
    ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack, DigitalOcean
    ipaddress.ip_address("fd00:ec2::254"),  # AWS over IPv6
    ipaddress.ip_address("168.63.129.16"),  # Azure's host endpoint, a globally routed address
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
}
NAT64 = ipaddress.ip_network("64:ff9b::/96")
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


class RefusedTarget(Exception):
    """The URL may not be sent to: retrying cannot help."""


class DeliveryError(Exception):
    """The attempt failed on the way (connection, TLS, timeout); a later attempt may succeed."""

    def __init__(self, message, *, timeout=False):
        super().__init__(message)
        self.timeout = timeout


def _embedded_ipv4(address):
    """The IPv4 address an IPv6 one carries (6to4, Teredo, NAT64, IPv4-compatible), if any."""
    if address.sixtofour:
        return address.sixtofour
    if address.teredo:
        return address.teredo[1]
    if address in NAT64 or (address in IPV4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _is_public(address):
    # Python 3.11's is_global alone passes multicast and some reserved ranges: name them too.
    return address.is_global and not (
        address.is_multicast
        or address.is_reserved
        or address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_unspecified
    )


def refusal(address):
    """Why webhooks may not reach this address, or None if they may."""
    address = ipaddress.ip_address(address)
    if address.version == 6 and address.ipv4_mapped:
        # ::ffff:127.0.0.1 is 127.0.0.1 to the kernel: judge (and allow) it as that.
        address = address.ipv4_mapped
    if address in METADATA_ADDRESSES:
        return f"{address} is a cloud metadata address"
    allowed = [ipaddress.ip_network(net) for net in settings.WEBHOOK_ALLOWED_NETWORKS]
    if any(address.version == net.version and address in net for net in allowed):
        return None
    embedded = _embedded_ipv4(address) if address.version == 6 else None
    if not _is_public(address) or (embedded and not _is_public(embedded)):
        return f"{address} is not a public address"
    return None


def resolve(host, port):
    """Every address the host resolves to; refused if any one of them is not allowed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise DeliveryError(f"could not resolve the host ({error.__class__.__name__})") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    for address in addresses:
        # A scoped IPv6 address ("fe80::1%eth0") is link-local, refused below.
        reason = refusal(address.split("%", 1)[0])
        if reason:
            raise RefusedTarget(f"refused: the host resolves to {reason}")
    if not addresses:
        raise DeliveryError("the host resolves to no address")
    return addresses[0]


def tls_reason(error):
    """A short reason for a failed TLS handshake, without the certificate's contents."""
    while error is not None:
        if isinstance(error, CertificateError | ssl.SSLCertVerificationError):
            return getattr(error, "verify_message", None) or "the certificate is not for this host"
        if isinstance(error, ssl.SSLError) and error.reason:
            return error.reason
        # urllib3 wraps the ssl module's error as its first argument.
        wrapped = next((arg for arg in error.args if isinstance(arg, BaseException)), None)
        error = wrapped or error.__cause__ or error.__context__
    return "handshake failed"


class Deadline:
    """A limit on one attempt's wall time, however the receiver spaces out its bytes.

    urllib3's Timeout(total=...) cannot be that limit: it sets each socket operation's timeout
    (the connect, each recv), so a receiver that sends a byte of its status line or headers every
    second resets it at each byte and can hold an attempt for minutes (issue 12: 136 s against a
    5 s timeout), past the lease that keeps other workers off the delivery. Here every operation
    gets at most the time left, and when none is left a timer shuts the connection's socket down,
    which ends whatever operation is waiting on it at once.
    """

    def __init__(self, seconds):
        self.ends = time.monotonic() + seconds
        self.expired = False
        self._lock = threading.Lock()
        self._sockets = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self):
        self._timer.start()
        return self

    def __exit__(self, *exc_info):
        self._timer.cancel()
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()

    def left(self):
        """The seconds left for the next socket operation; a timeout once there are none."""
        left = self.ends - time.monotonic()
        if self.expired or left <= 0:
            raise TimeoutError("deadline passed")
        return left

    def watch(self, sock):
        """Shut sock down when the deadline passes (now, if it has)."""
        # A second descriptor of the same socket: shutdown() acts on the socket whichever
        # descriptor names it, and this one stays valid when the TLS wrapper takes the
        # original's over (it detaches it), so the handshake is cut off too.
        duplicate = sock.dup()
        with self._lock:
            self._sockets.append(duplicate)
            if self.expired:
                self._shut(duplicate)

    def _expire(self):
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock):
        with contextlib.suppress(OSError):  # already closed by its end
            sock.shutdown(socket.SHUT_RDWR)


class _WatchedConnection:
    """Mixed into urllib3's connection classes: the connected socket is put under the deadline."""

    deadline = None

    def _new_conn(self):
        # The connect itself, before there is a socket to watch, has the time left as its
        # timeout: one address, one try.
        sock = super()._new_conn()
        try:
            self.deadline.watch(sock)
            sock.settimeout(self.deadline.left())  # for the TLS handshake, if there is one
        except BaseException:
            sock.close()
            raise
        return sock


class _HTTPConnection(_WatchedConnection, HTTPConnection):
    pass


class _HTTPSConnection(_WatchedConnection, HTTPSConnection):
    pass


def post(url, body, headers, timeout):
    """POST body to url at the address the guard checked, never following a redirect; the status.

    The connection goes to that IP address while TLS (SNI and certificate check) and the Host
    header use the URL's host name, so a DNS answer that changes between check and connect (DNS
    rebinding) cannot steer the request elsewhere. Once the name is resolved, connecting, the TLS
    handshake, sending and receiving the status line and headers take at most `timeout` seconds
    in all (Deadline); the body of the answer is not read.
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise RefusedTarget("refused: only http:// and https:// URLs are sent to")
    https = parts.scheme == "https"
    port = parts.port or (443 if https else 80)
    address = resolve(parts.hostname, port)

    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    default_port = port == (443 if https else 80)
    headers = {**headers, "Host": host if default_port else f"{host}:{port}"}
    target = parts.path or "/"
    if parts.query:
        target += f"?{parts.query}"

    # One connection of urllib3's own, no pool: nothing in it follows a redirect or retries.
    if https:
        connection = _HTTPSConnection(
            address,
            port,
            timeout=timeout,
            server_hostname=parts.hostname,
            assert_hostname=parts.hostname,
            cert_reqs=ssl.CERT_REQUIRED,
        )
    else:
        connection = _HTTPConnection(address, port, timeout=timeout)
    deadline = connection.deadline = Deadline(timeout)
    try:
        with deadline:
            # urllib3 gives the socket the connection's timeout at each step: the time left.
            connection.timeout = deadline.left()
            connection.connect()
            connection.timeout = deadline.left()
            connection.request("POST", target, body=body, headers=headers, preload_content=False)
            connection.timeout = deadline.left()
            # The body is not needed and may be large: the status is the answer, the body unread.
            status = connection.getresponse().status
    except (HTTPError, http.client.HTTPException, CertificateError, OSError) as error:
        raise failure(error, deadline.expired, timeout) from None
    finally:
        connection.close()
    return status


def failure(error, expired, timeout):
    """The DeliveryError for a failed attempt. Messages can quote the URL (and a token in its
    query), so none is passed on: the failure's kind only, or the TLS or connect error's reason."""
    if expired:
        # Cut off by the deadline: whatever the interrupted operation made of that.
        return DeliveryError(f"timed out after {timeout:g} s", timeout=True)
    if isinstance(error, NewConnectionError):  # before timeouts: urllib3 makes it a subclass
        cause = error.__cause__ or error.__context__
        why = cause.strerror if isinstance(cause, OSError) and cause.strerror else "failed"
        return DeliveryError(f"could not connect: {why}")
    if isinstance(error, TimeoutError | Urllib3Timeout):
        return DeliveryError(f"timed out after {timeout:g} s", timeout=True)
    if isinstance(error, SSLError | ssl.SSLError | CertificateError):
        return DeliveryError(f"TLS error: {tls_reason(error)}")
    return DeliveryError(f"connection error: {error.__class__.__name__}")
