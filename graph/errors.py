"""One exception hierarchy for the whole project.

Edges translate these: the CLI prints a one-line message and exits with
`exit_code`; the API answers problem+json with `status`.
"""


class DirectivesError(Exception):
    """Base of every error this project raises on purpose."""

    exit_code = 1
    status = 500
    title = "Internal error"


class InputError(DirectivesError):
    """A file or a request the user gave cannot be used as it is."""

    exit_code = 2
    status = 400
    title = "Bad input"


class UnreadableFile(InputError):
    """A file that no reader can turn into text (binary, corrupt, encrypted, too big)."""

    title = "Unreadable file"

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class NotFound(DirectivesError):
    exit_code = 3
    status = 404
    title = "Not found"

    def __init__(self, message: str, suggestions: list[str] | None = None):
        self.suggestions = suggestions or []
        super().__init__(message)


class Ambiguous(DirectivesError):
    """A citation fits several documents and the context cannot decide."""

    exit_code = 4
    status = 409
    title = "Ambiguous reference"

    def __init__(self, message: str, candidates: list[str]):
        self.candidates = candidates
        super().__init__(message)


class StoreError(DirectivesError):
    """The store cannot be opened, read or written (permissions, full disk, corruption)."""

    exit_code = 5
    status = 503
    title = "Store unavailable"
