"""ks_data/core/network.py: the workshop join address a phone in the room can actually open."""

from __future__ import annotations

import pytest

from ks_data.core import network


@pytest.mark.parametrize("host,expected", [
    ("localhost", True), ("127.0.0.1", True), ("127.0.1.1", True), ("::1", True), ("[::1]", True),
    ("192.168.1.20", False), ("ks.example.org", False), ("", False), (None, False),
])
def test_is_loopback(host, expected) -> None:
    assert network.is_loopback(host) is expected


def test_localhost_browser_gets_the_lan_addresses_with_the_server_port() -> None:
    """The trainer opened localhost: every LAN address of the laptop, with the server's port and the code."""
    address = network.join_address(browser_url="http://localhost:8501/workshop_host?presentatie=1",
                                   listen_address="", port=8502, page="workshop", code="ABC-123",
                                   lan=["192.168.1.20", "10.0.0.5"])
    assert address.reachable
    assert address.urls == ("http://192.168.1.20:8502/workshop?code=ABC-123",
                            "http://10.0.0.5:8502/workshop?code=ABC-123")


def test_server_on_loopback_only_says_so() -> None:
    for listen in ("127.0.0.1", "localhost", "::1"):
        address = network.join_address(browser_url="http://127.0.0.1:8501/", listen_address=listen, port=8501,
                                       page="workshop", code="ABC-123", lan=["192.168.1.20"])
        assert not address.reachable and address.problem == "loopback_only" and address.urls == ()


def test_no_network_at_all() -> None:
    address = network.join_address(browser_url="http://localhost:8501/", listen_address="0.0.0.0", port=8501,
                                   page="workshop", code="ABC-123", lan=[])
    assert address.problem == "no_network" and not address.reachable


def test_server_bound_to_one_address_offers_only_that_one() -> None:
    address = network.join_address(browser_url="http://localhost:8501/", listen_address="10.0.0.5", port=8501,
                                   page="workshop", code="ABC-123", lan=["192.168.1.20", "10.0.0.5"])
    assert address.urls == ("http://10.0.0.5:8501/workshop?code=ABC-123",)


def test_browser_on_a_reachable_host_keeps_its_origin_and_base_path() -> None:
    """Opened by LAN address or through a proxy: the same origin works for the room (port and base path kept)."""
    lan = network.join_address(browser_url="http://192.168.1.20:8501/workshop_host", listen_address="",
                               port=8501, page="workshop", code="K7P-Q2M", lan=[])
    assert lan.urls == ("http://192.168.1.20:8501/workshop?code=K7P-Q2M",)
    hosted = network.join_address(browser_url="https://ks.example.org/ks/workshop_host", listen_address="127.0.0.1",
                                  port=8501, page="workshop", code="K7P-Q2M", lan=[])
    assert hosted.urls == ("https://ks.example.org/ks/workshop?code=K7P-Q2M",)


def test_codes_are_url_encoded() -> None:
    address = network.join_address(browser_url="http://localhost:8501/", listen_address="", port=8501,
                                   page="workshop", code="A B&C", lan=["192.168.1.20"])
    assert address.urls == ("http://192.168.1.20:8501/workshop?code=A+B%26C",)


def test_lan_addresses_of_this_machine_are_usable_ipv4() -> None:
    """Read from the real interfaces: never loopback or link-local, each a valid dotted IPv4 address."""
    found = network.lan_addresses()
    assert found == network.usable_lan_addresses(found)
    assert all(not network.is_loopback(ip) and not ip.startswith("169.254.") for ip in found)
