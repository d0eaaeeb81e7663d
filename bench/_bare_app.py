"""The baseline for first paint: a bare Textual app showing one Static (the seed's title), started like the reader."""

from textual.app import App, ComposeResult
from textual.widgets import Static

TITLE = "Respected Comrade Kim Jong Un Receives Russian Foreign Minister"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(TITLE)


if __name__ == "__main__":
    BareApp().run()
