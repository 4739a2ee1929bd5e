#!/usr/bin/env python3
"""Measures SIP call setup (first INVITE -> its 200 OK) on the loopback interface from kernel packet
timestamps, so neither SIPp's clock nor the engine's is trusted. Needs root (an AF_PACKET socket).

  scripts/sip-setup-times.py PORT [SECONDS]   prints: count p50_ms p99_ms max_ms
Runs SECONDS, or until SIGTERM/SIGINT. Only UDP datagrams to or from PORT on the loopback interface
are read; nothing is sent.
"""
import signal, socket, struct, sys, time

SO_TIMESTAMPNS = 35
ETH_P_ALL = 0x0003

def main():
    port = int(sys.argv[1])
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 24 * 3600
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    sniff = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    sniff.bind(("lo", 0))
    sniff.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    sniff.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024 * 1024)
    sniff.settimeout(0.5)
    invites, setups = {}, []
    end = time.monotonic() + seconds
    while time.monotonic() < end and not stop:
        try:
            data, ancillary, _, _ = sniff.recvmsg(65535, 64)
        except (socket.timeout, InterruptedError):
            continue
        # Loopback frames: a 14-byte Ethernet header, IPv4, UDP.
        if len(data) < 14 + 20 + 8 or data[12:14] != b"\x08\x00" or data[23] != 17:
            continue
        ihl = (data[14] & 0x0F) * 4
        udp = 14 + ihl
        sport, dport = struct.unpack("!HH", data[udp:udp + 4])
        if port not in (sport, dport):
            continue
        stamp = None
        for level, kind, value in ancillary:
            if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS:
                sec, nsec = struct.unpack("qq", value[:16])
                stamp = sec + nsec / 1e9
        payload = data[udp + 8:udp + 8 + 2048].decode("latin-1", "replace")
        first, _, rest = payload.partition("\r\n")
        call_id = next((line.split(":", 1)[1].strip() for line in rest.split("\r\n")
                        if line.lower().startswith(("call-id:", "i:"))), None)
        if stamp is None or call_id is None:
            continue
        if first.startswith("INVITE ") and dport == port and call_id not in invites:
            invites[call_id] = stamp
        elif first.startswith("SIP/2.0 200") and sport == port and "INVITE" in rest.split("CSeq:", 1)[-1].split("\r\n", 1)[0]:
            start = invites.pop(call_id, None)
            if start is not None:
                setups.append((stamp - start) * 1000)
    setups.sort()
    if not setups:
        print("0 - - -")
        return
    pick = lambda q: setups[min(len(setups) - 1, int(len(setups) * q))]
    print(f"{len(setups)} {pick(0.50):.2f} {pick(0.99):.2f} {setups[-1]:.2f}")

main()
