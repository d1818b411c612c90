"""The yardstick: the smallest Flask app there is, served the same way as Easeback.

Easeback's figures are also given as a ratio to this route's, measured in the
same run on the same machine, so they can be compared across machines.
"""
from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    """A few bytes of text, no templates, no database."""
    return "Hello"
