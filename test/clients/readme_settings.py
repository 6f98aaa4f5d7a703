"""The connection settings of README's "Connecting from BI tools", so that
test/clients connects exactly as the README tells analysts to, with only
the host, port, database, user and password of the throwaway server put
in place of the README's placeholders (localhost, 5432, office, analyst,
secret).

    python3 readme_settings.py jdbc PORT   # prints the JDBC URL
"""
import os
import re
import sys

README = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "README.md")
SECTION = "### Connecting from BI tools"


def section():
    text = open(README, encoding="utf-8").read()
    start = text.index(SECTION)
    end = text.find("\n### ", start + len(SECTION))
    return text[start:end if end >= 0 else len(text)]


def block(lang):
    m = re.search(r"```" + lang + r"\n(.*?)```", section(), re.S)
    if not m:
        raise ValueError("README section %r has no ```%s block" % (SECTION, lang))
    return m.group(1)


def jdbc_url(port, database):
    url = block("jdbc").strip()
    prefix = "jdbc:postgresql://localhost:5432/office"
    if not url.startswith(prefix):
        raise ValueError("README's JDBC URL does not start with " + prefix)
    return "jdbc:postgresql://127.0.0.1:%s/%s" % (port, database) + url[len(prefix):]


def odbc_connection_string(port, database, user, password):
    """The README's odbc.ini DSN as a DSN-less connection string."""
    settings = []
    for line in block("ini").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("["):
            continue
        key, value = (s.strip() for s in line.split("=", 1))
        value = {"Servername": "127.0.0.1", "Port": str(port), "Database": database,
                 "Username": user, "Password": password}.get(key, value)
        settings.append((key, value))
    return "".join("%s={%s};" % kv if kv[0] == "Driver" else "%s=%s;" % kv for kv in settings), settings


def psycopg2_connect(port, database, user, password):
    """Runs the README's psycopg2.connect(...) call with the server's values."""
    import psycopg2  # noqa: F401  (the call names it)
    m = re.search(r"psycopg2\.connect\((.*?)\)\n", block("python"), re.S)
    call = m.group(0)
    for old, new in (('"localhost"', '"127.0.0.1"'), ("5432", str(port)), ('"office"', repr(database)),
                     ('"analyst"', repr(user)), ('"secret"', repr(password))):
        call = call.replace(old, new)
    return eval(call), m.group(0).strip()


if __name__ == "__main__":
    if sys.argv[1] == "jdbc":
        print(jdbc_url(sys.argv[2], sys.argv[3]))
