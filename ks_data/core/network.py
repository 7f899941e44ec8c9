"""Where participants' phones can reach this server: the join address of a workshop.

A phone cannot open ``localhost``: when the trainer's browser uses it, the address to show is the laptop's
LAN address and the server's port, and only when the server listens on the network (``make workshop``).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
_ALL_INTERFACES = {"", "0.0.0.0", "::", "[::]"}


@dataclass(frozen=True)
class JoinAddress:
    """The address(es) to show on the group screen, best first, or why there is none.

    ``problem`` is ``""`` when ``urls`` can be reached from other devices, ``"loopback_only"`` when the
    server listens on this machine only, ``"no_network"`` when the machine has no LAN address.
    """

    urls: tuple[str, ...]
    problem: str = ""

    @property
    def reachable(self) -> bool:
        """True when other devices in the room can open ``urls``."""
        return not self.problem and bool(self.urls)


def is_loopback(host: str | None) -> bool:
    """Whether ``host`` (name or IP, IPv6 with or without brackets) means this machine only.

    >>> is_loopback("localhost"), is_loopback("127.0.0.1"), is_loopback("[::1]"), is_loopback("192.168.1.20")
    (True, True, True, False)
    """
    if not host:
        return False
    name = host.strip("[]").lower()
    if name in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def usable_lan_addresses(addresses: Sequence[str]) -> list[str]:
    """IPv4 addresses other devices may reach: no loopback, link-local or unspecified; private ranges first.

    >>> usable_lan_addresses(["127.0.0.1", "169.254.3.1", "10.0.0.5", "192.168.1.20", "fe80::1", "10.0.0.5"])
    ['10.0.0.5', '192.168.1.20']
    """
    found: list[ipaddress.IPv4Address] = []
    for text in addresses:
        try:
            ip = ipaddress.ip_address(text)
        except ValueError:
            continue
        if ip.version != 4 or ip.is_loopback or ip.is_link_local or ip.is_unspecified or ip.is_multicast:
            continue
        if ip not in found:
            found.append(ip)
    return [str(ip) for ip in sorted(found, key=lambda ip: (not ip.is_private, ip))]


def lan_addresses() -> list[str]:
    """This machine's usable IPv4 LAN addresses (network interfaces that are up), private ranges first."""
    import psutil

    stats = psutil.net_if_stats()
    addresses = [
        snic.address
        for name, snics in psutil.net_if_addrs().items()
        if stats.get(name) is None or stats[name].isup
        for snic in snics
    ]
    return usable_lan_addresses(addresses)


def join_address(*, browser_url: str, listen_address: str | None, port: int, page: str, code: str,
                 lan: Sequence[str]) -> JoinAddress:
    """The join link(s) for workshop ``code`` on page ``page`` (its URL path, e.g. ``"workshop"``).

    Args:
        browser_url: the address the trainer's own browser shows (scheme, host, port, base path).
        listen_address: the server's ``server.address`` setting (empty: all interfaces).
        port: the server's port (``server.port``), used when the browser's host is this machine.
        lan: this machine's usable LAN addresses (``lan_addresses()``).

    >>> join_address(browser_url="http://localhost:8501/workshop_host", listen_address="", port=8501,
    ...              page="workshop", code="ABC-123", lan=["192.168.1.20"]).urls
    ('http://192.168.1.20:8501/workshop?code=ABC-123',)
    >>> join_address(browser_url="http://localhost:8501/", listen_address="127.0.0.1", port=8501,
    ...              page="workshop", code="ABC-123", lan=["192.168.1.20"]).problem
    'loopback_only'
    >>> join_address(browser_url="https://ks.example.org/app/werkplaats", listen_address="127.0.0.1", port=8501,
    ...              page="workshop", code="ABC-123", lan=[]).urls
    ('https://ks.example.org/app/workshop?code=ABC-123',)
    """
    parts = urlsplit(browser_url)
    query = urlencode({"code": code})
    base = _base_path(parts.path)
    if parts.hostname and not is_loopback(parts.hostname):
        # Reached by name or LAN address (or through a proxy): the same origin works for the room.
        return JoinAddress((f"{parts.scheme or 'http'}://{parts.netloc}{base}/{page}?{query}",))
    if is_loopback(listen_address):
        return JoinAddress((), "loopback_only")
    wanted = [ip for ip in lan if (listen_address or "") in _ALL_INTERFACES or ip == listen_address]
    if not wanted:
        return JoinAddress((), "no_network")
    return JoinAddress(tuple(f"http://{ip}:{port}{base}/{page}?{query}" for ip in wanted))


def _base_path(path: str) -> str:
    """The app's base path (``server.baseUrlPath``) from the browser path: everything before the last segment.

    >>> _base_path("/app/werkplaats"), _base_path("/workshop_host"), _base_path("/")
    ('/app', '', '')
    """
    segments = [s for s in path.split("/") if s]
    return "/" + "/".join(segments[:-1]) if len(segments) > 1 else ""
