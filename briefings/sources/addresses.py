"""Which network addresses ingest may fetch from: public ones only, unless the config allows the local network."""
from __future__ import annotations

import ipaddress
import socket


class Refused(Exception):
    """A host that resolves to an address ingest must not reach (loopback, private, link-local…)."""


def kind_of(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is not public ("loopback", "link-local"…), or None when it is."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    for name, flag in (("loopback (this machine)", address.is_loopback), ("link-local", address.is_link_local),
                       ("unspecified", address.is_unspecified), ("multicast", address.is_multicast),
                       ("private-network", address.is_private), ("reserved", address.is_reserved)):
        if flag:
            return name
    return None if address.is_global else "non-public"


def resolve(host: str, port: int) -> list[str]:
    """Every IP address `host` resolves to (an IP literal resolves to itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise OSError(f"cannot resolve {host} ({exc.strerror})") from None
    return list(dict.fromkeys(info[4][0] for info in infos))


def vetted(host: str, port: int, allow_private: bool, allow_hosts: tuple[str, ...] = ()) -> list[str]:
    """The addresses of `host` that may be reached; Refused when any of them is not public (a host that
    resolves to a public and a private address is refused too: which one is used is the resolver's choice),
    unless private addresses are allowed, or this host by name."""
    addresses = resolve(host.strip("[]"), port)
    if allow_private or host.lower().strip("[]") in allow_hosts:
        return addresses
    for text in addresses:
        kind = kind_of(ipaddress.ip_address(text.split("%")[0]))
        if kind:
            raise Refused(f"{host} is a {kind} address ({text}) — refused, so that a feed cannot make ingest read "
                          "internal pages; set allow_private = true in the [fetch] table of briefings.toml to "
                          "fetch from your own network, or list the host in allow_hosts")
    return addresses
