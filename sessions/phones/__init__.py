"""The participants' anonymous answers: the model, the current values, the phones' rules.

No web server here: that is `tui/phones/`."""
