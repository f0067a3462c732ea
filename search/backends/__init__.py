"""Search backends of Meedoen: modelsearch's own, with Dutch text on the database."""
