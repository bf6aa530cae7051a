"""The widgets the screens are made of, one per module."""
