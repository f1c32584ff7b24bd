"""A mail server for tests, on loopback: it accepts every message and keeps it.

    with mail_server(port) as server:  # `port`: one a worker was told to send to
        ...
        server.messages  # [email.message.EmailMessage, ...]

Enough of SMTP for smtplib and Django's SMTP backend (EHLO, MAIL, RCPT, DATA,
RSET, NOOP, QUIT; no TLS, no authentication).
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import socketserver
import threading
from collections.abc import Iterator


class _Session(socketserver.StreamRequestHandler):
    def reply(self, line: bytes) -> None:
        self.wfile.write(line + b"\r\n")

    def handle(self) -> None:
        self.reply(b"220 test mail server")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb == b"EHLO":
                self.reply(b"250-test mail server")
                self.reply(b"250 8BITMIME")
            elif verb == b"DATA":
                self.reply(b"354 end with a dot")
                self.server.keep(self._message())
                self.reply(b"250 kept")
            elif verb == b"QUIT":
                self.reply(b"221 bye")
                return
            else:  # HELO, MAIL, RCPT, RSET, NOOP
                self.reply(b"250 OK")

    def _message(self) -> bytes:
        lines = []
        while (line := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
            lines.append(line[1:] if line.startswith(b"..") else line)
        return b"".join(lines)


class MailServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, port: int) -> None:
        super().__init__(("127.0.0.1", port), _Session)
        self.messages: list[email.message.EmailMessage] = []
        self._lock = threading.Lock()

    def keep(self, raw: bytes) -> None:
        with self._lock:
            self.messages.append(email.message_from_bytes(raw, policy=email.policy.default))


@contextlib.contextmanager
def mail_server(port: int) -> Iterator[MailServer]:
    """Accept mail on 127.0.0.1:`port` for the block."""
    server = MailServer(port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
