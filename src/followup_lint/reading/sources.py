"""Reading a draft from whatever the caller has: a path, a string, bytes or an EmailMessage.

Files are never modified here. Errors name the file and what is wrong with it.
"""

from __future__ import annotations

import email
import email.errors
import re
from email.message import EmailMessage, Message
from os import PathLike
from pathlib import Path

from followup_lint.model.errors import InputError
from followup_lint.reading.draft import Attachment, Draft, parse_text

Source = str | bytes | PathLike[str] | EmailMessage

#: Larger inputs are refused rather than risking the machine (a draft is a few KB).
MAX_BYTES = 20 * 1024 * 1024
_MAX_PARTS = 1000  # MIME parts walked before giving up on finding the text
#: The longest draft text linted, in characters. Past the tokenizer's limit (nlp.BLANK_MAX_CHARS)
#: the word and phrase rules read the first part only and the report says so; a 5 MB draft still
#: gets findings (issue 2), while anything larger is refused as not being an email at all.
MAX_CHARS = 20 * 1024 * 1024

_EML_SUFFIXES = {".eml", ".msg", ".mbox"}
_MD_SUFFIXES = {".md", ".markdown"}
_HEADER_LINE = re.compile(rb"[!-9;-~]+[ \t]*:")
# Headers a hand-written draft would not have: their presence means a real RFC 5322 message.
_MAIL_ONLY_HEADERS = re.compile(
    rb"(?:mime-version|content-type|content-transfer-encoding|message-id|received|return-path|"
    rb"delivered-to|x-[\w-]+|in-reply-to|references|user-agent|x-mailer)[ \t]*:",
    re.I,
)


def looks_like_mail(data: bytes) -> bool:
    """Does this start with an RFC 5322 header block that a plain-text draft would not have?"""
    if data.startswith(b"From "):  # an mbox "From " line
        return True
    head = data[:65536]
    for line in head.splitlines():
        if not line.strip():
            return False
        if line[:1] in (b" ", b"\t"):
            continue
        if not _HEADER_LINE.match(line):
            return False
        if _MAIL_ONLY_HEADERS.match(line):
            return True
    return False


def _check_length(text: str, where: str) -> str:
    if len(text) > MAX_CHARS:
        raise InputError(
            f"{where}: the draft is {len(text)} characters long; the limit is {MAX_CHARS} "
            "(an email after an interview is a few thousand)"
        )
    return text


def _decode_text(data: bytes, where: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: looks like a binary file (it contains NUL bytes), not a draft")
    for enc in ("utf-8-sig",):
        try:
            return data.decode(enc)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{where}: not valid UTF-8 text (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); "
                "save the draft as UTF-8"
            ) from None
    raise AssertionError("unreachable")


def read_draft(source: Source, *, path: str | None = None, format: str | None = None) -> Draft:
    """Turn any supported source into a parsed Draft.

    A `str` is the draft's text (use a `Path` for a file name); `bytes` are a file's contents;
    an `EmailMessage` is read as an .eml. `format` forces "text", "markdown" or "eml".
    """
    if isinstance(source, EmailMessage):
        return _from_message(source, path=path, raw=None)
    if isinstance(source, PathLike):
        p = Path(source)
        return read_bytes(_read_file(p), path=str(p), format=format or format_for(p))
    if isinstance(source, bytes):
        return read_bytes(
            source, path=path, format=format or (format_for(Path(path)) if path else None)
        )
    if isinstance(source, str):
        fmt = format or (format_for(Path(path)) if path else "text")
        if fmt == "eml":
            return read_bytes(source.encode("utf-8", "surrogateescape"), path=path, format="eml")
        return parse_text(_check_length(source, path or "<input>"), path=path, format=fmt)
    raise TypeError(
        f"cannot lint a {type(source).__name__}; pass a str, bytes, Path or EmailMessage"
    )


def format_for(p: Path) -> str:
    """The draft format a file name implies: "eml", "markdown" or "text"."""
    suffix = p.suffix.lower()
    if suffix in _EML_SUFFIXES:
        return "eml"
    if suffix in _MD_SUFFIXES:
        return "markdown"
    return "text"


