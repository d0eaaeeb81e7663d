"""Small widgets that own their messages."""
