"""Which network addresses cybertrack may fetch from.

A page, a feed item link or a redirect is chosen by whoever wrote it. Without a policy, a hostile feed could
make cybertrack read the services on its own machine or network (an admin page on 127.0.0.1, a router, the
cloud metadata service that hands out credentials) and store what it read where everyone can see it. So only
globally routable unicast addresses are reached, unless the user opens intranet sources explicitly; the cloud
metadata service is never reached. The check is on the addresses a host name resolves to, which catches every
spelling of an address (``0x7f000001``, ``2130706433``, ``127.1``, ``[::ffff:127.0.0.1]``) and every name
that points inside.
"""

from __future__ import annotations

from dataclasses import dataclass
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address

from cybertrack.ingest.errors import IngestError

IPAddress = IPv4Address | IPv6Address

OPEN_HINT = "use --allow-private-addresses to reach intranet sources"
METADATA = "a cloud metadata address"
# Where clouds serve instance credentials (AWS, GCP, Azure, OpenStack; AWS over IPv6; Alibaba; ECS tasks).
METADATA_ADDRESSES = frozenset(ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200",
                                                       "169.254.170.2"))
METADATA_NAMES = frozenset({"metadata.google.internal", "metadata.goog", "instance-data.ec2.internal"})
SHARED_ADDRESS_SPACE = IPv4Network("100.64.0.0/10")  # carrier-grade NAT, RFC 6598
NAT64_PREFIX = IPv6Network("64:ff9b::/96")  # RFC 6052: the IPv4 address is the last 32 bits


class EgressRefused(IngestError):
    """A connection the policy forbids; the message says which address and why."""


@dataclass(frozen=True)
class EgressPolicy:
    """What may be reached: public addresses always, intranet ones only when ``allow_private_addresses``."""

    allow_private_addresses: bool = False

    def refusal(self, address: IPAddress) -> str | None:
        """Why ``address`` may not be reached ("a loopback address"), or None when it may."""
        inner = embedded_ipv4(address) or address
        if address in METADATA_ADDRESSES or inner in METADATA_ADDRESSES:
            return METADATA
        if self.allow_private_addresses:
            return None
        return kind_of_internal(inner)

    def name_refusal(self, host: str) -> str | None:
        """Why a host name is refused before it is even resolved, or None: names that always mean this machine
        or the cloud metadata service, whatever a resolver would answer."""
        name = host.rstrip(".").lower()
        if name in METADATA_NAMES:
            return METADATA
        if not self.allow_private_addresses and (name == "localhost" or name.endswith(".localhost")):
            return "a loopback address"
        return None


def kind_of_internal(address: IPAddress) -> str | None:
    """What kind of non-public address this is, or None for a globally routable unicast address."""
    checks = (
        ("unspecified", address.is_unspecified), ("loopback", address.is_loopback),
        ("link-local", address.is_link_local), ("multicast", address.is_multicast),
        ("shared (carrier-grade NAT)", address in SHARED_ADDRESS_SPACE), ("reserved", address.is_reserved),
        ("private", address.is_private), ("non-public", not address.is_global),
    )
    kind = next((name for name, matches in checks if matches), None)
    return kind and f"a {kind} address"


def embedded_ipv4(address: IPAddress) -> IPv4Address | None:
    """The IPv4 address an IPv6 one stands for (IPv4-mapped, 6to4, NAT64), whose kind is the one that counts."""
    if not isinstance(address, IPv6Address):
        return None
    if address.ipv4_mapped or address.sixtofour:
        return address.ipv4_mapped or address.sixtofour
    if address in NAT64_PREFIX:
        return IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def refused_message(host: str, address: IPAddress | None, reason: str) -> str:
    """The one-line reason shown for a refused item: which host, which address, what kind, what to do."""
    what = (f"{host} is {reason}" if address is None or host.strip("[]") == str(address)
            else f"{host} resolves to {address}, {reason}")
    hint = "" if reason == METADATA else f"; {OPEN_HINT}"
    return f"refused: {what}{hint}"