def _read_file(p: Path) -> bytes:
    try:
        if p.is_dir():
            raise InputError(
                f"{p}: is a directory; give a draft file (or a glob such as {p}/*.eml)"
            )
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{p}: {size} bytes is larger than the {MAX_BYTES} byte limit for a draft"
            )
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None


def read_bytes(data: bytes, *, path: str | None = None, format: str | None = None) -> Draft:
    """Parse a file's bytes; an .eml (or bytes that start like one) goes through `email`."""
    where = path or "<input>"
    if len(data) > MAX_BYTES:
        raise InputError(f"{where}: {len(data)} bytes is larger than the {MAX_BYTES} byte limit")
    fmt = format
    if fmt is None or (fmt == "text" and path is None):
        fmt = "eml" if looks_like_mail(data) else (format or "text")
    if fmt != "eml":
        return parse_text(_check_length(_decode_text(data, where), where), path=path, format=fmt)
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: looks like a binary file (it contains NUL bytes), not an email")
    try:
        # Imported here: `email.policy` pulls in the header registry, which only an .eml needs.
        from email import policy

        msg = email.message_from_bytes(data, policy=policy.default)
    except (email.errors.MessageError, ValueError, IndexError) as exc:
        raise InputError(f"{where}: malformed email message ({exc})") from None
    except RecursionError:
        # The stdlib parser recurses once per nested part (multipart or message/rfc822).
        raise InputError(f"{where}: MIME parts are nested too deeply to read") from None
    if not isinstance(msg, EmailMessage) or not msg.keys():
        raise InputError(f"{where}: malformed email message (no header block found)")
    if msg.defects and any(
        isinstance(d, email.errors.MissingHeaderBodySeparatorDefect) for d in msg.defects
    ):
        raise InputError(f"{where}: malformed email message (headers and body are not separated)")
    return _from_message(msg, path=path, raw=data)


def _body_part(msg: Message) -> tuple[Message | None, list[Attachment]]:
    """The text part to lint (text/plain first, else text/html), and the attachments."""
    attachments: list[Attachment] = []
    plain: Message | None = None
    html: Message | None = None
    for n, part in enumerate(msg.walk()):
        if n > _MAX_PARTS:
            raise InputError(f"message has more than {_MAX_PARTS} MIME parts")
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        disposition = part.get_content_disposition()
        filename = part.get_filename()
        if (
            disposition == "attachment"
            or (filename and disposition != "inline")
            or (not ctype.startswith("text/"))
        ):
            payload = part.get_payload(decode=True)
            size = len(payload) if isinstance(payload, bytes) else 0
            attachments.append(Attachment(filename, ctype, size))
            continue
        if ctype == "text/plain" and plain is None:
            plain = part
        elif ctype == "text/html" and html is None:
            html = part
    return (plain or html), attachments


#: Bytes windows-1252 leaves undefined; read as Latin-1 (the C1 controls) so nothing is lost.
_CP1252_HOLES = {0xDC00 + b: b for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
#: Charsets that mail clients put on 8-bit text they did not check (RFC 2045's default).
_ASCII_NAMES = frozenset({"us-ascii", "ascii", "ansi_x3.4-1968", "646"})


def _windows_1252(data: bytes) -> str:
    return data.decode("cp1252", errors="surrogateescape").translate(_CP1252_HOLES)


def decode_body(data: bytes, declared: str | None, where: str) -> str:
    """A text body's bytes as text.

    With no charset declared (or US-ASCII declared over 8-bit bytes, the usual mislabel), the
    body is read as UTF-8 when it is valid UTF-8 and as windows-1252 otherwise, which is what
    8-bit mail without a charset almost always is (Latin-1's letters are the same bytes), and
    what mail clients assume. A charset that is declared is trusted, and a body that is not valid
    in it is an error saying so."""
    if declared is None or declared.lower() in _ASCII_NAMES:
        try:
            return data.decode("ascii" if declared else "utf-8")
        except UnicodeDecodeError:
            pass
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return _windows_1252(data)
    try:
        return data.decode(declared)
    except LookupError:
        raise InputError(f"{where}: unknown charset {declared!r} in the message body") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where}: the message body is not valid {declared} (the charset its Content-Type "
            f"header declares; byte {exc.start} of the body: {data[exc.start : exc.start + 1]!r})"
        ) from None


