"""The baseline for the cold-start benchmark: a bare Textual app, one screen."""

from textual.app import App
from textual.widgets import Footer, Label


class BareApp(App):
    def compose(self):
        yield Label("bare app ready")
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
