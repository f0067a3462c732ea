/* Progressive enhancement of the filters and the search box: see the README's search section. */