def _part_text(part: Message, where: str) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    text = decode_body(payload, part.get_content_charset(), where)
    if part.get_content_type() == "text/html":
        import html2text  # only needed for HTML-only mail

        conv = html2text.HTML2Text()
        conv.body_width = 0  # keep paragraphs on one line so offsets stay readable
        conv.ignore_images = True
        text = conv.handle(text).strip() + "\n"
    return text


#: Headers this module reads (from the message and from each part); the others stay unparsed.
_READ_HEADERS = (
    "subject",
    "from",
    "to",
    "cc",
    "date",
    "content-type",
    "content-disposition",
    "content-transfer-encoding",
)
#: A longer header value is refused: the stdlib parses address lists in quadratic time, and a
#: real message's headers are a few hundred characters (a long References: list a few KB).
MAX_HEADER_CHARS = 64 * 1024


def _check_headers(msg: Message, where: str) -> None:
    """Parse the headers we read, of every part, once, up front.

    `policy.default` parses a header lazily when it is first read, and some malformed values make
    the standard library raise ordinary exceptions there (an address group in From: gives an
    AttributeError in CPython 3.11). They are the message's fault: report them as input errors.
    """
    try:
        for n, part in enumerate(msg.walk()):
            if n > _MAX_PARTS:
                raise InputError(f"{where}: message has more than {_MAX_PARTS} MIME parts")
            for name, raw in part.raw_items():
                if len(raw) > MAX_HEADER_CHARS:
                    raise InputError(
                        f"{where}: header {name!r} is {len(raw)} characters long; "
                        f"the limit is {MAX_HEADER_CHARS}"
                    )
            for name in _READ_HEADERS:
                try:
                    part.get_all(name)
                except RecursionError:
                    raise
                except Exception as exc:
                    raise InputError(
                        f"{where}: malformed email header {name!r} ({type(exc).__name__})"
                    ) from None
    except RecursionError:
        raise InputError(f"{where}: MIME parts are nested too deeply to read") from None


def _from_message(msg: EmailMessage, *, path: str | None, raw: bytes | None) -> Draft:
    where = path or "<input>"
    _check_headers(msg, where)
    body_part, attachments = _body_part(msg)
    cte = (str(body_part.get("Content-Transfer-Encoding", "7bit")) if body_part else "7bit").lower()

    # When the file is a single text/plain part in plain 7/8-bit text, lint the file itself so
    # that positions are exact. Otherwise lint a rendering of its decoded headers and body.
    if (
        raw is not None
        and body_part is msg
        and body_part.get_content_type() == "text/plain"
        and cte in ("7bit", "8bit", "binary")
    ):
        try:
            text: str | None = decode_body(raw, msg.get_content_charset(), where)
        except InputError:
            text = None  # said once, with the reason, when the body is decoded below
        subject = msg.get("Subject")
        if text is not None and (
            subject is None or "=?" not in text[: text.find("\n\n") + 1 or None]
        ):
            return parse_text(
                _check_length(text, where),
                path=path,
                format="eml",
                eml_headers=True,
                attachments=attachments,
            )

    header_lines = []
    for name in ("Subject", "From", "To", "Cc", "Date"):
        value = msg.get(name)
        if value is not None:
            header_lines.append(f"{name}: {' '.join(str(value).split())}")
    body = _part_text(body_part, where) if body_part is not None else ""
    # This text is a rendering, not the file, so its line endings can be normalised.
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(header_lines) + "\n\n" + body
    return parse_text(
        _check_length(text, where),
        path=path,
        format="eml",
        basis="decoded-body",
        attachments=attachments,
        eml_headers=True,
    )
