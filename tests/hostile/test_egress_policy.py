"""The egress policy on every spelling of an internal address: the pure policy, then the network backend's
resolve-and-check on host names. Nothing here connects anywhere: a refusal comes before any socket opens."""

from __future__ import annotations

from ipaddress import ip_address

import pytest

from cybertrack.ingest.egress import EgressPolicy, EgressRefused, refused_message
from cybertrack.ingest.network import GuardedBackend

STRICT, OPEN = EgressPolicy(), EgressPolicy(allow_private_addresses=True)

INTERNAL = [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"), ("fd12:3456::1", "private"),
    ("169.254.1.1", "link-local"), ("fe80::1", "link-local"),
    ("224.0.0.1", "multicast"), ("239.255.255.250", "multicast"), ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"),
    ("100.64.0.1", "shared (carrier-grade NAT)"), ("240.0.0.1", "reserved"), ("192.0.2.1", "private"),
    # IPv6 forms that stand for an internal IPv4 address: IPv4-mapped, NAT64, 6to4
    ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.0.0.1", "private"), ("64:ff9b::7f00:1", "loopback"),
    ("2002:7f00:1::", "loopback"), ("2002:c0a8:101::1", "private"),
]
METADATA = ["169.254.169.254", "fd00:ec2::254", "100.100.100.200", "::ffff:169.254.169.254"]
PUBLIC = ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::"]


@pytest.mark.parametrize(("address", "kind"), INTERNAL)
def test_internal_addresses_are_refused_by_default_and_open_with_the_option(address, kind):
    assert STRICT.refusal(ip_address(address)) == f"a {kind} address"
    assert OPEN.refusal(ip_address(address)) is None


@pytest.mark.parametrize("address", METADATA)
def test_cloud_metadata_is_refused_even_with_the_option(address):
    assert STRICT.refusal(ip_address(address)) == "a cloud metadata address"
    assert OPEN.refusal(ip_address(address)) == "a cloud metadata address"


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_are_allowed(address):
    assert STRICT.refusal(ip_address(address)) is None


SPELLINGS = [
    ("127.0.0.1", "loopback"), ("0x7f000001", "loopback"), ("2130706433", "loopback"), ("0177.0.0.1", "loopback"),
    ("127.1", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"), ("0:0:0:0:0:ffff:7f00:1", "loopback"),
    ("localhost", "loopback"), ("LOCALHOST.", "loopback"), ("admin.localhost", "loopback"),
    ("0", "unspecified"), ("0x0a000001", "private"), ("169.254.169.254", "cloud metadata"),
    ("0xa9fea9fe", "cloud metadata"), ("metadata.google.internal", "cloud metadata"),
    ("Metadata.Google.Internal.", "cloud metadata"),
]


@pytest.mark.parametrize(("host", "kind"), SPELLINGS)
def test_every_spelling_of_an_internal_host_is_refused_before_connecting(host, kind):
    # port 9 has no listener: a host that slipped through would fail with a connection error, not a refusal
    with pytest.raises(EgressRefused, match=f"^refused: .*a {kind} address"):
        GuardedBackend(STRICT).connect_tcp(host, 9, timeout=1)


def test_refusal_messages_name_the_host_the_address_and_the_way_out():
    assert refused_message("127.0.0.1", ip_address("127.0.0.1"), "a loopback address") == (
        "refused: 127.0.0.1 is a loopback address; use --allow-private-addresses to reach intranet sources")
    assert refused_message("0x7f000001", ip_address("127.0.0.1"), "a loopback address") == (
        "refused: 0x7f000001 resolves to 127.0.0.1, a loopback address; "
        "use --allow-private-addresses to reach intranet sources")
    assert refused_message("169.254.169.254", ip_address("169.254.169.254"), "a cloud metadata address") == (
        "refused: 169.254.169.254 is a cloud metadata address")
