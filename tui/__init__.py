"""The Textual app of oplaeg. Importing this package does not import Textual."""
