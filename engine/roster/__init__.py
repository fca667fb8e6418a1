"""Rosters: a file of people, every row checked against the policy at once. One reader for the site and the
command line.

The parts, in the order a roster goes through them:

* :mod:`engine.roster.files` — bytes or a file into a table of text cells (CSV, XLSX, Parquet), within the
  upload's limits (:data:`~engine.roster.files.WEB`) or a whole registry's, in chunks
  (:data:`~engine.roster.files.COMMAND_LINE`);
* :mod:`engine.roster.cells` — the cells checked a column at a time against a schema (header aliases, words
  for values, numbers, dates);
* :mod:`engine.roster.id_numbers` — resident ID numbers (GB 11643 check digit, date of birth), masked to show;
* :mod:`engine.roster.check` — the row rules of a kind of roster over all rows, and each row's reason and next
  step in words;
* one module per kind: :mod:`~engine.roster.workers` (an employer's, articles 二 and 五),
  :mod:`~engine.roster.students` (a school's 两后生, article 十一), :mod:`~engine.roster.placements` (a
  broker's, article 四) and :mod:`~engine.roster.persons` (a county's registry: every person-level benefit);
* :mod:`engine.roster.downloads` — CSV, XLSX and Parquet written back with no cell that Excel would run;
* :mod:`engine.roster.batch` and :mod:`engine.roster.budget` — ``python -m engine batch``: a registry of any size
  in chunks, and what a county budgets for (counts and amounts by benefit, fund and county).

Nothing is written to disk but the files the command line is told to write; nothing is logged.
"""
